"""Notebook 03 (stabilization): a run with non-default parameters, and bad parameters failing fast."""
from __future__ import annotations

import json

import pandas as pd
import papermill
import pytest
from notebook_runner import run_notebook

from transition.analysis.stabilization import COLUMNS
from transition.data import derived

STEM = "03_stabilization"
REQUIRED = ["iso3", "group", "peak_inflation", "peak_year", "inflation_measure", "stabilization_year",
            "growth_resumption_year", "lag_years"]


@pytest.fixture(scope="module")
def non_default_run(tmp_path_factory, real_panel):
    tmp_path = tmp_path_factory.mktemp("nb03")
    out = run_notebook(STEM, tmp_path, inflation_threshold=100.0, sustained_years=3, growth_source="weo",
                       event_window_before=2, event_window_after=4, groups=["CIS", "CEE & Baltics"],
                       liberalization_index_year=1993, ebrd_threshold=3.5, lang="ru")
    return out, real_panel


@pytest.mark.notebook
def test_the_russian_run_leaves_no_text_untranslated(non_default_run):
    out, _ = non_default_run
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated


@pytest.mark.notebook
def test_country_table(non_default_run):
    out, tidy = non_default_run
    table = pd.read_csv(out / "stabilization.csv")
    assert set(REQUIRED) <= set(table.columns) and set(COLUMNS) <= set(table.columns)
    assert len(table) == 20 and table["iso3"].is_unique  # 12 CIS + 8 Central Europe and Baltics
    assert set(table["broad_group"]) == {"CIS", "CEE & Baltics"}
    assert set(table["inflation_measure"]) <= {"cpi", "cpi_hko", "gdp_deflator"}
    assert table["peak_year"].between(1989, 2000).all() and (table["peak_inflation"] > 0).all()
    lag = table.dropna(subset=["lag_years"])
    assert (lag["lag_years"] == lag["growth_resumption_year"] - lag["stabilization_year"]).all()
    # the threshold (100 %) and the run length (3 years) took effect: three years below 100 from the stabilization year
    rates = derived.inflation(tidy).set_index(["iso3", "year"])["inflation"]
    stabilized = table.dropna(subset=["stabilization_year"])
    assert len(stabilized) >= 10
    for code, year in zip(stabilized["iso3"], stabilized["stabilization_year"].astype(int)):
        assert all(rates[(code, year + k)] < 100 for k in range(3)), code
        assert rates[code].loc[1989:year - 1].max() >= 100, code
    assert (table.loc[table["stabilization_status"] == "never_high", "peak_inflation"] < 100).all()
    # the WEO growth series (ex-USSR from 1992-93) took effect
    assert table.loc[table["broad_group"] == "CIS", "growth_first_year"].min() >= 1992


@pytest.mark.notebook
def test_event_study_and_headlines(non_default_run):
    out, _ = non_default_run
    events = pd.read_csv(out / "stabilization_event_study.csv")
    assert sorted(events["event_time"].unique()) == list(range(-2, 5))
    assert (events["year"] == events["event_year"] + events["event_time"]).all()
    summary = pd.read_csv(out / "stabilization_event_summary.csv")
    assert set(summary["broad_group"]) <= {"CIS", "CEE & Baltics"} and (summary["n_countries"] >= 1).all()
    orders = pd.read_csv(out / "stabilization_order_counts.csv")
    assert orders.groupby("broad_group")["n_countries"].sum()["All"] == 20
    headlines = json.loads((out / "03_stabilization.json").read_text())
    assert headlines["n_countries"]["value"] == 20
    assert headlines["spearman_liberalization_vs_peak_n"]["value"] == 20
    assert "1993" in headlines["spearman_liberalization_vs_peak_rho"]["description"]
    assert -1 <= headlines["spearman_liberalization_vs_peak_rho"]["value"] <= 1
    assert "median_peak_inflation_cis" in headlines and not any(key.endswith("_see") for key in headlines)
    assert "100%" in headlines["n_stabilized"]["description"]
    for name in ("03_peak_inflation", "03_event_study_growth", "03_liberalization_vs_peak", "03_event_study_programme"):
        assert (out / "figures" / f"{name}.png").stat().st_size > 10_000


@pytest.mark.notebook
def test_programme_dating_and_weighted_inflation(non_default_run):
    out, _ = non_default_run
    screened = pd.read_csv(out / "stabilization_programmes_screened.csv")
    assert set(screened["iso3"]) <= set(pd.read_csv(out / "stabilization.csv")["iso3"])  # the sample only
    # the threshold (100 %) took effect on the screen: every passing programme names it
    assert screened.loc[screened["passes"], "reason"].str.contains("below 100%").all()
    dating = pd.read_csv(out / "stabilization_programme_dating.csv").dropna(subset=["programme_year"])
    with_lag = dating.dropna(subset=["growth_resumption_year"])
    assert len(with_lag) >= 5
    assert (with_lag["lag_years_programme"] == with_lag["growth_resumption_year"] - with_lag["programme_year"]).all()
    aggregates = pd.read_csv(out / "stabilization_inflation_aggregates.csv")
    assert set(aggregates["group"]) == {"CIS", "CEE & Baltics"} and (aggregates["n_weighted"] <= aggregates["n"]).all()
    headlines = json.loads((out / "03_stabilization.json").read_text())
    assert headlines["n_countries_programme_dated"]["value"] == len(dating)
    assert "peak_weighted_inflation_cis" in headlines


@pytest.mark.notebook
def test_notebook_fails_fast_on_a_bad_parameter(tmp_path, real_panel):
    with pytest.raises(papermill.PapermillExecutionError) as error:
        run_notebook(STEM, tmp_path, inflation_threshold=-5.0, lang="de")
    assert "inflation_threshold = -5.0" in str(error.value) and "lang = 'de'" in str(error.value)
    assert not (tmp_path / "out" / "stabilization.csv").exists()
