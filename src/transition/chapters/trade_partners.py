"""Chapter 08 (trade partners, claims C4 and C7): data assembly, figures, headline rows, findings text.

The computation is in :mod:`transition.analysis.partners` (shares, rankings, the fall of the
intra-FSU share, tariffs) on the IMF DOTS records of :func:`transition.data.dots.trade_records`
(the reporters' own record, holes filled from the partners'; the partners' record; the reporters'
totals); COW's flows (:func:`transition.data.trade_dyads.cow_dyads`) are the cross-check of the join.
This module draws it, names its headline numbers and writes the Findings in English or Russian,
judging with the claims ledger's thresholds (:data:`~transition.claims.ledger.C4_FALL_PP` and the
others) so that the notebook and the ledger never disagree.

**The join of the two sources** (a rule, documented here and in the notebook): DOTS alone, 1992-2020, its
two records kept apart. COW v4.0 is an earlier DOTS vintage (where DOTS has the flow, COW's imports are the
reporter's record to the million in every dyad-year 1992-98, its exports the partner's record), so the sources do join; but splicing
COW to 2014 and DOTS after would put a vintage break inside the series where the vintages disagree most
(2014, revised since: Kazakhstan's imports from Russia 15.5 bn US$ in COW, 13.8 bn in DOTS), and COW's rows
mix the two records that C7 judges separately.
"""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from transition.analysis import groups, partners
from transition.chapters.specs import TRADE_PARTNERS as SPEC  # noqa: F401 (the notebook's spec)
from transition.claims import ledger
from transition.claims.ledger import C4_FALL_PP, C4_MAJOR_SHARE, C7_FIRST_SHARE, C7_TIE_PP
from transition.data import blocs, dots, trade_dyads
from transition.data.sources import load_registry
from transition.data.vocabulary import ESSAY_YEAR, group_of_iso3
from transition.present.outputs import headline_row as _row
from transition.present.labels import translate
from transition.present.outputs import interval_rows
from transition.present.style import GROUP_COLORS
from transition.present.text import format_number

#: Sources of the figures (registry ids; COW's dyadic file by its citation, the source id alone would cite its totals).
#: (DOTS by its citation: the registry's per-file citations name one reporter's workbook each.)
TRADE_SOURCES = ["IMF, Direction of Trade Statistics (annual), downloaded ~Feb 2022"]
COW_SOURCES = [load_registry()["cow_trade_v4/cow_trade_ndy.rda"].citation]
TARIFF_SOURCES = ["wdi_tariffs", *TRADE_SOURCES]
#: The two records of a flow: key stem → words (the reporter's own record; the partners' record of it).
RECORDS = partners.RECORDS
#: The years C7 judges: as of the essay (to 2002) and the whole series after it.
WINDOWS = partners.WINDOWS
#: Kazakhstan's partner groups in the figure: column of the shares table → label and colour.
KAZ_SERIES = {"share_russia": ("Russia", "#c0392b"), "share_other_fsu": ("other former republics", "#e59866"),
              "share_eu": ("EU (members of each year)", "#1f618d"), "share_china": ("China", "#b7950b"),
              "share_rest": ("rest of the world", "#7f8c8d")}
TARIFF_LABELS = {"wdi_tariff_applied_wm": ("applied", "#1f618d", "-"), "wdi_tariff_mfn_wm": ("most-favoured-nation", "#c0392b", "--")}


def load_trade(countries, first_year: int, last_year: int, drop_break_years: bool, as_of: int | None = None):
    """The DOTS records of ``countries`` in the window (observed up to ``as_of``): the records, the partner
    table on the reporters' record (shares of their own totals) and the reporter-year flags
    (:func:`~transition.analysis.partners.window_tables`)."""
    last = last_year if as_of is None else min(last_year, as_of)
    return partners.window_tables(dots.trade_records(countries, as_of), first_year, last, drop_break_years)


def cow_join(countries, first_year: int, last_year: int, records: dict, as_of: int | None = None) -> pd.DataFrame:
    """COW's flows beside DOTS's two records (:func:`transition.data.dots.compare_with_cow`), COW's years."""
    cow = trade_dyads.cow_dyads(reporters=countries)
    cow = cow[cow["year"].between(first_year, min(last_year, as_of or last_year))]
    return dots.compare_with_cow(cow, records["reporter"], records["mirror"])


def join_summary(joined: pd.DataFrame, min_flow: float = 1.0) -> pd.DataFrame:
    """By year, over COW's dyad-years with a flow of at least ``min_flow`` million: the share DOTS's reporter record
    lacks (COW filled it from elsewhere), and where both have it the share whose COW imports are DOTS's reporter
    record to COW's rounding (and their share of the value); the share whose COW exports are the partner's record
    (where the partner reports) or the reporter's."""
    rows = joined[joined["cow_imports"] >= min_flow]
    both = rows.dropna(subset=["dots_imports"])
    mirrored = joined[(joined["cow_exports"] >= min_flow) & joined["dots_exports_mirror"].notna()]
    return pd.DataFrame({
        "dyads": rows.groupby("year").size(),
        "dots_lacks_pct": 100 * rows.groupby("year")["dots_imports"].apply(lambda v: v.isna().mean()),
        "imports_as_reporter_pct": 100 * both.groupby("year")["imports_agree"].mean(),
        "import_value_as_reporter_pct": 100 * both.groupby("year").apply(
            lambda g: g.loc[g["imports_agree"], "cow_imports"].sum() / g["cow_imports"].sum(), include_groups=False),
        "exports_as_partner_pct": 100 * mirrored.groupby("year")["exports_agree_mirror"].mean(),
        "exports_as_reporter_pct": 100 * mirrored.groupby("year")["exports_agree_reporter"].mean(),
    }).rename_axis("year").reset_index()


