"""Correlates of War trade v4.0: COW state codes to ISO3, and the bilateral (dyadic) flows.

The dyadic file does not fit the country-year panel, so it has its own reader, :func:`cow_dyads`:
one row per reporting country, partner and year, with the reporter's imports from and exports to
the partner (millions of current US$). The state-year totals go into the panel through
:func:`transition.data.loaders.load_cow_trade`; both use :func:`cow_to_iso3`.

COW codes are mapped with country_converter's Gleditsch-Ward column (``GWcode``), equal to COW's
for most states, after the documented exceptions in ``data/cow_gw_differences.csv`` (one row per
COW code and span of years: Germany 255 vs 260, Yugoslavia/Serbia 345 vs 340, the Czech Republic
316 vs 315, Yemen, Vietnam, four Pacific states; the Soviet Union as SUN before 1992). A code or
year the table maps to an empty ISO3 has none (e.g. South Yemen) and is dropped.

Missing flows (−9 or NaN) stay missing, never zero. Known breaks are flagged, not repaired:

- Kazakhstan–Russia is recorded as 0 in 1992–93 (no data in practice), and so are many other
  pairs of former Soviet republics in those years (e.g. Russia–Ukraine and Russia–Uzbekistan in
  both years, Estonia–Russia and Lithuania–Russia in 1992, though they traded hundreds of millions
  of dollars from 1993–94): inter-republic trade was not yet recorded as foreign trade. A flow
  recorded as exactly 0 between two former republics in 1992–93 is set to missing, with
  ``recorded_zero`` = True;
- 2010–11, flows among Russia, Belarus and Kazakhstan dip when the customs union stopped customs
  statistics at their common borders: ``break`` = True on those dyad-years.

Examples
--------
>>> from transition.data.trade_dyads import cow_dyads
>>> dyads = cow_dyads(reporters=["KAZ"])        # doctest: +SKIP
>>> dyads.query("partner_iso3 == 'RUS' and year == 2002")  # doctest: +SKIP
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from transition.data import vocabulary
from transition.data.sources import fetch, files_of
from transition.paths import DATA_DIR

COW_SOURCE = "cow_trade_v4"
COW_GW_DIFFERENCES_CSV = DATA_DIR / "cow_gw_differences.csv"
#: COW's code for a missing flow (the redistributed files mostly use NaN).
COW_MISSING = -9
#: Flows between two former Soviet republics recorded as 0 in these years are missing, not zero
#: (mirror data README for Kazakhstan–Russia; the same pattern for most pairs, see the module notes).
RECORDED_ZERO_YEARS = (1992, 1993)
#: The customs union of Russia, Belarus and Kazakhstan removed customs statistics at their common
#: borders: flows among them in these years are a break in the series, not a fall in trade.
CUSTOMS_UNION_MEMBERS = ("BLR", "KAZ", "RUS")
CUSTOMS_UNION_BREAK_YEARS = (2010, 2011)
DYAD_COLUMNS = ["iso3", "partner_iso3", "year", "imports", "exports", "recorded_zero", "break"]


def cow_gw_differences() -> pd.DataFrame:
    """``data/cow_gw_differences.csv``: COW code, span of years, ISO3 (empty = none), GW code, notes."""
    table = pd.read_csv(COW_GW_DIFFERENCES_CSV, dtype={"iso3": str}, keep_default_na=False)
    return table.astype({"cow_code": int, "first_year": int, "last_year": int, "gw_code": int})


@lru_cache(maxsize=1)
def _gw_iso3() -> dict[int, str]:
    """country_converter's GWcode → ISO3."""
    import country_converter as coco  # heavy (reads its whole table): only where codes are mapped

    data = coco.CountryConverter().data[["ISO3", "GWcode"]]
    codes = pd.to_numeric(data["GWcode"], errors="coerce")
    return dict(zip(codes[codes.notna()].astype(int), data.loc[codes.notna(), "ISO3"]))


def cow_to_iso3(codes, years) -> pd.Series:
    """ISO3 of COW state codes in given years: the differences table first, then GWcode.

    Returns a Series aligned with ``codes`` (None where the state has no ISO3).
    """
    frame = pd.DataFrame({"cow_code": pd.Series(codes).astype(int).to_numpy(),
                          "year": pd.Series(years).astype(int).to_numpy()})
    result = frame["cow_code"].map(_gw_iso3()).astype(object)
    for row in cow_gw_differences().itertuples():
        hit = (frame["cow_code"] == row.cow_code) & frame["year"].between(row.first_year, row.last_year)
        result[hit] = row.iso3 or None
    return result.where(result.notna(), None)


