"""Notebook 01 (reform sequencing): its display tables, figures, headline rows and findings text.

The numbers come from :mod:`transition.analysis.sequencing`; this module only shows, draws, names
and writes them up. Figures are returned, not saved (the notebook saves them with
``Outputs.figure``, which adds the source note and translates the texts); headline rows are dicts
for ``Outputs.headline``; :func:`findings_text` returns the Findings as Markdown.

Examples
--------
>>> slug("inflation 20%, 3 years"), format_year(1995.5)
('inflation_20_3_years', '1995.5')
"""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from transition.analysis.groups import ALL
from transition.analysis.sequencing import (
    BROAD_GROUPS,
    ESSAY_ORDER,
    FIRST_YEAR,
    LAST_EBRD_YEAR,
    order_frequencies,
    order_summary,
    pairwise_precedence,
)
from transition.analysis.timing import is_missing
from transition.chapters.specs import REFORM_SEQUENCING as SPEC  # noqa: F401 (the notebook's parameter spec)
from transition.claims.ledger import c1_verdict
from transition.data import countries
from transition.present.labels import translate
from transition.present.outputs import headline_row as _row
from transition.present.style import GROUP_COLORS
from transition.present.text import format_number

#: Registry sources of every figure of the notebook.
SOURCES = ["ebrd_transition_indicators", "imf_weo_2019_04", "gapminder_wdi"]
#: Group name → headline key suffix.
GROUP_SLUGS = {**countries.GROUP_SLUGS, ALL: "all"}
#: Marker and colour of each area in the timeline (x offsets keep areas reached in one year apart).
AREA_MARKERS = {"liberalization": ("o", "#000000", -0.3), "stabilization": ("s", "#e74c3c", -0.1),
                "institutions": ("^", "#f39c12", 0.1), "privatization": ("D", "#8e44ad", 0.3)}
RELATION_COLORS = {"before": "#27ae60", "tie": "#95a5a6", "after": "#c0392b", "undetermined": "#ecf0f1",
                   "left_out": "#ffffff"}
#: Columns of the per-group summary printed in the notebook.
SUMMARY_COLUMNS = ["n_countries", "n_follow_essay_order", "n_consistent_so_far", "median_liberalization_year",
                   "median_stabilization_year", "median_institutions_year", "median_privatization_year",
                   "n_liberalization_not_reached", "n_institutions_not_reached", "n_privatization_not_reached"]
GAP_COLUMNS = ["median_lib_inst_gap_years", "n_lib_inst_gap_censored", "median_lib_inst_gap_points"]
#: How each dating of the EBRD areas is named in tables and prose (``sequencing.DATINGS``).
DATING_LABELS = {"threshold": "one EBRD threshold", "own_range": "each area's own range",
                 "scale_share": "each area's scale"}
#: Columns of the dating comparison shown in the notebook.
DATING_COLUMNS = ["n_follow", "share_follow", "n_consistent_so_far", "expected_strict", "expected_own_dates",
                  "p_chance", "verdict"]
#: The dating comparison's headline measures: key part, column, unit, description.
DATING_MEASURES = [
    ("n_follow", "n_follow", "countries", "follow the essay's order"),
    ("share_follow", "share_follow", "share of countries", "share following the essay's order"),
    ("n_consistent", "n_consistent_so_far", "countries", "consistent so far with the essay's order"),
    ("expected_strict", "expected_strict", "countries",
     "expected to follow by chance, each country's areas in a random strict order"),
    ("expected_own_dates", "expected_own_dates", "countries", "expected to follow by chance, each country's own dates permuted"),
    ("p_chance", "p_chance", "probability", "chance of at least the observed count, own dates permuted"),
]
#: Headline-key names of the pairs of areas.
PAIR_NAMES = {"L→S": "lib_stab", "L→I": "lib_inst", "L→P": "lib_priv", "S→I": "stab_inst", "S→P": "stab_priv",
              "I→P": "inst_priv"}


