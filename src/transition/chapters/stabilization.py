"""Notebook 03 (stabilization): its display tables, figures, headline rows and findings text.

The numbers come from :mod:`transition.analysis.stabilization`; this module only shows, draws,
names and writes them up. Figures are returned, not saved (the notebook saves them with
``Outputs.figure``, which adds the source note and translates the texts); headline rows are dicts
for ``Outputs.headline``; :func:`findings_text` returns the Findings as Markdown.

Examples
--------
>>> ORDER_LABELS["liberalization_first"]
'liberalized before stabilizing'
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from transition.analysis.groups import BROAD_GROUPS, group_rank
from transition.analysis.stabilization import COMPARED_ORDERS
from transition.chapters.specs import STABILIZATION as SPEC  # noqa: F401 (the notebook's parameter spec)
from transition.data.vocabulary import EBRD_LAST_YEAR, GROUP_SLUGS
from transition.present.axes import plain_log_axis
from transition.present.outputs import headline_row as _row
from transition.present.style import GROUP_COLORS
from transition.present.text import format_number

#: Registry sources of the figures: inflation and growth; the liberalization figure adds the EBRD's.
SOURCES = ["imf_weo_2019_04", "gapminder_wdi"]
EBRD_SOURCES = ["ebrd_transition_indicators", *SOURCES]
#: How liberalization and stabilization are ordered in a country (``timing.STEP_ORDERS``, claim C1's first step).
ORDER_LABELS = {
    "liberalization_first": "liberalized before stabilizing",
    "same_year": "same year",
    "stabilization_first": "stabilized before liberalizing",
    "no_inflation_crisis": "inflation never reached the threshold",
    "not_stabilized": "not stabilized in the data",
    "not_liberalized": f"liberalization threshold not reached by {EBRD_LAST_YEAR}",
    "no_data": "no data",
}
#: Columns of the stabilization status table printed in the notebook.
STATUS_COLUMNS = ["iso3", "broad_group", "peak_year", "stabilization_year", "stabilization_status", "relapse_year",
                  "inflation_first_year"]


# --- display tables -------------------------------------------------------------------------------

def deflator_peaks(table: pd.DataFrame) -> str:
    """'peaks measured by the GDP deflator: AAA, BBB' (the peaks where CPI is missing)."""
    return "peaks measured by the GDP deflator: " + ", ".join(table.loc[table["inflation_measure"] == "gdp_deflator", "iso3"])


def lag_counts(table: pd.DataFrame) -> str:
    """Countries with growth resuming before, in and after the stabilization year, as one line."""
    lag = table["lag_years"]
    return f"lag < 0 / = 0 / > 0: {(lag < 0).sum()} {(lag == 0).sum()} {(lag > 0).sum()}"


def event_views(summary: pd.DataFrame, phases: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mean growth by event time (rows) and group (columns); group means before, in and after the event."""
    order = list(dict.fromkeys(summary["group"]))
    by_time = summary.pivot(index="event_time", columns="group", values="mean_growth")[order]
    by_phase = phases.pivot(index="group", columns="phase", values="mean_growth").loc[order, ["before", "event_year", "after"]]
    return by_time, by_phase


def correlation_view(correlations: dict) -> pd.DataFrame:
    """The rank correlations (name → rho, p, n) as a table, one row per correlation."""
    return pd.DataFrame(correlations).T.astype({"n": int})


def order_counts_view(orders: pd.DataFrame) -> pd.DataFrame:
    """Countries per order (rows) and broad group (columns, then All), zeros filled."""
    return orders.pivot(index="order", columns="broad_group", values="n_countries")[
        list(dict.fromkeys(orders["broad_group"]))].fillna(0).astype(int)


def programme_view(screened: pd.DataFrame) -> pd.DataFrame:
    """Every programme of the table with the screen's verdict, indexed by country and date."""
    return screened.set_index(["iso3", "programme_date"])[["role", "verdict", "first_year_below"]]


def comparison_view(comparison: pd.DataFrame) -> pd.DataFrame:
    """Programme year beside the outcome year and the return of growth, countries with a programme."""
    columns = ["broad_group", "programme_year", "stabilization_year", "years_programme_to_outcome",
               "growth_resumption_year", "lag_years_programme", "lag_years_outcome"]
    return comparison.dropna(subset=["programme_year"]).set_index("iso3")[columns]


