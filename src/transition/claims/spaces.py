"""The declared space of defensible choices behind each claim's verdict (the multiverse).

Each dimension lists its allowed values with the default first and says why the alternatives are
defensible; the defaults are the notebooks' defaults, so the default specification reproduces the
ledger. ``as_of`` cuts the panel at the essay's year (2002) or uses the latest data.
"""
from __future__ import annotations

from transition.analysis.concordance import SCOPES
from transition.analysis.groups import select_countries
from transition.claims.space import Dimension, Space
from transition.data.vocabulary import (
                  ESSAY_YEAR,
                  GOVERNANCE_MEASURES,
                  POST_SOVIET_BLOCS,
                  RESOURCE_MEASURES,
)

#: C1's country sets (ISO3 lists): the former Soviet states (the essay's "new independent states", the ledger's
#: headline), with Mongolia, every study country, or only the two groups the essay compares.
GROUP_SETS = {**SCOPES, "cis_cee": select_countries(["CIS", "CEE & Baltics"])}

AS_OF = Dimension("as_of", ("latest", ESSAY_YEAR), "latest",
                  "data observed to the latest year, or cut at the essay's time (2002)")
GROUPS = Dimension("groups", tuple(GROUP_SETS), "former_ussr",
                   "the fifteen former Soviet states (the essay's new independent states), with Mongolia, all 29 "
                   "economies, or only the CIS and Central Europe & the Baltics")

C1 = Space("C1", (
    Dimension("dating", ("threshold", "own_range", "scale_share"), "threshold",
              "how an EBRD area is dated: one cut-off for all, each country's own range, or each area's own scale"),
    Dimension("ebrd_threshold", (3.0, 2.33, 2.67, 3.33), 3.0,
              "EBRD score at which an area counts as advanced: 3 is 'substantial progress'; one step either side"),
    Dimension("inflation_threshold", (40.0, 20.0, 25.0, 50.0, 100.0), 40.0,
              "inflation below which prices count as stabilized: 40% (Bruno & Easterly 1998) and other cut-offs used "
              "in the literature"),
    Dimension("sustained_years", (2, 1, 3), 2, "consecutive years below the threshold"),
    Dimension("ties", ("weak", "strict"), "weak", "whether areas reached in the same year are consistent with the order"),
    Dimension("never_high", ("exclude", "first_year"), "exclude",
              "stabilization of a country never in high inflation: left out of the order, or dated at the first year"),
    Dimension("stabilization_rule", ("first_run", "durable"), "first_run",
              "first sustained low-inflation run, or the run after the last high-inflation year"),
    GROUPS,
    AS_OF,
))

#: The donor of growth rates before each GDP source starts (notebook 02's default; Maddison itself needs none).
SPLICE_DONOR = {"wdi": "maddison", "pwt": "maddison", "weo": "maddison", "maddison": None}

C2 = Space("C2", (
    Dimension("gdp_source", ("wdi", "maddison", "pwt", "weo"), "wdi", "each real GDP source of the study"),
    Dimension("base_year", (1989, 1990), 1989, "the last pre-transition year, or the first year every source covers"),
    Dimension("horizon", (15, 10, 20), 15, "years after the base year in which the trough is sought"),
    Dimension("loss_index", (90.0, 80.0, 85.0, 95.0), 90.0,
              "trough below which a loss is substantial: 90 (a 10% fall, Barro & Ursúa 2008) and either side"),
    Dimension("mechanism_gap", ("gap_points_1990_1995", "gap_points_1992", "gap_points_1994", "gap_points_1996"),
              "gap_points_1990_1995", "liberalization minus institutions: 1990-95 mean, or at a fixed date"),
    Dimension("output", ("total", "per_capita"), "total", "real GDP, or real GDP per person"),
    AS_OF,
))

#: Notebook 05's outcomes with the latest data, and as of the essay (the essay-time level year is 2000);
#: with the latest data the last level year is each GDP source's own last year (2024 for WDI).
C3_LEVEL_YEARS, C3_GROWTH_BREAKS = (2000, 2007, 2024), (1990, 2000, 2019)
C3_ESSAY_LEVEL, C3_ESSAY_GROWTH = 2000, (1990, 2000)
RESOURCE_SETS = {"all": list(RESOURCE_MEASURES), "rents": ["rents"],
                 "exports": ["fuel_exports", "ores_metals_exports"]}
GOVERNANCE_SETS = {"all": list(GOVERNANCE_MEASURES),
                   "wgi": ["control_of_corruption", "government_effectiveness", "rule_of_law"],
                   "freedom_house": ["freedom_house"]}

