"""As the essay's author saw it: the figures of the day beside today's revised ones (notebook ``10_real_time``).

Pure computation: tables in, tables out. The figures of the day are the WEO editions of the essay's
year (:mod:`transition.data.weo_vintages`): for 2000 and 2001, what the April and September 2002
editions published. Today's revised figures are the panel's: real GDP growth from WDI (the project's
default) and from WEO April 2019, CPI inflation screened as everywhere else
(:func:`transition.data.derived.inflation`). The module

- sets them side by side, country by country, with the revision (:func:`day_vs_revised`) and
  summarises the revisions by group (:func:`revision_summary`);
- tracks every year's first release against today (:func:`first_release`);
- puts the figures of the day into the panel (:func:`with_figures_of_the_day`) so that an analysis can
  be re-run on them unchanged (the stabilization table of notebook 03);
- re-reads claim C3's level outcome with the growth of the day (:func:`c3_with_growth_of_the_day`).

The vintage file holds, for each edition, the values of the two years before it and its own forecasts,
not the whole 1989-2001 path as seen in 2002: only the 2000 and 2001 numbers can be put back as they
were, the earlier years stay today's.

Examples
--------
>>> import pandas as pd
>>> v = pd.DataFrame({"iso3": "UZB", "variable": "inflation", "target_year": 2001,
...                   "edition": ["2002-04", "2002-09"], "value": [27.2, 27.2]})
>>> revised = {"cpi": pd.Series([48.9], index=pd.MultiIndex.from_tuples([("UZB", 2001)], names=["iso3", "year"]))}
>>> day_vs_revised(v, revised, "inflation", [2001], ["2002-04", "2002-09"])[["of_the_day", "revised_cpi", "revision_cpi"]].values.tolist()
[[27.2, 48.9, 21.7]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from transition.analysis import aggregates
from transition.analysis.groups import (
    BOOTSTRAP_DRAWS,
    BOOTSTRAP_SEED,
    BROAD_GROUPS,
    INTERVAL_LEVEL,
    group_rank,
    median_difference_interval,
)
from transition.data import countries, derived

#: Revised growth sources compared: name → growth source of :func:`transition.data.derived.growth_rates`.
REVISED_GROWTH = {"wdi": "wdi", "weo2019": "weo"}
#: The revised inflation: the panel's screened CPI inflation (name of the comparison).
REVISED_INFLATION = "cpi"
#: The panel variable the inflation of the day replaces (the first CPI source of ``derived.inflation``).
INFLATION_VARIABLE = "weo_cpi_inflation"
#: A revision larger than this (percentage points) counts as large in the summaries.
LARGE_REVISION = 2.0


def revised_values(tidy: pd.DataFrame, variable: str) -> dict[str, pd.Series]:
    """Today's revised values of ``variable`` ("growth" or "inflation"): name → Series by (iso3, year)."""
    if variable == "growth":
        return {name: derived.growth_rates(tidy, source).set_index(["iso3", "year"])["growth"].sort_index()
                for name, source in REVISED_GROWTH.items()}
    if variable == "inflation":
        return {REVISED_INFLATION: derived.inflation(tidy).set_index(["iso3", "year"])["inflation"].sort_index()}
    raise ValueError(f"variable must be 'growth' or 'inflation', not {variable!r}")


def _broad_group() -> pd.Series:
    return countries.group_of().map(countries.BROAD_GROUP)


