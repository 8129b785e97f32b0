"""Chapter 06 (trade structure): the parameter spec, headline rows, findings text and figures."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import numpy as np
import pandas as pd
import pytest

from transition.chapters import trade_structure as C
from transition.claims import ledger
from transition.claims.ledger import Headlines
from transition.chapters.trade_structure import SPEC as TRADE_STRUCTURE
from transition.data.vocabulary import CIS12


def _tidy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


# --- parameters ---------------------------------------------------------------------------------

DEFAULTS = {"groups": ["CIS", "CEE & Baltics", "SEE"], "splice_prefer": "newer", "min_countries": 3, "early_year": 2000,
                "eci_variable": "eci_hs92", "cis_members": list(CIS12), "membership": "fixed",
                "periods": ["2000-2003", "2008-2011", "2016-2019"], "growth_start": 1993, "growth_end": 2002, "output_dir": None}


def test_default_parameters_pass():
    TRADE_STRUCTURE.check(**DEFAULTS)


@pytest.mark.parametrize("change, fragment", [
    ({"groups": ["CIS", "Africa"]}, "unknown 'Africa'"),
    ({"groups": ["CIS", "SEE"]}, "must include 'CIS' and 'CEE & Baltics'"),
    ({"cis_members": ["RUS", "UKR", "XXX"]}, "unknown 'XXX'"),
    ({"cis_members": ["RUS", "UKR", "BLR"]}, "must include RUS, UKR, KAZ"),
    ({"periods": ["2000-2003", "1985-1990"]}, "'1985-1990' is outside the data"),
    ({"periods": ["2003-2000"]}, "outside the data or reversed"),
    ({"periods": ["2000/2003"]}, "not a period"),
    ({"periods": "2000-2003"}, "must be a non-empty list of periods"),
    ({"early_year": 2030}, "must be an integer from 1995 to 2012"),
    ({"min_countries": 0}, "must be an integer from 1 to 12"),
    ({"min_countries": 2.5}, "must be an integer"),
    ({"splice_prefer": "latest"}, "must be one of 'newer', 'older'"),
    ({"membership": "sometimes"}, "must be one of 'fixed', 'dated'"),
    ({"growth_start": 2002, "growth_end": 1995}, "growth_start = 2002 must be before growth_end = 1995"),
    ({"eci_variable": "eci_hs12"}, "must be one of 'eci_hs92', 'eci_sitc'"),
])
def test_bad_parameters_fail_with_clear_messages(change, fragment):
    with pytest.raises(ValueError, match="06_trade_structure") as caught:
        TRADE_STRUCTURE.check(**{**DEFAULTS, **change})
    assert fragment in str(caught.value)


def test_periods_rule_parses_command_line_text():
    assert TRADE_STRUCTURE.rules["periods"].parse("2000-2003, 2016-2019") == ["2000-2003", "2016-2019"]


# --- headlines and findings ---------------------------------------------------------------------

def test_headlines_and_findings_render_from_computed_values():
    snap_rows = []
    for series, cis, cee in [("exports_manufactures", 30.0, 80.0), ("exports_fuel_ores", 40.0, 8.0),
                             ("imports_manufactures", 55.0, 75.0), ("imports_processed", 77.0, 84.0),
                             ("eci_hs92", 0.2, 1.0), ("exports_pct_gdp", 40.0, 50.0),
                             ("hightech_pct_manuf_exports", 5.0, 15.0), ("industry_pct_gdp", 30.0, 27.0)]:
        for when, year in (("early", 2000), ("latest", 2012)):
            for group, value in (("CIS", cis), ("CEE & Baltics", cee)):
                snap_rows.append({"series": series, "when": when, "year": year, "group": group, "n_countries": 5,
                                  "median": value, "q25": value, "q75": value, "weighted": value + 1})
    snap = pd.DataFrame(snap_rows)
    shares = pd.DataFrame({"iso3": ["RUS", "UKR", "KAZ", "BLR", "ARM"], "period": "2000-2003",
                           "share_pct": [70.0, 12.0, 6.0, 10.0, 2.0], "share_pct_computed": [71.0, 11, 6, 10, 2],
                           "n_missing": 0})
    processed = pd.DataFrame({"iso3": ["AAA", "BBB"], "period": "2000-2003", "imports_manufactures": [60.0, 40.0],
                              "imports_food": [10.0, 5.0], "imports_processed": [70.0, 45.0],
                              "exports_manufactures": [20.0, 50.0], "n_years": 4})
    growth = pd.DataFrame({"iso3": ["KGZ", "RUS"], **{f"grew_{m}": [False, True] for m in
                                                      ("usd_direct", "usd_computed_weo", "volume")}})
    disagreements = {"exports_fuel": pd.DataFrame({"iso3": ["AAA", "all"], "n_overlap": [2, 2], "mean_abs_diff": [1.0, 1.0],
                                                   "max_abs_diff": [3.0, 3.0], "year_of_max": [2001, 2001]}),
                     "exports_ores_metals": pd.DataFrame({"iso3": ["AAA", "all"], "n_overlap": [2, 2],
                                                          "mean_abs_diff": [0.5, 0.5], "max_abs_diff": [1.0, 1.0],
                                                          "year_of_max": [2002, 2002]})}
    rows = C.headline_rows(snap, shares, processed, growth, disagreements, ["2000-2003"], "eci_hs92", (1993, 2002))
    h = {row["key"]: row["value"] for row in rows}
    assert len(h) == len(rows)  # keys unique
    assert h["rus_share_essay_period"] == 70.0 and h["rus_share_essay_period_computed"] == 71.0
    assert h["other_cis_in_essay_range_essay_period"] == 1 and h["other_cis_largest_essay_period"] == "BLR"
    assert h["cis_median_manufactures_export_share_early"] == 30.0
    assert h["cis_weighted_fuel_ores_export_share_early"] == 41.0
    assert h["cis_count_processed_imports_majority"] == 1
    assert h["cis_count_manuf_import_share_above_export_share"] == 1
    assert h["cis_count_exports_grew_volume"] == 1 and h["cis_exports_not_grown_volume"] == "KGZ"
    assert h["essay_exceptions_not_grown_volume"] == 1
    assert h["vintage_max_abs_diff_fuel"] == 3.0 and h["eci_latest_year"] == 2012
    text = C.findings_text(rows, 2000, ["2000-2003"], (1993, 2002))
    assert text.startswith("## Findings") and "70.0%" in text and "consistent with the first half of C5" in text
    assert text.endswith(C.LIMITATIONS)


def _non_cis_tables():
    from transition.analysis import cis_exports

    members = ["RUS", "UKR", "KAZ", "ARM"]
    values = {1998: (76.0, 10.0, 5.0, 9.0), 1999: (77.0, 10.5, 5.5, 7.0), 2000: (80.0, 9.0, 6.0, 5.0),
              2001: (80.0, 12.0, 6.0, 2.0), 2002: (81.0, 12.0, 6.0, 1.0), 2020: (70.0, 10.0, 9.0, 11.0)}  # sum 100
    outside = pd.DataFrame([{"iso3": iso3, "year": year, "world": np.nan, "to_cis": 0.0, "outside": value,
                             "complete": True, "break": False}
                            for year, row in values.items() for iso3, value in zip(members, row)])
    shares = cis_exports.non_cis_shares(outside, members)
    return {"outside": outside, "shares": shares, "cow_shares": shares}, members


def test_non_cis_headlines_date_the_essay_and_feed_the_ledger():
    tables, members = _non_cis_tables()
    rows = C.non_cis_rows(tables, members)
    h = {row["key"]: row["value"] for row in rows}
    assert len(h) == len(rows)
    assert h["essay_figures_year"] == 1998 and h["essay_figures_second_year"] == 1999
    assert h["non_cis_latest_year"] == 2020 and h["essay_candidate_first_year"] == 1999  # 1998 has no year before
    assert h["cis_count_non_cis_growth_known_essay_year"] == 0       # 1998: the year before is not in the data
    assert h["cis_non_cis_not_grown_2002"] == "ARM, KAZ, UKR" and h["cis_count_non_cis_grew_2002"] == 1  # flat is no growth
    assert h["essay_figures_distance_pp"] == 0 and h["essay_figures_second_distance_pp"] == 2.0
    assert h["other_cis_in_essay_range_non_cis_2002"] == 1 and h["other_cis_in_essay_range_non_cis_essay_year"] == 0
    assert h["essay_growth_statement_years_holding"] == 0    # at most one of the essay's exceptions is here (UKR)
    judged = ledger.judge_c6(Headlines({"06_trade_structure": {k: {"value": v} for k, v in
                                                               {**h, **_variant_headlines()}.items()}}), "essay")
    assert "closest to 1998" in judged.evidence[0]
    text = "\n".join(C._c6_lines({**h, **_variant_headlines()}, ["2000-2003", "2016-2019"], (1993, 2002)))
    assert "The essay names no year" in text and "C6, variant: goods and services to all partners" in text


def _variant_headlines():
    keys = ["rus_share_essay_period", "ukr_share_essay_period", "kaz_share_essay_period", "rus_share_latest_period",
            "ukr_share_latest_period", "kaz_share_latest_period", "other_cis_largest_share_essay_period",
            "cis_count_exports_grew_volume", "cis_count_exports_growth_known_volume", "cis_count_exports_grew_usd_direct",
            "cis_count_exports_growth_known_usd_direct", "other_cis_in_essay_range_essay_period",
            "other_cis_count_essay_period", "essay_period_first_year", "essay_period_last_year"]
    return {**{key: 1.0 for key in keys}, "other_cis_largest_essay_period": "BLR", "cis_exports_not_grown_volume": "",
            "cis_exports_not_grown_usd_direct": ""}


# --- figures (smoke: they draw what they are given) ---------------------------------------------

def test_vintage_figure_has_one_panel_per_series_with_the_diagonal():
    tidy = _tidy([("RUS", 2000, "wdi2023_tx_val_fuel_zs_un", 52.0), ("RUS", 2000, "wdi2013_tx_val_fuel_zs_un", 50.0),
                  ("POL", 2000, "wdi2023_tx_val_fuel_zs_un", 5.0), ("POL", 2000, "wdi2013_tx_val_fuel_zs_un", 6.0)])
    fig = C.plot_vintages(tidy, ["exports_fuel"])
    assert len(fig.axes) == 1 and fig.axes[0].get_title() == C.VINTAGE_TITLES["exports_fuel"]
    assert len(fig.axes[0].collections) == 2 and len(fig.axes[0].get_lines()) == 1  # two groups, one diagonal


def test_structure_and_share_figures():
    rows = [{"series": s, "group": g, "year": y, "median": 1.0, "q25": 0.5, "q75": 1.5}
            for s in ("exports_pct_gdp", "exports_fuel_ores", "eci_hs92") for g in ("CIS", "CEE & Baltics") for y in (2000, 2001)]
    fig = C.plot_structure(pd.DataFrame(rows), ["CIS", "CEE & Baltics"], "eci_hs92")
    assert len(fig.axes) == 9 and fig.axes[8].get_title() == "Economic Complexity Index (eci_hs92)"
    assert len(fig.axes[3].get_lines()) == 3  # two groups and the end of the 2013 vintage
    shares = pd.DataFrame({"iso3": ["RUS", "ARM", "RUS", "ARM"], "period": ["2000-2003"] * 2 + ["2016-2019"] * 2,
                           "share_pct": [80.0, 1.0, 75.0, 2.0]})
    ax = C.plot_export_shares(shares, ["2000-2003", "2016-2019"]).axes[0]
    assert len(ax.patches) == 4 + 1 and [t.get_text() for t in ax.get_yticklabels()] == ["RUS", "ARM"]


def test_bad_parameters_fail_fast_with_every_problem():
    with pytest.raises(ValueError) as caught:
        TRADE_STRUCTURE.check(groups=["CIS", "Africa"], periods=["2000-2003", "1980-1985"], early_year=1850,
                   splice_prefer="latest", cis_members=["RUS", "XXX"], output_dir=3, lang="de")
    message = str(caught.value)
    assert message.startswith("7 parameter problems in 06_trade_structure")
    for fragment in ("unknown 'Africa'", "'1980-1985' is outside the data", "early_year = 1850",
                     "must be one of 'newer', 'older'", "unknown 'XXX'", "output_dir = 3",
                     "lang = 'de': must be one of 'en', 'ru'"):
        assert fragment in message
