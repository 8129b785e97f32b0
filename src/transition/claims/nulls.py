"""The null of each claim's joint test (Simonsohn, Simmons & Nelson 2020), declared for the fast engine.

A :class:`Null` says (a) what the permutation shuffles (a :mod:`transition.analysis.permutation` shuffle:
one matrix for every specification), (b) what each specification contributes that does not depend on
it (:attr:`Null.inputs`: arrays computed from the panel by the claim's own pipeline, with the memo of
:mod:`transition.claims.evaluate`), (c)+(d) the statistic on those arrays for every permutation at once
and what counts as significant with the claimed sign (:attr:`Null.statistic`), and the claimed sign.

- **C1** — each country's own area dates in a random order (the own-dates model of notebook 01:
  :mod:`transition.analysis.order_chance`); estimate: the share of countries following the essay's order;
  significant: that count is improbable by chance (``p_chance`` < alpha, from the Poisson-binomial
  distribution of the count, which a shuffle of a country's own dates does not change);
- **C2** — the reform gap (the EBRD scores) permuted across countries; estimate: Spearman's rho of the gap
  and the trough; significant: negative with p < alpha;
- **C3** — the governance measures (hence the governance index) permuted across countries; estimate:
  governance's Shapley share of R² (against the resource index) for the gap's outcome; significant: above
  one half (the share part of the rule; a permutation leaving an outcome of the rule with fewer than 8
  complete countries is refused, as the pipeline refuses it).

- **C9** — the membership labels (members of the specification's bloc) moved between the CIS states
  (:data:`CIS_UNITS`: the pool the bloc recruits from; the reform scores stay); estimate: the members'
  median reform score minus the other CIS states' (:func:`transition.claims.evaluate_integration.reform_lead`);
  "significant" with the claimed sign: a lead of at least one EBRD step (``rules.C9_REFORM_STEP``), the
  rule's threshold (the rule's bootstrap interval is not recomputed per permutation), so the share part
  counts specifications whose lead clears the step.

Adding a claim is declaring those four parts in a :class:`Null` and an entry of :data:`NULLS`.
:func:`joint_test` then runs it on any list of specifications; ``transition multiverse`` computes every
specification's inputs beside its verdict and stores them, so the test over the whole space is a few
array operations (:func:`transition.run.multiverse.write_joint_tests`).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from transition.analysis import (
    integration,
    order_chance,
    permutation,
    sequencing,
    speccurve,
)
from transition.analysis.resources import GOVERNANCE_INDEX, RESOURCE_INDEX
from transition.claims import evaluate, evaluate_integration, rules
from transition.claims.ledger import ALPHA
from transition.claims.space import Spec
from transition.data.vocabulary import study_iso3

#: The units an :class:`~transition.analysis.permutation.Across` null moves between: the study's
#: countries in its order (the pool of today's panel permutation, ``speccurve.permute_units``).
UNITS = tuple(study_iso3())
_POSITION = {code: i for i, code in enumerate(UNITS)}
#: Permutations of the joint test by default (Simonsohn et al. use 500).
N_PERMUTATIONS = 1000


@dataclass(frozen=True)
class Null:
    """One claim's null: (a) ``shuffle``, (b) ``inputs(spec, panel)`` → arrays, (c)+(d) ``statistic(stacked
    inputs, matrix)`` → (estimates, significant), each specifications × permutations; ``sign`` the claimed
    sign of the estimate (the median is tested in that direction)."""

    what: str
    shuffle: permutation.Shuffle
    inputs: Callable[[Spec, pd.DataFrame], dict]
    statistic: permutation.Statistic
    sign: int = 1
    #: What the share part counts, in words (C9: a point lead past the rule's step, not a significance test).
    counted: str = "significant with the claimed sign"


# ---- C1: random orders of each country's own dates ----------------------------------------------------
def _country_orders(dated: dict, excluded: tuple, ties: str) -> tuple[int, float]:
    """One country's packed table of the 24 orders of its own dates and its chance of following the order
    (``order_chance.chance_of_order``), once per distinct (dates, areas left out, ties) in a process."""
    key = ("null-c1-country", tuple(dated.get(area) for area in sequencing.ESSAY_ORDER), tuple(sorted(excluded)), ties)
    if key not in _COUNTRIES:
        dates = np.array([[np.nan if year is None else float(year) for year in key[1]]])
        left_out = np.array([[area in excluded for area in sequencing.ESSAY_ORDER]])
        packed = int(permutation.pack(permutation.order_table(dates, left_out, strict=ties == "strict"))[0])
        _COUNTRIES[key] = (packed, order_chance.chance_of_order(dated, excluded, ties))
    return _COUNTRIES[key]


#: Per process: a country's (dates, areas left out, ties) → (packed orders, chance); a few hundred entries.
_COUNTRIES: dict[tuple, tuple[int, float]] = {}


def inputs_c1(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Each study country's table of the 24 orders of its own dates (packed), whether it is in the sample,
    the count of followers from which chance alone is improbable, and the sample's size."""
    years = evaluate.c1_years(spec, tidy)
    ties = spec.get("ties")
    follows = np.zeros(len(UNITS), dtype=np.int64)
    sample = np.zeros(len(UNITS), dtype=bool)
    chances = []
    for code, (dated, excluded) in years.items():
        packed, chance = _country_orders(dated, excluded, ties)
        follows[_POSITION[code]], sample[_POSITION[code]] = packed, True
        chances.append(chance)
    pmf = order_chance.count_distribution(chances)
    # chance_benchmark's p_chance of a count k, pmf[k:].sum(), below alpha: the smallest such k
    critical = next((k for k in range(len(pmf)) if float(pmf[k:].sum()) < ALPHA), len(pmf))
    return {"follows": follows, "sample": sample, "critical": critical, "n": len(years)}


