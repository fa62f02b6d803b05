"""Merged events as Points and route reports as LineStrings in one FeatureCollection
(RFC 7946: WGS84, [longitude, latitude]), for QGIS and geopandas."""
from __future__ import annotations

import json

from marsad.export import acled_csv
from marsad.export.filters import first_day, last_day
from marsad.store.merge import MergedEvent


def event_features(store, events: list[MergedEvent]) -> list[dict]:
    """A Point per event with coordinates; its properties are the CSV row's fields."""
    out = []
    for row in acled_csv.rows(store, events):
        if row["latitude"] is None or row["longitude"] is None:
            continue  # events without a located place are in the CSV only
        out.append({"type": "Feature", "id": row["marsad_id"],
                    "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                    "properties": {"feature": "event", **row}})
    return out


def _route_passes(route: dict, countries: set, filters) -> bool:
    if filters is None:
        return True
    if filters.type:  # a --type asks for events only
        return False
    date = route["date_value"]
    if (filters.since or filters.until) and not date:
        return False
    if filters.since and last_day(date) < filters.since or filters.until and first_day(date) > filters.until:
        return False
    if filters.country and filters.country not in countries:
        return False
    return not filters.actor or filters.actor in json.loads(route["users_json"] or "[]")


def route_features(store, filters=None) -> list[dict]:
    """A LineString per stored route with at least two located waypoints, in travel order."""
    conn = store.conn
    located = {(a, i): (lon, lat, country) for a, i, lon, lat, country in conn.execute(
        "SELECT article_id, id, lon, lat, country FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL")}
    cur = conn.execute("SELECT r.*, a.outlet, a.url, a.text FROM routes r JOIN articles a ON a.id = r.article_id "
                       "ORDER BY r.article_id, r.id")
    cols = [c[0] for c in cur.description]
    sources = {(a, i): t for a, i, t in conn.execute("SELECT article_id, id, text FROM sources")}
    out = []
    for values in cur.fetchall():
        r = dict(zip(cols, values))
        points = [located[(r["article_id"], w)] for w in json.loads(r["waypoints_json"] or "[]")
                  if (r["article_id"], w) in located]
        if len(points) < 2 or not _route_passes(r, {p[2] for p in points}, filters):
            continue
        start, end = r["evidence_start"], r["evidence_end"]
        out.append({"type": "Feature", "id": f"{r['article_id']}/{r['id']}",
                    "geometry": {"type": "LineString", "coordinates": [[p[0], p[1]] for p in points]},
                    "properties": {
                        "feature": "route", "route_id": r["id"], "status": r["status"],
                        "length_min": r["length_min"], "length_max": r["length_max"],
                        "users": "; ".join(json.loads(r["users_json"] or "[]")), "date": r["date_value"],
                        "source_text": sources.get((r["article_id"], r["source"])) if r["source"] else None,
                        "evidence": (r["text"] or "")[start:end] if start is not None and end is not None else "",
                        "article_id": r["article_id"], "outlet": r["outlet"], "url": r["url"],
                        "waypoints": r["waypoints_json"], "confidence": r["confidence"]}})
    return out


def collection(store, events: list[MergedEvent], filters=None) -> dict:
    return {"type": "FeatureCollection",
            "features": event_features(store, events) + route_features(store, filters)}


def write(store, events: list[MergedEvent], out, filters=None) -> int:
    data = collection(store, events, filters)
    json.dump(data, out, ensure_ascii=False)
    out.write("\n")
    return len(data["features"])
