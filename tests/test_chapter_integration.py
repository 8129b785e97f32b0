"""Chapter 07 (integration): headline rows, figures and the findings text with the ledger's thresholds."""
from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import pandas as pd
import pytest
from spec_checks import assert_refused

from transition.analysis.integration import timeline_spells
from transition.chapters import integration as C
from transition.chapters.integration import SPEC
from transition.claims.ledger import C9_REFORM_STEP, C10_LONG_YEARS, C10_SHORT_YEARS


def _blocs(rows):
    return pd.DataFrame(rows, columns=["bloc", "iso3", "joined", "left"])


# ---------------------------------------------------------------- headlines

def test_group_key():
    assert C.group_key("EU-2013") == "eu2013"
    assert C.group_key("CIS outside EurAsEC") == "cis_outside_eurasec"


def test_core_share_headlines():
    weights = pd.DataFrame({
        "bloc": ["CIS"] * 4 + ["CACO"] * 2 + ["EAEU"] * 4,
        "year": [2002, 2002, 2020, 2020, 2002, 2002, 2015, 2015, 2020, 2020],
        "iso3": ["RUS", "KAZ"] * 5,
        "gdp_share_pct": [75.0, 25.0, 80.0, 20.0, 10.0, 90.0, 85.0, 15.0, 88.0, 12.0]})
    items = {i["key"]: i["value"] for i in C.core_share_headlines(weights, ["CIS", "CACO", "EAEU"], "usd")}
    assert items["rus_share_cis_2002_pct"] == 75.0 and items["rus_share_cis_latest_pct"] == 80.0
    assert items["rus_share_cis_latest_year"] == 2020
    assert items["rus_share_eaeu_first_pct"] == 85.0 and items["rus_share_eaeu_latest_pct"] == 88.0
    assert items["kaz_share_caco_2002_pct"] == 90.0 and items["kaz_share_eaeu_latest_pct"] == 12.0
    assert not any(k.startswith(("rus_share_eurasec", "kaz_share_caec")) for k in items)


def test_fragmentation_and_comparison_headlines():
    frag = pd.DataFrame({"year": [1995, 2002, 2003], "n_blocs_active": [3, 5, 5], "n_overlapping": [1, 6, 4],
                         "largest_subregional": [3, 5, 5]})
    items = {i["key"]: i["value"] for i in C.fragmentation_headlines(frag, {"1995": 1995, "latest": 2003}, 12)}
    assert items["n_blocs_cis_1995"] == 3 and items["n_overlapping_cis_latest"] == 4
    assert items["n_blocs_cis_peak"] == 5 and items["n_blocs_cis_peak_first_year"] == 2002
    medians = pd.DataFrame({"group": ["EU-2004"], "n": [8], "ebrd_average": [3.8], "institutions": [3.4],
                            "gdp_index_2007": [145.0], "gdp_index_latest": [178.0], "growth_2007_latest_pct_pa": [1.6]})
    items = {i["key"]: i["value"] for i in C.comparison_headlines(medians, {"EU-2004": ["POL"]}, 2006)}
    assert items == {"eu2004_median_ebrd_average_comparison_year": 3.8, "eu2004_median_institutions_comparison_year": 3.4,
                     "eu2004_median_gdp_index_2007": 145.0, "eu2004_median_gdp_index_latest": 178.0,
                     "eu2004_median_growth_2007_latest_pct_pa": 1.6}


def test_membership_reform_headlines():
    paths = pd.DataFrame({"group": ["EurAsEC 2002", "GUAM 2002"], "year": [2000, 2000], "n": [5, 5], "median": [2.6, 2.7],
                          "mean": [2.5, 2.6]})
    items = {i["key"]: i["value"] for i in C.membership_reform_headlines(paths, {"EurAsEC 2002": ["RUS"], "GUAM 2002": ["UKR"]},
                                                                          years=(2000, 2006))}
    assert items["ebrd_average_2000_median_eurasec_2002"] == 2.6 and items["ebrd_average_2000_median_guam_2002"] == 2.7
    assert math.isnan(items["ebrd_average_2006_median_guam_2002"])


# ---------------------------------------------------------------- figures (smoke: they draw what they are given)

