"""Registry of raw source files, and hash-verified fetching.

Every raw file the study reads is listed in ``data/sources.toml`` with its canonical URL (the raw
file in its origin repository at a pinned commit), its SHA-256, license and citation. ``fetch``
returns a local path to the verified bytes:

1. from the mirror directory named by ``TRANSITION_DATA_MIRROR``, or ``../shared/data`` beside the
   project when that exists (read in place, never copied);
2. otherwise from the cache (``TRANSITION_DATA_CACHE``, default: the user cache directory),
   downloading on first use with pooch, which writes to a temporary file, checks the hash, and
   only then moves the file into place.

The hash is checked on every fetch: a file whose bytes differ is never returned.

Examples
--------
>>> from transition.data import sources
>>> path = sources.fetch("pwt_10_01/pwt101.csv")  # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs

from transition.paths import PROJECT_ROOT

REGISTRY_PATH = PROJECT_ROOT / "data" / "sources.toml"
DOWNLOAD_TIMEOUT_SECONDS = 20


class SourceError(RuntimeError):
    """Base class of the errors raised while fetching a raw file."""


class SourceHashMismatch(SourceError):
    """The bytes of a raw file differ from the hash in the registry."""


class SourceUnavailable(SourceError):
    """A raw file is neither in the mirror nor in the cache, and cannot be downloaded."""


class RegistryError(SourceError):
    """An entry of the registry that could read or write outside the mirror and the cache."""


#: One component of a file id: a folder or file name (no '..', no separator, no leading dot or space).
ID_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.()+ -]{0,199}")


def id_problem(file_id: object) -> str | None:
    """Why ``file_id`` cannot be a registry id, or None. An id is a relative path inside the mirror
    and the cache (``source/file.csv``): fetching it must never read or write outside them.

    >>> id_problem("pwt_10_01/pwt101.csv") is None
    True
    >>> id_problem("../../etc/passwd")
    "'../../etc/passwd': '..' is not a folder name here; an id is a relative path inside the mirror (source/file)"
    """
    if not isinstance(file_id, str) or not file_id:
        return f"{file_id!r}: an id is a non-empty text, a relative path inside the mirror (source/file)"
    if file_id.startswith("/") or "\\" in file_id or ":" in file_id:
        return (f"{file_id!r}: not a relative path (a leading '/', a '\\' or a ':'); an id is a relative path "
                "inside the mirror (source/file)")
    for part in file_id.split("/"):
        if not ID_PART.fullmatch(part) or part.endswith((" ", ".")):
            return (f"{file_id!r}: {part!r} is not a folder name here; an id is a relative path inside the "
                    "mirror (source/file)")
    return None


def _checked(entries: list) -> list:
    """The registry's entries, each id checked (:func:`id_problem`); one line per problem."""
    problems = []
    for entry in entries:
        problem = id_problem(entry.get("id") if isinstance(entry, dict) else None)
        if problem is None and not str(entry["id"]).startswith(f"{entry.get('source')}/"):
            problem = f"{entry['id']!r}: an id starts with its source ({entry.get('source')!r}/)"
        if problem:
            problems.append(problem)
    if problems:
        raise RegistryError(f"{REGISTRY_PATH.name}: {len(problems)} file id(s) refused: " + "; ".join(problems[:3])
                            + ". What to do: fix those entries (regenerate the registry from SOURCES.csv).")
    return entries


@dataclass(frozen=True)
class SourceFile:
    """One raw file of the registry."""

    id: str
    source: str
    url: str
    sha256: str
    bytes: int
    license: str
    citation: str
    description: str
    origin_repo: str = ""
    origin_commit: str = ""
    origin_path: str = ""


