"""The jobs of a run: which notebook runs with which parameters, and where its products go (light).

- the **default run** (no name, default parameters) refreshes ``notebooks/<stem>.ipynb`` and
  ``results/`` (tables, ``<stem>.json``, ``figures/``);
- a **named run** writes ``runs/<name>/<stem>.ipynb``, its tables and figures (``output_dir`` =
  ``runs/<name>``) and ``runs/<name>/run.json``;
- a **sweep** is a named run per grid point, ``runs/<sweep>/<variant>/``.
"""
from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transition.paths import RESULTS_DIR
from transition.run import cache, recover
from transition.run.discovery import (
    CONSUMER_PARAMETER,
    READ_PARAMETERS,
    Layout,
    Notebook,
)
from transition.run.problems import ParameterProblems

STAGING = ".staging"
#: The Jupyter kernel every notebook runs in (installed by `make setup`).
KERNEL = "transition"


@dataclass
class Job:
    """One notebook execution: where its notebook and outputs go once it has succeeded."""

    label: str
    notebook: Path
    stem: str
    parameters: dict[str, Any]  # injected by papermill (empty for the default run)
    notebook_dest: Path
    output_dest: Path
    failed_dest: Path
    cwd: Path
    staging_root: Path
    input_display: str = ""
    output_display: str = ""
    stage: int = 0  # jobs of stage 1 start when every job of stage 0 has finished
    #: The execution cache (:mod:`transition.run.cache`): the parts of the key known before the run
    #: (None: the cache is off), the folder of results a consumer reads, the runs folder (the cache
    #: sits beside it) and whether to execute even on a hit (``--force``).
    cache_parts: dict[str, str] | None = None
    reads_results: Path | None = None
    reads_files: dict[str, tuple[Path, str]] = field(default_factory=dict)  # parameter → (folder, pattern)
    cache_runs: Path | None = None
    force: bool = False


@dataclass
class JobResult:
    """What happened to a job: status ``ok``, ``failed`` (a cell raised) or ``error`` (anything else)."""

    label: str
    stem: str
    status: str
    seconds: float
    message: str = ""
    cell: int | None = None
    exec_count: int | None = None
    outputs: list[str] = field(default_factory=list)
    attempts: int = 1
    #: True when the execution cache supplied the notebook and its outputs (nothing was executed).
    reused: bool = False
    #: The command's exit status when this job failed: 1 (a cell raised), 3 (raw data or the disk).
    exit_code: int = 1

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(requested: int | None, jobs: int | None = None) -> int:
    """Workers (kernels at once) for ``jobs`` jobs: ``requested`` (0 or None: one per core), at most the
    number of cores and of jobs."""
    return max(1, min(requested or cores(), cores(), jobs or cores()))


def check_in_project(nb: Notebook, layout: Layout) -> None:
    """The default run refreshes the project's own notebooks only: refuse a notebook file from elsewhere."""
    if not nb.in_project:
        raise ParameterProblems([f"{nb.path}: not one of the project's notebooks "
                                 f"({layout.display(layout.notebooks)}/NN_*.ipynb); the default run refreshes "
                                 "only those: give the run a --name (runs/NAME/)"])


def new_staging_root(layout: Layout) -> Path:
    """A fresh folder name under ``runs/.staging/`` for one run's staged files (not created here)."""
    return Path(layout.runs) / STAGING / uuid.uuid4().hex[:12]


def _default_destinations(nb: Notebook, overrides: dict, layout: Layout) -> tuple[Path, Path, Path]:
    if overrides.get(nb.stem):
        raise ParameterProblems(["the default run uses the default parameters (it refreshes the "
                                 "committed notebooks and results/); give the run a --name"])
    check_in_project(nb, layout)
    return nb.path, Path(layout.results), Path(layout.runs) / "_failed" / f"{nb.stem}.ipynb"


def _reads(nb: Notebook, parameters: dict[str, Any], cwd: Path) -> Path | None:
    """The results folder a consumer notebook reads (None for other notebooks)."""
    if CONSUMER_PARAMETER not in nb.parameters:
        return None
    given = parameters.get(CONSUMER_PARAMETER) or nb.defaults().get(CONSUMER_PARAMETER)
    return (Path(cwd) / given).resolve() if given else RESULTS_DIR


def _reads_files(nb: Notebook, parameters: dict[str, Any], cwd: Path) -> dict[str, tuple[Path, str]]:
    """The other folders a notebook reads (:data:`~transition.run.discovery.READ_PARAMETERS`) and the files in them."""
    found = {}
    for name, (default, pattern) in READ_PARAMETERS.items():
        if name in nb.parameters:
            given = parameters.get(name) or nb.defaults().get(name)
            found[name] = ((Path(cwd) / given).resolve() if given else default, pattern)
    return found


