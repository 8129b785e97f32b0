"""Output paths through the transition: trough, recovery and loss of real GDP (claims C2, C3).

Every measure is computed from a real GDP index (``derived.gdp_index``: base year = 100, spliced
backwards with another source where documented, never across a change of country definition).

Definitions (one country, one source; years are calendar years, a *missing year* is a year with
no value in the index):

- **trough**: the lowest index value from the base year to ``base_year + horizon`` (inclusive;
  default horizon 15 years, i.e. 1989-2004 — the transition recession, not the 2009 or 2014-15
  crises); ties go to the earliest year. ``years_to_trough = trough_year - base_year``.
- **recovery year**: the first year with data, at or after the trough year, with index >= 100;
  None when the index never gets back (to its latest year). When the trough itself is >= 100
  (output never fell below the base level in the window) the recovery year is the trough year.
  When the year just before the recovery year is missing, the true recovery may lie in the gap:
  ``recovery_uncertain`` says so.
- **years below base**: the length in calendar years of the spell below 100 that contains the
  trough: from the year after the last year at or above 100 before the trough to the year before
  the recovery (to the latest year, ``recovered`` False, when there is none). Missing years inside
  the spell count as part of it.
- **cumulative loss**: the sum over the calendar years of the trough window of max(0, 100 - index),
  in index-point-years (percent of base-year GDP x years); missing years inside the data are
  linearly interpolated, so a gap does not lower the loss.
- **n_missing**: calendar years of the trough window (up to the latest year) without data; data
  that start after the base year count as missing there.

Examples
--------
>>> import pandas as pd
>>> index = pd.Series([100.0, 80.0, 60.0, 70.0, 90.0, 105.0], index=range(1989, 1995))
>>> m = country_measures(index, 1989, horizon=15)
>>> m["trough_year"], m["trough_index"], m["recovery_year"], m["years_below_base"], m["cumulative_loss"]
(1991, 60.0, 1994, 4, 100.0)
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from transition.analysis import sequencing
from transition.analysis.groups import group_rank
from transition.analysis.groups import group_summary as group_stats
from transition.data import countries, derived
from transition.data.vocabulary import DEFAULT_HORIZON, GROUP_ORDER

#: Years whose index level the country table reports (besides the latest year).
CHECKPOINT_YEARS = (1995, 1999, 2000, 2002, 2007)
#: Display order of the broad groups of the essay's comparison.
BROAD_ORDER = list(countries.BROAD_ORDER)
#: The columns of ``results/output_paths.csv`` required by the issue, in order (extras follow).
TABLE_COLUMNS = ["iso3", "group", "source", "base_year", "trough_year", "trough_index", "years_to_trough",
                 "recovery_year", "index_1995", "index_1999", "index_2007", "index_latest", "latest_year"]
EXTRA_COLUMNS = ["broad_group", "status", "recovered", "recovery_uncertain", "years_below_base",
                 "cumulative_loss", "index_2000", "index_2002", "growth_1999_2002", "first_year", "n_missing",
                 "n_spliced_years"]

# ---- thresholds and choices (the notebook's parameters default to these) ----------------------
#: C2: a "substantial" loss is a fall of real GDP of 10% or more (trough below 90, base year = 100): the
#: size of fall Barro & Ursúa (2008, "Macroeconomic Crises since 1870", Brookings Papers on Economic
#: Activity) call a macroeconomic disaster. The one definition: notebook 02 and the claims ledger use it.
SUBSTANTIAL_LOSS_INDEX = 90.0
#: Trough levels at which the substantial-loss counts are also shown (any single cut-off is a judgement).
LOSS_THRESHOLDS = (90.0, 80.0, 70.0, 60.0, 50.0)
#: EBRD score at which liberalization / institutions count as reached for the C2 gap (as notebook 01).
GAP_THRESHOLD = 3.0
#: Years whose war on the territory counts as a control in the gap regressions.
WAR_WINDOW = (1989, 1999)
#: Max-min spread between sources (index points) that counts as a disagreement.
DISAGREEMENT_THRESHOLD = 10.0
#: Measures compared across sources.
DISAGREEMENT_MEASURES = ("trough_index", "index_1999", "index_2007")
#: The association grid of the gap (C2): gap measures, output measures and control sets.
GAP_MEASURES = ("gap_years", "gap_points")
LOSS_MEASURES = ("trough_index", "cumulative_loss", "years_below_base")
CONTROL_SETS = ((), ("former_ussr", "war"))
#: Years by which the group summary counts recovered countries.
RECOVERED_BY = (2002, 2007)
#: The base-year level of the index: below it output is lost; back at it output has recovered.
BASE_LEVEL = 100.0
#: Measures the group summary gives medians and means of.
GROUP_MEASURES = ("trough_index", "years_to_trough", "years_below_base", "cumulative_loss", "index_1995",
                  "index_1999", "index_2000", "index_2002", "index_2007", "index_latest", "growth_1999_2002")


# ---- One country ---------------------------------------------------------------------------------

def trough(index: pd.Series, base_year: int, horizon: int = DEFAULT_HORIZON) -> tuple[int | None, float]:
    """Year and level of the lowest index value from ``base_year`` to ``base_year + horizon``.

    Missing years are skipped; ties go to the earliest year. Returns ``(None, nan)`` when the
    window holds no data.

    Examples
    --------
    >>> trough(pd.Series([100.0, 70.0, 70.0, 90.0], index=[1989, 1990, 1991, 1992]), 1989)
    (1990, 70.0)
    """
    window = index.dropna().sort_index().loc[base_year:base_year + horizon]
    if window.empty:
        return None, float("nan")
    year = int(window.idxmin())
    return year, float(window[year])


def recovery(index: pd.Series, trough_year: int | None, level: float = BASE_LEVEL) -> tuple[int | None, bool]:
    """First year with data, at or after ``trough_year``, with index >= ``level``.

    Returns
    -------
    (year, uncertain): year None when the index never gets back; ``uncertain`` True when the
    calendar year before the recovery year has no data (the true recovery may lie in the gap).

    Examples
    --------
    >>> recovery(pd.Series([100.0, 60.0, 99.9, 100.0], index=[1989, 1990, 1991, 1992]), 1990)
    (1992, False)
    >>> recovery(pd.Series([100.0, 60.0, 80.0], index=[1989, 1990, 1991]), 1990)
    (None, False)
    """
    if trough_year is None:
        return None, False
    index = index.dropna().sort_index()
    after = index.loc[trough_year:]
    back = after[after >= level]
    if back.empty:
        return None, False
    year = int(back.index[0])
    return year, bool(year > trough_year and (year - 1) not in index.index)


def years_below_base(index: pd.Series, trough_year: int | None, recovery_year: int | None,
                     level: float = BASE_LEVEL) -> int | None:
    """Length (calendar years) of the spell below ``level`` that contains the trough.

    From the year after the last year at or above ``level`` before the trough (the first year
    of data when there is none) to the year before ``recovery_year`` (to the latest year when it
    is None). 0 when the trough is not below ``level``; None without a trough.

    Examples
    --------
    >>> s = pd.Series([100.0, 98.0, 101.0, 90.0, 85.0, 100.0], index=range(1989, 1995))
    >>> years_below_base(s, 1993, 1994)   # the dip of 1990 is a different spell
    2
    """
    if trough_year is None:
        return None
    index = index.dropna().sort_index()
    if index[trough_year] >= level:
        return 0
    before = index.loc[:trough_year]
    above = before[before >= level]
    start = int(above.index[-1]) + 1 if len(above) else int(index.index[0])
    end = recovery_year - 1 if recovery_year is not None else int(index.index[-1])
    return end - start + 1


def cumulative_loss(index: pd.Series, base_year: int, horizon: int = DEFAULT_HORIZON,
                    level: float = BASE_LEVEL) -> float:
    """Sum over the calendar years of the trough window of max(0, level - index).

    Missing years between two years with data are linearly interpolated; years outside the
    data (before its first or after its last year) are not counted. In index-point-years.

    Examples
    --------
    >>> cumulative_loss(pd.Series([100.0, 80.0, 90.0], index=[1989, 1990, 1991]), 1989)
    30.0
    >>> cumulative_loss(pd.Series([100.0, 80.0, 90.0], index=[1989, 1990, 1992]), 1989)  # 1991 = 85
    45.0
    """
    index = index.dropna().sort_index()
    if index.empty:
        return float("nan")
    years = range(int(index.index[0]), int(index.index[-1]) + 1)
    filled = index.reindex(years).interpolate(method="index", limit_area="inside")
    window = filled.loc[base_year:base_year + horizon]
    if window.empty:
        return float("nan")
    return float((level - window).clip(lower=0).sum())


def country_measures(index: pd.Series, base_year: int, horizon: int = DEFAULT_HORIZON,
                     checkpoints=CHECKPOINT_YEARS) -> dict:
    """All output measures of one index series (indexed by year; base year = 100).

    Returns
    -------
    dict with trough_year, trough_index, years_to_trough, recovery_year, recovered,
    recovery_uncertain, years_below_base, cumulative_loss, index_<year> for each checkpoint,
    index_latest, latest_year, first_year (first year with data from the base year on) and
    n_missing (calendar years of the trough window, up to the latest year, without data).
    """
    index = index.dropna().sort_index()
    own = index.loc[base_year:]
    t_year, t_index = trough(own, base_year, horizon)
    r_year, uncertain = recovery(own, t_year)
    latest_year = int(own.index[-1]) if len(own) else None
    window_end = min(base_year + horizon, latest_year) if latest_year is not None else base_year - 1
    measures = {
        "trough_year": t_year, "trough_index": t_index,
        "years_to_trough": t_year - base_year if t_year is not None else None,
        "recovery_year": r_year, "recovered": r_year is not None if t_year is not None else None,
        "recovery_uncertain": uncertain,
        "years_below_base": years_below_base(own, t_year, r_year),
        "cumulative_loss": cumulative_loss(own, base_year, horizon),
    }
    for year in checkpoints:
        measures[f"index_{year}"] = float(index[year]) if year in index.index else float("nan")
    measures.update({
        "index_latest": float(own.iloc[-1]) if len(own) else float("nan"), "latest_year": latest_year,
        "first_year": int(own.index[0]) if len(own) else None,
        "n_missing": sum(1 for year in range(base_year, window_end + 1) if year not in own.index),
    })
    return measures


# ---- All countries, all sources ------------------------------------------------------------------

def group_labels(grouping: str = "broad") -> pd.Series:
    """ISO3 → group label: ``"broad"`` (CIS, CEE & Baltics, SEE, Mongolia) or ``"group"`` (five groups)."""
    groups = countries.group_of()
    if grouping == "broad":
        return groups.map(countries.BROAD_GROUP)
    if grouping == "group":
        return groups
    raise ValueError(f"grouping must be 'broad' or 'group', not {grouping!r}")


def group_column(grouping: str = "broad") -> str:
    """Column of a measures table holding the groups of ``grouping``: 'broad_group' or 'group'."""
    if grouping not in ("broad", "group"):
        raise ValueError(f"grouping must be 'broad' or 'group', not {grouping!r}")
    return "broad_group" if grouping == "broad" else "group"


def group_order(grouping: str = "broad") -> list[str]:
    """Display order of the groups of ``grouping``."""
    return BROAD_ORDER if grouping == "broad" else list(GROUP_ORDER)


def _status(reason: str) -> str:
    """Fallback for a hand-made ``skipped`` dict; gdp_index frames carry ``attrs["skipped_kind"]``."""
    return "definition_break" if "change of country definition" in reason else "missing_data"


def measures_table(indexed: pd.DataFrame, horizon: int = DEFAULT_HORIZON, iso3: list[str] | None = None,
                   skipped: dict[str, str] | None = None) -> pd.DataFrame:
    """One row of output measures per country from a ``derived.gdp_index`` frame.

    Parameters
    ----------
    indexed : DataFrame
        iso3, year, index, spliced, source, base_year (one source, one base year).
    horizon : int
        Trough window in years after the base year.
    iso3 : list of str, optional
        Countries to report (default: the 29); those without an index get a row with status
        ``definition_break`` / ``missing_data`` (from ``skipped``) or ``no_data`` and empty measures.
    skipped : dict, optional
        iso3 → reason, as in ``indexed.attrs["skipped"]`` (the default).

    Returns
    -------
    DataFrame with :data:`TABLE_COLUMNS` then :data:`EXTRA_COLUMNS`, sorted by iso3.
    """
    skipped = indexed.attrs.get("skipped", {}) if skipped is None else skipped
    kinds = indexed.attrs.get("skipped_kind", {})
    source = indexed["source"].iloc[0] if len(indexed) else None
    base_year = int(indexed["base_year"].iloc[0]) if len(indexed) else None
    groups, broad = countries.group_of(), group_labels("broad")
    rows = []
    for code in sorted(iso3 or countries.study_iso3()):
        one = indexed[indexed["iso3"] == code]
        row = {"iso3": code, "group": groups.get(code), "broad_group": broad.get(code), "source": source,
               "base_year": base_year}
        if one.empty:
            row["status"] = (kinds.get(code) or _status(skipped[code])) if code in skipped else "no_data"
        else:
            series = one.set_index("year")["index"]
            row.update(country_measures(series, base_year, horizon), status="ok",
                       n_spliced_years=int(one.loc[one["year"] >= base_year, "spliced"].sum()))
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["growth_1999_2002"] = annual_growth(frame.reindex(columns=["index_1999", "index_2002"]), 1999, 2002)
    frame = frame.reindex(columns=TABLE_COLUMNS + EXTRA_COLUMNS)
    integers = ["trough_year", "years_to_trough", "recovery_year", "latest_year", "years_below_base",
                "first_year", "n_missing", "n_spliced_years", "base_year"]
    return frame.astype({column: "Int64" for column in integers}).astype(
        {"recovered": "boolean", "recovery_uncertain": "boolean"})


def output_paths(tidy: pd.DataFrame, sources, base_year: int = derived.DEFAULT_BASE_YEAR,
                 splice_with: str | None = "maddison", horizon: int = DEFAULT_HORIZON,
                 iso3: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Indices and output measures for every source in ``sources``.

    Each source is indexed with ``derived.gdp_index(..., errors="skip")``; Maddison is never
    spliced with itself. Countries the index leaves out (definition breaks, missing data) get a
    row with their status and a line in the skipped table.

    Returns
    -------
    (table, indices, skipped): ``table`` one row per source and country (see
    :func:`measures_table`), sorted by source then iso3; ``indices`` the stacked index frames from
    the base year on; ``skipped`` with columns source, iso3, status, reason.
    """
    tables, indices, skipped_rows = [], [], []
    for source in sources:
        indexed = derived.gdp_index(tidy, source=source, base_year=base_year,
                                    splice_with=None if splice_with == source else splice_with,
                                    iso3=iso3, errors="skip")
        tables.append(measures_table(indexed, horizon, iso3))
        indices.append(indexed[indexed["year"] >= base_year])
        kinds = indexed.attrs.get("skipped_kind", {})
        skipped_rows += [{"source": source, "iso3": code, "status": kinds.get(code) or _status(reason), "reason": reason}
                         for code, reason in sorted(indexed.attrs["skipped"].items())]
    table = pd.concat(tables, ignore_index=True).sort_values(["source", "iso3"], ignore_index=True)
    skipped = pd.DataFrame(skipped_rows, columns=["source", "iso3", "status", "reason"])
    return table, pd.concat(indices, ignore_index=True), skipped