def day_vs_revised(vintages: pd.DataFrame, revised: dict[str, pd.Series], variable: str, target_years,
                   editions: list[str]) -> pd.DataFrame:
    """The figures of the day beside today's, one row per country and target year.

    Parameters
    ----------
    vintages : DataFrame
        :func:`transition.data.weo_vintages.load`.
    revised : dict
        name → today's values by (iso3, year) (:func:`revised_values`).
    variable : "growth" or "inflation"
    target_years : list of int
    editions : list of str
        The editions of the day, oldest first (e.g. ``["2002-04", "2002-09"]``).

    Returns
    -------
    DataFrame: iso3, broad_group, target_year, one column per edition, ``of_the_day`` (the latest of
    those editions that published the number), then per revised name ``revised_<name>`` and
    ``revision_<name>`` (today minus the day, percentage points); sorted by group and iso3.
    """
    rows = vintages[(vintages["variable"] == variable) & vintages["target_year"].isin(list(target_years))
                    & vintages["edition"].isin(editions)]
    wide = rows.pivot_table(index=["iso3", "target_year"], columns="edition", values="value").reindex(columns=editions)
    wide.columns.name = None
    wide["of_the_day"] = wide[editions].ffill(axis=1).iloc[:, -1]
    for name, values in revised.items():
        wide[f"revised_{name}"] = values.reindex(wide.index.rename(["iso3", "year"])).to_numpy()
        wide[f"revision_{name}"] = wide[f"revised_{name}"] - wide["of_the_day"]
    table = wide.reset_index()
    table.insert(1, "broad_group", table["iso3"].map(_broad_group()))
    table = table.assign(_rank=group_rank(table["broad_group"], BROAD_GROUPS))
    return table.sort_values(["target_year", "_rank", "iso3"]).drop(columns="_rank").reset_index(drop=True)


def revision_summary(table: pd.DataFrame, name: str, large: float = LARGE_REVISION,
                     value: str = "of_the_day") -> pd.DataFrame:
    """Per broad group and target year: medians of the day (``value``: or the first release) and today,
    and how large the revisions were.

    Returns
    -------
    DataFrame: broad_group, target_year, n, median_of_the_day, median_revised, median_revision,
    median_abs_revision, n_large (|revision| > ``large``), largest (the iso3 with the largest |revision|).
    """
    data = table.dropna(subset=[value, f"revised_{name}"])
    revision = data[f"revision_{name}"]
    rows = []
    for (group, year), own in data.assign(_abs=revision.abs()).groupby(["broad_group", "target_year"]):
        rows.append({"broad_group": group, "target_year": year, "n": len(own),
                     "median_of_the_day": own[value].median(),
                     "median_revised": own[f"revised_{name}"].median(),
                     "median_revision": own[f"revision_{name}"].median(), "median_abs_revision": own["_abs"].median(),
                     "n_large": int((own["_abs"] > large).sum()), "largest": own.loc[own["_abs"].idxmax(), "iso3"]})
    summary = pd.DataFrame(rows)
    summary["_rank"] = group_rank(summary["broad_group"], BROAD_GROUPS)
    return summary.sort_values(["target_year", "_rank"]).drop(columns="_rank").reset_index(drop=True)


def first_release(vintages: pd.DataFrame, revised: dict[str, pd.Series], variable: str,
                  years_after: int = 1, month: int = 4) -> pd.DataFrame:
    """Every year's first release (the edition of ``month`` in the year after) beside today's values.

    Returns
    -------
    DataFrame: iso3, broad_group, variable, target_year, edition, first_release, then per revised name
    ``revised_<name>`` and ``revision_<name>`` (today minus the first release).
    """
    rows = vintages[(vintages["variable"] == variable)
                    & (vintages["edition_year"] == vintages["target_year"] + years_after)
                    & (vintages["edition_month"] == month)]
    table = rows[["iso3", "target_year", "edition", "value"]].rename(columns={"value": "first_release"})
    keys = pd.MultiIndex.from_arrays([table["iso3"], table["target_year"]], names=["iso3", "year"])
    for name, values in revised.items():
        table[f"revised_{name}"] = values.reindex(keys).to_numpy()
        table[f"revision_{name}"] = table[f"revised_{name}"] - table["first_release"]
    table.insert(1, "broad_group", table["iso3"].map(_broad_group()))
    table.insert(2, "variable", variable)
    return table.sort_values(["iso3", "target_year"]).reset_index(drop=True)


