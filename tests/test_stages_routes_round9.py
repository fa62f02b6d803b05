"""Tests for the routes stage's general rules added after the seventh blind set's error
categories (route towns and crossings missing from the gazetteer, a road said to have
become the last or only outlet, a keep verb far before the state word, …), on sentences
written for these tests."""
from __future__ import annotations

import pytest

from routes_helpers import names, place_id, run


def routes(text: str) -> list[tuple[list[str], str]]:
    doc = run(text)
    return [(names(doc, r), r["status"]) for r in doc.routes]


# ---- gazetteer: road towns and crossings news names

@pytest.mark.parametrize("text, surface, ref", [
    ("وقطع مسلحون الطريق بين بنش وكفريا صباح اليوم.", "كفريا", "marsad:sy-kafriya"),
    ("وتجددت المواجهات على الطريق الواصل بين كادقلي والدبيبات.", "الدبيبات", "marsad:sd-dubeibat"),
    ("وأغلقت القوات الأمنية الطرق المؤدية إلى ناحية العظيم.", "العظيم", "marsad:iq-adhaim"),
    ("وأعادت القوات فتح معبر السرايا أمام الأهالي.", "السرايا", "marsad:sy-saraya-daraa"),
    ("وأغلقت الحواجز معبر دوار المهندسين أمام الطلاب.", "دوار المهندسين", "marsad:sy-muhandiseen-roundabout"),
])
def test_route_places_added(text, surface, ref):
    doc = run(text)
    assert place_id(doc, surface) == ref
    assert any(ref in r["waypoints"] for r in doc.routes)


@pytest.mark.parametrize("text", [
    "وقال الخطيب إن الشعب العظيم لن ينسى تضحيات أبنائه.",
    "وأعلنت السرايا المقاتلة انسحابها من المواقع.",
])
def test_ordinary_words_are_no_places(text):
    doc = run(text)
    assert not any(m.label == "LOC" for m in doc.mentions)


# ---- a keep verb well before the state word (تبقى الطرق المؤدية إلى ناحية X مقطوعة)

def test_keep_verb_before_route_and_places_takes_the_state():
    found = routes("فيما تبقى الطرق المؤدية إلى مدينة بيجي مغلقة حتى إشعار آخر.")
    assert found == [(["بيجي"], "closed")]


# ---- a road said to have become the last / only outlet

@pytest.mark.parametrize("text, ends", [
    ("وأصبح الطريق الرابط بين تكريت وسامراء آخر منفذ بري للمدينة المحاصرة.", ["تكريت", "سامراء"]),
    ("وبات طريق السلمية – أثريا آخر طريق يصل إلى المنطقة.", None),
])
def test_last_outlet_narrows(text, ends):
    found = routes(text)
    assert len(found) == 1 and found[0][1] == "narrowing"
    if ends:
        assert set(found[0][0]) == set(ends)


def test_became_the_only_outlet_to_a_city_leads_there():
    found = routes("وباتت طريق السلمية – خناصر الصحراوية المنفذ البري الوحيد المتبقي إلى مدينة حلب.")
    assert len(found) == 1 and found[0][1] == "narrowing"
    assert found[0][0][-1] == "حلب" and len(found[0][0]) == 3


def test_another_road_is_not_the_last():
    found = routes("وسلكت الشاحنات طريقاً آخر بين تكريت وسامراء.")
    assert found and all(s != "narrowing" for _, s in found)


# ---- control "by fire" is being under fire, not holding the road

@pytest.mark.parametrize("text", [
    "وباتت الفصائل تسيطر نارياً على الطريق الواصل بين الباب ومنبج.",
    "وتفرض القوات سيطرة نارية على طريق حمص – تدمر منذ أيام.",
    "وأكدت المصادر أن المسلحين يسيطرون عليه نارياً، في إشارة إلى الطريق بين الباب ومنبج.",
])
def test_fire_control_is_contested(text):
    found = routes(text)
    assert found and all(s == "contested" for _, s in found)


def test_plain_control_still_closes():
    assert routes("وسيطرت القوات على الطريق بين الباب ومنبج.") == [(["الباب", "منبج"], "closed")]


# ---- an attack named as the cause of deaths was on the road

@pytest.mark.parametrize("text", [
    "قتل أربعة جنود جراء كمين نصبه مسلحون لحافلتهم على طريق حمص – تدمر.",
    "ارتفع عدد القتلى إلى تسعة بسبب هجوم استهدف شاحنة على الطريق بين الباب ومنبج.",
])
def test_deadly_attack_as_cause_is_contested(text):
    found = routes(text)
    assert found and found[0][1] == "contested"


def test_closure_caused_by_shelling_stays_closed():
    assert routes("وأغلقت السلطات الطريق بين حمص وتدمر بسبب القصف.")[0][1] == "closed"


def test_past_closure_for_shelling_is_no_fighting_now():
    found = routes("مرت قافلة مساعدات على طريق سراقب – أريحا صباح اليوم. وكان الطريق قد أغلق الشهر الماضي بسبب القصف.")
    assert found and found[0][1] == "open"


# ---- a named desert or range a road crosses is terrain (via), not a point on it

@pytest.mark.parametrize("text, ends, via", [
    ("وتعرضت شاحنات لهجوم على الطريق الرابط بين الرطبة والقائم عبر صحراء الأنبار.", {"الرطبة", "القائم"}, "desert"),
    ("وأعيد فتح الطريق بين الحديدة وصنعاء عبر جبال حراز أمام المسافرين.", {"الحديدة", "صنعاء"}, "mountain"),
])
def test_named_terrain_crossed_is_via(text, ends, via):
    doc = run(text)
    assert len(doc.routes) == 1
    assert set(names(doc, doc.routes[0])) == ends
    assert via in str(doc.routes[0].get("via"))


# ---- من after a passive participle names an agent, not an origin

@pytest.mark.parametrize("text", [
    "وتواصل الجماعة المدعومة من إيران إغلاق الطرق المؤدية إلى مدينة الضالع.",
    "ودخلت قافلة مساعدات مقدمة من قطر عبر الطريق المؤدي إلى مدينة الضالع.",
])
def test_agent_of_participle_is_no_origin(text):
    doc = run(text)
    assert [names(doc, r) for r in doc.routes] == [["الضالع"]]


def test_origin_after_a_route_noun_still_counts():
    assert routes("وأغلقت القوات الطريق الممتد من الموصل إلى دهوك.") == [(["الموصل", "دهوك"], "closed")]


# ---- crossings "between" two countries: the countries are their sides

def test_countries_between_crossings_are_sides_and_the_ones_left_narrow():
    found = routes("ولم يبق من المعابر الرسمية بين الأردن وسوريا سوى معبري جابر والرمثا.")
    assert sorted(found) == [(["الرمثا"], "narrowing"), (["جابر"], "narrowing")]


def test_crossings_between_two_countries_alone_are_no_route():
    assert routes("وأغلقت السلطات المعابر بين العراق وسوريا أمام المسافرين.") == []


def test_road_between_towns_keeps_its_ends():
    assert len(routes("وأغلقت السلطات الطرق بين القائم والبوكمال.")[0][0]) == 2
