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
import re

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
    results computed from it are kept; it holds one panel at a time (a new table empties it), so its
    memory stays flat however many panels a process sees (a permutation test, a reload)."""
    if _MEMO.get("current-panel", (None,))[0] is not tidy:
        _MEMO.clear()
        _MEMO["current-panel"] = (tidy,)
    key = ("panel", id(tidy), when)
    return key, _memo(key, lambda: (tidy, as_of(tidy, when)))[1]


def _when(spec: Spec) -> str:
    """The ledger's name for the as-of choice: "essay" (cut at the essay's year) or "latest"."""
    return "essay" if spec.get("as_of") == ESSAY_YEAR else "latest"


class MissingNumber(LookupError):
    """A number the verdict rule needs is not among those the multiverse computed (a bug, not a NaN)."""


class StrictHeadlines(ledger.Headlines):
    """The ledger's headlines, for a verdict on the multiverse's own numbers: a missing number is an
    error (:class:`MissingNumber`, raised by :func:`_judge` after the rule ran) unless it is one of
    ``evidence`` (regular expressions of ``notebook:key``), the numbers the rule only cites in its
    evidence sentences (a test checks that none of them changes a verdict)."""

    def __init__(self, by_notebook: dict[str, dict], evidence=()) -> None:
        super().__init__(by_notebook)
        self.evidence = [re.compile(pattern) for pattern in evidence]

    def needed_but_missing(self) -> list[str]:
        return [name for name in self.missing if not any(p.fullmatch(name) for p in self.evidence)]


def _judge(rule, numbers: dict[str, dict], when: str, evidence=(), **thresholds) -> str:
    """The ledger's verdict on ``numbers`` (notebook → headline key → value); :class:`MissingNumber`
    when the rule asked for a number that is neither among them nor in ``evidence``."""
    headlines = StrictHeadlines({notebook: {key: {"value": value} for key, value in values.items()}
                                 for notebook, values in numbers.items()}, evidence)
    verdict = rule(headlines, when, **thresholds).verdict
    if missing := headlines.needed_but_missing():
        raise MissingNumber(f"{rule.__name__}: the multiverse supplies no {', '.join(sorted(set(missing)))}")
    return verdict


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


def c1_years(spec: Spec, tidy: pd.DataFrame) -> dict[str, tuple[dict, tuple]]:
    """Each sampled country's year per area and the areas left out, as ``sequencing.reform_order`` reads
    them from ``reform_timing`` (iso3 → (area → year or None, areas left out), sorted by iso3).

    ``reform_timing`` dates each country from its own series (the "scale_share" levels are set on every
    study country, whichever are asked), the EBRD areas from the dating choices and stabilization from
    the inflation choices: each half is computed once, for every study country, per combination of its
    own choices, and the sample's countries are taken from both."""
    panel_key, cut = _cut(tidy, spec.get("as_of"))
    last_year = min(int(cut["year"].max()), sequencing.LAST_EBRD_YEAR)
    common = {"iso3": study_iso3(), "last_year": last_year}
    ebrd_areas = tuple(area for area in sequencing.ESSAY_ORDER if area != "stabilization")
    areas = _memo(("c1-areas", panel_key, spec.get("dating"), spec.get("ebrd_threshold")),
                  lambda: sequencing._years_by_country(sequencing.reform_timing(
                      cut, ebrd_threshold=spec.get("ebrd_threshold"), dating=spec.get("dating"), areas=ebrd_areas,
                      **common)))
    rates = _memo(("inflation", panel_key), lambda: derived.inflation(cut))
    stabilization = _memo(("c1-stab", panel_key, spec.get("inflation_threshold"), spec.get("sustained_years"),
                           spec.get("stabilization_rule"), spec.get("never_high")),
                          lambda: sequencing._years_by_country(sequencing.reform_timing(
                              cut, inflation_threshold=spec.get("inflation_threshold"),
                              sustained_years=spec.get("sustained_years"),
                              stabilization_rule=spec.get("stabilization_rule"), never_high=spec.get("never_high"),
                              areas=("stabilization",), rates=rates, **common)))
    return {code: ({**areas[code][0], **stabilization[code][0]}, areas[code][1] + stabilization[code][1])
            for code in sorted(spaces.GROUP_SETS[spec.get("groups")])}


def _follows(dated: dict, excluded: tuple, ties: str) -> bool:
    """``sequencing.follows_order`` of one country's years, once per distinct (years, areas left out, ties)."""
    key = ("c1-follows", tuple(dated.get(area) for area in sequencing.ESSAY_ORDER), tuple(sorted(excluded)), ties)
    return _memo(key, lambda: sequencing.follows_order(dated, ties=ties, excluded=excluded)[0])


