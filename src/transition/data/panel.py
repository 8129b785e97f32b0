"""The tidy country-year panel every analysis reads.

``load()`` returns the tidy table (iso3, year, variable, value, source); ``load(wide=True)`` one
row per country-year. The panel is built from the raw files (each hash-verified), validated, and
cached as parquet under ``data/processed/``; it is rebuilt automatically when a raw file, the
registry, the project metadata or the building code changes.

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
_CODE_FILES = ["sources.py", "countries.py", "loaders.py", "derived.py", "panel.py"]
_METADATA_FILES = [REGISTRY_PATH, DATA_DIR / "countries.csv", DATA_DIR / "definition_breaks.csv",
                   DATA_DIR / "country_name_overrides.csv"]

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


def current_fingerprint() -> str:
    """What the cached panel depends on: raw files, registry, metadata and building code."""
    code_dir = Path(__file__).parent
    digest = hashlib.sha256()
    for path in [*(code_dir / name for name in _CODE_FILES), *_METADATA_FILES]:
        digest.update(path.read_bytes())
    digest.update(fingerprint(list(load_registry())).encode())
    return digest.hexdigest()


def load(wide: bool = False, rebuild: bool = False) -> pd.DataFrame:
    """The panel, from the parquet cache when it is current, else rebuilt and cached.

    Parameters
    ----------
    wide : bool
        One row per country-year instead of the tidy table.
    rebuild : bool
        Rebuild even when the cache is current.
    """
    expected = current_fingerprint()
    cached = FINGERPRINT_PATH.is_file() and json.loads(FINGERPRINT_PATH.read_text()).get("fingerprint") == expected
    if cached and not rebuild and PANEL_PATH.is_file():
        tidy = pd.read_parquet(PANEL_PATH)
    else:
        tidy = build()
        PROCESSED_DIR.mkdir(parents=True, exist_ok=True)
        temporary = PANEL_PATH.with_suffix(f".parquet.{os.getpid()}.tmp")  # parallel runs don't collide
        tidy.to_parquet(temporary, index=False)
        temporary.replace(PANEL_PATH)  # never leave a half-written panel under the final name
        FINGERPRINT_PATH.write_text(json.dumps({"fingerprint": expected}))  # after the panel: never ahead of it
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
