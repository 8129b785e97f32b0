"""The look shared by every figure: group order and colours."""
from __future__ import annotations

from transition.data.vocabulary import GROUP_ORDER  # noqa: F401 (the figures' order is the study's order)

#: Colours of the country groups (five groups and the broad ones), the same in every figure.
GROUP_COLORS = {"CIS": "#c0392b", "Baltic": "#2471a3", "Central Europe": "#1e8449",
                "South-East Europe": "#b9770e", "Mongolia": "#7d3c98",
                "CEE & Baltics": "#1f618d", "SEE": "#b9770e"}
#: Smallest font size of any text on a figure (source notes included), in points.
MIN_FONT_SIZE = 8


#: One colour per verdict of the claims ledger (transition.claims.rules.VERDICTS), green to red, greys for the
#: verdicts that do not judge the claim either way; "error" marks a specification the multiverse could not evaluate.
VERDICT_COLORS = {"supported": "#1e8449", "supported in part": "#82e0aa", "mixed": "#d4ac0d", "contradicted": "#c0392b",
                  "inconclusive": "#a6acaf", "too early": "#5dade2", "no data": "#7f8c8d", "error": "#17202a"}
