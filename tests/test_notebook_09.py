"""Notebook 09 (robustness): a Russian run on a small constructed multiverse folder (shared, through the
execution cache), and bad parameters refused."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from notebook_runner import declare, executed_text, run_folder, shared_run
from spec_checks import assert_refused

from transition.chapters.specs import ROBUSTNESS as SPEC
from transition.claims import nulls
from transition.claims.spaces import SPACES
from transition.run import multiverse

STEM = "09_robustness"
GOOD = {"multiverse_dir": None, "claims": ["C1", "C2", "C3"], "n_permutations": 200, "seed": 13, "lang": "en",
        "output_dir": None}


def constructed_multiverse(folder, claims=("C2", "C3"), n: int = 48):
    """The first ``n`` specifications of each claim with made-up estimates and verdicts, written as
    ``transition multiverse`` writes them; returns the folder."""
    tables = {}
    rng = np.random.default_rng(0)
    for claim in claims:
        space = SPACES[claim]
        rows = []
        for spec in list(space.specs())[:n]:
            choices = spec.as_dict()
            estimate = (0.3 if choices["as_of"] == "latest" else -0.2) + 0.05 * rng.normal()
            verdict = "mixed" if estimate > 0 else "supported"
            rows.append({"claim": claim, "key": spec.key, **choices, "verdict": verdict,
                         "n_estimate": estimate, "n_p_value": 0.03})
        table = pd.DataFrame(rows)
        defaults = {d.name: d.default for d in space.dimensions if d.name != "as_of"}
        table.insert(2 + len(space.dimensions), "default", multiverse._matches(table, defaults))
        tables[claim] = table
        table.to_csv(folder / f"multiverse_{claim}.csv", index=False)
    multiverse.summary(tables).to_csv(folder / "multiverse_summary.csv", index=False)
    return folder


def stored_joint_tests(folder) -> None:
    """Joint tests as `transition multiverse` stores them for a constructed multiverse (one row per claim and
    as-of choice, on its evaluable specifications)."""
    rows = []
    for claim in ("C2", "C3"):
        table = pd.read_csv(folder / f"multiverse_{claim}.csv", dtype={"as_of": str})
        for when in ("latest", "2002"):
            n = int((table["as_of"] == when).sum())
            rows.append({"claim": claim, "as_of": when, "null": nulls.NULLS[claim].what, "claimed_sign": nulls.NULLS[claim].sign,
                         "n_in_multiverse": n, "n_specifications": n, "n_permutations": 1000, "seed": 13,
                         "observed_median": 0.3, "observed_share_significant": 0.0, "null_median_median": 0.0,
                         "p_median": 0.012, "p_share_significant": 1.0})
    pd.DataFrame(rows, columns=nulls.TEST_COLUMNS).to_csv(folder / nulls.TESTS_FILE, index=False)


#: The constructed multiverse with its stored joint tests, in a folder of its own beside the run (the same bytes
#: every time, so the execution cache can reuse the run).
MULTIVERSE = run_folder("09_robustness-multiverse")


def _write_multiverse() -> None:
    MULTIVERSE.mkdir(parents=True, exist_ok=True)
    stored_joint_tests(constructed_multiverse(MULTIVERSE))


RUN = declare("09_robustness-other", STEM, prepare=_write_multiverse, multiverse_dir=str(MULTIVERSE),
              claims=["C2", "C3"], lang="ru")  # the stored joint tests are read (n_permutations = 0)


@pytest.mark.notebook
def test_notebook_runs_in_russian_on_a_constructed_multiverse(real_panel):
    out = shared_run(RUN)
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []
    executed = executed_text(RUN)
    assert "спецификаций" in executed and "Кривая при нулевой гипотезе" in executed
    assert "1 000 перестановок" in executed or "1,000 перестановок" in executed

    shares = pd.read_csv(out / "09_verdict_shares.csv")
    assert set(shares["claim"]) == {"C2", "C3"} and len(shares) == 4
    tests = pd.read_csv(out / "09_joint_tests.csv")
    assert tests["claim"].tolist() == ["C2", "C2", "C3", "C3"] and (tests["n_permutations"] == 1000).all()
    assert tests["n_specifications"].tolist() == [24, 24, 24, 24]
    parts = pd.read_csv(out / "09_variance_decomposition.csv")
    assert {"r2_one_way", "shapley_share", "share_changed"} <= set(parts.columns)
    as_of = parts[(parts["claim"] == "C2") & (parts["dimension"] == "as_of")]
    assert as_of["r2_one_way"].iloc[0] > 0.9  # the constructed estimates differ by as-of year only
    headlines = json.loads((out / f"{STEM}.json").read_text(encoding="utf-8"))
    assert headlines["C2_latest_n_specifications"]["value"] == 24 and headlines["C3_2002_p_median"]["value"] == 0.012
    figures = sorted(p.name for p in (out / "figures").glob("*.png"))
    assert figures == ["09_curve_C2.png", "09_curve_C3.png", "09_verdict_shares.png"]


def test_default_parameters_are_valid():
    SPEC.check(**GOOD)


@pytest.mark.parametrize("changes, fragments", [
    ({"claims": ["C11"]}, ["unknown 'C11'"]),
    ({"claims": []}, ["must not be empty"]),
    ({"n_permutations": -1}, ["n_permutations = -1"]),
    ({"n_permutations": 100001}, ["n_permutations = 100001"]),
    ({"seed": "13"}, ["seed = '13'", "integer"]),
    ({"multiverse_dir": 3}, ["multiverse_dir = 3", "text or None"]),
    ({"lang": "de"}, ["lang = 'de'", "one of 'en', 'ru'"]),
])
def test_bad_parameters_fail_with_clear_messages(changes, fragments):
    assert_refused(SPEC, {**GOOD, **changes}, fragments)


def test_bad_parameters_are_refused_together():
    """The notebook's validation cell (test_record.py: the first cell after the parameters) refuses them."""
    with pytest.raises(ValueError) as error:
        SPEC.check(claims=["C11"], lang="de", output_dir=None)
    assert "unknown 'C11'" in str(error.value) and "lang = 'de'" in str(error.value)