def numbers_c1(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Countries that reach the four areas in the essay's order (``sequencing.follows_order``, the test
    ``reform_order`` applies to each country), and how many countries were judged."""
    years = c1_years(spec, tidy)
    return {"n_follow": sum(_follows(dated, excluded, spec.get("ties")) for dated, excluded in years.values()),
            "n_countries": len(years)}


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


def c2_paths(spec: Spec, tidy: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(main, frame): the main source's rows of ``output.output_paths`` and ``loss_mechanism.mechanism_frame``.

    ``output_paths`` of one source is ``derived.gdp_index`` then ``output.measures_table``; the index
    does not depend on the horizon, so it is computed once per source and base year (a test checks
    that the parts give ``output_paths``' rows)."""
    when, source = spec.get("as_of"), spec.get("gdp_source")
    panel_key, cut = _cut(tidy, when)
    base_year, horizon = spec.get("base_year"), spec.get("horizon")
    donor = spaces.SPLICE_DONOR[source]

    def paths():
        indexed = _memo(("c2-index", panel_key, source, base_year), lambda: derived.gdp_index(
            cut, source=source, base_year=base_year, splice_with=None if donor == source else donor,
            iso3=study_iso3(), errors="skip"))
        main = output.measures_table(indexed, horizon, study_iso3())
        gap = output.gap_frame(main, cut)
        frame = loss_mechanism.mechanism_frame(gap, indexed[indexed["year"] >= base_year], cut, base_year, horizon)
        return main, frame

    return _memo(("c2-paths", panel_key, source, base_year, horizon), paths)


def c2_columns(spec: Spec) -> tuple[str, str]:
    """(x, y): the columns of :func:`c2_paths`' frame whose association tests the mechanism."""
    return spec.get("mechanism_gap"), "trough_index" + (loss_mechanism.PER_CAPITA if spec.get("output") == "per_capita" else "")


def c2_evidence(spec: Spec) -> tuple[str, ...]:
    """The numbers C2's rule cites in its evidence only: notebook 01's gap medians and test, the group troughs,
    the rank correlation of the other output measure (total or per capita)."""
    base = f"02_output_paths:spearman_{spec.get('mechanism_gap').replace('gap_points_', 'gap_')}_vs_trough"
    other = [] if spec.get("output") == "per_capita" else [f"{base}_pc_rho", f"{base}_pc_p"]
    return (r"01_reform_sequencing:.*", r"02_output_paths:median_trough_index_.*", *(re.escape(key) for key in other))


def numbers_c2(spec: Spec, tidy: pd.DataFrame) -> dict[str, dict]:
    """The shallowest CIS trough, the gap-trough association on every country (total or per capita), and
    the sequencing regression (as of the essay under the ledger's keys for the essay: ``..._2002``)."""
    panel_key, cut = _cut(tidy, spec.get("as_of"))
    main, frame = c2_paths(spec, tidy)
    paths_key = (panel_key, spec.get("gdp_source"), spec.get("base_year"), spec.get("horizon"))
    shallowest = _memo(("c2-shallowest", *paths_key), lambda: float(
        main.loc[(main["broad_group"] == "CIS") & (main["status"] == "ok"), "trough_index"].max()))
    x, y = c2_columns(spec)
    association = _memo(("c2-association", *paths_key, x, y),  # former USSR and war, as the ledger's test
                        lambda: output.association(frame, x, y, output.CONTROL_SETS[1]))
    short = x.replace('gap_points_', 'gap_')
    key = f"spearman_{short}_vs_trough" + ("_pc" if y.endswith(loss_mechanism.PER_CAPITA) else "")
    ols = f"ols_{short}_{y}_controlled"
    numbers = {"cis_shallowest_trough_index": shallowest,
               f"{key}_rho": association["rho"], f"{key}_p": association["rho_p"], f"{key}_n": association["n"],
               f"{ols}_slope": association["slope"], f"{ols}_p": association["slope_p"]}
    suffix = f"_{ESSAY_YEAR}" if _when(spec) == "essay" else ""  # the keys judge_c2 reads for each column
    regression = {f"{name}{suffix}": value for name, value in _sequencing_regression(cut, panel_key).items()}
    return {"02_output_paths": numbers, "04_reforms_and_growth": regression}


