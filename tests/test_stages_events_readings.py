"""Events: words that look like events but are settings, forecasts, disasters or declines,
and actions whose status comes from the verb they are joined to. Sentences written for
marsad in the style of Arabic news reports."""
from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline

PIPE = Pipeline()


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e["type"], e["status"]) for e in PIPE.run_text(text).events]


def event_types(text: str) -> list[str]:
    return [e["type"] for e in PIPE.run_text(text).events]


@pytest.mark.parametrize("text", [
    "وقال قائد الفصيل في لقاء مع مراسل الصحيفة إن مقاتليه سيبقون في مواقعهم.",
    "ونقلت الوكالة عن الوزير قوله في اتصال هاتفي إن الحكومة لن تستقيل.",
    "وأكد المتحدث خلال مقابلة مع قناة محلية أن الوضع مستقر.",
])
def test_a_meeting_where_a_statement_was_given_is_no_meeting(text):
    assert not [k for k in kinds(text) if k[0] == "CONSULT"]


@pytest.mark.parametrize("text", [
    "وبحث الرئيس في اتصال هاتفي مع نظيره الفرنسي الأوضاع في لبنان.",
    "ونقلت الوكالة عن المحافظ قوله خلال استقباله أعضاء مجلس المحافظة إن الطرق ستفتح.",
    "وقال الوزير في لقاء مع نظيره التركي إن البلدين متفقان.",
])
def test_a_meeting_with_a_political_partner_stays_a_meeting(text):
    assert ("CONSULT", "reported") in kinds(text)


@pytest.mark.parametrize("text,asked", [
    ("وقال الخبير إنه يتعين أن يصل عدد السياح هذا العام إلى مليوني سائح.", False),
    ("ويتوقع البنك أنه يجب أن تبلغ الصادرات نحو أربعة مليارات دولار.", False),
    ("وقال الوزير إنه يتعين على الحكومة أن تفرج عن المعتقلين.", True),
])
def test_an_obligation_to_reach_a_figure_is_a_forecast(text, asked):
    assert (("REQUEST", "reported") in kinds(text)) is asked


@pytest.mark.parametrize("text,attack", [
    ("أدت الفيضانات التي ضربت شرق البلاد إلى مقتل ستة أشخاص وغرق عشرات القرى.", False),
    ("وأسفر الإعصار الذي اجتاح الساحل عن مقتل عشرين شخصا على الأقل.", False),
    ("وأسفر القصف المدفعي على البلدة عن مقتل ستة مدنيين.", True),
])
def test_deaths_in_a_disaster_are_no_attack(text, attack):
    assert bool([k for k in kinds(text) if k[0] == "ASSAULT"]) is attack


@pytest.mark.parametrize("text,retreat", [
    ("وأدى الحصار إلى تراجع النظام الصحي في المحافظة.", False),
    ("وتراجعت أسعار الوقود في الأسواق المحلية هذا الأسبوع.", False),
    ("وتراجعت القوات الحكومية إلى أطراف المدينة بعد اشتباكات عنيفة.", True),
])
def test_a_decline_is_no_retreat_where_no_armed_force_is_named(text, retreat):
    assert bool([k for k in kinds(text) if k[0] == "RETREAT"]) is retreat


def test_an_action_joined_to_a_future_verb_is_planned_too():
    found = PIPE.run_text("وسيلتقي الرئيس غدا رئيس الوزراء البريطاني، ويبحث معه الوضع في المنطقة.").events
    assert [(e["type"], e["status"]) for e in found] == [("CONSULT", "planned")]
    # joined to a verb of the past, it happened
    found = PIPE.run_text("والتقى الرئيس أمس رئيس الوزراء البريطاني، ويبحث معه الوزراء الوضع اليوم.").events
    assert ("CONSULT", "reported") in [(e["type"], e["status"]) for e in found]


def test_a_call_reaches_its_action_past_a_setting():
    found = PIPE.run_text("ودعا الأمين العام خلال كلمة له أمس أمام مجلس الأمن إلى عقد مؤتمر دولي للسلام.").events
    assert [e["type"] for e in found] == ["REQUEST"]
    assert found[0]["content"][0]["type"] == "CONSULT"


