"""The one reader of ``data/blocs.csv``: dated memberships of the regional blocs.

The file has one row per membership spell (bloc, iso3, joined, left, sources, and ``signed``, the
signature date of the founding or accession instrument where documented). Dates are ISO
dates (``YYYY-MM-DD``) or bare years (``YYYY``, a date known to the year only); an empty ``left``
is a membership that continues.

**Date rule.** A bare year stands for 1 July of that year (:data:`BARE_YEAR_DAY`): the middle of
the year, so the error is at most half a year either way, whichever day the event fell on.

**Membership rule.** A country is a member of a bloc on a day D when it joined on or before D and
had not left by D (``joined <= D < left``). :func:`members_on` asks for one day;
:func:`membership_by_year` reads each year on a reference day (default 1 July,
:data:`MEMBERSHIP_DAY`), so a country with bare-year dates counts in the year it joined and not in
the year it left, and a bloc that succeeds another in the same year (CAEC → CACO in 2002,
EurAsEC → EAEU on 1 Jan 2015) is never counted twice. A question about "members at the start of
a period" passes 1 January of its first year (``members_on(blocs, "CIS", date(Y, 1, 1))``).

Examples
--------
>>> blocs = pd.DataFrame({"bloc": ["X", "X"], "iso3": ["AAA", "BBB"],
...                       "joined": ["1994", "1995-09-01"], "left": ["2002", None]})
>>> membership_by_year(blocs, range(1994, 1998)).groupby("year")["iso3"].apply(list).to_dict()
{1994: ['AAA'], 1995: ['AAA'], 1996: ['AAA', 'BBB'], 1997: ['AAA', 'BBB']}
>>> members_on(blocs, "X", datetime.date(1995, 1, 1)), members_on(blocs, "X", datetime.date(2002, 1, 1))
(['AAA'], ['AAA', 'BBB'])
"""
from __future__ import annotations

import datetime
import re

import numpy as np
import pandas as pd

from transition.paths import DATA_DIR

BLOCS_CSV = DATA_DIR / "blocs.csv"
EU_MILESTONES_CSV = DATA_DIR / "eu_milestones.csv"
#: Every Eurasian agreement that promised an economic union, with the union that carried it out (claim C10).
EURASIAN_AGREEMENTS_CSV = DATA_DIR / "eurasian_agreements.csv"
#: The day (month, day) a bare year stands for: mid-year.
BARE_YEAR_DAY = (7, 1)
#: The day (month, day) on which :func:`membership_by_year` reads each year's membership.
MEMBERSHIP_DAY = (7, 1)

