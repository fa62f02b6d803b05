"""Tests for the routes stage's general rules added after the sixth blind set's error
categories (route towns missing from the gazetteer, a route noun read as a village, a
kunya-shaped town at one end of a span, waypoint phrases, status, users), on sentences
written for these tests."""
from __future__ import annotations

import pytest

from routes_helpers import run


def surfaces(doc, route) -> list[str]:
    """A route's waypoints as first written in the text."""
    mentions = {m.id: m for m in doc.mentions}
    places = {p.id: p for p in doc.places}
    out = []
    for w in route["waypoints"]:
        p = places[w]
        ms = [mentions[i].text for i in p.mention_ids if i in mentions]
        out.append(ms[0] if ms else (p.name_ar or p.name))
    return out


def routes(text: str) -> list[tuple[list[str], str]]:
    doc = run(text)
    return [(surfaces(doc, r), r["status"]) for r in doc.routes]


# ---- gazetteer: road towns and crossings

@pytest.mark.parametrize("text, ends", [
    ("وتعرضت قافلة تجارية لهجوم على الطريق بين أفجوي وبورهكبة.", ["أفجوي", "بورهكبة"]),
    ("وأعادت السلطات فتح الطريق الرابط بين بلدوين وهودور أمام الشاحنات.", ["بلدوين", "هودور"]),
    ("وأغلق مسلحون طريق حاس – كفرنبل لساعات.", ["حاس", "كفرنبل"]),
    ("وتستمر أعمال صيانة طريق الطارمية – المشاهدة منذ أشهر.", ["الطارمية", "المشاهدة"]),
    ("وقطعت الجماعة الطريق الواصل بين مأرب وصافر.", ["مأرب", "صافر"]),
    ("وباتت الشاحنات تسلك طريقاً يمر عبر يافع نحو عدن.", ["يافع", "عدن"]),
    ("وتحركت الحافلات على طريق الكمب – جولة القصر بعد فتحه.", ["الكمب", "جولة القصر"]),
])
def test_route_towns_in_the_gazetteer(text, ends):
    rs = routes(text)
    assert len(rs) == 1, rs
    assert sorted(rs[0][0]) == sorted(ends), rs


@pytest.mark.parametrize("text, crossings", [
    ("وقصفت طائرات الطريق عند معبر المصنع، ثم لجأ المسافرون إلى معبر جوسية.", ["المصنع", "جوسية"]),
    ("وتوقفت حركة العبور في المعبر بعد أن أُغلق منفذ الوديعة.", ["الوديعة"]),
])
def test_a_crossing_noun_is_no_village_named_so(text, crossings):
    doc = run(text)
    assert not [m for m in doc.mentions if m.label == "LOC" and m.text in ("معبر", "المعبر", "منفذ")]
    got = [w for r in doc.routes for w in surfaces(doc, r)]
    assert got == crossings, got


@pytest.mark.parametrize("text, ends", [
    ("ويمتد الطريق من أبو سمبل إلى أسوان وسط الصحراء.", ["أبو سمبل", "أسوان"]),
    ("وتسير الحافلات على الطريق من أبو ظبي حتى العين يومياً.", ["أبو ظبي", "العين"]),
])
def test_a_kunya_shaped_town_at_one_end_of_a_span_is_a_place(text, ends):
    rs = routes(text)
    assert rs and rs[0][0] == ends, rs


def test_a_kunya_with_a_name_is_still_a_person():
    doc = run("وقال أبو محمد، وهو سائق شاحنة، إن الطريق مغلق.")
    assert any(m.label == "PERS" and "أبو محمد" in m.text for m in doc.mentions)


def test_a_kunya_shaped_town_after_a_preposition_is_a_place():
    rs = routes("ويتوقف المسافرون للراحة في أبو سمبل، إذ يمتد الطريق من أبو سمبل إلى أسوان.")
    assert [r[0] for r in rs] == [["أبو سمبل", "أسوان"]], rs


@pytest.mark.parametrize("text", [
    "نصب مسلحون كميناً لقافلة على الطريق الرابط بين بيدوا وبورهكبة.",
    "وقعت دورية في كمين على طريق أفجوي – مقديشو.",
])
def test_an_ambush_word_is_no_place_read_through_a_simile_prefix(text):
    doc = run(text)
    assert [m.text for m in doc.mentions if m.label == "LOC" and "مين" in m.text] == []
    assert [r["status"] for r in doc.routes] == ["contested"], doc.routes


