"""Tokenizer: kinds, surfaces and original offsets."""
from __future__ import annotations

import pytest

from marsad.text.tokens import Token, tokenize


def surfaces(text):
    return [(t.text, t.kind) for t in tokenize(text)]


@pytest.mark.parametrize("text, expected", [
    ("سيطرت القوات على المدينة", [("سيطرت", "word"), ("القوات", "word"), ("على", "word"), ("المدينة", "word")]),
    # diacritics and tatweel stay inside the word
    ("قُوَّاتُ الجيـــش", [("قُوَّاتُ", "word"), ("الجيـــش", "word")]),
    # a clitic joined by tatweel stays one token
    ("تقدمت بـإتجاه الحدود", [("تقدمت", "word"), ("بـإتجاه", "word"), ("الحدود", "word")]),
    ("قال لـ«الشرق» إن", [("قال", "word"), ("لـ", "word"), ("«", "punct"), ("الشرق", "word"),
                          ("»", "punct"), ("إن", "word")]),
    # numbers in any script with separators and decimal marks
    ("نزح 1,500 شخص", [("نزح", "word"), ("1,500", "number"), ("شخص", "word")]),
    ("في عام ٢٠١٧", [("في", "word"), ("عام", "word"), ("٢٠١٧", "number")]),
    ("ارتفع ١٬٥٠٠ و٣٫٥ و1.5", [("ارتفع", "word"), ("١٬٥٠٠", "number"), ("و", "word"), ("٣٫٥", "number"),
                               ("و", "word"), ("1.5", "number")]),
    ("۱۳۹۵ هـ", [("۱۳۹۵", "number"), ("هـ", "word")]),
    # a number glued to a word splits; a trailing comma is punctuation
    ("عام 2014م، قتل", [("عام", "word"), ("2014", "number"), ("م", "word"), ("،", "punct"), ("قتل", "word")]),
    # Arabic and Latin punctuation are separate tokens
    ("هل انسحبوا؟ نعم؛ لا!", [("هل", "word"), ("انسحبوا", "word"), ("؟", "punct"), ("نعم", "word"),
                            ("؛", "punct"), ("لا", "word"), ("!", "punct")]),
    ("دمشق – حلب | عاجل", [("دمشق", "word"), ("–", "punct"), ("حلب", "word"), ("|", "punct"), ("عاجل", "word")]),
    ('"داعش" (تنظيم)', [('"', "punct"), ("داعش", "word"), ('"', "punct"), ("(", "punct"), ("تنظيم", "word"),
                        (")", "punct")]),
    ("انتهى…", [("انتهى", "word"), ("…", "punct")]),
    # Latin words, with digits after the first letter
    ("طائرات F16 وReuters", [("طائرات", "word"), ("F16", "latin"), ("و", "word"), ("Reuters", "latin")]),
    # other visible characters are symbols; hashtags split on underscores
    ("50% من #حفر_الباطن", [("50", "number"), ("%", "symbol"), ("من", "word"), ("#", "symbol"),
                             ("حفر", "word"), ("الباطن", "word")]),
    # bidi and zero-width controls between words are not tokens
    ("\u200fقال\u200e \ufeffمصدر", [("قال", "word"), ("مصدر", "word")]),
])
def test_tokens_kinds_and_surfaces(text, expected):
    assert surfaces(text) == expected


@pytest.mark.parametrize("text", [
    "أعلنت وزارةُ الدفاع العراقية، صباح الثلاثاء، أن ٣ قرى جنوب غربي الموصل باتت بـإتجاه التحرير.",
    "\u202bدمشق\u202c - (رويترز): قُتل 12 مدنياً و١٬٥٠٠ نزحوا؛ قال د. أحمد: «الوضع سيئ».",
    "",
    "   \n\n  ",
])
def test_tokens_offsets_match_surface(text):
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text
        assert t.start < t.end


@pytest.mark.parametrize("surface, norm", [
    ("بـإتجاه", "باتجاه"), ("الرَّقَّةِ", "الرقه"), ("مستشفى", "مستشفي"), ("٢٠١٧", "2017"),
    ("٣٫٥", "3.5"), ("Reuters", "reuters"), ("؟", "?"),
])
def test_tokens_norm_is_normalize_key(surface, norm):
    (tok,) = tokenize(surface)
    assert tok.norm == norm


def test_word_key_shortcut_equals_normalize_key_for_every_word_character():
    # Word tokens take normalize_word_key (no case folding nor space handling): it must give
    # normalize_key's result for every character a word token can hold.
    import re

    from marsad.text.normalize import normalize_key, normalize_word_key
    from marsad.text.tokens import _ARABIC_LETTER, _ARABIC_MARK
    word_char = re.compile(f"[{_ARABIC_LETTER}{_ARABIC_MARK}]")
    chars = [chr(c) for c in range(0x10000) if word_char.match(chr(c))]
    assert len(chars) > 150
    for ch in chars:
        assert normalize_word_key("ب" + ch + "ة") == normalize_key("ب" + ch + "ة"), hex(ord(ch))
    assert [t.norm for t in tokenize("وأُعلِنَتْ الهدنةُ في الرَّقَّةِ")] == ["واعلنت", "الهدنه", "في", "الرقه"]


def test_tokens_by_stretch_equal_one_scan_of_the_whole_text():
    # tokenize reads the text stretch by stretch between whitespace (str.split) and caches
    # each stretch's tokens: that must equal one scan of TOKEN_RE over the whole text,
    # whatever character separates or joins the words
    from marsad.text.tokens import TOKEN_RE

    def one_scan(text):
        return [(m.group(), m.start(), m.end(), m.lastgroup) for m in TOKEN_RE.finditer(text)]

    for code in range(0x3000):
        text = f"أعلن{chr(code)}الجيش {chr(code)} x{chr(code)}٣ وأعلن الجيش"
        assert [(t.text, t.start, t.end, t.kind) for t in tokenize(text)] == one_scan(text), hex(code)
    text = "\u200fقال مصدر:\u00a0«انسحبت القوات»\n\n#حفر_الباطن ١٢٫٥ F16…\u2028 قال مصدر"
    assert [(t.text, t.start, t.end, t.kind) for t in tokenize(text)] == one_scan(text)


def test_tokens_are_frozen():
    tok = tokenize("حلب")[0]
    assert tok == Token("حلب", 0, 3, "حلب", "word")
    with pytest.raises(AttributeError):
        tok.start = 1


def test_tokens_of_an_article():
    # (speed is measured by bench/bench_places.py, not here)
    sentence = ("قالت مصادر أمنية عراقية لـ«مرصد» إن قوات الجيش سيطرت، الثلاثاء، على ٣ قرى جنوب غربي "
                "الموصل بعد معارك عنيفة استمرت أياماً مع مسلحي التنظيم الذين فروا باتجاه الصحراء. ")
    article = sentence * (3000 // len(sentence) + 1)
    tokens = tokenize(article)
    assert 400 < len(tokens) < 700
    assert all(article[t.start:t.end] == t.text for t in tokens)
