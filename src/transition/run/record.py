"""The committed record and its manifest: the SHA-256 of every file a run of the project commits.

The record is what the default run and the run as of the essay write, and what ``transition
bench`` and ``transition multiverse`` add: ``notebooks/NN_*.ipynb`` (executed), everything under
``results/`` and the headline files ``runs/as_of_2002/NN_*.json``. Its manifest,
``results/MANIFEST.sha256``, lists each file's SHA-256 and path (relative to the project root),
sorted, in the format of ``sha256sum``: ``sha256sum -c results/MANIFEST.sha256`` checks it from the
project root, and ``transition verify`` checks it and re-executes. It is rewritten (only when its
content changes) by every command that writes into the record and by ``make all``
(``transition manifest``); a fresh clone's ``make all`` leaves it as committed.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from transition.paths import ESSAY_RUN
from transition.run.discovery import NOTEBOOK_GLOB, Layout
from transition.run.replace import sha256_file

MANIFEST_NAME = "MANIFEST.sha256"
#: Files of the record written by commands other than the notebooks (verify compares them with the
#: manifest only): the benchmarks (timings of the machine that ran them) and the multiverse's tables.
NOT_REEXECUTED = ("benchmarks.json", "multiverse_*.csv")


def manifest_path(layout: Layout = Layout()) -> Path:
    return Path(layout.results) / MANIFEST_NAME


def essay_dir(layout: Layout = Layout()) -> Path:
    """The folder of the run as of the essay (``runs/as_of_2002``), whose headline files are committed."""
    return Path(layout.runs) / ESSAY_RUN


def record_files(layout: Layout = Layout()) -> list[Path]:
    """Every file of the record present now (absolute paths, sorted), the manifest itself left out."""
    results = Path(layout.results)
    files = [*Path(layout.notebooks).glob(NOTEBOOK_GLOB),
             *(p for p in results.rglob("*") if p.is_file() and p.name != MANIFEST_NAME and not _hidden(p, results)),
             *essay_dir(layout).glob("[0-9][0-9]_*.json")]
    return sorted(set(files))


def _hidden(path: Path, root: Path) -> bool:
    """Temporary files of an atomic write (``.name.tmp``) and other dot files are not part of the record."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def shown(path: Path, layout: Layout = Layout()) -> str:
    """The path as the manifest names it: relative to the project root."""
    return layout.display(path)


def sha256(path: Path) -> str:
    return sha256_file(Path(path))


def manifest_text(layout: Layout = Layout()) -> str:
    """The manifest of the record as it is now (``sha256sum`` format)."""
    return "".join(f"{sha256(path)}  {shown(path, layout)}\n" for path in record_files(layout))


def read_manifest(layout: Layout = Layout()) -> dict[str, str] | None:
    """Path (as shown) → SHA-256, from the committed manifest; None when there is none."""
    try:
        text = manifest_path(layout).read_text(encoding="utf-8")
    except OSError:
        return None
    entries = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        if len(digest) == 64 and name:
            entries[name] = digest
    return entries


def write_manifest(layout: Layout = Layout()) -> bool:
    """Rewrite the manifest from the record on disk when its content changes; whether it did."""
    path = manifest_path(layout)
    text = manifest_text(layout)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return True
