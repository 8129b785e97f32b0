"""Bloc membership by year, GDP shares and bloc comparisons on constructed inputs with known answers."""
from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import pandas as pd
import pytest

from transition.analysis import integration as I


def _blocs(rows):
    return pd.DataFrame(rows, columns=["bloc", "iso3", "joined", "left"])


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


# ---------------------------------------------------------------- dates and membership

@pytest.mark.parametrize("text, expected", [
    ("2004-05-01", pd.Timestamp(2004, 5, 1)),
    ("1994", pd.Timestamp(1994, 7, 1)),       # a bare year stands for 1 July
    (" 1998 ", pd.Timestamp(1998, 7, 1)),
    ("2002.0", pd.Timestamp(2002, 7, 1)),     # a year column read as float
    ("", None), (None, None), (float("nan"), None),
])
def test_parse_bloc_date(text, expected):
    assert I.parse_bloc_date(text) == expected


@pytest.mark.parametrize("text", ["May 2004", "04/05/2004", "199", "2004-5-1"])
def test_parse_bloc_date_rejects_other_formats(text):
    with pytest.raises(ValueError, match="neither an ISO date"):
        I.parse_bloc_date(text)


def test_membership_rule_on_1_july():
    blocs = _blocs([
        ("X", "AAA", "1995-07-01", "1997-07-02"),   # joined on the reference day: member that year
        ("X", "BBB", "1995-07-02", "1997-07-01"),   # joined a day later: from 1996; left on the day: not in 1997
        ("X", "CCC", "1991-12-21", ""),             # open-ended spell: member every later year
    ])
    m = I.membership_by_year(blocs, range(1994, 1999))
    got = m.groupby("year")["iso3"].apply(list).to_dict()
    assert got == {1994: ["CCC"], 1995: ["AAA", "CCC"], 1996: ["AAA", "BBB", "CCC"],
                   1997: ["AAA", "CCC"], 1998: ["CCC"]}
    assert list(m.columns) == ["bloc", "iso3", "year"]


def test_membership_with_year_only_dates_counts_joining_not_leaving_year():
    blocs = _blocs([("OLD", "AAA", "1994", "2002"), ("NEW", "AAA", "2002", "2006")])
    m = I.membership_by_year(blocs, range(1993, 2008))
    assert sorted(m.loc[m["bloc"] == "OLD", "year"]) == list(range(1994, 2002))
    assert sorted(m.loc[m["bloc"] == "NEW", "year"]) == list(range(2002, 2006))
    # a successor bloc in the same year: never counted twice
    assert m.groupby("year").size().max() == 1


def test_members_and_empty_years():
    blocs = _blocs([("X", "BBB", "2000", ""), ("X", "AAA", "2000-01-01", ""), ("Y", "AAA", "2010", "")])
    m = I.membership_by_year(blocs, [1999, 2000])
    assert I.members(m, "X", 2000) == ["AAA", "BBB"]
    assert I.members(m, "X", 1999) == []
    assert I.members(m, "Y", 2000) == []


def test_missing_joined_date_fails():
    with pytest.raises(ValueError, match="needs a joined date"):
        I.membership_by_year(_blocs([("X", "AAA", "", "")]), [2000])


def test_real_bloc_file_ids_and_known_memberships():
    blocs = I.load_blocs()
    assert set(blocs["bloc"]) == set(I.BLOC_IDS)
    m = I.membership_by_year(blocs, [1992, 2001, 2002, 2015, 2016])
    assert I.members(m, "CAEC", 2001) == ["KAZ", "KGZ", "TJK", "UZB"]
    assert I.members(m, "CAEC", 2002) == [] and I.members(m, "CACO", 2002) == ["KAZ", "KGZ", "TJK", "UZB"]
    assert I.members(m, "EAEU", 2015) == ["ARM", "BLR", "KAZ", "RUS"]        # Kyrgyzstan joined 12 Aug 2015
    assert I.members(m, "EAEU", 2016) == ["ARM", "BLR", "KAZ", "KGZ", "RUS"]
    assert "GEO" not in I.members(m, "CIS", 1992)                           # joined Dec 1993 (year only)


