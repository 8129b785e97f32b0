"""Bilingual labels: one catalogue of English → Russian texts for figures, table headers and the ledger.

Notebooks keep writing English; the ``lang`` parameter (``"en"`` or ``"ru"``) decides what the
reader sees. :func:`translate` looks a text up in :data:`CATALOGUE`, first as it is, then as a
template with every number replaced by ``{0}``, ``{1}`` … in order (so "Real GDP index, 1989 = 100"
and "Real GDP index, 1995 = 100" share the entry "Real GDP index, {0} = {1}"). :func:`translate_figure` applies it to every text
of a matplotlib figure (titles, axis labels, tick labels, legends, annotations);
:func:`translate_frame` to a table's headers. Texts with no entry stay in English and are
reported by :func:`missing`, so a test can insist that a Russian run leaves none behind.

Examples
--------
>>> translate("Real GDP index, 1995 = 100", "ru")
'Индекс реального ВВП, 1995 = 100'
>>> translate("CIS", "ru")
'СНГ'
"""
from __future__ import annotations

import re

import pandas as pd

from transition.present.table_labels import TABLE_HEADERS

LANGS = ("en", "ru")
# A number stands alone or inside a snake_case name ("gdp_index_2000"), never glued to letters ("hs92").
_NUMBER = re.compile(r"(?<![A-Za-z0-9.])[-−]?\d+(?:[.,]\d+)?(?![A-Za-z0-9])")
_MISSING: set[str] = set()

