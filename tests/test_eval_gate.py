"""Quality gate: the shipped NER model must score at or above the pinned floors.

Runs `marsad eval ner` on the shared development data (ANERcorp test, Wojood test,
IDRISI LMR dev); skips when that data is absent (a fresh clone without ../shared).
"""
import json
from importlib import resources
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def ner_scores():
    if not (DATA / "anercorp").is_dir():
        pytest.skip(f"shared evaluation data not found at {DATA} (needs anercorp/, wojood/, idrisi/)")
    from marsad.evaluate.ner import evaluate

    return evaluate(DATA)


def floors() -> dict:
    return json.loads(resources.files("marsad.evaluate").joinpath("floors.json").read_text("utf-8"))


def test_eval_gate_floors_are_sane():
    f = floors()["ner"]
    assert f["anercorp-test"]["LOC"] >= 0.80


def test_eval_gate_ner_meets_floors(ner_scores):
    failures = []
    for corpus, labels in floors()["ner"].items():
        for label, floor in labels.items():
            got = ner_scores[corpus][label]["f1"]
            if got < floor:
                failures.append(f"{corpus} {label}: F1 {got:.4f} < floor {floor}")
    assert not failures, "; ".join(failures)


def test_eval_gate_cli_json(tmp_path, capsys):
    if not (DATA / "anercorp").is_dir():
        pytest.skip(f"shared evaluation data not found at {DATA}")
    from marsad.cli import main

    assert main(["eval", "ner", "--data", str(tmp_path / "nowhere")]) == 2
    assert "E040" in capsys.readouterr().err


@pytest.fixture(scope="module")
def places_scores():
    if not (DATA / "idrisi").is_dir():
        pytest.skip(f"shared evaluation data not found at {DATA} (needs idrisi/)")
    from argparse import Namespace

    from marsad.evaluate.places import run

    return run(Namespace(split="dev"), DATA)


def test_eval_gate_places_meet_floors(places_scores):
    failures = []
    for corpus, metrics in floors()["places"].items():
        if corpus.startswith("_"):
            continue
        for metric, floor in metrics.items():
            got = places_scores[corpus]
            got = got["LOC"][metric] if "LOC" in got else got[metric]
            if got < floor:
                failures.append(f"{corpus} {metric}: {got:.4f} < floor {floor}")
    assert not failures, "; ".join(failures)
