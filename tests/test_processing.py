"""The counts and group values of C5's import test (analysis.processing), on small constructed tables."""
from __future__ import annotations

import doctest

import pandas as pd
import pytest

from transition.analysis import processing

ROWS = pd.DataFrame({"iso3": ["ARM", "BLR", "UKR", "TKM"], "period": "2000-2002",
                     "imports_processed": [75.7, 60.6, 51.6, None], "imports_manufactures": [52.2, 49.5, 45.0, 79.8],
                     "exports_manufactures": [42.6, 65.4, 68.7, 6.9]})


def test_the_doctests():
    outcome = doctest.testmod(processing)
    assert outcome.failed == 0 and outcome.attempted > 0


@pytest.mark.parametrize("measure, above, against, expected", [
    ("imports_processed", 50, None, (3, 3)),           # TKM has no processed share: not counted
    ("imports_processed", 60, None, (2, 3)),
    ("imports_manufactures", 50, None, (2, 4)),
    ("imports_manufactures", 50, "exports_manufactures", (2, 4)),   # ARM and TKM import more manufactures than they export
])
def test_import_majority(measure, above, against, expected):
    assert processing.import_majority(ROWS, measure, above, against) == expected


def test_first_period_with_data():
    later = ROWS.assign(period="2008-2011")
    assert processing.first_period(later, ["2000-2002", "2008-2011"])["period"].unique().tolist() == ["2008-2011"]
    assert processing.first_period(later, ["2016-2019"]).empty


def test_group_values_and_the_import_export_gap():
    comp = pd.DataFrame({"series": ["imports_manufactures"] * 3 + ["exports_manufactures"] * 2,
                         "iso3": ["ARM", "POL", "UKR", "ARM", "UKR"], "year": 2012, "value": [60.0, 70.0, 50.0, 30.0, 65.0]})
    group_of = pd.Series({"ARM": "CIS", "UKR": "CIS", "POL": "CEE & Baltics"})
    assert processing.group_values(comp, "imports_manufactures", 2012, "CIS", group_of).to_dict() == {"ARM": 60.0, "UKR": 50.0}
    assert processing.import_export_gap(comp, 2012, "CIS", group_of).to_dict() == {"ARM": 30.0, "UKR": -15.0}
    assert processing.group_values(comp, "imports_manufactures", 2011, "CIS", group_of).empty
