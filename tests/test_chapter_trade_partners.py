"""Chapter 08 (trade partners): headline rows, figures, and findings in both languages with the ledger's rules."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import numpy as np
import pandas as pd
import pytest

from transition.analysis import partners
from transition.chapters import trade_partners as C
from transition.claims import ledger
from transition.claims.ledger import Headlines

YEARS = [1993, 1994, 2002, 2003, 2004, 2005, 2006, 2010, 2020]
#: year → (Russia, China) totals on Kazakhstan's record and on the partners' record (each flow half of it)
KAZ = {1993: ((np.nan, 5.0), (np.nan, 5.0)), 1994: ((60.0, 5.0), (60.0, 6.0)), 2002: ((40.0, 10.0), (42.0, 11.0)),
       2003: ((30.0, 20.0), (30.0, 21.0)), 2004: ((30.0, 29.5), (30.0, 35.0)), 2005: ((30.0, 20.0), (29.0, 33.0)),
       2006: ((30.0, 20.0), (30.0, 40.0)), 2010: ((10.0, 30.0), (10.0, 30.0)), 2020: ((30.0, 20.0), (28.0, 36.0))}


def _dyad(iso3, partner, year, total, kind="country", hole=False):
    half = total / 2
    return {"iso3": iso3, "partner_iso3": partner, "year": year, "imports": half, "exports": half,
            "recorded_zero": False, "break": year == 2010 and iso3 == "KAZ" and partner == "RUS", "hole": hole,
            "estimate": False, "partner_kind": kind, "filled": False}


def _records():
    reporter, mirror = [], []
    for year, ((rus, chn), (rus_m, chn_m)) in KAZ.items():
        reporter += [_dyad("KAZ", "RUS", year, rus, hole=year == 1993), _dyad("KAZ", "CHN", year, chn),
                     _dyad("KAZ", "DEU", year, 10.0)]
        mirror += [_dyad("KAZ", "RUS", year, rus_m), _dyad("KAZ", "CHN", year, chn_m), _dyad("KAZ", "EUU", year, 9.0, "aggregate")]
        reporter += [_dyad("UKR", "RUS", year, 30.0 - (year - 1993) / 2), _dyad("UKR", "DEU", year, 10.0 + year - 1993),
                     _dyad("EST", "FIN", year, 20.0), _dyad("EST", "RUS", year, 10.0)]
    totals = pd.DataFrame([{"iso3": iso3, "year": year, "exports": 50.0, "imports": 50.0, "total": 100.0}
                           for iso3 in ("KAZ", "UKR", "EST") for year in YEARS])
    return {"reporter": pd.DataFrame(reporter), "mirror": pd.DataFrame(mirror), "totals": totals}


@pytest.fixture(scope="module")
def built():
    records = _records()
    reporter = records["reporter"]
    table = partners.partner_table(reporter, totals=records["totals"])
    flags = partners.reporter_year_flags(reporter)
    eu = pd.DataFrame({"iso3": ["DEU", "FIN"] * len(YEARS), "year": sorted(YEARS * 2)})
    shares = partners.bloc_shares(table, flags, eu)
    fall = partners.fsu_fall(shares, last_year=2020)
    tables = C.record_tables(records, table)
    rankings = C.kazakhstan_rankings(tables, flags)
    tariffs = pd.DataFrame({"year": [2004, 2008, 2010, 2012, 2013, 2014, 2015, 2022],
                            "wdi_tariff_applied_wm": [1.9, 2.2, 4.4, 3.7, 3.8, 3.5, 4.9, 2.9],
                            "wdi_tariff_mfn_wm": [1.9, 4.75, 7.2, 7.9, 7.3, 6.6, 5.6, 5.7]})
    rows = C.share_headlines(shares, fall, 2020) + C.kazakhstan_headlines(rankings, tables, shares, tariffs, records)
    return dict(table=table, flags=flags, shares=shares, rankings=rankings, tariffs=tariffs, records=records,
                headlines={r["key"]: {"value": r["value"], "unit": r["unit"], "description": r["description"]} for r in rows})


def test_headlines_feed_every_number_the_ledger_reads(built):
    h = Headlines({"08_trade_partners": built["headlines"]})
    for rule in (ledger.judge_c4, ledger.judge_c7):
        for as_of in ("essay", "latest"):
            rule(h, as_of)
    assert h.missing == []


def test_kazakhstan_counts_on_both_records(built):
    h = {k: v["value"] for k, v in built["headlines"].items()}
    # to 2002: 1993 has a hole (incomplete), so 1994 and 2002 are judged; Russia far ahead on both records
    assert h["kaz_first_year_judged_to_2002"] == 1994 and h["kaz_years_judged_reporter_to_2002"] == 2
    assert h["kaz_years_first_reporter_to_2002"] == 2 and h["kaz_years_first_mirror_to_2002"] == 2
    # after 2002: 2010 is a break; 2003-06 and 2020 judged. Kazakhstan's record: 2004 (+0.5) a tie, the rest Russia
    assert h["kaz_years_judged_reporter_after_2002"] == 5
    assert (h["kaz_years_first_reporter_after_2002"], h["kaz_years_tied_reporter_after_2002"]) == (4, 1)
    # partners' record: 2003 first, 2004 -5 behind, 2005 -4 behind, 2006 -10 behind, 2020 -8 behind
    assert (h["kaz_years_first_mirror_after_2002"], h["kaz_years_behind_mirror_after_2002"]) == (1, 4)
    assert h["kaz_russia_share_reporter_2002_pct"] == pytest.approx(40.0) and h["kaz_other_partner_mirror_latest"] == "CHN"
    assert h["kaz_tariff_mfn_before"] == pytest.approx(4.75)            # 2007-09: only 2008 has data
    assert h["kaz_tariff_mfn_after"] == pytest.approx((7.9 + 7.3 + 6.6) / 3)
    assert np.isnan(h["kaz_russia_import_share_before_pct"])            # no flows in 2007-09 here


def test_findings_agree_with_the_ledger_in_both_languages(built):
    h = Headlines({"08_trade_partners": built["headlines"]})
    assert ledger.judge_c7(h, "essay").verdict == ledger.PARTLY         # partner part holds, tariff part cannot be told
    assert ledger.judge_c7(h, "latest").verdict == ledger.INCONCLUSIVE  # the records disagree after 2002
    english, russian = C.findings_text(built["headlines"], "en"), C.findings_text(built["headlines"], "ru")
    assert "through 2002: holds; after 2002: cannot be told" in english
    assert "C7 is supported in part as of the essay and inconclusive with the latest data" in english
    assert "по 2002 г.: выполняется; после 2002 г.: не определяется" in russian
    assert "«подтверждается частично» на время эссе" in russian
    assert "not testable as specified" in english and "не проверяется" in russian


def test_tie_band_sensitivity_uses_the_ledgers_rule(built):
    bands = C.tie_band_sensitivity(built["rankings"], bands=(0.0, 2.0, 12.0))
    latest = bands[bands["window"] == "after_2002"].set_index("tie_pp")
    assert latest.loc[2.0, "partner_part"] == "cannot be told" and latest.loc[2.0, "ledger_band"]
    assert latest.loc[2.0, "verdict"] == ledger.INCONCLUSIVE
    assert latest.loc[12.0, "partner_part"] == "cannot be told" and latest.loc[12.0, "tied_mirror"] == 5  # all ties
    essay = bands[bands["window"] == "to_2002"].set_index("tie_pp")
    assert (essay["partner_part"] == "holds").all() and (essay["verdict"] == ledger.PARTLY).all()
    assert latest.loc[0.0, "tied_reporter"] == 0


def test_figures(built):
    fig = C.plot_intra_fsu(built["shares"], 1993, 2020)
    assert [ax.get_title() for ax in fig.axes] == ["CIS", "Baltic"]
    fig = C.plot_kazakhstan_partners(built["shares"], built["table"], built["flags"], 1993, 2020, top=2)
    labels = fig.axes[1].get_legend_handles_labels()[1]
    assert labels[:2] == ["RUS", "CHN"]
    assert 1993 not in set(fig.axes[1].lines[0].get_xdata())  # the incomplete year is left out
    fig = C.plot_russia_lead(built["rankings"], 1993, 2020)
    assert "tie band (±2 points)" in fig.axes[0].get_legend_handles_labels()[1]
    share = partners.flow_share(built["records"]["reporter"], built["records"]["totals"], "KAZ", "RUS")
    fig = C.plot_tariffs(built["tariffs"], share)
    assert "no data before 2004" in fig.axes[0].get_title() and len(fig.axes) == 2
    right = fig.axes[1].lines[0]
    assert np.isnan(right.get_ydata()[list(right.get_xdata()).index(2010)])  # the break year is not drawn
