"""Chapter 06 (trade structure, claims C5 and C6): figures, headline rows, findings text.

The computation is in :mod:`transition.analysis.trade`; this module draws it, names its headline
numbers and writes the Findings from them.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from transition.analysis import groups
from transition.analysis.trade import VINTAGES, compare_with_essay, vintage_overlap
from transition.chapters.specs import TRADE_STRUCTURE as SPEC  # noqa: F401 (the notebook's spec)
from transition.data import countries
from transition.data.vocabulary import (
    ESSAY_NO_GROWTH,
    ESSAY_OTHER_RANGE,
    ESSAY_SHARES,
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
LIMITATIONS = ("*Limitations.* Export shares are of total exports (incl. intra-CIS); WDI composition groups are not the "
               "essay's categories; manufactures, food and agricultural-raw-material shares and all import shares end "
               "in 2012 (one vintage only); early-1990s US$ values depend on the exchange rate used.")


# --- figures -----------------------------------------------------------------------------------

def plot_vintages(tidy: pd.DataFrame, series) -> plt.Figure:
    """One panel per series: the newer vintage against the older where both have a value, by group."""
    group_of = countries.group_of().map(countries.BROAD_GROUP)
    fig, axes = plt.subplots(1, len(series), figsize=(5 * len(series), 5.2), squeeze=False)
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
    fig, axes = plt.subplots(3, 3, figsize=(15, 12), sharex=True)
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
PROCESSED_MAJORITY = 50


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
    with_data = [period for period in periods if period in set(processed["period"])]
    first = processed[processed["period"] == with_data[0]] if with_data else processed.iloc[0:0]
    if not len(first):
        return []
    period = first["period"].iloc[0]
    known = first.dropna(subset=["imports_processed"])
    both = first.dropna(subset=["imports_manufactures", "exports_manufactures"])
    return [
        _row("cis_count_processed_imports_majority", int((known["imports_processed"] > PROCESSED_MAJORITY).sum()),
             "countries", f"CIS countries whose manufactures + food exceed {PROCESSED_MAJORITY}% of merchandise imports, mean {period}"),
        _row("cis_count_processed_imports_known", len(known), "countries",
             f"CIS countries with import composition data, {period}"),
        _row("cis_count_manuf_import_share_above_export_share",
             int((both["imports_manufactures"] > both["exports_manufactures"]).sum()), "countries",
             f"CIS countries whose manufactures share of imports exceeds that of exports, mean {period} "
             f"(of {len(both)} with both)"),
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
            values = comp[(comp["series"] == series) & (comp["year"] == year)]
            values = values[values["iso3"].map(group) == name]["value"]
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
    return [
        (f"- **C6, shares.** Of total CIS exports of goods and services in {essay_period}, Russia had "
        f"{f(h['rus_share_essay_period'])}% (essay 76%), Ukraine {f(h['ukr_share_essay_period'])}% (10%), "
        f"Kazakhstan {f(h['kaz_share_essay_period'])}% (5%); {h['other_cis_in_essay_range_essay_period']} of "
        f"{h['other_cis_count_essay_period']} other countries lie in the essay's 0.3–3% range (the largest "
        f"other, {h['other_cis_largest_essay_period']}, has {f(h['other_cis_largest_share_essay_period'])}%). "
        f"In {latest_period}: Russia {f(h['rus_share_latest_period'])}%, Ukraine "
        f"{f(h['ukr_share_latest_period'])}%, Kazakhstan {f(h['kaz_share_latest_period'])}%. These data are "
        "total exports, including exports to other CIS countries; the essay's figures are exports outside "
        "the CIS, so the comparison is approximate."),
        (f"- **C6, growth {start}–{end}.** Exports grew in {h['cis_count_exports_grew_volume']} of "
        f"{h['cis_count_exports_growth_known_volume']} CIS countries with data "
        f"by volume (not: {h['cis_exports_not_grown_volume'] or 'none'}), in "
        f"{h['cis_count_exports_grew_usd_direct']} of {h['cis_count_exports_growth_known_usd_direct']} in "
        f"current US$ (WDI series; not: "
        f"{h['cis_exports_not_grown_usd_direct'] or 'none'}). Of the essay's exceptions (KGZ, TJK, UKR), "
        f"{h['essay_exceptions_not_grown_volume']} did not grow by volume and "
        f"{h['essay_exceptions_not_grown_usd_direct']} in US$. The answer depends on the start year (see the "
        "sensitivity table): early-1990s US$ values depend on the exchange rate used."),
    ]


def findings_text(rows: list[dict], early_year: int, periods: list[str], growth_years: tuple[int, int]) -> str:
    """The Findings section (with its limitations), written from the headline rows."""
    h = {row["key"]: row["value"] for row in rows}
    vintages = (f"- **Vintages.** WDI vintages differ by up to {f(h['vintage_max_abs_diff_fuel'])} points for fuel "
                f"and {f(h['vintage_max_abs_diff_ores_metals'])} for ores & metals (mean absolute differences "
                f"{f(h['vintage_mean_abs_diff_fuel'], 2)} and {f(h['vintage_mean_abs_diff_ores_metals'], 2)}).")
    return "\n".join(["## Findings", "", *_c5_lines(h, early_year, periods[0]),
                      *_c6_lines(h, periods, growth_years), vintages]) + "\n\n" + LIMITATIONS
