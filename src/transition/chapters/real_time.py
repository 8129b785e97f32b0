"""Notebook 10 (as the essay's author saw it): display tables, figures, headline rows and findings text.

The numbers come from :mod:`transition.analysis.real_time` (the figures of the day beside today's) and
:mod:`transition.analysis.aggregates` (group aggregates weighted by output); this module shows, draws,
names and writes them up. C3's as-of-the-essay rule is the ledger's (:data:`RECOVERED_INDEX`), so that
this notebook and the ledger read the same threshold.

Examples
--------
>>> slug("Europe outside the CIS")
'europe_outside_the_cis'
"""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from transition.chapters.specs import REAL_TIME as SPEC  # noqa: F401 (the notebook's parameter spec)
from transition.claims import rules
from transition.data.vocabulary import GROUP_SLUGS
from transition.present.outputs import headline_row as _row
from transition.present.style import GROUP_COLORS
from transition.present.text import format_number

#: Registry sources: the vintages, today's growth (WDI, WEO 2019), inflation (WEO, HKO) and the weights.
SOURCES = ["imf_weo_historical_2025", "gapminder_wdi", "imf_weo_2019_04", "wb_inflation_hko", "maddison_2023"]
#: Revised growth compared, by name: its label in tables and figures.
REVISED_LABELS = {"wdi": "WDI", "weo2019": "WEO April 2019", "cpi": "CPI, screened"}
#: Groups whose aggregates are plotted.
PLOTTED_GROUPS = ("CIS", "CEE & Baltics")


def slug(name: str) -> str:
    """A headline-key form of a group name (the broad groups keep their project slugs)."""
    return GROUP_SLUGS.get(name) or re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


# --- display tables -------------------------------------------------------------------------------

def day_view(table: pd.DataFrame, editions: list[str], names: list[str]) -> pd.DataFrame:
    """Country by country: the editions of the day, today's value(s) and the revision(s), one row per iso3 and year."""
    columns = [*editions, *[c for name in names for c in (f"revised_{name}", f"revision_{name}")]]
    labels = {f"{kind}_{name}": f"{word}, {REVISED_LABELS[name]}" for name in names
              for kind, word in (("revised", "today"), ("revision", "revision"))}
    return table.set_index(["target_year", "iso3"])[columns].rename(columns=labels)


def summary_view(summary: pd.DataFrame) -> pd.DataFrame:
    """The revision summary indexed by target year and group."""
    return summary.set_index(["target_year", "broad_group"])


def aggregate_view(growth: pd.DataFrame, years, groups) -> pd.DataFrame:
    """Weighted and median growth by group (rows) and vintage and year (columns)."""
    rows = growth[growth["year"].isin(list(years)) & growth["group"].isin(list(groups))]
    wide = rows.pivot_table(index="group", columns=["vintage", "year"], values=["weighted", "median"])
    return wide.reindex([g for g in groups if g in wide.index])


# --- figures --------------------------------------------------------------------------------------

def plot_day_vs_revised(table: pd.DataFrame, name: str, variable_label: str, large: float, as_of: int):
    """Figure of the day (x) against today's (y), one point per country and year, labelled when revised a lot."""
    data = table.dropna(subset=["of_the_day", f"revised_{name}"])
    fig, ax = plt.subplots(figsize=(8, 6))
    for year, marker in zip(sorted(data["target_year"].unique()), ("o", "s", "^")):
        rows = data[data["target_year"] == year]
        ax.scatter(rows["of_the_day"], rows[f"revised_{name}"], marker=marker, s=34, edgecolor="black", linewidth=0.4,
                   c=[GROUP_COLORS.get(g, "0.5") for g in rows["broad_group"]], label=f"{year}")
        for _, row in rows[rows[f"revision_{name}"].abs() > large].iterrows():
            ax.annotate(f"{row['iso3']} {year}", (row["of_the_day"], row[f"revised_{name}"]), fontsize=8,
                        textcoords="offset points", xytext=(4, 3))
    low = float(np.nanmin(data[["of_the_day", f"revised_{name}"]].to_numpy())) - 1
    high = float(np.nanmax(data[["of_the_day", f"revised_{name}"]].to_numpy())) + 1
    ax.plot([low, high], [low, high], color="0.3", linewidth=0.8, linestyle="--", label="no revision")
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_xlabel(f"{variable_label} as published in {as_of} (WEO), %")
    ax.set_ylabel(f"{variable_label} today ({REVISED_LABELS[name]}), %")
    ax.set_title(f"{variable_label}: the figures of {as_of} and today's")
    ax.legend(title="target year (colour: group)", fontsize=8, title_fontsize=8, loc="upper left")
    fig.tight_layout()
    return fig


