"""What a referee asks of claim C3: other group definitions, per-capita outcomes, a governance measure
dated before the collapse, and bootstrap intervals.

- :func:`group_intervals` — the essay's comparison (resource-rich CIS vs resource-poor Eastern Europe)
  under every definition of "Eastern Europe", medians and their difference with bootstrap intervals;
- :func:`per_capita_outcomes` — the outcomes again from Maddison GDP per capita;
- :func:`early_governance_index` and :func:`with_governance` — a governance index dated before the
  WGI (Freedom House 1991–93 by default), swapped into the cross-section;
- :func:`shapley_share_intervals` — bootstrap intervals (countries resampled) of governance's
  Shapley share of the joint model's R².

Pure: tables in, tables out.
"""
from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pandas as pd
from scipy.stats import mannwhitneyu

from transition.analysis.groups import (
    BOOTSTRAP_DRAWS,
    BOOTSTRAP_SEED,
    INTERVAL_LEVEL,
    median_difference_interval,
    minimum_detectable_difference,
    median_interval,
    percentile_interval,
)
from transition.analysis.rates import cagr_between
from transition.analysis.resources.cross_section import (
    BASE_YEAR,
    GOVERNANCE_INDEX,
    GROWTH_BREAKS,
    LEVEL_YEARS,
    EASTERN_EUROPE,
    RESOURCE_INDEX,
    RICH_CIS,
    composite_index,
    governance_measures,
    resource_groups,
)
from transition.analysis.resources.models import outcome_sample
from transition.data import countries, derived

#: The governance measure dated before the collapse: Freedom House (8 − mean of the two ratings),
#: averaged over 1991–93 (the WGI start in 1996; Freedom House rates 25–28 of the 29 economies by 1991–93).
EARLY_GOVERNANCE_PERIOD, EARLY_GOVERNANCE_MEASURES = (1991, 1993), ("freedom_house",)
#: The per-capita outcomes' source (Maddison Project GDP per capita, 2011 PPP dollars).
PER_CAPITA_VARIABLE, PER_CAPITA_SOURCE = "mad_gdppc", "maddison_2023"


# ----------------------------------------------------------------------------------------------
# Groups under every definition of Eastern Europe


def _comparison_row(rich: pd.Series, poor: pd.Series, level: float, draws: int, seed: int) -> dict:
    rich_low, rich_high = median_interval(rich, level, draws, seed)
    poor_low, poor_high = median_interval(poor, level, draws, seed + 1)
    diff_low, diff_high = median_difference_interval(rich, poor, level, draws, seed + 2)
    p = mannwhitneyu(rich, poor, alternative="two-sided").pvalue if len(rich) and len(poor) else math.nan
    return {"mde": minimum_detectable_difference(rich, poor),"median_rich_cis": rich.median(), "rich_low": rich_low, "rich_high": rich_high, "n_rich_cis": len(rich),
            "median_poor": poor.median(), "poor_low": poor_low, "poor_high": poor_high, "n_poor": len(poor),
            "difference": rich.median() - poor.median(), "difference_low": diff_low,
            "difference_high": diff_high, "mannwhitney_p": p}


def group_intervals(cross: pd.DataFrame, outcome_names, threshold: float, level: float = INTERVAL_LEVEL,
                    draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED, definitions=None) -> pd.DataFrame:
    """Resource-rich CIS vs resource-poor Eastern Europe under every definition of Eastern Europe.

    Groups by :func:`resource_groups` on ``cross["rents_for_groups"]`` for each definition of
    :data:`EASTERN_EUROPE` (the essay's Central & South-East Europe first); medians with bootstrap
    intervals (countries resampled within each group; the difference resamples both), and a
    two-sided Mann-Whitney p-value. ``definitions``: only these (default every one); each row's
    draws depend only on ``seed``, so a subset gives the same numbers as the full table.

    Returns
    -------
    DataFrame: eastern_europe, poor_group, outcome, median_rich_cis, rich_low, rich_high, n_rich_cis,
    median_poor, poor_low, poor_high, n_poor, difference (rich − poor), difference_low,
    difference_high, mannwhitney_p, mde (the smallest difference of means a t-test of these group sizes
    detects with 80% power at 5%: :func:`~transition.analysis.groups.minimum_detectable_difference`).
    """
    rents = cross.set_index("iso3")["rents_for_groups"]
    rows = []
    for definition, (_members, poor_label) in EASTERN_EUROPE.items():
        if definitions is not None and definition not in definitions:
            continue
        labels = resource_groups(rents, threshold, definition)
        for outcome in outcome_names:
            values = cross.set_index("iso3")[outcome]
            rich, poor = values[labels == RICH_CIS].dropna(), values[labels == poor_label].dropna()
            rows.append({"eastern_europe": definition, "poor_group": poor_label, "outcome": outcome,
                         **_comparison_row(rich, poor, level, draws, seed)})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# Per-capita outcomes


def per_capita_level_years(tidy: pd.DataFrame, level_years=LEVEL_YEARS) -> list[int]:
    """``level_years`` with any year after the last of Maddison's replaced by that last year."""
    last = int(derived.series(tidy, PER_CAPITA_VARIABLE).index.get_level_values("year").max())
    return sorted({min(int(year), last) for year in level_years})


