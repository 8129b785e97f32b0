"""Constructed panels with known answers, shared by the sequencing and stabilization tests (analysis and chapters)."""
from __future__ import annotations

import numpy as np
import pandas as pd

L, S, I, P = "liberalization", "stabilization", "institutions", "privatization"


def tidy_frame(rows) -> pd.DataFrame:
    """A tidy panel from (iso3, year, variable, value) rows."""
    return pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).assign(source="test")


def sequencing_panel() -> pd.DataFrame:
    """Four countries whose reform timing is known by construction (years 1989-1999).

    RUS: L 1992, P 1993, S 1995 (relapse 1997, durable 1998), I never        -> "L>P>S (not reached: I)"
    POL: L 1990, S 1992 = I 1992, P 1994                                         -> "L>S=I>P"
    ALB: inflation never high, L 1992, I 1995 = P 1995                            -> "L>I=P (S: never high)"
    UKR: inflation never below 40, L 1994 only                                     -> "L (not reached: S, I, P)"
    """
    years = range(1989, 2000)

    def step(year_reached, high=3.0, low=1.0):
        return {y: (high if year_reached is not None and y >= year_reached else low) for y in years}
    areas = {
        "RUS": (step(1992, 3.34), step(None, low=2.0), step(1993)),
        "POL": (step(1990, 3.34), step(1992), step(1994)),
        "ALB": (step(1992), step(1995), step(1995)),
        "UKR": (step(1994), step(None), step(None)),
    }
    cpi = {
        "RUS": {1992: 1500, 1993: 800, 1994: 300, 1995: 30, 1996: 20, 1997: 60, 1998: 10, 1999: 10},
        "POL": {1989: 250, 1990: 500, 1991: 70, 1992: 30, 1993: 31, 1994: 20},
        "ALB": {1990: 10, 1991: 20, 1992: 30, 1993: 10},
        "UKR": {y: 100 + y - 1992 for y in range(1992, 2000)},
    }
    # no value repeats in consecutive years: the CPI placeholder screen (data.screens) would drop it
    deflator = {"RUS": {1990: 10, 1991: 100}, "ALB": {1985: 90}}  # ALB's 1985 lies before the window
    rows = []
    for code, (lib, inst, priv) in areas.items():
        for variable, values in (("reform_liberalization", lib), ("reform_institutions", inst),
                                 ("reform_privatization", priv)):
            rows += [(code, year, variable, value) for year, value in values.items()]
        rows += [(code, year, "weo_cpi_inflation", float(v)) for year, v in cpi[code].items()]
        rows += [(code, year, "wdi_deflator_inflation", float(v)) for year, v in deflator.get(code, {}).items()]
    return tidy_frame(rows)


def levels_from_growth(code: str, growth: dict, variable: str = "wdi_gdp_constant_usd") -> list[tuple]:
    """Constant-price GDP levels (100 the year before the first growth rate) whose changes are ``growth``."""
    years = sorted(growth)
    level, rows = 100.0, [(code, years[0] - 1, variable, 100.0)]
    for year in years:
        level *= 1 + growth[year] / 100
        rows.append((code, year, variable, level))
    return rows


def stabilization_panel() -> pd.DataFrame:
    """Three countries with known bursts, stabilization and growth resumption.

    POL: CPI throughout; burst 1990, below 40 from 1992; recession 1990-91, growth from 1992.
    RUS: no CPI before 1993 (deflator peak 1992); stabilizes 1997, relapses 1999; growth resumes 1999.
    HUN: inflation never reaches 40. Liberalization: POL 1990, RUS 1992, HUN 1990.
    """
    rows, pol_growth, rus_growth, hun_growth = [], {}, {}, {}
    for year, cpi, growth in [(1989, 250, -1), (1990, 580, -9), (1991, 70, -7), (1992, 39, 2), (1993, 35, 4),
                              (1994, 30, 5), (1995, 28, 6)]:
        rows += [("POL", year, "weo_cpi_inflation", cpi)]
        pol_growth[year] = growth
    for year, deflator in [(1991, 130), (1992, 1500), (1993, 900)]:
        rows.append(("RUS", year, "wdi_deflator_inflation", deflator))
    for year, cpi in [(1993, 875), (1994, 300), (1995, 200), (1996, 48), (1997, 15), (1998, 28), (1999, 86), (2000, 21)]:
        rows.append(("RUS", year, "weo_cpi_inflation", cpi))
    for year, growth in [(1990, -2), (1991, -5), (1992, -14), (1993, -9), (1994, -13), (1995, -4), (1996, -4),
                         (1997, 1), (1998, -5), (1999, 6), (2000, 10)]:
        rus_growth[year] = growth
        rows.append(("RUS", year, "weo_real_gdp_growth", growth if year >= 1996 else np.nan))
    for year, cpi, growth in [(1989, 17, -2), (1990, 29, -7), (1991, 34, -12), (1992, 23, -3), (1993, 22, 1), (1994, 19, 3)]:
        rows += [("HUN", year, "weo_cpi_inflation", cpi)]
        hun_growth[year] = growth
    for code, growth in (("POL", pol_growth), ("RUS", rus_growth), ("HUN", hun_growth)):
        rows += levels_from_growth(code, growth)
    for code, scores in {"POL": {1989: 1.66, 1990: 3.34}, "RUS": {1991: 1.0, 1992: 3.34}, "HUN": {1989: 2.34, 1990: 3.5}}.items():
        rows += [(code, year, "reform_liberalization", score) for year, score in scores.items()]
    frame = pd.DataFrame(rows, columns=["iso3", "year", "variable", "value"]).dropna()
    return frame.assign(value=frame["value"].astype(float), source="test")
