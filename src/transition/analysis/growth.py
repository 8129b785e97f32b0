"""Reforms and growth: panel regressions of real GDP growth on lagged EBRD reform indices (claims C1, C2).

The notebook ``04_reforms_and_growth`` calls this module for everything it computes:

- :func:`build_panel` assembles one row per country-year (1989 to the last year of data): annual
  real GDP growth from the chosen source, the reform indices, log inflation, a war dummy, the
  initial conditions and, when asked, EBRD scores carried forward after 2006 (flagged);
- :func:`lag` / :func:`add_lags` build lags that respect panel gaps (the lag of year t is the value
  of the same country in t - k, missing when that year is missing);
- :func:`sequencing_terms` adds the sequencing terms (liberalization, or large-scale privatization,
  ahead of market institutions), in the spirit of Staehr (2005);
- :func:`design_matrix` and :func:`fit_model` estimate one model: pooled OLS with year effects
  (statsmodels) or country and year fixed effects (linearmodels ``PanelOLS``), standard errors
  clustered by country, p-values from Student's t with (countries - 1) degrees of freedom;
- :func:`linear_combination` gives the cumulative (distributed-lag) effect and its standard error;
- :func:`fit_models`, :func:`run_robustness`, :func:`robust_effects` fit the model list, the
  robustness specifications and apply the rule that calls an effect robust.

References
----------
Staehr, K. (2005), "Reforms and Economic Growth in Transition Economies: Complementarity,
Sequencing and Speed", The European Journal of Comparative Economics 2(2), 177-202 (earlier as
BOFIT Discussion Papers 2003 No. 1).
de Melo, M., Denizer, C., Gelb, A. and Tenev, S. (2001), "Circumstance and Choice: The Role of
Initial Conditions and Policies in Transition Economies", World Bank Economic Review 15(1).

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"iso3": ["A", "A", "A"], "year": [1990, 1991, 1993], "x": [1.0, 2.0, 4.0]})
>>> lag(frame, "x", 1).tolist()          # 1992 is missing, so the lag of 1993 is missing
[nan, 1.0, nan]
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from scipy import stats

from transition.data import countries, derived
from transition.data.vocabulary import EBRD_LAST_YEAR, GROWTH_SOURCES

#: Registry source id of each growth source (for figure source notes).
GROWTH_SOURCE_IDS = {"wdi": "gapminder_wdi", "weo": "imf_weo_2019_04", "pwt": "pwt_10_01",
                     "maddison": "maddison_2023", "wdi_levels": "gapminder_wdi"}
#: Reform variables used as regressors (EBRD scores 1-4.33).
REFORM_VARIABLES = ["reform_ebrd_average", "reform_liberalization", "reform_privatization",
                    "reform_institutions", "ebrd_large_privatisation"]
#: Sequencing terms built by :func:`sequencing_terms`.
SEQUENCING_TERMS = ["gap_lib_inst", "gap_priv_inst", "lib_ahead", "priv_ahead"]
#: Year of the initial conditions (income before the transition).
INITIAL_YEAR = 1989
#: First year of the regressions (growth in 1990 uses 1989 reform scores at lag 1).
FIRST_YEAR = 1990
EFFECTS = ("country_year", "year")
#: Readable names of the regressors, for tables and figures.
TERM_LABELS = {
    "reform_ebrd_average": "EBRD average",
    "reform_liberalization": "Liberalization",
    "reform_privatization": "Privatization",
    "reform_institutions": "Market institutions",
    "gap_lib_inst": "Gap: liberalization - institutions",
    "gap_priv_inst": "Gap: large privatization - institutions",
    "lib_ahead": "Liberalization ahead of institutions (dummy)",
    "priv_ahead": "Large privatization ahead of institutions (dummy)",
    "log_inflation": "log(1 + inflation)",
    "war": "War year",
    "log_gdppc_1989": "log GDP per capita 1989",
    "years_planning": "Years under central planning",
}




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


def growth_from_levels(levels: pd.DataFrame) -> pd.DataFrame:
    """Annual growth (%) from a level series: 100 * (L_t / L_{t-1} - 1), missing across gaps.

    Parameters
    ----------
    levels : DataFrame with columns iso3, year, value

    Returns
    -------
    DataFrame with columns iso3, year, growth (NaN where the previous year is missing or not positive).
    """
    previous = lag(levels, "value", 1)
    ratio = levels["value"] / previous.where(previous > 0)
    return levels[["iso3", "year"]].assign(growth=100 * (ratio - 1)).reset_index(drop=True)


def growth_rates(tidy: pd.DataFrame, source: str = "wdi") -> pd.DataFrame:
    """Annual real GDP growth (%) by country-year from one source.

    Published rates (``wdi``: WDI NY.GDP.MKTP.KD.ZG via Gapminder, ends 2013; ``weo``: IMF WEO
    April 2019, observed years to 2018) are taken as they are; level sources (``pwt``,
    ``maddison``, ``wdi_levels``) are turned into growth with :func:`growth_from_levels`. The
    panel already drops years before a change of country definition (BIH, SRB, MNE), so growth
    never spans a break.

    Returns
    -------
    DataFrame with columns iso3, year, growth.
    """
    if source not in GROWTH_SOURCES:
        raise ValueError(f"growth source must be one of {sorted(GROWTH_SOURCES)}, not {source!r}")
    variable, kind = GROWTH_SOURCES[source]
    rows = tidy.loc[tidy["variable"] == variable, ["iso3", "year", "value"]].dropna()
    rows = rows.astype({"year": "int64"}).sort_values(["iso3", "year"]).reset_index(drop=True)
    if kind == "rate":
        result = rows.rename(columns={"value": "growth"})
    else:
        result = growth_from_levels(rows).dropna(subset=["growth"])
    return result.reset_index(drop=True)


def carry_forward(frame: pd.DataFrame, columns: list[str], last_observed: int = EBRD_LAST_YEAR,
                  to_year: int = 2019) -> pd.DataFrame:
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


def sequencing_terms(frame: pd.DataFrame, threshold: float = 3.0) -> pd.DataFrame:
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


def build_panel(tidy: pd.DataFrame, growth_source: str = "wdi", carry_to: int | None = None,
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


def prepare(panel: pd.DataFrame, reform_lag: int = 1, max_lag: int = 3, threshold: float = 3.0,
            first_year: int = FIRST_YEAR, last_year: int = EBRD_LAST_YEAR,
            exclude_war: bool = False, iso3: list[str] | None = None) -> pd.DataFrame:
    """The estimation frame: sequencing terms and lags built on the full panel, then the sample cut.

    Lags are built before the years are cut, so growth in ``first_year`` uses reform scores of
    earlier years. Only rows with growth in [first_year, last_year] are kept (and of ``iso3``,
    and outside war years when ``exclude_war``). Lagged columns ``<var>_l<k>`` exist for
    k = 0 .. max(max_lag, reform_lag); ``carried_l<k>`` flags lagged scores that were carried forward.
    """
    frame = sequencing_terms(panel, threshold)
    lags = range(0, max(max_lag, reform_lag) + 1)
    frame = add_lags(frame, REFORM_VARIABLES + SEQUENCING_TERMS, lags)
    frame = frame.assign(**{f"carried_l{k}": lag(frame, "scores_carried_forward", k) for k in lags})
    keep = frame["year"].between(first_year, last_year) & frame["growth"].notna()
    if iso3 is not None:
        keep &= frame["iso3"].isin(iso3)
    if exclude_war:
        keep &= frame["war"] == 0
    return frame[keep].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Estimation
# --------------------------------------------------------------------------------------------

def design_matrix(frame: pd.DataFrame, outcome: str, terms: list[str], effects: str = "country_year"):
    """Outcome vector, regressors and cluster ids for one model, on complete cases.

    Parameters
    ----------
    frame : DataFrame with iso3, year, ``outcome`` and ``terms``.
    outcome : str
    terms : list of str
    effects : {"country_year", "year"}
        ``"country_year"``: y and X indexed by (iso3, year), no constant (the effects are absorbed
        by ``PanelOLS``). ``"year"``: X gets a constant and one dummy per year but the first
        (``year_<yyyy>``), for pooled OLS.

    Returns
    -------
    (y, X, groups): Series, DataFrame, Series of iso3 codes (the clusters), same row order.
    """
    if effects not in EFFECTS:
        raise ValueError(f"effects must be one of {EFFECTS}, not {effects!r}")
    missing = [c for c in [outcome, *terms] if c not in frame.columns]
    if missing:
        raise ValueError(f"columns not in the frame: {missing}")
    data = frame.dropna(subset=[outcome, *terms]).sort_values(["iso3", "year"])
    if data.empty:
        raise ValueError(f"no complete observations for {outcome} ~ {' + '.join(terms)}")
    y, X = data[outcome].astype(float), data[terms].astype(float)
    if effects == "country_year":
        index = pd.MultiIndex.from_arrays([data["iso3"], data["year"]], names=["iso3", "year"])
        y.index, X.index = index, index
    else:
        years = pd.get_dummies(data["year"], prefix="year", drop_first=True, dtype=float)
        X = pd.concat([pd.Series(1.0, index=data.index, name="const"), X, years], axis=1)
    groups = pd.Series(data["iso3"].to_numpy(), index=y.index, name="iso3")
    return y, X, groups


@dataclass
class Fit:
    """One estimated model: coefficients, clustered covariance and the sample it used.

    p-values use Student's t with ``n_countries - 1`` degrees of freedom (few clusters).
    """

    params: pd.Series
    cov: pd.DataFrame
    nobs: int
    n_countries: int
    first_year: int
    last_year: int
    effects: str
    terms: list[str]
    n_carried: int = 0
    dropped: list[str] = field(default_factory=list)

    @property
    def df(self) -> int:
        return max(self.n_countries - 1, 1)

    @property
    def se(self) -> pd.Series:
        return pd.Series(np.sqrt(np.diag(self.cov)), index=self.params.index)

    @property
    def pvalues(self) -> pd.Series:
        return pd.Series(2 * stats.t.sf(np.abs(self.params / self.se), self.df), index=self.params.index)


def fit_model(frame: pd.DataFrame, outcome: str, terms: list[str], effects: str = "country_year",
              lag_for_flag: int | None = None) -> Fit:
    """Estimate ``outcome`` on ``terms`` with country-clustered standard errors.

    ``effects="country_year"``: linearmodels ``PanelOLS`` with entity and time effects,
    ``cov_type="clustered"`` by entity with the small-sample corrections (N-1)/(N-K) and G/(G-1).
    ``effects="year"``: statsmodels OLS with a constant and year dummies, cluster-robust
    covariance by country (same corrections). Terms without variation in the sample (e.g. the war
    dummy when war years are excluded) are dropped first and listed in ``Fit.dropped``.

    ``lag_for_flag``: count observations whose lagged reform score (``carried_l<k>``) was carried forward.
    """
    import statsmodels.api as sm
    from linearmodels.panel import PanelOLS
    from linearmodels.panel.utility import AbsorbingEffectWarning

    complete = frame.dropna(subset=[outcome, *terms])
    dropped = [t for t in terms if complete[t].nunique() < 2]
    used = [t for t in terms if t not in dropped]
    y, X, groups = design_matrix(frame, outcome, used, effects)
    if effects == "country_year":
        with warnings.catch_warnings():  # absorbed terms are recorded in Fit.dropped instead
            warnings.simplefilter("ignore", AbsorbingEffectWarning)
            result = PanelOLS(y, X, entity_effects=True, time_effects=True, drop_absorbed=True).fit(
                cov_type="clustered", cluster_entity=True, debiased=True, group_debias=True)
        params, cov = result.params, result.cov
        dropped += [t for t in used if t not in params.index]
    else:
        result = sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(groups)[0]})
        params, cov = result.params, result.cov_params()
    years = y.index.get_level_values("year") if effects == "country_year" else frame.loc[y.index, "year"]
    n_carried = 0
    if lag_for_flag is not None and f"carried_l{lag_for_flag}" in frame.columns:
        flags = frame.loc[complete.index, f"carried_l{lag_for_flag}"]
        n_carried = int((flags == 1).sum())
    return Fit(params=params, cov=cov, nobs=int(len(y)), n_countries=int(groups.nunique()),
               first_year=int(min(years)), last_year=int(max(years)), effects=effects,
               terms=[t for t in terms if t not in dropped], n_carried=n_carried, dropped=dropped)


def linear_combination(fit: Fit, weights: dict[str, float]) -> dict[str, float]:
    """Estimate, standard error and p-value of sum(w_j * b_j) (e.g. the cumulative lag effect).

    SE = sqrt(w' V w) from the clustered covariance; the p-value is the t-test (Wald test with
    one restriction) with ``fit.df`` degrees of freedom.
    """
    unknown = [term for term in weights if term not in fit.params.index]
    if unknown:
        raise ValueError(f"terms not in the model: {unknown}")
    w = pd.Series(0.0, index=fit.params.index)
    for term, weight in weights.items():
        w[term] = weight
    estimate = float(w @ fit.params)
    se = float(np.sqrt(w.to_numpy() @ fit.cov.loc[w.index, w.index].to_numpy() @ w.to_numpy()))
    pvalue = float(2 * stats.t.sf(abs(estimate / se), fit.df)) if se > 0 else float("nan")
    return {"estimate": estimate, "se": se, "pvalue": pvalue}


def sample_label(fit: Fit, growth_source: str, note: str = "") -> str:
    """Plain description of a model's sample: years, countries, growth source, flags."""
    label = f"{fit.first_year}-{fit.last_year}; {fit.n_countries} countries; growth: {growth_source}"
    if note:
        label += f"; {note}"
    if fit.n_carried:
        label += f"; EBRD scores after {EBRD_LAST_YEAR} carried forward ({fit.n_carried} obs)"
    return label


