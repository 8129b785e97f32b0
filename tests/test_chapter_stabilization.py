"""Notebook 03's chapter (chapters.stabilization): display tables, figures, headline rows, findings text."""
from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from timing_fixtures import stabilization_panel

from transition.analysis import stabilization as st
from transition.analysis.timing import STEP_ORDERS
from transition.chapters import stabilization as ch
from transition.chapters.stabilization import SPEC
from transition.paths import PROJECT_ROOT

STEM = "03_stabilization"
GROUPS = ["CIS", "CEE & Baltics"]


@pytest.fixture(scope="module")
def run():
    """The country table, event study, correlations and headline rows of the constructed panel (POL, RUS, HUN)."""
    tidy = stabilization_panel()
    table = st.add_step_order(st.stabilization_table(tidy, iso3=["POL", "RUS", "HUN"]),
                              st.liberalization_timing(tidy, iso3=["POL", "RUS", "HUN"]))
    events = st.event_panel(st.growth_series(tidy, "wdi"), table.set_index("iso3")["stabilization_year"])
    group = table.set_index("iso3")["broad_group"]
    summary, phases = st.event_summary(events, group), st.window_means(events, group)
    correlations = {"liberalization_vs_peak": st.spearman(table["liberalization_index"], table["peak_inflation"])}
    rows = ch.headline_rows(table, summary, phases, correlations, GROUPS, 40.0, 1992)
    return {"table": table, "summary": summary, "phases": phases, "correlations": correlations, "rows": rows}


def test_order_labels_cover_every_order():
    assert set(ch.ORDER_LABELS) == set(STEP_ORDERS)
    assert ch.ORDER_LABELS["not_liberalized"].endswith("by 2006")


def test_headline_rows(run):
    rows = run["rows"]
    h = {row["key"]: row["value"] for row in rows}
    assert all(set(row) == {"key", "value", "unit", "description"} for row in rows) and len(h) == len(rows)
    assert h["n_countries"] == 3 and h["n_never_high"] == 1 and h["n_stabilized"] == 2
    assert h["n_peaks_measured_by_deflator"] == 1 and h["n_relapsed"] == 1
    assert h["median_stabilization_year_cis"] == 1997 and h["median_lag_years_cis"] == 2
    assert h["n_liberalized_before_stabilized_cee_baltics"] == 1 and h["n_order_compared_cee_baltics"] == 1
    assert h["share_liberalized_before_stabilized_all"] == 1.0
    # growth from constant-price levels built from these rates: equal up to rounding
    assert h["mean_growth_event_t0_cis"] == pytest.approx(1.0) and h["mean_growth_event_t2_cis"] == pytest.approx(6.0)
    assert h["mean_growth_event_t0_cee_baltics"] == pytest.approx(2.0)  # POL 1992
    assert h["mean_growth_before_stabilization_cis"] == pytest.approx((-13 - 4 - 4) / 3)
    assert h["spearman_liberalization_vs_peak_n"] == 1 and np.isnan(h["spearman_liberalization_vs_peak_rho"])
    assert not any(key.endswith("_see") for key in h)
    descriptions = {row["key"]: row["description"] for row in rows}
    assert "40%" in descriptions["n_stabilized"] and "not reached by 2006" in descriptions["n_order_compared_all"]


def test_findings_text_is_written_from_the_numbers(run):
    correlations = {"liberalization_vs_peak": {"rho": -0.5, "p": 0.25, "n": 3}}
    text = ch.findings_text(run["rows"], run["table"], correlations, GROUPS, inflation_threshold=40.0,
                            sustained_years=2, peak_start_year=1989, peak_end_year=2000, ebrd_threshold=3.0,
                            liberalization_index_year=1992)
    assert "Median peak inflation in 1989–2000: CIS 1,500%; CEE & Baltics 307%." in text  # POL 580, HUN 34
    assert "1 of 3 peaks are measured by the GDP deflator" in text
    assert "2 countries\n  stabilized (median year: CIS 1997; CEE & Baltics 1992)" in text  # years without a comma
    assert "1 never reached 40% in the data\n  (HUN)" in text and "1 later relapsed." in text
    assert "The CIS median stabilization year is 5 years after" in text
    assert "Of 2 countries with a stabilization year, 2\n  (100%, a majority) had liberalized" in text
    assert "same year: none; stabilization first: none" in text
    assert "Median lag from stabilization to growth resumption: 1 years" in text  # POL 0, RUS 2
    assert "-0.50 (p = 0.2500, n = 3)" in text and "had\n  smaller peaks" in text
    without_cee = ch.findings_text(run["rows"], run["table"], correlations, ["CIS"], inflation_threshold=40.0,
                                   sustained_years=2, peak_start_year=1989, peak_end_year=2000, ebrd_threshold=3.0,
                                   liberalization_index_year=1992)
    assert "The CIS median stabilization year" not in without_cee and "CEE & Baltics" not in without_cee


