"""Notebook executions shared by the tests, through the runner and its execution cache.

Each test module **declares** the runs it reads at import (:func:`declare`: a notebook and its
non-default parameters); the first test that asks for one (:func:`shared_run`) executes every
declared run at once, two at a time, as a named run under ``runs/tests/<label>/`` through the
execution cache (``.cache/runs/``): a run whose code, parameters, data, package and pins are those
of a stored execution is restored, not executed, so a second ``make test`` with nothing changed
executes no notebook again, and no notebook is executed twice in one session. The record's own
runs (the default run and the run as of the essay) are executed once by :func:`record_report`
(``transition verify``), which the tests of the record share.

:func:`run_notebook` (papermill into a temporary folder, no cache) remains for the few tests that
need a kernel run of their own (a bad parameter stopping the notebook).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import papermill

from transition.run import discovery, execute, jobs

PROJECT_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = PROJECT_ROOT / "notebooks"
KERNEL = "transition"
#: Named runs of the tests: runs/tests/<label>/ (git-ignored, as every named run).
TESTS_RUN = "tests"
WORKERS = 2

_DECLARED: dict[str, tuple[str, dict, Callable[[], None] | None]] = {}
_DONE: dict[str, Path] = {}
_FAILED: dict[str, str] = {}
_RECORD: dict[str, object] = {}


def run_notebook(stem: str, tmp_path: Path, **parameters) -> Path:
    """Run ``notebooks/<stem>.ipynb`` with ``parameters`` and ``output_dir`` = tmp_path/"out" (papermill,
    no cache). Returns the output folder; the executed notebook is saved beside it as ``executed.ipynb``."""
    output_dir = tmp_path / "out"
    papermill.execute_notebook(
        str(NOTEBOOKS / f"{stem}.ipynb"), str(tmp_path / "executed.ipynb"),
        parameters={**parameters, "output_dir": str(output_dir)},
        kernel_name=KERNEL, cwd=str(NOTEBOOKS), progress_bar=False,
    )
    return output_dir


def declare(label: str, stem: str, prepare: Callable[[], None] | None = None, **parameters) -> str:
    """Declare a shared run ``label`` of notebook ``stem`` with ``parameters`` (``prepare`` runs first,
    e.g. to write a folder the run reads); returns ``label``."""
    _DECLARED[label] = (stem, parameters, prepare)
    return label


def run_folder(label: str) -> Path:
    """Where the shared run ``label`` writes: ``runs/tests/<label>/``."""
    return PROJECT_ROOT / "runs" / TESTS_RUN / label


def _execute_declared() -> None:
    todo = [label for label in _DECLARED if label not in _DONE]
    notebooks = discovery.discover()
    planned = []
    for label in todo:
        stem, parameters, prepare = _DECLARED[label]
        if prepare is not None:
            prepare()
        # one plan per run: a consumer (the ledger) planned alone reads results/, as the default run does
        planned += jobs.plan([notebooks[stem]], {stem: parameters}, TESTS_RUN, subfolder=label)
    for job in planned:
        job.staging_root = planned[0].staging_root
    results = execute.execute(planned, workers=WORKERS, progress=False, warm=discovery.Layout())
    for label, result in zip(todo, results):
        _DONE[label] = run_folder(label)
        if not result.ok:
            _FAILED[label] = result.message


def shared_run(label: str) -> Path:
    """The folder of the declared run ``label`` (executing every declared run not done yet, at once);
    a run that failed fails the tests that read it, and only those."""
    if label not in _DONE:
        _execute_declared()
    assert label not in _FAILED, f"the shared run {label} failed: {_FAILED[label]}"
    return _DONE[label]


def executed_text(label: str) -> str:
    """The executed notebook of the shared run ``label``, as text."""
    stem = _DECLARED[label][0]
    return (shared_run(label) / f"{stem}.ipynb").read_text(encoding="utf-8")


def record_report():
    """``transition verify``'s report on the committed record, computed once per session (the
    default run and the run as of the essay, through the execution cache)."""
    if "report" not in _RECORD:
        from transition.run import verify

        _RECORD["report"] = verify.verify(discovery.Layout(), workers=WORKERS, progress=False)
    return _RECORD["report"]


def mirror_available() -> bool:
    configured = os.environ.get("TRANSITION_DATA_MIRROR")
    return bool(configured) and Path(configured).is_dir()
