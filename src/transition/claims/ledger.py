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

SUPPORTED, CONTRADICTED, MIXED, UNTESTABLE = "supported", "contradicted", "mixed", "not testable with these data"
VERDICTS = (SUPPORTED, MIXED, CONTRADICTED, UNTESTABLE)

# ---- thresholds of the verdict rules (each used in one rule below) ---------------------------------
#: C2: a "substantial" loss is a trough below this (1989 = 100; Barro & Ursúa 2008, defined once in
#: analysis/output.py, the default of notebook 02). "No CIS country avoided" it: the shallowest CIS trough is below.
from transition.analysis.output import SUBSTANTIAL_LOSS_INDEX as C2_LOSS_INDEX  # noqa: E402
#: C1: the scenario is "supported" if at least this share of countries follows it, "contradicted" below the lower share.
C1_SUPPORT_SHARE, C1_CONTRADICT_SHARE = 0.5, 0.2
#: C1: the datings of the EBRD areas the rule is also applied to (notebook 01's ``c1_*_<dating>_<year>`` headlines);
#: the verdict itself is the first's (one EBRD threshold), the evidence counts the verdicts of all.
from transition.analysis.sequencing import DATINGS as C1_DATINGS  # noqa: E402
from transition.data import vocabulary  # noqa: E402
#: C2: notebook 02's liberalization-institutions gap that keeps every country (mean over 1990-95 of
#: liberalization minus institutions, ``loss_mechanism.EVERY_COUNTRY_GAP``): the mechanism's test.
C2_MECHANISM_GAP = "gap_1990_1995"
#: C2, C3, C5, C9: an association counts when significant at this level with the claimed sign.
ALPHA = 0.05
#: C3: a group "emerged from the crisis" when its median real GDP index is back at this level (1989 = 100).
RECOVERED_INDEX = 100.0
#: C3 compares notebook 05's groups: resource-rich CIS vs resource-poor Central Europe & Baltics (the
#: variant with South-East Europe and the per-capita outcomes are shown beside). As of the essay the gap
#: holds when the rich group's median real GDP index (the last level year up to C3_ESSAY_YEAR) is below
#: RECOVERED_INDEX and the poor group's at or above it; with the latest data the question is whether that
#: gap persists: the rich group's median is still below the poor group's in the latest level year.
#: Governance explains the gap when its Shapley share of R² exceeds that of resources for the level
#: outcome (and, as of the essay, for growth over the window ending by then).
from transition.analysis.resources import EARLY_GOVERNANCE_PERIOD as C3_EARLY_GOVERNANCE  # noqa: E402
from transition.data.vocabulary import ESSAY_YEAR as C3_ESSAY_YEAR  # noqa: E402
#: C5: CIS exports rest on raw materials when the median CIS country's manufactures share of merchandise
#: exports is below this and its fuel + ores & metals share is at least this many times the CEE one.
C5_MANUFACTURES_BELOW, C5_RAW_RATIO = 50.0, 2.0
#: C5: imports are "mainly processed" when manufactures + food exceed this share of merchandise imports
#: in at least C5_MAJORITY_SHARE of the CIS countries with data (or for the median country, latest).
C5_PROCESSED_ABOVE, C5_MAJORITY_SHARE = 50.0, 0.75
#: C6: the essay's shares of CIS goods exports to the rest of the world (Russia, Ukraine, Kazakhstan, %; its
#: own figures). A share matches within C6_TOLERANCE_PP points: about the gap between two records of the same
#: exports (Russia's non-CIS share on its own record and on COW's partner-based one differ by about 4 points
#: in 2002, notebook 06). Each other country's share should lie in C6_OTHER_RANGE (the essay's "0.3% to 3%",
#: compared at its precision: analysis.trade.ESSAY_RANGE_DIGITS) for at least C6_OTHER_SHARE of them ("each",
#: read as three in four: one country in four may miss the range without contradicting the claim).
C6_ESSAY_SHARES = {"rus": 76.0, "ukr": 10.0, "kaz": 5.0}
C6_TOLERANCE_PP, C6_OTHER_RANGE, C6_OTHER_SHARE = 5.0, (0.3, 3.0), 0.75
#: C6: exports "increased in almost all" when at least C6_GREW_SHARE of the CIS countries with data grew (the
#: essay names three exceptions among twelve, 75% grew; 60% allows one more non-grower) and at least
#: C6_EXCEPTIONS_CONFIRMED of the essay's three exceptions (KGZ, TJK, UKR) did not grow (most of them).
C6_GREW_SHARE, C6_EXCEPTIONS_CONFIRMED = 0.6, 2
#: C8: integration proceeds by groups when at least this many blocs are active among the CIS countries
#: and no sub-regional bloc covers all twelve.
C8_MIN_BLOCS, CIS_COUNT = 3, 12
#: C9: a core "dominates" a bloc with at least this share of bloc GDP (%); bloc membership "tracks reform"
#: when members' median EBRD average exceeds non-members' by at least one EBRD step (1/3).
C9_CORE_SHARE, C9_REFORM_STEP = 50.0, 1 / 3
#: C10: building a union "takes long" when the median Eurasian agreement needs at least this many years to
#: become a working union: a decade, the order of the EEC Treaty's own 12-year transitional period for its
#: customs union (Art. 8; completed in 11.3 years from signature); "contradicted" below C10_SHORT_YEARS, under
#: the EU's quickest steps (about 7 years: Single European Act → single market, Maastricht → euro).
C10_LONG_YEARS, C10_SHORT_YEARS = 10.0, 5.0
#: C10: "as of the essay" observes the agreements up to the end of this year (notebook 07's as-of headlines).
from transition.data.vocabulary import ESSAY_YEAR  # noqa: E402

