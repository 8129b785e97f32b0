"""Notebook 02 (output paths) in a kernel: a run with non-default parameters (shared, through the execution
cache), and a bad parameter stopping it at the validation cell (the one such kernel test: test_record.py checks
that every notebook validates its parameters first).

The parameter spec itself (every bad value, several at once) is tested without a kernel in test_output_paths.py.
"""
from __future__ import annotations

import json

import pandas as pd
import papermill
import pytest

from conftest import requires_mirror
from notebook_runner import declare, executed_text, run_notebook, shared_run
from transition.analysis.output import TABLE_COLUMNS

STEM = "02_output_paths"
CHOSEN = ["RUS", "UKR", "KAZ", "BLR", "UZB", "POL", "HUN", "CZE", "EST", "LVA", "BIH"]
RUN = declare("02_output_paths-other", STEM, base_year=1990, gdp_source="pwt", splice_with="maddison",
              compare_sources=["pwt", "maddison"], horizon=10, grouping="group", countries=CHOSEN,
              substantial_loss=70.0, disagreement_threshold=5.0, lang="ru")


@pytest.mark.notebook
@requires_mirror
def test_notebook_runs_with_non_default_parameters():
    chosen = CHOSEN
    out = shared_run(RUN)
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated
    executed = executed_text(RUN)
    assert "стран со склейкой рядов" in executed  # headers shown in Russian
    table = pd.read_csv(out / "output_paths.csv")
    assert list(table.columns[:len(TABLE_COLUMNS)]) == TABLE_COLUMNS
    assert len(table) == 2 * len(chosen) and set(table["source"]) == {"pwt", "maddison"}
    assert set(table["iso3"]) == set(chosen) and (table["base_year"] == 1990).all()
    ok = table[table["status"] == "ok"]
    assert set(table.loc[table["status"] == "definition_break", "iso3"]) == {"BIH"}  # break in 1994 > 1990
    assert ok["trough_year"].between(1990, 2000).all()  # horizon 10 took effect
    assert ok["trough_index"].between(10, 100).all() and (ok["years_to_trough"] == ok["trough_year"] - 1990).all()
    assert ok["index_latest"].gt(0).all() and (ok.loc[ok["source"] == "pwt", "latest_year"] == 2019).all()

    summary = pd.read_csv(out / "output_group_summary.csv")
    assert set(summary["group"]) == {"CIS", "Baltic", "Central Europe"}  # five-group labels, BIH skipped
    losses = pd.read_csv(out / "output_substantial_loss.csv")
    assert 70.0 in set(losses["threshold"])
    disagreement = pd.read_csv(out / "output_source_disagreement.csv")
    assert disagreement["disagree"].eq(disagreement["spread"] > 5.0).all()

    headlines = json.loads((out / f"{STEM}.json").read_text())
    assert "median_trough_index_baltic" in headlines and "median_trough_index_cis" in headlines
    assert headlines["substantial_loss_threshold"]["value"] == 70.0
    assert set(k for k in headlines if k.startswith("russia_1998_index_")) == {"russia_1998_index_pwt",
                                                                               "russia_1998_index_maddison"}
    assert 0 <= headlines["cis_countries_with_substantial_loss"]["value"] <= 5
    for name in ("02_output_paths_by_group", "02_trough_by_source", "02_trough_vs_gap"):
        assert (out / "figures" / f"{name}.png").stat().st_size > 10_000


@pytest.mark.notebook
@requires_mirror
def test_bad_parameter_stops_the_notebook_at_the_validation_cell(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        run_notebook(STEM, tmp_path, base_year=1850, countries=["RUS", "XXX"], lang="de")
    assert caught.value.ename == "ValueError"
    assert "base_year = 1850" in caught.value.evalue and "unknown 'XXX'" in caught.value.evalue
    assert "lang = 'de'" in caught.value.evalue
    assert not (tmp_path / "out" / "output_paths.csv").exists()
