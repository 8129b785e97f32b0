"""The cross-section of claim C3: resource and governance measures, composite indices, outcomes.

One row per country (:func:`cross_section`): period means of the resource-dependence and
governance measures, a composite index of each family (:func:`composite_index`), the GDP outcomes
(:func:`outcomes`) and the log of initial income. The models fitted on it are in
:mod:`transition.analysis.resources.models`.
"""
from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd

from transition.analysis.rates import cagr_between
from transition.data import countries, derived
from transition.data.vocabulary import (
    GOVERNANCE_MEASURES,
    RESOURCE_MEASURES,
    Measure,
)

# ----------------------------------------------------------------------------------------------
# Measures


#: The regressors every model is built from (the two composite indices).
RESOURCE_INDEX, GOVERNANCE_INDEX = "resource_index", "governance_index"
#: Defaults of the cross-section (the notebook's parameters): GDP source, base year of the index,
#: years of the GDP-index outcomes, boundaries of the growth windows, averaging periods, and the rents
#: (% of GDP) from which a CIS state counts as resource-rich.
GDP_SOURCE, BASE_YEAR = "wdi", 1989
LEVEL_YEARS, GROWTH_BREAKS = (2000, 2007, 2024), (1990, 2000, 2019)
RESOURCE_PERIOD, GOVERNANCE_PERIOD = (1995, 2005), (1996, 2005)
RICH_RENTS_THRESHOLD = 10.0
INDEX_METHOD = "zmean"
#: A country's composite index needs at least this many components.
MIN_COMPONENTS = 2
#: Labels of the essay's comparison groups (:func:`resource_groups`).
RICH_CIS, OTHER_CIS, OTHER = "resource-rich CIS", "other CIS", "other"
#: What "Eastern Europe" means: definition → (the study's groups it holds, the label of its resource-poor part).
#: The essay writes in Soviet usage, where "Восточная Европа" is the former Comecon partners and
#: Yugoslavia — Central and South-East Europe — and never the Baltic republics, which were Soviet
#: republics (``ce_see``, the default). Central Europe & the Baltics (``ce_baltics``, the EU-accession
#: reading of the later literature) and all three (``ce_baltics_see``) are the variants.
EASTERN_EUROPE = {
    "ce_see": (("Central Europe", "South-East Europe"), "resource-poor Central & South-East Europe"),
    "ce_baltics": (("Central Europe", "Baltic"), "resource-poor CEE & Baltics"),
    "ce_baltics_see": (("Central Europe", "Baltic", "South-East Europe"), "resource-poor CEE, Baltics & SEE"),
}
#: Default: the essay's own "Eastern Europe" (Central and South-East Europe, no Baltic states).
EASTERN_EUROPE_DEFAULT = "ce_see"
#: The labels of the resource-poor group under each definition.
POOR_CE_SEE, POOR_CEE, POOR_EE_SEE = (EASTERN_EUROPE[name][1] for name in ("ce_see", "ce_baltics", "ce_baltics_see"))
POOR_LABELS = tuple(label for _groups, label in EASTERN_EUROPE.values())


def check_eastern_europe(name: str) -> str:
    """``name`` if it is a definition of :data:`EASTERN_EUROPE`; else a ValueError naming the choices."""
    if name not in EASTERN_EUROPE:
        raise ValueError(f"eastern_europe must be one of {', '.join(EASTERN_EUROPE)}, not {name!r}")
    return name


def combine_vintages(tidy: pd.DataFrame, primary: str, fallback: str) -> pd.Series:
    """One series from two vintages: ``primary`` where it has a value, else ``fallback``.

    Returns
    -------
    Series indexed by (iso3, year).
    """
    first = derived.series(tidy, primary)
    second = derived.series(tidy, fallback)
    return first.combine_first(second).rename(primary)


def population(tidy: pd.DataFrame) -> pd.Series:
    """Population in persons by (iso3, year): Gapminder (observed years, to 2013), else Maddison × 1000."""
    gapminder = derived.series(tidy, "gm_population")
    maddison = derived.series(tidy, "mad_pop") * 1000.0
    return gapminder.combine_first(maddison).rename("population")


