"""Inflation bursts, stabilization and the resumption of growth (notebook ``03_stabilization``).

Pure computation: tables in, tables out. For each economy: the peak of inflation in the early
transition (level, year and whether CPI or the GDP deflator measures it), the year inflation was
brought durably below a threshold (:func:`transition.analysis.timing.stabilization_year`, the one
definition shared with the sequencing notebook), the year real GDP growth resumed, and the lag
between the two; an event study of growth around stabilization; and how early liberalization
relates to the burst (:func:`liberalization_timing`, the order of the two steps by
:func:`transition.analysis.timing.step_order`).

The stabilization threshold defaults to 40 % a year, the high-inflation crisis threshold of
Bruno & Easterly (1998), "Inflation crises and long-run growth", *Journal of Monetary Economics*
41(1): 3-26 (:data:`transition.analysis.timing.INFLATION_THRESHOLD`).

Figures, headline rows and the findings text are in :mod:`transition.chapters.stabilization`.

Examples
--------
>>> import pandas as pd
>>> growth_resumption(pd.Series([2.0, -5.0, -3.0, 1.0, 4.0], index=range(1989, 1994)), 1989, 2)
(1992, 'resumed')
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from transition.analysis.groups import BROAD_GROUPS, group_rank, with_all
from transition.analysis.sequencing import AREA_VARIABLES
from transition.analysis.timing import (
    EBRD_THRESHOLD,
    FIRST_YEAR,
    INFLATION_THRESHOLD,
    SUSTAINED_YEARS,
    first_sustained_year_below,
    first_year_reaching,
    relapse_year,
    stabilization_year,
    step_order,
)
from transition.data import countries, derived
from transition.data.vocabulary import EBRD_LAST_YEAR, GROWTH_SOURCES

#: Growth source → panel variable of published real GDP growth.
#: Real GDP growth used by default: WDI covers the ex-USSR from 1989.
GROWTH_SOURCE = derived.DEFAULT_GROWTH_SOURCE
#: Last year of the window of the inflation peak; the transition recession must start by then.
PEAK_END_YEAR = 2000
#: Consecutive years of positive growth that count as growth resumed.
GROWTH_RUN_LENGTH = 2
#: Year whose liberalization index measures "early liberalization".
LIBERALIZATION_INDEX_YEAR = 1992
#: Event study window: years before and after the stabilization year.
EVENT_BEFORE, EVENT_AFTER = 3, 5
#: Orders that count a country as "compared": it has a stabilization year.
COMPARED_ORDERS = ("liberalization_first", "same_year", "stabilization_first", "not_liberalized")
COLUMNS = ["iso3", "group", "broad_group", "peak_inflation", "peak_year", "inflation_measure",
           "years_high_inflation", "stabilization_year", "stabilization_status", "relapse_year",
           "growth_resumption_year", "growth_status", "lag_years", "inflation_first_year", "growth_first_year"]


# --- one country ---------------------------------------------------------------------------------

def inflation_peak(rates: pd.DataFrame, start_year: int, end_year: int, threshold: float) -> dict:
    """Peak inflation of one country in ``start_year``-``end_year``.

    Parameters
    ----------
    rates : DataFrame
        One country's rows of :func:`transition.data.derived.inflation` (year, inflation, measure).
    start_year, end_year : int
        The window (inclusive).
    threshold : float
        Inflation (% per year) at or above which a year counts as high.

    Returns
    -------
    dict with ``peak_inflation`` (% per year), ``peak_year``, ``inflation_measure`` (the measure in
    the peak year: "cpi" or "gdp_deflator") and ``years_high_inflation`` (years in the window at or
    above ``threshold``); NaN / None when the window holds no data.

    Examples
    --------
    >>> rates = pd.DataFrame({"year": [1991, 1992, 1993], "inflation": [90.0, 900.0, 30.0],
    ...                       "measure": ["gdp_deflator", "gdp_deflator", "cpi"]})
    >>> inflation_peak(rates, 1989, 2000, 40.0)["peak_year"]
    1992
    """
    window = rates[(rates["year"] >= start_year) & (rates["year"] <= end_year)].dropna(subset=["inflation"])
    if window.empty:
        return {"peak_inflation": np.nan, "peak_year": None, "inflation_measure": None, "years_high_inflation": 0}
    peak = window.loc[window["inflation"].idxmax()]
    return {"peak_inflation": float(peak["inflation"]), "peak_year": int(peak["year"]),
            "inflation_measure": peak["measure"], "years_high_inflation": int((window["inflation"] >= threshold).sum())}


def growth_resumption(growth: pd.Series, start_year: int = FIRST_YEAR, run_length: int = GROWTH_RUN_LENGTH,
                      last_recession_start: int | None = None) -> tuple[int | None, str]:
    """First year of ``run_length`` consecutive years of positive growth after the transition recession.

    The recession starts in the first year from ``start_year`` on with growth <= 0; growth has
    resumed in the first year after it that begins ``run_length`` consecutive calendar years of
    growth > 0 (a missing year breaks a run). This is
    :func:`transition.analysis.timing.first_sustained_year_below` applied to minus growth with a
    threshold of 0, so "sustained" means the same for inflation and for growth.

    Parameters
    ----------
    growth : Series indexed by year
        Real GDP growth, % per year.
    start_year : int
    run_length : int
    last_recession_start : int, optional
        The recession must start by this year; a later first fall of output (e.g. in 2009 for a
        country whose data begin after its transition recession) counts as "no_recession".

    Returns
    -------
    (year, status): status "resumed", "no_recession" (growth never <= 0 from ``start_year``, or not
    by ``last_recession_start``; year None), "not_resumed" (year None) or "no_data".
    """
    growth = growth.dropna().loc[start_year:]
    if last_recession_start is not None and not growth.empty:
        falls = growth[growth <= 0]
        if falls.empty or falls.index[0] > last_recession_start:
            return None, "no_recession"
    year, status = first_sustained_year_below(-growth, 0.0, run_length)
    renamed = {"stabilized": "resumed", "never_high": "no_recession", "not_stabilized": "not_resumed"}
    return (year if status == "stabilized" else None), renamed.get(status, status)


def _first_year(values: pd.Series) -> int | None:
    values = values.dropna()
    return int(values.index.min()) if len(values) else None


# --- all countries -------------------------------------------------------------------------------

def growth_series(tidy: pd.DataFrame, source: str = GROWTH_SOURCE) -> pd.Series:
    """Real GDP growth (% per year) from ``source``, as a Series indexed by (iso3, year)."""
    return derived.growth_rates(tidy, source).set_index(["iso3", "year"])["growth"].sort_index()


def stabilization_table(tidy: pd.DataFrame, threshold: float = INFLATION_THRESHOLD,
                        sustained_years: int = SUSTAINED_YEARS, peak_start_year: int = FIRST_YEAR,
                        peak_end_year: int = PEAK_END_YEAR, growth_source: str = GROWTH_SOURCE,
                        growth_run_length: int = GROWTH_RUN_LENGTH, iso3: list[str] | None = None) -> pd.DataFrame:
    """Peak inflation, stabilization, growth resumption and their lag, one row per country.

    Parameters
    ----------
    tidy : DataFrame
        The tidy panel.
    threshold, sustained_years : float, int
        Stabilization = ``sustained_years`` consecutive years with inflation below ``threshold``
        after a year at or above it (``timing.stabilization_year``, rule "first_run").
    peak_start_year, peak_end_year : int
        Window of the peak; the stabilization and growth searches start in ``peak_start_year``
        and run to the end of the data.
    growth_source : a key of ``GROWTH_SOURCES`` (``derived.growth_rates``)
    growth_run_length : int
        See :func:`growth_resumption`.
    iso3 : list of str, optional
        Countries (default: the 29).

    Returns
    -------
    DataFrame with :data:`COLUMNS`, sorted by iso3; ``lag_years`` = growth resumption year minus
    stabilization year (negative: growth resumed before inflation was stabilized). The recession
    whose end is ``growth_resumption_year`` must start by ``peak_end_year``. ``inflation_first_year``
    and ``growth_first_year`` show where the data begin after the burst (Bosnia, Serbia, Montenegro).
    """
    if growth_source not in GROWTH_SOURCES:
        raise ValueError(f"growth_source must be one of {sorted(GROWTH_SOURCES)}, not {growth_source!r}")
    rates = derived.inflation(tidy)
    growth = growth_series(tidy, growth_source)
    group = countries.group_of()
    rows = []
    for code in sorted(iso3 or countries.study_iso3()):
        own = rates[rates["iso3"] == code]
        series = own.set_index("year")["inflation"].sort_index()
        stab, status = stabilization_year(series, threshold, sustained_years, start_year=peak_start_year)
        own_growth = growth.loc[code] if code in growth.index.get_level_values("iso3") else pd.Series(dtype=float)
        resumed, growth_status = growth_resumption(own_growth, peak_start_year, growth_run_length,
                                                   last_recession_start=peak_end_year)
        rows.append({"iso3": code, "group": group[code], "broad_group": countries.BROAD_GROUP[group[code]],
                     **inflation_peak(own, peak_start_year, peak_end_year, threshold),
                     "stabilization_year": stab, "stabilization_status": status,
                     "relapse_year": relapse_year(series, threshold, stab),
                     "growth_resumption_year": resumed, "growth_status": growth_status,
                     "inflation_first_year": _first_year(series), "growth_first_year": _first_year(own_growth)})
    table = pd.DataFrame(rows)
    table["lag_years"] = table["growth_resumption_year"] - table["stabilization_year"]
    ints = ["peak_year", "stabilization_year", "relapse_year", "growth_resumption_year", "lag_years",
            "inflation_first_year", "growth_first_year"]
    table[ints] = table[ints].astype("Int64")
    return table[COLUMNS].sort_values("iso3").reset_index(drop=True)


def liberalization_timing(tidy: pd.DataFrame, threshold: float = EBRD_THRESHOLD,
                          index_year: int = LIBERALIZATION_INDEX_YEAR, iso3: list[str] | None = None,
                          last_year: int = EBRD_LAST_YEAR) -> pd.DataFrame:
    """When liberalization reached ``threshold``, and its level in ``index_year``, by country.

    Returns
    -------
    DataFrame with iso3, liberalization_year (first year the EBRD liberalization index reaches
    ``threshold``, ``timing.first_year_reaching``; NA if not by ``last_year``) and liberalization_index
    (the index in ``index_year``).
    """
    lib = derived.series(tidy, AREA_VARIABLES["liberalization"])
    rows = []
    for code in sorted(iso3 or countries.study_iso3()):
        own = lib.loc[code] if code in lib.index.get_level_values("iso3") else pd.Series(dtype=float)
        rows.append({"iso3": code, "liberalization_year": first_year_reaching(own.loc[:last_year], threshold),
                     "liberalization_index": own.get(index_year, np.nan)})
    return pd.DataFrame(rows).astype({"liberalization_year": "Int64", "liberalization_index": "float64"})


def add_step_order(table: pd.DataFrame, timing: pd.DataFrame) -> pd.DataFrame:
    """Merge :func:`liberalization_timing` into the stabilization table and label the order of the two
    steps in column ``order`` (``timing.step_order``)."""
    merged = table.merge(timing, on="iso3", how="left", validate="one_to_one")
    merged["order"] = [step_order(lib, stab, status) for lib, stab, status in
                       zip(merged["liberalization_year"], merged["stabilization_year"], merged["stabilization_status"])]
    return merged


def order_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Countries per broad group and order label (a row per pair that occurs, plus an 'All' group)."""
    both = with_all(table, "broad_group")
    counts = both.groupby(["broad_group", "order"]).size().rename("n_countries").reset_index()
    counts["share_of_group"] = counts["n_countries"] / counts.groupby("broad_group")["n_countries"].transform("sum")
    return counts.sort_values(["broad_group", "order"], key=lambda c: group_rank(c) if c.name == "broad_group" else c,
                              ignore_index=True)


