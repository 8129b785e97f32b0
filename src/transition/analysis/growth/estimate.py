"""One growth model: its design matrix, the estimator with country-clustered errors, and combinations.

:func:`design_matrix` and :func:`fit_model` estimate one model: pooled OLS with year effects
(statsmodels) or country and year fixed effects (linearmodels ``PanelOLS``), standard errors
clustered by country, p-values from Student's t with (countries - 1) degrees of freedom;
:func:`linear_combination` gives the cumulative (distributed-lag) effect and its standard error;
:func:`tidy_fit` and :func:`lag_profile` turn a fit into tables.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import statsmodels.api as sm
from linearmodels.panel import PanelOLS
from linearmodels.panel.utility import AbsorbingEffectWarning
from scipy import stats

from transition.data.vocabulary import EBRD_LAST_YEAR

#: The two kinds of effects: country and year fixed effects, or year effects in pooled OLS.
EFFECTS = ("country_year", "year")
#: Coverage of the confidence intervals of :func:`lag_profile`.
CONFIDENCE = 0.95


def design_matrix(frame: pd.DataFrame, outcome: str, terms: list[str], effects: str = "country_year"):
    """Outcome vector, regressors and cluster ids for one model, on complete cases.

    Parameters
    ----------
    frame : DataFrame with iso3, year, ``outcome`` and ``terms``.
    outcome : str
    terms : list of str
    effects : {"country_year", "year"}
        ``"country_year"``: y and X indexed by (iso3, year), no constant (the effects are absorbed
        by ``PanelOLS``). ``"year"``: X gets a constant and one dummy per year but the first
        (``year_<yyyy>``), for pooled OLS.

    Returns
    -------
    (y, X, groups): Series, DataFrame, Series of iso3 codes (the clusters), same row order.
    """
    if effects not in EFFECTS:
        raise ValueError(f"effects must be one of {EFFECTS}, not {effects!r}")
    missing = [c for c in [outcome, *terms] if c not in frame.columns]
    if missing:
        raise ValueError(f"columns not in the frame: {missing}")
    data = frame.dropna(subset=[outcome, *terms]).sort_values(["iso3", "year"])
    if data.empty:
        raise ValueError(f"no complete observations for {outcome} ~ {' + '.join(terms)}")
    y, X = data[outcome].astype(float), data[terms].astype(float)
    if effects == "country_year":
        index = pd.MultiIndex.from_arrays([data["iso3"], data["year"]], names=["iso3", "year"])
        y.index, X.index = index, index
    else:
        years = pd.get_dummies(data["year"], prefix="year", drop_first=True, dtype=float)
        X = pd.concat([pd.Series(1.0, index=data.index, name="const"), X, years], axis=1)
    groups = pd.Series(data["iso3"].to_numpy(), index=y.index, name="iso3")
    return y, X, groups


@dataclass
class Fit:
    """One estimated model: coefficients, clustered covariance and the sample it used.

    p-values use Student's t with ``n_countries - 1`` degrees of freedom (few clusters).
    """

    params: pd.Series
    cov: pd.DataFrame
    nobs: int
    n_countries: int
    first_year: int
    last_year: int
    effects: str
    terms: list[str]
    n_carried: int = 0
    dropped: list[str] = field(default_factory=list)

    @property
    def df(self) -> int:
        return max(self.n_countries - 1, 1)

    @property
    def se(self) -> pd.Series:
        return pd.Series(np.sqrt(np.diag(self.cov)), index=self.params.index)

    @property
    def pvalues(self) -> pd.Series:
        return pd.Series(2 * stats.t.sf(np.abs(self.params / self.se), self.df), index=self.params.index)


def fit_model(frame: pd.DataFrame, outcome: str, terms: list[str], effects: str = "country_year",
              lag_for_flag: int | None = None) -> Fit:
    """Estimate ``outcome`` on ``terms`` with country-clustered standard errors.

    ``effects="country_year"``: linearmodels ``PanelOLS`` with entity and time effects,
    ``cov_type="clustered"`` by entity with the small-sample corrections (N-1)/(N-K) and G/(G-1).
    ``effects="year"``: statsmodels OLS with a constant and year dummies, cluster-robust
    covariance by country (same corrections). Terms without variation in the sample (e.g. the war
    dummy when war years are excluded) are dropped first and listed in ``Fit.dropped``.

    ``lag_for_flag``: count observations whose lagged reform score (``carried_l<k>``) was carried forward.
    """
    complete = frame.dropna(subset=[outcome, *terms])
    dropped = [t for t in terms if complete[t].nunique() < 2]
    used = [t for t in terms if t not in dropped]
    y, X, groups = design_matrix(frame, outcome, used, effects)
    if effects == "country_year":
        with warnings.catch_warnings():  # absorbed terms are recorded in Fit.dropped instead
            warnings.simplefilter("ignore", AbsorbingEffectWarning)
            result = PanelOLS(y, X, entity_effects=True, time_effects=True, drop_absorbed=True).fit(
                cov_type="clustered", cluster_entity=True, debiased=True, group_debias=True)
        params, cov = result.params, result.cov
        dropped += [t for t in used if t not in params.index]
    else:
        result = sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(groups)[0]})
        params, cov = result.params, result.cov_params()
    years = y.index.get_level_values("year") if effects == "country_year" else frame.loc[y.index, "year"]
    n_carried = 0
    if lag_for_flag is not None and f"carried_l{lag_for_flag}" in frame.columns:
        flags = frame.loc[complete.index, f"carried_l{lag_for_flag}"]
        n_carried = int((flags == 1).sum())
    return Fit(params=params, cov=cov, nobs=len(y), n_countries=int(groups.nunique()),
               first_year=int(min(years)), last_year=int(max(years)), effects=effects,
               terms=[t for t in terms if t not in dropped], n_carried=n_carried, dropped=dropped)


def linear_combination(fit: Fit, weights: dict[str, float]) -> dict[str, float]:
    """Estimate, standard error and p-value of sum(w_j * b_j) (e.g. the cumulative lag effect).

    SE = sqrt(w' V w) from the clustered covariance; the p-value is the t-test (Wald test with
    one restriction) with ``fit.df`` degrees of freedom.
    """
    unknown = [term for term in weights if term not in fit.params.index]
    if unknown:
        raise ValueError(f"terms not in the model: {unknown}")
    w = pd.Series(0.0, index=fit.params.index)
    for term, weight in weights.items():
        w[term] = weight
    estimate = float(w @ fit.params)
    se = float(np.sqrt(w.to_numpy() @ fit.cov.loc[w.index, w.index].to_numpy() @ w.to_numpy()))
    pvalue = float(2 * stats.t.sf(abs(estimate / se), fit.df)) if se > 0 else float("nan")
    return {"estimate": estimate, "se": se, "pvalue": pvalue}


def cumulative_terms(max_lag: int) -> dict[str, float]:
    """Weights of the cumulative distributed-lag effect: 1 on each EBRD-average lag 0..K."""
    return {f"reform_ebrd_average_l{k}": 1.0 for k in range(max_lag + 1)}


def sample_label(fit: Fit, growth_source: str, note: str = "") -> str:
    """Plain description of a model's sample: years, countries, growth source, flags."""
    label = f"{fit.first_year}-{fit.last_year}; {fit.n_countries} countries; growth: {growth_source}"
    if note:
        label += f"; {note}"
    if fit.n_carried:
        label += f"; EBRD scores after {EBRD_LAST_YEAR} carried forward ({fit.n_carried} obs)"
    return label


