"""Tests for the routes stage's general rules added after the third blind set's error
categories (gazetteer gaps, status vocabulary, waypoint boundaries, users, lengths), on
sentences written for these tests."""
from __future__ import annotations

import pytest

from routes_helpers import place_id, run, statuses


# ---- gazetteer: towns, villages, crossings and fields the news names

@pytest.mark.parametrize("text, surfaces, country", [
    ("وقطعت الفصائل الطريق الواصل بين اللطامنة وكفرزيتا بعد هجوم ليلي.", ["اللطامنة", "كفرزيتا"], "SY"),
    ("وتمر الشاحنات يومياً على طريق الصقلاوية – الحبانية.", ["الصقلاوية", "الحبانية"], "IQ"),
    ("وأعادت السلطات فتح الطريق بين سيئون وشقرة أمام المسافرين.", ["سيئون", "شقرة"], "YE"),
    ("وأغلق محتجون الطريق الرابط بين الكفرة وأجدابيا.", ["الكفرة", "أجدابيا"], "LY"),
    ("وتسلك الأسر الفارة طريق الدلنج – كادقلي منذ أسبوع.", ["الدلنج", "كادقلي"], "SD"),
    ("وأغلق الجيش معبر كيسوفيم أمام الشاحنات.", ["كيسوفيم"], "PS"),
    ("ولا يزال الطريق المؤدي إلى حقل الفيل مغلقاً.", ["حقل الفيل"], "LY"),
])
def test_places_added_to_the_gazetteer_are_route_waypoints(text, surfaces, country):
    doc = run(text)
    assert len(doc.routes) == 1, doc.routes
    assert doc.routes[0]["waypoints"] == [place_id(doc, s) for s in surfaces]
    places = {p.id: p for p in doc.places}
    assert places[doc.routes[0]["waypoints"][-1]].country == country


def test_the_one_word_spelling_of_khan_younis():
    doc = run("وقصفت المدفعية الطريق بين خانيونس ودير البلح.")
    assert doc.routes and len(doc.routes[0]["waypoints"]) == 2, doc.routes


def test_a_village_named_like_a_common_word_needs_a_route_context():
    doc = run("وتأخرت الرحلات بسبب الضباب الكثيف فوق المطار.")
    assert not [m for m in doc.mentions if m.label == "LOC" and "الضباب" in m.text]


# ---- status vocabulary

@pytest.mark.parametrize("text", [
    "قصفت المدفعية الطريق بين سراقب وأريحا طوال الليل.",
    "واستهدفت طائرات مسيرة طريق حلب – اللاذقية أمس.",
    "ويتعرض الطريق الرابط بين دوما وحرستا لنيران القناصة.",
    "ووقعت دورية للشرطة في كمين على طريق تكريت – سامراء.",
    "وسقطت قذائف هاون على طريق حمص – حماة صباح اليوم.",
])
def test_a_shelled_road_with_nothing_else_told_is_contested(text):
    assert statuses(text) == ["contested"]


@pytest.mark.parametrize("text, status", [
    ("ولا يزال معبر باب السلامة يعمل رغم قصف محيطه.", "open"),
    ("وفرّ المدنيون عبر ممر آمن إلى إدلب هرباً من القصف.", "open"),
    ("ونزحت العائلات عبر طريق إدلب – سرمدا هرباً من الغارات.", "open"),
    ("ولم يبق أمام سكان مضايا سوى طريق ترابي نحو الزبداني تستهدفه القناصة يومياً.", "narrowing"),
    ("وأغلق الجيش طريق درعا – بصرى الشام بعد قصفه بالمدفعية.", "closed"),
])
def test_shelling_gives_way_to_what_else_is_told(text, status):
    assert statuses(text) == [status]


@pytest.mark.parametrize("text", [
    "وتتبادل الفصائل والقوات الحكومية السيطرة على طريق حماة – حلب منذ أيام.",
    "ويتبادل الطرفان القصف على الطريق بين مأرب وصرواح.",
])
def test_control_changing_hands_is_contested(text):
    assert statuses(text) == ["contested"]


def test_an_exchange_of_prisoners_is_no_fight():
    assert statuses("وجرى تبادل الأسرى عبر معبر باب الهوى صباح اليوم.") != ["contested"]


