"""The multiverse: every specification of every claim, evaluated in-process, locally or on Dask.

No kernels: each worker loads the cached panel once, then evaluates batches of specifications with
the claims' own rules (the registry module, by default :mod:`transition.claims.evaluate`, exposes
``CLAIMS``: claim → (space, evaluate) and ``load_data()``), and for a claim with a null (the nulls
module, by default :mod:`transition.claims.nulls`, exposes ``NULLS``) the inputs of its joint test,
computed by the same pipeline with the same memo. Finished batches are written to a store keyed by
the specifications' hashes (one parquet file per batch, written to a temporary name and then
renamed) under a version of everything a result depends on (:func:`code_version`), so an interrupted
multiverse resumes where it stopped and never recomputes a finished specification, and a changed
data table or package never serves a stale one; an unreadable batch (a truncated file) is
recomputed with a note naming it.

Engines: ``local`` (a process pool on this machine) or ``dask`` (Dask distributed: a ``LocalCluster``
by default, or the cluster at ``scheduler``, e.g. ``tcp://host:8786``, started separately).

:func:`write_joint_tests` then tests each claim's whole curve under its null from the stored inputs:
every specification, one permutation matrix for all (:func:`transition.claims.nulls.joint_test`).
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import resource
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import pandas as pd
from tqdm import tqdm

from transition.analysis import speccurve
from transition.claims.space import Spec, SpecOutsideSpace
from transition.data import panel
from transition.paths import PROJECT_ROOT, RESULTS_DIR
from transition.run import cache

DEFAULT_REGISTRY = "transition.claims.evaluate"
DEFAULT_NULLS = "transition.claims.nulls"
STORE_DIR = PROJECT_ROOT / "runs" / "multiverse"
#: Specifications per task: large enough that scheduling costs little, small enough to resume finely.
BATCH_SIZE = 64
#: A batch keeps together up to this many times ``BATCH_SIZE`` specifications sharing their outer choices.
GROUP_LIMIT = 16
#: One BLAS thread per worker: the workers are the parallelism.
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
#: Seconds a separately started cluster may take to show its first worker.
WORKER_WAIT = 30.0

#: The verdict stored for a degenerate specification (its evaluation fails: too few observations, R² = 0).
ERROR = "error"

_WORKER_DATA: dict[str, Any] = {}


@dataclass
class Report:
    """What a multiverse run did: specifications per claim, evaluated now or found in the store; notes
    (one line each: an unreadable batch recomputed); the workers' peak memory after their first and
    last batch (MiB)."""

    evaluated: dict[str, int]
    reused: dict[str, int]
    seconds: float
    notes: list[str] = field(default_factory=list)
    worker_peak_mib: tuple[float, float] | None = None


def _limit_threads() -> None:
    os.environ.update(SINGLE_THREAD_ENV)
    try:
        from threadpoolctl import threadpool_limits  # present with scikit-learn/numpy stacks; optional

        threadpool_limits(1)
    except ImportError:
        pass


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker(registry: str, nulls: str | None, version: str | None):
    """The registry module and its data in this worker, loaded once per store version (a long-lived Dask
    worker reloads the panel when it changed; changed code needs new workers)."""
    if registry not in _WORKER_DATA or _WORKER_DATA[registry][0] != version:
        _limit_threads()
        module = importlib.import_module(registry)
        _WORKER_DATA[registry] = (version, module, module.load_data())
    _version, module, data = _WORKER_DATA[registry]
    null_module = importlib.import_module(nulls) if nulls else None
    return module, data, getattr(null_module, "NULLS", {})


def evaluate_batch(registry: str, claim: str, batch: list[tuple[tuple[str, Any], ...]],
                   nulls: str | None = DEFAULT_NULLS, version: str | None = None) -> tuple[list[dict], float]:
    """Evaluate a batch of one claim's specifications (runs in a worker; data loaded once per process and
    store ``version``): the rows to store, and the worker's peak memory (MiB) after the batch."""
    module, data, null_registry = _worker(registry, nulls, version)
    _space, evaluate = module.CLAIMS[claim]
    null = null_registry.get(claim)
    rows = []
    for choices in batch:
        spec = Spec(claim, tuple(choices))
        inputs = None
        try:
            result = evaluate(spec, data)
            if null is not None:
                inputs = null.inputs(spec, data)
        except SpecOutsideSpace:
            raise
        except (ArithmeticError, ValueError) as error:  # a degenerate specification (too few observations,
            result = {"verdict": ERROR, "error": f"{type(error).__name__}: {error}"}  # R² = 0) must not stop the rest
        rows.append({"claim": claim, "key": spec.key, "choices": json.dumps(dict(spec.choices), default=str),
                     "verdict": result["verdict"],
                     "numbers": json.dumps({k: v for k, v in result.items() if k != "verdict"}, default=float),
                     "null": _null_json(inputs)})
    return rows, _peak_mib()


