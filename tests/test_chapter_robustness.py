"""Chapter 09 (robustness): reading the multiverse results, the figures, the decomposition, the texts,
the permutation of the null and the ledger's robustness column."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from test_notebook_09 import constructed_multiverse

from transition.chapters import robustness
from transition.claims import ledger
from transition.run import multiverse


@pytest.fixture()
def results(tmp_path):
    folder = constructed_multiverse(tmp_path)
    return robustness.load_results(str(folder), ["C1", "C2", "C3"])


def test_load_results_keeps_the_claims_with_a_table(results):
    summary, tables = results
    assert sorted(tables) == ["C2", "C3"] and set(summary["claim"]) == {"C2", "C3"}
    assert tables["C2"]["default"].sum() == 2 and tables["C2"]["as_of"].tolist()[:2] == ["latest", "2002"]


def test_verdict_shares_are_percent_per_claim_and_as_of(results):
    summary, _tables = results
    shares = robustness.verdict_shares(summary, "ru").set_index(["claim", "as_of"])
    assert shares.loc[("C2", "последние данные"), "mixed"] == 100.0
    assert shares.loc[("C2", "2002"), "supported"] == 100.0
    assert shares.loc[("C2", "2002"), "default_verdict"] == "подтверждается"


def test_figures_have_titles_axes_and_one_choice_line_per_value(results):
    summary, tables = results
    fig = robustness.plot_verdict_shares(summary, "en")
    assert fig.axes[0].get_xlabel() == "Share of specifications, %"
    curve = robustness.plot_curve(tables["C2"], "C2", "en")
    top, bottom = curve.axes
    assert "48 specifications" in top.get_title() and top.get_ylabel() == "Spearman rho"
    assert len(bottom.get_yticks()) == sum(len(v) for v in robustness.dimensions("C2").values())
    assert "GDP source: World Bank WDI" in [t.get_text() for t in bottom.get_yticklabels()]  # the explorer's words
    ru = robustness.plot_curve(tables["C3"], "C3", "ru")
    assert "Источник ВВП: WDI Всемирного банка" in [t.get_text() for t in ru.axes[1].get_yticklabels()]
    plt.close("all")


def test_decomposition_finds_the_choice_that_moves_the_estimate(results):
    _summary, tables = results
    parts = robustness.decomposition(tables).set_index(["claim", "dimension"])
    assert parts.loc[("C2", "as_of"), "r2_one_way"] > 0.9 and parts.loc[("C2", "as_of"), "share_changed"] == 1.0
    assert parts.loc[("C2", "gdp_source"), "shapley_share"] == 0.0  # one value only in the first 48
    assert parts.loc[("C2", "output"), "share_changed"] == 0.0


def test_headlines_and_findings(results):
    summary, tables = results
    parts = robustness.decomposition(tables)
    tests = robustness.no_tests()
    keys = {row["key"]: row["value"] for row in robustness.headline_rows(summary, tests, parts)}
    assert keys["C2_latest_n_specifications"] == 24 and keys["C2_latest_share_default_verdict"] == 1.0
    text = robustness.findings_text(summary, tests, parts, 2002, "en")
    assert "**C2** (48 specifications)" in text and "*Data observed to*" in text and "No joint test" in text
    assert "спецификаций" in robustness.findings_text(summary, tests, parts, 2002, "ru")


def test_spec_choices_restore_the_declared_types(results):
    _summary, tables = results
    choices = robustness.spec_choices(tables["C3"].head(3), "C3")
    assert choices[0]["as_of"] == "latest" and choices[1]["as_of"] == 2002
    assert choices[0]["eastern_europe"] == "ce_see" and choices[0]["rich_rents_threshold"] == 10.0


def test_null_permutation_moves_only_the_claims_variables():
    tidy = pd.DataFrame({"iso3": ["RUS", "POL", "RUS", "POL"], "year": 2000,
                         "variable": ["ebrd_trade_forex", "ebrd_trade_forex", "wdi_gdp_constant_usd", "wdi_gdp_constant_usd"],
                         "value": [1.0, 4.0, 10.0, 20.0]})
    moved = robustness.null_permutation("C2")(tidy, np.random.default_rng(3))
    assert moved[moved["variable"].str.startswith("wdi")].equals(tidy[tidy["variable"].str.startswith("wdi")])
    assert sorted(moved.loc[moved["variable"] == "ebrd_trade_forex", "value"]) == [1.0, 4.0]


def test_ledger_robustness_text_reads_the_summary(results):
    summary, _tables = results
    assert ledger.robustness_text(summary, "C2", "latest") == "mixed in 100% of 24 specifications"
    assert ledger.robustness_text(summary, "C2", "2002", "ru") == "подтверждается в 100% из 24 спецификаций"
    assert ledger.robustness_text(None, "C2", "latest") == "" and ledger.robustness_text(summary, "C9", "latest") == ""


def test_the_error_verdict_is_the_engines():
    assert robustness.ERROR == multiverse.ERROR


def _stored_tests(folder, tables, **changes):
    rows = [{**dict.fromkeys(robustness.JOINT_TEST_COLUMNS, 0.25), "claim": claim, "as_of": when, "null": "shuffled",
             "n_in_multiverse": int(((tables[claim]["verdict"] != robustness.ERROR)
                                     & (tables[claim]["as_of"].astype(str) == when)).sum()), **changes}
            for claim in ("C3", "C2") for when in ("2002", "latest")]
    pd.DataFrame(rows).to_csv(folder / robustness.JOINT_TESTS_FILE, index=False)


def test_the_stored_joint_tests_are_read_for_the_presented_claims(results, tmp_path):
    _summary, tables = results
    _stored_tests(tmp_path, tables)
    tests = robustness.load_joint_tests(str(tmp_path), tables)
    assert tests["claim"].tolist() == ["C2", "C2", "C3", "C3"] and tests["as_of"].tolist() == ["latest", "2002"] * 2
    assert tests.columns.tolist() == robustness.JOINT_TEST_COLUMNS
    assert robustness.load_joint_tests(str(tmp_path), {"C3": tables["C3"]})["claim"].tolist() == ["C3", "C3"]
    assert robustness.load_joint_tests(str(tmp_path), {}).empty


def test_missing_or_stale_joint_tests_say_which_command_makes_them(results, tmp_path):
    _summary, tables = results
    (tmp_path / robustness.JOINT_TESTS_FILE).unlink(missing_ok=True)
    with pytest.raises(robustness.MissingJointTests, match="not found: run `transition multiverse`") as error:
        robustness.load_joint_tests(str(tmp_path), tables)
    assert len(error.value._render_traceback_()) == 1  # a notebook shows one line, no traceback
    _stored_tests(tmp_path, tables, n_in_multiverse=7)
    with pytest.raises(robustness.MissingJointTests, match="a test on 7 specifications for C2 as of latest .24 in its"):
        robustness.load_joint_tests(str(tmp_path), tables)
    pd.DataFrame([{"claim": "C2", "n_in_multiverse": 24}]).to_csv(tmp_path / robustness.JOINT_TESTS_FILE, index=False)
    with pytest.raises(robustness.MissingJointTests, match="older format"):
        robustness.load_joint_tests(str(tmp_path), tables)


def test_findings_name_every_joint_test_with_its_permutations(results):
    summary, tables = results
    parts = robustness.decomposition(tables)
    tests = pd.DataFrame([{**dict.fromkeys(robustness.JOINT_TEST_COLUMNS, 0.5), "claim": "C2", "as_of": when,
                           "null": "the governance measures permuted across countries", "n_specifications": 768,
                           "n_permutations": 1000, "p_median": 0.001} for when in ("latest", "2002")])
    text = robustness.findings_text(summary, tests, parts, 2002, "en")
    assert "**C2**, with the latest data: joint test on every one of its 768 specifications" in text
    assert "as of the essay (2002)" in text and "1,000 permutations" in text and "p = 0.001" in text
    keys = {row["key"] for row in robustness.headline_rows(summary, tests, parts)}
    assert {"C2_latest_p_median", "C2_2002_p_share_significant", "C2_2002_joint_permutations"} <= keys
    assert "на момент эссе (2002)" in robustness.findings_text(summary, tests, parts, 2002, "ru")


def test_claims_come_in_their_numeric_order():
    """C1, C2, …, C10 in the curves, the verdict-share table and figure, and the findings (a text sort puts C10 second)."""
    import pandas as pd

    table = pd.DataFrame({"n_estimate": [0.1, 0.2]})
    assert robustness.curve_claims({"C10": table, "C2": table, "C1": table}) == ["C1", "C2", "C10"]
    summary = pd.DataFrame({"claim": ["C10", "C2", "C1"], "as_of": ["latest"] * 3, "n_total": [1, 1, 1],
                            "default_verdict": ["supported"] * 3, "verdict": ["supported"] * 3, "share": [1.0] * 3,
                            "n_specifications": [1, 1, 1]})
    assert robustness.verdict_shares(summary)["claim"].tolist() == ["C1", "C2", "C10"]
    fig = robustness.plot_verdict_shares(summary)
    assert [t.get_text().split(",")[0] for t in fig.axes[0].get_yticklabels()] == ["C1", "C2", "C10"]


def test_the_dashed_lines_are_the_listed_thresholds_and_every_judged_claim_has_one(results):
    """The table under section 3 lists exactly the lines each curve draws; every claim but C6 (whose rule
    judges each share on its own) has a line; the Russian table says what each means in Russian."""
    _summary, tables = results
    table = robustness.threshold_table("en")
    for claim in ("C2", "C3"):
        fig = robustness.plot_curve(tables[claim], claim, "en")
        drawn = sorted(line.get_ydata()[0] for line in fig.axes[0].get_lines() if line.get_linestyle() == "--")
        assert drawn == sorted(table.loc[table["claim"] == claim, "threshold"])
    assert set(table["claim"]) == {f"C{n}" for n in range(1, 11)} - {"C6"}
    ru = robustness.threshold_table("ru")
    assert all(any("а" <= ch <= "я" for ch in text) for text in ru["meaning"])
