"""The command line: list, run, sweep, render (in-process with click's runner, on fixture notebooks).

Usage problems, error reporting and start-up imports need no kernel; the tests marked ``notebook``
execute the fixture notebooks.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from click.testing import CliRunner
from runner_fixtures import write_fixtures

from transition.run import cli
from transition.run.cli import main
from transition.run.discovery import Layout, discover
from transition.run.resolve import check

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli-project")
    write_fixtures(root / "notebooks", stems=("97_alpha", "98_fixture"))
    env = {"TRANSITION_NOTEBOOKS_DIR": str(root / "notebooks"), "TRANSITION_RESULTS_DIR": str(root / "results"),
           "TRANSITION_RUNS_DIR": str(root / "runs")}
    return root, env


def invoke(env, *args):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def default_run(project):
    root, env = project
    result = invoke(env, "run", "-j", "2", "--no-progress")
    return root, env, result


def test_list_shows_every_parameter_with_default_type_and_allowed_values(project):
    _, env = project
    result = invoke(env, "list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "97_alpha  Fixture 97_alpha"
    row = next(line for line in lines if line.strip().startswith("start_year"))
    assert row.split()[:3] == ["start_year", "1990", "int"]
    assert row.endswith("integer from 1989 to 2000; first year of the table")
    assert any(line.split()[:3] == ["countries", '["RUS",', '"POL"]'] and "list of RUS, POL, UKR" in line
               for line in lines)
    assert sum(line.startswith("9") for line in lines) == 2


def test_list_json_is_machine_readable(project):
    _, env = project
    listing = json.loads(invoke(env, "list", "98", "--json").output)
    assert list(listing) == ["98_fixture"]
    assert listing["98_fixture"]["parameters"]["scale"] == {
        "default": "1.0", "type": "float", "allowed": "number from 0 to 10; multiplier of the values"}


def test_parameter_problems_are_reported_one_line_each_before_anything_runs(project):
    root, env = project
    result = CliRunner().invoke(main, ["run", "-p", "start_year=1850", "-p", "98.countries=XXX", "-p", "nope=1",
                                       "--name", "bad"], env=env)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4
    assert "error: nope: unknown parameter of the selected notebooks; known: countries, fail, label, scale, " \
           "start_year" in errors
    assert "error: 97_alpha: start_year = 1850: must be an integer from 1989 to 2000 (first year of the table)" in errors
    assert not (root / "runs" / "bad").exists()


@pytest.mark.parametrize("args, message", [
    (["run", "-p", "scale=2"], "need a run name (--name RUN)"),
    (["run", "99"], "99: no such notebook; notebooks: 97_alpha, 98_fixture"),
    (["run", "--name", "../up"], "--name '../up': use letters, digits"),
    (["run", "-p", "output_dir=x", "--name", "x"], "output_dir: set by the runner"),
    (["sweep", "98", "--grid", "scale=1,99"], "scale = 99.0: must be a number from 0 to 10"),
    (["sweep", "98", "--grid", "nope=1,2"], "--grid nope: unknown parameter of 98_fixture"),
    (["sweep", "98", "--grid", "scale=1,2", "-p", "scale=3"], "scale: both fixed (-p) and swept (--grid)"),
    (["run", "-j", "0"], "-j 0: run at least 1 notebook at a time"),
    (["run", "-j", "-5", "--name", "x"], "-j -5: run at least 1 notebook at a time"),
    (["sweep", "98", "--grid", "scale=1,2", "-j", "0"], "-j 0: run at least 1 notebook at a time"),
    (["run", "--name", "x\n"], "--name 'x\\n': use letters, digits"),
    (["run", "/nowhere/98_fixture.ipynb", "--name", "x"], "/nowhere/98_fixture.ipynb: no such notebook file"),
])
def test_usage_problems_exit_2_with_a_clear_line(project, args, message):
    root, env = project
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_console_script_and_module_entry_points():
    for command in ([str(Path(sys.executable).parent / "transition"), "--help"],
                    [sys.executable, "-m", "transition", "--help"]):
        output = subprocess.run(command, capture_output=True, text=True, check=True, cwd=PROJECT_ROOT).stdout
        for name in ("list", "run", "sweep", "render", "bench", "data", "registry"):
            assert f"  {name} " in output


@pytest.mark.notebook
def test_default_run_in_parallel_refreshes_the_notebooks_and_results(default_run):
    root, _, result = default_run
    assert result.exit_code == 0, result.output
    at_once = min(2, cli.cores())
    assert result.stderr.startswith(f"running 2 notebook(s), {at_once} at a time")
    assert "into notebooks/ and results/ (default run)" in result.stderr.splitlines()[0]
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["notebook", "seconds", "status"]
    assert [line.split()[0] for line in lines[2:4]] == ["97_alpha", "98_fixture"]
    assert all(line.split()[-1] == "ok" for line in lines[2:4])
    assert lines[4].startswith("2 notebook run(s), 2 ok, 0 failed; wall ")
    results = root / "results"
    assert sorted(p.relative_to(results).as_posix() for p in results.rglob("*") if p.is_file()) == [
        "97_alpha.json", "97_alpha_table.csv", "98_fixture.json", "98_fixture_table.csv",
        "figures/97_alpha_figure.png", "figures/98_fixture_figure.png"]
    executed = nbformat.read(root / "notebooks" / "98_fixture.ipynb", as_version=4)
    assert executed.metadata.papermill.parameters == {}
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in executed.cells)
    assert executed.metadata.papermill.input_path == executed.metadata.papermill.output_path
    assert executed.metadata.papermill.input_path.endswith("notebooks/98_fixture.ipynb")
    outputs = [o for c in executed.cells for o in c.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs)  # figures drawn inline
    assert any(o.get("text", "") == f"{results / '98_fixture_table.csv'}\n" for o in outputs)  # the final path
    assert not (root / "runs" / ".staging").exists()


@pytest.mark.notebook
def test_sweep_tabulates_the_headlines_and_draws_a_specification_curve(project):
    root, env = project
    result = invoke(env, "sweep", "98", "--grid", "scale=1,2", "--grid", "label=base,alt", "-p", "start_year=1991",
                    "-j", "2", "--name", "sw", "--no-progress")
    assert result.exit_code == 0, result.output
    sweep_dir = root / "runs" / "sw"
    table = pd.read_csv(sweep_dir / "sweep.csv")
    assert list(table.columns) == ["variant", "status", "seconds", "scale", "label", "n_countries", "total"]
    assert table["variant"].tolist() == ["scale-1.0__label-base", "scale-1.0__label-alt",
                                         "scale-2.0__label-base", "scale-2.0__label-alt"]
    assert table["total"].tolist() == [3.0, 3.0, 6.0, 6.0]
    assert (table["status"] == "ok").all()
    for variant in table["variant"]:
        assert (sweep_dir / variant / "98_fixture_table.csv").read_text().startswith("year,value\n1991,")
    assert (sweep_dir / "spec_curve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    record = json.loads((sweep_dir / "run.json").read_text())
    assert record["sweep"] == {"notebook": "98_fixture", "grid": {"scale": [1.0, 2.0], "label": ["base", "alt"]},
                               "fixed": {"start_year": 1991}}
    assert "sweep table: " in result.output and "variants per minute" in result.output


@pytest.mark.notebook
def test_render_builds_the_site_from_the_executed_notebooks(default_run, tmp_path):
    root, env, _ = default_run
    result = invoke(env, "render", "--output", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    pages = {p.name for p in (tmp_path / "site").glob("*.html")}
    assert {"97_alpha.html", "98_fixture.html", "index.html"} <= pages  # the book (transition.publish.book)
    page = (tmp_path / "site" / "98_fixture.html").read_text()
    assert "The total is 3.0 for 2 countries." in page
    assert 'src="_images/' in page and any((tmp_path / "site" / "_images").glob("*.png"))
    assert "rendered the English edition" in result.output


def test_bench_builds_a_valid_sweep_grid_and_a_table(project):
    from transition.run import bench  # heavy: papermill, pandas

    root, _ = project
    layout = Layout(notebooks=root / "notebooks", results=root / "results", runs=root / "runs")
    notebook = discover(layout)["98_fixture"]
    grid = bench.auto_grid(notebook)
    assert list(grid)[:2] == ["fail", "label"] or list(grid)[:2] == ["label", "fail"]
    combinations = bench._first_combinations(notebook, grid, 12)
    assert len(combinations) == 12 and all(not check(notebook, c) for c in combinations)
    table = bench.table({
        "notebook_seconds": {"01_a": 5.0},
        "default_run_serial_seconds": {"value": 50.0, "notebooks": 1, "failed": []},
        "default_run_parallel_seconds": {"value": 70.0, "jobs": 2, "target": 60.0},
        "parallel_speedup": {"value": 1.7, "jobs": 2, "target": 1.6},
        "sweep": {"notebook": "01_a", "variants": 12, "jobs": 2, "seconds": 40.0, "variants_per_minute": 18.0},
    }).splitlines()
    rows = {line.split("  ")[0].strip(): line for line in table[2:]}
    assert rows["full run, -j 2"].split()[-1] == "MISSES"
    assert rows["parallel speed-up"].split()[-1] == "meets"
    assert "18 variants/min" in rows["sweep throughput"]


# --------------------------------------------------------------------------------------------
# Errors without tracebacks, and a light start


def test_the_default_run_of_a_file_outside_the_project_is_refused(project, tmp_path):
    _, env = project
    write_fixtures(tmp_path / "elsewhere", stems=("98_fixture",))
    result = CliRunner().invoke(main, ["run", str(tmp_path / "elsewhere" / "98_fixture.ipynb")], env=env)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"error: {tmp_path / 'elsewhere' / '98_fixture.ipynb'}: not one of the project's notebooks "
        f"({env['TRANSITION_NOTEBOOKS_DIR']}/NN_*.ipynb); the default run refreshes only those: "
        "give the run a --name (runs/NAME/)"]


def test_a_broken_parameters_file_is_one_line_and_exit_2(project, tmp_path):
    _, env = project
    path = tmp_path / "params.yaml"
    path.write_text("scale: !!python/object/apply:os.system ['echo pwned']\n")
    result = CliRunner().invoke(main, ["run", "--name", "x", "-f", str(path)], env=env)
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1 and "not valid YAML (line 1, column 8)" in result.output


def test_an_unexpected_error_is_one_line_unless_debug(project, monkeypatch):
    _, env = project

    def broken(*args, **kwargs):
        raise ValueError("something deep\nwent wrong here")

    monkeypatch.setattr(cli, "discover", broken)
    result = CliRunner().invoke(main, ["list"], env=env)
    assert result.exit_code == 4
    assert result.output.splitlines() == [
        "error: internal error: ValueError: went wrong here",
        "error: run again with --debug (transition --debug COMMAND …) for the traceback"]
    result = CliRunner().invoke(main, ["--debug", "list"], env=env)
    assert isinstance(result.exception, ValueError)  # the traceback is Python's own


def test_unavailable_data_is_a_short_message_and_exit_3(monkeypatch):
    from transition.data import sources

    def unavailable(file_id, registry):
        raise sources.SourceUnavailable(f"{file_id}: not available (no file x; not in the cache y)\n"
                                        "What to do: set TRANSITION_DATA_MIRROR")

    monkeypatch.setattr(sources, "load_registry", lambda: {"wdi.csv": None})
    monkeypatch.setattr(sources, "fetch", unavailable)
    result = CliRunner().invoke(main, ["data"])
    assert result.exit_code == 3
    assert result.output.splitlines() == ["error: wdi.csv: not available (no file x; not in the cache y)",
                                          "error: What to do: set TRANSITION_DATA_MIRROR"]


def test_many_failures_are_cut_to_five_lines(project, monkeypatch):
    _, env = project

    def many(*args, **kwargs):
        raise cli.Failure([f"problem {i}" for i in range(9)])

    monkeypatch.setattr(cli, "discover", many)
    result = CliRunner().invoke(main, ["list"], env=env)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"error: problem {i}" for i in range(4)] + ["error: … and 5 more"]


HEAVY_MODULES = ("pandas", "numpy", "matplotlib", "nbformat", "jsonschema", "papermill", "nbclient", "statsmodels")


def _imported(*args: str) -> set[str]:
    """Top-level modules imported by ``python -m transition ARGS`` (from ``-X importtime``)."""
    process = subprocess.run([sys.executable, "-X", "importtime", "-m", "transition", *args], cwd=PROJECT_ROOT,
                             capture_output=True, text=True)
    names = {line.split("|")[-1].strip().split(".")[0] for line in process.stderr.splitlines()
             if line.startswith("import time:")}
    assert "transition" in names, process.stderr[-2000:]
    return names


@pytest.mark.parametrize("args", [["--help"], ["list"], ["run", "02", "-p", "base_year=1850"],
                                  ["sweep", "02", "--grid", "base_year=1850,1990"]])
def test_help_list_and_refusing_a_parameter_import_no_scientific_stack(args):
    """Start-up in well under a second: neither pandas nor nbformat (→ jsonschema) nor matplotlib."""
    heavy = sorted(_imported(*args) & set(HEAVY_MODULES))
    assert heavy == [], f"transition {' '.join(args)} imports {heavy}"


@pytest.mark.notebook
def test_run_path_runs_that_very_file(project, tmp_path):
    root, env = project
    elsewhere = write_fixtures(tmp_path / "elsewhere", stems=("98_fixture",))
    copy = nbformat.read(elsewhere / "98_fixture.ipynb", as_version=4)
    cell = next(c for c in copy.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace("scale = 1.0", "scale = 5.0")
    nbformat.write(copy, elsewhere / "98_fixture.ipynb")
    result = invoke(env, "run", str(elsewhere / "98_fixture.ipynb"), "--name", "foreign", "--no-progress")
    assert result.exit_code == 0, result.output
    assert (root / "runs" / "foreign" / "98_fixture_table.csv").read_text() == "year,value\n1990,0.0\n1991,5.0\n1992,10.0\n"
    record = json.loads((root / "runs" / "foreign" / "run.json").read_text())
    assert record["notebooks"]["98_fixture"]["parameters"]["scale"] == 5.0
