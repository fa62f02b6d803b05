"""`marsad train events`: fit the event confidence model (``stages/events/scoring.py``).

The training sentences are ANERcorp and Wojood sentences annotated for marsad by the
written guidelines of the gold set, never the gold sentences themselves, plus the
development set (``evaluate/annotation/gold_events_dev.jsonl``); the file
(``knowledge/event_training.jsonl``) holds references and labels only, like the gold set.
Every candidate event the stage finds (with no confidence floor) is one example: it is
right (1) when it pairs with an annotated event of the same type and place
(``evaluate.events.match`` under "type+location"), else 0. A logistic regression
(scikit-learn) over the candidate's features gives the weights; the threshold is the one
with the best type+location F1 on held-out folds (sentences grouped, so a sentence's
candidates are never split between training and test).
"""
from __future__ import annotations

import json
import time
from importlib import resources
from pathlib import Path

from marsad.evaluate.events import checksum, corpus_sentences, load_gold, match, predicted_events, sentence_text

TRAINING_FILE = "event_training.jsonl"


def training_paths() -> list[Path]:
    """The packaged training sentences and the development set (annotation/gold_events_dev.jsonl,
    annotated by another annotator from the held-out set's guidelines); never the gold set
    nor the held-out set."""
    return [training_path(), Path(__file__).with_name("annotation") / "gold_events_dev.jsonl"]


def training_path() -> Path:
    return Path(str(resources.files("marsad.knowledge").joinpath(TRAINING_FILE)))


def candidates(records: list[dict], root: Path) -> tuple[list[list[str]], list[int], list[int], int]:
    """(feature names per candidate, label per candidate, sentence index per candidate,
    number of annotated events)."""
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(min_event_confidence=0.0, event_features=True)
    cache: dict = {}
    X, y, groups, n_gold = [], [], [], 0
    for g, rec in enumerate(records):
        tokens = corpus_sentences(rec["corpus"], rec["split"], root, cache)[rec["sentence"]]
        if checksum(tokens) != rec["checksum"]:
            raise ValueError(f"{rec['corpus']}-{rec['split']}#{rec['sentence']}: checksum differs (corpus changed)")
        pred = predicted_events(pipeline.run_text(sentence_text(tokens)))
        right = {p for _, p in match(rec["events"], pred, "type+location")}
        for i, p in enumerate(pred):
            X.append(p.raw["_features"])
            y.append(int(i in right))
            groups.append(g)
        n_gold += len(rec["events"])
    return X, y, groups, n_gold


def best_threshold(probs, labels, n_gold: int) -> tuple[float, dict]:
    """The threshold with the best F1 (precision over kept candidates, recall over all
    annotated events), and its scores."""
    best = (0.0, {"precision": 0.0, "recall": 0.0, "f1": 0.0})
    for step in range(5, 90):
        t = step / 100
        kept = [lab for p, lab in zip(probs, labels) if p >= t]
        tp = sum(kept)
        prec = tp / len(kept) if kept else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best[1]["f1"]:
            best = (t, {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)})
    return best


def _fit(X, y, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(vec.fit_transform([{n: 1 for n in names} for names in X]), y)
    return vec, model


def train(root: Path, labels: Path | None = None, out: Path | None = None, c: float = 1.0,
          folds: int = 5) -> dict:
    """Cross-validate, choose the threshold, fit on everything and write the model."""
    from sklearn.model_selection import GroupKFold

    t0 = time.perf_counter()
    records = load_gold(labels) if labels else [r for path in training_paths() for r in load_gold(path)]
    X, y, groups, n_gold = candidates(records, root)
    oof = [0.0] * len(y)
    for fit_idx, test_idx in GroupKFold(n_splits=folds).split(X, y, groups):
        vec, model = _fit([X[i] for i in fit_idx], [y[i] for i in fit_idx], c)
        probs = model.predict_proba(vec.transform([{n: 1 for n in X[i]} for i in test_idx]))[:, 1]
        for i, p in zip(test_idx, probs):
            oof[i] = float(p)
    threshold, held_out = best_threshold(oof, y, n_gold)
    all_kept = {"precision": round(sum(y) / len(y), 3) if y else 0.0,
                "recall": round(sum(y) / n_gold, 3) if n_gold else 0.0}
    vec, model = _fit(X, y, c)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])}
    summary = {"sentences": len(records), "annotated_events": n_gold, "candidates": len(y), "right": sum(y),
               "threshold": threshold, "held_out_at_threshold": held_out, "without_model": all_kept,
               "folds": folds, "C": c, "seconds": round(time.perf_counter() - t0, 1)}
    doc = {"_doc": "Event confidence model written by `marsad train events` (marsad.evaluate.train_events); "
                   "logistic weights per feature name (marsad.stages.events.scoring.features). Do not edit by hand.",
           "bias": round(float(model.intercept_[0]), 4), "threshold": threshold,
           "weights": dict(sorted(weights.items())), "trained": summary}
    out = out or Path(str(resources.files("marsad.knowledge").joinpath("event_scorer.json")))
    tmp = Path(str(out) + ".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out)
    summary["out"] = str(out)
    return summary