def slug(label: str) -> str:
    """Headline-key form of a label: ``"EBRD 2.33"`` → ``"ebrd_2_33"``."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def format_year(value) -> str:
    """A (median) year for prose: '1995', '1995.5', or 'not reached' when missing."""
    if is_missing(value):
        return "not reached"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


# --- display tables -------------------------------------------------------------------------------

def country_rows(timing: pd.DataFrame) -> list[str]:
    """Countries in display order: by broad group, then liberalization year (not reached last), ISO3."""
    lib = timing[timing["area"] == "liberalization"].copy()
    lib["_group"] = lib["group"].map({g: i for i, g in enumerate(BROAD_GROUPS)})
    lib["_year"] = lib["year_reached"].astype("float64").fillna(9999)
    return lib.sort_values(["_group", "_year", "iso3"])["iso3"].tolist()


def timing_view(timing: pd.DataFrame) -> pd.DataFrame:
    """The years each area was reached, side by side: one row per country (display order), group first."""
    wide = timing.pivot(index="iso3", columns="area", values="year_reached")[list(ESSAY_ORDER)]
    wide.insert(0, "group", timing.drop_duplicates("iso3").set_index("iso3")["group"])
    return wide.loc[country_rows(timing)]


def stabilization_cases(timing: pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """The special stabilization cases: a text (countries per status, relapses) and a table of the
    countries that are special (deflator years, not stabilized, never high, relapsed)."""
    stab = timing[timing["area"] == "stabilization"].set_index("iso3")
    lines = [f"{status}: {', '.join(stab.index[stab['status'] == status]) or 'none'}"
             for status in ["never_high", "not_stabilized", "no_data"]]
    lines.append("relapsed after stabilizing: " + (", ".join(stab.index[stab["relapsed"]]) or "none"))
    special = stab["measure"].str.contains("deflator") | (stab["status"] != "stabilized") | stab["relapsed"]
    table = stab.loc[special, ["status", "year_reached", "first_data_year", "relapsed"]].assign(
        inflation_measure=stab["measure"].str.split("; ", n=1).str[1])
    return "\n".join(lines), table


def order_view(order: pd.DataFrame, timing: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``columns`` of the order table, one row per country in display order."""
    return order.set_index("iso3").loc[country_rows(timing), columns]


def summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    """The per-group counts and median years (:data:`SUMMARY_COLUMNS`), years via :func:`format_year`."""
    table = summary.set_index("group")[SUMMARY_COLUMNS].astype(object).T
    return table.map(lambda v: format_year(v) if isinstance(v, float) else v)


def summary_view(summary: pd.DataFrame) -> str:
    """:func:`summary_table` as text."""
    return summary_table(summary).to_string()


def order_counts_table(order: pd.DataFrame) -> pd.DataFrame:
    """Countries per order string (rows, most frequent first) and group (columns, then All)."""
    frequencies = order_frequencies(order)
    counts = frequencies.pivot_table(index="order", columns="group", values="n_countries", aggfunc="sum", fill_value=0)
    counts = counts[[g for g in [*BROAD_GROUPS, ALL] if g in counts.columns]]
    return counts.sort_values(ALL, ascending=False, kind="stable")


def order_counts_view(order: pd.DataFrame) -> str:
    """:func:`order_counts_table` as text."""
    return order_counts_table(order).to_string()


def dating_view(dating_summary: pd.DataFrame) -> pd.DataFrame:
    """The C1 counts under every dating and cut-off year, with chance and the ledger's C1 verdict (rows:
    dating label, year)."""
    table = dating_summary.assign(dating=dating_summary["dating"].map(DATING_LABELS),
                                  verdict=dating_summary["share_follow"].map(c1_verdict))
    return table.set_index(["dating", "last_year"])[DATING_COLUMNS].round(3)


def dating_pairs_view(dating_pairs: pd.DataFrame, last_year: int) -> pd.DataFrame:
    """Pair by pair (rows) and dating (column blocks): countries before / tie / after, in ``last_year``."""
    table = dating_pairs[dating_pairs["last_year"] == last_year].assign(
        dating=lambda f: f["dating"].map(DATING_LABELS))
    wide = table.pivot(index="pair", columns="dating", values=["before", "tie", "after"]).swaplevel(axis=1)
    return wide[[label for label in DATING_LABELS.values() if label in set(table["dating"])]].reindex(table["pair"].unique())


# --- figures --------------------------------------------------------------------------------------

def _progress_legend(ax, groups: pd.Series) -> None:
    handles = [Line2D([], [], marker=m, color=c, linestyle="", markeredgecolor="white", markersize=7,
                      label=f"{area} reached") for area, (m, c, _) in AREA_MARKERS.items()]
    handles += [Line2D([], [], color=GROUP_COLORS[g], linewidth=6, label=g) for g in BROAD_GROUPS if g in set(groups)]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=4, fontsize=8, frameon=False)