@pytest.mark.parametrize("text", [
    "وبات الطريق بين الحديدة وصنعاء خارج الخدمة بعد السيول.",
    "وخرج معبر نصيب عن الخدمة بعد تضرر منشآته.",
])
def test_out_of_service_is_closed(text):
    assert statuses(text) == ["closed"]


def test_travelling_a_distance_is_no_cut():
    assert statuses("وتقطع الشاحنات مسافة 80 كيلومتراً يومياً على الطريق بين بغداد والفلوجة.") == ["open"]
    assert statuses("وقطع مسلحون الطريق بين بغداد والفلوجة فجر اليوم.") == ["closed"]


@pytest.mark.parametrize("text", [
    "واستأنف معبر نصيب استقبال الشاحنات بعد توقف دام شهرين.",
    "وعاودت السلطات فتح الطريق بين درعا والسويداء.",
])
def test_resumed_is_open(text):
    assert statuses(text) == ["open"]


@pytest.mark.parametrize("text, status", [
    ("وأصبح طريق حمص – تدمر المنفذ الوحيد المتاح أمام النازحين.", "narrowing"),
    ("وبات الطريق بين الرستن وحماة المعبر الوحيد للعائلات المحاصرة.", "narrowing"),
    ("ولم يعد أمام الأهالي سوى طريق الرستن – حماة.", "narrowing"),
    ("وبات الطريق بين الرستن وحماة المنفذ الوحيد الذي تسلكه القوافل.", "open"),
])
def test_the_only_route_left_narrows_unless_said_to_be_in_use(text, status):
    assert statuses(text) == [status]


def test_a_route_called_for_in_a_participle_is_only_asked_for():
    doc = run("وقال المسؤول إن الطريق بين الفاشر ومليط مغلق، داعياً إلى تأمين طريق كتم – الفاشر.")
    assert [r["status"] for r in doc.routes] == ["closed", "unknown"], doc.routes


def test_a_closure_stated_after_a_warning_is_told_not_feared():
    assert statuses("وحذرت المنظمة من أن إغلاق معبر باب الهوى يهدد حياة الملايين.") == ["closed"]
    assert statuses("وتخشى المنظمة أن يُغلق معبر باب الهوى الشهر المقبل.") == ["unknown"]


def test_traffic_stopped_by_a_named_authority_is_a_closure():
    doc = run("وأوقفت السلطات الأردنية حركة العبور في معبر جابر حتى إشعار آخر.")
    assert [r["status"] for r in doc.routes] == ["closed"] and not doc.routes[0]["users"], doc.routes


def test_more_adjectives_belong_to_the_road_name():
    doc = run("وأغلقت الشرطة الطريق الدولي الساحلي العريش – رفح أمام السيارات.")
    assert len(doc.routes) == 1 and len(doc.routes[0]["waypoints"]) == 2, doc.routes


# ---- waypoint boundaries and what a later mention says

def test_a_crossing_after_the_first_end_of_a_between_road_is_its_other_end():
    doc = run("وأعيد فتح الطريق الرابط بين الفلوجة ومنفذ الوليد الحدودي أمام الشاحنات.")
    assert len(doc.routes) == 1, doc.routes
    assert doc.routes[0]["waypoints"] == [place_id(doc, "الفلوجة"), place_id(doc, "الوليد")]


def test_a_linking_verb_before_the_noun_reads_x_ba_y_as_the_two_ends():
    doc = run("ويربط الطريق القديم مدينة تكريت بسامراء.")
    assert len(doc.routes) == 1 and doc.routes[0]["waypoints"] == [place_id(doc, "تكريت"), place_id(doc, "سامراء")]


def test_a_copula_gives_the_placeless_route_its_name():
    doc = run("وتقلصت المنافذ المفتوحة إلى منفذ واحد هو معبر اليعربية.")
    assert [r["status"] for r in doc.routes] == ["narrowing"], doc.routes


def test_the_same_road_mentioned_again_later_in_the_sentence_takes_its_status():
    doc = run("ودعت المنظمة إلى حماية المدنيين على الطريق بين مأرب وصنعاء، مؤكدة أن الطريق شهد معارك عنيفة.")
    assert [r["status"] for r in doc.routes] == ["contested"], doc.routes


