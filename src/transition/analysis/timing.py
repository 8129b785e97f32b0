"""When things happen: the timing primitives shared by notebooks 01, 02, 03 and 04.

One home for "reached", "stabilized", "relapsed" and "came before", so that every notebook means
the same by them:

- :func:`first_year_reaching` — first year a score is at or above a level (EBRD areas);
- :func:`first_year_covering` — first year a score covers a share of its own range (the "own
  range" dating of notebook 01, for areas measured on different scales);
- :func:`first_sustained_year_below` — first year of a run of years below a threshold after a
  year at or above it (the primitive behind stabilization and growth resumption);
- :func:`stabilization_year` — the one definition of the stabilization year, with two named rules
  (``"first_run"``, ``"durable"``) and a window start;
- :func:`relapse_year` — the first year inflation is back at or above the threshold;
- :func:`relation` — how two dated events stand (before / tie / after / undetermined), and
  :func:`step_order` — the order of the essay's first two steps (liberalization, stabilization) in
  one country, built on it.

The default thresholds are module constants defined once here.

Examples
--------
>>> import pandas as pd
>>> first_year_reaching(pd.Series([1.0, 2.7, 3.0, 2.7], index=[1990, 1991, 1992, 1993]), 3.0)
1992
>>> first_sustained_year_below(pd.Series([20.0, 900.0, 300.0, 35.0, 30.0], index=range(1990, 1995)), 40.0, 2)
(1993, 'stabilized')
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from transition.data.vocabulary import EBRD_FIRST_YEAR

#: EBRD score at which a reform area counts as advanced: 3 is "substantial progress" (EBRD).
EBRD_THRESHOLD = 3.0
#: Inflation (% per year) of a high-inflation crisis: Bruno & Easterly (1998), "Inflation crises and
#: long-run growth", Journal of Monetary Economics 41(1): 3-26.
INFLATION_THRESHOLD = 40.0
#: Consecutive years below the threshold that count as stabilized (Bruno & Easterly: two years).
SUSTAINED_YEARS = 2
#: First year of the study window: the EBRD scores start in 1989, and so does the search for an
#: inflation burst (earlier inflation, e.g. Poland's in the early 1980s, is not part of the transition).
FIRST_YEAR = EBRD_FIRST_YEAR
#: Share of its own range (first value → maximum) at which an area counts as reached under the
#: "own range" dating (:func:`first_year_covering`): half the way it went.
OWN_RANGE_SHARE = 0.5
#: A series that moves less than this (one EBRD notch) has no range to cover: never "reached".
MIN_RANGE = 1 / 3
#: The rules of :func:`stabilization_year`.
STABILIZATION_RULES = ("first_run", "durable")
#: The orders of the first two steps (:func:`step_order`).
STEP_ORDERS = ("liberalization_first", "same_year", "stabilization_first", "no_inflation_crisis",
               "not_stabilized", "not_liberalized", "no_data")


def is_missing(value) -> bool:
    """True for None, NaN and pd.NA: a year that was not reached.

    >>> is_missing(None), is_missing(float("nan")), is_missing(pd.NA), is_missing(1992)
    (True, True, True, False)
    """
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _arrays(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(years, values) of a year-indexed Series, missing values dropped, sorted by year."""
    years, data = values.index.to_numpy(), values.to_numpy(dtype=float, na_value=np.nan)
    keep = ~np.isnan(data)
    years, data = years[keep], data[keep]
    if len(years) > 1 and (np.diff(years) < 0).any():
        order = np.argsort(years, kind="stable")
        years, data = years[order], data[order]
    return years, data


def reaching(years: np.ndarray, values: np.ndarray, threshold: float = EBRD_THRESHOLD) -> int | None:
    """:func:`first_year_reaching` on arrays (``years`` ascending, no missing ``values``)."""
    hits = np.flatnonzero(np.round(values, 2) >= round(threshold, 2))
    return int(years[hits[0]]) if len(hits) else None