def tidy_fit(fit: Fit, model: str, sample: str) -> pd.DataFrame:
    """One row per reported term: model, term, coef, se, pvalue, nobs, sample (no constant, no year dummies)."""
    terms = fit.terms
    return pd.DataFrame({"model": model, "term": terms, "coef": fit.params[terms].to_numpy(),
                         "se": fit.se[terms].to_numpy(), "pvalue": fit.pvalues[terms].to_numpy(),
                         "nobs": fit.nobs, "sample": sample})


# --------------------------------------------------------------------------------------------
# The model list, the robustness specifications and the robustness rule
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Config:
    """The notebook's parameters that shape the regressions."""

    growth_source: str = "wdi"
    reform_lag: int = 1
    max_lag: int = 3
    threshold: float = 3.0
    first_year: int = FIRST_YEAR
    last_year: int = EBRD_LAST_YEAR
    extended_last_year: int = 2019
    exclude_iso3: tuple = ()
    alpha: float = 0.05
    robust_share: float = 0.75

    @property
    def iso3(self) -> list[str]:
        return [c for c in countries.study_iso3() if c not in self.exclude_iso3]


CONTROLS = ["log_inflation", "war"]


def model_specs(reform_lag: int = 1, max_lag: int = 3) -> dict[str, dict]:
    """The models of the notebook: name -> terms, effects, description.

    - ``pooled_initial``: pooled OLS with year effects; lagged EBRD average, controls and the
      time-invariant initial conditions (they would be absorbed by country effects);
    - ``fe_main``: country and year effects; lagged EBRD average and controls (the main model);
    - ``fe_areas``: the three reform areas instead of the average;
    - ``fe_distributed_lag``: EBRD average at lags 0..K (cumulative effect = sum of the lags);
    - ``fe_sequencing_gap``: plus the gaps liberalization - institutions and large privatization - institutions;
    - ``fe_sequencing_ahead``: plus the dummies "liberalization (large privatization) ahead of institutions".
    """
    L = reform_lag
    return {
        "pooled_initial": {"terms": [f"reform_ebrd_average_l{L}", *CONTROLS, "log_gdppc_1989", "years_planning"],
                           "effects": "year", "description": "pooled OLS, year effects, initial conditions"},
        "fe_main": {"terms": [f"reform_ebrd_average_l{L}", *CONTROLS], "effects": "country_year",
                    "description": "country and year fixed effects"},
        "fe_areas": {"terms": [f"reform_liberalization_l{L}", f"reform_privatization_l{L}",
                               f"reform_institutions_l{L}", *CONTROLS], "effects": "country_year",
                     "description": "country and year FE, reform areas"},
        "fe_distributed_lag": {"terms": [*[f"reform_ebrd_average_l{k}" for k in range(max_lag + 1)], *CONTROLS],
                               "effects": "country_year", "description": f"country and year FE, lags 0-{max_lag}"},
        "fe_sequencing_gap": {"terms": [f"reform_ebrd_average_l{L}", f"gap_lib_inst_l{L}", f"gap_priv_inst_l{L}",
                                        *CONTROLS], "effects": "country_year",
                              "description": "country and year FE, sequencing gaps (index points)"},
        "fe_sequencing_ahead": {"terms": [f"reform_ebrd_average_l{L}", f"lib_ahead_l{L}", f"priv_ahead_l{L}",
                                          *CONTROLS], "effects": "country_year",
                                "description": "country and year FE, 'ahead of institutions' dummies"},
    }


