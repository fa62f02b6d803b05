"""Library entry points: what the commands call, usable from Python too.

    >>> from marsad.api import extract_text
    >>> doc = extract_text("قصفت الطائرات مواقع قرب مدينة الرقة")
    >>> [p.name for p in doc.places]
"""
from __future__ import annotations

import gc
from functools import cache

from marsad.doc import Doc
from marsad.ingest.read import read_article
from marsad.pipeline import Pipeline, default_stages


@cache
def default_pipeline(with_tagger: bool = False, min_event_confidence: float | None = None) -> Pipeline:
    """The default chain; ``with_tagger`` adds the statistical tagger stage ("ner");
    ``min_event_confidence`` leaves out events scored below it."""
    nlp = Pipeline(default_stages(("ner",) if with_tagger else ()), min_event_confidence=min_event_confidence)
    # The pipeline's knowledge (gazetteer index, lexicons, dictionaries) lives as long as the
    # process (this function is cached): moving all that is loaded out of the garbage
    # collector's reach keeps every full collection from scanning it again (about 40% of
    # the collector's time over a batch of 457 articles, measured with gc.callbacks).
    gc.freeze()
    return nlp


def extract_text(text: str, meta: dict | None = None, pipeline: Pipeline | None = None) -> Doc:
    return (pipeline or default_pipeline()).run_text(text, meta)


def extract_file(source: str, encoding: str | None = None, pipeline: Pipeline | None = None) -> Doc:
    article = read_article(source, encoding)
    return extract_text(article.text, article.meta, pipeline)
