"""Which notebook cell makes which result: the map from every table and figure to its source.

The analysis notebooks write through ``out.table(frame, "name")`` and ``out.figure(fig, "name", …)``
with literal names, so the map is read from the notebooks' code, not kept by hand: the README's
list of tables and figures is generated from :func:`output_map`, and a test checks it is current.

Examples
--------
>>> output_map().head()  # doctest: +SKIP
"""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd

from transition.paths import NOTEBOOKS_DIR

#: Results written outside the notebooks, with the command that writes them.
OTHER_OUTPUTS = {"benchmarks.json": "`transition bench` (src/transition/bench.py)"}


def _calls(source: str):
    """(kind, name) of every ``out.table(…, "name")`` / ``out.figure(…, "name", …)`` call in a cell."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("table", "figure") and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "out" and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
            yield node.func.attr, node.args[1].value


def output_map(notebooks_dir: Path = NOTEBOOKS_DIR) -> pd.DataFrame:
    """One row per result file: file (relative to results/), kind, notebook, cell (1-based, all cells)."""
    rows = []
    for path in sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells, start=1):
            if cell["cell_type"] != "code":
                continue
            for kind, name in _calls("".join(cell["source"])):
                file = f"figures/{name}.png" if kind == "figure" else f"{name}.csv"
                rows.append({"file": file, "kind": kind, "notebook": path.name, "cell": number})
        rows.append({"file": f"{path.stem}.json", "kind": "headlines", "notebook": path.name,
                     "cell": _last_code_cell(cells)})
    return pd.DataFrame(rows).drop_duplicates("file").reset_index(drop=True)


def _last_code_cell(cells) -> int:
    """The cell that writes the headline file: the one calling ``out.write_headlines()``."""
    for number, cell in enumerate(cells, start=1):
        if cell["cell_type"] == "code" and "write_headlines()" in "".join(cell["source"]):
            return number
    return 0


def output_map_markdown(table: pd.DataFrame | None = None) -> str:
    """The map as a Markdown table (README section "Tables and figures")."""
    table = output_map() if table is None else table
    lines = ["| result | kind | made by |", "|---|---|---|"]
    for row in table.itertuples():
        lines.append(f"| `results/{row.file}` | {row.kind} | `notebooks/{row.notebook}`, cell {row.cell} |")
    for file, maker in OTHER_OUTPUTS.items():
        lines.append(f"| `results/{file}` | benchmark | {maker} |")
    return "\n".join(lines)