#: English text (or template with {0}, {1} … for numbers) → Russian.
CATALOGUE: dict[str, str] = {
    # groups and the essay's vocabulary
    "CIS": "СНГ", "Baltic": "Балтия", "Central Europe": "Центральная Европа",
    "South-East Europe": "Юго-Восточная Европа", "Mongolia": "Монголия",
    "CEE & Baltics": "ЦВЕ и Балтия", "SEE": "ЮВЕ", "All": "Все", "Other CIS": "Прочие СНГ",
    "liberalization": "либерализация", "stabilization": "стабилизация",
    "institutions": "институты", "privatization": "приватизация",
    "Liberalization": "Либерализация", "Stabilization": "Стабилизация",
    "Institutions": "Институты", "Privatization": "Приватизация",
    # common axis texts and units
    "Year": "Год", "year": "год", "Years": "Годы", "Country": "Страна", "Group": "Группа",
    "Real GDP index, {0} = {1}": "Индекс реального ВВП, {0} = {1}",
    "Real GDP index ({0} = {1})": "Индекс реального ВВП ({0} = {1})",
    "% per year": "% в год", "% of GDP": "% ВВП", "countries": "страны",
    "Number of countries": "Число стран", "Share of countries": "Доля стран",
    # verdicts of the claims ledger
    "supported": "подтверждается", "contradicted": "опровергается", "mixed": "неоднозначно",
    "not testable with these data": "не проверяется на этих данных",
    "Source:": "Источник:",
    # shared by the analysis notebooks 01-07: table headers, sources, identifiers
    "group": "группа", "country": "страна", "country (ISO3)": "страна (ISO3)", "number of countries": "число стран",
    "source": "источник", "period": "период", "series": "ряд", "variable": "переменная", "measure": "показатель",
    "model": "модель", "term": "переменная", "outcome": "итоговый показатель", "sample": "выборка",
    "specification": "спецификация", "bloc": "блок", "status": "статус", "order": "порядок",
    "first_year": "первый год", "last_year": "последний год", "threshold {0}": "порог {0}",
    "iso3": "iso3",  # the ISO3 code column keeps its name (the CSV column and the text refer to it)
    "wdi": "WDI", "weo": "WEO", "pwt": "PWT", "maddison": "Maddison", "MADDISON": "Maddison",
    "gapminder": "Gapminder",
    # 01 reform sequencing
    "All ({0} countries)": "Все (стран: {0})", "CIS ({0} countries)": "СНГ (стран: {0})",
    "CEE & Baltics ({0} countries)": "ЦВЕ и Балтия (стран: {0})", "SEE ({0} countries)": "ЮВЕ (стран: {0})",
    "Mongolia ({0} countries)": "Монголия (стран: {0})",
    "EBRD average transition indicator ({0}-{1})": "Средний индикатор перехода ЕБРР ({0}–{1})",
    "Reform progress {0}-{1}: EBRD average (shading) and the year each area is first reached":
        "Ход реформ {0}–{1}: средний индикатор ЕБРР (заливка) и год, когда направление впервые достигло порога",
    "country (ISO3), by group; label colour = group": "страна (ISO3) по группам; цвет подписи — группа",
    "liberalization reached": "либерализация достигнута", "stabilization reached": "стабилизация достигнута",
    "institutions reached": "институты достигнуты", "privatization reached": "приватизация достигнута",
    "Observed order of the four reform areas; the essay's order is L>S>I>P":
        "Наблюдаемый порядок четырёх направлений реформ; порядок по эссе — L>S>I>P",
    "order of the areas (L liberalization, S stabilization, I institutions, P privatization)":
        "порядок направлений\n(L — либерализация, S — стабилизация, I — институты, P — приватизация)",
    "not reached": "не достигнуто", "never high": "инфляция не была высокой",
    "Which links of the essay's chain L → S → I → P hold, pair by pair":
        "Какие звенья цепочки эссе L → S → I → P выполняются: пары направлений",
    "pair of areas (essay: first → second)": "пара направлений (по эссе: первое → второе)",
    "in the essay's order": "в порядке эссе", "same year": "в один год", "reverse order": "в обратном порядке",
    "neither reached": "ни одно не достигнуто", "S left out (never high)": "S не учтена (инфляция не была высокой)",
    "area": "направление", "year_reached": "год достижения", "first_data_year": "первый год данных",
    "relapsed": "возврат высокой инфляции", "inflation_measure": "показатель инфляции",
    "follows_essay_order": "следует порядку эссе", "consistent_so_far": "пока не противоречит эссе",
    "lib_inst_gap_years": "разрыв либерализация–институты, лет",
    "lib_inst_gap_censored": "разрыв цензурирован",
    "lib_inst_gap_points": "разрыв либерализация–институты, пунктов",
    # 02 output paths
    "CIS (n = {0})": "СНГ (n = {0})", "CEE & Baltics (n = {0})": "ЦВЕ и Балтия (n = {0})",
    "SEE (n = {0})": "ЮВЕ (n = {0})", "Mongolia (n = {0})": "Монголия (n = {0})",
    "Baltic (n = {0})": "Балтия (n = {0})", "Central Europe (n = {0})": "Центральная Европа (n = {0})",
    "South-East Europe (n = {0})": "Юго-Восточная Европа (n = {0})",
    "CIS (gap censored)": "СНГ (разрыв цензурирован)", "CEE & Baltics (gap censored)": "ЦВЕ и Балтия (разрыв цензурирован)",
    "SEE (gap censored)": "ЮВЕ (разрыв цензурирован)", "Mongolia (gap censored)": "Монголия (разрыв цензурирован)",
    "Real GDP by group: median and interquartile range (WDI, {0} = {1})":
        "Реальный ВВП по группам: медиана и межквартильный размах (WDI, {0} = {1})",
    "Real GDP by group: median and interquartile range (PWT, {0} = {1})":
        "Реальный ВВП по группам: медиана и межквартильный размах (PWT, {0} = {1})",
    "Real GDP by group: median and interquartile range (WEO, {0} = {1})":
        "Реальный ВВП по группам: медиана и межквартильный размах (WEO, {0} = {1})",
    "Real GDP by group: median and interquartile range (MADDISON, {0} = {1})":
        "Реальный ВВП по группам: медиана и межквартильный размах (Maddison, {0} = {1})",
    "real GDP index, {0} = {1}": "индекс реального ВВП, {0} = {1}", "essay (~{0})": "эссе (~{0})",
    "Depth of the transition trough by GDP source ({0}-{1})":
        "Глубина трансформационного спада по источникам ВВП ({0}–{1})",
    "lowest real GDP index, {0} = {1}": "минимальный индекс реального ВВП, {0} = {1}",
    "Trough vs liberalization-institutions gap (Spearman rho = {0}, p = {1}, n = {2})":
        "Дно спада и разрыв либерализация–институты (ρ Спирмена = {0}, p = {1}, n = {2})",
    "years from liberalization to institutions reaching EBRD {0}":
        "лет от либерализации до институтов (порог ЕБРР {0})",
    "trough of real GDP, {0} = {1} (WDI)": "дно реального ВВП, {0} = {1} (WDI)",
    "trough of real GDP, {0} = {1} (PWT)": "дно реального ВВП, {0} = {1} (PWT)",
    "trough of real GDP, {0} = {1} (WEO)": "дно реального ВВП, {0} = {1} (WEO)",
    "trough of real GDP, {0} = {1} (MADDISON)": "дно реального ВВП, {0} = {1} (Maddison)",
    "countries_spliced": "стран со склейкой рядов", "max_years_spliced": "макс. лет склейки",
    # 03 stabilization
    "Peak annual inflation {0}-{1}, by country group": "Пиковая годовая инфляция {0}–{1} по группам стран",
    "peak inflation, % per year (log scale)": "пиковая инфляция, % в год (логарифмическая шкала)",
    "country (label on bar: year of the peak)": "страна (подпись над столбцом — год пика)",
    "peak measured by GDP deflator": "пик по дефлятору ВВП", "threshold {0}%": "порог {0}%",
    "Real GDP growth around the stabilization year, by country group":
        "Рост реального ВВП вокруг года стабилизации по группам стран",
    "years since stabilization (t = {0}: first year of sustained low inflation)":
        "лет после стабилизации (t = {0} — первый год устойчиво низкой инфляции)",
    "real GDP growth, % per year (wdi)": "рост реального ВВП, % в год (wdi)",
    "real GDP growth, % per year (weo)": "рост реального ВВП, % в год (weo)",
    "real GDP growth, % per year (pwt)": "рост реального ВВП, % в год (pwt)",
    "real GDP growth, % per year (maddison)": "рост реального ВВП, % в год (maddison)",
    "real GDP growth, % per year (gapminder)": "рост реального ВВП, % в год (gapminder)",
    "CIS: mean ({0} countries per point)": "СНГ: среднее (стран на точку: {0})",
    "CIS: mean ({0}-{1} countries per point)": "СНГ: среднее (стран на точку: {0}–{1})",
    "CEE & Baltics: mean ({0} countries per point)": "ЦВЕ и Балтия: среднее (стран на точку: {0})",
    "CEE & Baltics: mean ({0}-{1} countries per point)": "ЦВЕ и Балтия: среднее (стран на точку: {0}–{1})",
    "SEE: mean ({0} countries per point)": "ЮВЕ: среднее (стран на точку: {0})",
    "SEE: mean ({0}-{1} countries per point)": "ЮВЕ: среднее (стран на точку: {0}–{1})",
    "Mongolia: mean ({0} countries per point)": "Монголия: среднее (стран на точку: {0})",
    "Mongolia: mean ({0}-{1} countries per point)": "Монголия: среднее (стран на точку: {0}–{1})",
    "CIS: median": "СНГ: медиана", "CEE & Baltics: median": "ЦВЕ и Балтия: медиана", "SEE: median": "ЮВЕ: медиана",
    "Mongolia: median": "Монголия: медиана",
    "EBRD liberalization index in {0} ({1} = central planning, {2} = advanced market economy)":
        "Индекс либерализации ЕБРР в {0} г. ({1} — централизованное планирование, {2} — развитая рыночная экономика)",
    "Early liberalization and the inflation burst (Spearman rho = {0}, p = {1}, n = {2})":
        "Ранняя либерализация и всплеск инфляции (ρ Спирмена = {0}, p = {1}, n = {2})",
    # 04 reforms and growth: figures
    "Gap between liberalization and market institutions, by group":
        "Разрыв между либерализацией и рыночными институтами по группам",
    "liberalization - institutions (EBRD index points)": "либерализация − институты (пункты индекса ЕБРР)",
    "group (mean of countries)": "группа (среднее по странам)",
    "EBRD average and growth: short-run and cumulative effects (country + year FE)":
        "Средний индикатор ЕБРР и рост:\nкраткосрочный и кумулятивный эффекты (ФЭ страны и года)",
    "years between reform score and growth": "лет между оценкой реформ и ростом",
    "growth effect (pp per EBRD point), {0}% CI": "рост, п. п. на пункт ЕБРР ({0}% ДИ)",
    "sum of lags (cumulative)": "сумма лагов (кумулятивно)", "lag {0}": "лаг {0}", "sum {0}-{1}": "сумма {0}–{1}",
    "Robustness: coefficients with {0}% intervals (filled = p < {1})":
        "Устойчивость: коэффициенты с {0}% интервалами (закрашены: p < {1})",
    "effect on annual growth (pp per EBRD point)": "влияние на годовой рост (п. п. на пункт ЕБРР)",
    "effect on annual growth (pp)": "влияние на годовой рост (п. п.)",
    "(main model)": "(основная модель)", "(sequencing model)": "(модель последовательности)",
    "  not affected by this change": "  не зависит от этого изменения",
    # 04: terms (growth.TERM_LABELS, lagged "(t)" / "(t-k)")
    "EBRD average": "Средний индикатор ЕБРР", "EBRD average (t)": "Средний индикатор ЕБРР (t)",
    "EBRD average (t-{0})": "Средний индикатор ЕБРР (t-{0})",
    "Liberalization (t)": "Либерализация (t)", "Liberalization (t-{0})": "Либерализация (t-{0})",
    "Privatization (t)": "Приватизация (t)", "Privatization (t-{0})": "Приватизация (t-{0})",
    "Market institutions": "Рыночные институты", "Market institutions (t)": "Рыночные институты (t)",
    "Market institutions (t-{0})": "Рыночные институты (t-{0})",
    "Gap: liberalization - institutions": "Разрыв: либерализация − институты",
    "Gap: liberalization - institutions (t)": "Разрыв: либерализация − институты (t)",
    "Gap: liberalization - institutions (t-{0})": "Разрыв: либерализация − институты (t-{0})",
    "Gap: large privatization - institutions": "Разрыв: крупная приватизация − институты",
    "Gap: large privatization - institutions (t)": "Разрыв: крупная приватизация − институты (t)",
    "Gap: large privatization - institutions (t-{0})": "Разрыв: крупная приватизация − институты (t-{0})",
    "Liberalization ahead of institutions (dummy)": "Либерализация опережает институты (дамми)",
    "Liberalization ahead of institutions (dummy) (t)": "Либерализация опережает институты (дамми) (t)",
    "Liberalization ahead of institutions (dummy) (t-{0})": "Либерализация опережает институты (дамми) (t-{0})",
    "Large privatization ahead of institutions (dummy)": "Крупная приватизация опережает институты (дамми)",
    "Large privatization ahead of institutions (dummy) (t)": "Крупная приватизация опережает институты (дамми) (t)",
    "Large privatization ahead of institutions (dummy) (t-{0})":
        "Крупная приватизация опережает институты (дамми) (t-{0})",
    "log(1 + inflation)": "log(1 + инфляция)", "War year": "Год войны",
    "log GDP per capita {0}": "log ВВП на душу населения, {0}", "Years under central planning": "Лет централизованного планирования",
    "Cumulative effect (sum of lags)": "Кумулятивный эффект (сумма лагов)",
    "Observations": "Наблюдения", "Countries": "Страны", "Fixed effects": "Фиксированные эффекты",
    "country + year": "страна + год", "year only": "только год",
    # 04: models keep their names (the text defines them: `fe_main` …)
    "pooled_initial": "pooled_initial", "fe_main": "fe_main", "fe_areas": "fe_areas",
    "fe_distributed_lag": "fe_distributed_lag", "fe_sequencing_gap": "fe_sequencing_gap",
    "fe_sequencing_ahead": "fe_sequencing_ahead",
    "pooled_initial_full": "pooled_initial_full", "fe_feedback": "fe_feedback",
    "Resource-rich (rents at least {0}% of GDP)": "Богатые ресурсами (ренты не менее {0}% ВВП)",
    "War on the territory in the sample years": "Война на территории в годы выборки",
    "New state (independent from {0})": "Новое государство (независимо с {0} г.)",
    "Real GDP growth (t-{0})": "Рост реального ВВП (t-{0})", "Real GDP growth (t)": "Рост реального ВВП (t)",
    # 04: robustness specifications and table columns
    "baseline": "базовая", "reform lag {0}": "лаг реформ {0}", "CIS only": "только СНГ",
    "non-CIS (rest)": "не СНГ (остальные)", "growth: wdi": "рост: WDI", "growth: weo": "рост: WEO",
    "growth: pwt": "рост: PWT", "growth: maddison": "рост: Maddison", "growth: gapminder": "рост: Gapminder",
    "war years excluded": "без лет войны", "pooled OLS, year effects": "объединённый МНК, эффекты года",
    "{0}-{1}, scores carried forward": "{0}–{1}, оценки ЕБРР продлены",
    "{0}-{1}, scores carried forward (pooled)": "{0}–{1}, оценки ЕБРР продлены (объединённый МНК)",
    "lib ahead": "либерализация впереди", "large priv ahead": "крупная приватизация впереди",
    "log inflation": "log инфляции", "war": "война",
    # 05 resources vs governance
    "Transition outcomes against resource dependence ({0}–{1} averages)":
        "Итоги трансформации и ресурсная зависимость (средние за {0}–{1})",
    "Transition outcomes against governance ({0}–{1} averages)":
        "Итоги трансформации и качество государственного управления (средние за {0}–{1})",
    "Resource-dependence index (mean z-score of log({0} + x))":
        "Индекс ресурсной зависимости (средний z-балл log({0} + x))",
    "Governance index (mean z-score; higher = better)":
        "Индекс качества государственного управления (средний z-балл; выше — лучше)",
    "Real GDP {0} ({1} = {2})": "Реальный ВВП {0} ({1} = {2})",
    "Mean growth {0}–{1} (% per year)": "Средний рост {0}–{1} (% в год)",
    "resource-rich CIS": "ресурсно-богатые СНГ", "other CIS": "прочие СНГ",
    "resource-poor CEE & Baltics": "ресурсно-бедные ЦВЕ и Балтия", "other": "прочие",
    "Contribution to R² (Shapley value)": "Вклад в R² (значение Шепли)", "Regressor": "Регрессор",
    "How much of the cross-country variation each regressor explains (joint model, n = {0}–{1})":
        "Какую долю межстрановой вариации объясняет каждый регрессор (совместная модель, n = {0}–{1})",
    "How much of the cross-country variation each regressor explains (joint_controls model, n = {0}–{1})":
        "Какую долю межстрановой вариации объясняет каждый регрессор "
        "(совместная модель с контрольными переменными, n = {0}–{1})",
    "Resources": "Ресурсы", "Governance": "Качество управления",
    "Initial income (log GDP pc)": "Начальный доход (log ВВП на душу населения)", "CIS dummy": "Дамми СНГ",
    "resource_group": "ресурсная группа", "rents_for_groups": "ренты для групп, % ВВП",
    "resource_index": "индекс ресурсной зависимости", "governance_index": "индекс качества управления",
    "gdp_index_{0}": "индекс ВВП {0}", "growth_{0}_{1}": "рост {0}–{1}", "log_gdppc_{0}": "log ВВП на душу, {0}",
    # 05 robustness (chapters/resources_vs_governance.py): groups with/without SEE, per capita, intervals
    "gdppc_index_{0}": "индекс ВВП на душу {0}", "gdppc_growth_{0}_{1}": "рост ВВП на душу {0}–{1}",
    "with_see": "с Юго-Восточной Европой", "rich CIS": "богатое ресурсами СНГ",
    "poor Eastern Europe": "бедная ресурсами Восточная Европа", "difference": "разница",
    "n_rich_cis": "n (богатое ресурсами СНГ)", "n_poor": "n (бедная ресурсами Восточная Европа)",
    "cis": "СНГ (дамми)", "resources": "ресурсы", "governance": "управление", "joint": "совместная",
    "joint_controls": "совместная с контрольными",
    "res_rents": "рентные доходы от природных ресурсов", "res_fuel_exports": "экспорт топлива",
    "res_ores_metals_exports": "экспорт руд и металлов",
    "res_hydrocarbon_production_pc": "добыча нефти и газа на душу населения",
    "res_hydrocarbon_reserves_pc": "запасы нефти и газа на душу населения",
    "gov_control_of_corruption": "контроль коррупции", "gov_government_effectiveness": "эффективность правительства",
    "gov_rule_of_law": "верховенство закона", "gov_freedom_house": "Freedom House",
    # 06 trade structure
    "WDI vintages compared where both have a value (one point per country-year)":
        "Сравнение версий WDI там, где значение есть в обеих (одна точка — страна-год)",
    "Fuel, % of merchandise exports": "Топливо, % товарного экспорта",
    "Ores & metals, % of merchandise exports": "Руды и металлы, % товарного экспорта",
    "High-technology, % of manufactured exports": "Высокие технологии, % экспорта промышленных товаров",
    "wdi2013 vintage (%)": "версия WDI 2013 (%)", "wdi2022 vintage (%)": "версия WDI 2022 (%)",
    "wdi2023 vintage (%)": "версия WDI 2023 (%)", "wdi_current vintage (%)": "текущая версия WDI (%)",
    "equal values": "равные значения",
    "Trade structure by group: median country (line) and inter-quartile range (band)":
        "Структура торговли по группам: медианная страна (линия) и межквартильный размах (полоса)",
    "Exports of goods & services": "Экспорт товаров и услуг", "Imports of goods & services": "Импорт товаров и услуг",
    "Industry value added": "Добавленная стоимость в промышленности",
    "Fuel + ores & metals exports": "Экспорт топлива, руд и металлов",
    "Manufactures exports": "Экспорт промышленных товаров", "High-technology exports": "Высокотехнологичный экспорт",
    "Manufactures imports": "Импорт промышленных товаров",
    "Manufactures + food imports": "Импорт промышленных товаров и продовольствия",
    "Economic Complexity Index (eci_hs92)": "Индекс экономической сложности (eci_hs92)",
    "Economic Complexity Index (eci_sitc)": "Индекс экономической сложности (eci_sitc)",
    "% of merchandise exports": "% товарного экспорта", "% of merchandise imports": "% товарного импорта",
    "% of manufactured exports": "% экспорта промышленных товаров", "index ({0} = world mean)": "индекс ({0} — среднее по миру)",
    "Each CIS country's share of CIS exports (total exports, not only outside the CIS)":
        "Доля каждой страны СНГ в экспорте СНГ (весь экспорт, не только за пределы СНГ)",
    "share of total CIS exports of goods & services (%, log scale)":
        "доля в совокупном экспорте товаров и услуг СНГ (%, логарифмическая шкала)",
    "data, {0}-{1}": "данные, {0}–{1}", "essay: each other country {0}–{1}%": "эссе: каждая из остальных стран {0}–{1}%",
    "essay's figure": "цифра эссе", "vintage": "версия",
    "wdi2013": "WDI 2013", "wdi2022": "WDI 2022", "wdi2023": "WDI 2023", "wdi_current": "WDI (текущая)",
    "wdi2023+wdi2013": "WDI 2023 + WDI 2013", "wdi2023+wdi2022": "WDI 2023 + WDI 2022",
    "wdi2022+wdi2013": "WDI 2022 + WDI 2013", "wdi_current+wdi2013": "WDI (текущая) + WDI 2013",
    "exports_fuel": "экспорт топлива", "exports_ores_metals": "экспорт руд и металлов",
    "exports_fuel_ores": "экспорт топлива, руд и металлов", "exports_manufactures": "экспорт промышленных товаров",
    "exports_food": "экспорт продовольствия", "exports_agri_raw": "экспорт сельскохозяйственного сырья",
    "imports_fuel": "импорт топлива", "imports_ores_metals": "импорт руд и металлов",
    "imports_manufactures": "импорт промышленных товаров", "imports_food": "импорт продовольствия",
    "imports_agri_raw": "импорт сельскохозяйственного сырья",
    "imports_processed": "импорт промышленных товаров и продовольствия",
    "hightech_pct_manuf_exports": "высокотехнологичный экспорт, % экспорта промышленных товаров",
    "exports_pct_gdp": "экспорт, % ВВП", "imports_pct_gdp": "импорт, % ВВП", "industry_pct_gdp": "промышленность, % ВВП",
    "eci_hs92": "индекс экономической сложности (HS 1992)", "eci_sitc": "индекс экономической сложности (SITC)",
    # 07 integration: blocs (ids and display names)
    "EURASEC": "ЕврАзЭС", "EurAsEC": "ЕврАзЭС", "EAEU": "ЕАЭС", "GUAM": "ГУАМ", "CACO": "ОЦАС", "CAEC": "ЦАЭС",
    "CAEC (Central Asian Union)": "ЦАЭС (Центральноазиатский союз)", "UNION_STATE": "Союзное государство",
    "Union State": "Союзное государство", "CU1995": "Таможенный союз 1995", "CU2010": "Таможенный союз 2010",
    "Customs Union {0}": "Таможенный союз {0}", "EU": "ЕС", "WTO": "ВТО",
    "Single Economic Space {0}": "Единое экономическое пространство {0}", "SES2003": "ЕЭП 2003", "SES2012": "ЕЭП 2012",
    "CIS free trade area": "Зона свободной торговли СНГ", "CISFTA": "ЗСТ СНГ",
    "median years from a Eurasian agreement to a working union: {0} ({1} of {2} agreements working by {3})":
        "медиана лет от евразийского соглашения до действующего союза: {0} (действуют {1} из {2} соглашений к {3} г.)",
    "median years from a Eurasian agreement to a working union: {0} ({1} of {2} agreements working by now)":
        "медиана лет от евразийского соглашения до действующего союза: {0} (действуют {1} из {2} соглашений на сегодня)",
    "agreements not yet working count with the years waited so far (longest {0})":
        "ещё не действующие соглашения учтены с уже прошедшим сроком (наибольший {0})",
    "the EU's steps (Treaty of Rome to customs union, Single European Act to single market, Maastricht to euro): median {0} years":
        "шаги ЕС (Римский договор — таможенный союз, Единый европейский акт — единый рынок, Маастрихт — евро): медиана {0} лет",
    "the recommendation (study the EU's experience) is not a statement of fact: not testable":
        "рекомендация (изучать опыт ЕС) — не утверждение о фактах: не проверяется",
    "C10: building a union takes long when the median agreement needs at least {0} years to work (open agreements count with the years waited); contradicted below {1} years; the recommendation is not testable":
        "C10: создание союза занимает много времени, если медианному соглашению нужно не менее {0} лет, чтобы заработать (ещё не действующие учтены с прошедшим сроком); опровергается, если менее {1} лет; рекомендация не проверяется",
    # 07: figures
    "Membership of the post-communist economies in regional blocs, by country":
        "Членство посткоммунистических экономик в региональных блоках по странам",
    "year (bars from the joining date to the leaving date; ▸ = still a member)":
        "год (полоса — от даты вступления до даты выхода; ▸ — членство продолжается)",
    "date known to the year only (drawn from {0} July)": "дата известна только до года (полоса с {0} июля)",
    "essay's time ({0})": "время эссе ({0})",
    "Integration by regions and groups: blocs and overlapping memberships among the CIS countries":
        "Интеграция по регионам и группам: блоки и пересекающееся членство стран СНГ",
    "post-Soviet blocs with CIS members (incl. the CIS)": "постсоветские блоки с участием стран СНГ (включая СНГ)",
    "countries in at least one sub-regional bloc": "страны хотя бы в одном субрегиональном блоке",
    "countries in two or more sub-regional blocs": "страны в двух и более субрегиональных блоках",
    "members of the largest sub-regional bloc": "члены крупнейшего субрегионального блока",
    "all {0} CIS countries of the study": "все страны СНГ в исследовании ({0})",
    "year (membership on {0} July)": "год (членство на {0} июля)", "number of blocs / countries": "число блоков / стран",
    "Concentric circles? The weight of the cores in the post-Soviet blocs (dotted line: the essay's time)":
        "Концентрические круги? Вес ядер в постсоветских блоках (пунктир — время эссе)",
    "Russia's share of bloc GDP": "Доля России в ВВП блока", "Kazakhstan's share of bloc GDP": "Доля Казахстана в ВВП блока",
    "Russia joins CACO ({0})": "Россия вступает в ОЦАС ({0})",
    "% of the bloc's GDP (GDP, current US$)": "% ВВП блока (ВВП в текущих долл. США)",
    "% of the bloc's GDP (GDP at PPP, output side)": "% ВВП блока (ВВП по ППС, по выпуску)",
    "% of the bloc's GDP (GDP at PPP)": "% ВВП блока (ВВП по ППС)",
    "% of the bloc's GDP (GDP at {0} PPP)": "% ВВП блока (ВВП по ППС {0} г.)",
    "Eurasian Economic Union members vs the EU accession cohorts of {0}, {1} and {2}":
        "Члены Евразийского экономического союза и когорты вступления в ЕС {0}, {1} и {2} гг.",
    "Reform progress, {0}-{1}": "Ход реформ, {0}–{1}", "Output": "Выпуск",
    "EBRD average transition indicator ({0} to {1}), median": "медиана среднего индикатора ЕБРР (от {0} до {1})",
    "real GDP index, {0} = {1} (WDI, spliced), median": "медиана реального ВВП, {0} = {1} (WDI, склейка)",
    "Source: data/blocs.csv (treaties, EU, WTO; see its source column).":
        "Источник: data/blocs.csv (договоры, ЕС, ВТО; см. его столбец source).",
    "Source: data/blocs.csv (treaties; see its source column).": "Источник: data/blocs.csv (договоры; см. его столбец source).",
    "EAEU (n={0})": "ЕАЭС (n={0})", "CIS outside EAEU (n={0})": "СНГ вне ЕАЭС (n={0})", "EU-{0} (n={1})": "ЕС-{0} (n={1})",
    # 07: tables
    "share_pct": "доля, %", "latest_share_pct": "последняя доля, %",
    "usd_wdi2022": "текущие долл. США (WDI 2022)", "usd_wdi2013": "текущие долл. США (WDI 2013)",
    "usd_weo": "текущие долл. США (WEO 2019)", "ppp_pwt": "ППС (PWT, по выпуску)",
    "ppp_wdi": "ППС (WDI × население Maddison)", "ppp_maddison": "ППС (Maddison)",
    # 01: datings of the areas and chance (C1)
    "dating": "датировка", "one EBRD threshold": "единый порог ЕБРР", "each area's own range": "собственный диапазон направления",
    "each area's scale": "шкала направления", "n_follow": "следуют порядку", "share_follow": "доля следующих",
    "n_consistent_so_far": "пока не противоречат", "expected_strict": "ожидается случайно (строгий порядок)",
    "expected_own_dates": "ожидается случайно (перестановка своих дат)", "p_chance": "p (случайность)",
    "verdict": "оценка", "pair": "пара", "before": "раньше", "tie": "в тот же год", "after": "позже",
    # 02: the gap on every country (C2)
    "GDP total: Spearman rho = {0}, p = {1}, n = {2}": "ВВП в целом: ро Спирмена = {0}, p = {1}, n = {2}",
    "GDP per capita: Spearman rho = {0}, p = {1}, n = {2}": "ВВП на душу населения: ро Спирмена = {0}, p = {1}, n = {2}",
    "liberalization minus institutions, EBRD points ({0}-{1})": "либерализация минус институты, пункты ЕБРР ({0}-{1})",
    "liberalization minus institutions, EBRD points ({0})": "либерализация минус институты, пункты ЕБРР ({0})",
    "trough of real GDP per capita, {0} = {1} (WDI)": "дно реального ВВП на душу населения, {0} = {1} (WDI)",
    "trough of real GDP per capita, {0} = {1} (PWT)": "дно реального ВВП на душу населения, {0} = {1} (PWT)",
    "trough of real GDP per capita, {0} = {1} (WEO)": "дно реального ВВП на душу населения, {0} = {1} (WEO)",
    "trough of real GDP per capita, {0} = {1} (MADDISON)": "дно реального ВВП на душу населения, {0} = {1} (Maddison)",
    "Trough vs the liberalization-institutions gap, every country":
        "Дно спада и разрыв между либерализацией и институтами, все страны",
    # ledger: C1 under every dating, C2 on every country
    "under the {0} datings of the areas (one EBRD threshold; each area's own range; each area's scale) {1}, {2}, {3} countries follow the order by {4}; each country's own dates in random order give {5}, {6}, {7} (p = {8}, {9}, {10}); a random order of four areas matches {11} time in {12}":
        "при {0} способах датировки направлений (единый порог ЕБРР; собственный диапазон направления; шкала направления) порядку следуют {1}, {2}, {3} стран к {4} г.; случайная перестановка собственных дат страны даёт {5}, {6}, {7} (p = {8}, {9}, {10}); случайный порядок четырёх направлений совпадает в {11} случае из {12}",
    "verdicts under the {0} datings (the first is the ledger's): {1} supported, {2} mixed, {3} contradicted":
        "оценки при {0} способах датировки (первый — основной): подтверждается {1}, неоднозначно {2}, опровергается {3}",
    "the mechanism is tested on every country ({0}, the non-liberalizers included): liberalization minus institutions averaged over {1}-{2} and the depth of the trough, Spearman rho = {3} (p = {4}; the claim needs a negative rho); per capita {5} (p = {6}); the old gap (years from liberalization, liberalizers only) rho = {7} (p = {8}); liberalization ahead of institutions in growth regressions: {9} pp (p = {10})":
        "механизм проверен на всех странах ({0}, включая не проводивших либерализацию): либерализация минус институты в среднем за {1}-{2} гг. и глубина спада, ро Спирмена = {3} (p = {4}; тезису нужно отрицательное ро); на душу населения {5} (p = {6}); прежний разрыв (годы от либерализации, только либерализовавшие) ро = {7} (p = {8}); либерализация впереди институтов в регрессиях роста: {9} п.п. (p = {10})",
    "C1: the rule is also applied under each dating of the reform areas (one EBRD threshold, each area's own range, each area's scale) and set against chance (a random order of four areas matches {0} time in {1})":
        "C1: правило применяется и при каждом способе датировки направлений реформ (единый порог ЕБРР, собственный диапазон направления, шкала направления) и сравнивается со случайностью (случайный порядок четырёх направлений совпадает в {0} случае из {1})",
    "C2: the mechanism is tested on the liberalization-institutions gap that keeps every country (mean over {0}-{1} of liberalization minus institutions); the gap dated from liberalization, which drops the non-liberalizers, is reported beside it":
        "C2: механизм проверяется на разрыве между либерализацией и институтами, сохраняющем все страны (среднее за {0}-{1} гг. разности либерализации и институтов); разрыв, отсчитываемый от либерализации и теряющий не проводивших её, приводится рядом",
    # ---- claims ledger (00_claims_ledger; src/transition/ledger.py) ----
    "Claim": "Тезис", "Evidence": "Данные", "Where": "Где", "Latest data": "Последние данные",
    "Latest data:": "Последние данные:", "As of the essay (~{0})": "На момент эссе (~{0})",
    "asof_essay": "на момент эссе", "latest": "последние данные",
    "Verdicts on the essay's ten claims": "Оценки десяти тезисов эссе", "Number of claims": "Число тезисов",
    "{0} of {1} countries reach the four areas in the essay's order (liberalization → stabilization → institutions → privatization) by {2}":
        "{0} из {1} стран прошли четыре направления в порядке эссе (либерализация → стабилизация → институты → приватизация) к {2} г.",
    "{0} of {1} countries reach the four areas in the essay's order (liberalization → stabilization → institutions → privatization) by {2}, the last EBRD year":
        "{0} из {1} стран прошли четыре направления в порядке эссе (либерализация → стабилизация → институты → приватизация) к {2} г., последнему году данных ЕБРР",
    "liberalization came before stabilization in {0} countries, in the same year in {1}, after it in {2}":
        "либерализация предшествовала стабилизации в {0} странах, совпала с ней по году в {1}, последовала за ней в {2}",
    "privatization reached the advanced level before institutions in {0} countries":
        "приватизация достигла продвинутого уровня раньше институтов в {0} странах",
    "the shallowest CIS trough is {0} ({1} = {2}, WDI): every CIS country lost {3}% of output or more; median CIS trough {4} vs {5} in Central Europe & Baltics":
        "самый неглубокий спад в СНГ — {0} ({1} = {2}, WDI): каждая страна СНГ потеряла {3}% выпуска или больше; медианное дно в СНГ {4} против {5} в ЦВЕ и Балтии",
    "in the year they liberalized, institutions lagged by {0} EBRD points in the CIS and {1} in Central Europe & Baltics (p = {2})":
        "в год либерализации институты отставали на {0} пункта шкалы ЕБРР в СНГ и на {1} в ЦВЕ и Балтии (p = {2})",
    "the liberalization-institutions gap and the depth of the trough: Spearman rho = {0} (p = {1}); liberalization ahead of institutions in growth regressions: {2} pp (p = {3})":
        "разрыв между либерализацией и институтами и глубина спада: ро Спирмена = {0} (p = {1}); либерализация впереди институтов в регрессиях роста: {2} п.п. (p = {3})",
    "median real GDP index in {0}: CIS {1}, Central Europe & Baltics {2} ({3} = {4})":
        "медианный индекс реального ВВП в {0} г.: СНГ {1}, ЦВЕ и Балтия {2} ({3} = {4})",
    "median real GDP index in the latest year: CIS {0}, Central Europe & Baltics {1} ({2} = {3})":
        "медианный индекс реального ВВП в последнем году: СНГ {0}, ЦВЕ и Балтия {1} ({2} = {3})",
    "governance's share of explained variance (Shapley) against resources: gdp index {0} {1}; growth {2} {3} {4}":
        "доля объяснённой дисперсии (по Шепли), приходящаяся на качество управления, против ресурсов: индекс ВВП {0} г. — {1}; рост {2}-{3} гг. — {4}",
    "needs trade among the former republics by partner, which no source in the mirror provides":
        "нужны данные о торговле между бывшими республиками по партнёрам, которых нет ни в одном из источников",
    "needs bilateral trade and tariff data, which no source in the mirror provides":
        "нужны данные о двусторонней торговле и тарифах, которых нет ни в одном из источников",
    "median CIS manufactures share of merchandise exports {0}%; fuel + ores & metals {1}% vs {2}% in Central Europe & Baltics":
        "медианная доля готовых изделий в товарном экспорте СНГ {0}%; топливо, руды и металлы — {1}% против {2}% в ЦВЕ и Балтии",
    "manufactures + food exceed half of merchandise imports in {0} of {1} CIS countries":
        "готовые изделия и продовольствие превышают половину товарного импорта в {0} из {1} стран СНГ",
    "manufactures + food are {0}% of the median CIS country's merchandise imports ({1})":
        "готовые изделия и продовольствие составляют {0}% товарного импорта медианной страны СНГ ({1})",
    "Economic Complexity Index, median: CIS {0}, Central Europe & Baltics {1}":
        "Индекс экономической сложности, медиана: СНГ {0}, ЦВЕ и Балтия {1}",
    "share of total CIS exports of goods and services ({0}-{1}): Russia {2}% (essay {3}%), Ukraine {4}% ({5}%), Kazakhstan {6}% ({7}%); {8} of {9} others within {10}-{11}%":
        "доля в совокупном экспорте товаров и услуг СНГ ({0}-{1}): Россия {2}% (в эссе {3}%), Украина {4}% ({5}%), Казахстан {6}% ({7}%); {8} из {9} остальных — в пределах {10}-{11}%",
    "share of total CIS exports of goods and services (latest period): Russia {0}% (essay {1}%), Ukraine {2}% ({3}%), Kazakhstan {4}% ({5}%); {6} of {7} others within {8}-{9}%":
        "доля в совокупном экспорте товаров и услуг СНГ (последний период): Россия {0}% (в эссе {1}%), Украина {2}% ({3}%), Казахстан {4}% ({5}%); {6} из {7} остальных — в пределах {8}-{9}%",
    "export volumes grew {0}-{1} in {2} of {3} CIS countries; {4} of the essay's {5} exceptions did not grow":
        "физический объём экспорта вырос за {0}-{1} гг. в {2} из {3} стран СНГ; {4} из {5} названных в эссе исключений не выросли",
    "the data measure total exports, the essay exports outside the CIS":
        "данные измеряют весь экспорт, эссе — экспорт за пределы СНГ",
    "{0} blocs active among the {1} CIS countries in {2}; the largest sub-regional bloc has {3} members; {4} countries belong to two or more":
        "блоков, действующих среди {1} стран СНГ в {2} г.: {0}; в крупнейшем субрегиональном блоке {3} членов; в двух блоках и более состоят {4} стран(ы)",
    "{0} blocs active among the {1} CIS countries in the latest year; the largest sub-regional bloc has {2} members; {3} countries belong to two or more":
        "блоков, действующих среди {1} стран СНГ в последнем году: {0}; в крупнейшем субрегиональном блоке {2} членов; в двух блоках и более состоят {3} стран(ы)",
    "Russia {0}% of CIS GDP; Kazakhstan {1}% of Central Asian Cooperation Organization GDP ({2})":
        "Россия — {0}% ВВП СНГ; Казахстан — {1}% ВВП Организации центральноазиатского сотрудничества ({2})",
    "Russia {0}% of EAEU GDP; no Central Asian bloc remains (CACO merged into EurAsEC); Kazakhstan has {1}% of EAEU GDP":
        "Россия — {0}% ВВП ЕАЭС; центральноазиатского блока больше нет (ОЦАС влилась в ЕврАзЭС); у Казахстана {1}% ВВП ЕАЭС",
    "median EBRD average in {0}: EurAsEC members {1}, other CIS {2}":
        "медиана среднего индикатора ЕБРР в {0} г.: члены ЕврАзЭС {1}, прочие страны СНГ {2}",
    "a recommendation (study the EU's experience), not a statement of fact":
        "это рекомендация (изучать опыт ЕС), а не утверждение о фактах",
    "for comparison, median EBRD average in {0}: EAEU members {1}, countries that joined the EU in {2} {3}":
        "для сравнения, медиана среднего индикатора ЕБРР в {0} г.: члены ЕАЭС {1}, страны, вступившие в ЕС в {2} г., {3}",
    "C1: supported if at least {0}% of countries follow the essay's order, contradicted below {1}%":
        "C1: подтверждается, если порядку эссе следуют не менее {0}% стран; опровергается, если менее {1}%",
    "C2: a substantial loss is a trough below {0} ({1} = {2}; Barro & Ursúa {3}); the mechanism needs a significant (p < {4}) association with the claimed sign":
        "C2: значительная потеря — дно ниже {0} ({1} = {2}; Barro & Ursúa {3}); механизм требует значимой (p < {4}) связи с заявленным знаком",
    "C3: a group has emerged from the crisis at a median index of {0}; governance explains more when its Shapley share of R² exceeds that of resources":
        "C3: группа вышла из кризиса при медианном индексе {0}; качество управления объясняет больше, если его доля R² по Шепли выше, чем у ресурсов",
    "C3: as of the essay the gap holds when the resource-rich CIS median real GDP index is below {0} and that of resource-poor Central Europe & Baltics at or above it; with the latest data it persists when the resource-rich CIS median is still below; governance explains the gap when its Shapley share of R² exceeds that of resources":
        "C3: на момент эссе разрыв есть, если медианный индекс реального ВВП богатого ресурсами СНГ ниже {0}, а бедных ресурсами ЦВЕ и Балтии — не ниже; по последним данным разрыв сохраняется, если медиана богатого ресурсами СНГ всё ещё ниже; качество управления объясняет разрыв, если его доля R² по Шепли выше, чем у ресурсов",
    "median real GDP index in {0} ({1} = {2}): resource-rich CIS {3}, resource-poor Central Europe & Baltics {4}, with South-East Europe {5}; per capita in {6}: {7} vs {8}":
        "медианный индекс реального ВВП в {0} г. ({1} = {2}): богатое ресурсами СНГ {3}, бедные ресурсами ЦВЕ и Балтия {4}, вместе с Юго-Восточной Европой {5}; на душу населения в {6} г.: {7} против {8}",
    "governance's Shapley share of R² against resources, gdp index {0}: {1} (index measured from {2}, after the collapse); {3} with Freedom House {4}-{5}, measured before it; {6} per capita":
        "доля R² по Шепли, приходящаяся на качество управления, против ресурсов, индекс ВВП {0} г.: {1} (индекс измерен с {2} г., после спада); {3} с Freedom House {4}-{5} гг., измеренным до него; {6} на душу населения",
    "governance's Shapley share of R² against resources, growth {0} {1}: {2} (index measured from {3}, after the collapse); {4} with Freedom House {5}-{6}, measured before it; {7} per capita":
        "доля R² по Шепли, приходящаяся на качество управления, против ресурсов, рост {0}-{1} гг.: {2} (индекс измерен с {3} г., после спада); {4} с Freedom House {5}-{6} гг., измеренным до него; {7} на душу населения",
    "the gap the essay saw persists: the resource-rich CIS median is still below resource-poor Central Europe & Baltics'":
        "разрыв, который видело эссе, сохраняется: медиана богатого ресурсами СНГ всё ещё ниже, чем у бедных ресурсами ЦВЕ и Балтии",
    "the gap the essay saw does not persist: the resource-rich CIS median is no longer below resource-poor Central Europe & Baltics'":
        "разрыв, который видело эссе, не сохранился: медиана богатого ресурсами СНГ больше не ниже, чем у бедных ресурсами ЦВЕ и Балтии",
    "{0}% bootstrap intervals ({1} resamples of countries), median real GDP index in {2}: resource-rich CIS [{3}, {4}], resource-poor Central Europe & Baltics [{5}, {6}], difference [{7}, {8}]":
        "{0}%-ные бутстреп-интервалы ({1} перевыборок стран), медианный индекс реального ВВП в {2} г.: богатое ресурсами СНГ [{3}, {4}], бедные ресурсами ЦВЕ и Балтия [{5}, {6}], разница [{7}, {8}]",
    "{0}% bootstrap interval of governance's Shapley share, gdp index {1}: [{2}, {3}]; governance explains more in {4}% of resamples":
        "{0}%-ный бутстреп-интервал доли качества управления по Шепли, индекс ВВП {1} г.: [{2}, {3}]; качество управления объясняет больше в {4}% перевыборок",
    "{0}% bootstrap interval of governance's Shapley share, growth {1} {2}: [{3}, {4}]; governance explains more in {5}% of resamples":
        "{0}%-ный бутстреп-интервал доли качества управления по Шепли, рост {1}-{2} гг.: [{3}, {4}]; качество управления объясняет больше в {5}% перевыборок",
    "C5: exports rest on raw materials when the median CIS manufactures share is below {0}% and fuel + ores are at least {1}× the CEE share; imports are processed when manufactures + food exceed {2}% in at least {3}% of CIS countries":
        "C5: экспорт сырьевой, если медианная доля готовых изделий в СНГ ниже {0}%, а доля топлива и руд не менее чем в {1} раза выше, чем в ЦВЕ; импорт — высокой переработки, если готовые изделия и продовольствие превышают {2}% не менее чем в {3}% стран СНГ",
    "C6: shares match within {0} percentage points and {1}% of the other countries fall in {2}-{3}%; exports grew in almost all when at least {4}% grew and {5} of the {6} exceptions did not":
        "C6: доли совпадают с точностью до {0} п.п., и {1}% остальных стран попадают в {2}-{3}%; экспорт вырос «почти у всех», если он вырос не менее чем у {4}% стран, а {5} из {6} исключений не выросли",
    "C8: at least {0} blocs among the CIS countries and none covering all {1}":
        "C8: не менее {0} блоков среди стран СНГ, и ни один не охватывает все {1}",
    "C9: a core holds at least {0}% of bloc GDP; membership tracks reform when members lead by one EBRD step ({1})":
        "C9: ядро — не менее {0}% ВВП блока; членство следует за реформами, если члены опережают остальных на одну ступень шкалы ЕБРР ({1})",
    "Two-part claims: both parts hold → supported; one → mixed; none → contradicted":
        "Тезисы из двух частей: верны обе → подтверждается; одна → неоднозначно; ни одной → опровергается",
    "Of the essay's ten claims, as of its own time {0} are supported by the data, {1} get a mixed verdict, {2} are contradicted and {3} cannot be tested with these data. With the latest data the counts are {4}, {5}, {6} and {7}.":
        "Из десяти тезисов эссе на момент его написания данные подтверждают {0}, неоднозначны {1}, опровергают {2}, а {3} не проверяются на этих данных. По последним данным — соответственно {4}, {5}, {6} и {7}.",
    "The verdict changes for:": "Оценка меняется для:", "no claim": "ни одного тезиса",
    "fig": "рис.",
    # ---- 08 trade partners (chapters/trade_partners.py) and claims C4, C7 of the ledger ----
    "Trade among the former Soviet republics: each country's share of its total trade":
        "Торговля между бывшими советскими республиками: доля каждой страны в её общей торговле",
    "share of trade with the other former republics, %": "доля торговли с другими бывшими республиками, %",
    "customs-union break (RUS, BLR, KAZ)": "разрыв из-за таможенного союза (RUS, BLR, KAZ)",
    "essay ({0})": "эссе ({0})", "median": "медиана",
    "Kazakhstan's trade partners (exports + imports)": "Торговые партнёры Казахстана (экспорт + импорт)",
    "By partner group": "По группам партнёров", "The {0} largest partners (ISO3)": "{0} крупнейших партнёров (ISO3)",
    "share of Kazakhstan's total trade, %": "доля в общей торговле Казахстана, %",
    "Russia": "Россия", "China": "Китай", "EU (members of each year)": "ЕС (члены в каждом году)",
    "other former republics": "другие бывшие республики", "rest of the world": "остальной мир",
    "Kazakhstan's import tariffs (no data before {0})": "Импортные тарифы Казахстана (данных до {0} г. нет)",
    "weighted-mean tariff, all products, %": "средневзвешенный тариф, все товары, %",
    "applied": "применяемый", "most-favoured-nation": "режим наибольшего благоприятствования",
    "customs union": "таможенный союз",
    "partner": "партнёр", "exports": "экспорт", "imports": "импорт", "total": "всего", "share": "доля", "rank": "место",
    "share_fsu": "доля бывших республик", "share_russia": "доля России", "share_eu": "доля ЕС",
    "share_china": "доля Китая", "share_rest": "доля остального мира", "n_countries": "число стран",
    "start_year": "первый полный год", "start_pct": "доля в первый год, %", "essay_pct": "доля в 2002 г., %",
    "end_year": "последний год", "end_pct": "доля в последний год, %", "fall_to_essay_pp": "падение к 2002 г., п.п.",
    "fall_to_end_pp": "падение к последнему году, п.п.", "pp_per_year_to_essay": "п.п. в год до 2002 г.",
    "half_fall_year": "год половины падения", "top_partner": "главный партнёр", "top_share": "доля главного партнёра",
    "main_share": "доля России", "main_rank": "место России", "n_ranked": "партнёров в рейтинге",
    "has_recorded_zero": "нулевой поток (пропуск)", "has_break": "разрыв (таможенный союз)",
    "wdi_tariff_applied_wm": "применяемый тариф, %", "wdi_tariff_mfn_wm": "тариф РНБ, %",
    "median CIS share of trade with the other former republics: {0}% in the first complete year ({1}-{2}), {3}% in {4}; median fall {5} percentage points, lower in {6} of {7} CIS countries":
        "медианная доля торговли стран СНГ с другими бывшими республиками: {0}% в первый полный год ({1}–{2}), {3}% в {4} г.; медианное падение {5} п.п., доля ниже у {6} из {7} стран СНГ",
    "Russia's median share of a CIS country's trade {0}%, the EU's {1}%, China's {2}%; Baltic median share with the former republics {3}%, with the EU {4}%":
        "медианная доля России в торговле страны СНГ {0}%, ЕС {1}%, Китая {2}%; медианная доля стран Балтии с бывшими республиками {3}%, с ЕС {4}%",
    "COW flows start in {0}, after the union's own ties had already loosened, and most flows among the former republics are recorded as {1} in {2}-{3} (treated as missing); 'market principles' cannot be seen in trade flows":
        "потоки COW начинаются в {0} г., когда союзные связи уже ослабли, а большинство потоков между бывшими республиками в {2}–{3} гг. записаны как {1} (считаются пропусками); «рыночные принципы» в торговых потоках не видны",
    "Russia ranks first in Kazakhstan's total trade in {0} of {1} years ({2}-{3}); in {4} Russia's share is {5}% (rank {6}), China's {7}%, the EU's {8}%":
        "Россия — первый партнёр Казахстана по общему товарообороту в {0} из {1} лет ({2}–{3}); в {4} г. доля России {5}% (место {6}), Китая {7}%, ЕС {8}%",
    "no tariff data for Kazakhstan before {0}: the tariff part is not testable, the verdict rests on the partner part":
        "данных о тарифах Казахстана до {0} г. нет: часть о тарифах не проверяется, оценка опирается на часть о партнёрах",
    "applied weighted-mean tariff {0}% in {1}, {2}% in {3} (customs union), {4}% in {5} (WTO), {6}% in {7}; MFN {8}%, {9}%, {10}%, {11}%":
        "применяемый средневзвешенный тариф {0}% в {1} г., {2}% в {3} г. (таможенный союз), {4}% в {5} г. (ВТО), {6}% в {7} г.; РНБ {8}%, {9}%, {10}%, {11}%",
    "the 1990s tariff cuts the essay describes are before the data; whether tariffs changed 'to trade more with Russia' is not observable":
        "снижение тарифов в 1990-е годы, о котором пишет эссе, предшествует данным; менялись ли тарифы «ради торговли с Россией», не наблюдаемо",
    "C4: the ties broke when the median CIS share of trade with the other former republics fell by at least {0} percentage points; relations were rebuilt, not abandoned, when that median share is still at least {1}%":
        "C4: связи разорваны, если медианная доля торговли стран СНГ с другими бывшими республиками упала не менее чем на {0} п.п.; отношения перестроены, а не утрачены, если эта медианная доля всё ещё не ниже {1}%",
    "C7: Russia is the main partner when it ranks first in at least {0}% of the years judged (through {1}; the last {2} years with the latest data); tariffs were lowered when the latest applied tariff is at least {3} points below {4}; a part the data cannot test leaves the verdict to the other part":
        "C7: Россия — главный партнёр, если она на первом месте не менее чем в {0}% учтённых лет (по {1} г.; по последним данным — в последние {2} года); тарифы снижены, если последний применяемый тариф ниже уровня {4} г. не менее чем на {3} п.п.; часть, которую данные не проверяют, оставляет оценку другой части",
    # ---- rendered site (src/transition/site.py) ----
    "The post-communist transition: reform sequencing and outcomes": "Посткоммунистическая трансформация: последовательность реформ и их результаты",
    "A research compendium comparing how the CIS economies and the Central/Eastern European and Baltic economies sequenced their reforms, and what followed. Each notebook is the executed default run; re-run any of them with other parameters with":
        "Исследовательский компендиум: как страны СНГ, Центральной и Восточной Европы и Балтии выстраивали последовательность реформ и к чему это привело. Каждая тетрадь — исполненный расчёт с параметрами по умолчанию; перезапустить любую с другими параметрами можно командой",
    "Code: MIT. Text, figures and tables: CC BY 4.0. Rendered from the executed notebooks by":
        "Код: MIT. Тексты, рисунки и таблицы: CC BY 4.0. Сайт собран из исполненных тетрадей командой",
    "All notebooks": "Все тетради", "Notebooks": "Тетради",
    "The essay's claims against the data": "Тезисы эссе и данные",
    # ---- 09 robustness (chapters/robustness.py) and the ledger's robustness column ----
    "As of": "На момент",
    "Dating of areas": "Датировка областей",
    "EBRD threshold": "Порог ЕБРР",
    "Inflation threshold, %": "Порог инфляции, %",
    "Years sustained": "Лет подряд",
    "Ties": "Совпадения",
    "Never high inflation": "Без высокой инфляции",
    "Stabilization rule": "Правило стабилизации",
    "GDP source": "Источник ВВП",
    "Base year": "Базовый год",
    "Horizon, years": "Горизонт, лет",
    "Loss threshold, index": "Порог потерь, индекс",
    "Reform gap": "Разрыв реформ",
    "Resource measures": "Меры ресурсов",
    "Governance measures": "Меры управления",
    "Index method": "Метод индекса",
    "Resource-rich from rents, % of GDP": "Богатые ресурсами: рента, % ВВП",
    "East incl. SEE": "Восток вкл. ЮВЕ",
    "latest data": "последние данные",
    "all": "все",
    "CIS and CEE": "СНГ и ЦВЕ",
    "one threshold": "один порог",
    "own range": "свой диапазон",
    "area's scale": "шкала области",
    "weak": "нестрогое",
    "strict": "строгое",
    "left out": "исключены",
    "first year": "первый год",
    "first run": "первый период",
    "durable": "устойчивый",
    "Maddison": "Мэддисон",
    "mean 1990-95": "среднее 1990-95",
    "in {0}": "в {0} г.",
    "per capita": "на душу",
    "rents": "рента",
    "export shares": "доли экспорта",
    "Freedom House": "Фридом Хаус",
    "mean of z-scores": "среднее стандартизованных оценок",
    "first component": "первая компонента",
    "yes": "да",
    "no": "нет",
    "Share of specifications, %": "Доля спецификаций, %",
    "Verdicts across each claim's specifications": "Вердикты по спецификациям каждого тезиса",
    "Share of countries (0-1)": "Доля стран (0-1)",
    "Spearman rho": "ρ Спирмена",
    "error": "ошибка",
    "Governance share of R² (0-1)": "Доля управления в R² (0-1)",
    "countries in the essay's order": "страны в порядке эссе",
    "reform gap vs output trough": "разрыв реформ и дно выпуска",
    "governance's Shapley share of R²": "доля управления в R² по Шепли",
    "Source: multiverse of this compendium (results/multiverse_*.csv).": "Источник: множество спецификаций этого компендиума (results/multiverse_*.csv).",
    "specification curve ({0} specifications)": "кривая спецификаций ({0} спецификаций)",
    "default specification": "спецификация по умолчанию",
    "Specification (rank of the estimate)": "Спецификация (ранг оценки)",
    "Specifications per claim": "Спецификаций на тезис",
    "the EBRD scores and reform areas (hence the reform gap) permuted across countries": "оценки ЕБРР и области реформ (а значит, разрыв реформ) переставлены между странами",
    "the governance measures permuted across countries": "меры качества управления переставлены между странами",
    "claim": "тезис",
    "as_of": "на момент",
    "n_total": "всего",
    "default_verdict": "вердикт по умолчанию",
    "choice": "выбор",
    "claimed_sign": "заявленный знак",
    "n_in_multiverse": "всего спецификаций",
    "n_specifications": "спецификаций",
    "n_permutations": "перестановок",
    "observed_median": "наблюдаемая медиана",
    "observed_share_significant": "доля значимых",
    "null_median_median": "медиана при нуле",
    "p_median": "p медианы",
    "p_share_significant": "p доли значимых",
    "r2_one_way": "R² одного выбора",
    "shapley_share": "доля по Шепли",
    "r2_additive": "R² аддитивной модели",
    "n_pairs": "пар",
    "share_changed": "доля смен вердикта",
    "item": "показатель",
    "value": "значение",
    "claim_id": "тезис",
    "robustness_asof_essay": "устойчивость на момент эссе",
    "robustness_latest": "устойчивость по последним данным",
    "supported in {0}% of {1} specifications": "подтверждается в {0}% из {1} спецификаций",
    "mixed in {0}% of {1} specifications": "неоднозначно в {0}% из {1} спецификаций",
    "contradicted in {0}% of {1} specifications": "опровергается в {0}% из {1} спецификаций",
    "not testable with these data in {0}% of {1} specifications": "не проверяется этими данными в {0}% из {1} спецификаций",
}
# The displayed tables' headers (kept in their own module); an entry above wins.
CATALOGUE.update({key: text for key, text in TABLE_HEADERS.items() if key not in CATALOGUE})


