"""One notebook execution in a worker process: stage, execute through papermill, move into place.

**Nothing lost.** Every job writes into a staging folder under ``runs/.staging/``: the kernel's
environment names it (``TRANSITION_STAGING_DIR``), and :class:`~transition.present.outputs.Outputs`
reads it and writes there whatever ``output_dir`` says, so the notebook's parameters are exactly the
ones asked for (none at all for the default run). Only when the whole notebook has succeeded are its
tables, headline file, figures and finally the executed notebook moved into place, file by file
with ``os.replace``. A failed or interrupted run leaves every earlier file as it was; the failed
notebook is kept for inspection under ``runs/``.

**Robust on a busy machine.** The kernel gets :data:`KERNEL_START_TIMEOUT` seconds to start, and a
kernel that dies before it has run any code cell is started once more (:data:`KERNEL_START_ATTEMPTS`).
A worker whose parent has gone (killed, interrupted) stops and never moves anything into place.
"""
from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import signal
import time
import uuid
from pathlib import Path

import nbformat
import papermill
from papermill.engines import NBClientEngine, papermill_engines
from papermill.exceptions import PapermillExecutionError

from transition.paths import PROJECT_ROOT, STAGING_ENV
from transition.run import cache
from transition.run.jobs import KERNEL, Job, JobResult, restore_cached
from transition.run.problems import DISK_ERRNOS, EXIT_DATA, disk_line, is_disk_error
from transition.run.replace import Incoming, replace_together

#: Seconds a kernel may take to start and answer (papermill's default of 60 s was too short at a
#: load of ~7 on 2 cores: "Kernel died before replying to kernel_info").
KERNEL_START_TIMEOUT = 180
#: Attempts at a notebook whose kernel dies before running any code cell (a second start, no more).
KERNEL_START_ATTEMPTS = 2
#: The kernel draws figures inline (so that the executed notebook and the site show them), whatever
#: backend the calling shell exports for scripts (MPLBACKEND=Agg).
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"
ENGINE = "transition"
#: Folders named in the environment that the kernel (working in ``notebooks/``) must read as the
#: caller meant them: a relative path is made absolute against the caller's directory.
CALLER_RELATIVE_ENV = ("TRANSITION_DATA_MIRROR", "TRANSITION_DATA_CACHE")
#: Exit status of a worker that was stopped (as a shell reports Ctrl-C).
EXIT_STOPPED = 130

_progress_queue = None
_current_label: str | None = None
_code_cells_started = 0
_parent_pid: int | None = None
_aborted = False


class Aborted(KeyboardInterrupt):
    """The worker was told to stop (Ctrl-C, SIGTERM, or its parent died)."""


class ProgressEngine(NBClientEngine):
    """papermill's engine, telling the parent process after every cell and counting code cells started."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        total = len(nb_man.nb.cells)
        original_start, original_complete = nb_man.cell_start, nb_man.cell_complete

        def cell_start(cell, cell_index=None, **more):
            global _code_cells_started
            if cell.get("cell_type") == "code":
                _code_cells_started += 1
            return original_start(cell, cell_index, **more)

        def cell_complete(cell, cell_index=None, **more):
            result = original_complete(cell, cell_index=cell_index, **more)
            _report("cell", (cell_index or 0) + 1, total)
            return result

        nb_man.cell_start, nb_man.cell_complete = cell_start, cell_complete
        _report("start", 0, total)
        return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)


papermill_engines.register(ENGINE, ProgressEngine)


def _stop(signum, frame) -> None:
    global _aborted
    _aborted = True
    if _current_label is None:  # idle between jobs: nothing to clean up
        os._exit(EXIT_STOPPED)
    raise Aborted(f"signal {signum}")


def _die_with_parent() -> None:
    """Linux: the kernel sends this worker SIGTERM when its parent dies (no orphaned workers)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def init_worker(progress_queue) -> None:
    """Pool initializer: progress queue, quiet papermill, our engine, stop on SIGINT/SIGTERM/parent death."""
    global _progress_queue, _parent_pid
    _progress_queue, _parent_pid = progress_queue, os.getppid()
    logging.getLogger("papermill").setLevel(logging.ERROR)
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    _die_with_parent()


def _parent_gone() -> bool:
    return _aborted or (_parent_pid is not None and os.getppid() != _parent_pid)


def _report(kind: str, done: int, total: int) -> None:
    if _progress_queue is not None:
        try:
            _progress_queue.put_nowait((kind, _current_label, done, total))
        except Exception:  # progress is a nicety; never fail a run over it
            pass


