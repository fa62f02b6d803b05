"""Route reports from the store, merged into corridors across articles (read-only).

A route report is one stored route (one row of ``routes``) with its day: the route's own
date when the text gives a day (date_from "text"), else the article's publication day
("published"). A report with neither is kept in its corridor's list of reports but
enters no timeline.

Snapping: every waypoint is mapped to a canonical place.
  * a relative place (غربي تلعفر) stands for its anchor (تلعفر);
  * the same place id is the same place, in every article;
  * a point place (city, town, village, neighbourhood, natural, relative) within
    ``SNAP_KM`` of a canonical point place already chosen is that place: two gazetteer
    entries for one town, a village at its edge. Canonical places are chosen among all
    waypoints sorted by kind (cities first, then towns, villages…) and id, so the choice
    depends only on which places are stored, never on the order of the articles;
  * countries, provinces and regions are only ever the same place by id.

Merging: reports whose canonical waypoints are the same sequence, in the same direction
when directed (من X إلى Y) or in either order when not (بين X و Y), are one corridor.
Directed and undirected reports of the same places are different corridors. A report
with a single waypoint is a corridor "to X" (its waypoint was introduced by إلى/نحو/
المؤدية إلى: "معظم الطرق المؤدية إلى الحسكة مغلقة"), "from X", or "at X" (a crossing
or road named after one place). Ids hash the kind, direction and canonical waypoint ids.

Continuations: a route the routes stage marks as continuing another of its article
("… between Tal Afar and Sinjar, which they use to flee through the desert to Al-Ba'aj and
on to Raqqa") also gives a directed link report from the nearest waypoint of the route it
continues to its own first waypoint (Sinjar → Al-Ba'aj), so that the graph joins them.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import math
from dataclasses import dataclass, field, replace

from marsad.gazetteer.geo import km
from marsad.store.merge import _day, _group, _host, _rows, load_context

SNAP_KM = 15.0
POINT_KINDS = frozenset({"city", "town", "village", "neighbourhood", "natural", "relative"})
KIND_RANK = {"city": 0, "town": 1, "village": 2, "neighbourhood": 3, "natural": 4, "relative": 5,
             "admin3": 6, "admin2": 7, "region": 8, "admin1": 9, "country": 10}
STATUSES = ("open", "closed", "contested", "narrowing", "unknown")


@dataclass
class RouteReport:
    article_id: str
    route_id: str
    date: datetime.date | None          # the day the report speaks of (see date_from)
    date_from: str | None               # "text" | "published" | None (undated)
    status: str
    scope: str                          # one | some | most | all
    directed: bool
    waypoints: list[str]                # place ids as the article has them, in travel order
    roles: str                          # the waypoint roles the route stage read ("between", "to"…)
    outlet: str | None
    outlets: tuple
    url: str | None
    published: str | None
    source: dict | None                 # {text, anonymous, actor, person} or None
    source_label: str | None            # in-text source as counted (English), e.g. "local sources"
    source_label_ar: str | None
    evidence: str
    length: tuple | None                # (min, max) km, either may be None
    users: list[str]
    confidence: float | None
    kind: str | None                    # road | corridor | crossing | supply_line …
    continues: str | None = None        # the route of the same article this one continues
    derived: str | None = None          # set on a link made from a continuation (see link_continuations)
    canonical: list[str] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.article_id}/{self.route_id}"

    @property
    def day(self) -> str | None:
        return self.date.isoformat() if self.date else None

    def who(self) -> str:
        """"Rudaw citing local sources"."""
        outlet = self.outlet or "unknown outlet"
        return f"{outlet} citing {self.source_label}" if self.source_label else outlet

    def to_json(self) -> dict:
        return {"ref": self.ref, "article_id": self.article_id, "route_id": self.route_id, "date": self.day,
                "date_from": self.date_from, "status": self.status, "scope": self.scope,
                "directed": self.directed, "waypoints": self.waypoints, "canonical": self.canonical,
                "outlet": self.outlet, "outlets": list(self.outlets), "url": self.url, "published": self.published,
                "source": self.source, "source_label": self.source_label, "evidence": self.evidence,
                "length_km": None if self.length is None else {"min": self.length[0], "max": self.length[1]},
                "users": self.users, "confidence": self.confidence, "derived": self.derived}


@dataclass
class Corridor:
    id: str
    kind: str                           # path | to | from | at
    waypoints: list[str]                # canonical place ids, in travel order when directed
    directed: bool
    places: dict                        # canonical id -> place row (name, name_ar, kind, lat, lon, country)
    reports: list[RouteReport]          # sorted: dated by day, then undated

    @property
    def dated(self) -> list[RouteReport]:
        return [r for r in self.reports if r.date is not None]

    @property
    def undated(self) -> list[RouteReport]:
        return [r for r in self.reports if r.date is None]

    def name(self, pid: str, arabic: bool = True) -> str:
        p = self.places.get(pid) or {}
        first, second = ("name_ar", "name") if arabic else ("name", "name_ar")
        return p.get(first) or p.get(second) or pid

    def label(self, arabic: bool = True) -> str:
        names = [self.name(p, arabic) for p in self.waypoints]
        if self.kind == "to":
            return f"→ {names[0]}"
        if self.kind == "from":
            return f"{names[0]} →"
        if self.kind == "at":
            return f"@ {names[0]}"
        return (" → " if self.directed else " ↔ ").join(names)

    def coordinates(self) -> list[list[float]]:
        """[lon, lat] of the located waypoints, in order."""
        out = []
        for pid in self.waypoints:
            p = self.places.get(pid) or {}
            if p.get("lat") is not None and p.get("lon") is not None:
                out.append([p["lon"], p["lat"]])
        return out

    def distance_km(self) -> float | None:
        """Straight-line length along the waypoints (None unless all are located)."""
        pts = self.coordinates()
        if len(pts) < 2 or len(pts) != len(self.waypoints):
            return None
        return round(sum(km(a[1], a[0], b[1], b[0]) for a, b in zip(pts, pts[1:])), 1)

    def length_km(self, upto: datetime.date | None = None) -> tuple | None:
        """The length the newest report (on or before ``upto``) gives, as (min, max)."""
        for r in reversed(self.reports_until(upto)):
            if r.length is not None:
                return r.length
        return None

    def reports_until(self, upto: datetime.date | None) -> list[RouteReport]:
        """Dated reports on or before ``upto`` (all dated reports when None), then undated ones."""
        dated = [r for r in self.dated if upto is None or r.date <= upto]
        return dated + self.undated

    def users(self, upto: datetime.date | None = None) -> list[str]:
        return list(dict.fromkeys(u for r in self.reports_until(upto) for u in r.users))


# ---- loading -----------------------------------------------------------------------------

def load_route_reports(store) -> tuple[list[RouteReport], dict]:
    """Every stored route as a RouteReport, and the places rows by (article id, place id)."""
    conn = store.conn
    places, sources, persons, names, copies = load_context(conn)
    out = []
    for r in _rows(conn, "SELECT r.*, a.outlet AS a_outlet, a.url AS a_url, a.published AS a_published, "
                         "substr(a.text, r.evidence_start + 1, r.evidence_end - r.evidence_start) AS evidence_text "
                         "FROM routes r JOIN articles a ON a.id = r.article_id ORDER BY r.article_id, r.id"):
        data = json.loads(r["json"] or "{}")
        date = data.get("date") if isinstance(data.get("date"), dict) else None
        day = _day(date.get("value")) if date and date.get("precision") == "day" else None
        date_from = "text" if day else None
        if day is None:
            day = _day(r["a_published"])
            date_from = "published" if day else None
        src = sources.get((r["article_id"], r["source"])) if r["source"] else None
        source = None if src is None else {"text": src["text"], "anonymous": bool(src["anonymous"]),
                                           "actor": src["actor"], "person": src["person"]}
        group = _group(source, names, persons.get((r["article_id"], src["person"])) if src else None)
        own = r["a_outlet"] or _host(r["a_url"])
        roles = next((x.split(":", 1)[1].strip() for x in data.get("reasons") or () if x.startswith("waypoints:")), "")
        length = None
        if r["length_min"] is not None or r["length_max"] is not None:
            length = (r["length_min"], r["length_max"])
        status = r["status"] if r["status"] in STATUSES else "unknown"
        out.append(RouteReport(
            article_id=r["article_id"], route_id=r["id"], date=day, date_from=date_from, status=status,
            scope=data.get("scope") or "one", directed=bool(data.get("directed")),
            waypoints=json.loads(r["waypoints_json"] or "[]"), roles=roles, outlet=own,
            outlets=tuple(o for o in dict.fromkeys([own, *copies.get(r["article_id"], [])]) if o),
            url=r["a_url"], published=r["a_published"], source=source,
            source_label=group[0] if group else None, source_label_ar=group[1] if group else None,
            evidence=r.get("evidence_text") or data.get("text") or "", length=length,
            users=json.loads(r["users_json"] or "[]"), confidence=r["confidence"], kind=data.get("kind"),
            continues=data.get("continues")))
    out.extend(link_continuations(out, places))
    out.sort(key=_order)
    return out, places


def link_continuations(reports: list[RouteReport], places: dict) -> list[RouteReport]:
    """A route that continues another ("a corridor between Tal Afar and Sinjar … that
    fighters use to flee through the desert to Al-Ba'aj and on to Raqqa") starts where that
    one ends: one link report per continuation, directed, from the parent's waypoint nearest
    to the continuation's first waypoint to that waypoint, with the continuation's status,
    source and evidence (``derived`` says so). None when either end is not located."""
    by_key = {(r.article_id, r.route_id): r for r in reports}
    links = []
    for r in reports:
        parent = by_key.get((r.article_id, r.continues)) if r.continues else None
        if parent is None or not parent.waypoints or not r.waypoints:
            continue
        first = places.get((r.article_id, r.waypoints[0]))
        if not _located(first):
            continue
        located = [(km(p["lat"], p["lon"], first["lat"], first["lon"]), -i, pid)
                   for i, pid in enumerate(parent.waypoints)
                   if _located(p := places.get((r.article_id, pid)))]
        if not located:
            continue
        start = min(located)[2]
        if start == r.waypoints[0]:
            continue
        links.append(replace(r, route_id=f"{r.route_id}/link", waypoints=[start, r.waypoints[0]], directed=True,
                             roles="from, to", length=None, continues=None,
                             derived=f"links {parent.route_id} to {r.route_id}"))
    return links


def _order(r: RouteReport):
    return (r.date or datetime.date.max, r.published or "~", r.article_id, _route_number(r.route_id))


def _route_number(rid: str):
    digits = rid[2:] if rid.startswith("rt") else ""
    return (0, int(digits), rid) if digits.isdigit() else (1, 0, rid)


# ---- snapping ----------------------------------------------------------------------------

def _located(p: dict | None) -> bool:
    return p is not None and p.get("lat") is not None and p.get("lon") is not None


def _effective(article_id: str, pid: str, places: dict) -> tuple[str, dict | None]:
    """(place id, row) a waypoint stands for: a relative place stands for its anchor."""
    row = places.get((article_id, pid))
    if row is not None and row.get("kind") == "relative" and row.get("anchor_json"):
        anchor = (json.loads(row["anchor_json"]) or {}).get("place")
        if anchor:
            return anchor, places.get((article_id, anchor)) or row
    return pid, row


def snap(reports: list[RouteReport], places: dict) -> tuple[dict, dict]:
    """({(article id, place id): canonical id}, {canonical id: place row}); see the notes."""
    effective: dict[tuple, str] = {}
    rows: dict[str, dict | None] = {}
    for r in sorted(reports, key=lambda r: (r.article_id, _route_number(r.route_id))):
        for pid in r.waypoints:
            key = (r.article_id, pid)
            if key in effective:
                continue
            eid, row = _effective(r.article_id, pid, places)
            effective[key] = eid
            if rows.get(eid) is None:
                rows[eid] = row
    canon: dict[str, str] = {}
    chosen: list[str] = []
    grid: dict[tuple, list[str]] = {}      # canonical point places by grid cell
    for pid in sorted(rows, key=lambda i: (KIND_RANK.get((rows[i] or {}).get("kind"), 11), i)):
        row = rows[pid]
        target = pid
        point = _located(row) and row.get("kind") in POINT_KINDS
        if point:
            near = [(km(row["lat"], row["lon"], rows[c]["lat"], rows[c]["lon"]), c) for c in _around(grid, row)]
            near = [d for d in near if d[0] <= SNAP_KM]
            if near:
                target = min(near)[1]
        if target == pid:
            chosen.append(pid)
            if point:
                grid.setdefault(_cell(row), []).append(pid)
        canon[pid] = target
    mapping = {key: canon[eid] for key, eid in effective.items()}
    return mapping, {c: _place_info(c, rows[c]) for c in chosen}


CELL_DEG = 0.2       # grid cells for the snapping search: 0.2° of latitude is 22 km > SNAP_KM


def _cell(row: dict) -> tuple[int, int]:
    return math.floor(row["lat"] / CELL_DEG), math.floor(row["lon"] / CELL_DEG)


def _around(grid: dict, row: dict) -> list[str]:
    """Canonical places in the cells that may hold one within SNAP_KM (a cell of longitude
    narrows towards the poles: look further east and west there)."""
    y, x = _cell(row)
    reach = min(1 + math.ceil(1 / max(math.cos(math.radians(row["lat"])), 0.05)), 30)
    return [c for dy in (-1, 0, 1) for dx in range(-reach, reach + 1) for c in grid.get((y + dy, x + dx), ())]


def _place_info(pid: str, row: dict | None) -> dict:
    row = row or {}
    return {"id": pid, "name": row.get("name"), "name_ar": row.get("name_ar"), "kind": row.get("kind"),
            "country": row.get("country"), "lat": row.get("lat"), "lon": row.get("lon")}


# ---- corridors ---------------------------------------------------------------------------

def corridor_key(report: RouteReport) -> tuple[str, tuple, bool]:
    """(kind, canonical waypoints, directed) of a report whose ``canonical`` is set."""
    seq = [p for i, p in enumerate(report.canonical) if i == 0 or p != report.canonical[i - 1]]
    if len(seq) == 1:
        roles = set(report.roles.replace(" ", "").split(","))
        kind = "to" if "to" in roles and "from" not in roles else ("from" if roles == {"from"} else "at")
        return kind, tuple(seq), kind in ("to", "from")
    if not report.directed:
        seq = min(seq, seq[::-1])
    return "path", tuple(seq), report.directed


def corridor_id(kind: str, waypoints: tuple, directed: bool) -> str:
    key = f"{kind}|{'>' if directed else '-'}|{'|'.join(waypoints)}"
    return "cor:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def build_corridors(store) -> list[Corridor]:
    """Every corridor of the stored route reports, ordered by first report day, then id."""
    reports, places = load_route_reports(store)
    mapping, canon_places = snap(reports, places)
    groups: dict[tuple, list[RouteReport]] = {}
    for r in reports:
        if not r.waypoints:
            continue
        r.canonical = [mapping[(r.article_id, p)] for p in r.waypoints]
        groups.setdefault(corridor_key(r), []).append(r)
    out = []
    for (kind, seq, directed), members in groups.items():
        shown = list(seq)
        first = [p for i, p in enumerate(members[0].canonical) if i == 0 or p != members[0].canonical[i - 1]]
        if not directed and first == shown[::-1]:
            shown = first       # an undirected corridor reads as its first report wrote it
        out.append(Corridor(id=corridor_id(kind, seq, directed), kind=kind, waypoints=shown, directed=directed,
                            places={p: canon_places[p] for p in seq}, reports=members))
    out.sort(key=lambda c: (c.dated[0].date if c.dated else datetime.date.max, c.id))
    return out
