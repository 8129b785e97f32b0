"""The regression panel of notebook 04: growth rates, reform scores, lags and sequencing terms.

- :func:`build_panel` assembles one row per country-year (1989 to the last year of data): annual
  real GDP growth from the chosen source, the reform indices, log inflation, a war dummy, the
  initial conditions and, when asked, EBRD scores carried forward after 2006 (flagged);
- :func:`lag` / :func:`add_lags` build lags that respect panel gaps (the lag of year t is the value
  of the same country in t - k, missing when that year is missing);
- :func:`sequencing_terms` adds the sequencing terms (liberalization, or large-scale privatization,
  ahead of market institutions), in the spirit of Staehr (2005);
- :func:`prepare` builds the lags on the full panel and then cuts the estimation sample;
- :func:`coverage`, :func:`gap_by_group`, :func:`gap_paths` describe the sample and the gap.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"iso3": ["A", "A", "A"], "year": [1990, 1991, 1993], "x": [1.0, 2.0, 4.0]})
>>> lag(frame, "x", 1).tolist()          # 1992 is missing, so the lag of 1993 is missing
[nan, 1.0, nan]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from transition.data import countries, derived
from transition.data.derived import DEFAULT_GROWTH_SOURCE as GROWTH_SOURCE
from transition.data.derived import growth_from_levels, growth_rates  # noqa: F401 (re-exported)
from transition.data.vocabulary import EBRD_LAST_YEAR

#: Reform variables used as regressors (EBRD scores 1-4.33).
REFORM_VARIABLES = ["reform_ebrd_average", "reform_liberalization", "reform_privatization",
                    "reform_institutions", "ebrd_large_privatisation"]
#: Sequencing terms built by :func:`sequencing_terms`.
SEQUENCING_TERMS = ["gap_lib_inst", "gap_priv_inst", "lib_ahead", "priv_ahead"]
#: Year of the initial conditions (income before the transition).
INITIAL_YEAR = 1989
#: First year of the regressions (growth in 1990 uses 1989 reform scores at lag 1).
FIRST_YEAR = 1990
#: Last year to which the 2006 EBRD scores are carried forward in the robustness sample.
EXTENDED_LAST_YEAR = 2019
#: EBRD score at which an area counts as advanced (3: substantial progress on the EBRD scale).
THRESHOLD = 3.0
#: Years between a reform score and the growth it explains, and the longest lag of the distributed lag.
REFORM_LAG, MAX_LAG = 1, 3


# --------------------------------------------------------------------------------------------
# Building blocks: lags, growth rates, carried-forward scores, sequencing terms
# --------------------------------------------------------------------------------------------

def lag(frame: pd.DataFrame, column: str, k: int, unit: str = "iso3", time: str = "year") -> pd.Series:
    """The value of ``column`` k periods earlier for the same unit, aligned with ``frame``.

    Parameters
    ----------
    frame : DataFrame
        Long panel with one row per (unit, time); need not be sorted or balanced.
    column : str
    k : int
        Lag length (>= 0); 0 returns the column itself.
    unit, time : str
        Names of the unit and (integer) time columns.

    Returns
    -------
    Series named ``<column>_l<k>`` with the index of ``frame``: the value of the same unit in
    ``time - k``, NaN when that row is missing or its value is missing (gaps are never bridged).

    Raises
    ------
    ValueError
        If k is negative or (unit, time) is not unique.
    """
    if not isinstance(k, (int, np.integer)) or k < 0:
        raise ValueError(f"lag length must be a non-negative integer, not {k!r}")
    if frame.duplicated([unit, time]).any():
        raise ValueError(f"({unit}, {time}) must identify rows uniquely to build lags")
    shifted = frame[[unit, time, column]].assign(**{time: frame[time] + k})
    merged = frame[[unit, time]].merge(shifted, on=[unit, time], how="left")
    return pd.Series(merged[column].to_numpy(), index=frame.index, name=f"{column}_l{k}")


def add_lags(frame: pd.DataFrame, columns: list[str], lags) -> pd.DataFrame:
    """Add ``<column>_l<k>`` for every column and every k in ``lags`` (see :func:`lag`)."""
    new = {f"{column}_l{k}": lag(frame, column, int(k)) for column in columns for k in lags}
    return frame.assign(**new)


def carry_forward(frame: pd.DataFrame, columns: list[str], last_observed: int = EBRD_LAST_YEAR,
                  to_year: int = EXTENDED_LAST_YEAR) -> pd.DataFrame:
    """Fill ``columns`` after ``last_observed`` with each country's ``last_observed`` value.

    Rows must already exist for the years to fill (use a full country-year grid). Years after
    ``to_year`` are left missing. The column ``scores_carried_forward`` (1.0 / 0.0) flags the
    filled years.

    Examples
    --------
    >>> frame = pd.DataFrame({"iso3": ["A"] * 3, "year": [2006, 2007, 2008], "x": [3.0, None, None]})
    >>> carry_forward(frame, ["x"], 2006, 2007)["x"].tolist()
    [3.0, 3.0, nan]
    """
    frame = frame.copy()
    base = frame.loc[frame["year"] == last_observed].set_index("iso3")[columns]
    later = (frame["year"] > last_observed) & (frame["year"] <= to_year)
    for column in columns:
        frame[column] = frame[column].astype(float)
        frame.loc[later, column] = frame.loc[later, "iso3"].map(base[column]).to_numpy()
    frame["scores_carried_forward"] = later.astype(float)
    return frame


def sequencing_terms(frame: pd.DataFrame, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Sequencing terms from the liberalization, institutions and large-scale privatization scores.

    - ``gap_lib_inst`` = liberalization - institutions (index points);
    - ``gap_priv_inst`` = large-scale privatization - institutions (index points);
    - ``lib_ahead`` = 1 when liberalization >= ``threshold`` while institutions < ``threshold``;
    - ``priv_ahead`` = 1 when large-scale privatization >= ``threshold`` while institutions < ``threshold``.

    Scores are compared after rounding to two decimals (the EBRD publishes 2.67 for "3-", the
    same convention as :func:`transition.analysis.sequencing.first_year_reaching`). Terms are missing
    where an input is missing.
    """
    lib, inst, priv = (frame[c].astype(float) for c in
                       ("reform_liberalization", "reform_institutions", "ebrd_large_privatisation"))
    level = round(threshold, 2)

    def ahead(leader: pd.Series) -> pd.Series:
        value = ((leader.round(2) >= level) & (inst.round(2) < level)).astype(float)
        return value.where(leader.notna() & inst.notna())

    return frame.assign(gap_lib_inst=lib - inst, gap_priv_inst=priv - inst,
                        lib_ahead=ahead(lib), priv_ahead=ahead(priv))


