"""Reforms-and-growth regressions (``transition.analysis.growth``) on small constructed panels with known answers."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.analysis import growth
from transition.analysis.growth import (Config, Fit, add_lags, carry_forward, coverage, design_matrix, fit_model,
                                        generic_term, growth_from_levels, growth_rates, initial_conditions, lag,
                                        linear_combination, main_sample, prepare, reform_sign_shares, robust_effects,
                                        robustness_variants, sequencing_terms, spec_row, war_indicator)


# ---------------------------------------------------------------- lags

def test_lag_respects_gaps_and_units():
    frame = pd.DataFrame({"iso3": ["A", "A", "A", "B", "B"], "year": [1990, 1991, 1993, 1991, 1992],
                          "x": [1.0, 2.0, 4.0, 10.0, 20.0]})
    assert lag(frame, "x", 1).tolist()[:3] == [pytest.approx(np.nan, nan_ok=True), 1.0,
                                               pytest.approx(np.nan, nan_ok=True)]
    # B's first year never borrows A's value; B 1992 takes B 1991
    assert np.isnan(lag(frame, "x", 1).iloc[3]) and lag(frame, "x", 1).iloc[4] == 10.0
    # lag 2 of A 1993 is A 1991 (the gap year 1992 is skipped over, not shifted)
    assert lag(frame, "x", 2).iloc[2] == 2.0
    assert lag(frame, "x", 0).tolist() == frame["x"].tolist()
    assert lag(frame, "x", 1).name == "x_l1"


def test_lag_ignores_row_order():
    frame = pd.DataFrame({"iso3": ["A", "A", "A"], "year": [1992, 1990, 1991], "x": [3.0, 1.0, 2.0]})
    assert lag(frame, "x", 1).iloc[0] == 2.0 and np.isnan(lag(frame, "x", 1).iloc[1])


def test_lag_of_missing_value_is_missing():
    frame = pd.DataFrame({"iso3": ["A"] * 3, "year": [1990, 1991, 1992], "x": [1.0, np.nan, 3.0]})
    assert np.isnan(lag(frame, "x", 1).iloc[2]) and lag(frame, "x", 2).iloc[2] == 1.0


def test_lag_rejects_duplicates_and_negative_lags():
    frame = pd.DataFrame({"iso3": ["A", "A"], "year": [1990, 1990], "x": [1.0, 2.0]})
    with pytest.raises(ValueError, match="uniquely"):
        lag(frame, "x", 1)
    with pytest.raises(ValueError, match="non-negative"):
        lag(frame.iloc[:1], "x", -1)


def test_add_lags_names():
    frame = pd.DataFrame({"iso3": ["A"] * 3, "year": [1990, 1991, 1992], "x": [1.0, 2.0, 3.0], "y": [5.0, 6.0, 7.0]})
    wide = add_lags(frame, ["x", "y"], range(3))
    assert {"x_l0", "x_l1", "x_l2", "y_l2"} <= set(wide.columns)
    assert wide["y_l2"].iloc[2] == 5.0


# ---------------------------------------------------------------- growth, carry-forward, sequencing

def test_growth_from_levels_known_values_and_gaps():
    levels = pd.DataFrame({"iso3": ["A"] * 4 + ["B"] * 2, "year": [1990, 1991, 1992, 1994, 1990, 1991],
                           "value": [100.0, 110.0, 99.0, 120.0, 50.0, 40.0]})
    result = growth_from_levels(levels)["growth"]
    assert np.isnan(result.iloc[0])
    assert result.iloc[1] == pytest.approx(10.0) and result.iloc[2] == pytest.approx(-10.0)
    assert np.isnan(result.iloc[3])  # 1993 missing: no growth for 1994
    assert np.isnan(result.iloc[4]) and result.iloc[5] == pytest.approx(-20.0)


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


def test_growth_rates_from_rates_and_levels():
    tidy = _tidy([("ARM", 1990, "gapminder_gdp_growth", -5.0), ("ARM", 1991, "gapminder_gdp_growth", 3.0),
                  ("ARM", 1990, "pwt_rgdpna", 200.0), ("ARM", 1991, "pwt_rgdpna", 150.0),
                  ("ARM", 1990, "wdi_gdp_constant_usd", 100.0), ("ARM", 1991, "wdi_gdp_constant_usd", 110.0)])
    assert growth_rates(tidy, "gapminder")["growth"].tolist() == [-5.0, 3.0]
    assert growth_rates(tidy, "wdi")["growth"].round(6).tolist() == [10.0]  # the change of WDI's level
    pwt = growth_rates(tidy, "pwt")
    assert pwt["year"].tolist() == [1991] and pwt["growth"].iloc[0] == pytest.approx(-25.0)
    with pytest.raises(ValueError, match="growth source"):
        growth_rates(tidy, "gdp")


def test_carry_forward_fills_and_flags():
    frame = pd.DataFrame({"iso3": ["A"] * 4 + ["B"] * 4, "year": [2005, 2006, 2007, 2008] * 2,
                          "x": [2.0, 3.0, np.nan, np.nan, 1.0, np.nan, np.nan, np.nan]})
    result = carry_forward(frame, ["x"], 2006, 2007)
    assert result["x"].tolist()[:4] == [2.0, 3.0, 3.0, pytest.approx(np.nan, nan_ok=True)]
    assert np.isnan(result["x"].iloc[6])  # B has no 2006 score: nothing to carry
    assert result["scores_carried_forward"].tolist() == [0, 0, 1, 0, 0, 0, 1, 0]


def test_sequencing_terms_threshold_and_rounding():
    frame = pd.DataFrame({"reform_liberalization": [3.0, 2.667, 4.0, np.nan, 3.5],
                          "reform_institutions": [2.0, 1.0, 3.0, 1.0, 2.999],
                          "ebrd_large_privatisation": [3.0, 2.0, 1.0, 3.0, 2.0]})
    result = sequencing_terms(frame, 3.0)
    assert result["gap_lib_inst"].iloc[0] == 1.0 and result["gap_priv_inst"].iloc[0] == 1.0
    assert result["lib_ahead"].tolist()[:3] == [1.0, 0.0, 0.0]  # 2.667 < 3; institutions 3.0 not below
    assert np.isnan(result["lib_ahead"].iloc[3])
    assert result["lib_ahead"].iloc[4] == 0.0  # 2.999 rounds to 3.00: institutions have arrived
    assert result["priv_ahead"].tolist()[:3] == [1.0, 0.0, 0.0]
    assert sequencing_terms(frame, 2.67)["lib_ahead"].iloc[1] == 1.0  # 2.667 meets a 2.67 threshold


def test_initial_conditions_and_war():
    tidy = _tidy([("RUS", 1989, "mad_gdppc", np.e ** 9), ("RUS", 1990, "mad_gdppc", 1.0)])
    result = initial_conditions(tidy, ["RUS", "POL"]).set_index("iso3")
    assert result.loc["RUS", "log_gdppc_1989"] == pytest.approx(9.0)
    assert np.isnan(result.loc["POL", "log_gdppc_1989"])
    assert result.loc["RUS", "years_planning"] == 1990 - 1917
    assert result.loc["POL", "years_planning"] == 1990 - 1947
    frame = pd.DataFrame({"iso3": ["TJK", "TJK", "POL"], "year": [1992, 1998, 1992]})
    assert war_indicator(frame).tolist() == [1.0, 0.0, 0.0]


# ---------------------------------------------------------------- design matrices and estimation

def _fe_panel(n_countries=8, years=range(1990, 2002), beta=2.0, gamma=-1.5, noise=0.0, seed=0, country_effect=3.0):
    """y = beta * x + gamma * z + country effect + year effect (+ noise)."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_countries):
        for t in years:
            x, z = rng.normal(), rng.normal()
            y = beta * x + gamma * z + country_effect * c + 0.5 * (t - 1980) ** 1.5 + noise * rng.normal()
            rows.append({"iso3": f"C{c}", "year": t, "x": x, "z": z, "y": y, "w": float(c % 2)})
    return pd.DataFrame(rows)


