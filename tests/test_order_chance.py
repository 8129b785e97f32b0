"""Claim C1 under other datings and against chance (analysis.order_chance), on constructed data with known answers."""
from __future__ import annotations

import itertools
import math

import pytest
from timing_fixtures import I, L, P, S, tidy_frame

from transition.analysis.order_chance import (
    as_of_years,
    chance_benchmark,
    chance_of_order,
    chance_strict,
    count_distribution,
    dating_comparison,
)
from transition.analysis.sequencing import (
    ESSAY_ORDER,
    analyse,
    area_thresholds,
    follows_order,
)


def test_a_random_strict_order_of_four_areas_matches_one_time_in_24():
    assert chance_strict(4) == 1 / 24 and chance_strict(3) == 1 / 6
    distinct = {L: 1990, S: 1992, I: 1995, P: 1997}
    assert chance_of_order(distinct) == pytest.approx(1 / 24)
    assert chance_of_order(distinct, ties="strict") == pytest.approx(1 / 24)


@pytest.mark.parametrize("years, excluded, ties, expected", [
    ({L: 1991, S: 1991, I: 1995, P: 1993}, (), "weak", 2 / 24),       # one tie pair: 2! of 4!
    ({L: 1991, S: 1991, I: 1991, P: 1991}, (), "weak", 1.0),          # all in one year: any order is weak-consistent
    ({L: 1991, S: 1991, I: 1995, P: 1993}, (), "strict", 0.0),        # a tie is never a strict order
    ({L: 1991, S: 1993, I: None, P: 1993}, (), "weak", 0.0),          # an area not reached: never complete
    ({L: 1991, S: None, I: 1995, P: 1993}, (S,), "weak", 1 / 6),      # stabilization left out: 1 in 3!
    ({L: 1991, S: 1992, I: 1992, P: 1992}, (), "weak", 6 / 24),       # a tie of three: 3! of 4!
])
def test_chance_of_order_known_values(years, excluded, ties, expected):
    assert chance_of_order(years, excluded, ties) == pytest.approx(expected)


@pytest.mark.parametrize("dates", [(1990, 1990, 1993, 1995), (1990, 1991, 1991, 1991), (1992, 1990, 1992, 1990)])
def test_chance_of_order_equals_counting_the_permutations_of_own_dates(dates):
    hits = [follows_order(dict(zip(ESSAY_ORDER, perm)))[0] for perm in itertools.permutations(dates)]
    assert chance_of_order(dict(zip(ESSAY_ORDER, dates))) == pytest.approx(sum(hits) / math.factorial(4))


def test_count_distribution_and_the_tail_probability():
    pmf = count_distribution([0.5, 0.5, 1.0])
    assert pmf.tolist() == pytest.approx([0.0, 0.25, 0.5, 0.25]) and pmf.sum() == pytest.approx(1.0)
    assert count_distribution([]).tolist() == [1.0]


def test_as_of_years():
    assert as_of_years(2006) == (2002, 2006) and as_of_years(2002) == (2002,) and as_of_years(1999) == (1999,)


def planted_panel():
    """RUS: L 1991, S 1993, institutions only to 2.0 (1995), P 1997 -> the essay's order, but only without a
    common cut-off: institutions never reach EBRD 3.0. POL: P (1990) before L (1992), I never moves."""
    rows = []
    scores = {"RUS": {"reform_liberalization": (1991, 4.0), "reform_institutions": (1995, 2.0),
                      "reform_privatization": (1997, 3.0)},
              "POL": {"reform_liberalization": (1992, 4.0), "reform_institutions": (None, 1.0),
                      "reform_privatization": (1990, 4.0)}}
    for code, variables in scores.items():
        for variable, (year, high) in variables.items():
            rows += [(code, y, variable, high if year is not None and y >= year else 1.0) for y in range(1989, 2000)]
    cpi = {1989: 10, 1990: 1000, 1991: 500, 1992: 100, 1993: 30, 1994: 20, 1995: 15}
    rows += [(code, year, "weo_cpi_inflation", float(v) + i) for i, code in enumerate(scores) for year, v in cpi.items()]
    return tidy_frame(rows)


def test_the_own_range_dating_finds_a_planted_order_that_one_threshold_misses():
    tidy = planted_panel()
    base = {"iso3": ["RUS", "POL"], "last_year": 1999}
    _, threshold = analyse(tidy, **base)
    timing, own = analyse(tidy, **base, dating="own_range")
    assert not threshold.set_index("iso3").loc["RUS", "follows_essay_order"]
    assert own.set_index("iso3").loc["RUS", "order"] == "L>S>I>P" and own.set_index("iso3").loc["RUS", "follows_essay_order"]
    assert own.set_index("iso3").loc["POL", "order"] == "P>L>S (not reached: I)"  # I never moved: not reached
    chance = chance_benchmark(timing, own)
    assert chance["n_follow"] == 1 and chance["expected_own_dates"] == pytest.approx(1 / 24)
    assert chance["p_chance"] == pytest.approx(1 / 24) and chance["expected_strict"] == pytest.approx(2 / 24)


def test_scale_share_thresholds_are_a_share_of_each_areas_top_score():
    tidy = planted_panel()
    levels = area_thresholds(tidy, "scale_share", scale_share=0.6, last_year=1999)
    assert levels == {"liberalization": 2.8, "institutions": 1.6, "privatization": 2.8}  # tops 4.0, 2.0, 4.0
    assert area_thresholds(tidy, "threshold", 3.0) == dict.fromkeys(levels, 3.0)
    assert math.isnan(area_thresholds(tidy, "own_range")["institutions"])
    with pytest.raises(ValueError, match="dating must be one of"):
        area_thresholds(tidy, "median")


def test_dating_comparison_rows_for_every_dating_and_year():
    summary, pairs = dating_comparison(planted_panel(), {"iso3": ["RUS", "POL"]}, as_of_years=(1995, 1999))
    assert len(summary) == 3 * 2 and len(pairs) == 3 * 2 * 6
    row = summary.set_index(["dating", "last_year"]).loc[("own_range", 1999)]
    assert row["n_follow"] == 1 and row["share_follow"] == 0.5
    assert summary.set_index(["dating", "last_year"]).loc[("threshold", 1999), "n_follow"] == 0
    ip = pairs.set_index(["dating", "last_year", "pair"]).loc[("own_range", 1999, "I→P")]
    assert (ip["before"], ip["tie"], ip["after"]) == (1, 0, 1)  # RUS I before P; POL P reached, I not
    assert ip["share_not_reversed"] == 0.5