def per_capita_outcomes(tidy: pd.DataFrame, base_year: int = BASE_YEAR, level_years=LEVEL_YEARS,
                        growth_breaks=GROWTH_BREAKS) -> pd.DataFrame:
    """Outcomes from Maddison GDP per capita: ``gdppc_index_<year>`` (base year = 100) and
    ``gdppc_growth_<start>_<end>`` (compound % per year).

    Level years after Maddison's last year become that year (:func:`per_capita_level_years`). A level
    whose base year, or a window whose start, is before a country's first comparable Maddison year
    (``data/definition_breaks.csv``) is missing.

    Returns
    -------
    DataFrame indexed by iso3 (the 29).
    """
    study = countries.study_iso3()
    wide = derived.series(tidy, PER_CAPITA_VARIABLE).unstack("year").reindex(study)
    first = pd.Series({iso3: countries.first_comparable_year(iso3, PER_CAPITA_SOURCE) or 0 for iso3 in study})
    columns = {}
    for year in per_capita_level_years(tidy, level_years):
        index = wide[year] / wide[base_year] * 100.0 if {year, base_year} <= set(wide.columns) else np.nan
        columns[f"gdppc_index_{year}"] = pd.Series(index, index=study).where(first <= base_year)
    for start, end in pairwise(growth_breaks):
        growth = pd.Series({iso3: cagr_between(wide.loc[iso3].dropna(), start, end) for iso3 in study})
        columns[f"gdppc_growth_{start}_{end}"] = growth.where(first <= start)
    return pd.DataFrame(columns).rename_axis("iso3")


def per_capita_cross(tidy: pd.DataFrame, cross: pd.DataFrame, base_year: int = BASE_YEAR,
                     level_years=LEVEL_YEARS, growth_breaks=GROWTH_BREAKS) -> tuple[pd.DataFrame, list[str]]:
    """``cross`` with the per-capita outcomes (:func:`per_capita_outcomes`) joined, and their names."""
    per_capita = per_capita_outcomes(tidy, base_year, level_years, growth_breaks)
    return cross.merge(per_capita.reset_index(), on="iso3", how="left"), list(per_capita.columns)


# ----------------------------------------------------------------------------------------------
# A governance measure dated before the collapse


def early_governance_index(tidy: pd.DataFrame, period=EARLY_GOVERNANCE_PERIOD,
                           names=EARLY_GOVERNANCE_MEASURES) -> pd.Series:
    """A governance index from measures averaged over ``period`` (z-scores; mean of them if several).

    With the default, Freedom House 1991–93: political and civic freedom at the start of the
    transition, before most of the output collapse and before the WGI begin.
    """
    measures = governance_measures(tidy, *period, list(names))
    index, _ = composite_index(measures, "zmean", log1p=False, min_components=1)
    return index.rename(GOVERNANCE_INDEX)


def with_governance(cross: pd.DataFrame, governance: pd.Series) -> pd.DataFrame:
    """A copy of ``cross`` whose governance index is ``governance`` (by iso3; missing → NaN)."""
    return cross.assign(**{GOVERNANCE_INDEX: cross["iso3"].map(governance)})


# ----------------------------------------------------------------------------------------------
# Bootstrap of governance's Shapley share


def _r2(y: np.ndarray, x: np.ndarray) -> float:
    design = np.column_stack([np.ones(len(y)), x])
    beta, *_ = np.linalg.lstsq(design, y, rcond=None)
    total = ((y - y.mean()) ** 2).sum()
    return float(1.0 - ((y - design @ beta) ** 2).sum() / total) if total > 0 else math.nan


def governance_share(y: np.ndarray, resources: np.ndarray, governance: np.ndarray) -> float:
    """Governance's Shapley share of the R² of y ~ resources + governance (two regressors).

    Its Shapley value is (R²(gov) + R²(both) − R²(res)) / 2; the share divides it by R²(both).
    """
    both = _r2(y, np.column_stack([resources, governance]))
    value = (_r2(y, governance[:, None]) + both - _r2(y, resources[:, None])) / 2
    return value / both if both > 0 else math.nan


def shapley_share_intervals(cross: pd.DataFrame, outcome_names, controls=(), base_year: int = BASE_YEAR,
                            level: float = INTERVAL_LEVEL, draws: int = BOOTSTRAP_DRAWS,
                            seed: int = BOOTSTRAP_SEED) -> pd.DataFrame:
    """Bootstrap interval of governance's Shapley share of R² in the joint model, per outcome.

    Countries of each outcome's common sample (:func:`outcome_sample`) are resampled with replacement
    ``draws`` times (one generator per outcome, seeded with ``seed``).

    Returns
    -------
    DataFrame: outcome, share_governance (full sample), low, high, share_draws_governance_more
    (fraction of resamples where governance's share exceeds one half, i.e. resources'), draws, nobs.
    """
    rows = []
    for outcome in outcome_names:
        sample = outcome_sample(cross, outcome, controls, base_year)
        y, res, gov = (sample[c].to_numpy(dtype=float) for c in (outcome, RESOURCE_INDEX, GOVERNANCE_INDEX))
        rng = np.random.default_rng(seed)
        shares = np.array([governance_share(y[i], res[i], gov[i])
                           for i in rng.integers(0, len(y), size=(draws, len(y)))])
        low, high = percentile_interval(shares, level)
        rows.append({"outcome": outcome, "share_governance": governance_share(y, res, gov), "low": low,
                     "high": high, "share_draws_governance_more": float(np.nanmean(shares > 0.5)),
                     "draws": draws, "nobs": len(y)})
    return pd.DataFrame(rows)