def test_design_matrix_pooled_has_constant_and_year_dummies():
    frame = pd.DataFrame({"iso3": ["A", "A", "B", "B", "B"], "year": [1990, 1991, 1990, 1991, 1992],
                          "y": [1.0, 2.0, 3.0, np.nan, 5.0], "x": [0.5, 0.1, 0.2, 0.3, np.nan]})
    y, X, groups = design_matrix(frame, "y", ["x"], "year")
    assert len(y) == 3  # incomplete rows dropped
    assert list(X.columns) == ["const", "x", "year_1991"]
    assert X["year_1991"].tolist() == [0.0, 1.0, 0.0] and groups.tolist() == ["A", "A", "B"]


def test_design_matrix_fe_is_indexed_by_country_year():
    frame = _fe_panel(2, range(1990, 1993))
    y, X, groups = design_matrix(frame, "y", ["x", "z"], "country_year")
    assert y.index.names == ["iso3", "year"] and list(X.columns) == ["x", "z"]
    assert groups.nunique() == 2


def test_design_matrix_errors():
    frame = _fe_panel(2, range(1990, 1993))
    with pytest.raises(ValueError, match="effects"):
        design_matrix(frame, "y", ["x"], "country")
    with pytest.raises(ValueError, match="not in the frame"):
        design_matrix(frame, "y", ["nope"])
    with pytest.raises(ValueError, match="no complete"):
        design_matrix(frame.assign(x=np.nan), "y", ["x"])


