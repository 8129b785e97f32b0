"""Chapter 05 (resources or governance, claim C3): figures, headline rows, findings text.

The computation is in :mod:`transition.analysis.resources`; this module labels and draws it, names
its headline numbers and writes the Findings from the computed tables.
"""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from transition.analysis.resources import (
    EASTERN_EUROPE,
    EASTERN_EUROPE_DEFAULT,
    GOVERNANCE_INDEX,
    GOVERNANCE_PERIOD,
    OTHER_CIS,
    RESOURCE_INDEX,
    RICH_CIS,
    outcome_end_year,
)
from transition.chapters.specs import RESOURCES_VS_GOVERNANCE as SPEC  # noqa: F401 (the notebook's spec)
from transition.data.loaders import VARIABLES
from transition.data.vocabulary import ESSAY_YEAR, GDP_SOURCES
from transition.present.axes import place_labels
from transition.present.outputs import headline_row as _row
from transition.present.style import GROUP_COLORS, GROUP_ORDER
from transition.present.text import format_number as fmt

#: Sources behind the measures (for figure notes).
SOURCE_IDS = ["gapminder_wdi", "wdi_2021_rents", "wdi_2023_fuel", "wdi_2022", "wdi_2013", "wgi_2020",
              "freedom_house_2020", "maddison_2023"]
#: Axis labels of the two indices.
RESOURCE_AXIS = "Resource-dependence index (mean z-score of log(1 + x))"
GOVERNANCE_AXIS = "Governance index (mean z-score; higher = better)"


def figure_sources(gdp_source: str) -> list[str]:
    """Source ids behind the figures: the GDP source and every measure's source."""
    return [VARIABLES[GDP_SOURCES[gdp_source]].source, *SOURCE_IDS]


def outcome_label(name: str, base_year: int | None = None) -> str:
    """A readable label with unit for an outcome name (``gdppc_*``: Maddison GDP per capita)."""
    parts = name.split("_")
    what = "Real GDP per capita" if name.startswith("gdppc_") else "Real GDP"
    if "index_" in name:
        return f"{what} {parts[-1]} ({base_year} = 100)" if base_year else f"{what} {parts[-1]} (index)"
    of = " of GDP per capita" if name.startswith("gdppc_") else ""
    return f"Mean growth{of} {parts[-2]}–{parts[-1]} (% per year)"


def outcome_unit(name: str, base_year: int) -> str:
    """The unit of an outcome: ``index, <base year> = 100`` or ``% per year``."""
    return f"index, {base_year} = 100" if "index_" in name else "% per year"


def outcome_columns(cross: pd.DataFrame) -> list[str]:
    """The outcome columns of the cross-section, in order."""
    return [c for c in cross.columns if c.startswith(("gdp_index_", "growth_"))]


def measure_columns(cross: pd.DataFrame) -> list[str]:
    """The single-measure columns of the cross-section (``res_*`` then ``gov_*``)."""
    return [c for c in cross.columns if c.startswith(("res_", "gov_"))]


def coverage_text(cross: pd.DataFrame) -> str:
    """Countries with each measure, and who is left out of which outcome by a definition break."""
    counts = cross[measure_columns(cross)].notna().sum().rename("countries")
    skipped = {name: sorted(left_out) for name, left_out in cross.attrs["skipped"].items()}
    return f"{counts.to_string()}\n{skipped}"


# ----------------------------------------------------------------------------------------------
# Figures


def scatter(ax, cross: pd.DataFrame, x: str, y: str, *, xlabel: str, ylabel: str, title: str = "",
            label_size: float = 7.0) -> None:
    """Labelled scatter of ``y`` on ``x``, coloured by group, resource-rich CIS ringed, OLS line."""
    data = cross.dropna(subset=[x, y])
    for group in GROUP_ORDER:
        rows = data[data["group"] == group]
        if len(rows):
            ax.scatter(rows[x], rows[y], s=28, color=GROUP_COLORS[group], label=group, zorder=3)
    rich = data[data["resource_group"] == RICH_CIS]
    ax.scatter(rich[x], rich[y], s=90, facecolors="none", edgecolors="black", linewidths=1.0,
               label=RICH_CIS, zorder=4)
    place_labels(ax, data[x], data[y], data["iso3"], fontsize=label_size)
    if len(data) > 2:
        slope, intercept = np.polyfit(data[x], data[y], 1)
        grid = np.linspace(data[x].min(), data[x].max(), 50)
        ax.plot(grid, intercept + slope * grid, color="0.5", linestyle="--", linewidth=1, zorder=2)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)


