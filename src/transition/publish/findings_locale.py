"""The Russian text of the notebooks' computed Markdown (Findings, the ledger's evidence, the colophon).

The chapters write their findings in English with the run's numbers in them. The book translates
them paragraph by paragraph: a paragraph's *template* is its text with every number replaced by
``{0}``, ``{1}`` … in order and its line breaks by spaces; ``book/locale/<lang>/findings.yml`` maps
templates to translated templates, which get the run's numbers back. A paragraph whose template has
no entry stays in English and is listed by :func:`untranslated` (``python -m transition.publish.book
status`` prints the count), so a changed sentence in a chapter shows up as text to translate.

Examples
--------
>>> template("Russia ranked first in 9 of\\n12 years.")
('Russia ranked first in {0} of {1} years.', ['9', '12'])
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from transition.present.labels import _NUMBER

FINDINGS_FILE = "findings.yml"
#: What a template leaves out: a code span, or a number (as the label catalogue's templates do).
VALUE = re.compile(r"`[^`\n]*`|" + _NUMBER.pattern)


def template(paragraph: str) -> tuple[str, list[str]]:
    """(template, values) of one paragraph: numbers and code spans (a commit, a file name) → {0}, {1} …,
    line breaks → spaces."""
    text = re.sub(r"\s*\n\s*", " ", paragraph.strip()).replace("{", "{{").replace("}", "}}")
    values: list[str] = []

    def keep(match: re.Match) -> str:
        values.append(match.group(0).replace("{{", "{").replace("}}", "}"))
        return "{" + str(len(values) - 1) + "}"
    return VALUE.sub(keep, text), values


def load(lang: str, locale_dir: Path) -> dict[str, str]:
    """Template → translated template, from ``<locale_dir>/<lang>/findings.yml`` (empty if none)."""
    path = Path(locale_dir) / lang / FINDINGS_FILE
    if not path.exists():
        return {}
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("paragraphs", [])
    return {entry["en"]: entry["ru"] for entry in entries if entry.get("ru")}


def units(text: str) -> list[list[str]]:
    """The pieces translated whole: prose paragraphs; each line of a list or a table."""
    pieces = []
    for paragraph in re.split(r"\n\s*\n", text):
        items: list[str] = []
        for line in paragraph.split("\n"):
            if not items or line.lstrip().startswith(("- ", "|", "* ")) or items[-1].lstrip().startswith("|"):
                items.append(line)
            else:  # a list item's continuation line
                items[-1] += "\n" + line
        listed = any(item.lstrip().startswith(("- ", "|", "* ")) for item in items)
        pieces.append(items if listed else [paragraph])
    return pieces


def translate_text(text: str, catalogue: dict[str, str]) -> str:
    """``text`` with every piece (:func:`units`) that has a catalogue entry translated (numbers kept)."""
    out = []
    for paragraph in units(text):
        done = []
        for piece in paragraph:
            keyed, numbers = template(piece)
            translated = catalogue.get(keyed) if piece.strip() else None
            done.append(translated.format(*numbers) if translated else piece)
        out.append("\n".join(done))
    return "\n\n".join(out)


def _markdown_outputs(nb: dict):
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if "text/markdown" in output.get("data", {}):
                yield output


def translate_outputs(nb: dict, catalogue: dict[str, str]) -> None:
    """Translate the Markdown outputs of ``nb`` in place (the plain-text twin too)."""
    for output in _markdown_outputs(nb):
        source = output["data"]["text/markdown"]
        text = translate_text(source if isinstance(source, str) else "".join(source), catalogue)
        output["data"]["text/markdown"] = text
        if "text/plain" in output["data"]:
            output["data"]["text/plain"] = text


def untranslated(nb: dict, catalogue: dict[str, str]) -> list[str]:
    """The templates of the paragraphs of ``nb``'s Markdown outputs that have no entry."""
    missing = []
    for output in _markdown_outputs(nb):
        source = output["data"]["text/markdown"]
        for paragraph in units(source if isinstance(source, str) else "".join(source)):
            for piece in paragraph:
                keyed, _ = template(piece)
                if re.search(r"[A-Za-z]{3}", keyed) and keyed not in catalogue and keyed not in missing:
                    missing.append(keyed)
    return missing


def status(notebooks_dir: Path, lang: str, locale_dir: Path) -> dict[str, list[str]]:
    """Notebook stem → the templates of its computed paragraphs without a translation."""
    catalogue = load(lang, locale_dir)
    return {path.stem: untranslated(json.loads(path.read_text(encoding="utf-8")), catalogue)
            for path in sorted(Path(notebooks_dir).glob("[0-9][0-9]_*.ipynb"))}