def plot_first_release(summary: pd.DataFrame, name: str, variable_label: str):
    """Median absolute revision of the first release (WEO, April of the next year) by target year and group."""
    fig, ax = plt.subplots(figsize=(9, 4.8))
    for group, rows in summary.groupby("broad_group", sort=False):
        if len(rows) < 2:
            continue
        ax.plot(rows["target_year"], rows["median_abs_revision"], marker="o", color=GROUP_COLORS.get(group, "0.5"),
                label=group)
    ax.set_xlabel("target year")
    ax.set_ylabel("median |today - first release|, percentage points")
    ax.set_title(f"{variable_label}: how far today's figures are from the first release ({REVISED_LABELS[name]})")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def plot_aggregates(growth: pd.DataFrame, groups=PLOTTED_GROUPS, weights_label: str = ""):
    """Group growth weighted by output (solid) and the median (dotted), today's; first releases dashed."""
    fig, ax = plt.subplots(figsize=(9, 5))
    for group in groups:
        color = GROUP_COLORS.get(group, "0.5")
        revised = growth[(growth["group"] == group) & (growth["vintage"] == "revised")]
        first = growth[(growth["group"] == group) & (growth["vintage"] == "first_release")]
        ax.plot(revised["year"], revised["weighted"], color=color, marker="o", label=f"{group}: weighted, today")
        ax.plot(revised["year"], revised["median"], color=color, linestyle=":", label=f"{group}: median, today")
        ax.plot(first["year"], first["weighted"], color=color, linestyle="--", label=f"{group}: weighted, first release")
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.set_xlabel("year")
    ax.set_ylabel("real GDP growth, % per year")
    ax.set_title(f"Group growth weighted by {weights_label}, and the median")
    ax.legend(fontsize=7.5, ncol=2, loc="lower right")
    fig.tight_layout()
    return fig


# --- headline rows --------------------------------------------------------------------------------

def revision_headlines(summary: pd.DataFrame, variable: str, name: str, large: float) -> list[dict]:
    """Per target year: countries compared, median |revision|, countries revised by more than ``large``."""
    rows = []
    for year, own in summary.groupby("target_year"):
        what = f"{variable} {year}, today ({REVISED_LABELS[name]}) vs the figures of the day"
        rows += [_row(f"n_compared_{variable}_{year}_{name}", int(own["n"].sum()), "countries", f"Countries compared, {what}"),
                 _row(f"n_large_revision_{variable}_{year}_{name}", int(own["n_large"].sum()), "countries",
                      f"Countries revised by more than {large:g} percentage points, {what}")]
        for _, group in own.iterrows():
            rows.append(_row(f"median_abs_revision_{variable}_{year}_{name}_{slug(group['broad_group'])}",
                             group["median_abs_revision"], "percentage points",
                             f"Median absolute revision, {what}, {group['broad_group']}"))
    return rows


def later_revision_headlines(later: pd.DataFrame, revised: pd.Series, variable: str, target_year: int,
                             day: str, after: str) -> list[dict]:
    """The figure of the day the next year's edition changed most, and what it is today."""
    top = later.iloc[0]
    today = revised.get((top["iso3"], target_year), np.nan)
    what = f"{variable} {target_year}"
    return [_row(f"largest_later_revision_{variable}_{target_year}_iso3", top["iso3"], "ISO3",
                 f"Country whose {what} the {after} WEO changed most from the {day} edition"),
            _row(f"largest_later_revision_{variable}_{target_year}_of_the_day", top["of_the_day"], "% per year",
                 f"Its {what} as published in the {day} WEO"),
            _row(f"largest_later_revision_{variable}_{target_year}_later", top["later"], "% per year",
                 f"Its {what} as published in the {after} WEO"),
            _row(f"largest_later_revision_{variable}_{target_year}_today", today, "% per year", f"Its {what} today")]