def per_capita_total(tidy: pd.DataFrame, variables, persons: pd.Series) -> pd.Series:
    """Sum of ``variables`` per person, by (iso3, year); a country a source does not list counts as 0.

    The Energy Institute lists only countries with sizeable production or reserves; the others are
    folded into regional remainders. Within the years a variable covers at all, a country-year
    without a value is therefore taken as zero (small, not unknown). Outside those years the
    result is missing.

    Parameters
    ----------
    tidy : DataFrame
        Tidy panel.
    variables : sequence of str
        Quantities to add up (e.g. oil and gas production in tonnes of oil equivalent).
    persons : Series indexed by (iso3, year)
        Population.
    """
    persons = persons.dropna()
    persons = persons[persons > 0]
    total = pd.Series(0.0, index=persons.index)
    covered = pd.Series(False, index=persons.index)
    years = persons.index.get_level_values("year")
    for variable in variables:
        values = derived.series(tidy, variable)
        if values.empty:
            continue
        in_range = (years >= values.index.get_level_values("year").min()) & (years <= values.index.get_level_values("year").max())
        total = total + values.reindex(persons.index).fillna(0.0).where(in_range, 0.0)
        covered = covered | in_range
    return (total / persons).where(covered).dropna().rename("per_capita")


def period_mean(values: pd.Series, start: int, end: int) -> pd.Series:
    """Mean over the years ``start``–``end`` (inclusive) of a Series indexed by (iso3, year); NaN-free.

    Years without a value are ignored; a country with no value in the period is left out.
    """
    years = values.index.get_level_values("year")
    inside = values[(years >= start) & (years <= end)].dropna()
    return inside.groupby(level="iso3").mean()


def _measure_series(tidy: pd.DataFrame, measure: Measure) -> pd.Series:
    if measure.kind == "level":
        return derived.series(tidy, measure.variables[0])
    if measure.kind == "vintages":
        return combine_vintages(tidy, *measure.variables)
    if measure.kind == "per_capita":
        return per_capita_total(tidy, measure.variables, population(tidy))
    if measure.kind == "freedom_house":
        both = pd.concat([derived.series(tidy, v) for v in measure.variables], axis=1)
        return (8.0 - both.mean(axis=1, skipna=False)).dropna()
    raise ValueError(f"unknown measure kind {measure.kind!r}")  # pragma: no cover


def _measures(tidy, start, end, names, catalogue) -> pd.DataFrame:
    unknown = [name for name in names if name not in catalogue]
    if unknown:
        raise ValueError(f"unknown measures {unknown}; known: {sorted(catalogue)}")
    study = countries.study_iso3()
    columns = {name: period_mean(_measure_series(tidy, catalogue[name]), start, end) for name in names}
    return pd.DataFrame(columns).reindex(study).rename_axis("iso3")


def _chosen(table: pd.DataFrame, names, catalogue) -> pd.DataFrame:
    """The columns ``names`` of an already computed measures table (each column is computed on its own)."""
    unknown = [name for name in names if name not in catalogue]
    if unknown:
        raise ValueError(f"unknown measures {unknown}; known: {sorted(catalogue)}")
    return table[names]


def resource_measures(tidy: pd.DataFrame, start: int, end: int, names=None) -> pd.DataFrame:
    """Resource-dependence measures of the 29 economies, each averaged over ``start``–``end``.

    Rents: WDI Dec 2021 (current method). Fuel exports: WDI Dec 2023, with the Dec 2013 vintage
    where the newer one has no value; ores & metals: WDI Apr 2022, else Dec 2013. Oil + gas
    production and reserves: Energy Institute, tonnes of oil equivalent per person
    (:func:`per_capita_total`).

    Returns
    -------
    DataFrame indexed by iso3 (the 29, in the study's order), one column per measure.
    """
    return _measures(tidy, start, end, list(names or RESOURCE_MEASURES), RESOURCE_MEASURES)


