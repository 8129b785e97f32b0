"""``transition verify``: does the committed record reproduce, byte for byte? (the Data Editors' check)

1. **The manifest** (``results/MANIFEST.sha256``, :mod:`transition.run.record`): every file it lists
   must be there with that SHA-256, and every file of the record must be listed.
2. **Re-execution**: every notebook of the default run and of the run as of the essay is executed as
   ``make notebooks`` executes it — through the execution cache, so that a notebook whose inputs are
   unchanged since a stored execution is not run again (seconds when nothing changed) — but
   delivered to a temporary folder, never into place; each file it writes that belongs to the record
   is compared with the committed one, byte for byte.

One line per file that does not reproduce, saying what differs (the first differing row of a table,
key of a headline file, cell of a notebook); nothing is written into the record. Files that no
notebook writes (the benchmarks, the multiverse's tables: :data:`~transition.run.record.NOT_REEXECUTED`)
are checked against the manifest only.
"""
from __future__ import annotations

import fnmatch
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from transition.data.vocabulary import ESSAY_YEAR
from transition.paths import ESSAY_RUN
from transition.run import differences, record
from transition.run.discovery import Layout, Notebook, discover
from transition.run.jobs import Job, JobResult, plan

#: The colophon's inputs line: "code `…`, parameters `…`, …" (the hashes' first 12 hex digits).
COLOPHON_INPUT = re.compile(r"\b(code|parameters|data|package|pins) `([0-9a-f]{12})`")
COLOPHON_PARTS = {"code": "code", "parameters": "parameters", "data": "data", "package": "package",
                  "pins": "constraints"}


@dataclass
class Report:
    """What ``transition verify`` found: the files checked, and one line per file that does not reproduce."""

    checked: list[str] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)  # file (as shown) → what differs
    manifest_only: list[str] = field(default_factory=list)
    executed: int = 0
    reused: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        runs = f"{self.executed + self.reused} notebook runs: {self.executed} executed, {self.reused} from the cache"
        only = f"; {len(self.manifest_only)} written by other commands, checked against the manifest" \
            if self.manifest_only else ""
        if self.ok:
            return f"all {len(self.checked)} files of the record reproduce byte for byte ({runs}{only})"
        return f"{len(self.problems)} of {len(self.checked)} files of the record do not reproduce ({runs}{only})"

    def lines(self) -> list[str]:
        """One line per file that does not reproduce: the file, and what differs."""
        return [f"{name}: {what}" for name, what in sorted(self.problems.items())]


def essay_notebooks(notebooks: dict[str, Notebook]) -> list[Notebook]:
    """The notebooks of the run as of the essay: those with an ``as_of`` parameter (01-08)."""
    return [nb for nb in notebooks.values() if "as_of" in nb.parameters]


def record_jobs(layout: Layout, deliver_root: Path) -> list[Job]:
    """The jobs of ``make notebooks``' record runs (the essay run, then the default run), each
    delivered to a folder of its own under ``deliver_root``."""
    notebooks = discover(layout)
    essay = essay_notebooks(notebooks)
    jobs = plan(essay, {nb.stem: {"as_of": ESSAY_YEAR} for nb in essay}, ESSAY_RUN, layout)
    jobs += plan(list(notebooks.values()), {}, None, layout)
    for number, job in enumerate(jobs):
        job.staging_root = jobs[0].staging_root
        job.deliver_to = Path(deliver_root) / f"{number:02d}-{job.stem}"
    return jobs


def _delivered(job: Job) -> dict[Path, Path]:
    """Destination of each file the job delivered (notebook and outputs) → the delivered copy."""
    target = Path(job.deliver_to)
    files = {Path(job.notebook_dest): target / "notebook.ipynb"}
    out = target / "out"
    for path in sorted(p for p in out.rglob("*") if p.is_file()) if out.is_dir() else []:
        files[Path(job.output_dest) / path.relative_to(out)] = path
    return files


def _colophon_inputs(notebook: Path) -> dict[str, str]:
    """Cache-key part → hash prefix, from the inputs line of a notebook's colophon (empty if none)."""
    try:
        text = notebook.read_text(encoding="utf-8")
    except OSError:
        return {}
    return {COLOPHON_PARTS[label]: value for label, value in COLOPHON_INPUT.findall(text)}


