"""The events stage: who did what to whom, where, when, and how sure the text is.

Steps, per sentence (header lines before ``doc.body_start`` are left out):
  1. clauses  – the sentence is cut at punctuation (، , ؛ : …) and clause words (لكن،
                بينما، حيث، بعد أن…), listed under ``cues.clause_breaks`` in triggers.json;
  2. triggers – the lexicon's longest match at each token (``TriggerLexicon.match``:
                clitics, inflection, phrases); tokens inside a place, actor or person
                name are never triggers (الحشد الشعبي is an actor, not a mobilization);
                two triggers of one type side by side are one event (اتفاق وقف إطلاق النار);
  3. actor / target, from Arabic word order, in this order:
       passive verb (a damma on its first letter: أُغلقت) → actor only from "من قبل X",
       "على يد X";  a relative pronoun before the verb (الذي هرب) → the nearest person
       named before it in the sentence, else the nearest actor;  VSO (قصفت طائرات
       التحالف…) → the actor named right after the verb;  SVO (القوات العراقية أغلقت…)
       → the nearest actor before the trigger in the clause;  a verbal noun in construct
       (إغلاق القوات العراقية…, استهداف مواقع داعش) → the genitive is the actor or the
       target by the head noun before it (argument_heads) or the entry's "genitive"
       hint;  "تلقي/تعرض X … ضربات" → X is the target;  "من قبل X" always names the
       actor;  "على/ضد X" after the trigger names the target.  Actors joined by و or ،
       are all kept ("actors"/"targets"; "actor"/"target" hold the first).  Named
       actors inside an attribution ("مصادر في جهاز الأمن") are speakers, not actors;
  4. location – the most specific LOC mention in the clause, then in the sentence, then
                the document focus (``focus_place``); never a dateline mention;
  5. date     – the nearest DATE mention in the clause, then the sentence (its value);
  6. status   – hypothetical (إذا، لو، في حال…, إن before the verb, or an action that is
                threatened/demanded: هدد بقصف، دعا إلى وقف إطلاق النار) > denied (نفى…
                earlier in the sentence) > denied with ``"negated": true`` (لم، لن، لا،
                ما + perfect، ليس، غير، عدم right before the trigger, across تم/يتم/قد) >
                planned (سـ/سوف, يعتزم، يخطط، تستعد…, المرتقب after it) > attempted
                (يحاول، محاولة، سعى، أحبط…) > reported. Negated actions are never
                "reported": they are "denied" with "negated": true, so a reader can tell
                a denial by a speaker (negated false) from a negated statement of fact;
  7. source   – ``source_at`` the trigger; casualties from QUANTITY mentions of the
                sentence whose value has a casualty "kind" (killed, wounded…);
  8. confidence – trigger specificity plus the arguments found.
"""
from __future__ import annotations

import copy

from bisect import bisect_left, bisect_right
from functools import lru_cache

from marsad.doc import Doc
from marsad.knowledge.triggers import Hit, TriggerLexicon, load_triggers
from marsad.pipeline import stage
from marsad.stages.places import focus_place
from marsad.stages.sources import source_at
from marsad.text.normalize import normalize_key
from marsad.text.segment import split_clauses

BREAK_PUNCT = frozenset({",", "،", ";", "؛", ":", ".", "!", "?", "؟", "(", ")", "[", "]", "-", "–", "—", "|", "…"})
DAMMA = "\u064F"
KIND_RANK = {"neighbourhood": 8, "village": 7, "town": 7, "relative": 6, "city": 5, "admin3": 4,
             "natural": 4, "admin2": 3, "region": 3, "admin1": 2, "country": 1}
VERBAL = frozenset({"perfect", "imperfect"})
NO_EVENT = object()  # an aim that belongs to no event of its sentence
_VERB_CUES = frozenset({"قد", "لقد", "وقد", "فقد", "ثم", "لم", "لن", "سوف", "ولم", "ولن", "فلم", "كما"})


class _Entity:
    __slots__ = ("ref", "label", "first", "last", "start")

    def __init__(self, ref, label, first, last, start):
        self.ref, self.label, self.first, self.last, self.start = ref, label, first, last, start