def translate(text: str, lang: str) -> str:
    """``text`` in ``lang``: catalogue entry, else numeric template, else line by line, else unchanged."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if lang == "en" or not isinstance(text, str) or not text.strip():
        return text
    if text in CATALOGUE:
        return CATALOGUE[text]
    numbers = _NUMBER.findall(text)
    if numbers:
        template = _NUMBER.sub(lambda _m, c=iter(range(len(numbers))): "{" + str(next(c)) + "}", text)
        if template in CATALOGUE:
            return CATALOGUE[template].format(*numbers)
    if "\n" in text:
        return "\n".join(translate(line, lang) for line in text.split("\n"))
    if text.startswith("Source: "):
        return CATALOGUE["Source:"] + text[len("Source:"):]
    if _needs_translation(text):
        _MISSING.add(text)
    return text


def _needs_translation(text: str) -> bool:
    """Latin words other than ISO3 codes, units and symbols need a translation (not mathtext: "$10^{2}$")."""
    if len(text) > 1 and text.startswith("$") and text.endswith("$"):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'&-]*", text)
    return any(not (word.isupper() and len(word) <= 4) for word in words)


def missing() -> list[str]:
    """Texts met by :func:`translate` (with lang ``ru``) that have no catalogue entry."""
    return sorted(_MISSING)


def translate_figure(fig, lang: str) -> None:
    """Translate every text of a matplotlib figure in place (titles, labels, ticks, legends, notes)."""
    if lang == "en":
        return
    from matplotlib.text import Text

    fig.canvas.draw()  # tick labels exist only once the figure has been drawn
    for artist in fig.findobj(Text):
        artist.set_text(translate(artist.get_text(), lang))
    for ax in fig.axes:  # tick labels are regenerated at draw time unless fixed here
        for axis, limits, set_limits in ((ax.xaxis, ax.get_xlim(), ax.set_xlim), (ax.yaxis, ax.get_ylim(), ax.set_ylim)):
            texts = [label.get_text() for label in axis.get_ticklabels()]
            labels = [translate(text, lang) for text in texts]
            if labels != texts:  # only axes with words are fixed; numeric ticks stay live
                axis.set_ticks(axis.get_ticklocs())
                axis.set_ticklabels(labels)
                set_limits(limits)  # fixing ticks must not widen the axis to ticks outside the view


def translate_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy of ``frame`` with its headers translated: column labels, row labels and the names of both
    axes (every level of a MultiIndex); cell values unchanged."""
    if lang == "en":
        return frame

    def one(label):
        return translate(label, lang) if isinstance(label, str) else label

    renamed = frame.rename(columns=one, index=one)
    renamed.columns.names = [one(n) for n in renamed.columns.names]
    renamed.index.names = [one(n) for n in renamed.index.names]
    return renamed