def sanity_figures(records: dict, table: pd.DataFrame) -> pd.DataFrame:
    """The mirror README's checks: Kazakhstan's total trade and Russia's and China's shares of it, 2014 and 2020."""
    totals = records["totals"].set_index(["iso3", "year"])["total"]
    own = table[table["iso3"] == partners.KAZAKHSTAN].set_index(["year", "partner"])["share"]
    rows = []
    for year in (2014, 2020):
        rows.append({"year": year, "total_bn_usd": totals.get((partners.KAZAKHSTAN, year), math.nan) / 1000,
                     "russia_share_pct": 100 * own.get((year, partners.RUSSIA), math.nan),
                     "china_share_pct": 100 * own.get((year, partners.CHINA), math.nan)})
    return pd.DataFrame(rows)


def eu_members(first_year: int, last_year: int, as_of: int | None = None) -> pd.DataFrame:
    """EU members by year from ``data/blocs.csv`` (via :mod:`transition.data.blocs`, as known at the end of
    ``as_of``) and the older members."""
    return partners.eu_membership(blocs.as_of(blocs.load_blocs(), as_of), range(first_year, last_year + 1))


def _pct(value) -> float:
    return float("nan") if value is None or pd.isna(value) else 100 * float(value)


def share_headlines(shares: pd.DataFrame, fall: pd.DataFrame, last_year: int) -> list[dict]:
    """C4 headline rows: CIS and Baltic medians of the shares and of the fall (percent, percentage points)."""
    group = group_of_iso3()
    latest = int(shares["year"].max()) if len(shares) else last_year
    rows = [_row("shares_latest_year", latest, "year", "latest year of the partner shares")]
    for name, slug in (("CIS", "cis"), ("Baltic", "baltic")):
        members = [c for c in fall["iso3"] if group.get(c) == name]
        own = shares[shares["iso3"].isin(members)]
        for when, year in (("2002", ESSAY_YEAR), ("latest", latest)):
            at = own[own["year"] == year]
            for column in ("share_fsu", "share_russia", "share_eu", "share_china"):
                rows.append(_row(f"{slug}_median_{column}_{when}_pct", _pct(at[column].median()), "% of total trade",
                                 f"{name} median {column.replace('share_', 'share with ')} in {year}"))
        sub = fall[fall["iso3"].isin(members)]
        rows += [_row(f"{slug}_count", len(sub), "countries", f"{name} countries with partner shares"),
                 _row(f"{slug}_median_share_fsu_start_pct", sub["start_pct"].median(), "% of total trade",
                      f"{name} median share with the other former republics in each country's first complete year"),
                 _row(f"{slug}_first_complete_year_min", sub["start_year"].min(), "year", f"earliest first complete year, {name}"),
                 _row(f"{slug}_first_complete_year_max", sub["start_year"].max(), "year", f"latest first complete year, {name}"),
                 _row(f"{slug}_median_fall_to_2002_pp", sub["fall_to_essay_pp"].median(), "percentage points",
                      f"{name} median fall of the intra-FSU share from the first complete year to {ESSAY_YEAR}"),
                 _row(f"{slug}_median_fall_to_latest_pp", sub["fall_to_end_pp"].median(), "percentage points",
                      f"{name} median fall of the intra-FSU share from the first complete year to the latest"),
                 _row(f"{slug}_count_fell_to_2002", int((sub["fall_to_essay_pp"] > 0).sum()), "countries",
                      f"{name} countries whose intra-FSU share was lower in {ESSAY_YEAR} than in their first complete year"),
                 _row(f"{slug}_count_fell_to_latest", int((sub["fall_to_end_pp"] > 0).sum()), "countries",
                      f"{name} countries whose intra-FSU share was lower in the latest year than in their first complete year"),
                 _row(f"{slug}_median_pp_per_year_to_2002", sub["pp_per_year_to_essay"].median(), "percentage points a year",
                      f"{name} median speed of the fall to {ESSAY_YEAR}"),
                 _row(f"{slug}_median_half_fall_year", sub["half_fall_year"].median(), "year",
                      f"{name} median year by which half of the fall to the latest year had happened")]
    return rows + share_interval_headlines(shares, fall, latest)


def share_interval_headlines(shares: pd.DataFrame, fall: pd.DataFrame, latest: int) -> list[dict]:
    """Bootstrap intervals (countries resampled) of the CIS medians C4's rule reads: the share of trade with
    the other former republics in 2002 and in the latest year, and its fall from the first complete year
    (:func:`~transition.analysis.partners.median_share_and_fall`)."""
    group = group_of_iso3()
    cis = [c for c in fall["iso3"] if group.get(c) == "CIS"]
    what = f"{groups.INTERVAL_LEVEL:.0%} bootstrap interval ({groups.BOOTSTRAP_DRAWS} resamples of countries)"
    rows = []
    for when, year in (("2002", ESSAY_YEAR), ("latest", latest)):
        medians = partners.median_share_and_fall(shares, fall, cis, year,
                                                 "fall_to_essay_pp" if when == "2002" else "fall_to_end_pp")
        rows += interval_rows(f"cis_median_share_fsu_{when}_pct", (medians["share_low"], medians["share_high"]),
                              "% of total trade", f"{what}, CIS median share with the other former republics in {year}")
        rows += interval_rows(f"cis_median_fall_to_{when}_pp", (medians["fall_low"], medians["fall_high"]),
                              "percentage points", f"{what}, CIS median fall from the first complete year to {year}")
    return rows


