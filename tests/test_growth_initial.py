"""analysis.growth.initial: initial conditions in the spirit of de Melo et al. (2001) and the feedback test."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.analysis.growth import Config
from transition.analysis.growth import initial as I

CODES = ["ARM", "AZE", "BLR", "EST", "HUN", "KAZ", "LVA", "POL", "RUS", "UKR"]


def _panel(seed=0, years=range(1989, 2007)):
    """Growth = 1.5 R(t-1) - 3 log_inflation + country terms + year effect; R moves by a known feedback rule."""
    rng = np.random.default_rng(seed)
    rows = []
    for c, code in enumerate(CODES):
        level = {"log_gdppc_1989": rng.normal(9, 0.5), "years_planning": rng.integers(40, 75),
                 "resource_rich": float(c % 3 == 0), "war_country": float(c % 4 == 1), "new_state": float(c % 2)}
        reform, growth = 1.0 + 0.1 * c, rng.normal()
        for t in years:
            inflation = rng.normal()
            if t > years[0]:
                reform = reform + 0.02 * growth - 0.3 * reform + 0.05 * inflation + 0.01 * c + 0.002 * (t - 1989) ** 2
            year_effect = 0.3 * (t - 1989) ** 1.5
            new_growth = (1.5 * rows[-1]["reform_ebrd_average"] if t > years[0] else 0.0) - 3 * inflation \
                + 2 * level["resource_rich"] + 0.5 * level["log_gdppc_1989"] + 0.1 * level["years_planning"] \
                + level["war_country"] - level["new_state"] + year_effect
            growth = new_growth if t > years[0] else rng.normal()
            rows.append({"iso3": code, "year": t, "growth": growth, "reform_ebrd_average": reform,
                         "reform_liberalization": 3.0, "reform_privatization": 2.0, "reform_institutions": 2.0,
                         "ebrd_large_privatisation": 2.0,
                         "log_inflation": inflation, "war": 0.0, "scores_carried_forward": 0.0, **level})
    return pd.DataFrame(rows)


def test_feedback_model_recovers_the_known_rule():
    fit, table = I.fit_feedback(_panel(), Config(first_year=1990, last_year=2006))
    coefs = table.set_index("term")["coef"]
    assert coefs["growth_l1"] == pytest.approx(0.02, abs=1e-8)
    assert coefs["reform_ebrd_average_l1"] == pytest.approx(-0.3, abs=1e-8)
    assert coefs["log_inflation"] == pytest.approx(0.05, abs=1e-8)
    assert "war" in fit.dropped and set(table["model"]) == {I.FEEDBACK_MODEL}
    assert fit.nobs == len(CODES) * 17 and fit.effects == "country_year"


def test_feedback_frame_respects_gaps():
    panel = _panel()
    panel = panel[~((panel["iso3"] == "ARM") & (panel["year"] == 1995))]
    frame = I.feedback_frame(panel, Config(first_year=1990, last_year=2006))
    arm = frame[frame["iso3"] == "ARM"].set_index("year")
    assert 1996 not in arm.index                         # no 1995 score: no change in 1996
    row = arm.loc[1997]
    assert row["d_reform"] == pytest.approx(row["reform_ebrd_average"] - row["reform_ebrd_average_l1"])


def test_initial_conditions_model_recovers_the_known_coefficients():
    fit, table = I.fit_initial_conditions(_panel(), Config(first_year=1990, last_year=2006))
    coefs = table.set_index("term")["coef"]
    expected = {"reform_ebrd_average_l1": 1.5, "log_inflation": -3.0, "resource_rich": 2.0, "log_gdppc_1989": 0.5,
                "years_planning": 0.1, "war_country": 1.0, "new_state": -1.0}
    for term, value in expected.items():
        assert coefs[term] == pytest.approx(value, abs=1e-6), term
    assert fit.effects == "year" and table["sample"].str.contains("initial conditions").all()


def test_country_level_conditions_from_the_files():
    assert I.war_country(["ARM", "EST"], 1990, 2006).tolist() == [1.0, 0.0]       # ARM: war 1992-94
    assert I.war_country(["ARM"], 1995, 2006).tolist() == [0.0]                     # outside the window
    assert I.new_state(["HUN", "EST", "CZE", "POL"]).tolist() == [0.0, 1.0, 1.0, 0.0]
    tidy = pd.DataFrame({"iso3": ["RUS", "RUS", "POL"], "year": [1995, 2005, 2000], "variable": I.RENTS_VARIABLE,
                         "value": [8.0, 12.0, 1.0]})
    assert I.resource_rich(tidy, ["RUS", "POL", "EST"]).tolist()[:2] == [1.0, 0.0]    # mean 10 counts as rich
    panel = pd.DataFrame({"iso3": ["RUS", "POL"], "year": [1990, 1990], "resource_rich": [0.0, 0.0],
                          "log_gdppc_1989": [9.0, 8.0], "years_planning": [73.0, 43.0], "group": ["CIS", "Central Europe"]})
    merged = I.add_initial_conditions(panel, tidy, Config())
    assert merged.set_index("iso3")["resource_rich"].to_dict() == {"RUS": 1.0, "POL": 0.0}   # replaced, not duplicated
    assert list(I.initial_conditions_table(merged).columns) == ["iso3", "group", *I.INITIAL_TERMS]
