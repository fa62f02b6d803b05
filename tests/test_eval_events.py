"""The events scorer (`marsad eval events`) on hand-built gold and predicted events: no corpus."""
from __future__ import annotations

import json
import pytest

from marsad.doc import Doc, Place
from marsad.evaluate import events as ev
from marsad.evaluate.events import (EventScores, Predicted, actor_match, checksum, evaluate, load_gold,
                                    location_match, match, overlaps, predicted_events)


def gold(type_, actor=None, loc=None, loc_id=None, status="reported", target=None):
    return {"type": type_, "actor": actor, "target": target, "location_text": loc, "location_id": loc_id,
            "status": status}


def pred(type_, loc=None, loc_names=(), actor=None, actor_names=(), status="reported", affiliation=None):
    return Predicted(type_, status, loc, list(loc_names), actor, list(actor_names), affiliation)


# ---------------------------------------------------------------- location rules

def test_location_matches_by_surface_overlap():
    g = gold("ASSAULT", loc="المحمودية")
    assert location_match(g, pred("ASSAULT", "geonames:1", ["Al Mahmudiyah", "المحمودية"]))
    # a mention with a proclitic still overlaps the gold surface
    assert location_match(g, pred("ASSAULT", "geonames:1", ["Al Mahmudiyah", "بالمحمودية"]))
    assert not location_match(g, pred("ASSAULT", "geonames:2", ["Baghdad", "بغداد"]))


def test_location_matches_by_geonames_id_without_surface():
    g = gold("ASSAULT", loc="الموصل", loc_id="geonames:99072")
    assert location_match(g, pred("ASSAULT", "geonames:99072", ["Mosul"]))


def test_location_generic_words_do_not_make_an_overlap():
    g = gold("ASSAULT", loc="مدينة الصدر")
    assert location_match(g, pred("ASSAULT", "geonames:7802746", ["الصدر"]))
    assert not location_match(g, pred("ASSAULT", "geonames:5", ["مدينة غزة"]))


def test_no_gold_location_matches_only_a_null_prediction():
    g = gold("CONSULT")
    assert location_match(g, pred("CONSULT"))
    assert not location_match(g, pred("CONSULT", "geonames:98182", ["بغداد"]))
    assert not location_match(gold("CONSULT", loc="بغداد"), pred("CONSULT"))


# ---------------------------------------------------------------- actor rules

def test_actor_id_equal_or_person_affiliation():
    g = gold("ASSAULT", actor="actor:israel-army")
    assert actor_match(g, pred("ASSAULT", actor="actor:israel-army"))
    assert not actor_match(g, pred("ASSAULT", actor="actor:hezbollah"))
    assert actor_match(g, pred("ASSAULT", actor="person:1", affiliation="actor:israel-army"))


def test_free_text_actor_overlaps_predicted_names():
    g = gold("ACCUSE", actor="?:فؤاد السنيورة")
    assert actor_match(g, pred("ACCUSE", actor="person:1", actor_names=["فؤاد", "Fuad"]))
    assert not actor_match(g, pred("ACCUSE", actor="person:2", actor_names=["نبيه بري"]))
    assert not actor_match(g, pred("ACCUSE"))


def test_no_gold_actor_matches_only_a_null_prediction():
    assert actor_match(gold("ASSAULT"), pred("ASSAULT"))
    assert not actor_match(gold("ASSAULT"), pred("ASSAULT", actor="actor:isis"))


def test_overlap_is_on_words():
    assert overlaps("تل أبيب", ["Tel Aviv", "تل ابيب"])  # hamza normalized
    assert not overlaps("", ["بغداد"])
    assert not overlaps("بغداد", [None, ""])


# ---------------------------------------------------------------- one-to-one matching

def test_greedy_matching_is_one_to_one():
    g = [gold("ASSAULT", loc="بغداد"), gold("ASSAULT", loc="كركوك")]
    p = [pred("ASSAULT", "geonames:98182", ["بغداد"])]
    assert match(g, p, "type") == [(0, 0)]  # one prediction pairs with one gold event only
    assert match(g, p, "type+location") == [(0, 0)]


