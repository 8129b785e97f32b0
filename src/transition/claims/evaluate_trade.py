"""The trade claims (C4-C7) for one specification, computed in-process from the panel and the bilateral flows.

As :mod:`transition.claims.evaluate` does for C1-C3: the as-of year cuts every input before anything is
computed (the panel through ``evaluate._cut``; the IMF DOTS records, COW's flows and the EU's members
by ``as_of`` as notebooks 06 and 08 cut them); the numbers come from the notebooks' analysis functions
(:mod:`transition.analysis.partners`, :mod:`~transition.analysis.cis_exports`,
:mod:`~transition.analysis.trade`, :mod:`~transition.analysis.processing`), combined as the notebooks
combine them, and the verdicts from the ledger's rules (:mod:`transition.claims.rules`). The spaces of
choices are in :mod:`transition.claims.spaces`.

The bilateral tables do not depend on the panel: they are computed once per process and as-of year
(:func:`_once`); the panel's tables once per panel and cut (``evaluate._memo``). A specification then costs
a few rule calls and, for a new choice of the tables, a few milliseconds more.
"""
from __future__ import annotations

import math

import pandas as pd

from transition.analysis import cis_exports, groups, partners, processing, trade
from transition.claims import rules, spaces
from transition.claims.space import Spec
from transition.data import countries, dots, trade_dyads
from transition.data import panel as panel_module
from transition.data.vocabulary import CIS12, ESSAY_SHARES, ESSAY_YEAR, FORMER_USSR, group_of_iso3

#: Notebook 08's parameters (a test reads them from its parameters cell): reporters, years, break years kept.
PARTNER_COUNTRIES, FIRST_YEAR, LAST_YEAR = list(FORMER_USSR), 1992, 2020
#: Notebook 06's parameters: groups, vintage splice, fewest countries per group-year, early year, CIS members,
#: export-share periods.
TRADE_GROUPS, SPLICE_PREFER, MIN_COUNTRIES, EARLY_YEAR = ["CIS", "CEE & Baltics", "SEE"], "newer", 3, 2000
CIS_MEMBERS, PERIODS = list(CIS12), ["2000-2002", "2008-2011", "2016-2019"]
#: C5's wider raw series (spaces.C5_RAW_SERIES): fuel + ores & metals + agricultural raw materials.
RAW_WITH_AGRICULTURE = {"exports_fuel_ores_agri": ("exports_fuel", "exports_ores_metals", "exports_agri_raw")}
#: The composition series C5 reads.
C5_SERIES = ("exports_manufactures", *spaces.C5_RAW_SERIES.values(), *spaces.C5_IMPORT_SERIES.values())
#: The number of last years of C7's windows.
C7_LAST_YEARS = {"last_10": 10, "last_5": 5}

#: Tables that depend on the as-of year but not on the panel (bilateral flows): key → value, per process.
_TRADE: dict = {}


def _once(key: tuple, compute):
    """``compute()`` once per ``key`` in this process (the bilateral tables: a handful per as-of year)."""
    if key not in _TRADE:
        _TRADE[key] = compute()
    return _TRADE[key]


def _year(spec: Spec) -> int | None:
    """The as-of year that cuts the inputs (None: the latest data)."""
    when = spec.get("as_of")
    return None if when == panel_module.LATEST else int(when)


def _essay(spec: Spec) -> bool:
    return spec.get("as_of") == ESSAY_YEAR


def _median_interval(values) -> tuple[float, float, float]:
    values = pd.Series(values, dtype=float).dropna()
    return (float(values.median()) if len(values) else math.nan, *groups.median_interval(values))


# ---- C4 and C7: notebook 08's partner tables ------------------------------------------------------------
def partner_records(year: int | None) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """Notebook 08's ``load_trade``: the DOTS records in its window as observed up to ``year``, the partner
    table on the reporters' record and the reporter-year flags."""
    last = LAST_YEAR if year is None else min(LAST_YEAR, year)
    return _once(("08-records", year), lambda: partners.window_tables(
        dots.trade_records(PARTNER_COUNTRIES, year), FIRST_YEAR, last))


def c4_shares(year: int | None, record: str) -> pd.DataFrame:
    """Each reporter's shares of trade by partner group (``partners.bloc_shares``) on ``record``'s flows."""
    def compute():
        from transition.claims.evaluate_integration import _bloc_table

        window, table, flags = partner_records(year)
        if record == "mirror":
            table, flags = partners.mirror_share_tables(window)
        eu = partners.eu_membership(_bloc_table("latest" if year is None else year), range(FIRST_YEAR, LAST_YEAR + 1))
        return partners.bloc_shares(table, flags, eu, PARTNER_COUNTRIES)
    return _once(("c4-shares", year, record), compute)


