"""What differs between two versions of a file of the record, in a few words (for ``transition verify``).

By kind: a table (CSV) names its first differing row, a headline file (JSON) its first differing
key, a notebook its first differing cell (and what in it), a figure (PNG) only its sizes.

Examples
--------
>>> describe(b"a,b\\n1,2\\n3,4\\n", b"a,b\\n1,2\\n3,5\\n", "t.csv")
"row 2 differs: '3,4' committed, '3,5' re-executed"
>>> describe(b'{"x": {"value": 1}}', b'{"x": {"value": 2}}', "h.json")
"key 'x' differs: value 1 committed, 2 re-executed"
"""
from __future__ import annotations

import json
from pathlib import PurePath

#: Characters of a row or value shown.
SHOWN = 60


def _cut(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def _csv(committed: str, now: str) -> str:
    old, new = committed.splitlines(), now.splitlines()
    for number, (a, b) in enumerate(zip(old, new)):
        if a != b:
            where = "the header differs" if number == 0 else f"row {number} differs"
            return f"{where}: {_cut(a)!r} committed, {_cut(b)!r} re-executed"
    if len(old) != len(new):
        return f"{len(old) - 1} rows committed, {len(new) - 1} re-executed"
    return "line ends or encoding differ"


def _json(committed: str, now: str) -> str:
    try:
        old, new = json.loads(committed), json.loads(now)
    except ValueError:
        return "not valid JSON on one side"
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if key not in new:
                return f"key {key!r} is committed but not re-executed"
            if key not in old:
                return f"key {key!r} is re-executed but not committed"
            if old[key] != new[key]:
                a, b = old[key], new[key]
                if isinstance(a, dict) and isinstance(b, dict) and "value" in a and a.get("value") != b.get("value"):
                    return f"key {key!r} differs: value {a['value']} committed, {b.get('value')} re-executed"
                return f"key {key!r} differs: {_cut(json.dumps(a, ensure_ascii=False))} committed, " \
                       f"{_cut(json.dumps(b, ensure_ascii=False))} re-executed"
    return "the same content, written differently" if old == new else "the content differs"


def _output_text(cell: dict) -> str:
    texts = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        text = output.get("text") or data.get("text/markdown") or data.get("text/plain") or ""
        texts.append("".join(text) if isinstance(text, list) else str(text))
    return " ".join(texts)


def _cell_difference(number: int, a: dict, b: dict) -> str:
    kind = a.get("cell_type", "?")
    if a.get("source") != b.get("source"):
        return f"cell {number} ({kind}): its source differs"
    if a.get("outputs") != b.get("outputs"):
        old, new = _output_text(a), _output_text(b)
        if old != new:
            for start, (x, y) in enumerate(zip(old, new)):
                if x != y:
                    break
            else:
                start = min(len(old), len(new))
            begin = max(0, start - 10)
            return (f"cell {number} ({kind}): its output differs: {_cut(old[begin:])!r} committed, "
                    f"{_cut(new[begin:])!r} re-executed")
        return f"cell {number} ({kind}): its output differs (a figure or rich output)"
    if a.get("execution_count") != b.get("execution_count"):
        return f"cell {number} ({kind}): its execution count differs"
    return f"cell {number} ({kind}): its metadata differs"


def _notebook(committed: str, now: str) -> str:
    try:
        old, new = json.loads(committed), json.loads(now)
    except ValueError:
        return "not a readable notebook on one side"
    cells_old, cells_new = old.get("cells", []), new.get("cells", [])
    for number, (a, b) in enumerate(zip(cells_old, cells_new), start=1):
        if a != b:
            return _cell_difference(number, a, b)
    if len(cells_old) != len(cells_new):
        return f"{len(cells_old)} cells committed, {len(cells_new)} re-executed"
    if old.get("metadata") != new.get("metadata"):
        keys = sorted(k for k in set(old.get("metadata", {})) | set(new.get("metadata", {}))
                      if old.get("metadata", {}).get(k) != new.get("metadata", {}).get(k))
        return f"the notebook's metadata differs ({', '.join(keys)})"
    return "the same cells, written differently"


def describe(committed: bytes, now: bytes, name: str) -> str:
    """What differs between the ``committed`` and the re-executed (``now``) bytes of file ``name``."""
    suffix = PurePath(name).suffix
    if suffix in (".csv", ".json", ".ipynb", ".sha256"):
        try:
            old, new = committed.decode("utf-8"), now.decode("utf-8")
        except UnicodeDecodeError:
            return "not UTF-8 text on one side"
        if suffix == ".csv":
            return _csv(old, new)
        if suffix == ".json":
            return _json(old, new)
        if suffix == ".ipynb":
            return _notebook(old, new)
    return f"the bytes differ ({len(committed):,} committed, {len(now):,} re-executed)"