#: The partner table on each record, and Kazakhstan's partners ranked on each (computed in analysis.partners).
record_tables, kazakhstan_rankings = partners.record_tables, partners.kazakhstan_rankings


def _window_years(ranking: pd.DataFrame, window: str) -> list[int]:
    first, last = WINDOWS[window]
    return partners.judged_years(ranking, first, last)


def _judged_in_both(rankings: dict[str, pd.DataFrame], window: str) -> list[int]:
    return partners.judged_in_both({record: rankings[record] for record in RECORDS}, *WINDOWS[window])


def ranking_rows(rankings: dict[str, pd.DataFrame], tie_pp: float = C7_TIE_PP) -> list[dict]:
    """C7 headline rows: in each window, the years judged and, on each record, how many Russia leads by more
    than the tie band, is tied within it, or trails (the ledger's rule reads these counts)."""
    rows = []
    for window in WINDOWS:
        years = _judged_in_both(rankings, window)
        rows += [_row(f"kaz_first_year_judged_{window}", min(years) if years else None, "year", f"first year judged ({window})"),
                 _row(f"kaz_last_year_judged_{window}", max(years) if years else None, "year", f"last year judged ({window})")]
        for record, words in RECORDS.items():
            counts = partners.lead_counts(rankings[record], years, tie_pp)
            for outcome, what in (("first", f"Russia leads by more than {tie_pp:g} points"),
                                  ("tied", f"Russia within {tie_pp:g} points of the largest other partner"),
                                  ("behind", f"another partner leads Russia by more than {tie_pp:g} points"),
                                  ("judged", "years judged (neither incomplete nor a customs-union break)")):
                rows.append(_row(f"kaz_years_{outcome}_{record}_{window}", counts[outcome], "years",
                                 f"{what}, Kazakhstan's trade on the {words} ({window})"))
    return rows


#: Tie bands (percentage points) of the sensitivity table beside the ledger's :data:`C7_TIE_PP`.
TIE_BANDS = partners.TIE_BANDS


#: How the partner part reads (True, False, None: :func:`~transition.claims.ledger.c7_partner_part`).
PART_WORDS = {True: "holds", False: "fails", None: "cannot be told"}


def tie_band_sensitivity(rankings: dict[str, pd.DataFrame], bands=TIE_BANDS) -> pd.DataFrame:
    """C7's partner part under other tie bands: for each window and band, the years Russia is first / tied /
    behind on each record, the partner part (:func:`~transition.claims.ledger.c7_partner_part`) and the claim's
    verdict (:func:`~transition.claims.ledger.c7_verdict`, the tariff part not testable) on those counts."""
    rows = []
    for window in WINDOWS:
        years = _judged_in_both(rankings, window)
        for band in bands:
            counts = {record: partners.lead_counts(rankings[record], years, band) for record in RECORDS}
            numbers = (counts["reporter"]["first"], counts["reporter"]["behind"], counts["mirror"]["first"],
                       counts["mirror"]["behind"])
            rows.append({"window": window, "tie_pp": band, "years": len(years),
                         **{f"{outcome}_{record}": counts[record][outcome] for record in RECORDS
                            for outcome in ("first", "tied", "behind")},
                         "partner_part": PART_WORDS[ledger.c7_partner_part(*numbers)],
                         "verdict": ledger.c7_verdict(*numbers, len(years)), "ledger_band": band == C7_TIE_PP})
    return pd.DataFrame(rows)


def _record_rows(rankings: dict[str, pd.DataFrame], shares: pd.DataFrame, latest: int) -> list[dict]:
    rows = []
    for record, words in RECORDS.items():
        by_year = rankings[record].set_index("year")
        for when, year in (("2002", ESSAY_YEAR), ("latest", latest)):
            at = by_year.loc[year] if year in by_year.index else pd.Series(dtype=object)
            rows += [_row(f"kaz_russia_share_{record}_{when}_pct", _pct(at.get("main_share")), "% of total trade",
                          f"Russia's share of Kazakhstan's trade, {words}, {year}"),
                     _row(f"kaz_russia_lead_{record}_{when}_pp", at.get("lead_pp", math.nan), "percentage points",
                          f"Russia's share minus the largest other partner's, {words}, {year}"),
                     _row(f"kaz_other_partner_{record}_{when}", at.get("other_partner"), "ISO3",
                          f"Kazakhstan's largest partner other than Russia, {words}, {year}")]
    kaz = shares[shares["iso3"] == partners.KAZAKHSTAN].set_index("year")
    reporter = rankings["reporter"].set_index("year")
    for when, year in (("2002", ESSAY_YEAR), ("latest", latest)):
        rows += [_row(f"kaz_russia_rank_{when}", reporter["main_rank"].get(year, math.nan), "rank",
                      f"Russia's rank among Kazakhstan's partners, {year} (Kazakhstan's record)"),
                 _row(f"kaz_china_share_{when}_pct", _pct(kaz["share_china"].get(year)), "% of total trade",
                      f"China's share of Kazakhstan's trade, {year} (Kazakhstan's record)"),
                 _row(f"kaz_eu_share_{when}_pct", _pct(kaz["share_eu"].get(year)), "% of total trade",
                      f"the EU's share of Kazakhstan's trade, {year} (Kazakhstan's record)")]
    return rows


