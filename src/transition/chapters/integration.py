"""Chapter 07 (regional integration, claims C8-C10): figures, headline rows, findings text.

The computation is in :mod:`transition.analysis.integration` and :mod:`transition.data.blocs`;
this module draws it, names its headline numbers and writes the Findings from them, judging
with the claims ledger's thresholds (:data:`~transition.claims.ledger.C9_CORE_SHARE`,
:data:`~transition.claims.ledger.C9_REFORM_STEP`) so that the notebook and the ledger never disagree.
"""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from transition.analysis import groups as bootstrap
from transition.analysis import integration
from transition.analysis.integration import PRE_CRISIS_YEAR, duration_summary, share
from transition.chapters.specs import INTEGRATION as SPEC  # noqa: F401 (the notebook's spec)
from transition.claims.ledger import (
    C9_CORE_SHARE,
    C9_REFORM_STEP,
    C10_LONG_YEARS,
    C10_SHORT_YEARS,
)
from transition.data.blocs import members
from transition.data.vocabulary import EBRD_LAST_YEAR, ESSAY_YEAR, GDP_MEASURES
from transition.present.labels import translate
from transition.present.outputs import headline_row as _headline
from transition.present.outputs import interval_rows
from transition.present.style import GROUP_COLORS
from transition.present.text import format_number

#: Short display names.
BLOC_LABELS = {"CIS": "CIS", "CAEC": "CAEC (Central Asian Union)", "CU1995": "Customs Union 1995",
               "GUAM": "GUAM", "UNION_STATE": "Union State", "EURASEC": "EurAsEC", "CACO": "CACO",
               "CU2010": "Customs Union 2010", "EAEU": "EAEU", "EU": "EU", "WTO": "WTO",
               "SES2003": "Single Economic Space 2003", "SES2012": "Single Economic Space 2012",
               "CISFTA": "CIS free trade area"}
BLOC_COLORS = {"CIS": "#641e16", "CAEC": "#e67e22", "CU1995": "#a569bd", "GUAM": "#2e86c1",
               "UNION_STATE": "#34495e", "EURASEC": "#e74c3c", "CACO": "#b7950b", "CU2010": "#16a085",
               "EAEU": "#c2185b", "EU": "#1e8449", "WTO": "#7f8c8d", "SES2003": "#5dade2", "SES2012": "#0e6655",
               "CISFTA": "#d4ac0d"}
GROUP_STYLE = {"EAEU": (GROUP_COLORS["CIS"], "-"), "CIS outside EAEU": ("#e59866", "--"),
               "EU-2004": (GROUP_COLORS["CEE & Baltics"], "-"), "EU-2007": (GROUP_COLORS["SEE"], "-"),
               "EU-2013": (GROUP_COLORS["Mongolia"], "-")}
#: Years whose members are shown, and whose fragmentation counts are printed.
SHOWN_YEARS = (1995, ESSAY_YEAR, 2015)
FRAGMENTATION_YEARS = (1995, 1999, ESSAY_YEAR, 2006, 2010, 2015)
#: Figure source notes of the bloc file.
TIMELINE_SOURCE = "data/blocs.csv (treaties, EU, WTO; see its source column)"
FRAGMENTATION_SOURCE = "data/blocs.csv (treaties; see its source column)"
COMPARISON_SOURCES = ["ebrd_transition_indicators", "gapminder_wdi", "maddison_2023"]


def members_table(membership: pd.DataFrame, blocs, years) -> pd.DataFrame:
    """Members (space-separated ISO3) of each bloc (rows) in each year (columns)."""
    return pd.DataFrame({str(y): {b: " ".join(members(membership, b, y)) for b in blocs} for y in sorted(set(years))})


def measure_label(measure: str, short: bool = False) -> str:
    """The label of a GDP measure; ``short`` drops the parenthesis (for an axis)."""
    label = GDP_MEASURES[measure]["label"]
    return label.split(" (")[0] if short else label


# ---------------------------------------------------------------- headline rows

def group_key(name: str) -> str:
    """A group name as a headline-key fragment: 'EU-2004' → 'eu2004', 'CIS outside EAEU' → 'cis_outside_eaeu'.

    >>> group_key("EU-2004"), group_key("CIS outside EAEU")
    ('eu2004', 'cis_outside_eaeu')
    """
    return re.sub(r"[^a-z0-9]+", "_", name.lower().replace("-", "")).strip("_")


