"""The tidy country-year panel every analysis reads.

``load()`` returns the tidy table (iso3, year, variable, value, source); ``load(wide=True)`` one
row per country-year. The panel is built from the raw files (each hash-verified), validated, and
cached as parquet under ``data/processed/``; it is rebuilt automatically when a raw file, the
registry, the project's data tables (``data/*.csv``) or the building code (``transition/data/*.py``)
changes.

**Cache integrity.** ``panel.fingerprint.json`` records what the panel was built from *and* the
SHA-256 of ``panel.parquet`` itself. On load, the parquet file's hash is checked; a file that does
not match (a flipped bit, a truncated copy), cannot be read, or a fingerprint file that is empty or
not JSON, leads to a rebuild, never to a crash or to silently wrong data. Both files are written
atomically (a temporary file, then ``os.replace``), the panel first.

Examples
--------
>>> from transition.data import panel
>>> tidy = panel.load()                     # doctest: +SKIP
>>> wide = panel.load(wide=True)            # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from transition.data import countries, derived, loaders
from transition.data.sources import REGISTRY_PATH, fingerprint, load_registry
from transition.paths import DATA_DIR, PROCESSED_DIR

PANEL_PATH = PROCESSED_DIR / "panel.parquet"
FINGERPRINT_PATH = PROCESSED_DIR / "panel.fingerprint.json"
VARIABLES_CSV = DATA_DIR / "variables.csv"
#: Project data tables the panel does not depend on: the variable dictionary is written from it.
_NOT_INPUTS = ("variables.csv",)

#: Plausible ranges by variable-name pattern (regular expressions, full match).
RANGES = {
    r"ebrd_.*|reform_.*": (1.0, 4.33),
    r"wgi_[a-z]{2}": (-3.0, 3.0),
    r"wgi_[a-z]{2}_se": (0.0, 2.0),
    r"fh_political_rights|fh_civil_liberties": (1.0, 7.0),
    r"fh_status": (1.0, 3.0),
    r"efw_.*": (0.0, 10.0),
    r"cbi_weighted|cbi_unweighted": (0.0, 1.0),
    r"wdi20\d\d_t[xm]_val_(fuel|mmtl|manf|food|agri)_zs_un|wdi20\d\d_tx_val_tech_mf_zs|wdi_hightech_pct_manuf_exports": (0.0, 100.0),
    r"wdi20\d\d_ny_gdp_.*_rt_zs": (0.0, 150.0),  # the older (2013) method exceeds 100% of GDP once
    r"wdi_(exports|imports)_pct_gdp": (0.0, 300.0),
    r"wdi_merch_trade_pct_gdp": (0.0, 1000.0),  # Azerbaijan 1992 reaches 578% (exchange-rate collapse)
    r"wdi_(industry|agriculture|services)_pct_gdp": (0.0, 100.0),
    r"wdi_investment_pct_gdp": (-10.0, 100.0),  # inventories can turn gross capital formation negative
    r"inflation|weo_cpi_inflation|weo_cpi_inflation_eop|wdi_deflator_inflation": (-50.0, 100_000.0),
    r"weo_real_gdp_growth|gapminder_gdp_growth|gapminder_gdppc_growth": (-70.0, 150.0),
    r"gdp_index_(wdi|maddison|pwt|weo)": (1.0, 2000.0),
    r"mad_.*|pwt_(rgdp.*|pop|emp|ck)|wdi_gdp.*_usd|wdi_gdppc_ppp|weo_(real_gdp|real_gdppc|gdppc_ppp|gdp_usd|gdppc_usd|population)|gm_population": (0.0, None),
}


def tidy_schema() -> pa.DataFrameSchema:
    """Schema of the tidy panel: known ISO3 and variables, plausible years, unique keys."""
    known_variables = set(loaders.VARIABLES) | set(derived.DERIVED_VARIABLES)
    return pa.DataFrameSchema(
        {
            "iso3": pa.Column(str, pa.Check.isin(sorted(countries.known_iso3()))),
            "year": pa.Column("int64", pa.Check.in_range(loaders.FIRST_YEAR, 2030)),
            "variable": pa.Column(str, pa.Check.isin(sorted(known_variables))),
            "value": pa.Column(float, pa.Check(lambda values: values.abs() < float("inf"), element_wise=False)),
            "source": pa.Column(str),
        },
        unique=["iso3", "year", "variable"],
        strict=True,
    )


def wide_schema() -> pa.DataFrameSchema:
    """Schema of the wide panel: every variable within its plausible range."""
    columns = {
        f"^(?:{pattern})$": pa.Column(float, pa.Check.in_range(low, high) if high is not None else pa.Check.ge(low),
                           nullable=True, regex=True, required=False)
        for pattern, (low, high) in RANGES.items()
    }
    return pa.DataFrameSchema(columns, unique=None)


def validate(tidy: pd.DataFrame) -> pd.DataFrame:
    """Validate the tidy panel and its wide form; raise pandera's SchemaErrors listing every failure."""
    tidy_schema().validate(tidy, lazy=True)
    wide_schema().validate(to_wide(tidy), lazy=True)
    return tidy


