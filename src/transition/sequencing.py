"""Timing of reforms: when each reform area first reaches an advanced level, and in which order.

The primitives here (first year at or above a threshold; first year of sustained low inflation)
are shared by the sequencing, output and stabilization notebooks; defining them once keeps
"reached" and "stabilized" meaning the same thing everywhere.

Examples
--------
>>> import pandas as pd
>>> first_year_reaching(pd.Series([1.0, 2.7, 3.0, 2.7], index=[1990, 1991, 1992, 1993]), 3.0)
1992
>>> first_sustained_year_below(pd.Series([20.0, 900.0, 300.0, 35.0, 30.0], index=range(1990, 1995)), 40.0, 2)
(1993, 'stabilized')
"""
from __future__ import annotations

import pandas as pd

from transition import derived

#: How each area is measured: the panel variable (mean of its EBRD indicators, see derived.REFORM_AREAS).
AREA_VARIABLES = {
    "liberalization": "reform_liberalization",
    "institutions": "reform_institutions",
    "privatization": "reform_privatization",
}
#: The essay's scenario (claim C1).
ESSAY_ORDER = ("liberalization", "stabilization", "institutions", "privatization")


def first_year_reaching(values: pd.Series, threshold: float) -> int | None:
    """First year (index) with a value >= ``threshold``; None if never.

    Scores are compared after rounding to two decimals, because the EBRD publishes 2.33 / 2.67
    for 2- / 3- (a threshold of 2.67 must be met by a score of 2.67).
    """
    values = values.dropna().sort_index()
    reached = values[values.round(2) >= round(threshold, 2)]
    return int(reached.index[0]) if len(reached) else None


def first_sustained_year_below(inflation: pd.Series, threshold: float, run_length: int = 2) -> tuple[int | None, str]:
    """First year of ``run_length`` consecutive years with inflation below ``threshold``.

    Only runs after the first year at or above the threshold count: stabilization ends an
    inflation burst. Consecutive means consecutive calendar years with data (a missing year
    breaks a run).

    Returns
    -------
    (year, status): status is ``"stabilized"``, ``"never_high"`` (never at or above the threshold
    in the data; year = first year of data), ``"not_stabilized"`` (year None) or ``"no_data"``.
    """
    inflation = inflation.dropna().sort_index()
    if inflation.empty:
        return None, "no_data"
    high = inflation[inflation >= threshold]
    if high.empty:
        return int(inflation.index[0]), "never_high"
    after = inflation.loc[high.index[0]:]
    years = after.index.tolist()
    for position, year in enumerate(years):
        window = years[position:position + run_length]
        if (len(window) == run_length and window[-1] - window[0] == run_length - 1
                and (after.loc[window] < threshold).all()):
            return int(year), "stabilized"
    return None, "not_stabilized"


def liberalization_institutions_gap(tidy: pd.DataFrame, threshold: float = 3.0,
                                    last_year: int = 2006) -> pd.DataFrame:
    """Gap between liberalization and institution-building, by country (claim C2).

    For each country: the year the liberalization index first reaches ``threshold``, the year the
    institutions index does (None if not by ``last_year``), the gap in years (institutions year
    minus liberalization year; censored at ``last_year`` when institutions never get there, flagged
    ``gap_censored``), and the gap in index points in the year liberalization is reached.

    Returns
    -------
    DataFrame with columns iso3, lib_year, inst_year, gap_years, gap_censored, gap_points.
    """
    rows = []
    lib = derived.series(tidy, AREA_VARIABLES["liberalization"])
    inst = derived.series(tidy, AREA_VARIABLES["institutions"])
    for iso3 in sorted(set(lib.index.get_level_values("iso3"))):
        lib_c = lib.loc[iso3].loc[:last_year]
        inst_c = inst.loc[iso3].loc[:last_year] if iso3 in inst.index.get_level_values("iso3") else pd.Series(dtype=float)
        lib_year = first_year_reaching(lib_c, threshold)
        inst_year = first_year_reaching(inst_c, threshold)
        censored = lib_year is not None and inst_year is None
        gap_years = None
        if lib_year is not None:
            gap_years = (inst_year if inst_year is not None else last_year) - lib_year
        gap_points = (lib_c.get(lib_year) - inst_c.get(lib_year)) if lib_year is not None and lib_year in inst_c.index else None
        rows.append({"iso3": iso3, "lib_year": lib_year, "inst_year": inst_year, "gap_years": gap_years,
                     "gap_censored": censored, "gap_points": gap_points})
    frame = pd.DataFrame(rows)
    return frame.astype({"lib_year": "Int64", "inst_year": "Int64", "gap_years": "Int64", "gap_points": "float64"})
