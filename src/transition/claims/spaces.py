"""The declared space of defensible choices behind each claim's verdict (the multiverse).

Each dimension lists its allowed values with the default first and says why the alternatives are
defensible; the defaults are the notebooks' defaults, so the default specification reproduces the
ledger. ``as_of`` cuts the panel at the essay's year (2002) or uses the latest data.
"""
from __future__ import annotations

from transition.analysis.concordance import SCOPES
from transition.analysis.groups import select_countries
from transition.analysis.partners import TIE_BANDS
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

# ---- the trade claims (notebooks 06 and 08) ---------------------------------------------------------
C4 = Space("C4", (
    Dimension("fall_base", ("first_complete", 1995), "first_complete",
              "the year from which the fall of a country's share of trade with the other former republics is "
              "measured: its first complete year of bilateral data (1992-95, the ledger's), or 1995 for every "
              "country (the first year in which every CIS country's record is complete: one common base). The "
              "literature's shares for 1990-91, the union's last years, are not in these data (the IMF's bilateral "
              "flows start in 1992), so neither base can be the union's own: either fall is a lower bound"),
    Dimension("fall_min_pp", (10.0, 5.0, 15.0), 10.0,
              "fall (percentage points, judged with the median's bootstrap interval) from which the old ties "
              "'broke': a tenth of all trade (the ledger's), half of that, or half as much again"),
    Dimension("major_share_pct", (20.0, 15.0, 25.0), 20.0,
              "share of trade with the other former republics (%, judged with its interval) from which relations "
              "were rebuilt rather than abandoned: a fifth, a main partner group by any measure (the ledger's), "
              "or five points either side"),
    Dimension("flows_record", ("reporter", "mirror"), "reporter",
              "whose record of the flows: each country's own (holes filled from its partners', the ledger's), "
              "or its partners' record of the same flows over its own total, never below their sum (IMF DOTS "
              "mirror statistics: partners.mirror_share_tables; Turkmenistan, Tajikistan and Uzbekistan report "
              "poorly, data/README)"),
    AS_OF,
))

#: C5's series of extractive exports: choice → composition series (trade.COMBINED and evaluate_trade's sum).
C5_RAW_SERIES = {"fuel_ores": "exports_fuel_ores", "fuel_ores_agri": "exports_fuel_ores_agri"}
#: C5's measures of processed imports: choice → composition series.
C5_IMPORT_SERIES = {"processed": "imports_processed", "manufactures": "imports_manufactures"}

C5 = Space("C5", (
    Dimension("raw", tuple(C5_RAW_SERIES), "fuel_ores",
              "what counts as raw: fuel (SITC 3) + ores & metals (SITC 27, 28, 68), the essay's extractive "
              "industries (the ledger's), or with agricultural raw materials (SITC 2 less 22, 27, 28: WDI "
              "TX.VAL.AGRI.ZS.UN, the series that holds raw cotton, SITC 263, Central Asia's low-processed export; "
              "WDI 2013 only, to 2012). Iron and steel (SITC 67) and cotton yarn and fabrics (SITC 65) stay in "
              "manufactures either way: WDI's aggregates hold them there and no source here splits them out"),
    Dimension("imports_measure", tuple(C5_IMPORT_SERIES), "processed",
              "the processed share of merchandise imports: manufactures + food (the ledger's; processed food is "
              "inside WDI's food), or manufactures alone (food also holds raw food)"),
    Dimension("imports_comparison", ("share", "exports"), "share",
              "what the imports' share is compared with: a share of merchandise imports ('mainly': "
              "processed_above; the ledger's), or the country's own manufactures share of its exports (the "
              "essay's contrast: imports more processed than exports; on manufactures alone)"),
    Dimension("manufactures_below", (50.0, 40.0, 60.0), 50.0,
              "manufactures share of merchandise exports (%, the CIS median judged with its interval) below which "
              "exports 'rest on' raw materials: under half (the ledger's), or ten points either side"),
    Dimension("raw_ratio", (2.0, 1.5, 3.0), 2.0,
              "how many times Central Europe & the Baltics' median raw share the CIS median must reach: twice "
              "(the ledger's), one and a half, or three times"),
    Dimension("processed_above", (50.0, 60.0, 66.7), 50.0,
              "processed share of merchandise imports (%) above which imports are 'mainly' processed: a "
              "majority (the ledger's), 60%, or two thirds"),
    Dimension("majority_share", (0.75, 0.5, 0.9), 0.75,
              "as of the essay, a count over every CIS country with data: the share of them whose imports must "
              "be mainly processed, three in four (the ledger's), a majority (the median country, as the latest "
              "column reads it), or nine in ten"),
    AS_OF,
), excluded=(
    ("the comparison with the exports is made on manufactures alone (food imports against manufactured exports "
     "compare unlike goods)", lambda c: c["imports_comparison"] == "exports" and c["imports_measure"] != "manufactures"),
    ("compared with the exports, the bar is each country's own export share: there is no share to choose",
     lambda c: c["imports_comparison"] == "exports" and c["processed_above"] != 50.0),
    ("with the latest data the import part is judged on the median country with its interval, not by a count: "
     "there is no share of countries to choose", lambda c: c["as_of"] == "latest" and c["majority_share"] != 0.75),
))