def _read_rda(pattern: str) -> pd.DataFrame:
    import pyreadr  # R data files: only these readers need it

    matches = [entry.id for entry in files_of(COW_SOURCE) if pattern in entry.id]
    if len(matches) != 1:
        raise KeyError(f"{COW_SOURCE}: {len(matches)} files match {pattern!r}")
    return next(iter(pyreadr.read_r(fetch(matches[0])).values()))


def missing_as_nan(values: pd.Series) -> pd.Series:
    """COW flows as floats, with the missing code −9 (and anything negative) as NaN, never zero."""
    values = pd.to_numeric(values, errors="coerce")
    return values.where(values >= 0)


def _directed(raw: pd.DataFrame) -> pd.DataFrame:
    """Non-directed COW rows (ccode1 < ccode2) → one row per direction: reporter's imports and exports."""
    first = pd.DataFrame({"cow": raw["ccode1"], "partner_cow": raw["ccode2"], "year": raw["year"],
                          "imports": raw["flow1"], "exports": raw["flow2"]})
    second = pd.DataFrame({"cow": raw["ccode2"], "partner_cow": raw["ccode1"], "year": raw["year"],
                           "imports": raw["flow2"], "exports": raw["flow1"]})
    return pd.concat([first, second], ignore_index=True)


def flag_breaks(dyads: pd.DataFrame) -> pd.DataFrame:
    """Set the known recorded zeros to missing (``recorded_zero``) and flag the customs-union years (``break``)."""
    dyads = dyads.copy()
    republics = list(vocabulary.FORMER_USSR)
    suspect = (dyads["iso3"].isin(republics) & dyads["partner_iso3"].isin(republics)
               & dyads["year"].between(*RECORDED_ZERO_YEARS))
    recorded_zero = pd.Series(False, index=dyads.index)
    for column in ("imports", "exports"):
        zero = suspect & (dyads[column] == 0)
        dyads.loc[zero, column] = float("nan")
        recorded_zero |= zero
    union = dyads["iso3"].isin(CUSTOMS_UNION_MEMBERS) & dyads["partner_iso3"].isin(CUSTOMS_UNION_MEMBERS)
    years = dyads["year"].between(*CUSTOMS_UNION_BREAK_YEARS)
    return dyads.assign(recorded_zero=recorded_zero, **{"break": union & years})


def dyads_from_raw(raw: pd.DataFrame, reporters=None) -> pd.DataFrame:
    """The COW dyadic table (ccode1, ccode2, year, flow1, flow2, …) → tidy directed dyads with ISO3 codes."""
    directed = _directed(raw)
    directed["year"] = directed["year"].astype(int)
    directed["iso3"] = cow_to_iso3(directed["cow"], directed["year"]).to_numpy()
    directed["partner_iso3"] = cow_to_iso3(directed["partner_cow"], directed["year"]).to_numpy()
    directed = directed.dropna(subset=["iso3", "partner_iso3"])
    if reporters is not None:
        directed = directed[directed["iso3"].isin(list(reporters))]
    for column in ("imports", "exports"):
        directed[column] = missing_as_nan(directed[column])
    dyads = flag_breaks(directed[["iso3", "partner_iso3", "year", "imports", "exports"]])
    return dyads.sort_values(["iso3", "year", "partner_iso3"]).reset_index(drop=True)[DYAD_COLUMNS]


def cow_dyads(reporters=None) -> pd.DataFrame:
    """Bilateral trade of the study's economies (or of ``reporters``), COW v4.0, to 2014.

    Returns
    -------
    DataFrame
        iso3, partner_iso3, year, imports (of iso3 from the partner), exports (of iso3 to the
        partner; COW's record of the partner's imports from iso3), both millions of current US$
        (raw flows, not COW's smoothed ones; missing stays NaN), recorded_zero, break.
    """
    reporters = vocabulary.study_iso3() if reporters is None else reporters
    return dyads_from_raw(_read_rda("cow_trade_ndy.rda"), reporters)


def state_totals_raw() -> pd.DataFrame:
    """The COW state-year totals (ccode, year, imports, exports) as distributed."""
    return _read_rda("cow_trade_sy.rda")
