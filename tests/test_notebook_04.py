"""Notebook 04 (reforms and growth) in a kernel: a run with non-default parameters (shared, through the execution
cache), and a bad parameter refused by the notebook's check.

The parameter spec itself is tested without a kernel in test_reforms_and_growth.py.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import requires_mirror
from notebook_runner import declare, executed_text, shared_run
from transition.chapters.specs import REFORMS_AND_GROWTH as SPEC

STEM = "04_reforms_and_growth"
RUN = declare("04_reforms_and_growth-other", STEM, growth_source="pwt", reform_lag=2, max_lag=2, threshold=2.67,
              exclude_iso3=["MNG"], robust_share=0.5, lang="ru")
COLUMNS = ["model", "term", "coef", "se", "pvalue", "nobs", "sample"]


@pytest.mark.notebook
@requires_mirror
def test_notebook_runs_with_non_default_parameters():
    out = shared_run(RUN)
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated
    executed = executed_text(RUN)
    assert "Наблюдения" in executed and "спецификация" in executed.lower()  # headers shown in Russian
    table = pd.read_csv(out / "growth_regressions.csv")
    assert list(table.columns) == COLUMNS
    assert not table.duplicated(["model", "term"]).any()
    assert table["pvalue"].between(0, 1).all() and (table["se"] > 0).all() and (table["nobs"] > 0).all()
    main = table[~table["model"].str.startswith("robustness/")]
    assert set(main["model"]) == {"pooled_initial", "fe_main", "fe_areas", "fe_distributed_lag",
                                  "fe_sequencing_gap", "fe_sequencing_ahead"}
    # the parameters took effect: lag 2 terms, lags 0..2 in the distributed lag, PWT growth, 28 countries
    assert "reform_ebrd_average_l2" in set(main.loc[main["model"] == "fe_main", "term"])
    assert "cumulative_reform_ebrd_average_l0_2" in set(main["term"])
    assert "reform_ebrd_average_l3" not in set(main["term"])
    assert main["sample"].str.contains("growth: pwt").all()
    assert main.loc[main["model"] == "fe_main", "sample"].iloc[0].startswith("1991-2006; 28 countries")
    robust = table[table["model"].str.startswith("robustness/")]
    assert {"robustness/threshold_2.33/sequencing", "robustness/threshold_3.00/sequencing",
            "robustness/growth_wdi/main", "robustness/lag_1/main"} <= set(robust["model"])
    assert robust["sample"].str.contains("carried forward").any()
    headlines = json.loads((out / f"{STEM}.json").read_text())
    assert headlines["fe_n_countries"]["value"] == 28
    assert 0 <= headlines["share_specs_reform_positive_significant"]["value"] <= 1
    assert "2.67" in headlines["seq_lib_ahead_coef"]["description"]
    verdicts = pd.read_csv(out / "04_growth_robust_effects.csv")
    assert set(verdicts["verdict"]) <= {"robust", "same sign, not robustly significant", "not robust"}
    assert set(verdicts["term"]) == {"reform_ebrd_average", "log_inflation", "war", "lib_ahead", "priv_ahead"}
    gaps = pd.read_csv(out / "04_sequencing_gap_by_group.csv")
    assert "Mongolia" not in set(gaps["broad_group"]) and gaps["share_lib_ahead"].between(0, 1).all()
    for name in ("04_sequencing_gap_paths", "04_distributed_lag", "04_robustness_coefficients"):
        assert (out / "figures" / f"{name}.png").stat().st_size > 10_000


def test_bad_parameters_are_refused_together():
    """The notebook's validation cell (test_record.py: the first cell after the parameters) refuses them."""
    with pytest.raises(ValueError) as error:
        SPEC.check(threshold=5.5, lang="de", output_dir=None)
    assert "threshold = 5.5" in str(error.value) and "number from 1.67 to 4" in str(error.value)
    assert "lang = 'de'" in str(error.value)
