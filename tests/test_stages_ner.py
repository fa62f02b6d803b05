"""The tagger stage: agreement adds evidence, new names become unlinked mentions."""
from marsad.api import default_pipeline
from marsad.pipeline import Pipeline, default_stages


class FixedTagger:
    """Tags every token O except those named in ``tags`` (token text → tag)."""

    def __init__(self, tags):
        self.tags = tags

    def tag_many(self, sentences):
        return [[self.tags.get(tok, "O") for tok in sent] for sent in sentences]


def test_ner_adds_unlinked_mention_for_name_no_dictionary_knows():
    nlp = Pipeline(default_stages(("ner",)), tagger=FixedTagger({"زيدان": "B-PERS", "المرزوقي": "I-PERS"}))
    doc = nlp.run_text("وصل زيدان المرزوقي إلى الموصل أمس")
    (m,) = [m for m in doc.mentions if m.label == "PERS"]
    assert m.text == "زيدان المرزوقي" and m.evidence == ["tagger"] and m.ref is None


def test_ner_agreement_is_recorded_as_evidence():
    nlp = Pipeline(default_stages(("ner",)), tagger=FixedTagger({"بالموصل": "B-LOC"}))
    doc = nlp.run_text("اشتباكات عنيفة بالموصل مساء أمس")
    (m,) = [m for m in doc.mentions if m.label == "LOC"]
    assert m.text == "الموصل" and m.evidence[0] == "gazetteer" and "tagger" in m.evidence


def test_ner_disagreement_keeps_the_dictionary_reading():
    nlp = Pipeline(default_stages(("ner",)), tagger=FixedTagger({"الموصل": "B-PERS"}))
    doc = nlp.run_text("عادت العائلات إلى الموصل")
    labels = {m.text: m.label for m in doc.mentions}
    assert labels == {"الموصل": "LOC"}


def test_ner_is_optional_and_ordered():
    assert "ner" not in default_stages()
    names = default_stages(("ner",))
    assert names.index("ner") > names.index("persons")


def test_ner_real_model_confirms_a_city():
    doc = default_pipeline(with_tagger=True).run_text("قصفت الطائرات مواقع في مدينة حلب شمالي سوريا")
    aleppo = [m for m in doc.mentions if m.text == "حلب"]
    assert aleppo and "tagger" in aleppo[0].evidence
