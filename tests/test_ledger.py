"""Verdict rules of the claims ledger on constructed headline numbers with known answers."""
from __future__ import annotations

import json

import pytest

from transition.chapters import claims_ledger
from transition.claims import ledger
from transition.claims.ledger import CONTRADICTED, MIXED, SUPPORTED, UNTESTABLE, Headlines


def _h(numbers: dict[str, dict]) -> Headlines:
    return Headlines({nb: {k: {"value": v, "unit": "", "description": ""} for k, v in d.items()}
                      for nb, d in numbers.items()})


def _c1(follow_2002, follow_all, n=20):
    return _h({"01_reform_sequencing": {
        "n_follow_essay_order_as_of_2002": follow_2002, "n_follow_essay_order_all": follow_all, "n_countries": n,
        "n_pair_lib_stab_before": 1, "n_pair_lib_stab_tie": 0, "n_pair_lib_stab_after": 0,
        "n_privatization_before_institutions": 3}})


@pytest.mark.parametrize("follow, expected", [(10, SUPPORTED), (15, SUPPORTED), (9, MIXED), (4, MIXED), (3, CONTRADICTED), (0, CONTRADICTED)])
def test_c1_thresholds_on_the_share_following_the_order(follow, expected):
    assert ledger.judge_c1(_c1(follow, follow), "essay").verdict == expected


def test_c1_reads_the_as_of_2002_count_for_the_essay_and_the_full_count_for_latest():
    h = _c1(follow_2002=12, follow_all=1)
    assert ledger.judge_c1(h, "essay").verdict == SUPPORTED
    assert ledger.judge_c1(h, "latest").verdict == CONTRADICTED


def _c2(shallowest, rho, p, coef=1.0, p_seq=0.9):
    return _h({
        "01_reform_sequencing": {"median_lib_inst_gap_points_cis": 1.5, "median_lib_inst_gap_points_cee_baltics": 1.0,
                                 "gap_points_cis_vs_cee_baltics_p_value": 0.3},
        "02_output_paths": {"cis_shallowest_trough_index": shallowest, "median_trough_index_cis": 50.0,
                            "median_trough_index_cee_baltics": 80.0, "spearman_gap_vs_trough_rho": -0.9,
                            "spearman_gap_vs_trough_p": 0.001,  # the old gap (liberalizers only) no longer decides
                            "spearman_gap_1990_1995_vs_trough_rho": rho, "spearman_gap_1990_1995_vs_trough_p": p,
                            "spearman_gap_1990_1995_vs_trough_n": 26, "spearman_gap_1990_1995_vs_trough_pc_rho": rho,
                            "spearman_gap_1990_1995_vs_trough_pc_p": p},
        "04_reforms_and_growth": {"seq_lib_ahead_coef": coef, "seq_lib_ahead_pvalue": p_seq,
                                  "seq_lib_ahead_coef_2002": coef, "seq_lib_ahead_pvalue_2002": p_seq}})


def test_c2_as_of_the_essay_reads_the_growth_model_fitted_on_data_to_2002():
    headlines = _c2(82.0, -0.1, 0.70, -2.0, 0.01)  # the model to 2006 finds the mechanism ...
    headlines.by_notebook["04_reforms_and_growth"].update({"seq_lib_ahead_coef_2002": {"value": 1.0},
                                                           "seq_lib_ahead_pvalue_2002": {"value": 0.9}})
    assert ledger.judge_c2(headlines, "latest").verdict == SUPPORTED
    assert ledger.judge_c2(headlines, "essay").verdict == MIXED  # ... the one on data to 2002 does not


@pytest.mark.parametrize("shallowest, rho, p, coef, p_seq, expected", [
    (82.0, -0.6, 0.01, 1.0, 0.9, SUPPORTED),      # losses everywhere, gap goes with deeper troughs
    (82.0, -0.1, 0.70, -2.0, 0.01, SUPPORTED),    # ... or liberalization-ahead lowers growth
    (82.0, 0.6, 0.01, 2.0, 0.01, MIXED),          # significant but with the wrong sign
    (82.0, -0.1, 0.70, 1.0, 0.9, MIXED),          # losses, no mechanism
    (95.0, -0.1, 0.70, 1.0, 0.9, CONTRADICTED),   # a CIS country stayed within 5% of 1989
])
def test_c2_needs_losses_everywhere_and_the_mechanism(shallowest, rho, p, coef, p_seq, expected):
    assert ledger.judge_c2(_c2(shallowest, rho, p, coef, p_seq), "essay").verdict == expected


def test_c2_evidence_names_the_every_country_gap_and_the_old_one_beside_it():
    *_, evidence, old_gap = ledger.judge_c2(_c2(82.0, 0.4, 0.04), "latest").evidence
    assert "tested on every country (26, the non-liberalizers included)" in evidence
    assert "rho = 0.40 (p = 0.04; the claim needs a negative rho)" in evidence and "rho = -0.90 (p = 0.00)" in old_gap
    # as of the essay the old gap, dated with the years observed since, is not cited
    assert not any("old gap" in line for line in ledger.judge_c2(_c2(82.0, 0.4, 0.04), "essay").evidence)


