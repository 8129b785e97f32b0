"""Timing of reforms: when each reform area first reaches an advanced level, and in which order.

The primitives here (first year at or above a threshold; first year of sustained low inflation)
are shared by the sequencing, output and stabilization notebooks; defining them once keeps
"reached" and "stabilized" meaning the same thing everywhere.

Examples
--------
>>> import pandas as pd
>>> first_year_reaching(pd.Series([1.0, 2.7, 3.0, 2.7], index=[1990, 1991, 1992, 1993]), 3.0)
1992
>>> first_sustained_year_below(pd.Series([20.0, 900.0, 300.0, 35.0, 30.0], index=range(1990, 1995)), 40.0, 2)
(1993, 'stabilized')
"""
from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd

from transition.data import countries, derived
from transition.data.vocabulary import EBRD_LAST_YEAR

#: How each area is measured: the panel variable (mean of its EBRD indicators, see derived.REFORM_AREAS).
AREA_VARIABLES = {
    "liberalization": "reform_liberalization",
    "institutions": "reform_institutions",
    "privatization": "reform_privatization",
}
#: The essay's scenario (claim C1).
ESSAY_ORDER = ("liberalization", "stabilization", "institutions", "privatization")


def first_year_reaching(values: pd.Series, threshold: float) -> int | None:
    """First year (index) with a value >= ``threshold``; None if never.

    Scores are compared after rounding to two decimals, because the EBRD publishes 2.33 / 2.67
    for 2- / 3- (a threshold of 2.67 must be met by a score of 2.67).
    """
    values = values.dropna().sort_index()
    reached = values[values.round(2) >= round(threshold, 2)]
    return int(reached.index[0]) if len(reached) else None


def first_sustained_year_below(inflation: pd.Series, threshold: float, run_length: int = 2) -> tuple[int | None, str]:
    """First year of ``run_length`` consecutive years with inflation below ``threshold``.

    Only runs after the first year at or above the threshold count: stabilization ends an
    inflation burst. Consecutive means consecutive calendar years with data (a missing year
    breaks a run).

    Returns
    -------
    (year, status): status is ``"stabilized"``, ``"never_high"`` (never at or above the threshold
    in the data; year = first year of data), ``"not_stabilized"`` (year None) or ``"no_data"``.
    """
    inflation = inflation.dropna().sort_index()
    if inflation.empty:
        return None, "no_data"
    high = inflation[inflation >= threshold]
    if high.empty:
        return int(inflation.index[0]), "never_high"
    after = inflation.loc[high.index[0]:]
    years = after.index.tolist()
    for position, year in enumerate(years):
        window = years[position:position + run_length]
        if (len(window) == run_length and window[-1] - window[0] == run_length - 1
                and (after.loc[window] < threshold).all()):
            return int(year), "stabilized"
    return None, "not_stabilized"


def liberalization_institutions_gap(tidy: pd.DataFrame, threshold: float = 3.0,
                                    last_year: int = 2006) -> pd.DataFrame:
    """Gap between liberalization and institution-building, by country (claim C2).

    For each country: the year the liberalization index first reaches ``threshold``, the year the
    institutions index does (None if not by ``last_year``), the gap in years (institutions year
    minus liberalization year; censored at ``last_year`` when institutions never get there, flagged
    ``gap_censored``), and the gap in index points in the year liberalization is reached.

    Returns
    -------
    DataFrame with columns iso3, lib_year, inst_year, gap_years, gap_censored, gap_points.
    """
    rows = []
    lib = derived.series(tidy, AREA_VARIABLES["liberalization"])
    inst = derived.series(tidy, AREA_VARIABLES["institutions"])
    for iso3 in sorted(set(lib.index.get_level_values("iso3"))):
        lib_c = lib.loc[iso3].loc[:last_year]
        inst_c = inst.loc[iso3].loc[:last_year] if iso3 in inst.index.get_level_values("iso3") else pd.Series(dtype=float)
        lib_year = first_year_reaching(lib_c, threshold)
        inst_year = first_year_reaching(inst_c, threshold)
        censored = lib_year is not None and inst_year is None
        gap_years = None
        if lib_year is not None:
            gap_years = (inst_year if inst_year is not None else last_year) - lib_year
        gap_points = (lib_c.get(lib_year) - inst_c.get(lib_year)) if lib_year is not None and lib_year in inst_c.index else None
        rows.append({"iso3": iso3, "lib_year": lib_year, "inst_year": inst_year, "gap_years": gap_years,
                     "gap_censored": censored, "gap_points": gap_points})
    frame = pd.DataFrame(rows)
    return frame.astype({"lib_year": "Int64", "inst_year": "Int64", "gap_years": "Int64", "gap_points": "float64"})


# ---------------------------------------------------------------------------------------------
# Notebook 01_reform_sequencing (claims C1, C2): timing of the four areas, their order, the gap.
# ---------------------------------------------------------------------------------------------

