"""Timing and order of the four reform areas (notebook ``01_reform_sequencing``, claims C1 and C2).

Pure computation: tables in, tables out. When each area is first reached (:func:`reform_timing`,
on the shared primitives of :mod:`transition.analysis.timing`), each country's order of the areas
and whether it follows the essay's scenario (:func:`reform_order`), the pairwise links
(:func:`pairwise_precedence`), the liberalization-institutions gap
(:func:`liberalization_institutions_gap`, also used by notebook 02), the per-group counts and
medians (:func:`order_summary`) and the robustness runs (:func:`sensitivity`).

Figures, headline rows and the findings text are in :mod:`transition.chapters.reform_sequencing`.

Examples
--------
>>> order_string({"liberalization": 1990, "stabilization": 1992, "institutions": 1992, "privatization": 1994})
'L>S=I>P'
"""
from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
from scipy.stats import mannwhitneyu

from transition.analysis.groups import ALL, group_rank, minimum_detectable_difference, with_all
from transition.analysis.timing import (
    EBRD_THRESHOLD,
    FIRST_YEAR,
    INFLATION_THRESHOLD,
    OWN_RANGE_SHARE,
    SUSTAINED_YEARS,
    covering,
    first_year_reaching,
    is_missing,
    reaching,
    relapse,
    relation,
    stabilized,
)
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

#: One letter per area, for order strings such as "L>S=P>I".
AREA_CODES = {"liberalization": "L", "stabilization": "S", "institutions": "I", "privatization": "P"}
#: The broad groups the essay compares (countries.BROAD_GROUP), in display order.
BROAD_GROUPS = countries.BROAD_ORDER
#: Last year of the EBRD scores, the default end of the window.
LAST_EBRD_YEAR = EBRD_LAST_YEAR
#: How two areas reached in the same year count (:func:`follows_order`).
TIES = "weak"
#: What a never-high stabilization becomes (:func:`reform_timing`).
NEVER_HIGH = "exclude"
#: The stabilization rule of the main run (:func:`transition.analysis.timing.stabilization_year`).
STABILIZATION_RULE = "first_run"
#: How an EBRD area is dated (:func:`reform_timing`): "threshold" — the first year its index reaches
#: ``ebrd_threshold`` (one cut-off for every area); "own_range" — the first year it covers
#: ``own_range_share`` of the country's own range in the window (``timing.first_year_covering``);
#: "scale_share" — the first year it covers ``scale_share`` of the distance from 1 to the area's
#: highest score in the study's panel up to ``last_year`` (one cut-off per area, for scales that differ).
DATINGS = ("threshold", "own_range", "scale_share")
DATING = "threshold"
#: Share of the distance from 1 to an area's top score (the "scale_share" dating): 0.6 puts
#: liberalization, whose top is 4.33, at EBRD 3.0 (1 + 0.6 × 3.33), as in the main run.
SCALE_SHARE = 0.6
#: The scores of the scale (the EBRD's lowest score).
EBRD_FLOOR = 1.0
#: Years at which the liberalization-institutions gap is read for every country (:func:`gap_at_dates`),
#: and the window of its mean: the years of the output collapse, before most trough years.
GAP_YEARS = (1992, 1994, 1996)
GAP_WINDOW = (1990, 1995)
#: The two broad groups whose liberalization-institutions gaps are compared (claim C2).
GAP_TEST_GROUPS = ("CIS", "CEE & Baltics")


def liberalization_institutions_gap(tidy: pd.DataFrame, threshold: float = EBRD_THRESHOLD,
                                    last_year: int = LAST_EBRD_YEAR) -> pd.DataFrame:
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


def gap_at_dates(tidy: pd.DataFrame, years=GAP_YEARS, window=GAP_WINDOW,
                 iso3: list[str] | None = None) -> pd.DataFrame:
    """Liberalization minus institutions index (EBRD points) in fixed years, and its mean over a window.

    Unlike :func:`liberalization_institutions_gap`, no threshold has to be reached, so every
    country with EBRD scores keeps a gap (claim C2; the non-liberalizers Belarus, Turkmenistan and
    Uzbekistan included). The mean uses the years of ``window`` with both indices.

    Returns
    -------
    DataFrame: iso3, ``gap_points_<year>`` for each of ``years``, ``gap_points_<first>_<last>``.
    """
    lib = derived.series(tidy, AREA_VARIABLES["liberalization"])
    inst = derived.series(tidy, AREA_VARIABLES["institutions"])
    wide = (lib - inst).dropna().unstack("year").reindex(sorted(iso3 or countries.study_iso3()))
    frame = pd.DataFrame({f"gap_points_{year}": wide.get(year, np.nan) for year in years},
                         index=wide.index)
    inside = [year for year in wide.columns if window[0] <= year <= window[1]]
    frame[fixed_gap_name(window)] = wide[inside].mean(axis=1)
    return frame.rename_axis("iso3").reset_index()


