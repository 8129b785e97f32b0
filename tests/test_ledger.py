"""Verdict rules of the claims ledger on constructed headline numbers with known answers."""
from __future__ import annotations

import json

import pytest

from transition.chapters import claims_ledger
from transition.claims import ledger
from transition.claims.ledger import CONTRADICTED, INCONCLUSIVE, MIXED, NO_DATA, PARTLY, SUPPORTED, Headlines


def _h(numbers: dict[str, dict]) -> Headlines:
    return Headlines({nb: {k: {"value": v, "unit": "", "description": ""} for k, v in d.items()}
                      for nb, d in numbers.items()})


def _c1(follow, n=20, everyone=29):
    return _h({"01_reform_sequencing": {
        "n_follow_essay_order_scope_former_ussr": follow, "n_countries_scope_former_ussr": n,
        "n_follow_essay_order_scope_former_ussr_mongolia": follow, "n_countries_scope_former_ussr_mongolia": n + 1,
        "n_follow_essay_order_scope_all": follow, "n_countries_scope_all": everyone, "n_countries": everyone,
        "median_kendall_tau_former_ussr": 0.33, "n_kendall_tau_positive_former_ussr": 14,
        "share_pairs_concordant_former_ussr": 0.7,
        "n_pair_lib_stab_before": 1, "n_pair_lib_stab_tie": 0, "n_pair_lib_stab_after": 0,
        "n_privatization_before_institutions_both_reached": 3, "n_institutions_censored_privatization_reached": 15,
        "n_institutions_before_privatization_both_reached": 0}})


@pytest.mark.parametrize("follow, expected", [(10, SUPPORTED), (15, SUPPORTED), (9, MIXED), (4, MIXED), (3, CONTRADICTED), (0, CONTRADICTED)])
def test_c1_thresholds_on_the_share_of_former_soviet_states_following_the_order(follow, expected):
    assert ledger.judge_c1(_c1(follow), "essay").verdict == expected


def test_c1_evidence_keeps_censored_institutions_apart_and_gives_the_concordance():
    evidence = ledger.judge_c1(_c1(0, n=15), "latest").evidence
    assert evidence[0].startswith("0 of 15 former Soviet states reach the four areas") and "every economy of the study: 0 of 29" in evidence[0]
    assert "median Kendall tau-b 0.33, 14 of 15 agree more than they disagree; 70% of the pairs" in evidence[1]
    assert "before institutions in 3 of the study's economies where both did; in 15 more, institutions never reached it by 2006 (censored, not dated)" in evidence[3]


def _c2(shallowest, rho, p, coef=1.0, p_seq=0.9):
    return _h({
        "01_reform_sequencing": {"median_lib_inst_gap_points_cis": 1.5, "median_lib_inst_gap_points_cee_baltics": 1.0,
                                 "gap_points_cis_vs_cee_baltics_p_value": 0.3},
        "02_output_paths": {"cis_shallowest_trough_index": shallowest, "median_trough_index_cis": 50.0,
                            "median_trough_index_cee_baltics": 80.0, "spearman_gap_vs_trough_rho": -0.9,
                            "spearman_gap_vs_trough_p": 0.001,  # the old gap (liberalizers only) no longer decides
                            "spearman_gap_1990_1995_vs_trough_rho": rho, "spearman_gap_1990_1995_vs_trough_p": p,
                            "spearman_gap_1990_1995_vs_trough_n": 26, "spearman_gap_1990_1995_vs_trough_pc_rho": rho,
                            "spearman_gap_1990_1995_vs_trough_pc_p": p,
                            # the tested association: the slope beside former-USSR and war indicators
                            "ols_gap_1990_1995_trough_index_controlled_slope": rho,
                            "ols_gap_1990_1995_trough_index_controlled_p": p},
        "04_reforms_and_growth": {"seq_lib_ahead_coef": coef, "seq_lib_ahead_pvalue": p_seq,
                                  "seq_lib_ahead_coef_2002": coef, "seq_lib_ahead_pvalue_2002": p_seq}})


def test_c2_as_of_the_essay_reads_the_growth_model_fitted_on_data_to_2002():
    headlines = _c2(82.0, -0.1, 0.70, -2.0, 0.01)  # the model to 2006 finds the mechanism ...
    headlines.by_notebook["04_reforms_and_growth"].update({"seq_lib_ahead_coef_2002": {"value": 1.0},
                                                           "seq_lib_ahead_pvalue_2002": {"value": 0.9}})
    assert ledger.judge_c2(headlines, "latest").verdict == SUPPORTED
    assert ledger.judge_c2(headlines, "essay").verdict == PARTLY  # ... the one on data to 2002 does not: no evidence either way


