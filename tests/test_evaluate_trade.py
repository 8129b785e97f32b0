"""The trade claims' multiverse (C4-C7, claims.evaluate_trade): the default specification reproduces the ledger's
verdicts and the notebooks' numbers, each choice moves what it should, and a value outside a space is refused."""
from __future__ import annotations

import math
import time

import pandas as pd
import pytest
from conftest import requires_mirror

from transition.analysis import partners
from transition.claims import evaluate, evaluate_trade, ledger, spaces
from transition.claims.space import Spec, SpecOutsideSpace
from transition.data.vocabulary import ESSAY_YEAR
from transition.paths import ESSAY_RESULTS_DIR, RESULTS_DIR
from transition.run import discovery

TRADE_CLAIMS = ("C4", "C5", "C6", "C7")
pytestmark = requires_mirror


@pytest.fixture(scope="module")
def computed_ledger() -> pd.DataFrame:
    """The ledger as its rules judge today's headline files (results/ and the essay run), not results/claims.csv
    (written by notebook 00's last run)."""
    table = ledger.build_ledger(ledger.load_headlines(), essay_headlines=ledger.load_headlines(ESSAY_RESULTS_DIR))
    return table.set_index("claim_id")


@pytest.fixture(scope="module")
def headlines() -> dict[str, dict]:
    """The headline numbers of notebooks 06 and 08: "latest" (results/) and "essay" (the as-of-2002 run)."""
    return {"latest": ledger.load_headlines().by_notebook, "essay": ledger.load_headlines(ESSAY_RESULTS_DIR).by_notebook}


def _verdict(claim: str, panel, **choices) -> str:
    return evaluate.evaluate(claim, spaces.SPACES[claim].spec(**choices), panel)["verdict"]


def _value(headlines: dict, when: str, notebook: str, key: str) -> float:
    return float(headlines[when][notebook][key]["value"])


def _close(a: float, b: float) -> bool:  # headline files keep 6 decimals
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


# ---- the defaults ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("claim", TRADE_CLAIMS)
def test_the_default_reproduces_the_computed_ledger_in_both_columns(claim, computed_ledger, real_panel):
    """C4 supported in part / supported in part; C5 supported / supported in part; C6 supported / mixed; C7
    supported in part / inconclusive (today's headline files)."""
    assert _verdict(claim, real_panel, as_of=ESSAY_YEAR) == computed_ledger.loc[claim, "verdict_asof_essay"]
    assert _verdict(claim, real_panel) == computed_ledger.loc[claim, "verdict_latest"]


def test_the_constants_are_the_notebooks_parameters():
    notebooks = discovery.discover()
    trade = notebooks["06_trade_structure"].defaults()
    assert (trade["groups"], trade["splice_prefer"], trade["min_countries"], trade["early_year"]) == (
        evaluate_trade.TRADE_GROUPS, evaluate_trade.SPLICE_PREFER, evaluate_trade.MIN_COUNTRIES, evaluate_trade.EARLY_YEAR)
    assert (trade["cis_members"], trade["periods"], trade["membership"]) == (evaluate_trade.CIS_MEMBERS,
                                                                             evaluate_trade.PERIODS, "fixed")
    partner = notebooks["08_trade_partners"].defaults()
    assert (partner["first_year"], partner["last_year"], partner["drop_break_years"]) == (
        evaluate_trade.FIRST_YEAR, evaluate_trade.LAST_YEAR, False)
    assert notebooks["08_trade_partners"].parameters["countries"].default == "list(FORMER_USSR)"


C4_KEYS = {"fall_pp": "cis_median_fall_to_{w}_pp", "fall_low": "cis_median_fall_to_{w}_pp_low",
           "fall_high": "cis_median_fall_to_{w}_pp_high", "share_pct": "cis_median_share_fsu_{w}_pct",
           "share_low": "cis_median_share_fsu_{w}_pct_low", "share_high": "cis_median_share_fsu_{w}_pct_high"}


