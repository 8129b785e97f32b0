"""Regional integration after 1991: bloc membership by year, GDP weights of the cores, bloc comparisons.

Claims C8-C10 of the essay (``../shared/seed/CLAIMS.md``): integration proceeds by regions and
groups (C8); Kazakhstan is the core of Central Asia and Russia the core of the post-Soviet space,
and states move towards these cores as they reform (C9); the EU's enlargement is the experience
to study (C10).

Memberships come from ``data/blocs.csv`` (bloc, iso3, joined, left; dates are ISO dates or bare
years; an empty ``left`` is a membership that continues). **Membership rule**: a country counts
as a member of a bloc in year Y when it joined on or before 1 July of Y and had not left by
1 July of Y (``joined <= Y-07-01 < left``). A bare year stands for 1 July of that year, so a
country counts as a member in the year it joined and not in the year it left; a bloc that
succeeds another in the same year (CAEC → CACO in 2002, EurAsEC → EAEU on 1 Jan 2015) is
never counted twice.

The file lists only the 29 economies of the study: non-study members (e.g. Austria in the EU,
the United States in the WTO) are absent. GDP weights are therefore computed for the
post-Soviet blocs only (:data:`POST_SOVIET_BLOCS`), whose members are all in the study.

Examples
--------
>>> blocs = pd.DataFrame({"bloc": ["X", "X"], "iso3": ["AAA", "BBB"],
...                       "joined": ["1994", "1995-09-01"], "left": ["2002", None]})
>>> membership_by_year(blocs, range(1994, 1998)).groupby("year")["iso3"].apply(list).to_dict()
{1994: ['AAA'], 1995: ['AAA'], 1996: ['AAA', 'BBB'], 1997: ['AAA', 'BBB']}
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from transition.data import countries
from transition.data.loaders import VARIABLES
from transition.data.vocabulary import (  # noqa: F401
    BLOC_IDS,
    COMPARISON_BLOCS,
    DEFAULT_GDP_MEASURE,
    EBRD_LAST_YEAR,
    ESSAY_YEAR,
    GDP_MEASURES,
    POST_SOVIET_BLOCS,
)
from transition.paths import DATA_DIR
from transition.present.style import GROUP_COLORS

BLOCS_CSV = DATA_DIR / "blocs.csv"
#: Short display names.
BLOC_LABELS = {"CIS": "CIS", "CAEC": "CAEC (Central Asian Union)", "CU1995": "Customs Union 1995",
               "GUAM": "GUAM", "UNION_STATE": "Union State", "EURASEC": "EurAsEC", "CACO": "CACO",
               "CU2010": "Customs Union 2010", "EAEU": "EAEU", "EU": "EU", "WTO": "WTO"}
BLOC_COLORS = {"CIS": "#641e16", "CAEC": "#e67e22", "CU1995": "#a569bd", "GUAM": "#2e86c1",
               "UNION_STATE": "#34495e", "EURASEC": "#e74c3c", "CACO": "#b7950b", "CU2010": "#16a085",
               "EAEU": "#c2185b", "EU": "#1e8449", "WTO": "#7f8c8d"}
#: Day of the year on which membership is read (month, day), and the day a bare year stands for.
REFERENCE_DAY = (7, 1)
#: Pre-crisis year of the C10 outcome comparison (also the year of the 2007 EU enlargement).
PRE_CRISIS_YEAR = 2007



_YEAR_ONLY = re.compile(r"^\d{4}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_bloc_date(value) -> pd.Timestamp | None:
    """A date of ``data/blocs.csv`` as a Timestamp: ISO date as is, a bare year as 1 July, empty as None.

    Examples
    --------
    >>> parse_bloc_date("2004-05-01"), parse_bloc_date("1994"), parse_bloc_date("")
    (Timestamp('2004-05-01 00:00:00'), Timestamp('1994-07-01 00:00:00'), None)
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    if text.endswith(".0") and _YEAR_ONLY.match(text[:-2]):  # a year column read as float
        text = text[:-2]
    if not text:
        return None
    if _YEAR_ONLY.match(text):
        return pd.Timestamp(int(text), *REFERENCE_DAY)
    if _ISO_DATE.match(text):
        return pd.Timestamp(text)
    raise ValueError(f"bloc date {value!r} is neither an ISO date (YYYY-MM-DD) nor a bare year (YYYY)")


def load_blocs(path=BLOCS_CSV) -> pd.DataFrame:
    """``data/blocs.csv`` with parsed dates and a flag for year-only dates.

    Returns
    -------
    DataFrame with the file's columns plus ``joined_date``, ``left_date`` (Timestamp or NaT) and
    ``year_only`` (True when either date is a bare year).
    """
    blocs = pd.read_csv(path, dtype=str, keep_default_na=False)
    return _parse(blocs)


