"""The book's figures: captions that say what each shows, numbers per chapter, prose that refers by label.

- :func:`caption`: the figure's caption from ``book/locale/captions.yml`` (by the name it is saved
  under, in the edition's language), else its section's heading.
- :func:`number_per_chapter` (Sphinx ``env-get-updated``): figure numbers restart in each chapter and
  carry its number, "Fig. 2.1" for the first figure of notebook 02 (the root page: 1, 2, …), in the
  captions and in every ``{numref}`` alike.
- :func:`refer_by_label`: a Markdown cell's "Figure 2" (or Russian "рисунке 2") becomes a ``{numref}``
  to the chapter's second figure, so the prose and the caption say the same number in both languages.
- Images open enlarged on a click (``_static/compendium.js``); a figure whose cell is tagged
  ``full-width`` (or listed in :data:`WIDE`) spans the page's margin too (sphinx-book-theme's class).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from transition.paths import PROJECT_ROOT

CAPTIONS_PATH = PROJECT_ROOT / "book" / "locale" / "captions.yml"
#: "Figure 2", "figure 2", and the Russian forms ("Рисунок 2", "рисунке 2", "рис. 2").
REFERENCE = re.compile(r"\b(Figure|figure|Fig\.|[Рр]исун[а-яё]*|[Рр]ис\.) (\d+)\b")
#: Multi-panel figures laid out over the full width of the page (text column and margin).
WIDE = {"01_reform_progress", "02_trough_by_source", "05_outcomes_vs_resources", "05_outcomes_vs_governance",
        "06_trade_structure_by_group", "07_bloc_timeline", "08_kazakhstan_partners", "09_curve_C2"}
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
