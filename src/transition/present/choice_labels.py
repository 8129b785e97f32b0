"""The words for each claim's space of choices, in English and Russian: one catalogue for the multiverse
explorer's page (:mod:`transition.publish.explorer`) and notebook 09's figures and tables
(:mod:`transition.chapters.robustness`), so the two say the same.

- ``dimensions``: a choice (as named in :mod:`transition.claims.spaces`) → its ``label``, ``ru_label`` and
  the Russian of its help text, ``ru_help`` (the English help is the space's own);
- ``values``: ``choice.value`` → ``en``, ``ru`` for values that are words (numbers are shown as they are);
- ``estimates``: claim → ``en``, ``ru``: what the claim's estimate is.

:func:`transition.publish.explorer.missing_texts` lists what is missing; a test requires nothing to be.
Kept in the package (not beside the book) so that the notebooks' execution cache, which hashes the
package, re-runs notebook 09 when a label changes.
"""
from __future__ import annotations

CHOICE_LABELS: dict[str, dict] = {'dimensions': {'dating': {'label': 'Dating of the EBRD areas',
                           'ru_label': 'Датировка направлений ЕБРР',
                           'ru_help': 'как датируется направление ЕБРР: один порог для всех, собственный диапазон '
                                      'каждой страны или собственная шкала каждого направления'},
                'ebrd_threshold': {'label': 'EBRD threshold',
                                   'ru_label': 'Порог ЕБРР',
                                   'ru_help': 'балл ЕБРР, с которого направление считается продвинутым: 3 — '
                                              '«существенный прогресс»; и по шагу в каждую сторону'},
                'inflation_threshold': {'label': 'Inflation threshold, %',
                                        'ru_label': 'Порог инфляции, %',
                                        'ru_help': 'инфляция, ниже которой цены считаются стабилизированными: 40% '
                                                   '(Bruno & Easterly 1998) и другие пороги из литературы'},
                'sustained_years': {'label': 'Years below the threshold',
                                    'ru_label': 'Лет ниже порога',
                                    'ru_help': 'сколько лет подряд инфляция должна держаться ниже порога'},
                'ties': {'label': 'Ties',
                         'ru_label': 'Совпадения',
                         'ru_help': 'согласуются ли с порядком направления, достигнутые в один год'},
                'never_high': {'label': 'Never in high inflation',
                               'ru_label': 'Без высокой инфляции',
                               'ru_help': 'стабилизация страны, где инфляция не была высокой: не учитывается в '
                                          'порядке или датируется первым годом'},
                'stabilization_rule': {'label': 'Stabilization rule',
                                       'ru_label': 'Правило стабилизации',
                                       'ru_help': 'первый устойчивый период низкой инфляции или период после '
                                                  'последнего года высокой инфляции'},
                'groups': {'label': 'Countries',
                           'ru_label': 'Страны',
                           'ru_help': 'пятнадцать бывших советских государств (новые независимые государства эссе), '
                                      'они же с Монголией, все 29 экономик или только СНГ и Центральная Европа с '
                                      'Балтией'},
                'as_of': {'label': 'Data observed to',
                          'ru_label': 'Данные по',
                          'ru_help': 'данные по последний год или только по время эссе (2002)'},
                'gdp_source': {'label': 'GDP source',
                               'ru_label': 'Источник ВВП',
                               'ru_help': 'каждый источник реального ВВП, используемый в исследовании'},
                'base_year': {'label': 'Base year',
                              'ru_label': 'Базовый год',
                              'ru_help': 'последний год до перехода или первый год, который есть во всех источниках'},
                'horizon': {'label': 'Horizon, years',
                            'ru_label': 'Горизонт, лет',
                            'ru_help': 'сколько лет после базового года ищется дно спада'},
                'loss_index': {'label': 'Substantial loss below',
                               'ru_label': 'Значительные потери ниже',
                               'ru_help': 'дно, ниже которого потери считаются значительными: 90 (падение на 10%, '
                                          'Barro & Ursúa 2008) и по сторонам'},
                'mechanism_gap': {'label': 'Liberalization-institutions gap',
                                  'ru_label': 'Разрыв либерализация–институты',
                                  'ru_help': 'либерализация минус институты: среднее за 1990–95 годы или на '
                                             'фиксированную дату'},
                'output': {'label': 'Outcome',
                           'ru_label': 'Итоговый показатель',
                           'ru_help': 'реальный ВВП или реальный ВВП на душу населения (для тезиса C3 также вариант '
                                      'реестра: совокупный ВВП на время эссе, на душу населения по последним '
                                      'данным)'},
                'resource_measures': {'label': 'Resource measures',
                                      'ru_label': 'Показатели ресурсов',
                                      'ru_help': 'зависимость от ресурсов: все показатели, только ренты или только '
                                                 'доли экспорта'},
                'governance_measures': {'label': 'Governance measures',
                                        'ru_label': 'Показатели управления',
                                        'ru_help': 'управление: все показатели, три показателя Всемирного банка или '
                                                   'только Freedom House'},
                'index_method': {'label': 'Composite index',
                                 'ru_label': 'Сводный индекс',
                                 'ru_help': 'сводный индекс: среднее z-оценок или первая главная компонента'},
                'rich_rents_threshold': {'label': 'Resource-rich from rents of, % of GDP',
                                         'ru_label': 'Богатые ресурсами — от рент, % ВВП',
                                         'ru_help': 'ренты (% ВВП), начиная с которых государство СНГ считается '
                                                    'богатым ресурсами'},
                'eastern_europe': {'label': 'Eastern Europe',
                                   'ru_label': 'Восточная Европа',
                                   'ru_help': 'бедная ресурсами Восточная Европа: Центральная и Юго-Восточная Европа '
                                              '(советское словоупотребление эссе: бывшие партнёры по СЭВ и '
                                              'Югославия, без прибалтийских республик), Центральная Европа и Балтия '
                                              '(группировка литературы о вступлении в ЕС) или все три'},
                'eastern_europe_with_see': {'label': 'Eastern Europe with South-East Europe',
                                            'ru_label': 'Восточная Европа вместе с Юго-Восточной',
                                            'ru_help': 'входит ли Юго-Восточная Европа в бедную ресурсами Восточную '
                                                       'Европу'},
                'blocs': {'label': 'Blocs counted',
                          'ru_label': 'Учитываемые блоки',
                          'ru_help': 'какие блоки учитываются: все постсоветские, все кроме ГУАМ (политический '
                                     'форум) или только торговые'},
                'min_blocs': {'label': 'Blocs for integration by groups',
                              'ru_label': 'Блоков для интеграции по группам',
                              'ru_help': 'число блоков среди стран СНГ, начиная с которого интеграция идёт «по '
                                         'группам»'},
                'membership': {'label': 'Membership compared',
                               'ru_label': 'Сравниваемое членство',
                               'ru_help': 'блок, реформы членов которого сравниваются: вариант реестра (ЕврАзЭС 2002 '
                                          'на время эссе; как прогноз по последним данным — ЕАЭС на конец 2015 года) '
                                          'или один из них для обоих столбцов (ЕАЭС 2015 на 2002 год не '
                                          'наблюдается)'},
                'gdp_measure': {'label': 'GDP weights of the cores',
                                'ru_label': 'Веса ВВП ядер',
                                'ru_help': 'веса ВВП ядер: в текущих долларах США (WDI) или по ППС (Penn World '
                                           'Table, Maddison): доля Казахстана в ВВП Центральной Азии — 66% в '
                                           'долларах и 43% по ППС PWT'},
                'reform_measure': {'label': 'Reform measure',
                                   'ru_label': 'Показатель реформ',
                                   'ru_help': 'показатель реформ: средний индекс ЕБРР, направления рыночных '
                                              'институтов или либерализация'},
                'agreements': {'label': 'Agreements',
                               'ru_label': 'Соглашения',
                               'ru_help': 'все евразийские соглашения, обещавшие экономический союз '
                                          '(data/eurasian_agreements.csv), или три шага, оценённые до того, как '
                                          'список был дополнен'},
                'working': {'label': 'A union works when',
                            'ru_label': 'Союз действует',
                            'когда': None,
                            'ru_help': 'когда союз считается действующим: вступил в силу для первого члена или для '
                                       'всех членов-основателей'},
                'long_years': {'label': 'Takes long from, years',
                               'ru_label': 'Долго — от, лет',
                               'ru_help': 'число лет, с которого создание союза «занимает много времени»: '
                                          'десятилетие; самые быстрые шаги ЕС (около 7); двенадцатилетний переходный '
                                          'период Римского договора'},
                'fall_base': {'label': 'Fall measured from',
                              'ru_label': 'Падение отсчитывается от',
                              'ru_help': 'год, от которого отсчитывается падение доли торговли страны с другими '
                                         'бывшими республиками: её первый полный год двусторонних данных (1992–95, '
                                         'как в реестре) или 1995 год для всех стран (первый год, когда записи всех '
                                         'стран СНГ полны: общая база). Доли 1990–91 годов из литературы, последних '
                                         'лет союза, в этих данных отсутствуют (двусторонние потоки МВФ начинаются в '
                                         '1992 году), поэтому ни одна из баз не совпадает с союзной: падение в обоих '
                                         'случаях — оценка снизу'},
                'fall_min_pp': {'label': 'Ties broke with a fall of, points',
                                'ru_label': 'Связи разорваны при падении от, п.п.',
                                'ru_help': 'падение (процентные пункты, с бутстреп-интервалом медианы), начиная с '
                                           'которого старые связи «разорваны»: десятая часть всей торговли (как в '
                                           'реестре), вдвое меньше или в полтора раза больше'},
                'major_share_pct': {'label': 'Relations kept with a share of, %',
                                    'ru_label': 'Отношения сохранены при доле от, %',
                                    'ru_help': 'доля торговли с другими бывшими республиками (%, с интервалом), '
                                               'начиная с которой отношения перестроены, а не оставлены: пятая '
                                               'часть, главная группа партнёров по любой мерке (как в реестре), или '
                                               'на пять пунктов в каждую сторону'},
                'flows_record': {'label': 'Record of the flows',
                                 'ru_label': 'Запись потоков',
                                 'ru_help': 'чья запись потоков: собственная запись каждой страны (пропуски '
                                            'заполнены по записи партнёров, как в реестре) или запись тех же потоков '
                                            'её партнёрами, отнесённая к её собственному итогу, но не ниже их суммы '
                                            '(зеркальная статистика IMF DOTS; Туркменистан, Таджикистан и Узбекистан '
                                            'отчитываются плохо)'},
                'raw': {'label': 'Raw materials',
                        'ru_label': 'Сырьё',
                        'ru_help': 'что считается сырьём: топливо (SITC 3) и руды и металлы (SITC 27, 28, 68), '
                                   'добывающие отрасли эссе (как в реестре), или они же вместе с '
                                   'сельскохозяйственным сырьём (SITC 2 без 22, 27, 28: ряд WDI TX.VAL.AGRI.ZS.UN, в '
                                   'который входит хлопок-сырец, SITC 263, малопереработанный экспорт Центральной '
                                   'Азии; только WDI 2013, по 2012 год). Чёрные металлы (SITC 67), хлопчатобумажная '
                                   'пряжа и ткани (SITC 65) в обоих случаях остаются в готовых изделиях: агрегаты '
                                   'WDI относят их туда, и ни один источник здесь их не выделяет'},
                'imports_measure': {'label': 'Processed imports',
                                    'ru_label': 'Переработанный импорт',
                                    'ru_help': 'доля переработанных товаров в товарном импорте: готовые изделия и '
                                               'продовольствие (как в реестре; переработанное продовольствие входит '
                                               'в продовольствие WDI) или только готовые изделия (продовольствие '
                                               'включает и сырые продукты)'},
                'imports_comparison': {'label': 'Imports compared with',
                                       'ru_label': 'Импорт сравнивается с',
                                       'ru_help': 'с чем сравнивается доля импорта: с долей товарного импорта («в '
                                                  'основном»: порог processed_above; как в реестре) или с долей '
                                                  'готовых изделий в экспорте той же страны (противопоставление '
                                                  'эссе: импорт переработан сильнее экспорта; только готовые '
                                                  'изделия)'},
                'manufactures_below': {'label': 'Raw-based below, % manufactures in exports',
                                       'ru_label': 'Сырьевой экспорт — ниже, % готовых изделий',
                                       'ru_help': 'доля готовых изделий в товарном экспорте (%, медиана СНГ с '
                                                  'интервалом), ниже которой экспорт «опирается» на сырьё: меньше '
                                                  'половины (как в реестре) или на десять пунктов в каждую сторону'},
                'raw_ratio': {'label': 'Raw share against Central Europe, times',
                              'ru_label': 'Доля сырья против Центральной Европы, раз',
                              'ru_help': 'во сколько раз медианная доля сырья в СНГ должна превышать медиану '
                                         'Центральной Европы и Балтии: вдвое (как в реестре), в полтора или в три '
                                         'раза'},
                'processed_above': {'label': 'Mainly processed above, % of imports',
                                    'ru_label': 'В основном переработанный — выше, % импорта',
                                    'ru_help': 'доля переработанных товаров в товарном импорте (%), выше которой '
                                               'импорт «в основном» переработан: большинство (как в реестре), 60% '
                                               'или две трети'},
                'majority_share': {'label': 'Share of CIS countries (as of the essay)',
                                   'ru_label': 'Доля стран СНГ (на время эссе)',
                                   'ru_help': 'на время эссе, подсчёт по всем странам СНГ с данными: доля стран, '
                                              'импорт которых должен быть в основном переработанным, — три из '
                                              'четырёх (как в реестре), большинство (медианная страна, как в столбце '
                                              'последних данных) или девять из десяти'},
                'export_concept': {'label': 'Exports counted',
                                   'ru_label': 'Учитываемый экспорт',
                                   'ru_help': 'доли чего сравниваются: товарного экспорта партнёрам вне СНГ (слова '
                                              'эссе: «экспорт стран Содружества в остальной мир»; как в реестре) или '
                                              'экспорта товаров и услуг всем партнёрам (WDI, текущие доллары США; '
                                              'вариант, показанный в тетради 06), по годам'},
                'figures_year': {'label': "Year of the essay's figures",
                                 'ru_label': 'Год цифр эссе',
                                 'ru_help': 'год, к которому относятся цифры эссе (оно его не называет): полный год '
                                            'до 2002 года, доли которого ближе всего к его 76 / 10 / 5 (как в '
                                            'реестре), 2000 год (самое раннее настоящее, которое может описывать '
                                            'эссе: ЕврАзЭС, основанное в октябре 2000 года, для него уже действует) '
                                            'или 2002 год (дата эссе в проекте); рост экспорта оценивается по '
                                            'сравнению с предыдущим годом'},
                'flows_source': {'label': 'Source of the flows',
                                 'ru_label': 'Источник потоков',
                                 'ru_help': 'чья запись экспорта за пределы СНГ: собственная запись стран (IMF DOTS, '
                                            'пропуски заполнены по записи партнёров; как в реестре) или COW v4.0 '
                                            '(более ранняя версия DOTS, в основном записи партнёров; по 2014 год)'},
                'tolerance_pp': {'label': 'Tolerance, points',
                                 'ru_label': 'Допуск, п.п.',
                                 'ru_help': 'в пределах скольких пунктов доля названной страны совпадает с цифрой '
                                            'эссе: примерно расхождение двух записей одного экспорта (у России — 4 '
                                            'пункта в 2002 году; как в реестре), вдвое меньше или вдвое больше'},
                'window': {'label': 'Years judged',
                           'ru_label': 'Оцениваемые годы',
                           'ru_help': 'оцениваемые годы: весь ряд столбца (по 2002 год на время эссе, после 2002 '
                                      'года по последним данным; как в реестре) или только его последние десять или '
                                      'пять лет (остаётся ли Россия главным партнёром?)'},
                'partner_last_year': {'label': 'Last year of the partner data',
                                      'ru_label': 'Последний год данных о партнёрах',
                                      'ru_help': 'последний год данных о партнёрах: 2020, потоки DOTS (как в '
                                                 'реестре), или 2014, конец COW v4.0 (годы, которые покрывают оба '
                                                 'источника)'},
                'records': {'label': 'Records that must agree',
                            'ru_label': 'Записи, которые должны совпасть',
                            'ru_help': 'какие записи должны согласоваться: собственная запись Казахстана и запись '
                                       'его партнёров (как в реестре) или любая одна из них'},
                'tie_pp': {'label': 'Tie band, points',
                           'ru_label': 'Зона равенства, п.п.',
                           'ru_help': 'зона равенства (пункты торговли Казахстана), в пределах которой опережение '
                                      'России ни о чём не свидетельствует: 2 — 1,2 пункта коэффициента СИФ/ФОБ МВФ '
                                      'для доли 20%, округлённые вверх с учётом других асимметрий (IMF, Direction of '
                                      'Trade Statistics Yearbook 2017; как в реестре), без зоны, 1, 2,5 (примерно '
                                      'медианное расхождение двух записей после 2002 года), 3 или 4: таблица '
                                      'чувствительности тетради 08'}},
 'values': {'dating.threshold': {'en': 'one EBRD threshold', 'ru': 'один порог ЕБРР'},
            'dating.own_range': {'en': "each country's own range", 'ru': 'собственный диапазон страны'},
            'dating.scale_share': {'en': "each area's own scale", 'ru': 'собственная шкала направления'},
            'ties.weak': {'en': 'same year is consistent', 'ru': 'один год не противоречит порядку'},
            'ties.strict': {'en': 'same year breaks the order', 'ru': 'один год нарушает порядок'},
            'never_high.exclude': {'en': 'left out', 'ru': 'не учитывается'},
            'never_high.first_year': {'en': 'dated at the first year', 'ru': 'первый год'},
            'stabilization_rule.first_run': {'en': 'first low-inflation run', 'ru': 'первый период низкой инфляции'},
            'stabilization_rule.durable': {'en': 'after the last high-inflation year',
                                           'ru': 'после последнего года высокой инфляции'},
            'groups.former_ussr': {'en': 'the former Soviet states', 'ru': 'бывшие советские государства'},
            'groups.former_ussr_mongolia': {'en': 'the former Soviet states and Mongolia',
                                            'ru': 'бывшие советские государства и Монголия'},
            'groups.all': {'en': 'all 29 economies', 'ru': 'все 29 экономик'},
            'groups.cis_cee': {'en': 'the CIS and Central Europe & the Baltics',
                               'ru': 'СНГ',
                               'Центральная Европа и Балтия': None},
            'as_of.latest': {'en': 'the latest year', 'ru': 'последний год'},
            'as_of.2002': {'en': "the essay's time (2002)", 'ru': 'время эссе (2002)'},
            'gdp_source.wdi': {'en': 'World Bank WDI', 'ru': 'WDI Всемирного банка'},
            'gdp_source.maddison': {'en': 'Maddison Project', 'ru': 'проект Мэддисона'},
            'gdp_source.pwt': {'en': 'Penn World Table', 'ru': 'Penn World Table'},
            'gdp_source.weo': {'en': 'IMF WEO', 'ru': 'WEO МВФ'},
            'mechanism_gap.gap_points_1990_1995': {'en': 'mean of 1990-95', 'ru': 'среднее за 1990–95'},
            'mechanism_gap.gap_points_1992': {'en': 'in 1992', 'ru': 'в 1992 году'},
            'mechanism_gap.gap_points_1994': {'en': 'in 1994', 'ru': 'в 1994 году'},
            'mechanism_gap.gap_points_1996': {'en': 'in 1996', 'ru': 'в 1996 году'},
            'output.total': {'en': 'total GDP', 'ru': 'совокупный ВВП'},
            'output.per_capita': {'en': 'GDP per person', 'ru': 'ВВП на душу населения'},
            'output.ledger': {'en': "the ledger's (total, then per person)",
                              'ru': 'как в реестре (совокупный, затем на душу)'},
            'resource_measures.all': {'en': 'every measure', 'ru': 'все показатели'},
            'resource_measures.rents': {'en': 'rents alone', 'ru': 'только ренты'},
            'resource_measures.exports': {'en': 'export shares alone', 'ru': 'только доли экспорта'},
            'governance_measures.all': {'en': 'every measure', 'ru': 'все показатели'},
            'governance_measures.wgi': {'en': "the World Bank's three", 'ru': 'три показателя Всемирного банка'},
            'governance_measures.freedom_house': {'en': 'Freedom House alone', 'ru': 'только Freedom House'},
            'index_method.zmean': {'en': 'mean of z-scores', 'ru': 'среднее z-оценок'},
            'index_method.pc1': {'en': 'first principal component', 'ru': 'первая главная компонента'},
            'eastern_europe.ce_see': {'en': 'Central & South-East Europe',
                                      'ru': 'Центральная и Юго-Восточная Европа'},
            'eastern_europe.ce_baltics': {'en': 'Central Europe & the Baltics', 'ru': 'Центральная Европа и Балтия'},
            'eastern_europe.ce_baltics_see': {'en': 'Central, South-East Europe & the Baltics',
                                              'ru': 'Центральная, Юго-Восточная Европа и Балтия'},
            'eastern_europe_with_see.True': {'en': 'yes', 'ru': 'да'},
            'eastern_europe_with_see.False': {'en': 'no', 'ru': 'нет'},
            'blocs.all': {'en': 'every post-Soviet bloc', 'ru': 'все постсоветские блоки'},
            'blocs.without_guam': {'en': 'all but GUAM', 'ru': 'все кроме ГУАМ'},
            'blocs.trade_blocs': {'en': 'trade blocs only', 'ru': 'только торговые блоки'},
            'membership.ledger': {'en': "the ledger's (EurAsEC 2002, then EAEU 2015)",
                                  'ru': 'как в реестре (ЕврАзЭС 2002, затем ЕАЭС 2015)'},
            'membership.eurasec_2002': {'en': 'EurAsEC 2002', 'ru': 'ЕврАзЭС 2002'},
            'membership.eaeu_2015': {'en': 'EAEU 2015', 'ru': 'ЕАЭС 2015'},
            'gdp_measure.usd_wdi2022': {'en': 'current US$ (WDI)', 'ru': 'текущие доллары США (WDI)'},
            'gdp_measure.ppp_pwt': {'en': 'PPP (Penn World Table)', 'ru': 'ППС (Penn World Table)'},
            'gdp_measure.ppp_maddison': {'en': 'PPP (Maddison)', 'ru': 'ППС (Мэддисон)'},
            'reform_measure.ebrd_average': {'en': 'EBRD average', 'ru': 'средний индекс ЕБРР'},
            'reform_measure.institutions': {'en': 'market institutions', 'ru': 'рыночные институты'},
            'reform_measure.liberalization': {'en': 'liberalization', 'ru': 'либерализация'},
            'agreements.complete': {'en': 'every agreement', 'ru': 'все соглашения'},
            'agreements.first_list': {'en': 'the first three steps', 'ru': 'первые три шага'},
            'working.in_force': {'en': 'in force for a first member', 'ru': 'в силе для первого члена'},
            'working.founders': {'en': 'in force for every founder', 'ru': 'в силе для всех основателей'},
            'fall_base.first_complete': {'en': "each country's first complete year",
                                         'ru': 'первый полный год страны'},
            'flows_record.reporter': {'en': "the country's own record", 'ru': 'собственная запись страны'},
            'flows_record.mirror': {'en': "the partners' record", 'ru': 'запись партнёров'},
            'raw.fuel_ores': {'en': 'fuel + ores & metals', 'ru': 'топливо, руды и металлы'},
            'raw.fuel_ores_agri': {'en': 'with agricultural raw materials',
                                   'ru': 'вместе с сельскохозяйственным сырьём'},
            'imports_measure.processed': {'en': 'manufactures + food', 'ru': 'готовые изделия и продовольствие'},
            'imports_measure.manufactures': {'en': 'manufactures alone', 'ru': 'только готовые изделия'},
            'imports_comparison.share': {'en': 'a share of imports', 'ru': 'доля импорта'},
            'imports_comparison.exports': {'en': "the country's own exports", 'ru': 'собственный экспорт страны'},
            'export_concept.outside_cis': {'en': 'goods exports outside the CIS',
                                           'ru': 'товарный экспорт за пределы СНГ'},
            'export_concept.all_partners': {'en': 'goods and services to all partners',
                                            'ru': 'товары и услуги всем партнёрам'},
            'figures_year.best': {'en': 'the best-fitting year up to 2002', 'ru': 'наиболее близкий год до 2002'},
            'flows_source.dots': {'en': "the countries' own records (IMF DOTS)",
                                  'ru': 'собственные записи стран (IMF DOTS)'},
            'flows_source.cow': {'en': 'COW v4.0', 'ru': 'COW v4.0'},
            'window.whole': {'en': 'the whole series', 'ru': 'весь ряд'},
            'window.last_10': {'en': 'the last ten years', 'ru': 'последние десять лет'},
            'window.last_5': {'en': 'the last five years', 'ru': 'последние пять лет'},
            'records.both': {'en': 'both records', 'ru': 'обе записи'},
            'records.reporter': {'en': "Kazakhstan's record", 'ru': 'запись Казахстана'},
            'records.mirror': {'en': "the partners' record", 'ru': 'запись партнёров'}},
 'estimates': {'C1': {'en': "share of countries in the essay's order", 'ru': 'доля стран в порядке эссе'},
               'C2': {'en': "Spearman's rho of the gap and the trough; the claim needs it negative",
                      'ru': 'ро Спирмена разрыва и дна спада; тезису нужно отрицательное'},
               'C3': {'en': "governance's Shapley share of R²", 'ru': 'доля Шепли управления в R²'},
               'C4': {'en': 'the CIS median fall of the share of trade with the other former republics, points',
                      'ru': 'медианное падение доли торговли стран СНГ с другими бывшими республиками, п.п.'},
               'C5': {'en': 'the CIS median manufactures share of merchandise exports, %',
                      'ru': 'медианная доля готовых изделий в товарном экспорте СНГ, %'},
               'C6': {'en': "the named shares' distance to the essay's 76 / 10 / 5, points",
                      'ru': 'расстояние долей трёх названных стран до 76 / 10 / 5 эссе, п.п.'},
               'C7': {'en': 'the smallest share, over the records judged, of the decided years in which Russia leads',
                      'ru': 'наименьшая по оцениваемым записям доля решённых лет, в которые лидирует Россия'},
               'C8': {'en': 'blocs active among the CIS countries in the judged year',
                      'ru': 'действующих блоков среди стран СНГ в оцениваемый год'},
               'C9': {'en': "the members' reform lead, EBRD points",
                      'ru': 'опережение членов в реформах, баллы ЕБРР'},
               'C10': {'en': 'median years from agreement to working union (a lower bound while any is open)',
                       'ru': 'медиана лет от соглашения до действующего союза (нижняя граница, пока какие-то не '
                             'завершены)'}}}
