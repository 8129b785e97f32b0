"""Reforms and growth: panel regressions of real GDP growth on lagged EBRD reform indices (claims C1, C2).

Pure computation for notebook ``04_reforms_and_growth`` (its figures, headlines and findings are in
:mod:`transition.chapters.reforms_and_growth`), in four modules:

- :mod:`~transition.analysis.growth.panel`: the regression panel (growth, reform scores, inflation,
  war, initial conditions, carried-forward scores), lags that respect gaps, sequencing terms;
- :mod:`~transition.analysis.growth.estimate`: one model — design matrix, pooled OLS with year
  effects or country and year fixed effects, country-clustered errors, linear combinations;
- :mod:`~transition.analysis.growth.models`: the notebook's choices (:class:`Config`) and model list;
- :mod:`~transition.analysis.growth.robustness`: the robustness specifications and the robustness rule.

``from transition.analysis import growth`` gives the public API of all four.

References
----------
Staehr, K. (2005), "Reforms and Economic Growth in Transition Economies: Complementarity,
Sequencing and Speed", The European Journal of Comparative Economics 2(2), 177-202 (earlier as
BOFIT Discussion Papers 2003 No. 1).
de Melo, M., Denizer, C., Gelb, A. and Tenev, S. (2001), "Circumstance and Choice: The Role of
Initial Conditions and Policies in Transition Economies", World Bank Economic Review 15(1).
"""
from transition.analysis.growth.estimate import (CONFIDENCE, EFFECTS, Fit, cumulative_terms, design_matrix, fit_model,
                                                 lag_profile, linear_combination, sample_label, tidy_fit)
from transition.analysis.growth.models import (ALPHA, CONTROLS, ROBUST_SHARE, Config, config_from, fit_models, fit_models_as_of,
                                               main_sample, model_specs)
from transition.analysis.growth.panel import (EXTENDED_LAST_YEAR, FIRST_YEAR, GROWTH_SOURCE, INITIAL_YEAR, MAX_LAG,
                                              REFORM_LAG, REFORM_VARIABLES, SEQUENCING_TERMS, THRESHOLD, add_lags,
                                              build_panel, carry_forward, coverage, gap_by_group, gap_paths,
                                              growth_from_levels, growth_rates, initial_conditions, lag, prepare,
                                              sequencing_terms, war_indicator)
from transition.analysis.growth.robustness import (KEY_TERMS, NOT_ROBUST, ROBUST, ROBUSTNESS_COLUMNS, SAME_SIGN,
                                                   VERDICTS, Variant, fit_variant, generic_term, reform_sign_shares,
                                                   robust_effects, robustness_terms, robustness_variants,
                                                   run_robustness, spec_row, with_family)

__all__ = [
    "ALPHA", "CONFIDENCE", "CONTROLS", "EFFECTS", "EXTENDED_LAST_YEAR", "FIRST_YEAR", "GROWTH_SOURCE", "INITIAL_YEAR",
    "KEY_TERMS", "MAX_LAG", "NOT_ROBUST", "REFORM_LAG", "REFORM_VARIABLES", "ROBUST", "ROBUSTNESS_COLUMNS",
    "ROBUST_SHARE", "SAME_SIGN", "SEQUENCING_TERMS", "THRESHOLD", "VERDICTS", "Config", "Fit", "Variant", "add_lags",
    "build_panel", "carry_forward", "config_from", "coverage", "cumulative_terms", "design_matrix", "fit_model",
    "fit_models", "fit_variant", "gap_by_group", "gap_paths", "generic_term", "growth_from_levels", "growth_rates",
    "initial_conditions", "lag", "lag_profile", "linear_combination", "main_sample", "model_specs", "prepare",
    "reform_sign_shares", "robust_effects", "robustness_terms", "robustness_variants", "run_robustness",
    "sample_label", "sequencing_terms", "spec_row", "tidy_fit", "war_indicator", "with_family",
]
