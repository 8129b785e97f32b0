"""Notebook 02 (output paths): a run with non-default parameters, and bad parameters failing fast."""
from __future__ import annotations

import json

import pandas as pd
import papermill
import pytest

from conftest import requires_mirror
from notebook_runner import run_notebook
from transition.analysis.output import TABLE_COLUMNS
from transition.chapters.specs import OUTPUT_PATHS as SPEC

STEM = "02_output_paths"
VALID = dict(base_year=1989, gdp_source="wdi", splice_with="maddison", compare_sources=["wdi", "pwt"], horizon=15,
             grouping="broad", countries=["RUS", "POL"], gap_threshold=3.0, substantial_loss=80.0,
             disagreement_threshold=10.0, lang="en", output_dir=None)


@requires_mirror
def test_notebook_runs_with_non_default_parameters(tmp_path):
    chosen = ["RUS", "UKR", "KAZ", "BLR", "UZB", "POL", "HUN", "CZE", "EST", "LVA", "BIH"]
    out = run_notebook(STEM, tmp_path, base_year=1990, gdp_source="pwt", splice_with="maddison",
                       compare_sources=["pwt", "maddison"], horizon=10, grouping="group", countries=chosen,
                       substantial_loss=70.0, disagreement_threshold=5.0, lang="ru")
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated
    executed = (tmp_path / "executed.ipynb").read_text(encoding="utf-8")
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


def test_valid_parameters_pass():
    SPEC.check(**VALID)
    SPEC.check(**{**VALID, "splice_with": None})


@pytest.mark.parametrize("change, fragments", [
    ({"base_year": 1850}, ["base_year = 1850", "integer from 1985 to 2000"]),
    ({"base_year": "1989"}, ["base_year = '1989'", "must be an integer"]),
    ({"gdp_source": "imf"}, ["gdp_source = 'imf'", "'wdi', 'maddison', 'pwt', 'weo'"]),
    ({"countries": ["RUS", "XXX"]}, ["unknown 'XXX'"]),
    ({"compare_sources": ["wdi", "bea"]}, ["unknown 'bea'"]),
    ({"grouping": "region"}, ["grouping = 'region'", "'broad', 'group'"]),
    ({"gap_threshold": 5.0}, ["gap_threshold = 5.0", "number from 1 to 4.33"]),
    ({"substantial_loss": 120}, ["substantial_loss = 120", "number from 1 to 100"]),
    ({"horizon": 40}, ["horizon = 40", "integer from 5 to 25"]),
    ({"output_dir": 3}, ["output_dir = 3", "text or None"]),
    ({"lang": "de"}, ["lang = 'de'", "one of 'en', 'ru'", "language of figure texts and table headers"]),
    ({"colour": "red"}, ["colour: unknown parameter"]),
    ({"splice_with": "wdi"}, ["splice_with = 'wdi' is the GDP source itself"]),
    ({"gdp_source": "pwt", "compare_sources": ["pwt"], "base_year": 2000, "horizon": 25},
     ["2000-2025 is outside the data", "pwt covers 1960-2019"]),
    ({"compare_sources": ["weo"], "base_year": 2000, "horizon": 20}, ["weo covers 1980-2018"]),
])
def test_bad_parameters_fail_with_a_clear_message(change, fragments):
    with pytest.raises(ValueError) as caught:
        SPEC.check(**{**VALID, **change})
    message = str(caught.value)
    assert message.startswith("1 parameter problem in 02_output_paths")
    for fragment in fragments:
        assert fragment in message


def test_several_problems_are_reported_together():
    with pytest.raises(ValueError, match="3 parameter problems") as caught:
        SPEC.check(**{**VALID, "base_year": 1850, "gdp_source": "imf", "countries": ["XXX"]})
    assert len(str(caught.value).splitlines()) == 4


@requires_mirror
def test_bad_parameter_stops_the_notebook_at_the_validation_cell(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        run_notebook(STEM, tmp_path, base_year=1850, countries=["RUS", "XXX"], lang="de")
    assert caught.value.ename == "ValueError"
    assert "base_year = 1850" in caught.value.evalue and "unknown 'XXX'" in caught.value.evalue
    assert "lang = 'de'" in caught.value.evalue
    assert not (tmp_path / "out" / "output_paths.csv").exists()
