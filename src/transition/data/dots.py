"""IMF Direction of Trade Statistics (DOTS, February 2022 download): goods trade by partner, 1960-2020.

One workbook per reporter (the 29 economies of the study, China, and the EU as a bloc), two sheets:
``Exports, FOB`` and ``Imports, CIF``, millions of current US$. Cell B4 names the reporter, row 7
holds the years, column B the partners; countries and aggregates (World, EU, regions, "not specified")
are mixed in one column. :func:`dots_flows` reads them all into one long table;
:func:`dots_dyads` gives the directed dyads in the layout of
:func:`transition.data.trade_dyads.cow_dyads` (so that :mod:`transition.analysis.partners` reads
either source), on the **reporter's** record or on the **mirror** record (the partner's); and
:func:`dots_totals` each reporter's own total (the ``World`` row).

**Screens** (the data are guilty until screened; each rule is applied by code, never silently):

- *Estimates.* A text cell with a trailing ``e`` is an IMF estimate (``"1,032.13 e"``; thousands carry
  commas): the value is kept and flagged (``estimate``). Any other text is an error naming the cell.
  Turkmenistan, Tajikistan and Uzbekistan report poorly: their rows are largely partner-derived and
  the flag is not reliably set (mirror README).
- *Duplicated rows.* Every workbook repeats the row ``Australia`` above ``World`` (the redistributor's
  layout): an exact copy of a partner row is dropped; a partner name repeated with other values is an error.
- *Partners.* Names are mapped to ISO3 by :data:`DOTS_NAMES` (names country_converter does not read)
  and :func:`transition.data.countries.to_iso3`; the names in :data:`AGGREGATES` are groups (``World``
  → ``WLD``, the EU → ``EUU``, the euro area → ``EMU``, regions and "not specified" without a code).
  A name that is neither is an error, so that a new vintage cannot slip a new name through. States
  that no longer exist keep their own codes (USSR ``SUN``: after 1991 trade with the former union not
  allocated to a republic, e.g. Ukraine 1994-95; Belgium-Luxembourg ``BLX``, reported to 1996, Belgium and
  Luxembourg from 1997).
- *Missing and zero.* An empty cell is missing, never zero. DOTS has no exact zero between two former
  Soviet republics in 1992-93 (the recorded zeros of COW are empty cells here), so
  :func:`~transition.data.trade_dyads.flag_breaks` finds none; its customs-union flag (flows among
  Russia, Belarus and Kazakhstan in 2010-11: customs statistics stopped at their common borders) applies
  as in COW. A partner's flow missing in a year in which it mattered is a *hole* (:func:`flag_holes`):
  in 1992 the reporters' totals leave out most trade among the former republics (Kazakhstan's 1992 total
  has no Russia in it), and Russia records no trade with Belarus in 2001, 2004, 2009-10. A hole is filled
  from the partner's record where it has one (:func:`fill_holes`), and a reporter's total is then never
  less than the sum over its partners (:func:`reconcile_totals`).

COW v4.0 is built from an earlier DOTS vintage: its imports are the reporter's record and its exports
the partner's (Kazakhstan's imports from Russia in 1995, 2000 and 2008 are DOTS's to the million; where DOTS has
the flow, every COW import of the former republics 1992-98 is);
:func:`compare_with_cow` measures the agreement dyad by dyad.

Examples
--------
>>> parse_cells(pd.Series([12.5, "1,032.13 e", None])).values.tolist()   # doctest: +NORMALIZE_WHITESPACE
[[12.5, False], [1032.13, True], [nan, False]]
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from transition.data import countries, trade_dyads
from transition.data.sources import fetch, files_of
from transition.data.vocabulary import FORMER_USSR, study_iso3

DOTS_SOURCE = "imf_dots_2022_02"
#: Sheet name → flow; the first line of each sheet (cell B2) starts with the sheet's name.
SHEETS = {"Exports, FOB": "exports", "Imports, CIF": "imports"}
#: The layout (0-based rows and columns of the sheet read without a header): B4 the reporter, B5 the unit,
#: row 7 the years, partners from row 8 in column B, values from column C.
REPORTER_CELL, UNIT_CELL, YEAR_ROW, FIRST_ROW, NAME_COLUMN, FIRST_VALUE_COLUMN = (3, 1), (4, 1), 6, 7, 1, 2
UNIT = "US Dollars, Millions"
#: A value cell written as text: digits with thousands commas, an optional trailing "e" (an IMF estimate).
_TEXT_VALUE = re.compile(r"^\s*(-?[\d,]*\.?\d+)\s*(e?)\s*$")
#: DOTS names that country_converter does not map (or maps to a present-day state), with their codes.
DOTS_NAMES = {
    "Belgium-Luxembourg": "BLX",  # the Belgium-Luxembourg Economic Union, reported as one partner to 1996
    "Eastern Germany": "DDR",  # ISO 3166-3 code of the German Democratic Republic (to 1990)
    "Netherlands Antilles": "ANT",  # ISO 3166-3 (dissolved 2010)
    "Aruba, Kingdom of the Netherlands": "ABW",
    "Curaçao, Kingdom of the Netherlands": "CUW",
    "Sint Maarten, Kingdom of the Netherlands": "SXM",
    "Yemen, People's Dem. Rep. of": "YMD",  # South Yemen to 1989 (ISO 3166-3); North Yemen's row maps to YEM
    "European Union": "EUU",  # the World Bank's code for the EU (the 27, without the UK)
    "Euro Area": "EMU",
    "World": "WLD",
}
#: States that no longer exist: partners in their years, never ranked with the present-day countries.
FORMER_STATES = ("SUN", "YUG", "CSK", "SCG", "DDR", "BLX", "ANT", "YMD")
#: Rows that are groups of partners, not partners (a code only for those the analyses use).
AGGREGATES = {
    "World": "WLD", "European Union": "EUU", "Euro Area": "EMU", "Advanced Economies": None,
    "Emerging and Developing Economies": None, "Emerging and Developing Asia": None,
    "Emerging and Developing Europe": None, "Middle East and Central Asia": None, "Middle East": None,
    "Sub-Saharan Africa": None, "Africa": None, "Western Hemisphere": None,
    "Emerging Market and Developing Economies by Source of Export Earnings: Fuel": None,
    "Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel": None,
    "Memorandum Items": None, "Special Categories": None, "Other Countries not included elsewhere": None,
    "Countries & Areas not specified": None, "Africa not specified": None, "Asia not specified": None,
    "Europe not specified": None, "Middle East and Central Asia not specified": None,
    "Western Hemisphere not specified": None,
}
#: A partner's missing flow is a hole when that partner had at least this share of the reporter's recorded
#: trade (that flow) in the nearest year with data: one per cent, enough to move a share the claims read
#: (C4's medians, C7's ranking) by a point, far above the rounding of the smallest partners.
HOLE_MIN_SHARE = 0.01
FLOW_COLUMNS = ["iso3", "flow", "partner", "partner_name", "partner_kind", "year", "value", "estimate"]
DYAD_COLUMNS = [*trade_dyads.DYAD_COLUMNS, "hole", "estimate", "partner_kind"]


class DotsFormatError(ValueError):
    """A workbook that does not have the layout this reader expects."""


def parse_cells(cells: pd.Series, where: str = "") -> pd.DataFrame:
    """Cells of a DOTS sheet → value (float, NaN when empty) and estimate (a trailing " e").

    Numbers stay numbers; text must be a number with optional thousands commas and trailing ``e``.
    """
    values, estimates = [], []
    for cell in cells:
        if isinstance(cell, str):
            match = _TEXT_VALUE.match(cell)
            if not match:
                raise DotsFormatError(f"{where}: cell {cell!r} is neither a number nor a number with ' e' "
                                      "(an IMF estimate); check the workbook's layout")
            values.append(float(match.group(1).replace(",", "")))
            estimates.append(bool(match.group(2)))
        else:
            values.append(float(cell) if cell is not None and pd.notna(cell) else np.nan)
            estimates.append(False)
    return pd.DataFrame({"value": values, "estimate": estimates}, index=cells.index)


def _check_layout(sheet: pd.DataFrame, name: str, where: str) -> None:
    title = str(sheet.iat[1, NAME_COLUMN])
    if not title.startswith(name) or sheet.iat[UNIT_CELL] != UNIT:
        raise DotsFormatError(f"{where}: expected the title {name!r} in B2 and {UNIT!r} in B5, found "
                              f"{title!r} and {sheet.iat[UNIT_CELL]!r}")


def read_sheet(sheet: pd.DataFrame, name: str, where: str = "") -> pd.DataFrame:
    """One sheet (read with ``header=None``) → reporter_name, flow, partner_name, year, value, estimate.

    The exact copy of a partner row (``Australia`` above ``World``) is dropped; a repeated partner
    with other values is an error.
    """
    _check_layout(sheet, name, where)
    years = pd.to_numeric(sheet.iloc[YEAR_ROW, FIRST_VALUE_COLUMN:].astype(str), errors="coerce")
    if years.isna().any():
        raise DotsFormatError(f"{where}: row {YEAR_ROW + 1} must hold a year in every column")
    body = sheet.iloc[FIRST_ROW:, FIRST_VALUE_COLUMN:].set_axis(years.astype(int).tolist(), axis=1)
    body.index = sheet.iloc[FIRST_ROW:, NAME_COLUMN].astype(str).str.strip()
    body = body[body.index != "nan"]
    copies = body.reset_index().astype(str).duplicated(keep="first").to_numpy()  # exact copies of a row
    body = body[~copies]
    if body.index.duplicated().any():
        repeated = sorted(set(body.index[body.index.duplicated()]))
        raise DotsFormatError(f"{where}: partner rows repeated with different values: {', '.join(repeated)}")
    long = body.rename_axis("partner_name").reset_index().melt(id_vars="partner_name", var_name="year", value_name="cell")
    parsed = parse_cells(long["cell"], where)
    table = pd.DataFrame({"reporter_name": str(sheet.iat[REPORTER_CELL]).strip(), "flow": SHEETS[name],
                          "partner_name": long["partner_name"], "year": long["year"].astype(int),
                          "value": parsed["value"], "estimate": parsed["estimate"]})
    table.attrs["duplicates_dropped"] = int(copies.sum())
    return table


def read_workbook(path: Path) -> pd.DataFrame:
    """Both sheets of one DOTS workbook, long (see :func:`read_sheet`)."""
    # calamine, as the other workbooks: the same cells as openpyxl (checked on all 32 files), 3x faster
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine="calamine")
    missing = set(SHEETS) - set(sheets)
    if missing:
        raise DotsFormatError(f"{path.name}: no sheet {', '.join(sorted(missing))}")
    parts = [read_sheet(sheets[name], name, f"{path.name} [{name}]") for name in SHEETS]
    table = pd.concat(parts, ignore_index=True)
    table.attrs["duplicates_dropped"] = sum(part.attrs["duplicates_dropped"] for part in parts)
    return table


def partner_codes(names) -> pd.DataFrame:
    """DOTS partner names → code (ISO3, a former state's code, an aggregate's or None) and kind.

    Kinds: ``country``, ``former state`` (:data:`FORMER_STATES`), ``aggregate``. A name that is neither
    an aggregate nor mapped to a code is an error naming it.
    """
    names = sorted(set(names))
    plain = [name for name in names if name not in DOTS_NAMES and name not in AGGREGATES]
    mapped = dict(zip(plain, countries.to_iso3(plain)))
    unknown = [name for name in plain if mapped[name] is None]
    if unknown:
        raise DotsFormatError(f"{DOTS_SOURCE}: partner names neither mapped to ISO3 nor listed as aggregates: "
                              f"{'; '.join(unknown)}. Add them to dots.DOTS_NAMES or dots.AGGREGATES")
    rows = []
    for name in names:
        code = AGGREGATES[name] if name in AGGREGATES else DOTS_NAMES.get(name) or mapped[name]
        kind = "aggregate" if name in AGGREGATES else "former state" if code in FORMER_STATES else "country"
        rows.append({"partner_name": name, "partner": code, "partner_kind": kind})
    return pd.DataFrame(rows)


def reporter_code(name: str) -> str:
    """The code of a workbook's reporter (cell B4): ISO3, ``SCG`` or ``EUU``."""
    code = DOTS_NAMES.get(name) or countries.to_iso3([name])[0]
    if code is None:
        raise DotsFormatError(f"{DOTS_SOURCE}: reporter {name!r} has no code")
    return code


