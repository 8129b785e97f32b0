"""CIS goods exports to the rest of the world, the essay's concept in claim C6, from bilateral flows.

The essay: "exports of the Commonwealth countries to the rest of the world ... the main exporters of goods to
the rest of the world remain Russia (76%), Ukraine (10%) and Kazakhstan (5%), each other country 0.3% to 3%;
almost all (except Kyrgyzstan, Tajikistan and Ukraine) increased their exports to these markets". So: goods,
current US$, to partners outside the CIS, each country's share of the CIS total.

A country's exports outside the CIS are its total goods exports (DOTS ``World``) minus its exports to the
other CIS members; without totals (COW) the sum of its exports to partners outside the CIS. The value is
missing in a year with a hole in its exports to a CIS member (:func:`transition.data.dots.flag_holes`), and
flagged in the customs-union break years (Russia, Belarus, Kazakhstan 2010-11: their exports to each other
are understated, so their exports "outside" are overstated).

**The essay's year.** The essay names no year (it was written when EurAsEC, founded in October 2000, was
current; the project dates it 2002). Its own figures date it: :func:`date_essay_figures` finds the year up to
2002 whose shares of Russia, Ukraine and Kazakhstan are closest to 76 / 10 / 5. The growth statement is then
judged on that year against the year before (:func:`yearly_growth`), which the dating does not use; every
candidate year is shown beside (:func:`candidate_years`).

Examples
--------
>>> import pandas as pd
>>> shares = pd.DataFrame({"iso3": ["RUS", "UKR", "KAZ"] * 2, "year": [1999] * 3 + [2000] * 3,
...                        "share_pct": [77.0, 10.4, 5.1, 76.5, 8.6, 6.5], "complete": True})
>>> int(date_essay_figures(shares, 2002).iloc[0]["year"])
1999
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from transition.data.trade_dyads import CUSTOMS_UNION_BREAK_YEARS, CUSTOMS_UNION_MEMBERS
from transition.data.vocabulary import ESSAY_NO_GROWTH, ESSAY_OTHER_RANGE, ESSAY_SHARES

#: The essay writes its range of the other countries' shares to one decimal ("0.3%"): a share is in the
#: range when it rounds into it at that precision (0.26 reads as 0.3).
ESSAY_RANGE_DIGITS = 1
OUTSIDE_COLUMNS = ["iso3", "year", "world", "to_cis", "outside", "complete", "break"]


def non_cis_exports(dyads: pd.DataFrame, members, totals: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each member's goods exports outside the CIS by year (millions of current US$).

    Parameters
    ----------
    dyads : DataFrame
        Directed dyads (iso3, partner_iso3, year, exports, and ``hole`` for DOTS).
    members : list of str
        The CIS countries: both the reporters and the partners that count as "inside".
    totals : DataFrame, optional
        iso3, year, exports: the reporter's own total (DOTS ``World``); without it the world total is the
        sum over partners with data (COW).

    Returns
    -------
    DataFrame with :data:`OUTSIDE_COLUMNS`: ``complete`` is False where an export to a member is a hole
    (``outside`` is then NaN); ``break`` marks the customs-union years of its members.
    """
    members = list(members)
    own = dyads[dyads["iso3"].isin(members)]
    inside = own["partner_iso3"].isin(members) & (own["partner_iso3"] != own["iso3"])
    holes = own["hole"] if "hole" in own else pd.Series(False, index=own.index)
    grouped = own.assign(_in=own["exports"].where(inside), _out=own["exports"].where(~inside),
                         _hole=holes & inside & own["exports"].isna()).groupby(["iso3", "year"])
    table = pd.DataFrame({"to_cis": grouped["_in"].sum(min_count=1), "partners_outside": grouped["_out"].sum(min_count=1),
                          "hole": grouped["_hole"].any()}).reset_index()
    if totals is None:
        table["world"] = table["to_cis"].fillna(0) + table["partners_outside"]
    else:
        world = totals.set_index(["iso3", "year"])["exports"]
        table["world"] = pd.MultiIndex.from_frame(table[["iso3", "year"]]).map(world)
    table["to_cis"] = table["to_cis"].fillna(0.0)  # no recorded export to a member (and no hole): none
    table["outside"] = (table["world"] - table["to_cis"]).where(~table["hole"])
    table["complete"] = ~table["hole"] & table["outside"].notna()
    table["break"] = table["iso3"].isin(CUSTOMS_UNION_MEMBERS) & table["year"].between(*CUSTOMS_UNION_BREAK_YEARS)
    return table[OUTSIDE_COLUMNS].sort_values(["iso3", "year"]).reset_index(drop=True)


