"""The routes stage: corridors, roads and crossings between places, with their status.

Per sentence of the body (see waypoints.py and status.py for the details):
  1. anchors  – route nouns (طريق، ممر، معبر، خط إمداد…) and movements (the trigger of a
                RETREAT, MOBILIZE or AID event) cut each clause into frames;
  2. places   – markers in a frame give waypoints in travel order (بين X و Y as written,
                not directed; من → إلى → ثم إلى), terrain crossed (عبر الصحراء → via) and
                the area it lies in (في X);
  3. movements – a flight with no places of its own travels the route beside it; a route
                noun with no places takes those of the movement beside it (فرّوا من حلب إلى
                إدلب عبر ممر آمن); when both name places, the movement is a route of its
                own that continues the corridor (``continues``), as in "a corridor between
                X and Y that fighters use to flee through the desert to Z";
  4. one route per place when a plural noun names places side by side (الممرات جنوبي
                الموصل وغربيها; ``group`` ties them); a lone movement is a route only when
                it says what it crosses (عبر، مروراً) — "فرّوا من حلب إلى إدلب" is no route;
  5. status, users (who uses, seeks or flees along it), closers, length (a distance after
                بطول/بمسافة or right after the noun), purpose, scope (معظم الطرق → most),
                date, the governing source, the events it carries (``events``; each such
                event gets ``route``), and a confidence from how much of that was found.
Routes with no waypoint are left out: nothing to draw.
"""
from __future__ import annotations

from bisect import bisect_left

from marsad.doc import Doc
from marsad.knowledge.actors import load_actors
from marsad.knowledge.route_cues import RouteCues, load_route_cues
from marsad.knowledge.triggers import TriggerLexicon, load_triggers
from marsad.pipeline import stage
from marsad.stages.routes import status as st
from marsad.stages.routes.waypoints import Frame, SentenceView, mention_maps, ordered, purpose_lam, read_frame, route_nouns
from marsad.stages.sources import source_at
from marsad.text.clitics import ARTICLE, proclitic_stems

ALONE_ROLES = frozenset({"through"})     # what a lone movement must name to be a route
TIME_WORDS = frozenset({"قبل"})          # with route_cues' "before" words: a movement that dates
OBJECT_PREPS = frozenset({"علي"})      # على (normalized): a status verb's object after an aside
HIT_AND_RUN = frozenset({"كر"})
COPULA = frozenset({"هو", "هي", "هما"})
RESTATING = frozenset({"وهو", "وهي", "هو", "هي", "يعد", "تعد", "يعتبر", "تعتبر", "بات", "باتت", "اصبح", "اصبحت",
                       "احد", "احدي", "اهم", "ابرز", "من"})   # (… أحد أهم خطوط الإمداد، من أبرز الطرق)


@stage("routes", requires=("tokens", "sentences", "mentions", "events"), assigns=("routes",))
def make_routes(route_cues: RouteCues | None = None, trigger_lexicon: TriggerLexicon | None = None, **_):
    cues = route_cues or load_route_cues()
    lex = trigger_lexicon or load_triggers()

    def routes(doc: Doc) -> Doc:
        doc.routes = []
        toks = doc.tokens
        if not toks or not doc.sentences:
            return doc
        starts = [t.start for t in toks]
        ctx = mention_maps(doc, starts)
        tok = ctx["tok"]
        moves = {}
        for ev in doc.events:
            if ev["type"] in cues.movement_events and ev.get("trigger"):
                moves.setdefault(tok(ev["trigger"]["start"]), ev)
        dates = sorted((tok(m.start), m.value) for m in doc.mentions if m.label == "DATE" and isinstance(m.value, dict))
        quants = sorted((tok(m.start), m) for m in doc.mentions
                        if m.label == "QUANTITY" and isinstance(m.value, dict) and m.value.get("kind") == "distance")
        before: list[dict] = []     # the routes of the sentence before
        for sent in doc.sentences:
            if sent.end <= doc.body_start:
                continue
            first = bisect_left(starts, max(sent.start, doc.body_start))
            last = bisect_left(starts, sent.end) - 1
            if first > last:
                continue
            v = SentenceView(doc, first, last, ctx, cues, lex)
            built = [rt for rt in _sentence(v, moves) if ordered(rt["items"])[0]]
            for rt in built:
                _finish(v, rt, doc, dates, quants, tok, len(doc.routes))
                doc.routes.append(rt["route"])
            if not built and before:
                _said_later(v, before[-1]["route"])
            before = built
        _link_events(doc)
        return doc

    return routes