def cumulative_terms(max_lag: int) -> dict[str, float]:
    """Weights of the cumulative distributed-lag effect: 1 on each EBRD-average lag 0..K."""
    return {f"reform_ebrd_average_l{k}": 1.0 for k in range(max_lag + 1)}


def fit_models(panel: pd.DataFrame, config: Config) -> tuple[dict[str, Fit], pd.DataFrame]:
    """Fit every model of :func:`model_specs` on the main sample.

    Returns
    -------
    (fits, table): fits by model name; the tidy table (model, term, coef, se, pvalue, nobs,
    sample) including a ``cumulative_reform_ebrd_average_l0_<K>`` row for the distributed-lag model.
    """
    frame = prepare(panel, config.reform_lag, config.max_lag, config.threshold, config.first_year,
                    config.last_year, iso3=config.iso3)
    fits, rows = {}, []
    for name, spec in model_specs(config.reform_lag, config.max_lag).items():
        fit = fit_model(frame, "growth", spec["terms"], spec["effects"], lag_for_flag=config.reform_lag)
        fits[name] = fit
        sample = sample_label(fit, config.growth_source)
        rows.append(tidy_fit(fit, name, sample))
        if name == "fe_distributed_lag":
            combo = linear_combination(fit, cumulative_terms(config.max_lag))
            rows.append(pd.DataFrame([{"model": name, "term": f"cumulative_reform_ebrd_average_l0_{config.max_lag}",
                                       "coef": combo["estimate"], "se": combo["se"], "pvalue": combo["pvalue"],
                                       "nobs": fit.nobs, "sample": sample}]))
    return fits, pd.concat(rows, ignore_index=True)


