"""Russian texts of the published-record table (notebook 00, section 5; ``data/published_figures.csv``).

The table's cells are texts of the record (measure, country or group, period); a displayed table
translates its cells from the catalogue (:func:`transition.present.table.cell_text`), the countries'
Russian names from ``data/countries.csv`` (``name_ru``), the rest from here. Numbers are templates
("real GDP in {0}").
"""
from __future__ import annotations

PUBLISHED_TEXTS: dict[str, str] = {
    # measures
    "depth of the transition trough": "глубина трансформационного спада",
    "first year of renewed growth": "первый год возобновления роста",
    "lag from stabilization to renewed growth": "лаг от стабилизации до возобновления роста",
    "peak inflation": "пиковая инфляция",
    "real GDP growth": "рост реального ВВП",
    "real GDP growth (first estimate)": "рост реального ВВП (первая оценка)",
    "real GDP growth (projection for the current year)": "рост реального ВВП (прогноз на текущий год)",
    "real GDP growth of the group": "рост реального ВВП группы",
    "real GDP growth of the group (estimate just after the year)": "рост реального ВВП группы (оценка сразу после года)",
    "real GDP growth of the group (estimate)": "рост реального ВВП группы (оценка)",
    "real GDP growth of the group (first estimate)": "рост реального ВВП группы (первая оценка)",
    "real GDP growth of the group (projection for the current year)": "рост реального ВВП группы (прогноз на текущий год)",
    "real GDP growth of the group, against the median": "рост реального ВВП группы, против медианы",
    "real GDP in {0}": "реальный ВВП в {0} г.",
    "stabilization year (inflation below {0}% for good)": "год стабилизации (инфляция ниже {0}% навсегда)",
    "year of the transition trough": "год дна трансформационного спада",
    # groups: the source's name / the compendium's
    "{0} transition economies (FSV) / countries with a programme followed by disinflation (compendium)":
        "{0} стран с переходной экономикой (FSV) / страны, где за программой последовала дезинфляция (компендиум)",
    "Baltic States (UN) / Baltic (compendium)": "страны Балтии (ООН) / Балтия (компендиум)",
    "Central & Eastern Europe (UN) / Central & South-East Europe (compendium)":
        "Центральная и Восточная Европа (ООН) / Центральная и Юго-Восточная Европа (компендиум)",
    "Central & Eastern Europe and Baltic States (UN) / Europe outside the CIS (compendium)":
        "Центральная и Восточная Европа и страны Балтии (ООН) / Европа вне СНГ (компендиум)",
    "Central and eastern Europe and the Baltic states (EBRD) / CEE & Baltics (compendium)":
        "Центральная и Восточная Европа и страны Балтии (ЕБРР) / ЦВЕ и Балтия (компендиум)",
    "Central-Eastern Europe and Baltic States (EBRD) / CEE & Baltics (compendium)":
        "Центральная и Восточная Европа и страны Балтии (ЕБРР) / ЦВЕ и Балтия (компендиум)",
    "Commonwealth of independent states (UN) / CIS (compendium)": "Содружество Независимых Государств (ООН) / СНГ (компендиум)",
    "Economies in transition (UN) / All but Mongolia (compendium)":
        "страны с переходной экономикой (ООН) / все, кроме Монголии (компендиум)",
    "Economies in transition (UN) / All but Mongolia, median (compendium)":
        "страны с переходной экономикой (ООН) / все, кроме Монголии, медиана (компендиум)",
    "the EBRD's {0} countries of operations / All but Mongolia (compendium)":
        "{0} стран операций ЕБРР / все, кроме Монголии (компендиум)",
    "the EBRD's region (CEE, Baltics, SEE, CIS) / All but Mongolia (compendium)":
        "регион ЕБРР (ЦВЕ, Балтия, ЮВЕ, СНГ) / все, кроме Монголии (компендиум)",
    # periods
    "{0}-{1} (FSV); programmes of {2}-{3} (compendium)": "{0}–{1} (FSV); программы {2}–{3} гг. (компендиум)",
    "{0} (highest entry {1}-{2})": "{0} (наибольшее значение {1}–{2})",
}