class _Sentence:
    """Token-level view of one sentence: entities, places, dates, clause bounds."""

    def __init__(self, doc: Doc, lex: TriggerLexicon, first: int, last: int, ctx: dict):
        self.doc, self.lex, self.first, self.last = doc, lex, first, last
        self.toks = doc.tokens
        self.ent_at: dict[int, _Entity] = ctx["ent_at"]
        self.covered: set[int] = ctx["covered"]
        self.in_source = ctx["in_source"]
        self.trigger_tokens: set[int] = set()
        self.marks: dict[str, list[int]] = {}

    # ---- small predicates
    def word(self, j: int) -> bool:
        return self.first <= j <= self.last and self.toks[j].kind == "word"

    def is_break(self, j: int) -> bool:
        t = self.toks[j]
        if t.kind == "punct":
            return t.text in BREAK_PUNCT or t.norm in BREAK_PUNCT
        return t.kind == "word" and t.norm in self.lex.cues["clause_breaks"] or (
            t.norm in ("ان", "وان") and j > 0 and self.toks[j - 1].norm in ("بعد", "قبل", "وبعد"))

    def is_prep(self, j: int) -> bool:
        return self.toks[j].norm in self.lex.cues["prepositions"]

    def entity_in(self, j: int) -> _Entity | None:
        return self.ent_at.get(j)

    # ---- argument search
    def after(self, j: int, end: int, gap: int = 2, allow_prep=frozenset(), lam=False):
        """The entity right after token ``j`` (up to ``gap`` head nouns between), and the
        head words skipped. A preposition stops the search unless listed in ``allow_prep``;
        ``lam``: an entity written with ل (للقوات) counts too."""
        heads: list[str] = []
        k = j + 1
        prep = None
        while k <= end:
            ent = self.entity_in(k)
            if ent is not None and ent.first == k:
                t = self.toks[k]
                clitic = self.doc.text[t.start:ent.start]
                if ("ب" in clitic or "ل" in clitic or "ك" in clitic) and not (lam and "ل" in clitic) and not prep:
                    return None, heads
                return ent, heads
            t = self.toks[k]
            if t.kind != "word" and t.kind != "number":
                return None, heads
            if self.is_prep(k):
                if t.norm in allow_prep and prep is None and not heads:
                    prep = t.norm
                    k += 1
                    continue
                return None, heads
            if k in self.covered or len(heads) >= gap or self.is_break(k):
                return None, heads
            heads.append(t.norm)
            k += 1
        return None, heads

    def before(self, j: int, start: int, reach: int = 8) -> _Entity | None:
        """The nearest ungoverned entity before token ``j`` in the clause (the subject)."""
        k = j - 1
        while k >= max(start, j - reach):
            ent = self.entity_in(k)
            if ent is not None and not self.in_source(ent.start):
                if not self.governed(ent):
                    return self.head_of_list(ent, start)
                k = ent.first - 1
                continue
            k -= 1
        return None

    def head_of_list(self, ent: _Entity, start: int) -> _Entity:
        """The first entity of a list ending in ``ent`` (الحكومة السورية وفصائل المعارضة)."""
        while True:
            k = ent.first - 1
            joined = self.toks[ent.first].norm.startswith("و") and self.doc.text[self.toks[ent.first].start] == "و"
            if k >= start and (self.toks[k].norm == "و" or self.toks[k].text in ("،", ",")):
                joined, k = True, k - 1
            prev = self.entity_in(k) if k >= start else None
            if not joined or prev is None or prev.last != k or prev is ent:
                return ent
            ent = prev

    def governed(self, ent: _Entity) -> bool:
        """Whether a preposition governs the entity (ب/ل/ك on it, or a preposition before it
        and its head nouns)."""
        t = self.toks[ent.first]
        clitic = self.doc.text[t.start:ent.start]
        if any(c in clitic for c in "بلك"):
            return True
        k = ent.first - 1
        for _ in range(3):
            if k < self.first or self.toks[k].kind != "word":
                return False
            if self.is_prep(k):
                return True
            if k in self.covered:
                return False
            k -= 1
        return False

    def coordinated(self, ent: _Entity, end: int) -> list[_Entity]:
        """``ent`` and the entities joined to it by و or ، (فصائل المعارضة وروسيا وقوات النظام)."""
        out = [ent]
        while True:
            k = ent.last + 1
            joined = False
            if k <= end and (self.toks[k].norm == "و" or self.toks[k].text in ("،", ",")):
                joined, k = True, k + 1
            nxt = None
            for step in range(2):
                if k + step > end:
                    break
                cand = self.entity_in(k + step)
                if cand is not None and cand.first == k + step and cand is not ent:
                    nxt = cand
                    break
                if step == 0 and (self.toks[k].kind != "word" or k in self.covered or self.is_prep(k)):
                    break
            if nxt is None:
                return out
            lead = self.toks[k]
            if not joined and not lead.norm.startswith("و"):
                return out
            out.append(nxt)
            ent = nxt

    def by_agent(self, j: int, end: int) -> _Entity | None:
        """"من قبل X" / "على يد X" after token ``j`` in the clause."""
        k = j + 1
        while k < end:
            pair = self.toks[k].norm + " " + self.toks[k + 1].norm
            if pair in self.lex.cues["by_agent"]:
                ent, _ = self.after(k + 1, end, gap=2)
                return ent
            if self.toks[k].norm in self.lex.cues["by_agent"]:
                ent, _ = self.after(k, end, gap=2)
                return ent
            k += 1
        return None

    def relative_antecedent(self, rel: int) -> _Entity | None:
        """The person (else actor) a relative pronoun points back to: apposition chains
        ("X، مسؤول ديوان التنظيم الذي…") describe the person named first."""
        nearest = None
        k = rel - 1
        while k >= max(self.first, rel - 14):
            t = self.toks[k]
            if t.kind == "punct" and t.text in (".", "؛", ";", "!", "?", "؟"):
                break
            ent = self.entity_in(k)
            if ent is not None:
                if ent.label == "PERS":
                    return ent
                nearest = nearest or ent
                k = ent.first - 1
                continue
            k -= 1
        return nearest


def _passive(tok, prefix_len: int) -> bool:
    """A damma on the first letter of the stem (أُغلقت، قُتل): the verb is passive."""
    letters = 0
    for ch in tok.text:
        mark = "\u064B" <= ch <= "\u065F" or ch == "\u0640"
        if not mark:
            letters += 1
            if letters > prefix_len + 1:
                return False
        elif letters == prefix_len + 1 and ch == DAMMA:
            return True
    return False


def _written_conditional(text: str, lex: TriggerLexicon) -> bool:
    """إن (with hamza below, as written) before a verb; أن and undotted ان are not conditions."""
    bare = "".join(ch for ch in text if not ("\u064B" <= ch <= "\u065F" or ch == "\u0640"))
    for pre in ("", "و"):
        if bare.startswith(pre) and bare[len(pre):] in lex.raw["cues"]["condition_verb"]:
            return True
    return False


def _cue_marks(s: _Sentence) -> dict[str, list[int]]:
    """Token indices of the sentence's cue words, by class (one pass per sentence)."""
    marks: dict[str, list[int]] = {}
    toks, classes = s.toks, s.lex.classes
    for k in range(s.first, s.last + 1):
        if toks[k].kind == "word":
            for c in classes(toks[k].norm):
                marks.setdefault(c, []).append(k)
            if k < s.last and toks[k].norm + " " + toks[k + 1].norm in s.lex.cues["condition"]:
                marks.setdefault("condition", []).append(k)
    return marks