def plot_reform_progress(ebrd_average: pd.DataFrame, timing: pd.DataFrame, first_year: int = FIRST_YEAR,
                         last_year: int = LAST_EBRD_YEAR):
    """Heatmap of the EBRD average by country and year, with a marker where each area is reached.

    ``ebrd_average``: wide, index iso3, columns years, values the EBRD average transition indicator;
    ``timing``: :func:`transition.analysis.sequencing.reform_timing`. Returns the figure.
    """
    rows = country_rows(timing)
    years = list(range(first_year, last_year + 1))
    grid = ebrd_average.reindex(index=rows, columns=years)
    fig, ax = plt.subplots(figsize=(11, 0.32 * len(rows) + 2.2))
    image = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="YlGnBu", vmin=1, vmax=4.33,
                      extent=(first_year - 0.5, last_year + 0.5, len(rows) - 0.5, -0.5), interpolation="nearest")
    position = {code: i for i, code in enumerate(rows)}
    for area, (marker, colour, offset) in AREA_MARKERS.items():
        reached = timing[(timing["area"] == area) & timing["year_reached"].notna()]
        ax.scatter(reached["year_reached"].astype(float) + offset, reached["iso3"].map(position), marker=marker,
                   s=30, color=colour, edgecolors="white", linewidths=0.6, zorder=3)
    groups = timing.drop_duplicates("iso3").set_index("iso3")["group"].reindex(rows)
    for i, (previous, current) in enumerate(zip(groups.iloc[:-1], groups.iloc[1:])):
        if previous != current:
            ax.axhline(i + 0.5, color="black", linewidth=1.2)
    ax.set_yticks(range(len(rows)), rows)
    for label, code in zip(ax.get_yticklabels(), rows):
        label.set_color(GROUP_COLORS.get(groups[code], "black"))
    ax.set_xticks(years[::2] if len(years) > 10 else years)
    ax.set_xlabel("year")
    ax.set_ylabel("country (ISO3), by group; label colour = group")
    ax.set_title(f"Reform progress 1989-{last_year}: EBRD average (shading) and the year each area is first reached")
    colorbar = fig.colorbar(image, ax=ax, pad=0.01, fraction=0.03)
    colorbar.set_label("EBRD average transition indicator (1-4.33)")
    _progress_legend(ax, groups)
    return fig


def order_label(order: str, lang: str = "en") -> str:
    """An order string of ``sequencing.order_string`` for a figure in ``lang``: the area letters stay, the
    notes "not reached" and "never high" are translated (``labels.translate``).

    >>> order_label("L>S>P (not reached: I) (S: never high)", "ru")
    'L>S>P (не достигнуто: I) (S: инфляция не была высокой)'
    """
    if lang == "en":
        return order
    return (order.replace("(not reached: ", f"({translate('not reached', lang)}: ")
            .replace(": never high)", f": {translate('never high', lang)})"))


def plot_order_frequencies(order: pd.DataFrame, lang: str = "en"):
    """Horizontal bars: number of countries with each order string, stacked by broad group.

    ``lang`` translates the notes inside the order strings (:func:`order_label`); every other text is
    translated by ``Outputs.figure``.
    """
    counts = order.pivot_table(index="order", columns="group", values="iso3", aggfunc="size", fill_value=0)
    counts = counts.reindex(columns=[g for g in BROAD_GROUPS if g in counts.columns])
    counts = counts.loc[counts.sum(axis=1).sort_values(kind="stable").index]
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(counts) + 1.8))
    left = pd.Series(0, index=counts.index)
    names = [order_label(text, lang) for text in counts.index]
    for group in counts.columns:
        ax.barh(names, counts[group].to_numpy(), left=left.to_numpy(), color=GROUP_COLORS[group], label=group)
        left = left + counts[group]
    ax.set_xlabel("number of countries")
    ax.set_ylabel("order of the areas (L liberalization, S stabilization, I institutions, P privatization)")
    ax.set_title("Observed order of the four reform areas; the essay's order is L>S>I>P")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(title="group", loc="lower right")
    return fig