def _with_cache(job: Job, nb: Notebook, layout: Layout, use_cache: bool, force: bool) -> Job:
    if use_cache:
        typed = {**nb.defaults(), **job.parameters}
        job.cache_parts = cache.key_parts(job.notebook, typed, job.notebook_dest, job.output_dest)
        job.reads_results = _reads(nb, job.parameters, job.cwd)
        job.reads_files = _reads_files(nb, job.parameters, job.cwd)
        job.cache_runs, job.force = Path(layout.runs), force
    return job


def plan(notebooks: list[Notebook], overrides: dict[str, dict[str, Any]], name: str | None,
         layout: Layout = Layout(), subfolder: str | None = None, use_cache: bool = True,
         force: bool = False) -> list[Job]:
    """The jobs of a run: the default run (``name`` None) or ``runs/<name>[/<subfolder>]``.

    A notebook with a ``results_dir`` parameter reads the other notebooks' headline files (the claims
    ledger): it runs after them, and in a named run with them it reads that run's folder (unless
    ``results_dir`` is given). With ``use_cache``, a job whose key (:mod:`transition.run.cache`) has a
    stored execution is restored instead of run, unless ``force``.
    """
    staging_root = new_staging_root(layout)
    jobs = []
    consumers = {nb.stem for nb in notebooks if CONSUMER_PARAMETER in nb.parameters}
    producers = [nb for nb in notebooks if nb.stem not in consumers]
    for nb in notebooks:
        if name is None:
            notebook_dest, output_dest, failed_dest = _default_destinations(nb, overrides, layout)
            parameters, label = {}, nb.stem
        else:
            base = Path(layout.runs) / name / (subfolder or "")
            notebook_dest, output_dest = base / f"{nb.stem}.ipynb", base
            failed_dest = base / "failed" / f"{nb.stem}.ipynb"
            parameters = {**overrides.get(nb.stem, {})}
            if "output_dir" in nb.parameters:
                parameters["output_dir"] = layout.display(base)
            if nb.stem in consumers and producers and CONSUMER_PARAMETER not in parameters:
                # this run's headline files; absolute, as the notebook may resolve it from notebooks/
                parameters[CONSUMER_PARAMETER] = str(base.resolve())
            label = f"{subfolder}" if subfolder else nb.stem
        stage = 1 if nb.stem in consumers and producers else 0
        cwd = Path(layout.notebooks) if nb.in_project else Path(nb.path).resolve().parent
        source = nb.path if nb.recovered_text is None else recover.source_for_run(nb.stem, nb.recovered_text,
                                                                                   Path(layout.runs))
        job = Job(label=label, notebook=source, stem=nb.stem, parameters=parameters,
                  notebook_dest=notebook_dest, output_dest=output_dest, failed_dest=failed_dest,
                  cwd=cwd, staging_root=staging_root,
                  input_display=layout.display(nb.path), output_display=layout.display(notebook_dest),
                  stage=stage)
        jobs.append(_with_cache(job, nb, layout, use_cache, force))
    return jobs


def restore_cached(job: Job, parts: dict[str, str] | None = None,
                   before: Callable[[], None] | None = None) -> JobResult | None:
    """The stored execution of ``job`` put into place (:mod:`transition.run.cache`), or None on a miss
    (or with ``--force``, or the cache off); ``before`` runs between the lookup and the restore."""
    parts = parts if parts is not None else cache.full_parts(job)
    entry = None if job.force or parts is None else cache.lookup(job, parts)
    if entry is None:
        return None
    started = time.perf_counter()
    if before is not None:
        before()
    try:
        restored = cache.restore(job, entry)
    except cache.CorruptSource as problem:  # changed since the lookup: nothing was replaced
        cache.discard(job, entry, str(problem))
        return None
    return JobResult(job.label, job.stem, "ok", round(time.perf_counter() - started, 2), outputs=restored,
                     reused=True)


def reuse_cached(jobs: list[Job], restore: Callable[[Job], JobResult | None] = restore_cached,
                 on_result: Callable[[JobResult], None] | None = None) -> dict[int, JobResult]:
    """Restore from the execution cache, by job index, the jobs of the first stage that have a stored
    execution, and those of a later stage when every job before them was restored (their inputs stay
    as they are). The others are left to run."""
    reused: dict[int, JobResult] = {}
    missed_stages = set()
    for i in sorted(range(len(jobs)), key=lambda i: jobs[i].stage):
        if any(stage < jobs[i].stage for stage in missed_stages):
            continue
        result = restore(jobs[i])
        if result is None:
            missed_stages.add(jobs[i].stage)
            continue
        reused[i] = result
        if on_result is not None:
            on_result(result)
    return reused
