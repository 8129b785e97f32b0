"""Chapter 02 (output paths): parameter defaults and spec, headline rows, findings text and figures."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from transition.analysis import output
from transition.chapters import output_paths as chapter
from transition.chapters.output_paths import SPEC
from transition.data.vocabulary import DEFAULT_HORIZON

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_output_paths.ipynb"
VALID = dict(base_year=1989, gdp_source="wdi", splice_with="maddison", compare_sources=["wdi", "pwt"], horizon=15,
             grouping="broad", countries=["RUS", "POL"], gap_threshold=3.0, substantial_loss=90.0,
             disagreement_threshold=10.0, lang="en", output_dir=None)


def notebook_parameters(path: Path = NOTEBOOK) -> dict:
    """The literals of a notebook's ``parameters`` cell."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    source = next("".join(c["source"]) for c in cells if "parameters" in c["metadata"].get("tags", []))
    return {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(source).body
            if isinstance(node, ast.Assign)}


# ---------------------------------------------------------------- parameters

def test_notebook_defaults_are_the_analysis_constants():
    values = notebook_parameters()
    assert values["substantial_loss"] == output.SUBSTANTIAL_LOSS_INDEX  # one definition, also the ledger's C2 rule
    assert values["gap_threshold"] == output.GAP_THRESHOLD
    assert values["disagreement_threshold"] == output.DISAGREEMENT_THRESHOLD
    assert values["horizon"] == DEFAULT_HORIZON
    SPEC.check(**values)


def test_valid_parameters_pass():
    SPEC.check(**VALID)
    SPEC.check(**{**VALID, "splice_with": None})


@pytest.mark.parametrize("change, fragments", [
    ({"base_year": 1850}, ["base_year = 1850", "integer from 1985 to 2000"]),
    ({"base_year": "1989"}, ["base_year = '1989'", "must be an integer"]),
    ({"gdp_source": "imf"}, ["gdp_source = 'imf'", "'wdi', 'maddison', 'pwt', 'weo'"]),
    ({"countries": ["RUS", "XXX"]}, ["unknown 'XXX'"]),
    ({"compare_sources": ["wdi", "bea"]}, ["unknown 'bea'"]),
    ({"grouping": "region"}, ["grouping = 'region'", "'broad', 'group'"]),
    ({"gap_threshold": 5.0}, ["gap_threshold = 5.0", "number from 1 to 4.33"]),
    ({"substantial_loss": 120}, ["substantial_loss = 120", "number from 1 to 100"]),
    ({"horizon": 40}, ["horizon = 40", "integer from 5 to 25"]),
    ({"output_dir": 3}, ["output_dir = 3", "text or None"]),
    ({"lang": "de"}, ["lang = 'de'", "one of 'en', 'ru'"]),
    ({"colour": "red"}, ["colour: unknown parameter"]),
    ({"splice_with": "wdi"}, ["splice_with = 'wdi' is the GDP source itself"]),
    ({"gdp_source": "pwt", "compare_sources": ["pwt"], "base_year": 2000, "horizon": 25},
     ["2000-2025 is outside the data", "pwt covers 1960-2019"]),
    ({"compare_sources": ["weo"], "base_year": 2000, "horizon": 20}, ["weo covers 1980-2018"]),
])
def test_bad_parameters_fail_with_a_clear_message(change, fragments):
    with pytest.raises(ValueError) as caught:
        SPEC.check(**{**VALID, **change})
    message = str(caught.value)
    assert message.startswith("1 parameter problem in 02_output_paths")
    for fragment in fragments:
        assert fragment in message


def test_several_problems_are_reported_together():
    with pytest.raises(ValueError, match="3 parameter problems") as caught:
        SPEC.check(**{**VALID, "base_year": 1850, "gdp_source": "imf", "countries": ["XXX"]})
    assert len(str(caught.value).splitlines()) == 4


# ---------------------------------------------------------------- small helpers

