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

from transition.analysis import sequencing
from transition.data import countries, derived
from transition.data.vocabulary import DEFAULT_HORIZON
from transition.paths import DATA_DIR

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


# --------------------------------------------------------------------------------------------
# One country
# --------------------------------------------------------------------------------------------

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


def recovery(index: pd.Series, trough_year: int | None, level: float = 100.0) -> tuple[int | None, bool]:
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
                     level: float = 100.0) -> int | None:
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
                    level: float = 100.0) -> float:
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


# --------------------------------------------------------------------------------------------
# All countries, all sources
# --------------------------------------------------------------------------------------------

def group_labels(grouping: str = "broad") -> pd.Series:
    """ISO3 → group label: ``"broad"`` (CIS, CEE & Baltics, SEE, Mongolia) or ``"group"`` (five groups)."""
    groups = countries.group_of()
    if grouping == "broad":
        return groups.map(countries.BROAD_GROUP)
    if grouping == "group":
        return groups
    raise ValueError(f"grouping must be 'broad' or 'group', not {grouping!r}")


def group_order(grouping: str = "broad") -> list[str]:
    """Display order of the groups of ``grouping``."""
    from transition.present.style import GROUP_ORDER

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


# --------------------------------------------------------------------------------------------
# Groups
# --------------------------------------------------------------------------------------------

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
    frame = indices.assign(group=indices["iso3"].map(labels)).dropna(subset=["group", "index"])
    stats = frame.groupby(["group", "year"])["index"].agg(
        median="median", q25=lambda x: x.quantile(0.25), q75=lambda x: x.quantile(0.75), n="count")
    return stats.reset_index().sort_values(["group", "year"], ignore_index=True)


def path_recovery_year(paths: pd.DataFrame, base_year: int, level: float = 100.0) -> pd.Series:
    """Per group: first year after the median path's lowest point at which the median is >= ``level``."""
    result = {}
    for group, one in paths.groupby("group"):
        median = one.set_index("year")["median"].loc[base_year:]
        low_year = int(median.idxmin()) if len(median) else None
        back = median.loc[low_year:] if low_year is not None else median.iloc[:0]
        back = back[back >= level]
        result[group] = int(back.index[0]) if len(back) else None
    return pd.Series(result, name="median_path_recovery_year", dtype="Int64")


def group_summary(table: pd.DataFrame, group_column: str = "broad_group",
                  measures=("trough_index", "years_to_trough", "years_below_base", "cumulative_loss",
                            "index_1995", "index_1999", "index_2000", "index_2002", "index_2007",
                            "index_latest", "growth_1999_2002"),
                  recovered_by=(2002, 2007)) -> pd.DataFrame:
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
    order = {label: i for i, label in enumerate(dict.fromkeys([*BROAD_ORDER, *group_order("group")]))}
    return pd.DataFrame(rows).sort_values("group", key=lambda g: g.map(order), ignore_index=True)


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


# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------

def source_disagreement(table: pd.DataFrame, measures=("trough_index", "index_1999", "index_2007"),
                        threshold: float = 10.0) -> pd.DataFrame:
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


# --------------------------------------------------------------------------------------------
# The liberalization-institutions gap (C2)
# --------------------------------------------------------------------------------------------

def war_in_window(iso3_codes, first: int, last: int) -> pd.Series:
    """ISO3 → True when ``countries.csv`` records war on the country's territory in [first, last]."""
    return pd.Series({code: bool(countries.war_years(code) & set(range(first, last + 1))) for code in iso3_codes})


def gap_frame(table: pd.DataFrame, tidy: pd.DataFrame, threshold: float = 3.0, war_window=(1989, 1999)) -> pd.DataFrame:
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


def association(frame: pd.DataFrame, x: str, y: str, controls=()) -> dict:
    """Spearman correlation of ``x`` and ``y`` and an OLS slope of ``y`` on ``x`` (+ controls), HC1 SE.

    Rows with any missing value among x, y and the controls are dropped.

    Returns
    -------
    dict with n, rho, rho_p (Spearman, two-sided), slope, slope_se (heteroskedasticity-robust,
    HC1), slope_p, r2. NaN where n < 4.
    """
    import statsmodels.api as sm
    from scipy import stats

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


# --------------------------------------------------------------------------------------------
# Reporting helpers
# --------------------------------------------------------------------------------------------

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


def source_ids(sources) -> list[str]:
    """Registry source ids of GDP sources (for figure source notes): 'wdi' → 'gapminder_wdi'."""
    from transition.data.loaders import VARIABLES

    return list(dict.fromkeys(VARIABLES[derived.GDP_SOURCES[source]].source for source in sources))