def plot_pairwise(precedence: pd.DataFrame):
    """One panel per group: for each pair of areas, countries where the essay's first area came first."""
    groups = [g for g in [*BROAD_GROUPS, ALL] if g in set(precedence["group"]) and g != "Mongolia"]
    labels = {"before": "in the essay's order", "tie": "same year", "after": "reverse order",
              "undetermined": "neither reached", "left_out": "S left out (never high)"}
    fig, axes = plt.subplots(1, len(groups), figsize=(2.4 * len(groups) + 1.2, 3.4), sharey=True, squeeze=False)
    for ax, group in zip(axes[0], groups):
        sub = precedence[precedence["group"] == group].set_index("pair").iloc[::-1]
        left = pd.Series(0, index=sub.index)
        for kind, colour in RELATION_COLORS.items():
            ax.barh(sub.index, sub[kind], left=left, color=colour, edgecolor="0.6", linewidth=0.5,
                    label=labels[kind])
            left = left + sub[kind]
        ax.set_title(f"{group} ({int(left.iloc[0])} countries)")
        ax.set_xlabel("number of countries")
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0][0].set_ylabel("pair of areas (essay: first → second)")
    handles, names = axes[0][0].get_legend_handles_labels()
    fig.suptitle("Which links of the essay's chain L → S → I → P hold, pair by pair")
    fig.tight_layout(rect=(0, 0.12, 1, 1))
    fig.legend(handles, names, loc="lower center", ncol=5, fontsize=8, frameon=False, bbox_to_anchor=(0.5, 0.04))
    return fig


# --- headline rows --------------------------------------------------------------------------------

def scope_headlines(scopes: pd.DataFrame, concordance: pd.DataFrame, censored: pd.DataFrame, last_year: int) -> list[dict]:
    """C1 beside the all-four rule: counts per scope (the ledger's headline: the former Soviet states),
    concordance with the essay's order, and privatization before institutions with censoring kept apart."""
    rows = []
    for r in scopes.itertuples():
        rows += [_row(f"n_follow_essay_order_scope_{r.scope}", r.n_follow, "countries",
                      f"{r.scope}: all four areas reached by {last_year} in the essay's order"),
                 _row(f"n_countries_scope_{r.scope}", r.n_countries, "countries", f"{r.scope}: countries analysed")]
    for r in concordance.itertuples():
        rows += [_row(f"median_kendall_tau_{r.scope}", r.median_tau, "Kendall tau-b",
                      f"{r.scope}: median Kendall tau-b of the areas' years with the essay's order"),
                 _row(f"n_kendall_tau_positive_{r.scope}", r.n_tau_positive, "countries",
                      f"{r.scope}: countries whose order agrees more than it disagrees with the essay's (tau > 0)"),
                 _row(f"share_pairs_concordant_{r.scope}", r.share_pairs_concordant, "share of pairs",
                      f"{r.scope}: pairs of areas in the essay's order, of the pairs in a definite order")]
    counts = censored["relation"].value_counts()
    return rows + [
        _row("n_privatization_before_institutions_both_reached", int(counts.get("privatization first", 0)), "countries",
             f"privatization reached the threshold before institutions, both reached by {last_year}"),
        _row("n_institutions_censored_privatization_reached", int(counts.get("institutions censored", 0)), "countries",
             f"privatization reached the threshold, institutions never by {last_year} (censored)"),
        _row("n_institutions_before_privatization_both_reached", int(counts.get("institutions first", 0)), "countries",
             f"institutions reached the threshold before privatization, both reached by {last_year}"),
    ]