def statistic_c1(inputs: Mapping[str, np.ndarray], perm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    counts = permutation.order_counts(inputs["follows"].astype(np.int64), inputs["sample"].astype(bool), perm)
    return counts / inputs["n"][:, None], counts >= inputs["critical"][:, None]


# ---- C2: the reform gap permuted across countries ------------------------------------------------------
def inputs_c2(spec: Spec, tidy: pd.DataFrame) -> dict:
    """The specification's gap (every study country's, from its own EBRD scores) and trough (the countries
    of the mechanism's frame), in :data:`UNITS` order."""
    panel_key, cut = evaluate._cut(tidy, spec.get("as_of"))
    x, y = evaluate.c2_columns(spec)

    def arrays():
        gaps = evaluate._memo(("null-c2-gaps", panel_key),
                              lambda: sequencing.gap_at_dates(cut, iso3=list(UNITS)).set_index("iso3"))
        _main, frame = evaluate.c2_paths(spec, tidy)
        trough = pd.to_numeric(frame.set_index("iso3")[y], errors="coerce").astype(float)
        return {"x": gaps[x].reindex(list(UNITS)).to_numpy(dtype=float), "y": trough.reindex(list(UNITS)).to_numpy()}
    return evaluate._memo(("null-c2", panel_key, spec.get("gdp_source"), spec.get("base_year"), spec.get("horizon"),
                           x, y), arrays)


def statistic_c2(inputs: Mapping[str, np.ndarray], perm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rho, p = permutation.spearman(inputs["x"], inputs["y"], perm)
    with np.errstate(invalid="ignore"):
        return rho, (p < ALPHA) & (rho < 0)


# ---- C3: governance permuted across countries -----------------------------------------------------------
#: Most outcomes C3's governance part tests (the level outcome, and a growth window as of the essay).
C3_MAX_OUTCOMES = 4


def inputs_c3(spec: Spec, tidy: pd.DataFrame) -> dict:
    """The outcomes governance is tested on (the gap's outcome first), the resource and governance indices
    by study country, which outcome rows are real and which is the gap's outcome (the estimate's)."""
    panel_key, _cut = evaluate._cut(tidy, spec.get("as_of"))
    gap_outcome, names = evaluate.c3_chosen_outcomes(spec, tidy)

    def arrays():
        cross, _pc_names = evaluate.c3_indices_cross(spec, tidy)
        cross = cross.set_index("iso3").reindex(list(UNITS))
        outcomes = np.full((C3_MAX_OUTCOMES, len(UNITS)), np.nan)
        outcomes[:len(names)] = cross[names].to_numpy(dtype=float).T
        return {"outcomes": outcomes, "used": np.arange(C3_MAX_OUTCOMES) < len(names),
                "level": names.index(gap_outcome),
                "resources": cross[RESOURCE_INDEX].to_numpy(dtype=float),
                "governance": cross[GOVERNANCE_INDEX].to_numpy(dtype=float)}
    return evaluate._memo(("null-c3", panel_key, spec.get("gdp_source"), spec.get("resource_measures"),
                           spec.get("governance_measures"), spec.get("index_method"), gap_outcome, tuple(names)), arrays)


def statistic_c3(inputs: Mapping[str, np.ndarray], perm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    share = permutation.shapley_share(inputs["outcomes"], inputs["used"].astype(bool), inputs["level"].astype(int),
                                      inputs["resources"], inputs["governance"], perm)
    with np.errstate(invalid="ignore"):
        return share, share > 0.5


# ---- C9: membership moved between the CIS states ---------------------------------------------------------
#: The units C9's null moves membership between: the study's CIS states in its order.
CIS_UNITS = tuple(integration.cis_countries())


def inputs_c9(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Every CIS state's reform score in the judged year (NaN without one) and whether it is a member under
    the specification's membership, in :data:`CIS_UNITS` order."""
    panel_key, cut = evaluate._cut(tidy, spec.get("as_of"))

    def arrays():
        scores, members = evaluate_integration.reform_scores(cut, spec, evaluate_integration._bloc_table(spec.get("as_of")))
        scores = scores.reindex(list(CIS_UNITS))
        return {"values": scores.to_numpy(dtype=float), "members": scores.index.isin(members)}
    return evaluate._memo(("null-c9", panel_key, spec.get("membership"), spec.get("reform_measure")), arrays)


def statistic_c9(inputs: Mapping[str, np.ndarray], perm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lead = permutation.median_difference(inputs["values"], inputs["members"].astype(bool), perm)
    with np.errstate(invalid="ignore"):
        return lead, lead >= rules.C9_REFORM_STEP - 1e-9


#: claim → its null.
NULLS: dict[str, Null] = {
    "C1": Null("each country's own area dates in a random order", permutation.Within(len(UNITS)),
               inputs_c1, statistic_c1, sign=1),
    "C2": Null("the EBRD scores and reform areas (hence the reform gap) permuted across countries",
               permutation.Across(len(UNITS)), inputs_c2, statistic_c2, sign=-1),
    "C3": Null("the governance measures permuted across countries", permutation.Across(len(UNITS)),
               inputs_c3, statistic_c3, sign=1),
    "C9": Null("membership of the bloc moved between the CIS states", permutation.Across(len(CIS_UNITS)),
               inputs_c9, statistic_c9, sign=1, counted="with a lead of at least one EBRD step"),
}


# ---- stacking, storing, testing --------------------------------------------------------------------------
def stack(rows: Sequence[Mapping]) -> dict[str, np.ndarray]:
    """Per-specification inputs stacked: one array per name, one row per specification."""
    return {name: np.array([row[name] for row in rows]) for name in rows[0]} if rows else {}


def to_json(inputs: Mapping) -> str:
    """Inputs as JSON (floats exactly, missing values as NaN): how the multiverse's store keeps them."""
    return json.dumps({name: np.asarray(value).tolist() for name, value in inputs.items()})


def from_json(text: str) -> dict:
    """Inputs as :func:`to_json` wrote them (nested lists; :func:`stack` makes the arrays)."""
    return json.loads(text)


def observed(claim: str, stacked: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The statistic on the data as observed (the identity permutation): (estimates, significant)."""
    null = NULLS[claim]
    estimates, significant = permutation.evaluate(null.statistic, stacked, null.shuffle.identity())
    return estimates[:, 0], significant[:, 0]


def joint_test(claim: str, stacked: Mapping[str, np.ndarray], n_permutations: int = N_PERMUTATIONS,
               seed: int = speccurve.SEED) -> speccurve.JointTest:
    """The joint test of ``claim`` over every specification of ``stacked`` (:func:`stack` of their inputs):
    one permutation matrix for all, drawn from ``seed``."""
    null = NULLS[claim]
    curve = permutation.null_curve(null.statistic, stacked, null.shuffle.draw(n_permutations, seed))
    return permutation.joint_test(observed(claim, stacked), curve, null.sign)


def check_observed(claim: str, stacked: Mapping[str, np.ndarray], estimates: np.ndarray, keys: Sequence[str],
                   tolerance: float = 1e-9) -> None:
    """Refuse a joint test whose statistic on the observed data is not the pipeline's estimate (a bug):
    every specification's fast estimate must equal the one its verdict was computed with."""
    fast, _significant = observed(claim, stacked)
    pipeline = np.asarray(estimates, dtype=float)
    differs = ~((np.isnan(fast) & np.isnan(pipeline)) | (np.abs(fast - pipeline) <= tolerance))
    if differs.any():
        first = int(np.flatnonzero(differs)[0])
        raise RuntimeError(f"{claim}: the joint test's statistic on the observed data differs from the pipeline's "
                           f"estimate for {int(differs.sum())} specification(s) (first {keys[first]}: "
                           f"{fast[first]!r} vs {pipeline[first]!r}): a bug in claims/nulls.py")


# ---- the table of joint tests ------------------------------------------------------------------------------
#: The joint tests stored by ``transition multiverse`` beside the multiverse's tables (notebook 09 reads them).
TESTS_FILE = "multiverse_joint_tests.csv"
#: Its columns: one row per claim with a null and as-of choice (the essay's column and the latest data's
#: are tested apart, so that no estimate is counted twice where the cut changes nothing).
TEST_COLUMNS = ["claim", "as_of", "null", "claimed_sign", "n_in_multiverse", "n_specifications", "n_permutations",
                "seed", "observed_median", "observed_share_significant", "null_median_median", "p_median",
                "p_share_significant"]


def test_rows(claim: str, groups: Mapping[str, tuple[list[Mapping], np.ndarray, Sequence[str]]],
              n_permutations: int = N_PERMUTATIONS, seed: int = speccurve.SEED, tolerance: float = 1e-9) -> list[dict]:
    """The joint test of ``claim`` for each as-of choice: ``groups`` maps it to (the specifications' inputs,
    their pipeline estimates, their keys); each group's statistic on the observed data is checked against
    the estimates (:func:`check_observed`, to ``tolerance``) before its test."""
    rows = []
    for when, (inputs, estimates, keys) in groups.items():
        stacked = stack(inputs)
        check_observed(claim, stacked, estimates, keys, tolerance)
        test = joint_test(claim, stacked, n_permutations, seed)
        rows.append({"claim": claim, "as_of": str(when), "null": NULLS[claim].what, "claimed_sign": NULLS[claim].sign,
                     "n_in_multiverse": len(inputs), **test.as_row(), "seed": seed})
    return rows


def no_tests() -> pd.DataFrame:
    """The joint tests' table without a test: its columns, no rows."""
    return pd.DataFrame(columns=TEST_COLUMNS)


def tests_table(rows: Sequence[dict]) -> pd.DataFrame:
    """Rows of :func:`test_rows` as the table (claims, then the as-of choices as the space orders them)."""
    if not rows:
        return no_tests()
    frame = pd.DataFrame(rows)[TEST_COLUMNS]
    return frame.sort_values(["claim", "as_of"], key=lambda c: c.map({"latest": 0}).fillna(1) if c.name == "as_of" else c,
                             kind="mergesort").reset_index(drop=True)
