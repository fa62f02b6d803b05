"""One sentence of the routes stage, from clauses to combined frames: each clause's frames
(frames.py), the status cues of its words given to them (status.py), cues of a clause
with no anchor that point back, restatements (restate.py), then movements folded in
(combine.py). The records are built from the result by record.py.
"""
from __future__ import annotations

from bisect import bisect_left

from marsad.stages.routes import status as st
from marsad.stages.routes.combine import combine
from marsad.stages.routes.context import governed, near_before
from marsad.stages.routes.frames import clause_frames, dating
from marsad.stages.routes.restate import restatements
from marsad.stages.routes.waypoints import Frame, SentenceView, people_noun, read_frame

OBJECT_PREPS = frozenset({"علي"})      # على (normalized): a status verb's object after an aside
FIGHTS = frozenset({"contested", "shelled"})
AND = "\u0648"


def sentence_routes(v: SentenceView, moves: dict) -> list[dict]:
    a = bisect_left(v.anchors, v.first)
    if not (a < len(v.anchors) and v.anchors[a] <= v.last) and not any(v.first <= k <= v.last for k in moves):
        return []       # no route noun, line or movement: no clause has a frame (most sentences)
    framed = [((c0, c1), clause_frames(v, moves, c0, c1)) for c0, c1 in v.clauses()]
    if not any(fs for _, fs in framed):
        return []       # most sentences: no status word needs reading
    has_route = any(f.kind == "route" for _, fs in framed for f in fs)
    per_clause: list[tuple[tuple[int, int], list[Frame], list]] = []
    pending: list = []      # a verb whose object comes after an aside (سيطرت القوات، بإسناد …، على الطريق)
    witness = None          # a route noun after شهد: the clauses after it tell what it saw
    for (c0, c1), frames in framed:
        if not frames and not has_route:
            continue    # orphan cues only ever go to a route noun
        skip = set()
        for f in frames:
            if f.kind == "route":     # a movement's verb may be a status word too (يلجأ إليه)
                skip.update(range(f.first, f.last + 1))
            skip.update(f.markers)
        found = st.collect(v, c0, c1, skip)
        # a movement along the route (reported or attempted) says it was travelled
        found += [("used", f.first) for f in frames if f.kind == "move"
                  and f.event.get("status") in ("reported", "attempted") and not f.event.get("negated")
                  and not _aside(v, f, c0) and not _asked_move(v, f, c0)
                  and (not people_noun(v, f) or _reaches(v, f, frames))]
        found += [("used", k) for k in (_passed_through(v, f, c0) for f in frames) if k is not None]
        if not frames and _extends(v, c0, per_clause):
            continue    # ، يمتد من X إلى Y: the extent of the route before
        routes_here = [f for f in frames if f.kind == "route"]
        if routes_here:
            witness = next((f for f in routes_here if f.first > v.first
                            and v.cues.has(v.cues.witness_words, v.toks[f.first - 1].norm)), None)
        elif witness is not None and found:
            witness.cues.extend(found)  # شهد معبر X، اليوم، توافد آلاف الفارين: what it saw
            found = []
        if frames:
            if pending and frames[0].kind == "route" and (
                    (v.toks[c0].norm in OBJECT_PREPS and frames[0].first == c0 + 1)
                    or (frames[0].first == c0 and v.toks[c0].norm[:1] != AND)
                    or _object_on(v, frames[0], c0, found)):
                # سيطرت القوات، بإسناد …، على الطريق; افتتح المدير، صباح اليوم، منفذ القائم:
                # the verb's object after an aside
                frames[0].cues.extend(pending)
            elif pending:
                fights = [c for c in pending if c[0] in FIGHTS]
                on = next((f for f in frames if f.kind == "route" and f.first > c0
                           and v.toks[f.first - 1].norm in OBJECT_PREPS), None)
                if fights and on is not None:
                    on.cues.extend(fights)  # تدور معارك بين X، …، وY على الطريق: fought on the road
            if any(f.kind == "route" for f in frames):
                pending = []    # (an aside with a movement in it, وسط تحشيد كبير، keeps them)
                st.assign(found, frames, v)
                found = []
            else:   # only movements: "…، ضاق إلى حد كبير بعد تقدم القوات" still tells of the road
                orphan = [c for c in st.orphans(v, found, c0) if c[1] < frames[0].first]
                st.assign([c for c in found if c not in orphan], frames, v)
                found = orphan
        else:
            orphan = st.orphans(v, found, c0)
            pending += [c for c in found if c not in orphan]
            found = orphan
        per_clause.append(((c0, c1), frames, found))
    # cues of a clause without anchors that point back (…، وهو ما زال يستخدمه التنظيم)
    # go to the nearest route of the sentence
    all_routes = [f for _, fs, _ in per_clause for f in fs if f.kind == "route"]
    for (c0, _), _, orphan in per_clause:
        if orphan:
            before = [f for f in all_routes if f.first < c0]
            named = [f for f in before if f.waypoints]    # not a nickname (، المعروف بطريق الموت،)
            target = (named or before)[-1] if before else next((f for f in all_routes if f.first > c0), None)
            if target is not None:
                target.cues.extend(orphan)
    _at_crossing(v, all_routes)
    _included(v, per_clause)
    _coordinated(v, all_routes)
    restatements(v, [f for _, fs, _ in per_clause for f in fs if f.kind == "route"])
    out = []
    for _, frames, _ in per_clause:
        out.extend(combine(v, [f for f in frames if not f.restates]))
    return out