@pytest.mark.parametrize("when", ["essay", "latest"])
def test_the_default_numbers_are_the_notebooks(when, headlines, real_panel):
    """Every number the rules read, as the multiverse computes it, equals notebook 06's and 08's headline (each
    column from its own run)."""
    as_of = {"as_of": ESSAY_YEAR} if when == "essay" else {}
    c4 = evaluate_trade.numbers_c4(spaces.C4.spec(**as_of))
    for name, key in C4_KEYS.items():
        assert _close(c4[name], _value(headlines, when, "08_trade_partners", key.format(w="2002" if when == "essay" else "latest")))
    window = "to_2002" if when == "essay" else "after_2002"
    c7 = evaluate.evaluate("C7", spaces.C7.spec(**as_of), real_panel)
    for name in ("first_reporter", "tied_reporter", "behind_reporter", "first_mirror", "tied_mirror", "behind_mirror"):
        outcome, record = name.split("_")
        assert c7[name] == _value(headlines, when, "08_trade_partners", f"kaz_years_{outcome}_{record}_{window}"), name
    assert c7["years_judged"] == _value(headlines, when, "08_trade_partners", f"kaz_years_judged_reporter_{window}")
    label = "essay_year" if when == "essay" else "latest"
    c6 = evaluate_trade.numbers_c6(spaces.C6.spec(**as_of), real_panel)
    nb = "06_trade_structure"
    for code in ("rus", "ukr", "kaz"):
        assert _close(c6[code], _value(headlines, when, nb, f"{code}_non_cis_share_{label}"))
    assert c6["others_in_range"] == _value(headlines, when, nb, f"other_cis_in_essay_range_non_cis_{label}")
    assert c6["others"] == _value(headlines, when, nb, f"other_cis_count_non_cis_{label}")
    assert c6["essay_figures_year"] == _value(headlines, when, nb, "essay_figures_year")
    for name, key in (("grew", "cis_count_non_cis_grew"), ("known", "cis_count_non_cis_growth_known"),
                      ("exceptions_not_grown", "essay_exceptions_not_grown_non_cis")):
        assert c6[name] == _value(headlines, when, nb, f"{key}_essay_year")
    c5 = evaluate_trade.numbers_c5(spaces.C5.spec(**as_of), real_panel)
    stamp = "early" if when == "essay" else "latest"
    for name, key in (("manufactures", "cis_median_manufactures_export_share_{s}"),
                      ("manufactures_low", "cis_median_manufactures_export_share_{s}_low"),
                      ("manufactures_high", "cis_median_manufactures_export_share_{s}_high"),
                      ("raw_cis", "cis_median_fuel_ores_export_share_{s}"),
                      ("raw_cee", "cee_median_fuel_ores_export_share_{s}")):
        assert _close(c5[name], _value(headlines, when, nb, key.format(s=stamp))), name
    if when == "essay":
        assert (c5["imports_majority"], c5["imports_known"]) == (
            _value(headlines, when, nb, "cis_count_processed_imports_majority"),
            _value(headlines, when, nb, "cis_count_processed_imports_known"))
    else:
        for name, key in (("imports", ""), ("imports_low", "_low"), ("imports_high", "_high")):
            assert _close(c5[name], _value(headlines, when, nb, f"cis_median_processed_import_share_latest{key}")), name


def test_the_alternative_records_are_the_notebooks_cross_checks(headlines, real_panel):
    """COW's shares in 2002 (notebook 06's cross-check) and the count of CIS countries whose manufactures share
    of imports exceeds that of exports (its import comparison)."""
    cow = evaluate_trade.numbers_c6(spaces.C6.spec(flows_source="cow", figures_year=2002, as_of=ESSAY_YEAR), real_panel)
    for code in ("rus", "ukr", "kaz"):
        assert _close(cow[code], _value(headlines, "essay", "06_trade_structure", f"{code}_non_cis_share_cow_2002"))
    exports = evaluate_trade.numbers_c5(spaces.C5.spec(imports_measure="manufactures", imports_comparison="exports",
                                                       as_of=ESSAY_YEAR), real_panel)
    assert exports["imports_majority"] == _value(headlines, "essay", "06_trade_structure",
                                                 "cis_count_manuf_import_share_above_export_share")


@pytest.mark.parametrize("band", partners.TIE_BANDS)
def test_c7_counts_are_notebook_08s_tie_band_table(band, real_panel):
    table = pd.read_csv(RESULTS_DIR / "08_tie_band_sensitivity.csv")
    for window, as_of in (("to_2002", ESSAY_YEAR), ("after_2002", "latest")):
        row = table[(table["window"] == window) & (table["tie_pp"] == band)].iloc[0]
        result = evaluate.evaluate("C7", spaces.C7.spec(tie_pp=band, as_of=as_of), real_panel)
        assert result["years_judged"] == row["years"]
        for name in ("first_reporter", "tied_reporter", "behind_reporter", "first_mirror", "tied_mirror", "behind_mirror"):
            assert result[name] == row[name], (window, band, name)


