"""The book's note under each figure and table: a download of its data (CSV) and where it came from.

Under every code cell that shows a figure or a table (a :class:`transition.present.table.Table`), the
book adds one short line, in the edition's language, and at the end of the page the rest, once::

    Data: output_paths.csv · cell 9
    …
    Where this page comes from: 02_output_paths.ipynb · parameters: default run · commit 8716cb8a2f47 ·
    SHA-256: output_paths.csv 1a2b3c4d5e6f, …

The CSV is the one the cell writes (``out.table(frame, "name")``, as in the output map of
:mod:`transition.publish.manifest`), else the last one the notebook wrote before it (before its first,
the first it writes); its hash is of the file the reader downloads. The parameters are the run's (papermill's record in the notebook), the
commit is the one the notebook's colophon names. Nothing is executed: all of it is read from the
executed notebook and its results folder. Every value is written as inline code that holds it
verbatim (:func:`transition.present.escape.code_span`): a parameter holding a backtick or a tag
shows as text.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT, RESULTS_DIR
from transition.present.escape import code_span
from transition.publish.manifest import _calls, figure_data

DATA_DIR = "_data"  # the results' CSV files inside the book's source folder
SAFE_FILE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")  # a CSV name that can be a link's target as it is
COMMIT = re.compile(r"(?:Commit|Коммит): `([^`]+)`")  # the colophon, or its Russian text
WORDS = {
    "en": {"data": "Data", "cell": "cell", "parameters": "parameters", "default": "default run",
           "commit": "commit", "none": "no table", "page": "Where this page comes from"},
    "ru": {"data": "Данные", "cell": "ячейка", "parameters": "параметры", "default": "расчёт по умолчанию",
           "commit": "коммит", "none": "без таблицы", "page": "Откуда эта страница"},
}


def results_for(notebooks_dir: Path) -> Path:
    """The folder holding the CSV files of a folder of executed notebooks (results/ for notebooks/)."""
    return RESULTS_DIR if Path(notebooks_dir).resolve() == NOTEBOOKS_DIR.resolve() else Path(notebooks_dir)


def copy_data(notebooks_dir: Path, src: Path, also=()) -> None:
    """Copy the edition's CSV files into the book's source folder (``_data/``), for the download links;
    ``also``: more CSV files the edition's figures draw that its own folder may lack (the multiverse's
    tables, which a named run such as the Russian edition reads from results/), its own files first."""
    target = src / DATA_DIR
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(results_for(notebooks_dir).glob("*.csv")):
        shutil.copy2(path, target / path.name)
    for path in sorted(also):
        if not (target / path.name).exists():
            shutil.copy2(path, target / path.name)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _text(cell: dict) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def _shows_result(cell: dict) -> bool:
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data or "<table" in "".join(data.get("text/html", "")):
            return True
    return False


def commit_of(nb: dict) -> str | None:
    """The commit the notebook's colophon names."""
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            match = COMMIT.search("".join(output.get("data", {}).get("text/markdown", "")))
            if match:
                return match.group(1)
    return None


def parameters_of(nb: dict, lang: str) -> str:
    """The run's parameters as 'name = value, …' (papermill's record), or 'default run'."""
    parameters = nb.get("metadata", {}).get("papermill", {}).get("parameters") or {}
    if not parameters:
        return WORDS[lang]["default"]
    return ", ".join(code_span(f"{name} = {_relative(value)}") for name, value in parameters.items())


def _relative(value):
    """A path inside the project as the project names it (no machine's absolute path in the book)."""
    root = str(PROJECT_ROOT) + "/"
    return value.replace(root, "") if isinstance(value, str) else value


def note(csv: str | None, data_dir: Path, number: int, lang: str) -> str:
    """The provenance line (Markdown) of one cell: its data's download link and the cell's number."""
    words = WORDS[lang]
    path = data_dir / csv if csv else None
    if path is not None and path.exists() and SAFE_FILE.fullmatch(csv):
        data = f"[{code_span(csv)}](path:{DATA_DIR}/{csv})"
    else:
        data = words["none"]
    return f"{words['data']}: {data} · {words['cell']} {number}"


def page_note(csvs: list[str], data_dir: Path, stem: str, parameters: str, commit: str | None, lang: str) -> str:
    """The page's provenance, once: the notebook, the run's parameters, the commit, each data file's hash."""
    words = WORDS[lang]
    hashes = [f"{code_span(csv)} `{_sha(data_dir / csv)}`" for csv in dict.fromkeys(csvs)
              if SAFE_FILE.fullmatch(csv) and (data_dir / csv).exists()]
    parts = [f"**{words['page']}:** {code_span(stem + '.ipynb')}", f"{words['parameters']}: {parameters}"]
    if commit:
        parts.append(f"{words['commit']} {code_span(commit)}")
    if hashes:
        parts.append(f"SHA-256: {', '.join(hashes)}")
    return " · ".join(parts)


def _is_table(output: dict) -> bool:
    return "<table" in "".join(output.get("data", {}).get("text/html", ""))


def _split_tables(cells: list[dict]) -> None:
    """A cell showing tables and a figure: its tables go to a cell of their own just before it (input
    removed), so that the book's numbered figure wraps the image alone, not the tables too."""
    cell = cells[-1]
    outputs = cell.get("outputs", [])
    if not any("image/png" in o.get("data", {}) for o in outputs) or not any(_is_table(o) for o in outputs):
        return
    tables = [o for o in outputs if _is_table(o)]
    cell["outputs"] = [o for o in outputs if not _is_table(o)]
    # A code cell with no source is not rendered at all: it gets a placeholder, never shown (remove-input).
    cells.insert(len(cells) - 1, {"cell_type": "code", "execution_count": None, "source": "pass  # the tables",
                                  "outputs": tables, "metadata": {"tags": ["remove-input"]}})


def _styled(css_class: str, text: str) -> str:
    """Markdown in a block of the given class (docutils' ``container``), for the book's style sheet."""
    return f"```{{container}} {css_class}\n{text}\n```"


def add_notes(nb: dict, stem: str, lang: str, data_dir: Path) -> None:
    """Put a short provenance line (data download, cell) under every cell of ``nb`` that shows a figure or
    a table, and the page's provenance (parameters, commit, hashes) once at its end (in place)."""
    parameters, commit = parameters_of(nb, lang), commit_of(nb)
    written = [f"{name}.csv" for cell in nb["cells"] if cell["cell_type"] == "code"
               for kind, name in _calls(_text(cell)) if kind == "table"]
    last_csv = written[0] if written else None  # before the notebook's first table: the first it writes
    cells, shown = [], []
    for number, cell in enumerate(nb["cells"], start=1):
        cells.append(cell)
        if cell["cell_type"] != "code":
            continue
        tables = [f"{name}.csv" for kind, name in _calls(_text(cell)) if kind == "table"]
        last_csv = tables[0] if tables else last_csv
        if _shows_result(cell):  # a Markdown cell of its own: a figure's cell keeps its single output
            _split_tables(cells)
            declared = figure_data(_text(cell))  # a figure that names its table (out.figure(..., data=...))
            csv = declared[0] if declared else last_csv
            shown += [csv] if csv else []
            cells.append({"cell_type": "markdown", "metadata": {"tags": ["provenance"]},
                          "source": _styled("compendium-provenance", note(csv, data_dir, number, lang))})
    if shown or commit:
        cells.append({"cell_type": "markdown", "metadata": {"tags": ["provenance-page"]},
                      "source": _styled("compendium-provenance-page",
                                        page_note(shown, data_dir, stem, parameters, commit, lang))})
    nb["cells"] = cells