def _sentence(v: SentenceView, moves: dict) -> list[dict]:
    framed = [((c0, c1), _frames(v, moves, c0, c1)) for c0, c1 in v.clauses()]
    if not any(fs for _, fs in framed):
        return []       # most sentences: no status word needs reading
    has_route = any(f.kind == "route" for _, fs in framed for f in fs)
    per_clause: list[tuple[tuple[int, int], list[Frame], list]] = []
    pending: list = []      # a verb whose object comes after an aside (سيطرت القوات، بإسناد …، على الطريق)
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
                  and not _aside(v, f, c0)]
        found += [("used", k) for k in (_passed_through(v, f, c0) for f in frames) if k is not None]
        if frames:
            if pending and v.toks[c0].norm in OBJECT_PREPS and frames[0].kind == "route" and frames[0].first == c0 + 1:
                frames[0].cues.extend(pending)
            pending = []
            st.assign(found, frames, v)
            found = []
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
            target = before[-1] if before else next((f for f in all_routes if f.first > c0), None)
            if target is not None:
                target.cues.extend(orphan)
    _restatements(v, [f for _, fs, _ in per_clause for f in fs if f.kind == "route"])
    out = []
    for _, frames, _ in per_clause:
        out.extend(_combine(v, [f for f in frames if not f.restates]))
    return out


def _frames(v: SentenceView, moves: dict, c0: int, c1: int) -> list[Frame]:
    """The anchors of a clause (route nouns, movements) with the places they introduce."""
    frames = route_nouns(v, c0, c1)
    taken = {k for f in frames for k in range(f.first, f.last + 1)}
    for k in range(c0, c1 + 1):
        ev = moves.get(k)
        if ev is not None and k > c0 and v.toks[k - 1].norm in HIT_AND_RUN:
            ev = None       # معارك كرّ وفرّ: hit-and-run fighting, no one fled
        if ev is not None and k not in taken:
            last = k
            while last + 1 <= c1 and starts_before(v, last + 1, ev["trigger"]["end"]):
                last += 1
            frames.append(Frame("move", k, last, c1, (c0, c1), event=ev))
    frames.sort(key=lambda f: f.first)
    for i, f in enumerate(frames):
        f.end = frames[i + 1].first - 1 if i + 1 < len(frames) else c1
        read_frame(v, f, f.last + 1, f.end)
    if frames and frames[0].first > c0 and v.toks[frames[0].first - 1].norm not in COPULA \
            and not (frames[0].route_kind == "crossing" and not frames[0].waypoints and _unknown_name(v, frames[0])):
        # words before the first anchor: "من حلب إلى دمشق عبر الطريق الدولي"; not before
        # a copula: "الحوار بين بغداد وأربيل هو الطريق الوحيد" names the subject's places
        read_frame(v, frames[0], c0, frames[0].first - 1, roles={"from", "to", "between", "through"})
    return frames


