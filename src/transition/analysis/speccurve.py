"""Specification curves, their joint test under the null, and which choices move the estimates.

Pure functions on tables (one row per specification: its choices, its estimate, its verdict):

- :func:`curve` sorts the estimates and :func:`choice_panel` lays the choices out under them;
- :func:`joint_test` is the permutation test of the whole curve of Simonsohn, Simmons & Nelson (2020,
  *Nature Human Behaviour* 4, 1208-1214, "Specification curve analysis"): data are generated under the
  null by a permutation function, every specification is re-evaluated with the same choices, and the
  observed median estimate and the share of specifications significant with the claimed sign are set
  against their null distributions (the generic path: any evaluate-like callable, any permutation;
  :mod:`transition.analysis.permutation` computes the same test as array operations when the null
  changes one variable, every specification × permutation in nanoseconds);
- :func:`variance_shares` splits the variance of the estimates by choice (one-way ANOVA R² and the
  Shapley share of the additive model's R²); :func:`verdict_flips` counts the verdicts that change
  when one choice moves away from its default.

The evaluate-like callable and the permutation are arguments: this module knows no claim.

Examples
--------
>>> table = pd.DataFrame({"a": ["x", "x", "y", "y"], "estimate": [1.0, 2.0, 3.0, 4.0]})
>>> curve(table)["rank"].tolist()
[1, 2, 3, 4]
>>> round(float(variance_shares(table, ["a"]).loc[0, "r2_one_way"]), 2)
0.8
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

#: Permutations of the joint test (Simonsohn et al. use 500).
N_PERMUTATIONS = 200
#: The seed of every random draw here: a rerun gives the same p-values.
SEED = 13
#: Significance level of one specification's test.
ALPHA = 0.05


# ---- the curve --------------------------------------------------------------------------------------------
def curve(table: pd.DataFrame, estimate: str = "estimate") -> pd.DataFrame:
    """The specifications with an estimate, sorted by it (ties by the table's order), ranked 1…n."""
    kept = table[table[estimate].notna()]
    ordered = kept.sort_values(estimate, kind="mergesort").reset_index(drop=True)
    return ordered.assign(rank=np.arange(1, len(ordered) + 1))


def choice_panel(curved: pd.DataFrame, dimensions: dict[str, Sequence]) -> pd.DataFrame:
    """Long table under the curve: one row per (rank, dimension, value) with ``chosen`` True where the
    specification at that rank takes that value; ``row`` numbers the (dimension, value) lines top-down."""
    rows, line = [], 0
    for name, values in dimensions.items():
        taken = curved[name].astype(str)
        for value in values:
            chosen = (taken == str(value)).to_numpy()
            rows.append(pd.DataFrame({"rank": curved["rank"].to_numpy(), "dimension": name, "value": str(value),
                                      "row": line, "chosen": chosen}))
            line += 1
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["rank", "dimension", "value", "row", "chosen"])


# ---- the joint test under the null -----------------------------------------------------------------------
@dataclass
class JointTest:
    """The observed curve's median and share significant with the claimed sign, their null distributions
    and one-sided permutation p-values ((1 + as extreme) / (1 + permutations))."""

    n_specifications: int
    n_permutations: int
    observed_median: float
    observed_share: float
    p_median: float
    p_share: float
    null_medians: np.ndarray = field(repr=False)
    null_shares: np.ndarray = field(repr=False)

    def as_row(self) -> dict[str, Any]:
        return {"n_specifications": self.n_specifications, "n_permutations": self.n_permutations,
                "observed_median": self.observed_median, "observed_share_significant": self.observed_share,
                "null_median_median": float(np.nanmedian(self.null_medians)) if self.n_permutations else math.nan,
                "p_median": self.p_median, "p_share_significant": self.p_share}


def curve_statistics(results: list[dict], significant: Callable[[dict], bool]) -> tuple[float, float]:
    """The median estimate of a curve and the share of its specifications significant with the claimed sign."""
    estimates = np.array([float(r.get("estimate", math.nan)) for r in results], dtype=float)
    median = float(np.nanmedian(estimates)) if np.isfinite(estimates).any() else math.nan
    share = float(np.mean([bool(significant(r)) for r in results])) if results else math.nan
    return median, share


def permutation_p(observed: float, null: np.ndarray) -> float:
    """One-sided p: the share of null values at least as large as the observed one, counting the observed."""
    finite = null[np.isfinite(null)]
    if not math.isfinite(observed):
        return math.nan
    return float((1 + np.sum(finite >= observed - 1e-12)) / (1 + len(finite)))


