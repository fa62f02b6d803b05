"""Quality gate for the routes stage: `marsad eval routes` on the held-out TEST gold set
(src/marsad/evaluate/gold_routes_test.jsonl, sentences written for marsad) and on the last
blind set, never tuned on (gold_routes_blind11.jsonl), must score at or above the floors
pinned in floors.json under "routes".

The gold ships with marsad, so this gate never skips for want of ../shared: it runs on a
fresh clone too.
"""
import json
from importlib import resources

import pytest


def floors() -> dict:
    return json.loads(resources.files("marsad.evaluate").joinpath("floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def route_scores():
    """Scores of every split floors.json pins (the held-out test set and the last blind set)."""
    from marsad.evaluate.routes import evaluate

    scores = {"_texts": {}}
    for split in floors()["routes"]:
        if not split.startswith("_"):
            got = evaluate(split)
            scores[split] = got[split]
            scores["_texts"].update(got["_texts"])
    return scores


def test_eval_gate_routes_reads_every_test_text(route_scores):
    from marsad.evaluate.routes import SPLITS, load_gold

    assert route_scores["_texts"]["test"] == len(load_gold(SPLITS["test"]))


def test_eval_gate_routes_meet_floors(route_scores):
    section = floors()["routes"]
    failures = []
    for split, metrics in section.items():
        if split.startswith("_"):
            continue
        for metric, floor in metrics.items():
            label, _, measure = metric.rpartition(".")  # e.g. "route.precision"
            got = route_scores[split][label][measure]
            if got < floor:
                failures.append(f"{split} {metric}: {got:.4f} < floor {floor}")
    assert not failures, "; ".join(failures)
