"""One reader per raw source, each returning the same tidy table.

Every loader returns columns ``iso3, year, variable, value, source`` restricted to the study's 29
economies and the aggregates (:data:`transition.data.countries.AGGREGATES`), from 1950 on. Names and
codes are mapped to ISO3 by :func:`transition.data.countries.to_iso3`. Every variable a loader can
produce is declared in :data:`VARIABLES` (description, unit, source, original code): the variable
dictionary ``data/variables.csv`` is written from it.

Examples
--------
>>> from transition.data import loaders
>>> loaders.load_pwt().query("iso3 == 'POL' and variable == 'pwt_rgdpna'").head()  # doctest: +SKIP
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from transition.data import countries, trade_dyads
from transition.data.sources import fetch, files_of

FIRST_YEAR = 1950
TIDY_COLUMNS = ["iso3", "year", "variable", "value", "source"]


@dataclass(frozen=True)
class Variable:
    """One entry of the variable dictionary."""

    name: str
    description: str
    unit: str
    source: str
    original_code: str


VARIABLES: dict[str, Variable] = {}


def _declare(source: str, rows: list[tuple[str, str, str, str]]) -> dict[str, str]:
    """Declare variables of a source; return original code → variable name."""
    for name, code, unit, description in rows:
        VARIABLES[name] = Variable(name, description, unit, source, code)
    return {code: name for name, code, _, _ in rows}


def _tidy(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    """Keep known countries and years, drop missing values, fix dtypes and column order."""
    frame = frame.assign(source=source)
    frame = frame[frame["iso3"].isin(countries.known_iso3()) & (frame["year"] >= FIRST_YEAR)]
    frame = frame.dropna(subset=["value"])
    frame = frame.astype({"iso3": str, "year": "int64", "variable": str, "value": "float64"})
    return frame[TIDY_COLUMNS].reset_index(drop=True)


def _file(source: str, pattern: str) -> Path:
    """Fetch the one file of ``source`` whose id contains ``pattern``."""
    matches = [entry.id for entry in files_of(source) if pattern in entry.id]
    if len(matches) != 1:
        raise KeyError(f"{source}: {len(matches)} files match {pattern!r}")
    return fetch(matches[0])


# --------------------------------------------------------------------------------------------
# EBRD transition indicators (.xls, country names in merged cells, one row per year)
EBRD_SOURCE = "ebrd_transition_indicators"
EBRD_CODES = _declare(EBRD_SOURCE, [
    ("ebrd_large_privatisation", "Large scale privatisation", "EBRD score 1-4.33", "EBRD transition indicator: large-scale privatisation"),
    ("ebrd_small_privatisation", "Small scale privatisation", "EBRD score 1-4.33", "EBRD transition indicator: small-scale privatisation"),
    ("ebrd_enterprise_restructuring", "Enterprise restructuring", "EBRD score 1-4.33", "EBRD transition indicator: governance and enterprise restructuring"),
    ("ebrd_price_liberalisation", "Price liberalisation", "EBRD score 1-4.33", "EBRD transition indicator: price liberalisation"),
    ("ebrd_trade_forex", "Trade & Forex system", "EBRD score 1-4.33", "EBRD transition indicator: trade and foreign exchange system"),
    ("ebrd_competition_policy", "Competition Policy", "EBRD score 1-4.33", "EBRD transition indicator: competition policy"),
    ("ebrd_banking_reform", "Banking reform & interest rate liberalisation", "EBRD score 1-4.33", "EBRD transition indicator: banking reform and interest rate liberalisation"),
    ("ebrd_securities_markets", "Securities markets & non-bank financial institutions", "EBRD score 1-4.33", "EBRD transition indicator: securities markets and non-bank financial institutions"),
    ("ebrd_infrastructure", "Overall infrastructure reform", "EBRD score 1-4.33", "EBRD transition indicator: overall infrastructure reform"),
    ("ebrd_telecoms", "Telecommunications", "EBRD score 1-4.33", "EBRD infrastructure reform: telecommunications"),
    ("ebrd_railways", "Railways", "EBRD score 1-4.33", "EBRD infrastructure reform: railways (gaps in the source)"),
    ("ebrd_electric_power", "Electric power", "EBRD score 1-4.33", "EBRD infrastructure reform: electric power"),
    ("ebrd_roads", "Roads", "EBRD score 1-4.33", "EBRD infrastructure reform: roads"),
    ("ebrd_water", "Water and waste water", "EBRD score 1-4.33", "EBRD infrastructure reform: water and waste water"),
])


def load_ebrd() -> pd.DataFrame:
    """EBRD transition indicators 1989-2006, one variable per indicator.

    The sheet has the indicator names in row 2, the country name once per block (merged cells)
    in column 0 and the year in column 1. Scores such as 2.333 are rounded to two decimals, as
    the EBRD publishes them (the file mixes 2.33 and 2.333).
    """
    raw = pd.read_excel(_file(EBRD_SOURCE, ".xls"), header=None, engine="calamine")
    header = raw.iloc[1].astype(str).str.strip()
    body = raw.iloc[2:].copy()
    body.columns = ["country", "year"] + header.iloc[2:].tolist()
    body["country"] = body["country"].ffill()
    body = body.dropna(subset=["year"])
    body["iso3"] = countries.to_iso3(body["country"].str.title())
    long = body.drop(columns="country").melt(id_vars=["iso3", "year"], var_name="code", value_name="value")
    long["variable"] = long["code"].map(EBRD_CODES)
    long["value"] = pd.to_numeric(long["value"], errors="coerce").round(2)
    return _tidy(long, EBRD_SOURCE)


# --------------------------------------------------------------------------------------------
# DDF sources: IMF WEO (year,country,<indicator>) and Gapminder / WDI (geo,time,<indicator>)
WEO_SOURCE = "imf_weo_2019_04"
WEO_LAST_ACTUAL_YEAR = 2018  # WEO April 2019: 2019 onwards are projections, not data
WEO_CODES = _declare(WEO_SOURCE, [
    ("weo_real_gdp", "ngdp_r", "billions of national currency, constant prices", "Real GDP (WEO NGDP_R)"),
    ("weo_real_gdp_growth", "ngdp_rpch", "% change", "Real GDP growth (WEO NGDP_RPCH)"),
    ("weo_real_gdppc", "ngdprpc", "national currency per person, constant prices", "Real GDP per capita (WEO NGDPRPC)"),
    ("weo_gdppc_ppp", "ngdprppppc", "constant 2011 international $ per person", "GDP per capita, PPP (WEO NGDPRPPPPC)"),
    ("weo_gdp_usd", "ngdpd", "billions of current US$", "GDP in current US dollars (WEO NGDPD)"),
    ("weo_gdppc_usd", "ngdpdpc", "current US$ per person", "GDP per capita in current US dollars (WEO NGDPDPC)"),
    ("weo_cpi_inflation", "pcpipch", "% change, annual average", "CPI inflation, average consumer prices (WEO PCPIPCH)"),
    ("weo_cpi_inflation_eop", "pcpiepch", "% change, end of period", "CPI inflation, end of period (WEO PCPIEPCH)"),
    ("weo_cpi_index", "pcpi", "index", "Consumer price index, period average (WEO PCPI)"),
    ("weo_fiscal_balance", "ggxcnl_ngdp", "% of GDP", "General government net lending/borrowing (WEO GGXCNL_NGDP)"),
    ("weo_gross_debt", "ggxwdg_ngdp", "% of GDP", "General government gross debt (WEO GGXWDG_NGDP)"),
    ("weo_gov_revenue", "ggr_ngdp", "% of GDP", "General government revenue (WEO GGR_NGDP)"),
    ("weo_gov_expenditure", "ggx_ngdp", "% of GDP", "General government total expenditure (WEO GGX_NGDP)"),
    ("weo_current_account", "bca_ngdpd", "% of GDP", "Current account balance (WEO BCA_NGDPD)"),
    ("weo_population", "lp", "millions of persons", "Population (WEO LP)"),
    ("weo_unemployment", "lur", "% of labour force", "Unemployment rate (WEO LUR)"),
    ("weo_export_volume_growth", "tx_rpch", "% change", "Volume of exports of goods and services (WEO TX_RPCH)"),
    ("weo_import_volume_growth", "tm_rpch", "% change", "Volume of imports of goods and services (WEO TM_RPCH)"),
    ("weo_investment", "nid_ngdp", "% of GDP", "Total investment (WEO NID_NGDP)"),
])

GAPMINDER_SOURCE = "gapminder_wdi"
GAPMINDER_LAST_YEAR = 2024  # population "with projections" runs to 2100: keep observed years only
GAPMINDER_CODES = _declare(GAPMINDER_SOURCE, [
    ("wdi_gdp_constant_usd", "total_gdp_us_inflation_adjusted", "constant 2015 US$", "GDP, constant 2015 US$ (WDI NY.GDP.MKTP.KD)"),
    ("gapminder_gdp_growth", "gdp_total_yearly_growth", "% change", "GDP growth, annual: Gapminder's own rate, based on its PPP GDP per capita (concept gdp_total_yearly_growth; not WDI NY.GDP.MKTP.KD.ZG)"),
    ("wdi_gdppc_constant_usd", "gdppercapita_us_inflation_adjusted", "constant 2015 US$ per person", "GDP per capita, constant 2015 US$ (WDI NY.GDP.PCAP.KD)"),
    ("gapminder_gdppc_growth", "gdp_per_capita_yearly_growth", "% change", "GDP per capita growth, annual: Gapminder's own rate, based on its PPP GDP per capita (concept gdp_per_capita_yearly_growth)"),
    ("wdi_gdppc_ppp", "alternative_gdp_per_capita_ppp_wb", "constant international $ per person (PPP)", "GDP per capita, PPP (WDI NY.GDP.PCAP.PP.KD)"),
    ("wdi_deflator_inflation", "inflation_annual_percent", "% change", "Inflation, GDP deflator (WDI NY.GDP.DEFL.KD.ZG; not CPI)"),
    ("wdi_exports_pct_gdp", "exports_percent_of_gdp", "% of GDP", "Exports of goods and services (WDI NE.EXP.GNFS.ZS)"),
    ("wdi_imports_pct_gdp", "imports_percent_of_gdp", "% of GDP", "Imports of goods and services (WDI NE.IMP.GNFS.ZS)"),
    ("wdi_merch_trade_pct_gdp", "merchandise_trade_percent_of_gdp", "% of GDP", "Merchandise trade (WDI TG.VAL.TOTL.GD.ZS)"),
    ("wdi_trade_balance_pct_gdp", "trade_balance_percent_of_gdp", "% of GDP", "External balance on goods and services (WDI NE.RSB.GNFS.ZS)"),
    ("wdi_hightech_pct_manuf_exports", "high_technology_exports_percent_of_manufactured_exports", "% of manufactured exports", "High-technology exports (WDI TX.VAL.TECH.MF.ZS), 2007+"),
    ("wdi_industry_pct_gdp", "industry_percent_of_gdp", "% of GDP", "Industry value added, incl. construction (WDI NV.IND.TOTL.ZS)"),
    ("wdi_agriculture_pct_gdp", "agriculture_percent_of_gdp", "% of GDP", "Agriculture, forestry and fishing value added (WDI NV.AGR.TOTL.ZS)"),
    ("wdi_services_pct_gdp", "services_percent_of_gdp", "% of GDP", "Services value added (WDI NV.SRV.TOTL.ZS)"),
    ("wdi_investment_pct_gdp", "investments_percent_of_gdp", "% of GDP", "Gross capital formation (WDI NE.GDI.TOTL.ZS)"),
    ("wdi_fdi_pct_gdp", "foreign_direct_investment_net_inflows_percent_of_gdp", "% of GDP", "Foreign direct investment, net inflows (WDI BX.KLT.DINV.WD.GD.ZS)"),
    ("wdi_tax_revenue_pct_gdp", "tax_revenue_percent_of_gdp", "% of GDP", "Tax revenue (WDI GC.TAX.TOTL.GD.ZS)"),
    ("wdi_external_debt_usd", "external_debt_total_us_not_inflation_adjusted", "current US$", "External debt stocks, total (WDI DT.DOD.DECT.CD)"),
    ("ei_oil_production", "oil_production_total", "tonnes of oil equivalent", "Crude oil production (Energy Institute Statistical Review)"),
    ("ei_gas_production", "natural_gas_production_total", "tonnes of oil equivalent", "Natural gas production (Energy Institute Statistical Review)"),
    ("ei_oil_reserves", "oil_proved_reserves_total", "tonnes of oil equivalent", "Proved oil reserves (Energy Institute Statistical Review)"),
    ("ei_gas_reserves", "natural_gas_proved_reserves_total", "tonnes of oil equivalent", "Proved natural gas reserves (Energy Institute Statistical Review)"),
    ("gm_population", "total_population_with_projections", "persons", "Total population (Gapminder; observed years only)"),
])


def _read_ddf(path: Path, country_column: str, year_column: str) -> pd.DataFrame:
    """A DDF datapoints file → iso3, year, code, value (its one indicator column is the code)."""
    frame = pd.read_csv(path)
    code = [column for column in frame.columns if column not in (country_column, year_column)][0]
    return pd.DataFrame({"iso3": frame[country_column].str.upper(), "year": frame[year_column],
                         "code": code, "value": pd.to_numeric(frame[code], errors="coerce")})


def load_weo() -> pd.DataFrame:
    """IMF WEO April 2019, observed years only (to 2018)."""
    parts = [_read_ddf(_file(WEO_SOURCE, f"--{code}--"), "country", "year") for code in WEO_CODES]
    long = pd.concat(parts, ignore_index=True)
    long = long[long["year"] <= WEO_LAST_ACTUAL_YEAR]
    return _tidy(long.assign(variable=long["code"].map(WEO_CODES)), WEO_SOURCE)


def load_gapminder() -> pd.DataFrame:
    """World Bank WDI and Energy Institute series via Gapminder (DDF)."""
    parts = [_read_ddf(_file(GAPMINDER_SOURCE, f"--{code}--"), "geo", "time") for code in GAPMINDER_CODES]
    long = pd.concat(parts, ignore_index=True)
    long = long[long["year"] <= GAPMINDER_LAST_YEAR]
    return _tidy(long.assign(variable=long["code"].map(GAPMINDER_CODES)), GAPMINDER_SOURCE)


# --------------------------------------------------------------------------------------------
# Maddison Project Database 2023 (.rda)
MADDISON_SOURCE = "maddison_2023"
_declare(MADDISON_SOURCE, [
    ("mad_gdppc", "gdppc", "2011 international $ per person", "Real GDP per capita (Maddison Project 2023)"),
    ("mad_pop", "pop", "thousands of persons", "Population (Maddison Project 2023)"),
    ("mad_gdp", "gdppc*pop", "millions of 2011 international $", "Real GDP = gdppc x pop / 1000 (Maddison Project 2023)"),
])


def load_maddison() -> pd.DataFrame:
    """Maddison 2023: GDP per capita, population and their product; includes SUN, YUG, CSK."""
    import pyreadr

    data = next(iter(pyreadr.read_r(_file(MADDISON_SOURCE, "MaddisonData.rda")).values()))
    data = data.assign(iso3=data["ISO"].astype(str), year=data["year"].astype("int64"),
                       gdp=data["gdppc"] * data["pop"] / 1000)
    long = data.melt(id_vars=["iso3", "year"], value_vars=["gdppc", "pop", "gdp"], var_name="code")
    long["variable"] = "mad_" + long["code"]
    return _tidy(long, MADDISON_SOURCE)


# --------------------------------------------------------------------------------------------
# Penn World Table 10.01 (.csv)
PWT_SOURCE = "pwt_10_01"
PWT_CODES = _declare(PWT_SOURCE, [
    ("pwt_rgdpna", "rgdpna", "millions of 2017 US$", "Real GDP at constant 2017 national prices (PWT rgdpna)"),
    ("pwt_rgdpe", "rgdpe", "millions of 2017 US$ (PPP)", "Expenditure-side real GDP at chained PPPs (PWT rgdpe)"),
    ("pwt_rgdpo", "rgdpo", "millions of 2017 US$ (PPP)", "Output-side real GDP at chained PPPs (PWT rgdpo)"),
    ("pwt_pop", "pop", "millions of persons", "Population (PWT pop)"),
    ("pwt_emp", "emp", "millions of persons", "Persons engaged (PWT emp)"),
    ("pwt_hc", "hc", "index", "Human capital index (PWT hc)"),
    ("pwt_ck", "ck", "millions of 2017 US$ (PPP)", "Capital stock at current PPPs (PWT ck)"),
    ("pwt_ctfp", "ctfp", "index, USA = 1", "TFP level at current PPPs (PWT ctfp)"),
    ("pwt_csh_x", "csh_x", "share of GDP at current PPPs", "Share of merchandise exports (PWT csh_x)"),
    ("pwt_csh_m", "csh_m", "share of GDP at current PPPs (negative)", "Share of merchandise imports (PWT csh_m)"),
    ("pwt_pl_gdpo", "pl_gdpo", "price level, USA 2017 = 1", "Price level of CGDPo (PWT pl_gdpo)"),
    ("pwt_pl_con", "pl_con", "price level, USA 2017 = 1", "Price level of CCON (PWT pl_con)"),
])


def load_pwt() -> pd.DataFrame:
    """Penn World Table 10.01, selected series."""
    data = pd.read_csv(_file(PWT_SOURCE, "pwt101.csv"), encoding="utf-8-sig",
                       usecols=["countrycode", "year", *PWT_CODES])
    long = data.rename(columns={"countrycode": "iso3"}).melt(id_vars=["iso3", "year"], var_name="code")
    return _tidy(long.assign(variable=long["code"].map(PWT_CODES)), PWT_SOURCE)


# --------------------------------------------------------------------------------------------
# Worldwide Governance Indicators 2020 (.xlsx, one sheet per dimension, wide by year)
WGI_SOURCE = "wgi_2020"
WGI_SHEETS = {
    "VoiceandAccountability": "va", "Political StabilityNoViolence": "pv",
    "GovernmentEffectiveness": "ge", "RegulatoryQuality": "rq", "RuleofLaw": "rl",
    "ControlofCorruption": "cc",
}
_WGI_LABELS = {"va": "voice and accountability", "pv": "political stability and absence of violence",
               "ge": "government effectiveness", "rq": "regulatory quality", "rl": "rule of law",
               "cc": "control of corruption"}
for _short, _label in _WGI_LABELS.items():
    _declare(WGI_SOURCE, [
        (f"wgi_{_short}", f"{_short.upper()}.EST", "standard normal units (about -2.5 to 2.5)", f"WGI {_label}: estimate"),
        (f"wgi_{_short}_se", f"{_short.upper()}.STD.ERR", "standard normal units", f"WGI {_label}: standard error of the estimate"),
    ])


def load_wgi() -> pd.DataFrame:
    """WGI 2020 estimates and standard errors, six dimensions (Romania's code ROM → ROU)."""
    sheets = pd.read_excel(_file(WGI_SOURCE, ".xlsx"), sheet_name=list(WGI_SHEETS), header=None,
                           engine="calamine")
    parts = []
    for sheet, short in WGI_SHEETS.items():
        raw = sheets[sheet]
        header_row = raw.index[raw.iloc[:, 0].astype(str).str.strip() == "Country/Territory"][0]
        years, measures = raw.iloc[header_row - 1], raw.iloc[header_row]
        body = raw.iloc[header_row + 1:]
        iso3 = countries.to_iso3(body.iloc[:, 1])
        for column in range(2, raw.shape[1]):
            suffix = {"Estimate": "", "StdErr": "_se"}.get(str(measures[column]).strip())
            if suffix is None:
                continue
            parts.append(pd.DataFrame({"iso3": iso3, "year": int(float(years[column])),
                                       "variable": f"wgi_{short}{suffix}",
                                       "value": pd.to_numeric(body.iloc[:, column], errors="coerce")}))
    return _tidy(pd.concat(parts, ignore_index=True), WGI_SOURCE)


# --------------------------------------------------------------------------------------------
# Freedom House, Freedom in the World (.xlsx, wide: three columns per survey edition)
FH_SOURCE = "freedom_house_2020"
FH_STATUS_CODE = {"F": 1.0, "PF": 2.0, "NF": 3.0}
_declare(FH_SOURCE, [
    ("fh_political_rights", "PR", "rating 1 (most free) - 7", "Freedom House political rights rating"),
    ("fh_civil_liberties", "CL", "rating 1 (most free) - 7", "Freedom House civil liberties rating"),
    ("fh_status", "Status", "1 = Free, 2 = Partly Free, 3 = Not Free", "Freedom House freedom status"),
])
_FH_VARIABLE = {"PR": "fh_political_rights", "CL": "fh_civil_liberties", "Status": "fh_status"}


def _year_under_review(label) -> int | None:
    """'1990' → 1990; 'Nov.1988-Dec.1989' → 1989 (the end of the period under review)."""
    found = re.findall(r"(\d{4})", str(label))
    return int(found[-1]) if found else None


def load_freedom_house() -> pd.DataFrame:
    """Freedom House ratings by year under review; the USSR, Yugoslavia and Czechoslovakia as aggregates."""
    raw = pd.read_excel(_file(FH_SOURCE, ".xlsx"), sheet_name="Country Ratings, Statuses ",
                        header=None, engine="calamine")
    years = raw.iloc[1].ffill().map(_year_under_review)
    measures = raw.iloc[2].astype(str).str.strip()
    body = raw.iloc[3:].dropna(subset=[0])
    iso3 = countries.to_iso3(body[0])
    parts = []
    for column in range(1, raw.shape[1]):
        if measures[column] not in _FH_VARIABLE:
            continue
        values = body[column].astype(str).str.strip()
        numeric = values.map(FH_STATUS_CODE) if measures[column] == "Status" else pd.to_numeric(values, errors="coerce")
        parts.append(pd.DataFrame({"iso3": iso3, "year": years[column],
                                   "variable": _FH_VARIABLE[measures[column]], "value": numeric.to_numpy()}))
    long = pd.concat(parts, ignore_index=True).dropna(subset=["value"])
    # Two editions in the early 1980s cover overlapping periods: keep the later edition's rating.
    long = long.drop_duplicates(subset=["iso3", "year", "variable"], keep="last")
    return _tidy(long, FH_SOURCE)


# --------------------------------------------------------------------------------------------
# Fraser Institute, Economic Freedom of the World 2020 (.xlsx panel sheet)
EFW_SOURCE = "efw_2020"
EFW_COLUMNS = _declare(EFW_SOURCE, [
    ("efw_summary", "Summary", "index 0-10", "Economic Freedom of the World: summary index"),
    ("efw_size_of_government", "Area 1", "index 0-10", "EFW area 1: size of government"),
    ("efw_legal_property_rights", "Area 2", "index 0-10", "EFW area 2: legal system and property rights"),
    ("efw_sound_money", "Area 3", "index 0-10", "EFW area 3: sound money"),
    ("efw_freedom_to_trade", "Area 4", "index 0-10", "EFW area 4: freedom to trade internationally"),
    ("efw_regulation", "Area 5", "index 0-10", "EFW area 5: regulation"),
])


def load_efw() -> pd.DataFrame:
    """EFW 2020 summary index and five areas (5-yearly to 2000, annual to 2018)."""
    data = pd.read_excel(_file(EFW_SOURCE, ".xlsx"), sheet_name="EFW Panel Data 2020 Report ",
                         engine="calamine")
    data.columns = [str(column).strip() for column in data.columns]
    data["iso3"] = countries.to_iso3(data["ISO_Code"])
    long = data.melt(id_vars=["iso3", "Year"], value_vars=list(EFW_COLUMNS), var_name="code")
    long = long.rename(columns={"Year": "year"})
    long["value"] = pd.to_numeric(long["value"], errors="coerce")
    return _tidy(long.assign(variable=long["code"].map(EFW_COLUMNS)), EFW_SOURCE)


# --------------------------------------------------------------------------------------------
# Central bank independence, Garriga 2025 (.xlsx, long by country name)
CBI_SOURCE = "cbi_garriga_2025"
CBI_COLUMNS = _declare(CBI_SOURCE, [
    ("cbi_weighted", "lvaw_garriga", "index 0-1", "Central bank independence, weighted (Cukierman-Webb-Neyapti, Garriga)"),
    ("cbi_unweighted", "lvau_garriga", "index 0-1", "Central bank independence, unweighted (Garriga)"),
    ("cbi_creation", "creation", "1 = central bank created this year", "Central bank creation event (Garriga)"),
    ("cbi_reform", "reform", "1 = statutory reform this year", "Central bank statutory reform event (Garriga)"),
    ("cbi_reform_direction", "direction", "-1 / 0 / 1", "Direction of the statutory reform (Garriga)"),
])


def load_cbi() -> pd.DataFrame:
    """Garriga's CBI data; 'Serbia and Montenegro' (1993-2005) kept as the aggregate SCG."""
    data = pd.read_excel(_file(CBI_SOURCE, ".xlsx"), engine="calamine")
    names = data["cname"].drop_duplicates()
    data["iso3"] = data["cname"].map(dict(zip(names, countries.to_iso3(names))))
    long = data.melt(id_vars=["iso3", "year"], value_vars=list(CBI_COLUMNS), var_name="code")
    long["value"] = pd.to_numeric(long["value"], errors="coerce")
    return _tidy(long.assign(variable=long["code"].map(CBI_COLUMNS)), CBI_SOURCE)


# --------------------------------------------------------------------------------------------
# World Bank WDI download layout (wide by year), three vintages
WDI2013_SOURCE = "wdi_2013"
WDI2013_FILES = {
    "TX.VAL.FUEL.ZS.UN": ("% of merchandise exports", "Fuel exports"),
    "TX.VAL.MMTL.ZS.UN": ("% of merchandise exports", "Ores and metals exports"),
    "TX.VAL.MANF.ZS.UN": ("% of merchandise exports", "Manufactures exports"),
    "TX.VAL.FOOD.ZS.UN": ("% of merchandise exports", "Food exports"),
    "TX.VAL.AGRI.ZS.UN": ("% of merchandise exports", "Agricultural raw materials exports"),
    "TM.VAL.FUEL.ZS.UN": ("% of merchandise imports", "Fuel imports"),
    "TM.VAL.MMTL.ZS.UN": ("% of merchandise imports", "Ores and metals imports"),
    "TM.VAL.MANF.ZS.UN": ("% of merchandise imports", "Manufactures imports"),
    "TM.VAL.FOOD.ZS.UN": ("% of merchandise imports", "Food imports"),
    "TM.VAL.AGRI.ZS.UN": ("% of merchandise imports", "Agricultural raw materials imports"),
    "NY.GDP.TOTL.RT.ZS": ("% of GDP", "Total natural resources rents (older World Bank method)"),
    "NY.GDP.PETR.RT.ZS": ("% of GDP", "Oil rents (older World Bank method)"),
    "NY.GDP.NGAS.RT.ZS": ("% of GDP", "Natural gas rents (older World Bank method)"),
    "NY.GDP.MINR.RT.ZS": ("% of GDP", "Mineral rents (older World Bank method)"),
    "NE.EXP.GNFS.CD": ("current US$", "Exports of goods and services"),
    "NE.IMP.GNFS.CD": ("current US$", "Imports of goods and services"),
    "TX.VAL.MRCH.CD.WT": ("current US$", "Merchandise exports"),
    "TM.VAL.MRCH.CD.WT": ("current US$", "Merchandise imports"),
    "NY.GDP.MKTP.CD": ("current US$", "GDP"),
    "TX.VAL.TECH.MF.ZS": ("% of manufactured exports", "High-technology exports"),
}


def wdi_variable(vintage: str, code: str) -> str:
    """Variable name of a WDI indicator in a vintage: ``wdi2013_tx_val_fuel_zs_un``."""
    return f"{vintage}_{code.lower().replace('.', '_')}"


for _code, (_unit, _label) in WDI2013_FILES.items():
    _declare(WDI2013_SOURCE, [(wdi_variable("wdi2013", _code), _code, _unit, f"{_label} (WDI Dec 2013, {_code})")])


def _read_wdi_wide(path: Path, skiprows: int = 0) -> pd.DataFrame:
    """World Bank wide CSV → iso3, year, code, value (Romania's ROM mapped through the overrides)."""
    frame = pd.read_csv(path, skiprows=skiprows, encoding="utf-8-sig")
    frame = frame.loc[:, ~frame.columns.str.startswith("Unnamed")]
    long = frame.melt(id_vars=["Country Name", "Country Code", "Indicator Name", "Indicator Code"],
                      var_name="year", value_name="value")
    codes = long["Country Code"].drop_duplicates()
    long["iso3"] = long["Country Code"].map(dict(zip(codes, countries.to_iso3(codes))))
    return pd.DataFrame({"iso3": long["iso3"], "year": long["year"].astype(int),
                         "code": long["Indicator Code"], "value": pd.to_numeric(long["value"], errors="coerce")})


def load_wdi2013() -> pd.DataFrame:
    """WDI December 2013: trade composition, resource rents, trade and GDP in current US$."""
    parts = [_read_wdi_wide(_file(WDI2013_SOURCE, f"/{code}_WDI")) for code in WDI2013_FILES]
    long = pd.concat(parts, ignore_index=True)
    long["variable"] = [wdi_variable("wdi2013", code) for code in long["code"]]
    return _tidy(long, WDI2013_SOURCE)


WDI2021_SOURCE = "wdi_2021_rents"
WDI2023_SOURCE = "wdi_2023_fuel"
WDI2022_SOURCE = "wdi_2022"
_declare(WDI2021_SOURCE, [(wdi_variable("wdi2021", "NY.GDP.TOTL.RT.ZS"), "NY.GDP.TOTL.RT.ZS", "% of GDP",
                           "Total natural resources rents (WDI Dec 2021, current method)")])
_declare(WDI2023_SOURCE, [(wdi_variable("wdi2023", "TX.VAL.FUEL.ZS.UN"), "TX.VAL.FUEL.ZS.UN",
                           "% of merchandise exports", "Fuel exports (WDI Dec 2023)")])
WDI2022_FILES = _declare(WDI2022_SOURCE, [
    (wdi_variable("wdi2022", "TX.VAL.MMTL.ZS.UN"), "ore_metal_exports_perc_merchexport", "% of merchandise exports",
     "Ores and metals exports (WDI Apr 2022, TX.VAL.MMTL.ZS.UN)"),
    (wdi_variable("wdi2022", "NY.GDP.MKTP.CD"), "gdp", "current US$", "GDP (WDI Apr 2022, NY.GDP.MKTP.CD)"),
])


def load_wdi2021_rents() -> pd.DataFrame:
    """WDI December 2021 total natural resources rents (download CSV with a 4-line preamble)."""
    long = _read_wdi_wide(_file(WDI2021_SOURCE, ".csv"), skiprows=4)
    return _tidy(long.assign(variable=wdi_variable("wdi2021", "NY.GDP.TOTL.RT.ZS")), WDI2021_SOURCE)


def load_wdi2023_fuel() -> pd.DataFrame:
    """WDI December 2023 fuel exports (% of merchandise exports)."""
    long = _read_wdi_wide(_file(WDI2023_SOURCE, ".csv"))
    return _tidy(long.assign(variable=wdi_variable("wdi2023", "TX.VAL.FUEL.ZS.UN")), WDI2023_SOURCE)


def load_wdi2022() -> pd.DataFrame:
    """WDI April 2022: ores & metals export share and GDP in current US$ (country names only)."""
    parts = []
    for stem, variable in WDI2022_FILES.items():
        frame = pd.read_csv(_file(WDI2022_SOURCE, f"/{stem}.csv"), index_col=0)
        value_column = [c for c in frame.columns if c not in ("Unnamed: 0", "Country Name", "Year", "CommonCol")][0]
        names = frame["Country Name"].drop_duplicates()
        parts.append(pd.DataFrame({"iso3": frame["Country Name"].map(dict(zip(names, countries.to_iso3(names)))),
                                   "year": frame["Year"], "variable": variable,
                                   "value": pd.to_numeric(frame[value_column], errors="coerce")}))
    return _tidy(pd.concat(parts, ignore_index=True), WDI2022_SOURCE)


# --------------------------------------------------------------------------------------------
# Harvard Growth Lab: Economic Complexity Index (.csv, long)
ECI_SOURCE = "growthlab_eci"
ECI_COLUMNS = _declare(ECI_SOURCE, [
    ("eci_sitc", "eci_sitc", "index (standardized across countries)", "Economic Complexity Index, SITC classification"),
    ("eci_hs92", "eci_hs92", "index (standardized across countries)", "Economic Complexity Index, HS 1992 classification"),
    ("eci_hs12", "eci_hs12", "index (standardized across countries)", "Economic Complexity Index, HS 2012 classification"),
    ("eci_rank_sitc", "eci_rank_sitc", "rank (1 = most complex)", "ECI rank, SITC classification"),
])


def load_eci() -> pd.DataFrame:
    """Growth Lab Economic Complexity Index, 1995-2024."""
    data = pd.read_csv(_file(ECI_SOURCE, ".csv"))
    long = data.rename(columns={"country_iso3_code": "iso3"}).melt(
        id_vars=["iso3", "year"], value_vars=list(ECI_COLUMNS), var_name="code")
    return _tidy(long.assign(variable=long["code"].map(ECI_COLUMNS)), ECI_SOURCE)


# --------------------------------------------------------------------------------------------
# Correlates of War trade v4.0: state-year totals (.rda; the dyads are read by data/trade_dyads.py)
COW_SOURCE = trade_dyads.COW_SOURCE
COW_COLUMNS = _declare(COW_SOURCE, [
    ("cow_imports", "imports", "millions of current US$", "Total imports (Correlates of War trade v4.0, state-year totals)"),
    ("cow_exports", "exports", "millions of current US$", "Total exports (Correlates of War trade v4.0, state-year totals)"),
])


def load_cow_trade() -> pd.DataFrame:
    """COW state-year totals; COW codes → ISO3 (Soviet Union as SUN before 1992); −9/NaN stay missing."""
    raw = trade_dyads.state_totals_raw()
    raw = raw.assign(year=raw["year"].astype(int))
    raw["iso3"] = trade_dyads.cow_to_iso3(raw["ccode"], raw["year"]).to_numpy()
    long = raw.dropna(subset=["iso3"]).melt(id_vars=["iso3", "year"], value_vars=list(COW_COLUMNS), var_name="code")
    long["value"] = trade_dyads.missing_as_nan(long["value"])
    return _tidy(long.assign(variable=long["code"].map(COW_COLUMNS)), COW_SOURCE)


# --------------------------------------------------------------------------------------------
# WDI tariff rates (World Bank download .xls: sheet "Data" with a 3-row preamble, wide by year)
TARIFF_SOURCE = "wdi_tariffs"
TARIFF_CODES = _declare(TARIFF_SOURCE, [
    ("wdi_tariff_applied_wm", "TM.TAX.MRCH.WM.AR.ZS", "%", "Tariff rate, applied, weighted mean, all products (WDI TM.TAX.MRCH.WM.AR.ZS)"),
    ("wdi_tariff_mfn_wm", "TM.TAX.MRCH.WM.FN.ZS", "%", "Tariff rate, most favoured nation, weighted mean, all products (WDI TM.TAX.MRCH.WM.FN.ZS)"),
])
TARIFF_PREAMBLE_ROWS = 3


def load_wdi_tariffs() -> pd.DataFrame:
    """WDI applied and MFN weighted-mean tariffs (%), one workbook per indicator."""
    parts = []
    for code in TARIFF_CODES:
        frame = pd.read_excel(_file(TARIFF_SOURCE, f"API_{code}_"), sheet_name="Data",
                              skiprows=TARIFF_PREAMBLE_ROWS, engine="calamine")
        years = [column for column in frame.columns if re.fullmatch(r"\d{4}(\.0)?", str(column))]
        long = frame.melt(id_vars=["Country Code", "Indicator Code"], value_vars=years, var_name="year")
        codes = long["Country Code"].drop_duplicates()
        parts.append(pd.DataFrame({"iso3": long["Country Code"].map(dict(zip(codes, countries.to_iso3(codes)))),
                                   "year": long["year"].astype(float).astype(int),
                                   "variable": long["Indicator Code"].map(TARIFF_CODES),
                                   "value": pd.to_numeric(long["value"], errors="coerce")}))
    return _tidy(pd.concat(parts, ignore_index=True), TARIFF_SOURCE)


# --------------------------------------------------------------------------------------------
# World Bank Global Inflation Database (Ha, Kose & Ohnsorge): wide CSV by year
HKO_SOURCE = "wb_inflation_hko"
_declare(HKO_SOURCE, [
    ("hko_cpi_inflation", "Headline Consumer Price Inflation", "% change, annual average",
     "Headline CPI inflation (World Bank Global Inflation Database, Ha, Kose & Ohnsorge); raw, unscreened"),
])


def load_hko_inflation() -> pd.DataFrame:
    """Headline CPI inflation as published: raw values, no screening (early placeholders included)."""
    frame = pd.read_csv(_file(HKO_SOURCE, ".csv"))
    years = [column for column in frame.columns if re.fullmatch(r"\d{4}", str(column))]
    long = frame.melt(id_vars=["Country Code"], value_vars=years, var_name="year")
    codes = long["Country Code"].drop_duplicates()
    long["iso3"] = long["Country Code"].map(dict(zip(codes, countries.to_iso3(codes))))
    long["value"] = pd.to_numeric(long["value"], errors="coerce")
    return _tidy(long.assign(year=long["year"].astype(int), variable="hko_cpi_inflation"), HKO_SOURCE)


#: source id → loader; the panel is built from all of them.
LOADERS = {
    EBRD_SOURCE: load_ebrd, WEO_SOURCE: load_weo, GAPMINDER_SOURCE: load_gapminder,
    MADDISON_SOURCE: load_maddison, PWT_SOURCE: load_pwt, WGI_SOURCE: load_wgi,
    FH_SOURCE: load_freedom_house, EFW_SOURCE: load_efw, CBI_SOURCE: load_cbi,
    WDI2013_SOURCE: load_wdi2013, WDI2022_SOURCE: load_wdi2022, WDI2023_SOURCE: load_wdi2023_fuel,
    WDI2021_SOURCE: load_wdi2021_rents, ECI_SOURCE: load_eci, COW_SOURCE: load_cow_trade,
    TARIFF_SOURCE: load_wdi_tariffs, HKO_SOURCE: load_hko_inflation,
}


def apply_definition_breaks(tidy: pd.DataFrame) -> pd.DataFrame:
    """Drop values a source gives for a country before it measures the present-day country.

    See ``data/definition_breaks.csv``: e.g. the EBRD's Yugoslav scores for Bosnia and
    Herzegovina in 1989-91, or national accounts of Serbia before 1995.
    """
    breaks = countries.definition_breaks().rename(columns={"first_comparable_year": "first_year"})
    merged = tidy.merge(breaks[["iso3", "source", "first_year"]], on=["iso3", "source"], how="left")
    keep = merged["first_year"].isna() | (merged["year"] >= merged["first_year"])
    return tidy[keep.to_numpy()].reset_index(drop=True)

