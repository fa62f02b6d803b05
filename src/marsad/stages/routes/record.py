"""Step 5 of the routes stage: the route record of a combined frame (waypoints in order,
status, users and closers, length, purpose, kind, scope, date, source, evidence,
confidence), and the events each route carries.
"""
from __future__ import annotations

from marsad.doc import Doc
from marsad.knowledge.actors import load_actors
from marsad.knowledge.route_cues import RouteCues
from marsad.stages.routes import status as st
from marsad.stages.routes.frames import dating
from marsad.stages.routes.length import route_length
from marsad.stages.routes.status import ONLY
from marsad.stages.routes.order import ordered
from marsad.stages.routes.waypoints import Frame, SentenceView
from marsad.stages.sources import source_at
from marsad.text.clitics import ARTICLE, proclitic_stems, readings
from marsad.text.normalize import normalize_ar

REPORTERS = frozenset({"observatory", "media"})


def build_record(v: SentenceView, rt: dict, doc: Doc, dates, quants, tok, n: int) -> None:
    """Fill in the route record of a combined frame (step 5)."""
    f: Frame = rt["frame"]
    cues: RouteCues = v.cues
    toks = v.toks
    rid = f"rt{n}"
    reasons: list[str] = []
    waypoints, directed = ordered(rt["items"])
    roles = sorted({i.role for i in rt["items"] if i.ref in waypoints})
    reasons.append(f"waypoints: {', '.join(roles) or 'none'}")
    area = [i.ref for i in rt["items"] if i.role == "area"]
    across = [i.ref for i in rt["items"] if i.role == "across"]
    near = [i.ref for i in rt["items"] if i.role == "near" and i.ref not in waypoints]
    frames = f.all_frames()
    lo, hi = f.clause
    closing = _closing_events(doc, f, tok, cues.closing_events)
    users, supplied, actor_of = _users(v, f, frames, closing)
    closers: list[str] = []
    for cls, k in f.cues:
        if cls in ("closed", "contested") and actor_of.get(k) and actor_of[k] not in users:
            _add(closers, actor_of[k])
    # a force does not close the road it uses itself
    # (whom it supplies, read as the subject of the cut after it, is no such force: قطع خط إمداد داعش)
    cue_list = [(c, k) for c, k in f.cues if not (c == "closed" and actor_of.get(k) in users and actor_of.get(k)
                                                  and actor_of.get(k) not in supplied)]
    parent = rt["parent"].route if rt.get("parent") is not None else None
    status, why = st.resolve(cue_list)
    if status == "unknown" and parent is not None and parent.get("status"):
        status, why = parent["status"], ["continues " + parent["id"]]
    if why:
        reasons.append(f"status: {', '.join(why)}")
    length = route_length(v, f, frames, quants, reasons)
    purpose = _purpose(v, f, frames)
    kind = f.route_kind or (parent or {}).get("kind") or "corridor"
    scope = _scope(v, f) if f.kind == "route" else "one"
    # evidence: from the first to the last token the route was read from
    used = [f.first, f.last] + [k for _, k in f.cues] + [i.first for i in rt["items"]] + \
           [i.last for i in rt["items"]] + [k for fr in frames for k in (fr.first, fr.last)]
    used += [k for fr in frames for k in fr.markers]
    a, b = min(used), max(used)
    start, end = toks[a].start, toks[b].end
    anchor = toks[f.first].start
    source = source_at(doc, anchor)
    date = _date(dates, (lo, hi), (v.first, v.last), f.first)
    route = {
        "id": rid, "waypoints": waypoints, "via": [c for c, _ in f.via], "via_text": [s for _, s in f.via],
        "length_km": length, "status": status, "users": users, "source": source,
        "evidence": {"start": start, "end": end}, "confidence": None,
        "kind": kind, "purpose": purpose, "scope": scope, "directed": directed, "date": date,
        "closed_by": closers, "area": area, "near": near, "across": across, "events": [], "text": doc.text[start:end], "reasons": reasons,
    }
    if parent is not None:
        route["continues"] = parent["id"]
    if rt.get("group"):
        route["group"] = f"rg{f.first}"
    route["confidence"] = _confidence(route, f, bool(why) and status != "unknown")
    route["_frames"] = frames
    route["_closing"] = closing
    rt["route"] = route
    f.route = route   # a movement that continues this route finds it here


