"""The claims ledger: every claim of the essay (C1-C10) judged by explicit rules on computed numbers.

The analysis notebooks record their headline numbers in ``results/<notebook>.json``; the rules
below read them and return a verdict — ``supported``, ``contradicted``, ``mixed`` or ``not
testable with these data`` — twice: as of the essay's time, on the headline files of the run with
the data observed to 2002 only (``runs/as_of_2002/``, :data:`ESSAY_RESULTS_DIR`), and with the
latest data. Each judgement carries the intervals of the numbers it tests (:mod:`transition.claims.intervals`). Every threshold a rule uses is a named constant here; no verdict is typed by hand.

Examples
--------
>>> headlines = load_headlines()                       # doctest: +SKIP
>>> table = build_ledger(headlines, lang="en")         # doctest: +SKIP
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from transition.claims import intervals as cited_intervals
from transition.claims import rules
from transition.claims.evidence_integration import judge_c8, judge_c9, judge_c10
from transition.claims.evidence_reforms import (
    C1_DATINGS,
    C2_MECHANISM_GAP,
    C3_EAST,
    C3_GOVERNANCE_KEYS,
    _c3_outcomes,
    c2_mechanism,
    judge_c1,
    judge_c2,
    judge_c3,
)
from transition.claims.evidence_trade import C7_TARIFF_NOT_TESTABLE, judge_c4, judge_c5, judge_c6, judge_c7
from transition.claims.judgement import Headlines, Judgement, _both, _f, _i, _state
from transition.claims.rules import (
    ALPHA,
    C1_CONTRADICT_SHARE,
    C1_SUPPORT_SHARE,
    C2_LOSS_INDEX,
    C3_GOVERNANCE_SHARE,
    C4_FALL_PP,
    C4_MAJOR_SHARE,
    C5_MAJORITY_SHARE,
    C5_MANUFACTURES_BELOW,
    C5_PROCESSED_ABOVE,
    C5_RAW_RATIO,
    C6_ESSAY_SHARES,
    C6_EXCEPTIONS_CONFIRMED,
    C6_GREW_SHARE,
    C6_OTHER_RANGE,
    C6_OTHER_SHARE,
    C6_TOLERANCE_PP,
    C7_FIRST_SHARE,
    C7_TIE_PP,
    C8_MIN_BLOCS,
    C9_CORE_SHARE,
    C9_REFORM_STEP,
    C10_LONG_YEARS,
    C10_SHORT_YEARS,
    CIS_COUNT,
    CONTRADICTED,
    INCONCLUSIVE,
    MIXED,
    NO_DATA,
    PARTLY,
    SUPPORTED,
    TOO_EARLY,
    VERDICTS,
    c1_verdict,
    c4_verdict,
    c6_verdict,
    c7_partner_part,
    c7_verdict,
)
from transition.data import vocabulary

# ---- what the rules read (thresholds: transition.claims.rules) ----------------------------------------
from transition.data.vocabulary import ESSAY_YEAR  # noqa: E402
from transition.paths import ESSAY_RESULTS_DIR, PROJECT_ROOT, RESULTS_DIR
from transition.present.labels import translate

#: The run that judges the claims "as of the essay" (:data:`transition.paths.ESSAY_RESULTS_DIR`): notebooks
#: 01-08 with ``as_of`` = the essay's year, every observation after it dropped before anything is computed
#: (``make notebooks`` runs it first: ``transition run 01 02 03 04 05 06 07 08 10 --name as_of_2002 -p as_of=2002``);
#: its headline files are committed.


def load_headlines(results_dir: str | Path | None = None) -> Headlines:
    """Read every ``<notebook>.json`` headline file of a results folder (default ``results/``)."""
    folder = Path(results_dir) if results_dir else RESULTS_DIR
    if not folder.is_absolute():  # like Outputs: relative to the project, not to notebooks/
        folder = PROJECT_ROOT / folder
    files = sorted(p for p in folder.glob("[0-9][0-9]_*.json")
                   if not p.name.endswith(".untranslated.json") and not p.name.startswith("00_"))  # not the ledger's own
    return Headlines({path.stem: json.loads(path.read_text(encoding="utf-8")) for path in files})


def _number(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


#: claim id → (claim in English, claim in Russian, rule, notebooks, figures)
CLAIMS = {
    "C1": ("All new states reformed along one scenario: liberalization → stabilization → legal and organizational infrastructure → privatization.",
           "Все новые государства реформировались по одному сценарию: либерализация → стабилизация → правовая и организационная инфраструктура → приватизация.",
           judge_c1, ["01_reform_sequencing", "03_stabilization"], ["01_order_frequencies.png", "01_pairwise_order.png"]),
    "C2": ("The CIS liberalized without a preparatory legal basis; as a result no CIS country avoided substantial output losses.",
           "СНГ начало с либерализации без подготовки правовой базы; поэтому ни одна страна СНГ не избежала значительных потерь.",
           judge_c2, ["01_reform_sequencing", "02_output_paths", "04_reforms_and_growth"], ["02_trough_vs_gap.png", "02_output_paths_by_group.png"]),
    "C3": ("The resource-rich CIS was only emerging from crisis while resource-poor Eastern Europe grew; the difference is the quality of governance.",
           "Богатое ресурсами СНГ лишь выходило из кризиса, когда бедная ресурсами Восточная Европа росла; разница — в качестве управления.",
           judge_c3, ["02_output_paths", "05_resources_vs_governance"], ["02_output_paths_by_group.png", "05_r2_decomposition.png"]),
    "C4": ("The old union ties broke and relations among the republics were rebuilt on market principles as interstate relations.",
           "Старые союзные связи разорваны; отношения между республиками перестроены на рыночной основе как межгосударственные.",
           judge_c4, ["08_trade_partners"], ["08_intra_fsu_share.png"]),
    "C5": ("CIS exports rest on extractive industries and low-processed goods; imports are mainly highly processed goods.",
           "Экспорт СНГ опирается на добывающие отрасли и товары низкой степени переработки; импорт — в основном товары высокой переработки.",
           judge_c5, ["06_trade_structure"], ["06_trade_structure_by_group.png"]),
    "C6": ("Almost all CIS countries but Kyrgyzstan, Tajikistan and Ukraine increased exports; Russia 76%, Ukraine 10%, Kazakhstan 5% of CIS exports, each other 0.3-3%.",
           "Почти все страны СНГ, кроме Кыргызстана, Таджикистана и Украины, нарастили экспорт; Россия 76%, Украина 10%, Казахстан 5% экспорта СНГ, остальные по 0,3-3%.",
           judge_c6, ["06_trade_structure"], ["06_cis_export_shares.png"]),
    "C7": ("Russia is Kazakhstan's main trading partner; Kazakhstan lowered import tariffs to trade more with Russia.",
           "Россия — главный торговый партнёр Казахстана; Казахстан снизил импортные пошлины ради торговли с Россией.",
           judge_c7, ["08_trade_partners"], ["08_kazakhstan_partners.png", "08_kazakhstan_tariffs.png"]),
    "C8": ("Integration no longer covers the post-Soviet space as a whole; it proceeds by regions and groups.",
           "Интеграция уже не охватывает всё постсоветское пространство, а идёт по регионам и группам.",
           judge_c8, ["07_integration"], ["07_bloc_timeline.png", "07_fragmentation.png"]),
    "C9": ("States move, as they reform, through concentric circles toward the cores: Kazakhstan in Central Asia, Russia in the post-Soviet space.",
           "По мере реформ государства движутся концентрическими кругами к ядрам: Казахстану в Центральной Азии, России на постсоветском пространстве.",
           judge_c9, ["07_integration"], ["07_core_shares.png"]),
    "C10": ("Building a Eurasian union will take long; the experience of the EU should be studied.",
            "Создание евразийского союза займёт много времени; следует изучать опыт ЕС.",
            judge_c10, ["07_integration"], ["07_eu_comparison.png"]),
}


def multiverse_folder(results_dir: str | Path | None = None) -> Path:
    """The folder whose multiverse tables the ledger reads: ``results_dir`` when it holds a multiverse
    (``multiverse_summary.csv``), else ``results/``. A named run (the Russian edition, a run with other
    parameters) has no multiverse of its own, and the robustness of a verdict is that of its space,
    which ``transition multiverse`` computes once into results/ (as notebook 09 reads it by default)."""
    folder = Path(results_dir) if results_dir else RESULTS_DIR
    folder = folder if folder.is_absolute() else PROJECT_ROOT / folder
    return folder if (folder / "multiverse_summary.csv").exists() else RESULTS_DIR


def load_multiverse_summary(results_dir: str | Path | None = None) -> pd.DataFrame | None:
    """``multiverse_summary.csv`` of :func:`multiverse_folder`, or None when absent."""
    path = multiverse_folder(results_dir) / "multiverse_summary.csv"
    return pd.read_csv(path, dtype={"as_of": str}) if path.exists() else None


def load_multiverse_tables(results_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every ``multiverse_<claim>.csv`` of :func:`multiverse_folder` (claim → table; empty without a multiverse)."""
    folder = multiverse_folder(results_dir)
    tables = {}
    for claim_id in CLAIMS:
        path = folder / f"multiverse_{claim_id}.csv"
        if path.exists():
            tables[claim_id] = pd.read_csv(path, dtype={"as_of": str})
    return tables


