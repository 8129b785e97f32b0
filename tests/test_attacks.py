"""A careless or hostile user's commands (issue 23), each run as the user would run it, in a temporary project.

What must hold: nothing deleted that the command did not write, nothing stale reused, no tag on the
page, and a one-line error within seconds with the right exit status. The notebooks are the small
fixtures of :mod:`runner_fixtures`; the tests marked ``notebook`` start their kernels.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from click.testing import CliRunner
from runner_fixtures import executed_notebook, fixture_notebook, write_fixtures

from transition.data import sources
from transition.present.table import Table
from transition.run import locks, replace
from transition.run.cli import main

HOSTILE = "/tmp/mv`<img src=x onerror=alert(1)>`"


def _env(root: Path) -> dict[str, str]:
    return {"TRANSITION_NOTEBOOKS_DIR": str(root / "notebooks"), "TRANSITION_RESULTS_DIR": str(root / "results"),
            "TRANSITION_RUNS_DIR": str(root / "runs")}


def invoke(root: Path, *args: str):
    started = time.perf_counter()
    result = CliRunner().invoke(main, list(args), env=_env(root), catch_exceptions=False)
    result.seconds = time.perf_counter() - started
    return result


def _errors(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error:")]


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(".*") if p.name.endswith((".new", ".old", ".tmp"))]


@pytest.fixture
def project(tmp_path) -> Path:
    write_fixtures(tmp_path / "notebooks", stems=("98_fixture",))
    return tmp_path


# --------------------------------------------------------------------------------------------------
# A site with hostile parameters, labels and captions (items 1 and 4)


def _hostile_notebook() -> nbformat.NotebookNode:
    """An executed notebook whose parameters, table labels, caption and computed Markdown are hostile."""
    nb = executed_notebook("Hostile values", "Found <img src=x onerror=alert(4)> and <script>alert(5)</script>.")
    frame = pd.DataFrame({"<b>col</b>": [1.5]}, index=pd.Index(["<script>alert(2)</script>"], name="<u>name</u>"))
    table = Table(frame, caption="<i>cap</i>")
    cell = nbformat.v4.new_code_cell('out.table(frame, "hostile")\nout.show(frame)')
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/html": table._repr_html_(),
                                                                   "text/plain": table.text()}, execution_count=2)]
    nb.cells.insert(2, cell)
    nb.metadata["papermill"] = {"parameters": {"multiverse_dir": HOSTILE, "label": "<script>alert(3)</script>",
                                               "note": "a\n\n<img src=y onerror=alert(6)>"}}
    return nb


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path, object]:
    root = tmp_path_factory.mktemp("hostile")
    for folder in (root / "notebooks", root / "runs" / "hostile"):
        folder.mkdir(parents=True)
        nbformat.write(_hostile_notebook(), folder / "01_hostile.ipynb")
        (folder / "hostile.csv").write_text("col\n1.5\n", encoding="utf-8")
    site = root / "site"
    result = invoke(root, "render", "--output", str(site), "--ru-run", "hostile")
    return root, site, result


class _Elements(HTMLParser):
    """Every element of a page: (tag, attributes, the text directly inside it); and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements, self.open, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        element = [tag, dict(attrs), ""]
        self.elements.append(element)
        if tag not in {"img", "br", "meta", "link", "input", "hr"}:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        self.text.append(data)
        if self.open:
            self.open[-1][2] += data


def test_no_hostile_tag_survives_on_the_page(hostile_site):
    """Item 4: `render --ru-run` of a run whose parameter holds a backtick and an <img onerror>, with a
    table whose index, header and caption are tags: every one of them shows as text, none as a tag."""
    root, site, result = hostile_site
    assert result.exit_code == 0, result.output
    for page in (site / "01_hostile.html", site / "ru" / "01_hostile.html"):
        parsed = _Elements()
        parsed.feed(page.read_text(encoding="utf-8"))
        elements = parsed.elements
        assert not [e for e in elements if any(name.startswith("on") for name in e[1])], page
        assert not [e for e in elements if e[0] == "img" and e[1].get("src") in ("x", "y")], page
        assert not [e for e in elements if e[0] == "script" and "alert" in e[2]], page
        assert not [e for e in elements if (e[0], e[2]) in {("b", "col"), ("i", "cap"), ("u", "name")}], page
        text = " ".join("".join(parsed.text).split())
        for shown in ("<img src=x onerror=alert(1)>", "<b>col</b>", "<i>cap</i>", "<script>alert(2)</script>",
                      "<u>name</u>", "<img src=x onerror=alert(4)>"):
            assert shown in text, (page.name, shown)