C6 = Space("C6", (
    Dimension("export_concept", ("outside_cis", "all_partners"), "outside_cis",
              "what the shares are shares of: goods exports to partners outside the CIS (the essay's words: "
              "'exports of the Commonwealth countries to the rest of the world'; the ledger's), or exports of "
              "goods and services to all partners (WDI, current US$; the variant notebook 06 shows), year by year"),
    Dimension("figures_year", ("best", 2000, 2002), "best",
              "the year the essay's figures are dated to (it names none): the complete year up to 2002 whose "
              "shares are closest to its 76 / 10 / 5 (the ledger's), 2000 (the earliest present the essay can "
              "describe: it treats EurAsEC, founded in October 2000, as current), or 2002 (the project's date of the "
              "essay); export growth is judged from the year before"),
    Dimension("flows_source", ("dots", "cow"), "dots",
              "whose record of the exports outside the CIS: the countries' own (IMF DOTS, holes filled from the "
              "partners'; the ledger's), or COW v4.0's (an earlier DOTS vintage, mostly the partners' records; to 2014)"),
    Dimension("tolerance_pp", (5.0, 2.5, 10.0), 5.0,
              "points within which a named country's share matches the essay's: about the gap between two records "
              "of the same exports (Russia's, 4 points in 2002; the ledger's), half that, or twice that"),
    AS_OF,
), excluded=(
    ("WDI's exports of goods and services are one record: the source is a choice for the bilateral flows only",
     lambda c: c["export_concept"] == "all_partners" and c["flows_source"] != "dots"),
))

C7 = Space("C7", (
    Dimension("window", ("whole", "last_10", "last_5"), "whole",
              "the years judged: the whole series of the column (to 2002 as of the essay, after 2002 with the "
              "latest data; the ledger's), or only its last ten or five years (is Russia still the main partner?)"),
    Dimension("partner_last_year", (2020, 2014), 2020,
              "the last year of the partner data: 2020, the DOTS flows' (the ledger's), or 2014, COW v4.0's end "
              "(the years both sources cover)"),
    Dimension("records", ("both", "reporter", "mirror"), "both",
              "the records that must agree: Kazakhstan's own and its partners' (the ledger's), or either alone"),
    Dimension("tie_pp", TIE_BANDS, 2.0,
              "the tie band (points of Kazakhstan's trade) within which Russia's lead is no evidence: 2, the IMF's "
              "CIF/FOB factor's 1.2 points on a 20% share rounded up for the other asymmetries (IMF, Direction of "
              "Trade Statistics Yearbook 2017; the ledger's), none, 1, 2.5 (about the median gap between the two "
              "records after 2002), 3 or 4: notebook 08's sensitivity table"),
    AS_OF,
), excluded=(
    ("as of 2002 the partner data end in 2002: COW's end year (2014) is no choice",
     lambda c: c["as_of"] == ESSAY_YEAR and c["partner_last_year"] != 2020),
))

#: claim → its space.
SPACES = {space.claim: space for space in (C1, C2, C3, C4, C5, C6, C7, C8, C9, C10)}