def _stale_inputs(job: Job, committed: Path) -> str:
    """' (inputs changed since it was executed: package, data)' when the committed notebook's colophon
    names other inputs than the tree's; '' otherwise."""
    named = _colophon_inputs(committed)
    parts = job.cache_parts or {}
    changed = [part for part, value in named.items() if part != "parameters" and parts.get(part, "")[:12] != value]
    return f" (inputs changed since it was executed: {', '.join(changed)})" if changed else ""


def compare_job(job: Job, result: JobResult, report: Report, record_set: set[str], layout: Layout) -> None:
    """Compare what ``job`` delivered with the committed files of the record (in place)."""
    if not result.ok:
        report.problems[layout.display(job.notebook_dest)] = f"could not be re-executed: {result.message}"
        return
    for dest, delivered in _delivered(job).items():
        name = layout.display(dest)
        if name not in record_set:
            continue
        now = delivered.read_bytes()
        if not dest.is_file():
            report.problems[name] = "missing: the re-execution writes it"
            continue
        committed = dest.read_bytes()
        if committed != now:
            what = differences.describe(committed, now, dest.name)
            if dest.suffix == ".ipynb":
                what += _stale_inputs(job, dest)
            report.problems[name] = f"does not reproduce: {what}"


def check_manifest(manifest: dict[str, str], layout: Layout, report: Report) -> set[str]:
    """Every listed file there with its hash, every file of the record listed; the record's files (as shown)."""
    on_disk = {record.shown(path, layout): path for path in record.record_files(layout)}
    for name, digest in manifest.items():
        path = on_disk.get(name)
        if path is None:
            report.problems[name] = "missing: listed in the manifest, not in the tree"
        elif record.sha256(path) != digest:
            report.problems[name] = "differs from the manifest"
    for name in on_disk:
        if name not in manifest:
            report.problems[name] = "not in the manifest (make all, or transition manifest, lists it)"
    report.checked = sorted(set(manifest) | set(on_disk))
    return set(report.checked)


def _reexecuted_names(jobs: list[Job], layout: Layout) -> set[str]:
    return {layout.display(dest) for job in jobs for dest in _delivered(job)}


def _merge_manifest_lines(report: Report, before: dict[str, str], reexecuted: set[str]) -> None:
    """A file whose bytes reproduce but differ from the manifest: the manifest is stale (say so); a file
    that differs from both keeps the re-execution's line (it says what differs)."""
    for name, what in before.items():
        if name in report.problems:
            continue
        if what == "differs from the manifest" and name in reexecuted:
            report.problems[name] = "reproduces, but differs from the manifest (make all rewrites it)"
        else:
            report.problems[name] = what


def verify(layout: Layout = Layout(), workers: int = 2, progress: bool | None = False) -> Report:
    """Check the record against its manifest, re-execute it through the cache, compare file by file."""
    from transition.run import execute  # heavy: papermill

    report = Report()
    manifest = record.read_manifest(layout)
    if manifest is None:
        report.problems[record.shown(record.manifest_path(layout), layout)] = \
            "missing: no manifest of the record (make all, or transition manifest, writes it)"
        manifest = {}
    record_set = check_manifest(manifest, layout, report) if manifest else \
        {record.shown(p, layout) for p in record.record_files(layout)}
    report.checked = sorted(record_set)
    manifest_lines, report.problems = dict(report.problems), {}
    deliver_root = Path(layout.runs) / ".verify" / uuid.uuid4().hex[:12]
    try:
        jobs = record_jobs(layout, deliver_root)
        results = execute.execute(jobs, workers, progress, warm=layout)
        for job, result in zip(jobs, results):
            compare_job(job, result, report, record_set, layout)
        reexecuted = _reexecuted_names(jobs, layout)
    finally:
        shutil.rmtree(deliver_root, ignore_errors=True)
        try:
            deliver_root.parent.rmdir()
        except OSError:
            pass
    _merge_manifest_lines(report, manifest_lines, reexecuted)
    report.manifest_only = sorted(name for name in record_set if name not in reexecuted)
    unexpected = [] if not all(r.ok for r in results) else [
        name for name in report.manifest_only
        if not any(fnmatch.fnmatch(Path(name).name, pattern) for pattern in record.NOT_REEXECUTED)]
    for name in unexpected:
        report.problems.setdefault(name, "no notebook writes it any more (left from an earlier run?)")
    report.executed = sum(1 for r in results if r.ok and not r.reused)
    report.reused = sum(1 for r in results if r.reused)
    return report
