"""Notebook executions the suite starts at once, in processes of their own, beside the unit tests.

On 2 cores the suite is mostly one process waiting for one kernel; the notebook executions it needs
are started as soon as the tests are collected (:func:`start`, from ``conftest.pytest_collection_finish``)
and run while the unit tests do:

- **plain nbval**, as a Jupyter user runs it (``pytest --nbval notebooks/``: strict, no sanitizer, the
  kernel the notebooks name), in a copy of the project: a fresh kernel writes the default run's
  results into the copy's ``results/``, never into this tree's while other tests read it
  (``test_record.test_plain_nbval_passes_on_the_committed_notebooks`` waits for it);
- the **shared notebook runs** the test modules declare and ``transition verify``'s re-execution of
  the record, through the execution cache (:mod:`notebook_runner`; the tests reading them wait).

Each starts only when a collected test needs it, in a session of its own (stopped with its children
at the end of the session if still running); its output goes to a log file beside its results.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
#: Seconds a test waits for a background execution before it fails.
WAIT_SECONDS = 1800
_STARTED: dict[str, "Background"] = {}


class Background:
    """One background process: started in a session of its own, its output in ``log``."""

    def __init__(self, name: str, command: list[str], cwd: Path, env: dict, folder: Path) -> None:
        self.name, self.folder, self.log = name, folder, folder / f"{name}.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def wait(self, timeout: float = WAIT_SECONDS) -> int:
        return self.process.wait(timeout=timeout)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """End the process and its children (kernels, pool workers) if it is still running."""
        if self.process.poll() is not None:
            return
        for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=grace)
                return
            except subprocess.TimeoutExpired:
                continue


def started(name: str) -> Background | None:
    return _STARTED.get(name)


def project_copy(target: Path) -> Path:
    """The files a notebook run reads and writes, copied to ``target`` (a kernel importing from
    ``target/src`` takes ``target`` as the project root)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    for name in ("src", "notebooks", "results", "data"):
        shutil.copytree(PROJECT_ROOT / name, target / name, ignore=ignore)
    essay = target / "runs" / "as_of_2002"
    essay.mkdir(parents=True)
    for path in (PROJECT_ROOT / "runs" / "as_of_2002").glob("[0-9][0-9]_*.json"):
        shutil.copy2(path, essay / path.name)
    shutil.copy2(PROJECT_ROOT / "constraints.txt", target / "constraints.txt")
    return target


def start_nbval(folder: Path) -> Background:
    """Plain ``pytest --nbval notebooks/`` in a copy of the project."""
    root = project_copy(folder / "project")
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    env.pop("MPLBACKEND", None)  # as a Jupyter user's shell: the notebooks draw inline
    command = [sys.executable, "-m", "pytest", "--nbval", "notebooks/", "-p", "no:cacheprovider", "-q", "-rf",
               "--durations=5"]
    return Background("nbval", command, root, env, folder)


def start_runs(folder: Path, runs: list[dict], with_record: bool) -> Background:
    """The declared shared runs, then (``with_record``) verify's re-execution of the record."""
    spec = folder / "spec.json"
    spec.write_text(json.dumps({"runs": runs, "record": with_record, "folder": str(folder)}), encoding="utf-8")
    command = [sys.executable, str(Path(__file__).with_name("notebook_runner.py")), str(spec)]
    return Background("runs", command, PROJECT_ROOT, dict(os.environ), folder)


def start(nbval: bool, runs: list[dict], with_record: bool) -> None:
    """Start what the collected tests need (once per session)."""
    if _STARTED:
        return
    folder = Path(tempfile.mkdtemp(prefix="transition-tests-"))
    if runs or with_record:
        _STARTED["runs"] = start_runs(folder, runs, with_record)
    if nbval:
        _STARTED["nbval"] = start_nbval(folder)


def wait_for_file(path: Path, process: Background, timeout: float = WAIT_SECONDS) -> bool:
    """Wait until ``path`` exists (True) or ``process`` has ended without writing it (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.is_file():
            return True
        if process.process.poll() is not None:
            return path.is_file()
        time.sleep(0.5)
    return False


def stop_all() -> None:
    """End every background process still running and remove their folder (end of the session)."""
    folders = {process.folder for process in _STARTED.values()}
    for process in _STARTED.values():
        process.stop()
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    _STARTED.clear()