def flows_from_workbooks(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Long sheets (:func:`read_workbook`) → one table with codes (:data:`FLOW_COLUMNS`).

    Partner names with the same code (North Yemen and the Republic of Yemen) never overlap in a year
    with values; if they ever did, their values would be summed (one row per reporter, flow, partner, year).
    """
    raw = pd.concat(frames, ignore_index=True)
    codes = partner_codes(raw["partner_name"])
    table = raw.merge(codes, on="partner_name", how="left")
    table["iso3"] = table["reporter_name"].map({name: reporter_code(name) for name in table["reporter_name"].unique()})
    table = table[FLOW_COLUMNS].sort_values(["iso3", "flow", "partner_name", "year"]).reset_index(drop=True)
    table.attrs["duplicates_dropped"] = sum(frame.attrs.get("duplicates_dropped", 0) for frame in frames)
    return table


@lru_cache(maxsize=1)
def _all_flows() -> pd.DataFrame:
    return flows_from_workbooks([read_workbook(fetch(entry.id)) for entry in files_of(DOTS_SOURCE)])


def dots_flows(reporters=None) -> pd.DataFrame:
    """Every value of every DOTS workbook (:data:`FLOW_COLUMNS`; empty cells kept as NaN), of ``reporters`` (codes)."""
    flows = _all_flows()
    return flows if reporters is None else flows[flows["iso3"].isin(list(reporters))].reset_index(drop=True)


def mirror_reporters() -> list[str]:
    """The codes of the reporters in the mirror (the 29, SCG, China, the EU)."""
    return sorted(_all_flows()["iso3"].unique())


def _wide(flows: pd.DataFrame) -> pd.DataFrame:
    """One row per iso3, partner, year with exports, imports, their estimate flags and the partner's kind."""
    keyed = flows.dropna(subset=["partner"])
    grouped = keyed.groupby(["iso3", "partner", "year", "flow"])
    values = grouped["value"].sum(min_count=1).unstack("flow").reindex(columns=["exports", "imports"])
    flagged = keyed.groupby(["iso3", "partner", "year"])["estimate"].any()
    kinds = keyed.groupby("partner")["partner_kind"].first()
    wide = values.join(flagged).reset_index().rename_axis(columns=None)
    return wide.assign(partner_kind=wide["partner"].map(kinds))


def _observed(flows: pd.DataFrame, as_of: int | None) -> pd.DataFrame:
    return flows if as_of is None else flows[flows["year"] <= as_of]


def dots_totals(reporters=None, as_of: int | None = None) -> pd.DataFrame:
    """Each reporter's own totals (the ``World`` row) observed up to ``as_of``: iso3, year, exports, imports,
    total (NaN when either is)."""
    world = _wide(_observed(dots_flows(reporters), as_of)).query("partner == 'WLD'")
    return (world.assign(total=world["exports"] + world["imports"])[["iso3", "year", "exports", "imports", "total"]]
            .reset_index(drop=True))


def mirror_of(flows: pd.DataFrame, reporters) -> pd.DataFrame:
    """The partners' record of ``reporters``' trade: for reporter i and partner j (a reporter of the mirror),
    i's exports = j's imports from i (CIF), i's imports = j's exports to i (FOB); unadjusted for freight."""
    wide = _wide(flows[flows["partner"].isin(list(reporters))])
    return pd.DataFrame({"iso3": wide["partner"], "partner": wide["iso3"], "year": wide["year"],
                         "exports": wide["imports"], "imports": wide["exports"], "estimate": wide["estimate"],
                         "partner_kind": np.where(wide["iso3"].isin(FORMER_STATES), "former state",
                                                  np.where(wide["iso3"].isin(["EUU"]), "aggregate", "country"))})


def flag_holes(dyads: pd.DataFrame, min_share: float = HOLE_MIN_SHARE, among=FORMER_USSR) -> pd.DataFrame:
    """``hole`` = True where the flow between two of ``among`` (the former Soviet republics) is missing in a year
    while that partner had at least ``min_share`` of the reporter's recorded flow in the nearest year with a
    value (the larger share when two years are as near).

    Only pairs of former republics: their trade is the one DOTS leaves out of the early totals (1992-93) and
    the one the claims read; elsewhere a missing flow changes no other partner's share of the reporter's total.
    """
    dyads = dyads.copy()
    hole = pd.Series(False, index=dyads.index)
    countable = dyads["partner_kind"] == "country"
    pairs = countable & dyads["iso3"].isin(list(among)) & dyads["partner_iso3"].isin(list(among))
    for flow in ("exports", "imports"):
        sums = dyads[countable].groupby(["iso3", "year"])[flow].transform("sum")
        frame = dyads.loc[pairs, ["iso3", "partner_iso3", "year"]].assign(
            share=dyads.loc[pairs, flow] / sums[pairs].where(sums[pairs] > 0)).sort_values(["iso3", "partner_iso3", "year"])
        keys = [frame["iso3"], frame["partner_iso3"]]
        known_year = frame["year"].where(frame["share"].notna())
        before_year, after_year = known_year.groupby(keys).ffill(), known_year.groupby(keys).bfill()
        before, after = frame["share"].groupby(keys).ffill(), frame["share"].groupby(keys).bfill()
        gap_before, gap_after = frame["year"] - before_year, after_year - frame["year"]
        nearest = pd.Series(np.where(gap_before < gap_after, before,
                                     np.where(gap_after < gap_before, after, np.fmax(before, after))), index=frame.index)
        hole.loc[frame.index] |= (dyads.loc[frame.index, flow].isna() & (nearest >= min_share)).to_numpy()
    return dyads.assign(hole=hole)


def dots_dyads(reporters=None, basis: str = "reporter", as_of: int | None = None) -> pd.DataFrame:
    """Directed dyads of ``reporters`` (default: the study's 29) on the reporter's or the partner's record,
    observed up to ``as_of`` (the cut comes first: holes are judged on the years observed).

    Parameters
    ----------
    basis : {"reporter", "mirror"}
        ``reporter``: the reporter's own exports to and imports from every partner; ``mirror``: the
        partners' record of the same flows (:func:`mirror_of`), only for partners that report in the mirror.

    Returns
    -------
    DataFrame
        :data:`DYAD_COLUMNS`: iso3, partner_iso3, year, imports, exports (millions of current US$; missing
        stays NaN), recorded_zero, break (:func:`~transition.data.trade_dyads.flag_breaks`), hole
        (:func:`flag_holes`), estimate (either flow an IMF estimate), partner_kind (country, former state;
        on the mirror record also the EU, ``EUU``, an aggregate). Aggregates other than the EU's mirror are left out.
    """
    reporters = study_iso3() if reporters is None else list(reporters)
    if basis == "reporter":
        wide = _wide(_observed(dots_flows(reporters), as_of)).query("partner_kind != 'aggregate'")
    elif basis == "mirror":
        wide = mirror_of(_observed(_all_flows(), as_of), reporters)
    else:
        raise ValueError(f"basis must be 'reporter' or 'mirror', not {basis!r}")
    dyads = wide.rename(columns={"partner": "partner_iso3"})
    dyads = trade_dyads.flag_breaks(dyads[["iso3", "partner_iso3", "year", "imports", "exports", "estimate", "partner_kind"]])
    dyads = flag_holes(dyads)
    return dyads.sort_values(["iso3", "year", "partner_iso3"]).reset_index(drop=True)[DYAD_COLUMNS]


def compare_with_cow(cow: pd.DataFrame, reporter: pd.DataFrame, mirror: pd.DataFrame) -> pd.DataFrame:
    """COW's flows beside DOTS's two records, dyad-year by dyad-year (both sides present).

    COW rounds to whole millions: a difference of at most 0.5 (plus a float margin) is agreement.

    Returns
    -------
    DataFrame
        iso3, partner_iso3, year, cow_imports, dots_imports (reporter's record), cow_exports,
        dots_exports (reporter's record), dots_exports_mirror (partner's record), and the booleans
        imports_agree, exports_agree_reporter, exports_agree_mirror.
    """
    keys = ["iso3", "partner_iso3", "year"]
    table = (cow[[*keys, "imports", "exports"]].rename(columns={"imports": "cow_imports", "exports": "cow_exports"})
             .merge(reporter[[*keys, "imports", "exports"]].rename(columns={"imports": "dots_imports", "exports": "dots_exports"}), on=keys)
             .merge(mirror[[*keys, "exports"]].rename(columns={"exports": "dots_exports_mirror"}), on=keys, how="left"))
    close = lambda a, b: (table[a] - table[b]).abs() <= 0.5 + 1e-6  # noqa: E731
    return table.assign(imports_agree=close("cow_imports", "dots_imports"),
                        exports_agree_reporter=close("cow_exports", "dots_exports"),
                        exports_agree_mirror=close("cow_exports", "dots_exports_mirror"))


def fill_holes(reporter: pd.DataFrame, mirror: pd.DataFrame) -> pd.DataFrame:
    """The reporter's record with each hole (:func:`flag_holes`) filled from the partner's record of the same
    flow where the partner has one (the IMF's own way of estimating a missing flow, without its CIF/FOB
    factor); ``filled`` marks those dyad-years, and ``hole`` stays True only where both records are missing."""
    keys = ["iso3", "partner_iso3", "year"]
    other = mirror[[*keys, "exports", "imports"]].rename(columns={"exports": "_exports", "imports": "_imports"})
    table = reporter.merge(other, on=keys, how="left")
    filled = pd.Series(False, index=table.index)
    for flow in ("exports", "imports"):
        take = table["hole"] & table[flow].isna() & table[f"_{flow}"].notna()
        table.loc[take, flow] = table.loc[take, f"_{flow}"]
        filled |= take
    still = table["hole"] & (table["exports"].isna() | table["imports"].isna())
    return table.drop(columns=["_exports", "_imports"]).assign(hole=still, filled=filled)


def reconcile_totals(totals: pd.DataFrame, dyads: pd.DataFrame) -> pd.DataFrame:
    """A reporter's total is never less than the sum over its partners: where a flow filled from the partner's
    record (or trade the early totals leave out, 1992) is not in the reporter's own ``World`` row, the total
    becomes that sum (``reconciled`` marks the reporter-years changed). Russia's 2001 and 2004 totals hold no
    trade with Belarus, which its partners' record fills; its 2009-10 totals hold it among the unallocated."""
    partners = dyads[dyads["partner_kind"] != "aggregate"].groupby(["iso3", "year"])[["exports", "imports"]].sum()
    table = totals.join(partners, on=["iso3", "year"], rsuffix="_partners")
    reconciled = pd.Series(False, index=table.index)
    for flow in ("exports", "imports"):
        short = table[f"{flow}_partners"] > table[flow] * (1 + 1e-9)
        table.loc[short, flow] = table.loc[short, f"{flow}_partners"]
        reconciled |= short
    table = table.assign(total=table["exports"] + table["imports"], reconciled=reconciled)
    return table[["iso3", "year", "exports", "imports", "total", "reconciled"]]


def trade_records(reporters, as_of: int | None = None) -> dict[str, pd.DataFrame]:
    """The three tables the trade chapters read, observed up to ``as_of``: ``reporter`` (the reporters' own
    record, holes filled from the partners' where they have one: :func:`fill_holes`), ``mirror`` (the
    partners' record) and ``totals`` (the reporters' own totals, never below the sum over their partners:
    :func:`reconcile_totals`)."""
    reporters = list(reporters)
    mirror = dots_dyads(reporters, "mirror", as_of)
    reporter = fill_holes(dots_dyads(reporters, "reporter", as_of), mirror)
    return {"reporter": reporter, "mirror": mirror, "totals": reconcile_totals(dots_totals(reporters, as_of), reporter)}


def screen_summary(flows: pd.DataFrame, reporter: pd.DataFrame) -> pd.DataFrame:
    """What the screens found, by reporter: years with a total, partners with a value, values, the share that
    are IMF estimates, exact zeros, and the holes among the former republics (filled from the partner's
    record, or left: those reporter-years are incomplete)."""
    countries_only = flows[flows["partner_kind"] == "country"].dropna(subset=["value"])
    world = flows[(flows["partner"] == "WLD")].dropna(subset=["value"])
    by = countries_only.groupby("iso3")
    table = pd.DataFrame({
        "first_year": world.groupby("iso3")["year"].min(), "last_year": world.groupby("iso3")["year"].max(),
        "partners": by["partner"].nunique(), "values": by.size(),
        "estimated_pct": 100 * by["estimate"].mean(), "zeros": by["value"].apply(lambda v: int((v == 0).sum())),
        "holes_filled": reporter.groupby("iso3")["filled"].sum(),
        "holes_left": reporter.groupby("iso3")["hole"].sum(),
        "incomplete_years": reporter[reporter["hole"]].groupby("iso3")["year"].apply(
            lambda y: ", ".join(str(v) for v in sorted(set(y)))),
    })
    table = table.reindex(sorted(set(reporter["iso3"])))
    return table.fillna({"holes_filled": 0, "holes_left": 0, "incomplete_years": ""}).rename_axis("iso3").reset_index()