def core_share_headlines(weights: pd.DataFrame, blocs, measure: str) -> list[dict]:
    """Headlines of C9's first half: Russia's and Kazakhstan's GDP shares at the essay's time and latest.

    Only blocs in ``blocs`` give headlines. Russia: CIS, EurAsEC, Union State (essay year and
    latest), EAEU (first and latest year). Kazakhstan: CAEC (its last year), CACO (essay year),
    EurAsEC (essay year), EAEU (latest).
    """
    items = []
    for bloc in ("CIS", "EURASEC", "UNION_STATE", "EAEU"):
        if bloc not in blocs:
            continue
        name = bloc.lower()
        if bloc == "EAEU":
            rows = weights[(weights["bloc"] == bloc) & (weights["iso3"] == "RUS")]
            first = int(rows["year"].min()) if len(rows) else None
            items.append(_headline("rus_share_eaeu_first_pct", share(weights, bloc, "RUS", first)[1] if first else float("nan"),
                                   "% of bloc GDP", f"Russia's share of EAEU GDP in its first year with data ({first}; {measure})"))
        else:
            items.append(_headline(f"rus_share_{name}_{ESSAY_YEAR}_pct", share(weights, bloc, "RUS", ESSAY_YEAR)[1],
                                   "% of bloc GDP", f"Russia's share of {bloc} GDP in {ESSAY_YEAR} ({measure})"))
        year, value = share(weights, bloc, "RUS")
        items.append(_headline(f"rus_share_{name}_latest_pct", value, "% of bloc GDP",
                               f"Russia's share of {bloc} GDP in {year}, the bloc's latest year with data ({measure})"))
        items.append(_headline(f"rus_share_{name}_latest_year", year, "year", f"year of rus_share_{name}_latest_pct"))
    if "CAEC" in blocs:
        year, value = share(weights, "CAEC", "KAZ")
        items.append(_headline("kaz_share_caec_last_pct", value, "% of bloc GDP",
                               f"Kazakhstan's share of CAEC GDP in {year}, CAEC's last year with data ({measure})"))
    for bloc in ("CACO", "EURASEC"):
        if bloc in blocs:
            items.append(_headline(f"kaz_share_{bloc.lower()}_{ESSAY_YEAR}_pct", share(weights, bloc, "KAZ", ESSAY_YEAR)[1],
                                   "% of bloc GDP", f"Kazakhstan's share of {bloc} GDP in {ESSAY_YEAR} ({measure})"))
    if "EAEU" in blocs:
        year, value = share(weights, "EAEU", "KAZ")
        items.append(_headline("kaz_share_eaeu_latest_pct", value, "% of bloc GDP",
                               f"Kazakhstan's share of EAEU GDP in {year} ({measure})"))
    return items


def fragmentation_headlines(frag: pd.DataFrame, years: dict[str, int], n_countries: int) -> list[dict]:
    """Headlines of C8: blocs active, overlapping memberships, largest sub-regional bloc, per named year.

    ``years`` maps a key suffix to a year, e.g. ``{"1995": 1995, "latest": 2024}``.
    """
    items = []
    rows = frag.set_index("year")
    for suffix, year in years.items():
        row = rows.loc[year]
        items += [
            _headline(f"n_blocs_cis_{suffix}", row["n_blocs_active"], "blocs",
                      f"post-Soviet blocs with CIS members in {year} (incl. the CIS; membership on 1 July)"),
            _headline(f"n_overlapping_cis_{suffix}", row["n_overlapping"], "countries",
                      f"CIS countries in two or more sub-regional blocs in {year}"),
            _headline(f"largest_subregional_bloc_{suffix}", row["largest_subregional"], "countries",
                      f"members of the largest sub-regional bloc in {year} (of the {n_countries} CIS countries)"),
        ]
    peak = rows["n_blocs_active"]
    items.append(_headline("n_blocs_cis_peak", peak.max(), "blocs", "most post-Soviet blocs with CIS members in any year"))
    items.append(_headline("n_blocs_cis_peak_first_year", int(peak.idxmax()), "year", "first year of the peak count"))
    return items


