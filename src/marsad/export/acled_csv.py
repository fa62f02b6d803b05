"""Merged events as rows with ACLED's column names, then marsad's own columns.

ACLED's columns come first and in ACLED's order, so a coder's existing scripts read the
file; marsad's columns after them keep what ACLED has no place for (PLOVER type, status,
the in-text sources, where the evidence is)."""
from __future__ import annotations

import csv
import json
from functools import cache

from marsad.export.filters import first_day
from marsad.store.merge import MergedEvent, codes

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                 "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
                 "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
                 "source", "source_scale", "notes", "fatalities")
MARSAD_COLUMNS = ("plover_type", "mode", "status", "source_text", "evidence", "confidence", "reports", "outlets",
                  "marsad_id", "location_ar", "place_id", "actor1_id", "actor2_id", "date_from", "summary",
                  "summary_ar", "articles")
COLUMNS = ACLED_COLUMNS + MARSAD_COLUMNS
TIME_PRECISION = {"day": 1, "month": 2, "year": 3}


@cache
def country_name(iso2: str | None) -> str:
    from babel import Locale
    return Locale("en").territories.get(iso2, iso2) if iso2 else ""


@cache
def iso3(iso2: str | None) -> str:
    """ISO 3166 alpha-3 from CLDR's territory aliases (the alias starting with the alpha-2
    letters where there are several, e.g. YEM not YMD); XXX when unknown."""
    from babel.core import get_global
    if not iso2:
        return "XXX"
    found = [k for k, v in get_global("territory_aliases").items() if len(k) == 3 and k.isalpha() and v == [iso2]]
    return min(found, key=lambda k: (not k.startswith(iso2), k)) if found else f"{iso2}X"


def inter_code(actor: str | None, types: dict) -> int | None:
    if not actor:
        return None
    overrides = codes()["inter_actors"]
    return overrides[actor] if actor in overrides else codes()["inter"].get(types.get(actor))


def interaction(a: int | None, b: int | None) -> int | None:
    """ACLED's two-digit code: the smaller inter code first; 10, 20… when one actor alone."""
    known = sorted(c for c in (a, b) if c is not None)
    if len(known) == 2:
        return known[0] * 10 + known[1]
    return known[0] * 10 if known else None


def actor_types(store) -> dict[str, str]:
    return {i: t for i, t in store.conn.execute("SELECT DISTINCT id, type FROM actors WHERE type IS NOT NULL")}


class Admins:
    """Names of the districts and governorates holding a place, from its article's document
    (the places rows keep only their ids)."""

    def __init__(self, store):
        self.store, self.docs = store, {}

    def of(self, place: dict | None) -> dict[str, str]:
        if not place:
            return {}
        aid = place["article_id"]
        if aid not in self.docs:
            raw = self.store.conn.execute("SELECT doc_json FROM articles WHERE id = ?", (aid,)).fetchone()
            self.docs[aid] = {p["id"]: p for p in json.loads(raw[0]).get("places", [])} if raw and raw[0] else {}
        full = self.docs[aid].get(place["id"]) or {}
        names = {a.get("kind"): a.get("name") or a.get("name_ar") or a.get("id") for a in full.get("admin") or ()}
        if place.get("kind") in ("admin1", "admin2", "admin3"):
            names[place["kind"]] = place.get("name") or place.get("name_ar")
        return names


def _assoc(event: MergedEvent, key: str, main: str | None) -> str:
    others = dict.fromkeys(a for e in event.events() for a in e.get(key) or () if a and a != main)
    return "; ".join(event.names.get(a, (a,))[0] for a in others)


def rows(store, events: list[MergedEvent]) -> list[dict]:
    """One dict per merged event, keys in COLUMNS order."""
    types, admins, numbers = actor_types(store), Admins(store), {}
    out = []
    for ev in events:
        prefix = iso3(ev.country)
        numbers[prefix] = numbers.get(prefix, 0) + 1
        place = ev.place or {}
        adm = admins.of(ev.place)
        i1, i2 = inter_code(ev.actor, types), inter_code(ev.target, types)
        date = ev.date or ""
        precision = 2 if ev.date_from == "published" else TIME_PRECISION.get(ev.date_precision)
        texts = dict.fromkeys(r.source["text"] for r in ev.reports if r.source and r.source.get("text"))
        kind = place.get("kind")
        out.append(dict(zip(COLUMNS, (
            f"{prefix}{numbers[prefix]}", first_day(date) if date else "",
            int(date[:4]) if date else None, precision if date else None,
            ev.acled_event_type or "", ev.acled_sub_event_type or "",
            ev.names.get(ev.actor, (ev.actor or "",))[0], _assoc(ev, "actors", ev.actor), i1,
            ev.names.get(ev.target, (ev.target or "",))[0], _assoc(ev, "targets", ev.target), i2,
            interaction(i1, i2), country_name(ev.country), adm.get("admin1", ""), adm.get("admin2", ""),
            adm.get("admin3", ""), place.get("name") or place.get("name_ar") or "", place.get("lat"), place.get("lon"),
            codes()["geo_precision"].get(kind, 2) if kind else None,
            "; ".join(ev.outlets), "", ev.evidence, ev.fatalities or 0,
            # marsad's own
            ev.type, ev.mode or "", ev.status or "", "; ".join(texts),
            "; ".join(f"{r.article_id}[{r.row['evidence_start']}:{r.row['evidence_end']}]" for r in ev.reports),
            ev.confidence, len(ev.reports), len(ev.outlets), ev.id, place.get("name_ar") or "", place.get("id") or "",
            ev.actor or "", ev.target or "", ev.date_from or "", ev.summary, ev.summary_ar, "; ".join(ev.article_ids),
        ))))
    return out


def write(store, events: list[MergedEvent], out, filters=None) -> int:
    """CSV to the text stream ``out`` (open it with newline=''); returns the rows written."""
    table = rows(store, events)
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in table)
    return len(table)
