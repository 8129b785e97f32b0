"""The multiverse: every specification of every claim, evaluated in-process, locally or on Dask.

No kernels: each worker loads the cached panel once, then evaluates batches of specifications with
the claims' own rules (the registry module, by default :mod:`transition.claims.evaluate`, exposes
``CLAIMS``: claim → (space, evaluate) and ``load_data()``). Finished batches are written to a store
keyed by the specifications' hashes (one parquet file per batch, written to a temporary name and
then renamed), so an interrupted multiverse resumes where it stopped and never recomputes a
finished specification.

Engines: ``local`` (a process pool on this machine) or ``dask`` (Dask distributed: a
``LocalCluster`` by default, or the cluster at ``scheduler``, e.g. ``tcp://host:8786``).

After the specifications, :func:`write_joint_tests` computes the joint test of the estimate-based claims
(C2, C3) under the null, once, with the function notebook 09 would call
(:func:`transition.chapters.robustness.joint_tests`), and stores it beside the tables; the notebook reads it.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import pandas as pd
from tqdm import tqdm

from transition.analysis import speccurve
from transition.chapters import robustness
from transition.claims.space import Spec, SpecOutsideSpace
from transition.data import panel
from transition.paths import PROJECT_ROOT, RESULTS_DIR

DEFAULT_REGISTRY = "transition.claims.evaluate"
STORE_DIR = PROJECT_ROOT / "runs" / "multiverse"
#: Specifications per task: large enough that scheduling costs little, small enough to resume finely.
BATCH_SIZE = 64
#: One BLAS thread per worker: the workers are the parallelism.
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

#: The verdict stored for a degenerate specification (its evaluation fails: too few observations, R² = 0).
ERROR = "error"

_WORKER_DATA: dict[str, Any] = {}


@dataclass
class Report:
    """What a multiverse run did: specifications per claim, evaluated now or found in the store."""

    evaluated: dict[str, int]
    reused: dict[str, int]
    seconds: float


def _limit_threads() -> None:
    os.environ.update(SINGLE_THREAD_ENV)
    try:
        from threadpoolctl import threadpool_limits  # present with scikit-learn/numpy stacks; optional

        threadpool_limits(1)
    except ImportError:
        pass


def evaluate_batch(registry: str, claim: str, batch: list[tuple[tuple[str, Any], ...]]) -> list[dict]:
    """Evaluate a batch of one claim's specifications (runs in a worker; data loaded once per process)."""
    if registry not in _WORKER_DATA:
        _limit_threads()
        module = importlib.import_module(registry)
        _WORKER_DATA[registry] = (module, module.load_data())
    module, data = _WORKER_DATA[registry]
    _space, evaluate = module.CLAIMS[claim]
    rows = []
    for choices in batch:
        spec = Spec(claim, tuple(choices))
        try:
            result = evaluate(spec, data)
        except SpecOutsideSpace:
            raise
        except (ArithmeticError, ValueError) as error:  # a degenerate specification (too few observations,
            result = {"verdict": ERROR, "error": f"{type(error).__name__}: {error}"}  # R² = 0) must not stop the rest
        rows.append({"claim": claim, "key": spec.key, "choices": json.dumps(dict(spec.choices), default=str),
                     "verdict": result["verdict"],
                     "numbers": json.dumps({k: v for k, v in result.items() if k != "verdict"}, default=float)})
    return rows


# ---- the store ----------------------------------------------------------------------------------------
def code_version() -> str:
    """A hash of the package's source: results stored under another version are never reused."""
    digest = hashlib.sha256()
    for path in sorted((PROJECT_ROOT / "src" / "transition").rglob("*.py")):
        digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def store_path(store: Path, claim: str) -> Path:
    """The store of one claim for this version of the code (and of the data: the panel is built by it)."""
    return Path(store) / claim / _CODE_VERSION.setdefault("version", code_version())


_CODE_VERSION: dict[str, str] = {}


def finished_keys(store: Path, claim: str) -> set[str]:
    """Hashes of the specifications already in the store for ``claim``."""
    folder = store_path(store, claim)
    if not folder.is_dir():
        return set()
    keys: set[str] = set()
    for path in folder.glob("*.parquet"):
        keys.update(pd.read_parquet(path, columns=["key"])["key"])
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


def read_store(store: Path, claim: str):
    """Every stored specification of ``claim``: key, verdict, one column per choice and per number."""
    paths = sorted(store_path(store, claim).glob("*.parquet"))
    if not paths:
        return pd.DataFrame(columns=["claim", "key", "verdict"])
    raw = pd.concat([pd.read_parquet(path) for path in paths], ignore_index=True).drop_duplicates("key")
    choices = pd.DataFrame([json.loads(text) for text in raw["choices"]], index=raw.index)
    numbers = pd.DataFrame([json.loads(text) for text in raw["numbers"]], index=raw.index)
    frame = pd.concat([raw[["claim", "key", "verdict"]], choices, numbers.add_prefix("n_")], axis=1)
    return frame.sort_values("key").reset_index(drop=True)


# ---- planning and running ------------------------------------------------------------------------------
def pending_batches(registry: str, claims: Iterable[str], store: Path, limit: int | None = None,
                    batch_size: int = BATCH_SIZE) -> tuple[list[tuple[str, list]], dict[str, int]]:
    """The batches still to evaluate (the first ``limit`` specifications of each claim), and how many
    specifications per claim the store already holds."""
    module = importlib.import_module(registry)
    batches, reused = [], {}
    for claim in claims:
        space, _evaluate = module.CLAIMS[claim]
        done = finished_keys(store, claim)
        specs = list(space.specs())[:limit] if limit else list(space.specs())
        todo = [spec.choices for spec in specs if spec.key not in done]
        reused[claim] = len(specs) - len(todo)
        batches += [(claim, todo[i:i + batch_size]) for i in range(0, len(todo), batch_size)]
    return batches, reused