def load_joint_tests(results_dir: str | Path | None = None) -> pd.DataFrame | None:
    """``multiverse_joint_tests.csv`` of :func:`multiverse_folder`, or None when absent."""
    path = multiverse_folder(results_dir) / "multiverse_joint_tests.csv"
    return pd.read_csv(path) if path.exists() else None


def flips_cell(tables: dict[str, pd.DataFrame], claim_id: str, as_of: str, lang: str = "en") -> str:
    """The single choices that flip ``claim_id``'s default verdict (``as_of``: "latest" or the essay's year)."""
    from transition.claims import (  # the spaces import the analysis; only the ledger's build needs them
        flips,
        spaces,
    )

    if claim_id not in tables or claim_id not in spaces.SPACES:
        return ""
    found = flips.single_flips(tables[claim_id], spaces.SPACES[claim_id], str(as_of))
    if not found:
        return translate("no single choice flips the verdict", lang)
    return "; ".join(f"{name} = {value} → {translate(verdict, lang)}" for name, value, verdict in found)


def joint_test_cell(tests: pd.DataFrame | None, claim_id: str, lang: str = "en") -> str:
    """'as of the essay: p = 0.03 for the median estimate, 0.02 for the share significant (1,000 permutations of
    1,620 specifications); latest: …' — the joint test of each as-of column of the claim's space."""
    if tests is None or claim_id not in set(tests["claim"]):
        return ""
    rows = tests[tests["claim"] == claim_id]
    if "as_of" not in rows:
        rows = rows.assign(as_of="latest")
    parts = []
    for when, name in ((str(ESSAY_YEAR), "as of the essay"), ("latest", "latest")):
        for row in rows[rows["as_of"].astype(str) == when].itertuples():
            parts.append(translate(
                f"{name}: p = {_f(row.p_median, 3)} for the median estimate, {_f(row.p_share_significant, 3)} for the "
                f"share significant ({int(row.n_permutations):,} permutations of {int(row.n_specifications):,} "
                f"specifications)", lang))
    return "; ".join(parts)


