"""Chapter 08 (trade partners, claims C4 and C7): data assembly, figures, headline rows, findings text.

The computation is in :mod:`transition.analysis.partners` (shares, rankings, the fall of the
intra-FSU share, tariffs) on the dyads of :func:`transition.data.trade_dyads.cow_dyads`; this module
draws it, names its headline numbers and writes the Findings in English or Russian, judging with
the claims ledger's thresholds (:data:`~transition.claims.ledger.C4_FALL_PP` and the others) so
that the notebook and the ledger never disagree.
"""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from transition.analysis import groups, partners
from transition.chapters.specs import TRADE_PARTNERS as SPEC  # noqa: F401 (the notebook's spec)
from transition.claims.ledger import (
    C4_FALL_PP,
    C4_MAJOR_SHARE,
    C7_FIRST_SHARE,
    C7_RECENT_YEARS,
    C7_TARIFF_CUT_PP,
)
from transition.data import blocs, trade_dyads
from transition.data.sources import load_registry
from transition.data.vocabulary import ESSAY_YEAR, group_of_iso3
from transition.present.outputs import headline_row as _row
from transition.present.outputs import interval_rows
from transition.present.style import GROUP_COLORS
from transition.present.text import format_number

#: Sources of the figures: the dyadic file's citation (the source id alone would cite the state totals) and a registry id.
TRADE_SOURCES = [load_registry()["cow_trade_v4/cow_trade_ndy.rda"].citation]
TARIFF_SOURCES = ["wdi_tariffs"]
#: Kazakhstan's partner groups in the figure: column of the shares table → label and colour.
KAZ_SERIES = {"share_russia": ("Russia", "#c0392b"), "share_other_fsu": ("other former republics", "#e59866"),
              "share_eu": ("EU (members of each year)", "#1f618d"), "share_china": ("China", "#b7950b"),
              "share_rest": ("rest of the world", "#7f8c8d")}
TARIFF_LABELS = {"wdi_tariff_applied_wm": ("applied", "#1f618d", "-"), "wdi_tariff_mfn_wm": ("most-favoured-nation", "#c0392b", "--")}


