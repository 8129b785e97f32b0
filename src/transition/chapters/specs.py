"""Every notebook's parameters: their rules, in one light module.

A notebook's second cell calls ``SPECS[<stem>].check(...)`` (each chapter module re-exports its own
as ``SPEC``); ``transition list`` and ``transition run`` read them from here. This module imports
the standard library and the light vocabulary only, never pandas: refusing a bad parameter must not
wait for the scientific stack.
"""
from __future__ import annotations

from transition.chapters.parameters import (
    AsOfYear,
    Choice,
    Integer,
    ListOf,
    Number,
    ParameterSpec,
    Periods,
    Text,
    YearList,
)
from transition.data import vocabulary as v

LANG = Choice(["en", "ru"], "language of the texts, figure labels and table headers")
OUTPUT_DIR = Text("folder for this run's outputs; None = results/")
AS_OF = AsOfYear(v.ESSAY_YEAR, v.LAST_DATA_YEAR, "observe the data only up to this year: every later observation "
                 "is dropped before anything is computed (every source is a recent vintage, so this limits the "
                 "years observed, not the vintage); None = all years")


# ---- 00 claims ledger --------------------------------------------------------------------------------
CLAIMS_LEDGER = ParameterSpec("00_claims_ledger", {
    "results_dir": Text("folder holding the analysis notebooks' headline files; None means results/"),
    "essay_results_dir": Text("folder holding the headline files of the run observed only to 2002, which judges "
                              "the claims as of the essay; None means runs/as_of_2002/"),
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
})


# ---- 01 reform sequencing ----------------------------------------------------------------------------
def _selection_problem(values: dict) -> str | None:
    groups = values.get("groups", list(v.BROAD_ORDER))
    excluded = set(values.get("exclude_countries", []))
    left = [iso3 for iso3, group in v.group_of_iso3().items()
            if v.BROAD_GROUP[group] in groups and iso3 not in excluded]
    return None if left else "groups / exclude_countries: no country left to analyse"


REFORM_SEQUENCING = ParameterSpec("01_reform_sequencing", {
    "ebrd_threshold": Number(1.0, 4.33, "EBRD score at which a reform area counts as advanced"),
    "inflation_threshold": Number(1.0, 1000.0, "inflation (% per year) below which prices count as stabilized"),
    "sustained_years": Integer(1, 5, "consecutive years below the inflation threshold"),
    "last_year": Integer(1990, v.EBRD_LAST_YEAR, "last year of data used (EBRD scores end in 2006)"),
    "ties": Choice(["weak", "strict"], "whether two areas reached in the same year are consistent with the essay's order"),
    "never_high": Choice(["exclude", "first_year"],
                         "stabilization when inflation never reached the threshold: left out of the order, "
                         "or dated at the first year of data"),
    "stabilization_rule": Choice(["first_run", "durable"],
                                 "first sustained low-inflation run, or the run after the last high-inflation year"),
    "groups": ListOf(v.BROAD_ORDER, "broad country groups"),
    "exclude_countries": ListOf(v.study_iso3(), "ISO3 codes to leave out", allow_empty=True),
    "as_of": AS_OF,
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
}, cross_checks=[_selection_problem])


# ---- 02 output paths ---------------------------------------------------------------------------------
def _coverage_check(values: dict) -> str | None:
    """The trough window of every source used must lie inside that source's years."""
    base_year = values.get("base_year", v.DEFAULT_BASE_YEAR)
    horizon = values.get("horizon", v.DEFAULT_HORIZON)
    used = dict.fromkeys([values.get("gdp_source", "wdi"), *values.get("compare_sources", [])])
    problems = []
    for source in used:
        years = v.source_years(source)
        if years and not (years[0] <= base_year and base_year + horizon <= years[1]):
            problems.append(f"{source} covers {years[0]}-{years[1]}")
    if problems:
        return (f"base_year + horizon = {base_year}-{base_year + horizon} is outside the data: "
                + "; ".join(problems) + " (lower base_year or horizon, or drop the source)")
    return None


def _splice_check(values: dict) -> str | None:
    if values.get("splice_with", "maddison") is not None and values.get("splice_with") == values.get("gdp_source"):
        return (f"splice_with = {values['splice_with']!r} is the GDP source itself; choose another donor "
                f"or None (no splice)")
    return None


