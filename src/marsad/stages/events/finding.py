"""Trigger hits in a sentence, without the words that only look like triggers there (بيان
صادر عن، فجر اليوم، الاحتلال as the occupier, play in a sports report, aim words). The
filters for words that name no particular happening live in ``readings``.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.knowledge.triggers import Analysis, Hit, TriggerLexicon
from marsad.stages.events.readings import (
    without_any, without_condemned, without_dated_names, without_forecasts, without_generic,
    without_genitives_of_events, without_judged_or_averted, without_states_and_labels,
    without_statement_settings, without_talks_referred_to, without_topics_of_talks)
from marsad.stages.events.sentence import Sentence, VERB_CUES
from marsad.stages.events.words import stem_in, verb_of


def sentence_hits(s: Sentence, lex: TriggerLexicon, covered: set[int]) -> list[Hit]:
    """The trigger hits of a sentence, in this order: the lexicon's matches; words the
    lexicon finds only in pairs or across a subject (obligations, firing); then each word
    that only looks like a trigger here is dropped or read as another; last, judgments
    become accusations where a speaker states them, and what sets or points back at an
    attack is no event of its own."""
    hits = find_hits(s, lex, covered)
    hits = obligation_pairs(s, lex, hits)
    hits = fire_with_shooter_between(s, lex, hits)
    if not hits and not _may_describe(s):   # only a damning description adds a hit below
        return hits
    hits = without_aim_words(s, lex, hits)
    hits = without_loose_obligations(s, hits)
    hits = without_forecasts(s, lex, hits)
    hits = without_other_senses(s, lex, hits)
    hits = without_records(s, lex, hits)
    hits = without_progress(s, lex, hits)
    hits = without_agreement_references(s, lex, hits, covered)
    hits = without_play(s, lex, hits)
    hits = judgments_as_accusations(s, lex, hits)
    hits = without_unsaid_judgments(s, lex, hits)
    hits = without_attack_settings(s, lex, hits)
    hits = without_statement_settings(s, lex, hits)
    hits = without_topics_of_talks(s, lex, hits)
    hits = without_talks_referred_to(s, lex, hits)
    hits = without_dated_names(s, hits)
    hits = without_any(s, lex, hits)
    hits = without_states_and_labels(s, lex, hits)
    hits = without_genitives_of_events(lex, hits)
    hits = without_condemned(s, lex, hits)
    hits = without_judged_or_averted(s, lex, hits)
    hits = without_generic(s, lex, hits)
    return without_pointed_back(s, lex, hits)


def find_hits(s: Sentence, lex: TriggerLexicon, covered: set[int]) -> list[Hit]:
    toks, can_trigger = s.toks, lex.can_trigger
    # the few tokens where a trigger may start, by one table lookup each (most words cannot)
    starts = [j for j in range(s.first, s.last + 1)
              if toks[j].kind == "word" and j not in covered and can_trigger[toks[j].norm]]
    hits: list[Hit] = []
    if not starts:
        return hits
    usable = lambda k: k <= s.last and k not in covered  # noqa: E731
    free = s.first   # the first token not inside a hit found
    for j in starts:
        if j < free:
            continue
        prev = toks[j - 1].norm if j > s.first else ""
        prefer_verb = prev in VERB_CUES or prev in lex.cues["relatives"] or (
            prev in lex.cues["negation_before_perfect"])
        hit = lex.match(toks, j, usable, prefer_verb)
        if hit is None or _issued_by(toks, hit, lex, s.last) or _names_actor(hit, lex) or _dawn(toks, hit, lex, s.last):
            continue
        hit = _ceasefire(toks, hit, lex, s.first, hits)
        # two triggers of one type side by side are one event: اتفاق وقف إطلاق النار
        if hits and hits[-1].last == j - 1 and hits[-1].form.trigger.type == hit.form.trigger.type:
            prev_hit = hits[-1]
            keep = hit if hit.form.trigger.specificity > prev_hit.form.trigger.specificity else prev_hit
            hits[-1] = Hit(keep.form, prev_hit.first, hit.last, prev_hit.analysis)
        else:
            hits.append(hit)
        free = hit.last + 1
    return hits


_PLAY_TYPES = frozenset({"ASSAULT", "MOBILIZE", "RETREAT"})


def without_play(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """In a sports report (two sports words in the sentence) attacks, advances and
    withdrawals are play."""
    if not any(h.form.trigger.type in _PLAY_TYPES for h in hits):
        return hits
    sports, openings, toks = lex.cues["sports"], lex.cue_openings["sports"], s.toks
    found = set()   # the sports words and word pairs of the sentence
    for k in range(s.first, s.last + 1):
        norm = toks[k].norm
        if toks[k].kind == "word" and norm in sports:
            found.add(norm)
        if k < s.last and norm in openings and norm + " " + toks[k + 1].norm in sports:
            found.add(norm + " " + toks[k + 1].norm)
    if len(found) < 2:
        return hits
    return [h for h in hits if h.form.trigger.type not in _PLAY_TYPES]


_JUDGED_TYPES = frozenset({"ASSAULT", "COERCE"})


def judgments_as_accusations(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"يعتبر اعتداءً على السيادة", "وصفها بأنها عدوان": an indefinite attack or coercion noun
    right after a judging copula judges an action already named; it is an accusation. So is
    describing with ب a damning word (تصفهم الحكومة بالإرهابيين، وصف القصف بالهمجي)."""
    form = lex.form_of("ACCUSE", "judgment")
    if form is None:
        return hits
    hits = _damning_descriptions(s, lex, hits, form)
    out = []
    for h in hits:
        a = h.analysis
        if (h.form.trigger.type in _JUDGED_TYPES and h.first == h.last and a.pos == "noun" and not a.article
                and h.first > s.first and lex.has("judging_copulas", s.toks[h.first - 1].norm)):
            h = Hit(form, h.first, h.last, a)
        out.append(h)
    return out


