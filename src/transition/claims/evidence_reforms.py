"""The evidence of claims C1-C3 (reform sequencing, output losses, resources vs governance): what each rule
reads from the notebooks' headline files (01, 02, 04, 05), the verdict (:mod:`transition.claims.rules`) and
the sentences that cite the numbers."""
from __future__ import annotations

import math
import re

#: C1: the datings of the EBRD areas the rule is also applied to (notebook 01's ``c1_*_<dating>_<year>`` headlines);
#: the verdict itself is the first's (one EBRD threshold), the evidence counts the verdicts of all.
from transition.analysis.sequencing import DATINGS as C1_DATINGS
from transition.claims import rules
from transition.claims.judgement import Headlines, Judgement, _f, _i, _state
from transition.claims.rules import (
    ALPHA,
    C2_LOSS_INDEX,
    C3_GOVERNANCE_SHARE,
    C9_REFORM_STEP,
    C10_SHORT_YEARS,
    CONTRADICTED,
    MIXED,
    SUPPORTED,
    c1_verdict,
)
from transition.data import vocabulary
from transition.data.vocabulary import ESSAY_YEAR

#: C2: notebook 02's liberalization-institutions gap that keeps every country (mean over 1990-95 of
#: liberalization minus institutions, ``loss_mechanism.EVERY_COUNTRY_GAP``): the mechanism's test.
C2_MECHANISM_GAP = "gap_1990_1995"
#: C3 compares notebook 05's resource-rich CIS with resource-poor "Eastern Europe" as the essay means it
#: (Central and South-East Europe; the Baltic variants are shown beside). As of the essay the gap holds
#: when the 90% bootstrap interval of the rich-minus-poor difference of median real GDP indices (the last
#: level year up to C3_ESSAY_YEAR) lies below zero; with the latest data the question is another one —
#: whether the gap persists — judged per capita in the latest level year (population grew in Central Asia
#: and fell in the Baltics and South-East Europe, so total GDP mixes output with demography).
#: Governance: :func:`transition.claims.rules.c3_governance`.
from transition.analysis.resources import EARLY_GOVERNANCE_PERIOD as C3_EARLY_GOVERNANCE
from transition.data.vocabulary import ESSAY_YEAR as C3_ESSAY_YEAR


def _c1_datings(h: Headlines, n, year: int) -> list[str]:
    """Evidence on C1 under every dating of :data:`C1_DATINGS`: counts, chance, verdicts."""
    nb = "01_reform_sequencing"
    follows = [h.get(nb, f"c1_n_follow_{d}_{year}") for d in C1_DATINGS]
    chance = [h.get(nb, f"c1_expected_own_dates_{d}_{year}") for d in C1_DATINGS]
    p_chance = [h.get(nb, f"c1_p_chance_{d}_{year}") for d in C1_DATINGS]
    verdicts = [c1_verdict(f / n if n else math.nan) for f in follows]
    return [
        f"every economy of the study, under the {len(C1_DATINGS)} datings of the areas (one EBRD threshold; each area's own "
        f"range; each area's scale): {', '.join(_i(f) for f in follows)} of {_i(n)} follow the order by {year}; each country's own dates "
        f"in random order give {', '.join(_f(c) for c in chance)} (p = {', '.join(_f(p, 2) for p in p_chance)}); "
        f"a random order of four areas matches 1 time in 24",
        f"verdicts under the {len(C1_DATINGS)} datings (the first is the ledger's): "
        f"{verdicts.count(SUPPORTED)} supported, {verdicts.count(MIXED)} mixed, {verdicts.count(CONTRADICTED)} contradicted",
    ]


#: C1's headline scope: the essay's "new independent states", the former Soviet republics (notebook 01's scopes).
C1_SCOPE, C1_VARIANT_SCOPES = "former_ussr", (("former_ussr_mongolia", "with Mongolia"), ("all", "every economy of the study"))


