"""The Sphinx extension of the book: each notebook prepared as it is read, without editing its file.

Every code cell gets MyST-NB's ``hide-input`` tag (code collapsed behind a toggle), each figure output
becomes a figure numbered within its chapter and captioned (:mod:`transition.publish.figures`), the
first heading gets a download link of the notebook, a hidden table of contents is added to the root
page, and in a translated edition each Markdown cell is replaced by its translation from the
catalogue (:mod:`transition.publish.catalogue`) and the computed Markdown by its translated template
(:mod:`transition.publish.findings_locale`). Provenance: :mod:`transition.publish.provenance`.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from transition.publish import book_html, directives, findings_locale
from transition.publish import figures as figures_module
from transition.publish.catalogue import (
    LOCALE_DIR,
    NOTEBOOK_GLOB,
    cell_hash,
    cell_text,
    load_catalogue,
    load_headings,
    translate_headings,
)
from transition.publish.provenance import DATA_DIR, add_notes

LEDGER_PREFIX = "00_"
ROOT_DOC = "index"
ORIGINALS = "_notebooks"
#: Pages of ``book/pages/<lang>/`` placed before and after the notebooks in the table of contents.
PAGES_BEFORE = ("claims", "explore")
PAGES_AFTER = ("references",)
#: Texts the extension adds to each page, by language.
DOWNLOAD_LABEL = {"en": "Download this notebook (.ipynb)", "ru": "Скачать этот блокнот (.ipynb)"}
SECTION_NUMBER = re.compile(r"^\d+(\.\d+)*\s+")
FIGURE_CALL = re.compile(r"\.figure\([^\"']*[\"']([^\"']+)[\"']")  # its first string: the figure's name
DOC_ROLE = re.compile(r"\{doc\}`([^<`]+?)\s*<([^>`]+)>`")
FIGURE_LINK = re.compile(r"\[([^\]]*)\]\((?:\.\./)?(?:results/)?figures/([^)/]+)\.png\)")



def _heading(text: str) -> str | None:
    """The last Markdown heading of a cell, without its section number ("## 3 Groups" → "Groups")."""
    headings = [line.lstrip("#").strip() for line in text.splitlines() if re.match(r"^#{1,6}\s", line)]
    return SECTION_NUMBER.sub("", headings[-1]) if headings else None


def _with_download(text: str, link: str) -> str:
    """``text`` with ``link`` as a paragraph right after its first heading (or first)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[:i + 1] + ["", link, ""] + lines[i + 1:])
    return link + "\n\n" + text


def _rewrite(text: str, replacements: list[tuple[str, str]], figures: set[str]) -> str:
    """``text`` with the literal ``replacements`` made and links to known figure files resolved."""
    for old, new in replacements:
        text = text.replace(old, new)
    return link_figures(text, figures) if figures else text


def _rewrite_markdown_outputs(cell: dict, replacements: list[tuple[str, str]], figures: set[str]) -> None:
    """Apply :func:`_rewrite` to the cell's Markdown outputs (findings, the ledger's table)."""
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "text/markdown" in data:
            data["text/markdown"] = _rewrite(cell_text({"source": data["text/markdown"]}), replacements, figures)


def _shown(cell: dict) -> bool:
    """Whether a code cell shows anything: an output other than glued values (hidden by MyST-NB)."""
    return any(not output.get("metadata", {}).get("scrapbook") for output in cell.get("outputs", []))


def _bare_result(output: dict) -> bool:
    """A plain-text value a figure cell happens to return (e.g. the saved file's path): not shown."""
    return output.get("output_type") == "execute_result" and set(output.get("data", {})) == {"text/plain"}


def figure_id(cell: dict) -> str | None:
    """The name a code cell saves its figure under (``out.figure(fig, "02_paths", ...)``), if any."""
    match = FIGURE_CALL.search(cell_text(cell))
    return match.group(1) if match else None


def figure_label(name: str) -> str:
    """The book's label of a saved figure (what ``{ref}`` points at)."""
    return f"fig-{name}".lower()


