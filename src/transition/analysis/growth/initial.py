"""Initial conditions and feedback from growth to reform: the literature's checks on the growth models.

Two robustness models in the spirit of the reform-growth literature that notebook 04 sets itself
against:

- :func:`fit_initial_conditions`: pooled OLS with year effects of growth on the lagged EBRD
  average, the controls and a fuller set of initial conditions (de Melo, Denizer, Gelb & Tenev
  2001; Falcetti, Raiser & Sanfey 2002): income per capita in 1989, years under central planning,
  natural-resource wealth, a country at war during the transition, and a new state;
- :func:`fit_feedback`: does growth feed back into reform? The yearly change of the EBRD average
  on last year's growth, with country and year effects (a Granger-type check; Falcetti,
  Lysenko & Sanfey 2006 model the two directions jointly).

Pure: tables in, tables out. The resource rule is notebook 05's (one rule per threshold):
rents (% of GDP) averaged over :data:`~transition.analysis.resources.cross_section.RESOURCE_PERIOD`
at or above :data:`~transition.analysis.resources.cross_section.RICH_RENTS_THRESHOLD`.
"""
from __future__ import annotations

import pandas as pd

from transition.analysis.growth.estimate import Fit, fit_model, sample_label, tidy_fit
from transition.analysis.growth.models import CONTROLS, Config
from transition.analysis.growth.panel import lag, prepare
from transition.analysis.resources.cross_section import (
    RESOURCE_PERIOD,
    RICH_RENTS_THRESHOLD,
)
from transition.data import countries
from transition.data.vocabulary import RESOURCE_MEASURES

#: The rents series of the resource rule (WDI total natural-resource rents, % of GDP).
RENTS_VARIABLE = RESOURCE_MEASURES["rents"].variables[0]
#: A state is "new" when it became independent in or after this year (former USSR and Yugoslavia,
#: the Czech and Slovak Republics), as in de Melo et al. (2001).
NEW_STATE_YEAR = 1991
#: The country-level initial conditions added to the panel (the first two are already in it).
INITIAL_TERMS = ["log_gdppc_1989", "years_planning", "resource_rich", "war_country", "new_state"]
#: The model names of this module's two fits.
INITIAL_MODEL, FEEDBACK_MODEL = "pooled_initial_full", "fe_feedback"
#: Lags of growth in the feedback model (reform change in t on growth in t-1).
FEEDBACK_LAG = 1


def resource_rich(tidy: pd.DataFrame, iso3: list[str], period=RESOURCE_PERIOD,
                  threshold: float = RICH_RENTS_THRESHOLD) -> pd.Series:
    """1.0 when a country's mean rents over ``period`` are at least ``threshold`` % of GDP, 0.0 below, NaN without data.

    Examples
    --------
    >>> tidy = pd.DataFrame({"iso3": ["AAA", "AAA", "BBB"], "year": [1995, 1996, 1995],
    ...                      "variable": RENTS_VARIABLE, "value": [12.0, 9.0, 2.0]})
    >>> resource_rich(tidy, ["AAA", "BBB", "CCC"], (1995, 1996), 10.0).tolist()
    [1.0, 0.0, nan]
    """
    rents = tidy[(tidy["variable"] == RENTS_VARIABLE) & tidy["year"].between(*period)]
    mean = rents.groupby("iso3")["value"].mean().reindex(iso3)
    return (mean >= threshold).astype(float).where(mean.notna()).rename("resource_rich")


def war_country(iso3: list[str], first_year: int, last_year: int) -> pd.Series:
    """1.0 for a country with war on its territory in any year from ``first_year`` to ``last_year``."""
    years = set(range(first_year, last_year + 1))
    return pd.Series([float(bool(countries.war_years(c) & years)) for c in iso3], index=iso3, name="war_country")