def _coordinated(v: SentenceView, routes: list[Frame]) -> None:
    """"قطعت القوات طريق مليط – الفاشر وطريق كبكابية – الفاشر": a route noun joined by و right
    after a route whose places end there shares what is told of it, when nothing is told of
    its own."""
    for a, b in zip(routes, routes[1:]):
        end = max([a.last] + [i.last for i in a.items])
        if b.first == end + 1 and v.toks[b.first].text.startswith(AND) and a.cues and not b.cues:
            b.cues.extend(a.cues)


INCLUDING = (("بما", "في", "ذلك"), ("بما", "فيها"), ("بما", "فيه"), ("ومنها",), ("منها",), ("ومن", "بينها"),
             ("من", "بينها"), ("لا", "سيما"), ("ولا", "سيما"), ("خاصة",), ("وخاصة",), ("خصوصا",), ("وخصوصا",))
AT = frozenset({"عند", "قرب", "في", "امام"})


def including_at(v: SentenceView, c0: int) -> int | None:
    """The last token of an "including" phrase opening the clause at ``c0`` (، بما في ذلك
    عبر طريق X؛ ، ومنها طريق X): the clause names a member of what the clause before told."""
    for words in INCLUDING:
        end = c0 + len(words) - 1
        if end <= v.last and all(v.toks[c0 + i].norm == w for i, w in enumerate(words)):
            return end
    return None


def _included(v: SentenceView, per_clause: list) -> None:
    """"تبقى المنافذ الرئيسية مغلقة، ومنها طريق الحوبان": a route named as one of a set of
    routes told of in the clause before takes what was told of the set, when nothing is told
    of it alone."""
    for n in range(1, len(per_clause)):
        (c0, _), frames, _ = per_clause[n]
        if including_at(v, c0) is None:
            continue
        members = [f for f in frames if f.kind == "route" and not f.cues and f.waypoints]
        sets = [f for f in per_clause[n - 1][1] if f.kind == "route" and f.plural and f.cues]
        if members and sets:
            for f in members:
                f.cues.extend(sets[-1].cues)


def _object_on(v: SentenceView, f: Frame, c0: int, found: list) -> bool:
    """"سيّرت القوات، الأربعاء، دورية مشتركة على الطريق": after an aside, the verb's object
    (a few words with no status word of their own, no و opening them) then على and the route."""
    k = f.first - 1
    return k - c0 <= OBJECT_WORDS and k > c0 and v.toks[k].norm in OBJECT_PREPS and not found \
        and v.toks[c0].norm[:1] != AND and all(v.toks[x].kind == "word" and x not in v.loc_at for x in range(c0, k))


OBJECT_WORDS = 4


def _at_crossing(v: SentenceView, routes: list[Frame]) -> None:
    """"استهدفت الغارة الطريق عند معبر المصنع": a road named by no place, right before the
    crossing it reaches, is that crossing's road: what is told of it is told of the crossing."""
    for f, g in zip(routes, routes[1:]):
        if f.waypoints or f.plural or g.route_kind != "crossing" or not g.waypoints:
            continue
        if g.first == f.last + 2 and v.toks[f.last + 1].norm in AT:
            g.cues.extend(f.cues)
            f.cues = []


