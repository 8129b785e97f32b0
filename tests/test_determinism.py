"""Executing a notebook twice gives byte-identical result tables and headline numbers.

Uses the fastest committed notebook (by the benchmark timings or the executed notebook's own
papermill duration); both executions run at the same time, as two named runs in a temporary folder.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from conftest import requires_mirror

from transition.paths import NOTEBOOKS_DIR, RESULTS_DIR
from transition.run import discovery, execute, jobs

pytestmark = requires_mirror


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
    tables = sorted(p.relative_to(first) for p in first.rglob("*") if p.suffix in (".csv", ".json"))
    assert Path(f"{notebook.stem}.json") in tables and any(p.suffix == ".csv" for p in tables), tables
    assert tables == sorted(p.relative_to(second) for p in second.rglob("*") if p.suffix in (".csv", ".json"))
    different = [str(p) for p in tables if (first / p).read_bytes() != (second / p).read_bytes()]
    assert different == [], f"{notebook.stem}: not reproducible: {different}"
