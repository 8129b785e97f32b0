"""Exports outside the CIS (claim C6 on the essay's concept): the arithmetic on small dyads, the dating of the
essay's figures, and on the real flows the year they fit and the growth statement on it."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.analysis import cis_exports as ce
from transition.data.vocabulary import CIS12, ESSAY_YEAR

from conftest import requires_mirror

MEMBERS = ["RUS", "UKR", "KAZ"]


def _dyads(rows):
    """rows: (iso3, partner, year, exports[, hole])."""
    full = [(*r, False) if len(r) == 4 else r for r in rows]
    return pd.DataFrame(full, columns=["iso3", "partner_iso3", "year", "exports", "hole"]).assign(imports=1.0)


def test_outside_is_the_total_minus_exports_to_members():
    dyads = _dyads([("RUS", "UKR", 2000, 10.0), ("RUS", "DEU", 2000, 50.0), ("UKR", "RUS", 2000, 5.0),
                    ("KAZ", "RUS", 2000, np.nan, True), ("KAZ", "CHN", 2000, 3.0)])
    totals = pd.DataFrame({"iso3": MEMBERS, "year": 2000, "exports": [100.0, 20.0, 8.0]})
    out = ce.non_cis_exports(dyads, MEMBERS, totals).set_index("iso3")
    assert out.loc["RUS", "outside"] == 90.0      # the world total (100) less UKR (10): unallocated trade counts outside
    assert out.loc["UKR", "outside"] == 15.0
    assert np.isnan(out.loc["KAZ", "outside"]) and not out.loc["KAZ", "complete"]   # a hole to a member: unknown
    cow_like = ce.non_cis_exports(dyads.assign(hole=False), MEMBERS).set_index("iso3")
    assert cow_like.loc["RUS", "outside"] == 50.0  # without totals: the partners outside, summed


def test_customs_union_years_are_flagged():
    dyads = _dyads([("KAZ", "CHN", 2010, 3.0), ("UKR", "DEU", 2010, 3.0)])
    out = ce.non_cis_exports(dyads, MEMBERS).set_index("iso3")
    assert out.loc["KAZ", "break"] and not out.loc["UKR", "break"]


def _outside(values: dict[int, tuple]) -> pd.DataFrame:
    rows = [{"iso3": iso3, "year": year, "outside": value, "break": False, "complete": True}
            for year, row in values.items() for iso3, value in zip(["RUS", "UKR", "KAZ", "ARM"], row)]
    return pd.DataFrame(rows)


def test_shares_dating_and_the_others_at_the_essays_precision():
    outside = _outside({1998: (770.0, 110.0, 45.0, 2.6), 1999: (770.0, 104.0, 51.0, 75.0),
                        2000: (700.0, 200.0, 90.0, 10.0)})
    shares = ce.non_cis_shares(outside, ["RUS", "UKR", "KAZ", "ARM"])
    assert shares.groupby("year")["share_pct"].sum().round(9).eq(100).all()
    ranked = ce.date_essay_figures(shares, ESSAY_YEAR)
    assert ranked["year"].tolist()[0] == 1999
    # 1998: Armenia's 0.28% rounds to 0.3, inside the essay's 0.3-3%
    inside, others, largest, share = ce.others_in_range(shares, 1998)
    assert (inside, others, largest) == (1, 1, "ARM") and share == pytest.approx(100 * 2.6 / 927.6)
    assert ce.others_in_range(shares, 2000)[0] == 1 and ce.others_in_range(shares, 1999)[0] == 0  # 7.5% is out


def test_an_incomplete_year_is_not_dated():
    outside = _outside({1999: (770.0, 104.0, 51.0, np.nan), 2000: (700.0, 200.0, 90.0, 10.0)})
    shares = ce.non_cis_shares(outside, ["RUS", "UKR", "KAZ", "ARM"])
    assert ce.date_essay_figures(shares, ESSAY_YEAR)["year"].tolist() == [2000]


def test_yearly_growth_and_its_summary():
    outside = _outside({1998: (10.0, 10.0, 10.0, 10.0), 1999: (11.0, 9.0, 10.0, np.nan)})
    growth = ce.yearly_growth(outside, ["RUS", "UKR", "KAZ", "ARM"], 1999).set_index("iso3")
    assert growth.loc["RUS", "grew"] and not growth.loc["UKR", "grew"] and not growth.loc["KAZ", "grew"]  # flat is not growth
    assert growth.loc["ARM", "grew"] is None
    summary = ce.growth_summary(growth.reset_index())
    assert summary == {"known": 3, "grew": 1, "not_grown": ["KAZ", "UKR"], "exceptions_not_grown": 1}  # UKR is an exception



def test_the_essays_year_the_latest_complete_year_and_growth_of_another_column():
    outside = _outside({1999: (770.0, 104.0, 51.0, 3.0), 2000: (700.0, 200.0, 90.0, 10.0), 2001: (800.0, 1.0, 1.0, np.nan)})
    shares = ce.non_cis_shares(outside, ["RUS", "UKR", "KAZ", "ARM"])
    assert ce.essay_figures_year(shares, ESSAY_YEAR) == 1999 and ce.essay_figures_year(shares, 1998) is None
    assert ce.latest_complete_year(shares) == 2000   # 2001 lacks Armenia
    renamed = outside.rename(columns={"outside": "value"})
    assert ce.yearly_growth(renamed, MEMBERS, 2000, "value")["grew"].tolist() == [False, True, True]


def test_outside_tables_on_both_records():
    dyads = _dyads([("RUS", "UKR", 2000, 10.0), ("RUS", "DEU", 2000, 50.0), ("UKR", "DEU", 2000, 5.0),
                    ("KAZ", "CHN", 2000, 3.0)])
    totals = pd.DataFrame({"iso3": MEMBERS, "year": 2000, "exports": [100.0, 20.0, 8.0]})
    tables = ce.outside_tables(dyads, totals, dyads, MEMBERS)
    assert tables["outside"].set_index("iso3")["outside"].to_dict() == {"KAZ": 8.0, "RUS": 90.0, "UKR": 20.0}
    assert tables["cow_outside"].set_index("iso3")["outside"].to_dict() == {"KAZ": 3.0, "RUS": 50.0, "UKR": 5.0}
    assert tables["cow_shares"]["share_pct"].sum() == pytest.approx(100.0)

@requires_mirror
def test_the_real_flows_date_the_essays_figures_to_1999_where_its_growth_statement_holds():
    from transition.chapters import trade_structure

    tables = trade_structure.non_cis_tables(list(CIS12))
    ranked = ce.date_essay_figures(tables["shares"], ESSAY_YEAR)
    assert int(ranked["year"].iloc[0]) == 1999 and ranked["distance_pp"].iloc[0] < 2
    growth = ce.growth_summary(ce.yearly_growth(tables["outside"], list(CIS12), 1999))
    assert growth["exceptions_not_grown"] == 3 and growth["grew"] == 8 and growth["not_grown"] == ["KGZ", "TJK", "UKR", "UZB"]
    cow = tables["cow_shares"].query("year == 2002").set_index("iso3")["share_pct"]
    assert cow["RUS"] == pytest.approx(78.3, abs=0.1) and cow["UKR"] == pytest.approx(10.6, abs=0.1)  # issue 19: ~78/11/5
