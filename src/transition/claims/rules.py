"""The verdict rules: each claim's verdict as a plain function of its numbers (statistic → verdict).

The ledger (:mod:`transition.claims.ledger`) reads the numbers from the notebooks' headline files and
writes the evidence; the multiverse (:mod:`transition.claims.evaluate`) computes them for one
specification; both call the functions here, so a verdict has one rule wherever it is judged. Every
threshold is a named constant with its reason.

The categories
--------------
``supported`` / ``contradicted``
    every part of the claim holds / none does (a part the data cannot tell counts for neither side:
    one part failing and the others undetermined is ``contradicted``).
``supported in part``
    every part the data can tell holds; the others cannot be told (the evidence says which).
``mixed``
    some parts hold, others fail.
``inconclusive``
    the data measure the claim, but cannot tell: no part is established either way (the decisive
    number's interval spans the rule's threshold, or a controlled estimate is not significant).
``too early``
    a forecast judged at its own date: the outcome is still open (censored durations), and what is
    known does not settle it.
``no data``
    the data do not measure what the claim states.

Examples
--------
>>> combine(True, True), combine(True, None), combine(True, False), combine(False, None), combine(None, None)
('supported', 'supported in part', 'mixed', 'contradicted', 'inconclusive')
>>> interval_side(-31.2, -39.6, -1.6, below=0.0)
True
>>> interval_side(-13.0, -110.7, 49.5, below=0.0) is None
True
"""
from __future__ import annotations

import math

from transition.analysis.output import SUBSTANTIAL_LOSS_INDEX

SUPPORTED, PARTLY, MIXED, CONTRADICTED = "supported", "supported in part", "mixed", "contradicted"
INCONCLUSIVE, TOO_EARLY, NO_DATA = "inconclusive", "too early", "no data"
#: Every verdict, in display order.
VERDICTS = (SUPPORTED, PARTLY, MIXED, CONTRADICTED, INCONCLUSIVE, TOO_EARLY, NO_DATA)

#: C2, C3, C5, C9: an association counts when significant at this level with the claimed sign.
ALPHA = 0.05


def _tri(part) -> bool | None:
    """A part's state as Python's True, False or None (numpy booleans included)."""
    return None if part is None else bool(part)