def test_greedy_matching_prefers_the_closest_pair():
    # the first gold event could take either prediction by type; it must take the one at its
    # place so that the second gold event still finds its own
    g = [gold("ASSAULT", loc="كركوك"), gold("ASSAULT", loc="بغداد")]
    p = [pred("ASSAULT", "geonames:98182", ["بغداد"]), pred("ASSAULT", "geonames:94787", ["كركوك"])]
    assert match(g, p, "type") == [(0, 1), (1, 0)]
    assert match(g, p, "type+location") == [(0, 1), (1, 0)]


def test_scores_count_unmatched_and_types():
    s = EventScores()
    s.add([gold("ASSAULT", loc="بغداد"), gold("CONSULT", actor="?:أنان", status="planned")],
          [pred("ASSAULT", "geonames:94787", ["كركوك"]), pred("CONSULT", actor="person:1", actor_names=["كوفي أنان"]),
           pred("PROTEST")])
    s.add([], [pred("ASSAULT")])  # a sentence without events: every prediction is a false positive
    d = s.as_dict(per_type=True)
    assert (d["type"]["tp"], d["type"]["fp"], d["type"]["fn"]) == (2, 2, 0)
    assert d["type"]["precision"] == pytest.approx(0.5) and d["type"]["recall"] == 1.0
    assert (d["type+location"]["tp"], d["type+location"]["fn"]) == (1, 1)  # the CONSULT, both without place
    assert d["type+actor"]["tp"] == 2  # ASSAULT: neither names an actor; CONSULT: "أنان" overlaps "كوفي أنان"
    assert d["status"]["support"] == 2 and d["status"]["accuracy"] == pytest.approx(0.5)
    assert d["type:PROTEST"]["fp"] == 1 and d["type:ASSAULT"]["tp"] == 1 and d["type:ASSAULT"]["fp"] == 1


# ---------------------------------------------------------------- predicted events from a Doc

def test_predicted_events_read_place_and_actor_names_from_the_doc():
    doc = Doc(text="قصف الجيش الإسرائيلي بلدة بنت جبيل")
    m_actor = doc.add_mention(4, 20, "ORG", ref="actor:israel-army")
    m_loc = doc.add_mention(26, 34, "LOC", ref="geonames:7")
    doc.places.append(Place("geonames:7", "Bint Jbeil", "بنت جبيل", "town", "LB", 33.1, 35.4, 1.0, [m_loc.id]))
    doc.actors.append({"id": "actor:israel-army", "name": "Israel Defense Forces", "name_ar": "الجيش الإسرائيلي",
                       "mention_ids": [m_actor.id]})
    doc.events.append({"type": "ASSAULT", "actor": "actor:israel-army", "location": "geonames:7",
                       "status": "reported"})
    (p,) = predicted_events(doc)
    assert p.type == "ASSAULT" and "بنت جبيل" in p.location_names and "الجيش الإسرائيلي" in p.actor_names
    assert location_match(gold("ASSAULT", loc="بنت جبيل"), p)
    assert actor_match(gold("ASSAULT", actor="?:الجيش الإسرائيلي"), p)


# ---------------------------------------------------------------- end to end on a fake corpus

class FakePipeline:
    """Predicts one ASSAULT at the place id it is given, for any text containing "قتل"."""

    def run_text(self, text, meta=None):
        doc = Doc(text=text)
        if "قتل" in text:
            m = doc.add_mention(0, 5, "LOC", ref="geonames:98182")
            doc.places.append(Place("geonames:98182", "Baghdad", "بغداد", "city", "IQ", 33.3, 44.4, 1.0, [m.id]))
            doc.events.append({"type": "ASSAULT", "actor": None, "location": "geonames:98182", "status": "reported"})
        return doc


