"""The multiverse explorer's data (transition.publish.explorer): every specification of the CSV, exactly."""
from __future__ import annotations

import pandas as pd

from transition.publish import explorer


def _toy(folder):
    table = pd.DataFrame({"claim": "C2", "key": ["a", "b", "c", "d"], "gdp_source": ["wdi", "pwt", "wdi", "pwt"],
                          "loss_index": ["90.0", "90.0", "80.0", "80.0"], "as_of": "latest",
                          "default": ["True", "False", "False", "False"],
                          "verdict": ["mixed", "supported", "mixed", "contradicted"],
                          "n_estimate": ["0.5", "0.25", "", "-1"]})
    table.to_csv(folder / "multiverse_C2.csv", index=False)
    (folder / "multiverse_summary.csv").write_text("claim,as_of\n")  # not a specification table: ignored


def test_the_data_hold_every_row_with_the_csv_values_and_the_space_labels(tmp_path):
    _toy(tmp_path)
    data = explorer.explorer_data(tmp_path, "en")
    [claim] = data["claims"]
    names = [d["name"] for d in claim["dimensions"]]
    assert names == ["gdp_source", "loss_index", "as_of"]  # the CSV's columns between key and default
    source = claim["dimensions"][0]
    assert source["values"] == ["wdi", "pwt"] and source["label"] == "GDP source" and "GDP source" in source["help"]
    assert claim["dimensions"][1]["values"] == ["90.0", "80.0"]  # as written in the CSV, in the space's order
    decoded = [([claim["dimensions"][i]["values"][j] for i, j in enumerate(row[:3])], claim["verdicts"][row[3]], row[4])
               for row in claim["rows"]]
    assert decoded[1] == (["pwt", "90.0", "latest"], "supported", 0.25)
    assert decoded[2][2] is None  # a missing estimate
    assert [d["default"] for d in claim["dimensions"]] == [0, 0, 0]


def test_russian_data_and_page_are_russian_and_escaped(tmp_path):
    _toy(tmp_path)
    data = explorer.explorer_data(tmp_path, "ru")
    claim = data["claims"][0]
    assert claim["dimensions"][0]["label"] == "Источник ВВП" and claim["verdict_names"][0] == "неоднозначно"
    claim["title"] = "</script><b>x</b>"
    page = explorer.page_html(data)
    assert "</script><b>" not in page and 'select name="claim"' in page and 'id="verdict"' in page


def test_every_choice_of_the_committed_tables_has_russian_labels():
    assert explorer.missing_texts() == []


def test_zero_is_a_number_and_needs_no_name():
    """A value 0.0 (C7's tie band) is shown as it is, like any number; a word still needs its Russian name."""
    assert explorer._number("0.0") == 0.0
    catalogue = explorer.load_catalogue()
    assert "tie_pp.0.0" not in catalogue["values"] and catalogue["values"]["records.both"]["ru"]


def test_every_choice_of_every_declared_space_has_russian_labels(tmp_path):
    """Each space's whole table (every specification, as `transition multiverse` writes it) finds its labels,
    Russian help, value names and estimate in the catalogue, before any table is committed."""
    from transition.claims.spaces import SPACES

    for claim, space in SPACES.items():
        rows = [{"claim": claim, "key": spec.key, **spec.as_dict(), "default": False, "verdict": "mixed",
                 "n_estimate": 0.5} for spec in space.specs()]
        pd.DataFrame(rows).to_csv(tmp_path / f"multiverse_{claim}.csv", index=False)
    assert explorer.missing_texts(tmp_path) == []