def _figure_options(cell: dict, section: str | None, stem: str, number: int, lang: str = "en") -> None:
    """Make the cell's single image output a captioned, numbered figure (MyST-NB cell metadata): the
    caption says what it shows (:func:`transition.publish.figures.caption`, else the section's heading);
    a multi-panel figure spans the page's full width."""
    images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    caption = figures_module.caption(figure_id(cell), lang, section)
    if len(images) != 1 or caption is None:
        return
    options = cell.setdefault("metadata", {}).setdefault("mystnb", {})
    options.setdefault("figure", {"caption": caption, "name": _label(cell, stem, number)})
    layout = figures_module.layout(images[0]["data"]["image/png"])
    if layout.wide:
        cell["metadata"].setdefault("tags", []).append("full-width")
    if layout.width:
        options.setdefault("image", {})["width"] = f"{layout.width}px"


def _label(cell: dict, stem: str, number: int) -> str:
    return figure_label(figure_id(cell) or f"{stem}-{number}")


def figure_labels(nb: dict, stem: str) -> list[str]:
    """The labels of a notebook's numbered figures, in order (what "Figure N" of its prose refers to)."""
    labels = []
    for cell in nb["cells"]:
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if cell["cell_type"] == "code" and images:
            labels.append(_label(cell, stem, len(labels) + 1) if len(images) == 1 else None)
    return [label for label in labels if label]


def link_figures(text: str, known: set[str]) -> str:
    """Links to saved figure files (``[fig](../results/figures/02_x.png)``) → references to the figures."""
    def reference(match: re.Match) -> str:
        label, name = match.group(1), match.group(2)
        return f"{{ref}}`{label} <{figure_label(name)}>`" if name in known else match.group(0)
    return FIGURE_LINK.sub(reference, text)


def prepare_notebook(nb: dict, stem: str, lang: str = "en", catalogue: dict[str, str] | None = None,
                     replacements: list[tuple[str, str]] = (), download: str | None = None,
                     toctree: list[str] | None = None, figures: set[str] = frozenset(),
                     headings: dict[str, str] | None = None, root: bool = False) -> dict:
    """The notebook as the book shows it (a new dict; ``nb`` is left alone).

    Markdown cells: translated from ``catalogue`` where it has them (else their headings from
    ``headings``, see :func:`translate_headings`), then ``replacements``
    (literal text → MyST, e.g. a citation role) applied; ``download`` is the path of the notebook
    file for the download link; ``toctree`` (root page only) the documents of the hidden table of
    contents; ``figures`` the saved figures of the book, which links to their files now point at.
    Code cells: collapsed (``hide-input``); a single figure per cell becomes a figure numbered
    within the chapter and captioned (:mod:`transition.publish.figures`), which the prose's
    "Figure N" refers to. ``root``: the book's first page, which answers before it explains: its
    code is in the downloadable notebook only (cells without output removed, the others' input
    removed), and the download link goes to its end.
    """
    nb = json.loads(json.dumps(nb))
    catalogue = catalogue or {}
    labels = figure_labels(nb, stem)
    section, number, first_markdown = None, 0, not root
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            source = cell_text(cell)
            text = catalogue.get(cell_hash(source)) or translate_headings(source, headings or {})
            text = figures_module.refer_by_label(_rewrite(text, replacements, figures), labels)
            if first_markdown and download:
                text = _with_download(text, f"[{DOWNLOAD_LABEL[lang]}](path:{download})")
            first_markdown = False
            section = _heading(text) or section
            cell["source"] = text
        elif cell["cell_type"] == "code" and cell_text(cell).strip():
            _rewrite_markdown_outputs(cell, replacements, figures)
            tags = cell.setdefault("metadata", {}).setdefault("tags", [])
            if not {"remove-input", "remove-cell", "hide-input", "hide-cell"} & set(tags):
                tags.append(("remove-input" if _shown(cell) else "remove-cell") if root else "hide-input")
            if any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
                cell["outputs"] = [o for o in cell["outputs"] if not _bare_result(o)]
                number += 1
                _figure_options(cell, section, stem, number, lang)
    if root and download:
        nb["cells"].append({"cell_type": "markdown", "metadata": {"tags": ["download"]},
                            "source": f"```{{container}} compendium-provenance-page\n"
                                      f"[{DOWNLOAD_LABEL[lang]}](path:{download})\n```"})
    if toctree:
        entries = "\n".join(toctree)
        nb["cells"].append({"cell_type": "markdown", "metadata": {},
                            "source": f"```{{toctree}}\n:hidden:\n:maxdepth: 1\n\n{entries}\n```"})
    return nb


