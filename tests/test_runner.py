"""The run machinery (transition.run: discovery, resolve, jobs, records, worker, execute) on tiny
fixture notebooks in a temporary project.

Parsing, checking, records and the worker's retry are tested without a kernel; the tests marked
``notebook`` execute fixture notebooks (a few seconds each): a named run and a failing re-run of it,
a failing default run, an interrupted run, a notebook that reads the others' results.
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
from runner_fixtures import (
    consumer_notebook,
    fixture_notebook,
    register_spec,
    write_fixtures,
)

from transition.chapters.parameters import Choice, Integer, ListOf, Number, Text
from transition.paths import STAGING_ENV
from transition.run import discovery, execute, jobs, problems, records, resolve, sweep, worker
from transition.run.discovery import Layout
from transition.run.problems import ParameterProblems

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path) -> Layout:
    write_fixtures(tmp_path / "notebooks", stems=("97_alpha", "98_fixture"))
    return Layout(notebooks=tmp_path / "notebooks", results=tmp_path / "results", runs=tmp_path / "runs")


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
    assert discovery.parse_parameters_cell(source) == [
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
    value = resolve.parse_value(text, rule)
    assert value == expected and type(value) is type(expected)


def test_a_value_the_rule_rejects_is_returned_for_the_check_to_report():
    assert resolve.parse_value("1850", Integer(1989, 2000)) == 1850
    assert resolve.parse_value("abc", Integer(1989, 2000)) == "abc"


def test_grid_values_split_at_top_level_commas_only():
    assert resolve.split_grid_values("1989, 1990 ,1991") == ["1989", "1990", "1991"]
    assert resolve.split_grid_values("[RUS,UKR],[POL]") == ["[RUS,UKR]", "[POL]"]
    assert resolve.split_grid_values("") == []


def test_discover_joins_the_parameters_cell_with_the_spec(project):
    notebooks = discovery.discover(project)
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
    assert "96_new" not in discovery.discover(project)
    nbformat.write(fixture_notebook("96_new"), project.notebooks / "96_new.ipynb")
    (project.notebooks / "README.ipynb").write_text("{}")  # not NN_*.ipynb: ignored
    notebooks = discovery.discover(project)
    assert list(notebooks) == ["96_new", "97_alpha", "98_fixture"]
    assert notebooks["96_new"].spec is None  # no spec declared in this process: cell only
    assert notebooks["96_new"].parameters["start_year"].type == "int"


def test_select_by_stem_number_or_path(project):
    notebooks = discovery.discover(project)
    assert [nb.stem for nb in discovery.select(notebooks, [])] == ["97_alpha", "98_fixture"]
    by_path = str(project.notebooks / "97_alpha.ipynb")
    assert [nb.stem for nb in discovery.select(notebooks, ["98", by_path, "98_fixture"])] == ["98_fixture", "97_alpha"]
    assert discovery.select(notebooks, [by_path])[0] is notebooks["97_alpha"]
    with pytest.raises(ParameterProblems) as problems:
        discovery.select(notebooks, ["99", "nope"])
    assert len(problems.value.lines) == 2
    assert "99: no such notebook; notebooks: 97_alpha, 98_fixture" in problems.value.lines


def test_a_path_names_that_file_never_the_project_notebook_of_the_same_stem(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    copy = fixture_notebook("98_fixture")
    copy.cells[0].source = "# A different 98_fixture"
    nbformat.write(copy, elsewhere / "98_fixture.ipynb")
    notebooks = discovery.discover(project)
    [chosen] = discovery.select(notebooks, [str(elsewhere / "98_fixture.ipynb")])
    assert chosen.path == elsewhere / "98_fixture.ipynb" and chosen.title == "A different 98_fixture"
    assert not chosen.in_project and chosen.spec is notebooks["98_fixture"].spec  # the spec is the stem's
    with pytest.raises(ParameterProblems, match="not one of the project's notebooks"):
        jobs.plan([chosen], {}, None, project)  # the default run refreshes only the project's notebooks
    [job] = jobs.plan([chosen], {}, "foreign", project)
    assert job.notebook == elsewhere / "98_fixture.ipynb" and job.cwd == elsewhere.resolve()
    with pytest.raises(ParameterProblems, match="missing.ipynb: no such notebook file"):
        discovery.select(notebooks, [str(elsewhere / "missing.ipynb")])
    (elsewhere / "broken.ipynb").write_text("{not json")
    with pytest.raises(ParameterProblems, match="not a readable notebook"):
        discovery.select(notebooks, [str(elsewhere / "broken.ipynb")])


def test_notebooks_are_read_as_plain_json(project):
    """Discovery needs no nbformat: a source kept as one string or as a list of lines reads the same."""
    path = project.notebooks / "98_fixture.ipynb"
    content = json.loads(path.read_text())
    for cell in content["cells"]:
        cell["source"] = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    path.write_text(json.dumps(content))
    as_strings = discovery.read_notebook(path)
    for cell in content["cells"]:
        cell["source"] = cell["source"].splitlines(keepends=True)
    path.write_text(json.dumps(content))
    as_lines = discovery.read_notebook(path)
    assert as_strings == as_lines and as_lines.title == "Fixture 98_fixture" and len(as_lines.parameters) == 6


def test_resolve_types_values_and_targets_notebooks(project, tmp_path):
    selected = list(discovery.discover(project).values())
    params_file = tmp_path / "params.yaml"
    params_file.write_text("scale: 2.5\nlabel: alt\n98_fixture:\n  countries: [UKR]\n")
    overrides = resolve.resolve(selected, ["start_year=1995", "98.scale=4", "97_alpha.countries=RUS,UKR"], params_file)
    assert overrides["97_alpha"] == {"scale": 2.5, "label": "alt", "start_year": 1995, "countries": ["RUS", "UKR"]}
    assert overrides["98_fixture"] == {"scale": 4.0, "label": "alt", "countries": ["UKR"], "start_year": 1995}
    assert isinstance(overrides["98_fixture"]["start_year"], int)


def test_every_parameter_problem_is_reported_before_anything_runs(project):
    selected = list(discovery.discover(project).values())
    with pytest.raises(ParameterProblems) as problems:
        resolve.resolve(selected, ["start_year=1850", "98.countries=RUS,XXX", "bogus=1", "output_dir=/tmp/x",
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
    with pytest.raises(ParameterProblems, match="expected key=value"):
        resolve.resolve(selected, ["noequals"])


@pytest.mark.parametrize("content, message", [
    (b"scale: !!python/object:os.system [echo]\n", "not valid YAML (line 1, column 8)"),
    (b"scale: [1, 2\n", "not valid YAML"),
    (b"scale: 2\xff\xfe\n", "not UTF-8 text (byte 8)"),
    (b"a: &a [1, 1]\nb: &b [*a, *a]\nscale: [*b, *b]\n", "YAML aliases (*name) are not allowed"),
    (b"- 1\n- 2\n", "expected a mapping of parameter names to values"),
    (b"# " + b"x" * 70_000 + b"\n", "larger than 64 KiB"),
])
def test_a_bad_parameters_file_is_one_line(project, tmp_path, content, message):
    path = tmp_path / "params.yaml"
    path.write_bytes(content)
    with pytest.raises(ParameterProblems) as problems:
        resolve.resolve(list(discovery.discover(project).values()), [], path)
    assert len(problems.value.lines) == 1 and message in problems.value.lines[0], problems.value.lines


def test_a_notebook_number_read_by_yaml_as_an_integer_still_names_the_notebook(project, tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text("98:\n  scale: 3\n97_alpha:\n  scale: 4\n")
    assert resolve.load_parameter_file(path) == {None: {}, "98": {"scale": 3}, "97_alpha": {"scale": 4}}
    path.write_text("02:\n  scale: 3\n")  # YAML 1.1 reads 02 as the integer 2
    assert resolve.load_parameter_file(path) == {None: {}, "02": {"scale": 3}}


def test_the_default_run_takes_no_parameters_and_names_are_folder_names(project):
    selected = list(discovery.discover(project).values())
    with pytest.raises(ParameterProblems, match="give the run a --name"):
        jobs.plan(selected, {"98_fixture": {"scale": 2.0}}, None, project)
    planned = jobs.plan(selected, {}, None, project)
    assert [job.parameters for job in planned] == [{}, {}]
    assert planned[1].notebook_dest == project.notebooks / "98_fixture.ipynb"
    assert planned[1].output_dest == project.results
    named = jobs.plan(selected, {"98_fixture": {"scale": 2.0}}, "alt", project)
    assert named[1].parameters == {"scale": 2.0, "output_dir": str(project.runs / "alt")}
    for bad in ("", ".hidden", "a/b", "../up", "sp ace", "x\n", "x\ny"):
        with pytest.raises(ParameterProblems):
            resolve.check_name(bad)
    resolve.check_name("base-year_1990.v2")


@pytest.mark.notebook
def test_a_notebook_reading_the_others_results_runs_after_them_and_reads_the_run(project):
    nbformat.write(consumer_notebook("00_ledger", reads="98_fixture"), project.notebooks / "00_ledger.ipynb")
    notebooks = discovery.discover(project)
    named = jobs.plan(list(notebooks.values()), {}, "all", project)
    assert [(job.stem, job.stage) for job in named] == [("00_ledger", 1), ("97_alpha", 0), ("98_fixture", 0)]
    assert named[0].parameters["results_dir"] == str(project.runs / "all")
    given = jobs.plan(list(notebooks.values()), {"00_ledger": {"results_dir": "elsewhere"}}, "all", project)
    assert given[0].parameters["results_dir"] == "elsewhere"
    alone = jobs.plan([notebooks["00_ledger"]], {}, "alone", project)
    assert alone[0].stage == 0 and "results_dir" not in alone[0].parameters
    assert [job.stage for job in jobs.plan(list(notebooks.values()), {}, None, project)] == [1, 0, 0]

    selected = discovery.select(notebooks, ["00", "98"])
    report = execute.run(selected, {"98_fixture": {"scale": 3.0}}, "ledger", 2, project, progress=False)
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
    layout = Layout()
    assert layout.display(layout.runs / "alt") == "runs/alt"
    assert layout.display(Path("/somewhere/else")) == "/somewhere/else"


# --------------------------------------------------------------------------------------------
# Execution


@pytest.mark.notebook
def test_named_run_writes_its_folder_and_a_failed_rerun_replaces_nothing(project):
    notebooks = discovery.discover(project)
    selected = discovery.select(notebooks, ["98"])
    overrides = resolve.resolve(selected, ["start_year=1995", "countries=RUS,UKR,POL", "scale=2"])
    report = execute.run(selected, overrides, "alt", 1, project, progress=False)
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
    failed = execute.run(selected, {"98_fixture": {"fail": True}}, "alt", 1, project, progress=False)
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


@pytest.mark.notebook
def test_a_failing_default_run_keeps_the_committed_notebook_and_results(tmp_path):
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    nb = fixture_notebook("98_fixture")
    register_spec("98_fixture")
    parameters = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    parameters.source = parameters.source.replace("fail = False", "fail = True")
    nbformat.write(nb, notebooks_dir / "98_fixture.ipynb")
    layout = Layout(notebooks=notebooks_dir, results=tmp_path / "results", runs=tmp_path / "runs")
    (layout.results / "figures").mkdir(parents=True)
    (layout.results / "98_fixture_table.csv").write_text("good table\n")
    (layout.results / "98_fixture.json").write_text("{}\n")
    committed = (notebooks_dir / "98_fixture.ipynb").read_bytes()
    results_before = _snapshot(layout.results)

    report = execute.run(list(discovery.discover(layout).values()), {}, None, 1, layout, progress=False)
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


def _start_run(tmp_path: Path, sleep: float):
    """``transition run`` of a fixture notebook that sleeps in a cell, in its own process group; returns
    the process, the notebooks folder and the results folder (holding one good table) once the
    kernel is in the sleeping cell (Outputs() has created its folders in the staging area)."""
    notebooks_dir = write_fixtures(tmp_path / "notebooks", stems=("98_fixture",), sleep=sleep)
    results = tmp_path / "results"
    results.mkdir()
    (results / "98_fixture_table.csv").write_text("good table\n")
    env = {**os.environ, "TRANSITION_NOTEBOOKS_DIR": str(notebooks_dir), "TRANSITION_RESULTS_DIR": str(results),
           "TRANSITION_RUNS_DIR": str(tmp_path / "runs")}
    process = subprocess.Popen([sys.executable, "-m", "transition", "run", "--no-progress"], env=env,
                               cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while not list((tmp_path / "runs").glob(".staging/*/*/out/figures")):
        if process.poll() is not None or time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL) if process.poll() is None else None
            pytest.fail(f"the notebook never started: {process.communicate()}")
        time.sleep(0.2)
    time.sleep(0.5)
    return process, notebooks_dir, results


def _gone(pids: list[int], seconds: float) -> list[int]:
    import psutil

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"]
        if not alive:
            return []
        time.sleep(0.5)
    return alive


@pytest.mark.notebook
def test_an_interrupted_run_replaces_nothing_and_leaves_no_kernel(tmp_path):
    process, notebooks_dir, results = _start_run(tmp_path, sleep=120)
    committed = (notebooks_dir / "98_fixture.ipynb").read_bytes()
    try:
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


@pytest.mark.notebook
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["INT", "TERM", "KILL"])
def test_stopping_the_parent_alone_stops_its_workers_and_promotes_nothing(tmp_path, how):
    """The parent alone gets the signal (not its process group): its workers and kernels stop too,
    and even after the sleeping cell would have ended nothing is moved into place."""
    import psutil

    sleep = 6
    process, notebooks_dir, results = _start_run(tmp_path, sleep=sleep)
    sleeping_since = time.monotonic()  # the cell has been sleeping since before this moment
    committed = (notebooks_dir / "98_fixture.ipynb").read_bytes()
    children = [child.pid for child in psutil.Process(process.pid).children(recursive=True)]
    try:
        os.kill(process.pid, how)
        stdout, stderr = process.communicate(timeout=60)
        left = _gone(children, 30)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:  # the whole group is gone, as it should be
            pass
    assert left == [], f"still running after the parent stopped: {left}"
    if how != signal.SIGKILL:  # SIGTERM stops a run as Ctrl-C does
        assert process.returncode == 130 and "interrupted" in stderr, (stdout, stderr)
    time.sleep(max(0.0, sleep - (time.monotonic() - sleeping_since)))  # the cell would have ended by now
    assert (notebooks_dir / "98_fixture.ipynb").read_bytes() == committed
    assert _snapshot(results) == {"98_fixture_table.csv": b"good table\n"}
    execute.remove_stale_staging(tmp_path / "runs" / ".staging")  # what the next run does first
    assert not any(p.is_file() for p in (tmp_path / "runs").glob(".staging/**/*"))


@pytest.fixture
def busy_machine():
    """Four processes spinning on the CPU (a machine at a load of about 4 above its own)."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(4)]
    yield
    for spinner in spinners:
        spinner.kill()
        spinner.wait()


