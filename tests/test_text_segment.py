"""Sentence splitting: boundaries, non-boundaries and offsets."""
from __future__ import annotations

import pytest

from marsad.text.segment import Sentence, split_sentences


def sentences(text):
    out = split_sentences(text)
    for s in out:
        piece = text[s.start:s.end]
        assert piece == piece.strip() and piece
    return [text[s.start:s.end] for s in out]


@pytest.mark.parametrize("text, expected", [
    ("سيطرت القوات على القرية. وانسحب المسلحون باتجاه الصحراء.",
     ["سيطرت القوات على القرية.", "وانسحب المسلحون باتجاه الصحراء."]),
    ("هل فُتح الطريق؟ لم يُفتح بعد! وقال مصدر إنه مغلق",
     ["هل فُتح الطريق؟", "لم يُفتح بعد!", "وقال مصدر إنه مغلق"]),
    ("انتهت المعركة۔ بدأ النزوح", ["انتهت المعركة۔", "بدأ النزوح"]),
    ("لم يتضح مصيرهم… وقالت الأمم المتحدة إنها قلقة",
     ["لم يتضح مصيرهم…", "وقالت الأمم المتحدة إنها قلقة"]),
    ("هل انسحبوا؟! لا أحد يعرف", ["هل انسحبوا؟!", "لا أحد يعرف"]),
    # no space after the full stop, the next word glued on (scraped text)
    ("أغلق الجيش المعبر.وقال مصدر إن الإغلاق مؤقت", ["أغلق الجيش المعبر.", "وقال مصدر إن الإغلاق مؤقت"]),
    # a sentence ending in a number still ends
    ("بدأت العملية في 2016. وانتهت بعد عام", ["بدأت العملية في 2016.", "وانتهت بعد عام"]),
    # a quotation closed on the same line, then the sentence ends after it
    ("قال الناطق: «انتهى الأمر.» ثم غادر", ["قال الناطق: «انتهى الأمر.»", "ثم غادر"]),
    # a blank line and a single line break both end a paragraph
    ("الفقرة الأولى بلا نقطة\n\nالفقرة الثانية\nالفقرة الثالثة",
     ["الفقرة الأولى بلا نقطة", "الفقرة الثانية", "الفقرة الثالثة"]),
    ("سطر أول\r\nسطر ثانٍ", ["سطر أول", "سطر ثانٍ"]),
    # a colon ending a line, then list items; markers are left out of the span
    ("وأكدت المصادر ما يلي:\n- إغلاق طريق الحسكة\n• فتح معبر اليعربية\n* نزوح العائلات",
     ["وأكدت المصادر ما يلي:", "إغلاق طريق الحسكة", "فتح معبر اليعربية", "نزوح العائلات"]),
    ("المطالب:\n1. وقف إطلاق النار\n٢) إدخال المساعدات\n3- تبادل الأسرى",
     ["المطالب:", "وقف إطلاق النار", "إدخال المساعدات", "تبادل الأسرى"]),
    # inline bullets
    ("عاجل • قصف على إدلب • اشتباكات في درعا", ["عاجل", "قصف على إدلب", "اشتباكات في درعا"]),
])
def test_segment_splits(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text", [
    # decimals in both scripts
    "ارتفعت النسبة إلى 3.5 بالمئة خلال الشهر",
    "نزح ٣٫٥ مليون شخص من المحافظة",
    # the abbreviation د. (doctor) and initials
    "قال د. محمد الحسن إن الوضع خطير",
    "أكد أ.د. خالد العمر أن الطريق مغلق",
    "صرح ع. م. الجبوري للصحافيين",
    "نقلت وكالة U.S. News عن مسؤول",
    # a full stop inside a quotation that closes on the same line
    "وقال: «انتهت المرحلة الأولى. وستبدأ الثانية قريباً» بحسب البيان",
    'وقال "لن نتراجع. سنواصل القتال" في كلمة متلفزة',
    # a colon inside a line is not a boundary
    "وقال المصدر: إن الطريق مغلق منذ أيام",
    # a year range after a dash at line start is not a list marker
    "2014 - 2017 سنوات الحرب",
])
def test_segment_does_not_split(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "...", "- \n•"])
def test_segment_empty_or_punctuation_only(text):
    assert split_sentences(text) == []


def test_segment_offsets_trim_whitespace_and_controls():
    text = "  \u200fأغلقت القوات الطريق.   وفتحت آخر  \n"
    assert split_sentences(text) == [Sentence(3, 23), Sentence(26, 35)]
    assert text[3:23] == "أغلقت القوات الطريق."
    assert text[26:35] == "وفتحت آخر"


def test_segment_an_article():
    # (speed is measured by bench/bench_places.py, not here)
    para = ("قالت مصادر استخبارية عراقية إن الممرات التي استخدمها المسلحون تقلصت. "
            "وأضافت أن ممراً بطول 20 كم لا يزال قائماً بين بلدتين؟ ولم تؤكد ذلك د. سارة.\n")
    article = para * (3000 // len(para) + 1)
    out = split_sentences(article)
    assert len(out) == 3 * (3000 // len(para) + 1)
