"""Notebook 04 (reforms and growth): its figures, readable tables, headline rows and findings text.

The numbers come from :mod:`transition.analysis.growth`; this module draws, names and writes them
up. Figures are returned, not saved (``Outputs.figure`` adds the source note and translates the
texts); headline rows are dicts for ``Outputs.headline``.
"""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator
from scipy import stats

from transition.analysis import intervals
from transition.analysis.growth import (
    NOT_ROBUST,
    ROBUST,
    SAME_SIGN,
    Config,
    Fit,
    reform_sign_shares,
    spec_row,
    with_family,
)
from transition.analysis.growth.initial import FEEDBACK_MODEL, INITIAL_MODEL
from transition.chapters.specs import REFORMS_AND_GROWTH as SPEC  # noqa: F401 (the notebook's parameter spec)
from transition.data import countries
from transition.present.outputs import headline_row as _row
from transition.present.outputs import interval_rows
from transition.present.style import GROUP_COLORS

#: Registry source id of each growth source (for figure source notes).
GROWTH_SOURCE_IDS = {"wdi": "gapminder_wdi", "weo": "imf_weo_2019_04", "pwt": "pwt_10_01",
                     "maddison": "maddison_2023", "gapminder": "gapminder_wdi"}
#: Registry source ids of the EBRD indicators and of the inflation data (WEO CPI).
EBRD_SOURCE, INFLATION_SOURCE = "ebrd_transition_indicators", "imf_weo_2019_04"
#: Readable names of the regressors, for tables and figures.
TERM_LABELS = {
    "reform_ebrd_average": "EBRD average",
    "reform_liberalization": "Liberalization",
    "reform_privatization": "Privatization",
    "reform_institutions": "Market institutions",
    "gap_lib_inst": "Gap: liberalization - institutions",
    "gap_priv_inst": "Gap: large privatization - institutions",
    "lib_ahead": "Liberalization ahead of institutions (dummy)",
    "priv_ahead": "Large privatization ahead of institutions (dummy)",
    "log_inflation": "log(1 + inflation)",
    "war": "War year",
    "log_gdppc_1989": "log GDP per capita 1989",
    "years_planning": "Years under central planning",
    "resource_rich": "Resource-rich (rents at least 10% of GDP)",
    "war_country": "War on the territory in the sample years",
    "new_state": "New state (independent from 1991)",
    "growth": "Real GDP growth",
}
#: Shares of country-years with liberalization ahead that differ by less than this count as "about as common".
SIMILAR_SHARES = 0.10
#: Columns of the sequencing rows shown in the notebook.
SEQUENCING_COLUMNS = ["model", "term", "coef", "se", "pvalue", "nobs"]


def figure_sources(figure: str, growth_source: str) -> list[str]:
    """Registry source ids behind one of the notebook's figures ('gap_paths', 'distributed_lag', 'robustness')."""
    if figure == "gap_paths":
        return [EBRD_SOURCE]
    if figure == "distributed_lag":
        return [EBRD_SOURCE, GROWTH_SOURCE_IDS[growth_source], INFLATION_SOURCE]
    return [EBRD_SOURCE, *sorted(set(GROWTH_SOURCE_IDS.values())), INFLATION_SOURCE]


# --------------------------------------------------------------------------------------------
# Readable tables
# --------------------------------------------------------------------------------------------

def _stars(p: float) -> str:
    return "***" if p < 0.01 else "**" if p < 0.05 else "*" if p < 0.1 else ""


def term_label(term: str) -> str:
    """Readable name of a (lagged) term: ``reform_ebrd_average_l1`` -> 'EBRD average (t-1)'."""
    match = re.match(r"^(.*)_l(\d+)$", term)
    if match and match.group(1) in TERM_LABELS:
        k = int(match.group(2))
        return f"{TERM_LABELS[match.group(1)]} ({'t' if k == 0 else f't-{k}'})"
    if term.startswith("cumulative_"):
        return "Cumulative effect (sum of lags)"
    return TERM_LABELS.get(term, term)


