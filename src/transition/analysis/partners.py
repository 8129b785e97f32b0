"""Trade partners from bilateral flows: partner shares, the former republics' trade with each other,
Kazakhstan's partners, and tariffs (claims C4 and C7).

Pure computation: tables in, tables out. The flows are directed dyads (iso3, partner_iso3, year,
imports, exports, recorded_zero, break; millions of current US$): the IMF DOTS records of
:func:`transition.data.dots.dots_dyads` (the reporter's or the partner's, with ``hole`` and
``partner_kind``) or COW's of :func:`transition.data.trade_dyads.cow_dyads`.

**Rules.** A partner's total trade is exports + imports; it is missing when either flow is missing
(a missing flow is never read as zero). Shares are of the reporter's own total (``totals``: the
DOTS ``World`` row, which also holds the trade it does not allocate to a partner) or, without
totals, of the sum over the partners with data (COW); a partner with no data is neither shared nor
ranked, and a partner absent in a year is simply not there. Rank 1 is the largest partner; only
countries are ranked (not the former states, e.g. the USSR, nor the EU as a bloc). Reporter-years
that are *incomplete* — a flow with another former republic recorded as 0 in 1992–93 (COW) or
missing where it mattered (a DOTS hole) — may lack their main partner: they stay in the partner
table but are left out of the bloc shares, the size and speed of the fall, and the years judged.

Examples
--------
>>> table = partner_table(dyads)                                  # doctest: +SKIP
>>> shares = bloc_shares(table, flags, eu_membership(blocs, range(1992, 2015)))  # doctest: +SKIP
"""
from __future__ import annotations

import pandas as pd

from transition.analysis import groups
from transition.data.blocs import membership_by_year
from transition.data.dots import reconcile_totals
from transition.data.vocabulary import ESSAY_YEAR, FORMER_USSR

PARTNER_COLUMNS = ["iso3", "year", "partner", "exports", "imports", "total", "share", "rank"]
SHARE_COLUMNS = ["iso3", "year", "share_fsu", "share_russia", "share_eu", "share_china", "share_rest",
                 "share_unallocated"]
RUSSIA, CHINA, KAZAKHSTAN = "RUS", "CHN", "KAZ"
#: The first year of the bilateral flows of the former republics (the union's own trade statistics are not in them).
FIRST_TRADE_YEAR = 1992
#: Trade with the former Soviet Union that a reporter does not allocate to a republic (DOTS partner "USSR",
#: e.g. Ukraine 1994-95) counts as trade with the former republics.
FORMER_UNION = "SUN"
#: EU members outside the study's 29 economies (``data/blocs.csv`` lists the study's members only):
#: iso3 → (joined, left), dates of accession (Treaties of Rome, 1 Jan 1958; later accession treaties).
EU_MEMBERS_OUTSIDE_STUDY = {
    "BEL": ("1958-01-01", ""), "DEU": ("1958-01-01", ""), "FRA": ("1958-01-01", ""), "ITA": ("1958-01-01", ""),
    "LUX": ("1958-01-01", ""), "NLD": ("1958-01-01", ""), "DNK": ("1973-01-01", ""), "IRL": ("1973-01-01", ""),
    "GBR": ("1973-01-01", "2020-01-31"), "GRC": ("1981-01-01", ""), "ESP": ("1986-01-01", ""),
    "PRT": ("1986-01-01", ""), "AUT": ("1995-01-01", ""), "FIN": ("1995-01-01", ""), "SWE": ("1995-01-01", ""),
    "CYP": ("2004-05-01", ""), "MLT": ("2004-05-01", ""),
    "BLX": ("1958-01-01", ""),  # DOTS's Belgium-Luxembourg, one partner to 1996
}
#: Kazakhstan's tariffs: the first year of data, the customs union with Russia and Belarus (common
#: external tariff from 1 January 2010) and accession to the WTO (30 November 2015).
TARIFF_FIRST_YEAR, CUSTOMS_UNION_YEAR, WTO_ACCESSION_YEAR = 2004, 2010, 2015
#: The descriptive comparison around the 2010 tariff change: the three years before the common external
#: tariff and the three after the customs-union break (2010-11), ending before the WTO tariff cuts.
TARIFF_BEFORE_YEARS, TARIFF_AFTER_YEARS = (2007, 2009), (2012, 2014)