def inflation_aggregate_view(aggregate: pd.DataFrame, years) -> pd.DataFrame:
    """Weighted and median inflation by year (rows) and group (columns)."""
    rows = aggregate[aggregate["year"].isin(list(years))]
    wide = rows.pivot(index="year", columns="group", values=["weighted", "median"])
    order = [g for g in dict.fromkeys(aggregate["group"])]
    return wide.reindex(columns=[(stat, g) for stat in ("weighted", "median") for g in order if (stat, g) in wide.columns])


# --- figures --------------------------------------------------------------------------------------

def plot_peaks(table: pd.DataFrame, threshold: float, window: tuple[int, int], colors: dict = GROUP_COLORS):
    """Bar chart of peak inflation (log scale), countries grouped and coloured by broad group.

    Peaks measured by the GDP deflator (no CPI that year) are marked with a hatched bar.
    """
    data = (table.dropna(subset=["peak_inflation"])
            .assign(_rank=lambda d: group_rank(d["broad_group"], BROAD_GROUPS))
            .sort_values(["_rank", "peak_inflation"], ascending=[True, False]).reset_index(drop=True))
    fig, ax = plt.subplots(figsize=(11, 4.8))
    for position, row in data.iterrows():
        ax.bar(position, row["peak_inflation"], color=colors.get(row["broad_group"], "0.5"), edgecolor="black",
               linewidth=0.4, hatch="///" if row["inflation_measure"] == "gdp_deflator" else None)
        ax.text(position, row["peak_inflation"] * 1.08, f"'{int(row['peak_year']) % 100:02d}",
                ha="center", va="bottom", fontsize=8, rotation=90)
    ax.axhline(threshold, color="0.3", linestyle="--", linewidth=1)
    ax.set_yscale("log")
    plain_log_axis(ax.yaxis)
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


#: Axis label and title of the event study, by dating of the event (outcome: notebook 03's rule; programme: policy).
EVENT_TEXTS = {
    "outcome": ("years since stabilization (t = 0: first year of sustained low inflation)",
                "Real GDP growth around the stabilization year, by country group"),
    "programme": ("years since the stabilization programme (t = 0: the programme's year)",
                  "Real GDP growth around the stabilization programme, by country group"),
}


def plot_event_study(summary: pd.DataFrame, source_label: str, colors: dict = GROUP_COLORS, dating: str = "outcome"):
    """Mean growth (solid) and median (dotted) by event time and group; the legend gives n per point.

    ``dating``: a key of :data:`EVENT_TEXTS` (the axis label and title say how t = 0 is dated)."""
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
    xlabel, title = EVENT_TEXTS[dating]
    ax.set_xlabel(xlabel)
    ax.set_ylabel(f"real GDP growth, % per year ({source_label})")
    ax.set_title(title)
    ax.legend(fontsize=8, ncol=2, loc="lower right")
    fig.tight_layout()
    return fig


def label_clusters(data: pd.DataFrame, x: str, y: str, x_step: float = 0.06, log_step: float = 0.06) -> list:
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


def plot_liberalization_vs_peak(table: pd.DataFrame, index_year: int, rho: dict, colors: dict = GROUP_COLORS):
    """Scatter of the liberalization index in ``index_year`` against peak inflation (log), labelled."""
    data = table.dropna(subset=["liberalization_index", "peak_inflation"])
    fig, ax = plt.subplots(figsize=(8.5, 5.5))
    for name in BROAD_GROUPS:
        rows = data[data["broad_group"] == name]
        if rows.empty:
            continue
        ax.scatter(rows["liberalization_index"], rows["peak_inflation"], color=colors.get(name, "0.5"),
                   label=name, s=36, edgecolor="black", linewidth=0.4)
    labels = label_clusters(data, "liberalization_index", "peak_inflation")
    for x, y, label in labels:
        # a label that would run into a point just to its right goes below its own point instead
        crowded = any(0 < x2 - x <= 0.35 and abs(np.log10(y2) - np.log10(y)) <= 0.06 for x2, y2, _ in labels)
        ax.annotate(label, (x, y), textcoords="offset points", xytext=(4, -10 if crowded else 3), fontsize=8)
    ax.set_yscale("log")
    plain_log_axis(ax.yaxis)
    ax.set_xlabel(f"EBRD liberalization index in {index_year} (1 = central planning, 4.33 = advanced market economy)")
    ax.set_ylabel("peak inflation, % per year (log scale)")
    ax.set_title(f"Early liberalization and the inflation burst (Spearman rho = {rho['rho']:.2f}, "
                 f"p = {rho['p']:.3f}, n = {rho['n']})")
    ax.legend(fontsize=8, title="group", title_fontsize=8)
    fig.tight_layout()
    return fig


