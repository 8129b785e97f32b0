"""Benchmarks: the panel (build from raw files, cached load), each notebook, the full run serial
and in parallel, a 12-variant sweep, and the multiverse (:func:`time_multiverse`: end to end, by jobs,
the joint tests by permutations, on a Dask cluster of separate processes). Notebook runs go to a temporary folder, never to
``results/`` or the committed notebooks, and bypass the execution cache (they time executions); the
numbers are merged into ``results/benchmarks.json``. The targets of start-up, a warm ``make all`` and
the cold run against its floor are timed by :mod:`transition.run.targets`.
"""
from __future__ import annotations

import itertools
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from transition.chapters import parameters as p
from transition.data import panel
from transition.paths import RESULTS_DIR
from transition.run import records, targets
from transition.run.discovery import (
    RESERVED,
    Layout,
    Notebook,
    Parameter,
    discover,
    select,
)
from transition.run.execute import execute, run
from transition.run.jobs import plan
from transition.run.problems import ParameterProblems
from transition.run.resolve import check, parse_grid, variant_name

#: Targets on the 2-core reference machine.
TARGET_PARALLEL_RUN_SECONDS = 60.0
TARGET_SPEEDUP = 1.6
SWEEP_VARIANTS = 12
#: The sweep timed by default: the issue's example, the CIS–Central Europe output-loss gap across GDP
#: sources and base years (3 × 4 = 12 variants). Used when that notebook exists; otherwise a grid is
#: built from the fastest notebook's spec (:func:`auto_grid`).
DEFAULT_SWEEP = ("02_output_paths", ["gdp_source=wdi,pwt,weo", "base_year=1989,1990,1991,1992"])


def _median_seconds(action, runs: int) -> tuple[float, list[float]]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), timings


def time_panel(runs: int = 5) -> dict:
    """Median wall time of a full panel build (raw files → validated parquet) and of a cached load."""
    build, build_runs = _median_seconds(lambda: panel.load(rebuild=True), runs)
    cached, cached_runs = _median_seconds(panel.load, runs)
    return {
        "panel_build_seconds": {"median": round(build, 3), "runs": [round(t, 3) for t in build_runs],
                                "target": 10.0},
        "panel_cached_load_seconds": {"median": round(cached, 4), "runs": [round(t, 4) for t in cached_runs],
                                      "target": 0.3},
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }


def write(results: dict, path=RESULTS_DIR / "benchmarks.json") -> None:
    """Merge ``results`` into ``results/benchmarks.json`` (other benchmarks keep their entries)."""
    existing = json.loads(path.read_text()) if path.is_file() else {}
    existing.update(results)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n")


def _machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}


def _candidates(parameter: Parameter) -> list:
    """Values of one parameter worth sweeping: its default first, then other allowed values."""
    rule, default = parameter.rule, parameter.value
    if isinstance(rule, p.Choice):
        values = list(rule.options)
    elif isinstance(rule, p.Integer) and isinstance(default, int):
        values = [v for step in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5) for v in [default + step]
                  if rule.low <= v <= rule.high]
    elif isinstance(rule, p.Number) and isinstance(default, (int, float)) and default:
        values = [round(default * f, 6) for f in (1, 0.8, 1.2, 0.9, 1.1, 0.7, 1.3)
                  if rule.low <= default * f <= rule.high]
    else:
        return []
    if default in values:
        values.remove(default)
        values.insert(0, default)
    return values