@dataclass(frozen=True)
class Variant:
    """One robustness specification: what changes from the baseline, and which models it refits."""

    name: str
    label: str
    kind: str
    changes: tuple = ()
    models: tuple = ("main", "sequencing")


def robustness_variants(config: Config) -> list[Variant]:
    """The robustness specifications, computed from the baseline parameters.

    Baseline; other lags (1-3 without the baseline's); thresholds one EBRD step (1/3) below and
    above (only the sequencing model depends on it); CIS only and the rest; each other growth
    source; war years excluded; pooled OLS with year effects instead of country effects; the
    sample extended to ``extended_last_year`` with 2006 scores carried forward; the later years alone
    (2007 on) in pooled OLS with year effects: with scores frozen at their 2006 values, country effects
    would absorb them, so this is a cross-country comparison. The labels of the last two state the
    years the data actually cover (e.g. WDI growth ends in 2013).
    """
    variants = [Variant("baseline", "baseline", "baseline")]
    for k in (1, 2, 3):
        if k != config.reform_lag:
            variants.append(Variant(f"lag_{k}", f"reform lag {k}", "lag", (("reform_lag", k),)))
    for step in (-1, 1):  # one step of the EBRD scale (thirds), snapped to the grid: 2.67 -> 2.33 and 3.00
        value = round(round(config.threshold * 3 + step) / 3, 2)
        if 1.0 < value <= 4.33:
            variants.append(Variant(f"threshold_{value:.2f}", f"threshold {value:.2f}", "threshold",
                                    (("threshold", value),), models=("sequencing",)))
    variants += [Variant("cis_only", "CIS only", "countries", (("subset", "cis"),)),
                 Variant("non_cis", "non-CIS (rest)", "countries", (("subset", "non_cis"),))]
    for source in GROWTH_SOURCES:
        if source != config.growth_source:
            variants.append(Variant(f"growth_{source}", f"growth: {source}", "growth source",
                                    (("growth_source", source),)))
    variants += [Variant("no_war_years", "war years excluded", "sample", (("exclude_war", True),)),
                 Variant("pooled_year_effects", "pooled OLS, year effects", "estimator", (("effects", "year"),)),
                 Variant("carried_forward", f"{config.first_year}-{config.extended_last_year}, scores carried forward",
                         "period", (("carry_to", config.extended_last_year),)),
                 Variant("later_years_pooled", f"{EBRD_LAST_YEAR + 1}-{config.extended_last_year} only, pooled, carried forward",
                         "period", (("carry_to", config.extended_last_year), ("first_year", EBRD_LAST_YEAR + 1),
                                    ("effects", "year")))]
    return variants


def _robustness_terms(reform_lag: int) -> dict[str, list[str]]:
    L = reform_lag
    return {"main": [f"reform_ebrd_average_l{L}", *CONTROLS],
            "sequencing": [f"reform_ebrd_average_l{L}", f"lib_ahead_l{L}", f"priv_ahead_l{L}", *CONTROLS]}


def run_robustness(tidy: pd.DataFrame, config: Config, panels: dict | None = None) -> pd.DataFrame:
    """Refit the main and sequencing models under every :func:`robustness_variants` specification.

    Parameters
    ----------
    tidy : DataFrame
        The tidy panel (panels for other growth sources are built from it).
    config : Config
    panels : dict, optional
        Cache of built panels keyed by (growth_source, carry_to); filled as needed.

    Returns
    -------
    Tidy DataFrame: spec, spec_label, kind, model (``robustness/<spec>/<main|sequencing>``),
    term, coef, se, pvalue, nobs, n_countries, sample.
    """
    panels = {} if panels is None else panels
    group = countries.group_of()
    rows = []
    for variant in robustness_variants(config):
        changes = dict(variant.changes)
        source = changes.get("growth_source", config.growth_source)
        carry = changes.get("carry_to")
        key = (source, carry)
        if key not in panels:
            panels[key] = build_panel(tidy, source, carry_to=carry, iso3=config.iso3)
        subset, note = config.iso3, ""
        if changes.get("subset") == "cis":
            subset, note = [c for c in config.iso3 if group[c] == "CIS"], "CIS only"
        elif changes.get("subset") == "non_cis":
            subset, note = [c for c in config.iso3 if group[c] != "CIS"], "non-CIS"
        if changes.get("exclude_war"):
            note = "war years excluded"
        if changes.get("effects") == "year":
            note = "pooled OLS with year effects"
        reform_lag = changes.get("reform_lag", config.reform_lag)
        frame = prepare(panels[key], reform_lag, config.max_lag, changes.get("threshold", config.threshold),
                        changes.get("first_year", config.first_year), carry or config.last_year,
                        changes.get("exclude_war", False), subset)
        if "threshold" in changes:
            note = f"threshold {changes['threshold']:.2f}"
        label = variant.label
        for model in variant.models:
            fit = fit_model(frame, "growth", _robustness_terms(reform_lag)[model],
                            changes.get("effects", "country_year"), lag_for_flag=reform_lag)
            if carry is not None:  # say which years the data cover, not which were asked for
                label = f"{fit.first_year}-{fit.last_year}, scores carried forward" + (
                    " (pooled)" if changes.get("effects") == "year" else "")
            table = tidy_fit(fit, f"robustness/{variant.name}/{model}", sample_label(fit, source, note))
            rows.append(table.assign(spec=variant.name, spec_label=label, kind=variant.kind,
                                     n_countries=fit.n_countries))
    columns = ["spec", "spec_label", "kind", "model", "term", "coef", "se", "pvalue", "nobs", "n_countries", "sample"]
    return pd.concat(rows, ignore_index=True)[columns]


def generic_term(term: str) -> str:
    """A term without its lag suffix: ``reform_ebrd_average_l2`` -> ``reform_ebrd_average``."""
    return re.sub(r"_l\d+$", "", term)


#: Terms the robustness rule judges, and the model each is read from.
KEY_TERMS = [("main", "reform_ebrd_average"), ("main", "log_inflation"), ("main", "war"),
             ("sequencing", "lib_ahead"), ("sequencing", "priv_ahead")]


