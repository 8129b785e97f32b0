"""Which single choices flip a claim's default verdict, read from its multiverse table.

From the default specification (per as-of column) each declared choice is moved, one at a time, to
each of its other values; a move whose specification has another verdict is a flip. The ledger
shows them beside each verdict ("membership = eaeu_2015 → supported"), so a reader sees which
choice a verdict rests on. Pure: the table of ``transition multiverse`` and the claim's space in,
the flips out.

Examples
--------
>>> from transition.claims.space import Dimension, Space
>>> space = Space("CX", (Dimension("a", (1, 2), 1), Dimension("b", ("x", "y"), "x"), Dimension("as_of", ("latest",), "latest")))
>>> table = pd.DataFrame({"a": [1, 2, 1, 2], "b": ["x", "x", "y", "y"], "as_of": "latest",
...                       "verdict": ["mixed", "supported", "mixed", "mixed"]})
>>> single_flips(table, space, "latest")
[('a', '2', 'supported')]
"""
from __future__ import annotations

import pandas as pd

from transition.claims.space import Space


def _matching(table: pd.DataFrame, choices: dict) -> pd.DataFrame:
    keep = pd.Series(True, index=table.index)
    for name, value in choices.items():
        keep &= table[name].astype(str) == str(value)
    return table[keep]


def default_verdict(table: pd.DataFrame, space: Space, as_of) -> str | None:
    """The verdict of the default specification for the ``as_of`` column (None when not in the table, or when the
    table was written for another version of the space: a choice of the space is not among its columns)."""
    defaults = {d.name: d.default for d in space.dimensions if d.name != "as_of"}
    if not {*defaults, "as_of", "verdict"} <= set(table.columns):
        return None
    row = _matching(table, {**defaults, "as_of": as_of})
    return row["verdict"].iloc[0] if len(row) else None


def single_flips(table: pd.DataFrame, space: Space, as_of) -> list[tuple[str, str, str]]:
    """(choice, value, verdict) for every one-choice move from the default that changes the verdict."""
    defaults = {d.name: d.default for d in space.dimensions if d.name != "as_of"}
    base = default_verdict(table, space, as_of)
    if base is None:
        return []
    flips = []
    for dimension in space.dimensions:
        if dimension.name == "as_of":
            continue
        for value in dimension.values:
            if value == dimension.default:
                continue
            row = _matching(table, {**defaults, dimension.name: value, "as_of": as_of})
            if len(row) and row["verdict"].iloc[0] != base:
                flips.append((dimension.name, str(value), row["verdict"].iloc[0]))
    return flips


def flips_text(flips: list[tuple[str, str, str]]) -> str:
    """'membership = eaeu_2015 → supported; gdp_measure = ppp_pwt → mixed', or 'none' without a flip."""
    return "; ".join(f"{name} = {value} → {verdict}" for name, value, verdict in flips) or "none"
