"""How processed a group's merchandise trade is: the counts and group values that claim C5's test reads.

Pure computation over the tables of :mod:`transition.analysis.trade`: the period means of
:func:`~transition.analysis.trade.import_processing` (one row per country and period) and the
composition table of :func:`~transition.analysis.trade.composition` (series, iso3, year, value).
Notebook 06 and the multiverse (:mod:`transition.claims.evaluate_trade`) both call these, so the
numbers the ledger's rule reads have one implementation.

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({"iso3": ["AAA", "BBB", "CCC"], "imports_processed": [75.0, 45.0, None],
...                      "imports_manufactures": [60.0, 30.0, 40.0], "exports_manufactures": [20.0, 35.0, None]})
>>> import_majority(rows), import_majority(rows, "imports_manufactures", against="exports_manufactures")
((1, 2), (1, 2))
"""
from __future__ import annotations

import pandas as pd

from transition.data import countries

#: A country's imports are "mainly" of a kind when its share exceeds this (% of merchandise imports).
MAJORITY_PCT = 50


def first_period(processed: pd.DataFrame, periods: list[str]) -> pd.DataFrame:
    """The rows of the first of ``periods`` that ``processed`` has (empty when it has none)."""
    with_data = [period for period in periods if period in set(processed["period"])]
    return processed[processed["period"] == with_data[0]] if with_data else processed.iloc[0:0]


def import_majority(rows: pd.DataFrame, measure: str = "imports_processed", above: float = MAJORITY_PCT,
                    against: str | None = None) -> tuple[int, int]:
    """(countries whose ``measure`` exceeds the bar, countries with the numbers compared).

    The bar is ``above`` (% of merchandise imports), or with ``against`` (another column, e.g.
    ``exports_manufactures``) each country's own value of that column."""
    known = rows.dropna(subset=[measure] + ([against] if against else []))
    bar = known[against] if against else above
    return int((known[measure] > bar).sum()), len(known)


def group_values(comp: pd.DataFrame, series: str, year, group: str, group_of: pd.Series | None = None) -> pd.Series:
    """The values of ``series`` in ``year`` of the countries of the broad ``group`` (iso3 → value, in the
    composition table's order). ``group_of``: iso3 → broad group (default: the study's)."""
    group_of = countries.group_of().map(countries.BROAD_GROUP) if group_of is None else group_of
    values = comp[(comp["series"] == series) & (comp["year"] == year)]
    values = values[values["iso3"].map(group_of) == group]
    return values.set_index("iso3")["value"]


def import_export_gap(comp: pd.DataFrame, year, group: str, group_of: pd.Series | None = None,
                      series: tuple[str, str] = ("imports_manufactures", "exports_manufactures")) -> pd.Series:
    """Each country's manufactures share of merchandise imports minus that of its exports in ``year``
    (points; the countries of ``group`` with both)."""
    imports, exports = (group_values(comp, name, year, group, group_of) for name in series)
    return (imports - exports).dropna()
