"""A toy claim for the multiverse engine's tests: a constructed panel, a rule with a known answer."""
from __future__ import annotations

import pandas as pd

from transition.claims.space import Dimension, Space

SPACE = Space("TOY", (Dimension("threshold", (1.0, 2.0, 3.0, 4.0), 2.0), Dimension("scale", (1, 10, 100), 1),
                      Dimension("source", ("a", "b"), "a")))


def load_data() -> pd.DataFrame:
    return pd.DataFrame({"source": ["a", "a", "b", "b"], "value": [1.5, 2.5, 3.5, 0.5]})


def evaluate(spec, data: pd.DataFrame) -> dict:
    values = data.loc[data["source"] == spec.get("source"), "value"] * spec.get("scale")
    share = float((values > spec.get("threshold")).mean())
    return {"verdict": "supported" if share >= 0.5 else "contradicted", "share_above": share}


CLAIMS = {"TOY": (SPACE, evaluate)}
