"""Timing, order and summaries of notebook 01 (analysis.sequencing) on constructed panels with known answers.

The shared primitives (first year reaching, stabilization year, relation) are tested in test_timing.py;
the figures, headline rows and findings in test_chapter_reform_sequencing.py.
"""
from __future__ import annotations

import pandas as pd
import pytest
from timing_fixtures import I, L, P, S, sequencing_panel, tidy_frame

from transition.analysis.sequencing import (
    analyse,
    censored_median,
    compare_groups,
    follows_order,
    gap_at_dates,
    liberalization_institutions_gap,
    order_frequencies,
    order_string,
    order_summary,
    pairwise_precedence,
    reform_timing,
    sensitivity,
)


def test_gap_between_liberalization_and_institutions():
    rows = []
    for year, lib, inst in [(1991, 2.0, 1.0), (1992, 3.5, 1.5), (1993, 4.0, 2.0), (1994, 4.0, 3.0)]:
        rows += [("AAA", year, "reform_liberalization", lib), ("AAA", year, "reform_institutions", inst)]
    for year in (1992, 1993):  # BBB never builds institutions by the last year: gap censored
        rows += [("BBB", year, "reform_liberalization", 3.0), ("BBB", year, "reform_institutions", 1.0)]
    gap = liberalization_institutions_gap(tidy_frame(rows), threshold=3.0, last_year=1994).set_index("iso3")
    assert gap.loc["AAA", ["lib_year", "inst_year", "gap_years"]].tolist() == [1992, 1994, 2]
    assert gap.loc["AAA", "gap_points"] == 2.0 and not gap.loc["AAA", "gap_censored"]
    assert gap.loc["BBB", "gap_years"] == 2 and gap.loc["BBB", "gap_censored"]
    assert pd.isna(gap.loc["BBB", "inst_year"])


def test_gap_at_dates_keeps_a_country_that_never_liberalized():
    rows = []
    for year, lib, inst in [(1990, 1.0, 1.0), (1991, 2.0, 1.0), (1992, 2.5, 1.5), (1994, 2.0, 2.0), (1996, 2.33, 1.67)]:
        rows += [("BLR", year, "reform_liberalization", lib), ("BLR", year, "reform_institutions", inst)]
    rows += [("POL", 1992, "reform_liberalization", 3.0), ("POL", 1992, "reform_institutions", 2.0)]
    gap = gap_at_dates(tidy_frame(rows), years=(1992, 1994, 1996), window=(1990, 1995), iso3=["BLR", "POL"])
    blr = gap.set_index("iso3").loc["BLR"]
    assert list(gap.columns) == ["iso3", "gap_points_1992", "gap_points_1994", "gap_points_1996", "gap_points_1990_1995"]
    assert (blr["gap_points_1992"], blr["gap_points_1994"]) == (1.0, 0.0) and blr["gap_points_1996"] == pytest.approx(0.66)
    assert blr["gap_points_1990_1995"] == pytest.approx((0 + 1 + 1 + 0) / 4)  # 1990, 1991, 1992, 1994
    assert gap.set_index("iso3").loc["POL", "gap_points_1990_1995"] == 1.0 and pd.isna(gap.loc[1, "gap_points_1994"])
    assert liberalization_institutions_gap(tidy_frame(rows)).set_index("iso3").loc["BLR", "gap_years"] is pd.NA


# --- timing, order and summaries of notebook 01 (constructed panel with known answers) ----------


@pytest.fixture(scope="module")
def constructed():
    return sequencing_panel()


def _years(timing, code):
    rows = timing[timing["iso3"] == code].set_index("area")["year_reached"]
    return {area: (None if pd.isna(year) else int(year)) for area, year in rows.items()}


def test_reform_timing_known_years(constructed):
    timing = reform_timing(constructed, ["RUS", "POL", "ALB", "UKR"], last_year=1999)
    assert len(timing) == 16 and set(timing["group"]) == {"CIS", "CEE & Baltics", "SEE"}
    assert _years(timing, "RUS") == {L: 1992, S: 1995, I: None, P: 1993}
    assert _years(timing, "POL") == {L: 1990, S: 1992, I: 1992, P: 1994}
    stab = timing[timing["area"] == S].set_index("iso3")
    assert stab.loc["RUS", "relapsed"] and not stab.loc["POL", "relapsed"]
    assert stab.loc["RUS", "measure"].endswith("CPI; GDP deflator in 1990-1991")
    assert stab.loc["ALB", "status"] == "never_high" and pd.isna(stab.loc["ALB", "year_reached"])
    # inflation never falling below the threshold: not stabilized, no year
    assert stab.loc["UKR", "status"] == "not_stabilized" and pd.isna(stab.loc["UKR", "year_reached"])
    assert (timing.loc[timing["area"] != S, "threshold"] == 3.0).all() and (stab["threshold"] == 40.0).all()