def _restatements(v: SentenceView, routes: list[Frame]) -> None:
    """A definite route noun naming no end of its own right after a route that names some,
    or after وهو/يعد… (طريق خناصر، وهو خط الإمداد الوحيد نحو حلب; الطريق من السلمية إلى
    خناصر المنفذ الوحيد نحو حلب), says more about that route: its places and cues join it."""
    for a, b in zip(routes, routes[1:]):
        host = a.restates or a
        if not a.waypoints and not b.waypoints and a.restates is None and _became(v, a, b):
            # تقلصت المعابر إلى معبر واحد: the narrowing is told of the one left
            b.cues.extend(a.cues)
            b.merged.append(a)
            a.restates = b
            continue
        if host.waypoints and not b.items and b.route_kind == "supply_line" and host.route_kind != "supply_line" \
                and not _other_after(v, b):
            # سيطرت القوات على الطريق بين X وY، ما قطع خط إمداد Z: the road is that supply line
            host.cues.extend(b.cues)
            host.merged.append(b)
            b.restates = host
            continue
        if not a.waypoints and b.waypoints and a.restates is None and _copula_between(v, a, b):
            # تقلصت المعابر إلى معبر واحد هو معبر الطبقة: what is said of the one is said of the other
            b.cues.extend(a.cues)
            b.merged.append(a)
            a.restates = b
            continue
        if not host.waypoints or any(i.role in ("name", "between", "from") for i in b.items):
            continue
        if not b.items and _bare_mention(v, b, host):
            # "…الطريق الواصل بين X وY، مشيرة إلى أن الطريق شهد اشتباكات": the same road again
            host.cues.extend(b.cues)
            host.merged.append(b)
            b.restates = host
            continue
        end = max([a.last] + [i.last for i in a.items])
        if not all((v.toks[k].kind == "punct" and v.toks[k].text in ("،", ",")) or v.toks[k].norm in RESTATING
                   for k in range(end + 1, b.first)):
            continue
        if not any(stem.startswith(ARTICLE) for k in range(b.first, b.last + 1)
                   for _, stem in proclitic_stems(v.toks[k].norm)):
            continue
        named = any(i.role in ("name", "between") for i in host.items)
        # المنفذ الوحيد لإيصال البضائع إلى X: a named route does not go where the goods do
        host.items.extend(i for i in b.items if not (named and b.purpose_at is not None and i.first > b.purpose_at))
        host.via.extend(b.via)
        host.cues.extend(b.cues)
        host.merged.append(b)
        b.restates = host


OTHER = frozenset({"اخر", "الاخر", "الاخري", "اخري", "ثاني", "الثاني", "ثان"})


def _copula_between(v: SentenceView, a: Frame, b: Frame) -> bool:
    """Only a copula (and a word of number: واحد، الوحيد) between route nouns ``a`` and ``b``."""
    between = [v.toks[k] for k in range(a.last + 1, b.first)]
    return any(t.norm in COPULA for t in between) and all(
        t.kind == "word" and (t.norm in COPULA or v.cues.scope_of(t.norm) == "one") for t in between)


def _became(v: SentenceView, a: Frame, b: Frame) -> bool:
    """Placeless route noun ``a`` said to narrow to route noun ``b`` (… إلى معبر واحد)."""
    if not any(c.split(":")[0] in ("narrowing", "remain") for c, _ in a.cues):
        return False
    hit = v.cues.marker(v.toks, b.first - 1, b.first - 1)
    return hit is not None and hit[0] == "to" and not any(k in v.loc_at for k in range(a.last + 1, b.first))


def _bare_mention(v: SentenceView, b: Frame, host: Frame) -> bool:
    """Route noun ``b`` is the same kind as ``host``, definite, singular, with no adjective
    or "other" after it: the route named before, mentioned again."""
    if b.plural or b.last != b.first or b.route_kind != host.route_kind or b.first <= host.end:
        return False
    if not any(stem.startswith(ARTICLE) for _, stem in proclitic_stems(v.toks[b.first].norm)):
        return False
    return not _other_after(v, b)


def _other_after(v: SentenceView, b: Frame) -> bool:
    """"الطريق الآخر، خطوط الإمداد الأخرى": another route than the one named."""
    nxt = b.last + 1
    return nxt <= v.last and v.toks[nxt].kind == "word" and v.toks[nxt].norm in OTHER


def _said_later(v: SentenceView, route: dict) -> None:
    """A sentence naming no route whose status word points back with a pronoun (وقد
    قررت السلطات إغلاقه، تمكنت القوات من إعادة فتحه) tells what became of the route of
    the sentence before: that is its status now."""
    found = st.collect(v, v.first, v.last, set())
    back = [(c, k) for c, k in found if any(v.cues.refers_back(v.toks[j]) for j in range(k, min(v.last, k + 2) + 1)
                                            if j == k or c == "reopen")]
    if not back:
        # "غير أن الطريق أُغلق مجدداً": the same kind of route named again, bare and definite
        for c0, c1 in v.clauses():
            if any(_bare_again(v, k, route.get("kind")) for k in range(c0, c1 + 1)):
                # (وكان الطريق نفسه قد أُغلق الأسبوع الماضي: before, not now)
                back = [(c, k) for c, k in found if c0 <= k <= c1
                        and not any(v.cues.has(v.cues.past_words, v.toks[x].norm) for x in range(max(c0, k - 4), k))]
                break
    status, why = st.resolve(back)
    if status != "unknown":
        route["status"] = status
        route["reasons"] = [r for r in route["reasons"] if not r.startswith("status:")] + \
            [f"status: {', '.join(why)} (the sentence after)"]


