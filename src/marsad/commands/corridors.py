"""`marsad corridors`: the route reports of every stored article merged into corridors,
with their status as of a date, the reports that contradict it, and open paths.

Usage:
    marsad corridors                                  # every corridor, status as of the newest report
    marsad corridors --as-of 2017-01-20               # status on that day (later reports unknown yet)
    marsad corridors --near سنجار --km 30             # corridors with a waypoint within 30 km of Sinjar
    marsad corridors --timeline                       # each corridor's reports under it
    marsad corridors --from الموصل --to سنجار --as-of 2017-01-13
                                                      # is there an open path? which corridors, whose word
    marsad corridors --from الموصل --to سنجار --allow-contested
                                                      # contested corridors count as passable (flagged)
    marsad corridors --format json                    # one JSON object per corridor (JSON Lines)
    marsad corridors --format geojson -o corridors.geojson
                                                      # LineStrings for QGIS (--points: single-place corridors too)
Common options: --db PATH (default: the database of `marsad ingest`), --window N (days
back from --as-of in which a report with another status is listed as contradicting,
default 7), --latin (English place names).

One line per corridor, e.g.
    تل عفر ↔ سنجار  open since 2017-01-12 (3 reports; last: Rudaw citing local sources) — 1 contradicting report
A report's day is the day its text gives for the route, else its publication day;
undated reports are counted but never change a status. With --from/--to the exit code
is 0 when an open path exists and 1 when not. Rules (snapping of nearby places, same-day
disagreement = contested, "most roads to X closed" blocks entry into X): see
marsad/corridors/.
"""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from marsad.errors import E, MarsadError

FORMATS = ("text", "json", "geojson")