def test_display_tables(run):
    table = run["table"]
    assert ch.deflator_peaks(table) == "peaks measured by the GDP deflator: RUS"
    assert ch.lag_counts(table) == "lag < 0 / = 0 / > 0: 0 1 1"
    by_time, by_phase = ch.event_views(run["summary"], run["phases"])
    assert list(by_time.columns) == ["CIS", "CEE & Baltics"] and by_time.loc[0, "CIS"] == pytest.approx(1.0)
    assert list(by_phase.columns) == ["before", "event_year", "after"] and list(by_phase.index) == ["CIS", "CEE & Baltics"]
    view = ch.correlation_view({"a": {"rho": 0.5, "p": 0.1, "n": 4}})
    assert view.loc["a", "n"] == 4 and view["n"].dtype == int
    counts = ch.order_counts_view(st.order_counts(table))
    assert counts.loc["liberalization_first", "All"] == 2 and counts.loc["no_inflation_crisis", "CIS"] == 0


def test_figures_draw_what_they_are_given():
    table = pd.DataFrame({"iso3": ["AAA", "BBB", "CCC"], "broad_group": ["CIS", "SEE", "CIS"],
                          "peak_inflation": [1000.0, 50.0, np.nan], "peak_year": [1992, 1993, pd.NA],
                          "inflation_measure": ["cpi", "gdp_deflator", None], "liberalization_index": [2.0, 3.0, 3.0]})
    fig = ch.plot_peaks(table, 40.0, (1989, 2000))
    bars = fig.axes[0].patches
    assert len(bars) == 2 and [b.get_hatch() for b in bars] == [None, "///"]
    assert fig.axes[0].get_yscale() == "log"
    summary = pd.DataFrame({"group": ["CIS"] * 3, "event_time": [-1, 0, 1], "mean_growth": [-5.0, 1.0, 3.0],
                            "median_growth": [-4.0, 1.0, 2.0], "n_countries": [3, 4, 4]})
    fig2 = ch.plot_event_study(summary, "wdi")
    assert len(fig2.axes[0].get_lines()) == 4  # mean, median, two reference lines
    assert "3-4 countries" in fig2.axes[0].get_legend().get_texts()[0].get_text()
    fig3 = ch.plot_liberalization_vs_peak(table, 1992, {"rho": -1.0, "p": 0.5, "n": 2})
    assert len(fig3.axes[0].collections) == 2 and "n = 2" in fig3.axes[0].get_title()
    plt.close("all")


def test_overlapping_labels_are_merged():
    data = pd.DataFrame({"iso3": ["KAZ", "AZE", "UZB", "RUS"], "x": [1.835, 1.835, 1.835, 3.3],
                         "y": [1662.0, 1664.0, 1568.0, 1490.0]})
    labels = ch.label_clusters(data, "x", "y")
    assert sorted(label for _, _, label in labels) == ["AZE/KAZ/UZB", "RUS"]


# --- the parameter spec and the notebook's shape (no kernel) ------------------------------------

def _defaults(**changes):
    values = {"inflation_threshold": 40.0, "sustained_years": 2, "peak_start_year": 1989, "peak_end_year": 2000,
                  "growth_source": "wdi", "growth_run_length": 2, "event_window_before": 3, "event_window_after": 5,
                  "ebrd_threshold": 3.0, "liberalization_index_year": 1992,
                  "groups": ["CIS", "CEE & Baltics", "SEE", "Mongolia"], "lang": "en", "output_dir": None}
    return {**values, **changes}