def initial_conditions(tidy: pd.DataFrame, iso3: list[str] | None = None) -> pd.DataFrame:
    """Pre-transition income and years under central planning, by country.

    ``log_gdppc_1989`` = log of Maddison GDP per capita (2011 int. $) in 1989 (missing where
    the panel has no 1989 value for the present-day country: BIH, SRB, MNE);
    ``years_planning`` = 1990 - planning_start_year (``data/countries.csv``, after de Melo et al. 2001).

    Returns
    -------
    DataFrame with columns iso3, log_gdppc_1989, years_planning.
    """
    codes = iso3 or countries.study_iso3()
    gdppc = derived.series(tidy, "mad_gdppc")
    income = gdppc.xs(INITIAL_YEAR, level="year") if len(gdppc) else pd.Series(dtype=float)
    table = countries.table()
    return pd.DataFrame({
        "iso3": codes,
        "log_gdppc_1989": [np.log(income[c]) if c in income.index and income[c] > 0 else np.nan for c in codes],
        "years_planning": [float(1990 - table.loc[c, "planning_start_year"]) for c in codes],
    })


def war_indicator(frame: pd.DataFrame) -> pd.Series:
    """1.0 in a country-year of war on the country's territory (``countries.war_years``), else 0.0."""
    wars = {code: countries.war_years(code) for code in frame["iso3"].unique()}
    return pd.Series([float(year in wars[code]) for code, year in zip(frame["iso3"], frame["year"])],
                     index=frame.index, name="war")


def build_panel(tidy: pd.DataFrame, growth_source: str = GROWTH_SOURCE, carry_to: int | None = None,
                iso3: list[str] | None = None) -> pd.DataFrame:
    """One row per country-year (1989 to the last year of data) with everything the models use.

    Parameters
    ----------
    tidy : DataFrame
        The tidy panel.
    growth_source : str
        A key of :data:`GROWTH_SOURCES`.
    carry_to : int, optional
        Carry the 2006 EBRD scores forward to this year (flagged ``scores_carried_forward``);
        None leaves them missing after 2006.
    iso3 : list of str, optional
        Countries (default: the 29).

    Returns
    -------
    DataFrame with columns iso3, year, group, cis, growth, the reform variables, inflation,
    log_inflation (log(1 + inflation / 100)), war, log_gdppc_1989, years_planning,
    scores_carried_forward; sorted by iso3, year.
    """
    codes = iso3 or countries.study_iso3()
    growth = growth_rates(tidy, growth_source)
    last = int(max(growth["year"].max(), carry_to or 0, EBRD_LAST_YEAR))
    grid = pd.MultiIndex.from_product([codes, range(INITIAL_YEAR, last + 1)], names=["iso3", "year"])
    wanted = tidy[tidy["variable"].isin(REFORM_VARIABLES) & tidy["iso3"].isin(codes)]
    reforms = wanted.pivot_table(index=["iso3", "year"], columns="variable", values="value")
    reforms = reforms.reindex(columns=REFORM_VARIABLES)
    rates = derived.inflation(tidy).set_index(["iso3", "year"])["inflation"]
    frame = pd.concat([growth.set_index(["iso3", "year"])["growth"], reforms, rates], axis=1)
    frame = frame.reindex(grid).reset_index()
    frame["inflation"] = frame["inflation"].astype(float)
    frame["log_inflation"] = np.log1p(frame["inflation"].where(frame["inflation"] > -100) / 100)
    frame["war"] = war_indicator(frame)
    frame = frame.merge(initial_conditions(tidy, codes), on="iso3", how="left")
    frame["group"] = frame["iso3"].map(countries.group_of())
    frame["cis"] = (frame["group"] == "CIS").astype(float)
    if carry_to is not None:
        frame = carry_forward(frame, REFORM_VARIABLES, EBRD_LAST_YEAR, carry_to)
    else:
        frame["scores_carried_forward"] = 0.0
    return frame.sort_values(["iso3", "year"]).reset_index(drop=True)


