"""The study's vocabulary: country codes and groups, GDP and growth series, blocs, key years.

Light on purpose: the standard library only (no pandas), so that the notebooks' parameter specs
(:mod:`transition.chapters.specs`), and with them ``transition list`` and the refusal of a bad
parameter, start in well under a second. Every other module takes these names from here; each
is defined once.

Examples
--------
>>> from transition.data import vocabulary as v
>>> len(v.study_iso3()), v.BROAD_GROUP["Baltic"]
(29, 'CEE & Baltics')
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from transition.paths import DATA_DIR

# ---- countries and groups ------------------------------------------------------------------------
GROUPS = ("CIS", "Baltic", "Central Europe", "South-East Europe", "Mongolia")
#: The wider comparison the essay makes: the CIS against Central/Eastern Europe and the Baltics.
BROAD_GROUP = {"CIS": "CIS", "Baltic": "CEE & Baltics", "Central Europe": "CEE & Baltics",
               "South-East Europe": "SEE", "Mongolia": "Mongolia"}
#: Display order of the broad groups, and their snake_case slugs in headline keys (e.g. ``…_cee_baltics``).
BROAD_ORDER = ("CIS", "CEE & Baltics", "SEE", "Mongolia")
GROUP_SLUGS = {"CIS": "cis", "CEE & Baltics": "cee_baltics", "SEE": "see", "Mongolia": "mongolia"}
#: Display order of the five groups in figures and tables.
GROUP_ORDER = list(GROUPS)
#: The twelve CIS economies of the study (membership dates in data/blocs.csv).
CIS12 = ("ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB")
#: The fifteen former Soviet republics: the CIS twelve and the three Baltic states.
FORMER_USSR = (*CIS12, "EST", "LTU", "LVA")


@lru_cache(maxsize=1)
def _country_rows() -> tuple[dict, ...]:
    with open(DATA_DIR / "countries.csv", newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


def study_iso3() -> list[str]:
    """ISO3 codes of the 29 economies of the study, in the order of ``data/countries.csv``."""
    return [row["iso3"] for row in _country_rows()]


def country_names(lang: str) -> dict[str, str]:
    """English name → the name in ``lang`` ("ru": ``name_ru``) of the study's economies."""
    return {row["name_en"]: row[f"name_{lang}"] for row in _country_rows()}


def group_of_iso3() -> dict[str, str]:
    """ISO3 → group (CIS, Baltic, Central Europe, South-East Europe, Mongolia)."""
    return {row["iso3"]: row["group"] for row in _country_rows()}


# ---- key years -----------------------------------------------------------------------------------
#: The time of the essay (it names EurAsEC and the Customs Union as current).
ESSAY_YEAR = 2002
#: The last year of the EBRD transition indicators in the data (Transition Report 2006).
EBRD_LAST_YEAR = 2006
#: The last year of any panel data.
LAST_DATA_YEAR = 2024
#: The first year of the EBRD scores, and of the transition window.
EBRD_FIRST_YEAR = 1989

# ---- output and growth series --------------------------------------------------------------------
#: Real GDP level series a GDP index can be built from: source id → panel variable.
GDP_SOURCES = {"wdi": "wdi_gdp_constant_usd", "maddison": "mad_gdp", "pwt": "pwt_rgdpna", "weo": "weo_real_gdp"}
DEFAULT_BASE_YEAR = 1989
#: Years after the base year in which the transition trough is sought (1989-2004: not 2009).
DEFAULT_HORIZON = 15
#: Annual real GDP growth: id → (panel variable, "rate" = published % growth, "level" = the change of a
#: constant-price level). "wdi" is the change of WDI's constant-US$ GDP (NY.GDP.MKTP.KD), the series
#: behind WDI's own growth rate; "gapminder" is Gapminder's growth rate, based on its PPP GDP per
#: capita (its concept file says so) — not WDI's NY.GDP.MKTP.KD.ZG, although it was long labelled so.
GROWTH_SOURCES = {
    "wdi": ("wdi_gdp_constant_usd", "level"),
    "weo": ("weo_real_gdp_growth", "rate"),
    "pwt": ("pwt_rgdpna", "level"),
    "maddison": ("mad_gdp", "level"),
    "gapminder": ("gapminder_gdp_growth", "rate"),
}


@lru_cache(maxsize=1)
def variable_years() -> dict[str, tuple[int, int]]:
    """Panel variable → (first year, last year), from the generated ``data/variables.csv``."""
    path = DATA_DIR / "variables.csv"
    if not path.is_file():
        return {}
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["name"]: (int(float(row["first_year"])), int(float(row["last_year"])))
                for row in csv.DictReader(handle) if row.get("first_year") and row.get("last_year")}


def source_years(source: str) -> tuple[int, int] | None:
    """(first, last) year of a GDP source's level series, or None when unknown."""
    return variable_years().get(GDP_SOURCES.get(source, ""))


# ---- explanatory measures (claim C3) -------------------------------------------------------------
@dataclass(frozen=True)
class Measure:
    """One explanatory measure: how it is built from panel variables, its unit and label."""

    label: str
    unit: str
    variables: tuple[str, ...]
    kind: str  # "level" (one variable), "vintages" (primary, fallback), "per_capita" (sum / population), "freedom_house"


