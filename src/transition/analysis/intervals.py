"""Analytical intervals of the numbers the claims ledger cites (bootstrap intervals of medians are in
:mod:`transition.analysis.groups`). Pure functions of numbers; the coverage is :data:`INTERVAL_LEVEL`,
the same as the bootstrap intervals'.

- :func:`proportion_interval` — Clopper-Pearson (exact binomial) interval of a share k/n;
- :func:`spearman_interval` — Fisher-z interval of a Spearman rank correlation with the Bonett-Wright
  (2000) standard error, sqrt((1 + rho²/2) / (n − 3));
- :func:`normal_interval` — estimate ± z·SE; :func:`t_interval` — estimate ± t·SE with the degrees of
  freedom of the test (regression coefficients with clustered standard errors: clusters − 1).

Examples
--------
>>> [round(x, 3) for x in proportion_interval(0, 29)]
[0.0, 0.098]
>>> [round(x, 2) for x in spearman_interval(0.40, 26)]
[0.07, 0.65]
>>> [round(x, 2) for x in normal_interval(1.0, 0.5)]
[0.18, 1.82]
"""
from __future__ import annotations

import math

from scipy import stats

from transition.analysis.groups import INTERVAL_LEVEL


def _z(level: float) -> float:
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level!r}")
    return float(stats.norm.ppf(0.5 + level / 2))


def proportion_interval(k: float, n: float, level: float = INTERVAL_LEVEL) -> tuple[float, float]:
    """Clopper-Pearson interval of the share ``k`` of ``n`` (nan, nan without data)."""
    if not n or n != n or k != k:
        return math.nan, math.nan
    alpha = 1 - level
    low = 0.0 if k == 0 else float(stats.beta.ppf(alpha / 2, k, n - k + 1))
    high = 1.0 if k == n else float(stats.beta.ppf(1 - alpha / 2, k + 1, n - k))
    return low, high


def spearman_interval(rho: float, n: float, level: float = INTERVAL_LEVEL) -> tuple[float, float]:
    """Fisher-z interval of a Spearman correlation ``rho`` on ``n`` pairs (Bonett & Wright 2000); nan below 4 pairs."""
    if n != n or n < 4 or rho != rho or abs(rho) >= 1:
        return math.nan, math.nan
    se = math.sqrt((1 + rho ** 2 / 2) / (n - 3))
    centre = math.atanh(rho)
    return math.tanh(centre - _z(level) * se), math.tanh(centre + _z(level) * se)


def normal_interval(estimate: float, se: float, level: float = INTERVAL_LEVEL) -> tuple[float, float]:
    """``estimate`` ± z·``se`` (normal approximation)."""
    return estimate - _z(level) * se, estimate + _z(level) * se


def t_interval(estimate: float, se: float, df: float, level: float = INTERVAL_LEVEL) -> tuple[float, float]:
    """``estimate`` ± t(``df``)·``se``: the interval that agrees with a t-test on ``df`` degrees of freedom."""
    _z(level)  # checks the level
    crit = float(stats.t.ppf(0.5 + level / 2, df))
    return estimate - crit * se, estimate + crit * se
