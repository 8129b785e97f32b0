"""The panel: invariants on the real data, validation, caching and the variable dictionary."""
from __future__ import annotations

import json
import os

import pandas as pd
import pandera.errors
import pytest

from transition.data import countries, derived, panel


def test_panel_keys_are_unique_and_countries_known(real_panel):
    assert not real_panel.duplicated(["iso3", "year", "variable"]).any()
    assert set(countries.study_iso3()) <= set(real_panel["iso3"])
    assert set(real_panel["iso3"]) <= countries.known_iso3()
    assert list(real_panel.columns) == ["iso3", "year", "variable", "value", "source"]


def test_ebrd_scores_are_on_the_ebrd_scale(real_panel):
    ebrd = real_panel[real_panel["variable"].str.startswith(("ebrd_", "reform_"))]
    assert ebrd["value"].between(1, 4.33).all()
    assert ebrd.query("variable == 'ebrd_trade_forex'")["iso3"].nunique() == 29
    assert ebrd["year"].between(1989, 2006).all()


def test_no_yugoslav_ebrd_scores_for_successor_states(real_panel):
    early = real_panel.query("source == 'ebrd_transition_indicators' and iso3 in ['BIH', 'SRB', 'MNE'] and year < 1992")
    assert early.empty


def test_gdp_index_is_100_in_1989_and_leaves_out_definition_breaks(real_panel):
    for source in derived.GDP_SOURCES:
        index = real_panel.query(f"variable == 'gdp_index_{source}' and year == 1989")
        assert (index["value"].round(9) == 100).all(), source
        assert not {"BIH", "SRB", "MNE"} & set(real_panel.query(f"variable == 'gdp_index_{source}'")["iso3"])


def test_gdp_index_matches_the_documented_russian_collapse(real_panel):
    # Mirror data README: Russia 1998 is about 67% of 1989 in Maddison and about 56% in WDI/PWT.
    wide = panel.to_wide(real_panel).set_index(["iso3", "year"])
    assert wide.loc[("RUS", 1998), "gdp_index_maddison"] == pytest.approx(67, abs=1.5)
    assert wide.loc[("RUS", 1998), "gdp_index_wdi"] == pytest.approx(56, abs=1.5)


def test_inflation_flags_the_second_cpi_and_the_deflator_fallback_for_ex_soviet_early_years(real_panel):
    wide = panel.to_wide(real_panel).set_index(["iso3", "year"])
    assert wide.loc[("RUS", 1992), "inflation_is_hko"] == 1  # no WEO CPI; the World Bank database has it
    assert wide.loc[("RUS", 1992), "inflation"] == wide.loc[("RUS", 1992), "hko_cpi_inflation"]
    assert wide.loc[("UKR", 1992), "inflation_is_deflator"] == 1  # the database's 2.2 is a screened placeholder
    assert wide.loc[("RUS", 1995), "inflation_is_deflator"] == 0
    assert wide.loc[("RUS", 1995), "inflation"] == wide.loc[("RUS", 1995), "weo_cpi_inflation"]


def test_wide_panel_is_one_row_per_country_year(real_panel):
    wide = panel.to_wide(real_panel)
    assert not wide.duplicated(["iso3", "year"]).any()
    assert wide.shape[1] == 2 + real_panel["variable"].nunique()


def _small_panel():
    return pd.DataFrame({"iso3": ["RUS", "POL"], "year": [1995, 1995], "variable": ["ebrd_trade_forex"] * 2,
                         "value": [3.0, 4.33], "source": ["ebrd_transition_indicators"] * 2})


def test_validation_accepts_a_valid_panel():
    panel.validate(_small_panel())


