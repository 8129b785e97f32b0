"""The execution cache: a notebook that would run exactly as before is not executed again (light).

A job's **key** is the SHA-256 of its parts (:func:`key_parts`; the hashes are
:mod:`transition.fingerprint`'s, which the colophon of every notebook shows):

- ``code``: the source of the notebook's code cells (outputs, metadata and Markdown do not count);
- ``parameters``: its typed parameters after defaults and overrides (``-p``, a file, a grid point);
- ``destination``: where the executed notebook and its outputs go (the stored notebook mentions them);
- ``data``: the raw-file registry with its SHA-256 hashes (``data/sources.toml``) and the project's
  data tables (``data/*.csv``) — every raw file is verified against the registry when read;
- ``package``: every module of the package (``src/transition/**/*.py``);
- ``constraints``: the pinned versions (``constraints.txt``);
- ``commit``: the commit the colophon names (:func:`transition.fingerprint.inputs_commit`: the last one
  that changed the package, the data or the pins, while none of them has uncommitted changes), so that
  a stored notebook is reused only where it names the same commit as a new execution would;
- ``results`` (only for a notebook that reads the others' results, the claims ledger): the headline
  files and tables in the folder it reads, taken when it starts, after the notebooks it reads.

After a successful execution, the executed notebook and every file it wrote (tables, headline JSON,
figures) are stored under ``.cache/runs/<key>/`` (beside ``runs/``; git-ignored, safe to delete at
any time), with the SHA-256 of each file in the entry's record. A later job with the same key gets
them back instead of running, once every file has been checked against its recorded hash (an entry
that fails the check, or records none, is removed with a one-line note and the notebook executed
again); the files are put in place all or none (:mod:`transition.run.replace`), and a file whose
bytes are already in place is left untouched, so an unchanged tree stays unchanged. The default run, named
runs (the Russian edition), sweeps and :func:`transition.run.execute.execute` all go through it;
``transition run --force`` executes anyway (and refreshes the stored copy); ``--explain`` prints
:func:`explain` for each notebook. Failed executions are never stored.

For ``--explain``, the parts of the last execution into each destination are remembered
(``.cache/runs/last/``), so that a miss can say which part changed; with them the names of the files
it wrote, which a consumer's ``results`` part leaves out (the ledger's own ``claims.csv``).
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import uuid
from pathlib import Path
from typing import Any

from transition.fingerprint import (  # one implementation of the hashes, shared with the colophon
    CONSTRAINTS,
    PACKAGE_DIR,
    code_digest,
    constraints_digest,
    data_digest,
    inputs_commit,
    package_digest,
)
from transition.fingerprint import digest as _digest
from transition.fingerprint import files_digest as _files_digest
from transition.fingerprint import jsonable as _jsonable
from transition.run.replace import CorruptSource, Incoming, replace_together, sha256_file

__all__ = ["CorruptSource"]  # raised by restore; re-exported for its callers

#: The folder of the cache, relative to the parent of the runs folder (the project root normally).
CACHE_FOLDER = Path(".cache") / "runs"
ENTRY_FILE = "entry.json"
NOTEBOOK_FILE = "notebook.ipynb"
OUTPUTS_FOLDER = "out"
LAST_FOLDER = "last"
#: Files in a results folder that are not notebook results (a consumer's key ignores them): the
#: benchmarks, a named run's record and a sweep's table.
NOT_RESULTS = ("benchmarks.json", "run.json", "sweep.csv")
#: The order in which --explain names the parts that changed.
PARTS = ("code", "parameters", "destination", "data", "package", "constraints", "commit", "results",
         "essay_results_dir", "multiverse_dir")


def key_parts(notebook: Path, parameters: dict[str, Any], notebook_dest: Path, output_dest: Path) -> dict[str, str]:
    """The parts of a job's key that are known before anything runs (``parameters``: the typed values
    after defaults and overrides)."""
    return {
        "code": code_digest(notebook),
        "parameters": _digest([_jsonable(parameters)]),
        "destination": _digest([Path(notebook_dest).resolve(), Path(output_dest).resolve()]),
        "data": data_digest(),
        "package": package_digest(),
        "constraints": constraints_digest(),
        "commit": inputs_commit() or "",  # the colophon names it: a notebook that names another commit runs again
    }


def results_digest(folder: Path, own_stem: str, own_outputs: tuple[str, ...] = ()) -> str:
    """SHA-256 of the headline files and tables a consumer reads in ``folder``: not its own outputs
    (files named after it, and ``own_outputs``, what it wrote there last time, e.g. ``claims.csv``)."""
    folder = Path(folder)
    files = [p for p in (*folder.glob("*.json"), *folder.glob("*.csv"))
             if p.name not in NOT_RESULTS and not p.name.startswith(own_stem) and p.name not in own_outputs
             ] if folder.is_dir() else []
    return _files_digest(files, folder)


def cache_dir(runs_dir: Path) -> Path:
    """The cache folder for a runs folder: ``<runs>/../.cache/runs``."""
    return Path(runs_dir).parent / CACHE_FOLDER


def full_parts(job) -> dict[str, str] | None:
    """Every part of ``job``'s key now (a consumer's ``results`` read at this moment); None: no cache."""
    if job.cache_parts is None:
        return None
    parts = dict(job.cache_parts)
    if job.reads_results is not None:
        last = _read_json(cache_dir(job.cache_runs) / LAST_FOLDER / f"{_slot(job)}.json")
        same_folder = Path(job.reads_results).resolve() == Path(job.output_dest).resolve()
        own = tuple(last.get("outputs", [])) if same_folder else ()
        parts["results"] = results_digest(Path(job.reads_results), job.stem, own)
    for name, (folder, pattern) in getattr(job, "reads_files", {}).items():  # other folders read via parameters
        parts[name] = _files_digest(Path(folder).glob(pattern), Path(folder))
    return parts


def key_of(parts: dict[str, str]) -> str:
    return _digest([f"{name}={parts[name]}" for name in sorted(parts)])[:32]


def _slot(job) -> str:
    return _digest([Path(job.notebook_dest).resolve()])[:20]


def _read_json(path: Path) -> dict:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return content if isinstance(content, dict) else {}


def _write_json(path: Path, content: dict) -> None:
    text = json.dumps(content, indent=1, sort_keys=True) + "\n"
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return  # a restore that changes nothing writes nothing, not even here
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _entry(job, key: str) -> Path:
    return cache_dir(job.cache_runs) / key


def lookup(job, parts: dict[str, str] | None = None) -> Path | None:
    """The stored execution for ``job``'s key, if complete; None otherwise (or when the cache is off)."""
    parts = parts or full_parts(job)
    if parts is None:
        return None
    entry = _entry(job, key_of(parts))
    record = _read_json(entry / ENTRY_FILE)
    if not record or not (entry / NOTEBOOK_FILE).is_file():
        return None
    if not all((entry / OUTPUTS_FOLDER / name).is_file() for name in record.get("outputs", [])):
        return None
    problem = verify(entry, record)
    if problem is not None:
        discard(job, entry, problem)
        return None
    return entry