def record_gap_rows(tables: dict[str, pd.DataFrame], years) -> list[dict]:
    """The median gap between the two records of Russia's and China's shares of Kazakhstan's trade."""
    own = {record: table[table["iso3"] == partners.KAZAKHSTAN] for record, table in tables.items()}
    gaps = partners.record_gaps(own["reporter"], own["mirror"], (partners.RUSSIA, partners.CHINA), years)
    return [_row("kaz_record_gap_median_pp", gaps["gap_pp"].median() if len(gaps) else math.nan, "percentage points",
                 "median |Kazakhstan's record - partners' record| of Russia's and China's shares, years after 2002 judged"),
            _row("kaz_record_gap_max_pp", gaps["gap_pp"].max() if len(gaps) else math.nan, "percentage points",
                 "largest such gap")]


def tariff_rows(tariffs: pd.DataFrame, records: dict) -> list[dict]:
    """Kazakhstan's tariffs (WDI, from 2004) and the descriptive comparison around the 2010 change: Russia's and
    China's shares of Kazakhstan's imports and the MFN tariff before and after (:data:`partners.TARIFF_BEFORE_YEARS`)."""
    rows = []
    for variable, slug in (("wdi_tariff_applied_wm", "applied"), ("wdi_tariff_mfn_wm", "mfn")):
        for label, year in (("2004", partners.TARIFF_FIRST_YEAR), ("2010", partners.CUSTOMS_UNION_YEAR),
                            ("2015", partners.WTO_ACCESSION_YEAR), ("latest", None)):
            rows.append(_row(f"kaz_tariff_{slug}_{label}", partners.tariff_at(tariffs, variable, year)[1], "%",
                             f"Kazakhstan {slug} weighted-mean tariff, {label}"))
    rows.append(_row("kaz_tariff_latest_year", partners.tariff_at(tariffs, "wdi_tariff_applied_wm")[0], "year",
                     "latest year of Kazakhstan's applied tariff"))
    mfn = tariffs.set_index("year")["wdi_tariff_mfn_wm"]
    for label, years in (("before", partners.TARIFF_BEFORE_YEARS), ("after", partners.TARIFF_AFTER_YEARS)):
        span = f"{years[0]}-{years[1]}"
        rows.append(_row(f"kaz_tariff_mfn_{label}", partners.window_mean(mfn, years, every_year=False), "%",
                         f"Kazakhstan's MFN weighted-mean tariff, mean of the years {span} with data"))
        for partner, name in ((partners.RUSSIA, "russia"), (partners.CHINA, "china")):
            share = partners.flow_share(records["reporter"], records["totals"], partners.KAZAKHSTAN, partner)
            rows.append(_row(f"kaz_{name}_import_share_{label}_pct", partners.window_mean(share, years), "% of imports",
                             f"{partner}'s share of Kazakhstan's goods imports (Kazakhstan's record), mean {span}"))
    return rows


def kazakhstan_headlines(rankings: dict[str, pd.DataFrame], tables: dict[str, pd.DataFrame], shares: pd.DataFrame,
                         tariffs: pd.DataFrame, records: dict) -> list[dict]:
    """C7 headline rows: the counts the ledger's rule reads, Russia's and China's shares on both records,
    the gap between the records, tariffs and Russia's share of imports around the 2010 tariff change."""
    latest = int(rankings["reporter"]["year"].max())
    after = _window_years(rankings["reporter"], "after_2002")
    return [_row("kaz_latest_year", latest, "year", "latest year of Kazakhstan's partner ranking"),
            *ranking_rows(rankings), *_record_rows(rankings, shares, latest), *record_gap_rows(tables, after),
            _row("kaz_years_flagged", int((rankings["reporter"]["incomplete"] | rankings["reporter"]["has_break"]).sum()),
                 "years", "years incomplete (1992-94) or in the customs-union break (2010-11)"),
            *tariff_rows(tariffs, records)]


def _shade_breaks(ax, first_year: int, last_year: int) -> None:
    low, high = trade_dyads.CUSTOMS_UNION_BREAK_YEARS
    if first_year <= high and low <= last_year:
        ax.axvspan(low - 0.5, high + 0.5, color="#f3e5c8", zorder=0, label="customs-union break (RUS, BLR, KAZ)")
    ax.axvline(ESSAY_YEAR, color="0.3", linestyle=":", linewidth=1, label=f"essay ({ESSAY_YEAR})")


