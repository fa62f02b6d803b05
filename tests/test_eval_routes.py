"""The routes scorer (`marsad eval routes`) on hand-built gold and predicted docs: no pipeline."""
from __future__ import annotations

import json

import pytest

from marsad.doc import Doc, Mention, Place
from marsad.evaluate import routes as rt
from marsad.evaluate.routes import (RouteScores, evaluate, is_relative_text, load_gold, match, predicted_routes,
                                    waypoints_match)

MOSUL = ("geonames:99072", "Mosul", "الموصل")
DOHUK = ("geonames:96994", "Dihok", "دهوك")
TALAFAR = ("geonames:90393", "Tall ‘Afar", "تلعفر")
BAGHDAD = ("geonames:98182", "Baghdad", "بغداد")
RAMADI = ("geonames:98717", "Ramadi", "الرمادى")


def place(pid, name, name_ar, mention_ids=(), kind="city", anchor=None):
    return Place(pid, name, name_ar, kind, "IQ", None, None, 1.0, list(mention_ids), anchor)


def doc_with(places, routes, mentions=()):
    d = Doc(text="")
    d.places = list(places)
    d.mentions = list(mentions)
    d.routes = list(routes)
    return d


def route(ids, status="open", users=(), length=None):
    return {"id": "route:1", "waypoints": list(ids), "via": [], "length_km": length, "status": status,
            "users": list(users), "source": None, "evidence": {"start": 0, "end": 0}, "confidence": 0.8}


def gold(wps, status="open", ordered=False, users=None, length=None):
    g = {"waypoints": list(wps), "ordered": ordered, "status": status}
    if users:
        g["users"] = list(users)
    if length:
        g["length_km"] = length
    return g


def preds(*routes_, places=(MOSUL, DOHUK, TALAFAR, BAGHDAD, RAMADI), extra=(), mentions=()):
    return predicted_routes(doc_with([place(*p) for p in places] + list(extra), routes_, mentions))


# ---------------------------------------------------------------- waypoints and order

def test_ordered_gold_needs_the_same_order():
    g = gold(["الموصل", "دهوك"], ordered=True)
    assert waypoints_match(g, preds(route([MOSUL[0], DOHUK[0]]))[0])
    assert not waypoints_match(g, preds(route([DOHUK[0], MOSUL[0]]))[0])


def test_unordered_gold_accepts_any_order():
    g = gold(["الموصل", "تلعفر", "دهوك"])
    assert waypoints_match(g, preds(route([DOHUK[0], MOSUL[0], TALAFAR[0]]))[0])


def test_waypoint_sets_must_correspond_one_to_one():
    g = gold(["الموصل", "دهوك"])
    assert not waypoints_match(g, preds(route([MOSUL[0]]))[0])                      # one missing
    assert not waypoints_match(g, preds(route([MOSUL[0], DOHUK[0], BAGHDAD[0]]))[0])  # one extra
    assert not waypoints_match(g, preds(route([MOSUL[0], MOSUL[0]]))[0])            # both on one place
    assert not waypoints_match(g, preds(route([MOSUL[0], BAGHDAD[0]]))[0])          # a wrong place


def test_clitic_and_spelling_variants_match_through_names_and_mentions():
    # the gold's written form (تلعفر, الرمادي) differs from the gazetteer's Arabic name (تل عفر, الرمادى):
    # normalization and the mention text carry the match; a proclitic on the mention does not matter
    m = [Mention("m1", 0, 5, "وتلعفر", "LOC", TALAFAR[0]), Mention("m2", 6, 15, "بالرمادي", "LOC", RAMADI[0])]
    places = [place(TALAFAR[0], TALAFAR[1], "تل عفر", mention_ids=["m1"]), place(*RAMADI, mention_ids=["m2"])]
    p = predicted_routes(doc_with(places, [route([TALAFAR[0], RAMADI[0]])], m))[0]
    assert waypoints_match(gold(["تلعفر", "الرمادي"], ordered=True), p)
    assert waypoints_match(gold(["الرمادي"] + ["تلعفر"]), p)


def test_an_unknown_waypoint_id_matches_nothing():
    p = preds(route(["geonames:1", MOSUL[0]]))[0]
    assert not waypoints_match(gold(["دهوك", "الموصل"]), p)