# ---- each dimension moves what it should ----------------------------------------------------------------
def test_c4_choices(real_panel):
    # the partners' record: the fall's interval clears 10 points in both columns ([17.5, 38.0] and [21.6, 38.0])
    assert _verdict("C4", real_panel, flows_record="mirror") == _verdict("C4", real_panel, flows_record="mirror", as_of=ESSAY_YEAR) == "supported"
    # a lower bar for the fall: as of the essay its interval [7.8, 32.9] clears 5 points
    assert _verdict("C4", real_panel, fall_min_pp=5.0, as_of=ESSAY_YEAR) == "supported"
    # a lower bar for the share left: the latest interval [19.5, 40.6] clears 15%
    assert _verdict("C4", real_panel, major_share_pct=15.0) == "supported"
    # from 1995 for every country the fall is smaller (19.3 points, [11.2, 32.7]): with 15 points neither part is told
    common = evaluate_trade.numbers_c4(spaces.C4.spec(fall_base=1995))
    assert common["fall_pp"] < evaluate_trade.numbers_c4(spaces.C4.default())["fall_pp"] and common["n"] == 12
    assert _verdict("C4", real_panel, fall_base=1995, fall_min_pp=15.0) == "inconclusive"


def test_c4_mirror_shares_are_shares():
    """On the partners' record over a total never below their sum, no share exceeds 100%."""
    shares = evaluate_trade.c4_shares(None, "mirror")
    assert shares["share_fsu"].between(0, 1).all() and len(shares) > 300


def test_c5_choices(real_panel):
    # manufactures below 60%: the latest interval [12.9, 53.4] is below it, the export part holds
    assert _verdict("C5", real_panel, manufactures_below=60.0) == "supported"
    # as of the essay two thirds of imports processed in 8 of 11 countries: fewer than three in four
    assert _verdict("C5", real_panel, processed_above=66.7, as_of=ESSAY_YEAR) == "mixed"
    # imports against the country's own exports: 9 of 11 import more manufactures than they export
    assert _verdict("C5", real_panel, imports_measure="manufactures", imports_comparison="exports",
                    as_of=ESSAY_YEAR) == "supported"
    # with agricultural raw materials (cotton) the raw shares grow, in the CIS more than in Central Europe
    wider = evaluate_trade.numbers_c5(spaces.C5.spec(raw="fuel_ores_agri", as_of=ESSAY_YEAR), real_panel)
    plain = evaluate_trade.numbers_c5(spaces.C5.spec(as_of=ESSAY_YEAR), real_panel)
    assert wider["raw_cis"] > plain["raw_cis"] and wider["raw_cis"] - plain["raw_cis"] > wider["raw_cee"] - plain["raw_cee"]


def test_c6_choices(real_panel):
    # the variant, goods and services to all partners: fits the essay's figures best in 1993, fails the range and growth
    variant = evaluate.evaluate("C6", spaces.C6.spec(export_concept="all_partners", as_of=ESSAY_YEAR), real_panel)
    assert variant["essay_figures_year"] == 1993 and variant["verdict"] == "contradicted"
    # a 10-point tolerance: Russia's 69.5% in 2020 matches 76%, and the latest verdict turns supported
    assert _verdict("C6", real_panel, tolerance_pp=10.0) == "supported"
    # the essay's figures dated 2000: only one of the essay's three exceptions did not grow
    dated = evaluate.evaluate("C6", spaces.C6.spec(figures_year=2000, as_of=ESSAY_YEAR), real_panel)
    assert dated["exceptions_not_grown"] == 1 and dated["verdict"] == "contradicted"