def judge_c1(h: Headlines, as_of: str) -> Judgement:
    """C1 on the former Soviet states (the essay's scope), with the other scopes, the concordance reading and
    censored institutions beside it. As of the essay: the run observed to 2002; latest: to 2006, the last EBRD year."""
    nb = "01_reform_sequencing"
    follow, n = h.get(nb, f"n_follow_essay_order_scope_{C1_SCOPE}"), h.get(nb, f"n_countries_scope_{C1_SCOPE}")
    verdict = rules.c1_verdict(follow / n if n else math.nan)
    year = vocabulary.ESSAY_YEAR if as_of == "essay" else vocabulary.EBRD_LAST_YEAR
    lib_stab = [h.get(nb, f"n_pair_lib_stab_{k}") for k in ("before", "tie", "after")]
    variants = "; ".join(f"{name}: {_i(h.get(nb, f'n_follow_essay_order_scope_{scope}'))} of "
                         f"{_i(h.get(nb, f'n_countries_scope_{scope}'))}" for scope, name in C1_VARIANT_SCOPES)
    return Judgement(verdict, [
        f"{_i(follow)} of {_i(n)} former Soviet states reach the four areas in the essay's order "
        f"(liberalization → stabilization → institutions → privatization) by {year}; {variants}",
        f"concordance with the essay's order, former Soviet states: median Kendall tau-b "
        f"{_f(h.get(nb, f'median_kendall_tau_{C1_SCOPE}'), 2)}, {_i(h.get(nb, f'n_kendall_tau_positive_{C1_SCOPE}'))} of "
        f"{_i(n)} agree more than they disagree; {_f(100 * h.get(nb, f'share_pairs_concordant_{C1_SCOPE}'), 0)}% of the "
        f"pairs of areas in a definite order follow the essay",
        f"liberalization came before stabilization in {_i(lib_stab[0])} countries, in the same year in "
        f"{_i(lib_stab[1])}, after it in {_i(lib_stab[2])}",
        f"privatization reached the advanced level before institutions in "
        f"{_i(h.get(nb, 'n_privatization_before_institutions_both_reached'))} of the study's economies where both did; in "
        f"{_i(h.get(nb, 'n_institutions_censored_privatization_reached'))} more, institutions never reached it by {year} "
        f"(censored, not dated); institutions first in {_i(h.get(nb, 'n_institutions_before_privatization_both_reached'))}",
        *_c1_datings(h, h.get(nb, "n_countries"), year),
    ])


def c2_mechanism(slope: float, p_slope: float, coef: float, p_coef: float) -> bool | None:
    """C2's mechanism from its two tests, both conditioned on initial conditions: the slope of the trough on
    the liberalization-institutions gap beside former-USSR and war indicators (a larger gap, a deeper trough:
    negative), and the growth regression's liberalization-ahead coefficient (negative). Holds if either is
    significant with the claimed sign, fails if none is and one is significant against it, else no evidence
    either way (None). The raw rank correlation is reported, not judged: across regions it mixes the gap
    with everything else the former Soviet republics shared."""
    tests = [rules.significant_sign(slope, p_slope, -1), rules.significant_sign(coef, p_coef, -1)]
    return True if True in tests else False if False in tests else None


#: The controls of C2's mechanism test (notebook 02's ``output.CONTROL_SETS``): former USSR and war.
C2_CONTROLS_TEXT = "former-USSR and war indicators"


