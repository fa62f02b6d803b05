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
