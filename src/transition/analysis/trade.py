"""Trade structure: openness, the composition of merchandise trade, sophistication, CIS export shares.

The primitives of notebook ``06_trade_structure`` (claims C5 and C6, context for C4):

- :func:`splice_vintages` joins two WDI vintages of one indicator openly: the preferred vintage
  where it has a value, the other one otherwise, and the vintage used recorded per value;
  :func:`vintage_disagreement` measures how far the vintages differ where both have a value;
- :func:`group_summary` aggregates a country-year series by group: the median country (with the
  inter-quartile range) and, when weights are given, the weighted mean (for trade shares weighted by
  merchandise trade in US$ this *is* the group's aggregate share);
- :func:`exports_usd` builds exports of goods and services in current US$ (the WDI series directly,
  and computed as exports in % of GDP times GDP in US$); :func:`cis_export_shares` turns them into
  each CIS country's share of the CIS total over periods, and :func:`compare_with_essay` sets the
  shares beside the essay's figures (Russia 76%, Ukraine 10%, Kazakhstan 5%, each other 0.3–3%);
- :func:`export_growth` says whose exports grew between two years (US$ and volume);
- :func:`import_processing` compares the manufactures (and food) share of imports with that of exports.

Examples
--------
>>> import pandas as pd
>>> older = pd.DataFrame({"iso3": ["AAA"] * 3, "year": [2000, 2001, 2002], "value": [10.0, 20.0, 30.0]})
>>> newer = pd.DataFrame({"iso3": ["AAA"] * 2, "year": [2001, 2002], "value": [22.0, 31.0]})
>>> splice_vintages(newer, older, "wdi2023", "wdi2013")[["year", "value", "vintage"]].values.tolist()
[[2000, 10.0, 'wdi2013'], [2001, 22.0, 'wdi2023'], [2002, 31.0, 'wdi2023']]
>>> parse_period("2000-2003")
(2000, 2003)
"""
from __future__ import annotations

import datetime
from typing import Any

import numpy as np
import pandas as pd

from transition.analysis.cis_exports import ESSAY_RANGE_DIGITS
from transition.data import countries
from transition.data.blocs import members_on
from transition.data.vocabulary import (
    ESSAY_NO_GROWTH,
    ESSAY_OTHER_RANGE,
    ESSAY_SHARES,
    parse_period,
)

#: Vintages of WDI in the panel, newest first; a series name → (vintage label, panel variable).
VINTAGES = {
    "exports_fuel": [("wdi2023", "wdi2023_tx_val_fuel_zs_un"), ("wdi2013", "wdi2013_tx_val_fuel_zs_un")],
    "exports_ores_metals": [("wdi2022", "wdi2022_tx_val_mmtl_zs_un"), ("wdi2013", "wdi2013_tx_val_mmtl_zs_un")],
    "exports_manufactures": [("wdi2013", "wdi2013_tx_val_manf_zs_un")],
    "exports_food": [("wdi2013", "wdi2013_tx_val_food_zs_un")],
    "exports_agri_raw": [("wdi2013", "wdi2013_tx_val_agri_zs_un")],
    "imports_fuel": [("wdi2013", "wdi2013_tm_val_fuel_zs_un")],
    "imports_ores_metals": [("wdi2013", "wdi2013_tm_val_mmtl_zs_un")],
    "imports_manufactures": [("wdi2013", "wdi2013_tm_val_manf_zs_un")],
    "imports_food": [("wdi2013", "wdi2013_tm_val_food_zs_un")],
    "imports_agri_raw": [("wdi2013", "wdi2013_tm_val_agri_zs_un")],
    "hightech_pct_manuf_exports": [("wdi_current", "wdi_hightech_pct_manuf_exports"),
                                   ("wdi2013", "wdi2013_tx_val_tech_mf_zs")],
}
#: Sums of two composition series: fuel + ores & metals (extractive exports, C5's first half);
#: manufactures + food imports (the essay's "highly processed goods", C5's second half).
COMBINED = {"exports_fuel_ores": ("exports_fuel", "exports_ores_metals"),
            "imports_processed": ("imports_manufactures", "imports_food")}