def test_slug_and_source_ids():
    assert chapter.slug("CEE & Baltics") == "cee_baltics" and chapter.slug("South-East Europe") == "south_east_europe"
    assert chapter.source_ids(["wdi", "maddison", "wdi"]) == ["gapminder_wdi", "maddison_2023"]


# ---------------------------------------------------------------- a small study with known answers

MEASURES = ["years_to_trough", "years_below_base", "cumulative_loss", "index_1995", "index_1999", "index_2000",
            "index_2002", "index_2007", "index_latest", "growth_1999_2002"]


@pytest.fixture(scope="module")
def study():
    """Measures of six countries from two sources, their gap, and everything the chapter reads."""
    main = pd.DataFrame({
        "iso3": ["ARM", "RUS", "UZB", "POL", "EST", "BIH"], "source": "wdi",
        "broad_group": ["CIS", "CIS", "CIS", "CEE & Baltics", "CEE & Baltics", "SEE"],
        "group": ["CIS", "CIS", "CIS", "Central Europe", "Baltic", "South-East Europe"],
        "status": ["ok"] * 5 + ["definition_break"],
        "trough_index": [40.0, 55.7, 86.0, 82.0, 62.0, np.nan],
        "recovery_year": pd.array([2005, 2007, 1996, 1996, 2002, None], dtype="Int64"),
        "recovered": pd.array([True, True, True, True, True, None], dtype="boolean"),
        **{m: [10.0, 20.0, 30.0, 40.0, 50.0, np.nan] for m in MEASURES},
    })
    table = pd.concat([main, main.assign(source="pwt", trough_index=[45.0, 60.0, 79.0, 85.0, 64.0, np.nan])],
                      ignore_index=True)
    gap = main[main["status"] == "ok"].assign(gap_years=[6.0, 4.0, np.nan, 1.0, 2.0],
                                              gap_points=[1.0, 0.7, np.nan, 0.3, 0.3],
                                              gap_censored=[True, False, False, False, False],
                                              former_ussr=[1.0, 1.0, 1.0, 0.0, 1.0], war=[1.0, 1.0, 0.0, 0.0, 0.0])
    others = pd.DataFrame({"iso3": ["KAZ", "HUN"], "broad_group": ["CIS", "CEE & Baltics"], "status": "ok",
                           "trough_index": [60.6, 85.0], "gap_years": [3.0, 0.5], "gap_points": [0.7, 0.3],
                           "gap_censored": False, "former_ussr": [1.0, 0.0], "war": 0.0,
                           "cumulative_loss": [300.0, 60.0], "years_below_base": [15.0, 5.0]})
    gap = pd.concat([gap, others], ignore_index=True)  # six countries with a gap: the OLS with controls has df left
    return {"main": main, "table": table, "gap": gap, "assoc": output.gap_associations(gap),
            "loss_counts": output.loss_counts_by_source(table, ["wdi", "pwt"], 90.0),
            "summary": output.group_summary(main, "broad_group"),
            "path_recovery": pd.Series({"CIS": 2006, "CEE & Baltics": None, "SEE": 2000}, dtype="Int64"),
            "russia_1998": pd.Series({"pwt": 56.0, "wdi": 55.7})}


def _claims(study, substantial_loss=90.0):
    s = study
    return chapter.claim_headlines(s["main"], s["loss_counts"], s["assoc"], s["gap"], s["russia_1998"], 3,
                                   ["wdi", "pwt"], "wdi", 1989, substantial_loss, 10.0)


def test_group_headlines_keys(study):
    rows = chapter.group_headlines(study["summary"], study["path_recovery"], 1989)
    assert all(set(row) == {"key", "value", "unit", "description"} for row in rows)
    values = {row["key"]: row["value"] for row in rows}
    assert values["median_trough_index_cis"] == 55.7 and values["n_countries_cee_baltics"] == 2
    assert values["median_path_recovery_year_cis"] == 2006 and values["median_path_recovery_year_cee_baltics"] is None
    assert "median_trough_index_see" not in values  # no SEE country with an index


