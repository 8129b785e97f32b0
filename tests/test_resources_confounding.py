"""analysis.resources.confounding: governance beside a former-USSR indicator and among the CIS states alone."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transition.analysis import resources as r
from transition.data import countries


def _cross(within_sign: float):
    """Every study country: governance = region + noise; the outcome = -30 × former USSR + within_sign × governance
    deviations, so governance's own effect is known (zero across regions when ``within_sign`` is 0)."""
    rng = np.random.default_rng(7)
    table = countries.table().reindex(countries.study_iso3())
    fsu = table["former_ussr"].astype(bool).astype(float).to_numpy()
    noise = rng.normal(0, 0.3, len(fsu))
    governance = -1.0 * fsu + 1.0 * (1 - fsu) + noise
    outcome = 100 - 30 * fsu + within_sign * 20 * noise + rng.normal(0, 2, len(fsu))
    return pd.DataFrame({"iso3": table.index, "broad_group": table["group"].map(countries.BROAD_GROUP).to_numpy(),
                         "governance_index": governance, "y": outcome})


def test_governance_that_only_marks_the_region_adds_nothing_to_the_former_ussr_indicator():
    row = r.governance_beyond_former_ussr(_cross(0.0), ["y"]).iloc[0]
    assert row["r2_former_ussr"] > 0.9 and row["r2_gain"] < 0.02 and row["p_governance"] > 0.05
    assert row["nobs"] == len(countries.study_iso3())
    assert row["coef_former_ussr"] == pytest.approx(-30, abs=5)


def test_governance_with_its_own_effect_shows_beside_the_indicator_and_within_the_cis():
    cross = _cross(1.0)
    beyond = r.governance_beyond_former_ussr(cross, ["y"]).iloc[0]
    assert beyond["p_governance"] < 0.01 and beyond["coef_governance"] > 0
    within = r.governance_within_cis(cross, ["y"]).iloc[0]
    assert within["n"] == 12 and within["slope"] > 0 and within["p_slope"] < 0.05 and within["spearman_rho"] > 0.5
    reversed_ = r.governance_within_cis(_cross(-1.0), ["y"]).iloc[0]
    assert reversed_["slope"] < 0 and reversed_["p_slope"] < 0.05


def test_within_cis_needs_enough_states():
    cross = _cross(1.0)
    cross.loc[cross["broad_group"] == "CIS", "y"] = np.r_[np.ones(3), np.full(9, np.nan)]
    assert np.isnan(r.governance_within_cis(cross, ["y"]).iloc[0]["slope"])


def test_separation_counts_the_states_inside_the_cis_range():
    table = r.governance_separation(_cross(0.0)).set_index("broad_group")
    assert table.loc["CIS", "n_inside_cis_range"] == 12 and table.loc["CIS", "n"] == 12
    assert table.loc["CEE & Baltics", "minimum"] > table.loc["CIS", "maximum"] - 1.0
