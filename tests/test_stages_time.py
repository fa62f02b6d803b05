"""The time stage on hand-written news sentences: one date pattern per case."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.errors import MarsadError
from marsad.pipeline import Pipeline
from marsad.stages.time import make_time, time_words

TEXT_STAGES = Pipeline(("normalize", "segment"))
time_stage = make_time()


def dates(text: str, published: str | None = None) -> list:
    doc = TEXT_STAGES(Doc(text=text, meta={"published": published} if published else {}))
    return [m for m in time_stage(doc).mentions if m.label == "DATE"]


# (sentence, mention text, value, precision)
EXPLICIT = [
    # Levantine / Iraqi month names
    pytest.param("دخلت القطعات العسكرية حي الزنجيلي في 4 كانون الثاني 2017 بعد قتال عنيف.",
                 "4 كانون الثاني 2017", "2017-01-04", "day", id="levant-kanun-thani"),
    pytest.param("أعلنت قيادة العمليات في 19 شباط 2017 انطلاق معركة الساحل الأيمن.",
                 "19 شباط 2017", "2017-02-19", "day", id="levant-shubat"),
    pytest.param("وشهدت البلدة في 2 آذار 2016 موجة نزوح كبيرة نحو المخيمات.",
                 "2 آذار 2016", "2016-03-02", "day", id="levant-adhar"),
    pytest.param("وكانت الفصائل قد سيطرت على التلة في 30 أيلول 2015.",
                 "30 أيلول 2015", "2015-09-30", "day", id="levant-aylul"),
    pytest.param("جرى تبادل الأسرى في 17 تشرين الأول 2016 عند المعبر.",
                 "17 تشرين الأول 2016", "2016-10-17", "day", id="levant-tishrin-awwal"),
    pytest.param("أغلق الطريق الدولي منذ 8 تموز 2014 بسبب القصف.",
                 "8 تموز 2014", "2014-07-08", "day", id="levant-tammuz"),
    pytest.param("انسحب المسلحون من القرية في 11 آب 2014 تحت ضغط الغارات.",
                 "11 آب 2014", "2014-08-11", "day", id="levant-ab-with-day"),
    # Egyptian / Gulf month names
    pytest.param("وصلت قافلة المساعدات إلى المدينة في 3 فبراير 2015.",
                 "3 فبراير 2015", "2015-02-03", "day", id="gulf-febrayer"),
    pytest.param("اندلعت الاشتباكات في 21 إبريل 2016 على أطراف الحي.",
                 "21 إبريل 2016", "2016-04-21", "day", id="gulf-ibril-hamza"),
    pytest.param("أعلن التحالف في 9 يونيه 2017 استعادة الجامع.",
                 "9 يونيه 2017", "2017-06-09", "day", id="gulf-yunyah"),
    pytest.param("استؤنفت المفاوضات في 14 مارس 2016 في جنيف.",
                 "14 مارس 2016", "2016-03-14", "day", id="gulf-mars-with-day"),
    pytest.param("جرت الانتخابات المحلية في ديسمبر 2013 وسط إجراءات أمنية.",
                 "ديسمبر 2013", "2013-12", "month", id="gulf-month-year"),
    # Maghrebi month names
    pytest.param("نفذت الوحدات الخاصة عملية تمشيط يوم 14 جويلية 2015 بالمنطقة الحدودية.",
                 "14 جويلية 2015", "2015-07-14", "day", id="maghreb-juillet"),
    pytest.param("أوقفت مصالح الأمن ثلاثة مشتبه بهم في 5 جانفي 2016.",
                 "5 جانفي 2016", "2016-01-05", "day", id="maghreb-janvier"),
    pytest.param("وقع الانفجار في 20 أوت 2013 قرب الثكنة.",
                 "20 أوت 2013", "2013-08-20", "day", id="maghreb-aout"),
    pytest.param("صدر الحكم في 2 ماي 2018 بعد جلسات مطولة.",
                 "2 ماي 2018", "2018-05-02", "day", id="maghreb-mai-with-day"),
    # combined names
    pytest.param("دخلت القوات المدينة في 4 كانون الثاني/يناير 2017 بعد معارك.",
                 "4 كانون الثاني/يناير 2017", "2017-01-04", "day", id="combined-slash"),
    pytest.param("وقعت الهدنة في 30 ديسمبر (كانون الأول) 2016 برعاية روسية تركية.",
                 "30 ديسمبر (كانون الأول) 2016", "2016-12-30", "day", id="combined-brackets"),
    # ordinals
    pytest.param("بدأ الهجوم فجر الرابع من تشرين الثاني 2016 من المحور الشرقي.",
                 "الرابع من تشرين الثاني 2016", "2016-11-04", "day", id="ordinal-day"),
    # years
    pytest.param("احتل التنظيم المدينة في حزيران عام 2014.", "حزيران عام 2014", "2014-06", "month",
                 id="month-aam-year"),
    pytest.param("سيطر المسلحون على الموصل العام 2014 وأعلنوا دولتهم.", "العام 2014", "2014", "year",
                 id="al-aam-year"),
    pytest.param("احتل التنظيم الموصل عام ألفين و أربعة عشر وسط انهيار القوات.",
                 "عام ألفين و أربعة عشر", "2014", "year", id="year-in-words"),
    pytest.param("تأسست الفرقة سنة ألفين وثلاثة بعد الغزو.", "سنة ألفين وثلاثة", "2003", "year",
                 id="year-in-words-sana"),
    pytest.param("تعمل المنظمة في المنطقة منذ 2011 دون انقطاع.", "2011", "2011", "year",
                 id="bare-year-after-preposition"),
    # Hijri
    pytest.param("جرى ذلك في 6 ربيع الآخر 1438 هـ حسب البيان.", "6 ربيع الآخر 1438 هـ", "2017-01-04", "day",
                 id="hijri-day"),
    pytest.param("صدر البيان في 10 ذو الحجة 1437 هـ بمناسبة العيد.", "10 ذو الحجة 1437 هـ", "2016-09-11", "day",
                 id="hijri-dhu-al-hijja"),
    pytest.param("تكررت الهجمات خلال شهر رمضان 1437 هـ على الأسواق.", "رمضان 1437 هـ", "2016-06", "month",
                 id="hijri-month"),
    # numeric
    pytest.param("صدر البيان بتاريخ 4/1/2017 وتم توزيعه على الصحفيين.", "4/1/2017", "2017-01-04", "day",
                 id="numeric-slash"),
    pytest.param("صدر البيان بتاريخ ٤/١/٢٠١٧ وتم توزيعه على الصحفيين.", "٤/١/٢٠١٧", "2017-01-04", "day",
                 id="numeric-eastern-digits"),
    pytest.param("نشر التقرير في 2017-01-04 على موقع الوزارة.", "2017-01-04", "2017-01-04", "day",
                 id="numeric-iso"),
    pytest.param("دخل القرار حيز التنفيذ في 15.3.2016 بحسب الجريدة الرسمية.", "15.3.2016", "2016-03-15", "day",
                 id="numeric-dots"),
]


@pytest.mark.parametrize("text, surface, value, precision", EXPLICIT)
def test_time_explicit_dates(text, surface, value, precision):
    found = dates(text)
    assert [m.text for m in found] == [surface]
    assert found[0].value["value"] == value
    assert found[0].value["precision"] == precision


def test_time_hijri_marks_calendar():
    (m,) = dates("جرى ذلك في 6 ربيع الآخر 1438 هـ حسب البيان.")
    assert m.value["calendar"] == "hijri" and m.value["hijri"] == "1438-04-06"


# (sentence, published, mention text, value, relative)
RELATIVE = [
    pytest.param("قال المتحدث أمس إن القوات تقدمت نحو الجسر.", "2017-01-05", "أمس", "2017-01-04", "yesterday",
                 id="yesterday"),
    pytest.param("قال المتحدث أمس إن القوات تقدمت نحو الجسر.", None, "أمس", None, "yesterday",
                 id="yesterday-unpublished"),
    pytest.param("تعقد اللجنة اجتماعها غداً في مقر المحافظة.", "2017-01-05", "غداً", "2017-01-06", "tomorrow",
                 id="tomorrow"),
    pytest.param("وصلت التعزيزات أول أمس إلى الخطوط الأمامية.", "2017-01-05", "أول أمس", "2017-01-03",
                 "day_before_yesterday", id="day-before-yesterday"),
    pytest.param("أعلنت الوزارة اليوم الخميس فتح الطريق.", "2017-01-05", "اليوم الخميس", "2017-01-05", "today",
                 id="today-with-weekday"),
    pytest.param("هاجم المسلحون القرية يوم الأحد الماضي.", "2017-01-05", "يوم الأحد الماضي", "2017-01-01",
                 "weekday", id="weekday-past"),
    pytest.param("وقع الانفجار الثلاثاء قرب السوق.", "2017-01-05", "الثلاثاء", "2017-01-03", "weekday",
                 id="weekday-bare"),
    pytest.param("وقع الانفجار الثلاثاء قرب السوق.", None, "الثلاثاء", None, "weekday",
                 id="weekday-unpublished"),
    pytest.param("تراجعت حدة القصف الشهر الماضي في ريف المدينة.", "2017-01-05", "الشهر الماضي", "2016-12",
                 "month:-1", id="last-month"),
    pytest.param("ارتفع عدد النازحين العام الماضي بشكل كبير.", "2017-01-05", "العام الماضي", "2016", "year:-1",
                 id="last-year"),
    pytest.param("وقعت المعركة منذ ثلاثة أيام عند مدخل البلدة.", "2017-01-05", "منذ ثلاثة أيام", "2017-01-02",
                 "day:-3", id="three-days-ago"),
    pytest.param("انسحب المقاتلون قبل يومين من مواقعهم.", "2017-01-05", "قبل يومين", "2017-01-03", "day:-2",
                 id="two-days-ago"),
    pytest.param("انسحب المقاتلون قبل يومين من مواقعهم.", None, "قبل يومين", None, "day:-2",
                 id="two-days-ago-unpublished"),
]


@pytest.mark.parametrize("text, published, surface, value, relative", RELATIVE)
def test_time_relative_dates(text, published, surface, value, relative):
    found = dates(text, published)
    assert [m.text for m in found] == [surface]
    assert found[0].value["value"] == value
    assert found[0].value["relative"] == relative


def test_time_last_week_is_a_seven_day_window():
    (m,) = dates("شنت الطائرات غارات مكثفة الأسبوع الماضي على المعابر.", "2017-01-05")
    assert (m.value["value"], m.value["end"]) == ("2016-12-29", "2017-01-04")


# (sentence, published, mention text, start, end)
RANGES = [
    pytest.param("استمرت المعارك بين 3 و5 كانون الثاني 2017 في الأحياء الشرقية.", None,
                 "بين 3 و5 كانون الثاني 2017", "2017-01-03", "2017-01-05", id="days-bayn-wa"),
    pytest.param("تراجعت الهجمات من يناير إلى مارس 2017 بحسب التقرير.", None,
                 "من يناير إلى مارس 2017", "2017-01", "2017-03", id="months-min-ila"),
    pytest.param("أغلق المعبر من 10 إلى 14 أيار 2016 لأسباب أمنية.", None,
                 "من 10 إلى 14 أيار 2016", "2016-05-10", "2016-05-14", id="days-min-ila"),
    pytest.param("بلغت العمليات ذروتها بين عامي 2015 و2016 في المحافظة.", None,
                 "بين عامي 2015 و2016", "2015", "2016", id="years"),
]


@pytest.mark.parametrize("text, published, surface, start, end", RANGES)
def test_time_ranges(text, published, surface, start, end):
    found = dates(text, published)
    assert [m.text for m in found] == [surface]
    assert (found[0].value["value"], found[0].value["end"]) == (start, end)


# month without a year: the publication year, marked as inferred; null without one
def test_time_month_without_year_takes_publication_year():
    (m,) = dates("جرى الاتفاق في أغسطس الماضي بين الطرفين.", "2017-01-05")
    assert m.text == "أغسطس الماضي"
    assert m.value == {"value": "2016-08", "precision": "month", "year_inferred": True}
    (m,) = dates("جرى الاتفاق في أغسطس الماضي بين الطرفين.")
    assert m.value["value"] is None and m.value["month"] == 8


# words that look like month names, weekdays or relative words but are none
NOT_DATES = [
    pytest.param("مارس التنظيم الضغط على السكان لإجبارهم على البقاء.", id="maras-verb"),
    pytest.param("قال إن آب المنطقة الروحي رفض الخروج من منزله.", id="ab-father"),
    pytest.param("اشترى المقاتلون سيارة نيسان بيضاء من السوق.", id="nissan-car"),
    pytest.param("سجل العداد صفر إصابات في المخيم هذا الصباح.", id="safar-zero"),
    pytest.param("التقى الوفد بالشيخ رجب في مضافته.", id="rajab-name"),
    pytest.param("ماي الحديث عنه غير صحيح كما قال المصدر.", id="may-word"),
    pytest.param("وصل الجرحى إلى المستشفى في اليوم التالي للهجوم.", id="the-next-day"),
    pytest.param("قتل المسلحون الرهائن قبل أن تصل القوات.", id="qabl-an"),
    pytest.param("يقع الحاجز على بعد 2000 متر من الجسر.", id="number-not-year"),
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_time_homographs_are_not_dates(text):
    assert dates(text) == []


def test_time_offsets_point_into_the_original_text():
    text = "وأكد المصدر أن الهجوم وقع في 12 تشرين الأول 2016."
    (m,) = dates(text)
    assert text[m.start:m.end] == m.text == "12 تشرين الأول 2016"


def test_time_lexicon_is_validated(monkeypatch):
    import marsad.stages.time as t
    time_words.cache_clear()
    monkeypatch.setattr(t, "read_json", lambda name: {"months": {"hijri": {"محرم": 13}}})
    try:
        with pytest.raises(MarsadError, match="E050"):
            time_words()
    finally:
        time_words.cache_clear()
