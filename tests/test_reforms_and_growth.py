"""Chapter 04 (reforms and growth): parameter defaults and spec, readable tables, headline rows, findings, figures."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from scipy import stats
from test_output_paths import notebook_parameters

from transition.analysis import growth
from transition.analysis.growth.initial import FEEDBACK_MODEL, INITIAL_MODEL
from transition.chapters import reforms_and_growth as chapter
from transition.chapters.reforms_and_growth import SPEC
from transition.paths import NOTEBOOKS_DIR

NOTEBOOK = NOTEBOOKS_DIR / "04_reforms_and_growth.ipynb"


def _values(**changes):
    values = dict(growth_source="wdi", reform_lag=1, max_lag=3, threshold=3.0, first_year=1990, last_year=2006,
                  extended_last_year=2019, exclude_iso3=[], alpha=0.05, robust_share=0.75, lang="en", output_dir=None)
    return {**values, **changes}


# ---------------------------------------------------------------- parameters

def test_notebook_defaults_are_the_analysis_defaults():
    values = notebook_parameters(NOTEBOOK)
    assert growth.config_from(**values) == growth.Config()  # every regression choice defaults to one constant
    SPEC.check(**values)


def test_spec_accepts_defaults():
    SPEC.check(**_values())


@pytest.mark.parametrize("changes, fragments", [
    ({"growth_source": "gdp"}, ["growth_source = 'gdp'", "'wdi', 'weo', 'pwt'"]),
    ({"growth_source": "imf"}, ["growth_source = 'imf'"]),
    ({"exclude_iso3": ["RUS", "SUN"]}, ["exclude_iso3", "unknown 'SUN'"]),
    ({"exclude_iso3": ["XXX"]}, ["unknown 'XXX'"]),
    ({"threshold": 0.5, "max_lag": 9}, ["2 parameter problems", "threshold = 0.5", "max_lag = 9"]),
    ({"threshold": 5.0}, ["threshold = 5.0: must be a number from 1.67 to 4"]),
    ({"last_year": 2010}, ["last_year = 2010", "EBRD data end in 2006"]),
    ({"last_year": 2015}, ["last_year = 2015"]),
    ({"extended_last_year": 2030}, ["extended_last_year = 2030", "from 2007 to 2019"]),
    ({"reform_lag": "1"}, ["reform_lag = '1'", "integer"]),
    ({"reform_lag": 7}, ["reform_lag = 7: must be an integer from 0 to 3"]),
    ({"reform_lag": 1.5}, ["reform_lag = 1.5"]),
    ({"first_year": 2001}, ["first_year = 2001"]),
    ({"first_year": 1985}, ["first_year = 1985"]),
    ({"first_year": 2000, "last_year": 2002}, ["at least 6 years"]),
    ({"exclude_iso3": ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS"]}, ["fewer than 5 CIS"]),
    ({"alpha": True}, ["alpha = True"]),
    ({"robust_share": 0.2}, ["robust_share = 0.2"]),
    ({"colour": "red"}, ["colour: unknown parameter"]),
    ({"lang": "de"}, ["lang = 'de'", "one of 'en', 'ru'"]),
])
def test_bad_parameters_fail_fast(changes, fragments):
    with pytest.raises(ValueError, match="04_reforms_and_growth") as error:
        SPEC.check(**_values(**changes))
    for fragment in fragments:
        assert fragment in str(error.value)


# ---------------------------------------------------------------- readable tables

def test_regression_table_layout():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame([{"iso3": f"C{c}", "year": t, "reform_ebrd_average_l1": x, "war": z,
                           "y": 2.0 * x - 1.5 * z + 3.0 * c + 0.5 * (t - 1980) ** 1.5}
                          for c in range(8) for t in range(1990, 2002) for x, z in [rng.normal(size=2)]])
    fit = growth.fit_model(frame, "y", ["reform_ebrd_average_l1", "war"], "country_year")
    table = growth.tidy_fit(fit, "fe_main", "test")
    wide = chapter.regression_table(table, {"fe_main": fit})
    assert wide.index.tolist() == ["EBRD average (t-1)", "War year", "Observations", "Countries", "Fixed effects"]
    assert wide.loc["EBRD average (t-1)", "fe_main"].startswith("2.00***")
    assert wide.loc["Fixed effects", "fe_main"] == "country + year"
    assert list(table.columns) == ["model", "term", "coef", "se", "pvalue", "nobs", "sample"]


def test_term_labels():
    assert chapter.term_label("reform_ebrd_average_l0") == "EBRD average (t)"
    assert chapter.term_label("lib_ahead_l2") == "Liberalization ahead of institutions (dummy) (t-2)"
    assert chapter.term_label("cumulative_reform_ebrd_average_l0_3") == "Cumulative effect (sum of lags)"
    assert chapter.term_label("years_planning") == "Years under central planning"


def test_figure_sources():
    assert chapter.figure_sources("gap_paths", "pwt") == ["ebrd_transition_indicators"]
    assert chapter.figure_sources("distributed_lag", "pwt") == ["ebrd_transition_indicators", "pwt_10_01",
                                                                 "imf_weo_2019_04"]
    assert len(chapter.figure_sources("robustness", "wdi")) == 6  # EBRD, four growth sources, WEO CPI


# ---------------------------------------------------------------- a constructed set of results

SPECS = ["baseline", "lag_2", "cis_only", "non_cis", "carried_forward", "later_years_pooled"]


def _robustness(lib_ahead=-2.0):
    rows = []
    for i, spec in enumerate(SPECS):
        sample = f"1990-2006; 29 countries; growth: wdi; spec {spec}"
        for model, term, coef, p in [("main", "reform_ebrd_average_l1", 1.0 - 0.4 * i, 0.01 if i < 2 else 0.3),
                                     ("main", "log_inflation", -4.0, 0.001), ("main", "war", -8.0, 0.01),
                                     ("sequencing", "lib_ahead_l1", lib_ahead, 0.01),
                                     ("sequencing", "priv_ahead_l1", 0.5, 0.8)]:
            rows.append({"spec": spec, "spec_label": spec.replace("_", " "), "kind": "test",
                         "model": f"robustness/{spec}/{model}", "term": term, "coef": coef, "se": 0.5, "pvalue": p,
                         "nobs": 400, "n_countries": 29, "sample": sample})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def results():
    config = growth.Config()
    terms = {"pooled_initial": ["reform_ebrd_average_l1", "log_gdppc_1989", "years_planning"],
             "fe_main": ["reform_ebrd_average_l1", "log_inflation", "war"],
             "fe_distributed_lag": ["reform_ebrd_average_l0", "cumulative_reform_ebrd_average_l0_3"],
             "fe_sequencing_gap": ["gap_lib_inst_l1", "gap_priv_inst_l1"],
             "fe_sequencing_ahead": ["lib_ahead_l1", "priv_ahead_l1"]}
    table = pd.DataFrame([{"model": m, "term": t, "coef": -2.0 if t == "lib_ahead_l1" else 1.5, "se": 0.5,
                           "pvalue": 0.01 if t == "lib_ahead_l1" else 0.2, "nobs": 462, "sample": "test"}
                          for m, ts in terms.items() for t in ts])
    params = pd.Series([1.5, 1.0, -8.0], index=terms["fe_main"])
    fits = {"fe_main": growth.Fit(params=params, cov=pd.DataFrame(np.eye(3) * 0.25, params.index, params.index),
                                  nobs=462, n_countries=29, first_year=1990, last_year=2006, effects="country_year",
                                  terms=terms["fe_main"])}
    ahead = pd.Series([-2.0, 1.5], index=terms["fe_sequencing_ahead"])
    fits["fe_sequencing_ahead"] = growth.Fit(params=ahead, cov=pd.DataFrame(np.eye(2) * 0.25, ahead.index, ahead.index),
                                             nobs=462, n_countries=29, first_year=1990, last_year=2006,
                                             effects="country_year", terms=terms["fe_sequencing_ahead"])
    robustness = _robustness()
    gaps = pd.DataFrame({"broad_group": ["CIS", "CEE & Baltics", "SEE"], "mean_gap_lib_inst": [1.23, 1.22, 1.0],
                         "share_lib_ahead": [0.51, 0.30, 0.4]})
    return fits, table, robustness, growth.robust_effects(robustness), gaps, config


def test_robustness_statement_names_each_verdict_class():
    frame = _robustness(lib_ahead=-2.0)
    frame.loc[(frame["spec"] == "lag_2") & (frame["term"] == "lib_ahead_l1"), "coef"] = 1.0  # a sign change
    text = chapter.robustness_statement(growth.robust_effects(frame), 0.05, 0.75)
    assert text.startswith("**Robust**: log(1 + inflation) (-, p < 0.05 in 6 of 6, same sign in 6); War year")
    assert ("**Not robust**: EBRD average (+, p < 0.05 in 2 of 6, same sign in 3; opposite sign: non cis; carried forward; "
            "later years pooled)") in text
    assert "Liberalization ahead of institutions (dummy) (-, p < 0.05 in 5 of 6, same sign in 5; opposite sign: lag 2)" in text
    assert text.endswith("Rule: robust = the baseline's sign in every specification and p < 0.05 in at least 75% of them.")


def test_headline_rows(results):
    rows = chapter.headline_rows(*results)
    assert all(set(row) == {"key", "value", "unit", "description"} for row in rows)
    values = {row["key"]: row["value"] for row in rows}
    assert len(values) == len(rows)  # no key twice
    assert values["seq_lib_ahead_coef"] == -2.0 and values["seq_lib_ahead_pvalue"] == 0.01
    assert values["fe_reform_se"] == 0.5 and values["fe_n_countries"] == 29 and values["fe_last_year"] == 2006
    assert values["n_robustness_specs"] == 6 and values["share_specs_reform_positive"] == pytest.approx(3 / 6)
    assert values["share_specs_reform_positive_significant"] == pytest.approx(2 / 6)
    assert values["robust_war"] == 1.0 and values["robust_reform_ebrd_average"] == 0.0
    assert values["cis_only_reform_coef"] == pytest.approx(0.2) and values["later_years_pooled_lib_ahead_coef"] == -2.0
    assert values["cis_share_lib_ahead"] == 0.51 and "see_share_lib_ahead" not in values
    assert values["fe_war_coef"] == 1.5 and values["cumulative_reform_coef"] == 1.5
    descriptions = {row["key"]: row["description"] for row in rows}
    assert "liberalization >= 3 while institutions < 3" in descriptions["seq_lib_ahead_coef"]
    # its interval: t with clusters - 1 = 28 degrees of freedom, as the p-value
    half = stats.t.ppf(0.95, 28) * 0.5
    assert values["seq_lib_ahead_coef_low"] == pytest.approx(-2.0 - half) and values["seq_lib_ahead_coef_high"] == pytest.approx(-2.0 + half)


def test_findings_text(results):
    text = chapter.findings_text(*results)
    bullets = text.split("\n")
    assert len(bullets) == 8 and all(b.startswith("- **") for b in bullets)
    assert bullets[0].startswith("- **Main model** (country and year fixed effects, 462 country-years, 29 countries, "
                                 "1990-2006, growth: wdi): effect of one EBRD point in year t-1 on annual growth, in "
                                 "percentage points: +1.50 (SE 0.50, p = 0.200; not significant at 0.05).")
    assert "in 51% of CIS country-years and 30% of Central European and Baltic ones" in bullets[3]
    assert "it was more common in the CIS" in bullets[3]
    assert "- **For the claims**: 1 of the two codings of liberalization ahead of institutions is associated" in text
    assert "p = 0.300; not significant at 0.05) (1990-2006; 29 countries; growth: wdi; spec carried_forward)" in bullets[5]
    assert bullets[7].startswith("- **Robustness** (6 specifications; the EBRD average is positive in 50% and "
                                 "positive with p < 0.05 in 33% of them): **Robust**:")


# ---------------------------------------------------------------- figures

def test_figures_carry_their_titles_and_axes(results):
    paths = pd.DataFrame({"broad_group": ["CIS", "CIS", "SEE"], "year": [1990, 1991, 1990],
                          "mean_gap_lib_inst": [1.0, 1.5, 0.5]})
    ax = chapter.plot_gap_paths(paths).axes[0]
    assert ax.get_title() == "Gap between liberalization and market institutions, by group"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["CIS", "SEE"]
    profile = pd.DataFrame({"lag": ["0", "1", "sum 0-1"], "coef": [1.0, 2.0, 3.0], "se": 0.5, "pvalue": 0.1,
                            "low": [0.0, 1.0, 2.0], "high": [2.0, 3.0, 4.0]})
    ax = chapter.plot_lag_profile(profile).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["lag 0", "lag 1", "sum 0-1"]
    fig = chapter.plot_robustness(results[2])
    assert len(fig.axes) == 2 and fig.axes[0].get_title() == "EBRD average\n(main model)"
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][:2] == ["baseline", "lag 2"]
    plt.close("all")


# ---------------------------------------------------------------- the literature's checks

def _check_rows(model, terms_coefs, p):
    return pd.DataFrame([{"model": model, "term": t, "coef": c, "se": 0.5, "pvalue": p, "nobs": 427, "sample": "test"}
                         for t, c in terms_coefs])


def _fit(rows, effects):
    params = rows.set_index("term")["coef"]
    return growth.Fit(params=params, cov=pd.DataFrame(np.eye(len(params)) * 0.25, params.index, params.index), nobs=427,
                      n_countries=26, first_year=1990, last_year=2006, effects=effects, terms=list(params.index))


@pytest.mark.parametrize("p, reform_text, feedback_text", [
    (0.01, "Reform stays significant", "Growth fed back into reform"),
    (0.4, "does not make reform significant", "No sign that growth drove reform"),
])
def test_literature_checks_table_headlines_and_text(p, reform_text, feedback_text):
    initial_rows = _check_rows(INITIAL_MODEL, [("reform_ebrd_average_l1", 1.5), ("resource_rich", 2.5)], p)
    feedback_rows = _check_rows(FEEDBACK_MODEL, [("growth_l1", 0.01), ("reform_ebrd_average_l1", -0.3)], p)
    baseline = _check_rows("pooled_initial", [("reform_ebrd_average_l1", 1.1)], 0.3)
    fits = {"pooled_initial": _fit(baseline, "year")}
    wide = chapter.literature_table(baseline, fits, (_fit(initial_rows, "year"), initial_rows),
                                    (_fit(feedback_rows, "country_year"), feedback_rows))
    assert list(wide.columns) == ["pooled_initial", INITIAL_MODEL, FEEDBACK_MODEL]
    assert "Real GDP growth (t-1)" in wide.index and "Resource-rich (rents at least 10% of GDP)" in wide.index
    rows = {r["key"]: r["value"] for r in chapter.literature_headlines(initial_rows, feedback_rows, growth.Config())}
    assert rows["reform_initial_full_coef"] == 1.5 and rows["growth_feedback_pvalue"] == p
    assert rows["resource_rich_initial_full_coef"] == 2.5 and rows["n_obs_feedback"] == 427
    text = chapter.literature_text(initial_rows, feedback_rows, growth.Config())
    assert reform_text in text and feedback_text in text and "+1.50" in text