# ---- status

@pytest.mark.parametrize("text, status", [
    # fire on the road's traffic: contested
    ("نفذت القوات رمايات بالرشاشات على سيارات المارة على طريق سرمين – أريحا.", "contested"),
    ("وبات طريق اللطامنة – كفرزيتا تحت الرصد الناري منذ يومين.", "contested"),
    # a patrol driven along it: in use
    ("سيّرت القوات الروسية دورية على الطريق الواصل بين حلب وسراقب.", "open"),
    # working around the clock is no effort toward
    ("وأكد مسؤول أن منفذ أرقين يعمل على مدار الساعة لاستقبال المسافرين.", "open"),
    # forced to take a road: taken
    ("وأغلق مسلحون الطريق بين البيضاء ومكيراس، ما اضطر السائقين لسلوك طريق يمر عبر يافع إلى عدن.", None),
    # the demand governs what is joined to its object
    ("ويطالب السكان بإعادة تأهيل طريق الطارمية – المشاهدة وتأمينه.", "unknown"),
    # options narrowing are no road narrowing
    ("ضاقت الخيارات أمام السكان، إذ بات طريق كفرنبل – حاس تحت القصف.", "contested"),
])
def test_status_phrasings(text, status):
    got = [r["status"] for r in run(text).routes]
    if status is None:
        assert got == ["closed", "open"], got
    else:
        assert got == [status], got


def test_a_road_left_after_options_narrowed_still_narrows():
    assert [s for _, s in routes("وتقلصت خيارات الوصول إلى كادقلي، إذ لم يتبق سوى الطريق من الأبيض إلى كادقلي.")] \
        == ["narrowing"]


@pytest.mark.parametrize("text, status", [
    # the road at a crossing is the crossing's road
    ("أغلقت السلطات الطريق عند معبر المصنع أمام الشاحنات.", "closed"),
    ("استهدفت غارة الطريق عند معبر جوسية، ما أدى إلى قطعه تماماً.", "closed"),
    # a member of a set takes what is told of the set
    ("وتبقى المعابر الرئيسية مقفلة، ومنها معبر الوديعة.", "closed"),
    ("ولا تزال الطرق المؤدية إلى المدينة مقطوعة، ومن بينها طريق الحوبان.", None),
    # a through phrase inside what a demand asks for is no use
    ("وجددت الوكالة دعوتها إلى ضمان وصول الإغاثة إلى الفاشر، بما في ذلك عبر طريق الطويلة – الفاشر.", "unknown"),
    ("وطالب المجلس بتمديد إيصال المساعدات إلى إدلب من خلال معبر باب الهوى عاماً آخر.", "unknown"),
    # told as not seen: no use
    ("ولم تُسجَّل أي عمليات عبور عبر معبر الراعي طوال الأسبوع.", "unknown"),
])
def test_status_across_clauses(text, status):
    doc = run(text)
    got = [(surfaces(doc, r), r["status"]) for r in doc.routes]
    if status is None:
        assert got[-1] == (["الحوبان"], "closed"), got
    else:
        assert [s for _, s in got] == [status], got


def test_the_written_cut_it_is_no_military_unit():
    assert [s for _, s in routes("وتقدمت القوات نحو طريق الموصل – تلعفر وقطعته بالكامل.")] == ["closed"]
    assert [s for _, s in routes("واستهدفت مسيرة الطريق بين الموصل وتلعفر، ما أدى إلى قطعه.")] == ["closed"]


@pytest.mark.parametrize("text, status", [
    ("ويسلك الأهالي طريق الأقروض الذي يمر عبر الجبال ويستغرق قطعه خمس ساعات.", "open"),
    ("وقطع المحتجون الطريق بين الموصل وتلعفر لساعات.", "closed"),
    ("عُثر على جثة رجل مقتولاً بطلق ناري قرب طريق الحسكة – الشدادي.", "unknown"),
    ("سيّرت القوات الروسية، صباح اليوم، دورية جديدة على الطريق الواصل بين حلب وسراقب.", "open"),
    ("أغلقت القوات، مساء أمس، الطريق بين الموصل وتلعفر.", "closed"),
])
def test_status_words_told_apart(text, status):
    assert [s for _, s in routes(text)] == [status]