def _parse(blocs: pd.DataFrame) -> pd.DataFrame:
    blocs = blocs.copy()
    blocs["joined_date"] = pd.to_datetime([parse_bloc_date(v) for v in blocs["joined"]])
    blocs["left_date"] = pd.to_datetime([parse_bloc_date(v) for v in blocs["left"]])
    if blocs["joined_date"].isna().any():
        raise ValueError("every membership needs a joined date; missing for "
                         + ", ".join(blocs.loc[blocs["joined_date"].isna(), ["bloc", "iso3"]].agg(" ".join, axis=1)))
    blocs["year_only"] = [bool(_YEAR_ONLY.match(str(j).strip())) or bool(_YEAR_ONLY.match(str(l).strip()))
                          for j, l in zip(blocs["joined"], blocs["left"].fillna(""))]
    return blocs


def membership_by_year(blocs: pd.DataFrame, years) -> pd.DataFrame:
    """One row per (bloc, iso3, year) of membership under the 1 July rule.

    Parameters
    ----------
    blocs : DataFrame
        bloc, iso3, joined, left (strings as in ``data/blocs.csv``) or already parsed
        (``joined_date``, ``left_date``).
    years : iterable of int

    Returns
    -------
    DataFrame with columns bloc, iso3, year, sorted.
    """
    if "joined_date" not in blocs:
        blocs = _parse(blocs)
    rows = []
    for year in years:
        day = pd.Timestamp(int(year), *REFERENCE_DAY)
        member = (blocs["joined_date"] <= day) & (blocs["left_date"].isna() | (blocs["left_date"] > day))
        rows.append(blocs.loc[member, ["bloc", "iso3"]].assign(year=int(year)))
    frame = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["bloc", "iso3", "year"])
    return frame.drop_duplicates().sort_values(["bloc", "year", "iso3"]).reset_index(drop=True).astype({"year": "int64"})


def members(membership: pd.DataFrame, bloc: str, year: int) -> list[str]:
    """ISO3 codes of the members of ``bloc`` in ``year`` (sorted)."""
    rows = membership[(membership["bloc"] == bloc) & (membership["year"] == year)]
    return sorted(rows["iso3"])


def timeline_spells(blocs: pd.DataFrame, present_year: int, order=None) -> pd.DataFrame:
    """Membership spells for a timeline: start and end as decimal years; open spells end at ``present_year`` + 1.

    Parameters
    ----------
    blocs : DataFrame
        Rows of the bloc table (raw or parsed).
    present_year : int
        Spells still open (or ending later) are drawn to the end of this year; spells starting
        after it are dropped.
    order : list of str, optional
        Order of the blocs (default: their order in ``blocs``).

    Returns
    -------
    DataFrame with bloc, iso3, start, end (decimal years), open (no ``left`` date or a ``left``
    date after ``present_year``), year_only; sorted by bloc (``order``) and joining date.
    """
    if "joined_date" not in blocs:
        blocs = _parse(blocs)

    def decimal(stamp: pd.Timestamp) -> float:
        return stamp.year + (stamp.dayofyear - 1) / (366 if stamp.is_leap_year else 365)

    spells = blocs.assign(
        start=[decimal(d) for d in blocs["joined_date"]],
        end=[decimal(d) if pd.notna(d) else present_year + 1.0 for d in blocs["left_date"]],
        open=blocs["left_date"].isna(),
    )
    spells = spells[spells["start"] < present_year + 1]
    spells = spells.assign(open=spells["open"] | (spells["end"] > present_year + 1),
                           end=spells["end"].clip(upper=present_year + 1.0))
    rank = {bloc: i for i, bloc in enumerate(order if order is not None else dict.fromkeys(spells["bloc"]))}
    spells = spells.assign(_o=spells["bloc"].map(rank)).sort_values(["_o", "start", "iso3"])
    return spells[["bloc", "iso3", "start", "end", "open", "year_only"]].reset_index(drop=True)


def gdp_levels(tidy: pd.DataFrame, measure: str = DEFAULT_GDP_MEASURE) -> pd.DataFrame:
    """GDP levels by country-year for one of :data:`GDP_MEASURES` (units differ; only shares compare).

    Returns
    -------
    DataFrame with columns iso3, year, gdp (rows with a positive value only).
    """
    if measure not in GDP_MEASURES:
        raise ValueError(f"gdp_measure must be one of {', '.join(GDP_MEASURES)}; got {measure!r}")
    spec = GDP_MEASURES[measure]
    level = tidy[tidy["variable"] == spec["variable"]].set_index(["iso3", "year"])["value"]
    if "times" in spec:
        other = tidy[tidy["variable"] == spec["times"]].set_index(["iso3", "year"])["value"]
        level = (level * other).dropna()
    level = level[level > 0].rename("gdp")
    return level.reset_index().sort_values(["iso3", "year"]).reset_index(drop=True)


def measure_sources(measure: str) -> list[str]:
    """Registry source ids behind a GDP measure (for figure source notes)."""
    spec = GDP_MEASURES[measure]
    return [VARIABLES[v].source for v in (spec["variable"], spec.get("times")) if v]


