"""The reader's edition: a Sphinx book (MyST-NB, sphinx-book-theme) of the executed notebooks.

:func:`build` makes one edition (``en`` from ``notebooks/``, ``ru`` from the Russian run
``runs/ru/``); :func:`build_site` makes both, the Russian one in ``<out>/ru/``. Nothing is executed
(``nb_execution_mode = "off"``) and nothing is fetched: the theme's scripts, fonts and styles are
local files of the output folder.

How a build goes: the notebooks are copied into a temporary source folder (the claims ledger
``00_*`` becomes the root page ``index``; the untouched notebooks go to ``_notebooks/`` for the
download links), with the edition's pages from ``book/pages/<lang>/``; Sphinx runs with the
configuration ``book/conf.py`` into a temporary folder beside the output folder, which then takes
its place by two renames under a lock (:func:`~transition.run.site_folder.replace_folder`): two
builds at once never leave a broken or mixed site, the last one to finish wins. Only a new or empty
folder, or a site a render wrote (it carries a marker file), is replaced: any other is refused
before anything is built (:func:`~transition.run.site_folder.check_output`).

This module is also the Sphinx extension (``setup``) that prepares each notebook as it is read,
without editing the notebook files: every code cell gets MyST-NB's ``hide-input`` tag (code
collapsed behind a toggle), each figure output becomes a numbered figure captioned with its
section's heading, the first heading gets a download link of the notebook, a hidden table of
contents is added to the root page, and in a translated edition each Markdown cell is replaced by
its translation from the catalogue ``book/locale/<lang>/<notebook>.yml``. Catalogue entries are
keyed by the sha256 of the English source of the cell, so a changed English cell shows up as
*missing* (no entry for its new hash) and its old entry as *stale*: see :func:`catalogue_status`.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import sphinx.locale
import yaml
from sphinx.cmd.build import build_main

from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from transition.run import book_html, findings_locale
from transition.run.provenance import DATA_DIR, add_notes, copy_data
from transition.run.site_folder import SITE_DIR, check_output, replace_folder, scratch_output

BOOK_DIR = PROJECT_ROOT / "book"
RU_RUN_DIR = PROJECT_ROOT / "runs" / "ru"
LOCALE_DIR = BOOK_DIR / "locale"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
SAFE_NAME = re.compile(r"[0-9][0-9]_[A-Za-z0-9_.-]+\.ipynb")
LEDGER_PREFIX = "00_"
ROOT_DOC = "index"
ORIGINALS = "_notebooks"
LANGUAGES = ("en", "ru")
#: Pages of ``book/pages/<lang>/`` placed before and after the notebooks in the table of contents.
PAGES_BEFORE = ("claims",)
PAGES_AFTER = ("references",)
#: Texts the extension adds to each page, by language.
DOWNLOAD_LABEL = {"en": "Download this notebook (.ipynb)", "ru": "Скачать этот блокнот (.ipynb)"}
#: Where a Russian edition sits in a site and how each edition links the other (see build_site).
EDITION_DIRS = {"en": "", "ru": "ru"}
EDITION_LINKS = {"en": '<a href="ru/index.html">Русская версия</a>',
                 "ru": '<a href="../index.html">English edition</a>'}
HEADINGS_FILE = "headings.yml"
HEADING = re.compile(r"^(#{1,6}\s+)(\d+(?:\.\d+)*\s+)?(.*?)\s*$")
SECTION_NUMBER = re.compile(r"^\d+(\.\d+)*\s+")
FIGURE_CALL = re.compile(r"\.figure\([^\"']*[\"']([^\"']+)[\"']")  # its first string: the figure's name
DOC_ROLE = re.compile(r"\{doc\}`([^<`]+?)\s*<([^>`]+)>`")
EMBED_TAG = re.compile(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>")
EMBED_URL = re.compile(r'(?:src|href)="([^"]*)"')
REMOTE = re.compile(r"(https?:)?//")
REMOTE_CSS = re.compile(r"(?:url\(|@import)\s*['\"]?(?:https?:)?//[^)'\";]*")
FIGURE_LINK = re.compile(r"\[([^\]]*)\]\((?:\.\./)?(?:results/)?figures/([^)/]+)\.png\)")


# --------------------------------------------------------------------------------------------------
# Building


def notebooks_for(lang: str) -> Path:
    """The folder of executed notebooks an edition is built from (the default run, or runs/<lang>/)."""
    return NOTEBOOKS_DIR if lang == "en" else PROJECT_ROOT / "runs" / lang


def prepare_sources(notebooks_dir: Path, lang: str, src: Path) -> list[str]:
    """Fill the Sphinx source folder ``src``; return the notebook file names it holds."""
    pages = BOOK_DIR / "pages" / lang
    if not pages.is_dir():
        raise FileNotFoundError(f"no pages for language {lang!r}: {pages}")
    originals = src / ORIGINALS
    originals.mkdir(parents=True)
    names = sorted(p.name for p in Path(notebooks_dir).glob(NOTEBOOK_GLOB))
    unsafe = [name for name in names if not SAFE_NAME.fullmatch(name)]
    if unsafe:  # its name would go into links, the table of contents and page names as it is
        warnings.warn(f"left out of the book (a notebook's name is letters, digits, '_', '.', '-'): {unsafe}",
                      stacklevel=2)
        names = [name for name in names if name not in unsafe]
    for name in names:
        shutil.copy2(Path(notebooks_dir) / name, originals / name)
        doc = ROOT_DOC + ".ipynb" if name.startswith(LEDGER_PREFIX) else name
        shutil.copy2(Path(notebooks_dir) / name, src / doc)
    if not any(name.startswith(LEDGER_PREFIX) for name in names):
        (src / "index.md").write_text("# The post-communist transition\n", encoding="utf-8")
    for page in pages.glob("*.md"):
        shutil.copy2(page, src / page.name)
    copy_data(Path(notebooks_dir), src)
    return names


def _sphinx(src: Path, out: Path, lang: str, edition_link: str, quiet: bool = True,
            locale_dir: Path = LOCALE_DIR) -> None:
    """Run Sphinx's HTML builder with ``book/conf.py``; raise when it fails."""
    args = ["-b", "html", "-c", str(BOOK_DIR), "-d", str(src / "_doctrees"), "-j", "1",
            "-D", f"language={lang}", "-D", f"compendium_edition_link={edition_link}",
            "-D", f"compendium_locale_dir={locale_dir}"]
    if quiet:
        args.append("-q")
    sphinx.locale.translators.clear()  # an earlier build in this process may have loaded another language
    status = build_main([*args, str(src), str(out)])
    if status != 0:
        raise RuntimeError(f"sphinx-build failed (exit {status}) for the {lang} edition")


