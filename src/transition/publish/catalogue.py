"""The Russian text of the notebooks' Markdown cells: YAML catalogues keyed by the hash of each English cell.

``book/locale/<lang>/<notebook>.yml`` holds one entry per Markdown cell: the sha256 of its English
source, the English text (for reference) and its translation. A changed English cell shows up as
*missing* (no entry for its new hash) and its old entry as *stale* (:func:`catalogue_status`);
:func:`update_catalogue` adds stubs and keeps old translations to reuse. ``headings.yml`` translates
the headings of a cell that has no translation of its own (:func:`translate_headings`), so the table
of contents, the section titles and the figure captions are translated before the prose is.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT

BOOK_DIR = PROJECT_ROOT / "book"
LOCALE_DIR = BOOK_DIR / "locale"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
HEADINGS_FILE = "headings.yml"
HEADING = re.compile(r"^(#{1,6}\s+)(\d+(?:\.\d+)*\s+)?(.*?)\s*$")



def cell_text(cell: dict) -> str:
    """A cell's source as one string (notebook JSON stores it as a string or a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def cell_hash(text: str) -> str:
    """The key of a Markdown cell in a catalogue: sha256 of its English source (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def catalogue_path(stem: str, lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return Path(locale_dir) / lang / f"{stem}.yml"


def load_catalogue(stem: str, lang: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str]:
    """``{sha256 of English source: translation}`` of one notebook ({} without a catalogue)."""
    path = catalogue_path(stem, lang, locale_dir)
    if not path.exists():
        return {}
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("cells") or []
    return {entry["sha256"]: entry[lang] for entry in entries if entry.get(lang)}


@dataclass
class CatalogueStatus:
    """Markdown cells of one notebook without a translation, and translations of no current cell."""
    stem: str
    cells: int = 0
    missing: list[str] = field(default_factory=list)  # first line of each untranslated cell
    stale: list[str] = field(default_factory=list)  # sha256 of each entry no cell has any more

    @property
    def translated(self) -> int:
        return self.cells - len(self.missing)


def catalogue_status(notebooks_dir: Path | str = NOTEBOOKS_DIR, lang: str = "ru",
                     locale_dir: Path = LOCALE_DIR) -> list[CatalogueStatus]:
    """For each notebook: its Markdown cells that lack a translation and its catalogue's stale entries."""
    statuses = []
    for path in sorted(Path(notebooks_dir).glob(NOTEBOOK_GLOB)):
        cells = [cell_text(c) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                 if c["cell_type"] == "markdown"]
        catalogue = load_catalogue(path.stem, lang, locale_dir)
        hashes = {cell_hash(text) for text in cells}
        status = CatalogueStatus(path.stem, len(cells))
        status.missing = [text.splitlines()[0] if text else "" for text in cells if cell_hash(text) not in catalogue]
        status.stale = sorted(key for key in catalogue if key not in hashes)
        statuses.append(status)
    return statuses


def load_headings(lang: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str]:
    """The shared catalogue of headings, ``{English heading: translation}`` (section numbers left out).

    It translates the headings of a cell that has no translation of its own, so the table of
    contents, the section titles and the figure captions are translated before the prose is.
    """
    path = Path(locale_dir) / lang / HEADINGS_FILE
    if not path.exists():
        return {}
    return {k: v for k, v in ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("headings") or {}).items() if v}


def heading_texts(text: str) -> list[str]:
    """The headings of a Markdown text, without the #s and the section number."""
    return [m.group(3) for m in map(HEADING.match, text.splitlines()) if m]


def translate_headings(text: str, headings: dict[str, str]) -> str:
    """``text`` with each heading the catalogue ``headings`` has replaced by its translation."""
    def line(source: str) -> str:
        match = HEADING.match(source)
        if not match or match.group(3) not in headings:
            return source
        return f"{match.group(1)}{match.group(2) or ''}{headings[match.group(3)]}"
    return "\n".join(line(source) for source in text.split("\n"))


def headings_status(notebooks_dir: Path | str = NOTEBOOKS_DIR, lang: str = "ru",
                    locale_dir: Path = LOCALE_DIR) -> tuple[list[str], list[str]]:
    """Headings with no translation (in cells with no translation of their own), and unused entries."""
    wanted, used = [], set()
    for path in sorted(Path(notebooks_dir).glob(NOTEBOOK_GLOB)):
        catalogue = load_catalogue(path.stem, lang, locale_dir)
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = cell_text(cell)
            if cell["cell_type"] == "markdown":
                used.update(heading_texts(text))
                if cell_hash(text) not in catalogue:
                    wanted += [h for h in heading_texts(text) if h not in wanted]
    headings = load_headings(lang, locale_dir)
    return [h for h in wanted if h not in headings], sorted(set(headings) - used)


class _LiteralDumper(yaml.SafeDumper):
    """YAML with multi-line strings as literal blocks (readable, diff-friendly catalogues)."""


_LiteralDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text,
                                                      style="|" if "\n" in text else None))


def update_catalogue(notebook: Path | str, lang: str = "ru", locale_dir: Path = LOCALE_DIR) -> Path:
    """Add an entry (English source, empty translation) for each Markdown cell the catalogue lacks.

    Existing translations are kept, stale ones too (marked ``stale: true``) so that a translator
    can reuse them; the entries follow the notebook's order, stale ones last.
    """
    notebook = Path(notebook)
    path = catalogue_path(notebook.stem, lang, locale_dir)
    old = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("cells", []) if path.exists() else []
    by_hash = {entry["sha256"]: entry for entry in old}
    cells = [cell_text(c) for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
             if c["cell_type"] == "markdown"]
    entries = []
    for text in cells:
        key = cell_hash(text)
        entry = by_hash.pop(key, None) or {"sha256": key, "en": text, lang: ""}
        entry.pop("stale", None)
        entries.append(entry)
    entries += [{**entry, "stale": True} for entry in by_hash.values()]
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# {notebook.stem}: {lang} translation of each Markdown cell, keyed by the sha256 of its\n"
              "# English source (`en`, for reference). Regenerate with transition.publish.catalogue.update_catalogue.\n")
    body = yaml.dump({"notebook": notebook.stem, "cells": entries}, Dumper=_LiteralDumper,
                     allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")
    return path


