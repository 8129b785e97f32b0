"""Notebook 02 (output paths): its figures, headline rows and findings text.

The numbers come from :mod:`transition.analysis.output`; this module only draws, names and writes
them up. Figures are returned, not saved (the notebook saves them with ``Outputs.figure``, which
adds the source note and translates the texts); headline rows are dicts for ``Outputs.headline``.

Examples
--------
>>> rows = headline_rows(summary, path_recovery, main, loss_counts, assoc, gap, russia_1998,  # doctest: +SKIP
...                      n_disagreements=37, sources=["wdi"], gdp_source="wdi", base_year=1989,
...                      substantial_loss=90.0, disagreement_threshold=10.0)
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from transition.analysis import aggregates, groups, output
from transition.analysis.loss_mechanism import (
    EVERY_COUNTRY_GAP,
    FIXED_GAP_MEASURES,
    PER_CAPITA,
    pick_mechanism,
)
from transition.analysis.output import (
    CHECKPOINT_YEARS,
    loss_count,
    ok_group,
    pick_association,
    shallowest,
)
from transition.chapters.specs import OUTPUT_PATHS as SPEC  # noqa: F401 (the notebook's parameter spec)
from transition.claims.ledger import ALPHA  # the significance level of the C2 rule
from transition.data import derived
from transition.data.loaders import VARIABLES
from transition.data.vocabulary import ESSAY_YEAR
from transition.present.axes import place_labels
from transition.present.outputs import headline_row as _row
from transition.present.outputs import interval_rows
from transition.present.style import GROUP_COLORS
from transition.present.text import format_number

#: Registry source id of the EBRD indicators (the gap's source).
EBRD_SOURCE = "ebrd_transition_indicators"


def source_ids(sources) -> list[str]:
    """Registry source ids of GDP sources (for figure source notes): 'wdi' → 'gapminder_wdi'."""
    return list(dict.fromkeys(VARIABLES[derived.GDP_SOURCES[source]].source for source in sources))


def slug(label: str) -> str:
    """A group label as part of a headline key: 'CEE & Baltics' → 'cee_baltics'."""
    return "_".join("".join(ch if ch.isalnum() else " " for ch in label.lower()).split())


# --------------------------------------------------------------------------------------------
# Display helpers
# --------------------------------------------------------------------------------------------

#: Columns of the country table shown in the notebook (the CSV has them all).
COUNTRY_COLUMNS = ["iso3", "broad_group", "trough_year", "trough_index", "recovery_year", "years_below_base",
                   "cumulative_loss", "index_1999", "index_2007", "index_latest"]
#: Columns of the group summary shown in the notebook.
SUMMARY_COLUMNS = ["n", "median_trough_index", "mean_trough_index", "median_years_to_trough",
                   "median_years_below_base", "median_index_1999", "median_index_2002",
                   "median_index_latest", "median_growth_1999_2002", "n_recovered_by_2002"]
#: Columns of the association table shown in the notebook.
ASSOCIATION_COLUMNS = ["sample", "x", "y", "controls", "n", "rho", "rho_p", "slope", "slope_se", "slope_p"]
#: Columns of the mechanism table (every gap definition, total and per capita) shown in the notebook.
MECHANISM_COLUMNS = ["definition", "sample", "x", "output", "controls", "n", "rho", "rho_p", "slope", "slope_p"]


def mechanism_view(mechanism: pd.DataFrame, y: str = "trough_index") -> pd.DataFrame:
    """The rows of ``loss_mechanism.mechanism_associations`` for one output measure (total and per capita)."""
    return mechanism[mechanism["y"].isin([y, f"{y}{PER_CAPITA}"])][MECHANISM_COLUMNS].round(3).reset_index(drop=True)


def country_view(main: pd.DataFrame) -> pd.DataFrame:
    """Countries with an index, sorted by the depth of the trough, rounded for reading."""
    return main.loc[main["status"] == "ok", COUNTRY_COLUMNS].sort_values("trough_index").round(1)


def summary_view(summary: pd.DataFrame, path_recovery: pd.Series) -> pd.DataFrame:
    """The group summary with the median path's recovery year: measures as rows, groups as columns."""
    frame = summary.set_index("group")[SUMMARY_COLUMNS].assign(median_path_recovery=path_recovery)
    return frame.round(1).T