def auto_grid(notebook: Notebook, variants: int = SWEEP_VARIANTS) -> dict[str, list]:
    """A grid of about ``variants`` valid combinations built from the notebook's spec (choices
    first, then numeric parameters around their defaults); empty when nothing can be swept."""
    params = [q for q in notebook.parameters.values() if q.name not in RESERVED and len(_candidates(q)) > 1]
    params.sort(key=lambda q: (not isinstance(q.rule, p.Choice), -len(_candidates(q))))
    grid: dict[str, list] = {}
    size = 1
    for q in params:
        values = _candidates(q)
        needed = -(-variants // size)  # ceiling
        grid[q.name] = values[:max(2, min(needed, len(values)))]
        size *= len(grid[q.name])
        if size >= variants:
            break
    return grid


def _first_combinations(notebook: Notebook, grid: dict[str, list], limit: int) -> list[dict]:
    combos = [dict(zip(grid, values)) for values in itertools.product(*grid.values())]
    return [c for c in combos if not check(notebook, c)][:limit]


def _time_runs(selected: list[Notebook], jobs: int, scratch: Layout, progress) -> tuple[dict, list[str]]:
    """The full run with ``jobs`` workers, then serially: seconds per notebook, wall times, speed-up."""
    # Parallel first, serial second: whatever warms up (disk cache, bytecode) helps the serial
    # run, so the speed-up is, if anything, understated.
    parallel = run(selected, {}, "parallel", jobs, scratch, progress=progress, use_cache=False)
    serial = run(selected, {}, "serial", 1, scratch, progress=progress, use_cache=False)
    failures = [r for r in serial.results + parallel.results if not r.ok]
    speedup = serial.wall_seconds / parallel.wall_seconds if parallel.wall_seconds else float("nan")
    results = {
        "notebook_seconds": {r.stem: r.seconds for r in serial.results},
        "default_run_serial_seconds": {"value": round(serial.wall_seconds, 2), "notebooks": len(selected),
                                       "failed": sorted({r.stem for r in failures})},
        "default_run_parallel_seconds": {"value": round(parallel.wall_seconds, 2), "jobs": jobs,
                                         "target": TARGET_PARALLEL_RUN_SECONDS},
        "parallel_speedup": {"value": round(speedup, 2), "jobs": jobs, "target": TARGET_SPEEDUP},
    }
    return results, [f"{r.label}: {r.message}" for r in failures]


def _choose_sweep(notebooks: dict[str, Notebook], seconds: dict[str, float], sweep_notebook: str | None,
                  grid: list[str] | None) -> tuple[Notebook | None, dict]:
    """The sweep: a named notebook and grid, or the fastest notebook with something to sweep."""
    candidates: list[tuple[Notebook, list[str] | None]] = []  # (notebook, grid; None = automatic)
    if sweep_notebook or grid:
        for nb in select(notebooks, [sweep_notebook] if sweep_notebook else []):
            candidates.append((nb, list(grid) if grid else None))
    else:
        if DEFAULT_SWEEP[0] in notebooks:
            candidates.append((notebooks[DEFAULT_SWEEP[0]], DEFAULT_SWEEP[1]))
        fastest = sorted(notebooks.values(), key=lambda nb: seconds.get(nb.stem, 1e9))
        candidates += [(nb, None) for nb in fastest]
    for nb, grid_texts in candidates:
        try:
            chosen_grid = parse_grid(nb, grid_texts) if grid_texts else auto_grid(nb)
        except ParameterProblems:
            if grid:
                raise
            continue
        if chosen_grid and _first_combinations(nb, chosen_grid, SWEEP_VARIANTS):
            return nb, chosen_grid
    return None, {}


def _time_sweep(chosen: Notebook, chosen_grid: dict, jobs: int, scratch: Layout, progress) -> tuple[dict, list[str]]:
    combos = _first_combinations(chosen, chosen_grid, SWEEP_VARIANTS)
    # Run exactly these combinations: one sweep per combination would lose the parallelism,
    # so sweep over a synthetic grid and keep only the first SWEEP_VARIANTS points.
    started = time.perf_counter()
    jobs_list = [plan([chosen], {chosen.stem: combo}, "sweep", scratch, subfolder=variant_name(combo),
                      use_cache=False)[0] for combo in combos]
    staging = Path(scratch.runs) / ".staging" / "bench"
    for job in jobs_list:
        job.staging_root = staging
    outcome = execute(jobs_list, jobs, progress)
    wall = time.perf_counter() - started
    return {
        "notebook": chosen.stem, "grid": records.jsonable(chosen_grid), "variants": len(combos),
        "failed": [r.label for r in outcome if not r.ok], "jobs": jobs, "seconds": round(wall, 2),
        "variants_per_minute": round(len(combos) / wall * 60, 1) if wall else None,
    }, [f"sweep {r.label}: {r.message}" for r in outcome if not r.ok]


def time_notebooks(layout: Layout = Layout(), jobs: int = 2, sweep_notebook: str | None = None,
                   grid: list[str] | None = None, progress: bool | None = None) -> dict:
    """Wall time of every notebook (serial run), the full run with ``jobs`` workers and serially, and
    a sweep of 12 variants; all into a temporary folder."""
    notebooks = discover(layout)
    if not notebooks:
        return {"notebooks": {"note": f"no notebooks in {layout.display(layout.notebooks)} yet"}, "errors": []}
    with tempfile.TemporaryDirectory(prefix="transition-bench-") as tmp:
        scratch = Layout(notebooks=layout.notebooks, results=Path(tmp) / "results",
                         runs=Path(tmp) / "runs", root=layout.root)
        results, errors = _time_runs(list(notebooks.values()), jobs, scratch, progress)
        chosen, chosen_grid = _choose_sweep(notebooks, results["notebook_seconds"], sweep_notebook, grid)
        if chosen is None:
            results["sweep"] = {"note": "no notebook has a parameter with several allowed values"}
        else:
            results["sweep"], sweep_errors = _time_sweep(chosen, chosen_grid, jobs, scratch, progress)
            errors += sweep_errors
    results["machine"] = _machine()
    results["errors"] = errors  # not written: a benchmark with failed runs is not recorded
    return results


def table(results: dict) -> str:
    """The benchmark results as a plain-text table (measure, value, target, verdict)."""
    rows = []

    def add(measure, value, unit, target=None, better="lower"):
        if target is None:
            verdict = ""
        elif better == "lower":
            verdict = "meets" if value <= target else "MISSES"
        else:
            verdict = "meets" if value >= target else "MISSES"
        shown_target = "" if target is None else f"{'≤' if better == 'lower' else '≥'} {target:g} {unit}"
        rows.append((measure, f"{value:g} {unit}", shown_target, verdict))

    if "panel_build_seconds" in results:
        add("panel build (median)", results["panel_build_seconds"]["median"], "s", results["panel_build_seconds"]["target"])
        add("panel cached load (median)", results["panel_cached_load_seconds"]["median"], "s",
            results["panel_cached_load_seconds"]["target"])
    for stem, seconds in results.get("notebook_seconds", {}).items():
        add(f"notebook {stem}", seconds, "s")
    if "default_run_serial_seconds" in results:
        add("full run, serial", results["default_run_serial_seconds"]["value"], "s")
        entry = results["default_run_parallel_seconds"]
        add(f"full run, -j {entry['jobs']}", entry["value"], "s", entry["target"])
        add("parallel speed-up", results["parallel_speedup"]["value"], "x", results["parallel_speedup"]["target"],
            better="higher")
    sweep = results.get("sweep", {})
    if "variants_per_minute" in sweep:
        add(f"sweep {sweep['notebook']}, {sweep['variants']} variants, -j {sweep['jobs']}", sweep["seconds"], "s")
        add("sweep throughput", sweep["variants_per_minute"], "variants/min")
    for measure, value, unit, target in targets.rows(results):
        add(measure, value, unit, target)
    for measure, value, unit, target, better in multiverse_rows(results):
        add(measure, value, unit, target, better)
    for key in ("notebooks", "sweep"):
        if isinstance(results.get(key), dict) and "note" in results[key]:
            rows.append((key, results[key]["note"], "", ""))
    widths = [max(len(str(row[i])) for row in rows + [("measure", "value", "target", "")]) for i in range(4)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(("measure", "value", "target", ""), widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines)


# ---- the multiverse -----------------------------------------------------------------------------------------
#: Targets of the multiverse on 2 cores: specifications a minute end to end, the full default run in seconds.
TARGET_MULTIVERSE_PER_MIN = 50_000
TARGET_MULTIVERSE_SECONDS = 120.0
#: Permutations of the joint tests' scaling.
JOINT_SCALING = (100, 1_000, 10_000)
_EVALUATED = re.compile(r"^(\d+) specifications evaluated, \d+ reused from the store, in ([\d.]+) s.*?"
                        r"(?:peak memory (\d+) MiB after their first batch, (\d+) MiB at most)?$", re.M)


def _multiverse_command(root: Path, *args: str) -> tuple[float, str]:
    """``transition multiverse ARGS`` in a fresh process, into ``root`` (its own results and runs folders, an
    empty store): wall seconds and what it printed; RuntimeError when it fails."""
    command = [sys.executable, "-m", "transition", "--results-dir", str(root / "results"), "--runs-dir",
               str(root / "runs"), "multiverse", "--no-progress", *args]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"transition multiverse {' '.join(args)} failed: {done.stderr.strip().splitlines()[-1:]}")
    return seconds, done.stdout


def _run_entry(seconds: float, output: str, jobs: int) -> dict:
    found = _EVALUATED.search(output)
    n = int(found.group(1)) if found else 0
    entry = {"seconds": round(seconds, 2), "jobs": jobs, "specifications": n,
             "specifications_per_min": round(n / seconds * 60) if seconds else None,
             "engine_seconds": float(found.group(2)) if found else None}
    if found and found.group(3):
        entry["worker_peak_mib"] = {"after_first_batch": int(found.group(3)), "at_most": int(found.group(4))}
    return entry


def time_multiverse(jobs: int = 2, dask: bool = True, permutations=JOINT_SCALING) -> dict:
    """The full default ``transition multiverse`` (every space, every joint test at 1,000 permutations) from an
    empty store in a fresh process, with ``-j 1`` and ``-j jobs``; the joint tests alone at each number of
    ``permutations``; with ``dask``, the same run on a cluster of separately started processes (a scheduler
    and ``--nworkers jobs``) and its ratio to the local engine. Everything in a temporary folder."""
    from transition.claims import nulls
    from transition.claims.nulls import NULLS
    from transition.run import cluster, multiverse

    load = {"before": [round(x, 2) for x in os.getloadavg()]}
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="transition-bench-mv-") as tmp:
        runs = {}
        for workers in sorted({1, jobs}):
            root = Path(tmp) / f"j{workers}"
            runs[workers] = _run_entry(*_multiverse_command(root, "-j", str(workers)), workers)
        local = runs[jobs]
        results["multiverse_specifications_per_min"] = {"value": local["specifications_per_min"], "jobs": jobs,
                                                        "target": TARGET_MULTIVERSE_PER_MIN}
        results["multiverse_default_run_seconds"] = {"value": local["seconds"], "jobs": jobs,
                                                     "target": TARGET_MULTIVERSE_SECONDS}
        results["multiverse_scaling_jobs"] = {f"jobs_{w}": entry for w, entry in runs.items()}
        results["multiverse_memory"] = local.get("worker_peak_mib", {})
        store = Path(tmp) / f"j{jobs}" / "runs" / "multiverse"
        started = time.perf_counter()
        groups = {claim: multiverse.joint_test_groups(store, claim) for claim in NULLS}
        reading = time.perf_counter() - started
        n = sum(len(inputs) for parts in groups.values() for inputs, _estimates, _keys in parts.values())
        scaling = {"reading_the_stored_inputs_seconds": round(reading, 2)}
        for count in permutations:
            started = time.perf_counter()
            for claim, parts in groups.items():
                nulls.test_rows(claim, parts, count)
            seconds = time.perf_counter() - started
            scaling[f"permutations_{count}"] = {"seconds": round(seconds, 2), "specifications": n,
                                                "evaluations_per_second": round(n * count / seconds)}
        results["multiverse_joint_test_evaluations_per_second"] = {
            "value": scaling.get("permutations_1000", next(iter(scaling.values())))["evaluations_per_second"],
            "permutations": 1000 if "permutations_1000" in scaling else permutations[0]}
        results["multiverse_scaling_permutations"] = scaling
        if dask:
            with cluster.separate_processes(jobs, Path(tmp)) as address:
                seconds, output = _multiverse_command(Path(tmp) / "dask", "--scheduler", address)
            entry = _run_entry(seconds, output, jobs)
            results["multiverse_dask_cluster"] = {**entry, "workers": jobs, "ratio_to_local": round(seconds / local["seconds"], 2),
                                                  "how": "dask scheduler + dask worker --nworkers N --nthreads 1, "
                                                         "started before the run (their start-up not counted)"}
    load["after"] = [round(x, 2) for x in os.getloadavg()]
    results["multiverse_machine"] = {**_machine(), "load_average_1_5_15_min": load}
    return results


