"""The ledger's building blocks: a verdict with its evidence, the headline numbers a rule reads, and one way
to write a cited number. Shared by the evidence modules of :mod:`transition.claims.ledger`."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from transition.claims import intervals as cited_intervals
from transition.claims import rules


@dataclass
class Judgement:
    """A verdict and the numbers behind it (one sentence per piece of evidence)."""

    verdict: str
    evidence: list[str]
    #: Intervals (bootstrap or analytical) of the numbers the evidence cites, one sentence each.
    intervals: list[str] = field(default_factory=list)


class Headlines:
    """Headline numbers of the analysis notebooks, with a record of what a rule asked for and lacked."""

    def __init__(self, by_notebook: dict[str, dict]) -> None:
        self.by_notebook = by_notebook
        self.missing: list[str] = []

    def get(self, notebook: str, key: str):
        entry = self.by_notebook.get(notebook, {}).get(key)
        if entry is None or entry.get("value") is None:
            self.missing.append(f"{notebook}:{key}")
            return math.nan
        return entry["value"]

    def latest_key(self, notebook: str, pattern: str) -> str | None:
        """The key matching ``pattern`` (with one ``(\\d{4})`` group) with the largest year."""
        found = [(int(m.group(1)), key) for key in self.by_notebook.get(notebook, {})
                 if (m := re.fullmatch(pattern, key))]
        return max(found)[1] if found else None


_f = cited_intervals.number_text  # one way to write a cited number ("n/a" when missing)


def _i(value) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else str(int(value))


def _both(first: bool | None, second: bool | None) -> str:
    """Two parts of a claim (True, False or None: cannot tell): :func:`transition.claims.rules.combine`."""
    return rules.combine(first, second)


# ---- the rules (their verdicts: transition.claims.rules; here the numbers they read and the evidence) ----


def _state(part: bool | None, holds: str, fails: str, unknown: str) -> str:
    return holds if part is True else fails if part is False else unknown
