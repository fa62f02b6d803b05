"""Reports of one event in several articles, merged into one event (read-only; no tables).

Two stored events merge when they have the same type and status, compatible actors and
targets (equal, or one missing), the same or nearby places, and dates within a window.
Merging is transitive (union-find), but a union is refused when the merged event would hold
two different actors, targets or far-apart places, or two events of one article: each
article's events stay distinct. Ids and order depend only on the stored rows.
"""
from __future__ import annotations

import datetime
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from marsad.gazetteer.geo import km
from marsad.text.normalize import dediac_ar, normalize_alef_ar, normalize_hamza_carriers_ar

NEAR_KM = 25.0
POINT_KINDS = ("neighbourhood", "village", "town", "city")
SPECIFIC = {"neighbourhood": 0, "village": 1, "town": 1, "city": 2, "relative": 3, "natural": 4,
            "admin3": 5, "region": 6, "admin2": 6, "admin1": 7, "country": 8}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass
class Report:
    article_id: str
    event_id: str
    outlet: str | None
    url: str | None
    published: str | None
    source: dict | None                 # {text, anonymous, actor, person} or None
    row: dict = field(repr=False)       # the events row
    place: dict | None = field(default=None, repr=False)
    focus: str | None = None            # the article's most named country
    day: datetime.date | None = None    # event day, else publication day: for the window
    evidence: str = ""
    outlets: tuple = ()                 # the article's outlet and its copies' outlets
    group: tuple | None = None          # (English, Arabic) label of the in-text source

    def to_json(self) -> dict:
        return {"article_id": self.article_id, "event_id": self.event_id, "outlet": self.outlet,
                "url": self.url, "published": self.published, "source": self.source}


@dataclass
class MergedEvent:
    id: str
    type: str
    mode: str | None
    status: str | None
    actor: str | None
    target: str | None
    place: dict | None
    country: str | None
    date: str | None
    date_precision: str | None
    date_from: str | None               # "event" (from the text) or "published" (article date)
    fatalities: int | None
    confidence: float | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    evidence: str
    reports: list[Report]
    outlets: list[str]
    summary: str
    summary_ar: str
    names: dict = field(default_factory=dict, repr=False)   # actor id -> (name, name_ar)

    @property
    def article_ids(self) -> list[str]:
        return list(dict.fromkeys(r.article_id for r in self.reports))

    def events(self) -> list[dict]:
        """The contract event dicts of every report."""
        return [json.loads(r.row["json"]) for r in self.reports if r.row.get("json")]


@cache
def codes() -> dict:
    return json.loads(resources.files("marsad.export").joinpath("codes.json").read_text("utf-8"))


# ---- loading -----------------------------------------------------------------------------

def _rows(conn, sql: str, *params) -> list[dict]:
    cur = conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _day(value) -> datetime.date | None:
    """A YYYY-MM-DD string as a date; anything else (a year, a month, None) as None."""
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host[4:] if host and host.startswith("www.") else host


def load_context(conn) -> tuple[dict, dict, dict, dict, dict]:
    """What reports of events and of routes are read with: places, sources and persons by
    (article id, id); actor id -> (name, name_ar); article id -> the outlets of its copies."""
    places = {(p["article_id"], p["id"]): p for p in _rows(conn, "SELECT * FROM places")}
    sources = {(s["article_id"], s["id"]): s for s in _rows(conn, "SELECT * FROM sources")}
    persons = {(p["article_id"], p["id"]): p for p in _rows(conn, "SELECT * FROM persons")}
    names: dict[str, tuple] = {}
    for a in _rows(conn, "SELECT id, name, name_ar FROM actors ORDER BY article_id, id"):
        names.setdefault(a["id"], (a["name"] or a["name_ar"] or a["id"], a["name_ar"] or a["name"] or a["id"]))
    copies: dict[str, list] = {}
    for c in _rows(conn, "SELECT article_id, outlet, url FROM copies ORDER BY published, origin"):
        copies.setdefault(c["article_id"], []).append(c["outlet"] or _host(c["url"]))
    return places, sources, persons, names, copies