def robustness_text(summary: pd.DataFrame | None, claim_id: str, as_of: str, lang: str = "en") -> str:
    """'contradicted in 97% of 2,304 specifications': how often the multiverse of ``claim_id`` gives its
    default specification's verdict (``as_of``: "latest" or the essay's year); empty without a multiverse."""
    if summary is None or summary.empty:
        return ""
    rows = summary[(summary["claim"] == claim_id) & (summary["as_of"].astype(str) == str(as_of))]
    if rows.empty or rows["default_verdict"].isna().all():
        return ""
    verdict = rows["default_verdict"].dropna().iloc[0]
    share = rows.loc[rows["verdict"] == verdict, "share"].sum()
    text = f"{verdict} in {100 * share:.0f}% of {int(rows['n_total'].iloc[0]):,} specifications"
    return translate(text, lang)


def thresholds(claim_id: str, as_of: str, h: Headlines) -> list[tuple[str, str, float, str]]:
    """(notebook, headline key, threshold, what) of each cited number a rule compares with a threshold."""
    when, early = ("2002", "early") if as_of == "essay" else ("latest", "latest")
    level, _growth, per_capita = _c3_outcomes(h, as_of)
    n05 = "05_resources_vs_governance"
    gap_outcome = level if as_of == "essay" else per_capita
    return {
        "C3": [(n05, f"difference_{gap_outcome}_rich_cis_vs_poor_{C3_EAST}", 0.0, "the rich-minus-poor difference")],
        "C4": [("08_trade_partners", f"cis_median_fall_to_{when}_pp", C4_FALL_PP, "the CIS median fall"),
               ("08_trade_partners", f"cis_median_share_fsu_{when}_pct", C4_MAJOR_SHARE, "the CIS median share")],
        "C5": [("06_trade_structure", f"cis_median_manufactures_export_share_{early}", C5_MANUFACTURES_BELOW,
                "the CIS median manufactures share")],
        "C9": [("07_integration", f"ebrd_average_{ESSAY_YEAR}_difference_eurasec_vs_cis_outside_{ESSAY_YEAR}"
                if as_of == "essay" else f"ebrd_average_{vocabulary.EBRD_LAST_YEAR}_difference_eaeu_2015_vs_cis_outside",
                C9_REFORM_STEP, "the members' lead")],
    }.get(claim_id, [])


