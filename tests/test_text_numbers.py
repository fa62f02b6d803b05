"""Numbers in digits, in words and mixed, with original offsets."""
from __future__ import annotations

import pytest

from marsad.text.normalize import normalize_key
from marsad.text.numbers import NumberSpan, find_numbers, lexicon, parse_digits, parse_number_words
from marsad.text.tokens import tokenize


def found(text):
    spans = find_numbers(text)
    for s in spans:
        assert isinstance(s, NumberSpan)
        surface = text[s.start:s.end]
        assert surface == surface.strip() and surface
    return [(text[s.start:s.end], s.value, s.approximate, s.written) for s in spans]


@pytest.mark.parametrize("text, expected", [
    # compounds joined by و, with and without a space after it
    ("وقعت الحادثة في عام ألفين و أربعة عشر قرب الحدود", [("ألفين و أربعة عشر", 2014, False, "words")]),
    ("أعلنت الوزارة مقتل خمسة وعشرين مسلحاً في الغارة", [("خمسة وعشرين", 25, False, "words")]),
    ("تضم الكتيبة مئة وعشرون جندياً", [("مئة وعشرون", 120, False, "words")]),
    ("قدرت المنظمة عدد النازحين بنحو ثلاثمئة وخمسون ألفاً", [("ثلاثمئة وخمسون ألفاً", 350000, False, "words")]),
    ("تجاوز عدد العائدين سبعة آلاف وخمسمئة شخص", [("سبعة آلاف وخمسمئة", 7500, False, "words")]),
    ("خصصت الحكومة مليونين وثلاثمئة ألف دينار", [("مليونين وثلاثمئة ألف", 2300000, False, "words")]),
    ("يبلغ عدد سكان البلدة ألف وخمسمئة نسمة", [("ألف وخمسمئة", 1500, False, "words")]),
    ("في ألفين وأربعة وعشرين عادت العائلات", [("ألفين وأربعة وعشرين", 2024, False, "words")]),
    ("نزح مليون ونصف من سكان المحافظة", [("مليون ونصف", 1500000, False, "words")]),
    ("خصص المانحون نصف مليار دولار وربع مليون أخرى", [("نصف مليار", 500000000, False, "words"),
                                                     ("ربع مليون", 250000, False, "words")]),
    ("وصل ثلاثة آلاف وربع", [("ثلاثة آلاف وربع", 3250, False, "words")]),
    # units in both genders and cases
    ("قتل ثلاثة مدنيين وأصيبت امرأة واحدة", [("ثلاثة", 3, False, "words"), ("واحدة", 1, False, "words")]),
    ("اعتقلت القوات اثنين من المشتبه بهم", [("اثنين", 2, False, "words")]),
    ("أصيبت اثنتان من الممرضات", [("اثنتان", 2, False, "words")]),
    ("استمر القصف ثماني ساعات", [("ثماني", 8, False, "words")]),
    ("توقفت المعارك عشرة أيام", [("عشرة", 10, False, "words")]),
    ("دمرت الغارة ست منازل", [("ست", 6, False, "words")]),
    # 11-19
    ("قتل أحد عشر عنصراً", [("أحد عشر", 11, False, "words")]),
    ("أصيبت إحدى عشرة امرأة", [("إحدى عشرة", 11, False, "words")]),
    ("سقط اثنا عشر صاروخاً و اثني عشر قذيفة", [("اثنا عشر", 12, False, "words"), ("اثني عشر", 12, False, "words")]),
    ("استمر الحصار ثلاثة عشر شهراً", [("ثلاثة عشر", 13, False, "words")]),
    ("وصلت تسع عشرة شاحنة", [("تسع عشرة", 19, False, "words")]),
    # tens, hundreds, thousands, millions, billions
    ("بعد تسعين يوماً من القتال", [("تسعين", 90, False, "words")]),
    ("دمرت مئتا منزل ومائتين وخمسين محلاً", [("مئتا", 200, False, "words"), ("مائتين وخمسين", 250, False, "words")]),
    ("فر ثلاث مئة شخص", [("ثلاث مئة", 300, False, "words")]),
    ("أرسلت البعثة تسعمائة طن من المساعدات", [("تسعمائة", 900, False, "words")]),
    ("فقد ألف شخص منازلهم في ألفين وعشرين", [("ألف", 1000, False, "words"), ("ألفين وعشرين", 2020, False, "words")]),
    ("وصل عدد اللاجئين إلى ثلاثة ملايين", [("ثلاثة ملايين", 3000000, False, "words")]),
    ("بلغت الخسائر مليار دولار", [("مليار", 1000000000, False, "words")]),
    ("تقدر المساعدات بمئتي ألف دولار", [("مئتي ألف", 200000, False, "words")]),
    ("جند التنظيم أحد عشر ألفاً", [("أحد عشر ألفاً", 11000, False, "words")]),
    # a clitic before the first word: the span starts after it
    ("قتل رجل وخمسة أطفال", [("خمسة", 5, False, "words")]),
    ("تعهدت الدول بألفين", [("ألفين", 2000, False, "words")]),
    ("نقل الجرحى لثلاثة مستشفيات", [("ثلاثة", 3, False, "words")]),
    ("وصلت بـعشرين شاحنة", [("عشرين", 20, False, "words")]),
    # mixed digits and words
    ("انتشر 3 آلاف مقاتل على الطريق", [("3 آلاف", 3000, False, "mixed")]),
    ("فر 20 ألف شخص", [("20 ألف", 20000, False, "mixed")]),
    ("بلغت الكلفة 1.5 مليون دولار", [("1.5 مليون", 1500000, False, "mixed")]),
    ("خصص البنك ٢٫٥ مليار دينار", [("٢٫٥ مليار", 2500000000, False, "mixed")]),
    ("عاد ١٥٠ ألفاً إلى المدينة", [("١٥٠ ألفاً", 150000, False, "mixed")]),
    # digits of every script, separators and decimals
    ("نزح 1,500 شخص", [("1,500", 1500, False, "digits")]),
    ("نزح ١٬٥٠٠ شخص خلال ٣٫٥ أيام", [("١٬٥٠٠", 1500, False, "digits"), ("٣٫٥", 3.5, False, "digits")]),
    ("في عام ١٣٩٥ الموافق ۱۳۹۵", [("١٣٩٥", 1395, False, "digits"), ("۱۳۹۵", 1395, False, "digits")]),
    ("قتل 3 وأصيب 12", [("3", 3, False, "digits"), ("12", 12, False, "digits")]),
    # approximate plurals
    ("قتل مئات المدنيين", [("مئات", 100, True, "words")]),
    ("نزح آلاف السكان", [("آلاف", 1000, True, "words")]),
    ("أصيب عشرات الأشخاص", [("عشرات", 10, True, "words")]),
    ("يعيش ملايين اللاجئين في المخيمات", [("ملايين", 1000000, True, "words")]),
    ("بقيت بضعة أيام وبضع ساعات", [("بضعة", 3, True, "words"), ("بضع", 3, True, "words")]),
    ("فر عشرات الآلاف من المدينة", [("عشرات الآلاف", 10000, True, "words")]),
    ("شارك مئات الآلاف في التظاهرات", [("مئات الآلاف", 100000, True, "words")]),
    ("وصل بضع مئات من المقاتلين", [("بضع مئات", 300, True, "words")]),
    ("نزح الآلاف وعشرات العائلات", [("الآلاف", 1000, True, "words"), ("عشرات", 10, True, "words")]),
    # not numbers: other words that contain or resemble number words
    ("اجتمع شيوخ العشيرة يوم الثلاثاء", []),
    ("انفجرت العبوة بعد ثانية واحدة", [("واحدة", 1, False, "words")]),
    ("في القرن التاسع عشر والساعة الثانية عشرة", []),
    ("قال أحد القادة لست متأكداً", []),
    ("الخميس والأربعاء والسبت والأحد", []),
    ("وقع الحادث في ساعة متأخرة", []),
    ("انسحب نصف المقاتلين بعد ربع ساعة", []),
    # a standalone الف (written without hamza) is a thousand
    ("دفع الف دينار", [("الف", 1000, False, "words")]),
    # a و that is not followed by a number is not part of it
    ("قتل خمسة و جرح آخرون", [("خمسة", 5, False, "words")]),
    ("قتل ثلاثة وثلاثة آخرون", [("ثلاثة", 3, False, "words"), ("ثلاثة", 3, False, "words")]),
])
def test_numbers_find(text, expected):
    assert found(text) == expected


