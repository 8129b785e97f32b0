"""Typed parameters from ``-p key=value``, a YAML file and ``--grid``, checked against the specs before anything runs.

:func:`resolve` turns ``-p key=value`` strings and a YAML file into typed values (the spec rule's
``parse``: years → int, lists → list; YAML as the fallback) and checks every requested notebook with
its spec: one line per problem, raised as :class:`~transition.run.problems.ParameterProblems`.
:func:`parse_grid` and :func:`grid_combinations` do the same for a sweep. Light: no pandas.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import yaml

from transition.run.discovery import RESERVED, Notebook
from transition.run.problems import ParameterProblems

NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
#: A run name is one folder name, with room for the sweeps' variant folders inside it.
MAX_NAME_CHARS = 100
#: A value on the command line is a year, a number, a few codes or a path: longer ones, and lists
#: nested deeper than this, are refused unread (Python's parsers would fail on them with a bug's error).
MAX_VALUE_CHARS = 4096
MAX_VALUE_DEPTH = 4
#: A parameters file is a few lines of YAML; anything larger is refused unread.
MAX_PARAMETER_FILE_BYTES = 64 * 1024
_NOTEBOOK_KEY = re.compile(r"^\d\d(_|$)")


def parse_value(text: str, rule=None) -> Any:
    """Turn ``text`` into a value ``rule`` accepts: the rule's own ``parse`` first, then YAML.

    Examples
    --------
    >>> from transition.chapters.parameters import Integer, ListOf
    >>> parse_value("1990", Integer(1989, 2000))
    1990
    >>> parse_value("RUS, UKR", ListOf(["RUS", "UKR", "POL"]))
    ['RUS', 'UKR']
    >>> parse_value("[RUS, UKR]", ListOf(["RUS", "UKR", "POL"]))
    ['RUS', 'UKR']
    >>> parse_value("0.5")
    0.5
    """
    problem = value_problem(text)
    if problem:
        raise ParameterProblems([problem])
    candidates = []
    if text in ("None", "null", "~"):
        candidates.append(None)
    if rule is not None:
        try:
            candidates.append(rule.parse(text))
        except (ValueError, TypeError):
            pass
    try:
        candidates.append(yaml.safe_load(text))
    except (yaml.YAMLError, ValueError, RecursionError):
        pass
    candidates.append(text)
    if rule is None:
        return candidates[0]
    for candidate in candidates:
        if rule.problem(candidate) is None:
            return candidate
    return candidates[0]


def nesting_depth(text: str) -> int:
    """How deep the brackets of ``text`` nest.

    >>> nesting_depth("[[RUS], [UKR]]")
    2
    """
    depth = deepest = 0
    for char in text:
        if char in "[({":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "])}":
            depth -= 1
    return deepest


def value_problem(text: str) -> str | None:
    """Why the command-line value ``text`` is refused unread (too long, too deeply nested), or None."""
    if len(text) > MAX_VALUE_CHARS:
        return f"a value of {len(text):,} characters ({text[:20]}…): at most {MAX_VALUE_CHARS:,}"
    depth = nesting_depth(text)
    if depth > MAX_VALUE_DEPTH:
        return f"a value nested {depth:,} brackets deep ({text[:20]}…): at most {MAX_VALUE_DEPTH}"
    return None


def split_grid_values(text: str) -> list[str]:
    """Split ``v1,v2,[a,b]`` at top-level commas (a bracketed list stays one value).

    >>> split_grid_values("1989,1990")
    ['1989', '1990']
    >>> split_grid_values("[RUS,UKR],[POL]")
    ['[RUS,UKR]', '[POL]']
    """
    values, depth, current = [], 0, ""
    for char in text:
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "," and depth == 0:
            values.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        values.append(current.strip())
    return values


def parse_assignment(text: str) -> tuple[str | None, str, str]:
    """``key=value`` → (None, key, value); ``NN.key=value`` or ``stem.key=value`` → (NN or stem, key, value)."""
    if "=" not in text:
        raise ParameterProblems([f"{text}: expected key=value"])
    key, value = text.split("=", 1)
    key = key.strip()
    target = None
    if "." in key:
        target, key = key.split(".", 1)
    if not key:
        raise ParameterProblems([f"{text}: expected key=value"])
    return target, key, value.strip()


def check_name(name: str) -> None:
    """A run name is one folder name: letters, digits, ``.``, ``_``, ``-`` (not starting with a dot)."""
    if len(name) > MAX_NAME_CHARS:
        raise ParameterProblems([f"--name {name[:20]}… ({len(name)} characters): at most {MAX_NAME_CHARS}"])
    if not NAME_PATTERN.fullmatch(name):
        raise ParameterProblems([f"--name {name!r}: use letters, digits, '.', '_' and '-' "
                                 "(starting with a letter or digit)"])


def _read_yaml(path: Path) -> Any:
    """The YAML in ``path``, read safely; one-line problems for a large, non-UTF-8 or broken file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PARAMETER_FILE_BYTES:
            raise ParameterProblems([f"{path}: larger than {MAX_PARAMETER_FILE_BYTES // 1024} KiB; "
                                     "a parameters file holds a few KEY: VALUE lines"])
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParameterProblems([f"{path}: not UTF-8 text (byte {error.start})"]) from None
    except OSError as error:
        raise ParameterProblems([f"{path}: cannot read ({error.strerror or error})"]) from None
    depth = nesting_depth(text)
    if depth > MAX_VALUE_DEPTH + 2:  # a mapping of notebooks to mappings of values: two more levels
        raise ParameterProblems([f"{path}: values nested {depth:,} brackets deep: at most {MAX_VALUE_DEPTH}"])
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=yaml.SafeLoader)):
            raise ParameterProblems([f"{path}: YAML aliases (*name) are not allowed in a parameters file"])
        return yaml.safe_load(text)
    except (ValueError, RecursionError) as error:  # e.g. an integer of more than 4,300 digits; block nesting
        raise ParameterProblems([f"{path}: a value YAML cannot read ({type(error).__name__}: "
                                 f"{str(error).splitlines()[0][:80]})"]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ParameterProblems([f"{path}: not valid YAML{where}: {problem}"]) from None


def load_parameter_file(path: Path) -> dict[str | None, dict[str, Any]]:
    """A YAML file of parameters: ``key: value`` for every notebook that has the parameter, and/or
    ``<stem or NN>: {key: value}`` for one notebook. Returns target → {key: value} (None = all).

    A notebook number that YAML reads as an integer (``02:`` is 2) still names notebook ``02``.
    """
    content = _read_yaml(path) or {}
    if not isinstance(content, dict):
        raise ParameterProblems([f"{path}: expected a mapping of parameter names to values"])
    grouped: dict[str | None, dict[str, Any]] = {None: {}}
    for key, value in content.items():
        if isinstance(value, dict) and isinstance(key, int) and not isinstance(key, bool) and 0 <= key < 100:
            key = f"{key:02d}"
        key = str(key)
        if isinstance(value, dict) and _NOTEBOOK_KEY.match(key):
            grouped.setdefault(key, {}).update({str(k): v for k, v in value.items()})
        else:
            grouped[None][key] = value
    return grouped


def _targets(target: str | None, notebooks: list[Notebook]) -> list[Notebook]:
    if target is None:
        return notebooks
    return [nb for nb in notebooks if nb.stem == target or nb.stem.split("_", 1)[0] == target]


def _requests(assignments, parameter_file: Path | None) -> list[tuple[str | None, str, Any, bool]]:
    """(target, key, value, is_text) of every requested value: the file's first, then ``-p``."""
    raw: list[tuple[str | None, str, Any, bool]] = []
    if parameter_file is not None:
        for target, values in load_parameter_file(parameter_file).items():
            raw += [(target, key, value, False) for key, value in values.items()]
    for text in assignments:
        target, key, value = parse_assignment(text)
        raw.append((target, key, value, True))
    return raw


def resolve(notebooks: list[Notebook], assignments=(), parameter_file: Path | None = None
            ) -> dict[str, dict[str, Any]]:
    """Typed parameter overrides for each notebook, all checked before anything runs.

    ``assignments`` are ``key=value`` strings (``-p``); a key applies to every selected notebook that
    has that parameter, ``NN.key=value`` to one notebook. Values from ``parameter_file`` (YAML) come
    first and ``-p`` wins. Raises :class:`ParameterProblems` with one line per problem: unknown
    notebooks or parameters, reserved names, values the notebook's spec rejects (its cross-checks
    included, with the defaults filled in).
    """
    problems: list[str] = []
    overrides: dict[str, dict[str, Any]] = {nb.stem: {} for nb in notebooks}
    for target, key, value, is_text in _requests(assignments, parameter_file):
        shown = f"{target}.{key}" if target else key
        if key in RESERVED:
            problems.append(f"{shown}: set by the runner; give the run a --name instead")
            continue
        targets = _targets(target, notebooks)
        if target is not None and not targets:
            problems.append(f"{shown}: no selected notebook {target!r}; selected: "
                            + ", ".join(nb.stem for nb in notebooks))
            continue
        having = [nb for nb in targets if nb.accepts(key)]
        if not having:
            known = sorted({name for nb in targets for name in nb.parameters if name not in RESERVED})
            where = targets[0].stem if len(targets) == 1 else "the selected notebooks"
            problems.append(f"{shown}: unknown parameter of {where}; known: {', '.join(known) or 'none'}")
            continue
        if is_text and value_problem(value):
            problems.append(f"{shown}: {value_problem(value)}")
            continue
        for nb in having:
            overrides[nb.stem][key] = parse_value(value, nb.parameter(key).rule) if is_text else value
    for nb in notebooks:
        problems += [f"{nb.stem}: {line}" for line in check(nb, overrides[nb.stem])]
    if problems:
        raise ParameterProblems(problems)
    return overrides


def check(notebook: Notebook, overrides: dict[str, Any], output_dir: str | None = None) -> list[str]:
    """The spec's problems with the defaults overlaid by ``overrides`` (empty when all is well)."""
    if notebook.spec is None:
        return []
    values = {**notebook.defaults(), **overrides}
    values = {key: value for key, value in values.items() if key in notebook.spec.rules or key in overrides}
    if "output_dir" in notebook.spec.rules:
        values["output_dir"] = output_dir
    try:
        return notebook.spec.problems(**values)
    except Exception:  # a cross-check that needs a default we could not evaluate
        return notebook.spec.problems(**overrides)


# --------------------------------------------------------------------------------------------
# Sweep grids


def _slug(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = "+".join(map(str, value))
    text = re.sub(r"[^A-Za-z0-9.+-]+", "-", str(value)).strip("-")
    return text or "none"


def variant_name(values: dict[str, Any]) -> str:
    """A folder name for one grid point: ``base_year=1990,source=pwt`` → ``base_year-1990__source-pwt``.

    >>> variant_name({"base_year": 1990, "countries": ["RUS", "UKR"]})
    'base_year-1990__countries-RUS+UKR'
    """
    return "__".join(f"{key}-{_slug(value)}" for key, value in values.items())


def parse_grid(notebook: Notebook, grid: list[str]) -> dict[str, list[Any]]:
    """``key=v1,v2`` strings → key → typed values; every value checked against the spec first."""
    parsed: dict[str, list[Any]] = {}
    problems = []
    for text in grid:
        _, key, values = parse_assignment(text)
        if key in RESERVED:
            problems.append(f"--grid {key}: set by the runner")
            continue
        if not notebook.accepts(key):
            known = ", ".join(k for k in notebook.parameters if k not in RESERVED)
            problems.append(f"--grid {key}: unknown parameter of {notebook.stem}; known: {known}")
            continue
        if value_problem(values):
            problems.append(f"--grid {key}: {value_problem(values)}")
            continue
        items = split_grid_values(values)
        if not items:
            problems.append(f"--grid {key}: no values")
            continue
        parsed[key] = [parse_value(item, notebook.parameter(key).rule) for item in items]
    if problems:
        raise ParameterProblems(problems)
    return parsed


def grid_combinations(notebook: Notebook, grid: dict[str, list[Any]], fixed: dict[str, Any] | None = None
                      ) -> list[dict[str, Any]]:
    """Every point of ``grid`` (in order), each checked with the notebook's spec over ``fixed``."""
    fixed = fixed or {}
    keys = list(grid)
    combos = [dict(zip(keys, values)) for values in itertools.product(*(grid[key] for key in keys))]
    problems = []
    for combo in combos:
        problems += [f"{variant_name(combo)}: {line}" for line in check(notebook, {**fixed, **combo})]
    if problems:
        raise ParameterProblems(problems)
    return combos