def _any_in(marks: dict, cue: str, lo: int, hi: int) -> bool:
    """Whether a ``cue`` word lies at a token index in [lo, hi)."""
    return any(lo <= k < hi for k in marks.get(cue, ()))


def _status(s: _Sentence, hit: Hit, clause: tuple[int, int], embedded: bool) -> tuple[str, bool]:
    lex, toks, marks = s.lex, s.toks, s.marks
    c0, c1 = clause
    i, a = hit.first, hit.analysis
    lo = max(c0, i - 6)
    # negation right before the trigger, across auxiliaries (لم يتم، لن تقوم…)
    negated = False
    k = i - 1
    for _ in range(3):
        if k < c0 or toks[k].kind != "word":
            break
        cl = lex.classes(toks[k].norm)
        if "negation" in cl or ("negation_before_perfect" in cl and toks[k].norm in
                                lex.cues["negation_before_perfect"] and a.pos == "perfect"):
            negated = True
            break
        if "auxiliaries" not in cl:
            break
        k -= 1
    cond = _any_in(marks, "condition", c0, i)
    first_word = next((k for k in range(s.first, i) if toks[k].kind == "word"), None)
    if first_word is not None and "condition" in lex.classes(toks[first_word].norm):
        cond = True
    if i - 1 >= c0 and a.pos in VERBAL and _written_conditional(toks[i - 1].text, lex):
        cond = True
    after = next((k for k in range(hit.last + 1, min(c1, hit.last + 3) + 1) if toks[k].kind == "word"), None)
    after_cl = lex.classes(toks[after].norm) if after is not None else frozenset()
    if cond or embedded or "hypothetical_after" in after_cl:
        return "hypothetical", negated
    if _any_in(marks, "denial", s.first, i):
        return "denied", negated
    if negated:
        return "denied", True
    planned = a.future or _any_in(marks, "plan", lo, i) or "plan_after" in after_cl or any(
        toks[k].kind == "word" and (toks[k].norm[1:] in lex.cues["future_auxiliaries"] and toks[k].norm[0] == "س"
                                    or toks[k].norm[2:] in lex.cues["future_auxiliaries"]
                                    and toks[k].norm.startswith("وس"))
        for k in range(max(c0, i - 3), i))
    if planned:
        return "planned", False
    if _any_in(marks, "attempt", lo, i):
        return "attempted", False
    return "reported", False


@stage("events", requires=("tokens", "sentences", "mentions"), assigns=("events",))
def make_events(trigger_lexicon: TriggerLexicon | None = None, **_):
    lex = trigger_lexicon or load_triggers()
    casualty_kinds = lex.cues.get("casualty_kinds", frozenset())

    def events(doc: Doc) -> Doc:
        doc.events = []
        toks = doc.tokens
        if not toks or not doc.sentences:
            return doc
        starts = [t.start for t in toks]
        places = {p.id: p for p in doc.places}

        def locative(m) -> bool:
            """Where something was said or decided: a place after في, or a town or city with
            ب on it (بباريس). Not ل (addressee: دعا لإسرائيل) nor a country with ب (اهتمامه بلبنان)."""
            k = tok_index(m.start)
            if m.start > toks[k].start:
                p = places.get(m.ref)
                prefix = toks[k].text[:m.start - toks[k].start].lstrip("وف")
                return prefix == "ب" and p is not None and p.kind not in ("country", "admin1", "region")
            return k > 0 and toks[k - 1].norm in SAYING_LOCATIVE

        def tok_index(offset: int) -> int:
            return max(0, bisect_right(starts, offset) - 1)

        def where_it_happened(m) -> bool:
            """A country is where an event happened only after a preposition of place (في، على،
            من، إلى…) or with ب on it; bare, it is a government acting or a topic (إسبانيا ستقدم
            مساعدات، عدوانها على…)."""
            p = places.get(m.ref)
            if p is None or p.kind != "country":
                return True
            k = tok_index(m.start)
            if m.start > toks[k].start:
                return toks[k].text[:m.start - toks[k].start].lstrip("وف") in ("ب", "لل")
            return k > 0 and toks[k - 1].norm in PLACE_PREPOSITIONS

        ent_at: dict[int, _Entity] = {}
        covered: set[int] = set()
        locs, dates, quants = [], [], []
        for m in doc.mentions:
            if m.label in ("ORG", "PERS", "LOC"):
                a, b = tok_index(m.start), tok_index(max(m.start, m.end - 1))
                covered.update(range(a, b + 1))
                if m.label != "LOC" and m.ref:
                    ent = _Entity(m.ref, m.label, a, b, m.start)
                    for k in range(a, b + 1):
                        if k not in ent_at or ent_at[k].last - ent_at[k].first < b - a:
                            ent_at[k] = ent
                elif m.label == "LOC" and m.ref and m.role != "dateline":
                    locs.append((a, m))
            elif m.label == "DATE" and isinstance(m.value, dict):
                dates.append((tok_index(m.start), m))
            elif m.label == "QUANTITY" and isinstance(m.value, dict):
                quants.append((tok_index(m.start), m))
        locs.sort(key=lambda x: x[0])
        dates.sort(key=lambda x: x[0])
        quants.sort(key=lambda x: x[0])
        src_spans = sorted((s["start"], s["end"]) for s in doc.sources if "start" in s)

        def in_source(offset: int) -> bool:
            return any(a <= offset < b for a, b in src_spans)

        ctx = {"ent_at": ent_at, "covered": covered, "in_source": in_source}
        focus = None
        focus_done = False
        n = 0
        for si, sent in enumerate(doc.sentences):
            if sent.end <= doc.body_start:
                continue
            first = bisect_left(starts, max(sent.start, doc.body_start))
            last = bisect_left(starts, sent.end) - 1
            if first > last:
                continue
            s = _Sentence(doc, lex, first, last, ctx)
            hits = _without_play(s, lex, _without_aim_words(s, lex, _find(s, lex, covered)))
            if not hits:
                continue
            s.trigger_tokens = {k for h in hits for k in range(h.first, h.last + 1)}
            s.marks = _cue_marks(s)
            clauses = split_clauses(s.toks, s.first, s.last, s.is_break)
            sentence_events = []
            for hit in hits:
                clause = next(((a, b) for a, b in clauses if a <= hit.first <= b), (first, last))
                ev = _event(s, lex, hit, clause, hits)
                # location: clause, then sentence, then the document focus
                saying = ev["type"] in SAYING_TYPES
                # where a statement was made is said in its own clause ("وفي باريس انتقد…");
                # a visit happens where the visitor went (زار دمشق، زيارته للدوحة)
                loc, where = _visited(toks, locs, clause, hit) if ev["mode"] == "visit" else (None, None)
                if loc is None:
                    loc, where = _location(locs, places, clause, (first, last), hit.first, saying,
                                           locative if saying else where_it_happened)
                if loc is None and not saying:  # where a statement was made is rarely said
                    if not focus_done:
                        fp = focus_place(doc)
                        focus, focus_done = (fp.id if fp is not None else None), True
                    # not a country this very sentence shows acting or as a topic (إسبانيا ستقدم…)
                    if focus is not None and any(m.ref == focus and not where_it_happened(m)
                                                 for _, m in _in_span(locs, first, last)):
                        loc, where = None, None
                    else:
                        loc, where = focus, "focus" if focus else None
                ev["location"], ev["location_from"] = loc, where
                ev["_also_at"] = (_coordinated_places(doc.text, locs, places, clause, loc)
                                  if where == "clause" and (not saying or ev["mode"] == "visit") else [])
                ev["date"] = _date(dates, clause, (first, last), hit.first)
                ev["casualties"] = _casualties(quants, (first, last), casualty_kinds)
                ev["source"] = source_at(doc, toks[hit.first].start)
                ev["sentence"] = si
                ev["confidence"] = _confidence(hit, ev, where)
                sentence_events.append(ev)
            for ev in _one_per_place(merge_coreferent(_fold_embedded(sentence_events, hits), places)):
                if _refers_back(ev, doc.events, places):
                    continue
                ev["id"] = f"ev{n}"
                n += 1
                doc.events.append(ev)
        return doc

    return events


