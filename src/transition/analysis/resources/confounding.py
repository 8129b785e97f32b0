"""Is "governance" more than being a former Soviet republic? The within-CIS test of claim C3.

Across the 29 economies the governance index nearly sorts the former Soviet republics from the rest
(every CIS state below the sample mean, every Central European and Baltic one well above it), so a
cross-region association of governance with output cannot tell governance from everything else
that came with the Soviet past (years under planning, the collapse of the union's trade, the
wars). Two checks a referee asks for:

- :func:`governance_beyond_former_ussr` — does governance add to a former-USSR indicator? OLS of
  each outcome on the indicator alone and on the indicator plus the governance index (HC3 standard
  errors): governance's coefficient, its p-value and the gain in R²;
- :func:`governance_within_cis` — does governance go with output *among the CIS states alone*?
  OLS slope (HC3) and Spearman's rho on the CIS states only;
- :func:`governance_separation` — how far the groups' governance ranges overlap.

Pure: tables in, tables out.
"""
from __future__ import annotations

import math

import pandas as pd
from scipy.stats import spearmanr

from transition.analysis.output import WAR_WINDOW
from transition.analysis.resources.cross_section import GOVERNANCE_INDEX
from transition.analysis.resources.models import MIN_OBSERVATIONS, fit_ols
from transition.data import countries

#: The indicator governance has to add to: 1 for the fifteen former Soviet republics (CIS and Baltics).
FORMER_USSR = "former_ussr"


#: The fuller set of initial conditions the data hold (de Melo, Denizer, Gelb & Tenev 2001): the indicator,
#: years under central planning by 1990 (``data/countries.csv``) and war on the territory in 1989-99.
INITIAL_CONDITIONS = (FORMER_USSR, "years_planning", "war_country")


def with_former_ussr(cross: pd.DataFrame) -> pd.DataFrame:
    """``cross`` with the initial conditions of :data:`INITIAL_CONDITIONS` (0/1 former USSR, years under
    planning by 1990, 0/1 war in :data:`WAR_WINDOW`), from ``data/countries.csv``."""
    table = countries.table()
    war = {code: float(bool(countries.war_years(code) & set(range(WAR_WINDOW[0], WAR_WINDOW[1] + 1))))
           for code in table.index}
    return cross.assign(**{FORMER_USSR: cross["iso3"].map(table["former_ussr"].astype(bool).astype(float)),
                           "years_planning": cross["iso3"].map(1990.0 - table["planning_start_year"].astype(float)),
                           "war_country": cross["iso3"].map(war)})


def governance_beyond_former_ussr(cross: pd.DataFrame, outcome_names, controls=(FORMER_USSR,)) -> pd.DataFrame:
    """Per outcome: the controls alone (by default the former-USSR indicator), then with the governance index (HC3).

    Returns
    -------
    DataFrame: outcome, controls ("+"-joined), nobs, r2_former_ussr (the controls alone), r2_with_governance,
    r2_gain, coef_governance, std_coef_governance, p_governance (HC3) and coef_former_ussr, p_former_ussr
    (the indicator's, in the model with governance).
    """
    data, controls = with_former_ussr(cross), list(controls)
    rows = []
    for outcome in outcome_names:
        sample = data.dropna(subset=[outcome, GOVERNANCE_INDEX, *controls])
        alone = fit_ols(sample, outcome, controls)
        both = fit_ols(sample, outcome, [*controls, GOVERNANCE_INDEX]).set_index("term")
        rows.append({"outcome": outcome, "controls": "+".join(controls), "nobs": int(both["nobs"].iloc[0]),
                     "r2_former_ussr": float(alone["r2"].iloc[0]), "r2_with_governance": float(both["r2"].iloc[0]),
                     "r2_gain": float(both["r2"].iloc[0] - alone["r2"].iloc[0]),
                     "coef_governance": both.loc[GOVERNANCE_INDEX, "coef"],
                     "std_coef_governance": both.loc[GOVERNANCE_INDEX, "std_coef"],
                     "p_governance": both.loc[GOVERNANCE_INDEX, "pvalue"],
                     "coef_former_ussr": both.loc[FORMER_USSR, "coef"] if FORMER_USSR in both.index else math.nan,
                     "p_former_ussr": both.loc[FORMER_USSR, "pvalue"] if FORMER_USSR in both.index else math.nan})
    return pd.DataFrame(rows)


def governance_within_cis(cross: pd.DataFrame, outcome_names) -> pd.DataFrame:
    """Per outcome, among the CIS states only: OLS slope of the outcome on governance (HC3) and Spearman's rho.

    Returns
    -------
    DataFrame: outcome, n, slope, std_slope, p_slope (HC3), spearman_rho, spearman_p (NaN when fewer
    than :data:`~.models.MIN_OBSERVATIONS` states have both).
    """
    cis = cross[cross["broad_group"] == "CIS"]
    rows = []
    for outcome in outcome_names:
        sample = cis.dropna(subset=[outcome, GOVERNANCE_INDEX])
        row = {"outcome": outcome, "n": len(sample), "slope": math.nan, "std_slope": math.nan, "p_slope": math.nan,
               "spearman_rho": math.nan, "spearman_p": math.nan}
        if len(sample) >= MIN_OBSERVATIONS:
            fitted = fit_ols(sample, outcome, [GOVERNANCE_INDEX]).set_index("term").loc[GOVERNANCE_INDEX]
            rho, p = spearmanr(sample[GOVERNANCE_INDEX], sample[outcome])
            row.update(slope=fitted["coef"], std_slope=fitted["std_coef"], p_slope=fitted["pvalue"],
                       spearman_rho=float(rho), spearman_p=float(p))
        rows.append(row)
    return pd.DataFrame(rows)


def governance_separation(cross: pd.DataFrame) -> pd.DataFrame:
    """The governance index by broad group: countries, minimum, median, maximum, and how many of the
    group lie inside the range of the CIS (the overlap that lets governance vary apart from the region).

    Examples
    --------
    >>> cross = pd.DataFrame({"broad_group": ["CIS", "CIS", "CEE & Baltics"], "governance_index": [-1.0, 0.5, 0.2]})
    >>> governance_separation(cross)["n_inside_cis_range"].tolist()
    [2, 1]
    """
    values = cross.dropna(subset=[GOVERNANCE_INDEX])
    cis = values.loc[values["broad_group"] == "CIS", GOVERNANCE_INDEX]
    low, high = (cis.min(), cis.max()) if len(cis) else (math.nan, math.nan)
    grouped = values.groupby("broad_group", sort=False)[GOVERNANCE_INDEX]
    table = grouped.agg(n="size", minimum="min", median="median", maximum="max")
    table["n_inside_cis_range"] = grouped.apply(lambda g: int(g.between(low, high).sum()))
    return table.reset_index()
