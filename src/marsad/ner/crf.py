"""CRF named-entity tagger (LOC, PERS, ORG; IOB2) on python-crfsuite.

``train(sentences, model_path, **params)`` fits a model on (tokens, tags) pairs;
``Tagger.load(path)`` reads one (default: the model shipped in ``marsad/ner/models``)
and ``Tagger.tag(tokens)`` returns one IOB2 tag per token.
"""
from __future__ import annotations

import json
import time
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import pycrfsuite

from marsad.errors import E, MarsadError
from marsad.ner.features import FEATURE_VERSION, Featurizer
from marsad.ner.lexicon import default_lexicon, given_names, lexicon_source, org_names

LABELS = ("LOC", "PERS", "ORG")
PROPAGATION_WINDOW = 10  # sentences either side for name consistency (tuned on the train dev slice)

DEFAULT_PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}


# Featurizer context options used by default. "heads" (nearest ORG head word / title /
# speech verb to the left), "wide_lex" (lexicon hits of the ±2 tokens) and "nb_affix"
# (affixes of the ±1 stems) were each measured on the train dev slice and did not help
# (micro-F1 0.722 without, 0.710-0.717 with), so none is on.
DEFAULT_OPTIONS: tuple[str, ...] = ()


def default_featurizer(lexicons: Sequence[str] = ("PNAME", "ORG"), options: Sequence[str] | None = None) -> Featurizer:
    """The featurizer the shipped model is trained and used with: place gazetteer, given
    names (PNAME) and organisation names (ORG) as lexicons, default context features."""
    sources = {"PNAME": given_names, "ORG": org_names}
    return Featurizer(default_lexicon(), extra={k: sources[k]() for k in lexicons},
                      options=DEFAULT_OPTIONS if options is None else options)


def default_model_path() -> Path:
    return Path(str(resources.files("marsad.ner").joinpath("models/ner.crfsuite")))


def meta_path(model_path: str | Path) -> Path:
    return Path(str(model_path) + ".json")


def clean_tags(tags: Sequence[str], labels: Iterable[str] = LABELS) -> list[str]:
    """Tags outside ``labels`` (e.g. MISC) become O; a dangling I- stays as is."""
    keep = set(labels)
    return [t if t != "O" and t[2:] in keep else "O" for t in tags]


def train(sentences: Iterable[tuple[Sequence[str], Sequence[str]]], model_path: str | Path,
          featurizer: Featurizer | None = None, verbose: bool = False, **params) -> dict:
    """Train a CRF on (tokens, tags) pairs and write it to ``model_path``.

    ``params`` are crfsuite's lbfgs parameters by their Python names (``c1``, ``c2``,
    ``max_iterations``, ``feature_minfreq`` …). Returns a summary dict (also written
    next to the model as ``<model>.json``).
    """
    fz = featurizer or default_featurizer()
    merged = dict(DEFAULT_PARAMS)
    for k, v in params.items():
        if v is not None:
            merged[k.replace("feature_", "feature.")] = v
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=verbose)
    trainer.set_params(merged)
    t0 = time.perf_counter()
    n = 0
    for tokens, tags in sentences:
        trainer.append(fz.sentence(tokens), clean_tags(tags))
        n += 1
    model_path = Path(model_path)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    summary = {
        "sentences": n,
        "params": merged,
        "feature_version": FEATURE_VERSION,
        "lexicon": lexicon_source(),
        "lexicon_size": len(fz.lexicons["GAZ"]),
        "lexicons": {k: len(v) for k, v in fz.lexicons.items()},
        "options": sorted(fz.options),
        "seconds": round(time.perf_counter() - t0, 1),
        "iterations": trainer.logparser.last_iteration.get("num") if trainer.logparser.last_iteration else None,
        "model_bytes": model_path.stat().st_size,
    }
    meta_path(model_path).write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return summary


class Tagger:
    """A loaded CRF model with its featurizer."""

    def __init__(self, tagger: pycrfsuite.Tagger, featurizer: Featurizer, path: Path):
        self._tagger = tagger
        self.featurizer = featurizer
        self.path = path

    @classmethod
    def load(cls, path: str | Path | None = None, featurizer: Featurizer | None = None) -> "Tagger":
        path = Path(path) if path else default_model_path()
        if not path.is_file():
            raise MarsadError(E.MODEL_MISSING, path=str(path))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return cls(tagger, featurizer or default_featurizer(), path)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return self._tagger.tag(self.featurizer.sentence(tokens))

    def tag_many(self, sentences: Sequence[Sequence[str]], window: int = PROPAGATION_WINDOW) -> list[list[str]]:
        """Tag consecutive sentences of one text, then make names consistent across them.

        A token sequence tagged as an entity is tagged the same way where it recurs
        untagged within ``window`` sentences (if that label got at least two thirds of
        its taggings nearby). ``window=0`` tags each sentence on its own.
        """
        preds = [self.tag(s) for s in sentences]
        if window <= 0:
            return preds
        return propagate(sentences, preds, window)


_CLITICS = ("و", "ب", "ل", "ف", "وب", "ول", "لل", "ك")


def propagate(sentences: Sequence[Sequence[str]], preds: list[list[str]], window: int,
              min_chars: int = 3) -> list[list[str]]:
    """Tag untagged recurrences of names found within ``window`` sentences.

    A found name also matches a recurrence behind a one-letter clitic (و ب ل ف …), and
    the last word of a multiword person name (the surname) counts as that person's name
    on its own. Both measured on the ANERcorp train dev slice (+0.003 micro-F1).
    """
    from collections import Counter, defaultdict

    from marsad.evaluate.spans import iob_spans
    from marsad.text.normalize import normalize_key

    norms = [[normalize_key(t) for t in s] for s in sentences]
    found: list[list[tuple]] = []  # per sentence: (normalized tokens, label)
    for i, p in enumerate(preds):
        f = []
        for a, b, label in iob_spans(p):
            tup = tuple(norms[i][a:b])
            if len("".join(tup)) >= min_chars:
                f.append((tup, label))
                if label == "PERS" and b - a >= 2 and len(tup[-1]) >= 3:
                    f.append(((tup[-1],), label))
        found.append(f)
    out = [list(p) for p in preds]
    for i, toks in enumerate(norms):
        near: dict[tuple, Counter] = defaultdict(Counter)
        for j in range(max(0, i - window), min(len(found), i + window + 1)):
            for tup, label in found[j]:
                near[tup][label] += 1
        if not near:
            continue
        by_first: dict[str, list[tuple]] = defaultdict(list)
        for tup in near:
            by_first[tup[0]].append(tup)
        k = 0
        while k < len(toks):
            best = None
            firsts = [toks[k]]
            firsts.extend(toks[k][len(c):] for c in _CLITICS
                          if toks[k].startswith(c) and len(toks[k]) - len(c) >= 3)
            for first in firsts:
                for tup in by_first.get(first, ()):
                    n = len(tup)
                    if (first,) + tuple(toks[k + 1:k + n]) == tup and all(t == "O" for t in out[i][k:k + n]):
                        if best is None or n > len(best):
                            best = tup
            if best is None:
                k += 1
                continue
            label, count = near[best].most_common(1)[0]
            if count * 3 >= 2 * sum(near[best].values()):
                out[i][k] = "B-" + label
                for m in range(k + 1, k + len(best)):
                    out[i][m] = "I-" + label
            k += len(best)
    return out