def test_another_road_mentioned_later_is_not_the_same():
    doc = run("وأغلقت القوات الطريق بين مأرب وصنعاء، فيما قالت إن الطريق الآخر شهد معارك.")
    assert [r["status"] for r in doc.routes] == ["closed"], doc.routes


def test_a_seized_shipment_did_not_travel_the_road():
    doc = run("وضبطت الشرطة شحنة أسلحة على طريق القاهرة – السويس الصحراوي.")
    assert [r["status"] for r in doc.routes] == ["unknown"], doc.routes


# ---- lengths

@pytest.mark.parametrize("text, length", [
    ("ويتراوح طول الطريق بين حماة وسلمية بين 25 و30 كيلومتراً.", {"min": 25, "max": 30}),
    ("وأغلق الجيش الطريق بين حماة وسلمية، البالغ طوله من 30 إلى 35 كم، أمس.", {"min": 30, "max": 35}),
    ("ويبلغ طول الطريق بين حماة وسلمية ما لا يقل عن 350 كيلومتراً.", {"min": 350, "max": None}),
    ("والطريق بين حماة وسلمية الذي يزيد طوله على 60 كيلومتراً مغلق.", {"min": 60, "max": None}),
    ("والطريق بين حماة وسلمية الذي لا يتجاوز طوله 20 كيلومتراً مغلق.", {"min": None, "max": 20}),
    ("ويبلغ طول الطريق بين حماة وسلمية 45 كيلومتراً.", {"min": 45, "max": 45}),
])
def test_length_ranges_and_bounds_split_by_the_length_noun(text, length):
    doc = run(text)
    assert len(doc.routes) == 1, doc.routes
    got = {k: doc.routes[0]["length_km"][k] for k in ("min", "max")}
    assert got == length, doc.routes[0]["length_km"]


# ---- users

def test_whom_a_supply_line_supplies_is_its_user_and_not_its_closer():
    doc = run("وتمكنت القوات العراقية من قطع خط إمداد داعش الرابط بين القائم وعانة.")
    assert len(doc.routes) == 1, doc.routes
    r = doc.routes[0]
    assert r["status"] == "closed" and r["users"] == ["actor:isis"], r


def test_a_supply_line_after_a_captured_road_is_that_road():
    doc = run("وسيطرت قوات سوريا الديمقراطية على الطريق بين الحسكة والشدادي، ما قطع خطوط إمداد داعش.")
    assert len(doc.routes) == 1, doc.routes
    r = doc.routes[0]
    assert r["status"] == "closed" and r["users"] == ["actor:isis"], r


def test_ma_after_a_comma_is_which_not_a_negation():
    doc = run("وسيطر الجيش على الطريق بين إدلب وسراقب، ما قطع الإمدادات عن الفصائل.")
    assert [r["status"] for r in doc.routes] == ["closed"], doc.routes


def test_an_observatory_reports_traffic_it_does_not_use_the_route():
    doc = run("ورصد المرصد السوري مرور شاحنات على طريق حلب – اللاذقية صباح اليوم.")
    assert doc.routes and "actor:sohr" not in doc.routes[0]["users"], doc.routes


def test_an_actor_after_an_area_word_is_where_not_who():
    doc = run("وعبرت عشرات الشاحنات إلى مناطق النظام عبر معبر الطبقة.")
    assert doc.routes and "actor:syria-gov" not in doc.routes[0]["users"], doc.routes


# ---- figures and restated crossings

def test_a_figurative_road_said_with_a_copula_is_no_route():
    assert run("وقال الوزير إن الحوار هو الطريق الوحيد لحل الخلاف بين دمشق وأنقرة.").routes == []


def test_the_sides_a_named_crossing_joins_are_not_a_route_of_their_own():
    doc = run("وأكد أن معبر نصيب هو المنفذ الوحيد بين سوريا والأردن.")
    assert len(doc.routes) == 1 and doc.routes[0]["waypoints"] == [place_id(doc, "نصيب")], doc.routes
    assert doc.routes[0]["status"] == "narrowing" and len(doc.routes[0]["across"]) == 2


def test_a_village_named_like_an_adjective_with_a_route_context():
    doc = run("وأغلق الجيش الطريق بين جلولاء والسعدية لأسباب أمنية.")
    assert len(doc.routes) == 1 and len(doc.routes[0]["waypoints"]) == 2, doc.routes
