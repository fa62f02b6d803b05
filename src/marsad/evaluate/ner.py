"""`marsad eval ner`: exact-span P/R/F1 of the NER tagger on ANERcorp test, Wojood test
and IDRISI-R LMR dev (location mentions only, character spans)."""
from __future__ import annotations

import time
from typing import Callable, Sequence

from marsad.evaluate import corpora
from marsad.evaluate.spans import Counts, Scores, iob_spans, score_tags
from marsad.text.tokens import tokenize

DESCRIPTION = "score the NER tagger on ANERcorp test, Wojood test and IDRISI LMR dev"

def tokenize_spans(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for a raw text, with marsad's tokenizer."""
    return [(t.text, t.start, t.end) for t in tokenize(text)]


def score_conll(tag_many: Callable[[list[Sequence[str]]], list[list[str]]], sentences) -> Scores:
    """Scores of ``tag_many`` (tags a list of consecutive sentences) on (tokens, tags) pairs."""
    gold = [tags for _, tags in sentences]
    pred = tag_many([toks for toks, _ in sentences])
    return score_tags(gold, pred, corpora.LABELS)


def score_lmr(tag: Callable[[Sequence[str]], list[str]], tweets) -> Scores:
    scores = Scores({"LOC": Counts()})
    for tw in tweets:
        toks = tokenize_spans(tw.text)
        pred = set()
        if toks:
            tags = tag([t for t, _, _ in toks])
            for s, e, _ in iob_spans(tags, ("LOC",)):
                pred.add((toks[s][1], toks[e - 1][2], "LOC"))
        scores.add({(s, e, "LOC") for s, e in tw.spans}, pred)
    return scores


def evaluate(root, tagger=None, corpora_wanted=("anercorp", "wojood", "idrisi")) -> dict:
    """Scores per corpus: {corpus: {label: {precision, recall, f1, …}, "micro": …}}."""
    from marsad.ner.crf import Tagger

    tagger = tagger or Tagger.load()
    out: dict = {}
    if "anercorp" in corpora_wanted:
        t0 = time.perf_counter()
        out["anercorp-test"] = score_conll(tagger.tag_many, corpora.anercorp("test", root)).as_dict()
        out["anercorp-test"]["seconds"] = round(time.perf_counter() - t0, 2)
    if "wojood" in corpora_wanted:
        out["wojood-test"] = score_conll(tagger.tag_many, corpora.wojood("test", root)).as_dict()
    if "idrisi" in corpora_wanted:
        out["idrisi-lmr-dev"] = score_lmr(tagger.tag, corpora.idrisi_lmr("dev", root)).as_dict()
    return out


def add_arguments(parser) -> None:
    parser.add_argument("--model", help="CRF model file (default: the shipped one)")


def run(args, root) -> dict:
    from marsad.ner.crf import Tagger

    return evaluate(root, Tagger.load(args.model))