def group_growth_headlines(growth: pd.DataFrame, years, groups) -> list[dict]:
    """Weighted and median growth of each group and year, today's and of the day (when present)."""
    rows = []
    for _, row in growth[growth["year"].isin(list(years)) & growth["group"].isin(list(groups))].iterrows():
        for stat in ("weighted", "median"):
            rows.append(_row(f"{stat}_growth_{int(row['year'])}_{slug(row['group'])}_{row['vintage']}", row[stat],
                             "% per year", f"Real GDP growth {int(row['year'])}, {row['group']}, "
                                           f"{'weighted by output' if stat == 'weighted' else 'median'}, {row['vintage']}"))
    return rows


def c3_headlines(reading: pd.DataFrame, level_year: int, window: tuple[int, int]) -> list[dict]:
    """C3's medians, their difference with its interval and the ledger's gap verdict, with today's growth and
    with the growth of the day."""
    rows = []
    for which, label in (("revised", "today's growth"), ("of_the_day", "the growth of the day")):
        r = reading.loc[which]
        gap = rules.c3_gap(r["difference"], r["difference_low"], r["difference_high"])
        rows += [_row(f"c3_median_gdp_index_{level_year}_rich_cis_{which}", r["median_index_rich"], "index",
                      f"Median real GDP index {level_year} of the resource-rich CIS, with {label} in {level_year}"),
                 _row(f"c3_median_gdp_index_{level_year}_poor_east_{which}", r["median_index_poor"], "index",
                      f"Median real GDP index {level_year} of resource-poor Eastern Europe (notebook 05's definition), with {label}"),
                 *[_row(f"c3_difference_gdp_index_{level_year}{suffix}_{which}", r[f"difference{suffix}"], "index points",
                        f"Resource-rich CIS minus resource-poor Eastern Europe, median index {level_year}{what}, with {label}")
                   for suffix, what in (("", ""), ("_low", ": lower bound of the 90% interval"),
                                        ("_high", ": upper bound of the 90% interval"))],
                 _row(f"c3_median_growth_{window[0]}_{window[1]}_rich_cis_{which}", r["median_growth_rich"], "% per year",
                      f"Median compound growth {window[0]}-{window[1]} of the resource-rich CIS, with {label}"),
                 _row(f"c3_median_growth_{window[0]}_{window[1]}_poor_east_{which}", r["median_growth_poor"], "% per year",
                      f"Median compound growth {window[0]}-{window[1]} of resource-poor Eastern Europe, with {label}"),
                 _row(f"c3_gap_holds_{which}", None if gap is None else int(gap), "1 = yes, 0 = no, None = cannot tell",
                      f"C3's gap by the ledger's rule (the difference's interval below zero), with {label}")]
    return rows


def stabilization_headlines(before: pd.DataFrame, after: pd.DataFrame, changes: pd.DataFrame, as_of: int) -> list[dict]:
    """Notebook 03's stabilization table observed to ``as_of``: statuses with today's inflation and with that of the day."""
    count = {name: int((table["stabilization_status"] == "stabilized").sum()) for name, table in
             (("revised", before), ("of_the_day", after))}
    return [_row("n_stabilized_revised", count["revised"], "countries",
                 f"Countries stabilized by {as_of} (notebook 03's rule) with today's inflation"),
            _row("n_stabilized_of_the_day", count["of_the_day"], "countries",
                 f"Countries stabilized by {as_of} with the inflation of the day for the two years before"),
            _row("n_stabilization_rows_changed", int(changes["iso3"].nunique()), "countries",
                 "Countries whose stabilization year, status, relapse or peak changes with the inflation of the day")]


# --- findings -------------------------------------------------------------------------------------

def _f(value, digits=1) -> str:
    return format_number(value, digits)