def numbers_c4(spec: Spec) -> dict:
    """The CIS medians C4's rule reads: the fall of the share of trade with the other former republics from the
    base year (to 2002 as of the essay, to each country's last year with the latest data) and the share in
    2002 or the latest year, with their bootstrap intervals (``partners.median_share_and_fall``)."""
    year, base, record = _year(spec), spec.get("fall_base"), spec.get("flows_record")

    def compute():
        shares = c4_shares(year, record)
        start = shares if base == "first_complete" else shares[shares["year"] >= base]
        fall = partners.fsu_fall(start, ESSAY_YEAR, LAST_YEAR)
        group = group_of_iso3()
        cis = [code for code in fall["iso3"] if group.get(code) == "CIS"]
        at = ESSAY_YEAR if _essay(spec) else int(shares["year"].max())
        column = "fall_to_essay_pp" if _essay(spec) else "fall_to_end_pp"
        return {**partners.median_share_and_fall(shares, fall, cis, at, column), "n": len(cis), "year": at}
    return _once(("c4-numbers", year, base, record), compute)


def evaluate_c4(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict (:func:`transition.claims.rules.c4_verdict`); estimate = the CIS median fall (points)."""
    n = numbers_c4(spec)
    verdict = rules.c4_verdict(n["fall_pp"], n["share_pct"], n["fall_low"], n["fall_high"], n["share_low"],
                               n["share_high"], fall_min_pp=spec.get("fall_min_pp"),
                               major_share_pct=spec.get("major_share_pct"))
    return {"verdict": verdict, "estimate": n["fall_pp"], **{k: n[k] for k in ("fall_low", "fall_high", "share_pct",
                                                                               "share_low", "share_high", "n")}}


def c7_rankings(year: int | None) -> dict[str, pd.DataFrame]:
    """Kazakhstan's partners ranked on each record (notebook 08's rankings), as observed up to ``year``."""
    def compute():
        window, table, flags = partner_records(year)
        return partners.kazakhstan_rankings(partners.record_tables(window, table), flags)
    return _once(("c7-rankings", year), compute)


def c7_window(spec: Spec, rankings: dict[str, pd.DataFrame]) -> tuple[int | None, int]:
    """(first, last) year of C7's window: the column's series (to 2002, or after it to the last year of the
    partner data), or its last ten or five years."""
    first, last = partners.WINDOWS["to_2002" if _essay(spec) else "after_2002"]
    end = int(min(ranking["year"].max() for ranking in rankings.values()))
    last = min(end, last or spec.get("partner_last_year"), spec.get("partner_last_year"))
    if spec.get("window") in C7_LAST_YEARS:
        first = max(first or FIRST_YEAR, last - C7_LAST_YEARS[spec.get("window")] + 1)
    return first, last


def numbers_c7(spec: Spec) -> dict:
    """The years judged and, on each record that must agree (both, or one alone), how many Russia leads by more
    than the tie band, is tied within it or trails by more than it (``partners.lead_counts``)."""
    year, record, band = _year(spec), spec.get("records"), spec.get("tie_pp")
    rankings = c7_rankings(year)
    first, last = c7_window(spec, rankings)

    def compute():
        names = ("reporter", "mirror") if record == "both" else (record,)
        years = partners.judged_in_both({name: rankings[name] for name in names}, first, last)
        return {"years": len(years), "first_year_judged": min(years, default=math.nan),
                "last_year_judged": max(years, default=math.nan),
                "counts": {name: partners.lead_counts(rankings[name], years, band) for name in names}}
    return _once(("c7-numbers", year, first, last, record, band), compute)


def evaluate_c7(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict (:func:`transition.claims.rules.c7_verdict`); estimate = the smallest share, over the records
    judged, of the decided years in which Russia leads. One record alone is judged as both records agreeing
    with each other (the rule's counts of the other record are its own)."""
    n = numbers_c7(spec)
    counts = n["counts"]
    own, other = counts.get("reporter", counts.get("mirror")), counts.get("mirror", counts.get("reporter"))
    verdict = rules.c7_verdict(own["first"], own["behind"], other["first"], other["behind"], n["years"])
    shares = [c["first"] / (c["first"] + c["behind"]) if c["first"] + c["behind"] else math.nan for c in counts.values()]
    return {"verdict": verdict, "estimate": min((x for x in shares if x == x), default=math.nan), "years_judged": n["years"],
            "first_year_judged": n["first_year_judged"], "last_year_judged": n["last_year_judged"],
            **{f"{outcome}_{name}": counts[name][outcome] if name in counts else math.nan
               for name in ("reporter", "mirror") for outcome in ("first", "tied", "behind")}}


