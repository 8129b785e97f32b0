"""Country selection and statistics by group (analysis.groups)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from transition.analysis.groups import (
    ALL,
    group_median_intervals,
    group_medians,
    group_rank,
    group_summary,
    median_difference_interval,
    median_interval,
    select_countries,
    with_all,
)


def test_select_countries():
    assert len(select_countries()) == 29 and select_countries(["Mongolia"]) == ["MNG"]
    assert "RUS" not in select_countries(["CIS"], exclude=["RUS"])
    assert set(select_countries(["CEE & Baltics"])) == {"EST", "LVA", "LTU", "POL", "HUN", "CZE", "SVK", "SVN"}
    assert select_countries(["CIS"]) == sorted(select_countries(["CIS"]))


def test_group_rank_puts_unknown_groups_last():
    ranks = group_rank(pd.Series(["All", "SEE", "CIS", "Elsewhere"]))
    assert ranks.tolist() == [4, 2, 0, 5]
    assert group_rank(pd.Series(["All"]), ["CIS"]).tolist() == [1]


def test_with_all_repeats_every_row():
    frame = pd.DataFrame({"iso3": ["A", "B"], "broad_group": ["CIS", "SEE"]})
    both = with_all(frame, "broad_group")
    assert both["broad_group"].tolist() == ["CIS", "SEE", ALL, ALL] and both["iso3"].tolist() == ["A", "B", "A", "B"]


def test_group_summary_median_quartiles_and_count():
    frame = pd.DataFrame({"group": ["SEE", "CIS", "CIS", "CIS", "CIS", None],
                          "year": [1990, 1990, 1990, 1990, 1991, 1990], "value": [1.0, 0.0, 2.0, 4.0, 7.0, 9.0]})
    table = group_summary(frame, "value", order=["CIS", "SEE"]).set_index("group")
    assert table.loc["CIS", ["median", "q25", "q75", "n"]].tolist() == [3.0, 1.5, 4.75, 4]
    assert table.index.tolist() == ["CIS", "SEE"]
    by_year = group_summary(frame, "value", by=["year"])
    assert by_year[["group", "year", "n"]].values.tolist() == [["CIS", 1990, 3], ["CIS", 1991, 1], ["SEE", 1990, 1]]
    reversed_order = group_summary(frame, "value", order=["SEE", "CIS"])
    assert reversed_order["group"].tolist() == ["SEE", "CIS"]


def test_group_medians():
    table = pd.DataFrame({"broad_group": ["SEE", "CIS", "CIS", "CIS"], "lag_years": [1.0, 0.0, 2.0, np.nan]})
    medians = group_medians(table, ["lag_years"])
    assert medians["broad_group"].tolist() == ["CIS", "SEE"]
    assert medians["lag_years"].tolist() == [1.0, 1.0] and medians["n_lag_years"].tolist() == [2, 1]


# ---------------------------------------------------------------------------------------------
# Bootstrap intervals of group medians


def test_median_interval_known_answers():
    assert median_interval([5.0, 5.0, 5.0]) == (5.0, 5.0)  # no spread, no interval
    assert median_interval([7.0]) == (7.0, 7.0)
    # two values: a resample's median is 0, 5 or 10 with chances 1/4, 1/2, 1/4 → the 90% interval is [0, 10]
    assert median_interval([0.0, 10.0]) == (0.0, 10.0)
    assert median_interval([0.0, 10.0], level=0.4) == (5.0, 5.0)
    assert all(math.isnan(v) for v in median_interval([np.nan]))


def test_median_interval_is_reproducible_and_covers_the_median():
    values = np.random.default_rng(2).normal(50, 10, 2500)
    low, high = median_interval(values, seed=7)
    assert (low, high) == median_interval(values, seed=7) and (low, high) != median_interval(values, seed=8)
    assert low < np.median(values) < high
    # the large-sample standard error of a normal median is 1.2533 sigma / sqrt(n): the 90% half-width is ~0.41
    assert (high - low) / 2 == pytest.approx(1.645 * 1.2533 * 10 / 50, rel=0.15)
    with pytest.raises(ValueError, match="level"):
        median_interval(values, level=90)


def test_median_difference_interval_and_group_intervals():
    assert median_difference_interval([1.0, 1.0], [4.0, 4.0, 4.0]) == (-3.0, -3.0)
    low, high = median_difference_interval([0.0, 10.0], [0.0])
    assert (low, high) == (0.0, 10.0)
    frame = pd.DataFrame({"group": ["A", "A", "B", "B", "B", None], "v": [1.0, 1.0, 2.0, 4.0, np.nan, 9.0]})
    table = group_median_intervals(frame, "v")
    assert table.to_dict("records") == [
        {"group": "A", "median": 1.0, "low": 1.0, "high": 1.0, "n": 2},
        {"group": "B", "median": 3.0, "low": 2.0, "high": 4.0, "n": 2}]