def evaluate_c2(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict; estimate = Spearman rho of the gap and the trough (the claim needs it negative)."""
    x = spec.get("mechanism_gap").replace("gap_points_", "gap_")
    numbers = numbers_c2(spec, tidy)
    own = numbers["02_output_paths"]
    rho, p, n = (next(v for k, v in own.items() if k.startswith("spearman_") and k.endswith(suffix))
                 for suffix in ("_rho", "_p", "_n"))
    slope, p_slope = (next(v for k, v in own.items() if k.startswith("ols_") and k.endswith(suffix))
                      for suffix in ("_slope", "_p"))
    verdict = _judge(ledger.judge_c2, numbers, _when(spec), c2_evidence(spec), loss_index=spec.get("loss_index"),
                     mechanism_gap=x, per_capita=spec.get("output") == "per_capita")
    regression = {name.removesuffix(f"_{ESSAY_YEAR}"): value for name, value in numbers["04_reforms_and_growth"].items()}
    return {"verdict": verdict, "estimate": rho, "p_value": p, "n": n, "controlled_slope": slope, "controlled_p": p_slope,
            "shallowest_cis_trough": own["cis_shallowest_trough_index"], **regression}


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


def _c3_cross(spec: Spec, tidy: pd.DataFrame, **choices) -> tuple[pd.DataFrame, list[str]]:
    """``resources.cross_section`` for ``spec``'s source and as-of year with ``choices`` (its other arguments),
    merged with the per-capita outcomes; and their names."""
    when, source = spec.get("as_of"), spec.get("gdp_source")
    panel_key, cut = _cut(tidy, when)
    essay = _when(spec) == "essay"
    level_years = [spaces.C3_ESSAY_LEVEL] if essay else c3_level_years(source)
    breaks = list(spaces.C3_ESSAY_GROWTH) if essay else c3_growth_breaks(source)
    table = _memo(("c3-outcomes", panel_key, source),
                  lambda: resources.outcomes(cut, source, resources.BASE_YEAR, level_years, breaks))
    starts = sorted({resources.outcome_start_year(name, resources.BASE_YEAR) for name in table.columns})
    cross = resources.cross_section(
        cut, gdp_source=source, level_years=level_years, growth_breaks=breaks, **choices,
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
    return cross.merge(per_capita.reset_index(), on="iso3", how="left"), list(per_capita.columns)


def c3_indices_cross(spec: Spec, tidy: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The cross-section with ``spec``'s resource and governance indices (the groups' choices at their
    defaults: the indices, the outcomes and the governance tests do not depend on them)."""
    panel_key, _cut_panel = _cut(tidy, spec.get("as_of"))
    names = ("resource_measures", "governance_measures", "index_method")
    return _memo(("c3-indices", panel_key, spec.get("gdp_source"), *(spec.get(n) for n in names)),
                 lambda: _c3_cross(spec, tidy, resource_names=spaces.RESOURCE_SETS[spec.get("resource_measures")],
                                   governance_names=spaces.GOVERNANCE_SETS[spec.get("governance_measures")],
                                   index_method=spec.get("index_method")))


def c3_chosen_outcomes(spec: Spec, tidy: pd.DataFrame) -> tuple[str, list[str]]:
    """The gap's outcome and governance's outcomes of C3's rule for ``spec`` (:func:`_c3_outcomes`)."""
    cross, pc_names = c3_indices_cross(spec, tidy)
    return _c3_outcomes(spec, cross, pc_names)


def numbers_c3(spec: Spec, tidy: pd.DataFrame) -> dict:
    """C3's decisive numbers, notebook 05's way: the rich-minus-poor difference of medians with its
    bootstrap interval, and per governance outcome the Shapley share and the within-CIS test.

    The governance tests (``joint_shapley``, ``governance_beyond_former_ussr``, ``governance_within_cis``)
    depend on the indices' choices only, the difference (``group_intervals``, which sets the groups from
    the rents) on the groups' choices only: each is computed once per combination of its own choices, on a
    cross-section built with those choices (a test checks them against the cross-section built with every
    choice of the specification)."""
    panel_key, _cut_panel = _cut(tidy, spec.get("as_of"))
    source = spec.get("gdp_source")
    index_key = tuple(spec.get(n) for n in ("resource_measures", "governance_measures", "index_method"))
    group_key = (spec.get("rich_rents_threshold"), spec.get("eastern_europe"))
    gap_outcome, governance_outcomes = c3_chosen_outcomes(spec, tidy)

    def governance_tests():
        cross, _pc_names = c3_indices_cross(spec, tidy)
        shapley = resources.joint_shapley(cross, governance_outcomes, [], resources.BASE_YEAR)  # run_models' Shapley R², no OLS
        beyond = resources.governance_beyond_former_ussr(cross, governance_outcomes).set_index("outcome")
        within = resources.governance_within_cis(cross, governance_outcomes).set_index("outcome")
        return {o: (shapley.loc[o, "shapley_governance"] / shapley.loc[o, "r2_joint"], beyond.loc[o, "coef_governance"],
                    beyond.loc[o, "p_governance"], within.loc[o, "slope"], within.loc[o, "p_slope"])
                for o in governance_outcomes}

    def difference():
        cross, _pc_names = _memo(("c3-groups-cross", panel_key, source), lambda: _c3_cross(spec, tidy))
        return resources.group_intervals(cross, [gap_outcome], group_key[0], definitions=[group_key[1]]).iloc[0]

    governance = _memo(("c3-governance-tests", panel_key, source, tuple(governance_outcomes), *index_key),
                       governance_tests)  # the output choice "ledger" is "total" or "per_capita": one entry
    gap = _memo(("c3-difference", panel_key, source, gap_outcome, *group_key), difference)
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
