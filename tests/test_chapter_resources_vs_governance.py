"""Chapter 05 (resources vs governance): the parameter spec, labels, figures, headline rows, findings."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import pytest
from test_resources import _cross
from test_resources_robustness import _group_cross, _model_cross

from transition.analysis import resources as r
from transition.chapters import resources_vs_governance as C
from transition.chapters.parameters import ParameterSpec, YearList
from transition.chapters.resources_vs_governance import SPEC as RESOURCES_VS_GOVERNANCE


def test_outcome_labels_units_and_columns():
    assert C.outcome_label("gdp_index_2007", 1989) == "Real GDP 2007 (1989 = 100)"
    assert C.outcome_label("growth_1990_2000") == "Mean growth 1990–2000 (% per year)"
    assert C.outcome_unit("gdp_index_2007", 1990) == "index, 1990 = 100" and C.outcome_unit("growth_1990_2000", 1989) == "% per year"
    cross = _cross()
    assert C.outcome_columns(cross) == ["gdp_index_2000", "growth_2000_2019"]
    assert all(c.startswith(("res_", "gov_")) for c in C.measure_columns(cross))


# ---------------------------------------------------------------------------------------------
# Figures and reporting


def test_figures_are_built():
    cross = _cross()
    fig = C.scatter_grid(cross, r.RESOURCE_INDEX, ["gdp_index_2000", "growth_2000_2019"], xlabel="x",
                         title="t", base_year=1989)
    assert len(fig.axes) == 3 and fig.axes[0].get_title() == "Real GDP 2000 (1989 = 100)"
    assert {t.get_text() for t in fig.axes[0].texts} >= {"C00", "C23"}  # every point labelled
    _, shapley = r.run_models(cross, ["gdp_index_2000"], ["initial_income"], 1989)
    fig = C.plot_r2_decomposition(shapley, ["gdp_index_2000"], "joint_controls", 1989)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        "Resources", "Governance", "Initial income (log GDP pc)"]


def test_term_roles_and_sources():
    assert [C.term_role(t) for t in [r.RESOURCE_INDEX, r.GOVERNANCE_INDEX, "log_gdppc_1990", "cis"]] == [
        "resources", "governance", "initial_income", "cis"]
    with pytest.raises(ValueError):
        C.term_role("other")
    assert C.figure_sources("pwt")[0] == "pwt_10_01"


def test_headlines_and_findings_are_computed():
    cross = _cross()
    outcomes = ["gdp_index_2000", "growth_2000_2019"]
    models, shapley = r.run_models(cross, outcomes, [], 1989)
    verdict = r.verdicts(models, shapley, r.leave_one_out(cross, outcomes))
    groups = r.group_comparison(cross, outcomes)
    rows = {row['key']: row['value'] for row in C.headline_rows(verdict, groups, cross, 1989)}
    assert rows["n_outcomes"] == 2 and rows["n_outcomes_governance_explains_more"] == 1
    assert rows["shapley_share_governance_gdp_index_2000"] == pytest.approx(
        verdict.loc["gdp_index_2000", "shapley_governance"] / verdict.loc["gdp_index_2000", "r2_joint"])
    assert rows["median_growth_2000_2019_resource_rich_cis"] == groups.loc[1, "median_rich_cis"]
    assert rows["resource_rich_cis"] == "C00, C01, C02, C03"
    text = C.findings_text(verdict, groups, cross, 1989, 10.0, 1996)
    assert "1 of 2 outcomes" in text and "C00, C01, C02, C03" in text
    assert "As of the essay" in text and "measured from 1996" in text


def test_per_capita_labels_and_units():
    assert C.outcome_label("gdppc_index_2022", 1989) == "Real GDP per capita 2022 (1989 = 100)"
    assert C.outcome_label("gdppc_growth_1990_2000") == "Mean growth of GDP per capita 1990–2000 (% per year)"
    assert C.outcome_unit("gdppc_index_2022", 1989) == "index, 1989 = 100"
    assert C.outcome_unit("gdppc_growth_1990_2000", 1989) == "% per year"


def _robustness():
    cross = _model_cross()
    outcomes = ["gdp_index_2000", "growth_2000_2019"]
    intervals = r.group_intervals(_group_cross().rename(columns={"y": "gdp_index_2000"}), ["gdp_index_2000"], 10.0, draws=200)
    shares = r.shapley_share_intervals(cross, outcomes, draws=200)
    models, shapley = r.run_models(cross, outcomes)
    verdict = r.verdicts(models, shapley)
    return intervals, shares, verdict


def test_robustness_rows_and_text():
    intervals, shares, verdict = _robustness()
    rows = {row["key"]: row for row in C.robustness_rows(intervals, shares, verdict, verdict, 1989, 200, 0.9)}
    assert rows["median_gdp_index_2000_resource_poor_cee"]["value"] == 11.0          # Central Europe & Baltics
    assert rows["median_gdp_index_2000_resource_poor_ce_see"]["value"] == 10.0       # the essay's Eastern Europe
    assert rows["median_gdp_index_2000_resource_poor_east"]["value"] == 10.0         # the run's choice (the default)
    assert rows["difference_gdp_index_2000_rich_cis_vs_poor_cee"]["value"] == -9.0
    assert rows["difference_gdp_index_2000_rich_cis_vs_poor_east"]["value"] == -8.0
    chosen = {row["key"]: row for row in C.robustness_rows(intervals, shares, verdict, verdict, 1989, 200, 0.9, "ce_baltics")}
    assert chosen["difference_gdp_index_2000_rich_cis_vs_poor_east"]["value"] == -9.0
    assert rows["median_gdp_index_2000_resource_rich_cis_low"]["value"] <= 2.0 <= rows["median_gdp_index_2000_resource_rich_cis_high"]["value"]
    assert rows["shapley_share_governance_gdp_index_2000_low"]["value"] > 0.5
    assert rows["early_governance_explains_more_gdp_index_2000"]["value"] == 1
    assert rows["bootstrap_draws"]["value"] == 200 and rows["bootstrap_level"]["value"] == 0.9
    assert all(set(row) == {"key", "value", "unit", "description"} for row in rows.values())
    shown = C.interval_display(intervals)
    assert shown.loc[("gdp_index_2000", r.POOR_CEE), "difference"].startswith("-9")
    text = C.robustness_text(intervals, shares, verdict, verdict, 1989, (1991, 1993), 0.9)
    assert "90% bootstrap" in text and "Freedom House 1991–1993" in text and "1 of 2 outcomes" in text
    assert "Real GDP 2000 (1989 = 100): resource-rich CIS still below resource-poor Central & South-East Europe, difference -8.0" in text


# ---------------------------------------------------------------------------------------------
# Parameters


def test_year_list_rule():
    rule = YearList(1990, 2024, min_length=2)
    assert rule.problem([1990, 2000]) is None
    assert "strictly increasing" in rule.problem([2000, 1990])
    assert "outside 1990-2024" in rule.problem([1990, 2030])
    assert "at least 2" in rule.problem([1990])
    assert "must be a list" in rule.problem("1990,2000") and "must be a list" in rule.problem([1990.0, 2000])
    assert rule.parse("1990, 2000") == [1990, 2000]


def test_spec_cross_checks():
    spec = RESOURCES_VS_GOVERNANCE
    assert isinstance(spec, ParameterSpec)
    assert spec.problems(gdp_source="pwt", level_years=[2000, 2024], growth_breaks=[1990, 2000])[0].startswith(
        "level_years / growth_breaks [2024]: after the last year of pwt GDP data (2019)")
    assert "must come after base_year 1995" in spec.problems(base_year=1995, level_years=[1995, 2000])[0]
    assert "resource_start 2005 is after resource_end 1995" in spec.problems(resource_start=2005, resource_end=1995)[0]
    assert spec.problems(gdp_source="wdi", base_year=1989, level_years=[2000, 2024], growth_breaks=[1990, 2000, 2019]) == []


def test_coverage_text_and_headline_summary():
    cross = _cross()
    cross.attrs["skipped"] = {"growth_1990_2000": {"BIH": "definition break", "SRB": "definition break"}}
    text = C.coverage_text(cross)
    assert "res_rents" in text and "{'growth_1990_2000': ['BIH', 'SRB']}" in text
    headlines = {"n_outcomes": {"value": 3}, "n_outcomes_governance_explains_more": {"value": 2}}
    assert C.headline_summary(headlines) == "2 headlines; governance explains more in 2 of 3 outcomes"


def test_bad_parameters_fail_fast_with_one_line_each():
    with pytest.raises(ValueError) as caught:
        RESOURCES_VS_GOVERNANCE.check(gdp_source="imf", base_year=1985, level_years=[2007, 2000], growth_breaks=[1990],
                   resource_measures=["gold"], index_method="median", rich_rents_threshold=200,
                   controls="cis", governance_start=1990, lang="de")
    message = str(caught.value)
    assert message.startswith("10 parameter problems in 05_resources_vs_governance:")
    for fragment in ["gdp_source = 'imf': must be one of 'wdi', 'maddison', 'pwt', 'weo'",
                     "base_year = 1985: must be an integer from 1989 to 1999",
                     "level_years = [2007, 2000]: years must be strictly increasing",
                     "growth_breaks = [1990]: must hold at least 2 years",
                     "resource_measures = ['gold']: unknown 'gold'",
                     "index_method = 'median'", "rich_rents_threshold = 200: must be a number from 0.5 to 60",
                     "controls = 'cis': must be a list", "governance_start = 1990: must be an integer from 1996",
                     "lang = 'de': must be one of 'en', 'ru'"]:
        assert fragment in message


def test_cross_checks_on_years():
    with pytest.raises(ValueError, match=r"after the last year of weo GDP data \(2018\)"):
        RESOURCES_VS_GOVERNANCE.check(gdp_source="weo", level_years=[2000, 2020], growth_breaks=[1990, 2000])
    with pytest.raises(ValueError, match="governance_start 2010 is after governance_end 2000"):
        RESOURCES_VS_GOVERNANCE.check(governance_start=2010, governance_end=2000)
    with pytest.raises(ValueError, match="colour: unknown parameter"):
        RESOURCES_VS_GOVERNANCE.check(colour="red")
