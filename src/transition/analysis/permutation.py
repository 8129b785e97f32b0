"""The joint test of a whole specification curve as array operations (the fast path of
:func:`transition.analysis.speccurve.joint_test`).

Under the null only the permuted variable changes, so a null is declared in four parts, and every
part but the data's own is here, pure and claim-free:

(a) **what the permutation shuffles** — a :class:`Shuffle` draws one permutation matrix from a seed,
    shared by every specification (as the method requires): :class:`Across` moves a variable's values
    between units (countries), :class:`Within` shuffles each unit's own slots (a country's area dates);
(b) **the per-specification quantities that do not depend on it** — arrays computed once per
    specification from the data by the claim's own pipeline (:mod:`transition.claims.nulls`);
(c) **the statistic as array operations** on those quantities and the matrix, for every permutation
    at once: :func:`spearman` (rank correlation by masked ranks), :func:`shapley_share` (Shapley share of
    R² of two regressors from masked moments: batched least squares), :func:`order_counts` (units whose
    shuffled dates follow an order, from a table of the 24 orders), :func:`median_difference`
    (members-minus-outsiders median, labels permuted);
(d) **what counts as significant with the claimed sign** — a function of the statistic's arrays.

:func:`null_curve` evaluates (c) and (d) for every specification (identical rows computed once, a block
of permutations at a time) and :func:`joint_test` sets the observed curve against the null: the same :class:`speccurve.JointTest` and
p-values as the pipeline's test, in nanoseconds per specification × permutation instead of a
re-evaluation of the pipeline on a permuted panel.

Examples
--------
>>> perm = Across(4).draw(2, seed=1)
>>> perm.shape, sorted(perm[0].tolist())
((2, 4), [0, 1, 2, 3])
>>> rho, p = spearman(np.array([[1.0, 2.0, 3.0, 4.0, 5.0]]), np.array([[2.0, 1.0, 4.0, 3.0, 5.0]]), Across(5).identity())
>>> round(float(rho[0, 0]), 3)
0.8
"""
from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy import special

from transition.analysis import speccurve

#: The 24 orders of four slots (row ``k`` is the ``k``-th permutation of (0, 1, 2, 3) in
#: ``itertools.permutations`` order; row 0 is the identity).
ORDERS_OF_FOUR = np.array(list(itertools.permutations(range(4))), dtype=np.int8)


# ---- (a) what the permutation shuffles ------------------------------------------------------------------
@dataclass(frozen=True)
class Across:
    """A variable's values moved between ``n_units`` units, one permutation of the units per draw.

    Row ``d`` of :meth:`draw` is the ``d``-th ``rng.permutation`` of ``default_rng(seed)``, the stream of
    :func:`speccurve.joint_test` with :func:`speccurve.permute_units` (one call per draw), so row ``d``
    is that test's ``d``-th permutation: unit ``k``'s values go to unit ``row[k]``."""

    n_units: int

    def draw(self, n_permutations: int, seed: int) -> np.ndarray:
        rng = np.random.default_rng(seed)
        return np.array([rng.permutation(self.n_units) for _ in range(n_permutations)],
                        dtype=np.intp).reshape(n_permutations, self.n_units)

    def identity(self) -> np.ndarray:
        return np.arange(self.n_units, dtype=np.intp)[None, :]


@dataclass(frozen=True)
class Within:
    """Each unit's own four slots (e.g. a country's four area dates) in a random order per draw: an index
    into :data:`ORDERS_OF_FOUR` per (draw, unit), uniform, so any subset of the slots is in a uniformly
    random relative order too."""

    n_units: int

    def draw(self, n_permutations: int, seed: int) -> np.ndarray:
        rng = np.random.default_rng(seed)
        return rng.integers(0, len(ORDERS_OF_FOUR), size=(n_permutations, self.n_units), dtype=np.intp)

    def identity(self) -> np.ndarray:
        return np.zeros((1, self.n_units), dtype=np.intp)


Shuffle = Across | Within


def receiving(perm: np.ndarray) -> np.ndarray:
    """For an :class:`Across` matrix (unit ``k``'s values go to unit ``perm[d, k]``), the unit whose
    values each unit receives: ``source[d, perm[d, k]] = k``."""
    source = np.empty_like(perm)
    np.put_along_axis(source, perm, np.broadcast_to(np.arange(perm.shape[1]), perm.shape), axis=1)
    return source


