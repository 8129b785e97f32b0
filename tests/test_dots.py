"""IMF DOTS: the workbook layout and its screens on small constructed sheets, and the real files against
the mirror README's checks and COW (the join)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.data import dots, trade_dyads

from conftest import requires_mirror


def _sheet(name="Exports, FOB", reporter="Kazakhstan, Rep. of", years=("1999", 2000.0), rows=(), unit=dots.UNIT):
    """A sheet as read with header=None: title in B2, reporter in B4, unit in B5, years in row 7, partners from row 8."""
    width = 2 + len(years)
    grid = [[None] * width for _ in range(7)]
    grid[1][1], grid[3][1], grid[4][1] = f"{name} to Partner Countries", reporter, unit
    grid[6][2:] = list(years)
    for partner, *values in rows:
        grid.append([None, partner, *values])
    return pd.DataFrame(grid)


def test_cells_numbers_estimates_and_thousands():
    parsed = dots.parse_cells(pd.Series([12.5, "1,032.13 e", " 0.14 e", "7", None, np.nan]))
    assert parsed["value"].tolist()[:4] == [12.5, 1032.13, 0.14, 7.0] and parsed["value"].iloc[4:].isna().all()
    assert parsed["estimate"].tolist() == [False, True, True, False, False, False]


def test_a_text_cell_that_is_no_number_fails_naming_it():
    with pytest.raises(dots.DotsFormatError, match=r"DOTS_1.xlsx: cell 'n\.a\.' is neither a number"):
        dots.parse_cells(pd.Series(["n.a."]), "DOTS_1.xlsx")


def test_sheet_long_form_and_the_repeated_row():
    sheet = _sheet(rows=[("Australia", 1.0, "2.5 e"), ("World", 100.0, 120.0), ("Russian Federation", None, 40.0),
                         ("Australia", 1.0, "2.5 e")])
    long = dots.read_sheet(sheet, "Exports, FOB", "DOTS_103.xlsx")
    assert long.attrs["duplicates_dropped"] == 1 and set(long["year"]) == {1999, 2000}  # "1999" read as a year
    russia = long[long["partner_name"] == "Russian Federation"].set_index("year")["value"]
    assert np.isnan(russia[1999]) and russia[2000] == 40.0                           # empty stays missing
    assert long.loc[long["partner_name"] == "Australia", "estimate"].tolist() == [False, True]
    assert (long["flow"] == "exports").all() and (long["reporter_name"] == "Kazakhstan, Rep. of").all()


def test_a_partner_repeated_with_other_values_is_an_error():
    sheet = _sheet(rows=[("Australia", 1.0, 2.0), ("Australia", 1.0, 3.0)])
    with pytest.raises(dots.DotsFormatError, match="repeated with different values: Australia"):
        dots.read_sheet(sheet, "Exports, FOB", "x")


def test_the_layout_is_checked():
    with pytest.raises(dots.DotsFormatError, match="US Dollars, Millions"):
        dots.read_sheet(_sheet(unit="Euros"), "Exports, FOB", "DOTS_9.xlsx")
    with pytest.raises(dots.DotsFormatError, match="must hold a year"):
        dots.read_sheet(_sheet(years=("1999", "total")), "Exports, FOB", "x")


def test_partner_names_countries_former_states_aggregates_and_unknown():
    codes = dots.partner_codes(["World", "China, P.R.: Mainland", "USSR", "Belgium-Luxembourg", "Euro Area",
                                "Countries & Areas not specified", "Curaçao, Kingdom of the Netherlands"]).set_index("partner_name")
    assert codes.loc["World"].tolist() == ["WLD", "aggregate"] and codes.loc["China, P.R.: Mainland"].tolist() == ["CHN", "country"]
    assert codes.loc["USSR"].tolist() == ["SUN", "former state"] and codes.loc["Belgium-Luxembourg", "partner"] == "BLX"
    assert codes.loc["Countries & Areas not specified", "partner_kind"] == "aggregate"
    assert codes.loc["Curaçao, Kingdom of the Netherlands", "partner"] == "CUW"
    with pytest.raises(dots.DotsFormatError, match="Atlantis"):
        dots.partner_codes(["Atlantis"])


def _dyads(rows):
    """rows: (iso3, partner, year, imports, exports)."""
    frame = pd.DataFrame(rows, columns=["iso3", "partner_iso3", "year", "imports", "exports"])
    return frame.assign(partner_kind="country", estimate=False)


def test_holes_between_former_republics_that_mattered():
    dyads = _dyads([("KAZ", "RUS", 1992, np.nan, np.nan), ("KAZ", "CHN", 1992, 5.0, 5.0),
                    ("KAZ", "RUS", 1993, 40.0, 40.0), ("KAZ", "CHN", 1993, 60.0, 60.0),
                    ("KAZ", "EST", 1993, np.nan, np.nan), ("KAZ", "EST", 1994, 0.1, 0.1), ("KAZ", "RUS", 1994, 50.0, 50.0),
                    ("KAZ", "USA", 1993, np.nan, np.nan), ("KAZ", "USA", 1994, 30.0, 30.0)])
    holes = dots.flag_holes(dyads).set_index(["partner_iso3", "year"])["hole"]
    assert holes[("RUS", 1992)]                      # Russia had 40% of the flow in the nearest year
    assert not holes[("EST", 1993)]                  # Estonia: 0.1% in the nearest year, below 1%
    assert not holes[("USA", 1993)]                  # not a former republic: no other share depends on it


def test_holes_filled_from_the_partners_record():
    reporter = dots.flag_holes(_dyads([("RUS", "BLR", 2001, np.nan, np.nan), ("RUS", "BLR", 2000, 10.0, 10.0),
                                       ("RUS", "DEU", 2000, 10.0, 10.0), ("RUS", "DEU", 2001, 10.0, 10.0)]))
    mirror = _dyads([("RUS", "BLR", 2001, 12.0, 9.0)])
    filled = dots.fill_holes(reporter, mirror).set_index(["partner_iso3", "year"])
    assert filled.loc[("BLR", 2001), ["imports", "exports"]].tolist() == [12.0, 9.0]
    assert filled.loc[("BLR", 2001), "filled"] and not filled.loc[("BLR", 2001), "hole"]
    unfilled = dots.fill_holes(reporter, mirror.iloc[0:0]).set_index(["partner_iso3", "year"])
    assert unfilled.loc[("BLR", 2001), "hole"] and not unfilled.loc[("BLR", 2001), "filled"]


def test_mirror_swaps_the_flows():
    flows = pd.DataFrame({"iso3": ["RUS", "RUS"], "flow": ["exports", "imports"], "partner": ["KAZ", "KAZ"],
                          "partner_name": "Kazakhstan, Rep. of", "partner_kind": "country", "year": 2000,
                          "value": [2197.2, 2741.9], "estimate": False})
    mirror = dots.mirror_of(flows, ["KAZ"]).iloc[0]
    assert (mirror["iso3"], mirror["partner"]) == ("KAZ", "RUS")
    assert (mirror["exports"], mirror["imports"]) == (2741.9, 2197.2)  # KAZ's exports = RUS's imports from KAZ


def test_agreement_with_cow_to_its_rounding():
    keys = {"iso3": ["KAZ"], "partner_iso3": ["RUS"], "year": [1995]}
    cow = pd.DataFrame({**keys, "imports": [1900.0], "exports": [2742.0]})
    reporter = pd.DataFrame({**keys, "imports": [1899.7], "exports": [2365.8]})
    mirror = pd.DataFrame({**keys, "imports": [1899.0], "exports": [2741.9]})
    row = dots.compare_with_cow(cow, reporter, mirror).iloc[0]
    assert row["imports_agree"] and row["exports_agree_mirror"] and not row["exports_agree_reporter"]


# ---- the real files ----------------------------------------------------------------------------------------
@requires_mirror
def test_every_workbook_reads_and_kazakhstan_passes_the_mirror_checks():
    totals = dots.dots_totals(["KAZ"]).set_index("year")
    assert totals.loc[2014, "total"] / 1000 == pytest.approx(120.9, abs=0.05)       # README: 120.9 bn US$
    reporter = dots.dots_dyads(["KAZ"]).set_index(["partner_iso3", "year"])
    share = lambda partner, year: 100 * (reporter.loc[(partner, year), "imports"] + reporter.loc[(partner, year), "exports"]) \
        / totals.loc[year, "total"]  # noqa: E731
    assert share("RUS", 2014) == pytest.approx(16.7, abs=0.05) and share("RUS", 2020) == pytest.approx(21.4, abs=0.05)
    assert share("CHN", 2014) == pytest.approx(14.3, abs=0.05) and share("CHN", 2020) == pytest.approx(18.0, abs=0.05)
    assert reporter.loc[("RUS", 1992), "hole"] and reporter.loc[("RUS", 2010), "break"]
    assert len(dots.mirror_reporters()) == 32 and dots._all_flows().attrs["duplicates_dropped"] == 64  # Australia x 2 sheets


@requires_mirror
def test_dots_joins_cow_kazakhstans_imports_from_russia():
    """COW v4.0 is built from DOTS: its imports are the reporter's record to the million (README: 1995, 2000, 2008)."""
    records = dots.trade_records(["KAZ"])
    cow = trade_dyads.cow_dyads(reporters=["KAZ"])
    joined = dots.compare_with_cow(cow, records["reporter"], records["mirror"]).set_index(["partner_iso3", "year"])
    for year in (1995, 2000, 2008):
        assert joined.loc[("RUS", year), "imports_agree"] and joined.loc[("RUS", year), "exports_agree_mirror"], year
    assert not joined.loc[("RUS", 2014), "imports_agree"]  # 2014 revised since COW's vintage: no splice there