def regression_table(table: pd.DataFrame, fits: dict[str, Fit], digits: int = 2) -> pd.DataFrame:
    """A readable regression table: terms x models, 'coef stars (se)', plus N, countries, effects.

    Stars: * p < 0.1, ** p < 0.05, *** p < 0.01.
    """
    models = list(dict.fromkeys(table["model"]))
    terms = list(dict.fromkeys(table["term"]))
    order = sorted(terms, key=lambda t: (t.startswith("cumulative_"), t in ("log_inflation", "war",
                                         "log_gdppc_1989", "years_planning"), terms.index(t)))
    cells = table.assign(cell=[f"{c:.{digits}f}{_stars(p)} ({s:.{digits}f})"
                               for c, s, p in zip(table["coef"], table["se"], table["pvalue"])])
    wide = cells.pivot(index="term", columns="model", values="cell").reindex(index=order, columns=models).fillna("")
    wide.index = [term_label(t) for t in wide.index]
    effects = {"country_year": "country + year", "year": "year only"}
    extra = pd.DataFrame({m: [str(fits[m].nobs), str(fits[m].n_countries), effects[fits[m].effects]] for m in models},
                         index=["Observations", "Countries", "Fixed effects"])
    return pd.concat([wide, extra]).rename_axis("term")


def robustness_table(robustness: pd.DataFrame, digits: int = 2) -> pd.DataFrame:
    """Readable robustness table: one row per specification, 'coef (p)' for each key term, N and sample."""
    frame = with_family(robustness)
    specs = list(dict.fromkeys(frame["spec_label"]))
    columns = {("main", "reform_ebrd_average"): "EBRD average", ("sequencing", "lib_ahead"): "lib ahead",
               ("sequencing", "priv_ahead"): "large priv ahead", ("main", "log_inflation"): "log inflation",
               ("main", "war"): "war"}
    result = pd.DataFrame(index=pd.Index(specs, name="specification"))
    for (family, term), name in columns.items():
        part = frame[(frame["family"] == family) & (frame["generic"] == term)].set_index("spec_label")
        result[name] = [f"{part.loc[s, 'coef']:+.{digits}f} (p={part.loc[s, 'pvalue']:.2f})" if s in part.index else ""
                        for s in specs]
    first = frame.drop_duplicates("spec_label").set_index("spec_label")
    result["N"] = first.loc[specs, "nobs"].to_numpy()
    result["sample"] = first.loc[specs, "sample"].to_numpy()
    return result


def sequencing_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The sequencing models' rows of the regression table, without the controls."""
    rows = table[table["model"].str.startswith("fe_sequencing") & ~table["term"].isin(["log_inflation", "war"])]
    return rows[SEQUENCING_COLUMNS]



# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------