def build() -> pd.DataFrame:
    """Build the tidy panel from the raw files (each fetched and hash-verified)."""
    raw = pd.concat([load() for load in loaders.LOADERS.values()], ignore_index=True)
    raw = loaders.apply_definition_breaks(raw)
    tidy = pd.concat([raw, derived.default_series(raw)], ignore_index=True)
    tidy = tidy.sort_values(["variable", "iso3", "year"]).reset_index(drop=True)
    for column in ("iso3", "variable", "source"):
        tidy[column] = tidy[column].astype(str)
    return validate(tidy)


def to_wide(tidy: pd.DataFrame) -> pd.DataFrame:
    """One row per country-year (columns iso3, year, then one per variable)."""
    wide = tidy.pivot(index=["iso3", "year"], columns="variable", values="value")
    return wide.rename_axis(columns=None).reset_index()


def _inputs() -> list[Path]:
    """The files the cached panel depends on besides the raw files: the building code (every module
    of ``transition/data/``), the registry and the project's data tables (``data/*.csv``)."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    tables = sorted(path for path in DATA_DIR.glob("*.csv") if path.name not in _NOT_INPUTS)
    return [*code, REGISTRY_PATH, *tables]


def current_fingerprint() -> str:
    """What the cached panel depends on: raw files, registry, data tables and building code."""
    digest = hashlib.sha256()
    for path in _inputs():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(fingerprint(list(load_registry())).encode())
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _recorded() -> dict:
    """The fingerprint file's record; empty when it is missing, empty, or not a JSON object."""
    try:
        record = json.loads(FINGERPRINT_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _read_cached(expected: str) -> pd.DataFrame | None:
    """The cached panel when its fingerprint is current and its bytes are the ones recorded, else None
    (any read error included: the caller rebuilds)."""
    record = _recorded()
    if record.get("fingerprint") != expected or not record.get("panel_sha256"):
        return None
    try:
        if file_sha256(PANEL_PATH) != record["panel_sha256"]:
            return None
        return pd.read_parquet(PANEL_PATH)
    except Exception:  # OSError, ArrowInvalid, …: a damaged cache is rebuilt
        return None


def _write_atomically(path: Path, write) -> None:
    """``write(temporary)``, then ``os.replace`` onto ``path`` (a per-process name: parallel runs don't collide)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _store(tidy: pd.DataFrame, expected: str) -> None:
    PROCESSED_DIR.mkdir(parents=True, exist_ok=True)
    _write_atomically(PANEL_PATH, lambda path: tidy.to_parquet(path, index=False))
    record = json.dumps({"fingerprint": expected, "panel_sha256": file_sha256(PANEL_PATH)}, indent=1) + "\n"
    # after the panel: never ahead of it
    _write_atomically(FINGERPRINT_PATH, lambda path: path.write_text(record, encoding="utf-8"))


#: The ``as_of`` that stands for "with the latest data" (nothing cut), beside None.
LATEST = "latest"


def as_of(tidy: pd.DataFrame, year: int | str | None) -> pd.DataFrame:
    """The panel as observed up to the end of ``year``: every later observation dropped (all of it for
    None or "latest"). Works on the tidy and the wide table (both have a ``year`` column).

    Every source here is a recent vintage, with history revised since: "as of" restricts the years
    observed, not the vintage of the data.
    """
    if year is None or year == LATEST:
        return tidy
    return tidy[tidy["year"] <= int(year)]


def load(wide: bool = False, rebuild: bool = False, as_of_year: int | None = None) -> pd.DataFrame:
    """The panel, from the parquet cache when it is current and intact, else rebuilt and cached.

    Parameters
    ----------
    wide : bool
        One row per country-year instead of the tidy table.
    rebuild : bool
        Rebuild even when the cache is current.
    as_of_year : int, optional
        Observe the data only up to this year (:func:`as_of`), before anything is computed from them.
    """
    expected = current_fingerprint()
    tidy = None if rebuild else _read_cached(expected)
    if tidy is None:
        tidy = build()
        _store(tidy, expected)
    tidy = as_of(tidy, as_of_year)
    return to_wide(tidy) if wide else tidy


def variable_dictionary(tidy: pd.DataFrame) -> pd.DataFrame:
    """The variable dictionary: name, description, unit, source id, original code, coverage."""
    rows = [{"name": v.name, "description": v.description, "unit": v.unit, "source_id": v.source,
             "original_code": v.original_code} for v in loaders.VARIABLES.values()]
    rows += [{"name": name, "description": description, "unit": unit, "source_id": "derived",
              "original_code": "transition.derived"} for name, (unit, description) in derived.DERIVED_VARIABLES.items()]
    table = pd.DataFrame(rows)
    span = tidy.groupby("variable")["year"].agg(first_year="min", last_year="max")
    countries_covered = tidy.groupby("variable")["iso3"].nunique().rename("n_countries")
    table = table.join(span, on="name").join(countries_covered, on="name")
    return table.astype({"first_year": "Int64", "last_year": "Int64", "n_countries": "Int64"})


def coverage(tidy: pd.DataFrame) -> pd.DataFrame:
    """Coverage by source: variables, countries (of the 29), years, observations."""
    study = tidy[tidy["iso3"].isin(countries.study_iso3())]
    return study.groupby("source").agg(
        variables=("variable", "nunique"), countries=("iso3", "nunique"),
        first_year=("year", "min"), last_year=("year", "max"), observations=("value", "size"),
    )