def _progress(total: int, enabled: bool):
    return tqdm(total=total, unit="spec", disable=not enabled, desc="multiverse")


def run(claims: list[str], engine: str = "local", jobs: int = 2, scheduler: str | None = None,
        limit: int | None = None, store: Path | None = None, registry: str = DEFAULT_REGISTRY,
        batch_size: int = BATCH_SIZE, progress: bool = True) -> Report:
    """Evaluate every pending specification of ``claims`` and store the results (default store: runs/multiverse/)."""
    started = time.perf_counter()
    store = Path(store or STORE_DIR)
    batches, reused = pending_batches(registry, claims, store, limit, batch_size)
    evaluated = {claim: 0 for claim in claims}
    bar = _progress(sum(len(batch) for _, batch in batches), progress)
    try:
        for claim, rows in _execute(batches, engine, jobs, scheduler, registry):
            write_batch(store, claim, rows)
            evaluated[claim] += len(rows)
            bar.update(len(rows))
    finally:
        bar.close()
    return Report(evaluated, reused, round(time.perf_counter() - started, 2))


def _execute(batches, engine: str, jobs: int, scheduler: str | None, registry: str):
    if not batches:
        return
    if engine == "local":
        yield from _execute_local(batches, jobs, registry)
    elif engine == "dask":
        yield from _execute_dask(batches, jobs, scheduler, registry)
    else:
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")


def _execute_local(batches, jobs: int, registry: str):
    with ProcessPoolExecutor(max_workers=jobs, initializer=_limit_threads) as pool:
        futures = {pool.submit(evaluate_batch, registry, claim, batch): claim for claim, batch in batches}
        for future in as_completed(futures):
            yield futures[future], future.result()


def _execute_dask(batches, jobs: int, scheduler: str | None, registry: str):
    from distributed import Client, LocalCluster  # the optional engine: imported only when chosen
    from distributed import as_completed as dask_completed

    cluster = None if scheduler else LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                   dashboard_address=None, env=SINGLE_THREAD_ENV)
    client = Client(scheduler or cluster)
    try:
        futures = {client.submit(evaluate_batch, registry, claim, batch, pure=False): claim for claim, batch in batches}
        for future in dask_completed(futures):
            yield futures[future], future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---- results ----------------------------------------------------------------------------------------------
def claim_table(store: Path, claim: str, registry: str = DEFAULT_REGISTRY) -> pd.DataFrame:
    """Every stored specification of ``claim`` with its verdict, choices and decisive numbers, in the
    space's order of choices, with a ``default`` flag (the default choices, per as-of year)."""
    module = importlib.import_module(registry)
    space, _evaluate = module.CLAIMS[claim]
    table = read_store(store, claim)
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
                  registry: str = DEFAULT_REGISTRY) -> pd.DataFrame:
    """``results/multiverse_<claim>.csv`` (every stored specification) and ``results/multiverse_summary.csv``;
    returns the summary. Written to temporary names, then renamed."""
    folder = Path(results_dir or RESULTS_DIR)
    store = Path(store or STORE_DIR)
    tables = {claim: claim_table(store, claim, registry) for claim in claims}
    for claim, table in tables.items():
        _write_csv(table, folder / f"multiverse_{claim}.csv")
    table = summary(tables)
    _write_csv(table, folder / "multiverse_summary.csv")
    return table


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    frame.round(6).to_csv(temporary, index=False, lineterminator="\n")
    os.replace(temporary, path)


# ---- the joint tests of the estimate-based claims -----------------------------------------------------------
def write_joint_tests(claims: Iterable[str], results_dir: Path | None = None,
                      n_permutations: int = robustness.JOINT_PERMUTATIONS,
                      n_specifications: int = robustness.JOINT_SPECIFICATIONS, seed: int = speccurve.SEED,
                      jobs: int = 1) -> pd.DataFrame:
    """The joint test under the null of each estimate-based claim among ``claims``, on the multiverse tables
    in ``results_dir`` (default results/), one claim per worker: :func:`robustness.joint_tests`, the
    function notebook 09 calls, so the same sample, seed and numbers. Written to
    ``multiverse_joint_tests.csv`` there (the rows of other claims kept); returns the rows of ``claims``."""
    folder = Path(results_dir or RESULTS_DIR)
    chosen = [claim for claim in robustness.ESTIMATE_CLAIMS if claim in claims]
    if not chosen:
        return robustness.no_tests()
    tasks = [(claim, folder, n_permutations, n_specifications, seed) for claim in chosen]
    if min(jobs, len(chosen)) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(chosen)), initializer=_limit_threads) as pool:
            parts = list(pool.map(_joint_test, *zip(*tasks)))
    else:
        parts = [_joint_test(*task) for task in tasks]
    table = pd.concat(parts, ignore_index=True)
    path = folder / robustness.JOINT_TESTS_FILE
    kept = pd.read_csv(path) if path.is_file() else robustness.no_tests()
    kept = kept[~kept["claim"].isin(chosen)]
    merged = pd.concat([kept, table], ignore_index=True) if len(kept) else table
    _write_csv(merged.sort_values("claim", kind="mergesort").reset_index(drop=True), path)
    return table


def _joint_test(claim: str, folder: Path, n_permutations: int, n_specifications: int, seed: int) -> pd.DataFrame:
    """One claim's joint test on the table written in ``folder`` (read back as notebook 09 reads it)."""
    _summary, tables = robustness.load_results(str(folder), [claim])
    return robustness.joint_tests(tables, panel.load(), n_permutations, n_specifications, seed)