#: Counts, until a stop file appears, the most kernels running at once whose IPYTHONDIR lies under a
#: folder (a separate process: a thread in the test process could hold a lock as the workers fork).
KERNEL_COUNTER = """
import os, sys, time, psutil
folder, stop, most = sys.argv[1], sys.argv[2], 0
while not os.path.exists(stop):
    running = 0
    for process in psutil.process_iter():
        try:
            running += folder in process.environ().get("IPYTHONDIR", "")
        except (psutil.Error, OSError):
            pass
    most = max(most, running)
    time.sleep(0.2)
print(most)
"""


@pytest.mark.notebook
def test_the_default_run_completes_on_a_busy_machine_with_at_most_j_kernels(project, busy_machine, tmp_path):
    """Issue 12: on a loaded machine a kernel's start-up may take long; the run must still complete,
    and never with more kernels at once than ``-j``."""
    write_fixtures(project.notebooks, stems=("96_beta",))
    stop = tmp_path / "stop"
    counter = subprocess.Popen([sys.executable, "-c", KERNEL_COUNTER, str(project.runs), str(stop)],
                               stdout=subprocess.PIPE, text=True)
    try:
        report = execute.run(list(discovery.discover(project).values()), {}, None, 2, project, progress=False)
    finally:
        stop.write_text("")
        most = int(counter.communicate(timeout=60)[0])
    assert report.ok, [r.message for r in report.results]
    assert sorted(p.name for p in project.results.glob("*.csv")) == [
        "96_beta_table.csv", "97_alpha_table.csv", "98_fixture_table.csv"]
    assert 1 <= most <= 2


