"""Each claim's verdict for one specification, computed in-process from the panel.

``evaluate(claim, spec, panel)`` cuts the panel at the specification's ``as_of`` year before any
computation, computes the claim's decisive numbers with the same analysis functions the notebooks
call, and hands them, under the notebooks' own headline keys, to the ledger's verdict rule for
that claim (:mod:`transition.claims.ledger`): there is no second implementation of a rule. The
spaces of choices are in :mod:`transition.claims.spaces`.

Examples
--------
>>> from transition.data import panel                                  # doctest: +SKIP
>>> from transition.claims import spaces                               # doctest: +SKIP
>>> evaluate("C1", spaces.SPACES["C1"].default(), panel.load())        # doctest: +SKIP
{'verdict': 'contradicted', 'estimate': 0.0, 'n': 29, 'n_follow': 0}
"""
from __future__ import annotations

import math

import pandas as pd

from transition.analysis import growth, loss_mechanism, output, resources, sequencing
from transition.claims import evaluate_integration, evaluate_trade, ledger, rules, spaces
from transition.claims.space import Spec
from transition.data import derived
from transition.data import panel as panel_module
from transition.data.vocabulary import ESSAY_YEAR, source_years, study_iso3

#: The as-of choice that stands for "with the latest data" (no cut); the cut is the panel's own.
LATEST, as_of = panel_module.LATEST, panel_module.as_of


#: Results shared by many specifications (a worker evaluates thousands): key → value, per process.
_MEMO: dict = {}


def _memo(key: tuple, compute):
    """``compute()`` once per ``key`` in this process (sub-results that only some choices change)."""
    if key not in _MEMO:
        if len(_MEMO) > 4096:  # bound the memory of a long run
            _MEMO.clear()
        _MEMO[key] = compute()
    return _MEMO[key]


def _cut(tidy: pd.DataFrame, when) -> tuple[tuple, pd.DataFrame]:
    """(key, panel as of ``when``): the key names this panel and cut in ``_MEMO`` keys.

    The memo holds ``tidy`` itself beside its id, so the id cannot be reused by another table while
    results computed from it are kept."""
    key = ("panel", id(tidy), when)
    return key, _memo(key, lambda: (tidy, as_of(tidy, when)))[1]


def _when(spec: Spec) -> str:
    """The ledger's name for the as-of choice: "essay" (cut at the essay's year) or "latest"."""
    return "essay" if spec.get("as_of") == ESSAY_YEAR else "latest"


def _judge(rule, numbers: dict[str, dict], when: str, **thresholds) -> str:
    """The ledger's verdict on ``numbers`` (notebook → headline key → value)."""
    headlines = ledger.Headlines({notebook: {key: {"value": value} for key, value in values.items()}
                                  for notebook, values in numbers.items()})
    return rule(headlines, when, **thresholds).verdict


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


# ---- C1: the common scenario -----------------------------------------------------------------------
def _join_timing(areas: pd.DataFrame, stabilization: pd.DataFrame) -> pd.DataFrame:
    """The EBRD areas' rows and the stabilization rows of ``reform_timing``, in its order (country, area)."""
    timing = pd.concat([areas, stabilization])
    return timing.sort_values(["iso3", "area"], key=lambda c: c.map(sequencing.ESSAY_ORDER.index)
                              if c.name == "area" else c).reset_index(drop=True)