def robust_effects(robustness: pd.DataFrame, alpha: float = 0.05, share: float = 0.75) -> pd.DataFrame:
    """Apply the robustness rule to each key term across the specifications that estimate it.

    Rule: an effect is **robust** when its coefficient has the baseline's sign in every
    specification and p < ``alpha`` in at least ``share`` of them; **same sign, not robustly
    significant** when the sign never changes but fewer are significant; **not robust** when the
    sign changes.

    Returns
    -------
    DataFrame with columns term, model, n_specs, baseline_coef, baseline_pvalue, n_same_sign,
    n_significant (same sign and p < alpha), share_significant, min_coef, max_coef,
    opposite_sign_specs (labels of the specifications whose sign differs from the baseline), verdict.
    """
    rows = []
    frame = robustness.assign(generic=robustness["term"].map(generic_term),
                              family=robustness["model"].str.rsplit("/", n=1).str[-1])
    for model, term in KEY_TERMS:
        part = frame[(frame["family"] == model) & (frame["generic"] == term)]
        if part.empty:
            continue
        base = part[part["spec"] == "baseline"]
        if base.empty:
            continue
        sign = np.sign(base["coef"].iloc[0])
        same = np.sign(part["coef"]) == sign
        significant = same & (part["pvalue"] < alpha)
        n = len(part)
        share_sig = significant.sum() / n
        if same.all() and share_sig >= share:
            verdict = "robust"
        elif same.all():
            verdict = "same sign, not robustly significant"
        else:
            verdict = "not robust"
        rows.append({"term": term, "model": model, "n_specs": n, "baseline_coef": base["coef"].iloc[0],
                     "baseline_pvalue": base["pvalue"].iloc[0], "n_same_sign": int(same.sum()),
                     "n_significant": int(significant.sum()), "share_significant": share_sig,
                     "min_coef": part["coef"].min(), "max_coef": part["coef"].max(),
                     "opposite_sign_specs": "; ".join(part.loc[~same, "spec_label"]) if "spec_label" in part else
                     "; ".join(part.loc[~same, "spec"]), "verdict": verdict})
    return pd.DataFrame(rows)


def robustness_statement(verdicts: pd.DataFrame, alpha: float, share: float) -> str:
    """One plain sentence per verdict class, rendered from :func:`robust_effects`."""
    parts = []
    for verdict in ("robust", "same sign, not robustly significant", "not robust"):
        rows = verdicts[verdicts["verdict"] == verdict]
        if rows.empty:
            continue
        items = "; ".join(
            f"{TERM_LABELS.get(r.term, r.term)} ({'+' if r.baseline_coef > 0 else '-'}, p < {alpha:g} in "
            f"{r.n_significant} of {r.n_specs}, same sign in {r.n_same_sign}"
            + (f"; opposite sign: {r.opposite_sign_specs}" if r.opposite_sign_specs else "") + ")"
            for r in rows.itertuples())
        parts.append(f"**{verdict.capitalize()}**: {items}.")
    rule = (f"Rule: robust = the baseline's sign in every specification and p < {alpha:g} in at least "
            f"{share:.0%} of them.")
    return " ".join(parts + [rule])


# --------------------------------------------------------------------------------------------
# Tables for reading, and descriptive statistics of the sequencing gap
# --------------------------------------------------------------------------------------------

def _stars(p: float) -> str:
    return "***" if p < 0.01 else "**" if p < 0.05 else "*" if p < 0.1 else ""


def term_label(term: str) -> str:
    """Readable name of a (lagged) term: ``reform_ebrd_average_l1`` -> 'EBRD average (t-1)'."""
    match = re.match(r"^(.*)_l(\d+)$", term)
    if match and match.group(1) in TERM_LABELS:
        k = int(match.group(2))
        return f"{TERM_LABELS[match.group(1)]} ({'t' if k == 0 else f't-{k}'})"
    if term.startswith("cumulative_"):
        return "Cumulative effect (sum of lags)"
    return TERM_LABELS.get(term, term)


def regression_table(table: pd.DataFrame, fits: dict[str, Fit], digits: int = 2) -> pd.DataFrame:
    """A readable regression table: terms x models, 'coef stars (se)', plus N, countries, effects.

    Stars: * p < 0.1, ** p < 0.05, *** p < 0.01.
    """
    models = list(dict.fromkeys(table["model"]))
    terms = list(dict.fromkeys(table["term"]))
    order = sorted(terms, key=lambda t: (t.startswith("cumulative_"), t in ("log_inflation", "war",
                                         "log_gdppc_1989", "years_planning"), terms.index(t)))
    cells = table.assign(cell=[f"{c:.{digits}f}{_stars(p)} ({s:.{digits}f})"
                               for c, s, p in zip(table["coef"], table["se"], table["pvalue"])])
    wide = cells.pivot(index="term", columns="model", values="cell").reindex(index=order, columns=models).fillna("")
    wide.index = [term_label(t) for t in wide.index]
    effects = {"country_year": "country + year", "year": "year only"}
    extra = pd.DataFrame({m: [str(fits[m].nobs), str(fits[m].n_countries), effects[fits[m].effects]] for m in models},
                         index=["Observations", "Countries", "Fixed effects"])
    return pd.concat([wide, extra]).rename_axis("term")