def bloc_gdp_shares(membership: pd.DataFrame, gdp: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each member's share of its bloc's GDP, per bloc-year, over the members with data.

    A member without GDP data in a year is left out of that year's total (the shares of the
    others still add to 100) and counted in the coverage table.

    Parameters
    ----------
    membership : DataFrame
        bloc, iso3, year (from :func:`membership_by_year`).
    gdp : DataFrame
        iso3, year, gdp (from :func:`gdp_levels`).

    Returns
    -------
    weights : DataFrame
        bloc, year, iso3, gdp_share_pct (bloc-years where no member has data are absent).
    coverage : DataFrame
        bloc, year, n_members, n_with_data, n_missing, missing (space-separated ISO3).
    """
    merged = membership.merge(gdp, on=["iso3", "year"], how="left")
    total = merged.groupby(["bloc", "year"])["gdp"].transform("sum")
    merged["gdp_share_pct"] = 100 * merged["gdp"] / total
    weights = merged.dropna(subset=["gdp_share_pct"])[["bloc", "year", "iso3", "gdp_share_pct"]]
    weights = weights.sort_values(["bloc", "year", "iso3"]).reset_index(drop=True)
    coverage = merged.groupby(["bloc", "year"]).agg(
        n_members=("iso3", "size"), n_with_data=("gdp", "count"),
        missing=("iso3", lambda s: " ".join(sorted(s[merged.loc[s.index, "gdp"].isna()])))).reset_index()
    coverage.insert(4, "n_missing", coverage["n_members"] - coverage["n_with_data"])
    return weights, coverage.sort_values(["bloc", "year"]).reset_index(drop=True)


def share(weights: pd.DataFrame, bloc: str, iso3: str, year: int | str = "latest") -> tuple[int | None, float]:
    """``iso3``'s GDP share in ``bloc`` in ``year`` (or the latest year with a share): (year, percent).

    Returns (None, nan) when the bloc has no share for the country in that year.
    """
    rows = weights[(weights["bloc"] == bloc) & (weights["iso3"] == iso3)].set_index("year")["gdp_share_pct"]
    if year == "latest":
        return (int(rows.index.max()), float(rows[rows.index.max()])) if len(rows) else (None, float("nan"))
    return (int(year), float(rows[year])) if year in rows.index else (None, float("nan"))


def shares_across_measures(tidy: pd.DataFrame, membership: pd.DataFrame, pairs, year: int,
                           last_year: int) -> pd.DataFrame:
    """A core's GDP share under every GDP measure, in ``year`` and in the latest year up to ``last_year``.

    Parameters
    ----------
    pairs : iterable of (bloc, iso3)
        E.g. ``[("CIS", "RUS"), ("CACO", "KAZ")]``.

    Returns
    -------
    DataFrame with measure, bloc, iso3, share_year, share_pct, latest_year, latest_share_pct.
    """
    rows = []
    pairs = list(pairs)
    chosen = membership[membership["bloc"].isin({bloc for bloc, _ in pairs}) & (membership["year"] <= last_year)]
    for measure in GDP_MEASURES:
        weights, _ = bloc_gdp_shares(chosen, gdp_levels(tidy, measure))
        for bloc, iso3 in pairs:
            _, at_year = share(weights, bloc, iso3, year)
            latest_year, latest = share(weights, bloc, iso3)
            rows.append({"measure": measure, "bloc": bloc, "iso3": iso3, "share_year": year, "share_pct": at_year,
                         "latest_year": latest_year, "latest_share_pct": latest})
    return pd.DataFrame(rows).astype({"latest_year": "Int64"})


def fragmentation(membership: pd.DataFrame, iso3: list[str], blocs=POST_SOVIET_BLOCS) -> pd.DataFrame:
    """How many blocs divide a set of countries, year by year (claim C8).

    The CIS is the all-region frame; the other blocs are "sub-regional".

    Parameters
    ----------
    membership : DataFrame
        bloc, iso3, year.
    iso3 : list of str
        The countries (e.g. the 12 CIS countries of the study).
    blocs : iterable of str
        Blocs to count.

    Returns
    -------
    DataFrame, one row per year of ``membership``: n_blocs_active (blocs with at least one of the
    countries as member), n_subregional_blocs, n_in_subregional (countries in at least one
    sub-regional bloc), n_overlapping (countries in two or more sub-regional blocs),
    largest_subregional (members of the largest sub-regional bloc), n_outside_all (countries in
    none of the blocs).
    """
    blocs = list(blocs)
    rows = membership[membership["iso3"].isin(iso3) & membership["bloc"].isin(blocs)]
    sub = rows[rows["bloc"] != "CIS"]
    out = []
    for year in sorted(membership["year"].unique()):
        here, sub_here = rows[rows["year"] == year], sub[sub["year"] == year]
        per_country = sub_here.groupby("iso3").size()
        out.append({
            "year": int(year),
            "n_blocs_active": here["bloc"].nunique(),
            "n_subregional_blocs": sub_here["bloc"].nunique(),
            "n_in_subregional": int((per_country >= 1).sum()),
            "n_overlapping": int((per_country >= 2).sum()),
            "largest_subregional": int(sub_here.groupby("bloc").size().max()) if len(sub_here) else 0,
            "n_outside_all": len(set(iso3) - set(here["iso3"])),
        })
    return pd.DataFrame(out)


def eu_cohorts(blocs: pd.DataFrame) -> dict[str, list[str]]:
    """EU accession cohorts from the EU rows of the bloc table: ``{"EU-2004": [...], ...}``."""
    if "joined_date" not in blocs:
        blocs = _parse(blocs)
    eu = blocs[blocs["bloc"] == "EU"]
    return {f"EU-{year}": sorted(group["iso3"]) for year, group in eu.groupby(eu["joined_date"].dt.year)}


def comparison_groups(blocs: pd.DataFrame, membership: pd.DataFrame, eaeu_year: int) -> dict[str, list[str]]:
    """The C10 groups: EAEU members in ``eaeu_year``, the other CIS countries, and the EU cohorts."""
    eaeu = members(membership, "EAEU", eaeu_year)
    cis = [c for c in countries.study_iso3() if countries.group_of()[c] == "CIS"]
    return {"EAEU": eaeu, "CIS outside EAEU": sorted(set(cis) - set(eaeu)), **eu_cohorts(blocs)}


def essay_time_groups(membership: pd.DataFrame, year: int = ESSAY_YEAR) -> dict[str, list[str]]:
    """The C9 groups at the essay's time: EurAsEC members, the other CIS countries, GUAM members."""
    cis = [c for c in countries.study_iso3() if countries.group_of()[c] == "CIS"]
    eurasec = members(membership, "EURASEC", year)
    return {f"EurAsEC {year}": eurasec, f"CIS outside EurAsEC {year}": sorted(set(cis) - set(eurasec)),
            f"GUAM {year}": members(membership, "GUAM", year)}