def evaluate_task(registry: str, parts: list[tuple[str, list]], nulls: str | None = DEFAULT_NULLS,
                  version: str | None = None) -> tuple[list[tuple[str, list[dict]]], float]:
    """One task: a batch of each of its claims (:func:`evaluate_batch`); (claim, rows) per part and the
    worker's peak memory (MiB) after the task."""
    done = [(claim, evaluate_batch(registry, claim, batch, nulls, version)[0]) for claim, batch in parts]
    return done, _peak_mib()


def _null_json(inputs) -> str | None:
    return None if inputs is None else json.dumps({k: np.asarray(v).tolist() for k, v in inputs.items()})


# ---- the store ----------------------------------------------------------------------------------------
def code_version() -> str:
    """What every stored result depends on, hashed as the notebooks' execution cache hashes it
    (:mod:`transition.run.cache`): the package's source, the raw-file registry and the data tables
    (``data/*.csv``), the pinned versions, and the cached panel itself. A result stored under another
    version is never reused."""
    panel_file = panel.PANEL_PATH
    panel_digest = hashlib.sha256(panel_file.read_bytes()).hexdigest() if panel_file.is_file() else "no panel"
    parts = [cache.package_digest(), cache.data_digest(), cache.constraints_digest(), panel_digest]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


_CODE_VERSION: dict[str, str] = {}


def store_path(store: Path, claim: str) -> Path:
    """The store of one claim for this version of the code, data and panel."""
    return Path(store) / claim / _CODE_VERSION.setdefault("version", code_version())


def _shown(path: Path) -> str:
    return path.relative_to(PROJECT_ROOT).as_posix() if path.is_relative_to(PROJECT_ROOT) else str(path)


def _read_batch(path: Path, notes: list[str] | None, columns=None) -> pd.DataFrame | None:
    """One stored batch, or None (and the file removed, with a note) when it cannot be read."""
    try:
        return pd.read_parquet(path, columns=columns)
    except Exception as error:  # pyarrow's ArrowInvalid / OSError for a truncated or corrupt file
        if notes is not None:
            notes.append(f"note: {_shown(path)} is unreadable ({type(error).__name__}); removed, its specifications "
                         "are evaluated again")
            path.unlink(missing_ok=True)
        return None


def finished_keys(store: Path, claim: str, notes: list[str] | None = None) -> set[str]:
    """Hashes of the specifications already in the store for ``claim`` (an unreadable batch is removed
    and noted in ``notes``, when given: its specifications are then pending)."""
    folder = store_path(store, claim)
    if not folder.is_dir():
        return set()
    keys: set[str] = set()
    for path in sorted(folder.glob("*.parquet")):
        frame = _read_batch(path, notes, ["key"])
        if frame is not None:
            keys.update(frame["key"])
    return keys


def write_batch(store: Path, claim: str, rows: list[dict]) -> Path:
    """Write one finished batch atomically (temporary name, then rename)."""
    folder = store_path(store, claim)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{rows[0]['key']}-{len(rows)}-{uuid.uuid4().hex[:6]}.parquet"
    temporary = folder / f".{name}.tmp"
    pd.DataFrame(rows).to_parquet(temporary, index=False)
    os.replace(temporary, folder / name)
    return folder / name


def _raw_store(store: Path, claim: str, keys: set[str] | None = None) -> pd.DataFrame:
    paths = sorted(store_path(store, claim).glob("*.parquet"))
    frames = [frame for frame in (_read_batch(path, None) for path in paths) if frame is not None]
    if not frames:
        return pd.DataFrame(columns=["claim", "key", "choices", "verdict", "numbers", "null"])
    raw = pd.concat(frames, ignore_index=True).drop_duplicates("key")
    return raw[raw["key"].isin(keys)] if keys is not None else raw