def test_summary_table_names_the_failing_cell():
    results = [jobs.JobResult("02_output_paths", "02_output_paths", "ok", 12.34),
               jobs.JobResult("03_stabilization", "03_stabilization", "failed", 3.0,
                                message="cell 5 (In [3]): ValueError: bad")]
    table = records.summary_table(results, 15.5).splitlines()
    assert table[0].split() == ["notebook", "seconds", "status"]
    assert table[2].split() == ["02_output_paths", "12.3", "ok"]
    assert table[3].split()[:3] == ["03_stabilization", "3.0", "FAILED"]
    assert table[3].endswith("cell 5 (In [3]): ValueError: bad")
    assert table[-1] == "2 notebook run(s), 1 ok, 1 failed; wall 15.5 s"


def test_run_modules_doctests():
    import doctest

    from transition.present import parameters_cell
    from transition.run import differences, stable

    for module in (parameters_cell, resolve, records, problems, stable, differences):
        outcome = doctest.testmod(module)
        assert outcome.failed == 0 and outcome.attempted > 0, module.__name__


# --------------------------------------------------------------------------------------------
# Records, staging, workers (no kernel)


def test_records_are_written_atomically_and_an_unreadable_one_is_kept_aside(tmp_path, monkeypatch):
    path = tmp_path / "run.json"
    records.write_json_atomic(path, {"a": 1}, indent=2)
    assert json.loads(path.read_text()) == {"a": 1}

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(records.os, "replace", full_disk)
    with pytest.raises(OSError):
        records.write_json_atomic(path, {"a": 2})
    monkeypatch.undo()
    assert json.loads(path.read_text()) == {"a": 1}  # the previous record is whole
    assert [p.name for p in tmp_path.iterdir()] == ["run.json"]  # no temporary file left behind
    path.write_text('{"truncated": ')
    assert records.read_record(path) == {}
    assert (tmp_path / "run.json.unreadable").read_text() == '{"truncated": '
    records.write_timings(tmp_path, [jobs.JobResult("a", "01_a", "ok", 2.5)])
    assert records.read_timings(tmp_path)["01_a"] == 2.5
    assert json.loads((tmp_path / ".timings.json").read_text())["01_a"] == 2.5