def partner_table(dyads: pd.DataFrame, drop_break_years: bool = False, totals: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per reporter, year and partner: flows, total, share of the reporter's total, rank.

    Parameters
    ----------
    dyads : DataFrame
        iso3, partner_iso3, year, imports, exports and the flags ``break`` (and ``recorded_zero``,
        ``hole``, ``partner_kind``).
    drop_break_years : bool
        Leave out the reporter-years with a break (the customs union years of Russia, Belarus and
        Kazakhstan, 2010–11) altogether.
    totals : DataFrame, optional
        iso3, year, total: the reporter's own total trade (DOTS ``World``), the denominator of the shares;
        without it, the sum over the partners with data.

    Returns
    -------
    DataFrame with :data:`PARTNER_COLUMNS`; share and rank are NaN where the total is missing; rank is
    NaN for partners that are not countries (``partner_kind`` other than "country").
    """
    table = dyads.rename(columns={"partner_iso3": "partner"})
    if drop_break_years:
        broken = reporter_year_flags(dyads).query("has_break")[["iso3", "year"]]
        keep = table.merge(broken.assign(_drop=True), on=["iso3", "year"], how="left")["_drop"].isna()
        table = table[keep.to_numpy()]
    table = table.assign(total=table["exports"] + table["imports"])  # NaN when either flow is missing
    if totals is None:
        sums = table.groupby(["iso3", "year"])["total"].transform("sum")
    else:
        keyed = totals.set_index(["iso3", "year"])["total"]
        sums = pd.Series(pd.MultiIndex.from_frame(table[["iso3", "year"]]).map(keyed), index=table.index)
    table = table.assign(share=table["total"] / sums.where(sums > 0))
    country = table["partner_kind"].eq("country") if "partner_kind" in table else pd.Series(True, index=table.index)
    table["rank"] = table["total"].where(country).groupby([table["iso3"], table["year"]]).rank(ascending=False, method="min")
    table = table.sort_values(["iso3", "year", "rank", "partner"], na_position="last")
    return table[PARTNER_COLUMNS].reset_index(drop=True)


def window_tables(records: dict[str, pd.DataFrame], first_year: int, last_year: int,
                  drop_break_years: bool = False) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame]:
    """The records of :func:`transition.data.dots.trade_records` in the years ``first_year``-``last_year``, the
    partner table on the reporters' record (shares of their own totals) and the reporter-year flags."""
    window = {name: frame[frame["year"].between(first_year, last_year)].reset_index(drop=True)
              for name, frame in records.items()}
    reporter = window["reporter"]
    table = partner_table(reporter, drop_break_years, totals=window["totals"])
    return window, table, reporter_year_flags(reporter)


#: The two records of a flow: key stem → words (the reporter's own record; the partners' record of it).
RECORDS = {"reporter": "Kazakhstan's record", "mirror": "partners' record"}


def record_tables(records: dict[str, pd.DataFrame], table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The partner table on each record (:data:`RECORDS`): the reporters' own (``table``) and the partners'
    (only the partners that report in the mirror), both over the reporter's own total."""
    return {"reporter": table, "mirror": partner_table(records["mirror"], totals=records["totals"])}


def mirror_share_tables(records: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(partner table, reporter-year flags) on the partners' record alone, for shares of a reporter's trade.

    The shares are of the reporter's own total, never below the sum over its partners on this record (the
    rule the reporters' record follows, :func:`transition.data.dots.reconcile_totals`: without it Belarus's
    and Moldova's 1994 shares with the former republics exceed 100%); a reporter-year is incomplete where
    the partners' record lacks a flow that mattered (its own holes), not where the reporter's does."""
    mirror = records["mirror"]
    return (partner_table(mirror, totals=reconcile_totals(records["totals"], mirror)),
            reporter_year_flags(mirror))


def reporter_year_flags(dyads: pd.DataFrame) -> pd.DataFrame:
    """Per reporter-year: ``incomplete`` (a recorded zero set to missing, or a DOTS hole) and ``has_break``."""
    missing = dyads["recorded_zero"] | (dyads["hole"] if "hole" in dyads else False)
    flags = dyads.assign(_missing=missing).groupby(["iso3", "year"]).agg(incomplete=("_missing", "any"),
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
    ``share_rest`` the partners in none of these groups; ``share_unallocated`` what the reporter's total
    holds beyond its partners (0 without totals). Russia's own ``share_russia`` is NaN. Incomplete
    reporter-years (see the module notes) are left out. The EU as a bloc (a DOTS mirror partner) is not a partner here.
    """
    rows = table.dropna(subset=["share"])
    rows = rows[rows["partner"] != "EUU"].merge(eu.assign(eu=True), left_on=["partner", "year"],
                                                right_on=["iso3", "year"], how="left", suffixes=("", "_eu"))
    rows["fsu"] = rows["partner"].isin([*former_republics, FORMER_UNION]) & (rows["partner"] != rows["iso3"])
    rows["eu"] = rows["eu"].eq(True)  # NaN (no match) → not a member
    rows["china"] = rows["partner"] == CHINA
    rows["rest"] = ~(rows["fsu"] | rows["eu"] | rows["china"])
    rows["russia"] = rows["partner"] == RUSSIA
    parts = {f"share_{g}": rows["share"].where(rows[g], 0.0) for g in ("fsu", "russia", "eu", "china", "rest")}
    shares = rows[["iso3", "year"]].assign(**parts).groupby(["iso3", "year"]).sum().reset_index()
    allocated = rows.groupby(["iso3", "year"])["share"].sum().rename("_allocated")
    shares = shares.join(allocated, on=["iso3", "year"])
    shares["share_unallocated"] = (1 - shares.pop("_allocated")).clip(lower=0)
    shares.loc[shares["iso3"] == RUSSIA, "share_russia"] = float("nan")
    incomplete = flags.loc[flags["incomplete"], ["iso3", "year"]].assign(_drop=True)
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


def median_share_and_fall(shares: pd.DataFrame, fall: pd.DataFrame, members, year: int,
                          fall_column: str) -> dict[str, float]:
    """C4's medians over ``members``: the share of trade with the other former republics in ``year``
    (``share_pct``, %) and its fall (``fall_pp``, points; ``fall_column`` of :func:`fsu_fall`), each with its
    bootstrap interval (countries resampled: ``*_low``, ``*_high``)."""
    at = shares[shares["iso3"].isin(list(members)) & (shares["year"] == year)]["share_fsu"]
    drop = fall[fall["iso3"].isin(list(members))][fall_column]
    share_low, share_high = groups.median_interval(at * 100)
    fall_low, fall_high = groups.median_interval(drop)
    return {"share_pct": 100 * float(at.median()) if len(at.dropna()) else float("nan"), "share_low": share_low,
            "share_high": share_high, "fall_pp": float(drop.median()) if len(drop.dropna()) else float("nan"),
            "fall_low": fall_low, "fall_high": fall_high}


def group_median_shares(shares: pd.DataFrame, group_of: dict[str, str]) -> pd.DataFrame:
    """Median shares by group and year (group, year, n_countries and the median of every share)."""
    columns = [c for c in SHARE_COLUMNS if c.startswith("share_")]
    frame = shares.assign(group=shares["iso3"].map(group_of)).dropna(subset=["group"])
    medians = frame.groupby(["group", "year"])[columns].median()
    counts = frame.groupby(["group", "year"])["iso3"].nunique().rename("n_countries")
    return medians.join(counts).reset_index()


def partner_ranking(table: pd.DataFrame, flags: pd.DataFrame, country: str = KAZAKHSTAN,
                    main: str = RUSSIA) -> pd.DataFrame:
    """Year by year for ``country``: the top partner, the main partner's share and rank, the largest other
    partner (the runner-up when the main partner is first) and the main partner's lead over it, and the flags.

    Returns
    -------
    DataFrame: year, top_partner, top_share, main_share, main_rank (NaN when the main partner has no data that
    year: not ranked), other_partner, other_share, lead_pp (100 × (main_share − other_share), percentage points
    of the country's total), n_ranked, incomplete, has_break.
    """
    own = table[table["iso3"] == country].dropna(subset=["rank"])
    top = own.sort_values(["year", "rank", "partner"]).groupby("year").first()
    main_rows = own[own["partner"] == main].set_index("year")
    other = own[own["partner"] != main].sort_values(["year", "rank", "partner"]).groupby("year").first()
    ranking = pd.DataFrame({"top_partner": top["partner"], "top_share": top["share"],
                            "main_share": main_rows["share"], "main_rank": main_rows["rank"],
                            "other_partner": other["partner"], "other_share": other["share"]})
    ranking["lead_pp"] = 100 * (ranking["main_share"] - ranking["other_share"])
    ranking["n_ranked"] = own.groupby("year")["partner"].nunique()
    years = flags[flags["iso3"] == country].set_index("year")[["incomplete", "has_break"]]
    ranking = ranking.join(years, how="left").rename_axis("year").reset_index()
    return ranking.fillna({"incomplete": False, "has_break": False})


def kazakhstan_rankings(tables: dict[str, pd.DataFrame], flags: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Kazakhstan's partners ranked year by year on each record (:func:`partner_ranking`): Russia's share, rank
    and lead over the largest other partner."""
    return {record: partner_ranking(tables[record], flags) for record in tables}


def _unflagged(ranking: pd.DataFrame) -> pd.DataFrame:
    return ranking[~(ranking["incomplete"].astype(bool) | ranking["has_break"].astype(bool))]


def years_main_partner_first(ranking: pd.DataFrame, last_year: int, skip_flagged: bool = True,
                             first_year: int | None = None) -> tuple[int, int]:
    """(years the main partner ranks first, years counted) from ``first_year`` to ``last_year``;
    years that are incomplete or have a break are left out unless ``skip_flagged`` is False."""
    rows = ranking[(ranking["year"] <= last_year) & (ranking["year"] >= (first_year or ranking["year"].min()))]
    if skip_flagged:
        rows = _unflagged(rows)
    return int((rows["main_rank"] == 1).sum()), len(rows)


def judged_years(ranking: pd.DataFrame, first_year: int | None = None, last_year: int | None = None) -> list[int]:
    """The years from ``first_year`` to ``last_year`` (inclusive) that are neither incomplete nor a break."""
    rows = _unflagged(ranking)
    rows = rows[(rows["year"] >= (first_year or rows["year"].min())) & (rows["year"] <= (last_year or rows["year"].max()))]
    return sorted(int(year) for year in rows.dropna(subset=["lead_pp"])["year"])


def judged_in_both(rankings: dict[str, pd.DataFrame], first_year: int | None = None,
                   last_year: int | None = None) -> list[int]:
    """The years from ``first_year`` to ``last_year`` judged (:func:`judged_years`) on every record's ranking."""
    years = [set(judged_years(ranking, first_year, last_year)) for ranking in rankings.values()]
    return sorted(set.intersection(*years)) if years else []


#: The years C7 judges (first, last; None: the series' own end): as of the essay (to 2002) and the whole series after it.
WINDOWS = {"to_2002": (None, ESSAY_YEAR), "after_2002": (ESSAY_YEAR + 1, None)}
#: Tie bands (percentage points) of notebook 08's sensitivity table and of C7's multiverse: none; about the
#: freight and insurance gap between the two records of a 20% share (1.2 points); the ledger's 2; about the
#: median gap between the two records after 2002 (2.4); wider bands.
TIE_BANDS = (0.0, 1.0, 2.0, 2.5, 3.0, 4.0)


def lead_outcome(lead_pp: float, tie_pp: float) -> str:
    """"first" when the main partner leads by more than ``tie_pp`` points, "behind" when another partner does,
    "tied" within the band (NaN lead: "unknown")."""
    if pd.isna(lead_pp):
        return "unknown"
    return "first" if lead_pp > tie_pp else "behind" if lead_pp < -tie_pp else "tied"


def lead_counts(ranking: pd.DataFrame, years, tie_pp: float) -> dict[str, int]:
    """Years of ``years`` in which the main partner is first, tied or behind (:func:`lead_outcome`)."""
    rows = ranking[ranking["year"].isin(list(years))]
    outcomes = [lead_outcome(lead, tie_pp) for lead in rows["lead_pp"]]
    return {"first": outcomes.count("first"), "tied": outcomes.count("tied"), "behind": outcomes.count("behind"),
            "judged": len(outcomes)}


def record_gaps(reporter: pd.DataFrame, mirror: pd.DataFrame, partners_compared, years) -> pd.DataFrame:
    """How far two records of the same partners' shares differ: year, partner, share on each record,
    ``gap_pp`` = |reporter − mirror| × 100 (the ranking tables of :func:`partner_ranking`'s input, one country)."""
    keys = ["year", "partner"]
    both = reporter[keys + ["share"]].merge(mirror[keys + ["share"]], on=keys, suffixes=("_reporter", "_mirror"))
    both = both[both["partner"].isin(list(partners_compared)) & both["year"].isin(list(years))]
    return both.assign(gap_pp=100 * (both["share_reporter"] - both["share_mirror"]).abs()).reset_index(drop=True)


def flow_share(dyads: pd.DataFrame, totals: pd.DataFrame, country: str, partner: str, flow: str = "imports") -> pd.Series:
    """``partner``'s share (%) of ``country``'s ``flow`` by year, over the country's own total of that flow."""
    own = dyads[(dyads["iso3"] == country) & (dyads["partner_iso3"] == partner)].set_index("year")[flow]
    total = totals[totals["iso3"] == country].set_index("year")[flow]
    return (100 * own / total).dropna().rename(f"{partner}_share_of_{flow}")


def window_mean(series: pd.Series, years: tuple[int, int], every_year: bool = True) -> float:
    """Mean of ``series`` (indexed by year) over the inclusive window: NaN unless every year has a value, or
    (``every_year`` False) over the years with one (NaN when none has)."""
    values = series.reindex(range(years[0], years[1] + 1))
    if every_year and values.isna().any():
        return float("nan")
    return float(values.mean()) if values.notna().any() else float("nan")


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
