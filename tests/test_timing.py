"""The shared timing primitives (analysis.timing) on constructed series with known answers.

One definition of "reached", "stabilized", "relapsed" and "came before" serves notebooks 01 and 03;
the cases of both notebooks' former copies are tested here against the one implementation.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.analysis.timing import (
    STEP_ORDERS,
    first_sustained_year_below,
    first_year_covering,
    first_year_reaching,
    is_missing,
    relapse_year,
    relation,
    stabilization_year,
    step_order,
)


def test_first_year_covering_its_own_range():
    scores = pd.Series([1.67, 1.67, 2.33, 3.0, 3.67, 3.33], index=range(1990, 1996))  # first 1.67, top 3.67
    assert first_year_covering(scores, 0.5) == 1993          # level 2.67: 3.0 in 1993
    assert first_year_covering(scores, 0.25) == 1992         # level 2.17
    assert first_year_covering(scores, 1.0) == 1994          # the top itself
    assert first_year_covering(pd.Series([2.0, 2.33, 2.0], index=[1990, 1991, 1992]), 0.5) == 1991  # one notch moves
    assert first_year_covering(pd.Series([2.0, 2.2], index=[1990, 1991])) is None   # less than a notch: never moved
    assert first_year_covering(pd.Series(dtype=float)) is None


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


# --- the stabilization year: one definition, two rules ---------------------------------------

@pytest.mark.parametrize("values, expected", [
    ({1989: 20, 1990: 600, 1991: 70, 1992: 45, 1993: 35, 1994: 30}, (1993, "stabilized")),
    ({1989: 10, 1990: 30, 1991: 35}, (None, "never_high")),            # no burst: no year
    ({1989: 100, 1990: 900, 1991: 300, 1992: 80}, (None, "not_stabilized")),  # never below the threshold
    ({1989: 100, 1990: 10, 1992: 10, 1993: 10}, (1992, "stabilized")),  # missing 1991 breaks the run
    ({1989: 100, 1990: 10, 1992: 10}, (None, "not_stabilized")),         # ... and no full run after the gap
    ({}, (None, "no_data")),
])
def test_stabilization_year(values, expected):
    assert stabilization_year(pd.Series(values, dtype=float), 40.0, 2, start_year=1989) == expected


def test_stabilization_rules():
    series = pd.Series({1992: 900.0, 1993: 30.0, 1994: 20.0, 1995: 80.0, 1996: 10.0, 1997: 10.0})
    assert stabilization_year(series, 40.0, 2) == (1993, "stabilized")
    assert stabilization_year(series, 40.0, 2, rule="durable") == (1996, "stabilized")
    never_below = pd.Series({1992: 900.0, 1993: 300.0, 1994: 45.0})
    assert stabilization_year(never_below, 40.0, 2, rule="durable") == (None, "not_stabilized")
    never_high = pd.Series({1992: 9.0, 1993: 8.0})
    assert stabilization_year(never_high, 40.0, 2, rule="durable") == (None, "never_high")
    with pytest.raises(ValueError, match="rule must be"):
        stabilization_year(series, 40.0, 2, rule="sometimes")


def test_stabilization_ignores_an_episode_before_the_start_year():
    # Poland-like: high inflation in 1982, low in 1983-85, the transition burst from 1989
    series = pd.Series({1982: 100.0, 1983: 20.0, 1984: 15.0, 1989: 250.0, 1990: 580.0, 1991: 70.0,
                        1992: 39.0, 1993: 35.0})
    assert stabilization_year(series, 40.0, 2, start_year=1989) == (1992, "stabilized")
    assert stabilization_year(series, 40.0, 2, start_year=1980) == (1983, "stabilized")
    assert stabilization_year(series, 40.0, 2) == (1983, "stabilized")  # no start: the whole series


def test_stabilization_threshold_and_run_length_matter():
    series = pd.Series({1990: 500.0, 1991: 80.0, 1992: 60.0, 1993: 30.0, 1994: 20.0, 1995: 10.0})
    assert stabilization_year(series, 100.0, 2, start_year=1990) == (1991, "stabilized")
    assert stabilization_year(series, 40.0, 3, start_year=1990) == (1993, "stabilized")


@pytest.mark.parametrize("after, expected", [(1993, 1997), (1997, None), (None, None)])
def test_relapse_year(after, expected):
    series = pd.Series({1992: 200.0, 1993: 30.0, 1994: 20.0, 1995: 35.0, 1996: np.nan, 1997: 150.0})
    assert relapse_year(series, 40.0, after) == expected


# --- how two dated events stand --------------------------------------------------------------

@pytest.mark.parametrize("a, b, expected", [
    (1992, 1995, "before"), (1995, 1992, "after"), (1992, 1992, "tie"),
    (1992, None, "before"), (None, 1992, "after"), (None, None, "undetermined"), (float("nan"), 1992, "after"),
])
def test_relation(a, b, expected):
    assert relation(a, b) == expected


def test_is_missing():
    assert is_missing(None) and is_missing(float("nan")) and is_missing(pd.NA) and is_missing(np.float64("nan"))
    assert not is_missing(1992) and not is_missing(0)


@pytest.mark.parametrize("lib, stab, status, expected", [
    (1992, 1995, "stabilized", "liberalization_first"),
    (1995, 1995, "stabilized", "same_year"),
    (1997, 1995, "stabilized", "stabilization_first"),
    (pd.NA, 1995, "stabilized", "not_liberalized"),
    (1992, None, "never_high", "no_inflation_crisis"),
    (1992, None, "not_stabilized", "not_stabilized"),
    (None, None, "no_data", "no_data"),
])
def test_step_order(lib, stab, status, expected):
    assert step_order(lib, stab, status) == expected
    assert expected in STEP_ORDERS
