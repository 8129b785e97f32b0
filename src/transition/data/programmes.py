"""Stabilization programmes dated by policy: the project's table of programme dates, each row cited.

``data/stabilization_programmes.csv`` lists, country by country, the inflation-stabilization programmes
and the IMF arrangements that supported them, as the literature and the IMF's own records date them
(one row per programme: iso3, ``programme_date`` as ``YYYY-MM`` or ``YYYY`` when the source gives the
year only, ``kind``, ``role``, citation, locator, source URL, note). ``role`` says what the source calls
it: ``stabilization`` (the country's stabilization programme) or ``arrangement`` (an IMF arrangement, the
programme behind it not named). Which row dates a country's stabilization is decided by a rule on the
data (:mod:`transition.analysis.programme_dating`), never by hand.

Examples
--------
>>> table = load()                                   # doctest: +SKIP
>>> table.loc[table["iso3"] == "POL", "programme_year"].min()   # doctest: +SKIP
1990
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from transition.data import vocabulary
from transition.paths import DATA_DIR

PROGRAMMES_CSV = DATA_DIR / "stabilization_programmes.csv"
#: What a source calls a programme (see the module docstring).
ROLES = ("stabilization", "arrangement")
COLUMNS = ["iso3", "programme_date", "kind", "role", "citation", "locator", "source_url", "note"]


def schema() -> pa.DataFrameSchema:
    """The programme table: study countries, dates YYYY or YYYY-MM, known roles, every row cited."""
    text = pa.Check.str_length(min_value=1)
    return pa.DataFrameSchema({
        "iso3": pa.Column(str, pa.Check.isin(vocabulary.study_iso3())),
        "programme_date": pa.Column(str, pa.Check.str_matches(r"^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$")),
        "kind": pa.Column(str, text), "role": pa.Column(str, pa.Check.isin(ROLES)),
        "citation": pa.Column(str, text), "locator": pa.Column(str, text),
        "source_url": pa.Column(str, pa.Check.str_startswith("http")),
        "note": pa.Column(str),
        "programme_year": pa.Column("int64", pa.Check.in_range(1989, vocabulary.LAST_DATA_YEAR)),
    }, unique=["iso3", "programme_date"], strict=True)


def load(path=PROGRAMMES_CSV, as_of: int | None = None) -> pd.DataFrame:
    """The programme table with ``programme_year``, validated (pandera lists every failing row).

    ``as_of``: keep the programmes dated up to that year only (None: all).
    """
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}; expected {COLUMNS}")
    table = table[COLUMNS].assign(programme_year=pd.to_numeric(table["programme_date"].str[:4], errors="coerce"))
    if table["programme_year"].isna().any():
        bad = table.loc[table["programme_year"].isna(), "programme_date"].tolist()
        raise ValueError(f"{path}: programme_date must be YYYY or YYYY-MM, found {bad}")
    table = table.astype({"programme_year": "int64"})
    if as_of is not None:
        table = table[table["programme_year"] <= as_of]
    return schema().validate(table, lazy=True).sort_values(["iso3", "programme_date"]).reset_index(drop=True)