def load_reports(store, types: set[str] | None = None) -> tuple[list[Report], dict]:
    """Every stored event as a Report (sorted), and actor id -> (name, name_ar)."""
    conn = store.conn
    articles = {a["id"]: a for a in _rows(conn, "SELECT id, url, outlet, published FROM articles")}
    places, sources, persons, names, copies = load_context(conn)
    focus = _focus(places.values())
    reports = []
    # the evidence sentence is cut in SQL (substr counts characters, as Python does): no full texts in memory
    for e in _rows(conn, "SELECT e.*, substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) "
                         "AS evidence_text FROM events e JOIN articles a ON a.id = e.article_id "
                         "ORDER BY e.article_id, e.id"):
        if types and e["type"] not in types:
            continue
        art = articles[e["article_id"]]
        key = (e["article_id"], e["source"])
        src = sources.get(key) if e["source"] else None
        source = None if src is None else {"text": src["text"], "anonymous": bool(src["anonymous"]),
                                           "actor": src["actor"], "person": src["person"]}
        own = art["outlet"] or _host(art["url"])
        day = _day(e["date_value"]) if e["date_precision"] == "day" else None
        reports.append(Report(
            article_id=e["article_id"], event_id=e["id"], outlet=own, url=art["url"], published=art["published"],
            source=source, row=e, place=places.get((e["article_id"], e["location"])) if e["location"] else None,
            focus=focus.get(e["article_id"]), day=day or _day(art["published"]),
            evidence=e.pop("evidence_text") or "",
            outlets=tuple(dict.fromkeys([own, *copies.get(e["article_id"], [])])),
            group=_group(source, names, persons.get((e["article_id"], src["person"])) if src else None)))
    reports.sort(key=lambda r: (r.day or datetime.date.max, r.published or "~", r.article_id, r.event_id))
    return reports, names


def _focus(places) -> dict[str, str]:
    """article id -> the country its places name most (ties: alphabetical)."""
    counts: dict[str, Counter] = {}
    for p in places:
        if p["country"]:
            counts.setdefault(p["article_id"], Counter())[p["country"]] += 1
    return {a: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for a, c in counts.items()}


def _norm(text: str) -> str:
    return normalize_hamza_carriers_ar(normalize_alef_ar(dediac_ar(text))).replace("ى", "ي")


def _group(source: dict | None, names: dict, person: dict | None) -> tuple | None:
    """(English, Arabic) label under which the summary counts this in-text source."""
    if source is None:
        return None
    actor = source["actor"] or (person or {}).get("affiliation")
    if actor:
        return names.get(actor, (actor, actor))
    if person:
        name = person.get("name") or person.get("name_ar") or source["text"]
        return name, person.get("name_ar") or name
    if source["anonymous"]:
        norm = _norm(source["text"] or "")
        for stem, en, ar in codes()["source_groups"]:
            if stem in norm:
                return en, ar
    return source["text"], source["text"]


# ---- compatibility -----------------------------------------------------------------------

def _inside(inner: dict, outer: dict) -> bool:
    anchor = json.loads(inner["anchor_json"]).get("place") if inner.get("anchor_json") else None
    return (outer["id"] in (inner.get("admin1"), inner.get("admin2"), anchor)
            or (outer.get("kind") == "country" and inner.get("country") == outer.get("country")))


def places_close(a: Report, b: Report) -> bool:
    p, q = a.place, b.place
    if p is None or q is None:  # no place: only within one focus country
        return a.focus is not None and a.focus == b.focus
    if p["id"] == q["id"] or _inside(p, q) or _inside(q, p):
        return True
    located = None not in (p["lat"], p["lon"], q["lat"], q["lon"])
    return located and km(p["lat"], p["lon"], q["lat"], q["lon"]) <= NEAR_KM


def _same_or_missing(x, y) -> bool:
    return x is None or y is None or x == y


def compatible(a: Report, b: Report) -> bool:
    """Everything but the date: reports that may sit in one merged event."""
    return (a.article_id != b.article_id and _same_or_missing(a.row["actor"], b.row["actor"])
            and _same_or_missing(a.row["target"], b.row["target"]) and places_close(a, b))


def _clusters(reports: list[Report], window: int) -> list[list[Report]]:
    """Union-find over pairs within the date window, refusing unions that break a cluster."""
    parent = list(range(len(reports)))
    members = {i: [i] for i in range(len(reports))}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(reports):
        for j in range(i + 1, len(reports)):
            b = reports[j]
            if a.day is None or b.day is None or (b.day - a.day).days > window:
                break  # sorted by day: nothing later is within the window
            ri, rj = find(i), find(j)
            if ri == rj or not compatible(a, b):
                continue
            if all(compatible(reports[x], reports[y]) for x in members[ri] for y in members[rj]):
                parent[rj] = ri
                members[ri] += members.pop(rj)
    return [[reports[i] for i in sorted(m)] for _, m in sorted(members.items())]