def loss_count_view(loss_counts: pd.DataFrame) -> pd.DataFrame:
    """Countries below each threshold: rows source x group, columns threshold."""
    return loss_counts.pivot_table(index=["source", "group"], columns="threshold", values="n_below").astype(int)


def gap_note(gap: pd.DataFrame) -> str:
    """'gap censored: N; no gap: ISO3, …' for the gap step."""
    no_gap = ", ".join(gap.loc[gap["gap_years"].isna(), "iso3"]) or "none"
    return f"gap censored: {int(gap['gap_censored'].sum())}; no gap: {no_gap}"


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------

def plot_paths_by_group(paths: pd.DataFrame, order, gdp_source: str, base_year: int, colors=None):
    """Median index path (lines) and interquartile range (bands) of each group, groups in ``order``."""
    colors = GROUP_COLORS if colors is None else colors
    fig, ax = plt.subplots(figsize=(9, 5.5))
    for group in [g for g in order if g in set(paths["group"])]:
        one = paths[paths["group"] == group]
        ax.plot(one["year"], one["median"], color=colors[group], lw=2, label=f"{group} (n = {one['n'].max()})")
        ax.fill_between(one["year"], one["q25"], one["q75"], color=colors[group], alpha=0.15, lw=0)
    ax.axhline(100, color="0.3", lw=0.8, ls="--")
    ax.axvline(ESSAY_YEAR, color="0.5", lw=0.8, ls=":")
    ax.annotate(f"essay (~{ESSAY_YEAR})", (ESSAY_YEAR, 1), xycoords=("data", "axes fraction"), xytext=(3, -12),
                textcoords="offset points", fontsize=8, color="0.4")
    ax.set(title=f"Real GDP by group: median and interquartile range ({gdp_source.upper()}, {base_year} = 100)",
           xlabel="year", ylabel=f"real GDP index, {base_year} = 100")
    off_scale(ax, paths)
    ax.legend(loc="upper left", frameon=False)
    return fig


def off_scale(ax, paths: pd.DataFrame, factor: float = 1.3) -> None:
    """A group whose median path rises above ``factor`` times every other group's highest upper quartile
    (Mongolia's mining boom) would squash the others: the axis stops there, and the group's highest
    median is written at the top edge of the chart instead."""
    tops = paths.groupby("group")["median"].max()
    for group, top in tops.items():
        others = paths.loc[paths["group"] != group, "q75"].max()
        if len(tops) > 1 and top > factor * others:
            limit = others * 1.1
            ax.set_ylim(top=limit)
            peak = paths[paths["group"] == group].loc[lambda f: f["median"].idxmax()]
            ax.annotate(f"{group}: {peak['median']:.0f} in {int(peak['year'])}\n(off the scale)",
                        (peak["year"], limit), xytext=(-8, -40), textcoords="offset points", ha="right", va="top",
                        fontsize=8, color="0.25", arrowprops={"arrowstyle": "-|>", "color": "0.4", "lw": 0.8})


def plot_trough_by_source(troughs: pd.DataFrame, sources, base_year: int, horizon: int):
    """Trough by country (rows of ``troughs``, in their order) and source: one marker per source."""
    fig, ax = plt.subplots(figsize=(8, 8.5))
    ax.hlines(troughs.index, troughs.min(axis=1), troughs.max(axis=1), color="0.75", lw=1, zorder=0)
    for source, marker in zip(sources, "os^D"):
        ax.scatter(troughs[source], troughs.index, marker=marker, s=32, alpha=0.85, label=source.upper())
    ax.set(title=f"Depth of the transition trough by GDP source ({base_year}-{base_year + horizon})",
           xlabel=f"lowest real GDP index, {base_year} = 100", ylabel="country (ISO3)")
    ax.legend(title="source", loc="lower right")
    return fig