def findings_text(h: dict, *, as_of: int, years: list[int], large: float, level_year: int) -> str:
    """The notebook's Findings as Markdown, from its headline values (key → value)."""
    first, last = years
    emerging = (f"median growth {first}-{last} as published then: CIS {_f(h[f'median_growth_{last}_cis_of_the_day'])}% "
                f"in {last} ({_f(h[f'median_growth_{first}_cis_of_the_day'])}% in {first}), Central Europe & Baltics "
                f"{_f(h[f'median_growth_{last}_cee_baltics_of_the_day'])}% ({_f(h[f'median_growth_{first}_cee_baltics_of_the_day'])}%); "
                f"today: CIS {_f(h[f'median_growth_{last}_cis_revised'])}% ({_f(h[f'median_growth_{first}_cis_revised'])}%), "
                f"Central Europe & Baltics {_f(h[f'median_growth_{last}_cee_baltics_revised'])}% "
                f"({_f(h[f'median_growth_{first}_cee_baltics_revised'])}%)")
    gap = {w: {1: "holds", 0: "does not hold"}.get(h[f"c3_gap_holds_{w}"], "cannot be told")
           for w in ("revised", "of_the_day")}
    iso3, variable = h[f"largest_later_revision_inflation_{last}_iso3"], "inflation"
    return f"""
- **Growth, {first}-{last}.** Of {h[f'n_compared_growth_{last}_wdi']} economies, {h[f'n_large_revision_growth_{last}_wdi']} have a
  {last} growth rate today (WDI) more than {large:g} points from the one the WEO published in {as_of}
  ({h[f'n_large_revision_growth_{last}_weo2019']} against the WEO's own April 2019 figures); in {first}:
  {h[f'n_large_revision_growth_{first}_wdi']} ({h[f'n_large_revision_growth_{first}_weo2019']}). The median absolute revision
  is {_f(h[f'median_abs_revision_growth_{last}_wdi_cis'], 2)} points in the CIS and
  {_f(h[f'median_abs_revision_growth_{last}_wdi_cee_baltics'], 2)} in Central Europe & Baltics ({last}).
- **Inflation.** {h[f'n_large_revision_inflation_{last}_cpi']} economies' {last} inflation is more than {large:g} points from the
  figure of the day. The largest change a year later: {iso3}'s {last} {variable}, {_f(h[f'largest_later_revision_inflation_{last}_of_the_day'])}%
  as published in {as_of}, {_f(h[f'largest_later_revision_inflation_{last}_later'])}% a year later,
  {_f(h[f'largest_later_revision_inflation_{last}_today'])}% today.
- **Was the CIS only emerging while Eastern Europe grew (C3)?** The {emerging}. Weighted by output, CIS growth
  in {last} was {_f(h[f'weighted_growth_{last}_cis_of_the_day'])}% as published then and {_f(h[f'weighted_growth_{last}_cis_revised'])}% today.
- **C3's level outcome as of the essay.** With the growth of the day for {level_year}, the median real GDP index of the resource-rich
  CIS is {_f(h[f'c3_median_gdp_index_{level_year}_rich_cis_of_the_day'])} (today's growth: {_f(h[f'c3_median_gdp_index_{level_year}_rich_cis_revised'])})
  and that of resource-poor Eastern Europe {_f(h[f'c3_median_gdp_index_{level_year}_poor_east_of_the_day'])}
  ({_f(h[f'c3_median_gdp_index_{level_year}_poor_east_revised'])}); the difference's 90% interval is
  [{_f(h[f'c3_difference_gdp_index_{level_year}_low_of_the_day'])}, {_f(h[f'c3_difference_gdp_index_{level_year}_high_of_the_day'])}]
  ([{_f(h[f'c3_difference_gdp_index_{level_year}_low_revised'])}, {_f(h[f'c3_difference_gdp_index_{level_year}_high_revised'])}]):
  the gap by the ledger's rule {gap['of_the_day']} with the figures of the day and {gap['revised']} with today's.
- **Stabilization as of {as_of} (notebook 03).** With the inflation of the day, {h['n_stabilized_of_the_day']} countries are stabilized
  ({h['n_stabilized_revised']} with today's); {h['n_stabilization_rows_changed']} countries' dates or statuses change.
"""
