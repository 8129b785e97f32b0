"""Benchmarks: how long the panel takes to build from the raw files and to load from its cache."""
from __future__ import annotations

import json
import os
import platform
import statistics
import time

from transition.paths import RESULTS_DIR


def _median_seconds(action, runs: int) -> tuple[float, list[float]]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), timings


def time_panel(runs: int = 5) -> dict:
    """Median wall time of a full panel build (raw files → validated parquet) and of a cached load."""
    from transition import panel

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
