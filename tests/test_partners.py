"""Partner shares, intra-FSU shares, rankings and tariffs on small constructed dyads."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.analysis import partners


def _dyads(rows):
    """rows: (iso3, partner, year, imports, exports[, recorded_zero, break])."""
    full = [(*r, False, False) if len(r) == 5 else r for r in rows]
    return pd.DataFrame(full, columns=["iso3", "partner_iso3", "year", "imports", "exports", "recorded_zero", "break"])


DYADS = _dyads([
    ("KAZ", "RUS", 2000, 30.0, 20.0), ("KAZ", "CHN", 2000, 10.0, 10.0), ("KAZ", "DEU", 2000, 5.0, 25.0),
    ("KAZ", "UZB", 2000, np.nan, 4.0),   # a missing flow: no total, no share, no rank
    ("KAZ", "RUS", 2001, 10.0, 10.0), ("KAZ", "CHN", 2001, 40.0, 40.0),   # DEU absent in 2001
    ("KAZ", "RUS", 2010, 5.0, 5.0, False, True), ("KAZ", "CHN", 2010, 10.0, 10.0),
    ("KAZ", "RUS", 1993, np.nan, np.nan, True, False), ("KAZ", "CHN", 1993, 1.0, 1.0),
    ("EST", "RUS", 2000, 10.0, 10.0), ("EST", "LVA", 2000, 5.0, 5.0), ("EST", "FIN", 2000, 20.0, 30.0),
    ("EST", "FIN", 2005, 20.0, 30.0), ("EST", "LVA", 2005, 25.0, 25.0),
])


def test_shares_sum_to_one_over_partners_with_data():
    table = partners.partner_table(DYADS)
    assert list(table.columns) == partners.PARTNER_COLUMNS
    sums = table.groupby(["iso3", "year"])["share"].sum()
    assert np.allclose(sums.to_numpy(), 1.0)
    kaz = table.query("iso3 == 'KAZ' and year == 2000").set_index("partner")
    assert kaz.loc["RUS", "share"] == pytest.approx(50 / 100)
    assert kaz.loc["RUS", "total"] == 50.0


def test_a_missing_flow_stays_missing_and_is_not_ranked():
    table = partners.partner_table(DYADS)
    uzb = table.query("iso3 == 'KAZ' and year == 2000 and partner == 'UZB'").iloc[0]
    assert np.isnan(uzb["imports"]) and np.isnan(uzb["total"]) and np.isnan(uzb["share"]) and np.isnan(uzb["rank"])
    assert uzb["exports"] == 4.0  # the known flow is kept as it is


def test_ranks_and_an_absent_partner():
    table = partners.partner_table(DYADS)
    ranks = table.query("iso3 == 'KAZ' and year == 2000").set_index("partner")["rank"]
    assert ranks["RUS"] == 1 and ranks["DEU"] == 2 and ranks["CHN"] == 3
    ranks_2001 = table.query("iso3 == 'KAZ' and year == 2001").set_index("partner")["rank"]
    assert "DEU" not in ranks_2001.index and ranks_2001.to_dict() == {"CHN": 1, "RUS": 2}


def test_drop_break_years_leaves_out_the_whole_reporter_year():
    kept = partners.partner_table(DYADS, drop_break_years=True)
    assert kept.query("iso3 == 'KAZ' and year == 2010").empty
    assert not partners.partner_table(DYADS).query("iso3 == 'KAZ' and year == 2010").empty


def test_eu_membership_by_year_adds_members_outside_the_study():
    blocs = pd.DataFrame({"bloc": ["EU", "EU", "CIS"], "iso3": ["EST", "HRV", "KAZ"],
                          "joined": ["2004-05-01", "2013-07-01", "1991-12-21"], "left": ["", "", ""]})
    eu = partners.eu_membership(blocs, [2003, 2004, 2013])
    members = eu.groupby("year")["iso3"].apply(set)
    assert "EST" not in members[2003] and "EST" in members[2004] and "HRV" in members[2013]
    assert {"DEU", "FIN", "GBR"} <= members[2003] and "KAZ" not in members[2013]


def test_bloc_shares_groups_and_incomplete_years():
    table = partners.partner_table(DYADS)
    flags = partners.reporter_year_flags(DYADS)
    eu = pd.DataFrame({"iso3": ["DEU", "FIN", "DEU", "FIN", "EST", "LVA"], "year": [2000, 2000, 2005, 2005, 2005, 2005]})
    shares = partners.bloc_shares(table, flags, eu).set_index(["iso3", "year"])
    assert list(shares.reset_index().columns) == partners.SHARE_COLUMNS
    kaz = shares.loc[("KAZ", 2000)]
    assert kaz["share_fsu"] == pytest.approx(0.5) and kaz["share_russia"] == pytest.approx(0.5)  # UZB has no total
    assert kaz["share_eu"] == pytest.approx(0.3) and kaz["share_china"] == pytest.approx(0.2) and kaz["share_rest"] == 0
    assert kaz["share_unallocated"] == pytest.approx(0)  # without totals the partners hold everything
    est = shares.loc[("EST", 2005)]
    assert est["share_fsu"] == pytest.approx(0.5) and est["share_eu"] == pytest.approx(1.0)  # Latvia in both from 2004
    assert est["share_rest"] == 0
    assert ("KAZ", 1993) not in shares.index  # a recorded zero: Kazakhstan's total lacks Russia


def test_russia_has_no_share_with_itself():
    dyads = _dyads([("RUS", "UKR", 2000, 5.0, 5.0), ("RUS", "DEU", 2000, 10.0, 10.0)])
    table = partners.partner_table(dyads)
    shares = partners.bloc_shares(table, partners.reporter_year_flags(dyads), pd.DataFrame({"iso3": [], "year": []}))
    assert np.isnan(shares["share_russia"].iloc[0]) and shares["share_fsu"].iloc[0] == pytest.approx(1 / 3)


def test_fsu_fall_size_and_speed():
    shares = pd.DataFrame({"iso3": "KAZ", "year": [1994, 1995, 1996, 1998, 2002, 2010],
                           "share_fsu": [0.6, 0.5, 0.45, 0.4, 0.3, 0.2]})
    fall = partners.fsu_fall(shares, essay_year=2002).iloc[0]
    assert fall["start_year"] == 1994 and fall["start_pct"] == pytest.approx(60)
    assert fall["fall_to_essay_pp"] == pytest.approx(30) and fall["pp_per_year_to_essay"] == pytest.approx(30 / 8)
    assert fall["fall_to_end_pp"] == pytest.approx(40) and fall["half_fall_year"] == 1998  # 60 - 40/2 = 40
    assert partners.fsu_fall(shares, last_year=2002).iloc[0]["end_year"] == 2002
    rising = partners.fsu_fall(shares.assign(share_fsu=[0.1, 0.2, 0.2, 0.3, 0.3, 0.4])).iloc[0]
    assert np.isnan(rising["half_fall_year"]) and rising["fall_to_end_pp"] < 0


def test_partner_ranking_marks_flagged_years():
    table = partners.partner_table(DYADS)
    ranking = partners.partner_ranking(table, partners.reporter_year_flags(DYADS)).set_index("year")
    assert ranking.loc[2000, "main_rank"] == 1 and ranking.loc[2000, "main_share"] == pytest.approx(0.5)
    assert ranking.loc[2001, "top_partner"] == "CHN" and ranking.loc[2001, "main_rank"] == 2
    assert np.isnan(ranking.loc[1993, "main_rank"]) and ranking.loc[1993, "incomplete"]
    assert ranking.loc[2010, "has_break"]
    assert partners.years_main_partner_first(ranking.reset_index(), 2010) == (1, 2)   # 2000 and 2001 only
    assert partners.years_main_partner_first(ranking.reset_index(), 2010, skip_flagged=False) == (1, 4)


def test_tariffs_from_the_first_year():
    tidy = pd.DataFrame({"iso3": "KAZ", "year": [2003, 2004, 2010, 2015, 2015],
                         "variable": ["wdi_tariff_mfn_wm"] * 4 + ["wdi_tariff_applied_wm"],
                         "value": [9.0, 4.0, 7.0, 5.6, 4.9]})
    series = partners.tariff_series(tidy)
    assert series["year"].tolist() == [2004, 2010, 2015]
    assert partners.tariff_at(series, "wdi_tariff_mfn_wm", 2010) == (2010.0, 7.0)
    assert partners.tariff_at(series, "wdi_tariff_applied_wm") == (2015.0, 4.9)
    assert np.isnan(partners.tariff_at(series, "wdi_tariff_applied_wm", 2004)[1])


def _dots_like(rows):
    """rows: (iso3, partner, year, imports, exports, hole, kind)."""
    frame = pd.DataFrame(rows, columns=["iso3", "partner_iso3", "year", "imports", "exports", "hole", "partner_kind"])
    return frame.assign(recorded_zero=False, **{"break": False})


def test_shares_of_the_reporters_own_total_and_only_countries_ranked():
    dyads = _dots_like([("UKR", "RUS", 1995, 30.0, 20.0, False, "country"), ("UKR", "SUN", 1995, 15.0, 5.0, False, "former state"),
                        ("UKR", "DEU", 1995, 10.0, 10.0, False, "country"), ("UKR", "EUU", 1995, 12.0, 12.0, False, "aggregate")])
    totals = pd.DataFrame({"iso3": ["UKR"], "year": [1995], "total": [100.0]})
    table = partners.partner_table(dyads, totals=totals).set_index("partner")
    assert table.loc["RUS", "share"] == pytest.approx(0.5) and table.loc["DEU", "share"] == pytest.approx(0.2)
    assert np.isnan(table.loc["SUN", "rank"]) and np.isnan(table.loc["EUU", "rank"]) and table.loc["DEU", "rank"] == 2
    shares = partners.bloc_shares(table.reset_index(), partners.reporter_year_flags(dyads),
                                  pd.DataFrame({"iso3": ["DEU"], "year": [1995]})).iloc[0]
    # the USSR as a whole counts with the former republics; the EU as a bloc is no partner; 10% is unallocated
    assert shares["share_fsu"] == pytest.approx(0.7) and shares["share_eu"] == pytest.approx(0.2)
    assert shares["share_unallocated"] == pytest.approx(0.1)


def test_a_hole_makes_the_reporter_year_incomplete():
    dyads = _dots_like([("KAZ", "RUS", 1993, np.nan, np.nan, True, "country"), ("KAZ", "CHN", 1993, 1.0, 1.0, False, "country"),
                        ("KAZ", "RUS", 1995, 5.0, 5.0, False, "country")])
    flags = partners.reporter_year_flags(dyads).set_index("year")
    assert flags.loc[1993, "incomplete"] and not flags.loc[1995, "incomplete"]


def test_leads_ties_and_counts():
    dyads = _dyads([("KAZ", "RUS", year, r, r) for year, r in [(2003, 30.0), (2004, 21.0), (2005, 19.0), (2006, 10.0)]]
                   + [("KAZ", "CHN", year, 20.0, 20.0) for year in (2003, 2004, 2005, 2006)])
    table = partners.partner_table(dyads)
    ranking = partners.partner_ranking(table, partners.reporter_year_flags(dyads)).set_index("year")
    assert ranking.loc[2003, "other_partner"] == "CHN" and ranking.loc[2003, "lead_pp"] == pytest.approx(20.0)
    assert ranking.loc[2006, "lead_pp"] == pytest.approx(-100 / 3)
    assert [partners.lead_outcome(x, 2.0) for x in (2.5, 2.0, -2.0, -2.01, np.nan)] == ["first", "tied", "tied", "behind", "unknown"]
    counts = partners.lead_counts(ranking.reset_index(), [2003, 2004, 2005, 2006], tie_pp=3.0)
    assert counts == {"first": 1, "tied": 2, "behind": 1, "judged": 4}   # 2004: +2.4, 2005: -2.6 within 3 points
    assert partners.judged_years(ranking.reset_index(), 2004, 2005) == [2004, 2005]


def test_flow_shares_and_window_means():
    dyads = _dyads([("KAZ", "RUS", year, imports, 1.0) for year, imports in [(2007, 30.0), (2008, 40.0), (2009, 35.0)]])
    totals = pd.DataFrame({"iso3": "KAZ", "year": [2007, 2008, 2009], "imports": [100.0, 100.0, 100.0]})
    share = partners.flow_share(dyads, totals, "KAZ", "RUS")
    assert share.to_dict() == {2007: 30.0, 2008: 40.0, 2009: 35.0}
    assert partners.window_mean(share, (2007, 2009)) == pytest.approx(35.0)
    assert np.isnan(partners.window_mean(share, (2006, 2009)))                          # a year without a value
    assert partners.window_mean(share, (2006, 2009), every_year=False) == pytest.approx(35.0)
    assert np.isnan(partners.window_mean(share, (2010, 2012), every_year=False))


def test_judged_in_both_records_and_the_median_share_and_fall():
    dyads = _dyads([("KAZ", "RUS", year, 30.0, 30.0) for year in (2003, 2004, 2005)]
                   + [("KAZ", "CHN", year, 20.0, 20.0) for year in (2003, 2004, 2005)])
    ranking = partners.partner_ranking(partners.partner_table(dyads), partners.reporter_year_flags(dyads))
    other = ranking[ranking["year"] != 2004]   # a record without 2004
    assert partners.judged_in_both({"reporter": ranking, "mirror": other}) == [2003, 2005]
    assert partners.judged_in_both({"reporter": ranking}, 2004, None) == [2004, 2005]
    shares = pd.DataFrame({"iso3": ["KAZ", "KGZ", "RUS"], "year": 2002, "share_fsu": [0.3, 0.5, 0.2]})
    fall = pd.DataFrame({"iso3": ["KAZ", "KGZ", "RUS"], "fall_to_essay_pp": [20.0, 10.0, 5.0]})
    medians = partners.median_share_and_fall(shares, fall, ["KAZ", "KGZ"], 2002, "fall_to_essay_pp")
    assert medians["share_pct"] == pytest.approx(40.0) and medians["fall_pp"] == pytest.approx(15.0)
    assert 30.0 <= medians["share_low"] <= 40.0 <= medians["share_high"] <= 50.0
    assert 10.0 <= medians["fall_low"] <= medians["fall_high"] <= 20.0


def test_mirror_share_tables_never_exceed_the_reporters_total():
    """The partners' record over a total never below their sum (Belarus 1994 would have 122%)."""
    mirror = _dots_like([("BLR", "RUS", 1994, 80.0, 42.0, False, "country"),
                         ("BLR", "DEU", 1994, 10.0, 10.0, False, "country")])
    totals = pd.DataFrame({"iso3": ["BLR"], "year": [1994], "exports": [40.0], "imports": [60.0], "total": [100.0]})
    table, flags = partners.mirror_share_tables({"mirror": mirror, "totals": totals})
    own = table.set_index("partner")["share"]
    assert own["RUS"] == pytest.approx(122 / 142) and own.sum() == pytest.approx(1.0)
    assert not flags["incomplete"].any()
