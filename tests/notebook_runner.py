"""Notebook executions shared by the tests, through the runner and its execution cache.

Each test module **declares** the runs it reads at import (:func:`declare`: a notebook and its
non-default parameters). When the tests are collected, every declared run is executed at once, two
at a time, in a background process (:mod:`background`) while the unit tests run: a named run under
``runs/tests/<label>/`` through the execution cache (``.cache/runs/``), so a run whose code,
parameters, data, package and pins are those of a stored execution is restored, not executed (a
second ``make test`` with nothing changed executes none of them again), and no notebook is executed
twice in one session. The same process then re-executes the record as ``transition verify`` does;
:func:`record_report` is its report, shared by the tests of the record. A test reading a run waits
for it (:func:`shared_run`); without the background process (a test run by hand in an interpreter)
the runs are executed in this process.

:func:`run_notebook` (papermill into a temporary folder, no cache) remains for the one test that needs
a kernel run of its own (a bad parameter stopping the notebook).

Run as a script (by :mod:`background`): ``python tests/notebook_runner.py SPEC.json``.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = PROJECT_ROOT / "notebooks"
KERNEL = "transition"
#: Named runs of the tests: runs/tests/<label>/ (git-ignored, as every named run).
TESTS_RUN = "tests"
WORKERS = 2
RUNS_STATUS = "runs-status.json"
RECORD_REPORT = "record-report.json"

_DECLARED: dict[str, tuple[str, dict, Callable[[], None] | None]] = {}
_DONE: dict[str, Path] = {}
_FAILED: dict[str, str] = {}
_RECORD: dict[str, object] = {}


def run_notebook(stem: str, tmp_path: Path, **parameters) -> Path:
    """Run ``notebooks/<stem>.ipynb`` with ``parameters`` and ``output_dir`` = tmp_path/"out" (papermill,
    no cache). Returns the output folder; the executed notebook is saved beside it as ``executed.ipynb``."""
    import papermill

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


def declared_runs() -> list[dict]:
    """The declared runs, each prepared (its ``prepare`` called), as the background process takes them."""
    runs = []
    for label, (stem, parameters, prepare) in _DECLARED.items():
        if prepare is not None:
            prepare()
        runs.append({"label": label, "stem": stem, "parameters": parameters})
    return runs


def run_folder(label: str) -> Path:
    """Where the shared run ``label`` writes: ``runs/tests/<label>/``."""
    return PROJECT_ROOT / "runs" / TESTS_RUN / label


def execute_runs(runs: list[dict]) -> dict[str, str | None]:
    """Execute ``runs`` (dicts of label, stem, parameters) at once, ``WORKERS`` at a time, through the
    cache; label → None when it succeeded, else the failure's message."""
    from transition.run import discovery, execute, jobs

    notebooks = discovery.discover()
    planned = []
    for run in runs:
        # one plan per run: a consumer (the ledger) planned alone reads results/, as the default run does
        planned += jobs.plan([notebooks[run["stem"]]], {run["stem"]: run["parameters"]}, TESTS_RUN,
                             subfolder=run["label"])
    for job in planned:
        job.staging_root = planned[0].staging_root
    results = execute.execute(planned, workers=WORKERS, progress=False, warm=discovery.Layout())
    return {run["label"]: (None if result.ok else result.message) for run, result in zip(runs, results)}


def _record(status: dict[str, str | None]) -> None:
    for label, problem in status.items():
        _DONE[label] = run_folder(label)
        if problem is not None:
            _FAILED[label] = problem


def _from_background(name: str, file: str) -> dict | None:
    """The JSON the background process writes (waiting for it); None when there is no such process."""
    import background

    process = background.started("runs")
    if process is None:
        return None
    path = process.folder / file
    assert background.wait_for_file(path, process), \
        f"the background notebook runs ended without {file}:\n{process.output()[-3000:]}"
    return json.loads(path.read_text(encoding="utf-8"))


def shared_run(label: str) -> Path:
    """The folder of the declared run ``label`` (from the background process, or executed here with
    every declared run not done yet); a run that failed fails the tests that read it, and only those."""
    if label not in _DONE:
        status = _from_background("runs", RUNS_STATUS)
        if status is None or label not in status:
            status = execute_runs([run for run in declared_runs() if run["label"] not in _DONE])
        _record(status)
    assert label not in _FAILED, f"the shared run {label} failed: {_FAILED[label]}"
    return _DONE[label]


def executed_text(label: str) -> str:
    """The executed notebook of the shared run ``label``, as text."""
    stem = _DECLARED[label][0]
    return (shared_run(label) / f"{stem}.ipynb").read_text(encoding="utf-8")


def _verify_report():
    from transition.run import discovery, verify

    return verify.verify(discovery.Layout(), workers=WORKERS, progress=False)


def record_report():
    """``transition verify``'s report on the committed record, computed once per session (the
    default run and the run as of the essay, through the execution cache)."""
    if "report" not in _RECORD:
        from transition.run import verify

        fields = _from_background("runs", RECORD_REPORT)
        _RECORD["report"] = verify.Report(**fields) if fields is not None else _verify_report()
    return _RECORD["report"]


def _write(path: Path, content: dict) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(content), encoding="utf-8")
    os.replace(temporary, path)


def main(spec_path: str) -> int:
    """The background process: the declared runs, then the record's verification; each result as JSON."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    folder = Path(spec["folder"])
    if spec["runs"]:
        _write(folder / RUNS_STATUS, execute_runs(spec["runs"]))
    if spec["record"]:
        report = _verify_report()
        _write(folder / RECORD_REPORT, {"checked": report.checked, "problems": report.problems,
                                        "manifest_only": report.manifest_only, "executed": report.executed,
                                        "reused": report.reused})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