#: C4: the old ties "broke" when the median CIS country's share of trade with the other former republics
#: fell by at least this many percentage points from its first complete year of bilateral data (IMF DOTS,
#: 1992-94: after the union's own ties had loosened, so the fall is a lower bound): a tenth of all trade, far
#: beyond year-to-year noise. Relations were "rebuilt" as interstate trade, not abandoned, when that median
#: share is still at least C4_MAJOR_SHARE (%): a fifth of a country's trade, a main partner group by any measure.
C4_FALL_PP, C4_MAJOR_SHARE = 10.0, 20.0
#: C7: Russia is Kazakhstan's main partner on one record of the flows (Kazakhstan's own; its partners') when
#: it leads the largest other partner by more than C7_TIE_PP points of Kazakhstan's total trade in at least
#: C7_FIRST_SHARE of the decided years (years within the band are ties: evidence for neither), through 2002 as
#: of the essay and over the whole post-2002 series with the latest data (incomplete and customs-union break
#: years left out); it is not when another partner leads in that share; both records must agree.
C7_FIRST_SHARE = 2 / 3
#: C7: the tie band. The two records of one flow differ by the cost of freight and insurance alone by 6% of its
#: value (the IMF's CIF/FOB factor 1.06: IMF, Direction of Trade Statistics Yearbook 2017, introduction), 1.2
#: points of a 20% share, the size of Russia's and China's after 2005; rounded up to 2 points for the other
#: asymmetries (timing, transit, re-exports). Notebook 08 reports the median gap between the two records.
C7_TIE_PP = 2.0

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


def _both(first: bool, second: bool) -> str:
    """Two parts of a claim: both hold → supported, one → mixed, none → contradicted."""
    return SUPPORTED if first and second else MIXED if first or second else CONTRADICTED


# ---- the rules --------------------------------------------------------------------------------------
def c1_verdict(share: float) -> str:
    """C1's rule on the share of countries that follow the essay's order."""
    return SUPPORTED if share >= C1_SUPPORT_SHARE else CONTRADICTED if share < C1_CONTRADICT_SHARE else MIXED


def _c1_datings(h: Headlines, n, year: int) -> list[str]:
    """Evidence on C1 under every dating of :data:`C1_DATINGS`: counts, chance, verdicts."""
    nb = "01_reform_sequencing"
    follows = [h.get(nb, f"c1_n_follow_{d}_{year}") for d in C1_DATINGS]
    chance = [h.get(nb, f"c1_expected_own_dates_{d}_{year}") for d in C1_DATINGS]
    p_chance = [h.get(nb, f"c1_p_chance_{d}_{year}") for d in C1_DATINGS]
    verdicts = [c1_verdict(f / n if n else math.nan) for f in follows]
    return [
        f"under the {len(C1_DATINGS)} datings of the areas (one EBRD threshold; each area's own range; each area's "
        f"scale) {', '.join(_i(f) for f in follows)} countries follow the order by {year}; each country's own dates "
        f"in random order give {', '.join(_f(c) for c in chance)} (p = {', '.join(_f(p, 2) for p in p_chance)}); "
        f"a random order of four areas matches 1 time in 24",
        f"verdicts under the {len(C1_DATINGS)} datings (the first is the ledger's): "
        f"{verdicts.count(SUPPORTED)} supported, {verdicts.count(MIXED)} mixed, {verdicts.count(CONTRADICTED)} contradicted",
    ]


def judge_c1(h: Headlines, as_of: str) -> Judgement:
    nb = "01_reform_sequencing"
    key = "n_follow_essay_order_as_of_2002" if as_of == "essay" else "n_follow_essay_order_all"
    follow, n = h.get(nb, key), h.get(nb, "n_countries")
    verdict = c1_verdict(follow / n if n else math.nan)
    year = vocabulary.ESSAY_YEAR if as_of == "essay" else vocabulary.EBRD_LAST_YEAR
    lib_stab = [h.get(nb, f"n_pair_lib_stab_{k}") for k in ("before", "tie", "after")]  # as of the essay: data to 2002
    return Judgement(verdict, [
        f"{_i(follow)} of {_i(n)} countries reach the four areas in the essay's order "
        f"(liberalization → stabilization → institutions → privatization) "
        f"{'by 2002' if as_of == 'essay' else 'by 2006, the last EBRD year'}",
        f"liberalization came before stabilization in {_i(lib_stab[0])} countries, in the same year in "
        f"{_i(lib_stab[1])}, after it in {_i(lib_stab[2])}",
        f"privatization reached the advanced level before institutions in "
        f"{_i(h.get(nb, 'n_privatization_before_institutions'))} countries",
        *_c1_datings(h, n, year),
    ])