def test_timeline_spells_clip_order_and_flags():
    blocs = _blocs([("B", "AAA", "2000-01-01", "2030-01-01"), ("A", "BBB", "1994", ""),
                    ("A", "AAA", "1992-07-02", "1996-07-02"), ("A", "CCC", "2026", "")])
    spells = I.timeline_spells(blocs, 2024, order=["A", "B"])
    assert spells[["bloc", "iso3"]].values.tolist() == [["A", "AAA"], ["A", "BBB"], ["B", "AAA"]]  # CCC starts later
    row = spells.set_index(["bloc", "iso3"])
    assert row.loc[("A", "AAA"), "start"] == pytest.approx(1992.5, abs=0.01)
    assert row.loc[("A", "BBB"), "end"] == 2025.0 and bool(row.loc[("A", "BBB"), "open"])
    assert row.loc[("B", "AAA"), "end"] == 2025.0 and bool(row.loc[("B", "AAA"), "open"])  # leaves after the present
    assert bool(row.loc[("A", "BBB"), "year_only"]) and not bool(row.loc[("A", "AAA"), "year_only"])


# ---------------------------------------------------------------- GDP and shares

def test_gdp_levels_plain_and_product():
    tidy = _tidy([("AAA", 2000, "wdi2022_ny_gdp_mktp_cd", 30.0), ("AAA", 2001, "wdi2022_ny_gdp_mktp_cd", -1.0),
                  ("AAA", 2000, "wdi_gdppc_ppp", 2.0), ("AAA", 2000, "mad_pop", 5.0), ("AAA", 2001, "wdi_gdppc_ppp", 3.0)])
    assert I.gdp_levels(tidy, "usd_wdi2022").values.tolist() == [["AAA", 2000, 30.0]]  # non-positive dropped
    assert I.gdp_levels(tidy, "ppp_wdi").values.tolist() == [["AAA", 2000, 10.0]]      # 2001 lacks population
    with pytest.raises(ValueError, match="gdp_measure must be one of"):
        I.gdp_levels(tidy, "usd")


def test_measure_sources():
    assert I.measure_sources("ppp_wdi") == ["gapminder_wdi", "maddison_2023"]
    assert I.measure_sources("usd_wdi2022") == ["wdi_2022"]


def test_bloc_gdp_shares_known_answer_and_missing_member():
    membership = pd.DataFrame({"bloc": ["X"] * 5, "iso3": ["AAA", "BBB", "CCC", "AAA", "BBB"],
                               "year": [2000, 2000, 2000, 2001, 2001]})
    gdp = pd.DataFrame({"iso3": ["AAA", "BBB", "AAA", "BBB"], "year": [2000, 2000, 2001, 2001],
                        "gdp": [75.0, 25.0, 30.0, 20.0]})  # totals differ by year
    weights, coverage = I.bloc_gdp_shares(membership, gdp)
    assert list(weights.columns) == ["bloc", "year", "iso3", "gdp_share_pct"]
    got = weights.set_index(["year", "iso3"])["gdp_share_pct"].to_dict()
    assert got == {(2000, "AAA"): 75.0, (2000, "BBB"): 25.0, (2001, "AAA"): 60.0, (2001, "BBB"): 40.0}
    cov = coverage.set_index("year")
    assert cov.loc[2000, ["n_members", "n_with_data", "n_missing", "missing"]].tolist() == [3, 2, 1, "CCC"]
    assert cov.loc[2001, ["n_missing", "missing"]].tolist() == [0, ""]


def test_share_lookup():
    weights = pd.DataFrame({"bloc": ["X"] * 4, "year": [2000, 2000, 2003, 2003], "iso3": ["AAA", "BBB"] * 2,
                            "gdp_share_pct": [80.0, 20.0, 70.0, 30.0]})
    assert I.share(weights, "X", "AAA", 2000) == (2000, 80.0)
    assert I.share(weights, "X", "AAA") == (2003, 70.0)
    year, value = I.share(weights, "X", "AAA", 2001)
    assert year is None and math.isnan(value)
    assert I.share(weights, "Y", "AAA")[0] is None


def test_shares_across_measures():
    tidy = _tidy([("AAA", 2000, "wdi2022_ny_gdp_mktp_cd", 3.0), ("BBB", 2000, "wdi2022_ny_gdp_mktp_cd", 1.0),
                  ("AAA", 2000, "pwt_rgdpo", 1.0), ("BBB", 2000, "pwt_rgdpo", 1.0)])
    membership = pd.DataFrame({"bloc": ["X", "X"], "iso3": ["AAA", "BBB"], "year": [2000, 2000]})
    table = I.shares_across_measures(tidy, membership, [("X", "AAA")], 2000, 2024).set_index("measure")
    assert table.loc["usd_wdi2022", "share_pct"] == 75.0 and table.loc["ppp_pwt", "share_pct"] == 50.0
    assert math.isnan(table.loc["usd_weo", "share_pct"])
    assert set(table.index) == set(I.GDP_MEASURES)


