"""The places stage on hand-written sentences, with a small hand-built gazetteer."""
from __future__ import annotations

import pytest

from fakes import P
from fakes import FakeGazetteer as _Fake
from marsad.pipeline import Pipeline
from marsad.text.normalize import normalize_key


PLACES = [
    (P("geonames:99072", "Mosul", "الموصل", "city", "IQ", 36.335, 43.119, 1683000), ["الموصل", "موصل"]),
    (P("geonames:90393", "Tal Afar", "تلعفر", "village", "IQ", 36.377, 42.449), ["تلعفر", "تل عفر"]),
    (P("geonames:448149", "Sinjar", "سنجار", "town", "IQ", 36.321, 41.877, 38294), ["سنجار"]),
    (P("geonames:164094", "Sinjar", "سنجار", "village", "SY", 35.590, 37.005), ["سنجار"]),
    (P("geonames:172955", "Raqqa", "الرقة", "city", "SY", 35.953, 39.008, 531952), ["الرقة"]),
    (P("geonames:285728", "Ar Riqqah", "الرقة", "town", "KW", 29.145, 48.094, 52068), ["الرقة"]),
    (P("geonames:99413", "Hatra", "الحضر", "village", "IQ", 35.573, 42.734), ["الحضر"]),
    (P("geonames:99524", "Al-Ba'aj", "البعاج", "village", "IQ", 36.043, 41.716), ["البعاج"]),
    (P("geonames:292223", "Dubai", "دبي", "city", "AE", 25.077, 55.309, 3790000), ["دبي"]),
    (P("geonames:99237", "Iraq", "العراق", "country", "IQ", 33.0, 44.0), ["العراق"]),
    (P("geonames:163843", "Syria", "سوريا", "country", "SY", 35.0, 38.0), ["سوريا", "سورية"]),
    (P("geonames:290557", "United Arab Emirates", "الإمارات العربية المتحدة", "country", "AE", 24.0, 54.0),
     ["الإمارات العربية المتحدة", "الإمارات"]),
    (P("geonames:170063", "Aleppo", "حلب", "city", "SY", 36.202, 37.158, 1602264), ["حلب"]),
    (P("geonames:6300000", "Al Jadida", "الجديدة", "village", "SY", 36.0, 37.0), ["الجديدة"]),
    (P("geonames:6300001", "Kafr Nabudah", "كفر نبودة", "village", "SY", 35.43, 36.53), ["كفر نبودة"]),
    (P("geonames:98182", "Baghdad", "بغداد", "city", "IQ", 33.34, 44.40, 5672513, "PPLC"), ["بغداد"]),
    (P("geonames:170654", "Damascus", "دمشق", "city", "SY", 33.51, 36.29, 1569394, "PPLC"), ["دمشق"]),
]


class FakeGazetteer(_Fake):
    def __init__(self):
        super().__init__(PLACES)


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(("normalize", "segment", "dateline", "places"), gazetteer=FakeGazetteer())