def test_stale_staging_folders_of_dead_runs_are_removed(tmp_path):
    staging = tmp_path / ".staging"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for name, owner in (("dead", dead.pid), ("alive", os.getpid())):
        (staging / name).mkdir(parents=True)
        (staging / name / execute.OWNER_FILE).write_text(f"{owner}\n")
    (staging / "unowned-new").mkdir()
    assert execute.remove_stale_staging(staging) == [staging / "dead"]
    assert sorted(p.name for p in staging.iterdir()) == ["alive", "unowned-new"]


def test_jobs_are_capped_at_the_cores(monkeypatch):
    monkeypatch.setattr(jobs, "cores", lambda: 2)
    assert [jobs.worker_count(j, 8) for j in (1, 2, 5, 0, None)] == [1, 2, 2, 2, 2]
    assert jobs.worker_count(2, 1) == 1


def _fake_papermill(monkeypatch, outcomes: list):
    """Replace papermill in the worker: each call takes the next outcome (an exception, "cell then
    die", or "ok": write the executed notebook and one output into the staging folder)."""
    calls = []

    def execute_notebook(input_path, output_path, **kwargs):
        calls.append(kwargs)
        outcome = outcomes[len(calls) - 1]
        if outcome == "cell then die":
            worker._code_cells_started += 1
            raise RuntimeError("Kernel died")
        if isinstance(outcome, BaseException):
            raise outcome
        calls[-1]["environment"] = dict(os.environ)
        nbformat.write(nbformat.v4.new_notebook(metadata={"papermill": {"input_path": "x"}}), output_path)
        (Path(os.environ[STAGING_ENV]) / "table.csv").write_text("a\n1\n")

    monkeypatch.setattr(worker.papermill, "execute_notebook", execute_notebook)
    return calls