def read_store(store: Path, claim: str, keys: set[str] | None = None) -> pd.DataFrame:
    """Every stored specification of ``claim`` (or those of ``keys``): key, verdict, one column per choice
    and per number."""
    raw = _raw_store(store, claim, keys)
    if raw.empty:
        return pd.DataFrame(columns=["claim", "key", "verdict"])
    choices = pd.DataFrame([json.loads(text) for text in raw["choices"]], index=raw.index)
    numbers = pd.DataFrame([json.loads(text) for text in raw["numbers"]], index=raw.index)
    frame = pd.concat([raw[["claim", "key", "verdict"]], choices, numbers.add_prefix("n_")], axis=1)
    return frame.sort_values("key").reset_index(drop=True)


# ---- planning and running ------------------------------------------------------------------------------
def selected_specs(registry: str, claim: str, limit: int | None = None) -> list[Spec]:
    """The specifications of a run: the first ``limit`` of the claim's space (the default first), or all."""
    space, _evaluate = importlib.import_module(registry).CLAIMS[claim]
    return list(space.specs())[:limit] if limit else list(space.specs())


def pending_batches(registry: str, claims: Iterable[str], store: Path, limit: int | None = None,
                    batch_size: int = BATCH_SIZE, notes: list[str] | None = None
                    ) -> tuple[list[list[tuple[str, list]]], dict[str, int]]:
    """The tasks still to run, each a list of (claim, batch of specifications) (the first ``limit``
    specifications of each claim), and how many specifications per claim the store already holds.

    A claim whose space is small (at most ``GROUP_LIMIT × batch_size`` specifications) is small because each
    specification costs much, often through tables built once per process (the trade flows of C4-C7): the
    small claims share tasks (up to that many specifications each), so that one worker builds those tables
    once, and these tasks come first; the large spaces follow in batches (:func:`batches_of`), the smaller
    first, so that the many short batches of the largest fill the workers' time at the end."""
    small, large, reused, sizes = [], [], {}, {}
    for claim in claims:
        done = finished_keys(store, claim, notes)
        specs = selected_specs(registry, claim, limit)
        todo = [spec.choices for spec in specs if spec.key not in done]
        reused[claim], sizes[claim] = len(specs) - len(todo), len(specs)
        if not todo:
            continue
        if len(specs) <= GROUP_LIMIT * batch_size:
            small.append((claim, todo))
        else:
            large += [(claim, batch) for batch in batches_of(todo, batch_size)]
    tasks: list[list[tuple[str, list]]] = []
    for claim, todo in sorted(small, key=lambda item: sizes[item[0]]):
        if tasks and sum(len(batch) for _claim, batch in tasks[-1]) + len(todo) <= GROUP_LIMIT * batch_size:
            tasks[-1].append((claim, todo))
        else:
            tasks.append([(claim, todo)])
    return tasks + [[part] for part in sorted(large, key=lambda item: sizes[item[0]])], reused


def batches_of(todo: list[tuple], batch_size: int = BATCH_SIZE) -> list[list[tuple]]:
    """Specifications (choices in the space's order) in batches that keep together those sharing their
    outer choices, whose sub-results the evaluators memoize (a GDP source's outcomes, a source and base
    year's index): the coarsest grouping by leading choices with no group above ``GROUP_LIMIT × batch_size``,
    groups merged in order up to ``batch_size``. Each batch then goes whole to one worker, which computes
    those sub-results once."""
    if not todo:
        return []
    limit, depth = GROUP_LIMIT * batch_size, 0
    while True:
        groups: dict[tuple, list] = {}
        for choices in todo:
            groups.setdefault(tuple(value for _name, value in choices[:depth]), []).append(choices)
        if max(len(group) for group in groups.values()) <= limit or depth >= len(todo[0]):
            break
        depth += 1
    batches: list[list[tuple]] = []
    for group in groups.values():
        if batches and len(batches[-1]) < batch_size:
            batches[-1] = batches[-1] + group
        else:
            batches.append(list(group))
    return batches


def _progress(total: int, enabled: bool):
    return tqdm(total=total, unit="spec", disable=not enabled, desc="multiverse")


