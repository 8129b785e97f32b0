"""evaluate(claim, spec, panel): the default specification reproduces the ledger; the fast paths and the
per-process memo change no number."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import requires_mirror

from transition.analysis import resources, sequencing
from transition.claims import evaluate, spaces
from transition.claims.ledger import judge_c1, judge_c2, judge_c3
from transition.data import derived
from transition.data.vocabulary import ESSAY_YEAR
from transition.paths import RESULTS_DIR


@pytest.fixture(scope="module")
def ledger():
    return pd.read_csv(RESULTS_DIR / "claims.csv").set_index("claim_id")


@pytest.mark.parametrize("claim", ["C1", "C2", "C3"])
def test_the_default_specification_reproduces_the_ledger(claim, ledger, real_panel):
    space = spaces.SPACES[claim]
    latest = evaluate.evaluate(claim, space.default(), real_panel)
    essay = evaluate.evaluate(claim, space.spec(as_of=ESSAY_YEAR), real_panel)
    assert latest["verdict"] == ledger.loc[claim, "verdict_latest"]
    assert essay["verdict"] == ledger.loc[claim, "verdict_asof_essay"]


def test_the_default_verdicts(real_panel):
    """C1 contradicted/contradicted, C2 mixed/mixed, C3 supported as of 2002 and contradicted with the latest data."""
    expected = {"C1": ("contradicted", "contradicted"), "C2": ("mixed", "mixed"), "C3": ("supported", "contradicted")}
    for claim, (essay, latest) in expected.items():
        space = spaces.SPACES[claim]
        assert evaluate.evaluate(claim, space.spec(as_of=ESSAY_YEAR), real_panel)["verdict"] == essay, claim
        assert evaluate.evaluate(claim, space.default(), real_panel)["verdict"] == latest, claim


def test_the_memo_changes_no_result(real_panel):
    """A specification evaluated cold (empty memo) and after others (memo warm) gives the same numbers."""
    space = spaces.SPACES["C1"]
    specs = [space.spec(inflation_threshold=25.0, dating="own_range"), space.spec(as_of=ESSAY_YEAR, ties="strict")]
    warm = [evaluate.evaluate("C1", spec, real_panel) for spec in specs]
    evaluate._MEMO.clear()
    cold = [evaluate.evaluate("C1", spec, real_panel) for spec in reversed(specs)][::-1]
    assert warm == cold


def test_memo_keys_tell_panels_apart(real_panel):
    """Two different tables never share memoized sub-results."""
    spec = spaces.SPACES["C1"].default()
    full = evaluate.evaluate("C1", spec, real_panel)
    cut = evaluate.evaluate("C1", spec, real_panel[real_panel["year"] <= ESSAY_YEAR])
    essay = evaluate.evaluate("C1", spaces.SPACES["C1"].spec(as_of=ESSAY_YEAR), real_panel)
    assert (cut["n"], cut["n_follow"]) == (essay["n"], essay["n_follow"])
    assert evaluate.evaluate("C1", spec, real_panel) == full


def test_timing_by_parts_equals_the_whole(real_panel):
    """reform_timing of some areas, with the inflation table passed in, gives the rows of the full call."""
    whole = sequencing.reform_timing(real_panel, dating="own_range", never_high="first_year")
    ebrd = sequencing.reform_timing(real_panel, dating="own_range", areas=("liberalization", "institutions",
                                                                            "privatization"))
    stab = sequencing.reform_timing(real_panel, never_high="first_year", areas=("stabilization",),
                                    rates=derived.inflation(real_panel))
    pd.testing.assert_frame_equal(evaluate._join_timing(ebrd, stab), whole)


def test_cross_section_with_precomputed_parts_is_the_same(real_panel):
    options = {"resource_names": ["rents"], "governance_names": ["freedom_house"], "index_method": "pc1",
               "eastern_europe_with_see": True}
    plain = resources.cross_section(real_panel, **options)
    table = resources.outcomes(real_panel)
    years = sorted({resources.outcome_start_year(name, resources.BASE_YEAR) for name in table.columns})
    shared = resources.cross_section(
        real_panel, **options,
        resource_table=resources.resource_measures(real_panel, *resources.RESOURCE_PERIOD),
        governance_table=resources.governance_measures(real_panel, *resources.GOVERNANCE_PERIOD),
        outcome_table=table, log_incomes={year: resources.log_income(real_panel, year) for year in years})
    pd.testing.assert_frame_equal(shared, plain)


def test_joint_shapley_is_run_models_verdict(real_panel):
    cross = resources.cross_section(real_panel)
    outcomes = [c for c in cross.columns if c.startswith(("gdp_index_", "growth_"))]
    full = resources.verdicts(*resources.run_models(cross, outcomes))
    fast = resources.joint_shapley(cross, outcomes)
    for column in ("shapley_resources", "shapley_governance", "governance_explains_more", "nobs"):
        assert fast[column].tolist() == full[column].tolist(), column
    np.testing.assert_allclose(fast["r2_joint"], full["r2_joint"], rtol=0, atol=1e-12)


@requires_mirror
@pytest.mark.parametrize("claim", ["C1", "C2", "C3"])
def test_deleting_every_observation_after_2002_changes_no_as_of_2002_verdict(real_panel, claim):
    space = spaces.SPACES[claim]
    cut = real_panel[real_panel["year"] <= 2002].copy()
    for spec in [space.spec(as_of=2002), *list(s for s in space.specs() if s.get("as_of") == 2002)[1:4]]:
        assert evaluate.evaluate(claim, spec, real_panel)["verdict"] == evaluate.evaluate(claim, spec, cut)["verdict"]


# ---- a missing number is an error, never a NaN that passes (issue 21, item 6) ----------------------------
def test_the_essay_columns_c2_rule_reads_the_regression_fitted_to_2002(real_panel):
    """As of the essay the rule reads seq_lib_ahead_coef_2002: the multiverse supplies it under that key."""
    essay = evaluate.numbers_c2(spaces.SPACES["C2"].spec(as_of=ESSAY_YEAR), real_panel)["04_reforms_and_growth"]
    latest = evaluate.numbers_c2(spaces.SPACES["C2"].default(), real_panel)["04_reforms_and_growth"]
    assert set(essay) == {"seq_lib_ahead_coef_2002", "seq_lib_ahead_pvalue_2002"}
    assert set(latest) == {"seq_lib_ahead_coef", "seq_lib_ahead_pvalue"}
    assert np.isfinite(essay["seq_lib_ahead_coef_2002"]) and essay["seq_lib_ahead_coef_2002"] != latest["seq_lib_ahead_coef"]


def test_a_number_the_rule_needs_and_lacks_is_an_error(real_panel):
    spec = spaces.SPACES["C2"].spec(as_of=ESSAY_YEAR)
    numbers = evaluate.numbers_c2(spec, real_panel)
    old = {"02_output_paths": numbers["02_output_paths"],  # the regression under the latest data's keys (the bug)
           "04_reforms_and_growth": {"seq_lib_ahead_coef": 0.76, "seq_lib_ahead_pvalue": 0.75}}
    with pytest.raises(evaluate.MissingNumber, match="seq_lib_ahead_coef_2002"):
        evaluate._judge(judge_c2, old, "essay", evaluate.c2_evidence(spec))
    with pytest.raises(evaluate.MissingNumber, match="n_follow_essay_order_all"):
        evaluate._judge(judge_c1, {"01_reform_sequencing": {"n_countries": 29}}, "latest", evaluate.C1_EVIDENCE)


_PROBES = (-1e9, -1.0, 0.0, 0.5, 1.0, 100.0, 1e9)


@pytest.mark.parametrize("claim", ["C1", "C2", "C3"])
def test_the_numbers_left_to_the_evidence_never_change_a_verdict(claim, real_panel):
    """Every number the rule asks for and the multiverse does not supply (its evidence sentences only) is
    set to each of several values, one at a time and all together: the verdict stays."""
    space = spaces.SPACES[claim]
    rule = {"C1": judge_c1, "C2": judge_c2, "C3": judge_c3}[claim]
    for spec in (space.default(), space.spec(as_of=ESSAY_YEAR), *list(space.specs())[1:60:20]):
        numbers = {"C1": evaluate.numbers_c1, "C2": evaluate.numbers_c2, "C3": evaluate.numbers_c3}[claim](spec, real_panel)
        extra = {}
        if claim == "C2":
            extra = {"loss_index": spec.get("loss_index"), "mechanism_gap": spec.get("mechanism_gap").replace("gap_points_", "gap_"),
                     "per_capita": spec.get("output") == "per_capita"}
        evidence = {"C1": evaluate.C1_EVIDENCE, "C3": evaluate.C3_EVIDENCE}.get(claim) or evaluate.c2_evidence(spec)
        when = "essay" if spec.get("as_of") == ESSAY_YEAR else "latest"
        recorder = evaluate.StrictHeadlines({nb: {k: {"value": v} for k, v in values.items()} for nb, values in numbers.items()})
        verdict = rule(recorder, when, **extra).verdict
        assert evaluate._judge(rule, numbers, when, evidence, **extra) == verdict
        asked = sorted(set(recorder.missing))
        assert asked, "the rule cites numbers the multiverse does not compute"
        for probe in _PROBES:
            for chosen in [*([name] for name in asked), asked]:
                filled = {nb: dict(values) for nb, values in numbers.items()}
                for name in chosen:
                    notebook, key = name.split(":", 1)
                    filled.setdefault(notebook, {})[key] = probe
                assert evaluate._judge(rule, filled, when, evidence, **extra) == verdict, (spec.choices, chosen, probe)


# ---- the fast paths give the pipeline's numbers ---------------------------------------------------------------
def test_c1_counts_are_reform_orders(real_panel):
    """follows_order on the memoized per-country years gives reform_order's count on the joined timing."""
    space = spaces.SPACES["C1"]
    for spec in list(space.specs())[::577]:
        cut = evaluate.as_of(real_panel, spec.get("as_of"))
        sample = evaluate.select_countries(spaces.GROUP_SETS[spec.get("groups")])
        last_year = min(int(cut["year"].max()), sequencing.LAST_EBRD_YEAR)
        timing = sequencing.reform_timing(cut, iso3=sample, last_year=last_year, ebrd_threshold=spec.get("ebrd_threshold"),
                                          dating=spec.get("dating"), inflation_threshold=spec.get("inflation_threshold"),
                                          sustained_years=spec.get("sustained_years"),
                                          stabilization_rule=spec.get("stabilization_rule"), never_high=spec.get("never_high"))
        gap = sequencing.liberalization_institutions_gap(cut, spec.get("ebrd_threshold"), last_year)
        order = sequencing.reform_order(timing, gap[gap["iso3"].isin(sample)], spec.get("ties"))
        result = evaluate.evaluate("C1", spec, real_panel)
        assert (result["n_follow"], result["n"]) == (int(order["follows_essay_order"].sum()), len(order)), spec.choices