def _build_edition(notebooks_dir: Path, lang: str, out: Path, edition_link: str,
                   quiet: bool = True, locale_dir: Path = LOCALE_DIR) -> None:
    """Build one edition into ``out`` (a new folder) from a scratch source folder.

    MyST-NB writes the notebooks' images beside Sphinx's output folder (``../jupyter_execute``),
    so Sphinx writes into the scratch folder too, and the result is moved to ``out``.
    """
    with tempfile.TemporaryDirectory(prefix=f"book-{lang}-") as scratch:
        src, html = Path(scratch) / "src", Path(scratch) / "html"
        prepare_sources(notebooks_dir, lang, src)
        _sphinx(src, html, lang, edition_link, quiet, locale_dir)
        # Sphinx's build bookkeeping (and its empty _sources/: no source is copied) is of no use to a reader.
        (html / ".buildinfo").unlink(missing_ok=True)
        (html / ".buildinfo.bak").unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            (html / "_sources").rmdir()
        remote = external_resources(html)
        if remote:
            warnings.warn(f"the {lang} book fetches from the network: " + "; ".join(remote[:5]), stacklevel=2)
        shutil.move(html, out)


def external_resources(site: Path) -> list[str]:
    """``page: URL`` of every script, style sheet, font or image a built site would fetch from the
    network (none expected; e.g. Sphinx's MathJax from a CDN, were a page to show a formula)."""
    found = []
    for page in sorted(Path(site).rglob("*.html")):
        for tag in EMBED_TAG.findall(page.read_text(encoding="utf-8")):
            found += [f"{page.relative_to(site)}: {url}" for url in EMBED_URL.findall(tag) if REMOTE.match(url)]
    for sheet in sorted(Path(site).rglob("*.css")):
        found += [f"{sheet.relative_to(site)}: {m.group(0)}" for m in REMOTE_CSS.finditer(sheet.read_text(encoding="utf-8"))]
    return found


