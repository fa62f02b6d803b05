"""Tests for the routes stage's rules added after the fourth blind set's error categories:
places a road is named by (road towns, junctions, kunya-shaped towns, a dateline that is
no dateline, a part of a city with its side), the families of status words and
constructions (under fire, attacks, traffic resumed, streaming through, denials, hopes,
possibilities and talks, only one road left), waypoint constructions (مروراً بـ، يمر عبرها،
يمتد من … إلى، يصل X بـY) and false routes (people named by their flight, authorities
named after crossings, roads named after persons). Sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline

PIPE = Pipeline()


def run(text: str):
    return PIPE.run_text(text)


def names(doc, route) -> list[str]:
    places = {p.id: p for p in doc.places}
    return [places[w].name_ar or places[w].name for w in route["waypoints"]]


def place_id(doc, surface: str) -> str:
    for m in doc.mentions:
        if m.label == "LOC" and m.text.endswith(surface) and m.ref:
            return m.ref
    raise AssertionError(f"no place {surface!r} in {[m.text for m in doc.mentions]}")


def only(text: str) -> tuple:
    doc = run(text)
    assert len(doc.routes) == 1, doc.routes
    return doc, doc.routes[0]


# ---- places: road towns and junctions, and names that look like something else

@pytest.mark.parametrize("text, surfaces", [
    ("وقطع عشرات الشبان أوتوستراد الدامور بالإطارات المطاطية.", ["الدامور"]),
    ("ولا تزال طريق المديرج – صوفر مقفلة بسبب الانهيارات.", ["المديرج", "صوفر"]),
    ("وسيطر المسلحون على الطريق الرابط بين تلعفر والكسك.", ["تلعفر", "الكسك"]),
    ("وأعيد فتح طريق قانية – البيضاء أمام المسافرين.", ["قانية", "البيضاء"]),
    ("وتسلك القوافل طريق الكومة – مليط منذ أيام.", ["الكومة", "مليط"]),
    ("واستأنف منفذ صرفيت عمله بعد توقف دام أسبوعاً.", ["صرفيت"]),
])
def test_road_towns_and_crossings_name_routes(text, surfaces):
    doc, r = only(text)
    assert r["waypoints"] == [place_id(doc, s) for s in surfaces]


@pytest.mark.parametrize("text, surfaces", [
    ("وتوقفت الحركة كلياً على الطريق بين الخرطوم وأم درمان.", ["الخرطوم", "أم درمان"]),
    ("وأغلقت السلطات طريق أسوان – أبو سمبل أمام الحافلات.", ["أسوان", "أبو سمبل"]),
])
def test_a_town_whose_name_starts_like_a_kunya_joined_to_a_place_is_a_place(text, surfaces):
    doc, r = only(text)
    assert len(r["waypoints"]) == len(surfaces)
    assert not [m for m in doc.mentions if m.label == "PERS"]


def test_a_weekday_between_commas_and_a_dash_in_the_road_name_make_no_dateline():
    doc, r = only("أعلنت وزارة الداخلية، الخميس، إغلاق طريق بغداد – الحلة بسبب الأمطار.")
    assert doc.body_start == 0 and not doc.header
    assert names(doc, r)[0] == "بغداد" and r["status"] == "closed"


def test_a_dateline_still_opens_the_report():
    doc = run("الموصل (رويترز) - أغلقت القوات العراقية طريق الموصل – دهوك.")
    assert doc.header and doc.header[0]["text"] == "الموصل"


def test_a_named_road_restated_by_what_it_links_takes_those_ends():
    doc, r = only("استعادت الفصائل طريق الكاستيلو، الطريق الوحيد الذي يربط الأحياء الغربية لحلب بريف حلب الشمالي.")
    assert "marsad:sy-castello" not in r["waypoints"] and len(r["waypoints"]) == 2


def test_a_part_of_a_city_with_its_side_is_one_relative_place():
    doc = run("وقصف الطيران الريف الغربي لحماة.")
    assert any(m.text == "الريف الغربي لحماة" and m.role == "part" for m in doc.mentions)