# ---- merged events -----------------------------------------------------------------------

def merged_events(store, filters=None, window_days: int = 1) -> list[MergedEvent]:
    """Every stored event merged with its reports in other articles, filtered, by date."""
    types = {filters.type} if filters is not None and getattr(filters, "type", None) else None
    reports, names = load_reports(store, types)
    buckets: dict[tuple, list[Report]] = {}
    for r in reports:  # only same type and status ever merge
        buckets.setdefault((r.row["type"], r.row["status"], r.row["negated"]), []).append(r)
    dated = [c for key in sorted(buckets, key=repr) for c in _clusters(buckets[key], window_days)]
    events = sorted((_build(c, names) for c in dated), key=lambda m: (m.date or "~", m.id))
    return [m for m in events if filters is None or filters.match(m)]


def _first(values):
    return next((v for v in values if v not in (None, "")), None)


def _most(values):
    counted = Counter(v for v in values if v not in (None, ""))
    return min(counted, key=lambda v: (-counted[v], list(counted).index(v))) if counted else None


def _build(cluster: list[Report], names: dict) -> MergedEvent:
    rows = [r.row for r in cluster]
    first = cluster[0]
    places = [r.place for r in cluster if r.place]
    place = min(places, key=lambda p: (SPECIFIC.get(p["kind"], 9), p["id"])) if places else None
    dated = [(PRECISION_RANK.get(e["date_precision"], 3), e["date_value"], e["date_precision"])
             for e in rows if e["date_value"]]
    if dated:
        _, date, precision = min(dated)
        date_from = "event"
    else:
        date = min((r.published for r in cluster if r.published), default=None)
        precision, date_from = ("day", "published") if date else (None, None)
    killed = [e["fatalities"] for e in rows if e["fatalities"] is not None]
    confidence = [e["confidence"] for e in rows if e["confidence"] is not None]
    outlets = list(dict.fromkeys(o for r in cluster for o in r.outlets if o))
    summary, summary_ar = summarize(cluster)
    digest = hashlib.sha1(f"{first.article_id}\x1f{first.event_id}".encode()).hexdigest()[:12]
    return MergedEvent(
        id=f"mev:{digest}", type=rows[0]["type"], mode=_most(e["mode"] for e in rows), status=rows[0]["status"],
        actor=_first(e["actor"] for e in rows), target=_first(e["target"] for e in rows), place=place,
        country=(place or {}).get("country") or _most(r.focus for r in cluster), date=date,
        date_precision=precision, date_from=date_from, fatalities=max(killed) if killed else None,
        confidence=max(confidence) if confidence else None,
        acled_event_type=_most(e["acled_event_type"] for e in rows),
        acled_sub_event_type=_most(e["acled_sub_event_type"] for e in rows),
        evidence=first.evidence, reports=cluster, outlets=outlets, summary=summary, summary_ar=summary_ar,
        names=names)


def summarize(cluster: list[Report]) -> tuple[str, str]:
    """("reported by 3 outlets, 2 citing local sources, 1 citing Iraqi Army", Arabic)."""
    by_outlet: dict[str, set] = {}
    for r in cluster:
        for outlet in r.outlets or (None,):
            by_outlet.setdefault(outlet or f"?{r.article_id}", set()).add(r.group)
    n = len(by_outlet)
    counts = Counter(g for groups in by_outlet.values() for g in groups)
    order = sorted(counts, key=lambda g: (-counts[g], g is None, g or ()))
    en = f"reported by {n} outlet{'s' if n != 1 else ''}"
    ar = f"أوردته {_outlets_ar(n)}"
    for g in order:
        k = counts[g]
        many = "all " if n > 1 and k == n else ("" if n == 1 else f"{k} ")
        en += f", {many}{'citing ' + g[0] if g else 'with no source named'}"
        ar += "، " + ("" if n == 1 else ("كلها " if k == n else ("واحدة منها " if k == 1 else f"{k} منها "))) + (f"نقلاً عن {g[1]}" if g else "دون ذكر مصدر")
    return en, ar


def _outlets_ar(n: int) -> str:
    if n == 1:
        return "وسيلة إعلام واحدة"
    if n == 2:
        return "وسيلتا إعلام"
    return f"{n} وسائل إعلام" if n <= 10 else f"{n} وسيلة إعلام"