def register(sub) -> None:
    p = sub.add_parser("corridors", help="corridors across articles: status as of a date, open paths, GeoJSON",
                       description="Merge the stored route reports of every article into corridors (same "
                                   "places, same direction, nearby places snapped together) and show each "
                                   "corridor's status as of a date with the reports behind it and those that "
                                   "contradict it; or, with --from and --to, whether an open path joins two "
                                   "places through the corridor graph.")
    p.add_argument("--db", metavar="PATH", help="database file (default: as for `marsad ingest`)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="status on this day (default: the day of the newest report)")
    p.add_argument("--near", metavar="PLACE", help="only corridors with a waypoint near this place")
    p.add_argument("--km", type=float, default=50.0, help="distance for --near in km (default 50)")
    p.add_argument("--from", dest="origin", metavar="PLACE", help="start of an open-path question (with --to)")
    p.add_argument("--to", dest="destination", metavar="PLACE", help="end of an open-path question (with --from)")
    p.add_argument("--allow-contested", action="store_true",
                   help="count contested corridors as passable (flagged in the answer); default: they block")
    p.add_argument("--window", type=int, default=7, metavar="DAYS",
                   help="reports this many days before --as-of with another status are listed as contradicting "
                        "(default 7)")
    p.add_argument("--timeline", action="store_true", help="text: list every report under its corridor")
    p.add_argument("--latin", action="store_true", help="text: English place names instead of Arabic")
    p.add_argument("--points", action="store_true",
                   help="geojson: add single-place corridors (\"roads to X\") as Points")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of standard output")
    p.set_defaults(func=run_corridors)


# ---- arguments ---------------------------------------------------------------------------

def parse_day(value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise MarsadError(E.CORRIDOR_DATE, value=value) from None


def _check(args) -> datetime.date | None:
    day = parse_day(args.as_of)
    if (args.origin is None) != (args.destination is None):
        given, missing = ("--from", "--to") if args.origin is not None else ("--to", "--from")
        raise MarsadError(E.CORRIDOR_PAIR, given=given, missing=missing)
    if args.near is not None and args.origin is not None:
        raise MarsadError(E.CORRIDOR_NEAR_PATH)
    if not 0 < args.km <= 1000:
        raise MarsadError(E.CORRIDOR_KM, option="--km", value=args.km)
    if not 0 <= args.window <= 365:
        raise MarsadError(E.CORRIDOR_WINDOW, value=args.window)
    return day


def _open_store(path: str | None):
    from marsad.store import Store
    from marsad.store.db import default_path

    where = Path(path) if path else default_path()
    if not where.exists():
        raise MarsadError(E.CORRIDOR_NO_DB, path=where)
    return Store(where, create=False)


def newest_day(corridors) -> datetime.date | None:
    days = [r.date for c in corridors for r in c.dated]
    return max(days) if days else None


def listed(corridor, day: datetime.date | None) -> bool:
    """Known on ``day``: a dated report on or before it, or only undated reports."""
    if not corridor.dated:
        return True
    return day is None or corridor.dated[0].date <= day


# ---- the command -------------------------------------------------------------------------

def run_corridors(args) -> int:
    from marsad.commands.export import emit
    from marsad.corridors import build_corridors
    from marsad.corridors.graph import find_path, locate, nodes_of

    asked = _check(args)
    with _open_store(args.db) as store:
        corridors = build_corridors(store)
    day = asked or newest_day(corridors)
    arabic = not args.latin
    if args.origin is not None:
        nodes = nodes_of(corridors)
        ends = []
        for option, name in (("--from", args.origin), ("--to", args.destination)):
            place, node = locate(name, nodes)
            if place is None:
                raise MarsadError(E.CORRIDOR_PLACE, option=option, name=name)
            ends.append((name, place, node))
        answer = find_path(corridors, ends[0][2], ends[1][2], day, args.allow_contested)
        writer = {"text": lambda out: path_text(answer, ends, arabic, out),
                  "json": lambda out: _dump(path_json(answer, ends, arabic), out),
                  "geojson": lambda out: _dump(path_geojson(answer, day, args.window), out)}[args.format]
        emit(writer, args.output)
        return 0 if answer.found else 1
    shown = [c for c in corridors if listed(c, day)]
    near = None
    if args.near is not None:
        place, _ = locate(args.near, nodes_of(shown), args.km)
        if place is None:
            raise MarsadError(E.CORRIDOR_PLACE, option="--near", name=args.near)
        near = (args.near, args.km)
        shown = [c for c in shown if near_place(c, place, args.km)]
    writer = {"text": lambda out: list_text(shown, day, args.window, arabic, args.timeline, near, out),
              "json": lambda out: [_line(corridor_json(c, day, args.window), out) for c in shown],
              "geojson": lambda out: _dump(collection(shown, day, args.window, args.points), out)}[args.format]
    emit(writer, args.output)
    return 0


def near_place(corridor, place, max_km: float) -> bool:
    from marsad.gazetteer.geo import km
    for pid in corridor.waypoints:
        if pid == getattr(place, "id", None):
            return True
        p = corridor.places.get(pid) or {}
        if None not in (p.get("lat"), p.get("lon"), place.lat, place.lon) \
                and km(p["lat"], p["lon"], place.lat, place.lon) <= max_km:
            return True
    return False


def _dump(data, out) -> None:
    json.dump(data, out, ensure_ascii=False)
    out.write("\n")


def _line(data, out) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def _iso(d):
    return d.isoformat() if d else None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---- listing -----------------------------------------------------------------------------

def corridor_line(c, s, arabic: bool = True) -> str:
    """"تل عفر ↔ سنجار  open since 2017-01-12 (3 reports; last: Rudaw citing local sources) — …"."""
    known = [r for r in s.reports if r.date is not None]
    undated = [r for r in s.reports if r.date is None]
    count = _plural(len(known), "report") + (f", {len(undated)} undated" if undated else "") if known \
        else _plural(len(undated), "undated report")
    label = c.label(arabic)
    scope = _scope_note(c, s)
    if s.status == "unknown":
        said = ", ".join(dict.fromkeys(r.status for r in undated if r.status != "unknown"))
        head = "status unknown" + (" (no dated report says)" if known or not said else f" (undated reports say: {said})")
    else:
        head = f"{s.status} since {_iso(s.since)}"
    last = s.last
    tail = f"; last: {last.who()} ({_iso(last.date)})" if last else ""
    line = f"{label}{scope}  {head} ({count}{tail})"
    if s.contradicting:
        line += f" — {_plural(len(s.contradicting), 'contradicting report')}"
    return line


def _scope_note(c, s) -> str:
    if c.kind not in ("to", "from"):
        return ""
    scopes = {r.scope for r in s.deciding} or {r.scope for r in c.reports}
    word = "all" if "all" in scopes else "most" if "most" in scopes else "some" if "some" in scopes else "one"
    return {"all": " (all roads)", "most": " (most roads)", "some": " (some roads)", "one": " (a road)"}[word]


def _report_line(r, mark: str = " ") -> str:
    src = f"{r.who()}"
    text = r.evidence.replace("\n", " ")
    return f"    {mark} {r.day or 'undated'} {r.status:<9} {src}: «{text}»"


def list_text(corridors, day, window, arabic, timeline, near, out) -> None:
    from marsad.corridors.timeline import status_as_of

    where = f" within {near[1]:g} km of {near[0]}" if near else ""
    if not corridors:
        print(f"no corridors{where} known as of {_iso(day) or 'any day'}", file=out)
        return
    print(f"{_plural(len(corridors), 'corridor')}{where}, status as of {_iso(day) or 'the newest report'}:",
          file=out)
    for c in corridors:
        s = status_as_of(c, day, window)
        print(corridor_line(c, s, arabic), file=out)
        if timeline:
            for r in s.reports:
                print(_report_line(r, "✗" if r in s.contradicting else "·"), file=out)
        else:
            for r in s.contradicting:
                print(_report_line(r, "✗"), file=out)


def corridor_json(c, day, window) -> dict:
    from marsad.corridors.timeline import status_as_of, timeline

    s = status_as_of(c, day, window)
    known = [r for r in s.reports if r.date is not None]
    length = c.length_km(day)
    return {"id": c.id, "kind": c.kind, "label": c.label(), "label_latin": c.label(arabic=False),
            "directed": c.directed, "waypoints": [c.places.get(p) or {"id": p} for p in c.waypoints],
            "as_of": _iso(day), "status": s.status, "since": _iso(s.since), "status_day": _iso(s.day),
            "deciding": [r.ref for r in s.deciding], "length_km": None if length is None else
            {"min": length[0], "max": length[1]}, "distance_km": c.distance_km(), "users": c.users(day),
            "first_report": _iso(known[0].date) if known else None,
            "last_report": _iso(known[-1].date) if known else None,
            "reports_count": len(known), "undated_count": len(s.reports) - len(known),
            "outlets": _outlets(s.reports), "sources": _sources(s.reports),
            "contradicting": [r.to_json() for r in s.contradicting],
            "timeline": [{"date": d.isoformat(), "status": st, "reports": [r.ref for r in rs]}
                         for d, st, rs in timeline(c) if day is None or d <= day],
            "reports": [r.to_json() for r in s.reports]}


def _outlets(reports) -> list[str]:
    return list(dict.fromkeys(o for r in reports for o in r.outlets))


def _sources(reports) -> list[str]:
    return list(dict.fromkeys(r.source_label for r in reports if r.source_label))


# ---- GeoJSON -----------------------------------------------------------------------------

def feature(c, day, window, points: bool = False) -> dict | None:
    """A LineString (or, with ``points``, a Point for a single-place corridor) with flat
    properties QGIS shows as columns; None when fewer than two waypoints are located."""
    from marsad.corridors.timeline import status_as_of

    coords = c.coordinates()
    if len(coords) >= 2:
        geometry = {"type": "LineString", "coordinates": coords}
    elif points and c.kind != "path" and len(coords) == 1:
        geometry = {"type": "Point", "coordinates": coords[0]}
    else:
        return None
    s = status_as_of(c, day, window)
    known = [r for r in s.reports if r.date is not None]
    length = c.length_km(day)
    last = s.last
    props = {
        "corridor_id": c.id, "kind": c.kind, "name": c.label(), "name_latin": c.label(arabic=False),
        "waypoints": " | ".join(c.waypoints), "directed": c.directed, "as_of": _iso(day),
        "status": s.status, "since": _iso(s.since),
        "length_min_km": length[0] if length else None, "length_max_km": length[1] if length else None,
        "distance_km": c.distance_km(), "users": "; ".join(c.users(day)),
        "first_report": _iso(known[0].date) if known else None,
        "last_report": _iso(known[-1].date) if known else None,
        "reports": len(known), "undated_reports": len(s.reports) - len(known),
        "contradicting": len(s.contradicting),
        "sources": "; ".join(_sources(s.reports)), "outlets": "; ".join(_outlets(s.reports)),
        "last_source": last.who() if last else None, "last_evidence": last.evidence if last else None,
        "scope": _scope_note(c, s).strip(" ()") or None,
    }
    return {"type": "Feature", "id": c.id, "geometry": geometry, "properties": props}


def collection(corridors, day, window, points: bool = False) -> dict:
    feats = [f for f in (feature(c, day, window, points) for c in corridors) if f is not None]
    return {"type": "FeatureCollection", "features": feats}


# ---- paths -------------------------------------------------------------------------------

def _end_json(name, place, node) -> dict:
    return {"asked": name, "place": getattr(place, "id", None), "name": getattr(place, "name", None),
            "name_ar": getattr(place, "name_ar", None), "lat": getattr(place, "lat", None),
            "lon": getattr(place, "lon", None), "node": node}


def path_json(answer, ends, arabic: bool = True) -> dict:
    return {"from": _end_json(*ends[0]), "to": _end_json(*ends[1]), "as_of": _iso(answer.as_of),
            "allow_contested": answer.allow_contested, "path": answer.found, "reason": answer.reason,
            "steps": [s.to_json(arabic) for s in answer.steps],
            "obstacles": [s.corridor.id for s in answer.obstacles],
            "contested_steps": [s.corridor.id for s in answer.flagged],
            "blocks": [{"corridor": b.corridor.id, "place": b.place, "direction": b.direction,
                        "status": b.status.status, "since": _iso(b.status.since),
                        "reports": [r.ref for r in b.status.deciding]} for b in answer.blocks]}


def _step_line(n: int, step, arabic: bool, mark: str = " ") -> str:
    c, s = step.corridor, step.status
    arrow = " → "
    head = f"{s.status} since {_iso(s.since)}" if s.status != "unknown" else "status unknown"
    last = s.last
    who = f"; last report {_iso(last.date)}, {last.who()}: «{last.evidence}»" if last else ""
    return f"  {mark} {n}. {c.name(step.start, arabic)}{arrow}{c.name(step.end, arabic)}  {head}{who}"


def path_text(answer, ends, arabic, out) -> None:
    names = [e[0] for e in ends]
    when = _iso(answer.as_of) or "the newest report"
    verdict = "YES" if answer.found else "NO"
    print(f"From {names[0]} to {names[1]} as of {when}: {verdict} — {answer.reason}", file=out)
    for (name, place, node) in ends:
        if node is None:
            print(f"  {name} ({getattr(place, 'id', '?')}) is not within reach of any reported corridor", file=out)
    if answer.found:
        for i, step in enumerate(answer.steps, 1):
            print(_step_line(i, step, arabic, "!" if step in answer.flagged else " "), file=out)
        return
    if answer.steps:
        print("  the shortest way through every reported corridor, whatever its status:", file=out)
        for i, step in enumerate(answer.steps, 1):
            print(_step_line(i, step, arabic, "✗" if step in answer.obstacles else " "), file=out)
    for b in answer.blocks:
        last = b.status.last
        who = f" — {last.who()}: «{last.evidence}»" if last else ""
        what = "entry into" if b.direction == "entry" else "exit from"
        print(f"  ✗ {what} {b.corridor.name(b.place, arabic)} blocked: {b.corridor.label(arabic)}"
              f"{_scope_note(b.corridor, b.status)} {b.status.status} since {_iso(b.status.since)}{who}", file=out)


def path_geojson(answer, day, window: int = 7) -> dict:
    """The corridors of the path (found, or the best blocked one) as LineStrings."""
    feats = []
    for step in answer.steps:
        f = feature(step.corridor, day, window)
        if f is not None:
            f["properties"]["path_from"] = step.start
            f["properties"]["path_to"] = step.end
            f["properties"]["on_open_path"] = answer.found
            feats.append(f)
    return {"type": "FeatureCollection", "features": feats}
