"""claims.ledger, claim C10: "building a Eurasian union will take long" judged on years from agreement to union."""
from __future__ import annotations

import pytest

from transition.claims import ledger
from transition.claims.ledger import (
    C10_LONG_YEARS,
    C10_SHORT_YEARS,
    CONTRADICTED,
    MIXED,
    NO_DATA,
    SUPPORTED,
    TOO_EARLY,
)


def _h(median, steps, done, when="latest"):
    numbers = {f"eurasian_union_median_years_{when}": median, f"eurasian_union_steps_{when}": steps,
               f"eurasian_union_completed_{when}": done, f"eurasian_union_longest_open_years_{when}": 4.0,
               "eu_step_median_years": 6.9}
    return ledger.Headlines({"07_integration": {k: {"value": v} for k, v in numbers.items()}})


@pytest.mark.parametrize("median, steps, done, expected", [
    (14.2, 3, 3, SUPPORTED),                       # every agreement working, median a decade or more
    (C10_LONG_YEARS, 3, 3, SUPPORTED),             # the threshold itself counts as long
    (C10_LONG_YEARS, 2, 0, SUPPORTED),             # still waiting, already a decade: long either way
    (7.0, 3, 3, MIXED),                            # between the short and the long threshold
    (C10_SHORT_YEARS - 0.5, 3, 3, CONTRADICTED),   # quicker than the EU's quickest steps
    (5.1, 2, 0, TOO_EARLY),                         # nothing working yet, waited less than a decade: too early
    (3.0, 2, 1, TOO_EARLY),                         # one still open: a short median is only a lower bound
    (float("nan"), 0, 0, NO_DATA),
])
def test_c10_rule(median, steps, done, expected):
    assert ledger.judge_c10(_h(median, steps, done), "latest").verdict == expected


def test_c10_essay_reads_the_essay_year_headlines_and_says_the_recommendation_is_untestable():
    judgement = ledger.judge_c10(_h(5.1, 2, 0, when=str(ledger.ESSAY_YEAR)), "essay")
    assert judgement.verdict == TOO_EARLY
    assert any("at least 5.1 years" in e and "contradicted and mixed are excluded" in e for e in judgement.evidence)
    assert any("0 of 2 agreements working by 2002" in e for e in judgement.evidence)
    assert any("longest 4.0" in e for e in judgement.evidence)                 # open agreements are reported
    assert any("recommendation" in e and "not testable" in e for e in judgement.evidence)
    latest = ledger.judge_c10(_h(14.2, 3, 3), "latest")
    assert not any("longest" in e for e in latest.evidence)                    # nothing open: no waiting sentence


def test_c10_threshold_text_is_listed():
    assert f"at least {C10_LONG_YEARS:g} years" in ledger.thresholds_markdown()


def test_c10_too_early_says_when_no_verdict_is_excluded_yet():
    judgement = ledger.judge_c10(_h(3.0, 2, 1), "latest")
    assert judgement.verdict == TOO_EARLY and any("no verdict is excluded yet" in e for e in judgement.evidence)
