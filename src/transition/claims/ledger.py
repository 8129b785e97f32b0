"""The claims ledger: every claim of the essay (C1-C10) judged by explicit rules on computed numbers.

The analysis notebooks record their headline numbers in ``results/<notebook>.json``; the rules
below read them and return a verdict — ``supported``, ``contradicted``, ``mixed`` or ``not
testable with these data`` — twice: as of the essay's time, on the headline files of the run with
the data observed to 2002 only (``runs/as_of_2002/``, :data:`ESSAY_RESULTS_DIR`), and with the
latest data. Each judgement carries the intervals of the numbers it tests (:mod:`transition.claims.intervals`). Every threshold a rule uses is a named constant here; no verdict is typed by hand.

Examples
--------
>>> headlines = load_headlines()                       # doctest: +SKIP
>>> table = build_ledger(headlines, lang="en")         # doctest: +SKIP
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from transition.claims import intervals as cited_intervals
from transition.paths import ESSAY_RESULTS_DIR, PROJECT_ROOT, RESULTS_DIR  # noqa: F401 (ESSAY_RESULTS_DIR: the ledger's)
from transition.present.labels import translate

from transition.claims import rules  # noqa: E402
from transition.claims.rules import (  # noqa: E402, F401 (the ledger's vocabulary, re-exported)
    ALPHA,
    C1_CONTRADICT_SHARE,
    C1_SUPPORT_SHARE,
    C2_LOSS_INDEX,
    C3_GOVERNANCE_SHARE,
    C5_MAJORITY_SHARE,
    C5_MANUFACTURES_BELOW,
    C5_PROCESSED_ABOVE,
    C5_RAW_RATIO,
    C8_MIN_BLOCS,
    C9_CORE_SHARE,
    C9_REFORM_STEP,
    C10_LONG_YEARS,
    C10_SHORT_YEARS,
    CIS_COUNT,
    CONTRADICTED,
    INCONCLUSIVE,
    MIXED,
    NO_DATA,
    SUPPORTED,
    TOO_EARLY,
    VERDICTS,
    c1_verdict,
)

# ---- what the rules read (thresholds: transition.claims.rules) ----------------------------------------
#: C1: the datings of the EBRD areas the rule is also applied to (notebook 01's ``c1_*_<dating>_<year>`` headlines);
#: the verdict itself is the first's (one EBRD threshold), the evidence counts the verdicts of all.
from transition.analysis.sequencing import DATINGS as C1_DATINGS  # noqa: E402
from transition.data import vocabulary  # noqa: E402
#: C2: notebook 02's liberalization-institutions gap that keeps every country (mean over 1990-95 of
#: liberalization minus institutions, ``loss_mechanism.EVERY_COUNTRY_GAP``): the mechanism's test.
C2_MECHANISM_GAP = "gap_1990_1995"
#: C3 compares notebook 05's resource-rich CIS with resource-poor "Eastern Europe" as the essay means it
#: (Central and South-East Europe; the Baltic variants are shown beside). As of the essay the gap holds
#: when the 90% bootstrap interval of the rich-minus-poor difference of median real GDP indices (the last
#: level year up to C3_ESSAY_YEAR) lies below zero; with the latest data the question is another one —
#: whether the gap persists — judged per capita in the latest level year (population grew in Central Asia
#: and fell in the Baltics and South-East Europe, so total GDP mixes output with demography).
#: Governance: :func:`transition.claims.rules.c3_governance`, on the early-governance-free index.
from transition.analysis.resources import EARLY_GOVERNANCE_PERIOD as C3_EARLY_GOVERNANCE  # noqa: E402
from transition.data.vocabulary import ESSAY_YEAR as C3_ESSAY_YEAR  # noqa: E402
#: C6: the essay's shares of exports (Russia, Ukraine, Kazakhstan, %), the tolerance for a match
#: (percentage points), the range for each other country and the share of them that must fall in it.
C6_ESSAY_SHARES = {"rus": 76.0, "ukr": 10.0, "kaz": 5.0}
C6_TOLERANCE_PP, C6_OTHER_RANGE, C6_OTHER_SHARE = 5.0, (0.3, 3.0), 0.75
#: C6: exports "increased in almost all" when at least this share of CIS countries' export volumes grew
#: and at least this many of the essay's three exceptions (KGZ, TJK, UKR) did not grow.
C6_GREW_SHARE, C6_EXCEPTIONS_CONFIRMED = 0.6, 2
#: C10: "as of the essay" observes the agreements up to the end of this year (notebook 07's as-of headlines).
from transition.data.vocabulary import ESSAY_YEAR  # noqa: E402

#: C4: the old ties "broke" when the median CIS country's share of trade with the other former republics
#: fell by at least this many percentage points (from its first complete year of COW data); relations were
#: "rebuilt" as interstate trade, not abandoned, when that median share still is at least C4_MAJOR_SHARE (%).
C4_FALL_PP, C4_MAJOR_SHARE = 10.0, 20.0
#: C7: Russia is Kazakhstan's main partner when it ranks first by total trade in at least this share of the
#: years judged (years with a recorded zero or a customs-union break left out): through 2002 as of the
#: essay, the last C7_RECENT_YEARS such years with the latest data.
C7_FIRST_SHARE, C7_RECENT_YEARS = 2 / 3, 3
#: C7: Kazakhstan "lowered tariffs" when its latest applied weighted-mean tariff is at least this many
#: percentage points below the first year of data (2004); before 2004 there are none (not testable).
C7_TARIFF_CUT_PP = 0.5

@dataclass
class Judgement:
    """A verdict and the numbers behind it (one sentence per piece of evidence)."""

    verdict: str
    evidence: list[str]
    #: Intervals (bootstrap or analytical) of the numbers the evidence cites, one sentence each.
    intervals: list[str] = field(default_factory=list)


class Headlines:
    """Headline numbers of the analysis notebooks, with a record of what a rule asked for and lacked."""

    def __init__(self, by_notebook: dict[str, dict]) -> None:
        self.by_notebook = by_notebook
        self.missing: list[str] = []

    def get(self, notebook: str, key: str):
        entry = self.by_notebook.get(notebook, {}).get(key)
        if entry is None or entry.get("value") is None:
            self.missing.append(f"{notebook}:{key}")
            return math.nan
        return entry["value"]

    def latest_key(self, notebook: str, pattern: str) -> str | None:
        """The key matching ``pattern`` (with one ``(\\d{4})`` group) with the largest year."""
        found = [(int(m.group(1)), key) for key in self.by_notebook.get(notebook, {})
                 if (m := re.fullmatch(pattern, key))]
        return max(found)[1] if found else None


#: The run that judges the claims "as of the essay" (:data:`transition.paths.ESSAY_RESULTS_DIR`): notebooks
#: 01-08 with ``as_of`` = the essay's year, every observation after it dropped before anything is computed
#: (``make notebooks`` runs it first: ``transition run 01 02 03 04 05 06 07 08 --name as_of_2002 -p as_of=2002``);
#: its headline files are committed.


def load_headlines(results_dir: str | Path | None = None) -> Headlines:
    """Read every ``<notebook>.json`` headline file of a results folder (default ``results/``)."""
    folder = Path(results_dir) if results_dir else RESULTS_DIR
    if not folder.is_absolute():  # like Outputs: relative to the project, not to notebooks/
        folder = PROJECT_ROOT / folder
    files = sorted(p for p in folder.glob("[0-9][0-9]_*.json")
                   if not p.name.endswith(".untranslated.json") and not p.name.startswith("00_"))  # not the ledger's own
    return Headlines({path.stem: json.loads(path.read_text(encoding="utf-8")) for path in files})


_f = cited_intervals.number_text  # one way to write a cited number ("n/a" when missing)


def _i(value) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else str(int(value))


def _both(first: bool | None, second: bool | None) -> str:
    """Two parts of a claim (True, False or None: cannot tell): :func:`transition.claims.rules.combine`."""
    return rules.combine(first, second)


# ---- the rules (their verdicts: transition.claims.rules; here the numbers they read and the evidence) ----
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


def _state(part: bool | None, holds: str, fails: str, unknown: str) -> str:
    return holds if part is True else fails if part is False else unknown


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
    if as_of != "essay":
        evidence.insert(0, "judged per capita in the latest year: this asks whether the gap persisted, not the essay's question")
        evidence.insert(3, _c3_gap_sentence(h, level, east).replace("resource-rich CIS minus", "total GDP: resource-rich CIS minus", 1))
    return Judgement(rules.c3_verdict(gap, governance), evidence, _c3_intervals(h, governance_outcomes))


def judge_c4(h: Headlines, as_of: str) -> Judgement:
    nb = "08_trade_partners"
    when = "2002" if as_of == "essay" else "latest"
    fall, end = h.get(nb, f"cis_median_fall_to_{when}_pp"), h.get(nb, f"cis_median_share_fsu_{when}_pct")
    fell, n = h.get(nb, f"cis_count_fell_to_{when}"), h.get(nb, "cis_count")
    year = "2002" if as_of == "essay" else _i(h.get(nb, "shares_latest_year"))
    return Judgement(_both(fall >= C4_FALL_PP, end >= C4_MAJOR_SHARE), [
        f"median CIS share of trade with the other former republics: {_f(h.get(nb, 'cis_median_share_fsu_start_pct'))}% "
        f"in the first complete year ({_i(h.get(nb, 'cis_first_complete_year_min'))}-{_i(h.get(nb, 'cis_first_complete_year_max'))}), "
        f"{_f(end)}% in {year}; median fall {_f(fall)} percentage points, lower in {_i(fell)} of {_i(n)} CIS countries",
        f"Russia's median share of a CIS country's trade {_f(h.get(nb, f'cis_median_share_russia_{when}_pct'))}%, "
        f"the EU's {_f(h.get(nb, f'cis_median_share_eu_{when}_pct'))}%, China's {_f(h.get(nb, f'cis_median_share_china_{when}_pct'))}%; "
        f"Baltic median share with the former republics {_f(h.get(nb, f'baltic_median_share_fsu_{when}_pct'))}%, "
        f"with the EU {_f(h.get(nb, f'baltic_median_share_eu_{when}_pct'))}%",
        "COW flows start in 1992, after the union's own ties had already loosened, and most flows among the "
        "former republics are recorded as 0 in 1992-93 (treated as missing); 'market principles' cannot be seen in trade flows",
    ])


def judge_c7(h: Headlines, as_of: str) -> Judgement:
    nb = "08_trade_partners"
    window = "to_2002" if as_of == "essay" else "recent"
    first, years = h.get(nb, f"kaz_years_russia_first_{window}"), h.get(nb, f"kaz_years_judged_{window}")
    main = years > 0 and first / years >= C7_FIRST_SHARE - 1e-9
    when = "2002" if as_of == "essay" else "latest"
    evidence = [f"Russia ranks first in Kazakhstan's total trade in {_i(first)} of {_i(years)} years "
                f"({_i(h.get(nb, f'kaz_first_year_judged_{window}'))}-{_i(h.get(nb, f'kaz_last_year_judged_{window}'))}); "
                f"in {'2002' if as_of == 'essay' else _i(h.get(nb, 'kaz_latest_year'))} Russia's share is "
                f"{_f(h.get(nb, f'kaz_russia_share_{when}_pct'))}% (rank {_i(h.get(nb, f'kaz_russia_rank_{when}'))}), "
                f"China's {_f(h.get(nb, f'kaz_china_share_{when}_pct'))}%, the EU's {_f(h.get(nb, f'kaz_eu_share_{when}_pct'))}%"]
    if as_of == "essay":  # the tariff part cannot be tested: the verdict rests on the partner part
        evidence.append("no tariff data for Kazakhstan before 2004: the tariff part is not testable, the verdict rests on the partner part")
        return Judgement(SUPPORTED if main else CONTRADICTED, evidence)
    first_tariff, latest = h.get(nb, "kaz_tariff_applied_2004"), h.get(nb, "kaz_tariff_applied_latest")
    lowered = latest <= first_tariff - C7_TARIFF_CUT_PP
    evidence.append(f"applied weighted-mean tariff {_f(first_tariff, 2)}% in 2004, {_f(h.get(nb, 'kaz_tariff_applied_2010'), 2)}% "
                    f"in 2010 (customs union), {_f(h.get(nb, 'kaz_tariff_applied_2015'), 2)}% in 2015 (WTO), {_f(latest, 2)}% in "
                    f"{_i(h.get(nb, 'kaz_tariff_latest_year'))}; MFN {_f(h.get(nb, 'kaz_tariff_mfn_2004'), 2)}%, "
                    f"{_f(h.get(nb, 'kaz_tariff_mfn_2010'), 2)}%, {_f(h.get(nb, 'kaz_tariff_mfn_2015'), 2)}%, "
                    f"{_f(h.get(nb, 'kaz_tariff_mfn_latest'), 2)}%")
    evidence.append("the 1990s tariff cuts the essay describes are before the data; whether tariffs changed 'to trade more with Russia' is not observable")
    return Judgement(_both(main, lowered), evidence)


def judge_c5(h: Headlines, as_of: str) -> Judgement:
    nb = "06_trade_structure"
    when = "early" if as_of == "essay" else "latest"
    manuf = h.get(nb, f"cis_median_manufactures_export_share_{when}")
    raw_cis, raw_cee = h.get(nb, f"cis_median_fuel_ores_export_share_{when}"), h.get(nb, f"cee_median_fuel_ores_export_share_{when}")
    exports_raw = rules.c5_exports_raw(manuf, raw_cis, raw_cee)
    if as_of == "essay":
        majority, known = h.get(nb, "cis_count_processed_imports_majority"), h.get(nb, "cis_count_processed_imports_known")
        imports_processed = known > 0 and majority / known >= C5_MAJORITY_SHARE
        imports_text = f"manufactures + food exceed half of merchandise imports in {_i(majority)} of {_i(known)} CIS countries"
    else:
        processed = h.get(nb, "cis_median_processed_import_share_latest")
        imports_processed = processed > C5_PROCESSED_ABOVE
        imports_text = (f"manufactures + food are {_f(processed)}% of the median CIS country's merchandise imports "
                        f"({_i(h.get(nb, 'processed_import_share_latest_year'))})")
    return Judgement(rules.c5_verdict(exports_raw, imports_processed), [
        f"median CIS manufactures share of merchandise exports {_f(manuf)}%; fuel + ores & metals "
        f"{_f(raw_cis)}% vs {_f(raw_cee)}% in Central Europe & Baltics",
        imports_text,
        f"Economic Complexity Index, median: CIS {_f(h.get(nb, f'cis_median_eci_{when}'), 2)}, "
        f"Central Europe & Baltics {_f(h.get(nb, f'cee_median_eci_{when}'), 2)}",
    ])


def judge_c6(h: Headlines, as_of: str) -> Judgement:
    nb = "06_trade_structure"
    period = "essay_period" if as_of == "essay" else "latest_period"
    shares = {c: h.get(nb, f"{c}_share_{period}") for c in C6_ESSAY_SHARES}
    close = all(abs(shares[c] - target) <= C6_TOLERANCE_PP for c, target in C6_ESSAY_SHARES.items())
    in_range, others = h.get(nb, f"other_cis_in_essay_range_{period}"), h.get(nb, f"other_cis_count_{period}")
    largest_other = h.get(nb, f"other_cis_largest_share_{period}")
    ranked = shares["rus"] > shares["ukr"] > shares["kaz"] > largest_other
    shares_hold = close and others > 0 and in_range / others >= C6_OTHER_SHARE
    period_text = (f"{_i(h.get(nb, 'essay_period_first_year'))}-{_i(h.get(nb, 'essay_period_last_year'))}"
                   if as_of == "essay" else "latest period")
    grew, known = h.get(nb, "cis_count_exports_grew_volume"), h.get(nb, "cis_count_exports_growth_known_volume")
    exceptions = h.get(nb, "essay_exceptions_not_grown_volume")
    growth_holds = known > 0 and grew / known >= C6_GREW_SHARE and exceptions >= C6_EXCEPTIONS_CONFIRMED
    verdict = _both(shares_hold, growth_holds)
    if verdict == CONTRADICTED and ranked:
        verdict = MIXED  # the ranking of exporters is right even where the levels are off
    if as_of == "essay" and h.get(nb, "essay_period_last_year") > ESSAY_YEAR:
        return Judgement(NO_DATA, [f"the export-share period compared with the essay ends after {ESSAY_YEAR}: "
                                      "run notebook 06 with a first period that ends by then"])
    return Judgement(verdict, [
        f"share of total CIS exports of goods and services ({period_text}): "
        f"Russia {_f(shares['rus'])}% (essay 76%), Ukraine {_f(shares['ukr'])}% (10%), "
        f"Kazakhstan {_f(shares['kaz'])}% (5%); {_i(in_range)} of {_i(others)} others within 0.3-3%",
        f"export volumes grew 1993-2002 in {_i(grew)} of {_i(known)} CIS countries; "
        f"{_i(exceptions)} of the essay's 3 exceptions did not grow",
        "the data measure total exports, the essay exports outside the CIS",
    ])


def judge_c8(h: Headlines, as_of: str) -> Judgement:
    nb = "07_integration"
    when = "2002" if as_of == "essay" else "latest"
    blocs, largest = h.get(nb, f"n_blocs_cis_{when}"), h.get(nb, f"largest_subregional_bloc_{when}")
    return Judgement(rules.c8_verdict(blocs, largest), [
        f"{_i(blocs)} blocs active among the 12 CIS countries in {'2002' if as_of == 'essay' else 'the latest year'}; "
        f"the largest sub-regional bloc has {_i(largest)} members; "
        f"{_i(h.get(nb, f'n_overlapping_cis_{when}'))} countries belong to two or more",
    ])


def judge_c9(h: Headlines, as_of: str) -> Judgement:
    """C9. As of the essay: Russia's share of CIS GDP, Kazakhstan's of the Central Asian bloc's, and whether the
    EurAsEC members of 2002 were the better reformed (EBRD 2002). With the latest data, as a forecast: whether
    the members of the EAEU of 2015 were the better reformed before they moved (EBRD 2006, the last year)."""
    nb = "07_integration"
    if as_of == "essay":
        rus, kaz = h.get(nb, "rus_share_cis_2002_pct"), h.get(nb, "kaz_share_caco_2002_pct")
        kaz_text = (f"Kazakhstan {_f(kaz)}% of Central Asian Cooperation Organization GDP (2002; "
                    f"{_f(h.get(nb, 'kaz_share_caco_2002_pct_ppp_pwt'))}% at PPP, PWT)")
        key = f"ebrd_average_{ESSAY_YEAR}_difference_eurasec_vs_cis_outside_{ESSAY_YEAR}"
        lead_text = (f"median EBRD average in {ESSAY_YEAR}: EurAsEC members {_f(h.get(nb, f'ebrd_average_{ESSAY_YEAR}_median_eurasec_{ESSAY_YEAR}'), 2)}, "
                     f"other CIS {_f(h.get(nb, f'ebrd_average_{ESSAY_YEAR}_median_cis_outside_eurasec_{ESSAY_YEAR}'), 2)}")
    else:
        rus, kaz = h.get(nb, "rus_share_eaeu_latest_pct"), math.nan  # no Central Asian bloc exists any more
        kaz_text = (f"no Central Asian bloc remains (CACO merged into EurAsEC); Kazakhstan has "
                    f"{_f(h.get(nb, 'kaz_share_eaeu_latest_pct'))}% of EAEU GDP")
        year = vocabulary.EBRD_LAST_YEAR
        key = f"ebrd_average_{year}_difference_eaeu_2015_vs_cis_outside"
        lead_text = (f"as a forecast: between EurAsEC {ESSAY_YEAR} and the EAEU of 2015 "
                     f"{_i(h.get(nb, 'cis_moved_toward_eaeu_2015'))} CIS states moved toward the core, "
                     f"{_i(h.get(nb, 'cis_moved_away_eaeu_2015'))} away, {_i(h.get(nb, 'cis_stayed_in_eaeu_2015'))} stayed in, "
                     f"{_i(h.get(nb, 'cis_stayed_out_eaeu_2015'))} stayed out; in {year}, before the moves, the later members "
                     f"led the others by {_f(h.get(nb, key), 2)} EBRD points (EBRD data end in {year})")
    estimate = (h.get(nb, f"ebrd_average_{ESSAY_YEAR}_median_eurasec_{ESSAY_YEAR}")
                - h.get(nb, f"ebrd_average_{ESSAY_YEAR}_median_cis_outside_eurasec_{ESSAY_YEAR}")) if as_of == "essay" else h.get(nb, key)
    lead = rules.c9_reform_lead(estimate, h.get(nb, f"{key}_low"), h.get(nb, f"{key}_high"))
    verdict = rules.c9_verdict(rus, None if math.isnan(kaz) else kaz, lead)
    return Judgement(verdict, [
        f"Russia {_f(rus)}% of {'CIS' if as_of == 'essay' else 'EAEU'} GDP; {kaz_text}",
        lead_text + f" (90% interval [{_f(h.get(nb, f'{key}_low'), 2)}, {_f(h.get(nb, f'{key}_high'), 2)}], "
                    f"one EBRD step = {_f(C9_REFORM_STEP, 2)}; groups this small detect only a difference of about "
                    f"{_f(h.get(nb, key.replace('_difference_', '_mde_')), 2)} with 80% power)",
        _state(lead, "membership tracks reform", "membership does not track reform",
               "the data cannot tell whether membership tracks reform: the interval spans one EBRD step"),
    ])


def judge_c10(h: Headlines, as_of: str) -> Judgement:
    """"Building a Eurasian union will take long" on the median years from agreement to working union
    (:func:`transition.claims.rules.c10_verdict`). Agreements still open at the as-of date count with the
    time waited so far, so the median is then a lower bound: "too early" says which verdicts it already
    excludes. The recommendation (study the EU) is not a statement of fact."""
    nb, when = "07_integration", str(ESSAY_YEAR) if as_of == "essay" else "latest"
    median, steps = h.get(nb, f"eurasian_union_median_years_{when}"), h.get(nb, f"eurasian_union_steps_{when}")
    done, eu = h.get(nb, f"eurasian_union_completed_{when}"), h.get(nb, "eu_step_median_years")
    verdict = rules.c10_verdict(median, steps, done)
    waiting = ([f"agreements not yet working count with the years waited so far (longest "
                f"{_f(h.get(nb, f'eurasian_union_longest_open_years_{when}'))})"] if done < steps else [])
    if verdict == rules.TOO_EARLY:
        excluded = "contradicted and mixed are excluded" if median >= C10_SHORT_YEARS else "no verdict is excluded yet"
        waiting.insert(0, f"too early: the median is at least {_f(median)} years and still growing; {excluded}")
    return Judgement(verdict, [
        f"median years from a Eurasian agreement to a working union: {_f(median)} ({_i(done)} of {_i(steps)} "
        f"agreements working by {ESSAY_YEAR if as_of == 'essay' else 'now'})",
        *waiting,
        f"the EU's steps (Treaty of Rome to customs union, Single European Act to single market, Maastricht to euro): "
        f"median {_f(eu)} years",
        "the recommendation (study the EU's experience) is not a statement of fact: not testable",
    ])


#: claim id → (claim in English, claim in Russian, rule, notebooks, figures)
CLAIMS = {
    "C1": ("All new states reformed along one scenario: liberalization → stabilization → legal and organizational infrastructure → privatization.",
           "Все новые государства реформировались по одному сценарию: либерализация → стабилизация → правовая и организационная инфраструктура → приватизация.",
           judge_c1, ["01_reform_sequencing", "03_stabilization"], ["01_order_frequencies.png", "01_pairwise_order.png"]),
    "C2": ("The CIS liberalized without a preparatory legal basis; as a result no CIS country avoided substantial output losses.",
           "СНГ начало с либерализации без подготовки правовой базы; поэтому ни одна страна СНГ не избежала значительных потерь.",
           judge_c2, ["01_reform_sequencing", "02_output_paths", "04_reforms_and_growth"], ["02_trough_vs_gap.png", "02_output_paths_by_group.png"]),
    "C3": ("The resource-rich CIS was only emerging from crisis while resource-poor Eastern Europe grew; the difference is the quality of governance.",
           "Богатое ресурсами СНГ лишь выходило из кризиса, когда бедная ресурсами Восточная Европа росла; разница — в качестве управления.",
           judge_c3, ["02_output_paths", "05_resources_vs_governance"], ["02_output_paths_by_group.png", "05_r2_decomposition.png"]),
    "C4": ("The old union ties broke and relations among the republics were rebuilt on market principles as interstate relations.",
           "Старые союзные связи разорваны; отношения между республиками перестроены на рыночной основе как межгосударственные.",
           judge_c4, ["08_trade_partners"], ["08_intra_fsu_share.png"]),
    "C5": ("CIS exports rest on extractive industries and low-processed goods; imports are mainly highly processed goods.",
           "Экспорт СНГ опирается на добывающие отрасли и товары низкой степени переработки; импорт — в основном товары высокой переработки.",
           judge_c5, ["06_trade_structure"], ["06_trade_structure_by_group.png"]),
    "C6": ("Almost all CIS countries but Kyrgyzstan, Tajikistan and Ukraine increased exports; Russia 76%, Ukraine 10%, Kazakhstan 5% of CIS exports, each other 0.3-3%.",
           "Почти все страны СНГ, кроме Кыргызстана, Таджикистана и Украины, нарастили экспорт; Россия 76%, Украина 10%, Казахстан 5% экспорта СНГ, остальные по 0,3-3%.",
           judge_c6, ["06_trade_structure"], ["06_cis_export_shares.png"]),
    "C7": ("Russia is Kazakhstan's main trading partner; Kazakhstan lowered import tariffs to trade more with Russia.",
           "Россия — главный торговый партнёр Казахстана; Казахстан снизил импортные пошлины ради торговли с Россией.",
           judge_c7, ["08_trade_partners"], ["08_kazakhstan_partners.png", "08_kazakhstan_tariffs.png"]),
    "C8": ("Integration no longer covers the post-Soviet space as a whole; it proceeds by regions and groups.",
           "Интеграция уже не охватывает всё постсоветское пространство, а идёт по регионам и группам.",
           judge_c8, ["07_integration"], ["07_bloc_timeline.png", "07_fragmentation.png"]),
    "C9": ("States move, as they reform, through concentric circles toward the cores: Kazakhstan in Central Asia, Russia in the post-Soviet space.",
           "По мере реформ государства движутся концентрическими кругами к ядрам: Казахстану в Центральной Азии, России на постсоветском пространстве.",
           judge_c9, ["07_integration"], ["07_core_shares.png"]),
    "C10": ("Building a Eurasian union will take long; the experience of the EU should be studied.",
            "Создание евразийского союза займёт много времени; следует изучать опыт ЕС.",
            judge_c10, ["07_integration"], ["07_eu_comparison.png"]),
}


def load_multiverse_summary(results_dir: str | Path | None = None) -> pd.DataFrame | None:
    """``multiverse_summary.csv`` of a results folder (default ``results/``), or None when absent."""
    folder = Path(results_dir) if results_dir else RESULTS_DIR
    path = (folder if folder.is_absolute() else PROJECT_ROOT / folder) / "multiverse_summary.csv"
    return pd.read_csv(path, dtype={"as_of": str}) if path.exists() else None


def load_multiverse_tables(results_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every ``multiverse_<claim>.csv`` of a results folder (claim → table; empty without a multiverse)."""
    folder = Path(results_dir) if results_dir else RESULTS_DIR
    folder = folder if folder.is_absolute() else PROJECT_ROOT / folder
    tables = {}
    for claim_id in CLAIMS:
        path = folder / f"multiverse_{claim_id}.csv"
        if path.exists():
            tables[claim_id] = pd.read_csv(path, dtype={"as_of": str})
    return tables


