"""Run records: ``runs/<name>/run.json``, ``runs/.timings.json`` and the summary table (light).

Every record is written atomically (a temporary file beside the target, then ``os.replace``), so a
full disk or a kill in the middle of a write leaves the previous record whole; a record that is
unreadable anyway is kept aside (``run.json.unreadable``), never silently overwritten.
"""
from __future__ import annotations

import json
import math
import os
import platform
import re
import subprocess
import tempfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from transition.paths import RESULTS_DIR
from transition.run.discovery import RESERVED, Layout, Notebook
from transition.run.jobs import KERNEL, Job, JobResult

TIMINGS_FILE = ".timings.json"


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it and ``os.replace``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_json_atomic(path: Path, content: Any, **options) -> None:
    """``content`` as JSON (``options`` as for ``json.dumps``, plus a final newline), atomically."""
    write_text_atomic(path, json.dumps(content, **options) + "\n")


def read_record(path: Path) -> dict:
    """A JSON record, or ``{}`` when there is none; an unreadable one is moved aside, not lost."""
    try:
        content = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        try:
            os.replace(path, Path(path).with_name(Path(path).name + ".unreadable"))
        except OSError:
            pass
        return {}
    return content if isinstance(content, dict) else {}


def _git(root: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _package_versions() -> dict[str, str]:
    packages = {}
    try:
        requirements = metadata.distribution("transition").requires or []
    except metadata.PackageNotFoundError:
        requirements = []
    names = [re.split(r"[<>=!\[ ;]", requirement)[0] for requirement in requirements]
    for package in [*names, "nbclient", "ipykernel", "jupyter_client"]:
        try:
            packages.setdefault(package, metadata.version(package))
        except metadata.PackageNotFoundError:
            pass
    return dict(sorted(packages.items(), key=lambda item: item[0].lower()))


def provenance(layout: Layout = Layout()) -> dict[str, Any]:
    """Git commit (and whether the tree had changes), Python, platform and package versions."""
    return {
        "git_commit": _git(layout.root, "rev-parse", "HEAD") or None,
        "git_dirty": bool(_git(layout.root, "status", "--porcelain", "--untracked-files=no")),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "kernel": KERNEL,
        "packages": _package_versions(),
    }


def jsonable(value: Any) -> Any:
    """``value`` with NaN as None, tuples as lists, keys as strings and anything else as its ``str``.

    >>> jsonable({1: (float("nan"), "a")})
    {'1': [None, 'a']}
    """
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def write_run_record(path: Path, name: str, jobs: list[Job], results: list[JobResult],
                     notebooks: dict[str, Notebook], workers: int, wall: float, layout: Layout,
                     extra: dict | None = None, keep_timings: bool = False) -> None:
    """``run.json``: per job the parameters used (defaults + overrides), timing and status; the
    git commit and package versions. A re-run of the same name updates its notebooks' entries.
    ``keep_timings`` (a run restored whole from the execution cache): the file is left as it is when
    only the timings would change, so that a run that executed nothing writes nothing."""
    previous = read_record(path)
    record = json.loads(json.dumps(previous))
    entries = record.get("notebooks", {})
    for job, result in zip(jobs, results):
        defaults = notebooks[job.stem].defaults() if job.stem in notebooks else {}
        entries[job.label] = {
            "notebook": job.stem,
            "parameters": jsonable({**defaults, **job.parameters}),
            "overrides": jsonable({k: v for k, v in job.parameters.items() if k not in RESERVED}),
            "seconds": result.seconds, "status": result.status, "message": result.message,
        }
    record.update({
        "name": name,
        "finished_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "jobs": workers, "wall_seconds": round(wall, 2),
        **provenance(layout), **(extra or {}), "notebooks": dict(sorted(entries.items())),
    })
    if keep_timings and previous and _without_timings(previous) == _without_timings(jsonable(record)):
        return
    write_json_atomic(path, record, indent=2, ensure_ascii=False)


#: Keys of a run record that time the run (top level, and per notebook).
TIMING_KEYS = ("finished_utc", "wall_seconds", "seconds")


def _without_timings(record: dict) -> dict:
    trimmed = {k: v for k, v in record.items() if k not in TIMING_KEYS}
    trimmed["notebooks"] = {label: {k: v for k, v in entry.items() if k not in TIMING_KEYS}
                            for label, entry in record.get("notebooks", {}).items()}
    return trimmed


def timings_path(runs_dir: Path) -> Path:
    """``runs/.timings.json``: seconds per notebook of the latest successful runs."""
    return Path(runs_dir) / TIMINGS_FILE


def read_timings(runs_dir: Path) -> dict[str, float]:
    """Seconds per notebook from earlier runs (``runs/.timings.json``), else from the committed
    benchmarks (``results/benchmarks.json``), else nothing."""
    for path, key in ((timings_path(runs_dir), None), (RESULTS_DIR / "benchmarks.json", "notebook_seconds")):
        try:
            content = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        content = content.get(key, {}) if key and isinstance(content, dict) else content
        if isinstance(content, dict) and content:
            return {k: float(v) for k, v in content.items() if isinstance(v, (int, float))}
    return {}


def write_timings(runs_dir: Path, results: list[JobResult]) -> None:
    """Merge the successful results' seconds into ``runs/.timings.json`` (a nicety: never fails a run)."""
    timings = read_timings(runs_dir)
    timings.update({r.stem: r.seconds for r in results if r.ok and not r.reused})
    try:
        write_json_atomic(timings_path(runs_dir), timings, indent=1, sort_keys=True)
    except OSError:
        pass


def summary_table(results: list[JobResult], wall: float | None = None) -> str:
    """A plain-text table: notebook, seconds, status (the error's cell and last line when it failed)."""
    width = max([len("notebook")] + [len(r.label) for r in results])
    lines = [f"{'notebook':<{width}}  {'seconds':>8}  status", f"{'-' * width}  {'-' * 8}  {'-' * 6}"]
    for r in results:
        status = ("reused" if r.reused else r.status) if r.ok else f"{r.status.upper()}  {r.message}"
        lines.append(f"{r.label:<{width}}  {r.seconds:>8.1f}  {status}")
    if wall is not None:
        ok = sum(r.ok for r in results)
        reused = sum(r.reused for r in results)
        note = f" ({reused} reused from the cache)" if reused else ""
        lines.append(f"{len(results)} notebook run(s), {ok} ok{note}, {len(results) - ok} failed; wall {wall:.1f} s")
    return "\n".join(lines)
