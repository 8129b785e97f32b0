"""A project notebook whose file is not valid JSON (a truncated write, a bad merge): where to run it from (light).

The committed notebooks are the default run's products as well as its sources, so a damaged one
would otherwise stop every command that reads the notebooks. :func:`recovered_source` finds the
last good version of it: the last execution stored for that file in the execution cache (its bytes
checked against their recorded SHA-256), else the version committed in git (``HEAD``). The run
executes that version (:func:`source_for_run`, a copy under ``.cache/runs/recovered/``) and, when
it succeeds, the default run puts the executed notebook in place of the damaged file; ``transition
list`` shows the notebook's parameters from it. Nothing is written into ``notebooks/`` here.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from transition.run import cache

RECOVERED_FOLDER = "recovered"
GIT_TIMEOUT_SECONDS = 20


def _valid(text: str | None) -> bool:
    try:
        content = json.loads(text) if text else None
    except ValueError:
        return False
    return isinstance(content, dict) and isinstance(content.get("cells"), list)


def _from_cache(path: Path, runs_dir: Path) -> tuple[str, str] | None:
    """The last execution stored into ``path`` (the default run's destination), if intact."""
    from types import SimpleNamespace

    slot = cache._slot(SimpleNamespace(notebook_dest=path))
    last = cache._read_json(cache.cache_dir(runs_dir) / cache.LAST_FOLDER / f"{slot}.json")
    if not last.get("parts"):
        return None
    entry = cache.cache_dir(runs_dir) / cache.key_of(last["parts"])
    if not (entry / cache.NOTEBOOK_FILE).is_file() or cache.verify(entry) is not None:
        return None
    text = (entry / cache.NOTEBOOK_FILE).read_text(encoding="utf-8")
    return (text, f"its last stored execution (.cache/runs/{entry.name[:12]})") if _valid(text) else None


def _from_git(path: Path) -> tuple[str, str] | None:
    """The version of ``path`` committed at ``HEAD``, if git has one."""
    try:
        shown = subprocess.run(["git", "show", f"HEAD:./{path.name}"], cwd=path.parent, capture_output=True,
                               timeout=GIT_TIMEOUT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return None
    text = shown.stdout.decode("utf-8", errors="replace") if shown.returncode == 0 else None
    return (text, "its committed version (git HEAD)") if _valid(text) else None


def recovered_source(path: Path, runs_dir: Path) -> tuple[str, str] | None:
    """(text, where it came from) of the last good version of the damaged notebook ``path``, or None."""
    path = Path(path).resolve()
    return _from_cache(path, runs_dir) or _from_git(path)


def source_for_run(stem: str, text: str, runs_dir: Path) -> Path:
    """The recovered notebook as a file a run can execute (``.cache/runs/recovered/<stem>.ipynb``)."""
    folder = cache.cache_dir(runs_dir) / RECOVERED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stem}.ipynb"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
    return target
