"""The rendered book (``transition render`` = :func:`transition.publish.book.build_site`) in a real
browser: Debian's headless Chromium driven by selenium.

Every page (the claims ledger as ``index.html``, then one page per notebook) must load with no
console error (a missing file, a script error, a resource fetched from the network that is not there
offline) and with all its figures drawn; the two editions link each other. Screenshots are saved in
the test's temporary folder (the path is printed with ``-s``).

Two sites: one built from constructed executed notebooks (always), one from the committed notebooks
(skipped until there are any).
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
import urllib.request
from pathlib import Path

import nbformat
import pytest
from test_book import STEMS, executed

from transition.paths import NOTEBOOKS_DIR
from transition.publish import book

#: Console messages that are not failures: the theme reports a fresh browser's empty stored light/dark
#: preference with console.error before falling back to "auto"; the browser asks the server root for
#: a favicon the book does not declare (the served folder is not a web site's root in use).
HARMLESS = ("Got invalid theme mode", "/favicon.ico - Failed to load resource")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--window-size=1280,1600",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def serve():
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _figures_in(notebook: Path) -> int:
    nb = nbformat.read(notebook, as_version=4)
    return sum("image/png" in output.get("data", {}) for cell in nb.cells if cell.cell_type == "code"
               for output in cell.get("outputs", []))


def _tables_in(notebook: Path) -> int:
    nb = nbformat.read(notebook, as_version=4)
    return sum("<table" in "".join(output.get("data", {}).get("text/html", "")) for cell in nb.cells
               if cell.cell_type == "code" for output in cell.get("outputs", []))


def _check_downloads_and_toggle(driver, name: str) -> None:
    """Every download link of the page resolves; the first code toggle opens its code."""
    for href in driver.execute_script("return Array.from(document.querySelectorAll('a[href*=\"_downloads/\"]'))"
                                      ".map(a => a.href);"):
        with urllib.request.urlopen(href) as response:
            assert response.status == 200 and response.read(1), (name, href)
    toggles = driver.find_elements("css selector", "details.hide > summary")
    if toggles:
        driver.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", toggles[0])
        assert toggles[0].find_element("xpath", "..").get_attribute("open") is not None, name


def _check_figures_legible_and_enlarged(driver, name: str) -> None:
    """At 1280 px every figure is shown at a scale that keeps its 8-pt labels at 9 px or more
    (:data:`transition.publish.figures.MIN_SCALE`), and a click on it opens it enlarged, a second closes it."""
    from transition.publish import figures

    scales = driver.execute_script("return Array.from(document.querySelectorAll('article figure img'))"
                                   ".filter(i => i.naturalWidth > 1).map(i => [i.getBoundingClientRect().width / "
                                   "i.naturalWidth, i.closest('figure').id]);")
    small = [(round(scale, 2), figure) for scale, figure in scales if scale < figures.MIN_SCALE - 0.005]
    assert not small, (name, small)
    images = driver.find_elements("css selector", "article figure img")
    if images:
        driver.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", images[0])
        overlay = driver.find_elements("css selector", ".compendium-zoom img")
        assert overlay and overlay[0].get_attribute("src") == images[0].get_attribute("src"), name
        driver.execute_script("document.querySelector('.compendium-zoom').click();")
        assert not driver.find_elements("css selector", ".compendium-zoom"), name


def _check_search(driver, base_url: str, word: str, page: str) -> None:
    """The search page finds ``word`` and lists ``page`` among its results."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{base_url}/search.html?q={word}")
    WebDriverWait(driver, 30).until(
        lambda d: d.find_elements("css selector", "#search-results ul.search li a"))
    hrefs = [a.get_attribute("href") for a in driver.find_elements("css selector", "#search-results ul.search li a")]
    assert any(page in href for href in hrefs), hrefs


def _load(driver, url: str, screenshot: Path) -> dict:
    """Open ``url``; return its console errors and its images (loaded or not); save a screenshot."""
    driver.get_log("browser")  # forget what earlier pages logged
    driver.get(url)
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight); window.scrollTo(0, 0);")
    state = driver.execute_script(
        "return {ready: document.readyState, title: document.title, lang: document.documentElement.lang,"
        " images: Array.from(document.querySelectorAll('main img, article img')).map(i => ({src: i.src.slice(0, 80),"
        " complete: i.complete, width: i.naturalWidth}))};")
    driver.save_screenshot(str(screenshot))
    state["errors"] = [entry for entry in driver.get_log("browser")
                       if entry["level"] == "SEVERE" and not any(known in entry["message"] for known in HARMLESS)]
    return state


def _page(notebook: Path) -> str:
    """The page of a notebook: the claims ledger (00_*) is the root page."""
    return "index.html" if notebook.name.startswith(book.LEDGER_PREFIX) else f"{notebook.stem}.html"


def _check_site(driver, base_url: str, notebooks: list[Path], shots: Path) -> None:
    index = _load(driver, f"{base_url}/index.html", shots / "index.png")
    assert index["ready"] == "complete" and index["errors"] == [] and index["lang"] == "en"
    links = {a.get_attribute("href") for a in driver.find_elements("css selector", "nav a, .bd-sidebar a")}
    for notebook in notebooks:
        if _page(notebook) != "index.html":
            assert f"{base_url}/{_page(notebook)}" in links, notebook.stem  # in the table of contents
        page = _load(driver, f"{base_url}/{_page(notebook)}", shots / f"{notebook.stem}.png")
        assert page["ready"] == "complete", notebook.stem
        assert page["errors"] == [], (notebook.stem, page["errors"])
        assert [i for i in page["images"] if not (i["complete"] and i["width"] > 0)] == [], notebook.stem
        assert len(page["images"]) >= _figures_in(notebook), notebook.stem
        tables = driver.execute_script("return document.querySelectorAll('article table').length;")
        assert tables >= _tables_in(notebook), notebook.stem
        _check_downloads_and_toggle(driver, notebook.stem)
        _check_figures_legible_and_enlarged(driver, notebook.stem)
    assert (shots / "index.png").read_bytes()[:4] == b"\x89PNG"