# ---------------------------------------------------------------- fragmentation

def test_fragmentation_counts():
    membership = pd.DataFrame([
        ("CIS", "AAA", 2000), ("CIS", "BBB", 2000), ("CIS", "CCC", 2000),
        ("S1", "AAA", 2000), ("S1", "BBB", 2000), ("S2", "AAA", 2000),
        ("S2", "ZZZ", 2000),                                   # outside the country set: ignored
        ("CIS", "AAA", 2001), ("CIS", "BBB", 2001),
    ], columns=["bloc", "iso3", "year"])
    frag = I.fragmentation(membership, ["AAA", "BBB", "CCC"], ["CIS", "S1", "S2"]).set_index("year")
    assert frag.loc[2000].to_dict() == {"n_blocs_active": 3, "n_subregional_blocs": 2, "n_in_subregional": 2,
                                        "n_overlapping": 1, "largest_subregional": 2, "n_outside_all": 0}
    assert frag.loc[2001].to_dict() == {"n_blocs_active": 1, "n_subregional_blocs": 0, "n_in_subregional": 0,
                                        "n_overlapping": 0, "largest_subregional": 0, "n_outside_all": 1}
    only_s1 = I.fragmentation(membership, ["AAA", "BBB", "CCC"], ["S1"]).set_index("year")
    assert only_s1.loc[2000, "n_blocs_active"] == 1 and only_s1.loc[2000, "n_outside_all"] == 1


# ---------------------------------------------------------------- groups and comparisons

def test_eu_cohorts_from_joining_year():
    blocs = _blocs([("EU", "AAA", "2004-05-01", ""), ("EU", "BBB", "2007-01-01", ""),
                    ("EU", "CCC", "2004-05-01", ""), ("WTO", "DDD", "2004-05-01", "")])
    assert I.eu_cohorts(blocs) == {"EU-2004": ["AAA", "CCC"], "EU-2007": ["BBB"]}


def test_comparison_and_essay_groups_on_real_file():
    blocs = I.load_blocs()
    membership = I.membership_by_year(blocs, [2002, 2024])
    groups = I.comparison_groups(blocs, membership, 2024)
    assert groups["EAEU"] == ["ARM", "BLR", "KAZ", "KGZ", "RUS"]
    assert len(groups["EAEU"]) + len(groups["CIS outside EAEU"]) == 12
    assert groups["EU-2004"] == ["CZE", "EST", "HUN", "LTU", "LVA", "POL", "SVK", "SVN"]
    assert groups["EU-2007"] == ["BGR", "ROU"] and groups["EU-2013"] == ["HRV"]
    essay = I.essay_time_groups(membership)
    assert essay["EurAsEC 2002"] == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert essay["GUAM 2002"] == ["AZE", "GEO", "MDA", "UKR", "UZB"]


def test_group_paths_medians():
    tidy = _tidy([("AAA", 2000, "v", 1.0), ("BBB", 2000, "v", 3.0), ("CCC", 2000, "v", 10.0),
                  ("AAA", 2001, "v", 2.0), ("CCC", 2001, "v", float("nan")), ("AAA", 2000, "w", 99.0)])
    paths = I.group_paths(tidy, "v", {"G2": ["CCC"], "G1": ["AAA", "BBB"]})
    assert paths[["group", "year", "n"]].values.tolist() == [["G2", 2000, 1], ["G2", 2001, 0], ["G1", 2000, 2], ["G1", 2001, 1]]
    assert paths["median"].tolist()[::2] == [10.0, 2.0] and math.isnan(paths["median"].iloc[1])
    assert paths["median"].iloc[3] == 2.0
    assert I.group_paths(tidy, "v", {"G1": ["AAA", "BBB"]}, years=[2001])["median"].tolist() == [2.0]


@pytest.mark.parametrize("start, end, years, expected", [(100.0, 121.0, 2, 10.0), (100.0, 100.0, 5, 0.0)])
def test_cagr(start, end, years, expected):
    assert I.cagr(start, end, years) == pytest.approx(expected)


@pytest.mark.parametrize("start, end, years", [(0.0, 100.0, 3), (100.0, float("nan"), 3), (100.0, 120.0, 0)])
def test_cagr_undefined(start, end, years):
    assert math.isnan(I.cagr(start, end, years))


