"""Specifications as data: each claim's space of defensible choices, and one point in it.

A :class:`Space` lists a claim's choices (:class:`Dimension`: a name, its allowed values, the
default, and why each value is defensible); a :class:`Spec` is one combination, a small hashable
value with a stable hash (the key under which its result is stored). The verdict rules evaluate a
spec with the same analysis functions the notebooks call (:mod:`transition.claims.evaluate`).

Examples
--------
>>> space = Space("CX", (Dimension("source", ("wdi", "pwt"), "wdi"), Dimension("threshold", (80.0, 90.0), 90.0)))
>>> space.size, space.default().get("threshold")
(4, 90.0)
>>> len({spec.key for spec in space.specs()})
4
"""
from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass
from typing import Any, Iterator


class SpecOutsideSpace(ValueError):
    """A specification names a choice or a value its claim's space does not declare."""


@dataclass(frozen=True)
class Dimension:
    """One choice behind a verdict: its allowed values (in display order) and its default."""

    name: str
    values: tuple
    default: Any
    help: str = ""

    def __post_init__(self) -> None:
        if self.default not in self.values:
            raise ValueError(f"{self.name}: default {self.default!r} is not among its values {self.values!r}")


@dataclass(frozen=True)
class Spec:
    """One specification of a claim: (name, value) pairs in the space's order."""

    claim: str
    choices: tuple[tuple[str, Any], ...]

    def get(self, name: str) -> Any:
        for key, value in self.choices:
            if key == name:
                return value
        raise KeyError(f"{self.claim}: no choice {name!r} in this specification")

    def as_dict(self) -> dict[str, Any]:
        return dict(self.choices)

    @property
    def key(self) -> str:
        """A stable 16-hex-digit hash of the claim and its choices (the store's key)."""
        text = json.dumps([self.claim, sorted(self.choices, key=lambda pair: pair[0])], default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Space:
    """The declared choices of one claim."""

    claim: str
    dimensions: tuple[Dimension, ...]
    #: Combinations that are not defensible together: (reason, predicate on the choices' dict → True to drop).
    excluded: tuple = ()

    @property
    def size(self) -> int:
        return sum(1 for _ in self.specs())

    def default(self) -> Spec:
        return Spec(self.claim, tuple((d.name, d.default) for d in self.dimensions))

    def specs(self) -> Iterator[Spec]:
        """Every specification, in a fixed order (the default's values first in each dimension)."""
        names = [d.name for d in self.dimensions]
        ordered = [(d.default, *[v for v in d.values if v != d.default]) for d in self.dimensions]
        for values in itertools.product(*ordered):
            choices = dict(zip(names, values))
            if not any(drop(choices) for _reason, drop in self.excluded):
                yield Spec(self.claim, tuple(zip(names, values)))

    def spec(self, **choices: Any) -> Spec:
        """The default with some choices changed; refused when a name or value is not declared."""
        self.check(choices)
        values = {d.name: choices.get(d.name, d.default) for d in self.dimensions}
        return Spec(self.claim, tuple(values.items()))

    def check(self, choices: dict[str, Any]) -> None:
        known = {d.name: d for d in self.dimensions}
        problems = [f"{name}: not a choice of {self.claim}; choices: {', '.join(known)}"
                    for name in choices if name not in known]
        problems += [f"{name} = {value!r}: not in the declared values {known[name].values!r}"
                     for name, value in choices.items() if name in known and value not in known[name].values]
        full = {d.name: choices.get(d.name, d.default) for d in self.dimensions}
        problems += [f"excluded combination: {reason}" for reason, drop in self.excluded
                     if not problems and drop(full)]
        if problems:
            raise SpecOutsideSpace(f"specification outside the space of {self.claim}:\n"
                                   + "\n".join(f"  - {line}" for line in problems))

    def contains(self, spec: Spec) -> bool:
        try:
            self.check(spec.as_dict())
        except SpecOutsideSpace:
            return False
        return spec.claim == self.claim and [n for n, _ in spec.choices] == [d.name for d in self.dimensions]
