"""Claim C3's robustness checks (analysis.resources.robustness) on constructed data with known answers."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from transition.analysis import resources as r


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


def test_resource_groups_under_every_definition_of_eastern_europe():
    rents = pd.Series({"RUS": 20.0, "POL": 1.0, "BGR": 1.0, "EST": 1.0, "ALB": 15.0, "MNG": 1.0})
    essay, baltic, every = (r.resource_groups(rents, 10.0, name) for name in ("ce_see", "ce_baltics", "ce_baltics_see"))
    assert essay["BGR"] == essay["POL"] == r.POOR_CE_SEE and essay["EST"] == r.OTHER
    assert baltic["BGR"] == r.OTHER and baltic["POL"] == baltic["EST"] == r.POOR_CEE
    assert every["BGR"] == every["EST"] == every["POL"] == r.POOR_EE_SEE
    assert every["ALB"] == r.OTHER and every["MNG"] == r.OTHER  # resource-rich SEE state, Mongolia
    assert essay["RUS"] == baltic["RUS"] == every["RUS"] == r.RICH_CIS


def _group_cross():
    rows = [("RUS", 20.0, 1.0), ("KAZ", 20.0, 2.0), ("AZE", 20.0, 3.0), ("ARM", 1.0, 50.0),
            ("POL", 1.0, 10.0), ("HUN", 1.0, 11.0), ("CZE", 1.0, 12.0), ("BGR", 1.0, 4.0), ("ALB", 1.0, 4.0)]
    return pd.DataFrame(rows, columns=["iso3", "rents_for_groups", "y"])


def test_group_intervals_every_definition_known_answers():
    table = r.group_intervals(_group_cross(), ["y"], 10.0).set_index("eastern_europe")
    essay, baltic, every = table.loc["ce_see"], table.loc["ce_baltics"], table.loc["ce_baltics_see"]
    assert (baltic["median_rich_cis"], baltic["median_poor"], baltic["difference"]) == (2.0, 11.0, -9.0)
    assert (baltic["n_rich_cis"], baltic["n_poor"]) == (3, 3)
    assert baltic["mannwhitney_p"] == pytest.approx(0.1)  # complete separation of 3 vs 3
    assert (essay["median_poor"], essay["n_poor"], essay["difference"]) == (10.0, 5, -8.0)  # POL HUN CZE BGR ALB
    assert every["poor_group"] == r.POOR_EE_SEE and baltic["poor_group"] == r.POOR_CEE and essay["poor_group"] == r.POOR_CE_SEE
    for prefix in ("rich", "poor", "difference"):
        assert (table[f"{prefix}_low"] <= table[f"{prefix}_high"]).all()
    assert 1.0 <= baltic["rich_low"] <= 2.0 <= baltic["rich_high"] <= 3.0
    assert baltic["difference_high"] < 0  # the groups do not overlap: every resample keeps the sign
    subset = r.group_intervals(_group_cross(), ["y"], 10.0, definitions=["ce_see"]).iloc[0]
    assert subset["difference_low"] == essay["difference_low"]  # a subset draws the same numbers


def test_group_comparison_uses_the_group_the_cross_section_was_built_with():
    cross = pd.DataFrame({"resource_group": [r.RICH_CIS] * 2 + [r.POOR_EE_SEE] * 2 + [r.OTHER_CIS],
                          "y": [1.0, 3.0, 10.0, 20.0, 5.0]})
    row = r.group_comparison(cross, ["y"]).iloc[0]
    assert (row["median_rich_cis"], row["median_poor_cee"], row["n_poor_cee"]) == (2.0, 15.0, 2)


def test_governance_share_matches_the_shapley_decomposition():
    y, a, b = np.array([3.0, 1.0, 2.0, 0.0]), np.array([1.0, 1.0, -1.0, -1.0]), np.array([1.0, -1.0, 1.0, -1.0])
    assert r.governance_share(y, resources=a, governance=b) == pytest.approx(0.8)  # uncorrelated: 0.2 vs 0.8
    data = pd.DataFrame({"y": y, "a": a, "b": b})
    shapley = r.shapley_r2(data, "y", ["a", "b"])
    assert r.governance_share(y, a, b) == pytest.approx(shapley["b"] / shapley.sum())
    assert math.isnan(r.governance_share(np.ones(4), a, b))  # nothing to explain


def _model_cross(n=30, seed=5):
    rng = np.random.default_rng(seed)
    gov, res = rng.normal(size=n), rng.normal(size=n)
    return pd.DataFrame({"iso3": [f"C{i:02d}" for i in range(n)], r.RESOURCE_INDEX: res, r.GOVERNANCE_INDEX: gov,
                         "gdp_index_2000": 100 + 20 * gov + 2 * res + rng.normal(0, 5, n),
                         "growth_2000_2019": 3 + 2 * res + 0.1 * gov + rng.normal(0, 0.5, n)})


def test_shapley_share_intervals_separate_a_governance_from_a_resource_outcome():
    cross = _model_cross()
    table = r.shapley_share_intervals(cross, ["gdp_index_2000", "growth_2000_2019"], draws=500, seed=1).set_index("outcome")
    governance, resources = table.loc["gdp_index_2000"], table.loc["growth_2000_2019"]
    assert governance["low"] > 0.5 and governance["share_draws_governance_more"] > 0.95
    assert resources["high"] < 0.5 and resources["share_draws_governance_more"] < 0.05
    assert (table["low"] <= table["share_governance"]).all() and (table["share_governance"] <= table["high"]).all()
    assert table["nobs"].tolist() == [30, 30] and table["draws"].tolist() == [500, 500]
    again = r.shapley_share_intervals(cross, ["gdp_index_2000"], draws=500, seed=1)
    assert again.iloc[0]["low"] == governance["low"]  # fixed seed: reproducible


def test_per_capita_outcomes_levels_growth_and_breaks():
    rows = [("POL", y, "mad_gdppc", v) for y, v in [(1989, 100.0), (2000, 120.0), (2010, 150.0)]]
    rows += [("BIH", y, "mad_gdppc", v) for y, v in [(1989, 500.0), (2000, 60.0), (2010, 90.0)]]
    tidy = _tidy(rows)
    assert r.per_capita_level_years(tidy, (2000, 2024)) == [2000, 2010]  # 2024 is past the data: its last year
    frame = r.per_capita_outcomes(tidy, 1989, level_years=(2000, 2024), growth_breaks=(2000, 2010))
    assert list(frame.columns) == ["gdppc_index_2000", "gdppc_index_2010", "gdppc_growth_2000_2010"]
    assert frame.loc["POL", "gdppc_index_2010"] == pytest.approx(150.0)
    assert frame.loc["POL", "gdppc_growth_2000_2010"] == pytest.approx(100 * (1.25 ** 0.1 - 1))
    assert math.isnan(frame.loc["BIH", "gdppc_index_2000"])  # base 1989 is before Bosnia's break (1994)
    assert frame.loc["BIH", "gdppc_growth_2000_2010"] == pytest.approx(100 * (1.5 ** 0.1 - 1))
    assert len(frame) == 29 and math.isnan(frame.loc["RUS", "gdppc_index_2000"])
    assert r.outcome_start_year("gdppc_growth_2000_2010", 1989) == 2000


def test_early_governance_index_is_the_z_score_of_early_freedom_house():
    rows = []
    for iso3, pr, cl in [("POL", 1, 2), ("RUS", 3, 4), ("TKM", 7, 7)]:
        rows += [(iso3, y, "fh_political_rights", pr) for y in (1991, 1992, 1993)]
        rows += [(iso3, y, "fh_civil_liberties", cl) for y in (1991, 1992, 1993)]
    rows += [("POL", 1996, "fh_political_rights", 7), ("POL", 1996, "fh_civil_liberties", 7)]  # outside the period
    index = r.early_governance_index(_tidy(rows), (1991, 1993))
    freedom = pd.Series({"POL": 6.5, "RUS": 4.5, "TKM": 1.0})
    expected = (freedom - freedom.mean()) / freedom.std(ddof=1)
    assert index[["POL", "RUS", "TKM"]].to_numpy() == pytest.approx(expected.to_numpy())
    assert math.isnan(index["EST"])
    cross = pd.DataFrame({"iso3": ["POL", "EST"], r.GOVERNANCE_INDEX: [0.0, 0.0]})
    swapped = r.with_governance(cross, index)
    assert swapped[r.GOVERNANCE_INDEX].iloc[0] == pytest.approx(expected["POL"]) and math.isnan(swapped[r.GOVERNANCE_INDEX].iloc[1])