def test_reform_timing_parameters_take_effect(constructed):
    durable = reform_timing(constructed, ["RUS"], last_year=1999, stabilization_rule="durable")
    assert _years(durable, "RUS")[S] == 1998
    dated = reform_timing(constructed, ["ALB"], last_year=1999, never_high="first_year")
    assert _years(dated, "ALB")[S] == 1990  # first year of data in the window (1985 is before it)
    early = reform_timing(constructed, ["POL"], last_year=1993)
    assert _years(early, "POL")[P] is None  # privatization in 1994 is after the last year
    strict = reform_timing(constructed, ["RUS"], ebrd_threshold=3.34, inflation_threshold=25.0, sustained_years=2)
    assert _years(strict, "RUS") == {L: 1992, S: 1998, I: None, P: None}  # 1995 (30%) is no longer low
    longer = reform_timing(constructed, ["RUS"], sustained_years=3)  # 1995-96 and 1998-99: two-year runs only
    assert longer.set_index("area").loc[S, "status"] == "not_stabilized" and _years(longer, "RUS")[S] is None
    with pytest.raises(ValueError, match="never_high must be"):
        reform_timing(constructed, ["RUS"], never_high="later")


def test_order_string_shows_ties_missing_and_left_out_areas():
    assert order_string({L: 1990, S: 1992, I: 1992, P: 1994}) == "L>S=I>P"
    assert order_string({L: 1992, S: 1992, I: 1992, P: 1992}) == "L=S=I=P"
    assert order_string({L: None, S: None, I: None, P: None}) == "(not reached: L, S, I, P)"
    assert order_string({L: 1992, S: None, I: 1995, P: 1995}, excluded=(S,)) == "L>I=P (S: never high)"


def test_follows_order_ties_and_partial_sequences():
    tie = {L: 1990, S: 1992, I: 1992, P: 1994}
    assert follows_order(tie, ties="weak") == (True, True)
    assert follows_order(tie, ties="strict") == (False, False)
    assert follows_order({L: 1992, S: 1995, I: None, P: None}) == (False, True)  # consistent so far
    assert follows_order({L: 1992, S: 1995, I: None, P: 1993}) == (False, False)  # P before I
    assert follows_order({L: 1992, S: None, I: 1995, P: 1996}, excluded=(S,)) == (True, True)
    assert follows_order({L: None, S: 1995, I: None, P: None}) == (False, False)  # S reached, L not
    with pytest.raises(ValueError, match="ties must be"):
        follows_order(tie, ties="maybe")


def test_reform_order_table(constructed):
    _, order = analyse(constructed, ["RUS", "POL", "ALB", "UKR"], last_year=1999)
    order = order.set_index("iso3")
    assert order.loc["RUS", "order"] == "L>P>S (not reached: I)"
    assert order.loc["POL", "order"] == "L>S=I>P" and order.loc["POL", "follows_essay_order"]
    assert order.loc["ALB", "order"] == "L>I=P (S: never high)" and order.loc["ALB", "follows_essay_order"]
    assert order.loc["ALB", "areas_left_out"] == "S"
    assert order.loc["UKR", "order"] == "L (not reached: S, I, P)"
    assert order.loc["UKR", "consistent_so_far"] and not order.loc["UKR", "follows_essay_order"]
    assert not order.loc["RUS", "consistent_so_far"]
    # gap: RUS liberalizes in 1992, institutions never by 1999 -> 7 years, censored; 3.34 - 2.0 points
    assert order.loc["RUS", "lib_inst_gap_years"] == 7 and order.loc["RUS", "lib_inst_gap_censored"]
    assert order.loc["RUS", "lib_inst_gap_points"] == pytest.approx(1.34)
    assert order.loc["POL", "lib_inst_gap_years"] == 2 and order.loc["POL", "lib_inst_gap_points"] == pytest.approx(2.34)
    strict = analyse(constructed, ["POL"], last_year=1999, ties="strict")[1]
    assert not strict["follows_essay_order"].iloc[0]