def plot_intra_fsu(shares: pd.DataFrame, first_year: int, last_year: int):
    """Share of trade with the other former republics by country, CIS and Baltic panels, with medians."""
    group = group_of_iso3()
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.6), sharey=True)
    for ax, name in zip(axes, ("CIS", "Baltic")):
        own = shares[shares["iso3"].map(group) == name]
        for iso3, rows in own.groupby("iso3"):
            ax.plot(rows["year"], 100 * rows["share_fsu"], color=GROUP_COLORS[name], alpha=0.45, linewidth=1)
            ax.annotate(iso3, (rows["year"].iloc[-1], 100 * rows["share_fsu"].iloc[-1]), fontsize=8,
                        color=GROUP_COLORS[name], xytext=(2, 0), textcoords="offset points", va="center")
        median = own.groupby("year")["share_fsu"].median()
        ax.plot(median.index, 100 * median, color="black", linewidth=2.2, label="median")
        _shade_breaks(ax, first_year, last_year)
        ax.set_title(name)
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
        ax.set_xlim(first_year - 0.5, last_year + 1.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=8, loc="upper right", frameon=False)
    axes[0].set_ylabel("share of trade with the other former republics, %")
    fig.suptitle("Trade among the former Soviet republics: each country's share of its total trade")
    fig.tight_layout()
    return fig


def plot_kazakhstan_partners(shares: pd.DataFrame, table: pd.DataFrame, flags: pd.DataFrame, first_year: int,
                             last_year: int, top: int = 6):
    """Kazakhstan: shares by partner group (left) and of its largest single partners (right), on its own record;
    incomplete years (its total lacks Russia) are left out of both panels, as they are of the shares table."""
    kaz = shares[shares["iso3"] == partners.KAZAKHSTAN].assign(
        share_other_fsu=lambda f: f["share_fsu"] - f["share_russia"])
    fig, axes = plt.subplots(1, 2, figsize=(11, 5.4), sharey=True)
    for column, (label, color) in KAZ_SERIES.items():
        axes[0].plot(kaz["year"], 100 * kaz[column], color=color, linewidth=2, label=label)
    incomplete = flags.loc[(flags["iso3"] == partners.KAZAKHSTAN) & flags["incomplete"], "year"]
    own = table[(table["iso3"] == partners.KAZAKHSTAN) & ~table["year"].isin(incomplete)].dropna(subset=["rank"])
    largest = own.groupby("partner")["total"].sum().nlargest(top).index
    for partner in largest:
        rows = own[own["partner"] == partner]
        axes[1].plot(rows["year"], 100 * rows["share"], marker="o", markersize=3, linewidth=1.4, label=partner)
    for ax in axes:
        _shade_breaks(ax, first_year, last_year)
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=8, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3)
    axes[0].set_ylabel("share of Kazakhstan's total trade, %")
    axes[0].set_title("By partner group")
    axes[1].set_title(f"The {top} largest partners (ISO3)")
    fig.suptitle("Kazakhstan's trade partners (exports + imports, Kazakhstan's record)")
    fig.tight_layout()
    return fig


def plot_russia_lead(rankings: dict[str, pd.DataFrame], first_year: int, last_year: int, tie_pp: float = C7_TIE_PP):
    """Russia's lead over Kazakhstan's largest other partner on each record, with the tie band; judged years
    are marked, incomplete and break years are drawn open."""
    fig, ax = plt.subplots(figsize=(9, 4.6))
    styles = {"reporter": ("#c0392b", "o", "Kazakhstan's record"), "mirror": ("#1f618d", "s", "partners' record")}
    for record, (color, marker, label) in styles.items():
        rows = rankings[record].dropna(subset=["lead_pp"])
        judged = ~(rows["incomplete"].astype(bool) | rows["has_break"].astype(bool))
        ax.plot(rows["year"], rows["lead_pp"], color=color, linewidth=1.4, label=label)
        ax.scatter(rows.loc[judged, "year"], rows.loc[judged, "lead_pp"], color=color, marker=marker, s=18, zorder=3)
        ax.scatter(rows.loc[~judged, "year"], rows.loc[~judged, "lead_pp"], facecolors="none", edgecolors=color,
                   marker=marker, s=18, zorder=3)
    ax.axhspan(-tie_pp, tie_pp, color="0.85", zorder=0, label=f"tie band (±{tie_pp:g} points)")
    ax.axhline(0, color="0.3", linewidth=0.8)
    _shade_breaks(ax, first_year, last_year)
    ax.set_xlim(first_year - 0.5, last_year + 0.5)
    ax.set_xlabel("year")
    ax.set_ylabel("Russia's share minus the next partner's, percentage points")
    ax.set_title("Russia's lead over Kazakhstan's next largest partner, on both records of the flows")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, frameon=False, loc="upper right")
    fig.tight_layout()
    return fig


