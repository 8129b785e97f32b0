"""The uncertainty of the numbers the claims ledger cites: one sentence per interval, for each claim.

The rules (:mod:`transition.claims.ledger`) judge point estimates; these sentences give each cited
number its interval at the level of :data:`~transition.analysis.groups.INTERVAL_LEVEL` (90%):

- group medians: bootstrap percentile intervals, countries resampled within each group, computed by the
  analysis notebooks and read from their headline files (``<key>_low``, ``<key>_high``);
- a share of countries: the Clopper-Pearson interval; a Spearman correlation: Fisher z with the
  Bonett-Wright standard error; a regression coefficient: clustered SE, normal approximation
  (:mod:`transition.analysis.intervals`);
- where the evidence is a total or a count over every country, year or treaty (C6-C8), the sentence says
  that no sampling interval applies, and names the uncertainty that does.

The intervals cover the numbers the verdict rules compare with a threshold (and, for C2-C5 and C9, the
group medians beside them); they treat the countries as draws from a wider process of transition, as
the bootstrap does, even where the study has every country of a group. A sentence says so when an
interval spans the rule's threshold: that part of the verdict is within sampling error.

C3's intervals (bootstrap of the Shapley share too) are part of its rule in the ledger module.
"""
from __future__ import annotations

import math

from transition.analysis.groups import BOOTSTRAP_DRAWS, INTERVAL_LEVEL
from transition.analysis.intervals import proportion_interval, spearman_interval
from transition.data.vocabulary import EBRD_LAST_YEAR, ESSAY_YEAR

LEVEL = f"{INTERVAL_LEVEL:.0%}"
BOOTSTRAP = f"{LEVEL} bootstrap intervals ({BOOTSTRAP_DRAWS} resamples of countries)"


def number_text(value, digits: int = 1) -> str:
    """A cited number with ``digits`` decimals; "n/a" when it is missing (the ledger writes numbers this way too)."""
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


_f = number_text


def _span(h, notebook: str, key: str, digits: int = 1) -> str:
    return f"[{_f(h.get(notebook, f'{key}_low'), digits)}, {_f(h.get(notebook, f'{key}_high'), digits)}]"


def c1(h, as_of: str) -> list[str]:
    nb = "01_reform_sequencing"
    follow, n = h.get(nb, "n_follow_essay_order_scope_former_ussr"), h.get(nb, "n_countries_scope_former_ussr")
    low, high = proportion_interval(follow, n)
    return [f"{LEVEL} Clopper-Pearson interval of the share of former Soviet states that follow the essay's order: "
            f"[{_f(100 * low, 0)}%, {_f(100 * high, 0)}%]"]


def c2(h, as_of: str) -> list[str]:
    n02, n04 = "02_output_paths", "04_reforms_and_growth"
    base = "spearman_gap_1990_1995_vs_trough"
    rho_low, rho_high = spearman_interval(h.get(n02, f"{base}_rho"), h.get(n02, f"{base}_n"))
    when = f"_{ESSAY_YEAR}" if as_of == "essay" else ""
    return [
        (f"{BOOTSTRAP}, median trough: CIS {_span(h, n02, 'median_trough_index_cis')}, Central Europe & Baltics "
         f"{_span(h, n02, 'median_trough_index_cee_baltics')}, difference "
         f"{_span(h, n02, 'median_trough_difference_cis_vs_cee_baltics')}"),
        (f"{LEVEL} interval of Spearman rho (gap 1990-95 and trough; Fisher z, Bonett-Wright SE): "
         f"[{_f(rho_low, 2)}, {_f(rho_high, 2)}]; of the liberalization-ahead coefficient (SE clustered by "
         f"country): {_span(h, n04, f'seq_lib_ahead_coef{when}', 2)} pp"),
    ]


def c4(h, as_of: str) -> list[str]:
    nb, when = "08_trade_partners", "2002" if as_of == "essay" else "latest"
    return [f"{BOOTSTRAP}, CIS median share of trade with the other former republics {_span(h, nb, f'cis_median_share_fsu_{when}_pct')}%, "
            f"median fall {_span(h, nb, f'cis_median_fall_to_{when}_pp')} percentage points"]