def test_c2_paths_by_parts_are_output_paths(real_panel):
    from transition.analysis import loss_mechanism, output
    from transition.data.vocabulary import study_iso3

    for spec in (spaces.SPACES["C2"].default(), spaces.SPACES["C2"].spec(gdp_source="maddison", base_year=1990, horizon=20)):
        source, base_year, horizon = spec.get("gdp_source"), spec.get("base_year"), spec.get("horizon")
        table, indices, _skipped = output.output_paths(real_panel, [source], base_year, spaces.SPLICE_DONOR[source],
                                                       horizon, iso3=study_iso3())
        main = output.source_rows(table, source)
        frame = loss_mechanism.mechanism_frame(output.gap_frame(main, real_panel), indices[indices["source"] == source],
                                               real_panel, base_year, horizon)
        fast_main, fast_frame = evaluate.c2_paths(spec, real_panel)
        pd.testing.assert_frame_equal(fast_main, main)
        pd.testing.assert_frame_equal(fast_frame, frame)


def test_c3_numbers_by_parts_are_the_full_cross_sections(real_panel):
    space = spaces.SPACES["C3"]
    for spec in (space.default(), space.spec(governance_measures="wgi", index_method="pc1", rich_rents_threshold=5.0,
                                             eastern_europe_with_see=True, gdp_source="pwt"), space.spec(as_of=ESSAY_YEAR)):
        essay = spec.get("as_of") == ESSAY_YEAR
        cut = evaluate.as_of(real_panel, spec.get("as_of"))
        cross = resources.cross_section(
            cut, gdp_source=spec.get("gdp_source"),
            level_years=[spaces.C3_ESSAY_LEVEL] if essay else evaluate.c3_level_years(spec.get("gdp_source")),
            growth_breaks=list(spaces.C3_ESSAY_GROWTH) if essay else evaluate.c3_growth_breaks(spec.get("gdp_source")),
            resource_names=spaces.RESOURCE_SETS[spec.get("resource_measures")],
            governance_names=spaces.GOVERNANCE_SETS[spec.get("governance_measures")],
            index_method=spec.get("index_method"), rich_rents_threshold=spec.get("rich_rents_threshold"),
            eastern_europe_with_see=spec.get("eastern_europe_with_see"))
        outcomes = evaluate.c3_outcomes(cross)
        shapley = resources.joint_shapley(cross, outcomes)
        groups = resources.group_comparison(cross, outcomes, test=False).set_index("outcome")
        own = evaluate.numbers_c3(spec, real_panel)["05_resources_vs_governance"]
        for outcome in outcomes:
            assert own[f"shapley_share_governance_{outcome}"] == pytest.approx(
                shapley.loc[outcome, "shapley_governance"] / shapley.loc[outcome, "r2_joint"], abs=1e-12)
            assert own[f"median_{outcome}_resource_rich_cis"] == groups.loc[outcome, "median_rich_cis"]
            assert own[f"median_{outcome}_resource_poor_cee"] == groups.loc[outcome, "median_poor_cee"]


def test_the_memo_holds_one_panel_at_a_time(real_panel):
    spec = spaces.SPACES["C1"].default()
    other = real_panel.copy()
    evaluate.evaluate("C1", spec, real_panel)
    evaluate.evaluate("C1", spec, other)
    assert not any(isinstance(key, tuple) and id(real_panel) in key for key in evaluate._MEMO)
    assert evaluate._MEMO["current-panel"][0] is other
