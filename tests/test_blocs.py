"""data.blocs: the one reader of data/blocs.csv — dates, the membership rule, the real file."""
from __future__ import annotations

import datetime

import pandas as pd
import pytest

from transition.data import blocs as B
from transition.data.vocabulary import BLOC_IDS


def _blocs(rows):
    return pd.DataFrame(rows, columns=["bloc", "iso3", "joined", "left"])


# ---------------------------------------------------------------- dates and membership

@pytest.mark.parametrize("text, expected", [
    ("2004-05-01", pd.Timestamp(2004, 5, 1)),
    ("1994", pd.Timestamp(1994, 7, 1)),       # a bare year stands for 1 July
    (" 1998 ", pd.Timestamp(1998, 7, 1)),
    ("2002.0", pd.Timestamp(2002, 7, 1)),     # a year column read as float
    ("", None), (None, None), (float("nan"), None),
])
def test_parse_bloc_date(text, expected):
    assert B.parse_bloc_date(text) == expected


@pytest.mark.parametrize("text", ["May 2004", "04/05/2004", "199", "2004-5-1"])
def test_parse_bloc_date_rejects_other_formats(text):
    with pytest.raises(ValueError, match="neither an ISO date"):
        B.parse_bloc_date(text)


def test_membership_rule_on_1_july():
    blocs = _blocs([
        ("X", "AAA", "1995-07-01", "1997-07-02"),   # joined on the reference day: member that year
        ("X", "BBB", "1995-07-02", "1997-07-01"),   # joined a day later: from 1996; left on the day: not in 1997
        ("X", "CCC", "1991-12-21", ""),             # open-ended spell: member every later year
    ])
    m = B.membership_by_year(blocs, range(1994, 1999))
    got = m.groupby("year")["iso3"].apply(list).to_dict()
    assert got == {1994: ["CCC"], 1995: ["AAA", "CCC"], 1996: ["AAA", "BBB", "CCC"],
                   1997: ["AAA", "CCC"], 1998: ["CCC"]}
    assert list(m.columns) == ["bloc", "iso3", "year"]


def test_membership_with_year_only_dates_counts_joining_not_leaving_year():
    blocs = _blocs([("OLD", "AAA", "1994", "2002"), ("NEW", "AAA", "2002", "2006")])
    m = B.membership_by_year(blocs, range(1993, 2008))
    assert sorted(m.loc[m["bloc"] == "OLD", "year"]) == list(range(1994, 2002))
    assert sorted(m.loc[m["bloc"] == "NEW", "year"]) == list(range(2002, 2006))
    # a successor bloc in the same year: never counted twice
    assert m.groupby("year").size().max() == 1


def test_members_and_empty_years():
    blocs = _blocs([("X", "BBB", "2000", ""), ("X", "AAA", "2000-01-01", ""), ("Y", "AAA", "2010", "")])
    m = B.membership_by_year(blocs, [1999, 2000])
    assert B.members(m, "X", 2000) == ["AAA", "BBB"]
    assert B.members(m, "X", 1999) == []
    assert B.members(m, "Y", 2000) == []


def test_missing_joined_date_fails():
    with pytest.raises(ValueError, match="needs a joined date"):
        B.membership_by_year(_blocs([("X", "AAA", "", "")]), [2000])


def test_real_bloc_file_ids_and_known_memberships():
    blocs = B.load_blocs()
    assert set(blocs["bloc"]) == set(BLOC_IDS)
    m = B.membership_by_year(blocs, [1992, 2001, 2002, 2015, 2016])
    assert B.members(m, "CAEC", 2001) == ["KAZ", "KGZ", "TJK", "UZB"]
    assert B.members(m, "CAEC", 2002) == [] and B.members(m, "CACO", 2002) == ["KAZ", "KGZ", "TJK", "UZB"]
    assert B.members(m, "EAEU", 2015) == ["ARM", "BLR", "KAZ", "RUS"]        # Kyrgyzstan joined 12 Aug 2015
    assert B.members(m, "EAEU", 2016) == ["ARM", "BLR", "KAZ", "KGZ", "RUS"]
    assert "GEO" not in B.members(m, "CIS", 1992)                           # joined Dec 1993 (year only)