def c5(h, as_of: str) -> list[str]:
    nb, when = "06_trade_structure", "early" if as_of == "essay" else "latest"
    years = ("" if as_of == "essay" else  # the latest year differs by series
             f" ({_f(h.get(nb, 'manufactures_export_share_latest_year'), 0)}, fuel + ores "
             f"{_f(h.get(nb, 'fuel_ores_export_share_latest_year'), 0)})")
    text = (f"{BOOTSTRAP}, CIS median manufactures share of exports {_span(h, nb, f'cis_median_manufactures_export_share_{when}')}%{years}, "
            f"fuel + ores & metals: CIS {_span(h, nb, f'cis_median_fuel_ores_export_share_{when}')}%, Central Europe & "
            f"Baltics {_span(h, nb, f'cee_median_fuel_ores_export_share_{when}')}%")
    if as_of != "essay":
        text += f"; processed share of CIS imports {_span(h, nb, 'cis_median_processed_import_share_latest')}%"
    return [text]


CENSUS_C6 = ("shares of the goods exports outside the CIS of all twelve CIS countries (a census, not a sample): no "
             "sampling interval; the uncertainty is measurement: two records of the same exports (notebook 06 shows "
             "the countries' own and COW's partner-based shares) and the partner-derived rows of Turkmenistan, "
             "Tajikistan and Uzbekistan")
CENSUS_C7 = ("Kazakhstan's partners in every year of the data (a census): no sampling interval; the uncertainty is "
             "measurement, judged on both records of each flow (Kazakhstan's and its partners') with a tie band")
CENSUS_C8 = "a count of blocs from dated treaties: no sampling interval"


def c9(h, as_of: str) -> list[str]:
    if as_of == "essay":
        return [f"{BOOTSTRAP}, median EBRD average in {ESSAY_YEAR}, EurAsEC members minus the other CIS countries: "
                f"{_span(h, '07_integration', f'ebrd_average_{ESSAY_YEAR}_difference_eurasec_vs_cis_outside_{ESSAY_YEAR}', 2)}"]
    return [f"{BOOTSTRAP}, median EBRD average in {EBRD_LAST_YEAR}, EAEU 2015 members minus the other CIS countries: "
            f"{_span(h, '07_integration', f'ebrd_average_{EBRD_LAST_YEAR}_difference_eaeu_2015_vs_cis_outside', 2)}"]


def c10(h, as_of: str) -> list[str]:
    nb, when = "07_integration", str(ESSAY_YEAR) if as_of == "essay" else "latest"
    return [f"{_f(h.get(nb, f'eurasian_union_steps_{when}'), 0)} agreements, too few for an interval: from "
            f"{_f(h.get(nb, f'eurasian_union_shortest_years_{when}'))} to {_f(h.get(nb, f'eurasian_union_longest_years_{when}'))} "
            f"years each (an agreement not yet working: the years waited so far)"]


#: claim → the interval sentences of the numbers its rule cites (C3: in its rule).
INTERVALS = {
    "C1": c1, "C2": c2, "C4": c4, "C5": c5,
    "C6": lambda h, as_of: [CENSUS_C6], "C7": lambda h, as_of: [CENSUS_C7], "C8": lambda h, as_of: [CENSUS_C8],
    "C9": c9, "C10": c10,
}


def sentences(claim_id: str, h, as_of: str, thresholds=()) -> list[str]:
    """The interval sentences of ``claim_id`` on the headlines ``h``, as of the essay or with the latest data,
    then a warning for each of ``thresholds`` (notebook, key, threshold, what) whose interval spans it."""
    rule = INTERVALS.get(claim_id)
    return (rule(h, as_of) if rule else []) + spans(h, thresholds)


def spans(h, thresholds) -> list[str]:
    """A sentence for each (notebook, key, threshold, what) whose interval ``key_low``-``key_high`` contains the
    rule's threshold: that part of the verdict is within sampling error."""
    found = []
    for notebook, key, threshold, what in thresholds:
        low, high = h.get(notebook, f"{key}_low"), h.get(notebook, f"{key}_high")
        if low <= threshold <= high:
            found.append(f"{what}: its interval spans the rule's threshold of {threshold:.3g}, so that part of the "
                         f"verdict is within sampling error")
    return found
