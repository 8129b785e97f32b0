"""Numbers in prose, and computed prose in notebooks."""
from __future__ import annotations

import math


def format_number(value, digits: int = 1) -> str:
    """A number for prose: '52.3', or 'n/a' when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{value:,.{digits}f}"


def findings(text: str):
    """Render a computed string as Markdown in the notebook."""
    from IPython.display import Markdown  # IPython only where a notebook displays something

    return Markdown(text)