# --- headline rows --------------------------------------------------------------------------------

def _cell(frame: pd.DataFrame, name: str, column: str, **where):
    match = frame[frame["group"] == name]
    for field, value in where.items():
        match = match[match[field] == value]
    return float(match[column].iloc[0]) if len(match) else None


def overall_headlines(table: pd.DataFrame, threshold: float) -> list[dict]:
    """Counts over all countries: peaks, stabilization statuses, lags and the order of the two steps."""
    stabilized = table[table["stabilization_status"] == "stabilized"]
    compared = table[table["order"].isin(COMPARED_ORDERS)]
    lag, status = table["lag_years"], table["stabilization_status"]
    return [
        _row("n_countries", len(table), "countries", "Economies in the sample"),
        _row("n_peaks_measured_by_deflator", int((table["inflation_measure"] == "gdp_deflator").sum()), "countries",
             "Peaks measured by GDP-deflator inflation because CPI is missing in the peak year"),
        _row("median_peak_inflation_all", table["peak_inflation"].median(), "% per year", "Median peak inflation, all countries"),
        _row("n_stabilized", len(stabilized), "countries",
             f"Countries whose inflation fell durably below {threshold:g}% after a burst"),
        _row("n_never_high", int((status == "never_high").sum()), "countries",
             f"Countries whose inflation in the data never reached {threshold:g}% (no burst to stabilize)"),
        _row("n_not_stabilized", int((status == "not_stabilized").sum()), "countries",
             "Countries with a burst but no sustained stabilization in the data"),
        _row("n_relapsed", int(table["relapse_year"].notna().sum()), "countries",
             f"Stabilized countries whose inflation later returned to {threshold:g}% or more"),
        _row("median_lag_years_all", lag.median(), "years",
             "Median of growth-resumption year minus stabilization year, all countries with both"),
        _row("n_growth_resumed_before_stabilization", int((lag < 0).sum()), "countries",
             "Countries whose growth resumed before inflation was stabilized (lag < 0)"),
        _row("n_growth_resumed_in_stabilization_year", int((lag == 0).sum()), "countries",
             "Countries whose growth resumed in the stabilization year (lag = 0)"),
        _row("n_growth_resumed_after_stabilization", int((lag > 0).sum()), "countries",
             "Countries whose growth resumed after the stabilization year (lag > 0)"),
        _row("n_liberalized_before_stabilized_all", int((table["order"] == "liberalization_first").sum()), "countries",
             "Countries whose liberalization index reached the EBRD threshold before the stabilization year"),
        _row("n_order_compared_all", len(compared), "countries",
             f"Countries with a stabilization year (liberalization year known or not reached by {EBRD_LAST_YEAR})"),
        _row("share_liberalized_before_stabilized_all",
             (compared["order"] == "liberalization_first").mean() if len(compared) else None, "share of countries",
             "Share of countries with a stabilization year that liberalized first"),
    ]


def correlation_headlines(correlations: dict, index_year: int) -> list[dict]:
    """rho, p and n of each rank correlation (names as in ``analysis.stabilization.correlations``)."""
    rows = []
    for name, result in correlations.items():
        what = {"liberalization_vs_peak": f"liberalization index in {index_year} vs peak inflation",
                "liberalization_year_vs_peak": "year liberalization reached the EBRD threshold vs peak inflation",
                "liberalization_vs_years_high": f"liberalization index in {index_year} vs years of high inflation"}[name]
        rows += [_row(f"spearman_{name}_rho", result["rho"], "Spearman rho", f"Rank correlation, {what}"),
                 _row(f"spearman_{name}_p", result["p"], "p-value (two-sided)", f"p-value of the rank correlation, {what}"),
                 _row(f"spearman_{name}_n", result["n"], "countries", f"Countries in the rank correlation, {what}")]
    return rows


