"""Expected failures of the command line: what it reports in a few lines (no traceback), and its exit codes.

An expected failure is raised as a :class:`Failure` carrying the lines to print and the exit code;
the command line prints them (``error: …``) and exits. ``transition --debug`` shows the traceback.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

#: Every notebook ran (or there was nothing to do).
EXIT_OK = 0
#: A notebook failed: a cell raised, or its kernel died (the cell and the error's last line are printed).
EXIT_FAILED = 1
#: A usage or parameter problem, reported before anything ran, one line each.
EXIT_USAGE = 2
#: Raw data unavailable (no mirror, no cache, no network) or not matching the registry's hash; or a
#: folder that cannot be written (full or read-only disk): nothing was replaced.
EXIT_DATA = 3
#: An unexpected error inside the compendium (a bug): one line, and ``--debug`` for the traceback.
EXIT_INTERNAL = 4
#: Interrupted (Ctrl-C): nothing was replaced by a partial result.
EXIT_INTERRUPTED = 130

#: At most this many lines are printed for one failure (the rest are counted).
MAX_LINES = 5


class Failure(Exception):
    """An expected failure: ``lines`` say what failed, where and what to do; ``code`` is the exit code."""

    code = EXIT_FAILED

    def __init__(self, lines: list[str] | str, code: int | None = None) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        super().__init__("\n".join(self.lines))
        if code is not None:
            self.code = code


class ParameterProblems(Failure):
    """Parameter or usage problems found before anything ran; ``lines`` holds one line per problem."""

    code = EXIT_USAGE


def shown_lines(lines: list[str], limit: int = MAX_LINES) -> list[str]:
    """``lines`` cut to ``limit`` lines, the last saying how many more there were.

    >>> shown_lines(["a", "b", "c"], limit=2)
    ['a', '… and 2 more']
    >>> shown_lines(["a", "b"], limit=2)
    ['a', 'b']
    """
    if len(lines) <= limit:
        return list(lines)
    return [*lines[:limit - 1], f"… and {len(lines) - limit + 1} more"]


#: Errors of the disk, not of the compendium: a full, over-quota, read-only or unwritable folder.
DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG})


def is_disk_error(error: BaseException) -> bool:
    """Whether ``error`` says a folder cannot be written (see :data:`DISK_ERRNOS`)."""
    return isinstance(error, OSError) and error.errno in DISK_ERRNOS


def disk_line(error: OSError, folder: Path | str | None = None) -> str:
    """One line for a disk error: the folder (``folder``, else the one the error names), what the
    system said, what to do.

    >>> disk_line(OSError(errno.ENOSPC, "No space left on device", "/data/results/x.csv"))
    'cannot write into /data/results: No space left on device; nothing was replaced: free some space, or make the folder writable, and run again'
    """
    where = folder
    if where is None and error.filename:
        named = Path(os.fsdecode(error.filename))
        where = named if named.is_dir() else named.parent
    reason = error.strerror or os.strerror(error.errno or 0)
    return (f"cannot write into {where or 'the output folder'}: {reason}; nothing was replaced: "
            "free some space, or make the folder writable, and run again")