def test_a_total_is_never_less_than_the_sum_of_its_partners():
    totals = pd.DataFrame({"iso3": ["RUS", "RUS"], "year": [2000, 2001], "exports": [100.0, 80.0], "imports": [50.0, 50.0],
                           "total": [150.0, 130.0]})
    dyads = _dyads([("RUS", "DEU", 2000, 40.0, 60.0), ("RUS", "DEU", 2001, 40.0, 60.0), ("RUS", "BLR", 2001, 10.0, 15.0)])
    table = dots.reconcile_totals(totals, dyads).set_index("year")
    assert table.loc[2000, ["exports", "imports", "total"]].tolist() == [100.0, 50.0, 150.0] and not table.loc[2000, "reconciled"]
    assert table.loc[2001, ["exports", "imports", "total"]].tolist() == [80.0, 50.0, 130.0]   # 75 and 50 fit in the totals
    short = dots.reconcile_totals(totals.assign(exports=[100.0, 70.0]), dyads).set_index("year")
    assert short.loc[2001, "exports"] == 75.0 and short.loc[2001, "reconciled"]


@requires_mirror
def test_calamine_reads_a_workbook_as_openpyxl_does(monkeypatch):
    """The workbooks are read with calamine (3x faster); on a workbook it gives the cells openpyxl gives."""
    from transition.data.sources import fetch, files_of

    path = fetch(files_of(dots.DOTS_SOURCE)[0].id)
    fast = dots.read_workbook(path)
    original = pd.read_excel
    monkeypatch.setattr(pd, "read_excel", lambda *a, **k: original(*a, **{**k, "engine": "openpyxl"}))
    pd.testing.assert_frame_equal(fast, dots.read_workbook(path))
