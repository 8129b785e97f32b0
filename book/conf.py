"""Sphinx configuration of the compendium's book (both editions).

Built by ``transition.publish.book.build`` (``-c book/``, ``-D language=en|ru``) from a scratch source
folder that holds the executed notebooks and the edition's pages of ``book/pages/<lang>/``. The
extension ``transition.publish.extension`` prepares each notebook as it is read (code collapsed, figures
numbered, download link, translation); the language-dependent values below are keyed by language.
Nothing is executed and nothing is fetched from the network.
"""
from pathlib import Path

BOOK = Path(__file__).resolve().parent

project = "The post-communist transition"
author = "The transition compendium team"
copyright = "the transition compendium team. Code: MIT; text, figures and tables: CC BY 4.0"
language = "en"  # the build passes -D language=ru for the Russian edition
root_doc = "index"

extensions = [
    "myst_nb",
    "sphinxcontrib.bibtex",
    "transition.publish.extension",
]

# --- MyST-NB: the committed, executed notebooks as they are --------------------------------------
nb_execution_mode = "off"
nb_merge_streams = True
nb_render_markdown_format = "myst"  # Markdown outputs (findings, ledger) may cite: {cite:author}`key`
nb_ipywidgets_js = {}  # no widget manager fetched from a CDN
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header", "misc.highlighting_failure"]

# --- Figures, search, bibliography -------------------------------------------------------------
numfig = True
bibtex_bibfiles = [str(BOOK / "references.bib")]
bibtex_reference_style = "author_year"
bibtex_default_style = "alpha"  # labels unique across the three lists of the references page

# --- HTML: the book theme, everything local ----------------------------------------------------
html_theme = "sphinx_book_theme"
html_static_path = [str(BOOK / "_static")]
html_css_files = ["compendium.css"]
html_js_files = ["compendium.js", "explorer.js"]  # figures enlarged on click; the multiverse explorer
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,  # each notebook page links its .ipynb itself
    "use_fullscreen_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
# One search box (the header's), not two: the sidebar has the title and the table of contents only.
html_sidebars = {"**": ["navbar-logo.html", "icon-links.html", "sbt-sidebar-nav.html"]}
templates_path = []
exclude_patterns = ["_notebooks", "_data", "_doctrees", "**.ipynb_checkpoints"]

# --- By language (read by transition.publish.extension at config-inited) ---------------------------------
compendium_titles = {
    "en": "The post-communist transition: reform sequencing and outcomes",
    "ru": "Постсоциалистический переход: последовательность реформ и их итоги",
}
compendium_authors = {"en": author, "ru": "команда компендиума"}
compendium_copyrights = {
    "en": copyright,
    "ru": "команда компендиума. Код: MIT; текст, рисунки и таблицы: CC BY 4.0",
}
compendium_code_prompts = {
    "en": ("Show code", "Hide code"),
    "ru": ("Показать код", "Скрыть код"),
}
# Literal text of the notebooks' Markdown → MyST: citations of the literature (references.bib) and
# the links of the notebooks to the project's own pages (the claims page, the data notes).
_CITATIONS = [
    ("Bruno & Easterly", "{cite:author}`bruno1998`"),
    ("Fischer, Sahay & Végh", "{cite:author}`fischer1996`"),
    ("de Melo, Denizer, Gelb & Tenev", "{cite:author}`demelo2001`"),
    ("Staehr (2005)", "{cite:t}`staehr2005`"),
    ("Long & Ervin", "{cite:author}`long2000`"),
    ("Grömping", "{cite:author}`gromping2007`"),
    ("Barro & Ursúa", "{cite:author}`barro2008`"),
]
compendium_replacements = {
    "en": _CITATIONS + [
        ("[the claims page](../book/pages/en/claims.md)", "{doc}`the claims page <claims>`"),
        ("[data/README.md](../data/README.md)", "`data/README.md`"),
    ],
    "ru": _CITATIONS + [
        ("[the claims page](../book/pages/en/claims.md)", "{doc}`страница тезисов <claims>`"),
        ("[data/README.md](../data/README.md)", "`data/README.md`"),
    ],
}