def _may_describe(s: Sentence) -> bool:
    """Whether a word of the sentence may be a describing verb: every form holds صف or نعت."""
    return "صف" in s.joined or "نعت" in s.joined


def _damning_descriptions(s: Sentence, lex: TriggerLexicon, hits: list[Hit], form) -> list[Hit]:
    if not _may_describe(s):
        return hits
    taken = {k for h in hits for k in range(h.first, h.last + 1)}
    added = []
    for k in range(s.first, s.last + 1):
        t = s.toks[k]
        n = t.norm   # every describing verb form holds صف or نعت: a cheap first test
        if ("صف" not in n and "نعت" not in n) or t.kind != "word" or not verb_of(lex, "describing_verbs", n):
            continue   # with its object pronoun too (تصفهم)
        for j in range(k + 1, min(k + 5, s.last + 1)):
            w = s.toks[j]
            if j in taken or w.kind != "word" or not w.norm.startswith("ب") or len(w.norm) < 4:
                continue
            stem = w.norm[1:]
            if stem in lex.cues["damning_terms"]:
                added.append(Hit(form, j, j, Analysis(stem, "noun", "ب", "", stem.startswith("ال"), False)))
                break
    if not added:
        return hits
    return sorted(hits + added, key=lambda h: h.first)


def without_attack_settings(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"استشهد ثلاثة بنيران الجيش في عمليتي توغل": an advance named as the circumstance of an
    attack of the sentence (after في/خلال/أثناء, with or without عملية) is where the attack
    happened, one happening (ACLED codes one event), not a mobilization of its own."""
    if not any(h.form.trigger.type == "ASSAULT" for h in hits):
        return hits
    out = []
    for h in hits:
        if h.form.trigger.type == "MOBILIZE" and h.form.trigger.mode == "advance" and h.first > s.first:
            k = h.first - 1
            if k > s.first and lex.has("operation_nouns", s.toks[k].norm):
                k -= 1
            if s.toks[k].kind == "word" and lex.has("circumstance", s.toks[k].norm):
                continue
        out.append(h)
    return out


_ADVANCE_WORDS = frozenset({"تقدم", "يتقدم"})
_DECLINE_WORDS = frozenset({"تراجع", "يتراجع"})


def without_progress(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """تقدم is a troop advance, تراجع a pull-back, only where armed forces are named in the
    sentence; else تقدم is progress (أحرز الطرفان تقدماً في المحادثات) or an offer (تقدم
    خدمات) and تراجع a decline (تراجع النظام الصحي، تراجعت الأسعار). تقدم بـ is a
    submission (تقدم بطلب، بعريضة), never an advance."""
    moves = [h for h in hits if (h.form.trigger.type == "MOBILIZE" and h.form.text in _ADVANCE_WORDS)
             or (h.form.trigger.type == "RETREAT" and h.form.text in _DECLINE_WORDS)]
    if not moves:
        return hits
    military = any(s.toks[k].kind == "word" and lex.has("military", s.toks[k].norm) for k in range(s.first, s.last + 1))
    drop = set()
    for h in moves:
        nxt = s.toks[h.last + 1] if h.last < s.last else None
        submitted = h.form.trigger.type == "MOBILIZE" and h.analysis.pos != "noun" and nxt is not None \
            and nxt.kind == "word" and nxt.norm.startswith("ب") and not lex.has("military", nxt.norm)
        if submitted or not military:
            drop.add(id(h))
    return [h for h in hits if id(h) not in drop]


def without_other_senses(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """Hits whose word means something else here by the lexicon's "senses" (سلّمه رسالة is
    a delivery, تساندهم المروحيات part of an attack, the tourists a city received)."""
    if not lex.senses or not hits:
        return hits
    words = None
    out = []
    for h in hits:
        other = None
        for sense in lex.senses:
            if sense.type != h.form.trigger.type or (sense.triggers and h.form.trigger.index not in sense.triggers):
                continue
            if sense.next and any(stem_in(s.toks[k], sense.next) for k in range(h.last + 1, min(h.last + 5, s.last + 1))):
                other = sense
            elif sense.sentence:
                if words is None:
                    words = [s.toks[k] for k in range(s.first, s.last + 1) if s.toks[k].kind == "word"]
                other = sense if any(stem_in(t, sense.sentence) for t in words) else None
            if other:
                break
        if other is None:
            out.append(h)
        elif other.as_form is not None and not any(
                x.form.trigger.type == other.as_form.trigger.type for x in hits if x.first < h.first):
            # read as another type, it joins an event of that type told before it
            # (استقبل الوفد الذي سلمه رسالة: the letter was handed over at the reception)
            out.append(Hit(other.as_form, h.first, h.last, h.analysis))
    return out


def without_records(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"قاعة الاجتماع"، "نص الاتفاق"، "منسق معونات الطوارئ"، "وتيرة الهجمات": an event noun
    in construct after a room, record or document noun, an office, body or post, or a rate
    or count names it or counts many; no particular happening."""
    def named(h: Hit) -> bool:
        if h.analysis.pos != "noun" or h.first == s.first or s.toks[h.first].norm.startswith(("و", "ب", "ل")):
            return False
        head = s.toks[h.first - 1]
        return head.kind == "word" and (lex.has("record_nouns", head.norm) or lex.has("office_nouns", head.norm)
                                        or lex.has("aggregate_nouns", head.norm))
    return [h for h in hits if not named(h)]


