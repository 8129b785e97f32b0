"""Finding the analysis notebooks and reading each one's parameters cell (light: no nbformat, no pandas).

:func:`discover` finds ``notebooks/[0-9][0-9]_*.ipynb`` (a new notebook is picked up by the glob)
and reads each one's ``parameters`` cell (names, defaults, the comment after each default) straight
from the notebook's JSON, joined with the notebook's
:class:`~transition.chapters.parameters.ParameterSpec` (types, allowed values) from
:mod:`transition.chapters.specs`. There is no second, hand-kept list of parameters. Reading the
JSON with the standard library (not nbformat, whose schema validation pulls in ``jsonschema``)
keeps ``transition list`` and the refusal of a bad parameter well under a second.
"""
from __future__ import annotations

import ast
import io
import json
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transition.chapters import parameters as rules
from transition.chapters.specs import all_specs
from transition.paths import ESSAY_RESULTS_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, RESULTS_DIR
from transition.run import recover
from transition.run.problems import ParameterProblems

NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
RUNS_DIR = PROJECT_ROOT / "runs"
#: Parameters the runner sets itself; users choose a run name instead.
RESERVED = ("output_dir",)
#: A notebook with this parameter reads the other notebooks' headline files (e.g. the claims ledger).
CONSUMER_PARAMETER = "results_dir"
#: Other folders a notebook reads through a parameter: parameter → (folder when None, files read). A change
#: in those files re-executes it, as one in ``results_dir`` does: the claims ledger reads the headline files
#: of the run observed to the essay's year, the robustness notebook the multiverse's tables.
READ_PARAMETERS = {"essay_results_dir": (ESSAY_RESULTS_DIR, "[0-9][0-9]_*.json"),
                   "multiverse_dir": (RESULTS_DIR, "multiverse_*.csv")}


@dataclass(frozen=True)
class Layout:
    """Where notebooks are read and their products written (tests point it at a temporary folder)."""

    notebooks: Path = NOTEBOOKS_DIR
    results: Path = RESULTS_DIR
    runs: Path = RUNS_DIR
    root: Path = PROJECT_ROOT

    def display(self, path: Path) -> str:
        """``path`` relative to the project root when inside it (stable across machines), else absolute."""
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


_MISSING = object()


@dataclass
class Parameter:
    """One parameter of a notebook: from its ``parameters`` cell, with the spec's rule when declared."""

    name: str
    default: str  # the source text of the default, as written in the parameters cell
    help: str = ""
    rule: Any = None

    @property
    def value(self) -> Any:
        """The default as a Python value (``_MISSING`` when it is an expression, not a literal)."""
        try:
            return ast.literal_eval(self.default)
        except (ValueError, SyntaxError):
            return _MISSING

    @property
    def type(self) -> str:
        """A short type name: from the rule (Integer → int, ListOf → list, …), else from the default."""
        if isinstance(self.rule, rules.Integer):
            return "int"
        if isinstance(self.rule, rules.Number):
            return "float"
        if isinstance(self.rule, rules.ListOf):
            return "list"
        if isinstance(self.rule, rules.Text):
            return "str or None" if self.rule.optional else "str"
        if isinstance(self.rule, rules.Choice):
            kinds = sorted({type(option).__name__ for option in self.rule.options if option is not None})
            return " or ".join(kinds + (["None"] if None in self.rule.options else []))
        value = self.value
        return "?" if value is _MISSING else type(value).__name__

    @property
    def allowed(self) -> str:
        """Allowed values and meaning, from the spec (``describe()``), else the cell's comment."""
        if self.rule is not None:
            return self.rule.describe()
        return self.help


@dataclass
class Notebook:
    """An analysis notebook: stem, path, title and parameters."""

    stem: str
    path: Path
    title: str
    parameters: dict[str, Parameter]
    spec: Any = None
    code_cells: int = 0
    #: False for a notebook file given by path from outside the notebooks folder.
    in_project: bool = True
    #: A project notebook whose file is not valid JSON: the last good version it is read and run from
    #: (:mod:`transition.run.recover`) and a one-line note saying so; or, with none, why it cannot run.
    recovered_text: str | None = None
    note: str = ""
    problem: str = ""

    def defaults(self) -> dict[str, Any]:
        """Default values that are literals (every parameter, in practice)."""
        return {name: p.value for name, p in self.parameters.items() if p.value is not _MISSING}

    def accepts(self, key: str) -> bool:
        """Whether ``key`` is a parameter of this notebook (in its cell or its spec)."""
        return key in self.parameters or (self.spec is not None and key in self.spec.rules)

    def parameter(self, key: str) -> Parameter:
        """The parameter ``key``: from the cell, else one made from the spec's rule."""
        return self.parameters.get(key) or Parameter(key, "None", rule=self.spec.rules.get(key))