# ---- false routes: a set of supply lines that is the road before, or narrowed into one

def test_supply_lines_cut_with_the_road_are_that_road():
    doc = run("سيطرت القوات على الطريق الرابط بين الموصل وتلعفر، ما أدى إلى قطع خطوط الإمداد "
              "التي يعتمد عليها مسلحو داعش داخل المدينة.")
    assert [(surfaces(doc, r), r["status"]) for r in doc.routes] == [(["الموصل", "تلعفر"], "closed")]
    assert doc.routes[0]["users"] == ["actor:isis"]


@pytest.mark.parametrize("text, ends, status", [
    ("قلّص تقدم القوات خطوط إمداد الحوثيين إلى داخل الحديدة، ولم يبق سوى طريق الحديدة – صنعاء عبر باجل.",
     ["الحديدة", "باجل", "صنعاء"], "narrowing"),
    ("وتقلصت طرق إمداد داعش نحو مدينة الرقة إلى طريق واحد يمر عبر ريف الرقة الجنوبي.",
     ["ريف الرقة", "الرقة"], "narrowing"),
    ("وتقلصت الطرق التي تربط دوما بحرستا إلى طريق زراعي واحد.", ["دوما", "حرستا"], "narrowing"),
])
def test_a_set_of_routes_narrowed_into_one_is_one_route(text, ends, status):
    doc = run(text)
    assert len(doc.routes) == 1, doc.routes
    assert sorted(surfaces(doc, doc.routes[0])) == sorted(ends)
    assert doc.routes[0]["status"] == status


def test_roads_closed_then_one_left_stay_two_routes():
    rs = routes("وأغلقت القوات الطرق المؤدية إلى الموصل، ولم يبق سوى طريق الموصل – دهوك.")
    assert len(rs) == 2, rs


# ---- a crossing's travellers and a road's cargo do not draw it

@pytest.mark.parametrize("text, crossing, status", [
    ("دعا الأمين العام، مجلس الأمن إلى تمديد آلية إيصال المساعدات عبر الحدود إلى إدلب من خلال معبر باب الهوى.",
     "باب الهوى", "unknown"),
    ("ودخلت قافلة مساعدات من تركيا إلى إدلب من خلال معبر باب السلامة.", "باب السلامة", "open"),
])
def test_travellers_through_a_named_crossing_do_not_draw_it(text, crossing, status):
    doc = run(text)
    assert [(surfaces(doc, r), r["status"]) for r in doc.routes] == [([crossing], status)]


def test_where_the_goods_go_is_not_on_a_road_with_its_own_ends():
    rs = routes("ولم يتبق لإيصال الإغاثة إلى ولاية النيل الأبيض سوى طريق واحد يمتد من بورتسودان إلى كوستي.")
    assert rs == [(["بورتسودان", "كوستي"], "narrowing")], rs


# ---- users: whose vehicles travel the road

@pytest.mark.parametrize("text, users", [
    ("تعرّض رتل تابع لهيئة الحشد الشعبي لكمين على الطريق بين طوزخورماتو وآمرلي.", ["actor:pmf"]),
    ("تعرضت شاحنة تحمل مساعدات لبرنامج الأغذية العالمي لهجوم على الطريق بين بيدوا وبورهكبة.", ["actor:wfp"]),
    ("ودخل رتل للقوات الأمريكية عبر معبر الوليد قادماً من العراق.", ["actor:us-forces"]),
    ("أفاد برنامج الأغذية العالمي بأن أولى قوافله عبرت معبر أدري.", ["actor:wfp"]),
    ("عبرت 40 شاحنة تحمل مساعدات للأمم المتحدة معبر باب الهوى، فيما عبرت 12 شاحنة أخرى معبر باب السلامة.",
     ["actor:un", "actor:un"]),
    ("بات طريق حمص – القصير سالكاً أمام أرتال الجيش السوري.", ["actor:syria-army"]),
])
def test_the_owner_of_a_vehicle_on_the_road_uses_it(text, users):
    doc = run(text)
    assert [u for r in doc.routes for u in r["users"]] == users, doc.routes