def _demanded(v: SentenceView, k: int, c0: int) -> bool:
    """The through phrase at token ``k`` lies inside what a demand asks for (دعا … إلى تمديد
    آلية إيصال المساعدات … من خلال معبر X؛ دعوتها إلى ضمان وصول …، بما في ذلك عبر طريق X),
    within the clause or, when the clause opens with "بما في ذلك", the one before."""
    lo = c0
    if including_at(v, c0) is not None:
        lo = next((a for a, b in v.clauses() if b < c0 and b >= c0 - 2), c0)
        lo = max(v.first, min(lo, c0))
    for x in range(k - 1, max(lo, k - DEMANDED_REACH) - 1, -1):
        if v.toks[x].kind == "word" and governed(v, x, lo) \
                and near_before(v, x, v.first, v.cues.demand_words, DEMAND_OBJECT, over_names=True):
            return True
    return False


DEMANDED_REACH = 24
DEMAND_OBJECT = 8       # دعا غوتيريش، مجلس الأمن الدولي إلى تمديد: the demand, its addressee, then إلى


def _asked_move(v: SentenceView, f: Frame, c0: int) -> bool:
    """A movement only asked for (دعا المجلس إلى تمديد آلية إيصال المساعدات): not done, so
    no use, and its actor is no user (``asked`` is kept on the frame)."""
    f.asked = f.kind == "move" and _demanded(v, f.first + 1, c0)
    return f.asked


def _passed_through(v: SentenceView, f: Frame, c0: int) -> int | None:
    """"خرجت الدفعة … عبر ممر آمن": something went through the route noun, so it was
    travelled (the marker's token), unless only asked for, planned or denied."""
    if f.kind != "route":
        return None
    for k in range(max(c0, f.first - 2), f.first):
        hit = v.cues.marker(v.toks, k, f.first - 1)
        if hit is not None and hit == ("through", f.first - 1):
            if k == c0 or st.hedged(v, k, c0) or _demanded(v, k, c0):
                return None
            return k
    return None


EXTENT = frozenset({"يمتد", "تمتد", "ويمتد", "وتمتد"})


def _extends(v: SentenceView, c0: int, per_clause: list) -> bool:
    """A clause that opens with يمتد/تمتد and names places (، يمتد من منطقة X إلى Y) gives
    the extent of the last route before it: its places replace the from/to places that
    route took from what it is for (ممر لخروج المدنيين من الفلوجة)."""
    if v.toks[c0].norm not in EXTENT:
        return False
    host = next((f for _, fs, _ in reversed(per_clause) for f in reversed(fs) if f.kind == "route"), None)
    if host is None:
        return False
    c1 = next(b for a, b in v.clauses() if a == c0)
    span = Frame("route", c0, c0, c1, (c0, c1), route_kind=host.route_kind)
    read_frame(v, span, c0 + 1, c1, roles={"from", "to", "between", "through"})
    if not span.waypoints:
        return False
    host.items = [i for i in host.items if i.role not in ("from", "to")] + span.items
    return True


def _reaches(v: SentenceView, f: Frame, frames: list[Frame]) -> bool:
    """Movement ``f`` goes to or through the route noun after it (الفارين من الخرطوم إلى
    منفذ أرقين، النازحين عبر الممر)."""
    nxt = next((r for r in frames if r.kind == "route" and r.first > f.first), None)
    if nxt is None or nxt.first - 1 > f.end + 1:
        return False
    hit = v.cues.marker(v.toks, nxt.first - 1, nxt.first - 1)
    return hit is not None and hit[0] in ("to", "through")


def _aside(v: SentenceView, f: Frame, c0: int) -> bool:
    """A movement that only dates something (قبل انسحابه، بعد خروجهم), says what the
    route is for (ممر لإدخال المساعدات) or was seized (ضبطت الشرطة شحنة أسلحة): it does
    not say the route was travelled."""
    if dating(v, f, c0):
        return True
    if any(v.toks[k].kind == "word" and v.cues.has(v.cues.seizure_words, v.toks[k].norm)
           for k in range(max(c0, f.first - 4), f.first)):
        return True     # ضبطت الأجهزة الأمنية شحنة أسلحة على الطريق: stopped, not travelled
    hit = v.lex.match(v.toks, f.first)
    return hit is not None and hit.analysis.pos == "noun" and hit.analysis.prefix.endswith("\u0644")
