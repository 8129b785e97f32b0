"""Notebook 10 (real time): a run with non-default parameters (another year's editions, US$ weights, Russian),
and bad parameters failing fast."""
from __future__ import annotations

import json

import pandas as pd
import papermill
import pytest
from notebook_runner import run_notebook

STEM = "10_real_time"


@pytest.fixture(scope="module")
def non_default_run(tmp_path_factory, real_panel):
    tmp_path = tmp_path_factory.mktemp("nb10")
    return run_notebook(STEM, tmp_path, as_of=2001, weights="usd", large_revision=1.0, lang="ru")


@pytest.mark.notebook
def test_the_russian_run_leaves_no_text_untranslated(non_default_run):
    assert json.loads((non_default_run / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []


@pytest.mark.notebook
def test_the_editions_of_the_year_asked_are_compared(non_default_run):
    out = non_default_run
    growth = pd.read_csv(out / "10_day_vs_revised.csv")
    assert sorted(growth["target_year"].unique()) == [1999, 2000]          # the two years before as_of
    assert {"2001-04", "2001-09", "of_the_day", "revised_wdi", "revision_weo2019"} <= set(growth.columns)
    assert (growth["revision_wdi"] - (growth["revised_wdi"] - growth["of_the_day"])).abs().max() < 1e-6
    aggregates = pd.read_csv(out / "10_group_growth.csv")
    assert set(aggregates["vintage"]) == {"revised", "first_release", "of_the_day"}
    assert aggregates.loc[aggregates["vintage"] == "of_the_day", "year"].isin([1999, 2000]).all()
    assert aggregates["year"].max() == 2000                                  # today's data observed to as_of
    headlines = json.loads((out / f"{STEM}.json").read_text())
    assert headlines["largest_later_revision_inflation_2000_iso3"]["unit"] == "ISO3"
    assert "1 percentage points" in headlines["n_large_revision_growth_2000_wdi"]["description"]
    assert headlines["c3_gap_holds_revised"]["value"] in (0, 1)
    for name in ("10_growth_day_vs_revised", "10_first_release_revisions", "10_group_growth"):
        assert (out / "figures" / f"{name}.png").stat().st_size > 10_000


@pytest.mark.notebook
def test_notebook_fails_fast_on_a_bad_parameter(tmp_path, real_panel):
    with pytest.raises(papermill.PapermillExecutionError) as error:
        run_notebook(STEM, tmp_path, as_of=1980, weights="gold")
    assert "as_of = 1980" in str(error.value) and "weights = 'gold'" in str(error.value)
    assert not (tmp_path / "out" / "10_day_vs_revised.csv").exists()
