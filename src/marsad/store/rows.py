"""Contract document (``Doc.to_json()``) → table rows. Lists a stage does not produce yet
(routes) count as empty; nested values are kept as JSON text."""
from __future__ import annotations

import json

TABLES = ("mentions", "places", "actors", "persons", "sources", "events", "routes")


def dumps(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _bool(value) -> int | None:
    return None if value is None else int(bool(value))


def _span(entry: dict) -> tuple:
    ev = entry.get("evidence") or {}
    return (ev.get("start"), ev.get("end")) if isinstance(ev, dict) else (None, None)


def article_row(item, data: dict, text_hash: str) -> dict:
    meta = {**(item.meta or {}), **{k: v for k, v in (data.get("meta") or {}).items() if v is not None}}
    return {
        "id": data["id"], "url": meta.get("url"), "outlet": meta.get("outlet"), "title": meta.get("title"),
        "author": meta.get("author"), "published": meta.get("published"), "language": meta.get("language"),
        "text": data["text"], "text_hash": text_hash, "origin": item.origin, "format": item.format,
        "doc_json": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
    }


def _admin(place: dict, kind: str) -> str | None:
    for a in place.get("admin") or ():
        if a.get("kind") == kind:
            return a.get("id")
    return None


def _mention(m: dict) -> dict:
    return {"id": m["id"], "start": m.get("start"), "end": m.get("end"), "text": m.get("text"),
            "label": m.get("label"), "ref": m.get("ref"), "value_json": dumps(m.get("value"))}


def _place(p: dict) -> dict:
    return {"id": p["id"], "name": p.get("name"), "name_ar": p.get("name_ar"), "kind": p.get("kind"),
            "country": p.get("country"), "lat": p.get("lat"), "lon": p.get("lon"), "score": p.get("score"),
            "admin1": _admin(p, "admin1"), "admin2": _admin(p, "admin2"), "anchor_json": dumps(p.get("anchor"))}


def _actor(a: dict) -> dict:
    return {"id": a["id"], "name": a.get("name"), "name_ar": a.get("name_ar"), "type": a.get("type"),
            "country": a.get("country")}


def _person(p: dict) -> dict:
    return {"id": p["id"], "name": p.get("name"), "name_ar": p.get("name_ar"), "role": p.get("role"),
            "affiliation": p.get("affiliation")}


def _source(s: dict) -> dict:
    return {"id": s["id"], "start": s.get("start"), "end": s.get("end"), "text": s.get("text"),
            "anonymous": _bool(s.get("anonymous")), "actor": s.get("actor"), "person": s.get("person")}


def _fatalities(e: dict) -> int | None:
    killed = (e.get("casualties") or {}).get("killed")
    return int(killed) if isinstance(killed, (int, float)) else None


def _event(e: dict) -> dict:
    date = e.get("date") or {}
    start, end = _span(e)
    return {"id": e["id"], "type": e.get("type"), "mode": e.get("mode"), "actor": e.get("actor"),
            "target": e.get("target"), "location": e.get("location"), "date_value": date.get("value"),
            "date_precision": date.get("precision"), "status": e.get("status"), "negated": _bool(e.get("negated")),
            "source": e.get("source"), "evidence_start": start, "evidence_end": end,
            "confidence": e.get("confidence"), "fatalities": _fatalities(e),
            "acled_event_type": e.get("acled_event_type"), "acled_sub_event_type": e.get("acled_sub_event_type"),
            "cameo_root": e.get("cameo_root"), "json": dumps(e)}


def _route(r: dict) -> dict:
    length = r.get("length_km") or {}
    date = r.get("date") or {}
    start, end = _span(r)
    return {"id": r["id"], "waypoints_json": dumps(r.get("waypoints") or []), "via_json": dumps(r.get("via") or []),
            "length_min": length.get("min"), "length_max": length.get("max"), "status": r.get("status"),
            "users_json": dumps(r.get("users") or []), "source": r.get("source"), "evidence_start": start,
            "evidence_end": end, "confidence": r.get("confidence"),
            "date_value": date.get("value") if isinstance(date, dict) else date, "json": dumps(r)}


_MAKERS = {"mentions": _mention, "places": _place, "actors": _actor, "persons": _person,
           "sources": _source, "events": _event, "routes": _route}


def extraction_rows(article_id: str, data: dict) -> dict[str, list[dict]]:
    """{table: rows} with ``article_id`` first; an id repeated within a list keeps its first entry."""
    out = {}
    for table in TABLES:
        made, seen = [], set()
        for entry in data.get(table) or ():
            if not isinstance(entry, dict) or entry.get("id") is None or entry["id"] in seen:
                continue
            seen.add(entry["id"])
            made.append({"article_id": article_id, **_MAKERS[table](entry)})
        out[table] = made
    return out