#: One letter per area, for order strings such as "L>S=P>I".
AREA_CODES = {"liberalization": "L", "stabilization": "S", "institutions": "I", "privatization": "P"}
#: The broad groups the essay compares (countries.BROAD_GROUP), in display order.
BROAD_GROUPS = countries.BROAD_ORDER
#: First year of the study window: the EBRD scores start in 1989, and so does the search for
#: an inflation burst (earlier inflation is not part of the transition).
FIRST_YEAR = 1989
LAST_EBRD_YEAR = EBRD_LAST_YEAR





def select_countries(groups=BROAD_GROUPS, exclude=()) -> list[str]:
    """ISO3 codes of the study countries in ``groups`` (broad groups), minus ``exclude``, sorted."""
    broad = countries.group_of().map(countries.BROAD_GROUP)
    return sorted(iso3 for iso3, group in broad.items() if group in groups and iso3 not in set(exclude))


def stabilization_year(inflation: pd.Series, threshold: float, run_length: int = 2,
                       rule: str = "first_run") -> tuple[int | None, str]:
    """Year of stabilization under ``rule`` (same statuses as :func:`first_sustained_year_below`).

    ``"first_run"`` is :func:`first_sustained_year_below`: the first ``run_length`` consecutive
    years below ``threshold`` after the first high-inflation year, even if inflation flares up
    again later. ``"durable"`` looks only after the *last* year at or above the threshold in the
    series, so a relapse (Russia 1998-99, Romania 1997) moves stabilization to after it.

    Parameters
    ----------
    inflation : Series indexed by year
        Inflation in % per year; pass it already cut to the years to look at.
    threshold : float
    run_length : int
    rule : {"first_run", "durable"}

    Returns
    -------
    (year, status)

    Examples
    --------
    >>> s = pd.Series([900.0, 30.0, 20.0, 80.0, 10.0, 10.0], index=range(1992, 1998))
    >>> stabilization_year(s, 40.0, 2), stabilization_year(s, 40.0, 2, rule="durable")
    ((1993, 'stabilized'), (1996, 'stabilized'))
    """
    if rule not in ("first_run", "durable"):
        raise ValueError(f"rule must be 'first_run' or 'durable', not {rule!r}")
    year, status = first_sustained_year_below(inflation, threshold, run_length)
    if rule == "first_run" or status != "stabilized":
        return year, status
    clean = inflation.dropna().sort_index()
    last_high = clean[clean >= threshold].index[-1]
    return first_sustained_year_below(clean.loc[last_high:], threshold, run_length)


def _deflator_years(measures: pd.Series) -> str:
    """'CPI' or 'CPI; GDP deflator in 1991-1992' (years where CPI was missing)."""
    years = sorted(int(year) for year, measure in measures.items() if measure == "gdp_deflator")
    if not years:
        return "CPI"
    spans, start = [], years[0]
    for previous, year in zip(years, years[1:] + [None]):
        if year != previous + 1:
            spans.append(f"{start}" if start == previous else f"{start}-{previous}")
            start = year
    return "CPI; GDP deflator in " + ", ".join(spans)


def reform_timing(tidy: pd.DataFrame, iso3: list[str] | None = None, ebrd_threshold: float = 3.0,
                  inflation_threshold: float = 40.0, sustained_years: int = 2, last_year: int = LAST_EBRD_YEAR,
                  stabilization_rule: str = "first_run", never_high: str = "exclude") -> pd.DataFrame:
    """First year each of the four reform areas reaches an advanced level, by country.

    Liberalization, institutions and privatization: the first year the area's EBRD index
    (:data:`AREA_VARIABLES`) is at or above ``ebrd_threshold`` (:func:`first_year_reaching`).
    Stabilization: :func:`stabilization_year` on ``derived.inflation`` (CPI, GDP deflator where
    CPI is missing). Only years ``FIRST_YEAR``-``last_year`` are used: an area reached later is
    "not reached" as of ``last_year``.

    Parameters
    ----------
    tidy : DataFrame
        The tidy panel (must hold the reform_* indices and the raw inflation series).
    iso3 : list of str, optional
        Countries (default: the 29 of the study).
    ebrd_threshold, inflation_threshold : float
    sustained_years : int
    last_year : int
    stabilization_rule : {"first_run", "durable"}
    never_high : {"exclude", "first_year"}
        Inflation never at or above the threshold in the window: ``year_reached`` missing (the
        area is left out of the order) or the first year with inflation data.

    Returns
    -------
    DataFrame with one row per country and area: iso3, group (broad), subgroup, area,
    year_reached (Int64, missing when not reached), threshold, measure, status ("reached",
    "not_reached" or, for stabilization, "stabilized", "never_high", "not_stabilized", "no_data"),
    first_data_year, relapsed (stabilization: inflation back at or above the threshold after the
    stabilization year, by ``last_year``).
    """
    if never_high not in ("exclude", "first_year"):
        raise ValueError(f"never_high must be 'exclude' or 'first_year', not {never_high!r}")
    codes = iso3 if iso3 is not None else countries.study_iso3()
    subgroup = countries.group_of()
    rates = derived.inflation(tidy)
    rates = rates[rates["year"].between(FIRST_YEAR, last_year)].set_index(["iso3", "year"]).sort_index()
    rows = []
    for code in sorted(codes):
        base = {"iso3": code, "group": countries.BROAD_GROUP[subgroup[code]], "subgroup": subgroup[code]}
        for area in ESSAY_ORDER:
            if area == "stabilization":
                own = rates.loc[code] if code in rates.index.get_level_values("iso3") else rates.iloc[:0].droplevel(0)
                year, status = stabilization_year(own["inflation"], inflation_threshold, sustained_years,
                                                  stabilization_rule)
                first = int(own.index.min()) if len(own) else None
                if status == "never_high" and never_high == "exclude":
                    year = None
                relapsed = bool(status == "stabilized" and (own["inflation"].loc[year + 1:] >= inflation_threshold).any())
                rows.append({**base, "area": area, "year_reached": year, "threshold": inflation_threshold,
                             "measure": f"inflation below {inflation_threshold:g}% for {sustained_years} years "
                                        f"({stabilization_rule}); " + _deflator_years(own["measure"]),
                             "status": status, "first_data_year": first, "relapsed": relapsed})
                continue
            values = derived.series(tidy, AREA_VARIABLES[area], code).loc[:last_year]
            year = first_year_reaching(values, ebrd_threshold)
            rows.append({**base, "area": area, "year_reached": year, "threshold": ebrd_threshold,
                         "measure": AREA_VARIABLES[area], "status": "reached" if year is not None else "not_reached",
                         "first_data_year": int(values.dropna().index.min()) if values.notna().any() else None,
                         "relapsed": False})
    frame = pd.DataFrame(rows)
    return frame.astype({"year_reached": "Int64", "first_data_year": "Int64", "threshold": "float64"})