def _bare_again(v: SentenceView, k: int, kind) -> bool:
    """A definite singular route noun of ``kind`` at token ``k`` naming no place after it."""
    hit = v.cues.route_noun(v.toks, k, v.last)
    if hit is None or hit[2] or hit[0] != kind:
        return False
    if not any(stem.startswith(ARTICLE) for _, stem in proclitic_stems(v.toks[k].norm)):
        return False
    nxt = hit[1] + 1
    return not (nxt <= v.last and (nxt in v.loc_at or v.cues.marker(v.toks, nxt, v.last) is not None))


def _passed_through(v: SentenceView, f: Frame, c0: int) -> int | None:
    """"خرجت الدفعة … عبر ممر آمن": something went through the route noun, so it was
    travelled (the marker's token), unless only asked for, planned or denied."""
    if f.kind != "route":
        return None
    for k in range(max(c0, f.first - 2), f.first):
        hit = v.cues.marker(v.toks, k, f.first - 1)
        if hit is not None and hit == ("through", f.first - 1):
            if k == c0 or st.hedged(v, k, c0):
                return None
            return k
    return None


def _aside(v: SentenceView, f: Frame, c0: int) -> bool:
    """A movement that only dates something (قبل انسحابه، بعد خروجهم), says what the
    route is for (ممر لإدخال المساعدات) or was seized (ضبطت الشرطة شحنة أسلحة): it does
    not say the route was travelled."""
    if _dating(v, f, c0):
        return True
    if any(v.toks[k].kind == "word" and v.cues.has(v.cues.seizure_words, v.toks[k].norm)
           for k in range(max(c0, f.first - 4), f.first)):
        return True     # ضبطت الأجهزة الأمنية شحنة أسلحة على الطريق: stopped, not travelled
    hit = v.lex.match(v.toks, f.first)
    return hit is not None and hit.analysis.pos == "noun" and hit.analysis.prefix.endswith("\u0644")


def _dating(v: SentenceView, f: Frame, c0: int) -> bool:
    """A movement after بعد/قبل… (بعد انسحاب الفصائل): it dates what is said."""
    return f.first > c0 and v.cues.has(v.cues.before_words | TIME_WORDS, v.toks[f.first - 1].norm)


def starts_before(v: SentenceView, k: int, end: int) -> bool:
    return v.toks[k].start < end


def _unknown_name(v: SentenceView, f: Frame) -> bool:
    """A word right after the route noun (over place heads) that is no known place, marker
    or status word: the noun is named by a place the gazetteer does not know."""
    k = f.last + 1
    while k <= f.end and v.toks[k].kind == "word" and v.cues.has(v.cues.place_heads, v.toks[k].norm) \
            and k not in v.loc_at:
        k += 1
    if k > f.end or v.toks[k].kind != "word" or k in v.loc_at or k in v.covered:
        return False
    return v.cues.marker(v.toks, k, f.end) is None and v.cues.status_of(v.toks[k]) is None


def _through_marker(v: SentenceView, k: int) -> bool:
    hit = v.cues.marker(v.toks, k, k)
    return hit is not None and hit[0] == "through"


