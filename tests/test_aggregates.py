"""Group aggregates weighted by output: the weighted mean, lagged weights, group growth = growth of the total."""
from __future__ import annotations

import pandas as pd
import pytest

from transition.analysis import aggregates
from transition.chapters import specs


def _levels(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


def test_weighted_mean_beside_the_median():
    frame = pd.DataFrame({"iso3": ["A", "B", "C", "D"], "group": ["G", "G", "G", "H"], "year": 2000,
                          "value": [10.0, 0.0, 2.0, 5.0], "weight": [8.0, 1.0, None, 3.0]})
    table = aggregates.weighted_aggregate(frame, "value", "weight", order=["H", "G"])
    assert table["group"].tolist() == ["H", "G"]  # the order given
    g = table.set_index("group").loc["G"]
    assert g["weighted"] == pytest.approx((10 * 8 + 0 * 1) / 9)  # C has no weight: out of the weighted mean
    assert g["median"] == 2.0 and g["n"] == 3 and g["n_weighted"] == 2 and g["weight_total"] == 9.0


def test_group_growth_is_the_growth_of_the_group_total():
    tidy = _levels([("A", 1999, "mad_gdp", 100.0), ("A", 2000, "mad_gdp", 110.0),
                    ("B", 1999, "mad_gdp", 300.0), ("B", 2000, "mad_gdp", 297.0)])
    growth = pd.DataFrame({"iso3": ["A", "B"], "year": 2000, "growth": [10.0, -1.0]})
    lagged = aggregates.weights(tidy, "ppp", lag=1)
    table = aggregates.aggregate_growth(growth, lagged, pd.Series({"A": "G", "B": "G"}))
    total = 100 * ((110 + 297) / (100 + 300) - 1)
    assert table.loc[0, "weighted"] == pytest.approx(total)   # 1.75, not the median 4.5
    assert table.loc[0, "median"] == pytest.approx(4.5)


def test_a_country_in_several_groups_counts_in_each():
    members = aggregates.membership()
    counts = members.groupby("group")["iso3"].nunique()
    assert counts["CIS"] == 12 and counts["Baltic"] == 3 and counts["CEE & Baltics"] == 8
    assert counts["Europe outside the CIS"] == 16 and counts["All but Mongolia"] == 28 and counts["All"] == 29
    assert set(members.loc[members["iso3"] == "EST", "group"]) == {"CEE & Baltics", "Baltic", "Europe outside the CIS",
                                                                   "All but Mongolia", "All"}


def test_chain_index_cumulates_and_stops_at_a_gap():
    agg = pd.DataFrame({"group": "G", "year": [1990, 1991, 1993], "weighted": [-10.0, 5.0, 3.0]})
    index = aggregates.chain_index(agg, 1989).set_index("year")["index"]
    assert index[1989] == 100.0 and index[1991] == pytest.approx(94.5)
    assert index.loc[1992:].isna().all()  # 1992 missing: no path after it


def test_weights_refuse_an_unknown_concept_and_the_spec_offers_the_same_ones():
    with pytest.raises(ValueError, match="weights must be one of"):
        aggregates.weights(_levels([]), "gold")
    assert specs.AGGREGATE_WEIGHTS == list(aggregates.WEIGHTS)
