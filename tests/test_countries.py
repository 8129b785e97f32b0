"""Project-authored metadata: countries, blocs, name mapping, definition breaks."""
from __future__ import annotations

import pandas as pd

from transition.data import countries
from transition.paths import DATA_DIR

BLOCS = {"CIS", "CAEC", "CACO", "CU1995", "UNION_STATE", "EURASEC", "SES2003", "CU2010", "SES2012", "CISFTA", "EAEU",
         "GUAM", "EU", "WTO"}


def test_countries_table_has_the_29_with_groups_and_sources():
    table = countries.table()
    assert len(table) == 29 and table.index.is_unique
    assert set(table["group"]) == set(countries.GROUPS)
    assert table.groupby("group").size().to_dict() == {"CIS": 12, "Baltic": 3, "Central Europe": 5,
                                                         "South-East Europe": 8, "Mongolia": 1}
    assert table["source"].notna().all() and table["name_ru"].notna().all()
    assert set(table.query("eu_accession_year == 2004").index) == {"EST", "LVA", "LTU", "POL", "HUN", "CZE", "SVK", "SVN"}


def test_name_mapping_uses_documented_overrides():
    assert countries.to_iso3(["Czechoslovakia", "USSR", "ROM", "Serbia and Montenegro", "Kyrgyz Republic",
                              "RUSSIAN FEDERATION", "World"]) == ["CSK", "SUN", "ROU", "SCG", "KGZ", "RUS", None]


def test_war_years_parse_ranges():
    assert countries.war_years("TJK") == set(range(1992, 1998))
    assert {1994, 1995, 1996, 1999, 2000} <= countries.war_years("RUS")
    assert countries.war_years("EST") == set()


def test_definition_breaks_are_known_countries_and_sources():
    from transition.data.sources import load_registry

    breaks = countries.definition_breaks()
    assert set(breaks["iso3"]) <= set(countries.study_iso3())
    assert set(breaks["source"]) <= {e.source for e in load_registry().values()}
    assert countries.first_comparable_year("BIH", "gapminder_wdi") == 1994
    assert countries.first_comparable_year("POL", "gapminder_wdi") is None


def test_blocs_table_is_dated_and_cited():
    blocs = pd.read_csv(DATA_DIR / "blocs.csv", dtype=str)
    assert set(blocs["bloc"]) == BLOCS
    assert set(blocs["iso3"]) <= set(countries.study_iso3())
    joined = pd.to_datetime(blocs["joined"], format="mixed")
    left = pd.to_datetime(blocs["left"], format="mixed")
    assert (left.isna() | (left >= joined)).all()
    assert blocs["source"].notna().all()
    assert not blocs.duplicated(["bloc", "iso3", "joined"]).any()
    eaeu = set(blocs.query("bloc == 'EAEU'")["iso3"])
    assert eaeu == {"RUS", "BLR", "KAZ", "ARM", "KGZ"}
