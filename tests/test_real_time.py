"""As the essay's author saw it: figures of the day beside today's, put back into the panel, C3 re-read."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.analysis import real_time as rt
from transition.data import derived


def _vintages(rows):
    frame = pd.DataFrame(rows, columns=["iso3", "variable", "target_year", "edition", "value"])
    frame["edition_year"] = frame["edition"].str[:4].astype(int)
    frame["edition_month"] = frame["edition"].str[5:].astype(int)
    return frame


def _by_key(values: dict) -> pd.Series:
    return pd.Series(values, dtype=float).rename_axis(["iso3", "year"])


VINTAGES = _vintages([("RUS", "growth", 2001, "2002-04", 5.0), ("RUS", "growth", 2001, "2002-09", 5.1),
                      ("KAZ", "growth", 2001, "2002-04", 13.2), ("POL", "growth", 2001, "2002-09", 1.0),
                      ("RUS", "growth", 2000, "2001-04", 7.6)])


def test_day_vs_revised_takes_the_latest_edition_of_the_day_and_signs_the_revision():
    revised = {"wdi": _by_key({("RUS", 2001): 5.4, ("KAZ", 2001): 13.5, ("POL", 2001): 4.0})}
    table = rt.day_vs_revised(VINTAGES, revised, "growth", [2001], ["2002-04", "2002-09"]).set_index("iso3")
    assert table.loc["RUS", "of_the_day"] == 5.1 and table.loc["KAZ", "of_the_day"] == 13.2  # Sept missing: April
    assert table.loc["POL", "revision_wdi"] == pytest.approx(3.0)  # today minus the day
    assert table.index.tolist() == ["KAZ", "RUS", "POL"]  # CIS first, then Central Europe
    summary = rt.revision_summary(table.reset_index(), "wdi", large=2.0).set_index("broad_group")
    assert summary.loc["CEE & Baltics", "n_large"] == 1 and summary.loc["CEE & Baltics", "largest"] == "POL"
    assert summary.loc["CIS", "median_abs_revision"] == pytest.approx(0.3)


def test_first_release_is_the_april_edition_of_the_next_year():
    first = rt.first_release(VINTAGES, {"weo2019": _by_key({("RUS", 2000): 10.0})}, "growth")
    assert first[["iso3", "target_year", "edition"]].values.tolist() == [
        ["KAZ", 2001, "2002-04"], ["RUS", 2000, "2001-04"], ["RUS", 2001, "2002-04"]]  # no September edition, no 2002-09
    rus = first.set_index(["iso3", "target_year"]).loc[("RUS", 2000)]
    assert (rus["first_release"], rus["revised_weo2019"]) == (7.6, 10.0) and rus["revision_weo2019"] == pytest.approx(2.4)
    assert rt.release_series(first).values.tolist()[1] == ["RUS", 2000, 7.6]


def test_figures_of_the_day_replace_only_their_rows():
    tidy = pd.DataFrame({"iso3": ["UZB", "UZB", "UZB"], "year": [2000, 2001, 2001],
                         "variable": ["weo_cpi_inflation", "weo_cpi_inflation", "wdi_deflator_inflation"],
                         "value": [25.0, 48.9, 40.0], "source": ["imf_weo_2019_04"] * 2 + ["gapminder_wdi"]})
    day = rt.with_figures_of_the_day(tidy, _by_key({("UZB", 2001): 27.2, ("UZB", 2002): 24.0, ("UZB", 1999): np.nan}))
    rates = derived.inflation(day).set_index("year")["inflation"]
    assert rates.to_dict() == {2000: 25.0, 2001: 27.2, 2002: 24.0}  # 2001 replaced, 2002 added, NaN ignored
    assert len(day) == 4 and (day.loc[day["variable"] == "wdi_deflator_inflation", "value"] == 40.0).all()


def test_c3_level_and_growth_move_with_the_growth_of_the_day():
    cross = pd.DataFrame({"iso3": ["RUS", "POL"], "resource_group": ["rich", "poor"],
                          "gdp_index_2000": [60.0, 110.0], "growth_1990_2000": [-5.0, 1.0]})
    day, revised = _by_key({("RUS", 2000): 9.0, ("POL", 2000): 4.0}), _by_key({("RUS", 2000): 10.0, ("POL", 2000): 4.0})
    table = rt.c3_with_growth_of_the_day(cross, day, revised, 2000, (1990, 2000)).set_index("iso3")
    factor = 1.09 / 1.10
    assert table.loc["RUS", "index_of_the_day"] == pytest.approx(60 * factor)
    assert table.loc["RUS", "growth_of_the_day"] == pytest.approx(100 * ((0.95 ** 10 * factor) ** 0.1 - 1))
    assert table.loc["POL", "index_of_the_day"] == pytest.approx(110.0)  # no revision, no change
    reading = rt.c3_reading(table.reset_index(), "rich", "poor", draws=50)
    assert reading.loc["of_the_day", "difference"] == pytest.approx(60 * factor - 110)
    assert reading.loc["revised", ["difference", "difference_low", "difference_high"]].tolist() == [-50.0, -50.0, -50.0]
    assert reading.loc["revised", "n_rich"] == 1 and reading.loc["revised", "median_growth_poor"] == 1.0


def test_later_revisions_put_the_largest_change_first_and_changed_rows_lists_differences():
    vintages = _vintages([("UZB", "inflation", 2001, "2002-09", 27.2), ("UZB", "inflation", 2001, "2003-09", 48.9),
                          ("RUS", "inflation", 2001, "2002-09", 20.7), ("RUS", "inflation", 2001, "2003-09", 21.5)])
    later = rt.later_revisions(vintages, "inflation", 2001, "2002-09", "2003-09")
    assert later["iso3"].tolist() == ["UZB", "RUS"] and later.loc[0, "change"] == pytest.approx(21.7)
    before = pd.DataFrame({"iso3": ["A", "B"], "year": [1995, np.nan], "status": ["x", "y"]})
    after = before.assign(year=[1996, np.nan])
    assert rt.changed_rows(before, after, ["year", "status"]).values.tolist() == [["A", "year", 1995.0, 1996.0]]
