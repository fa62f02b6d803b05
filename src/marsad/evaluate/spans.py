"""Entity spans from IOB2 tags and exact-span precision/recall/F1 (conlleval semantics).

An entity starts at ``B-X``, or at ``I-X`` that does not continue an entity of type X
(after ``O``, after another type, or at the start), and runs over the following ``I-X``.
Spans are (start, end, label) with ``end`` exclusive; they may be token or character
offsets — scoring only compares them exactly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

Span = tuple[int, int, str]


def iob_spans(tags: Sequence[str], keep: Iterable[str] | None = None) -> list[Span]:
    """Entities of an IOB2 tag sequence as (start, end, label); labels outside ``keep`` are dropped."""
    keep_set = set(keep) if keep is not None else None
    spans: list[Span] = []
    start, label = -1, None
    for i, tag in enumerate(tags):
        if tag == "O" or len(tag) < 3 or tag[1] != "-":
            prefix, typ = "O", None
        else:
            prefix, typ = tag[0], tag[2:]
        if label is not None and not (prefix in "IE" and typ == label):
            spans.append((start, i, label))
            label = None
        if typ is not None and label is None:
            start, label = i, typ
        if prefix in "ES" and label is not None:  # tolerate IOBES input
            spans.append((start, i + 1, label))
            label = None
    if label is not None:
        spans.append((start, len(tags), label))
    if keep_set is not None:
        spans = [s for s in spans if s[2] in keep_set]
    return spans


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "support": self.tp + self.fn}


@dataclass
class Scores:
    """Per-label counts plus the micro average over all labels scored."""
    labels: dict[str, Counts] = field(default_factory=dict)

    def add(self, gold: Iterable[Span], pred: Iterable[Span]) -> None:
        g, p = set(gold), set(pred)
        for s in g & p:
            self.labels.setdefault(s[2], Counts()).tp += 1
        for s in p - g:
            self.labels.setdefault(s[2], Counts()).fp += 1
        for s in g - p:
            self.labels.setdefault(s[2], Counts()).fn += 1

    @property
    def micro(self) -> Counts:
        c = Counts()
        for v in self.labels.values():
            c.tp += v.tp
            c.fp += v.fp
            c.fn += v.fn
        return c

    def as_dict(self) -> dict:
        out = {k: v.as_dict() for k, v in sorted(self.labels.items())}
        out["micro"] = self.micro.as_dict()
        return out


def score_tags(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]],
               labels: Iterable[str] = ("LOC", "PERS", "ORG")) -> Scores:
    """Exact-span scores of predicted IOB2 sentences against gold ones (same tokens)."""
    labels = tuple(labels)
    scores = Scores({lab: Counts() for lab in labels})
    for n, (g, p) in enumerate(zip(gold, pred, strict=True)):
        if len(g) != len(p):
            raise ValueError(f"sentence {n}: {len(g)} gold tags but {len(p)} predicted")
        scores.add(iob_spans(g, labels), iob_spans(p, labels))
    return scores