_GDP = list(v.GDP_SOURCES)
OUTPUT_PATHS = ParameterSpec("02_output_paths", {
    "base_year": Integer(1985, 2000, "base year of the GDP index (= 100)"),
    "gdp_source": Choice(_GDP, "GDP source of the main analysis"),
    "splice_with": Choice([*_GDP, None], "donor of growth rates before a source starts; None = no splice"),
    "compare_sources": ListOf(_GDP, "GDP sources compared in the disagreement table"),
    "horizon": Integer(5, 25, "years after the base year in which the trough is sought"),
    "grouping": Choice(["broad", "group"], "'broad' = CIS / CEE & Baltics / SEE / Mongolia; 'group' = five groups"),
    "countries": ListOf(v.study_iso3(), "countries of the analysis (ISO3)"),
    "gap_threshold": Number(1.0, 4.33, "EBRD score at which a reform area counts as reached (C2 gap)"),
    "substantial_loss": Number(1.0, 100.0, "trough index below which a loss counts as substantial"),
    "disagreement_threshold": Number(0.0, 100.0, "index points of max-min spread that count as disagreement"),
    "as_of": AS_OF,
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
}, cross_checks=[_splice_check, _coverage_check])


# ---- 03 stabilization --------------------------------------------------------------------------------
def _peak_order(values: dict) -> str | None:
    if values["peak_start_year"] >= values["peak_end_year"]:
        return (f"peak_start_year = {values['peak_start_year']} must be before peak_end_year = "
                f"{values['peak_end_year']}")
    return None


STABILIZATION = ParameterSpec("03_stabilization", {
    "inflation_threshold": Number(5, 1000, "% per year; stabilized = inflation below it for sustained_years "
                                           "(Bruno & Easterly 1998: 40)"),
    "sustained_years": Integer(1, 5, "consecutive years below the threshold that count as stabilized"),
    "peak_start_year": Integer(1987, 1995, "first year of the window for the inflation peak and of the "
                                           "stabilization and growth-resumption searches"),
    "peak_end_year": Integer(1992, 2010, "last year of the window for the inflation peak"),
    "growth_source": Choice(list(v.GROWTH_SOURCES), "real GDP growth: change of WDI constant-price GDP (from 1989 "
                                                      "for all), WEO (ex-USSR from 1992-93), PWT, Maddison, or "
                                                      "Gapminder's own rate"),
    "growth_run_length": Integer(1, 5, "consecutive years of positive growth that count as growth resumed"),
    "event_window_before": Integer(1, 6, "years before stabilization in the event study"),
    "event_window_after": Integer(1, 10, "years after stabilization in the event study"),
    "ebrd_threshold": Number(1, 4.33, "EBRD score the liberalization index must reach"),
    "liberalization_index_year": Integer(1989, v.EBRD_LAST_YEAR, "year whose liberalization index measures "
                                                                 "'early liberalization'"),
    "groups": ListOf(list(v.BROAD_ORDER), "broad country groups to include"),
    "disinflation_years": Integer(1, 6, "programme dating: years after a programme within which inflation must fall "
                                        "below the threshold for the programme to count"),
    "as_of": AS_OF,
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
}, cross_checks=[_peak_order])


# ---- 04 reforms and growth ---------------------------------------------------------------------------
#: First year of the growth regressions (growth in 1990 uses 1989 reform scores at lag 1).
GROWTH_FIRST_YEAR = 1990


def _check_years(values: dict) -> str | None:
    if values.get("last_year", v.EBRD_LAST_YEAR) - values.get("first_year", GROWTH_FIRST_YEAR) < 5:
        return (f"first_year = {values['first_year']}, last_year = {values['last_year']}: the sample must "
                "span at least 6 years (last_year - first_year >= 5)")
    return None


def _check_countries(values: dict) -> str | None:
    kept = set(v.study_iso3()) - set(values.get("exclude_iso3", []))
    cis = {iso3 for iso3, group in v.group_of_iso3().items() if group == "CIS"}
    if len(kept & cis) < 5 or len(kept - cis) < 5:
        return ("exclude_iso3 leaves fewer than 5 CIS or 5 non-CIS countries; the CIS-only and "
                "non-CIS robustness regressions need at least 5 of each")
    return None


