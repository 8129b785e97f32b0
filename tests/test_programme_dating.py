"""Stabilization dated by policy: the programme table, the disinflation screen, the choice, the comparison."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import requires_mirror

from transition.analysis import programme_dating as pdt
from transition.data import programmes

RATES = pd.Series({1991: 300.0, 1992: 1000.0, 1993: 900.0, 1994: 300.0, 1995: 35.0, 1996: 20.0})


@pytest.mark.parametrize("year, window, passes, fragment", [
    (1992, 3, True, "below 40% in 1995"),
    (1991, 3, False, "inflation rose after the programme"),     # 300 → 1000
    (1992, 2, False, "no disinflation"),                         # 1993-94 still at or above 40
    (1996, 3, False, "no inflation data for 1996 and 1997"),
])
def test_disinflation_screen(year, window, passes, fragment):
    ok, reason = pdt.disinflation_followed(RATES, year, 40.0, window)
    assert ok is passes and fragment in reason


def _programmes(rows):
    frame = pd.DataFrame(rows, columns=["iso3", "programme_date", "role"])
    return frame.assign(programme_year=frame["programme_date"].str[:4].astype(int), kind="k")


def test_the_first_stabilization_programme_that_passes_is_chosen():
    listed = _programmes([("AAA", "1991", "stabilization"), ("AAA", "1992-01", "arrangement"),
                          ("AAA", "1992-06", "stabilization"), ("BBB", "1992", "arrangement")])
    inflation = pd.concat([RATES.rename("inflation").rename_axis("year").reset_index().assign(iso3=code)
                           for code in ("AAA", "BBB")], ignore_index=True)
    screened = pdt.screen(listed, inflation, 40.0, 3)
    assert screened["passes"].tolist() == [False, True, True, True]
    chosen = pdt.choose(screened).set_index("iso3")["programme_date"].to_dict()
    assert chosen == {"AAA": "1992-06", "BBB": "1992"}  # a stabilization programme before an arrangement


def test_comparison_counts_years_from_the_programme():
    chosen = _programmes([("AAA", "1992-06", "stabilization")])
    table = pd.DataFrame({"iso3": ["AAA", "CCC"], "broad_group": ["CIS", "CIS"], "stabilization_year": [1995, 1996],
                          "growth_resumption_year": [1995, 1997], "lag_years": [0, 1]}).astype(
        {"stabilization_year": "Int64", "growth_resumption_year": "Int64", "lag_years": "Int64"})
    comparison = pdt.compare_with_outcome(chosen, table).set_index("iso3")
    assert comparison.loc["AAA", ["years_programme_to_outcome", "lag_years_programme", "lag_years_outcome"]].tolist() == [3, 3, 0]
    assert pd.isna(comparison.loc["CCC", "programme_year"])
    lags = pdt.lag_summary(comparison.reset_index()).set_index("broad_group")
    assert lags.loc["All", "n_programmes"] == 1 and lags.loc["All", "median_lag_years_programme"] == 3.0


def test_the_programme_table_is_cited_and_refuses_bad_dates(tmp_path):
    table = programmes.load()
    assert len(table) >= 20 and table["iso3"].nunique() >= 15
    assert (table["source_url"].str.startswith("http")).all() and (table["locator"].str.len() > 10).all()
    assert programmes.load(as_of=1991)["programme_year"].max() <= 1991
    bad = tmp_path / "programmes.csv"
    pd.read_csv(programmes.PROGRAMMES_CSV, dtype=str, keep_default_na=False).assign(programme_date="1990-13").to_csv(bad, index=False)
    with pytest.raises(Exception, match="programme_date|str_matches"):
        programmes.load(bad)


@requires_mirror
def test_on_the_real_data_failed_programmes_are_screened_out_and_the_lag_is_about_two_years(real_panel):
    from transition.analysis import stabilization as st
    from transition.data import derived
    screened = pdt.screen(programmes.load(), derived.inflation(real_panel))
    rejected = set(zip(screened.loc[~screened["passes"], "iso3"], screened.loc[~screened["passes"], "programme_date"]))
    assert {("RUS", "1992-01"), ("BGR", "1991-03")} <= rejected  # inflation outlived both
    comparison = pdt.compare_with_outcome(pdt.choose(screened), st.stabilization_table(real_panel))
    chosen = comparison.dropna(subset=["programme_year"]).set_index("iso3")["programme_year"]
    assert chosen["RUS"] == 1995 and chosen["BGR"] == 1997
    lag = pdt.lag_summary(comparison).set_index("broad_group").loc["All"]
    # Fischer, Sahay & Végh (1996): 'typically with a lag of about two years' (both sides checked)
    assert 1.0 <= lag["median_lag_years_programme"] <= 3.0
    assert lag["median_lag_years_programme"] > lag["median_lag_years_outcome_same_countries"]
