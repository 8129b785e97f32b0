"""The output recipe: tables, headline files and figures land where a run asks."""
from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from transition.present.outputs import Outputs, source_note  # noqa: E402
from transition.present.text import format_number


def test_outputs_write_tables_headlines_and_figures(tmp_path):
    out = Outputs("99_example", str(tmp_path / "run"))
    out.table(pd.DataFrame({"iso3": ["RUS"], "value": [1 / 3]}), "demo")
    assert (tmp_path / "run" / "demo.csv").read_text() == "iso3,value\nRUS,0.333333\n"
    out.headline("share", np.float64(0.25), "share", "a share")
    out.headline("missing", float("nan"), "index", "not available")
    saved = json.loads(out.write_headlines().read_text())
    assert saved == {"missing": {"description": "not available", "unit": "index", "value": None},
                     "share": {"description": "a share", "unit": "share", "value": 0.25}}
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    first = out.figure(fig, "demo", sources=["pwt_10_01"]).read_bytes()
    fig2, ax2 = plt.subplots()
    ax2.plot([1, 2])
    assert out.figure(fig2, "demo", sources=["pwt_10_01"]).read_bytes() == first  # deterministic PNG


def test_default_outputs_go_to_results():
    from transition.paths import RESULTS_DIR

    assert Outputs("99_example").dir == RESULTS_DIR


def test_source_note_cites_the_registry():
    assert source_note(["pwt_10_01", "pwt_10_01"]).count("Penn World Table") == 1
    assert source_note(["project metadata"]).endswith("project metadata.")


def test_format_number():
    assert format_number(52.345) == "52.3" and format_number(float("nan")) == "n/a"


def test_a_russian_run_translates_figures_and_lists_what_it_could_not(tmp_path):
    from transition.present import labels

    out = Outputs("99_example", str(tmp_path), lang="ru")
    fig, ax = plt.subplots()
    ax.bar(["CIS", "SEE"], [1, 2])
    ax.set_xlabel("Year")
    ax.set_title("A title nobody translated")
    out.figure(fig, "demo", sources=["pwt_10_01"])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["СНГ", "ЮВЕ"]
    assert ax.get_xlabel() == "Год"
    assert any(t.get_text().startswith("Источник:") for t in fig.texts)
    shown = out.show(pd.DataFrame({"Year": [1], "iso3": ["RUS"]}))
    assert list(shown.columns) == ["Год", "iso3"]
    out.write_headlines()
    untranslated = json.loads((tmp_path / "99_example.untranslated.json").read_text())
    assert "A title nobody translated" in untranslated
    labels._MISSING.clear()
