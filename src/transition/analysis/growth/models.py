"""The models of notebook 04 and its choices: :class:`Config`, :func:`model_specs`, :func:`fit_models`.

Six models on the main sample: pooled OLS with year effects and initial conditions, country and
year fixed effects (the main model), the reform areas, a distributed lag, and two codings of the
sequencing terms (Staehr 2005).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from transition.analysis.growth.estimate import (
    Fit,
    cumulative_terms,
    fit_model,
    linear_combination,
    sample_label,
    tidy_fit,
)
from transition.analysis.growth.panel import (
    EXTENDED_LAST_YEAR,
    FIRST_YEAR,
    GROWTH_SOURCE,
    MAX_LAG,
    REFORM_LAG,
    THRESHOLD,
    build_panel,
    prepare,
)
from transition.data import countries
from transition.data.panel import as_of
from transition.data.vocabulary import EBRD_LAST_YEAR

#: Significance level of the robustness rule.
ALPHA = 0.05
#: Share of specifications that must be significant (same sign in all) for an effect to count as robust.
ROBUST_SHARE = 0.75
#: Controls of every model: log(1 + inflation) and the war-year dummy.
CONTROLS = ["log_inflation", "war"]


@dataclass(frozen=True)
class Config:
    """The notebook's parameters that shape the regressions."""

    growth_source: str = GROWTH_SOURCE
    reform_lag: int = REFORM_LAG
    max_lag: int = MAX_LAG
    threshold: float = THRESHOLD
    first_year: int = FIRST_YEAR
    last_year: int = EBRD_LAST_YEAR
    extended_last_year: int = EXTENDED_LAST_YEAR
    exclude_iso3: tuple = ()
    alpha: float = ALPHA
    robust_share: float = ROBUST_SHARE

    @property
    def iso3(self) -> list[str]:
        return [c for c in countries.study_iso3() if c not in self.exclude_iso3]


def config_from(**params) -> Config:
    """A :class:`Config` from the notebook's parameters (unknown keys such as output_dir ignored)."""
    fields = {f for f in Config.__dataclass_fields__}
    values = {k: v for k, v in params.items() if k in fields}
    if "exclude_iso3" in values:
        values["exclude_iso3"] = tuple(values["exclude_iso3"])
    return replace(Config(), **values)


def model_specs(reform_lag: int = REFORM_LAG, max_lag: int = MAX_LAG) -> dict[str, dict]:
    """The models of the notebook: name -> terms, effects, description.

    - ``pooled_initial``: pooled OLS with year effects; lagged EBRD average, controls and the
      time-invariant initial conditions (they would be absorbed by country effects);
    - ``fe_main``: country and year effects; lagged EBRD average and controls (the main model);
    - ``fe_areas``: the three reform areas instead of the average;
    - ``fe_distributed_lag``: EBRD average at lags 0..K (cumulative effect = sum of the lags);
    - ``fe_sequencing_gap``: plus the gaps liberalization - institutions and large privatization - institutions;
    - ``fe_sequencing_ahead``: plus the dummies "liberalization (large privatization) ahead of institutions".
    """
    L = reform_lag
    return {
        "pooled_initial": {"terms": [f"reform_ebrd_average_l{L}", *CONTROLS, "log_gdppc_1989", "years_planning"],
                           "effects": "year", "description": "pooled OLS, year effects, initial conditions"},
        "fe_main": {"terms": [f"reform_ebrd_average_l{L}", *CONTROLS], "effects": "country_year",
                    "description": "country and year fixed effects"},
        "fe_areas": {"terms": [f"reform_liberalization_l{L}", f"reform_privatization_l{L}",
                               f"reform_institutions_l{L}", *CONTROLS], "effects": "country_year",
                     "description": "country and year FE, reform areas"},
        "fe_distributed_lag": {"terms": [*[f"reform_ebrd_average_l{k}" for k in range(max_lag + 1)], *CONTROLS],
                               "effects": "country_year", "description": f"country and year FE, lags 0-{max_lag}"},
        "fe_sequencing_gap": {"terms": [f"reform_ebrd_average_l{L}", f"gap_lib_inst_l{L}", f"gap_priv_inst_l{L}",
                                        *CONTROLS], "effects": "country_year",
                              "description": "country and year FE, sequencing gaps (index points)"},
        "fe_sequencing_ahead": {"terms": [f"reform_ebrd_average_l{L}", f"lib_ahead_l{L}", f"priv_ahead_l{L}",
                                          *CONTROLS], "effects": "country_year",
                                "description": "country and year FE, 'ahead of institutions' dummies"},
    }


def fit_models(panel: pd.DataFrame, config: Config) -> tuple[dict[str, Fit], pd.DataFrame]:
    """Fit every model of :func:`model_specs` on the main sample.

    Returns
    -------
    (fits, table): fits by model name; the tidy table (model, term, coef, se, pvalue, nobs,
    sample) including a ``cumulative_reform_ebrd_average_l0_<K>`` row for the distributed-lag model.
    """
    frame = prepare(panel, config.reform_lag, config.max_lag, config.threshold, config.first_year,
                    config.last_year, iso3=config.iso3)
    fits, rows = {}, []
    for name, spec in model_specs(config.reform_lag, config.max_lag).items():
        fit = fit_model(frame, "growth", spec["terms"], spec["effects"], lag_for_flag=config.reform_lag)
        fits[name] = fit
        sample = sample_label(fit, config.growth_source)
        rows.append(tidy_fit(fit, name, sample))
        if name == "fe_distributed_lag":
            combo = linear_combination(fit, cumulative_terms(config.max_lag))
            rows.append(pd.DataFrame([{"model": name, "term": f"cumulative_reform_ebrd_average_l0_{config.max_lag}",
                                       "coef": combo["estimate"], "se": combo["se"], "pvalue": combo["pvalue"],
                                       "nobs": fit.nobs, "sample": sample}]))
    return fits, pd.concat(rows, ignore_index=True)


def fit_models_as_of(tidy: pd.DataFrame, config: Config, year: int) -> tuple[dict[str, Fit], pd.DataFrame]:
    """:func:`fit_models` on the panel observed up to ``year`` (growth to ``year`` at most): the models as
    they could be estimated then (the claims ledger judges C2 as of the essay on them)."""
    cut = as_of(tidy, year)
    config = replace(config, last_year=min(int(cut["year"].max()), config.last_year))
    return fit_models(build_panel(cut, config.growth_source, iso3=config.iso3), config)


def main_sample(panel: pd.DataFrame, config: Config) -> pd.DataFrame:
    """The main estimation sample: :func:`prepare` with the config's choices, rows with the lagged EBRD average."""
    frame = prepare(panel, config.reform_lag, config.max_lag, config.threshold, config.first_year, config.last_year)
    return frame.dropna(subset=[f"reform_ebrd_average_l{config.reform_lag}"])
