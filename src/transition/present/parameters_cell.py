"""A notebook's ``parameters`` cell: the names, the default texts, the defaults as values (light).

Read straight from the notebook's JSON with the standard library, both by the runner
(:mod:`transition.run.discovery`: ``transition list``, the cache key) and, inside the kernel, by the
notebook's own parameter check (:meth:`transition.chapters.parameters.ParameterSpec.check`), which
tells a run with other than the default parameters from the default run. A default is a Python
literal (``1989``, ``["RUS", "UKR"]``, ``None``) or a short expression over the light vocabulary
(``list(FORMER_USSR)``), evaluated with :mod:`transition.data.vocabulary`'s names and no builtins but
``list``, ``tuple``, ``sorted`` and ``dict``.
"""
from __future__ import annotations

import ast
import io
import json
import tokenize
from pathlib import Path
from typing import Any

#: A default that is neither a literal nor an expression over the vocabulary.
MISSING = object()
_SAFE_BUILTINS = {"list": list, "tuple": tuple, "sorted": sorted, "dict": dict}


def cell_source(cell: dict) -> str:
    """A cell's source as one string (the JSON keeps it as a string or a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


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


def default_value(text: str) -> Any:
    """The value of a default's source text: a literal, or an expression over the vocabulary's names;
    :data:`MISSING` when it is neither.

    >>> default_value("[1989, 1990]"), default_value("list(CIS12)")[:2], default_value("open('x')") is MISSING
    ([1989, 1990], ['ARM', 'AZE'], True)
    """
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        pass
    from transition.data import vocabulary  # light: the standard library only

    names = {k: v for k, v in vars(vocabulary).items() if not k.startswith("_")}
    try:
        return eval(compile(text, "<default>", "eval"), {"__builtins__": _SAFE_BUILTINS}, names)  # noqa: S307
    except Exception:
        return MISSING


def parameters_cell(cells: list[dict]) -> dict | None:
    """The cell tagged ``parameters`` (papermill's tag), or None."""
    return next((c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)


def notebook_defaults(path: Path) -> dict[str, Any] | None:
    """Name → default value of the notebook at ``path`` (only the defaults that have a value); None when
    the file or its parameters cell cannot be read."""
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
        cell = parameters_cell([c for c in cells if isinstance(c, dict)])
        assignments = parse_parameters_cell(cell_source(cell)) if cell is not None else None
    except (OSError, ValueError, SyntaxError, AttributeError):
        return None
    if assignments is None:
        return None
    values = {name: default_value(text) for name, text, _ in assignments}
    return {name: value for name, value in values.items() if value is not MISSING}
