"""The IMF's historical WEO vintages: each edition's published real GDP growth and CPI inflation.

The raw file (``imf_weo_historical_2025``, the IMF Historical WEO Forecasts Database reshaped to long
form by its redistributor) has one row per country, variable, target year and edition for the
editions' current-year estimates and forecasts (``prediction``, horizon 0 to 5.5 years ahead), and
on every row the target year's value as published 0.5, 1, 1.5 and 2 years after it (``tv_0.5`` …
``tv_2``). :func:`load` turns both into one tidy table, one row per (iso3, variable, target year,
edition), an edition named by its year and month (April = ``S``; September/October = ``F``):

- ``tv_0.5`` is the April edition of the next year, ``tv_1`` the September edition of the next year,
  ``tv_1.5`` and ``tv_2`` the April and September editions two years after (for target 2001:
  April 2002, September 2002, April 2003, September 2003);
- a ``prediction`` with horizon 0 or more is what that edition said of its own year or a later one.

Screens (the project's convention: find with code, decide by a stated rule, show the flags):
a value given twice for the same (country, variable, target year, edition) must be the same, else the
load fails naming it (:class:`VintageError`); values outside :data:`PLAUSIBLE` are dropped and
listed by :func:`screen`. The redistributor stores the values as 32-bit floats (4.000002 for 4.0):
values are rounded to :data:`DECIMALS` decimals, below the one decimal the WEO publishes.

Examples
--------
>>> vintages = load()                                                        # doctest: +SKIP
>>> as_published(vintages, "inflation", 2001, ["2002-04", "2002-09"]).loc["UZB"].round(1).tolist()  # doctest: +SKIP
[27.2, 27.2]
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from transition.data import vocabulary
from transition.data.sources import fetch, files_of

SOURCE = "imf_weo_historical_2025"
#: Raw target code → the project's variable name.
VARIABLES = {"ngdp_rpch": "growth", "pcpi_pch": "inflation"}
#: Units of the variables (for tables and figures).
UNITS = {"growth": "% per year (real GDP)", "inflation": "% per year (CPI, annual average)"}
#: Edition season in the raw file → month of the edition (April; September or October, shown as 09).
SEASONS = {"S": 4, "F": 9}
#: ``tv_<years>`` column → (years after the target year, season) of the edition it comes from.
TRUE_VALUE_COLUMNS = {"tv_0.5": (1, "S"), "tv_1": (1, "F"), "tv_1.5": (2, "S"), "tv_2": (2, "F")}
#: Plausible range of each variable (% per year); a value outside is dropped and listed by :func:`screen`.
PLAUSIBLE = {"growth": (-70.0, 150.0), "inflation": (-50.0, 100_000.0)}
#: Decimals kept (the WEO publishes one; the file's 32-bit floats carry noise in the sixth).
DECIMALS = 3
COLUMNS = ["iso3", "variable", "target_year", "edition", "edition_year", "edition_month", "horizon", "value"]


class VintageError(ValueError):
    """The vintage file contradicts itself (two values for one edition of one number)."""


def edition_name(year: int, season: str) -> str:
    """'2002-04' for the April 2002 edition (season ``S``), '2002-09' for September/October (``F``).

    >>> edition_name(2002, "F")
    '2002-09'
    """
    return f"{int(year)}-{SEASONS[season]:02d}"


def schema() -> pa.DataFrameSchema:
    """The tidy vintage table: study countries, known variables, editions named YYYY-MM, unique keys."""
    return pa.DataFrameSchema({
        "iso3": pa.Column(str, pa.Check.isin(vocabulary.study_iso3())),
        "variable": pa.Column(str, pa.Check.isin(sorted(VARIABLES.values()))),
        "target_year": pa.Column("int64", pa.Check.in_range(1985, 2035)),
        "edition": pa.Column(str, pa.Check.str_matches(r"^\d{4}-(04|09)$")),
        "edition_year": pa.Column("int64", pa.Check.in_range(1985, 2035)),
        "edition_month": pa.Column("int64", pa.Check.isin(sorted(SEASONS.values()))),
        "horizon": pa.Column(float, pa.Check.in_range(-2.0, 6.0)),
        "value": pa.Column(float),
    }, unique=["iso3", "variable", "target_year", "edition"], strict=True)


def read_raw() -> pd.DataFrame:
    """The raw long file, restricted to the study's economies (hash-verified fetch)."""
    (entry,) = files_of(SOURCE)
    raw = pd.read_parquet(fetch(entry.id))
    return raw[raw["ISOAlpha_3Code"].isin(vocabulary.study_iso3()) & raw["target"].isin(VARIABLES)]