def move_into_place(source: Path, dest: Path) -> None:
    """Rename ``source`` into ``dest``; across file systems, copy beside the target and rename
    (:func:`transition.run.replace.replace_together`: no partial file is ever left)."""
    replace_together([Incoming(Path(dest), source=Path(source), move=True)])


def shown_path(path: Path) -> str:
    """``path`` relative to the project root when inside it (no machine path in a committed
    notebook), else absolute."""
    path = Path(path).resolve()
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def tidy(path: Path, job: Job, staged_outputs: Path) -> None:
    """Make the executed notebook read as if it had run in place: every mention of the staging
    folder in an output (``out.figure`` returns the PNG's path) becomes the final folder, relative
    to the project root when inside it, and the paths papermill records become the notebook's own."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(str(staged_outputs), shown_path(job.output_dest))
    nb = nbformat.reads(text, as_version=4)
    meta = nb.metadata.get("papermill", {})
    if meta:
        meta["input_path"] = job.input_display
        meta["output_path"] = job.output_display
    nbformat.write(nb, path)


def source_cell_number(nb_path: Path, cell_index: int) -> int:
    """1-based position in the source notebook of executed cell ``cell_index`` (papermill's injected
    parameters cell is not counted)."""
    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception:
        return cell_index + 1
    injected = [i for i, cell in enumerate(nb.cells)
                if "injected-parameters" in cell.get("metadata", {}).get("tags", [])]
    return cell_index + 1 - sum(1 for i in injected if i < cell_index)


#: Errors of the raw data (:mod:`transition.data.sources`): their summary keeps every line (the file
#: id, both hashes, what to do), and the command exits 3.
DATA_ERRORS = ("SourceError", "SourceHashMismatch", "SourceUnavailable", "RegistryError")
#: Exceptions whose ``[Errno N]`` may say that the disk is full or read-only (then the command exits 3).
OS_ERRORS = ("OSError", "PermissionError", "IOError")


def error_summary(ename: str, evalue) -> str:
    """One line for a cell's error: the last line of its message; for a raw-data error every line,
    joined (the file id and both hashes are on different lines of the message)."""
    if ename in DATA_ERRORS:
        return "; ".join(line.strip() for line in str(evalue).splitlines() if line.strip())
    return last_line(evalue)


def last_line(text) -> str:
    """The last non-blank line of ``text`` (an error's message), stripped."""
    lines = [line.strip() for line in str(text).strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


class _Staging:
    """A job's staging folder, its environment (IPYTHONDIR, staging dir, backend) and its kernel's
    stderr log (ipykernel's start-up warnings would break the progress bars); undone on exit."""

    def __init__(self, job: Job) -> None:
        self.root = Path(job.staging_root) / uuid.uuid4().hex[:12]
        self.out, self.notebook = self.root / "out", self.root / f"{job.stem}.ipynb"
        self.kernel_log = self.root / "kernel-stderr.log"

    def __enter__(self) -> _Staging:
        (self.root / "ipython").mkdir(parents=True)
        self.out.mkdir()
        keys = ("IPYTHONDIR", STAGING_ENV, "MPLBACKEND", *CALLER_RELATIVE_ENV)
        self.saved_env = {key: os.environ.get(key) for key in keys}
        os.environ.update({"IPYTHONDIR": str(self.root / "ipython"), STAGING_ENV: str(self.out),
                           "MPLBACKEND": KERNEL_MPLBACKEND})
        os.environ.update({key: os.path.abspath(os.environ[key]) for key in CALLER_RELATIVE_ENV
                           if os.environ.get(key)})
        self.saved_stderr = os.dup(2)
        log_fd = os.open(self.kernel_log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(log_fd, 2)
        os.close(log_fd)
        return self

    def kernel_says(self) -> str:
        try:
            said = last_line(self.kernel_log.read_text(errors="replace"))
        except OSError:
            return ""
        return f" (kernel: {said})" if said and "WARNING" not in said else ""

    def __exit__(self, *exc) -> None:
        os.dup2(self.saved_stderr, 2)
        os.close(self.saved_stderr)
        for key, value in self.saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(self.root, ignore_errors=True)


def _execute(job: Job, staging: _Staging) -> int:
    """papermill, with one more start when the kernel dies before any code cell ran; the attempts."""
    global _code_cells_started
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        _code_cells_started = 0
        try:
            papermill.execute_notebook(
                str(job.notebook), str(staging.notebook), parameters=job.parameters, kernel_name=KERNEL,
                cwd=str(job.cwd), progress_bar=False, engine_name=ENGINE, start_timeout=KERNEL_START_TIMEOUT,
            )
            return attempt
        except PapermillExecutionError:
            raise
        except Exception:
            if _code_cells_started or attempt == KERNEL_START_ATTEMPTS or _parent_gone():
                raise
            for path in staging.out.iterdir():  # nothing ran, but start from an empty folder
                shutil.rmtree(path) if path.is_dir() else path.unlink()
    raise AssertionError("unreachable")


def _promote(job: Job, staging: _Staging) -> list[str]:
    """Move the staged outputs and the executed notebook into place, all or none (signals held
    meanwhile; :func:`transition.run.replace.replace_together`)."""
    signals = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        if _parent_gone():
            raise Aborted("the run was stopped before its results were moved into place")
        staged = sorted(p for p in staging.out.rglob("*") if p.is_file())
        items = [Incoming(Path(job.output_dest) / path.relative_to(staging.out), source=path, move=True)
                 for path in staged]
        replace_together([*items, Incoming(Path(job.notebook_dest), source=staging.notebook, move=True)])
        return [str(item.dest) for item in items]
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)


def _failed_cell(job: Job, staging: _Staging, error: PapermillExecutionError, seconds: float) -> JobResult:
    """A cell raised: keep the executed notebook under ``failed_dest``; name the cell and the error."""
    staged = staging.notebook
    cell = source_cell_number(staged, error.cell_index) if staged.exists() else error.cell_index + 1
    kept = ""
    if staged.exists() and not _parent_gone():
        try:
            tidy(staged, job, staging.out)
        except Exception:  # keep the notebook as it is
            pass
        try:
            move_into_place(staged, Path(job.failed_dest))
            kept = f"; executed notebook kept at {Path(job.failed_dest)}"
        except OSError as problem:
            kept = f"; the executed notebook could not be kept ({problem.strerror}: {problem.filename})"
    message = f"{error.ename}: {error_summary(error.ename, error.evalue)}" if error.evalue else error.ename
    disk = re.search(r"\[Errno (\d+)\]", error.evalue or "") if error.ename in OS_ERRORS else None
    code = EXIT_DATA if error.ename in DATA_ERRORS or (disk and int(disk.group(1)) in DISK_ERRNOS) else 1
    return JobResult(job.label, job.stem, "failed", round(seconds, 2),
                     message=f"cell {cell} (In [{error.exec_count}]): {message}{kept}",
                     cell=cell, exec_count=error.exec_count, exit_code=code)


def _hold_signals_unless_stopped() -> None:
    if _parent_gone():
        raise Aborted("the run was stopped before its results were moved into place")


def reuse(job: Job, parts: dict | None = None) -> JobResult | None:
    """The stored execution of ``job`` put into place (:func:`transition.run.jobs.restore_cached`),
    signals held meanwhile and nothing restored once the run was stopped; None on a miss."""
    signals = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        return restore_cached(job, parts, before=_hold_signals_unless_stopped)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)


def execute_job(job: Job) -> JobResult:
    """Execute one job in this process (normally a pool worker): from the execution cache when its
    key has a stored execution, else stage, execute, store in the cache and move into place."""
    global _current_label
    _current_label = job.label
    started = time.perf_counter()
    try:
        parts = cache.full_parts(job)  # a consumer's inputs as they are now, after the notebooks it reads
        reused = reuse(job, parts)
        if reused is not None:
            return reused
        return _execute_staged(job, parts, started)
    except OSError as error:  # a full or read-only disk: nothing was replaced
        if not is_disk_error(error):
            raise
        return JobResult(job.label, job.stem, "error", round(time.perf_counter() - started, 2),
                         message=disk_line(error), exit_code=EXIT_DATA)
    except Aborted:
        if _parent_pid is not None:  # a pool worker: its kernel is shut down and its staging folder gone;
            os._exit(EXIT_STOPPED)  # never wait for more work on the pool's pipes (they outlive a dead parent)
        raise
    finally:
        _current_label = None


def _execute_staged(job: Job, parts: dict | None, started: float) -> JobResult:
    """Stage, execute, store in the cache and move into place (or keep the failed notebook aside)."""
    with _Staging(job) as staging:
        try:
            attempts = _execute(job, staging)
            seconds = time.perf_counter() - started
            tidy(staging.notebook, job, staging.out)
            cache.store(job, parts, staging.notebook, staging.out, seconds)
            moved = _promote(job, staging)
            return JobResult(job.label, job.stem, "ok", round(seconds, 2), outputs=moved, attempts=attempts)
        except PapermillExecutionError as error:
            return _failed_cell(job, staging, error, time.perf_counter() - started)
        except Exception as error:  # kernel died, notebook unreadable, …
            if is_disk_error(error):
                raise
            return JobResult(job.label, job.stem, "error", round(time.perf_counter() - started, 2),
                             message=f"{type(error).__name__}: {last_line(error) or repr(error)}"
                                     f"{staging.kernel_says()}")
