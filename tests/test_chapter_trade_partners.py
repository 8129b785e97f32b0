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


def _dyads():
    rows = []
    for year, russia, china in [(1993, np.nan, 5.0), (1994, 60.0, 5.0), (2002, 40.0, 10.0), (2010, 10.0, 30.0),
                                (2012, 30.0, 20.0), (2013, 20.0, 30.0), (2014, 20.0, 30.0)]:
        rows += [("KAZ", "RUS", year, russia, russia, year == 1993, year == 2010),
                 ("KAZ", "CHN", year, china, china, False, False), ("KAZ", "DEU", year, 10.0, 10.0, False, False),
                 ("UKR", "RUS", year, 30.0, 30.0, False, False), ("UKR", "DEU", year, 10.0 + year - 1993, 10.0, False, False),
                 ("EST", "FIN", year, 20.0, 20.0, False, False), ("EST", "RUS", year, 10.0, 10.0, False, False)]
    return pd.DataFrame(rows, columns=["iso3", "partner_iso3", "year", "imports", "exports", "recorded_zero", "break"])


@pytest.fixture(scope="module")
def built():
    dyads = _dyads()
    table, flags = partners.partner_table(dyads), partners.reporter_year_flags(dyads)
    eu = pd.DataFrame({"iso3": ["DEU", "FIN"] * 7, "year": sorted([1993, 1994, 2002, 2010, 2012, 2013, 2014] * 2)})
    shares = partners.bloc_shares(table, flags, eu)
    fall = partners.fsu_fall(shares, last_year=2014)
    ranking = partners.partner_ranking(table, flags)
    tariffs = pd.DataFrame({"year": [2004, 2010, 2015, 2022], "wdi_tariff_applied_wm": [1.9, 4.4, 4.9, 2.9],
                            "wdi_tariff_mfn_wm": [1.9, 7.2, 5.6, 5.7]})
    rows = C.share_headlines(shares, fall, 2014) + C.kazakhstan_headlines(ranking, shares, tariffs)
    return dict(table=table, flags=flags, shares=shares, ranking=ranking, tariffs=tariffs,
                headlines={r["key"]: {"value": r["value"], "unit": r["unit"], "description": r["description"]} for r in rows})


def test_headlines_feed_every_number_the_ledger_reads(built):
    h = Headlines({"08_trade_partners": built["headlines"]})
    for rule in (ledger.judge_c4, ledger.judge_c7):
        for as_of in ("essay", "latest"):
            rule(h, as_of)
    assert h.missing == []


def test_kazakhstan_headlines(built):
    h = {k: v["value"] for k, v in built["headlines"].items()}
    assert h["kaz_russia_rank_2002"] == 1 and h["kaz_russia_share_2002_pct"] == pytest.approx(80 / 120 * 100)
    assert h["kaz_years_russia_first_to_2002"] == 2 and h["kaz_years_judged_to_2002"] == 2  # 1993 flagged
    assert h["kaz_years_judged_recent"] == 3 and h["kaz_first_year_judged_recent"] == 2012  # 2010 flagged
    assert h["kaz_years_russia_first_recent"] == 1
    assert h["kaz_tariff_applied_2015"] == 4.9 and h["kaz_tariff_latest_year"] == 2022


def test_findings_agree_with_the_ledger_in_both_languages(built):
    english, russian = C.findings_text(built["headlines"], "en"), C.findings_text(built["headlines"], "ru")
    assert "recently no" in english and "not lowered" in english
    assert "в последние годы нет" in russian and "не снижены" in russian
    h = Headlines({"08_trade_partners": built["headlines"]})
    assert ledger.judge_c7(h, "latest").verdict == ledger.CONTRADICTED


def test_figures(built):
    fig = C.plot_intra_fsu(built["shares"], 1993, 2014)
    assert [ax.get_title() for ax in fig.axes] == ["CIS", "Baltic"]
    fig = C.plot_kazakhstan_partners(built["shares"], built["table"], built["flags"], 1993, 2014, top=2)
    labels = fig.axes[1].get_legend_handles_labels()[1]
    assert labels[:2] == ["RUS", "CHN"]
    assert 1993 not in set(fig.axes[1].lines[0].get_xdata())  # the incomplete year is left out
    fig = C.plot_tariffs(built["tariffs"])
    assert "no data before 2004" in fig.axes[0].get_title()
