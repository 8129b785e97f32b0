"""The registry and hash-verified fetching: mirror, cache, download, mismatch, offline."""
from __future__ import annotations

import csv
import hashlib
import http.server
import re
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from transition.data import sources
from transition.data.sources import SourceFile, SourceHashMismatch, SourceUnavailable

GOOD = b"year,country,value\n1990,rus,1.0\n"


def _entry(file_id: str, payload: bytes, url: str = "http://127.0.0.1:9/none.csv") -> SourceFile:
    return SourceFile(id=file_id, source="demo", url=url, sha256=hashlib.sha256(payload).hexdigest(),
                      bytes=len(payload), license="CC BY 4.0", citation="Demo", description="demo file")


@pytest.fixture
def isolated(monkeypatch, tmp_path):
    """No mirror, an empty cache in tmp."""
    monkeypatch.delenv("TRANSITION_DATA_MIRROR", raising=False)
    monkeypatch.setattr(sources, "SIBLING_MIRROR", tmp_path / "no-sibling-mirror")
    monkeypatch.setenv("TRANSITION_DATA_CACHE", str(tmp_path / "cache"))
    return tmp_path


def test_without_the_variable_the_mirror_beside_the_project_is_used(isolated, monkeypatch):
    sibling = isolated / "shared" / "data"
    sibling.mkdir(parents=True)
    assert sources.mirror_dir() is None  # no SOURCES.csv: not a mirror
    (sibling / "SOURCES.csv").write_text("source_id,file\n")
    monkeypatch.setattr(sources, "SIBLING_MIRROR", sibling)
    assert sources.mirror_dir() == sibling


def test_fetch_reads_the_mirror_in_place(isolated, monkeypatch):
    mirror = isolated / "mirror"
    (mirror / "demo").mkdir(parents=True)
    (mirror / "demo" / "a.csv").write_bytes(GOOD)
    monkeypatch.setenv("TRANSITION_DATA_MIRROR", str(mirror))
    registry = {"demo/a.csv": _entry("demo/a.csv", GOOD)}
    assert sources.fetch("demo/a.csv", registry) == mirror / "demo" / "a.csv"
    assert not (isolated / "cache").exists()  # nothing copied


def test_mirror_mismatch_names_file_hashes_and_remedy(isolated, monkeypatch):
    mirror = isolated / "mirror"
    (mirror / "demo").mkdir(parents=True)
    (mirror / "demo" / "a.csv").write_bytes(GOOD + b"tampered\n")
    monkeypatch.setenv("TRANSITION_DATA_MIRROR", str(mirror))
    entry = _entry("demo/a.csv", GOOD)
    with pytest.raises(SourceHashMismatch) as caught:
        sources.fetch("demo/a.csv", {"demo/a.csv": entry})
    message = str(caught.value)
    assert "demo/a.csv" in message
    assert f"expected sha256 {entry.sha256}" in message
    assert f"found    sha256 {hashlib.sha256(GOOD + b'tampered' + bytes([10])).hexdigest()}" in message
    assert "What to do" in message


def test_offline_without_mirror_fails_fast_and_clearly(isolated):
    registry = {"demo/a.csv": _entry("demo/a.csv", GOOD)}  # port 9: connection refused at once
    started = time.perf_counter()
    with pytest.raises(SourceUnavailable, match="TRANSITION_DATA_MIRROR is not set"):
        sources.fetch("demo/a.csv", registry)
    assert time.perf_counter() - started < 10


def test_a_single_file_source_can_be_fetched_by_source_id(isolated, monkeypatch):
    mirror = isolated / "mirror"
    (mirror / "demo").mkdir(parents=True)
    (mirror / "demo" / "a.csv").write_bytes(GOOD)
    monkeypatch.setenv("TRANSITION_DATA_MIRROR", str(mirror))
    registry = {"demo/a.csv": _entry("demo/a.csv", GOOD)}
    assert sources.fetch("demo", registry) == mirror / "demo" / "a.csv"
    registry["demo/b.csv"] = _entry("demo/b.csv", GOOD)
    with pytest.raises(KeyError, match="has 2 files"):
        sources.fetch("demo", registry)


