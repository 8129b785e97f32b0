"""The published record, side by side: the compendium's numbers beside figures from the literature.

``data/published_figures.csv`` holds one row per published figure (EBRD Transition Reports,
Fischer–Sahay–Végh, Cottarelli–Doyle, Åslund, ...): its value, unit, citation and locator, a
*selector* naming the compendium's own number, an absolute tolerance with its reason, and a note on
why the two may differ (vintage, base year, annual average vs December-on-December inflation).
Rows whose difference is real and explained are marked ``expected_outside = 1``; the tolerance is
never widened to hide them.

Selectors
---------
``json:<stem>:<key>``
    the ``value`` of ``key`` in ``<results>/<stem>.json`` (a headline file).
``<file>.csv|<column>=<value>,...|<column>``
    the one row of ``<results>/<file>.csv`` matching every filter; the named column. A leading
    ``results/`` is allowed and ignored.

Examples
--------
>>> table = compare_published(RESULTS_DIR)             # doctest: +SKIP
>>> write_comparison(RESULTS_DIR)                      # doctest: +SKIP
PosixPath('.../results/published_comparison.csv')
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from transition.paths import DATA_DIR, PROJECT_ROOT, RESULTS_DIR

#: The registry of published figures, one row per figure.
PUBLISHED_FIGURES = DATA_DIR / "published_figures.csv"
#: The generated comparison table, written into the results folder.
COMPARISON_NAME = "published_comparison.csv"
#: Columns the registry must have.
REQUIRED_COLUMNS = ("id", "measure", "country_or_group", "period", "published_value", "unit", "citation",
                    "locator", "compendium_selector", "tolerance", "difference_note", "expected_outside")
#: Columns of the comparison table, in order.
COMPARISON_COLUMNS = ("id", "measure", "country_or_group", "period", "unit", "published", "compendium",
                      "difference", "tolerance", "within_tolerance", "expected_outside", "as_expected",
                      "note", "citation", "bibkey", "locator", "selector")


#: Spellings accepted in the ``expected_outside`` column.
_FLAGS = {"1": True, "true": True, "0": False, "false": False, "": False}


class SelectorError(ValueError):
    """A selector that does not name exactly one number in the results folder."""


def load_published(path: Path | str = PUBLISHED_FIGURES) -> pd.DataFrame:
    """Read the registry of published figures and check its columns and ids.

    Raises ``ValueError`` naming the file when a column is missing or an id repeats.
    """
    path = Path(path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}; expected at least {list(REQUIRED_COLUMNS)}")
    repeated = table["id"][table["id"].duplicated()].tolist()
    if repeated:
        raise ValueError(f"{path}: id(s) used more than once: {repeated}")
    for column in ("published_value", "tolerance"):
        table[column] = pd.to_numeric(table[column], errors="raise")
    flags = table["expected_outside"].str.strip().str.lower()
    bad = sorted(set(flags) - set(_FLAGS))
    if bad:
        raise ValueError(f"{path}: expected_outside must be 1/0 (or true/false), found {bad}")
    table["expected_outside"] = flags.map(_FLAGS)
    return table


def _resolve_json(selector: str, results_dir: Path) -> float:
    parts = selector.split(":")
    if len(parts) != 3 or not parts[1] or not parts[2]:
        raise SelectorError(f"selector {selector!r}: expected 'json:<stem>:<key>'")
    _, stem, key = parts
    path = results_dir / f"{stem}.json"
    if not path.exists():
        raise SelectorError(f"selector {selector!r}: {path} does not exist (run the notebook that writes it)")
    headlines = json.loads(path.read_text(encoding="utf-8"))
    if key not in headlines:
        raise SelectorError(f"selector {selector!r}: no key {key!r} in {path}")
    entry = headlines[key]
    return _number(entry["value"] if isinstance(entry, dict) else entry, selector)


def _parse_filters(text: str, selector: str) -> dict[str, str]:
    filters = {}
    for item in filter(None, text.split(",")):
        column, sep, value = item.partition("=")
        if not sep or not column.strip():
            raise SelectorError(f"selector {selector!r}: filter {item!r} is not '<column>=<value>'")
        filters[column.strip()] = value.strip()
    return filters


def _resolve_csv(selector: str, results_dir: Path) -> float:
    parts = selector.split("|")
    if len(parts) != 3:
        raise SelectorError(f"selector {selector!r}: expected '<file>.csv|<column>=<value>,...|<column>'")
    name, filters, column = (p.strip() for p in parts)
    path = results_dir / name.removeprefix("results/")
    if not path.exists():
        raise SelectorError(f"selector {selector!r}: {path} does not exist (run the notebook that writes it)")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    wanted = _parse_filters(filters, selector)
    unknown = [c for c in [*wanted, column] if c not in table.columns]
    if unknown:
        raise SelectorError(f"selector {selector!r}: no column(s) {unknown} in {path}")
    mask = pd.Series(True, index=table.index)
    for key, value in wanted.items():
        mask &= table[key] == value
    if mask.sum() != 1:
        raise SelectorError(f"selector {selector!r}: {int(mask.sum())} rows of {path} match {wanted}; need exactly 1")
    return _number(table.loc[mask, column].iloc[0], selector)


def _number(value, selector: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise SelectorError(f"selector {selector!r}: value {value!r} is not a number") from None
    if math.isnan(number):
        raise SelectorError(f"selector {selector!r}: value is missing (NaN)")
    return number


def resolve_selector(selector: str, results_dir: Path | str = RESULTS_DIR) -> float:
    """The compendium's number named by ``selector`` (see the module docstring for the grammar).

    >>> resolve_selector("json:02_output_paths:russia_1998_index_wdi")       # doctest: +SKIP
    55.68755
    """
    results_dir = Path(results_dir)
    selector = selector.strip()
    if selector.startswith("json:"):
        return _resolve_json(selector, results_dir)
    if ".csv|" in selector:
        return _resolve_csv(selector, results_dir)
    raise SelectorError(f"selector {selector!r}: neither 'json:<stem>:<key>' nor '<file>.csv|<filters>|<column>'")


def _note(row: pd.Series) -> str:
    reason = str(row.get("outside_reason", "") or "").strip()
    return f"{row['difference_note']} Outside the tolerance because: {reason}" if reason else row["difference_note"]


def compare_published(results_dir: Path | str | None = RESULTS_DIR, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each published figure beside the compendium's number, with the difference and the tolerance check.

    ``results_dir`` None means ``results/`` (as the notebooks' parameter does).

    ``difference`` is compendium minus published; ``within_tolerance`` is ``|difference| <= tolerance``
    (checked in both directions); ``as_expected`` is true when a row is within its tolerance exactly
    when it is not marked ``expected_outside``.
    """
    figures = load_published() if figures is None else figures
    results_dir = Path(results_dir) if results_dir else RESULTS_DIR
    if not results_dir.is_absolute():  # like Outputs: relative to the project, not to notebooks/
        results_dir = PROJECT_ROOT / results_dir
    rows = []
    for _, row in figures.iterrows():
        compendium = resolve_selector(row["compendium_selector"], results_dir)
        difference = compendium - float(row["published_value"])
        within = abs(difference) <= float(row["tolerance"]) + 1e-9
        rows.append({"id": row["id"], "measure": row["measure"], "country_or_group": row["country_or_group"],
                     "period": row["period"], "unit": row["unit"], "published": float(row["published_value"]),
                     "compendium": compendium, "difference": difference, "tolerance": float(row["tolerance"]),
                     "within_tolerance": within, "expected_outside": bool(row["expected_outside"]),
                     "as_expected": within != bool(row["expected_outside"]), "note": _note(row),
                     "citation": row["citation"], "bibkey": row.get("bibkey", ""), "locator": row["locator"],
                     "selector": row["compendium_selector"]})
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


def write_comparison(results_dir: Path | str = RESULTS_DIR, figures_path: Path | str = PUBLISHED_FIGURES,
                     output_dir: Path | str | None = None) -> Path:
    """Write ``published_comparison.csv`` and return its path.

    The compendium's numbers are read from ``results_dir``; the table goes to ``output_dir``
    (default: ``results_dir``; a notebook run by the runner passes its staging ``output_dir``).
    Numbers are rounded to 6 decimals so that the file changes only when a number does. The file is
    written beside the target and moved into place, so no partial file carries the final name.
    """
    results_dir = Path(results_dir)
    table = compare_published(results_dir, load_published(figures_path))
    for column in ("compendium", "difference"):
        table[column] = table[column].round(6)
    target = Path(output_dir if output_dir is not None else results_dir) / COMPARISON_NAME
    temporary = target.with_suffix(".csv.tmp")
    table.to_csv(temporary, index=False, lineterminator="\n")
    temporary.replace(target)
    return target