def relation(year_a, year_b) -> str:
    """How area A stands to area B: "before", "tie", "after" or "undetermined".

    ``None`` means not reached (as of the last year). A reached area comes before an area not
    reached; two areas not reached are undetermined.

    Examples
    --------
    >>> relation(1992, 1995), relation(1992, 1992), relation(None, 1995), relation(None, None)
    ('before', 'tie', 'after', 'undetermined')
    """
    a_missing, b_missing = _missing(year_a), _missing(year_b)
    if a_missing and b_missing:
        return "undetermined"
    if b_missing or (not a_missing and year_a < year_b):
        return "before"
    if a_missing or year_b < year_a:
        return "after"
    return "tie"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def order_string(years: dict, excluded=()) -> str:
    """Compact order of the areas: ``"L>S=P>I"``; not reached and left-out areas noted after it.

    ``>`` means "in an earlier year than", ``=`` "in the same year" (ties list areas in the
    essay's order). Areas not reached are listed as ``"(not reached: I)"``; areas left out
    (stabilization without high inflation) as ``"(S: never high)"``.

    Examples
    --------
    >>> order_string({"liberalization": 1992, "stabilization": 1995, "institutions": None, "privatization": 1992})
    'L=P>S (not reached: I)'
    """
    reached = sorted(((year, ESSAY_ORDER.index(area), area) for area, year in years.items()
                      if area not in excluded and not _missing(year)))
    parts, previous = [], None
    for year, _, area in reached:
        parts.append(("=" if year == previous else ">") + AREA_CODES[area])
        previous = year
    text = "".join(parts).lstrip(">=")
    missing = [AREA_CODES[area] for area in ESSAY_ORDER
               if area in years and area not in excluded and _missing(years[area])]
    if missing:
        text = (text + " " if text else "") + f"(not reached: {', '.join(missing)})"
    for area in excluded:
        text += f" ({AREA_CODES[area]}: never high)"
    return text


def follows_order(years: dict, order=ESSAY_ORDER, ties: str = "weak", excluded=()) -> tuple[bool, bool]:
    """Whether the areas' years follow ``order``: (complete and in order, consistent so far).

    *Complete and in order*: every area (except ``excluded``) reached, each in a later year than
    the one before it in ``order`` (``ties="weak"``: or in the same year). *Consistent so far*:
    no pair contradicts ``order`` — an area reached while one that should precede it is not, or
    reached earlier, is a contradiction; two areas not yet reached are not.

    Examples
    --------
    >>> follows_order({"liberalization": 1992, "stabilization": 1995, "institutions": None, "privatization": None})
    (False, True)
    >>> follows_order({"liberalization": 1992, "stabilization": 1992, "institutions": 1996, "privatization": 1999},
    ...               ties="strict")
    (False, False)
    """
    if ties not in ("weak", "strict"):
        raise ValueError(f"ties must be 'weak' or 'strict', not {ties!r}")
    chain = [area for area in order if area not in excluded]
    allowed = {"before", "tie"} if ties == "weak" else {"before"}
    consistent = all(relation(years.get(a), years.get(b)) in allowed | {"undetermined"}
                     for a, b in itertools.combinations(chain, 2))
    complete = all(not _missing(years.get(area)) for area in chain)
    return complete and consistent, consistent


def _years_by_country(timing: pd.DataFrame) -> dict[str, tuple[dict, tuple]]:
    out = {}
    for code, rows in timing.groupby("iso3", sort=True):
        years = {row.area: (None if pd.isna(row.year_reached) else int(row.year_reached)) for row in rows.itertuples()}
        excluded = tuple(row.area for row in rows.itertuples()
                         if row.status in ("never_high", "no_data") and pd.isna(row.year_reached))
        out[code] = (years, excluded)
    return out


