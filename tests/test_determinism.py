"""Executing a notebook twice gives byte-identical result tables, headline numbers and figures (PNG),
and an executed notebook carries no machine path and no run date.

Uses the fastest committed notebook (by the benchmark timings or the executed notebook's own
papermill duration); both executions run at the same time, as two named runs in a temporary folder.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from conftest import requires_mirror

from runner_fixtures import write_fixtures

from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT, RESULTS_DIR
from transition.present import colophon
from transition.run import discovery, execute, jobs, worker



def fastest_notebook(notebooks: dict[str, discovery.Notebook]) -> discovery.Notebook:
    try:
        timings = json.loads((RESULTS_DIR / "benchmarks.json").read_text()).get("notebook_seconds", {})
    except (OSError, ValueError):
        timings = {}

    def seconds(nb: discovery.Notebook) -> float:
        if nb.stem in timings:
            return float(timings[nb.stem])
        duration = nbformat.read(nb.path, as_version=4).metadata.get("papermill", {}).get("duration")
        return float(duration) if duration else 1000.0 + nb.code_cells

    return min(notebooks.values(), key=seconds)


@requires_mirror
def test_two_executions_write_identical_tables(tmp_path):
    notebooks = discovery.discover()
    if not notebooks:
        pytest.skip("no committed notebooks yet (notebooks/NN_*.ipynb)")
    notebook = fastest_notebook(notebooks)
    layout = discovery.Layout(notebooks=NOTEBOOKS_DIR, results=tmp_path / "results", runs=tmp_path / "runs")
    planned = jobs.plan([notebook], {}, "first", layout) + jobs.plan([notebook], {}, "second", layout)
    for job in planned[1:]:
        job.staging_root = planned[0].staging_root
    execute.warm_panel(layout)
    results = execute.execute(planned, workers=2, progress=False)
    assert all(r.ok for r in results), [r.message for r in results]
    first, second = tmp_path / "runs" / "first", tmp_path / "runs" / "second"
    kinds = (".csv", ".json", ".png")
    tables = sorted(p.relative_to(first) for p in first.rglob("*") if p.suffix in kinds and p.name != "run.json")
    assert Path(f"{notebook.stem}.json") in tables and any(p.suffix == ".csv" for p in tables), tables
    assert tables == sorted(p.relative_to(second) for p in second.rglob("*")
                            if p.suffix in kinds and p.name != "run.json")
    different = [str(p) for p in tables if (first / p).read_bytes() != (second / p).read_bytes()]
    assert different == [], f"{notebook.stem}: not reproducible: {different}"


@pytest.mark.notebook
def test_a_small_notebook_twice_gives_identical_figures_and_no_machine_paths(tmp_path):
    write_fixtures(tmp_path / "notebooks", stems=("98_fixture",))
    layout = discovery.Layout(notebooks=tmp_path / "notebooks", results=tmp_path / "results", runs=tmp_path / "runs")
    [nb] = discovery.discover(layout).values()
    for name in ("one", "two"):
        [result] = execute.execute(jobs.plan([nb], {}, name, layout), workers=1, progress=False)
        assert result.ok and not result.reused, result.message
    one, two = tmp_path / "runs" / "one", tmp_path / "runs" / "two"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file() and p.suffix != ".ipynb")
    assert Path("figures/98_fixture_figure.png") in files
    assert [str(p) for p in files if (one / p).read_bytes() != (two / p).read_bytes()] == []
    text = (one / "98_fixture.ipynb").read_text(encoding="utf-8")
    assert ".staging" not in text and "UTC" not in text
    # inside the project, the paths shown in a notebook are relative to the project root
    assert worker.shown_path(PROJECT_ROOT / "results" / "figures") == "results/figures"
    assert worker.shown_path(tmp_path) == str(tmp_path.resolve())


def test_the_colophon_has_no_run_date_and_ignores_regenerated_files():
    text = colophon.colophon([])
    assert "UTC" not in text and "run 20" not in text and str(PROJECT_ROOT) not in text
    assert colophon.GENERATED == ("notebooks/*.ipynb", "results", "runs")