def run(claims: list[str], engine: str = "local", jobs: int = 2, scheduler: str | None = None,
        limit: int | None = None, store: Path | None = None, registry: str = DEFAULT_REGISTRY,
        batch_size: int = BATCH_SIZE, progress: bool = True, nulls: str | None = DEFAULT_NULLS) -> Report:
    """Evaluate every pending specification of ``claims`` and store the results (default store: runs/multiverse/)."""
    started = time.perf_counter()
    store = Path(store or STORE_DIR)
    module = importlib.import_module(registry)
    data = module.load_data()  # the panel current before its hash versions the store
    if engine == "local":  # the local workers are forked from here: they start with the data loaded
        _WORKER_DATA[registry] = (_CODE_VERSION.setdefault("version", code_version()), module, data)
    notes: list[str] = []
    tasks, reused = pending_batches(registry, claims, store, limit, batch_size, notes)
    evaluated = {claim: 0 for claim in claims}
    peaks: list[float] = []
    bar = _progress(sum(len(batch) for task in tasks for _claim, batch in task), progress)
    try:
        for parts, peak in _execute(tasks, engine, jobs, scheduler, registry, nulls,
                                    _CODE_VERSION.setdefault("version", code_version())):
            for claim, rows in parts:
                write_batch(store, claim, rows)
                evaluated[claim] += len(rows)
                bar.update(len(rows))
            peaks.append(peak)
    finally:
        bar.close()
    return Report(evaluated, reused, round(time.perf_counter() - started, 2), notes,
                  (round(peaks[0], 1), round(max(peaks), 1)) if peaks else None)


def _execute(tasks, engine: str, jobs: int, scheduler: str | None, registry: str, nulls: str | None, version: str):
    if not tasks:
        return
    tasks = [(registry, task, nulls, version) for task in tasks]
    if engine == "local":
        yield from _execute_local(tasks, jobs)
    elif engine == "dask":
        yield from _execute_dask(tasks, jobs, scheduler)
    else:
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")


def _execute_local(tasks, jobs: int):
    with ProcessPoolExecutor(max_workers=jobs, initializer=_limit_threads) as pool:
        futures = [pool.submit(evaluate_task, *arguments) for arguments in tasks]
        for future in as_completed(futures):
            yield future.result()


def _connect(scheduler: str):
    """A client of the separately started cluster at ``scheduler`` (checked first: :mod:`.cluster`), with
    at least one worker; :class:`~transition.run.cluster.ClusterProblem` in one line otherwise."""
    from distributed import Client  # the optional engine: imported only when chosen

    from transition.run import cluster

    cluster.probe(scheduler)
    try:
        client = Client(scheduler, timeout=f"{cluster.TIMEOUT * 3:g}s")
    except (OSError, TimeoutError) as error:
        raise cluster.ClusterProblem([f"cannot connect to the Dask scheduler at {scheduler} ({error}): {cluster.FIX}"],
                                     cluster.EXIT_UNREACHABLE) from error
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except (OSError, TimeoutError) as error:
        client.close()
        raise cluster.ClusterProblem([f"the Dask scheduler at {scheduler} has no worker after {WORKER_WAIT:g} s: "
                                      f"start some (`dask worker {scheduler} --nworkers 2 --nthreads 1`)"],
                                     cluster.EXIT_UNREACHABLE) from error
    return client


def _execute_dask(tasks, jobs: int, scheduler: str | None):
    from distributed import Client, LocalCluster  # the optional engine: imported only when chosen
    from distributed import as_completed as dask_completed

    if scheduler:
        cluster, client = None, _connect(scheduler)
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               env=SINGLE_THREAD_ENV)
        client = Client(cluster)
    try:
        futures = [client.submit(evaluate_task, *arguments, pure=False) for arguments in tasks]
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---- results ----------------------------------------------------------------------------------------------
def claim_table(store: Path, claim: str, registry: str = DEFAULT_REGISTRY, limit: int | None = None) -> pd.DataFrame:
    """The run's specifications of ``claim`` (the first ``limit``, or all) with their verdict, choices and
    decisive numbers, in the space's order of choices, with a ``default`` flag (the default choices, per
    as-of year)."""
    space, _evaluate = importlib.import_module(registry).CLAIMS[claim]
    table = read_store(store, claim, {spec.key for spec in selected_specs(registry, claim, limit)})
    if table.empty:
        return table
    names = [d.name for d in space.dimensions]
    defaults = {d.name: d.default for d in space.dimensions if d.name != "as_of"}
    table["default"] = _matches(table, defaults)
    numbers = [c for c in table.columns if c.startswith("n_")]
    return table[["claim", "key", *names, "default", "verdict", *numbers]]


def _matches(table: pd.DataFrame, choices: dict) -> pd.Series:
    keep = pd.Series(True, index=table.index)
    for name, value in choices.items():
        keep &= table[name].astype(str) == str(value)
    return keep