def membership_reform_headlines(paths: pd.DataFrame, groups: dict[str, list[str]],
                                years=(2000, ESSAY_YEAR, EBRD_LAST_YEAR)) -> list[dict]:
    """Headlines of C9's second half: median EBRD average by essay-time membership group and year (the
    ledger judges the essay's time on its own year, the latest data on the last EBRD year)."""
    medians = paths.set_index(["group", "year"])["median"]
    items = []
    for year in years:
        for name, codes in groups.items():
            key = group_key(name.replace(f" {ESSAY_YEAR}", ""))
            items.append(_headline(f"ebrd_average_{year}_median_{key}_{ESSAY_YEAR}", medians.get((name, year), float("nan")),
                                   "EBRD score 1-4.33", f"median EBRD average in {year}, {name} ({' '.join(codes)})"))
    return items


def membership_reform_intervals(tidy: pd.DataFrame, groups: dict[str, list[str]],
                                years=(ESSAY_YEAR, EBRD_LAST_YEAR)) -> list[dict]:
    """Bootstrap intervals (countries resampled) of C9's comparison: the median EBRD average of the
    essay-time EurAsEC members minus that of the other CIS countries, in each of ``years``."""
    members, others = (groups[f"{name} {ESSAY_YEAR}"] for name in ("EurAsEC", "CIS outside EurAsEC"))
    scores = tidy[tidy["variable"] == "reform_ebrd_average"]
    what = f"{bootstrap.INTERVAL_LEVEL:.0%} bootstrap interval ({bootstrap.BOOTSTRAP_DRAWS} resamples of countries)"
    items = []
    for year in years:
        at = scores[scores["year"] == year].set_index("iso3")["value"]
        first, second = at.reindex(members).dropna(), at.reindex(others).dropna()
        items += interval_rows(f"ebrd_average_{year}_difference_eurasec_vs_cis_outside_{ESSAY_YEAR}",
                               bootstrap.median_difference_interval(first, second), "EBRD score points",
                               f"{what} of the median EBRD average in {year}, EurAsEC {ESSAY_YEAR} members minus "
                               f"the other CIS countries")
        items.append(_headline(f"ebrd_average_{year}_mde_eurasec_vs_cis_outside_{ESSAY_YEAR}",
                               bootstrap.minimum_detectable_difference(first, second), "EBRD score points",
                               f"smallest difference of mean EBRD averages in {year}, EurAsEC {ESSAY_YEAR} members vs the "
                               f"other CIS countries, a t-test of these group sizes detects with 80% power at 5%"))
    return items


def membership_move_headlines(moves: pd.DataFrame, year: int = EBRD_LAST_YEAR) -> list[dict]:
    """Headlines of C9 as a forecast: how many CIS states moved which way between EurAsEC 2002 and the EAEU
    2015, and the median EBRD average in ``year`` (before the moves) of the later members minus the others,
    with its bootstrap interval."""
    column, later = f"ebrd_{year}", moves["in_after"]
    items = [_headline(f"cis_{movement.replace(' ', '_')}_eaeu_2015", int((moves["movement"] == movement).sum()),
                       "countries", f"CIS states that {movement} between EurAsEC {ESSAY_YEAR} and the EAEU of 2015 "
                       f"({' '.join(moves.loc[moves['movement'] == movement, 'iso3'])})")
             for movement in integration.MOVEMENTS]
    first, second = moves.loc[later, column].dropna(), moves.loc[~later, column].dropna()
    what = f"{bootstrap.INTERVAL_LEVEL:.0%} bootstrap interval ({bootstrap.BOOTSTRAP_DRAWS} resamples of countries)"
    key = f"ebrd_average_{year}_difference_eaeu_2015_vs_cis_outside"
    items.append(_headline(key, float(first.median() - second.median()), "EBRD score points",
                           f"median EBRD average in {year}, EAEU 2015 members minus the other CIS countries"))
    span = bootstrap.median_difference_interval(first, second) if len(first) and len(second) else (float("nan"),) * 2
    items += interval_rows(key, span, "EBRD score points",
                           f"{what} of the median EBRD average in {year}, EAEU 2015 members minus the other CIS countries")
    items.append(_headline(f"ebrd_average_{year}_mde_eaeu_2015_vs_cis_outside", bootstrap.minimum_detectable_difference(first, second),
                           "EBRD score points", f"smallest difference of mean EBRD averages in {year}, EAEU 2015 members vs "
                           "the other CIS countries, detectable with 80% power at 5%"))
    for movement in ("moved toward", "moved away"):
        chosen = moves.loc[moves["movement"] == movement, column].dropna()
        items.append(_headline(f"ebrd_average_{year}_median_{movement.replace(' ', '_')}_eaeu_2015",
                               float(chosen.median()) if len(chosen) else float("nan"), "EBRD score 1-4.33",
                               f"median EBRD average in {year} of the CIS states that {movement}"))
    return items


