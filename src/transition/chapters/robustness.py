"""Chapter 09 (robustness, the multiverse of claims C1-C10): reading its results, the joint test, figures, texts.

The multiverse itself is run by ``transition multiverse`` (:mod:`transition.run.multiverse`), which
writes ``results/multiverse_<claim>.csv`` (every specification: its choices, verdict and decisive
numbers, with the prefix ``n_``) and ``results/multiverse_summary.csv``; this module reads them. The
curves, the joint test under the null and the variance decomposition are the pure functions of
:mod:`transition.analysis.speccurve`; here they are wired to the claims (which variable a
permutation shuffles, what counts as significant with the claimed sign), drawn and described.
"""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from transition.analysis import speccurve
from transition.chapters.specs import ROBUSTNESS as SPEC  # noqa: F401 (the notebook's spec)
from transition.claims import evaluate as claim_evaluate
from transition.claims import nulls, rules
from transition.claims.rules import ALPHA, VERDICTS
from transition.claims.spaces import SPACES
from transition.data.vocabulary import GOVERNANCE_MEASURES, study_iso3
from transition.paths import PROJECT_ROOT, RESULTS_DIR
from transition.present.choice_labels import CHOICE_LABELS
from transition.present.labels import translate
from transition.present.style import VERDICT_COLORS as STYLE_VERDICT_COLORS
from transition.present.text import format_number

#: What each claim's estimate is measured in (the curve's y axis); what it is comes from the explorer's
#: catalogue of choices (:data:`transition.present.choice_labels.CHOICE_LABELS`), so the page and the
#: explorer say the same.
ESTIMATE_LABELS = {"C1": "Share of countries (0-1)", "C2": "Spearman rho", "C3": "Governance share of R² (0-1)",
                   "C4": "Fall of the share, points", "C5": "Manufactures share of exports, %",
                   "C6": "Distance to the essay's shares, points", "C7": "Share of years Russia leads (0-1)",
                   "C8": "Blocs active", "C9": "Reform lead, EBRD points", "C10": "Median years to a working union"}
#: The default rule's thresholds on each estimate, with what the rule reads there (a dashed line on the curve;
#: :func:`threshold_table` lists them). C6's rule judges each named share on its own, so its summed distance
#: has none; some thresholds are themselves choices of their claim's space (the lines show the default).
REFERENCE_LINES = {
    "C1": ((rules.C1_SUPPORT_SHARE, "supported from this share of the former Soviet states"),
           (rules.C1_CONTRADICT_SHARE, "contradicted below this share")),
    "C2": ((0.0, "the claim needs a negative association: below this line"),),
    "C3": ((rules.C3_GOVERNANCE_SHARE, "governance explains more than resources above this share"),),
    "C4": ((rules.C4_FALL_PP, "the old ties broke: a fall of at least this many points"),),
    "C5": ((rules.C5_MANUFACTURES_BELOW, "exports rest on raw materials: a manufactures share below this"),),
    "C7": ((rules.C7_FIRST_SHARE, "Russia first: ahead in at least this share of the decided years, on each record"),),
    "C8": ((rules.C8_MIN_BLOCS, "integration by groups: at least this many blocs active"),),
    "C9": ((rules.C9_REFORM_STEP, "membership tracks reform: a lead of at least one EBRD step"),),
    "C10": ((rules.C10_LONG_YEARS, "a union takes long: at least this many years"),
            (rules.C10_SHORT_YEARS, "contradicted below this many years, once every agreement works")),
}


def threshold_table(lang: str = "en") -> pd.DataFrame:
    """The dashed lines of the curves: claim, its estimate, each threshold of the default rule and its meaning."""
    rows = [{"claim": claim, "estimate": estimate_text(claim, lang), "threshold": float(value),
             "meaning": translate(meaning, lang)}
            for claim, lines in REFERENCE_LINES.items() for value, meaning in lines]
    return pd.DataFrame(rows)


