"""Data-quality screens: find suspect values with code, show them, repair them by a stated rule.

Two screens, each returning a table of flags (one row per suspect value, with the rule that
flagged it and what is done about it) and each applied, never silently, by the series built on it:

- :func:`level_breaks` — a year in which a real GDP level series jumps while the other sources and
  the published growth rates do not (Turkmenistan's WDI level: +35% in 1990 against +0.3% in
  Maddison and -2.8% in the published growth series). Repair
  (:func:`repair_level_breaks`): the change across the flagged year is replaced by the median
  change of the other sources, i.e. the source's levels before the break are rescaled; its own
  growth in every other year is kept.
- :func:`cpi_placeholders` — CPI inflation values that are placeholders or impossible: the same value
  repeated in consecutive years inside the high-inflation window (Ukraine 2.2 in 1989-92,
  Lithuania 216.4 in 1990-91), or a deflation deeper than any recorded (Kyrgyzstan -71.3 in 1992).
  Such values are dropped (the next inflation source takes over).

Examples
--------
>>> import pandas as pd
>>> levels = pd.DataFrame({"iso3": "AAA", "year": [1989, 1990, 1991] * 2,
...                        "source": ["wdi"] * 3 + ["maddison"] * 3,
...                        "level": [100, 135, 130, 50, 50.2, 48.4]})
>>> witnesses = pd.DataFrame({"iso3": ["AAA"], "year": [1990], "growth": [-1.0]})
>>> level_breaks(levels, witnesses)[["iso3", "source", "year"]].values.tolist()
[['AAA', 'wdi', 1990]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: A level change (% per year) counts as a break when it differs from the median change of the
#: other sources in that year by more than this many percentage points. Transition-era GDP sources
#: disagree by a few points a year (vintages, price bases); 15 points is far outside that.
LEVEL_BREAK_TOLERANCE = 15.0
#: The high-inflation window in which an exactly repeated inflation rate is taken for a placeholder
#: (when prices rose by tens or thousands of percent a year, two equal rates to 0.1 are not chance).
PLACEHOLDER_WINDOW = (1989, 1995)
#: Annual-average CPI deflation deeper than this is impossible in these economies (the deepest
#: recorded in the 29 otherwise is -11.7%, Bosnia 1996).
MIN_PLAUSIBLE_INFLATION = -25.0

FLAG_COLUMNS = ["iso3", "source", "year", "value", "reference", "difference", "rule", "action"]


def level_changes(levels: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year % change of each (iso3, source) level series; only consecutive years.

    ``levels`` has columns iso3, source, year, level (positive real GDP). Returns the same rows
    with ``change`` (% per year, NaN for a first year or after a gap).
    """
    frame = levels.dropna(subset=["level"]).sort_values(["iso3", "source", "year"]).copy()
    grouped = frame.groupby(["iso3", "source"])
    previous, previous_year = grouped["level"].shift(), grouped["year"].shift()
    frame["change"] = np.where(frame["year"] - previous_year == 1, 100 * (frame["level"] / previous - 1), np.nan)
    return frame.reset_index(drop=True)


