"""A displayed table: a pandas Styler with readable headers, formatted numbers and a plain-text twin.

:meth:`transition.present.outputs.Outputs.show` returns a :class:`Table`. In a notebook (and in the
book built from it) it shows as an HTML table; its ``text/plain`` form is the same table as text,
stable from run to run, which is what nbval compares in ``# NBVAL_CHECK_OUTPUT`` cells.

Every header, index label, caption and cell is escaped in the HTML (a label holding ``<b>`` shows
as that text). Headers: code-style column names (``median_index_latest``) become words (:func:`readable`:
"Median index latest"; a few abbreviations spelled out, see :data:`WORDS`); in a Russian run the
label catalogue has already translated them (``labels.translate_frame``). Numbers: each float column
gets the fewest decimals (at most :data:`MAX_DECIMALS`) that show its values as rounded; integers and
years print without separators; missing values print as an en dash.

Examples
--------
>>> Table(pd.DataFrame({"median_index_latest": [52.25, 70.0]}))
Median index latest
              52.25
              70.00
"""
from __future__ import annotations

import hashlib
import html
import math
import re

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from transition.present.labels import _NUMBER, CATALOGUE
from transition.present.table_labels import ID_LABELS

MAX_DECIMALS = 3
UNITS = {"%", "p.p.", "USD"}
MISSING = "–"
#: Code-style words → the words a reader sees (the rest: underscores become spaces).
WORDS = {"pct": "%", "pp": "p.p.", "usd": "USD", "gdp": "GDP", "cis": "CIS", "cee": "CEE", "iso3": "ISO3",
         "coef": "coefficient", "se": "s.e.", "pc": "per capita", "fe": "FE", "ols": "OLS", "r2": "R²",
         "n": "n", "ci": "CI", "p": "p", "lib": "liberalization", "inst": "institutions", "eu": "EU",
         "eaeu": "EAEU", "wto": "WTO", "imf": "IMF", "weo": "WEO", "pwt": "PWT", "wdi": "WDI", "hs": "HS",
         "asof": "as of the"}


def readable(label):
    """``median_index_latest`` → 'Median index latest'; labels without an underscore, other than a
    lone lower-case word, are left alone (they are already words, codes or translations)."""
    if not isinstance(label, str) or not label or ("_" not in label and not label.isalpha()) or not label.islower():
        return label
    if label == "iso3":  # the ISO3 code column keeps its name (the CSV column and the text refer to it)
        return label
    words = [WORDS.get(word, word) for word in label.split("_") if word]
    if words[0] == "n" and len(words) > 1:  # n_countries → 'Number of countries'; n_peak_year → 'n (peak year)'
        rest = " ".join(words[1:])
        return f"Number of {rest}" if rest.endswith("s") else f"n ({rest})"
    text = ""
    for word in words:
        text += (", " if word in UNITS and text else " " if text else "") + word
    return text[:1].upper() + text[1:]


def decimals(values: pd.Series) -> int:
    """The fewest decimals (≤ MAX_DECIMALS) that show every value of a float column as rounded."""
    finite = [float(v) for v in values if isinstance(v, float) and math.isfinite(v)]
    for digits in range(MAX_DECIMALS + 1):
        if all(round(v, digits) == round(v, MAX_DECIMALS) for v in finite):
            return digits
    return MAX_DECIMALS


def _formatter(digits: int):
    def one(value):
        if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
            return MISSING
        if isinstance(value, float):
            return f"{value:.{digits}f}"
        return str(value)
    return one


YES_NO = {"en": ("Yes", "No"), "ru": ("Да", "Нет")}
#: A row of a grid of specifications that is the default one: a true value in one of these columns, or
#: one of these words in a column naming the specification. The book shows it highlighted.
DEFAULT_FLAGS = ("default", "is_default", "baseline", "default_specification")
DEFAULT_NAMES = ("main", "main run", "default", "baseline")
NAME_COLUMNS = ("model", "specification", "variation", "spec")


def cell_text(value, lang: str):
    """A cell's value in ``lang``: True/False as Yes/No, a text the label catalogue has (exactly or as a
    template with numbers), a text of parts joined by "; " part by part, else unchanged; a text without
    an entry is not reported as missing."""
    if isinstance(value, (bool, np.bool_)):
        yes, no = YES_NO.get(lang, YES_NO["en"])
        return yes if value else no
    if not isinstance(value, str):
        return value
    if lang == "en":
        return ID_LABELS.get(value, value)
    if value in CATALOGUE and value not in ID_LABELS:
        return CATALOGUE[value]
    numbers = _NUMBER.findall(value)
    if numbers:
        counter = iter(range(len(numbers)))
        template = _NUMBER.sub(lambda _m: "{" + str(next(counter)) + "}", value)
        if template in CATALOGUE:
            return CATALOGUE[template].format(*numbers)
    if value in ID_LABELS:
        return cell_text(ID_LABELS[value], lang)
    if "; " in value:  # a description made of parts ("1990-2006; 29 countries; growth: wdi"): part by part
        return "; ".join(cell_text(part, lang) for part in value.split("; "))
    return value


#: Cell texts shown as code: identifiers (``former_ussr+war``, ``gdp_index_2000``) and source ids.
IDENTIFIER = re.compile(r"[a-z0-9_+,. ]*_[a-z0-9_+,. ]*|(?:wdi|weo|pwt|maddison|gapminder)(?:, (?:wdi|weo|pwt|maddison|gapminder))*")


def _html(text):
    """A formatted cell as HTML: identifiers as code, other text escaped."""
    if not isinstance(text, str):
        return text
    return f"<code>{html.escape(text)}</code>" if IDENTIFIER.fullmatch(text) else html.escape(text)


