"""Small helpers for readable charts: point labels that do not overlap, log axes with plain numbers.

:func:`place_labels` is a deterministic label placer (no randomness, no extra package): each label
tries a fixed list of offsets around its point, in order, and takes the first whose box overlaps no
label placed before it and no other point; when none is free it takes the one overlapping least.
Points are labelled from the most crowded outwards, so the crowded ones get the first choice.
"""
from __future__ import annotations

import numpy as np
from matplotlib.ticker import FuncFormatter, NullFormatter

#: Offsets tried around each point, in points (x, y), with the text's alignment.
OFFSETS = [(3, 2, "left", "bottom"), (3, -2, "left", "top"), (-3, 2, "right", "bottom"),
           (-3, -2, "right", "top"), (0, 6, "center", "bottom"), (0, -6, "center", "top"),
           (8, 0, "left", "center"), (-8, 0, "right", "center"), (6, 10, "left", "bottom"),
           (-6, 10, "right", "bottom"), (6, -10, "left", "top"), (-6, -10, "right", "top")]


def _box(x, y, dx, dy, ha, va, width, height):
    left = x + dx - (width if ha == "right" else width / 2 if ha == "center" else 0)
    bottom = y + dy - (height if va == "top" else height / 2 if va == "center" else 0)
    return left, bottom, left + width, bottom + height


def _overlap(a, b) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def place_labels(ax, xs, ys, texts, fontsize: float = 7.0, **kwargs) -> list:
    """Annotate each point (``xs``, ``ys`` in data units) with its text, avoiding overlaps."""
    xs, ys, texts = list(xs), list(ys), [str(t) for t in texts]
    if not texts:
        return []
    ax.get_xlim(), ax.get_ylim()  # make matplotlib settle the limits before positions are read
    scale = ax.figure.dpi / 72  # points → pixels
    points = ax.transData.transform(np.column_stack([xs, ys]))
    crowd = [sum(np.hypot(*(p - q)) < 30 * scale for q in points) for p in points]
    order = sorted(range(len(texts)), key=lambda i: (-crowd[i], i))
    marker = 3 * scale
    taken = [(px - marker, py - marker, px + marker, py + marker) for px, py in points]
    annotations = [None] * len(texts)
    for i in order:
        width, height = 0.62 * fontsize * len(texts[i]) * scale, 1.05 * fontsize * scale
        best, best_cost = None, None
        for dx, dy, ha, va in OFFSETS:
            box = _box(*points[i], dx * scale, dy * scale, ha, va, width, height)
            cost = sum(_overlap(box, other) for j, other in enumerate(taken) if j != i)
            if best_cost is None or cost < best_cost:
                best, best_cost = (dx, dy, ha, va, box), cost
            if cost == 0:
                break
        dx, dy, ha, va, box = best
        taken.append(box)
        annotations[i] = ax.annotate(texts[i], (xs[i], ys[i]), xytext=(dx, dy), textcoords="offset points",
                                     ha=ha, va=va, fontsize=fontsize, **kwargs)
    return annotations


def plain_number(value, _position=None) -> str:
    """A tick label without scientific notation: 1, 10, 100, 1000, 0.5."""
    return f"{value:,.10g}".replace(",", " ") if value >= 1 else f"{value:.10g}"


def plain_log_axis(axis) -> None:
    """Plain numbers (10, 100, 1000) instead of 10^1, 10^2 … on a log-scaled axis; no minor labels."""
    axis.set_major_formatter(FuncFormatter(plain_number))
    axis.set_minor_formatter(NullFormatter())
