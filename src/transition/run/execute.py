"""Running jobs ``-j`` at a time, each notebook in its own worker process and kernel, with progress bars.

:func:`execute` schedules the jobs (longest first, later stages after earlier ones) on a pool of
at most ``-j`` worker processes, each running one kernel at a time, so there are never more kernels
than ``-j``; ``-j`` is capped at the number of cores. :func:`run` is ``transition run``: plan, warm
the panel cache, execute, write the run record. Stale staging folders of runs that died are removed
by the next run.
"""
from __future__ import annotations

import multiprocessing
import os
import queue as queue_module
import shutil
import signal
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from transition.data import panel
from transition.paths import NOTEBOOKS_DIR
from transition.run import records, worker
from transition.run.discovery import Layout, Notebook
from transition.run.jobs import Job, JobResult, plan, reuse_cached, worker_count
from transition.run.resolve import check_name

#: The file in a staging root naming the process that owns it (stale when that process is gone).
OWNER_FILE = "owner.pid"
#: A staging folder without an owner file counts as stale after this many seconds.
UNOWNED_STALE_SECONDS = 3600
#: Seconds a worker gets to shut its kernel down after an interruption before it is terminated.
STOP_GRACE_SECONDS = 10


class _Bars:
    """One tqdm bar overall and one per running notebook (hidden when stderr is not a terminal)."""

    def __init__(self, total: int, jobs: int, enabled: bool | None) -> None:
        disable = None if enabled is None else not enabled  # None: only on a terminal
        self.overall = tqdm(total=total, desc="overall", unit="nb", position=0, disable=disable, leave=True)
        self.slots = list(range(1, jobs + 1))
        self.bars: dict[str, Any] = {}

    def update(self, kind: str, label: str, done: int, total: int) -> None:
        if self.overall.disable or label is None:
            return
        bar = self.bars.get(label)
        if bar is None:
            position = self.slots.pop(0) if self.slots else len(self.bars) + 1
            bar = tqdm(total=total, desc=label[:40], unit="cell", position=position, leave=False)
            bar.slot = position
            self.bars[label] = bar
        bar.total = total
        bar.n = done
        bar.refresh()

    def finish(self, label: str) -> None:
        bar = self.bars.pop(label, None)
        if bar is not None:
            self.slots.append(bar.slot)
            self.slots.sort()
            bar.close()
        self.overall.update(1)

    def drain(self, progress_queue) -> None:
        while True:
            try:
                kind, label, done, total = progress_queue.get_nowait()
            except (queue_module.Empty, OSError, EOFError, ValueError):
                return
            if label in self.bars or kind == "start":
                self.update(kind, label, done, total)

    def close(self) -> None:
        for label in list(self.bars):
            self.bars.pop(label).close()
        self.overall.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def remove_stale_staging(staging_parent: Path) -> list[Path]:
    """Remove staging folders left by runs that died (owner process gone); returns those removed."""
    removed = []
    for folder in sorted(Path(staging_parent).glob("*")) if Path(staging_parent).is_dir() else []:
        try:
            owner = int((folder / OWNER_FILE).read_text().strip())
            stale = not _alive(owner)
        except (OSError, ValueError):
            stale = time.time() - folder.stat().st_mtime > UNOWNED_STALE_SECONDS
        if stale and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _schedule(jobs: list[Job]) -> tuple[list[int], list[int]]:
    """Job indices of the first stage (longest first, by earlier timings) and of the later stages."""
    timings = records.read_timings(Path(jobs[0].staging_root).parent.parent)
    order = sorted(range(len(jobs)), key=lambda i: (jobs[i].stage, -timings.get(jobs[i].stem, 0.0)))
    first_stage = jobs[order[0]].stage
    return [i for i in order if jobs[i].stage == first_stage], [i for i in order if jobs[i].stage != first_stage]


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Interrupt every worker (it shuts its kernel down, promotes nothing), then terminate stragglers."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            os.kill(process.pid, signal.SIGINT)
        except (OSError, TypeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=STOP_GRACE_SECONDS)
        if process.is_alive():
            process.terminate()


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def _interrupt_on_sigterm():
    """SIGTERM stops a run as Ctrl-C does (workers stopped, nothing promoted); the previous handler,
    or None outside the main thread (where signal handlers cannot be set)."""
    try:
        return signal.signal(signal.SIGTERM, _raise_interrupt)
    except ValueError:
        return None