def load_registry(path: Path = REGISTRY_PATH) -> dict[str, SourceFile]:
    """Read the registry: file id → :class:`SourceFile` (parsed once per version of the file)."""
    stat = Path(path).stat()
    return dict(_parse_registry(str(path), stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=4)
def _parse_registry(path: str, mtime_ns: int, size: int) -> tuple[tuple[str, SourceFile], ...]:
    with open(path, "rb") as handle:
        entries = _checked(tomllib.load(handle)["file"])
    return tuple((entry["id"], SourceFile(**entry)) for entry in entries)


def files_of(source: str, registry: dict[str, SourceFile] | None = None) -> list[SourceFile]:
    """All registry entries of one source id (e.g. ``"gapminder_wdi"``)."""
    registry = registry or load_registry()
    found = [entry for entry in registry.values() if entry.source == source]
    if not found:
        known = sorted({entry.source for entry in registry.values()})
        raise KeyError(f"unknown source {source!r}; the registry has: {', '.join(known)}")
    return found


def sha256_of(path: Path) -> str:
    """SHA-256 hex digest of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cache_dir() -> Path:
    """Where downloaded raw files are kept (outside git)."""
    configured = os.environ.get("TRANSITION_DATA_CACHE")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("transition-compendium"))


#: Where the team's machines and CI keep the mirror: beside the project, as ``../shared/data``.
SIBLING_MIRROR = PROJECT_ROOT.parent / "shared" / "data"


def mirror_dir() -> Path | None:
    """The local mirror: ``TRANSITION_DATA_MIRROR`` if set, else ``../shared/data`` when it holds a
    ``SOURCES.csv``, else None (download into the cache)."""
    configured = os.environ.get("TRANSITION_DATA_MIRROR")
    if configured:
        return Path(configured)
    return SIBLING_MIRROR if (SIBLING_MIRROR / "SOURCES.csv").is_file() else None


def _mismatch(entry: SourceFile, path: Path, actual: str, where: str) -> SourceHashMismatch:
    return SourceHashMismatch(
        f"{entry.id}: the {where} file {path} does not match the registry {REGISTRY_PATH.name}\n"
        f"  expected sha256 {entry.sha256}\n  found    sha256 {actual}\n"
        f"  What to do: restore the original bytes from {entry.url} "
        f"(delete the file and fetch again), or point TRANSITION_DATA_MIRROR at an intact mirror. "
        f"If the source was deliberately updated, regenerate the registry and review the diff."
    )


def fetch(file_id: str, registry: dict[str, SourceFile] | None = None) -> Path:
    """Return a local path to the verified bytes of one raw file.

    Parameters
    ----------
    file_id : str
        The file's id in the registry (its path inside the mirror), e.g. ``"pwt_10_01/pwt101.csv"``;
        or a source id with a single file, e.g. ``"pwt_10_01"``.
    registry : dict, optional
        A registry as returned by :func:`load_registry` (tests pass their own).

    Raises
    ------
    SourceHashMismatch
        The mirror's file, or a downloaded file, differs from the registry's hash.
    SourceUnavailable
        No mirror file, no cached file, and the download failed (e.g. no network).
    """
    registry = registry or load_registry()
    if file_id not in registry:
        single = [entry.id for entry in registry.values() if entry.source == file_id]
        if len(single) != 1:
            raise KeyError(f"{file_id!r} is not in the registry {REGISTRY_PATH}"
                           + (f" ({file_id} has {len(single)} files: name one)" if single else ""))
        file_id = single[0]
    entry = registry[file_id]
    mirror = mirror_dir()
    if mirror is not None and (mirror / entry.id).is_file():
        path = mirror / entry.id
        actual = sha256_of(path)
        if actual != entry.sha256:
            raise _mismatch(entry, path, actual, "mirror")
        return path
    return _fetch_into_cache(entry, mirror)


def _fetch_into_cache(entry: SourceFile, mirror: Path | None) -> Path:
    import pooch  # imported here: a mirror hit needs no download machinery

    target = cache_dir() / entry.id
    try:
        # pooch re-downloads a cached file whose hash differs, and verifies every download
        # before moving it into place, so a corrupted file never carries the final name.
        fetched = pooch.retrieve(
            url=entry.url,
            known_hash=f"sha256:{entry.sha256}",
            fname=target.name,
            path=target.parent,
            downloader=pooch.HTTPDownloader(timeout=DOWNLOAD_TIMEOUT_SECONDS, progressbar=False),
            progressbar=False,
        )
    except ValueError as error:  # pooch's hash check
        raise SourceHashMismatch(
            f"{entry.id}: the downloaded bytes from {entry.url} do not match sha256 {entry.sha256} "
            f"in {REGISTRY_PATH.name} ({error}). Nothing was kept. What to do: check the URL and "
            f"the registry entry; never edit the hash to make this pass."
        ) from error
    except Exception as error:  # network errors: requests raises many kinds
        where = f"no file {mirror / entry.id}" if mirror else "TRANSITION_DATA_MIRROR is not set"
        raise SourceUnavailable(
            f"{entry.id}: not available ({where}; not in the cache {target.parent}; "
            f"download from {entry.url} failed: {type(error).__name__}). "
            f"What to do: set TRANSITION_DATA_MIRROR to a folder holding the raw files, "
            f"or connect to the network."
        ) from error
    return Path(fetched)


def fingerprint(file_ids: list[str], registry: dict[str, SourceFile] | None = None) -> str:
    """A cheap fingerprint of raw files: registry hashes plus where the bytes would be read from.

    Used to decide whether the processed panel must be rebuilt, without hashing every file
    (the rebuild itself verifies every hash).
    """
    registry = registry or load_registry()
    mirror = mirror_dir()
    parts = []
    for file_id in sorted(file_ids):
        entry = registry[file_id]
        located = mirror / entry.id if mirror is not None and (mirror / entry.id).is_file() else cache_dir() / entry.id
        stat = located.stat() if located.is_file() else None
        parts.append([entry.id, entry.sha256, str(located), stat and stat.st_size, stat and stat.st_mtime_ns])
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def registry_from_sources_csv(sources_csv: Path, descriptions: dict[str, str]) -> str:
    """Render ``data/sources.toml`` from a ``SOURCES.csv`` table (a deliberate regeneration).

    ``descriptions`` maps each source id to its one-line description, kept from the current
    registry so that regeneration changes only what the upstream table changed.
    """
    import csv

    lines = [
        "# Registry of the raw source files of the compendium.",
        "# One [[file]] entry per raw file: `id` is its path inside the mirror / cache;",
        "# `url` is the raw file in its origin repository at the pinned commit; `sha256` is checked on every fetch.",
        "# Regenerate deliberately with `transition registry --from-sources-csv PATH` and review the diff;",
        "# never edit a hash to make a failing fetch pass.",
        "",
    ]
    with open(sources_csv, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    _checked([{"id": row["file"], "source": row["source_id"]} for row in rows])
    for row in rows:
        fields = {
            "id": row["file"], "source": row["source_id"], "url": row["url"], "sha256": row["sha256"],
            "bytes": int(row["bytes"]), "origin_repo": row["origin_repo"],
            "origin_commit": row["origin_commit"], "origin_path": row["origin_path"],
            "license": row["license"], "citation": row["citation"],
            "description": descriptions.get(row["source_id"], ""),
        }
        lines.append("[[file]]")
        lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
        lines.append("")
    return "\n".join(lines)
