"""Steps 3-4 of the routes stage: movements folded into the route nouns beside them (or made
routes of their own), and one route per place or pair when a plural noun names several.
"""
from __future__ import annotations

from marsad.stages.routes.frames import unknown_name
from marsad.stages.routes.waypoints import Frame, SentenceView, people_noun, purpose_lam

ALONE_ROLES = frozenset({"through"})     # what a lone movement must name to be a route


def _through_marker(v: SentenceView, k: int) -> bool:
    """A through marker ends at token ``k`` (عبر، من خلال، عن طريق)."""
    for i in range(max(v.first, k - 2), k + 1):
        hit = v.cues.marker(v.toks, i, k)
        if hit is not None and hit == ("through", k):
            return True
    return False


def combine(v: SentenceView, frames: list[Frame]) -> list[dict]:
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
            if host.route_kind == "crossing" and not host.waypoints and unknown_name(v, host):
                # "إلى دوما عبر معبر مخيم الوافدين": a crossing named by a place not known
                # is that place; where the travellers went is not on it
                host.merged.append(m)
                host.cues.extend(m.cues)
                continue
            if host.route_kind == "crossing" and any(i.role == "name" for i in host.items):
                # "إيصال المساعدات إلى شمال سوريا من خلال معبر باب الهوى": a crossing is the
                # point it is named by; where its travellers come from or go is not on it
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
        if people_noun(v, m) and (host is None or (m.waypoints and own[id(host)])):
            if host is not None:    # لم يبق أمام الفارين من X سوى الطريق إلى Y
                host.cues.extend(m.cues)
            continue    # آلاف الفارين من لبنان: where the people come from is no route
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
