"""The published record side by side: selector resolution on a constructed results folder, and the
real results/ checked against data/published_figures.csv within each row's stated tolerance."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from transition.claims.published import (
    COMPARISON_COLUMNS,
    PUBLISHED_FIGURES,
    REQUIRED_COLUMNS,
    SelectorError,
    compare_published,
    load_published,
    resolve_selector,
    write_comparison,
)
from transition.paths import PROJECT_ROOT, RESULTS_DIR


@pytest.fixture
def results(tmp_path):
    """A tiny results folder: one headline file and one table with known numbers."""
    headlines = {"median_lag": {"value": 2.0, "unit": "years", "description": "d"},
                 "missing_value": {"value": None, "unit": "years", "description": "d"},
                 "a_label": {"value": "BLR, TKM", "unit": "ISO3 list", "description": "d"}}
    (tmp_path / "03_stab.json").write_text(json.dumps(headlines), encoding="utf-8")
    pd.DataFrame({"iso3": ["RUS", "RUS", "POL", "POL"], "source": ["wdi", "pwt", "wdi", "wdi"],
                  "index_1999": [59.25, 59.6, 125.4, 126.0], "trough_year": [1998, 1998, 1991, None]}
                 ).to_csv(tmp_path / "paths.csv", index=False)
    return tmp_path


def _figures(rows: list[dict]) -> pd.DataFrame:
    base = {"measure": "m", "country_or_group": "c", "period": "p", "unit": "u", "citation": "cit",
            "locator": "loc", "difference_note": "why", "expected_outside": False, "outside_reason": ""}
    return pd.DataFrame([{**base, **row} for row in rows])


# ---- selector resolution --------------------------------------------------------------------------------------
def test_json_selector_reads_the_value(results):
    assert resolve_selector("json:03_stab:median_lag", results) == 2.0


def test_csv_selector_filters_to_one_row(results):
    assert resolve_selector("paths.csv|iso3=RUS,source=wdi|index_1999", results) == pytest.approx(59.25)
    assert resolve_selector("paths.csv|iso3=RUS,source=pwt|index_1999", results) == pytest.approx(59.6)


def test_csv_selector_accepts_a_results_prefix_and_spaces(results):
    assert resolve_selector(" results/paths.csv| iso3=RUS , source=wdi |index_1999 ", results) == pytest.approx(59.25)


@pytest.mark.parametrize("selector, fragment", [
    ("json:03_stab:nope", "no key 'nope'"),
    ("json:04_none:median_lag", "does not exist"),
    ("json:03_stab", "expected 'json:<stem>:<key>'"),
    ("json:03_stab:missing_value", "not a number"),
    ("json:03_stab:a_label", "not a number"),
    ("paths.csv|iso3=POL,source=wdi|index_1999", "2 rows"),
    ("paths.csv|iso3=HUN|index_1999", "0 rows"),
    ("paths.csv|iso3=RUS,source=wdi|index_2099", "no column(s) ['index_2099']"),
    ("paths.csv|iso3|index_1999", "is not '<column>=<value>'"),
    ("paths.csv|iso3=RUS", "expected '<file>.csv|"),
    ("other.csv|iso3=RUS|index_1999", "does not exist"),
    ("output_paths:index_1999", "neither"),
])
def test_bad_selectors_fail_with_a_message(results, selector, fragment):
    with pytest.raises(SelectorError) as error:
        resolve_selector(selector, results)
    assert fragment in str(error.value)
    assert selector.strip() in str(error.value)


def test_missing_cell_is_an_error_not_a_nan(results):
    pd.DataFrame({"iso3": ["UKR"], "trough_year": [""]}).to_csv(results / "gap.csv", index=False)
    with pytest.raises(SelectorError, match="not a number|missing"):
        resolve_selector("gap.csv|iso3=UKR|trough_year", results)


# ---- the comparison -------------------------------------------------------------------------------------------
def test_comparison_checks_both_sides_of_the_tolerance(results):
    figures = _figures([
        {"id": "above", "published_value": 55.0, "tolerance": 5.0,       # compendium 59.25: +4.25, inside
         "compendium_selector": "paths.csv|iso3=RUS,source=wdi|index_1999"},
        {"id": "below", "published_value": 64.5, "tolerance": 5.0,       # -5.25: outside
         "compendium_selector": "paths.csv|iso3=RUS,source=wdi|index_1999"},
        {"id": "edge", "published_value": 4.0, "tolerance": 2.0,         # exactly -2: inside
         "compendium_selector": "json:03_stab:median_lag"},
        {"id": "explained", "published_value": 0.0, "tolerance": 1.0, "expected_outside": True,
         "outside_reason": "a definition differs", "compendium_selector": "json:03_stab:median_lag"}])
    table = compare_published(results, figures).set_index("id")
    assert list(table.reset_index().columns) == list(COMPARISON_COLUMNS)
    assert table.loc["above", "difference"] == pytest.approx(4.25)
    assert table.loc["below", "difference"] == pytest.approx(-5.25)
    assert table["within_tolerance"].to_dict() == {"above": True, "below": False, "edge": True, "explained": False}
    assert table["as_expected"].to_dict() == {"above": True, "below": False, "edge": True, "explained": True}
    assert "because: a definition differs" in table.loc["explained", "note"]


def test_registry_errors_name_the_file(tmp_path):
    path = tmp_path / "figures.csv"
    pd.DataFrame({"id": ["a"], "published_value": [1]}).to_csv(path, index=False)
    with pytest.raises(ValueError, match="figures.csv: missing column"):
        load_published(path)
    full = {c: ["x", "x"] for c in REQUIRED_COLUMNS} | {"published_value": [1, 2], "tolerance": [1, 1],
                                                         "expected_outside": [0, 0]}
    pd.DataFrame(full).to_csv(path, index=False)
    with pytest.raises(ValueError, match="used more than once: \\['x'\\]"):
        load_published(path)


def test_write_comparison_writes_into_the_results_folder(results, tmp_path):
    registry = tmp_path / "registry.csv"
    figures = _figures([{"id": "lag", "published_value": 2.0, "tolerance": 1.0,
                         "compendium_selector": "json:03_stab:median_lag"}])
    figures.to_csv(registry, index=False)
    path = write_comparison(results, registry)
    assert path == results / "published_comparison.csv"
    assert not list(results.glob("*.tmp"))
    written = pd.read_csv(path)
    assert written.loc[0, "id"] == "lag" and bool(written.loc[0, "within_tolerance"])
    staging = tmp_path / "staging"
    staging.mkdir()
    assert write_comparison(results, registry, output_dir=staging) == staging / "published_comparison.csv"
    assert pd.read_csv(staging / "published_comparison.csv").equals(written)


# ---- the real registry against the real results ---------------------------------------------------------------
@pytest.fixture(scope="module")
def registry():
    return load_published(PUBLISHED_FIGURES)


def test_registry_is_complete(registry):
    assert len(registry) >= 40
    publications = {keys.split(";")[0] for keys in registry["bibkey"]}   # the first key names the publication
    assert len(publications) >= 6, sorted(publications)
    for column in ("citation", "locator", "source_url", "compendium_selector", "tolerance_reason",
                   "difference_note"):
        assert (registry[column].str.strip() != "").all(), column
    assert (registry["tolerance"] >= 0).all()
    outside = registry[registry["expected_outside"]]
    assert (outside["outside_reason"].str.strip() != "").all()


def test_every_citation_key_is_in_the_bibliography(registry):
    bibliography = PROJECT_ROOT / "book" / "references.bib"
    if not bibliography.exists():
        pytest.skip("book/references.bib not present")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bibliography.read_text(encoding="utf-8"), flags=re.MULTILINE))
    cited = {key for keys_ in registry["bibkey"] for key in keys_.split(";") if key}
    assert cited and cited <= keys, sorted(cited - keys)


def test_every_published_figure_resolves_and_only_the_explained_ones_differ(registry):
    table = compare_published(RESULTS_DIR, registry)
    assert table["compendium"].notna().all()
    unexpected = table.loc[~table["as_expected"], ["id", "published", "compendium", "difference", "tolerance",
                                                    "expected_outside"]]
    assert unexpected.empty, f"rows outside (or inside) their tolerance against the registry:\n{unexpected}"
    assert set(table.loc[~table["within_tolerance"], "id"]) == set(registry.loc[registry["expected_outside"], "id"])


def test_generated_table_lists_every_registered_figure(registry):
    path = RESULTS_DIR / "published_comparison.csv"
    if not path.exists():
        pytest.skip("results/published_comparison.csv not generated yet (write_comparison)")
    assert pd.read_csv(path)["id"].tolist() == registry["id"].tolist()