#: Weights of the group aggregate: merchandise exports (imports) in current US$, WDI 2013 (to 2012).
WEIGHTS = {"exports": "wdi2013_tx_val_mrch_cd_wt", "imports": "wdi2013_tm_val_mrch_cd_wt"}
#: Other series summarised by group (no weights): panel variable → series name.
PLAIN = {"wdi_exports_pct_gdp": "exports_pct_gdp", "wdi_imports_pct_gdp": "imports_pct_gdp",
         "wdi_industry_pct_gdp": "industry_pct_gdp", "eci_hs92": "eci_hs92", "eci_sitc": "eci_sitc"}
#: Series with two vintages whose disagreement is measured.
OVERLAPPING = ("exports_fuel", "exports_ores_metals", "hightech_pct_manuf_exports")
#: Other panel variables read: exports and GDP in US$, WEO GDP and export volumes.
USD_VARIABLES = ["wdi2013_ne_exp_gnfs_cd", "wdi2022_ny_gdp_mktp_cd", "weo_gdp_usd", "weo_export_volume_growth"]
#: Series of the snapshot (early year and latest common year), before and after the run's ECI series.
SNAPSHOT_SERIES = (["exports_pct_gdp", "imports_pct_gdp", "exports_manufactures", "exports_fuel_ores", "exports_fuel",
                    "exports_ores_metals", "imports_manufactures", "imports_processed"],
                   ["hightech_pct_manuf_exports", "industry_pct_gdp"])
#: The day (month, day) of a period's first year on which dated CIS membership is read: its start.
PERIOD_START_DAY = (1, 1)


# --- vintages -----------------------------------------------------------------------------------

def variable_frame(tidy: pd.DataFrame, variable: str) -> pd.DataFrame:
    """One panel variable as iso3, year, value (missing values dropped)."""
    rows = tidy.loc[tidy["variable"] == variable, ["iso3", "year", "value"]]
    return rows.dropna(subset=["value"]).reset_index(drop=True)


def splice_vintages(preferred: pd.DataFrame, fallback: pd.DataFrame,
                    preferred_label: str, fallback_label: str) -> pd.DataFrame:
    """Join two vintages of one indicator: ``preferred`` where it has a value, ``fallback`` otherwise.

    Parameters
    ----------
    preferred, fallback : DataFrame
        Columns iso3, year, value (missing values are ignored).
    preferred_label, fallback_label : str
        Names of the vintages, written per value into the ``vintage`` column.

    Returns
    -------
    DataFrame
        iso3, year, value, vintage; one row per country-year of either input, sorted.
    """
    first = preferred.dropna(subset=["value"]).assign(vintage=preferred_label)
    second = fallback.dropna(subset=["value"]).assign(vintage=fallback_label)
    keys = pd.MultiIndex.from_frame(first[["iso3", "year"]])
    second = second[~pd.MultiIndex.from_frame(second[["iso3", "year"]]).isin(keys)]
    spliced = pd.concat([first, second], ignore_index=True)[["iso3", "year", "value", "vintage"]]
    return spliced.sort_values(["iso3", "year"]).reset_index(drop=True)


def vintage_disagreement(newer: pd.DataFrame, older: pd.DataFrame) -> pd.DataFrame:
    """How two vintages differ where both have a value, by country and over all countries.

    Differences are newer − older, in the indicator's unit (percentage points for shares).

    Returns
    -------
    DataFrame
        iso3 (``"all"`` for the pooled row), n_overlap, first_year, last_year, mean_diff,
        mean_abs_diff, max_abs_diff, year_of_max (the pooled row: year of the largest difference);
        countries without an overlapping year are left out.
    """
    both = newer.merge(older, on=["iso3", "year"], suffixes=("_newer", "_older")).dropna()
    both["diff"] = both["value_newer"] - both["value_older"]
    both["abs_diff"] = both["diff"].abs()
    columns = ["iso3", "n_overlap", "first_year", "last_year", "mean_diff", "mean_abs_diff",
               "max_abs_diff", "year_of_max"]
    if both.empty:
        return pd.DataFrame(columns=columns)

    def summarise(rows: pd.DataFrame) -> pd.Series:
        worst = rows.loc[rows["abs_diff"].idxmax()]
        return pd.Series({"n_overlap": len(rows), "first_year": rows["year"].min(), "last_year": rows["year"].max(),
                          "mean_diff": rows["diff"].mean(), "mean_abs_diff": rows["abs_diff"].mean(),
                          "max_abs_diff": worst["abs_diff"], "year_of_max": worst["year"]})

    by_country = [summarise(rows).rename(iso3) for iso3, rows in both.groupby("iso3")]
    table = pd.DataFrame([*by_country, summarise(both).rename("all")]).rename_axis("iso3").reset_index()
    return table.astype({"n_overlap": int, "first_year": int, "last_year": int, "year_of_max": int})[columns]