def load_trade(countries, first_year: int, last_year: int, drop_break_years: bool, as_of: int | None = None):
    """Dyads of ``countries`` in the window (observed up to ``as_of``), their partner table and the reporter-year flags."""
    dyads = trade_dyads.cow_dyads(reporters=countries)
    last = last_year if as_of is None else min(last_year, as_of)
    dyads = dyads[dyads["year"].between(first_year, last)].reset_index(drop=True)
    return dyads, partners.partner_table(dyads, drop_break_years), partners.reporter_year_flags(dyads)


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
    the other former republics in 2002 and in the latest year, and its fall from the first complete year."""
    group = group_of_iso3()
    cis = [c for c in fall["iso3"] if group.get(c) == "CIS"]
    what = f"{groups.INTERVAL_LEVEL:.0%} bootstrap interval ({groups.BOOTSTRAP_DRAWS} resamples of countries)"
    rows = []
    for when, year in (("2002", ESSAY_YEAR), ("latest", latest)):
        at = shares[shares["iso3"].isin(cis) & (shares["year"] == year)]["share_fsu"] * 100
        rows += interval_rows(f"cis_median_share_fsu_{when}_pct", groups.median_interval(at), "% of total trade",
                              f"{what}, CIS median share with the other former republics in {year}")
        drop = fall[fall["iso3"].isin(cis)]["fall_to_essay_pp" if when == "2002" else "fall_to_end_pp"]
        rows += interval_rows(f"cis_median_fall_to_{when}_pp", groups.median_interval(drop), "percentage points",
                              f"{what}, CIS median fall from the first complete year to {year}")
    return rows


def _ranking_rows(ranking: pd.DataFrame, window: str, years: list[int]) -> list[dict]:
    rows = ranking[ranking["year"].isin(years)]
    first = int((rows["main_rank"] == 1).sum())
    return [_row(f"kaz_years_russia_first_{window}", first, "years", f"years Russia ranks first ({window})"),
            _row(f"kaz_years_judged_{window}", len(rows), "years", f"years judged ({window}; no recorded zero or break)"),
            _row(f"kaz_first_year_judged_{window}", min(years) if years else None, "year", f"first year judged ({window})"),
            _row(f"kaz_last_year_judged_{window}", max(years) if years else None, "year", f"last year judged ({window})")]


def kazakhstan_headlines(ranking: pd.DataFrame, shares: pd.DataFrame, tariffs: pd.DataFrame) -> list[dict]:
    """C7 headline rows: Russia's share and rank, the years it ranks first, China and the EU, tariffs."""
    kaz = shares[shares["iso3"] == partners.KAZAKHSTAN].set_index("year")
    by_year = ranking.set_index("year")
    latest = int(by_year.index.max())
    rows = [_row("kaz_latest_year", latest, "year", "latest year of Kazakhstan's partner ranking")]
    for when, year in (("2002", ESSAY_YEAR), ("latest", latest)):
        rank = by_year["main_rank"].get(year, float("nan"))
        rows += [_row(f"kaz_russia_share_{when}_pct", _pct(by_year["main_share"].get(year)), "% of total trade", f"Russia's share of Kazakhstan's trade, {year}"),
                 _row(f"kaz_russia_rank_{when}", rank, "rank", f"Russia's rank among Kazakhstan's partners, {year}"),
                 _row(f"kaz_china_share_{when}_pct", _pct(kaz["share_china"].get(year)), "% of total trade", f"China's share of Kazakhstan's trade, {year}"),
                 _row(f"kaz_eu_share_{when}_pct", _pct(kaz["share_eu"].get(year)), "% of total trade", f"the EU's share of Kazakhstan's trade, {year}")]
    essay_years = [int(y) for y in partners._unflagged(ranking)["year"] if y <= ESSAY_YEAR]
    rows += _ranking_rows(ranking, "to_2002", essay_years)
    rows += _ranking_rows(ranking, "recent", partners.last_unflagged_years(ranking, C7_RECENT_YEARS))
    rows.append(_row("kaz_years_flagged", int((ranking["has_recorded_zero"] | ranking["has_break"]).sum()), "years",
                     "years with a recorded zero (1992-93) or a customs-union break (2010-11)"))
    for variable, slug in (("wdi_tariff_applied_wm", "applied"), ("wdi_tariff_mfn_wm", "mfn")):
        for label, year in (("2004", partners.TARIFF_FIRST_YEAR), ("2010", partners.CUSTOMS_UNION_YEAR),
                            ("2015", partners.WTO_ACCESSION_YEAR), ("latest", None)):
            _, value = partners.tariff_at(tariffs, variable, year)
            rows.append(_row(f"kaz_tariff_{slug}_{label}", value, "%", f"Kazakhstan {slug} weighted-mean tariff, {label}"))
    rows.append(_row("kaz_tariff_latest_year", partners.tariff_at(tariffs, "wdi_tariff_applied_wm")[0], "year",
                     "latest year of Kazakhstan's applied tariff"))
    return rows


def _shade_breaks(ax, first_year: int, last_year: int) -> None:
    low, high = trade_dyads.CUSTOMS_UNION_BREAK_YEARS
    if first_year <= high and low <= last_year:
        ax.axvspan(low - 0.5, high + 0.5, color="0.85", zorder=0, label="customs-union break (RUS, BLR, KAZ)")
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
    """Kazakhstan: shares by partner group (left) and of its largest single partners (right); years with a
    recorded zero (its total lacks Russia) are left out of both panels, as they are of the shares table."""
    kaz = shares[shares["iso3"] == partners.KAZAKHSTAN].assign(
        share_other_fsu=lambda f: f["share_fsu"] - f["share_russia"])
    fig, axes = plt.subplots(1, 2, figsize=(11, 5.4), sharey=True)
    for column, (label, color) in KAZ_SERIES.items():
        axes[0].plot(kaz["year"], 100 * kaz[column], color=color, linewidth=2, label=label)
    incomplete = flags.loc[(flags["iso3"] == partners.KAZAKHSTAN) & flags["has_recorded_zero"], "year"]
    own = table[(table["iso3"] == partners.KAZAKHSTAN) & ~table["year"].isin(incomplete)].dropna(subset=["share"])
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
    fig.suptitle("Kazakhstan's trade partners (exports + imports)")
    fig.tight_layout()
    return fig