def test_c7_choices(real_panel):
    # a 3-point tie band: the partner part holds after 2002 (notebook 08's sensitivity table)
    assert _verdict("C7", real_panel, tie_pp=3.0) == "supported in part"
    # Kazakhstan's record alone: Russia leads in 14 of the 14 decided years after 2002
    assert _verdict("C7", real_panel, records="reporter") == "supported in part"
    # the partners' record over the last five years: China leads in 3 of the 3 decided years
    assert _verdict("C7", real_panel, records="mirror", window="last_5") == "contradicted"
    # to 2014, COW's end: 2003-2014 without the break years
    short = evaluate.evaluate("C7", spaces.C7.spec(partner_last_year=2014), real_panel)
    assert (short["first_year_judged"], short["last_year_judged"], short["years_judged"]) == (2003, 2014, 10)
    # as of the essay every choice keeps the partner part
    assert {evaluate.evaluate("C7", s, real_panel)["verdict"] for s in spaces.C7.specs()
            if s.get("as_of") == ESSAY_YEAR} == {"supported in part"}


# ---- the spaces -------------------------------------------------------------------------------------------
def test_the_spaces_and_their_sizes():
    assert {claim: spaces.SPACES[claim].size for claim in TRADE_CLAIMS} == {"C4": 72, "C5": 504, "C6": 54, "C7": 162}
    for claim in TRADE_CLAIMS:
        space = spaces.SPACES[claim]
        assert space.dimensions[-1] is spaces.AS_OF and evaluate.CLAIMS[claim][0] is space
        assert all(len(d.help) > 40 for d in space.dimensions), claim


def test_a_value_outside_a_space_is_refused_in_one_line(real_panel):
    with pytest.raises(SpecOutsideSpace) as refused:
        spaces.C7.spec(tie_pp=7.0)
    problems = [line for line in str(refused.value).splitlines() if line.startswith("  - ")]
    assert problems == [f"  - tie_pp = 7.0: not in the declared values {partners.TIE_BANDS!r}"]
    foreign = Spec("C4", tuple((n, 1990 if n == "fall_base" else v) for n, v in spaces.C4.default().choices))
    with pytest.raises(SpecOutsideSpace, match=r"fall_base = 1990: not in the declared values"):
        evaluate.evaluate("C4", foreign, real_panel)


@pytest.mark.parametrize("claim, choices, reason", [
    ("C5", {"imports_comparison": "exports"}, "manufactures alone"),
    ("C6", {"export_concept": "all_partners", "flows_source": "cow"}, "one record"),
    ("C7", {"partner_last_year": 2014, "as_of": ESSAY_YEAR}, "no choice"),
])
def test_combinations_that_are_not_defensible_are_refused(claim, choices, reason):
    with pytest.raises(SpecOutsideSpace, match=f"excluded combination: .*{reason}"):
        spaces.SPACES[claim].spec(**choices)


def test_the_memo_changes_no_result_and_a_specification_costs_milliseconds(real_panel):
    specs = [spaces.C4.spec(fall_base=1995), spaces.C5.spec(raw="fuel_ores_agri", as_of=ESSAY_YEAR),
             spaces.C6.spec(flows_source="cow"), spaces.C7.spec(window="last_10", records="mirror")]
    warm = [evaluate.evaluate(spec.claim, spec, real_panel) for spec in specs]
    start = time.process_time()
    again = [evaluate.evaluate(spec.claim, spec, real_panel) for spec in specs for _ in range(25)]
    assert (time.process_time() - start) / len(again) < 0.005  # every table memoized: a few rule calls
    evaluate._MEMO.clear()
    evaluate_trade._TRADE.clear()
    cold = [evaluate.evaluate(spec.claim, spec, real_panel) for spec in reversed(specs)][::-1]
    assert [r["verdict"] for r in warm] == [r["verdict"] for r in cold]
    for first, second in zip(warm, cold):
        assert all(_close(float(first[k]), float(second[k])) for k in first if k != "verdict")


@pytest.mark.parametrize("claim, choices", [("C5", {}), ("C6", {"export_concept": "all_partners"})])
def test_deleting_every_observation_after_2002_changes_no_as_of_2002_number(claim, choices, real_panel):
    spec = spaces.SPACES[claim].spec(as_of=ESSAY_YEAR, **choices)
    full = evaluate.evaluate(claim, spec, real_panel)
    cut = evaluate.evaluate(claim, spec, real_panel[real_panel["year"] <= ESSAY_YEAR].copy())
    assert full["verdict"] == cut["verdict"] and all(_close(float(full[k]), float(cut[k])) for k in full if k != "verdict")
