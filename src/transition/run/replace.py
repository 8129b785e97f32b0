"""All or nothing: a set of new files replaces the old ones together, or none is replaced (light).

A run's products (tables, headline file, figures, the executed notebook) are one record: a reader
must never find the new headline file beside the old figures. :func:`replace_together` writes each
new file beside its destination first (a hidden temporary name in the destination's own folder, so
on the destination's file system), then renames them all into place; the old file of each is kept
as a hard link until every rename has succeeded, so a failure in the middle puts every old file
back. A full or read-only disk met while writing leaves every old file as it was and no temporary
file behind, and is raised as an :class:`OSError` naming the folder (``filename``).

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "new.csv").write_text("a\\n")
2
>>> [p.name for p in replace_together([Incoming(folder / "out" / "t.csv", source=folder / "new.csv")])]
['t.csv']
>>> (folder / "out" / "t.csv").read_text()
'a\\n'
"""
from __future__ import annotations

import errno
import hashlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

#: Bytes read or written at a time.
BLOCK = 1 << 20


class CorruptSource(ValueError):
    """A file to put in place does not have the SHA-256 recorded for it (nothing was replaced)."""


@dataclass
class Incoming:
    """One new file: its destination and its bytes (a ``source`` file, or ``text``).

    ``move``: the source is a staged file that may be renamed into place (same file system) instead
    of copied. ``sha256``: what the bytes must hash to (a cache entry's record), checked on the copy
    actually put in place."""

    dest: Path
    source: Path | None = None
    text: str | None = None
    sha256: str | None = None
    move: bool = False

    def content(self) -> bytes | None:
        return self.text.encode("utf-8") if self.text is not None else None


def sha256_file(path: Path) -> str:
    """SHA-256 hex digest of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def _unchanged(item: Incoming) -> bool:
    """The destination already holds these bytes (then it is left untouched, its mtime too)."""
    dest = Path(item.dest)
    try:
        if not dest.is_file():
            return False
        if item.text is not None:
            return dest.read_bytes() == item.content()
        if dest.stat().st_size != Path(item.source).stat().st_size:
            return False
        return sha256_file(dest) == (item.sha256 or sha256_file(item.source))
    except OSError:
        return False


def _write_copy(item: Incoming, temporary: Path) -> None:
    """The new bytes into ``temporary`` (flushed to disk), their hash checked against ``item.sha256``."""
    digest = hashlib.sha256()
    with open(temporary, "xb") as out:
        content = item.content()
        if content is not None:
            digest.update(content)
            out.write(content)
        else:
            with open(item.source, "rb") as handle:
                for block in iter(lambda: handle.read(BLOCK), b""):
                    digest.update(block)
                    out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if item.sha256 is not None and digest.hexdigest() != item.sha256:
        raise CorruptSource(f"{item.source}: SHA-256 {digest.hexdigest()[:12]}, recorded {item.sha256[:12]}")


def _stage(item: Incoming, temporary: Path) -> None:
    if item.move and item.sha256 is None:
        try:
            os.rename(item.source, temporary)  # same file system: no bytes written
            return
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
    _write_copy(item, temporary)


def _folder_error(error: OSError, folder: Path) -> OSError:
    """``error`` as an OSError naming ``folder`` (what a reader can act on)."""
    return OSError(error.errno, error.strerror or os.strerror(error.errno or 0), str(folder))


def _make_folder(folder: Path, created: list[Path]) -> None:
    missing = [folder, *folder.parents]
    missing = [p for p in missing if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    created += sorted(missing, key=lambda p: len(p.parts), reverse=True)


def _link_old(dest: Path, backup: Path) -> bool:
    """Keep the old file under ``backup`` (a hard link: no bytes written); False when there is none."""
    if not dest.exists():
        return False
    try:
        os.link(dest, backup)
    except OSError:  # no hard links here: keep the old bytes by renaming (the new one follows at once)
        os.rename(dest, backup)
    return True


def _commit(pending: list[tuple[Incoming, Path]], tag: str) -> None:
    """Rename every staged file into place; on any failure, put every old file back."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for item, temporary in pending:
            dest = Path(item.dest)
            backup = dest.with_name(f".{dest.name}.{tag}.old")
            kept = _link_old(dest, backup)
            done.append((dest, backup if kept else None))
            os.replace(temporary, dest)
    except BaseException:
        for dest, backup in reversed(done):
            try:
                if backup is not None:
                    os.replace(backup, dest)
                else:
                    dest.unlink(missing_ok=True)
            except OSError:
                pass
        raise
    finally:
        for _, backup in done:
            if backup is not None:
                backup.unlink(missing_ok=True)


def replace_together(items: list[Incoming]) -> list[Path]:
    """Put every item in place, or none (see the module's text); the destinations changed.

    Items whose destination already holds their bytes are left untouched. Raises the
    :class:`OSError` met (``filename``: the folder that could not be written) or
    :class:`CorruptSource`, in both cases with every old file as it was and no temporary file left.
    """
    tag = uuid.uuid4().hex[:8]
    todo = [item for item in items if not _unchanged(item)]
    pending: list[tuple[Incoming, Path]] = []
    created: list[Path] = []
    try:
        for item in todo:
            dest = Path(item.dest)
            temporary = dest.with_name(f".{dest.name}.{tag}.new")
            try:
                _make_folder(dest.parent, created)
                pending.append((item, temporary))
                _stage(item, temporary)
            except OSError as error:
                raise _folder_error(error, dest.parent) from error
        try:
            _commit(pending, tag)
        except OSError as error:
            raise _folder_error(error, Path(error.filename).parent if error.filename else Path(todo[0].dest).parent
                                ) from error
        pending = []
    except BaseException:
        for _, temporary in pending:
            temporary.unlink(missing_ok=True)
        for folder in created:
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    return [Path(item.dest) for item in todo]