def governance_measures(tidy: pd.DataFrame, start: int, end: int, names=None) -> pd.DataFrame:
    """Governance measures of the 29 economies, each averaged over ``start``–``end``.

    WGI estimates as published; Freedom House as 8 − mean(political rights, civil liberties), so
    that 7 = most free and higher = better like the WGI. Years without data (the WGI skip 1997,
    1999 and 2001) are ignored.
    """
    return _measures(tidy, start, end, list(names or GOVERNANCE_MEASURES), GOVERNANCE_MEASURES)


# ----------------------------------------------------------------------------------------------
# Composite indices


def zscores(frame: pd.DataFrame) -> pd.DataFrame:
    """Column-wise z-scores (mean 0, sample standard deviation 1) over the non-missing rows."""
    spread = frame.std(ddof=1)
    if (spread == 0).any():
        raise ValueError(f"no variation in {list(spread[spread == 0].index)}: a z-score is undefined")
    return (frame - frame.mean()) / spread


def composite_index(frame: pd.DataFrame, method: str = INDEX_METHOD, log1p: bool = False,
                    min_components: int = MIN_COMPONENTS) -> tuple[pd.Series, pd.Series]:
    """A composite index: the weighted mean of the z-scored components a country has.

    Parameters
    ----------
    frame : DataFrame
        Countries × components.
    method : {"zmean", "pc1"}
        ``zmean``: equal weights (the mean of the z-scores). ``pc1``: weights proportional to the
        loadings of the first principal component of the components' correlation matrix
        (pairwise-complete), signed so that they sum to a positive number.
    log1p : bool
        Transform every component by log(1 + x) before z-scoring (for non-negative, right-skewed
        measures such as rents or production per person).
    min_components : int
        A country needs at least this many components (or all, if there are fewer); otherwise NaN.

    Returns
    -------
    (index, weights): the index by country and the weight of each component (summing to 1).
    """
    if method not in ("zmean", "pc1"):
        raise ValueError(f"method must be 'zmean' or 'pc1', not {method!r}")
    if frame.shape[1] == 0:
        raise ValueError("no components")
    values = np.log1p(frame) if log1p else frame
    z = zscores(values)
    if method == "zmean" or frame.shape[1] == 1:
        weights = pd.Series(1.0, index=frame.columns)
    else:
        eigenvalues, eigenvectors = np.linalg.eigh(z.corr().to_numpy())
        loadings = eigenvectors[:, np.argmax(eigenvalues)]
        weights = pd.Series(loadings * (1.0 if loadings.sum() >= 0 else -1.0), index=frame.columns)
    weights = weights / weights.sum()
    available = z.notna()
    weight_sum = available.mul(weights, axis=1).sum(axis=1)
    index = z.fillna(0.0).mul(weights, axis=1).sum(axis=1) / weight_sum
    enough = available.sum(axis=1) >= min(min_components, frame.shape[1])
    return index.where(enough & (weight_sum != 0)).rename("index"), weights.rename("weight")


# ----------------------------------------------------------------------------------------------
# Outcomes


def outcome_name(kind: str, *years: int) -> str:
    """``gdp_index_2007`` or ``growth_1990_2000``."""
    return f"{kind}_{'_'.join(str(year) for year in years)}"


