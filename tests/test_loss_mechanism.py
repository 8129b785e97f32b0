"""Claim C2's mechanism on every country (analysis.loss_mechanism), on constructed data with known answers."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from timing_fixtures import tidy_frame

from transition.analysis.loss_mechanism import (
    EVERY_COUNTRY_GAP,
    mechanism_associations,
    mechanism_frame,
    per_capita_index,
    per_capita_measures,
    pick_mechanism,
)


def _indices(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "year", "index"]).assign(spliced=False, source="wdi", base_year=1989)


def test_per_capita_index_divides_by_the_population_index():
    indices = _indices([("AAA", 1989, 100.0), ("AAA", 1990, 80.0), ("AAA", 1991, 90.0), ("BBB", 1989, 100.0)])
    pop = tidy_frame([("AAA", 1989, "mad_pop", 1000.0), ("AAA", 1990, "mad_pop", 800.0), ("AAA", 1991, "mad_pop", 1200.0),
                      ("BBB", 1990, "mad_pop", 50.0)])  # BBB: no population in the base year -> left out
    per_person = per_capita_index(indices, pop)
    assert per_person["iso3"].unique().tolist() == ["AAA"]
    assert per_person["index"].tolist() == pytest.approx([100.0, 100.0, 75.0])


def test_per_capita_measures_trough_and_loss():
    indices = _indices([("AAA", y, v) for y, v in zip(range(1989, 1993), [100.0, 80.0, 60.0, 100.0])])
    pop = tidy_frame([("AAA", y, "mad_pop", 100.0) for y in range(1989, 1993)])
    measures = per_capita_measures(indices, pop, 1989, horizon=3).set_index("iso3")
    assert measures.loc["AAA", "trough_index_pc"] == 60.0 and measures.loc["AAA", "cumulative_loss_pc"] == 60.0


@pytest.fixture(scope="module")
def frame():
    """Eight countries: the fixed-date gap rises with the trough (rho = 1); two never liberalized (no gap_years)."""
    iso3 = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"]
    gap = pd.DataFrame({"iso3": iso3, "trough_index": [40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 95.0, 97.0],
                        "cumulative_loss": [600.0, 500.0, 400.0, 300.0, 200.0, 100.0, 50.0, 20.0],
                        "gap_years": [np.nan, np.nan, 5.0, 1.0, 7.0, 3.0, 2.0, 4.0],
                        "gap_points": [np.nan, np.nan, 1.0, 2.0, 1.5, 0.5, 1.2, 0.8], "gap_censored": False,
                        "former_ussr": [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
                        "war": [1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]})
    rows = []
    for i, code in enumerate(iso3):
        for year in range(1990, 1997):
            rows += [(code, year, "reform_liberalization", 2.0 + 0.1 * i), (code, year, "reform_institutions", 1.5)]
        rows += [(code, year, "mad_pop", 100.0 + 10 * i * (year - 1989)) for year in range(1989, 1995)]
    indices = _indices([(code, y, 100.0 if y == 1989 else trough) for code, trough in zip(iso3, gap["trough_index"])
                        for y in range(1989, 1995)])
    return mechanism_frame(gap, indices, tidy_frame(rows), 1989, horizon=5)


def test_mechanism_frame_adds_fixed_gaps_and_per_capita_measures(frame):
    assert frame[EVERY_COUNTRY_GAP].notna().all() and frame["gap_points_1992"].tolist() == pytest.approx(
        [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2])
    assert frame.loc[0, "trough_index_pc"] == pytest.approx(40.0)              # AAA's population is constant
    assert frame.loc[5, "trough_index_pc"] == pytest.approx(90.0 * 100 / 350)  # FFF's grows to 350 by 1994


def test_the_fixed_date_gap_keeps_every_country_the_old_one_the_liberalizers(frame):
    assoc = mechanism_associations(frame)
    every = pick_mechanism(assoc, EVERY_COUNTRY_GAP, "trough_index")
    assert every["n"] == 8 and every["rho"] == pytest.approx(1.0) and every["sample"] == "every"
    assert pick_mechanism(assoc, EVERY_COUNTRY_GAP, "cumulative_loss")["rho"] == pytest.approx(-1.0)
    old = pick_mechanism(assoc, "gap_years", "trough_index")
    assert old["n"] == 6 and old["sample"] == "liberalizers" and old["definition"] == "liberalization year"
    assert set(assoc["output"]) == {"total", "per capita"} and set(assoc["controls"]) == {"none", "former_ussr+war"}
    assert len(assoc) == (2 + 4) * 2 * 2 * 2  # gaps x measures x (total, per capita) x control sets
    with pytest.raises(KeyError):
        pick_mechanism(assoc, "gap_points_1993")