def slug(label: str) -> str:
    """A group label as part of a headline key: 'CEE & Baltics' → 'cee_baltics'."""
    return "_".join("".join(ch if ch.isalnum() else " " for ch in label.lower()).split())


def group_headlines(summary: pd.DataFrame, path_recovery: pd.Series, base_year: int) -> list[tuple]:
    """(key, value, unit, description) of the group headlines: medians, means, recoveries by group."""
    unit_index = f"index, {base_year} = 100"
    specs = [
        ("n", "n_countries", "countries", "countries with a GDP index"),
        ("median_trough_index", "median_trough_index", unit_index, "median depth of the transition trough"),
        ("mean_trough_index", "mean_trough_index", unit_index, "mean depth of the transition trough"),
        ("median_years_to_trough", "median_years_to_trough", "years", "median years from the base year to the trough"),
        ("median_years_below_base", "median_years_below_base", "years",
         "median length of the spell below the base-year level (censored at the latest year if not recovered)"),
        ("median_cumulative_loss", "median_cumulative_loss", "index-point-years",
         "median cumulative output loss in the trough window"),
        *[(f"median_index_{year}", f"median_index_{year}", unit_index, f"median GDP index in {year}")
          for year in (*CHECKPOINT_YEARS, "latest")],
        ("median_growth_1999_2002", "median_growth_1999_2002", "% per year",
         "median average annual real GDP growth 1999-2002 (the essay's time)"),
        ("n_recovered_by_2002", "n_recovered_by_2002", "countries", "countries back at the base-year level by 2002"),
        ("share_recovered_by_2002", "share_recovered_by_2002", "share of countries",
         "share of countries back at the base-year level by 2002"),
        ("n_recovered_by_2007", "n_recovered_by_2007", "countries", "countries back at the base-year level by 2007"),
        ("n_recovered", "n_recovered_latest", "countries", "countries back at the base-year level by the latest year"),
    ]
    rows = []
    for _, row in summary.iterrows():
        group = row["group"]
        for column, key, unit, description in specs:
            if column in row.index:
                rows.append((f"{key}_{slug(group)}", row[column], unit, f"{group}: {description}"))
        year = path_recovery.get(group)
        rows.append((f"median_path_recovery_year_{slug(group)}", None if pd.isna(year) else int(year), "year",
                     f"{group}: first year the group's median index path is back at the base-year level "
                     "after its lowest point (null = not yet)"))
    return rows


def pick_association(assoc: pd.DataFrame, y: str, controls: str = "none", sample: str = "all",
                     x: str = "gap_years") -> pd.Series:
    """One row of an association table (rows of :func:`association` with a ``sample`` column)."""
    rows = assoc[(assoc["x"] == x) & (assoc["y"] == y) & (assoc["controls"] == controls) & (assoc["sample"] == sample)]
    if len(rows) != 1:
        raise KeyError(f"no single association row for x={x}, y={y}, controls={controls}, sample={sample}")
    return rows.iloc[0]


def _count(loss_counts: pd.DataFrame, source: str, group: str, threshold: float):
    rows = loss_counts[(loss_counts["source"] == source) & (loss_counts["group"] == group)
                       & (loss_counts["threshold"] == float(threshold))]
    return int(rows["n_below"].iloc[0]) if len(rows) else None


def _ok_group(main: pd.DataFrame, group: str) -> pd.DataFrame:
    return main[(main["broad_group"] == group) & (main["status"] == "ok")]