REFORMS_AND_GROWTH = ParameterSpec("04_reforms_and_growth", {
    "growth_source": Choice(list(v.GROWTH_SOURCES), "annual real GDP growth: the change of WDI constant-US$ GDP, "
                            "PWT rgdpna or Maddison GDP, or the published WEO or Gapminder rates"),
    "reform_lag": Integer(0, 3, "years between a reform score and the growth it explains"),
    "max_lag": Integer(1, 5, "longest lag K of the distributed-lag model (lags 0..K)"),
    "threshold": Number(1.67, 4.0, "EBRD score at which an area counts as advanced (sequencing dummies)"),
    "first_year": Integer(GROWTH_FIRST_YEAR, 2000, "first year of growth in the main sample"),
    "last_year": Integer(1998, v.EBRD_LAST_YEAR, "last year of growth in the main sample (EBRD data end in 2006)"),
    "extended_last_year": Integer(v.EBRD_LAST_YEAR + 1, 2019, "last year of the robustness sample with "
                                  "2006 EBRD scores carried forward"),
    "exclude_iso3": ListOf(v.study_iso3(), "countries left out of every regression", allow_empty=True),
    "alpha": Number(0.001, 0.2, "significance level of the robustness rule"),
    "robust_share": Number(0.5, 1.0, "share of specifications that must be significant (same sign in all) "
                           "for an effect to count as robust"),
    "as_of": AS_OF,
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
}, cross_checks=[_check_years, _check_countries])


# ---- 05 resources vs governance ----------------------------------------------------------------------
def _check_years_in_source(values: dict) -> str | None:
    years = v.source_years(values.get("gdp_source"))
    if years is None:
        return None
    late = [y for y in [*values.get("level_years", []), *values.get("growth_breaks", [])] if y > years[1]]
    if late:
        return f"level_years / growth_breaks {late}: after the last year of {values['gdp_source']} GDP data ({years[1]})"
    return None


def _check_levels_after_base(values: dict) -> str | None:
    base = values.get("base_year")
    early = [y for y in values.get("level_years", []) if base is not None and y <= base]
    return f"level_years {early}: must come after base_year {base}" if early else None


def _check_periods(values: dict) -> str | None:
    for name in ("resource", "governance", "early_governance"):
        start, end = values.get(f"{name}_start"), values.get(f"{name}_end")
        if start is not None and end is not None and start > end:
            return f"{name}_start {start} is after {name}_end {end}"
    return None


RESOURCES_VS_GOVERNANCE = ParameterSpec("05_resources_vs_governance", {
    "gdp_source": Choice(_GDP, "real GDP source of the outcomes"),
    "base_year": Integer(1989, 1999, "base year of the GDP index (= 100)"),
    "level_years": YearList(1990, 2024, "years of the GDP-index outcomes"),
    "growth_breaks": YearList(1989, 2024, "boundaries of the growth windows", min_length=2),
    "resource_start": Integer(1990, 2019, "first year of the resource-measure average"),
    "resource_end": Integer(1990, 2019, "last year of the resource-measure average"),
    "governance_start": Integer(1996, 2019, "first year of the governance average (WGI start in 1996)"),
    "governance_end": Integer(1996, 2019, "last year of the governance average"),
    "resource_measures": ListOf(list(v.RESOURCE_MEASURES), "components of the resource index"),
    "governance_measures": ListOf(list(v.GOVERNANCE_MEASURES), "components of the governance index"),
    "index_method": Choice(["zmean", "pc1"], "composite index: mean of z-scores or first principal component weights"),
    "rich_rents_threshold": Number(0.5, 60, "rents, % of GDP, from which a CIS state counts as resource-rich"),
    "controls": ListOf(list(v.RESOURCE_CONTROLS), "extra regressors of the fullest model", allow_empty=True),
    "eastern_europe": Choice(["ce_see", "ce_baltics", "ce_baltics_see"],
                             "resource-poor 'Eastern Europe': Central & South-East Europe (the essay's), or with the Baltics"),
    "early_governance_start": Integer(1990, 1995, "first year of the governance measure dated before the WGI"),
    "early_governance_end": Integer(1990, 1995, "last year of the governance measure dated before the WGI"),
    "bootstrap_draws": Integer(200, 20000, "bootstrap resamples of every interval"),
    "bootstrap_seed": Integer(0, 2**31 - 1, "seed of the bootstrap resamples"),
    "as_of": AS_OF,
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
}, cross_checks=[_check_years_in_source, _check_levels_after_base, _check_periods])