def new_state(iso3: list[str], since: int = NEW_STATE_YEAR) -> pd.Series:
    """1.0 for a state independent only since ``since`` or later (``countries.csv`` independence_year)."""
    table = countries.table()
    return pd.Series([float(table.loc[c, "independence_year"] >= since) for c in iso3], index=iso3, name="new_state")


def add_initial_conditions(panel: pd.DataFrame, tidy: pd.DataFrame, config: Config) -> pd.DataFrame:
    """The panel with ``resource_rich``, ``war_country`` (war in the sample years) and ``new_state`` per country."""
    codes = sorted(panel["iso3"].unique())
    extra = pd.concat([resource_rich(tidy, codes), war_country(codes, config.first_year, config.last_year),
                       new_state(codes)], axis=1).rename_axis("iso3").reset_index()
    return panel.drop(columns=[c for c in extra.columns if c != "iso3" and c in panel]).merge(extra, on="iso3", how="left")


def initial_conditions_table(panel: pd.DataFrame) -> pd.DataFrame:
    """One row per country: group and the initial conditions of :data:`INITIAL_TERMS`."""
    return panel.groupby("iso3", sort=True)[["group", *INITIAL_TERMS]].first().reset_index()


def initial_terms(reform_lag: int) -> list[str]:
    """Regressors of the initial-conditions model: the lagged EBRD average, the controls, the initial conditions."""
    return [f"reform_ebrd_average_l{reform_lag}", *CONTROLS, *INITIAL_TERMS]


def fit_initial_conditions(panel: pd.DataFrame, config: Config) -> tuple[Fit, pd.DataFrame]:
    """Pooled OLS with year effects on the main sample with the full initial conditions (needs :func:`add_initial_conditions`).

    Returns
    -------
    (fit, table): the fit and its tidy rows (model :data:`INITIAL_MODEL`).
    """
    frame = prepare(panel, config.reform_lag, config.max_lag, config.threshold, config.first_year,
                    config.last_year, iso3=config.iso3)
    fit = fit_model(frame, "growth", initial_terms(config.reform_lag), "year", lag_for_flag=config.reform_lag)
    return fit, tidy_fit(fit, INITIAL_MODEL, sample_label(fit, config.growth_source, "initial conditions"))


def feedback_frame(panel: pd.DataFrame, config: Config, growth_lag: int = FEEDBACK_LAG) -> pd.DataFrame:
    """Rows of the feedback model: ``d_reform`` (change of the EBRD average on the year before) and lagged growth.

    Lags respect gaps (:func:`~transition.analysis.growth.panel.lag`); years with a reform change in
    [first_year, last_year] and of the config's countries only.
    """
    frame = panel.sort_values(["iso3", "year"]).reset_index(drop=True)
    frame = frame.assign(d_reform=frame["reform_ebrd_average"] - lag(frame, "reform_ebrd_average", 1),
                         reform_ebrd_average_l1=lag(frame, "reform_ebrd_average", 1),
                         **{f"growth_l{growth_lag}": lag(frame, "growth", growth_lag)})
    keep = frame["year"].between(config.first_year, config.last_year) & frame["iso3"].isin(config.iso3)
    return frame[keep & frame["d_reform"].notna()].reset_index(drop=True)


def fit_feedback(panel: pd.DataFrame, config: Config, growth_lag: int = FEEDBACK_LAG) -> tuple[Fit, pd.DataFrame]:
    """Country and year effects: ``d_reform`` on growth ``growth_lag`` years before, last year's EBRD average, controls.

    A positive, significant coefficient on lagged growth says that growth fed back into reform
    (reverse causality); the growth models use lagged reform scores, which guards only against
    feedback within the year.
    """
    frame = feedback_frame(panel, config, growth_lag)
    terms = [f"growth_l{growth_lag}", "reform_ebrd_average_l1", *CONTROLS]
    fit = fit_model(frame, "d_reform", terms, "country_year")
    return fit, tidy_fit(fit, FEEDBACK_MODEL, sample_label(fit, config.growth_source, "outcome: change of the EBRD average"))