def load_joint_tests(results_dir: str | Path | None = None) -> pd.DataFrame | None:
    """``multiverse_joint_tests.csv`` of a results folder, or None when absent."""
    folder = Path(results_dir) if results_dir else RESULTS_DIR
    path = (folder if folder.is_absolute() else PROJECT_ROOT / folder) / "multiverse_joint_tests.csv"
    return pd.read_csv(path) if path.exists() else None


def flips_cell(tables: dict[str, pd.DataFrame], claim_id: str, as_of: str, lang: str = "en") -> str:
    """The single choices that flip ``claim_id``'s default verdict (``as_of``: "latest" or the essay's year)."""
    from transition.claims import flips, spaces  # the spaces import the analysis; only the ledger's build needs them

    if claim_id not in tables or claim_id not in spaces.SPACES:
        return ""
    found = flips.single_flips(tables[claim_id], spaces.SPACES[claim_id], str(as_of))
    if not found:
        return translate("no single choice flips the verdict", lang)
    return "; ".join(f"{name} = {value} → {translate(verdict, lang)}" for name, value, verdict in found)


def joint_test_cell(tests: pd.DataFrame | None, claim_id: str, lang: str = "en") -> str:
    """'p = 0.43 for the median, 0.98 for the share significant (1,000 permutations of 1,536 specifications)'."""
    if tests is None or claim_id not in set(tests["claim"]):
        return ""
    row = tests[tests["claim"] == claim_id].iloc[0]
    text = (f"p = {_f(row['p_median'], 3)} for the median estimate, {_f(row['p_share_significant'], 3)} for the share "
            f"significant ({int(row['n_permutations']):,} permutations of {int(row['n_specifications']):,} specifications)")
    return translate(text, lang)