def gap_by_group(panel: pd.DataFrame, threshold: float = 3.0, first_year: int = FIRST_YEAR,
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


def lag_profile(fit: Fit, max_lag: int) -> pd.DataFrame:
    """Coefficients of the EBRD average at lags 0..K and the cumulative sum, with 95% intervals."""
    rows = []
    crit = stats.t.ppf(0.975, fit.df)
    for k in range(max_lag + 1):
        term = f"reform_ebrd_average_l{k}"
        rows.append({"lag": str(k), "coef": fit.params[term], "se": fit.se[term], "pvalue": fit.pvalues[term]})
    combo = linear_combination(fit, cumulative_terms(max_lag))
    rows.append({"lag": f"sum 0-{max_lag}", "coef": combo["estimate"], "se": combo["se"], "pvalue": combo["pvalue"]})
    frame = pd.DataFrame(rows)
    return frame.assign(low=frame["coef"] - crit * frame["se"], high=frame["coef"] + crit * frame["se"])


def config_from(**params) -> Config:
    """A :class:`Config` from the notebook's parameters (unknown keys such as output_dir ignored)."""
    fields = {f for f in Config.__dataclass_fields__}
    values = {k: v for k, v in params.items() if k in fields}
    if "exclude_iso3" in values:
        values["exclude_iso3"] = tuple(values["exclude_iso3"])
    return replace(Config(), **values)


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------

def plot_gap_paths(paths: pd.DataFrame):
    """Line chart: mean liberalization - institutions gap by broad group and year (from :func:`gap_paths`)."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from transition.present.style import GROUP_COLORS

    fig, ax = plt.subplots(figsize=(8, 4.5))
    for group in countries.BROAD_ORDER:
        part = paths[paths["broad_group"] == group]
        if len(part):
            ax.plot(part["year"], part["mean_gap_lib_inst"], marker="o", ms=3, lw=2 if group in ("CIS", "CEE & Baltics") else 1,
                    color=GROUP_COLORS.get(group, "0.4"), label=group)
    ax.axhline(0, color="0.5", lw=0.8)
    ax.set(title="Gap between liberalization and market institutions, by group",
           xlabel="year", ylabel="liberalization - institutions (EBRD index points)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(title="group (mean of countries)", frameon=False)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def plot_lag_profile(profile: pd.DataFrame):
    """Point-and-interval chart of the distributed-lag coefficients and their sum (from :func:`lag_profile`)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2))
    x = np.arange(len(profile))
    colors = ["#34495e"] * (len(profile) - 1) + ["#c0392b"]
    for position, row, color in zip(x, profile.itertuples(), colors):
        ax.errorbar(position, row.coef, yerr=[[row.coef - row.low], [row.high - row.coef]], fmt="o", color=color,
                    capsize=4, label="sum of lags (cumulative)" if color == "#c0392b" else None)
    ax.axhline(0, color="0.5", lw=0.8)
    ax.set_xticks(x, [f"lag {lag}" if not lag.startswith("sum") else lag for lag in profile["lag"]])
    ax.set(title="EBRD average and growth: short-run and cumulative effects (country + year FE)",
           xlabel="years between reform score and growth",
           ylabel="growth effect (pp per EBRD point), 95% CI")
    ax.legend(frameon=False, loc="best")
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def plot_robustness(robustness: pd.DataFrame, panels=(("main", "reform_ebrd_average"), ("sequencing", "lib_ahead"))):
    """Coefficient plot of key terms across the robustness specifications (95% CI, t with countries - 1 df)."""
    import matplotlib.pyplot as plt

    from transition.present.style import GROUP_COLORS

    frame = robustness.assign(generic=robustness["term"].map(generic_term),
                              family=robustness["model"].str.rsplit("/", n=1).str[-1])
    specs = list(dict.fromkeys(frame["spec_label"]))
    fig, axes = plt.subplots(1, len(panels), figsize=(6 * len(panels), 0.38 * len(specs) + 1.8), sharey=True)
    axes = np.atleast_1d(axes)
    colors = {"CIS only": GROUP_COLORS["CIS"], "non-CIS (rest)": GROUP_COLORS["CEE & Baltics"], "baseline": "black"}
    for ax, (family, term) in zip(axes, panels):
        part = frame[(frame["family"] == family) & (frame["generic"] == term)].set_index("spec_label")
        for position, spec in enumerate(specs):
            if spec not in part.index:
                ax.text(0, position, "  not affected by this change", color="0.5", fontsize=8, style="italic",
                        va="center")
                continue
            row = part.loc[spec]
            half = stats.t.ppf(0.975, max(int(row["n_countries"]) - 1, 1)) * row["se"]
            ax.errorbar(row["coef"], position, xerr=half, fmt="o", capsize=3, color=colors.get(spec, "0.45"),
                        mfc="white" if row["pvalue"] >= 0.05 else None)
        ax.axvline(0, color="0.5", lw=0.8)
        ax.set(title=f"{TERM_LABELS[term]}\n({'main' if family == 'main' else 'sequencing'} model)",
               xlabel="effect on annual growth (pp per EBRD point)" if term.startswith("reform") else "effect on annual growth (pp)")
    axes[0].set_yticks(range(len(specs)), specs)
    axes[0].invert_yaxis()
    axes[0].set_ylabel("specification")
    fig.suptitle("Robustness: coefficients with 95% intervals (filled = p < 0.05)", y=1.0)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


# --------------------------------------------------------------------------------------------
# Headline numbers and the findings text
# --------------------------------------------------------------------------------------------

def _row(table: pd.DataFrame, model: str, term: str) -> pd.Series:
    match = table[(table["model"] == model) & (table["term"] == term)]
    if match.empty:
        return pd.Series({"coef": np.nan, "se": np.nan, "pvalue": np.nan})
    return match.iloc[0]


def _spec_row(robustness: pd.DataFrame, spec: str, family: str, term: str) -> pd.Series | None:
    part = robustness[(robustness["spec"] == spec) & robustness["model"].str.endswith(f"/{family}")
                      & (robustness["term"].map(generic_term) == term)]
    return part.iloc[0] if len(part) else None