def claim_headlines(main: pd.DataFrame, loss_counts: pd.DataFrame, assoc: pd.DataFrame, gap: pd.DataFrame,
                    russia_1998: pd.Series, n_disagreements: int, sources, gdp_source: str, base_year: int,
                    substantial_loss: float, disagreement_threshold: float) -> list[tuple]:
    """(key, value, unit, description) of the headlines the claims ledger reads for C2 and C3.

    ``main`` is the measures table of the main source, ``loss_counts`` the stacked
    :func:`substantial_loss_counts` of every source (with a ``source`` column), ``assoc`` the
    association table (with ``sample``), ``gap`` the :func:`gap_frame`.
    """
    unit = f"index, {base_year} = 100"
    cis, cee = _ok_group(main, "CIS"), _ok_group(main, "CEE & Baltics")
    shallowest = cis.loc[cis["trough_index"].idxmax()] if len(cis) else None
    rows = [("substantial_loss_threshold", substantial_loss, unit, "trough below which a loss counts as substantial")]
    rows += [(f"cis_countries_with_substantial_loss_{source}", _count(loss_counts, source, "CIS", substantial_loss),
              "countries", f"CIS countries whose trough ({source}) is below the substantial-loss threshold")
             for source in sources]
    rows += [
        ("cis_countries_with_substantial_loss", _count(loss_counts, gdp_source, "CIS", substantial_loss), "countries",
         f"CIS countries whose trough is below the substantial-loss threshold, main source ({gdp_source})"),
        ("cis_countries_indexed", len(cis), "countries", "CIS countries with a GDP index (main source)"),
        ("cee_baltics_countries_with_substantial_loss", _count(loss_counts, gdp_source, "CEE & Baltics", substantial_loss),
         "countries", "CEE & Baltic countries whose trough is below the substantial-loss threshold (main source)"),
        ("cee_baltics_countries_indexed", len(cee), "countries", "CEE & Baltic countries with a GDP index (main source)"),
        ("cis_shallowest_trough_index", None if shallowest is None else shallowest["trough_index"], unit,
         "shallowest CIS trough, main source" + ("" if shallowest is None else f" ({shallowest['iso3']})")),
        ("cee_baltics_shallowest_trough_index", cee["trough_index"].max() if len(cee) else None, unit,
         "shallowest CEE & Baltic trough, main source"),
    ]
    for y, name in [("trough_index", "trough"), ("cumulative_loss", "cumulative_loss"), ("years_below_base", "years_below_base")]:
        row = pick_association(assoc, y)
        rows += [(f"spearman_gap_vs_{name}_rho", row["rho"], "Spearman rho", f"gap_years vs {y}, countries with a gap"),
                 (f"spearman_gap_vs_{name}_p", row["rho_p"], "p-value", f"two-sided p of the Spearman rho, gap_years vs {y}"),
                 (f"spearman_gap_vs_{name}_n", row["n"], "countries", f"countries in the gap_years vs {y} correlation")]
    for controls, name in [("none", "ols_gap_trough"), ("former_ussr+war", "ols_gap_trough_controlled")]:
        row = pick_association(assoc, "trough_index", controls)
        rows += [(f"{name}_slope", row["slope"], "index points per year of gap",
                  f"OLS slope of trough_index on gap_years (controls: {controls})"),
                 (f"{name}_se", row["slope_se"], "index points per year of gap", f"HC1-robust SE of that slope (controls: {controls})"),
                 (f"{name}_p", row["slope_p"], "p-value", f"HC1-robust p of that slope (controls: {controls})")]
    rows += [
        ("n_gap_censored", int(gap["gap_censored"].sum()), "countries",
         "countries whose institutions never reached the threshold by 2006 (gap censored at 2006)"),
        ("n_no_gap", int(gap["gap_years"].isna().sum()), "countries",
         "countries whose liberalization never reached the threshold (no gap; left out of the correlation)"),
        *[(f"russia_1998_index_{source}", value, unit, f"Russia's real GDP index in 1998, {source}")
          for source, value in russia_1998.items()],
        ("n_source_disagreements", n_disagreements, "country-measure pairs",
         f"trough, 1999 or 2007 index differing by more than {disagreement_threshold:g} points between sources"),
        ("n_countries_indexed", int(main["status"].eq("ok").sum()), "countries", f"countries indexed from {gdp_source}"),
        ("n_countries_skipped", int((main["status"] != "ok").sum()), "countries",
         "countries left out (definition break or missing data)"),
    ]
    return rows


