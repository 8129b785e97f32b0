"""Notebook 01's chapter (chapters.reform_sequencing): display tables, figures, headline rows, findings text."""
from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from timing_fixtures import sequencing_panel

from transition.analysis.sequencing import (
    ROBUSTNESS_VARIATIONS,
    analyse,
    compare_groups,
    order_summary,
    pairwise_precedence,
    sensitivity,
)
from transition.chapters import reform_sequencing as ch
from transition.chapters.reform_sequencing import SPEC
from transition.paths import PROJECT_ROOT

STEM = "01_reform_sequencing"
BASE = {"iso3": ["RUS", "POL", "ALB", "UKR"], "last_year": 1999}


@pytest.fixture(scope="module")
def run():
    """Timing, order, robustness and headline rows of the constructed panel (RUS, POL, ALB, UKR to 1999)."""
    tidy = sequencing_panel()
    timing, order = analyse(tidy, **BASE)
    robust = sensitivity(tidy, BASE, ROBUSTNESS_VARIATIONS)
    gap_test = compare_groups(order, "lib_inst_gap_points")
    rows = ch.headline_rows(timing, order, robust, gap_test, 3.0, 40.0, 1999, "weak")
    return {"timing": timing, "order": order, "robust": robust, "gap_test": gap_test, "rows": rows}


def test_slug_and_format_year():
    assert ch.slug("inflation 20%, 3 years") == "inflation_20_3_years" and ch.slug("EBRD 2.33") == "ebrd_2_33"
    assert (ch.format_year(1995.0), ch.format_year(1995.5), ch.format_year(None)) == ("1995", "1995.5", "not reached")
    assert ch.format_year(float("nan")) == "not reached"


def test_headline_rows(run):
    rows = run["rows"]
    assert all(set(row) == {"key", "value", "unit", "description"} for row in rows)
    values = {row["key"]: row["value"] for row in rows}
    assert len(values) == len(rows)  # keys are unique
    assert values["n_countries"] == 4
    assert values["n_follow_essay_order_all"] == 2 and values["share_follow_essay_order_cis"] == 0.0
    assert values["never_high_inflation_countries"] == "ALB" and values["stabilization_relapsed_countries"] == "RUS"
    assert values["n_privatization_before_institutions"] == 1 and values["n_pair_lib_stab_before"] == 3
    assert values["n_follow_essay_order_ebrd_3_33"] == 0  # POL has no institutions at 3.33
    assert isinstance(values["n_institutions_not_reached_cis"], int) and values["n_institutions_not_reached_cis"] == 2
    assert values["liberalization_not_reached_countries"] == "none"
    assert values["gap_points_cis_vs_cee_baltics_p_value"] == run["gap_test"]["p_value"]
    descriptions = {row["key"]: row["description"] for row in rows}
    assert "by 1999" in descriptions["n_institutions_not_reached_all"]
    assert "ties weak" in descriptions["n_follow_essay_order_all"]
    assert "(ebrd_threshold=3.33)" in descriptions["n_follow_essay_order_ebrd_3_33"]


def test_findings_text_is_written_from_the_numbers(run):
    args = (run["rows"], run["robust"], run["gap_test"], 3.0, 40.0, 1999, "weak")
    text = ch.findings_text(*args, "exclude")
    assert "Of 4 countries, **2** reached all four areas by 1999" in text
    assert "by group, following: CIS 0; CEE & Baltics 1; SEE 1" in text and "Mongolia" not in text
    assert "Liberalization came before stabilization in 3 countries" in text
    assert "privatization reached 3 before institutions in **1** countries" in text
    assert "stabilization CIS not reached; CEE & Baltics 1992; SEE not reached" in text  # UKR censored, ALB left out
    assert "Inflation never reached 40% in the data in ALB\n  (left out of their order)" in text
    assert "relapsed after stabilizing:\n  RUS" in text
    assert "dated at their first year of data" in ch.findings_text(*args, "first_year")
    assert "{" not in text and "nan" not in text


