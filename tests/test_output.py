"""Output measures (trough, recovery, loss) on constructed series with known answers."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from transition.analysis import output
from transition.analysis.output import (SUBSTANTIAL_LOSS_INDEX, TABLE_COLUMNS, annual_growth, association,
                                        country_measures, cumulative_loss, gap_associations, gap_frame, gap_samples,
                                        group_column, group_paths, group_results, group_summary, index_at, loss_count,
                                        loss_counts_by_source, loss_thresholds, measures_table, path_recovery_year,
                                        recovery, shallowest, skipped_summary, source_disagreement, splice_counts,
                                        substantial_loss_counts, trough, troughs_by_source, war_in_window,
                                        years_below_base)


def s(values: dict) -> pd.Series:
    return pd.Series(values, dtype=float)


# ---------------------------------------------------------------- trough

def test_trough_is_the_minimum_in_the_window_earliest_on_ties():
    index = s({1989: 100, 1990: 80, 1991: 70, 1992: 70, 1993: 90})
    assert trough(index, 1989) == (1991, 70.0)


def test_trough_ignores_dips_after_the_horizon_and_before_the_base_year():
    index = s({1985: 40, 1989: 100, 1990: 80, 1995: 90, 2009: 60})
    assert trough(index, 1989, horizon=15) == (1990, 80.0)
    assert trough(index, 1989, horizon=20) == (2009, 60.0)


def test_trough_skips_missing_years_and_handles_no_data():
    assert trough(s({1989: 100, 1991: 75, 1993: 80}), 1989) == (1991, 75.0)
    year, level = trough(s({1970: 50}), 1989)
    assert year is None and math.isnan(level)


def test_trough_when_data_start_after_the_base_year():
    assert trough(s({1992: 70, 1993: 60, 1994: 65}), 1989) == (1993, 60.0)


# ---------------------------------------------------------------- recovery

def test_recovery_first_year_back_at_100_counts_exactly_100():
    assert recovery(s({1989: 100, 1990: 60, 1991: 99.99, 1992: 100, 1993: 110}), 1990) == (1992, False)


def test_never_recovers():
    assert recovery(s({1989: 100, 1990: 60, 1991: 80, 1992: 95}), 1990) == (None, False)


def test_recovery_after_a_gap_is_flagged_uncertain():
    assert recovery(s({1989: 100, 1990: 60, 1991: 90, 1994: 105}), 1990) == (1994, True)


def test_no_fall_recovers_in_the_trough_year():
    assert recovery(s({1989: 100, 1990: 104}), 1989) == (1989, False)
    assert recovery(s({}), None) == (None, False)


# ---------------------------------------------------------------- years below base, loss

def test_years_below_base_counts_the_spell_around_the_trough():
    index = s({1989: 100, 1990: 98, 1991: 101, 1992: 90, 1993: 85, 1994: 92, 1995: 100})
    assert years_below_base(index, 1993, 1995) == 3  # 1992-94; the 1990 dip is another spell


def test_years_below_base_when_never_recovered_runs_to_the_latest_year():
    index = s({1989: 100, 1990: 70, 1991: 60, 2000: 80})
    assert years_below_base(index, 1991, None) == 11  # 1990-2000, missing years inside count


def test_years_below_base_zero_without_a_fall_and_none_without_a_trough():
    assert years_below_base(s({1989: 100, 1990: 105}), 1989, 1989) == 0
    assert years_below_base(s({1989: 100}), None, None) is None


def test_cumulative_loss_interpolates_gaps_and_respects_the_window():
    assert cumulative_loss(s({1989: 100, 1990: 80, 1991: 90}), 1989) == 30.0
    assert cumulative_loss(s({1989: 100, 1990: 80, 1992: 90}), 1989) == 45.0  # 1991 = 85
    assert cumulative_loss(s({1989: 100, 1990: 80, 1991: 90}), 1989, horizon=1) == 20.0
    assert cumulative_loss(s({1989: 100, 1990: 120}), 1989) == 0.0


def test_cumulative_loss_does_not_count_years_before_the_data_start():
    assert cumulative_loss(s({1992: 70, 1993: 80}), 1989) == 50.0
    assert math.isnan(cumulative_loss(s({}), 1989))


# ---------------------------------------------------------------- one country, all measures

def test_country_measures_known_answers():
    index = s({1985: 90, 1989: 100, 1990: 80, 1991: 60, 1992: 70, 1993: 90, 1994: 105, 1995: 110, 1999: 120})
    m = country_measures(index, 1989, horizon=15)
    assert (m["trough_year"], m["trough_index"], m["years_to_trough"]) == (1991, 60.0, 2)
    assert (m["recovery_year"], m["recovered"], m["recovery_uncertain"]) == (1994, True, False)
    assert m["years_below_base"] == 4 and m["cumulative_loss"] == 100.0
    assert m["index_1995"] == 110.0 and m["index_1999"] == 120.0 and math.isnan(m["index_2007"])
    assert (m["index_latest"], m["latest_year"], m["first_year"]) == (120.0, 1999, 1989)
    assert m["n_missing"] == 3  # 1996-98 inside the window 1989-1999 (data end 1999)


def test_country_measures_never_recovers():
    index = s({year: 100 - 5 * (year - 1989) for year in range(1989, 2000)})
    m = country_measures(index, 1989, horizon=5)
    assert (m["trough_year"], m["trough_index"]) == (1994, 75.0)
    assert m["recovery_year"] is None and m["recovered"] is False
    assert m["years_below_base"] == 10 and m["index_latest"] == 50.0 and m["latest_year"] == 1999


def test_country_measures_data_start_after_the_base_year():
    m = country_measures(s({1992: 70, 1993: 60, 1994: 100}), 1989, horizon=10)
    assert (m["first_year"], m["trough_year"], m["years_to_trough"]) == (1992, 1993, 4)
    assert m["recovery_year"] == 1994 and m["n_missing"] == 3  # 1989-91 missing
    assert m["years_below_base"] == 2  # from the first year of data


def test_country_measures_missing_years():
    m = country_measures(s({1989: 100, 1990: 80, 1992: 60, 1995: 101}), 1989, horizon=6)
    assert (m["trough_year"], m["trough_index"], m["recovery_year"]) == (1992, 60.0, 1995)
    assert m["recovery_uncertain"] is True and m["n_missing"] == 3  # 1991, 1993, 1994 (window ends 1995)
    assert m["cumulative_loss"] == pytest.approx(20 + 30 + 40 + (100 - 60 - 41 / 3) + (100 - 60 - 82 / 3))  # gaps interpolated


# ---------------------------------------------------------------- tables

def _indexed(rows, source="wdi", base_year=1989, skipped=None):
    frame = pd.DataFrame(rows, columns=["iso3", "year", "index", "spliced"]).assign(source=source, base_year=base_year)
    frame.attrs["skipped"] = skipped or {}
    return frame


def test_measures_table_rows_for_every_country_with_status():
    rows = [("RUS", 1989, 100.0, True), ("RUS", 1990, 60.0, False), ("RUS", 1991, 110.0, False),
            ("POL", 1989, 100.0, False), ("POL", 1990, 90.0, False)]
    skipped = {"BIH": "BIH: x measures the present-day country only from 1994 (...). A base year of 1989 would "
                      "splice across a change of country definition; use ..."}
    table = measures_table(_indexed(rows, skipped=skipped), horizon=15, iso3=["RUS", "POL", "BIH", "MNG"])
    assert list(table.columns[:len(TABLE_COLUMNS)]) == TABLE_COLUMNS
    assert table["iso3"].tolist() == ["BIH", "MNG", "POL", "RUS"]
    assert table.set_index("iso3")["status"].to_dict() == {"BIH": "definition_break", "MNG": "no_data",
                                                           "POL": "ok", "RUS": "ok"}
    rus = table.set_index("iso3").loc["RUS"]
    assert (rus["trough_year"], rus["trough_index"], rus["recovery_year"], rus["n_spliced_years"]) == (1990, 60.0, 1991, 1)
    assert rus["group"] == "CIS" and rus["broad_group"] == "CIS" and rus["source"] == "wdi"
    assert pd.isna(table.set_index("iso3").loc["POL", "recovery_year"])
    assert pd.isna(table.set_index("iso3").loc["BIH", "trough_index"])


def test_annual_growth():
    frame = pd.DataFrame({"index_1999": [100.0, 50.0], "index_2002": [133.1, np.nan]})
    assert annual_growth(frame, 1999, 2002).round(6).tolist()[0] == pytest.approx(10.0)
    assert np.isnan(annual_growth(frame, 1999, 2002).iloc[1])


def test_group_paths_median_and_quartiles():
    indices = pd.DataFrame({"iso3": ["A", "B", "C", "D", "A"], "year": [1990] * 4 + [1991],
                            "index": [10.0, 20.0, 30.0, 40.0, 50.0]})
    paths = group_paths(indices, pd.Series({"A": "G", "B": "G", "C": "G", "D": "H"}))
    g1990 = paths[(paths["group"] == "G") & (paths["year"] == 1990)].iloc[0]
    assert (g1990["median"], g1990["q25"], g1990["q75"], g1990["n"]) == (20.0, 15.0, 25.0, 3)
    assert paths[(paths["group"] == "G") & (paths["year"] == 1991)]["n"].item() == 1


def test_path_recovery_year():
    paths = pd.DataFrame({"group": ["G"] * 4 + ["H"] * 3, "year": [1989, 1990, 1991, 1992, 1989, 1990, 1991],
                          "median": [100, 80, 99, 101, 100, 70, 90.0]})
    result = path_recovery_year(paths, 1989)
    assert result["G"] == 1992 and pd.isna(result["H"])


def _table():
    return pd.DataFrame({
        "iso3": ["A", "B", "C", "D", "E"], "source": "wdi",
        "broad_group": ["CIS", "CIS", "CIS", "CEE & Baltics", "CEE & Baltics"],
        "status": ["ok", "ok", "ok", "ok", "definition_break"],
        "trough_index": [40.0, 60.0, 85.0, 90.0, np.nan],
        "recovery_year": pd.array([2001, 2010, None, 1995, None], dtype="Int64"),
        "recovered": pd.array([True, True, False, True, None], dtype="boolean"),
    })


def test_group_summary_counts_and_medians():
    summary = group_summary(_table(), measures=("trough_index",)).set_index("group")
    assert summary.index.tolist() == ["CIS", "CEE & Baltics"]  # display order
    assert summary.loc["CIS", "n"] == 3 and summary.loc["CEE & Baltics", "n"] == 1  # E skipped
    assert summary.loc["CIS", "median_trough_index"] == 60.0
    assert summary.loc["CIS", "mean_trough_index"] == pytest.approx(185 / 3)
    assert summary.loc["CIS", "n_recovered_by_2002"] == 1 and summary.loc["CIS", "n_recovered_by_2007"] == 1
    assert summary.loc["CIS", "share_recovered_by_2002"] == pytest.approx(1 / 3)
    assert summary.loc["CIS", "n_recovered"] == 2


def test_substantial_loss_counts():
    counts = substantial_loss_counts(_table(), [80.0, 50.0]).set_index(["group", "threshold"])
    assert counts.loc[("CIS", 80.0), "n_below"] == 2 and counts.loc[("CIS", 50.0), "n_below"] == 1
    assert counts.loc[("CEE & Baltics", 80.0), "n_below"] == 0 and counts.loc[("CEE & Baltics", 80.0), "n"] == 1


def test_source_disagreement_spread_and_extremes():
    table = pd.DataFrame({
        "iso3": ["RUS", "RUS", "RUS", "POL", "POL", "MNG"], "status": "ok",
        "source": ["wdi", "maddison", "weo", "wdi", "maddison", "wdi"],
        "trough_index": [55.7, 67.2, 58.6, 84.0, 85.0, 77.7], "index_1999": [60.0, 70.0, 65.0, 120.0, 121.0, 95.0],
    })
    result = source_disagreement(table, measures=("trough_index", "index_1999"), threshold=10.0)
    rus = result[(result["iso3"] == "RUS") & (result["measure"] == "trough_index")].iloc[0]
    assert rus["spread"] == pytest.approx(11.5) and rus["disagree"]
    assert (rus["max_source"], rus["min_source"], rus["n_sources"]) == ("maddison", "wdi", 3)
    mng = result[(result["iso3"] == "MNG") & (result["measure"] == "trough_index")].iloc[0]
    assert pd.isna(mng["spread"]) and not mng["disagree"]  # one source: no spread
    assert result["measure"].tolist()[:3] == ["trough_index"] * 3 and result["iso3"].iloc[0] == "RUS"


def test_index_at():
    indices = pd.DataFrame({"iso3": ["RUS", "RUS", "RUS"], "year": [1998, 1998, 1999],
                            "index": [55.7, 67.2, 60.0], "source": ["wdi", "maddison", "pwt"]})
    result = index_at(indices, "RUS", 1998)
    assert result["wdi"] == 55.7 and result["maddison"] == 67.2 and np.isnan(result["pwt"])


def test_association_perfect_and_too_few():
    frame = pd.DataFrame({"x": [1, 2, 3, 4, 5.0], "y": [3, 5, 7, 9, 11.0], "c": [0, 1, 0, 1, 0.0]})
    result = association(frame, "x", "y")
    assert result["n"] == 5 and result["rho"] == pytest.approx(1.0) and result["slope"] == pytest.approx(2.0)
    assert association(frame, "x", "y", ["c"])["slope"] == pytest.approx(2.0)
    assert np.isnan(association(frame.head(3), "x", "y")["rho"])


def test_war_in_window_and_gap_frame():
    war = war_in_window(["RUS", "POL"], 1989, 1999)
    assert war["RUS"] and not war["POL"]
    rows = []
    for year, lib, inst in [(1990, 3.0, 1.0), (1992, 3.5, 3.0)]:
        rows += [("POL", year, "reform_liberalization", lib), ("POL", year, "reform_institutions", inst)]
    tidy = pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")
    table = pd.DataFrame({"iso3": ["POL", "RUS"], "status": ["ok", "ok"], "trough_index": [84.0, 55.0]})
    merged = gap_frame(table, tidy, 3.0).set_index("iso3")
    assert merged.loc["POL", "gap_years"] == 2 and pd.isna(merged.loc["RUS", "gap_years"])
    assert merged.loc["RUS", "former_ussr"] and not merged.loc["POL", "former_ussr"] and merged.loc["RUS", "war"]


def test_skipped_summary():
    skipped = pd.DataFrame({"source": ["wdi", "pwt", "wdi"], "iso3": ["BIH", "BIH", "RUS"],
                            "status": ["definition_break", "definition_break", "missing_data"],
                            "reason": ["BIH: v measures the present-day country only from 1994 (x)",
                                       "BIH: w measures the present-day country only from 1994 (y)",
                                       "data start in 1990, after the base year 1989, and no donor"]})
    result = skipped_summary(skipped)
    assert result.to_dict("records") == [
        {"iso3": "BIH", "sources": "wdi, pwt", "status": "definition_break",
         "reason": "measures the present-day country only from 1994"},
        {"iso3": "RUS", "sources": "wdi", "status": "missing_data", "reason": "data start in 1990"}]


def test_substantial_loss_index_is_a_fall_of_a_tenth():
    # Barro & Ursúa (2008): a fall of 10% or more is a macroeconomic disaster; the ledger's C2 rule uses it
    from transition.claims.ledger import C2_LOSS_INDEX

    assert SUBSTANTIAL_LOSS_INDEX == 90.0 and C2_LOSS_INDEX is SUBSTANTIAL_LOSS_INDEX


def test_loss_thresholds_add_the_chosen_one_without_repeats():
    assert loss_thresholds() == [90.0, 80.0, 70.0, 60.0, 50.0]
    assert loss_thresholds(75) == [90.0, 80.0, 75.0, 70.0, 60.0, 50.0]


def test_loss_counts_by_source_stacks_sources():
    table = pd.concat([_table(), _table().assign(source="pwt", trough_index=[95.0, 95.0, 95.0, 95.0, np.nan])])
    counts = loss_counts_by_source(table, ["wdi", "pwt"], 85.0)
    assert set(counts["source"]) == {"wdi", "pwt"} and 85.0 in set(counts["threshold"])
    assert loss_count(counts, "wdi", "CIS", 85.0) == 2 and loss_count(counts, "pwt", "CIS", 85.0) == 0
    assert loss_count(counts, "wdi", "CIS", 12.0) is None  # no such threshold


def test_shallowest_and_troughs_by_source():
    assert shallowest(_table(), "CIS")["iso3"] == "C" and shallowest(_table(), "SEE") is None
    wide = troughs_by_source(_table(), "CIS")
    assert wide.index.tolist() == ["A", "B", "C"] and wide.columns.tolist() == ["wdi"]
    assert troughs_by_source(_table()).index.tolist() == ["A", "B", "C", "D"]  # status ok only


def test_splice_counts():
    table = pd.DataFrame({"source": ["wdi", "wdi", "pwt"], "status": ["ok", "ok", "ok"], "n_spliced_years": [0, 2, 1]})
    counts = splice_counts(table)
    assert counts.loc["wdi", "countries_spliced"] == 1 and counts.loc["wdi", "max_years_spliced"] == 2


def test_group_column_and_group_results():
    assert group_column("broad") == "broad_group" and group_column("group") == "group"
    with pytest.raises(ValueError, match="grouping must be 'broad' or 'group'"):
        group_column("region")
    measures = ["years_to_trough", "years_below_base", "cumulative_loss", "index_1995", "index_1999", "index_2000",
                "index_2002", "index_2007", "index_latest", "growth_1999_2002"]
    main = _table().assign(group=["CIS", "CIS", "CIS", "Baltic", "Baltic"], **{m: 1.0 for m in measures})
    indices = pd.DataFrame({"iso3": ["A", "A", "D", "D"], "year": [1989, 1990, 1989, 1990], "index": [100, 80, 100, 101.0]})
    summary, paths, recovery_year = group_results(main, indices, "broad", 1989)
    assert summary["group"].tolist() == ["CIS", "CEE & Baltics"] and set(paths["group"]) == {"CIS", "CEE & Baltics"}
    assert recovery_year["CEE & Baltics"] == 1989 and pd.isna(recovery_year["CIS"])  # D never fell below 100


def test_gap_associations_grid():
    rng = np.random.default_rng(0)
    gap = pd.DataFrame({"gap_years": [1, 2, 3, 4, 5, 6, np.nan], "gap_points": rng.normal(size=7),
                        "gap_censored": [False, False, True, False, False, False, False],
                        "trough_index": [90, 80, 70, 60, 50, 40, 30.0], "cumulative_loss": rng.normal(size=7),
                        "years_below_base": rng.normal(size=7), "former_ussr": [0, 1, 0, 1, 0, 1, 0.0],
                        "war": [0, 0, 1, 0, 0, 1, 0.0]})
    samples = gap_samples(gap)
    assert samples["all"].sum() == 6 and samples["uncensored"].sum() == 5
    assoc = gap_associations(gap)
    assert len(assoc) == 2 * 2 * 3 * 2  # samples x gap measures x loss measures x control sets
    assert assoc[["sample", "x", "y", "controls"]].iloc[1].tolist() == ["all", "gap_years", "trough_index",
                                                                        "former_ussr+war"]
    first = assoc.iloc[0]
    assert first["n"] == 6 and first["rho"] == pytest.approx(-1.0)


# ---------------------------------------------------------------- real data

def test_output_paths_on_the_real_panel(real_panel):
    table, indices, skipped = output.output_paths(real_panel, ["wdi", "maddison"], 1989, "maddison", 15)
    assert len(table) == 2 * 29
    broken = table[table["status"] == "definition_break"]
    assert set(broken["iso3"]) == {"BIH", "SRB", "MNE"} and len(skipped) == 6
    # Data README: Russia 1998 ~ 67% of 1989 in Maddison, ~ 56% in WDI
    russia = index_at(indices, "RUS", 1998)
    assert russia["maddison"] == pytest.approx(67, abs=1.5) and russia["wdi"] == pytest.approx(56, abs=1.5)
    ok = table[table["status"] == "ok"]
    assert ok["trough_index"].between(0, 100).all() and (ok["years_to_trough"] >= 0).all()


def test_no_splice_leaves_late_starters_out_as_missing_data(real_panel):
    table, _, skipped = output.output_paths(real_panel, ["wdi"], 1989, None, 15)
    missing = set(skipped.loc[skipped["status"] == "missing_data", "iso3"])
    assert "ARM" in missing and "HUN" not in missing
    assert table.set_index("iso3").loc["ARM", "status"] == "missing_data"