def _visited(toks, locs, clause, hit: Hit) -> tuple[str | None, str | None]:
    """The first place after a visit trigger in its clause that is not where the visitor came
    from (قادماً من عمان)."""
    for k, m in _in_span(locs, hit.last + 1, clause[1]):
        if k - hit.last > 6:
            break
        if k > 0 and toks[k - 1].norm in ("من", "قادما", "قادمه", "قادمين"):
            continue
        return m.ref, "clause"
    return None, None


def _refers_back(ev: dict, earlier: list[dict], places: dict) -> bool:
    """"…قصفت الطائرات مواقع في القائم. ودمرت الضربات مخزناً": a definite verbal noun with no
    actor of its own names an event already reported; it joins the latest earlier one of its
    type and status whose place agrees, and is not counted again."""
    trig = ev["trigger"]
    if not (trig.get("definite") and trig.get("pos") == "noun") or ev.get("actor"):
        return False
    for prev in reversed(earlier):
        if prev["type"] == ev["type"] and prev["status"] == ev["status"] and _places_agree(prev, ev, places):
            for k in _SLOTS:
                if prev.get(k) is None and ev.get(k) is not None:
                    prev[k] = ev[k]
            prev.setdefault("also_triggers", []).append(trig)
            return True
    return False


def _one_per_place(events: list[dict]) -> list[dict]:
    """"تفجيرات هزت بغداد وكركوك": one event per place, as ACLED codes them."""
    out = []
    for ev in events:
        also = ev.pop("_also_at", [])
        out.append(ev)
        for ref in also:
            twin = copy.deepcopy(ev)
            twin["location"] = ref
            twin.pop("also_triggers", None)
            out.append(twin)
    return out


_COORD_QUALIFIERS = frozenset({"مدينه", "بلده", "قريه", "مخيم", "محافظه", "حي", "ناحيه", "قضاء", "منطقه"})


def _coordinated_places(text: str, locs, places, clause, ref) -> list[str]:
    """Places joined by و to the event's place in its clause (في بغداد وبعقوبة، كلا من
    العاصمة بغداد ومدينة كركوك), towns and cities only, and not after بين (between two
    places is one event)."""
    found = _in_span(locs, *clause)
    at = next((n for n, (_, m) in enumerate(found) if m.ref == ref), None)
    if at is None or _kind(places, ref) not in _TOWNS:
        return []
    head = found[at][1]
    if normalize_key(text[max(0, head.start - 6):head.start]).split()[-1:] in (["بين"], ["بينها"]):
        return []
    out, last = [], head
    for _, m in found[at + 1:]:
        gap = normalize_key(text[last.end:m.start]).split()
        if not gap or gap[0] != "و" and not gap[0].startswith("و") or m.ref == ref or _kind(places, m.ref) not in _TOWNS:
            break
        words = [gap[0][1:]] + gap[1:] if gap[0] != "و" else gap[1:]
        if any(w and w.removeprefix("ال") not in _COORD_QUALIFIERS for w in words):
            break
        if m.ref not in out:
            out.append(m.ref)
        last = m
    return out


_TOWNS = frozenset({"city", "town", "village", "neighbourhood", "admin3"})


def _kind(places, ref) -> str | None:
    p = places.get(ref)
    return p.kind if p is not None else None