def without_agreement_references(s: Sentence, lex: TriggerLexicon, hits: list[Hit], names: set[int]) -> list[Hit]:
    """An agreement noun that refers to an agreement already made is no new agreement: after
    a word of reference (بموجب الاتفاق، تطبيق الاتفاقية، خرقاً للهدنة) or named by a place,
    person or year right after it (اتفاقية أوسلو، اتفاق الطائف، معاهدة 1994), unless a word of
    signing comes just before (وقّع الطرفان اتفاقية جنيف). ``names``: token indices inside a
    named entity (place, actor, person)."""
    out = []
    for h in hits:
        if h.form.trigger.type == "AGREE" and h.analysis.pos == "noun" and h.first == h.last:
            before = [s.toks[k] for k in range(max(s.first, h.first - 3), h.first)]
            signed = any(t.kind == "word" and lex.has("signing", t.norm) for t in before)
            referred = h.first > s.first and lex.has("agreement_references", s.toks[h.first - 1].norm)
            nxt = h.last + 1
            named = nxt <= s.last and (nxt in names or s.toks[nxt].kind == "number")
            if not signed and (referred or named):
                continue
        out.append(h)
    return out


_FIRE_VERBS = ("اطلق", "يطلق", "تطلق", "اطلاق")   # normalized أطلق، يطلق، تطلق، إطلاق
_FIRE_ENDINGS = ("", "ت", "وا", "ا", "ون", "ن")       # أطلقت، أطلقوا، يطلقون…


def _fires(word: str) -> bool:
    """أطلق in its common forms, with و/ف before it."""
    w = word[1:] if word[:1] in ("و", "ف") else word
    return any(w == v + e for v in _FIRE_VERBS for e in _FIRE_ENDINGS)
FIRE_REACH = 4   # words between the verb and what it fires: the shooter (أطلق جنود الاحتلال النار)


