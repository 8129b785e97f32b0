"""Notebook 05 (resources vs governance): a non-default run (shared, through the execution cache), and bad
parameters refused by the notebook's check."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import requires_mirror
from notebook_runner import declare, executed_text, shared_run

from transition.chapters.specs import RESOURCES_VS_GOVERNANCE as SPEC

STEM = "05_resources_vs_governance"
NON_DEFAULT = {"gdp_source": "pwt", "base_year": 1990, "level_years": [2000, 2015], "growth_breaks": [1995, 2005, 2015],
                   "resource_start": 1996, "resource_end": 2004, "governance_start": 1998, "governance_end": 2008,
                   "resource_measures": ["rents", "fuel_exports", "hydrocarbon_production_pc", "hydrocarbon_reserves_pc"],
                   "governance_measures": ["control_of_corruption", "government_effectiveness", "rule_of_law"],
                   "index_method": "pc1", "rich_rents_threshold": 15.0, "controls": ["cis"]}
RUN = declare("05_resources_vs_governance-other", STEM, **NON_DEFAULT, lang="ru",
              bootstrap_draws=200)  # the fewest draws: seconds
OUTCOMES = ["gdp_index_2000", "gdp_index_2015", "growth_1995_2005", "growth_2005_2015"]


@requires_mirror
@pytest.mark.notebook
def test_non_default_run_writes_its_tables():
    out = shared_run(RUN)
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated
    executed = executed_text(RUN)
    assert "индекс ресурсной зависимости" in executed  # headers shown in Russian

    models = pd.read_csv(out / "resources_governance.csv")
    assert list(models.columns) == ["model", "outcome", "term", "coef", "std_coef", "se", "tvalue", "pvalue",
                                    "r2", "adj_r2", "nobs"]
    assert sorted(models["outcome"].unique()) == sorted(OUTCOMES)
    assert set(models["model"]) == {"resources", "governance", "joint", "joint_controls"}
    assert set(models.query("model == 'joint_controls'")["term"]) == {"const", "resource_index", "governance_index", "cis"}
    assert models["pvalue"].between(0, 1).all() and models["r2"].between(0, 1).all()
    assert models["nobs"].between(20, 29).all()
    # every model of an outcome uses the same sample
    assert (models.groupby("outcome")["nobs"].nunique() == 1).all()

    cross = pd.read_csv(out / "05_cross_section.csv")
    assert len(cross) == 29 and cross["iso3"].is_unique
    assert "res_ores_metals_exports" not in cross.columns and "gov_freedom_house" not in cross.columns
    rich = cross[cross["resource_group"] == "resource-rich CIS"]
    assert (rich["rents_for_groups"] >= 15.0).all() and (rich["broad_group"] == "CIS").all()
    assert (cross.loc[cross["resource_group"] == "other CIS", "rents_for_groups"] < 15.0).all()
    assert cross["gdp_index_2000"].between(10, 300).sum() >= 25  # PWT, base 1990

    weights = pd.read_csv(out / "05_index_weights.csv")
    resource_weights = weights.query("index == 'resource_index'")["weight"]
    assert resource_weights.sum() == pytest.approx(1.0) and resource_weights.nunique() > 1  # pc1, not equal weights

    shapley = pd.read_csv(out / "05_shapley.csv")
    totals = shapley.groupby(["model", "outcome"])["share_of_r2"].sum()
    assert totals.to_numpy() == pytest.approx(1.0)

    headlines = json.loads((out / f"{STEM}.json").read_text())
    assert headlines["n_outcomes"]["value"] == 4
    assert 0 <= headlines["n_outcomes_governance_explains_more"]["value"] <= 4
    assert headlines["n_resource_rich_cis"]["value"] == len(rich)
    assert "median_growth_2005_2015_resource_rich_cis" in headlines
    for name in ["05_outcomes_vs_resources", "05_outcomes_vs_governance", "05_r2_decomposition"]:
        assert (out / "figures" / f"{name}.png").stat().st_size > 10_000


def test_bad_parameters_are_refused_together():
    """The notebook's validation cell (test_record.py: the first cell after the parameters) refuses them."""
    with pytest.raises(ValueError) as caught:
        SPEC.check(rich_rents_threshold=-5.0, lang="de", output_dir=None)
    assert "rich_rents_threshold = -5.0: must be a number from 0.5 to 60" in str(caught.value)
    assert "lang = 'de'" in str(caught.value)