def joint_test(specs: Sequence, evaluate: Callable[[Any, Any], dict], permute: Callable[[Any, np.random.Generator], Any],
               data: Any, significant: Callable[[dict], bool], sign: int = 1,
               n_permutations: int = N_PERMUTATIONS, seed: int = SEED) -> JointTest:
    """Test the whole curve of ``specs`` under the null (Simonsohn, Simmons & Nelson 2020).

    ``evaluate(spec, data)`` returns a dict with ``"estimate"``; ``permute(data, rng)`` returns data
    generated under the null (e.g. the outcome shuffled across units); ``significant(result)`` says
    whether one specification is significant with the claimed sign; ``sign`` is the claimed sign of
    the estimate (+1 or -1), so the median is tested in that direction."""
    if sign not in (1, -1):
        raise ValueError(f"sign must be +1 or -1, not {sign!r}")
    median, share = curve_statistics([evaluate(spec, data) for spec in specs], significant)
    rng = np.random.default_rng(seed)
    null_medians, null_shares = np.full(n_permutations, np.nan), np.full(n_permutations, np.nan)
    for draw in range(n_permutations):
        shuffled = permute(data, rng)
        null_medians[draw], null_shares[draw] = curve_statistics([evaluate(spec, shuffled) for spec in specs], significant)
    return JointTest(len(specs), n_permutations, median, share,
                     permutation_p(sign * median, sign * null_medians), permutation_p(share, null_shares),
                     null_medians, null_shares)


def permute_units(frame: pd.DataFrame, mask: pd.Series, rng: np.random.Generator | None, unit: str = "iso3",
                  units: Sequence | None = None, order: Sequence[int] | None = None) -> pd.DataFrame:
    """A copy of a tidy ``frame`` whose rows under ``mask`` are moved, whole series at a time, to another
    unit: one random permutation of ``units`` (default: every unit under the mask) relabels them, the
    ``k``-th unit's rows going to unit ``pool[order[k]]`` when ``order`` is given (``rng`` is then unused)."""
    pool = sorted(set(frame.loc[mask, unit])) if units is None else list(units)
    mapping = dict(zip(pool, rng.permutation(pool) if order is None else [pool[i] for i in order]))
    moved = frame.copy()
    where = mask & moved[unit].isin(pool)
    moved.loc[where, unit] = moved.loc[where, unit].map(mapping)
    return moved


# ---- which choices move the estimates and the verdicts ----------------------------------------------------
def _dummies(table: pd.DataFrame, name: str) -> np.ndarray:
    """The dummies of one choice (its first value dropped), as ``pd.get_dummies`` makes them for a table."""
    return pd.get_dummies(table[[name]].astype(str), drop_first=True).to_numpy(dtype=float)


def _r2(y: np.ndarray, blocks: dict[str, np.ndarray], names: tuple[str, ...]) -> float:
    """R² of the additive (main-effects) model of ``y`` on the dummies of ``names`` (``blocks``: each
    choice's dummies, made once; side by side in the order of ``names``, the design of ``pd.get_dummies``)."""
    if not names:
        return 0.0
    design = np.column_stack([np.ones(len(y)), *(blocks[name] for name in names)])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    residual = y - design @ coef
    total = np.sum((y - y.mean()) ** 2)
    return float(1 - residual @ residual / total) if total > 0 else 0.0


def variance_shares(table: pd.DataFrame, dimensions: Sequence[str], estimate: str = "estimate") -> pd.DataFrame:
    """Share of the variance of ``estimate`` explained by each choice: one-way ANOVA R² (that choice
    alone) and its Shapley share of the additive model's R² (averaged over the orders in which the
    choices enter); the shares of the Shapley column sum to the additive R², the rest is interaction."""
    kept = table[table[estimate].notna()].reset_index(drop=True)
    y = kept[estimate].to_numpy(dtype=float)
    names = [d for d in dimensions if kept[d].astype(str).nunique() > 1]
    blocks = {name: _dummies(kept, name) for name in names}
    cache: dict[tuple, float] = {}

    def r2(subset) -> float:
        key = tuple(sorted(subset))
        if key not in cache:
            cache[key] = _r2(y, blocks, key)
        return cache[key]

    p = len(names)
    rows = []
    for name in dimensions:
        if name not in names:
            rows.append({"dimension": name, "r2_one_way": 0.0, "shapley_share": 0.0})
            continue
        others = [d for d in names if d != name]
        value = 0.0
        for size in range(p):
            weight = math.factorial(size) * math.factorial(p - size - 1) / math.factorial(p)
            for subset in itertools.combinations(others, size):
                value += weight * (r2((*subset, name)) - r2(subset))
        rows.append({"dimension": name, "r2_one_way": r2((name,)), "shapley_share": value})
    frame = pd.DataFrame(rows)
    frame.attrs["r2_additive"] = r2(tuple(names))
    return frame


def verdict_flips(table: pd.DataFrame, defaults: dict[str, Any], verdict: str = "verdict") -> pd.DataFrame:
    """For each choice: among the specifications taking its default, paired with those that differ in that
    choice alone, the number of pairs and the share whose verdict changes."""
    text = table.astype({name: str for name in defaults})
    rows = []
    for name, default in defaults.items():
        others = [d for d in defaults if d != name]
        base = text[text[name] == str(default)]
        moved = text[text[name] != str(default)]
        how = {"on": others} if others else {"how": "cross"}
        pairs = base[[*others, verdict]].merge(moved[[*others, verdict]], suffixes=("", "_moved"), **how)
        changed = (pairs[verdict] != pairs[f"{verdict}_moved"]).mean() if len(pairs) else math.nan
        rows.append({"dimension": name, "n_pairs": len(pairs), "share_changed": float(changed)})
    return pd.DataFrame(rows)