def scatter_grid(cross: pd.DataFrame, x: str, outcome_names, *, xlabel: str, title: str, base_year: int):
    """One labelled :func:`scatter` per outcome against ``x``, three to a row, with a shared legend."""
    rows = max(1, math.ceil((len(outcome_names) + 1) / 3))
    fig, axes = plt.subplots(rows, 3, figsize=(11, 3.7 * rows), squeeze=False)
    for ax, outcome in zip(axes.flat, outcome_names):
        label = outcome_label(outcome, base_year)
        scatter(ax, cross, x, outcome, xlabel=xlabel, ylabel=label, title=label)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    for ax in axes.flat[len(outcome_names):]:
        ax.axis("off")
    spare = axes.flat[len(outcome_names)]
    spare.legend(handles, labels, loc="center", fontsize=10, title="Group", frameon=False)
    fig.suptitle(title, fontsize=13)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


#: Display names and colours of the regressors' roles.
ROLES = {"resources": ("Resources", "#d35400"), "governance": ("Governance", "#2471a3"),
         "initial_income": ("Initial income (log GDP pc)", "#7f8c8d"), "cis": ("CIS dummy", "#c0392b")}


def term_role(term: str) -> str:
    """The role of a model term: resources, governance, initial_income or cis."""
    if term == RESOURCE_INDEX:
        return "resources"
    if term == GOVERNANCE_INDEX:
        return "governance"
    if term.startswith("log_gdppc_"):
        return "initial_income"
    if term == "cis":
        return "cis"
    raise ValueError(f"unknown model term {term!r}")


