"""Bilingual labels: one catalogue of English → Russian texts for figures, table headers and the ledger.

Notebooks keep writing English; the ``lang`` parameter (``"en"`` or ``"ru"``) decides what the
reader sees. :func:`translate` looks a text up in :data:`CATALOGUE`, first as it is, then as a
template with every number replaced by ``{0}``, ``{1}`` … in order (so "Real GDP index, 1989 = 100"
and "Real GDP index, 1995 = 100" share the entry "Real GDP index, {0} = {1}"). :func:`translate_figure` applies it to every text
of a matplotlib figure (titles, axis labels, tick labels, legends, annotations);
:func:`translate_frame` to a table's headers. Texts with no entry stay in English and are
reported by :func:`missing`, so a test can insist that a Russian run leaves none behind.

Examples
--------
>>> translate("Real GDP index, 1995 = 100", "ru")
'Индекс реального ВВП, 1995 = 100'
>>> translate("CIS", "ru")
'СНГ'
"""
from __future__ import annotations

import re

import pandas as pd

LANGS = ("en", "ru")
_NUMBER = re.compile(r"(?<![\w.])[-−]?\d+(?:[.,]\d+)?(?![\w])")
_MISSING: set[str] = set()

#: English text (or template with {0}, {1} … for numbers) → Russian.
CATALOGUE: dict[str, str] = {
    # groups and the essay's vocabulary
    "CIS": "СНГ", "Baltic": "Балтия", "Central Europe": "Центральная Европа",
    "South-East Europe": "Юго-Восточная Европа", "Mongolia": "Монголия",
    "CEE & Baltics": "ЦВЕ и Балтия", "SEE": "ЮВЕ", "All": "Все", "Other CIS": "Прочие СНГ",
    "liberalization": "либерализация", "stabilization": "стабилизация",
    "institutions": "институты", "privatization": "приватизация",
    "Liberalization": "Либерализация", "Stabilization": "Стабилизация",
    "Institutions": "Институты", "Privatization": "Приватизация",
    # common axis texts and units
    "Year": "Год", "year": "год", "Years": "Годы", "Country": "Страна", "Group": "Группа",
    "Real GDP index, {0} = {1}": "Индекс реального ВВП, {0} = {1}",
    "Real GDP index ({0} = {1})": "Индекс реального ВВП ({0} = {1})",
    "% per year": "% в год", "% of GDP": "% ВВП", "countries": "страны",
    "Number of countries": "Число стран", "Share of countries": "Доля стран",
    # verdicts of the claims ledger
    "supported": "подтверждается", "contradicted": "опровергается", "mixed": "неоднозначно",
    "not testable with these data": "не проверяется на этих данных",
    "Source:": "Источник:",
}


def translate(text: str, lang: str) -> str:
    """``text`` in ``lang``: catalogue entry, else numeric template, else line by line, else unchanged."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if lang == "en" or not isinstance(text, str) or not text.strip():
        return text
    if text in CATALOGUE:
        return CATALOGUE[text]
    numbers = _NUMBER.findall(text)
    if numbers:
        template = _NUMBER.sub(lambda _m, c=iter(range(len(numbers))): "{" + str(next(c)) + "}", text)
        if template in CATALOGUE:
            return CATALOGUE[template].format(*numbers)
    if "\n" in text:
        return "\n".join(translate(line, lang) for line in text.split("\n"))
    if text.startswith("Source: "):
        return CATALOGUE["Source:"] + text[len("Source:"):]
    if _needs_translation(text):
        _MISSING.add(text)
    return text


def _needs_translation(text: str) -> bool:
    """Latin words other than ISO3 codes, units and symbols need a translation."""
    words = re.findall(r"[A-Za-z][A-Za-z'&-]*", text)
    return any(not (word.isupper() and len(word) <= 4) for word in words)


def missing() -> list[str]:
    """Texts met by :func:`translate` (with lang ``ru``) that have no catalogue entry."""
    return sorted(_MISSING)


def translate_figure(fig, lang: str) -> None:
    """Translate every text of a matplotlib figure in place (titles, labels, ticks, legends, notes)."""
    if lang == "en":
        return
    from matplotlib.text import Text

    fig.canvas.draw()  # tick labels exist only once the figure has been drawn
    for artist in fig.findobj(Text):
        artist.set_text(translate(artist.get_text(), lang))
    for ax in fig.axes:  # tick labels are regenerated at draw time unless fixed here
        for axis in (ax.xaxis, ax.yaxis):
            labels = [translate(label.get_text(), lang) for label in axis.get_ticklabels()]
            if any(labels):
                axis.set_ticks(axis.get_ticklocs())
                axis.set_ticklabels(labels)


def translate_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy of ``frame`` with its column and index names translated (values unchanged)."""
    if lang == "en":
        return frame
    renamed = frame.rename(columns=lambda c: translate(c, lang) if isinstance(c, str) else c)
    renamed.index.names = [translate(n, lang) if isinstance(n, str) else n for n in renamed.index.names]
    return renamed