def robustness_text(summary: pd.DataFrame | None, claim_id: str, as_of: str, lang: str = "en") -> str:
    """'contradicted in 97% of 2,304 specifications': how often the multiverse of ``claim_id`` gives its
    default specification's verdict (``as_of``: "latest" or the essay's year); empty without a multiverse."""
    if summary is None or summary.empty:
        return ""
    rows = summary[(summary["claim"] == claim_id) & (summary["as_of"].astype(str) == str(as_of))]
    if rows.empty or rows["default_verdict"].isna().all():
        return ""
    verdict = rows["default_verdict"].dropna().iloc[0]
    share = rows.loc[rows["verdict"] == verdict, "share"].sum()
    text = f"{verdict} in {100 * share:.0f}% of {int(rows['n_total'].iloc[0]):,} specifications"
    return translate(text, lang)


def thresholds(claim_id: str, as_of: str, h: Headlines) -> list[tuple[str, str, float, str]]:
    """(notebook, headline key, threshold, what) of each cited number a rule compares with a threshold."""
    when, early = ("2002", "early") if as_of == "essay" else ("latest", "latest")
    level, _growth, per_capita = _c3_outcomes(h, as_of)
    n05 = "05_resources_vs_governance"
    gap_outcome = level if as_of == "essay" else per_capita
    return {
        "C3": [(n05, f"difference_{gap_outcome}_rich_cis_vs_poor_{C3_EAST}", 0.0, "the rich-minus-poor difference")],
        "C4": [("08_trade_partners", f"cis_median_fall_to_{when}_pp", C4_FALL_PP, "the CIS median fall"),
               ("08_trade_partners", f"cis_median_share_fsu_{when}_pct", C4_MAJOR_SHARE, "the CIS median share")],
        "C5": [("06_trade_structure", f"cis_median_manufactures_export_share_{early}", C5_MANUFACTURES_BELOW,
                "the CIS median manufactures share")],
        "C9": [("07_integration", f"ebrd_average_{ESSAY_YEAR}_difference_eurasec_vs_cis_outside_{ESSAY_YEAR}"
                if as_of == "essay" else f"ebrd_average_{vocabulary.EBRD_LAST_YEAR}_difference_eaeu_2015_vs_cis_outside",
                C9_REFORM_STEP, "the members' lead")],
    }.get(claim_id, [])


