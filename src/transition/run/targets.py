"""The run-time targets of issue 12, measured (``transition bench --targets``):

- ``transition list`` starts in at most :data:`TARGET_LIST_SECONDS` (a fresh process, median of five);
- a warm ``make all`` (nothing changed: every notebook reused from the execution cache, the book
  not rebuilt) takes at most :data:`TARGET_WARM_MAKE_SECONDS`, and leaves ``git status`` as it was;
- the cold default run of both editions (English, then Russian; the execution cache bypassed)
  takes at most :data:`TARGET_COLD_RATIO` times its *floor*: a notebook that only imports the
  stack, loads the panel and saves one figure, timed in the same session, times the number of
  notebook runs, divided by the jobs.

The warm ``make all`` runs ``make all`` in the project twice (the first brings everything up to date,
and may execute notebooks) and times the second. The cold run and the floor go to a temporary folder.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from transition.paths import PROJECT_ROOT
from transition.run.discovery import Layout, Notebook, discover
from transition.run.execute import execute, run, warm_panel
from transition.run.jobs import plan, worker_count

TARGET_LIST_SECONDS = 1.0
TARGET_WARM_MAKE_SECONDS = 10.0
TARGET_COLD_RATIO = 1.3
FLOOR_STEM = "99_floor"
#: The floor notebook: the imports every analysis notebook makes, the panel, one saved figure.
FLOOR_CELLS = (
    "import matplotlib.pyplot as plt\nimport numpy as np\nimport pandas as pd\nimport seaborn as sns\n"
    "import statsmodels.api as sm\n\nfrom transition.data import panel\n"
    "from transition.present.outputs import Outputs",
    "wide = panel.load(wide=True)\nout = Outputs('99_floor')",
    "fig, ax = plt.subplots(figsize=(6, 4))\nax.plot(wide.groupby('year').size())\n"
    "out.figure(fig, 'floor', sources=['constructed']);",
)


def _seconds(command: list[str], cwd: Path) -> tuple[float, int]:
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started, completed.returncode


def time_list(runs: int = 5) -> dict:
    """``transition list`` in a fresh process: median wall seconds of ``runs``."""
    timings = [_seconds([sys.executable, "-m", "transition", "list"], PROJECT_ROOT)[0] for _ in range(runs)]
    return {"list_seconds": {"median": round(statistics.median(timings), 3),
                             "runs": [round(t, 3) for t in timings], "target": TARGET_LIST_SECONDS}}


def _git_status(root: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain"], cwd=root, text=True, capture_output=True,
                          check=False).stdout


def time_warm_make(root: Path = PROJECT_ROOT) -> dict:
    """``make all`` twice in ``root``; the second one's wall seconds and whether it changed ``git status``."""
    first, code = _seconds(["make", "all"], root)
    before = _git_status(root)
    warm, warm_code = _seconds(["make", "all"], root)
    return {"warm_make_all_seconds": {
        "value": round(warm, 2), "target": TARGET_WARM_MAKE_SECONDS, "first_make_all_seconds": round(first, 2),
        "exit_codes": [code, warm_code], "git_status_unchanged": _git_status(root) == before}}


def _floor_notebook(folder: Path) -> Notebook:
    folder.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Floor")]
                                  + [nbformat.v4.new_code_cell(source) for source in FLOOR_CELLS])
    nb.metadata = {"kernelspec": {"name": "transition", "display_name": "Python (transition)", "language": "python"},
                   "language_info": {"name": "python"}}
    path = folder / f"{FLOOR_STEM}.ipynb"
    nbformat.write(nb, path)
    return Notebook(FLOOR_STEM, path, "Floor", {}, in_project=False)


def time_cold_run(layout: Layout = Layout(), jobs: int = 2, progress: bool | None = None) -> tuple[dict, list[str]]:
    """The cold default run of both editions against its floor; (results, errors)."""
    notebooks = list(discover(layout).values())
    workers = worker_count(jobs)
    with tempfile.TemporaryDirectory(prefix="transition-cold-") as tmp:
        scratch = Layout(notebooks=layout.notebooks, results=Path(tmp) / "results", runs=Path(tmp) / "runs",
                         root=layout.root)
        warm_panel(layout)
        floor_nb = _floor_notebook(Path(tmp) / "floor")
        floor_runs = []
        for attempt in range(2):  # the second is the floor: the first warms the disk cache
            [result] = execute(plan([floor_nb], {}, f"floor{attempt}", scratch, use_cache=False), 1, progress)
            floor_runs.append(result)
        started = time.perf_counter()
        english = run(notebooks, {}, "cold-en", workers, scratch, progress=progress, use_cache=False)
        russian = run(notebooks, {nb.stem: {"lang": "ru"} for nb in notebooks if "lang" in nb.parameters},
                      "cold-ru", workers, scratch, progress=progress, use_cache=False)
        cold = time.perf_counter() - started
    failures = [r for r in [*floor_runs, *english.results, *russian.results] if not r.ok]
    count = len(english.results) + len(russian.results)
    floor_one = floor_runs[-1].seconds
    floor = floor_one * count / workers
    return {"cold_default_run_both_editions": {
        "seconds": round(cold, 2), "english_seconds": round(english.wall_seconds, 2),
        "russian_seconds": round(russian.wall_seconds, 2), "notebook_runs": count, "jobs": workers,
        "floor_notebook_seconds": round(floor_one, 2), "floor_seconds": round(floor, 2),
        "ratio_to_floor": round(cold / floor, 2) if floor else None, "target_ratio": TARGET_COLD_RATIO,
        "cores": os.cpu_count()}}, [f"{r.label}: {r.message}" for r in failures]


def rows(results: dict) -> list[tuple[str, float, str, float | None]]:
    """(measure, value, unit, target) rows for the benchmark table."""
    out = []
    if "list_seconds" in results:
        out.append(("transition list (median)", results["list_seconds"]["median"], "s", TARGET_LIST_SECONDS))
    if "warm_make_all_seconds" in results:
        out.append(("warm make all", results["warm_make_all_seconds"]["value"], "s", TARGET_WARM_MAKE_SECONDS))
    cold = results.get("cold_default_run_both_editions")
    if cold:
        out.append(("cold default run, both editions", cold["seconds"], "s", None))
        out.append(("floor for it", cold["floor_seconds"], "s", None))
        if cold["ratio_to_floor"] is not None:
            out.append(("cold run / floor", cold["ratio_to_floor"], "x", TARGET_COLD_RATIO))
    return out