def reform_order(timing: pd.DataFrame, gap: pd.DataFrame, ties: str = "weak") -> pd.DataFrame:
    """Each country's order of the four areas and whether it follows the essay's (claim C1).

    Parameters
    ----------
    timing : DataFrame from :func:`reform_timing`
    gap : DataFrame from :func:`liberalization_institutions_gap`
    ties : {"weak", "strict"}
        See :func:`follows_order`.

    Returns
    -------
    DataFrame, one row per country: iso3, group, subgroup, order, follows_essay_order (complete
    and in order), consistent_so_far, n_areas_reached, areas_not_reached, areas_left_out,
    lib_inst_gap_years, lib_inst_gap_censored, lib_inst_gap_points.
    """
    info = timing.drop_duplicates("iso3").set_index("iso3")[["group", "subgroup"]]
    gap = gap.set_index("iso3")
    rows = []
    for code, (years, excluded) in _years_by_country(timing).items():
        complete, consistent = follows_order(years, ties=ties, excluded=excluded)
        rows.append({
            "iso3": code, "group": info.loc[code, "group"], "subgroup": info.loc[code, "subgroup"],
            "order": order_string(years, excluded), "follows_essay_order": complete,
            "consistent_so_far": consistent,
            "n_areas_reached": sum(not _missing(year) for area, year in years.items() if area not in excluded),
            "areas_not_reached": ",".join(AREA_CODES[a] for a in ESSAY_ORDER if a not in excluded and _missing(years[a])),
            "areas_left_out": ",".join(AREA_CODES[a] for a in excluded),
            "lib_inst_gap_years": gap["gap_years"].get(code, pd.NA),
            "lib_inst_gap_censored": bool(gap["gap_censored"].get(code, False)),
            "lib_inst_gap_points": gap["gap_points"].get(code, np.nan),
        })
    frame = pd.DataFrame(rows)
    return frame.astype({"lib_inst_gap_years": "Int64", "lib_inst_gap_points": "float64"})


def pairwise_precedence(timing: pd.DataFrame) -> pd.DataFrame:
    """For every pair of areas (A before B in the essay's order): countries by how A stands to B.

    Returns
    -------
    DataFrame: pair ("L→S" …), area_a, area_b, group, before, tie, after, undetermined (counts of
    countries; "before" = A reached first, as the essay says), left_out (one area left out).
    Includes a group "All".
    """
    years = _years_by_country(timing)
    groups = timing.drop_duplicates("iso3").set_index("iso3")["group"]
    rows = []
    for a, b in itertools.combinations(ESSAY_ORDER, 2):
        for code, (by_area, excluded) in years.items():
            kind = "left_out" if a in excluded or b in excluded else relation(by_area[a], by_area[b])
            rows.append({"pair": f"{AREA_CODES[a]}→{AREA_CODES[b]}", "area_a": a, "area_b": b,
                         "group": groups[code], "relation": kind})
    long = pd.DataFrame(rows)
    long = pd.concat([long, long.assign(group="All")])
    table = (long.groupby(["pair", "area_a", "area_b", "group"])["relation"].value_counts().unstack(fill_value=0)
             .reindex(columns=["before", "tie", "after", "undetermined", "left_out"], fill_value=0).reset_index())
    table.columns.name = None
    pair_rank = {f"{AREA_CODES[a]}→{AREA_CODES[b]}": i for i, (a, b) in enumerate(itertools.combinations(ESSAY_ORDER, 2))}
    group_rank = {g: i for i, g in enumerate([*BROAD_GROUPS, "All"])}
    return table.sort_values(["pair", "group"], key=lambda s: s.map(pair_rank if s.name == "pair" else group_rank)
                             ).reset_index(drop=True)


def order_frequencies(order: pd.DataFrame) -> pd.DataFrame:
    """How many countries show each order string, by group and in all (sorted by frequency).

    Returns
    -------
    DataFrame: order, group, n_countries, countries (ISO3, comma-separated); group "All" included.
    """
    both = pd.concat([order, order.assign(group="All")])
    table = (both.groupby(["order", "group"])["iso3"].agg(n_countries="size", countries=lambda s: ",".join(sorted(s)))
             .reset_index())
    total = table[table["group"] == "All"].set_index("order")["n_countries"]
    table["_total"] = table["order"].map(total)
    group_rank = {g: i for i, g in enumerate([*BROAD_GROUPS, "All"])}
    table["_group"] = table["group"].map(group_rank)
    return (table.sort_values(["_total", "order", "_group"], ascending=[False, True, True])
            .drop(columns=["_total", "_group"]).reset_index(drop=True))


def censored_median(years) -> float | None:
    """Median of years where missing values mean "later than any observed year" (not reached).

    Returns None when the median falls among the not-reached (more than half missing).

    Examples
    --------
    >>> censored_median([1992, 1994, None]), censored_median([1992, None, None]), censored_median([])
    (1994.0, None, None)
    """
    values = [math.inf if _missing(value) else float(value) for value in years]
    if not values:
        return None
    middle = float(np.median(values))
    return middle if math.isfinite(middle) else None


