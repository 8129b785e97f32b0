"""Which code cells of the committed notebooks nbval compares (strict mode), and why the others are not.

nbval (``pytest --nbval notebooks/``) compares every output of every code cell, except the cells
marked ``# NBVAL_IGNORE_OUTPUT`` (run, output not compared) or ``# NBVAL_SKIP`` (not run). nbval
reads a marker only when the comment is the marker alone, so its reason is the comment line right
after it, in parentheses: ``# NBVAL_IGNORE_OUTPUT`` then ``# (nbval: why)``. A marker given as a cell
tag cannot carry a reason and counts as a marker without one.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
MARKERS = ("NBVAL_IGNORE_OUTPUT", "NBVAL_SKIP")
TAGS = ("nbval-ignore-output", "nbval-skip")
TEXT_TYPES = ("text/plain", "text/markdown", "text/html")
#: The comment line after a marker: its reason.
REASON = re.compile(r"#\s*\(nbval:\s*(?P<reason>.+)\)\s*$")


@dataclass
class Share:
    """Code cells with text output, those nbval compares, and each skipped one with its reason."""

    with_text: int = 0
    compared: int = 0
    skipped: list[tuple[str, int, str]] = field(default_factory=list)  # (notebook, cell number, reason or "")

    @property
    def share(self) -> float:
        return self.compared / self.with_text if self.with_text else 1.0

    def summary(self) -> str:
        reasons = sorted({reason for _, _, reason in self.skipped})
        why = "; ".join(f"{sum(r == reason for *_, r in self.skipped)}× {reason or 'NO REASON GIVEN'}"
                        for reason in reasons)
        return (f"nbval compares {self.compared} of the {self.with_text} code cells with text output of the "
                f"committed notebooks ({self.share:.0%}); {len(self.skipped)} skipped" + (f": {why}" if why else ""))


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def has_text_output(cell: dict) -> bool:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" or any(t in output.get("data", {}) for t in TEXT_TYPES):
            return True
    return False


def marker(cell: dict) -> tuple[bool, str]:
    """(marked, reason) of a code cell (reason '' when none is written beside the marker)."""
    lines = [line.strip() for line in _source(cell).splitlines()]
    for number, line in enumerate(lines):
        if line.startswith("#") and line.lstrip("#").strip() in MARKERS:
            found = REASON.match(lines[number + 1]) if number + 1 < len(lines) else None
            return True, found.group("reason").strip() if found else ""
    tags = cell.get("metadata", {}).get("tags", [])
    if any(tag in tags for tag in TAGS) or any(m in _source(cell) for m in MARKERS):
        return True, ""
    return False, ""


def share(notebooks_dir: Path = NOTEBOOKS) -> Share:
    """The share of code cells with text output whose outputs nbval compares, over every committed notebook."""
    result = Share()
    for path in sorted(Path(notebooks_dir).glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells, start=1):
            if cell.get("cell_type") != "code" or not has_text_output(cell):
                continue
            result.with_text += 1
            marked, reason = marker(cell)
            if marked:
                result.skipped.append((path.stem, number, reason))
            else:
                result.compared += 1
    return result
