"""Notebook 07 (regional integration): a run with non-default parameters (shared, through the execution cache),
and bad parameters refused by the notebook's check."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from notebook_runner import declare, executed_text, shared_run

from transition.chapters.specs import INTEGRATION as SPEC

STEM = "07_integration"
RUN = declare("07_integration-other", STEM, gdp_measure="ppp_pwt", first_year=1995, last_year=2019,
              blocs=["CIS", "CAEC", "CACO", "EURASEC", "EAEU", "EU"], comparison_year=2003, lang="ru")


@pytest.mark.notebook
def test_notebook_runs_with_other_parameters(real_panel):
    out = shared_run(RUN)
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated
    executed = executed_text(RUN)
    assert "ЕврАзЭС" in executed and "доля, %" in executed  # headers shown in Russian

    weights = pd.read_csv(out / "bloc_weights.csv")
    assert list(weights.columns) == ["bloc", "year", "iso3", "gdp_share_pct"]
    assert set(weights["bloc"]) == {"CIS", "CAEC", "CACO", "EURASEC", "EAEU"}      # EU never weighted
    assert weights["year"].min() == 1995 and weights["year"].max() == 2019          # PWT ends in 2019
    assert weights["gdp_share_pct"].between(0, 100).all()
    totals = weights.groupby(["bloc", "year"])["gdp_share_pct"].sum()
    assert (totals - 100).abs().max() < 1e-4                                        # shares add to 100
    assert weights.query("bloc == 'CIS' and year == 2002")["iso3"].nunique() == 12   # PWT covers all 12
    russia_cis = weights.query("bloc == 'CIS' and iso3 == 'RUS'").set_index("year")["gdp_share_pct"]
    assert 55 < russia_cis[2002] < 80

    coverage = pd.read_csv(out / "07_bloc_weights_coverage.csv")
    assert (coverage["n_with_data"] + coverage["n_missing"] == coverage["n_members"]).all()
    assert coverage["n_with_data"].sum() == len(weights)

    frag = pd.read_csv(out / "07_fragmentation.csv")
    assert frag["year"].tolist() == list(range(1995, 2020))
    assert frag.set_index("year").loc[2002, "n_blocs_active"] == 3    # CIS, CACO, EurAsEC: chosen blocs only
    assert (frag["n_overlapping"] <= frag["n_in_subregional"]).all() and (frag["n_in_subregional"] <= 12).all()

    comparison = pd.read_csv(out / "07_eu_comparison.csv")
    assert (comparison["comparison_year"] == 2003).all()
    assert (comparison["latest_year"] == 2019).all()
    assert comparison["ebrd_average"].between(1, 4.33).all()

    headlines = json.loads((out / "07_integration.json").read_text())
    assert headlines["comparison_year"]["value"] == 2003
    assert headlines["gdp_weights_last_year"]["value"] == 2019
    assert "ppp_pwt" in headlines["rus_share_cis_2002_pct"]["description"]
    assert "rus_share_union_state_2002_pct" not in headlines                       # bloc not chosen
    assert headlines["n_blocs_cis_latest"]["value"] == 2                             # CIS and EAEU in 2019
    assert 0 < headlines["eaeu_median_ebrd_average_comparison_year"]["value"] < \
        headlines["eu2004_median_ebrd_average_comparison_year"]["value"]
    figures = sorted(p.name for p in (out / "figures").glob("*.png"))
    assert figures == ["07_bloc_timeline.png", "07_core_shares.png", "07_eu_comparison.png", "07_fragmentation.png"]


def test_bad_parameters_are_refused_together():
    """The notebook's validation cell (test_record.py: the first cell after the parameters) refuses them."""
    with pytest.raises(ValueError) as error:
        SPEC.check(blocs=["CIS", "NATO"], lang="de", output_dir=None)
    assert "unknown 'NATO'" in str(error.value) and "lang = 'de'" in str(error.value)
