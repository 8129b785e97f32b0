"""The rendered site in a real browser: Debian's headless Chromium driven by selenium.

Every page (the index and each notebook) must load with no console error (a missing file, a script
error, a resource fetched from the network that is not there offline) and with all its figures
drawn. Screenshots are saved in the test's temporary folder (the path is printed with ``-s``).

Two sites: one rendered from constructed notebooks (always), one from the committed notebooks
(skipped until there are any).
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import nbformat
import pytest

from runner_fixtures import executed_notebook
from transition.run import site
from transition.paths import FIGURES_DIR, NOTEBOOKS_DIR

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


def _load(driver, url: str, screenshot: Path) -> dict:
    """Open ``url``; return its console errors and its images (loaded or not); save a screenshot."""
    driver.get_log("browser")  # forget what earlier pages logged
    driver.get(url)
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight); window.scrollTo(0, 0);")
    state = driver.execute_script(
        "return {ready: document.readyState, title: document.title,"
        " images: Array.from(document.images).map(i => ({src: i.src.slice(0, 60), complete: i.complete,"
        " width: i.naturalWidth}))};")
    driver.save_screenshot(str(screenshot))
    state["errors"] = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    return state


def _check_site(driver, base_url: str, notebooks: list[Path], summaries, shots: Path) -> None:
    index = _load(driver, f"{base_url}/index.html", shots / "index.png")
    assert index["ready"] == "complete" and index["title"] == site.TITLE
    assert index["errors"] == []
    broken = [image for image in index["images"] if not (image["complete"] and image["width"] > 0)]
    assert broken == []
    expected_thumbnails = sum(min(len(s.figures), site.MAX_THUMBNAILS) for s in summaries)
    assert len(index["images"]) == expected_thumbnails
    links = [a.get_attribute("href") for a in driver.find_elements("css selector", "article.notebook h2 a")]
    assert links == [f"{base_url}/{nb.stem}.html" for nb in notebooks]

    for notebook in notebooks:
        page = _load(driver, f"{base_url}/{notebook.stem}.html", shots / f"{notebook.stem}.png")
        assert page["ready"] == "complete", notebook.stem
        assert page["errors"] == [], notebook.stem
        assert [i for i in page["images"] if not (i["complete"] and i["width"] > 0)] == [], notebook.stem
        assert len(page["images"]) == _figures_in(notebook), notebook.stem
    # The navigation bar leads back to the index.
    driver.find_element("link text", "← All notebooks").click()
    assert driver.current_url == f"{base_url}/index.html"
    assert (shots / "index.png").read_bytes()[:4] == b"\x89PNG"


def test_constructed_site_loads_cleanly_with_its_figures(browser, serve, tmp_path):
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    specs = [("01_first", "**C1.** The first finding is 1.0. More.", 2), ("02_second", "Second finding. More.", 1),
             ("03_no_figures", "No figure here. More.", 0)]
    for stem, findings, figures in specs:
        nbformat.write(executed_notebook(stem.replace("_", " "), findings, figures), notebooks_dir / f"{stem}.ipynb")
    out = tmp_path / "site"
    site.render(notebooks_dir, out, figures_dir=None)
    notebooks = sorted(notebooks_dir.glob("*.ipynb"))
    summaries = [site.summarize(nb, None) for nb in notebooks]
    _check_site(browser, serve(out), notebooks, summaries, tmp_path)
    print(f"screenshots: {tmp_path}")


def test_a_broken_image_is_caught(browser, serve, tmp_path):
    """The check can fail: a page with a missing figure logs a console error and a zero-width image."""
    (tmp_path / "index.html").write_text('<!DOCTYPE html><html><head><link rel="icon" href="data:,"><title>x</title>'
                                         '</head><body><img src="figures/missing.png"></body></html>')
    page = _load(browser, f"{serve(tmp_path)}/index.html", tmp_path / "broken.png")
    assert page["images"][0]["width"] == 0
    assert any("404" in entry["message"] for entry in page["errors"])


def test_committed_notebooks_site_loads_cleanly_with_its_figures(browser, serve, tmp_path):
    notebooks = sorted(NOTEBOOKS_DIR.glob(site.NOTEBOOK_GLOB))
    if not notebooks:
        pytest.skip("no committed notebooks yet (notebooks/NN_*.ipynb)")
    out = tmp_path / "site"
    site.render(NOTEBOOKS_DIR, out, FIGURES_DIR)
    summaries = [site.summarize(nb, FIGURES_DIR) for nb in notebooks]
    assert any(s.figures for s in summaries)  # the figure checks below check something
    _check_site(browser, serve(out), notebooks, summaries, tmp_path)
    print(f"screenshots: {tmp_path}")


def test_ledger_first_and_russian_edition_linked_both_ways(browser, serve, tmp_path):
    """The claims ledger opens the site; site/ru/ is the Russian edition, linked from and to the English one."""
    notebooks = sorted(NOTEBOOKS_DIR.glob(site.NOTEBOOK_GLOB))
    if not any(nb.name.startswith("00_") for nb in notebooks):
        pytest.skip("no executed claims ledger")
    ru_run = tmp_path / "runs" / "ru"
    shutil.copytree(NOTEBOOKS_DIR, ru_run)  # stands in for `transition run --name ru -p lang=ru`
    out = tmp_path / "site"
    site.render(NOTEBOOKS_DIR, out, FIGURES_DIR, ru_dir=ru_run)
    base = serve(out)
    index = _load(browser, f"{base}/index.html", tmp_path / "index-ledger.png")
    assert index["errors"] == []
    first_heading = browser.find_element("css selector", "main h2").text
    assert first_heading == "The essay's claims against the data"
    rows = browser.find_elements("css selector", "section.ledger tbody tr")
    assert len(rows) == 10
    for link in browser.find_elements("css selector", "section.ledger a"):
        href = link.get_attribute("href")
        assert href.endswith((".html", ".png")) and ".ipynb" not in href
        assert (out / href.removeprefix(base + "/")).is_file(), href
    browser.find_element("link text", "Русская версия").click()
    assert browser.current_url == f"{base}/ru/index.html"
    assert browser.find_element("css selector", "html").get_attribute("lang") == "ru"
    assert browser.find_element("css selector", "main h2").text == "Тезисы эссе и данные"
    browser.find_element("link text", "English version").click()
    assert browser.current_url == f"{base}/index.html"