def numbers_c1(spec: Spec, tidy: pd.DataFrame) -> dict[str, dict]:
    """Countries that reach the four areas in the essay's order, and the pairwise counts C1's rule cites.

    ``sequencing.reform_timing`` dates the EBRD areas and stabilization in separate rows; the EBRD
    rows depend only on the dating choices and the stabilization rows only on the inflation choices,
    so each half is computed once per combination of its own choices and the two are joined."""
    when, groups = spec.get("as_of"), spec.get("groups")
    panel_key, cut = _cut(tidy, when)
    last_year = min(int(cut["year"].max()), sequencing.LAST_EBRD_YEAR)
    sample = spaces.GROUP_SETS[groups]
    common = {"iso3": sample, "last_year": last_year}
    ebrd_areas = tuple(area for area in sequencing.ESSAY_ORDER if area != "stabilization")
    areas = _memo(("c1-areas", panel_key, groups, spec.get("dating"), spec.get("ebrd_threshold")),
                  lambda: sequencing.reform_timing(cut, ebrd_threshold=spec.get("ebrd_threshold"),
                                                   dating=spec.get("dating"), areas=ebrd_areas, **common))
    rates = _memo(("inflation", panel_key), lambda: derived.inflation(cut))
    stabilization = _memo(("c1-stab", panel_key, groups, spec.get("inflation_threshold"), spec.get("sustained_years"),
                           spec.get("stabilization_rule"), spec.get("never_high")),
                          lambda: sequencing.reform_timing(cut, inflation_threshold=spec.get("inflation_threshold"),
                                                           sustained_years=spec.get("sustained_years"),
                                                           stabilization_rule=spec.get("stabilization_rule"),
                                                           never_high=spec.get("never_high"),
                                                           areas=("stabilization",), rates=rates, **common))
    timing = _join_timing(areas, stabilization)
    gap = _memo(("c1-gap", panel_key, groups, spec.get("ebrd_threshold")),
                lambda: sequencing.liberalization_institutions_gap(cut, spec.get("ebrd_threshold"), last_year))
    order = sequencing.reform_order(timing, gap[gap["iso3"].isin(sample)], spec.get("ties"))
    return {"n_follow": int(order["follows_essay_order"].sum()), "n_countries": len(order)}