def plot_trough_vs_gap(gap: pd.DataFrame, assoc: pd.DataFrame, gap_threshold: float, gdp_source: str,
                       base_year: int, colors=None):
    """Trough against the liberalization-institutions gap in years; censored gaps as hollow markers."""
    colors = GROUP_COLORS if colors is None else colors
    main = pick_association(assoc, "trough_index")
    with_gap = gap.dropna(subset=["gap_years"])
    fig, ax = plt.subplots(figsize=(8.5, 5.5))
    for (group, censored), part in with_gap.groupby(["broad_group", "gap_censored"]):
        ax.scatter(part["gap_years"], part["trough_index"], s=45, edgecolor=colors[group],
                   facecolor="none" if censored else colors[group], label=group + (" (gap censored)" if censored else ""))
    place_labels(ax, with_gap["gap_years"], with_gap["trough_index"], with_gap["iso3"])
    ax.set(title=f"Trough vs liberalization-institutions gap (Spearman rho = {main['rho']:.2f}, "
                 f"p = {main['rho_p']:.2f}, n = {main['n']})",
           xlabel=f"years from liberalization to institutions reaching EBRD {gap_threshold:g}",
           ylabel=f"trough of real GDP, {base_year} = 100 ({gdp_source.upper()})")
    ax.legend(fontsize=8, frameon=False, loc="lower left")
    return fig


def plot_trough_vs_fixed_gap(frame: pd.DataFrame, mechanism: pd.DataFrame, gdp_source: str, base_year: int,
                             x: str = EVERY_COUNTRY_GAP, colors=None):
    """Trough (total, per capita) against the gap that keeps every country: two panels, one point per country."""
    colors = GROUP_COLORS if colors is None else colors
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.8), sharex=True)
    for ax, (y, what) in zip(axes, [("trough_index", "total"), (f"trough_index{PER_CAPITA}", "per capita")]):
        row = pick_mechanism(mechanism, x, y)
        data = frame.dropna(subset=[x, y])
        for group, part in data.groupby("broad_group"):
            ax.scatter(part[x], part[y], s=40, color=colors[group], label=group)
        place_labels(ax, data[x], data[y], data["iso3"])
        ax.set(title=f"GDP {what}: Spearman rho = {row['rho']:.2f}, p = {row['rho_p']:.2f}, n = {row['n']}",
               xlabel="liberalization minus institutions, EBRD points (" + x.removeprefix("gap_points_").replace("_", "-") + ")",
               ylabel=f"trough of real GDP{'' if what == 'total' else ' per capita'}, {base_year} = 100 "
                      f"({gdp_source.upper()})")
    axes[0].legend(fontsize=8, frameon=False, loc="lower right")
    fig.suptitle("Trough vs the liberalization-institutions gap, every country")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------------------------
# Headline rows
# --------------------------------------------------------------------------------------------

def _group_measures(base_year: int) -> list[tuple]:
    """(summary column, key, unit, description) of the per-group headlines."""
    unit_index = f"index, {base_year} = 100"
    return [
        ("n", "n_countries", "countries", "countries with a GDP index"),
        ("median_trough_index", "median_trough_index", unit_index, "median depth of the transition trough"),
        ("mean_trough_index", "mean_trough_index", unit_index, "mean depth of the transition trough"),
        ("median_years_to_trough", "median_years_to_trough", "years", "median years from the base year to the trough"),
        ("median_years_below_base", "median_years_below_base", "years",
         "median length of the spell below the base-year level (censored at the latest year if not recovered)"),
        ("median_cumulative_loss", "median_cumulative_loss", "index-point-years",
         "median cumulative output loss in the trough window"),
        *[(f"median_index_{year}", f"median_index_{year}", unit_index, f"median GDP index in {year}")
          for year in (*CHECKPOINT_YEARS, "latest")],
        ("median_growth_1999_2002", "median_growth_1999_2002", "% per year",
         "median average annual real GDP growth 1999-2002 (the essay's time)"),
        ("n_recovered_by_2002", "n_recovered_by_2002", "countries", "countries back at the base-year level by 2002"),
        ("share_recovered_by_2002", "share_recovered_by_2002", "share of countries",
         "share of countries back at the base-year level by 2002"),
        ("n_recovered_by_2007", "n_recovered_by_2007", "countries", "countries back at the base-year level by 2007"),
        ("n_recovered", "n_recovered_latest", "countries", "countries back at the base-year level by the latest year"),
    ]


