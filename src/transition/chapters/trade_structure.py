"""Chapter 06 (trade structure, claims C5 and C6): figures, headline rows, findings text.

The computation is in :mod:`transition.analysis.trade`; this module draws it, names its headline
numbers and writes the Findings from them.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from transition.analysis import cis_exports, groups, processing
from transition.analysis.trade import VINTAGES, compare_with_essay, vintage_overlap
from transition.chapters.specs import TRADE_STRUCTURE as SPEC  # noqa: F401 (the notebook's spec)
from transition.claims.ledger import C6_EXCEPTIONS_CONFIRMED, C6_GREW_SHARE
from transition.data import countries, dots, trade_dyads
from transition.data.vocabulary import (
    ESSAY_NO_GROWTH,
    ESSAY_OTHER_RANGE,
    ESSAY_SHARES,
    ESSAY_YEAR,
    parse_period,
)
from transition.present.axes import plain_log_axis
from transition.present.outputs import interval_rows
from transition.present.style import GROUP_COLORS
from transition.present.text import format_number as f

#: Figure source notes (registry ids).
VINTAGE_SOURCES = ["wdi_2013", "wdi_2022", "wdi_2023_fuel", "gapminder_wdi"]
STRUCTURE_SOURCES = ["gapminder_wdi", "wdi_2013", "wdi_2022", "wdi_2023_fuel", "growthlab_eci"]
SHARES_SOURCES = ["wdi_2013", "wdi_2022", "gapminder_wdi", "imf_weo_2019_04"]
#: Titles of the vintage panels.
VINTAGE_TITLES = {"exports_fuel": "Fuel, % of merchandise exports",
                  "exports_ores_metals": "Ores & metals, % of merchandise exports",
                  "hightech_pct_manuf_exports": "High-technology, % of manufactured exports"}
#: The last year of the 2013 vintage (composition series after it come from newer vintages only).
VINTAGE_2013_END = 2012
#: Panels of the group figure: series, title, unit (the ECI panel is added per run).
STRUCTURE_PANELS = [("exports_pct_gdp", "Exports of goods & services", "% of GDP"),
                    ("imports_pct_gdp", "Imports of goods & services", "% of GDP"),
                    ("industry_pct_gdp", "Industry value added", "% of GDP"),
                    ("exports_fuel_ores", "Fuel + ores & metals exports", "% of merchandise exports"),
                    ("exports_manufactures", "Manufactures exports", "% of merchandise exports"),
                    ("hightech_pct_manuf_exports", "High-technology exports", "% of manufactured exports"),
                    ("imports_manufactures", "Manufactures imports", "% of merchandise imports"),
                    ("imports_processed", "Manufactures + food imports", "% of merchandise imports")]
LIMITATIONS = ("*Limitations.* The shares outside the CIS rest on each country's own record (Turkmenistan, Tajikistan "
               "and Uzbekistan report poorly: their rows are largely partner-derived); the variant's shares are of total "
               "exports (incl. intra-CIS); WDI composition groups are not the "
               "essay's categories; manufactures, food and agricultural-raw-material shares and all import shares end "
               "in 2012 (one vintage only); early-1990s US$ values depend on the exchange rate used.")


# --- figures -----------------------------------------------------------------------------------

def plot_vintages(tidy: pd.DataFrame, series) -> plt.Figure:
    """One panel per series: the newer vintage against the older where both have a value, by group."""
    group_of = countries.group_of().map(countries.BROAD_GROUP)
    fig, axes = plt.subplots(1, len(series), figsize=(3.7 * len(series), 4.2), squeeze=False)
    for ax, name in zip(axes.flat, series):
        (new_label, _), (old_label, _) = VINTAGES[name]
        both = vintage_overlap(tidy, name)
        for group, rows in both.groupby(both["iso3"].map(group_of)):
            ax.scatter(rows["value_old"], rows["value_new"], s=12, alpha=0.7, color=GROUP_COLORS.get(group, "0.5"),
                       label=group)
        top = max(both["value_old"].max(), both["value_new"].max())
        ax.plot([0, top], [0, top], color="0.4", lw=0.8, ls="--", label="equal values")
        ax.set(title=VINTAGE_TITLES[name], xlabel=f"{old_label} vintage (%)", ylabel=f"{new_label} vintage (%)")
    axes.flat[0].legend(fontsize=8)
    fig.suptitle("WDI vintages compared where both have a value (one point per country-year)")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def plot_group_series(ax, table: pd.DataFrame, series: str, groups: list[str], colors: dict,
                      title: str, ylabel: str, band: bool = True) -> None:
    """Median line (and inter-quartile band) of ``series`` by group on ``ax``."""
    for group in groups:
        rows = table[(table["series"] == series) & (table["group"] == group)].dropna(subset=["median"])
        if rows.empty:
            continue
        ax.plot(rows["year"], rows["median"], color=colors.get(group, "0.3"), lw=2, label=group)
        if band:
            ax.fill_between(rows["year"], rows["q25"], rows["q75"], color=colors.get(group, "0.3"), alpha=0.15, lw=0)
    ax.set_title(title, fontsize=10)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)


def plot_structure(structure: pd.DataFrame, groups: list[str], eci_variable: str) -> plt.Figure:
    """Nine panels: openness, industry, composition, high-tech share and ECI by group (median and IQR)."""
    colors = {group: GROUP_COLORS[group] for group in groups}
    panels = [*STRUCTURE_PANELS, (eci_variable, f"Economic Complexity Index ({eci_variable})", "index (0 = world mean)")]
    fig, axes = plt.subplots(3, 3, figsize=(11, 9.5), sharex=True)
    for ax, (name, title, unit) in zip(axes.flat, panels):
        plot_group_series(ax, structure, name, groups, colors, title, unit)
        ax.set_xlim(1990, 2024)
        ax.set_xlabel("year" if ax in axes[-1] else "")
        if name.startswith(("exports_", "imports_", "hightech")) and not name.endswith("pct_gdp"):
            ax.axvline(VINTAGE_2013_END + 0.5, color="0.4", ls=":", lw=1)
    axes[0, 0].legend(fontsize=8)
    fig.suptitle("Trade structure by group: median country (line) and inter-quartile range (band)")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def plot_export_shares(shares: pd.DataFrame, periods: list[str]) -> plt.Figure:
    """Each CIS country's share of CIS exports by period (log scale), with the essay's figures and range."""
    order = shares[shares["period"] == periods[0]].sort_values("share_pct", ascending=False)["iso3"].tolist()
    order += sorted(set(shares["iso3"]) - set(order))
    fig, ax = plt.subplots(figsize=(10, 6.5))
    height = 0.8 / len(periods)
    for position, period in enumerate(periods):
        rows = shares[shares["period"] == period].set_index("iso3").reindex(order)
        ax.barh([i + position * height for i in range(len(order))], rows["share_pct"], height=height,
                color=plt.cm.Reds(0.4 + 0.5 * position / max(len(periods) - 1, 1)), label=f"data, {period}")
    ax.axvspan(*ESSAY_OTHER_RANGE, color="0.88", zorder=0, label="essay: each other country 0.3–3%")
    centre = [i + (len(periods) - 1) * height / 2 for i in range(len(order))]
    essay_points = [(ESSAY_SHARES[iso3], centre[i]) for i, iso3 in enumerate(order) if iso3 in ESSAY_SHARES]
    ax.scatter(*zip(*essay_points), marker="D", color="black", s=40, zorder=3, label="essay's figure")
    ax.set(xscale="log", yticks=centre, yticklabels=order, ylabel="country",
           xlabel="share of total CIS exports of goods & services (%, log scale)",
           title="Each CIS country's share of CIS exports (total exports, not only outside the CIS)")
    plain_log_axis(ax.xaxis)
    ax.invert_yaxis()
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


# --- headline rows and findings ------------------------------------------------------------------

#: Headline-key stems of the groups (the keys the claims ledger reads).
GROUP_KEYS = {"CIS": "cis", "CEE & Baltics": "cee", "SEE": "see", "Mongolia": "mng"}
#: Snapshot series reported as headlines: series → (key stem, unit).
HEADLINE_SERIES = {
    "exports_pct_gdp": ("exports_pct_gdp", "% of GDP"),
    "exports_manufactures": ("manufactures_export_share", "% of merchandise exports"),
    "exports_fuel_ores": ("fuel_ores_export_share", "% of merchandise exports"),
    "imports_manufactures": ("manufactures_import_share", "% of merchandise imports"),
    "imports_processed": ("processed_import_share", "% of merchandise imports"),
    "hightech_pct_manuf_exports": ("hightech_share", "% of manufactured exports"),
    "industry_pct_gdp": ("industry_pct_gdp", "% of GDP"),
}
#: Snapshot series whose weighted (aggregate) share in the early year is also a headline.
WEIGHTED_HEADLINES = ("exports_fuel_ores", "exports_manufactures", "imports_manufactures")
#: Export growth measures: name → words of the descriptions.
GROWTH_MEASURES = {"usd_direct": "current US$, WDI 2013 series", "usd_computed_weo": "current US$, exports % GDP x WEO GDP",
                   "volume": "volume, WEO cumulative growth"}
#: A country's imports are "dominated" by processed goods above this share (%).
PROCESSED_MAJORITY = processing.MAJORITY_PCT


def _row(key, value, unit, description) -> dict:
    return {"key": key, "value": value, "unit": unit, "description": description}


def _share_rows(shares: pd.DataFrame, periods: list[str]) -> list[dict]:
    essay_period, latest_period = periods[0], periods[-1]
    first, last = parse_period(essay_period)
    rows = [_row("essay_period_first_year", first, "year", "first year of the export-share period compared with the essay"),
            _row("essay_period_last_year", last, "year", "last year of the export-share period compared with the essay")]
    for iso3 in ESSAY_SHARES:
        for label, period in (("essay_period", essay_period), ("latest_period", latest_period)):
            match = shares[(shares["iso3"] == iso3) & (shares["period"] == period)]
            rows.append(_row(f"{iso3.lower()}_share_{label}", float(match["share_pct"].iloc[0]) if len(match) else np.nan,
                             "% of CIS exports of goods and services",
                             f"{iso3} share of the total exports (goods and services, current US$) of the CIS countries "
                             f"counted, mean {period}; the essay's figure ({ESSAY_SHARES[iso3]:g}%) is for exports "
                             "outside the CIS"))
    match = shares[(shares["iso3"] == "RUS") & (shares["period"] == essay_period)]
    rows.append(_row("rus_share_essay_period_computed", float(match["share_pct_computed"].iloc[0]) if len(match) else np.nan,
                     "% of CIS exports of goods and services",
                     f"Cross-check: Russia's share {essay_period} from exports % GDP x GDP in US$ instead of the WDI US$ series"))
    for label, period in (("essay_period", essay_period), ("latest_period", latest_period)):
        rows += _other_exporter_rows(shares, label, period)
    missing = shares.loc[shares["period"] == essay_period, "n_missing"]
    rows.append(_row("cis_countries_missing_essay_period", int(missing.iloc[0]) if len(missing) else np.nan, "countries",
                     f"CIS countries counted but without export data in {essay_period} (left out of the total)"))
    return rows


def _other_exporter_rows(shares: pd.DataFrame, label: str, period: str) -> list[dict]:
    comparison = compare_with_essay(shares, period)
    others = comparison[~comparison["iso3"].isin(list(ESSAY_SHARES))]
    largest = others.sort_values("share_pct").iloc[-1] if len(others) else None
    return [
        _row(f"other_cis_in_essay_range_{label}", int(others["in_essay_range"].sum()), "countries",
             f"CIS countries other than RUS, UKR, KAZ whose share of CIS exports ({period}) lies in the "
             f"essay's {ESSAY_OTHER_RANGE[0]}-{ESSAY_OTHER_RANGE[1]}% range"),
        _row(f"other_cis_count_{label}", len(others), "countries",
             f"CIS countries other than RUS, UKR, KAZ with export data in {period}"),
        _row(f"other_cis_largest_{label}", largest["iso3"] if largest is not None else None, "ISO3",
             f"Largest exporter among the other CIS countries, {period}"),
        _row(f"other_cis_largest_share_{label}", float(largest["share_pct"]) if largest is not None else np.nan,
             "% of CIS exports", f"Its share of CIS exports, {period}"),
    ]


def _snapshot_rows(snap: pd.DataFrame, eci_variable: str) -> list[dict]:
    rows = []
    for series, (stem, unit) in {**HEADLINE_SERIES, eci_variable: ("eci", "index")}.items():
        rows_s = snap[snap["series"] == series]
        for when in ("early", "latest"):
            chunk = rows_s[rows_s["when"] == when]
            if chunk.empty:
                continue
            year = chunk["year"].iloc[0]
            if when == "latest":
                rows.append(_row(f"{stem}_latest_year", None if pd.isna(year) else int(year), "year",
                                 f"Latest year in which every group has a median of {series}"))
            for _, row in chunk.iterrows():
                key = GROUP_KEYS.get(row["group"], row["group"].lower())
                rows.append(_row(f"{key}_median_{stem}_{when}", row["median"], unit,
                                 f"Median country of {row['group']}, {series}, {year} ({row['n_countries']} countries)"))
                if series in WEIGHTED_HEADLINES and when == "early":
                    rows.append(_row(f"{key}_weighted_{stem}_{when}", row["weighted"], unit,
                                     f"{row['group']} aggregate ({series} weighted by merchandise trade in US$), {year}"))
    return rows


def _processed_rows(processed: pd.DataFrame, periods: list[str]) -> list[dict]:
    first = processing.first_period(processed, periods)
    if not len(first):
        return []
    period = first["period"].iloc[0]
    majority, known = processing.import_majority(first, "imports_processed", PROCESSED_MAJORITY)
    above, n_both = processing.import_majority(first, "imports_manufactures", against="exports_manufactures")
    both = first.dropna(subset=["imports_manufactures", "exports_manufactures"])
    return [
        _row("cis_count_processed_imports_majority", majority,
             "countries", f"CIS countries whose manufactures + food exceed {PROCESSED_MAJORITY}% of merchandise imports, mean {period}"),
        _row("cis_count_processed_imports_known", known, "countries",
             f"CIS countries with import composition data, {period}"),
        _row("cis_count_manuf_import_share_above_export_share", above, "countries",
             f"CIS countries whose manufactures share of imports exceeds that of exports, mean {period} "
             f"(of {n_both} with both)"),
        _row("cis_median_manuf_import_minus_export_share",
             float((both["imports_manufactures"] - both["exports_manufactures"]).median()) if len(both) else np.nan,
             "percentage points", f"Median CIS country: manufactures share of imports minus of exports, {period}"),
    ]


def _growth_rows(growth: pd.DataFrame, growth_years: tuple[int, int]) -> list[dict]:
    start, end = growth_years
    rows = []
    for measure, words in GROWTH_MEASURES.items():
        known = growth[growth[f"grew_{measure}"].notna()]
        grew = known[f"grew_{measure}"].astype(bool)
        exceptions = known[known["iso3"].isin(ESSAY_NO_GROWTH)]
        rows += [
            _row(f"cis_count_exports_growth_known_{measure}", len(known), "countries",
                 f"CIS countries with export data ({words}) for the growth comparison {start}-{end}"),
            _row(f"cis_count_exports_grew_{measure}", int(grew.sum()), "countries",
                 f"CIS countries whose exports ({words}) were higher in {end} than in {start} "
                 f"(or their first later year with data); of {len(known)} with data"),
            _row(f"cis_exports_not_grown_{measure}", ", ".join(sorted(known.loc[~grew, "iso3"])), "ISO3 list",
                 f"CIS countries whose exports ({words}) did not grow {start}-{end}"),
            _row(f"essay_exceptions_not_grown_{measure}", int((~exceptions[f"grew_{measure}"].astype(bool)).sum()),
                 "countries", f"Of the essay's exceptions ({', '.join(ESSAY_NO_GROWTH)}), how many did not grow "
                 f"({words}) {start}-{end}; of {len(exceptions)} with data"),
        ]
    return rows


def _vintage_rows(disagreements: dict[str, pd.DataFrame]) -> list[dict]:
    rows = []
    for series, table in disagreements.items():
        pooled = table[table["iso3"] == "all"]
        stem = series.replace("exports_", "").replace("_pct_manuf_exports", "")
        if len(pooled):
            country = table[table["iso3"] != "all"].sort_values("max_abs_diff").iloc[-1]
            rows += [
                _row(f"vintage_max_abs_diff_{stem}", float(pooled["max_abs_diff"].iloc[0]), "percentage points",
                     f"Largest |newer - older| WDI vintage difference of {series} over overlapping country-years "
                     f"({country['iso3']} {int(country['year_of_max'])})"),
                _row(f"vintage_mean_abs_diff_{stem}", float(pooled["mean_abs_diff"].iloc[0]), "percentage points",
                     f"Mean |newer - older| WDI vintage difference of {series} ({int(pooled['n_overlap'].iloc[0])} "
                     "overlapping country-years)"),
            ]
    return rows


def headline_rows(snap: pd.DataFrame, shares: pd.DataFrame, processed: pd.DataFrame, growth: pd.DataFrame,
                  disagreements: dict[str, pd.DataFrame], periods: list[str], eci_variable: str,
                  growth_years: tuple[int, int], comp: pd.DataFrame | None = None) -> list[dict]:
    """The notebook's headline numbers, each a dict(key, value, unit, description).

    Keys are stable whatever the parameters; the years and periods they refer to are in the
    descriptions (and, for "latest" years, in their own ``*_year`` headlines). ``comp`` (the country
    composition table) adds the bootstrap intervals of the medians C5's rule reads.
    """
    return [*_share_rows(shares, periods), *_snapshot_rows(snap, eci_variable), *_processed_rows(processed, periods),
            *_growth_rows(growth, growth_years), *_vintage_rows(disagreements),
            *(composition_interval_rows(comp, snap) if comp is not None else [])]


#: C5's medians with an interval: (series, group).
C5_INTERVALS = (("exports_manufactures", "CIS"), ("exports_fuel_ores", "CIS"), ("exports_fuel_ores", "CEE & Baltics"),
                ("imports_processed", "CIS"))


def composition_interval_rows(comp: pd.DataFrame, snap: pd.DataFrame) -> list[dict]:
    """Bootstrap intervals (countries resampled) of the group medians of :data:`C5_INTERVALS` in the snapshot's
    early and latest years (keys ``<group>_median_<stem>_<when>_low/_high``)."""
    group = countries.group_of().map(countries.BROAD_GROUP)
    what = f"{groups.INTERVAL_LEVEL:.0%} bootstrap interval ({groups.BOOTSTRAP_DRAWS} resamples of countries)"
    rows = []
    for series, name in C5_INTERVALS:
        stem, unit = HEADLINE_SERIES[series]
        for when, year in snap[snap["series"] == series].groupby("when")["year"].first().items():
            if pd.isna(year):
                continue
            values = processing.group_values(comp, series, year, name, group)
            rows += interval_rows(f"{GROUP_KEYS[name]}_median_{stem}_{when}", groups.median_interval(values), unit,
                                  f"{what}, median of {name}, {series}, {int(year)}")
    return rows


def _c5_lines(h: dict, early_year: int, essay_period: str) -> list[str]:
    extractive = all(h[f"cis_median_fuel_ores_export_share_{w}"] > h[f"cee_median_fuel_ores_export_share_{w}"]
                     and h[f"cis_median_manufactures_export_share_{w}"] < h[f"cee_median_manufactures_export_share_{w}"]
                     for w in ("early", "latest"))
    c5_verdict = ("In both years the median CIS country exports more fuel and ores and fewer manufactures than "
                  "the median CEE & Baltic country: consistent with the first half of C5." if extractive else
                  "The CIS-CEE contrast does not hold in both years and both measures: the first half of C5 is "
                  "only partly borne out.")
    return [
        (f"- **C5, exports.** In {early_year} the median CIS "
        f"country's merchandise exports were {f(h['cis_median_manufactures_export_share_early'])}% manufactures "
        f"(Central Europe & Baltics {f(h['cee_median_manufactures_export_share_early'])}%), and "
        f"{f(h['cis_median_fuel_ores_export_share_early'])}% fuel plus ores & metals "
        f"(CEE & Baltics {f(h['cee_median_fuel_ores_export_share_early'])}%; CIS aggregate "
        f"{f(h['cis_weighted_fuel_ores_export_share_early'])}%). In "
        f"{h['manufactures_export_share_latest_year']} manufactures were "
        f"{f(h['cis_median_manufactures_export_share_latest'])}% vs "
        f"{f(h['cee_median_manufactures_export_share_latest'])}%; in {h['fuel_ores_export_share_latest_year']} "
        f"fuel + ores & metals were {f(h['cis_median_fuel_ores_export_share_latest'])}% vs "
        f"{f(h['cee_median_fuel_ores_export_share_latest'])}%. Economic complexity: median CIS "
        f"{f(h['cis_median_eci_early'], 2)} vs CEE & Baltics {f(h['cee_median_eci_early'], 2)} in {early_year}, "
        f"{f(h['cis_median_eci_latest'], 2)} vs {f(h['cee_median_eci_latest'], 2)} in {h['eci_latest_year']}. "
        f"{c5_verdict}"),
        (f"- **C5, imports.** In {h['cis_count_processed_imports_majority']} of "
        f"{h['cis_count_processed_imports_known']} CIS countries with data manufactures + food made up more than half of "
        f"merchandise imports ({essay_period}); median manufactures share of imports "
        f"{f(h['cis_median_manufactures_import_share_early'])}% in {early_year}, below Central Europe & Baltics' "
        f"{f(h['cee_median_manufactures_import_share_early'])}% (manufactures + food: "
        f"{f(h['cis_median_processed_import_share_early'])}% vs {f(h['cee_median_processed_import_share_early'])}%). "
        f"In {h['cis_count_manuf_import_share_above_export_share']} countries the manufactures share of imports "
        "exceeded that of exports (median gap "
        f"{f(h['cis_median_manuf_import_minus_export_share'])} points). WDI's SITC groups are not the essay's categories ('light industry', "
        "'chemicals', 'machinery' are all inside manufactures; processed food is inside food, with raw food)."),
    ]


def _c6_lines(h: dict, periods: list[str], growth_years: tuple[int, int]) -> list[str]:
    essay_period, latest_period = periods[0], periods[-1]
    start, end = growth_years
    year = h.get("essay_figures_year")
    lines = []
    if year is not None:
        lines += [
            (f"- **C6, the essay's concept: goods exports outside the CIS.** The essay names no year; its figures are "
             f"closest to the shares of {year} (the three gaps add up to {f(h['essay_figures_distance_pp'])} points; next "
             f"{h['essay_figures_second_year']}, {f(h['essay_figures_second_distance_pp'])}): Russia "
             f"{f(h['rus_non_cis_share_essay_year'])}% (essay 76%), Ukraine {f(h['ukr_non_cis_share_essay_year'])}% (10%), "
             f"Kazakhstan {f(h['kaz_non_cis_share_essay_year'])}% (5%); {h['other_cis_in_essay_range_non_cis_essay_year']} "
             f"of {h['other_cis_count_non_cis_essay_year']} other countries in the essay's 0.3–3%. In {ESSAY_YEAR}: "
             f"{f(h['rus_non_cis_share_2002'])}%, {f(h['ukr_non_cis_share_2002'])}%, {f(h['kaz_non_cis_share_2002'])}% on "
             f"the countries' own records, {f(h['rus_non_cis_share_cow_2002'])}%, {f(h['ukr_non_cis_share_cow_2002'])}%, "
             f"{f(h['kaz_non_cis_share_cow_2002'])}% on COW's (mostly the partners' records); in {h['non_cis_latest_year']}: "
             f"{f(h['rus_non_cis_share_latest'])}%, {f(h['ukr_non_cis_share_latest'])}%, {f(h['kaz_non_cis_share_latest'])}%."),
            (f"- **C6, growth on the essay's year.** From {year - 1} to {year} exports outside the CIS grew in "
             f"{h['cis_count_non_cis_grew_essay_year']} of {h['cis_count_non_cis_growth_known_essay_year']} CIS countries "
             f"(not: {h['cis_non_cis_not_grown_essay_year'] or 'none'}); {h['essay_exceptions_not_grown_non_cis_essay_year']} "
             f"of the essay's exceptions (KGZ, TJK, UKR) did not grow. Of the {h['essay_candidate_years']} years "
             f"{h['essay_candidate_first_year']}–{ESSAY_YEAR} the statement holds in {h['essay_growth_statement_years_holding']} "
             f"({h['essay_growth_statement_holds_in'] or 'none'}); from {ESSAY_YEAR - 1} to {ESSAY_YEAR} the non-growers "
             f"were {h['cis_non_cis_not_grown_2002'] or 'none'}."),
        ]
    lines += [
        (f"- **C6, variant: goods and services to all partners.** Of total CIS exports of goods and services in "
        f"{essay_period}, Russia had {f(h['rus_share_essay_period'])}%, Ukraine {f(h['ukr_share_essay_period'])}%, "
        f"Kazakhstan {f(h['kaz_share_essay_period'])}%; {h['other_cis_in_essay_range_essay_period']} of "
        f"{h['other_cis_count_essay_period']} other countries lie in 0.3–3% (the largest other, "
        f"{h['other_cis_largest_essay_period']}, has {f(h['other_cis_largest_share_essay_period'])}%). In {latest_period}: "
        f"Russia {f(h['rus_share_latest_period'])}%, Ukraine {f(h['ukr_share_latest_period'])}%, Kazakhstan "
        f"{f(h['kaz_share_latest_period'])}%. Total exports include those to other CIS countries: not the essay's concept."),
        (f"- **C6, variant: growth {start}–{end}.** Exports of goods and services grew in {h['cis_count_exports_grew_volume']} of "
        f"{h['cis_count_exports_growth_known_volume']} CIS countries with data "
        f"by volume (not: {h['cis_exports_not_grown_volume'] or 'none'}), in "
        f"{h['cis_count_exports_grew_usd_direct']} of {h['cis_count_exports_growth_known_usd_direct']} in "
        f"current US$ (WDI series; not: "
        f"{h['cis_exports_not_grown_usd_direct'] or 'none'}). Over a decade the answer depends on the start year (see the "
        "sensitivity table): early-1990s US$ values depend on the exchange rate used."),
    ]
    return lines


def findings_text(rows: list[dict], early_year: int, periods: list[str], growth_years: tuple[int, int]) -> str:
    """The Findings section (with its limitations), written from the headline rows."""
    h = {row["key"]: row["value"] for row in rows}
    vintages = (f"- **Vintages.** WDI vintages differ by up to {f(h['vintage_max_abs_diff_fuel'])} points for fuel "
                f"and {f(h['vintage_max_abs_diff_ores_metals'])} for ores & metals (mean absolute differences "
                f"{f(h['vintage_mean_abs_diff_fuel'], 2)} and {f(h['vintage_mean_abs_diff_ores_metals'], 2)}).")
    return "\n".join(["## Findings", "", *_c5_lines(h, early_year, periods[0]),
                      *_c6_lines(h, periods, growth_years), vintages]) + "\n\n" + LIMITATIONS


# --- C6 on the essay's concept: goods exports outside the CIS (bilateral flows) --------------------------

#: Figure source notes of the non-CIS export shares.
NON_CIS_SOURCES = ["IMF, Direction of Trade Statistics (annual), downloaded ~Feb 2022"]


def non_cis_tables(members: list[str], as_of: int | None = None) -> dict[str, pd.DataFrame]:
    """Exports outside the CIS and their shares on the countries' own records (IMF DOTS, holes filled from the
    partners' record) and, as the cross-check, on COW's (mostly the partners' records, to 2014):
    :func:`~transition.analysis.cis_exports.outside_tables` of the records observed up to ``as_of``."""
    records = dots.trade_records(members, as_of)
    cow = trade_dyads.cow_dyads(reporters=members)
    cow = cow if as_of is None else cow[cow["year"] <= as_of]
    tables = cis_exports.outside_tables(records["reporter"], records["totals"], cow, members)
    return {name: tables[name] for name in ("outside", "shares", "cow_shares")}


def non_cis_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The table ``06_non_cis_exports``: each member's exports outside the CIS by year (millions of US$: world,
    to_cis, outside; ``complete`` for the country, ``break``) with its share and whether the year is judged
    (``year_complete``: every member has a value and none is in the customs-union break)."""
    shares = tables["shares"][["iso3", "year", "share_pct", "n_counted", "n_missing", "complete"]]
    return tables["outside"].merge(shares.rename(columns={"complete": "year_complete"}), on=["iso3", "year"], how="left")


def essay_figures_year(shares: pd.DataFrame) -> int | None:
    """The complete year up to 2002 whose named shares are closest to the essay's (None without one)."""
    return cis_exports.essay_figures_year(shares, ESSAY_YEAR)


def _growth_holds(summary: dict) -> bool:
    return (summary["known"] > 0 and summary["grew"] / summary["known"] >= C6_GREW_SHARE
            and summary["exceptions_not_grown"] >= C6_EXCEPTIONS_CONFIRMED)


def _non_cis_share_rows(shares: pd.DataFrame, label: str, year, what: str) -> list[dict]:
    rows = []
    for iso3 in ESSAY_SHARES:
        match = shares[(shares["iso3"] == iso3) & (shares["year"] == year)]
        rows.append(_row(f"{iso3.lower()}_non_cis_share_{label}", float(match["share_pct"].iloc[0]) if len(match) else np.nan,
                         "% of CIS goods exports outside the CIS",
                         f"{iso3} share of the CIS countries' goods exports to partners outside the CIS, {what} "
                         f"({year}); the essay's figure {ESSAY_SHARES[iso3]:g}%"))
    return rows


def _non_cis_range_rows(shares: pd.DataFrame, label: str, year) -> list[dict]:
    inside, others, largest, largest_share = cis_exports.others_in_range(shares, year)
    return [_row(f"other_cis_in_essay_range_non_cis_{label}", inside, "countries",
                 f"CIS countries other than RUS, UKR, KAZ whose share of CIS exports outside the CIS ({year}) lies in "
                 f"the essay's {ESSAY_OTHER_RANGE[0]}-{ESSAY_OTHER_RANGE[1]}% range at its precision"),
            _row(f"other_cis_count_non_cis_{label}", others, "countries", f"those countries with a share, {year}"),
            _row(f"other_cis_largest_non_cis_{label}", largest, "ISO3", f"the largest of them, {year}"),
            _row(f"other_cis_largest_share_non_cis_{label}", largest_share, "% of CIS exports outside the CIS",
                 f"its share, {year}")]


def _non_cis_growth_rows(outside: pd.DataFrame, members: list[str], label: str, year) -> list[dict]:
    summary = cis_exports.growth_summary(cis_exports.yearly_growth(outside, members, year))
    span = f"{year - 1}-{year}"
    return [_row(f"cis_count_non_cis_growth_known_{label}", summary["known"], "countries",
                 f"CIS countries with exports outside the CIS in both {span}"),
            _row(f"cis_count_non_cis_grew_{label}", summary["grew"], "countries",
                 f"CIS countries whose goods exports outside the CIS grew {span}"),
            _row(f"cis_non_cis_not_grown_{label}", ", ".join(summary["not_grown"]), "ISO3 list",
                 f"CIS countries whose goods exports outside the CIS did not grow {span}"),
            _row(f"essay_exceptions_not_grown_non_cis_{label}", summary["exceptions_not_grown"], "countries",
                 f"of the essay's exceptions ({', '.join(ESSAY_NO_GROWTH)}), how many did not grow {span}")]


def non_cis_rows(tables: dict[str, pd.DataFrame], members: list[str]) -> list[dict]:
    """C6 headline rows on the essay's concept: the year the essay's figures fit best (up to 2002) and the
    next best, the shares and the range in that year, in 2002 and in the latest complete year, the growth
    from the year before, in how many candidate years the growth statement holds, and COW's 2002 shares."""
    shares, outside = tables["shares"], tables["outside"]
    ranked = cis_exports.date_essay_figures(shares, ESSAY_YEAR)
    best = int(ranked["year"].iloc[0]) if len(ranked) else None
    second = ranked.iloc[1] if len(ranked) > 1 else None
    latest = cis_exports.latest_complete_year(shares)
    candidates = cis_exports.candidate_years(shares, outside, members, ESSAY_YEAR)
    holding = [int(row.year) for row in candidates.itertuples() if _growth_holds(
        {"known": row.n_known, "grew": row.n_grew, "exceptions_not_grown": row.exceptions_not_grown})]
    rows = [
        _row("essay_figures_year", best, "year", "the year up to 2002 whose shares of Russia, Ukraine and Kazakhstan in "
             "CIS goods exports outside the CIS are closest to the essay's 76 / 10 / 5"),
        _row("essay_figures_distance_pp", float(ranked["distance_pp"].iloc[0]) if best else np.nan, "percentage points",
             "the sum of the three absolute gaps in that year"),
        _row("essay_figures_second_year", int(second["year"]) if second is not None else None, "year", "the next closest year"),
        _row("essay_figures_second_distance_pp", float(second["distance_pp"]) if second is not None else np.nan,
             "percentage points", "its sum of gaps"),
        _row("essay_candidate_years", len(candidates), "years", "complete years up to 2002 with the year before observed"),
        _row("essay_candidate_first_year", int(candidates["year"].min()) if len(candidates) else None, "year",
             "the first of them"),
        _row("essay_growth_statement_years_holding", len(holding), "years",
             "candidate years in which the growth statement holds by the ledger's rule (from the year before)"),
        _row("essay_growth_statement_holds_in", ", ".join(str(y) for y in holding), "years", "those years"),
        _row("non_cis_latest_year", latest, "year", "the latest year with exports outside the CIS for every member"),
    ]
    for label, year, what in (("essay_year", best, "the year the essay's figures fit best"),
                              ("2002", ESSAY_YEAR, "the essay's year"), ("latest", latest, "the latest complete year")):
        rows += _non_cis_share_rows(shares, label, year, what) + _non_cis_range_rows(shares, label, year)
    rows += _non_cis_share_rows(tables["cow_shares"], "cow_2002", ESSAY_YEAR, "COW's flows (mostly the partners' records)")
    for label, year in (("essay_year", best), ("2002", ESSAY_YEAR)):
        rows += _non_cis_growth_rows(outside, members, label, year)
    return rows


def plot_non_cis_shares(shares: pd.DataFrame, essay_year: int | None):
    """Shares of Russia, Ukraine and Kazakhstan in CIS goods exports outside the CIS by year, with the essay's
    figures (dashed) and the year they fit best; the other nine on a second panel (log scale) with the range.
    Complete years are solid; years with a member missing (its share then over the others) dotted."""
    full = shares.set_index(["iso3", "year"])["share_pct"].unstack("year")
    solid = shares.assign(share_pct=shares["share_pct"].where(shares["complete"])).set_index(["iso3", "year"])[
        "share_pct"].unstack("year").reindex(columns=full.columns)  # incomplete years: gaps in the solid line
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8))
    colors = {"RUS": "#c0392b", "UKR": "#1f618d", "KAZ": "#b7950b"}
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    others = [iso3 for iso3 in full.index if iso3 not in ESSAY_SHARES]
    for iso3 in full.index:
        ax = axes[0] if iso3 in colors else axes[1]
        color = colors.get(iso3) or cycle[others.index(iso3) % len(cycle)]
        ax.plot(full.columns, full.loc[iso3], color=color, linewidth=0.8, linestyle=":")
        ax.plot(solid.columns, solid.loc[iso3], color=color, linewidth=1.8 if iso3 in colors else 1, label=iso3)
        if iso3 in colors:
            ax.axhline(ESSAY_SHARES[iso3], color=color, linestyle="--", linewidth=0.9)
    axes[1].axhspan(*ESSAY_OTHER_RANGE, color="0.9", zorder=0, label="essay: 0.3–3%")
    axes[1].set_yscale("log")
    plain_log_axis(axes[1].yaxis)
    for ax in axes:
        if essay_year is not None:
            ax.axvline(essay_year, color="0.3", linestyle=":", linewidth=1, label=f"closest to the essay ({essay_year})")
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("share of CIS goods exports outside the CIS, % (essay: dashed)")
    axes[0].set_title("The essay's named exporters")
    axes[1].set_title("The other nine (log scale)")
    axes[0].legend(fontsize=8, frameon=False)
    axes[1].legend(fontsize=7, frameon=False, ncol=3, loc="lower left")
    fig.suptitle("CIS goods exports to partners outside the CIS: each country's share (IMF DOTS, countries' own records)\n"
                 "dotted: years with a member missing or in the customs-union break")
    fig.tight_layout()
    return fig