def measure_share_headlines(by_measure: pd.DataFrame, measure: str = "ppp_pwt", year: int = ESSAY_YEAR) -> list[dict]:
    """C9's core shares in another GDP measure (PWT PPP by default) beside the weights' own: Russia's share of
    CIS GDP and Kazakhstan's of the Central Asian Cooperation Organization's in ``year``."""
    rows = by_measure[(by_measure["measure"] == measure) & (by_measure["share_year"] == year)].set_index(["bloc", "iso3"])
    items = []
    for bloc, code in (("CIS", "RUS"), ("CACO", "KAZ")):
        value = rows["share_pct"].get((bloc, code), float("nan"))
        items.append(_headline(f"{code.lower()}_share_{bloc.lower()}_{year}_pct_{measure}", value, "% of bloc GDP",
                               f"{code}'s share of {bloc} GDP in {year}, GDP measure {measure}"))
    return items


def comparison_headlines(medians: pd.DataFrame, groups: dict[str, list[str]], comparison_year: int,
                         outcome_year: int = PRE_CRISIS_YEAR) -> list[dict]:
    """Headlines of C10: group medians of reform scores (comparison year) and GDP outcomes."""
    columns = [("ebrd_average", "ebrd_average_comparison_year", "EBRD score 1-4.33", f"median EBRD average in {comparison_year}"),
               ("institutions", "institutions_comparison_year", "EBRD score 1-4.33",
                f"median market-institutions score in {comparison_year}"),
               (f"gdp_index_{outcome_year}", f"gdp_index_{outcome_year}", "index, 1989 = 100",
                f"median real GDP index in {outcome_year}"),
               ("gdp_index_latest", "gdp_index_latest", "index, 1989 = 100", "median real GDP index in the latest year"),
               (f"growth_{outcome_year}_latest_pct_pa", f"growth_{outcome_year}_latest_pct_pa", "% per year",
                f"median average real GDP growth {outcome_year}-latest")]
    rows = medians.set_index("group")
    items = []
    for group in rows.index:
        for column, suffix, unit, text in columns:
            items.append(_headline(f"{group_key(group)}_median_{suffix}", rows.loc[group, column], unit,
                                   f"{text}, {group} ({' '.join(groups[group])})"))
    return items


def run_headlines(comparison_year: int, outcomes: pd.DataFrame, weight_years: range, coverage: pd.DataFrame,
                  measure: str) -> list[dict]:
    """Headlines of the run itself: comparison year, latest GDP year, last weight year, coverage gaps."""
    return [
        _headline("comparison_year", comparison_year, "year", "year of the C10 reform comparison"),
        _headline("gdp_index_latest_year", int(outcomes["latest_year"].max()), "year",
                  "latest year of the GDP index in the C10 comparison"),
        _headline("gdp_weights_last_year", weight_years.stop - 1, "year", f"last year of the GDP weights ({measure})"),
        _headline("gdp_weights_bloc_years_with_missing", int((coverage["n_missing"] > 0).sum()), "bloc-years",
                  "bloc-years of the weights with at least one member lacking GDP data"),
    ]