def group_headlines(summary: pd.DataFrame, path_recovery: pd.Series, base_year: int) -> list[dict]:
    """Headline rows of the groups: medians, means, recoveries, the year each median path recovered."""
    rows = []
    for _, row in summary.iterrows():
        group = row["group"]
        rows += [_row(f"{key}_{slug(group)}", row[column], unit, f"{group}: {description}")
                 for column, key, unit, description in _group_measures(base_year) if column in row.index]
        year = path_recovery.get(group)
        rows.append(_row(f"median_path_recovery_year_{slug(group)}", None if pd.isna(year) else int(year), "year",
                         f"{group}: first year the group's median index path is back at the base-year level "
                         "after its lowest point (null = not yet)"))
    return rows


def loss_headlines(main: pd.DataFrame, loss_counts: pd.DataFrame, sources, gdp_source: str, base_year: int,
                   substantial_loss: float) -> list[dict]:
    """Headline rows of C2's losses: counts below the threshold by source, the shallowest troughs."""
    unit = f"index, {base_year} = 100"
    cis, cee = ok_group(main, "CIS"), ok_group(main, "CEE & Baltics")
    cis_top = shallowest(main, "CIS")
    rows = [_row("substantial_loss_threshold", substantial_loss, unit, "trough below which a loss counts as substantial")]
    rows += [_row(f"cis_countries_with_substantial_loss_{source}", loss_count(loss_counts, source, "CIS", substantial_loss),
                  "countries", f"CIS countries whose trough ({source}) is below the substantial-loss threshold")
             for source in sources]
    return rows + [
        _row("cis_countries_with_substantial_loss", loss_count(loss_counts, gdp_source, "CIS", substantial_loss),
             "countries", f"CIS countries whose trough is below the substantial-loss threshold, main source ({gdp_source})"),
        _row("cis_countries_indexed", len(cis), "countries", "CIS countries with a GDP index (main source)"),
        _row("cee_baltics_countries_with_substantial_loss",
             loss_count(loss_counts, gdp_source, "CEE & Baltics", substantial_loss), "countries",
             "CEE & Baltic countries whose trough is below the substantial-loss threshold (main source)"),
        _row("cee_baltics_countries_indexed", len(cee), "countries", "CEE & Baltic countries with a GDP index (main source)"),
        _row("cis_shallowest_trough_index", None if cis_top is None else cis_top["trough_index"], unit,
             "shallowest CIS trough, main source" + ("" if cis_top is None else f" ({cis_top['iso3']})")),
        _row("cee_baltics_shallowest_trough_index", cee["trough_index"].max() if len(cee) else None, unit,
             "shallowest CEE & Baltic trough, main source"),
    ]


def association_headlines(assoc: pd.DataFrame) -> list[dict]:
    """Headline rows of C2's gap: Spearman correlations and OLS slopes of the trough on the gap."""
    rows = []
    for y, name in [("trough_index", "trough"), ("cumulative_loss", "cumulative_loss"),
                    ("years_below_base", "years_below_base")]:
        row = pick_association(assoc, y)
        rows += [_row(f"spearman_gap_vs_{name}_rho", row["rho"], "Spearman rho", f"gap_years vs {y}, countries with a gap"),
                 _row(f"spearman_gap_vs_{name}_p", row["rho_p"], "p-value", f"two-sided p of the Spearman rho, gap_years vs {y}"),
                 _row(f"spearman_gap_vs_{name}_n", row["n"], "countries", f"countries in the gap_years vs {y} correlation")]
    for controls, name in [("none", "ols_gap_trough"), ("former_ussr+war", "ols_gap_trough_controlled")]:
        row = pick_association(assoc, "trough_index", controls)
        unit = "index points per year of gap"
        rows += [_row(f"{name}_slope", row["slope"], unit, f"OLS slope of trough_index on gap_years (controls: {controls})"),
                 _row(f"{name}_se", row["slope_se"], unit, f"HC1-robust SE of that slope (controls: {controls})"),
                 _row(f"{name}_p", row["slope_p"], "p-value", f"HC1-robust p of that slope (controls: {controls})")]
    return rows


def _key(x: str) -> str:
    """Headline-key name of a gap column: 'gap_points_1990_1995' → 'gap_1990_1995', 'gap_years' → 'gap'."""
    return "gap" if x == "gap_years" else x.replace("gap_points_", "gap_")


