"""Notebook 01 (reform sequencing): a run with non-default parameters (shared, through the execution cache),
and bad parameters refused by the notebook's check."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import requires_mirror
from notebook_runner import declare, executed_text, shared_run

from transition.chapters.specs import REFORM_SEQUENCING as SPEC

STEM = "01_reform_sequencing"
TIMING_COLUMNS = ["iso3", "group", "subgroup", "area", "year_reached", "threshold", "measure", "status"]
ORDER_COLUMNS = ["iso3", "group", "subgroup", "order", "follows_essay_order", "consistent_so_far", "n_areas_reached",
                 "areas_not_reached", "areas_left_out", "lib_inst_gap_years", "lib_inst_gap_censored",
                 "lib_inst_gap_points"]
RUN = declare("01_reform_sequencing-other", STEM, ebrd_threshold=2.67, inflation_threshold=45.0, last_year=2002,
              ties="strict", never_high="first_year", groups=["CIS", "CEE & Baltics"], exclude_countries=["BLR"],
              lang="ru")


@pytest.mark.notebook
@requires_mirror
def test_notebook_runs_with_non_default_parameters():
    out = shared_run(RUN)
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated
    executed = executed_text(RUN)
    assert "год достижения" in executed  # headers shown in Russian
    timing = pd.read_csv(out / "reform_timing.csv")
    assert list(timing.columns[:len(TIMING_COLUMNS)]) == TIMING_COLUMNS
    assert len(timing) == 4 * 19 and timing["iso3"].nunique() == 19 and "BLR" not in set(timing["iso3"])
    assert set(timing["group"]) == {"CIS", "CEE & Baltics"}
    assert timing["year_reached"].dropna().between(1989, 2002).all()  # last_year took effect
    ebrd = timing[timing["area"] != "stabilization"]
    assert (ebrd["threshold"] == 2.67).all() and (timing.loc[timing["area"] == "stabilization", "threshold"] == 45.0).all()
    stab = timing[timing["area"] == "stabilization"].set_index("iso3")
    assert stab.loc["HUN", "status"] == "never_high" and stab.loc["HUN", "year_reached"] == 1989  # dated, not left out
    assert stab["measure"].str.contains("below 45%").all()

    order = pd.read_csv(out / "reform_order.csv")
    assert list(order.columns) == ORDER_COLUMNS and len(order) == 19
    assert order["follows_essay_order"].dtype == bool and order["consistent_so_far"].dtype == bool
    assert (order["follows_essay_order"] <= order["consistent_so_far"]).all()
    assert order["order"].str.match(r"^[LSIP(]").all() and not order["order"].str.contains("never high").any()
    gaps = order["lib_inst_gap_years"].dropna()
    assert gaps.between(0, 2002 - 1989).all() and order["lib_inst_gap_points"].dropna().between(-3.33, 3.33).all()

    headlines = json.loads((out / f"{STEM}.json").read_text())
    assert headlines["n_countries"]["value"] == 19 and "n_follow_essay_order_cis" in headlines
    assert "n_follow_essay_order_see" not in headlines  # SEE not selected
    assert 0 <= headlines["share_follow_essay_order_all"]["value"] <= 1
    assert "by 2002" in headlines["n_institutions_not_reached_all"]["description"]
    assert "ties strict" in headlines["n_follow_essay_order_all"]["description"]
    for name in ("01_reform_progress", "01_order_frequencies", "01_pairwise_order"):
        assert (out / "figures" / f"{name}.png").stat().st_size > 10_000


def test_bad_parameters_are_refused_together():
    """The notebook's validation cell (test_record.py: the first cell after the parameters) refuses them."""
    with pytest.raises(ValueError) as caught:
        SPEC.check(ebrd_threshold=5.0, groups=["CIS", "Caucasus"], lang="de", output_dir=None)
    message = str(caught.value)
    assert "ebrd_threshold = 5.0" in message and "unknown 'Caucasus'" in message and "lang = 'de'" in message