def group_summary(timing: pd.DataFrame, order: pd.DataFrame) -> pd.DataFrame:
    """One row per broad group (and "All"): counts and medians the claims C1 and C2 rest on.

    Medians of years count a not-reached area as later than ``last_year``
    (:func:`censored_median`); the median liberalization-institutions gap in years counts a
    censored gap at its lower bound (institutions not reached: gap up to ``last_year``).

    Returns
    -------
    DataFrame: group, n_countries, n_follow_essay_order, share_follow_essay_order,
    n_consistent_so_far, median_<area>_year for the four areas, n_<area>_not_reached,
    median_lib_inst_gap_years, n_lib_inst_gap_censored, median_lib_inst_gap_points.
    """
    rows = []
    for group in [*[g for g in BROAD_GROUPS if g in set(order["group"])], "All"]:
        sub = order if group == "All" else order[order["group"] == group]
        times = timing[timing["iso3"].isin(sub["iso3"])]
        row = {"group": group, "n_countries": len(sub), "n_follow_essay_order": int(sub["follows_essay_order"].sum()),
               "share_follow_essay_order": float(sub["follows_essay_order"].mean()),
               "n_consistent_so_far": int(sub["consistent_so_far"].sum())}
        for area in ESSAY_ORDER:
            rows_area = times[times["area"] == area]
            if area == "stabilization":
                rows_area = rows_area[~rows_area["status"].isin(["never_high", "no_data"]) | rows_area["year_reached"].notna()]
            row[f"median_{area}_year"] = censored_median(rows_area["year_reached"].tolist())
            row[f"n_{area}_not_reached"] = int(rows_area["year_reached"].isna().sum())
        gaps = sub["lib_inst_gap_years"].dropna()
        row["median_lib_inst_gap_years"] = float(gaps.median()) if len(gaps) else None
        row["n_lib_inst_gap_censored"] = int(sub["lib_inst_gap_censored"].sum())
        row["median_lib_inst_gap_points"] = float(sub["lib_inst_gap_points"].median()) if sub["lib_inst_gap_points"].notna().any() else None
        rows.append(row)
    return pd.DataFrame(rows)


