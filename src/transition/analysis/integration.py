"""Regional integration after 1991: GDP weights of the cores, fragmentation, bloc comparisons.

Claims C8-C10 of the essay (``../shared/seed/CLAIMS.md``): integration proceeds by regions and
groups (C8); Kazakhstan is the core of Central Asia and Russia the core of the post-Soviet space,
and states move towards these cores as they reform (C9); the EU's enlargement is the experience
to study (C10).

Memberships come from :mod:`transition.data.blocs` (the one reader of ``data/blocs.csv``; its
membership rule: a member in year Y when joined on or before 1 July of Y and not left by then).
The file lists only the 29 economies of the study: non-study members (e.g. Austria in the EU,
the United States in the WTO) are absent. GDP weights are therefore computed for the
post-Soviet blocs only (:data:`POST_SOVIET_BLOCS`), whose members are all in the study.

Examples
--------
>>> membership = pd.DataFrame({"bloc": ["X", "X"], "iso3": ["AAA", "BBB"], "year": [2000, 2000]})
>>> gdp = pd.DataFrame({"iso3": ["AAA", "BBB"], "year": [2000, 2000], "gdp": [3.0, 1.0]})
>>> bloc_gdp_shares(membership, gdp)[0]["gdp_share_pct"].tolist()
[75.0, 25.0]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from transition.analysis.rates import cagr
from transition.data import countries
from transition.data.blocs import bloc_dates, members, parse_blocs
from transition.data.loaders import VARIABLES
from transition.data.vocabulary import (
    DEFAULT_GDP_MEASURE,
    ESSAY_YEAR,
    GDP_MEASURES,
    POST_SOVIET_BLOCS,
)

#: Pre-crisis year of the C10 outcome comparison (also the year of the 2007 EU enlargement).
PRE_CRISIS_YEAR = 2007
#: Kazakhstan's blocs in the core-share table (C9: the core of Central Asia).
KAZAKHSTAN_BLOCS = ("CAEC", "CACO", "EURASEC", "CU2010", "EAEU")
#: The (bloc, core) pairs compared across GDP measures.
MEASURE_PAIRS = (("CIS", "RUS"), ("EURASEC", "RUS"), ("EAEU", "RUS"), ("CACO", "KAZ"), ("EAEU", "KAZ"))
#: C10: each Eurasian agreement and the working union that carried it out (bloc ids of ``data/blocs.csv``):
#: the 1995 Customs Union agreements → the Customs Union of 2010; the EurAsEC treaty (2000) → the EAEU (2015);
#: the Yalta Single Economic Space agreement (2003) → the three-country Single Economic Space (2012).
EURASIAN_STEPS = (("CU1995", "CU2010"), ("EURASEC", "EAEU"), ("SES2003", "SES2012"))
#: Days per year of the C10 durations.
DAYS_PER_YEAR = 365.25
#: Reform variables of the C10 comparison: panel variable → column of :func:`outcome_table`.
REFORM_COLUMNS = {"reform_ebrd_average": "ebrd_average", "reform_liberalization": "liberalization",
                  "reform_privatization": "privatization", "reform_institutions": "institutions"}


def cis_countries() -> list[str]:
    """The CIS countries of the study, in the study's order."""
    return [c for c in countries.study_iso3() if countries.group_of()[c] == "CIS"]


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
    blocs = parse_blocs(blocs)

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
    blocs = parse_blocs(blocs)
    eu = blocs[blocs["bloc"] == "EU"]
    return {f"EU-{year}": sorted(group["iso3"]) for year, group in eu.groupby(eu["joined_date"].dt.year)}


def comparison_groups(blocs: pd.DataFrame, membership: pd.DataFrame, eaeu_year: int | None) -> dict[str, list[str]]:
    """The C10 groups: EAEU members in ``eaeu_year`` (none before the EAEU existed: None), the other CIS
    countries, and the EU cohorts."""
    eaeu = members(membership, "EAEU", eaeu_year) if eaeu_year is not None else []
    cis = cis_countries()
    return {"EAEU": eaeu, "CIS outside EAEU": sorted(set(cis) - set(eaeu)), **eu_cohorts(blocs)}


def essay_time_groups(membership: pd.DataFrame, year: int = ESSAY_YEAR) -> dict[str, list[str]]:
    """The C9 groups at the essay's time: EurAsEC members, the other CIS countries, GUAM members."""
    cis = cis_countries()
    eurasec = members(membership, "EURASEC", year)
    return {f"EurAsEC {year}": eurasec, f"CIS outside EurAsEC {year}": sorted(set(cis) - set(eurasec)),
            f"GUAM {year}": members(membership, "GUAM", year)}


#: C9 as a forecast: the Russia-centred economic bloc at the essay's time and the one it became.
MOVES_FROM, MOVES_TO = ("EURASEC", ESSAY_YEAR), ("EAEU", 2015)
#: The movements of :func:`membership_moves`, toward the core first.
MOVEMENTS = ("moved toward", "stayed in", "moved away", "stayed out")


