"""The book passes no HTML written in Markdown to the page: it shows as text (a Sphinx event handler).

The notebooks' Markdown (their prose, the computed findings and evidence, the provenance notes the
book adds) is parsed by MyST, which passes HTML tags through to the page as they are. None of the
project's Markdown writes HTML, so any tag found there came from a value (a parameter, a label, a
path) and is shown as the text it is, never run: :func:`raw_html_as_text`, connected to Sphinx's
``doctree-read``. The notebooks' HTML *outputs* (the tables of :class:`transition.present.table.Table`,
which escape every value themselves) are left as they are, and so are the few tags MyST itself
writes for Markdown syntax (a hard line break, a strike-through).
"""
from __future__ import annotations

from docutils import nodes

#: HTML that MyST writes itself for Markdown syntax (not taken from the text).
MYST_OWN = {"<br />\n", "<s>", "</s>"}
#: The classes MyST-NB gives a notebook's ``text/html`` output.
HTML_OUTPUT = "text_html"


def _from_markdown(node: nodes.raw) -> bool:
    return ("html" in node.get("format", "").split() and HTML_OUTPUT not in node.get("classes", [])
            and node.astext() not in MYST_OWN)


def raw_html_as_text(app, doctree: nodes.document) -> None:
    """Replace every raw HTML node that came from Markdown by its text (inline or a paragraph)."""
    for node in list(doctree.findall(nodes.raw)):
        if not _from_markdown(node):
            continue
        text = node.astext()
        inline = isinstance(node.parent, nodes.TextElement)
        node.replace_self(nodes.Text(text) if inline else nodes.paragraph(text, text))