# --- event study ---------------------------------------------------------------------------------

def event_panel(growth: pd.Series, events: pd.Series, before: int = EVENT_BEFORE,
                after: int = EVENT_AFTER) -> pd.DataFrame:
    """Growth in event time around each country's event year.

    Parameters
    ----------
    growth : Series indexed by (iso3, year)
        Real GDP growth, % per year.
    events : Series indexed by iso3
        Event (stabilization) year; missing values are skipped.
    before, after : int
        Event times -before ... +after are kept.

    Returns
    -------
    DataFrame with iso3, event_year, event_time, year, growth: one row per country and event time,
    growth NaN where the year has no data; sorted by iso3 and event time.
    """
    rows = []
    for code, event_year in events.dropna().sort_index().items():
        own = growth.loc[code] if code in growth.index.get_level_values("iso3") else pd.Series(dtype=float)
        for k in range(-before, after + 1):
            rows.append({"iso3": code, "event_year": int(event_year), "event_time": k, "year": int(event_year) + k,
                         "growth": own.get(int(event_year) + k, np.nan)})
    columns = ["iso3", "event_year", "event_time", "year", "growth"]
    return pd.DataFrame(rows, columns=columns).astype({"growth": "float64"})


def event_summary(panel: pd.DataFrame, group: pd.Series) -> pd.DataFrame:
    """Mean and median growth and the number of countries per (group, event time).

    Parameters
    ----------
    panel : DataFrame
        Output of :func:`event_panel`.
    group : Series
        iso3 → group label.

    Returns
    -------
    DataFrame with group, event_time, mean_growth, median_growth, n_countries (countries with data
    in the cell); groups in :data:`BROAD_GROUPS` order, then any others.
    """
    labelled = panel.assign(group=panel["iso3"].map(group)).dropna(subset=["growth"])
    summary = labelled.groupby(["group", "event_time"])["growth"].agg(
        mean_growth="mean", median_growth="median", n_countries="count").reset_index()
    summary["_rank"] = group_rank(summary["group"], BROAD_GROUPS)
    return summary.sort_values(["_rank", "group", "event_time"]).drop(columns="_rank").reset_index(drop=True)