def headlines(fits: dict[str, Fit], table: pd.DataFrame, robustness: pd.DataFrame, verdicts: pd.DataFrame,
              gaps: pd.DataFrame, config: Config) -> list[tuple]:
    """Headline numbers as (key, value, unit, description) tuples, for ``Outputs.headline``."""
    L, K = config.reform_lag, config.max_lag
    pp = "percentage points of annual growth"
    out = []

    def coef(key, model, term, unit, what):
        row = _row(table, model, term)
        out.append((f"{key}_coef", row["coef"], unit, f"{what}: coefficient ({model}, {term})"))
        out.append((f"{key}_pvalue", row["pvalue"], "p-value", f"{what}: p-value, SE clustered by country ({model})"))

    coef("fe_reform", "fe_main", f"reform_ebrd_average_l{L}", f"{pp} per EBRD point",
         f"EBRD average lagged {L} year(s), country and year fixed effects")
    out.append(("fe_reform_se", _row(table, "fe_main", f"reform_ebrd_average_l{L}")["se"], f"{pp} per EBRD point",
                "EBRD average, main FE model: standard error clustered by country"))
    coef("pooled_reform", "pooled_initial", f"reform_ebrd_average_l{L}", f"{pp} per EBRD point",
         f"EBRD average lagged {L} year(s), pooled OLS with year effects and initial conditions")
    coef("pooled_log_gdppc_1989", "pooled_initial", "log_gdppc_1989", f"{pp} per log point",
         "log Maddison GDP per capita 1989 (pooled model)")
    coef("pooled_years_planning", "pooled_initial", "years_planning", f"{pp} per year",
         "years under central planning (pooled model)")
    coef("dl_reform_lag0", "fe_distributed_lag", "reform_ebrd_average_l0", f"{pp} per EBRD point",
         "contemporaneous (short-run) EBRD-average effect in the distributed-lag model")
    coef("cumulative_reform", "fe_distributed_lag", f"cumulative_reform_ebrd_average_l0_{K}", f"{pp} per EBRD point",
         f"cumulative effect: sum of EBRD-average lags 0-{K} (t-test on the sum)")
    coef("seq_gap_lib_inst", "fe_sequencing_gap", f"gap_lib_inst_l{L}", f"{pp} per index point",
         "gap liberalization - institutions")
    coef("seq_gap_priv_inst", "fe_sequencing_gap", f"gap_priv_inst_l{L}", f"{pp} per index point",
         "gap large-scale privatization - institutions")
    coef("seq_lib_ahead", "fe_sequencing_ahead", f"lib_ahead_l{L}", pp,
         f"dummy: liberalization >= {config.threshold:g} while institutions < {config.threshold:g}")
    coef("seq_priv_ahead", "fe_sequencing_ahead", f"priv_ahead_l{L}", pp,
         f"dummy: large-scale privatization >= {config.threshold:g} while institutions < {config.threshold:g}")
    coef("fe_log_inflation", "fe_main", "log_inflation", f"{pp} per unit of log(1 + inflation)", "log inflation, main FE model")
    coef("fe_war", "fe_main", "war", pp, "war year dummy, main FE model")
    main = fits["fe_main"]
    out += [("fe_nobs", main.nobs, "country-years", "observations in the main FE model"),
            ("fe_n_countries", main.n_countries, "countries", "countries in the main FE model"),
            ("fe_first_year", main.first_year, "year", "first year of growth in the main FE model"),
            ("fe_last_year", main.last_year, "year", "last year of growth in the main FE model")]
    reform = robustness[(robustness["model"].str.endswith("/main")) & robustness["term"].str.startswith("reform_ebrd_average")]
    positive_sig = (reform["coef"] > 0) & (reform["pvalue"] < config.alpha)
    out += [("n_robustness_specs", robustness["spec"].nunique(), "specifications", "robustness specifications (incl. baseline)"),
            ("share_specs_reform_positive", float((reform["coef"] > 0).mean()), "share",
             "share of robustness specs (main model) with a positive EBRD-average coefficient"),
            ("share_specs_reform_positive_significant", float(positive_sig.mean()), "share",
             f"share of robustness specs (main model) with a positive EBRD-average coefficient, p < {config.alpha:g}")]
    for term in ("reform_ebrd_average", "lib_ahead", "priv_ahead", "log_inflation", "war"):
        row = verdicts[verdicts["term"] == term]
        if len(row):
            out.append((f"robust_{term}", float(row["verdict"].iloc[0] == "robust"), "1 = robust",
                        f"{term} passes the robustness rule (same sign everywhere, p < {config.alpha:g} in "
                        f">= {config.robust_share:.0%} of specs)"))
    described = {"cis_only": "CIS only, country and year FE", "non_cis": "non-CIS countries, country and year FE",
                 "carried_forward": "years after 2006 added with 2006 EBRD scores carried forward, country and year FE",
                 "later_years_pooled": "years after 2006 only, 2006 EBRD scores carried forward, pooled OLS with year effects"}
    for spec, what in described.items():
        for family, term, name in (("main", "reform_ebrd_average", "reform"), ("sequencing", "lib_ahead", "lib_ahead")):
            row = _spec_row(robustness, spec, family, term)
            if row is not None:
                out.append((f"{spec}_{name}_coef", row["coef"], pp, f"{term}: {what} ({row['sample']})"))
                out.append((f"{spec}_{name}_pvalue", row["pvalue"], "p-value", f"{term}: {what}"))
    for group, key in (("CIS", "cis"), ("CEE & Baltics", "cee_baltics")):
        row = gaps[gaps["broad_group"] == group]
        if len(row):
            out.append((f"{key}_mean_gap_lib_inst", row["mean_gap_lib_inst"].iloc[0], "EBRD index points",
                        f"mean liberalization - institutions gap, {group}, {config.first_year}-{config.last_year}"))
            out.append((f"{key}_share_lib_ahead", row["share_lib_ahead"].iloc[0], "share of country-years",
                        f"share of country-years with liberalization >= {config.threshold:g} and institutions below, {group}"))
    return out


def _effect(row, alpha: float, digits: int = 2) -> str:
    significance = "significant" if row["pvalue"] < alpha else "not significant"
    return f"{row['coef']:+.{digits}f} (SE {row['se']:.{digits}f}, p = {row['pvalue']:.3f}; {significance} at {alpha:g})"


