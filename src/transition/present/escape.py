"""Values shown inside Markdown or HTML, escaped: a parameter, a label or a path is text, never markup.

A run's parameters, table headers and captions reach the notebook and the book as Markdown or
HTML. Whatever they hold (a backtick, ``<script>``, a line break), they must show as the text they
are: :func:`code_span` makes inline code that holds any text verbatim (CommonMark's rule: a fence
of more backticks than the text has in a row), :func:`html_text` escapes text for HTML.

Examples
--------
>>> code_span("a = 1")
'`a = 1`'
>>> code_span("/tmp/mv`<img src=x>`")
'`` /tmp/mv`<img src=x>` ``'
>>> code_span("two\\nlines")
'`two\\\\nlines`'
>>> html_text("<b>col</b>")
'&lt;b&gt;col&lt;/b&gt;'
"""
from __future__ import annotations

import html
import re

#: Characters a code span cannot hold as they are (a line break would end it, a blank line the paragraph).
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def _visible(match: re.Match) -> str:
    return repr(match.group(0))[1:-1]


def code_span(text) -> str:
    """Markdown inline code showing ``text`` (``str`` of any value) verbatim; control characters as escapes."""
    text = CONTROL.sub(_visible, str(text))
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) or runs else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def html_text(value) -> str:
    """``str(value)`` escaped for HTML (text and attribute values)."""
    return html.escape(str(value), quote=True)
