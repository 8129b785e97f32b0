"""Russian texts of the claims ledger (00), the trade-partner chapter (08), the site and the robustness
chapter (09): part of the one label catalogue (:data:`transition.present.labels.CATALOGUE` merges them),
kept in their own module so that neither file grows past the house limit.
"""
from __future__ import annotations

CLAIMS_TEXTS: dict[str, str] = {
    # ---- claims ledger (00_claims_ledger; src/transition/ledger.py) ----
    "no single choice flips the verdict": "ни один отдельный выбор не меняет вердикт",
    "inconclusive": "данные не позволяют решить", "too early": "слишком рано", "no data": "нет данных",
    "p = {0} for the median estimate, {1} for the share significant ({2} permutations of {3} specifications)":
        "p = {0} для медианной оценки, {1} для доли значимых ({2} перестановок по {3} спецификациям)",
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
    "the export-share period compared with the essay ends after {0}: run notebook {1} with a first period that ends by then":
        "период долей экспорта, сравниваемый с эссе, кончается после {0} г.: запустите тетрадь {1} с первым периодом, кончающимся не позже",
    "{0} agreements, too few for an interval: from {1} to {2} years each (an agreement not yet working: the years waited so far)":
        "соглашений: {0}, слишком мало для интервала: от {1} до {2} лет каждое (для ещё не действующего — срок ожидания на сегодня)",
    "{0}% Clopper-Pearson interval of the share of countries that follow the essay's order: [{1}%, {2}%]":
        "{0}%-й интервал Клоппера — Пирсона для доли стран, следующих порядку эссе: [{1}%, {2}%]",
    "{0}% bootstrap intervals ({1} resamples of countries), CIS median manufactures share of exports [{2}, {3}]% ({4}, fuel + ores {5}), fuel + ores & metals: CIS [{6}, {7}]%, Central Europe & Baltics [{8}, {9}]%; processed share of CIS imports [{10}, {11}]%":
        "{0}%-е бутстреп-интервалы ({1} повторных выборок стран): медианная доля готовых изделий в экспорте СНГ [{2}, {3}]% ({4} г., топливо + руды {5} г.), топливо + руды и металлы: СНГ [{6}, {7}]%, ЦВЕ и Балтия [{8}, {9}]%; доля обработанных товаров в импорте СНГ [{10}, {11}]%",
    "{0}% bootstrap intervals ({1} resamples of countries), CIS median manufactures share of exports [{2}, {3}]%, fuel + ores & metals: CIS [{4}, {5}]%, Central Europe & Baltics [{6}, {7}]%":
        "{0}%-е бутстреп-интервалы ({1} повторных выборок стран): медианная доля готовых изделий в экспорте СНГ [{2}, {3}]%, топливо + руды и металлы: СНГ [{4}, {5}]%, ЦВЕ и Балтия [{6}, {7}]%",
    "{0}% bootstrap intervals ({1} resamples of countries), CIS median share of trade with the other former republics [{2}, {3}]%, median fall [{4}, {5}] percentage points":
        "{0}%-е бутстреп-интервалы ({1} повторных выборок стран): медианная доля торговли СНГ с другими бывшими республиками [{2}, {3}]%, медианное снижение [{4}, {5}] п.п.",
    "{0}% bootstrap intervals ({1} resamples of countries), median EBRD average in {2}, EurAsEC members minus the other CIS countries: [{3}, {4}]":
        "{0}%-е бутстреп-интервалы ({1} повторных выборок стран): медианный средний индекс ЕБРР в {2} г., члены ЕврАзЭС минус остальные страны СНГ: [{3}, {4}]",
    "{0}% bootstrap intervals ({1} resamples of countries), median trough: CIS [{2}, {3}], Central Europe & Baltics [{4}, {5}], difference [{6}, {7}]":
        "{0}%-е бутстреп-интервалы ({1} повторных выборок стран), медианное дно спада: СНГ [{2}, {3}], ЦВЕ и Балтия [{4}, {5}], разница [{6}, {7}]",
    "{0}% interval of Spearman rho (gap {1}-{2} and trough; Fisher z, Bonett-Wright SE): [{3}, {4}]; of the liberalization-ahead coefficient (SE clustered by country): [{5}, {6}] pp":
        "{0}%-й интервал ро Спирмена (разрыв {1}-{2} гг. и дно спада; z Фишера, ст. ошибка Бонетта — Райта): [{3}, {4}]; коэффициента опережающей либерализации (ст. ошибки, кластеризованные по странам): [{5}, {6}] п.п.",
    "Kazakhstan's partners in every year of the data (a census): no sampling interval; the uncertainty is the mirror statistics of COW's flows":
        "партнёры Казахстана во все годы данных (сплошное наблюдение): выборочного интервала нет; неопределённость — в зеркальной статистике потоков COW",
    "a count of blocs from dated treaties: no sampling interval":
        "число блоков по датированным договорам: выборочного интервала нет",
    "shares of the total exports of the CIS countries with data (a census, not a sample): no sampling interval; the uncertainty is measurement (exchange rates, vintages: see notebook {0})":
        "доли в общем экспорте стран СНГ с данными (сплошное наблюдение, не выборка): выборочного интервала нет; неопределённость — в измерении (валютные курсы, выпуски данных: см. блокнот {0})",
    "the CIS median fall: its interval spans the rule's threshold of {0}, so that part of the verdict is within sampling error":
        "медианное снижение в СНГ: интервал накрывает порог правила {0}, так что эта часть вердикта в пределах выборочной ошибки",
    "the CIS median share: its interval spans the rule's threshold of {0}, so that part of the verdict is within sampling error":
        "медианная доля СНГ: интервал накрывает порог правила {0}, так что эта часть вердикта в пределах выборочной ошибки",
    "the CIS median manufactures share: its interval spans the rule's threshold of {0}, so that part of the verdict is within sampling error":
        "медианная доля готовых изделий в СНГ: интервал накрывает порог правила {0}, так что эта часть вердикта в пределах выборочной ошибки",
    "the members' lead: its interval spans the rule's threshold of {0}, so that part of the verdict is within sampling error":
        "перевес членов: интервал накрывает порог правила {0}, так что эта часть вердикта в пределах выборочной ошибки",
    "the resource-poor median: its interval spans the rule's threshold of {0}, so that part of the verdict is within sampling error":
        "медиана бедных ресурсами: интервал накрывает порог правила {0}, так что эта часть вердикта в пределах выборочной ошибки",
    "the resource-rich CIS median: its interval spans the rule's threshold of {0}, so that part of the verdict is within sampling error":
        "медиана богатых ресурсами стран СНГ: интервал накрывает порог правила {0}, так что эта часть вердикта в пределах выборочной ошибки",
    "the rich-minus-poor difference: its interval spans the rule's threshold of {0}, so that part of the verdict is within sampling error":
        "разница богатых и бедных ресурсами: интервал накрывает порог правила {0}, так что эта часть вердикта в пределах выборочной ошибки",
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
    "Outcome of the gap": "Показатель разрыва",
    "Central & SE Europe": "Центральная и Юго-Восточная Европа",
    "Central Europe & Baltics": "Центральная Европа и Балтия",
    "CE, Baltics & SEE": "ЦЕ, Балтия и ЮВЕ",
    "the ledger's": "как в реестре",
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
    "each country's own area dates in a random order": "собственные даты областей реформ каждой страны в случайном порядке",
    "seed": "начальное значение",
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
    "intervals_asof_essay": "интервалы на момент эссе", "intervals_latest": "интервалы по последним данным",
    "robustness_asof_essay": "устойчивость на момент эссе",
    "robustness_latest": "устойчивость по последним данным",
    "supported in {0}% of {1} specifications": "подтверждается в {0}% из {1} спецификаций",
    "mixed in {0}% of {1} specifications": "неоднозначно в {0}% из {1} спецификаций",
    "contradicted in {0}% of {1} specifications": "опровергается в {0}% из {1} спецификаций",
    "not testable with these data in {0}% of {1} specifications": "не проверяется этими данными в {0}% из {1} спецификаций",
}