#: The verdict the engine stores for a specification it could not evaluate (run.multiverse.ERROR; run is above
#: chapters, so the name is repeated here, and a test checks the two agree).
ERROR = "error"
#: Verdict colours; "error" marks a degenerate specification the engine could not evaluate (too few observations).
VERDICT_COLORS = {verdict: STYLE_VERDICT_COLORS[verdict] for verdict in (*VERDICTS, ERROR)}
#: A choice's name in figures and tables.
DIMENSION_LABELS = {
    "as_of": "As of", "groups": "Countries", "dating": "Dating of areas", "ebrd_threshold": "EBRD threshold",
    "inflation_threshold": "Inflation threshold, %", "sustained_years": "Years sustained", "ties": "Ties",
    "never_high": "Never high inflation", "stabilization_rule": "Stabilization rule", "gdp_source": "GDP source",
    "base_year": "Base year", "horizon": "Horizon, years", "loss_index": "Loss threshold, index",
    "mechanism_gap": "Reform gap", "output": "Output", "resource_measures": "Resource measures",
    "governance_measures": "Governance measures", "index_method": "Index method",
    "rich_rents_threshold": "Resource-rich from rents, % of GDP", "eastern_europe": "Eastern Europe"}
#: A choice's value in figures and tables (values not listed are shown as they are: numbers, codes).
VALUE_LABELS = {
    "latest": "latest data", "all": "all", "cis_cee": "CIS and CEE", "threshold": "one threshold",
    "own_range": "own range", "scale_share": "area's scale", "weak": "weak", "strict": "strict",
    "exclude": "left out", "first_year": "first year", "first_run": "first run", "durable": "durable",
    "wdi": "WDI", "maddison": "Maddison", "pwt": "PWT", "weo": "WEO", "gap_points_1990_1995": "mean 1990-95",
    "gap_points_1992": "in 1992", "gap_points_1994": "in 1994", "gap_points_1996": "in 1996",
    "total": "total", "per_capita": "per capita", "rents": "rents", "exports": "export shares",
    "wgi": "WGI", "freedom_house": "Freedom House", "zmean": "mean of z-scores", "pc1": "first component",
    "True": "yes", "False": "no", "former_ussr": "former USSR", "former_ussr_mongolia": "former USSR + Mongolia",
    "ce_see": "Central & SE Europe", "ce_baltics": "Central Europe & Baltics", "ce_baltics_see": "CE, Baltics & SEE",
    "ledger": "the ledger's"}


def _significant_c2(result: dict) -> bool:
    """C2 claims a negative association (a larger gap, a deeper trough) significant at the ledger's alpha."""
    return result.get("p_value", 1.0) < ALPHA and result.get("estimate", 0.0) < 0


def _significant_c3(result: dict) -> bool:
    """C3 claims governance explains more than resources: its share of R² above one half."""
    return result.get("estimate", 0.0) > 0.5


#: The joint tests stored by ``transition multiverse`` beside the multiverse's tables (notebook 09 reads them).
JOINT_TESTS_FILE = nulls.TESTS_FILE
#: The stored joint tests' permutations (every specification is tested, one permutation matrix for all).
JOINT_PERMUTATIONS = nulls.N_PERMUTATIONS
#: The columns of the joint tests' table (one row per claim with a null and as-of choice).
JOINT_TEST_COLUMNS = nulls.TEST_COLUMNS

#: The pipeline's own null (the reference the fast joint test of :mod:`transition.claims.nulls` is checked
#: against): claim → the panel variables a permutation moves across countries, the claimed sign, significance.
PANEL_NULLS = {
    "C2": {"prefixes": ("ebrd_", "reform_"), "sign": -1, "significant": _significant_c2},
    "C3": {"variables": tuple(v for m in GOVERNANCE_MEASURES.values() for v in m.variables), "sign": 1,
           "significant": _significant_c3},
}


def folder(multiverse_dir: str | None) -> Path:
    """The folder of the multiverse results (None: results/; relative paths from the project)."""
    path = Path(multiverse_dir) if multiverse_dir else RESULTS_DIR
    return path if path.is_absolute() else PROJECT_ROOT / path