@pytest.mark.parametrize("text,type_", [
    ("وأجرى الوزيران محادثات تناولت التعاون بين البلدين في مجال الطاقة.", "COOPERATE"),
    ("وعقد المندوبون مشاورات حول نوع العقوبات الممكنة.", "SANCTION"),
    ("والتقى الرئيس نظيره وناقشا المساعدات الإنسانية للنازحين.", "AID"),
])
def test_what_talks_are_about_is_no_happening(text, type_):
    found = event_types(text)
    assert "CONSULT" in found and type_ not in found


def test_a_topic_told_in_a_relative_clause_still_happens():
    found = PIPE.run_text("وستجري محادثات حول العقوبات التي فرضتها الأمم المتحدة على البلاد.").events
    assert "SANCTION" in [e["type"] for e in found]


def test_an_attack_to_be_continued_is_an_aim():
    found = PIPE.run_text("واتهم رئيس الحكومة الدول الكبرى بإعطاء الجيش فرصة لمواصلة هجماته على القرى.").events
    assert [e["type"] for e in found] == ["ACCUSE"]


@pytest.mark.parametrize("text,blocked", [
    ("وأغلقت محطات الوقود أبوابها بسبب نقص الإمدادات.", False),
    ("وأغلقت قوات الأمن الطريق الرئيسي بين المدينتين.", True),
])
def test_a_shop_that_closed_its_doors_blocked_nobody(text, blocked):
    assert bool([e for e in PIPE.run_text(text).events if e["type"] == "COERCE"]) is blocked


def test_a_letter_handed_over_at_a_reception_is_that_meeting():
    text = "واستقبل الرئيس أمس في قصره وزير الخارجية الإيراني الذي سلمه رسالة خطية من نظيره."
    assert event_types(text) == ["CONSULT"]
    # on its own the delivery is a meeting between the two
    assert event_types("وسلم المبعوث الرئيس رسالة خطية من الملك.") == ["CONSULT"]


def test_a_call_answered_was_made():
    found = PIPE.run_text("ويأتي الاجتماع استجابة لدعوة الأمين العام التي وجهها الأسبوع الماضي.").events
    assert {"CONSULT", "REQUEST"} <= {e["type"] for e in found}
    found = PIPE.run_text("وخرج المتظاهرون تلبية لدعوة النقابات إلى الإضراب.").events
    assert "REQUEST" in {e["type"] for e in found}


@pytest.mark.parametrize("text", [
    "وقال منسق معونات الطوارئ في المنظمة إن الوضع يزداد سوءا.",
    "وأعلنت وزارة المصالحة الوطنية عن برنامج جديد للتنمية.",
    "وأكد مدير مكتب الإغاثة أن المستودعات فارغة.",
])
def test_an_office_named_by_an_event_noun_is_no_event(text):
    found = event_types(text)
    assert not ({"AID", "AGREE"} & set(found))


@pytest.mark.parametrize("text,meeting", [
    ("واتهم الحزب الحكومة بالعمل على عرقلة الحوار مع المعارضة.", False),
    ("ووصف الوزيران المحادثات بأنها كانت مفيدة وصريحة.", False),
    ("وأجرى الوزيران محادثات في العاصمة أمس.", True),
])
def test_talks_referred_to_are_no_new_meeting(text, meeting):
    assert bool([e for e in PIPE.run_text(text).events if e["type"] == "CONSULT"]) is meeting


def test_a_date_inside_a_relative_clause_is_not_the_events():
    text = "ويبحث الوزير اليوم مع نظيره الخطوات التي اتخذتها الحكومة في مايو الماضي."
    found = PIPE.run_text(text).events
    assert found and all((e["date"] or {}).get("month") != 5 for e in found)
    # the meeting and the talks of one sentence, same day, are one event
    text = "وسيلتقي الرئيس اليوم رئيس الوزراء البريطاني، ويبحث معه الخطوات التي حققتها الحكومة التي شكلت في مايو الماضي."
    assert [(e["type"], e["status"]) for e in PIPE.run_text(text).events] == [("CONSULT", "planned")]