def toc_entries(srcdir: Path) -> list[str]:
    """The table of contents after the root page: pages before, the notebooks, pages after."""
    notebooks = sorted(p.stem for p in Path(srcdir).glob(NOTEBOOK_GLOB))
    pages = [p for p in PAGES_BEFORE if (Path(srcdir) / f"{p}.md").exists()]
    after = [p for p in PAGES_AFTER if (Path(srcdir) / f"{p}.md").exists()]
    return pages + notebooks + after


def book_figures(srcdir: Path) -> set[str]:
    """The names of the figures the book's notebooks show (see :func:`figure_id`)."""
    names = set()
    for path in Path(srcdir).glob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code" and any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
                names.add(figure_id(cell))
    return names - {None}


def _original_name(srcdir: Path, docname: str) -> str:
    """The notebook's own file name (the root page is the ledger ``00_*.ipynb``)."""
    if docname == ROOT_DOC:
        ledgers = sorted((Path(srcdir) / ORIGINALS).glob(LEDGER_PREFIX + "*.ipynb"))
        if ledgers:
            return ledgers[0].name
    return f"{docname}.ipynb"


def unlink_missing(text: str, srcdir: Path) -> str:
    """``{doc}`label <name>``` → ``label`` where the book has no document ``name`` (a partial run)."""
    def keep(match: re.Match) -> str:
        label, name = match.group(1), match.group(2)
        return match.group(0) if any(Path(srcdir).glob(f"{name}.*")) else label
    return DOC_ROLE.sub(keep, text)


def _on_source_read(app, docname: str, source: list[str]) -> None:
    config, srcdir = app.config, Path(app.srcdir)
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        source[0] = unlink_missing(source[0], srcdir)
        return
    lang = config.language or "en"
    name = _original_name(srcdir, docname)
    stem = Path(name).stem
    locale_dir = Path(config.compendium_locale_dir)
    catalogue = {} if lang == "en" else load_catalogue(stem, lang, locale_dir)
    headings = {} if lang == "en" else load_headings(lang, locale_dir)
    has_original = (srcdir / ORIGINALS / name).exists()
    nb = json.loads(source[0])
    if lang != "en":  # the computed Markdown (findings, evidence) from the findings catalogue, before the
        # replacements below turn its citations into roles (a template with a role in it matches nothing)
        findings_locale.translate_outputs(nb, findings_locale.load(lang, locale_dir))
    nb = prepare_notebook(nb, stem, lang, catalogue,
                          replacements=config.compendium_replacements.get(lang, []),
                          download=f"{ORIGINALS}/{name}" if has_original else None,
                          toctree=toc_entries(srcdir) if docname == config.root_doc else None,
                          figures=book_figures(srcdir), headings=headings, root=docname == config.root_doc)
    add_notes(nb, stem, lang, srcdir / DATA_DIR)
    source[0] = json.dumps(nb)


def _on_config_inited(app, config) -> None:
    """Language-dependent settings (the language is given on the command line, after conf.py)."""
    lang = config.language or "en"
    config.html_title = config.compendium_titles.get(lang, config.html_title)
    config.author = config.compendium_authors.get(lang, config.author)  # the footer: author, licence line
    config.copyright = config.compendium_copyrights.get(lang, config.copyright)
    prompts = config.compendium_code_prompts.get(lang)
    if prompts:
        config.nb_code_prompt_show, config.nb_code_prompt_hide = prompts
    if lang != "en":
        config.smartquotes = False  # Sphinx's Russian quotes turn an English apostrophe into „“
    if config.compendium_edition_link:
        config.html_theme_options = {**config.html_theme_options,
                                     "announcement": config.compendium_edition_link}


def setup(app):
    app.add_config_value("compendium_titles", {}, "html")
    app.add_config_value("compendium_authors", {}, "html")
    app.add_config_value("compendium_copyrights", {}, "html")
    app.add_config_value("compendium_edition_link", "", "html")
    app.add_config_value("compendium_locale_dir", str(LOCALE_DIR), "env")
    app.add_config_value("compendium_replacements", {}, "env")
    app.add_config_value("compendium_code_prompts", {}, "env")
    app.connect("config-inited", _on_config_inited)
    app.connect("source-read", _on_source_read)
    app.connect("doctree-read", book_html.raw_html_as_text)  # HTML in Markdown shows as text
    directives.setup(app)
    app.connect("env-get-updated", figures_module.number_per_chapter, priority=900)  # after Sphinx numbers them
    return {"parallel_read_safe": True, "parallel_write_safe": True}


