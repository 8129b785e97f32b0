"""Stabilization dated by policy: the programme that began it, beside the year inflation came down.

Pure computation: tables in, tables out. Notebook 03 dates stabilization by its outcome (the first of
two years below 40%, :func:`transition.analysis.timing.stabilization_year`). Fischer, Sahay & Végh (1996)
date it by policy: the start of the inflation-stabilization programme, and find growth resuming about two
years later. This module dates each country's stabilization from the programme table
(:func:`transition.data.programmes.load`) by a rule:

1. **Screen** (:func:`screen`): a programme counts only if disinflation followed it: inflation in the
   year after the programme year below that of the programme year, and below the stabilization threshold
   in one of the :data:`DISINFLATION_YEARS` years after it. A programme that inflation outlived (Russia's
   of January 1992, Bulgaria's of 1991, Kazakhstan's of 1993) is kept in the table with the reason.
2. **Choose** (:func:`choose`): among a country's programmes that pass, the first that its source calls
   the country's stabilization programme (role ``stabilization``); if none, the first IMF arrangement that
   passes. A country with no programme that passes has no policy date.

Then :func:`compare_with_outcome` sets the programme year beside the outcome year and the year growth
resumed (country by country), and the event study of notebook 03
(:func:`transition.analysis.stabilization.event_panel`) is run around the programme year.

Examples
--------
>>> import pandas as pd
>>> rates = pd.Series([1000.0, 900.0, 300.0, 35.0], index=[1992, 1993, 1994, 1995])
>>> disinflation_followed(rates, 1992, 40.0)
(True, 'disinflation: below 40% in 1995')
>>> disinflation_verdict(rates, 1995, 40.0)
('no_data', None)
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from transition.analysis.groups import BROAD_GROUPS, group_rank
from transition.analysis.timing import INFLATION_THRESHOLD
from transition.data import countries

#: Years after the programme year within which inflation must fall below the threshold (three: the
#: Baltic programmes of mid-1992 brought annual-average inflation below 40% in 1994-95).
DISINFLATION_YEARS = 3
#: Preference among the programmes that pass the screen (a source's role; see transition.data.programmes).
ROLE_PREFERENCE = ("stabilization", "arrangement")
COMPARISON_COLUMNS = ["iso3", "broad_group", "programme_date", "programme_year", "kind", "stabilization_year",
                      "years_programme_to_outcome", "growth_resumption_year", "lag_years_programme",
                      "lag_years_outcome"]


#: The screen's verdicts (:func:`disinflation_verdict`).
VERDICTS = ("disinflation", "inflation_rose", "no_disinflation", "no_data")


def disinflation_verdict(rates: pd.Series, year: int, threshold: float = INFLATION_THRESHOLD,
                         window: int = DISINFLATION_YEARS) -> tuple[str, int | None]:
    """The screen on a programme of ``year``: a verdict of :data:`VERDICTS` and the first year below ``threshold``.

    ``rates`` is one country's annual inflation (% per year) by year. "disinflation": inflation lower in the
    next year and below the threshold within ``window`` years; "inflation_rose": not lower in the next year;
    "no_disinflation": lower, but not below the threshold in time; "no_data": the programme year or the next
    one has no inflation.
    """
    rates = rates.dropna()
    if year not in rates.index or year + 1 not in rates.index:
        return "no_data", None
    if rates[year + 1] >= rates[year]:
        return "inflation_rose", None
    after = rates.loc[year + 1:year + window]
    below = after[after < threshold]
    if below.empty:
        return "no_disinflation", None
    return "disinflation", int(below.index[0])


def disinflation_followed(rates: pd.Series, year: int, threshold: float = INFLATION_THRESHOLD,
                          window: int = DISINFLATION_YEARS) -> tuple[bool, str]:
    """Whether disinflation followed a programme of ``year`` (:func:`disinflation_verdict`), and why, in words."""
    verdict, first = disinflation_verdict(rates, year, threshold, window)
    rates = rates.dropna()
    reasons = {
        "no_data": lambda: f"no inflation data for {year} and {year + 1}",
        "inflation_rose": lambda: (f"inflation rose after the programme ({rates[year]:.0f}% in {year}, "
                                   f"{rates[year + 1]:.0f}% in {year + 1})"),
        "no_disinflation": lambda: f"no disinflation: inflation at or above {threshold:g}% in every year {year + 1}-{year + window}",
        "disinflation": lambda: f"disinflation: below {threshold:g}% in {first}",
    }
    return verdict == "disinflation", reasons[verdict]()


def screen(programmes: pd.DataFrame, inflation: pd.DataFrame, threshold: float = INFLATION_THRESHOLD,
           window: int = DISINFLATION_YEARS) -> pd.DataFrame:
    """Every programme with the screen's verdict: the programme table plus ``passes``, ``verdict``
    (:data:`VERDICTS`), ``first_year_below`` (the first year below the threshold) and ``reason`` (in words).

    ``inflation`` has columns iso3, year, inflation (:func:`transition.data.derived.inflation`).
    """
    rates = inflation.set_index(["iso3", "year"])["inflation"].sort_index()
    rows = []
    for code, year in zip(programmes["iso3"], programmes["programme_year"]):
        own = rates.loc[code] if code in rates.index.get_level_values("iso3") else pd.Series(dtype=float)
        verdict, first = disinflation_verdict(own, int(year), threshold, window)
        rows.append((verdict == "disinflation", verdict, first, disinflation_followed(own, int(year), threshold, window)[1]))
    passes, verdicts, firsts, reasons = zip(*rows) if rows else ((), (), (), ())
    return programmes.assign(passes=list(passes), verdict=list(verdicts), reason=list(reasons),
                             first_year_below=pd.array(list(firsts), dtype="Int64"))


def choose(screened: pd.DataFrame) -> pd.DataFrame:
    """One programme per country that has one passing the screen (the rule of the module docstring).

    Returns the chosen rows of ``screened`` (one per iso3), sorted by iso3.
    """
    passing = screened[screened["passes"]].copy()
    passing["_preference"] = passing["role"].map({role: i for i, role in enumerate(ROLE_PREFERENCE)})
    chosen = passing.sort_values(["iso3", "_preference", "programme_date"]).groupby("iso3").head(1)
    return chosen.drop(columns="_preference").sort_values("iso3").reset_index(drop=True)


def compare_with_outcome(chosen: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """The programme year beside the outcome-dated stabilization and the return of growth, country by country.

    Parameters
    ----------
    chosen : DataFrame
        :func:`choose`.
    table : DataFrame
        :func:`transition.analysis.stabilization.stabilization_table` (every country of the sample).

    Returns
    -------
    DataFrame (:data:`COMPARISON_COLUMNS`), one row per country of ``table``; ``years_programme_to_outcome`` =
    outcome year minus programme year, ``lag_years_programme`` = growth resumption year minus programme year,
    ``lag_years_outcome`` the same from the outcome year (notebook 03's lag). Countries without a programme
    keep NA programme columns.
    """
    merged = table[["iso3", "broad_group", "stabilization_year", "growth_resumption_year", "lag_years"]].merge(
        chosen[["iso3", "programme_date", "programme_year", "kind"]], on="iso3", how="left", validate="one_to_one")
    merged["programme_year"] = merged["programme_year"].astype("Int64")
    merged["years_programme_to_outcome"] = merged["stabilization_year"] - merged["programme_year"]
    merged["lag_years_programme"] = merged["growth_resumption_year"] - merged["programme_year"]
    merged = merged.rename(columns={"lag_years": "lag_years_outcome"})
    merged["_rank"] = group_rank(merged["broad_group"], BROAD_GROUPS)
    return merged.sort_values(["_rank", "iso3"]).drop(columns="_rank")[COMPARISON_COLUMNS].reset_index(drop=True)


def lag_summary(comparison: pd.DataFrame) -> pd.DataFrame:
    """Per broad group (and All): countries with a programme, median years programme → outcome, median lags.

    Only countries with both a programme year and a growth-resumption year enter the lag medians.
    """
    rows = []
    frames = [(name, own) for name, own in comparison.groupby("broad_group", sort=False)] + [("All", comparison)]
    for name, own in frames:
        dated = own.dropna(subset=["programme_year"])
        both = dated.dropna(subset=["lag_years_programme"])
        rows.append({"broad_group": name, "n_programmes": len(dated),
                     "median_years_programme_to_outcome": _median(dated["years_programme_to_outcome"]),
                     "n_with_lag": len(both), "median_lag_years_programme": _median(both["lag_years_programme"]),
                     "median_lag_years_outcome_same_countries": _median(both["lag_years_outcome"])})
    summary = pd.DataFrame(rows)
    return summary.sort_values("broad_group", key=lambda c: group_rank(c)).reset_index(drop=True)


def _median(values: pd.Series) -> float:
    values = pd.to_numeric(values, errors="coerce").dropna()
    return float(values.median()) if len(values) else np.nan


def group_of(iso3: pd.Series) -> pd.Series:
    """Broad group of each iso3 (for tables that lack it)."""
    return iso3.map(countries.group_of().map(countries.BROAD_GROUP))
