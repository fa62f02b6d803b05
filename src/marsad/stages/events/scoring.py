"""How sure marsad is of an event, as a probability a reader can filter on.

A logistic model over what the extraction saw (the trigger's type, mode, form and
definiteness, which arguments were found, where the place came from, the status, how
many events share the sentence…) gives the probability that the event is right: its
type and place agree with a human annotator's. ``marsad train events`` fits it on
sentences annotated for marsad (``knowledge/event_training.jsonl``) and writes
``knowledge/event_scorer.json``; reading it needs no learning library.

Every event is reported with its probability as ``confidence``; ``marsad extract
--min-confidence P`` (the stage's ``min_event_confidence``) leaves out those below P. The
model file also records ``threshold``: the floor that gave the best F1 on held-out folds
of the training sentences, a starting point for users who want fewer, surer events.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

MODEL_FILE = "event_scorer.json"


def features(ev: dict, specificity: float, in_sentence: int) -> list[str]:
    """The names of the binary features an event shows (each counts 1)."""
    trig = ev["trigger"]
    text = trig["text"]
    f = [f"type={ev['type']}", f"mode={ev['type']}/{ev['mode']}", f"pos={trig.get('pos')}",
         f"status={ev['status']}", f"place={ev.get('location_from') or 'none'}",
         f"specificity={round(specificity * 10)}", f"in_sentence={min(in_sentence, 3)}"]
    if trig.get("definite"):
        f.append("definite")
    if " " in text:
        f.append("phrase")
    if text[:1] in ("و", "ف"):
        f.append("joined")
    if text.lstrip("وف")[:1] in ("ب", "ل"):
        f.append("with_preposition")
    for key in ("actor", "target", "date", "casualties", "also_triggers", "content", "negated"):
        if ev.get(key):
            f.append(key)
    if ev.get("source"):
        f.append("attributed")
    return f


class EventScorer:
    """Weights and threshold read from the model file."""

    def __init__(self, model: dict):
        self.weights: dict[str, float] = model["weights"]
        self.bias: float = model["bias"]
        self.threshold: float = model["threshold"]
        self.model = model

    @classmethod
    def load(cls, path: str | None = None) -> "EventScorer | None":
        """The model at ``path`` or the packaged one; None when there is none yet."""
        if path:
            return cls(json.loads(open(path, encoding="utf-8").read()))
        return _packaged()

    def probability(self, names: list[str]) -> float:
        z = self.bias + sum(self.weights.get(n, 0.0) for n in names)
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def _packaged() -> EventScorer | None:
    ref = resources.files("marsad.knowledge").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    return EventScorer(json.loads(ref.read_text("utf-8")))