def union_step_headlines(essay_steps: pd.DataFrame, latest_steps: pd.DataFrame, eu_steps: pd.DataFrame) -> list[dict]:
    """Headlines of C10's testable part: years from each agreement to a working union, as of the essay and now.

    ``*_steps`` are tables of :func:`~transition.analysis.integration.eurasian_steps` (observed to the end of
    the essay's year and of the run's last year) and :func:`~transition.analysis.integration.eu_steps`.
    """
    items = []
    for when, steps in ((str(ESSAY_YEAR), essay_steps), ("latest", latest_steps)):
        summary, seen = duration_summary(steps), "by the end of " + (str(ESSAY_YEAR) if when != "latest" else "the run")
        items += [
            _headline(f"eurasian_union_median_years_{when}", summary["median_years"], "years",
                      f"median years from a Eurasian agreement to a working union, {seen} (open steps: years waited)"),
            _headline(f"eurasian_union_steps_{when}", summary["n_steps"], "agreements", f"Eurasian agreements signed {seen}"),
            _headline(f"eurasian_union_completed_{when}", summary["n_completed"], "agreements",
                      f"Eurasian agreements that became a working union {seen}"),
            _headline(f"eurasian_union_longest_open_years_{when}", summary["longest_open_years"], "years",
                      f"longest wait of an agreement not yet working {seen}"),
            _headline(f"eurasian_union_shortest_years_{when}", float(steps["years"].min()) if len(steps) else float("nan"),
                      "years", f"shortest time from agreement to working union (or wait so far), {seen}"),
            _headline(f"eurasian_union_longest_years_{when}", float(steps["years"].max()) if len(steps) else float("nan"),
                      "years", f"longest time from agreement to working union (or wait so far), {seen}"),
        ]
    for row in latest_steps.itertuples():
        items.append(_headline(f"years_{row.agreement.lower()}_to_{row.union.lower()}", row.years, "years",
                               f"years from the {row.agreement} agreement ({row.signed:%d %b %Y}) to the {row.union} "
                               f"({'working ' + format(row.working, '%d %b %Y') if row.completed else 'not yet working'})"))
    for row in eu_steps.itertuples():
        items.append(_headline(f"eu_years_{row.step}", row.years, "years",
                               f"EU: {row.agreement} ({row.signed:%d %b %Y}) to: {row.union} ({row.working:%d %b %Y})"))
    items.append(_headline("eu_step_median_years", duration_summary(eu_steps)["median_years"], "years",
                           "median years from an EU agreement to the stage it set up working"))
    return items


def steps_table(eurasian: pd.DataFrame, eu: pd.DataFrame) -> pd.DataFrame:
    """The Eurasian and EU steps in one table for display and CSV (dates as ISO text, years to 0.1)."""
    both = pd.concat([eurasian, eu], ignore_index=True)
    return both.assign(signed=both["signed"].dt.strftime("%Y-%m-%d"), working=both["working"].dt.strftime("%Y-%m-%d"),
                       years=both["years"].round(1))


def fragmentation_years(last_year: int) -> dict[str, int]:
    """The named years of the C8 headlines up to ``last_year`` (the last year observed): key suffix → year."""
    named = {"1995": 1995, str(ESSAY_YEAR): ESSAY_YEAR, "2015": 2015}
    return {**{key: year for key, year in named.items() if year <= last_year}, "latest": last_year}


# ---------------------------------------------------------------- figures

def plot_timeline(spells: pd.DataFrame, first_year: int, present_year: int, lang: str = "en"):
    """Gantt chart of membership spells: one row per bloc × country, grouped by bloc.

    ``lang`` translates the bloc names of the row labels ("Customs Union 1995 · KAZ"); every other
    text is translated by ``Outputs.figure``.
    """
    n = len(spells)
    fig, ax = plt.subplots(figsize=(11, 0.19 * n + 1.6))
    y = np.arange(n)[::-1]
    for yi, row in zip(y, spells.itertuples()):
        ax.barh(yi, row.end - row.start, left=row.start, height=0.72, color=BLOC_COLORS.get(row.bloc, "0.5"),
                hatch="///" if row.year_only else None, edgecolor="white" if not row.year_only else "0.2",
                linewidth=0.3)
        if row.open:
            ax.plot(row.end, yi, marker=">", color=BLOC_COLORS.get(row.bloc, "0.5"), markersize=4)
    ax.set_yticks(y, [f"{translate(BLOC_LABELS.get(b, b), lang)} · {c}" for b, c in zip(spells["bloc"], spells["iso3"])],
                  fontsize=8)
    boundaries = np.flatnonzero(spells["bloc"].to_numpy()[1:] != spells["bloc"].to_numpy()[:-1])
    for b in boundaries:
        ax.axhline(y[b] - 0.5, color="0.7", linewidth=0.6)
    ax.axvline(ESSAY_YEAR + 0.5, color="0.3", linestyle=":", linewidth=1)
    ax.text(ESSAY_YEAR + 0.6, y[0] + 0.6, f"essay's time ({ESSAY_YEAR})", fontsize=8, va="bottom")
    ax.set_xlim(min(first_year - 1, spells["start"].min() - 0.5), present_year + 1.5)
    ax.set_ylim(-0.7, n - 0.2 + 0.9)
    ax.set_xlabel("year (bars from the joining date to the leaving date; ▸ = still a member)")
    ax.set_title("Membership of the post-communist economies in regional blocs, by country")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(handles=[Patch(facecolor="white", edgecolor="0.2", hatch="///", label="date known to the year only (drawn from 1 July)")],
              loc="lower left", fontsize=8, framealpha=0.9)
    fig.tight_layout()
    return fig


