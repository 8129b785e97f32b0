"""Robustness of notebook 04: the specifications, their refits and the rule that calls an effect robust.

:func:`robustness_variants` lists the specifications computed from the baseline choices,
:func:`run_robustness` refits the main and the sequencing model under each, :func:`robust_effects`
applies the rule: an effect is robust when its coefficient has the baseline's sign in every
specification and p < alpha in at least a given share of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from transition.analysis.growth.estimate import fit_model, sample_label, tidy_fit
from transition.analysis.growth.models import ALPHA, CONTROLS, ROBUST_SHARE, Config
from transition.analysis.growth.panel import build_panel, prepare
from transition.data import countries
from transition.data.vocabulary import EBRD_LAST_YEAR, GROWTH_SOURCES

#: Verdicts of the robustness rule.
ROBUST, SAME_SIGN, NOT_ROBUST = "robust", "same sign, not robustly significant", "not robust"
VERDICTS = (ROBUST, SAME_SIGN, NOT_ROBUST)
#: Terms the robustness rule judges, and the model each is read from.
KEY_TERMS = [("main", "reform_ebrd_average"), ("main", "log_inflation"), ("main", "war"),
             ("sequencing", "lib_ahead"), ("sequencing", "priv_ahead")]
#: Reform lags of the robustness specifications (the baseline's own lag is the baseline).
ROBUSTNESS_LAGS = (1, 2, 3)
#: The EBRD scale (1 to 4+ = 4.33): thresholds one step (a third) either side stay above its floor, within its top.
EBRD_FLOOR, EBRD_TOP = 1.0, 4.33
#: Columns of the robustness table.
ROBUSTNESS_COLUMNS = ["spec", "spec_label", "kind", "model", "term", "coef", "se", "pvalue", "nobs", "n_countries",
                      "sample"]


@dataclass(frozen=True)
class Variant:
    """One robustness specification: what changes from the baseline, and which models it refits."""

    name: str
    label: str
    kind: str
    changes: tuple = ()
    models: tuple = ("main", "sequencing")


def robustness_variants(config: Config) -> list[Variant]:
    """The robustness specifications, computed from the baseline parameters.

    Baseline; other lags (1-3 without the baseline's); thresholds one EBRD step (1/3) below and
    above (only the sequencing model depends on it); CIS only and the rest; each other growth
    source; war years excluded; pooled OLS with year effects instead of country effects; the
    sample extended to ``extended_last_year`` with 2006 scores carried forward; the later years alone
    (2007 on) in pooled OLS with year effects: with scores frozen at their 2006 values, country effects
    would absorb them, so this is a cross-country comparison. The labels of the last two state the
    years the data actually cover (e.g. WDI growth ends in 2013).
    """
    variants = [Variant("baseline", "baseline", "baseline")]
    for k in ROBUSTNESS_LAGS:
        if k != config.reform_lag:
            variants.append(Variant(f"lag_{k}", f"reform lag {k}", "lag", (("reform_lag", k),)))
    for step in (-1, 1):  # one step of the EBRD scale (thirds), snapped to the grid: 2.67 -> 2.33 and 3.00
        value = round(round(config.threshold * 3 + step) / 3, 2)
        if EBRD_FLOOR < value <= EBRD_TOP:
            variants.append(Variant(f"threshold_{value:.2f}", f"threshold {value:.2f}", "threshold",
                                    (("threshold", value),), models=("sequencing",)))
    variants += [Variant("cis_only", "CIS only", "countries", (("subset", "cis"),)),
                 Variant("non_cis", "non-CIS (rest)", "countries", (("subset", "non_cis"),))]
    for source in GROWTH_SOURCES:
        if source != config.growth_source:
            variants.append(Variant(f"growth_{source}", f"growth: {source}", "growth source",
                                    (("growth_source", source),)))
    variants += [Variant("no_war_years", "war years excluded", "sample", (("exclude_war", True),)),
                 Variant("pooled_year_effects", "pooled OLS, year effects", "estimator", (("effects", "year"),)),
                 Variant("carried_forward", f"{config.first_year}-{config.extended_last_year}, scores carried forward",
                         "period", (("carry_to", config.extended_last_year),)),
                 Variant("later_years_pooled", f"{EBRD_LAST_YEAR + 1}-{config.extended_last_year} only, pooled, carried forward",
                         "period", (("carry_to", config.extended_last_year), ("first_year", EBRD_LAST_YEAR + 1),
                                    ("effects", "year")))]
    return variants


def robustness_terms(reform_lag: int) -> dict[str, list[str]]:
    """Terms of the two refitted models: ``main`` (EBRD average and controls) and ``sequencing`` (plus the dummies)."""
    L = reform_lag
    return {"main": [f"reform_ebrd_average_l{L}", *CONTROLS],
            "sequencing": [f"reform_ebrd_average_l{L}", f"lib_ahead_l{L}", f"priv_ahead_l{L}", *CONTROLS]}


def _subset(config: Config, changes: dict) -> tuple[list[str], str]:
    """Countries of a variant and the note for its sample label (CIS only, the rest, or all)."""
    group = countries.group_of()
    if changes.get("subset") == "cis":
        return [c for c in config.iso3 if group[c] == "CIS"], "CIS only"
    if changes.get("subset") == "non_cis":
        return [c for c in config.iso3 if group[c] != "CIS"], "non-CIS"
    return config.iso3, ""


def _note(changes: dict, note: str) -> str:
    """The sample label's note of a variant: the last applicable of subset, war, estimator, threshold."""
    if changes.get("exclude_war"):
        note = "war years excluded"
    if changes.get("effects") == "year":
        note = "pooled OLS with year effects"
    if "threshold" in changes:
        note = f"threshold {changes['threshold']:.2f}"
    return note


def fit_variant(variant: Variant, panel: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Refit the models of one variant on its panel; tidy rows with spec, spec_label, kind and n_countries."""
    changes = dict(variant.changes)
    source, carry = changes.get("growth_source", config.growth_source), changes.get("carry_to")
    subset, note = _subset(config, changes)
    note = _note(changes, note)
    reform_lag = changes.get("reform_lag", config.reform_lag)
    frame = prepare(panel, reform_lag, config.max_lag, changes.get("threshold", config.threshold),
                    changes.get("first_year", config.first_year), carry or config.last_year,
                    changes.get("exclude_war", False), subset)
    label, rows = variant.label, []
    for model in variant.models:
        fit = fit_model(frame, "growth", robustness_terms(reform_lag)[model],
                        changes.get("effects", "country_year"), lag_for_flag=reform_lag)
        if carry is not None:  # say which years the data cover, not which were asked for
            label = f"{fit.first_year}-{fit.last_year}, scores carried forward" + (
                " (pooled)" if changes.get("effects") == "year" else "")
        table = tidy_fit(fit, f"robustness/{variant.name}/{model}", sample_label(fit, source, note))
        rows.append(table.assign(spec=variant.name, spec_label=label, kind=variant.kind, n_countries=fit.n_countries))
    return pd.concat(rows, ignore_index=True)


def run_robustness(tidy: pd.DataFrame, config: Config, panels: dict | None = None) -> pd.DataFrame:
    """Refit the main and sequencing models under every :func:`robustness_variants` specification.

    Parameters
    ----------
    tidy : DataFrame
        The tidy panel (panels for other growth sources are built from it).
    config : Config
    panels : dict, optional
        Cache of built panels keyed by (growth_source, carry_to); filled as needed.

    Returns
    -------
    Tidy DataFrame: spec, spec_label, kind, model (``robustness/<spec>/<main|sequencing>``),
    term, coef, se, pvalue, nobs, n_countries, sample.
    """
    panels = {} if panels is None else panels
    rows = []
    last_observed = int(tidy["year"].max())
    for variant in robustness_variants(config):
        changes = dict(variant.changes)
        if changes.get("first_year", config.first_year) > last_observed:
            continue  # a window after the data (a panel observed only to an earlier year: ``as_of``)
        key = (changes.get("growth_source", config.growth_source), changes.get("carry_to"))
        if key not in panels:
            panels[key] = build_panel(tidy, key[0], carry_to=key[1], iso3=config.iso3)
        rows.append(fit_variant(variant, panels[key], config))
    return pd.concat(rows, ignore_index=True)[ROBUSTNESS_COLUMNS]


def generic_term(term: str) -> str:
    """A term without its lag suffix: ``reform_ebrd_average_l2`` -> ``reform_ebrd_average``."""
    return re.sub(r"_l\d+$", "", term)


def robust_effects(robustness: pd.DataFrame, alpha: float = ALPHA, share: float = ROBUST_SHARE) -> pd.DataFrame:
    """Apply the robustness rule to each key term across the specifications that estimate it.

    Rule: an effect is **robust** when its coefficient has the baseline's sign in every
    specification and p < ``alpha`` in at least ``share`` of them; **same sign, not robustly
    significant** when the sign never changes but fewer are significant; **not robust** when the
    sign changes.

    Returns
    -------
    DataFrame with columns term, model, n_specs, baseline_coef, baseline_pvalue, n_same_sign,
    n_significant (same sign and p < alpha), share_significant, min_coef, max_coef,
    opposite_sign_specs (labels of the specifications whose sign differs from the baseline), verdict.
    """
    rows = []
    frame = with_family(robustness)
    for model, term in KEY_TERMS:
        part = frame[(frame["family"] == model) & (frame["generic"] == term)]
        if part.empty:
            continue
        base = part[part["spec"] == "baseline"]
        if base.empty:
            continue
        sign = np.sign(base["coef"].iloc[0])
        same = np.sign(part["coef"]) == sign
        significant = same & (part["pvalue"] < alpha)
        n = len(part)
        share_sig = significant.sum() / n
        if same.all() and share_sig >= share:
            verdict = ROBUST
        elif same.all():
            verdict = SAME_SIGN
        else:
            verdict = NOT_ROBUST
        rows.append({"term": term, "model": model, "n_specs": n, "baseline_coef": base["coef"].iloc[0],
                     "baseline_pvalue": base["pvalue"].iloc[0], "n_same_sign": int(same.sum()),
                     "n_significant": int(significant.sum()), "share_significant": share_sig,
                     "min_coef": part["coef"].min(), "max_coef": part["coef"].max(),
                     "opposite_sign_specs": "; ".join(part.loc[~same, "spec_label"]) if "spec_label" in part else
                     "; ".join(part.loc[~same, "spec"]), "verdict": verdict})
    return pd.DataFrame(rows)


def with_family(robustness: pd.DataFrame) -> pd.DataFrame:
    """The robustness table with ``generic`` (term without lag) and ``family`` (main / sequencing) columns."""
    return robustness.assign(generic=robustness["term"].map(generic_term),
                             family=robustness["model"].str.rsplit("/", n=1).str[-1])


def spec_row(robustness: pd.DataFrame, spec: str, family: str, term: str) -> pd.Series | None:
    """The row of one term (without lag) of one family in one specification, None when not estimated."""
    part = robustness[(robustness["spec"] == spec) & robustness["model"].str.endswith(f"/{family}")
                      & (robustness["term"].map(generic_term) == term)]
    return part.iloc[0] if len(part) else None


def reform_sign_shares(robustness: pd.DataFrame, alpha: float = ALPHA) -> dict[str, float]:
    """Over the specifications of the main model: share with a positive EBRD-average coefficient, and with p < alpha too."""
    reform = robustness[robustness["model"].str.endswith("/main") & robustness["term"].str.startswith("reform_ebrd_average")]
    positive = reform["coef"] > 0
    return {"positive": float(positive.mean()), "positive_significant": float((positive & (reform["pvalue"] < alpha)).mean())}