def _fold_embedded(events: list[dict], hits: list[Hit]) -> list[dict]:
    """An action demanded or threatened ("دعا إلى انسحاب القوات") is what the demand or the
    threat is about, not an event that happened: it goes into that event's ``content``."""
    by_hit = {id(h): ev for h, ev in zip(hits, events)}
    out = []
    for ev in events:
        embedding = ev.pop("_embedding", None)
        if embedding is NO_EVENT:
            continue
        parent = by_hit.get(id(embedding))
        if parent is None or parent is ev:
            out.append(ev)
            continue
        parent.setdefault("content", []).append(
            {k: ev[k] for k in ("type", "mode", "actor", "target", "location", "status", "trigger")})
    return out


_SLOTS = ("actor", "target", "location", "date")


def merge_coreferent(events: list[dict], places: dict | None = None) -> list[dict]:
    """One event per happening: reports repeat themselves within a sentence ("هجمات …
    وتفجير …", "قذيفتي هاون وانفجار عبوة"). Events of one sentence with the same type and
    status and no conflicting actor, target, place or date are one event; the first keeps
    its trigger, takes the arguments the others add, and lists their triggers in
    ``also_triggers``. Places conflict only when both were read from the text and neither
    lies in the other (Basra and Iraq agree; the document focus agrees with anything)."""
    places = places or {}
    events = _raids_into_arrests(events)
    merged: list[dict] = []
    for ev in events:
        same = next((m for m in merged if m["type"] == ev["type"] and m["status"] == ev["status"]
                     and all(m.get(k) is None or ev.get(k) is None or m.get(k) == ev.get(k) for k in _SLOTS
                             if k != "location") and _places_agree(m, ev, places)), None)
        if same is None:
            merged.append(ev)
            continue
        for k in _SLOTS:
            if same.get(k) is None and ev.get(k) is not None:
                same[k] = ev[k]
        if _more_specific(ev, same, places):
            same["location"], same["location_from"] = ev["location"], ev["location_from"]
        same.setdefault("also_triggers", []).append(ev["trigger"])
        for ref in ev.get("_also_at") or ():
            if ref != same["location"] and ref not in same.setdefault("_also_at", []):
                same["_also_at"].append(ref)
        same["confidence"] = max(same["confidence"], ev["confidence"])
    return merged


def _raids_into_arrests(events: list[dict]) -> list[dict]:
    """"داهمت القوات منازل واعتقلت خمسة": a raid that ends in arrests is one arrest
    operation (ACLED codes it so); the raid joins the sentence's arrest."""
    arrest = next((e for e in events if e["type"] == "COERCE" and e["mode"] == "arrest"
                   and e["status"] == "reported"), None)
    if arrest is None:
        return events
    out = []
    for ev in events:
        if ev["mode"] == "raid" and ev["status"] == arrest["status"]:
            for k in _SLOTS:
                if arrest.get(k) is None and ev.get(k) is not None:
                    arrest[k] = ev[k]
            arrest.setdefault("also_triggers", []).append(ev["trigger"])
            continue
        out.append(ev)
    return out


def _places_agree(a: dict, b: dict, places: dict) -> bool:
    la, lb = a.get("location"), b.get("location")
    if la is None or lb is None or la == lb or "focus" in (a.get("location_from"), b.get("location_from")):
        return True
    return _within(places.get(la), places.get(lb)) or _within(places.get(lb), places.get(la))


def _within(p, q) -> bool:
    """Whether place ``p`` lies in ``q``: ``q`` is p's country, or p is a part of q or a
    named area located by it (not a bare direction: "east of the camp" is elsewhere)."""
    if p is None or q is None:
        return False
    a = p.anchor or {}
    return (q.kind == "country" and p.country == q.country and p.kind != "country") or (
        a.get("place") == q.id and (not a.get("direction") or bool(a.get("unlisted"))))


def _more_specific(ev: dict, same: dict, places: dict) -> bool:
    if ev.get("location") is None or ev.get("location_from") == "focus":
        return False
    if same.get("location") is None or same.get("location_from") == "focus":
        return True
    return _within(places.get(ev["location"]), places.get(same["location"]))


def _find(s: _Sentence, lex: TriggerLexicon, covered: set[int]) -> list[Hit]:
    hits: list[Hit] = []
    j = s.first
    usable = lambda k: k <= s.last and k not in covered  # noqa: E731
    toks, candidates, empty = s.toks, lex.candidates, ((), None, None)
    while j <= s.last:
        t = toks[j]
        if t.kind != "word" or j in covered or candidates(t.norm) == empty:
            j += 1
            continue
        prev = toks[j - 1].norm if j > s.first else ""
        prefer_verb = prev in _VERB_CUES or prev in lex.cues["relatives"] or (
            prev in lex.cues["negation_before_perfect"])
        hit = lex.match(toks, j, usable, prefer_verb)
        if hit is None or _issued_by(toks, hit, lex, s.last) or _names_actor(hit, lex) or _dawn(toks, hit, lex, s.last):
            j += 1
            continue
        hit = _ceasefire(toks, hit, lex, s.first, hits)
        # two triggers of one type side by side are one event: اتفاق وقف إطلاق النار
        if hits and hits[-1].last == j - 1 and hits[-1].form.trigger.type == hit.form.trigger.type:
            prev_hit = hits[-1]
            keep = hit if hit.form.trigger.specificity > prev_hit.form.trigger.specificity else prev_hit
            hits[-1] = Hit(keep.form, prev_hit.first, hit.last, prev_hit.analysis)
        else:
            hits.append(hit)
        j = hit.last + 1
    return hits


_PLAY_TYPES = frozenset({"ASSAULT", "MOBILIZE", "RETREAT"})