def _known(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def combine(*parts) -> str:
    """A claim's verdict from its parts: True (holds), False (fails) or None (the data cannot tell)."""
    parts = [_tri(p) for p in parts]
    known = [p for p in parts if p is not None]
    if not known:
        return INCONCLUSIVE
    if all(known):
        return SUPPORTED if len(known) == len(parts) else PARTLY
    return MIXED if any(known) else CONTRADICTED


def interval_side(estimate: float, low: float, high: float, *, below: float | None = None,
                  above: float | None = None) -> bool | None:
    """Does an estimate with interval [low, high] lie on the claimed side of a threshold?

    Give ``below`` (the claim: the number is below it) or ``above``. True when the whole interval is
    on the claimed side, False when the whole interval is on the other side or the estimate is and the
    interval was not computed, None when the interval spans the threshold (the data cannot tell) or
    the estimate is missing."""
    if (below is None) == (above is None):
        raise ValueError("give exactly one of below= or above=")
    if not _known(estimate):
        return None
    sign, cut = (-1.0, below) if below is not None else (1.0, above)
    if not (_known(low) and _known(high)):
        return bool(sign * (estimate - cut) > 0)
    lo, hi = sorted((sign * (low - cut), sign * (high - cut)))
    return True if lo > 0 else False if hi < 0 else None


def significant_sign(estimate: float, p_value: float, claimed_sign: int, alpha: float = ALPHA) -> bool | None:
    """An estimate's test of a claimed sign: True when significant with it, False when significant
    against it, None when not significant (no evidence either way) or missing."""
    if not (_known(estimate) and _known(p_value)) or p_value >= alpha or estimate == 0:
        return None
    return bool((estimate > 0) == (claimed_sign > 0))


# ---- C1: one scenario --------------------------------------------------------------------------------
#: C1 is "supported" if at least this share of countries follows the essay's order, "contradicted" below the lower share.
C1_SUPPORT_SHARE, C1_CONTRADICT_SHARE = 0.5, 0.2


def c1_verdict(share: float, support: float = C1_SUPPORT_SHARE, contradict: float = C1_CONTRADICT_SHARE) -> str:
    """C1 on the share of countries that reach the four areas in the essay's order."""
    if not _known(share):
        return NO_DATA
    return SUPPORTED if share >= support else CONTRADICTED if share < contradict else MIXED


# ---- C2: losses everywhere in the CIS, because liberalization ran ahead ------------------------------
#: C2: a "substantial" loss is a trough below this (1989 = 100; Barro & Ursúa 2008, defined once in
#: analysis/output.py). "No CIS country avoided" it when the shallowest CIS trough is below.
C2_LOSS_INDEX = SUBSTANTIAL_LOSS_INDEX


def c2_verdict(shallowest_cis_trough: float, mechanism: bool | None, loss_index: float = C2_LOSS_INDEX) -> str:
    """C2: every CIS trough below ``loss_index``, and the mechanism (liberalization ahead of institutions
    went with a deeper trough): True / False / None from :func:`significant_sign` of its test."""
    losses = shallowest_cis_trough < loss_index if _known(shallowest_cis_trough) else None
    return combine(losses, mechanism)


# ---- C3: the resource-rich CIS lagged resource-poor Eastern Europe; governance is the difference ----
#: C3: Governance "is the difference" when its Shapley share of the joint model's R² (against resources)
#: exceeds one half, and it adds to a former-USSR indicator (positive, significant at ALPHA, HC3).
C3_GOVERNANCE_SHARE = 0.5


def c3_gap(difference: float, low: float, high: float) -> bool | None:
    """The resource-rich CIS median below resource-poor Eastern Europe's: the difference's interval below 0."""
    return interval_side(difference, low, high, below=0.0)


def c3_governance(share: float, beyond_former_ussr: bool | None, within_cis: bool | None,
                  share_cut: float = C3_GOVERNANCE_SHARE) -> bool | None:
    """Governance as the difference, for one outcome.

    Fails when resources explain more (share ≤ ``share_cut``) or when, among the CIS states alone,
    better governance goes significantly with *worse* outcomes (``within_cis`` False); holds when it
    explains more and adds to a former-USSR indicator (``beyond_former_ussr`` True); otherwise the data
    cannot tell governance from the rest of the Soviet past (None)."""
    within_cis, beyond_former_ussr = _tri(within_cis), _tri(beyond_former_ussr)
    if not _known(share) or share <= share_cut or within_cis is False:
        return None if not _known(share) else False
    return True if beyond_former_ussr is True else None


def all_parts(parts) -> bool | None:
    """Several tests of one part (e.g. one per outcome): True if all hold, False if any fails, else None."""
    parts = [_tri(p) for p in parts]
    if any(p is False for p in parts):
        return False
    return True if parts and all(p is True for p in parts) else None


def c3_governance_test(share: float, beyond_coef: float, beyond_p: float, within_slope: float,
                       within_p: float) -> bool | None:
    """:func:`c3_governance` from the estimates: governance beside a former-USSR indicator (coefficient,
    p) and the slope among the CIS states alone (slope, p); both tested for a positive sign."""
    return c3_governance(share, significant_sign(beyond_coef, beyond_p, +1),
                         significant_sign(within_slope, within_p, +1))


def c3_verdict(gap: bool | None, governance: bool | None) -> str:
    return combine(gap, governance)


# ---- C5: raw-material exports, processed imports ----------------------------------------------------
#: C5: CIS exports rest on raw materials when the median CIS country's manufactures share of merchandise
#: exports is below this and its fuel + ores & metals share is at least this many times the CEE one.
C5_MANUFACTURES_BELOW, C5_RAW_RATIO = 50.0, 2.0
#: C5: imports are "mainly processed" when manufactures + food exceed this share of merchandise imports
#: in at least C5_MAJORITY_SHARE of the CIS countries with data (or for the median country, latest).
C5_PROCESSED_ABOVE, C5_MAJORITY_SHARE = 50.0, 0.75


def c5_exports_raw(manufactures: float, raw_cis: float, raw_cee: float, manufactures_low: float = math.nan,
                   manufactures_high: float = math.nan, *, below: float = C5_MANUFACTURES_BELOW,
                   ratio: float = C5_RAW_RATIO) -> bool | None:
    """CIS exports rest on raw materials: the median manufactures share below ``below`` (judged with its
    interval) and the fuel + ores share at least ``ratio`` times the CEE one (the ratio of two medians, a point)."""
    if not all(_known(v) for v in (manufactures, raw_cis, raw_cee)):
        return None
    low_share = interval_side(manufactures, manufactures_low, manufactures_high, below=below)
    raw = raw_cis >= ratio * raw_cee
    return False if low_share is False or not raw else low_share


def c5_imports_processed(share: float, low: float = math.nan, high: float = math.nan, *,
                         above: float = C5_PROCESSED_ABOVE) -> bool | None:
    """CIS imports are mainly processed: the median processed share above ``above``, judged with its interval."""
    return interval_side(share, low, high, above=above)


def c5_imports_majority(majority: float, known: float, *, share: float = C5_MAJORITY_SHARE) -> bool | None:
    """CIS imports are mainly processed, counted over every CIS country with data (a census, no interval):
    ``majority`` of the ``known`` countries above the bar, at least ``share`` of them (no country with data
    fails the part; a missing count cannot tell)."""
    if not _known(known):
        return None
    return bool(known > 0 and majority / known >= share)


def c5_verdict(exports_raw: bool | None, imports_processed: bool | None, measured: bool = True) -> str:
    """C5's two parts; ``measured`` False when the data lack the numbers (no data), else two undecided parts
    (intervals across their thresholds) are inconclusive."""
    return combine(exports_raw, imports_processed) if measured else NO_DATA


# ---- C4: the old ties broke and were rebuilt as interstate relations ---------------------------------
#: C4: the old ties "broke" when the median CIS country's share of trade with the other former republics
#: fell by at least this many percentage points from its first complete year of bilateral data (IMF DOTS,
#: 1992-94: after the union's own ties had loosened, so the fall is a lower bound): a tenth of all trade, far
#: beyond year-to-year noise. Relations were "rebuilt" as interstate trade, not abandoned, when that median
#: share is still at least C4_MAJOR_SHARE (%): a fifth of a country's trade, a main partner group by any measure.
C4_FALL_PP, C4_MAJOR_SHARE = 10.0, 20.0


def c4_verdict(fall_pp: float, share_pct: float, fall_low: float = math.nan, fall_high: float = math.nan,
               share_low: float = math.nan, share_high: float = math.nan, *, fall_min_pp: float = C4_FALL_PP,
               major_share_pct: float = C4_MAJOR_SHARE) -> str:
    """C4 on the median CIS country's fall of its intra-FSU trade share (points) and the share left (%), each
    judged with its bootstrap interval (:func:`interval_side`): the ties broke (fall ≥ ``fall_min_pp``) and
    were rebuilt as interstate trade (share ≥ ``major_share_pct``); a part whose interval spans its threshold,
    or whose number is missing, cannot be told."""
    broke = interval_side(fall_pp, fall_low, fall_high, above=fall_min_pp - 1e-9)
    rebuilt = interval_side(share_pct, share_low, share_high, above=major_share_pct - 1e-9)
    return NO_DATA if not (_known(fall_pp) or _known(share_pct)) else combine(broke, rebuilt)


# ---- C6: export growth and the exporters' shares ----------------------------------------------------
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


def c6_verdict(rus: float, ukr: float, kaz: float, others_in_range: float, others: float, grew: float,
               known: float, exceptions_not_grown: float, *, essay_shares=C6_ESSAY_SHARES,
               tolerance_pp: float = C6_TOLERANCE_PP, other_share: float = C6_OTHER_SHARE,
               grew_share: float = C6_GREW_SHARE, exceptions_confirmed: float = C6_EXCEPTIONS_CONFIRMED) -> str:
    """C6 on the shares of CIS goods exports outside the CIS (Russia, Ukraine, Kazakhstan, %; the other countries
    in the essay's range) and on whose exports outside the CIS grew; a part without its numbers cannot be told."""
    named = (("rus", rus), ("ukr", ukr), ("kaz", kaz))
    shares_hold = (all(abs(share - essay_shares[c]) <= tolerance_pp for c, share in named)
                   and others_in_range / others >= other_share
                   if all(_known(v) for v in (rus, ukr, kaz, others_in_range)) and _known(others) and others > 0 else None)
    growth_holds = (grew / known >= grew_share and exceptions_not_grown >= exceptions_confirmed
                    if all(_known(v) for v in (grew, exceptions_not_grown)) and _known(known) and known > 0 else None)
    return NO_DATA if shares_hold is None and growth_holds is None else combine(shares_hold, growth_holds)


# ---- C7: Russia, Kazakhstan's main partner; tariffs lowered to trade with Russia --------------------
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



def _c7_record(first: float, behind: float, majority: float) -> bool | None:
    """One record: True when Russia leads in at least ``majority`` of the decided years, False when another
    partner does, None otherwise (no decided year, or neither reaches the majority)."""
    decided = first + behind
    if not decided > 0:
        return None
    return True if first >= majority * decided - 1e-9 else False if behind >= majority * decided - 1e-9 else None


def c7_partner_part(reporter_first: float, reporter_behind: float, mirror_first: float, mirror_behind: float, *,
                    majority: float = C7_FIRST_SHARE) -> bool | None:
    """C7's partner part on the years Russia leads by more than the tie band ("first") or trails by more than it
    ("behind") on each record (tied years are no evidence): True when both records say Russia, False when both
    say another partner, None when they disagree or either is undecided."""
    records = {_c7_record(reporter_first, reporter_behind, majority), _c7_record(mirror_first, mirror_behind, majority)}
    return True if records == {True} else False if records == {False} else None


def c7_verdict(reporter_first: float, reporter_behind: float, mirror_first: float, mirror_behind: float,
               years_judged: float, *, majority: float = C7_FIRST_SHARE) -> str:
    """C7: the partner part (:func:`c7_partner_part`) and the tariff part, which the data cannot tell as the
    essay states it: Russia the main partner → supported in part, another partner → contradicted, undecided
    → inconclusive; no year judged → no data."""
    if not years_judged > 0:
        return NO_DATA
    return combine(c7_partner_part(reporter_first, reporter_behind, mirror_first, mirror_behind, majority=majority), None)


# ---- C8: integration by groups -----------------------------------------------------------------------
#: C8: integration proceeds by groups when at least this many blocs are active among the CIS countries
#: and no sub-regional bloc covers all twelve.
C8_MIN_BLOCS, CIS_COUNT = 3, 12


def c8_verdict(n_blocs: float, largest_subregional: float, min_blocs: int = C8_MIN_BLOCS) -> str:
    if not (_known(n_blocs) and _known(largest_subregional)):
        return NO_DATA
    return SUPPORTED if n_blocs >= min_blocs and largest_subregional < CIS_COUNT else CONTRADICTED


# ---- C9: concentric circles around the cores ---------------------------------------------------------
#: C9: a core "dominates" a bloc with at least this share of bloc GDP (%); bloc membership "tracks reform"
#: when members' median EBRD average exceeds non-members' by at least one EBRD step (1/3).
C9_CORE_SHARE, C9_REFORM_STEP = 50.0, 1 / 3


def c9_reform_lead(lead: float, low: float, high: float, step: float = C9_REFORM_STEP) -> bool | None:
    """Membership tracks reform: the members' median lead (EBRD average) is at least one EBRD step, its
    interval wholly above it; wholly below, it does not; an interval spanning the step cannot tell."""
    return interval_side(lead, low, high, above=step - 1e-9)


def c9_verdict(russia_share: float, kazakhstan_share: float | None, reform_lead: bool | None) -> str:
    """C9's parts: Russia's share of its bloc's GDP, Kazakhstan's of the Central Asian bloc's (None when
    no such bloc exists), and whether membership tracks reform (:func:`c9_reform_lead`)."""
    parts = [russia_share >= C9_CORE_SHARE if _known(russia_share) else None, reform_lead]
    if kazakhstan_share is not None and _known(kazakhstan_share):
        parts.append(kazakhstan_share >= C9_CORE_SHARE)
    return combine(*parts)


# ---- C10: a Eurasian union takes long ---------------------------------------------------------------
#: C10: building a union "takes long" when the median Eurasian agreement needs at least this many years to
#: become a working union: a decade, the order of the EEC Treaty's own 12-year transitional period for its
#: customs union (Art. 8; completed in 11.3 years from signature); "contradicted" below C10_SHORT_YEARS, under
#: the EU's quickest steps (about 7 years: Single European Act → single market, Maastricht → euro).
C10_LONG_YEARS, C10_SHORT_YEARS = 10.0, 5.0


def c10_verdict(median_years: float, n_steps: int, n_completed: int, long_years: float = C10_LONG_YEARS,
                short_years: float = C10_SHORT_YEARS) -> str:
    """C10 on the median years from agreement to working union; open agreements count with the years
    waited (so the median is a lower bound while any is open).

    A median of at least ``long_years`` is "supported" either way; with every agreement working, a
    median below ``short_years`` is "contradicted" and one between "mixed"; with some still open and
    the lower bound below ``long_years``, it is "too early" (the bound says which verdicts remain)."""
    if not n_steps or not _known(median_years):
        return NO_DATA
    if median_years >= long_years:
        return SUPPORTED
    if n_completed == n_steps:
        return CONTRADICTED if median_years < short_years else MIXED
    return TOO_EARLY