def plot_tariffs(tariffs: pd.DataFrame, import_share: pd.Series | None = None):
    """Kazakhstan's weighted-mean tariffs from 2004, with the customs union and WTO accession; on a second axis
    Russia's share of Kazakhstan's imports (its record), the descriptive comparison of the 2010 change."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    for variable, (label, color, style) in TARIFF_LABELS.items():
        known = tariffs.dropna(subset=[variable])
        ax.plot(known["year"], known[variable], color=color, linestyle=style, marker="o", markersize=3, label=label)
    ax.axvline(partners.CUSTOMS_UNION_YEAR, color="0.3", linestyle=":", linewidth=1)
    ax.axvline(partners.WTO_ACCESSION_YEAR, color="0.3", linestyle="-.", linewidth=1)
    top = ax.get_ylim()[1]
    ax.annotate("customs union", (partners.CUSTOMS_UNION_YEAR, top), fontsize=8, ha="right", va="top", xytext=(-3, -3), textcoords="offset points")
    ax.annotate("WTO", (partners.WTO_ACCESSION_YEAR, top), fontsize=8, ha="left", va="top", xytext=(3, -3), textcoords="offset points")
    ax.set_ylabel("weighted-mean tariff, all products, %")
    ax.set_xlabel("year")
    ax.set_title("Kazakhstan's import tariffs (no data before 2004)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    shown = pd.Series(dtype=float) if import_share is None else import_share[import_share.index >= partners.TARIFF_FIRST_YEAR]
    if len(shown):  # none as of the essay: the tariffs start in 2004
        shown = shown.reindex(range(int(shown.index.min()), int(shown.index.max()) + 1))
        shown[shown.index.isin(range(trade_dyads.CUSTOMS_UNION_BREAK_YEARS[0], trade_dyads.CUSTOMS_UNION_BREAK_YEARS[1] + 1))] = float("nan")
        right = ax.twinx()
        line, = right.plot(shown.index, shown.to_numpy(), color="0.35", linewidth=1.2, marker=".", label="Russia's share of imports")
        right.set_ylabel("Russia's share of Kazakhstan's imports, % (not in the 2010-11 break)")
        handles, labels = handles + [line], labels + [line.get_label()]
    ax.legend(handles, labels, fontsize=8, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3)
    fig.tight_layout()
    return fig


def _value(headlines: dict, key: str) -> float:
    entry = headlines.get(key)
    value = entry.get("value") if isinstance(entry, dict) else entry
    if isinstance(value, str):
        return float("nan")
    return float("nan") if value is None else float(value)


_FINDINGS = {
    "en": """
**C4 — the old ties broke; trade among the republics continued as trade between states.** In each country's first
complete year of data ({start_min}–{start_max}) the median CIS country did {cis_start}% of its trade with the other
former republics; {cis_2002}% in {essay} and {cis_latest}% in {latest}. The median fall was {fall_2002} percentage
points by {essay} ({speed} points a year) and {fall_latest} by {latest}; the share was lower in {fell_2002} of {n_cis}
CIS countries in {essay} and in {fell_latest} in {latest}. {c4_judgement} Russia's median share of a CIS country's
trade was {rus_2002}% in {essay} and {rus_latest}% in {latest}; the EU's {eu_2002}% and {eu_latest}%; China's
{chn_2002}% and {chn_latest}%. The Baltic states, with {baltic_start}% at the start, {baltic_2002}% in {essay} and
{baltic_latest}% in {latest}, traded {baltic_eu_latest}% with the EU in {latest}. The first complete years come after
the union's own ties had loosened (trade among the republics before 1992 is not in these data): the fall is a lower bound.

**C7 — Russia and Kazakhstan.** Through {essay} ({first_2002}–{last_2002}, {judged_2002} years judged) Russia led
Kazakhstan's next largest partner by more than {band} points in {rf_2002} years on Kazakhstan's record and in
{mf_2002} on its partners' record ({kaz_share_2002}% of Kazakhstan's trade in {essay}). After {essay}
({first_after}–{last_after}, {judged_after} years judged) Russia led in {rf_after}, was tied in {rt_after} and trailed
in {rb_after} years on Kazakhstan's record; on its partners' record {mf_after}, {mt_after} and {mb_after}. In {latest}
Russia had {rs_latest}% of Kazakhstan's trade on Kazakhstan's record and {ms_latest}% on its partners', China
{chn_share_latest}%; the two records of Russia's and China's shares differ by a median {gap} points. {c7_judgement}

Kazakhstan's applied weighted-mean tariff was {t2004}% in 2004, {t2010}% in 2010 (customs union), {t2015}% in 2015
(WTO) and {tlatest}% in {tyear}; the MFN rate {m2004}%, {m2010}%, {m2015}% and {mlatest}%. The tariff part of C7 is
not testable as specified: the cuts the essay describes come before the data, and an all-partner tariff does not
measure the tariff on Russian goods, duty-free under the CIS free-trade agreements. The one tariff change aimed at
trade with Russia that the data show went the other way: the customs union raised the MFN tariff (a mean of {mfn_before}%
in the years {b0}–{b1} with data, {mfn_after}% in {a0}–{a1}); Russia's share of Kazakhstan's imports was {ru_before}% before and {ru_after}%
after, China's {cn_before}% and {cn_after}% — a description of one event, not a test.

*Limits:* DOTS flows are in current US dollars, so energy prices move the shares; a reporter-year in which a flow
between two former republics that mattered is missing on both records (1992–94) is incomplete and left out; the
customs-union years 2010–11 are a break in the flows among Russia, Belarus and Kazakhstan; the partners' record
exists only for partners that report in the mirror (the 29 economies, China and the EU), so it ranks Russia against
China and the former republics, not against Italy or Switzerland.
""",
    "ru": """
**C4 — старые связи разорваны; торговля между республиками продолжилась как торговля между государствами.** В первый
полный год данных каждой страны ({start_min}–{start_max}) медианная страна СНГ вела {cis_start}% своей торговли с
другими бывшими республиками; {cis_2002}% в {essay} г. и {cis_latest}% в {latest} г. Медианное падение составило
{fall_2002} п.п. к {essay} г. ({speed} п.п. в год) и {fall_latest} п.п. к {latest} г.; доля снизилась у {fell_2002} из
{n_cis} стран СНГ к {essay} г. и у {fell_latest} к {latest} г. {c4_judgement} Медианная доля России в торговле страны
СНГ — {rus_2002}% в {essay} г. и {rus_latest}% в {latest} г.; ЕС — {eu_2002}% и {eu_latest}%; Китая — {chn_2002}% и
{chn_latest}%. Страны Балтии ({baltic_start}% в начале, {baltic_2002}% в {essay} г., {baltic_latest}% в {latest} г.)
вели {baltic_eu_latest}% торговли с ЕС в {latest} г. Первые полные годы наступают уже после ослабления союзных связей
(торговли между республиками до 1992 г. в этих данных нет): падение — оценка снизу.