def _users(v: SentenceView, f: Frame, frames: list[Frame], closing: dict[int, dict]):
    """Who uses the route: subjects of its use words, the actor left with it (لم يبق أمام X
    سوى), actors of the movements along it, whom it is for (ممر لعناصر التنظيم، خط إمداد
    داعش) and the actor it is left open to (المنافذ المتبقية أمام داعش); observatories and
    outlets only report. Returns (users, whom it supplies, the actor of each cue's word)."""
    cues, toks = v.cues, v.toks
    users: list[str] = []
    supplied: list[str] = []
    actor_of: dict[int, str | None] = {}
    for cls, k in sorted(f.cues, key=lambda c: c[1]):
        cls = "remain" if cls == ONLY else cls
        ev = closing.get(k)
        who = ev.get("actor") if ev else None
        who = who or (st.remain_user(v, k, v.last) if cls == "remain" else st.subject(v, k, v.first, v.last))
        if who is None and cls in ("use", "used") and actor_of:
            # no subject named (ولا يزال يستخدمه): the actor of the clause before
            who = [a for a in actor_of.values() if a][-1] if any(actor_of.values()) else None
        actor_of[k] = who
        if cls in ("use", "used", "remain"):
            _add(users, who)
    for m in frames:
        # not an advance or withdrawal only dating something (بعد تقدم مقاتلي داعش على جانبيه)
        if m.event is not None and str(m.event.get("actor") or "").startswith("actor:") \
                and not (m.kind == "move" and (dating(v, m, m.clause[0]) or m.asked)):
            _add(users, m.event["actor"])
    for fr in (x for x in frames if x.kind == "route"):
        for k in range(fr.last + 1, min(v.last, fr.last + 3) + 1):
            # ممر لعناصر التنظيم، خط الإمداد الأخير لقوات النظام
            if k in v.org_at:
                if v.doc.text[toks[k].start:v.org_at[k].start].endswith("ل") or \
                        (k - 1 > fr.last and toks[k - 1].norm.startswith("ل")) or \
                        (fr.route_kind == "supply_line" and v.doc.text[toks[k].start:v.org_at[k].start] == ""):
                    _add(users, v.org_at[k].ref)    # لمسلحي داعش؛ خط إمداد داعش: whom it supplies
                    _add(supplied, v.org_at[k].ref)
                break
            if toks[k].kind != "word" or k in v.covered or cues.marker(toks, k, k) is not None:
                break
        for k in range(fr.last + 1, min(fr.end, fr.last + 3) + 1):
            if toks[k].norm == "امام" and k + 1 in v.org_at:
                _add(users, v.org_at[k + 1].ref)   # المنافذ المتبقية أمام داعش
    for who in _vehicle_owners(v, frames):
        _add(users, who)    # تعرّض رتل تابع للحشد لكمين على الطريق، عجلات القوات على الطريق
    users = [u for u in users if _may_use(u)]
    return users, supplied, actor_of


# vehicles and columns whose owner, named after them, travels the road they are on (normalized stems)
VEHICLES = frozenset(normalize_ar(w).text for w in (
    "رتل", "أرتال", "قافلة", "قوافل", "شاحنة", "شاحنات", "عجلات", "عجلة", "آليات", "آلية", "دورية", "دوريات",
    "سيارة", "سيارات", "حافلة", "حافلات", "مركبة", "مركبات"))
BELONGS = frozenset(normalize_ar(w).text for w in (
    "تابع", "تابعة", "التابع", "التابعة", "تابعين", "التابعين", "يحمل", "تحمل", "محملة", "محملا", "إمدادات",
    "مساعدات", "غذائية", "إغاثية", "عسكري", "عسكرية"))      # words between a vehicle and its owner
OWNER_REACH = 4


def _vehicle_owners(v: SentenceView, frames: list[Frame]) -> list[str]:
    """The actor a vehicle on the route belongs to or carries for (رتل تابع لهيئة الحشد،
    رتل للقوات الأمريكية، عجلات القوات الأمنية، شاحنة تحمل إمدادات لبرنامج الأغذية): named
    right after the vehicle (genitive), after ل, or after تابع/تحمل …; with a possessive
    (أفاد البرنامج بأن قوافله عبرت المعبر) the actor named before it; "another" vehicle
    (فيما عبرت 35 شاحنة أخرى) has the owner of the one before. Vehicles in the route's clauses."""
    spans = sorted({f.clause for f in frames})
    out: list[str] = []
    last_owner = None
    for k in range(v.first, v.last + 1):
        owner = _owner(v, k)
        if owner is _NOT_VEHICLE:
            continue
        if owner is None and k + 1 <= v.last and v.toks[k + 1].norm in OTHER_WORDS:
            owner = last_owner      # شاحنة أخرى: as the trucks before
        last_owner = owner or last_owner
        if owner and any(lo <= k <= hi for lo, hi in spans):
            _add(out, owner)
    return out


_NOT_VEHICLE = object()
OTHER_WORDS = frozenset({"اخري", "اخرى", "اخر", "اضافيه"})     # normalized أخرى، آخر، إضافية
BARRED = frozenset({"امام", "وامام"})     # normalized أمام: vehicles the route is closed to
POSSESSIVE = frozenset({"ه", "ها", "هم", "هن"})


