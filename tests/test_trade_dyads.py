"""COW codes to ISO3 (GWcode plus the documented differences) and the directed dyads."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.data import trade_dyads

from conftest import requires_mirror


def test_differences_table_holds_the_documented_cases():
    table = trade_dyads.cow_gw_differences()
    assert list(table.columns) == ["cow_code", "first_year", "last_year", "iso3", "gw_code", "cow_name", "note"]
    assert (table["note"].str.len() > 10).all() and (table["first_year"] <= table["last_year"]).all()
    rows = {(r.cow_code, r.gw_code) for r in table.itertuples()}
    assert (255, 260) in rows and (345, 340) in rows and (316, 315) in rows
    for code, spans in table.groupby("cow_code"):  # spans of one code never overlap
        spans = spans.sort_values("first_year")
        assert (spans["first_year"].iloc[1:].to_numpy() > spans["last_year"].iloc[:-1].to_numpy()).all(), code


@pytest.mark.parametrize("code, year, iso3", [
    (255, 1995, "DEU"),   # Germany: COW 255, GW 260
    (260, 1980, "DEU"),   # West Germany stands for Germany
    (345, 1990, "YUG"), (345, 1995, "SCG"), (345, 2008, "SRB"),  # COW 345, GW 340 for Serbia
    (315, 1990, "CSK"), (316, 1995, "CZE"),
    (365, 1991, "SUN"), (365, 1992, "RUS"),
    (705, 2000, "KAZ"), (710, 2000, "CHN"), (369, 2000, "UKR"), (370, 2000, "BLR"),  # COW = GW
    (679, 2000, "YEM"), (816, 2000, "VNM"), (946, 2000, "KIR"), (970, 2000, "NRU"),
    (680, 1980, None), (817, 1960, None),  # South Yemen, South Vietnam: no present-day ISO3
])
def test_cow_to_iso3(code, year, iso3):
    assert trade_dyads.cow_to_iso3([code], [year]).iloc[0] == iso3


def _raw(rows):
    return pd.DataFrame(rows, columns=["ccode1", "ccode2", "year", "flow1", "flow2", "smoothflow1", "smoothflow2"])


def test_dyads_are_directed_and_missing_stays_missing():
    raw = _raw([[365, 705, 1995, 2742.0, 1900.0, 1.0, 1.0],     # flow1 = RUS imports from KAZ
                [365, 710, 1995, -9.0, np.nan, 1.0, 1.0],        # missing both ways
                [2, 705, 1995, 0.0, 12.0, 0.0, 12.0]])           # a true zero stays zero
    dyads = trade_dyads.dyads_from_raw(raw)
    assert list(dyads.columns) == trade_dyads.DYAD_COLUMNS
    kaz_rus = dyads.query("iso3 == 'KAZ' and partner_iso3 == 'RUS'").iloc[0]
    assert (kaz_rus["imports"], kaz_rus["exports"]) == (1900.0, 2742.0)
    rus_kaz = dyads.query("iso3 == 'RUS' and partner_iso3 == 'KAZ'").iloc[0]
    assert (rus_kaz["imports"], rus_kaz["exports"]) == (2742.0, 1900.0)
    assert dyads.query("partner_iso3 == 'CHN' or iso3 == 'CHN'")[["imports", "exports"]].isna().all().all()
    assert dyads.query("iso3 == 'KAZ' and partner_iso3 == 'USA'")["exports"].iloc[0] == 0.0
    assert set(trade_dyads.dyads_from_raw(raw, reporters=["KAZ"])["iso3"]) == {"KAZ"}


def test_known_breaks_are_flagged():
    raw = _raw([[365, 705, 1993, 0.0, 0.0, 0.0, 0.0], [365, 705, 1994, 1996.0, 1293.0, 0, 0],
                [365, 370, 2010, 9954.0, 18081.0, 0, 0], [365, 369, 2010, 5.0, 5.0, 0, 0],
                [370, 705, 2012, 119.0, 807.0, 0, 0], [365, 369, 1992, 0.0, 0.0, 0, 0],
                [2, 365, 1993, 0.0, 5.0, 0, 0], [366, 369, 1993, 0.0, 47.0, 0, 0]])
    dyads = trade_dyads.dyads_from_raw(raw).set_index(["iso3", "partner_iso3", "year"])
    assert dyads.loc[("KAZ", "RUS", 1993), "recorded_zero"] and np.isnan(dyads.loc[("KAZ", "RUS", 1993), "imports"])
    assert not dyads.loc[("KAZ", "RUS", 1994), "recorded_zero"]
    assert not dyads.loc[("RUS", "BLR", 2010), "recorded_zero"]
    assert dyads.loc[("RUS", "BLR", 2010), "break"] and dyads.loc[("BLR", "RUS", 2010), "break"]
    assert not dyads.loc[("RUS", "UKR", 2010), "break"]   # Ukraine is outside the customs union
    assert not dyads.loc[("BLR", "KAZ", 2012), "break"]
    assert dyads.loc[("UKR", "RUS", 1992), "recorded_zero"]            # any two former republics in 1992-93
    assert dyads.loc[("USA", "RUS", 1993), "imports"] == 0.0            # a zero with an outside partner stays zero
    estonia_ukraine = dyads.loc[("EST", "UKR", 1993)]
    assert np.isnan(estonia_ukraine["imports"]) and estonia_ukraine["exports"] == 47.0  # only the zero flow


@requires_mirror
def test_every_cow_code_since_1992_maps_to_one_iso3():
    raw = trade_dyads._read_rda("cow_trade_ndy.rda")
    recent = raw[raw["year"] >= 1992]
    codes = pd.concat([recent[["ccode1", "year"]].set_axis(["code", "year"], axis=1),
                       recent[["ccode2", "year"]].set_axis(["code", "year"], axis=1)]).drop_duplicates()
    codes["iso3"] = trade_dyads.cow_to_iso3(codes["code"], codes["year"]).to_numpy()
    assert codes["iso3"].notna().all(), sorted(codes.loc[codes["iso3"].isna(), "code"].unique())
    assert codes.groupby(["iso3", "year"])["code"].nunique().max() == 1  # no country-year from two codes


@requires_mirror
def test_real_dyads_of_kazakhstan():
    dyads = trade_dyads.cow_dyads(reporters=["KAZ"])
    assert not dyads.duplicated(["iso3", "partner_iso3", "year"]).any()
    with_russia = dyads[dyads["partner_iso3"] == "RUS"].set_index("year")
    assert with_russia.loc[[1992, 1993], "recorded_zero"].all()
    assert with_russia.loc[2002, "imports"] > 0 and with_russia.loc[[2010, 2011], "break"].all()
    assert dyads["year"].max() == 2014
