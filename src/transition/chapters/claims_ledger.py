"""Chapter 00, the claims ledger: its figure, its tables and the numbers its prose glues in (the verdict
rules and the evidence sentences are in :mod:`transition.claims.ledger`).

The page opens with the answer: :func:`verdicts_markdown` (the ten verdicts, both columns, with their
robustness) and :func:`plot_verdicts`; the prose around them gets its numbers from
:func:`glued_numbers` through MyST-NB's ``glue`` (the notebook writes the sentences). The evidence
follows claim by claim (:func:`evidence_markdown`: the decisive sentence first, the rest behind a
``{details}`` block of the book), then the rules in claim order (:func:`rules_markdown`).
"""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import pandas as pd

from transition.chapters.specs import CLAIMS_LEDGER as SPEC  # noqa: F401 (the notebook's spec)
from transition.claims import rules
from transition.claims.ledger import VERDICTS, thresholds_markdown, verdict_counts
from transition.present.labels import translate

WHEN = ("asof_essay", "latest")
#: The verdicts that judge a claim; the others say it cannot be judged (yet, or with these data).
JUDGED = (rules.SUPPORTED, rules.PARTLY, rules.MIXED, rules.CONTRADICTED)


def count_key(verdict: str, when: str) -> str:
    """'n_supported_in_part_latest': the name under which a verdict's count is glued and recorded."""
    return f"n_{verdict.replace(' ', '_')}_{when}"


def plot_verdicts(ledger: pd.DataFrame):
    """Horizontal bars: number of claims by verdict (top to bottom in the rules' order), as of the essay
    and with the latest data; the verdicts' names sit on the left, where a long translation still fits."""
    counts = verdict_counts(ledger).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 3.6))
    height = 0.38
    positions = range(len(counts))
    colors = {"asof_essay": "#7f8c8d", "latest": "#2471a3"}
    names = {"asof_essay": "As of the essay (~2002)", "latest": "Latest data"}
    for offset, when in zip((height / 2, -height / 2), counts.columns):
        ax.barh([p + offset for p in positions], counts[when], height, label=names[when], color=colors[when])
    ax.set_yticks(list(positions))
    ax.set_yticklabels(counts.index, fontsize=9)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts of claims: whole numbers
    ax.set_xlabel("Number of claims")
    ax.set_title("Verdicts on the essay's ten claims")
    ax.legend(frameon=False, loc="best")
    fig.tight_layout()
    return fig


def glued_numbers(ledger: pd.DataFrame, lang: str = "en") -> dict[str, object]:
    """The numbers and names the page's prose glues in: ``n_<verdict>_<when>`` (:func:`count_key`),
    ``n_unjudged_<when>`` (inconclusive, too early or no data) and ``changed`` (the claims whose verdict
    changes, or 'no claim')."""
    counts = verdict_counts(ledger)
    numbers: dict[str, object] = {}
    for when in WHEN:
        for verdict in VERDICTS:
            numbers[count_key(verdict, when)] = int(counts.loc[verdict, when])
        numbers[f"n_unjudged_{when}"] = int(counts.loc[[v for v in VERDICTS if v not in JUDGED], when].sum())
    numbers["changed"] = ", ".join(ledger.loc[ledger["changed"], "claim_id"]) or translate("no claim", lang)
    return numbers


def _verdict(row, when: str, lang: str) -> str:
    verdict = f"**{translate(getattr(row, f'verdict_{when}'), lang)}**"
    robust = getattr(row, f"robustness_{when}", "")
    return verdict + (f" ({robust})" if isinstance(robust, str) and robust else "")


def _links(row, lang: str) -> str:
    links = [f"[{nb[:2]}]({nb}.ipynb)" for nb in row.notebooks.split(";") if nb]
    links += [f"[{translate('fig', lang)}]({'../results/figures/' + fig})" for fig in row.figures.split(";") if fig]
    return " ".join(links)


