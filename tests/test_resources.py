"""Resources vs governance (claim C3): every function on constructed inputs with known answers."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from transition.analysis import resources as r


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


# ---------------------------------------------------------------------------------------------
# Measures


def test_combine_vintages_prefers_the_primary_and_fills_from_the_fallback():
    tidy = _tidy([("RUS", 2000, "new", 50.0), ("RUS", 2001, "old", 40.0), ("RUS", 2000, "old", 99.0),
                  ("UZB", 2000, "old", 10.0)])
    combined = r.combine_vintages(tidy, "new", "old")
    assert combined[("RUS", 2000)] == 50.0  # primary wins where both exist
    assert combined[("RUS", 2001)] == 40.0 and combined[("UZB", 2000)] == 10.0


def test_population_falls_back_to_maddison_in_persons():
    tidy = _tidy([("POL", 2010, "gm_population", 38e6), ("POL", 2010, "mad_pop", 1.0),
                  ("POL", 2020, "mad_pop", 37_950.0)])
    persons = r.population(tidy)
    assert persons[("POL", 2010)] == 38e6
    assert persons[("POL", 2020)] == pytest.approx(37.95e6)


def test_per_capita_total_adds_sources_and_counts_unlisted_countries_as_zero():
    persons = pd.Series({("RUS", 2000): 100.0, ("POL", 2000): 50.0, ("POL", 2030): 50.0}).rename_axis(["iso3", "year"])
    tidy = _tidy([("RUS", 2000, "oil", 300.0), ("RUS", 2000, "gas", 200.0), ("POL", 1999, "gas", 1.0)])
    result = r.per_capita_total(tidy, ["oil", "gas"], persons)
    assert result[("RUS", 2000)] == 5.0
    assert result[("POL", 2000)] == 0.0  # unlisted by the source in a covered year: zero
    assert ("POL", 2030) not in result.index  # outside every variable's years: unknown, not zero


def test_period_mean_is_inclusive_and_ignores_missing_years():
    values = pd.Series({("A", 1994): 100.0, ("A", 1995): 1.0, ("A", 1996): np.nan, ("A", 2005): 3.0,
                        ("A", 2006): 100.0, ("B", 1990): 5.0}).rename_axis(["iso3", "year"])
    means = r.period_mean(values, 1995, 2005)
    assert means.to_dict() == {"A": 2.0}  # B has nothing in the period


def test_resource_and_governance_measures_on_constructed_panel():
    rows = [("RUS", 2000, "wdi2021_ny_gdp_totl_rt_zs", 20.0), ("RUS", 2001, "wdi2021_ny_gdp_totl_rt_zs", 10.0),
            ("POL", 2000, "wdi2021_ny_gdp_totl_rt_zs", 1.0),
            ("RUS", 2000, "fh_political_rights", 5.0), ("RUS", 2000, "fh_civil_liberties", 5.0),
            ("POL", 2000, "fh_political_rights", 1.0), ("POL", 2000, "fh_civil_liberties", 2.0),
            ("POL", 2001, "fh_political_rights", 1.0),  # civil liberties missing: that year is skipped
            ("RUS", 2000, "wgi_cc", -1.0)]
    tidy = _tidy(rows)
    res = r.resource_measures(tidy, 2000, 2001, ["rents"])
    assert len(res) == 29 and res.loc["RUS", "rents"] == 15.0 and res.loc["POL", "rents"] == 1.0
    assert math.isnan(res.loc["KAZ", "rents"])
    gov = r.governance_measures(tidy, 2000, 2001, ["freedom_house", "control_of_corruption"])
    assert gov.loc["RUS", "freedom_house"] == 3.0 and gov.loc["POL", "freedom_house"] == 6.5  # 8 - mean: higher = freer
    assert gov.loc["RUS", "control_of_corruption"] == -1.0
    with pytest.raises(ValueError, match="unknown measures"):
        r.resource_measures(tidy, 2000, 2001, ["gold"])


# ---------------------------------------------------------------------------------------------
# Composite indices


def test_zscores_and_zero_variance():
    z = r.zscores(pd.DataFrame({"a": [1.0, 2.0, 3.0]}))
    assert z["a"].tolist() == [-1.0, 0.0, 1.0]
    with pytest.raises(ValueError, match="no variation"):
        r.zscores(pd.DataFrame({"a": [1.0, 1.0]}))


def test_zmean_index_is_the_mean_of_available_z_scores():
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0, np.nan], "b": [3.0, 2.0, 1.0, 5.0], "c": [0.0, 1.0, 2.0, 3.0]})
    index, weights = r.composite_index(frame, "zmean")
    z = r.zscores(frame)
    assert weights.tolist() == pytest.approx([1 / 3] * 3)
    assert index.iloc[0] == pytest.approx(z.iloc[0].mean())
    assert index.iloc[3] == pytest.approx(z.iloc[3][["b", "c"]].mean())  # mean of what the country has


def test_min_components_and_log1p():
    frame = pd.DataFrame({"a": [0.0, 9.0, np.nan], "b": [1.0, 0.0, 2.0]})
    index, _ = r.composite_index(frame, "zmean", min_components=2)
    assert math.isnan(index.iloc[2])
    logged, _ = r.composite_index(frame.iloc[:2], "zmean", log1p=True)
    expected = r.zscores(np.log1p(frame.iloc[:2])).mean(axis=1)
    assert logged.tolist() == pytest.approx(expected.tolist())


def test_pc1_weights_known_answer():
    # a twice and b orthogonal to a: the first principal component is (1, 1, 0) / sqrt(2)
    a = [1.0, -1.0, 1.0, -1.0]
    b = [1.0, 1.0, -1.0, -1.0]
    frame = pd.DataFrame({"a1": a, "a2": a, "b": b})
    index, weights = r.composite_index(frame, "pc1")
    assert weights.tolist() == pytest.approx([0.5, 0.5, 0.0], abs=1e-9)
    assert index.tolist() == pytest.approx(r.zscores(frame)["a1"].tolist())


def test_pc1_equals_zmean_for_two_components_and_is_signed_positive():
    frame = pd.DataFrame({"a": [1.0, 2.0, 4.0, 3.0], "b": [2.0, 1.0, 5.0, 3.0]})
    pc1, w1 = r.composite_index(frame, "pc1")
    zmean, _ = r.composite_index(frame, "zmean")
    assert w1.tolist() == pytest.approx([0.5, 0.5]) and pc1.tolist() == pytest.approx(zmean.tolist())
    with pytest.raises(ValueError, match="method"):
        r.composite_index(frame, "median")


# ---------------------------------------------------------------------------------------------
# Outcomes


def test_outcome_names_and_years():
    assert r.outcome_name("growth", 1990, 2000) == "growth_1990_2000"
    assert r.outcome_start_year("growth_1995_2005", 1989) == 1995 and r.outcome_start_year("gdp_index_2007", 1989) == 1989
    assert r.outcome_end_year("growth_1995_2005") == 2005 and r.outcome_end_year("gdp_index_2007") == 2007


def _gdp_rows():
    rows = [("POL", y, "wdi_gdp_constant_usd", v) for y, v in [(1989, 100.0), (1995, 80.0), (2000, 100.0), (2010, 121.0)]]
    rows += [("BIH", y, "wdi_gdp_constant_usd", v) for y, v in [(1990, 500.0), (1995, 50.0), (2000, 60.0), (2010, 72.0)]]
    return rows


def test_outcomes_levels_growth_and_definition_breaks():
    frame = r.outcomes(_tidy(_gdp_rows()), "wdi", 1989, level_years=(2000, 2010), growth_breaks=(1995, 2000, 2010))
    assert list(frame.columns) == ["gdp_index_2000", "gdp_index_2010", "growth_1995_2000", "growth_2000_2010"]
    assert frame.loc["POL", "gdp_index_2010"] == pytest.approx(121.0)
    assert frame.loc["POL", "growth_1995_2000"] == pytest.approx(100 * (1.25 ** 0.2 - 1))
    assert frame.loc["POL", "growth_2000_2010"] == pytest.approx(100 * (1.21 ** 0.1 - 1))
    # Bosnia: no index with base 1989 (break in 1994), but growth from 1995 on
    assert math.isnan(frame.loc["BIH", "gdp_index_2000"]) and "BIH" in frame.attrs["skipped"]["gdp_index_2000"]
    assert frame.loc["BIH", "growth_1995_2000"] == pytest.approx(100 * (1.2 ** 0.2 - 1))
    assert math.isnan(frame.loc["SRB", "growth_2000_2010"])  # no data at all


def test_log_income_respects_definition_breaks():
    tidy = _tidy([("POL", 1990, "mad_gdppc", math.exp(9.0)), ("BIH", 1990, "mad_gdppc", 5000.0),
                  ("BIH", 2000, "mad_gdppc", math.exp(8.0))])
    early, late = r.log_income(tidy, 1990), r.log_income(tidy, 2000)
    assert early["POL"] == pytest.approx(9.0) and math.isnan(early["BIH"])
    assert late["BIH"] == pytest.approx(8.0)


def test_resource_groups_rule():
    rents = pd.Series({"RUS": 10.0, "ARM": 9.9, "POL": 0.5, "HUN": 12.0, "LVA": 0.5, "MNG": 20.0, "KAZ": np.nan})
    groups = r.resource_groups(rents, 10.0)
    assert groups["RUS"] == r.RICH_CIS  # at the threshold counts as rich
    assert groups["ARM"] == r.OTHER_CIS and groups["KAZ"] == r.OTHER_CIS
    assert groups["POL"] == r.POOR_CE_SEE  # the essay's Eastern Europe: Central & South-East Europe
    assert groups["LVA"] == r.OTHER  # a Baltic state is a former Soviet republic, not "Eastern Europe" in the essay
    assert groups["HUN"] == r.OTHER and groups["MNG"] == r.OTHER  # resource-rich Eastern Europe, Mongolia: neither
    with pytest.raises(ValueError, match="eastern_europe must be one of ce_see, ce_baltics, ce_baltics_see"):
        r.resource_groups(rents, 10.0, "baltics")


# ---------------------------------------------------------------------------------------------
# Models


def test_r_squared_perfect_and_empty():
    data = pd.DataFrame({"y": [1.0, 3.0, 5.0], "x": [0.0, 1.0, 2.0]})
    assert r.r_squared(data, "y", ["x"]) == pytest.approx(1.0)
    assert r.r_squared(data, "y", []) == pytest.approx(0.0)


def test_shapley_orthogonal_regressors_get_their_squared_correlations():
    rng = np.random.default_rng(0)
    a = np.array([1.0, 1.0, -1.0, -1.0] * 5)
    b = np.array([1.0, -1.0, 1.0, -1.0] * 5)
    y = 2 * a + 1 * b + rng.normal(0, 1, 20)
    data = pd.DataFrame({"y": y, "a": a, "b": b})
    values = r.shapley_r2(data, "y", ["a", "b"])
    assert values["a"] == pytest.approx(np.corrcoef(y, a)[0, 1] ** 2)
    assert values["b"] == pytest.approx(np.corrcoef(y, b)[0, 1] ** 2)
    assert values.sum() == pytest.approx(r.r_squared(data, "y", ["a", "b"]))


def test_shapley_splits_duplicates_equally_and_sums_to_r2():
    rng = np.random.default_rng(1)
    x, z = rng.normal(size=30), rng.normal(size=30)
    data = pd.DataFrame({"y": x + 0.5 * z + rng.normal(size=30), "x1": x, "x2": x, "z": z})
    values = r.shapley_r2(data, "y", ["x1", "x2", "z"])
    assert values["x1"] == pytest.approx(values["x2"])
    assert values.sum() == pytest.approx(r.r_squared(data, "y", ["x1", "z"]))


def test_fit_ols_coefficients_standardization_and_sample_size():
    x = np.arange(10.0)
    y = 2.0 + 3.0 * x + np.array([0.5, -0.5] * 5)
    data = pd.DataFrame({"y": y, "x": x})
    fitted = r.fit_ols(data, "y", ["x"]).set_index("term")
    assert fitted.loc["x", "coef"] == pytest.approx(3.0, abs=0.1)
    assert fitted.loc["x", "std_coef"] == pytest.approx(np.corrcoef(x, y)[0, 1])  # one regressor: std coef = r
    assert fitted.loc["x", "r2"] == pytest.approx(np.corrcoef(x, y)[0, 1] ** 2)
    assert fitted.loc["x", "nobs"] == 10 and math.isnan(fitted.loc["const", "std_coef"])
    with pytest.raises(ValueError, match="too few"):
        r.fit_ols(data.head(5), "y", ["x"])


def test_model_terms_and_outcome_sample():
    terms = r.model_terms("growth_2000_2019", ["initial_income", "cis"], 1989)
    assert terms["joint_controls"] == [r.RESOURCE_INDEX, r.GOVERNANCE_INDEX, "log_gdppc_2000", "cis"]
    assert "joint_controls" not in r.model_terms("gdp_index_2000", [], 1989)
    assert r.model_terms("gdp_index_2000", ["initial_income"], 1990)["joint_controls"][-1] == "log_gdppc_1990"
    cross = pd.DataFrame({"gdp_index_2000": [1.0, 2.0, 3.0], r.RESOURCE_INDEX: [0.0, 1.0, 2.0],
                          r.GOVERNANCE_INDEX: [1.0, 0.0, 1.0], "log_gdppc_1989": [1.0, np.nan, 2.0]})
    assert len(r.outcome_sample(cross, "gdp_index_2000", ["initial_income"], 1989)) == 2
    assert len(r.outcome_sample(cross, "gdp_index_2000", [], 1989)) == 3


def _cross(n=24, seed=3):
    rng = np.random.default_rng(seed)
    gov = rng.normal(size=n)
    res = rng.normal(size=n)
    return pd.DataFrame({
        "iso3": [f"C{i:02d}" for i in range(n)],
        r.RESOURCE_INDEX: res, r.GOVERNANCE_INDEX: gov,
        "gdp_index_2000": 100 + 20 * gov + 2 * res + rng.normal(0, 5, n),   # governance-driven
        "growth_2000_2019": 3 + 2 * res + 0.1 * gov + rng.normal(0, 0.5, n),  # resource-driven
        "log_gdppc_1989": rng.normal(9, 0.3, n), "log_gdppc_2000": rng.normal(9, 0.3, n),
        "resource_group": [r.RICH_CIS] * 4 + [r.POOR_CEE] * 6 + [r.OTHER_CIS] * 5 + [r.OTHER] * (n - 15),
        "group": "CIS", "res_rents": np.expm1(res), "gov_x": gov,
    })


def test_run_models_verdicts_and_leave_one_out():
    cross = _cross()
    outcomes = ["gdp_index_2000", "growth_2000_2019"]
    models, shapley = r.run_models(cross, outcomes, ["initial_income"], 1989)
    assert set(models["model"]) == set(r.MODELS)
    assert set(models.query("model == 'joint_controls' and outcome == 'growth_2000_2019'")["term"]) == {
        "const", r.RESOURCE_INDEX, r.GOVERNANCE_INDEX, "log_gdppc_2000"}
    joint = shapley.query("model == 'joint'")
    assert joint.groupby("outcome")["share_of_r2"].sum().tolist() == pytest.approx([1.0, 1.0])
    loo = r.leave_one_out(cross, outcomes, ["initial_income"], 1989)
    assert len(loo) == 2 * len(cross) and not loo["flips"].any()
    verdict = r.verdicts(models, shapley, loo)
    assert verdict.loc["gdp_index_2000", "governance_explains_more"]
    assert not verdict.loc["growth_2000_2019", "governance_explains_more"]
    assert verdict["n_flips"].tolist() == [0, 0] and verdict["flipped_by"].tolist() == ["", ""]
    assert verdict.loc["gdp_index_2000", "r2_governance"] > verdict.loc["gdp_index_2000", "r2_resources"]


def test_leave_one_out_finds_the_country_that_carries_a_verdict():
    n = 12
    res = np.linspace(-1, 1, n)
    gov = np.array([1.0, -1.0] * (n // 2))
    y = 1.0 * res + 0.1 * gov  # resources explain more without the outlier
    gov_outlier = np.append(gov, 8.0)
    cross = pd.DataFrame({"iso3": [f"C{i:02d}" for i in range(n)] + ["OUT"],
                          r.RESOURCE_INDEX: np.append(res, 0.0), r.GOVERNANCE_INDEX: gov_outlier,
                          "gdp_index_2000": np.append(y, 6.0)})
    loo = r.leave_one_out(cross, ["gdp_index_2000"])
    flips = loo[loo["flips"]]["dropped"].tolist()
    assert flips == ["OUT"]  # governance explains more only because of OUT
    full = r.shapley_r2(cross, "gdp_index_2000", [r.RESOURCE_INDEX, r.GOVERNANCE_INDEX])
    assert full[r.GOVERNANCE_INDEX] > full[r.RESOURCE_INDEX]


def test_measure_correlations_use_log_for_resource_measures():
    cross = _cross()
    table = r.measure_correlations(cross, ["growth_2000_2019"], ["res_rents", "gov_x"]).set_index("measure")
    assert table.loc["res_rents", "r"] == pytest.approx(np.corrcoef(cross[r.RESOURCE_INDEX], cross["growth_2000_2019"])[0, 1])
    assert table.loc["gov_x", "nobs"] == len(cross)


def test_group_comparison_medians_and_test():
    cross = pd.DataFrame({"resource_group": [r.RICH_CIS] * 3 + [r.POOR_CEE] * 3 + [r.OTHER_CIS, r.OTHER],
                          "y": [1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 5.0, 100.0]})
    row = r.group_comparison(cross, ["y"]).iloc[0]
    assert (row["median_rich_cis"], row["median_poor_cee"], row["median_other_cis"]) == (2.0, 11.0, 5.0)
    assert row["difference"] == -9.0 and (row["n_rich_cis"], row["n_poor_cee"]) == (3, 3)
    assert row["mannwhitney_p"] == pytest.approx(0.1)  # exact two-sided p for complete separation of 3 vs 3


def test_index_weights_are_tidy():
    cross = pd.DataFrame()
    cross.attrs.update(resource_weights=pd.Series({"rents": 1.0}), governance_weights=pd.Series({"a": 0.5, "b": 0.5}))
    assert r.index_weights(cross)["index"].tolist() == ["resource_index", "governance_index", "governance_index"]
