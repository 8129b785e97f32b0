"""Trade-structure primitives on small constructed inputs with known answers."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from transition.analysis import trade
from transition.data.vocabulary import parse_period


def _values(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "value"])


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


# --- vintages -----------------------------------------------------------------------------------

def test_splice_prefers_one_vintage_and_flags_each_value():
    older = _values([("AAA", 2000, 10.0), ("AAA", 2001, 20.0), ("BBB", 2001, 5.0)])
    newer = _values([("AAA", 2001, 22.0), ("AAA", 2002, 31.0), ("BBB", 2001, np.nan)])
    spliced = trade.splice_vintages(newer, older, "new", "old")
    assert spliced.values.tolist() == [["AAA", 2000, 10.0, "old"], ["AAA", 2001, 22.0, "new"],
                                       ["AAA", 2002, 31.0, "new"], ["BBB", 2001, 5.0, "old"]]
    # the other way round: the older value wins where both exist
    reverse = trade.splice_vintages(older, newer, "old", "new").set_index(["iso3", "year"])
    assert reverse.loc[("AAA", 2001), "value"] == 20.0 and reverse.loc[("AAA", 2002), "vintage"] == "new"


def test_vintage_disagreement_by_country_and_pooled():
    newer = _values([("AAA", 2000, 12.0), ("AAA", 2001, 19.0), ("BBB", 2000, 5.0), ("CCC", 2005, 1.0)])
    older = _values([("AAA", 2000, 10.0), ("AAA", 2001, 20.0), ("BBB", 2000, 5.0), ("CCC", 2004, 1.0)])
    table = trade.vintage_disagreement(newer, older).set_index("iso3")
    assert list(table.index) == ["AAA", "BBB", "all"]  # CCC has no overlapping year
    assert table.loc["AAA", "mean_diff"] == pytest.approx(0.5)  # (+2 - 1) / 2
    assert table.loc["AAA", "mean_abs_diff"] == pytest.approx(1.5)
    assert table.loc["AAA", "max_abs_diff"] == 2.0 and table.loc["AAA", "year_of_max"] == 2000
    assert table.loc["all", "n_overlap"] == 3 and table.loc["all", "max_abs_diff"] == 2.0
    assert table.loc["all", "mean_abs_diff"] == pytest.approx(1.0)


def test_vintage_disagreement_without_overlap_is_empty():
    assert trade.vintage_disagreement(_values([("AAA", 2000, 1.0)]), _values([("AAA", 2001, 1.0)])).empty


def test_composition_splices_and_combines():
    rows = [("AAA", 2000, "wdi2013_tx_val_fuel_zs_un", 40.0), ("AAA", 2001, "wdi2013_tx_val_fuel_zs_un", 41.0),
            ("AAA", 2001, "wdi2023_tx_val_fuel_zs_un", 45.0), ("AAA", 2002, "wdi2023_tx_val_fuel_zs_un", 50.0),
            ("AAA", 2001, "wdi2013_tx_val_mmtl_zs_un", 10.0), ("AAA", 2002, "wdi2022_tx_val_mmtl_zs_un", 12.0),
            ("AAA", 2001, "wdi2013_tm_val_manf_zs_un", 60.0), ("AAA", 2001, "wdi2013_tm_val_food_zs_un", 15.0)]
    comp = trade.composition(_tidy(rows), prefer="newer").set_index(["series", "iso3", "year"])
    assert comp.loc[("exports_fuel", "AAA", 2001), "value"] == 45.0
    assert comp.loc[("exports_fuel", "AAA", 2000), "vintage"] == "wdi2013"
    # fuel + ores: 2001 mixes the newer fuel and the 2013 ores value, and says so
    assert comp.loc[("exports_fuel_ores", "AAA", 2001), "value"] == 55.0
    assert comp.loc[("exports_fuel_ores", "AAA", 2001), "vintage"] == "wdi2023+wdi2013"
    assert comp.loc[("exports_fuel_ores", "AAA", 2002), "value"] == 62.0
    assert comp.loc[("imports_processed", "AAA", 2001), "value"] == 75.0
    older = trade.composition(_tidy(rows), prefer="older").set_index(["series", "iso3", "year"])
    assert older.loc[("exports_fuel", "AAA", 2001), "value"] == 41.0
    with pytest.raises(ValueError, match="prefer"):
        trade.composition(_tidy(rows), prefer="latest")


# --- group aggregates ---------------------------------------------------------------------------

def test_group_summary_median_iqr_and_weighted_share():
    group = pd.Series({"AAA": "G", "BBB": "G", "CCC": "G", "DDD": "H"})
    values = _values([("AAA", 2000, 10.0), ("BBB", 2000, 20.0), ("CCC", 2000, 60.0), ("DDD", 2000, 5.0),
                      ("ZZZ", 2000, 99.0)])  # ZZZ has no group: left out
    weights = pd.DataFrame({"iso3": ["AAA", "BBB", "CCC"], "year": 2000, "weight": [1.0, 1.0, 8.0]})
    table = trade.group_summary(values, group, weights, min_countries=2).set_index("group")
    assert table.loc["G", "median"] == 20.0 and table.loc["G", "n_countries"] == 3
    assert table.loc["G", "q25"] == 15.0 and table.loc["G", "q75"] == 40.0
    # aggregate share: (10*1 + 20*1 + 60*8) / 10
    assert table.loc["G", "weighted"] == pytest.approx(51.0)
    # H has one country: below min_countries, statistics blank but the row kept
    assert table.loc["H", "n_countries"] == 1 and math.isnan(table.loc["H", "median"])
    assert math.isnan(table.loc["H", "weighted"])


def test_group_summary_weighted_uses_only_countries_with_weights():
    group = pd.Series({"AAA": "G", "BBB": "G"})
    values = _values([("AAA", 2000, 10.0), ("BBB", 2000, 30.0)])
    weights = pd.DataFrame({"iso3": ["AAA"], "year": [2000], "weight": [5.0]})
    row = trade.group_summary(values, group, weights).iloc[0]
    assert row["weighted"] == 10.0 and row["n_weighted"] == 1 and row["median"] == 20.0


def test_latest_common_year_and_value_at():
    table = pd.DataFrame({"series": "s", "group": ["A", "A", "B", "B"], "year": [2010, 2011, 2010, 2011],
                          "median": [1.0, 2.0, 3.0, np.nan]})
    assert trade.latest_common_year(table, "s", ["A", "B"]) == 2010
    assert trade.latest_common_year(table, "s", ["A"]) == 2011
    assert trade.latest_common_year(table, "other", ["A"]) is None
    assert trade.value_at(table, "s", "B", 2010) == 3.0
    assert math.isnan(trade.value_at(table, "s", "B", None))


def test_snapshot_reports_early_and_latest_year():
    table = pd.DataFrame({"series": "s", "group": ["A", "A", "B", "B"], "year": [2000, 2005, 2000, 2005],
                          "n_countries": 3, "median": [1.0, 2.0, 3.0, 4.0], "q25": 0.0, "q75": 5.0,
                          "weighted": np.nan})
    snap = trade.snapshot(table, ["s"], ["A", "B"], 2000).set_index(["when", "group"])
    assert snap.loc[("latest", "B"), "year"] == 2005 and snap.loc[("latest", "B"), "median"] == 4.0
    assert snap.loc[("early", "A"), "median"] == 1.0


# --- exports in US$ and shares ------------------------------------------------------------------

def _wide(rows):
    columns = ["iso3", "year", "wdi2013_ne_exp_gnfs_cd", "wdi_exports_pct_gdp", "wdi2022_ny_gdp_mktp_cd",
               "weo_gdp_usd", "weo_export_volume_growth"]
    return pd.DataFrame(rows, columns=columns)


def test_exports_usd_prefers_direct_and_computes_otherwise():
    wide = _wide([("AAA", 2000, 5e9, 50.0, 8e9, 9.0, np.nan),      # direct 5 bn; computed 50% x 8 bn = 4
                  ("AAA", 2013, np.nan, 25.0, 40e9, 50.0, np.nan),  # computed from WDI GDP: 10
                  ("AAA", 2021, np.nan, 10.0, np.nan, 30.0, np.nan),  # no WDI 2022 GDP: WEO 30 bn -> 3
                  ("AAA", 2022, np.nan, np.nan, np.nan, np.nan, np.nan)])
    usd = trade.exports_usd(wide).set_index("year")
    assert list(usd.index) == [2000, 2013, 2021]
    assert usd.loc[2000, ["direct", "computed", "value"]].tolist() == [5.0, 4.0, 5.0]
    assert usd.loc[2000, "basis"] == "direct"
    assert usd.loc[2013, "value"] == 10.0 and usd.loc[2013, "basis"] == "computed"
    assert usd.loc[2021, "value"] == pytest.approx(3.0) and usd.loc[2021, "gdp_source"] == "weo2019"


def _usd(rows):
    frame = pd.DataFrame(rows, columns=["iso3", "year", "direct", "computed"])
    frame["value"] = frame["direct"].fillna(frame["computed"])
    frame["basis"] = np.where(frame["direct"].notna(), "direct", "computed")
    return frame


def test_cis_export_shares_period_means_and_missing_countries():
    usd = _usd([("RUS", 2000, 70.0, 70.0), ("RUS", 2001, 90.0, 90.0),  # mean 80
                ("UKR", 2000, 15.0, 14.0), ("UKR", 2001, 15.0, 16.0),  # mean 15 (computed 15)
                ("KAZ", 2000, 5.0, np.nan),                            # one year only
                ("RUS", 2010, np.nan, 50.0), ("UKR", 2010, np.nan, 50.0)])
    shares = trade.cis_export_shares(usd, ["RUS", "UKR", "KAZ"], ["2000-2001", "2010-2010"])
    first = shares[shares["period"] == "2000-2001"].set_index("iso3")
    assert first.loc["RUS", "share_pct"] == pytest.approx(80.0) and first.loc["KAZ", "share_pct"] == pytest.approx(5.0)
    assert first.loc["KAZ", "n_years"] == 1 and first.loc["RUS", "basis"] == "direct"
    # computed basis: KAZ has none, so RUS 80 / (80 + 15)
    assert first.loc["RUS", "share_pct_computed"] == pytest.approx(80 / 95 * 100)
    assert math.isnan(first.loc["KAZ", "share_pct_computed"])
    later = shares[shares["period"] == "2010-2010"].set_index("iso3")
    assert later.loc["RUS", "share_pct"] == 50.0 and later.loc["RUS", "n_missing"] == 1  # KAZ missing
    assert later.loc["RUS", "basis"] == "computed"
    assert shares.groupby("period")["share_pct"].sum().round(9).eq(100).all()
    assert shares["period"].tolist()[0] == "2000-2001"  # periods keep the given order


def test_dated_membership_follows_blocs():
    blocs = pd.DataFrame({"bloc": ["CIS", "CIS", "CIS", "EU"], "iso3": ["RUS", "GEO", "UKR", "RUS"],
                          "joined": ["1991-12-21", "1993", "1991-12-21", "2004-05-01"],
                          "left": [None, "2009-08-18", "2018-05-19", None]})
    members = ["RUS", "GEO", "UKR"]
    assert trade.cis_members_in((1992, 1995), members, "dated", blocs) == ["RUS", "UKR"]
    # GEO joined in "1993" (year only = 1 July, data.blocs): not a member on 1 January 1993, a member on 1 January 1994
    assert trade.cis_members_in((1993, 1995), members, "dated", blocs) == ["RUS", "UKR"]
    assert trade.cis_members_in((1994, 1995), members, "dated", blocs) == ["RUS", "GEO", "UKR"]
    assert trade.cis_members_in((2016, 2019), members, "dated", blocs) == ["RUS", "UKR"]
    assert trade.cis_members_in((2019, 2020), members, "dated", blocs) == ["RUS"]
    assert trade.cis_members_in((2016, 2019), members, "fixed", blocs) == members
    with pytest.raises(ValueError, match="membership"):
        trade.cis_members_in((2016, 2019), members, "sometimes", blocs)
    with pytest.raises(ValueError, match="needs the bloc table"):
        trade.cis_members_in((2016, 2019), members, "dated")


def test_compare_with_essay_named_and_range():
    shares = pd.DataFrame({"iso3": ["RUS", "UKR", "KAZ", "BLR", "ARM", "TJK"], "period": "p",
                           "share_pct": [70.0, 12.0, 5.0, 5.2, 1.0, 0.1]})
    table = trade.compare_with_essay(shares, "p").set_index("iso3")
    assert list(table.index[:3]) == ["RUS", "UKR", "KAZ"]
    assert table.loc["RUS", "difference_pp"] == pytest.approx(-6.0)
    assert table.loc["UKR", "difference_pp"] == pytest.approx(2.0)
    assert table.loc["KAZ", "difference_pp"] == 0.0 and not table.loc["KAZ", "in_essay_range"]
    assert table.loc["BLR", "difference_pp"] == pytest.approx(2.2) and not table.loc["BLR", "in_essay_range"]
    assert table.loc["ARM", "in_essay_range"] and table.loc["ARM", "difference_pp"] == 0.0
    assert table.loc["TJK", "difference_pp"] == pytest.approx(-0.2)


# --- growth and imports -------------------------------------------------------------------------

def test_cumulative_volume():
    growth = pd.Series({1994: 10.0, 1995: -50.0, 1996: 100.0})
    assert trade.cumulative_volume(growth, 1993, 1996) == pytest.approx(110.0)
    assert math.isnan(trade.cumulative_volume(growth, 1993, 1997))  # 1997 missing


def test_export_growth_measures_and_late_start():
    rows = []
    for year, direct, pct, weo_gdp, volume in [(1993, 10e9, 50.0, 10.0, np.nan), (1994, 8e9, 50.0, 12.0, 10.0),
                                               (1995, 9e9, 50.0, 14.0, 10.0)]:
        rows.append(("KGZ", year, direct, pct, np.nan, weo_gdp, volume))
    rows += [("UKR", 1994, np.nan, 20.0, np.nan, 10.0, np.nan), ("UKR", 1995, np.nan, 30.0, np.nan, 10.0, -5.0)]
    wide = _wide(rows)
    usd = trade.exports_usd(wide)
    table = trade.export_growth(wide, usd, ["KGZ", "UKR"], 1993, 1995).set_index("iso3")
    assert table.loc["KGZ", "change_pct_usd_direct"] == pytest.approx(-10.0)
    assert table.loc["KGZ", "grew_usd_direct"] is False
    assert table.loc["KGZ", "change_pct_usd_computed_weo"] == pytest.approx(40.0)  # 5 -> 7 bn
    assert table.loc["KGZ", "change_pct_volume"] == pytest.approx(21.0)
    assert table.loc["KGZ", "start_volume"] == 1993
    # UKR: no 1993 data, so its first later year (1994) is the start; no direct series at all
    assert table.loc["UKR", "start_usd_computed_weo"] == 1994
    assert table.loc["UKR", "change_pct_usd_computed_weo"] == pytest.approx(50.0)
    assert table.loc["UKR", "grew_usd_direct"] is None
    assert table.loc["UKR", "start_volume"] == 1994 and table.loc["UKR", "change_pct_volume"] == pytest.approx(-5.0)
    assert not table.loc["UKR", "essay_grew"] and not table.loc["KGZ", "essay_grew"]
    sensitivity = trade.growth_sensitivity(wide, usd, ["KGZ", "UKR"], [1993, 1994], 1995)
    row = sensitivity[(sensitivity["start_year"] == 1993) & (sensitivity["measure"] == "usd_direct")].iloc[0]
    assert row["n_with_data"] == 1 and row["n_grew"] == 0 and row["did_not_grow"] == "KGZ"
    row = sensitivity[(sensitivity["start_year"] == 1994) & (sensitivity["measure"] == "usd_direct")].iloc[0]
    assert row["n_grew"] == 1 and row["did_not_grow"] == ""  # 8 -> 9 bn


def test_import_processing_period_means():
    comp = pd.DataFrame({"series": ["imports_manufactures", "imports_manufactures", "imports_food",
                                    "imports_processed", "exports_manufactures", "imports_manufactures"],
                         "iso3": ["AAA", "AAA", "AAA", "AAA", "AAA", "BBB"],
                         "year": [2000, 2001, 2000, 2000, 2001, 2000], "value": [60.0, 70.0, 10.0, 70.0, 20.0, 50.0],
                         "vintage": "wdi2013"})
    table = trade.import_processing(comp, ["AAA"], ["2000-2001", "2010-2011"])
    assert table["period"].tolist() == ["2000-2001"]  # no data in the second period; BBB not a member
    row = table.iloc[0]
    assert row["imports_manufactures"] == 65.0 and row["exports_manufactures"] == 20.0 and row["n_years"] == 2


# --- periods ------------------------------------------------------------------------------------

def test_parse_period():
    assert parse_period("1995-1999") == (1995, 1999)
    for bad in ("1995", "1995–1999", 1995, "95-99"):
        with pytest.raises(ValueError, match="YYYY-YYYY"):
            parse_period(bad)


# --- vintage helpers, coverage and the snapshot's series ---------------------------------------

def test_vintage_overlap_and_disagreements_from_the_panel():
    tidy = _tidy([("AAA", 2000, "wdi2023_tx_val_fuel_zs_un", 12.0), ("AAA", 2000, "wdi2013_tx_val_fuel_zs_un", 10.0),
                  ("AAA", 2001, "wdi2023_tx_val_fuel_zs_un", 11.0), ("BBB", 2000, "wdi2013_tx_val_fuel_zs_un", 5.0)])
    both = trade.vintage_overlap(tidy, "exports_fuel")
    assert both.values.tolist() == [["AAA", 2000, 12.0, 10.0]]
    tables = trade.vintage_disagreements(tidy, ["exports_fuel"])
    assert list(tables) == ["exports_fuel"] and tables["exports_fuel"].set_index("iso3").loc["all", "max_abs_diff"] == 2.0
    stacked = trade.stack_disagreements(tables)
    assert stacked.columns[0] == "series" and set(stacked["series"]) == {"exports_fuel"}


def test_variables_used_and_coverage():
    used = trade.variables_used()
    assert "wdi2013_tx_val_fuel_zs_un" in used and "weo_export_volume_growth" in used and "eci_hs92" in used
    tidy = _tidy([("AAA", 2000, "v", 1.0), ("BBB", 2003, "v", 2.0), ("AAA", 2000, "w", 1.0)])
    assert trade.variable_coverage(tidy, ["v"]).values.tolist() == [["v", 2000, 2003, 2]]


def test_snapshot_series_places_the_eci_classification():
    series = trade.snapshot_series("eci_sitc")
    assert series.index("eci_sitc") == series.index("imports_processed") + 1 and series[-1] == "industry_pct_gdp"


def test_a_combined_series_of_three_parts_and_only_some_series():
    rows = [("AAA", 2001, "wdi2023_tx_val_fuel_zs_un", 45.0), ("AAA", 2001, "wdi2013_tx_val_mmtl_zs_un", 10.0),
            ("AAA", 2001, "wdi2013_tx_val_agri_zs_un", 7.0), ("AAA", 2002, "wdi2023_tx_val_fuel_zs_un", 50.0)]
    combined = {**trade.COMBINED, "raw": ("exports_fuel", "exports_ores_metals", "exports_agri_raw")}
    comp = trade.composition(_tidy(rows), combined=combined).set_index(["series", "iso3", "year"])
    assert comp.loc[("raw", "AAA", 2001), "value"] == 62.0 and ("raw", "AAA", 2002) not in comp.index  # no ores in 2002
    assert comp.loc[("raw", "AAA", 2001), "vintage"] == "wdi2023+wdi2013+wdi2013"
    assert "raw" not in set(trade.composition(_tidy(rows))["series"])   # the default: COMBINED alone
    table = trade.trade_structure(_tidy(rows).assign(iso3="RUS"), ["CIS"], combined=combined, series=["raw"])
    assert set(table["series"]) == {"raw"} and table["median"].tolist() == [62.0]


def test_yearly_export_shares_are_one_year_periods():
    usd = _usd([("RUS", 2000, 70.0, np.nan), ("UKR", 2000, 30.0, np.nan), ("RUS", 2001, 90.0, np.nan)])
    shares = trade.yearly_export_shares(usd, ["RUS", "UKR"], [2000, 2001]).set_index(["iso3", "year"])
    assert shares.loc[("RUS", 2000), "share_pct"] == pytest.approx(70.0) and shares.loc[("RUS", 2000), "complete"]
    assert shares.loc[("RUS", 2001), "share_pct"] == 100.0 and not shares.loc[("RUS", 2001), "complete"]  # UKR missing