def tidy_fit(fit: Fit, model: str, sample: str) -> pd.DataFrame:
    """One row per reported term: model, term, coef, se, pvalue, nobs, sample (no constant, no year dummies)."""
    terms = fit.terms
    return pd.DataFrame({"model": model, "term": terms, "coef": fit.params[terms].to_numpy(),
                         "se": fit.se[terms].to_numpy(), "pvalue": fit.pvalues[terms].to_numpy(),
                         "nobs": fit.nobs, "sample": sample})


def lag_profile(fit: Fit, max_lag: int, confidence: float = CONFIDENCE) -> pd.DataFrame:
    """Coefficients of the EBRD average at lags 0..K and the cumulative sum, with ``confidence`` intervals."""
    rows = []
    crit = stats.t.ppf(0.5 + confidence / 2, fit.df)
    for k in range(max_lag + 1):
        term = f"reform_ebrd_average_l{k}"
        rows.append({"lag": str(k), "coef": fit.params[term], "se": fit.se[term], "pvalue": fit.pvalues[term]})
    combo = linear_combination(fit, cumulative_terms(max_lag))
    rows.append({"lag": f"sum 0-{max_lag}", "coef": combo["estimate"], "se": combo["se"], "pvalue": combo["pvalue"]})
    frame = pd.DataFrame(rows)
    return frame.assign(low=frame["coef"] - crit * frame["se"], high=frame["coef"] + crit * frame["se"])