def test_c1_counts_the_verdicts_of_every_dating():
    h = _c1(follow_2002=0, follow_all=0)
    for dating, follow in zip(ledger.C1_DATINGS, (0, 5, 12)):
        for year in (2002, 2006):
            h.by_notebook["01_reform_sequencing"] |= {f"c1_n_follow_{dating}_{year}": {"value": follow},
                                                      f"c1_expected_own_dates_{dating}_{year}": {"value": 1.0},
                                                      f"c1_p_chance_{dating}_{year}": {"value": 0.5}}
    result = ledger.judge_c1(h, "essay")
    assert result.verdict == CONTRADICTED  # the first dating's (one EBRD threshold)
    assert result.evidence[-1] == "verdicts under the 3 datings (the first is the ledger's): 1 supported, 1 mixed, 1 contradicted"
    assert "0, 5, 12 countries follow the order by 2002" in result.evidence[-2] and h.missing == []
    assert ledger.c1_verdict(0.5) == SUPPORTED and ledger.c1_verdict(0.19) == CONTRADICTED


def _c3(rich_essay, poor_essay, rich_latest, poor_latest, gov_essay, gov_latest):
    levels = {"gdp_index_2000": (rich_essay, poor_essay), "gdp_index_2007": (300, 100), "gdp_index_2024": (rich_latest, poor_latest)}
    n05 = {key: value for o, (rich, poor) in levels.items()
           for key, value in ((f"median_{o}_resource_rich_cis", rich), (f"median_{o}_resource_poor_cee", poor))}
    n05.update({"governance_explains_more_gdp_index_2000": gov_essay, "governance_explains_more_growth_1990_2000": gov_essay,
                "governance_explains_more_gdp_index_2007": 1 - gov_latest,  # after the essay, not the latest: ignored
                "governance_explains_more_gdp_index_2024": gov_latest,
                "governance_explains_more_growth_2000_2019": 1 - gov_latest,  # a different question: ignored
                "bootstrap_level": 0.9, "bootstrap_draws": 2000,
                "median_gdp_index_2000_resource_rich_cis_low": rich_essay - 10, "median_gdp_index_2000_resource_rich_cis_high": rich_essay + 10})
    return _h({"02_output_paths": {"median_index_2002_cis": 70, "median_index_2002_cee_baltics": 110,
                                   "median_index_latest_cis": 200, "median_index_latest_cee_baltics": 180},
               "05_resources_vs_governance": n05})


def test_c3_essay_gap_then_whether_it_persists_with_the_latest_data():
    h = _c3(70, 110, 200, 180, 1, 0)
    assert ledger.judge_c3(h, "essay").verdict == SUPPORTED  # judged on 2000, the last level year by 2002
    assert ledger.judge_c3(h, "latest").verdict == CONTRADICTED  # rich CIS now above, resources explain more
    assert ledger.judge_c3(_c3(70, 95, 150, 180, 0, 1), "essay").verdict == CONTRADICTED  # CEE not back at 100 either
    assert ledger.judge_c3(_c3(70, 110, 150, 180, 0, 1), "latest").verdict == SUPPORTED  # the gap persists
    assert ledger.judge_c3(_c3(70, 110, 150, 180, 0, 0), "latest").verdict == MIXED
    assert "does not persist" in ledger.judge_c3(h, "latest").evidence[0]


def test_c3_cites_bootstrap_intervals_and_the_ledger_writes_them():
    h = _c3(70, 110, 200, 180, 1, 0)
    essay = ledger.judge_c3(h, "essay")
    assert len(essay.intervals) == 3  # the medians, then governance's share for the level and the growth outcome
    assert "90% bootstrap intervals (2000 resamples of countries)" in essay.intervals[0]
    assert "resource-rich CIS [60.0, 80.0]" in essay.intervals[0]
    table = ledger.build_ledger(h)
    assert {"intervals_asof_essay", "intervals_latest"} <= set(table.columns)
    assert table.set_index("claim_id").loc["C3", "intervals_asof_essay"].startswith("90% bootstrap")
    assert table.set_index("claim_id").loc["C1", "intervals_latest"].startswith("90% Clopper-Pearson")  # every claim has one


def test_missing_headlines_are_recorded_not_hidden():
    h = _h({})
    assert ledger.judge_c8(h, "essay").verdict == CONTRADICTED
    assert "07_integration:n_blocs_cis_2002" in h.missing


def test_c9_latest_judges_only_what_can_be_measured():
    numbers = {"rus_share_eaeu_latest_pct": 85.0, "kaz_share_eaeu_latest_pct": 10.0,
               "ebrd_average_2006_median_eurasec_2002": 3.0, "ebrd_average_2006_median_cis_outside_eurasec_2002": 2.9}
    assert ledger.judge_c9(_h({"07_integration": numbers}), "latest").verdict == MIXED


def test_untestable_claims_say_why():
    result = ledger.build_ledger(_h({}))
    c10 = result.set_index("claim_id").loc["C10"]
    assert c10["verdict_asof_essay"] == UNTESTABLE and "recommendation" in c10["evidence"]


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
    claims_ledger.ledger_markdown(table, "ru")
    ledger.thresholds_markdown("ru")
    claims_ledger.summary_text(table, "ru")
    assert labels.missing() == []
    assert table.loc[0, "claim"].startswith("Все новые государства")


def test_headline_files_of_the_ledger_itself_are_not_read(tmp_path):
    (tmp_path / "00_claims_ledger.json").write_text(json.dumps({"x": {"value": 1, "unit": "", "description": ""}}))
    (tmp_path / "01_reform_sequencing.untranslated.json").write_text("[]")
    assert ledger.load_headlines(tmp_path).by_notebook == {}