def test_a_road_closed_to_a_convoy_is_not_used_by_it():
    doc = run("وأغلقت السلطات معبر اليعربية أمام قوافل الأمم المتحدة.")
    assert [r["users"] for r in doc.routes] == [[]]


# ---- a linking verb whose object is a pronoun for the place before

@pytest.mark.parametrize("text, ends", [
    ("لم يتبقَّ لقضاء تلعفر سوى طريق واحد يربطه بناحية العياضية.", ["تلعفر", "العياضية"]),
    ("وتقلص الوصول إلى بلدة هودور، إذ لم يعد يربطها بمدينة بيدوا سوى طريق واحد.", ["هودور", "بيدوا"]),
    ("وتحاصر القوات مدينة الفلوجة، ولم يبق طريق يربطها بالرمادي إلا عبر الصحراء.", ["الفلوجة", "الرمادي"]),
])
def test_a_linking_pronoun_names_the_place_before(text, ends):
    rs = routes(text)
    assert len(rs) == 1 and sorted(rs[0][0]) == sorted(ends), rs


@pytest.mark.parametrize("text, status", [
    ("لم يتبق لتلعفر سوى طريق واحد يربطه بالعياضية، بعد إحكام القوات سيطرتها على المحاور الأخرى.", "narrowing"),
    ("وبعد ساعات أغلقت القوات الطريق بين الموصل وتلعفر.", "closed"),
    ("وتدور منذ أيام اشتباكات على طريق حلب – دمشق.", "contested"),
])
def test_what_came_before_is_not_the_state(text, status):
    assert [s for _, s in routes(text)] == [status]


def test_a_crossing_noun_told_of_again_takes_its_status():
    assert [s for _, s in routes("أكد مصدر مسؤول بمنفذ أرقين البري أن المنفذ مفتوح أمام المسافرين.")] == ["open"]
    assert [s for _, s in routes("وقال مدير معبر نصيب إن المعبر مغلق منذ الصباح.")] == ["closed"]


@pytest.mark.parametrize("text, expected", [
    ("وقال سائق حافلة يعمل على خط الحسكة – القامشلي إن الطريق مقطوع منذ يومين.", [(["الحسكة", "القامشلي"], "closed")]),
    ("وأكد الرئيس أن خط سرت – الجفرة خط أحمر لا يجوز تجاوزه.", []),
    ("وتقدمت القوات على خط التماس قرب حلب.", []),
])
def test_a_transport_line_is_its_road_a_red_line_is_not(text, expected):
    assert routes(text) == expected


@pytest.mark.parametrize("text", [
    "ونزح آلاف المدنيين من الفاشر إلى طويلة مروراً بمناطق وعرة.",
    "وتوجه النازحون نحو الحسكة سيراً على الأقدام.",
])
def test_a_flight_with_no_corridor_word_is_no_route(text):
    assert routes(text) == []


@pytest.mark.parametrize("text, ends", [
    ("وسلك المدنيون طريقاً يبدأ من دوما وينتهي في حرستا.", ["دوما", "حرستا"]),
    ("وأغلقت القوات طريقاً يبدأ من الموصل وينتهي عند تلعفر.", ["الموصل", "تلعفر"]),
])
def test_a_road_that_begins_and_ends(text, ends):
    assert [r[0] for r in routes(text)] == [ends]


@pytest.mark.parametrize("text, expected", [
    # several roads in one sentence, each with its own status
    ("وقطعت الفصائل الطريق بين حلب ودمشق، فيما فتحت طريق إدلب – اللاذقية.",
     [(["حلب", "دمشق"], "closed"), (["إدلب", "اللاذقية"], "open")]),
    # roads leading to two towns are two routes
    ("وتسيطر القوات على الطرق المؤدية إلى الرمادي والفلوجة.", [(["الرمادي"], "closed"), (["الفلوجة"], "closed")]),
    # a crossing's two sides are its name; the countries it joins are not on it
    ("وأعيد فتح معبر جابر – نصيب بين سوريا والأردن.", [(["جابر", "نصيب"], "open")]),
    # the junction where a road is taken is where, not a waypoint
    ("وسيطر التنظيم على طريق الرقة – حلب عند مفرق أثريا.", [(["الرقة", "حلب"], "closed")]),
])
def test_waypoint_constructions(text, expected):
    assert routes(text) == expected
