"""The fast joint test's statistics on constructed data: each equals the plain computation it replaces
(scipy's Spearman, least squares, follows_order, pandas medians) under the same permutation, and the
whole test equals the generic speccurve.joint_test on a toy curve."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from transition.analysis import permutation, speccurve
from transition.analysis.resources.models import _shapley, r_squared
from transition.analysis.sequencing import ESSAY_ORDER, follows_order

RNG = np.random.default_rng(7)


def _moved(values: np.ndarray, row: np.ndarray) -> np.ndarray:
    """``values`` after an Across row: unit k's value goes to unit row[k]."""
    out = np.empty_like(values)
    out[row] = values
    return out


def test_across_rows_are_the_generic_tests_permutations():
    """Row d is the d-th permutation speccurve.permute_units draws from the same seed."""
    units = [f"U{i:02d}" for i in range(9)]
    frame = pd.DataFrame({"iso3": units, "variable": "x", "value": np.arange(9.0)})
    rng = np.random.default_rng(13)
    rows = permutation.Across(9).draw(5, seed=13)
    for row in rows:
        moved = speccurve.permute_units(frame, frame["variable"] == "x", rng, units=units)
        by_unit = moved.set_index("iso3")["value"].reindex(units).to_numpy()
        assert by_unit.tolist() == _moved(np.arange(9.0), row).tolist()
        given = speccurve.permute_units(frame, frame["variable"] == "x", None, units=units, order=row)
        assert given.equals(moved)


def test_masked_ranks_are_average_ranks_of_the_masked_units():
    values = np.array([3.0, 1.0, 3.0, np.nan, 2.0, 3.0, 1.0])
    mask = RNG.random((20, 7)) < 0.7
    mask[:, 3] = False
    ranks = permutation.masked_ranks(values, mask)
    for row, keep in zip(ranks, mask):
        expected = np.full(7, np.nan)
        expected[keep] = stats.rankdata(values[keep])
        np.testing.assert_array_equal(row, expected)


@pytest.mark.parametrize("seed", range(4))
def test_spearman_equals_scipy_on_the_complete_pairs_after_each_move(seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 6, size=(3, 12)).astype(float)  # ties
    y = rng.normal(size=(3, 12))
    x[rng.random(x.shape) < 0.15] = np.nan
    y[rng.random(y.shape) < 0.15] = np.nan
    perm = permutation.Across(12).draw(25, seed)
    rho, p = permutation.spearman(x, y, perm)
    for s, d in itertools.product(range(3), range(25)):
        moved = _moved(x[s], perm[d])
        keep = ~np.isnan(moved) & ~np.isnan(y[s])
        expected = stats.spearmanr(moved[keep], y[s][keep])
        assert rho[s, d] == pytest.approx(expected.statistic, abs=1e-12)
        assert p[s, d] == pytest.approx(expected.pvalue, abs=1e-12)


def test_spearman_needs_four_pairs():
    x = np.array([[1.0, 2.0, 3.0, np.nan, np.nan]])
    rho, p = permutation.spearman(x, np.array([[1.0, 2.0, 3.0, 4.0, 5.0]]), permutation.Across(5).identity())
    assert np.isnan(rho).all() and np.isnan(p).all()


def test_shapley_share_equals_least_squares_on_each_sample():
    units, outcomes = 14, 3
    y = RNG.normal(size=(2, 4, units))
    used = np.array([[True, True, True, False], [True, False, False, False]])
    first, second = RNG.normal(size=(2, units)), RNG.normal(size=(2, units))
    y[RNG.random(y.shape) < 0.1] = np.nan
    second[0, 2] = np.nan
    level = np.array([1, 0])
    perm = permutation.Across(units).draw(30, 3)
    share = permutation.shapley_share(y, used, level, first, second, perm, min_n=8)
    for s, d in itertools.product(range(2), range(30)):
        moved = _moved(second[s], perm[d])
        frame = pd.DataFrame({"a": first[s], "b": moved, **{f"y{o}": y[s, o] for o in range(outcomes)}})
        enough = all(frame.dropna(subset=[f"y{o}", "a", "b"]).shape[0] >= 8 for o in np.flatnonzero(used[s]))
        sample = frame.dropna(subset=[f"y{level[s]}", "a", "b"])
        if not enough:
            assert np.isnan(share[s, d])
            continue
        parts = _shapley(sample[f"y{level[s]}"].to_numpy(), {"a": sample["a"].to_numpy(), "b": sample["b"].to_numpy()})
        expected = parts["b"] / r_squared(sample, f"y{level[s]}", ["a", "b"])
        assert share[s, d] == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("ties", ["weak", "strict"])