# ---- C6: notebook 06's shares of CIS exports ------------------------------------------------------------
def c6_bilateral(year: int | None) -> dict[str, pd.DataFrame]:
    """Notebook 06's ``non_cis_tables``: exports outside the CIS and their shares on the DOTS and COW records."""
    def compute():
        records = dots.trade_records(CIS_MEMBERS, year)
        cow = _once(("cow", "CIS"), lambda: trade_dyads.cow_dyads(reporters=CIS_MEMBERS))
        cow = cow if year is None else cow[cow["year"] <= year]
        return cis_exports.outside_tables(records["reporter"], records["totals"], cow, CIS_MEMBERS)
    return _once(("06-outside", year), compute)


def c6_variant(spec: Spec, tidy: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shares, exports): every CIS country's share of the members' exports of goods and services (WDI,
    current US$; ``trade.yearly_export_shares``) year by year, and those exports (column ``value``)."""
    from transition.claims.evaluate import _cut, _memo

    key, cut = _cut(tidy, spec.get("as_of"))

    def compute():
        usd = trade.exports_usd(panel_module.to_wide(cut))
        years = range(int(usd["year"].min()), int(usd["year"].max()) + 1)
        return trade.yearly_export_shares(usd, CIS_MEMBERS, years), usd
    return _memo(("c6-variant", key), compute)


def c6_tables(spec: Spec, tidy: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """(shares, exports, the exports' column) of ``spec``'s concept and source."""
    if spec.get("export_concept") == "all_partners":
        return (*c6_variant(spec, tidy), "value")
    tables = c6_bilateral(_year(spec))
    if spec.get("flows_source") == "cow":
        return tables["cow_shares"], tables["cow_outside"], "outside"
    return tables["shares"], tables["outside"], "outside"


def numbers_c6(spec: Spec, tidy: pd.DataFrame) -> dict:
    """C6's numbers, notebook 06's way: the year of the essay's figures, the named shares and the others in the
    essay's range in that year (as of the essay) or in the latest complete year, and whose exports grew from
    the year before the figures' year (``cis_exports``)."""
    from transition.claims.evaluate import _cut, _memo

    def compute():
        shares, exports, column = c6_tables(spec, tidy)
        chosen = spec.get("figures_year")
        year = cis_exports.essay_figures_year(shares, ESSAY_YEAR) if chosen == "best" else chosen
        at = year if _essay(spec) else cis_exports.latest_complete_year(shares)
        named = {code.lower(): shares.loc[(shares["iso3"] == code) & (shares["year"] == at), "share_pct"]
                 for code in ESSAY_SHARES}
        named = {code: float(match.iloc[0]) if len(match) else math.nan for code, match in named.items()}
        in_range, others, _largest, _share = cis_exports.others_in_range(shares, at)
        growth = (cis_exports.growth_summary(cis_exports.yearly_growth(exports, CIS_MEMBERS, year, column))
                  if year is not None else {"known": math.nan, "grew": math.nan, "exceptions_not_grown": math.nan})
        return {"essay_figures_year": math.nan if year is None else year, "shares_year": math.nan if at is None else at,
                **named, "others_in_range": in_range, "others": others, "grew": growth["grew"],
                "known": growth["known"], "exceptions_not_grown": growth["exceptions_not_grown"]}
    key = (_cut(tidy, spec.get("as_of"))[0], spec.get("export_concept"), spec.get("figures_year"), spec.get("flows_source"))
    return _memo(("c6-numbers", *key), compute)


def evaluate_c6(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict (:func:`transition.claims.rules.c6_verdict`); estimate = the sum of the named shares' gaps to the
    essay's figures (points)."""
    n = numbers_c6(spec, tidy)
    verdict = rules.c6_verdict(n["rus"], n["ukr"], n["kaz"], n["others_in_range"], n["others"], n["grew"], n["known"],
                               n["exceptions_not_grown"], tolerance_pp=spec.get("tolerance_pp"))
    gap = sum(abs(n[code] - share) for code, share in rules.C6_ESSAY_SHARES.items())
    return {"verdict": verdict, "estimate": gap, **n}


# ---- C5: notebook 06's composition of trade ---------------------------------------------------------------
def c5_tables(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Notebook 06's composition table (with the wider raw series), the snapshot of C5's series (early year,
    latest common year) and the processed-import period means, for ``spec``'s cut of the panel."""
    from transition.claims.evaluate import _cut, _memo

    key, cut = _cut(tidy, spec.get("as_of"))

    def compute():
        combined = {**trade.COMBINED, **RAW_WITH_AGRICULTURE}
        comp = trade.composition(cut, SPLICE_PREFER, combined)
        structure = trade.trade_structure(cut, TRADE_GROUPS, SPLICE_PREFER, MIN_COUNTRIES, combined, C5_SERIES)
        snap = trade.snapshot(structure, list(C5_SERIES), TRADE_GROUPS, EARLY_YEAR).set_index(["series", "when", "group"])
        processed = processing.first_period(trade.import_processing(comp, CIS_MEMBERS, PERIODS), PERIODS)
        return {"comp": comp, "snap": snap, "processed": processed,
                "group_of": countries.group_of().map(countries.BROAD_GROUP)}
    return _memo(("c5-tables", key), compute)


def _c5_group_median(tables: dict, series: str, when: str, group: str = "CIS") -> tuple[float, float, float]:
    """(snapshot median, its bootstrap interval) of ``series`` for ``group``, as notebook 06's headlines give them."""
    row = tables["snap"].loc[(series, when, group)]
    if pd.isna(row["year"]):
        return math.nan, math.nan, math.nan
    values = processing.group_values(tables["comp"], series, row["year"], group, tables["group_of"])
    return (float(row["median"]), *groups.median_interval(values))


def numbers_c5(spec: Spec, tidy: pd.DataFrame) -> dict:
    """C5's numbers: the CIS median manufactures share of exports (with its interval) and the CIS and Central
    European raw shares, in the early year (as of the essay) or the latest; the import part's count (as of
    the essay) or median with its interval (latest)."""
    from transition.claims.evaluate import _cut, _memo

    tables, when = c5_tables(spec, tidy), "early" if _essay(spec) else "latest"
    raw, measure = spaces.C5_RAW_SERIES[spec.get("raw")], spaces.C5_IMPORT_SERIES[spec.get("imports_measure")]
    against = spec.get("imports_comparison") == "exports"
    key = (_cut(tidy, spec.get("as_of"))[0], when, raw, measure, against, spec.get("processed_above"))

    def compute():
        manufactures = _c5_group_median(tables, "exports_manufactures", when)
        numbers = {"manufactures": manufactures[0], "manufactures_low": manufactures[1],
                   "manufactures_high": manufactures[2],
                   "raw_cis": float(tables["snap"].loc[(raw, when, "CIS"), "median"]),
                   "raw_cee": float(tables["snap"].loc[(raw, when, "CEE & Baltics"), "median"])}
        if when == "early":  # a census of the CIS countries with data in the first period
            counted = processing.import_majority(tables["processed"], measure, spec.get("processed_above"),
                                                 "exports_manufactures" if against else None)
            return {**numbers, "imports_majority": counted[0], "imports_known": counted[1]}
        if against:
            year = tables["snap"].loc[(measure, when, "CIS"), "year"]
            gap = processing.import_export_gap(tables["comp"], year, "CIS", tables["group_of"])
            return {**numbers, **dict(zip(("imports", "imports_low", "imports_high"), _median_interval(gap)))}
        return {**numbers, **dict(zip(("imports", "imports_low", "imports_high"), _c5_group_median(tables, measure, when)))}
    return _memo(("c5-numbers", *key), compute)


def evaluate_c5(spec: Spec, tidy: pd.DataFrame) -> dict:
    """Verdict (:func:`transition.claims.rules.c5_verdict`); estimate = the CIS median manufactures share of exports."""
    n = numbers_c5(spec, tidy)
    exports_raw = rules.c5_exports_raw(n["manufactures"], n["raw_cis"], n["raw_cee"], n["manufactures_low"],
                                       n["manufactures_high"], below=spec.get("manufactures_below"),
                                       ratio=spec.get("raw_ratio"))
    if "imports_known" in n:
        imports = rules.c5_imports_majority(n["imports_majority"], n["imports_known"], share=spec.get("majority_share"))
    else:
        above = 0.0 if spec.get("imports_comparison") == "exports" else spec.get("processed_above")
        imports = rules.c5_imports_processed(n["imports"], n["imports_low"], n["imports_high"], above=above)
    measured = any(n[k] == n[k] for k in ("manufactures", "raw_cis", "raw_cee"))  # NaN != NaN
    return {"verdict": rules.c5_verdict(exports_raw, imports, measured), "estimate": n["manufactures"], **n}
