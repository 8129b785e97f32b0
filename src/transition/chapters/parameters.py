"""Notebook parameters: declared rules, checked before any computation.

Each analysis module declares its notebook's parameters once, as a :class:`ParameterSpec`; the
notebook's second cell calls ``SPEC.check(...)`` with the values of its ``parameters`` cell. Every
problem (unknown country, year outside the data, threshold off the scale, wrong type) becomes one
line of a single ``ValueError`` that names the allowed values. Every notebook's spec is declared in
:mod:`transition.chapters.specs` (a light module: the CLI lists them from there).

Examples
--------
>>> SPEC = ParameterSpec("99_example", {
...     "base_year": Integer(1989, 2000, "base year of the GDP index"),
...     "source": Choice(["wdi", "pwt"], "GDP source"),
... })
>>> SPEC.check(base_year=1989, source="wdi")
>>> SPEC.check(base_year=1850, source="imf")
Traceback (most recent call last):
...
ValueError: 2 parameter problems in 99_example:
  - base_year = 1850: must be an integer from 1989 to 2000 (base year of the GDP index)
  - source = 'imf': must be one of 'wdi', 'pwt' (GDP source)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from transition.data.vocabulary import parse_period


class Rule:
    """Base rule: ``problem`` returns a description of what is wrong, or None."""

    def __init__(self, help: str = "") -> None:
        self.help = help

    def problem(self, value: Any) -> str | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def allowed(self) -> str:
        """The allowed values, in words."""
        raise NotImplementedError  # pragma: no cover

    def describe(self) -> str:
        return self.allowed() + (f"; {self.help}" if self.help else "")

    def parse(self, text: str) -> Any:
        """Turn a command-line string into a typed value (years → int, lists → list)."""
        return text


#: A value shown in a problem's line is cut to this many characters.
SHOWN_CHARS = 80


def _shown(value: Any) -> str:
    """``repr(value)``, cut to :data:`SHOWN_CHARS` (a problem stays one readable line)."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS - 12]}… ({len(text):,} characters)"


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Integer(Rule):
    """An integer in [low, high] (years, lags, counts)."""

    def __init__(self, low: int, high: int, help: str = "") -> None:
        super().__init__(help)
        self.low, self.high = low, high

    def problem(self, value: Any) -> str | None:
        return None if _is_int(value) and self.low <= value <= self.high else f"must be an {self.allowed()}"

    def allowed(self) -> str:
        return f"integer from {self.low} to {self.high}"

    def parse(self, text: str) -> Any:
        return int(text)


class AsOfYear(Integer):
    """A year up to which the data are observed, or None for all of them (the latest data)."""

    def problem(self, value: Any) -> str | None:
        return None if value is None else super().problem(value)

    def allowed(self) -> str:
        return super().allowed() + " or None (all years)"

    def parse(self, text: str) -> Any:
        return None if text.strip().lower() in ("none", "latest", "") else int(text)


class Number(Rule):
    """A number in [low, high] (thresholds on a scale)."""

    def __init__(self, low: float, high: float, help: str = "") -> None:
        super().__init__(help)
        self.low, self.high = low, high

    def problem(self, value: Any) -> str | None:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and self.low <= value <= self.high
        return None if ok else f"must be a {self.allowed()}"

    def allowed(self) -> str:
        return f"number from {self.low:g} to {self.high:g}"

    def parse(self, text: str) -> Any:
        return float(text)


class Choice(Rule):
    """One value out of ``options``."""

    def __init__(self, options, help: str = "") -> None:
        super().__init__(help)
        self.options = tuple(options)

    def problem(self, value: Any) -> str | None:
        return None if value in self.options else f"must be {self.allowed()}"

    def allowed(self) -> str:
        return "one of " + ", ".join(repr(o) for o in self.options)


