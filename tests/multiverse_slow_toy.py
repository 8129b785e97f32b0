"""The toy claim made slow, for the kill-and-resume test: each evaluation sleeps and logs its key."""
from __future__ import annotations

import os
import time

from multiverse_toy import CLAIMS as _TOY_CLAIMS
from multiverse_toy import load_data  # noqa: F401 (the registry's data loader)

#: File to which every evaluation appends its specification's key (set by the test).
LOG_ENV = "MULTIVERSE_TOY_LOG"
SPACE, _evaluate = _TOY_CLAIMS["TOY"]


def evaluate(spec, data) -> dict:
    time.sleep(0.25)
    with open(os.environ[LOG_ENV], "a", encoding="utf-8") as log:
        log.write(spec.key + "\n")
    return _evaluate(spec, data)


CLAIMS = {"TOY": (SPACE, evaluate)}


def evaluate_degenerate(spec, data) -> dict:
    """The toy rule, failing arithmetically for one threshold (as a rule dividing by an R² of 0 would)."""
    if spec.get("threshold") == 4.0:
        raise ZeroDivisionError("float division by zero")
    return _evaluate(spec, data)


CLAIMS["BAD"] = (SPACE, evaluate_degenerate)
