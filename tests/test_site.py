"""The static site (transition.run.site) from constructed executed notebooks: no kernel needed."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from runner_fixtures import executed_notebook, png_bytes
from transition.run import site


@pytest.fixture
def notebooks(tmp_path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(executed_notebook("Output paths", "**C2, losses.** The CIS median fell to 48.6 (1989 = 100). "
                                     "More follows.", figures=2), folder / "02_output_paths.ipynb")
    nbformat.write(executed_notebook("Reform order", "- Of 29 countries, **0** followed the order. Next.",
                                     figures=1), folder / "01_reform_order.ipynb")
    nbformat.write(executed_notebook("Trade", "Exports were 30.9% manufactures, i.e. few. Next.", figures=0,
                                     findings_as_output=False), folder / "06_trade.ipynb")
    (folder / "README.md").write_text("not a notebook")
    return folder


@pytest.mark.parametrize("text, expected", [
    ("Plain sentence. Second.", "Plain sentence."),
    ("**C1 holds.** CIS output fell 52.3% in 1992. More.", "**C1 holds.** CIS output fell 52.3% in 1992."),
    ("**Depth** (WDI, 1989 = 100). The median fell to 48.6. Next.", "**Depth** (WDI, 1989 = 100). The median fell to 48.6."),
    ("Exports grew, e.g. in Russia, i.e. fuel. Then fell.", "Exports grew, e.g. in Russia, i.e. fuel."),
    ("Line one\ncontinues here. Second.", "Line one continues here."),
    ("- First bullet. Still first.\n- Second bullet.", "First bullet."),
    ("## Findings\n\nThe gap was 3 years. More.", "The gap was 3 years."),
    ("Медиана упала до 48,6. Далее.", "Медиана упала до 48,6."),
    ("No full stop at all", "No full stop at all"),
    ("", ""),
])
def test_first_sentence(text, expected):
    assert site.first_sentence(text) == expected


def test_findings_come_from_the_findings_output_or_the_markdown_under_the_heading():
    assert site.findings_text(executed_notebook("T", "Computed text.")) == "Computed text."
    assert site.findings_text(executed_notebook("T", "Typed text.", findings_as_output=False)) == "Typed text."
    assert site.findings_text(executed_notebook("T", None)) == ""


def test_findings_without_the_heading_fall_back_to_the_last_markdown_output():
    nb = executed_notebook("T", None)
    cell = nbformat.v4.new_code_cell("findings(text)")
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/markdown": "Last words."},
                                           execution_count=1)]
    nb.cells.append(cell)
    assert site.findings_text(nb) == "Last words."


def test_summary_uses_displayed_figures_else_the_saved_ones(notebooks, tmp_path):
    summary = site.summarize(notebooks / "02_output_paths.ipynb", None)
    assert (summary.stem, summary.number, summary.title) == ("02_output_paths", "02", "Output paths")
    assert summary.finding == "**C2, losses.** The CIS median fell to 48.6 (1989 = 100)."
    assert len(summary.figures) == 2 and summary.figures[0][:4] == b"\x89PNG"
    figures = tmp_path / "figures"
    figures.mkdir()
    (figures / "06_b.png").write_bytes(png_bytes("blue"))
    (figures / "06_a.png").write_bytes(png_bytes("green"))
    (figures / "07_other.png").write_bytes(png_bytes())
    fallback = site.summarize(notebooks / "06_trade.ipynb", figures)
    assert fallback.figures == [(figures / "06_a.png").read_bytes(), (figures / "06_b.png").read_bytes()]


def test_render_writes_an_offline_index_and_one_page_per_notebook(notebooks, tmp_path):
    out = tmp_path / "site"
    pages = site.render(notebooks, out, figures_dir=None)
    assert [p.name for p in pages] == ["index.html", "01_reform_order.html", "02_output_paths.html", "06_trade.html"]
    index = (out / "index.html").read_text()
    articles = re.findall(r'<article class="notebook" id="([^"]+)">', index)
    assert articles == ["01_reform_order", "02_output_paths", "06_trade"]
    assert "<p><strong>C2, losses.</strong> The CIS median fell to 48.6 (1989 = 100).</p>" in index
    assert "Of 29 countries, <strong>0</strong> followed the order." in index
    assert re.findall(r'src="(figures/[^"]+)"', index) == [
        "figures/01_reform_order-1.png", "figures/02_output_paths-1.png", "figures/02_output_paths-2.png"]
    for name in re.findall(r'src="(figures/[^"]+)"', index):
        assert (out / name).read_bytes()[:4] == b"\x89PNG"
    assert (out / "assets" / "site.css").is_file()
    page = (out / "02_output_paths.html").read_text()
    assert '<a href="index.html">' in page and 'href="01_reform_order.html"' in page and 'href="06_trade.html"' in page
    assert len(re.findall(r"<img[^>]+src=\"data:image/png;base64,", page)) == 2  # figures embedded in the page
    for html in [index, page]:
        assert not re.search(r'<script[^>]+src=', html), "no script is fetched"
        assert not re.search(r'<link[^>]+href="(https?:)?//', html), "no stylesheet is fetched"
        assert not re.search(r'<img[^>]+src="(https?:)?//', html), "no image is fetched"
    for html in [index, page]:  # no favicon request either
        assert re.search(r'<link (href="data:," rel="icon"|rel="icon" href="data:,")', html)


def test_a_failed_render_keeps_the_previous_site(notebooks, tmp_path):
    out = tmp_path / "site"
    site.render(notebooks, out, figures_dir=None)
    before = (out / "index.html").read_text()
    (notebooks / "07_broken.ipynb").write_text("{not json")
    with pytest.raises(Exception):
        site.render(notebooks, out, figures_dir=None)
    assert (out / "index.html").read_text() == before
    assert not list(tmp_path.glob(".site.*"))


def test_a_new_notebook_appears_on_the_next_render(notebooks, tmp_path):
    out = tmp_path / "site"
    site.render(notebooks, out, figures_dir=None)
    nbformat.write(executed_notebook("Integration", "Blocs formed by groups. More."), notebooks / "07_integration.ipynb")
    site.render(notebooks, out, figures_dir=None)
    assert (out / "07_integration.html").is_file()
    assert 'id="07_integration"' in (out / "index.html").read_text()