@pytest.mark.parametrize("shallowest, rho, p, coef, p_seq, expected", [
    (82.0, -0.6, 0.01, 1.0, 0.9, SUPPORTED),      # losses everywhere, gap goes with deeper troughs
    (82.0, -0.1, 0.70, -2.0, 0.01, SUPPORTED),    # ... or liberalization-ahead lowers growth
    (82.0, 0.6, 0.01, 2.0, 0.01, MIXED),          # significant but with the wrong sign
    (82.0, -0.1, 0.70, 1.0, 0.9, PARTLY),         # losses; no evidence either way on the mechanism
    (95.0, -0.1, 0.70, 1.0, 0.9, CONTRADICTED),   # a CIS country stayed within 5% of 1989
])
def test_c2_needs_losses_everywhere_and_the_mechanism(shallowest, rho, p, coef, p_seq, expected):
    assert ledger.judge_c2(_c2(shallowest, rho, p, coef, p_seq), "essay").verdict == expected


def test_c2_evidence_judges_the_controlled_slope_and_reports_the_raw_correlation():
    headlines = _c2(82.0, 0.4, 0.04)
    headlines.by_notebook["02_output_paths"].update({"ols_gap_1990_1995_trough_index_controlled_slope": {"value": -0.2},
                                                     "ols_gap_1990_1995_trough_index_controlled_p": {"value": 0.97}})
    result = ledger.judge_c2(headlines, "latest")
    assert result.verdict == PARTLY  # losses everywhere; the mechanism: no evidence either way
    assert result.evidence[1] == "no evidence either way on the mechanism once initial conditions are held fixed"
    assert "slope -0.20 index points per EBRD point (p = 0.97; the claim needs a negative slope)" in result.evidence[2]
    assert "without controls the rank correlation is 0.40 (p = 0.04)" in result.evidence[3]


def test_c1_counts_the_verdicts_of_every_dating():
    h = _c1(0)
    for dating, follow in zip(ledger.C1_DATINGS, (0, 5, 12)):
        for year in (2002, 2006):
            h.by_notebook["01_reform_sequencing"] |= {f"c1_n_follow_{dating}_{year}": {"value": follow},
                                                      f"c1_expected_own_dates_{dating}_{year}": {"value": 1.0},
                                                      f"c1_p_chance_{dating}_{year}": {"value": 0.5}}
    result = ledger.judge_c1(h, "essay")
    assert result.verdict == CONTRADICTED  # the headline scope's (former Soviet states, one EBRD threshold)
    assert result.evidence[-1] == "verdicts under the 3 datings (the first is the ledger's): 0 supported, 1 mixed, 2 contradicted"
    assert "0, 5, 12 of 29 follow the order by 2002" in result.evidence[-2] and h.missing == []
    assert ledger.c1_verdict(0.5) == SUPPORTED and ledger.c1_verdict(0.19) == CONTRADICTED


def _c3(gap_essay, gap_latest, share=0.8, beyond=(2.0, 0.01), within=(1.0, 0.5)):
    """Notebook 05's headlines for C3: the rich-minus-poor difference (estimate, low, high) as of the essay
    (real GDP index 2000) and latest (per capita 2022); governance's share, its test beside a former-USSR
    indicator (coefficient, p) and among the CIS states (slope, p), the same for every outcome."""
    n05 = {"eastern_europe_definition": "ce_see", "bootstrap_level": 0.9, "bootstrap_draws": 2000}
    for outcome, gap in (("gdp_index_2000", gap_essay), ("gdppc_index_2022", gap_latest), ("gdp_index_2024", gap_latest)):
        key = f"difference_{outcome}_rich_cis_vs_poor_east"
        n05 |= {key: gap[0], f"{key}_low": gap[1], f"{key}_high": gap[2],
                f"median_{outcome}_resource_rich_cis": 100 + gap[0], f"median_{outcome}_resource_poor_east": 100}
    for outcome in ("gdp_index_2000", "growth_1990_2000", "gdppc_index_2022"):
        n05 |= {f"shapley_share_governance_{outcome}": share, f"governance_explains_more_{outcome}": int(share > 0.5),
                f"governance_beyond_fsu_coef_{outcome}": beyond[0], f"governance_beyond_fsu_p_{outcome}": beyond[1],
                f"governance_within_cis_slope_{outcome}": within[0], f"governance_within_cis_p_{outcome}": within[1]}
    n05 |= {"shapley_share_governance_gdp_index_2000_low": 0.6, "shapley_share_governance_gdp_index_2000_high": 0.9}
    return _h({"05_resources_vs_governance": n05})


BELOW, SPANS, ABOVE = (-30.0, -40.0, -2.0), (-13.0, -110.0, 50.0), (20.0, 5.0, 40.0)


def test_c3_gap_is_judged_by_the_interval_of_the_difference():
    assert ledger.judge_c3(_c3(BELOW, BELOW), "essay").verdict == SUPPORTED
    assert ledger.judge_c3(_c3(ABOVE, BELOW), "essay").verdict == MIXED         # no gap, governance holds
    assert ledger.judge_c3(_c3(SPANS, SPANS), "latest").verdict == PARTLY       # gap cannot be told, governance holds
    assert ledger.judge_c3(_c3(BELOW, BELOW), "latest").evidence[0].startswith("judged per capita in the latest year")