def test_fixed_effects_recover_known_coefficients():
    fit = fit_model(_fe_panel(), "y", ["x", "z"], "country_year")
    assert fit.params["x"] == pytest.approx(2.0, abs=1e-8)
    assert fit.params["z"] == pytest.approx(-1.5, abs=1e-8)
    assert fit.nobs == 8 * 12 and fit.n_countries == 8 and fit.df == 7
    assert (fit.first_year, fit.last_year) == (1990, 2001)


def test_pooled_ols_with_year_effects_recovers_coefficients():
    exact = fit_model(_fe_panel(country_effect=0.0), "y", ["x", "z"], "year")
    assert exact.params["x"] == pytest.approx(2.0, abs=1e-8) and exact.params["z"] == pytest.approx(-1.5, abs=1e-8)
    assert set(exact.terms) == {"x", "z"} and exact.effects == "year"
    noisy = fit_model(_fe_panel(n_countries=30, noise=0.5, seed=3, country_effect=0.0), "y", ["x", "z"], "year")
    assert noisy.params["x"] == pytest.approx(2.0, abs=0.2) and noisy.pvalues["x"] < 0.001


def test_fit_drops_terms_without_variation():
    frame = _fe_panel().assign(war=0.0)
    fit = fit_model(frame, "y", ["x", "war"], "country_year")
    assert fit.dropped == ["war"] and fit.terms == ["x"]
    # a time-invariant regressor is absorbed by the country effects
    fit = fit_model(frame, "y", ["x", "w"], "country_year")
    assert "w" in fit.dropped


def test_pvalues_use_t_with_clusters_minus_one():
    fit = Fit(params=pd.Series({"a": 2.0}), cov=pd.DataFrame([[1.0]], index=["a"], columns=["a"]), nobs=50,
              n_countries=11, first_year=1990, last_year=2000, effects="country_year", terms=["a"])
    from scipy import stats
    assert fit.pvalues["a"] == pytest.approx(2 * stats.t.sf(2.0, 10))


