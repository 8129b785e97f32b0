"""The IMF's historical WEO vintages: editions named from the raw columns, screens, and the real file."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import requires_mirror

from transition.data import weo_vintages as wv


def _raw(rows: list[dict]) -> pd.DataFrame:
    base = {"ISOAlpha_3Code": "UZB", "target": "pcpi_pch", "target_year": 2001, "forecast_year": 2001,
            "forecast_season": "S", "prediction": np.nan, "tv_0.5": 27.247439, "tv_1": 27.247439,
            "tv_1.5": 48.852482, "tv_2": 48.852482}
    return pd.DataFrame([{**base, **row} for row in rows])


def test_true_values_become_the_editions_after_the_target_year():
    table = wv.tidy(_raw([{"prediction": 35.500006}, {"forecast_season": "F", "prediction": 26.1}]))
    by_edition = table.set_index("edition")["value"].to_dict()
    assert by_edition == {"2001-04": 35.5, "2001-09": 26.1, "2002-04": 27.247, "2002-09": 27.247,
                          "2003-04": 48.852, "2003-09": 48.852}
    horizons = table.set_index("edition")["horizon"].to_dict()
    assert horizons["2001-04"] == 0.5 and horizons["2001-09"] == 0.0 and horizons["2003-09"] == -2.0
    assert set(table["variable"]) == {"inflation"}


def test_an_edition_with_two_values_for_one_number_is_refused():
    raw = _raw([{}, {"forecast_year": 2000, "tv_1": 30.0}])  # the same target's tv_1 differs between rows
    with pytest.raises(wv.VintageError, match="two different values in one edition"):
        wv.tidy(raw)


def test_implausible_values_are_listed_and_dropped():
    raw = _raw([{"tv_0.5": 715464081.4, "tv_1": 5.0, "tv_1.5": 5.0, "tv_2": 5.0}])
    table = wv.tidy(raw)
    flagged = wv.screen(table)
    assert flagged[["edition", "action"]].values.tolist() == [["2002-04", "dropped"]]
    assert "outside -50 to 100000" in flagged.loc[0, "rule"]


def test_as_published_pivots_the_editions_asked():
    table = wv.tidy(_raw([{}]))
    wide = wv.as_published(table, "inflation", 2001, ["2002-09", "2003-04", "2010-04"])
    assert wide.loc["UZB"].tolist()[:2] == [27.247, 48.852] and np.isnan(wide.loc["UZB", "2010-04"])
    assert wv.editions_of_year(2002) == ["2002-04", "2002-09"]


@requires_mirror
def test_the_real_file_holds_the_figures_of_2002():
    table = wv.load()
    assert set(table["iso3"]) == set(wv.vocabulary.study_iso3())
    uzb = wv.as_published(table, "inflation", 2001, ["2002-04", "2002-09", "2003-04"]).loc["UZB"]
    assert uzb.round(1).tolist() == [27.2, 27.2, 48.9]  # the mirror's README: published in 2002, revised in 2003
    rus = wv.as_published(table, "growth", 2001, ["2002-04", "2002-09"]).loc["RUS"]
    assert rus.round(2).tolist() == [5.04, 5.05]
    assert wv.as_published(table, "growth", 2001, ["2002-04"]).loc["MKD"].round(1).tolist() == [-4.6]
