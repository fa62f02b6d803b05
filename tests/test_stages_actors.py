"""The actors stage and the actor dictionary, on hand-written sentences."""
from __future__ import annotations

import json

import pytest

from fakes import FakeGazetteer, P
from marsad.errors import MarsadError
from marsad.knowledge.actors import ENV_VAR, TYPES, load_actors
from marsad.pipeline import Pipeline


PLACES = [
    (P("geonames:99072", "Mosul", "الموصل", "city", "IQ", 36.335, 43.119, 1683000), ["الموصل"]),
    (P("geonames:98182", "Baghdad", "بغداد", "city", "IQ", 33.34, 44.40, 7216000), ["بغداد"]),
    (P("geonames:99237", "Iraq", "العراق", "country", "IQ", 33.0, 44.0), ["العراق"]),
    (P("geonames:172955", "Raqqa", "الرقة", "city", "SY", 35.953, 39.008, 531952), ["الرقة"]),
    (P("geonames:170063", "Aleppo", "حلب", "city", "SY", 36.202, 37.158, 1602264), ["حلب"]),
    (P("geonames:170654", "Damascus", "دمشق", "city", "SY", 33.51, 36.29, 1569394), ["دمشق"]),
    (P("geonames:163843", "Syria", "سوريا", "country", "SY", 35.0, 38.0), ["سوريا", "سورية"]),
    (P("geonames:71137", "Sanaa", "صنعاء", "city", "YE", 15.35, 44.2, 1937451), ["صنعاء"]),
]


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(("normalize", "segment", "dateline", "places", "actors"), gazetteer=FakeGazetteer(PLACES))


def orgs(doc):
    return [m for m in doc.mentions if m.label == "ORG"]