def cell_source(cell: dict) -> str:
    """A cell's source as one string (the JSON keeps it as a string or a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _title(cells: list[dict]) -> str:
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in cell_source(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def _segment(lines: list[str], node: ast.AST) -> str:
    """The source text of ``node`` (as ``ast.get_source_segment``, with the lines split once)."""
    rows = [line.encode("utf-8") for line in lines[node.lineno - 1:node.end_lineno]]
    if not rows:
        return ""
    if len(rows) == 1:
        return rows[0][node.col_offset:node.end_col_offset].decode("utf-8")
    rows[0], rows[-1] = rows[0][node.col_offset:], rows[-1][:node.end_col_offset]
    return b"".join(rows).decode("utf-8")


def parse_parameters_cell(source: str) -> list[tuple[str, str, str]]:
    r"""(name, default source text, trailing comment) of each assignment in a parameters cell.

    Python's own parser, so that defaults over several lines and comments with quotes (which
    papermill's line-by-line inspection gives up on) are read correctly.

    >>> parse_parameters_cell("base_year = 1989  # the essay's base\ncountries = ['RUS',\n  'UKR']  # list")
    [('base_year', '1989', "the essay's base"), ('countries', "['RUS',\n  'UKR']", 'list')]
    """
    tree = ast.parse(source)
    lines = io.StringIO(source, newline="").readlines()
    comments: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError):
        pass
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, value = node.target.id, node.value
        else:
            continue
        found.append((name, _segment(lines, value), comments.get(node.end_lineno, "")))
    return found


def read_cells(path: Path) -> list[dict]:
    """The cells of a notebook file, read as plain JSON; :class:`ParameterProblems` if unreadable."""
    try:
        content = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ParameterProblems([f"{path}: not a readable notebook ({type(error).__name__}: {error})"]) from None
    cells = content.get("cells") if isinstance(content, dict) else None
    if not isinstance(cells, list):
        raise ParameterProblems([f"{path}: not a notebook (no list of cells)"])
    return [cell for cell in cells if isinstance(cell, dict)]


def _recovered(path: Path, problem: ParameterProblems, layout: Layout) -> tuple[list[dict], str, str]:
    """The cells of the last good version of the damaged project notebook ``path``, its text and a
    note; a notebook with no such version is kept with its problem (refused if selected)."""
    found = recover.recovered_source(path, layout.runs)
    shown = layout.display(path)
    if found is None:
        raise ParameterProblems([f"{problem.lines[0]}; no stored execution or committed version to run it "
                                 f"from: restore {shown} from a backup"])
    text, where = found
    note = f"{shown} is not valid JSON: read and run from {where}; the default run puts it back in place"
    return [c for c in json.loads(text)["cells"] if isinstance(c, dict)], text, note


def read_notebook(path: Path, specs: dict | None = None, in_project: bool = True,
                  layout: Layout | None = None) -> Notebook:
    """Read one notebook's title and parameters (the ``parameters`` cell, joined with the spec).

    With ``layout`` (a project notebook), a file that is not valid JSON is read from its last good
    version (:mod:`transition.run.recover`), or kept with its ``problem`` when there is none."""
    path = Path(path)
    recovered, note = None, ""
    try:
        cells = read_cells(path)
    except ParameterProblems as problem:
        if layout is None:
            raise
        try:
            cells, recovered, note = _recovered(path, problem, layout)
        except ParameterProblems as refused:
            return Notebook(path.stem, path, "", {}, problem=refused.lines[0])
    spec = (all_specs() if specs is None else specs).get(path.stem)
    spec_rules = spec.rules if spec is not None else {}
    cell = next((c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    try:
        assignments = parse_parameters_cell(cell_source(cell)) if cell is not None else []
    except SyntaxError:
        assignments = []
    parameters = {name: Parameter(name, default, comment, spec_rules.get(name))
                  for name, default, comment in assignments}
    code_cells = sum(c.get("cell_type") == "code" for c in cells)
    return Notebook(path.stem, path, _title(cells), parameters, spec, code_cells, in_project,
                    recovered_text=recovered, note=note)


def discover(layout: Layout = Layout(), specs: dict | None = None) -> dict[str, Notebook]:
    """Every notebook ``NN_*.ipynb`` in ``layout.notebooks``, by stem, in order."""
    specs = all_specs() if specs is None else specs
    return {path.stem: read_notebook(path, specs, layout=layout)
            for path in sorted(Path(layout.notebooks).glob(NOTEBOOK_GLOB))}


def _is_path(name: str) -> bool:
    return name.endswith(".ipynb") or "/" in name


def _by_path(notebooks: dict[str, Notebook], name: str) -> tuple[Notebook | None, str | None]:
    """The notebook at path ``name``: the project's own when it is that file, else the file itself."""
    path = Path(name).expanduser()
    if not path.is_file():
        return None, f"{name}: no such notebook file"
    resolved = path.resolve()
    for nb in notebooks.values():
        if Path(nb.path).resolve() == resolved:
            return nb, None
    return read_notebook(path, in_project=False), None


def _by_name(notebooks: dict[str, Notebook], name: str) -> tuple[Notebook | None, str | None]:
    matches = [nb for key, nb in notebooks.items() if key == name or key.split("_", 1)[0] == name]
    if len(matches) == 1:
        return matches[0], None
    known = ", ".join(notebooks) or "none"
    return None, f"{name}: {'no such notebook' if not matches else 'ambiguous'}; notebooks: {known}"


def select(notebooks: dict[str, Notebook], names: list[str] | tuple[str, ...], runnable: bool = True
           ) -> list[Notebook]:
    """The notebooks named by stem, number prefix (``02``) or path; all of them when ``names`` is empty.

    A path names that file: the project's notebook when it is the same file, else the file itself
    (``in_project`` False), never the project's notebook of the same stem. With ``runnable``, a
    chosen notebook that cannot be read (nor recovered) is refused.
    """
    chosen, problems = ([], []) if names else (list(notebooks.values()), [])
    for name in names:
        nb, problem = _by_path(notebooks, name) if _is_path(name) else _by_name(notebooks, name)
        if problem:
            problems.append(problem)
        elif nb not in chosen:
            chosen.append(nb)
    if runnable:
        problems += [nb.problem for nb in chosen if nb.problem]
    if problems:
        raise ParameterProblems(problems)
    return chosen