def build(out_dir: Path | str, lang: str = "en", notebooks_dir: Path | str | None = None,
          edition_link: str = "", quiet: bool = True, locale_dir: Path | str = LOCALE_DIR) -> Path:
    """Build one edition of the book into ``out_dir`` (replaced whole, atomically); return it.

    ``notebooks_dir`` defaults to :func:`notebooks_for` ``(lang)``; ``edition_link`` is an HTML
    link shown at the top of every page (e.g. to the other edition), none by default;
    ``locale_dir`` holds the translation catalogues (``<lang>/<notebook>.yml``).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    out_dir = Path(out_dir).resolve()
    check_output(out_dir)
    notebooks_dir = Path(notebooks_dir) if notebooks_dir is not None else notebooks_for(lang)
    building = scratch_output(out_dir)
    try:
        _build_edition(notebooks_dir, lang, building / "site", edition_link, quiet, Path(locale_dir))
        replace_folder(building / "site", out_dir)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return out_dir


def build_site(out_dir: Path | str = SITE_DIR, notebooks_dir: Path | str = NOTEBOOKS_DIR,
               ru_dir: Path | str | None = RU_RUN_DIR, quiet: bool = True) -> Path:
    """Both editions: English in ``out_dir``, Russian (from ``ru_dir``) in ``out_dir/ru``.

    The Russian edition is built when ``ru_dir`` holds executed notebooks; each edition then links
    the other. ``out_dir`` is replaced whole, atomically.
    """
    out_dir = Path(out_dir).resolve()
    check_output(out_dir)
    has_ru = ru_dir is not None and any(Path(ru_dir).glob(NOTEBOOK_GLOB))
    building = scratch_output(out_dir)
    try:
        _build_edition(Path(notebooks_dir), "en", building / "site", EDITION_LINKS["en"] if has_ru else "", quiet)
        if has_ru:
            _build_edition(Path(ru_dir), "ru", building / "site" / EDITION_DIRS["ru"], EDITION_LINKS["ru"], quiet)
        replace_folder(building / "site", out_dir)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return out_dir


# --------------------------------------------------------------------------------------------------
# Translation catalogues


def cell_text(cell: dict) -> str:
    """A cell's source as one string (notebook JSON stores it as a string or a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def cell_hash(text: str) -> str:
    """The key of a Markdown cell in a catalogue: sha256 of its English source (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def catalogue_path(stem: str, lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return Path(locale_dir) / lang / f"{stem}.yml"


def load_catalogue(stem: str, lang: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str]:
    """``{sha256 of English source: translation}`` of one notebook ({} without a catalogue)."""
    path = catalogue_path(stem, lang, locale_dir)
    if not path.exists():
        return {}
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("cells") or []
    return {entry["sha256"]: entry[lang] for entry in entries if entry.get(lang)}


@dataclass
class CatalogueStatus:
    """Markdown cells of one notebook without a translation, and translations of no current cell."""
    stem: str
    cells: int = 0
    missing: list[str] = field(default_factory=list)  # first line of each untranslated cell
    stale: list[str] = field(default_factory=list)  # sha256 of each entry no cell has any more

    @property
    def translated(self) -> int:
        return self.cells - len(self.missing)


def catalogue_status(notebooks_dir: Path | str = NOTEBOOKS_DIR, lang: str = "ru",
                     locale_dir: Path = LOCALE_DIR) -> list[CatalogueStatus]:
    """For each notebook: its Markdown cells that lack a translation and its catalogue's stale entries."""
    statuses = []
    for path in sorted(Path(notebooks_dir).glob(NOTEBOOK_GLOB)):
        cells = [cell_text(c) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                 if c["cell_type"] == "markdown"]
        catalogue = load_catalogue(path.stem, lang, locale_dir)
        hashes = {cell_hash(text) for text in cells}
        status = CatalogueStatus(path.stem, len(cells))
        status.missing = [text.splitlines()[0] if text else "" for text in cells if cell_hash(text) not in catalogue]
        status.stale = sorted(key for key in catalogue if key not in hashes)
        statuses.append(status)
    return statuses


def load_headings(lang: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str]:
    """The shared catalogue of headings, ``{English heading: translation}`` (section numbers left out).

    It translates the headings of a cell that has no translation of its own, so the table of
    contents, the section titles and the figure captions are translated before the prose is.
    """
    path = Path(locale_dir) / lang / HEADINGS_FILE
    if not path.exists():
        return {}
    return {k: v for k, v in ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("headings") or {}).items() if v}


