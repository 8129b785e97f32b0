"""The reader's edition (transition.publish.book): the Sphinx book built from small fixture notebooks.

No kernel is started: the fixture notebooks get hand-made outputs (a table, a figure, findings), as
an executed notebook has them, and the book is built with ``nb_execution_mode = "off"``.
"""
from __future__ import annotations

import html as html_module
import json
import re
import shutil
import threading
from pathlib import Path

import nbformat
import pytest
import yaml
from runner_fixtures import fixture_notebook

from transition.publish import book, site_folder

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
STEMS = ["00_fixture_ledger", "01_fixture", "02_fixture"]
TRANSLATED_HEADING = "## 1 A table"
RU_HEADING = "## 1 Таблица значений"


def executed(stem: str) -> nbformat.NotebookNode:
    """A fixture notebook with the outputs an executed one would have (no kernel started)."""
    nb = fixture_notebook(stem)
    out = nbformat.v4.new_output
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        source = cell.source
        if "out.table(" in source:
            cell.outputs = [out("stream", name="stdout", text="results/table.csv\n"),
                            out("execute_result", data={"text/html": "<table><tr><th>year</th></tr></table>",
                                                        "text/plain": "year"}, execution_count=1)]
        elif "out.figure(" in source:
            cell.outputs = [out("execute_result", data={"text/plain": "PosixPath('/tmp/x.png')"}, execution_count=2),
                            out("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})]
        elif source.startswith("findings("):
            text = "The total is 3.0 units, as Bruno & Easterly (1998) would count it."
            if stem.startswith("00_"):
                text += "\n\n| claim | where |\n|---|---|\n| C1 | [fig](../results/figures/01_fixture_figure.png) |"
            cell.outputs = [out("execute_result", data={"text/markdown": text, "text/plain": text}, execution_count=3)]
    if stem.startswith("00_"):
        nb.cells[0].source = "# The fixture ledger\n\n## Overview\n\nIts claims on [the claims page](../book/pages/en/claims.md)."
    return nb


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("notebooks")
    for stem in STEMS:
        nbformat.write(executed(stem), folder / f"{stem}.ipynb")
    (folder / "01_fixture_table.csv").write_text("year,value\n2000,1.5\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def locale(tmp_path_factory) -> Path:
    """A Russian catalogue for 01_fixture: one heading translated, one stale entry."""
    folder = tmp_path_factory.mktemp("locale")
    entries = [{"sha256": book.cell_hash(TRANSLATED_HEADING), "en": TRANSLATED_HEADING, "ru": RU_HEADING},
               {"sha256": book.cell_hash("## An old heading"), "en": "## An old heading", "ru": "## Старый"}]
    (folder / "ru").mkdir()
    (folder / "ru" / "01_fixture.yml").write_text(yaml.safe_dump({"cells": entries}, allow_unicode=True),
                                                    encoding="utf-8")
    headings = {"headings": {"A figure": "Рисунок", "Overview": "Обзор", "A heading no notebook has": "Нет"}}
    (folder / "ru" / book.HEADINGS_FILE).write_text(yaml.safe_dump(headings, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def english(notebooks, tmp_path_factory) -> Path:
    return book.build(tmp_path_factory.mktemp("site") / "en", "en", notebooks_dir=notebooks)


@pytest.fixture(scope="module")
def russian(notebooks, locale, tmp_path_factory) -> Path:
    return book.build(tmp_path_factory.mktemp("site") / "ru", "ru", notebooks_dir=notebooks, locale_dir=locale)


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_index_is_the_ledger_then_claims_then_notebooks(english):
    index = html(english, "index.html")
    assert re.search(r"<h1>The fixture ledger", index)
    nav = index[index.index("bd-docs-nav"):]
    pages = re.findall(r'class="reference internal" href="([^"]*)">\s*([^<]*?)\s*</a>', nav)
    assert pages[0] == ("#", "The fixture ledger")  # the root page, first in the table of contents
    assert [href for href, _ in pages[1:6]] == ["claims.html", "explore.html", "01_fixture.html", "02_fixture.html",
                                                "references.html"]


def test_claims_page_cites_the_essay_and_points_nowhere_outside(english):
    claims = html(english, "claims.html")
    assert "C10" in claims and "references.html#" in claims
    assert "shared/seed" not in claims and "shared/seed" not in html(english, "index.html")
    assert 'href="claims.html"' in html(english, "index.html")  # the notebook's link to the claims page


def test_every_figure_and_table_links_its_data_and_says_where_it_came_from(english, notebooks):
    page = html(english, "01_fixture.html")
    links = re.findall(r'href="(_downloads/[^"]+/01_fixture_table\.csv)"', page)
    assert len(links) == 2  # the table's own cell, and the figure drawn after it
    assert (english / links[0]).read_text(encoding="utf-8") == (notebooks / "01_fixture_table.csv").read_text()
    notes = re.findall(r"Data: .*?</p>", page, re.DOTALL)
    assert len(notes) == 2 and all("cell" in n and "commit" not in n for n in notes)  # short, under each output
    [provenance] = re.findall(r"Where this page comes from:.*?</p>", page, re.DOTALL)  # once per page
    assert "01_fixture.ipynb" in provenance and "parameters: default run" in provenance
    assert "SHA-256" in provenance and provenance.count("01_fixture_table.csv") == 1


def test_committed_notebooks_link_nothing_outside_the_project():
    pattern = re.compile(r"shared/seed|data README|CLAIMS\.md")
    for path in [*sorted(book.NOTEBOOKS_DIR.glob(book.NOTEBOOK_GLOB)), book.PROJECT_ROOT / "README.md",
                 *sorted(book.BOOK_DIR.rglob("*.md")), *sorted(book.BOOK_DIR.rglob("*.yml"))]:
        if path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            text = "\n".join(book.cell_text(c) for c in cells if c["cell_type"] == "markdown")
        else:
            text = path.read_text(encoding="utf-8")
        if path.suffix == ".yml":  # the Russian texts (the English beside them may be an old one, marked stale)
            entries = (yaml.safe_load(text) or {}).get("cells", [])
            text = "\n".join(e.get("ru") or "" for e in entries if not e.get("stale"))
        assert not pattern.search(text), path.name


def test_search_page_and_index(english):
    assert (english / "search.html").exists()
    index = (english / "searchindex.js").read_text(encoding="utf-8")
    assert "fixture" in index.lower()


def test_code_cells_are_collapsed_behind_a_toggle(english):
    page = html(english, "01_fixture.html")
    inputs = page.count('class="cell_input')
    collapsed = len(re.findall(r'<details class="[^"]*hide above-input">\s*<summary', page))
    assert inputs > 0 and collapsed == inputs
    assert "<details open" not in page and "Show code" in page


def test_each_notebook_page_links_its_ipynb(english, notebooks):
    for stem in STEMS:
        page = html(english, "index.html" if stem.startswith("00_") else f"{stem}.html")
        links = re.findall(rf'href="(_downloads/[^"]+/{stem}\.ipynb)"', page)
        assert links, stem
        downloaded = json.loads((english / links[0]).read_text(encoding="utf-8"))
        assert downloaded == json.loads((notebooks / f"{stem}.ipynb").read_text(encoding="utf-8"))


def test_figures_are_numbered_and_captioned_and_bare_values_dropped(english):
    page = html(english, "01_fixture.html")
    # Numbered within the chapter (01 → "Fig. 1.1"); the caption: captions.yml, else the section's heading.
    assert re.search(r'<figcaption>\s*<p><span class="caption-number">Fig\. 1\.1 </span>.*A figure', page, re.DOTALL)
    assert "PosixPath" not in page
    # The ledger's link to a figure file points at the figure in its notebook's page.
    assert re.search(r'href="01_fixture.html#fig-01-fixture-figure"', html(english, "index.html"))


def test_citations_link_the_bibliography(english):
    assert re.search(r'href="references.html#id\d+"[^>]*>Bruno and Easterly', html(english, "01_fixture.html"))
    references = html(english, "references.html")
    assert "Inflation crises and long-run growth" in references and "Staehr" in references
    # Every entry of the one BibTeX file is listed (the essay, the literature, the data sources).
    entries = len(re.findall(r"^@\w+\{", (book.BOOK_DIR / "references.bib").read_text(encoding="utf-8"), re.MULTILINE))
    assert references.count('role="doc-biblioentry"') == entries


def test_no_external_scripts_fonts_or_styles(english, russian, tmp_path):
    for site in (english, russian):
        assert book.external_resources(site) == []
    # The check itself sees a script from a CDN and a font imported from the web.
    (tmp_path / "page.html").write_text('<script async src="https://cdn.example/mathjax.js"></script>'
                                        '<link rel="stylesheet" href="_static/local.css">')
    (tmp_path / "style.css").write_text("@import url('https://fonts.example/css');")
    assert len(book.external_resources(tmp_path)) == 2


def test_russian_edition(russian):
    index = html(russian, "index.html")
    assert re.search(r'<html[^>]*\blang="ru"', index)
    assert "Поиск" in index  # Sphinx's own Russian labels
    assert "Тезисы эссе" in html(russian, "claims.html")
    page = html(russian, "01_fixture.html")
    assert "Таблица значений" in page and "A cell that fails on request" in page  # translated; kept
    # A cell without its own translation gets its headings from the shared catalogue: so do captions.
    assert re.search(r"<h2>3 Рисунок", page) and re.search(r'caption-text">Рисунок<', page)
    assert "Скачать этот блокнот" in page and "Показать код" in page


def test_catalogue_status_lists_missing_and_stale(notebooks, locale):
    status = {s.stem: s for s in book.catalogue_status(notebooks, "ru", locale)}
    fixture = status["01_fixture"]
    assert fixture.translated == 1 and fixture.cells == 6
    assert "## 2 A cell that fails on request" in fixture.missing
    assert fixture.stale == [book.cell_hash("## An old heading")]
    assert status["02_fixture"].translated == 0 and status["02_fixture"].stale == []


def test_update_catalogue_adds_stubs_and_keeps_translations(notebooks, locale, tmp_path):
    catalogue = tmp_path / "locale"
    (catalogue / "ru").mkdir(parents=True)
    (catalogue / "ru" / "01_fixture.yml").write_bytes((locale / "ru" / "01_fixture.yml").read_bytes())
    book.update_catalogue(notebooks / "01_fixture.ipynb", "ru", catalogue)
    entries = yaml.safe_load((catalogue / "ru" / "01_fixture.yml").read_text(encoding="utf-8"))["cells"]
    assert len(entries) == 7 and entries[-1]["stale"] is True
    assert book.load_catalogue("01_fixture", "ru", catalogue) == {
        book.cell_hash(TRANSLATED_HEADING): RU_HEADING, book.cell_hash("## An old heading"): "## Старый"}
    assert sum(1 for entry in entries if entry["ru"] == "") == 5


def test_prepare_notebook_leaves_the_notebook_alone():
    nb = json.loads(nbformat.writes(executed("01_fixture")))
    before = json.dumps(nb, sort_keys=True)
    prepared = book.prepare_notebook(nb, "01_fixture", "en", download="_notebooks/01_fixture.ipynb")
    assert json.dumps(nb, sort_keys=True) == before
    code = [c for c in prepared["cells"] if c["cell_type"] == "code"]
    assert all("hide-input" in c["metadata"]["tags"] for c in code)
    assert "](path:_notebooks/01_fixture.ipynb)" in prepared["cells"][0]["source"]


def test_replacing_the_site_while_another_build_replaces_it(tmp_path):
    """Two builds swapping their result in at once: the folder is always one whole build."""
    out = tmp_path / "site"

    def swap(tag: str) -> None:
        for i in range(20):
            built = tmp_path / f"built-{tag}-{i}"
            built.mkdir()
            (built / "index.html").write_text(tag)
            (built / "search.html").write_text(tag)
            book.replace_folder(built, out)

    threads = [threading.Thread(target=swap, args=(tag,)) for tag in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(p.name for p in out.iterdir()) == [site_folder.MARKER, "index.html", "search.html"]
    assert (out / "index.html").read_text() == (out / "search.html").read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.old")]


def test_headings_status_lists_missing_and_unused(notebooks, locale):
    missing, unused = book.headings_status(notebooks, "ru", locale)
    assert "A figure" not in missing and "Overview" not in missing
    assert "A table" in missing  # 01_fixture's cell has its own translation, 02_fixture's has not
    assert "Headline numbers" in missing and "The fixture ledger" in missing
    assert unused == ["A heading no notebook has"]


def test_committed_catalogues_are_well_formed():
    """Each entry of book/locale/: its key is the sha256 of the English text it stores; the headings
    catalogue maps text to text."""
    for path in sorted((book.LOCALE_DIR / "ru").glob("[0-9][0-9]_*.yml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))["cells"]
        for entry in entries:
            assert entry["sha256"] == book.cell_hash(entry["en"]), (path.name, entry["en"][:60])
            assert isinstance(entry.get("ru", ""), str)  # empty: a stub still to translate
    headings = book.load_headings("ru")
    assert headings and all(isinstance(v, str) and v for v in headings.values())


# --------------------------------------------------------------------------------------------------
# The Russian edition as built from the Russian run (runs/ru/): the reader reads Russian.

#: Latin words a Russian page may keep: names of sources, estimators and authors, units of code.
LATIN_KEPT = {
    "maddison", "gapminder", "penn", "world", "table", "bank", "freedom", "house", "comtrade", "baci", "cepii",
    "harvard", "atlas", "spearman", "shapley", "pearson", "bootstrap", "wald", "hausman", "ols", "fe", "rho", "pp",
    "et", "al", "weo", "wdi", "ebrd", "imf", "cow", "wits", "trains", "unctad", "pwt", "hs", "sitc", "bruno",
    "easterly", "fischer", "sahay", "végh", "melo", "de", "denizer", "gelb", "tenev", "staehr", "havrylyshyn",
    "falcetti", "long", "ervin", "grömping", "barro", "ursúa", "kruskal", "wallis", "mann", "whitney", "poisson",
    "lasso", "simonsohn", "simmons", "nelson", "cpi", "gdp", "eci", "iso", "usd", "log", "vs", "the", "sphinx",
}
CYRILLIC_SHARE = 0.95
CODE = re.compile(r"<(script|style|pre|code|math)\b.*?</\1>|<div class=\"cell_input.*?</div>\s*</div>|"
                  r"<span class=\"math[^\"]*\">.*?</span>|\\\(.*?\\\)|\$[^$]+\$", re.DOTALL)
CITATION = re.compile(r'<a [^>]*href="references\.html#[^"]*"[^>]*>.*?</a>', re.DOTALL)
#: Titles of cited works keep their language: in italics (journals) or in quotation marks (papers).
ITALICS = re.compile(r"<em>.*?</em>", re.DOTALL)
QUOTED = re.compile(r'"[^"]{3,200}"|“[^”]{3,200}”')
WORD = re.compile(r"[^\W\d_]{2,}")


def words_outside_code(page: str) -> tuple[int, list[str]]:
    """(Cyrillic words, Latin words not kept) of a page's article, code, formulas and citations left out."""
    start = page.find("<article")
    article = page[start:page.find("</article>", start)] if start >= 0 else page
    text = re.sub(r"<[^>]+>", " ", ITALICS.sub(" ", CITATION.sub(" ", CODE.sub(" ", article))))
    text = QUOTED.sub(" ", html_module.unescape(text))
    cyrillic, latin = 0, []
    for word in WORD.findall(text):
        if re.fullmatch(r"[а-яёА-ЯЁ]+", word):
            cyrillic += 1
        elif not (word.isupper() and len(word) <= 5) and word.lower() not in LATIN_KEPT:
            latin.append(word)
    return cyrillic, latin


def test_the_word_counter_sees_latin_prose_and_skips_code():
    page = ("<article><p>Рост ВВП в СНГ, WDI и Maddison (Bruno & Easterly)</p><pre>print('hello world')</pre>"
            "<p>only English here</p></article>")
    cyrillic, latin = words_outside_code(page)
    assert cyrillic == 3 and latin == ["only", "English", "here"]  # "и" is one letter: not a word here


@pytest.fixture(scope="module")
def russian_run_edition(tmp_path_factory) -> Path:
    if not any(book.RU_RUN_DIR.glob(book.NOTEBOOK_GLOB)):
        pytest.skip("no Russian run (transition run --name ru -p lang=ru)")
    return book.build(tmp_path_factory.mktemp("site") / "ru", "ru")


def test_every_russian_page_is_mostly_cyrillic(russian_run_edition):
    """At least 95% of the words outside code on every page of the Russian edition are Cyrillic (ISO codes,
    acronyms, source and author names, titles of cited works, numbers and formulas excepted; the
    bibliography is left out)."""
    shares = {}
    for path in sorted(russian_run_edition.glob("*.html")):
        if path.name in ("search.html", "genindex.html", "references.html"):
            continue
        cyrillic, latin = words_outside_code(path.read_text(encoding="utf-8"))
        shares[path.name] = (cyrillic / max(cyrillic + len(latin), 1), latin[:12])
    low = {name: share for name, share in shares.items() if share[0] < CYRILLIC_SHARE}
    assert not low, low


def test_prose_refers_to_figures_by_label_and_captions_say_what_they_show():
    from transition.publish import figures

    text = figures.refer_by_label("As Figure 2 shows, and рисунке 1; Figure 3 does not exist.", ["fig-a", "fig-b"])
    assert text == ("As {numref}`Figure %s <fig-b>` shows, and {numref}`рисунке %s <fig-a>`; "
                    "Figure 3 does not exist.")
    assert figures.caption("02_trough_by_source", "ru", "fallback").startswith("Глубина спада")
    assert figures.caption("no_such_figure", "en", "Section") == "Section"


def test_every_committed_figure_has_a_caption_in_both_languages():
    from transition.publish import extension, figures

    names = {extension.figure_id(cell) for path in book.NOTEBOOKS_DIR.glob(book.NOTEBOOK_GLOB)
             for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
             if cell["cell_type"] == "code" and "out.figure(" in book.cell_text(cell)} - {None}
    missing = sorted(name for name in names if set(figures.captions().get(name, {})) < {"en", "ru"})
    assert names and not missing, missing


def test_russian_footer_and_licence_line_are_russian(russian):
    page = html(russian, "index.html")
    footer = page[page.index('class="bd-footer'):]
    assert "команда компендиума" in footer and "Код: MIT; текст, рисунки и таблицы: CC BY 4.0" in footer
    assert "transition compendium team" not in footer and "figures and tables" not in footer


@pytest.fixture(scope="module")
def russian_ledger_edition(tmp_path_factory) -> Path:
    """The Russian edition of the first page (a Russian run of notebook 00, shared with test_notebook_00
    through the execution cache) with the book's own pages."""
    from notebook_runner import declare, shared_run

    run = shared_run(declare("00_claims_ledger-ru", "00_claims_ledger", lang="ru"))
    folder = tmp_path_factory.mktemp("ru-ledger")
    notebooks = folder / "notebooks"
    notebooks.mkdir()
    shutil.copyfile(run / "00_claims_ledger.ipynb", notebooks / "00_claims_ledger.ipynb")
    return book.build(folder / "site", "ru", notebooks_dir=notebooks)


def test_the_russian_first_page_and_the_book_pages_are_russian(russian_ledger_edition):
    """The first page (the ledger, its verdicts, evidence, rules and glued sentences), the claims page and the
    explorer: at least 95% of the words outside code, citations and country codes are Cyrillic."""
    low = {}
    for name in ("index.html", "claims.html", "explore.html"):
        cyrillic, latin = words_outside_code(html(russian_ledger_edition, name))
        share = cyrillic / max(cyrillic + len(latin), 1)
        if share < CYRILLIC_SHARE:
            low[name] = (round(share, 3), latin[:15])
    assert not low, low
    index = html(russian_ledger_edition, "index.html")
    assert "Да" in index and ">True<" not in index and ">False<" not in index  # the published record's columns


def test_a_figure_that_names_its_table_links_that_table(tmp_path):
    """``out.figure(..., data="multiverse_C5.csv")``: the download under that figure is the named table, not
    the last table the notebook wrote (notebook 09's curves draw multiverse_<claim>.csv); a bad name is refused."""
    from transition.present.outputs import Outputs
    from transition.publish import provenance

    data = tmp_path / "_data"
    data.mkdir()
    for name in ("09_verdict_shares.csv", "multiverse_C5.csv"):
        (data / name).write_text("a\n1\n", encoding="utf-8")
    image = {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}, "metadata": {}}
    cells = [{"cell_type": "code", "source": 'out.table(shares, "09_verdict_shares")\nout.show(shares)', "metadata": {},
              "outputs": [{"output_type": "execute_result", "data": {"text/html": "<table></table>", "text/plain": "t"},
                           "metadata": {}}]},
             {"cell_type": "code", "source": 'fig = f()\n_ = out.figure(fig, "09_curve_C5", sources=s, data="multiverse_C5.csv")',
              "metadata": {}, "outputs": [image]}]
    nb = {"cells": cells, "metadata": {}}
    provenance.add_notes(nb, "09_robustness", "en", data)
    notes = ["".join(c["source"]) for c in nb["cells"] if "provenance" in c.get("metadata", {}).get("tags", [])]
    assert "09_verdict_shares.csv" in notes[0] and "multiverse_C5.csv" in notes[1]
    with pytest.raises(ValueError, match="data must be a CSV file name"):
        Outputs("09_robustness", tmp_path / "out").figure(None, "x", [], data="../results/x.csv")


def test_the_russian_editions_curves_link_their_tables(russian_run_edition):
    """The Russian run reads the multiverse's tables from results/ (it has none of its own): the book copies
    them, so every curve of notebook 09 links its multiverse_<claim>.csv in Russian too."""
    page = (russian_run_edition / "09_robustness.html").read_text(encoding="utf-8")
    linked = set(re.findall(r"multiverse_C\d+\.csv", page))
    assert {f"multiverse_C{n}.csv" for n in range(1, 11)} <= linked, sorted(linked)
    assert "без таблицы" not in page
