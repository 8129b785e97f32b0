"""The execution cache: keys from content, reuse without execution, --explain, --force.

Tests without the ``notebook`` marker build the cache by hand (no kernel); the others execute the
tiny fixture notebooks of :mod:`runner_fixtures` in a temporary project.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from runner_fixtures import consumer_notebook, write_fixtures

from transition.run import cache, discovery, execute, jobs
from transition.run.cli import main
from transition.run.discovery import Layout


@pytest.fixture
def project(tmp_path) -> Layout:
    write_fixtures(tmp_path / "notebooks", stems=("97_alpha", "98_fixture"))
    return Layout(notebooks=tmp_path / "notebooks", results=tmp_path / "results", runs=tmp_path / "runs")


def _job(project: Layout, overrides=None, name="alt", stem="98_fixture", **options) -> jobs.Job:
    nb = discovery.discover(project)[stem]
    return jobs.plan([nb], {stem: overrides or {}}, name, project, **options)[0]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_key_follows_code_and_parameters_not_markdown_or_outputs(project):
    base = _job(project).cache_parts
    assert set(base) == {"code", "parameters", "destination", "data", "package", "constraints", "commit"}
    assert _job(project, {"scale": 2.0}).cache_parts["parameters"] != base["parameters"]
    assert _job(project, {"scale": 1.0}).cache_parts == base  # the default, given explicitly: same typed value
    assert _job(project, name="other").cache_parts["destination"] != base["destination"]
    path = project.notebooks / "98_fixture.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source += "\n\nMore prose."
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="noise")]
    nbformat.write(nb, path)
    assert _job(project).cache_parts == base
    nb.cells[1].source += "\nx = 1"
    nbformat.write(nb, path)
    assert _job(project).cache_parts["code"] != base["code"]
    assert _job(project, use_cache=False).cache_parts is None


def _stage(tmp_path: Path, text: str) -> tuple[Path, Path]:
    out = tmp_path / "staged" / "out"
    (out / "figures").mkdir(parents=True)
    (out / "98_fixture.json").write_text(text)
    (out / "figures" / "f.png").write_bytes(b"\x89PNG fake")
    notebook = tmp_path / "staged" / "98_fixture.ipynb"
    notebook.write_text('{"cells": []}')
    return notebook, out


def test_a_stored_execution_is_restored_and_identical_files_are_left_untouched(project, tmp_path):
    job = _job(project)
    assert cache.lookup(job) is None
    assert cache.explain(job)[0] == "run"
    notebook, out = _stage(tmp_path, '{"total": 3}')
    cache.store(job, cache.full_parts(job), notebook, out, 1.0)
    entry = cache.lookup(job)
    assert entry is not None and entry.parent == project.runs.parent / ".cache" / "runs"
    assert cache.explain(job)[0] == "reuse"
    restored = cache.restore(job, entry)
    run_dir = project.runs / "alt"
    assert sorted(Path(p).relative_to(run_dir).as_posix() for p in restored) == ["98_fixture.json", "figures/f.png"]
    assert (run_dir / "98_fixture.ipynb").read_text() == '{"cells": []}'
    before = _snapshot(run_dir)
    cache.restore(job, entry)
    assert _snapshot(run_dir) == before  # same bytes: not rewritten (mtimes kept)
    (run_dir / "98_fixture.json").write_text("edited")
    cache.restore(job, entry)
    assert (run_dir / "98_fixture.json").read_text() == '{"total": 3}'


def test_explain_names_the_part_that_changed(project, tmp_path):
    job = _job(project)
    notebook, out = _stage(tmp_path, "{}")
    cache.store(job, cache.full_parts(job), notebook, out, 1.0)
    decision, why = cache.explain(_job(project, {"scale": 2.0}))
    assert decision == "run" and "parameters" in why and "code" not in why
    decision, why = cache.explain(_job(project, force=True))
    assert decision == "run" and "--force" in why


def test_an_incomplete_entry_is_not_reused(project, tmp_path):
    job = _job(project)
    notebook, out = _stage(tmp_path, "{}")
    cache.store(job, cache.full_parts(job), notebook, out, 1.0)
    entry = cache.lookup(job)
    (entry / "out" / "figures" / "f.png").unlink()
    assert cache.lookup(job) is None
    (entry / "entry.json").write_text("")
    assert cache.lookup(job) is None


def test_a_consumer_key_includes_the_results_it_reads(project, tmp_path):
    nbformat.write(consumer_notebook("00_ledger", reads="98_fixture"), project.notebooks / "00_ledger.ipynb")
    notebooks = discovery.discover(project)
    ledger = [j for j in jobs.plan(list(notebooks.values()), {}, "all", project) if j.stem == "00_ledger"][0]
    assert ledger.reads_results == (project.runs / "all").resolve()
    (project.runs / "all").mkdir(parents=True)
    first = cache.full_parts(ledger)["results"]
    (project.runs / "all" / "98_fixture.json").write_text('{"total": 1}')
    assert cache.full_parts(ledger)["results"] != first
    (project.runs / "all" / "00_ledger.json").write_text("its own output")
    second = cache.full_parts(ledger)["results"]
    (project.runs / "all" / "00_ledger.json").write_text("changed, but its own")
    assert cache.full_parts(ledger)["results"] == second
    # a file it writes under another name (the real ledger's claims.csv) is its own too: the first
    # execution (nothing known of its outputs yet) is stored under the key the next lookup computes
    (project.runs / "all" / "claims.csv").write_text("claim,verdict\n")
    before = cache.full_parts(ledger)
    assert before["results"] != second
    staged = tmp_path / "staged"
    (staged / "out").mkdir(parents=True)
    (staged / "out" / "claims.csv").write_text("claim,verdict, new\n")
    (staged / "nb.ipynb").write_text("{}")
    cache.store(ledger, before, staged / "nb.ipynb", staged / "out", 1.0)
    (project.runs / "all" / "claims.csv").write_text("claim,verdict, new\n")  # promoted
    assert cache.full_parts(ledger)["results"] == second
    assert cache.lookup(ledger) is not None


@pytest.mark.notebook
def test_a_second_run_reuses_everything_and_changes_nothing(project):
    nbformat.write(consumer_notebook("00_ledger", reads="98_fixture"), project.notebooks / "00_ledger.ipynb")
    selected = list(discovery.discover(project).values())
    first = execute.run(selected, {}, "alt", 2, project, progress=False)
    assert first.ok and not any(r.reused for r in first.results)
    before = _snapshot(project.runs / "alt")
    second = execute.run(selected, {}, "alt", 2, project, progress=False)
    assert second.ok and all(r.reused for r in second.results), [(r.stem, r.reused) for r in second.results]
    after = _snapshot(project.runs / "alt")
    assert {k: v for k, v in after.items() if k != "run.json"} == {k: v for k, v in before.items() if k != "run.json"}
    forced = execute.run(selected[-1:], {}, "alt", 1, project, progress=False, force=True)
    assert forced.ok and not forced.results[0].reused


@pytest.mark.notebook
def test_cli_explain_and_force(project, monkeypatch):
    monkeypatch.setenv("TRANSITION_NOTEBOOKS_DIR", str(project.notebooks))
    monkeypatch.setenv("TRANSITION_RESULTS_DIR", str(project.results))
    monkeypatch.setenv("TRANSITION_RUNS_DIR", str(project.runs))
    cli = CliRunner()
    result = cli.invoke(main, ["run", "98", "--name", "x", "--no-progress"])
    assert result.exit_code == 0, result.output
    explained = cli.invoke(main, ["run", "98", "--name", "x", "--explain"])
    assert explained.exit_code == 0 and "98_fixture" in explained.output and "reuse" in explained.output
    changed = cli.invoke(main, ["run", "98", "--name", "x", "-p", "scale=2", "--explain"])
    assert "run" in changed.output and "parameters" in changed.output
    again = cli.invoke(main, ["run", "98", "--name", "x", "--no-progress"])
    assert again.exit_code == 0 and "reused" in again.output
    forced = cli.invoke(main, ["run", "98", "--name", "x", "--no-progress", "--force"])
    assert forced.exit_code == 0 and "reused" not in forced.output
    record = json.loads((project.runs / "x" / "run.json").read_text())
    assert record


def test_the_key_includes_the_other_folders_a_notebook_reads(tmp_path):
    """A change in runs/as_of_2002/ (the ledger's essay column) or in the multiverse's tables (notebook 09)
    re-executes the notebook that reads them; other files there do not."""
    from types import SimpleNamespace

    essay = tmp_path / "as_of_2002"
    essay.mkdir()
    (essay / "06_trade_structure.json").write_text('{"a": {"value": 1}}')
    job = SimpleNamespace(cache_parts={"code": "c"}, reads_results=None, stem="00_claims_ledger",
                          reads_files={"essay_results_dir": (essay, "[0-9][0-9]_*.json")})
    first = cache.full_parts(job)["essay_results_dir"]
    (essay / "run.json").write_text("{}")
    assert cache.full_parts(job)["essay_results_dir"] == first
    (essay / "06_trade_structure.json").write_text('{"a": {"value": 2}}')
    assert cache.full_parts(job)["essay_results_dir"] != first
    notebooks = discovery.discover(Layout())
    assert jobs._reads_files(notebooks["00_claims_ledger"], {}, Path("."))["essay_results_dir"][0] == jobs.READ_PARAMETERS[
        "essay_results_dir"][0]
    assert "multiverse_dir" in jobs._reads_files(notebooks["09_robustness"], {}, Path("."))
    assert jobs._reads_files(notebooks["02_output_paths"], {}, Path(".")) == {}


def test_a_restore_keeps_the_prose_the_notebook_has_now(tmp_path):
    """The key leaves prose out, so a reused execution must not bring back the prose it was executed with."""
    executed = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Old prose."),
                                               nbformat.v4.new_code_cell("x = 1", outputs=[])])
    executed.cells[1].outputs = [nbformat.v4.new_output("stream", text="out")]
    current = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("New prose."),
                                              nbformat.v4.new_code_cell("x = 1")])
    stored, source = tmp_path / "stored.ipynb", tmp_path / "source.ipynb"
    nbformat.write(executed, stored)
    nbformat.write(current, source)
    merged = json.loads(cache.with_current_prose(stored, source))
    assert "".join(merged["cells"][0]["source"]) == "New prose." and "".join(merged["cells"][1]["outputs"][0]["text"]) == "out"
    nbformat.write(executed, source)
    assert cache.with_current_prose(stored, source) is None  # nothing to change: the stored copy as it is
    current.cells.append(nbformat.v4.new_markdown_cell("More."))
    nbformat.write(current, source)
    assert cache.with_current_prose(stored, source) is None  # cells that do not line up: left alone


def test_a_restore_of_a_run_with_parameters_keeps_the_prose_too(tmp_path):
    """A run with parameters (the Russian edition, the essay run) has papermill's injected cell, which the
    source lacks: the cells still line up, and the restored notebook has today's prose (the Russian edition
    once showed an old "In short" this way, and its book page was left half in English)."""
    parameters = nbformat.v4.new_code_cell('lang = "en"', metadata={"tags": ["parameters"]})
    injected = nbformat.v4.new_code_cell('lang = "ru"', metadata={"tags": ["injected-parameters"]})
    executed = nbformat.v4.new_notebook(cells=[parameters, injected, nbformat.v4.new_markdown_cell("Old prose.")])
    current = nbformat.v4.new_notebook(cells=[parameters, nbformat.v4.new_markdown_cell("New prose.")])
    stored, source = tmp_path / "stored.ipynb", tmp_path / "source.ipynb"
    nbformat.write(executed, stored)
    nbformat.write(current, source)
    merged = json.loads(cache.with_current_prose(stored, source))
    assert ["".join(c["source"]) for c in merged["cells"]] == ['lang = "en"', 'lang = "ru"', "New prose."]