def analyse(tidy: pd.DataFrame, iso3: list[str] | None = None, ebrd_threshold: float = 3.0,
            inflation_threshold: float = 40.0, sustained_years: int = 2, last_year: int = LAST_EBRD_YEAR,
            stabilization_rule: str = "first_run", never_high: str = "exclude",
            ties: str = "weak") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Timing and order in one call: ``(reform_timing(...), reform_order(...))`` for ``iso3``."""
    timing = reform_timing(tidy, iso3, ebrd_threshold, inflation_threshold, sustained_years, last_year,
                           stabilization_rule, never_high)
    gap = liberalization_institutions_gap(tidy, ebrd_threshold, last_year)
    gap = gap[gap["iso3"].isin(timing["iso3"])]
    return timing, reform_order(timing, gap, ties)


#: The robustness variations of the notebook (label → changed arguments of :func:`analyse`).
ROBUSTNESS_VARIATIONS = {
    "as of 2002": {"last_year": 2002},
    "ties strict": {"ties": "strict"},
    "never-high dated": {"never_high": "first_year"},
    "durable stabilization": {"stabilization_rule": "durable"},
    "EBRD 2.33": {"ebrd_threshold": 2.33},
    "EBRD 2.67": {"ebrd_threshold": 2.67},
    "EBRD 3.33": {"ebrd_threshold": 3.33},
    "inflation 20%, 3 years": {"inflation_threshold": 20.0, "sustained_years": 3},
}
#: Group name → headline key suffix.
GROUP_SLUGS = {**countries.GROUP_SLUGS, "All": "all"}


def slug(label: str) -> str:
    """Headline-key form of a label: ``"EBRD 2.33"`` → ``"ebrd_2_33"``."""
    import re

    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def sensitivity(tidy: pd.DataFrame, base: dict, variations: dict[str, dict]) -> pd.DataFrame:
    """Counts of countries following the essay's order under other parameter choices.

    Parameters
    ----------
    tidy : DataFrame
    base : dict
        Keyword arguments of :func:`analyse` for the main run.
    variations : dict
        Label → the keyword arguments that change (e.g. ``{"as of 2002": {"last_year": 2002}}``).

    Returns
    -------
    DataFrame: variation, changed, group, n_countries, n_follow_essay_order,
    n_consistent_so_far, n_consistent_two_areas (consistent with at least two areas reached, so
    that the order says something), n_privatization_before_institutions, n_institutions_not_reached,
    following and consistent (the ISO3 codes, comma-separated).
    The first variation is always "main run".
    """
    rows = []
    for label, changes in {"main run": {}, **variations}.items():
        timing, order = analyse(tidy, **{**base, **changes})
        precedence = pairwise_precedence(timing)
        ip = precedence[precedence["pair"] == "I→P"].set_index("group")
        inst = timing[timing["area"] == "institutions"].merge(order[["iso3"]], on="iso3")
        for group in [*[g for g in BROAD_GROUPS if g in set(order["group"])], "All"]:
            sub = order if group == "All" else order[order["group"] == group]
            rows.append({"variation": label,
                         "changed": ", ".join(f"{k}={v}" for k, v in changes.items()) or "-",
                         "group": group, "n_countries": len(sub),
                         "n_follow_essay_order": int(sub["follows_essay_order"].sum()),
                         "n_consistent_so_far": int(sub["consistent_so_far"].sum()),
                         "n_consistent_two_areas": int((sub["consistent_so_far"] & (sub["n_areas_reached"] >= 2)).sum()),
                         "n_privatization_before_institutions": int(ip.loc[group, "after"]),
                         "n_institutions_not_reached": int(inst[inst["iso3"].isin(sub["iso3"])]["year_reached"].isna().sum()),
                         "following": ",".join(sub.loc[sub["follows_essay_order"], "iso3"]),
                         "consistent": ",".join(sub.loc[sub["consistent_so_far"], "iso3"])})
    return pd.DataFrame(rows)


# --- figures --------------------------------------------------------------------------------------

#: Marker and colour of each area in the timeline (x offsets keep areas reached in one year apart).
AREA_MARKERS = {"liberalization": ("o", "#000000", -0.3), "stabilization": ("s", "#e74c3c", -0.1),
                "institutions": ("^", "#f39c12", 0.1), "privatization": ("D", "#8e44ad", 0.3)}
RELATION_COLORS = {"before": "#27ae60", "tie": "#95a5a6", "after": "#c0392b", "undetermined": "#ecf0f1",
                   "left_out": "#ffffff"}


def country_rows(timing: pd.DataFrame) -> list[str]:
    """Countries in display order: by broad group, then liberalization year (not reached last), ISO3."""
    lib = timing[timing["area"] == "liberalization"].copy()
    lib["_group"] = lib["group"].map({g: i for i, g in enumerate(BROAD_GROUPS)})
    lib["_year"] = lib["year_reached"].astype("float64").fillna(9999)
    return lib.sort_values(["_group", "_year", "iso3"])["iso3"].tolist()


def plot_reform_progress(ebrd_average: pd.DataFrame, timing: pd.DataFrame, first_year: int = FIRST_YEAR,
                         last_year: int = LAST_EBRD_YEAR):
    """Heatmap of the EBRD average by country and year, with a marker where each area is reached.

    Parameters
    ----------
    ebrd_average : DataFrame
        Wide: index iso3, columns years, values the EBRD average transition indicator.
    timing : DataFrame from :func:`reform_timing`
    first_year, last_year : int

    Returns
    -------
    matplotlib Figure
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from transition.present.style import GROUP_COLORS

    rows = country_rows(timing)
    years = list(range(first_year, last_year + 1))
    grid = ebrd_average.reindex(index=rows, columns=years)
    fig, ax = plt.subplots(figsize=(11, 0.32 * len(rows) + 2.2))
    image = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="YlGnBu", vmin=1, vmax=4.33,
                      extent=(first_year - 0.5, last_year + 0.5, len(rows) - 0.5, -0.5), interpolation="nearest")
    position = {code: i for i, code in enumerate(rows)}
    for area, (marker, colour, offset) in AREA_MARKERS.items():
        reached = timing[(timing["area"] == area) & timing["year_reached"].notna()]
        ax.scatter(reached["year_reached"].astype(float) + offset, reached["iso3"].map(position), marker=marker,
                   s=30, color=colour, edgecolors="white", linewidths=0.6, zorder=3)
    groups = timing.drop_duplicates("iso3").set_index("iso3")["group"].reindex(rows)
    for i, (previous, current) in enumerate(zip(groups.iloc[:-1], groups.iloc[1:])):
        if previous != current:
            ax.axhline(i + 0.5, color="black", linewidth=1.2)
    ax.set_yticks(range(len(rows)), rows)
    for label, code in zip(ax.get_yticklabels(), rows):
        label.set_color(GROUP_COLORS.get(groups[code], "black"))
    ax.set_xticks(years[::2] if len(years) > 10 else years)
    ax.set_xlabel("year")
    ax.set_ylabel("country (ISO3), by group; label colour = group")
    ax.set_title("Reform progress 1989-%d: EBRD average (shading) and the year each area is first reached" % last_year)
    colorbar = fig.colorbar(image, ax=ax, pad=0.01, fraction=0.03)
    colorbar.set_label("EBRD average transition indicator (1-4.33)")
    handles = [Line2D([], [], marker=m, color=c, linestyle="", markeredgecolor="white", markersize=7,
                      label=f"{area} reached") for area, (m, c, _) in AREA_MARKERS.items()]
    handles += [Line2D([], [], color=GROUP_COLORS[g], linewidth=6, label=g) for g in BROAD_GROUPS if g in set(groups)]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=4, fontsize=8, frameon=False)
    return fig


def order_label(order: str, lang: str = "en") -> str:
    """An order string of :func:`order_string` for a figure in ``lang``: the area letters stay, the notes
    "not reached" and "never high" are translated (``labels.translate``).

    >>> order_label("L>S>P (not reached: I) (S: never high)", "ru")
    'L>S>P (не достигнуто: I) (S: инфляция не была высокой)'
    """
    from transition.present.labels import translate

    if lang == "en":
        return order
    return (order.replace("(not reached: ", f"({translate('not reached', lang)}: ")
            .replace(": never high)", f": {translate('never high', lang)})"))