def later_revisions(vintages: pd.DataFrame, variable: str, target_year: int, day_edition: str,
                    later_edition: str) -> pd.DataFrame:
    """How a later edition changed the figure of the day: iso3, of_the_day, later, change; largest change first."""
    wide = as_published_pair(vintages, variable, target_year, day_edition, later_edition)
    wide["change"] = wide["later"] - wide["of_the_day"]
    return (wide.assign(_abs=wide["change"].abs()).sort_values(["_abs", "iso3"], ascending=[False, True])
            .drop(columns="_abs").reset_index(drop=True))


def as_published_pair(vintages: pd.DataFrame, variable: str, target_year: int, first: str, second: str) -> pd.DataFrame:
    """iso3, of_the_day (edition ``first``), later (edition ``second``) for one variable and target year."""
    rows = vintages[(vintages["variable"] == variable) & (vintages["target_year"] == target_year)]
    wide = rows.pivot(index="iso3", columns="edition", values="value").reindex(columns=[first, second])
    return wide.set_axis(["of_the_day", "later"], axis=1).dropna().reset_index()


def release_series(first: pd.DataFrame, value: str = "first_release") -> pd.DataFrame:
    """One vintage of :func:`first_release` as iso3, year, growth (the shape of ``derived.growth_rates``)."""
    return first.rename(columns={"target_year": "year", value: "growth"})[["iso3", "year", "growth"]].dropna()


def group_growth(vintages: dict[str, pd.DataFrame], lagged_weights: pd.DataFrame,
                 membership: pd.DataFrame, years) -> pd.DataFrame:
    """Group growth of several vintages, weighted by output (the literature's aggregate) and as medians.

    Parameters
    ----------
    vintages : dict
        vintage name → growth (iso3, year, growth): today's revised series, the first releases, the
        figures of the day. Every vintage is weighted with the same (today's) output of the year before.
    lagged_weights, membership
        :func:`transition.analysis.aggregates.weights` (lag 1) and :func:`~transition.analysis.aggregates.membership`.
    years : list of int

    Returns
    -------
    DataFrame: group, year, vintage, weighted, median, n, n_weighted, weight_total.
    """
    parts = []
    for name, growth in vintages.items():
        growth = growth[growth["year"].isin(list(years))]
        parts.append(aggregates.aggregate_growth(growth, lagged_weights, membership).assign(vintage=name))
    table = pd.concat(parts, ignore_index=True)
    columns = ["group", "year", "vintage", *aggregates.AGGREGATE_COLUMNS]
    return table[columns]


def with_figures_of_the_day(tidy: pd.DataFrame, values: pd.Series, variable: str = INFLATION_VARIABLE) -> pd.DataFrame:
    """The tidy panel with ``variable`` replaced (or added) for the (iso3, year) pairs of ``values``.

    ``values`` is indexed by (iso3, year); NaN values are not used. Every other row is unchanged, so a
    function of the panel run on the result differs only through those numbers.
    """
    values = values.dropna()
    keys = pd.MultiIndex.from_arrays([tidy["iso3"], tidy["year"]])
    replaced = (tidy["variable"] == variable) & keys.isin(values.index)
    source = tidy.loc[tidy["variable"] == variable, "source"]
    added = pd.DataFrame({"iso3": values.index.get_level_values(0), "year": values.index.get_level_values(1).astype("int64"),
                          "variable": variable, "value": values.to_numpy(dtype=float),
                          "source": source.iloc[0] if len(source) else "real_time"})
    return pd.concat([tidy[~replaced], added], ignore_index=True)[tidy.columns]


def of_the_day_series(table: pd.DataFrame) -> pd.Series:
    """The ``of_the_day`` column of :func:`day_vs_revised` as a Series by (iso3, year)."""
    return table.set_index(["iso3", "target_year"])["of_the_day"].rename_axis(["iso3", "year"])