def test_numbers_offsets_exact():
    text = "قالت الأمم المتحدة إن خمسة وعشرين ألفاً نزحوا"
    (span,) = find_numbers(text)
    assert (span.start, span.end) == (22, 39)
    assert text[span.start:span.end] == "خمسة وعشرين ألفاً"


def test_numbers_clitic_offset_skips_marks():
    text = "وَخَمْسَةٌ"
    (span,) = find_numbers(text)
    assert (span.start, span.end, span.value) == (2, len(text), 5)


@pytest.mark.parametrize("words, expected", [
    (["الفين", "و", "اربعه", "عشر", "عاما"], (2014, 4, False)),
    (["خمسه", "وعشرين"], (25, 2, False)),
    (["وخمسه", "قتلي"], (5, 1, False)),
    (["عشرات", "الالاف"], (10000, 2, True)),
    (["بضعه"], (3, 1, True)),
    (["خمسه", "و"], (5, 1, False)),
    (["احد"], None),
    (["و", "خمسه"], None),
    (["ثانيه"], None),
    ([], None),
])
def test_numbers_parse_number_words(words, expected):
    assert parse_number_words(words) == expected


def test_numbers_parse_words_from_normalize_key():
    words = normalize_key("ثلاثمئةٍ وخمسون ألفاً").split()
    assert parse_number_words(words) == (350000, 3, False)