def findings_text(fits: dict[str, Fit], table: pd.DataFrame, robustness: pd.DataFrame, verdicts: pd.DataFrame,
                  gaps: pd.DataFrame, config: Config) -> str:
    """The notebook's closing findings, every number computed."""
    L, K, a = config.reform_lag, config.max_lag, config.alpha
    main = fits["fe_main"]
    values = dict((key, value) for key, value, *_ in headlines(fits, table, robustness, verdicts, gaps, config))
    cis = gaps.set_index("broad_group")
    lib_ahead = _row(table, "fe_sequencing_ahead", f"lib_ahead_l{L}")
    priv_ahead = _row(table, "fe_sequencing_ahead", f"priv_ahead_l{L}")
    difference = cis.loc["CIS", "share_lib_ahead"] - cis.loc["CEE & Baltics", "share_lib_ahead"]
    pattern = ("liberalization ahead of institutions was about as common in both groups (shares within 10 points)"
               if abs(difference) < 0.10 else "it was more common in the CIS" if difference > 0
               else "it was less common in the CIS")
    gap_row = _row(table, "fe_sequencing_gap", f"gap_lib_inst_l{L}")
    harmful = [r for r in (lib_ahead, gap_row) if r["coef"] < 0 and r["pvalue"] < a]
    if not harmful:
        verdict_c1_c2 = ("neither coding of liberalization ahead of institutions is associated with significantly "
                         "lower growth in the main sample, so these regressions give no support to the mechanism of "
                         "C2 (liberalizing before the legal and institutional basis cost growth), and they single out "
                         "no order of reforms (C1) that paid off; whether CIS losses were larger is a question of "
                         "output paths, not of these growth effects.")
    else:
        verdict_c1_c2 = (f"{len(harmful)} of the two codings of liberalization ahead of institutions is associated "
                         f"with significantly lower growth, in line with the mechanism of C2; see the robustness "
                         f"rule below for whether it holds across specifications.")
    staehr = ("consistent with" if priv_ahead["coef"] < 0 and priv_ahead["pvalue"] < a else "does not reproduce")
    lines = [
        f"- **Main model** (country and year fixed effects, {main.nobs} country-years, {main.n_countries} countries, "
        f"{main.first_year}-{main.last_year}, growth: {config.growth_source}): effect of one EBRD point in year t-{L} on "
        f"annual growth, in percentage points: {_effect(_row(table, 'fe_main', f'reform_ebrd_average_l{L}'), a)}. "
        f"Pooled OLS with year effects and initial conditions: {_effect(_row(table, 'pooled_initial', f'reform_ebrd_average_l{L}'), a)}.",
        f"- **Short run vs cumulative**: in the distributed-lag model the contemporaneous effect is "
        f"{_effect(_row(table, 'fe_distributed_lag', 'reform_ebrd_average_l0'), a)}; the sum of lags 0-{K} is "
        f"{_effect(_row(table, 'fe_distributed_lag', f'cumulative_reform_ebrd_average_l0_{K}'), a)}.",
        f"- **Controls**: log(1 + inflation) {_effect(_row(table, 'fe_main', 'log_inflation'), a)}; war year "
        f"{_effect(_row(table, 'fe_main', 'war'), a)}. Initial conditions (pooled): log GDP per capita 1989 "
        f"{_effect(_row(table, 'pooled_initial', 'log_gdppc_1989'), a)}; years under planning "
        f"{_effect(_row(table, 'pooled_initial', 'years_planning'), a, 3)}.",
        f"- **Sequencing (C1, C2)**: liberalization was ahead of institutions (liberalization >= {config.threshold:g}, "
        f"institutions below) in {cis.loc['CIS', 'share_lib_ahead']:.0%} of CIS country-years and "
        f"{cis.loc['CEE & Baltics', 'share_lib_ahead']:.0%} of Central European and Baltic ones "
        f"({config.first_year}-{config.last_year}; mean gap {cis.loc['CIS', 'mean_gap_lib_inst']:.2f} vs "
        f"{cis.loc['CEE & Baltics', 'mean_gap_lib_inst']:.2f} index points): {pattern}. "
        f"Its growth effect, holding the EBRD average fixed: "
        f"{_effect(lib_ahead, a)}; gap in index points {_effect(_row(table, 'fe_sequencing_gap', f'gap_lib_inst_l{L}'), a)}. "
        f"Large-scale privatization ahead of institutions: {_effect(priv_ahead, a)}; this {staehr} Staehr's (2005) "
        f"negative effect of large-scale privatization without adjoining reforms (his reform clusters are built "
        f"differently).",
        f"- **CIS only vs the rest**: EBRD average {values.get('cis_only_reform_coef', float('nan')):+.2f} "
        f"(p = {values.get('cis_only_reform_pvalue', float('nan')):.3f}) in the CIS vs "
        f"{values.get('non_cis_reform_coef', float('nan')):+.2f} (p = {values.get('non_cis_reform_pvalue', float('nan')):.3f}) "
        f"elsewhere; liberalization-ahead dummy {values.get('cis_only_lib_ahead_coef', float('nan')):+.2f} "
        f"(p = {values.get('cis_only_lib_ahead_pvalue', float('nan')):.3f}) in the CIS.",
        f"- **Later years** (EBRD scores end in 2006; carried forward, flagged): adding the later years to the FE "
        f"model gives {_effect(_spec_row(robustness, 'carried_forward', 'main', 'reform_ebrd_average'), a)} "
        f"({_spec_row(robustness, 'carried_forward', 'main', 'reform_ebrd_average')['sample']}); the later years alone, "
        f"across countries (pooled, year effects): "
        f"{_effect(_spec_row(robustness, 'later_years_pooled', 'main', 'reform_ebrd_average'), a)}.",
        f"- **For the claims**: {verdict_c1_c2}",
        f"- **Robustness** ({values['n_robustness_specs']} specifications; the EBRD average is positive in "
        f"{values['share_specs_reform_positive']:.0%} and positive with p < {a:g} in "
        f"{values['share_specs_reform_positive_significant']:.0%} of them): "
        + robustness_statement(verdicts, a, config.robust_share),
    ]
    return "\n".join(lines)


def robustness_table(robustness: pd.DataFrame, digits: int = 2) -> pd.DataFrame:
    """Readable robustness table: one row per specification, 'coef (p)' for each key term, N and sample."""
    frame = robustness.assign(generic=robustness["term"].map(generic_term),
                              family=robustness["model"].str.rsplit("/", n=1).str[-1])
    specs = list(dict.fromkeys(frame["spec_label"]))
    columns = {("main", "reform_ebrd_average"): "EBRD average", ("sequencing", "lib_ahead"): "lib ahead",
               ("sequencing", "priv_ahead"): "large priv ahead", ("main", "log_inflation"): "log inflation",
               ("main", "war"): "war"}
    result = pd.DataFrame(index=pd.Index(specs, name="specification"))
    for (family, term), name in columns.items():
        part = frame[(frame["family"] == family) & (frame["generic"] == term)].set_index("spec_label")
        result[name] = [f"{part.loc[s, 'coef']:+.{digits}f} (p={part.loc[s, 'pvalue']:.2f})" if s in part.index else ""
                        for s in specs]
    first = frame.drop_duplicates("spec_label").set_index("spec_label")
    result["N"] = first.loc[specs, "nobs"].to_numpy()
    result["sample"] = first.loc[specs, "sample"].to_numpy()
    return result
