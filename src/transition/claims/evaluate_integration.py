"""The integration claims (C8, C9, C10) for one specification, computed in-process from the panel and the bloc table.

As :mod:`transition.claims.evaluate` does for C1-C3: the as-of year cuts the panel and the treaties
(``blocs.as_of``) before anything is computed; the numbers come from notebook 07's analysis functions
(:mod:`transition.analysis.integration`), the verdicts from the ledger's rules
(:mod:`transition.claims.rules`). The spaces of choices are in :mod:`transition.claims.spaces`.
"""
from __future__ import annotations

import math

import pandas as pd

from transition.analysis import groups as bootstrap
from transition.analysis import integration
from transition.claims import rules, spaces
from transition.claims.space import Spec
from transition.data import blocs as bloc_data
from transition.data.vocabulary import EBRD_LAST_YEAR, ESSAY_YEAR, LAST_DATA_YEAR

#: The reform measures of C9's second part: choice → panel variable.
REFORM_VARIABLES = {"ebrd_average": "reform_ebrd_average", "institutions": "reform_institutions",
                    "liberalization": "reform_liberalization"}

_BLOCS: dict = {}


def _bloc_table(when) -> pd.DataFrame:
    """The bloc table cut at the as-of year (once per process)."""
    year = None if when == "latest" else int(when)
    if year not in _BLOCS:
        _BLOCS[year] = bloc_data.as_of(bloc_data.load_blocs(), year)
    return _BLOCS[year]


def _year(spec: Spec) -> int:
    return ESSAY_YEAR if spec.get("as_of") == ESSAY_YEAR else LAST_DATA_YEAR


# ---- C8 -------------------------------------------------------------------------------------------------
def evaluate_c8(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict; estimate = blocs active among the CIS countries in the judged year."""
    table, year = _bloc_table(spec.get("as_of")), _year(spec)
    frag = integration.fragmentation(bloc_data.membership_by_year(table, [year]), integration.cis_countries(),
                                     spaces.C8_BLOC_SETS[spec.get("blocs")]).set_index("year").loc[year]
    verdict = rules.c8_verdict(frag["n_blocs_active"], frag["largest_subregional"], min_blocs=spec.get("min_blocs"))
    return {"verdict": verdict, "estimate": float(frag["n_blocs_active"]),
            "largest_subregional": int(frag["largest_subregional"]), "n_overlapping": int(frag["n_overlapping"])}


# ---- C9 -------------------------------------------------------------------------------------------------
def reform_scores(tidy: pd.DataFrame, spec: Spec, table: pd.DataFrame) -> tuple[pd.Series, list[str]]:
    """C9's second part before it is summarized: every CIS state's reform score in the judged year (ISO3 →
    score, NaN without one; the CIS states in :func:`integration.cis_countries` order) and the members
    under the specification's membership (what the joint test's null relabels)."""
    essay = spec.get("as_of") == ESSAY_YEAR
    membership = spec.get("membership")
    if membership == "ledger":
        membership = "eurasec_2002" if essay else "eaeu_2015"
    if membership == "eaeu_2015" and essay:
        raise ValueError("EAEU membership of 2015 is not observed as of 2002")
    bloc, year, day = {"eurasec_2002": ("EURASEC", ESSAY_YEAR, bloc_data.MEMBERSHIP_DAY),
                       "eaeu_2015": ("EAEU", 2015, (12, 31))}[membership]
    members = bloc_data.members(bloc_data.membership_by_year(table, [year], day=day), bloc, year)
    score_year = ESSAY_YEAR if essay else EBRD_LAST_YEAR
    scores = tidy[(tidy["variable"] == REFORM_VARIABLES[spec.get("reform_measure")]) & (tidy["year"] == score_year)]
    return scores.set_index("iso3")["value"].reindex(list(integration.cis_countries())).astype(float), list(members)


def _sides(scores: pd.Series, members: list[str]) -> tuple[pd.Series, pd.Series]:
    """The members' scores (in the bloc table's order) and the other CIS states' (sorted), without NaN:
    the order the bootstrap resamples in."""
    others = sorted(set(scores.index) - set(members))
    return scores.reindex(members).dropna(), scores.reindex(others).dropna()


def reform_lead(scores: pd.Series, members: list[str]) -> float:
    """The members' median reform score minus the other CIS states' (states without a score left out)."""
    first, second = _sides(scores, members)
    return float(first.median() - second.median())


def _reform_lead(tidy: pd.DataFrame, spec: Spec, table: pd.DataFrame) -> tuple[float, float, float]:
    """The members' reform lead (:func:`reform_lead`) with its bootstrap interval (the ledger's)."""
    scores, members = reform_scores(tidy, spec, table)
    low, high = bootstrap.median_difference_interval(*_sides(scores, members))
    return reform_lead(scores, members), low, high


def evaluate_c9(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict; estimate = the members' reform lead (EBRD points)."""
    from transition.claims.evaluate import (  # the shared per-process cut of the panel and memo
        _cut,
        _memo,
    )

    key, cut = _cut(tidy, spec.get("as_of"))
    table, essay = _bloc_table(spec.get("as_of")), spec.get("as_of") == ESSAY_YEAR

    def weights_of():
        membership = bloc_data.membership_by_year(table, range(ESSAY_YEAR, int(cut["year"].max()) + 1))
        return integration.bloc_gdp_shares(membership, integration.gdp_levels(cut, spec.get("gdp_measure")))[0]

    weights = _memo(("c9-weights", key, spec.get("gdp_measure")), weights_of)
    if essay:
        russia = integration.share(weights, "CIS", "RUS", ESSAY_YEAR)[1]
        kazakhstan = integration.share(weights, "CACO", "KAZ", ESSAY_YEAR)[1]
    else:
        russia, kazakhstan = integration.share(weights, "EAEU", "RUS")[1], None  # no Central Asian bloc remains
    lead, low, high = _reform_lead(cut, spec, table)
    verdict = rules.c9_verdict(russia, kazakhstan, rules.c9_reform_lead(lead, low, high))
    return {"verdict": verdict, "estimate": lead, "lead_low": low, "lead_high": high, "russia_share": russia,
            "kazakhstan_share": math.nan if kazakhstan is None else kazakhstan}


# ---- C10 ------------------------------------------------------------------------------------------------
def evaluate_c10(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict; estimate = the median years from agreement to working union (a lower bound while any is open)."""
    table = _bloc_table(spec.get("as_of"))
    agreements = bloc_data.load_eurasian_agreements(first_list_only=spec.get("agreements") == "first_list")
    steps = integration.eurasian_steps(table, as_of=f"{_year(spec)}-12-31", agreements=agreements,
                                       working=spec.get("working"))
    summary = integration.duration_summary(steps)
    verdict = rules.c10_verdict(summary["median_years"], summary["n_steps"], summary["n_completed"],
                                long_years=spec.get("long_years"))
    return {"verdict": verdict, "estimate": summary["median_years"], "n_steps": summary["n_steps"],
            "n_completed": summary["n_completed"]}