def group_headlines(table: pd.DataFrame, summary: pd.DataFrame, phases: pd.DataFrame, name: str) -> list[dict]:
    """Medians, order counts and event-study growth of one broad group (a key for every group, None when empty)."""
    slug, rows_g = GROUP_SLUGS[name], table[table["broad_group"] == name]
    rows = [
        _row(f"median_peak_inflation_{slug}", rows_g["peak_inflation"].median(), "% per year",
             f"Median peak inflation, {name}"),
        _row(f"median_stabilization_year_{slug}", rows_g["stabilization_year"].median(), "year",
             f"Median stabilization year, {name} (countries with a burst that ended)"),
        _row(f"median_lag_years_{slug}", rows_g["lag_years"].median(), "years",
             f"Median lag from stabilization to growth resumption, {name}"),
        _row(f"n_liberalized_before_stabilized_{slug}", int((rows_g["order"] == "liberalization_first").sum()),
             "countries", f"Countries that liberalized before stabilizing, {name}"),
        _row(f"n_order_compared_{slug}", int(rows_g["order"].isin(COMPARED_ORDERS).sum()), "countries",
             f"Countries with a stabilization year, {name}"),
    ]
    for k in (0, 2):
        rows += [_row(f"mean_growth_event_t{k}_{slug}", _cell(summary, name, "mean_growth", event_time=k), "% per year",
                      f"Mean real GDP growth {k} years after the stabilization year, {name}"),
                 _row(f"median_growth_event_t{k}_{slug}", _cell(summary, name, "median_growth", event_time=k),
                      "% per year", f"Median real GDP growth {k} years after the stabilization year, {name}")]
    for phase in ("before", "after"):
        rows.append(_row(f"mean_growth_{phase}_stabilization_{slug}", _cell(phases, name, "mean_growth", phase=phase),
                         "% per year",
                         f"Mean over countries of their mean growth in the event window {phase} stabilization, {name}"))
    return rows


def programme_headlines(comparison: pd.DataFrame, lags: pd.DataFrame, screened: pd.DataFrame, summary: pd.DataFrame,
                        phases: pd.DataFrame, groups: list[str]) -> list[dict]:
    """Stabilization dated by policy: programmes screened and chosen, years to the outcome, lags to growth."""
    lag = comparison["lag_years_programme"]
    rows = [
        _row("n_programmes_listed", len(screened), "programmes", "Programmes in data/stabilization_programmes.csv (observed years)"),
        _row("n_programmes_without_disinflation", int((~screened["passes"]).sum()), "programmes",
             "Programmes not followed by disinflation (the screen), left aside"),
        _row("n_countries_programme_dated", int(comparison["programme_year"].notna().sum()), "countries",
             "Countries whose stabilization is dated by a programme that passed the screen"),
        _row("n_growth_resumed_before_programme", int((lag < 0).sum()), "countries",
             "Countries whose growth resumed before the programme year"),
        _row("n_growth_resumed_in_programme_year", int((lag == 0).sum()), "countries",
             "Countries whose growth resumed in the programme year"),
        _row("n_growth_resumed_after_programme", int((lag > 0).sum()), "countries",
             "Countries whose growth resumed after the programme year"),
    ]
    for _, row in lags.iterrows():
        slug = "all" if row["broad_group"] == "All" else GROUP_SLUGS[row["broad_group"]]
        if row["broad_group"] != "All" and row["broad_group"] not in groups:
            continue
        rows += [_row(f"median_lag_years_programme_{slug}", row["median_lag_years_programme"], "years",
                      f"Median lag from the stabilization programme's year to growth resumption, {row['broad_group']}"),
                 _row(f"median_years_programme_to_outcome_{slug}", row["median_years_programme_to_outcome"], "years",
                      f"Median years from the programme to the outcome-dated stabilization, {row['broad_group']}"),
                 _row(f"median_lag_years_outcome_programme_countries_{slug}", row["median_lag_years_outcome_same_countries"],
                      "years", f"Median lag from the outcome-dated stabilization to growth, the same countries, {row['broad_group']}"),
                 _row(f"n_programme_lags_{slug}", int(row["n_with_lag"]), "countries",
                      f"Countries with a programme year and a growth-resumption year, {row['broad_group']}")]
    for name in groups:
        slug = GROUP_SLUGS[name]
        for k in (0, 2):
            rows.append(_row(f"mean_growth_programme_t{k}_{slug}", _cell(summary, name, "mean_growth", event_time=k),
                             "% per year", f"Mean real GDP growth {k} years after the programme year, {name}"))
        rows.append(_row(f"mean_growth_after_programme_{slug}", _cell(phases, name, "mean_growth", phase="after"),
                         "% per year", f"Mean over countries of their mean growth after the programme year, {name}"))
    return rows