def _combine(v: SentenceView, frames: list[Frame]) -> list[dict]:
    """Fold movements into route nouns (or make them routes of their own) – step 3."""
    routes = [f for f in frames if f.kind == "route"]
    parents: dict[int, Frame] = {}
    own = {id(f): bool(f.waypoints) for f in routes}     # places named by the noun itself
    standalone: list[Frame] = []
    for m in (f for f in frames if f.kind == "move"):
        prev = [r for r in routes if r.first < m.first]
        nxt = [r for r in routes if r.first > m.first]
        if nxt and m.waypoints and m.end == nxt[0].first - 1 and _through_marker(v, nxt[0].first - 1):
            # "من تركيا إلى إدلب عبر معبر باب الهوى": the movement's path passes the crossing
            host = nxt[0]
            if host.route_kind == "crossing" and not host.waypoints and _unknown_name(v, host):
                # "إلى دوما عبر معبر مخيم الوافدين": a crossing named by a place not known
                # is that place; where the travellers went is not on it
                host.merged.append(m)
                host.cues.extend(m.cues)
                continue
            for i in host.items:
                if i.role in ("name", "between"):
                    i.role = "through"
            host.merged.append(m)
            host.items.extend(m.items)
            host.via.extend(m.via)
            host.cues.extend(m.cues)
            continue
        host = prev[-1] if prev else (nxt[0] if nxt else None)
        if host is None:
            if any(i.role in ALONE_ROLES for i in m.items) or m.via:
                standalone.append(m)
            continue
        if not m.waypoints or not own[id(host)]:
            host.merged.append(m)
            host.items.extend(m.items)
            host.via.extend(m.via)
            host.cues.extend(m.cues)
        elif prev and not (m.first > prev[-1].first and purpose_lam(v, m.first - 1)):
            # (not "طريق X – Y لإيصال التعزيزات إلى Z": what it carries goes there, not it)
            parents[id(m)] = host
            standalone.append(m)
        elif any(i.role in ALONE_ROLES for i in m.items) or m.via:
            standalone.append(m)
        else:
            # "لم يبق أمام الفارين من X سوى الطريق إلى Y": the people's flight is no
            # route, but what the clause says of it says it of the road
            host.cues.extend(m.cues)
    out = []
    for f in routes:
        out.extend(_split(f))
    for m in standalone:
        out.append({"frame": m, "items": m.items, "parent": parents.get(id(m))})
    return out


def _split(f: Frame) -> list[dict]:
    """One route per place when a plural noun names places side by side, and one per
    pair when it names pairs (الطريقين بين كركوك وتكريت وبين كركوك وبغداد) – step 4."""
    way = f.waypoints
    others = [i for i in f.items if i not in way or i.role not in ("between",)]
    each = [i for i in way if i.role == "between" and i.join == "each"]
    base = [i for i in way if i.role == "between" and i.join != "each"][:1]
    if each and base:   # الطريقين بين ترهونة وكل من بني وليد وغريان: one route each
        return [{"frame": f, "items": base + [i] + others, "parent": None, "group": len(each) > 1} for i in each]
    pairs: list[list] = []
    for i in way:
        if i.role == "between":
            if i.join is None or not pairs:
                pairs.append([])
            pairs[-1].append(i)
    if f.plural and len(pairs) >= 2 and all(len(p) >= 2 for p in pairs):
        return [{"frame": f, "items": p + others, "parent": None, "group": True} for p in pairs]
    named: list[list] = []      # طريقي حمص – طرطوس وحمص – تدمر: a dash continues a name, و starts one
    for i in way:
        if i.role == "name":
            if i.join != "dash" or not named:
                named.append([])
            named[-1].append(i)
    if f.plural and len(named) >= 2 and any(len(p) >= 2 for p in named):
        rest = [i for i in f.items if i.role == "area"]
        return [{"frame": f, "items": p + rest, "parent": None, "group": True} for p in named]
    names = [i for i in way if i.role == "name"]
    if f.plural and len(names) >= 2 and all(i.join in (None, "and") for i in names):
        way = names     # معبري نصيب والرمثا باتجاه الأردن: two crossings, wherever they lead
    if f.plural and len(way) >= 2 and all(i.role in ("name", "to") for i in way) \
            and all(i.join in (None, "and") for i in way) and len({i.role for i in way}) == 1:
        area = [i for i in f.items if i.role == "area"]
        return [{"frame": f, "items": [i] + area, "parent": None, "group": True} for i in way]
    return [{"frame": f, "items": f.items, "parent": None}]


