"""Specification curves on constructed data: the joint test finds a true effect and is uniform under noise;
the variance decomposition and the verdict flips give the known answers."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from transition.analysis import speccurve

#: A toy space: which rows enter (all or the first 80%) and how x is transformed.
SPECS = list(itertools.product(("all", "head"), ("raw", "square", "rank")))


def _evaluate(spec, data: pd.DataFrame) -> dict:
    subset, transform = spec
    part = data if subset == "all" else data.iloc[: int(0.8 * len(data))]
    x = {"raw": part["x"], "square": part["x"] ** 3, "rank": part["x"].rank()}[transform]
    r = float(np.corrcoef(x, part["y"])[0, 1])
    t = r * np.sqrt((len(part) - 2) / max(1 - r * r, 1e-12))
    return {"estimate": r, "t": t}


def _significant(result: dict) -> bool:
    return result["t"] > 2.0  # about p < 0.05 with the claimed (positive) sign


def _permute(data: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return data.assign(y=rng.permutation(data["y"].to_numpy()))


def _data(effect: float, seed: int, n: int = 40) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    return pd.DataFrame({"x": x, "y": effect * x + rng.normal(size=n)})


def test_a_true_effect_gives_small_p_values():
    test = speccurve.joint_test(SPECS, _evaluate, _permute, _data(1.0, 1), _significant, n_permutations=99)
    assert test.observed_median > 0.5 and test.observed_share == 1.0
    assert test.p_median == pytest.approx(0.01) and test.p_share <= 0.05  # nothing under the null beats it
    assert len(test.null_medians) == 99 and abs(np.median(test.null_medians)) < 0.1


def test_the_claimed_sign_decides_the_direction_of_the_test():
    negative = speccurve.joint_test(SPECS, _evaluate, _permute, _data(1.0, 1), _significant, sign=-1, n_permutations=49)
    assert negative.p_median == pytest.approx(1.0)
    with pytest.raises(ValueError, match="sign must be"):
        speccurve.joint_test(SPECS, _evaluate, _permute, _data(1.0, 1), _significant, sign=0)


def test_pure_noise_gives_p_values_roughly_uniform():
    p = np.array([speccurve.joint_test(SPECS, _evaluate, _permute, _data(0.0, seed), _significant,
                                       n_permutations=19, seed=seed).p_median for seed in range(40)])
    assert 0.35 < p.mean() < 0.65
    assert (p <= 0.1).mean() <= 0.25 and (p > 0.5).mean() > 0.3


def test_the_test_is_reproducible_with_its_seed():
    first = speccurve.joint_test(SPECS, _evaluate, _permute, _data(0.2, 3), _significant, n_permutations=20)
    second = speccurve.joint_test(SPECS, _evaluate, _permute, _data(0.2, 3), _significant, n_permutations=20)
    assert first.as_row() == second.as_row() and first.as_row()["n_specifications"] == 6


def test_permute_units_moves_whole_series_of_the_masked_rows_only():
    frame = pd.DataFrame({"iso3": list("AABBCC"), "variable": ["x", "y"] * 3, "value": [1, 10, 2, 20, 3, 30]})
    moved = speccurve.permute_units(frame, frame["variable"] == "y", np.random.default_rng(0))
    assert moved[moved["variable"] == "x"].equals(frame[frame["variable"] == "x"])
    ys = moved[moved["variable"] == "y"]
    assert sorted(ys["iso3"]) == ["A", "B", "C"] and sorted(ys["value"]) == [10, 20, 30]
    assert frame["iso3"].tolist() == list("AABBCC")  # the input is untouched


def test_curve_and_choice_panel():
    table = pd.DataFrame({"a": ["x", "y", "x"], "b": [1, 1, 2], "estimate": [0.3, -0.1, np.nan]})
    curved = speccurve.curve(table)
    assert curved["estimate"].tolist() == [-0.1, 0.3] and curved["rank"].tolist() == [1, 2]
    panel = speccurve.choice_panel(curved, {"a": ["x", "y"], "b": [1, 2]})
    assert len(panel) == 8 and panel["row"].max() == 3
    assert panel.query("dimension == 'a' and value == 'y'")["chosen"].tolist() == [True, False]


def test_variance_shares_on_a_full_factorial_with_known_effects():
    rows = [{"a": a, "b": b, "c": c, "estimate": 2.0 * a + 1.0 * b}
            for a, b, c in itertools.product((0, 1), (0, 1), ("p", "q", "r"))]
    shares = speccurve.variance_shares(pd.DataFrame(rows), ["a", "b", "c"]).set_index("dimension")
    assert shares.loc["a", "r2_one_way"] == pytest.approx(0.8) and shares.loc["b", "r2_one_way"] == pytest.approx(0.2)
    assert shares.loc["c", "r2_one_way"] == pytest.approx(0.0, abs=1e-12)
    assert shares["shapley_share"].tolist() == pytest.approx([0.8, 0.2, 0.0], abs=1e-9)


def test_shapley_shares_sum_to_the_additive_r2_when_choices_are_correlated():
    rng = np.random.default_rng(0)
    a = rng.integers(0, 2, 200)
    b = np.where(rng.random(200) < 0.8, a, 1 - a)  # b mostly follows a
    table = pd.DataFrame({"a": a, "b": b, "estimate": a + 0.5 * b + 0.3 * rng.normal(size=200)})
    shares = speccurve.variance_shares(table, ["a", "b"])
    assert shares["shapley_share"].sum() == pytest.approx(shares.attrs["r2_additive"])
    assert (shares["r2_one_way"] >= shares["shapley_share"]).all()  # shared variance counted once


def test_verdict_flips_count_pairs_that_differ_in_one_choice():
    rows = [{"a": a, "b": b, "verdict": "supported" if a == 1 else "contradicted"}
            for a, b in itertools.product((1, 2, 3), ("x", "y"))]
    flips = speccurve.verdict_flips(pd.DataFrame(rows), {"a": 1, "b": "x"}).set_index("dimension")
    assert flips.loc["a", "n_pairs"] == 4 and flips.loc["a", "share_changed"] == 1.0
    assert flips.loc["b", "n_pairs"] == 3 and flips.loc["b", "share_changed"] == 0.0