def test_plots_draw_one_bar_per_spell_and_one_line_per_series():
    blocs = _blocs([("CIS", "AAA", "1991-12-21", ""), ("CACO", "AAA", "2002", "2006"), ("CACO", "BBB", "2002", "2006")])
    fig = C.plot_timeline(timeline_spells(blocs, 2024), 1992, 2024)
    assert len(fig.axes[0].patches) == 3
    weights = pd.DataFrame({"bloc": ["CACO"] * 4, "year": [2002, 2002, 2003, 2003], "iso3": ["KAZ", "RUS"] * 2,
                            "gdp_share_pct": [60.0, 40.0, 50.0, 50.0]})
    fig = C.plot_core_shares(weights, [("CACO", "RUS"), ("CACO", "KAZ")], "GDP")
    assert [len(ax.get_lines()) for ax in fig.axes] == [2, 2]  # one series + the essay line per panel
    frag = pd.DataFrame({"year": [2000, 2001], "n_blocs_active": [1, 2], "n_in_subregional": [0, 2],
                         "n_overlapping": [0, 1], "largest_subregional": [0, 2]})
    assert len(C.plot_fragmentation(frag, 12).axes[0].get_lines()) == 4 + 2
    paths = pd.DataFrame({"group": ["EAEU", "EAEU"], "year": [1989, 1990], "n": [1, 1], "median": [1.0, 2.0], "mean": [1.0, 2.0]})
    fig = C.plot_comparison(paths, paths, {"EAEU": ["RUS"]}, 2006)
    assert fig.axes[0].get_legend() is not None


def test_timeline_row_labels_name_the_bloc_in_the_chosen_language():
    blocs = _blocs([("CU1995", "KAZ", "1995", "2001"), ("EURASEC", "RUS", "2001", "2014")])
    spells = timeline_spells(blocs, 2024)
    english = [t.get_text() for t in C.plot_timeline(spells, 1992, 2024).axes[0].get_yticklabels()]
    russian = [t.get_text() for t in C.plot_timeline(spells, 1992, 2024, lang="ru").axes[0].get_yticklabels()]
    assert sorted(english) == ["Customs Union 1995 · KAZ", "EurAsEC · RUS"]
    assert sorted(russian) == ["ЕврАзЭС · RUS", "Таможенный союз 1995 · KAZ"]  # ISO3 codes stay


def _findings_headlines(gap_members, gap_outsiders, kaz_caco=66.3, kaz_eaeu=9.9):
    numbers = {"largest_subregional_bloc_2002": 5, "kaz_share_caco_2002_pct": kaz_caco, "kaz_share_eaeu_latest_pct": kaz_eaeu,
               "ebrd_average_2006_median_eurasec_2002": gap_members,
               "ebrd_average_2006_median_cis_outside_eurasec_2002": gap_outsiders}
    headlines = {key: {"value": value, "unit": "", "description": ""} for key, value in numbers.items()}
    return C.findings_text(headlines, 12, 2024, 2006, "current US$")


def test_findings_use_the_ledgers_thresholds():
    assert "did not track reform" in _findings_headlines(3.04, 2.96)
    assert "Bloc membership tracked reform" in _findings_headlines(2.96 + C9_REFORM_STEP, 2.96)
    assert "Kazakhstan was the core of Central Asia only without Russia" in _findings_headlines(3.0, 3.0)
    assert "only without Russia" not in _findings_headlines(3.0, 3.0, kaz_caco=40.0)
    assert "proceeded by groups" in _findings_headlines(3.0, 3.0)


def test_members_table_and_run_headlines():
    membership = pd.DataFrame({"bloc": ["X", "X", "Y"], "iso3": ["BBB", "AAA", "AAA"], "year": [2000, 2000, 2001]})
    table = C.members_table(membership, ["X", "Y"], [2001, 2000, 2001])
    assert list(table.columns) == ["2000", "2001"] and table.loc["X", "2000"] == "AAA BBB" and table.loc["Y", "2000"] == ""
    outcomes = pd.DataFrame({"latest_year": pd.array([2020, 2024], dtype="Int64")})
    coverage = pd.DataFrame({"n_missing": [0, 2, 1]})
    rows = {r["key"]: r["value"] for r in C.run_headlines(2006, outcomes, range(1992, 2021), coverage, "usd_wdi2022")}
    assert rows == {"comparison_year": 2006, "gdp_index_latest_year": 2024, "gdp_weights_last_year": 2020,
                    "gdp_weights_bloc_years_with_missing": 2}
    assert C.fragmentation_years(2024) == {"1995": 1995, "2002": 2002, "2015": 2015, "latest": 2024}
    assert C.measure_label("ppp_pwt", short=True) == "GDP at PPP, output side"