def judge_c2(h: Headlines, as_of: str, loss_index: float = C2_LOSS_INDEX, mechanism_gap: str = C2_MECHANISM_GAP,
             per_capita: bool = False) -> Judgement:
    """C2; the multiverse varies the loss threshold, the gap that tests the mechanism, and total vs per-capita
    output (the defaults are the ledger's)."""
    n01, n02, n04 = "01_reform_sequencing", "02_output_paths", "04_reforms_and_growth"
    shallowest = h.get(n02, "cis_shallowest_trough_index")
    base = f"spearman_{mechanism_gap}_vs_trough"
    every = base + ("_pc" if per_capita else "")
    rho, p, n = h.get(n02, f"{every}_rho"), h.get(n02, f"{every}_p"), h.get(n02, f"{every}_n")
    ols = f"ols_{mechanism_gap}_trough_index{'_pc' if per_capita else ''}_controlled"
    slope, p_slope = h.get(n02, f"{ols}_slope"), h.get(n02, f"{ols}_p")
    when = f"_{ESSAY_YEAR}" if as_of == "essay" else ""  # as of the essay: the models fitted on data to 2002
    coef, p_seq = h.get(n04, f"seq_lib_ahead_coef{when}"), h.get(n04, f"seq_lib_ahead_pvalue{when}")
    mechanism = c2_mechanism(slope, p_slope, coef, p_seq)
    return Judgement(rules.c2_verdict(shallowest, mechanism, loss_index), [
        f"the shallowest CIS trough is {_f(shallowest)} (1989 = 100, WDI): every CIS country lost "
        f"{_f(100 - shallowest)}% of output or more; median CIS trough "
        f"{_f(h.get(n02, 'median_trough_index_cis'))} vs {_f(h.get(n02, 'median_trough_index_cee_baltics'))} "
        f"in Central Europe & Baltics",
        _state(mechanism, "the mechanism holds: a larger liberalization-institutions gap went with a deeper trough",
               "the mechanism fails: a larger gap went with a shallower trough, beside the initial conditions",
               "no evidence either way on the mechanism once initial conditions are held fixed"),
        f"trough on the liberalization-institutions gap (1990-95 mean, every country: {_i(n)}) beside {C2_CONTROLS_TEXT}: "
        f"slope {_f(slope, 2)} index points per EBRD point (p = {_f(p_slope, 2)}; the claim needs a negative slope); "
        f"liberalization ahead of institutions in growth regressions with country and year effects "
        f"{'with data to 2002' if as_of == 'essay' else 'with data to 2006'}: {_f(coef, 2)} pp (p = {_f(p_seq, 2)})",
        f"without controls the rank correlation is {_f(rho, 2)} (p = {_f(p, 2)}), per capita "
        f"{_f(h.get(n02, f'{base}_pc_rho'), 2)}: across regions the gap stands in for the Soviet past",
        f"in the year they liberalized, institutions lagged by {_f(h.get(n01, 'median_lib_inst_gap_points_cis'), 2)} "
        f"EBRD points in the CIS and {_f(h.get(n01, 'median_lib_inst_gap_points_cee_baltics'), 2)} in "
        f"Central Europe & Baltics (p = {_f(h.get(n01, 'gap_points_cis_vs_cee_baltics_p_value'), 2)}; groups this "
        f"small detect only a difference of about {_f(h.get(n01, 'gap_points_cis_vs_cee_baltics_mde'), 2)} points "
        f"with 80% power)",
    ])


def _c3_outcomes(h: Headlines, as_of: str) -> tuple[str, str | None, str]:
    """C3's level outcome, growth window (as of the essay only) and per-capita level, from 05's headline keys."""
    keys = h.by_notebook.get("05_resources_vs_governance", {})

    def last(pattern: str, default: str) -> str:
        found = [(int(m.group(2)), m.group(1)) for key in keys if (m := re.fullmatch(pattern, key))
                 and (as_of != "essay" or int(m.group(2)) <= C3_ESSAY_YEAR)]
        return max(found)[1] if found else default

    level = last(r"median_(gdp_index_(\d{4}))_resource_rich_cis", "gdp_index_latest")
    per_capita = last(r"median_(gdppc_index_(\d{4}))_resource_rich_cis", "gdppc_index_latest")
    growth = last(r"governance_explains_more_(growth_\d{4}_(\d{4}))", "growth_essay") if as_of == "essay" else None
    return level, growth, per_capita


