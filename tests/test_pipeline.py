"""The pipeline: the start-up chain check, the default stages, offsets into the original text."""
from __future__ import annotations

import pytest

from marsad.api import default_pipeline, extract_text
from marsad.errors import MarsadError
from marsad.pipeline import ORDER, REGISTRY, Pipeline, StageSpec, check_chain, default_stages


def _identity_factory(**_):
    return lambda doc: doc


@pytest.fixture
def fake_stage(monkeypatch):
    check_chain(())  # load the real stages first, so the registry is complete
    def add(name, requires=(), assigns=()):
        monkeypatch.setitem(REGISTRY, name, StageSpec(name, _identity_factory, tuple(requires), tuple(assigns)))
        return name
    return add


def test_pipeline_stage_requiring_an_unassigned_attribute_is_E010(fake_stage):
    fake_stage("sentiment_tone", requires=("tokens", "sentiment"))
    with pytest.raises(MarsadError) as err:
        Pipeline(("normalize", "segment", "sentiment_tone"))
    assert err.value.code == "E010"
    message = str(err.value)
    assert "'sentiment_tone'" in message and "'sentiment'" in message
    assert "normalize → segment → sentiment_tone" in message


def test_pipeline_stage_before_the_stage_that_assigns_its_input_is_E010(fake_stage):
    fake_stage("count_tokens", requires=("tokens",))
    check_chain(("segment", "count_tokens"))  # in order: fine
    with pytest.raises(MarsadError) as err:
        check_chain(("count_tokens", "segment"))
    assert err.value.code == "E010"
    assert "'count_tokens'" in str(err.value) and "'tokens'" in str(err.value)


def test_pipeline_inputs_text_and_meta_need_no_stage(fake_stage):
    fake_stage("reads_inputs", requires=("text", "meta"))
    assert Pipeline(("reads_inputs",)).names == ["reads_inputs"]


def test_pipeline_unknown_stage_is_E011():
    with pytest.raises(MarsadError) as err:
        Pipeline(("normalize", "geocode_the_moon"))
    assert err.value.code == "E011"
    assert "'geocode_the_moon'" in str(err.value)
    assert "normalize" in str(err.value) and "places" in str(err.value)  # lists the known stages


def test_pipeline_default_stages_in_order():
    names = default_stages()
    assert names[:4] == ("normalize", "segment", "dateline", "places")
    assert list(names) == [n for n in ORDER if n in names]   # DESIGN.md's order, whatever is built
    assert default_pipeline().names == list(names)


def test_pipeline_default_chain_is_consistent():
    assigned = {"text", "meta"}
    for spec in check_chain(default_stages()):
        assert set(spec.requires) <= assigned, spec.name
        assigned |= set(spec.assigns)
    assert "places" in assigned and "mentions" in assigned


# Written for this test: several paragraphs, diacritics, tatweel, clitics, a dateline.
ARTICLE = (
    "بغداد – أعلنت قيادة العمليات المشتركة أن قواتها تقدّمت نحو الموصـــل من محورَين.\n\n"
    "وقال ضابطٌ في الجيش العراقي إن المعارك تدور في الساحل الأيسر من المدينة، "
    "وإن القوات تسيطر على طريق أربيل.\n\n"
    "وفي سوريا، قصفت الطائراتُ مواقعَ قرب مدينة حَلَب، فيما اندلعت اشتباكات في ريف إدلـب الجنوبي.\r\n"
    "وأضاف المصدر أن الطريق بين كركوك وبالموصل… أُغلق «حتى إشعار آخر».\n"
)


def test_pipeline_mention_offsets_point_into_the_original_text():
    doc = extract_text(ARTICLE)
    assert doc.text == ARTICLE  # no stage changes the text
    assert len(doc.mentions) >= 6
    surfaces = {m.text for m in doc.mentions}
    assert {"الموصـــل", "حَلَب", "أربيل"} <= surfaces  # tatweel and diacritics kept in the surface
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(ARTICLE)
        assert ARTICLE[m.start:m.end] == m.text, m
    for part in doc.header:
        assert ARTICLE[part["start"]:part["end"]] == part["text"]
    data = doc.to_json()
    for m in data["mentions"]:
        assert data["text"][m["start"]:m["end"]] == m["text"]
    mention_ids = {m.id for m in doc.mentions}
    for p in doc.places:
        assert set(p.mention_ids) <= mention_ids