def _outcome_tidy():
    rows = []
    for code, reform, gdp07, gdp_last in [("AAA", 3.0, 100.0, 121.0), ("BBB", 2.0, 200.0, 200.0)]:
        rows += [(code, 2006, "reform_ebrd_average", reform), (code, 2006, "reform_liberalization", reform + 1),
                 (code, 2006, "reform_privatization", reform), (code, 2006, "reform_institutions", reform - 1),
                 (code, 2007, "gdp_index_wdi", gdp07), (code, 2009, "gdp_index_wdi", gdp_last),
                 (code, 2010, "gdp_index_wdi", 999.0)]
    return _tidy(rows)


def test_outcome_table_and_medians():
    table = I.outcome_table(_outcome_tidy(), {"G": ["AAA", "BBB"]}, 2006, last_year=2009)
    row = table.set_index("iso3").loc["AAA"]
    assert row["ebrd_average"] == 3.0 and row["liberalization"] == 4.0 and row["institutions"] == 2.0
    assert row["gdp_index_2007"] == 100.0 and row["gdp_index_latest"] == 121.0 and row["latest_year"] == 2009
    assert row["growth_2007_latest_pct_pa"] == pytest.approx(10.0)
    medians = I.group_medians(table).set_index("group")
    assert medians.loc["G", "n"] == 2 and medians.loc["G", "ebrd_average"] == 2.5
    assert medians.loc["G", "growth_2007_latest_pct_pa"] == pytest.approx(5.0)
    # the latest year follows last_year
    later = I.outcome_table(_outcome_tidy(), {"G": ["AAA"]}, 2006, last_year=2010).iloc[0]
    assert later["latest_year"] == 2010 and later["gdp_index_latest"] == 999.0


def test_outcome_table_country_without_data():
    table = I.outcome_table(_outcome_tidy(), {"G": ["ZZZ"]}, 2006, last_year=2009)
    assert math.isnan(table.loc[0, "ebrd_average"]) and pd.isna(table.loc[0, "latest_year"])


# ---------------------------------------------------------------- headlines

def test_group_key():
    assert I.group_key("EU-2013") == "eu2013"
    assert I.group_key("CIS outside EurAsEC") == "cis_outside_eurasec"


def test_core_share_headlines():
    weights = pd.DataFrame({
        "bloc": ["CIS"] * 4 + ["CACO"] * 2 + ["EAEU"] * 4,
        "year": [2002, 2002, 2020, 2020, 2002, 2002, 2015, 2015, 2020, 2020],
        "iso3": ["RUS", "KAZ"] * 5,
        "gdp_share_pct": [75.0, 25.0, 80.0, 20.0, 10.0, 90.0, 85.0, 15.0, 88.0, 12.0]})
    items = {i["key"]: i["value"] for i in I.core_share_headlines(weights, ["CIS", "CACO", "EAEU"], "usd")}
    assert items["rus_share_cis_2002_pct"] == 75.0 and items["rus_share_cis_latest_pct"] == 80.0
    assert items["rus_share_cis_latest_year"] == 2020
    assert items["rus_share_eaeu_first_pct"] == 85.0 and items["rus_share_eaeu_latest_pct"] == 88.0
    assert items["kaz_share_caco_2002_pct"] == 90.0 and items["kaz_share_eaeu_latest_pct"] == 12.0
    assert not any(k.startswith("rus_share_eurasec") or k.startswith("kaz_share_caec") for k in items)


def test_fragmentation_and_comparison_headlines():
    frag = pd.DataFrame({"year": [1995, 2002, 2003], "n_blocs_active": [3, 5, 5], "n_overlapping": [1, 6, 4],
                         "largest_subregional": [3, 5, 5]})
    items = {i["key"]: i["value"] for i in I.fragmentation_headlines(frag, {"1995": 1995, "latest": 2003}, 12)}
    assert items["n_blocs_cis_1995"] == 3 and items["n_overlapping_cis_latest"] == 4
    assert items["n_blocs_cis_peak"] == 5 and items["n_blocs_cis_peak_first_year"] == 2002
    medians = pd.DataFrame({"group": ["EU-2004"], "n": [8], "ebrd_average": [3.8], "institutions": [3.4],
                            "gdp_index_2007": [145.0], "gdp_index_latest": [178.0], "growth_2007_latest_pct_pa": [1.6]})
    items = {i["key"]: i["value"] for i in I.comparison_headlines(medians, {"EU-2004": ["POL"]}, 2006)}
    assert items == {"eu2004_median_ebrd_average_comparison_year": 3.8, "eu2004_median_institutions_comparison_year": 3.4,
                     "eu2004_median_gdp_index_2007": 145.0, "eu2004_median_gdp_index_latest": 178.0,
                     "eu2004_median_growth_2007_latest_pct_pa": 1.6}


