"""Russian texts of the claims ledger (00), the trade-partner chapter (08), the site and the robustness
chapter (09): part of the one label catalogue (:data:`transition.present.labels.CATALOGUE` merges them),
kept in their own module so that neither file grows past the house limit.
"""
from __future__ import annotations

CLAIMS_TEXTS: dict[str, str] = {
    # ---- third round: the rules of issue 19/20 (C1 scope and concordance, C3 gap and governance, C4/C5 intervals, C9 forecast, C10 too early) ----
    "{0} of {1} former Soviet states reach the four areas in the essay's order (liberalization → stabilization → institutions → privatization) by {2}; with Mongolia: {3} of {4}; every economy of the study: {5} of {6}":
        '{0} из {1} бывших советских государств прошли четыре направления в порядке эссе (либерализация → стабилизация → институты → приватизация) к {2} г.; вместе с Монголией — {3} из {4}; по всем экономикам исследования — {5} из {6}',
    "{0}% Clopper-Pearson interval of the share of former Soviet states that follow the essay's order: [{1}%, {2}%]":
        '{0}%-й интервал Клоппера — Пирсона для доли бывших советских государств, следующих порядку эссе: [{1}%, {2}%]',
    "{0}% bootstrap interval ({1} resamples of countries) of governance's Shapley share, growth of real GDP {2}-{3}: [{4}, {5}]":
        '{0}%-й бутстреп-интервал ({1} повторных выборок стран) доли Шепли качества управления, рост реального ВВП {2}-{3} гг.: [{4}, {5}]',
    "{0}% bootstrap interval ({1} resamples of countries) of governance's Shapley share, real GDP index {2}: [{3}, {4}]":
        '{0}%-й бутстреп-интервал ({1} повторных выборок стран) доли Шепли качества управления, индекс реального ВВП {2} г.: [{3}, {4}]',
    "{0}% bootstrap interval ({1} resamples of countries) of governance's Shapley share, real GDP per capita index {2}: [{3}, {4}]":
        '{0}%-й бутстреп-интервал ({1} повторных выборок стран) доли Шепли качества управления, индекс реального ВВП на душу населения {2} г.: [{3}, {4}]',
    '{0}% bootstrap intervals ({1} resamples of countries), median EBRD average in {2}, EAEU {3} members minus the other CIS countries: [{4}, {5}]':
        '{0}%-е бутстреп-интервалы ({1} повторных выборок стран): медианный средний индекс ЕБРР в {2} г., члены ЕАЭС {3} г. минус остальные страны СНГ: [{4}, {5}]',
    'C10: building a union takes long when the median agreement needs at least {0} years to work (open agreements count with the years waited, a lower bound); contradicted below {1} years once every agreement works; too early while agreements are open and the bound is below {2}; the recommendation is not testable':
        'C10: строительство союза долгое, если медианному соглашению нужно не меньше {0} лет, чтобы заработать (ещё не действующие соглашения учитываются с уже прошедшими годами — это нижняя граница); опровергается при медиане меньше {1} лет, когда работают все соглашения; «слишком рано», пока соглашения открыты, а граница ниже {2}; рекомендация не проверяется',
    "C1: supported if at least {0}% of the former Soviet states (the essay's new independent states; Mongolia and Eastern Europe as variants) reach the four areas in the essay's order, contradicted below {1}%; an area that never reaches the threshold is censored, and a concordance reading (Kendall's tau with the essay's order) is shown beside the rule":
        'C1: подтверждается, если не менее {0}% бывших советских государств (новых независимых государств эссе; Монголия и Восточная Европа — варианты) прошли четыре направления в порядке эссе; опровергается, если менее {1}%; направление, не достигшее порога, цензурируется, а рядом с правилом показана согласованность (тау Кендалла с порядком эссе)',
    'C3: the gap holds when the {0}% bootstrap interval of the resource-rich CIS median minus the resource-poor Eastern European median (Central and South-East Europe, as the essay uses the term) lies below zero: the real GDP index of {1} as of the essay, per capita in the latest year with the latest data (whether the gap persisted); governance is the difference when its Shapley share of R² exceeds {2} and it adds significantly (p < {3}) to a former-USSR indicator, and is not when resources explain more or, among the CIS states alone, better governance goes with significantly worse outcomes':
        'C3: разрыв есть, если {0}%-й бутстреп-интервал разности медиан богатого ресурсами СНГ и бедной ресурсами Восточной Европы (Центральная и Юго-Восточная Европа — в смысле эссе) лежит ниже нуля: индекс реального ВВП {1} г. на момент эссе и на душу населения в последнем году по последним данным (сохранился ли разрыв); качество управления — «разница», если его доля R² по Шепли выше {2} и оно значимо (p < {3}) добавляет к индикатору бывшего СССР, и не является ею, если ресурсы объясняют больше или если внутри СНГ лучшее управление идёт вместе со значимо худшими итогами',
    'C4: the ties broke when the median CIS share of trade with the other former republics fell by at least {0} percentage points; relations were rebuilt, not abandoned, when that median share is still at least {1}%; each judged with its {2}% bootstrap interval (an interval across the threshold cannot tell)':
        'C4: связи разорваны, если медианная доля торговли страны СНГ с другими бывшими республиками упала не менее чем на {0} п.п.; отношения перестроены, а не брошены, если эта медианная доля всё ещё не ниже {1}%; каждая часть оценивается с {2}%-м бутстреп-интервалом (интервал, накрывающий порог, не позволяет решить)',
    'C5: exports rest on raw materials when the median CIS manufactures share is below {0}% and fuel + ores are at least {1}× the CEE share; imports are processed when manufactures + food exceed {2}% in at least {3}% of CIS countries (for the median country with the latest data); the median shares are judged with their {4}% bootstrap intervals':
        'C5: экспорт опирается на сырьё, если медианная доля готовых изделий в экспорте СНГ ниже {0}%, а доля топлива и руд не менее чем в {1} раза выше, чем в ЦВЕ; импорт — обработанные товары, если готовые изделия и продовольствие превышают {2}% не менее чем в {3}% стран СНГ (по последним данным — у медианной страны); медианные доли оцениваются с {4}%-ми бутстреп-интервалами',
    "C9: a core holds at least {0}% of bloc GDP; membership tracks reform when the members' median EBRD average leads the other CIS states' by one EBRD step ({1}), its {2}% interval wholly above it (EurAsEC {3} in {4} as of the essay; as a forecast with the latest data, the EAEU members of {5} in {6}, before they moved)":
        'C9: ядро даёт не менее {0}% ВВП блока; членство следует за реформами, если медианный средний индекс ЕБРР членов выше, чем у остальных стран СНГ, на одну ступень шкалы ЕБРР ({1}) и весь {2}%-й интервал лежит выше неё (на момент эссе — ЕврАзЭС {3} г. в {4} г.; как прогноз по последним данным — члены ЕАЭС {5} г. в {6} г., до их перехода)',
    'Claims in parts: every part holds → supported; every part the data can tell holds, the others cannot be told → supported in part; some hold and others fail → mixed; none holds and one fails → contradicted; no part can be told → inconclusive; a forecast whose outcome is still open → too early; data that do not measure the claim → no data':
        'Тезисы из частей: выполняются все части → подтверждается; выполняются все части, которые данные позволяют проверить, остальные проверить нельзя → подтверждается частично; одни выполняются, другие нет → неоднозначно; ни одна не выполняется, и хотя бы одна опровергнута → опровергается; ни одну часть проверить нельзя → данные не позволяют решить; прогноз, исход которого ещё не наступил → слишком рано; данные не измеряют утверждение → нет данных',
    'Russia {0}% of CIS GDP; Kazakhstan {1}% of Central Asian Cooperation Organization GDP ({2}; {3}% at PPP, PWT)':
        'Россия — {0}% ВВП СНГ; Казахстан — {1}% ВВП Организации центральноазиатского сотрудничества ({2} г.; {3}% по ППС, PWT)',
    'as a forecast, CIS states between EurAsEC {0} and the EAEU of {1}: moved toward the core {2}, moved away {3}, stayed in {4}, stayed out {5}; in {6}, before the moves, the later members led the others by {7} EBRD points (EBRD data end in {8}) ({9}% interval [{10}, {11}], one EBRD step = {12}; groups this small detect only a difference of about {13} with {14}% power)':
        'как прогноз — страны СНГ между ЕврАзЭС {0} г. и ЕАЭС {1} г.: подвинулись к ядру — {2}, отошли — {3}, остались внутри — {4}, остались вне — {5}; в {6} г., до перемещений, будущие члены опережали остальных на {7} пункта шкалы ЕБРР (данные ЕБРР кончаются в {8} г.) ({9}%-й интервал [{10}, {11}], одна ступень ЕБРР = {12}; группы такого размера обнаруживают лишь разницу около {13} с мощностью {14}%)',
    "concordance with the essay's order, former Soviet states: median Kendall tau-b {0}, {1} of {2} agree more than they disagree; {3}% of the pairs of areas in a definite order follow the essay":
        'согласованность с порядком эссе, бывшие советские государства: медиана тау-b Кендалла {0}, у {1} из {2} совпадений больше, чем расхождений; {3}% пар направлений с определённым порядком следуют эссе',
    "every economy of the study, under the {0} datings of the areas (one EBRD threshold; each area's own range; each area's scale): {1}, {2}, {3} of {4} follow the order by {5}; each country's own dates in random order give {6}, {7}, {8} (p = {9}, {10}, {11}); a random order of four areas matches {12} time in {13}":
        'все экономики исследования, при {0} датировках направлений (единый порог ЕБРР; собственный диапазон направления; шкала направления): {1}, {2}, {3} из {4} следуют порядку к {5} г.; собственные даты каждой страны в случайном порядке дают {6}, {7}, {8} (p = {9}, {10}, {11}); случайный порядок четырёх направлений совпадает {12} раз из {13}',
    'governance is not the difference: resources explain more, or among the CIS states better governance goes with worse outcomes':
        'качество управления — не «разница»: ресурсы объясняют больше, или внутри СНГ лучшее управление идёт вместе с худшими итогами',
    'governance is the difference: it explains more than resources and adds to a former-USSR indicator':
        'качество управления — «разница»: оно объясняет больше ресурсов и добавляет к индикатору бывшего СССР',
    "growth of real GDP {0}-{1}: governance's Shapley share of R² against resources {2}; beside a former-USSR indicator it adds {3} to R² (coefficient p = {4}; p = {5} beside years under planning and war too); among the CIS states alone Spearman rho = {6}, slope p = {7}":
        'рост реального ВВП {0}-{1} гг.: доля R² по Шепли у управления против ресурсов {2}; рядом с индикатором бывшего СССР оно добавляет {3} к R² (p коэффициента = {4}; p = {5} также рядом с годами плановой экономики и войной); внутри одного СНГ ро Спирмена = {6}, p наклона = {7}',
    "growth of real GDP per capita {0}-{1}: governance's Shapley share of R² against resources {2}; beside a former-USSR indicator it adds {3} to R² (coefficient p = {4}; p = {5} beside years under planning and war too); among the CIS states alone Spearman rho = {6}, slope p = {7}":
        'рост реального ВВП на душу населения {0}-{1} гг.: доля R² по Шепли у управления против ресурсов {2}; рядом с индикатором бывшего СССР оно добавляет {3} к R² (p коэффициента = {4}; p = {5} также рядом с годами плановой экономики и войной); внутри одного СНГ ро Спирмена = {6}, p наклона = {7}',
    'in the year they liberalized, institutions lagged by {0} EBRD points in the CIS and {1} in Central Europe & Baltics (p = {2}; groups this small detect only a difference of about {3} points with {4}% power)':
        'в год либерализации институты отставали на {0} пункта шкалы ЕБРР в СНГ и на {1} в ЦВЕ и Балтии (p = {2}; группы такого размера обнаруживают лишь разницу около {3} пункта с мощностью {4}%)',
    'iron and steel (SITC {0}) and cotton yarn count as manufactures in the WDI aggregates the data hold; the essay would count them as low-processed, and no source here splits them out':
        'чёрные металлы (SITC {0}) и хлопковая пряжа в агрегатах WDI считаются готовыми изделиями; эссе отнесло бы их к продукции низкой степени обработки, но ни один источник здесь их не выделяет',
    "judged per capita in the latest year: this asks whether the gap persisted, not the essay's question":
        'оценка на душу населения в последнем году: это вопрос о том, сохранился ли разрыв, а не вопрос эссе',
    "manufactures + food are {0}% of the median CIS country's merchandise imports ({1}; {2}% interval [{3}, {4}])":
        'готовые изделия и продовольствие составляют {0}% товарного импорта медианной страны СНГ ({1} г.; {2}%-й интервал [{3}, {4}])',
    'median CIS manufactures share of merchandise exports {0}% ({1}% interval [{2}, {3}]; the rule needs below {4}); fuel + ores & metals {5}% vs {6}% in Central Europe & Baltics':
        'медианная доля готовых изделий в товарном экспорте СНГ {0}% ({1}%-й интервал [{2}, {3}]; правилу нужно ниже {4}); топливо, руды и металлы — {5}% против {6}% в ЦВЕ и Балтии',
    'median CIS share of trade with the other former republics: {0}% in the first complete year ({1}-{2}), {3}% in {4} ({5}% interval [{6}, {7}]; the rule needs at least {8}); median fall {9} percentage points ([{10}, {11}]; at least {12}), lower in {13} of {14} CIS countries':
        'медианная доля торговли страны СНГ с другими бывшими республиками: {0}% в первый полный год ({1}-{2}), {3}% в {4} г. ({5}%-й интервал [{6}, {7}]; правилу нужно не ниже {8}); медианное снижение {9} п.п. ([{10}, {11}]; не менее {12}), ниже в {13} из {14} стран СНГ',
    'median EBRD average in {0}: EurAsEC members {1}, other CIS {2} ({3}% interval [{4}, {5}], one EBRD step = {6}; groups this small detect only a difference of about {7} with {8}% power)':
        'медиана среднего индикатора ЕБРР в {0} г.: члены ЕврАзЭС {1}, прочие страны СНГ {2} ({3}%-й интервал [{4}, {5}], одна ступень ЕБРР = {6}; группы такого размера обнаруживают лишь разницу около {7} с мощностью {8}%)',
    'no evidence either way on the mechanism once initial conditions are held fixed':
        'при учёте начальных условий данные не говорят о механизме ни за, ни против',
    'the mechanism holds: a larger liberalization-institutions gap went with a deeper trough':
        'механизм подтверждается: больший разрыв между либерализацией и институтами шёл вместе с более глубоким спадом',
    'the mechanism fails: a larger gap went with a shallower trough, beside the initial conditions':
        'механизм не подтверждается: при учёте начальных условий больший разрыв шёл вместе с менее глубоким спадом',
    "privatization reached the advanced level before institutions in {0} of the study's economies where both did; in {1} more, institutions never reached it by {2} (censored, not dated); institutions first in {3}":
        'приватизация достигла продвинутого уровня раньше институтов в {0} экономиках исследования, где достигнуто и то и другое; ещё в {1} институты так и не достигли его к {2} г. (цензурировано, не датировано); институты раньше — в {3}',
    "real GDP index {0}: governance's Shapley share of R² against resources {1}; beside a former-USSR indicator it adds {2} to R² (coefficient p = {3}; p = {4} beside years under planning and war too); among the CIS states alone Spearman rho = {5}, slope p = {6}":
        'индекс реального ВВП {0} г.: доля R² по Шепли у управления против ресурсов {1}; рядом с индикатором бывшего СССР оно добавляет {2} к R² (p коэффициента = {3}; p = {4} также рядом с годами плановой экономики и войной); внутри одного СНГ ро Спирмена = {5}, p наклона = {6}',
    "real GDP per capita index {0}: governance's Shapley share of R² against resources {1}; beside a former-USSR indicator it adds {2} to R² (coefficient p = {3}; p = {4} beside years under planning and war too); among the CIS states alone Spearman rho = {5}, slope p = {6}":
        'индекс реального ВВП на душу населения {0} г.: доля R² по Шепли у управления против ресурсов {1}; рядом с индикатором бывшего СССР оно добавляет {2} к R² (p коэффициента = {3}; p = {4} также рядом с годами плановой экономики и войной); внутри одного СНГ ро Спирмена = {5}, p наклона = {6}',
    'the data cannot tell a gap: the interval of the difference spans zero':
        'данные не позволяют установить разрыв: интервал разности накрывает ноль',
    'the data cannot tell governance from the rest of the Soviet past: it explains more than resources, but adds nothing significant to a former-USSR indicator':
        'данные не отличают качество управления от остального советского наследия: оно объясняет больше ресурсов, но ничего значимого не добавляет к индикатору бывшего СССР',
    'the data cannot tell whether membership tracks reform: the interval spans one EBRD step':
        'данные не позволяют решить, следует ли членство за реформами: интервал накрывает одну ступень ЕБРР',
    'membership tracks reform':
        'членство следует за реформами',
    'membership does not track reform':
        'членство не следует за реформами',
    'the gap holds: the interval of the difference lies below zero':
        'разрыв есть: интервал разности лежит ниже нуля',
    'the gap does not hold: the resource-rich CIS median is above':
        'разрыва нет: медиана богатого ресурсами СНГ выше',
    'the governance index nearly sorts the regions: every CIS state at or below {0}, every Central European and Baltic state at or above {1}; {2} South-East European states inside the CIS range':
        'индекс управления почти разделяет регионы: каждая страна СНГ не выше {0}, каждая страна Центральной Европы и Балтии не ниже {1}; {2} стран(ы) Юго-Восточной Европы — в пределах диапазона СНГ',
    'too early: the median is at least {0} years and still growing; contradicted and mixed are excluded':
        'слишком рано: медиана не меньше {0} лет и ещё растёт; «опровергается» и «неоднозначно» исключены',
    'too early: the median is at least {0} years and still growing; no verdict is excluded yet':
        'слишком рано: медиана не меньше {0} лет и ещё растёт; ни один вердикт пока не исключён',
    'trough on the liberalization-institutions gap ({0}-{1} mean, every country: {2}) beside former-USSR and war indicators: slope {3} index points per EBRD point (p = {4}; the claim needs a negative slope); liberalization ahead of institutions in growth regressions with country and year effects with data to {5}: {6} pp (p = {7})':
        'дно спада и разрыв между либерализацией и институтами (среднее за {0}-{1} гг., все страны: {2}) рядом с индикаторами бывшего СССР и войны: наклон {3} пункта индекса на пункт шкалы ЕБРР (p = {4}; тезису нужен отрицательный наклон); опережающая либерализация в регрессиях роста с эффектами стран и лет по данным до {5} г.: {6} п.п. (p = {7})',
    'with the growth figures the IMF published in {0} the difference is {1} ({2}% interval [{3}, {4}]): the author saw the same gap':
        'с темпами роста, опубликованными МВФ в {0} г., разность равна {1} ({2}%-й интервал [{3}, {4}]): автор видел тот же разрыв',
    'with the growth figures the IMF published in {0} the difference is {1} ({2}% interval [{3}, {4}]): the figures of the day would judge the gap otherwise':
        'с темпами роста, опубликованными МВФ в {0} г., разность равна {1} ({2}%-й интервал [{3}, {4}]): данные того времени оценили бы разрыв иначе',
    'with the growth figures the IMF published in {0} the difference is n/a ({1}% interval [n/a, n/a]): the comparison is not available':
        'с темпами роста, опубликованными МВФ в {0} г., разность недоступна ({1}%-й интервал [n/a, n/a]): сравнение недоступно',
    'without controls the rank correlation is {0} (p = {1}), per capita {2}: across regions the gap stands in for the Soviet past':
        'без контрольных переменных ранговая корреляция {0} (p = {1}), на душу населения {2}: между регионами разрыв подменяет советское прошлое',
    'resource-rich CIS minus resource-poor Central & South-East Europe, median real GDP index {0} ({1} = {2}): {3} ({4}% interval [{5}, {6}]; {7} vs {8}); with Central Europe & Baltics {9}; with Central Europe, Baltics & South-East Europe {10}; with groups this small only a difference of about {11} points is detected with {12}% power':
        'богатое ресурсами СНГ минус бедные ресурсами Центральная и Юго-Восточная Европа, медиана индекса реального ВВП {0} г. ({1} = {2}): {3} ({4}%-й интервал [{5}, {6}]; {7} против {8}); с ЦВЕ и Балтией — {9}; с ЦВЕ, Балтией и ЮВЕ — {10}; группы такого размера обнаруживают с мощностью {12}% лишь разницу около {11} пунктов',
    'total GDP: resource-rich CIS minus resource-poor Central & South-East Europe, median real GDP index {0} ({1} = {2}): {3} ({4}% interval [{5}, {6}]; {7} vs {8}); with Central Europe & Baltics {9}; with Central Europe, Baltics & South-East Europe {10}; with groups this small only a difference of about {11} points is detected with {12}% power':
        'ВВП в целом: богатое ресурсами СНГ минус бедные ресурсами Центральная и Юго-Восточная Европа, медиана индекса реального ВВП {0} г. ({1} = {2}): {3} ({4}%-й интервал [{5}, {6}]; {7} против {8}); с ЦВЕ и Балтией — {9}; с ЦВЕ, Балтией и ЮВЕ — {10}; группы такого размера обнаруживают с мощностью {12}% лишь разницу около {11} пунктов',
    'resource-rich CIS minus resource-poor Central & South-East Europe, median real GDP per capita index {0} ({1} = {2}): {3} ({4}% interval [{5}, {6}]; {7} vs {8}); with Central Europe & Baltics {9}; with Central Europe, Baltics & South-East Europe {10}; with groups this small only a difference of about {11} points is detected with {12}% power':
        'богатое ресурсами СНГ минус бедные ресурсами Центральная и Юго-Восточная Европа, медиана индекса реального ВВП на душу населения {0} г. ({1} = {2}): {3} ({4}%-й интервал [{5}, {6}]; {7} против {8}); с ЦВЕ и Балтией — {9}; с ЦВЕ, Балтией и ЮВЕ — {10}; группы такого размера обнаруживают с мощностью {12}% лишь разницу около {11} пунктов',
    'total GDP: resource-rich CIS minus resource-poor Central & South-East Europe, median real GDP per capita index {0} ({1} = {2}): {3} ({4}% interval [{5}, {6}]; {7} vs {8}); with Central Europe & Baltics {9}; with Central Europe, Baltics & South-East Europe {10}; with groups this small only a difference of about {11} points is detected with {12}% power':
        'ВВП в целом: богатое ресурсами СНГ минус бедные ресурсами Центральная и Юго-Восточная Европа, медиана индекса реального ВВП на душу населения {0} г. ({1} = {2}): {3} ({4}%-й интервал [{5}, {6}]; {7} против {8}); с ЦВЕ и Балтией — {9}; с ЦВЕ, Балтией и ЮВЕ — {10}; группы такого размера обнаруживают с мощностью {12}% лишь разницу около {11} пунктов',
    # ---- claims ledger (00_claims_ledger; src/transition/ledger.py) ----
    "no single choice flips the verdict": "ни один отдельный выбор не меняет вердикт",
    "inconclusive": "данные не позволяют решить", "too early": "слишком рано", "no data": "нет данных",
    "as of the essay: p = {0} for the median estimate, {1} for the share significant ({2} permutations of {3} specifications)":
        "на момент эссе: p = {0} для медианной оценки, {1} для доли значимых ({2} перестановок по {3} спецификациям)",
    "latest: p = {0} for the median estimate, {1} for the share significant ({2} permutations of {3} specifications)":
        "по последним данным: p = {0} для медианной оценки, {1} для доли значимых ({2} перестановок по {3} спецификациям)",
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
    "a count of blocs from dated treaties: no sampling interval":
        "число блоков по датированным договорам: выборочного интервала нет",
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
    "has_break": "разрыв (таможенный союз)",
    "wdi_tariff_applied_wm": "применяемый тариф, %", "wdi_tariff_mfn_wm": "тариф РНБ, %",
    "Kazakhstan's record": "данные Казахстана",
    "partners' record": "данные партнёров",
    "Kazakhstan's trade partners (exports + imports, Kazakhstan's record)": "Торговые партнёры Казахстана (экспорт + импорт, данные Казахстана)",
    "Russia's lead over Kazakhstan's next largest partner, on both records of the flows": "Отрыв России от следующего крупнейшего партнёра Казахстана по обеим записям потоков",
    "Russia's share minus the next partner's, percentage points": "доля России минус доля следующего партнёра, п.п.",
    "Russia's share of Kazakhstan's imports, % (not in the {0}-{1} break)": "доля России в импорте Казахстана, % (без разрыва {0}–{1} гг.)",
    "Russia's share of imports": "доля России в импорте",
    "tie band (±{0} points)": "полоса равенства (±{0} п.п.)",
    "behind_mirror": "позади (данные партнёров)",
    "behind_reporter": "позади (данные Казахстана)",
    "first_mirror": "впереди (данные партнёров)",
    "first_reporter": "впереди (данные Казахстана)",
    "tied_mirror": "вровень (данные партнёров)",
    "tied_reporter": "вровень (данные Казахстана)",
    "china_share_pct": "доля Китая, %",
    "russia_share_pct": "доля России, %",
    "total_bn_usd": "всего, млрд долл. США",
    "cow_exports": "экспорт по COW",
    "cow_imports": "импорт по COW",
    "dots_exports": "экспорт по DOTS (данные страны)",
    "dots_exports_mirror": "экспорт по DOTS (данные партнёра)",
    "dots_imports": "импорт по DOTS (данные страны)",
    "exports_agree_mirror": "экспорт совпадает с данными партнёра",
    "exports_agree_reporter": "экспорт совпадает с данными страны",
    "imports_agree": "импорт совпадает",
    "dyads": "пар стран-лет",
    "dots_lacks_pct": "нет в DOTS, %",
    "exports_as_partner_pct": "экспорт COW = данные партнёра, %",
    "exports_as_reporter_pct": "экспорт COW = данные страны, %",
    "import_value_as_reporter_pct": "стоимость импорта COW = данные страны, %",
    "imports_as_reporter_pct": "импорт COW = данные страны, %",
    "estimated_pct": "оценки МВФ, %",
    "holes_filled": "пропусков заполнено",
    "holes_left": "пропусков осталось",
    "incomplete": "неполный год",
    "incomplete_years": "неполные годы",
    "lead_pp": "отрыв России, п.п.",
    "lead_pp_mirror": "отрыв России, п.п. (данные партнёров)",
    "ledger_band": "полоса реестра",
    "other_partner": "следующий партнёр",
    "other_partner_mirror": "следующий партнёр (данные партнёров)",
    "other_share": "доля следующего партнёра",
    "partner_iso3": "партнёр",
    "partners": "партнёров",
    "values": "значений",
    "share_unallocated": "доля без партнёра",
    "tie_pp": "полоса равенства, п.п.",
    "window": "период",
    "zeros": "нулей",
    "to_2002": "по 2002 г.",
    "after_2002": "после 2002 г.",
    "partner_part": "часть о партнёрах",
    "holds": "выполняется",
    "fails": "не выполняется",
    "cannot be told": "не определяется",
    "median CIS share of trade with the other former republics: {0}% in the first complete year ({1}-{2}), {3}% in {4}; median fall {5} percentage points, lower in {6} of {7} CIS countries":
        "медианная доля торговли стран СНГ с другими бывшими республиками: {0}% в первый полный год ({1}–{2}), {3}% в {4} г.; медианное падение {5} п.п., доля ниже у {6} из {7} стран СНГ",
    "Russia's median share of a CIS country's trade {0}%, the EU's {1}%, China's {2}%; Baltic median share with the former republics {3}%, with the EU {4}%":
        "медианная доля России в торговле страны СНГ {0}%, ЕС {1}%, Китая {2}%; медианная доля стран Балтии с бывшими республиками {3}%, с ЕС {4}%",
    "C4: the ties broke when the median CIS share of trade with the other former republics fell by at least {0} percentage points; relations were rebuilt, not abandoned, when that median share is still at least {1}%":
        "C4: связи разорваны, если медианная доля торговли стран СНГ с другими бывшими республиками упала не менее чем на {0} п.п.; отношения перестроены, а не утрачены, если эта медианная доля всё ещё не ниже {1}%",
    "C6: on goods exports outside the CIS (current US$, IMF DOTS) in the year the essay's figures fit best (up to {0}), the shares of Russia, Ukraine and Kazakhstan match within {1} percentage points and {2}% of the other countries fall in {3}-{4}% (at the essay's precision); exports grew in almost all, from the year before to that year, when at least {5}% grew and {6} of the {7} exceptions did not; with the latest data the shares of the latest year are judged":
        "C6: по товарному экспорту за пределы СНГ (текущие доллары США, IMF DOTS) в году, которому цифры эссе соответствуют лучше всего (не позже {0} г.), доли России, Украины и Казахстана совпадают с точностью до {1} п.п., а {2}% остальных стран попадают в {3}–{4}% (с точностью эссе); экспорт вырос «почти у всех» — от предыдущего года к этому, — если он вырос не менее чем у {5}% стран и {6} из {7} исключений не выросли; по последним данным оцениваются доли последнего года",
    "C7: on each record of Kazakhstan's trade (its own; its partners') Russia is the main partner when it leads the largest other partner by more than {0} points (the tie band) in at least {1}% of the decided years, through {2} and over the whole series after it; both records must agree; the tariff part is not testable as specified and counts for neither side":
        "C7: по каждой записи торговли Казахстана (его собственной и его партнёров) Россия — главный партнёр, если она опережает следующего крупнейшего партнёра более чем на {0} п.п. (полоса равенства) не менее чем в {1}% решённых лет — по {2} г. и за весь ряд после него; обе записи должны совпадать; часть о тарифах в данной формулировке не проверяется и не засчитывается ни в одну сторону",
    "Kazakhstan's partners in every year of the data (a census): no sampling interval; the uncertainty is measurement, judged on both records of each flow (Kazakhstan's and its partners') with a tie band":
        "партнёры Казахстана во все годы данных (сплошное наблюдение): выборочного интервала нет; неопределённость — в измерении, она учтена по обеим записям каждого потока (казахстанской и партнёров) и полосой равенства",
    "exports outside the CIS grew from {0} to {1} in {2} of {3} CIS countries; {4} of the essay's {5} exceptions did not grow; the growth statement holds in {6} of the {7} years {8}-{9}":
        "экспорт за пределы СНГ вырос с {0} по {1} г. у {2} из {3} стран СНГ; {4} из {5} исключений эссе не выросли; утверждение о росте верно в {6} из {7} лет {8}–{9} гг.",
    "in {0} Russia's share of Kazakhstan's trade is {1}% on Kazakhstan's record and {2}% on its partners'; its lead over the next partner {3} and {4} points; China's share {5}%":
        "в {0} г. доля России в торговле Казахстана {1}% по данным Казахстана и {2}% по данным его партнёров; её отрыв от следующего партнёра {3} и {4} п.п.; доля Китая {5}%",
    "in {0}: Russia {1}%, Ukraine {2}%, Kazakhstan {3}% on the countries' own records (IMF DOTS); {4}%, {5}%, {6}% on COW's, mostly the partners' records":
        "в {0} г.: Россия {1}%, Украина {2}%, Казахстан {3}% по собственным данным стран (IMF DOTS); {4}%, {5}%, {6}% по данным COW, в основном по записям партнёров",
    "shares of CIS goods exports outside the CIS in {0}: Russia {1}% (essay {2}%), Ukraine {3}% ({4}%), Kazakhstan {5}% ({6}%); {7} of {8} others within {9}-{10}% (do the essay's figures still hold?)":
        "доли в товарном экспорте СНГ за пределы СНГ в {0} г.: Россия {1}% (эссе {2}%), Украина {3}% ({4}%), Казахстан {5}% ({6}%); {7} из {8} остальных в пределах {9}–{10}% (верны ли цифры эссе и теперь?)",
    "shares of the goods exports outside the CIS of all twelve CIS countries (a census, not a sample): no sampling interval; the uncertainty is measurement: two records of the same exports (notebook {0} shows the countries' own and COW's partner-based shares) and the partner-derived rows of Turkmenistan, Tajikistan and Uzbekistan":
        "доли в товарном экспорте за пределы СНГ всех двенадцати стран СНГ (сплошное наблюдение, не выборка): выборочного интервала нет; неопределённость — в измерении: две записи одного экспорта (тетрадь {0} показывает доли по собственным данным стран и по данным COW, основанным на записях партнёров) и строки Туркменистана, Таджикистана и Узбекистана, выведенные из данных партнёров",
    "the IMF's bilateral flows start in {0} and the first complete years ({1}-{2}) come after the union's own ties had loosened (trade among the republics before {3} is not in these data): the fall is a lower bound; 'market principles' cannot be seen in trade flows":
        "двусторонние потоки МВФ начинаются в {0} г., а первые полные годы ({1}–{2}) наступают, когда союзные связи уже ослабли (торговли между республиками до {3} г. в этих данных нет): падение — оценка снизу; «рыночные принципы» в торговых потоках не видны",
    "the essay names no year; its figures are closest to {0} (gaps adding up to {1} points; next {2}, {3}): shares of CIS goods exports outside the CIS in {4}: Russia {5}% (essay {6}%), Ukraine {7}% ({8}%), Kazakhstan {9}% ({10}%); {11} of {12} others within {13}-{14}%":
        "эссе не называет года; его цифры ближе всего к {0} г. (расхождения в сумме {1} п.п.; следующий {2} г., {3}): доли в товарном экспорте СНГ за пределы СНГ в {4} г.: Россия {5}% (эссе {6}%), Украина {7}% ({8}%), Казахстан {9}% ({10}%); {11} из {12} остальных в пределах {13}–{14}%",
    "the instrument the data show moved the other way: the MFN weighted tariff rose from {0}% ({1}) to {2}% ({3}, customs union); Russia's share of Kazakhstan's imports was {4}% in {5}-{6} and {7}% in {8}-{9}, China's {10}% and {11}% (a description of one event, not a test: prices, pipelines and the {12}-{13} break move them too)":
        "инструмент, который видят данные, двигался в обратную сторону: средневзвешенный тариф РНБ вырос с {0}% ({1} г.) до {2}% ({3} г., таможенный союз); доля России в импорте Казахстана — {4}% в {5}–{6} гг. и {7}% в {8}–{9} гг., Китая — {10}% и {11}% (описание одного события, а не проверка: их двигают и цены, и трубопроводы, и разрыв {12}–{13} гг.)",
    "the tariff part is not testable as specified: the essay describes cuts before the data (Kazakhstan's tariffs are known from {0}), and an all-partner tariff does not measure the tariff on Russian goods, duty-free under the CIS free-trade agreements; that part counts for neither side":
        "часть о тарифах в данной формулировке не проверяется: эссе описывает снижение до начала данных (тарифы Казахстана известны с {0} г.), а тариф по всем партнёрам не измеряет пошлин на российские товары, беспошлинные по соглашениям СНГ о свободной торговле; эта часть не засчитывается ни в одну сторону",
    "the two records of Russia's and China's shares differ by a median {0} points after {1} (the tie band is {2})":
        "две записи долей России и Китая после {1} г. расходятся в среднем (медиана) на {0} п.п. (полоса равенства — {2})",
    "variant, not the verdict: shares of total exports of goods and services to all partners (WDI), {0}-{1}: Russia {2}%, Ukraine {3}%, Kazakhstan {4}%":
        "вариант, не основа оценки: доли во всём экспорте товаров и услуг всем партнёрам (WDI), {0}–{1}: Россия {2}%, Украина {3}%, Казахстан {4}%",
    "years {0}-{1} ({2} judged): on Kazakhstan's record Russia leads the largest other partner by more than {3} points in {4} years, is tied in {5}, trails in {6}; on its partners' record {7}, {8} and {9}":
        "годы {0}–{1} (учтено: {2}): по данным Казахстана Россия опережает следующего крупнейшего партнёра более чем на {3} п.п. в {4} годах, идёт вровень в {5}, отстаёт в {6}; по данным его партнёров — {7}, {8} и {9}",
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
    "significant with the claimed sign": "значимых с заявленным знаком",
    "supported from this share of the former Soviet states": "подтверждается от этой доли бывших советских государств",
    "contradicted below this share": "опровергается ниже этой доли",
    "the claim needs a negative association: below this line": "тезису нужна отрицательная связь: ниже этой линии",
    "governance explains more than resources above this share": "управление объясняет больше ресурсов выше этой доли",
    "the old ties broke: a fall of at least this many points": "старые связи разорваны: падение не меньше этого числа пунктов",
    "exports rest on raw materials: a manufactures share below this": "экспорт опирается на сырьё: доля готовых изделий ниже этой",
    "Russia first: ahead in at least this share of the decided years, on each record":
        "Россия первая: впереди не меньше чем в этой доле решённых лет, по каждой записи",
    "integration by groups: at least this many blocs active": "интеграция по группам: действует не меньше этого числа блоков",
    "membership tracks reform: a lead of at least one EBRD step": "членство следует за реформами: опережение не меньше одной ступени шкалы ЕБРР",
    "a union takes long: at least this many years": "союз строится долго: не меньше этого числа лет",
    "contradicted below this many years, once every agreement works": "опровергается ниже этого числа лет, когда действуют все соглашения",
    "Thresholds of the default rules (the dashed lines)": "Пороги правил по умолчанию (пунктирные линии)",
    "meaning": "смысл", "threshold": "порог", "estimate": "оценка",
    "with a lead of at least one EBRD step": "с опережением не меньше одной ступени шкалы ЕБРР",
    "Fall of the share, points": "Падение доли, п.п.", "Manufactures share of exports, %": "Доля готовых изделий в экспорте, %",
    "Distance to the essay's shares, points": "Расстояние до долей эссе, п.п.",
    "Share of years Russia leads (0-1)": "Доля лет лидерства России (0-1)", "Blocs active": "Действующих блоков",
    "Reform lead, EBRD points": "Опережение в реформах, баллы ЕБРР",
    "Median years to a working union": "Медиана лет до действующего союза",
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
    "membership of the bloc moved between the CIS states": "членство в блоке перенесено между государствами СНГ",
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
    "supported in part in {0}% of {1} specifications": "подтверждается частично в {0}% из {1} спецификаций",
    "inconclusive in {0}% of {1} specifications": "данные не позволяют решить в {0}% из {1} спецификаций",
    "too early in {0}% of {1} specifications": "слишком рано судить в {0}% из {1} спецификаций",
    "no data in {0}% of {1} specifications": "нет данных в {0}% из {1} спецификаций",
}