def outcomes(tidy: pd.DataFrame, source: str = GDP_SOURCE, base_year: int = BASE_YEAR,
             level_years=LEVEL_YEARS, growth_breaks=GROWTH_BREAKS) -> pd.DataFrame:
    """Outcomes by country: GDP index in ``level_years`` and compound growth between ``growth_breaks``.

    The GDP index is :func:`transition.data.derived.gdp_index` (``source``, ``base_year`` = 100; spliced
    with Maddison growth before a source starts). Growth over a window is computed from the same
    function with the window's first year as base, so a window never crosses a change of country
    definition: Bosnia and Herzegovina, Serbia and Montenegro have no value for windows starting
    before 1994, 1995 and 1997 and no GDP index for base years before then.

    Returns
    -------
    DataFrame indexed by iso3 (the 29), columns ``gdp_index_<year>`` then ``growth_<start>_<end>``;
    ``attrs["skipped"]`` maps each outcome to the countries left out and why.
    """
    study = countries.study_iso3()
    splice = None if source == "maddison" else "maddison"
    columns, skipped = {}, {}
    levels = derived.gdp_index(tidy, source=source, base_year=base_year, splice_with=splice, errors="skip")
    wide = levels.pivot(index="iso3", columns="year", values="index")
    for year in level_years:
        name = outcome_name("gdp_index", year)
        columns[name] = wide[year] if year in wide.columns else pd.Series(dtype=float)
        skipped[name] = dict(levels.attrs["skipped"])
    for start, end in pairwise(growth_breaks):
        name = outcome_name("growth", start, end)
        window = derived.gdp_index(tidy, source=source, base_year=start, splice_with=splice, errors="skip")
        columns[name] = window.groupby("iso3").apply(
            lambda rows, start=start, end=end: cagr_between(rows.set_index("year")["index"], start, end),
            include_groups=False)
        skipped[name] = dict(window.attrs["skipped"])
    frame = pd.DataFrame(columns).reindex(study).rename_axis("iso3")
    frame.attrs["skipped"] = skipped
    return frame


def outcome_start_year(name: str, base_year: int) -> int:
    """The year an outcome starts from: the base year of a level, the first year of a growth window.

    Growth windows end in ``growth_<start>_<end>`` (also ``gdppc_growth_<start>_<end>``).
    """
    return int(name.split("_")[-2]) if "growth_" in name else base_year


def log_income(tidy: pd.DataFrame, year: int) -> pd.Series:
    """log of Maddison GDP per capita in ``year`` by country (the 29), NaN before a definition break."""
    values = derived.series(tidy, "mad_gdppc")
    values = values[values.index.get_level_values("year") == year].droplevel("year")
    result = np.log(values.reindex(countries.study_iso3()))
    for iso3 in result.index:
        first = countries.first_comparable_year(iso3, "maddison_2023")
        if first is not None and year < first:
            result[iso3] = np.nan
    return result.rename_axis("iso3")


# ----------------------------------------------------------------------------------------------
# The cross-section


def resource_groups(rents: pd.Series, threshold: float, eastern_europe: str = EASTERN_EUROPE_DEFAULT) -> pd.Series:
    """The essay's comparison groups, by a data rule on rents (% of GDP).

    ``resource-rich CIS``: CIS members with rents >= ``threshold``; ``other CIS``: the rest of the
    CIS; the resource-poor Eastern European group: the states of the ``eastern_europe`` definition
    (:data:`EASTERN_EUROPE`) with rents < ``threshold``, labelled by it; ``other``: everyone else
    (Mongolia, the states outside the definition, a resource-rich Eastern European state, missing rents).

    Examples
    --------
    >>> rents = pd.Series({"RUS": 20.0, "ARM": 2.0, "POL": 1.0, "EST": 1.0, "BGR": 1.0, "MNG": 25.0})
    >>> resource_groups(rents, 10.0).tolist()[2:]
    ['resource-poor Central & South-East Europe', 'other', 'resource-poor Central & South-East Europe', 'other']
    """
    members, label = EASTERN_EUROPE[check_eastern_europe(eastern_europe)]
    group = countries.group_of().reindex(rents.index)
    broad = group.map(countries.BROAD_GROUP)
    labels = pd.Series(OTHER, index=rents.index, name="resource_group")
    labels[(broad == "CIS") & (rents >= threshold)] = RICH_CIS
    labels[(broad == "CIS") & ~(rents >= threshold)] = OTHER_CIS
    labels[group.isin(members) & (rents < threshold)] = label
    return labels