def _without_play(s: _Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """In a sports report (two sports words in the sentence) attacks, advances and
    withdrawals are play."""
    if not any(h.form.trigger.type in _PLAY_TYPES for h in hits):
        return hits
    words = {s.toks[k].norm for k in range(s.first, s.last + 1) if s.toks[k].kind == "word"}
    pairs = {s.toks[k].norm + " " + s.toks[k + 1].norm for k in range(s.first, s.last)}
    sports = lex.cues["sports"]
    if len((words | pairs) & sports) < 2:
        return hits
    return [h for h in hits if h.form.trigger.type not in _PLAY_TYPES]


def _without_aim_words(s: _Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"جولة تستهدف تثبيت الهدنة": a purpose word that is also a trigger, with an action right
    after it, says what is aimed at; it is no strike."""
    return [h for n, h in enumerate(hits)
            if not (n + 1 < len(hits) and hits[n + 1].first == h.last + 1 and h.first == h.last
                    and lex.has("purpose", s.toks[h.first].norm))]


def _dawn(toks, hit: Hit, lex: TriggerLexicon, last: int) -> bool:
    """"فجر اليوم": dawn, not "detonated"."""
    return (hit.first == hit.last < last and lex.has("time_nouns", toks[hit.first].norm)
            and toks[hit.first + 1].norm in lex.cues["day_words"])


def _names_actor(hit: Hit, lex: TriggerLexicon) -> bool:
    """"الاحتلال" with the article names the occupying power, not an act of occupation."""
    a = hit.analysis
    return hit.first == hit.last and a.pos == "noun" and a.article and a.key in lex.cues["names_when_definite"]


def _issued_by(toks, hit: Hit, lex: TriggerLexicon, last: int) -> bool:
    """"بيان صادر عن الوزارة": the statement was issued by, nothing was seized."""
    return (hit.first == hit.last and toks[hit.first].norm in lex.cues["issued_by"] and hit.last < last
            and toks[hit.last + 1].norm in ("عن", "عنه", "عنها"))


@lru_cache(maxsize=4)
def _ceasefire_form(lex: TriggerLexicon):
    """The lexicon's "وقف إطلاق النار" form (looked up once per lexicon)."""
    key = ("وقف", "اطلاق", "النار")
    return next((f for forms in lex.phrases.values() for f in forms if f.words == key), None)


def _ceasefire(toks, hit: Hit, lex: TriggerLexicon, first: int, hits: list[Hit]) -> Hit:
    """"وقف فوري لإطلاق النار": shooting named after a word that stops it is a ceasefire."""
    if hit.form.trigger.type != "ASSAULT":
        return hit
    for k in range(hit.first - 1, max(first, hit.first - 3) - 1, -1):
        if toks[k].kind == "word" and toks[k].norm in lex.cues["cease"]:
            form = _ceasefire_form(lex)
            if form is None:
                return hit
            if hits and hits[-1].last >= k:   # "وقف" already read as part of an earlier trigger
                k = hits.pop().first
            return Hit(form, k, hit.last, hit.analysis)
    return hit


def _event(s: _Sentence, lex: TriggerLexicon, hit: Hit, clause: tuple[int, int], hits: list[Hit]) -> dict:
    trig, a = hit.form.trigger, hit.analysis
    c0, c1 = clause
    toks = s.toks
    actor = target = None
    actors: list[_Entity] = []
    targets: list[_Entity] = []
    verbal = a.pos in VERBAL or (hit.form.pos == "phrase" and a.pos in VERBAL)
    agent = s.by_agent(hit.last, c1)
    prev = toks[hit.first - 1].norm if hit.first > c0 else ""
    prev2 = toks[hit.first - 2].norm if hit.first - 1 > c0 else ""
    relative = prev in lex.cues["relatives"] or (prev in ("قد", "لقد") and prev2 in lex.cues["relatives"])
    if verbal:
        passive = _passive(toks[hit.first], len(a.prefix))
        if passive:
            actor = agent
        elif relative:
            actor = s.relative_antecedent(hit.first - (1 if prev in lex.cues["relatives"] else 2))
        if actor is None and not passive:
            ent, heads = s.after(hit.last, c1, gap=2)
            # VSO: only agent heads (طائرات، قوات، مسلحو…) may stand between verb and actor
            if ent is not None and not s.in_source(ent.start) and all(h in lex.agent_heads for h in heads):
                actor = ent
            else:
                actor = agent or s.before(hit.first, c0)
        if actor is not None and actor.first > hit.last:
            target, _ = s.after(s.coordinated(actor, c1)[-1].last, c1, gap=3, allow_prep=lex.cues["target_prepositions"])
        elif not passive:
            target, _ = s.after(hit.last, c1, gap=3, allow_prep=lex.cues["target_prepositions"])
        else:
            target = None
    else:
        # verbal noun / noun: construct genitive, receivers, من قبل, the controller before it
        gen = heads = None
        if not a.article and not a.suffix:
            gen, heads = s.after(hit.last, c1, gap=2, lam=True)
        recv = _receiver_subject(s, lex, hit, c0)
        role = None
        if gen is not None and trig.genitive != "none":
            role = trig.genitive
            if heads and heads[-1] in lex.agent_heads or (heads and heads[0] in lex.agent_heads):
                role = "actor"
            elif heads and (heads[0] in lex.patient_heads or heads[-1] in lex.patient_heads):
                role = "target"
        if role == "actor":
            actor = gen
            target, _ = s.after(s.coordinated(gen, c1)[-1].last, c1, gap=3, allow_prep=lex.cues["target_prepositions"])
        elif role == "target":
            target = gen
        if recv is not None and target is None:
            target = recv
        if actor is None:
            actor = agent
        if actor is None and recv is None and not _in_prepositional_phrase(s, hit, c0):
            cand = s.before(hit.first, c0)
            if cand is not None and cand is not target:
                actor = cand
        if target is None:
            t2, _ = s.after(hit.last, c1, gap=3, allow_prep=lex.cues["target_prepositions"])
            if t2 is not None and t2 is not actor and s.toks[t2.first - 1].norm in lex.cues["target_prepositions"] \
                    or (t2 is not None and t2 is not actor and _prep_before(s, t2, lex)):
                target = t2
    if actor is not None:
        actors = s.coordinated(actor, c1)
    if target is not None and target is not actor:
        targets = s.coordinated(target, c1)
    else:
        target = None
    embedding = _embedding(s, lex, hit, hits, c0)
    status, negated = _status(s, hit, clause, embedding is not None)
    t0, t1 = toks[hit.first], toks[hit.last]
    return {
        "id": None, "type": trig.type, "mode": trig.mode,
        "actor": actors[0].ref if actors else None,
        "target": targets[0].ref if targets else None,
        "actors": _unique(e.ref for e in actors), "targets": _unique(e.ref for e in targets),
        "location": None, "date": None, "status": status, "negated": negated, "source": None,
        "evidence": {"start": toks[c0].start, "end": toks[c1].end},
        "confidence": None,
        "trigger": {"start": t0.start, "end": t1.end, "text": s.doc.text[t0.start:t1.end],
                    "pos": "participle" if hit.form.participle else a.pos, "definite": a.article},
        "acled_event_type": trig.acled_event_type, "acled_sub_event_type": trig.acled_sub_event_type,
        "cameo_root": trig.cameo_root, "casualties": {},
        "_embedding": embedding,
    }


def _unique(refs) -> list[str]:
    out: list[str] = []
    for r in refs:
        if r not in out:
            out.append(r)
    return out


def _in_prepositional_phrase(s: _Sentence, hit: Hit, c0: int) -> bool:
    """A verbal noun after a preposition (بعد اتفاق، بتقدم) has no subject before it; ل of
    purpose (يحاول مسلحو داعش … للهروب) keeps the subject of the verb it depends on."""
    prefix = hit.analysis.prefix
    if "ب" in prefix or "ك" in prefix:
        return True
    return hit.first > c0 and s.is_prep(hit.first - 1) and s.toks[hit.first - 1].norm not in ("الي", "الى")


def _prep_before(s: _Sentence, ent: _Entity, lex: TriggerLexicon) -> bool:
    """A target preposition (على، ضد…) before the entity, across up to two head nouns."""
    k = ent.first - 1
    for _ in range(3):
        if k < s.first or s.toks[k].kind != "word":
            return False
        if s.toks[k].norm in lex.cues["target_prepositions"]:
            return True
        k -= 1
    return False


def _receiver_subject(s: _Sentence, lex: TriggerLexicon, hit: Hit, c0: int) -> _Entity | None:
    """X in "تلقي X ضربات" / "تعرضت مواقع X لقصف": the receiver is the target."""
    k = hit.first - 1
    while k >= max(c0, hit.first - 6):
        if k in s.trigger_tokens:
            return None
        ent = s.entity_in(k)
        if ent is not None:
            r = ent.first - 1
            for _ in range(3):
                if r < c0 or s.toks[r].kind != "word":
                    break
                if lex.has("receivers", s.toks[r].norm):
                    return ent
                if s.is_prep(r):
                    break
                r -= 1
            return None
        k -= 1
    return None


def _embedding(s: _Sentence, lex: TriggerLexicon, hit: Hit, hits: list[Hit], c0: int) -> Hit | None:
    """The trigger that makes this action something threatened, demanded or aimed at, not a
    happening: هدد بقصف، دعا إلى وقف إطلاق النار and what is joined to it (ووقف إغلاق القطاع
    والإفراج عن…), وصل لنشر القوات. ``NO_EVENT`` when the aim belongs to no event of the
    sentence (جولة تستهدف تثبيت الهدنة، الذكرى الخامسة للهجمات)."""
    at = hits.index(hit)
    nominal = hit.analysis.pos not in VERBAL
    for n in range(at - 1, -1, -1):   # nearest first; a finite verb between starts a new action
        h = hits[n]
        if h.first < c0:
            break
        kind = h.form.trigger.type
        if kind in lex.embedding and not h.form.participle and not _backing(h) and (hit.first - h.last <= 4 or nominal and kind in lex.embedding_far and not any(
                lex.has("adjuncts", s.toks[k].norm) for k in range(h.last + 1, hit.first))):
            return h
        if h.analysis.pos in VERBAL:
            break
    before = hits[at - 1] if at else None
    # joined by و to an action already demanded or aimed at (also across a comma): the same
    if nominal and before is not None and hit.analysis.prefix.startswith("و") and before.analysis.pos not in VERBAL:
        parent = _embedding(s, lex, before, hits, s.first)
        if parent is not None:
            return parent
    a, kind = hit.analysis, hit.form.trigger.type
    toks = s.toks
    prev = toks[hit.first - 1].norm if hit.first > s.first else ""
    if nominal and prev and lex.has("state", prev):
        return NO_EVENT   # تحت سيطرة X is a standing state
    if _backing(hit):
        return before or (hits[at + 1] if at + 1 < len(hits) else NO_EVENT)   # بدعم روسي: whose backing
    if before is not None and nominal and not a.article and kind in lex.reason_types \
            and hit.first == hit.last and toks[hit.first].norm.endswith("ا"):
        return before     # تظاهروا دعماً لإسرائيل: why they marched
    between = range(before.last + 1, hit.first) if before is not None else range(0)
    if before is not None and nominal and _after(s, lex, "result", hit.first, min(3, len(between))) \
            and not any(toks[k].norm in lex.cues["relatives"] for k in between):
        return before     # أدى إلى تدمير المنزل: what the strike did
    if _aim(s, lex, hit, nominal):
        lo = c0 if before is None else max(c0, before.last + 1)
        if _any_in(s.marks, "plan", lo, hit.first) or _any_in(s.marks, "attempt", lo, hit.first):
            return None   # تستعد القوات لاقتحام المدينة، يحاولون استغلاله للهروب: planned or attempted
        return before or NO_EVENT
    return None


def _backing(hit: Hit) -> bool:
    """"بدعم روسي": support named with ب says whose backing an action had; it governs nothing."""
    return (hit.form.trigger.type == "SUPPORT" and hit.analysis.pos == "noun"
            and hit.analysis.prefix.lstrip("وف").startswith("ب"))


def _after(s: _Sentence, lex: TriggerLexicon, cue: str, i: int, span: int = 3) -> bool:
    """Whether a ``cue`` word or two-word phrase lies within ``span`` tokens before token ``i``."""
    toks, phrases = s.toks, lex.cues[cue]
    for k in range(max(s.first, i - span), i):
        if toks[k].kind == "word" and (lex.has(cue, toks[k].norm)
                                       or (k + 1 < i and toks[k].norm + " " + toks[k + 1].norm in phrases)):
            return True
    return False


def _aim(s: _Sentence, lex: TriggerLexicon, hit: Hit, nominal: bool) -> bool:
    """ل on a verbal noun or an imperfect (لنشر القوات، ليقصف), or a purpose word before the
    action (بهدف، من أجل، تمهيداً لـ); not after words under which the action happened
    (تعرضت لقصف، تصدت لهجوم)."""
    toks, i = s.toks, hit.first
    lam = hit.analysis.prefix.lstrip("وف").startswith("ل") and (nominal or hit.analysis.pos == "imperfect")
    if lam and not any(toks[k].kind == "word" and lex.has("lam_happened", toks[k].norm)
                       for k in range(max(s.first, i - 5), i)):
        return True
    return _after(s, lex, "purpose", i)


def _in_span(items, lo, hi):
    """Items (token index, mention), sorted by token index, with lo <= index <= hi."""
    a = bisect_left(items, lo, key=lambda x: x[0])
    b = bisect_right(items, hi, key=lambda x: x[0])
    return items[a:b]


# Types whose trigger is something said or decided: a country next to the verb is usually
# the speaker or the addressee ("دعا لبنان…"), so only a place introduced as a location
# ("في القاهرة") is where it happened.
SAYING_LOCATIVE = frozenset({"في", "وفي", "ففي", "فى"})
PLACE_PREPOSITIONS = SAYING_LOCATIVE | frozenset({"على", "علي", "من", "الى", "إلى", "داخل", "ضد", "عبر", "نحو",
                                                  "باتجاه", "صوب", "اتجاه", "انحاء", "ارجاء", "مناطق", "بمناطق"})
SAYING_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "SANCTION",
                          "COOPERATE", "AGREE", "CONSULT", "CONCEDE"})


