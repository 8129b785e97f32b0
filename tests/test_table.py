"""Displayed tables (transition.present.table.Table): what a reader sees in the book."""
from __future__ import annotations

import pandas as pd

from transition.present.table import Table


def test_booleans_read_yes_or_no_in_each_language():
    frame = pd.DataFrame({"within_tolerance": [True, False], "note": ["a", True]})
    assert "Yes" in Table(frame).to_html() and "True" not in Table(frame).to_html()
    assert Table(frame, "ru").text().split("\n")[1].split()[0] == "Да"


def test_no_index_name_row_and_years_without_decimals():
    frame = pd.DataFrame({"value": [1992.0, 0.528]}, index=pd.Index(["peak_year", "share"], name="item"))
    html = Table(frame).to_html()
    assert "index_name" not in html and html.split("</thead>")[0].count("<tr>") == 1  # one header row
    assert ">1992<" in html and ">0.528<" in html and "1992.000" not in html
    assert "Item" in html  # the index is a column now


def test_the_default_row_of_a_grid_is_highlighted_and_only_it():
    frame = pd.DataFrame({"model": ["main", "no_war", "cis_only"], "coef": [1.2, 1.0, 0.4]})
    html = Table(frame).to_html()
    assert html.count("compendium-default") == 2  # the two cells of the main row
    assert "compendium-default" not in Table(frame.assign(model=["a", "b", "c"])).to_html()