def _label(value):
    """A header: readable words, a whole-number float (a year) without its '.0'."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return readable(value)


def _each(value):
    if isinstance(value, float) and math.isfinite(value):
        return _formatter(decimals(pd.Series([value])))(value)
    return _formatter(MAX_DECIMALS)(value)


def _years_among_fractions(values: pd.Series) -> bool:
    """A float column holding years (whole, 1900-2100) beside fractions: each value keeps its own decimals."""
    finite = [float(v) for v in values if isinstance(v, float) and math.isfinite(v)]
    return (any(v.is_integer() and 1900 <= v <= 2100 for v in finite)
            and any(not v.is_integer() for v in finite))


def default_rows(frame: pd.DataFrame) -> list[int]:
    """Positions of the rows that are a grid's default specification (see :data:`DEFAULT_FLAGS`)."""
    for column in frame.columns:
        name = str(column).lower()
        values = frame[column]
        if name in DEFAULT_FLAGS and values.dtype == bool and 0 < values.sum() < len(values):
            return [i for i, v in enumerate(values) if v]
        if name in NAME_COLUMNS and values.dtype == object:
            hits = [i for i, v in enumerate(values) if isinstance(v, str) and v.lower() in DEFAULT_NAMES]
            if 0 < len(hits) < len(values):
                return hits
    return []


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """No index-name or column-name header rows: a named index becomes columns, the axis names go."""
    named = any(name is not None for name in frame.index.names)
    if named or frame.index.nlevels > 1:
        frame = frame.reset_index()
    if frame.columns.nlevels == 1:
        frame.columns.name = None
    return frame


def _readable_axis(index: pd.Index) -> pd.Index:
    renamed = index.map(lambda label: tuple(_label(x) for x in label) if isinstance(label, tuple) else _label(label))
    renamed.names = [readable(name) for name in index.names]
    return renamed


class Table(Styler):
    """A Styler of ``frame`` with readable headers and formatted numbers (see the module's text)."""

    def __init__(self, frame: pd.DataFrame, lang: str = "en", caption: str | None = None) -> None:
        if isinstance(frame, pd.Series):
            frame = frame.to_frame()
        frame = _flat(frame.copy())
        highlight = default_rows(frame)
        for position in range(frame.shape[1]):  # Yes/No, labels for identifiers; in Russian the catalogue's words
            if frame.iloc[:, position].dtype in (bool, object):
                frame.isetitem(position, frame.iloc[:, position].map(lambda v: cell_text(v, lang)))
        frame.columns = _readable_axis(frame.columns)
        # An unnamed integer index is row positions (a sorted or filtered frame keeps its old ones): hidden.
        default = frame.index.nlevels == 1 and frame.index.name is None and pd.api.types.is_integer_dtype(frame.index)
        self.show_index = not default
        if self.show_index:
            frame.index = _readable_axis(frame.index)
        # A stable id: the same table gives the same HTML (no random uuid in committed notebooks).
        uuid = hashlib.sha256(frame.to_csv().encode()).hexdigest()[:10]
        super().__init__(frame, uuid=uuid, cell_ids=False)
        # The HTML's headers, index, axis names (see _translate) and caption are text, escaped as the
        # cells are (the Styler writes them raw); the plain-text twin shows them as they are.
        self.format_index(escape="html", axis=0)
        self.format_index(escape="html", axis=1)
        self.formatters = {}
        for position, column in enumerate(frame.columns):
            values = frame.iloc[:, position]
            if pd.api.types.is_float_dtype(values) and _years_among_fractions(values):
                self.formatters[column] = _each
            elif pd.api.types.is_float_dtype(values):
                self.formatters[column] = _formatter(decimals(values))
            elif values.dtype == object:  # mixed values: each number with its own decimals
                self.formatters[column] = _each
        self.format(lambda v: _html(_formatter(MAX_DECIMALS)(v)))
        for column, formatter in self.formatters.items():
            self.format(lambda v, f=formatter: _html(f(v)), subset=[column])
        if not self.show_index:
            self.hide(axis="index")
        self.plain_caption = caption or None
        if caption:
            self.set_caption(html.escape(str(caption)))
        self.set_table_attributes('class="dataframe compendium-table"')
        if highlight and frame.index.is_unique and frame.columns.is_unique:  # a grid's default specification
            classes = pd.DataFrame("", index=frame.index, columns=frame.columns)
            classes.iloc[highlight, :] = "compendium-default"
            self.set_td_classes(classes)

    def _translate(self, *args, **kwargs):
        """The Styler's table, with the axis names escaped (pandas 2 has no formatter for them)."""
        translated = super()._translate(*args, **kwargs)
        for row in translated.get("head", []):
            for cell in row:
                if "index_name" in str(cell.get("class", "")) and isinstance(cell.get("display_value"), str):
                    cell["display_value"] = html.escape(cell["display_value"])
        return translated

    def text(self) -> str:
        """The table as text: the same headers and formatted numbers as the HTML."""
        shown = self.data.copy().astype(object)
        for position, column in enumerate(shown.columns):
            formatter = self.formatters.get(column, _formatter(MAX_DECIMALS))
            shown.iloc[:, position] = [formatter(v) for v in self.data.iloc[:, position]]
        body = shown.to_string(index=self.show_index)
        caption = self.plain_caption if isinstance(self.plain_caption, str) else None
        return f"{caption}\n{body}" if caption else body

    def __repr__(self) -> str:
        return self.text()

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython's text/plain
        printer.text(self.text())