def first_year_reaching(values: pd.Series, threshold: float = EBRD_THRESHOLD) -> int | None:
    """First year (index) with a value >= ``threshold``; None if never.

    Scores are compared after rounding to two decimals, because the EBRD publishes 2.33 / 2.67
    for 2- / 3- (a threshold of 2.67 must be met by a score of 2.67).
    """
    return reaching(*_arrays(values), threshold)


def first_year_covering(values: pd.Series, share: float = OWN_RANGE_SHARE,
                        min_range: float = MIN_RANGE) -> int | None:
    """First year a score covers ``share`` of its own range, from its first value to its maximum.

    The level is ``first + share * (max - first)`` (compared like :func:`first_year_reaching`); a
    series whose range is below ``min_range`` never moved and gives None, as does an empty one.

    Examples
    --------
    >>> first_year_covering(pd.Series([1.0, 1.67, 2.0, 3.0], index=[1990, 1991, 1992, 1993]), 0.5)
    1992
    >>> first_year_covering(pd.Series([1.0, 1.0], index=[1990, 1991])) is None
    True
    """
    return covering(*_arrays(values), share, min_range)


def covering(years: np.ndarray, values: np.ndarray, share: float = OWN_RANGE_SHARE,
             min_range: float = MIN_RANGE) -> int | None:
    """:func:`first_year_covering` on arrays (``years`` ascending, no missing ``values``)."""
    if len(values) == 0:
        return None
    start, top = float(values[0]), float(values.max())
    if round(top - start, 2) < round(min_range, 2):
        return None
    return reaching(years, values, start + share * (top - start))


def first_sustained_year_below(inflation: pd.Series, threshold: float = INFLATION_THRESHOLD,
                               run_length: int = SUSTAINED_YEARS) -> tuple[int | None, str]:
    """First year of ``run_length`` consecutive years with inflation below ``threshold``.

    Only runs after the first year at or above the threshold count: stabilization ends an
    inflation burst. Consecutive means consecutive calendar years with data (a missing year
    breaks a run).

    Returns
    -------
    (year, status): status is ``"stabilized"``, ``"never_high"`` (never at or above the threshold
    in the data; year = first year of data), ``"not_stabilized"`` (year None) or ``"no_data"``.
    """
    return sustained_below(*_arrays(inflation), threshold, run_length)


def sustained_below(years: np.ndarray, values: np.ndarray, threshold: float = INFLATION_THRESHOLD,
                    run_length: int = SUSTAINED_YEARS) -> tuple[int | None, str]:
    """:func:`first_sustained_year_below` on arrays (``years`` ascending, no missing ``values``)."""
    if len(values) == 0:
        return None, "no_data"
    high = np.flatnonzero(values >= threshold)
    if len(high) == 0:
        return int(years[0]), "never_high"
    years, below = years[high[0]:], values[high[0]:] < threshold
    for position in range(len(years) - run_length + 1):
        end = position + run_length - 1
        if years[end] - years[position] == run_length - 1 and below[position:end + 1].all():
            return int(years[position]), "stabilized"
    return None, "not_stabilized"


def stabilization_year(inflation: pd.Series, threshold: float = INFLATION_THRESHOLD,
                       run_length: int = SUSTAINED_YEARS, rule: str = "first_run",
                       start_year: int | None = None) -> tuple[int | None, str]:
    """Year inflation was brought durably below ``threshold`` after a burst: the one definition.

    ``"first_run"`` is :func:`first_sustained_year_below`: the first ``run_length`` consecutive
    years below ``threshold`` after the first high-inflation year, even if inflation flares up
    again later. ``"durable"`` looks only after the *last* year at or above the threshold in the
    series, so a relapse (Russia 1998-99, Romania 1997) moves stabilization to after it.
    Unlike the primitive, a country whose inflation never reached the threshold gets year None:
    there was no burst to end (a caller that wants to date it uses the first year of data).

    Parameters
    ----------
    inflation : Series indexed by year
        Inflation in % per year; pass it cut to the last year to look at.
    threshold : float
    run_length : int
    rule : {"first_run", "durable"}
    start_year : int, optional
        Only years from ``start_year`` on count (so that an earlier episode does not).

    Returns
    -------
    (year, status): status "stabilized" (year given), "never_high", "not_stabilized" or "no_data"
    (year None).

    Examples
    --------
    >>> s = pd.Series([900.0, 30.0, 20.0, 80.0, 10.0, 10.0], index=range(1992, 1998))
    >>> stabilization_year(s, 40.0, 2), stabilization_year(s, 40.0, 2, rule="durable")
    ((1993, 'stabilized'), (1996, 'stabilized'))
    """
    return stabilized(*_arrays(inflation), threshold, run_length, rule, start_year)


