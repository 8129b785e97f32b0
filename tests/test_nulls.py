"""The fast joint test against the pipeline, on the real panel: on random (specification, permutation)
pairs each claim's fast statistic equals the one the pipeline computes on the permuted data (the panel
relabelled as speccurve.joint_test relabels it, then evaluate; C1: the permuted dates through
reform_order and chance_benchmark) to 1e-9, and the whole test equals speccurve.joint_test on a few."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.analysis import order_chance, sequencing, speccurve
from transition.chapters import robustness
from transition.claims import evaluate, nulls, spaces
from transition.claims.ledger import ALPHA

TOLERANCE = 1e-9
PAIRS = np.random.default_rng(2024)


def _random_pairs(claim: str, n: int, n_permutations: int = 200) -> list[tuple]:
    specs = list(spaces.SPACES[claim].specs())
    return [(specs[i], int(d)) for i, d in zip(PAIRS.choice(len(specs), n, replace=False),
                                                PAIRS.integers(0, n_permutations, n))]


def _fast(claim: str, spec, tidy, row: np.ndarray):
    stacked = nulls.stack([nulls.NULLS[claim].inputs(spec, tidy)])
    estimates, significant = nulls.NULLS[claim].statistic(stacked, row[None, :])
    return float(estimates[0, 0]), bool(significant[0, 0]), stacked


@pytest.mark.slow
@pytest.mark.parametrize("claim", ["C2", "C3"])
def test_the_fast_statistic_is_the_pipelines_on_random_pairs(claim, real_panel):
    perm = nulls.NULLS[claim].shuffle.draw(200, speccurve.SEED)
    pipeline = robustness.FreshEvaluate(claim)
    for spec, d in _random_pairs(claim, 2 if claim == "C2" else 3):  # C2: seconds per pair (its growth regressions)
        estimate, significant, stacked = _fast(claim, spec, real_panel, perm[d])
        permuted = robustness.null_permutation(claim, order=perm[d])(real_panel)
        result = pipeline(spec.as_dict(), permuted)
        assert estimate == pytest.approx(result["estimate"], abs=TOLERANCE, nan_ok=True), (spec.choices, d)
        assert significant == bool(robustness.PANEL_NULLS[claim]["significant"](result)), (spec.choices, d)
        if claim == "C2":
            from transition.analysis import permutation

            _rho, p = permutation.spearman(stacked["x"], stacked["y"], perm[d][None, :])
            assert p[0, 0] == pytest.approx(result["p_value"], abs=TOLERANCE)


def _pipeline_c1(spec, tidy, row: np.ndarray) -> tuple[float, bool]:
    """C1 through the analysis functions: reform_timing (as notebook 01 dates the areas), each country's own
    dates reassigned by its order of ORDERS_OF_FOUR, reform_order and chance_benchmark."""
    cut = evaluate.as_of(tidy, spec.get("as_of"))
    sample = spaces.GROUP_SETS[spec.get("groups")]
    last_year = min(int(cut["year"].max()), sequencing.LAST_EBRD_YEAR)
    timing = sequencing.reform_timing(cut, iso3=sample, last_year=last_year, ebrd_threshold=spec.get("ebrd_threshold"),
                                      dating=spec.get("dating"), inflation_threshold=spec.get("inflation_threshold"),
                                      sustained_years=spec.get("sustained_years"),
                                      stabilization_rule=spec.get("stabilization_rule"), never_high=spec.get("never_high"))
    shuffled = []
    for code, rows in timing.groupby("iso3", sort=True):
        rows = rows.set_index("area").loc[list(sequencing.ESSAY_ORDER)].copy()
        chain = [area for area in sequencing.ESSAY_ORDER if not (pd.isna(rows.loc[area, "year_reached"])
                                                               and rows.loc[area, "status"] in ("never_high", "no_data"))]
        keys = nulls.permutation.ORDERS_OF_FOUR[row[nulls.UNITS.index(code)]]
        order = sorted(chain, key=lambda area: keys[sequencing.ESSAY_ORDER.index(area)])
        rows.loc[chain, "year_reached"] = rows.loc[order, "year_reached"].to_numpy()
        shuffled.append(rows.reset_index())
    timing = pd.concat(shuffled, ignore_index=True)
    gap = sequencing.liberalization_institutions_gap(cut, spec.get("ebrd_threshold"), last_year)
    order = sequencing.reform_order(timing, gap[gap["iso3"].isin(sample)], spec.get("ties"))
    chance = order_chance.chance_benchmark(timing, order, spec.get("ties"))
    return chance["n_follow"] / chance["n_countries"], chance["p_chance"] < ALPHA


def test_the_fast_c1_statistic_is_the_pipelines_on_random_pairs(real_panel):
    perm = nulls.NULLS["C1"].shuffle.draw(200, speccurve.SEED)
    for spec, d in _random_pairs("C1", 8):
        estimate, significant, _stacked = _fast("C1", spec, real_panel, perm[d])
        expected = _pipeline_c1(spec, real_panel, perm[d])
        assert (estimate, significant) == pytest.approx(expected, abs=TOLERANCE), (spec.choices, d)
    spec = spaces.SPACES["C1"].default()  # the identity: the observed verdict's count
    assert _fast("C1", spec, real_panel, np.zeros(len(nulls.UNITS), dtype=int))[0] == \
        evaluate.evaluate("C1", spec, real_panel)["estimate"]


def test_the_fast_c9_statistic_is_the_pipelines_on_random_pairs(real_panel):
    """C9: the members of each draw are the states the membership labels moved to (unit k's label to unit
    perm[k]); the pipeline's lead of those members (evaluate_integration.reform_lead) is the fast one."""
    from transition.claims import evaluate_integration as integration_claims
    from transition.claims import rules

    perm = nulls.NULLS["C9"].shuffle.draw(200, speccurve.SEED)
    checked = 0
    for spec in spaces.SPACES["C9"].specs():
        try:
            observed = evaluate.evaluate("C9", spec, real_panel)["estimate"]
        except ValueError:
            continue
        cut = evaluate.as_of(real_panel, spec.get("as_of"))
        scores, members = integration_claims.reform_scores(cut, spec, integration_claims._bloc_table(spec.get("as_of")))
        assert len(members) == 5 and scores.notna().all()  # the bloc's size is kept under the null
        assert _fast("C9", spec, real_panel, np.arange(len(nulls.CIS_UNITS)))[0] == pytest.approx(observed, abs=TOLERANCE)
        for d in PAIRS.integers(0, 200, 3):
            row = perm[d]
            moved = [nulls.CIS_UNITS[row[k]] for k, code in enumerate(nulls.CIS_UNITS) if code in members]
            estimate, significant, _stacked = _fast("C9", spec, real_panel, row)
            expected = integration_claims.reform_lead(scores, moved)
            assert estimate == pytest.approx(expected, abs=TOLERANCE, nan_ok=True), (spec.choices, int(d))
            assert significant == (expected >= rules.C9_REFORM_STEP - 1e-9)
        checked += 1
    assert checked == 45  # 27 latest, 18 as of the essay (EAEU membership is not observed in 2002)