**C7 — Россия и Казахстан.** По {essay} г. ({first_2002}–{last_2002}, учтено лет: {judged_2002}) Россия опережала
следующего крупнейшего партнёра Казахстана более чем на {band} п.п. в {rf_2002} годах по данным Казахстана и в
{mf_2002} по данным его партнёров ({kaz_share_2002}% торговли Казахстана в {essay} г.). После {essay} г.
({first_after}–{last_after}, учтено лет: {judged_after}) Россия опережала в {rf_after}, шла вровень в {rt_after} и
отставала в {rb_after} годах по данным Казахстана; по данным партнёров — {mf_after}, {mt_after} и {mb_after}. В
{latest} г. на Россию приходилось {rs_latest}% торговли Казахстана по его данным и {ms_latest}% по данным партнёров,
на Китай — {chn_share_latest}%; две записи долей России и Китая расходятся в среднем (медиана) на {gap} п.п. {c7_judgement}

Применяемый средневзвешенный тариф Казахстана: {t2004}% в 2004 г., {t2010}% в 2010 г. (таможенный союз), {t2015}% в
2015 г. (ВТО) и {tlatest}% в {tyear} г.; тариф РНБ — {m2004}%, {m2010}%, {m2015}% и {mlatest}%. Часть C7 о тарифах в
данной формулировке не проверяется: снижение, о котором пишет эссе, предшествует данным, а тариф по всем партнёрам не
измеряет пошлин на российские товары, беспошлинные по соглашениям СНГ о свободной торговле. Единственное видимое в
данных изменение тарифов ради торговли с Россией шло в обратную сторону: таможенный союз повысил тариф РНБ (в среднем
{mfn_before}% за годы {b0}–{b1} с данными, {mfn_after}% в {a0}–{a1} гг.); доля России в импорте Казахстана — {ru_before}% до и
{ru_after}% после, Китая — {cn_before}% и {cn_after}%: описание одного события, а не проверка.

