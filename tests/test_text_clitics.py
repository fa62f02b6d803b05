"""Clitic readings on normalized words."""
from __future__ import annotations

import pytest

from marsad.text.clitics import (ARTICLE, CONJUNCTIONS, PREPOSITIONS, PRONOUN_SUFFIXES, Reading, readings,
                                 strip_proclitics)
from marsad.text.normalize import normalize_key


def triples(word, **kw):
    return [(r.prefix, r.stem, r.suffix) for r in readings(normalize_key(word), **kw)]


@pytest.mark.parametrize("word, expected", [
    # ل + ال contracted to لل: the article is restored in the stem
    ("للموصل", [("", "للموصل", ""), ("ل", "لموصل", ""), ("لل", "الموصل", "")]),
    ("وللرقة", [("", "وللرقه", ""), ("", "وللرق", "ه"), ("و", "للرقه", ""), ("و", "للرق", "ه"),
                ("ول", "لرقه", ""), ("ول", "لرق", "ه"), ("ولل", "الرقه", "")]),
    # conjunction + preposition
    ("وبالموصل", [("", "وبالموصل", ""), ("و", "بالموصل", ""), ("وب", "الموصل", "")]),
    ("فلسطين", [("", "فلسطين", ""), ("ف", "لسطين", ""), ("فل", "سطين", "")]),
    # conjunction + article: the article stays on the stem, no pronoun suffix after it
    ("والرقة", [("", "والرقه", ""), ("", "والرق", "ه"), ("و", "الرقه", "")]),
    ("كالعادة", [("", "كالعاده", ""), ("", "كالعاد", "ه"), ("ك", "العاده", "")]),
    # pronoun suffixes, the longest first
    ("غربيها", [("", "غربيها", ""), ("", "غربي", "ها")]),
    ("بيوتهم", [("", "بيوتهم", ""), ("", "بيوت", "هم"), ("ب", "يوتهم", ""), ("ب", "يوت", "هم")]),
    ("قواتهما", [("", "قواتهما", ""), ("", "قوات", "هما")]),
    ("بلادنا", [("", "بلادنا", ""), ("", "بلاد", "نا"), ("ب", "لادنا", ""), ("ب", "لاد", "نا")]),
    # ه is also a normalized taa marbuta: both readings are offered, the word first
    ("مدينة", [("", "مدينه", ""), ("", "مدين", "ه")]),
    # future sin only before an imperfect-looking stem
    ("وسيتم", [("", "وسيتم", ""), ("و", "سيتم", ""), ("وس", "يتم", "")]),
    ("سوريا", [("", "سوريا", "")]),
    ("ستنسحب", [("", "ستنسحب", ""), ("س", "تنسحب", "")]),
])
def test_clitics_readings_exact(word, expected):
    assert triples(word) == expected


@pytest.mark.parametrize("word, prefix, stem, proclitics", [
    ("للرقة", "لل", "الرقه", ("ل", "ال")),
    ("وللموصل", "ولل", "الموصل", ("و", "ل", "ال")),
    ("فللمدينة", "فلل", "المدينه", ("ف", "ل", "ال")),
    ("وبحلب", "وب", "حلب", ("و", "ب")),
    ("فلحلب", "فل", "حلب", ("ف", "ل")),
    ("وسيبدأ", "وس", "يبدا", ("و", "س")),
    ("كمدينة", "ك", "مدينه", ("ك",)),
])
def test_clitics_proclitic_tags(word, prefix, stem, proclitics):
    found = [r for r in readings(normalize_key(word)) if r.prefix == prefix and r.stem == stem and not r.suffix]
    assert found == [Reading(prefix, stem, "", proclitics)]


def test_clitics_whole_word_always_first():
    for word in ("حلب", "وبالرمادي", "للفلوجه", "منهم"):
        first = readings(word)[0]
        assert first == Reading("", word, "", ())


def test_clitics_min_stem():
    assert triples("بها") == [("", "بها", ""), ("ب", "ها", "")]   # بـ+ه would leave one letter
    assert triples("بها", min_stem=3) == [("", "بها", "")]
    assert triples("وله", min_stem=3) == [("", "وله", "")]
    assert triples("لل") == [("", "لل", "")]            # the article alone is no stem
    assert triples("في", min_stem=3) == [("", "في", "")]  # the word itself is always offered


def test_clitics_prefix_plus_stem_rebuilds_word():
    for word in ("وبالموصل", "فلسطين", "بيوتهم", "وسيتم", "كالعاده"):
        for r in readings(word):
            if ARTICLE not in r.proclitics:
                assert r.prefix + r.stem + r.suffix == word


@pytest.mark.parametrize("word, expected", [
    ("للموصل", ["للموصل", "لموصل", "الموصل", "موصل"]),
    ("وبالرمادي", ["وبالرمادي", "بالرمادي", "الرمادي", "رمادي"]),
    ("والرقة", ["والرقه", "الرقه", "رقه"]),
    ("حلب", ["حلب"]),
])
def test_clitics_strip_proclitics(word, expected):
    assert strip_proclitics(normalize_key(word)) == expected


def test_clitics_constants():
    assert CONJUNCTIONS == {"و", "ف"}
    assert PREPOSITIONS == {"ب", "ل", "ك"}
    assert ARTICLE == "ال"
    assert PRONOUN_SUFFIXES == {"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "ي", "نا", "ني"}
    assert all(isinstance(s, frozenset) for s in (CONJUNCTIONS, PREPOSITIONS, PRONOUN_SUFFIXES))


def test_clitics_deterministic():
    assert readings("وللرقه") == readings("وللرقه")
    assert readings.__doc__