def mechanism_headlines(mechanism: pd.DataFrame) -> list[dict]:
    """C2's mechanism on every country (``loss_mechanism``): Spearman of the trough, total and per capita, on each
    fixed-date gap (and per capita on the old gap); the OLS slope with controls on the gap the ledger uses."""
    rows = []
    pairs = [(x, y) for x in FIXED_GAP_MEASURES for y in ("trough_index", f"trough_index{PER_CAPITA}")]
    for x, y in [*pairs, ("gap_years", f"trough_index{PER_CAPITA}")]:
        row, name = pick_mechanism(mechanism, x, y), f"spearman_{_key(x)}_vs_{y.replace('_index', '')}"
        rows += [_row(f"{name}_rho", row["rho"], "Spearman rho", f"{x} vs {y} ({row['sample']} countries)"),
                 _row(f"{name}_p", row["rho_p"], "p-value", f"two-sided p of the Spearman rho, {x} vs {y}"),
                 _row(f"{name}_n", row["n"], "countries", f"countries in the {x} vs {y} correlation")]
    for y in ("trough_index", f"trough_index{PER_CAPITA}"):
        row, name = pick_mechanism(mechanism, EVERY_COUNTRY_GAP, y, "former_ussr+war"), f"ols_{_key(EVERY_COUNTRY_GAP)}_{y}"
        rows += [_row(f"{name}_controlled_slope", row["slope"], "index points per EBRD point",
                      f"OLS slope of {y} on {EVERY_COUNTRY_GAP}, controls former USSR and war"),
                 _row(f"{name}_controlled_p", row["slope_p"], "p-value", "HC1-robust p of that slope")]
    return rows


def sample_headlines(main: pd.DataFrame, gap: pd.DataFrame, russia_1998: pd.Series, n_disagreements: int,
                     gdp_source: str, base_year: int, disagreement_threshold: float) -> list[dict]:
    """Headline rows of the samples: censored and missing gaps, Russia 1998, source disagreements, coverage."""
    unit = f"index, {base_year} = 100"
    return [
        _row("n_gap_censored", int(gap["gap_censored"].sum()), "countries",
             "countries whose institutions never reached the threshold by 2006 (gap censored at 2006)"),
        _row("n_no_gap", int(gap["gap_years"].isna().sum()), "countries",
             "countries whose liberalization never reached the threshold (no gap; left out of the correlation)"),
        *[_row(f"russia_1998_index_{source}", value, unit, f"Russia's real GDP index in 1998, {source}")
          for source, value in russia_1998.items()],
        _row("n_source_disagreements", n_disagreements, "country-measure pairs",
             f"trough, 1999 or 2007 index differing by more than {disagreement_threshold:g} points between sources"),
        _row("n_countries_indexed", int(main["status"].eq("ok").sum()), "countries", f"countries indexed from {gdp_source}"),
        _row("n_countries_skipped", int((main["status"] != "ok").sum()), "countries",
             "countries left out (definition break or missing data)"),
    ]


def claim_headlines(main: pd.DataFrame, loss_counts: pd.DataFrame, assoc: pd.DataFrame, gap: pd.DataFrame,
                    russia_1998: pd.Series, n_disagreements: int, sources, gdp_source: str, base_year: int,
                    substantial_loss: float, disagreement_threshold: float) -> list[dict]:
    """Headline rows the claims ledger reads for C2 and C3.

    ``main`` is the measures table of the main source, ``loss_counts`` the
    :func:`~transition.analysis.output.loss_counts_by_source` table, ``assoc`` the
    :func:`~transition.analysis.output.gap_associations` table, ``gap`` the ``gap_frame``.
    """
    return (loss_headlines(main, loss_counts, sources, gdp_source, base_year, substantial_loss)
            + association_headlines(assoc)
            + sample_headlines(main, gap, russia_1998, n_disagreements, gdp_source, base_year, disagreement_threshold))


# --------------------------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------------------------

def _significance(p: float) -> str:
    return f"not significant at {ALPHA:.0%}" if not p < ALPHA else f"significant at {ALPHA:.0%}"