def plot_tariffs(tariffs: pd.DataFrame):
    """Kazakhstan's weighted-mean tariffs from 2004, with the customs union and WTO accession."""
    fig, ax = plt.subplots(figsize=(7.5, 4))
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
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


def _value(headlines: dict, key: str) -> float:
    entry = headlines.get(key)
    value = entry.get("value") if isinstance(entry, dict) else entry
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
{baltic_latest}% in {latest}, traded {baltic_eu_latest}% with the EU in {latest}.

**C7 — Russia and Kazakhstan.** Russia ranked first among Kazakhstan's partners in {kaz_first_2002} of the
{kaz_judged_2002} years judged through {essay} ({kaz_share_2002}% of its trade in {essay}) and in {kaz_first_recent} of
the last {kaz_judged_recent} ({kaz_share_latest}% in {latest}, rank {kaz_rank_latest}; China {kaz_chn_latest}%, the EU as
a bloc {kaz_eu_latest}%). {c7_judgement} Kazakhstan's applied weighted-mean tariff was {t2004}% in 2004,
{t2010}% in 2010 (customs union), {t2015}% in 2015 (WTO) and {tlatest}% in {tyear}; the MFN rate {m2004}%, {m2010}%,
{m2015}% and {mlatest}%. {tariff_judgement}

*Limits:* the COW flows start in 1992 and end in 2014; flows among the former republics recorded as 0 in 1992–93
are treated as missing (those reporter-years are left out of the shares); the customs-union years 2010–11 are a break
in the flows among Russia, Belarus and Kazakhstan; flows are in current US dollars, so energy prices move the shares.
The data cannot show the 1990s tariff cuts the essay describes, nor why tariffs changed.
""",
    "ru": """
**C4 — старые связи разорваны; торговля между республиками продолжилась как торговля между государствами.** В первый
полный год данных каждой страны ({start_min}–{start_max}) медианная страна СНГ вела {cis_start}% своей торговли с
другими бывшими республиками; {cis_2002}% в {essay} г. и {cis_latest}% в {latest} г. Медианное падение составило
{fall_2002} п.п. к {essay} г. ({speed} п.п. в год) и {fall_latest} п.п. к {latest} г.; доля снизилась у {fell_2002} из
{n_cis} стран СНГ к {essay} г. и у {fell_latest} к {latest} г. {c4_judgement} Медианная доля России в торговле страны
СНГ — {rus_2002}% в {essay} г. и {rus_latest}% в {latest} г.; ЕС — {eu_2002}% и {eu_latest}%; Китая — {chn_2002}% и
{chn_latest}%. Страны Балтии ({baltic_start}% в начале, {baltic_2002}% в {essay} г., {baltic_latest}% в {latest} г.)
вели {baltic_eu_latest}% торговли с ЕС в {latest} г.

**C7 — Россия и Казахстан.** Россия была первым партнёром Казахстана в {kaz_first_2002} из {kaz_judged_2002}
учтённых лет по {essay} г. ({kaz_share_2002}% его торговли в {essay} г.) и в {kaz_first_recent} из последних
{kaz_judged_recent} ({kaz_share_latest}% в {latest} г., место {kaz_rank_latest}; Китай {kaz_chn_latest}%, ЕС как блок
{kaz_eu_latest}%). {c7_judgement} Применяемый средневзвешенный тариф Казахстана: {t2004}% в 2004 г., {t2010}% в
2010 г. (таможенный союз), {t2015}% в 2015 г. (ВТО) и {tlatest}% в {tyear} г.; тариф РНБ — {m2004}%, {m2010}%,
{m2015}% и {mlatest}%. {tariff_judgement}