def _finish(v: SentenceView, rt: dict, doc: Doc, dates, quants, tok, n: int) -> None:
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
    # users: subjects of use verbs, the actor left with it, actors of the movements along it
    users, closers, supplied = [], [], []
    closing = _closing_events(doc, f, tok, cues.closing_events)
    actor_of: dict[int, str | None] = {}
    for cls, k in sorted(f.cues, key=lambda c: c[1]):
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
                and not (m.kind == "move" and _dating(v, m, m.clause[0])):
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
    users = [u for u in users if _may_use(u)]
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
    # length: a distance after a length word, or right after the noun, in its own frames
    length = None
    for k, m in quants:
        if not any(fr.first <= k <= fr.end for fr in frames):
            continue
        # a length word before it in the clause (يبلغ طول الممر … 60 كيلومتراً), or the
        # distance right after the noun; "على بعد 5 كم من" is a distance from, not a length
        k0 = _range_start(v, k)
        before = [toks[j].norm for j in range(lo, k0)]
        adjacent = f.kind == "route" and f.last < k0 <= f.last + 1
        if adjacent or any(cues.has(cues.length_words, w) for w in before):
            length = _route_length(v, k, m, lo)
            reasons.append(f"length: {m.text}")
            break
    if length is None and f.kind == "route":
        # an aside after the route: "الطريق بين X وY، البالغ طوله نحو 110 كيلومترات، …"
        for k, m in quants:
            k0 = _range_start(v, k)
            if f.end < k <= v.last and all(v.cues.route_noun(toks, j, j) is None for j in range(f.end + 1, k)) \
                    and any(cues.has(cues.length_words, toks[j].norm) for j in range(max(f.end + 1, k0 - 3), k0)):
                length = _route_length(v, k, m, f.end + 1)
                reasons.append(f"length: {m.text}")
                break
    # purpose: words in the frames, and what the movements along it are
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


REPORTERS = frozenset({"observatory", "media"})


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


RANGE_PAIRS = {"بين": ("و",), "من": ("الي", "حتي"), "ما": ()}   # بين 15 و20، من 30 إلى 40 (normalized)


def _number(tok) -> float | int | None:
    try:
        x = float(tok.norm.replace("٫", ".").replace(",", "."))
    except ValueError:
        return None
    return int(x) if x.is_integer() else x


def _range_low(v: SentenceView, k: int) -> tuple[int, float | int] | None:
    """"بين 15 و20 كيلومتراً"، "من 30 إلى 40 كم": a distance at token ``k`` that closes a
    range: (the range's first token, its low number)."""
    if k - 3 < v.first or v.toks[k - 2].kind != "number":
        return None
    opener = v.toks[k - 3].norm
    joins = RANGE_PAIRS.get(opener[1:] if opener[:1] in ("\u0648", "\u0641") and opener[1:] in RANGE_PAIRS else opener)
    if not joins or v.toks[k - 1].norm not in joins:
        return None
    low = _number(v.toks[k - 2])
    return (k - 3, low) if low is not None else None


def _range_start(v: SentenceView, k: int) -> int:
    r = _range_low(v, k)
    return r[0] if r else k


def _route_length(v: SentenceView, k: int, m, lo: int) -> dict:
    """The length a distance mention gives: a range (بين 15 و20) gives both ends; a bound
    phrase split by the length noun (يزيد طوله على 60، لا يقل طولها عن 5) is that bound."""
    value = dict(m.value)
    r = _range_low(v, k)
    if r is not None and isinstance(value.get("value"), (int, float)):
        lo_len = _length(dict(value, value=r[1], bound="exact"))["min"]
        hi_len = _length(dict(value, bound="exact"))["max"]
        if lo_len < hi_len:
            return {"min": lo_len, "max": hi_len}
    if value.get("bound") == "exact":
        from marsad.stages.quantities import _match_backward, quantity_words
        words = [v.toks[j].norm for j in range(max(lo, k - 5), k)
                 if not (v.toks[j].kind == "word" and v.cues.has(v.cues.length_words, v.toks[j].norm))]
        hit = _match_backward(words, len(words), quantity_words().bounds)
        if hit is not None and hit[0][1] in ("min", "max"):
            value["bound"] = hit[0][1]
    return _length(value)


def _length(value: dict) -> dict:
    v = value.get("value")
    unit = value.get("unit")
    if isinstance(v, (int, float)):
        v = {"km": v, "m": v / 1000, "mi": v * 1.609344}.get(unit, v)
        v = round(v, 3) if isinstance(v, float) else v
    bound = value.get("bound")
    if bound == "min":
        return {"min": v, "max": None}
    if bound == "max":
        return {"min": None, "max": v}
    out = {"min": v, "max": v}
    if bound == "approx":
        out["approx"] = True
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


def _link_events(doc: Doc) -> None:
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