@pytest.mark.parametrize("column, bad, fragment", [
    ("value", 5.0, "in_range(1.0, 4.33)"),
    ("iso3", "XXX", "isin"),
    ("year", 1800, "in_range"),
    ("variable", "not_a_variable", "isin"),
])
def test_validation_rejects_bad_values(column, bad, fragment):
    broken = _small_panel()
    broken.loc[0, column] = bad
    with pytest.raises(pandera.errors.SchemaErrors, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        panel.validate(broken)


def test_validation_rejects_duplicate_keys():
    with pytest.raises(pandera.errors.SchemaErrors):
        panel.validate(pd.concat([_small_panel(), _small_panel()], ignore_index=True))


def test_cache_is_rebuilt_when_its_fingerprint_changes(real_panel, monkeypatch, tmp_path):
    monkeypatch.setattr(panel, "PROCESSED_DIR", tmp_path)
    monkeypatch.setattr(panel, "PANEL_PATH", tmp_path / "panel.parquet")
    monkeypatch.setattr(panel, "FINGERPRINT_PATH", tmp_path / "panel.fingerprint.json")
    builds = []
    monkeypatch.setattr(panel, "build", lambda: builds.append(1) or real_panel)
    panel.load()
    panel.load()
    assert len(builds) == 1  # second load read the cache
    (tmp_path / "panel.fingerprint.json").write_text(json.dumps({"fingerprint": "stale"}))
    reloaded = panel.load()
    assert len(builds) == 2
    pd.testing.assert_frame_equal(reloaded, real_panel)


def test_committed_variable_dictionary_is_current(real_panel):
    committed = pd.read_csv(panel.VARIABLES_CSV)
    fresh = panel.variable_dictionary(real_panel)
    assert committed["name"].tolist() == fresh["name"].tolist()
    for column in ["description", "unit", "source_id", "original_code"]:
        assert committed[column].tolist() == fresh[column].tolist(), column
    assert committed["first_year"].tolist() == fresh["first_year"].astype(int).tolist()
    assert committed["last_year"].tolist() == fresh["last_year"].astype(int).tolist()
    assert set(fresh["name"]) == set(real_panel["variable"])  # every declared variable has data


@pytest.fixture
def cached_panel(real_panel, monkeypatch, tmp_path):
    """A panel cache in a temporary folder; ``builds`` counts rebuilds (the build returns the real panel)."""
    monkeypatch.setattr(panel, "PROCESSED_DIR", tmp_path)
    monkeypatch.setattr(panel, "PANEL_PATH", tmp_path / "panel.parquet")
    monkeypatch.setattr(panel, "FINGERPRINT_PATH", tmp_path / "panel.fingerprint.json")
    builds = []
    monkeypatch.setattr(panel, "build", lambda: builds.append(1) or real_panel)
    panel.load()
    assert len(builds) == 1
    return tmp_path, builds


def test_a_flipped_byte_in_the_cached_panel_is_detected_and_rebuilt(cached_panel, real_panel):
    folder, builds = cached_panel
    path = folder / "panel.parquet"
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the mtime says nothing changed
    reloaded = panel.load()
    assert len(builds) == 2
    pd.testing.assert_frame_equal(reloaded, real_panel)
    assert json.loads((folder / "panel.fingerprint.json").read_text())["panel_sha256"] == panel.file_sha256(path)


def test_a_truncated_cached_panel_is_rebuilt_not_an_arrow_error(cached_panel, real_panel):
    folder, builds = cached_panel
    path = folder / "panel.parquet"
    path.write_bytes(path.read_bytes()[:1000])
    pd.testing.assert_frame_equal(panel.load(), real_panel)
    assert len(builds) == 2


def test_a_truncated_panel_with_a_matching_hash_still_rebuilds(cached_panel, real_panel):
    # even if the recorded hash agrees (both damaged together), an unreadable file is rebuilt
    folder, builds = cached_panel
    path = folder / "panel.parquet"
    path.write_bytes(path.read_bytes()[:1000])
    record = json.loads((folder / "panel.fingerprint.json").read_text())
    record["panel_sha256"] = panel.file_sha256(path)
    (folder / "panel.fingerprint.json").write_text(json.dumps(record))
    pd.testing.assert_frame_equal(panel.load(), real_panel)
    assert len(builds) == 2


@pytest.mark.parametrize("content", ["", "{", "[]", "null", '{"fingerprint": 3}'])
def test_an_empty_or_corrupt_fingerprint_file_triggers_a_rebuild(cached_panel, content):
    folder, builds = cached_panel
    (folder / "panel.fingerprint.json").write_text(content)
    panel.load()
    assert len(builds) == 2
    panel.load(rebuild=True)  # `transition data --rebuild` works too
    assert len(builds) == 3
    panel.load()
    assert len(builds) == 3  # and the cache is good again


def test_the_fingerprint_covers_the_data_code_and_the_project_tables():
    names = {path.name for path in panel._inputs()}
    assert {"panel.py", "derived.py", "loaders.py", "sources.py", "countries.py"} <= names
    assert {"countries.csv", "definition_breaks.csv", "country_name_overrides.csv", "sources.toml"} <= names
    assert "variables.csv" not in names  # written from the panel, not read by it


def test_no_temporary_files_are_left_beside_the_cache(cached_panel):
    folder, _ = cached_panel
    assert sorted(p.name for p in folder.iterdir()) == ["panel.fingerprint.json", "panel.parquet"]