def actor_at(doc, surface, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.find(surface, start + 1)
    assert start >= 0, f"{surface!r} not in the text"
    ms = [m for m in orgs(doc) if m.start < start + len(surface) and start < m.end]
    return ms[0].ref if ms else None


def test_actors_dictionary_has_250_actors_of_known_types():
    d = load_actors()
    assert len([a for a in d.actors.values() if a.type != "media"]) >= 250
    assert {a.type for a in d.actors.values()} <= TYPES
    for a in d.actors.values():
        assert a.parent is None or a.parent in d.actors
        assert a.country is None or (len(a.country) == 2 and a.country.isupper())


def test_actors_outlets_are_media_actors():
    d = load_actors()
    assert d["outlet:reuters"].type == "media"
    assert d["outlet:sana"].country == "SY"


@pytest.mark.parametrize("sentence,surface", [
    ("أعلنت القوات الأمنية أن الضربة الجوية وجهت لداعش خسائر كبيرة قرب الموصل", "داعش"),
    ("واشتبكت العشائر والدواعش على أطراف القرية ليل الخميس", "الدواعش"),
    ("اتهم الأهالي عناصر مرتبطين بتنظيم الدولة بتفجير الجسر", "تنظيم الدولة"),
    ("وقال مسؤول محلي إن داعشيين فروا نحو الصحراء", "داعشيين"),
])
def test_actors_match_through_clitics(nlp, sentence, surface):
    doc = nlp.run_text(sentence)
    assert actor_at(doc, surface) == "actor:isis"
    (m,) = [m for m in orgs(doc) if m.ref == "actor:isis"]
    assert doc.text[m.start:m.end] == m.text and m.text.endswith(surface[-3:])


def test_actors_clitic_offsets_exclude_proclitics(nlp):
    doc = nlp.run_text("ووجهت الطائرات ضربات لداعش في الصحراء")
    (m,) = orgs(doc)
    assert m.text == "داعش"


def test_actors_every_isis_mention_links_to_one_actor(nlp):
    text = ("قال ضابط عراقي إن داعش فقد السيطرة على أحياء في الموصل. وأضاف أن مسلحي داعش "
            "يحاولون الفرار، وأن قادة داعش نقلوا عائلاتهم إلى الرقة. ويخشى السكان من عودة داعش "
            "إلى المدينة بعد انسحاب لداعش من الضفة اليسرى.")
    doc = nlp.run_text(text)
    isis = [m for m in orgs(doc) if "داعش" in m.text]
    assert len(isis) == text.count("داعش")
    assert {m.ref for m in isis} == {"actor:isis"}
    (entry,) = [a for a in doc.actors if a["id"] == "actor:isis"]
    assert len(entry["mention_ids"]) == len(isis)


def test_actors_regime_forces_in_syria_context(nlp):
    doc = nlp.run_text("قصفت قوات النظام أحياء في حلب وريف دمشق، وقالت مصادر في سوريا إن القصف استمر ساعات.")
    assert actor_at(doc, "قوات النظام") == "actor:syria-forces"
    (m,) = [m for m in orgs(doc) if m.ref == "actor:syria-forces"]
    assert m.evidence == ["generic:قوات النظام", "context:SY"]


def test_actors_regime_forces_unresolved_in_iraq_context(nlp):
    doc = nlp.run_text("قال نائب عن الموصل إن قوات النظام السابق ارتكبت انتهاكات في بغداد قبل عقود، "
                       "وإن أهالي الموصل يطالبون بالتعويض.")
    assert actor_at(doc, "قوات النظام") is None


def test_actors_generic_phrase_takes_the_sentence_country(nlp):
    text = ("تقدمت القوات العراقية في الموصل وبغداد. وفي الرقة السورية، قال ناشطون إن قوات النظام "
            "قصفت مواقع في ريف الرقة.")
    doc = nlp.run_text(text)
    assert actor_at(doc, "قوات النظام") == "actor:syria-forces"


def test_actors_government_forces_by_country(nlp):
    doc = nlp.run_text("استعادت القوات الحكومية السيطرة على حي في الموصل بعد معارك مع التنظيم.")
    assert actor_at(doc, "القوات الحكومية") == "actor:iraq-forces"


@pytest.mark.parametrize("sentence,surface,actor", [
    ("أغلقت القوات العراقية الطريق الرابط بين المدينتين", "القوات العراقية", "actor:iraq-forces"),
    ("وقال مسؤول في جهاز الأمن الوطني العراقي إن الخلية فككت", "جهاز الأمن الوطني العراقي", "actor:iraq-nss"),
    ("ورفضت فصائل المعارضة السورية الانسحاب من المنطقة", "فصائل المعارضة السورية", "actor:syria-opposition"),
    ("وتقدمت القوات الكردية السورية نحو الضفة الشرقية للنهر", "القوات الكردية السورية", "actor:ypg"),
    ("أعلنت جبهة فتح الشام انفصالها عن التنظيم الأم", "جبهة فتح الشام", "actor:jfs"),
    ("نفذ التحالف الدولي غارات على مواقع للمسلحين", "التحالف الدولي", "actor:coalition"),
    ("وأصدرت قسد بيانا نفت فيه الاتهامات", "قسد", "actor:sdf"),
    ("واتهم المرصد السوري لحقوق الإنسان الطرفين بقصف المدنيين", "المرصد السوري لحقوق الإنسان", "actor:sohr"),
    ("قالت مفوضية اللاجئين إن آلاف العائلات نزحت", "مفوضية اللاجئين", "actor:unhcr"),
    ("سيطر الحوثيون على مديرية جديدة", "الحوثيون", "actor:houthis"),
    ("وأعلن الجيش الوطني الليبي تقدمه جنوب العاصمة", "الجيش الوطني الليبي", "actor:lna"),
    ("وشنت كتائب حزب الله هجوما بطائرة مسيرة", "كتائب حزب الله", "actor:kataib-hezbollah"),
    ("وتبادل حزب الله والجيش الإسرائيلي القصف", "حزب الله", "actor:hezbollah"),
])
def test_actors_named_actors(nlp, sentence, surface, actor):
    doc = nlp.run_text(sentence)
    assert actor_at(doc, surface) == actor


def test_actors_longest_name_wins(nlp):
    doc = nlp.run_text("وقالت كتائب حزب الله إنها لن ترد")
    (m,) = orgs(doc)
    assert m.text == "كتائب حزب الله" and m.ref == "actor:kataib-hezbollah"


def test_actors_name_longer_than_place_wins(nlp):
    doc = nlp.run_text("وتبنت ولاية الرقة التابعة لداعش الهجوم، فيما قصف الطيران مدينة الرقة.")
    assert actor_at(doc, "ولاية الرقة") == "actor:isis-raqqa"
    assert any(m.label == "LOC" and m.text == "الرقة" for m in doc.mentions)


def test_actors_tanzim_refers_to_the_organisation_named_last(nlp):
    doc = nlp.run_text("أعلن داعش مسؤوليته عن الهجوم. وقال مصدر إن عناصر التنظيم فروا، وإن قادة للتنظيم قتلوا.")
    anaphors = [m for m in orgs(doc) if m.role == "anaphor"]
    # ل+ال is written لل: the name starts at the article's lam, as for places
    assert [m.text for m in anaphors] == ["التنظيم", "لتنظيم"]
    assert {m.ref for m in anaphors} == {"actor:isis"}


def test_actors_tanzim_with_nothing_named_before_is_left_alone(nlp):
    doc = nlp.run_text("قال مصدر أمني إن التنظيم فقد معظم قادته، ثم أعلن داعش الحداد.")
    assert actor_at(doc, "التنظيم") is None
    assert actor_at(doc, "داعش") == "actor:isis"


def test_actors_tanzim_skips_plural_forces(nlp):
    doc = nlp.run_text("هاجم داعش مواقع تسيطر عليها القوات الكردية السورية، وقال شهود إن مقاتلي التنظيم انسحبوا.")
    assert actor_at(doc, "التنظيم") == "actor:isis"


def test_actors_outlet_word_needs_a_cue(nlp):
    doc = nlp.run_text("وصلت السفينة إلى الجزيرة بعد رحلة طويلة")
    assert orgs(doc) == []
    doc = nlp.run_text("وقال مراسل قناة الجزيرة إن القصف استمر")
    assert actor_at(doc, "الجزيرة") == "outlet:aljazeera"


def test_actors_not_actor_phrases_hide_names(nlp):
    doc = nlp.run_text("هبطت الطائرة في القاعدة الجوية قرب المدينة")
    assert orgs(doc) == []
    doc = nlp.run_text("وتبنى تنظيم القاعدة الهجوم")
    assert actor_at(doc, "تنظيم القاعدة") == "actor:al-qaeda"


def test_actors_output_contract(nlp):
    doc = nlp.run_text("قصف التحالف الدولي مواقع داعش قرب الموصل")
    out = doc.to_json()["actors"]
    assert {a["id"] for a in out} == {"actor:coalition", "actor:isis"}
    for a in out:
        assert {"id", "name", "name_ar", "type", "country", "mention_ids", "parent", "cameo"} <= a.keys()
        for mid in a["mention_ids"]:
            (m,) = [m for m in doc.mentions if m.id == mid]
            assert m.label == "ORG" and m.ref == a["id"]


def _write(tmp_path, data) -> str:
    path = tmp_path / "extra_actors.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return str(path)


def test_actors_extra_file_adds_actors(tmp_path, monkeypatch):
    extra = {"actors": [{"id": "actor:test-brigade", "name": "Test Brigade", "name_ar": "لواء الاختبار",
                         "aliases": ["كتيبة الاختبار"], "type": "militia", "country": "IQ",
                         "parent": "actor:pmf", "cameo": "IRQUAF"}]}
    monkeypatch.setenv(ENV_VAR, _write(tmp_path, extra))
    nlp = Pipeline(("normalize", "segment", "dateline", "places", "actors"), gazetteer=FakeGazetteer(PLACES))
    doc = nlp.run_text("وانسحبت كتيبة الاختبار من مواقعها")
    assert actor_at(doc, "كتيبة الاختبار") == "actor:test-brigade"


@pytest.mark.parametrize("entry,why", [
    ({"id": "actor:x", "name": "X", "name_ar": "فصيل إكس", "type": "warlord", "country": None}, "unknown type"),
    ({"id": "actor:x", "name": "X", "name_ar": "فصيل إكس", "type": "militia", "country": None,
      "parent": "actor:nowhere"}, "actor:nowhere"),
    ({"id": "actor:x", "name": "X", "name_ar": "فصيل إكس", "aliases": ["الدواعش"], "type": "militia",
      "country": None}, "الدواعش"),
    ({"id": "actor:x", "name": "X", "name_ar": "فصيل إكس", "type": "militia", "country": "Iraq"}, "ISO2"),
])
def test_actors_bad_extra_file_raises_knowledge_error(tmp_path, monkeypatch, entry, why):
    monkeypatch.setenv(ENV_VAR, _write(tmp_path, {"actors": [entry]}))
    with pytest.raises(MarsadError) as err:
        load_actors()
    assert err.value.code == "E050"
    assert why in str(err.value) and "extra_actors.json" in str(err.value)


def test_actors_unreadable_extra_file_raises_knowledge_error(tmp_path, monkeypatch):
    path = tmp_path / "broken.json"
    path.write_text("{not json", "utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    with pytest.raises(MarsadError, match="E050"):
        load_actors()


def test_actors_weak_alias_needs_support(nlp):
    doc = nlp.run_text("وقال إن الخطة يجب أن تشكل القاعدة لأي اتفاق لاحق")
    assert orgs(doc) == []
    doc = nlp.run_text("واعتقلت الشرطة عناصر القاعدة في المدينة")
    assert actor_at(doc, "القاعدة") == "actor:al-qaeda"
    doc = nlp.run_text("تبنى تنظيم القاعدة الهجوم. وتعهدت الحكومة بملاحقة القاعدة")
    assert actor_at(doc, "القاعدة", nth=1) == "actor:al-qaeda"


@pytest.mark.parametrize("sentence,surface,actor", [
    # a military word and a nationality adjective name that country's forces…
    ("وقال شهود إن الجنود الإسرائيليين هاجموا مدرسة البلدة", "الجنود الإسرائيليين", "actor:israel-army"),
    ("قصفت الطائرات الروسية مواقع قرب حلب", "الطائرات الروسية", "actor:russia-forces"),
    ("انتشرت قوات أمريكية قرب الرقة", "قوات أمريكية", "actor:us-forces"),
    # …and after a word of attack the adjective alone does, leaving the attack word free
    ("قتل مدنيان في غارة إسرائيلية على البلدة", "إسرائيلية", "actor:israel-army"),
    ("أصيب شاب بنيران تركية قرب الحدود", "تركية", "actor:turkey-army"),
])
def test_actors_forces_by_nationality(nlp, sentence, surface, actor):
    doc = nlp.run_text(sentence)
    assert actor_at(doc, surface) == actor
    if surface in ("إسرائيلية", "تركية"):
        word_before = doc.text[:doc.text.find(surface)].split()[-1]
        assert actor_at(doc, word_before) is None


def test_actors_a_nationality_adjective_after_an_ordinary_word_names_nobody(nlp):
    doc = nlp.run_text("ناقش المؤتمر الثقافة الروسية في دمشق")
    assert orgs(doc) == []