def test_claim_headlines_count_losses_below_the_threshold(study):
    values = {row["key"]: row["value"] for row in _claims(study)}
    assert values["substantial_loss_threshold"] == 90.0
    assert values["cis_countries_with_substantial_loss"] == 3 and values["cee_baltics_countries_with_substantial_loss"] == 2
    assert values["cis_shallowest_trough_index"] == 86.0 and values["cee_baltics_shallowest_trough_index"] == 82.0
    assert values["cis_countries_with_substantial_loss_pwt"] == 3 and values["russia_1998_index_pwt"] == 56.0
    assert values["n_countries_indexed"] == 5 and values["n_countries_skipped"] == 1 and values["n_no_gap"] == 1
    descriptions = {row["key"]: row["description"] for row in _claims(study)}
    assert descriptions["cis_shallowest_trough_index"].endswith("(UZB)")
    lower = {row["key"]: row["value"] for row in _claims(study, 80.0)}  # the old notebook default
    assert lower["cis_countries_with_substantial_loss"] == 2 and lower["cee_baltics_countries_with_substantial_loss"] == 1


def test_headline_rows_are_the_group_then_the_claim_rows(study):
    s = study
    rows = chapter.headline_rows(s["summary"], s["path_recovery"], s["main"], s["loss_counts"], s["assoc"], s["gap"],
                                 s["russia_1998"], 3, ["wdi", "pwt"], "wdi", 1989, 90.0, 10.0)
    keys = [row["key"] for row in rows]
    assert len(keys) == len(set(keys)) and keys[-7] == "n_countries_skipped"
    assert keys[-6:] == [f"median_trough_{what}_{bound}" for what in ("index_cis", "index_cee_baltics",
                                                                         "difference_cis_vs_cee_baltics")
                         for bound in ("low", "high")]  # the intervals the ledger cites, last
    values = {row["key"]: row["value"] for row in rows}
    assert values["median_trough_index_cis_low"] <= values["median_trough_index_cis_high"]


def test_findings_text_states_the_computed_numbers(study):
    s = study
    text = chapter.findings_text(s["summary"], s["path_recovery"], s["main"], s["loss_counts"], s["assoc"], s["gap"],
                                 s["russia_1998"], 3, ["BIH"], ["wdi", "pwt"], "wdi", 1989, 90.0, 3.0, 10.0)
    assert text.startswith("**Depth and length** (main source WDI, 1989 = 100; 5 countries,\nleft out: BIH).")
    assert "**C2, losses.** 3 of 3 CIS countries had a trough below 90 (CEE & Baltics:\n2 of 2)." in text
    assert "The shallowest CIS trough is\nUZB at 86.0." in text and "(WDI 3; PWT 3 CIS countries below 90)" in text
    assert "with their troughs: UZB 86.0)" in text and "Across 6 countries" in text
    assert "the CIS median was lower and growing more slowly" in text  # 20 vs 45 in 2002, growth 20 vs 45
    assert text.endswith("**Sources.** 3 country-measure pairs differ by more than 10 points between sources;\n"
                         "Russia in 1998: PWT 56.0, WDI 55.7.")
    assert text.count("\n\n") == 4  # five paragraphs


# ---------------------------------------------------------------- figures

def test_figures_carry_their_titles_and_axes(study):
    paths = pd.DataFrame({"group": ["CIS", "CIS", "SEE"], "year": [1989, 1990, 1990], "median": [100, 80, 90.0],
                          "q25": [100, 70, 85.0], "q75": [100, 90, 95.0], "n": [3, 3, 1]})
    fig = chapter.plot_paths_by_group(paths, output.group_order("broad"), "wdi", 1989)
    ax = fig.axes[0]
    assert ax.get_title() == "Real GDP by group: median and interquartile range (WDI, 1989 = 100)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["CIS (n = 3)", "SEE (n = 1)"]
    troughs = output.troughs_by_source(study["table"]).sort_values("wdi")
    fig2 = chapter.plot_trough_by_source(troughs, ["wdi", "pwt"], 1989, 15)
    assert fig2.axes[0].get_title() == "Depth of the transition trough by GDP source (1989-2004)"
    fig3 = chapter.plot_trough_vs_gap(study["gap"], study["assoc"], 3.0, "wdi", 1989)
    assert fig3.axes[0].get_title().startswith("Trough vs liberalization-institutions gap (Spearman rho = ")
    assert fig3.axes[0].get_xlabel() == "years from liberalization to institutions reaching EBRD 3"
    plt.close("all")