def multiverse_rows(results: dict) -> list[tuple]:
    """(measure, value, unit, target, better) rows of the multiverse's benchmarks for :func:`table`."""
    rows = []
    if "multiverse_specifications_per_min" in results:
        entry = results["multiverse_specifications_per_min"]
        rows.append((f"multiverse, -j {entry['jobs']} (specifications a minute, end to end)", entry["value"],
                     "specs/min", entry["target"], "higher"))
        entry = results["multiverse_default_run_seconds"]
        rows.append((f"full default `transition multiverse -j {entry['jobs']}`", entry["value"], "s", entry["target"], "lower"))
        for name, entry in results.get("multiverse_scaling_jobs", {}).items():
            rows.append((f"multiverse, -j {entry['jobs']}", entry["seconds"], "s", None, "lower"))
        for name, entry in results.get("multiverse_scaling_permutations", {}).items():
            if name.startswith("permutations_"):
                rows.append((f"joint tests, every specification × {name.split('_')[1]} permutations", entry["seconds"],
                             "s", None, "lower"))
        rows.append(("joint-test evaluations a second", results["multiverse_joint_test_evaluations_per_second"]["value"],
                     "/s", None, "higher"))
    if "multiverse_dask_cluster" in results:
        entry = results["multiverse_dask_cluster"]
        rows.append((f"multiverse on a Dask cluster ({entry['workers']} workers)", entry["seconds"], "s", None, "lower"))
        rows.append(("Dask cluster / local engine", entry["ratio_to_local"], "x", None, "lower"))
    return rows
