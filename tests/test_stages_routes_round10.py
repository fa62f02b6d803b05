"""Tests for the routes stage's status rules added after the eighth blind set's error
categories (a state before told after a span of time, a reopening told across a time
phrase, a denial far before the closure it denies, a demand to hurry an opening, a
security checkpoint on a road), on sentences written for these tests."""
from __future__ import annotations

import pytest

from routes_helpers import run, statuses


@pytest.mark.parametrize("text, status", [
    # the opening was days before the closure reported
    ("قررت السلطات إغلاق معبر رفح في الاتجاهين بعد أيام من فتحه أمام المسافرين.", "closed"),
    # the closure was before; the reopening, told across a time phrase, is now
    ("أُعيد قرابة الساعة التاسعة من صباح اليوم فتح طريق الموصل – دهوك بعد إغلاقه ليلاً.", "open"),
    # a denial far before the closure it denies
    ("نفى مصدر أمني رفيع المستوى ما تردد عن إغلاق معبر نصيب الحدودي.", "open"),
    # hurrying an opening is asked for, not done
    ("طالب التجار الحكومة بالإسراع في إعادة فتح معبر القائم الحدودي.", "unknown"),
    ("دعت البعثة الأممية الطرفين إلى الإسراع في فتح الطريق بين سرت ومصراتة.", "unknown"),
    # a security checkpoint on the road is no closure
    ("اعتقلت قوة أمنية مطلوباً في سيطرة أمنية على الطريق بين بغداد والحلة.", "unknown"),
])
def test_status_round10(text, status):
    assert statuses(text) == [status]


def test_a_closure_told_directly_still_closes():
    assert statuses("أغلقت القوات الأمنية الطريق بين بغداد والحلة صباح اليوم.") == ["closed"]


def waypoint_names(text: str) -> list[list[str]]:
    from routes_helpers import names
    doc = run(text)
    return [names(doc, r) for r in doc.routes]


def test_a_crossing_facing_another_is_one_crossing_with_two_sides():
    found = waypoint_names("وافتتحت السلطات منفذ القائم الحدودي المقابل لمنفذ البوكمال أمام المسافرين.")
    assert len(found) == 1 and len(found[0]) == 2


def test_a_place_near_the_destination_locates_it():
    found = waypoint_names("وأغلقت القوات بالسواتر الترابية الطرق المؤدية إلى مخيم نور شمس قرب طولكرم.")
    assert len(found) == 1 and len(found[0]) == 1


def test_a_linking_pronoun_points_at_the_town_not_the_region_that_locates_it():
    doc = run("ويحاصر المسلحون بلدة حدر في إقليم باكول، ولم يبق لسكانها سوى طريق واحد يصلها ببيدوا.")
    from routes_helpers import place_id
    assert doc.routes and place_id(doc, "حدر") in doc.routes[0]["waypoints"]
    assert place_id(doc, "باكول") not in doc.routes[0]["waypoints"]


@pytest.mark.parametrize("text, status", [
    # securing it is what sweeps aim at; the road is under sniper fire now
    ("لا يزال الطريق بين بعقوبة والمقدادية تحت نيران القناصة، فيما تواصل القوات عمليات تمشيط لتأمينه.", "contested"),
    # fighting named as a cause but placed on the road
    ("لم تتمكن الفرق من الوصول إلى العائلات بسبب الاشتباكات الدائرة على الطريق بين سرت ومصراتة.", "contested"),
])
def test_status_round10_blind9(text, status):
    assert statuses(text) == [status]


def test_a_cause_not_on_the_road_still_dates_nothing():
    assert statuses("ونزح الأهالي بسبب الاشتباكات إلى مدينة أخرى عبر الطريق بين سرت ومصراتة.") != ["contested"]


# ---- after the tenth blind set's categories

def test_a_closure_since_which_time_passed_still_holds():
    text = "ويعاني النازحون نقصاً حاداً في الأدوية منذ إغلاق الطريق بين القيارة والموصل."
    assert statuses(text) == ["closed"]


def test_roads_joined_by_wa_share_what_is_told_of_the_first():
    text = "وقطعت قوات الدعم السريع طريق مليط – الفاشر وطريق كبكابية – الفاشر صباح اليوم."
    assert statuses(text) == ["closed", "closed"]


def test_where_travellers_come_from_is_no_waypoint_but_where_a_road_comes_from_is():
    from routes_helpers import names
    doc = run("وأغلقت السلطات الطرق المؤدية إلى الفلوجة أمام المركبات القادمة من بغداد.")
    assert doc.routes and all("بغداد" not in names(doc, r) for r in doc.routes)
    doc = run("ووصلت القافلة إلى مدينة الفاشر عبر الطريق القادم من مليط.")
    assert any(len(r["waypoints"]) == 2 for r in doc.routes)


def test_places_passed_after_a_comma_are_on_the_route():
    doc = run("ويسلك المسافرون الطريق الذي يربط مدينة تعز بعدن، مروراً بالتربة، رغم وعورته.")
    assert [len(r["waypoints"]) for r in doc.routes] == [3]


def test_what_an_act_on_the_road_led_to_tells_of_the_road():
    text = "وفجّر مسلحون جسراً على الطريق بين مقديشو وأفجوي، ما أدى إلى توقف حركة النقل بين المدينتين."
    assert statuses(text) == ["closed"]