def _check_editions(driver, base_url: str) -> None:
    """site/ru/ is the Russian edition, linked from and to the English one."""
    driver.get(f"{base_url}/index.html")
    driver.find_element("link text", "Русская версия").click()
    assert driver.current_url == f"{base_url}/ru/index.html"
    assert driver.find_element("css selector", "html").get_attribute("lang") == "ru"
    driver.find_element("link text", "English edition").click()
    assert driver.current_url == f"{base_url}/index.html"


@pytest.fixture(scope="module")
def constructed(tmp_path_factory) -> tuple[Path, Path]:
    """(notebooks, site) of fixture notebooks, both editions; the explorer shows results/'s multiverse."""
    tmp_path = tmp_path_factory.mktemp("constructed")
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    for stem in STEMS:
        nbformat.write(executed(stem), notebooks_dir / f"{stem}.ipynb")
    return notebooks_dir, book.build_site(out_dir=tmp_path / "site", notebooks_dir=notebooks_dir,
                                          ru_dir=notebooks_dir, quiet=True)


def test_constructed_site_loads_cleanly_with_its_figures(browser, serve, constructed, tmp_path):
    notebooks_dir, out = constructed
    notebooks = sorted(notebooks_dir.glob("*.ipynb"))
    assert any(_figures_in(nb) for nb in notebooks)  # the figure checks below check something
    base = serve(out)
    _check_site(browser, base, notebooks, tmp_path)
    _check_editions(browser, base)
    _check_search(browser, base, "fixture", "01_fixture.html")
    print(f"screenshots: {tmp_path}")


def test_a_broken_image_is_caught(browser, serve, tmp_path):
    """The check can fail: a page with a missing figure logs a console error and a zero-width image."""
    (tmp_path / "index.html").write_text('<!DOCTYPE html><html><head><link rel="icon" href="data:,"><title>x</title>'
                                         '</head><body><main><img src="figures/missing.png"></main></body></html>')
    page = _load(browser, f"{serve(tmp_path)}/index.html", tmp_path / "broken.png")
    assert page["images"][0]["width"] == 0
    assert any("404" in entry["message"] for entry in page["errors"])


def test_committed_notebooks_site_loads_cleanly_with_both_editions(browser, serve, tmp_path):
    notebooks = sorted(NOTEBOOKS_DIR.glob(book.NOTEBOOK_GLOB))
    if not any(nb.name.startswith(book.LEDGER_PREFIX) for nb in notebooks):
        pytest.skip("no committed notebooks with a claims ledger yet (notebooks/00_*.ipynb)")
    ru_run = tmp_path / "runs" / "ru"
    shutil.copytree(NOTEBOOKS_DIR, ru_run)  # stands in for `transition run --name ru -p lang=ru`
    out = book.build_site(out_dir=tmp_path / "site", notebooks_dir=NOTEBOOKS_DIR, ru_dir=ru_run, quiet=True)
    base = serve(out)
    _check_site(browser, base, notebooks, tmp_path)
    index = _load(browser, f"{base}/index.html", tmp_path / "index-ledger.png")
    assert browser.find_element("css selector", "article h1").text.startswith("The claims ledger")
    assert index["errors"] == []
    _check_editions(browser, base)
    _check_search(browser, base, "ledger", "index.html")
    print(f"screenshots: {tmp_path}")


def _choose(driver, name: str, value: str) -> None:
    """Pick ``value`` in the explorer's ``<select name=name>`` as a reader would (a change event)."""
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("css selector", f'select[name="{name}"]')).select_by_value(value)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_explorer_shows_the_verdict_of_random_specifications(browser, constructed, lang):
    """From file:// (no server): for random rows of every results/multiverse_<claim>.csv, the reader sets
    each choice and the page's verdict is the row's; a listed flip flips it; the marker is on the curve."""
    import random

    import pandas as pd

    from transition.present.labels import translate
    from transition.publish import explorer

    _, site = constructed
    page = site / ("explore.html" if lang == "en" else "ru/explore.html")
    browser.get(page.as_uri())
    tables = explorer.tables()
    assert tables, "no multiverse table in results/: nothing to explore"
    draw = random.Random(24)
    for claim, table in tables.items():
        _choose(browser, "claim", claim)
        names = explorer.choice_columns(table)
        for _ in range(3):  # three random specifications per claim and language (30 in all)
            row = table.iloc[draw.randrange(len(table))]
            for name in names:
                _choose(browser, name, row[name])
            verdict = browser.find_element("id", "verdict")
            assert verdict.get_attribute("data-verdict") == row["verdict"], (claim, dict(row[names]))
            assert translate(row["verdict"], lang) in verdict.text
            assert browser.find_elements("id", "curve-marker")  # its place on the specification curve
        flips = browser.find_elements("css selector", "#flips li[data-verdict] a")
        if flips:  # a single change that flips the verdict does flip it
            expected = flips[0].find_element("xpath", "..").get_attribute("data-verdict")
            flips[0].click()
            assert browser.find_element("id", "verdict").get_attribute("data-verdict") == expected
    _choose(browser, "claim", "C2")  # the choices are labelled in the page's language (C2 varies the GDP source)
    labels = " ".join(e.text for e in browser.find_elements("css selector", ".explorer-choice label"))
    assert ("Источник ВВП" if lang == "ru" else "GDP source") in labels
    assert (site / "explore.json").stat().st_size > 0  # the explorer's data, downloadable beside the page
