"""The label catalogue: translate, translate_figure, translate_frame and the record of missing texts."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from transition.present import labels  # noqa: E402
from transition.present.labels import CATALOGUE, missing, translate, translate_figure, translate_frame  # noqa: E402


@pytest.fixture(autouse=True)
def fresh_record():
    """Every test starts and ends with an empty record of untranslated texts."""
    labels._MISSING.clear()
    yield
    labels._MISSING.clear()


def test_an_exact_entry_is_used_as_it_is():
    assert translate("CIS", "ru") == "СНГ"
    assert translate("CEE & Baltics", "ru") == "ЦВЕ и Балтия"
    assert missing() == []


def test_numbers_fill_the_template_in_order():
    assert translate("Real GDP index, 1995 = 100", "ru") == "Индекс реального ВВП, 1995 = 100"
    assert translate("Real GDP index, 2000 = 50", "ru") == "Индекс реального ВВП, 2000 = 50"
    # decimals, negative numbers and several slots keep their order
    assert (translate("Trough vs liberalization-institutions gap (Spearman rho = -0.06, p = 0.77, n = 23)", "ru")
            == "Дно спада и разрыв либерализация–институты (ρ Спирмена = -0.06, p = 0.77, n = 23)")
    assert translate("lag 3", "ru") == "лаг 3" and translate("sum 0-3", "ru") == "сумма 0–3"
    assert translate("EBRD average (t-2)", "ru") == "Средний индикатор ЕБРР (t-2)"


def test_numbers_inside_snake_case_names_are_slots_but_not_numbers_glued_to_letters():
    assert translate("gdp_index_2007", "ru") == "индекс ВВП 2007"
    assert translate("growth_1990_2000", "ru") == "рост 1990–2000"
    assert labels._NUMBER.findall("eci_hs92 wdi2013 CU2010") == []
    assert labels._NUMBER.findall("t-1, 1989-2006, x = -0.5") == ["1", "1989", "2006", "-0.5"]


def test_a_template_is_only_used_when_the_words_match():
    assert translate("Real GDP index, 1995 = 100 (PPP)", "ru") == "Real GDP index, 1995 = 100 (PPP)"
    assert missing() == ["Real GDP index, 1995 = 100 (PPP)"]


def test_multi_line_texts_are_translated_line_by_line():
    assert translate("EBRD average\n(main model)", "ru") == "Средний индикатор ЕБРР\n(основная модель)"
    assert translate("CIS\nlag 2", "ru") == "СНГ\nлаг 2"


def test_a_source_note_keeps_its_citation():
    note = "Source: Gapminder Systema Globalis; Penn World Table 10.01."
    assert translate(note, "ru") == "Источник: Gapminder Systema Globalis; Penn World Table 10.01."
    assert missing() == []


def test_unknown_texts_stay_english_and_are_recorded_once():
    assert translate("A title nobody translated", "ru") == "A title nobody translated"
    translate("A title nobody translated", "ru")
    translate("Another one, 1999", "ru")
    assert missing() == ["A title nobody translated", "Another one, 1999"]


def test_codes_numbers_symbols_and_mathtext_need_no_translation():
    for text in ["RUS", "L>S>I>P", "1995", "−2.5", "'93", "$\\mathdefault{10^{2}}$", "R² = 0.38", "", "  "]:
        assert translate(text, "ru") == text
    assert missing() == []


def test_english_passes_through_untouched_and_records_nothing():
    assert translate("A title nobody translated", "en") == "A title nobody translated"
    assert translate("CIS", "en") == "CIS"
    assert missing() == []


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be one of en, ru, not 'de'"):
        translate("CIS", "de")


def test_the_catalogue_is_consistent():
    for english, russian in CATALOGUE.items():
        assert russian.strip(), english
        slots = sorted(set(labels.re.findall(r"\{\d+\}", english)))
        assert slots == sorted(set(labels.re.findall(r"\{\d+\}", russian))), english  # every number reappears


@pytest.fixture()
def figure():
    fig, (left, right) = plt.subplots(1, 2)
    left.bar(["CIS", "SEE"], [1, 2], label="liberalization reached")
    left.set(title="Real GDP index, 1995 = 100", xlabel="Year", ylabel="number of countries")
    left.legend(title="group")
    right.plot([1990, 2000], [100, 80], label="CIS (n = 12)")
    right.annotate("essay (~2002)", (1995, 90))
    right.legend()
    fig.suptitle("Peak annual inflation 1989-2000, by country group")
    yield fig
    plt.close(fig)


def test_translate_figure_translates_every_text(figure):
    left, right = figure.axes
    xlim = right.get_xlim()
    translate_figure(figure, "ru")
    assert left.get_title() == "Индекс реального ВВП, 1995 = 100"
    assert left.get_xlabel() == "Год" and left.get_ylabel() == "число стран"
    assert [t.get_text() for t in left.get_xticklabels()] == ["СНГ", "ЮВЕ"]
    assert [t.get_text() for t in left.get_legend().get_texts()] == ["либерализация достигнута"]
    assert left.get_legend().get_title().get_text() == "группа"
    assert [t.get_text() for t in right.get_legend().get_texts()] == ["СНГ (n = 12)"]
    assert right.texts[0].get_text() == "эссе (~2002)"
    assert figure._suptitle.get_text() == "Пиковая годовая инфляция 1989–2000 по группам стран"
    assert right.get_xlim() == xlim  # numeric ticks are left alone
    assert missing() == []


def test_translated_tick_labels_survive_a_redraw_and_keep_the_view(figure):
    left = figure.axes[0]
    ylim = left.get_ylim()
    translate_figure(figure, "ru")
    figure.canvas.draw()
    assert [t.get_text() for t in left.get_xticklabels()] == ["СНГ", "ЮВЕ"]
    assert left.get_ylim() == ylim


def test_translate_figure_in_english_changes_nothing(figure):
    translate_figure(figure, "en")
    assert figure.axes[0].get_title() == "Real GDP index, 1995 = 100"


def test_translate_frame_translates_headers_not_values():
    frame = pd.DataFrame({"group": ["CIS", "SEE"], "Year": [1995, 2000], 2002: [1.0, 2.0]},
                         index=pd.Index(["RUS", "ALB"], name="iso3"))
    shown = translate_frame(frame, "ru")
    assert list(shown.columns) == ["группа", "Год", 2002]
    assert shown.index.name == "iso3" and list(shown.index) == ["RUS", "ALB"]
    assert list(shown["группа"]) == ["CIS", "SEE"]  # values unchanged
    assert list(frame.columns) == ["group", "Year", 2002]  # a copy: the original keeps its headers
    assert missing() == []


def test_translate_frame_translates_row_labels_and_every_level():
    frame = pd.DataFrame([[1.0, 2.0]], index=pd.MultiIndex.from_tuples([("gdp_index_2000", "resource_index")],
                                                                        names=["outcome", "term"]),
                         columns=pd.Index(["joint", "CIS only"], name="model"))
    shown = translate_frame(frame, "ru")
    assert list(shown.index) == [("индекс ВВП 2000", "индекс ресурсной зависимости")]
    assert list(shown.index.names) == ["итоговый показатель", "переменная"]
    assert list(shown.columns) == ["совместная", "только СНГ"] and shown.columns.name == "модель"
    assert translate_frame(frame, "en") is frame
