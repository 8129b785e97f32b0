"""Average growth rates: the one compound annual growth rate of the study.

Examples
--------
>>> round(cagr(100.0, 121.0, 2), 6)
10.0
>>> levels = pd.Series({2000: 100.0, 2002: 121.0})
>>> round(cagr_between(levels, 2000, 2002), 6), cagr_between(levels, 2000, 2001)
(10.0, nan)
"""
from __future__ import annotations

import pandas as pd


def cagr(start: float, end: float, years: float) -> float:
    """Compound mean annual growth in percent from ``start`` to ``end`` over ``years`` years.

    NaN unless ``years`` > 0 and both values are positive (a missing value is not positive).
    """
    if not years > 0 or not (start > 0 and end > 0):
        return float("nan")
    return float(100.0 * ((end / start) ** (1.0 / years) - 1.0))


def cagr_between(levels: pd.Series, start: int, end: int) -> float:
    """:func:`cagr` of a level series indexed by year, from year ``start`` to year ``end``.

    NaN when either year is missing or ``end`` is not after ``start``.
    """
    if start not in levels.index or end not in levels.index:
        return float("nan")
    return cagr(levels[start], levels[end], end - start)
