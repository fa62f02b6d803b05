"""Matching normalization: each variant class, and offsets back into the original."""
from __future__ import annotations

import pytest

from marsad.text.normalize import (dediac_ar, normalize_alef_ar, normalize_ar, normalize_digits,
                                   normalize_key, normalize_teh_marbuta_ar, remove_tatweel_ar,
                                   strip_controls_ar)


@pytest.mark.parametrize("raw, expected", [
    # alef variants
    ("أعلنت", "اعلنت"), ("إدلب", "ادلب"), ("آمرلي", "امرلي"), ("ٱلموصل", "الموصل"),
    # hamza carriers
    ("مؤتمر", "موتمر"), ("رئيس", "رييس"), ("الشؤون", "الشوون"),
    # alef maqsura
    ("مستشفى", "مستشفي"), ("على", "علي"), ("الأقصى", "الاقصي"),
    # taa marbuta
    ("الرقة", "الرقه"), ("مدينة", "مدينه"), ("حماة", "حماه"),
    # tatweel
    ("الجيـــش", "الجيش"), ("بـإتجاه", "باتجاه"),
    # diacritics: harakat, tanween, shadda, sukun, dagger alef
    ("مَدِينَةُ", "مدينه"), ("قُوَّاتٌ", "قوات"), ("ألفاً", "الفا"), ("هٰذا", "هذا"),
    # digits of every script
    ("٢٠١٧", "2017"), ("۱۳۹۵", "1395"), ("٣٫٥", "3.5"), ("١٬٥٠٠", "1,500"),
    # zero-width and bidi controls vanish
    ("حل\u200bب", "حلب"), ("\u200fدمشق\u200e", "دمشق"), ("\u202bتدمر\u202c", "تدمر"), ("\ufeffحمص", "حمص"),
    # punctuation
    ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"), ("«الحشد»", '"الحشد"'),
    # Latin is case-folded
    ("ISIS", "isis"),
])
def test_normalize_variant_classes(raw, expected):
    assert normalize_ar(raw).text == expected
    assert normalize_key(raw) == expected


@pytest.mark.parametrize("fn, raw, expected", [
    (dediac_ar, "سُورِيَّا", "سوريا"),
    (remove_tatweel_ar, "عـاجـل", "عاجل"),
    (normalize_alef_ar, "إأآا", "اااا"),
    (normalize_teh_marbuta_ar, "حماة", "حماه"),
    (normalize_digits, "عام ٢٠١٤", "عام 2014"),
    (strip_controls_ar, "\u200fقال\u200e", "قال"),
])
def test_normalize_single_operations(fn, raw, expected):
    assert fn(raw) == expected


def test_normalize_single_operation_leaves_other_classes():
    # dediac_ar must not touch alef or taa marbuta
    assert dediac_ar("أَسْرَة") == "أسرة"


def test_normalize_key_collapses_whitespace():
    assert normalize_key("  دير \u00a0 الزور\n") == "دير الزور"


@pytest.mark.parametrize("original, needle", [
    ("وصلت قُوَّاتُ الجَيْشِ إلى الرَّقَّةِ أمس", "الرقه"),
    ("تقدمت القوات بـإتجاه الموصل", "باتجاه"),
    ("قال\u200f مصدر إنّ الجيـــش دخل", "الجيش"),
    ("سقط ٢٠ صاروخاً على حلب", "20"),
    ("\u202bأعلنت\u202c وزارة الدفاع", "اعلنت"),
])
def test_normalize_offsets_map_back(original, needle):
    norm = normalize_ar(original)
    i = norm.text.index(needle)
    start, end = norm.to_original(i, i + len(needle))
    surface = original[start:end]
    assert normalize_key(surface) == needle
    # the mapped span covers the whole written word, marks included, and no spaces
    assert surface == surface.strip()
    assert len(norm.offsets) == len(norm.text) + 1 and norm.offsets[-1] == len(original)


def test_normalize_offsets_word_with_trailing_diacritic():
    original = "دخلت القوات الرَّقَّةَ"
    norm = normalize_ar(original)
    assert norm.to_original(len(norm.text) - 5, len(norm.text)) == (12, len(original))


def test_normalize_to_original_rejects_bad_span():
    norm = normalize_ar("حلب")
    with pytest.raises(IndexError):
        norm.to_original(2, 5)


def test_normalize_original_untouched():
    raw = "أعلنت وزارةُ الدفاع"
    assert normalize_ar(raw).original is raw


def test_pipeline_doc_norm_is_the_whole_text_normalized_with_offsets():
    # the normalize stage's form is computed when first read; it must be the same form
    from marsad.pipeline import Pipeline
    text = "أعلنت قُوّاتُ الأمنِ إغلاق الطريق إلى الرَّقَّةِ"
    doc = Pipeline(("normalize", "segment")).run_text(text)
    assert doc.norm == normalize_ar(text) and doc.norm.original == text
    assert doc.norm.text == "اعلنت قوات الامن اغلاق الطريق الي الرقه"
    i = doc.norm.text.index("الرقه")
    assert text[slice(*doc.norm.to_original(i, i + 5))] == "الرَّقَّةِ"
    assert len(doc.norm.offsets) == len(doc.norm.text) + 1