def group_headlines(timing: pd.DataFrame, order: pd.DataFrame, ebrd_threshold: float, last_year: int,
                    ties: str) -> list[dict]:
    """Per group (:data:`GROUP_SLUGS`): counts following / consistent with the essay's order, median
    years and not-reached counts per area, the liberalization-institutions gap."""
    rows = []
    for group, row in order_summary(timing, order).set_index("group").iterrows():
        s, name = GROUP_SLUGS[group], ("all countries" if group == ALL else group)
        rows += [
            _row(f"n_follow_essay_order_{s}", int(row["n_follow_essay_order"]), "countries",
                 f"{name}: all four areas reached by {last_year} in the essay's order L>S>I>P (ties {ties})"),
            _row(f"share_follow_essay_order_{s}", float(row["share_follow_essay_order"]), "share of countries",
                 f"{name}: share following the essay's order"),
            _row(f"n_consistent_so_far_{s}", int(row["n_consistent_so_far"]), "countries",
                 f"{name}: no pair of areas contradicts the essay's order by {last_year}"),
        ]
        for area in ESSAY_ORDER:
            median = row[f"median_{area}_year"]
            rows += [_row(f"median_{area}_year_{s}", None if pd.isna(median) else float(median), "year",
                          f"{name}: median year {area} reached (not reached = later than {last_year})"),
                     _row(f"n_{area}_not_reached_{s}", int(row[f"n_{area}_not_reached"]), "countries",
                          f"{name}: {area} not reached by {last_year}")]
        rows += [
            _row(f"median_lib_inst_gap_years_{s}", row["median_lib_inst_gap_years"], "years",
                 f"{name}: median years from liberalization to institutions reaching {ebrd_threshold:g} "
                 "(censored gaps at their lower bound)"),
            _row(f"n_lib_inst_gap_censored_{s}", int(row["n_lib_inst_gap_censored"]), "countries",
                 f"{name}: liberalized but institutions not reached by {last_year}"),
            _row(f"median_lib_inst_gap_points_{s}", row["median_lib_inst_gap_points"], "EBRD index points",
                 f"{name}: median liberalization minus institutions index in the liberalization year"),
        ]
    return rows


def order_headlines(timing: pd.DataFrame, order: pd.DataFrame, ebrd_threshold: float, last_year: int) -> list[dict]:
    """The most common order, the pairwise links and the countries that never liberalized."""
    everyone = order_frequencies(order).query("group == 'All'")
    rows = [_row("most_common_order", everyone["order"].iloc[0], "order string",
                 "most common order of the areas (L, S, I, P; > earlier year, = same year)"),
            _row("most_common_order_n", int(everyone["n_countries"].iloc[0]), "countries",
                 "countries with the most common order"),
            _row("n_distinct_orders", len(everyone), "orders", "distinct orders observed")]
    pairs = pairwise_precedence(timing).query("group == 'All'").set_index("pair")
    for pair, name in [("L→S", "lib_stab"), ("S→I", "stab_inst"), ("I→P", "inst_priv"), ("L→P", "lib_priv")]:
        for kind in ["before", "tie", "after"]:
            rows.append(_row(f"n_pair_{name}_{kind}", int(pairs.loc[pair, kind]), "countries",
                             f"{pair}: the pair's first area reached {kind} the second ('before' includes the second "
                             f"not reached by {last_year}, 'after' the first not reached)"))
    rows.append(_row("n_privatization_before_institutions", int(pairs.loc["I→P", "after"]), "countries",
                     f"privatization reached before institutions (or institutions not reached by {last_year})"))
    lib = timing[timing["area"] == "liberalization"]
    rows.append(_row("liberalization_not_reached_countries",
                     ", ".join(lib.loc[lib["year_reached"].isna(), "iso3"]) or "none", "ISO3 list",
                     f"countries whose liberalization index never reached {ebrd_threshold:g} by {last_year}"))
    return rows


def stabilization_headlines(timing: pd.DataFrame, gap_test: dict, inflation_threshold: float) -> list[dict]:
    """The stabilization special cases (never high, relapsed) and the CIS vs CEE & Baltics gap test."""
    stab = timing[timing["area"] == "stabilization"]
    never = stab.loc[stab["status"] == "never_high", "iso3"]
    relapsed = stab.loc[stab["relapsed"], "iso3"]
    return [_row("n_never_high_inflation", len(never), "countries",
                 f"inflation never at or above {inflation_threshold:g}% in the data"),
            _row("never_high_inflation_countries", ", ".join(never) or "none", "ISO3 list",
                 "countries whose inflation never reached the threshold"),
            _row("n_stabilization_relapsed", len(relapsed), "countries",
                 "inflation back at or above the threshold after stabilizing"),
            _row("stabilization_relapsed_countries", ", ".join(relapsed) or "none", "ISO3 list",
                 "countries that relapsed after stabilizing"),
            _row("gap_points_cis_vs_cee_baltics_p_value", gap_test["p_value"], "p-value",
                 "two-sided Mann-Whitney test, liberalization-institutions gap in index points, CIS vs CEE & Baltics"),
            _row("gap_points_cis_vs_cee_baltics_mde", gap_test["mde"], "EBRD index points",
                 "smallest difference of the groups' mean gaps a t-test of their sizes detects with 80% power at 5%")]