def _entry_files(record: dict) -> list[str]:
    """The files of an entry, as its record names them (relative to the entry)."""
    return [NOTEBOOK_FILE, *(f"{OUTPUTS_FOLDER}/{name}" for name in record.get("outputs", []))]


def verify(entry: Path, record: dict | None = None) -> str | None:
    """What is wrong with the bytes of a stored execution (None: every file has the SHA-256 its record
    gives it). An entry written before the records held hashes cannot be verified: it is not reused."""
    record = _read_json(entry / ENTRY_FILE) if record is None else record
    hashes = record.get("sha256")
    if not isinstance(hashes, dict):
        return "its record holds no SHA-256 of its files"
    for name in _entry_files(record):
        try:
            actual = sha256_file(entry / name)
        except OSError as error:
            return f"{name}: unreadable ({error.strerror})"
        if actual != hashes.get(name):
            return f"{name}: SHA-256 {actual[:12]}, recorded {str(hashes.get(name))[:12]}"
    return None


def discard(job, entry: Path, problem: str) -> None:
    """Say in one line that a stored execution failed its check, and remove it (it is executed again)."""
    print(f"note: {job.label}: the stored execution .cache/runs/{entry.name[:12]} failed its check "
          f"({problem}); executing again", file=sys.stderr, flush=True)
    shutil.rmtree(entry, ignore_errors=True)


#: The tag papermill gives the cell it injects with a run's parameters.
INJECTED = "injected-parameters"


def with_current_prose(stored: Path, source: Path) -> str | None:
    """The stored executed notebook with the Markdown cells of ``source``, or None when nothing differs.

    The key leaves prose out (an edit of prose alone needs no execution), so a restore must keep the
    prose the notebook has now, not the prose it had when it was executed. None also when the cells do
    not line up one to one (then the stored notebook is used as it is)."""
    try:
        executed, current = json.loads(stored.read_text(encoding="utf-8")), json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    # papermill adds an "injected-parameters" cell to a run with parameters; the source has none
    old = [cell for cell in executed.get("cells", []) if INJECTED not in cell.get("metadata", {}).get("tags", [])]
    new = current.get("cells", [])
    if len(old) != len(new) or any(a["cell_type"] != b["cell_type"] for a, b in zip(old, new)):
        return None
    changed = False
    for cell, now in zip(old, new):
        if cell["cell_type"] == "markdown" and cell["source"] != now["source"]:
            cell["source"], changed = now["source"], True
    return json.dumps(executed, indent=1, ensure_ascii=False) + "\n" if changed else None


