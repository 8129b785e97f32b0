"""The one compound annual growth rate (analysis.rates), used by resources (05) and integration (07)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from transition.analysis.rates import cagr, cagr_between


@pytest.mark.parametrize("start, end, years, expected", [(100.0, 121.0, 2, 10.0), (100.0, 100.0, 5, 0.0),
                                                         (121.0, 100.0, 2, -9.090909)])
def test_cagr(start, end, years, expected):
    assert cagr(start, end, years) == pytest.approx(expected)


@pytest.mark.parametrize("start, end, years", [(0.0, 100.0, 3), (100.0, float("nan"), 3), (100.0, 120.0, 0),
                                               (-5.0, 100.0, 3), (100.0, 120.0, -1)])
def test_cagr_undefined(start, end, years):
    assert math.isnan(cagr(start, end, years))


def test_cagr_between_years_of_a_level_series():
    levels = pd.Series({2000: 100.0, 2002: 121.0, 2003: float("nan")})
    assert cagr_between(levels, 2000, 2002) == pytest.approx(10.0)
    assert math.isnan(cagr_between(levels, 2000, 2005))     # a year without a value
    assert math.isnan(cagr_between(levels, 2000, 2003))     # a missing value
    assert math.isnan(cagr_between(levels, 2002, 2000))     # end before start