def plot_core_shares(weights: pd.DataFrame, pairs, axis_label: str):
    """Two panels: Russia's GDP share in each of its blocs of ``pairs`` (bloc, core); Kazakhstan's in its blocs."""
    russia_blocs = [bloc for bloc, core in pairs if core == "RUS"]
    kazakhstan_blocs = [bloc for bloc, core in pairs if core == "KAZ"]
    fig, axes = plt.subplots(1, 2, figsize=(10.5, 4.4), sharey=True)
    for ax, iso3, name, chosen in [(axes[0], "RUS", "Russia", russia_blocs), (axes[1], "KAZ", "Kazakhstan", kazakhstan_blocs)]:
        for bloc in chosen:
            rows = weights[(weights["bloc"] == bloc) & (weights["iso3"] == iso3)]
            if len(rows):
                ax.plot(rows["year"], rows["gdp_share_pct"], marker="o", markersize=3, linewidth=1.6,
                        color=BLOC_COLORS[bloc], label=BLOC_LABELS[bloc])
        ax.axvline(ESSAY_YEAR, color="0.3", linestyle=":", linewidth=1)
        ax.set_title(f"{name}'s share of bloc GDP")
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="center right" if iso3 == "KAZ" else "lower right")
    kaz_caco = weights[(weights["bloc"] == "CACO") & (weights["iso3"] == "KAZ")].set_index("year")["gdp_share_pct"]
    if "CACO" in kazakhstan_blocs and len(kaz_caco) > 1 and kaz_caco.index.max() >= 2004:
        axes[1].annotate("Russia joins CACO (2004)", xy=(2004, kaz_caco.get(2004, kaz_caco.iloc[-1])),
                         xytext=(2005.5, 35), fontsize=8, arrowprops={"arrowstyle": "->", "color": "0.3"})
    axes[0].set_ylabel(f"% of the bloc's GDP ({axis_label})")
    axes[0].set_ylim(0, 100)
    fig.suptitle("Concentric circles? The weight of the cores in the post-Soviet blocs (dotted line: the essay's time)")
    fig.tight_layout()
    return fig


def plot_fragmentation(frag: pd.DataFrame, n_countries: int):
    """Step lines: blocs active among the CIS countries, and countries in several sub-regional blocs."""
    fig, ax = plt.subplots(figsize=(9, 4.5))
    series = [("n_blocs_active", "post-Soviet blocs with CIS members (incl. the CIS)", "#7b241c", "-"),
              ("n_in_subregional", "countries in at least one sub-regional bloc", "#1f618d", "-"),
              ("n_overlapping", "countries in two or more sub-regional blocs", "#d68910", "--"),
              ("largest_subregional", "members of the largest sub-regional bloc", "#1e8449", ":")]
    for column, label, color, style in series:
        ax.step(frag["year"], frag[column], where="mid", color=color, linestyle=style, linewidth=2, label=label)
    ax.axhline(n_countries, color="0.6", linewidth=0.8)
    ax.text(frag["year"].max(), n_countries + 0.15, f"all {n_countries} CIS countries of the study",
            fontsize=8, color="0.4", ha="right")
    ax.axvline(ESSAY_YEAR, color="0.3", linestyle=":", linewidth=1)
    ax.set_ylim(0, n_countries + 1.2)
    ax.set_xlabel("year (membership on 1 July)")
    ax.set_ylabel("number of blocs / countries")
    ax.set_title("Integration by regions and groups: blocs and overlapping memberships among the CIS countries")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
    fig.tight_layout()
    return fig


