"""One event per happening and per place: events of one sentence that report the same
happening merge, a raid ending in arrests is the arrest, a definite noun naming an earlier
event joins it, and an event in places joined by و is one event per place.
"""
from __future__ import annotations

import copy

from marsad.stages.events.sentence import in_span
from marsad.text.normalize import normalize_key


_SLOTS = ("actor", "target", "location", "date")


def merge_coreferent(events: list[dict], places: dict | None = None) -> list[dict]:
    """One event per happening: reports repeat themselves within a sentence ("هجمات …
    وتفجير …", "قذيفتي هاون وانفجار عبوة"). Events of one sentence with the same type and
    status and no conflicting actor, target, place or date are one event; the first keeps
    its trigger, takes the arguments the others add, and lists their triggers in
    ``also_triggers``. Places conflict only when both were read from the text and neither
    lies in the other (Basra and Iraq agree; the document focus agrees with anything)."""
    places = places or {}
    events = _raids_into_arrests(events)
    merged: list[dict] = []
    for ev in events:
        same = next((m for m in merged if m["type"] == ev["type"] and m["status"] == ev["status"]
                     and all(m.get(k) is None or ev.get(k) is None or m.get(k) == ev.get(k) for k in _SLOTS
                             if k != "location") and _places_agree(m, ev, places)), None)
        if same is None:
            merged.append(ev)
            continue
        for k in _SLOTS:
            if same.get(k) is None and ev.get(k) is not None:
                same[k] = ev[k]
        if _more_specific(ev, same, places):
            same["location"], same["location_from"] = ev["location"], ev["location_from"]
        same.setdefault("also_triggers", []).append(ev["trigger"])
        for ref in ev.get("_also_at") or ():
            if ref != same["location"] and ref not in same.setdefault("_also_at", []):
                same["_also_at"].append(ref)
        same["confidence"] = max(same["confidence"], ev["confidence"])
    return merged


def _raids_into_arrests(events: list[dict]) -> list[dict]:
    """"داهمت القوات منازل واعتقلت خمسة": a raid that ends in arrests is one arrest
    operation (ACLED codes it so); the raid joins the sentence's arrest."""
    arrest = next((e for e in events if e["type"] == "COERCE" and e["mode"] == "arrest"
                   and e["status"] == "reported"), None)
    if arrest is None:
        return events
    out = []
    for ev in events:
        if ev["mode"] == "raid" and ev["status"] == arrest["status"]:
            for k in _SLOTS:
                if arrest.get(k) is None and ev.get(k) is not None:
                    arrest[k] = ev[k]
            arrest.setdefault("also_triggers", []).append(ev["trigger"])
            continue
        out.append(ev)
    return out


def _places_agree(a: dict, b: dict, places: dict) -> bool:
    la, lb = a.get("location"), b.get("location")
    if la is None or lb is None or la == lb or "focus" in (a.get("location_from"), b.get("location_from")):
        return True
    return _within(places.get(la), places.get(lb)) or _within(places.get(lb), places.get(la))


def _within(p, q) -> bool:
    """Whether place ``p`` lies in ``q``: ``q`` is p's country, or p is a part of q or a
    named area located by it (not a bare direction: "east of the camp" is elsewhere)."""
    if p is None or q is None:
        return False
    a = p.anchor or {}
    return (q.kind == "country" and p.country == q.country and p.kind != "country") or (
        a.get("place") == q.id and (not a.get("direction") or bool(a.get("unlisted"))))


def _more_specific(ev: dict, same: dict, places: dict) -> bool:
    if ev.get("location") is None or ev.get("location_from") == "focus":
        return False
    if same.get("location") is None or same.get("location_from") == "focus":
        return True
    return _within(places.get(ev["location"]), places.get(same["location"]))


def refers_back(ev: dict, earlier: list[dict], places: dict) -> bool:
    """"…قصفت الطائرات مواقع في القائم. ودمرت الضربات مخزناً": a definite verbal noun with no
    actor of its own names an event already reported; it joins the latest earlier one of its
    type and status whose place agrees, and is not counted again."""
    trig = ev["trigger"]
    if not (trig.get("definite") and trig.get("pos") == "noun") or ev.get("actor"):
        return False
    for prev in reversed(earlier):
        if prev["type"] == ev["type"] and prev["status"] == ev["status"] and _places_agree(prev, ev, places):
            for k in _SLOTS:
                if prev.get(k) is None and ev.get(k) is not None:
                    prev[k] = ev[k]
            prev.setdefault("also_triggers", []).append(trig)
            return True
    return False


def one_per_place(events: list[dict]) -> list[dict]:
    """"تفجيرات هزت بغداد وكركوك": one event per place, as ACLED codes them."""
    out = []
    for ev in events:
        also = ev.pop("_also_at", [])
        out.append(ev)
        for ref in also:
            twin = copy.deepcopy(ev)
            twin["location"] = ref
            twin.pop("also_triggers", None)
            out.append(twin)
    return out


_COORD_QUALIFIERS = frozenset({"مدينه", "بلده", "قريه", "مخيم", "محافظه", "حي", "ناحيه", "قضاء", "منطقه"})


def coordinated_places(text: str, locs, places, clause, ref, visit: bool = False) -> list[str]:
    """Places joined by و to the event's place in its clause (في بغداد وبعقوبة، كلا من
    العاصمة بغداد ومدينة كركوك، الضفة الغربية وقطاع غزة), below country level — for a
    visit countries too (زار الأردن ولبنان) — and not after بين (between two places is one
    event)."""
    kinds = _TOWNS | {"country"} if visit else _TOWNS
    found = in_span(locs, *clause)
    at = next((n for n, (_, m) in enumerate(found) if m.ref == ref), None)
    if at is None or _kind(places, ref) not in kinds:
        return []
    head = found[at][1]
    if normalize_key(text[max(0, head.start - 6):head.start]).split()[-1:] in (["بين"], ["بينها"]):
        return []
    out, last = [], head
    for _, m in found[at + 1:]:
        gap = normalize_key(text[last.end:m.start]).split()
        if not gap or not gap[0].startswith("و") or m.ref == ref or _kind(places, m.ref) not in kinds:
            break
        words = [gap[0][1:]] + gap[1:] if gap[0] != "و" else gap[1:]
        if any(w and w.removeprefix("ال") not in _COORD_QUALIFIERS for w in words):
            break
        if m.ref not in out:
            out.append(m.ref)
        last = m
    return out


# places joined by و that an event is split over, one event each (countries are mostly actors)
_TOWNS = frozenset({"city", "town", "village", "neighbourhood", "admin3", "admin2", "admin1", "region"})


def _kind(places, ref) -> str | None:
    p = places.get(ref)
    return p.kind if p is not None else None