def _rank(m, places) -> float:
    """How specific a place is; a relative place ranks just above its anchor, so a named
    city beats "جنوب العراق" but "جنوبي الموصل" beats Mosul."""
    p = places.get(m.ref)
    if p is None:
        return 0
    if p.kind == "relative" and p.anchor:
        anchor = places.get(p.anchor["place"])
        return KIND_RANK.get(anchor.kind if anchor else "", 0) + 0.5
    return KIND_RANK.get(p.kind, 0)


def _location(locs, places, clause, sentence, at, clause_only, usable):
    """The event's place and where it was found: the most specific ``usable`` place of the
    clause, then (unless ``clause_only``) of the sentence."""
    for lo, hi in ((clause,) if clause_only else (clause, sentence)):
        found = [(k, m) for k, m in _in_span(locs, lo, hi) if usable(m)]
        # a mention inside a longer one (Mosul inside "جنوبي الموصل") is that one's anchor
        found = [(k, m) for k, m in found
                 if not any(o is not m and o.start <= m.start and m.end <= o.end for _, o in found)]
        # "الفلوجة غربي بغداد": the relative phrase says where the named place lies
        found = [(k, m) for k, m in found
                 if not (m.role == "relative" and any(o.end < m.start and m.start - o.end <= 1
                                                      for _, o in found if o.role != "relative"))]
        cands = [(_rank(m, places), -abs(k - at), m.ref) for k, m in found]
        if cands:
            best = max(cands)[2]
            # "وفي بغداد اختطف…، في منطقة الدورة جنوب بغداد": a place the sentence names inside it
            inner = [m.ref for _, m in _in_span(locs, *sentence) if _inside(places.get(m.ref), best)]
            return (inner[0] if inner else best), ("clause" if (lo, hi) == clause else "sentence")
    return None, None