def test_membership_reform_headlines():
    paths = pd.DataFrame({"group": ["EurAsEC 2002", "GUAM 2002"], "year": [2000, 2000], "n": [5, 5], "median": [2.6, 2.7],
                          "mean": [2.5, 2.6]})
    items = {i["key"]: i["value"] for i in I.membership_reform_headlines(paths, {"EurAsEC 2002": ["RUS"], "GUAM 2002": ["UKR"]},
                                                                          years=(2000, 2006))}
    assert items["ebrd_average_2000_median_eurasec_2002"] == 2.6 and items["ebrd_average_2000_median_guam_2002"] == 2.7
    assert math.isnan(items["ebrd_average_2006_median_guam_2002"])


# ---------------------------------------------------------------- figures (smoke: they draw what they are given)

def test_plots_draw_one_bar_per_spell_and_one_line_per_series():
    blocs = _blocs([("CIS", "AAA", "1991-12-21", ""), ("CACO", "AAA", "2002", "2006"), ("CACO", "BBB", "2002", "2006")])
    fig = I.plot_timeline(I.timeline_spells(blocs, 2024), 1992, 2024)
    assert len(fig.axes[0].patches) == 3
    weights = pd.DataFrame({"bloc": ["CACO"] * 4, "year": [2002, 2002, 2003, 2003], "iso3": ["KAZ", "RUS"] * 2,
                            "gdp_share_pct": [60.0, 40.0, 50.0, 50.0]})
    fig = I.plot_core_shares(weights, ["CACO"], ["CACO"], "GDP")
    assert [len(ax.get_lines()) for ax in fig.axes] == [2, 2]  # one series + the essay line per panel
    frag = pd.DataFrame({"year": [2000, 2001], "n_blocs_active": [1, 2], "n_in_subregional": [0, 2],
                         "n_overlapping": [0, 1], "largest_subregional": [0, 2]})
    assert len(I.plot_fragmentation(frag, 12).axes[0].get_lines()) == 4 + 2
    paths = pd.DataFrame({"group": ["EAEU", "EAEU"], "year": [1989, 1990], "n": [1, 1], "median": [1.0, 2.0], "mean": [1.0, 2.0]})
    fig = I.plot_comparison(paths, paths, {"EAEU": ["RUS"]}, 2006)
    assert fig.axes[0].get_legend() is not None


def test_timeline_row_labels_name_the_bloc_in_the_chosen_language():
    blocs = _blocs([("CU1995", "KAZ", "1995", "2001"), ("EURASEC", "RUS", "2001", "2014")])
    spells = I.timeline_spells(blocs, 2024)
    english = [t.get_text() for t in I.plot_timeline(spells, 1992, 2024).axes[0].get_yticklabels()]
    russian = [t.get_text() for t in I.plot_timeline(spells, 1992, 2024, lang="ru").axes[0].get_yticklabels()]
    assert sorted(english) == ["Customs Union 1995 · KAZ", "EurAsEC · RUS"]
    assert sorted(russian) == ["ЕврАзЭС · RUS", "Таможенный союз 1995 · KAZ"]  # ISO3 codes stay


def _findings_headlines(gap_members, gap_outsiders, kaz_caco=66.3, kaz_eaeu=9.9):
    from transition.analysis.integration import findings_text

    numbers = {"largest_subregional_bloc_2002": 5, "kaz_share_caco_2002_pct": kaz_caco, "kaz_share_eaeu_latest_pct": kaz_eaeu,
               "ebrd_average_2006_median_eurasec_2002": gap_members,
               "ebrd_average_2006_median_cis_outside_eurasec_2002": gap_outsiders}
    headlines = {key: {"value": value, "unit": "", "description": ""} for key, value in numbers.items()}
    return findings_text(headlines, 12, 2024, 2006, "current US$")


def test_findings_use_the_ledgers_thresholds():
    from transition.claims.ledger import C9_REFORM_STEP

    assert "did not track reform" in _findings_headlines(3.04, 2.96)
    assert "Bloc membership tracked reform" in _findings_headlines(2.96 + C9_REFORM_STEP, 2.96)
    assert "Kazakhstan was the core of Central Asia only without Russia" in _findings_headlines(3.0, 3.0)
    assert "only without Russia" not in _findings_headlines(3.0, 3.0, kaz_caco=40.0)
    assert "proceeded by groups" in _findings_headlines(3.0, 3.0)