# ---------------------------------------------------------------- the gap on every country (C2)

@pytest.fixture(scope="module")
def mechanism(study):
    """The study's gap with fixed-date gaps (UZB, which never liberalized, included) and per-capita troughs."""
    from transition.analysis import loss_mechanism

    frame = study["gap"].assign(**{name: [0.2, 0.6, 0.9, 1.5, 1.1, 0.8, 1.6] for name in loss_mechanism.FIXED_GAP_MEASURES},
                                trough_index_pc=lambda f: f["trough_index"] - 2,
                                cumulative_loss_pc=lambda f: f["cumulative_loss"] + 5)
    return frame, loss_mechanism.mechanism_associations(frame)


def test_mechanism_headlines_keep_every_country(mechanism):
    _, assoc = mechanism
    values = {row["key"]: row["value"] for row in chapter.mechanism_headlines(assoc)}
    assert values["spearman_gap_1990_1995_vs_trough_n"] == 7 and values["spearman_gap_vs_trough_pc_n"] == 6
    assert {"spearman_gap_1992_vs_trough_pc_rho", "ols_gap_1990_1995_trough_index_controlled_p"} <= set(values)
    view = chapter.mechanism_view(assoc)
    assert set(view["output"]) == {"total", "per capita"} and list(view.columns) == chapter.MECHANISM_COLUMNS


def test_mechanism_paragraph_and_figure(study, mechanism):
    frame, assoc = mechanism
    s = study
    text = chapter.findings_text(s["summary"], s["path_recovery"], s["main"], s["loss_counts"], s["assoc"], s["gap"],
                                 s["russia_1998"], 3, ["BIH"], ["wdi", "pwt"], "wdi", 1989, 90.0, 3.0, 10.0, assoc)
    assert "**C2, the gap on every country.**" in text and "n = 7" in text and text.count("\n\n") == 5
    fig = chapter.plot_trough_vs_fixed_gap(frame, assoc, "wdi", 1989)
    assert fig.axes[0].get_title().startswith("GDP total: Spearman rho = ") and fig.axes[1].get_title().startswith("GDP per capita")
    assert fig.axes[1].get_ylabel() == "trough of real GDP per capita, 1989 = 100 (WDI)"
    assert fig.axes[0].get_xlabel() == "liberalization minus institutions, EBRD points (1990-1995)"
    plt.close("all")


def test_weighted_paths_follow_the_big_economy_and_keep_the_median_beside():
    """Two CIS states: Russia (weight 9) falls 10%, Armenia (weight 1) grows 10%; the aggregate falls 8%."""
    indices = pd.DataFrame({"iso3": ["RUS", "RUS", "ARM", "ARM"], "year": [1989, 1990, 1989, 1990],
                            "index": [100.0, 90.0, 100.0, 110.0]})
    tidy = pd.DataFrame({"iso3": ["RUS", "ARM"], "year": 1989, "variable": "mad_gdp", "value": [9.0, 1.0]})
    weighted = chapter.weighted_paths(indices, tidy, "broad", 1989)
    cis = weighted[weighted["group"] == "CIS"].set_index("year")["index"]
    assert cis[1989] == 100.0 and cis[1990] == pytest.approx(92.0)
    paths = pd.DataFrame({"group": "CIS", "year": [1993], "median": [50.0]})
    view = chapter.weighted_view(weighted.assign(year=weighted["year"].replace({1990: 1993})), paths)
    assert view.loc["CIS", ("weighted", 1993)] == 92.0 and view.loc["CIS", ("median", 1993)] == 50.0
    rows = {r["key"]: r["value"] for r in chapter.weighted_headlines(weighted, years=(1990,))}
    assert rows == {"weighted_index_1990_cis": pytest.approx(92.0)}