def test_evaluate_verifies_checksums_and_scores(tmp_path, monkeypatch):
    sents = [(["بغداد", "قتل", "ثلاثة", "."], ["B-LOC", "O", "O", "O"]),
             (["الطقس", "جميل", "."], ["O", "O", "O"]),
             (["بغداد", "قتل", "اثنان", "."], ["B-LOC", "O", "O", "O"])]
    monkeypatch.setattr("marsad.evaluate.corpora.anercorp", lambda split, root: sents)
    recs = [{"corpus": "anercorp", "split": "train", "sentence": 0, "checksum": checksum(sents[0][0]),
             "events": [gold("ASSAULT", loc="بغداد", loc_id="geonames:98182")]},
            {"corpus": "anercorp", "split": "train", "sentence": 1, "checksum": checksum(sents[1][0]), "events": []},
            {"corpus": "anercorp", "split": "train", "sentence": 2, "checksum": "000000000000",
             "events": [gold("ASSAULT", loc="بغداد")]},
            {"corpus": "anercorp", "split": "train", "sentence": 9, "checksum": "000000000000", "events": []}]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    res = evaluate(tmp_path, path, pipeline=FakePipeline())
    assert res["_sentences"] == 2
    assert len(res["_skipped"]) == 2
    assert "checksum" in res["_skipped"][0] and "no such sentence" in res["_skipped"][1]
    assert res["anercorp-train"]["type+location"]["f1"] == 1.0
    assert res["all"]["status"]["accuracy"] == 1.0


def test_load_gold_rejects_unknown_types(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"corpus": "anercorp", "split": "train", "sentence": 0, "checksum": "x",
                                "events": [gold("BOMB")]}) + "\n", "utf-8")
    with pytest.raises(ValueError, match="BOMB"):
        load_gold(path)


# ---------------------------------------------------------------- the shipped gold set

def test_shipped_gold_set_shape():
    recs = load_gold()
    assert len(recs) >= 150
    ids = {a["id"] for a in json.loads(
        (ev.Path(ev.__file__).parents[1] / "knowledge" / "actors.json").read_text("utf-8"))["actors"]}
    allowed_keys = {"corpus", "split", "sentence", "tokens", "checksum", "events", "annotator_note"}
    for r in recs:
        assert set(r) <= allowed_keys, r.keys()  # references and labels only: no "text" field
        assert r["corpus"] in ("anercorp", "wojood") and len(r["checksum"]) == 12
        for e in r["events"]:
            for role in ("actor", "target"):
                a = e[role]
                assert a is None or a.startswith("?:") or a in ids, a
            assert e["location_id"] is None or e["location_id"].startswith("geonames:")
    share_empty = sum(1 for r in recs if not r["events"]) / len(recs)
    assert 0.1 <= share_empty <= 0.3


def test_registered_in_cli():
    from marsad.evaluate.cli import EVALUATIONS
    assert EVALUATIONS["events"] == "marsad.evaluate.events"
    assert ev.DESCRIPTION and callable(ev.add_arguments) and callable(ev.run)


def test_a_part_of_a_place_matches_the_place_but_a_direction_does_not():
    doc = Doc(text="اغتال مسلحون ضابطا في الموصل وسط المدينة")
    m1 = doc.add_mention(22, 28, "LOC", ref="geonames:99072")
    m2 = doc.add_mention(29, 40, "LOC", ref="relative:centre:geonames:99072")
    doc.places.append(Place("geonames:99072", "Mosul", "الموصل", "city", "IQ", 36.3, 43.1, 1.0, [m1.id]))
    doc.places.append(Place("relative:centre:geonames:99072", "centre of Mosul", "وسط المدينة", "relative", "IQ",
                            36.3, 43.1, 1.0, [m2.id], anchor={"place": "geonames:99072", "direction": None,
                                                              "part": "centre"}))
    doc.places.append(Place("relative:W:geonames:99072", "W of Mosul", "غرب الموصل", "relative", "IQ",
                            36.3, 43.0, 1.0, [], anchor={"place": "geonames:99072", "direction": "W"}))
    doc.events.append({"type": "ASSAULT", "actor": None, "location": "relative:centre:geonames:99072",
                       "status": "reported"})
    doc.events.append({"type": "ASSAULT", "actor": None, "location": "relative:W:geonames:99072",
                       "status": "reported"})
    centre, west = predicted_events(doc)
    g_id = gold("ASSAULT", loc="الفلوجة", loc_id="geonames:99072")  # by id only (surface deliberately other)
    assert location_match(g_id, centre)
    assert not location_match(g_id, west)
    assert location_match(gold("ASSAULT", loc="الموصل"), centre)