def c3_with_growth_of_the_day(cross: pd.DataFrame, day: pd.Series, revised: pd.Series, level_year: int,
                              window: tuple[int, int]) -> pd.DataFrame:
    """C3's level and growth outcomes with the growth of ``level_year`` as it was published then.

    The index in ``level_year`` is today's, times (1 + growth of the day) / (1 + today's growth) for that
    year: the path to the year before stays today's (the vintages do not hold it). The compound annual
    growth over ``window`` (ending in ``level_year``) changes by the same factor, spread over its years.

    Parameters
    ----------
    cross : DataFrame
        :func:`transition.analysis.resources.cross_section` (iso3, resource_group, the outcomes).
    day, revised : Series by (iso3, year)
        Growth of the day and today's growth of the same GDP source as the outcomes.

    Returns
    -------
    DataFrame: iso3, resource_group, index_revised, index_of_the_day, growth_revised, growth_of_the_day
    (compound % per year over ``window``), growth_year_revised, growth_year_of_the_day.
    """
    index_column, growth_column = f"gdp_index_{level_year}", f"growth_{window[0]}_{window[1]}"
    frame = cross.set_index("iso3")[["resource_group", index_column, growth_column]]
    g_day = day.xs(level_year, level="year").reindex(frame.index)
    g_rev = revised.xs(level_year, level="year").reindex(frame.index)
    factor = (1 + g_day / 100) / (1 + g_rev / 100)
    years = window[1] - window[0]
    growth_day = 100 * (((1 + frame[growth_column] / 100) ** years * factor) ** (1 / years) - 1)
    result = pd.DataFrame({"resource_group": frame["resource_group"], "index_revised": frame[index_column],
                           "index_of_the_day": frame[index_column] * factor, "growth_revised": frame[growth_column],
                           "growth_of_the_day": growth_day, "growth_year_revised": g_rev, "growth_year_of_the_day": g_day})
    return result.rename_axis("iso3").reset_index()


def c3_reading(table: pd.DataFrame, rich: str, poor: str, level: float = INTERVAL_LEVEL,
               draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED + 2) -> pd.DataFrame:
    """The medians C3's rule compares, with today's growth and with the growth of the day.

    The difference of the medians (rich minus poor) has the bootstrap interval of notebook 05
    (:func:`transition.analysis.groups.median_difference_interval`, the same seed), so that with today's
    growth the numbers are notebook 05's; the ledger's rule reads the interval.

    Returns
    -------
    DataFrame indexed by ("revised", "of_the_day"): median_index_rich, median_index_poor, difference,
    difference_low, difference_high, median_growth_rich, median_growth_poor, n_rich, n_poor.
    """
    rows = {}
    for which in ("revised", "of_the_day"):
        rich_index = table.loc[table["resource_group"] == rich, f"index_{which}"].dropna()
        poor_index = table.loc[table["resource_group"] == poor, f"index_{which}"].dropna()
        low, high = median_difference_interval(rich_index, poor_index, level, draws, seed)
        rows[which] = {"median_index_rich": rich_index.median(), "median_index_poor": poor_index.median(),
                       "difference": rich_index.median() - poor_index.median(), "difference_low": low,
                       "difference_high": high,
                       "median_growth_rich": table.loc[table["resource_group"] == rich, f"growth_{which}"].median(),
                       "median_growth_poor": table.loc[table["resource_group"] == poor, f"growth_{which}"].median(),
                       "n_rich": float(len(rich_index)), "n_poor": float(len(poor_index))}
    return pd.DataFrame(rows).T


def changed_rows(before: pd.DataFrame, after: pd.DataFrame, columns: list[str], key: str = "iso3") -> pd.DataFrame:
    """Rows whose ``columns`` differ between two versions of a table: key, column, before, after."""
    left, right = before.set_index(key)[columns], after.set_index(key)[columns].reindex(before[key])
    rows = []
    for code in left.index:
        for column in columns:
            a, b = left.at[code, column], right.at[code, column]
            if not ((pd.isna(a) and pd.isna(b)) or a == b):
                rows.append({key: code, "column": column, "before": a, "after": b})
    return pd.DataFrame(rows, columns=[key, "column", "before", "after"])