def load_results(multiverse_dir: str | None, claims) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """The summary and each claim's table of specifications (claims without a table are left out)."""
    where = folder(multiverse_dir)
    summary = pd.read_csv(where / "multiverse_summary.csv", dtype={"as_of": str})
    tables = {claim: pd.read_csv(where / f"multiverse_{claim}.csv", dtype={"as_of": str})
              for claim in claims if (where / f"multiverse_{claim}.csv").exists()}
    return summary[summary["claim"].isin(tables)].reset_index(drop=True), tables


def dimensions(claim: str) -> dict[str, list]:
    """The claim's choices and their values, in the space's order."""
    return {d.name: list(d.values) for d in SPACES[claim].dimensions}


def _catalogue() -> dict:
    """The catalogue of choices, values and estimates (the explorer's words)."""
    return CHOICE_LABELS


def label(name: str, value=None, lang: str = "en") -> str:
    """'GDP source: Maddison' (or the choice's name alone) in ``lang``: the explorer's words, else this
    module's."""
    entry = _catalogue()["dimensions"].get(name, {})
    head = (entry.get("ru_label") if lang == "ru" else entry.get("label")) or translate(DIMENSION_LABELS.get(name, name), lang)
    if value is None:
        return head
    named = _catalogue()["values"].get(f"{name}.{value}", {}).get(lang)
    return f"{head}: {named or translate(VALUE_LABELS.get(str(value), str(value)), lang)}"


def estimate_text(claim: str, lang: str = "en") -> str:
    """What the claim's estimate is, in ``lang`` (the explorer's catalogue)."""
    return _catalogue()["estimates"].get(claim, {}).get(lang) or translate("estimate", lang)


def claim_order(claim: str) -> int:
    """C1 < C2 < … < C10 (a text sort puts C10 after C1)."""
    return int(claim[1:]) if claim[1:].isdigit() else 99


def curve_claims(tables: dict[str, pd.DataFrame]) -> list[str]:
    """The presented claims whose estimates differ between specifications (a curve to draw), claim order."""
    found = [claim for claim, table in tables.items()
             if pd.to_numeric(table["n_estimate"], errors="coerce").dropna().nunique() > 1]
    return sorted(found, key=claim_order)