def test_an_attack_named_by_its_day_is_no_new_attack():
    assert not PIPE.run_text("وتغيرت سياسة البلاد بعد هجمات 11 سبتمبر 2001 على نحو كبير.").events
    # dated after في, it is told as it happens
    found = PIPE.run_text("وقتل خمسة جنود في هجوم مسلح في 3 مارس على حاجز للجيش.").events
    assert "ASSAULT" in [e["type"] for e in found]


def place_name(doc, ref):
    return next((p.name for p in doc.places if p.id == ref), None)


def test_a_meeting_takes_its_place_from_the_whole_clause():
    doc = PIPE.run_text("والتقى وزير الخارجية الفرنسي نظيره اللبناني يوم الثلاثاء في بيروت.")
    ev = next(e for e in doc.events if e["type"] == "CONSULT")
    assert place_name(doc, ev["location"]) == "Beirut"
    doc = PIPE.run_text("وعقد الاتحاد الأوروبي وإيران مفاوضات بهذا الصدد في جنيف.")
    ev = next(e for e in doc.events if e["type"] == "CONSULT")
    assert place_name(doc, ev["location"]) == "Geneva"


@pytest.mark.parametrize("text,type_", [
    ("واستقبل الملك أمس سفراء الدول الأوروبية المعتمدين في الأردن.", "CONSULT"),
    ("واعتقلت الشرطة المشتبه به المولود في الكويت لأبوين أجنبيين.", "COERCE"),
])
def test_a_place_that_tells_where_someone_lives_is_not_the_events(text, type_):
    ev = next(e for e in PIPE.run_text(text).events if e["type"] == type_)
    assert ev["location"] is None


def test_a_countrys_lands_are_that_country():
    doc = PIPE.run_text("وأعلن الجيش أنه انسحب من نحو نصف الأراضي اللبنانية التي دخلها الشهر الماضي.")
    ev = next(e for e in doc.events if e["type"] == "RETREAT")
    assert place_name(doc, ev["location"]) == "Lebanon"


def test_where_a_statement_was_made_is_not_where_what_it_tells_happened():
    doc = PIPE.run_text("وأعلن مصدر رسمي أمس في القاهرة أن الرئيس استقبل وفدا من المعارضة.")
    ev = next(e for e in doc.events if e["type"] == "CONSULT")
    assert ev["location"] is None
    # a place set before the statement sets the scene for what it tells
    doc = PIPE.run_text("وفي الموصل، قال مصدر أمني إن مسلحين هاجموا نقطة تفتيش للشرطة.")
    ev = next(e for e in doc.events if e["type"] == "ASSAULT")
    assert place_name(doc, ev["location"]) == "Mosul"


def test_a_visit_is_where_the_visitor_arrives():
    doc = PIPE.run_text("ومن المنتظر أن يحل الرئيس الثلاثاء بفرنسا، في زيارة يتصدرها ملف القوات في بغداد.")
    ev = next(e for e in doc.events if e["type"] == "CONSULT")
    assert place_name(doc, ev["location"]) == "France"


@pytest.mark.parametrize("text,type_", [
    ("واستبعدت الوزيرة أي وقف لإطلاق النار قبل تحقيق أهداف العملية.", "AGREE"),
    ("وقال المتحدث إنه لم يحصل أي اتفاق بين الطرفين حتى الآن.", "AGREE"),
    ("وأكد الملك أن بلاده ستقدم أية مساعدة ممكنة للمتضررين.", "AID"),
])
def test_any_names_no_particular_happening(text, type_):
    assert type_ not in event_types(text)


def test_what_a_conference_will_focus_on_is_its_topic():
    found = PIPE.run_text("وأعلنت الحكومة أنها ستشارك في المؤتمر وستركز على وقف إطلاق النار.").events
    assert "CONSULT" in [e["type"] for e in found] and "AGREE" not in [e["type"] for e in found]


@pytest.mark.parametrize("text,meeting", [
    ("وافتتح المؤتمر الدولي للمانحين أعماله أمس في الكويت بمشاركة ستين دولة.", True),
    ("وقال الوزير في مؤتمر صحفي عقده أمس إن الوضع الأمني مستقر.", False),
    ("وأعلن حزب المؤتمر الشعبي العام رفضه للقرار.", False),
])
def test_a_conference_is_a_meeting_a_press_conference_is_not(text, meeting):
    assert ("CONSULT" in event_types(text)) is meeting


