"""The persons stage on hand-written sentences (no gazetteer: ORG/LOC mentions by hand)."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.pipeline import Pipeline
from marsad.stages.persons import make_persons

TEXT_STAGES = Pipeline(("normalize", "segment"))
persons_stage = make_persons()


def run(text: str, orgs=(), locs=(), meta=None, header=None, body_start=0) -> Doc:
    doc = TEXT_STAGES(Doc(text=text, meta=dict(meta or {})))
    doc.header, doc.body_start = list(header or []), body_start
    for surface, ref in orgs:
        start = text.index(surface)
        doc.add_mention(start, start + len(surface), "ORG", ref=ref)
    for surface, ref in locs:
        start = text.index(surface)
        doc.add_mention(start, start + len(surface), "LOC", ref=ref)
    return persons_stage(doc)


def pers(doc: Doc) -> list[tuple[str, str]]:
    return [(m.text, m.ref) for m in sorted(doc.mentions, key=lambda m: m.start) if m.label == "PERS"]


@pytest.mark.parametrize("text,name", [
    ("ظهر أبو عمر الشيشاني في تسجيل مصور جديد.", "أبو عمر الشيشاني"),
    ("نقل مقربون عن أبي محمد الجولاني قوله إن المعركة طويلة.", "أبي محمد الجولاني"),
    ("وكانت الاستخبارات تلاحق أبا مصعب الزرقاوي منذ سنوات.", "أبا مصعب الزرقاوي"),
])
def test_persons_kunya_in_all_case_forms(text, name):
    doc = run(text)
    assert pers(doc) == [(name, "person:1")]
    assert doc.persons[0]["name_ar"] == name
    assert doc.mentions[-1].evidence == ["kunya"]


def test_persons_kunya_case_forms_are_one_person():
    doc = run("قتل أبو مصعب الزرقاوي في غارة. وكان أبي مصعب الزرقاوي مطلوبا منذ عامين.")
    assert [ref for _, ref in pers(doc)] == ["person:1", "person:1"]
    assert len(doc.persons) == 1 and doc.persons[0]["name"].startswith("Abu Musab")


def test_persons_introducer_with_quotes_and_role_after_name():
    text = 'وفر من المدينة القيادي الملقب "أبو سليمان الحلبي" مسؤول ديوان المال في التنظيم الذي اختفى.'
    doc = run(text, orgs=[("التنظيم", "actor:isis")])
    assert pers(doc) == [("أبو سليمان الحلبي", "person:1")]
    p = doc.persons[0]
    assert p["role"] == "مسؤول ديوان المال في التنظيم"
    assert p["affiliation"] == "actor:isis"
    assert doc.mentions[-1].evidence == ["introducer:الملقب", "quoted"]


def test_persons_title_and_name_with_affiliation():
    text = "وقال المتحدث باسم داعش أبو محمد العدناني إن التنظيم سيواصل القتال."
    doc = run(text, orgs=[("داعش", "actor:isis")])
    assert pers(doc) == [("أبو محمد العدناني", "person:1")]
    p = doc.persons[0]
    assert p["role"] == "المتحدث باسم داعش" and p["affiliation"] == "actor:isis"
    assert doc.mentions[-1].evidence[0] == "title:المتحدث باسم"


def test_persons_honorific_title_and_given_name():
    doc = run("وأكد العميد يحيى رسول أن القوات تقدمت في المحور الشمالي.")
    assert pers(doc) == [("يحيى رسول", "person:1")]
    assert doc.persons[0]["role"] == "العميد"


def test_persons_possessive_role_refers_to_last_organisation():
    text = "أصدرت جبهة النصرة بيانا تلاه المتحدث بإسمها الملقب \"أبو فراس السوري\"."
    doc = run(text, orgs=[("جبهة النصرة", "actor:nusra")])
    p = doc.persons[0]
    assert p["name_ar"] == "أبو فراس السوري"
    assert p["role"] == "المتحدث بإسمها" and p["affiliation"] == "actor:nusra"


def test_persons_given_and_family_name():
    doc = run("التقى حيدر العبادي وفد التحالف في بغداد.")
    assert pers(doc) == [("حيدر العبادي", "person:1")]
    assert doc.persons[0]["name"].startswith("Haydar al-")


def test_persons_within_document_short_forms_link_to_full_name():
    text = ("ظهر زعيم داعش أبو بكر البغدادي في خطبة مصورة. "
            "وقال البغدادي إن المعركة مستمرة. ورد على أبي بكر خصومه في الجبهة.")
    doc = run(text, orgs=[("داعش", "actor:isis")])
    refs = pers(doc)
    assert refs == [("أبو بكر البغدادي", "person:1"), ("البغدادي", "person:1"), ("أبي بكر", "person:1")]
    assert sorted(doc.persons[0]["mention_ids"]) == sorted(m.id for m in doc.mentions if m.label == "PERS")
    assert doc.persons[0]["role"] == "زعيم داعش" and doc.persons[0]["affiliation"] == "actor:isis"


def test_persons_short_form_after_proclitic():
    doc = run("قتل أبو علي الأنباري في غارة، وكان الأنباري نائبا للبغدادي.")
    assert ("الأنباري", "person:1") in pers(doc)


def test_persons_byline_author_from_header():
    text = "الموصل (سامر الجبوري)\n\nتقدمت القوات في الساحل الأيمن."
    start = text.index("سامر")
    header = [{"role": "author", "start": start, "end": start + len("سامر الجبوري"), "text": "سامر الجبوري"}]
    doc = run(text, meta={"author": "سامر الجبوري"}, header=header, body_start=text.index("تقدمت"))
    assert len(doc.persons) == 1
    p = doc.persons[0]
    assert p["role"] == "author" and p["name_ar"] == "سامر الجبوري"
    m = doc.mentions[-1]
    assert (m.text, m.label, m.ref, m.role) == ("سامر الجبوري", "PERS", p["id"], "author")


def test_persons_byline_without_header_span():
    doc = run("تقدمت القوات في الساحل الأيمن.", meta={"author": "ليلى أحمد"})
    assert doc.persons[0]["role"] == "author" and doc.persons[0]["mention_ids"] == []


def test_persons_skip_organisation_words():
    doc = run("أعلنت جبهة أبو علي مصطفى مسؤوليتها عن الهجوم.", orgs=[("جبهة أبو علي مصطفى", "actor:pflp")])
    assert pers(doc) == []


def test_persons_preposition_ala_is_not_the_name_ali():
    doc = run("سيطرت القوات على محمد الصالح حيث قتل على الفور.")
    assert all("على" not in text for text, _ in pers(doc))


def test_persons_strong_pattern_takes_over_a_place_mention():
    text = 'وظهر الملقب "أبو حسن الكبيسي" في تسجيل جديد.'
    doc = run(text, locs=[("الكبيسي", "geonames:1")])
    loc = next(m for m in doc.mentions if m.label == "LOC")
    assert loc.ref is None and loc.role == "person-name"
    assert pers(doc) == [("أبو حسن الكبيسي", "person:1")]


def test_persons_weak_pattern_stops_at_a_place():
    doc = run("وصل محمد الرمادي صباح اليوم.", locs=[("الرمادي", "geonames:2")])
    assert pers(doc) == []
    assert next(m for m in doc.mentions if m.label == "LOC").ref == "geonames:2"


def test_persons_short_form_first_then_full_name_is_one_person():
    doc = run("هاجم أبو بكر خصومه. وأكد أبو بكر البغدادي ذلك في خطبة.")
    assert [ref for _, ref in pers(doc)] == ["person:1", "person:1"]
    assert doc.persons[0]["name_ar"] == "أبو بكر البغدادي"