def membership_moves(tidy: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame, from_bloc=MOVES_FROM,
                     to_bloc=MOVES_TO, reform_years=(ESSAY_YEAR, 2006)) -> pd.DataFrame:
    """Who moved toward the Russia-centred bloc and who moved away, against their reform scores before.

    ``before`` and ``after`` are :func:`~transition.data.blocs.membership_by_year` tables holding the
    years of ``from_bloc`` and ``to_bloc`` ((bloc, year) pairs: EurAsEC in 2002, the EAEU in 2015). A CIS
    state "moved toward" when it is in the later bloc but was not in the earlier one, "moved away" in the
    opposite case, else "stayed in" or "stayed out". The EBRD average in each of ``reform_years`` (the
    indicators end in 2006, before every move of 2006-15 but Uzbekistan's 2006 entry into EurAsEC).

    Returns
    -------
    DataFrame: iso3, in_before, in_after, movement, ebrd_<year> for each of ``reform_years``.
    """
    cis = cis_countries()
    was, now = set(members(before, *from_bloc)), set(members(after, *to_bloc))
    scores = tidy[(tidy["variable"] == "reform_ebrd_average") & tidy["year"].isin(list(reform_years))]
    wide = scores.pivot_table(index="iso3", columns="year", values="value").reindex(cis)
    rows = []
    for code in cis:
        movement = ("stayed in" if code in was and code in now else "moved toward" if code in now
                    else "moved away" if code in was else "stayed out")
        rows.append({"iso3": code, "in_before": code in was, "in_after": code in now, "movement": movement,
                     **{f"ebrd_{year}": float(wide.loc[code].get(year, np.nan)) for year in reform_years}})
    return pd.DataFrame(rows)


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




def core_pairs(weights: pd.DataFrame, blocs, kazakhstan_blocs=KAZAKHSTAN_BLOCS) -> list[tuple[str, str]]:
    """The (bloc, core) pairs of C9: Russia in each of ``blocs`` it has a share in, Kazakhstan in its blocs."""
    russia = set(weights.loc[weights["iso3"] == "RUS", "bloc"])
    return ([(b, "RUS") for b in blocs if b in russia]
            + [(b, "KAZ") for b in kazakhstan_blocs if b in blocs])


def core_shares(weights: pd.DataFrame, pairs, year: int = ESSAY_YEAR) -> pd.DataFrame:
    """A core's GDP share in its bloc: in ``year``, in the bloc's first and latest year with data.

    Returns
    -------
    DataFrame with bloc, iso3, essay_year (share in ``year``), first_year, latest_year, latest.
    """
    rows = []
    for bloc, iso3 in pairs:
        own = weights[(weights["bloc"] == bloc) & (weights["iso3"] == iso3)]
        latest_year, latest = share(weights, bloc, iso3)
        rows.append({"bloc": bloc, "iso3": iso3, "essay_year": share(weights, bloc, iso3, year)[1],
                     "first_year": own["year"].min(), "latest_year": latest_year, "latest": latest})
    return pd.DataFrame(rows)


def bloc_weights(membership: pd.DataFrame, gdp: pd.DataFrame, first_year: int,
                 last_year: int) -> tuple[pd.DataFrame, pd.DataFrame, range]:
    """:func:`bloc_gdp_shares` over ``first_year`` to ``last_year`` or the GDP series' last year if earlier.

    Returns
    -------
    (weights, coverage, years): the two tables of :func:`bloc_gdp_shares` and the years covered.
    """
    years = range(first_year, min(last_year, int(gdp["year"].max())) + 1)
    weights, coverage = bloc_gdp_shares(membership[membership["year"].isin(years)], gdp)
    return weights, coverage, years


def last_member_year(membership: pd.DataFrame, bloc: str) -> int | None:
    """The last year of ``membership`` in which ``bloc`` has members (None: no members in any year)."""
    years = membership.loc[membership["bloc"] == bloc, "year"]
    return int(years.max()) if len(years) else None


# ---------------------------------------------------------------- C10: how long from agreement to working union

def _years(start: pd.Timestamp, end: pd.Timestamp) -> float:
    return (end - start).days / DAYS_PER_YEAR


def _step_row(side: str, step: str, agreement: str, signed: pd.Timestamp, union: str,
              working: pd.Timestamp, as_of: pd.Timestamp | None) -> dict:
    if pd.isna(working) and as_of is None:
        raise ValueError(f"{step}: the union {union!r} has no entry into force; pass as_of to count the years waited")
    done = pd.notna(working) and (as_of is None or working <= as_of)
    end = working if done else as_of
    return {"side": side, "step": step, "agreement": agreement, "signed": signed, "union": union,
            "working": working if done else pd.NaT, "completed": done, "years": _years(signed, end)}


def _frame(rows: list[dict]) -> pd.DataFrame:
    columns = ["side", "step", "agreement", "signed", "union", "working", "completed", "years"]
    return pd.DataFrame(rows, columns=columns).astype({"completed": bool, "years": float})


#: When a union counts as working (claim C10): the first day it was in force for any member (``in_force``, the
#: default), or the day it was in force for all its founding members — every member that joined within a
#: year of that first day (``founders``; the EAEU: Kyrgyzstan, 12 Aug 2015; the CIS FTA: Kazakhstan and
#: Moldova, 31 Dec 2012).
WORKING_RULES = ("in_force", "founders")