def stabilized(years: np.ndarray, values: np.ndarray, threshold: float = INFLATION_THRESHOLD,
               run_length: int = SUSTAINED_YEARS, rule: str = "first_run",
               start_year: int | None = None) -> tuple[int | None, str]:
    """:func:`stabilization_year` on arrays (``years`` ascending, no missing ``values``)."""
    if rule not in STABILIZATION_RULES:
        raise ValueError(f"rule must be 'first_run' or 'durable', not {rule!r}")
    if start_year is not None:
        keep = years >= start_year
        years, values = years[keep], values[keep]
    year, status = sustained_below(years, values, threshold, run_length)
    if rule == "durable" and status == "stabilized":
        last_high = np.flatnonzero(values >= threshold)[-1]
        year, status = sustained_below(years[last_high:], values[last_high:], threshold, run_length)
    return (year if status == "stabilized" else None), status


def relapse_year(inflation: pd.Series, threshold: float = INFLATION_THRESHOLD,
                 after_year: int | None = None) -> int | None:
    """First year after ``after_year`` with inflation back at or above ``threshold`` (None if none)."""
    return relapse(*_arrays(inflation), threshold, after_year)


def relapse(years: np.ndarray, values: np.ndarray, threshold: float = INFLATION_THRESHOLD,
            after_year: int | None = None) -> int | None:
    """:func:`relapse_year` on arrays (``years`` ascending, no missing ``values``)."""
    if after_year is None:
        return None
    hits = np.flatnonzero((years >= after_year + 1) & (values >= threshold))
    return int(years[hits[0]]) if len(hits) else None


def relation(year_a, year_b) -> str:
    """How area A stands to area B: "before", "tie", "after" or "undetermined".

    ``None`` means not reached (as of the last year). A reached area comes before an area not
    reached; two areas not reached are undetermined.

    Examples
    --------
    >>> relation(1992, 1995), relation(1992, 1992), relation(None, 1995), relation(None, None)
    ('before', 'tie', 'after', 'undetermined')
    """
    a_missing, b_missing = is_missing(year_a), is_missing(year_b)
    if a_missing and b_missing:
        return "undetermined"
    if b_missing or (not a_missing and year_a < year_b):
        return "before"
    if a_missing or year_b < year_a:
        return "after"
    return "tie"


def step_order(lib_year, stab_year, stab_status: str) -> str:
    """Order of liberalization and stabilization in one country (one of :data:`STEP_ORDERS`).

    The comparison is :func:`relation`; unlike the four-area order of notebook 01 (where an area
    not reached counts as later than any reached one), a step that did not happen is its own
    category here: "no_inflation_crisis" (never high), "not_stabilized", "not_liberalized"
    (stabilized, liberalization threshold not reached) and "no_data".

    Examples
    --------
    >>> step_order(1992, 1995, "stabilized"), step_order(None, None, "never_high")
    ('liberalization_first', 'no_inflation_crisis')
    """
    if stab_status == "never_high":
        return "no_inflation_crisis"
    if stab_status == "no_data":
        return "no_data"
    if stab_status == "not_stabilized" or is_missing(stab_year):
        return "not_stabilized"
    if is_missing(lib_year):
        return "not_liberalized"
    return {"before": "liberalization_first", "tie": "same_year",
            "after": "stabilization_first"}[relation(lib_year, stab_year)]