def dating_headlines(dating_summary: pd.DataFrame, dating_pairs: pd.DataFrame) -> list[dict]:
    """Per dating and cut-off year (``order_chance.dating_comparison``): the counts following, chance and the
    pairs in the essay's order; the keys the ledger's C1 rule reads (``c1_<measure>_<dating>_<year>``)."""
    rows = []
    for r in dating_summary.to_dict("records"):
        end, what = f"{r['dating']}_{r['last_year']}", f"{DATING_LABELS[r['dating']]}, by {r['last_year']}"
        rows += [_row(f"c1_{key}_{end}", int(r[column]) if column.startswith("n_") else float(r[column]), unit,
                      f"{text} ({what})") for key, column, unit, text in DATING_MEASURES]
    for r in dating_pairs.itertuples():
        rows.append(_row(f"c1_pair_{PAIR_NAMES[r.pair]}_not_reversed_{r.dating}_{r.last_year}", int(r.before + r.tie),
                         "countries", f"{r.pair}: first area before or in the same year as the second "
                                      f"({DATING_LABELS[r.dating]}, by {r.last_year})"))
    return rows


def robustness_headlines(robust: pd.DataFrame) -> list[dict]:
    """For every variation of ``sequencing.sensitivity``: the counts following / consistent."""
    everyone = robust[robust["group"] == ALL]
    main = everyone[everyone["variation"] == "main run"]
    rows = []
    if len(main):
        rows.append(_row("n_consistent_two_areas_all", int(main["n_consistent_two_areas"].iloc[0]), "countries",
                         "consistent so far with the essay's order, with at least two areas reached"))
    for row in everyone[everyone["variation"] != "main run"].itertuples():
        s, what = slug(row.variation), f"variation: {row.variation} ({row.changed})"
        rows += [_row(f"n_follow_essay_order_{s}", int(row.n_follow_essay_order), "countries",
                      f"follow the essay's order, {what}"),
                 _row(f"n_consistent_so_far_{s}", int(row.n_consistent_so_far), "countries",
                      f"consistent so far with the essay's order, {what}"),
                 _row(f"n_consistent_two_areas_{s}", int(row.n_consistent_two_areas), "countries",
                      f"consistent so far with at least two areas reached, {what}"),
                 _row(f"n_institutions_not_reached_{s}", int(row.n_institutions_not_reached), "countries",
                      f"institutions not reached, {what}")]
    return rows