def plot_comparison(reform_paths: pd.DataFrame, gdp_paths: pd.DataFrame, groups: dict[str, list[str]],
                    comparison_year: int):
    """Median reform path (EBRD average) and median GDP index by group, side by side."""
    fig, axes = plt.subplots(1, 2, figsize=(10.5, 4.4))
    for ax, paths in [(axes[0], reform_paths), (axes[1], gdp_paths)]:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for group, codes in groups.items():
            rows = paths[paths["group"] == group]
            color, style = GROUP_STYLE.get(group, ("0.4", "-"))
            ax.plot(rows["year"], rows["median"], color=color, linestyle=style, linewidth=2,
                    label=f"{group} (n={len(codes)})")
        ax.grid(alpha=0.3)
        ax.set_xlabel("year")
    axes[0].axvline(comparison_year, color="0.3", linestyle=":", linewidth=1)
    axes[0].set_ylabel("EBRD average transition indicator (1 to 4.33), median")
    axes[0].set_title("Reform progress, 1989-2006")
    axes[0].legend(fontsize=8, loc="upper left")
    axes[1].axhline(100, color="0.6", linewidth=0.8)
    axes[1].axvline(PRE_CRISIS_YEAR, color="0.3", linestyle=":", linewidth=1)
    axes[1].set_ylabel("real GDP index, 1989 = 100 (WDI, spliced), median")
    axes[1].set_title("Output")
    fig.suptitle("Eurasian Economic Union members vs the EU accession cohorts of 2004, 2007 and 2013")
    fig.tight_layout()
    return fig


