"""The book's figures: captions that say what each shows, numbers per chapter, prose that refers by label.

- :func:`caption`: the figure's caption from ``book/locale/captions.yml`` (by the name it is saved
  under, in the edition's language), else its section's heading.
- :func:`number_per_chapter` (Sphinx ``env-get-updated``): figure numbers restart in each chapter and
  carry its number, "Fig. 2.1" for the first figure of notebook 02 (the root page: 1, 2, …), in the
  captions and in every ``{numref}`` alike.
- :func:`refer_by_label`: a Markdown cell's "Figure 2" (or Russian "рисунке 2") becomes a ``{numref}``
  to the chapter's second figure, so the prose and the caption say the same number in both languages.
- :func:`layout`: a figure wider than the text column spans the page's margin too
  (sphinx-book-theme's ``full-width``), and one so wide that its labels would shrink below
  :data:`MIN_LABEL_PX` keeps the scale that holds them and scrolls sideways. Images open enlarged on
  a click (``_static/compendium.js``).

The measure: the inline images are drawn at 100 dpi, so a label of ``p`` points is ``p × 100/72``
pixels at full size; at 1280 px the text column is :data:`COLUMN_PX` wide and the full width
:data:`FULL_PX`. The smallest labels the figures draw are ``present.style.MIN_FONT_SIZE`` (8 pt).
"""
from __future__ import annotations

import base64
import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from transition.paths import PROJECT_ROOT
from transition.present.style import MIN_FONT_SIZE

CAPTIONS_PATH = PROJECT_ROOT / "book" / "locale" / "captions.yml"
#: "Figure 2", "figure 2", and the Russian forms ("Рисунок 2", "рисунке 2", "рис. 2").
REFERENCE = re.compile(r"\b(Figure|figure|Fig\.|[Рр]исун[а-яё]*|[Рр]ис\.) (\d+)\b")
#: At a 1280-px window: the text column's width, and the width a full-width figure gets (px, measured).
COLUMN_PX, FULL_PX = 660, 900
#: The smallest label the figures draw (points) and the smallest size it may be shown at (px).
SMALLEST_LABEL_PT, MIN_LABEL_PX, INLINE_DPI = float(MIN_FONT_SIZE), 9.0, 100
MIN_SCALE = MIN_LABEL_PX / (SMALLEST_LABEL_PT * INLINE_DPI / 72)


@dataclass(frozen=True)
class Layout:
    wide: bool  # spans the page's margin too
    width: int | None  # a width in px to keep (the figure then scrolls sideways), or None: as wide as it can


def png_width(data: str) -> int:
    """The width in pixels of a base64 PNG (from its header)."""
    head = base64.b64decode(data[:64] if isinstance(data, str) else "".join(data)[:64])
    return struct.unpack(">I", head[16:20])[0] if head[:8] == b"\x89PNG\r\n\x1a\n" else 0


def layout(data) -> Layout:
    """How the book lays out a figure of this PNG so that its labels stay ≥ :data:`MIN_LABEL_PX`."""
    width = png_width(data if isinstance(data, str) else "".join(data))
    if width * MIN_SCALE <= COLUMN_PX:
        return Layout(False, None)
    return Layout(True, round(width * MIN_SCALE) if width * MIN_SCALE > FULL_PX else None)
CHAPTER = re.compile(r"^(\d\d)_")


@lru_cache(maxsize=4)
def _captions(path: str) -> dict:
    file = Path(path)
    return (yaml.safe_load(file.read_text(encoding="utf-8")) or {}) if file.exists() else {}


def captions(path: Path = CAPTIONS_PATH) -> dict[str, dict[str, str]]:
    """Figure name → {language: caption}."""
    return _captions(str(path))


def caption(name: str | None, lang: str, fallback: str | None) -> str | None:
    """The caption of the figure saved as ``name`` in ``lang``, else ``fallback`` (its section's heading)."""
    entry = captions().get(name or "", {})
    return entry.get(lang) or fallback


def refer_by_label(text: str, labels: list[str]) -> str:
    """``text`` with "Figure N" → ``{numref}`Figure %s <label of the N-th figure>```` (N within the chapter)."""
    def reference(match: re.Match) -> str:
        number = int(match.group(2))
        if not 1 <= number <= len(labels):
            return match.group(0)
        return f"{{numref}}`{match.group(1)} %s <{labels[number - 1]}>`"
    return REFERENCE.sub(reference, text)


def chapter_number(docname: str) -> int | None:
    """The chapter of a document: 2 for ``02_output_paths``; None for the root page and the other pages."""
    match = CHAPTER.match(docname)
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def number_per_chapter(app, env) -> list[str]:
    """Renumber every document's figures from 1, prefixed with its chapter number (Sphinx event)."""
    for docname, kinds in env.toc_fignumbers.items():
        chapter = chapter_number(docname)
        for kind, numbers in kinds.items():
            ordered = sorted(numbers, key=lambda key: numbers[key])
            kinds[kind] = {key: ((chapter, i) if chapter is not None else (i,)) for i, key in enumerate(ordered, 1)}
    return []
