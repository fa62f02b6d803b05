"""Where, when and how sure: an event's place (clause, then sentence; statements only where
the text says they were made; visits where the visitor went), date, casualties and
confidence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.knowledge.triggers import Hit
from marsad.stages.events.sentence import in_span
from marsad.stages.events.words import with_conjunctions


KIND_RANK = {"neighbourhood": 8, "village": 7, "town": 7, "relative": 6, "city": 5, "admin3": 4,
             "natural": 4, "admin2": 3, "region": 3, "admin1": 2, "country": 1}
SAYING_LOCATIVE = frozenset({"في", "وفي", "ففي", "فى"})
PLACE_PREPOSITIONS = SAYING_LOCATIVE | frozenset({"على", "علي", "من", "الى", "إلى", "الي", "داخل", "ضد", "عبر", "نحو",
                                                  "باتجاه", "صوب", "اتجاه", "انحاء", "ارجاء", "مناطق", "بمناطق"})
TO_WORDS = frozenset({"الى", "إلى", "الي", "والى", "وإلى"})   # normalized and as written
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


CONTENT_OPENERS = frozenset({"الى", "إلى", "الي", "ان", "أن", "إن", "بان", "بأن", "على", "علي"})


# "مفاوضات بهذا الصدد في برلين": ب on a demonstrative points back, it opens no content
POINTING_BACK = frozenset({"بهذا", "بهذه", "بذلك", "بتلك", "لهذا", "لهذه", "لذلك", "لتلك"})
SAID_REACH = 5   # tokens after a saying trigger that may still say where (قال الوزير في القاهرة)


def said_part(toks, clause, hit: Hit, loc_starts=frozenset()) -> tuple[int, int]:
    """The clause of a statement, request or accusation up to what it says or asks for: in
    "دعا إلى عقد مؤتمر للمصالحة في الصومال" Somalia is where the conference should be, and
    in "أدانت الوزارة استهداف المدنيين في اليمن" where the targeting was, not where the call
    or the condemnation was made; "وقال في القاهرة إن…" keeps Cairo. ``loc_starts``: token
    indices where place mentions begin (بمدينة البصرة after a meeting is no content)."""
    end = min(clause[1], hit.last + SAID_REACH)
    for k in range(hit.last + 1, end + 1):
        norm = toks[k].norm
        if norm in CONTENT_OPENERS or (k == hit.last + 1 and len(norm) > 3 and norm[0] in "\u0628\u0644"
                                       and toks[k].kind == "word" and k not in loc_starts
                                       and k + 1 not in loc_starts and norm not in POINTING_BACK):
            return clause[0], k - 1
    return clause[0], end


def location_of(locs, places, clause, sentence, at, clause_only, usable):
    """The event's place and where it was found: the most specific ``usable`` place of the
    clause, then (unless ``clause_only``) of the sentence."""
    for lo, hi in ((clause,) if clause_only else (clause, sentence)):
        found = [(k, m) for k, m in in_span(locs, lo, hi) if usable(m)]
        # a mention inside a longer one (Mosul inside "جنوبي الموصل") is that one's anchor
        found = [(k, m) for k, m in found
                 if not any(o is not m and o.start <= m.start and m.end <= o.end for _, o in found)]
        cands = [(_rank(m, places), -abs(k - at), m.ref) for k, m in found]
        if cands:
            best = max(cands)[2]
            # "وفي بغداد اختطف…، في منطقة الدورة جنوب بغداد": a place the sentence names inside it
            inner = [m.ref for _, m in in_span(locs, *sentence) if _inside(places.get(m.ref), best, places)]
            return (inner[0] if inner else best), ("clause" if (lo, hi) == clause else "sentence")
    return None, None


NEIGHBOURHOOD_KM = 20.0


def _inside(p, ref: str, places=None) -> bool:
    """A named place (not a bare direction) that the places stage located in or by ``ref``,
    or a gazetteer neighbourhood of the city ``ref`` (الكرادة in Baghdad)."""
    a = p.anchor if p is not None else None
    if bool(a) and a.get("place") == ref and (a.get("unlisted") or p.kind == "neighbourhood"):
        return True
    city = (places or {}).get(ref)
    if p is None or a or p.kind != "neighbourhood" or city is None or city.kind not in ("city", "town") \
            or None in (p.lat, city.lat):
        return False
    from marsad.gazetteer.geo import km
    return km(p.lat, p.lon, city.lat, city.lon) <= NEIGHBOURHOOD_KM


_LOCATOR_GAP = re.compile(r"^[\s,،]*(?:على بعد[^.،,]{0,40}?)?[\s,،]*$")   # commas, "على بعد … من"


def without_locators(text: str, locs: list) -> list:
    """Leave out the places that only say where the place before them lies: in "الفلوجة غربي
    بغداد"، "في المقدادية شمال شرق بعقوبة" or "في كركوك، على بعد 250 كلم من العاصمة" the event
    is in the first place; the relative place after it (and its anchor inside it) locate that
    place. Done once on the sentence's places, for every use of them."""
    drop = set()
    mentions = [m for _, m in locs]
    for prev, m in zip(mentions, mentions[1:]):
        gap = text[prev.end:m.start]
        if (m.role == "relative" or "على بعد" in gap) and prev.end <= m.start and prev.role != "relative" \
                and _LOCATOR_GAP.match(gap):
            drop.add(m.id)
            drop.update(o.id for o in mentions if o is not m and m.start <= o.start and o.end <= m.end)
    return [(k, m) for k, m in locs if m.id not in drop] if drop else locs