def test_relative_waypoints_match_relative_places_only():
    west = place("relative:W:geonames:99072", "W of Mosul", "غربي الموصل", kind="relative",
                 anchor={"place": MOSUL[0], "direction": "W"})
    countryside = place("relative:countryside:geonames:99072", "countryside of Mosul", "ريف الموصل",
                        kind="neighbourhood", anchor={"place": MOSUL[0], "direction": None, "part": "countryside"})
    p_rel = preds(route([west.id, TALAFAR[0]]), extra=[west])[0]
    p_plain = preds(route([MOSUL[0], TALAFAR[0]]))[0]
    assert is_relative_text("غربي الموصل") and is_relative_text("ريف حلب الشمالي")
    assert not is_relative_text("الموصل") and not is_relative_text("الشرقاط")
    assert waypoints_match(gold(["غربي الموصل", "تلعفر"]), p_rel)
    assert waypoints_match(gold(["الجانب الغربي من الموصل", "تلعفر"]), p_rel)  # through the anchor's names
    assert not waypoints_match(gold(["الموصل", "تلعفر"]), p_rel)               # plain gold, relative place
    assert not waypoints_match(gold(["غربي الموصل", "تلعفر"]), p_plain)        # relative gold, plain place
    p_ctry = preds(route([countryside.id, TALAFAR[0]]), extra=[countryside])[0]
    assert waypoints_match(gold(["ريف الموصل الجنوبي", "تلعفر"]), p_ctry)


def test_an_unlisted_place_is_not_relative():
    airport = place("unlisted:x", "مطار بغداد", "مطار بغداد", kind="neighbourhood",
                    anchor={"place": BAGHDAD[0], "direction": None, "unlisted": True})
    p = preds(route([airport.id]), extra=[airport])[0]
    assert waypoints_match(gold(["مطار بغداد"]), p)


# ---------------------------------------------------------------- pairing and scores

def test_status_mismatch_matches_waypoints_but_not_the_route():
    g = [gold(["الموصل", "دهوك"], "closed")]
    p = preds(route([MOSUL[0], DOHUK[0]], "open"))
    assert match(g, p, "waypoints") == [(0, 0)]
    assert match(g, p, "route") == []
    s = RouteScores()
    s.add(g, p)
    out = s.as_dict()
    assert out["waypoints"]["tp"] == 1 and out["route"]["tp"] == 0
    assert out["route"]["fp"] == 1 and out["route"]["fn"] == 1
    assert out["status"]["accuracy"] == 0.0 and out["status"]["support"] == 1


def test_two_routes_between_the_same_places_pair_by_status():
    g = [gold(["الموصل", "دهوك"], "narrowing"), gold(["الموصل", "دهوك"], "closed")]
    p = preds(route([MOSUL[0], DOHUK[0]], "closed"), route([DOHUK[0], MOSUL[0]], "narrowing"))
    assert match(g, p, "route") == [(0, 1), (1, 0)]


def test_empty_gold_and_empty_prediction():
    s = RouteScores()
    s.add([], [])                                            # a text without routes, none predicted
    s.add([], preds(route([MOSUL[0], DOHUK[0]])))            # a spurious route
    s.add([gold(["بغداد", "الرمادي"])], [])                 # a missed route
    out = s.as_dict()
    assert (out["route"]["tp"], out["route"]["fp"], out["route"]["fn"]) == (0, 1, 1)
    assert out["route"]["precision"] == 0.0 and out["status"]["support"] == 0
    assert predicted_routes(Doc(text="")) == []


def test_users_and_length_are_scored_on_waypoint_matched_pairs():
    g = [gold(["الموصل", "تلعفر"], users=["actor:isis", "actor:isis-nineveh"], length={"min": 20, "max": None}),
         gold(["بغداد", "الرمادي"], length={"min": 110, "max": 110})]
    p = preds(route([MOSUL[0], TALAFAR[0]], users=["actor:isis", "actor:pmf"], length={"min": 20, "max": None}),
              route([BAGHDAD[0], RAMADI[0]], length={"min": 100, "max": 100}))
    s = RouteScores()
    s.add(g, p)
    out = s.as_dict()
    assert (out["users"]["tp"], out["users"]["fp"], out["users"]["fn"]) == (1, 1, 1)
    assert (out["length"]["tp"], out["length"]["fp"], out["length"]["fn"]) == (1, 1, 1)


