"""One run at a time into one folder: the second `transition run --name X` is refused, not mixed in (light).

Two runs writing into the same ``runs/NAME/`` (or two default runs into ``results/``) would each
replace the other's files, and their ``run.json`` would describe neither. :func:`hold` takes an
exclusive lock named after the destination folder for the whole run; a second run into it is
refused at once, in one line naming the folder and the process holding it. The lock file lives in
the system's temporary folder (nothing is left in the project) and is released by the system when
the process ends, however it ends.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
from pathlib import Path

from transition.run.problems import ParameterProblems


def lock_path(folder: Path) -> Path:
    """The lock file of a destination folder."""
    digest = hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"transition-run-{digest}.lock"


@contextlib.contextmanager
def hold(folder: Path, shown: str):
    """Hold the lock on ``folder`` (``shown``: how the refusal names it) while the block runs."""
    path = lock_path(folder)
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip() or "another process"
            raise ParameterProblems([f"{shown}: another run is writing into it (process {owner}); "
                                     "wait for it to finish, or give this run another --name"]) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()