def plot_r2_decomposition(shapley: pd.DataFrame, outcome_names, model: str, base_year: int):
    """Stacked horizontal bars: each regressor's Shapley contribution to R², one bar per outcome."""
    rows = shapley[shapley["model"] == model].assign(role=lambda f: f["term"].map(term_role))
    table = rows.pivot(index="outcome", columns="role", values="r2_contribution")
    table = table.reindex(list(outcome_names)[::-1])[[r for r in ROLES if r in set(rows["role"])]]
    fig, ax = plt.subplots(figsize=(10, 0.7 * len(table) + 2.2))
    left = np.zeros(len(table))
    for role in table.columns:
        values = table[role].fillna(0.0).to_numpy()
        ax.barh(range(len(table)), values, left=left, color=ROLES[role][1], label=ROLES[role][0], height=0.6)
        left += values
    for position, total in enumerate(left):
        ax.annotate(f"R² = {total:.2f}", (total, position), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=9)
    ax.set_yticks(range(len(table)), [outcome_label(o, base_year) for o in table.index])
    ax.set_xlim(0, max(1e-9, left.max()) * 1.2)
    ax.set_xlabel("Contribution to R² (Shapley value)")
    ax.set_title(f"How much of the cross-country variation each regressor explains ({model} model, n = "
                 f"{rows['nobs'].min()}–{rows['nobs'].max()})", fontsize=11)
    ax.legend(title="Regressor", fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    return fig


# ----------------------------------------------------------------------------------------------
# Headline rows and findings


def _verdict_rows(outcome: str, row) -> list[dict]:
    rows = [
        _row(f"r2_resources_only_{outcome}", row["r2_resources"], "R²", f"{outcome} ~ resource index (OLS)"),
        _row(f"r2_governance_only_{outcome}", row["r2_governance"], "R²", f"{outcome} ~ governance index (OLS)"),
        _row(f"r2_joint_{outcome}", row["r2_joint"], "R²", f"{outcome} ~ resource + governance index"),
        _row(f"shapley_share_governance_{outcome}", row["shapley_governance"] / row["r2_joint"], "share of R²",
             f"Governance index's Shapley share of the joint model's R², {outcome}"),
        _row(f"std_coef_governance_joint_{outcome}", row["std_coef_governance"], "standardized coefficient",
             f"Governance index in the joint model, {outcome}"),
        _row(f"p_governance_joint_{outcome}", row["p_governance"], "p-value (HC3)",
             f"Governance index in the joint model, {outcome}"),
        _row(f"std_coef_resources_joint_{outcome}", row["std_coef_resources"], "standardized coefficient",
             f"Resource index in the joint model, {outcome}"),
        _row(f"p_resources_joint_{outcome}", row["p_resources"], "p-value (HC3)",
             f"Resource index in the joint model, {outcome}"),
        _row(f"nobs_{outcome}", int(row["nobs"]), "countries", f"Common sample of the models of {outcome}"),
        _row(f"governance_explains_more_{outcome}", int(row["governance_explains_more"]), "1 = yes",
             f"Governance's Shapley R² share exceeds resources' in the joint model, {outcome}"),
    ]
    if "n_flips" in row.index:
        rows.append(_row(f"loo_flips_{outcome}", int(row["n_flips"]), "countries",
                         f"Single countries whose removal reverses the verdict, {outcome}"))
    return rows


#: Headline-key slugs of the resource-poor Eastern European group under each definition (the variants keep
#: the keys they had before the essay's own definition became the default); the chosen one is also ``east``.
POOR_SLUGS = {"ce_see": "ce_see", "ce_baltics": "cee", "ce_baltics_see": "ee_with_see"}
#: The slug of whichever definition the run chose (what the ledger reads).
CHOSEN_SLUG = "east"


def _group_rows(row, base_year: int, eastern_europe: str = EASTERN_EUROPE_DEFAULT) -> list[dict]:
    outcome = row["outcome"]
    unit = outcome_unit(outcome, base_year)
    poor_name = EASTERN_EUROPE[eastern_europe][1]
    return [
        _row(f"median_{outcome}_resource_rich_cis", row["median_rich_cis"], unit, f"Median {outcome}, {RICH_CIS}"),
        _row(f"median_{outcome}_other_cis", row["median_other_cis"], unit, f"Median {outcome}, {OTHER_CIS}"),
        _row(f"mannwhitney_p_{outcome}_rich_cis_vs_poor_{CHOSEN_SLUG}", row["mannwhitney_p"], "p-value",
             f"Two-sided Mann-Whitney test, {RICH_CIS} vs {poor_name}, {outcome}"),
    ]


def headline_rows(verdict: pd.DataFrame, groups: pd.DataFrame, cross: pd.DataFrame, base_year: int,
                  eastern_europe: str = EASTERN_EUROPE_DEFAULT) -> list[dict]:
    """Headline numbers as dicts (key, value, unit, description) for :meth:`Outputs.headline`."""
    rows = [item for outcome, row in verdict.iterrows() for item in _verdict_rows(outcome, row)]
    rows += [item for _, row in groups.iterrows() for item in _group_rows(row, base_year, eastern_europe)]
    rich = sorted(cross.loc[cross["resource_group"] == RICH_CIS, "iso3"])
    return rows + [
        _row("eastern_europe_definition", eastern_europe, "name",
             f"Resource-poor Eastern Europe of this run: {EASTERN_EUROPE[eastern_europe][1]}"),
        _row("n_outcomes", len(verdict), "outcomes", "Outcomes modelled"),
        _row("n_outcomes_governance_explains_more", int(verdict["governance_explains_more"].sum()), "outcomes",
             "Outcomes where governance's Shapley R² share exceeds resources' (joint model)"),
        _row("corr_resource_governance_index", cross[[RESOURCE_INDEX, GOVERNANCE_INDEX]].corr().iloc[0, 1], "Pearson r",
             "Correlation of the resource and governance indices across countries"),
        _row("n_resource_rich_cis", len(rich), "countries", "CIS states with rents at or above the threshold"),
        _row("resource_rich_cis", ", ".join(rich), "ISO3 codes", "CIS states with rents at or above the threshold"),
    ]


def confounding_rows(beyond: pd.DataFrame, within: pd.DataFrame, separation: pd.DataFrame,
                     beyond_initial: pd.DataFrame | None = None) -> list[dict]:
    """Headline rows of the within-CIS test: governance beside a former-USSR indicator (and beside the fuller
    initial conditions), among the CIS states alone, and how far the groups' governance ranges overlap."""
    rows = []
    for r in (beyond_initial.itertuples() if beyond_initial is not None else ()):
        rows += [_row(f"governance_beyond_initial_coef_{r.outcome}", r.coef_governance, "coefficient",
                      f"Governance index beside the initial conditions {r.controls} (OLS, HC3), {r.outcome}"),
                 _row(f"governance_beyond_initial_p_{r.outcome}", r.p_governance, "p-value (HC3)",
                      f"Governance index beside the initial conditions {r.controls}, {r.outcome}")]
    for r in beyond.itertuples():
        rows += [_row(f"governance_beyond_fsu_coef_{r.outcome}", r.coef_governance, "coefficient",
                      f"Governance index beside a former-USSR indicator (OLS, HC3), {r.outcome}"),
                 _row(f"governance_beyond_fsu_p_{r.outcome}", r.p_governance, "p-value (HC3)",
                      f"Governance index beside a former-USSR indicator, {r.outcome}"),
                 _row(f"governance_beyond_fsu_r2_gain_{r.outcome}", r.r2_gain, "R²",
                      f"R² added by governance to a former-USSR indicator, {r.outcome}")]
    for r in within.itertuples():
        rows += [_row(f"governance_within_cis_slope_{r.outcome}", r.slope, "coefficient",
                      f"Slope of {r.outcome} on governance among the CIS states only (OLS)"),
                 _row(f"governance_within_cis_p_{r.outcome}", r.p_slope, "p-value (HC3)",
                      f"Slope of {r.outcome} on governance among the CIS states only"),
                 _row(f"governance_within_cis_rho_{r.outcome}", r.spearman_rho, "Spearman rho",
                      f"Governance and {r.outcome} among the CIS states only"),
                 _row(f"governance_within_cis_n_{r.outcome}", int(r.n), "countries",
                      f"CIS states with governance and {r.outcome}")]
    by_group = separation.set_index("broad_group")
    return rows + [
        _row("governance_index_max_cis", by_group.loc["CIS", "maximum"], "index", "Highest governance index of a CIS state"),
        _row("governance_index_min_cee_baltics", by_group.loc["CEE & Baltics", "minimum"], "index",
             "Lowest governance index of a Central European or Baltic state"),
        _row("governance_n_see_inside_cis_range", int(by_group.loc["SEE", "n_inside_cis_range"]), "countries",
             "South-East European states whose governance index lies inside the CIS range"),
    ]


def headline_summary(headlines: dict) -> str:
    """One line: how many headlines, and in how many outcomes governance explains more."""
    return (f"{len(headlines)} headlines; governance explains more in "
            f"{headlines['n_outcomes_governance_explains_more']['value']} of {headlines['n_outcomes']['value']} outcomes")


def poor_label(cross: pd.DataFrame) -> str:
    """The resource-poor Eastern European group of ``cross`` (whichever definition built it)."""
    present = [label for _members, label in EASTERN_EUROPE.values() if (cross["resource_group"] == label).any()]
    return present[0] if present else EASTERN_EUROPE[EASTERN_EUROPE_DEFAULT][1]


def findings_text(verdict: pd.DataFrame, groups: pd.DataFrame, cross: pd.DataFrame,
                  base_year: int, threshold: float, governance_start: int = GOVERNANCE_PERIOD[0]) -> str:
    """The Findings paragraph, every number from the computed tables."""
    def label(name):
        return outcome_label(name, base_year)

    rich = ", ".join(sorted(cross.loc[cross["resource_group"] == RICH_CIS, "iso3"]))
    gov_more = verdict.index[verdict["governance_explains_more"]].tolist()
    early = [o for o in verdict.index if outcome_end_year(o) <= ESSAY_YEAR]
    later = [o for o in verdict.index if outcome_end_year(o) > ESSAY_YEAR]
    lines = [(f"- **Groups.** With rents ≥ {fmt(threshold)}% of GDP the resource-rich CIS states are {rich}. "
             f"Medians, resource-rich CIS vs {poor_label(cross)} (two-sided Mann-Whitney p):")]
    lines += [f"    - {label(r.outcome)}: {fmt(r.median_rich_cis)} vs {fmt(r.median_poor_cee)} "
              f"(p = {fmt(r.mannwhitney_p, 2)}; other CIS {fmt(r.median_other_cis)})" for r in groups.itertuples()]
    lines.append(f"- **Which explains more.** Governance has the larger Shapley share of the joint model's R² in "
                 f"{len(gov_more)} of {len(verdict)} outcomes. R² of resources alone / governance alone; "
                 "standardized coefficients (HC3 p) of governance and resources in the joint model:")
    lines += [f"    - {label(o)}: R² {fmt(r.r2_resources, 2)} / {fmt(r.r2_governance, 2)}; governance "
              f"{fmt(r.std_coef_governance, 2)} (p = {fmt(r.p_governance, 2)}), resources "
              f"{fmt(r.std_coef_resources, 2)} (p = {fmt(r.p_resources, 2)}); n = {r.nobs}; "
              f"{'governance explains' if r.governance_explains_more else 'resources explain'} more"
              for o, r in verdict.iterrows()]
    if early:
        early_gov = sum(verdict.loc[early, "governance_explains_more"])
        lines.append(f"- **As of the essay (outcomes ending by {ESSAY_YEAR}).** Governance explains more in "
                     f"{early_gov} of {len(early)}; for later outcomes in "
                     f"{sum(verdict.loc[later, 'governance_explains_more'])} of {len(later)}.")
    if "n_flips" in verdict.columns:
        lines.append("- **Fragility.** Dropping one country at a time reverses the verdict for "
                     + "; ".join(f"{label(o)}: {r.n_flips} countr{'y' if r.n_flips == 1 else 'ies'}"
                                 + (f" ({r.flipped_by})" if r.n_flips else "") for o, r in verdict.iterrows()) + ".")
    corr = cross[[RESOURCE_INDEX, GOVERNANCE_INDEX]].corr().iloc[0, 1]
    direction = ("resource-rich states tend to be worse governed" if corr < 0 else
                 "resource-rich states tend to be better governed")
    lines.append(f"- **Caveat.** The two indices are correlated (r = {fmt(corr, 2)}): {direction}, so with "
                 f"{verdict['nobs'].min()}–{verdict['nobs'].max()} countries the data separate the two "
                 f"explanations only weakly. Governance is measured from {governance_start} on, after the "
                 "early-1990s collapse, and may partly reflect it; these are associations, not causal effects.")
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------------
# Robustness: groups with and without South-East Europe, per capita, early governance, bootstrap


def _span_rows(key: str, low, high, unit: str, description: str) -> list[dict]:
    """The two ends of a bootstrap interval as headline rows ``<key>_low`` and ``<key>_high``."""
    return [_row(f"{key}_{end}", value, unit, f"Bootstrap interval, {end} end: {description}")
            for end, value in (("low", low), ("high", high))]


def _interval_rows(row, base_year: int, chosen: str) -> list[dict]:
    """One definition's medians and difference with intervals, under its own slug and, for the run's
    chosen definition, under :data:`CHOSEN_SLUG` too."""
    outcome, unit = row["outcome"], outcome_unit(row["outcome"], base_year)
    name, rich = row["poor_group"], f"median_{outcome}_resource_rich_cis"
    first = row["eastern_europe"] == next(iter(EASTERN_EUROPE))
    rows = [] if not first else [
        _row(rich, row["median_rich_cis"], unit, f"Median {outcome}, {RICH_CIS}"),
        *_span_rows(rich, row["rich_low"], row["rich_high"], unit, f"median {outcome}, {RICH_CIS}")]
    slugs = [POOR_SLUGS[row["eastern_europe"]]] + ([CHOSEN_SLUG] if row["eastern_europe"] == chosen else [])
    for slug in slugs:
        rows += [
            _row(f"median_{outcome}_resource_poor_{slug}", row["median_poor"], unit, f"Median {outcome}, {name}"),
            *_span_rows(f"median_{outcome}_resource_poor_{slug}", row["poor_low"], row["poor_high"], unit,
                        f"median {outcome}, {name}"),
            _row(f"difference_{outcome}_rich_cis_vs_poor_{slug}", row["difference"], unit,
                 f"Median {outcome}: {RICH_CIS} minus {name}"),
            *_span_rows(f"difference_{outcome}_rich_cis_vs_poor_{slug}", row["difference_low"], row["difference_high"],
                        unit, f"difference of medians, {outcome}, {RICH_CIS} minus {name}"),
            _row(f"mannwhitney_p_{outcome}_rich_cis_vs_poor_{slug}", row["mannwhitney_p"], "p-value",
                 f"Two-sided Mann-Whitney test, {RICH_CIS} vs {name}, {outcome}"),
            _row(f"mde_{outcome}_rich_cis_vs_poor_{slug}", row["mde"], unit,
                 f"Smallest difference of means detectable with 80% power at 5% (t-test), {RICH_CIS} vs {name}, {outcome}"),
        ]
    return rows


def _share_rows(row) -> list[dict]:
    outcome = row["outcome"]
    return [
        *_span_rows(f"shapley_share_governance_{outcome}", row["low"], row["high"], "share of R²",
                    f"governance's Shapley share of R² (joint model), {outcome}"),
        _row(f"bootstrap_share_governance_more_{outcome}", row["share_draws_governance_more"], "share of resamples",
             f"Resamples in which governance's Shapley share exceeds resources', {outcome}"),
    ]


def _early_rows(outcome: str, row) -> list[dict]:
    return [
        _row(f"shapley_share_early_governance_{outcome}", row["shapley_governance"] / row["r2_joint"], "share of R²",
             f"Early governance index's (Freedom House before the WGI) Shapley share of R², {outcome}"),
        _row(f"early_governance_explains_more_{outcome}", int(row["governance_explains_more"]), "1 = yes",
             f"Early governance's Shapley R² share exceeds resources' (joint model), {outcome}"),
        _row(f"nobs_early_governance_{outcome}", int(row["nobs"]), "countries",
             f"Common sample of the models with the early governance index, {outcome}"),
    ]


def robustness_rows(intervals: pd.DataFrame, shares: pd.DataFrame, early: pd.DataFrame, per_capita: pd.DataFrame,
                    base_year: int, draws: int, level: float, eastern_europe: str = EASTERN_EUROPE_DEFAULT) -> list[dict]:
    """Headline rows of the robustness checks: group medians under every definition of Eastern Europe with
    bootstrap intervals (``intervals`` from :func:`group_intervals`, per-capita outcomes included),
    bootstrap intervals of governance's Shapley share, the early-governance and per-capita verdicts."""
    rows = [item for _, row in intervals.iterrows() for item in _interval_rows(row, base_year, eastern_europe)]
    rows += [item for _, row in shares.iterrows() for item in _share_rows(row)]
    rows += [item for outcome, row in early.iterrows() for item in _early_rows(outcome, row)]
    rows += [item for outcome, row in per_capita.iterrows() for item in _verdict_rows(outcome, row)]
    return rows + [_row("bootstrap_draws", int(draws), "resamples", "Bootstrap resamples of every interval"),
                   _row("bootstrap_level", float(level), "coverage", "Coverage of every bootstrap (percentile) interval")]


def interval_display(intervals: pd.DataFrame) -> pd.DataFrame:
    """The group comparison with intervals, one row per outcome and definition, rounded for display."""
    shown = intervals.assign(**{
        "Eastern Europe": intervals["poor_group"],
        "rich CIS": intervals.apply(lambda r: f"{fmt(r.median_rich_cis)} [{fmt(r.rich_low)}, {fmt(r.rich_high)}]", axis=1),
        "poor Eastern Europe": intervals.apply(lambda r: f"{fmt(r.median_poor)} [{fmt(r.poor_low)}, {fmt(r.poor_high)}]", axis=1),
        "difference": intervals.apply(lambda r: f"{fmt(r.difference)} [{fmt(r.difference_low)}, {fmt(r.difference_high)}]", axis=1)})
    return shown.set_index(["outcome", "Eastern Europe"])[["rich CIS", "poor Eastern Europe", "difference", "n_rich_cis", "n_poor"]]


def _interval(value, low, high, digits: int = 1) -> str:
    return f"{fmt(value, digits)} [{fmt(low, digits)}, {fmt(high, digits)}]"


def _persistence_line(intervals: pd.DataFrame, label, chosen: str) -> str:
    """Does the gap the essay saw persist? The last level outcome, total and per capita, the chosen definition."""
    default = intervals[intervals["eastern_europe"] == chosen]
    parts = []
    for prefix in ("gdp_index_", "gdppc_index_"):
        rows = default[default["outcome"].str.startswith(prefix)]
        if len(rows):
            r = rows.iloc[-1]
            state = ("still below" if r.difference_high < 0 else "above" if r.difference_low > 0
                     else "not distinguishable from")
            parts.append(f"{label(r.outcome)}: resource-rich CIS {state} {r.poor_group}, "
                         f"difference {_interval(r.difference, r.difference_low, r.difference_high)}")
    return "- **Does the gap the essay saw persist?** " + "; ".join(parts) + "."


def robustness_text(intervals: pd.DataFrame, shares: pd.DataFrame, early: pd.DataFrame, per_capita: pd.DataFrame,
                    base_year: int, early_period, level: float, eastern_europe: str = EASTERN_EUROPE_DEFAULT) -> str:
    """The Findings bullets of the robustness checks, every number from the computed tables."""
    def label(name):
        return outcome_label(name, base_year)

    names = " / ".join(label for _members, label in EASTERN_EUROPE.values())
    lines = [(f"- **Intervals ({level:.0%} bootstrap, countries resampled within groups).** Medians, resource-rich "
              f"CIS vs {names}; difference of medians:")]
    for outcome, rows in intervals.groupby("outcome", sort=False):
        first = rows.iloc[0]
        lines.append(f"    - {label(outcome)}: {_interval(first.median_rich_cis, first.rich_low, first.rich_high)} vs "
                     + " / ".join(_interval(r.median_poor, r.poor_low, r.poor_high) for r in rows.itertuples())
                     + "; difference " + " / ".join(_interval(r.difference, r.difference_low, r.difference_high)
                                                    for r in rows.itertuples()))
    lines.append(_persistence_line(intervals, label, eastern_europe))
    lines.append("- **Governance's Shapley share of R² (joint model), with its bootstrap interval and the share of "
                 "resamples in which governance explains more:** " + "; ".join(
                     f"{label(r.outcome)} {_interval(r.share_governance, r.low, r.high, 2)}, "
                     f"{fmt(100 * r.share_draws_governance_more, 0)}%" for r in shares.itertuples()) + ".")
    lines.append(f"- **Governance dated before the collapse** (Freedom House {early_period[0]}–{early_period[1]}, "
                 "z-score, in place of the index measured from 1996 on): governance explains more in "
                 f"{int(early['governance_explains_more'].sum())} of {len(early)} outcomes (Shapley share: " + "; ".join(
                     f"{label(o)} {fmt(r.shapley_governance / r.r2_joint, 2)}, n = {r.nobs}" for o, r in early.iterrows()) + ").")
    lines.append("- **Per capita** (Maddison GDP per capita): governance explains more in "
                 f"{int(per_capita['governance_explains_more'].sum())} of {len(per_capita)} outcomes (Shapley share: " + "; ".join(
                     f"{label(o)} {fmt(r.shapley_governance / r.r2_joint, 2)}" for o, r in per_capita.iterrows()) + ").")
    return "\n".join(lines)


def confounding_text(beyond: pd.DataFrame, within: pd.DataFrame, separation: pd.DataFrame, base_year: int) -> str:
    """The Findings bullet of the within-CIS test, every number from the computed tables."""
    by_group = separation.set_index("broad_group")
    paired = beyond.merge(within, on="outcome")
    return ("- **Governance or the Soviet past?** The governance index nearly sorts the regions: the CIS states run "
            f"from {fmt(by_group.loc['CIS', 'minimum'], 2)} to {fmt(by_group.loc['CIS', 'maximum'], 2)}, Central "
            f"Europe and the Baltics from {fmt(by_group.loc['CEE & Baltics', 'minimum'], 2)} up. Beside a former-USSR "
            "indicator, governance adds to R² (coefficient p, HC3); among the CIS states alone (Spearman rho, slope p): "
            + "; ".join(f"{outcome_label(r.outcome, base_year)} +{fmt(r.r2_gain, 2)} (p = {fmt(r.p_governance, 2)}); "
                        f"rho {fmt(r.spearman_rho, 2)} (p = {fmt(r.p_slope, 2)}, n = {r.n})" for r in paired.itertuples()) + ".")
