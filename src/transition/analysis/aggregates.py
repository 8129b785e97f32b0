"""Group aggregates as the literature computes them: weighted by output (or population), beside medians.

The project's group numbers are medians (every country counts once); the EBRD, the IMF and the UN
publish regional aggregates in which a country counts by its size: a group's real GDP growth is the
growth of the group's total output (the members' growth rates weighted by their output in the year
before), its inflation the members' rates weighted by their output. Russia is about half of the
CIS's output, Poland about a third of Central Europe's and the Baltics': an aggregate follows the big
economies, a median the typical one. This module is the one home of those aggregates (pure: tables in,
tables out):

- :func:`weights` — each country-year's weight (real GDP at PPP or in constant US$, or population);
- :func:`weighted_aggregate` — the weighted mean of a value by group (and year), with the median and
  the counts beside it;
- :func:`aggregate_growth` — group growth weighted by the previous year's output;
- :func:`chain_index` — a group's output path (base year = 100) cumulated from its aggregate growth.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"iso3": ["A", "B", "C"], "group": "G", "year": 2000,
...                       "growth": [10.0, 0.0, 2.0], "weight": [8.0, 1.0, 1.0]})
>>> weighted_aggregate(frame, "growth", "weight")[["weighted", "median", "n"]].values.tolist()
[[8.2, 2.0, 3.0]]
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from transition.analysis.groups import ALL, BROAD_GROUPS, group_rank
from transition.data import countries, derived

#: Weight concepts: id → (panel variable, description). Output at PPP is the IMF's weighting of regional
#: aggregates; constant US$ is closer to exchange-rate weights; population weighs people, not output.
WEIGHTS = {
    "ppp": ("mad_gdp", "real GDP at 2011 PPP (Maddison Project 2023)"),
    "usd": ("wdi_gdp_constant_usd", "real GDP in constant 2015 US$ (WDI)"),
    "population": ("mad_pop", "population (Maddison Project 2023)"),
}
DEFAULT_WEIGHTS = "ppp"
AGGREGATE_COLUMNS = ["weighted", "median", "n", "n_weighted", "weight_total"]
#: The groupings the literature aggregates over, from the study's groups (``data/countries.csv``): name →
#: member groups. The broad groups; the Baltic states alone; Central and South-East Europe (the UN's
#: "Central and Eastern Europe"); Europe outside the CIS (the UN's "Central and Eastern Europe and Baltic
#: States", the EBRD's Central Europe, Baltics and South-East Europe); every economy but Mongolia (the EBRD's
#: countries of operations around 2000, the UN's "economies in transition"); all.
LITERATURE_GROUPS = {
    "CIS": ("CIS",),
    "CEE & Baltics": ("Central Europe", "Baltic"),
    "SEE": ("South-East Europe",),
    "Baltic": ("Baltic",),
    "Central & South-East Europe": ("Central Europe", "South-East Europe"),
    "Europe outside the CIS": ("Central Europe", "Baltic", "South-East Europe"),
    "All but Mongolia": ("CIS", "Central Europe", "Baltic", "South-East Europe"),
    ALL: ("CIS", "Central Europe", "Baltic", "South-East Europe", "Mongolia"),
}


def membership(groupings: dict[str, tuple[str, ...]] | None = None) -> pd.DataFrame:
    """Which study economy belongs to which aggregate: iso3, group (a country may be in several).

    >>> table = membership()
    >>> sorted(table.loc[table["group"] == "Baltic", "iso3"])
    ['EST', 'LTU', 'LVA']
    """
    group = countries.group_of()
    rows = [{"iso3": iso3, "group": name} for name, members in (groupings or LITERATURE_GROUPS).items()
            for iso3 in group.index[group.isin(members)]]
    return pd.DataFrame(rows, columns=["iso3", "group"])


def weights(tidy: pd.DataFrame, concept: str = DEFAULT_WEIGHTS, lag: int = 0) -> pd.DataFrame:
    """Each country-year's weight: iso3, year, weight (positive values only).

    ``lag`` = 1 gives year t the weight of year t-1 (output before the year's growth: the weight of a
    growth rate).

    >>> tidy = pd.DataFrame({"iso3": "A", "year": [1999, 2000], "variable": "mad_gdp", "value": [5.0, 6.0]})
    >>> weights(tidy, "ppp", lag=1).values.tolist()
    [['A', 2000, 5.0], ['A', 2001, 6.0]]
    """
    if concept not in WEIGHTS:
        raise ValueError(f"weights must be one of {sorted(WEIGHTS)}, not {concept!r}")
    values = derived.series(tidy, WEIGHTS[concept][0]).rename("weight").reset_index()
    values = values[values["weight"] > 0]
    return values.assign(year=values["year"] + lag).astype({"year": "int64"}).reset_index(drop=True)


def weighted_aggregate(frame: pd.DataFrame, value: str, weight: str = "weight", group_column: str = "group",
                       by: Sequence[str] = ("year",), order: Sequence[str] = BROAD_GROUPS) -> pd.DataFrame:
    """Weighted mean of ``value`` by group (and ``by``), with the median and counts beside it.

    Rows with a missing value or group are left out; the median counts every such row (``n``), the
    weighted mean only those with a positive weight (``n_weighted``). ``weight_total`` is the sum of
    their weights (to check coverage against the group's total).

    Returns
    -------
    DataFrame: group_column, *by, weighted, median, n, n_weighted, weight_total; groups in ``order`` first.
    """
    keys = [group_column, *by]
    data = frame.dropna(subset=[group_column, value])
    usable = data[data[weight].notna() & (data[weight] > 0)]
    sums = (usable.assign(_product=usable[value] * usable[weight]).groupby(keys)[["_product", weight]].sum())
    weighted = (sums["_product"] / sums[weight]).rename("weighted")
    result = pd.concat([weighted, data.groupby(keys)[value].median().rename("median"),
                        data.groupby(keys)[value].count().rename("n").astype(float),
                        usable.groupby(keys)[value].count().rename("n_weighted").astype(float),
                        sums[weight].rename("weight_total")], axis=1).reset_index()
    result[["n", "n_weighted"]] = result[["n", "n_weighted"]].fillna(0.0)
    return (result.assign(_rank=group_rank(result[group_column], order)).sort_values(["_rank", *keys])
            .drop(columns="_rank").reset_index(drop=True))


def aggregate_growth(growth: pd.DataFrame, lagged_weights: pd.DataFrame, group: pd.Series | pd.DataFrame,
                     order: Sequence[str] = (*LITERATURE_GROUPS,)) -> pd.DataFrame:
    """Group real GDP growth weighted by the previous year's output, beside the median.

    Parameters
    ----------
    growth : DataFrame
        iso3, year, growth (% per year).
    lagged_weights : DataFrame
        :func:`weights` with ``lag=1``.
    group : Series or DataFrame
        iso3 → group label, or a membership table (iso3, group; :func:`membership`) in which a country
        may belong to several groups; countries in no group are left out.

    Returns
    -------
    DataFrame: group, year, weighted, median, n, n_weighted, weight_total.
    """
    return aggregate_by(growth, "growth", lagged_weights, group, order)


def aggregate_by(values: pd.DataFrame, value: str, weights_table: pd.DataFrame, group: pd.Series | pd.DataFrame,
                 order: Sequence[str] = (*LITERATURE_GROUPS,)) -> pd.DataFrame:
    """:func:`weighted_aggregate` of a country-year ``value`` (iso3, year, value) by group and year.

    ``weights_table`` is :func:`weights` (lag 1 for growth rates, lag 0 for levels and price changes);
    ``group`` as in :func:`aggregate_growth`.
    """
    members = (group.rename("group").rename_axis("iso3").reset_index() if isinstance(group, pd.Series)
               else group[["iso3", "group"]])
    frame = values.merge(weights_table, on=["iso3", "year"], how="left").merge(members, on="iso3", how="inner")
    return weighted_aggregate(frame, value, "weight", "group", ("year",), order)


def chain_index(aggregate: pd.DataFrame, base_year: int, value: str = "weighted",
                group_column: str = "group") -> pd.DataFrame:
    """A group's output path from its aggregate growth: 100 in ``base_year``, cumulated year by year.

    The year after ``base_year`` is the first growth applied; a missing year of growth stops the
    path (NaN from there on). Years before the base are not back-cast.

    >>> agg = pd.DataFrame({"group": "G", "year": [1990, 1991], "weighted": [-10.0, 5.0]})
    >>> chain_index(agg, 1989)["index"].round(2).tolist()
    [100.0, 90.0, 94.5]
    """
    rows = []
    for name, own in aggregate.groupby(group_column, sort=False):
        rates = own.set_index("year")[value]
        level = 100.0
        rows.append({group_column: name, "year": base_year, "index": level})
        for year in range(base_year + 1, int(rates.index.max()) + 1 if len(rates) else base_year + 1):
            rate = rates.get(year, np.nan)
            level = level * (1 + rate / 100) if np.isfinite(level) and pd.notna(rate) else np.nan
            rows.append({group_column: name, "year": year, "index": level})
    return pd.DataFrame(rows, columns=[group_column, "year", "index"])
