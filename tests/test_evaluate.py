"""evaluate(claim, spec, panel): the default specification reproduces the ledger; the fast paths and the
per-process memo change no number."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import requires_mirror

from transition.analysis import resources, sequencing
from transition.claims import evaluate, spaces
from transition.claims import space as spaces_module
from transition.claims.ledger import judge_c2
from transition.data import derived
from transition.data.vocabulary import ESSAY_YEAR
from transition.paths import RESULTS_DIR


@pytest.fixture(scope="module")
def ledger():
    return pd.read_csv(RESULTS_DIR / "claims.csv").set_index("claim_id")


@pytest.mark.parametrize("claim", sorted(evaluate.CLAIMS, key=lambda c: int(c[1:])))
def test_the_default_specification_reproduces_the_ledger(claim, ledger, real_panel):
    space = spaces.SPACES[claim]
    latest = evaluate.evaluate(claim, space.default(), real_panel)
    essay = evaluate.evaluate(claim, space.spec(as_of=ESSAY_YEAR), real_panel)
    assert latest["verdict"] == ledger.loc[claim, "verdict_latest"]
    assert essay["verdict"] == ledger.loc[claim, "verdict_asof_essay"]


def test_the_default_verdicts(real_panel):
    """The ledger's verdicts, as the multiverse's default specifications give them: C1 contradicted in both columns;
    C2 supported in part (every CIS trough deep; no evidence either way on the mechanism once initial conditions are
    held fixed); C3 supported in part as of 2002 (the gap holds; governance cannot be told from the Soviet past) and
    contradicted with the latest data (among the CIS, better governance goes with lower income); C8 supported; C9
    supported in part (the cores dominate; the reform lead's interval spans one EBRD step); C10 too early, then
    supported."""
    expected = {"C1": ("contradicted", "contradicted"), "C2": ("supported in part", "supported in part"),
                "C3": ("supported in part", "contradicted"), "C8": ("supported", "supported"),
                "C9": ("supported in part", "supported in part"), "C10": ("too early", "supported")}
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
               "eastern_europe": "ce_baltics_see"}
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


def test_c9_refuses_a_membership_not_yet_observed():
    with pytest.raises(spaces_module.SpecOutsideSpace, match="EAEU membership of 2015 is not observed as of 2002"):
        spaces.SPACES["C9"].spec(membership="eaeu_2015", as_of=ESSAY_YEAR)


def test_c10_choices_move_the_median(real_panel):
    space = spaces.SPACES["C10"]
    complete = evaluate.evaluate("C10", space.default(), real_panel)
    first = evaluate.evaluate("C10", space.spec(agreements="first_list"), real_panel)
    founders = evaluate.evaluate("C10", space.spec(working="founders"), real_panel)
    assert (complete["n_steps"], first["n_steps"]) == (6, 3) and first["estimate"] < complete["estimate"]
    assert founders["estimate"] >= complete["estimate"]  # all founders in force no earlier than the first member
    # as of the essay the median waited is at least 8.0 years: "too early" for a decade, already "long" for 7
    assert evaluate.evaluate("C10", space.spec(as_of=ESSAY_YEAR), real_panel)["verdict"] == "too early"
    assert evaluate.evaluate("C10", space.spec(as_of=ESSAY_YEAR, long_years=7.0), real_panel)["verdict"] == "supported"


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
    del old["02_output_paths"]["cis_shallowest_trough_index"]
    with pytest.raises(evaluate.MissingNumber, match="cis_shallowest_trough_index"):
        evaluate._judge(judge_c2, old, "latest", evaluate.c2_evidence(spec))


_PROBES = (-1e9, -1.0, 0.0, 0.5, 1.0, 100.0, 1e9)


def test_the_numbers_left_to_the_evidence_never_change_a_verdict(real_panel):
    """Every number C2's rule asks for and the multiverse does not supply (its evidence sentences only) is
    set to each of several values, one at a time and all together: the verdict stays."""
    space = spaces.SPACES["C2"]
    for spec in (space.default(), space.spec(as_of=ESSAY_YEAR), space.spec(output="per_capita"),
                 *list(space.specs())[1:60:20]):
        numbers = evaluate.numbers_c2(spec, real_panel)
        extra = {"loss_index": spec.get("loss_index"), "mechanism_gap": spec.get("mechanism_gap").replace("gap_points_", "gap_"),
                 "per_capita": spec.get("output") == "per_capita"}
        when = "essay" if spec.get("as_of") == ESSAY_YEAR else "latest"
        recorder = evaluate.StrictHeadlines({nb: {k: {"value": v} for k, v in values.items()} for nb, values in numbers.items()})
        verdict = judge_c2(recorder, when, **extra).verdict
        assert evaluate._judge(judge_c2, numbers, when, evaluate.c2_evidence(spec), **extra) == verdict
        asked = sorted(set(recorder.missing))
        assert asked, "the rule cites numbers the multiverse does not compute"
        for probe in _PROBES:
            for chosen in [*([name] for name in asked), asked]:
                filled = {nb: dict(values) for nb, values in numbers.items()}
                for name in chosen:
                    notebook, key = name.split(":", 1)
                    filled.setdefault(notebook, {})[key] = probe
                assert evaluate._judge(judge_c2, filled, when, evaluate.c2_evidence(spec), **extra) == verdict, \
                    (spec.choices, chosen, probe)


# ---- the fast paths give the pipeline's numbers ---------------------------------------------------------------
def test_c1_counts_are_reform_orders(real_panel):
    """follows_order on the memoized per-country years gives reform_order's count on the joined timing."""
    space = spaces.SPACES["C1"]
    for spec in list(space.specs())[::577]:
        cut = evaluate.as_of(real_panel, spec.get("as_of"))
        sample = spaces.GROUP_SETS[spec.get("groups")]
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
    """The governance tests on the indices' cross-section and the difference on the groups' give the numbers
    of one cross-section built with every choice of the specification."""
    space = spaces.SPACES["C3"]
    for spec in (space.default(), space.spec(governance_measures="wgi", index_method="pc1", rich_rents_threshold=5.0,
                                             eastern_europe="ce_baltics", gdp_source="pwt", output="total"),
                 space.spec(as_of=ESSAY_YEAR, output="per_capita", resource_measures="rents")):
        essay = spec.get("as_of") == ESSAY_YEAR
        cut = evaluate.as_of(real_panel, spec.get("as_of"))
        level_years = [spaces.C3_ESSAY_LEVEL] if essay else evaluate.c3_level_years(spec.get("gdp_source"))
        breaks = list(spaces.C3_ESSAY_GROWTH) if essay else evaluate.c3_growth_breaks(spec.get("gdp_source"))
        cross = resources.cross_section(
            cut, gdp_source=spec.get("gdp_source"), level_years=level_years, growth_breaks=breaks,
            resource_names=spaces.RESOURCE_SETS[spec.get("resource_measures")],
            governance_names=spaces.GOVERNANCE_SETS[spec.get("governance_measures")],
            index_method=spec.get("index_method"), rich_rents_threshold=spec.get("rich_rents_threshold"),
            eastern_europe=spec.get("eastern_europe"))
        per_capita = resources.per_capita_outcomes(cut, resources.BASE_YEAR, level_years, breaks)
        cross = cross.merge(per_capita.reset_index(), on="iso3", how="left")
        gap_outcome, outcomes = evaluate._c3_outcomes(spec, cross, list(per_capita.columns))
        gap = resources.group_intervals(cross, [gap_outcome], spec.get("rich_rents_threshold"),
                                        definitions=[spec.get("eastern_europe")]).iloc[0]
        shapley = resources.joint_shapley(cross, outcomes)
        beyond = resources.governance_beyond_former_ussr(cross, outcomes).set_index("outcome")
        within = resources.governance_within_cis(cross, outcomes).set_index("outcome")
        own = evaluate.numbers_c3(spec, real_panel)
        assert own["gap_outcome"] == gap_outcome and sorted(own["governance"]) == sorted(outcomes)
        for name in ("difference", "difference_low", "difference_high", "median_rich_cis"):
            assert own[name] == pytest.approx(gap[name], abs=1e-12, nan_ok=True), name
        for outcome in outcomes:
            expected = (shapley.loc[outcome, "shapley_governance"] / shapley.loc[outcome, "r2_joint"],
                        beyond.loc[outcome, "coef_governance"], beyond.loc[outcome, "p_governance"],
                        within.loc[outcome, "slope"], within.loc[outcome, "p_slope"])
            assert own["governance"][outcome] == pytest.approx(expected, abs=1e-12, nan_ok=True), outcome


def test_the_memo_holds_one_panel_at_a_time(real_panel):
    spec = spaces.SPACES["C1"].default()
    other = real_panel.copy()
    evaluate.evaluate("C1", spec, real_panel)
    evaluate.evaluate("C1", spec, other)
    assert not any(isinstance(key, tuple) and id(real_panel) in key for key in evaluate._MEMO)
    assert evaluate._MEMO["current-panel"][0] is other
