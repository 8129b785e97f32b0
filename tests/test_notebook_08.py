"""Notebook 08 (trade partners): a run with non-default parameters in Russian, and bad parameters failing fast."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import papermill
import pytest
from notebook_runner import run_notebook
from spec_checks import assert_refused

from transition.chapters.specs import TRADE_PARTNERS as SPEC
from transition.data.vocabulary import CIS12, FORMER_USSR

STEM = "08_trade_partners"
GOOD = dict(countries=list(FORMER_USSR), first_year=1992, last_year=2020, former_republics=list(FORMER_USSR),
            drop_break_years=False, lang="en", output_dir=None)


@pytest.mark.notebook
def test_notebook_runs_with_other_parameters(tmp_path, real_panel):
    countries = ["KAZ", "RUS", "UKR", "BLR", "EST"]
    out = run_notebook(STEM, tmp_path, countries=countries, first_year=1995, last_year=2012,
                       former_republics=list(CIS12), drop_break_years=True, lang="ru")
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated
    executed = (tmp_path / "executed.ipynb").read_text(encoding="utf-8")
    assert "партнёр" in executed and "Россия" in executed  # headers and findings in Russian

    table = pd.read_csv(out / "trade_partners.csv")
    assert list(table.columns) == ["iso3", "year", "partner", "exports", "imports", "total", "share", "rank"]
    assert set(table["iso3"]) == set(countries)
    assert table["year"].min() == 1995 and table["year"].max() == 2012
    assert table.query("iso3 in ['RUS', 'BLR', 'KAZ'] and year in [2010, 2011]").empty   # break years dropped
    assert not table.query("iso3 == 'UKR' and year == 2010").empty                       # Ukraine has no break
    sums = table.dropna(subset=["share"]).groupby(["iso3", "year"])["share"].sum()
    assert (sums <= 1 + 1e-4).all() and sums.median() > 0.95       # shares of the reporter's own total (DOTS World)
    assert table.loc[table["total"].isna(), "rank"].isna().all()                         # no data, no rank

    shares = pd.read_csv(out / "intra_fsu_trade.csv")
    assert list(shares.columns)[:6] == ["iso3", "year", "share_fsu", "share_russia", "share_eu", "share_china"]
    estonia = shares[shares["iso3"] == "EST"].set_index("year")
    kazakhstan = shares[shares["iso3"] == "KAZ"].set_index("year")
    assert (estonia["share_fsu"] <= 1).all() and estonia.loc[2005, "share_eu"] > 0.5     # Estonia, EU member from 2004
    # the former republics are the CIS twelve here: the Baltic states no longer count as former republics
    assert (kazakhstan["share_fsu"] < 1).all() and kazakhstan.loc[2000, "share_russia"] > 0.2

    headlines = json.loads((out / f"{STEM}.json").read_text(encoding="utf-8"))
    assert headlines["shares_latest_year"]["value"] == 2012
    assert headlines["kaz_russia_rank_2002"]["value"] == 1
    assert headlines["kaz_years_judged_reporter_to_2002"]["value"] == 8                   # 1995-2002
    assert headlines["kaz_years_judged_reporter_after_2002"]["value"] == 8                # 2003-12 without 2010-11
    assert headlines["kaz_tariff_applied_2004"]["value"] == pytest.approx(1.91)
    figures = sorted(p.name for p in (out / "figures").glob("*.png"))
    assert figures == ["08_intra_fsu_share.png", "08_kazakhstan_partners.png", "08_kazakhstan_tariffs.png",
                       "08_russia_lead.png"]


def test_default_parameters_are_valid():
    SPEC.check(**GOOD)


@pytest.mark.parametrize("changes, fragments", [
    ({"countries": ["KAZ", "POL"]}, ["unknown 'POL'", "former Soviet republics"]),
    ({"countries": []}, ["must not be empty"]),
    ({"countries": ["RUS", "UKR"]}, ["countries must include 'KAZ'"]),
    ({"first_year": 1991}, ["first_year = 1991", "integer from 1992 to 2001"]),
    ({"first_year": 2005}, ["first_year = 2005", "essay's time"]),
    ({"last_year": 2021}, ["last_year = 2021", "integer from 2002 to 2020", "last year of the DOTS flows"]),
    ({"last_year": "2014"}, ["last_year = '2014'", "integer"]),
    ({"former_republics": ["RUS"]}, ["former_republics needs at least two countries"]),
    ({"former_republics": "RUS"}, ["must be a list"]),
    ({"drop_break_years": "yes"}, ["drop_break_years = 'yes'", "one of False, True"]),
    ({"output_dir": 3}, ["output_dir = 3", "text or None"]),
    ({"lang": "de"}, ["lang = 'de'", "one of 'en', 'ru'"]),
])
def test_bad_parameters_fail_with_clear_messages(changes, fragments):
    assert_refused(SPEC, {**GOOD, **changes}, fragments)


def test_several_problems_are_reported_together():
    with pytest.raises(ValueError, match="3 parameter problems in 08_trade_partners"):
        SPEC.check(**{**GOOD, "first_year": 1900, "last_year": 1800, "lang": "fr"})


@pytest.mark.notebook
def test_notebook_fails_fast_on_a_bad_parameter(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as error:
        run_notebook(STEM, tmp_path, countries=["KAZ", "POL"], lang="de")
    assert "unknown 'POL'" in str(error.value) and "lang = 'de'" in str(error.value)
    assert not (tmp_path / "out" / "trade_partners.csv").exists()