def group_paths(tidy: pd.DataFrame, variable: str, groups: dict[str, list[str]],
                years=None) -> pd.DataFrame:
    """Median, mean and count of ``variable`` by group and year.

    Returns
    -------
    DataFrame with group, year, n, median, mean (group-years without data are absent).
    """
    values = tidy[tidy["variable"] == variable]
    if years is not None:
        values = values[values["year"].isin(list(years))]
    frames = [values[values["iso3"].isin(codes)].assign(group=name) for name, codes in groups.items()]
    stacked = pd.concat(frames, ignore_index=True)
    table = stacked.groupby(["group", "year"])["value"].agg(n="count", median="median", mean="mean").reset_index()
    order = {name: i for i, name in enumerate(groups)}
    table = table.assign(_o=table["group"].map(order)).sort_values(["_o", "year"]).drop(columns="_o")
    return table.astype({"year": "int64", "n": "int64"}).reset_index(drop=True)


def cagr(start: float, end: float, years: int) -> float:
    """Average annual growth in percent from ``start`` to ``end`` over ``years`` years.

    >>> round(cagr(100.0, 121.0, 2), 6)
    10.0
    """
    if years <= 0 or not (start > 0 and end > 0):
        return float("nan")
    return 100 * ((end / start) ** (1 / years) - 1)


def outcome_table(tidy: pd.DataFrame, groups: dict[str, list[str]], comparison_year: int,
                  last_year: int, gdp_variable: str = "gdp_index_wdi",
                  outcome_year: int = PRE_CRISIS_YEAR) -> pd.DataFrame:
    """Reform progress and output outcomes per country of the comparison groups (claim C10).

    Columns: group, iso3, the EBRD average and the three reform areas in ``comparison_year``,
    the GDP index (1989 = 100) in ``outcome_year`` and in the latest year with data up to
    ``last_year`` (``latest_year``), and average annual growth between the two (% per year).
    """
    wide = tidy[tidy["variable"].isin(["reform_ebrd_average", "reform_liberalization", "reform_privatization",
                                       "reform_institutions", gdp_variable])]
    rows = []
    for group, codes in groups.items():
        for code in codes:
            own = wide[wide["iso3"] == code]
            reform = own[own["year"] == comparison_year].set_index("variable")["value"]
            gdp = own[(own["variable"] == gdp_variable) & (own["year"] <= last_year)].set_index("year")["value"]
            latest = int(gdp.index.max()) if len(gdp) else None
            mid = float(gdp.get(outcome_year, np.nan))
            end = float(gdp[latest]) if latest is not None else np.nan
            rows.append({
                "group": group, "iso3": code,
                "ebrd_average": reform.get("reform_ebrd_average", np.nan),
                "liberalization": reform.get("reform_liberalization", np.nan),
                "privatization": reform.get("reform_privatization", np.nan),
                "institutions": reform.get("reform_institutions", np.nan),
                f"gdp_index_{outcome_year}": mid, "gdp_index_latest": end, "latest_year": latest,
                f"growth_{outcome_year}_latest_pct_pa": cagr(mid, end, latest - outcome_year) if latest else np.nan,
            })
    table = pd.DataFrame(rows)
    table.insert(2, "comparison_year", comparison_year)
    return table.astype({"latest_year": "Int64"})