def plot_gap_paths(paths: pd.DataFrame):
    """Line chart: mean liberalization - institutions gap by broad group and year (from :func:`gap_paths`)."""
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for group in countries.BROAD_ORDER:
        part = paths[paths["broad_group"] == group]
        if len(part):
            ax.plot(part["year"], part["mean_gap_lib_inst"], marker="o", ms=3, lw=2 if group in ("CIS", "CEE & Baltics") else 1,
                    color=GROUP_COLORS.get(group, "0.4"), label=group)
    ax.axhline(0, color="0.5", lw=0.8)
    ax.set(title="Gap between liberalization and market institutions, by group",
           xlabel="year", ylabel="liberalization - institutions (EBRD index points)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(title="group (mean of countries)", frameon=False)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def plot_lag_profile(profile: pd.DataFrame):
    """Point-and-interval chart of the distributed-lag coefficients and their sum (from :func:`lag_profile`)."""
    fig, ax = plt.subplots(figsize=(7, 4.2))
    x = np.arange(len(profile))
    colors = ["#34495e"] * (len(profile) - 1) + ["#c0392b"]
    for position, row, color in zip(x, profile.itertuples(), colors):
        ax.errorbar(position, row.coef, yerr=[[row.coef - row.low], [row.high - row.coef]], fmt="o", color=color,
                    capsize=4, label="sum of lags (cumulative)" if color == "#c0392b" else None)
    ax.axhline(0, color="0.5", lw=0.8)
    ax.set_xticks(x, [f"lag {lag}" if not lag.startswith("sum") else lag for lag in profile["lag"]])
    ax.set(title="EBRD average and growth: short-run and cumulative effects (country + year FE)",
           xlabel="years between reform score and growth",
           ylabel="growth effect (pp per EBRD point), 95% CI")
    ax.legend(frameon=False, loc="best")
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def plot_robustness(robustness: pd.DataFrame, panels=(("main", "reform_ebrd_average"), ("sequencing", "lib_ahead"))):
    """Coefficient plot of key terms across the robustness specifications (95% CI, t with countries - 1 df)."""
    frame = with_family(robustness)
    specs = list(dict.fromkeys(frame["spec_label"]))
    fig, axes = plt.subplots(1, len(panels), figsize=(5.2 * len(panels), 0.38 * len(specs) + 1.8), sharey=True)
    axes = np.atleast_1d(axes)
    colors = {"CIS only": GROUP_COLORS["CIS"], "non-CIS (rest)": GROUP_COLORS["CEE & Baltics"], "baseline": "black"}
    for ax, (family, term) in zip(axes, panels):
        part = frame[(frame["family"] == family) & (frame["generic"] == term)].set_index("spec_label")
        for position, spec in enumerate(specs):
            if spec not in part.index:
                ax.text(0, position, "  not affected by this change", color="0.5", fontsize=8, style="italic",
                        va="center")
                continue
            row = part.loc[spec]
            half = stats.t.ppf(0.975, max(int(row["n_countries"]) - 1, 1)) * row["se"]
            ax.errorbar(row["coef"], position, xerr=half, fmt="o", capsize=3, color=colors.get(spec, "0.45"),
                        mfc="white" if row["pvalue"] >= 0.05 else None)
        ax.axvline(0, color="0.5", lw=0.8)
        ax.set(title=f"{TERM_LABELS[term]}\n({'main' if family == 'main' else 'sequencing'} model)",
               xlabel="effect on annual growth (pp per EBRD point)" if term.startswith("reform") else "effect on annual growth (pp)")
    axes[0].set_yticks(range(len(specs)), specs)
    axes[0].invert_yaxis()
    axes[0].set_ylabel("specification")
    fig.suptitle("Robustness: coefficients with 95% intervals (filled = p < 0.05)", y=1.0)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


# --------------------------------------------------------------------------------------------
# Headline rows
# --------------------------------------------------------------------------------------------

def _term(table: pd.DataFrame, model: str, term: str) -> pd.Series:
    """The row of one term of one model of the regression table (NaN coef, se, pvalue when absent)."""
    match = table[(table["model"] == model) & (table["term"] == term)]
    if match.empty:
        return pd.Series({"coef": np.nan, "se": np.nan, "pvalue": np.nan})
    return match.iloc[0]


def _coefficient(table: pd.DataFrame, key: str, model: str, term: str, unit: str, what: str) -> list[dict]:
    row = _term(table, model, term)
    return [_row(f"{key}_coef", row["coef"], unit, f"{what}: coefficient ({model}, {term})"),
            _row(f"{key}_pvalue", row["pvalue"], "p-value", f"{what}: p-value, SE clustered by country ({model})")]


def coefficient_headlines(table: pd.DataFrame, config: Config) -> list[dict]:
    """Headline rows of the main models' coefficients and p-values."""
    L, K, t = config.reform_lag, config.max_lag, config.threshold
    pp = "percentage points of annual growth"
    per_point = f"{pp} per EBRD point"
    specs = [
        ("fe_reform", "fe_main", f"reform_ebrd_average_l{L}", per_point,
         f"EBRD average lagged {L} year(s), country and year fixed effects"),
        ("pooled_reform", "pooled_initial", f"reform_ebrd_average_l{L}", per_point,
         f"EBRD average lagged {L} year(s), pooled OLS with year effects and initial conditions"),
        ("pooled_log_gdppc_1989", "pooled_initial", "log_gdppc_1989", f"{pp} per log point",
         "log Maddison GDP per capita 1989 (pooled model)"),
        ("pooled_years_planning", "pooled_initial", "years_planning", f"{pp} per year",
         "years under central planning (pooled model)"),
        ("dl_reform_lag0", "fe_distributed_lag", "reform_ebrd_average_l0", per_point,
         "contemporaneous (short-run) EBRD-average effect in the distributed-lag model"),
        ("cumulative_reform", "fe_distributed_lag", f"cumulative_reform_ebrd_average_l0_{K}", per_point,
         f"cumulative effect: sum of EBRD-average lags 0-{K} (t-test on the sum)"),
        ("seq_gap_lib_inst", "fe_sequencing_gap", f"gap_lib_inst_l{L}", f"{pp} per index point",
         "gap liberalization - institutions"),
        ("seq_gap_priv_inst", "fe_sequencing_gap", f"gap_priv_inst_l{L}", f"{pp} per index point",
         "gap large-scale privatization - institutions"),
        ("seq_lib_ahead", "fe_sequencing_ahead", f"lib_ahead_l{L}", pp,
         f"dummy: liberalization >= {t:g} while institutions < {t:g}"),
        ("seq_priv_ahead", "fe_sequencing_ahead", f"priv_ahead_l{L}", pp,
         f"dummy: large-scale privatization >= {t:g} while institutions < {t:g}"),
        ("fe_log_inflation", "fe_main", "log_inflation", f"{pp} per unit of log(1 + inflation)", "log inflation, main FE model"),
        ("fe_war", "fe_main", "war", pp, "war year dummy, main FE model"),
    ]
    rows = [row for spec in specs for row in _coefficient(table, *spec)]
    rows.insert(2, _row("fe_reform_se", _term(table, "fe_main", f"reform_ebrd_average_l{L}")["se"], per_point,
                        "EBRD average, main FE model: standard error clustered by country"))
    return rows


def essay_time_headlines(fits: dict[str, Fit], table: pd.DataFrame, config: Config, year: int) -> list[dict]:
    """The sequencing coefficients estimated on the panel observed up to ``year`` (``growth.fit_models_as_of``):
    the numbers the claims ledger judges C2 on as of the essay (keys ``seq_*_<year>``)."""
    L, t = config.reform_lag, config.threshold
    rows = [*_coefficient(table, "seq_lib_ahead", "fe_sequencing_ahead", f"lib_ahead_l{L}", "percentage points of annual growth",
                          f"dummy: liberalization >= {t:g} while institutions < {t:g}, data to {year}"),
            *_coefficient(table, "seq_gap_lib_inst", "fe_sequencing_gap", f"gap_lib_inst_l{L}",
                          "percentage points of annual growth per index point", f"gap liberalization - institutions, data to {year}")]
    return [{**row, "key": f"{row['key']}_{year}"} for row in rows] + sequencing_interval(fits, table, config, f"_{year}")


def sequencing_interval(fits: dict[str, Fit], table: pd.DataFrame, config: Config, suffix: str = "") -> list[dict]:
    """The interval (:data:`intervals.INTERVAL_LEVEL`; SE clustered by country, t with clusters − 1 degrees of
    freedom, as the p-value) of the liberalization-ahead coefficient the ledger cites for C2 (keys
    ``seq_lib_ahead_coef<suffix>_low/_high``)."""
    row = _term(table, "fe_sequencing_ahead", f"lib_ahead_l{config.reform_lag}")
    bounds = intervals.t_interval(row["coef"], row["se"], fits["fe_sequencing_ahead"].df)
    return interval_rows(f"seq_lib_ahead_coef{suffix}", bounds, "percentage points of annual growth",
                         f"{intervals.INTERVAL_LEVEL:.0%} interval of the liberalization-ahead coefficient (clustered SE, t)")


def sample_headlines(fits: dict[str, Fit]) -> list[dict]:
    """Headline rows of the main FE model's sample: observations, countries, years."""
    main = fits["fe_main"]
    return [_row("fe_nobs", main.nobs, "country-years", "observations in the main FE model"),
            _row("fe_n_countries", main.n_countries, "countries", "countries in the main FE model"),
            _row("fe_first_year", main.first_year, "year", "first year of growth in the main FE model"),
            _row("fe_last_year", main.last_year, "year", "last year of growth in the main FE model")]


def robustness_headlines(robustness: pd.DataFrame, verdicts: pd.DataFrame, config: Config) -> list[dict]:
    """Headline rows of the robustness runs: specifications, sign shares, the rule's verdict per key term."""
    shares = reform_sign_shares(robustness, config.alpha)
    rows = [_row("n_robustness_specs", robustness["spec"].nunique(), "specifications",
                 "robustness specifications (incl. baseline)"),
            _row("share_specs_reform_positive", shares["positive"], "share",
                 "share of robustness specs (main model) with a positive EBRD-average coefficient"),
            _row("share_specs_reform_positive_significant", shares["positive_significant"], "share",
                 f"share of robustness specs (main model) with a positive EBRD-average coefficient, p < {config.alpha:g}")]
    for term in ("reform_ebrd_average", "lib_ahead", "priv_ahead", "log_inflation", "war"):
        row = verdicts[verdicts["term"] == term]
        if len(row):
            rows.append(_row(f"robust_{term}", float(row["verdict"].iloc[0] == ROBUST), "1 = robust",
                             f"{term} passes the robustness rule (same sign everywhere, p < {config.alpha:g} in "
                             f">= {config.robust_share:.0%} of specs)"))
    return rows


#: Robustness specifications reported one by one in the headlines, with what they change.
REPORTED_SPECS = {"cis_only": "CIS only, country and year FE", "non_cis": "non-CIS countries, country and year FE",
                  "carried_forward": "years after 2006 added with 2006 EBRD scores carried forward, country and year FE",
                  "later_years_pooled": "years after 2006 only, 2006 EBRD scores carried forward, pooled OLS with year effects"}


def spec_headlines(robustness: pd.DataFrame) -> list[dict]:
    """Headline rows of the EBRD average and the liberalization-ahead dummy in :data:`REPORTED_SPECS`."""
    rows = []
    for spec, what in REPORTED_SPECS.items():
        for family, term, name in (("main", "reform_ebrd_average", "reform"), ("sequencing", "lib_ahead", "lib_ahead")):
            row = spec_row(robustness, spec, family, term)
            if row is not None:
                rows += [_row(f"{spec}_{name}_coef", row["coef"], "percentage points of annual growth",
                              f"{term}: {what} ({row['sample']})"),
                         _row(f"{spec}_{name}_pvalue", row["pvalue"], "p-value", f"{term}: {what}")]
    return rows


def gap_headlines(gaps: pd.DataFrame, config: Config) -> list[dict]:
    """Headline rows of the sequencing gap in the CIS and in Central Europe & the Baltics."""
    rows = []
    for group, key in (("CIS", "cis"), ("CEE & Baltics", "cee_baltics")):
        row = gaps[gaps["broad_group"] == group]
        if len(row):
            rows += [_row(f"{key}_mean_gap_lib_inst", row["mean_gap_lib_inst"].iloc[0], "EBRD index points",
                          f"mean liberalization - institutions gap, {group}, {config.first_year}-{config.last_year}"),
                     _row(f"{key}_share_lib_ahead", row["share_lib_ahead"].iloc[0], "share of country-years",
                          f"share of country-years with liberalization >= {config.threshold:g} and institutions below, {group}")]
    return rows


def headline_rows(fits: dict[str, Fit], table: pd.DataFrame, robustness: pd.DataFrame, verdicts: pd.DataFrame,
                  gaps: pd.DataFrame, config: Config) -> list[dict]:
    """Every headline row of the notebook (key, value, unit, description), for ``Outputs.headline``."""
    return (coefficient_headlines(table, config) + sequencing_interval(fits, table, config) + sample_headlines(fits)
            + robustness_headlines(robustness, verdicts, config) + spec_headlines(robustness) + gap_headlines(gaps, config))


# --------------------------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------------------------

def robustness_statement(verdicts: pd.DataFrame, alpha: float, share: float) -> str:
    """One plain sentence per verdict class of ``growth.robust_effects``, and the rule."""
    parts = []
    for verdict in (ROBUST, SAME_SIGN, NOT_ROBUST):
        rows = verdicts[verdicts["verdict"] == verdict]
        if rows.empty:
            continue
        items = "; ".join(
            f"{TERM_LABELS.get(r.term, r.term)} ({'+' if r.baseline_coef > 0 else '-'}, p < {alpha:g} in "
            f"{r.n_significant} of {r.n_specs}, same sign in {r.n_same_sign}"
            + (f"; opposite sign: {r.opposite_sign_specs}" if r.opposite_sign_specs else "") + ")"
            for r in rows.itertuples())
        parts.append(f"**{verdict.capitalize()}**: {items}.")
    rule = (f"Rule: robust = the baseline's sign in every specification and p < {alpha:g} in at least "
            f"{share:.0%} of them.")
    return " ".join(parts + [rule])


def _effect(row, alpha: float, digits: int = 2) -> str:
    significance = "significant" if row["pvalue"] < alpha else "not significant"
    return f"{row['coef']:+.{digits}f} (SE {row['se']:.{digits}f}, p = {row['pvalue']:.3f}; {significance} at {alpha:g})"


def _models_bullets(fits: dict[str, Fit], table: pd.DataFrame, config: Config) -> list[str]:
    L, K, a = config.reform_lag, config.max_lag, config.alpha
    main = fits["fe_main"]

    def effect(model, term, digits=2):
        return _effect(_term(table, model, term), a, digits)

    return [
        (f"- **Main model** (country and year fixed effects, {main.nobs} country-years, {main.n_countries} countries, "
         f"{main.first_year}-{main.last_year}, growth: {config.growth_source}): effect of one EBRD point in year t-{L} on "
         f"annual growth, in percentage points: {effect('fe_main', f'reform_ebrd_average_l{L}')}. "
         f"Pooled OLS with year effects and initial conditions: {effect('pooled_initial', f'reform_ebrd_average_l{L}')}."),
        (f"- **Short run vs cumulative**: in the distributed-lag model the contemporaneous effect is "
         f"{effect('fe_distributed_lag', 'reform_ebrd_average_l0')}; the sum of lags 0-{K} is "
         f"{effect('fe_distributed_lag', f'cumulative_reform_ebrd_average_l0_{K}')}."),
        (f"- **Controls**: log(1 + inflation) {effect('fe_main', 'log_inflation')}; war year "
         f"{effect('fe_main', 'war')}. Initial conditions (pooled): log GDP per capita 1989 "
         f"{effect('pooled_initial', 'log_gdppc_1989')}; years under planning "
         f"{effect('pooled_initial', 'years_planning', 3)}."),
    ]


def _sequencing_bullet(table: pd.DataFrame, gaps: pd.DataFrame, config: Config) -> str:
    L, a = config.reform_lag, config.alpha
    by_group = gaps.set_index("broad_group")
    lib_ahead, priv_ahead = (_term(table, "fe_sequencing_ahead", f"{t}_l{L}") for t in ("lib_ahead", "priv_ahead"))
    difference = by_group.loc["CIS", "share_lib_ahead"] - by_group.loc["CEE & Baltics", "share_lib_ahead"]
    pattern = (f"liberalization ahead of institutions was about as common in both groups (shares within "
               f"{100 * SIMILAR_SHARES:g} points)" if abs(difference) < SIMILAR_SHARES else "it was more common in the CIS" if difference > 0
               else "it was less common in the CIS")
    staehr = ("consistent with" if priv_ahead["coef"] < 0 and priv_ahead["pvalue"] < a else "does not reproduce")
    return (
        f"- **Sequencing (C1, C2)**: liberalization was ahead of institutions (liberalization >= {config.threshold:g}, "
        f"institutions below) in {by_group.loc['CIS', 'share_lib_ahead']:.0%} of CIS country-years and "
        f"{by_group.loc['CEE & Baltics', 'share_lib_ahead']:.0%} of Central European and Baltic ones "
        f"({config.first_year}-{config.last_year}; mean gap {by_group.loc['CIS', 'mean_gap_lib_inst']:.2f} vs "
        f"{by_group.loc['CEE & Baltics', 'mean_gap_lib_inst']:.2f} index points): {pattern}. "
        f"Its growth effect, holding the EBRD average fixed: "
        f"{_effect(lib_ahead, a)}; gap in index points {_effect(_term(table, 'fe_sequencing_gap', f'gap_lib_inst_l{L}'), a)}. "
        f"Large-scale privatization ahead of institutions: {_effect(priv_ahead, a)}; this {staehr} Staehr's (2005) "
        f"negative effect of large-scale privatization without adjoining reforms (his reform clusters are built "
        f"differently).")


def _subsample_bullets(values: dict, robustness: pd.DataFrame, a: float) -> list[str]:
    nan = float("nan")
    carried = spec_row(robustness, "carried_forward", "main", "reform_ebrd_average")
    pooled = spec_row(robustness, "later_years_pooled", "main", "reform_ebrd_average")
    later = (f"adding the later years to the FE model gives {_effect(carried, a)} ({carried['sample']}); the later "
             f"years alone, across countries (pooled, year effects): {_effect(pooled, a)}." if pooled is not None
             else "no later years are observed in this run.")
    return [
        (f"- **CIS only vs the rest**: EBRD average {values.get('cis_only_reform_coef', nan):+.2f} "
         f"(p = {values.get('cis_only_reform_pvalue', nan):.3f}) in the CIS vs "
         f"{values.get('non_cis_reform_coef', nan):+.2f} (p = {values.get('non_cis_reform_pvalue', nan):.3f}) "
         f"elsewhere; liberalization-ahead dummy {values.get('cis_only_lib_ahead_coef', nan):+.2f} "
         f"(p = {values.get('cis_only_lib_ahead_pvalue', nan):.3f}) in the CIS."),
        f"- **Later years** (EBRD scores end in 2006; carried forward, flagged): {later}",
    ]


def _claims_bullet(table: pd.DataFrame, config: Config) -> str:
    L, a = config.reform_lag, config.alpha
    codings = (_term(table, "fe_sequencing_ahead", f"lib_ahead_l{L}"), _term(table, "fe_sequencing_gap", f"gap_lib_inst_l{L}"))
    harmful = [r for r in codings if r["coef"] < 0 and r["pvalue"] < a]
    if not harmful:
        return ("- **For the claims**: neither coding of liberalization ahead of institutions is associated with "
                "significantly lower growth in the main sample, so these regressions give no support to the mechanism "
                "of C2 (liberalizing before the legal and institutional basis cost growth), and they single out no "
                "order of reforms (C1) that paid off; whether CIS losses were larger is a question of output paths, "
                "not of these growth effects.")
    return (f"- **For the claims**: {len(harmful)} of the two codings of liberalization ahead of institutions is "
            f"associated with significantly lower growth, in line with the mechanism of C2; see the robustness rule "
            f"below for whether it holds across specifications.")


def findings_text(fits: dict[str, Fit], table: pd.DataFrame, robustness: pd.DataFrame, verdicts: pd.DataFrame,
                  gaps: pd.DataFrame, config: Config) -> str:
    """The notebook's closing findings as Markdown bullets, every number computed."""
    a = config.alpha
    values = {row["key"]: row["value"] for row in headline_rows(fits, table, robustness, verdicts, gaps, config)}
    robustness_bullet = (
        f"- **Robustness** ({values['n_robustness_specs']} specifications; the EBRD average is positive in "
        f"{values['share_specs_reform_positive']:.0%} and positive with p < {a:g} in "
        f"{values['share_specs_reform_positive_significant']:.0%} of them): "
        + robustness_statement(verdicts, a, config.robust_share))
    return "\n".join([*_models_bullets(fits, table, config), _sequencing_bullet(table, gaps, config),
                      *_subsample_bullets(values, robustness, a), _claims_bullet(table, config), robustness_bullet])


# --------------------------------------------------------------------------------------------
# The literature's checks: initial conditions and feedback from growth to reform
# --------------------------------------------------------------------------------------------

def literature_table(table: pd.DataFrame, fits: dict[str, Fit], initial: tuple[Fit, pd.DataFrame],
                     feedback: tuple[Fit, pd.DataFrame]) -> pd.DataFrame:
    """The baseline pooled model beside the full initial-conditions model and the feedback model (readable)."""
    rows = pd.concat([table[table["model"] == "pooled_initial"], initial[1], feedback[1]], ignore_index=True)
    return regression_table(rows, {"pooled_initial": fits["pooled_initial"], INITIAL_MODEL: initial[0],
                                   FEEDBACK_MODEL: feedback[0]})


def literature_headlines(initial_rows: pd.DataFrame, feedback_rows: pd.DataFrame, config: Config) -> list[dict]:
    """Headline rows of the two checks: the reform effect with full initial conditions, resources, and feedback."""
    L, rows = config.reform_lag, []
    for key, table, model, term, what in (
            ("reform_initial_full", initial_rows, INITIAL_MODEL, f"reform_ebrd_average_l{L}",
             f"EBRD average (t-{L}) with full initial conditions, pooled OLS with year effects"),
            ("resource_rich_initial_full", initial_rows, INITIAL_MODEL, "resource_rich",
             "resource-rich dummy in the initial-conditions model"),
            ("growth_feedback", feedback_rows, FEEDBACK_MODEL, "growth_l1",
             "last year's growth (%) on this year's change of the EBRD average, country and year FE")):
        row = _term(table, model, term)
        rows += [_row(f"{key}_coef", row["coef"], "coefficient", what),
                 _row(f"{key}_pvalue", row["pvalue"], "p-value", f"p-value of {key}_coef (country-clustered)")]
    rows += [_row("n_obs_initial_full", int(initial_rows["nobs"].iloc[0]), "country-years", "observations, initial-conditions model"),
             _row("n_obs_feedback", int(feedback_rows["nobs"].iloc[0]), "country-years", "observations, feedback model")]
    return rows


def literature_text(initial_rows: pd.DataFrame, feedback_rows: pd.DataFrame, config: Config) -> str:
    """Two Markdown bullets: what the initial conditions and the feedback test show, every number computed."""
    L, a = config.reform_lag, config.alpha
    reform = _term(initial_rows, INITIAL_MODEL, f"reform_ebrd_average_l{L}")
    rich = _term(initial_rows, INITIAL_MODEL, "resource_rich")
    back = _term(feedback_rows, FEEDBACK_MODEL, "growth_l1")
    fed = back["pvalue"] < a and back["coef"] > 0
    return "\n".join([
        f"- **Initial conditions** (income in 1989, years under planning, resources, war, new state): the lagged EBRD "
        f"average is {_effect(reform, a)}; resource-rich countries {_effect(rich, a)} percentage points. "
        + ("Reform stays significant once initial conditions are held fixed, as in de Melo et al. (2001)."
           if reform["pvalue"] < a else "Holding initial conditions fixed does not make reform significant here."),
        f"- **Feedback from growth to reform**: one point of growth last year goes with a change of "
        f"{_effect(back, a, 4)} in this year's EBRD average. "
        + ("Growth fed back into reform, so part of the reform-growth association may run from growth to reform."
           if fed else "No sign that growth drove reform at this horizon (unlike Falcetti et al. 2006); feedback "
                       "would in any case bias the reform effect up, not hide it."),
    ])