*Ограничения:* потоки DOTS в текущих долларах США, поэтому доли зависят от цен на энергоносители; год страны, в
котором поток между двумя бывшими республиками, имевший значение, отсутствует в обеих записях (1992–1994), неполон и
исключён; 2010–2011 гг. — разрыв в потоках между Россией, Беларусью и Казахстаном из-за таможенного союза; запись
партнёров есть только для стран, отчитывающихся в зеркале (29 экономик, Китай и ЕС), поэтому она сравнивает Россию
с Китаем и бывшими республиками, но не с Италией или Швейцарией.
""",
}
_JUDGEMENTS = {
    "en": {"c4": ("By the ledger's rule (a fall of at least {fall:g} points and a remaining share of at least {share:g}%) "
                  "the ties broke: {broke}; relations continued at a substantial level: {kept}."),
           "c7": ("By the ledger's rule (Russia ahead by more than {band:g} points in at least {first:.0%} of the decided "
                  "years, on both records) the partner part, through {essay}: {then}; after {essay}: {now}. With the "
                  "tariff part not testable, the ledger's verdict on C7 is {v_then} as of the essay and {v_now} with "
                  "the latest data.")},
    "ru": {"c4": ("По правилу реестра (падение не менее {fall:g} п.п. и оставшаяся доля не менее {share:g}%) связи "
                  "разорваны: {broke}; отношения сохранились на значимом уровне: {kept}."),
           "c7": ("По правилу реестра (Россия впереди более чем на {band:g} п.п. не менее чем в {first:.0%} решённых лет, "
                  "по обеим записям) часть о партнёрах по {essay} г.: {then}; после {essay} г.: {now}. Поскольку часть о "
                  "тарифах не проверяется, оценка C7 в реестре — «{v_then}» на время эссе и «{v_now}» по последним "
                  "данным.")},
}
_YES_NO = {"en": ("yes", "no"), "ru": ("да", "нет")}
_PART_WORDS = {"en": PART_WORDS, "ru": {True: "выполняется", False: "не выполняется", None: "не определяется"}}


def _findings_numbers(h: dict) -> dict:
    f = lambda key, digits=1: format_number(_value(h, key), digits)  # noqa: E731
    y = lambda key: "n/a" if math.isnan(_value(h, key)) else str(int(_value(h, key)))  # noqa: E731
    (b0, b1), (a0, a1) = partners.TARIFF_BEFORE_YEARS, partners.TARIFF_AFTER_YEARS
    # rf_2002 = years Russia first on the reporter's record to 2002, mb_after = behind on the mirror after 2002 …
    counts = {f"{r[0]}{o[0]}_{'2002' if w == 'to_2002' else 'after'}": y(f"kaz_years_{o}_{r}_{w}")
              for r in ("reporter", "mirror") for o in ("first", "tied", "behind") for w in ("to_2002", "after_2002")}
    return dict(  # noqa: C408 (keyword form: the names are the template fields)
        start_min=y("cis_first_complete_year_min"), start_max=y("cis_first_complete_year_max"), essay=ESSAY_YEAR,
        latest=y("shares_latest_year"), cis_start=f("cis_median_share_fsu_start_pct"), cis_2002=f("cis_median_share_fsu_2002_pct"),
        cis_latest=f("cis_median_share_fsu_latest_pct"), fall_2002=f("cis_median_fall_to_2002_pp"),
        speed=f("cis_median_pp_per_year_to_2002"), fall_latest=f("cis_median_fall_to_latest_pp"),
        fell_2002=y("cis_count_fell_to_2002"), fell_latest=y("cis_count_fell_to_latest"), n_cis=y("cis_count"),
        rus_2002=f("cis_median_share_russia_2002_pct"), rus_latest=f("cis_median_share_russia_latest_pct"),
        eu_2002=f("cis_median_share_eu_2002_pct"), eu_latest=f("cis_median_share_eu_latest_pct"),
        chn_2002=f("cis_median_share_china_2002_pct"), chn_latest=f("cis_median_share_china_latest_pct"),
        baltic_start=f("baltic_median_share_fsu_start_pct"), baltic_2002=f("baltic_median_share_fsu_2002_pct"),
        baltic_latest=f("baltic_median_share_fsu_latest_pct"), baltic_eu_latest=f("baltic_median_share_eu_latest_pct"),
        band=format_number(C7_TIE_PP, 0), first_2002=y("kaz_first_year_judged_to_2002"), last_2002=y("kaz_last_year_judged_to_2002"),
        judged_2002=y("kaz_years_judged_reporter_to_2002"), first_after=y("kaz_first_year_judged_after_2002"),
        last_after=y("kaz_last_year_judged_after_2002"), judged_after=y("kaz_years_judged_reporter_after_2002"),
        **counts, kaz_share_2002=f("kaz_russia_share_reporter_2002_pct"), rs_latest=f("kaz_russia_share_reporter_latest_pct"),
        ms_latest=f("kaz_russia_share_mirror_latest_pct"), chn_share_latest=f("kaz_china_share_latest_pct"),
        gap=f("kaz_record_gap_median_pp"), t2004=f("kaz_tariff_applied_2004", 2), t2010=f("kaz_tariff_applied_2010", 2),
        t2015=f("kaz_tariff_applied_2015", 2), tlatest=f("kaz_tariff_applied_latest", 2), tyear=y("kaz_tariff_latest_year"),
        m2004=f("kaz_tariff_mfn_2004", 2), m2010=f("kaz_tariff_mfn_2010", 2), m2015=f("kaz_tariff_mfn_2015", 2),
        mlatest=f("kaz_tariff_mfn_latest", 2), mfn_before=f("kaz_tariff_mfn_before", 2), mfn_after=f("kaz_tariff_mfn_after", 2),
        b0=b0, b1=b1, a0=a0, a1=a1, ru_before=f("kaz_russia_import_share_before_pct"), ru_after=f("kaz_russia_import_share_after_pct"),
        cn_before=f("kaz_china_import_share_before_pct"), cn_after=f("kaz_china_import_share_after_pct"))


def _c7_counts(headlines: dict, window: str) -> tuple[float, float, float, float]:
    v = lambda key: _value(headlines, f"kaz_years_{key}_{window}")  # noqa: E731
    return v("first_reporter"), v("behind_reporter"), v("first_mirror"), v("behind_mirror")


def c7_partner_state(headlines: dict, window: str) -> bool | None:
    """The ledger's partner part of C7 from this notebook's headline counts (``window``: to_2002, after_2002)."""
    return ledger.c7_partner_part(*_c7_counts(headlines, window))


def c7_claim_verdict(headlines: dict, window: str) -> str:
    """The ledger's verdict on C7 (the tariff part not testable) from this notebook's headline counts."""
    return ledger.c7_verdict(*_c7_counts(headlines, window), _value(headlines, f"kaz_years_judged_reporter_{window}"))


def findings_text(headlines: dict, lang: str = "en") -> str:
    """The notebook's Findings (C4, C7) as Markdown in ``lang``, from its headline numbers and the ledger's rules."""
    h = headlines
    yes, no = _YES_NO[lang]
    judgement = _JUDGEMENTS[lang]
    part = lambda window: _PART_WORDS[lang][c7_partner_state(h, window)]  # noqa: E731
    verdict = lambda window: translate(c7_claim_verdict(h, window), lang)  # noqa: E731
    words = dict(  # noqa: C408 (keyword form: the names are the template fields)
        c4_judgement=judgement["c4"].format(fall=C4_FALL_PP, share=C4_MAJOR_SHARE,
                                            broke=yes if _value(h, "cis_median_fall_to_latest_pp") >= C4_FALL_PP else no,
                                            kept=yes if _value(h, "cis_median_share_fsu_latest_pct") >= C4_MAJOR_SHARE else no),
        c7_judgement=judgement["c7"].format(band=C7_TIE_PP, first=C7_FIRST_SHARE, essay=ESSAY_YEAR,
                                            then=part("to_2002"), now=part("after_2002"),
                                            v_then=verdict("to_2002"), v_now=verdict("after_2002")))
    return _FINDINGS[lang].format(**_findings_numbers(h), **words)