def fixed_gap_name(window=GAP_WINDOW) -> str:
    """Column of the window-mean gap: ``gap_points_1990_1995``."""
    return f"gap_points_{window[0]}_{window[1]}"


def _deflator_years(years, measures) -> str:
    """'CPI' or 'CPI; GDP deflator in 1991-1992' (the ``years`` whose ``measures`` is the GDP deflator)."""
    years = sorted(int(year) for year, measure in zip(years, measures) if measure == "gdp_deflator")
    if not years:
        return "CPI"
    spans, start = [], years[0]
    for previous, year in zip(years, years[1:] + [None]):
        if year != previous + 1:
            spans.append(f"{start}" if start == previous else f"{start}-{previous}")
            start = year
    return "CPI; GDP deflator in " + ", ".join(spans)


def _stabilization_row(years: np.ndarray, rates: np.ndarray, measures: np.ndarray, inflation_threshold: float,
                       sustained_years: int, stabilization_rule: str, never_high: str) -> dict:
    """The stabilization fields of one country's timing row (its inflation in the window: years ascending,
    rates and their measures)."""
    year, status = stabilized(years, rates, inflation_threshold, sustained_years, stabilization_rule)
    first = int(years.min()) if len(years) else None
    if status == "never_high" and never_high == "first_year":
        year = first
    relapsed = relapse(years, rates, inflation_threshold, year if status == "stabilized" else None)
    return {"area": "stabilization", "year_reached": year, "threshold": inflation_threshold,
            "measure": f"inflation below {inflation_threshold:g}% for {sustained_years} years "
                       f"({stabilization_rule}); " + _deflator_years(years, measures),
            "status": status, "first_data_year": first, "relapsed": relapsed is not None}


def area_thresholds(tidy: pd.DataFrame, dating: str = DATING, ebrd_threshold: float = EBRD_THRESHOLD,
                    scale_share: float = SCALE_SHARE, last_year: int = LAST_EBRD_YEAR) -> dict[str, float]:
    """The level each EBRD area must reach: ``ebrd_threshold`` for every area ("threshold"), or
    ``1 + scale_share * (top - 1)`` with ``top`` the area's highest score among the study's countries
    up to ``last_year`` ("scale_share"). NaN for "own_range" (the level is each country's own)."""
    if dating not in DATINGS:
        raise ValueError(f"dating must be one of {', '.join(DATINGS)}, not {dating!r}")
    levels = {}
    for area, variable in AREA_VARIABLES.items():
        if dating == "scale_share":
            values = derived.series(tidy, variable)
            values = values[values.index.get_level_values("iso3").isin(countries.study_iso3())
                            & (values.index.get_level_values("year") <= last_year)]
            levels[area] = round(EBRD_FLOOR + scale_share * (float(values.max()) - EBRD_FLOOR), 2)
        else:
            levels[area] = ebrd_threshold if dating == "threshold" else math.nan
    return levels


def _by_country(values: pd.Series, *columns: pd.Series) -> dict[str, tuple[np.ndarray, ...]]:
    """iso3 → (years, values, *columns) of a Series indexed by (iso3, year) and sorted, missing values dropped."""
    data = values.to_numpy(dtype=float)
    keep = ~np.isnan(data)
    codes = values.index.get_level_values("iso3").to_numpy()[keep]
    arrays = [values.index.get_level_values("year").to_numpy()[keep], data[keep],
              *(column.to_numpy()[keep] for column in columns)]
    if not len(codes):
        return {}
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    ends = np.r_[starts[1:], len(codes)]
    return {codes[a]: tuple(array[a:b] for array in arrays) for a, b in zip(starts, ends)}


#: A country without inflation data: no years, rates or measures.
_NO_RATES = (np.array([], dtype=int), np.array([]), np.array([], dtype=object))


def _inflation_by_country(tidy: pd.DataFrame, rates: pd.DataFrame | None, last_year: int) -> dict:
    """iso3 → (years, inflation, measure) in the window ``FIRST_YEAR``-``last_year`` (``derived.inflation``)."""
    rates = derived.inflation(tidy) if rates is None else rates
    rates = rates[rates["year"].between(FIRST_YEAR, last_year)].set_index(["iso3", "year"]).sort_index()
    return _by_country(rates["inflation"], rates["measure"])


def _area_row(own: tuple[np.ndarray, np.ndarray] | None, area: str, level: float, last_year: int,
              own_range_share: float | None = None) -> dict:
    """The fields of one country's timing row for an EBRD area (``own``: its years and scores, none
    missing; ``own_range_share``: the "own_range" dating)."""
    years, values = own if own is not None else (np.array([], dtype=int), np.array([]))
    inside = years <= last_year
    years, values = years[inside], values[inside]
    year = (reaching(years, values, level) if own_range_share is None
            else covering(years, values, own_range_share))
    return {"area": area, "year_reached": year, "threshold": level, "measure": AREA_VARIABLES[area],
            "status": "reached" if year is not None else "not_reached",
            "first_data_year": int(years.min()) if len(years) else None,
            "relapsed": False}


