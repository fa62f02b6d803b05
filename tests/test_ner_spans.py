from marsad.evaluate.spans import iob_spans, score_tags


def test_ner_spans_iob2():
    tags = ["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-LOC", "O"]
    assert iob_spans(tags) == [(0, 2, "PERS"), (3, 4, "LOC"), (4, 6, "LOC")]


def test_ner_spans_i_without_b_starts_an_entity():
    assert iob_spans(["I-LOC", "I-LOC", "O", "I-ORG"]) == [(0, 2, "LOC"), (3, 4, "ORG")]
    # a type change inside a run starts a new entity (conlleval)
    assert iob_spans(["B-ORG", "I-LOC", "I-LOC"]) == [(0, 1, "ORG"), (1, 3, "LOC")]
    assert iob_spans(["B-MISC", "I-MISC", "B-LOC"], keep=("LOC",)) == [(2, 3, "LOC")]


def test_ner_spans_exact_span_scores():
    gold = [["B-LOC", "I-LOC", "O", "B-PERS"], ["B-ORG", "O"]]
    pred = [["B-LOC", "O", "O", "B-PERS"], ["B-ORG", "B-LOC"]]
    s = score_tags(gold, pred).as_dict()
    assert (s["LOC"]["tp"], s["LOC"]["fp"], s["LOC"]["fn"]) == (0, 2, 1)  # partial span is wrong
    assert s["PERS"]["f1"] == 1.0 and s["ORG"]["f1"] == 1.0
    assert (s["micro"]["tp"], s["micro"]["fp"], s["micro"]["fn"]) == (2, 2, 1)
    assert abs(s["micro"]["precision"] - 0.5) < 1e-9 and abs(s["micro"]["recall"] - 2 / 3) < 1e-4