def build_ledger(headlines: Headlines, lang: str = "en", multiverse: pd.DataFrame | None = None,
                 essay_headlines: Headlines | None = None, multiverse_tables: dict[str, pd.DataFrame] | None = None,
                 joint_tests: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per claim: verdicts as of the essay and with the latest data, evidence, notebooks, figures,
    and (given the multiverse summary) how robust each verdict is across the claim's specifications.

    ``essay_headlines``: the headline files of the run observed only to the essay's year
    (:data:`ESSAY_RESULTS_DIR`), on which the "as of the essay" column is judged; without them, that
    column is judged on ``headlines`` (the notebooks' own as-of-2002 numbers). ``multiverse_tables``
    (:func:`load_multiverse_tables`) give the single choices that flip each default verdict, and
    ``joint_tests`` (:func:`load_joint_tests`) each claim's joint test over its whole space."""
    rows = []
    essay_headlines = headlines if essay_headlines is None else essay_headlines
    for claim_id, (claim_en, claim_ru, rule, notebooks, figures) in CLAIMS.items():
        essay, latest = rule(essay_headlines, "essay"), rule(headlines, "latest")
        essay.intervals += cited_intervals.sentences(claim_id, essay_headlines, "essay", thresholds(claim_id, "essay", essay_headlines))
        latest.intervals += cited_intervals.sentences(claim_id, headlines, "latest", thresholds(claim_id, "latest", headlines))
        essay_text = "; ".join(translate(e, lang) for e in essay.evidence)
        latest_text = "; ".join(translate(e, lang) for e in latest.evidence if e not in essay.evidence)
        evidence = essay_text + (f". {translate('Latest data:', lang)} {latest_text}" if latest_text else "")
        intervals = {when: "; ".join(translate(i, lang) for i in judgement.intervals)
                     for when, judgement in (("asof_essay", essay), ("latest", latest))}
        rows.append({
            "claim_id": claim_id, "claim": claim_ru if lang == "ru" else claim_en,
            "verdict_asof_essay": essay.verdict, "verdict_latest": latest.verdict,
            "changed": essay.verdict != latest.verdict,
            "evidence": evidence, "notebooks": ";".join(notebooks), "figures": ";".join(figures),
            "intervals_asof_essay": intervals["asof_essay"], "intervals_latest": intervals["latest"],
            "robustness_asof_essay": robustness_text(multiverse, claim_id, str(ESSAY_YEAR), lang),
            "robustness_latest": robustness_text(multiverse, claim_id, "latest", lang),
            "flips_asof_essay": flips_cell(multiverse_tables or {}, claim_id, str(ESSAY_YEAR), lang),
            "flips_latest": flips_cell(multiverse_tables or {}, claim_id, "latest", lang),
            "joint_test": joint_test_cell(joint_tests, claim_id, lang),
        })
    return pd.DataFrame(rows)


def thresholds_markdown(lang: str = "en") -> str:
    """The thresholds of the verdict rules, as a Markdown list read from this module's constants."""
    items = [
        f"C1: supported if at least {C1_SUPPORT_SHARE:.0%} of the former Soviet states (the essay's new independent states; Mongolia and Eastern Europe as variants) reach the four areas in the essay's order, contradicted below {C1_CONTRADICT_SHARE:.0%}; an area that never reaches the threshold is censored, and a concordance reading (Kendall's tau with the essay's order) is shown beside the rule",
        f"C2: a substantial loss is a trough below {C2_LOSS_INDEX:g} (1989 = 100; Barro & Ursúa 2008); the mechanism needs a significant (p < {ALPHA}) association with the claimed sign",
        "C1: the rule is also applied under each dating of the reform areas (one EBRD threshold, each area's own range, each area's scale) and set against chance (a random order of four areas matches 1 time in 24)",
        "C2: the mechanism is tested on the liberalization-institutions gap that keeps every country (mean over 1990-95 of liberalization minus institutions); the gap dated from liberalization, which drops the non-liberalizers, is reported beside it",
        f"C3: the gap holds when the 90% bootstrap interval of the resource-rich CIS median minus the resource-poor Eastern European median (Central and South-East Europe, as the essay uses the term) lies below zero: the real GDP index of 2000 as of the essay, per capita in the latest year with the latest data (whether the gap persisted); governance is the difference when its Shapley share of R² exceeds {C3_GOVERNANCE_SHARE:g} and it adds significantly (p < {ALPHA}) to a former-USSR indicator, and is not when resources explain more or, among the CIS states alone, better governance goes with significantly worse outcomes",
        f"C5: exports rest on raw materials when the median CIS manufactures share is below {C5_MANUFACTURES_BELOW:g}% and fuel + ores are at least {C5_RAW_RATIO:g}× the CEE share; imports are processed when manufactures + food exceed {C5_PROCESSED_ABOVE:g}% in at least {C5_MAJORITY_SHARE:.0%} of CIS countries (for the median country with the latest data); the median shares are judged with their 90% bootstrap intervals",
        f"C6: on goods exports outside the CIS (current US$, IMF DOTS) in the year the essay's figures fit best (up to {ESSAY_YEAR}), the shares of Russia, Ukraine and Kazakhstan match within {C6_TOLERANCE_PP:g} percentage points and {C6_OTHER_SHARE:.0%} of the other countries fall in {C6_OTHER_RANGE[0]}-{C6_OTHER_RANGE[1]}% (at the essay's precision); exports grew in almost all, from the year before to that year, when at least {C6_GREW_SHARE:.0%} grew and {C6_EXCEPTIONS_CONFIRMED} of the 3 exceptions did not; with the latest data the shares of the latest year are judged",
        f"C4: the ties broke when the median CIS share of trade with the other former republics fell by at least {C4_FALL_PP:g} percentage points; relations were rebuilt, not abandoned, when that median share is still at least {C4_MAJOR_SHARE:g}%; each judged with its 90% bootstrap interval (an interval across the threshold cannot tell)",
        f"C7: on each record of Kazakhstan's trade (its own; its partners') Russia is the main partner when it leads the largest other partner by more than {C7_TIE_PP:g} points (the tie band) in at least {C7_FIRST_SHARE:.0%} of the decided years, through {ESSAY_YEAR} and over the whole series after it; both records must agree; the tariff part is not testable as specified and counts for neither side",
        f"C8: at least {C8_MIN_BLOCS} blocs among the CIS countries and none covering all {CIS_COUNT}",
        f"C9: a core holds at least {C9_CORE_SHARE:g}% of bloc GDP; membership tracks reform when the members' median EBRD average leads the other CIS states' by one EBRD step ({C9_REFORM_STEP:.2f}), its 90% interval wholly above it (EurAsEC 2002 in 2002 as of the essay; as a forecast with the latest data, the EAEU members of 2015 in 2006, before they moved)",
        f"C10: building a union takes long when the median agreement needs at least {C10_LONG_YEARS:g} years to work (open agreements count with the years waited, a lower bound); contradicted below {C10_SHORT_YEARS:g} years once every agreement works; too early while agreements are open and the bound is below {C10_LONG_YEARS:g}; the recommendation is not testable",
        "Claims in parts: every part holds → supported; every part the data can tell holds, the others cannot be told → supported in part; some hold and others fail → mixed; none holds and one fails → contradicted; no part can be told → inconclusive; a forecast whose outcome is still open → too early; data that do not measure the claim → no data",
    ]
    return "\n".join(f"- {translate(item, lang)}" for item in items)


def verdict_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """How many claims get each verdict, as of the essay and with the latest data."""
    counts = {when: ledger[f"verdict_{when}"].value_counts() for when in ("asof_essay", "latest")}
    return pd.DataFrame(counts).reindex(list(VERDICTS)).fillna(0).astype(int)
