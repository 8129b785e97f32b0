"""The reader's edition: a Sphinx book (MyST-NB, sphinx-book-theme) of the executed notebooks.

:func:`build` makes one edition (``en`` from ``notebooks/``, ``ru`` from the Russian run
``runs/ru/``); :func:`build_site` makes both, the Russian one in ``<out>/ru/``. Nothing is executed
(``nb_execution_mode = "off"``) and nothing is fetched: the theme's scripts, fonts and styles are
local files of the output folder.

How a build goes: the notebooks are copied into a temporary source folder (the claims ledger
``00_*`` becomes the root page ``index``; the untouched notebooks go to ``_notebooks/`` for the
download links), with the edition's pages from ``book/pages/<lang>/``; Sphinx runs with the
configuration ``book/conf.py`` into a temporary folder beside the output folder, which then takes
its place by two renames under a lock (:func:`~transition.publish.site_folder.replace_folder`): two
builds at once never leave a broken or mixed site, the last one to finish wins. Only a new or empty
folder, or a site a render wrote (it carries a marker file), is replaced: any other is refused
before anything is built (:func:`~transition.publish.site_folder.check_output`).

The Sphinx extension that prepares each notebook as it is read is :mod:`transition.publish.extension`;
the translation catalogues are :mod:`transition.publish.catalogue`.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import tempfile
import warnings
from pathlib import Path

import sphinx.locale
from sphinx.cmd.build import build_main

from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT, RESULTS_DIR
from transition.publish import directives, explorer, findings_locale
from transition.publish.catalogue import (  # noqa: F401 (the book's translation API, re-exported)
    BOOK_DIR,
    HEADINGS_FILE,
    LOCALE_DIR,
    NOTEBOOK_GLOB,
    CatalogueStatus,
    catalogue_status,
    cell_hash,
    cell_text,
    headings_status,
    load_catalogue,
    load_headings,
    update_catalogue,
)
from transition.publish.extension import (  # noqa: F401 (re-exported for the tests and the explorer)
    LEDGER_PREFIX,
    ORIGINALS,
    ROOT_DOC,
    figure_label,
    link_figures,
    prepare_notebook,
)
from transition.publish.provenance import copy_data, results_for
from transition.publish.site_folder import SITE_DIR, check_output, replace_folder, scratch_output

RU_RUN_DIR = PROJECT_ROOT / "runs" / "ru"
SAFE_NAME = re.compile(r"[0-9][0-9]_[A-Za-z0-9_.-]+\.ipynb")
LANGUAGES = ("en", "ru")
#: Where a Russian edition sits in a site and how each edition links the other (see build_site).
EDITION_DIRS = {"en": "", "ru": "ru"}
EDITION_LINKS = {"en": '<a href="ru/index.html">Русская версия</a>',
                 "ru": '<a href="../index.html">English edition</a>'}
EMBED_TAG = re.compile(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>")
EMBED_URL = re.compile(r'(?:src|href)="([^"]*)"')
REMOTE = re.compile(r"(https?:)?//")
REMOTE_CSS = re.compile(r"(?:url\(|@import)\s*['\"]?(?:https?:)?//[^)'\";]*")


# --------------------------------------------------------------------------------------------------
# Building


def notebooks_for(lang: str) -> Path:
    """The folder of executed notebooks an edition is built from (the default run, or runs/<lang>/)."""
    return NOTEBOOKS_DIR if lang == "en" else PROJECT_ROOT / "runs" / lang


def multiverse_for(notebooks_dir: Path) -> Path:
    """The folder whose multiverse tables the explorer shows: the notebooks' results folder when it
    has any (the default run's ``results/``), else ``results/`` (a named run has none of its own)."""
    folder = results_for(Path(notebooks_dir))
    return folder if any(folder.glob(explorer.TABLE_GLOB)) else RESULTS_DIR


def prepare_sources(notebooks_dir: Path, lang: str, src: Path, multiverse_dir: Path | None = None) -> list[str]:
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
    multiverse = multiverse_dir or multiverse_for(Path(notebooks_dir))
    copy_data(Path(notebooks_dir), src, also=multiverse.glob(explorer.TABLE_GLOB))  # the curves' tables too
    data = explorer.explorer_data(multiverse, lang)
    (src / directives.EXPLORER_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
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
        shutil.copy2(src / directives.EXPLORER_FILE, html / "explore.json")  # the explorer's data, downloadable
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
# python -m transition.publish.book status|update|build


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
    parser = argparse.ArgumentParser(prog="python -m transition.publish.book", description=__doc__.splitlines()[0])
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
