"""Actions that are not happenings of their own: demanded, threatened, aimed at, joined to
such an action, the result or reason of an event, backing named with ب. They go into the
governing event's ``content`` or are no event.
"""
from __future__ import annotations

from marsad.knowledge.triggers import Hit, TriggerLexicon
from marsad.stages.events.sentence import Sentence, VERBAL
from marsad.stages.events.status import any_in


NO_EVENT = object()  # an aim that belongs to no event of its sentence


def governing_hit(s: Sentence, lex: TriggerLexicon, hit: Hit, hits: list[Hit], c0: int) -> Hit | None:
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
        governs = kind in lex.embedding and not h.form.participle and not _backing(h)
        # an obligation (يجب على السلطات العراقية أن تفرج…) governs the rest of its clause
        near = hit.first - h.last <= 4 or h.form.trigger.mode == "obligation" or (
            # دعا خلال كلمة له أمس أمام المجلس إلى عقد مؤتمر: a call reaches its إلى past a setting
            # (or with a light noun between: إلى عقد مؤتمر)
            kind == "REQUEST" and nominal and any(s.toks[k].norm == "الي" for k in range(max(s.first, hit.first - 2), hit.first)))
        # a demand's chain of joined verbal nouns, unless a time or cause phrase opens between
        chained = nominal and kind in lex.embedding_far and not any(
            lex.has("adjuncts", s.toks[k].norm) for k in range(h.last + 1, hit.first))
        if governs and (near or chained):
            return h
        if h.analysis.pos in VERBAL:
            break
    before = hits[at - 1] if at else None
    # joined by و to an action already demanded or aimed at (also across a comma): the same
    if nominal and before is not None and hit.analysis.prefix.startswith("و") and before.analysis.pos not in VERBAL:
        parent = governing_hit(s, lex, before, hits, s.first)
        if parent is not None:
            return parent
    a, kind = hit.analysis, hit.form.trigger.type
    toks = s.toks
    prev = toks[hit.first - 1].norm if hit.first > s.first else ""
    if nominal and prev and lex.has("state", prev):
        return NO_EVENT   # تحت سيطرة X is a standing state
    if _backing(hit):
        return before or (hits[at + 1] if at + 1 < len(hits) else NO_EVENT)   # بدعم روسي: whose backing
    # (a judgment word in the accusative is a predicate, يمثل خرقاً, not a reason)
    if before is not None and nominal and not a.article and kind in lex.reason_types \
            and hit.form.trigger.mode != "judgment" \
            and hit.first == hit.last and toks[hit.first].norm.endswith("ا"):
        return before     # تظاهروا دعماً لإسرائيل: why they marched
    between = range(before.last + 1, hit.first) if before is not None else range(0)
    if before is not None and nominal and _after(s, lex, "result", hit.first, min(3, len(between))) \
            and not any(toks[k].norm in lex.cues["relatives"] for k in between):
        return before     # أدى إلى تدمير المنزل: what the strike did
    if _aim(s, lex, hit, nominal):
        lo = c0 if before is None else max(c0, before.last + 1)
        if any_in(s.marks, "plan", lo, hit.first) or any_in(s.marks, "attempt", lo, hit.first):
            return None   # تستعد القوات لاقتحام المدينة، يحاولون استغلاله للهروب: planned or attempted
        return before or NO_EVENT
    return None


def _backing(hit: Hit) -> bool:
    """"بدعم روسي": support named with ب says whose backing an action had; it governs nothing."""
    return (hit.form.trigger.type == "SUPPORT" and hit.analysis.pos == "noun"
            and hit.analysis.prefix.lstrip("وف").startswith("ب"))


def _after(s: Sentence, lex: TriggerLexicon, cue: str, i: int, span: int = 3) -> bool:
    """Whether a ``cue`` word or two-word phrase lies within ``span`` tokens before token ``i``."""
    toks, phrases = s.toks, lex.cues[cue]
    for k in range(max(s.first, i - span), i):
        if toks[k].kind == "word" and (lex.has(cue, toks[k].norm)
                                       or (k + 1 < i and toks[k].norm + " " + toks[k + 1].norm in phrases)):
            return True
    return False


def _aim(s: Sentence, lex: TriggerLexicon, hit: Hit, nominal: bool) -> bool:
    """ل on a verbal noun or an imperfect (لنشر القوات، ليقصف), or a purpose word before the
    action (بهدف، من أجل، تمهيداً لـ); not after words under which the action happened
    (تعرضت لقصف، تصدت لهجوم)."""
    toks, i = s.toks, hit.first
    lam = hit.analysis.prefix.lstrip("وف").startswith("ل") and (nominal or hit.analysis.pos == "imperfect")
    if lam and not any(toks[k].kind == "word" and lex.has("lam_happened", toks[k].norm)
                       for k in range(max(s.first, i - 5), i)):
        return True
    return _after(s, lex, "purpose", i)


def fold_embedded(events: list[dict], hits: list[Hit]) -> list[dict]:
    """An action demanded or threatened ("دعا إلى انسحاب القوات") is what the demand or the
    threat is about, not an event that happened: it goes into that event's ``content``."""
    by_hit = {id(h): ev for h, ev in zip(hits, events)}
    out = []
    for ev in events:
        embedding = ev.pop("governing_hit", None)
        if embedding is NO_EVENT:
            continue
        parent = by_hit.get(id(embedding))
        if parent is None or parent is ev:
            out.append(ev)
            continue
        parent.setdefault("content", []).append(
            {k: ev[k] for k in ("type", "mode", "actor", "target", "location", "status", "trigger")})
    return out
