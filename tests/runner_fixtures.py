"""Tiny fixture notebooks for the runner, CLI, site and browser tests (seconds to execute).

Each fixture notebook follows the conventions of ``notebooks/README.md``: title and Overview,
imports, a ``parameters`` cell, ``SPEC.check(...)``, outputs through ``Outputs``, a figure, headline
numbers and a Findings cell rendered by ``findings``. Its spec is declared in the notebook and, by
:func:`register_spec`, in the test process (where the runner checks parameters before running).
"""
from __future__ import annotations

import base64
import io
from pathlib import Path

import nbformat

from transition.chapters import specs

SPEC_SOURCE = '''\
from transition.chapters.parameters import Choice, Integer, ListOf, Number, ParameterSpec, Text

SPEC = ParameterSpec("{stem}", {{
    "start_year": Integer(1989, 2000, "first year of the table"),
    "scale": Number(0, 10, "multiplier of the values"),
    "label": Choice(["base", "alt"], "title of the figure"),
    "countries": ListOf(["RUS", "POL", "UKR"], "countries counted"),
    "fail": Choice([False, True], "make a cell fail"),
    "output_dir": Text("folder for this run's outputs; None = results/"),
}})
'''


def register_spec(stem: str):
    """Declare the fixture's spec in this process (as importing an analysis module would)."""
    namespace: dict = {}
    exec(SPEC_SOURCE.format(stem=stem), namespace)
    return specs.register(namespace["SPEC"])


def fixture_notebook(stem: str, sleep: float = 0.0) -> nbformat.NotebookNode:
    """A small executable notebook named ``stem`` (its spec registered in the kernel)."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    parameters = code(
        'start_year = 1990  # first year of the table\n'
        'scale = 1.0  # multiplier of the values\n'
        'label = "base"  # title of the figure\n'
        'countries = ["RUS", "POL"]  # countries counted\n'
        'fail = False  # make a cell fail\n'
        'output_dir = None  # folder for this run\'s outputs; None = results/')
    parameters.metadata["tags"] = ["parameters"]
    cells = [
        md(f"# Fixture {stem}\n\n## Overview\n\nA tiny notebook for the runner's tests."),
        code("import time\n\nimport matplotlib.pyplot as plt\nimport pandas as pd\n\n"
             "from transition.present.outputs import Outputs\nfrom transition.present.text import findings\n" + SPEC_SOURCE.format(stem=stem)),
        parameters,
        code("SPEC.check(start_year=start_year, scale=scale, label=label, countries=countries, fail=fail,\n"
             "           output_dir=output_dir)"),
        md("## 1 A table"),
        code(f'out = Outputs("{stem}", output_dir)\n'
             f'time.sleep({sleep})\n'
             'frame = pd.DataFrame({"year": range(start_year, start_year + 3), "value": [scale * i for i in range(3)]})\n'
             f'print(out.table(frame, "{stem}_table"))\nframe'),
        md("## 2 A cell that fails on request"),
        code('if fail:\n    raise RuntimeError("deliberate failure\\nthe last line of the error")\nprint("no failure")'),
        md("## 3 A figure"),
        code('fig, ax = plt.subplots(figsize=(4, 2.5))\n'
             'ax.plot(frame["year"], frame["value"], label=label)\n'
             'ax.set_title(f"Fixture ({label})")\nax.set_xlabel("year")\nax.set_ylabel("value (units)")\nax.legend()\n'
             f'out.figure(fig, "{stem}_figure", sources=["constructed data"]);'),
        md("## 4 Headline numbers"),
        code('out.headline("total", float(frame["value"].sum()), "units", "sum of the values")\n'
             'out.headline("n_countries", len(countries), "countries", "countries counted")\n'
             'out.write_headlines();'),
        md("## Findings"),
        code('findings(f"The total is {frame[\'value\'].sum():.1f} for {len(countries)} countries. "\n'
             '         "It scales with the multiplier.")'),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": {"name": "transition", "display_name": "Python (transition)", "language": "python"},
                   "language_info": {"name": "python"}}
    return nb


def write_fixtures(folder: Path, stems=("98_fixture",), sleep: float = 0.0) -> Path:
    """Write fixture notebooks into ``folder`` (created) and register their specs; returns ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        nbformat.write(fixture_notebook(stem, sleep), folder / f"{stem}.ipynb")
        register_spec(stem)
    return folder


# Executed notebooks built directly (for the site tests: no kernel needed)


def png_bytes(colour: str = "red") -> bytes:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 1.5))
    fig.subplots().plot([0, 1], [0, 1], color=colour)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def executed_notebook(title: str, findings: str | None, figures: int = 1, findings_as_output: bool = True):
    """A notebook as papermill leaves it: outputs in place."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [md(f"# {title}\n\n## Overview\n\nWhat it asks."), code("x = 1")]
    for n in range(figures):
        cell = code(f"fig{n}")
        cell.outputs = [nbformat.v4.new_output(
            "display_data", data={"image/png": base64.b64encode(png_bytes()).decode(), "text/plain": "<Figure>"})]
        cells.append(cell)
    if findings is not None:
        if findings_as_output:
            cells.append(md("## Findings"))
            cell = code("findings(text)")
            cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/markdown": findings,
                                                                           "text/plain": "<Markdown>"},
                                                   execution_count=3)]
            cells.append(cell)
        else:
            cells.append(md(f"## Findings\n\n{findings}"))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": {"name": "transition", "display_name": "Python (transition)", "language": "python"},
                   "language_info": {"name": "python"}}
    return nb


def consumer_notebook(stem: str, reads: str) -> nbformat.NotebookNode:
    """A notebook that reads another notebook's headline file (as the claims ledger does)."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    parameters = code('results_dir = None  # folder of the headline files; None = results/\n'
                      'output_dir = None  # folder for this run\'s outputs; None = results/')
    parameters.metadata["tags"] = ["parameters"]
    cells = [
        md(f"# Consumer {stem}"),
        code("import json\nfrom pathlib import Path\n\nimport pandas as pd\n\n"
             "from transition.paths import RESULTS_DIR\nfrom transition.present.outputs import Outputs"),
        parameters,
        code(f'out = Outputs("{stem}", output_dir)\n'
             f'headlines = json.loads((Path(results_dir or RESULTS_DIR) / "{reads}.json").read_text())\n'
             f'out.table(pd.DataFrame({{"total": [headlines["total"]["value"]]}}), "{stem}_read")'),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": {"name": "transition", "display_name": "Python (transition)", "language": "python"},
                   "language_info": {"name": "python"}}
    return nb
