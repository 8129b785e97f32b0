"""The models of claim C3: OLS with HC3 errors, Shapley R², leave-one-out verdicts, group comparisons.

Every function takes the cross-section of :func:`transition.analysis.resources.cross_section.cross_section`
(or any table with its columns) and returns tables.
"""
from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import mannwhitneyu

from transition.analysis.resources.cross_section import (
    BASE_YEAR,
    GOVERNANCE_INDEX,
    OTHER_CIS,
    POOR_LABELS,
    RESOURCE_INDEX,
    RICH_CIS,
    outcome_start_year,
)

#: The models fitted for every outcome (``joint_controls`` only when there are controls).
MODELS = ("resources", "governance", "joint", "joint_controls")
#: Fewest complete observations for a regression.
MIN_OBSERVATIONS = 8

# ----------------------------------------------------------------------------------------------
# Models


def _design(data: pd.DataFrame, outcome: str, regressors) -> tuple[np.ndarray, np.ndarray]:
    y = data[outcome].to_numpy(dtype=float)
    x = np.column_stack([np.ones(len(data))] + [data[r].to_numpy(dtype=float) for r in regressors])
    return y, x


def r_squared(data: pd.DataFrame, outcome: str, regressors) -> float:
    """R² of the OLS regression of ``outcome`` on ``regressors`` (with a constant); 0 with none."""
    return _r_squared(*_design(data, outcome, list(regressors)))


def _r_squared(y: np.ndarray, x: np.ndarray) -> float:
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    residual = y - x @ beta
    total = ((y - y.mean()) ** 2).sum()
    return float(1.0 - (residual ** 2).sum() / total)


def shapley_r2(data: pd.DataFrame, outcome: str, regressors) -> pd.Series:
    """Shapley decomposition of R²: each regressor's mean marginal R² over all orderings.

    ``phi_j = sum over subsets S of the others of |S|! (p - |S| - 1)! / p! × (R²(S + j) − R²(S))``.
    The contributions add up to the R² of the full model; with uncorrelated regressors each equals
    its squared correlation with the outcome. All fits use the rows complete in every variable.

    Returns
    -------
    Series: regressor → contribution to R².
    """
    regressors = list(regressors)
    data = data.dropna(subset=[outcome, *regressors])
    columns = {r: data[r].to_numpy(dtype=float) for r in regressors}
    values = _shapley(data[outcome].to_numpy(dtype=float), columns)
    return pd.Series(values, name="r2_contribution")


def _shapley(y: np.ndarray, columns: dict[str, np.ndarray]) -> dict[str, float]:
    """:func:`shapley_r2` on arrays: ``y`` and each regressor's column, complete rows only."""
    regressors = list(columns)
    p = len(regressors)
    cache: dict[frozenset, float] = {frozenset(): 0.0}

    def fit(subset: frozenset) -> float:
        if subset not in cache:
            x = np.column_stack([np.ones(len(y))] + [columns[r] for r in regressors if r in subset])
            cache[subset] = _r_squared(y, x)
        return cache[subset]

    values = {}
    for j in regressors:
        others = [r for r in regressors if r != j]
        total = 0.0
        for size in range(p):
            weight = math.factorial(size) * math.factorial(p - size - 1) / math.factorial(p)
            for subset in combinations(others, size):
                base = frozenset(subset)
                total += weight * (fit(base | {j}) - fit(base))
        values[j] = total
    return values


