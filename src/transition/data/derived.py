"""Series derived from the raw sources: reform-area indices, a real GDP index, inflation.

Each definition lives here and nowhere else; the panel stores the default versions and the
analyses call these functions for other parameter choices.

Examples
--------
>>> from transition.data import derived, panel
>>> tidy = panel.load()                                              # doctest: +SKIP
>>> derived.gdp_index(tidy, source="maddison", base_year=1990)       # doctest: +SKIP
"""
from __future__ import annotations

import pandas as pd

from transition.data import countries, screens
from transition.data.loaders import VARIABLES
from transition.data.vocabulary import DEFAULT_BASE_YEAR, GDP_SOURCES, GROWTH_SOURCES  # noqa: F401 (re-exported)

#: Reform areas from EBRD transition indicators: each is the mean of its indicators.
REFORM_AREAS = {
    "liberalization": ["ebrd_price_liberalisation", "ebrd_trade_forex"],
    "privatization": ["ebrd_small_privatisation", "ebrd_large_privatisation"],
    "institutions": ["ebrd_enterprise_restructuring", "ebrd_competition_policy", "ebrd_banking_reform"],
}
#: The EBRD average transition indicator: the eight country-level indicators (no infrastructure).
EBRD_CORE = [*REFORM_AREAS["liberalization"], *REFORM_AREAS["privatization"],
             *REFORM_AREAS["institutions"], "ebrd_securities_markets"]



class DefinitionBreakError(ValueError):
    """A computation would cross a change in a country's definition (e.g. Bosnia before 1994)."""


class MissingDataError(ValueError):
    """A series lacks the data a computation needs (e.g. the base year), and no splice can supply it."""


def series(tidy: pd.DataFrame, variable: str, iso3: str | None = None) -> pd.Series:
    """One variable as a Series indexed by (iso3, year), or by year when ``iso3`` is given."""
    rows = tidy[tidy["variable"] == variable]
    if iso3 is not None:
        return rows[rows["iso3"] == iso3].set_index("year")["value"].sort_index()
    return rows.set_index(["iso3", "year"])["value"].sort_index()


def reform_indices(tidy: pd.DataFrame) -> pd.DataFrame:
    """Reform-area indices and the EBRD average, tidy, source ``derived``.

    An index is the mean of its indicators in a country-year, and missing when any is missing.
    """
    wide = tidy[tidy["variable"].isin(EBRD_CORE)].pivot_table(
        index=["iso3", "year"], columns="variable", values="value")
    areas = {f"reform_{area}": wide[members].mean(axis=1, skipna=False) for area, members in REFORM_AREAS.items()}
    areas["reform_ebrd_average"] = wide[EBRD_CORE].mean(axis=1, skipna=False)
    frame = pd.DataFrame(areas).rename_axis(columns="variable").stack().rename("value").reset_index()
    return frame.assign(source="derived")


def _break_check(iso3: str, variable: str, base_year: int) -> None:
    first = countries.first_comparable_year(iso3, VARIABLES[variable].source)
    if first is not None and base_year < first:
        breaks = countries.definition_breaks()
        reason = breaks[(breaks["iso3"] == iso3) & (breaks["source"] == VARIABLES[variable].source)]["reason"].iloc[0]
        raise DefinitionBreakError(
            f"{iso3}: {variable} measures the present-day country only from {first} "
            f"(data/definition_breaks.csv: {reason}). A base year of {base_year} would splice "
            f"across a change of country definition; use a base year >= {first} or leave {iso3} out."
        )


def index_one(levels: pd.Series, base_year: int, donor: pd.Series | None = None) -> pd.DataFrame:
    """Index a level series to 100 in ``base_year``, splicing backwards with ``donor`` if needed.

    Parameters
    ----------
    levels : Series indexed by year
        Real GDP levels of one country from the chosen source.
    base_year : int
    donor : Series indexed by year, optional
        Levels from another source whose growth rates bridge ``base_year`` to the first year of
        ``levels`` when ``levels`` starts after the base year.

    Returns
    -------
    DataFrame indexed by year with ``index`` (base year = 100) and ``spliced`` (True where the
    value comes from the donor's growth rates).

    Examples
    --------
    >>> levels = pd.Series([90.0, 99.0], index=[1991, 1992])
    >>> donor = pd.Series([200.0, 180.0, 160.0], index=[1989, 1990, 1991])
    >>> index_one(levels, 1989, donor)["index"].round(1).tolist()
    [100.0, 90.0, 80.0, 88.0]
    """
    levels = levels.dropna().sort_index()
    if base_year in levels.index and levels[base_year] > 0:
        return pd.DataFrame({"index": 100 * levels / levels[base_year], "spliced": False})
    if levels.empty or levels.index.min() < base_year:
        raise MissingDataError(f"no value in the base year {base_year} (data {levels.index.min()}-{levels.index.max()})"
                               if not levels.empty else "no data")
    first = int(levels.index.min())
    if donor is None or not {base_year, first} <= set(donor.dropna().index):
        raise MissingDataError(f"data start in {first}, after the base year {base_year}, and no donor series "
                               f"covers {base_year}-{first} for a splice")
    donor_index = 100 * donor.loc[base_year:first] / donor[base_year]
    spliced = pd.DataFrame({"index": donor_index.iloc[:-1], "spliced": True})
    own = pd.DataFrame({"index": donor_index[first] * levels / levels[first], "spliced": False})
    return pd.concat([spliced, own])