*Ограничения:* потоки COW начинаются в 1992 г. и заканчиваются в 2014 г.; нулевые потоки между бывшими республиками
в 1992–1993 гг. считаются пропусками (эти годы стран исключены из долей); 2010–2011 гг. — разрыв в потоках между
Россией, Беларусью и Казахстаном из-за таможенного союза; потоки в текущих долларах США, поэтому доли зависят от цен
на энергоносители. Данные не показывают снижения тарифов в 1990-е годы, о котором пишет эссе, и его причин.
""",
}
_JUDGEMENTS = {
    "en": {"c4": ("By the ledger's rule (a fall of at least {fall:g} points and a remaining share of at least {share:g}%) "
                  "the ties broke: {broke}; relations continued at a substantial level: {kept}."),
           "c7": "Russia is the main partner (first in at least {first:.0%} of the years judged): through {essay} {then}, recently {now}.",
           "tariff": ("Tariffs from 2004 were {lowered} (the rule asks for a latest applied rate at least {cut:g} points "
                      "below 2004).")},
    "ru": {"c4": ("По правилу реестра (падение не менее {fall:g} п.п. и оставшаяся доля не менее {share:g}%) связи "
                  "разорваны: {broke}; отношения сохранились на значимом уровне: {kept}."),
           "c7": "Россия — главный партнёр (первое место не менее чем в {first:.0%} учтённых лет): по {essay} г. {then}, в последние годы {now}.",
           "tariff": ("С 2004 г. тарифы {lowered} (правило требует, чтобы последний применяемый тариф был ниже уровня "
                      "2004 г. не менее чем на {cut:g} п.п.).")},
}
_YES_NO = {"en": ("yes", "no"), "ru": ("да", "нет")}
_LOWERED = {"en": ("lowered", "not lowered"), "ru": ("снижены", "не снижены")}


def _findings_numbers(h: dict) -> dict:
    f = lambda key, digits=1: format_number(_value(h, key), digits)
    y = lambda key: "n/a" if math.isnan(_value(h, key)) else str(int(_value(h, key)))
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
        kaz_first_2002=y("kaz_years_russia_first_to_2002"), kaz_judged_2002=y("kaz_years_judged_to_2002"),
        kaz_share_2002=f("kaz_russia_share_2002_pct"), kaz_first_recent=y("kaz_years_russia_first_recent"),
        kaz_judged_recent=y("kaz_years_judged_recent"), kaz_share_latest=f("kaz_russia_share_latest_pct"),
        kaz_rank_latest=y("kaz_russia_rank_latest"), kaz_chn_latest=f("kaz_china_share_latest_pct"),
        kaz_eu_latest=f("kaz_eu_share_latest_pct"), t2004=f("kaz_tariff_applied_2004", 2), t2010=f("kaz_tariff_applied_2010", 2),
        t2015=f("kaz_tariff_applied_2015", 2), tlatest=f("kaz_tariff_applied_latest", 2), tyear=y("kaz_tariff_latest_year"),
        m2004=f("kaz_tariff_mfn_2004", 2), m2010=f("kaz_tariff_mfn_2010", 2), m2015=f("kaz_tariff_mfn_2015", 2),
        mlatest=f("kaz_tariff_mfn_latest", 2))


def findings_text(headlines: dict, lang: str = "en") -> str:
    """The notebook's Findings (C4, C7) as Markdown in ``lang``, from its headline numbers and the ledger's thresholds."""
    h = headlines
    yes, no = _YES_NO[lang]
    main = lambda first, judged: _value(h, judged) > 0 and _value(h, first) / _value(h, judged) >= C7_FIRST_SHARE - 1e-9
    judgement = _JUDGEMENTS[lang]
    lowered = _value(h, "kaz_tariff_applied_latest") <= _value(h, "kaz_tariff_applied_2004") - C7_TARIFF_CUT_PP
    words = dict(  # noqa: C408 (keyword form: the names are the template fields)
        c4_judgement=judgement["c4"].format(fall=C4_FALL_PP, share=C4_MAJOR_SHARE,
                                            broke=yes if _value(h, "cis_median_fall_to_latest_pp") >= C4_FALL_PP else no,
                                            kept=yes if _value(h, "cis_median_share_fsu_latest_pct") >= C4_MAJOR_SHARE else no),
        c7_judgement=judgement["c7"].format(first=C7_FIRST_SHARE, essay=ESSAY_YEAR,
                                            then=yes if main("kaz_years_russia_first_to_2002", "kaz_years_judged_to_2002") else no,
                                            now=yes if main("kaz_years_russia_first_recent", "kaz_years_judged_recent") else no),
        tariff_judgement=judgement["tariff"].format(lowered=_LOWERED[lang][0 if lowered else 1], cut=C7_TARIFF_CUT_PP))
    return _FINDINGS[lang].format(**_findings_numbers(h), **words)
