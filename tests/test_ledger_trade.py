"""The rules of the trade claims C4, C6 and C7: pure functions of plain numbers, and the judges that read them."""
from __future__ import annotations

import pytest

from transition.claims import ledger, rules
from transition.claims.judgement import Headlines
from transition.claims.rules import CONTRADICTED, INCONCLUSIVE, MIXED, NO_DATA, PARTLY, SUPPORTED


def _h(notebook: str, numbers: dict) -> Headlines:
    return Headlines({notebook: {key: {"value": value} for key, value in numbers.items()}})


@pytest.mark.parametrize("fall, share, expected", [
    (10.0, 20.0, SUPPORTED),       # both thresholds met exactly
    (9.99, 20.0, MIXED), (10.0, 19.99, MIXED), (5.0, 10.0, CONTRADICTED),
])
def test_c4_verdict_on_its_two_numbers(fall, share, expected):
    assert ledger.c4_verdict(fall, share) == expected
    assert ledger.c4_verdict(fall, share, fall_min_pp=0.0, major_share_pct=0.0) == SUPPORTED  # thresholds are arguments


def test_c4_a_missing_number_cannot_be_told():
    assert ledger.c4_verdict(float("nan"), 30.0) == PARTLY and ledger.c4_verdict(float("nan"), 10.0) == CONTRADICTED
    assert ledger.c4_verdict(float("nan"), float("nan")) == NO_DATA


# ---- C5 -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("majority, known, share, expected", [
    (11, 11, 0.75, True), (9, 12, 0.75, True), (8, 11, 0.75, False),   # 8 of 11 = 0.73: fewer than three in four
    (8, 11, 0.5, True), (10, 11, 0.9, True), (9, 11, 0.9, False),     # the share is an argument (the multiverse's)
    (0, 0, 0.75, False),                                              # no country with data: the part fails, as before
    (3, float("nan"), 0.75, None),                                    # a missing count cannot tell
])
def test_c5_imports_majority(majority, known, share, expected):
    assert rules.c5_imports_majority(majority, known, share=share) is expected


def test_judge_c5_as_of_the_essay_counts_the_countries_with_the_rule():
    numbers = {"cis_median_manufactures_export_share_early": 30.9, "cis_median_manufactures_export_share_early_low": 13.3,
               "cis_median_manufactures_export_share_early_high": 33.3, "cis_median_fuel_ores_export_share_early": 37.1,
               "cee_median_fuel_ores_export_share_early": 9.2, "cis_count_processed_imports_known": 11}
    judged = {count: ledger.judge_c5(_h("06_trade_structure", {**numbers, "cis_count_processed_imports_majority": count}),
                                     "essay").verdict for count in (11, 8)}
    assert judged == {11: SUPPORTED, 8: MIXED}


# ---- C6 -------------------------------------------------------------------------------------------------
ESSAY_LIKE = dict(rus=77.0, ukr=10.4, kaz=5.1, others_in_range=8, others=9, grew=8, known=12, exceptions_not_grown=3)


@pytest.mark.parametrize("changes, expected", [
    ({}, SUPPORTED),
    ({"rus": 70.9}, MIXED),                              # 5.1 points off: the shares fail, growth holds
    ({"rus": 71.0}, SUPPORTED),                          # exactly at the tolerance
    ({"others_in_range": 6}, MIXED),                     # 6 of 9 < 75%
    ({"grew": 7}, MIXED),                                # 7 of 12 < 60%
    ({"exceptions_not_grown": 1}, MIXED),                # only one of the three exceptions
    ({"rus": 60.0, "exceptions_not_grown": 0}, CONTRADICTED),
])
def test_c6_verdict(changes, expected):
    assert ledger.c6_verdict(**{**ESSAY_LIKE, **changes}) == expected


def test_c6_missing_numbers_cannot_be_told():
    assert ledger.c6_verdict(**{**ESSAY_LIKE, "known": 0}) == PARTLY         # growth unknown, shares hold
    assert ledger.c6_verdict(**{**ESSAY_LIKE, "rus": float("nan"), "known": 0}) == NO_DATA


def test_c6_a_right_ranking_with_wrong_levels_is_no_longer_mixed():
    """The old rule turned "contradicted" into "mixed" when Russia > Ukraine > Kazakhstan > the others."""
    ranked_but_off = dict(ESSAY_LIKE, rus=60.0, ukr=20.0, kaz=8.0, others_in_range=2, exceptions_not_grown=0)
    assert ledger.c6_verdict(**ranked_but_off) == CONTRADICTED


def _c6_headlines(**changes):
    numbers = {"rus_non_cis_share_essay_year": 77.0, "ukr_non_cis_share_essay_year": 10.4,
               "kaz_non_cis_share_essay_year": 5.1, "other_cis_in_essay_range_non_cis_essay_year": 8,
               "other_cis_count_non_cis_essay_year": 9, "cis_count_non_cis_grew_essay_year": 8,
               "cis_count_non_cis_growth_known_essay_year": 12, "essay_exceptions_not_grown_non_cis_essay_year": 3,
               "essay_figures_year": 1999, "rus_non_cis_share_latest": 69.5, "ukr_non_cis_share_latest": 10.3,
               "kaz_non_cis_share_latest": 9.1, "other_cis_in_essay_range_non_cis_latest": 8,
               "other_cis_count_non_cis_latest": 9, "non_cis_latest_year": 2020}
    return _h("06_trade_structure", {**numbers, **changes})