def verdicts_markdown(ledger: pd.DataFrame, lang: str = "en") -> str:
    """The ten verdicts as a Markdown table: the claim, both columns (with how often the multiverse
    gives the same verdict), and links to the notebooks and figures (relative to notebooks/)."""
    head = ["Claim", "As of the essay (~2002)", "Latest data", "Where"]
    lines = ["| " + " | ".join(translate(h, lang) for h in head) + " |", "|---|---|---|---|"]
    for row in ledger.itertuples():
        lines.append(f"| **{row.claim_id}** {row.claim} | {_verdict(row, 'asof_essay', lang)} | "
                     f"{_verdict(row, 'latest', lang)} | {_links(row, lang)} |")
    return "\n".join(lines)


def clauses(text: str) -> list[str]:
    """The clauses of an evidence text: split at '; ' outside brackets, each starting with a capital."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == ";" and depth == 0 and text[i + 1:i + 2] == " ":
            parts.append(text[start:i])
            start = i + 2
    parts.append(text[start:])
    return [part.strip()[:1].upper() + part.strip()[1:] for part in parts if part.strip()]


def _sentence(clause: str) -> str:
    return clause if clause.endswith((".", "!", "?")) else clause + "."


def split_evidence(evidence: str, lang: str = "en") -> tuple[list[str], list[str]]:
    """(clauses as of the essay, clauses added with the latest data) of a ledger row's evidence."""
    marker = f". {translate('Latest data:', lang)} "
    essay, _, latest = evidence.partition(marker)
    return clauses(essay), clauses(latest)


def _per_column(words: dict, name: str, essay, latest) -> list[str]:
    """One line when both columns say the same, else one per column (labelled); nothing when empty."""
    essay, latest = (v if isinstance(v, str) else "" for v in (essay, latest))
    if essay and essay == latest:
        return [f"{words[name]}: {_sentence(essay)}", ""]
    lines = []
    for when, value in (("As of the essay", essay), ("Latest data", latest)):
        if value:
            lines += [f"{words[name]} ({words[when].lower()}): {_sentence(value)}", ""]
    return lines


def evidence_markdown(ledger: pd.DataFrame, lang: str = "en") -> str:
    """Each claim's evidence: its verdicts, the decisive sentence of each column, and the rest (every
    clause, the intervals, the single choices that flip the verdict, the joint test) behind a
    ``{details}`` block that the book shows collapsed."""
    words = {key: translate(key, lang) for key in ("As of the essay", "Latest data", "Intervals",
                                                    "Single choices that flip the verdict", "Joint test")}
    blocks = []
    for row in ledger.itertuples():
        essay, latest = split_evidence(row.evidence, lang)
        lines = [f"**{row.claim_id}** {row.claim} {_verdict(row, 'asof_essay', lang)} → "
                 f"{_verdict(row, 'latest', lang)}", ""]
        first = [f"{words['As of the essay']}: {_sentence(essay[0])}"] if essay else []
        first += [f"{words['Latest data']}: {_sentence(latest[0])}"] if latest else []
        lines.append(" ".join(first))
        details = []
        for label, rest in ((words["As of the essay"], essay[1:]), (words["Latest data"], latest[1:])):
            if rest:
                details += [f"{label}:", ""] + [f"- {_sentence(c)}" for c in rest] + [""]
        for name, prefix in (("Intervals", "intervals"), ("Single choices that flip the verdict", "flips")):
            details += _per_column(words, name, getattr(row, f"{prefix}_asof_essay", ""), getattr(row, f"{prefix}_latest", ""))
        if isinstance(getattr(row, "joint_test", ""), str) and row.joint_test:
            details += [f"{words['Joint test']}: {_sentence(row.joint_test)}", ""]
        if details:
            title = translate("More on {0}", lang).format(row.claim_id)
            lines += ["", f"````{{details}} {title}", *details, "````"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _claim_number(item: str) -> tuple[int, int]:
    match = re.match(r"- C(\d+)", item)
    return (int(match.group(1)), 0) if match else (99, 0)


def rules_markdown(lang: str = "en") -> str:
    """The thresholds of the verdict rules (:func:`transition.claims.ledger.thresholds_markdown`) in claim
    order, C1 to C10; the rule for claims in parts last."""
    items = thresholds_markdown(lang).split("\n")
    return "\n".join(sorted(items, key=_claim_number))
