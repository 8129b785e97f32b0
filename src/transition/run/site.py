"""A static, offline HTML site of the executed notebooks (``transition render`` → ``site/``).

One function per page, so that later pages (a claims ledger, a Russian edition under ``site/ru/``)
are one more function and one more entry in :func:`render`:

- :func:`notebook_page` — a notebook as HTML (nbconvert's lab template with no script or font
  fetched from the network: no require.js, MathJax or mermaid; images embedded), with a navigation
  bar back to the index and to the neighbouring notebooks;
- :func:`index_page` — every notebook with its title, the first sentence of its Findings and
  thumbnails of its figures (taken from the figures the executed notebook displays).

Everything is relative links and local files: ``site/`` can be opened from disk or served as is.
"""
from __future__ import annotations

import base64
import html
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import mistune
import nbformat
from nbconvert import HTMLExporter

from transition.paths import FIGURES_DIR, NOTEBOOKS_DIR, PROJECT_ROOT
from transition.present.labels import translate
from transition.run.discovery import NOTEBOOK_GLOB

SITE_DIR = PROJECT_ROOT / "site"
TITLE = "The post-communist transition: reform sequencing and outcomes"
MAX_THUMBNAILS = 4
INTRO = ("A research compendium comparing how the CIS economies and the Central/Eastern European and Baltic "
         "economies sequenced their reforms, and what followed. Each notebook is the executed default run; "
         "re-run any of them with other parameters with")
FOOTER = "Code: MIT. Text, figures and tables: CC BY 4.0. Rendered from the executed notebooks by"

CSS = """\
:root { --ink: #1b2631; --muted: #5d6d7e; --line: #d5d8dc; --accent: #1f618d; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 1100px; margin: 0 auto; padding: 1.5rem; line-height: 1.5; }
header.site { border-bottom: 2px solid var(--accent); margin-bottom: 1.5rem; }
header.site h1 { font-size: 1.6rem; margin: 0 0 .3rem 0; }
header.site p { color: var(--muted); margin: 0 0 1rem 0; }
article.notebook { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem; margin-bottom: 1.2rem; }
article.notebook h2 { font-size: 1.2rem; margin: 0 0 .4rem 0; }
article.notebook h2 a { color: var(--accent); text-decoration: none; }
article.notebook .number { color: var(--muted); font-weight: normal; margin-right: .4rem; }
article.notebook .finding p { margin: .2rem 0 .6rem 0; }
.thumbnails { display: flex; flex-wrap: wrap; gap: .6rem; }
.thumbnails img { height: 150px; width: auto; border: 1px solid var(--line); border-radius: 3px; background: #fff; }
section.ledger table { border-collapse: collapse; font-size: .9rem; margin-bottom: 1.5rem; }
section.ledger th, section.ledger td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
section.ledger th { background: #f4f6f7; }
p.edition { float: right; margin: 0; }
footer.site { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); margin-top: 2rem; padding-top: .6rem; }
"""

NAV_CSS = """\
nav.compendium { font-family: system-ui, sans-serif; font-size: 14px; padding: 8px 16px;
                 border-bottom: 1px solid #d5d8dc; background: #f8f9f9; display: flex; gap: 1.5rem; }
nav.compendium a { color: #1f618d; text-decoration: none; }
"""

# nbconvert's lab template, minus everything it would fetch from the network.
_PAGE_TEMPLATE = """\
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{% block extra_css %}
<link rel="icon" href="data:,">
<style type="text/css">{{ resources.compendium_css }}</style>
{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
{{ resources.compendium_nav }}
{%- endblock body_header -%}
"""


@dataclass
class NotebookSummary:
    """What the index shows of one executed notebook."""

    stem: str
    path: Path
    title: str
    finding: str  # Markdown: the first sentence of the Findings
    figures: list[bytes] = field(default_factory=list)  # PNG images the notebook displays

    @property
    def href(self) -> str:
        return f"{self.stem}.html"

    @property
    def number(self) -> str:
        return self.stem.split("_", 1)[0]


