"""Chapter 00, the claims ledger: its figure and texts (the verdict rules are in :mod:`transition.claims.ledger`)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from transition.chapters.specs import CLAIMS_LEDGER as SPEC  # noqa: F401 (the notebook's spec)
from transition.claims.ledger import VERDICTS, verdict_counts
from transition.present.labels import translate


def plot_verdicts(ledger: pd.DataFrame):
    """Bar chart: number of claims by verdict, as of the essay and with the latest data."""
    counts = verdict_counts(ledger)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    width = 0.38
    positions = range(len(counts))
    colors = {"asof_essay": "#7f8c8d", "latest": "#2471a3"}
    names = {"asof_essay": "As of the essay (~2002)", "latest": "Latest data"}
    for offset, when in zip((-width / 2, width / 2), counts.columns):
        ax.bar([p + offset for p in positions], counts[when], width, label=names[when], color=colors[when])
    ax.set_xticks(list(positions))
    ax.set_xticklabels(counts.index, fontsize=8)
    ax.set_ylabel("Number of claims")
    ax.set_title("Verdicts on the essay's ten claims")
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig


def summary_text(ledger: pd.DataFrame, lang: str = "en") -> str:
    """Two sentences: verdict counts then and now, and the claims whose verdict changes."""
    counts = verdict_counts(ledger)
    numbers = [counts.loc[v, when] for when in ("asof_essay", "latest") for v in VERDICTS]
    first = (f"Of the essay's ten claims, as of its own time {numbers[0]} are supported by the data, {numbers[1]} get a "
             f"mixed verdict, {numbers[2]} are contradicted and {numbers[3]} cannot be tested with these data. With "
             f"the latest data the counts are {numbers[4]}, {numbers[5]}, {numbers[6]} and {numbers[7]}.")
    changed = ", ".join(ledger.loc[ledger["changed"], "claim_id"]) or translate("no claim", lang)
    return f"{translate(first, lang)} {translate('The verdict changes for:', lang)} {changed}."


def ledger_markdown(ledger: pd.DataFrame, lang: str = "en") -> str:
    """The ledger as a Markdown table with links to the notebooks and figures (relative to notebooks/)."""
    head = ["Claim", "As of the essay (~2002)", "Latest data", "Evidence", "Where"]
    lines = ["| " + " | ".join(translate(h, lang) for h in head) + " |", "|---|---|---|---|---|"]
    for row in ledger.itertuples():
        links = [f"[{nb[:2]}]({nb}.ipynb)" for nb in row.notebooks.split(";") if nb]
        links += [f"[{translate('fig', lang)}]({'../results/figures/' + fig})" for fig in row.figures.split(";") if fig]
        verdicts = [f"**{translate(v, lang)}**" for v in (row.verdict_asof_essay, row.verdict_latest)]
        lines.append(f"| **{row.claim_id}** {row.claim} | {verdicts[0]} | {verdicts[1]} | {row.evidence} | {' '.join(links)} |")
    return "\n".join(lines)