def non_cis_shares(outside: pd.DataFrame, members) -> pd.DataFrame:
    """Each member's share (%) of the members' total exports outside the CIS, by year.

    A year is ``complete`` when every member has a value and none is in a customs-union break; shares of an
    incomplete year are over the members with data (``n_missing`` says how many lack one) and are not judged.

    Returns
    -------
    DataFrame: iso3, year, outside (millions of US$), share_pct, n_counted, n_missing, complete.
    """
    members = list(members)
    rows = outside[outside["iso3"].isin(members)].dropna(subset=["outside"])
    totals = rows.groupby("year")["outside"].transform("sum")
    counted = rows.groupby("year")["iso3"].transform("nunique")
    broken = rows.groupby("year")["break"].transform("any")
    table = rows.assign(share_pct=100 * rows["outside"] / totals, n_counted=counted,
                        n_missing=len(members) - counted)
    table["complete"] = (table["n_missing"] == 0) & ~broken
    return table[["iso3", "year", "outside", "share_pct", "n_counted", "n_missing", "complete"]].reset_index(drop=True)


def outside_tables(reporter: pd.DataFrame, totals: pd.DataFrame, cow: pd.DataFrame, members) -> dict[str, pd.DataFrame]:
    """Exports outside the CIS (``outside``) and their shares (``shares``) on the countries' own records (IMF
    DOTS: ``reporter`` and ``totals`` of :func:`transition.data.dots.trade_records`, holes filled from the
    partners' record) and, as the cross-check, the shares on COW's flows (``cow_shares``, mostly the
    partners' records, to 2014; ``cow_outside``)."""
    outside = non_cis_exports(reporter, members, totals)
    cow_outside = non_cis_exports(cow, members)
    return {"outside": outside, "shares": non_cis_shares(outside, members),
            "cow_outside": cow_outside, "cow_shares": non_cis_shares(cow_outside, members)}


def latest_complete_year(shares: pd.DataFrame) -> int | None:
    """The latest year of a shares table (:func:`non_cis_shares`) that is complete (None without one)."""
    complete = shares.loc[shares["complete"].astype(bool), "year"]
    return int(complete.max()) if len(complete) else None


def essay_distance(shares: pd.DataFrame, essay_shares=ESSAY_SHARES) -> pd.DataFrame:
    """By year: the shares of the essay's named exporters and the sum of their absolute gaps to its figures."""
    named = shares[shares["iso3"].isin(list(essay_shares))]
    wide = named.pivot(index="year", columns="iso3", values="share_pct").reindex(columns=list(essay_shares))
    gaps = (wide - pd.Series(essay_shares)).abs()
    complete = shares.groupby("year")["complete"].all()
    table = wide.assign(distance_pp=gaps.sum(axis=1, min_count=len(essay_shares)), complete=complete.reindex(wide.index))
    return table.rename_axis(columns=None).reset_index()


def date_essay_figures(shares: pd.DataFrame, last_year: int, essay_shares=ESSAY_SHARES) -> pd.DataFrame:
    """The complete years up to ``last_year`` ordered by their distance to the essay's figures (closest first)."""
    table = essay_distance(shares, essay_shares)
    table = table[table["complete"].astype(bool) & (table["year"] <= last_year)].dropna(subset=["distance_pp"])
    return table.sort_values(["distance_pp", "year"]).reset_index(drop=True)