def reform_timing(tidy: pd.DataFrame, iso3: list[str] | None = None, ebrd_threshold: float = EBRD_THRESHOLD,
                  inflation_threshold: float = INFLATION_THRESHOLD, sustained_years: int = SUSTAINED_YEARS,
                  last_year: int = LAST_EBRD_YEAR, stabilization_rule: str = STABILIZATION_RULE,
                  never_high: str = NEVER_HIGH, dating: str = DATING, own_range_share: float = OWN_RANGE_SHARE,
                  scale_share: float = SCALE_SHARE, *, areas=ESSAY_ORDER,
                  rates: pd.DataFrame | None = None) -> pd.DataFrame:
    """First year each of the four reform areas reaches an advanced level, by country.

    Liberalization, institutions and privatization: the first year the area's EBRD index
    (:data:`AREA_VARIABLES`) is at or above ``ebrd_threshold`` (``timing.first_year_reaching``).
    Stabilization: ``timing.stabilization_year`` on ``derived.inflation`` (CPI, GDP deflator where
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
    dating : {"threshold", "own_range", "scale_share"}
        How the EBRD areas are dated (:data:`DATINGS`; ``threshold`` then holds each area's level,
        NaN for "own_range"); stabilization is dated the same way under every dating.
    own_range_share, scale_share : float
    areas, rates : the areas to date (default all four); ``derived.inflation(tidy)`` when already computed.

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
    inflation = _inflation_by_country(tidy, rates, last_year) if "stabilization" in areas else {}
    levels = area_thresholds(tidy, dating, ebrd_threshold, scale_share, last_year)
    scores = {area: _by_country(derived.series(tidy, AREA_VARIABLES[area]))
              for area in AREA_VARIABLES if area in areas}
    share = own_range_share if dating == "own_range" else None
    rows = []
    for code in sorted(codes):
        base = {"iso3": code, "group": countries.BROAD_GROUP[subgroup[code]], "subgroup": subgroup[code]}
        for area in (area for area in ESSAY_ORDER if area in areas):
            row = (_stabilization_row(*inflation.get(code, _NO_RATES), inflation_threshold, sustained_years,
                                      stabilization_rule, never_high)
                   if area == "stabilization" else _area_row(scores[area].get(code), area, levels[area], last_year, share))
            rows.append({**base, **row})
    frame = pd.DataFrame(rows)
    return frame.astype({"year_reached": "Int64", "first_data_year": "Int64", "threshold": "float64"})


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
                      if area not in excluded and not is_missing(year)))
    parts, previous = [], None
    for year, _, area in reached:
        parts.append(("=" if year == previous else ">") + AREA_CODES[area])
        previous = year
    text = "".join(parts).lstrip(">=")
    missing = [AREA_CODES[area] for area in ESSAY_ORDER
               if area in years and area not in excluded and is_missing(years[area])]
    if missing:
        text = (text + " " if text else "") + f"(not reached: {', '.join(missing)})"
    for area in excluded:
        text += f" ({AREA_CODES[area]}: never high)"
    return text


def follows_order(years: dict, order=ESSAY_ORDER, ties: str = TIES, excluded=()) -> tuple[bool, bool]:
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
    complete = all(not is_missing(years.get(area)) for area in chain)
    return complete and consistent, consistent


def _years_by_country(timing: pd.DataFrame) -> dict[str, tuple[dict, tuple]]:
    """iso3 (sorted) → (area → year reached or None, areas left out: never high or no data, not dated)."""
    reached = timing["year_reached"]
    missing = reached.isna().to_numpy()
    years = reached.to_numpy(dtype="float64", na_value=np.nan)
    out: dict[str, tuple[dict, list]] = {}
    for code, area, year, absent, status in zip(timing["iso3"], timing["area"], years, missing,
                                                timing["status"]):
        dated, excluded = out.setdefault(code, ({}, []))
        dated[area] = None if absent else int(year)
        if absent and status in ("never_high", "no_data"):
            excluded.append(area)
    return {code: (dated, tuple(excluded)) for code, (dated, excluded) in sorted(out.items())}


def reform_order(timing: pd.DataFrame, gap: pd.DataFrame, ties: str = TIES) -> pd.DataFrame:
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
    info = dict(zip(timing["iso3"][::-1], zip(timing["group"][::-1], timing["subgroup"][::-1])))  # first row wins
    gap_years, censored, points = ({code: value for code, value in zip(gap["iso3"], gap[column])}
                                   for column in ("gap_years", "gap_censored", "gap_points"))
    rows = []
    for code, (years, excluded) in _years_by_country(timing).items():
        complete, consistent = follows_order(years, ties=ties, excluded=excluded)
        rows.append({
            "iso3": code, "group": info[code][0], "subgroup": info[code][1],
            "order": order_string(years, excluded), "follows_essay_order": complete,
            "consistent_so_far": consistent,
            "n_areas_reached": sum(not is_missing(year) for area, year in years.items() if area not in excluded),
            "areas_not_reached": ",".join(AREA_CODES[a] for a in ESSAY_ORDER if a not in excluded and is_missing(years[a])),
            "areas_left_out": ",".join(AREA_CODES[a] for a in excluded),
            "lib_inst_gap_years": gap_years.get(code, pd.NA),
            "lib_inst_gap_censored": bool(censored.get(code, False)),
            "lib_inst_gap_points": points.get(code, np.nan),
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
    long = with_all(long)
    table = (long.groupby(["pair", "area_a", "area_b", "group"])["relation"].value_counts().unstack(fill_value=0)
             .reindex(columns=["before", "tie", "after", "undetermined", "left_out"], fill_value=0).reset_index())
    table.columns.name = None
    pair_rank = {f"{AREA_CODES[a]}→{AREA_CODES[b]}": i for i, (a, b) in enumerate(itertools.combinations(ESSAY_ORDER, 2))}
    return table.sort_values(["pair", "group"], key=lambda s: s.map(pair_rank) if s.name == "pair" else group_rank(s)
                             ).reset_index(drop=True)


def order_frequencies(order: pd.DataFrame) -> pd.DataFrame:
    """How many countries show each order string, by group and in all (sorted by frequency).

    Returns
    -------
    DataFrame: order, group, n_countries, countries (ISO3, comma-separated); group "All" included.
    """
    both = with_all(order)
    table = (both.groupby(["order", "group"])["iso3"].agg(n_countries="size", countries=lambda s: ",".join(sorted(s)))
             .reset_index())
    total = table[table["group"] == ALL].set_index("order")["n_countries"]
    table["_total"] = table["order"].map(total)
    table["_group"] = group_rank(table["group"])
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
    values = [math.inf if is_missing(value) else float(value) for value in years]
    if not values:
        return None
    middle = float(np.median(values))
    return middle if math.isfinite(middle) else None


def _present_groups(order: pd.DataFrame) -> list[str]:
    """The broad groups present in ``order``, in display order, then "All"."""
    return [*[g for g in BROAD_GROUPS if g in set(order["group"])], ALL]


def order_summary(timing: pd.DataFrame, order: pd.DataFrame) -> pd.DataFrame:
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
    for group in _present_groups(order):
        sub = order if group == ALL else order[order["group"] == group]
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


def analyse(tidy: pd.DataFrame, iso3: list[str] | None = None, ebrd_threshold: float = EBRD_THRESHOLD,
            inflation_threshold: float = INFLATION_THRESHOLD, sustained_years: int = SUSTAINED_YEARS,
            last_year: int = LAST_EBRD_YEAR, stabilization_rule: str = STABILIZATION_RULE,
            never_high: str = NEVER_HIGH, ties: str = TIES, dating: str = DATING) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Timing and order in one call: ``(reform_timing(...), reform_order(...))`` for ``iso3``.

    The liberalization-institutions gap (C2) always uses ``ebrd_threshold``, whatever the ``dating``."""
    timing = reform_timing(tidy, iso3, ebrd_threshold, inflation_threshold, sustained_years, last_year,
                           stabilization_rule, never_high, dating)
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
        for group in _present_groups(order):
            sub = order if group == ALL else order[order["group"] == group]
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


def compare_groups(order: pd.DataFrame, column: str, group_a: str = GAP_TEST_GROUPS[0],
                   group_b: str = GAP_TEST_GROUPS[1]) -> dict:
    """Two-sided Mann-Whitney U test of ``column`` between two broad groups (small samples: exact).

    Returns
    -------
    dict with n_a, n_b, median_a, median_b, u (statistic for ``group_a``), p_value (None when a
    group has no values), mde (the smallest difference of means detectable with 80% power at 5%).
    """
    a = order.loc[order["group"] == group_a, column].dropna().astype(float)
    b = order.loc[order["group"] == group_b, column].dropna().astype(float)
    result = {"n_a": len(a), "n_b": len(b), "median_a": float(a.median()) if len(a) else None,
              "median_b": float(b.median()) if len(b) else None, "u": None, "p_value": None,
              "mde": minimum_detectable_difference(a, b)}
    if len(a) and len(b):
        test = mannwhitneyu(a, b, alternative="two-sided")
        result.update(u=float(test.statistic), p_value=float(test.pvalue))
    return result