def _depth_paragraph(med: pd.DataFrame, main: pd.DataFrame, skipped_iso3, gdp_source: str, base_year: int) -> str:
    def g(group, column):
        return format_number(med[column].get(group, np.nan) if column in med else np.nan)

    return f"""**Depth and length** (main source {gdp_source.upper()}, {base_year} = 100; {int(main['status'].eq('ok').sum())} countries,
left out: {', '.join(skipped_iso3) or 'none'}). The median CIS economy fell to {g('CIS', 'median_trough_index')} at its trough,
{g('CIS', 'median_years_to_trough')} years after {base_year}; the median Central European & Baltic economy to
{g('CEE & Baltics', 'median_trough_index')} after {g('CEE & Baltics', 'median_years_to_trough')} years (South-East Europe
{g('SEE', 'median_trough_index')}). The median spell below the {base_year} level lasted {g('CIS', 'median_years_below_base')} years
in the CIS and {g('CEE & Baltics', 'median_years_below_base')} in CEE & Baltics; median cumulative loss
{g('CIS', 'median_cumulative_loss')} against {g('CEE & Baltics', 'median_cumulative_loss')} index-point-years."""


def _loss_paragraph(main: pd.DataFrame, loss_counts: pd.DataFrame, sources, gdp_source: str,
                    substantial_loss: float) -> str:
    cis, cee, top = ok_group(main, "CIS"), ok_group(main, "CEE & Baltics"), shallowest(main, "CIS")
    by_source = "; ".join(f"{s.upper()} {loss_count(loss_counts, s, 'CIS', substantial_loss)}" for s in sources)
    return f"""**C2, losses.** {loss_count(loss_counts, gdp_source, 'CIS', substantial_loss)} of {len(cis)} CIS countries had a trough below {substantial_loss:g} (CEE & Baltics:
{loss_count(loss_counts, gdp_source, 'CEE & Baltics', substantial_loss)} of {len(cee)}). The shallowest CIS trough is
{'n/a' if top is None else top['iso3']} at {format_number(None if top is None else top['trough_index'])}.
The count depends on the source ({by_source} CIS countries below {substantial_loss:g})."""


def _gap_paragraph(assoc: pd.DataFrame, gap: pd.DataFrame, gap_threshold: float) -> str:
    trough, loss, below = (pick_association(assoc, y) for y in ("trough_index", "cumulative_loss", "years_below_base"))
    ctrl = pick_association(assoc, "trough_index", "former_ussr+war")
    no_gap = ", ".join(f"{row.iso3} {row.trough_index:.1f}" for row in gap[gap["gap_years"].isna()].itertuples()) or "none"
    return f"""**C2, the gap.** Across {trough['n']} countries with a liberalization-institutions gap ({int(gap['gap_censored'].sum())} of them
censored at 2006; left out because liberalization never reached {gap_threshold:g}, with their troughs: {no_gap}), the gap and the depth of the trough have Spearman
rho = {trough['rho']:.2f} (p = {trough['rho_p']:.2f}, {_significance(trough['rho_p'])}); cumulative loss rho = {loss['rho']:.2f}
(p = {loss['rho_p']:.2f}); years below base rho = {below['rho']:.2f} (p = {below['rho_p']:.2f}). Controlling for the
former USSR and war, the OLS slope is {ctrl['slope']:.2f} index points per year of gap (robust p = {ctrl['slope_p']:.2f},
{_significance(ctrl['slope_p'])})."""


def _c3_pattern(med: pd.DataFrame) -> str:
    cis_2002, cee_2002 = (med["median_index_2002"].get(k, np.nan) for k in ("CIS", "CEE & Baltics"))
    cis_growth, cee_growth = (med["median_growth_1999_2002"].get(k, np.nan) for k in ("CIS", "CEE & Baltics"))
    if cis_2002 < cee_2002 and cis_growth > cee_growth:
        return "the CIS median was lower but growing faster: recovering from a deeper fall"
    if cis_2002 < cee_2002:
        return "the CIS median was lower and growing more slowly"
    return "the CIS median was not below the Central European & Baltic one"