# ---- 06 trade structure ------------------------------------------------------------------------------
def _trade_checks(values: dict) -> str | None:
    groups = values.get("groups")
    if groups is not None and not {"CIS", "CEE & Baltics"} <= set(groups):
        return f"groups = {groups!r}: must include 'CIS' and 'CEE & Baltics' (the comparison of claim C5)"
    members = values.get("cis_members")
    if members is not None and not set(v.ESSAY_SHARES) <= set(members):
        return (f"cis_members = {members!r}: must include {', '.join(v.ESSAY_SHARES)} "
                "(the essay's named exporters, claim C6)")
    start, end = values.get("growth_start"), values.get("growth_end")
    if isinstance(start, int) and isinstance(end, int) and start >= end:
        return f"growth_start = {start} must be before growth_end = {end}"
    return None


TRADE_STRUCTURE = ParameterSpec("06_trade_structure", {
    "groups": ListOf(v.BROAD_ORDER, "groups compared; must include CIS and CEE & Baltics"),
    "splice_prefer": Choice(["newer", "older"], "WDI vintage used where two vintages overlap"),
    "min_countries": Integer(1, 12, "fewest countries reporting for a group-year statistic"),
    "early_year": Integer(1995, 2012, "year of the early comparison (the essay's time)"),
    "eci_variable": Choice(["eci_hs92", "eci_sitc"], "Economic Complexity Index classification"),
    "cis_members": ListOf(v.CIS12, "CIS countries whose export shares are computed"),
    "membership": Choice(["fixed", "dated"], "fixed: cis_members in every period; dated: only members "
                                             "at the start of each period (data/blocs.csv)"),
    "periods": Periods(v.USD_FIRST_YEAR, v.USD_LAST_YEAR, "periods of the export shares; the first is "
                                                         "compared with the essay, the last is 'latest'"),
    "growth_start": Integer(1990, 2017, "first year of the export growth comparison"),
    "growth_end": Integer(1991, 2018, "last year of the export growth comparison"),
    "as_of": AS_OF,
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
}, cross_checks=[_trade_checks])


# ---- 07 integration ----------------------------------------------------------------------------------
def _post_soviet_bloc(values: dict) -> str | None:
    blocs = values.get("blocs")
    if not isinstance(blocs, (list, tuple)) or set(blocs) & set(v.POST_SOVIET_BLOCS):
        return None
    return (f"blocs = {blocs!r}: include at least one post-Soviet bloc "
            f"({', '.join(v.POST_SOVIET_BLOCS)}); EU and WTO are listed for comparison only")


INTEGRATION = ParameterSpec("07_integration", {
    "gdp_measure": Choice(list(v.GDP_MEASURES), "GDP measure of the bloc weights: current US$ (usd_*) or PPP (ppp_*)"),
    "first_year": Integer(1992, v.ESSAY_YEAR, "first year of the membership and weight series; the CIS counts "
                                              "from 1992 (founded Dec 1991) and the window must include the essay's time, 2002"),
    "last_year": Integer(2015, 2024, "last year of the membership and weight series; from 2015 (the EAEU) "
                                     "to 2024 (the last year of any panel data)"),
    "blocs": ListOf(v.BLOC_IDS, "blocs to show (data/blocs.csv ids); weights and counts use the post-Soviet ones"),
    "comparison_year": Integer(1995, v.EBRD_LAST_YEAR, "year of the C10 reform comparison; EBRD indicators end in 2006"),
    "union_agreements": Choice(["complete", "first_list"], "C10's Eurasian agreements: every one that promised an "
                                                           "economic union (data/eurasian_agreements.csv), or the first three"),
    "as_of": AS_OF,
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
}, cross_checks=[_post_soviet_bloc])