def inflation_aggregate_headlines(aggregate: pd.DataFrame, groups: list[str]) -> list[dict]:
    """Per group: the highest weighted annual inflation, its year, and the median of that year."""
    rows = []
    for name in groups:
        own = aggregate[aggregate["group"] == name].dropna(subset=["weighted"])
        if own.empty:
            continue
        top = own.loc[own["weighted"].idxmax()]
        slug = GROUP_SLUGS[name]
        rows += [_row(f"peak_weighted_inflation_{slug}", top["weighted"], "% per year",
                      f"Highest annual inflation of {name} weighted by output (the literature's aggregate)"),
                 _row(f"peak_weighted_inflation_year_{slug}", int(top["year"]), "year",
                      f"Year of the highest output-weighted inflation, {name}"),
                 _row(f"median_inflation_in_weighted_peak_year_{slug}", top["median"], "% per year",
                      f"Median inflation of {name} in that year")]
    return rows


def headline_rows(table: pd.DataFrame, summary: pd.DataFrame, phases: pd.DataFrame, correlations: dict,
                  groups: list[str], threshold: float, index_year: int) -> list[dict]:
    """The notebook's headline numbers as dicts (key, value, unit, description) for ``Outputs.headline``.

    ``table``: the stabilization table with the order of the steps (``add_step_order``); ``summary`` and
    ``phases``: ``event_summary`` and ``window_means`` by broad group; ``correlations``: name →
    ``spearman`` result; ``groups``: broad groups with per-group headlines.
    """
    rows = overall_headlines(table, threshold) + correlation_headlines(correlations, index_year)
    for name in groups:
        rows += group_headlines(table, summary, phases, name)
    return rows


# --- findings -------------------------------------------------------------------------------------

