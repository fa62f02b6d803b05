"""The event confidence model: features, the packaged model, the floor, and training."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.evaluate.train_events import best_threshold
from marsad.pipeline import Pipeline
from marsad.stages.events.scoring import EventScorer, features

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TEXT = "قصفت المدفعية التركية قرية تل رفعت شمال حلب، فيما دعت الأمم المتحدة إلى وقف القتال ووصفت الحوار بأنه ضروري."


def test_features_name_what_the_extraction_saw():
    ev = {"type": "ASSAULT", "mode": "shelling", "status": "reported", "location_from": "clause", "actor": "a",
          "target": None, "trigger": {"text": "وبالقصف", "pos": "noun", "definite": True}, "casualties": {"killed": 2}}
    f = features(ev, 0.85, 2)
    assert {"type=ASSAULT", "mode=ASSAULT/shelling", "pos=noun", "definite", "joined", "with_preposition",
            "actor", "casualties", "place=clause", "specificity=8", "in_sentence=2"} <= set(f)
    assert "target" not in f


def test_packaged_model_scores_every_event_as_a_probability():
    scorer = EventScorer.load()
    assert scorer is not None and scorer.model["trained"]["sentences"] >= 300
    doc = Pipeline().run_text(TEXT)
    assert doc.events and all(0.0 < e["confidence"] < 1.0 for e in doc.events)
    assert all(not k.startswith("_") for e in doc.events for k in e)
    # a heavier weight can only raise the probability
    names = features(doc.events[0], 0.85, 1)
    bumped = EventScorer({**scorer.model, "weights": {**scorer.weights, names[0]: scorer.weights.get(names[0], 0) + 1}})
    assert bumped.probability(names) > scorer.probability(names)


def test_min_confidence_leaves_out_the_doubtful_events():
    everything = Pipeline(min_event_confidence=0.0).run_text(TEXT).events
    cut = sorted(e["confidence"] for e in everything)[len(everything) // 2]
    kept = Pipeline(min_event_confidence=cut).run_text(TEXT).events
    assert 0 < len(kept) < len(everything) and all(e["confidence"] >= cut for e in kept)


def test_extract_command_takes_min_confidence(capsys, tmp_path):
    from marsad.cli import main

    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(f), "--min-confidence", "0.99"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == []


def test_best_threshold_trades_precision_for_recall():
    probs = [0.9, 0.8, 0.6, 0.4, 0.3, 0.1]
    labels = [1, 1, 0, 1, 0, 0]
    t, s = best_threshold(probs, labels, n_gold=4)
    assert t <= 0.4 and s["precision"] == 0.75 and s["recall"] == 0.75


def test_training_writes_a_model_and_reports_held_out_scores(tmp_path):
    if not ((DATA / "anercorp").is_dir() and (DATA / "wojood").is_dir()):
        pytest.skip(f"shared data not found at {DATA}")
    from marsad.evaluate.train_events import train

    out = tmp_path / "scorer.json"
    summary = train(DATA, out=out, folds=3)
    model = json.loads(out.read_text("utf-8"))
    assert model["weights"] and 0 < model["threshold"] < 1
    assert summary["candidates"] > summary["right"] > 50
    assert 0 < summary["held_out_at_threshold"]["f1"] <= 1
    assert EventScorer.load(str(out)).probability(["type=ASSAULT"]) > 0