def _output_paragraph(med: pd.DataFrame, path_recovery: pd.Series, base_year: int) -> str:
    def g(group, column):
        return format_number(med[column].get(group, np.nan) if column in med else np.nan)

    recovered = ", ".join(f"{k} {'not yet' if pd.isna(v) else int(v)}" for k, v in path_recovery.items())
    n_rec = med["n_recovered_by_2002"] if "n_recovered_by_2002" in med else pd.Series(dtype=float)
    return f"""**C3, output.** In 2002 the median CIS index stood at {g('CIS', 'median_index_2002')} against
{g('CEE & Baltics', 'median_index_2002')} in CEE & Baltics, with median growth of {g('CIS', 'median_growth_1999_2002')}% and
{g('CEE & Baltics', 'median_growth_1999_2002')}% a year in 1999-2002: {_c3_pattern(med)}. By 2002
{int(n_rec.get('CIS', 0))} CIS and {int(n_rec.get('CEE & Baltics', 0))} CEE & Baltic countries were back at the
{base_year} level. Group median paths regained it in: {recovered}. Latest medians: CIS {g('CIS', 'median_index_latest')},
CEE & Baltics {g('CEE & Baltics', 'median_index_latest')}."""


def _mechanism_paragraph(mechanism: pd.DataFrame) -> str:
    every = [pick_mechanism(mechanism, EVERY_COUNTRY_GAP, y) for y in ("trough_index", f"trough_index{PER_CAPITA}")]
    ctrl = pick_mechanism(mechanism, EVERY_COUNTRY_GAP, "trough_index", "former_ussr+war")
    dates = "; ".join(f"{x.removeprefix('gap_points_')} rho = {r['rho']:.2f} (p = {r['rho_p']:.2f})"
                      for x in FIXED_GAP_MEASURES[:-1] for r in [pick_mechanism(mechanism, x, "trough_index")])
    return f"""**C2, the gap on every country.** Read at fixed dates, the gap keeps the countries that never liberalized.
Liberalization minus institutions averaged over 1990-95 and the trough: Spearman rho = {every[0]['rho']:.2f}
(p = {every[0]['rho_p']:.2f}, n = {every[0]['n']}, {_significance(every[0]['rho_p'])}); per capita rho = {every[1]['rho']:.2f}
(p = {every[1]['rho_p']:.2f}); OLS slope with controls {ctrl['slope']:.2f} (robust p = {ctrl['slope_p']:.2f}). A negative rho
would mean a larger gap, a deeper trough, as the essay says; here the sign is
{'as the essay says' if every[0]['rho'] < 0 else 'the opposite'}. By year: {dates}."""


def findings_text(summary: pd.DataFrame, path_recovery: pd.Series, main: pd.DataFrame, loss_counts: pd.DataFrame,
                  assoc: pd.DataFrame, gap: pd.DataFrame, russia_1998: pd.Series, n_disagreements: int,
                  skipped_iso3, sources, gdp_source: str, base_year: int, substantial_loss: float,
                  gap_threshold: float, disagreement_threshold: float, mechanism: pd.DataFrame | None = None) -> str:
    """The Findings section as Markdown, every number computed (arguments as in :func:`claim_headlines`;
    ``mechanism``: the ``loss_mechanism.mechanism_associations`` table, when given).

    ``summary`` and ``path_recovery`` must be by broad group (CIS, CEE & Baltics, SEE) for the group sentences.
    """
    med = summary.set_index("group")
    russia = ", ".join(f"{s.upper()} {v:.1f}" for s, v in russia_1998.items())
    sources_paragraph = (f"**Sources.** {n_disagreements} country-measure pairs differ by more than "
                         f"{disagreement_threshold:g} points between sources;\nRussia in 1998: {russia}.")
    return "\n\n".join([
        _depth_paragraph(med, main, skipped_iso3, gdp_source, base_year),
        _loss_paragraph(main, loss_counts, sources, gdp_source, substantial_loss),
        _gap_paragraph(assoc, gap, gap_threshold),
        *([_mechanism_paragraph(mechanism)] if mechanism is not None else []),
        _output_paragraph(med, path_recovery, base_year),
        sources_paragraph,
    ])