def findings_text(headlines: list[dict], table: pd.DataFrame, correlations: dict, groups: list[str], *,
                  inflation_threshold: float, sustained_years: int, peak_start_year: int, peak_end_year: int,
                  ebrd_threshold: float, liberalization_index_year: int) -> str:
    """The notebook's Findings (C1's first step; context for C2, C3) as Markdown, from its headline rows."""
    h = {row["key"]: row["value"] for row in headlines}

    def by_group(prefix, digits=0, unit=""):
        text = {g: format_number(h[f"{prefix}_{GROUP_SLUGS[g]}"], digits) for g in groups}
        text = {g: (t.replace(",", "") if "year" in prefix else t) for g, t in text.items()}
        return "; ".join(f"{g} {text[g]}{unit}" for g in groups)

    def iso_list(order):
        return ", ".join(table.loc[table["order"] == order, "iso3"]) or "none"

    share, rho = h["share_liberalized_before_stabilized_all"], correlations["liberalization_vs_peak"]
    policy, weighted = _policy_paragraph(h), _weighted_paragraph(h, groups)
    gap_text = ""
    if {"CIS", "CEE & Baltics"} <= set(groups):
        gap = h["median_stabilization_year_cis"] - h["median_stabilization_year_cee_baltics"]
        gap_text = f" The CIS median stabilization year is {format_number(gap, 0)} years after that of Central Europe and the Baltics."
    return f"""
- **The burst.** Median peak inflation in {peak_start_year}–{peak_end_year}: {by_group("median_peak_inflation", 0, "%")}.
  {h["n_peaks_measured_by_deflator"]} of {h["n_countries"]} peaks are measured by the GDP deflator because CPI is missing in the peak year.
- **Stabilization** (inflation below {inflation_threshold:g}% for {sustained_years} consecutive years): {h["n_stabilized"]} countries
  stabilized (median year: {by_group("median_stabilization_year")}); {h["n_never_high"]} never reached {inflation_threshold:g}% in the data
  ({iso_list("no_inflation_crisis")}); {h["n_not_stabilized"]} did not stabilize; {h["n_relapsed"]} later relapsed.{gap_text}
- **Order of the steps (C1).** Of {h["n_order_compared_all"]} countries with a stabilization year, {h["n_liberalized_before_stabilized_all"]}
  ({format_number(100 * share, 0)}%, {"a majority" if share > 0.5 else "not a majority"}) had liberalized (EBRD index ≥ {ebrd_threshold:g}) before;
  same year: {iso_list("same_year")}; stabilization first: {iso_list("stabilization_first")}; threshold never reached by {EBRD_LAST_YEAR}: {iso_list("not_liberalized")}.
- **Growth.** Median lag from stabilization to growth resumption: {format_number(h["median_lag_years_all"], 0)} years
  (by group: {by_group("median_lag_years")}); growth resumed before stabilization in {h["n_growth_resumed_before_stabilization"]} countries,
  in the same year in {h["n_growth_resumed_in_stabilization_year"]}, later in {h["n_growth_resumed_after_stabilization"]}
  (Fischer, Sahay & Végh 1996 report about two years, counted from the start of a stabilization programme; see section 4).
  Mean growth in the stabilization year: {by_group("mean_growth_event_t0", 1, "%")}; two years later: {by_group("mean_growth_event_t2", 1, "%")}.
{policy}{weighted}- **Early liberalization and the burst.** Spearman rho between the liberalization index in {liberalization_index_year} and peak inflation:
  {format_number(rho["rho"], 2)} (p = {format_number(rho["p"], 4)}, n = {rho["n"]}) — countries that had liberalized more by then had
  {"smaller" if rho["rho"] < 0 else "larger"} peaks.
"""


def _policy_paragraph(h: dict) -> str:
    """The Findings' bullet on stabilization dated by policy (empty without :func:`programme_headlines`)."""
    if "n_countries_programme_dated" not in h:
        return ""
    return f"""- **Dated by policy.** {h["n_countries_programme_dated"]} countries have a stabilization programme followed by disinflation
  ({h["n_programmes_without_disinflation"]} of {h["n_programmes_listed"]} programmes listed were not and are left aside). From the programme's
  year, growth resumed after a median of {format_number(h["median_lag_years_programme_all"], 1)} years
  ({h["n_growth_resumed_before_programme"]} before, {h["n_growth_resumed_in_programme_year"]} in the year, {h["n_growth_resumed_after_programme"]} after),
  against {format_number(h["median_lag_years_outcome_programme_countries_all"], 1)} from the outcome-dated stabilization in the same countries;
  the outcome comes a median of {format_number(h["median_years_programme_to_outcome_all"], 1)} years after the programme.
"""


def _weighted_paragraph(h: dict, groups: list[str]) -> str:
    """The Findings' bullet on output-weighted inflation (empty without :func:`inflation_aggregate_headlines`)."""
    parts = [f"{g} {format_number(h[f'peak_weighted_inflation_{GROUP_SLUGS[g]}'], 0)}% in "
             f"{int(h[f'peak_weighted_inflation_year_{GROUP_SLUGS[g]}'])} (median that year "
             f"{format_number(h[f'median_inflation_in_weighted_peak_year_{GROUP_SLUGS[g]}'], 0)}%)"
             for g in groups if f"peak_weighted_inflation_{GROUP_SLUGS[g]}" in h]
    if not parts:
        return ""
    return f"- **Weighted inflation.** Weighted by output, as the literature aggregates it, inflation peaked at {'; '.join(parts)}.\n"
