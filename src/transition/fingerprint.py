"""Content hashes of what a notebook's results depend on (light: the standard library only).

One implementation, used by the execution cache (:mod:`transition.run.cache`, whose key is made of
these parts) and by the colophon every notebook ends with (:mod:`transition.present.colophon`), so
that a notebook names its inputs by the very hashes that decide whether it must run again:

- ``code``: the source of the notebook's code cells (outputs, metadata and Markdown do not count);
- ``parameters``: its typed parameter values (JSON, keys sorted);
- ``data``: the raw-file registry with its SHA-256 hashes (``data/sources.toml``) and the project's
  data tables (``data/*.csv``);
- ``package``: every module of the package (``src/transition/**/*.py``);
- ``constraints`` (the pins): the pinned versions (``constraints.txt``).

:func:`inputs_commit` is the git commit to name beside them, when there is an honest one: the last
commit that changed the package, the data or the pins, and only while none of them has uncommitted
changes. It is never the commit that holds the executed notebook (a file cannot name the commit it
is part of), so a fresh clone names the same commit as the committed notebook.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any

from transition.paths import DATA_DIR, PROJECT_ROOT

PACKAGE_DIR = PROJECT_ROOT / "src" / "transition"
CONSTRAINTS = PROJECT_ROOT / "constraints.txt"
#: What :func:`inputs_commit` looks at (git pathspecs, relative to the project root).
COMMIT_INPUTS = ("src/transition", "data/sources.toml", ":(glob)data/*.csv", "constraints.txt")
#: Characters of a hash shown in a colophon (48 bits: enough to tell inputs apart by eye).
SHOWN = 12


def digest(chunks) -> str:
    """SHA-256 (hex) of ``chunks`` (bytes or text), each followed by a NUL byte."""
    sha = hashlib.sha256()
    for chunk in chunks:
        sha.update(chunk if isinstance(chunk, bytes) else str(chunk).encode())
        sha.update(b"\0")
    return sha.hexdigest()


def files_digest(paths, root: Path) -> str:
    """SHA-256 over the files ``paths`` (sorted): each one's path relative to ``root`` and its bytes."""
    chunks = []
    for path in sorted(paths):
        try:
            content = path.read_bytes()
        except OSError:
            content = b"<unreadable>"
        chunks += [path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path), content]
    return digest(chunks)


@lru_cache(maxsize=1)
def package_digest() -> str:
    """SHA-256 over the package's modules (``src/transition/**/*.py``)."""
    return files_digest(PACKAGE_DIR.rglob("*.py"), PACKAGE_DIR)


@lru_cache(maxsize=1)
def constraints_digest() -> str:
    """SHA-256 of the pinned versions (``constraints.txt``)."""
    return files_digest([CONSTRAINTS] if CONSTRAINTS.is_file() else [], PROJECT_ROOT)


@lru_cache(maxsize=1)
def data_digest() -> str:
    """SHA-256 over the raw-file registry (with its hashes) and the project's data tables."""
    return files_digest([DATA_DIR / "sources.toml", *DATA_DIR.glob("*.csv")], DATA_DIR)


def code_sources(cells: list[dict]) -> list[str]:
    """The sources of the code cells of a notebook's cells (read as plain JSON)."""
    return ["".join(c.get("source", "")) if isinstance(c.get("source"), list) else c.get("source", "")
            for c in cells if c.get("cell_type") == "code"]


def code_digest(notebook: Path) -> str:
    """SHA-256 of the notebook's code cells' sources (read as plain JSON)."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    return digest(code_sources(cells))


def jsonable(value: Any) -> str:
    """``value`` as canonical JSON text (keys sorted; anything else by its repr)."""
    return json.dumps(value, sort_keys=True, default=repr, ensure_ascii=False)


def parameters_digest(parameters: dict[str, Any]) -> str:
    """SHA-256 of typed parameter values."""
    return digest([jsonable(parameters)])


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


@lru_cache(maxsize=1)
def inputs_commit() -> str | None:
    """The last commit that changed the package, the data or the pins (12 hex digits), when none of
    them has uncommitted changes (tracked or new files); None otherwise, outside a git checkout, and
    in a shallow clone (whose history may not reach that commit)."""
    if _git("rev-parse", "--is-shallow-repository") != "false":
        return None
    status = _git("status", "--porcelain", "--", *COMMIT_INPUTS)
    if status is None or status:
        return None
    commit = _git("log", "-1", f"--format=%H", "--", *COMMIT_INPUTS)
    return commit[:SHOWN] if commit else None