def working_date(blocs: pd.DataFrame, union: str, rule: str = "in_force") -> pd.Timestamp:
    """The day ``union`` counts as working under ``rule`` (:data:`WORKING_RULES`)."""
    if rule not in WORKING_RULES:
        raise ValueError(f"working must be one of {', '.join(WORKING_RULES)}, not {rule!r}")
    _, first = bloc_dates(blocs, union)
    if rule == "in_force" or pd.isna(first):
        return first
    joined = parse_blocs(blocs).query("bloc == @union")["joined_date"]
    return joined[joined <= first + pd.DateOffset(years=1)].max()


def eurasian_steps(blocs: pd.DataFrame, steps=EURASIAN_STEPS, as_of=None, agreements: pd.DataFrame | None = None,
                   working: str = "in_force") -> pd.DataFrame:
    """Years from each Eurasian agreement's signature to the first day its union worked (claim C10).

    Parameters
    ----------
    blocs : DataFrame
        The bloc table (raw or parsed) with a ``signed`` column.
    steps : iterable of (agreement bloc, union bloc)
        The agreement's date is the bloc's first signature; the union's the first entry into force.
    as_of : date-like, optional
        Observe only up to this day: agreements signed later are dropped; a union not yet working is
        ``completed = False`` and ``years`` is the time waited so far (a lower bound). A union absent
        from ``blocs`` (a table cut at a date by ``blocs.as_of``, before the union existed) is not yet working.
    agreements : DataFrame, optional
        ``data/eurasian_agreements.csv`` (:func:`~transition.data.blocs.load_eurasian_agreements`): its
        rows replace ``steps``; an agreement that is no bloc of ``blocs`` carries its own ``signed`` date.
    working : str
        When a union counts as working (:data:`WORKING_RULES`).

    Returns
    -------
    DataFrame with side ("Eurasian"), step, agreement, signed, union, working, completed, years.
    """
    as_of = None if as_of is None else pd.Timestamp(as_of)
    known = set(blocs["bloc"])
    if agreements is not None:
        steps = [(row.agreement, row.union, row.signed or None) for row in agreements.itertuples()]
    rows = []
    for agreement, union, *own in steps:
        own_date = own[0] if own else None
        if own_date is None and as_of is not None and agreement not in known:
            continue  # a table cut before the agreement existed (blocs.as_of)
        signed = pd.Timestamp(own_date) if own_date else bloc_dates(blocs, agreement)[0]
        works = working_date(blocs, union, working) if union in known else pd.NaT
        if signed is None:
            raise ValueError(f"bloc {agreement!r} has no signature date (column 'signed')")
        if as_of is None or signed <= as_of:
            rows.append(_step_row("Eurasian", f"{agreement} → {union}", agreement, signed, union, works, as_of))
    return _frame(rows)


def eu_steps(milestones: pd.DataFrame, as_of=None) -> pd.DataFrame:
    """Years from each EU agreement to the stage it set up working, from ``data/eu_milestones.csv``.

    ``milestones`` has one ``agreement`` and one ``working`` row per ``step`` (columns step, kind,
    event, date). ``as_of`` as in :func:`eurasian_steps`. Same columns as :func:`eurasian_steps`
    (side "EU"; agreement and union are the events).
    """
    as_of = None if as_of is None else pd.Timestamp(as_of)
    rows = []
    for step, group in milestones.groupby("step", sort=False):
        by_kind = group.set_index("kind")
        if set(by_kind.index) != {"agreement", "working"}:
            raise ValueError(f"EU step {step!r} needs exactly one 'agreement' and one 'working' row")
        signed, working = pd.Timestamp(by_kind.loc["agreement", "date"]), pd.Timestamp(by_kind.loc["working", "date"])
        if as_of is None or signed <= as_of:
            rows.append(_step_row("EU", step, by_kind.loc["agreement", "event"], signed,
                                  by_kind.loc["working", "event"], working, as_of))
    return _frame(rows)


def duration_summary(steps: pd.DataFrame) -> dict:
    """Median years over the steps (a union not yet working counts with its time waited, a lower bound).

    Returns
    -------
    dict with n_steps, n_completed, median_years (all steps; a lower bound when some are open),
    median_completed_years (completed steps only; nan if none), longest_open_years (nan if none open).

    Examples
    --------
    >>> steps = pd.DataFrame({"completed": [True, True, False], "years": [15.0, 8.0, 3.0]})
    >>> duration_summary(steps)["median_years"], duration_summary(steps)["longest_open_years"]
    (8.0, 3.0)
    """
    done, open_ = steps[steps["completed"]], steps[~steps["completed"]]
    nan = float("nan")
    return {"n_steps": len(steps), "n_completed": len(done),
            "median_years": float(steps["years"].median()) if len(steps) else nan,
            "median_completed_years": float(done["years"].median()) if len(done) else nan,
            "longest_open_years": float(open_["years"].max()) if len(open_) else nan}