def test_judge_c6_reads_the_essay_year_as_of_the_essay_and_the_latest_shares_with_the_latest_data():
    essay, latest = ledger.judge_c6(_c6_headlines(), "essay"), ledger.judge_c6(_c6_headlines(), "latest")
    assert essay.verdict == SUPPORTED and latest.verdict == MIXED   # Russia 69.5 is 6.5 points off 76
    assert "closest to 1999" in essay.evidence[0] and "in 2020" in latest.evidence[0]
    assert "from 1998 to 1999" in essay.evidence[1] and essay.evidence[1] == latest.evidence[1]  # growth: the essay's year
    assert any(e.startswith("variant, not the verdict") for e in essay.evidence)


# ---- C7 -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("counts, part", [
    ((8, 0, 8, 0), True),                  # Russia leads on both records every year
    ((14, 0, 5, 5), None),                 # the partners' record is split: undecided
    ((14, 0, 4, 2), True),                 # 4 of 6 decided years on the partners' record: two thirds
    ((14, 0, 3, 2), None),                 # 3 of 5 < two thirds
    ((0, 9, 1, 8), False),                 # another partner leads on both records
    ((9, 0, 0, 9), None),                  # the records disagree
    ((0, 0, 0, 0), None),                  # every year a tie: no evidence either way
])
def test_c7_partner_part_on_both_records(counts, part):
    assert ledger.c7_partner_part(*counts) is part


@pytest.mark.parametrize("counts, expected", [
    ((8, 0, 8, 0, 8), PARTLY),             # the partner part holds; the tariff part cannot be told
    ((14, 0, 5, 5, 16), INCONCLUSIVE),     # neither part can be told
    ((0, 9, 1, 8, 12), CONTRADICTED),      # the partner part fails
    ((0, 0, 0, 0, 0), NO_DATA),            # no year judged
])
def test_c7_verdict_with_the_tariff_part_not_testable(counts, expected):
    assert ledger.c7_verdict(*counts) == expected


def test_c7_majority_is_an_argument():
    assert ledger.c7_partner_part(14, 0, 5, 5, majority=0.5) is True and ledger.c7_verdict(14, 0, 5, 5, 16, majority=0.5) == PARTLY


def _c7_headlines(window, first_r, tied_r, behind_r, first_m, tied_m, behind_m):
    judged = first_r + tied_r + behind_r
    return {f"kaz_years_first_reporter_{window}": first_r, f"kaz_years_tied_reporter_{window}": tied_r,
            f"kaz_years_behind_reporter_{window}": behind_r, f"kaz_years_first_mirror_{window}": first_m,
            f"kaz_years_tied_mirror_{window}": tied_m, f"kaz_years_behind_mirror_{window}": behind_m,
            f"kaz_years_judged_reporter_{window}": judged, f"kaz_first_year_judged_{window}": 1995,
            f"kaz_last_year_judged_{window}": 2002}


def test_judge_c7_windows_and_the_tariff_part():
    h = _h("08_trade_partners", {**_c7_headlines("to_2002", 8, 0, 0, 8, 0, 0),
                                 **_c7_headlines("after_2002", 14, 2, 0, 5, 6, 5)})
    essay, latest = ledger.judge_c7(h, "essay"), ledger.judge_c7(h, "latest")
    assert essay.verdict == PARTLY and latest.verdict == INCONCLUSIVE
    assert ledger.C7_TARIFF_NOT_TESTABLE in essay.evidence and ledger.C7_TARIFF_NOT_TESTABLE in latest.evidence
    assert any("moved the other way" in e for e in latest.evidence)
    assert not any("moved the other way" in e for e in essay.evidence)


def test_the_tie_band_and_its_reason_are_declared():
    assert ledger.C7_TIE_PP == 2.0 and 0.5 < ledger.C7_FIRST_SHARE < 1
    assert f"more than {ledger.C7_TIE_PP:g} points (the tie band)" in ledger.thresholds_markdown()


def test_c4_parts_are_judged_with_their_intervals():
    """A fall of 24 points whose interval reaches down to 7.8 cannot tell whether the ties broke by 10 points."""
    assert ledger.c4_verdict(24.1, 40.5, 7.8, 32.9, 30.0, 45.0) == PARTLY        # broke: spans 10; rebuilt: above 20
    assert ledger.c4_verdict(24.1, 40.5, 12.0, 32.9, 30.0, 45.0) == SUPPORTED
    assert ledger.c4_verdict(24.1, 15.0, 12.0, 32.9, 10.0, 18.0) == MIXED        # the share left is wholly below 20
    assert ledger.c4_verdict(24.1, 32.4, 7.8, 32.9, 19.5, 40.6) == INCONCLUSIVE  # both intervals span their thresholds