def test_c3_governance_must_add_to_a_former_ussr_indicator():
    confounded = _c3(BELOW, SPANS, beyond=(2.0, 0.4))   # explains more, but adds nothing significant to the indicator
    assert ledger.judge_c3(confounded, "essay").verdict == PARTLY
    assert any("cannot tell governance from the rest of the Soviet past" in e for e in ledger.judge_c3(confounded, "essay").evidence)
    assert ledger.judge_c3(confounded, "latest").verdict == INCONCLUSIVE     # neither part can be told
    wrong_within = _c3(BELOW, SPANS, within=(-100.0, 0.03))  # among the CIS, better governance, worse outcomes
    assert ledger.judge_c3(wrong_within, "latest").verdict == CONTRADICTED
    assert ledger.judge_c3(_c3(BELOW, BELOW, share=0.4), "essay").verdict == MIXED  # resources explain more


def test_c3_cites_bootstrap_intervals_and_the_ledger_writes_them():
    essay = ledger.judge_c3(_c3(BELOW, BELOW), "essay")
    assert essay.intervals == ["90% bootstrap interval (2000 resamples of countries) of governance's Shapley share, "
                               "real GDP index 2000: [0.60, 0.90]"]
    assert any("-30.0 (90% interval [-40.0, -2.0]; 70.0 vs 100.0)" in e for e in essay.evidence)
    table = ledger.build_ledger(_c3(BELOW, BELOW))
    assert {"intervals_asof_essay", "intervals_latest"} <= set(table.columns)
    assert table.set_index("claim_id").loc["C3", "intervals_asof_essay"].startswith("90% bootstrap")
    assert table.set_index("claim_id").loc["C1", "intervals_latest"].startswith("90% Clopper-Pearson")  # every claim has one


def test_missing_headlines_are_recorded_not_hidden():
    h = _h({})
    assert ledger.judge_c8(h, "essay").verdict == NO_DATA  # a missing number is no data, never a verdict
    assert "07_integration:n_blocs_cis_2002" in h.missing


def test_c9_latest_judges_only_what_can_be_measured():
    numbers = {"rus_share_eaeu_latest_pct": 85.0, "kaz_share_eaeu_latest_pct": 10.0,
               "ebrd_average_2006_median_eurasec_2002": 3.0, "ebrd_average_2006_median_cis_outside_eurasec_2002": 2.9}
    assert ledger.judge_c9(_h({"07_integration": numbers}), "latest").verdict == PARTLY  # the lead has no interval


def test_untestable_claims_say_why():
    result = ledger.build_ledger(_h({}))
    c10 = result.set_index("claim_id").loc["C10"]
    assert c10["verdict_asof_essay"] == NO_DATA and "recommendation" in c10["evidence"]


def _c4(fall, share):
    return _h({"08_trade_partners": {"cis_median_fall_to_2002_pp": fall, "cis_median_share_fsu_2002_pct": share,
                                     "cis_count_fell_to_2002": 9, "cis_count": 12}})


@pytest.mark.parametrize("fall, share, expected", [
    (15.9, 41.1, SUPPORTED),      # fell by more than 10 points and still a fifth of trade
    (5.0, 41.1, MIXED),           # no break: the share hardly fell
    (45.0, 10.0, MIXED),          # ties broke and were not rebuilt
    (5.0, 10.0, CONTRADICTED),
])
def test_c4_fall_and_remaining_share(fall, share, expected):
    assert ledger.judge_c4(_c4(fall, share), "essay").verdict == expected


def test_the_real_ledger_has_ten_claims_and_no_missing_numbers():
    headlines = ledger.load_headlines()
    table = ledger.build_ledger(headlines)
    assert table["claim_id"].tolist() == [f"C{i}" for i in range(1, 11)]
    assert set(table["verdict_asof_essay"]) | set(table["verdict_latest"]) <= set(ledger.VERDICTS)
    assert headlines.missing == []


def test_russian_ledger_leaves_nothing_untranslated():
    from transition.present import labels

    labels._MISSING.clear()
    table = ledger.build_ledger(ledger.load_headlines(), lang="ru")
    claims_ledger.verdicts_markdown(table, "ru")
    claims_ledger.evidence_markdown(table, "ru")
    claims_ledger.rules_markdown("ru")
    claims_ledger.glued_numbers(table, "ru")
    assert labels.missing() == []
    assert table.loc[0, "claim"].startswith("Все новые государства")


def test_headline_files_of_the_ledger_itself_are_not_read(tmp_path):
    (tmp_path / "00_claims_ledger.json").write_text(json.dumps({"x": {"value": 1, "unit": "", "description": ""}}))
    (tmp_path / "01_reform_sequencing.untranslated.json").write_text("[]")
    assert ledger.load_headlines(tmp_path).by_notebook == {}


def test_a_named_run_without_a_multiverse_reads_the_multiverse_of_results(tmp_path):
    """The Russian edition's ledger (results_dir = runs/ru, no multiverse there) shows each verdict's robustness
    from results/, as notebook 09 does; a folder with its own multiverse keeps it."""
    from transition.claims import ledger as ledger_module
    from transition.paths import RESULTS_DIR

    assert ledger_module.multiverse_folder(tmp_path) == RESULTS_DIR
    (tmp_path / "multiverse_summary.csv").write_text("claim\n", encoding="utf-8")
    assert ledger_module.multiverse_folder(tmp_path) == tmp_path
