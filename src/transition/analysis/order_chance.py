"""Claim C1 under several datings of the reform areas, pair by pair, against chance (notebook 01).

Pure computation. The three EBRD areas are measured on indicators of different scales, so one
cut-off (EBRD 3.0) is only one way to date them; :data:`transition.analysis.sequencing.DATINGS`
lists the others (each area's own range, each area's scale). For every dating and cut-off year,
:func:`dating_comparison` counts the countries following the essay's order, the pairwise links and
what chance alone would give:

- **strict model**: each country's areas in a uniformly random strict order — the essay's order
  of four areas comes up 1 time in 24 (:func:`chance_strict`; 1 in 6 when stabilization is left out);
- **own-dates model** (exact, no simulation): each country's own dates assigned to its areas in a
  uniformly random permutation. With weak ties a country whose dates fall in tie groups of sizes
  k1, k2, … follows the order in k1! k2! … of the m! permutations (:func:`chance_of_order`); a
  country with an area not reached never can. The number of countries following is then a sum of
  independent Bernoulli variables (:func:`count_distribution`), and ``p_chance`` is the chance of
  at least the observed count.

Examples
--------
>>> chance_strict(4)
0.041666666666666664
>>> chance_of_order({"liberalization": 1991, "stabilization": 1991, "institutions": 1995, "privatization": 1993})
0.08333333333333333
"""
from __future__ import annotations

import itertools
import math
from collections import Counter

import numpy as np
import pandas as pd

from transition.analysis.groups import ALL
from transition.analysis.sequencing import (
    AREA_CODES,
    DATINGS,
    ESSAY_ORDER,
    LAST_EBRD_YEAR,
    TIES,
    _years_by_country,
    analyse,
    pairwise_precedence,
)
from transition.analysis.timing import is_missing
from transition.data.vocabulary import ESSAY_YEAR

#: The cut-off years of the comparison: the essay's time and the last EBRD year.
AS_OF_YEARS = (ESSAY_YEAR, LAST_EBRD_YEAR)
#: The pairs of areas (first → second in the essay's order), as "L→S" …
PAIRS = tuple(f"{AREA_CODES[a]}→{AREA_CODES[b]}" for a, b in itertools.combinations(ESSAY_ORDER, 2))


def as_of_years(last_year: int = LAST_EBRD_YEAR) -> tuple[int, ...]:
    """The cut-off years of a run ending in ``last_year``: the essay's year (if earlier) and ``last_year``.

    >>> as_of_years(2006), as_of_years(2002), as_of_years(1999)
    ((2002, 2006), (2002,), (1999,))
    """
    return tuple(sorted({min(ESSAY_YEAR, last_year), last_year}))


def chance_strict(n_areas: int = len(ESSAY_ORDER)) -> float:
    """Chance that a uniformly random strict order of ``n_areas`` areas is the essay's: 1 / n!."""
    return 1 / math.factorial(n_areas)


def chance_of_order(years: dict, excluded=(), ties: str = TIES, order=ESSAY_ORDER) -> float:
    """Chance that a random permutation of a country's own dates follows ``order`` (see module doc).

    ``ties="weak"``: areas of one year may come in any order, so a tie group of size k counts k!
    times; ``"strict"``: any tie makes the order impossible. An area not reached (missing year)
    makes it impossible under either rule, as it does for the observed order.
    """
    chain = [area for area in order if area not in excluded]
    dates = [years.get(area) for area in chain]
    if any(is_missing(date) for date in dates):
        return 0.0
    groups = Counter(dates).values()
    if ties == "strict":
        return chance_strict(len(chain)) if all(size == 1 for size in groups) else 0.0
    return math.prod(math.factorial(size) for size in groups) / math.factorial(len(chain))


def count_distribution(probabilities) -> np.ndarray:
    """Distribution of the number of successes of independent Bernoulli trials (Poisson binomial).

    >>> count_distribution([0.5, 0.5]).tolist()
    [0.25, 0.5, 0.25]
    """
    pmf = np.array([1.0])
    for p in probabilities:
        pmf = np.convolve(pmf, [1 - p, p])
    return pmf


def chance_benchmark(timing: pd.DataFrame, order: pd.DataFrame, ties: str = TIES) -> dict:
    """Observed countries following the essay's order against the two chance models.

    Returns
    -------
    dict: n_countries, n_follow, expected_strict (each country 1 / m!, m its areas in the order),
    expected_own_dates (sum of :func:`chance_of_order`), p_chance (P(count >= n_follow) under the
    own-dates model; 1.0 when nothing is observed).
    """
    years = _years_by_country(timing)
    chances = [chance_of_order(by_area, excluded, ties) for by_area, excluded in years.values()]
    strict = [chance_strict(len([a for a in ESSAY_ORDER if a not in excluded])) for _, excluded in years.values()]
    observed = int(order["follows_essay_order"].sum())
    pmf = count_distribution(chances)
    return {"n_countries": len(years), "n_follow": observed, "expected_strict": float(sum(strict)),
            "expected_own_dates": float(sum(chances)), "p_chance": float(pmf[observed:].sum()) if observed < len(pmf) else 0.0}


def _pair_rows(timing: pd.DataFrame, labels: dict) -> list[dict]:
    """The "All" rows of :func:`pairwise_precedence` with ``labels`` and the share in the essay's order."""
    pairs = pairwise_precedence(timing)
    pairs = pairs[pairs["group"] == ALL]
    rows = []
    for row in pairs.itertuples():
        decided = row.before + row.tie + row.after
        rows.append({**labels, "pair": row.pair, "before": int(row.before), "tie": int(row.tie),
                     "after": int(row.after), "undetermined": int(row.undetermined), "left_out": int(row.left_out),
                     "share_not_reversed": (row.before + row.tie) / decided if decided else np.nan})
    return rows


def dating_comparison(tidy: pd.DataFrame, base: dict, datings=DATINGS,
                      as_of_years=AS_OF_YEARS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claim C1 under every dating of ``datings`` and cut-off year of ``as_of_years``.

    Parameters
    ----------
    tidy : DataFrame
    base : dict
        Keyword arguments of :func:`transition.analysis.sequencing.analyse` for the main run
        (its ``last_year`` and ``dating`` are replaced).

    Returns
    -------
    (summary, pairs): ``summary`` one row per dating and year — dating, last_year, n_countries,
    n_follow, share_follow, n_consistent_so_far and the fields of :func:`chance_benchmark`;
    ``pairs`` one row per dating, year and pair (:data:`PAIRS`) — before, tie, after,
    undetermined, left_out (counts of countries, all groups) and share_not_reversed (before or
    tie among the pairs with at least one area reached).
    """
    summary, pairs = [], []
    for dating, year in itertools.product(datings, as_of_years):
        timing, order = analyse(tidy, **{**base, "dating": dating, "last_year": year})
        chance = chance_benchmark(timing, order, base.get("ties", TIES))
        labels = {"dating": dating, "last_year": year}
        summary.append({**labels, "n_countries": chance["n_countries"], "n_follow": chance["n_follow"],
                        "share_follow": chance["n_follow"] / chance["n_countries"] if chance["n_countries"] else np.nan,
                        "n_consistent_so_far": int(order["consistent_so_far"].sum()),
                        **{k: v for k, v in chance.items() if k not in ("n_countries", "n_follow")}})
        pairs += _pair_rows(timing, labels)
    return pd.DataFrame(summary), pd.DataFrame(pairs)
