"""The sources stage on hand-written sentences: one attribution pattern per case.
ORG mentions are built by hand (the actors stage is not needed); PERS come from the
persons stage."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.pipeline import Pipeline
from marsad.stages.persons import make_persons
from marsad.stages.sources import make_sources, source_at, source_of_sentence

TEXT_STAGES = Pipeline(("normalize", "segment"))
persons_stage, sources_stage = make_persons(), make_sources()


def run(text: str, orgs=()) -> Doc:
    doc = TEXT_STAGES(Doc(text=text))
    for surface, ref in orgs:
        start = text.index(surface)
        doc.add_mention(start, start + len(surface), "ORG", ref=ref)
    return sources_stage(persons_stage(doc))


# (sentence, ORG mentions, source text, anonymous, actor, person?, outlet, cue)
CASES = [
    pytest.param("أفادت وكالة الأنباء العراقية بأن القوات دخلت حي الزهراء شرقي المدينة.", [],
                 "وكالة الأنباء العراقية", False, None, False, None, "أفادت", id="verb-first-named-agency"),
    pytest.param("ذكرت مصادر عسكرية مطلعة أن التعزيزات وصلت إلى أطراف القضاء ليلاً.", [],
                 "مصادر عسكرية مطلعة", True, None, False, None, "ذكرت", id="verb-first-anonymous"),
    pytest.param("قتل ثلاثة مدنيين في قصف على ريف إدلب بحسب المرصد السوري لحقوق الإنسان.",
                 [("المرصد السوري لحقوق الإنسان", "actor:sohr")],
                 "المرصد السوري لحقوق الإنسان", False, "actor:sohr", False, None, "بحسب", id="bihasab-observatory"),
    pytest.param("وانسحب المسلحون من القرية نقلاً عن مسؤول محلي لوكالة فرانس برس.", [],
                 "مسؤول محلي", True, None, False, "outlet:afp", "نقلاً عن", id="naqlan-an-outlet"),
    pytest.param("تم تفكيك عشرين عبوة ناسفة وفقاً لوزارة الدفاع العراقية.", [("وزارة الدفاع العراقية", "actor:iq-mod")],
                 "وزارة الدفاع العراقية", False, "actor:iq-mod", False, None, "وفقاً", id="wifqan-li-ministry"),
    pytest.param("وجاء في بيان لقيادة العمليات المشتركة أن الطريق الدولي أعيد فتحه.",
                 [("قيادة العمليات المشتركة", "actor:joc")],
                 "قيادة العمليات المشتركة", False, "actor:joc", False, None, "في بيان", id="fi-bayan"),
    pytest.param("وشهود عيان قالوا إن رتلاً من العربات عبر الجسر باتجاه الضفة الأخرى.", [],
                 "شهود عيان", True, None, False, None, "قالوا", id="witnesses-before-verb"),
    pytest.param("لكن ضباطا في جهاز مكافحة الإرهاب ذكروا أن الهجوم تأجل أسبوعاً.",
                 [("جهاز مكافحة الإرهاب", "actor:cts")],
                 "ضباطا في جهاز مكافحة الإرهاب", True, "actor:cts", False, None, "ذكروا", id="officers-in-service"),
    pytest.param("وقال مصدر أمني لـ\"السومرية نيوز\" إن انفجاراً وقع قرب السوق.", [],
                 "مصدر أمني", True, None, False, "outlet:alsumaria", "وقال", id="security-source-to-outlet"),
    pytest.param("وقال المتحدث باسم الجيش العميد يحيى رسول إن الطائرات دمرت مخزناً للأسلحة.",
                 [("الجيش", "actor:iq-army")],
                 "المتحدث باسم الجيش العميد يحيى رسول", False, "actor:iq-army", True, None, "وقال",
                 id="named-spokesman"),
    pytest.param("أكدت مصادر محلية أن عشرات العائلات نزحت من الحي خلال الليل.", [],
                 "مصادر محلية", True, None, False, None, "أكدت", id="local-sources"),
    pytest.param("وأعلنت الشرطة الاتحادية في بيان أنها اعتقلت خمسة مطلوبين.", [("الشرطة الاتحادية", "actor:fp")],
                 "الشرطة الاتحادية", False, "actor:fp", False, None, "وأعلنت", id="verb-org-with-channel"),
    pytest.param("ونقلت رويترز عن دبلوماسي غربي أن المفاوضات توقفت.", [],
                 "دبلوماسي غربي", True, None, False, "outlet:reuters", "ونقلت", id="naqal-agency-an"),
    pytest.param("وقال ناشطون إن الحصار يمنع دخول الدواء.", [],
                 "ناشطون", True, None, False, None, "وقال", id="activists"),
]


@pytest.mark.parametrize("text,orgs,span,anonymous,actor,has_person,outlet,cue", CASES)
def test_sources_pattern(text, orgs, span, anonymous, actor, has_person, outlet, cue):
    doc = run(text, orgs)
    assert len(doc.sources) == 1, doc.sources
    s = doc.sources[0]
    assert s["text"] == span and text[s["start"]:s["end"]] == span
    assert s["anonymous"] is anonymous
    assert s["actor"] == actor
    assert (s["person"] is not None) is has_person
    if has_person:
        assert s["person"] == doc.persons[0]["id"]
    assert s["outlet"] == outlet
    assert s["cue"] == cue
    assert set(s) >= {"id", "start", "end", "text", "anonymous", "actor", "person", "governs"}


def test_sources_channel_after_verb_is_recorded():
    doc = run("وأعلنت الشرطة الاتحادية في بيان أنها اعتقلت خمسة مطلوبين.", [("الشرطة الاتحادية", "actor:fp")])
    assert doc.sources[0]["channel"] == "بيان"


def test_sources_coordinated_sources_split():
    doc = run("وتراجعت المعنويات بحسب خبراء الشؤون العسكرية ومسؤولين محليين فيما يستمر القصف.")
    assert [s["text"] for s in doc.sources] == ["خبراء الشؤون العسكرية", "مسؤولين محليين"]
    assert all(s["anonymous"] for s in doc.sources)


def test_sources_governs_follow_up_sentences():
    text = ("أفادت مصادر أمنية بأن المسلحين فجروا جسراً على النهر. وأضاف أن القوات ردت بالمدفعية. "
            "وتابعت المصادر أن الاشتباكات استمرت ساعتين. وقال شهود عيان إن الدخان غطى الحي.")
    doc = run(text)
    assert [s["text"] for s in doc.sources] == ["مصادر أمنية", "شهود عيان"]
    first, second = doc.sources
    assert first["governs"] == [0, 1, 2] and second["governs"] == [3]
    assert [source_of_sentence(doc, i) for i in range(4)] == [first["id"]] * 3 + [second["id"]]
    assert source_at(doc, text.index("الاشتباكات")) == first["id"]


def test_sources_two_sources_in_one_sentence():
    text = "أفادت مصادر محلية بأن الطريق مغلق، لكن مسؤولين في البلدية ذكروا أن العمل جار لفتحه."
    doc = run(text)
    assert [s["text"] for s in doc.sources] == ["مصادر محلية", "مسؤولين في البلدية"]
    a, b = doc.sources
    assert a["governs"] == [0] and b["governs"] == [0]
    assert source_at(doc, text.index("الطريق")) == a["id"]
    assert source_at(doc, text.index("العمل")) == b["id"]


def test_sources_relative_clause_verb_adds_outlet_to_same_source():
    doc = run('وتصاعدت الخلافات بحسب مصادر ميدانية ذكرت أيضاً "لأخبار الآن" أن القادة انقسموا.')
    assert len(doc.sources) == 1
    assert doc.sources[0]["outlet"] == "outlet:akhbar-alaan"


def test_sources_verb_without_subject_is_no_new_source():
    doc = run("وقال إن الوضع مستقر.")
    assert doc.sources == []
    assert source_of_sentence(doc, 0) is None