def cross_section(tidy: pd.DataFrame, *, gdp_source: str = GDP_SOURCE, base_year: int = BASE_YEAR,
                  level_years=LEVEL_YEARS, growth_breaks=GROWTH_BREAKS,
                  resource_period=RESOURCE_PERIOD, governance_period=GOVERNANCE_PERIOD,
                  resource_names=None, governance_names=None, index_method: str = INDEX_METHOD,
                  rich_rents_threshold: float = RICH_RENTS_THRESHOLD,
                  eastern_europe: str = EASTERN_EUROPE_DEFAULT,
                  resource_table: pd.DataFrame | None = None, governance_table: pd.DataFrame | None = None,
                  outcome_table: pd.DataFrame | None = None,
                  log_incomes: dict[int, pd.Series] | None = None) -> pd.DataFrame:
    """One row per country: group, resource and governance measures and indices, outcomes, controls.

    Columns: iso3, name, group, broad_group, cis (0/1), resource_group, ``res_<measure>`` (period
    means, raw units), ``gov_<measure>``, resource_index, governance_index, the outcomes
    (:func:`outcomes`), ``log_gdppc_<year>`` for every start year, and ``rents_for_groups``
    (the rents used for the group rule, always computed). ``attrs``: ``resource_weights``,
    ``governance_weights``, ``skipped`` (outcome → {iso3: reason}).

    The parts many calls share can be passed when already computed from the same ``tidy`` and
    periods: ``resource_table`` (:func:`resource_measures`, with "rents" and at least the measures
    asked), ``governance_table`` (:func:`governance_measures`), ``outcome_table`` (:func:`outcomes`
    with the same source, base year, level years and growth breaks) and ``log_incomes`` (year →
    :func:`log_income`).
    """
    resource_names = list(resource_names or RESOURCE_MEASURES)
    governance_names = list(governance_names or GOVERNANCE_MEASURES)
    res = (resource_measures(tidy, *resource_period, resource_names) if resource_table is None
           else _chosen(resource_table, resource_names, RESOURCE_MEASURES))
    gov = (governance_measures(tidy, *governance_period, governance_names) if governance_table is None
           else _chosen(governance_table, governance_names, GOVERNANCE_MEASURES))
    res_index, res_weights = composite_index(res, index_method, log1p=True)
    gov_index, gov_weights = composite_index(gov, index_method, log1p=False)
    result = outcomes(tidy, gdp_source, base_year, level_years, growth_breaks) if outcome_table is None else outcome_table
    table = countries.table()
    frame = pd.DataFrame({
        "name": table["name_en"], "group": table["group"],
        "broad_group": table["group"].map(countries.BROAD_GROUP),
    }).reindex(countries.study_iso3()).rename_axis("iso3")
    frame["cis"] = (frame["broad_group"] == "CIS").astype(int)
    rents = (resource_measures(tidy, *resource_period, ["rents"]) if resource_table is None else resource_table)["rents"]
    frame["rents_for_groups"] = rents
    frame["resource_group"] = resource_groups(rents, rich_rents_threshold, eastern_europe)
    frame = frame.join(res.add_prefix("res_")).join(gov.add_prefix("gov_"))
    frame[RESOURCE_INDEX], frame[GOVERNANCE_INDEX] = res_index, gov_index
    frame = frame.join(result)
    for year in sorted({outcome_start_year(name, base_year) for name in result.columns}):
        frame[f"log_gdppc_{year}"] = log_income(tidy, year) if log_incomes is None else log_incomes[year]
    frame.attrs.update(resource_weights=res_weights, governance_weights=gov_weights,
                       skipped=result.attrs["skipped"])
    return frame.reset_index()


def outcome_end_year(name: str) -> int:
    """The last year an outcome measures (the level year, or the end of a growth window)."""
    return int(name.split("_")[-1])


def index_weights(cross: pd.DataFrame) -> pd.DataFrame:
    """The weights of each composite index (from ``cross.attrs``), tidy: index, measure, weight."""
    parts = [cross.attrs[f"{family}_weights"].rename("weight").rename_axis("measure").reset_index()
             .assign(index=f"{family}_index")
             for family in ("resource", "governance")]
    return pd.concat(parts, ignore_index=True)[["index", "measure", "weight"]]