def test_members_on_a_day_reads_bare_years_as_1_july():
    blocs = _blocs([("CIS", "AAA", "1991-12-21", ""), ("CIS", "BBB", "1993", "2009-08-18"), ("X", "AAA", "1990", "")])
    assert B.members_on(blocs, "CIS", datetime.date(1993, 1, 1)) == ["AAA"]          # BBB joined "1993" = 1 July
    assert B.members_on(blocs, "CIS", datetime.date(1993, 7, 1)) == ["AAA", "BBB"]
    assert B.members_on(blocs, "CIS", datetime.date(2009, 8, 18)) == ["AAA"]         # left on the day
    assert B.members_on(B.parse_blocs(blocs), "X", datetime.date(2000, 1, 1)) == ["AAA"]  # parsed input accepted


def test_membership_by_year_on_another_reference_day():
    blocs = _blocs([("X", "AAA", "1995-03-01", "1997-03-01"), ("X", "BBB", "1995", "")])
    on_1_january = B.membership_by_year(blocs, range(1995, 1999), day=(1, 1))
    assert on_1_january.groupby("year")["iso3"].apply(list).to_dict() == {1996: ["AAA", "BBB"], 1997: ["AAA", "BBB"],
                                                                           1998: ["BBB"]}


def test_real_file_georgia_counts_in_the_cis_from_1994_on_1_january():
    blocs = B.load_blocs()
    assert "GEO" not in B.members_on(blocs, "CIS", datetime.date(1993, 1, 1))        # joined Dec 1993 (year only)
    assert "GEO" in B.members_on(blocs, "CIS", datetime.date(1994, 1, 1))
    assert "GEO" not in B.members_on(blocs, "CIS", datetime.date(2010, 1, 1))        # left 18 Aug 2009
    assert bool(blocs.set_index(["bloc", "iso3"]).loc[("CIS", "GEO"), "year_only"])


def test_real_file_bloc_facts_of_issue_10():
    blocs = B.load_blocs()
    # Azerbaijan: its parliament refused ratification in Oct 1992; a member from its accession of 24 Sep 1993
    assert "AZE" not in B.members_on(blocs, "CIS", datetime.date(1993, 1, 1))
    assert "AZE" in B.members_on(blocs, "CIS", datetime.date(1993, 9, 24))
    # the 2003 Yalta agreement on a Single Economic Space: four signatories, in force 20 May 2004
    assert B.bloc_dates(blocs, "SES2003") == (pd.Timestamp(2003, 9, 19), pd.Timestamp(2004, 5, 20))
    assert B.members_on(blocs, "SES2003", datetime.date(2005, 1, 1)) == ["BLR", "KAZ", "RUS", "UKR"]
    # the 2011 CIS free-trade-area treaty: signed 18 Oct 2011, in force 20 Sep 2012 for the first three
    assert B.bloc_dates(blocs, "CISFTA") == (pd.Timestamp(2011, 10, 18), pd.Timestamp(2012, 9, 20))
    assert B.members_on(blocs, "CISFTA", datetime.date(2012, 10, 1)) == ["BLR", "RUS", "UKR"]
    m = B.membership_by_year(blocs, [2013, 2016])
    assert B.members(m, "CISFTA", 2013) == ["ARM", "BLR", "KAZ", "MDA", "RUS", "UKR"]
    assert B.members(m, "CISFTA", 2016) == ["ARM", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "UKR", "UZB"]
    new_rows = blocs[blocs["bloc"].isin(["SES2003", "SES2012", "CISFTA"]) | (blocs["iso3"] == "AZE")]
    assert (new_rows["source"].str.len() > 20).all() and (new_rows["note"].str.len() > 20).all()


def test_bloc_dates_and_eu_milestones():
    rows = pd.DataFrame({"bloc": ["X", "X"], "iso3": ["AAA", "BBB"], "joined": ["2001-05-30", "2000"], "left": ["", ""],
                         "signed": ["", "1999-01-02"]})
    assert B.bloc_dates(rows, "X") == (pd.Timestamp(1999, 1, 2), pd.Timestamp(2000, 7, 1))
    assert B.bloc_dates(rows.drop(columns="signed"), "X")[0] is None
    with pytest.raises(ValueError, match="not in the bloc table"):
        B.bloc_dates(rows, "Y")
    eu = B.load_eu_milestones()
    assert set(eu["kind"]) == {"agreement", "working"} and eu.groupby("step").size().eq(2).all()
    assert (eu["source"].str.len() > 20).all()