def visited_place(toks, locs, clause, hit: Hit, sentence=None, qualifiers=frozenset()) -> tuple[str | None, str | None]:
    """Where a visitor arrived before the visit is named (يحل الرئيس بفرنسا في زيارة…); else
    the first place after the visit trigger in its clause that is not where the visitor came
    from (قادماً من عمان); else the destination named before it in the sentence (توجه
    الوفد إلى غزة في مستهل زيارة)."""
    before_it = reversed(in_span(locs, sentence[0], hit.first - 1)) if sentence is not None else ()
    for k, m in before_it:
        if m.start > toks[k].start and toks[k].norm.lstrip("و").startswith("ب") and any(
                toks[j].norm.lstrip("و") in ARRIVAL_VERBS for j in range(max(sentence[0], k - 4), k)):
            return m.ref, "sentence"
    for k, m in in_span(locs, hit.last + 1, clause[1]):
        if k - hit.last > 6:
            break
        if k > 0 and toks[k - 1].norm in ("من", "قادما", "قادمه", "قادمين"):
            continue
        return m.ref, "clause"
    if sentence is not None:
        for k, m in reversed(in_span(locs, sentence[0], hit.first - 1)):
            before = k - 2 if k > 1 and toks[k - 1].norm in qualifiers else k - 1   # إلى مدينة نابلس
            if before >= 0 and toks[before].norm in TO_WORDS:
                return m.ref, "sentence"
    return None, None


ARRIVAL_VERBS = frozenset({"حل", "يحل", "تحل", "حلت", "سيحل", "ستحل", "وصل", "يصل", "تصل", "وصلت", "سيصل", "ستصل",
                           "نزل", "ينزل", "حط", "يحط", "حطت"})


def date_of(dates, clause, sentence, at, relative_at=None):
    """The nearest date in the clause, then the sentence; not one inside a relative clause
    after the trigger (الحكومة التي شكلت في مايو: when the government was formed)."""
    for lo, hi in (clause, sentence):
        cands = [(abs(k - at), m.value) for k, m in in_span(dates, lo, hi) if relative_at is None or k < relative_at]
        if cands:
            return min(cands, key=lambda c: c[0])[1]
    return None


def casualties_of(quants, sentence, kinds) -> dict:
    out: dict[str, int] = {}
    lo, hi = sentence
    for k, m in in_span(quants, lo, hi):
        kind = m.value.get("kind")
        if kind in kinds and isinstance(m.value.get("value"), (int, float)):
            out[kind] = out.get(kind, 0) + m.value["value"]
    return out


def confidence_of(hit: Hit, ev: dict, where: str | None) -> float:
    spec = hit.form.trigger.specificity
    c = 0.3 + 0.3 * spec
    c += 0.15 if ev["actor"] else 0.0
    c += 0.08 if ev["target"] else 0.0
    c += {"clause": 0.07, "sentence": 0.05, "focus": 0.02}.get(where or "", 0.0)
    c += 0.05 if ev["date"] else 0.0
    c += 0.05 if hit.form.pos == "phrase" else 0.0
    return round(min(c, 0.97), 3)


STATEMENT_REACH = 10   # words from a verb of saying to the أن of what it says


def statement_settings(toks, first: int, last: int, lex) -> list[tuple[int, int]]:
    """(verb, أن) token spans of the sentence's statements: "أعلن مصدر رسمي أمس في تونس أن…".
    A place between the two is where the statement was made."""
    spans = []
    verbs = _saying_words(lex)
    for k in [k for k in range(first, last + 1) if toks[k].kind == "word" and toks[k].norm in verbs]:
        a = next((j for j in range(k + 1, min(last, k + STATEMENT_REACH) + 1) if toks[j].norm in CONTENT_THAT), None)
        if a is not None:
            spans.append((k, a))
    return spans


@lru_cache(maxsize=4)
def _saying_words(lex) -> frozenset[str]:
    """The verbs of saying, bare or after و/ف (no other clitic takes them)."""
    return with_conjunctions(lex.cues["statement_verbs"])


CONTENT_THAT = frozenset({"ان", "انه", "انها", "بان", "بانه", "بانها", "فان"})


def where_said(k: int, at: int, settings: list[tuple[int, int]]) -> bool:
    """Whether the place at token ``k`` is where a statement was made, for an event told at
    token ``at`` inside what the statement says."""
    return any(v < k < a < at for v, a in settings)