def test_defaults_are_valid():
    SPEC.check(**_defaults())


@pytest.mark.parametrize("changes, fragments", [
    ({"inflation_threshold": 0}, ["inflation_threshold = 0", "number from 5 to 1000"]),
    ({"inflation_threshold": "40"}, ["inflation_threshold = '40'"]),
    ({"sustained_years": 2.5}, ["sustained_years = 2.5", "integer from 1 to 5"]),
    ({"groups": ["CIS", "Balkans"]}, ["unknown 'Balkans'", "CEE & Baltics"]),
    ({"growth_source": "imf"}, ["growth_source = 'imf'", "'wdi', 'weo', 'pwt', 'maddison', 'gapminder'"]),
    ({"ebrd_threshold": 5.0}, ["ebrd_threshold = 5.0", "number from 1 to 4.33"]),
    ({"liberalization_index_year": 2015}, ["liberalization_index_year = 2015", "integer from 1989 to 2006"]),
    ({"peak_start_year": 1995, "peak_end_year": 1993}, ["peak_start_year = 1995 must be before peak_end_year = 1993"]),
    ({"output_dir": 3}, ["output_dir = 3"]),
    ({"lang": "de"}, ["lang = 'de'", "one of 'en', 'ru'", "table headers"]),
])
def test_bad_parameters_fail_with_a_clear_message(changes, fragments):
    with pytest.raises(ValueError) as error:
        SPEC.check(**_defaults(**changes))
    for fragment in fragments:
        assert fragment in str(error.value)


def test_every_problem_is_listed_at_once():
    with pytest.raises(ValueError, match="2 parameter problems in 03_stabilization") as error:
        SPEC.check(**_defaults(sustained_years=0, event_window_after=20))
    assert "sustained_years = 0" in str(error.value) and "event_window_after = 20" in str(error.value)



def test_the_notebook_is_narrative():
    notebook = json.loads((PROJECT_ROOT / "notebooks" / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    cells = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert max(len(source.splitlines()) for source in cells) <= 15
    findings = cells[-1]
    assert "ch.findings_text(" in findings and 'f"""' not in findings
    assert not any("def " in source for source in cells)  # the notebook calls src/, it defines nothing


def test_programme_headlines_and_their_findings(run):
    """Stabilization dated by policy on the constructed panel: POL's programme in 1990, RUS's in 1992."""
    from transition.analysis import programme_dating as pdt
    table = run["table"]
    listed = pd.DataFrame({"iso3": ["POL", "RUS"], "programme_date": ["1990-01", "1992-01"], "role": "stabilization",
                           "kind": "stabilization programme", "programme_year": [1990, 1992]})
    inflation = pd.DataFrame({"iso3": ["POL"] * 4 + ["RUS"] * 4, "year": [1990, 1991, 1992, 1993] * 2,
                              "inflation": [580.0, 70.0, 43.0, 35.0, 1500.0, 800.0, 300.0, 200.0]})
    screened = pdt.screen(listed, inflation)
    assert screened["verdict"].tolist() == ["disinflation", "no_disinflation"]
    comparison = pdt.compare_with_outcome(pdt.choose(screened), table)
    lags = pdt.lag_summary(comparison)
    rows = ch.programme_headlines(comparison, lags, screened, run["summary"], run["phases"], GROUPS)
    h = {row["key"]: row["value"] for row in rows}
    assert h["n_programmes_listed"] == 2 and h["n_programmes_without_disinflation"] == 1
    assert h["n_countries_programme_dated"] == 1
    pol = comparison.set_index("iso3").loc["POL"]
    assert h["median_lag_years_programme_all"] == pol["growth_resumption_year"] - 1990
    text = ch.findings_text(run["rows"] + rows, table, run["correlations"], GROUPS, inflation_threshold=40.0,
                            sustained_years=2, peak_start_year=1989, peak_end_year=2000, ebrd_threshold=3.0,
                            liberalization_index_year=1992)
    assert "- **Dated by policy.** 1 countries have a stabilization programme" in text
    assert "(1 of 2 programmes listed were not" in text and "Weighted inflation" not in text
    assert ch.programme_view(screened).loc[("RUS", "1992-01"), "verdict"] == "no_disinflation"
