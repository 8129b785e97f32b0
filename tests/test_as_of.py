""""As of the essay": one argument, ``as_of``, cuts every input at a year before anything is computed.

The ledger judges every claim as of the essay on the run of notebooks 01-08 and 10 with ``as_of = 2002``
(``runs/as_of_2002/``, committed headline files); the multiverse cuts the panel the same way in process
(``claims.evaluate``). These tests check the cut itself, that the two paths agree, and that the
numbers the analysis notebooks show "as of 2002" in their default run are the ones the cut data give.
"""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from notebook_runner import record_report

from transition.analysis import integration
from transition.chapters.specs import AS_OF
from transition.claims import evaluate, ledger, spaces
from transition.data import blocs, panel
from transition.data.vocabulary import ESSAY_YEAR, years_observed
from transition.paths import ESSAY_RUN, RESULTS_DIR


def test_the_panel_cut_drops_every_later_observation_tidy_and_wide(real_panel):
    cut = panel.as_of(real_panel, 2002)
    assert cut["year"].max() == 2002 and len(cut) == (real_panel["year"] <= 2002).sum()
    wide = panel.to_wide(real_panel)
    assert panel.as_of(wide, 1995)["year"].max() == 1995
    assert panel.as_of(real_panel, None) is real_panel and panel.as_of(real_panel, "latest") is real_panel


def test_the_bloc_table_as_known_at_the_end_of_2002():
    known = blocs.as_of(blocs.load_blocs(), 2002)
    assert (known["joined_date"].dropna() <= pd.Timestamp(2002, 12, 31)).all()
    assert (known["left_date"].dropna() <= pd.Timestamp(2002, 12, 31)).all()
    assert "EAEU" not in set(known["bloc"]) and "EURASEC" in set(known["bloc"])  # EAEU treaty signed 2014
    # members on a day in 2002 are the same whether the table is cut or not
    day = pd.Timestamp(2002, 7, 1)
    for bloc in ("CIS", "EURASEC", "GUAM", "CACO"):
        assert blocs.members_on(known, bloc, day) == blocs.members_on(blocs.load_blocs(), bloc, day), bloc


def test_union_steps_on_the_cut_table_are_the_steps_as_of_2002():
    """A union that did not exist yet is not working; an agreement not yet signed is not counted."""
    table = blocs.load_blocs()
    cut = integration.eurasian_steps(blocs.as_of(table, 2002), as_of="2002-12-31")
    full = integration.eurasian_steps(table, as_of="2002-12-31")
    pd.testing.assert_frame_equal(cut.drop(columns="working"), full.drop(columns="working"))
    assert not cut["completed"].any() and len(cut) == 2  # the 1995 customs union and EurAsEC, both still open
    with pytest.raises(ValueError, match="has no entry into force"):
        integration.eurasian_steps(blocs.as_of(table, 2002))  # years waited need a date


def test_the_as_of_parameter_rule():
    assert AS_OF.problem(None) is None and AS_OF.problem(ESSAY_YEAR) is None
    assert "or None" in AS_OF.problem(1990) and AS_OF.problem("2002") is not None
    assert AS_OF.parse("none") is None and AS_OF.parse("2002") == 2002
    assert years_observed([2000, 2007, 2024], 2002) == [2000] and years_observed([1990, 2000], None) == [1990, 2000]


class _Recording(ledger.Headlines):
    """Headlines that note every (notebook, key) a rule reads."""

    def __init__(self, by_notebook):
        super().__init__(by_notebook)
        self.read = set()

    def get(self, notebook, key):
        self.read.add((notebook, key))
        return super().get(notebook, key)


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)  # headline files keep 6 decimals
    return a == b


@pytest.fixture(scope="module")
def essay_headlines():
    return ledger.load_headlines(ledger.ESSAY_RESULTS_DIR)


def test_the_essay_run_has_every_number_the_rules_read_as_of_the_essay(essay_headlines):
    recording = _Recording(essay_headlines.by_notebook)
    for _claim, _ru, rule, _notebooks, _figures in ledger.CLAIMS.values():
        rule(recording, "essay")
    assert recording.missing == [] and len(recording.read) > 100


# Numbers the default run computes with later data by design, which the ledger therefore reads from the run
# cut at 2002: notebook 05 averages resources and governance over 1995/1996-2005, so its "2000" outcomes
# use later years; notebook 01 dates the areas with EBRD data to 2006, so its pairwise order counts and its
# concordance with the essay's order (Kendall tau, the share of concordant pairs: an area reached after 2002
# is a dated pair in the default run and a censored one in the cut) are whole-period numbers. Every other
# as-of-2002 number of the default run is that of the cut data.
DEFAULT_RUN_USES_LATER_DATA = {"05_resources_vs_governance"}
WHOLE_PERIOD_KEYS = {"01_reform_sequencing": ("n_pair_", "n_privatization_before_institutions", "median_kendall_tau_",
                                              "n_kendall_tau_positive_", "share_pairs_concordant_")}


