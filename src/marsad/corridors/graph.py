"""The corridor graph as of a date, and whether an open path joins two places.

Nodes are canonical places (build.py). Each corridor of two or more waypoints whose
status as of the day is passable adds an edge between each pair of consecutive
waypoints: both ways when undirected, in travel order only when directed (من X إلى Y).
Passable: open and narrowing; contested only with ``allow_contested`` (default off: a
road being fought over is not counted as a way through, but --allow-contested lets it
through and every contested step is flagged). When several corridors join the same two
places, the edge keeps the best: open before narrowing before contested, then the most
recently reported, then the smallest id. Edge weight: straight-line km.

Corridors of one place: "to X" closed (or contested, unless allowed) with scope all or
most ("معظم الطرق المؤدية إلى الحسكة مغلقة") blocks entry into X: every edge into X is
removed, so X can be neither reached nor passed through (leaving X stays possible).
"from X" closed with scope all or most blocks every edge out of X. With scope one or
some (a road, some roads) they block nothing: other roads may be open. "at X" corridors
(a crossing named after one place) add nothing to the graph.

When no open path exists, the answer explains why: the shortest path through every
corridor whatever its status, with the steps on it that are not passable, and the entry
or exit blocks on the way.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import networkx as nx

from marsad.corridors.build import SNAP_KM, Corridor
from marsad.corridors.timeline import Status, status_as_of
from marsad.gazetteer.geo import km

STATUS_RANK = {"open": 0, "narrowing": 1, "contested": 2, "closed": 3, "unknown": 4}
BLOCKING_SCOPES = ("all", "most")
UNLOCATED_KM = 50.0      # weight of an edge with an unlocated end


@dataclass
class Step:
    corridor: Corridor
    start: str                       # canonical place ids
    end: str
    status: Status

    def to_json(self, arabic: bool = True) -> dict:
        last = self.status.last
        return {"corridor": self.corridor.id, "from": self.start, "to": self.end,
                "from_name": self.corridor.name(self.start, arabic), "to_name": self.corridor.name(self.end, arabic),
                "status": self.status.status, "since": _iso(self.status.since),
                "last_report": _iso(last.date) if last else None,
                "outlet": last.outlet if last else None, "source": (last.source or {}).get("text") if last else None,
                "source_label": last.source_label if last else None,
                "evidence": last.evidence if last else None,
                "reports": [r.ref for r in self.status.reports if r.date is not None]}


@dataclass
class Block:
    corridor: Corridor
    place: str
    status: Status
    direction: str                   # "entry" | "exit"


@dataclass
class PathAnswer:
    start: str | None                # canonical place ids (None: not on any corridor)
    end: str | None
    as_of: datetime.date | None
    allow_contested: bool
    found: bool
    steps: list[Step] = field(default_factory=list)
    reason: str = ""
    obstacles: list[Step] = field(default_factory=list)      # not passable steps of the best path
    blocks: list[Block] = field(default_factory=list)        # entry/exit blocks on it
    flagged: list[Step] = field(default_factory=list)        # contested steps of a found path


def _iso(d: datetime.date | None) -> str | None:
    return d.isoformat() if d else None


def _weight(c: Corridor, a: str, b: str) -> float:
    p, q = c.places.get(a) or {}, c.places.get(b) or {}
    if None in (p.get("lat"), p.get("lon"), q.get("lat"), q.get("lon")):
        return UNLOCATED_KM
    return max(km(p["lat"], p["lon"], q["lat"], q["lon"]), 0.01)


def _rank(c: Corridor, s: Status) -> tuple:
    last = s.last
    return (STATUS_RANK.get(s.status, 5), -(last.date.toordinal() if last and last.date else 0), c.id)


def statuses(corridors: list[Corridor], as_of: datetime.date | None, window: int | None = None) -> dict[str, Status]:
    kw = {} if window is None else {"window": window}
    return {c.id: status_as_of(c, as_of, **kw) for c in corridors}


def blocks(corridors: list[Corridor], status: dict[str, Status], allow_contested: bool = False) -> list[Block]:
    """Entry and exit blocks of single-place corridors (module notes)."""
    out = []
    for c in corridors:
        if c.kind not in ("to", "from"):
            continue
        s = status[c.id]
        shut = s.status == "closed" or (s.status == "contested" and not allow_contested)
        if shut and any(r.scope in BLOCKING_SCOPES for r in s.deciding):
            out.append(Block(c, c.waypoints[0], s, "entry" if c.kind == "to" else "exit"))
    return out


def corridor_graph(corridors: list[Corridor], as_of: datetime.date | None = None, allow_contested: bool = False,
                   status: dict[str, Status] | None = None, everything: bool = False) -> nx.DiGraph:
    """The DiGraph of passable corridors as of ``as_of`` with entry/exit blocks applied
    (``everything``: every path corridor whatever its status, and no blocks). Each edge
    holds ``corridor``, ``status`` (a Status) and ``weight`` (km)."""
    status = status if status is not None else statuses(corridors, as_of)
    g = nx.DiGraph()
    for c in corridors:
        for pid in c.waypoints:
            g.add_node(pid, **(c.places.get(pid) or {}))
    for c in corridors:
        if c.kind != "path":
            continue
        s = status[c.id]
        if not everything and not s.passable(allow_contested):
            continue
        for a, b in zip(c.waypoints, c.waypoints[1:]):
            pairs = [(a, b)] if c.directed else [(a, b), (b, a)]
            for u, v in pairs:
                old = g.get_edge_data(u, v)
                if old is None or _rank(c, s) < _rank(old["corridor"], old["status"]):
                    g.add_edge(u, v, corridor=c, status=s, weight=_weight(c, a, b))
    if not everything:
        for b in blocks(corridors, status, allow_contested):
            if b.place in g:
                edges = list(g.in_edges(b.place)) if b.direction == "entry" else list(g.out_edges(b.place))
                g.remove_edges_from(edges)
    return g


def _steps(g: nx.DiGraph, nodes: list[str]) -> list[Step]:
    out = []
    for a, b in zip(nodes, nodes[1:]):
        e = g.edges[a, b]
        out.append(Step(e["corridor"], a, b, e["status"]))
    return out


def find_path(corridors: list[Corridor], start: str | None, end: str | None, as_of: datetime.date | None = None,
              allow_contested: bool = False) -> PathAnswer:
    """Whether a passable path leads from canonical place ``start`` to ``end`` as of the day."""
    status = statuses(corridors, as_of)
    ans = PathAnswer(start, end, as_of, allow_contested, False)
    if start is None or end is None:
        ans.reason = "not on any corridor: " + " and ".join(w for w, n in (("the start", start), ("the end", end))
                                                             if n is None)
        return ans
    if start == end:
        ans.found, ans.reason = True, "the same place"
        return ans
    g = corridor_graph(corridors, as_of, allow_contested, status)
    try:
        nodes = nx.shortest_path(g, start, end, weight="weight")
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        nodes = None
    if nodes is not None:
        ans.found = True
        ans.steps = _steps(g, nodes)
        ans.flagged = [s for s in ans.steps if s.status.status == "contested"]
        ans.reason = f"open path in {len(ans.steps)} step{'s' if len(ans.steps) != 1 else ''}"
        if ans.flagged:
            ans.reason += f", {len(ans.flagged)} of them contested"
        return ans
    full = corridor_graph(corridors, as_of, allow_contested, status, everything=True)
    try:
        nodes = nx.shortest_path(full, start, end, weight="weight")
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        ans.reason = "no corridor, open or not, joins them in the reports"
        if nx.has_path(full, end, start):
            ans.reason += " (corridors are reported only in the other direction)"
        ans.blocks = [b for b in blocks(corridors, status, allow_contested) if b.place in (start, end)]
        return ans
    ans.steps = _steps(full, nodes)
    ans.obstacles = [s for s in ans.steps if not s.status.passable(allow_contested)]
    on_path = set(nodes)
    ans.blocks = [b for b in blocks(corridors, status, allow_contested)
                  if (b.direction == "entry" and b.place in on_path and b.place != start)
                  or (b.direction == "exit" and b.place in on_path and b.place != end)]
    parts = []
    if ans.obstacles:
        parts.append(", ".join(f"{s.corridor.label()} is {s.status.status}" for s in ans.obstacles))
    if ans.blocks:
        parts.append(", ".join(f"{'entry into' if b.direction == 'entry' else 'exit from'} "
                               f"{b.corridor.name(b.place)} is {b.status.status}" for b in ans.blocks))
    ans.reason = "no open path: " + ("; ".join(parts) or "the corridors do not connect in the open graph")
    return ans


# ---- places ------------------------------------------------------------------------------

def nodes_of(corridors: list[Corridor]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for c in corridors:
        for pid in c.waypoints:
            out.setdefault(pid, c.places.get(pid) or {"id": pid})
    return out


def snap_to_node(place, nodes: dict[str, dict], max_km: float = SNAP_KM) -> str | None:
    """The canonical node a gazetteer place stands for: same id, else the nearest node
    within ``max_km`` (None if none)."""
    pid = getattr(place, "id", None)
    if pid in nodes:
        return pid
    lat, lon = getattr(place, "lat", None), getattr(place, "lon", None)
    if lat is None or lon is None:
        return None
    near = sorted((km(lat, lon, n["lat"], n["lon"]), i) for i, n in nodes.items()
                  if n.get("lat") is not None and n.get("lon") is not None)
    return near[0][1] if near and near[0][0] <= max_km else None


def candidates(name: str) -> list:
    """Gazetteer readings of a place name, best first (a phrase such as غربي تلعفر falls
    back to the places stage's phrase geocoder)."""
    from marsad.gazetteer.index import load_gazetteer
    found = list(load_gazetteer().lookup(name.strip()))
    if not found:
        from marsad.stages.places.focus import geocode_phrase
        place = geocode_phrase(name)
        if place is not None:
            found = [place]
    return found


def locate(name: str, nodes: dict[str, dict], max_km: float = SNAP_KM) -> tuple[object | None, str | None]:
    """(gazetteer place, canonical node or None) for a name: the first reading that lies on
    a corridor wins, else the best reading. (None, None) when the gazetteer has no such place."""
    found = candidates(name)
    for p in found:
        node = snap_to_node(p, nodes, max_km)
        if node is not None:
            return p, node
    return (found[0], None) if found else (None, None)