def window_means(panel: pd.DataFrame, group: pd.Series) -> pd.DataFrame:
    """Per group: mean growth before (t<0), in the year of (t=0) and after (t>0) the event.

    Each country's mean over its available years of the phase is taken first, then the group
    mean of those country means, so a country with more years does not weigh more.
    """
    phase = np.select([panel["event_time"] < 0, panel["event_time"] == 0], ["before", "event_year"], "after")
    per_country = (panel.assign(phase=phase).dropna(subset=["growth"])
                   .groupby(["iso3", "phase"])["growth"].mean().rename("growth").reset_index())
    per_country["group"] = per_country["iso3"].map(group)
    table = per_country.groupby(["group", "phase"])["growth"].agg(mean_growth="mean", n_countries="count").reset_index()
    table = table.sort_values(["group", "phase"], key=lambda c: group_rank(c, BROAD_GROUPS) if c.name == "group"
                              else c.map({"before": 0, "event_year": 1, "after": 2}))
    return table.reset_index(drop=True)


# --- summaries -----------------------------------------------------------------------------------

def spearman(x: pd.Series, y: pd.Series) -> dict:
    """Spearman rank correlation of the pairs where both are present: rho, two-sided p, n.

    rho and p are NaN with fewer than 3 pairs or a constant variable.
    """
    pairs = pd.concat([pd.Series(x).astype(float), pd.Series(y).astype(float)], axis=1).dropna()
    n = len(pairs)
    if n < 3 or pairs.iloc[:, 0].nunique() < 2 or pairs.iloc[:, 1].nunique() < 2:
        return {"rho": np.nan, "p": np.nan, "n": n}
    result = stats.spearmanr(pairs.iloc[:, 0], pairs.iloc[:, 1])
    return {"rho": float(result.statistic), "p": float(result.pvalue), "n": n}


def correlations(table: pd.DataFrame) -> dict[str, dict]:
    """The rank correlations of early liberalization with the burst (name → :func:`spearman`).

    ``table`` is the stabilization table with :func:`liberalization_timing` merged in.
    """
    return {
        "liberalization_vs_peak": spearman(table["liberalization_index"], table["peak_inflation"]),
        "liberalization_year_vs_peak": spearman(table["liberalization_year"], table["peak_inflation"]),
        "liberalization_vs_years_high": spearman(table["liberalization_index"], table["years_high_inflation"]),
    }