def _inside(p, ref: str) -> bool:
    """A named place (not a bare direction) that the places stage located in or by ``ref``."""
    a = p.anchor if p is not None else None
    return bool(a) and a.get("place") == ref and (a.get("unlisted") or p.kind == "neighbourhood")


def _date(dates, clause, sentence, at):
    for lo, hi in (clause, sentence):
        cands = [(abs(k - at), m.value) for k, m in _in_span(dates, lo, hi)]
        if cands:
            return min(cands, key=lambda c: c[0])[1]
    return None


def _casualties(quants, sentence, kinds) -> dict:
    out: dict[str, int] = {}
    lo, hi = sentence
    for k, m in _in_span(quants, lo, hi):
        kind = m.value.get("kind")
        if kind in kinds and isinstance(m.value.get("value"), (int, float)):
            out[kind] = out.get(kind, 0) + m.value["value"]
    return out


def _confidence(hit: Hit, ev: dict, where: str | None) -> float:
    spec = hit.form.trigger.specificity
    c = 0.3 + 0.3 * spec
    c += 0.15 if ev["actor"] else 0.0
    c += 0.08 if ev["target"] else 0.0
    c += {"clause": 0.07, "sentence": 0.05, "focus": 0.02}.get(where or "", 0.0)
    c += 0.05 if ev["date"] else 0.0
    c += 0.05 if hit.form.pos == "phrase" else 0.0
    return round(min(c, 0.97), 3)