def headline_rows(timing: pd.DataFrame, order: pd.DataFrame, robust: pd.DataFrame, gap_test: dict,
                  ebrd_threshold: float, inflation_threshold: float, last_year: int, ties: str,
                  datings: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> list[dict]:
    """The notebook's headline numbers as dicts (key, value, unit, description) for ``Outputs.headline``.

    ``datings``: the ``(summary, pairs)`` of ``order_chance.dating_comparison`` (their rows come last)."""
    return [_row("n_countries", len(order), "countries", "countries analysed"),
            *group_headlines(timing, order, ebrd_threshold, last_year, ties),
            *order_headlines(timing, order, ebrd_threshold, last_year),
            *stabilization_headlines(timing, gap_test, inflation_threshold),
            *robustness_headlines(robust),
            *(dating_headlines(*datings) if datings is not None else [])]


# --- findings -------------------------------------------------------------------------------------

def dating_paragraph(dating_summary: pd.DataFrame, last_year: int) -> str:
    """The Findings bullet on the other datings of the areas and the chance benchmark (C1), for ``last_year``."""
    rows = dating_summary[dating_summary["last_year"] == last_year].set_index("dating")
    each = "; ".join(f"{DATING_LABELS[d]} **{int(r.n_follow)}** (chance {format_number(r.expected_own_dates, 1)}, "
                     f"p = {format_number(r.p_chance, 2)}; C1 {c1_verdict(r.share_follow)})" for d, r in rows.iterrows())
    strict = format_number(rows["expected_strict"].iloc[0], 1)
    return (f"- **Other datings of the areas (C1).** One cut-off for indicators of different scales is a choice. Countries "
            f"following the essay's order by {last_year}, by dating: {each}. Chance is each country's own dates in a random "
            f"order; a random strict order of four areas matches 1 time in 24 ({strict} countries expected).\n")


def findings_text(headlines: list[dict], robust: pd.DataFrame, gap_test: dict, ebrd_threshold: float,
                  inflation_threshold: float, last_year: int, ties: str, never_high: str,
                  dating_summary: pd.DataFrame | None = None) -> str:
    """The notebook's Findings (C1, C2) as Markdown, from its headline rows and robustness table (and the
    dating comparison of ``order_chance.dating_comparison``, when given)."""
    h = {row["key"]: row["value"] for row in headlines}
    present = [g for g in BROAD_GROUPS if f"n_follow_essay_order_{GROUP_SLUGS[g]}" in h]

    def by_group(prefix, fmt=lambda v: format_number(v, 0)):
        return "; ".join(f"{g} {fmt(h[f'{prefix}_{GROUP_SLUGS[g]}'])}" for g in present)

    as_2002 = robust.query("variation == 'as of 2002' and group == 'All'").iloc[0]
    ebrd_233 = robust.query("variation == 'EBRD 2.33' and group == 'All'").iloc[0]
    return f"""
- **The essay's order (C1).** Of {h['n_countries']} countries, **{h['n_follow_essay_order_all']}** reached all four areas by {last_year}
  in the order liberalization → stabilization → institutions → privatization (ties {ties}); **{h['n_consistent_so_far_all']}** are
  even consistent with it so far (by group, following: {by_group('n_follow_essay_order')}). The most common order is
  `{h['most_common_order']}` ({h['most_common_order_n']} countries; {h['n_distinct_orders']} distinct orders).
- **Which link breaks.** Liberalization came before stabilization in {h['n_pair_lib_stab_before']} countries (same year
  {h['n_pair_lib_stab_tie']}, stabilization first {h['n_pair_lib_stab_after']}): the first step holds for most. The last step fails:
  privatization reached {ebrd_threshold:g} before institutions in **{h['n_privatization_before_institutions']}** countries, institutions first
  in {h['n_pair_inst_priv_before']}. Institutions were not reached by {last_year} in {by_group('n_institutions_not_reached')} countries.
- **Timing by group** (median year reached): liberalization {by_group('median_liberalization_year', format_year)};
  stabilization {by_group('median_stabilization_year', format_year)}; privatization {by_group('median_privatization_year', format_year)};
  institutions {by_group('median_institutions_year', format_year)}.
- **Liberalization-institutions gap (C2).** In the liberalization year institutions lagged by a median of
  {by_group('median_lib_inst_gap_points', lambda v: format_number(v, 2))} index points (CIS vs CEE & Baltics: Mann–Whitney
  p = {format_number(gap_test['p_value'], 2)}). Years from liberalization to institutions (lower bounds where censored):
  {by_group('median_lib_inst_gap_years', lambda v: format_number(v, 1))}; liberalized but institutions not reached by {last_year}: {by_group('n_lib_inst_gap_censored')}.
  {h['n_liberalization_not_reached_all']} countries never liberalized to {ebrd_threshold:g} by {last_year} ({h['liberalization_not_reached_countries']}).
- **Stabilization cases.** Inflation never reached {inflation_threshold:g}% in the data in {h['never_high_inflation_countries']}
  ({"left out of their order" if never_high == "exclude" else "dated at their first year of data"}); relapsed after stabilizing:
  {h['stabilization_relapsed_countries']}.
- **Robustness.** As of 2002: {as_2002['n_follow_essay_order']} countries follow the order, {as_2002['n_consistent_so_far']} are consistent so far
  ({as_2002['consistent'] or 'none'}), {as_2002['n_consistent_two_areas']} of them with at least two areas reached. Following with EBRD
  thresholds 2.33 / 2.67 / 3.33: {h['n_follow_essay_order_ebrd_2_33']} / {h['n_follow_essay_order_ebrd_2_67']} / {h['n_follow_essay_order_ebrd_3_33']}
  (at 2.33: {ebrd_233['following'] or 'none'}); strict ties
  {h['n_follow_essay_order_ties_strict']}; durable stabilization {h['n_follow_essay_order_durable_stabilization']}; never-high dated
  {h['n_follow_essay_order_never_high_dated']}; inflation below 20% for 3 years {h['n_follow_essay_order_inflation_20_3_years']}.
""" + (dating_paragraph(dating_summary, last_year) if dating_summary is not None else "")