def plot_order_frequencies(order: pd.DataFrame, lang: str = "en"):
    """Horizontal bars: number of countries with each order string, stacked by broad group.

    ``lang`` translates the notes inside the order strings (:func:`order_label`); every other text is
    translated by ``Outputs.figure``.
    """
    import matplotlib.pyplot as plt

    from transition.present.style import GROUP_COLORS

    counts = order.pivot_table(index="order", columns="group", values="iso3", aggfunc="size", fill_value=0)
    counts = counts.reindex(columns=[g for g in BROAD_GROUPS if g in counts.columns])
    counts = counts.loc[counts.sum(axis=1).sort_values(kind="stable").index]
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(counts) + 1.8))
    left = pd.Series(0, index=counts.index)
    names = [order_label(text, lang) for text in counts.index]
    for group in counts.columns:
        ax.barh(names, counts[group].to_numpy(), left=left.to_numpy(), color=GROUP_COLORS[group], label=group)
        left = left + counts[group]
    ax.set_xlabel("number of countries")
    ax.set_ylabel("order of the areas (L liberalization, S stabilization, I institutions, P privatization)")
    ax.set_title("Observed order of the four reform areas; the essay's order is L>S>I>P")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(title="group", loc="lower right")
    return fig


def plot_pairwise(precedence: pd.DataFrame):
    """One panel per group: for each pair of areas, countries where the essay's first area came first."""
    import matplotlib.pyplot as plt

    groups = [g for g in [*BROAD_GROUPS, "All"] if g in set(precedence["group"]) and g != "Mongolia"]
    kinds = list(RELATION_COLORS)
    labels = {"before": "in the essay's order", "tie": "same year", "after": "reverse order",
              "undetermined": "neither reached", "left_out": "S left out (never high)"}
    fig, axes = plt.subplots(1, len(groups), figsize=(3.2 * len(groups) + 1.5, 3.6), sharey=True, squeeze=False)
    for ax, group in zip(axes[0], groups):
        sub = precedence[precedence["group"] == group].set_index("pair").iloc[::-1]
        left = pd.Series(0, index=sub.index)
        for kind in kinds:
            ax.barh(sub.index, sub[kind], left=left, color=RELATION_COLORS[kind], edgecolor="0.6", linewidth=0.5,
                    label=labels[kind])
            left = left + sub[kind]
        ax.set_title(f"{group} ({int(left.iloc[0])} countries)")
        ax.set_xlabel("number of countries")
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0][0].set_ylabel("pair of areas (essay: first → second)")
    handles, names = axes[0][0].get_legend_handles_labels()
    fig.suptitle("Which links of the essay's chain L → S → I → P hold, pair by pair")
    fig.tight_layout(rect=(0, 0.12, 1, 1))
    fig.legend(handles, names, loc="lower center", ncol=5, fontsize=8, frameon=False, bbox_to_anchor=(0.5, 0.04))
    return fig


def compare_groups(order: pd.DataFrame, column: str, group_a: str = "CIS",
                   group_b: str = "CEE & Baltics") -> dict:
    """Two-sided Mann-Whitney U test of ``column`` between two broad groups (small samples: exact).

    Returns
    -------
    dict with n_a, n_b, median_a, median_b, u (statistic for ``group_a``), p_value (None when a
    group has no values).
    """
    from scipy.stats import mannwhitneyu

    a = order.loc[order["group"] == group_a, column].dropna().astype(float)
    b = order.loc[order["group"] == group_b, column].dropna().astype(float)
    result = {"n_a": len(a), "n_b": len(b), "median_a": float(a.median()) if len(a) else None,
              "median_b": float(b.median()) if len(b) else None, "u": None, "p_value": None}
    if len(a) and len(b):
        test = mannwhitneyu(a, b, alternative="two-sided")
        result.update(u=float(test.statistic), p_value=float(test.pvalue))
    return result