def findings_text(headlines: dict, n_cis: int, last_year: int, comparison_year: int, gdp_label: str) -> str:
    """The notebook's Findings (C8, C9, C10) as Markdown, from its headline numbers.

    The judgements in the text use the claims ledger's thresholds (:mod:`transition.claims.ledger`), so
    that this notebook and the ledger never disagree: a core holds at least ``C9_CORE_SHARE`` % of
    bloc GDP; membership tracks reform when members lead by one EBRD step (``C9_REFORM_STEP``).
    """
    h = {key: entry["value"] for key, entry in headlines.items()}
    f = lambda key, digits=1: format_number(h.get(key), digits)
    y = lambda key: "n/a" if h.get(key) is None else str(h[key])
    v = lambda key: float("nan") if h.get(key) is None else h[key]
    by_groups = v("largest_subregional_bloc_2002") < n_cis
    kaz_core = v("kaz_share_caco_2002_pct") >= C9_CORE_SHARE and v("kaz_share_eaeu_latest_pct") < C9_CORE_SHARE
    gap_2006 = v("ebrd_average_2006_median_eurasec_2002") - v("ebrd_average_2006_median_cis_outside_eurasec_2002")
    tracks = gap_2006 >= C9_REFORM_STEP - 1e-9
    return f"""
**C8 — integration by regions and groups.** Among the 12 CIS countries, {f('n_blocs_cis_1995', 0)} post-Soviet blocs
(counting the CIS) were in force in 1995, {f('n_blocs_cis_2002', 0)} at the essay's time ({ESSAY_YEAR}) and
{f('n_blocs_cis_2015', 0)} in 2015 ({f('n_blocs_cis_latest', 0)} in {last_year}). In {ESSAY_YEAR}
{f('n_overlapping_cis_2002', 0)} countries belonged to two or more sub-regional blocs, and the largest sub-regional bloc
had {f('largest_subregional_bloc_2002', 0)} of the 12 members ({f('largest_subregional_bloc_latest', 0)} in {last_year}):
{'the dated memberships agree that integration proceeded by groups, not across the whole space' if by_groups else 'one sub-regional bloc covered every CIS country'}.

**C9 — the cores.** Russia produced {f('rus_share_cis_2002_pct')}% of CIS GDP in {ESSAY_YEAR} and
{f('rus_share_cis_latest_pct')}% in {y('rus_share_cis_latest_year')}; {f('rus_share_eurasec_2002_pct')}% of EurAsEC's in
{ESSAY_YEAR} and {f('rus_share_eaeu_latest_pct')}% of the EAEU's in {y('rus_share_eaeu_latest_year')}
({gdp_label}). {'Kazakhstan was the core of Central Asia only without Russia' if kaz_core else 'Kazakhstan'}:
{f('kaz_share_caec_last_pct')}% of CAEC GDP in its last year and {f('kaz_share_caco_2002_pct')}% of CACO's in
{ESSAY_YEAR}, but {f('kaz_share_eaeu_latest_pct')}% of the EAEU's. Bloc membership {'tracked' if tracks else 'did not track'} reform (2006 gap {format_number(gap_2006, 2)} points): the median EBRD
average of the {ESSAY_YEAR} EurAsEC members was {f('ebrd_average_2000_median_eurasec_2002', 2)} in 2000 and
{f('ebrd_average_2006_median_eurasec_2002', 2)} in 2006, against {f('ebrd_average_2000_median_cis_outside_eurasec_2002', 2)}
and {f('ebrd_average_2006_median_cis_outside_eurasec_2002', 2)} for the other CIS countries and
{f('ebrd_average_2000_median_guam_2002', 2)} and {f('ebrd_average_2006_median_guam_2002', 2)} for GUAM.

**C10 — the EU experience.** In {comparison_year} the median EBRD average of today's EAEU members was
{f('eaeu_median_ebrd_average_comparison_year', 2)} against {f('eu2004_median_ebrd_average_comparison_year', 2)} for the 2004
EU entrants (market institutions {f('eaeu_median_institutions_comparison_year', 2)} vs
{f('eu2004_median_institutions_comparison_year', 2)}). Real GDP (1989 = 100) stood at a median
{f('eaeu_median_gdp_index_2007')} vs {f('eu2004_median_gdp_index_2007')} in 2007 and {f('eaeu_median_gdp_index_latest')} vs
{f('eu2004_median_gdp_index_latest')} in {y('gdp_index_latest_year')} (median growth since 2007
{f('eaeu_median_growth_2007_latest_pct_pa')}% vs {f('eu2004_median_growth_2007_latest_pct_pa')}% a year). The essay's C10
is a recommendation to study the EU, which the data cannot test; its premise, that building a Eurasian union takes
long, they can. From signature to a working union took {f('years_cu1995_to_cu2010')} years for the 1995 Customs Union
agreements (Customs Union of 2010), {f('years_eurasec_to_eaeu')} for the EurAsEC treaty (EAEU, 2015) and
{f('years_ses2003_to_ses2012')} for the Yalta Single Economic Space agreement (the three-country space of 2012): a median of
{f('eurasian_union_median_years_latest')} years, against {f('eu_step_median_years')} for the EU's steps (Treaty of Rome to
customs union {f('eu_years_customs_union')}, Single European Act to single market {f('eu_years_single_market')}, Maastricht to
euro {f('eu_years_euro')}). {_long_text(v('eurasian_union_median_years_latest'))} At the essay's time
{f('eurasian_union_completed_2002', 0)} of {f('eurasian_union_steps_2002', 0)} agreements had produced a working union (the
longest wait then {f('eurasian_union_longest_open_years_2002')} years): {_essay_time_text(v('eurasian_union_median_years_2002'), v('eurasian_union_completed_2002'), v('eurasian_union_steps_2002'))}.

*Limits:* memberships are legal status (the CIS and GUAM were often inactive); the bloc file lists study countries only,
so EU and WTO weights are not computed; shares are over members with GDP data
({f('gdp_weights_bloc_years_with_missing', 0)} bloc-years miss a member, listed in `07_bloc_weights_coverage.csv`).
"""


def _long_text(median: float) -> str:
    """The C10 judgement sentence with the ledger's thresholds (C10_LONG_YEARS, C10_SHORT_YEARS)."""
    if median >= C10_LONG_YEARS:
        return f"By the ledger's rule (at least {C10_LONG_YEARS:g} years) it took long."
    if median < C10_SHORT_YEARS:
        return f"By the ledger's rule (under {C10_SHORT_YEARS:g} years) it did not take long."
    return f"By the ledger's rule the time is between {C10_SHORT_YEARS:g} and {C10_LONG_YEARS:g} years: neither long nor short."


def _essay_time_text(median: float, done: float, steps: float) -> str:
    """What the agreements signed by the essay's time said then, by the ledger's C10 rule."""
    if median >= C10_LONG_YEARS:
        return "already long by the ledger's rule"
    if done < steps or steps == 0:
        return "too early to tell"
    return "all working by then; " + _long_text(median)[0].lower() + _long_text(median)[1:]
