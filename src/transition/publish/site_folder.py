"""The folder a render replaces: only a site it wrote, swapped whole under a lock (light: no Sphinx).

``transition render --output DIR`` replaces ``DIR`` whole, so it must never take a folder that
holds anything else: a new or empty folder, or a site an earlier render wrote, which carries the
marker file :data:`MARKER`. Any other folder (a clone, a home folder, ``.``) is refused in one line
before anything is built, and again under the lock just before the swap (:func:`replace_folder`).
The default ``site/`` of the project, when an earlier version of this command wrote it without a
marker, is recognized by its Sphinx layout (:func:`_legacy_site`).
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
import uuid
from pathlib import Path

from transition.paths import PROJECT_ROOT
from transition.run.problems import ParameterProblems

SITE_DIR = PROJECT_ROOT / "site"
#: The file every rendered site carries at its top: a render replaces only a folder that has it.
MARKER = ".transition-site"
MARKER_TEXT = "A site written by `transition render`; the next render replaces this folder whole.\n"
#: What Sphinx leaves at the top of the book's site (an earlier render, before the marker existed).
SPHINX_FILES = {"objects.inv", "searchindex.js", "_static", "_images", "_downloads", "ru"}


def _legacy_site(folder: Path) -> bool:
    """The project's own ``site/`` as an earlier render wrote it: only Sphinx's files and pages."""
    if folder.resolve() != SITE_DIR.resolve():
        return False
    names = {p.name for p in folder.iterdir()}
    return {"index.html", "searchindex.js", "_static"} <= names and all(
        name in SPHINX_FILES or name.endswith(".html") for name in names)


def is_site(folder: Path) -> bool:
    """Whether ``folder`` is a site a render wrote (it has the marker with its text)."""
    try:
        return (Path(folder) / MARKER).read_text(encoding="utf-8") == MARKER_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def check_output(folder: Path) -> None:
    """Refuse (one line) an output folder a render may not replace: an existing file, or a folder
    that is neither empty nor a site a render wrote. Nothing is deleted."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ParameterProblems([f"--output {folder}: a file, not a folder; nothing was changed"])
    if not folder.is_dir() or is_site(folder) or _legacy_site(folder) or not any(folder.iterdir()):
        return
    raise ParameterProblems([f"--output {folder}: not empty and not a site `transition render` wrote (no "
                             f"{MARKER} in it); nothing was deleted: give a new or empty folder, or an "
                             "earlier render's site"])


@contextlib.contextmanager
def _lock(out_dir: Path):
    """An exclusive lock on ``out_dir`` (held while the old site is swapped for the new).

    The lock file lives in the system's temporary folder, named after the output folder's path,
    so that nothing is left in the project.
    """
    digest = hashlib.sha256(str(Path(out_dir).resolve()).encode()).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"transition-book-{digest}.lock"
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def replace_folder(built: Path, out_dir: Path) -> None:
    """Put the folder ``built`` in place of ``out_dir`` (same file system): two renames under a lock,
    after checking once more that ``out_dir`` may be replaced (:func:`check_output`); the new
    folder carries the :data:`MARKER`."""
    out_dir = Path(out_dir)
    (Path(built) / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # one per swap
    with _lock(out_dir):
        check_output(out_dir)
        if out_dir.exists():
            os.replace(out_dir, old)
        os.replace(built, out_dir)
    shutil.rmtree(old, ignore_errors=True)


def scratch_output(out_dir: Path) -> Path:
    """A new, empty folder beside ``out_dir`` (so that the final rename stays on one file system)."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
