"""Resources or governance? A cross-section of transition outcomes (claim C3).

The essay (claim C3 of ``../shared/seed/CLAIMS.md``) says that in the early 1990s many expected the
resource-rich CIS states to prosper and resource-poor Eastern Europe to sink, that the reverse
happened, and that governance ("correct and honest macro- and micro-management") made the
difference. This package builds what the notebook ``05_resources_vs_governance`` needs to test it (the
cross-section in :mod:`.cross_section`, the models in :mod:`.models`; both re-exported here):

- **outcomes** by country: the real GDP index in chosen years (base year = 100) and compound mean
  annual growth over chosen windows (:func:`outcomes`);
- **resource dependence**: natural-resource rents (% of GDP), fuel and ores & metals shares of
  merchandise exports, oil and gas production and proved reserves per person, each averaged over a
  period (:func:`resource_measures`);
- **governance**: WGI control of corruption, government effectiveness and rule of law and the
  Freedom House ratings (flipped so that higher = freer), averaged over a period
  (:func:`governance_measures`);
- a **composite index** of each family (:func:`composite_index`: mean of z-scores, or weights from
  the first principal component);
- **cross-section regressions** with HC3 robust standard errors and standardized coefficients
  (:func:`fit_ols`), and a **Shapley decomposition** of R² (:func:`shapley_r2`);
- the essay's comparison of **resource-rich CIS vs resource-poor Eastern Europe** — in the essay's
  Soviet usage Central and South-East Europe; Central Europe & the Baltics as a variant
  (:func:`group_comparison`);
- what a referee asks (:mod:`.robustness`): the comparison under every definition of Eastern Europe with
  bootstrap intervals of the medians (:func:`group_intervals`), per-capita outcomes
  (:func:`per_capita_outcomes`), a governance index dated before the collapse
  (:func:`early_governance_index`, :func:`with_governance`) and bootstrap intervals of governance's
  Shapley share (:func:`shapley_share_intervals`).

Examples
--------
>>> import pandas as pd
>>> data = pd.DataFrame({"y": [3.0, 1.0, 2.0, 0.0], "a": [1.0, 1.0, -1.0, -1.0], "b": [1.0, -1.0, 1.0, -1.0]})
>>> shapley_r2(data, "y", ["a", "b"]).round(2).to_dict()
{'a': 0.2, 'b': 0.8}
"""
from __future__ import annotations

from transition.analysis.resources.cross_section import (
    BASE_YEAR,
    EASTERN_EUROPE,
    EASTERN_EUROPE_DEFAULT,
    GDP_SOURCE,
    GOVERNANCE_INDEX,
    GOVERNANCE_PERIOD,
    GROWTH_BREAKS,
    INDEX_METHOD,
    LEVEL_YEARS,
    MIN_COMPONENTS,
    OTHER,
    OTHER_CIS,
    POOR_CE_SEE,
    POOR_CEE,
    POOR_EE_SEE,
    POOR_LABELS,
    RESOURCE_INDEX,
    RESOURCE_PERIOD,
    RICH_CIS,
    RICH_RENTS_THRESHOLD,
    check_eastern_europe,
    combine_vintages,
    composite_index,
    cross_section,
    governance_measures,
    index_weights,
    log_income,
    outcome_end_year,
    outcome_name,
    outcome_start_year,
    outcomes,
    per_capita_total,
    period_mean,
    population,
    resource_groups,
    resource_measures,
    zscores,
)
from transition.analysis.resources.confounding import (
    FORMER_USSR,
    INITIAL_CONDITIONS,
    governance_beyond_former_ussr,
    governance_separation,
    governance_within_cis,
    with_former_ussr,
)
from transition.analysis.resources.models import (
    MIN_OBSERVATIONS,
    MODELS,
    fit_ols,
    group_comparison,
    joint_shapley,
    leave_one_out,
    measure_correlations,
    model_terms,
    outcome_sample,
    r_squared,
    run_models,
    shapley_r2,
    verdicts,
)
from transition.analysis.resources.robustness import (
    BOOTSTRAP_DRAWS,
    BOOTSTRAP_SEED,
    EARLY_GOVERNANCE_MEASURES,
    EARLY_GOVERNANCE_PERIOD,
    INTERVAL_LEVEL,
    early_governance_index,
    governance_share,
    group_intervals,
    per_capita_cross,
    per_capita_level_years,
    per_capita_outcomes,
    shapley_share_intervals,
    with_governance,
)

__all__ = [
    "FORMER_USSR",
    "INITIAL_CONDITIONS",
    "governance_beyond_former_ussr",
    "governance_separation",
    "governance_within_cis",
    "with_former_ussr",
    "BASE_YEAR",
    "BOOTSTRAP_DRAWS",
    "BOOTSTRAP_SEED",
    "EARLY_GOVERNANCE_MEASURES",
    "EARLY_GOVERNANCE_PERIOD",
    "EASTERN_EUROPE",
    "EASTERN_EUROPE_DEFAULT",
    "GDP_SOURCE",
    "GOVERNANCE_INDEX",
    "GOVERNANCE_PERIOD",
    "GROWTH_BREAKS",
    "INDEX_METHOD",
    "INTERVAL_LEVEL",
    "LEVEL_YEARS",
    "MIN_COMPONENTS",
    "MIN_OBSERVATIONS",
    "MODELS",
    "OTHER",
    "OTHER_CIS",
    "POOR_CE_SEE",
    "POOR_CEE",
    "POOR_EE_SEE",
    "POOR_LABELS",
    "RESOURCE_INDEX",
    "RESOURCE_PERIOD",
    "RICH_CIS",
    "RICH_RENTS_THRESHOLD",
    "check_eastern_europe",
    "combine_vintages",
    "composite_index",
    "cross_section",
    "early_governance_index",
    "fit_ols",
    "governance_measures",
    "governance_share",
    "group_comparison",
    "group_intervals",
    "index_weights",
    "joint_shapley",
    "leave_one_out",
    "log_income",
    "measure_correlations",
    "model_terms",
    "outcome_end_year",
    "outcome_name",
    "outcome_sample",
    "outcome_start_year",
    "outcomes",
    "per_capita_cross",
    "per_capita_level_years",
    "per_capita_outcomes",
    "per_capita_total",
    "period_mean",
    "population",
    "r_squared",
    "resource_groups",
    "resource_measures",
    "run_models",
    "shapley_r2",
    "shapley_share_intervals",
    "verdicts",
    "with_governance",
    "zscores",
]
