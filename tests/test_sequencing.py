"""Reform timing primitives on constructed series with known answers."""
from __future__ import annotations

import pandas as pd
import pytest

from transition.sequencing import first_sustained_year_below, first_year_reaching, liberalization_institutions_gap


def test_first_year_reaching_uses_published_rounding():
    scores = pd.Series([1.0, 2.333, 2.667, 3.0], index=[1990, 1991, 1992, 1993])
    assert first_year_reaching(scores, 2.67) == 1992
    assert first_year_reaching(scores, 3.0) == 1993
    assert first_year_reaching(scores, 4.0) is None


def test_first_year_reaching_skips_missing_years():
    assert first_year_reaching(pd.Series([1.0, None, 3.5], index=[1990, 1991, 1992]), 3.0) == 1992


@pytest.mark.parametrize("values, expected", [
    ({1990: 5, 1991: 900, 1992: 300, 1993: 35, 1994: 30}, (1993, "stabilized")),
    ({1990: 5, 1991: 900, 1992: 30, 1993: 45, 1994: 20, 1995: 10}, (1994, "stabilized")),  # one low year is not enough
    ({1990: 10, 1991: 20, 1992: 15}, (1990, "never_high")),
    ({1990: 100, 1991: 80, 1992: 50}, (None, "not_stabilized")),
    ({1990: 100, 1991: 10, 1993: 10, 1994: 10}, (1993, "stabilized")),  # 1992 missing breaks the run
    ({}, (None, "no_data")),
])
def test_first_sustained_year_below(values, expected):
    series = pd.Series(values, dtype=float)
    assert first_sustained_year_below(series, 40.0, 2) == expected


def test_run_length_is_a_parameter():
    series = pd.Series({1990: 100.0, 1991: 10.0, 1992: 10.0, 1993: 50.0, 1994: 10.0, 1995: 10.0, 1996: 10.0})
    assert first_sustained_year_below(series, 40.0, 3) == (1994, "stabilized")


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


def test_gap_between_liberalization_and_institutions():
    rows = []
    for year, lib, inst in [(1991, 2.0, 1.0), (1992, 3.5, 1.5), (1993, 4.0, 2.0), (1994, 4.0, 3.0)]:
        rows += [("AAA", year, "reform_liberalization", lib), ("AAA", year, "reform_institutions", inst)]
    for year in (1992, 1993):  # BBB never builds institutions by the last year: gap censored
        rows += [("BBB", year, "reform_liberalization", 3.0), ("BBB", year, "reform_institutions", 1.0)]
    gap = liberalization_institutions_gap(_tidy(rows), threshold=3.0, last_year=1994).set_index("iso3")
    assert gap.loc["AAA", ["lib_year", "inst_year", "gap_years"]].tolist() == [1992, 1994, 2]
    assert gap.loc["AAA", "gap_points"] == 2.0 and not gap.loc["AAA", "gap_censored"]
    assert gap.loc["BBB", "gap_years"] == 2 and gap.loc["BBB", "gap_censored"]
    assert pd.isna(gap.loc["BBB", "inst_year"])