def heading_texts(text: str) -> list[str]:
    """The headings of a Markdown text, without the #s and the section number."""
    return [m.group(3) for m in map(HEADING.match, text.splitlines()) if m]


def translate_headings(text: str, headings: dict[str, str]) -> str:
    """``text`` with each heading the catalogue ``headings`` has replaced by its translation."""
    def line(source: str) -> str:
        match = HEADING.match(source)
        if not match or match.group(3) not in headings:
            return source
        return f"{match.group(1)}{match.group(2) or ''}{headings[match.group(3)]}"
    return "\n".join(line(source) for source in text.split("\n"))


def headings_status(notebooks_dir: Path | str = NOTEBOOKS_DIR, lang: str = "ru",
                    locale_dir: Path = LOCALE_DIR) -> tuple[list[str], list[str]]:
    """Headings with no translation (in cells with no translation of their own), and unused entries."""
    wanted, used = [], set()
    for path in sorted(Path(notebooks_dir).glob(NOTEBOOK_GLOB)):
        catalogue = load_catalogue(path.stem, lang, locale_dir)
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = cell_text(cell)
            if cell["cell_type"] == "markdown":
                used.update(heading_texts(text))
                if cell_hash(text) not in catalogue:
                    wanted += [h for h in heading_texts(text) if h not in wanted]
    headings = load_headings(lang, locale_dir)
    return [h for h in wanted if h not in headings], sorted(set(headings) - used)


class _LiteralDumper(yaml.SafeDumper):
    """YAML with multi-line strings as literal blocks (readable, diff-friendly catalogues)."""


_LiteralDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text,
                                                      style="|" if "\n" in text else None))