def test_order_table_is_follows_order_under_each_of_the_24_orders(ties):
    for _ in range(200):
        years = RNG.integers(1990, 1995, size=4).astype(float)
        years[RNG.random(4) < 0.1] = np.nan
        left_out = np.zeros(4, dtype=bool)
        if RNG.random() < 0.3:
            left_out[1] = True  # stabilization left out (never high inflation)
            years[1] = np.nan
        table = permutation.order_table(years[None, :], left_out[None, :], strict=ties == "strict")[0]
        chain = [slot for slot in range(4) if not left_out[slot]]
        for k, keys in enumerate(permutation.ORDERS_OF_FOUR):
            shuffled = [years[slot] for slot in sorted(chain, key=lambda slot: keys[slot])]
            dated = {area: None for area in ESSAY_ORDER}
            for slot, year in zip(chain, shuffled):
                dated[ESSAY_ORDER[slot]] = None if np.isnan(year) else int(year)
            excluded = tuple(ESSAY_ORDER[slot] for slot in range(4) if left_out[slot])
            assert table[k] == follows_order(dated, ties=ties, excluded=excluded)[0]


def test_order_counts_count_the_sample_under_each_draw():
    table = RNG.random((6, 24)) < 0.3
    sample = np.array([True, True, False, True, True, False])
    perm = permutation.Within(6).draw(40, 1)
    counts = permutation.order_counts(permutation.pack(table)[None, :], sample[None, :], perm)[0]
    expected = [sum(table[u, perm[d, u]] for u in range(6) if sample[u]) for d in range(40)]
    assert counts.tolist() == expected
    assert permutation.Within(6).identity().tolist() == [[0] * 6] and permutation.ORDERS_OF_FOUR[0].tolist() == [0, 1, 2, 3]


def test_median_difference_moves_the_labels():
    values = np.array([[1.0, 5.0, 2.0, np.nan, 4.0, 3.0]])
    members = np.array([[True, True, False, True, False, False]])
    perm = permutation.Across(6).draw(10, 2)
    lead = permutation.median_difference(values, members, perm)[0]
    for d in range(10):
        labels = _moved(members[0], perm[d])
        s = pd.Series(values[0])
        assert lead[d] == pytest.approx(s[labels].median() - s[~labels].median())


def _toy_statistic(inputs, perm):
    rho, p = permutation.spearman(inputs["x"], inputs["y"], perm)
    with np.errstate(invalid="ignore"):
        return rho, (p < 0.05) & (rho > 0)


def test_the_fast_test_is_the_generic_test_on_a_toy_curve():
    """Three 'specifications' (subsets of the units), x moved across units: identical numbers."""
    n = 20
    data = pd.DataFrame({"iso3": [f"U{i:02d}" for i in range(n)], "x": RNG.normal(size=n)})
    data["y"] = 0.6 * data["x"] + RNG.normal(size=n)
    specs = [slice(0, n), slice(0, 15), slice(5, n)]

    def evaluate(spec, frame):
        part = frame.iloc[spec]
        rho, p = stats.spearmanr(part["x"], part["y"])
        return {"estimate": rho, "p": p}

    def permute(frame, rng):
        order = rng.permutation(n)
        x = np.empty(n)
        x[order] = frame["x"].to_numpy()
        return frame.assign(x=x)

    generic = speccurve.joint_test(specs, evaluate, permute, data, lambda r: r["p"] < 0.05 and r["estimate"] > 0,
                                   n_permutations=60, seed=4)
    inputs = []
    for spec in specs:
        keep = np.zeros(n, dtype=bool)
        keep[spec] = True
        inputs.append({"x": data["x"].to_numpy(), "y": np.where(keep, data["y"], np.nan)})
    stacked = {name: np.array([row[name] for row in inputs]) for name in inputs[0]}
    observed = [a[:, 0] for a in permutation.evaluate(_toy_statistic, stacked, permutation.Across(n).identity())]
    fast = permutation.joint_test(observed, permutation.null_curve(_toy_statistic, stacked,
                                                                   permutation.Across(n).draw(60, 4), block=7))
    assert fast.as_row() == pytest.approx(generic.as_row(), abs=1e-12)
    np.testing.assert_allclose(fast.null_medians, generic.null_medians, atol=1e-12)
    np.testing.assert_array_equal(fast.null_shares, generic.null_shares)


def test_identical_specifications_are_computed_once():
    calls = []

    def statistic(inputs, perm):
        calls.append(len(inputs["x"]))
        return _toy_statistic(inputs, perm)

    x, y = RNG.normal(size=(2, 10)), RNG.normal(size=(2, 10))
    y[0, 3] = np.nan
    stacked = {"x": np.repeat(x, 3, axis=0), "y": np.repeat(y, 3, axis=0)}
    estimates, _significant = permutation.evaluate(statistic, stacked, permutation.Across(10).draw(5, 0))
    assert calls == [2] and estimates.shape == (6, 5)
    np.testing.assert_array_equal(estimates[0], estimates[2])
