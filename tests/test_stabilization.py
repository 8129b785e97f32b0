"""Inflation peaks, stabilization, growth resumption and the event study on constructed series."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from transition.data import derived  # noqa: E402
from transition.analysis import stabilization as st  # noqa: E402
from transition.present.style import GROUP_COLORS  # noqa: E402


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


# --- stabilization ---------------------------------------------------------------------------

@pytest.mark.parametrize("values, expected", [
    ({1989: 20, 1990: 600, 1991: 70, 1992: 45, 1993: 35, 1994: 30}, (1993, "stabilized")),
    ({1989: 10, 1990: 30, 1991: 35}, (None, "never_high")),            # no burst: no year
    ({1989: 100, 1990: 900, 1991: 300, 1992: 80}, (None, "not_stabilized")),  # never below the threshold
    ({1989: 100, 1990: 10, 1992: 10, 1993: 10}, (1992, "stabilized")),  # missing 1991 breaks the run
    ({1989: 100, 1990: 10, 1992: 10}, (None, "not_stabilized")),         # ... and no full run after the gap
    ({}, (None, "no_data")),
])
def test_stabilization_year(values, expected):
    assert st.stabilization_year(pd.Series(values, dtype=float), 40.0, 2, 1989) == expected


def test_stabilization_ignores_an_episode_before_the_start_year():
    # Poland-like: high inflation in 1982, low in 1983-85, the transition burst from 1989
    series = pd.Series({1982: 100.0, 1983: 20.0, 1984: 15.0, 1989: 250.0, 1990: 580.0, 1991: 70.0,
                        1992: 39.0, 1993: 35.0})
    assert st.stabilization_year(series, 40.0, 2, 1989) == (1992, "stabilized")
    assert st.stabilization_year(series, 40.0, 2, 1980) == (1983, "stabilized")


def test_stabilization_threshold_and_run_length_matter():
    series = pd.Series({1990: 500.0, 1991: 80.0, 1992: 60.0, 1993: 30.0, 1994: 20.0, 1995: 10.0})
    assert st.stabilization_year(series, 100.0, 2, 1990) == (1991, "stabilized")
    assert st.stabilization_year(series, 40.0, 3, 1990) == (1993, "stabilized")


@pytest.mark.parametrize("after, expected", [(1993, 1997), (1997, None), (None, None)])
def test_relapse_year(after, expected):
    series = pd.Series({1992: 200.0, 1993: 30.0, 1994: 20.0, 1995: 35.0, 1996: np.nan, 1997: 150.0})
    assert st.relapse_year(series, 40.0, after) == expected


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


# --- order of reforms ------------------------------------------------------------------------

@pytest.mark.parametrize("lib, stab, status, expected", [
    (1992, 1995, "stabilized", "liberalization_first"),
    (1995, 1995, "stabilized", "same_year"),
    (1997, 1995, "stabilized", "stabilization_first"),
    (pd.NA, 1995, "stabilized", "not_liberalized"),
    (1992, None, "never_high", "no_inflation_crisis"),
    (1992, None, "not_stabilized", "not_stabilized"),
    (None, None, "no_data", "no_data"),
])
def test_reform_order(lib, stab, status, expected):
    assert st.reform_order(lib, stab, status) == expected
    assert expected in st.ORDER_LABELS


# --- the country table on a constructed panel --------------------------------------------------

def _tidy() -> pd.DataFrame:
    rows = []
    # POL: CPI throughout; burst 1990, below 40 from 1992; recession 1990-91, growth from 1992
    for year, cpi, growth in [(1989, 250, -1), (1990, 580, -9), (1991, 70, -7), (1992, 39, 2), (1993, 35, 4),
                              (1994, 30, 5), (1995, 28, 6)]:
        rows += [("POL", year, "weo_cpi_inflation", cpi), ("POL", year, "wdi_gdp_growth", growth)]
    # RUS: no CPI before 1993 (deflator fallback for the peak); stabilizes 1997; growth resumes 1999
    for year, deflator in [(1991, 130), (1992, 1500), (1993, 900)]:
        rows.append(("RUS", year, "wdi_deflator_inflation", deflator))
    for year, cpi in [(1993, 875), (1994, 300), (1995, 200), (1996, 48), (1997, 15), (1998, 28), (1999, 86), (2000, 21)]:
        rows.append(("RUS", year, "weo_cpi_inflation", cpi))
    for year, growth in [(1990, -2), (1991, -5), (1992, -14), (1993, -9), (1994, -13), (1995, -4), (1996, -4),
                         (1997, 1), (1998, -5), (1999, 6), (2000, 10)]:
        rows.append(("RUS", year, "wdi_gdp_growth", growth))
        rows.append(("RUS", year, "weo_real_gdp_growth", growth if year >= 1996 else np.nan))
    # HUN: inflation never reaches 40
    for year, cpi, growth in [(1989, 17, -2), (1990, 29, -7), (1991, 34, -12), (1992, 23, -3), (1993, 22, 1), (1994, 19, 3)]:
        rows += [("HUN", year, "weo_cpi_inflation", cpi), ("HUN", year, "wdi_gdp_growth", growth)]
    # liberalization: POL 1990, RUS 1992, HUN 1990
    for code, scores in {"POL": {1989: 1.66, 1990: 3.34}, "RUS": {1991: 1.0, 1992: 3.34}, "HUN": {1989: 2.34, 1990: 3.5}}.items():
        rows += [(code, year, "reform_liberalization", score) for year, score in scores.items()]
    frame = pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).dropna()
    return frame.assign(value=frame["value"].astype(float), source="test")


def test_stabilization_table_known_answers():
    table = st.stabilization_table(_tidy(), iso3=["POL", "RUS", "HUN"]).set_index("iso3")
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
    tidy = _tidy()
    weo = st.stabilization_table(tidy, growth_source="weo", iso3=["RUS"]).iloc[0]
    assert (weo["growth_resumption_year"], weo["growth_first_year"]) == (1999, 1996)
    strict = st.stabilization_table(tidy, threshold=20.0, sustained_years=1, iso3=["RUS"]).iloc[0]
    assert strict["stabilization_year"] == 1997 and strict["relapse_year"] == 1998
    with pytest.raises(ValueError, match="growth_source"):
        st.stabilization_table(tidy, growth_source="pwt")


def test_liberalization_timing_and_order():
    tidy = _tidy()
    timing = st.liberalization_timing(tidy, threshold=3.0, index_year=1990, iso3=["POL", "RUS", "HUN"]).set_index("iso3")
    assert timing["liberalization_year"].tolist() == [1990, 1990, 1992]
    assert timing.loc["POL", "liberalization_index"] == 3.34 and np.isnan(timing.loc["RUS", "liberalization_index"])
    assert pd.isna(st.liberalization_timing(tidy, threshold=4.0, iso3=["POL"]).loc[0, "liberalization_year"])
    table = st.add_reform_order(st.stabilization_table(tidy, iso3=["POL", "RUS", "HUN"]), timing.reset_index())
    assert dict(zip(table["iso3"], table["order"])) == {"HUN": "no_inflation_crisis", "POL": "liberalization_first",
                                                         "RUS": "liberalization_first"}
    counts = st.order_counts(table)
    all_rows = counts[counts["broad_group"] == "All"].set_index("order")
    assert all_rows.loc["liberalization_first", "n_countries"] == 2
    assert all_rows["share_of_group"].sum() == pytest.approx(1.0)
    assert counts["broad_group"].iloc[0] == "CIS" and counts["broad_group"].iloc[-1] == "All"


def test_study_countries_by_broad_group():
    assert st.study_countries(["Mongolia"]) == ["MNG"]
    baltic_ce = st.study_countries(["CEE & Baltics"])
    assert set(baltic_ce) == {"EST", "LVA", "LTU", "POL", "HUN", "CZE", "SVK", "SVN"}


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


def test_group_medians():
    table = pd.DataFrame({"broad_group": ["SEE", "CIS", "CIS", "CIS"], "lag_years": [1.0, 0.0, 2.0, np.nan]})
    medians = st.group_medians(table, ["lag_years"])
    assert medians["broad_group"].tolist() == ["CIS", "SEE"]
    assert medians["lag_years"].tolist() == [1.0, 1.0] and medians["n_lag_years"].tolist() == [2, 1]


def test_headline_numbers():
    tidy = _tidy()
    table = st.add_reform_order(st.stabilization_table(tidy, iso3=["POL", "RUS", "HUN"]),
                                st.liberalization_timing(tidy, iso3=["POL", "RUS", "HUN"]))
    events = st.event_panel(derived.series(tidy, "wdi_gdp_growth"), table.set_index("iso3")["stabilization_year"])
    group = table.set_index("iso3")["broad_group"]
    correlations = {"liberalization_vs_peak": st.spearman(table["liberalization_index"], table["peak_inflation"])}
    rows = st.headline_numbers(table, st.event_summary(events, group), st.window_means(events, group), correlations,
                               ["CIS", "CEE & Baltics"], 40.0, 1992)
    h = {row["key"]: row["value"] for row in rows}
    assert all(set(row) == {"key", "value", "unit", "description"} for row in rows)
    assert h["n_countries"] == 3 and h["n_never_high"] == 1 and h["n_stabilized"] == 2
    assert h["n_peaks_measured_by_deflator"] == 1 and h["n_relapsed"] == 1
    assert h["median_stabilization_year_cis"] == 1997 and h["median_lag_years_cis"] == 2
    assert h["n_liberalized_before_stabilized_cee_baltics"] == 1 and h["n_order_compared_cee_baltics"] == 1
    assert h["share_liberalized_before_stabilized_all"] == 1.0
    assert h["mean_growth_event_t0_cis"] == 1.0 and h["mean_growth_event_t2_cis"] == 6.0  # RUS 1997, 1999
    assert h["mean_growth_event_t0_cee_baltics"] == 2.0  # POL 1992
    assert h["mean_growth_before_stabilization_cis"] == pytest.approx((-13 - 4 - 4) / 3)
    assert h["spearman_liberalization_vs_peak_n"] == 1 and np.isnan(h["spearman_liberalization_vs_peak_rho"])
    assert not any(key.endswith("_see") for key in h)


# --- figures -----------------------------------------------------------------------------------

def test_figures_draw_what_they_are_given():
    table = pd.DataFrame({"iso3": ["AAA", "BBB", "CCC"], "broad_group": ["CIS", "SEE", "CIS"],
                          "peak_inflation": [1000.0, 50.0, np.nan], "peak_year": [1992, 1993, pd.NA],
                          "inflation_measure": ["cpi", "gdp_deflator", None], "liberalization_index": [2.0, 3.0, 3.0]})
    fig = st.plot_peaks(table, 40.0, GROUP_COLORS, (1989, 2000))
    bars = fig.axes[0].patches
    assert len(bars) == 2 and [b.get_hatch() for b in bars] == [None, "///"]
    assert fig.axes[0].get_yscale() == "log"
    summary = pd.DataFrame({"group": ["CIS"] * 3, "event_time": [-1, 0, 1], "mean_growth": [-5.0, 1.0, 3.0],
                            "median_growth": [-4.0, 1.0, 2.0], "n_countries": [3, 4, 4]})
    fig2 = st.plot_event_study(summary, GROUP_COLORS, "wdi_gdp_growth")
    assert len(fig2.axes[0].get_lines()) == 4  # mean, median, two reference lines
    assert "3-4 countries" in fig2.axes[0].get_legend().get_texts()[0].get_text()
    fig3 = st.plot_liberalization_vs_peak(table, GROUP_COLORS, 1992, {"rho": -1.0, "p": 0.5, "n": 2})
    assert len(fig3.axes[0].collections) == 2 and "n = 2" in fig3.axes[0].get_title()
    plt.close("all")


def test_overlapping_labels_are_merged():
    data = pd.DataFrame({"iso3": ["KAZ", "AZE", "UZB", "RUS"], "x": [1.835, 1.835, 1.835, 3.3],
                         "y": [1662.0, 1664.0, 1568.0, 1490.0]})
    labels = st._label_clusters(data, "x", "y")
    assert sorted(label for _, _, label in labels) == ["AZE/KAZ/UZB", "RUS"]
