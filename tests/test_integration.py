"""Analysis of regional integration: GDP shares, fragmentation and bloc comparisons on constructed inputs."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from transition.analysis import integration as I
from transition.data.blocs import load_blocs, load_eu_milestones, membership_by_year
from transition.data.vocabulary import GDP_MEASURES


def _blocs(rows):
    return pd.DataFrame(rows, columns=["bloc", "iso3", "joined", "left"])


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


# ---------------------------------------------------------------- timeline

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
    assert set(table.index) == set(GDP_MEASURES)


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
    blocs = load_blocs()
    membership = membership_by_year(blocs, [2002, 2024])
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


def test_core_pairs_and_core_shares():
    weights = pd.DataFrame({"bloc": ["CIS", "CIS", "CACO", "CACO", "CIS", "CIS"], "year": [2002, 2002, 2002, 2002, 2005, 2005],
                            "iso3": ["RUS", "KAZ", "KAZ", "UZB", "RUS", "KAZ"],
                            "gdp_share_pct": [80.0, 20.0, 60.0, 40.0, 85.0, 15.0]})
    pairs = I.core_pairs(weights, ["CIS", "CACO", "EAEU"])
    assert pairs == [("CIS", "RUS"), ("CACO", "KAZ"), ("EAEU", "KAZ")]   # Russia: only blocs it has a share in
    table = I.core_shares(weights, pairs).set_index(["bloc", "iso3"])
    assert table.loc[("CIS", "RUS"), ["essay_year", "first_year", "latest_year", "latest"]].tolist() == [80.0, 2002, 2005, 85.0]
    assert math.isnan(table.loc[("EAEU", "KAZ"), "essay_year"]) and pd.isna(table.loc[("EAEU", "KAZ"), "latest_year"])


def test_bloc_weights_stop_at_the_last_gdp_year():
    membership = pd.DataFrame({"bloc": ["X"] * 3, "iso3": ["AAA"] * 3, "year": [2000, 2001, 2002]})
    gdp = pd.DataFrame({"iso3": ["AAA", "AAA"], "year": [2000, 2001], "gdp": [1.0, 2.0]})
    weights, coverage, years = I.bloc_weights(membership, gdp, 2000, 2024)
    assert years == range(2000, 2002) and weights["year"].tolist() == [2000, 2001] and len(coverage) == 2


def test_last_member_year_and_cis_countries():
    membership = pd.DataFrame({"bloc": ["EAEU", "EAEU", "CIS"], "iso3": ["RUS"] * 3, "year": [2015, 2024, 2030]})
    assert I.last_member_year(membership, "EAEU") == 2024
    assert len(I.cis_countries()) == 12 and "RUS" in I.cis_countries()


# ---------------------------------------------------------------- C10: agreement to working union

def _dated_blocs():
    return pd.DataFrame({
        "bloc": ["A", "A", "U", "U", "B", "V"],
        "iso3": ["AAA", "BBB", "AAA", "BBB", "AAA", "AAA"],
        "joined": ["1996-01-01", "1997", "2010-01-01", "2011", "2001-01-01", "2021-01-01"],
        "left": ["2010-01-01", "", "", "", "", ""],
        "signed": ["1995-01-01", "1996-06-01", "", "", "2000-01-01", ""],
    })


def test_eurasian_steps_known_answer_and_censoring():
    steps = I.eurasian_steps(_dated_blocs(), steps=(("A", "U"), ("B", "V")))
    assert steps["step"].tolist() == ["A → U", "B → V"] and steps["completed"].all()
    assert steps["years"].tolist() == pytest.approx([5479 / 365.25, 7671 / 365.25])   # 1995-01-01 → 2010-01-01 (15 y)
    as_2005 = I.eurasian_steps(_dated_blocs(), steps=(("A", "U"), ("B", "V")), as_of="2005-01-01")
    assert not as_2005["completed"].any() and as_2005["working"].isna().all()
    assert as_2005["years"].tolist() == pytest.approx([3653 / 365.25, 1827 / 365.25])  # years waited by then
    assert I.eurasian_steps(_dated_blocs(), steps=(("A", "U"), ("B", "V")), as_of="1999-12-31")["step"].tolist() == ["A → U"]


def test_eurasian_steps_need_a_signature():
    with pytest.raises(ValueError, match="no signature date"):
        I.eurasian_steps(_dated_blocs(), steps=(("U", "V"),))


def test_eu_steps_and_duration_summary():
    milestones = pd.DataFrame({"step": ["x", "x", "y", "y"], "kind": ["agreement", "working", "agreement", "working"],
                               "event": ["signed X", "X works", "signed Y", "Y works"],
                               "date": pd.to_datetime(["1957-03-25", "1968-07-01", "1992-02-07", "1999-01-01"])})
    steps = I.eu_steps(milestones)
    assert steps["side"].eq("EU").all() and steps["agreement"].tolist() == ["signed X", "signed Y"]
    assert steps["years"].round(2).tolist() == [11.27, 6.9]
    summary = I.duration_summary(steps)
    assert summary["n_steps"] == 2 and summary["n_completed"] == 2 and math.isnan(summary["longest_open_years"])
    assert summary["median_years"] == pytest.approx((11.268993839835728 + 6.899383983572895) / 2)
    early = I.duration_summary(I.eu_steps(milestones, as_of="1960-03-25"))
    assert early == {"n_steps": 1, "n_completed": 0, "median_years": pytest.approx(1096 / 365.25),
                     "median_completed_years": pytest.approx(float("nan"), nan_ok=True),
                     "longest_open_years": pytest.approx(1096 / 365.25)}
    with pytest.raises(ValueError, match="exactly one"):
        I.eu_steps(milestones.iloc[:3])


def test_union_steps_on_the_real_files():
    steps = I.eurasian_steps(load_blocs())
    assert steps.set_index("step")["years"].round(1).to_dict() == {"CU1995 → CU2010": 15.0, "EURASEC → EAEU": 14.2,
                                                                   "SES2003 → SES2012": 8.3}
    as_of_2002 = I.duration_summary(I.eurasian_steps(load_blocs(), as_of="2002-12-31"))
    assert as_of_2002["n_steps"] == 2 and as_of_2002["n_completed"] == 0
    eu = I.eu_steps(load_eu_milestones())
    assert eu["working"].dt.year.tolist() == [1968, 1993, 1999] and eu["signed"].dt.year.tolist() == [1957, 1986, 1992]