def update_catalogue(notebook: Path | str, lang: str = "ru", locale_dir: Path = LOCALE_DIR) -> Path:
    """Add an entry (English source, empty translation) for each Markdown cell the catalogue lacks.

    Existing translations are kept, stale ones too (marked ``stale: true``) so that a translator
    can reuse them; the entries follow the notebook's order, stale ones last.
    """
    notebook = Path(notebook)
    path = catalogue_path(notebook.stem, lang, locale_dir)
    old = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("cells", []) if path.exists() else []
    by_hash = {entry["sha256"]: entry for entry in old}
    cells = [cell_text(c) for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
             if c["cell_type"] == "markdown"]
    entries = []
    for text in cells:
        key = cell_hash(text)
        entry = by_hash.pop(key, None) or {"sha256": key, "en": text, lang: ""}
        entry.pop("stale", None)
        entries.append(entry)
    entries += [{**entry, "stale": True} for entry in by_hash.values()]
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# {notebook.stem}: {lang} translation of each Markdown cell, keyed by the sha256 of its\n"
              "# English source (`en`, for reference). Regenerate with transition.run.book.update_catalogue.\n")
    body = yaml.dump({"notebook": notebook.stem, "cells": entries}, Dumper=_LiteralDumper,
                     allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------------
# The Sphinx extension: notebooks prepared as they are read


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


def _figure_options(cell: dict, caption: str | None, stem: str, number: int) -> None:
    """Make the cell's single image output a captioned, numbered figure (MyST-NB cell metadata)."""
    images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    if len(images) != 1 or caption is None:
        return
    options = cell.setdefault("metadata", {}).setdefault("mystnb", {})
    options.setdefault("figure", {"caption": caption, "name": figure_label(figure_id(cell) or f"{stem}-{number}")})


def link_figures(text: str, known: set[str]) -> str:
    """Links to saved figure files (``[fig](../results/figures/02_x.png)``) → references to the figures."""
    def reference(match: re.Match) -> str:
        label, name = match.group(1), match.group(2)
        return f"{{ref}}`{label} <{figure_label(name)}>`" if name in known else match.group(0)
    return FIGURE_LINK.sub(reference, text)


def prepare_notebook(nb: dict, stem: str, lang: str = "en", catalogue: dict[str, str] | None = None,
                     replacements: list[tuple[str, str]] = (), download: str | None = None,
                     toctree: list[str] | None = None, figures: set[str] = frozenset(),
                     headings: dict[str, str] | None = None) -> dict:
    """The notebook as the book shows it (a new dict; ``nb`` is left alone).

    Markdown cells: translated from ``catalogue`` where it has them (else their headings from
    ``headings``, see :func:`translate_headings`), then ``replacements``
    (literal text → MyST, e.g. a citation role) applied; ``download`` is the path of the notebook
    file for the download link; ``toctree`` (root page only) the documents of the hidden table of
    contents; ``figures`` the saved figures of the book, which links to their files now point at.
    Code cells: collapsed (``hide-input``); a single figure per cell becomes a numbered
    figure captioned with the heading of its section.
    """
    nb = json.loads(json.dumps(nb))
    catalogue = catalogue or {}
    section, number, first_markdown = None, 0, True
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            source = cell_text(cell)
            text = catalogue.get(cell_hash(source)) or translate_headings(source, headings or {})
            text = _rewrite(text, replacements, figures)
            if first_markdown and download:
                text = _with_download(text, f"[{DOWNLOAD_LABEL[lang]}](path:{download})")
            first_markdown = False
            section = _heading(text) or section
            cell["source"] = text
        elif cell["cell_type"] == "code" and cell_text(cell).strip():
            _rewrite_markdown_outputs(cell, replacements, figures)
            tags = cell.setdefault("metadata", {}).setdefault("tags", [])
            if not {"remove-input", "remove-cell", "hide-input", "hide-cell"} & set(tags):
                tags.append("hide-input")
            if any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
                cell["outputs"] = [o for o in cell["outputs"] if not _bare_result(o)]
                number += 1
                _figure_options(cell, section, stem, number)
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
    nb = prepare_notebook(json.loads(source[0]), stem, lang, catalogue,
                          replacements=config.compendium_replacements.get(lang, []),
                          download=f"{ORIGINALS}/{name}" if has_original else None,
                          toctree=toc_entries(srcdir) if docname == config.root_doc else None,
                          figures=book_figures(srcdir), headings=headings)
    if lang != "en":  # the computed Markdown (findings, evidence) from the findings catalogue
        findings_locale.translate_outputs(nb, findings_locale.load(lang, locale_dir))
    add_notes(nb, stem, lang, srcdir / DATA_DIR)
    source[0] = json.dumps(nb)


def _on_config_inited(app, config) -> None:
    """Language-dependent settings (the language is given on the command line, after conf.py)."""
    lang = config.language or "en"
    config.html_title = config.compendium_titles.get(lang, config.html_title)
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
    app.add_config_value("compendium_edition_link", "", "html")
    app.add_config_value("compendium_locale_dir", str(LOCALE_DIR), "env")
    app.add_config_value("compendium_replacements", {}, "env")
    app.add_config_value("compendium_code_prompts", {}, "env")
    app.connect("config-inited", _on_config_inited)
    app.connect("source-read", _on_source_read)
    app.connect("doctree-read", book_html.raw_html_as_text)  # HTML in Markdown shows as text
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# --------------------------------------------------------------------------------------------------
# python -m transition.run.book status|update|build


def print_status(notebooks_dir: Path | str, lang: str = "ru", locale_dir: Path = LOCALE_DIR) -> int:
    """Print the translation status of each notebook; return the number of cells and headings to do."""
    todo = 0
    for status in catalogue_status(notebooks_dir, lang, locale_dir):
        print(f"{status.stem}: {status.translated}/{status.cells} Markdown cells translated, "
              f"{len(status.stale)} stale entries")
        todo += len(status.missing)
    missing, unused = headings_status(notebooks_dir, lang, locale_dir)
    print(f"headings: {len(missing)} without a translation" + "".join(f"\n  {h}" for h in missing))
    print(f"headings: {len(unused)} unused entries" + "".join(f"\n  {h}" for h in unused))
    findings = findings_locale.status(Path(notebooks_dir), lang, Path(locale_dir))
    print("computed paragraphs without a translation: " + ", ".join(f"{k} {len(v)}" for k, v in findings.items()))
    return todo + len(missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m transition.run.book", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["status", "update", "build"])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--notebooks", type=Path, default=None,
                        help="status/update: the notebooks (default: the language's run folder)")
    parser.add_argument("--ru-dir", type=Path, default=RU_RUN_DIR, help="build: the Russian run's notebooks")
    parser.add_argument("--out", type=Path, default=SITE_DIR, help="build: the site folder")
    args = parser.parse_args(argv)
    notebooks_dir = args.notebooks or notebooks_for(args.lang)
    if args.command == "status":
        print_status(notebooks_dir, args.lang)
    elif args.command == "update":
        for path in sorted(Path(notebooks_dir).glob(NOTEBOOK_GLOB)):
            print(update_catalogue(path, args.lang))
    else:
        print(build_site(args.out, ru_dir=args.ru_dir, quiet=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