def place_of(doc, surface, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.find(surface, start + 1)
    ms = [m for m in doc.mentions if m.start <= start and start + len(surface) <= m.end and m.label == "LOC"]
    assert ms, f"no LOC mention over {surface!r}"
    m = min(ms, key=lambda m: m.end - m.start)
    return next(p for p in doc.places if p.id == m.ref)


@pytest.mark.parametrize("sentence,surface,expected", [
    ("وصلت التعزيزات بالموصل صباح اليوم", "الموصل", "Mosul"),
    ("عادت العائلات إلى الموصل بعد أشهر", "الموصل", "Mosul"),
    ("وأفاد شهود وللرقة نصيب من القصف", "لرقة", "Raqqa"),
    ("نزحت عائلات من حلب والرقة إلى الشمال", "الرقة", "Raqqa"),
    ("قصفت الطائرات أحياء في حلب", "حلب", "Aleppo"),
])
def test_places_match_through_clitics(nlp, sentence, surface, expected):
    doc = nlp.run_text(sentence)
    assert place_of(doc, surface).name == expected


def test_places_mention_offsets_point_into_original(nlp):
    text = "وصلت القوات إلى المَوْصِلـــ أمس"
    doc = nlp.run_text(text)
    (m,) = [m for m in doc.mentions if m.label == "LOC"]
    assert text[m.start:m.end] == m.text == "المَوْصِلـــ"


def test_places_sinjar_in_iraq_from_context(nlp):
    doc = nlp.run_text("تقدمت القوات من تلعفر باتجاه سنجار غرب الموصل في العراق")
    sinjar = place_of(doc, "سنجار")
    assert sinjar.country == "IQ"
    assert any("km from" in r for r in sinjar.reasons)


def test_places_sinjar_in_syria_when_context_is_syrian(nlp):
    doc = nlp.run_text("قصفت الطائرات قرية سنجار في ريف حلب شمال سوريا")
    assert place_of(doc, "سنجار").country == "SY"


def test_places_raqqa_in_syria_not_kuwait(nlp):
    doc = nlp.run_text("فر المسلحون من الموصل إلى الرقة في سوريا")
    assert place_of(doc, "الرقة").country == "SY"


def test_places_demonyms_are_not_places(nlp):
    doc = nlp.run_text("قال مسؤولون عراقيون إن الموصليين عادوا وإن القوات العراقية والسورية تقدمت")
    assert [m for m in doc.mentions if m.label == "LOC"] == []


def test_places_common_word_needs_support(nlp):
    # الجديدة is also a small village; alone in a sentence about politics it is a word.
    doc = nlp.run_text("أعلنت الحكومة الجديدة برنامجها اليوم")
    assert doc.places == []


@pytest.mark.parametrize("phrase,direction", [
    ("جنوبي الموصل", "S"), ("شمال الموصل", "N"), ("جنوب غربي الموصل", "SW"), ("شمال شرق الموصل", "NE"),
    ("غرب الموصل", "W"),
])
def test_places_relative_direction(nlp, phrase, direction):
    doc = nlp.run_text(f"اندلعت اشتباكات عنيفة {phrase} مساء الأحد")
    rel = place_of(doc, phrase)
    assert rel.kind == "relative"
    assert rel.anchor == {"place": "geonames:99072", "direction": direction}


def test_places_relative_direction_across_a_qualifier(nlp):
    doc = nlp.run_text("سقطت قذائف شرق مدينة حلب مساء الأحد")
    assert place_of(doc, "شرق مدينة حلب").anchor == {"place": "geonames:170063", "direction": "E"}


@pytest.mark.parametrize("text,name,kind,anchor,direction", [
    ("وفي حي الميدان غرب الموصل انفجرت عبوة ناسفة", "الميدان", "neighbourhood", "geonames:99072", "W"),
    ("قصفت الطائرات مبنى بحي الشيخ مقصود شمال مدينة حلب", "الشيخ مقصود", "neighbourhood", "geonames:170063", "N"),
    ("هاجم المسلحون قرية كوجو قرب سنجار فجر اليوم", "كوجو", "village", "geonames:448149", None),
    ("نزحت عائلات من مخيم الهول في الحسكة وسوريا", None, None, None, None),
    # a distance aside between the name and its neighbour
    ("داهمت القوات قرية الخضراء ، على بعد 12 كيلومترا غرب الموصل", "الخضراء", "village", "geonames:99072", "W"),
    ("سقطت قذائف على قرية تل الورد على بعد عشرين كيلومترا من سنجار", "تل الورد", "village", "geonames:448149",
     None),
    # على بعد with no distance after it is no aside
    ("وقعت اشتباكات في قرية السلام على بعد الموصل", None, None, None, None),
])
def test_places_unlisted_name_located_by_its_neighbour(nlp, text, name, kind, anchor, direction):
    doc = nlp.run_text(text)
    unlisted = [p for p in doc.places if p.id.startswith("unlisted:")]
    if name is None:   # no known place right after the name: nothing to locate it by
        assert unlisted == []
        return
    p = place_of(doc, name)
    assert (p.kind, p.anchor["place"], p.anchor["direction"]) == (kind, anchor, direction)
    assert p.lat is not None and "approximate" in p.reasons[0]


def test_places_unlisted_needs_a_name_not_a_generic_word(nlp):
    doc = nlp.run_text("اندلعت اشتباكات في منطقة الحدود غرب الموصل")
    assert not [p for p in doc.places if p.id.startswith("unlisted:")]


def test_places_relative_pronoun_suffix_points_to_last_city(nlp):
    doc = nlp.run_text("تقدمت القوات في أحياء جنوبي الموصل وغربيها")
    rel = place_of(doc, "غربيها")
    assert rel.anchor == {"place": "geonames:99072", "direction": "W"}


def test_places_anaphor_city_is_last_city_not_located_place(nlp):
    text = "أغلقت القوات طرقاً في الموصل خاصة قرب الحضر جنوب غربي المدينة"
    doc = nlp.run_text(text)
    rel = place_of(doc, "جنوب غربي المدينة")
    assert rel.anchor == {"place": "geonames:99072", "direction": "SW"}
    assert place_of(doc, "الحضر").name == "Hatra"


def test_places_anaphor_with_nisba_country(nlp):
    doc = nlp.run_text("انتقل القادة من الموصل إلى الرقة. وتشهد هذه المدينة السورية خلافات")
    m = next(m for m in doc.mentions if m.role == "anaphor")
    assert m.ref == "geonames:172955"


def test_places_city_part_left_bank(nlp):
    doc = nlp.run_text("تقدمت القوات في الموصل وسيطرت على أحياء في الساحل الأيسر")
    part = place_of(doc, "الساحل الأيسر")
    assert part.anchor["place"] == "geonames:99072" and part.anchor["part"] == "left bank"


def test_dateline_outlet_city_country_author(nlp):
    text = "وكالة الرصد | دبي – الإمارات العربية المتحدة (ليلى حداد)\n\nقصفت الطائرات مواقع في الموصل."
    doc = nlp.run_text(text)
    assert doc.meta["outlet"] == "وكالة الرصد"
    assert doc.meta["author"] == "ليلى حداد"
    assert doc.meta["dateline"] == "geonames:292223"
    dubai = [m for m in doc.mentions if m.ref == "geonames:292223"]
    assert dubai and all(m.role == "dateline" for m in dubai)
    assert doc.body_start == text.index("قصفت")


def test_dateline_inline_city_agency(nlp):
    doc = nlp.run_text("حلب (رويترز) - قال سكان إن القصف استمر طوال الليل في الرقة.")
    assert doc.meta["dateline"] == "geonames:170063"
    assert doc.meta["outlet"] == "رويترز"
    assert place_of(doc, "الرقة").name == "Raqqa"


def test_dateline_absent_for_plain_first_sentence(nlp):
    doc = nlp.run_text("قال مسؤول محلي: إن الطريق إلى الموصل مغلق منذ أيام.")
    assert doc.meta.get("dateline") is None
    assert place_of(doc, "الموصل").name == "Mosul"


def test_places_joined_hashtag_spelling(nlp):
    doc = nlp.run_text("غرقت شوارع #تلعفر و#تل_عفر وتلعفر بعد الأمطار قرب الموصل")
    assert place_of(doc, "تل_عفر").name == "Tal Afar"


def test_places_compound_hashtag_is_marked(nlp):
    doc = nlp.run_text("تداول ناشطون وسم #سيول_حلب بعد أمطار غزيرة في حلب")
    roles = {m.text: m.role for m in doc.mentions if m.label == "LOC"}
    assert roles.get("حلب") in (None, "hashtag")
    tagged = [m for m in doc.mentions if m.role == "hashtag"]
    assert tagged and tagged[0].ref == "geonames:170063"


def test_places_doubtful_village_needs_support(nlp):
    # الجديدة (a village) next to a locative and a nearby named city counts…
    doc = nlp.run_text("وصلت التعزيزات إلى الجديدة قرب حلب")
    assert any(p.name == "Al Jadida" for p in doc.places)
    # …but without support it stays an ordinary word.
    doc = nlp.run_text("وأعلنت الحكومة الجديدة خطة لإعادة الإعمار في حلب")
    assert not any(p.name == "Al Jadida" for p in doc.places)


def test_places_reasons_are_recorded(nlp):
    doc = nlp.run_text("سيطرت القوات على سنجار قرب تلعفر")
    sinjar = place_of(doc, "سنجار")
    assert sinjar.reasons and sinjar.reasons[0].startswith("prior")
    assert 0.0 < sinjar.score <= 1.0


def test_places_near_hint_resolves_ambiguity():
    nlp = Pipeline(("normalize", "segment", "dateline", "places"), gazetteer=NearGazetteer())
    plain = nlp.run_text("وصلت القافلة إلى سنجار")
    hinted = nlp.run_text("وصلت القافلة إلى سنجار", {"near": ["geonames:170063"]})
    assert place_of(hinted, "سنجار").country == "SY"
    assert place_of(plain, "سنجار").country == "IQ"


NearGazetteer = FakeGazetteer   # the shared fake answers get(id) too


def test_places_focus_is_most_mentioned_specific_place(nlp):
    from marsad.stages.places import focus_place
    doc = nlp.run_text("في سوريا، قصفت الطائرات حلب. وقال سكان حلب إن القصف طال الرقة")
    assert focus_place(doc).name == "Aleppo"


class ForeignGazetteer(FakeGazetteer):
    def __init__(self):
        super().__init__()
        self.by_key[normalize_key("ألفين")] = [P("geonames:4674000", "Alvin", "ألفين", "town", "US", 29.42, -95.24, 24000)]
        self.by_key[normalize_key("هيوستن")] = [P("geonames:4699066", "Houston", "هيوستن", "city", "US", 29.76, -95.36, 2300000)]


def test_places_foreign_small_towns_are_not_candidates():
    nlp = Pipeline(("normalize", "segment", "dateline", "places"), gazetteer=ForeignGazetteer())
    doc = nlp.run_text("احتل التنظيم المدينة عام ألفين وأربعة عشر ثم زار وفد هيوستن")
    names = {p.name for p in doc.places}
    assert "Alvin" not in names and "Houston" in names


def test_dateline_author_name_is_not_a_place(nlp):
    # "سنجار" here is (part of) the author's name in the byline, not a dateline place.
    doc = nlp.run_text("وكالة الرصد | حلب – سوريا (سنجار الحلبي)\n\nقصفت الطائرات مواقع في الرقة.")
    assert doc.meta["author"] == "سنجار الحلبي"
    assert not any(p.name == "Sinjar" for p in doc.places)


def test_places_named_governorate_pulls_its_towns():
    gz = AdminGazetteer()
    nlp = Pipeline(("normalize", "segment", "dateline", "places"), gazetteer=gz)
    doc = nlp.run_text("وفي محافظة حلب قالت مصادر إن قرية سنجار تعرضت للقصف")
    sinjar = place_of(doc, "سنجار")
    assert sinjar.country == "SY"
    assert any("inside" in r for r in sinjar.reasons)


class AdminGazetteer(FakeGazetteer):
    def __init__(self):
        super().__init__()
        self.gov = P("geonames:170062", "Aleppo Governorate", "محافظة حلب", "admin1", "SY", 36.1, 37.5)
        self.by_key[normalize_key("محافظة حلب")] = [self.gov]

    def containing(self, lat, lon):
        inside = 34.5 < lat < 37.0 and 36.5 < lon < 38.5
        return [self.gov] if inside else []


def test_places_city_that_is_also_a_word_needs_one_cue():
    gz = FakeGazetteer()
    gz.by_key[normalize_key("الرمادي")] = [P("geonames:98860", "Ramadi", "الرمادي", "city", "IQ", 33.42, 43.30, 274539)]
    nlp = Pipeline(("normalize", "segment", "dateline", "places"), gazetteer=gz)
    assert place_of(nlp.run_text("وقعت اشتباكات في الرمادي صباح اليوم"), "الرمادي").name == "Ramadi"


def test_places_focus_prefers_near_place_inside_named_country():
    from marsad.stages.places import focus_place
    nlp = Pipeline(("normalize", "segment", "dateline", "places"), gazetteer=NearGazetteer())
    doc = nlp.run_text("تضررت مستشفيات كثيرة في سوريا")
    aleppo = NearGazetteer().get("geonames:170063")
    assert focus_place(doc).name == "Syria"
    assert focus_place(doc, [aleppo]).name == "Aleppo"


def test_places_two_villages_on_one_road_support_each_other(nlp):
    doc = nlp.run_text("قطعت القوات الطريق بين تلعفر والبعاج صباح اليوم")
    assert {p.name for p in doc.places} >= {"Tal Afar", "Al-Ba'aj"}
    baaj = next(m for m in doc.mentions if m.text == "البعاج")
    assert "coordinated-with-locative" in baaj.evidence


def test_places_village_of_several_words_after_a_locative_counts(nlp):
    # a two-word village name after في is a place with nothing else in the sentence…
    doc = nlp.run_text("اندلعت اشتباكات عنيفة في كفر نبودة مساء أمس")
    assert [p.name for p in doc.places] == ["Kafr Nabudah"]
    # …but the name alone, with no locative and no place near it, is not enough.
    doc = nlp.run_text("قال كفر نبودة إن الاجتماع انتهى")
    assert doc.places == []


@pytest.mark.parametrize("text,capital", [
    # a capital named by its country, whatever place came before
    ("زار الوزير حلب ثم عاد إلى العاصمة السورية مساء", "Damascus"),
    ("انفجرت سيارة مفخخة في العاصمة العراقية صباح اليوم", "Baghdad"),
    # bare العاصمة: the capital of the country of the last place named
    ("وصل الوفد إلى الموصل ، ثم عقد اجتماعا في العاصمة", "Baghdad"),
    # العاصمة before the capital's own name refers to nothing else
    ("وصل الوفد إلى حلب ثم توجه إلى العاصمة دمشق", "Damascus"),
])
def test_places_the_capital(nlp, text, capital):
    doc = nlp.run_text(text)
    refs = {m.text: m.ref for m in doc.mentions if m.label == "LOC"}
    word = next(k for k in refs if k.startswith("العاصمة") or k == "دمشق" and "العاصمة دمشق" in text)
    assert next(p for p in doc.places if p.id == refs[word]).name == capital
    if "العاصمة دمشق" in text:
        assert not any(k.startswith("العاصمة") for k in refs)


def test_places_lone_village_name_without_support_is_dropped(nlp):
    doc = nlp.run_text("قال البعاج إن الاجتماع انتهى")
    assert doc.places == []


@pytest.mark.parametrize("text,found", [
    ("أغلقت القوات الطريق المؤدي إلى البعاج صباح اليوم", ["البعاج"]),
    ("توجه الوفد إلى البعاج صباح اليوم", []),
    ("عن طريق الوسطاء وصل الوفد إلى البعاج", []),
])
def test_places_a_route_supports_the_places_it_names(nlp, text, found):
    # a village name is doubtful alone; a road leading to it vouches for it
    doc = nlp.run_text(text)
    assert [m.text for m in doc.mentions if m.label == "LOC"] == found


def test_the_city_is_the_place_just_named_not_the_anchor_that_locates_it():
    from marsad.pipeline import Pipeline
    doc = Pipeline().run_text("وفي كركوك، على بعد 250 كلم شمال بغداد، قتل خمسة أشخاص في انفجار سيارة مفخخة وسط المدينة.")
    names = {p.id: p for p in doc.places}
    centre = next(p for p in doc.places if p.anchor and p.anchor.get("part") == "centre")
    assert names[centre.anchor["place"]].name == "Kirkuk"


@pytest.mark.parametrize("text, unknown, known", [
    ("وتدور اشتباكات على الطريق الرابط بين بعقوبة وخرنابات منذ الصباح.", "خرنابات", "بعقوبة"),
    ("وأغلقت القوات الطريق بين المقدادية والوجيهية أمام المدنيين.", "الوجيهية", "المقدادية"),
])
def test_a_place_the_gazetteer_lacks_joined_to_a_town_after_bayna(text, unknown, known):
    from marsad.pipeline import Pipeline
    doc = Pipeline().run_text(text)
    found = {m.text: m.ref for m in doc.mentions if m.label == "LOC"}
    assert unknown in found and found[unknown].startswith("unlisted:village:")
    place = next(p for p in doc.places if p.id == found[unknown])
    assert place.anchor["place"] == found[known]


def test_an_ordinary_word_after_bayna_is_no_place():
    from marsad.pipeline import Pipeline
    doc = Pipeline().run_text("وتتواصل المحادثات بين بغداد وجيرانها حول تقاسم المياه.")
    assert [m.text for m in doc.mentions if m.label == "LOC"] == ["بغداد"]