def findings_text(summary: pd.DataFrame, path_recovery: pd.Series, main: pd.DataFrame, loss_counts: pd.DataFrame,
                  assoc: pd.DataFrame, gap: pd.DataFrame, russia_1998: pd.Series, n_disagreements: int,
                  skipped_iso3, sources, gdp_source: str, base_year: int, substantial_loss: float,
                  gap_threshold: float, disagreement_threshold: float) -> str:
    """The Findings section as Markdown, every number computed (arguments as in :func:`claim_headlines`).

    ``summary`` must be by broad group (CIS, CEE & Baltics, SEE) for the group sentences.
    """
    from transition.present.text import format_number

    med = summary.set_index("group")

    def g(group, column):
        return format_number(med[column].get(group, np.nan) if column in med else np.nan)

    cis, cee = _ok_group(main, "CIS"), _ok_group(main, "CEE & Baltics")
    shallowest = cis.loc[cis["trough_index"].idxmax()] if len(cis) else None
    n_cis_loss = _count(loss_counts, gdp_source, "CIS", substantial_loss)
    by_source = "; ".join(f"{s.upper()} {_count(loss_counts, s, 'CIS', substantial_loss)}" for s in sources)
    trough, loss, below = (pick_association(assoc, y) for y in ("trough_index", "cumulative_loss", "years_below_base"))
    ctrl = pick_association(assoc, "trough_index", "former_ussr+war")

    def sig(p):
        return "not significant at 5%" if not p < 0.05 else "significant at 5%"

    no_gap_rows = gap[gap["gap_years"].isna()]
    no_gap = ", ".join(f"{row.iso3} {row.trough_index:.1f}" for row in no_gap_rows.itertuples()) or "none"
    cis_2002, cee_2002 = (med["median_index_2002"].get(k, np.nan) for k in ("CIS", "CEE & Baltics"))
    cis_growth, cee_growth = (med["median_growth_1999_2002"].get(k, np.nan) for k in ("CIS", "CEE & Baltics"))
    c3 = ("the CIS median was lower but growing faster: recovering from a deeper fall"
          if cis_2002 < cee_2002 and cis_growth > cee_growth else
          "the CIS median was lower and growing more slowly" if cis_2002 < cee_2002 else
          "the CIS median was not below the Central European & Baltic one")
    recovered = ", ".join(f"{k} {'not yet' if pd.isna(v) else int(v)}" for k, v in path_recovery.items())
    n_rec = med["n_recovered_by_2002"] if "n_recovered_by_2002" in med else pd.Series(dtype=float)
    return f"""
**Depth and length** (main source {gdp_source.upper()}, {base_year} = 100; {int(main['status'].eq('ok').sum())} countries,
left out: {', '.join(skipped_iso3) or 'none'}). The median CIS economy fell to {g('CIS', 'median_trough_index')} at its trough,
{g('CIS', 'median_years_to_trough')} years after {base_year}; the median Central European & Baltic economy to
{g('CEE & Baltics', 'median_trough_index')} after {g('CEE & Baltics', 'median_years_to_trough')} years (South-East Europe
{g('SEE', 'median_trough_index')}). The median spell below the {base_year} level lasted {g('CIS', 'median_years_below_base')} years
in the CIS and {g('CEE & Baltics', 'median_years_below_base')} in CEE & Baltics; median cumulative loss
{g('CIS', 'median_cumulative_loss')} against {g('CEE & Baltics', 'median_cumulative_loss')} index-point-years.

**C2, losses.** {n_cis_loss} of {len(cis)} CIS countries had a trough below {substantial_loss:g} (CEE & Baltics:
{_count(loss_counts, gdp_source, 'CEE & Baltics', substantial_loss)} of {len(cee)}). The shallowest CIS trough is
{'n/a' if shallowest is None else shallowest['iso3']} at {format_number(None if shallowest is None else shallowest['trough_index'])}.
The count depends on the source ({by_source} CIS countries below {substantial_loss:g}).

**C2, the gap.** Across {trough['n']} countries with a liberalization-institutions gap ({int(gap['gap_censored'].sum())} of them
censored at 2006; left out because liberalization never reached {gap_threshold:g}, with their troughs: {no_gap}), the gap and the depth of the trough have Spearman
rho = {trough['rho']:.2f} (p = {trough['rho_p']:.2f}, {sig(trough['rho_p'])}); cumulative loss rho = {loss['rho']:.2f}
(p = {loss['rho_p']:.2f}); years below base rho = {below['rho']:.2f} (p = {below['rho_p']:.2f}). Controlling for the
former USSR and war, the OLS slope is {ctrl['slope']:.2f} index points per year of gap (robust p = {ctrl['slope_p']:.2f},
{sig(ctrl['slope_p'])}).

**C3, output.** In 2002 the median CIS index stood at {g('CIS', 'median_index_2002')} against
{g('CEE & Baltics', 'median_index_2002')} in CEE & Baltics, with median growth of {g('CIS', 'median_growth_1999_2002')}% and
{g('CEE & Baltics', 'median_growth_1999_2002')}% a year in 1999-2002: {c3}. By 2002
{int(n_rec.get('CIS', 0))} CIS and {int(n_rec.get('CEE & Baltics', 0))} CEE & Baltic countries were back at the
{base_year} level. Group median paths regained it in: {recovered}. Latest medians: CIS {g('CIS', 'median_index_latest')},
CEE & Baltics {g('CEE & Baltics', 'median_index_latest')}.

**Sources.** {n_disagreements} country-measure pairs differ by more than {disagreement_threshold:g} points between sources;
Russia in 1998: {', '.join(f"{s.upper()} {v:.1f}" for s, v in russia_1998.items())}.
""".strip()


# --------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------

def source_years(source: str) -> tuple[int, int] | None:
    """(first, last) year of a GDP source's level series in ``data/variables.csv`` (None if unknown)."""
    path = DATA_DIR / "variables.csv"
    if not path.is_file():
        return None
    variables = pd.read_csv(path).set_index("name")
    variable = derived.GDP_SOURCES[source]
    if variable not in variables.index:
        return None
    return int(variables.loc[variable, "first_year"]), int(variables.loc[variable, "last_year"])