def test_linear_combination_known_covariance():
    index = ["a", "b", "c"]
    cov = pd.DataFrame([[1.0, 0.5, 0.0], [0.5, 2.0, 0.0], [0.0, 0.0, 9.0]], index=index, columns=index)
    fit = Fit(params=pd.Series([1.0, 2.0, 5.0], index=index), cov=cov, nobs=100, n_countries=21,
              first_year=1990, last_year=2000, effects="country_year", terms=index)
    result = linear_combination(fit, {"a": 1.0, "b": 1.0})
    assert result["estimate"] == pytest.approx(3.0)
    assert result["se"] == pytest.approx(np.sqrt(1.0 + 2.0 + 2 * 0.5))
    from scipy import stats
    assert result["pvalue"] == pytest.approx(2 * stats.t.sf(3.0 / 2.0, 20))
    with pytest.raises(ValueError, match="not in the model"):
        linear_combination(fit, {"d": 1.0})


def test_distributed_lag_cumulative_effect_on_constructed_panel():
    # growth = 1.0 * x_t + 0.5 * x_{t-1} + effects: cumulative effect 1.5
    frame = _fe_panel(n_countries=10, years=range(1989, 2005), beta=0.0, gamma=0.0, seed=5)
    frame["x_l1"] = lag(frame, "x", 1)
    frame["y"] = frame["y"] + 1.0 * frame["x"] + 0.5 * frame["x_l1"]
    frame["x_l0"] = frame["x"]
    fit = fit_model(frame, "y", ["x_l0", "x_l1"], "country_year")
    result = linear_combination(fit, {"x_l0": 1.0, "x_l1": 1.0})
    assert result["estimate"] == pytest.approx(1.5, abs=1e-8)
    assert fit.nobs == 10 * 15  # the first year has no lag and drops out


# ---------------------------------------------------------------- prepare, robustness rule

def _mini_panel():
    rows = []
    for code in ("ARM", "POL"):
        for year in range(1989, 1996):
            rows.append({"iso3": code, "year": year, "growth": float(year - 1990),
                         "reform_ebrd_average": 1.0 + 0.3 * (year - 1989), "reform_liberalization": 3.0,
                         "reform_privatization": 2.0, "reform_institutions": 2.0, "ebrd_large_privatisation": 2.0,
                         "war": float(code == "ARM" and year == 1992), "scores_carried_forward": 0.0})
    return pd.DataFrame(rows)


def test_prepare_builds_lags_before_cutting_years():
    frame = prepare(_mini_panel(), reform_lag=1, max_lag=2, threshold=3.0, first_year=1990, last_year=1994)
    assert frame["year"].min() == 1990 and frame["year"].max() == 1994
    first = frame[(frame["iso3"] == "ARM") & (frame["year"] == 1990)].iloc[0]
    assert first["reform_ebrd_average_l1"] == pytest.approx(1.0)  # 1989 score, outside the sample years
    assert np.isnan(first["reform_ebrd_average_l2"])
    assert first["lib_ahead_l1"] == 1.0
    no_war = prepare(_mini_panel(), 1, 2, 3.0, 1990, 1994, exclude_war=True, iso3=["ARM"])
    assert 1992 not in no_war["year"].tolist() and set(no_war["iso3"]) == {"ARM"}


def test_main_sample_and_coverage():
    panel = _mini_panel().assign(group=lambda f: f["iso3"].map({"ARM": "CIS", "POL": "Central Europe"}))
    sample = main_sample(panel, Config(reform_lag=2, max_lag=2, first_year=1990, last_year=1994))
    assert sample["year"].min() == 1991 and sample["reform_ebrd_average_l2"].notna().all()  # 1990 has no 1988 score
    table = coverage(sample)
    assert table.loc["CIS", "country_years"] == 4 and table.loc["CIS", "war_years"] == 1
    assert (table.loc["Central Europe", "first"], table.loc["Central Europe", "last"]) == (1991, 1994)


def _robustness_frame(coefs, pvalues, term="reform_ebrd_average_l1", family="main"):
    specs = ["baseline"] + [f"s{i}" for i in range(1, len(coefs))]
    return pd.DataFrame({"spec": specs, "model": [f"robustness/{s}/{family}" for s in specs], "term": term,
                         "coef": coefs, "se": 1.0, "pvalue": pvalues, "nobs": 100})