def restore(job, entry: Path) -> list[str]:
    """Put the stored outputs and the stored notebook (with the prose of the notebook as it is now)
    into ``job``'s destinations, all or none, each copy checked against the SHA-256 the entry
    records (:class:`CorruptSource` when one differs: nothing replaced); the output paths."""
    record = _read_json(entry / ENTRY_FILE)
    hashes = record.get("sha256") or {}
    items = [Incoming(Path(job.output_dest) / name, source=entry / OUTPUTS_FOLDER / name,
                      sha256=hashes.get(f"{OUTPUTS_FOLDER}/{name}", "")) for name in record.get("outputs", [])]
    prose = with_current_prose(entry / NOTEBOOK_FILE, Path(job.notebook))
    if prose is not None:
        items.append(Incoming(Path(job.notebook_dest), text=prose))
    else:
        items.append(Incoming(Path(job.notebook_dest), source=entry / NOTEBOOK_FILE,
                              sha256=hashes.get(NOTEBOOK_FILE, "")))
    replace_together(items)
    _remember(job, record.get("parts", {}), record.get("outputs", []))
    return [str(item.dest) for item in items[:-1]]


def store(job, parts: dict[str, str] | None, notebook: Path, outputs: Path, seconds: float) -> None:
    """Keep a successful execution (the executed ``notebook`` and the files under ``outputs``) under
    its key; a nicety: any problem leaves the cache as it was and never fails the run."""
    if parts is None:
        return
    names = sorted(p.relative_to(outputs).as_posix() for p in Path(outputs).rglob("*") if p.is_file())
    if "results" in parts and Path(job.reads_results).resolve() == Path(job.output_dest).resolve():
        # what it read, now that its own outputs are known (the next lookup leaves them out too); the
        # other notebooks' files are as they were when it started
        parts = {**parts, "results": results_digest(Path(job.reads_results), job.stem, tuple(names))}
    entry = _entry(job, key_of(parts))
    temporary = entry.with_name(f".{entry.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        (temporary / OUTPUTS_FOLDER).mkdir(parents=True)
        for name in names:
            (temporary / OUTPUTS_FOLDER / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(outputs) / name, temporary / OUTPUTS_FOLDER / name)
        shutil.copyfile(notebook, temporary / NOTEBOOK_FILE)
        record = {"stem": job.stem, "parts": parts, "outputs": names, "seconds": round(seconds, 2)}
        record["sha256"] = {name: sha256_file(temporary / name) for name in _entry_files(record)}
        _write_json(temporary / ENTRY_FILE, record)
        if entry.exists():  # --force, or two identical jobs at once: the newer copy wins
            shutil.rmtree(entry, ignore_errors=True)
        os.replace(temporary, entry)
        _remember(job, parts, names)
    except OSError:
        pass
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _remember(job, parts: dict[str, str], outputs: list[str]) -> None:
    """The parts and outputs of the last execution into ``job``'s destination (for --explain, and a
    consumer's own outputs, which its key leaves out)."""
    try:
        _write_json(cache_dir(job.cache_runs) / LAST_FOLDER / f"{_slot(job)}.json",
                    {"notebook": str(job.notebook_dest), "parts": parts, "outputs": outputs})
    except OSError:
        pass


def explain(job, inputs_will_change: bool = False) -> tuple[str, str]:
    """(``"reuse"`` or ``"run"``, why) for ``job``; ``inputs_will_change``: a notebook it reads runs first."""
    if job.cache_parts is None:
        return "run", "the cache is off for this run"
    if job.force:
        return "run", "--force"
    if job.reads_results is not None and inputs_will_change:
        return "run?", "reads the results of notebooks that run first: decided when they are done"
    parts = full_parts(job)
    key = key_of(parts)
    if lookup(job, parts) is not None:
        return "reuse", f"nothing it depends on changed (key {key[:12]})"
    last = _read_json(cache_dir(job.cache_runs) / LAST_FOLDER / f"{_slot(job)}.json").get("parts")
    if not last:
        return "run", f"no stored execution into {job.output_display or job.notebook_dest} (key {key[:12]})"
    changed = [name for name in PARTS if parts.get(name) != last.get(name)]
    if not changed:
        return "run", f"the stored execution is missing or incomplete (key {key[:12]})"
    return "run", f"changed since the last execution: {', '.join(changed)} (key {key[:12]})"