def test_display_tables(run):
    timing, order = run["timing"], run["order"]
    assert ch.country_rows(timing) == ["RUS", "UKR", "POL", "ALB"]  # by group, then liberalization year
    view = ch.timing_view(timing)
    assert list(view.columns) == ["group", "liberalization", "stabilization", "institutions", "privatization"]
    assert view.loc["POL"].tolist() == ["CEE & Baltics", 1990, 1992, 1992, 1994]
    text, special = ch.stabilization_cases(timing)
    assert text.splitlines() == ["never_high: ALB", "not_stabilized: UKR", "no_data: none",
                                 "relapsed after stabilizing: RUS"]
    assert set(special.index) == {"ALB", "UKR", "RUS"} and special.loc["RUS", "inflation_measure"].startswith("CPI")
    summary = ch.summary_view(order_summary(timing, order))
    assert "median_institutions_year" in summary and "not reached" in summary
    counts = ch.order_counts_view(order).splitlines()
    assert counts[0].split()[-1] == "All" and len(counts) == 2 + order["order"].nunique()
    assert ch.order_view(order, timing, ["order"]).index.tolist() == ["RUS", "UKR", "POL", "ALB"]


def test_order_label_translates_the_notes_and_keeps_the_letters():
    assert ch.order_label("L>S>P (not reached: I) (S: never high)") == "L>S>P (not reached: I) (S: never high)"
    assert ch.order_label("L>S>P (not reached: I) (S: never high)", "ru") == "L>S>P (не достигнуто: I) (S: инфляция не была высокой)"
    assert ch.order_label("S (not reached: L, I, P)", "ru") == "S (не достигнуто: L, I, P)"
    assert ch.order_label("L>S=I>P", "ru") == "L>S=I>P"


def test_order_frequency_bars_are_labelled_in_the_chosen_language():
    order = pd.DataFrame({"iso3": ["A", "B", "C"], "group": ["CIS", "CIS", "SEE"],
                          "order": ["L>S (not reached: I, P)", "L>S (not reached: I, P)", "S>L>I>P"]})
    english = ch.plot_order_frequencies(order)
    russian = ch.plot_order_frequencies(order, lang="ru")
    russian.canvas.draw()
    assert [t.get_text() for t in russian.axes[0].get_yticklabels()] == ["S>L>I>P", "L>S (не достигнуто: I, P)"]
    widths = [[bar.get_width() for bar in fig.axes[0].patches] for fig in (english, russian)]
    assert widths[0] == widths[1] == [0, 2, 1, 0]  # CIS bars, then SEE bars stacked on them
    plt.close("all")


def test_progress_and_pairwise_figures(run):
    timing = run["timing"]
    years = range(1989, 2000)
    ebrd = pd.DataFrame(2.0, index=["RUS", "POL", "ALB", "UKR"], columns=years)
    fig = ch.plot_reform_progress(ebrd, timing, last_year=1999)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["RUS", "UKR", "POL", "ALB"]
    assert sum(len(c.get_offsets()) for c in ax.collections) == int(timing["year_reached"].notna().sum())
    assert "1989-1999" in ax.get_title()
    pairwise = ch.plot_pairwise(pairwise_precedence(timing))
    titles = [a.get_title() for a in pairwise.axes]
    assert titles == ["CIS (2 countries)", "CEE & Baltics (1 countries)", "SEE (1 countries)", "All (4 countries)"]
    plt.close("all")


# --- the parameter spec and the notebook's shape (no kernel) ------------------------------------

VALID = {"ebrd_threshold": 3.0, "inflation_threshold": 40.0, "sustained_years": 2, "last_year": 2006, "ties": "weak",
             "never_high": "exclude", "stabilization_rule": "first_run", "groups": ["CIS", "CEE & Baltics", "SEE", "Mongolia"],
             "exclude_countries": [], "lang": "en", "output_dir": None}


def test_valid_parameters_pass():
    SPEC.check(**VALID)
    SPEC.check(**{**VALID, "groups": ["Mongolia"], "exclude_countries": ["RUS"], "last_year": 1990})