#: Headline slugs of the definitions of "Eastern Europe" (notebook 05): the chosen one, then the variants.
C3_EAST, C3_EAST_VARIANTS = "east", (("cee", "Central Europe & Baltics"), ("ee_with_see", "Central Europe, Baltics & South-East Europe"))
#: The chosen definition's name in the evidence (notebook 05's ``eastern_europe_definition`` headline).
C3_EAST_NAMES = {"ce_see": "Central & South-East Europe", "ce_baltics": "Central Europe & Baltics",
                 "ce_baltics_see": "Central Europe, Baltics & South-East Europe"}


def _outcome_text(outcome: str) -> str:
    """'real GDP index 2000', 'growth 1990-2000', 'real GDP per capita index 2022' (notebook 05's outcome names)."""
    per_capita, name = outcome.startswith("gdppc_"), outcome.removeprefix("gdppc_").removeprefix("gdp_")
    what = "real GDP per capita" if per_capita else "real GDP"
    if name.startswith("index_"):
        return f"{what} index {name.removeprefix('index_')}"
    years = name.removeprefix("growth_").split("_")
    return f"growth of {what} {'-'.join(years)}"


#: The headline keys (prefixes; the outcome follows) of :func:`transition.claims.rules.c3_governance_test`'s arguments.
C3_GOVERNANCE_KEYS = ("shapley_share_governance", "governance_beyond_fsu_coef", "governance_beyond_fsu_p",
                      "governance_within_cis_slope", "governance_within_cis_p")


def _c3_parts(h: Headlines, gap_outcome: str, governance_outcomes: list[str]) -> tuple[bool | None, bool | None]:
    """C3's two parts from notebook 05's headlines: the gap (the difference's interval) and governance."""
    n05 = "05_resources_vs_governance"
    key = f"difference_{gap_outcome}_rich_cis_vs_poor_{C3_EAST}"
    gap = rules.c3_gap(h.get(n05, key), h.get(n05, f"{key}_low"), h.get(n05, f"{key}_high"))
    tests = [rules.c3_governance_test(*(h.get(n05, f"{name}_{o}") for name in C3_GOVERNANCE_KEYS))
             for o in governance_outcomes]
    return gap, rules.all_parts(tests)


def _c3_gap_sentence(h: Headlines, outcome: str, east: str) -> str:
    n05, key = "05_resources_vs_governance", f"difference_{outcome}_rich_cis_vs_poor"
    variants = "; ".join(f"with {name} {_f(h.get(n05, f'{key}_{slug}'))}" for slug, name in C3_EAST_VARIANTS)
    return (f"resource-rich CIS minus resource-poor {east}, median {_outcome_text(outcome)} (1989 = 100): "
            f"{_f(h.get(n05, f'{key}_{C3_EAST}'))} (90% interval [{_f(h.get(n05, f'{key}_{C3_EAST}_low'))}, "
            f"{_f(h.get(n05, f'{key}_{C3_EAST}_high'))}]; {_f(h.get(n05, f'median_{outcome}_resource_rich_cis'))} vs "
            f"{_f(h.get(n05, f'median_{outcome}_resource_poor_{C3_EAST}'))}); {variants}; with groups this small only a "
            f"difference of about {_f(h.get(n05, f'mde_{outcome}_rich_cis_vs_poor_{C3_EAST}'), 0)} points is detected "
            f"with 80% power")


def _c3_governance_sentence(h: Headlines, outcome: str) -> str:
    n05 = "05_resources_vs_governance"
    return (f"{_outcome_text(outcome)}: governance's Shapley share of R² against resources "
            f"{_f(h.get(n05, f'shapley_share_governance_{outcome}'), 2)}; beside a former-USSR indicator it adds "
            f"{_f(h.get(n05, f'governance_beyond_fsu_r2_gain_{outcome}'), 2)} to R² (coefficient p = "
            f"{_f(h.get(n05, f'governance_beyond_fsu_p_{outcome}'), 2)}; p = "
            f"{_f(h.get(n05, f'governance_beyond_initial_p_{outcome}'), 2)} beside years under planning and war too); "
            f"among the CIS states alone "
            f"Spearman rho = {_f(h.get(n05, f'governance_within_cis_rho_{outcome}'), 2)}, slope p = "
            f"{_f(h.get(n05, f'governance_within_cis_p_{outcome}'), 2)}")


