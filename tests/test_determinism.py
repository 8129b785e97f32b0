"""Executing a notebook twice gives byte-identical result tables, headline numbers and figures (PNG),
and an executed notebook carries no machine path and no run date.

A fixture notebook is executed twice here; the project's own notebooks are re-executed and compared
byte for byte with the committed record by ``transition verify`` (tests/test_record.py), by plain
nbval over notebooks/ (every output of a fresh kernel against the committed one) and, in CI, by a fresh
clone's ``make all`` leaving ``git status`` empty.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from runner_fixtures import write_fixtures

from transition.paths import PROJECT_ROOT
from transition.present import colophon
from transition.run import discovery, execute, jobs, worker



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


def test_the_colophon_has_no_run_date_no_machine_path_and_no_dirty_commit():
    text = colophon.colophon([])
    assert "UTC" not in text and "run 20" not in text and str(PROJECT_ROOT) not in text and "+dirty" not in text
    assert "- Inputs (SHA-256, the parts of the execution cache's key): code " in text
