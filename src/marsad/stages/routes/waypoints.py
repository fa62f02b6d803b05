"""Where a route runs: the route nouns and movements of a sentence, and the places their
markers introduce, put in travel order.

A sentence is cut into clauses (punctuation and clause words, as the events stage does,
but never at a dash – "طريق بغداد – كركوك" is one name – nor at ثم, which chains the
stops of one journey: "إلى البعاج ومن ثم إلى الرقة"). In a clause, every route noun
(طريق، ممر، معبر…) and every movement (a RETREAT/MOBILIZE/AID event's trigger) is an
anchor; an anchor's frame runs to the next anchor. Words before the clause's first anchor
belong to it (أغلقت القوات الطريق…). In a frame, a marker introduces a place:
    بين X و Y → between (as written, not directed)     من X → from
    إلى/نحو/باتجاه/المؤدية إلى X → to ("ثم إلى Y": the next stop)
    عبر/مروراً بـ X → through (or terrain: عبر الصحراء → via)   قرب/القريبة من X → near
    في X → area (where the route lies, not a waypoint)
and a place right after the noun names it (طريق بغداد – كركوك، معبر رفح، الممرات جنوبي
الموصل; across a place head: طريق مطار بغداد). Places joined by و or a dash take the role
of the one before. A named crossing's بين places are the sides it joins (across). A
crossing noun after a marker, once the clause has its road, is a place head (الطريق من
بغداد إلى منفذ طريبيل).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from marsad.doc import Doc
from marsad.knowledge.route_cues import RouteCues, noun_stems, stems
from marsad.knowledge.triggers import TriggerLexicon
from marsad.text.normalize import normalize_key
from marsad.text.segment import split_clauses

BREAK_PUNCT = frozenset({",", "،", ";", "؛", ":", ".", "!", "?", "؟", "(", ")", "[", "]", "|", "…"})
DASHES = frozenset({"-", "–", "—", "/"})
AND = "\u0648"   # و
PASSING = ("مرورا", "ومرورا")   # normalized مروراً: "يربط تعز بعدن، مروراً بالتربة" goes on past the comma
THEN_FIRST = frozenset({"ثم", "وثم", "ومن", "من", "ومنها", "منها", "بعدها", "وبعدها"})   # first words of a "then" marker
COPULA_WORDS = frozenset({"هو", "هي"})
SIDE_WORDS = frozenset(w.replace("\u0629", "\u0647") for w in (
    "الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشمالية", "الجنوبية", "الشرقية", "الغربية"))


@dataclass
class Item:
    role: str            # between | from | to | through | near | across | name | area
    ref: str             # place id
    first: int           # token span of the place mention
    last: int
    join: str | None     # "and" | "dash" | "then" | None: how it hangs on the item before


@dataclass
class Frame:
    kind: str                                  # "route" (a route noun) | "move" (a movement event)
    first: int                                 # anchor tokens
    last: int
    end: int                                   # last token of the frame
    clause: tuple[int, int]
    route_kind: str | None = None              # road | corridor | … for route nouns
    plural: bool = False
    event: dict | None = None                  # the movement event of a "move" frame
    items: list[Item] = field(default_factory=list)
    via: list[tuple[str, str]] = field(default_factory=list)    # (terrain class, surface)
    markers: list[int] = field(default_factory=list)            # marker token indices
    cues: list[tuple[str, int]] = field(default_factory=list)   # (status class, token) – status.py
    merged: list["Frame"] = field(default_factory=list)         # movement frames folded in
    route: dict | None = None                                   # the route record built from it
    restates: "Frame | None" = None                             # the route this noun says more about
    purpose_at: int | None = None                               # لإدخال، لإيصال… (what the route is for)
    asked: bool = False                                         # a movement only asked for

    @property
    def waypoints(self) -> list[Item]:
        return [i for i in self.items if i.role not in ("area", "across")]

    def all_frames(self) -> list["Frame"]:
        return [self, *self.merged]


class SentenceView:
    """Token-level view of one sentence: LOC and ORG mentions by token, clause bounds."""

    def __init__(self, doc: Doc, first: int, last: int, ctx: dict, cues: RouteCues, lex: TriggerLexicon):
        self.doc, self.first, self.last, self.cues, self.lex = doc, first, last, cues, lex
        self.toks = doc.tokens
        self.loc_at: dict[int, object] = ctx["loc_at"]       # first token → top-level LOC mention
        self.loc_last: dict[int, int] = ctx["loc_last"]      # first token → last token of that mention
        self.covered: set[int] = ctx["covered"]              # tokens inside any LOC/ORG/PERS mention
        self.org_at: dict[int, object] = ctx["org_at"]       # token → ORG mention with an actor ref
        self.in_source = ctx["in_source"]
        self.anchors: list[int] = ctx["anchors"]             # tokens that may begin a route noun or line

    def is_break(self, j: int) -> bool:
        t = self.toks[j]
        if t.kind == "punct":
            return (t.text in BREAK_PUNCT or t.norm in BREAK_PUNCT) and not self._then_to(j + 1) \
                and not (j + 1 <= self.last and self.toks[j + 1].norm.startswith(PASSING))
        if t.kind != "word":
            return False
        if t.norm in ("ثم", "ومن"):
            return False
        return t.norm in self.lex.cues["clause_breaks"] or (
            t.norm in ("ان", "وان") and j > 0 and self.toks[j - 1].norm in ("بعد", "قبل", "وبعد"))

    def _then_to(self, j: int) -> bool:
        """"، ومن ثم إلى عدن": a next stop after a comma continues the journey."""
        if j > self.last or self.toks[j].norm not in THEN_FIRST:
            return False
        hit = self.cues.marker(self.toks, j, self.last)
        if hit is None or hit[0] != "then" or hit[1] + 1 > self.last:
            return False
        nxt = self.cues.marker(self.toks, hit[1] + 1, self.last)
        return nxt is not None and nxt[0] == "to"

    def clauses(self) -> list[tuple[int, int]]:
        return split_clauses(self.toks, self.first, self.last, self.is_break)

    def joined_loc(self, j: int, end: int, with_ba: bool = False) -> tuple[int, str] | None:
        """A place right after token ``j - 1`` joined by و or a dash (or, ``with_ba``, by ب:
        "يربط الرقة بدير الزور"): (its first token, join)."""
        if j > end:
            return None
        t = self.toks[j]
        if j in self.loc_at:
            m = self.loc_at[j]
            lead = self.doc.text[t.start:m.start].replace("\u0640", "")
            if lead == AND or (with_ba and lead == "\u0628"):
                return j, "and"
            return None
        if t.kind == "word" and (t.norm[:1] == AND or (with_ba and t.norm[:1] == "\u0628")) and j + 1 <= end \
                and j + 1 in self.loc_at and self.toks[j + 1].start == self.loc_at[j + 1].start \
                and self.cues.has(self.cues.place_heads, t.norm[1:]):
            return j + 1, "and"     # بين X ومدينة Y؛ يربط تلعفر ببلدة X
        if t.norm == AND or (t.kind == "punct" and t.text in DASHES):
            if j + 1 <= end and j + 1 in self.loc_at and self.toks[j + 1].start == self.loc_at[j + 1].start:
                return j + 1, "and" if t.norm == AND else "dash"
        return None


def anchor_tokens(toks: list, covered: set[int], cues: RouteCues) -> list[int]:
    """The tokens of a document that may begin a route noun or a transport line (خط), in
    order: words outside the mentions that pass one cached test. Most sentences have none."""
    anchors = cues.noun_beginnings(toks)
    lines = [k for k, t in enumerate(toks) if t.norm in LINE_WORDS and t.kind == "word"]
    if lines:
        anchors = sorted(set(anchors).union(lines))
    return [k for k in anchors if k not in covered]


def route_nouns(v: SentenceView, c0: int, c1: int) -> list[Frame]:
    """The route nouns of a clause, with their kind adjectives (الطريق الدولي، ممر آمن)."""
    out, j = [], c0
    toks, cues, anchors = v.toks, v.cues, v.anchors
    while j <= c1:
        a = bisect_left(anchors, j)     # the next word that may begin one: the others begin none
        if a == len(anchors) or anchors[a] > c1:
            break
        j = anchors[a]
        hit = cues.route_noun(toks, j, c1)
        if hit is None and _line_pair(v, j, c1):
            hit = ("road", j, False)    # سائق يعمل على خط الحسكة – القامشلي: a transport line is its road
        if hit is None:
            j += 1
            continue
        kind, last, plural = hit
        if out and last + 1 <= c1 and last + 1 in v.loc_at and _after_marker(v, j, c0) \
                and all(v.cues.has(cues.place_heads, toks[k].norm) for k in range(j, last + 1)):
            j = last + 1    # الطريق من بغداد إلى منفذ طريبيل: the crossing is where the road ends
            continue
        if out and last + 1 <= c1 and last + 1 in v.loc_at and toks[j].norm[:1] == AND \
                and all(v.cues.has(cues.place_heads, toks[k].norm) for k in range(j, last + 1)) \
                and _second_between_end(v, j, c0):
            j = last + 1    # الطريق الرابط بين الرمادي ومنفذ طريبيل: the crossing is the road's other end
            continue
        prev = toks[j - 1].norm if j > v.first else ""
        nxt = toks[last + 1].norm if last < v.last else ""
        if (prev and cues.has(cues.not_before, prev) and not cues.lifted_from(toks, j - 1, v.first)) \
                or (nxt and cues.has(cues.not_after, nxt)) \
                or (prev in COPULA_WORDS and j - 2 >= v.first and cues.has(cues.not_after, toks[j - 2].norm)):
            j = last + 1    # (الحوار هو الطريق الوحيد: the figure is said with a copula too)
            continue
        # "عن طريق" is a marker (by way of), read by the frame parser
        k = last + 1
        while k <= c1 and toks[k].kind == "word" and k not in v.covered:
            adj = next((s for s in noun_stems(toks[k].norm) if s in cues.kind_adjectives), None)
            if adj is None:
                break
            kind = cues.kind_adjectives[adj] or kind
            k += 1
        out.append(Frame("route", j, k - 1, c1, (c0, c1), route_kind=kind, plural=plural))
        j = k
    return out


LINE_WORDS = frozenset({"خط", "الخط"})


def _line_pair(v: SentenceView, j: int, c1: int) -> bool:
    """خط X – Y: a line noun named by two places joined by a dash (not خط التماس، خط الجبهة)."""
    if v.toks[j].norm not in LINE_WORDS or j + 1 > c1 or j + 1 not in v.loc_at \
            or v.toks[j + 1].start != v.loc_at[j + 1].start:
        return False
    nxt = v.joined_loc(v.loc_last[j + 1] + 1, c1)
    if nxt is None or nxt[1] != "dash":
        return False
    # a transport line only: سائق حافلة يعمل على خط X – Y (خط سرت – الجفرة خط أحمر is a red line)
    return any(v.toks[k].kind == "word" and not TRANSPORT.isdisjoint(stems(v.toks[k].norm))
               for k in range(max(v.first, j - LINE_REACH), j))


LINE_REACH = 5
TRANSPORT = frozenset(normalize_key(w) for w in (
    "سائق", "سائقو", "سائقي", "حافلة", "حافلات", "باص", "باصات", "ركاب", "الركاب", "رحلات", "رحلة", "نقل",
    "النقل", "أجرة", "الأجرة", "سرفيس", "سرافيس", "ميكروباص", "شاحنات", "المسافرين", "مسافرين"))


def _after_marker(v: SentenceView, j: int, c0: int) -> bool:
    """A from/to/through marker ends right before token ``j``."""
    for i in range(max(c0, j - 3), j):
        hit = v.cues.marker(v.toks, i, j - 1)
        if hit is not None and hit[1] == j - 1 and hit[0] in ("from", "to", "through"):
            return True
    return False


def _second_between_end(v: SentenceView, j: int, c0: int) -> bool:
    """Token ``j - 1`` ends a place that a between marker introduces (بين X ومنفذ Y: j is
    the و-noun after X)."""
    first = next((a for a, b in v.loc_last.items() if b == j - 1 and a >= c0), None)
    if first is None:
        return False
    k = first - 1
    if k >= c0 and v.toks[k].kind == "word" and v.cues.has(v.cues.place_heads, v.toks[k].norm):
        k -= 1      # بين مدينة الرمادي ومنفذ طريبيل
    for i in range(max(c0, k - 2), k + 1):
        hit = v.cues.marker(v.toks, i, k)
        if hit is not None and hit == ("between", k):
            return True
    return False


CROSSED = frozenset({"desert", "mountain"})    # terrain a road crosses by name (عبر صحراء الأنبار)


def _place_after(v: SentenceView, j: int, end: int, allow_terrain: bool, crossed: bool = False):
    """The place (or terrain) a marker ending at token ``j`` introduces: ("place", first
    token) or ("terrain", (class, last token)), across up to two place heads (قضاء، ريف).
    With ``crossed`` (a through marker), a named desert or range (عبر صحراء الجزيرة، عبر
    جبال حراز) is terrain crossed, not a point on the road."""
    k, heads = j + 1, 0
    while k <= end:
        if allow_terrain:   # before places: "نحو الصحراء الغربية" is the desert, not Western Sahara
            ter = v.cues.terrain_at(v.toks, k, end)
            if ter is not None and k in v.loc_at and v.loc_last[k] > ter[1] and crossed and ter[0] in CROSSED:
                return "terrain", (ter[0], v.loc_last[k])
            if ter is not None and not (k in v.loc_at and v.loc_last[k] > ter[1]):
                return "terrain", ter   # (وادي حلفا، جبل الزاوية: a place named by its terrain)
        if k in v.loc_at:
            return "place", k
        t = v.toks[k]
        if t.kind != "word" or heads >= 2 or k in v.covered or not v.cues.has(v.cues.place_heads, t.norm):
            return None
        heads += 1
        k += 1
    return None


def read_frame(v: SentenceView, f: Frame, lo: int, hi: int, roles=None) -> None:
    """Fill ``f.items`` and ``f.via`` from the markers and places in tokens [lo, hi]; a
    place right after the anchor (lo == anchor end + 1) names the route."""
    toks, cues = v.toks, v.cues
    j = lo
    last_item: Item | None = None
    naming = f.kind == "route" and lo == f.last + 1
    linked = naming and _linked(v, f)     # يربط الطريق الجديد الموصل بدهوك: X بـY name its ends
    while j <= hi:
        if f.kind == "route" and f.purpose_at is None and purpose_lam(v, j):
            f.purpose_at = j
            if any(i.role in ("name", "between") for i in f.items):
                break   # معبر باب الهوى لإدخال المساعدات إلى X: where the aid goes, not the crossing
        if naming and j + 1 <= hi and j not in v.loc_at and j not in v.covered and toks[j].kind == "word" \
                and getattr(v.loc_at.get(j + 1), "role", None) == "relative" and cues.marker(toks, j, j) is None:
            j += 1      # طريق الكاستيلو شمالي حلب: an unknown name, then where the road lies
            continue
        if naming and j + 1 <= hi and j + 1 in v.loc_at and j not in v.covered \
                and toks[j].kind == "word" and cues.has(cues.place_heads, toks[j].norm):
            j += 1      # طريق مطار بغداد: a place head between the noun and its name
            continue
        if naming and j in v.loc_at and v.loc_at[j].start == toks[j].start and _person_road(v, j, hi):
            j = v.loc_last[j] + 1   # طريق صلاح الدين: named after a person, it reaches no such place
            naming = False
            continue
        if naming and j in v.loc_at and v.loc_at[j].start == toks[j].start:
            # طريق بغداد، معبر رفح: the name follows the noun bare (no ب/ل/و on it)
            role, join = "name", None
            k = j
        else:
            naming = False
            mk = cues.marker(toks, j, hi) if j not in v.covered else None
            if mk is None:
                j += 1
                continue
            role, mlast = mk
            if role == "then":
                j = mlast + 1
                continue
            if (roles is not None and role not in roles) or (role == "across" and f.route_kind != "crossing") \
                    or (role == "from" and (_agent_from(v, j) or _coming_from(v, j))):
                j = mlast + 1
                continue
            found = _place_after(v, mlast, hi, allow_terrain=role in ("through", "near", "to"),
                                 crossed=role == "through")
            if found is None:
                j = mlast + 1
                continue
            f.markers.extend(range(j, mlast + 1))
            if found[0] == "terrain":
                cls, tlast = found[1]
                f.via.append((cls, v.doc.text[toks[mlast + 1].start:toks[tlast].end]))
                j = tlast + 1
                continue
            k = found[1]
            join = "then" if role == "to" and _after_then(v, j) else None
        # the place and the places joined to it (بين X و Y، إلى حلب وإدلب، بغداد – كركوك)
        while True:
            last = v.loc_last[k]
            item = Item(role, v.loc_at[k].ref, k, last, join)
            f.items.append(item)
            last_item = item
            ba = join is None and (role == "between" or (role == "name" and linked))
            nxt = v.joined_loc(last + 1, hi, with_ba=ba)
            if nxt is None and last + 1 <= hi and v.toks[last + 1].norm in SIDE_WORDS:
                # يربط ريف حلب الغربي بمدينة إدلب: the side belongs to the place before
                item.last = last + 1
                nxt = v.joined_loc(last + 2, hi, with_ba=ba)
            if nxt is None and role == "from" and join is None:
                lam = _lam_place(v, item.last + 1, hi)
                if lam is not None:     # الممتد من الموصل للرقة: ل after من X is "to"
                    role, k, join = "to", lam, None
                    continue
            if nxt is None and role == "between" and join in (None, "each"):
                each = _each_of(v, item.last + 1, hi)
                if each is not None:    # بين ترهونة وكل من بني وليد وغريان: one pair each
                    k, join = each, "each"
                    continue
            if nxt is None:
                break
            k, join = nxt
            if join == "and" and item.join == "each":
                join = "each"
        j = last_item.last + 1
        naming = False
    if f.route_kind == "crossing" and f.plural and _countries_between(v, f):
        # المعابر الرسمية بين لبنان وسوريا: the countries are the sides the crossings join
        for i in f.items:
            i.role = "across"
    if f.route_kind == "crossing" and any(i.role == "name" for i in f.items):
        # معبر القائم – البوكمال بين العراق وسوريا: a named crossing's "between" places are
        # the sides it joins, not points on it; and a crossing is a point: where its
        # travellers come from or go (قادمين من ليبيا، باتجاه الخليج) is not on it
        for i in f.items:
            if i.role == "between":
                i.role = "across"
        f.items = [i for i in f.items if i.role not in ("from", "to")]


def _countries_between(v: SentenceView, f: Frame) -> bool:
    """Crossings whose only places are two countries between which they lie."""
    kinds = {p.id: p.kind for p in v.doc.places}
    between = [i for i in f.items if i.role == "between"]
    return len(between) >= 2 and len(between) == len(f.items) and all(kinds.get(i.ref) == "country" for i in between)


AGENT_PARTICIPLES = ("مدعوم", "ممول", "مقدم", "مرسل", "مسنود", "مسلح", "موجه", "مفروض")   # normalized stems


def _agent_from(v: SentenceView, j: int) -> bool:
    """من after a passive participle names its agent (الميليشيا المدعومة من إيران، شاحنات مقدمة
    من المركز، الحصار المفروض من X), not where a route starts."""
    if j == 0 or v.toks[j - 1].kind != "word":
        return False
    word = v.toks[j - 1].norm
    for prefix in ("وال", "ال", "و", ""):
        if word.startswith(prefix) and word[len(prefix):].startswith(AGENT_PARTICIPLES):
            return True
    return False


COMING = frozenset({"القادمه", "القادمين", "القادم", "قادمه", "قادمين", "قادم", "قادما", "الوافده", "الوافدين",
                    "وافده", "وافدين"})   # normalized


def _coming_from(v: SentenceView, j: int) -> bool:
    """من after "coming" (المركبات القادمة من بغداد، شاحنات قادمة من تركيا): where the
    travellers come from, not where the route starts; a road that comes from a place
    starts there."""
    if j < 1 or v.toks[j - 1].kind != "word" or v.toks[j - 1].norm not in COMING:
        return False
    # (الطريق القادم من الطينة: the road itself comes from there)
    return not (j >= 2 and v.cues.route_noun(v.toks, j - 2, j - 2) is not None)


def _person_road(v: SentenceView, j: int, hi: int) -> bool:
    """The place at token ``j`` spells a person a road is named after, and no other
    place is joined to it (طريق صلاح الدين, not طريق بغداد – صلاح الدين)."""
    m, last = v.loc_at[j], v.loc_last[j]
    if normalize_key(v.doc.text[m.start:m.end]) not in v.cues.person_roads:
        return False
    return v.joined_loc(last + 1, hi) is None


def _linked(v: SentenceView, f: Frame) -> bool:
    """A linking verb (يربط، تصل بين…: a between marker) right before the route noun."""
    k = f.first - 1
    for i in range(max(v.first, k - 2), k + 1):
        hit = v.cues.marker(v.toks, i, k)
        if hit is not None and hit == ("between", k):
            return True
    return False


EACH_OF = ("\u0648\u0643\u0644", "\u0645\u0646")     # وكل من (normalized)


def _lam_place(v: SentenceView, j: int, end: int) -> int | None:
    """A place at token ``j`` written with ل on it (للرقة، لحلب): its first token."""
    if j > end or j not in v.loc_at:
        return None
    lead = v.doc.text[v.toks[j].start:v.loc_at[j].start].replace("\u0640", "")
    return j if lead == "\u0644" else None


def _each_of(v: SentenceView, j: int, end: int) -> int | None:
    """"وكل من X" right at token ``j``: the first token of X."""
    if j + 2 > end or v.toks[j].norm != EACH_OF[0] or v.toks[j + 1].norm != EACH_OF[1]:
        return None
    k = j + 2
    return k if k in v.loc_at and v.toks[k].start == v.loc_at[k].start else None


def people_noun(v: SentenceView, f: Frame) -> bool:
    """A movement told by the people who move, not by their moving: a participle
    (الفارين، النازحون، نازح، لاجئ، المهجرين), unlike a verb (فرّوا) or a verbal noun
    (نزوح، فرار). Such people may live along a road or come from somewhere; that
    does not say the road was travelled, nor make a route of its own."""
    if f.kind != "move" or f.event is None:
        return False
    hit = v.lex.match(v.toks, f.first)
    if hit is None or hit.analysis.pos != "noun":
        return False
    w = v.toks[f.first].norm
    for pre in ("\u0648", "\u0641", "\u0628", "\u0644"):
        if w.startswith(pre) and len(w) > 4:
            w = w[1:]
    w = w[2:] if w.startswith("\u0627\u0644") else w
    return w.endswith(("\u064a\u0646", "\u0648\u0646")) or (len(w) == 4 and w[1] == "\u0627") \
        or (w.startswith("\u0645") and len(w) >= 5)


def purpose_lam(v: SentenceView, j: int) -> bool:
    """A verbal noun with ل saying what something is for (لإدخال، لإيصال، لتأمين، لنقل)."""
    t = v.toks[j]
    if t.kind != "word" or j in v.covered:
        return False
    w = t.norm[1:] if t.norm[:1] in (AND, "\u0641") else t.norm
    if not w.startswith("\u0644") or len(w) < 4:
        return False
    rest = w[1:]
    return rest in PURPOSE_NOUNS or (len(rest) >= 4 and rest[0] == "\u0627" and not rest.startswith("\u0627\u0644")) \
        or (rest[0] == "\u062a" and len(rest) >= 5)


PURPOSE_NOUNS = frozenset({"نقل", "دخول", "خروج", "عبور", "وصول", "تهريب"})


def _after_then(v: SentenceView, j: int) -> bool:
    """Whether a "to" marker at token ``j`` follows ثم (ومن ثم إلى، ثم إلى): a next stop."""
    for k in range(j - 1, max(v.first, j - 3) - 1, -1):
        if "ثم" in stems(v.toks[k].norm) or v.toks[k].norm in ("ثم", "بعدها", "ومنها", "منها"):
            return True
    return False


def _held_spans(mentions: list) -> set[tuple[int, int]]:
    """The spans of the mentions that lie inside a longer one. Taken by span, starts rising
    and ends falling, every span before one starts no later; so one of them holds it
    exactly when one ends no earlier (one sort, instead of comparing every pair)."""
    held, reach = set(), -1     # reach: the furthest end of the spans before
    for start, end in sorted({(m.start, m.end) for m in mentions}, key=lambda span: (span[0], -span[1])):
        if reach >= end:
            held.add((start, end))
        reach = max(reach, end)
    return held


def mention_maps(doc: Doc, starts: list[int]) -> dict:
    """Per-document token maps of the mentions the routes stage reads."""
    def tok(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    locs = [m for m in doc.mentions if m.label == "LOC" and m.ref and m.role != "dateline"]
    # a mention inside a longer one (Mosul inside "شمالي الموصل") is that one's anchor
    held = _held_spans(locs)
    top = [m for m in locs if (m.start, m.end) not in held]
    # "البعاج غربي الموصل": a relative phrase right after a place says where that place lies
    top = [m for m in top if not (m.role == "relative" and any(
        o.end <= m.start and m.start - o.end <= 1 and o.role != "relative" for o in top))]
    loc_at, loc_last, covered, org_at = {}, {}, set(), {}
    for m in doc.mentions:
        if m.label in ("LOC", "ORG", "PERS"):
            covered.update(range(tok(m.start), tok(max(m.start, m.end - 1)) + 1))
        if m.label == "ORG" and m.ref and str(m.ref).startswith("actor:"):
            for k in range(tok(m.start), tok(max(m.start, m.end - 1)) + 1):
                org_at[k] = m
    for m in top:
        a, b = tok(m.start), tok(max(m.start, m.end - 1))
        loc_at[a], loc_last[a] = m, b
    spans = sorted((s["start"], s["end"]) for s in doc.sources if "start" in s)

    def in_source(offset: int) -> bool:
        i = bisect_left(spans, (offset + 1,)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    return {"loc_at": loc_at, "loc_last": loc_last, "covered": covered, "org_at": org_at,
            "in_source": in_source, "tok": tok}
