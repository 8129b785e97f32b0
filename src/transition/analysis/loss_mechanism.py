"""Claim C2's mechanism on every country: the liberalization-institutions gap and the output loss.

Pure computation (notebook 02). The gap of notebook 01 is dated from the year liberalization
reaches the EBRD threshold, so the three countries that never got there (Belarus, Turkmenistan,
Uzbekistan) drop out of the test — the very countries where liberalization did *not* run ahead.
Here the gap is also read at fixed dates (:func:`transition.analysis.sequencing.gap_at_dates`:
liberalization minus institutions index in 1992, 1994, 1996 and its mean over 1990-95), which
keeps every country with EBRD scores, and the output loss is measured per person as well as in
total: the main source's GDP index divided by the population index (Maddison's population,
``mad_pop``), so that total and per-capita measures differ by population only.

:func:`mechanism_associations` gives Spearman and OLS (HC1, with and without controls) for every
gap definition and output measure, each on its own sample.
"""
from __future__ import annotations

import pandas as pd

from transition.analysis import sequencing
from transition.analysis.output import (
    CONTROL_SETS,
    GAP_MEASURES,
    association,
    country_measures,
)
from transition.data import derived
from transition.data.vocabulary import DEFAULT_HORIZON

#: Population series of the per-capita index (thousands; Maddison Project 2023, from 1950 for all 26
#: countries that existed in 1989).
POPULATION_VARIABLE = "mad_pop"
#: Suffix of the per-capita output measures.
PER_CAPITA = "_pc"
#: Output measures of the mechanism test, total and per capita.
OUTPUT_MEASURES = ("trough_index", "cumulative_loss")
#: The gap definition that keeps every country (the ledger's C2 mechanism), and all fixed-date gaps.
EVERY_COUNTRY_GAP = sequencing.fixed_gap_name(sequencing.GAP_WINDOW)
FIXED_GAP_MEASURES = (*(f"gap_points_{year}" for year in sequencing.GAP_YEARS), EVERY_COUNTRY_GAP)


def per_capita_index(indices: pd.DataFrame, tidy: pd.DataFrame, population: str = POPULATION_VARIABLE) -> pd.DataFrame:
    """A GDP index frame (``derived.gdp_index``) divided by the population index (same base year = 100).

    Rows without population, and countries without population in the base year, are dropped.
    """
    pop = derived.series(tidy, population).rename("population").reset_index()
    merged = indices.merge(pop, on=["iso3", "year"], how="inner")
    base = merged[merged["year"] == merged["base_year"]].set_index("iso3")["population"]
    merged = merged[merged["iso3"].isin(base.index)]
    merged["index"] = merged["index"] * merged["iso3"].map(base) / merged["population"]
    return merged.drop(columns="population").reset_index(drop=True)


def per_capita_measures(indices: pd.DataFrame, tidy: pd.DataFrame, base_year: int,
                        horizon: int = DEFAULT_HORIZON, population: str = POPULATION_VARIABLE) -> pd.DataFrame:
    """Trough and cumulative loss of the per-capita index, by country: iso3, ``<measure>_pc``."""
    per_person = per_capita_index(indices, tidy, population)
    rows = []
    for code, one in per_person.groupby("iso3", sort=True):
        measures = country_measures(one.set_index("year")["index"], base_year, horizon)
        rows.append({"iso3": code, **{f"{m}{PER_CAPITA}": measures[m] for m in OUTPUT_MEASURES}})
    return pd.DataFrame(rows, columns=["iso3", *(f"{m}{PER_CAPITA}" for m in OUTPUT_MEASURES)])


def mechanism_frame(gap: pd.DataFrame, indices: pd.DataFrame, tidy: pd.DataFrame, base_year: int,
                    horizon: int = DEFAULT_HORIZON, years=sequencing.GAP_YEARS,
                    window=sequencing.GAP_WINDOW, population: str = POPULATION_VARIABLE) -> pd.DataFrame:
    """``output.gap_frame`` (countries with an index) with the fixed-date gaps and per-capita measures.

    ``indices`` are the main source's index rows (one source).
    """
    fixed = sequencing.gap_at_dates(tidy, years, window, gap["iso3"].tolist())
    per_person = per_capita_measures(indices, tidy, base_year, horizon, population)
    return gap.merge(fixed, on="iso3", how="left").merge(per_person, on="iso3", how="left")


def mechanism_associations(frame: pd.DataFrame, fixed=FIXED_GAP_MEASURES, dated=GAP_MEASURES,
                           outputs=OUTPUT_MEASURES, control_sets=CONTROL_SETS) -> pd.DataFrame:
    """:func:`transition.analysis.output.association` for every gap definition and output measure.

    Gaps dated from liberalization (``dated``) use the countries that liberalized (sample
    ``liberalizers``); fixed-date gaps use every country with the measures (sample ``every``).
    Each output measure comes as total and per capita (column ``output``).

    Returns
    -------
    DataFrame: definition ("liberalization year" / "fixed dates"), sample, x, y, output ("total" /
    "per capita") and the columns of ``association``.
    """
    liberalized = frame["gap_years"].notna()
    specs = [("liberalization year", "liberalizers", x, frame[liberalized]) for x in dated]
    specs += [("fixed dates", "every", x, frame) for x in fixed]
    rows = []
    for definition, sample, x, data in specs:
        for measure in outputs:
            for output, y in (("total", measure), ("per capita", f"{measure}{PER_CAPITA}")):
                for controls in control_sets:
                    rows.append({"definition": definition, "sample": sample, "output": output,
                                 **association(data, x, y, controls)})
    return pd.DataFrame(rows)


def pick_mechanism(assoc: pd.DataFrame, x: str = EVERY_COUNTRY_GAP, y: str = "trough_index",
                   controls: str = "none") -> pd.Series:
    """One row of a :func:`mechanism_associations` table."""
    rows = assoc[(assoc["x"] == x) & (assoc["y"] == y) & (assoc["controls"] == controls)]
    if len(rows) != 1:
        raise KeyError(f"no single mechanism row for x={x}, y={y}, controls={controls}")
    return rows.iloc[0]
