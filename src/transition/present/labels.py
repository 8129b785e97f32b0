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

from transition.data.vocabulary import country_names
from transition.present.labels_claims import CLAIMS_TEXTS
from transition.present.labels_published import PUBLISHED_TEXTS
from transition.present.labels_real_time import REAL_TIME_TEXTS
from transition.present.table_labels import TABLE_HEADERS

LANGS = ("en", "ru")
# A number stands alone or inside a snake_case name ("gdp_index_2000"), never glued to letters ("hs92").
_NUMBER = re.compile(r"(?<![A-Za-z0-9.])[-−]?\d+(?:[.,]\d+)?(?![A-Za-z0-9])")
_MISSING: set[str] = set()
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")

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
    "supported in part": "подтверждается частично",
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
    "pooled_initial": "МНК, начальные условия", "pooled_initial_full": "МНК, все начальные условия",
    "fe_main": "FE, основная", "fe_areas": "FE, направления", "fe_distributed_lag": "FE, распределённый лаг",
    "fe_feedback": "FE, обратная связь", "pooled OLS with year effects": "объединённый МНК с эффектами года",
    "EBRD scores after {0} carried forward ({1} obs)": "оценки ЕБРР после {0} г. продлены ({1} набл.)",
    "{0} countries": "{0} стран",
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
    "CIS goods exports to partners outside the CIS: each country's share (IMF DOTS, countries' own records)":
        "Товарный экспорт СНГ партнёрам за пределами СНГ: доля каждой страны (IMF DOTS, собственные данные стран)",
    "dotted: years with a member missing or in the customs-union break":
        "точками — годы без данных по одной из стран или в разрыве таможенного союза",
    "The essay's named exporters": "Экспортёры, названные в эссе",
    "The other nine (log scale)": "Остальные девять (логарифмическая шкала)",
    "closest to the essay ({0})": "ближе всего к эссе ({0})",
    "essay: 0.3–3%": "эссе: 0,3–3%",
    "share of CIS goods exports outside the CIS, % (essay: dashed)": "доля в товарном экспорте СНГ за пределы СНГ, % (эссе — пунктир)",
    "distance_pp": "расхождение с эссе, п.п.",
    "exceptions_not_grown": "исключения эссе без роста",
    "n_grew": "n (рост)",
    "n_known": "n (с данными)",
    "not_grown": "без роста",
    "others": "остальные",
    "others_in_range": "остальные в диапазоне эссе",
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
    "the mechanism is tested on every country ({0}, the non-liberalizers included): liberalization minus institutions averaged over {1}-{2} and the depth of the trough, Spearman rho = {3} (p = {4}; the claim needs a negative rho); per capita {5} (p = {6}); liberalization ahead of institutions in growth regressions with data to {7}: {8} pp (p = {9})":
        "механизм проверен на всех странах ({0}, включая не проводивших либерализацию): либерализация минус институты в среднем за {1}-{2} гг. и глубина спада, ро Спирмена = {3} (p = {4}; тезису нужно отрицательное ро); на душу населения {5} (p = {6}); либерализация впереди институтов в регрессиях роста по данным до {7} г.: {8} п.п. (p = {9})",
    "the old gap (years from liberalization, liberalizers only): rho = {0} (p = {1})":
        "прежний разрыв (годы от либерализации, только либерализовавшие): ро = {0} (p = {1})",
    "C1: the rule is also applied under each dating of the reform areas (one EBRD threshold, each area's own range, each area's scale) and set against chance (a random order of four areas matches {0} time in {1})":
        "C1: правило применяется и при каждом способе датировки направлений реформ (единый порог ЕБРР, собственный диапазон направления, шкала направления) и сравнивается со случайностью (случайный порядок четырёх направлений совпадает в {0} случае из {1})",
    "C2: the mechanism is tested on the liberalization-institutions gap that keeps every country (mean over {0}-{1} of liberalization minus institutions); the gap dated from liberalization, which drops the non-liberalizers, is reported beside it":
        "C2: механизм проверяется на разрыве между либерализацией и институтами, сохраняющем все страны (среднее за {0}-{1} гг. разности либерализации и институтов); разрыв, отсчитываемый от либерализации и теряющий не проводивших её, приводится рядом",
}
# The claims' and the later chapters' texts, the displayed tables' headers, the published record's cells
# (kept in their own modules), then the countries' names (data/countries.csv); an entry above wins.
for _part in (CLAIMS_TEXTS, TABLE_HEADERS, REAL_TIME_TEXTS, PUBLISHED_TEXTS, country_names("ru")):
    CATALOGUE.update({key: text for key, text in _part.items() if key not in CATALOGUE})


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

    def once(text: str) -> str:  # a text a chapter drew in Russian already (names kept: "Penn World Table")
        return text if _CYRILLIC.search(text) else translate(text, lang)

    for artist in fig.findobj(Text):
        artist.set_text(once(artist.get_text()))
    for ax in fig.axes:  # tick labels are regenerated at draw time unless fixed here
        for axis, limits, set_limits in ((ax.xaxis, ax.get_xlim(), ax.set_xlim), (ax.yaxis, ax.get_ylim(), ax.set_ylim)):
            texts = [label.get_text() for label in axis.get_ticklabels()]
            labels = [once(text) for text in texts]
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