# ---- verdict shares ---------------------------------------------------------------------------------------
def verdict_shares(summary: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Claim × as-of: the share (%) of specifications per verdict, their number and the default's verdict."""
    wide = summary.pivot_table(index=["claim", "as_of", "n_total", "default_verdict"], columns="verdict",
                               values="share", fill_value=0.0)
    wide = (100 * wide[[v for v in VERDICT_COLORS if v in wide.columns]]).round(1)
    wide = wide.reset_index().rename_axis(columns=None)
    wide = wide.sort_values("claim", key=lambda c: c.map(claim_order), kind="mergesort", ignore_index=True)
    wide["default_verdict"] = [translate(v, lang) for v in wide["default_verdict"]]
    wide["as_of"] = [translate(VALUE_LABELS.get(w, w), lang) for w in wide["as_of"]]
    return wide


def plot_verdict_shares(summary: pd.DataFrame, lang: str = "en"):
    """Stacked bars: for each claim and as-of choice, the share of specifications giving each verdict."""
    rows = sorted(summary.groupby(["claim", "as_of"], sort=True), key=lambda group: claim_order(group[0][0]))
    fig, ax = plt.subplots(figsize=(8, 0.5 + 0.45 * len(rows)))
    names = []
    for position, ((claim, when), part) in enumerate(rows):
        left = 0.0
        for verdict, color in VERDICT_COLORS.items():
            share = 100 * part.loc[part["verdict"] == verdict, "share"].sum()
            ax.barh(position, share, left=left, color=color, label=verdict if position == 0 else None)
            left += share
        names.append(f"{claim}, {translate(VALUE_LABELS.get(when, when), lang)}")
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of specifications, %")
    ax.set_title("Verdicts across each claim's specifications")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in VERDICT_COLORS.values()]
    ax.legend(handles, list(VERDICT_COLORS), frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.tight_layout()
    return fig


# ---- the specification curve ------------------------------------------------------------------------------
def plot_curve(table: pd.DataFrame, claim: str, lang: str = "en"):
    """The claim's estimates sorted (the default specifications marked, colour = verdict), and under them
    the choices each specification makes (one line per choice value, a mark where it is taken)."""
    curved = speccurve.curve(table, "n_estimate")
    dims = {name: values for name, values in dimensions(claim).items() if name in curved.columns}
    panel = speccurve.choice_panel(curved, dims)
    lines = panel[["row", "dimension", "value"]].drop_duplicates().sort_values("row")
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(9, 3 + 0.16 * len(lines)),
                                      gridspec_kw={"height_ratios": [2.2, 0.16 * len(lines) + 0.3]})
    colors = curved["verdict"].map(VERDICT_COLORS).fillna("0.5")
    top.scatter(curved["rank"], curved["n_estimate"], s=6, c=colors, linewidths=0)
    default = curved[curved["default"].astype(bool)]
    top.scatter(default["rank"], default["n_estimate"], s=50, facecolors="none", edgecolors="black",
                label="default specification")
    for level, _meaning in REFERENCE_LINES.get(claim, ()):
        top.axhline(level, color="0.4", lw=0.8, ls="--")
    top.set_ylabel(ESTIMATE_LABELS.get(claim, "Estimate"))
    title = translate(f"specification curve ({len(curved)} specifications)", lang)
    top.set_title(f"{claim}: {estimate_text(claim, lang)}\n{title}", fontsize=10)
    shown = [v for v in VERDICT_COLORS if v in set(curved["verdict"])]  # the verdicts the curve holds, in order
    handles = [plt.Line2D([], [], ls="", marker="o", ms=5, color=VERDICT_COLORS[v]) for v in shown]
    handles.append(plt.Line2D([], [], ls="", marker="o", ms=7, mfc="none", mec="black"))
    top.legend(handles, [translate(v, lang) for v in shown] + [translate("default specification", lang)],
               frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    chosen = panel[panel["chosen"]]
    bottom.scatter(chosen["rank"], chosen["row"], s=2, marker="|", color="0.2")
    bottom.set_yticks(lines["row"].tolist())
    bottom.set_yticklabels([label(d, v, lang) for d, v in zip(lines["dimension"], lines["value"])], fontsize=6)
    bottom.set_ylim(len(lines) - 0.5, -0.5)
    bottom.set_xlabel("Specification (rank of the estimate)")
    fig.tight_layout()
    return fig


# ---- the joint test under the null -----------------------------------------------------------------------
class FreshEvaluate:
    """``evaluate(claim, spec, panel)`` for a panel that may change between calls (the pipeline's joint
    test, :func:`speccurve.joint_test`, re-evaluates every specification on each permuted panel)."""

    def __init__(self, claim: str) -> None:
        self.claim = claim

    def __call__(self, choices: dict, data: pd.DataFrame) -> dict:
        try:
            return claim_evaluate.evaluate(self.claim, SPACES[self.claim].spec(**choices), data)
        except (ArithmeticError, ValueError):  # degenerate under this permutation: no estimate (as the engine's "error")
            return {"verdict": ERROR, "estimate": math.nan}


def null_permutation(claim: str, order=None):
    """``permute(panel, rng)``: the claim's null variables moved, whole series at a time, across the study's
    countries (``order``: one given permutation of them, as a row of ``nulls.NULLS[claim].shuffle.draw``)."""
    null = PANEL_NULLS[claim]

    def permute(data: pd.DataFrame, rng: np.random.Generator | None = None) -> pd.DataFrame:
        names = data["variable"]
        mask = names.str.startswith(null["prefixes"]) if "prefixes" in null else names.isin(null["variables"])
        return speccurve.permute_units(data, mask, rng, units=study_iso3(), order=order)
    return permute


def spec_choices(table: pd.DataFrame, claim: str) -> list[dict]:
    """Each row's choices, typed as the space declares them (a CSV reads numbers and booleans as text)."""
    out = []
    for row in table.itertuples(index=False):
        choices = {}
        for d in SPACES[claim].dimensions:
            text = str(getattr(row, d.name))
            choices[d.name] = next(v for v in d.values if str(v) == text)
        out.append(choices)
    return out


def joint_tests(tables: dict[str, pd.DataFrame], tidy: pd.DataFrame, n_permutations: int = JOINT_PERMUTATIONS,
                seed: int = speccurve.SEED) -> pd.DataFrame:
    """The joint test of each claim with a null over every specification of its table, per as-of choice,
    recomputed here: each specification's inputs from ``tidy`` (:mod:`transition.claims.nulls`), then the
    test of :func:`nulls.test_rows`, as ``transition multiverse`` computes it from its store."""
    rows = []
    for claim in (c for c in nulls.NULLS if c in tables):
        table = tables[claim][tables[claim]["verdict"] != ERROR]
        groups = {}
        for when, part in table.groupby(table["as_of"].astype(str), sort=False):
            specs = [SPACES[claim].spec(**choices) for choices in spec_choices(part, claim)]
            groups[when] = ([nulls.NULLS[claim].inputs(spec, tidy) for spec in specs],
                            part["n_estimate"].to_numpy(dtype=float), part["key"].tolist())
        rows += nulls.test_rows(claim, groups, n_permutations, seed, tolerance=CSV_TOLERANCE)
    return nulls.tests_table(rows)


#: The multiverse's tables round every number to 6 decimals: the observed check's tolerance on them.
CSV_TOLERANCE = 5.1e-7


def no_tests() -> pd.DataFrame:
    """The joint tests' table without a test (no claim with a null presented): its columns, no rows."""
    return nulls.no_tests()


class MissingJointTests(FileNotFoundError):
    """The stored joint tests are missing or do not match the multiverse; one line, the command that fixes it."""

    def _render_traceback_(self) -> list[str]:
        """IPython's hook: a notebook shows this one line, not a traceback."""
        return [f"{type(self).__name__}: {self}"]


def load_joint_tests(multiverse_dir: str | None, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The joint tests stored by ``transition multiverse`` (:data:`JOINT_TESTS_FILE`) for the presented
    claims with a null, one row per as-of choice; :class:`MissingJointTests` when the file or a row is
    missing, or when a row was computed on another multiverse (its number of evaluable specifications differs)."""
    path = folder(multiverse_dir) / JOINT_TESTS_FILE
    fix = ("run `transition multiverse` (it computes the joint tests after the specifications; a partial run "
           "with --permutations), or n_permutations > 0")
    if not path.is_file():
        raise MissingJointTests(f"{_shown(path)} not found: {fix}")
    stored = pd.read_csv(path, dtype={"as_of": str})
    if "as_of" not in stored.columns:
        raise MissingJointTests(f"{_shown(path)} holds joint tests of an older format (no as_of column): {fix}")
    rows = []
    for claim in (c for c in nulls.NULLS if c in tables):
        table = tables[claim]
        for when, part in table.groupby(table["as_of"].astype(str), sort=False):
            row = stored[(stored["claim"] == claim) & (stored["as_of"] == when)]
            evaluable = int((part["verdict"] != ERROR).sum())
            if row.empty or int(row["n_in_multiverse"].iloc[0]) != evaluable:
                found = "no row" if row.empty else f"a test on {int(row['n_in_multiverse'].iloc[0])} specifications"
                raise MissingJointTests(f"{_shown(path)} has {found} for {claim} as of {when} ({evaluable} in its "
                                        f"multiverse): {fix}")
            rows.append(row)
    return nulls.tests_table(pd.concat(rows, ignore_index=True).to_dict("records")) if rows else no_tests()


def _shown(path: Path) -> str:
    """``path`` relative to the project when inside it (what a message shows)."""
    return path.relative_to(PROJECT_ROOT).as_posix() if path.is_relative_to(PROJECT_ROOT) else str(path)


# ---- which choices move the estimates and verdicts ---------------------------------------------------------
def decomposition(tables: dict[str, pd.DataFrame], lang: str = "en") -> pd.DataFrame:
    """Per claim and choice: the share of the variance of the estimate it explains alone (one-way R²)
    and in the additive model (Shapley), and the share of verdicts that change when it leaves its default."""
    frames = []
    for claim, table in tables.items():
        dims = [name for name in dimensions(claim) if name in table.columns]
        shares = speccurve.variance_shares(table, dims, "n_estimate")
        defaults = {d.name: d.default for d in SPACES[claim].dimensions if d.name in table.columns}
        flips = speccurve.verdict_flips(table, defaults)
        merged = shares.merge(flips, on="dimension")
        merged.insert(0, "claim", claim)
        merged["r2_additive"] = shares.attrs["r2_additive"]
        frames.append(merged)
    frame = pd.concat(frames, ignore_index=True)
    frame["choice"] = [label(d, lang=lang) for d in frame["dimension"]]
    return frame[["claim", "dimension", "choice", "r2_one_way", "shapley_share", "r2_additive", "n_pairs", "share_changed"]]


# ---- headline numbers and findings ------------------------------------------------------------------------
def _share_of_default(summary: pd.DataFrame, claim: str, when: str) -> tuple[str, float, int]:
    rows = summary[(summary["claim"] == claim) & (summary["as_of"].astype(str) == when)]
    if rows.empty:
        return "", math.nan, 0
    verdict = rows["default_verdict"].iloc[0]
    return verdict, float(rows.loc[rows["verdict"] == verdict, "share"].sum()), int(rows["n_total"].iloc[0])


def headline_rows(summary: pd.DataFrame, tests: pd.DataFrame, parts: pd.DataFrame) -> list[dict]:
    """Per claim and as-of: specifications and the share giving the default's verdict; the joint tests' p;
    the choice that moves the estimate most."""
    rows = []
    for claim in sorted(summary["claim"].unique(), key=claim_order):
        for when in sorted(summary.loc[summary["claim"] == claim, "as_of"].astype(str).unique()):
            verdict, share, n = _share_of_default(summary, claim, when)
            rows += [{"key": f"{claim}_{when}_n_specifications", "value": n, "unit": "specifications",
                      "description": f"{claim} specifications as of {when}"},
                     {"key": f"{claim}_{when}_share_default_verdict", "value": share, "unit": "share",
                      "description": f"share of {claim} specifications as of {when} giving the default's verdict ({verdict})"}]
    for test in tests.itertuples():
        head = f"{test.claim} as of {test.as_of}, every specification ({test.n_specifications:,}) × {test.n_permutations:,} permutations"
        rows += [{"key": f"{test.claim}_{test.as_of}_p_median", "value": test.p_median, "unit": "p-value",
                  "description": f"{head}: permutation p of the median estimate"},
                 {"key": f"{test.claim}_{test.as_of}_p_share_significant", "value": test.p_share_significant,
                  "unit": "p-value", "description": f"{head}: permutation p of the share significant with the claimed sign"},
                 {"key": f"{test.claim}_{test.as_of}_joint_permutations", "value": test.n_permutations,
                  "unit": "permutations", "description": f"{head}: permutations of the joint test"}]
    for claim, part in parts.groupby("claim"):
        top = part.sort_values("shapley_share", ascending=False).iloc[0]
        rows.append({"key": f"{claim}_top_choice_shapley_share", "value": float(top["shapley_share"]), "unit": "share of variance",
                     "description": f"{claim}: Shapley share of the estimate's variance of its strongest choice ({top['dimension']})"})
    return rows


_FINDINGS = {
    "en": {"claim": "- **{claim}** ({n} specifications): the default specification's verdict, *{verdict}* with the latest "
                    "data, holds in {share}% of them ({essay_share}% as of the essay, where the default says *{essay_verdict}*). "
                    "The choice that moves its estimate most is *{top}* ({top_share}% of the variance).{errors}",
           "test": "- **{claim}**, {when}: joint test on every one of its {n} specifications ({null}; {perm} "
                   "permutations, the same for every specification): median estimate {median}, p = {p_median}; share "
                   "{counted} {share}%, p = {p_share}.",
           "latest": "with the latest data", "essay": "as of the essay ({year})",
           "head": "**Verdicts across the multiverse.**", "tests": "**The curve under the null.**",
           "none": "No joint test: no claim with a null (C1, C2, C3, C9) is presented.",
           "errors": " {n} of them could not be evaluated (degenerate: too few observations or R² = 0), {latest} with the latest data."},
    "ru": {"claim": "- **{claim}** ({n} спецификаций): вердикт спецификации по умолчанию по последним данным, *{verdict}*, "
                    "повторяется в {share}% из них ({essay_share}% на момент эссе, где по умолчанию — *{essay_verdict}*). "
                    "Сильнее всего оценку сдвигает выбор *{top}* ({top_share}% дисперсии).{errors}",
           "test": "- **{claim}**, {when}: совместный тест на всех {n} спецификациях ({null}; {perm} перестановок, "
                   "одних и тех же для каждой спецификации): медианная оценка {median}, p = {p_median}; доля "
                   "{counted} {share}%, p = {p_share}.",
           "latest": "по последним данным", "essay": "на момент эссе ({year})",
           "head": "**Вердикты во всём множестве спецификаций.**", "tests": "**Кривая при нулевой гипотезе.**",
           "none": "Совместного теста нет: ни одно утверждение с нулевой гипотезой (C1, C2, C3, C9) не представлено.",
           "errors": " {n} из них не удалось оценить (вырожденные: слишком мало наблюдений или R² = 0), из них {latest} — по последним данным."},
}


def _counted(claim: str) -> str:
    """What the share part of a claim's joint test counts (:attr:`transition.claims.nulls.Null.counted`)."""
    null = nulls.NULLS.get(claim)
    return null.counted if null else nulls.Null.counted


def _errors(summary: pd.DataFrame, claim: str, template: str) -> str:
    """The sentence on the specifications the engine could not evaluate (empty when there are none)."""
    rows = summary[(summary["claim"] == claim) & (summary["verdict"] == ERROR)]
    latest = int(rows.loc[rows["as_of"].astype(str) == "latest", "n_specifications"].sum())
    return template.format(n=f"{int(rows['n_specifications'].sum()):,}", latest=f"{latest:,}") if len(rows) else ""


def findings_text(summary: pd.DataFrame, tests: pd.DataFrame, parts: pd.DataFrame, essay_year: int,
                  lang: str = "en") -> str:
    """The notebook's Findings as Markdown in ``lang``: how often each default verdict holds, the joint
    tests, the choice that moves each estimate most."""
    words = _FINDINGS[lang]
    lines = [words["head"]]
    for claim in sorted(summary["claim"].unique(), key=claim_order):
        verdict, share, n = _share_of_default(summary, claim, "latest")
        essay_verdict, essay_share, _ = _share_of_default(summary, claim, str(essay_year))
        top = parts[parts["claim"] == claim].sort_values("shapley_share", ascending=False).iloc[0]
        lines.append(words["claim"].format(
            claim=claim, n=f"{n + _share_of_default(summary, claim, str(essay_year))[2]:,}",
            verdict=translate(verdict, lang), share=format_number(100 * share, 0),
            essay_verdict=translate(essay_verdict, lang), essay_share=format_number(100 * essay_share, 0),
            top=top["choice"], top_share=format_number(100 * top["shapley_share"], 0),
            errors=_errors(summary, claim, words["errors"])))
    lines.append("")
    lines.append(words["tests"])
    if tests.empty:
        lines.append(words["none"])
    for test in tests.itertuples():
        when = words["latest"] if str(test.as_of) == "latest" else words["essay"].format(year=test.as_of)
        lines.append(words["test"].format(
            claim=test.claim, when=when, n=f"{test.n_specifications:,}", null=translate(test.null, lang),
            perm=f"{test.n_permutations:,}", counted=translate(_counted(test.claim), lang),
            median=format_number(test.observed_median, 2), p_median=format_number(test.p_median, 3),
            share=format_number(100 * test.observed_share_significant, 0), p_share=format_number(test.p_share_significant, 3)))
    return "\n".join(lines)