def test_render_never_deletes_a_folder_it_did_not_write(tmp_path, hostile_site):
    """Item 1: `render --output .` in a git clone is refused in one line, within a second, and every
    file (.git too) stays; an earlier render's site is replaced."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    (clone / "keep.txt").write_text("mine\n")
    (clone / "thesis").mkdir()
    (clone / "thesis" / "thesis.tex").write_text("\\documentclass{article}\n")
    before = _snapshot(clone)
    for output in (clone, clone / "thesis"):
        result = invoke(tmp_path, "render", "--output", str(output))
        assert result.exit_code == 2 and len(_errors(result)) == 1, result.output
        assert "nothing was deleted" in result.output and result.seconds < 2
    assert _snapshot(clone) == before and (clone / ".git" / "HEAD").is_file()
    root, site, _ = hostile_site
    (site / "stale.html").write_text("from an earlier render")
    again = invoke(root, "render", "--output", str(site), "--ru-run", "hostile")
    assert again.exit_code == 0, again.output
    assert (site / "01_hostile.html").is_file() and not (site / "stale.html").exists()


# --------------------------------------------------------------------------------------------------
# Item 2: the execution cache is verified before reuse


def _entry(root: Path) -> Path:
    entries = [p for p in (root / ".cache" / "runs").iterdir() if (p / "entry.json").is_file()]
    assert len(entries) == 1, entries
    return entries[0]


@pytest.mark.notebook
def test_a_damaged_cache_entry_or_notebook_is_executed_again_not_reused(project):
    root = project
    notebook = root / "notebooks" / "98_fixture.ipynb"
    assert invoke(root, "run", "98", "--no-progress").exit_code == 0
    good = _snapshot(root / "results")
    # a truncated cached notebook: executed again, said in one line, the notebook stays valid JSON
    (entry := _entry(root) / "notebook.ipynb").write_bytes(entry.read_bytes()[:1000])
    result = invoke(root, "run", "98", "--no-progress")
    assert result.exit_code == 0 and "reused" not in result.stdout, result.output
    notes = [line for line in result.stderr.splitlines() if "failed its check" in line]
    assert len(notes) == 1 and "notebook.ipynb" in notes[0], result.stderr
    assert json.loads(notebook.read_text())["cells"]
    # an edited headline value and a truncated table in the cache: not copied into results/
    headline = _entry(root) / "out" / "98_fixture.json"
    headline.write_text(headline.read_text().replace('"value": 3.0', '"value": 999.0'))
    (table := _entry(root) / "out" / "98_fixture_table.csv").write_bytes(table.read_bytes()[:10])
    result = invoke(root, "run", "98", "--no-progress")
    assert result.exit_code == 0 and "failed its check" in result.stderr and "reused" not in result.stdout
    assert _snapshot(root / "results") == good
    # the committed notebook itself is not valid JSON: listed, and restored by the run
    notebook.write_bytes(notebook.read_bytes()[:1000])
    listed = invoke(root, "list")
    assert listed.exit_code == 0 and "scale" in listed.stdout and "not valid JSON" in listed.stderr
    assert invoke(root, "run", "98", "--no-progress").exit_code == 0
    assert json.loads(notebook.read_text())["cells"] and _snapshot(root / "results") == good
    # …also with no cache at all: from the version committed in git
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "notebooks"], check=True)
    subprocess.run([*git, "commit", "-qm", "notebooks"], check=True)
    shutil.rmtree(root / ".cache")
    notebook.write_bytes(notebook.read_bytes()[:1000])
    result = invoke(root, "run", "98", "--no-progress")
    assert result.exit_code == 0 and "git HEAD" in result.stderr, result.output
    assert json.loads(notebook.read_text())["cells"]


# --------------------------------------------------------------------------------------------------
# Item 6: refused before any kernel starts; a data error keeps its file id and both hashes


def test_duplicate_or_empty_countries_are_refused_before_any_kernel(project):
    for value, says in (("RUS,RUS,POL", "'RUS' given more than once"), ("[]", "must not be empty")):
        result = invoke(project, "run", "98", "--name", "x", "-p", f"countries={value}")
        assert result.exit_code == 2 and len(_errors(result)) == 1 and says in result.output, result.output
        assert "unknown" not in result.output and result.seconds < 2
    assert not (project / "runs").exists()


def _data_notebook(file_id: str) -> nbformat.NotebookNode:
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook(cells=[md("# Reads a raw file"),
                                         code(f"from transition.data import sources\npath = sources.fetch({file_id!r})")])
    nb.metadata = fixture_notebook("96_data").metadata
    return nb


@pytest.mark.notebook
def test_a_data_error_inside_a_notebook_keeps_the_file_id_and_both_hashes(project, tmp_path, monkeypatch):
    entry = min(sources.load_registry().values(), key=lambda e: e.bytes)
    mirror = tmp_path / "mirror"
    (mirror / entry.id).parent.mkdir(parents=True)
    (mirror / entry.id).write_bytes(b"not the registered bytes")
    monkeypatch.setenv("TRANSITION_DATA_MIRROR", str(mirror))
    nbformat.write(_data_notebook(entry.id), project / "notebooks" / "96_data.ipynb")
    result = invoke(project, "run", "96", "--name", "x", "--no-progress")
    assert result.exit_code == 3, result.output
    [line] = _errors(result)
    found = hashlib.sha256(b"not the registered bytes").hexdigest()
    assert entry.id in line and entry.sha256 in line and found in line, line


# --------------------------------------------------------------------------------------------------
# Item 7: all or nothing when the disk fails; one-line errors for absurd values, names and ids


def _fail_midway(monkeypatch, calls: int = 2) -> None:
    """The disk is full from the ``calls``-th new file on (as results/ on a nearly full file system)."""
    original, count = replace._stage, {"n": 0}

    def stage(item, temporary):
        count["n"] += 1
        if count["n"] >= calls:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return original(item, temporary)

    monkeypatch.setattr(replace, "_stage", stage)


@pytest.mark.notebook
def test_a_full_disk_replaces_nothing_and_says_so_in_one_line(project, monkeypatch):
    assert invoke(project, "run", "98", "--name", "x", "--no-progress").exit_code == 0
    run_dir = project / "runs" / "x"
    before = {k: v for k, v in _snapshot(run_dir).items() if k != "run.json"}
    _fail_midway(monkeypatch)
    result = invoke(project, "run", "98", "--name", "x", "-p", "scale=2", "--no-progress")
    assert result.exit_code == 3, result.output
    [line] = _errors(result)
    assert "No space left on device" in line and str(run_dir) in line and "internal error" not in line
    assert {k: v for k, v in _snapshot(run_dir).items() if k != "run.json"} == before
    assert not _leftovers(project / "runs") and not (project / "runs" / ".staging").exists()


def test_a_failure_while_renaming_puts_every_old_file_back(tmp_path, monkeypatch):
    """The rename phase of replace_together fails after one file: the first is rolled back."""
    dest = tmp_path / "results"
    (dest / "figures").mkdir(parents=True)
    old = {"a.json": "old a", "b.csv": "old b", "figures/c.png": "old c"}
    for name, text in old.items():
        (dest / name).write_text(text)
    new = tmp_path / "new"
    new.mkdir()
    items = []
    for name in old:
        (new / name.replace("/", "_")).write_text(f"new {name}")
        items.append(replace.Incoming(dest / name, source=new / name.replace("/", "_"), move=True))
    real, calls = os.replace, []

    def flaky(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error", str(source))
        return real(source, target)

    monkeypatch.setattr(replace.os, "replace", flaky)
    with pytest.raises(OSError):
        replace.replace_together(items)
    assert {name: (dest / name).read_text() for name in old} == old
    assert not _leftovers(dest)


def test_absurd_values_and_names_are_one_line_usage_errors(project):
    for args in (["-p", "start_year=" + "1" * 100_000], ["-p", "countries=" + "[" * 100_000],
                 ["-p", "countries=" + "[" * 500 + "]" * 500], ["--name", "a" * 300]):
        result = invoke(project, "run", "98", *(["--name", "x"] if args[0] == "-p" else []), *args)
        assert result.exit_code == 2 and len(_errors(result)) == 1, (args[1][:30], result.output[:300])
        assert len(_errors(result)[0]) < 200 and result.seconds < 2
    assert not (project / "runs").exists()


def test_registry_ids_that_lead_outside_the_cache_are_refused_when_read(tmp_path):
    good = sources.REGISTRY_PATH.read_text(encoding="utf-8")
    for bad in ("../../../tmp/evil.csv", "/tmp/evil.csv", "pwt_10_01/../../evil.csv"):
        path = tmp_path / "sources.toml"
        first = next(line for line in good.splitlines() if line.startswith("id = "))
        path.write_text(good.replace(first, f"id = {json.dumps(bad)}", 1), encoding="utf-8")
        with pytest.raises(sources.RegistryError) as refused:
            sources.load_registry(path)
        assert bad in str(refused.value) and "\n" not in str(refused.value)


def _held(path: Path) -> bool:
    """Whether another process holds the lock file ``path``."""
    if not path.exists():
        return False
    with open(path) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


@pytest.mark.notebook
def test_a_second_run_with_the_same_name_is_refused_at_once(tmp_path):
    """`transition run --name same` from two shells at once: the second is refused in one line, in
    seconds, and the first runs through."""
    write_fixtures(tmp_path / "notebooks", stems=("98_fixture",), sleep=1.0)
    env = {**os.environ, **_env(tmp_path)}
    first = subprocess.Popen([sys.executable, "-m", "transition", "run", "98", "--name", "same", "--no-progress"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while not _held(locks.lock_path(tmp_path / "runs" / "same")) and time.time() < deadline:
            time.sleep(0.05)
        second = subprocess.run([sys.executable, "-m", "transition", "run", "98", "--name", "same"], env=env,
                                capture_output=True, text=True, timeout=30)
        assert second.returncode == 2 and "another run is writing into it" in second.stderr, second.stderr
        assert len(second.stderr.splitlines()) == 1 and first.poll() is None
    finally:
        out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