def headline_rows(summary: pd.DataFrame, path_recovery: pd.Series, main: pd.DataFrame, loss_counts: pd.DataFrame,
                  assoc: pd.DataFrame, gap: pd.DataFrame, russia_1998: pd.Series, n_disagreements: int, sources,
                  gdp_source: str, base_year: int, substantial_loss: float, disagreement_threshold: float,
                  mechanism: pd.DataFrame | None = None) -> list[dict]:
    """Every headline row of the notebook: :func:`group_headlines`, :func:`claim_headlines`, then (``mechanism``
    given) :func:`mechanism_headlines`."""
    return group_headlines(summary, path_recovery, base_year) + claim_headlines(
        main, loss_counts, assoc, gap, russia_1998, n_disagreements, sources, gdp_source, base_year,
        substantial_loss, disagreement_threshold) + (mechanism_headlines(mechanism) if mechanism is not None else []
                                                     ) + trough_interval_headlines(main)


def trough_interval_headlines(main: pd.DataFrame) -> list[dict]:
    """Bootstrap intervals (:data:`groups.INTERVAL_LEVEL`, countries resampled) of the CIS and the Central
    European & Baltic median troughs and of their difference: the numbers the ledger cites for C2."""
    troughs = {slug: ok_group(main, group)["trough_index"] for group, slug in (("CIS", "cis"), ("CEE & Baltics", "cee_baltics"))}
    unit, what = "index, 1989 = 100", f"{groups.INTERVAL_LEVEL:.0%} bootstrap interval ({groups.BOOTSTRAP_DRAWS} resamples)"
    rows = [row for slug, values in troughs.items()
            for row in interval_rows(f"median_trough_index_{slug}", groups.median_interval(values), unit,
                                     f"{what} of the median trough, {slug}")]
    return rows + interval_rows("median_trough_difference_cis_vs_cee_baltics",
                                groups.median_difference_interval(troughs["cis"], troughs["cee_baltics"]), unit,
                                f"{what} of the CIS minus the CEE & Baltic median trough")



# ---- group paths as the literature aggregates them ---------------------------------------------------
#: The years of the weighted-vs-median comparison table (the trough years, the essay's time, before 2008, latest).
WEIGHTED_YEARS = (1993, 1995, 1999, 2002, 2007)


def weighted_paths(indices: pd.DataFrame, tidy: pd.DataFrame, grouping: str, base_year: int,
                   concept: str = aggregates.DEFAULT_WEIGHTS) -> pd.DataFrame:
    """Each group's output path as the EBRD and the IMF aggregate it: the members' growth (from the main
    source's index, the splice included) weighted by their output the year before (``concept``:
    :data:`~transition.analysis.aggregates.WEIGHTS`), chained from ``base_year`` = 100.

    Returns
    -------
    DataFrame: group, year, index (the chained weighted path).
    """
    index = indices.sort_values(["iso3", "year"])
    growth = index.assign(growth=100 * index.groupby("iso3")["index"].pct_change())[["iso3", "year", "growth"]]
    aggregate = aggregates.aggregate_growth(growth.dropna(), aggregates.weights(tidy, concept, lag=1),
                                            output.group_labels(grouping), order=output.group_order(grouping))
    return aggregates.chain_index(aggregate, base_year)


def weighted_view(weighted: pd.DataFrame, paths: pd.DataFrame, years=WEIGHTED_YEARS) -> pd.DataFrame:
    """Weighted and median index side by side, per group (rows) and year (columns)."""
    both = weighted.merge(paths[["group", "year", "median"]], on=["group", "year"], how="inner")
    both = both[both["year"].isin(list(years))].rename(columns={"index": "weighted"})
    return both.pivot(index="group", columns="year", values=["weighted", "median"]).round(1)


def weighted_headlines(weighted: pd.DataFrame, years=WEIGHTED_YEARS) -> list[dict]:
    """The weighted group index in each of ``years`` (``weighted_index_<year>_<group slug>``)."""
    rows = []
    for r in weighted[weighted["year"].isin(list(years))].itertuples():
        rows.append(_row(f"weighted_index_{r.year}_{slug(r.group)}", r.index, "index, base year = 100",
                         f"{r.group}: output-weighted real GDP index in {r.year} (members' growth weighted by "
                         "the previous year's PPP output, chained)"))
    return rows