def test_pairwise_precedence_counts(constructed):
    timing, _ = analyse(constructed, ["RUS", "POL", "ALB", "UKR"], last_year=1999)
    table = pairwise_precedence(timing).set_index(["pair", "group"])
    assert table.loc[("I→P", "All"), ["before", "tie", "after", "undetermined"]].tolist() == [1, 1, 1, 1]
    assert table.loc[("L→S", "All"), ["before", "tie", "after", "left_out"]].tolist() == [3, 0, 0, 1]
    assert table.loc[("S→I", "CIS"), "undetermined"] == 1  # UKR: neither reached
    counts = table[["before", "tie", "after", "undetermined", "left_out"]].sum(axis=1)
    assert (counts.xs("All", level="group") == 4).all()


def test_order_frequencies_sorted_with_all_group():
    order = pd.DataFrame({"iso3": ["A", "B", "C"], "group": ["CIS", "CIS", "SEE"], "order": ["L>S", "L>S", "S>L"]})
    table = order_frequencies(order)
    assert table.iloc[0][["order", "group", "n_countries", "countries"]].tolist() == ["L>S", "CIS", 2, "A,B"]
    assert table[(table["group"] == "All") & (table["order"] == "S>L")]["n_countries"].item() == 1


def test_censored_median():
    assert censored_median([1992, 1994, None]) == 1994.0
    assert censored_median([1992, 1994]) == 1993.0
    assert censored_median([1992, None, None]) is None
    assert censored_median([]) is None


def test_order_summary(constructed):
    timing, order = analyse(constructed, ["RUS", "POL", "ALB", "UKR"], last_year=1999)
    summary = order_summary(timing, order).set_index("group")
    assert summary.loc["All", "n_countries"] == 4 and summary.loc["All", "n_follow_essay_order"] == 2
    assert summary.loc["CIS", "n_follow_essay_order"] == 0 and summary.loc["CIS", "n_consistent_so_far"] == 1
    assert summary.loc["CIS", "median_liberalization_year"] == 1993.0
    assert summary.loc["CIS", "n_institutions_not_reached"] == 2 and pd.isna(summary.loc["CIS", "median_institutions_year"])
    # ALB's never-high stabilization is left out of the stabilization medians and counts
    assert summary.loc["SEE", "n_stabilization_not_reached"] == 0 and pd.isna(summary.loc["SEE", "median_stabilization_year"])
    assert summary.loc["All", "median_stabilization_year"] == 1995.0  # 1992, 1995, not reached
    assert summary.loc["CIS", "n_lib_inst_gap_censored"] == 2


def test_sensitivity_reports_each_variation(constructed):
    base = {"iso3": ["RUS", "POL", "ALB", "UKR"], "last_year": 1999}
    table = sensitivity(constructed, base, {"ties strict": {"ties": "strict"}, "to 1993": {"last_year": 1993}})
    everyone = table[table["group"] == "All"].set_index("variation")
    assert everyone["n_follow_essay_order"].to_dict() == {"main run": 2, "ties strict": 0, "to 1993": 0}
    assert everyone.loc["to 1993", "changed"] == "last_year=1993"
    assert everyone.loc["main run", "n_privatization_before_institutions"] == 1


def test_compare_groups_known_values():
    order = pd.DataFrame({"group": ["CIS"] * 3 + ["CEE & Baltics"] * 3 + ["SEE"],
                          "gap": [3.0, 4.0, 5.0, 0.0, 1.0, 2.0, 9.0]})
    result = compare_groups(order, "gap")
    assert (result["n_a"], result["n_b"], result["median_a"], result["median_b"], result["u"]) == (3, 3, 4.0, 1.0, 9.0)
    assert result["p_value"] == pytest.approx(0.1)  # exact: 2 of the 20 splits are as extreme
    assert compare_groups(order, "gap", "CIS", "Mongolia")["p_value"] is None


def test_sensitivity_counts_non_vacuous_consistency(constructed):
    base = {"iso3": ["RUS", "POL", "ALB", "UKR"], "last_year": 1999}
    table = sensitivity(constructed, base, {"to 1990": {"last_year": 1990}})
    everyone = table[table["group"] == "All"].set_index("variation")
    # main run: POL and ALB follow (two or more areas), UKR is consistent with one area only
    assert everyone.loc["main run", ["n_consistent_so_far", "n_consistent_two_areas"]].tolist() == [3, 2]
    assert everyone.loc["main run", "consistent"] == "ALB,POL,UKR"
    assert everyone.loc["to 1990", "n_consistent_two_areas"] == 0  # by 1990 only POL's liberalization