_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)(?<!\bvs)([.!?])(\*\*|\*|_)?"
                          r"(?=\s+[\"'(«*_`]*[A-ZА-Я0-9])")


def _words_outside_labels(sentence: str) -> int:
    """Words left once bold labels and parentheses are taken out ('**C2, losses.**' → 0)."""
    bare = re.sub(r"\*\*.*?\*\*|\(.*?\)", " ", sentence)
    return len(re.findall(r"\w+", bare))


def first_sentence(text: str) -> str:
    r"""The first sentence of the first paragraph or bullet of a Markdown text; a sentence that is
    only a bold label (**C1, the order.**) keeps the sentence after it. Numbers such as 52.3 and
    abbreviations such as 'e.g.' do not end a sentence.

    >>> first_sentence("**C1 holds.** CIS output fell 52.3% (median). More below.")
    '**C1 holds.** CIS output fell 52.3% (median).'
    >>> first_sentence("The median trough was 55.1 in 1995, e.g. Ukraine. Next.")
    'The median trough was 55.1 in 1995, e.g. Ukraine.'
    >>> first_sentence("- **Main model** (fixed effects): effect +1.64. Pooled: +1.12.\n- **Controls**: x.")
    '**Main model** (fixed effects): effect +1.64.'
    >>> first_sentence("## Findings\n\n- **C5.** Exports were 30.9% manufactures. More.")
    '**C5.** Exports were 30.9% manufactures.'
    """
    blocks = re.split(r"\n\s*\n|\n(?=\s*[-*+]\s)|(?<=\n)(?=#)|^(#.*)\n", text.strip())
    block = next((b for b in blocks if b and b.strip() and not b.lstrip().startswith("#")), "")
    text = " ".join(re.sub(r"^\s*(?:[-+>]\s+|\*\s+|#+\s+)", "", line).strip()
                    for line in block.splitlines() if line.strip())
    end = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if _words_outside_labels(text[:end]) >= 2:
            return text[:end].strip()
    return text.strip()


def _output_text(output) -> str:
    data = output.get("data", {})
    for kind in ("text/markdown", "text/plain"):
        if kind in data:
            value = data[kind]
            return "".join(value) if isinstance(value, list) else value
    if output.get("output_type") == "stream":
        return output.get("text", "")
    return ""


def findings_text(nb) -> str:
    """The Findings of an executed notebook: the output of the first code cell after the
    ``## Findings`` heading (``findings(...)`` displays Markdown), else the Markdown under it."""
    cells = nb.cells
    start = next((i for i, cell in enumerate(cells) if cell.cell_type == "markdown"
                  and re.search(r"^#+\s*Findings\b", cell.source, re.M | re.I)), None)
    if start is None:
        start = next((i for i, cell in reversed(list(enumerate(cells))) if cell.cell_type == "markdown"
                      and re.search(r"^#+\s.*\bfindings\b", cell.source, re.M | re.I)), None)
    if start is None:  # no such heading: the last Markdown the notebook displays
        shown = [_output_text(o).strip() for cell in cells if cell.cell_type == "code"
                 for o in cell.get("outputs", []) if "text/markdown" in o.get("data", {})]
        return shown[-1] if shown else ""
    heading_cell = cells[start].source
    after_heading = re.split(r"^#+\s.*\bfindings\b.*$", heading_cell, maxsplit=1, flags=re.M | re.I)[-1].strip()
    for cell in cells[start + 1:]:
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                text = _output_text(output).strip()
                if "text/markdown" in output.get("data", {}) and text:
                    return text
        elif cell.cell_type == "markdown" and re.match(r"^#{1,2}\s", cell.source):
            break
    if after_heading:
        return after_heading
    following = next((c for c in cells[start + 1:] if c.cell_type == "markdown"), None)
    return following.source.strip() if following is not None else ""