def _c3_intervals(h: Headlines, outcomes: list[str]) -> list[str]:
    n05 = "05_resources_vs_governance"
    coverage, draws = 100 * h.get(n05, "bootstrap_level"), h.get(n05, "bootstrap_draws")

    def span(key: str, digits: int = 2) -> str:
        return f"[{_f(h.get(n05, f'{key}_low'), digits)}, {_f(h.get(n05, f'{key}_high'), digits)}]"

    return [f"{_f(coverage, 0)}% bootstrap interval ({_i(draws)} resamples of countries) of governance's Shapley "
            f"share, {_outcome_text(o)}: {span(f'shapley_share_governance_{o}')}" for o in outcomes
            if f"shapley_share_governance_{o}_low" in h.by_notebook.get(n05, {})]


def judge_c3(h: Headlines, as_of: str) -> Judgement:
    """C3. As of the essay: the gap in the real GDP index of 2000 and governance for the level and the growth
    to 2000. With the latest data: the same question per capita in the latest year — whether the gap persisted."""
    n05 = "05_resources_vs_governance"
    level, growth, per_capita = _c3_outcomes(h, as_of)
    gap_outcome = level if as_of == "essay" else per_capita
    governance_outcomes = [level, growth] if as_of == "essay" else [per_capita]
    gap, governance = _c3_parts(h, gap_outcome, governance_outcomes)
    definition = h.by_notebook.get(n05, {}).get("eastern_europe_definition", {}).get("value", "ce_see")
    east = C3_EAST_NAMES.get(definition, definition)
    separation = (f"the governance index nearly sorts the regions: every CIS state at or below "
                  f"{_f(h.get(n05, 'governance_index_max_cis'), 2)}, every Central European and Baltic state at or "
                  f"above {_f(h.get(n05, 'governance_index_min_cee_baltics'), 2)}; "
                  f"{_i(h.get(n05, 'governance_n_see_inside_cis_range'))} South-East European states inside the CIS range")
    evidence = [
        _state(gap, "the gap holds: the interval of the difference lies below zero",
               "the gap does not hold: the resource-rich CIS median is above", "the data cannot tell a gap: the interval of the difference spans zero"),
        _c3_gap_sentence(h, gap_outcome, east),
        _state(governance, "governance is the difference: it explains more than resources and adds to a former-USSR indicator",
               "governance is not the difference: resources explain more, or among the CIS states better governance goes with worse outcomes",
               "the data cannot tell governance from the rest of the Soviet past: it explains more than resources, but adds nothing significant to a former-USSR indicator"),
        *(_c3_governance_sentence(h, o) for o in governance_outcomes),
        separation,
    ]
    if as_of == "essay":  # as the author saw it: the growth figures the WEO published in 2002 (notebook 10)
        n10, key = "10_real_time", "c3_difference_gdp_index_2000"
        day, revised = h.get(n10, "c3_gap_holds_of_the_day"), h.get(n10, "c3_gap_holds_revised")
        same = None if math.isnan(float(day)) or math.isnan(float(revised)) else day == revised
        evidence.insert(2, f"with the growth figures the IMF published in 2002 the difference is {_f(h.get(n10, f'{key}_of_the_day'))} "
                           f"(90% interval [{_f(h.get(n10, f'{key}_low_of_the_day'))}, {_f(h.get(n10, f'{key}_high_of_the_day'))}]): "
                           + {True: "the author saw the same gap", False: "the figures of the day would judge the gap otherwise",
                              None: "the comparison is not available"}[same])
    if as_of != "essay":
        evidence.insert(0, "judged per capita in the latest year: this asks whether the gap persisted, not the essay's question")
        evidence.insert(3, _c3_gap_sentence(h, level, east).replace("resource-rich CIS minus", "total GDP: resource-rich CIS minus", 1))
    return Judgement(rules.c3_verdict(gap, governance), evidence, _c3_intervals(h, governance_outcomes))