class ListOf(Rule):
    """A list whose every item is in ``options`` (e.g. ISO3 codes or group names)."""

    def __init__(self, options, help: str = "", allow_empty: bool = False) -> None:
        super().__init__(help)
        self.options, self.allow_empty = tuple(options), allow_empty

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, (list, tuple)):
            return f"must be a list; items: {', '.join(map(str, self.options))}"
        if not value and not self.allow_empty:
            return "must not be empty"
        unknown = [item for item in value if not _hashable(item) or item not in self.options]
        if unknown:
            return f"unknown {', '.join(map(repr, unknown))}; allowed: {', '.join(map(str, self.options))}"
        repeated = list(dict.fromkeys(item for i, item in enumerate(value) if item in value[:i]))
        if repeated:
            return f"{', '.join(map(repr, repeated))} given more than once; name each item once"
        return None

    def allowed(self) -> str:
        return "list of " + ", ".join(map(str, self.options))

    def parse(self, text: str) -> Any:
        """``RUS,UKR`` or ``[RUS, UKR]`` → ``['RUS', 'UKR']``; ``[]`` → ``[]``."""
        text = text.strip()
        if text.startswith("[") and text.endswith("]"):
            text = text[1:-1]
        return [item.strip().strip("'\"") for item in text.split(",") if item.strip()]


class Text(Rule):
    """Free text (e.g. an output folder); None allowed when ``optional``."""

    def __init__(self, help: str = "", optional: bool = True) -> None:
        super().__init__(help)
        self.optional = optional

    def problem(self, value: Any) -> str | None:
        if (value is None and self.optional) or isinstance(value, str):
            return None
        return f"must be {self.allowed()}"

    def allowed(self) -> str:
        return "text" + (" or None" if self.optional else "")


class YearList(Rule):
    """A strictly increasing list of integer years within [low, high]."""

    def __init__(self, low: int, high: int, help: str = "", min_length: int = 1) -> None:
        super().__init__(help)
        self.low, self.high, self.min_length = low, high, min_length

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return f"must be a {self.allowed()}"
        if len(value) < self.min_length:
            return f"must hold at least {self.min_length} years"
        outside = [v for v in value if not self.low <= v <= self.high]
        if outside:
            return f"years {outside} outside {self.low}-{self.high}"
        if any(b <= a for a, b in zip(value[:-1], value[1:])):
            return "years must be strictly increasing"
        return None

    def allowed(self) -> str:
        return f"list of increasing integer years from {self.low} to {self.high}"

    def parse(self, text: str) -> Any:
        return [int(item) for item in text.split(",") if item.strip()]


class Periods(Rule):
    """A non-empty list of periods 'YYYY-YYYY' with first <= last, both within [low, high]."""

    def __init__(self, low: int, high: int, help: str = "") -> None:
        super().__init__(help)
        self.low, self.high = low, high

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, (list, tuple)) or not value:
            return f"must be a non-empty {self.allowed()}"
        for item in value:
            try:
                first, last = parse_period(item)
            except ValueError:
                return f"{item!r} is not a period; must be a {self.allowed()}"
            if not (self.low <= first <= last <= self.high):
                return f"{item!r} is outside the data or reversed; must be a {self.allowed()}"
        return None

    def allowed(self) -> str:
        return f"list of periods 'YYYY-YYYY' (first <= last) within {self.low}-{self.high}"

    def parse(self, text: str) -> Any:
        return [item.strip() for item in text.split(",") if item.strip()]


@dataclass
class ParameterSpec:
    """The rules of one notebook's parameters, registered under the notebook's stem."""

    notebook: str
    rules: dict[str, Rule] = field(default_factory=dict)
    cross_checks: list = field(default_factory=list)

    def problems(self, **values: Any) -> list[str]:
        """Every problem with ``values``, one string each (empty when all is well)."""
        found = []
        for name in values:
            if name not in self.rules:
                found.append(f"{name}: unknown parameter; known: {', '.join(sorted(self.rules))}")
        for name, rule in self.rules.items():
            if name not in values:
                continue
            problem = rule.problem(values[name])
            if problem:
                suffix = f" ({rule.help})" if rule.help else ""
                found.append(f"{name} = {_shown(values[name])}: {problem}{suffix}")
        if not found:
            for check in self.cross_checks:
                problem = check(values)
                if problem:
                    found.append(problem)
        return found

    def check(self, **values: Any) -> None:
        """Raise one ValueError listing every problem; return None when the values are valid."""
        found = self.problems(**values)
        if found:
            noun = "problem" if len(found) == 1 else "problems"
            raise ValueError(f"{len(found)} parameter {noun} in {self.notebook}:\n"
                             + "\n".join(f"  - {line}" for line in found))