@pytest.mark.parametrize("text,seized", [
    ("وتقع البلدة في المناطق التي تسيطر عليها المعارضة منذ عامين.", False),
    ("وانسحب الجيش من الأراضي التي كان يسيطر عليها منذ بدء الحرب.", False),
    ("وسيطرت القوات الحكومية على البلدة بعد معارك عنيفة.", True),
])
def test_control_in_the_imperfect_is_a_standing_state(text, seized):
    found = [e for e in PIPE.run_text(text).events if e["type"] == "COERCE" and e["mode"] == "seize"]
    assert bool(found) is seized


@pytest.mark.parametrize("text,types", [
    ("ووقع المعهد اتفاقية تعاون مع شرطة المدينة أمس.", ["AGREE"]),
    ("ووقعت اللجنة إقرارا بتسليم المعونات للأهالي.", ["AID"]),
    ("وأصدر الحاكم العسكري أمرا بمنع إطلاق النار في القرى.", ["COERCE"]),
])
def test_an_event_noun_in_construct_after_another_is_one_event(text, types):
    assert event_types(text) == types


@pytest.mark.parametrize("text,attack", [
    ("وخرج المئات في مسيرة وهم يستنكرون الاعتداءات المسلحة.", False),
    ("وأبدى الرئيس احتجاجه الشديد على الاعتداء الإسرائيلي.", False),
    ("وأدانت الوزارة الهجوم الذي استهدف حافلة للركاب شمال المدينة.", True),
])
def test_an_attack_condemned_points_at_one_told_elsewhere(text, attack):
    assert ("ASSAULT" in event_types(text)) is attack


def test_visits_counted_by_year_are_no_meeting():
    assert not PIPE.run_text("وقال المسؤول إن المدينة يزورها سنويا أكثر من مليون شخص.").events


def test_an_attack_condemned_with_its_target_is_told():
    assert "ASSAULT" in event_types("واستنكر المجلس الاعتداء على المدرسة.")


@pytest.mark.parametrize("text,absent", [
    ("وأكد الرئيس للوفد أن عملية الإنزال الإسرائيلية هي خرق فاضح للهدنة.", "MOBILIZE"),
    ("وقال الوزير إنه إذا تكررت الانتهاكات فسوف يتحرك المجلس.", "ACCUSE"),
    ("وتجري طهران مفاوضات أخيرة للتوصل إلى اتفاق يجنبها العقوبات الدولية.", "SANCTION"),
])
def test_an_action_judged_or_averted_and_a_conditional_judgment(text, absent):
    assert absent not in event_types(text)


def test_a_judgment_of_an_action_still_accuses():
    found = [e["type"] for e in PIPE.run_text("وأكد الرئيس أن عملية الإنزال هي خرق فاضح للهدنة.").events]
    assert "ACCUSE" in found


@pytest.mark.parametrize("text", [
    "وفشلت الخطة الأمنية في خفض وتيرة الهجمات على الأسواق.",
    "وأشار التقرير إلى ارتفاع عدد الاعتقالات خلال العام الماضي.",
])
def test_a_rate_or_count_of_events_is_no_particular_event(text):
    assert not [e for e in PIPE.run_text(text).events if e["type"] in ("ASSAULT", "COERCE")]


@pytest.mark.parametrize("text,absent", [
    ("وللإسراع في جهود الإغاثة دعا الأمين العام إلى فتح المعابر.", "AID"),
    ("وقد تهاجم الذئاب قطعان الماشية في بعض الأحيان.", "ASSAULT"),
    ("وغالبا ما تغلق السلطات المعبر في أيام الأعياد.", "COERCE"),
    ("تصوير: طالب الحسيني", "REQUEST"),
])
def test_efforts_habits_and_credit_lines_are_no_particular_event(text, absent):
    assert absent not in event_types(text)


def test_qad_before_an_imperfect_is_may():
    assert [e["status"] for e in PIPE.run_text("وقال الخبير إن المسلحين قد يهاجمون المدينة.").events] == ["hypothetical"]
    assert [e["status"] for e in PIPE.run_text("وقد هاجم المسلحون المدينة أمس.").events] == ["reported"]