# ---- (c) statistics ----------------------------------------------------------------------------------------
def _tie_groups(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(order, group of each sorted position, last position of each group): units sorted by value (missing
    last, each in a group of its own), ties grouped."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = np.r_[True, ~(ordered[1:] == ordered[:-1])]  # NaN != NaN: every missing value its own group
    group = np.cumsum(new) - 1
    ends = np.r_[np.flatnonzero(new)[1:] - 1, len(values) - 1]
    return order, group, ends


def masked_ranks(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Average ranks (1 = smallest, ties share their mean rank) of ``values`` (one row of units) among the
    units where ``mask`` (draws × units) is True, for every row of ``mask``; NaN where it is False."""
    order, group, ends = _tie_groups(values)
    inside = mask[:, order].astype(np.int32)
    counted = np.cumsum(inside, axis=1)
    through = counted[:, ends]                                      # valid units up to each group's end
    before = np.concatenate([np.zeros((len(mask), 1), dtype=through.dtype), through[:, :-1]], axis=1)
    ranked = (before + (through - before + 1) / 2.0)[:, group]
    ranks = np.empty(mask.shape)
    ranks[:, order] = ranked
    return np.where(mask, ranks, np.nan)


def _pearson(a: np.ndarray, b: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(r, n) of ``a`` and ``b`` over the True entries of ``mask``, row by row (centred, two passes)."""
    n = mask.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        a0 = np.where(mask, a, 0.0)
        b0 = np.where(mask, b, 0.0)
        da = np.where(mask, a - (a0.sum(axis=1) / n)[:, None], 0.0)
        db = np.where(mask, b - (b0.sum(axis=1) / n)[:, None], 0.0)
        r = (da * db).sum(axis=1) / np.sqrt((da * da).sum(axis=1) * (db * db).sum(axis=1))
    return r, n


def spearman(x: np.ndarray, y: np.ndarray, perm: np.ndarray, min_n: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Spearman's rho of ``x`` and ``y`` and its two-sided p (Student t, n − 2 df, as ``scipy.stats.spearmanr``)
    with ``x`` moved between units by each row of an :class:`Across` matrix ``perm``.

    ``x``, ``y``: specifications × units, NaN where a unit has no value; each permutation's rho is
    computed on the units with both values after the move (as a pipeline that drops incomplete rows),
    NaN with fewer than ``min_n`` of them. Returns (rho, p), each specifications × permutations."""
    source = receiving(perm)
    rho = np.full((len(x), len(perm)), np.nan)
    p = np.full_like(rho, np.nan)
    for s in range(len(x)):
        has_x, has_y = ~np.isnan(x[s]), ~np.isnan(y[s])
        both = has_y[None, :] & has_x[source]                     # at each unit: its y and the x it receives
        rank_y = masked_ranks(y[s], both)
        rank_x_own = masked_ranks(x[s], has_x[None, :] & has_y[perm])  # ranked where the x lands next to a y
        rank_x = np.take_along_axis(rank_x_own, source, axis=1)
        r, n = _pearson(rank_x, rank_y, both)
        enough = n >= min_n
        with np.errstate(invalid="ignore", divide="ignore"):
            dof = n - 2
            t = r * np.sqrt((dof / ((r + 1.0) * (1.0 - r))).clip(0))
            rho[s] = np.where(enough, r, np.nan)
            p[s] = np.where(enough, 2 * special.stdtr(dof, -np.abs(t)), np.nan)
    return rho, p


def _r2_one(c_yy, c_xy, c_xx):
    return c_xy ** 2 / (c_yy * c_xx)


def shapley_share(outcomes: np.ndarray, used: np.ndarray, level: np.ndarray, first: np.ndarray,
                  second: np.ndarray, perm: np.ndarray, min_n: int = 8) -> np.ndarray:
    """The Shapley share of R² of ``second`` in the OLS of an outcome on ``first`` and ``second`` (with a
    constant), ``second`` moved between units by each row of an :class:`Across` matrix ``perm``.

    ``outcomes``: specifications × outcomes × units (NaN: no value), ``used``: which outcome rows are real
    (specifications × outcomes), ``level``: the outcome whose share is returned; ``first``, ``second``:
    specifications × units. Each outcome's sample is its units complete in the outcome and both regressors
    after the move; a permutation leaving any used outcome with fewer than ``min_n`` is NaN (the pipeline
    refuses it). The share is ``(R²(second) + R²(both) − R²(first)) / 2 / R²(both)``, R² from the
    sample's centred moments (the least squares of two regressors in closed form). Returns
    specifications × permutations."""
    source = receiving(perm)
    share = np.full((len(outcomes), len(perm)), np.nan)
    for s in range(len(outcomes)):
        moved = second[s][source]                                   # draws × units
        complete = ~np.isnan(first[s])[None, :] & ~np.isnan(moved)
        ok = np.ones(len(perm), dtype=bool)
        for o in np.flatnonzero(used[s]):
            ok &= (complete & ~np.isnan(outcomes[s, o])[None, :]).sum(axis=1) >= min_n
        y = outcomes[s, level[s]]
        mask = complete & ~np.isnan(y)[None, :]
        n = mask.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            centred = {}
            for name, values in (("y", np.broadcast_to(y, mask.shape)), ("a", np.broadcast_to(first[s], mask.shape)),
                                 ("b", moved)):
                mean = np.where(mask, values, 0.0).sum(axis=1) / n
                centred[name] = np.where(mask, values - mean[:, None], 0.0)
            c = {pair: (centred[pair[0]] * centred[pair[1]]).sum(axis=1) for pair in ("yy", "ya", "yb", "aa", "bb", "ab")}
            r2_a, r2_b = _r2_one(c["yy"], c["ya"], c["aa"]), _r2_one(c["yy"], c["yb"], c["bb"])
            r2_ab = ((c["ya"] ** 2 * c["bb"] + c["yb"] ** 2 * c["aa"] - 2 * c["ya"] * c["yb"] * c["ab"])
                     / (c["yy"] * (c["aa"] * c["bb"] - c["ab"] ** 2)))
            value = (0.5 * r2_b + 0.5 * (r2_ab - r2_a)) / r2_ab
        share[s] = np.where(ok, value, np.nan)
    return share


def order_table(dates: np.ndarray, left_out: np.ndarray, strict: bool) -> np.ndarray:
    """Whether each unit's dates, in each of the 24 orders of :data:`ORDERS_OF_FOUR`, follow the slots' order.

    ``dates``: units × 4 (NaN: not reached), ``left_out``: units × 4 (slots not in the chain). Under order
    ``k`` the chain's slots, sorted by their keys ``ORDERS_OF_FOUR[k]``, give their dates to the chain in
    turn; the unit follows when every chain date is reached and each is later than the one before (or the
    same year, unless ``strict``). Order 0 is the observed one. Returns units × 24 booleans."""
    table = np.zeros((len(dates), len(ORDERS_OF_FOUR)), dtype=bool)
    for k, keys in enumerate(ORDERS_OF_FOUR):
        slots = np.argsort(keys, kind="stable")                    # slots in the order of their keys
        chain_dates = dates[:, slots]
        skip = left_out[:, slots]
        follows = np.ones(len(dates), dtype=bool)
        previous = np.full(len(dates), -np.inf)
        for j in range(4):
            date = chain_dates[:, j]
            step = (date > previous) if strict else (date >= previous)  # False for a missing date
            follows &= skip[:, j] | step
            previous = np.where(skip[:, j], previous, date)
        table[:, k] = follows
    return table


def pack(table: np.ndarray) -> np.ndarray:
    """A units × 24 boolean table as one integer per unit (bit ``k``: order ``k``)."""
    return (table.astype(np.int64) << np.arange(table.shape[1], dtype=np.int64)).sum(axis=1)


def order_counts(packed: np.ndarray, sample: np.ndarray, perm: np.ndarray) -> np.ndarray:
    """Units of the sample that follow the order under each row of a :class:`Within` matrix ``perm``.

    ``packed``: specifications × units (:func:`pack` of :func:`order_table`), ``sample``: specifications ×
    units booleans. Returns specifications × permutations counts."""
    counts = np.zeros((len(packed), len(perm)), dtype=np.int64)
    for s in range(len(packed)):
        bits = (packed[s][None, :] >> perm) & 1
        counts[s] = (bits * sample[s][None, :]).sum(axis=1)
    return counts


def median_difference(values: np.ndarray, members: np.ndarray, perm: np.ndarray) -> np.ndarray:
    """Median of ``values`` over the members minus that over the others (units with a value), the
    membership labels moved between units by each row of an :class:`Across` matrix ``perm`` (values stay).

    ``values``: specifications × units (NaN: no value), ``members``: specifications × units booleans.
    Returns specifications × permutations (NaN when a side is empty)."""
    source = receiving(perm)
    out = np.full((len(values), len(perm)), np.nan)
    for s in range(len(values)):
        labels = members[s][source]
        has = ~np.isnan(values[s])[None, :]
        inside = np.where(labels & has, values[s][None, :], np.nan)
        outside = np.where(~labels & has, values[s][None, :], np.nan)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # an empty side: NaN, as intended
            out[s] = np.nanmedian(inside, axis=1) - np.nanmedian(outside, axis=1)
    return out


# ---- (d) and the test ----------------------------------------------------------------------------------------
#: A null's statistic: stacked per-specification inputs and a permutation matrix → (estimates, significant
#: with the claimed sign), each specifications × permutations.
Statistic = Callable[[Mapping[str, np.ndarray], np.ndarray], tuple[np.ndarray, np.ndarray]]


def _distinct(inputs: Mapping[str, np.ndarray]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The distinct specifications of ``inputs`` (rows identical in every array) and, for each
    specification, its distinct row: a statistic is computed once per distinct row."""
    names = sorted(inputs)
    rows = np.concatenate([np.asarray(inputs[name]).reshape(len(inputs[name]), -1).astype(np.float64)
                           for name in names], axis=1)
    missing = np.isnan(rows)
    rows = np.concatenate([np.where(missing, 0.0, rows), missing], axis=1)  # a missing value equals another
    _unique, first, inverse = np.unique(rows, axis=0, return_index=True, return_inverse=True)
    return {name: inputs[name][first] for name in names}, inverse.reshape(-1)


def evaluate(statistic: Statistic, inputs: Mapping[str, np.ndarray], perm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``statistic`` on every specification of ``inputs`` (stacked arrays, one row per specification) and
    every row of ``perm``: (estimates, significant), specifications × permutations; identical
    specifications are computed once."""
    distinct, inverse = _distinct(inputs)
    estimates, significant = statistic(distinct, perm)
    return estimates[inverse], significant[inverse]


def _median_by_column(values: np.ndarray) -> np.ndarray:
    """The median of each column over its finite values (NaN for a column without any)."""
    out = np.full(values.shape[1], np.nan)
    columns = np.isfinite(values).any(axis=0)
    if columns.any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            out[columns] = np.nanmedian(values[:, columns], axis=0)
    return out


def null_curve(statistic: Statistic, inputs: Mapping[str, np.ndarray], perm: np.ndarray,
               block: int = 500) -> tuple[np.ndarray, np.ndarray]:
    """For each row of ``perm``: the median estimate over the specifications (missing ones ignored) and
    the share significant with the claimed sign (a missing estimate is not significant), computed
    ``block`` permutations at a time so that memory stays bounded however many are drawn."""
    distinct, inverse = _distinct(inputs)
    medians, shares = np.full(len(perm), np.nan), np.full(len(perm), np.nan)
    for start in range(0, len(perm), block):
        estimates, significant = statistic(distinct, perm[start:start + block])
        rows = slice(start, start + len(estimates[0]))
        medians[rows] = _median_by_column(estimates[inverse])
        shares[rows] = significant[inverse].mean(axis=0)
    return medians, shares


def joint_test(observed: tuple[np.ndarray, np.ndarray], null: tuple[np.ndarray, np.ndarray],
               sign: int = 1) -> speccurve.JointTest:
    """The curve's joint test: the observed (estimates, significant) per specification against the null
    curve (:func:`null_curve`: median and share per permutation). The median estimate (ignoring missing
    ones) and the share significant, one-sided in the claimed ``sign``, p = (1 + as extreme) / (1 +
    permutations): the numbers of :func:`speccurve.joint_test`."""
    if sign not in (1, -1):
        raise ValueError(f"sign must be +1 or -1, not {sign!r}")
    estimates, significant = (np.asarray(a) for a in observed)
    null_medians, null_shares = null
    median = float(_median_by_column(estimates[:, None])[0]) if len(estimates) else math.nan
    share = float(np.mean(significant)) if len(significant) else math.nan
    return speccurve.JointTest(len(estimates), len(null_medians), median, share,
                               speccurve.permutation_p(sign * median, sign * null_medians),
                               speccurve.permutation_p(share, null_shares), null_medians, null_shares)
