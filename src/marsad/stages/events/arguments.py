"""An event built from its trigger: actor and target from Arabic word order (VSO, SVO,
construct phrases, passives, receivers, من قبل), the governing event and the status.
"""
from __future__ import annotations

from marsad.knowledge.triggers import Hit, TriggerLexicon
from marsad.stages.events.governing import governing_hit
from marsad.stages.events.sentence import DAMMA, Entity, Sentence, VERBAL
from marsad.stages.events.status import status_of


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


def event_of(s: Sentence, lex: TriggerLexicon, hit: Hit, clause: tuple[int, int], hits: list[Hit]) -> dict:
    trig, a = hit.form.trigger, hit.analysis
    c0, c1 = clause
    toks = s.toks
    actor = target = None
    actors: list[Entity] = []
    targets: list[Entity] = []
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
    if target is not None and target is not actor and not (actor is not None and target.ref == actor.ref):
        targets = s.coordinated(target, c1)
    else:
        target = None
    embedding = governing_hit(s, lex, hit, hits, c0)
    at = hits.index(hit)
    before = hits[at - 1] if at else None
    # "سيلتقي الرئيس نظيره ويبحث معه…": an imperfect joined by و to a future verb is planned too
    imperfect = a.pos == "imperfect" or (hit.form.pos == "phrase" and hit.form.text[:1] in "يتن")
    joined_future = (imperfect and a.prefix.startswith("و") and before is not None
                     and before.analysis.future and hit.first - before.last <= 12)
    status, negated = status_of(s, hit, clause, embedding is not None, joined_future)
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
        "governing_hit": embedding,
    }


def _unique(refs) -> list[str]:
    out: list[str] = []
    for r in refs:
        if r not in out:
            out.append(r)
    return out


def _in_prepositional_phrase(s: Sentence, hit: Hit, c0: int) -> bool:
    """A verbal noun after a preposition (بعد اتفاق، بتقدم) has no subject before it; ل of
    purpose (يحاول مسلحو داعش … للهروب) keeps the subject of the verb it depends on."""
    prefix = hit.analysis.prefix
    if "ب" in prefix or "ك" in prefix:
        return True
    return hit.first > c0 and s.is_prep(hit.first - 1) and s.toks[hit.first - 1].norm not in ("الي", "الى")


def _prep_before(s: Sentence, ent: Entity, lex: TriggerLexicon) -> bool:
    """A target preposition (على، ضد…) before the entity, across up to two head nouns."""
    k = ent.first - 1
    for _ in range(3):
        if k < s.first or s.toks[k].kind != "word":
            return False
        if s.toks[k].norm in lex.cues["target_prepositions"]:
            return True
        k -= 1
    return False


def _receiver_subject(s: Sentence, lex: TriggerLexicon, hit: Hit, c0: int) -> Entity | None:
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