def build_ledger(headlines: Headlines, lang: str = "en", multiverse: pd.DataFrame | None = None,
                 essay_headlines: Headlines | None = None, multiverse_tables: dict[str, pd.DataFrame] | None = None,
                 joint_tests: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per claim: verdicts as of the essay and with the latest data, evidence, notebooks, figures,
    and (given the multiverse summary) how robust each verdict is across the claim's specifications.

    ``essay_headlines``: the headline files of the run observed only to the essay's year
    (:data:`ESSAY_RESULTS_DIR`), on which the "as of the essay" column is judged; without them, that
    column is judged on ``headlines`` (the notebooks' own as-of-2002 numbers). ``multiverse_tables``
    (:func:`load_multiverse_tables`) give the single choices that flip each default verdict, and
    ``joint_tests`` (:func:`load_joint_tests`) each claim's joint test over its whole space."""
    rows = []
    essay_headlines = headlines if essay_headlines is None else essay_headlines
    for claim_id, (claim_en, claim_ru, rule, notebooks, figures) in CLAIMS.items():
        essay, latest = rule(essay_headlines, "essay"), rule(headlines, "latest")
        essay.intervals += cited_intervals.sentences(claim_id, essay_headlines, "essay", thresholds(claim_id, "essay", essay_headlines))
        latest.intervals += cited_intervals.sentences(claim_id, headlines, "latest", thresholds(claim_id, "latest", headlines))
        essay_text = "; ".join(translate(e, lang) for e in essay.evidence)
        latest_text = "; ".join(translate(e, lang) for e in latest.evidence if e not in essay.evidence)
        evidence = essay_text + (f". {translate('Latest data:', lang)} {latest_text}" if latest_text else "")
        intervals = {when: "; ".join(translate(i, lang) for i in judgement.intervals)
                     for when, judgement in (("asof_essay", essay), ("latest", latest))}
        rows.append({
            "claim_id": claim_id, "claim": claim_ru if lang == "ru" else claim_en,
            "verdict_asof_essay": essay.verdict, "verdict_latest": latest.verdict,
            "changed": essay.verdict != latest.verdict,
            "evidence": evidence, "notebooks": ";".join(notebooks), "figures": ";".join(figures),
            "intervals_asof_essay": intervals["asof_essay"], "intervals_latest": intervals["latest"],
            "robustness_asof_essay": robustness_text(multiverse, claim_id, str(ESSAY_YEAR), lang),
            "robustness_latest": robustness_text(multiverse, claim_id, "latest", lang),
            "flips_asof_essay": flips_cell(multiverse_tables or {}, claim_id, str(ESSAY_YEAR), lang),
            "flips_latest": flips_cell(multiverse_tables or {}, claim_id, "latest", lang),
            "joint_test": joint_test_cell(joint_tests, claim_id, lang),
        })
    return pd.DataFrame(rows)


def thresholds_markdown(lang: str = "en") -> str:
    """The thresholds of the verdict rules, as a Markdown list read from this module's constants."""
    items = [
        f"C1: supported if at least {C1_SUPPORT_SHARE:.0%} of the former Soviet states (the essay's new independent states; Mongolia and Eastern Europe as variants) reach the four areas in the essay's order, contradicted below {C1_CONTRADICT_SHARE:.0%}; an area that never reaches the threshold is censored, and a concordance reading (Kendall's tau with the essay's order) is shown beside the rule",
        f"C2: a substantial loss is a trough below {C2_LOSS_INDEX:g} (1989 = 100; Barro & Ursúa 2008); the mechanism needs a significant (p < {ALPHA}) association with the claimed sign",
        "C1: the rule is also applied under each dating of the reform areas (one EBRD threshold, each area's own range, each area's scale) and set against chance (a random order of four areas matches 1 time in 24)",
        "C2: the mechanism is tested on the liberalization-institutions gap that keeps every country (mean over 1990-95 of liberalization minus institutions); the gap dated from liberalization, which drops the non-liberalizers, is reported beside it",
        f"C3: the gap holds when the 90% bootstrap interval of the resource-rich CIS median minus the resource-poor Eastern European median (Central and South-East Europe, as the essay uses the term) lies below zero: the real GDP index of 2000 as of the essay, per capita in the latest year with the latest data (whether the gap persisted); governance is the difference when its Shapley share of R² exceeds {C3_GOVERNANCE_SHARE:g} and it adds significantly (p < {ALPHA}) to a former-USSR indicator, and is not when resources explain more or, among the CIS states alone, better governance goes with significantly worse outcomes",
        f"C5: exports rest on raw materials when the median CIS manufactures share is below {C5_MANUFACTURES_BELOW:g}% and fuel + ores are at least {C5_RAW_RATIO:g}× the CEE share; imports are processed when manufactures + food exceed {C5_PROCESSED_ABOVE:g}% in at least {C5_MAJORITY_SHARE:.0%} of CIS countries",
        f"C6: shares match within {C6_TOLERANCE_PP:g} percentage points and {C6_OTHER_SHARE:.0%} of the other countries fall in {C6_OTHER_RANGE[0]}-{C6_OTHER_RANGE[1]}%; exports grew in almost all when at least {C6_GREW_SHARE:.0%} grew and {C6_EXCEPTIONS_CONFIRMED} of the 3 exceptions did not",
        f"C4: the ties broke when the median CIS share of trade with the other former republics fell by at least {C4_FALL_PP:g} percentage points; relations were rebuilt, not abandoned, when that median share is still at least {C4_MAJOR_SHARE:g}%",
        f"C7: Russia is the main partner when it ranks first in at least {C7_FIRST_SHARE:.0%} of the years judged (through 2002; the last {C7_RECENT_YEARS} years with the latest data); tariffs were lowered when the latest applied tariff is at least {C7_TARIFF_CUT_PP:g} points below 2004; a part the data cannot test leaves the verdict to the other part",
        f"C8: at least {C8_MIN_BLOCS} blocs among the CIS countries and none covering all {CIS_COUNT}",
        f"C9: a core holds at least {C9_CORE_SHARE:g}% of bloc GDP; membership tracks reform when the members' median EBRD average leads the other CIS states' by one EBRD step ({C9_REFORM_STEP:.2f}), its 90% interval wholly above it (EurAsEC 2002 in 2002 as of the essay; as a forecast with the latest data, the EAEU members of 2015 in 2006, before they moved)",
        f"C10: building a union takes long when the median agreement needs at least {C10_LONG_YEARS:g} years to work (open agreements count with the years waited, a lower bound); contradicted below {C10_SHORT_YEARS:g} years once every agreement works; too early while agreements are open and the bound is below {C10_LONG_YEARS:g}; the recommendation is not testable",
        "Claims in parts: every part holds → supported; some hold and others fail or cannot be told → mixed; none holds and one fails → contradicted; no part can be told → inconclusive; a forecast whose outcome is still open → too early; data that do not measure the claim → no data",
    ]
    return "\n".join(f"- {translate(item, lang)}" for item in items)


def verdict_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """How many claims get each verdict, as of the essay and with the latest data."""
    counts = {when: ledger[f"verdict_{when}"].value_counts() for when in ("asof_essay", "latest")}
    return pd.DataFrame(counts).reindex(list(VERDICTS)).fillna(0).astype(int)
