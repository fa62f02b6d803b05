"""The quantities stage on hand-written news sentences: one bound, kind or number form per case.
The time stage runs first, as in the default chain, so numbers inside dates are left alone."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.errors import MarsadError
from marsad.pipeline import Pipeline
from marsad.stages.quantities import make_quantities, quantity_words
from marsad.stages.time import make_time

TEXT_STAGES = Pipeline(("normalize", "segment"))
time_stage, quantities_stage = make_time(), make_quantities()


def quantities(text: str) -> list:
    doc = quantities_stage(time_stage(TEXT_STAGES(Doc(text=text))))
    return [m for m in doc.mentions if m.label == "QUANTITY"]


# (sentence, mention text, value, unit, bound, kind, head)
CASES = [
    # bounds
    pytest.param("ذكروا أن هناك ممراً بمسافة لا تقل عن 20 كيلومتراً بين البلدتين.",
                 "لا تقل عن 20 كيلومتراً", 20, "km", "min", "distance", "كيلومتراً", id="min-la-taqillu"),
    pytest.param("انتشر ما لا يقل عن 300 عنصر من الشرطة الاتحادية في الحي.",
                 "ما لا يقل عن 300 عنصر", 300, "fighter", "min", "fighters", "عنصر", id="min-ma-la-yaqillu"),
    pytest.param("تمركزت أكثر من ١٥ آلية عسكرية عند مدخل القضاء.",
                 "أكثر من ١٥ آلية", 15, "vehicle", "min", "vehicles", "آلية", id="min-akthar-eastern-digits"),
    pytest.param("يضم المخيم ما يزيد على 2000 عائلة نازحة من الريف الغربي.",
                 "ما يزيد على 2000 عائلة", 2000, "family", "min", "families", "عائلة", id="min-ma-yazid"),
    pytest.param("تقدمت القوات مسافة 5 كيلومترات على الأقل داخل الصحراء.",
                 "5 كيلومترات على الأقل", 5, "km", "min", "distance", "كيلومترات", id="min-trailing"),
    pytest.param("يبعد خط التماس أقل من 3 كيلومترات عن وسط البلدة.",
                 "أقل من 3 كيلومترات", 3, "km", "max", "distance", "كيلومترات", id="max-aqall-min"),
    pytest.param("يمكن أن تستوعب القاعة ما لا يزيد عن 400 مدني في حالات الطوارئ.",
                 "ما لا يزيد عن 400 مدني", 400, "civilian", "max", "civilians", "مدني", id="max-ma-la-yazid"),
    pytest.param("نزح نحو 300 عائلة من القرى المحاذية للنهر.",
                 "نحو 300 عائلة", 300, "family", "approx", "displaced", "عائلة", id="approx-nahwa-displaced"),
    pytest.param("يتحصن في الجامع قرابة خمسين مسلحاً من التنظيم.",
                 "قرابة خمسين مسلحاً", 50, "fighter", "approx", "fighters", "مسلحاً", id="approx-qurabat-words"),
    pytest.param("ويقدر عدد المحاصرين بحوالي 1500 مدني داخل الأحياء القديمة.",
                 "بحوالي 1500 مدني", 1500, "civilian", "approx", "civilians", "مدني", id="approx-glued-clitic"),
    pytest.param("وصل إلى المخيم زهاء ألف لاجئ خلال الأسبوع.",
                 "زهاء ألف لاجئ", 1000, "person", "approx", "displaced", "لاجئ", id="approx-zuhaa"),
    pytest.param("فر عشرات المقاتلين باتجاه الحدود السورية.",
                 "عشرات المقاتلين", 10, "fighter", "approx", "fighters", "المقاتلين", id="approx-plural-asharat"),
    pytest.param("يعيش مئات المدنيين في ظروف صعبة داخل الحي المحاصر.",
                 "مئات المدنيين", 100, "civilian", "approx", "civilians", "المدنيين", id="approx-plural-miat"),
    # kinds from the head noun
    pytest.param("نشر الجيش ثلاثة آلاف جندي على طول الحدود.",
                 "ثلاثة آلاف جندي", 3000, "fighter", "exact", "fighters", "جندي", id="fighters-words-scale"),
    pytest.param("أحصت المنظمة 12 قتيلاً في صفوف المدنيين.",
                 "12 قتيلاً", 12, "person", "exact", "killed", "قتيلاً", id="killed-noun"),
    pytest.param("نقل 7 جرحى إلى مستشفى المدينة.",
                 "7 جرحى", 7, "person", "exact", "wounded", "جرحى", id="wounded-noun"),
    pytest.param("أطلق التنظيم سراح 14 أسيراً من أبناء العشائر.",
                 "14 أسيراً", 14, "person", "exact", "captured", "أسيراً", id="captured-noun"),
    pytest.param("رصدت الطائرات 4 دبابات تتحرك نحو التلة.",
                 "4 دبابات", 4, "vehicle", "exact", "vehicles", "دبابات", id="vehicles-tanks"),
    pytest.param("خصصت الحكومة مبلغ 5 ملايين دولار لإعادة الإعمار.",
                 "5 ملايين دولار", 5000000, "USD", "exact", "money", "دولار", id="money-millions"),
    pytest.param("فرض المسلحون إتاوة قدرها 250 ألف دينار عراقي على كل شاحنة.",
                 "250 ألف دينار عراقي", 250000, "IQD", "exact", "money", "دينار عراقي", id="money-dinar"),
    pytest.param("يقع الحاجز على بعد 800 متر من الجسر.",
                 "800 متر", 800, "m", "exact", "distance", "متر", id="distance-metres"),
    pytest.param("شنت المقاتلات ٢٣ غارة على مواقع التنظيم.",
                 "٢٣ غارة", 23, "strike", "exact", "count", "غارة", id="count-eastern-digits"),
    pytest.param("دمر القصف عشرين منزلاً في البلدة القديمة.",
                 "عشرين منزلاً", 20, "building", "exact", "count", "منزلاً", id="count-words"),
    # kinds from a casualty verb before the number
    pytest.param("قتل 5 أشخاص في انفجار عبوة ناسفة قرب السوق.",
                 "5 أشخاص", 5, "person", "exact", "killed", "أشخاص", id="killed-verb"),
    pytest.param("أسر التنظيم ثلاثة جنود قرب الحدود.",
                 "ثلاثة جنود", 3, "fighter", "exact", "captured", "جنود", id="captured-verb"),
    pytest.param("أسفر الهجوم عن مقتل أكثر من 40 مدنياً بينهم أطفال.",
                 "أكثر من 40 مدنياً", 40, "civilian", "min", "killed", "مدنياً", id="killed-masdar-bound"),
]


@pytest.mark.parametrize("text, surface, value, unit, bound, kind, head", CASES)
def test_quantities_value_unit_bound_kind(text, surface, value, unit, bound, kind, head):
    found = quantities(text)
    assert [m.text for m in found] == [surface]
    v = found[0].value
    assert (v["value"], v["unit"], v["bound"], v["kind"], v["head"]) == (value, unit, bound, kind, head)


def test_quantities_verb_without_head():
    found = quantities("قتل 5 أشخاص وأصيب 12 في القصف على الحي.")
    assert [(m.text, m.value["kind"]) for m in found] == [("5 أشخاص", "killed"), ("12", "wounded")]
    assert "head" not in found[1].value


def test_quantities_verb_keeps_the_head_kind_as_group():
    (m,) = quantities("أسر التنظيم ثلاثة جنود قرب الحدود.")
    assert m.value["group"] == "fighters"


def test_quantities_verb_does_not_override_a_thing():
    (m,) = quantities("قتل المسلحون الرهائن ثم أطلقوا 3 صواريخ على القاعدة.")
    assert m.value["kind"] == "count" and m.value["unit"] == "munition"


NOT_QUANTITIES = [
    pytest.param("احتل التنظيم الموصل عام 2014 وسط انهيار القوات.", id="year"),
    pytest.param("دخلت القوات المدينة في 4 كانون الثاني 2017 بعد معارك.", id="date-day"),
    pytest.param("شاركت الفرقة 16 في عمليات الساحل الأيسر.", id="unit-number"),
    pytest.param("سجل المؤشر ارتفاعاً طفيفاً بلغ 3 في الجلسة.", id="bare-number"),
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_quantities_numbers_without_head_are_not_quantities(text):
    assert quantities(text) == []


def test_quantities_offsets_point_into_the_original_text():
    text = "وأكد المصدر أن نحو 70 عنصراً انسحبوا."
    (m,) = quantities(text)
    assert text[m.start:m.end] == m.text == "نحو 70 عنصراً"


def test_quantities_lexicon_is_validated(monkeypatch):
    import marsad.stages.quantities as q
    quantity_words.cache_clear()
    monkeypatch.setattr(q, "read_json", lambda name: {"heads": {"goats": []}})
    try:
        with pytest.raises(MarsadError, match="E050"):
            quantity_words()
    finally:
        quantity_words.cache_clear()
