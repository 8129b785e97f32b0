"""Notebook 06 (trade structure): a run with non-default parameters, and bad parameters failing fast."""
from __future__ import annotations

import json

import pandas as pd
import papermill
import pytest
from conftest import requires_mirror
from notebook_runner import run_notebook

from transition.data.vocabulary import CIS12

STEM = "06_trade_structure"


@requires_mirror
@pytest.mark.notebook
def test_runs_with_non_default_parameters(tmp_path):
    members = [iso3 for iso3 in CIS12 if iso3 != "TKM"]
    out = run_notebook(STEM, tmp_path, splice_prefer="older", membership="dated", cis_members=members,
                       periods=["1998-2001", "2016-2019"], groups=["CIS", "CEE & Baltics"], early_year=2002,
                       min_countries=4, growth_start=1995, growth_end=2003, eci_variable="eci_sitc", lang="ru")
    assert json.loads((out / f"{STEM}.untranslated.json").read_text(encoding="utf-8")) == []  # all translated
    executed = (tmp_path / "executed.ipynb").read_text(encoding="utf-8")
    assert "экспорт топлива" in executed  # headers shown in Russian

    shares = pd.read_csv(out / "cis_export_shares.csv")
    assert {"iso3", "period", "share_pct"} <= set(shares.columns)
    assert set(shares["period"]) == {"1998-2001", "2016-2019"}
    assert shares["share_pct"].between(0, 100).all()
    assert (shares.groupby("period")["share_pct"].sum() - 100).abs().lt(1e-3).all()
    assert "TKM" not in set(shares["iso3"])
    # dated membership: Georgia (left 2009) counted in 1998-2001, not in 2016-2019
    assert "GEO" in set(shares.loc[shares["period"] == "1998-2001", "iso3"])
    assert "GEO" not in set(shares.loc[shares["period"] == "2016-2019", "iso3"])

    structure = pd.read_csv(out / "trade_structure.csv")
    assert set(structure["group"]) == {"CIS", "CEE & Baltics"}
    assert {"series", "group", "year", "median", "q25", "q75", "weighted", "n_countries"} <= set(structure.columns)
    assert structure.loc[structure["n_countries"] < 4, "median"].isna().all()
    shares_rows = structure[structure["series"].str.startswith(("exports_f", "exports_m", "imports_m"))]
    assert shares_rows["median"].dropna().between(0, 100).all()

    # older vintage preferred: fuel values of 2012 and before come from WDI 2013
    comp = pd.read_csv(out / "06_composition_by_country.csv")
    fuel = comp[(comp["series"] == "exports_fuel") & (comp["year"] <= 2012) & (comp["iso3"] == "RUS")]
    assert set(fuel["vintage"]) == {"wdi2013"}

    growth = pd.read_csv(out / "06_export_growth.csv")
    assert len(growth) == len(members) and growth["start_usd_direct"].min() >= 1995

    headlines = json.loads((out / f"{STEM}.json").read_text())
    assert 0 < headlines["rus_share_essay_period"]["value"] < 100
    assert "1998-2001" in headlines["rus_share_essay_period"]["description"]
    assert "2002" in headlines["cis_median_eci_early"]["description"]
    assert "eci_sitc" in headlines["cis_median_eci_early"]["description"]
    assert headlines["cis_count_exports_growth_known_volume"]["value"] <= len(members)
    assert (out / "figures" / "06_cis_export_shares.png").is_file()

    # the essay's concept: goods exports outside the CIS, over the members given
    outside = pd.read_csv(out / "06_non_cis_exports.csv")
    assert set(outside["iso3"]) == set(members) and outside.query("year_complete == True")["share_pct"].between(0, 100).all()
    complete = outside.query("year_complete == True").groupby("year")["share_pct"].sum()
    assert (complete - 100).abs().lt(1e-3).all()
    assert 1995 <= headlines["essay_figures_year"]["value"] <= 2002
    assert (out / "figures" / "06_non_cis_export_shares.png").is_file()


@requires_mirror
@pytest.mark.notebook
def test_bad_parameter_stops_the_notebook(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        run_notebook(STEM, tmp_path, periods=["2000-2003", "2021-2024"], lang="de")
    assert "'2021-2024' is outside the data" in str(caught.value) and "lang = 'de'" in str(caught.value)