#: Resource-dependence measures (all non-negative and right-skewed: they enter the index as log(1 + x)).
RESOURCE_MEASURES: dict[str, Measure] = {
    "rents": Measure("Natural-resource rents", "% of GDP", ("wdi2021_ny_gdp_totl_rt_zs",), "level"),
    "fuel_exports": Measure("Fuel exports", "% of merchandise exports",
                            ("wdi2023_tx_val_fuel_zs_un", "wdi2013_tx_val_fuel_zs_un"), "vintages"),
    "ores_metals_exports": Measure("Ores & metals exports", "% of merchandise exports",
                                   ("wdi2022_tx_val_mmtl_zs_un", "wdi2013_tx_val_mmtl_zs_un"), "vintages"),
    "hydrocarbon_production_pc": Measure("Oil + gas production per person", "tonnes of oil equivalent per person",
                                         ("ei_oil_production", "ei_gas_production"), "per_capita"),
    "hydrocarbon_reserves_pc": Measure("Proved oil + gas reserves per person", "tonnes of oil equivalent per person",
                                       ("ei_oil_reserves", "ei_gas_reserves"), "per_capita"),
}
#: Governance measures (higher = better governance for all of them).
GOVERNANCE_MEASURES: dict[str, Measure] = {
    "control_of_corruption": Measure("WGI control of corruption", "estimate, about -2.5 to 2.5", ("wgi_cc",), "level"),
    "government_effectiveness": Measure("WGI government effectiveness", "estimate, about -2.5 to 2.5", ("wgi_ge",), "level"),
    "rule_of_law": Measure("WGI rule of law", "estimate, about -2.5 to 2.5", ("wgi_rl",), "level"),
    "freedom_house": Measure("Freedom House (8 - mean of PR and CL)", "1 (least free) to 7 (most free)",
                             ("fh_political_rights", "fh_civil_liberties"), "freedom_house"),
}

#: Optional controls of the fullest resources-vs-governance model.
RESOURCE_CONTROLS = {"initial_income": "log Maddison GDP per capita in the outcome's start year",
                     "cis": "1 = CIS member (the study's CIS group)"}

# ---- blocs ---------------------------------------------------------------------------------------
#: Blocs among the former Soviet republics, in order of foundation (all members are in the study).
POST_SOVIET_BLOCS = ("CIS", "CAEC", "CU1995", "GUAM", "UNION_STATE", "EURASEC", "CACO", "SES2003", "CU2010",
                     "CISFTA", "EAEU")
#: Stages of a post-Soviet union dated for claim C10 but not counted as separate blocs (same members, same
#: commission): the Single Economic Space of Belarus, Kazakhstan and Russia (2012-14, within the Customs Union).
UNION_STAGES = ("SES2012",)
#: Blocs listed for comparison only: most of their members are outside the study.
COMPARISON_BLOCS = ("EU", "WTO")
BLOC_IDS = POST_SOVIET_BLOCS + UNION_STAGES + COMPARISON_BLOCS

# ---- periods written as text ---------------------------------------------------------------------
_PERIOD = re.compile(r"^(\d{4})-(\d{4})$")


def years_observed(years, as_of: int | None) -> list[int]:
    """The years of ``years`` observed by the end of ``as_of`` (all of them for None), in their order.

    >>> years_observed([2000, 2007, 2024], 2002), years_observed([2000, 2007], None)
    ([2000], [2000, 2007])
    """
    return list(years) if as_of is None else [year for year in years if year <= as_of]


def parse_period(text: str) -> tuple[int, int]:
    """``"2000-2003"`` → ``(2000, 2003)``; ValueError for anything else."""
    match = _PERIOD.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"period {text!r} is not of the form 'YYYY-YYYY'")
    return int(match.group(1)), int(match.group(2))

#: GDP measures of the bloc weights (claim C9): id → panel variable (times another for per-capita
#: series), and a label.
GDP_MEASURES = {
    "usd_wdi2022": {"variable": "wdi2022_ny_gdp_mktp_cd", "label": "GDP, current US$ (WDI Apr 2022)"},
    "usd_weo": {"variable": "weo_gdp_usd", "label": "GDP, current US$ (IMF WEO Apr 2019, observed years)"},
    "usd_wdi2013": {"variable": "wdi2013_ny_gdp_mktp_cd", "label": "GDP, current US$ (WDI Dec 2013)"},
    "ppp_pwt": {"variable": "pwt_rgdpo", "label": "GDP at PPP, output side (PWT 10.01 rgdpo)"},
    "ppp_wdi": {"variable": "wdi_gdppc_ppp", "times": "mad_pop",
                "label": "GDP at PPP (WDI GDP per capita PPP × Maddison population)"},
    "ppp_maddison": {"variable": "mad_gdp", "label": "GDP at 2011 PPP (Maddison Project 2023)"},
}
DEFAULT_GDP_MEASURE = "usd_wdi2022"

# ---- the essay's own figures (claim C6) ----------------------------------------------------------
#: Shares of CIS exports to the rest of the world the essay gives (CIS statistics of the early 2000s),
#: the range it gives each other country, and the countries whose exports it says did not grow.
ESSAY_SHARES = {"RUS": 76.0, "UKR": 10.0, "KAZ": 5.0}
ESSAY_OTHER_RANGE = (0.3, 3.0)
ESSAY_NO_GROWTH = ("KGZ", "TJK", "UKR")
#: Years with exports of goods and services in current US$ (WDI 2013 to 2012; computed to 2020).
USD_FIRST_YEAR, USD_LAST_YEAR = 1990, 2020
