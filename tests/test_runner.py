"""The run/sweep machinery (transition.run.runner) on tiny fixture notebooks in a temporary project.

Parsing and checking are tested without a kernel; a few tests execute fixture notebooks (a few
seconds each): a named run and a failing re-run of it, a failing default run, an interrupted run.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from runner_fixtures import consumer_notebook, fixture_notebook, register_spec, write_fixtures
from transition.paths import STAGING_ENV
from transition.run import runner
from transition.chapters.parameters import Choice, Integer, ListOf, Number, Text

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path) -> runner.Layout:
    write_fixtures(tmp_path / "notebooks", stems=("97_alpha", "98_fixture"))
    return runner.Layout(notebooks=tmp_path / "notebooks", results=tmp_path / "results", runs=tmp_path / "runs")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------------------------
# Reading notebooks and typing parameters


def test_parameters_cell_is_read_with_multiline_defaults_annotations_and_quoted_comments():
    source = ('base_year = 1989  # the essay\'s base year\n'
              'countries = ["RUS",\n             "UKR"]  # two "quoted" words\n'
              'threshold: float = 3.0\n'
              'derived = base_year + 1  # an expression\n'
              'print("not a parameter")\n')
    assert runner.parse_parameters_cell(source) == [
        ("base_year", "1989", "the essay's base year"),
        ("countries", '["RUS",\n             "UKR"]', 'two "quoted" words'),
        ("threshold", "3.0", ""),
        ("derived", "base_year + 1", "an expression"),
    ]


@pytest.mark.parametrize("text, rule, expected", [
    ("1990", Integer(1989, 2000), 1990),
    ("0.5", Number(0, 1), 0.5),
    ("2", Number(0, 10), 2.0),
    ("RUS,UKR", ListOf(["RUS", "UKR"]), ["RUS", "UKR"]),
    ("[RUS, UKR]", ListOf(["RUS", "UKR"]), ["RUS", "UKR"]),
    ("", ListOf(["RUS"], allow_empty=True), []),
    ("true", Choice([False, True]), True),
    ("pwt", Choice(["wdi", "pwt"]), "pwt"),
    ("3", Choice([1, 2, 3]), 3),
    ("None", Choice(["wdi", None]), None),
    ("runs/x", Text(), "runs/x"),
    ("1990", None, 1990),
    ("[1, 2]", None, [1, 2]),
    ("hello", None, "hello"),
])
def test_values_are_typed_by_the_rule_then_yaml(text, rule, expected):
    value = runner.parse_value(text, rule)
    assert value == expected and type(value) is type(expected)


def test_a_value_the_rule_rejects_is_returned_for_the_check_to_report():
    assert runner.parse_value("1850", Integer(1989, 2000)) == 1850
    assert runner.parse_value("abc", Integer(1989, 2000)) == "abc"


def test_grid_values_split_at_top_level_commas_only():
    assert runner.split_grid_values("1989, 1990 ,1991") == ["1989", "1990", "1991"]
    assert runner.split_grid_values("[RUS,UKR],[POL]") == ["[RUS,UKR]", "[POL]"]
    assert runner.split_grid_values("") == []


def test_discover_joins_the_parameters_cell_with_the_spec(project):
    notebooks = runner.discover(project)
    assert list(notebooks) == ["97_alpha", "98_fixture"]
    nb = notebooks["98_fixture"]
    assert nb.title == "Fixture 98_fixture"
    assert list(nb.parameters) == ["start_year", "scale", "label", "countries", "fail", "output_dir"]
    year = nb.parameters["start_year"]
    assert (year.default, year.value, year.type) == ("1990", 1990, "int")
    assert year.allowed == "integer from 1989 to 2000; first year of the table"
    assert nb.parameters["countries"].type == "list"
    assert nb.parameters["output_dir"].type == "str or None"
    assert nb.parameters["output_dir"].help == "folder for this run's outputs; None = results/"
    assert nb.defaults()["countries"] == ["RUS", "POL"]


def test_a_new_notebook_is_picked_up_without_code_changes(project):
    assert "96_new" not in runner.discover(project)
    nbformat.write(fixture_notebook("96_new"), project.notebooks / "96_new.ipynb")
    (project.notebooks / "README.ipynb").write_text("{}")  # not NN_*.ipynb: ignored
    notebooks = runner.discover(project)
    assert list(notebooks) == ["96_new", "97_alpha", "98_fixture"]
    assert notebooks["96_new"].spec is None  # no spec declared in this process: cell only
    assert notebooks["96_new"].parameters["start_year"].type == "int"


def test_select_by_stem_number_or_path(project):
    notebooks = runner.discover(project)
    assert [nb.stem for nb in runner.select(notebooks, [])] == ["97_alpha", "98_fixture"]
    assert [nb.stem for nb in runner.select(notebooks, ["98", "notebooks/97_alpha.ipynb", "98_fixture"])] == [
        "98_fixture", "97_alpha"]
    with pytest.raises(runner.ParameterProblems) as problems:
        runner.select(notebooks, ["99", "nope"])
    assert len(problems.value.lines) == 2
    assert "99: no such notebook; notebooks: 97_alpha, 98_fixture" in problems.value.lines


def test_resolve_types_values_and_targets_notebooks(project, tmp_path):
    selected = list(runner.discover(project).values())
    params_file = tmp_path / "params.yaml"
    params_file.write_text("scale: 2.5\nlabel: alt\n98_fixture:\n  countries: [UKR]\n")
    overrides = runner.resolve(selected, ["start_year=1995", "98.scale=4", "97_alpha.countries=RUS,UKR"], params_file)
    assert overrides["97_alpha"] == {"scale": 2.5, "label": "alt", "start_year": 1995, "countries": ["RUS", "UKR"]}
    assert overrides["98_fixture"] == {"scale": 4.0, "label": "alt", "countries": ["UKR"], "start_year": 1995}
    assert isinstance(overrides["98_fixture"]["start_year"], int)


def test_every_parameter_problem_is_reported_before_anything_runs(project):
    selected = list(runner.discover(project).values())
    with pytest.raises(runner.ParameterProblems) as problems:
        runner.resolve(selected, ["start_year=1850", "98.countries=RUS,XXX", "bogus=1", "output_dir=/tmp/x",
                                  "label=weird", "scale=abc"])
    lines = problems.value.lines
    assert lines[:2] == ["bogus: unknown parameter of the selected notebooks; known: countries, fail, label, scale, "
                         "start_year",
                         "output_dir: set by the runner; give the run a --name instead"]
    assert "97_alpha: start_year = 1850: must be an integer from 1989 to 2000 (first year of the table)" in lines
    assert "98_fixture: start_year = 1850: must be an integer from 1989 to 2000 (first year of the table)" in lines
    assert any(line.startswith("98_fixture: countries = ['RUS', 'XXX']: unknown 'XXX'") for line in lines)
    assert any(line.startswith("97_alpha: label = 'weird': must be one of 'base', 'alt'") for line in lines)
    assert any(line.startswith("97_alpha: scale = 'abc': must be a number from 0 to 10") for line in lines)
    assert len(lines) == 2 + 2 * 3 + 1  # one line each; nothing was executed
    assert not project.runs.exists() and not project.results.exists()
    with pytest.raises(runner.ParameterProblems, match="expected key=value"):
        runner.resolve(selected, ["noequals"])


def test_the_default_run_takes_no_parameters_and_names_are_folder_names(project):
    selected = list(runner.discover(project).values())
    with pytest.raises(runner.ParameterProblems, match="give the run a --name"):
        runner.plan(selected, {"98_fixture": {"scale": 2.0}}, None, project)
    jobs = runner.plan(selected, {}, None, project)
    assert [job.parameters for job in jobs] == [{}, {}]
    assert jobs[1].notebook_dest == project.notebooks / "98_fixture.ipynb"
    assert jobs[1].output_dest == project.results
    named = runner.plan(selected, {"98_fixture": {"scale": 2.0}}, "alt", project)
    assert named[1].parameters == {"scale": 2.0, "output_dir": str(project.runs / "alt")}
    for bad in ("", ".hidden", "a/b", "../up", "sp ace"):
        with pytest.raises(runner.ParameterProblems):
            runner.check_name(bad)
    runner.check_name("base-year_1990.v2")


def test_a_notebook_reading_the_others_results_runs_after_them_and_reads_the_run(project):
    nbformat.write(consumer_notebook("00_ledger", reads="98_fixture"), project.notebooks / "00_ledger.ipynb")
    notebooks = runner.discover(project)
    named = runner.plan(list(notebooks.values()), {}, "all", project)
    assert [(job.stem, job.stage) for job in named] == [("00_ledger", 1), ("97_alpha", 0), ("98_fixture", 0)]
    assert named[0].parameters["results_dir"] == str(project.runs / "all")
    given = runner.plan(list(notebooks.values()), {"00_ledger": {"results_dir": "elsewhere"}}, "all", project)
    assert given[0].parameters["results_dir"] == "elsewhere"
    alone = runner.plan([notebooks["00_ledger"]], {}, "alone", project)
    assert alone[0].stage == 0 and "results_dir" not in alone[0].parameters
    assert [job.stage for job in runner.plan(list(notebooks.values()), {}, None, project)] == [1, 0, 0]

    selected = runner.select(notebooks, ["00", "98"])
    report = runner.run(selected, {"98_fixture": {"scale": 3.0}}, "ledger", 2, project, progress=False)
    assert report.ok, report.results
    assert (project.runs / "ledger" / "00_ledger_read.csv").read_text() == "total\n9.0\n"


def test_outputs_reads_the_staging_folder_itself_whatever_output_dir_says(tmp_path, monkeypatch):
    from transition.present import outputs

    monkeypatch.setenv(STAGING_ENV, str(tmp_path / "staging"))
    out = outputs.Outputs("98_fixture", "runs/somewhere", lang="ru")
    assert out.dir == tmp_path / "staging" and (tmp_path / "staging" / "figures").is_dir()
    assert out.lang == "ru"
    monkeypatch.delenv(STAGING_ENV)
    assert outputs.Outputs("98_fixture", str(tmp_path / "own")).dir == tmp_path / "own"


def test_inside_the_project_the_injected_output_dir_is_relative():
    layout = runner.Layout()
    assert layout.display(layout.runs / "alt") == "runs/alt"
    assert layout.display(Path("/somewhere/else")) == "/somewhere/else"


# --------------------------------------------------------------------------------------------
# Execution


def test_named_run_writes_its_folder_and_a_failed_rerun_replaces_nothing(project):
    notebooks = runner.discover(project)
    selected = runner.select(notebooks, ["98"])
    overrides = runner.resolve(selected, ["start_year=1995", "countries=RUS,UKR,POL", "scale=2"])
    report = runner.run(selected, overrides, "alt", 1, project, progress=False)
    assert report.ok, report.results
    run_dir = project.runs / "alt"
    assert sorted(p.relative_to(run_dir).as_posix() for p in run_dir.rglob("*") if p.is_file()) == [
        "98_fixture.ipynb", "98_fixture.json", "98_fixture_table.csv", "figures/98_fixture_figure.png", "run.json"]
    assert (run_dir / "98_fixture_table.csv").read_text() == "year,value\n1995,0.0\n1996,2.0\n1997,4.0\n"
    headlines = json.loads((run_dir / "98_fixture.json").read_text())
    assert headlines["n_countries"]["value"] == 3 and headlines["total"]["value"] == 6.0

    record = json.loads((run_dir / "run.json").read_text())
    entry = record["notebooks"]["98_fixture"]
    assert entry["status"] == "ok" and entry["seconds"] > 0
    assert entry["parameters"] == {"start_year": 1995, "scale": 2.0, "label": "base",
                                   "countries": ["RUS", "UKR", "POL"], "fail": False,
                                   "output_dir": str(run_dir)}
    assert entry["overrides"] == {"start_year": 1995, "countries": ["RUS", "UKR", "POL"], "scale": 2.0}
    assert "git_commit" in record and record["packages"]["papermill"]
    assert record["kernel"] == "transition" and record["jobs"] == 1

    text = (run_dir / "98_fixture.ipynb").read_text()
    assert ".staging" not in text  # no trace of the staging folder, even in printed paths
    assert str(run_dir / "98_fixture_table.csv") in text
    executed = nbformat.reads(text, as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert f'output_dir = "{run_dir}"' in injected[0].source and "start_year = 1995" in injected[0].source
    assert any("image/png" in o.get("data", {}) for c in executed.cells for o in c.get("outputs", []))

    good = _snapshot(run_dir)
    failed = runner.run(selected, {"98_fixture": {"fail": True}}, "alt", 1, project, progress=False)
    result = failed.results[0]
    assert not failed.ok and result.status == "failed"
    assert result.cell == 8 and result.exec_count == 6  # source cell 8; In [6] (counting the injected cell)
    assert "RuntimeError: the last line of the error" in result.message
    after = _snapshot(run_dir)
    assert {k: v for k, v in after.items() if k != "run.json" and not k.startswith("failed/")} == {
        k: v for k, v in good.items() if k != "run.json"}
    assert "failed/98_fixture.ipynb" in after
    assert json.loads(after["run.json"])["notebooks"]["98_fixture"]["status"] == "failed"
    assert not (project.runs / ".staging").exists()


def test_a_failing_default_run_keeps_the_committed_notebook_and_results(tmp_path):
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    nb = fixture_notebook("98_fixture")
    register_spec("98_fixture")
    parameters = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    parameters.source = parameters.source.replace("fail = False", "fail = True")
    nbformat.write(nb, notebooks_dir / "98_fixture.ipynb")
    layout = runner.Layout(notebooks=notebooks_dir, results=tmp_path / "results", runs=tmp_path / "runs")
    (layout.results / "figures").mkdir(parents=True)
    (layout.results / "98_fixture_table.csv").write_text("good table\n")
    (layout.results / "98_fixture.json").write_text("{}\n")
    committed = (notebooks_dir / "98_fixture.ipynb").read_bytes()
    results_before = _snapshot(layout.results)

    report = runner.run(list(runner.discover(layout).values()), {}, None, 1, layout, progress=False)
    assert report.results[0].status == "failed"
    assert (notebooks_dir / "98_fixture.ipynb").read_bytes() == committed
    assert _snapshot(layout.results) == results_before  # the table written before the failure stayed staged
    assert (layout.runs / "_failed" / "98_fixture.ipynb").is_file()
    assert not (layout.runs / ".staging").exists()


def _kernels_started_under(folder: Path) -> list[int]:
    import psutil

    found = []
    for process in psutil.process_iter(["pid"]):
        try:
            if str(folder) in process.environ().get("IPYTHONDIR", ""):
                found.append(process.pid)
        except (psutil.Error, OSError):
            continue
    return found


def test_an_interrupted_run_replaces_nothing_and_leaves_no_kernel(tmp_path):
    notebooks_dir = write_fixtures(tmp_path / "notebooks", stems=("98_fixture",), sleep=120)
    results = tmp_path / "results"
    results.mkdir()
    (results / "98_fixture_table.csv").write_text("good table\n")
    committed = (notebooks_dir / "98_fixture.ipynb").read_bytes()
    env = {**os.environ, "TRANSITION_NOTEBOOKS_DIR": str(notebooks_dir), "TRANSITION_RESULTS_DIR": str(results),
           "TRANSITION_RUNS_DIR": str(tmp_path / "runs")}
    process = subprocess.Popen([sys.executable, "-m", "transition", "run", "--no-progress"], env=env,
                               cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        # Outputs() has created its folders in the staging area: the kernel is in the sleeping cell.
        while not list((tmp_path / "runs").glob(".staging/*/*/out/figures")):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the notebook never started"
            time.sleep(0.2)
        time.sleep(0.5)
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C in a terminal reaches the whole process group
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, (stdout, stderr)
    assert "interrupted" in stderr
    assert (notebooks_dir / "98_fixture.ipynb").read_bytes() == committed
    assert _snapshot(results) == {"98_fixture_table.csv": b"good table\n"}
    assert not (tmp_path / "runs" / ".staging").exists()
    deadline = time.monotonic() + 10
    while _kernels_started_under(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _kernels_started_under(tmp_path) == []


def test_summary_table_names_the_failing_cell():
    results = [runner.JobResult("02_output_paths", "02_output_paths", "ok", 12.34),
               runner.JobResult("03_stabilization", "03_stabilization", "failed", 3.0,
                                message="cell 5 (In [3]): ValueError: bad")]
    table = runner.summary_table(results, 15.5).splitlines()
    assert table[0].split() == ["notebook", "seconds", "status"]
    assert table[2].split() == ["02_output_paths", "12.3", "ok"]
    assert table[3].split()[:3] == ["03_stabilization", "3.0", "FAILED"]
    assert table[3].endswith("cell 5 (In [3]): ValueError: bad")
    assert table[-1] == "2 notebook run(s), 1 ok, 1 failed; wall 15.5 s"


def test_runner_and_site_doctests():
    import doctest

    from transition.run import site

    for module in (runner, site):
        outcome = doctest.testmod(module)
        assert outcome.failed == 0 and outcome.attempted > 0, module.__name__