def group_medians(table: pd.DataFrame) -> pd.DataFrame:
    """Medians of every numeric column of :func:`outcome_table` by group (with the count of countries)."""
    numeric = [c for c in table.columns if c not in ("group", "iso3", "comparison_year", "latest_year")]
    medians = table.groupby("group", sort=False)[numeric].median()
    medians.insert(0, "n", table.groupby("group", sort=False).size())
    return medians.reset_index()


# ---------------------------------------------------------------- headline numbers

def _headline(key: str, value, unit: str, description: str) -> dict:
    return {"key": key, "value": value, "unit": unit, "description": description}


def group_key(name: str) -> str:
    """A group name as a headline-key fragment: 'EU-2004' → 'eu2004', 'CIS outside EAEU' → 'cis_outside_eaeu'.

    >>> group_key("EU-2004"), group_key("CIS outside EAEU")
    ('eu2004', 'cis_outside_eaeu')
    """
    return re.sub(r"[^a-z0-9]+", "_", name.lower().replace("-", "")).strip("_")


def core_share_headlines(weights: pd.DataFrame, blocs, measure: str) -> list[dict]:
    """Headlines of C9's first half: Russia's and Kazakhstan's GDP shares at the essay's time and latest.

    Only blocs in ``blocs`` give headlines. Russia: CIS, EurAsEC, Union State (essay year and
    latest), EAEU (first and latest year). Kazakhstan: CAEC (its last year), CACO (essay year),
    EurAsEC (essay year), EAEU (latest).
    """
    items = []
    for bloc in ("CIS", "EURASEC", "UNION_STATE", "EAEU"):
        if bloc not in blocs:
            continue
        name = bloc.lower()
        if bloc == "EAEU":
            rows = weights[(weights["bloc"] == bloc) & (weights["iso3"] == "RUS")]
            first = int(rows["year"].min()) if len(rows) else None
            items.append(_headline("rus_share_eaeu_first_pct", share(weights, bloc, "RUS", first)[1] if first else float("nan"),
                                   "% of bloc GDP", f"Russia's share of EAEU GDP in its first year with data ({first}; {measure})"))
        else:
            items.append(_headline(f"rus_share_{name}_{ESSAY_YEAR}_pct", share(weights, bloc, "RUS", ESSAY_YEAR)[1],
                                   "% of bloc GDP", f"Russia's share of {bloc} GDP in {ESSAY_YEAR} ({measure})"))
        year, value = share(weights, bloc, "RUS")
        items.append(_headline(f"rus_share_{name}_latest_pct", value, "% of bloc GDP",
                               f"Russia's share of {bloc} GDP in {year}, the bloc's latest year with data ({measure})"))
        items.append(_headline(f"rus_share_{name}_latest_year", year, "year", f"year of rus_share_{name}_latest_pct"))
    if "CAEC" in blocs:
        year, value = share(weights, "CAEC", "KAZ")
        items.append(_headline("kaz_share_caec_last_pct", value, "% of bloc GDP",
                               f"Kazakhstan's share of CAEC GDP in {year}, CAEC's last year with data ({measure})"))
    for bloc in ("CACO", "EURASEC"):
        if bloc in blocs:
            items.append(_headline(f"kaz_share_{bloc.lower()}_{ESSAY_YEAR}_pct", share(weights, bloc, "KAZ", ESSAY_YEAR)[1],
                                   "% of bloc GDP", f"Kazakhstan's share of {bloc} GDP in {ESSAY_YEAR} ({measure})"))
    if "EAEU" in blocs:
        year, value = share(weights, "EAEU", "KAZ")
        items.append(_headline("kaz_share_eaeu_latest_pct", value, "% of bloc GDP",
                               f"Kazakhstan's share of EAEU GDP in {year} ({measure})"))
    return items


def fragmentation_headlines(frag: pd.DataFrame, years: dict[str, int], n_countries: int) -> list[dict]:
    """Headlines of C8: blocs active, overlapping memberships, largest sub-regional bloc, per named year.

    ``years`` maps a key suffix to a year, e.g. ``{"1995": 1995, "latest": 2024}``.
    """
    items = []
    rows = frag.set_index("year")
    for suffix, year in years.items():
        row = rows.loc[year]
        items += [
            _headline(f"n_blocs_cis_{suffix}", row["n_blocs_active"], "blocs",
                      f"post-Soviet blocs with CIS members in {year} (incl. the CIS; membership on 1 July)"),
            _headline(f"n_overlapping_cis_{suffix}", row["n_overlapping"], "countries",
                      f"CIS countries in two or more sub-regional blocs in {year}"),
            _headline(f"largest_subregional_bloc_{suffix}", row["largest_subregional"], "countries",
                      f"members of the largest sub-regional bloc in {year} (of the {n_countries} CIS countries)"),
        ]
    peak = rows["n_blocs_active"]
    items.append(_headline("n_blocs_cis_peak", peak.max(), "blocs", "most post-Soviet blocs with CIS members in any year"))
    items.append(_headline("n_blocs_cis_peak_first_year", int(peak.idxmax()), "year", "first year of the peak count"))
    return items


