"""Derived series on constructed inputs with known answers."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.data import derived
from transition.data.derived import DefinitionBreakError, MissingDataError, gdp_index, index_one


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


def test_index_is_100_in_the_base_year():
    levels = pd.Series([50.0, 40.0, 60.0], index=[1989, 1990, 1991])
    result = index_one(levels, 1989)
    assert result["index"].tolist() == [100.0, 80.0, 120.0]
    assert not result["spliced"].any()


def test_splice_uses_donor_growth_before_the_source_starts():
    levels = pd.Series([90.0, 99.0], index=[1991, 1992])            # source starts in 1991
    donor = pd.Series([200.0, 180.0, 160.0, 1.0], index=[1989, 1990, 1991, 1992])
    result = index_one(levels, 1989, donor)
    assert result["index"].round(6).tolist() == [100.0, 90.0, 80.0, 88.0]  # 1992: 80 * 99/90
    assert result["spliced"].tolist() == [True, True, False, False]


def test_splice_without_a_donor_covering_the_gap_fails():
    levels = pd.Series([90.0], index=[1991])
    with pytest.raises(MissingDataError, match="no donor series covers 1989-1991"):
        index_one(levels, 1989, pd.Series([1.0], index=[1990]))


def test_missing_years_stay_missing():
    levels = pd.Series([100.0, np.nan, 50.0], index=[1989, 1990, 1991])
    result = index_one(levels, 1989)
    assert result.index.tolist() == [1989, 1991]


def test_base_year_inside_a_gap_is_missing_data():
    levels = pd.Series([100.0, 50.0], index=[1988, 1990])
    with pytest.raises(MissingDataError, match="no value in the base year 1989"):
        index_one(levels, 1989)


def test_gdp_index_refuses_to_splice_bosnia_across_its_definition_break():
    tidy = _tidy([("BIH", 1989, "mad_gdp", 100.0), ("BIH", 1994, "wdi_gdp_constant_usd", 30.0),
                  ("BIH", 1995, "wdi_gdp_constant_usd", 33.0)])
    with pytest.raises(DefinitionBreakError, match=r"BIH .*only from 1994.*base year >= 1994"):
        gdp_index(tidy, source="wdi", base_year=1989, iso3=["BIH"])
    skipped = gdp_index(tidy, source="wdi", base_year=1989, iso3=["BIH"], errors="skip")
    assert skipped.empty and "1994" in skipped.attrs["skipped"]["BIH"]
    assert skipped.attrs["skipped_kind"] == {"BIH": "definition_break"}
    allowed = gdp_index(tidy, source="wdi", base_year=1994, iso3=["BIH"])
    assert allowed["index"].round(6).tolist() == [100.0, 110.0]


def test_gdp_index_splices_a_late_starting_source_and_flags_it():
    tidy = _tidy([("RUS", 1989, "mad_gdp", 10.0), ("RUS", 1990, "mad_gdp", 9.0),
                  ("RUS", 1990, "wdi_gdp_constant_usd", 500.0), ("RUS", 1991, "wdi_gdp_constant_usd", 400.0)])
    result = gdp_index(tidy, source="wdi", base_year=1989, iso3=["RUS"])
    assert result["index"].round(6).tolist() == [100.0, 90.0, 72.0]
    assert result["spliced"].tolist() == [True, False, False]
    assert (result["base_year"] == 1989).all() and (result["source"] == "wdi").all()


def test_gdp_index_rejects_unknown_sources():
    with pytest.raises(ValueError, match="GDP source must be one of"):
        gdp_index(_tidy([]), source="imf")


def test_reform_indices_are_means_and_need_every_component():
    rows = [("RUS", 1995, v, 3.0) for v in derived.EBRD_CORE]
    rows = [r if r[2] != "ebrd_trade_forex" else ("RUS", 1995, "ebrd_trade_forex", 4.0) for r in rows]
    rows += [("RUS", 1996, v, 2.0) for v in derived.EBRD_CORE if v != "ebrd_banking_reform"]
    result = derived.reform_indices(_tidy(rows)).set_index(["iso3", "year", "variable"])["value"]
    assert result[("RUS", 1995, "reform_liberalization")] == 3.5
    assert result[("RUS", 1995, "reform_institutions")] == 3.0
    assert result[("RUS", 1995, "reform_ebrd_average")] == pytest.approx(25 / 8)
    assert ("RUS", 1996, "reform_institutions") not in result.index  # banking reform missing
    assert result[("RUS", 1996, "reform_liberalization")] == 2.0


def test_inflation_falls_back_to_the_deflator_and_says_so():
    tidy = _tidy([("UKR", 1992, "wdi_deflator_inflation", 1500.0), ("UKR", 1993, "wdi_deflator_inflation", 3000.0),
                  ("UKR", 1993, "weo_cpi_inflation", 4734.9)])
    result = derived.inflation(tidy)
    assert result[["year", "inflation", "measure"]].values.tolist() == [[1992, 1500.0, "gdp_deflator"],
                                                                        [1993, 4734.9, "cpi"]]
