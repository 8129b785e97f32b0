"""Trade partners from bilateral flows: partner shares, the former republics' trade with each other,
Kazakhstan's partners, and tariffs (claims C4 and C7).

Pure computation: tables in, tables out. The flows are the directed dyads of
:func:`transition.data.trade_dyads.cow_dyads` (iso3, partner_iso3, year, imports, exports,
recorded_zero, break; millions of current US$).

**Rules.** A partner's total trade is exports + imports; it is missing when either flow is missing
(a missing flow is never read as zero). Shares are of the reporter's total over the partners with
data in that year, so they add up to one over those partners; a partner with no data is neither
shared nor ranked, and a partner absent in a year is simply not there. Rank 1 is the largest
partner. Reporter-years that contain a recorded zero known to be missing (flows among the former
republics recorded as 0 in 1992–93, e.g. Kazakhstan–Russia) may lack their main partner: they stay in the partner table but are left out of the bloc
shares and of the size and speed of the fall.

Examples
--------
>>> table = partner_table(dyads)                                  # doctest: +SKIP
>>> shares = bloc_shares(table, flags, eu_membership(blocs, range(1992, 2015)))  # doctest: +SKIP
"""
from __future__ import annotations

import pandas as pd

from transition.data.blocs import membership_by_year
from transition.data.vocabulary import ESSAY_YEAR, FORMER_USSR

PARTNER_COLUMNS = ["iso3", "year", "partner", "exports", "imports", "total", "share", "rank"]
SHARE_COLUMNS = ["iso3", "year", "share_fsu", "share_russia", "share_eu", "share_china", "share_rest"]
RUSSIA, CHINA, KAZAKHSTAN = "RUS", "CHN", "KAZ"
#: The first year of the COW flows of the former republics (the union's own trade statistics are not in it).
FIRST_TRADE_YEAR = 1992
#: EU members outside the study's 29 economies (``data/blocs.csv`` lists the study's members only):
#: iso3 → (joined, left), dates of accession (Treaties of Rome, 1 Jan 1958; later accession treaties).
EU_MEMBERS_OUTSIDE_STUDY = {
    "BEL": ("1958-01-01", ""), "DEU": ("1958-01-01", ""), "FRA": ("1958-01-01", ""), "ITA": ("1958-01-01", ""),
    "LUX": ("1958-01-01", ""), "NLD": ("1958-01-01", ""), "DNK": ("1973-01-01", ""), "IRL": ("1973-01-01", ""),
    "GBR": ("1973-01-01", "2020-01-31"), "GRC": ("1981-01-01", ""), "ESP": ("1986-01-01", ""),
    "PRT": ("1986-01-01", ""), "AUT": ("1995-01-01", ""), "FIN": ("1995-01-01", ""), "SWE": ("1995-01-01", ""),
    "CYP": ("2004-05-01", ""), "MLT": ("2004-05-01", ""),
}
#: Kazakhstan's tariffs: the first year of data, the customs union with Russia and Belarus (common
#: external tariff from 1 January 2010) and accession to the WTO (30 November 2015).
TARIFF_FIRST_YEAR, CUSTOMS_UNION_YEAR, WTO_ACCESSION_YEAR = 2004, 2010, 2015


def partner_table(dyads: pd.DataFrame, drop_break_years: bool = False) -> pd.DataFrame:
    """One row per reporter, year and partner: flows, total, share of the reporter's total, rank.

    Parameters
    ----------
    dyads : DataFrame
        iso3, partner_iso3, year, imports, exports and the flags ``break`` (and ``recorded_zero``).
    drop_break_years : bool
        Leave out the reporter-years with a break (the customs union years of Russia, Belarus and
        Kazakhstan, 2010–11) altogether.

    Returns
    -------
    DataFrame with :data:`PARTNER_COLUMNS`; share and rank are NaN where the total is missing.
    """
    table = dyads.rename(columns={"partner_iso3": "partner"})
    if drop_break_years:
        broken = reporter_year_flags(dyads).query("has_break")[["iso3", "year"]]
        keep = table.merge(broken.assign(_drop=True), on=["iso3", "year"], how="left")["_drop"].isna()
        table = table[keep.to_numpy()]
    table = table.assign(total=table["exports"] + table["imports"])  # NaN when either flow is missing
    sums = table.groupby(["iso3", "year"])["total"].transform("sum")
    table = table.assign(share=table["total"] / sums.where(sums > 0))
    table["rank"] = table.groupby(["iso3", "year"])["total"].rank(ascending=False, method="min")
    table = table.sort_values(["iso3", "year", "rank", "partner"], na_position="last")
    return table[PARTNER_COLUMNS].reset_index(drop=True)