def membership_reform_headlines(paths: pd.DataFrame, groups: dict[str, list[str]], years=(2000, EBRD_LAST_YEAR)) -> list[dict]:
    """Headlines of C9's second half: median EBRD average by essay-time membership group and year."""
    medians = paths.set_index(["group", "year"])["median"]
    items = []
    for year in years:
        for name, codes in groups.items():
            key = group_key(name.replace(f" {ESSAY_YEAR}", ""))
            items.append(_headline(f"ebrd_average_{year}_median_{key}_{ESSAY_YEAR}", medians.get((name, year), float("nan")),
                                   "EBRD score 1-4.33", f"median EBRD average in {year}, {name} ({' '.join(codes)})"))
    return items


def comparison_headlines(medians: pd.DataFrame, groups: dict[str, list[str]], comparison_year: int,
                         outcome_year: int = PRE_CRISIS_YEAR) -> list[dict]:
    """Headlines of C10: group medians of reform scores (comparison year) and GDP outcomes."""
    columns = [("ebrd_average", "ebrd_average_comparison_year", "EBRD score 1-4.33", f"median EBRD average in {comparison_year}"),
               ("institutions", "institutions_comparison_year", "EBRD score 1-4.33",
                f"median market-institutions score in {comparison_year}"),
               (f"gdp_index_{outcome_year}", f"gdp_index_{outcome_year}", "index, 1989 = 100",
                f"median real GDP index in {outcome_year}"),
               ("gdp_index_latest", "gdp_index_latest", "index, 1989 = 100", "median real GDP index in the latest year"),
               (f"growth_{outcome_year}_latest_pct_pa", f"growth_{outcome_year}_latest_pct_pa", "% per year",
                f"median average real GDP growth {outcome_year}-latest")]
    rows = medians.set_index("group")
    items = []
    for group in rows.index:
        for column, suffix, unit, text in columns:
            items.append(_headline(f"{group_key(group)}_median_{suffix}", rows.loc[group, column], unit,
                                   f"{text}, {group} ({' '.join(groups[group])})"))
    return items


# ---------------------------------------------------------------- figures

def plot_timeline(spells: pd.DataFrame, first_year: int, present_year: int, lang: str = "en"):
    """Gantt chart of membership spells: one row per bloc × country, grouped by bloc.

    ``lang`` translates the bloc names of the row labels ("Customs Union 1995 · KAZ"); every other
    text is translated by ``Outputs.figure``.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from transition.present.labels import translate

    n = len(spells)
    fig, ax = plt.subplots(figsize=(11, 0.19 * n + 1.6))
    y = np.arange(n)[::-1]
    for yi, row in zip(y, spells.itertuples()):
        ax.barh(yi, row.end - row.start, left=row.start, height=0.72, color=BLOC_COLORS.get(row.bloc, "0.5"),
                hatch="///" if row.year_only else None, edgecolor="white" if not row.year_only else "0.2",
                linewidth=0.3)
        if row.open:
            ax.plot(row.end, yi, marker=">", color=BLOC_COLORS.get(row.bloc, "0.5"), markersize=4)
    ax.set_yticks(y, [f"{translate(BLOC_LABELS.get(b, b), lang)} · {c}" for b, c in zip(spells["bloc"], spells["iso3"])],
                  fontsize=7)
    boundaries = np.flatnonzero(spells["bloc"].to_numpy()[1:] != spells["bloc"].to_numpy()[:-1])
    for b in boundaries:
        ax.axhline(y[b] - 0.5, color="0.7", linewidth=0.6)
    ax.axvline(ESSAY_YEAR + 0.5, color="0.3", linestyle=":", linewidth=1)
    ax.text(ESSAY_YEAR + 0.6, y[0] + 0.6, f"essay's time ({ESSAY_YEAR})", fontsize=8, va="bottom")
    ax.set_xlim(min(first_year - 1, spells["start"].min() - 0.5), present_year + 1.5)
    ax.set_ylim(-0.7, n - 0.2 + 0.9)
    ax.set_xlabel("year (bars from the joining date to the leaving date; ▸ = still a member)")
    ax.set_title("Membership of the post-communist economies in regional blocs, by country")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(handles=[Patch(facecolor="white", edgecolor="0.2", hatch="///", label="date known to the year only (drawn from 1 July)")],
              loc="lower left", fontsize=8, framealpha=0.9)
    fig.tight_layout()
    return fig


def plot_core_shares(weights: pd.DataFrame, russia_blocs, kazakhstan_blocs, measure_label: str):
    """Two panels: Russia's GDP share in each bloc; Kazakhstan's GDP share in its blocs."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8), sharey=True)
    for ax, iso3, name, chosen in [(axes[0], "RUS", "Russia", russia_blocs), (axes[1], "KAZ", "Kazakhstan", kazakhstan_blocs)]:
        for bloc in chosen:
            rows = weights[(weights["bloc"] == bloc) & (weights["iso3"] == iso3)]
            if len(rows):
                ax.plot(rows["year"], rows["gdp_share_pct"], marker="o", markersize=3, linewidth=1.6,
                        color=BLOC_COLORS[bloc], label=BLOC_LABELS[bloc])
        ax.axvline(ESSAY_YEAR, color="0.3", linestyle=":", linewidth=1)
        ax.set_title(f"{name}'s share of bloc GDP")
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="center right" if iso3 == "KAZ" else "lower right")
    kaz_caco = weights[(weights["bloc"] == "CACO") & (weights["iso3"] == "KAZ")].set_index("year")["gdp_share_pct"]
    if "CACO" in kazakhstan_blocs and len(kaz_caco) > 1 and kaz_caco.index.max() >= 2004:
        axes[1].annotate("Russia joins CACO (2004)", xy=(2004, kaz_caco.get(2004, kaz_caco.iloc[-1])),
                         xytext=(2005.5, 35), fontsize=8, arrowprops={"arrowstyle": "->", "color": "0.3"})
    axes[0].set_ylabel(f"% of the bloc's GDP ({measure_label})")
    axes[0].set_ylim(0, 100)
    fig.suptitle("Concentric circles? The weight of the cores in the post-Soviet blocs (dotted line: the essay's time)")
    fig.tight_layout()
    return fig