#: Published growth rates that witness a GDP level change (see :func:`transition.data.screens.level_breaks`).
GROWTH_WITNESSES = ("gapminder_gdp_growth", "weo_real_gdp_growth")


def gdp_levels(tidy: pd.DataFrame) -> pd.DataFrame:
    """Every GDP level series of :data:`GDP_SOURCES`, long: iso3, year, source, level."""
    by_variable = {variable: source for source, variable in GDP_SOURCES.items()}
    rows = tidy[tidy["variable"].isin(by_variable)]
    return (rows.assign(source=rows["variable"].map(by_variable))[["iso3", "year", "source", "value"]]
            .rename(columns={"value": "level"}).reset_index(drop=True))


def gdp_level_breaks(tidy: pd.DataFrame, tolerance: float = screens.LEVEL_BREAK_TOLERANCE) -> pd.DataFrame:
    """The level-break screen on every GDP source, witnessed by the published growth rates."""
    witnesses = tidy[tidy["variable"].isin(GROWTH_WITNESSES)].rename(columns={"value": "growth"})
    return screens.level_breaks(gdp_levels(tidy), witnesses[["iso3", "year", "growth"]], tolerance)


def repaired_levels(tidy: pd.DataFrame, source: str, flags: pd.DataFrame | None = None) -> pd.DataFrame:
    """One source's GDP levels with its flagged level breaks repaired (iso3, year, level, repaired)."""
    flags = gdp_level_breaks(tidy) if flags is None else flags
    levels = gdp_levels(tidy)
    levels = levels[levels["source"] == source]
    return screens.repair_level_breaks(levels, flags[flags["source"] == source]).drop(columns="source")


def _by_country(values: pd.Series) -> dict[str, pd.Series]:
    """A (iso3, year)-indexed Series split into one year-indexed Series per country."""
    return {code: part.droplevel("iso3").sort_index() for code, part in values.groupby(level="iso3")}


def _index_countries(codes, variable: str, donor_variable: str | None, own_by_country: dict,
                     donor_by_country: dict, base_year: int, errors: str) -> tuple[list, dict, dict]:
    """:func:`index_one` country by country: the indexed frames, and the countries skipped with why."""
    frames, skipped, kinds = [], {}, {}
    for code in codes:
        try:
            _break_check(code, variable, base_year)
            donor = None
            if donor_variable is not None:
                _break_check(code, donor_variable, base_year)
                donor = donor_by_country.get(code, pd.Series(dtype=float))
            indexed = index_one(own_by_country.get(code, pd.Series(dtype=float)), base_year, donor)
        except (DefinitionBreakError, MissingDataError) as error:
            if errors == "raise":
                raise type(error)(f"{code} ({variable}): {error}") from None
            skipped[code] = str(error)
            kinds[code] = "definition_break" if isinstance(error, DefinitionBreakError) else "missing_data"
            continue
        frames.append(indexed.rename_axis("year").reset_index().assign(iso3=code))
    return frames, skipped, kinds