C3 = Space("C3", (
    Dimension("gdp_source", ("wdi", "maddison", "pwt", "weo"), "wdi", "each real GDP source of the study"),
    Dimension("resource_measures", tuple(RESOURCE_SETS), "all",
              "resource dependence: every measure, rents alone, or the export shares alone"),
    Dimension("governance_measures", tuple(GOVERNANCE_SETS), "all",
              "governance: every measure, the World Bank's three, or Freedom House alone"),
    Dimension("index_method", ("zmean", "pc1"), "zmean", "composite index: mean of z-scores, or first principal component"),
    Dimension("rich_rents_threshold", (10.0, 5.0, 15.0), 10.0, "rents (% of GDP) from which a CIS state is resource-rich"),
    Dimension("eastern_europe", ("ce_see", "ce_baltics", "ce_baltics_see"), "ce_see",
              "resource-poor Eastern Europe: Central & South-East Europe (the essay's Soviet usage: the former Comecon "
              "partners and Yugoslavia, not the Baltic republics), Central Europe & the Baltics (the EU-accession "
              "literature's grouping), or all three"),
    Dimension("output", ("ledger", "total", "per_capita"), "ledger",
              "the outcome of the gap: the ledger's (total GDP as of the essay; per capita with the latest data, "
              "since population grew in Central Asia and fell in the Baltics and South-East Europe), or total or "
              "per-capita GDP (Maddison, whatever the GDP source) for both columns"),
    AS_OF,
), excluded=(
    # A first principal component of the two export shares has no complete country rows (their
    # vintages cover different countries): the index is undefined, not a defensible choice.
    ("the first principal component of the export shares alone is undefined (no country has both)",
     lambda c: c["resource_measures"] == "exports" and c["index_method"] == "pc1"),
))

# ---- the integration claims (notebook 07) -----------------------------------------------------------
#: C8's sets of blocs: every post-Soviet bloc of data/blocs.csv; without GUAM (a political forum, its free-trade
#: agreement never worked: Libman & Vinokurov 2012, ch. 3); only the blocs built on a trade agreement.
C8_BLOC_SETS = {"all": list(POST_SOVIET_BLOCS), "without_guam": [b for b in POST_SOVIET_BLOCS if b != "GUAM"],
                "trade_blocs": ["CIS", "CAEC", "CU1995", "EURASEC", "SES2003", "CU2010", "CISFTA", "EAEU"]}

C8 = Space("C8", (
    Dimension("blocs", tuple(C8_BLOC_SETS), "all",
              "which blocs count: every post-Soviet bloc, all but GUAM (a political forum), or the trade blocs only"),
    Dimension("min_blocs", (3, 2, 4), 3, "blocs among the CIS countries from which integration goes 'by groups'"),
    AS_OF,
))

C9 = Space("C9", (
    Dimension("membership", ("ledger", "eurasec_2002", "eaeu_2015"), "ledger",
              "the bloc whose members' reforms are compared: the ledger's (EurAsEC 2002 as of the essay; as a "
              "forecast with the latest data, the EAEU at the end of 2015), or one of them for both (EAEU 2015 is "
              "not observed as of 2002)"),
    Dimension("gdp_measure", ("usd_wdi2022", "ppp_pwt", "ppp_maddison"), "usd_wdi2022",
              "GDP weights of the cores: current US$ (WDI), or at PPP (Penn World Table, Maddison): Kazakhstan's share "
              "of Central Asian GDP is 66% in US$ and 43% at PWT PPP"),
    Dimension("reform_measure", ("ebrd_average", "institutions", "liberalization"), "ebrd_average",
              "the reform score: the EBRD average, the market-institutions areas, or liberalization"),
    AS_OF,
), excluded=(
    ("EAEU membership of 2015 is not observed as of 2002",
     lambda c: c["membership"] == "eaeu_2015" and c["as_of"] == ESSAY_YEAR),
))

C10 = Space("C10", (
    Dimension("agreements", ("complete", "first_list"), "complete",
              "every Eurasian agreement that promised an economic union (data/eurasian_agreements.csv), or the three "
              "steps judged before the list was completed"),
    Dimension("working", ("in_force", "founders"), "in_force",
              "when a union counts as working: in force for a first member, or for all its founding members"),
    Dimension("long_years", (10.0, 7.0, 12.0), 10.0,
              "years from which building a union 'takes long': a decade; the EU's quickest steps (about 7); the "
              "EEC Treaty's 12-year transitional period"),
    AS_OF,
))

#: claim → its space.
SPACES = {space.claim: space for space in (C1, C2, C3, C8, C9, C10)}