@pytest.mark.parametrize("change, fragments", [
    ({"ebrd_threshold": 5.0}, ["ebrd_threshold = 5.0", "number from 1 to 4.33"]),
    ({"ebrd_threshold": "3"}, ["ebrd_threshold = '3'", "must be a number"]),
    ({"inflation_threshold": -5}, ["inflation_threshold = -5", "number from 1 to 1000"]),
    ({"sustained_years": 0}, ["sustained_years = 0", "integer from 1 to 5"]),
    ({"sustained_years": 2.0}, ["sustained_years = 2.0", "must be an integer"]),
    ({"last_year": 2010}, ["last_year = 2010", "integer from 1990 to 2006", "EBRD scores end in 2006"]),
    ({"ties": "loose"}, ["ties = 'loose'", "'weak', 'strict'"]),
    ({"never_high": "drop"}, ["never_high = 'drop'", "'exclude', 'first_year'"]),
    ({"stabilization_rule": "last"}, ["stabilization_rule = 'last'", "'first_run', 'durable'"]),
    ({"groups": ["CIS", "Baltic"]}, ["unknown 'Baltic'", "allowed: CIS, CEE & Baltics, SEE, Mongolia"]),
    ({"groups": []}, ["groups = []", "must not be empty"]),
    ({"exclude_countries": ["XXX"]}, ["unknown 'XXX'"]),
    ({"groups": ["Mongolia"], "exclude_countries": ["MNG"]}, ["no country left to analyse"]),
    ({"output_dir": 3}, ["output_dir = 3", "text or None"]),
    ({"lang": "de"}, ["lang = 'de'", "one of 'en', 'ru'", "table headers"]),
    ({"threshold": 3}, ["threshold: unknown parameter"]),
])
def test_bad_parameters_fail_with_a_clear_message(change, fragments):
    with pytest.raises(ValueError) as caught:
        SPEC.check(**{**VALID, **change})
    message = str(caught.value)
    assert message.startswith("1 parameter problem in 01_reform_sequencing")
    for fragment in fragments:
        assert fragment in message


def test_several_problems_are_reported_together():
    with pytest.raises(ValueError, match="3 parameter problems") as caught:
        SPEC.check(**{**VALID, "ebrd_threshold": 0.5, "last_year": 1985, "groups": ["EU"]})
    assert len(str(caught.value).splitlines()) == 4



def _code_cells() -> list[str]:
    notebook = json.loads((PROJECT_ROOT / "notebooks" / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]


def test_the_notebook_is_narrative():
    cells = _code_cells()
    assert max(len(source.splitlines()) for source in cells) <= 15
    findings = [source for source in cells if "colophon(" not in source][-1]  # the colophon is a cell of its own
    assert "ch.findings_text(" in findings and 'f"""' not in findings and "def " not in findings
    assert not any("def " in source for source in cells)  # the notebook calls src/, it defines nothing


# --- the datings of the areas and chance (C1) ------------------------------------------------------

@pytest.fixture(scope="module")
def datings():
    from transition.analysis.order_chance import dating_comparison

    return dating_comparison(sequencing_panel(), BASE, as_of_years=(1995, 1999))


def test_dating_view_applies_the_ledger_rule_to_every_dating(datings):
    summary, pairs = datings
    view = ch.dating_view(summary)
    assert view.index.names == ["dating", "last_year"] and list(view.columns) == ch.DATING_COLUMNS
    assert view.loc[("one EBRD threshold", 1999), "n_follow"] == 2  # as in the main run (POL, ALB)
    assert view.loc[("one EBRD threshold", 1999), "verdict"] == "supported"  # 2 of 4 = 50%
    pairs_view = ch.dating_pairs_view(pairs, 1999)
    assert pairs_view.index.tolist() == ["L→S", "L→I", "L→P", "S→I", "S→P", "I→P"]
    assert pairs_view.columns.get_level_values(0).unique().tolist() == list(ch.DATING_LABELS.values())


def test_dating_headlines_and_findings(run, datings):
    summary, _ = datings
    rows = ch.headline_rows(run["timing"], run["order"], run["robust"], run["gap_test"], 3.0, 40.0, 1999, "weak",
                            datings=datings)
    values = {row["key"]: row["value"] for row in rows}
    assert len(values) == len(rows)
    assert values["c1_n_follow_threshold_1999"] == values["n_follow_essay_order_all"] == 2
    assert values["c1_p_chance_own_range_1995"] == summary.set_index(["dating", "last_year"]).loc[("own_range", 1995), "p_chance"]
    assert values["c1_pair_inst_priv_not_reversed_threshold_1999"] == 2  # POL before, ALB same year
    text = ch.findings_text(rows, run["robust"], run["gap_test"], 3.0, 40.0, 1999, "weak", "exclude", summary)
    assert "**Other datings of the areas (C1).**" in text and "one EBRD threshold **2**" in text
    assert "a random strict order of four areas matches 1 time in 24" in text and "nan" not in text
