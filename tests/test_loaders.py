"""Each loader on a small fixture written here in the source's own layout, then on the real files."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.data import countries, loaders, trade_dyads, weo_vintages
from transition.data.sources import load_registry

from conftest import requires_mirror


@pytest.fixture
def serve(monkeypatch, tmp_path):
    """Make loaders read fixture files: ``serve(pattern, path)`` answers fetches of ids containing pattern."""
    served: dict[str, object] = {}

    def fake_fetch(file_id, registry=None):
        for pattern, path in served.items():
            if pattern in file_id:
                return path
        raise AssertionError(f"test did not serve {file_id}")

    monkeypatch.setattr(loaders, "fetch", fake_fetch)
    monkeypatch.setattr(trade_dyads, "fetch", fake_fetch)  # the COW readers fetch through their own module

    def add(pattern, path):
        served[pattern] = path
        return path

    return add


def _value(tidy, iso3, year, variable):
    found = tidy.query("iso3 == @iso3 and year == @year and variable == @variable")["value"]
    assert len(found) == 1, (iso3, year, variable, len(found))
    return found.iloc[0]


def test_ebrd_layout_with_merged_country_cells(serve, tmp_path):
    header = [None, None, *loaders.EBRD_CODES]
    rows = [["Transition Indicators"] + [None] * 15, header,
            ["RUSSIAN FEDERATION", 1991, *[1] * 14], [None, 1992, 1, 2, 1, 2.333, 2, *[1] * 9],
            ["KYRGYZ REPUBLIC", 1991, *[1] * 14], [None, 1992, 4.33, *[1] * 13]]
    path = tmp_path / "ebrd.xlsx"
    pd.DataFrame(rows).to_excel(path, header=False, index=False)
    serve(".xls", path)
    tidy = loaders.load_ebrd()
    assert _value(tidy, "RUS", 1992, "ebrd_price_liberalisation") == 2.33  # 2.333 rounded as published
    assert _value(tidy, "RUS", 1992, "ebrd_small_privatisation") == 2
    assert _value(tidy, "KGZ", 1992, "ebrd_large_privatisation") == 4.33
    assert set(tidy["iso3"]) == {"RUS", "KGZ"}
    assert list(tidy.columns) == loaders.TIDY_COLUMNS


def test_ddf_sources_keep_observed_years_only(serve, tmp_path):
    for code in loaders.WEO_CODES:
        frame = pd.DataFrame({"year": [1995, 2018, 2019], "country": ["rus", "rus", "rus"], code: [1.5, 2.5, 9.9]})
        frame.to_csv(tmp_path / f"weo_{code}.csv", index=False)
        serve(f"--{code}--", tmp_path / f"weo_{code}.csv")
    tidy = loaders.load_weo()
    assert _value(tidy, "RUS", 2018, "weo_cpi_inflation") == 2.5
    assert tidy["year"].max() == 2018  # 2019 is a projection in WEO April 2019


def test_gapminder_maps_lower_case_codes_and_drops_projections(serve, tmp_path):
    for code in loaders.GAPMINDER_CODES:
        frame = pd.DataFrame({"geo": ["kaz", "kaz", "fra"], "time": [1990, 2030, 1990], code: [3.0, 4.0, 5.0]})
        frame.to_csv(tmp_path / f"gm_{code}.csv", index=False)
        serve(f"--{code}--", tmp_path / f"gm_{code}.csv")
    tidy = loaders.load_gapminder()
    assert _value(tidy, "KAZ", 1990, "wdi_gdp_constant_usd") == 3.0
    assert set(tidy["iso3"]) == {"KAZ"} and tidy["year"].max() == 1990


def test_maddison_rda_with_aggregates(serve, tmp_path):
    import pyreadr

    frame = pd.DataFrame({"ISO": ["SUN", "RUS"], "year": [1989.0, 1989.0], "gdppc": [11336.0, 12766.0],
                          "pop": [286462.0, 147352.0]})
    path = tmp_path / "MaddisonData.rda"
    pyreadr.write_rdata(str(path), frame, df_name="MaddisonData")
    serve("MaddisonData.rda", path)
    tidy = loaders.load_maddison()
    assert _value(tidy, "SUN", 1989, "mad_gdppc") == 11336.0
    assert _value(tidy, "RUS", 1989, "mad_gdp") == pytest.approx(12766.0 * 147352.0 / 1000)


def test_pwt_csv(serve, tmp_path):
    frame = pd.DataFrame({"countrycode": ["POL"], "country": ["Poland"], "year": [1990],
                          **{code: [1.0] for code in loaders.PWT_CODES}})
    frame.to_csv(tmp_path / "pwt.csv", index=False, encoding="utf-8-sig")
    serve("pwt101.csv", tmp_path / "pwt.csv")
    tidy = loaders.load_pwt()
    assert _value(tidy, "POL", 1990, "pwt_rgdpna") == 1.0
    assert len(tidy) == len(loaders.PWT_CODES)


def test_wgi_sheets_map_rom_to_rou(serve, tmp_path):
    path = tmp_path / "wgi.xlsx"
    with pd.ExcelWriter(path) as writer:
        for sheet in loaders.WGI_SHEETS:
            rows = [["notes"] + [None] * 5, [None, None, 1996, 1996, 1998, 1998],
                    ["Country/Territory", "Code", "Estimate", "StdErr", "Estimate", "StdErr"],
                    ["Romania", "ROM", -0.5, 0.2, -0.4, 0.1], ["Georgia", "GEO", "#N/A", "#N/A", -1.2, 0.3]]
            pd.DataFrame(rows).to_excel(writer, sheet_name=sheet, header=False, index=False)
    serve(".xlsx", path)
    tidy = loaders.load_wgi()
    assert _value(tidy, "ROU", 1996, "wgi_cc") == -0.5
    assert _value(tidy, "ROU", 1998, "wgi_cc_se") == 0.1
    assert _value(tidy, "GEO", 1998, "wgi_rl") == -1.2
    assert tidy.query("iso3 == 'GEO' and year == 1996").empty  # "#N/A" is missing, not a value


def test_freedom_house_editions_and_aggregates(serve, tmp_path):
    rows = [["Survey Edition", "1990-91", None, None, "1991-92", None, None],
            ["Year(s) Under Review", "Nov.1989-Dec.1990", None, None, "1991", None, None],
            [None, "PR", "CL", "Status", "PR", "CL", "Status"],
            ["USSR", 6, 5, "PF", "-", "-", "-"],
            ["Russia", "-", "-", "-", 3, 3, "PF"],
            ["Czechoslovakia", 2, 2, "F", 2, 2, "F"]]
    path = tmp_path / "fh.xlsx"
    pd.DataFrame(rows).to_excel(path, sheet_name="Country Ratings, Statuses ", header=False, index=False)
    serve(".xlsx", path)
    tidy = loaders.load_freedom_house()
    assert _value(tidy, "SUN", 1990, "fh_political_rights") == 6
    assert _value(tidy, "RUS", 1991, "fh_status") == 2  # Partly Free
    assert _value(tidy, "CSK", 1991, "fh_civil_liberties") == 2  # not merged into CZE
    assert "CZE" not in set(tidy["iso3"])


def test_efw_panel_sheet(serve, tmp_path):
    frame = pd.DataFrame({"Year": [2000], "ISO_Code": ["EST"], "Countries": ["Estonia"], "Summary": [7.5],
                          **{f"Area {k}": [float(k)] for k in range(1, 6)}})
    path = tmp_path / "efw.xlsx"
    frame.to_excel(path, sheet_name="EFW Panel Data 2020 Report ", index=False)
    serve(".xlsx", path)
    tidy = loaders.load_efw()
    assert _value(tidy, "EST", 2000, "efw_summary") == 7.5
    assert _value(tidy, "EST", 2000, "efw_freedom_to_trade") == 4.0


def test_cbi_names_with_yugoslav_aggregates(serve, tmp_path):
    frame = pd.DataFrame({"year": [1992, 1995, 2007], "cname": ["Serbia/Yugoslavia (Serbia-Montenegro)",
                                                               "Serbia and Montenegro", "Serbia"],
                          **{code: [0.1, 0.2, 0.3] for code in loaders.CBI_COLUMNS}})
    path = tmp_path / "cbi.xlsx"
    frame.to_excel(path, index=False)
    serve(".xlsx", path)
    tidy = loaders.load_cbi()
    assert _value(tidy, "YUG", 1992, "cbi_weighted") == 0.1
    assert _value(tidy, "SCG", 1995, "cbi_weighted") == 0.2
    assert _value(tidy, "SRB", 2007, "cbi_weighted") == 0.3


def _wdi_wide(path, code, rows, preamble=False):
    frame = pd.DataFrame([{"Country Name": name, "Country Code": iso, "Indicator Name": "x",
                           "Indicator Code": code, "1995": value, "2000": np.nan} for name, iso, value in rows])
    text = frame.to_csv(index=False)
    if preamble:
        text = '"Data Source","World Development Indicators",\n\n"Last Updated Date","2021-12-16",\n\n' + text
    path.write_text("\ufeff" + text, encoding="utf-8")
    return path


def test_wdi_vintages(serve, tmp_path):
    for code in loaders.WDI2013_FILES:
        serve(f"/{code}_WDI", _wdi_wide(tmp_path / f"{code}.csv", code, [("Romania", "ROM", 10.0), ("World", "WLD", 1.0)]))
    tidy = loaders.load_wdi2013()
    assert _value(tidy, "ROU", 1995, "wdi2013_tx_val_fuel_zs_un") == 10.0
    assert set(tidy["iso3"]) == {"ROU"}

    serve("API_NY.GDP", _wdi_wide(tmp_path / "rents.csv", "NY.GDP.TOTL.RT.ZS", [("Russian Federation", "RUS", 15.0)], preamble=True))
    assert _value(loaders.load_wdi2021_rents(), "RUS", 1995, "wdi2021_ny_gdp_totl_rt_zs") == 15.0

    serve("API_TX.VAL", _wdi_wide(tmp_path / "fuel.csv", "TX.VAL.FUEL.ZS.UN", [("Kazakhstan", "KAZ", 50.0)]))
    assert _value(loaders.load_wdi2023_fuel(), "KAZ", 1995, "wdi2023_tx_val_fuel_zs_un") == 50.0


def test_wdi2022_names_only(serve, tmp_path):
    for stem, column in [("ore_metal_exports_perc_merchexport", "Ores"), ("gdp", "GDP")]:
        frame = pd.DataFrame({"Unnamed: 0": [0, 1], "Country Name": ["Kyrgyz Republic", "North Macedonia"],
                              "Year": [2000, 2000], column: [7.0, 8.0], "CommonCol": ["a", "b"]})
        frame.to_csv(tmp_path / f"{stem}.csv")
        serve(f"/{stem}.csv", tmp_path / f"{stem}.csv")
    tidy = loaders.load_wdi2022()
    assert _value(tidy, "KGZ", 2000, "wdi2022_tx_val_mmtl_zs_un") == 7.0
    assert _value(tidy, "MKD", 2000, "wdi2022_ny_gdp_mktp_cd") == 8.0


def test_eci(serve, tmp_path):
    frame = pd.DataFrame({"country_id": [1], "country_iso3_code": ["UKR"], "year": [2000], "growth_proj": [None],
                          "in_rankings": [True], **{c: [0.5] for c in loaders.ECI_COLUMNS}, "eci_rank_hs92": [1], "eci_rank_hs12": [1]})
    frame.to_csv(tmp_path / "eci.csv", index=False)
    serve(".csv", tmp_path / "eci.csv")
    assert _value(loaders.load_eci(), "UKR", 2000, "eci_sitc") == 0.5


def test_cow_state_totals_rda_with_cow_codes(serve, tmp_path):
    import pyreadr

    frame = pd.DataFrame({"ccode": [365.0, 365.0, 705.0, 705.0, 255.0, 345.0],
                          "year": [1991.0, 1992.0, 1992.0, 1993.0, 1995.0, 1995.0],
                          "imports": [50000.0, 37000.0, np.nan, -9.0, 460000.0, np.nan],
                          "exports": [60000.0, 42000.0, 3000.0, 2000.0, 520000.0, np.nan]})
    path = tmp_path / "cow_trade_sy.rda"
    pyreadr.write_rdata(str(path), frame, df_name="cow_trade_sy")
    serve("cow_trade_sy.rda", path)
    tidy = loaders.load_cow_trade()
    assert _value(tidy, "SUN", 1991, "cow_imports") == 50000.0  # COW 365 before 1992 is the Soviet Union
    assert _value(tidy, "RUS", 1992, "cow_exports") == 42000.0
    assert _value(tidy, "KAZ", 1992, "cow_exports") == 3000.0
    assert tidy.query("iso3 == 'KAZ' and variable == 'cow_imports'").empty  # NaN and -9 are missing, not zero
    assert "DEU" not in set(tidy["iso3"]) and "SCG" not in set(tidy["iso3"])  # not a study economy / no values
    assert list(tidy.columns) == loaders.TIDY_COLUMNS


def test_wdi_tariff_workbooks_with_preamble(serve, tmp_path):
    for code, kaz in [("TM.TAX.MRCH.WM.AR.ZS", 2.5), ("TM.TAX.MRCH.WM.FN.ZS", 4.4)]:
        rows = [["Data Source", "World Development Indicators", None, None, None, None],
                ["Last Updated Date", "2025-04-15", None, None, None, None],
                [None] * 6,
                ["Country Name", "Country Code", "Indicator Name", "Indicator Code", 2003.0, 2004.0],
                ["Kazakhstan", "KAZ", "Tariff rate", code, None, kaz],
                ["Romania", "ROU", "Tariff rate", code, 7.3, 3.3],
                ["Europe & Central Asia", "ECS", "Tariff rate", code, 2.0, 2.0]]
        path = tmp_path / f"API_{code}_DS2.xlsx"
        with pd.ExcelWriter(path) as writer:
            pd.DataFrame(rows).to_excel(writer, sheet_name="Data", header=False, index=False)
            pd.DataFrame([["Country Code"], ["KAZ"]]).to_excel(writer, sheet_name="Metadata - Countries", header=False, index=False)
        serve(f"API_{code}_", path)
    tidy = loaders.load_wdi_tariffs()
    assert _value(tidy, "KAZ", 2004, "wdi_tariff_mfn_wm") == 4.4
    assert _value(tidy, "ROU", 2003, "wdi_tariff_applied_wm") == 7.3
    assert tidy.query("iso3 == 'KAZ' and year == 2003").empty  # Kazakhstan only from 2004
    assert set(tidy["iso3"]) == {"KAZ", "ROU"}  # the region is not a country


def test_hko_inflation_wide_csv_raw_values(serve, tmp_path):
    text = ("Country Code,IMF Country Code,Country,Indicator Type,Series Name,1990,1991,1992,Note\n"
            "UKR,926,Ukraine,Inflation,Headline Consumer Price Inflation,2.2,2.2,2.2,Annual average inflation\n"
            "KGZ,917,Kyrgyz Republic,Inflation,Headline Consumer Price Inflation,,,-71.3,Annual average inflation\n")
    (tmp_path / "hcpi.csv").write_text(text, encoding="utf-8")
    serve(".csv", tmp_path / "hcpi.csv")
    tidy = loaders.load_hko_inflation()
    assert _value(tidy, "UKR", 1992, "hko_cpi_inflation") == 2.2   # a placeholder, loaded as published
    assert _value(tidy, "KGZ", 1992, "hko_cpi_inflation") == -71.3  # implausible, screened elsewhere
    assert len(tidy) == 4


def test_definition_breaks_drop_yugoslav_ebrd_scores():
    tidy = pd.DataFrame({"iso3": ["BIH", "BIH", "HRV"], "year": [1991, 1992, 1991], "variable": "ebrd_trade_forex",
                         "value": [2.0, 1.0, 2.0], "source": loaders.EBRD_SOURCE})
    kept = loaders.apply_definition_breaks(tidy)
    assert kept[["iso3", "year"]].values.tolist() == [["BIH", 1992], ["HRV", 1991]]


def test_every_loader_is_registered_and_every_variable_declared():
    # the WEO vintages are not a panel source: their loader is transition.data.weo_vintages
    assert set(loaders.LOADERS) | {weo_vintages.SOURCE} == {entry.source for entry in load_registry().values()}
    for name, variable in loaders.VARIABLES.items():
        assert variable.unit and variable.description and variable.original_code, name


# Countries each source covers, by its documentation (mirror README).
EXPECTED_MISSING = {"efw_2020": {"TKM", "UZB"}, "growthlab_eci": {"MNE"},
                    "cow_trade_v4": {"SRB"}}  # COW code 345 has no values after 1992 (Serbia nearly absent)


@requires_mirror
@pytest.mark.parametrize("source", sorted(loaders.LOADERS))
def test_real_source_maps_every_country_it_covers(source):
    tidy = loaders.LOADERS[source]()
    expected = set(countries.study_iso3()) - EXPECTED_MISSING.get(source, set())
    assert set(tidy["iso3"]) & set(countries.study_iso3()) == expected
    assert not tidy.duplicated(["iso3", "year", "variable"]).any()


@requires_mirror
def test_naive_bosnian_splice_would_be_nonsense():
    # Why data/definition_breaks.csv exists: WDI's raw Bosnian GDP puts 2000 at about 300% of 1990,
    # Maddison's at about 106% (after a wartime fall of more than half): the early WDI values are
    # on another basis, and splicing across them would triple the measured recovery.
    wdi = loaders.load_gapminder().query("iso3 == 'BIH' and variable == 'wdi_gdp_constant_usd'").set_index("year")["value"]
    assert wdi[2000] / wdi[1990] == pytest.approx(3.03, abs=0.05)
    mad = loaders.load_maddison().query("iso3 == 'BIH' and variable == 'mad_gdp'").set_index("year")["value"]
    assert mad[2000] / mad[1990] == pytest.approx(1.06, abs=0.05)
    assert mad[1994] / mad[1990] < 0.5
