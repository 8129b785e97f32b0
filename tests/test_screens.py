"""Data-quality screens on constructed series with known answers, and on the real data."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import requires_mirror

from transition.data import screens


def _levels(wdi, maddison, first=1989):
    years = list(range(first, first + len(wdi)))
    return pd.DataFrame({"iso3": "AAA", "year": years * 2, "source": ["wdi"] * len(wdi) + ["maddison"] * len(maddison),
                         "level": [*wdi, *maddison]})


def test_a_planted_level_break_is_found_and_repaired():
    # wdi jumps +35% in 1990 while maddison is flat; both fall 10% in 1991
    levels = _levels([100.0, 135.0, 121.5], [50.0, 50.0, 45.0])
    witness = pd.DataFrame({"iso3": ["AAA"], "year": [1990], "growth": [-2.0]})
    flags = screens.level_breaks(levels, witness)
    assert flags[["source", "year"]].values.tolist() == [["wdi", 1990]]
    assert flags["value"].iloc[0] == pytest.approx(35.0) and flags["reference"].iloc[0] == pytest.approx(0.0)
    repaired = screens.repair_level_breaks(levels, flags)
    wdi = repaired[repaired["source"] == "wdi"].set_index("year")
    assert wdi.loc[1989, "level"] == pytest.approx(135.0)  # now flat into 1990, as the reference
    assert wdi.loc[1991, "level"] / wdi.loc[1990, "level"] == pytest.approx(0.9)  # own growth kept
    assert wdi["repaired"].tolist() == [True, False, False]


def test_sources_that_agree_within_the_tolerance_are_not_flagged():
    levels = _levels([100.0, 90.0, 80.0], [100.0, 85.0, 82.0])
    assert screens.level_breaks(levels).empty


def test_a_year_no_other_source_covers_is_not_judged():
    levels = pd.concat([_levels([100.0, 150.0], [50.0, 50.0]).iloc[:3]])
    assert screens.level_breaks(levels).empty


def test_two_sources_split_two_against_two_is_a_disagreement_not_a_break():
    years = [2000, 2001]
    levels = pd.DataFrame({"iso3": "AAA", "year": years * 4, "source": [s for s in "abcd" for _ in years],
                           "level": [100, 104, 100, 104, 100, 121, 100, 120]})
    assert screens.level_breaks(levels).empty


def test_a_growth_witness_that_agrees_with_the_jump_clears_it_and_points_at_the_other_source():
    levels = _levels([100.0, 135.0], [50.0, 50.0])
    flags = screens.level_breaks(levels, pd.DataFrame({"iso3": ["AAA"], "year": [1990], "growth": [34.0]}))
    assert flags["source"].tolist() == ["maddison"]


def test_cpi_placeholders_repeats_in_the_window_and_impossible_deflation():
    frame = pd.DataFrame({"iso3": ["UKR"] * 5 + ["LTU"] * 3 + ["KGZ"] * 2 + ["SVN"] * 2,
                          "year": [1989, 1990, 1991, 1992, 1993, 1990, 1991, 1992, 1992, 1993, 2005, 2006],
                          "value": [2.2, 2.2, 2.2, 2.2, 4660.6, 216.4, 216.4, 1020.6, -71.3, 1086.2, 2.5, 2.5]})
    flags = screens.cpi_placeholders(frame)
    assert sorted(map(tuple, flags[["iso3", "year"]].values.tolist())) == [
        ("KGZ", 1992), ("LTU", 1990), ("LTU", 1991), ("UKR", 1989), ("UKR", 1990), ("UKR", 1991), ("UKR", 1992)]
    kept = screens.drop_flagged(frame, flags)
    assert ("SVN", 2006) in set(zip(kept["iso3"], kept["year"]))  # a chance repeat at low inflation stays


@requires_mirror
def test_turkmenistan_wdi_1990_is_flagged_in_the_real_data(real_panel):
    from transition.data import vocabulary

    levels = (real_panel[real_panel["variable"].isin(vocabulary.GDP_SOURCES.values())]
              .assign(source=lambda f: f["variable"].map({v: k for k, v in vocabulary.GDP_SOURCES.items()}))
              .rename(columns={"value": "level"}))
    witnesses = (real_panel[real_panel["variable"].isin(["gapminder_gdp_growth", "weo_real_gdp_growth"])]
                 .rename(columns={"value": "growth"}))
    flags = screens.level_breaks(levels, witnesses)
    tkm = flags[(flags["iso3"] == "TKM") & (flags["source"] == "wdi")]
    assert tkm["year"].tolist() == [1990]
    assert tkm["value"].iloc[0] == pytest.approx(35.4, abs=0.1)
