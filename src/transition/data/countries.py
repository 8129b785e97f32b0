"""The 29 economies of the study: groups, names → ISO3, and breaks in country definition.

The metadata are project-authored, committed files under ``data/``, each row citing its source:
``countries.csv`` (groups, names, war years, EU accession), ``country_name_overrides.csv``
(documented corrections to country_converter) and ``definition_breaks.csv`` (years before which a
source does not measure the present-day country).

Examples
--------
>>> from transition.data import countries
>>> countries.to_iso3(["Russian Federation", "Czechoslovakia", "ROM"])
['RUS', 'CSK', 'ROU']
"""
from __future__ import annotations

import logging
from functools import lru_cache

import pandas as pd

from transition.data.vocabulary import (  # noqa: F401 (re-exported)
    BROAD_GROUP,
    BROAD_ORDER,
    GROUP_SLUGS,
    GROUPS,
    study_iso3,
)
from transition.paths import DATA_DIR

#: Aggregates some sources report and the analyses may want (ISO 3166-3 codes for former states).
AGGREGATES = {
    "SUN": "Soviet Union",
    "YUG": "Yugoslavia (SFRY)",
    "CSK": "Czechoslovakia",
    "SCG": "Serbia and Montenegro (FRY / State Union, 1992-2006)",
}


@lru_cache(maxsize=1)
def table() -> pd.DataFrame:
    """``data/countries.csv``, indexed by ISO3."""
    return pd.read_csv(DATA_DIR / "countries.csv", dtype={"iso3": str}).set_index("iso3")


def known_iso3() -> set[str]:
    """Every code the panel may hold: the 29 plus the aggregates."""
    return set(study_iso3()) | set(AGGREGATES)


def group_of() -> pd.Series:
    """ISO3 → group (CIS, Baltic, Central Europe, South-East Europe, Mongolia)."""
    return table()["group"]


@lru_cache(maxsize=1)
def name_overrides() -> dict[str, str]:
    """Documented name (or old code) → ISO3 corrections, from ``data/country_name_overrides.csv``."""
    overrides = pd.read_csv(DATA_DIR / "country_name_overrides.csv")
    return dict(zip(overrides["name"].str.strip(), overrides["iso3"]))


_CONVERTED: dict[str, str | None] = {}


def _convert(names: list[str]) -> None:
    """Convert names not seen before with one call to country_converter (one call per name is slow)."""
    import country_converter as coco

    todo = sorted({name for name in names if name not in _CONVERTED})
    if not todo:
        return
    logging.getLogger("country_converter").setLevel(logging.ERROR)  # it logs every non-country
    missing = "<not a country>"
    found = coco.convert(todo, to="ISO3", not_found=missing)
    found = [found] if isinstance(found, str) else found
    # An ambiguous name comes back as a list: treat it as unmapped rather than guess.
    _CONVERTED.update({name: code if isinstance(code, str) and code != missing else None
                       for name, code in zip(todo, found)})


def to_iso3(names) -> list[str | None]:
    """Map country names or codes to ISO3: documented overrides first, then country_converter.

    Names that are not countries (regions, income groups) map to None.
    """
    overrides = name_overrides()
    cleaned = [str(raw).strip() for raw in names]
    _convert([name for name in cleaned if name not in overrides and name.title() not in overrides])
    return [overrides.get(name) or overrides.get(name.title()) or _CONVERTED[name] for name in cleaned]


@lru_cache(maxsize=1)
def definition_breaks() -> pd.DataFrame:
    """One row per (iso3, source): the first year the source measures the present-day country."""
    breaks = pd.read_csv(DATA_DIR / "definition_breaks.csv")
    breaks["source"] = breaks["sources"].str.split(";")
    return breaks.explode("source").drop(columns="sources").reset_index(drop=True)


def first_comparable_year(iso3: str, source: str) -> int | None:
    """The first year ``source`` measures the present-day ``iso3``, or None when there is no break."""
    breaks = definition_breaks()
    match = breaks[(breaks["iso3"] == iso3) & (breaks["source"] == source)]
    return int(match["first_comparable_year"].iloc[0]) if len(match) else None


def war_years(iso3: str) -> set[int]:
    """Years of war or armed conflict on the country's territory (from ``countries.csv``)."""
    spec = table().loc[iso3, "war_years"]
    years: set[int] = set()
    if isinstance(spec, str) and spec.strip():
        for part in spec.split(";"):
            first, _, last = part.strip().partition("-")
            years.update(range(int(first), int(last or first) + 1))
    return years
