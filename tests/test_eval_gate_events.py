"""Quality gate for the events stage: `marsad eval events` on the hand-labelled gold set
(src/marsad/evaluate/gold_events.jsonl: references into ANERcorp and Wojood plus labels)
must score at or above the floors pinned in floors.json under "events".

Skips when the shared development data is absent (a fresh clone without ../shared). The
floors are asserted only once floors.json has an "events" section (pinned after the
events stage was measured); before that, only the gold set's integrity is checked.
"""
import json
from importlib import resources
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def floors() -> dict:
    return json.loads(resources.files("marsad.evaluate").joinpath("floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def event_scores():
    if not ((DATA / "anercorp").is_dir() and (DATA / "wojood").is_dir()):
        pytest.skip(f"shared evaluation data not found at {DATA} (needs anercorp/ and wojood/)")
    from marsad.evaluate.events import evaluate

    return evaluate(DATA)


def test_eval_gate_events_gold_set_matches_the_corpora(event_scores):
    """Every gold sentence is found and its checksum agrees (else the corpus changed)."""
    from marsad.evaluate.events import load_gold

    assert not event_scores["_skipped"], "; ".join(event_scores["_skipped"][:5])
    assert event_scores["_sentences"] == len(load_gold())


def test_eval_gate_events_meet_floors(event_scores):
    section = floors().get("events")
    if not section:
        pytest.skip("floors.json has no \"events\" section yet (pin it once the events stage is measured)")
    failures = []
    for corpus, metrics in section.items():
        if corpus.startswith("_"):
            continue
        for metric, floor in metrics.items():
            label, _, measure = metric.rpartition(".")  # e.g. "type+location.precision"
            got = event_scores[corpus][label][measure]
            if got < floor:
                failures.append(f"{corpus} {metric}: {got:.4f} < floor {floor}")
    assert not failures, "; ".join(failures)


def test_eval_gate_events_confidence_ranks_events():
    """The trained confidence means something on the gold and held-out sets (371 sentences),
    which the model never saw: events it is sure of are right far more often than those it
    doubts."""
    if not ((DATA / "anercorp").is_dir() and (DATA / "wojood").is_dir()):
        pytest.skip(f"shared evaluation data not found at {DATA}")
    from marsad.evaluate.events import corpus_sentences, load_gold, match, predicted_events, sentence_text
    from marsad.pipeline import Pipeline

    from marsad.evaluate.events import GOLD_PATH
    heldout = GOLD_PATH.with_name("annotation") / "gold_events_heldout.jsonl"
    pipe, cache, sure, doubtful = Pipeline(), {}, [], []
    for rec in load_gold() + load_gold(heldout):
        pred = predicted_events(pipe.run_text(sentence_text(corpus_sentences(rec["corpus"], rec["split"], DATA, cache)
                                                              [rec["sentence"]])))
        right = {p for _, p in match(rec["events"], pred, "type+location")}
        for i, p in enumerate(pred):
            c = p.raw["confidence"]
            (sure if c >= 0.5 else doubtful if c < 0.3 else []).append(i in right)
    assert len(sure) >= 50 and len(doubtful) >= 50
    assert sum(sure) / len(sure) >= 0.7
    assert sum(sure) / len(sure) - sum(doubtful) / len(doubtful) >= 0.2