def test_a_kernel_that_dies_before_any_cell_is_started_once_more(project, monkeypatch):
    notebook = discovery.discover(project)["98_fixture"]
    [job] = jobs.plan([notebook], {}, "retry", project)
    calls = _fake_papermill(monkeypatch, [RuntimeError("Kernel died before replying to kernel_info"), "ok"])
    result = worker.execute_job(job)
    assert result.ok and result.attempts == 2, result
    assert [call["start_timeout"] for call in calls] == [worker.KERNEL_START_TIMEOUT] * 2
    assert worker.KERNEL_START_TIMEOUT >= 180
    assert (project.runs / "retry" / "table.csv").read_text() == "a\n1\n"
    assert (project.runs / "retry" / "98_fixture.ipynb").is_file()

    [job] = jobs.plan([notebook], {}, "twice", project)
    calls = _fake_papermill(monkeypatch, [RuntimeError("Kernel died before replying to kernel_info")] * 3)
    result = worker.execute_job(job)
    assert result.status == "error" and len(calls) == 2 and "Kernel died before replying" in result.message
    assert not (project.runs / "twice").exists()


def test_a_kernel_that_dies_after_running_a_cell_is_not_started_again(project, monkeypatch):
    [job] = jobs.plan([discovery.discover(project)["98_fixture"]], {}, "died", project)
    calls = _fake_papermill(monkeypatch, ["cell then die", "ok"])
    result = worker.execute_job(job)
    assert result.status == "error" and len(calls) == 1 and result.message == "RuntimeError: Kernel died"
    assert not (project.runs / "died").exists()


