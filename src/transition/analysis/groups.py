"""Country groups: which economies a notebook studies, and statistics by group.

A small API that any analysis module may import (pure: tables in, tables out):

- :func:`select_countries` — the study's economies in some broad groups, minus some;
- :func:`group_rank` — the position of each group in the display order (for sorting);
- :func:`with_all` — a table with every row repeated under the group ``"All"``;
- :func:`group_summary` — median, interquartile range and count of one value by group;
- :func:`group_medians` — medians of several columns by group, with their counts;
- :func:`median_interval`, :func:`median_difference_interval` — bootstrap intervals of a group's
  median and of the difference of two groups' medians (countries resampled within each group).

Groups not in the display order sort after those that are.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"group": ["SEE", "CIS", "CIS", "CIS"], "lag": [1.0, 0.0, 2.0, 4.0]})
>>> group_summary(frame, "lag", order=BROAD_ORDER)[["group", "median", "q25", "q75", "n"]].values.tolist()
[['CIS', 2.0, 1.0, 3.0, 3], ['SEE', 1.0, 1.0, 1.0, 1]]
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from transition.data import countries
from transition.data.vocabulary import BROAD_ORDER

#: The label of the group of all countries.
ALL = "All"
#: Broad groups (countries.BROAD_GROUP) in display order.
BROAD_GROUPS = BROAD_ORDER
#: Bootstrap intervals: number of resamples, coverage of the (percentile) interval and the fixed seed.
BOOTSTRAP_DRAWS, INTERVAL_LEVEL, BOOTSTRAP_SEED = 2000, 0.9, 2002


def select_countries(groups: Sequence[str] = BROAD_GROUPS, exclude: Sequence[str] = ()) -> list[str]:
    """ISO3 codes of the study countries in ``groups`` (broad groups), minus ``exclude``, sorted."""
    broad = countries.group_of().map(countries.BROAD_GROUP)
    return sorted(iso3 for iso3, group in broad.items() if group in groups and iso3 not in set(exclude))


def group_rank(groups: pd.Series, order: Sequence[str] = (*BROAD_GROUPS, ALL)) -> pd.Series:
    """Position of each group name in ``order``; names not in it get ``len(order)`` (sorted last)."""
    rank = {name: i for i, name in enumerate(order)}
    return groups.map(rank).fillna(len(rank))


def with_all(frame: pd.DataFrame, column: str = "group") -> pd.DataFrame:
    """``frame`` followed by a copy of every row with ``column`` set to :data:`ALL`."""
    return pd.concat([frame, frame.assign(**{column: ALL})])


def group_summary(frame: pd.DataFrame, value: str, group_column: str = "group", by: Sequence[str] = (),
                  order: Sequence[str] | None = None) -> pd.DataFrame:
    """Median, quartiles and number of countries of ``value`` by group (and by the ``by`` columns).

    Rows with a missing value or group are left out.

    Parameters
    ----------
    frame : DataFrame
    value : str
        The column summarised.
    group_column : str
    by : sequence of str
        Further grouping columns (e.g. ``["year"]`` for a median path).
    order : sequence of str, optional
        Display order of the groups (:func:`group_rank`); None sorts them by name.

    Returns
    -------
    DataFrame: group_column, *by, median, q25, q75, n.
    """
    keys = [group_column, *by]
    data = frame.dropna(subset=[group_column, value])
    stats = data.groupby(keys)[value].agg(median="median", q25=lambda x: x.quantile(0.25),
                                          q75=lambda x: x.quantile(0.75), n="count").reset_index()
    if order is None:
        return stats.sort_values(keys, ignore_index=True)
    return (stats.assign(_rank=group_rank(stats[group_column], order)).sort_values(["_rank", *keys])
            .drop(columns="_rank").reset_index(drop=True))


def group_medians(frame: pd.DataFrame, columns: list[str], group_column: str = "broad_group",
                  order: Sequence[str] = BROAD_GROUPS) -> pd.DataFrame:
    """Median of ``columns`` by group, with the number of non-missing values of each ('n_<column>').

    Groups in ``order`` first (:func:`group_rank`).
    """
    grouped = frame.groupby(group_column)
    medians = grouped[columns].median()
    counts = grouped[columns].count().add_prefix("n_")
    result = pd.concat([medians, counts], axis=1).reset_index()
    return result.sort_values(group_column, key=lambda c: group_rank(c, order)).reset_index(drop=True)


def bootstrap_medians(values, draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED) -> np.ndarray:
    """Medians of ``draws`` resamples (with replacement, same size) of the non-missing ``values``.

    All NaN when there are no values. The resamples depend only on ``seed`` and the number of values.
    """
    data = pd.Series(values, dtype=float).dropna().to_numpy()
    if len(data) == 0:
        return np.full(draws, np.nan)
    picks = np.random.default_rng(seed).integers(0, len(data), size=(draws, len(data)))
    return np.median(data[picks], axis=1)


def percentile_interval(estimates, level: float = INTERVAL_LEVEL) -> tuple[float, float]:
    """The central ``level`` interval of bootstrap ``estimates`` (percentile method; NaNs ignored)."""
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level!r}")
    estimates = np.asarray(estimates, dtype=float)
    if np.isnan(estimates).all():
        return math.nan, math.nan
    tail = (1 - level) / 2 * 100
    low, high = np.nanpercentile(estimates, [tail, 100 - tail])
    return float(low), float(high)


def median_interval(values, level: float = INTERVAL_LEVEL, draws: int = BOOTSTRAP_DRAWS,
                    seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:
    """Bootstrap percentile interval of the median of one group's ``values`` (countries resampled).

    Examples
    --------
    >>> median_interval([5.0, 5.0, 5.0])
    (5.0, 5.0)
    """
    return percentile_interval(bootstrap_medians(values, draws, seed), level)


def median_difference_interval(first, second, level: float = INTERVAL_LEVEL, draws: int = BOOTSTRAP_DRAWS,
                               seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:
    """Bootstrap interval of median(``first``) − median(``second``), each group resampled on its own."""
    difference = bootstrap_medians(first, draws, seed) - bootstrap_medians(second, draws, seed + 1)
    return percentile_interval(difference, level)


def group_median_intervals(frame: pd.DataFrame, value: str, group_column: str = "group",
                           level: float = INTERVAL_LEVEL, draws: int = BOOTSTRAP_DRAWS,
                           seed: int = BOOTSTRAP_SEED) -> pd.DataFrame:
    """Median of ``value`` by group with its bootstrap interval (:func:`median_interval`).

    Returns
    -------
    DataFrame: group_column, median, low, high, n (groups sorted by name).
    """
    rows = []
    for group, values in frame.dropna(subset=[group_column, value]).groupby(group_column)[value]:
        low, high = median_interval(values, level, draws, seed)
        rows.append({group_column: group, "median": values.median(), "low": low, "high": high, "n": len(values)})
    return pd.DataFrame(rows, columns=[group_column, "median", "low", "high", "n"])


#: The power and two-sided level of :func:`minimum_detectable_difference` (the conventions of Cohen 1988).
MDE_POWER, MDE_ALPHA = 0.8, 0.05


def minimum_detectable_difference(first, second, alpha: float = MDE_ALPHA, power: float = MDE_POWER) -> float:
    """The smallest difference of group means a two-sided two-sample t-test detects with ``power`` at ``alpha``,
    given the two groups' sizes and their pooled standard deviation (in the values' units).

    With 5 and 10 countries a test sees only differences of about 1.6 pooled standard deviations: a group
    comparison that finds nothing says little. Uses statsmodels' power of the t-test (``TTestIndPower``).

    Examples
    --------
    >>> round(minimum_detectable_difference([0.0, 1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 2.0, 3.0, 4.0] * 2), 2)
    2.52
    """
    from statsmodels.stats.power import TTestIndPower

    first = pd.Series(first, dtype=float).dropna()
    second = pd.Series(second, dtype=float).dropna()
    n1, n2 = len(first), len(second)
    if n1 < 2 or n2 < 2:
        return math.nan
    pooled = math.sqrt(((n1 - 1) * first.var(ddof=1) + (n2 - 1) * second.var(ddof=1)) / (n1 + n2 - 2))
    effect = TTestIndPower().solve_power(nobs1=n1, ratio=n2 / n1, alpha=alpha, power=power, alternative="two-sided")
    return float(effect * pooled)
