"""Two directives of the book: ``{explorer}`` (the multiverse explorer) and ``{details}`` (a collapsed block).

``{explorer}`` puts the explorer (:func:`transition.publish.explorer.page_html`) into a page, from the
JSON the build wrote into the source folder (:data:`EXPLORER_FILE`). ``{details}`` shows its title and
hides its content behind it (HTML ``<details>``, no script), e.g. the evidence of a claim beyond its
decisive sentence::

    ```{details} More on C1
    The rest of the evidence.
    ```

Both write their own nodes, not raw HTML, so the book's rule that HTML written in Markdown shows as
text (:mod:`transition.publish.book_html`) stays whole; every text in them is escaped.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive, directives

from transition.publish.explorer import page_html

EXPLORER_FILE = "_explorer.json"


class explorer_node(nodes.General, nodes.Element):
    """The explorer's HTML (written whole by the HTML builder)."""


class details_node(nodes.General, nodes.Element):
    """A title that opens its content (HTML ``<details>``)."""


class ExplorerDirective(Directive):
    has_content = False

    def run(self):
        env = self.state.document.settings.env
        path = Path(env.srcdir) / EXPLORER_FILE
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {
            "lang": env.config.language or "en", "words": {}, "claims": []}
        if not data["claims"]:
            return [nodes.paragraph(text="No multiverse table (results/multiverse_<claim>.csv) was found.")]
        return [explorer_node(html=page_html(data))]


class DetailsDirective(Directive):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {"class": directives.class_option}

    def run(self):
        node = details_node(title=self.arguments[0], classes=self.options.get("class", []))
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _visit_explorer(self, node):
    self.body.append(node["html"])
    raise nodes.SkipNode


def _visit_details(self, node):
    classes = " ".join(["compendium-details", *node.get("classes", [])])
    self.body.append(f'<details class="{html.escape(classes)}"><summary>{html.escape(node["title"])}</summary>')


def _depart_details(self, node):
    self.body.append("</details>")


def _skip(self, node):
    raise nodes.SkipNode


def _text_only(self, node):  # other builders (text, search): the content, without the title
    pass


def setup(app) -> None:
    app.add_node(explorer_node, html=(_visit_explorer, None), latex=(_skip, None), text=(_skip, None))
    app.add_node(details_node, html=(_visit_details, _depart_details), latex=(_text_only, _text_only),
                 text=(_text_only, _text_only))
    app.add_directive("explorer", ExplorerDirective)
    app.add_directive("details", DetailsDirective)