def test_a_stopped_worker_moves_nothing_into_place(project, monkeypatch):
    [job] = jobs.plan([discovery.discover(project)["98_fixture"]], {}, "stopped", project)
    _fake_papermill(monkeypatch, ["ok"])
    monkeypatch.setattr(worker, "_aborted", True)
    with pytest.raises(worker.Aborted):
        worker.execute_job(job)
    assert not (project.runs / "stopped").exists()
    assert not any(p.is_file() for p in (project.runs / ".staging").rglob("*"))


def test_a_headline_typo_is_refused_before_any_variant_runs(project):
    notebook = discovery.discover(project)["98_fixture"]
    project.results.mkdir()
    (project.results / "98_fixture.json").write_text('{"total": {"value": 3.0}, "n_countries": {"value": 2}}')
    sweep.check_headlines(notebook, ["total", "per=total/n_countries"], project)
    with pytest.raises(ParameterProblems) as problems:
        sweep.sweep(notebook, {"scale": [1.0, 2.0]}, headlines=["totl", "per=total/n_country"], layout=project)
    assert problems.value.lines == [
        "--headline totl: unknown headline totl of 98_fixture; known: n_countries, total",
        "--headline per=total/n_country: unknown headline n_country of 98_fixture; known: n_countries, total"]
    assert not project.runs.exists()  # nothing ran


def test_relative_data_folders_reach_the_kernel_as_the_caller_meant_them(project, monkeypatch, tmp_path):
    """The kernel works in notebooks/: a relative TRANSITION_DATA_MIRROR is made absolute against the
    caller's directory first (and put back as it was afterwards)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRANSITION_DATA_MIRROR", "mirror")
    monkeypatch.setenv("TRANSITION_DATA_CACHE", "")
    [job] = jobs.plan([discovery.discover(project)["98_fixture"]], {}, "env", project)
    calls = _fake_papermill(monkeypatch, ["ok"])
    assert worker.execute_job(job).ok
    assert calls[0]["environment"]["TRANSITION_DATA_MIRROR"] == str(tmp_path / "mirror")
    assert calls[0]["environment"]["TRANSITION_DATA_CACHE"] == ""
    assert os.environ["TRANSITION_DATA_MIRROR"] == "mirror"