@pytest.mark.parametrize("norm, value", [
    ("1,500", 1500), ("1,500,000", 1500000), ("3.5", 3.5), ("1.500.000", 1500000), ("1,500.75", 1500.75),
    ("2,5", 2.5), ("2014", 2014),
])
def test_numbers_parse_digits(norm, value):
    assert parse_digits(norm) == value


def test_numbers_lexicon_is_normalized_on_load():
    lex = lexicon()
    assert lex.units["ثلاثه"] == 3 and "ثلاثة" not in lex.units
    assert lex.hundreds["ميه"] == 100 and lex.hundreds["مايه"] == 100
    assert lex.scales["الفا"] == 1000 and lex.approximate["الالاف"] == 1000
    assert "ثلاثاء" not in lex.starts and "ثانيه" not in lex.starts and "عشيره" not in lex.starts
    assert "وخمسه" in lex.starts and "بالفين" in lex.starts


def test_numbers_value_types():
    assert type(find_numbers("1.5 مليون")[0].value) is int
    assert type(find_numbers("٣٫٥")[0].value) is float
    assert type(find_numbers("عشرين")[0].value) is int


def test_numbers_tokens_argument_gives_same_spans():
    text = "قتل 12 شخصاً وأصيب خمسة وعشرون آخرون ونزح آلاف"
    assert find_numbers(text, tokenize(text)) == find_numbers(text)


def test_numbers_none_in_an_article_without_number_words():
    # (speed is measured by bench/bench_places.py, not here)
    sentence = ("قالت مصادر أمنية عراقية لـ«مرصد» إن قوات الجيش سيطرت، الثلاثاء، على قرى جنوب غربي "
                "الموصل بعد معارك عنيفة استمرت أياماً مع مسلحي التنظيم الذين فروا باتجاه الصحراء. ")
    article = sentence * (3000 // len(sentence) + 1)
    tokens = tokenize(article)
    assert find_numbers(article) == [] and find_numbers(article, tokens) == []