def judge_c2(h: Headlines, as_of: str, loss_index: float = C2_LOSS_INDEX, mechanism_gap: str = C2_MECHANISM_GAP,
             per_capita: bool = False) -> Judgement:
    """C2; the multiverse varies the loss threshold, the gap that tests the mechanism, and total vs per-capita
    output (the defaults are the ledger's)."""
    n01, n02, n04 = "01_reform_sequencing", "02_output_paths", "04_reforms_and_growth"
    shallowest = h.get(n02, "cis_shallowest_trough_index")
    no_cis_avoided = shallowest < loss_index
    base = f"spearman_{mechanism_gap}_vs_trough"
    every = base + ("_pc" if per_capita else "")
    rho, p, n = h.get(n02, f"{every}_rho"), h.get(n02, f"{every}_p"), h.get(n02, f"{every}_n")
    rho_pc, p_pc = h.get(n02, f"{base}_pc_rho"), h.get(n02, f"{base}_pc_p")
    when = f"_{ESSAY_YEAR}" if as_of == "essay" else ""  # as of the essay: the models fitted on data to 2002
    coef, p_seq = h.get(n04, f"seq_lib_ahead_coef{when}"), h.get(n04, f"seq_lib_ahead_pvalue{when}")
    mechanism = (rho < 0 and p < ALPHA) or (coef < 0 and p_seq < ALPHA)
    return Judgement(_both(no_cis_avoided, mechanism), [
        f"the shallowest CIS trough is {_f(shallowest)} (1989 = 100, WDI): every CIS country lost "
        f"{_f(100 - shallowest)}% of output or more; median CIS trough "
        f"{_f(h.get(n02, 'median_trough_index_cis'))} vs {_f(h.get(n02, 'median_trough_index_cee_baltics'))} "
        f"in Central Europe & Baltics",
        f"in the year they liberalized, institutions lagged by {_f(h.get(n01, 'median_lib_inst_gap_points_cis'), 2)} "
        f"EBRD points in the CIS and {_f(h.get(n01, 'median_lib_inst_gap_points_cee_baltics'), 2)} in "
        f"Central Europe & Baltics (p = {_f(h.get(n01, 'gap_points_cis_vs_cee_baltics_p_value'), 2)})",
        f"the mechanism is tested on every country ({_i(n)}, the non-liberalizers included): liberalization minus "
        f"institutions averaged over 1990-95 and the depth of the trough, Spearman rho = {_f(rho, 2)} (p = {_f(p, 2)}; "
        f"the claim needs a negative rho); "
        f"per capita {_f(rho_pc, 2)} (p = {_f(p_pc, 2)}); liberalization ahead of institutions in growth regressions "
        f"{'with data to 2002' if as_of == 'essay' else 'with data to 2006'}: {_f(coef, 2)} pp (p = {_f(p_seq, 2)})",
        *([] if as_of == "essay" else [  # dated from liberalization with all the years observed since
            f"the old gap (years from liberalization, liberalizers only): rho = "
            f"{_f(h.get(n02, 'spearman_gap_vs_trough_rho'), 2)} (p = {_f(h.get(n02, 'spearman_gap_vs_trough_p'), 2)})"]),
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


def _c3_share(h: Headlines, outcome: str, per_capita: str) -> str:
    n05 = "05_resources_vs_governance"
    pc = per_capita if outcome.startswith("gdp_index_") else f"gdppc_{outcome}"
    return (f"governance's Shapley share of R² against resources, {outcome.replace('_', ' ')}: "
            f"{_f(h.get(n05, f'shapley_share_governance_{outcome}'), 2)} (index measured from 1996, after the collapse); "
            f"{_f(h.get(n05, f'shapley_share_early_governance_{outcome}'), 2)} with Freedom House "
            f"{C3_EARLY_GOVERNANCE[0]}-{C3_EARLY_GOVERNANCE[1]}, measured before it; "
            f"{_f(h.get(n05, f'shapley_share_governance_{pc}'), 2)} per capita")


def _c3_intervals(h: Headlines, level: str, outcomes: list[str]) -> list[str]:
    n05 = "05_resources_vs_governance"
    coverage, draws = 100 * h.get(n05, "bootstrap_level"), h.get(n05, "bootstrap_draws")

    def span(key: str, digits: int = 1) -> str:
        return f"[{_f(h.get(n05, f'{key}_low'), digits)}, {_f(h.get(n05, f'{key}_high'), digits)}]"

    return [
        (f"{_f(coverage, 0)}% bootstrap intervals ({_i(draws)} resamples of countries), median real GDP index in "
         f"{level.removeprefix('gdp_index_')}: resource-rich CIS {span(f'median_{level}_resource_rich_cis')}, "
         f"resource-poor Central Europe & Baltics {span(f'median_{level}_resource_poor_cee')}, difference "
         f"{span(f'difference_{level}_rich_cis_vs_poor_cee')}"),
        *(f"{_f(coverage, 0)}% bootstrap interval of governance's Shapley share, {o.replace('_', ' ')}: "
          f"{span(f'shapley_share_governance_{o}', 2)}; governance explains more in "
          f"{_f(100 * h.get(n05, f'bootstrap_share_governance_more_{o}'), 0)}% of resamples" for o in outcomes),
    ]


C3_PERSISTS = "the gap the essay saw persists: the resource-rich CIS median is still below resource-poor Central Europe & Baltics'"
C3_CLOSED = "the gap the essay saw does not persist: the resource-rich CIS median is no longer below resource-poor Central Europe & Baltics'"


def judge_c3(h: Headlines, as_of: str) -> Judgement:
    n02, n05 = "02_output_paths", "05_resources_vs_governance"
    level, growth, per_capita = _c3_outcomes(h, as_of)
    rich, poor = h.get(n05, f"median_{level}_resource_rich_cis"), h.get(n05, f"median_{level}_resource_poor_cee")
    gap = rich < RECOVERED_INDEX <= poor if as_of == "essay" else rich < poor
    outcomes = [level, growth] if as_of == "essay" else [level]
    governance = all(h.get(n05, f"governance_explains_more_{o}") == 1 for o in outcomes)
    year = "2002" if as_of == "essay" else "latest"
    cis, cee = h.get(n02, f"median_index_{year}_cis"), h.get(n02, f"median_index_{year}_cee_baltics")
    evidence = [
        (f"median real GDP index in {level.removeprefix('gdp_index_')} (1989 = 100): resource-rich CIS {_f(rich)}, "
         f"resource-poor Central Europe & Baltics {_f(poor)}, with South-East Europe "
         f"{_f(h.get(n05, f'median_{level}_resource_poor_ee_with_see'))}; per capita in "
         f"{per_capita.removeprefix('gdppc_index_')}: {_f(h.get(n05, f'median_{per_capita}_resource_rich_cis'))} vs "
         f"{_f(h.get(n05, f'median_{per_capita}_resource_poor_cee'))}"),
        *(_c3_share(h, o, per_capita) for o in outcomes),
        (f"median real GDP index in {'2002' if as_of == 'essay' else 'the latest year'}: CIS {_f(cis)}, "
         f"Central Europe & Baltics {_f(cee)} (1989 = 100)"),
    ]
    if as_of != "essay":
        evidence.insert(0, C3_PERSISTS if gap else C3_CLOSED)
    return Judgement(_both(gap, governance), evidence, _c3_intervals(h, level, outcomes))


def judge_untestable(reason: str) -> callable:
    def rule(h: Headlines, as_of: str) -> Judgement:
        return Judgement(UNTESTABLE, [reason])
    return rule


def c4_verdict(fall_pp: float, share_pct: float, *, fall_min_pp: float = C4_FALL_PP,
               major_share_pct: float = C4_MAJOR_SHARE) -> str:
    """C4 on the median CIS country's fall of its intra-FSU trade share (points) and the share left (%):
    the ties broke (fall ≥ ``fall_min_pp``) and were rebuilt as interstate trade (share ≥ ``major_share_pct``)."""
    return _both(fall_pp >= fall_min_pp, share_pct >= major_share_pct)


def judge_c4(h: Headlines, as_of: str) -> Judgement:
    nb = "08_trade_partners"
    when = "2002" if as_of == "essay" else "latest"
    fall, end = h.get(nb, f"cis_median_fall_to_{when}_pp"), h.get(nb, f"cis_median_share_fsu_{when}_pct")
    fell, n = h.get(nb, f"cis_count_fell_to_{when}"), h.get(nb, "cis_count")
    year = "2002" if as_of == "essay" else _i(h.get(nb, "shares_latest_year"))
    first, last = h.get(nb, "cis_first_complete_year_min"), h.get(nb, "cis_first_complete_year_max")
    return Judgement(c4_verdict(fall, end), [
        f"median CIS share of trade with the other former republics: {_f(h.get(nb, 'cis_median_share_fsu_start_pct'))}% "
        f"in the first complete year ({_i(first)}-{_i(last)}), "
        f"{_f(end)}% in {year}; median fall {_f(fall)} percentage points, lower in {_i(fell)} of {_i(n)} CIS countries",
        f"Russia's median share of a CIS country's trade {_f(h.get(nb, f'cis_median_share_russia_{when}_pct'))}%, "
        f"the EU's {_f(h.get(nb, f'cis_median_share_eu_{when}_pct'))}%, China's {_f(h.get(nb, f'cis_median_share_china_{when}_pct'))}%; "
        f"Baltic median share with the former republics {_f(h.get(nb, f'baltic_median_share_fsu_{when}_pct'))}%, "
        f"with the EU {_f(h.get(nb, f'baltic_median_share_eu_{when}_pct'))}%",
        f"the IMF's bilateral flows start in 1992 and the first complete years ({_i(first)}-{_i(last)}) come after the "
        "union's own ties had loosened (trade among the republics before 1992 is not in these data): the fall is a "
        "lower bound; 'market principles' cannot be seen in trade flows",
    ])


def _c7_record(first: float, behind: float, majority: float) -> bool | None:
    """One record: True when Russia leads in at least ``majority`` of the decided years, False when another
    partner does, None otherwise (no decided year, or neither reaches the majority)."""
    decided = first + behind
    if not decided > 0:
        return None
    return True if first >= majority * decided - 1e-9 else False if behind >= majority * decided - 1e-9 else None


def c7_verdict(reporter_first: float, reporter_behind: float, mirror_first: float, mirror_behind: float,
               years_judged: float, *, majority: float = C7_FIRST_SHARE) -> str:
    """C7's partner part on the years Russia leads by more than the tie band ("first") or trails by more than it
    ("behind") on each record (tied years are no evidence): supported when both records say Russia,
    contradicted when both say another partner, mixed when they disagree or either is undecided; not testable
    without a year judged. The tariff part is not testable as specified and leaves the verdict to this part."""
    if not years_judged > 0:
        return UNTESTABLE
    records = {_c7_record(reporter_first, reporter_behind, majority), _c7_record(mirror_first, mirror_behind, majority)}
    return SUPPORTED if records == {True} else CONTRADICTED if records == {False} else MIXED


C7_TARIFF_NOT_TESTABLE = ("the tariff part is not testable as specified: the essay describes cuts before the data "
                          "(Kazakhstan's tariffs are known from 2004), and an all-partner tariff does not measure the "
                          "tariff on Russian goods, duty-free under the CIS free-trade agreements; the verdict rests on "
                          "the partner part")


def judge_c7(h: Headlines, as_of: str) -> Judgement:
    nb = "08_trade_partners"
    window = "to_2002" if as_of == "essay" else "after_2002"
    count = {(outcome, record): h.get(nb, f"kaz_years_{outcome}_{record}_{window}")
             for outcome in ("first", "tied", "behind") for record in ("reporter", "mirror")}
    judged = h.get(nb, f"kaz_years_judged_reporter_{window}")
    verdict = c7_verdict(count["first", "reporter"], count["behind", "reporter"], count["first", "mirror"],
                         count["behind", "mirror"], judged)
    when = "2002" if as_of == "essay" else "latest"
    year = "2002" if as_of == "essay" else _i(h.get(nb, "kaz_latest_year"))
    evidence = [
        (f"years {_i(h.get(nb, f'kaz_first_year_judged_{window}'))}-{_i(h.get(nb, f'kaz_last_year_judged_{window}'))} "
         f"({_i(judged)} judged): on Kazakhstan's record Russia leads the largest other partner by more than "
         f"{C7_TIE_PP:g} points in {_i(count['first', 'reporter'])} years, is tied in {_i(count['tied', 'reporter'])}, "
         f"trails in {_i(count['behind', 'reporter'])}; on its partners' record {_i(count['first', 'mirror'])}, "
         f"{_i(count['tied', 'mirror'])} and {_i(count['behind', 'mirror'])}"),
        (f"in {year} Russia's share of Kazakhstan's trade is {_f(h.get(nb, f'kaz_russia_share_reporter_{when}_pct'))}% "
         f"on Kazakhstan's record and {_f(h.get(nb, f'kaz_russia_share_mirror_{when}_pct'))}% on its partners'; "
         f"its lead over the next partner {_f(h.get(nb, f'kaz_russia_lead_reporter_{when}_pp'))} and "
         f"{_f(h.get(nb, f'kaz_russia_lead_mirror_{when}_pp'))} points; China's share {_f(h.get(nb, f'kaz_china_share_{when}_pct'))}%"),
        C7_TARIFF_NOT_TESTABLE,
    ]
    if as_of != "essay":
        from transition.analysis.partners import TARIFF_AFTER_YEARS as after, TARIFF_BEFORE_YEARS as before
        evidence.insert(2, f"the two records of Russia's and China's shares differ by a median "
                           f"{_f(h.get(nb, 'kaz_record_gap_median_pp'))} points after 2002 (the tie band is {C7_TIE_PP:g})")
        evidence.append(
            f"the instrument the data show moved the other way: the MFN weighted tariff rose from "
            f"{_f(h.get(nb, 'kaz_tariff_mfn_2004'), 2)}% (2004) to {_f(h.get(nb, 'kaz_tariff_mfn_2010'), 2)}% (2010, "
            f"customs union); Russia's share of Kazakhstan's imports was {_f(h.get(nb, 'kaz_russia_import_share_before_pct'))}% "
            f"in {before[0]}-{before[1]} and {_f(h.get(nb, 'kaz_russia_import_share_after_pct'))}% in {after[0]}-{after[1]}, China's "
            f"{_f(h.get(nb, 'kaz_china_import_share_before_pct'))}% and {_f(h.get(nb, 'kaz_china_import_share_after_pct'))}% "
            "(a description of one event, not a test: prices, pipelines and the 2010-11 break move them too)")
    return Judgement(verdict, evidence)


def judge_c5(h: Headlines, as_of: str) -> Judgement:
    nb = "06_trade_structure"
    when = "early" if as_of == "essay" else "latest"
    manuf = h.get(nb, f"cis_median_manufactures_export_share_{when}")
    raw_cis, raw_cee = h.get(nb, f"cis_median_fuel_ores_export_share_{when}"), h.get(nb, f"cee_median_fuel_ores_export_share_{when}")
    exports_raw = manuf < C5_MANUFACTURES_BELOW and raw_cis >= C5_RAW_RATIO * raw_cee
    if as_of == "essay":
        majority, known = h.get(nb, "cis_count_processed_imports_majority"), h.get(nb, "cis_count_processed_imports_known")
        imports_processed = known > 0 and majority / known >= C5_MAJORITY_SHARE
        imports_text = f"manufactures + food exceed half of merchandise imports in {_i(majority)} of {_i(known)} CIS countries"
    else:
        processed = h.get(nb, "cis_median_processed_import_share_latest")
        imports_processed = processed > C5_PROCESSED_ABOVE
        imports_text = (f"manufactures + food are {_f(processed)}% of the median CIS country's merchandise imports "
                        f"({_i(h.get(nb, 'processed_import_share_latest_year'))})")
    return Judgement(_both(exports_raw, imports_processed), [
        f"median CIS manufactures share of merchandise exports {_f(manuf)}%; fuel + ores & metals "
        f"{_f(raw_cis)}% vs {_f(raw_cee)}% in Central Europe & Baltics",
        imports_text,
        f"Economic Complexity Index, median: CIS {_f(h.get(nb, f'cis_median_eci_{when}'), 2)}, "
        f"Central Europe & Baltics {_f(h.get(nb, f'cee_median_eci_{when}'), 2)}",
    ])


def c6_verdict(rus: float, ukr: float, kaz: float, others_in_range: float, others: float, grew: float,
               known: float, exceptions_not_grown: float, *, essay_shares=C6_ESSAY_SHARES,
               tolerance_pp: float = C6_TOLERANCE_PP, other_share: float = C6_OTHER_SHARE,
               grew_share: float = C6_GREW_SHARE, exceptions_confirmed: float = C6_EXCEPTIONS_CONFIRMED) -> str:
    """C6 on the shares of CIS goods exports outside the CIS (Russia, Ukraine, Kazakhstan, %; the other countries
    in the essay's range) and on whose exports outside the CIS grew: both parts → supported, one → mixed."""
    close = all(abs(share - essay_shares[c]) <= tolerance_pp for c, share in (("rus", rus), ("ukr", ukr), ("kaz", kaz)))
    shares_hold = close and others > 0 and others_in_range / others >= other_share
    growth_holds = known > 0 and grew / known >= grew_share and exceptions_not_grown >= exceptions_confirmed
    return _both(shares_hold, growth_holds)


def judge_c6(h: Headlines, as_of: str) -> Judgement:
    nb = "06_trade_structure"
    when = "essay_year" if as_of == "essay" else "latest"
    shares = {c: h.get(nb, f"{c}_non_cis_share_{when}") for c in C6_ESSAY_SHARES}
    in_range, others = h.get(nb, f"other_cis_in_essay_range_non_cis_{when}"), h.get(nb, f"other_cis_count_non_cis_{when}")
    grew, known = h.get(nb, "cis_count_non_cis_grew_essay_year"), h.get(nb, "cis_count_non_cis_growth_known_essay_year")
    exceptions = h.get(nb, "essay_exceptions_not_grown_non_cis_essay_year")
    year = h.get(nb, "essay_figures_year")
    verdict = c6_verdict(shares["rus"], shares["ukr"], shares["kaz"], in_range, others, grew, known, exceptions)
    share_text = (f"Russia {_f(shares['rus'])}% (essay 76%), Ukraine {_f(shares['ukr'])}% (10%), Kazakhstan "
                  f"{_f(shares['kaz'])}% (5%); {_i(in_range)} of {_i(others)} others within 0.3-3%")
    if as_of == "essay":
        first = (f"the essay names no year; its figures are closest to {_i(year)} (gaps adding up to "
                 f"{_f(h.get(nb, 'essay_figures_distance_pp'))} points; next {_i(h.get(nb, 'essay_figures_second_year'))}, "
                 f"{_f(h.get(nb, 'essay_figures_second_distance_pp'))}): shares of CIS goods exports outside the CIS in "
                 f"{_i(year)}: {share_text}")
    else:
        first = (f"shares of CIS goods exports outside the CIS in {_i(h.get(nb, 'non_cis_latest_year'))}: {share_text} "
                 "(do the essay's figures still hold?)")
    return Judgement(verdict, [
        first,
        (f"exports outside the CIS grew from {_i(year - 1)} to {_i(year)} in {_i(grew)} of {_i(known)} CIS countries; "
         f"{_i(exceptions)} of the essay's 3 exceptions did not grow; the growth statement holds in "
         f"{_i(h.get(nb, 'essay_growth_statement_years_holding'))} of the {_i(h.get(nb, 'essay_candidate_years'))} years "
         f"{_i(h.get(nb, 'essay_candidate_first_year'))}-{ESSAY_YEAR}"),
        (f"in {ESSAY_YEAR}: Russia {_f(h.get(nb, 'rus_non_cis_share_2002'))}%, Ukraine {_f(h.get(nb, 'ukr_non_cis_share_2002'))}%, "
         f"Kazakhstan {_f(h.get(nb, 'kaz_non_cis_share_2002'))}% on the countries' own records (IMF DOTS); "
         f"{_f(h.get(nb, 'rus_non_cis_share_cow_2002'))}%, {_f(h.get(nb, 'ukr_non_cis_share_cow_2002'))}%, "
         f"{_f(h.get(nb, 'kaz_non_cis_share_cow_2002'))}% on COW's, mostly the partners' records"),
        (f"variant, not the verdict: shares of total exports of goods and services to all partners (WDI), "
         f"{_i(h.get(nb, 'essay_period_first_year'))}-{_i(h.get(nb, 'essay_period_last_year'))}: Russia "
         f"{_f(h.get(nb, 'rus_share_essay_period'))}%, Ukraine {_f(h.get(nb, 'ukr_share_essay_period'))}%, "
         f"Kazakhstan {_f(h.get(nb, 'kaz_share_essay_period'))}%"),
    ])


def judge_c8(h: Headlines, as_of: str) -> Judgement:
    nb = "07_integration"
    when = "2002" if as_of == "essay" else "latest"
    blocs, largest = h.get(nb, f"n_blocs_cis_{when}"), h.get(nb, f"largest_subregional_bloc_{when}")
    groups = blocs >= C8_MIN_BLOCS and largest < CIS_COUNT
    return Judgement(SUPPORTED if groups else CONTRADICTED, [
        f"{_i(blocs)} blocs active among the 12 CIS countries in {'2002' if as_of == 'essay' else 'the latest year'}; "
        f"the largest sub-regional bloc has {_i(largest)} members; "
        f"{_i(h.get(nb, f'n_overlapping_cis_{when}'))} countries belong to two or more",
    ])


def judge_c9(h: Headlines, as_of: str) -> Judgement:
    nb = "07_integration"
    if as_of == "essay":
        rus, kaz = h.get(nb, "rus_share_cis_2002_pct"), h.get(nb, "kaz_share_caco_2002_pct")
        kaz_text = f"Kazakhstan {_f(kaz)}% of Central Asian Cooperation Organization GDP (2002)"
    else:
        rus, kaz = h.get(nb, "rus_share_eaeu_latest_pct"), math.nan  # no Central Asian bloc exists any more
        kaz_text = (f"no Central Asian bloc remains (CACO merged into EurAsEC); Kazakhstan has "
                    f"{_f(h.get(nb, 'kaz_share_eaeu_latest_pct'))}% of EAEU GDP")
    year = ESSAY_YEAR if as_of == "essay" else vocabulary.EBRD_LAST_YEAR  # reform observed by then
    members = h.get(nb, f"ebrd_average_{year}_median_eurasec_{ESSAY_YEAR}")
    outsiders = h.get(nb, f"ebrd_average_{year}_median_cis_outside_eurasec_{ESSAY_YEAR}")
    parts = [rus >= C9_CORE_SHARE, members - outsiders >= C9_REFORM_STEP - 1e-9]
    if not math.isnan(kaz):  # Kazakhstan as the Central Asian core can only be judged while such a bloc exists
        parts.append(kaz >= C9_CORE_SHARE)
    verdict = SUPPORTED if all(parts) else CONTRADICTED if not any(parts) else MIXED
    return Judgement(verdict, [
        f"Russia {_f(rus)}% of {'CIS' if as_of == 'essay' else 'EAEU'} GDP; {kaz_text}",
        f"median EBRD average in {year}: EurAsEC members {_f(members, 2)}, other CIS {_f(outsiders, 2)}",
    ])


def judge_c10(h: Headlines, as_of: str) -> Judgement:
    """"Building a Eurasian union will take long" on the median years from agreement to working union.

    Steps still open at the as-of date count with the time waited so far (a lower bound): a median of
    at least C10_LONG_YEARS is "supported" either way; with every step completed, a median below
    C10_SHORT_YEARS is "contradicted" and one in between "mixed"; with steps open and a median below
    C10_LONG_YEARS it is too early to tell. The recommendation (study the EU) is not testable.
    """
    nb, when = "07_integration", str(ESSAY_YEAR) if as_of == "essay" else "latest"
    median, steps = h.get(nb, f"eurasian_union_median_years_{when}"), h.get(nb, f"eurasian_union_steps_{when}")
    done, eu = h.get(nb, f"eurasian_union_completed_{when}"), h.get(nb, "eu_step_median_years")
    if median >= C10_LONG_YEARS:
        verdict = SUPPORTED
    elif done == steps and steps > 0:
        verdict = CONTRADICTED if median < C10_SHORT_YEARS else MIXED
    else:
        verdict = UNTESTABLE
    waiting = ([f"agreements not yet working count with the years waited so far (longest "
                f"{_f(h.get(nb, f'eurasian_union_longest_open_years_{when}'))})"] if done < steps else [])
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
    level = _c3_outcomes(h, as_of)[0]
    n05 = "05_resources_vs_governance"
    return {
        "C3": [(n05, f"median_{level}_resource_rich_cis", RECOVERED_INDEX, "the resource-rich CIS median"),
               (n05, f"median_{level}_resource_poor_cee", RECOVERED_INDEX, "the resource-poor median")] if as_of == "essay"
        else [(n05, f"difference_{level}_rich_cis_vs_poor_cee", 0.0, "the rich-minus-poor difference")],
        "C4": [("08_trade_partners", f"cis_median_fall_to_{when}_pp", C4_FALL_PP, "the CIS median fall"),
               ("08_trade_partners", f"cis_median_share_fsu_{when}_pct", C4_MAJOR_SHARE, "the CIS median share")],
        "C5": [("06_trade_structure", f"cis_median_manufactures_export_share_{early}", C5_MANUFACTURES_BELOW,
                "the CIS median manufactures share")],
        "C9": [("07_integration", f"ebrd_average_{ESSAY_YEAR if as_of == 'essay' else vocabulary.EBRD_LAST_YEAR}"
                f"_difference_eurasec_vs_cis_outside_{ESSAY_YEAR}", C9_REFORM_STEP, "the members' lead")],
    }.get(claim_id, [])


def build_ledger(headlines: Headlines, lang: str = "en", multiverse: pd.DataFrame | None = None,
                 essay_headlines: Headlines | None = None) -> pd.DataFrame:
    """One row per claim: verdicts as of the essay and with the latest data, evidence, notebooks, figures,
    and (given the multiverse summary) how robust each verdict is across the claim's specifications.

    ``essay_headlines``: the headline files of the run observed only to the essay's year
    (:data:`ESSAY_RESULTS_DIR`), on which the "as of the essay" column is judged; without them, that
    column is judged on ``headlines`` (the notebooks' own as-of-2002 numbers)."""
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
        })
    return pd.DataFrame(rows)