def test_the_notebooks_own_as_of_2002_numbers_are_those_of_the_data_cut_at_2002(essay_headlines):
    """Every number a rule reads as of the essay is the same in the default run and in the run that never
    saw a year after 2002: the default run's "as of 2002" headlines and findings use no later data."""
    default = ledger.load_headlines(RESULTS_DIR)
    recording = _Recording(default.by_notebook)
    for _claim, _ru, rule, _notebooks, _figures in ledger.CLAIMS.values():
        rule(recording, "essay")
    differ = []
    for notebook, key in sorted(recording.read):
        if notebook in DEFAULT_RUN_USES_LATER_DATA or key.startswith(WHOLE_PERIOD_KEYS.get(notebook, ("\0",))):
            continue
        full = default.by_notebook.get(notebook, {}).get(key, {}).get("value")
        cut = essay_headlines.by_notebook.get(notebook, {}).get(key, {}).get("value")
        if not _same(full, cut):
            differ.append(f"{notebook}:{key} {full} (default run) vs {cut} (data to 2002)")
    assert differ == []


def _essay_keyed(claim: str, numbers: dict) -> dict[str, dict]:
    """The multiverse's decisive numbers of ``claim`` under the essay run's headline keys."""
    if claim == "C1":
        return {"01_reform_sequencing": {"n_follow_essay_order_scope_former_ussr": numbers["n_follow"],
                                         "n_countries_scope_former_ussr": numbers["n_countries"]}}
    if claim == "C3":
        key = f"difference_{numbers['gap_outcome']}_rich_cis_vs_poor_east"
        own = {key: numbers["difference"], f"{key}_low": numbers["difference_low"], f"{key}_high": numbers["difference_high"]}
        for outcome, values in numbers["governance"].items():
            own |= {f"{name}_{outcome}": value for name, value in zip(ledger.C3_GOVERNANCE_KEYS, values)}
        return {"05_resources_vs_governance": own}
    return numbers


@pytest.mark.parametrize("claim", ["C1", "C2", "C3"])
def test_the_multiverse_cut_and_the_essay_run_give_the_same_numbers(claim, real_panel, essay_headlines):
    """``claims.evaluate`` (the multiverse) and the notebooks run with as_of = 2002 compute the default
    specification's decisive numbers on the same cut data: the same values, key by key."""
    numbers = getattr(evaluate, f"numbers_{claim.lower()}")(spaces.SPACES[claim].spec(as_of=ESSAY_YEAR), real_panel)
    compared = 0
    for notebook, values in _essay_keyed(claim, numbers).items():
        for key, value in values.items():
            stored = essay_headlines.by_notebook.get(notebook, {}).get(key, {}).get("value")
            if stored is None:
                continue
            compared += 1
            assert _same(float(value), float(stored)), f"{notebook}:{key}: evaluate {value}, essay run {stored}"
    assert compared >= 2


def test_the_ledger_judges_the_essay_column_on_the_essay_run():
    assert ledger.ESSAY_RESULTS_DIR.name == f"as_of_{ESSAY_YEAR}"
    claims = pd.read_csv(RESULTS_DIR / "claims.csv").set_index("claim_id")
    table = ledger.build_ledger(ledger.load_headlines(), essay_headlines=ledger.load_headlines(ledger.ESSAY_RESULTS_DIR))
    assert table.set_index("claim_id")["verdict_asof_essay"].to_dict() == claims["verdict_asof_essay"].to_dict()
    files = sorted(p.name for p in ledger.ESSAY_RESULTS_DIR.glob("[0-9][0-9]_*.json"))
    assert files == [f"{stem}.json" for stem in ("01_reform_sequencing", "02_output_paths", "03_stabilization",
                                                  "04_reforms_and_growth", "05_resources_vs_governance",
                                                  "06_trade_structure", "07_integration", "08_trade_partners",
                                                  "10_real_time")]
    assert all(json.loads((ledger.ESSAY_RESULTS_DIR / name).read_text()) for name in files)


@pytest.mark.notebook
def test_the_committed_essay_run_is_what_the_notebooks_give_now():
    """Notebooks 01-08 and 10 with as_of = 2002, re-executed as `make notebooks` does (through the execution
    cache, shared with tests/test_record.py: `transition verify`), give every committed
    runs/as_of_2002/ headline file byte for byte: a change of code or data that moves a number as of the
    essay cannot leave the ledger judging stale numbers."""
    report = record_report()
    essay = {name: what for name, what in report.problems.items() if name.startswith(f"runs/{ESSAY_RUN}/")}
    assert any(name.startswith(f"runs/{ESSAY_RUN}/") for name in report.checked)
    assert essay == {}, "re-run `make notebooks` (the essay run) and commit runs/as_of_2002/:\n" + \
        "\n".join(f"{name}: {what}" for name, what in essay.items())