def source_rows(table: pd.DataFrame, source: str) -> pd.DataFrame:
    """The rows of one source of an :func:`output_paths` table (the main source's measures table)."""
    return table[table["source"] == source].reset_index(drop=True)


def splice_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Per source: countries with years bridged by the donor's growth rates, and the most years bridged."""
    return table[table["status"] == "ok"].groupby("source")["n_spliced_years"].agg(
        countries_spliced=lambda s: int((s > 0).sum()), max_years_spliced="max")


# ---- Groups --------------------------------------------------------------------------------------

def group_paths(indices: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """Median and interquartile range of the index by group and year (unweighted, countries with data).

    Parameters
    ----------
    indices : DataFrame
        iso3, year, index (one source).
    labels : Series
        iso3 → group.

    Returns
    -------
    DataFrame with group, year, median, q25, q75, n.
    """
    return group_stats(indices.assign(group=indices["iso3"].map(labels)), "index", "group", by=["year"])


def path_recovery_year(paths: pd.DataFrame, base_year: int, level: float = BASE_LEVEL) -> pd.Series:
    """Per group: first year after the median path's lowest point at which the median is >= ``level``."""
    result = {}
    for group, one in paths.groupby("group"):
        median = one.set_index("year")["median"].loc[base_year:]
        low_year = int(median.idxmin()) if len(median) else None
        back = median.loc[low_year:] if low_year is not None else median.iloc[:0]
        back = back[back >= level]
        result[group] = int(back.index[0]) if len(back) else None
    return pd.Series(result, name="median_path_recovery_year", dtype="Int64")


def group_summary(table: pd.DataFrame, group_column: str = "broad_group", measures=GROUP_MEASURES,
                  recovered_by=RECOVERED_BY) -> pd.DataFrame:
    """Group medians and means of the output measures, and how many countries recovered by given years.

    Only rows with status ``ok`` count. Returns one row per group with ``n``, ``median_<m>``,
    ``mean_<m>`` for each measure, ``n_recovered_by_<y>``, ``share_recovered_by_<y>`` and
    ``n_recovered`` (by the latest year).
    """
    ok = table[table["status"] == "ok"]
    rows = []
    for group, one in ok.groupby(group_column):
        row = {"group": group, "n": len(one)}
        for measure in measures:
            values = pd.to_numeric(one[measure], errors="coerce").astype(float)
            row[f"median_{measure}"] = values.median()
            row[f"mean_{measure}"] = values.mean()
        recovery_year = one["recovery_year"].astype("Float64")
        for year in recovered_by:
            count = int((recovery_year <= year).fillna(False).sum())
            row[f"n_recovered_by_{year}"] = count
            row[f"share_recovered_by_{year}"] = count / len(one)
        row["n_recovered"] = int(one["recovered"].fillna(False).sum())
        rows.append(row)
    order = list(dict.fromkeys([*BROAD_ORDER, *GROUP_ORDER]))
    return pd.DataFrame(rows).sort_values("group", key=lambda g: group_rank(g, order), ignore_index=True)


def group_results(main: pd.DataFrame, indices: pd.DataFrame, grouping: str, base_year: int):
    """(summary, paths, path_recovery) of one source's measures and indices, by the groups of ``grouping``."""
    column = group_column(grouping)
    paths = group_paths(indices, main.set_index("iso3")[column])
    return group_summary(main, column), paths, path_recovery_year(paths, base_year)


def substantial_loss_counts(table: pd.DataFrame, thresholds, group_column: str = "broad_group") -> pd.DataFrame:
    """Countries whose trough index is below each threshold, by group (status ``ok`` only).

    Returns group, threshold, n_below, n, share_below.
    """
    ok = table[table["status"] == "ok"]
    rows = []
    for group, one in ok.groupby(group_column):
        for threshold in thresholds:
            below = int((one["trough_index"] < threshold).sum())
            rows.append({"group": group, "threshold": threshold, "n_below": below, "n": len(one),
                         "share_below": below / len(one)})
    return pd.DataFrame(rows)


def loss_thresholds(substantial_loss: float = SUBSTANTIAL_LOSS_INDEX, others=LOSS_THRESHOLDS) -> list[float]:
    """The chosen substantial-loss threshold and the range around it, highest first, no repeats."""
    return sorted({*map(float, others), float(substantial_loss)}, reverse=True)


def loss_counts_by_source(table: pd.DataFrame, sources, substantial_loss: float = SUBSTANTIAL_LOSS_INDEX,
                          others=LOSS_THRESHOLDS) -> pd.DataFrame:
    """:func:`substantial_loss_counts` of every source at :func:`loss_thresholds`, stacked with a ``source`` column."""
    thresholds = loss_thresholds(substantial_loss, others)
    return pd.concat([substantial_loss_counts(table[table["source"] == source], thresholds).assign(source=source)
                      for source in sources], ignore_index=True)


def troughs_by_source(table: pd.DataFrame, group: str | None = None) -> pd.DataFrame:
    """Trough index by country (rows) and source (columns), countries with status ``ok`` (of a broad group)."""
    ok = table[table["status"] == "ok"]
    if group is not None:
        ok = ok[ok["broad_group"] == group]
    return ok.pivot(index="iso3", columns="source", values="trough_index")


# ---- Sources -------------------------------------------------------------------------------------

def source_disagreement(table: pd.DataFrame, measures=DISAGREEMENT_MEASURES,
                        threshold: float = DISAGREEMENT_THRESHOLD) -> pd.DataFrame:
    """Per country and measure: the value from each source, the max-min spread and its extremes.

    Only rows with status ``ok`` count; a spread needs at least two sources.

    Returns
    -------
    DataFrame with iso3, broad_group, measure, one column per source, n_sources, spread,
    max_source, min_source, disagree (spread > ``threshold`` index points), sorted by measure
    then spread (largest first).
    """
    ok = table[table["status"] == "ok"]
    frames = []
    for measure in measures:
        wide = ok.pivot(index="iso3", columns="source", values=measure).astype(float)
        sources = list(wide.columns)
        counted = wide.notna().sum(axis=1)
        several = counted >= 2
        frame = wide.assign(
            measure=measure, n_sources=counted,
            spread=(wide.max(axis=1) - wide.min(axis=1)).where(several),
            max_source=wide[several].idxmax(axis=1).reindex(wide.index),
            min_source=wide[several].idxmin(axis=1).reindex(wide.index),
        ).reset_index()
        frames.append(frame[["iso3", "measure", *sources, "n_sources", "spread", "max_source", "min_source"]])
    result = pd.concat(frames, ignore_index=True)
    result.insert(1, "broad_group", result["iso3"].map(group_labels("broad")))
    result["disagree"] = result["spread"] > threshold
    result["_order"] = result["measure"].map({m: i for i, m in enumerate(measures)})
    result = result.sort_values(["_order", "spread", "iso3"], ascending=[True, False, True], ignore_index=True)
    return result.drop(columns="_order")


def index_at(indices: pd.DataFrame, iso3: str, year: int) -> pd.Series:
    """The index of one country in one year, by source (NaN where a source lacks it)."""
    rows = indices[(indices["iso3"] == iso3) & (indices["year"] == year)]
    return rows.set_index("source")["index"].reindex(indices["source"].unique()).sort_index()


# ---- The liberalization-institutions gap (C2) ----------------------------------------------------

def war_in_window(iso3_codes, first: int, last: int) -> pd.Series:
    """ISO3 → True when ``countries.csv`` records war on the country's territory in [first, last]."""
    return pd.Series({code: bool(countries.war_years(code) & set(range(first, last + 1))) for code in iso3_codes})


def gap_frame(table: pd.DataFrame, tidy: pd.DataFrame, threshold: float = GAP_THRESHOLD,
              war_window=WAR_WINDOW) -> pd.DataFrame:
    """Output measures (rows with status ``ok``) merged with the liberalization-institutions gap.

    Adds ``former_ussr`` and ``war`` (war on the territory in ``war_window``) as candidate controls.
    Countries where liberalization never reaches ``threshold`` have no gap (NaN).
    """
    gap = sequencing.liberalization_institutions_gap(tidy, threshold)
    ok = table[table["status"] == "ok"]
    merged = ok.merge(gap, on="iso3", how="left")
    meta = countries.table()
    merged["former_ussr"] = merged["iso3"].map(meta["former_ussr"].astype(str).str.lower() == "true")
    merged["war"] = merged["iso3"].map(war_in_window(merged["iso3"], *war_window))
    return merged.sort_values("iso3", ignore_index=True)


def gap_samples(gap: pd.DataFrame) -> dict[str, pd.Series]:
    """Samples of the gap regressions: ``all`` countries with a gap, ``uncensored`` ones only (row masks)."""
    has_gap = gap["gap_years"].notna()
    return {"all": has_gap, "uncensored": has_gap & ~gap["gap_censored"]}


def association(frame: pd.DataFrame, x: str, y: str, controls=()) -> dict:
    """Spearman correlation of ``x`` and ``y`` and an OLS slope of ``y`` on ``x`` (+ controls), HC1 SE.

    Rows with any missing value among x, y and the controls are dropped.

    Returns
    -------
    dict with n, rho, rho_p (Spearman, two-sided), slope, slope_se (heteroskedasticity-robust,
    HC1), slope_p, r2. NaN where n < 4.
    """
    data = frame[[x, y, *controls]].apply(pd.to_numeric, errors="coerce").astype(float).dropna()
    result = {"x": x, "y": y, "controls": "+".join(controls) or "none", "n": len(data),
              "rho": np.nan, "rho_p": np.nan, "slope": np.nan, "slope_se": np.nan, "slope_p": np.nan, "r2": np.nan}
    if len(data) < 4:
        return result
    rho, p = stats.spearmanr(data[x], data[y])
    fit = sm.OLS(data[y], sm.add_constant(data[[x, *controls]])).fit(cov_type="HC1")
    result.update(rho=float(rho), rho_p=float(p), slope=float(fit.params[x]), slope_se=float(fit.bse[x]),
                  slope_p=float(fit.pvalues[x]), r2=float(fit.rsquared))
    return result


def gap_associations(gap: pd.DataFrame, xs=GAP_MEASURES, ys=LOSS_MEASURES, control_sets=CONTROL_SETS) -> pd.DataFrame:
    """:func:`association` for every sample of :func:`gap_samples`, gap measure, loss measure and control set.

    Returns one row per combination (sample, x, y, controls) in that nesting order, with the
    columns of :func:`association` and ``sample``.
    """
    rows = [association(gap[keep], x, y, controls) | {"sample": sample}
            for sample, keep in gap_samples(gap).items() for x in xs for y in ys for controls in control_sets]
    return pd.DataFrame(rows)


# ---- Reporting helpers ---------------------------------------------------------------------------

def annual_growth(table: pd.DataFrame, first: int, last: int) -> pd.Series:
    """Average annual growth (%) of the index between two checkpoint years, per row of ``table``."""
    start, end = table[f"index_{first}"].astype(float), table[f"index_{last}"].astype(float)
    return 100 * ((end / start) ** (1 / (last - first)) - 1)


def skipped_summary(skipped: pd.DataFrame) -> pd.DataFrame:
    """One row per skipped country: the sources it is missing from, the status, and the short reason.

    The short reason is the first sentence of the recorded reason (e.g. "BIH: wdi_gdp_constant_usd
    measures the present-day country only from 1994 (...)" → "measures the present-day country only
    from 1994").
    """
    if skipped.empty:
        return pd.DataFrame(columns=["iso3", "sources", "status", "reason"])
    short = skipped["reason"].str.extract(r"(measures the present-day country only from \d{4}|no data[^.]*|"
                                          r"data start in \d{4}[^,]*|no value in the base year \d{4})")[0]
    frame = skipped.assign(reason=short.fillna(skipped["reason"].str.slice(0, 80)))
    return (frame.groupby(["iso3", "status", "reason"])["source"].agg(", ".join).rename("sources")
            .reset_index()[["iso3", "sources", "status", "reason"]].sort_values("iso3", ignore_index=True))


def pick_association(assoc: pd.DataFrame, y: str, controls: str = "none", sample: str = "all",
                     x: str = "gap_years") -> pd.Series:
    """One row of an association table (rows of :func:`association` with a ``sample`` column)."""
    rows = assoc[(assoc["x"] == x) & (assoc["y"] == y) & (assoc["controls"] == controls) & (assoc["sample"] == sample)]
    if len(rows) != 1:
        raise KeyError(f"no single association row for x={x}, y={y}, controls={controls}, sample={sample}")
    return rows.iloc[0]


def loss_count(loss_counts: pd.DataFrame, source: str, group: str, threshold: float) -> int | None:
    """Countries of ``group`` whose trough (``source``) is below ``threshold``; None without that row."""
    rows = loss_counts[(loss_counts["source"] == source) & (loss_counts["group"] == group)
                       & (loss_counts["threshold"] == float(threshold))]
    return int(rows["n_below"].iloc[0]) if len(rows) else None


def ok_group(main: pd.DataFrame, group: str) -> pd.DataFrame:
    """Rows of a measures table of one broad group with an index (status ``ok``)."""
    return main[(main["broad_group"] == group) & (main["status"] == "ok")]


def shallowest(main: pd.DataFrame, group: str) -> pd.Series | None:
    """The row of the shallowest trough in a broad group (status ``ok``), None when the group is empty."""
    rows = ok_group(main, group)
    return rows.loc[rows["trough_index"].idxmax()] if len(rows) else None