@pytest.mark.parametrize("coefs, pvalues, verdict", [
    ([1.0, 2.0, 1.5, 0.8], [0.01, 0.02, 0.03, 0.2], "robust"),                       # 3 of 4 = 75%
    ([1.0, 2.0, 1.5, 0.8], [0.01, 0.2, 0.03, 0.2], "same sign, not robustly significant"),
    ([1.0, 2.0, -1.5, 0.8], [0.01, 0.01, 0.01, 0.01], "not robust"),                 # a sign change
])
def test_robust_effects_rule(coefs, pvalues, verdict):
    result = robust_effects(_robustness_frame(coefs, pvalues), alpha=0.05, share=0.75)
    row = result[result["term"] == "reform_ebrd_average"].iloc[0]
    assert row["verdict"] == verdict and row["n_specs"] == 4


def test_robust_effects_reads_the_right_model_and_strips_lags():
    frame = pd.concat([_robustness_frame([1.0, 1.0], [0.01, 0.01], "reform_ebrd_average_l2", "sequencing"),
                       _robustness_frame([-1.0, 1.0], [0.01, 0.01], "reform_ebrd_average_l1", "main")])
    result = robust_effects(frame).set_index("term")
    assert result.loc["reform_ebrd_average", "verdict"] == "not robust"  # judged on the main model only
    assert generic_term("lib_ahead_l12") == "lib_ahead" and generic_term("war") == "war"


def test_spec_row_and_reform_sign_shares():
    frame = pd.concat([_robustness_frame([1.0, -1.0, 2.0, 0.5], [0.01, 0.01, 0.2, 0.04]),
                       _robustness_frame([3.0, 3.0], [0.01, 0.01], "lib_ahead_l1", "sequencing")])
    assert spec_row(frame, "s2", "main", "reform_ebrd_average")["coef"] == 2.0
    assert spec_row(frame, "s3", "sequencing", "lib_ahead") is None  # not estimated there
    shares = reform_sign_shares(frame, alpha=0.05)  # the main model only: 3 of 4 positive, 2 of them p < 0.05
    assert shares == {"positive": 0.75, "positive_significant": 0.5}


def test_robustness_variants_follow_parameters():
    names = [v.name for v in robustness_variants(Config(reform_lag=2, threshold=3.0, growth_source="pwt"))]
    assert names[0] == "baseline" and "lag_2" not in names and {"lag_1", "lag_3"} <= set(names)
    assert {"threshold_2.67", "threshold_3.33", "cis_only", "non_cis", "no_war_years", "carried_forward"} <= set(names)
    assert "growth_pwt" not in names and "growth_wdi" in names
    top = [v.name for v in robustness_variants(Config(threshold=4.0))]
    assert {"threshold_3.67", "threshold_4.33"} <= set(top)  # one EBRD step either side, within the scale
    odd = [v.name for v in robustness_variants(Config(threshold=2.67)) if v.kind == "threshold"]
    assert odd == ["threshold_2.33", "threshold_3.00"]  # snapped to the EBRD grid of thirds


# ---------------------------------------------------------------- parameters

def _defaults(**changes):
    values = dict(growth_source="wdi", reform_lag=1, max_lag=3, threshold=3.0, first_year=1990, last_year=2006,
                  extended_last_year=2019, exclude_iso3=[], alpha=0.05, robust_share=0.75, output_dir=None)
    return {**values, **changes}


def test_config_from_parameters():
    config = growth.config_from(**_defaults(exclude_iso3=["MNG"], reform_lag=2))
    assert config.reform_lag == 2 and config.exclude_iso3 == ("MNG",) and "MNG" not in config.iso3


def test_config_defaults_are_the_notebook_defaults():
    assert growth.Config() == growth.config_from(**_defaults())
