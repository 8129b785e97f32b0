"""The multiverse engine on a toy claim: local and Dask agree, a killed run resumes, specs are checked;
the joint tests the command stores are the notebook's."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from transition.chapters import robustness
from transition.claims import evaluate, spaces
from transition.claims.space import Dimension, Space, Spec, SpecOutsideSpace
from transition.data.vocabulary import ESSAY_YEAR
from transition.paths import RESULTS_DIR
from transition.run import multiverse
from transition.run.cli import main

TOY = "multiverse_toy"


def test_every_specification_is_evaluated_once_and_stored(tmp_path):
    report = multiverse.run(["TOY"], jobs=2, store=tmp_path, registry=TOY, batch_size=5, progress=False)
    assert report.evaluated == {"TOY": 24} and report.reused == {"TOY": 0}
    table = multiverse.read_store(tmp_path, "TOY")
    assert len(table) == 24 and table["key"].is_unique
    default = table[(table["threshold"] == 2.0) & (table["scale"] == 1) & (table["source"] == "a")]
    assert default["verdict"].tolist() == ["supported"] and default["n_share_above"].tolist() == [0.5]


def test_a_resumed_run_never_recomputes_a_finished_specification(tmp_path):
    first = multiverse.run(["TOY"], jobs=1, store=tmp_path, registry=TOY, batch_size=4, limit=10, progress=False)
    assert first.evaluated == {"TOY": 10}
    (multiverse.store_path(tmp_path, "TOY") / ".partial.parquet.tmp").write_bytes(b"half a file")  # what a kill leaves
    second = multiverse.run(["TOY"], jobs=2, store=tmp_path, registry=TOY, batch_size=4, progress=False)
    assert second.reused == {"TOY": 10} and second.evaluated == {"TOY": 14}
    assert len(multiverse.read_store(tmp_path, "TOY")) == 24


@pytest.mark.slow
def test_local_and_dask_engines_give_identical_results(tmp_path):
    multiverse.run(["TOY"], engine="local", jobs=2, store=tmp_path / "local", registry=TOY, progress=False)
    multiverse.run(["TOY"], engine="dask", jobs=2, store=tmp_path / "dask", registry=TOY, progress=False)
    local = multiverse.read_store(tmp_path / "local", "TOY")
    dask = multiverse.read_store(tmp_path / "dask", "TOY")
    assert local.equals(dask)


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


def test_a_killed_run_resumes_without_recomputing(tmp_path, monkeypatch):
    """A real `multiverse.run` in a subprocess is killed mid-run; the resumed run evaluates only the rest."""
    log = tmp_path / "evaluations.log"
    monkeypatch.setenv("MULTIVERSE_TOY_LOG", str(log))
    code = ("from pathlib import Path; from transition.run import multiverse; "
            f"multiverse.run(['TOY'], jobs=1, store=Path({str(tmp_path / 'store')!r}), registry={SLOW_TOY!r}, "
            "batch_size=2, progress=False)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, "-c", code], env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(multiverse.finished_keys(tmp_path / "store", "TOY")) < 6 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)  # the run and its worker, mid-run
    child.wait()
    finished = multiverse.finished_keys(tmp_path / "store", "TOY")
    assert 6 <= len(finished) < 24, "the kill came too late to test a resume"
    before = log.read_text().split()
    resumed = multiverse.run(["TOY"], jobs=1, store=tmp_path / "store", registry=SLOW_TOY, batch_size=2, progress=False)
    again = log.read_text().split()[len(before):]
    assert resumed.reused == {"TOY": len(finished)} and resumed.evaluated == {"TOY": 24 - len(finished)}
    assert len(again) == 24 - len(finished) and not set(again) & finished  # nothing finished is recomputed
    assert len(multiverse.read_store(tmp_path / "store", "TOY")) == 24


@pytest.mark.slow
def test_local_and_dask_engines_agree_on_a_real_claim(tmp_path, real_panel):
    """C2's first four specifications in two batches (a small space of a real claim), sorted by specification hash."""
    multiverse.run(["C2"], engine="local", jobs=1, limit=4, batch_size=2, store=tmp_path / "local", progress=False)
    multiverse.run(["C2"], engine="dask", jobs=1, limit=4, batch_size=2, store=tmp_path / "dask", progress=False)
    local = multiverse.read_store(tmp_path / "local", "C2")
    dask = multiverse.read_store(tmp_path / "dask", "C2")
    assert len(local) == 4 and local["key"].is_monotonic_increasing
    pd.testing.assert_frame_equal(local, dask)


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
    rows = multiverse.evaluate_batch(SLOW_TOY, "BAD", [spec.choices for spec in SPACE_OF_TOY.specs()])
    errors = [row for row in rows if row["verdict"] == multiverse.ERROR]
    assert len(rows) == 24 and len(errors) == 6 and "ZeroDivisionError" in errors[0]["numbers"]  # threshold 4.0


# ---- the joint tests, computed once by the command line and read by notebook 09 ------------------------------
@pytest.mark.slow
def test_the_commands_joint_test_is_the_notebooks(tmp_path, monkeypatch, real_panel):
    """`transition multiverse` on a tiny setting (C2's two default specifications, one drawn, 2 permutations)
    stores the joint test that chapters.robustness.joint_tests (what notebook 09 calls to recompute) gives on
    the same table."""
    monkeypatch.setattr(multiverse, "STORE_DIR", tmp_path / "store")
    monkeypatch.setattr(multiverse, "RESULTS_DIR", tmp_path)
    args = ["multiverse", "C2", "--limit", "2", "-j", "1", "--no-progress", "--permutations", "2",
            "--joint-specifications", "1", "--seed", "5"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0 and "joint tests (2 permutations)" in result.output
    stored = pd.read_csv(tmp_path / robustness.JOINT_TESTS_FILE)
    _summary, tables = robustness.load_results(str(tmp_path), ["C2"])
    expected = robustness.joint_tests(tables, real_panel, n_permutations=2, n_specifications=1, seed=5).round(6)
    pd.testing.assert_frame_equal(stored, expected, check_dtype=False)
    assert stored[["n_in_multiverse", "n_specifications", "n_permutations"]].values.tolist() == [[2, 1, 2]]
    pd.testing.assert_frame_equal(robustness.load_joint_tests(str(tmp_path), tables), stored)


def test_stored_joint_tests_keep_the_other_claims_rows(tmp_path, monkeypatch):
    def fake(claim, folder, n_permutations, n_specifications, seed):
        return pd.DataFrame([{**dict.fromkeys(robustness.JOINT_TEST_COLUMNS, 0.5), "claim": claim,
                              "n_permutations": n_permutations}])
    monkeypatch.setattr(multiverse, "_joint_test", fake)
    multiverse.write_joint_tests(["C1", "C2", "C3"], tmp_path, n_permutations=7)
    multiverse.write_joint_tests(["C3"], tmp_path, n_permutations=9)
    assert multiverse.write_joint_tests(["C1"], tmp_path).empty  # no estimate-based claim: nothing written
    stored = pd.read_csv(tmp_path / robustness.JOINT_TESTS_FILE)
    assert stored["claim"].tolist() == ["C2", "C3"] and stored["n_permutations"].tolist() == [7, 9]
    assert stored.columns.tolist() == robustness.JOINT_TEST_COLUMNS