# ---------------------------------------------------------------- gold files and the evaluation

def test_shipped_gold_sets_load_and_are_disjoint():
    test, dev = load_gold(rt.SPLITS["test"]), load_gold(rt.SPLITS["dev"])
    assert len(test) >= 70 and len(dev) >= 25
    assert not {r["text"] for r in test} & {r["text"] for r in dev}
    n_routes = sum(len(r["routes"]) for r in test)
    assert n_routes >= 60
    empty = sum(not r["routes"] for r in test) / len(test)
    assert 0.1 <= empty <= 0.25
    statuses = {g["status"] for r in test for g in r["routes"]}
    assert statuses == set(rt.STATUSES)


@pytest.mark.parametrize("bad, why", [
    ({"id": "x", "text": "t", "routes": [{"waypoints": ["أ"], "status": "shut"}]}, "status"),
    ({"id": "x", "text": "t", "routes": [{"waypoints": [], "status": "open"}]}, "waypoint"),
    ({"id": "x", "text": "t", "routes": [{"waypoints": ["أ"], "status": "open", "users": ["actor:nobody"]}]}, "actor"),
    ({"id": "x", "text": "t", "routes": [{"waypoints": ["أ"], "status": "open", "length_km": {"min": None, "max": None}}]},
     "length"),
    ({"id": "x", "routes": []}, "text"),
])
def test_load_gold_rejects_bad_records(tmp_path, bad, why):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(bad, ensure_ascii=False) + "\n", "utf-8")
    with pytest.raises(ValueError, match=why):
        load_gold(path)


class _FakePipeline:
    """Returns, for each text, a doc whose routes are given per text."""

    def __init__(self, routes_by_text):
        self.routes_by_text = routes_by_text

    def run_text(self, text, meta=None):
        d = doc_with([place(*p) for p in (MOSUL, DOHUK, BAGHDAD)], self.routes_by_text.get(text, []))
        d.text, d.meta = text, dict(meta or {})
        return d


def test_evaluate_reports_split_and_style_and_passes_published(tmp_path):
    recs = [{"id": "a", "text": "طريق الموصل – دهوك مغلق", "published": "2017-01-05", "style": "iraqi",
             "routes": [gold(["الموصل", "دهوك"], "closed")]},
            {"id": "b", "text": "لا طريق هنا", "published": None, "style": "agency", "routes": []}]
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    seen = []

    class P(_FakePipeline):
        def run_text(self, text, meta=None):
            seen.append(dict(meta or {}))
            return super().run_text(text, meta)

    pipe = P({recs[0]["text"]: [route([MOSUL[0], DOHUK[0]], "closed")],
              recs[1]["text"]: [route([BAGHDAD[0]], "unknown")]})
    out = evaluate(gold_path=path, pipeline=pipe)
    assert seen == [{"published": "2017-01-05"}, {}]
    assert out["_texts"] == {"gold": 2}
    assert out["gold"]["route"]["precision"] == 0.5 and out["gold"]["route"]["recall"] == 1.0
    assert out["gold/iraqi"]["route"]["f1"] == 1.0
    assert out["gold/agency"]["route"]["fp"] == 1


def test_eval_routes_runs_without_shared_data(tmp_path, monkeypatch, capsys):
    """`marsad eval routes` needs no ../shared/data: its gold ships with marsad."""
    from marsad.evaluate import cli as ecli

    monkeypatch.setenv("MARSAD_SHARED_DATA", str(tmp_path / "absent"))
    monkeypatch.setattr(rt, "evaluate", lambda split, gold, pipeline, show=False: {"test": {}, "_texts": {"test": 0}})

    class Args:
        evaluation, data, json, split, gold, with_tagger, show = "routes", None, True, "test", None, False, False

    assert ecli._run(Args()) == 0
    assert json.loads(capsys.readouterr().out)["_texts"] == {"test": 0}
