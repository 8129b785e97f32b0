"""What changed between two runs: the headline numbers and the verdicts, old → new.

``transition compare b1990`` after ``transition run 02 -p base_year=1990 --name b1990``: the run's
headline files (``runs/b1990/<notebook>.json``) against the default run's (``results/``), notebook by
notebook for the notebooks both have, and the claims ledger's verdicts judged on each (on the default
run's headline files with the run's own in their place: the
verdicts a reader would get had the default run made the run's choices; both sides are judged by the
rules as they are now). Only what differs is listed.

Examples
--------
>>> old = {"02_output_paths": {"trough": {"value": 52.3, "unit": "index"}}}
>>> new = {"02_output_paths": {"trough": {"value": 55.0, "unit": "index"}}}
>>> number_changes(old, new).to_dict("records")
[{'notebook': '02_output_paths', 'key': 'trough', 'old': 52.3, 'new': 55.0, 'unit': 'index'}]
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

#: Two headline values closer than this (relative) are the same number (files keep 6 decimals).
TOLERANCE = 1e-9
WHEN = {"asof_essay": "as of the essay", "latest": "latest data"}


def read_headlines(folder: Path) -> dict[str, dict]:
    """``{notebook: {key: {value, unit, description}}}`` of every headline file of a run folder."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(Path(folder).glob("[0-9][0-9]_*.json"))
            if not path.name.endswith(".untranslated.json")}


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if math.isnan(a) and math.isnan(b):
            return True
        return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)
    return a == b


def number_changes(old: dict[str, dict], new: dict[str, dict]) -> pd.DataFrame:
    """Headline numbers that differ (or exist on one side only), for the notebooks both runs have."""
    rows = []
    for notebook in sorted(set(old) & set(new)):
        for key in sorted(set(old[notebook]) | set(new[notebook])):
            a, b = old[notebook].get(key, {}), new[notebook].get(key, {})
            if not _same(a.get("value"), b.get("value")):
                rows.append({"notebook": notebook, "key": key, "old": a.get("value"), "new": b.get("value"),
                             "unit": b.get("unit") or a.get("unit") or ""})
    return pd.DataFrame(rows, columns=["notebook", "key", "old", "new", "unit"])


def verdicts(folder: Path, default_folder: Path, essay_folder: Path | None = None) -> pd.DataFrame:
    """The ledger's verdicts for a run, judged now by the ledger's rules on the default run's headline
    files with the run's own in their place (both sides of a comparison are judged the same way, never
    read from a ``claims.csv`` an older version of the rules wrote); columns claim_id, asof_essay, latest."""
    from transition.claims import ledger  # the rules import the analysis: only when judging

    merged = {**read_headlines(default_folder), **read_headlines(folder)}
    merged.pop("00_claims_ledger", None)
    essay = ledger.load_headlines(essay_folder or ledger.ESSAY_RESULTS_DIR)
    table = ledger.build_ledger(ledger.Headlines(merged), essay_headlines=essay)
    return table[["claim_id", "verdict_asof_essay", "verdict_latest"]].rename(
        columns={"verdict_asof_essay": "asof_essay", "verdict_latest": "latest"})


def verdict_changes(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Claims whose verdict differs, one row per claim and column (as of the essay, latest data)."""
    both = old.merge(new, on="claim_id", suffixes=("_old", "_new"))
    rows = [{"claim": row["claim_id"], "when": WHEN[when], "old": row[f"{when}_old"], "new": row[f"{when}_new"]}
            for _, row in both.iterrows() for when in WHEN if row[f"{when}_old"] != row[f"{when}_new"]]
    return pd.DataFrame(rows, columns=["claim", "when", "old", "new"])


def _value(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return str(value)


def text_table(frame: pd.DataFrame, right: tuple[str, ...] = ()) -> str:
    """A plain-text table: the columns named in ``right`` right-aligned (the values), the others left."""
    cells = [[str(c) for c in frame.columns]] + [[str(v) for v in row] for row in frame.itertuples(index=False)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(frame.columns))]
    aligned = [column in right for column in frame.columns]
    return "\n".join("  ".join(cell.rjust(w) if r else cell.ljust(w) for cell, w, r in zip(row, widths, aligned)).rstrip()
                     for row in cells)


def report(old_folder: Path, new_folder: Path, old_name: str, new_name: str, default_folder: Path,
           essay_folder: Path | None = None) -> str:
    """The comparison as text: a line saying what is compared, the verdicts that changed, the numbers."""
    old, new = read_headlines(old_folder), read_headlines(new_folder)
    shared = sorted((set(old) & set(new)) - {"00_claims_ledger"})
    lines = [f"{new_name} against {old_name}: {len(shared)} notebook(s) in both "
             f"({', '.join(name[:2] for name in shared) or 'none'})"]
    changed = verdict_changes(verdicts(old_folder, default_folder, essay_folder),
                              verdicts(new_folder, default_folder, essay_folder))
    lines += ["", f"Verdicts changed: {len(changed)}"]
    if len(changed):
        lines.append(text_table(changed.rename(columns={"old": old_name, "new": new_name})))
    numbers = number_changes({k: old[k] for k in shared}, {k: new[k] for k in shared})
    total = sum(len(set(old[k]) | set(new[k])) for k in shared)
    lines += ["", f"Headline numbers changed: {len(numbers)} of {total}"]
    if len(numbers):
        shown = numbers.assign(notebook=numbers["notebook"].str[:2], old=numbers["old"].map(_value),
                               new=numbers["new"].map(_value))
        lines.append(text_table(shown.rename(columns={"old": old_name, "new": new_name}), (old_name, new_name)))
    return "\n".join(lines)
