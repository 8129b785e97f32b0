"""Russian texts of the figures and table headers of notebook 10 (real time), of notebook 03's programme
dating and of the group aggregates (weighted by output).

Kept apart from :mod:`transition.present.labels` (which merges them into its catalogue, never overriding
an entry it has) so that neither module grows past the house limit.
"""
from __future__ import annotations

_GROUPS = {"CIS": "СНГ", "CEE & Baltics": "ЦВЕ и Балтия", "SEE": "ЮВЕ", "Mongolia": "Монголия"}

REAL_TIME_TEXTS: dict[str, str] = {
    # aggregates (weighted by output) and their groups
    "All but Mongolia": "Все, кроме Монголии", "Central & South-East Europe": "Центральная и Юго-Восточная Европа",
    "Europe outside the CIS": "Европа вне СНГ", "weighted": "взвешенное", "median": "медиана",
    "n_weighted": "n (с весом)", "weight_total": "сумма весов", "vintage": "выпуск данных",
    "Group growth weighted by real GDP at {0} PPP (Maddison Project {1}), and the median":
        "Рост по группам, взвешенный по реальному ВВП по ППС {0} г. (Maddison Project {1}), и медиана",
    "Group growth weighted by real GDP in constant {0} US$ (WDI), and the median":
        "Рост по группам, взвешенный по реальному ВВП в постоянных долларах США {0} г. (WDI), и медиана",
    "Group growth weighted by population (Maddison Project {0}), and the median":
        "Рост по группам, взвешенный по населению (Maddison Project {0}), и медиана",
    "real GDP growth, % per year": "рост реального ВВП, % в год",
    # 10: the screen of the vintages (variable, rule, action)
    "inflation": "инфляция", "growth": "рост", "dropped": "исключено",
    "outside {0} to {1}% per year": "вне диапазона от {0} до {1}% в год",
    **{f"{g}: {what}": f"{ru}: {text}" for g, ru in _GROUPS.items() for what, text in (
        ("weighted, today", "взвешенное, сегодня"), ("median, today", "медиана, сегодня"),
        ("weighted, first release", "взвешенное, первая оценка"))},
    # 10: figures
    "Real GDP growth: the figures of {0} and today's": "Рост реального ВВП: данные {0} г. и сегодняшние",
    "Real GDP growth as published in {0} (WEO), %": "Рост реального ВВП, опубликованный в {0} г. (WEO), %",
    "Real GDP growth today (WEO April {0}), %": "Рост реального ВВП сегодня (WEO, апрель {0} г.), %",
    "Real GDP growth today (WDI), %": "Рост реального ВВП сегодня (WDI), %",
    "target year (colour: group)": "год, к которому относятся данные (цвет: группа)", "no revision": "без пересмотра",
    "Real GDP growth: how far today's figures are from the first release (WEO April {0})":
        "Рост реального ВВП: насколько сегодняшние данные отличаются от первой оценки (WEO, апрель {0} г.)",
    "Real GDP growth: how far today's figures are from the first release (WDI)":
        "Рост реального ВВП: насколько сегодняшние данные отличаются от первой оценки (WDI)",
    "median |today - first release|, percentage points": "медиана |сегодня − первая оценка|, п.п.",
    "target year": "год, к которому относятся данные",
    # 10: tables
    "Vintage values screened out": "Значения выпусков, отсеянные проверкой",
    "Revisions against WDI": "Пересмотры относительно WDI", "Revisions against WEO April {0}": "Пересмотры относительно WEO, апрель {0} г.",
    "Inflation {0}: {1}-{2} and {3}-{4} editions": "Инфляция {0} г.: выпуски {1}-{2} и {3}-{4}",
    "edition": "выпуск", "target_year": "год данных", "of_the_day": "данные того времени", "later": "позже",
    "change": "изменение", "first_release": "первая оценка", "revised": "сегодня", "largest": "наибольший",
    "median_of_the_day": "медиана того времени", "median_revised": "медиана сегодня", "median_revision": "медиана пересмотра",
    "median_abs_revision": "медиана абс. пересмотра", "n_large": "n (крупный пересмотр)",
    "today, WDI": "сегодня, WDI", "revision, WDI": "пересмотр, WDI", "today, WEO April {0}": "сегодня, WEO, апрель {0} г.",
    "revision, WEO April {0}": "пересмотр, WEO, апрель {0} г.", "today, CPI, screened": "сегодня, ИПЦ после проверки",
    "revision, CPI, screened": "пересмотр, ИПЦ после проверки", "changed rows": "изменённые строки",
    "median_index_rich": "медианный индекс (богатые)", "median_index_poor": "медианный индекс (бедные)",
    "median_growth_rich": "медианный рост (богатые)", "median_growth_poor": "медианный рост (бедные)",
    "n_rich": "n (богатые)", "n_poor": "n (бедные)", "difference_low": "разность: нижняя граница",
    "difference_high": "разность: верхняя граница",
    # 03: programme dating
    "Real GDP growth around the stabilization programme, by country group":
        "Рост реального ВВП вокруг программы стабилизации, по группам стран",
    "years since the stabilization programme (t = {0}: the programme's year)":
        "лет с программы стабилизации (t = {0}: год программы)",
    "kind": "вид", "role": "роль", "passes": "проходит проверку", "programme_date": "дата программы",
    "programme_year": "год программы", "lag_years_programme": "лаг от программы, лет",
    "lag_years_outcome": "лаг от стабилизации по итогу, лет", "years_programme_to_outcome": "лет от программы до итога",
    "median_lag_years_programme": "медианный лаг от программы, лет",
    "median_lag_years_outcome_same_countries": "медианный лаг от итога (те же страны), лет",
    "median_years_programme_to_outcome": "медиана лет от программы до итога", "n_programmes": "число программ",
    "n_with_lag": "n (с лагом)", "verdict": "вердикт", "first_year_below": "первый год ниже порога",
    "arrangement": "договорённость с МВФ", "disinflation": "дезинфляция", "inflation_rose": "инфляция выросла",
    "no_disinflation": "нет дезинфляции", "no_data": "нет данных",
}