def prepare(panel: pd.DataFrame, reform_lag: int = REFORM_LAG, max_lag: int = MAX_LAG, threshold: float = THRESHOLD,
            first_year: int = FIRST_YEAR, last_year: int = EBRD_LAST_YEAR,
            exclude_war: bool = False, iso3: list[str] | None = None) -> pd.DataFrame:
    """The estimation frame: sequencing terms and lags built on the full panel, then the sample cut.

    Lags are built before the years are cut, so growth in ``first_year`` uses reform scores of
    earlier years. Only rows with growth in [first_year, last_year] are kept (and of ``iso3``,
    and outside war years when ``exclude_war``). Lagged columns ``<var>_l<k>`` exist for
    k = 0 .. max(max_lag, reform_lag); ``carried_l<k>`` flags lagged scores that were carried forward.
    """
    frame = sequencing_terms(panel, threshold)
    lags = range(max(max_lag, reform_lag) + 1)
    frame = add_lags(frame, REFORM_VARIABLES + SEQUENCING_TERMS, lags)
    frame = frame.assign(**{f"carried_l{k}": lag(frame, "scores_carried_forward", k) for k in lags})
    keep = frame["year"].between(first_year, last_year) & frame["growth"].notna()
    if iso3 is not None:
        keep &= frame["iso3"].isin(iso3)
    if exclude_war:
        keep &= frame["war"] == 0
    return frame[keep].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Describing the sample and the sequencing gap
# --------------------------------------------------------------------------------------------

def coverage(sample: pd.DataFrame) -> pd.DataFrame:
    """Per group: countries, country-years, first and last year, mean growth and war years of a sample."""
    return sample.groupby("group").agg(countries=("iso3", "nunique"), country_years=("iso3", "size"),
                                       first=("year", "min"), last=("year", "max"),
                                       mean_growth=("growth", "mean"), war_years=("war", "sum"))


def gap_by_group(panel: pd.DataFrame, threshold: float = THRESHOLD, first_year: int = FIRST_YEAR,
                 last_year: int = EBRD_LAST_YEAR) -> pd.DataFrame:
    """Mean sequencing gaps and shares of country-years 'ahead of institutions', by broad group.

    Over the reform scores of [first_year, last_year] (no lag): mean liberalization - institutions
    gap, mean large privatization - institutions gap, share of country-years with liberalization
    (large privatization) ahead of institutions, and mean growth.
    """
    frame = sequencing_terms(panel, threshold)
    frame = frame[frame["year"].between(first_year, last_year) & frame["gap_lib_inst"].notna()]
    frame = frame.assign(broad_group=frame["group"].map(countries.BROAD_GROUP))
    result = frame.groupby("broad_group").agg(
        countries=("iso3", "nunique"), country_years=("iso3", "size"),
        mean_gap_lib_inst=("gap_lib_inst", "mean"), mean_gap_priv_inst=("gap_priv_inst", "mean"),
        share_lib_ahead=("lib_ahead", "mean"), share_priv_ahead=("priv_ahead", "mean"),
        mean_growth=("growth", "mean"))
    order = [g for g in countries.BROAD_ORDER if g in result.index]
    return result.reindex(order).reset_index()


def gap_paths(panel: pd.DataFrame, last_year: int = EBRD_LAST_YEAR) -> pd.DataFrame:
    """Mean liberalization - institutions gap by broad group and year (years up to ``last_year``)."""
    frame = sequencing_terms(panel)
    frame = frame[(frame["year"] <= last_year) & frame["gap_lib_inst"].notna()]
    frame = frame.assign(broad_group=frame["group"].map(countries.BROAD_GROUP))
    return (frame.groupby(["broad_group", "year"])["gap_lib_inst"].mean()
            .rename("mean_gap_lib_inst").reset_index())