def essay_figures_year(shares: pd.DataFrame, last_year: int) -> int | None:
    """The complete year up to ``last_year`` whose named shares are closest to the essay's (None without one)."""
    ranked = date_essay_figures(shares, last_year)
    return int(ranked["year"].iloc[0]) if len(ranked) else None


def others_in_range(shares: pd.DataFrame, year: int, named=tuple(ESSAY_SHARES), bounds=ESSAY_OTHER_RANGE,
                    digits: int = ESSAY_RANGE_DIGITS) -> tuple[int, int, str | None, float]:
    """(others in the essay's range, others with a share, the largest other, its share) in ``year``;
    a share is in the range when it rounds into it at the essay's precision (:data:`ESSAY_RANGE_DIGITS`)."""
    others = shares[(shares["year"] == year) & ~shares["iso3"].isin(list(named))]
    rounded = others["share_pct"].round(digits)
    inside = int(rounded.between(*bounds).sum())
    if others.empty:
        return 0, 0, None, float("nan")
    largest = others.sort_values("share_pct").iloc[-1]
    return inside, len(others), str(largest["iso3"]), float(largest["share_pct"])


def yearly_growth(outside: pd.DataFrame, members, year: int, column: str = "outside") -> pd.DataFrame:
    """Each member's exports outside the CIS (``column`` of ``outside``: another measure of exports by
    country and year, e.g. all exports in US$) in ``year`` against the year before: iso3, before, after,
    change_pct, grew (None without both values), essay_grew (the essay's statement)."""
    wide = outside[outside["iso3"].isin(list(members))].pivot(index="iso3", columns="year", values=column)
    before = wide.get(year - 1, pd.Series(np.nan, index=wide.index)).reindex(list(members))
    after = wide.get(year, pd.Series(np.nan, index=wide.index)).reindex(list(members))
    change = 100 * (after / before - 1)
    grew = [bool(c > 0) if pd.notna(c) else None for c in change]
    return pd.DataFrame({"iso3": list(members), "before": before.to_numpy(), "after": after.to_numpy(),
                         "change_pct": change.to_numpy(), "grew": grew,
                         "essay_grew": [iso3 not in ESSAY_NO_GROWTH for iso3 in members]})


def growth_summary(growth: pd.DataFrame) -> dict:
    """Counts of :func:`yearly_growth`: known, grew, the non-growers (list), the essay's exceptions not grown."""
    known = growth[growth["grew"].notna()]
    grew = known["grew"].astype(bool)
    exceptions = known[known["iso3"].isin(list(ESSAY_NO_GROWTH))]
    return {"known": len(known), "grew": int(grew.sum()), "not_grown": sorted(known.loc[~grew, "iso3"]),
            "exceptions_not_grown": int((~exceptions["grew"].astype(bool)).sum())}


def candidate_years(shares: pd.DataFrame, outside: pd.DataFrame, members, last_year: int) -> pd.DataFrame:
    """Every complete year up to ``last_year`` (with the year before observed): the named shares, their
    distance to the essay's figures, the others in range, and whose exports outside the CIS did not grow."""
    rows = []
    distances = essay_distance(shares).set_index("year")
    for year in sorted(set(distances.index[distances["complete"].astype(bool)])):
        if year > last_year or (year - 1) not in set(outside["year"]):
            continue
        summary = growth_summary(yearly_growth(outside, members, year))
        inside, others, _, _ = others_in_range(shares, year)
        rows.append({"year": year, **distances.loc[year, list(ESSAY_SHARES)].to_dict(),
                     "distance_pp": distances.loc[year, "distance_pp"], "others_in_range": inside, "others": others,
                     "n_known": summary["known"], "n_grew": summary["grew"],
                     "not_grown": ", ".join(summary["not_grown"]),
                     "exceptions_not_grown": summary["exceptions_not_grown"]})
    return pd.DataFrame(rows)
