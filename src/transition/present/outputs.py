"""Where analysis notebooks put what they produce: tables, headline numbers, figures, findings.

One recipe for every notebook:

- ``out = Outputs("02_output_paths", output_dir, lang)`` — the default run (``output_dir`` None)
  writes under ``results/``; a run with other parameters writes where ``output_dir`` says or, when it
  is None, into the folder of its own that the notebook's parameter check chose under ``runs/``
  (:mod:`transition.present.run_folder`: never into ``results/``); ``lang``
  ("en" or "ru") is the language of figure texts and displayed table headers (``out.show(frame)``);
- ``out.table(frame, "output_paths")`` → ``<dir>/output_paths.csv`` (tidy, stable formatting);
- ``out.headline("cis_median_trough", 52.3, "index, 1989 = 100", "…")`` and ``out.write_headlines()``
  → ``<dir>/02_output_paths.json`` (key → value, unit, description), read by the claims ledger
  and the sweeps;
- ``out.figure(fig, "output_paths_by_group", sources=["gapminder_wdi"])`` → a source note on the
  figure and ``<dir>/figures/output_paths_by_group.png``;
- ``findings(text)`` renders a computed string as Markdown.

Examples
--------
>>> out = Outputs("99_example", "/tmp/example-run")          # doctest: +SKIP
>>> out.headline("share_following_essay_order", 0.24, "share of countries", "…")  # doctest: +SKIP
"""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pandas as pd

from transition.data.sources import load_registry
from transition.paths import PROJECT_ROOT, RESULTS_DIR, STAGING_ENV
from transition.present import run_folder
from transition.present.labels import LANGS, missing, translate, translate_figure, translate_frame
from transition.present.table import Table

FLOAT_DIGITS = 6  # tables and headline files: enough precision, and no platform noise


def source_note(sources: list[str]) -> str:
    """'Source: <citation>; <citation>.' for registry source ids (or free text for other sources)."""
    registry = load_registry()
    by_source = {entry.source: entry.citation for entry in registry.values()}
    return "Source: " + "; ".join(by_source.get(source, source) for source in dict.fromkeys(sources)) + "."


def _clean(value):
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, FLOAT_DIGITS)
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    return value


def output_folder(output_dir: str | os.PathLike | None) -> Path:
    """The folder for ``output_dir``: ``results/`` when None; a relative path is taken from the project
    root and must stay inside the project (``../../x`` is refused, whatever runs the notebook); an
    absolute path, given explicitly, may be anywhere."""
    if output_dir is None or str(output_dir) == "":
        return RESULTS_DIR
    folder = Path(output_dir)
    if folder.is_absolute():
        return folder
    resolved = (PROJECT_ROOT / folder).resolve()
    if not resolved.is_relative_to(PROJECT_ROOT.resolve()):
        raise ValueError(f"output_dir {str(output_dir)!r} leads outside the project ({resolved}); "
                         "give an absolute path to write elsewhere")
    return PROJECT_ROOT / folder


class Outputs:
    """The output folder of one notebook run, and the recipes for writing into it."""

    def __init__(self, notebook: str, output_dir: str | None = None, lang: str = "en") -> None:
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
        self.notebook = notebook
        self.lang = lang
        # The runner stages every run (nothing replaces the committed results until the whole
        # notebook has run): its folder, when set, takes the place of output_dir.
        # A run with other than the default parameters and no output_dir goes to the folder its
        # parameter check chose (transition.present.run_folder): results/ is the default run's.
        staging = os.environ.get(STAGING_ENV)
        own = run_folder.OWN_FOLDERS.get(notebook) if output_dir in (None, "") else None
        self.dir = Path(staging) if staging else own or output_folder(output_dir)
        self.figures_dir = self.dir / "figures"
        self.figures_dir.mkdir(parents=True, exist_ok=True)
        self.headlines: dict[str, dict] = {}

    def table(self, frame: pd.DataFrame, name: str) -> Path:
        """Write a tidy table as ``<dir>/<name>.csv`` (floats rounded, Unix line ends)."""
        path = self.dir / f"{name}.csv"
        frame.round(FLOAT_DIGITS).to_csv(path, index=False, lineterminator="\n")
        return path

    def show(self, frame: pd.DataFrame | pd.Series | dict, caption: str | None = None) -> Table:
        """A table for display in the run's language: a pandas Styler (HTML in the notebook and the
        book) with readable, translated headers, numbers formatted per column and an optional
        caption; its plain-text form is the same table as text (what nbval compares). The CSV
        written by :meth:`table` keeps the English code-style headers."""
        if isinstance(frame, dict):  # a few named values: a two-column table
            frame = pd.Series(frame, name="value", dtype=object).rename_axis("item").to_frame()
        if isinstance(frame, pd.Series):
            frame = frame.to_frame()
        caption = translate(caption, self.lang) if caption else None
        return Table(translate_frame(frame, self.lang), self.lang, caption)

    def headline(self, key: str, value, unit: str, description: str) -> None:
        """Record one headline number (written by :meth:`write_headlines`)."""
        self.headlines[key] = {"value": _clean(value), "unit": unit, "description": description}

    def write_headlines(self) -> Path:
        """Write ``<dir>/<notebook>.json``: key → value, unit, description.

        In a run with ``lang`` other than English, also write ``<dir>/<notebook>.untranslated.json``:
        the texts this run met that the label catalogue lacks (a test requires it to be empty).
        """
        if self.lang != "en":
            untranslated = self.dir / f"{self.notebook}.untranslated.json"
            untranslated.write_text(json.dumps(missing(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        path = self.dir / f"{self.notebook}.json"
        path.write_text(json.dumps(self.headlines, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        return path

    def figure(self, fig, name: str, sources: list[str], data: str | None = None) -> Path:
        """Add the source note under the figure and save it as ``<dir>/figures/<name>.png``.

        The note hangs below the figure's bottom edge (``va="top"`` at y = 0), so it never overlaps
        an axis label; the tight bounding box used for saving and inline display includes it.
        ``data``: the results table the figure draws (a file name such as ``"multiverse_C5.csv"``), when
        it is not the last table the notebook wrote: the book's download link under the figure names it.
        """
        if data is not None and (not isinstance(data, str) or "/" in data or not data.endswith(".csv")):
            raise ValueError(f"figure {name!r}: data must be a CSV file name in the results folder, not {data!r}")
        translate_figure(fig, self.lang)
        note = translate(source_note(sources), self.lang)
        fig.text(0.01, -0.01, note, fontsize=8, color="0.35", ha="left", va="top", wrap=True)
        path = self.figures_dir / f"{name}.png"
        # No timestamp or software version in the PNG, so an unchanged figure is an unchanged file.
        fig.savefig(path, dpi=110, bbox_inches="tight", metadata={"Software": None})
        return path


def headline_row(key: str, value, unit: str, description: str) -> dict:
    """One headline number as the chapters build them and :meth:`Outputs.headline` takes them (``**row``)."""
    return {"key": key, "value": value, "unit": unit, "description": description}


def interval_rows(key: str, interval: tuple[float, float], unit: str, description: str) -> list[dict]:
    """The bounds of an interval of the headline ``key`` as two headline rows, ``<key>_low`` and ``<key>_high``."""
    low, high = (float(bound) for bound in interval)
    return [headline_row(f"{key}_low", low, unit, f"{description}: lower bound"),
            headline_row(f"{key}_high", high, unit, f"{description}: upper bound")]