def reporter_year_flags(dyads: pd.DataFrame) -> pd.DataFrame:
    """Per reporter-year: whether any dyad has a recorded zero set to missing, or a break."""
    flags = dyads.groupby(["iso3", "year"]).agg(has_recorded_zero=("recorded_zero", "any"),
                                                has_break=("break", "any"))
    return flags.reset_index()


def eu_membership(blocs: pd.DataFrame, years) -> pd.DataFrame:
    """EU members by year (iso3, year): the study's members from ``data/blocs.csv`` and the others
    from :data:`EU_MEMBERS_OUTSIDE_STUDY`, read with the blocs' membership rule (1 July)."""
    others = pd.DataFrame([{"bloc": "EU", "iso3": iso3, "joined": joined, "left": left}
                           for iso3, (joined, left) in EU_MEMBERS_OUTSIDE_STUDY.items()])
    rows = pd.concat([blocs.loc[blocs["bloc"] == "EU", ["bloc", "iso3", "joined", "left"]], others],
                     ignore_index=True)
    return membership_by_year(rows.fillna(""), years)[["iso3", "year"]]


def bloc_shares(table: pd.DataFrame, flags: pd.DataFrame, eu: pd.DataFrame,
                former_republics=FORMER_USSR) -> pd.DataFrame:
    """Each reporter's share of trade with the other former republics, Russia, the EU, China and the rest.

    ``share_fsu`` counts the partners in ``former_republics`` other than the reporter;
    ``share_eu`` the EU members of that year (the Baltic states count in both from 2004);
    ``share_rest`` the partners in none of these groups. Russia's own ``share_russia`` is NaN.
    Reporter-years with a recorded zero (see the module notes) are left out.
    """
    rows = table.dropna(subset=["share"]).merge(eu.assign(eu=True), left_on=["partner", "year"],
                                                right_on=["iso3", "year"], how="left", suffixes=("", "_eu"))
    rows["fsu"] = rows["partner"].isin(list(former_republics)) & (rows["partner"] != rows["iso3"])
    rows["eu"] = rows["eu"].eq(True)  # NaN (no match) → not a member
    rows["china"] = rows["partner"] == CHINA
    rows["rest"] = ~(rows["fsu"] | rows["eu"] | rows["china"])
    rows["russia"] = rows["partner"] == RUSSIA
    parts = {f"share_{g}": rows["share"].where(rows[g], 0.0) for g in ("fsu", "russia", "eu", "china", "rest")}
    shares = rows[["iso3", "year"]].assign(**parts).groupby(["iso3", "year"]).sum().reset_index()
    shares.loc[shares["iso3"] == RUSSIA, "share_russia"] = float("nan")
    incomplete = flags.loc[flags["has_recorded_zero"], ["iso3", "year"]].assign(_drop=True)
    shares = shares.merge(incomplete, on=["iso3", "year"], how="left")
    shares = shares[shares["_drop"].isna()]
    return shares[SHARE_COLUMNS].sort_values(["iso3", "year"]).reset_index(drop=True)


def _first_year_at_or_below(series: pd.Series, level: float) -> float:
    hits = series[series <= level]
    return float(hits.index.min()) if len(hits) else float("nan")


def fsu_fall(shares: pd.DataFrame, essay_year: int = ESSAY_YEAR, last_year: int | None = None) -> pd.DataFrame:
    """Size and speed of the fall of each country's intra-FSU share.

    From each country's first year with a share (``start_year``) to ``essay_year`` and to its last
    year with data up to ``last_year``: the shares (%), the fall in percentage points, the fall per
    year, and ``half_fall_year``, the first year the share has covered half of its fall to the last
    year (NaN when it did not fall).

    Returns
    -------
    DataFrame: iso3, start_year, start_pct, essay_pct, end_year, end_pct, fall_to_essay_pp,
    fall_to_end_pp, pp_per_year_to_essay, half_fall_year.
    """
    rows = []
    for iso3, group in shares.dropna(subset=["share_fsu"]).groupby("iso3"):
        series = 100 * group.set_index("year")["share_fsu"].sort_index()
        if last_year is not None:
            series = series[series.index <= last_year]
        if series.empty:
            continue
        start_year, end_year = int(series.index[0]), int(series.index[-1])
        start, end, essay = series.iloc[0], series.iloc[-1], series.get(essay_year, float("nan"))
        fall = start - end
        rows.append({"iso3": iso3, "start_year": start_year, "start_pct": start, "essay_pct": essay,
                     "end_year": end_year, "end_pct": end, "fall_to_essay_pp": start - essay, "fall_to_end_pp": fall,
                     "pp_per_year_to_essay": (start - essay) / (essay_year - start_year) if essay_year > start_year else float("nan"),
                     "half_fall_year": _first_year_at_or_below(series, start - fall / 2) if fall > 0 else float("nan")})
    return pd.DataFrame(rows)