_YEAR_ONLY = re.compile(r"^\d{4}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _text(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value).strip()
    if text.endswith(".0") and _YEAR_ONLY.match(text[:-2]):  # a year column read as float
        text = text[:-2]
    return text


def parse_bloc_date(value) -> pd.Timestamp | None:
    """A date of ``data/blocs.csv`` as a Timestamp: ISO date as is, a bare year as 1 July, empty as None.

    Examples
    --------
    >>> parse_bloc_date("2004-05-01"), parse_bloc_date("1994"), parse_bloc_date("")
    (Timestamp('2004-05-01 00:00:00'), Timestamp('1994-07-01 00:00:00'), None)
    """
    text = _text(value)
    if not text:
        return None
    if _YEAR_ONLY.match(text):
        return pd.Timestamp(int(text), *BARE_YEAR_DAY)
    if _ISO_DATE.match(text):
        return pd.Timestamp(text)
    raise ValueError(f"bloc date {value!r} is neither an ISO date (YYYY-MM-DD) nor a bare year (YYYY)")


def load_blocs(path=BLOCS_CSV) -> pd.DataFrame:
    """``data/blocs.csv`` with parsed dates (:func:`parse_blocs`)."""
    return parse_blocs(pd.read_csv(path, dtype=str, keep_default_na=False))


def load_eu_milestones(path=EU_MILESTONES_CSV) -> pd.DataFrame:
    """``data/eu_milestones.csv``: the EU's integration steps (step, kind, event, date, source, note), dates parsed."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return table.assign(date=pd.to_datetime(table["date"], format="%Y-%m-%d"))


def load_eurasian_agreements(path=EURASIAN_AGREEMENTS_CSV, first_list_only: bool = False) -> pd.DataFrame:
    """The Eurasian agreements of claim C10: agreement, name_en, name_ru, signed (empty: the bloc's own
    signature in ``blocs.csv``), union (a bloc id of ``blocs.csv``), in_first_list (the three steps the
    compendium judged before the list was completed), source, note. ``first_list_only``: those three."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table["in_first_list"] = table["in_first_list"].astype(int).astype(bool)
    return table[table["in_first_list"]].reset_index(drop=True) if first_list_only else table


def parse_blocs(blocs: pd.DataFrame) -> pd.DataFrame:
    """Add ``joined_date``, ``left_date`` (Timestamp or NaT) and ``year_only`` (either date a bare year).

    A table already parsed is returned as is. ValueError when a spell has no joined date.
    """
    if "joined_date" in blocs:
        return blocs
    blocs = blocs.copy()
    blocs["joined_date"] = pd.to_datetime([parse_bloc_date(v) for v in blocs["joined"]])
    blocs["left_date"] = pd.to_datetime([parse_bloc_date(v) for v in blocs["left"]])
    if blocs["joined_date"].isna().any():
        raise ValueError("every membership needs a joined date; missing for "
                         + ", ".join(blocs.loc[blocs["joined_date"].isna(), ["bloc", "iso3"]].agg(" ".join, axis=1)))
    blocs["year_only"] = [bool(_YEAR_ONLY.match(_text(j))) or bool(_YEAR_ONLY.match(_text(l)))
                          for j, l in zip(blocs["joined"], blocs["left"])]
    if "signed" in blocs:  # signature of the founding or accession instrument, where documented
        blocs["signed_date"] = pd.to_datetime([parse_bloc_date(v) for v in blocs["signed"]])
    return blocs


def as_of(blocs: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """The bloc table as known at the end of ``year`` (all of it for None).

    A spell that began later is dropped, unless its instrument was already signed: then it stays as
    signed but not in force (``joined_date`` NaT, so no membership functions count it); an exit after
    ``year`` is not yet known (``left_date`` NaT). A bloc without any row then did not exist yet.

    Examples
    --------
    >>> rows = pd.DataFrame({"bloc": ["X", "X", "Y"], "iso3": ["AAA", "BBB", "AAA"], "joined": ["1995", "2004", "2010"],
    ...                      "left": ["2003", "", ""], "signed": ["", "2002-05-01", "2009"]})
    >>> known = as_of(rows, 2002)
    >>> [(b, c, str(j.date()) if pd.notna(j) else None) for b, c, j in known[["bloc", "iso3", "joined_date"]].values]
    [('X', 'AAA', '1995-07-01'), ('X', 'BBB', None)]
    >>> bool(known["left_date"].isna().all())
    True
    """
    blocs = parse_blocs(blocs)
    if year is None:
        return blocs
    end = pd.Timestamp(int(year), 12, 31)
    signed = blocs["signed_date"] <= end if "signed_date" in blocs else pd.Series(False, index=blocs.index)
    known = blocs[(blocs["joined_date"] <= end) | signed].copy()
    known.loc[known["joined_date"] > end, "joined_date"] = pd.NaT
    known.loc[known["left_date"] > end, "left_date"] = pd.NaT
    return known.reset_index(drop=True)


def bloc_dates(blocs: pd.DataFrame, bloc: str) -> tuple[pd.Timestamp | None, pd.Timestamp]:
    """(first signature, first entry into force) of ``bloc``: the earliest ``signed`` and ``joined`` dates.

    The signature is None when no row of the bloc documents one. ValueError for an unknown bloc.

    Examples
    --------
    >>> rows = pd.DataFrame({"bloc": ["X", "X"], "iso3": ["AAA", "BBB"], "joined": ["2001-05-30", "2006"],
    ...                      "left": ["", ""], "signed": ["2000-10-10", ""]})
    >>> bloc_dates(rows, "X")
    (Timestamp('2000-10-10 00:00:00'), Timestamp('2001-05-30 00:00:00'))
    """
    blocs = parse_blocs(blocs)
    rows = blocs[blocs["bloc"] == bloc]
    if rows.empty:
        raise ValueError(f"bloc {bloc!r} is not in the bloc table")
    signed = rows["signed_date"].min() if "signed_date" in rows else pd.NaT
    return (None if pd.isna(signed) else signed), rows["joined_date"].min()


def _member_mask(blocs: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    return (blocs["joined_date"] <= day) & (blocs["left_date"].isna() | (blocs["left_date"] > day))


def members_on(blocs: pd.DataFrame, bloc: str, day: datetime.date) -> list[str]:
    """ISO3 codes (sorted) of the members of ``bloc`` on ``day`` (``joined <= day < left``)."""
    blocs = parse_blocs(blocs)
    rows = blocs[(blocs["bloc"] == bloc) & _member_mask(blocs, pd.Timestamp(day))]
    return sorted(set(rows["iso3"]))


def membership_by_year(blocs: pd.DataFrame, years, day: tuple[int, int] = MEMBERSHIP_DAY) -> pd.DataFrame:
    """One row per (bloc, iso3, year) of membership, read on ``day`` (month, day) of each year.

    Parameters
    ----------
    blocs : DataFrame
        bloc, iso3, joined, left (strings as in ``data/blocs.csv``) or already parsed.
    years : iterable of int
    day : (month, day)
        Reference day of each year (default 1 July).

    Returns
    -------
    DataFrame with columns bloc, iso3, year, sorted by bloc, year, iso3.
    """
    blocs = parse_blocs(blocs)
    rows = [blocs.loc[_member_mask(blocs, pd.Timestamp(int(year), *day)), ["bloc", "iso3"]].assign(year=int(year))
            for year in years]
    frame = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["bloc", "iso3", "year"])
    frame = frame.drop_duplicates().sort_values(["bloc", "year", "iso3"]).reset_index(drop=True)
    return frame.astype({"year": "int64"})


def members(membership: pd.DataFrame, bloc: str, year: int) -> list[str]:
    """ISO3 codes of the members of ``bloc`` in ``year`` of a :func:`membership_by_year` table (sorted)."""
    rows = membership[(membership["bloc"] == bloc) & (membership["year"] == year)]
    return sorted(rows["iso3"])
