"""Text stages: matching normalization, then sentences and tokens."""
from __future__ import annotations

from marsad.doc import Doc
from marsad.pipeline import stage
from marsad.text.normalize import normalize_ar
from marsad.text.segment import split_sentences
from marsad.text.tokens import tokenize


@stage("normalize", requires=("text",), assigns=("norm",))
def make_normalize(**_):
    def normalize(doc: Doc) -> Doc:
        doc.norm = normalize_ar(doc.text)
        return doc
    return normalize


@stage("segment", requires=("text",), assigns=("sentences", "tokens"))
def make_segment(**_):
    def segment(doc: Doc) -> Doc:
        doc.sentences = split_sentences(doc.text)
        doc.tokens = tokenize(doc.text)
        return doc
    return segment
