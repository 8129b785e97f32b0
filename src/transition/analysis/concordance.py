"""Claim C1 read three ways beside the all-four rule: its scope, censoring, and concordance with the essay's order.

- **Scope.** The essay speaks of "the new independent states" — in its usage the former Soviet
  republics; :func:`scope_counts` counts the countries that follow the order in each scope of
  :data:`SCOPES` (the former Soviet states, with Mongolia, every economy of the study).
- **Censoring.** An area that never reaches the threshold by the last year is *censored*, not
  dated: :func:`censored_precedence` separates "privatization reached before institutions, both
  reached" from "privatization reached, institutions never" (institutions score lower than every
  other area everywhere, so the second says as much about the scales as about the order).
- **Concordance.** :func:`concordance` measures how far each country's order agrees with the essay's,
  pair by pair and as Kendall's tau-b between the areas' years (an area not reached counts as later
  than any reached one, tied with the others not reached; areas left out are dropped);
  :func:`concordance_summary` gives the median tau and the pooled share of concordant pairs per scope.

Pure: tables in, tables out.

Examples
--------
>>> round(kendall_tau({"liberalization": 1991, "stabilization": 1993, "institutions": None, "privatization": 1995}), 3)
0.667
"""
from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
from scipy.stats import kendalltau

from transition.analysis.sequencing import ESSAY_ORDER, _years_by_country
from transition.analysis.timing import is_missing, relation
from transition.data import countries


def _scopes() -> dict[str, list[str]]:
    table = countries.table().reindex(countries.study_iso3())
    fsu = sorted(table.index[table["former_ussr"].astype(bool)])
    return {"former_ussr": fsu, "former_ussr_mongolia": sorted([*fsu, "MNG"]), "all": sorted(table.index)}


#: C1's scopes: the former Soviet states (the essay's "new independent states", the ledger's headline), with
#: Mongolia (a Soviet satellite that reformed alongside), and every economy of the study (Eastern Europe too).
SCOPES = _scopes()
SCOPE_NAMES = {"former_ussr": "the former Soviet states", "former_ussr_mongolia": "the former Soviet states and Mongolia",
               "all": "every economy of the study"}


def scope_counts(order: pd.DataFrame, scopes: dict[str, list[str]] = SCOPES) -> pd.DataFrame:
    """Countries of each scope in ``order`` (:func:`~.sequencing.reform_order`) and how many follow the order.

    Returns
    -------
    DataFrame: scope, n_countries, n_follow, share_follow.
    """
    rows = []
    for scope, codes in scopes.items():
        part = order[order["iso3"].isin(codes)]
        follow = int(part["follows_essay_order"].sum())
        rows.append({"scope": scope, "n_countries": len(part), "n_follow": follow,
                     "share_follow": follow / len(part) if len(part) else math.nan})
    return pd.DataFrame(rows)


def kendall_tau(years: dict, excluded=()) -> float:
    """Kendall's tau-b between a country's area years and the essay's order (1 = the essay's order exactly,
    −1 = reversed). Not reached = later than any reached (tied among themselves); NaN with fewer than two
    areas or no area reached."""
    areas = [a for a in ESSAY_ORDER if a in years and a not in excluded]
    if len(areas) < 2 or all(is_missing(years[a]) for a in areas):
        return math.nan
    observed = [math.inf if is_missing(years[a]) else float(years[a]) for a in areas]
    if len(set(observed)) < 2:
        return math.nan
    return float(kendalltau([ESSAY_ORDER.index(a) for a in areas], observed, variant="b").statistic)


def concordance(timing: pd.DataFrame) -> pd.DataFrame:
    """Per country: Kendall's tau-b with the essay's order and the pairs that agree (``before``), tie, disagree
    (``after``) or cannot be told (``undetermined``: neither reached); pairs with an area left out are dropped.

    Returns
    -------
    DataFrame: iso3, tau, n_before, n_tie, n_after, n_undetermined.
    """
    rows = []
    for code, (years, excluded) in _years_by_country(timing).items():
        chain = [a for a in ESSAY_ORDER if a not in excluded]
        kinds = [relation(years.get(a), years.get(b)) for a, b in itertools.combinations(chain, 2)]
        rows.append({"iso3": code, "tau": kendall_tau(years, excluded),
                     **{f"n_{kind}": kinds.count(kind) for kind in ("before", "tie", "after", "undetermined")}})
    return pd.DataFrame(rows)


def concordance_summary(table: pd.DataFrame, scopes: dict[str, list[str]] = SCOPES) -> pd.DataFrame:
    """Per scope: countries, median tau, countries with tau > 0, and the pooled share of concordant pairs among
    the pairs in a definite order (before or after; ties and undetermined pairs left out).

    Returns
    -------
    DataFrame: scope, n_countries, median_tau, n_tau_positive, share_pairs_concordant, n_pairs_ordered.
    """
    rows = []
    for scope, codes in scopes.items():
        part = table[table["iso3"].isin(codes)]
        ordered = int(part["n_before"].sum() + part["n_after"].sum())
        rows.append({"scope": scope, "n_countries": len(part),
                     "median_tau": float(np.nanmedian(part["tau"])) if part["tau"].notna().any() else math.nan,
                     "n_tau_positive": int((part["tau"] > 0).sum()),
                     "share_pairs_concordant": part["n_before"].sum() / ordered if ordered else math.nan,
                     "n_pairs_ordered": ordered})
    return pd.DataFrame(rows)


def censored_precedence(timing: pd.DataFrame, first: str = "institutions", second: str = "privatization") -> pd.DataFrame:
    """How ``second`` stands to ``first`` (the essay puts ``first`` first), with censoring kept apart.

    Returns
    -------
    DataFrame, one row per country: iso3, relation — "<first> first" (both reached, in the essay's order),
    "same year", "<second> first" (both reached, the other way), "<first> censored" (``second`` reached,
    ``first`` never by the last year), "<second> censored", "neither reached".
    """
    rows = []
    for code, (years, _excluded) in _years_by_country(timing).items():
        a, b = years.get(first), years.get(second)
        if is_missing(a) and is_missing(b):
            kind = "neither reached"
        elif is_missing(a):
            kind = f"{first} censored"
        elif is_missing(b):
            kind = f"{second} censored"
        else:
            kind = f"{first} first" if a < b else "same year" if a == b else f"{second} first"
        rows.append({"iso3": code, "relation": kind})
    return pd.DataFrame(rows)