def headline_rows(timing: pd.DataFrame, order: pd.DataFrame, robust: pd.DataFrame, gap_test: dict,
                  ebrd_threshold: float, inflation_threshold: float, last_year: int, ties: str) -> list[tuple]:
    """The notebook's headline numbers as (key, value, unit, description) tuples.

    Per group (:data:`GROUP_SLUGS`): counts following / consistent with the essay's order, median
    years and not-reached counts per area, the liberalization-institutions gap; overall: the most
    common order, pairwise links, stabilization special cases, the CIS vs CEE & Baltics gap test
    and, for every variation in ``robust``, the counts following / consistent.
    """
    rows = [("n_countries", len(order), "countries", "countries analysed")]
    for group, row in group_summary(timing, order).set_index("group").iterrows():
        s, name = GROUP_SLUGS[group], ("all countries" if group == "All" else group)
        rows += [
            (f"n_follow_essay_order_{s}", int(row["n_follow_essay_order"]), "countries",
             f"{name}: all four areas reached by {last_year} in the essay's order L>S>I>P (ties {ties})"),
            (f"share_follow_essay_order_{s}", float(row["share_follow_essay_order"]), "share of countries",
             f"{name}: share following the essay's order"),
            (f"n_consistent_so_far_{s}", int(row["n_consistent_so_far"]), "countries",
             f"{name}: no pair of areas contradicts the essay's order by {last_year}"),
        ]
        for area in ESSAY_ORDER:
            median = row[f"median_{area}_year"]
            rows += [(f"median_{area}_year_{s}", None if pd.isna(median) else float(median), "year",
                      f"{name}: median year {area} reached (not reached = later than {last_year})"),
                     (f"n_{area}_not_reached_{s}", int(row[f"n_{area}_not_reached"]), "countries",
                      f"{name}: {area} not reached by {last_year}")]
        rows += [
            (f"median_lib_inst_gap_years_{s}", row["median_lib_inst_gap_years"], "years",
             f"{name}: median years from liberalization to institutions reaching {ebrd_threshold:g} "
             "(censored gaps at their lower bound)"),
            (f"n_lib_inst_gap_censored_{s}", int(row["n_lib_inst_gap_censored"]), "countries",
             f"{name}: liberalized but institutions not reached by {last_year}"),
            (f"median_lib_inst_gap_points_{s}", row["median_lib_inst_gap_points"], "EBRD index points",
             f"{name}: median liberalization minus institutions index in the liberalization year"),
        ]
    everyone = order_frequencies(order).query("group == 'All'")
    rows += [("most_common_order", everyone["order"].iloc[0], "order string",
              "most common order of the areas (L, S, I, P; > earlier year, = same year)"),
             ("most_common_order_n", int(everyone["n_countries"].iloc[0]), "countries", "countries with the most common order"),
             ("n_distinct_orders", len(everyone), "orders", "distinct orders observed")]
    pairs = pairwise_precedence(timing).query("group == 'All'").set_index("pair")
    for pair, name in [("L→S", "lib_stab"), ("S→I", "stab_inst"), ("I→P", "inst_priv"), ("L→P", "lib_priv")]:
        for kind in ["before", "tie", "after"]:
            rows.append((f"n_pair_{name}_{kind}", int(pairs.loc[pair, kind]), "countries",
                         f"{pair}: the pair's first area reached {kind} the second ('before' includes the second "
                         f"not reached by {last_year}, 'after' the first not reached)"))
    rows.append(("n_privatization_before_institutions", int(pairs.loc["I→P", "after"]), "countries",
                 f"privatization reached before institutions (or institutions not reached by {last_year})"))
    lib = timing[timing["area"] == "liberalization"]
    rows.append(("liberalization_not_reached_countries", ", ".join(lib.loc[lib["year_reached"].isna(), "iso3"]) or "none",
                 "ISO3 list", f"countries whose liberalization index never reached {ebrd_threshold:g} by {last_year}"))
    stab = timing[timing["area"] == "stabilization"]
    never = stab.loc[stab["status"] == "never_high", "iso3"]
    relapsed = stab.loc[stab["relapsed"], "iso3"]
    rows += [("n_never_high_inflation", len(never), "countries", f"inflation never at or above {inflation_threshold:g}% in the data"),
             ("never_high_inflation_countries", ", ".join(never) or "none", "ISO3 list",
              "countries whose inflation never reached the threshold"),
             ("n_stabilization_relapsed", len(relapsed), "countries", "inflation back at or above the threshold after stabilizing"),
             ("stabilization_relapsed_countries", ", ".join(relapsed) or "none", "ISO3 list",
              "countries that relapsed after stabilizing"),
             ("gap_points_cis_vs_cee_baltics_p_value", gap_test["p_value"], "p-value",
              "two-sided Mann-Whitney test, liberalization-institutions gap in index points, CIS vs CEE & Baltics")]
    main = robust[(robust["group"] == "All") & (robust["variation"] == "main run")]
    if len(main):
        rows.append(("n_consistent_two_areas_all", int(main["n_consistent_two_areas"].iloc[0]), "countries",
                     "consistent so far with the essay's order, with at least two areas reached"))
    for row in robust[(robust["group"] == "All") & (robust["variation"] != "main run")].itertuples():
        rows += [(f"n_follow_essay_order_{slug(row.variation)}", int(row.n_follow_essay_order), "countries",
                  f"follow the essay's order, variation: {row.variation} ({row.changed})"),
                 (f"n_consistent_so_far_{slug(row.variation)}", int(row.n_consistent_so_far), "countries",
                  f"consistent so far with the essay's order, variation: {row.variation} ({row.changed})"),
                 (f"n_consistent_two_areas_{slug(row.variation)}", int(row.n_consistent_two_areas), "countries",
                  f"consistent so far with at least two areas reached, variation: {row.variation} ({row.changed})"),
                 (f"n_institutions_not_reached_{slug(row.variation)}", int(row.n_institutions_not_reached), "countries",
                  f"institutions not reached, variation: {row.variation} ({row.changed})")]
    return rows


def format_year(value) -> str:
    """A (median) year for prose: '1995', '1995.5', or 'not reached' when missing."""
    if _missing(value):
        return "not reached"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
