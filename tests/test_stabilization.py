"""Inflation peaks, growth resumption, the country table and the event study of notebook 03 (analysis.stabilization).

The stabilization year, relapses and the order of the two steps are the shared definitions of
analysis.timing (test_timing.py); figures, headline rows and findings are in test_chapter_stabilization.py.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from timing_fixtures import stabilization_panel

from transition.analysis import stabilization as st


def _rates(values: dict, deflator_years=()) -> pd.DataFrame:
    return pd.DataFrame({"year": list(values), "inflation": list(values.values()),
                         "measure": ["gdp_deflator" if y in deflator_years else "cpi" for y in values]})


# --- inflation peak --------------------------------------------------------------------------

def test_peak_level_year_measure_and_years_high():
    rates = _rates({1988: 5000.0, 1991: 90.0, 1992: 900.0, 1993: 300.0, 1994: 30.0, 2001: 2000.0}, deflator_years={1992})
    peak = st.inflation_peak(rates, 1989, 2000, 40.0)  # 1988 and 2001 lie outside the window
    assert peak == {"peak_inflation": 900.0, "peak_year": 1992, "inflation_measure": "gdp_deflator",
                    "years_high_inflation": 3}


def test_peak_without_data_in_the_window():
    peak = st.inflation_peak(_rates({1980: 50.0}), 1989, 2000, 40.0)
    assert np.isnan(peak["peak_inflation"]) and peak["peak_year"] is None and peak["years_high_inflation"] == 0


# --- growth resumption -----------------------------------------------------------------------

@pytest.mark.parametrize("values, kwargs, expected", [
    ({1989: 2, 1990: -5, 1991: -3, 1992: 1, 1993: 4}, {}, (1992, "resumed")),
    ({1989: -5, 1990: 1, 1991: -2, 1992: 3, 1993: 4}, {}, (1992, "resumed")),  # one positive year is not enough
    ({1989: -5, 1990: 1, 1991: -2, 1992: 3, 1993: 4}, {"run_length": 1}, (1990, "resumed")),
    ({1989: -5, 1990: 0, 1991: 2, 1993: 3, 1994: 4}, {}, (1993, "resumed")),   # 0 is no growth; 1992 missing breaks the run
    ({1989: 1, 1990: 2, 1991: 3}, {}, (None, "no_recession")),
    ({1989: -5, 1990: -3, 1991: 2}, {}, (None, "not_resumed")),
    ({1994: 2, 1995: 4, 2009: -3, 2010: 1, 2011: 2}, {"last_recession_start": 2000}, (None, "no_recession")),
    ({1994: 2, 1995: 4, 2009: -3, 2010: 1, 2011: 2}, {}, (2010, "resumed")),
    ({}, {}, (None, "no_data")),
])
def test_growth_resumption(values, kwargs, expected):
    assert st.growth_resumption(pd.Series(values, dtype=float), 1989, **kwargs) == expected


def test_growth_resumption_starts_at_start_year():
    series = pd.Series({1985: -1.0, 1986: 2.0, 1987: 3.0, 1989: 1.0, 1990: -4.0, 1991: 2.0, 1992: 2.0})
    assert st.growth_resumption(series, 1989) == (1991, "resumed")


# --- the country table on a constructed panel --------------------------------------------------

def test_stabilization_table_known_answers():
    table = st.stabilization_table(stabilization_panel(), iso3=["POL", "RUS", "HUN"]).set_index("iso3")
    assert list(table.reset_index().columns) == st.COLUMNS
    assert list(table.index) == ["HUN", "POL", "RUS"]
    pol, rus, hun = table.loc["POL"], table.loc["RUS"], table.loc["HUN"]
    assert (pol["peak_inflation"], pol["peak_year"], pol["inflation_measure"]) == (580.0, 1990, "cpi")
    assert (pol["stabilization_year"], pol["growth_resumption_year"], pol["lag_years"]) == (1992, 1992, 0)
    assert (rus["peak_inflation"], rus["peak_year"], rus["inflation_measure"]) == (1500.0, 1992, "gdp_deflator")
    assert (rus["stabilization_year"], rus["relapse_year"], rus["growth_resumption_year"]) == (1997, 1999, 1999)
    assert rus["lag_years"] == 2 and rus["years_high_inflation"] == 7 and rus["inflation_first_year"] == 1991
    assert hun["stabilization_status"] == "never_high" and pd.isna(hun["stabilization_year"]) and pd.isna(hun["lag_years"])
    assert table.loc["POL", "group"] == "Central Europe" and table.loc["RUS", "broad_group"] == "CIS"


def test_growth_source_and_parameters_take_effect():
    tidy = stabilization_panel()
    weo = st.stabilization_table(tidy, growth_source="weo", iso3=["RUS"]).iloc[0]
    assert (weo["growth_resumption_year"], weo["growth_first_year"]) == (1999, 1996)
    strict = st.stabilization_table(tidy, threshold=20.0, sustained_years=1, iso3=["RUS"]).iloc[0]
    assert strict["stabilization_year"] == 1997 and strict["relapse_year"] == 1998
    with pytest.raises(ValueError, match="growth_source"):
        st.stabilization_table(tidy, growth_source="imf")


def test_liberalization_timing_and_order():
    tidy = stabilization_panel()
    timing = st.liberalization_timing(tidy, threshold=3.0, index_year=1990, iso3=["POL", "RUS", "HUN"]).set_index("iso3")
    assert timing["liberalization_year"].tolist() == [1990, 1990, 1992]
    assert timing.loc["POL", "liberalization_index"] == 3.34 and np.isnan(timing.loc["RUS", "liberalization_index"])
    assert pd.isna(st.liberalization_timing(tidy, threshold=4.0, iso3=["POL"]).loc[0, "liberalization_year"])
    table = st.add_step_order(st.stabilization_table(tidy, iso3=["POL", "RUS", "HUN"]), timing.reset_index())
    assert dict(zip(table["iso3"], table["order"])) == {"HUN": "no_inflation_crisis", "POL": "liberalization_first",
                                                         "RUS": "liberalization_first"}
    counts = st.order_counts(table)
    all_rows = counts[counts["broad_group"] == "All"].set_index("order")
    assert all_rows.loc["liberalization_first", "n_countries"] == 2
    assert all_rows["share_of_group"].sum() == pytest.approx(1.0)
    assert counts["broad_group"].iloc[0] == "CIS" and counts["broad_group"].iloc[-1] == "All"


# --- event study -----------------------------------------------------------------------------

def _growth() -> pd.Series:
    values = {("AAA", y): float(y - 1990) for y in range(1988, 2000)}
    values.update({("BBB", y): 10.0 for y in range(1990, 1996) if y != 1993})  # 1993 missing
    return pd.Series(values).rename_axis(["iso3", "year"])


def test_event_panel_rows_and_missing_years():
    events = pd.Series({"AAA": 1992, "BBB": 1994, "CCC": np.nan})
    panel = st.event_panel(_growth(), events, before=2, after=3)
    assert len(panel) == 2 * 6 and set(panel["iso3"]) == {"AAA", "BBB"}
    aaa = panel[panel["iso3"] == "AAA"]
    assert aaa["event_time"].tolist() == [-2, -1, 0, 1, 2, 3]
    assert aaa["year"].tolist() == list(range(1990, 1996)) and aaa["growth"].tolist() == [0, 1, 2, 3, 4, 5]
    bbb = panel[panel["iso3"] == "BBB"].set_index("event_time")["growth"]
    assert np.isnan(bbb[-1]) and np.isnan(bbb[2]) and np.isnan(bbb[3]) and bbb[0] == 10.0


def test_event_summary_means_medians_and_counts():
    panel = st.event_panel(_growth(), pd.Series({"AAA": 1992, "BBB": 1994}), before=2, after=3)
    summary = st.event_summary(panel, pd.Series({"AAA": "SEE", "BBB": "SEE"})).set_index("event_time")
    assert summary.loc[0, "mean_growth"] == 6.0 and summary.loc[0, "n_countries"] == 2
    assert summary.loc[-1, "mean_growth"] == 1.0 and summary.loc[-1, "n_countries"] == 1  # BBB 1993 missing
    assert 3 in summary.index and summary.loc[3, "n_countries"] == 1
    two = st.event_summary(panel, pd.Series({"AAA": "SEE", "BBB": "CIS"}))
    assert list(dict.fromkeys(two["group"])) == ["CIS", "SEE"]  # BROAD_GROUPS order


def test_window_means_weight_countries_equally():
    panel = pd.DataFrame({"iso3": ["A"] * 4 + ["B"] * 2, "event_time": [-2, -1, 0, 1, -1, 1],
                          "growth": [-10.0, -6.0, 1.0, 4.0, 0.0, 2.0]})
    phases = st.window_means(panel, pd.Series({"A": "CIS", "B": "CIS"})).set_index("phase")
    assert phases.loc["before", "mean_growth"] == pytest.approx((-8.0 + 0.0) / 2)  # A's mean -8, B's 0
    assert phases.loc["event_year", "n_countries"] == 1
    assert list(phases.index) == ["before", "event_year", "after"]


# --- summaries ---------------------------------------------------------------------------------

def test_spearman():
    x = pd.Series([1.0, 2.0, 3.0, 4.0, np.nan])
    assert st.spearman(x, pd.Series([10.0, 200.0, 3000.0, 40000.0, 1.0])) == {"rho": 1.0, "p": 0.0, "n": 4}
    negative = st.spearman(x, pd.Series([4.0, 3.0, 2.0, 1.0, 0.0]))
    assert negative["rho"] == pytest.approx(-1.0) and negative["n"] == 4
    too_few = st.spearman(pd.Series([1.0, 2.0]), pd.Series([2.0, 1.0]))
    assert np.isnan(too_few["rho"]) and too_few["n"] == 2
    assert np.isnan(st.spearman(x, pd.Series([1.0] * 5))["rho"])
    assert st.spearman(pd.Series([1, 2, 3], dtype="Int64"), pd.Series([3.0, 1.0, 2.0]))["n"] == 3


def test_correlations_of_early_liberalization_with_the_burst():
    table = pd.DataFrame({"liberalization_index": [1.0, 2.0, 3.0, 4.0], "liberalization_year": [1995, 1993, 1992, 1990],
                          "peak_inflation": [4000.0, 900.0, 300.0, 50.0], "years_high_inflation": [6, 4, 3, 1]})
    result = st.correlations(table)
    assert list(result) == ["liberalization_vs_peak", "liberalization_year_vs_peak", "liberalization_vs_years_high"]
    assert result["liberalization_vs_peak"]["rho"] == pytest.approx(-1.0)
    assert result["liberalization_year_vs_peak"]["rho"] == pytest.approx(1.0)
    assert result["liberalization_vs_years_high"]["n"] == 4