def level_breaks(levels: pd.DataFrame, witnesses: pd.DataFrame | None = None,
                 tolerance: float = LEVEL_BREAK_TOLERANCE) -> pd.DataFrame:
    """Flag years in which one GDP level series alone jumps.

    A year t of source s is flagged when the source's level change departs by more than
    ``tolerance`` points from the median change of the other level sources, those other sources
    agree among themselves (their spread is within ``tolerance``: s is a lone outlier, not one side
    of a genuine disagreement), and it also departs by more than ``tolerance`` from every published
    growth rate for that country-year in ``witnesses`` (columns iso3, year, growth), when any exists.

    Returns one row per flag (columns :data:`FLAG_COLUMNS`): ``value`` is the source's change,
    ``reference`` the others' median change, ``difference`` their gap in percentage points.
    """
    changes = level_changes(levels).dropna(subset=["change"])
    # The other sources of each row: leave-one-out median and spread, from each country-year's values.
    others = changes[["iso3", "year", "source", "change"]].merge(
        changes[["iso3", "year", "source", "change"]], on=["iso3", "year"], suffixes=("", "_other"))
    others = others[others["source"] != others["source_other"]]
    stats = others.groupby(["iso3", "year", "source"])["change_other"].agg(["median", "min", "max"]).reset_index()
    frame = changes.merge(stats, on=["iso3", "year", "source"])
    frame = frame[(frame["max"] - frame["min"] <= tolerance) & ((frame["change"] - frame["median"]).abs() > tolerance)]
    if witnesses is not None and not frame.empty:
        rates = witnesses.dropna(subset=["growth"])[["iso3", "year", "growth"]]
        near = frame.merge(rates, on=["iso3", "year"])
        near = near[(near["change"] - near["growth"]).abs() <= tolerance][["iso3", "year", "source"]].drop_duplicates()
        cleared = frame.set_index(["iso3", "year", "source"]).index.isin(near.set_index(["iso3", "year", "source"]).index)
        frame = frame[~cleared]
    flags = pd.DataFrame({"iso3": frame["iso3"], "source": frame["source"], "year": frame["year"].astype(int),
                          "value": frame["change"], "reference": frame["median"],
                          "difference": frame["change"] - frame["median"],
                          "rule": f"lone level change > {tolerance:g} points from the other sources and the "
                                  "published growth rates",
                          "action": "chain the other sources' median change across this year"})
    return flags[FLAG_COLUMNS].sort_values(["iso3", "source", "year"]).reset_index(drop=True)


def repair_level_breaks(levels: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """Rescale each flagged series before its break so that the change across it is the reference.

    For a flag (iso3, source, year t) with reference change r, every level of that series before t
    is multiplied by ``level[t] / ((1 + r/100) * level[t-1])``: the series' own growth is kept in
    all other years, and its level from t on is untouched. Returns ``levels`` with a ``repaired``
    column (True for rescaled values).
    """
    result = levels.copy()
    result["repaired"] = False
    for flag in flags.itertuples(index=False):
        series = (result["iso3"] == flag.iso3) & (result["source"] == flag.source)
        at = result.loc[series & (result["year"] == flag.year), "level"]
        before = result.loc[series & (result["year"] == flag.year - 1), "level"]
        if at.empty or before.empty:
            continue
        factor = float(at.iloc[0]) / ((1 + flag.reference / 100) * float(before.iloc[0]))
        earlier = series & (result["year"] < flag.year)
        result.loc[earlier, "level"] *= factor
        result.loc[earlier, "repaired"] = True
    return result


def cpi_placeholders(inflation: pd.DataFrame, window: tuple[int, int] = PLACEHOLDER_WINDOW,
                     floor: float = MIN_PLAUSIBLE_INFLATION) -> pd.DataFrame:
    """Flag placeholder and impossible CPI inflation values.

    ``inflation`` has columns iso3, year, value (% per year) and optionally source. Two rules:
    a run of two or more consecutive years with exactly the same value, touching ``window``
    (every year of the run is flagged); and a value below ``floor``. Returns flags (:data:`FLAG_COLUMNS`).
    """
    frame = inflation.dropna(subset=["value"]).sort_values(["iso3", "year"]).reset_index(drop=True)
    source = frame["source"] if "source" in frame else pd.Series("cpi", index=frame.index)
    new_run = (frame["iso3"] != frame["iso3"].shift()) | (frame["year"] != frame["year"].shift() + 1) | \
              (frame["value"] != frame["value"].shift())
    run_id = new_run.cumsum()
    runs = frame.groupby(run_id)["year"]
    run_size = runs.transform("size")
    touches = (runs.transform("min") <= window[1]) & (runs.transform("max") >= window[0])
    repeated = (run_size >= 2) & touches
    too_low = frame["value"] < floor
    flags = frame.assign(source=source, reference=np.nan, difference=np.nan)
    flags["rule"] = np.where(repeated, f"same value in consecutive years within {window[0]}-{window[1]}",
                             f"deflation below {floor:g}%")
    flags["action"] = "dropped: the next inflation source is used"
    return flags.loc[repeated | too_low, FLAG_COLUMNS].reset_index(drop=True)


def drop_flagged(values: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """``values`` (iso3, year, …) without the (iso3, year) pairs in ``flags``."""
    flagged = pd.MultiIndex.from_frame(flags[["iso3", "year"]])
    keep = ~pd.MultiIndex.from_frame(values[["iso3", "year"]]).isin(flagged)
    return values[keep].reset_index(drop=True)
