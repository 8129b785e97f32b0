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
``mixed``
    some parts hold, others fail or cannot be told (the evidence says which).
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
>>> combine(True, True), combine(True, None), combine(False, None), combine(None, None)
('supported', 'mixed', 'contradicted', 'inconclusive')
>>> interval_side(-31.2, -39.6, -1.6, below=0.0)
True
>>> interval_side(-13.0, -110.7, 49.5, below=0.0) is None
True
"""
from __future__ import annotations

import math

from transition.analysis.output import SUBSTANTIAL_LOSS_INDEX

SUPPORTED, MIXED, CONTRADICTED = "supported", "mixed", "contradicted"
INCONCLUSIVE, TOO_EARLY, NO_DATA = "inconclusive", "too early", "no data"
#: Every verdict, in display order.
VERDICTS = (SUPPORTED, MIXED, CONTRADICTED, INCONCLUSIVE, TOO_EARLY, NO_DATA)

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
        return SUPPORTED if len(known) == len(parts) else MIXED
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


def c5_exports_raw(manufactures: float, raw_cis: float, raw_cee: float) -> bool | None:
    if not all(_known(v) for v in (manufactures, raw_cis, raw_cee)):
        return None
    return manufactures < C5_MANUFACTURES_BELOW and raw_cis >= C5_RAW_RATIO * raw_cee


def c5_verdict(exports_raw: bool | None, imports_processed: bool | None) -> str:
    if exports_raw is None and imports_processed is None:
        return NO_DATA
    return combine(exports_raw, imports_processed)


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