def plot_fragmentation(frag: pd.DataFrame, n_countries: int):
    """Step lines: blocs active among the CIS countries, and countries in several sub-regional blocs."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5))
    series = [("n_blocs_active", "post-Soviet blocs with CIS members (incl. the CIS)", "#7b241c", "-"),
              ("n_in_subregional", "countries in at least one sub-regional bloc", "#1f618d", "-"),
              ("n_overlapping", "countries in two or more sub-regional blocs", "#d68910", "--"),
              ("largest_subregional", "members of the largest sub-regional bloc", "#1e8449", ":")]
    for column, label, color, style in series:
        ax.step(frag["year"], frag[column], where="mid", color=color, linestyle=style, linewidth=2, label=label)
    ax.axhline(n_countries, color="0.6", linewidth=0.8)
    ax.text(frag["year"].max(), n_countries + 0.15, f"all {n_countries} CIS countries of the study",
            fontsize=8, color="0.4", ha="right")
    ax.axvline(ESSAY_YEAR, color="0.3", linestyle=":", linewidth=1)
    ax.set_ylim(0, n_countries + 1.2)
    ax.set_xlabel("year (membership on 1 July)")
    ax.set_ylabel("number of blocs / countries")
    ax.set_title("Integration by regions and groups: blocs and overlapping memberships among the CIS countries")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
    fig.tight_layout()
    return fig


GROUP_STYLE = {"EAEU": (GROUP_COLORS["CIS"], "-"), "CIS outside EAEU": ("#e59866", "--"),
               "EU-2004": (GROUP_COLORS["CEE & Baltics"], "-"), "EU-2007": (GROUP_COLORS["SEE"], "-"),
               "EU-2013": (GROUP_COLORS["Mongolia"], "-")}


def plot_comparison(reform_paths: pd.DataFrame, gdp_paths: pd.DataFrame, groups: dict[str, list[str]],
                    comparison_year: int):
    """Median reform path (EBRD average) and median GDP index by group, side by side."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8))
    for ax, paths in [(axes[0], reform_paths), (axes[1], gdp_paths)]:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for group in groups:
            rows = paths[paths["group"] == group]
            color, style = GROUP_STYLE.get(group, ("0.4", "-"))
            ax.plot(rows["year"], rows["median"], color=color, linestyle=style, linewidth=2,
                    label=f"{group} (n={len(groups[group])})")
        ax.grid(alpha=0.3)
        ax.set_xlabel("year")
    axes[0].axvline(comparison_year, color="0.3", linestyle=":", linewidth=1)
    axes[0].set_ylabel("EBRD average transition indicator (1 to 4.33), median")
    axes[0].set_title("Reform progress, 1989-2006")
    axes[0].legend(fontsize=8, loc="upper left")
    axes[1].axhline(100, color="0.6", linewidth=0.8)
    axes[1].axvline(PRE_CRISIS_YEAR, color="0.3", linestyle=":", linewidth=1)
    axes[1].set_ylabel("real GDP index, 1989 = 100 (WDI, spliced), median")
    axes[1].set_title("Output")
    fig.suptitle("Eurasian Economic Union members vs the EU accession cohorts of 2004, 2007 and 2013")
    fig.tight_layout()
    return fig