def _owner(v: SentenceView, k: int):
    """The owner of the vehicle at token ``k`` (None if not told), or _NOT_VEHICLE."""
    toks = v.toks
    if toks[k].kind != "word" or k in v.covered:
        return _NOT_VEHICLE
    if k > v.first and toks[k - 1].norm in BARRED and any(
            toks[x].kind == "word" and v.cues.status_of(toks[x]) == "closed" for x in range(max(v.first, k - 8), k - 1)):
        return None     # إغلاق المعبر أمام قوافلها: closed to them (سالكاً أمام أرتال الجيش: open to them)
    if not (_stems(toks[k].norm) & VEHICLES):
        if any(r.stem in VEHICLES and r.suffix in POSSESSIVE for r in readings(toks[k].norm)):
            before = [x for x in v.org_at if v.first <= x < k]
            return v.org_at[max(before)].ref if before else None
        return _NOT_VEHICLE
    for x in range(k + 1, min(v.last, k + OWNER_REACH) + 1):
        m = v.org_at.get(x)
        if m is not None:
            lead = v.doc.text[toks[x].start:m.start]
            return m.ref if (x == k + 1 and not lead) or lead.endswith("\u0644") else None
        if toks[x].kind != "word" or not (_stems(toks[x].norm) & BELONGS or toks[x].norm.startswith("\u0644")):
            return None
    return None


def _stems(norm: str) -> set[str]:
    return {st_ for _, st_ in proclitic_stems(norm)}


def _purpose(v: SentenceView, f: Frame, frames: list[Frame]) -> list[str]:
    """What the route is for: purpose words in its frames, what the movements along it
    are, and supply for a supply line."""
    cues, toks = v.cues, v.toks
    purpose: list[str] = []
    for fr in frames:
        for k in range(fr.first, fr.end + 1):
            p = cues.purpose_of(toks[k]) if toks[k].kind == "word" and k not in v.covered else None
            if p:
                _add(purpose, p)
        if fr.event is not None:
            _add(purpose, cues.event_purposes.get(fr.event["type"]))
    if f.route_kind == "supply_line":
        _add(purpose, "supply")
    return purpose


def _may_use(actor_id: str) -> bool:
    """An observatory or an outlet reports a route's traffic (رصد المرصد مرور قافلة); it
    does not travel it."""
    actor = load_actors().actors.get(actor_id)
    return actor is None or actor.type not in REPORTERS


def _add(lst: list, x) -> None:
    if x and x not in lst:
        lst.append(x)


def _closing_events(doc: Doc, f: Frame, tok, closing_types) -> dict[int, dict]:
    """Events that close the route (COERCE …) by the token of their trigger."""
    out = {}
    cue_tokens = {k for c, k in f.cues if c in ("closed", "contested")}
    for ev in doc.events:
        if ev["type"] in closing_types and ev.get("trigger"):
            k = tok(ev["trigger"]["start"])
            if k in cue_tokens:
                out[k] = ev
    return out


def _scope(v: SentenceView, f: Frame) -> str:
    """معظم الطرق → most, العديد من الممرات → some; a plural without a quantifier is all
    when definite (الطرق المؤدية إلى…), some when not (ممرات); a singular is one."""
    if not f.plural:
        return "one"
    k = f.first - 1
    if k >= v.first and v.toks[k].norm in ("من", "سوي", "الا"):
        k -= 1
    if k >= v.first and v.toks[k].kind == "word":
        s = v.cues.scope_of(v.toks[k].norm)
        if s:
            return s
    definite = any(stem.startswith(ARTICLE) for _, stem in proclitic_stems(v.toks[f.first].norm))
    return "all" if definite else "some"


def _date(dates, clause, sentence, at):
    for lo, hi in (clause, sentence):
        cands = [(abs(k - at), val) for k, val in dates if lo <= k <= hi]
        if cands:
            return min(cands, key=lambda c: c[0])[1]
    return None


def _confidence(route: dict, f: Frame, explicit_status: bool) -> float:
    """How much of the route the text grounds: two or more waypoints, a status word, a
    source, users, a length, and a route noun (not just a movement)."""
    c = 0.25
    c += 0.25 if len(route["waypoints"]) >= 2 else 0.1
    c += 0.15 if explicit_status else 0.0
    c += 0.1 if route["source"] else 0.0
    c += 0.05 if route["users"] else 0.0
    c += 0.05 if route["length_km"] else 0.0
    c += 0.1 if f.kind == "route" else 0.0
    return round(min(c, 0.95), 3)


def link_events(doc: Doc) -> None:
    """The events a route carries: movements along it, closures of it (step 5)."""
    for rt in doc.routes:
        frames = rt.pop("_frames")
        closing = rt.pop("_closing")
        evs = [fr.event for fr in frames if fr.event is not None] + list(closing.values())
        for ev in evs:
            if ev["id"] not in rt["events"]:
                rt["events"].append(ev["id"])
            ev.setdefault("route", rt["id"])
        if rt.get("continues"):
            parent = next((p for p in doc.routes if p["id"] == rt["continues"]), None)
            if parent is not None:
                for e in rt["events"]:
                    if e not in parent["events"]:
                        parent["events"].append(e)
