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

from transition.claims.spaces import SPACES
from transition.paths import NOTEBOOKS_DIR

#: Results written outside the notebooks, with the command that writes them.
OTHER_OUTPUTS = {"benchmarks.json": "`transition bench` (src/transition/run/bench.py)",
                 **{f"multiverse_{name}.csv": "`transition multiverse` (src/transition/run/multiverse.py)"
                    for name in ("summary", *SPACES, "joint_tests")},
                 "MANIFEST.sha256": "`make all` / `transition manifest` (src/transition/run/record.py): the SHA-256 "
                                    "of every file of the record, which `transition verify` checks"}


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


def figure_data(source: str) -> list[str]:
    """The ``data="<table>.csv"`` of every ``out.figure(...)`` call in a cell: the tables its figures draw."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return []
    return [keyword.value.value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "figure"
            for keyword in node.keywords
            if keyword.arg == "data" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str)]


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
        kind = {".json": "benchmark", ".sha256": "manifest"}.get(Path(file).suffix, "table")
        lines.append(f"| `results/{file}` | {kind} | {maker} |")
    return "\n".join(lines)


# ---- generated blocks of README.md -----------------------------------------------------------------
# The README carries a few blocks generated from the results, between markers
# ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->``, so that it never states a number the
# results do not hold; ``transition readme`` rewrites them and a test checks they are current.
import re as _re  # noqa: E402

from transition.paths import PROJECT_ROOT, RESULTS_DIR  # noqa: E402


def findings_block(results_dir: Path = RESULTS_DIR) -> str:
    """The claims ledger's verdicts, from ``results/claims.csv``."""
    claims = pd.read_csv(results_dir / "claims.csv")
    lines = ["| claim | as of the essay (~2002) | with the latest data |", "|---|---|---|"]

    def cell(row, when: str) -> str:  # the verdict, and its robustness across the multiverse when there is one
        robust = getattr(row, f"robustness_{when}", None)
        return getattr(row, f"verdict_{when}") + (f" ({robust})" if isinstance(robust, str) and robust else "")
    for row in claims.itertuples():
        lines.append(f"| **{row.claim_id}** {row.claim} | {cell(row, 'asof_essay')} | {cell(row, 'latest')} |")
    return "\n".join(lines)


def performance_block(results_dir: Path = RESULTS_DIR) -> str:
    """Measured run times, from ``results/benchmarks.json`` (written by ``transition bench``)."""
    bench = json.loads((results_dir / "benchmarks.json").read_text())
    machine = bench.get("machine", {})
    rows = [("panel build from the raw files (median)", f"{bench['panel_build_seconds']['median']:.1f} s", "≤ 10 s"),
            ("cached panel load (median)", f"{bench['panel_cached_load_seconds']['median']:.2f} s", "≤ 0.3 s")]
    if "default_run_serial_seconds" in bench:
        rows += [("every notebook, one after another", f"{bench['default_run_serial_seconds']['value']:.0f} s", ""),
                 ("every notebook, `-j 2` (`make notebooks`, each edition)",
                  f"{bench['default_run_parallel_seconds']['value']:.0f} s", "≤ 60 s"),
                 ("parallel speed-up", f"{bench['parallel_speedup']['value']:.2f}×", "≥ 1.6×"),
                 (f"sweep of {bench['sweep']['variants']} variants of {bench['sweep']['notebook']}",
                  f"{bench['sweep']['seconds']:.0f} s ({bench['sweep']['variants_per_minute']:.1f} variants/min)", "")]
    rows += _multiverse_rows(bench)
    lines = [f"Measured by `transition bench` on {machine.get('cores', '?')} cores, Python {machine.get('python', '?')}:", "",
             "| what | time | target |", "|---|---|---|"]
    lines += [f"| {what} | {time} | {target} |" for what, time, target in rows]
    return "\n".join(lines)


def _multiverse_rows(bench: dict) -> list[tuple[str, str, str]]:
    """The multiverse's rows of the performance block (when ``transition bench`` timed it)."""
    if "multiverse_default_run_seconds" not in bench:
        return []
    run, rate = bench["multiverse_default_run_seconds"], bench["multiverse_specifications_per_min"]
    specs = bench["multiverse_scaling_jobs"][f"jobs_{run['jobs']}"]["specifications"]
    rows = [(f"`transition multiverse -j {run['jobs']}`: every space ({specs:,} specifications), every joint test "
             f"(1,000 permutations), from an empty store", f"{run['value']:.0f} s ({rate['value']:,.0f} specifications/min)",
             f"≤ {run['target']:.0f} s; ≥ {rate['target']:,} /min")]
    joint = bench.get("multiverse_scaling_permutations", {}).get("permutations_10000")
    if joint:
        rows.append(("joint tests alone, every specification × 10,000 permutations",
                     f"{joint['seconds']:.1f} s ({joint['evaluations_per_second']:,.0f} evaluations/s)", ""))
    dask = bench.get("multiverse_dask_cluster")
    if dask:
        rows.append((f"the same multiverse on a Dask cluster of separate processes ({dask['workers']} workers)",
                     f"{dask['seconds']:.0f} s ({dask['ratio_to_local']:.2f}× the local engine)", ""))
    return rows


BLOCKS = {"findings": findings_block, "performance": performance_block, "outputs": lambda: output_map_markdown()}


def update_readme(text: str) -> str:
    """``text`` with every generated block replaced by its current content."""
    for name, make in BLOCKS.items():
        pattern = _re.compile(rf"(<!-- generated: {name} -->\n)(?:.*?\n)?(<!-- end: {name} -->)", _re.S)
        if not pattern.search(text):
            raise ValueError(f"README has no block '{name}' (markers <!-- generated: {name} --> … <!-- end: {name} -->)")
        text = pattern.sub(lambda m: m.group(1) + make() + "\n" + m.group(2), text)
    return text


README_PATH = PROJECT_ROOT / "README.md"
