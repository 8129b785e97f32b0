"""The claims ledger notebook: a Russian run (shared, through the execution cache), and bad parameters."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from notebook_runner import declare, shared_run
from transition.chapters.specs import CLAIMS_LEDGER as SPEC

RUSSIAN = declare("00_claims_ledger-ru", "00_claims_ledger", lang="ru")


@pytest.mark.notebook
def test_ledger_runs_in_russian_and_writes_its_table():
    out = shared_run(RUSSIAN)
    claims = pd.read_csv(out / "claims.csv")
    assert list(claims.columns) == ["claim_id", "claim", "verdict_asof_essay", "verdict_latest", "evidence", "notebooks",
                                    "intervals_asof_essay", "intervals_latest", "robustness_asof_essay",
                                    "robustness_latest", "flips_asof_essay", "flips_latest", "joint_test"]
    assert len(claims) == 10 and claims["claim"].str.contains("СНГ").any()
    assert json.loads((out / "00_claims_ledger.untranslated.json").read_text()) == []
    assert (out / "figures" / "00_verdicts.png").stat().st_size > 0


def test_bad_parameters_are_reported_together():
    with pytest.raises(ValueError) as caught:
        SPEC.check(results_dir=3, lang="de", output_dir=None)
    message = str(caught.value)
    assert "2 parameter problems" in message and "results_dir = 3" in message and "'en', 'ru'" in message