def fit_ols(data: pd.DataFrame, outcome: str, regressors, cov_type: str = "HC3") -> pd.DataFrame:
    """OLS of ``outcome`` on ``regressors`` with robust (default HC3) standard errors.

    Rows missing any variable are dropped. ``std_coef`` = coef × sd(x) / sd(y) in the estimation
    sample (the coefficient when both sides are z-scored); p-values use the robust standard errors
    and the t distribution.

    Returns
    -------
    DataFrame, one row per term (``const`` first): term, coef, std_coef, se, tvalue, pvalue, r2,
    adj_r2, nobs.
    """
    regressors = list(regressors)
    data = data.dropna(subset=[outcome, *regressors])
    if len(data) < max(MIN_OBSERVATIONS, len(regressors) + 3):
        raise ValueError(f"{outcome}: {len(data)} complete observations are too few for {len(regressors)} regressors")
    x = sm.add_constant(data[regressors].astype(float), has_constant="add")
    model = sm.OLS(data[outcome].astype(float), x).fit(cov_type=cov_type)
    sd_y = data[outcome].std(ddof=1)
    std = {"const": np.nan, **{r: model.params[r] * data[r].std(ddof=1) / sd_y for r in regressors}}
    return pd.DataFrame({
        "term": list(model.params.index), "coef": model.params.to_numpy(),
        "std_coef": [std[t] for t in model.params.index], "se": model.bse.to_numpy(),
        "tvalue": model.tvalues.to_numpy(), "pvalue": model.pvalues.to_numpy(),
        "r2": model.rsquared, "adj_r2": model.rsquared_adj, "nobs": int(model.nobs),
    })


def model_terms(outcome: str, controls, base_year: int) -> dict[str, list[str]]:
    """The regressors of each model for one outcome (``joint_controls`` only when there are controls)."""
    extra = [f"log_gdppc_{outcome_start_year(outcome, base_year)}" if c == "initial_income" else c for c in controls]
    models = {"resources": [RESOURCE_INDEX], "governance": [GOVERNANCE_INDEX],
              "joint": [RESOURCE_INDEX, GOVERNANCE_INDEX]}
    if extra:
        models["joint_controls"] = [RESOURCE_INDEX, GOVERNANCE_INDEX, *extra]
    return models


def outcome_sample(cross: pd.DataFrame, outcome: str, controls=(), base_year: int = BASE_YEAR) -> pd.DataFrame:
    """The rows of ``cross`` with ``outcome``, both indices and every control of :func:`model_terms`.

    One common sample per outcome keeps the R² of its models comparable.
    """
    terms = model_terms(outcome, controls, base_year)
    needed = sorted({t for regressors in terms.values() for t in regressors})
    return cross.dropna(subset=[outcome, *needed])