def vintage_overlap(tidy: pd.DataFrame, series: str) -> pd.DataFrame:
    """The two vintages of a :data:`VINTAGES` series side by side where both have a value.

    Returns
    -------
    DataFrame
        iso3, year, value_new, value_old.
    """
    (_, new_variable), (_, old_variable) = VINTAGES[series]
    return variable_frame(tidy, new_variable).merge(variable_frame(tidy, old_variable), on=["iso3", "year"],
                                                    suffixes=("_new", "_old"))


def vintage_disagreements(tidy: pd.DataFrame, series=OVERLAPPING) -> dict[str, pd.DataFrame]:
    """:func:`vintage_disagreement` of each of ``series`` (newer vs older vintage), by series name."""
    return {name: vintage_disagreement(variable_frame(tidy, VINTAGES[name][0][1]),
                                       variable_frame(tidy, VINTAGES[name][1][1])) for name in series}


def stack_disagreements(disagreements: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The tables of :func:`vintage_disagreements` in one, with a leading ``series`` column."""
    table = pd.concat([frame.assign(series=name) for name, frame in disagreements.items()], ignore_index=True)
    return table[["series", *table.columns[:-1]]]


def variables_used() -> list[str]:
    """Every panel variable the trade tables read."""
    return [v for vintages in VINTAGES.values() for _, v in vintages] + list(PLAIN) + list(WEIGHTS.values()) + USD_VARIABLES


def variable_coverage(tidy: pd.DataFrame, variables) -> pd.DataFrame:
    """First and last year and number of countries of each of ``variables`` in the panel."""
    rows = tidy[tidy["variable"].isin(list(variables))]
    return rows.groupby("variable").agg(first_year=("year", "min"), last_year=("year", "max"),
                                        countries=("iso3", "nunique")).reset_index()


def composition(tidy: pd.DataFrame, prefer: str = "newer", combined: dict | None = None) -> pd.DataFrame:
    """Every composition series of :data:`VINTAGES` (spliced) and of ``combined`` (:data:`COMBINED` by default:
    name → the series summed), tidy.

    Parameters
    ----------
    tidy : DataFrame
        The panel (iso3, year, variable, value, ...).
    prefer : {"newer", "older"}
        Which vintage wins where two overlap.

    Returns
    -------
    DataFrame
        series, iso3, year, value, vintage (``"a+b"`` for a combined value whose parts come from
        different vintages).
    """
    if prefer not in ("newer", "older"):
        raise ValueError(f"prefer must be 'newer' or 'older', not {prefer!r}")
    combined = COMBINED if combined is None else combined
    parts = []
    for name, vintages in VINTAGES.items():
        if len(vintages) == 1:
            label, variable = vintages[0]
            parts.append(variable_frame(tidy, variable).assign(vintage=label, series=name))
            continue
        (new_label, new_var), (old_label, old_var) = vintages
        new, old = variable_frame(tidy, new_var), variable_frame(tidy, old_var)
        spliced = (splice_vintages(new, old, new_label, old_label) if prefer == "newer"
                   else splice_vintages(old, new, old_label, new_label))
        parts.append(spliced.assign(series=name))
    frame = pd.concat(parts, ignore_index=True)
    parts += [combine_series(frame, name, series) for name, series in combined.items()]
    frame = pd.concat(parts, ignore_index=True)[["series", "iso3", "year", "value", "vintage"]]
    return frame.sort_values(["series", "iso3", "year"]).reset_index(drop=True)


def combine_series(frame: pd.DataFrame, name: str, series) -> pd.DataFrame:
    """The sum of ``series`` (composition series of ``frame``) as the series ``name``, where every part has a
    value; ``vintage`` is the parts' vintage, or their vintages joined by "+" when they differ."""
    first, *others = series
    both = frame[frame["series"] == first].drop(columns="series")
    for other in others:
        part = frame[frame["series"] == other].drop(columns="series")
        both = both.merge(part, on=["iso3", "year"], suffixes=("", "_b"))
        same = both["vintage"] == both["vintage_b"]
        both = both.assign(value=both["value"] + both["value_b"],
                           vintage=np.where(same, both["vintage"], both["vintage"] + "+" + both["vintage_b"]))
        both = both.drop(columns=["value_b", "vintage_b"])
    return pd.DataFrame({"series": name, "iso3": both["iso3"], "year": both["year"], "value": both["value"],
                         "vintage": both["vintage"]})


# --- group aggregates ---------------------------------------------------------------------------

def group_summary(values: pd.DataFrame, group: pd.Series, weights: pd.DataFrame | None = None,
                  min_countries: int = 1) -> pd.DataFrame:
    """Median country, inter-quartile range and (optionally) weighted mean by group and year.

    Parameters
    ----------
    values : DataFrame
        iso3, year, value.
    group : Series
        iso3 → group; countries not in it are left out.
    weights : DataFrame, optional
        iso3, year, weight. The weighted mean is Σ value·weight / Σ weight over the countries with
        both a value and a weight; for a share of merchandise exports weighted by merchandise
        exports in US$ it equals the group's aggregate share.
    min_countries : int
        Statistics of a group-year with fewer countries reporting are set to NaN (the row is kept,
        with its ``n_countries``).

    Returns
    -------
    DataFrame
        group, year, n_countries, median, q25, q75, weighted, n_weighted.
    """
    data = values.dropna(subset=["value"]).assign(group=lambda d: d["iso3"].map(group)).dropna(subset=["group"])
    if weights is not None:
        data = data.merge(weights.dropna(subset=["weight"]), on=["iso3", "year"], how="left")
    else:
        data = data.assign(weight=np.nan)
    rows = []
    for (name, year), chunk in data.groupby(["group", "year"]):
        weighted = chunk.dropna(subset=["weight"])
        row = {"group": name, "year": int(year), "n_countries": len(chunk),
               "median": chunk["value"].median(), "q25": chunk["value"].quantile(0.25),
               "q75": chunk["value"].quantile(0.75), "n_weighted": len(weighted),
               "weighted": (weighted["value"] * weighted["weight"]).sum() / weighted["weight"].sum()
               if len(weighted) and weighted["weight"].sum() > 0 else np.nan}
        if len(chunk) < min_countries:
            row.update(median=np.nan, q25=np.nan, q75=np.nan)
        if len(weighted) < min_countries:
            row["weighted"] = np.nan
        rows.append(row)
    columns = ["group", "year", "n_countries", "median", "q25", "q75", "weighted", "n_weighted"]
    return pd.DataFrame(rows, columns=columns).sort_values(["group", "year"]).reset_index(drop=True)


def trade_structure(tidy: pd.DataFrame, groups: list[str], prefer: str = "newer", min_countries: int = 1,
                    combined: dict | None = None, series=None) -> pd.DataFrame:
    """The group-by-year table of every trade-structure series (the notebook's main table).

    Composition shares are weighted by merchandise exports (imports) in US$ where those exist
    (WDI 2013, to 2012); openness, industry share, high-technology share and ECI are unweighted.
    ``combined``: the summed series (:func:`composition`); ``series``: only these (default: every series).

    Returns
    -------
    DataFrame
        series, group, year, n_countries, median, q25, q75, weighted, n_weighted.
    """
    group = countries.group_of().map(countries.BROAD_GROUP)
    group = group[group.isin(groups)]
    parts = []
    spliced = composition(tidy, prefer, combined)
    if series is not None:
        spliced = spliced[spliced["series"].isin(list(series))]
    for name, rows in spliced.groupby("series"):
        flow = name.split("_")[0]
        weights = None
        if flow in WEIGHTS:
            weights = variable_frame(tidy, WEIGHTS[flow]).rename(columns={"value": "weight"})
        summary = group_summary(rows[["iso3", "year", "value"]], group, weights, min_countries)
        parts.append(summary.assign(series=name))
    for variable, name in PLAIN.items():
        if series is None or name in series:
            parts.append(group_summary(variable_frame(tidy, variable), group, None, min_countries).assign(series=name))
    table = pd.concat(parts, ignore_index=True)
    table = table[["series", *[c for c in table.columns if c != "series"]]]
    return table.sort_values(["series", "group", "year"]).reset_index(drop=True)


def latest_common_year(table: pd.DataFrame, series: str, groups: list[str], column: str = "median") -> int | None:
    """Last year in which ``column`` of ``series`` is known for every one of ``groups`` (None if never)."""
    rows = table[(table["series"] == series) & table["group"].isin(groups)].dropna(subset=[column])
    counts = rows.groupby("year")["group"].nunique()
    years = counts[counts == len(set(groups))].index
    return int(years.max()) if len(years) else None


def value_at(table: pd.DataFrame, series: str, group: str, year: int | None, column: str = "median") -> float:
    """One statistic of the group table (NaN when absent)."""
    if year is None:
        return float("nan")
    rows = table[(table["series"] == series) & (table["group"] == group) & (table["year"] == year)]
    return float(rows[column].iloc[0]) if len(rows) else float("nan")


# --- exports in US$ and CIS shares ---------------------------------------------------------------

def exports_usd(wide: pd.DataFrame) -> pd.DataFrame:
    """Exports of goods and services in current US$: the WDI series and computed ones, per country-year.

    ``direct`` = WDI 2013 NE.EXP.GNFS.CD; ``computed`` = exports in % of GDP (WDI current, via
    Gapminder) × GDP in current US$ (WDI 2022, or WEO April 2019 where WDI 2022 has no value);
    ``value`` = direct where available, else computed; ``basis`` says which.

    Parameters
    ----------
    wide : DataFrame
        One row per country-year with wdi2013_ne_exp_gnfs_cd, wdi_exports_pct_gdp,
        wdi2022_ny_gdp_mktp_cd and weo_gdp_usd (billions).

    Returns
    -------
    DataFrame
        iso3, year, direct, computed, gdp_source, value, basis (all US$ in billions); rows with
        neither value are dropped.
    """
    gdp_wdi = wide["wdi2022_ny_gdp_mktp_cd"] / 1e9
    gdp = gdp_wdi.fillna(wide["weo_gdp_usd"])
    gdp_source = np.where(gdp_wdi.notna(), "wdi2022", np.where(wide["weo_gdp_usd"].notna(), "weo2019", ""))
    frame = pd.DataFrame({"iso3": wide["iso3"], "year": wide["year"].astype(int),
                          "direct": wide["wdi2013_ne_exp_gnfs_cd"] / 1e9,
                          "computed": wide["wdi_exports_pct_gdp"] / 100 * gdp})
    frame["gdp_source"] = np.where(frame["computed"].notna(), gdp_source, "")
    frame["value"] = frame["direct"].fillna(frame["computed"])
    frame["basis"] = np.where(frame["direct"].notna(), "direct", "computed")
    frame = frame.dropna(subset=["value"])
    return frame.sort_values(["iso3", "year"]).reset_index(drop=True)


def cis_members_in(period: tuple[int, int], members: list[str], membership: str = "fixed",
                   blocs: pd.DataFrame | None = None) -> list[str]:
    """The CIS countries counted in ``period``.

    ``"fixed"``: all of ``members``. ``"dated"``: those of ``members`` who were members of the CIS
    (``blocs``, the table of :func:`transition.data.blocs.load_blocs`) at the start of the period,
    1 January of its first year (Georgia joined in 1993, a year-only date read as 1 July, and left
    in 2009; Ukraine's recorded exit is 2018).
    """
    if membership == "fixed":
        return list(members)
    if membership != "dated":
        raise ValueError(f"membership must be 'fixed' or 'dated', not {membership!r}")
    if blocs is None:
        raise ValueError("membership 'dated' needs the bloc table (transition.data.blocs.load_blocs())")
    inside = set(members_on(blocs, "CIS", datetime.date(period[0], *PERIOD_START_DAY)))
    return [iso3 for iso3 in members if iso3 in inside]


def cis_export_shares(usd: pd.DataFrame, members: list[str], periods: list[str],
                      membership: str = "fixed", blocs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each CIS country's share of the CIS total of exports, by period.

    A country's exports in a period are the mean over the years it has data; its share is that
    mean over the sum of the means of the countries counted in the period. A country with no
    data in a period is left out of that period's total, which raises every other share (the
    ``n_missing`` column says how many are left out). Shares are given three ways: ``share_pct``
    from ``value`` (direct WDI series where it exists, else computed), ``share_pct_direct`` and
    ``share_pct_computed`` (each from one basis alone, over the countries that have it).

    Returns
    -------
    DataFrame
        iso3, period, share_pct, share_pct_direct, share_pct_computed, exports_usd_bn, n_years,
        basis, n_counted, n_missing.
    """
    rows = []
    for text in periods:
        first, last = parse_period(text)
        counted = cis_members_in((first, last), members, membership, blocs)
        chunk = usd[usd["iso3"].isin(counted) & usd["year"].between(first, last)]
        means = chunk.groupby("iso3")[["value", "direct", "computed"]].mean()
        shares = means / means.sum() * 100
        for iso3 in means.index:
            bases = set(chunk.loc[chunk["iso3"] == iso3, "basis"])
            rows.append({"iso3": iso3, "period": text, "share_pct": shares.loc[iso3, "value"],
                         "share_pct_direct": shares.loc[iso3, "direct"],
                         "share_pct_computed": shares.loc[iso3, "computed"],
                         "exports_usd_bn": means.loc[iso3, "value"],
                         "n_years": int((chunk["iso3"] == iso3).sum()),
                         "basis": bases.pop() if len(bases) == 1 else "mixed",
                         "n_counted": len(means), "n_missing": len(counted) - len(means)})
    columns = ["iso3", "period", "share_pct", "share_pct_direct", "share_pct_computed", "exports_usd_bn",
               "n_years", "basis", "n_counted", "n_missing"]
    table = pd.DataFrame(rows, columns=columns)
    order = {text: position for position, text in enumerate(periods)}
    return table.sort_values(["period", "iso3"], key=lambda s: s.map(order) if s.name == "period" else s
                             ).reset_index(drop=True)


def yearly_export_shares(usd: pd.DataFrame, members: list[str], years) -> pd.DataFrame:
    """Each member's share of the members' exports year by year (:func:`cis_export_shares` of one-year periods),
    shaped as :func:`~transition.analysis.cis_exports.non_cis_shares`: iso3, year, share_pct, n_counted,
    n_missing, complete (every member has a value)."""
    shares = cis_export_shares(usd, members, [f"{year}-{year}" for year in years])
    shares = shares.assign(year=shares["period"].map(lambda text: parse_period(text)[0]),
                           complete=shares["n_missing"] == 0)
    return shares[["iso3", "year", "share_pct", "n_counted", "n_missing", "complete"]].reset_index(drop=True)


def compare_with_essay(shares: pd.DataFrame, period: str) -> pd.DataFrame:
    """The essay's C6 figures beside the data's shares in ``period``.

    Named exporters (Russia, Ukraine, Kazakhstan) are compared with the essay's number
    (difference = data − essay, percentage points); every other country with the essay's range
    0.3–3% (difference = distance to the nearest end of the range, 0 inside; ``in_essay_range`` at the essay's
    precision: the share rounded to :data:`~transition.analysis.cis_exports.ESSAY_RANGE_DIGITS` decimals).

    Returns
    -------
    DataFrame
        iso3, period, share_pct, essay_low, essay_high, difference_pp, in_essay_range.
    """
    rows = shares[shares["period"] == period]
    low, high = ESSAY_OTHER_RANGE
    table = pd.DataFrame({"iso3": rows["iso3"], "period": period, "share_pct": rows["share_pct"]})
    table["essay_low"] = table["iso3"].map(ESSAY_SHARES).fillna(low)
    table["essay_high"] = table["iso3"].map(ESSAY_SHARES).fillna(high)
    above = table["share_pct"] - table["essay_high"]
    below = table["share_pct"] - table["essay_low"]
    table["difference_pp"] = np.where(above > 0, above, np.where(below < 0, below, 0.0))
    # in the range at the essay's precision: 0.26 reads as 0.3
    table["in_essay_range"] = table["share_pct"].round(ESSAY_RANGE_DIGITS).between(low, high)
    named = table["iso3"].isin(list(ESSAY_SHARES))
    table.loc[named, "in_essay_range"] = False
    order = {iso3: position for position, iso3 in enumerate(ESSAY_SHARES)}
    table["order"] = table["iso3"].map(order).fillna(len(order))
    return table.sort_values(["order", "iso3"]).drop(columns="order").reset_index(drop=True)


# --- growth and imports -------------------------------------------------------------------------

def _first_on_or_after(series: pd.Series, year: int, last: int) -> int | None:
    years = series.dropna().index
    years = years[(years >= year) & (years < last)]
    return int(years.min()) if len(years) else None


def cumulative_volume(growth: pd.Series, start: int, end: int) -> float:
    """Volume index at ``end`` with ``start`` = 100, from annual % changes (NaN if any year is missing)."""
    years = range(start + 1, end + 1)
    if any(year not in growth.index or pd.isna(growth.loc[year]) for year in years):
        return float("nan")
    return float(100 * np.prod([1 + growth.loc[year] / 100 for year in years]))


def export_growth(wide: pd.DataFrame, usd: pd.DataFrame, members: list[str], start: int, end: int) -> pd.DataFrame:
    """Whose exports grew from ``start`` to ``end``: in current US$ (three bases) and in volume.

    Where a country has no value in ``start`` the first later year with one is used (recorded per
    measure). ``grew_*`` is True when the ``end`` value exceeds the start value; ``essay_grew`` is
    the essay's statement (all grew except Kyrgyzstan, Tajikistan and Ukraine).

    Returns
    -------
    DataFrame
        iso3, then for each measure m in (usd_direct, usd_computed_weo, volume): start_m, change_pct_m,
        grew_m; and essay_grew.
    """
    w = wide.set_index(["iso3", "year"])
    weo_usd = (w["wdi_exports_pct_gdp"] / 100 * w["weo_gdp_usd"]).rename("weo")
    measures = {"usd_direct": usd.set_index(["iso3", "year"])["direct"],
                "usd_computed_weo": weo_usd}
    rows = []
    for iso3 in members:
        row: dict[str, Any] = {"iso3": iso3}
        for name, series in measures.items():
            own = series.xs(iso3, level="iso3") if iso3 in series.index.get_level_values("iso3") else pd.Series(dtype=float)
            first = _first_on_or_after(own, start, end)
            ok = first is not None and end in own.index and pd.notna(own.loc[end])
            change = 100 * (own.loc[end] / own.loc[first] - 1) if ok else np.nan
            row.update({f"start_{name}": first, f"change_pct_{name}": change,
                        f"grew_{name}": bool(change > 0) if ok else None})
        growth = (w["weo_export_volume_growth"].xs(iso3, level="iso3")
                  if iso3 in w.index.get_level_values("iso3") else pd.Series(dtype=float))
        first = _first_on_or_after(growth.rename(lambda y: y - 1), start, end)  # growth in y+1 needs level in y
        index = cumulative_volume(growth, first, end) if first is not None else np.nan
        row.update({"start_volume": first, "change_pct_volume": index - 100 if pd.notna(index) else np.nan,
                    "grew_volume": bool(index > 100) if pd.notna(index) else None})
        row["essay_grew"] = iso3 not in ESSAY_NO_GROWTH
        rows.append(row)
    table = pd.DataFrame(rows)
    for name in ("usd_direct", "usd_computed_weo", "volume"):
        table[f"start_{name}"] = table[f"start_{name}"].astype("Int64")
    return table.sort_values("iso3").reset_index(drop=True)


def import_processing(comp: pd.DataFrame, members: list[str], periods: list[str]) -> pd.DataFrame:
    """Manufactures (and food) share of merchandise imports vs exports, CIS countries, period means.

    Returns
    -------
    DataFrame
        iso3, period, imports_manufactures, imports_food, imports_processed (manufactures + food),
        exports_manufactures, n_years (years with imports_manufactures); periods without data are left out.
    """
    wanted = ["imports_manufactures", "imports_food", "imports_processed", "exports_manufactures"]
    rows = []
    for text in periods:
        first, last = parse_period(text)
        chunk = comp[comp["series"].isin(wanted) & comp["iso3"].isin(members) & comp["year"].between(first, last)]
        if chunk.empty:
            continue
        means = chunk.pivot_table(index="iso3", columns="series", values="value", aggfunc="mean")
        years = chunk[chunk["series"] == "imports_manufactures"].groupby("iso3")["year"].nunique()
        means = means.reindex(columns=wanted).assign(n_years=years.reindex(means.index).fillna(0).astype(int))
        rows.append(means.reset_index().assign(period=text))
    if not rows:
        return pd.DataFrame(columns=["iso3", "period", *wanted, "n_years"])
    table = pd.concat(rows, ignore_index=True)[["iso3", "period", *wanted, "n_years"]]
    return table.sort_values(["period", "iso3"]).reset_index(drop=True)


def growth_sensitivity(wide: pd.DataFrame, usd: pd.DataFrame, members: list[str], starts: list[int],
                       end: int) -> pd.DataFrame:
    """How many CIS countries' exports grew to ``end``, for several start years and each measure.

    Returns
    -------
    DataFrame
        start_year, measure, n_with_data, n_grew, did_not_grow (ISO3 codes, comma-separated).
    """
    rows = []
    for start in starts:
        table = export_growth(wide, usd, members, start, end)
        for measure in ("usd_direct", "usd_computed_weo", "volume"):
            known = table[table[f"grew_{measure}"].notna()]
            fell = known.loc[~known[f"grew_{measure}"].astype(bool), "iso3"]
            rows.append({"start_year": start, "measure": measure, "n_with_data": len(known),
                         "n_grew": int(known[f"grew_{measure}"].astype(bool).sum()),
                         "did_not_grow": ", ".join(sorted(fell))})
    return pd.DataFrame(rows)


def snapshot_series(eci_variable: str) -> list[str]:
    """The series of the snapshot, with the run's ECI classification (:data:`SNAPSHOT_SERIES`)."""
    return [*SNAPSHOT_SERIES[0], eci_variable, *SNAPSHOT_SERIES[1]]


def snapshot(table: pd.DataFrame, series: list[str], groups: list[str], early_year: int) -> pd.DataFrame:
    """Group statistics of ``series`` in ``early_year`` and in the latest year every group has a median.

    Returns
    -------
    DataFrame
        series, when ("early" / "latest"), year, group, n_countries, median, q25, q75, weighted.
    """
    rows = []
    for name in series:
        latest = latest_common_year(table, name, groups)
        for when, year in (("early", early_year), ("latest", latest)):
            for group in groups:
                match = table[(table["series"] == name) & (table["group"] == group) & (table["year"] == year)]
                stats = match.iloc[0] if len(match) else pd.Series(dtype=float)
                rows.append({"series": name, "when": when, "year": year, "group": group,
                             **{key: stats.get(key, np.nan) for key in
                                ("n_countries", "median", "q25", "q75", "weighted")}})
    frame = pd.DataFrame(rows)
    return frame.astype({"year": "Int64", "n_countries": "Int64"})