# ---------------------------------------------------------------- parameters

GOOD = {"gdp_measure": "usd_wdi2022", "first_year": 1992, "last_year": 2024, "blocs": ["CIS", "EAEU", "EU"],
            "comparison_year": 2006, "lang": "en", "output_dir": None}


def test_default_parameters_are_valid():
    SPEC.check(**GOOD)


@pytest.mark.parametrize("changes, fragments", [
    ({"gdp_measure": "gdp_usd"}, ["gdp_measure = 'gdp_usd'", "'usd_wdi2022'", "'ppp_pwt'"]),
    ({"first_year": 1991}, ["first_year = 1991", "integer from 1992 to 2002"]),
    ({"first_year": 2005}, ["first_year = 2005", "essay's time"]),
    ({"last_year": 2030}, ["last_year = 2030", "integer from 2015 to 2024"]),
    ({"last_year": "2020"}, ["last_year = '2020'", "integer"]),
    ({"comparison_year": 2010}, ["comparison_year = 2010", "EBRD indicators end in 2006"]),
    ({"blocs": ["CIS", "NATO"]}, ["unknown 'NATO'", "EAEU"]),
    ({"blocs": "CIS"}, ["blocs = 'CIS'", "must be a list"]),
    ({"blocs": []}, ["must not be empty"]),
    ({"blocs": ["EU", "WTO"]}, ["include at least one post-Soviet bloc"]),
    ({"output_dir": 3}, ["output_dir = 3", "text or None"]),
    ({"lang": "de"}, ["lang = 'de'", "one of 'en', 'ru'", "table headers"]),
])
def test_bad_parameters_fail_with_clear_messages(changes, fragments):
    assert_refused(SPEC, {**GOOD, **changes}, fragments)


def test_several_problems_are_reported_together():
    with pytest.raises(ValueError, match="3 parameter problems in 07_integration"):
        SPEC.check(**{**GOOD, "gdp_measure": "x", "first_year": 1900, "comparison_year": 2020})


# ---------------------------------------------------------------- C10: agreement to working union

def _steps(years, completed, side="Eurasian"):
    n = len(years)
    return pd.DataFrame({"side": [side] * n, "step": [f"S{i}" for i in range(n)], "agreement": [f"A{i}" for i in range(n)],
                         "signed": pd.to_datetime(["2000-01-01"] * n), "union": [f"U{i}" for i in range(n)],
                         "working": pd.to_datetime(["2010-01-01" if c else None for c in completed]),
                         "completed": completed, "years": years})


def test_union_step_headlines_and_table():
    rows = {r["key"]: r["value"] for r in C.union_step_headlines(_steps([3.0], [False]), _steps([15.0, 8.0, 14.0], [True] * 3),
                                                                 _steps([11.0, 7.0], [True, True], side="EU"))}
    assert rows["eurasian_union_median_years_2002"] == 3.0 and rows["eurasian_union_completed_2002"] == 0
    assert rows["eurasian_union_longest_open_years_2002"] == 3.0
    assert rows["eurasian_union_median_years_latest"] == 14.0 and rows["eurasian_union_steps_latest"] == 3
    assert math.isnan(rows["eurasian_union_longest_open_years_latest"])
    assert rows["years_a0_to_u0"] == 15.0 and rows["eu_years_S1"] == 7.0 and rows["eu_step_median_years"] == 9.0
    table = C.steps_table(_steps([15.04], [True]), _steps([6.96], [False], side="EU"))
    assert table["years"].tolist() == [15.0, 7.0] and table["signed"].tolist() == ["2000-01-01"] * 2
    assert table["working"].tolist()[0] == "2010-01-01" and pd.isna(table["working"].tolist()[1])


def test_c10_findings_sentence_uses_the_ledgers_thresholds():
    assert "it took long" in C._long_text(C10_LONG_YEARS)
    assert "did not take long" in C._long_text(C10_SHORT_YEARS - 0.1)
    assert "neither long nor short" in C._long_text((C10_LONG_YEARS + C10_SHORT_YEARS) / 2)


def test_c10_essay_time_sentence():
    assert C._essay_time_text(5.1, 0, 2) == "too early to tell"
    assert C._essay_time_text(C10_LONG_YEARS, 0, 2) == "already long by the ledger's rule"
    assert C._essay_time_text(4.0, 2, 2).startswith("all working by then; by the ledger's rule")
