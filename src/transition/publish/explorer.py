"""The multiverse explorer: every specification of every claim with a multiverse table, in the page.

:func:`explorer_data` reads each ``results/multiverse_<claim>.csv`` (one row per specification: claim,
key, one column per choice in its space's order, ``default``, ``verdict``, the ``n_*`` numbers) and
the claim's declared space (:data:`transition.claims.spaces.SPACES`: each choice's values and help
text) into one JSON document; the book writes it as ``explore.json`` and into the page
``explore.html`` (:func:`page_html`), where ``_static/explorer.js`` lets a reader pick a claim and a
value for each choice and shows the verdict of that specification, its estimate, where it sits on
the specification curve and which single change would flip it. No server: the data are in the page,
so it works from ``file://``.

Option values are written exactly as in the CSV (``3.0``, ``2002``, ``former_ussr``), so a verdict
shown can be checked against the table row by row. A claim whose CSV appears slots in without a
code change: its choices are the CSV's columns between ``key`` and ``default``; labels and help come
from its space and from the catalogue of choices :data:`transition.present.choice_labels.CHOICE_LABELS`
(Russian labels, help texts and value names, shared with notebook 09; :func:`missing_texts` lists what
it lacks).
"""
from __future__ import annotations

import copy
import html
import json
from pathlib import Path

import pandas as pd

from transition.paths import RESULTS_DIR
from transition.present.choice_labels import CHOICE_LABELS
from transition.present.labels import translate
from transition.present.style import VERDICT_COLORS
from transition.present.table import readable

TABLE_GLOB = "multiverse_C*.csv"
#: Columns of a multiverse table that are not choices (the choices lie between ``key`` and ``default``).
FIXED = ("claim", "key", "default", "verdict")
#: Words of the page, by language (the JavaScript reads them from the data).
WORDS = {
    "en": {"claim": "Claim", "verdict": "Verdict of this specification", "estimate": "Estimate",
           "flips": "Single changes that flip this verdict", "no_flip": "No single change flips this verdict.",
           "excluded": "This combination is not in the space (excluded as not defensible together).",
           "curve": "Specification curve: every specification of this claim for this data cut, sorted by its "
                    "estimate (colour: its verdict); the large ring is the one chosen.",
           "rank": "specifications, sorted by estimate", "default": "default specification",
           "reset": "Back to the default specification", "of": "of", "specifications": "specifications",
           "share": "Share of the specifications with this verdict"},
    "ru": {"claim": "Тезис", "verdict": "Вердикт этой спецификации", "estimate": "Оценка",
           "flips": "Одиночные изменения, меняющие этот вердикт",
           "no_flip": "Ни одно одиночное изменение не меняет этот вердикт.",
           "excluded": "Такого сочетания нет в пространстве (исключено как несовместимое).",
           "curve": "Кривая спецификаций: все спецификации этого тезиса для этого среза данных, упорядоченные по "
                    "оценке (цвет — вердикт); большое кольцо — выбранная.",
           "rank": "спецификации, по возрастанию оценки", "default": "спецификация по умолчанию",
           "reset": "Вернуться к спецификации по умолчанию", "of": "из", "specifications": "спецификаций",
           "share": "Доля спецификаций с этим вердиктом"},
}


def load_catalogue() -> dict:
    """The catalogue of choices (a copy): ``dimensions`` (name → label, ru_label, ru_help), ``values``
    (``name.value`` → en, ru) and ``estimates`` (claim → en, ru)."""
    return copy.deepcopy(CHOICE_LABELS)


def tables(results_dir: Path | str = RESULTS_DIR) -> dict[str, pd.DataFrame]:
    """claim → its multiverse table, every value as the text the CSV holds (claim order: C1, C2, … C10)."""
    found = {}
    for path in Path(results_dir).glob(TABLE_GLOB):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        if set(FIXED) <= set(table.columns) and len(table):
            found[path.stem.removeprefix("multiverse_")] = table
    return dict(sorted(found.items(), key=lambda item: int(item[0][1:]) if item[0][1:].isdigit() else 99))


def choice_columns(table: pd.DataFrame) -> list[str]:
    """The choices of a multiverse table: its columns between ``key`` and ``default``, in order."""
    columns = list(table.columns)
    return columns[columns.index("key") + 1:columns.index("default")]


def _space(claim: str):
    from transition.claims.spaces import (
        SPACES,  # the spaces import the analysis: only when building
    )

    return SPACES.get(claim)