def _title(nb, stem: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return stem


def _figures(nb) -> list[bytes]:
    images = []
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            png = output.get("data", {}).get("image/png")
            if png:
                images.append(base64.b64decode("".join(png) if isinstance(png, list) else png))
    return images


def summarize(path: Path, figures_dir: Path | None = FIGURES_DIR) -> NotebookSummary:
    """Title, first sentence of the Findings and figures of an executed notebook.

    The figures are those the notebook displays; when it displays none (executed with a non-inline
    matplotlib backend), the saved figures ``<figures_dir>/<NN>_*.png`` of the default run stand in.
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    figures = _figures(nb)
    if not figures and figures_dir is not None:
        number = path.stem.split("_", 1)[0]
        figures = [png.read_bytes() for png in sorted(Path(figures_dir).glob(f"{number}_*.png"))]
    return NotebookSummary(path.stem, path, _title(nb, path.stem), first_sentence(findings_text(nb)), figures)


_NOTEBOOK_LINK = re.compile(r'href="(\d\d_\w+)\.ipynb"')
_FIGURE_LINK = re.compile(r'(href|src)="\.\./results/figures/([\w.-]+\.png)"')


def site_links(page: str, figures_dir: Path | None, out_dir: Path) -> str:
    """Make links written for the repository work in the site: notebooks → pages, figures → copies."""
    page = _NOTEBOOK_LINK.sub(r'href="\1.html"', page)

    def figure(match: re.Match) -> str:
        name = match.group(2)
        source = Path(figures_dir) / name if figures_dir is not None else None
        if source is not None and source.is_file():
            (Path(out_dir) / "figures").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, Path(out_dir) / "figures" / name)
        return f'{match.group(1)}="figures/{name}"'

    return _FIGURE_LINK.sub(figure, page)


def ledger_markdown_of(summaries: list["NotebookSummary"]) -> str:
    """The claims table the ledger notebook (``00_*``) displays, as Markdown ('' without a ledger)."""
    for summary in summaries:
        if not summary.number == "00":
            continue
        nb = nbformat.read(summary.path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/markdown", "")
                if "| **C1**" in text:
                    return text
    return ""


def _inline_markdown(text: str) -> str:
    return mistune.html(text) if text else "<p><em>No findings recorded; execute the notebook first.</em></p>"


def _nav(summaries: list[NotebookSummary], index: int, lang: str = "en") -> str:
    links = [f'<a href="index.html">&larr; {html.escape(translate("All notebooks", lang))}</a>']
    if index > 0:
        previous = summaries[index - 1]
        links.append(f'<a href="{previous.href}">&lsaquo; {html.escape(previous.number)} '
                     f'{html.escape(previous.title)}</a>')
    if index + 1 < len(summaries):
        following = summaries[index + 1]
        links.append(f'<a href="{following.href}">{html.escape(following.number)} '
                     f'{html.escape(following.title)} &rsaquo;</a>')
    return '<nav class="compendium">' + "".join(links) + "</nav>"


def notebook_page(summary: NotebookSummary, out_dir: Path, nav: str = "", figures_dir: Path | None = None) -> Path:
    """``<out_dir>/<stem>.html``: the notebook through nbconvert, offline, with ``nav`` on top."""
    exporter = HTMLExporter(template_name="lab", extra_loaders=[jinja2.DictLoader({"compendium.j2": _PAGE_TEMPLATE})],
                            template_file="compendium.j2", embed_images=True)
    nb = nbformat.read(summary.path, as_version=4)
    resources = {"metadata": {"name": f"{summary.number} {summary.title}", "path": str(summary.path.parent)},
                 "compendium_nav": nav, "compendium_css": NAV_CSS}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = site_links(body, figures_dir, out_dir)
    path = Path(out_dir) / summary.href
    path.write_text(body, encoding="utf-8")
    return path


def index_page(summaries: list[NotebookSummary], out_dir: Path, lang: str = "en",
               figures_dir: Path | None = None, other_edition: str | None = None) -> Path:
    """``<out_dir>/index.html``: the claims ledger first, then each notebook's title, first
    sentence of its Findings and figures; ``other_edition`` links the other language's index."""
    t = lambda text: html.escape(translate(text, lang))  # noqa: E731 - page chrome in the edition's language
    figures_dir = Path(out_dir) / "figures"
    figures_dir.mkdir(parents=True, exist_ok=True)
    articles = []
    for summary in summaries:
        thumbnails = []
        for n, png in enumerate(summary.figures[:MAX_THUMBNAILS], start=1):
            name = f"{summary.stem}-{n}.png"
            (figures_dir / name).write_bytes(png)
            thumbnails.append(f'<a href="{summary.href}"><img src="figures/{name}" '
                              f'alt="{html.escape(summary.title)}, figure {n}"></a>')
        articles.append(
            f'<article class="notebook" id="{html.escape(summary.stem)}">\n'
            f'<h2><a href="{summary.href}"><span class="number">{html.escape(summary.number)}</span>'
            f'{html.escape(summary.title)}</a></h2>\n'
            f'<div class="finding">{_inline_markdown(summary.finding)}</div>\n'
            f'<div class="thumbnails">{"".join(thumbnails)}</div>\n</article>')
    body = "\n".join(articles) or "<p>No executed notebooks yet: run <code>transition run</code>.</p>"
    ledger = ledger_markdown_of(summaries)
    if ledger:
        ledger_html = site_links(_inline_markdown(ledger), figures_dir, out_dir)
        heading = t("The essay's claims against the data")
        body = (f'<section class="ledger" id="claims-ledger"><h2>{heading}</h2>\n'
                f'{ledger_html}</section>\n<h2>{t("Notebooks")}</h2>\n{body}')
    switch = (f'<p class="edition"><a href="{other_edition}">{"Русская версия" if lang == "en" else "English version"}</a></p>'
              if other_edition else "")
    page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t(TITLE)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/site.css">
</head>
<body>
<header class="site">
<h1>{t(TITLE)}</h1>
{switch}
<p>{t(INTRO)} <code>transition run NOTEBOOK -p key=value --name RUN</code>.</p>
</header>
<main>
{body}
</main>
<footer class="site">{t(FOOTER)} <code>transition render</code>.</footer>
</body>
</html>
"""
    path = Path(out_dir) / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def _assets(out_dir: Path) -> None:
    assets = Path(out_dir) / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "site.css").write_text(CSS, encoding="utf-8")


def _edition(notebooks_dir: Path, out_dir: Path, figures_dir: Path | None, lang: str,
             other_edition: str | None) -> list[Path]:
    """One language edition of the site: index (ledger first) and one page per notebook."""
    summaries = [summarize(path, figures_dir) for path in sorted(Path(notebooks_dir).glob(NOTEBOOK_GLOB))]
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    _assets(out_dir)
    pages = [index_page(summaries, out_dir, lang, figures_dir, other_edition)]
    for i, summary in enumerate(summaries):
        pages.append(notebook_page(summary, out_dir, _nav(summaries, i, lang), figures_dir))
    return pages


def render(notebooks_dir: Path = NOTEBOOKS_DIR, out_dir: Path = SITE_DIR,
           figures_dir: Path | None = FIGURES_DIR, ru_dir: Path | None = None) -> list[Path]:
    """Render every executed ``NN_*.ipynb`` of ``notebooks_dir`` and the index into ``out_dir``.

    ``ru_dir``, when given, is a run folder of Russian executions (``transition run --name ru -p
    lang=ru``): its notebooks become the Russian edition in ``<out_dir>/ru/``, linked both ways.
    The site is written to a sibling temporary folder and swapped in at the end, so a failed render
    leaves the previous site whole. Returns the pages written (index first).
    """
    out_dir = Path(out_dir)
    building = out_dir.with_name(f".{out_dir.name}.building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    has_ru = ru_dir is not None and any(Path(ru_dir).glob(NOTEBOOK_GLOB))
    try:
        pages = _edition(notebooks_dir, building, figures_dir, "en", "ru/index.html" if has_ru else None)
        if has_ru:
            pages += _edition(Path(ru_dir), building / "ru", Path(ru_dir) / "figures", "ru", "../index.html")
        old = out_dir.with_name(f".{out_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if out_dir.exists():
            out_dir.rename(old)
        building.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return [out_dir / page.relative_to(building) for page in pages]
