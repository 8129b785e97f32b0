"""Intervals of the numbers the ledger cites: the analytical formulas on known answers, and the sentences."""
from __future__ import annotations

import json
import math

import pytest
from scipy import stats

from transition.analysis.intervals import (
    normal_interval,
    proportion_interval,
    spearman_interval,
)
from transition.claims import intervals
from transition.claims.ledger import CLAIMS, Headlines
from transition.paths import PROJECT_ROOT


def test_clopper_pearson_on_known_answers():
    low, high = proportion_interval(0, 29)  # none of 29: the upper bound solves (1 - p)^29 = 0.05
    assert low == 0 and high == pytest.approx(1 - 0.05 ** (1 / 29))
    low, high = proportion_interval(29, 29)
    assert high == 1 and low == pytest.approx(0.05 ** (1 / 29))
    low, high = proportion_interval(10, 20)
    assert low == pytest.approx(1 - high) and low < 0.5 < high  # symmetric around one half
    assert all(math.isnan(x) for x in proportion_interval(0, 0))


def test_spearman_interval_is_fisher_z_with_the_bonett_wright_error():
    low, high = spearman_interval(0.0, 28)  # rho 0, n 28: ±z·sqrt(1/25)
    assert high == pytest.approx(math.tanh(stats.norm.ppf(0.95) / 5)) and low == pytest.approx(-high)
    low, high = spearman_interval(0.4, 26)
    assert low < 0.4 < high and high - 0.4 < 0.4 - low  # skewed towards zero, as Fisher's z is
    assert all(math.isnan(x) for x in spearman_interval(0.5, 3))


def test_normal_interval():
    assert normal_interval(2.0, 1.0, level=0.95) == pytest.approx((2 - 1.959964, 2 + 1.959964), abs=1e-6)
    with pytest.raises(ValueError, match="level"):
        normal_interval(0.0, 1.0, level=1.5)


def _headlines(values: dict[str, dict]) -> Headlines:
    return Headlines({nb: {k: {"value": v} for k, v in d.items()} for nb, d in values.items()})


def test_every_claim_but_c3_has_interval_sentences_c3_has_them_in_its_rule():
    assert set(intervals.INTERVALS) == set(CLAIMS) - {"C3"}


def test_the_sentences_read_the_bounds_the_notebooks_write():
    h = _headlines({"01_reform_sequencing": {"n_follow_essay_order_scope_former_ussr": 0, "n_countries_scope_former_ussr": 15},
                    "08_trade_partners": {"cis_median_share_fsu_2002_pct_low": 32.2, "cis_median_share_fsu_2002_pct_high": 54.7,
                                          "cis_median_fall_to_2002_pp_low": 4.0, "cis_median_fall_to_2002_pp_high": 25.8}})
    assert intervals.sentences("C1", h, "essay") == [
        "90% Clopper-Pearson interval of the share of former Soviet states that follow the essay's order: [0%, 18%]"]
    assert "[32.2, 54.7]%, median fall [4.0, 25.8] percentage points" in intervals.sentences("C4", h, "essay")[0]
    assert h.missing == []
    intervals.sentences("C4", h, "latest")  # other keys: recorded as missing, never invented
    assert "08_trade_partners:cis_median_share_fsu_latest_pct_low" in h.missing
    assert "no sampling interval" in intervals.sentences("C8", h, "essay")[0]


@pytest.mark.parametrize("folder", ["results", "runs/as_of_2002"])
def test_every_interval_in_the_headline_files_contains_its_estimate(folder):
    checked = 0
    for path in sorted((PROJECT_ROOT / folder).glob("[0-9][0-9]_*.json")):
        numbers = {k: v.get("value") for k, v in json.loads(path.read_text()).items()}
        for key, low in numbers.items():
            if not key.endswith("_low") or key.removesuffix("_low") not in numbers:
                continue
            estimate, high = numbers[key.removesuffix("_low")], numbers[key.removesuffix("_low") + "_high"]
            if any(x is None or (isinstance(x, float) and math.isnan(x)) for x in (estimate, low, high)):
                continue
            assert low - 1e-9 <= estimate <= high + 1e-9, f"{path.name}: {key.removesuffix('_low')} {estimate} not in [{low}, {high}]"
            checked += 1
    assert checked >= 8


def test_a_warning_when_an_interval_spans_the_rules_threshold():
    h = _headlines({"08_trade_partners": {"fall_low": 4.0, "fall_high": 25.8, "share_low": 32.2, "share_high": 54.7}})
    notes = intervals.spans(h, [("08_trade_partners", "fall", 10.0, "the CIS median fall"),
                                ("08_trade_partners", "share", 20.0, "the CIS median share")])
    assert notes == ["the CIS median fall: its interval spans the rule's threshold of 10, so that part of the verdict "
                     "is within sampling error"]