def group_median_shares(shares: pd.DataFrame, group_of: dict[str, str]) -> pd.DataFrame:
    """Median shares by group and year (group, year, n_countries and the median of every share)."""
    columns = [c for c in SHARE_COLUMNS if c.startswith("share_")]
    frame = shares.assign(group=shares["iso3"].map(group_of)).dropna(subset=["group"])
    medians = frame.groupby(["group", "year"])[columns].median()
    counts = frame.groupby(["group", "year"])["iso3"].nunique().rename("n_countries")
    return medians.join(counts).reset_index()


def partner_ranking(table: pd.DataFrame, flags: pd.DataFrame, country: str = KAZAKHSTAN,
                    main: str = RUSSIA) -> pd.DataFrame:
    """Year by year for ``country``: the main partner's share and rank, the top partner, and the flags.

    Returns
    -------
    DataFrame: year, top_partner, top_share, main_share, main_rank (NaN when the main partner has no
    data that year: not ranked), n_ranked, has_recorded_zero, has_break.
    """
    own = table[table["iso3"] == country].dropna(subset=["rank"])
    top = own.sort_values(["year", "rank", "partner"]).groupby("year").first()
    main_rows = own[own["partner"] == main].set_index("year")
    ranking = pd.DataFrame({"top_partner": top["partner"], "top_share": top["share"],
                            "main_share": main_rows["share"], "main_rank": main_rows["rank"],
                            "n_ranked": own.groupby("year")["partner"].nunique()})
    years = flags[flags["iso3"] == country].set_index("year")[["has_recorded_zero", "has_break"]]
    ranking = ranking.join(years, how="left").rename_axis("year").reset_index()
    return ranking.fillna({"has_recorded_zero": False, "has_break": False})


def _unflagged(ranking: pd.DataFrame) -> pd.DataFrame:
    return ranking[~(ranking["has_recorded_zero"].astype(bool) | ranking["has_break"].astype(bool))]


def years_main_partner_first(ranking: pd.DataFrame, last_year: int, skip_flagged: bool = True,
                             first_year: int | None = None) -> tuple[int, int]:
    """(years the main partner ranks first, years counted) from ``first_year`` to ``last_year``;
    years with a recorded zero or a break are left out unless ``skip_flagged`` is False."""
    rows = ranking[(ranking["year"] <= last_year) & (ranking["year"] >= (first_year or ranking["year"].min()))]
    if skip_flagged:
        rows = _unflagged(rows)
    return int((rows["main_rank"] == 1).sum()), len(rows)


def last_unflagged_years(ranking: pd.DataFrame, n: int, last_year: int | None = None) -> list[int]:
    """The last ``n`` years (up to ``last_year``) without a recorded zero or a break, in order."""
    rows = _unflagged(ranking if last_year is None else ranking[ranking["year"] <= last_year])
    return sorted(int(year) for year in rows["year"])[-n:]


def tariff_series(tidy: pd.DataFrame, country: str = KAZAKHSTAN, first_year: int = TARIFF_FIRST_YEAR,
                  variables=("wdi_tariff_applied_wm", "wdi_tariff_mfn_wm")) -> pd.DataFrame:
    """A country's weighted-mean tariffs by year from ``first_year`` (year and one column per variable, %)."""
    rows = tidy[(tidy["iso3"] == country) & tidy["variable"].isin(list(variables)) & (tidy["year"] >= first_year)]
    wide = rows.pivot(index="year", columns="variable", values="value").reindex(columns=list(variables))
    return wide.rename_axis(columns=None).reset_index()


def tariff_at(series: pd.DataFrame, variable: str, year: int | None = None) -> tuple[float, float]:
    """(year, value) of a tariff series in ``year``, or at its latest year with data when ``year`` is None."""
    known = series.dropna(subset=[variable])
    if year is not None:
        known = known[known["year"] == year]
    if known.empty:
        return float("nan"), float("nan")
    row = known.iloc[-1]
    return float(row["year"]), float(row[variable])
