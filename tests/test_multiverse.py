"""The multiverse engine: on a toy claim (local and Dask agree, a killed run resumes, an unreadable batch is
recomputed, the store's version covers what a result depends on) and on the real claims (a partial run
leaves results/ alone, the command's joint test is the notebook's, the defaults reproduce the ledger)."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from transition import fingerprint
from transition.chapters import robustness
from transition.claims import evaluate, nulls, spaces
from transition.claims.space import Dimension, Space, Spec, SpecOutsideSpace
from transition.data import panel
from transition.data.vocabulary import ESSAY_YEAR
from transition.paths import RESULTS_DIR
from transition.run import cache, multiverse
from transition.run.cli import main

TOY = "multiverse_toy"
TESTS = Path(__file__).parent


def _toy(store, **options):
    return multiverse.run(["TOY"], store=store, registry=TOY, progress=False, nulls=None, **options)


def test_every_specification_is_evaluated_once_and_stored(tmp_path):
    report = _toy(tmp_path, jobs=2, batch_size=1)
    assert report.evaluated == {"TOY": 24} and report.reused == {"TOY": 0} and report.notes == []
    table = multiverse.read_store(tmp_path, "TOY")
    assert len(table) == 24 and table["key"].is_unique
    default = table[(table["threshold"] == 2.0) & (table["scale"] == 1) & (table["source"] == "a")]
    assert default["verdict"].tolist() == ["supported"] and default["n_share_above"].tolist() == [0.5]


def test_a_resumed_run_never_recomputes_a_finished_specification(tmp_path):
    first = _toy(tmp_path, jobs=1, batch_size=1, limit=10)
    assert first.evaluated == {"TOY": 10}
    (multiverse.store_path(tmp_path, "TOY") / ".partial.parquet.tmp").write_bytes(b"half a file")  # what a kill leaves
    second = _toy(tmp_path, jobs=2, batch_size=1)
    assert second.reused == {"TOY": 10} and second.evaluated == {"TOY": 14}
    assert len(multiverse.read_store(tmp_path, "TOY")) == 24


def test_a_truncated_batch_is_recomputed_with_a_note_naming_it(tmp_path):
    _toy(tmp_path, jobs=1, batch_size=1)  # four batches of six (one per threshold)
    batch = sorted(multiverse.store_path(tmp_path, "TOY").glob("*.parquet"))[1]
    os.truncate(batch, 100)
    again = _toy(tmp_path, jobs=1, batch_size=1)
    assert again.evaluated == {"TOY": 6} and again.reused == {"TOY": 18}
    assert len(again.notes) == 1 and batch.name in again.notes[0] and "evaluated again" in again.notes[0]
    assert len(multiverse.read_store(tmp_path, "TOY")) == 24 and not batch.exists()


def _digests_cleared():
    for digest in (cache.package_digest, cache.data_digest, cache.constraints_digest):
        digest.cache_clear()


def test_the_store_version_covers_data_tables_registry_pins_and_panel(tmp_path, monkeypatch):
    """Editing data/definition_breaks.csv (the issue's attack), the registry, the pins or the panel file
    gives another store version: a stored result is never served for other inputs."""
    data = tmp_path / "data"
    shutil.copytree(fingerprint.DATA_DIR, data, ignore=shutil.ignore_patterns("processed", "raw"))
    (tmp_path / "constraints.txt").write_bytes(fingerprint.CONSTRAINTS.read_bytes())
    (tmp_path / "panel.parquet").write_bytes(b"a panel")
    monkeypatch.setattr(fingerprint, "DATA_DIR", data)  # the hashes live in transition.fingerprint
    monkeypatch.setattr(fingerprint, "CONSTRAINTS", tmp_path / "constraints.txt")
    monkeypatch.setattr(panel, "PANEL_PATH", tmp_path / "panel.parquet")
    monkeypatch.setattr(multiverse, "_CODE_VERSION", {})
    versions = []
    edits = [("data/definition_breaks.csv", lambda text: text.replace("1994", "1989", 1)),
             ("data/sources.toml", lambda text: text + "\n# another hash\n"),
             ("constraints.txt", lambda text: text + "\nnumpy==0.0\n"),
             ("panel.parquet", lambda text: text + "changed")]
    for path, edit in [(None, None), *edits]:
        if path:
            target = tmp_path / path
            target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
        _digests_cleared()
        versions.append(multiverse.code_version())
    _digests_cleared()
    assert len(set(versions)) == len(versions)


@pytest.mark.slow
def test_local_and_dask_engines_give_identical_results(tmp_path):
    _toy(tmp_path / "local", engine="local", jobs=2)
    _toy(tmp_path / "dask", engine="dask", jobs=2)
    assert multiverse.read_store(tmp_path / "local", "TOY").equals(multiverse.read_store(tmp_path / "dask", "TOY"))


def test_batches_keep_the_specifications_sharing_their_outer_choices_together():
    todo = [spec.choices for spec in spaces.SPACES["C2"].specs()]
    batches = multiverse.batches_of(todo)
    assert sum(len(batch) for batch in batches) == len(todo) and len(batches) == 4
    assert all(len({dict(c)["gdp_source"] for c in batch}) == 1 for batch in batches)
    assert [len(b) for b in multiverse.batches_of(todo[:10], 4)] == [10] and multiverse.batches_of([]) == []


def test_a_specification_outside_its_space_is_refused_clearly():
    space = Space("CX", (Dimension("source", ("wdi", "pwt"), "wdi"),))
    with pytest.raises(SpecOutsideSpace, match="source = 'imf': not in the declared values"):
        space.spec(source="imf")
    with pytest.raises(SpecOutsideSpace, match="colour: not a choice of CX"):
        space.spec(colour="red")


def test_specification_hashes_are_stable_and_order_free():
    space = Space("CX", (Dimension("a", (1, 2), 1), Dimension("b", ("x", "y"), "x")))
    assert space.spec(a=2).key == space.spec(a=2, b="x").key != space.default().key
    assert len({spec.key for spec in space.specs()}) == space.size == 4


# ---- the tests on the real engine and claims ---------------------------------------------------
SLOW_TOY = "multiverse_slow_toy"
SPACE_OF_TOY = Space("BAD", (Dimension("threshold", (1.0, 2.0, 3.0, 4.0), 2.0), Dimension("scale", (1, 10, 100), 1),
                            Dimension("source", ("a", "b"), "a")))


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}


def test_a_killed_run_resumes_without_recomputing(tmp_path, monkeypatch):
    """A real `multiverse.run` in a subprocess is killed mid-run; the resumed run evaluates only the rest."""
    log = tmp_path / "evaluations.log"
    monkeypatch.setenv("MULTIVERSE_TOY_LOG", str(log))
    code = ("from pathlib import Path; from transition.run import multiverse; "
            f"multiverse.run(['TOY'], jobs=1, store=Path({str(tmp_path / 'store')!r}), registry={SLOW_TOY!r}, "
            "batch_size=1, progress=False, nulls=None)")
    child = subprocess.Popen([sys.executable, "-c", code], env=_env(), start_new_session=True)
    deadline = time.monotonic() + 60
    while len(multiverse.finished_keys(tmp_path / "store", "TOY")) < 6 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)  # the run and its worker, mid-run
    child.wait()
    finished = multiverse.finished_keys(tmp_path / "store", "TOY")
    assert 6 <= len(finished) < 24, "the kill came too late to test a resume"
    before = log.read_text().split()
    resumed = multiverse.run(["TOY"], jobs=1, store=tmp_path / "store", registry=SLOW_TOY, batch_size=1,
                             progress=False, nulls=None)
    again = log.read_text().split()[len(before):]
    assert resumed.reused == {"TOY": len(finished)} and resumed.evaluated == {"TOY": 24 - len(finished)}
    assert len(again) == 24 - len(finished) and not set(again) & finished  # nothing finished is recomputed
    assert len(multiverse.read_store(tmp_path / "store", "TOY")) == 24


def test_a_real_claims_specification_outside_its_space_is_refused():
    with pytest.raises(SpecOutsideSpace, match="gdp_source = 'imf': not in the declared values"):
        spaces.SPACES["C2"].spec(gdp_source="imf")
    foreign = Spec("C2", (("gdp_source", "imf"),))
    with pytest.raises(SpecOutsideSpace, match="specification outside the space of C2"):
        evaluate.evaluate("C2", foreign, pd.DataFrame())


@pytest.mark.slow
def test_the_default_specifications_reproduce_the_ledger(tmp_path, real_panel):
    """The engine's default rows (one per as-of year) give results/claims.csv's verdicts exactly."""
    ledger = pd.read_csv(RESULTS_DIR / "claims.csv").set_index("claim_id")
    multiverse.run(["C1", "C2", "C3"], jobs=1, limit=2, store=tmp_path, progress=False)  # the two defaults first
    for claim in ("C1", "C2", "C3"):
        table = multiverse.claim_table(tmp_path, claim)
        defaults = table[table["default"]].set_index(table.loc[table["default"], "as_of"].astype(str))
        assert defaults.loc["latest", "verdict"] == ledger.loc[claim, "verdict_latest"], claim
        assert defaults.loc[str(ESSAY_YEAR), "verdict"] == ledger.loc[claim, "verdict_asof_essay"], claim


def test_a_specification_failing_arithmetically_is_stored_as_an_error():
    rows, peak = multiverse.evaluate_batch(SLOW_TOY, "BAD", [spec.choices for spec in SPACE_OF_TOY.specs()], None)
    errors = [row for row in rows if row["verdict"] == multiverse.ERROR]
    assert len(rows) == 24 and len(errors) == 6 and "ZeroDivisionError" in errors[0]["numbers"]  # threshold 4.0
    assert peak > 0 and all(row["null"] is None for row in rows)


# ---- a partial run never overwrites the record; the joint tests the command stores are the notebook's ----------
def _digest_tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_a_limited_run_leaves_results_byte_identical_and_skips_the_joint_test(tmp_path, real_panel):
    """`transition multiverse C2 --limit 2` (the issue's quick look) writes runs/multiverse-C2-limit2/ only."""
    before = _digest_tree(RESULTS_DIR)
    args = ["--runs-dir", str(tmp_path), "multiverse", "C2", "--limit", "2", "-j", "1", "--no-progress"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert _digest_tree(RESULTS_DIR) == before
    written = tmp_path / "multiverse-C2-limit2"
    assert sorted(p.name for p in written.iterdir()) == ["multiverse_C2.csv", "multiverse_summary.csv"]
    assert "joint tests" not in result.output and "a partial run" in result.output
    assert len(pd.read_csv(written / "multiverse_C2.csv")) == 2


@pytest.mark.slow
def test_the_commands_joint_test_is_the_notebooks(tmp_path, real_panel):
    """A partial run with --permutations stores the joint test (every specification of the run, per as-of
    choice) that chapters.robustness.joint_tests (what notebook 09 calls to recompute) gives on its tables."""
    args = ["--runs-dir", str(tmp_path), "multiverse", "C3", "--limit", "4", "-j", "1", "--no-progress",
            "--permutations", "20", "--seed", "5", "--name", "tiny"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0 and "joint tests over every specification (20 permutations)" in result.output
    folder = tmp_path / "multiverse-tiny"
    stored = pd.read_csv(folder / nulls.TESTS_FILE, dtype={"as_of": str})
    _summary, tables = robustness.load_results(str(folder), ["C3"])
    expected = robustness.joint_tests(tables, real_panel, n_permutations=20, seed=5).round(6)
    pd.testing.assert_frame_equal(stored, expected, check_dtype=False)
    assert stored[["as_of", "n_in_multiverse", "n_specifications", "n_permutations"]].values.tolist() == \
        [["latest", 2, 2, 20], ["2002", 2, 2, 20]]
    pd.testing.assert_frame_equal(robustness.load_joint_tests(str(folder), tables), stored, check_dtype=False)


def test_stored_joint_tests_keep_the_other_claims_rows(tmp_path, monkeypatch):
    def fake_rows(claim, groups, n_permutations, seed):
        return [{**dict.fromkeys(nulls.TEST_COLUMNS, 0.5), "claim": claim, "as_of": "latest",
                 "n_permutations": n_permutations}]
    monkeypatch.setattr(nulls, "test_rows", fake_rows)
    monkeypatch.setattr(multiverse, "joint_test_groups", lambda *args, **kwargs: {})
    multiverse.write_joint_tests(["C1", "C2", "C3"], tmp_path, tmp_path, n_permutations=7)
    multiverse.write_joint_tests(["C3"], tmp_path, tmp_path, n_permutations=9)
    assert multiverse.write_joint_tests(["C4"], tmp_path, tmp_path).empty  # no claim with a null: nothing written
    stored = pd.read_csv(tmp_path / nulls.TESTS_FILE)
    assert stored["claim"].tolist() == ["C1", "C2", "C3"] and stored["n_permutations"].tolist() == [7, 7, 9]
    assert stored.columns.tolist() == nulls.TEST_COLUMNS
