"""The run-time targets of ``transition bench`` (no kernel: the table and the floor notebook)."""
from __future__ import annotations

import nbformat

from transition.run import bench, targets


def test_target_rows_and_verdicts_in_the_benchmark_table():
    results = {
        "list_seconds": {"median": 0.5, "runs": [0.5], "target": 1.0},
        "warm_make_all_seconds": {"value": 12.0, "target": 10.0},
        "cold_default_run_both_editions": {"seconds": 90.0, "floor_seconds": 60.0, "ratio_to_floor": 1.5},
    }
    lines = bench.table(results).splitlines()
    verdicts = {line.split("  ")[0].strip(): line.split()[-1] for line in lines[2:]}
    assert verdicts["transition list (median)"] == "meets"
    assert verdicts["warm make all"] == "MISSES"
    assert verdicts["cold run / floor"] == "MISSES"


def test_the_floor_notebook_imports_the_stack_loads_the_panel_and_saves_one_figure(tmp_path):
    notebook = targets._floor_notebook(tmp_path)
    nb = nbformat.read(notebook.path, as_version=4)
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    assert "import pandas" in code and "panel.load(" in code and code.count("out.figure(") == 1
    assert nb.metadata["kernelspec"]["name"] == "transition" and not notebook.in_project