def run_models(cross: pd.DataFrame, outcome_names, controls=(), base_year: int = BASE_YEAR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every model for every outcome on its common sample (:func:`outcome_sample`); Shapley R² of the multi-regressor models.

    Returns
    -------
    (models, shapley): ``models`` with columns model, outcome, term, coef, std_coef, se, tvalue,
    pvalue, r2, adj_r2, nobs; ``shapley`` with columns model, outcome, term, r2_contribution,
    share_of_r2, r2, nobs.
    """
    model_rows, shapley_rows = [], []
    for outcome in outcome_names:
        sample = outcome_sample(cross, outcome, controls, base_year)
        for model, regressors in model_terms(outcome, controls, base_year).items():
            fitted = fit_ols(sample, outcome, regressors)
            model_rows.append(fitted.assign(model=model, outcome=outcome))
            if len(regressors) > 1:
                contributions = shapley_r2(sample, outcome, regressors)
                r2 = contributions.sum()
                shapley_rows.append(pd.DataFrame({
                    "model": model, "outcome": outcome, "term": contributions.index,
                    "r2_contribution": contributions.to_numpy(),
                    "share_of_r2": contributions.to_numpy() / r2 if r2 > 0 else np.nan,
                    "r2": r2, "nobs": len(sample)}))
    columns = ["model", "outcome", "term", "coef", "std_coef", "se", "tvalue", "pvalue", "r2", "adj_r2", "nobs"]
    models = pd.concat(model_rows, ignore_index=True)[columns]
    return models, pd.concat(shapley_rows, ignore_index=True)


def joint_shapley(cross: pd.DataFrame, outcome_names, controls=(), base_year: int = BASE_YEAR) -> pd.DataFrame:
    """Per outcome, the Shapley R² of the joint model only: the part of :func:`verdicts` that needs no OLS fit.

    The same samples (:func:`outcome_sample`) and decomposition (:func:`shapley_r2`) as
    :func:`run_models`, and the joint model's R² (``r2_joint``) from the same OLS fit without the
    robust standard errors the verdict does not use. Refused like :func:`run_models` (ValueError) when a
    sample is too small for a model.

    Returns
    -------
    DataFrame indexed by outcome: nobs, r2_joint, shapley_resources, shapley_governance,
    governance_explains_more.
    """
    rows, indices = [], (RESOURCE_INDEX, GOVERNANCE_INDEX)
    for outcome in outcome_names:
        terms = model_terms(outcome, controls, base_year)
        needed = [outcome, *sorted({t for regressors in terms.values() for t in regressors})]
        arrays = {name: cross[name].to_numpy(dtype=float) for name in needed}
        complete = ~np.any([np.isnan(values) for values in arrays.values()], axis=0)  # outcome_sample's rows
        for regressors in terms.values():  # the check of fit_ols, which run_models calls first
            if complete.sum() < max(MIN_OBSERVATIONS, len(regressors) + 3):
                raise ValueError(f"{outcome}: {complete.sum()} complete observations are too few for "
                                 f"{len(regressors)} regressors")
        y, columns = arrays[outcome][complete], {r: arrays[r][complete] for r in indices}
        contributions = _shapley(y, columns)
        design = np.asfortranarray(np.column_stack([np.ones(len(y)), *columns.values()]))  # fit_ols' layout:
        joint = sm.OLS(y, design).fit()  # its R², bit for bit
        rows.append({"outcome": outcome, "nobs": int(complete.sum()), "r2_joint": joint.rsquared,
                     "shapley_resources": contributions[RESOURCE_INDEX],
                     "shapley_governance": contributions[GOVERNANCE_INDEX]})
    frame = pd.DataFrame(rows).set_index("outcome")
    frame["governance_explains_more"] = frame["shapley_governance"] > frame["shapley_resources"]
    return frame


def leave_one_out(cross: pd.DataFrame, outcome_names, controls=(), base_year: int = BASE_YEAR) -> pd.DataFrame:
    """How fragile is the verdict? Shapley R² of the joint model with each country left out in turn.

    Returns
    -------
    DataFrame with columns outcome, dropped (iso3), shapley_resources, shapley_governance,
    governance_explains_more, flips (True when the verdict differs from the full sample's).
    """
    rows = []
    for outcome in outcome_names:
        sample = outcome_sample(cross, outcome, controls, base_year)
        full = shapley_r2(sample, outcome, [RESOURCE_INDEX, GOVERNANCE_INDEX])
        full_verdict = bool(full[GOVERNANCE_INDEX] > full[RESOURCE_INDEX])
        for iso3 in sorted(sample["iso3"]):
            shares = shapley_r2(sample[sample["iso3"] != iso3], outcome, [RESOURCE_INDEX, GOVERNANCE_INDEX])
            verdict = bool(shares[GOVERNANCE_INDEX] > shares[RESOURCE_INDEX])
            rows.append({"outcome": outcome, "dropped": iso3, "shapley_resources": shares[RESOURCE_INDEX],
                         "shapley_governance": shares[GOVERNANCE_INDEX], "governance_explains_more": verdict,
                         "flips": verdict != full_verdict})
    return pd.DataFrame(rows)


def verdicts(models: pd.DataFrame, shapley: pd.DataFrame, loo: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per outcome: which explains more, resources or governance.

    Rule: governance explains more when its Shapley share of R² in the joint model (resource and
    governance indices together) exceeds that of resources.

    Parameters
    ----------
    models, shapley : DataFrame
        From :func:`run_models`.
    loo : DataFrame, optional
        From :func:`leave_one_out`: adds ``n_flips`` (single countries whose removal reverses the
        verdict) and ``flipped_by`` (their ISO3 codes, comma-separated).

    Returns
    -------
    DataFrame indexed by outcome: nobs, r2_resources, r2_governance (single-index models),
    r2_joint, shapley_resources, shapley_governance (R² contributions in the joint model),
    std_coef/p of each index in the joint model, governance_explains_more (and the loo columns).
    """
    rows = []
    for outcome, group in models.groupby("outcome", sort=False):
        def term(model, name, column, group=group):
            return group[(group["model"] == model) & (group["term"] == name)][column].iloc[0]
        joint = shapley[(shapley["outcome"] == outcome) & (shapley["model"] == "joint")].set_index("term")
        rows.append({
            "outcome": outcome, "nobs": int(term("joint", "const", "nobs")),
            "r2_resources": term("resources", "const", "r2"), "r2_governance": term("governance", "const", "r2"),
            "r2_joint": term("joint", "const", "r2"),
            "shapley_resources": joint.loc[RESOURCE_INDEX, "r2_contribution"],
            "shapley_governance": joint.loc[GOVERNANCE_INDEX, "r2_contribution"],
            "std_coef_resources": term("joint", RESOURCE_INDEX, "std_coef"),
            "p_resources": term("joint", RESOURCE_INDEX, "pvalue"),
            "std_coef_governance": term("joint", GOVERNANCE_INDEX, "std_coef"),
            "p_governance": term("joint", GOVERNANCE_INDEX, "pvalue"),
        })
    frame = pd.DataFrame(rows).set_index("outcome")
    frame["governance_explains_more"] = frame["shapley_governance"] > frame["shapley_resources"]
    if loo is not None:
        flips = loo[loo["flips"]].groupby("outcome")["dropped"]
        frame["n_flips"] = flips.size().reindex(frame.index).fillna(0).astype(int)
        frame["flipped_by"] = flips.agg(", ".join).reindex(frame.index).fillna("")
    return frame


def measure_correlations(cross: pd.DataFrame, outcome_names, measure_columns) -> pd.DataFrame:
    """Each single measure against each outcome: Pearson r (= standardized slope), HC3 p-value, n.

    Resource measures (``res_*``) enter as log(1 + x), as in the index.

    Returns
    -------
    DataFrame with columns outcome, measure, r, pvalue, nobs.
    """
    rows = []
    for outcome in outcome_names:
        for column in measure_columns:
            data = cross[[outcome, column]].dropna().copy()
            if column.startswith("res_"):
                data[column] = np.log1p(data[column])
            fitted = fit_ols(data, outcome, [column]).set_index("term").loc[column]
            rows.append({"outcome": outcome, "measure": column, "r": fitted["std_coef"],
                         "pvalue": fitted["pvalue"], "nobs": int(fitted["nobs"])})
    return pd.DataFrame(rows)


def group_comparison(cross: pd.DataFrame, outcome_names, test: bool = True) -> pd.DataFrame:
    """Median outcomes of the essay's groups and a two-sided Mann-Whitney test, rich CIS vs poor CEE.

    The "poor CEE" columns hold the resource-poor Eastern European group of ``cross``, whichever
    definition of Eastern Europe it was built with (:data:`~.cross_section.EASTERN_EUROPE`).

    Returns
    -------
    DataFrame with columns outcome, median_rich_cis, median_other_cis, median_poor_cee, n_rich_cis,
    n_other_cis, n_poor_cee, difference (rich CIS − poor CEE medians), mannwhitney_p (NaN without ``test``).
    """
    rows = []
    present = [label for label in POOR_LABELS if (cross["resource_group"] == label).any()]
    poor_label = present[0] if present else POOR_LABELS[0]
    for outcome in outcome_names:
        values = {label: cross.loc[cross["resource_group"] == label, outcome].dropna()
                  for label in (RICH_CIS, OTHER_CIS, poor_label)}
        rich, other, poor = values[RICH_CIS], values[OTHER_CIS], values[poor_label]
        p = mannwhitneyu(rich, poor, alternative="two-sided").pvalue if test and len(rich) and len(poor) else np.nan
        rows.append({"outcome": outcome, "median_rich_cis": rich.median(), "median_other_cis": other.median(),
                     "median_poor_cee": poor.median(), "n_rich_cis": len(rich), "n_other_cis": len(other),
                     "n_poor_cee": len(poor), "difference": rich.median() - poor.median(), "mannwhitney_p": p})
    return pd.DataFrame(rows)