def fire_with_shooter_between(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"أطلق خفر السواحل النار على…"، "إطلاق القوات الإسرائيلية النار": firing told with the
    shooter between the verb and the fire is the phrase أطلق النار (ASSAULT, firearms)."""
    form = lex.phrase_form(("اطلق", "النار"))
    if form is None or "طلق" not in s.joined:
        return hits
    taken = {k for h in hits for k in range(h.first, h.last + 1)}
    added = []
    for k in range(s.first, s.last):
        t = s.toks[k]
        if k in taken or "طلق" not in t.norm or not _fires(t.norm):
            continue
        for j in range(k + 2, min(k + 2 + FIRE_REACH, s.last + 1)):
            if j in taken or s.toks[j].kind != "word":
                break
            if s.toks[j].norm in lex.cues["fire_objects"]:
                added.append(Hit(form, k, j, Analysis(s.toks[k].norm, "perfect", "", "", False, False)))
                taken.update(range(k, j + 1))
                break
    return sorted(hits + added, key=lambda h: h.first) if added else hits


def obligation_pairs(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """Two-word obligations opening with a particle (من الضروري، لا بد، على السلطات: cue
    "obligation_pairs"), read as REQUEST mode obligation; looked for by their second word."""
    form = lex.form_of("REQUEST", "obligation", phrase=True)
    pairs = lex.cues["obligation_pairs"]
    seconds = _second_words(lex)
    if seconds.isdisjoint(s.norms):
        return hits
    taken = {k for h in hits for k in range(h.first, h.last + 1)}
    added = []
    for k in range(s.first + 1, s.last + 1):
        n = s.toks[k].norm
        if n not in seconds or k in taken or k - 1 in taken:
            continue
        first = s.toks[k - 1].norm
        for lead in (first, first[1:] if first[:1] in ("و", "ف") else None):
            if lead and lead + " " + n in pairs:
                added.append(Hit(form, k - 1, k, Analysis(n, "noun", "", "", n.startswith("ال"), False)))
                break
    return sorted(hits + added, key=lambda h: h.first) if added and form is not None else hits


@lru_cache(maxsize=4)
def _second_words(lex: TriggerLexicon) -> frozenset[str]:
    return frozenset(p.split(" ")[1] for p in lex.cues["obligation_pairs"])


_OPENERS = frozenset({"ان", "انه", "انها", "فان", "لذا", "لذلك", "كما", "بل"})


def without_loose_obligations(s: Sentence, hits: list[Hit]) -> list[Hit]:
    """"على السلطات وقف الاحتجاز" obliges only at the head of a clause; after a verb "على"
    is its preposition (اعتمد على الحكومة، احتج على الحكومة)."""
    out = []
    for h in hits:
        if h.form.trigger.mode == "obligation" and s.toks[h.first].norm.lstrip("وف") == "علي" and h.first > s.first \
                and h.last > h.first and s.toks[h.last].norm != "ضروره":   # أكد على ضرورة: a demand anywhere
            prev = s.toks[h.first - 1]
            if prev.kind == "word" and prev.norm.lstrip("وف") not in _OPENERS and prev.norm not in ("و", "ف"):
                continue
        out.append(h)
    return out


def without_unsaid_judgments(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """A judgment word (خرق، انتهاك، غير شرعي: ACCUSE mode "judgment") accuses only in
    what a verb of saying or judging before it reports ("أكد أن الإنزال خرق فاضح"); on its
    own it names a topic ("لجنة للتحقيق في الانتهاكات")."""
    if not any(h.form.trigger.mode == "judgment" for h in hits):
        return hits
    out = []
    for h in hits:
        if h.form.trigger.mode == "judgment" and not any(
                s.toks[k].kind == "word" and verb_of(lex, "statement_verbs", s.toks[k].norm)
                for k in range(s.first, h.first)):
            continue
        out.append(h)
    return out


def without_pointed_back(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"خطورة هذا الاعتداء"، "تلك الهجمات": a definite event noun after a demonstrative points
    back at a happening told before (in the document it joins that event; with none, it is
    still no new one)."""
    return [h for h in hits
            if not (h.analysis.pos == "noun" and h.analysis.article and h.first > s.first
                    and s.toks[h.first - 1].kind == "word" and lex.has("demonstratives", s.toks[h.first - 1].norm))]


def without_aim_words(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
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


def _ceasefire(toks, hit: Hit, lex: TriggerLexicon, first: int, hits: list[Hit]) -> Hit:
    """"وقف فوري لإطلاق النار": shooting named after a word that stops it is a ceasefire."""
    if hit.form.trigger.type != "ASSAULT":
        return hit
    for k in range(hit.first - 1, max(first, hit.first - 3) - 1, -1):
        if toks[k].kind == "word" and toks[k].norm in lex.cues["cease"]:
            form = lex.phrase_form(("وقف", "اطلاق", "النار"))
            if form is None:
                return hit
            if hits and hits[-1].last >= k:   # "وقف" already read as part of an earlier trigger
                k = hits.pop().first
            return Hit(form, k, hit.last, hit.analysis)
    return hit