@pytest.mark.slow
def test_the_fast_joint_test_is_speccurves_on_a_few_specifications(real_panel):
    """Two C3 specifications × 3 permutations: the pipeline's joint test and the fast one agree exactly."""
    specs = [spaces.SPACES["C3"].default(), spaces.SPACES["C3"].spec(governance_measures="wgi", index_method="pc1")]
    slow = speccurve.joint_test([s.as_dict() for s in specs], robustness.FreshEvaluate("C3"),
                                robustness.null_permutation("C3"), real_panel,
                                robustness.PANEL_NULLS["C3"]["significant"], 1, n_permutations=3, seed=5)
    fast = nulls.joint_test("C3", nulls.stack([nulls.NULLS["C3"].inputs(s, real_panel) for s in specs]), 3, 5)
    assert fast.as_row() == pytest.approx(slow.as_row(), abs=TOLERANCE)
    np.testing.assert_allclose(fast.null_medians, slow.null_medians, atol=TOLERANCE)


@pytest.mark.parametrize("claim", ["C1", "C2", "C3", "C9"])
def test_the_statistic_on_the_observed_data_is_every_estimate(claim, real_panel):
    every = list(spaces.SPACES[claim].specs())  # C2: the first 32 share their output paths (seconds each)
    specs = every[:32] if claim == "C2" else every[::max(1, len(every) // 24)]
    inputs, estimates = [], []
    for spec in specs:
        try:
            estimates.append(evaluate.evaluate(claim, spec, real_panel)["estimate"])
        except ValueError:
            continue
        inputs.append(nulls.NULLS[claim].inputs(spec, real_panel))
    stacked = nulls.stack(inputs)
    nulls.check_observed(claim, stacked, np.array(estimates), [s.key for s in specs])
    with pytest.raises(RuntimeError, match="differs from the pipeline's estimate"):
        nulls.check_observed(claim, stacked, np.array(estimates) + 1e-6, [s.key for s in specs])