def _dimension(table: pd.DataFrame, name: str, space, catalogue: dict, lang: str) -> dict:
    declared = next((d for d in space.dimensions if d.name == name), None) if space else None
    present = list(dict.fromkeys(table[name]))
    order = [str(v) for v in declared.values] if declared else []
    values = [v for v in order if v in present] + [v for v in present if v not in order]
    entry = catalogue["dimensions"].get(name, {})
    label = entry.get("label") or readable(name)
    help_text = declared.help if declared else ""
    if lang == "ru":
        label, help_text = entry.get("ru_label") or label, entry.get("ru_help") or help_text
    names = [catalogue["values"].get(f"{name}.{v}", {}).get(lang) or v for v in values]
    defaults = table.loc[table["default"] == "True", name]
    default = defaults.iloc[0] if name != "as_of" and len(defaults) else ("latest" if "latest" in values else values[0])
    return {"name": name, "label": label, "help": help_text, "values": values, "names": names,
            "default": values.index(default) if default in values else 0}


def _number(text: str):
    try:
        value = float(text)
    except ValueError:
        return None
    return round(value, 6) if value == value else None


def claim_data(claim: str, table: pd.DataFrame, lang: str = "en", catalogue: dict | None = None) -> dict:
    """One claim's part of the explorer's data: its choices, verdicts and one row per specification."""
    from transition.claims.ledger import CLAIMS

    catalogue = catalogue or load_catalogue()
    space = _space(claim)
    dimensions = [_dimension(table, name, space, catalogue, lang) for name in choice_columns(table)]
    verdicts = list(dict.fromkeys(table["verdict"]))
    index = [{v: i for i, v in enumerate(d["values"])} for d in dimensions]
    rows = [[index[i][row[d["name"]]] for i, d in enumerate(dimensions)]
            + [verdicts.index(row["verdict"]), _number(row.get("n_estimate", ""))]
            for row in table.to_dict("records")]
    estimate = catalogue["estimates"].get(claim, {})
    texts = CLAIMS.get(claim)
    return {"claim": claim, "title": (texts[1] if lang == "ru" else texts[0]) if texts else claim,
            "estimate": estimate.get(lang) or estimate.get("en") or "", "dimensions": dimensions,
            "verdicts": verdicts, "verdict_names": [translate(v, lang) for v in verdicts],
            "colors": [VERDICT_COLORS.get(v, "#555555") for v in verdicts], "rows": rows}


def explorer_data(results_dir: Path | str = RESULTS_DIR, lang: str = "en") -> dict:
    """The explorer's JSON document: the page's words and every claim with a multiverse table."""
    catalogue = load_catalogue()
    return {"lang": lang, "words": WORDS[lang],
            "claims": [claim_data(claim, table, lang, catalogue) for claim, table in tables(results_dir).items()]}


def missing_texts(results_dir: Path | str = RESULTS_DIR) -> list[str]:
    """The choices and values of the multiverse tables that the explorer's catalogue has no Russian for."""
    catalogue = load_catalogue()
    missing = []
    for claim, table in tables(results_dir).items():
        for name in choice_columns(table):
            entry = catalogue["dimensions"].get(name, {})
            missing += [f"{claim} {name}: {key}" for key in ("label", "ru_label", "ru_help") if not entry.get(key)]
            missing += [f"{claim} {name} = {value}" for value in dict.fromkeys(table[name])
                        if _number(value) is None and not catalogue["values"].get(f"{name}.{value}", {}).get("ru")]
        if not catalogue["estimates"].get(claim, {}).get("ru"):
            missing.append(f"{claim}: estimate")
    return sorted(set(missing))


def page_html(data: dict) -> str:
    """The explorer's HTML (inside a page of the book): the controls, filled in by ``explorer.js``, and the data."""
    words = data["words"]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    options = "".join(f'<option value="{html.escape(c["claim"])}">{html.escape(c["claim"])} — {html.escape(c["title"])}'
                      "</option>" for c in data["claims"])
    return (f'<div class="compendium-explorer" lang="{data["lang"]}">'
            f'<p><label>{html.escape(words["claim"])}<br><select name="claim">{options}</select></label></p>'
            '<div id="choices"></div>'
            f'<p><button type="button" id="reset">{html.escape(words["reset"])}</button></p>'
            f'<div class="explorer-result"><p id="verdict" data-verdict=""></p><p id="estimate"></p>'
            f'<p id="share"></p></div>'
            f'<figure class="explorer-curve"><svg id="curve" viewBox="0 0 720 240" role="img"></svg>'
            f'<figcaption>{html.escape(words["curve"])}</figcaption></figure>'
            f'<p><strong>{html.escape(words["flips"])}</strong></p><ul id="flips"></ul>'
            f'<script id="explorer-data" type="application/json">{payload}</script></div>')