def thresholds_markdown(lang: str = "en") -> str:
    """The thresholds of the verdict rules, as a Markdown list read from this module's constants."""
    items = [
        f"C1: supported if at least {C1_SUPPORT_SHARE:.0%} of countries follow the essay's order, contradicted below {C1_CONTRADICT_SHARE:.0%}",
        f"C2: a substantial loss is a trough below {C2_LOSS_INDEX:g} (1989 = 100; Barro & Ursúa 2008); the mechanism needs a significant (p < {ALPHA}) association with the claimed sign",
        "C1: the rule is also applied under each dating of the reform areas (one EBRD threshold, each area's own range, each area's scale) and set against chance (a random order of four areas matches 1 time in 24)",
        "C2: the mechanism is tested on the liberalization-institutions gap that keeps every country (mean over 1990-95 of liberalization minus institutions); the gap dated from liberalization, which drops the non-liberalizers, is reported beside it",
        f"C3: as of the essay the gap holds when the resource-rich CIS median real GDP index is below {RECOVERED_INDEX:g} and that of resource-poor Central Europe & Baltics at or above it; with the latest data it persists when the resource-rich CIS median is still below; governance explains the gap when its Shapley share of R² exceeds that of resources",
        f"C5: exports rest on raw materials when the median CIS manufactures share is below {C5_MANUFACTURES_BELOW:g}% and fuel + ores are at least {C5_RAW_RATIO:g}× the CEE share; imports are processed when manufactures + food exceed {C5_PROCESSED_ABOVE:g}% in at least {C5_MAJORITY_SHARE:.0%} of CIS countries",
        f"C6: on goods exports outside the CIS (current US$, IMF DOTS) in the year the essay's figures fit best (up to {ESSAY_YEAR}), the shares of Russia, Ukraine and Kazakhstan match within {C6_TOLERANCE_PP:g} percentage points and {C6_OTHER_SHARE:.0%} of the other countries fall in {C6_OTHER_RANGE[0]}-{C6_OTHER_RANGE[1]}% (at the essay's precision); exports grew in almost all, from the year before to that year, when at least {C6_GREW_SHARE:.0%} grew and {C6_EXCEPTIONS_CONFIRMED} of the 3 exceptions did not; with the latest data the shares of the latest year are judged",
        f"C4: the ties broke when the median CIS share of trade with the other former republics fell by at least {C4_FALL_PP:g} percentage points; relations were rebuilt, not abandoned, when that median share is still at least {C4_MAJOR_SHARE:g}%",
        f"C7: on each record of Kazakhstan's trade (its own; its partners') Russia is the main partner when it leads the largest other partner by more than {C7_TIE_PP:g} points (the tie band) in at least {C7_FIRST_SHARE:.0%} of the decided years, through {ESSAY_YEAR} and over the whole series after it; both records must agree; the tariff part is not testable as specified and leaves the verdict to the partner part",
        f"C8: at least {C8_MIN_BLOCS} blocs among the CIS countries and none covering all {CIS_COUNT}",
        f"C9: a core holds at least {C9_CORE_SHARE:g}% of bloc GDP; membership tracks reform when members lead by one EBRD step ({C9_REFORM_STEP:.2f})",
        f"C10: building a union takes long when the median agreement needs at least {C10_LONG_YEARS:g} years to work (open agreements count with the years waited); contradicted below {C10_SHORT_YEARS:g} years; the recommendation is not testable",
        "Two-part claims: both parts hold → supported; one → mixed; none → contradicted",
    ]
    return "\n".join(f"- {translate(item, lang)}" for item in items)


def verdict_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """How many claims get each verdict, as of the essay and with the latest data."""
    counts = {when: ledger[f"verdict_{when}"].value_counts() for when in ("asof_essay", "latest")}
    return pd.DataFrame(counts).reindex(list(VERDICTS)).fillna(0).astype(int)