def _predictions(raw: pd.DataFrame) -> pd.DataFrame:
    rows = raw.dropna(subset=["prediction"])
    return pd.DataFrame({"iso3": rows["ISOAlpha_3Code"], "variable": rows["target"].map(VARIABLES),
                         "target_year": rows["target_year"], "edition_year": rows["forecast_year"],
                         "season": rows["forecast_season"], "value": rows["prediction"]})


def _true_values(raw: pd.DataFrame) -> pd.DataFrame:
    parts = []
    for column, (after, season) in TRUE_VALUE_COLUMNS.items():
        rows = raw.dropna(subset=[column])
        parts.append(pd.DataFrame({"iso3": rows["ISOAlpha_3Code"], "variable": rows["target"].map(VARIABLES),
                                   "target_year": rows["target_year"], "edition_year": rows["target_year"] + after,
                                   "season": season, "value": rows[column]}))
    return pd.concat(parts, ignore_index=True)


def tidy(raw: pd.DataFrame) -> pd.DataFrame:
    """Predictions and true values of the raw file as one table (:data:`COLUMNS`), screened.

    Raises :class:`VintageError` when an edition gives two different values for the same number.
    """
    both = pd.concat([_predictions(raw), _true_values(raw)], ignore_index=True)
    both["value"] = both["value"].astype(float).round(DECIMALS)
    keys = ["iso3", "variable", "target_year", "edition_year", "season"]
    distinct = both.groupby(keys)["value"].nunique()
    if (distinct > 1).any():
        first = distinct[distinct > 1].index[0]
        raise VintageError(f"{SOURCE}: {(distinct > 1).sum()} numbers with two different values in one edition, "
                           f"e.g. {dict(zip(keys, first))}; the file is not what the registry describes "
                           f"(check its hash with `transition data`)")
    table = both.drop_duplicates(keys).copy()
    table["edition"] = [edition_name(y, s) for y, s in zip(table["edition_year"], table["season"])]
    table["edition_month"] = table["season"].map(SEASONS)
    table["horizon"] = table["target_year"] - table["edition_year"] + (table["season"] == "S") * 0.5
    table = table.astype({"target_year": "int64", "edition_year": "int64", "edition_month": "int64"})
    table = table[COLUMNS].sort_values(["iso3", "variable", "target_year", "edition_year", "edition_month"])
    return table.reset_index(drop=True)


def screen(table: pd.DataFrame) -> pd.DataFrame:
    """The values outside :data:`PLAUSIBLE` (one row each, with the rule), to be dropped."""
    low = table["variable"].map({k: v[0] for k, v in PLAUSIBLE.items()})
    high = table["variable"].map({k: v[1] for k, v in PLAUSIBLE.items()})
    flagged = table[(table["value"] < low) | (table["value"] > high)].copy()
    flagged["rule"] = [f"outside {PLAUSIBLE[v][0]:g} to {PLAUSIBLE[v][1]:g}% per year" for v in flagged["variable"]]
    flagged["action"] = "dropped"
    return flagged.reset_index(drop=True)


def load(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """The screened, validated vintage table (:data:`COLUMNS`); ``raw`` defaults to :func:`read_raw`."""
    table = tidy(read_raw() if raw is None else raw)
    flagged = screen(table)
    kept = table.drop(index=table.index[table.set_index(["iso3", "variable", "target_year", "edition"]).index.isin(
        flagged.set_index(["iso3", "variable", "target_year", "edition"]).index)])
    return schema().validate(kept.reset_index(drop=True), lazy=True)


def editions(table: pd.DataFrame) -> list[str]:
    """The editions in the table, oldest first."""
    return sorted(table["edition"].unique())


def editions_of_year(year: int) -> list[str]:
    """The two editions published in ``year`` (April, September/October).

    >>> editions_of_year(2002)
    ['2002-04', '2002-09']
    """
    return [edition_name(year, season) for season in SEASONS]


def as_published(table: pd.DataFrame, variable: str, target_year: int, which: list[str]) -> pd.DataFrame:
    """``variable`` for ``target_year`` as each edition in ``which`` published it: iso3 × edition.

    An edition that did not publish the number leaves NaN.
    """
    rows = table[(table["variable"] == variable) & (table["target_year"] == target_year)
                 & table["edition"].isin(which)]
    return rows.pivot(index="iso3", columns="edition", values="value").reindex(columns=list(which))