def gdp_index(tidy: pd.DataFrame, source: str = "wdi", base_year: int = DEFAULT_BASE_YEAR,
              splice_with: str | None = "maddison", iso3: list[str] | None = None,
              errors: str = "raise", repair_breaks: bool = True,
              level_breaks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Real GDP index (``base_year`` = 100) by country from one source, spliced where documented.

    Where the source starts after the base year (e.g. WDI for most ex-Soviet states starts in
    1990), the years from the base year to its first year are bridged with the growth rates of
    ``splice_with`` and flagged ``spliced``. A splice never crosses a change of country definition
    (``data/definition_breaks.csv``): a base year before a country's break raises
    :class:`DefinitionBreakError`.

    Parameters
    ----------
    tidy : DataFrame
        The tidy panel (iso3, year, variable, value, source).
    source : {"wdi", "maddison", "pwt", "weo"}
    base_year : int
    splice_with : {"maddison", "wdi", "pwt", "weo"} or None
    iso3 : list of str, optional
        Countries to index (default: the 29 of the study).
    errors : {"raise", "skip"}
        On a definition break or missing data: raise, or leave the country out and record why
        in ``result.attrs["skipped"]`` (iso3 → reason).
    repair_breaks : bool
        Index the source's levels after the level-break screen's repair (:func:`repaired_levels`);
        the flags applied are :func:`gdp_level_breaks`.
    level_breaks : DataFrame, optional
        The screen's flags when already computed (:func:`gdp_level_breaks`), to skip recomputing them.

    Returns
    -------
    DataFrame with columns iso3, year, index, spliced, source, base_year.
    """
    if source not in GDP_SOURCES or (splice_with is not None and splice_with not in GDP_SOURCES):
        raise ValueError(f"GDP source must be one of {sorted(GDP_SOURCES)}; got {source!r} / {splice_with!r}")
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    variable = GDP_SOURCES[source]
    donor_variable = GDP_SOURCES[splice_with] if splice_with and splice_with != source else None
    flags = (gdp_level_breaks(tidy) if level_breaks is None else level_breaks) if repair_breaks \
        else pd.DataFrame(columns=screens.FLAG_COLUMNS)
    own = (repaired_levels(tidy, source, flags).set_index(["iso3", "year"])["level"] if repair_breaks
           else series(tidy, variable))
    own_by_country = _by_country(own)
    donor_by_country = _by_country(series(tidy, donor_variable)) if donor_variable is not None else {}
    frames, skipped, kinds = _index_countries(iso3 or countries.study_iso3(), variable, donor_variable,
                                              own_by_country, donor_by_country, base_year, errors)
    columns = ["iso3", "year", "index", "spliced", "source", "base_year"]
    result = (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["iso3", "year", "index", "spliced"]))
    result = result.assign(source=source, base_year=base_year)[columns]
    result = result.astype({"year": "int64", "index": "float64", "spliced": bool})
    result.attrs["skipped"] = skipped
    result.attrs["skipped_kind"] = kinds
    return result


#: Default real GDP growth: the change of WDI's constant-price GDP (a key of ``GROWTH_SOURCES``).
DEFAULT_GROWTH_SOURCE = "wdi"


def growth_from_levels(levels: pd.DataFrame) -> pd.DataFrame:
    """Annual growth (%) from a level series: 100 * (L_t / L_{t-1} - 1), missing across gaps.

    ``levels`` has columns iso3, year, value. Returns iso3, year, growth (NaN where the previous
    year is missing or its level is not positive).

    Examples
    --------
    >>> levels = pd.DataFrame({"iso3": "A", "year": [1990, 1991, 1993], "value": [100.0, 90.0, 99.0]})
    >>> growth_from_levels(levels)["growth"].round(1).tolist()
    [nan, -10.0, nan]
    """
    previous = levels[["iso3", "year", "value"]].assign(year=levels["year"] + 1)
    merged = levels[["iso3", "year"]].merge(previous, on=["iso3", "year"], how="left")
    before = pd.Series(merged["value"].to_numpy(), index=levels.index)
    ratio = levels["value"] / before.where(before > 0)
    return levels[["iso3", "year"]].assign(growth=100 * (ratio - 1)).reset_index(drop=True)


def growth_rates(tidy: pd.DataFrame, source: str = DEFAULT_GROWTH_SOURCE) -> pd.DataFrame:
    """Annual real GDP growth (%) by country-year from one source of :data:`GROWTH_SOURCES`.

    Published rates (``weo``: IMF WEO April 2019, observed years to 2018; ``gapminder``: Gapminder's
    own rate, to 2013) are taken as they are; level sources (``wdi``, ``pwt``, ``maddison``) are
    turned into growth with :func:`growth_from_levels`. The panel drops years before a change of
    country definition (BIH, SRB, MNE), so growth never spans a break.

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
        return rows.rename(columns={"value": "growth"})
    return growth_from_levels(rows).dropna(subset=["growth"]).reset_index(drop=True)


#: CPI inflation sources in order of preference, each with the name of its measure: WEO's CPI, then
#: the World Bank's Global Inflation Database (Ha, Kose & Ohnsorge), which has CPI where WEO has none
#: (Czechoslovakia's successors in 1991, most of the ex-USSR in 1990-92); the GDP deflator stands in
#: where both are missing.
CPI_SOURCES = ("weo_cpi_inflation", "hko_cpi_inflation")
CPI_MEASURES = {"weo_cpi_inflation": "cpi", "hko_cpi_inflation": "cpi_hko", "gdp_deflator": "gdp_deflator"}


def screened_cpi(tidy: pd.DataFrame, variable: str) -> tuple[pd.Series, pd.DataFrame]:
    """One CPI inflation series, indexed by (iso3, year), without the values the placeholder screen
    flags (:func:`transition.data.screens.cpi_placeholders`); and the flags."""
    values = series(tidy, variable).rename("value").reset_index()
    flags = screens.cpi_placeholders(values.assign(source=variable))
    kept = screens.drop_flagged(values, flags)
    return kept.set_index(["iso3", "year"])["value"], flags


def inflation(tidy: pd.DataFrame, cpi_sources: tuple[str, ...] = CPI_SOURCES) -> pd.DataFrame:
    """Annual inflation: the first CPI source with a screened value, else the WDI GDP deflator, flagged.

    CPI is missing for the ex-Soviet states in 1990-92 in WEO (and some later years); the second CPI
    source fills what it can after the placeholder screen, and the GDP deflator stands in for the
    rest; ``measure`` says which.

    Returns
    -------
    DataFrame with columns iso3, year, inflation (% per year), measure (:data:`CPI_MEASURES`: "cpi",
    "cpi_hko" or "gdp_deflator"); :func:`cpi_screen` lists the CPI values the screen dropped.
    """
    columns = {variable: screened_cpi(tidy, variable)[0] for variable in cpi_sources}
    columns["gdp_deflator"] = series(tidy, "wdi_deflator_inflation")
    both = pd.concat(columns, axis=1)
    chosen = both.notna().idxmax(axis=1).where(both.notna().any(axis=1))
    values = both.bfill(axis=1).iloc[:, 0]
    result = pd.DataFrame({"inflation": values, "measure": chosen}, index=both.index).dropna(subset=["inflation"])
    result["measure"] = result["measure"].map(CPI_MEASURES)
    return result.sort_index().reset_index()


def cpi_screen(tidy: pd.DataFrame, cpi_sources: tuple[str, ...] = CPI_SOURCES) -> pd.DataFrame:
    """The CPI values the placeholder screen drops, for every CPI source (a table of flags)."""
    return pd.concat([screened_cpi(tidy, variable)[1] for variable in cpi_sources], ignore_index=True)


def default_series(tidy: pd.DataFrame) -> pd.DataFrame:
    """The derived series stored in the panel (tidy, source ``derived``).

    Reform-area indices; GDP indices (base 1989) from each source, WDI/PWT/WEO spliced with
    Maddison, countries with a definition break left out; inflation with its fallback flag.
    """
    parts = [reform_indices(tidy)]
    breaks = gdp_level_breaks(tidy)
    for source in GDP_SOURCES:
        indexed = gdp_index(tidy, source=source, splice_with=None if source == "maddison" else "maddison",
                            errors="skip", level_breaks=breaks)
        parts.append(indexed.assign(variable=f"gdp_index_{source}", value=indexed["index"]))
        parts.append(indexed.assign(variable=f"gdp_index_{source}_spliced", value=indexed["spliced"].astype(float)))
    rates = inflation(tidy)
    parts.append(rates.assign(variable="inflation", value=rates["inflation"]))
    parts.append(rates.assign(variable="inflation_is_deflator", value=(rates["measure"] == "gdp_deflator").astype(float)))
    parts.append(rates.assign(variable="inflation_is_hko", value=(rates["measure"] == "cpi_hko").astype(float)))
    columns = ["iso3", "year", "variable", "value"]
    return pd.concat([part[columns] for part in parts], ignore_index=True).assign(source="derived")


DERIVED_VARIABLES = {
    "reform_liberalization": ("EBRD score 1-4.33", "Liberalization: mean of price liberalisation and trade & forex system"),
    "reform_privatization": ("EBRD score 1-4.33", "Privatization: mean of small- and large-scale privatisation"),
    "reform_institutions": ("EBRD score 1-4.33", "Market institutions: mean of enterprise restructuring, competition policy, banking reform"),
    "reform_ebrd_average": ("EBRD score 1-4.33", "EBRD average of the eight country-level transition indicators"),
    **{f"gdp_index_{source}": ("index, 1989 = 100", f"Real GDP index from {variable}, 1989 = 100"
                                + ("" if source == "maddison" else "; years before the source starts bridged with Maddison growth (flagged)")
                                + "; countries with a definition break after 1989 (BIH, SRB, MNE) left out"
                                + "; lone level breaks repaired (data/screens.py; results/gdp_level_breaks.csv)")
       for source, variable in GDP_SOURCES.items()},
    **{f"gdp_index_{source}_spliced": ("1 = spliced, 0 = own data", f"Flag: gdp_index_{source} value bridged with Maddison growth rates")
       for source in GDP_SOURCES},
    "inflation": ("% per year", "Annual inflation: WEO CPI (average); else the World Bank Global Inflation Database CPI "
                                "without screened placeholders; WDI GDP-deflator inflation where both are missing"),
    "inflation_is_deflator": ("1 = GDP deflator, 0 = CPI", "Flag: inflation measured by the GDP deflator (CPI missing)"),
    "inflation_is_hko": ("1 = World Bank database CPI, 0 = other", "Flag: inflation from the World Bank Global Inflation Database (no WEO CPI)"),
}