def test_unknown_file_id_is_a_key_error(isolated):
    with pytest.raises(KeyError, match="not in the registry"):
        sources.fetch("nope.csv", {})


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture
def http_root(tmp_path):
    """A throwaway HTTP server on localhost serving tmp_path/www."""
    root = tmp_path / "www"
    root.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_download_is_verified_then_cached(isolated, http_root):
    root, base = http_root
    (root / "a.csv").write_bytes(GOOD)
    registry = {"demo/a.csv": _entry("demo/a.csv", GOOD, f"{base}/a.csv")}
    path = sources.fetch("demo/a.csv", registry)
    assert path == isolated / "cache" / "demo" / "a.csv"
    assert path.read_bytes() == GOOD
    (root / "a.csv").unlink()  # second fetch: a cache hit, no network needed
    assert sources.fetch("demo/a.csv", registry).read_bytes() == GOOD


def test_corrupted_download_is_never_kept(isolated, http_root):
    root, base = http_root
    (root / "a.csv").write_bytes(b"not the registered bytes\n")
    registry = {"demo/a.csv": _entry("demo/a.csv", GOOD, f"{base}/a.csv")}
    with pytest.raises(SourceHashMismatch, match="do not match sha256"):
        sources.fetch("demo/a.csv", registry)
    assert not (isolated / "cache" / "demo" / "a.csv").exists()


def test_corrupted_cache_file_is_replaced_not_used(isolated, http_root):
    root, base = http_root
    (root / "a.csv").write_bytes(GOOD)
    cached = isolated / "cache" / "demo" / "a.csv"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"corrupted\n")
    registry = {"demo/a.csv": _entry("demo/a.csv", GOOD, f"{base}/a.csv")}
    assert sources.fetch("demo/a.csv", registry).read_bytes() == GOOD


def test_corrupted_cache_file_offline_is_refused(isolated):
    cached = isolated / "cache" / "demo" / "a.csv"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"corrupted\n")
    with pytest.raises(SourceUnavailable):
        sources.fetch("demo/a.csv", {"demo/a.csv": _entry("demo/a.csv", GOOD)})


def test_registry_entries_are_complete_and_pinned():
    registry = sources.load_registry()
    assert len(registry) >= 79
    for entry in registry.values():
        assert re.fullmatch(r"[0-9a-f]{64}", entry.sha256), entry.id
        assert re.fullmatch(r"[0-9a-f]{40}", entry.origin_commit), entry.id
        assert entry.origin_commit in entry.url, entry.id
        assert entry.url.startswith("https://raw.githubusercontent.com/"), entry.id
        assert entry.license and entry.citation and entry.description, entry.id


def test_registry_matches_the_mirrors_sources_table():
    table = Path(sources.mirror_dir() or "/nonexistent") / "SOURCES.csv"
    if not table.is_file():
        pytest.skip("no mirror with SOURCES.csv")
    rows = {row["file"]: row for row in csv.DictReader(open(table, encoding="utf-8"))}
    registry = sources.load_registry()
    assert set(rows) == set(registry)
    for file_id, row in rows.items():
        assert registry[file_id].sha256 == row["sha256"]
        assert registry[file_id].url == row["url"]


def test_regenerating_the_registry_reproduces_it():
    table = Path(sources.mirror_dir() or "/nonexistent") / "SOURCES.csv"
    if not table.is_file():
        pytest.skip("no mirror with SOURCES.csv")
    descriptions = {e.source: e.description for e in sources.load_registry().values()}
    assert sources.registry_from_sources_csv(table, descriptions) == sources.REGISTRY_PATH.read_text(encoding="utf-8")