def findings_text(headlines: dict, n_cis: int, last_year: int, comparison_year: int, gdp_label: str) -> str:
    """The notebook's Findings (C8, C9, C10) as Markdown, from its headline numbers.

    The judgements in the text use the claims ledger's thresholds (:mod:`transition.claims.ledger`), so
    that this notebook and the ledger never disagree: a core holds at least ``C9_CORE_SHARE`` % of
    bloc GDP; membership tracks reform when members lead by one EBRD step (``C9_REFORM_STEP``).
    """
    from transition.claims.ledger import C9_CORE_SHARE, C9_REFORM_STEP
    from transition.present.text import format_number

    h = {key: entry["value"] for key, entry in headlines.items()}
    f = lambda key, digits=1: format_number(h.get(key), digits)  # noqa: E731
    y = lambda key: "n/a" if h.get(key) is None else str(h[key])  # noqa: E731
    v = lambda key: float("nan") if h.get(key) is None else h[key]  # noqa: E731
    by_groups = v("largest_subregional_bloc_2002") < n_cis
    kaz_core = v("kaz_share_caco_2002_pct") >= C9_CORE_SHARE and v("kaz_share_eaeu_latest_pct") < C9_CORE_SHARE
    gap_2006 = v("ebrd_average_2006_median_eurasec_2002") - v("ebrd_average_2006_median_cis_outside_eurasec_2002")
    tracks = gap_2006 >= C9_REFORM_STEP - 1e-9
    return f"""
**C8 — integration by regions and groups.** Among the 12 CIS countries, {f('n_blocs_cis_1995', 0)} post-Soviet blocs
(counting the CIS) were in force in 1995, {f('n_blocs_cis_2002', 0)} at the essay's time ({ESSAY_YEAR}) and
{f('n_blocs_cis_2015', 0)} in 2015 ({f('n_blocs_cis_latest', 0)} in {last_year}). In {ESSAY_YEAR}
{f('n_overlapping_cis_2002', 0)} countries belonged to two or more sub-regional blocs, and the largest sub-regional bloc
had {f('largest_subregional_bloc_2002', 0)} of the 12 members ({f('largest_subregional_bloc_latest', 0)} in {last_year}):
{'the dated memberships agree that integration proceeded by groups, not across the whole space' if by_groups else 'one sub-regional bloc covered every CIS country'}.

**C9 — the cores.** Russia produced {f('rus_share_cis_2002_pct')}% of CIS GDP in {ESSAY_YEAR} and
{f('rus_share_cis_latest_pct')}% in {y('rus_share_cis_latest_year')}; {f('rus_share_eurasec_2002_pct')}% of EurAsEC's in
{ESSAY_YEAR} and {f('rus_share_eaeu_latest_pct')}% of the EAEU's in {y('rus_share_eaeu_latest_year')}
({gdp_label}). {'Kazakhstan was the core of Central Asia only without Russia' if kaz_core else 'Kazakhstan'}:
{f('kaz_share_caec_last_pct')}% of CAEC GDP in its last year and {f('kaz_share_caco_2002_pct')}% of CACO's in
{ESSAY_YEAR}, but {f('kaz_share_eaeu_latest_pct')}% of the EAEU's. Bloc membership {'tracked' if tracks else 'did not track'} reform (2006 gap {format_number(gap_2006, 2)} points): the median EBRD
average of the {ESSAY_YEAR} EurAsEC members was {f('ebrd_average_2000_median_eurasec_2002', 2)} in 2000 and
{f('ebrd_average_2006_median_eurasec_2002', 2)} in 2006, against {f('ebrd_average_2000_median_cis_outside_eurasec_2002', 2)}
and {f('ebrd_average_2006_median_cis_outside_eurasec_2002', 2)} for the other CIS countries and
{f('ebrd_average_2000_median_guam_2002', 2)} and {f('ebrd_average_2006_median_guam_2002', 2)} for GUAM.

**C10 — the EU experience.** In {comparison_year} the median EBRD average of today's EAEU members was
{f('eaeu_median_ebrd_average_comparison_year', 2)} against {f('eu2004_median_ebrd_average_comparison_year', 2)} for the 2004
EU entrants (market institutions {f('eaeu_median_institutions_comparison_year', 2)} vs
{f('eu2004_median_institutions_comparison_year', 2)}). Real GDP (1989 = 100) stood at a median
{f('eaeu_median_gdp_index_2007')} vs {f('eu2004_median_gdp_index_2007')} in 2007 and {f('eaeu_median_gdp_index_latest')} vs
{f('eu2004_median_gdp_index_latest')} in {y('gdp_index_latest_year')} (median growth since 2007
{f('eaeu_median_growth_2007_latest_pct_pa')}% vs {f('eu2004_median_growth_2007_latest_pct_pa')}% a year). The essay's C10
is a recommendation to study the EU; the data test only the comparison behind it.

*Limits:* memberships are legal status (the CIS and GUAM were often inactive); the bloc file lists study countries only,
so EU and WTO weights are not computed; shares are over members with GDP data
({f('gdp_weights_bloc_years_with_missing', 0)} bloc-years miss a member, listed in `07_bloc_weights_coverage.csv`).
"""
