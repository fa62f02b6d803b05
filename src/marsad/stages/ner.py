"""The statistical tagger inside the pipeline: a second opinion beside dictionaries and patterns.

The CRF model (marsad.ner, trained by `marsad train ner`) tags each sentence with LOC,
PERS and ORG. Where it agrees with a mention the gazetteer, the actor dictionary or the
person patterns found, that mention gains the evidence "tagger"; where it finds a name
nobody else did, a new mention is added with evidence ["tagger"] and no ``ref`` (the
name is not in any dictionary, so it cannot be placed or linked). So every mention says
which kinds of evidence produced it.

It costs about as much as the rest of the pipeline together, so it is opt-in:
`marsad extract --with-tagger`, or Pipeline(names=(…, "ner")).
"""
from __future__ import annotations

from functools import cache

from marsad.doc import Doc
from marsad.evaluate.spans import iob_spans
from marsad.pipeline import stage

LABELS = ("LOC", "PERS", "ORG")


@cache
def _tagger():
    from marsad.ner.crf import Tagger
    return Tagger.load()


@stage("ner", requires=("sentences", "tokens", "mentions"), assigns=("mentions",))
def make_ner(tagger=None, **_):
    model = tagger or _tagger()

    def ner(doc: Doc) -> Doc:
        sentences, tokens, i = [], doc.tokens, 0
        for sent in doc.sentences:
            while i < len(tokens) and tokens[i].end <= sent.start:
                i += 1
            j = i
            while j < len(tokens) and tokens[j].start < sent.end:
                j += 1
            if j > i:
                sentences.append(tokens[i:j])
            i = j
        if not sentences:
            return doc
        tags = model.tag_many([[t.text for t in sent] for sent in sentences])
        for sent, sent_tags in zip(sentences, tags):
            for s, e, label in iob_spans(sent_tags, LABELS):
                start, end = sent[s].start, sent[e - 1].end
                # the tagger's span is whole tokens (clitics included); mentions exclude clitics
                overlapping = [m for m in doc.mentions if m.start < end and start < m.end]
                agreeing = [m for m in overlapping if m.label == label]
                for m in agreeing:
                    if "tagger" not in m.evidence:
                        m.evidence.append("tagger")
                if not overlapping:
                    doc.add_mention(start, end, label, evidence=["tagger"])
        return doc

    return ner