def evaluate_c1(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict (:func:`transition.claims.rules.c1_verdict`); estimate = share of countries following the essay's order."""
    numbers = numbers_c1(spec, tidy)
    share = numbers["n_follow"] / numbers["n_countries"]
    return {"verdict": rules.c1_verdict(share), "estimate": share, "n": numbers["n_countries"],
            "n_follow": numbers["n_follow"]}


# ---- C2: no CIS country avoided substantial losses; because liberalization ran ahead ----------------
def _sequencing_regression(cut: pd.DataFrame, panel_key: tuple) -> dict:
    """The 'liberalization ahead of institutions' coefficient of notebook 04's sequencing model."""
    def fit():
        config = growth.Config()
        _fits, table = growth.fit_models_as_of(cut, config, int(cut["year"].max()))
        row = table[(table["model"] == "fe_sequencing_ahead") & (table["term"] == f"lib_ahead_l{config.reform_lag}")]
        return {"seq_lib_ahead_coef": float(row["coef"].iloc[0]), "seq_lib_ahead_pvalue": float(row["pvalue"].iloc[0])}
    return _memo(("c2-regression", panel_key), fit)


def numbers_c2(spec: Spec, tidy: pd.DataFrame) -> dict[str, dict]:
    """The shallowest CIS trough, and the gap-trough association on every country (total and per capita)."""
    when, source = spec.get("as_of"), spec.get("gdp_source")
    panel_key, cut = _cut(tidy, when)
    base_year, horizon = spec.get("base_year"), spec.get("horizon")

    def paths():
        table, indices, _skipped = output.output_paths(cut, [source], base_year, spaces.SPLICE_DONOR[source],
                                                       horizon, iso3=study_iso3())
        main = output.source_rows(table, source)
        gap = output.gap_frame(main, cut)
        frame = loss_mechanism.mechanism_frame(gap, indices[indices["source"] == source], cut, base_year, horizon)
        return main, frame

    main, frame = _memo(("c2-paths", panel_key, source, base_year, horizon), paths)
    cis = main[(main["broad_group"] == "CIS") & (main["status"] == "ok")]
    y = "trough_index" + (loss_mechanism.PER_CAPITA if spec.get("output") == "per_capita" else "")
    x = spec.get("mechanism_gap")
    association = output.association(frame, x, y, output.CONTROL_SETS[1])  # former USSR and war, as the ledger's test
    short = x.replace('gap_points_', 'gap_')
    key = f"spearman_{short}_vs_trough" + ("_pc" if y.endswith(loss_mechanism.PER_CAPITA) else "")
    ols = f"ols_{short}_{y}_controlled"
    numbers = {"cis_shallowest_trough_index": float(cis["trough_index"].max()),
               f"{key}_rho": association["rho"], f"{key}_p": association["rho_p"], f"{key}_n": association["n"],
               f"{ols}_slope": association["slope"], f"{ols}_p": association["slope_p"]}
    return {"02_output_paths": numbers, "04_reforms_and_growth": _sequencing_regression(cut, panel_key)}


def evaluate_c2(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict; estimate = Spearman rho of the gap and the trough (the claim needs it negative)."""
    x = spec.get("mechanism_gap").replace("gap_points_", "gap_")
    numbers = numbers_c2(spec, tidy)
    own = numbers["02_output_paths"]
    rho, p, n = (next(v for k, v in own.items() if k.startswith("spearman_") and k.endswith(suffix))
                 for suffix in ("_rho", "_p", "_n"))
    slope, p_slope = (next(v for k, v in own.items() if k.startswith("ols_") and k.endswith(suffix))
                      for suffix in ("_slope", "_p"))
    verdict = _judge(ledger.judge_c2, numbers, _when(spec), loss_index=spec.get("loss_index"),
                     mechanism_gap=x, per_capita=spec.get("output") == "per_capita")
    return {"verdict": verdict, "estimate": rho, "p_value": p, "n": n, "controlled_slope": slope, "controlled_p": p_slope,
            "shallowest_cis_trough": own["cis_shallowest_trough_index"],
            **numbers["04_reforms_and_growth"]}


# ---- C3: the resource-rich CIS lagged the resource-poor East; governance explains it -----------------
def c3_level_years(source: str) -> list[int]:
    """The level years of C3's outcomes with the latest data: the last one is the source's own last year."""
    last = source_years(source)[1] if source_years(source) else spaces.C3_LEVEL_YEARS[-1]
    return [*spaces.C3_LEVEL_YEARS[:-1], min(spaces.C3_LEVEL_YEARS[-1], last)]


def c3_growth_breaks(source: str) -> list[int]:
    """The growth windows of C3 with the latest data: the last ends at the source's own last year (2019 at most)."""
    last = source_years(source)[1] if source_years(source) else spaces.C3_GROWTH_BREAKS[-1]
    return [*spaces.C3_GROWTH_BREAKS[:-1], min(spaces.C3_GROWTH_BREAKS[-1], last)]


def _c3_outcomes(spec: Spec, cross: pd.DataFrame, pc_names: list[str]) -> tuple[str, list[str]]:
    """The gap's outcome and governance's outcomes of C3's rule for ``spec`` (the ledger's: total GDP as
    of the essay, per capita in the latest year with the latest data; or the chosen one for both)."""
    essay = _when(spec) == "essay"
    per_capita = {"ledger": not essay, "total": False, "per_capita": True}[spec.get("output")]
    names = pc_names if per_capita else [c for c in cross.columns if c.startswith(("gdp_index_", "growth_"))]
    level = [n for n in names if "index_" in n][-1]
    growth = [n for n in names if "growth_" in n]
    return level, ([level, growth[0]] if essay else [level])


def numbers_c3(spec: Spec, tidy: pd.DataFrame) -> dict:
    """C3's decisive numbers, notebook 05's way: the rich-minus-poor difference of medians with its
    bootstrap interval, and per governance outcome the Shapley share and the within-CIS test."""
    when, source = spec.get("as_of"), spec.get("gdp_source")
    panel_key, cut = _cut(tidy, when)
    essay = _when(spec) == "essay"
    level_years = [spaces.C3_ESSAY_LEVEL] if essay else c3_level_years(source)
    breaks = list(spaces.C3_ESSAY_GROWTH) if essay else c3_growth_breaks(source)
    table = _memo(("c3-outcomes", panel_key, source),
                  lambda: resources.outcomes(cut, source, resources.BASE_YEAR, level_years, breaks))
    starts = sorted({resources.outcome_start_year(name, resources.BASE_YEAR) for name in table.columns})
    cross = resources.cross_section(
        cut, gdp_source=source, level_years=level_years, growth_breaks=breaks,
        resource_names=spaces.RESOURCE_SETS[spec.get("resource_measures")],
        governance_names=spaces.GOVERNANCE_SETS[spec.get("governance_measures")],
        index_method=spec.get("index_method"), rich_rents_threshold=spec.get("rich_rents_threshold"),
        eastern_europe=spec.get("eastern_europe"),
        resource_table=_memo(("c3-resources", panel_key),
                             lambda: resources.resource_measures(cut, *resources.RESOURCE_PERIOD)),
        governance_table=_memo(("c3-governance", panel_key),
                               lambda: resources.governance_measures(cut, *resources.GOVERNANCE_PERIOD)),
        outcome_table=table,
        log_incomes={year: _memo(("c3-income", panel_key, year), lambda year=year: resources.log_income(cut, year))
                     for year in starts})
    cross.attrs = {}  # unused here, and pandas deep-copies attrs in every operation on the table
    per_capita = _memo(("c3-per-capita", panel_key, tuple(level_years), tuple(breaks)),
                       lambda: resources.per_capita_outcomes(cut, resources.BASE_YEAR, level_years, breaks))
    cross, pc_names = cross.merge(per_capita.reset_index(), on="iso3", how="left"), list(per_capita.columns)
    gap_outcome, governance_outcomes = _c3_outcomes(spec, cross, pc_names)
    gap = resources.group_intervals(cross, [gap_outcome], spec.get("rich_rents_threshold"),
                                    definitions=[spec.get("eastern_europe")]).iloc[0]
    shapley = resources.joint_shapley(cross, governance_outcomes, [], resources.BASE_YEAR)  # run_models' Shapley R², no OLS
    beyond = resources.governance_beyond_former_ussr(cross, governance_outcomes).set_index("outcome")
    within = resources.governance_within_cis(cross, governance_outcomes).set_index("outcome")
    governance = {o: (shapley.loc[o, "shapley_governance"] / shapley.loc[o, "r2_joint"], beyond.loc[o, "coef_governance"],
                      beyond.loc[o, "p_governance"], within.loc[o, "slope"], within.loc[o, "p_slope"])
                  for o in governance_outcomes}
    return {"gap_outcome": gap_outcome, "difference": gap["difference"], "difference_low": gap["difference_low"],
            "difference_high": gap["difference_high"], "median_rich_cis": gap["median_rich_cis"],
            "median_poor_east": gap["median_poor"], "governance": governance}


def evaluate_c3(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict (:func:`transition.claims.rules.c3_verdict`, the ledger's rule); estimate = governance's Shapley
    share of R² for the gap's outcome."""
    numbers = numbers_c3(spec, tidy)
    gap = rules.c3_gap(numbers["difference"], numbers["difference_low"], numbers["difference_high"])
    tests = {o: rules.c3_governance_test(*values) for o, values in numbers["governance"].items()}
    verdict = rules.c3_verdict(gap, rules.all_parts(tests.values()))
    return {"verdict": verdict, "estimate": numbers["governance"][numbers["gap_outcome"]][0],
            "median_rich_cis": numbers["median_rich_cis"], "median_poor_east": numbers["median_poor_east"],
            "gap_rich_minus_poor": numbers["difference"], "gap_low": numbers["difference_low"],
            "gap_high": numbers["difference_high"],
            "beyond_former_ussr_p": numbers["governance"][numbers["gap_outcome"]][2],
            "within_cis_slope_p": numbers["governance"][numbers["gap_outcome"]][4]}


#: claim → (space, evaluate): what the multiverse engine runs.
CLAIMS = {
    "C1": (spaces.SPACES["C1"], evaluate_c1),
    "C2": (spaces.SPACES["C2"], evaluate_c2),
    "C3": (spaces.SPACES["C3"], evaluate_c3),
    "C4": (spaces.SPACES["C4"], evaluate_trade.evaluate_c4),
    "C5": (spaces.SPACES["C5"], evaluate_trade.evaluate_c5),
    "C6": (spaces.SPACES["C6"], evaluate_trade.evaluate_c6),
    "C7": (spaces.SPACES["C7"], evaluate_trade.evaluate_c7),
    "C8": (spaces.SPACES["C8"], evaluate_integration.evaluate_c8),
    "C9": (spaces.SPACES["C9"], evaluate_integration.evaluate_c9),
    "C10": (spaces.SPACES["C10"], evaluate_integration.evaluate_c10),
}


def evaluate(claim: str, spec: Spec, tidy: pd.DataFrame) -> dict:
    """The verdict and decisive numbers of ``claim`` under ``spec`` (refused if outside its space)."""
    space, rule = CLAIMS[claim]
    space.check(spec.as_dict())
    return rule(spec, tidy)


def load_data() -> pd.DataFrame:
    """The data every worker loads once: the cached panel."""
    return panel_module.load()
