"""Inflation bursts, stabilization and the resumption of growth (notebook ``03_stabilization``).

For each economy: the peak of inflation in the early transition (level, year and whether CPI or
the GDP deflator measures it), the year inflation was brought durably below a threshold
(:func:`transition.analysis.sequencing.first_sustained_year_below`, the definition shared with the
sequencing notebook), the year real GDP growth resumed, and the lag between the two; an event
study of growth around stabilization; and how early liberalization relates to the burst.

The stabilization threshold defaults to 40 % a year, the high-inflation crisis threshold of
Bruno & Easterly (1998), "Inflation crises and long-run growth", *Journal of Monetary Economics*
41(1): 3-26.

Examples
--------
>>> import pandas as pd
>>> growth_resumption(pd.Series([2.0, -5.0, -3.0, 1.0, 4.0], index=range(1989, 1994)), 1989, 2)
(1992, 'resumed')
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from transition.analysis.sequencing import (
    AREA_VARIABLES,
    first_sustained_year_below,
    first_year_reaching,
)
from transition.data import countries, derived
from transition.data.vocabulary import EBRD_LAST_YEAR, PUBLISHED_GROWTH

GROWTH_VARIABLES = PUBLISHED_GROWTH
#: Broad groups (countries.BROAD_GROUP) in display order, with the slugs used in headline keys.
BROAD_GROUPS = list(countries.BROAD_ORDER)
GROUP_SLUGS = countries.GROUP_SLUGS
#: How liberalization and stabilization are ordered in a country (claim C1's first step).
ORDER_LABELS = {
    "liberalization_first": "liberalized before stabilizing",
    "same_year": "same year",
    "stabilization_first": "stabilized before liberalizing",
    "no_inflation_crisis": "inflation never reached the threshold",
    "not_stabilized": "not stabilized in the data",
    "not_liberalized": f"liberalization threshold not reached by {EBRD_LAST_YEAR}",
    "no_data": "no data",
}
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


def stabilization_year(inflation: pd.Series, threshold: float, sustained_years: int,
                       start_year: int) -> tuple[int | None, str]:
    """Year inflation fell durably below ``threshold`` after a burst, counting from ``start_year``.

    A thin wrapper around :func:`transition.analysis.sequencing.first_sustained_year_below` on the years from
    ``start_year`` on (so that an earlier episode, e.g. Poland's in the early 1980s, does not count).
    Unlike the primitive, a country whose inflation never reached the threshold gets year None:
    there was no burst to end.

    Returns
    -------
    (year, status) with status "stabilized", "never_high", "not_stabilized" or "no_data".
    """
    year, status = first_sustained_year_below(inflation.loc[start_year:], threshold, sustained_years)
    return (year if status == "stabilized" else None), status


def relapse_year(inflation: pd.Series, threshold: float, after_year: int | None) -> int | None:
    """First year after ``after_year`` with inflation back at or above ``threshold`` (None if none)."""
    if after_year is None:
        return None
    later = inflation.dropna().sort_index().loc[after_year + 1:]
    high = later[later >= threshold]
    return int(high.index[0]) if len(high) else None


def growth_resumption(growth: pd.Series, start_year: int, run_length: int = 2,
                      last_recession_start: int | None = None) -> tuple[int | None, str]:
    """First year of ``run_length`` consecutive years of positive growth after the transition recession.

    The recession starts in the first year from ``start_year`` on with growth <= 0; growth has
    resumed in the first year after it that begins ``run_length`` consecutive calendar years of
    growth > 0 (a missing year breaks a run). This is
    :func:`transition.analysis.sequencing.first_sustained_year_below` applied to minus growth with a
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


def reform_order(lib_year, stab_year, stab_status: str) -> str:
    """Order of liberalization and stabilization in one country (a key of :data:`ORDER_LABELS`).

    Examples
    --------
    >>> reform_order(1992, 1995, "stabilized")
    'liberalization_first'
    >>> reform_order(None, None, "never_high")
    'no_inflation_crisis'
    """
    if stab_status == "never_high":
        return "no_inflation_crisis"
    if stab_status == "no_data":
        return "no_data"
    if stab_status == "not_stabilized" or pd.isna(stab_year):
        return "not_stabilized"
    if lib_year is None or pd.isna(lib_year):
        return "not_liberalized"
    if lib_year < stab_year:
        return "liberalization_first"
    return "same_year" if lib_year == stab_year else "stabilization_first"


def _first_year(values: pd.Series) -> int | None:
    values = values.dropna()
    return int(values.index.min()) if len(values) else None


# --- all countries -------------------------------------------------------------------------------

def study_countries(groups: list[str]) -> list[str]:
    """ISO3 codes of the study's economies in the broad ``groups``, in countries.csv order."""
    broad = countries.group_of().map(countries.BROAD_GROUP)
    return [code for code in countries.study_iso3() if broad[code] in groups]


def stabilization_table(tidy: pd.DataFrame, threshold: float = 40.0, sustained_years: int = 2,
                        peak_start_year: int = 1989, peak_end_year: int = 2000, growth_source: str = "wdi",
                        growth_run_length: int = 2, iso3: list[str] | None = None) -> pd.DataFrame:
    """Peak inflation, stabilization, growth resumption and their lag, one row per country.

    Parameters
    ----------
    tidy : DataFrame
        The tidy panel.
    threshold, sustained_years : float, int
        Stabilization = ``sustained_years`` consecutive years with inflation below ``threshold``
        after a year at or above it (:func:`stabilization_year`).
    peak_start_year, peak_end_year : int
        Window of the peak; the stabilization and growth searches start in ``peak_start_year``
        and run to the end of the data.
    growth_source : {"wdi", "weo"}
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
    if growth_source not in GROWTH_VARIABLES:
        raise ValueError(f"growth_source must be one of {sorted(GROWTH_VARIABLES)}, not {growth_source!r}")
    rates = derived.inflation(tidy)
    growth = derived.series(tidy, GROWTH_VARIABLES[growth_source])
    group = countries.group_of()
    rows = []
    for code in sorted(iso3 or countries.study_iso3()):
        own = rates[rates["iso3"] == code]
        series = own.set_index("year")["inflation"].sort_index()
        stab, status = stabilization_year(series, threshold, sustained_years, peak_start_year)
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


def liberalization_timing(tidy: pd.DataFrame, threshold: float = 3.0, index_year: int = 1992,
                          iso3: list[str] | None = None) -> pd.DataFrame:
    """When liberalization reached ``threshold``, and its level in ``index_year``, by country.

    Returns
    -------
    DataFrame with iso3, liberalization_year (first year the EBRD liberalization index reaches
    ``threshold``; NA if not by 2006) and liberalization_index (the index in ``index_year``).
    """
    lib = derived.series(tidy, AREA_VARIABLES["liberalization"])
    rows = []
    for code in sorted(iso3 or countries.study_iso3()):
        own = lib.loc[code] if code in lib.index.get_level_values("iso3") else pd.Series(dtype=float)
        rows.append({"iso3": code, "liberalization_year": first_year_reaching(own.loc[:EBRD_LAST_YEAR], threshold),
                     "liberalization_index": own.get(index_year, np.nan)})
    return pd.DataFrame(rows).astype({"liberalization_year": "Int64", "liberalization_index": "float64"})


def add_reform_order(table: pd.DataFrame, timing: pd.DataFrame) -> pd.DataFrame:
    """Merge :func:`liberalization_timing` into the stabilization table and label the order."""
    merged = table.merge(timing, on="iso3", how="left", validate="one_to_one")
    merged["order"] = [reform_order(lib, stab, status) for lib, stab, status in
                       zip(merged["liberalization_year"], merged["stabilization_year"], merged["stabilization_status"])]
    return merged


def order_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Countries per broad group and order label (a row per pair that occurs, plus an 'All' group)."""
    both = pd.concat([table, table.assign(broad_group="All")])
    counts = both.groupby(["broad_group", "order"]).size().rename("n_countries").reset_index()
    counts["share_of_group"] = counts["n_countries"] / counts.groupby("broad_group")["n_countries"].transform("sum")
    rank = {name: i for i, name in enumerate([*BROAD_GROUPS, "All"])}
    return counts.sort_values(["broad_group", "order"], key=lambda c: c.map(rank) if c.name == "broad_group" else c,
                              ignore_index=True)


# --- event study ---------------------------------------------------------------------------------

def event_panel(growth: pd.Series, events: pd.Series, before: int = 3, after: int = 5) -> pd.DataFrame:
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
    rank = {name: i for i, name in enumerate(BROAD_GROUPS)}
    summary["_rank"] = summary["group"].map(rank).fillna(len(rank))
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
    rank = {name: i for i, name in enumerate(BROAD_GROUPS)}
    table = table.sort_values(["group", "phase"], key=lambda c: c.map(rank).fillna(len(rank)) if c.name == "group"
                              else c.map({"before": 0, "event_year": 1, "after": 2}))
    return table.reset_index(drop=True)


# --- summaries -----------------------------------------------------------------------------------

def spearman(x: pd.Series, y: pd.Series) -> dict:
    """Spearman rank correlation of the pairs where both are present: rho, two-sided p, n.

    rho and p are NaN with fewer than 3 pairs or a constant variable.
    """
    from scipy import stats

    pairs = pd.concat([pd.Series(x).astype(float), pd.Series(y).astype(float)], axis=1).dropna()
    n = len(pairs)
    if n < 3 or pairs.iloc[:, 0].nunique() < 2 or pairs.iloc[:, 1].nunique() < 2:
        return {"rho": np.nan, "p": np.nan, "n": n}
    result = stats.spearmanr(pairs.iloc[:, 0], pairs.iloc[:, 1])
    return {"rho": float(result.statistic), "p": float(result.pvalue), "n": n}


def group_medians(table: pd.DataFrame, columns: list[str], by: str = "broad_group") -> pd.DataFrame:
    """Median of ``columns`` by group, with the number of non-missing values of each ('n_<column>')."""
    grouped = table.groupby(by)
    medians = grouped[columns].median()
    counts = grouped[columns].count().add_prefix("n_")
    result = pd.concat([medians, counts], axis=1).reset_index()
    rank = {name: i for i, name in enumerate(BROAD_GROUPS)}
    return result.sort_values(by, key=lambda c: c.map(rank).fillna(len(rank))).reset_index(drop=True)


# --- figures -------------------------------------------------------------------------------------

def plot_peaks(table: pd.DataFrame, threshold: float, colors: dict, window: tuple[int, int]):
    """Bar chart of peak inflation (log scale), countries grouped and coloured by broad group.

    Peaks measured by the GDP deflator (no CPI that year) are marked with a hatched bar.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    rank = {name: i for i, name in enumerate(BROAD_GROUPS)}
    data = (table.dropna(subset=["peak_inflation"])
            .assign(_rank=lambda d: d["broad_group"].map(rank))
            .sort_values(["_rank", "peak_inflation"], ascending=[True, False]).reset_index(drop=True))
    fig, ax = plt.subplots(figsize=(11, 4.8))
    for position, row in data.iterrows():
        ax.bar(position, row["peak_inflation"], color=colors.get(row["broad_group"], "0.5"), edgecolor="black",
               linewidth=0.4, hatch="///" if row["inflation_measure"] == "gdp_deflator" else None)
        ax.text(position, row["peak_inflation"] * 1.08, f"'{int(row['peak_year']) % 100:02d}",
                ha="center", va="bottom", fontsize=6.5, rotation=90)
    ax.axhline(threshold, color="0.3", linestyle="--", linewidth=1)
    ax.set_yscale("log")
    ax.set_ylim(top=data["peak_inflation"].max() * 4)
    ax.set_xticks(range(len(data)), data["iso3"], rotation=90, fontsize=8)
    ax.set_xlim(-0.7, len(data) - 0.3)
    ax.set_ylabel("peak inflation, % per year (log scale)")
    ax.set_xlabel("country (label on bar: year of the peak)")
    ax.set_title(f"Peak annual inflation {window[0]}-{window[1]}, by country group")
    handles = [Patch(facecolor=colors[g], edgecolor="black", label=g) for g in BROAD_GROUPS if g in set(data["broad_group"])]
    handles += [Patch(facecolor="white", edgecolor="black", hatch="///", label="peak measured by GDP deflator"),
                plt.Line2D([], [], color="0.3", linestyle="--", label=f"threshold {threshold:g}%")]
    ax.legend(handles=handles, fontsize=8, loc="upper right", ncol=3)
    fig.tight_layout()
    return fig


def plot_event_study(summary: pd.DataFrame, colors: dict, source_label: str):
    """Mean growth (solid) and median (dotted) by event time and group; the legend gives n per point."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5))
    for name in dict.fromkeys(summary["group"]):
        rows = summary[summary["group"] == name]
        color, n = colors.get(name, "0.5"), rows["n_countries"]
        counts = f"{n.min()}" if n.min() == n.max() else f"{n.min()}-{n.max()}"
        ax.plot(rows["event_time"], rows["mean_growth"], marker="o", color=color,
                label=f"{name}: mean ({counts} countries per point)")
        ax.plot(rows["event_time"], rows["median_growth"], linestyle=":", color=color, label=f"{name}: median")
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.axvline(0, color="0.3", linewidth=0.8, linestyle="--")
    ax.set_xticks(sorted(summary["event_time"].unique()))
    ax.set_xlabel("years since stabilization (t = 0: first year of sustained low inflation)")
    ax.set_ylabel(f"real GDP growth, % per year ({source_label})")
    ax.set_title("Real GDP growth around the stabilization year, by country group")
    ax.legend(fontsize=7.5, ncol=2, loc="lower right")
    fig.tight_layout()
    return fig


def _label_clusters(data: pd.DataFrame, x: str, y: str, x_step: float = 0.06, log_step: float = 0.06) -> list:
    """Points so close that their labels would overlap share one label: [(x, y, 'AAA/BBB'), ...].

    Greedy: each point (in iso3 order) joins the first cluster whose first point is within
    ``x_step`` on x and ``log_step`` on log10(y), else starts a new one.
    """
    clusters: list[list] = []
    for _, row in data.sort_values("iso3").iterrows():
        for members in clusters:
            first = members[0]
            if (abs(row[x] - first[x]) <= x_step
                    and abs(np.log10(row[y]) - np.log10(first[y])) <= log_step):
                members.append(row)
                break
        else:
            clusters.append([row])
    return [(members[0][x], members[0][y], "/".join(r["iso3"] for r in members)) for members in clusters]


def plot_liberalization_vs_peak(table: pd.DataFrame, colors: dict, index_year: int, rho: dict):
    """Scatter of the liberalization index in ``index_year`` against peak inflation (log), labelled."""
    import matplotlib.pyplot as plt

    data = table.dropna(subset=["liberalization_index", "peak_inflation"])
    fig, ax = plt.subplots(figsize=(8.5, 5.5))
    for name in BROAD_GROUPS:
        rows = data[data["broad_group"] == name]
        if rows.empty:
            continue
        ax.scatter(rows["liberalization_index"], rows["peak_inflation"], color=colors.get(name, "0.5"),
                   label=name, s=36, edgecolor="black", linewidth=0.4)
    labels = _label_clusters(data, "liberalization_index", "peak_inflation")
    for x, y, label in labels:
        # a label that would run into a point just to its right goes below its own point instead
        crowded = any(0 < x2 - x <= 0.35 and abs(np.log10(y2) - np.log10(y)) <= 0.06 for x2, y2, _ in labels)
        ax.annotate(label, (x, y), textcoords="offset points", xytext=(4, -10 if crowded else 3), fontsize=7)
    ax.set_yscale("log")
    ax.set_xlabel(f"EBRD liberalization index in {index_year} (1 = central planning, 4.33 = advanced market economy)")
    ax.set_ylabel("peak inflation, % per year (log scale)")
    ax.set_title(f"Early liberalization and the inflation burst (Spearman rho = {rho['rho']:.2f}, "
                 f"p = {rho['p']:.3f}, n = {rho['n']})")
    ax.legend(fontsize=8, title="group", title_fontsize=8)
    fig.tight_layout()
    return fig


# --- headline numbers ----------------------------------------------------------------------------

def headline_numbers(table: pd.DataFrame, summary: pd.DataFrame, phases: pd.DataFrame, correlations: dict,
                     groups: list[str], threshold: float, index_year: int) -> list[dict]:
    """The notebook's headline numbers as dicts (key, value, unit, description) for ``Outputs.headline``.

    Parameters
    ----------
    table : DataFrame
        :func:`stabilization_table` merged with :func:`add_reform_order`.
    summary : DataFrame
        :func:`event_summary` by broad group.
    phases : DataFrame
        :func:`window_means` by broad group.
    correlations : dict
        name → :func:`spearman` result; names "liberalization_vs_peak" (index in ``index_year``),
        "liberalization_year_vs_peak", "liberalization_vs_years_high".
    groups : list of str
        Broad groups with per-group headlines (all of them get a key, None when empty).
    threshold : float
    index_year : int
    """
    rows = []

    def add(key, value, unit, description):
        rows.append({"key": key, "value": value, "unit": unit, "description": description})

    def cell(frame, name, column, **where):
        match = frame[frame["group"] == name]
        for field, value in where.items():
            match = match[match[field] == value]
        return float(match[column].iloc[0]) if len(match) else None

    stabilized = table[table["stabilization_status"] == "stabilized"]
    compared = table[table["order"].isin(COMPARED_ORDERS)]
    add("n_countries", len(table), "countries", "Economies in the sample")
    add("n_peaks_measured_by_deflator", int((table["inflation_measure"] == "gdp_deflator").sum()), "countries",
        "Peaks measured by GDP-deflator inflation because CPI is missing in the peak year")
    add("median_peak_inflation_all", table["peak_inflation"].median(), "% per year", "Median peak inflation, all countries")
    add("n_stabilized", len(stabilized), "countries", f"Countries whose inflation fell durably below {threshold:g}% after a burst")
    add("n_never_high", int((table["stabilization_status"] == "never_high").sum()), "countries",
        f"Countries whose inflation in the data never reached {threshold:g}% (no burst to stabilize)")
    add("n_not_stabilized", int((table["stabilization_status"] == "not_stabilized").sum()), "countries",
        "Countries with a burst but no sustained stabilization in the data")
    add("n_relapsed", int(table["relapse_year"].notna().sum()), "countries",
        f"Stabilized countries whose inflation later returned to {threshold:g}% or more")
    add("median_lag_years_all", table["lag_years"].median(), "years",
        "Median of growth-resumption year minus stabilization year, all countries with both")
    add("n_growth_resumed_before_stabilization", int((table["lag_years"] < 0).sum()), "countries",
        "Countries whose growth resumed before inflation was stabilized (lag < 0)")
    add("n_growth_resumed_in_stabilization_year", int((table["lag_years"] == 0).sum()), "countries",
        "Countries whose growth resumed in the stabilization year (lag = 0)")
    add("n_growth_resumed_after_stabilization", int((table["lag_years"] > 0).sum()), "countries",
        "Countries whose growth resumed after the stabilization year (lag > 0)")
    add("n_liberalized_before_stabilized_all", int((table["order"] == "liberalization_first").sum()), "countries",
        "Countries whose liberalization index reached the EBRD threshold before the stabilization year")
    add("n_order_compared_all", len(compared), "countries",
        "Countries with a stabilization year (liberalization year known or not reached by 2006)")
    add("share_liberalized_before_stabilized_all",
        (compared["order"] == "liberalization_first").mean() if len(compared) else None, "share of countries",
        "Share of countries with a stabilization year that liberalized first")
    for name, result in correlations.items():
        what = {"liberalization_vs_peak": f"liberalization index in {index_year} vs peak inflation",
                "liberalization_year_vs_peak": "year liberalization reached the EBRD threshold vs peak inflation",
                "liberalization_vs_years_high": f"liberalization index in {index_year} vs years of high inflation"}[name]
        add(f"spearman_{name}_rho", result["rho"], "Spearman rho", f"Rank correlation, {what}")
        add(f"spearman_{name}_p", result["p"], "p-value (two-sided)", f"p-value of the rank correlation, {what}")
        add(f"spearman_{name}_n", result["n"], "countries", f"Countries in the rank correlation, {what}")
    for name in groups:
        slug, rows_g = GROUP_SLUGS[name], table[table["broad_group"] == name]
        add(f"median_peak_inflation_{slug}", rows_g["peak_inflation"].median(), "% per year",
            f"Median peak inflation, {name}")
        add(f"median_stabilization_year_{slug}", rows_g["stabilization_year"].median(), "year",
            f"Median stabilization year, {name} (countries with a burst that ended)")
        add(f"median_lag_years_{slug}", rows_g["lag_years"].median(), "years",
            f"Median lag from stabilization to growth resumption, {name}")
        add(f"n_liberalized_before_stabilized_{slug}", int((rows_g["order"] == "liberalization_first").sum()),
            "countries", f"Countries that liberalized before stabilizing, {name}")
        add(f"n_order_compared_{slug}", int(rows_g["order"].isin(COMPARED_ORDERS).sum()), "countries",
            f"Countries with a stabilization year, {name}")
        for k in (0, 2):
            add(f"mean_growth_event_t{k}_{slug}", cell(summary, name, "mean_growth", event_time=k), "% per year",
                f"Mean real GDP growth {k} years after the stabilization year, {name}")
            add(f"median_growth_event_t{k}_{slug}", cell(summary, name, "median_growth", event_time=k), "% per year",
                f"Median real GDP growth {k} years after the stabilization year, {name}")
        for phase in ("before", "after"):
            add(f"mean_growth_{phase}_stabilization_{slug}", cell(phases, name, "mean_growth", phase=phase),
                "% per year", f"Mean over countries of their mean growth in the event window {phase} stabilization, {name}")
    return rows