# ---- 08 trade partners -------------------------------------------------------------------------------
#: The years of the IMF DOTS flows of the former Soviet republics (the mirror holds them to 2020).
DOTS_FIRST_YEAR, DOTS_LAST_YEAR = 1992, 2020


def _trade_partner_checks(values: dict) -> str | None:
    problems = []
    if values.get("first_year", DOTS_FIRST_YEAR) >= values.get("last_year", DOTS_LAST_YEAR):
        problems.append(f"first_year = {values.get('first_year')} must be before last_year = {values.get('last_year')}")
    if "KAZ" not in values.get("countries", ["KAZ"]):
        problems.append("countries must include 'KAZ': section 3 ranks Kazakhstan's partners (claim C7)")
    if len(set(values.get("former_republics", v.FORMER_USSR))) < 2:
        problems.append("former_republics needs at least two countries to have trade among them")
    return "; ".join(problems) or None


TRADE_PARTNERS = ParameterSpec("08_trade_partners", {
    "countries": ListOf(v.FORMER_USSR, "former Soviet republics whose partners and shares are computed"),
    "first_year": Integer(DOTS_FIRST_YEAR, v.ESSAY_YEAR - 1, "first year of the partner shares (the DOTS flows of the former republics start in 1992); "
                                                           "the window must reach back before the essay's time, 2002"),
    "last_year": Integer(v.ESSAY_YEAR, DOTS_LAST_YEAR, "last year of the partner shares: from the essay's time (2002) "
                                                       "to 2020, the last year of the DOTS flows"),
    "former_republics": ListOf(v.FORMER_USSR, "the partners counted as 'former republics' in the intra-FSU share"),
    "drop_break_years": Choice([False, True], "leave out the customs-union break years (2010-11) of Russia, "
                                              "Belarus and Kazakhstan instead of flagging them"),
    "as_of": AS_OF,
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
}, cross_checks=[_trade_partner_checks])

# ---- 09 robustness (the multiverse) ------------------------------------------------------------------
ROBUSTNESS = ParameterSpec("09_robustness", {
    "multiverse_dir": Text("folder holding the multiverse's tables (multiverse_*.csv); None means results/"),
    "claims": ListOf([f"C{n}" for n in range(1, 11)], "claims whose multiverse is presented"),
    "n_permutations": Integer(0, 100000, "permutations of the joint tests under the null, recomputed here on every "
                                         "specification (0: the joint tests stored by `transition multiverse`)"),
    "seed": Integer(0, 2**31 - 1, "when recomputed: seed of the permutations"),
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
})

# ---- 10 real time -------------------------------------------------------------------------------------
#: Weights of the group aggregates (transition.analysis.aggregates.WEIGHTS; kept here so that refusing a bad
#: value needs no pandas).
AGGREGATE_WEIGHTS = ["ppp", "usd", "population"]

REAL_TIME = ParameterSpec("10_real_time", {
    "as_of": Integer(1995, 2019, "year whose WEO editions (April, September) are the figures of the day; the two "
                                 "years before it are compared with today's data, observed up to it (the essay's: 2002)"),
    "weights": Choice(AGGREGATE_WEIGHTS, "weights of the group aggregates: real GDP at PPP (Maddison), in constant "
                                         "US$ (WDI), or population"),
    "large_revision": Number(0.1, 20, "revision (percentage points) that counts as large"),
    "lang": LANG,
    "output_dir": OUTPUT_DIR,
})

#: Notebook stem → its spec.
SPECS: dict[str, ParameterSpec] = {spec.notebook: spec for spec in (
    CLAIMS_LEDGER, REFORM_SEQUENCING, OUTPUT_PATHS, STABILIZATION, REFORMS_AND_GROWTH, RESOURCES_VS_GOVERNANCE,
    TRADE_STRUCTURE, INTEGRATION, TRADE_PARTNERS, ROBUSTNESS, REAL_TIME)}


def register(spec: ParameterSpec) -> ParameterSpec:
    """Add a spec declared elsewhere (a notebook being drafted, the tests' fixture notebooks)."""
    SPECS[spec.notebook] = spec
    return spec


def all_specs() -> dict[str, ParameterSpec]:
    """Every notebook's spec, by notebook stem."""
    return dict(sorted(SPECS.items()))