def _collect(pool, jobs, pending, later, bars, progress_queue, on_result) -> dict[int, JobResult]:
    results: dict[int, JobResult] = {}
    while pending or later:
        if not pending:  # the next stage
            stage = jobs[later[0]].stage
            pending = {pool.submit(worker.execute_job, jobs[i]): i for i in later if jobs[i].stage == stage}
            later = [i for i in later if jobs[i].stage != stage]
        done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
        bars.drain(progress_queue)
        for future in done:
            index = pending.pop(future)
            try:
                result = future.result()
            except Exception as error:  # the worker process itself died
                result = JobResult(jobs[index].label, jobs[index].stem, "error", 0.0,
                                   message=f"{type(error).__name__}: {error}")
            results[index] = result
            bars.finish(jobs[index].label)
            if on_result is not None:
                on_result(result)
    return results


def execute(jobs: list[Job], workers: int = 1, progress: bool | None = None,
            on_result: Callable[[JobResult], None] | None = None, warm: Layout | None = None) -> list[JobResult]:
    """Run ``jobs`` ``workers`` at a time, each in its own process and kernel; results in job order.

    A job whose key has a stored execution (:mod:`transition.run.cache`) is restored, not run. Jobs
    are started longest-first when earlier timings are known (``runs/.timings.json``), which
    keeps the last job from running alone; jobs of a later ``stage`` (notebooks that read the others'
    results) start once the earlier stages are done. Ctrl-C stops every worker; staged files are
    discarded and nothing already in place is touched. ``warm``: bring the panel cache of that
    layout up to date first, when more than one notebook is executed at once.
    """
    if not jobs:
        return []
    reused = reuse_cached(jobs, worker.reuse, on_result)
    todo = [i for i in range(len(jobs)) if i not in reused]
    executed = []
    if todo:
        if warm is not None and min(workers or 2, len(todo)) > 1:
            warm_panel(warm)
        executed = _execute_in_pool([jobs[i] for i in todo], workers, progress, on_result)
    results = {**reused, **dict(zip(todo, executed))}
    return [results[i] for i in range(len(jobs))]


def _execute_in_pool(jobs: list[Job], workers: int, progress: bool | None, on_result) -> list[JobResult]:
    workers = worker_count(workers, len(jobs))
    staging_root = Path(jobs[0].staging_root)
    remove_stale_staging(staging_root.parent)
    staging_root.mkdir(parents=True, exist_ok=True)
    (staging_root / OWNER_FILE).write_text(f"{os.getpid()}\n")
    first, later = _schedule(jobs)
    # fork: the workers start at once and need no re-import of the caller's main module; they are
    # forked at the first submit, before the pool's own thread and the progress bars' thread start.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    progress_queue = context.Queue()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker.init_worker,
                               initargs=(progress_queue,))
    bars = None
    stop_on_term = _interrupt_on_sigterm()
    try:
        pending = {pool.submit(worker.execute_job, jobs[i]): i for i in first}
        bars = _Bars(len(jobs), workers, progress)
        results = _collect(pool, jobs, pending, later, bars, progress_queue, on_result)
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        if stop_on_term is not None:
            signal.signal(signal.SIGTERM, stop_on_term)
        if bars is not None:
            bars.close()
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(staging_root, ignore_errors=True)
        try:
            staging_root.parent.rmdir()  # runs/.staging, when no other run is using it
        except OSError:
            pass
    ordered = [results[i] for i in range(len(jobs))]
    records.write_timings(staging_root.parent.parent, ordered)
    return ordered


@dataclass
class RunReport:
    """The outcome of ``transition run``."""

    name: str | None
    results: list[JobResult]
    wall_seconds: float
    directory: Path | None = None

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


def warm_panel(layout: Layout) -> None:
    """Bring the panel cache up to date once, before parallel kernels would each rebuild it.

    Only for the project's own notebooks; any problem is left for the notebooks to report."""
    if Path(layout.notebooks).resolve() != NOTEBOOKS_DIR.resolve():
        return
    try:
        panel.load()
    except Exception:
        pass


def run(notebooks: list[Notebook], overrides: dict[str, dict[str, Any]] | None = None,
        name: str | None = None, workers: int = 1, layout: Layout = Layout(), progress: bool | None = None,
        on_result=None, all_notebooks: dict[str, Notebook] | None = None, use_cache: bool = True,
        force: bool = False) -> RunReport:
    """Execute ``notebooks`` (already resolved and checked) as the default run or as ``runs/<name>``;
    through the execution cache unless ``use_cache`` is False (``force``: execute, refresh the cache)."""
    overrides = overrides or {}
    if name is not None:
        check_name(name)
    jobs = plan(notebooks, overrides, name, layout, use_cache=use_cache, force=force)
    started = time.perf_counter()
    results = execute(jobs, workers, progress, on_result, warm=layout)
    wall = time.perf_counter() - started
    directory = None
    if name is not None:
        directory = Path(layout.runs) / name
        records.write_run_record(directory / "run.json", name, jobs, results,
                                 all_notebooks or {nb.stem: nb for nb in notebooks}, workers, wall, layout)
    return RunReport(name, results, wall, directory)