def summary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per claim, as-of choice and verdict: how many specifications give it, their share, and
    the default specification's verdict."""
    rows = []
    for claim, table in tables.items():
        if table.empty:
            continue
        for when, part in table.groupby(table["as_of"].astype(str), sort=False):
            default = part.loc[part["default"], "verdict"]
            counts = part["verdict"].value_counts()
            for verdict, count in counts.items():
                rows.append({"claim": claim, "as_of": when, "verdict": verdict, "n_specifications": int(count),
                             "share": round(count / len(part), 6), "n_total": len(part),
                             "default_verdict": default.iloc[0] if len(default) else None})
    return pd.DataFrame(rows)


def write_results(claims: list[str], store: Path | None = None, results_dir: Path | None = None,
                  registry: str = DEFAULT_REGISTRY, limit: int | None = None) -> pd.DataFrame:
    """``multiverse_<claim>.csv`` (the run's specifications) and ``multiverse_summary.csv`` in
    ``results_dir`` (default results/); returns the summary. Written to temporary names, then renamed."""
    folder = Path(results_dir or RESULTS_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    store = Path(store or STORE_DIR)
    tables = {claim: claim_table(store, claim, registry, limit) for claim in claims}
    for claim, table in tables.items():
        _write_csv(table, folder / f"multiverse_{claim}.csv")
    table = summary(tables)
    _write_csv(table, folder / "multiverse_summary.csv")
    return table


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    frame.round(6).to_csv(temporary, index=False, lineterminator="\n")
    os.replace(temporary, path)


# ---- the joint tests ----------------------------------------------------------------------------------------
def joint_test_groups(store: Path, claim: str, registry: str = DEFAULT_REGISTRY, limit: int | None = None
                      ) -> dict[str, tuple[list[dict], np.ndarray, list[str]]]:
    """The run's evaluable specifications of ``claim`` by as-of choice: their stored null inputs, pipeline
    estimates and keys (what :func:`transition.claims.nulls.test_rows` takes)."""
    from transition.claims import nulls as null_module

    raw = _raw_store(store, claim, {spec.key for spec in selected_specs(registry, claim, limit)})
    raw = raw[raw["verdict"] != ERROR].sort_values("key")
    groups: dict[str, tuple[list, list, list]] = {}
    for key, choices, numbers, inputs in zip(raw["key"], raw["choices"], raw["numbers"], raw["null"]):
        if inputs is None:
            raise RuntimeError(f"{claim}: specification {key} was stored without the inputs of its joint test")
        part = groups.setdefault(str(json.loads(choices)["as_of"]), ([], [], []))
        part[0].append(null_module.from_json(inputs))
        part[1].append(float(json.loads(numbers).get("estimate", np.nan)))
        part[2].append(key)
    order = {"latest": 0}
    return {when: (inputs, np.array(estimates), keys) for when, (inputs, estimates, keys)
            in sorted(groups.items(), key=lambda item: (order.get(item[0], 1), item[0]))}


def write_joint_tests(claims: Iterable[str], store: Path | None = None, results_dir: Path | None = None,
                      n_permutations: int | None = None, seed: int = speccurve.SEED,
                      registry: str = DEFAULT_REGISTRY, limit: int | None = None) -> pd.DataFrame:
    """The joint test under the null of each claim among ``claims`` that has one, over every specification
    of the run (per as-of choice), from the inputs stored beside the verdicts; written to
    ``multiverse_joint_tests.csv`` in ``results_dir`` (the rows of other claims kept); returns the rows of
    ``claims``."""
    from transition.claims import nulls as null_module

    folder = Path(results_dir or RESULTS_DIR)
    store = Path(store or STORE_DIR)
    n_permutations = null_module.N_PERMUTATIONS if n_permutations is None else n_permutations
    chosen = [claim for claim in null_module.NULLS if claim in claims]
    if not chosen:
        return null_module.no_tests()
    rows = [row for claim in chosen for row in null_module.test_rows(
        claim, joint_test_groups(store, claim, registry, limit), n_permutations, seed)]
    table = null_module.tests_table(rows)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / null_module.TESTS_FILE
    kept = pd.read_csv(path, dtype={"as_of": str}) if path.is_file() else null_module.no_tests()
    kept = kept[~kept["claim"].isin(chosen)] if set(kept.columns) == set(null_module.TEST_COLUMNS) else null_module.no_tests()
    merged = null_module.tests_table([*kept.to_dict("records"), *table.to_dict("records")])
    _write_csv(merged, path)
    return table
