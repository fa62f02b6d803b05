"""Trigger words that name no particular happening where they stand: the setting of a
statement (في لقاء مع مراسل), what talks are about or talks referred to, an event named by
its day, "any" event, a standing state, what an event noun is of, what a condemnation or a
judgment points at, an action averted, a general statement, a forecast. Each filter takes
the sentence's hits and returns those that stay; ``finding.sentence_hits`` runs them.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.knowledge.triggers import Hit, TriggerLexicon
from marsad.stages.events.sentence import Sentence
from marsad.stages.events.words import stem_in, verb_of, with_conjunctions


def without_statement_settings(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"وقال في لقاء مع موفد الجزيرة إن…"، "نسبت إليه قوله في اتصال هاتفي": a meeting or call
    after في/خلال is where a statement was given, no meeting of political actors, when its
    partner is a journalist or an outlet (مع مراسل، للصحيفة), or when a call names no partner
    and a word of saying stands right before it (قوله في اتصال هاتفي)."""
    if not any(h.form.trigger.type == "CONSULT" for h in hits):
        return hits
    toks = s.toks
    out = []
    for h in hits:
        if h.form.trigger.type == "CONSULT" and h.form.trigger.mode in ("meet", "call") and h.analysis.pos == "noun" \
                and h.first > s.first and _circumstance_before(toks[h.first - 1]):
            after = [toks[k] for k in range(h.last + 1, min(h.last + 4, s.last + 1)) if toks[k].kind == "word"]
            partner = next((k for k, t in enumerate(after) if t.norm in ("مع", "ب") or t.norm.startswith("مع")), None)
            with_media = partner is not None and partner + 1 < len(after) and stem_in(after[partner + 1], lex.cues["media"])
            said_before = any(toks[k].kind == "word" and (lex.has("saying_nouns", toks[k].norm)
                                                           or verb_of(lex, "statement_verbs", toks[k].norm))
                              for k in range(max(s.first, h.first - 3), h.first - 1))
            to_media = any(stem_in(t, lex.cues["media"]) for t in after[:1])
            # a reception or meeting names its guests without مع (خلال استقباله أعضاء المجلس)
            if with_media or to_media or (partner is None and said_before and h.form.trigger.mode == "call"):
                continue
        out.append(h)
    return out


TOPIC_REACH = 4   # words between a topic word and the action it names (تناولت علاقات الصداقة والتعاون)


def without_topics_of_talks(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"محادثات تناولت التعاون بين البلدين"، "مشاورات حول نوع العقوبات"، "بحثت القمة وقف إطلاق
    النار": an action noun that talks are about, after a topic word (or a verb of discussing,
    which takes its topic as object), is their subject, not a happening."""
    talks = [h for h in hits if h.form.trigger.type == "CONSULT"]
    if not talks:
        return hits
    out = []
    for h in hits:
        consult = next((t for t in reversed(talks) if t.last < h.first), None)
        if consult is not None and h.form.trigger.type != "CONSULT" and h.analysis.pos == "noun":
            lo = max(consult.first, h.first - 1 - TOPIC_REACH)
            between = [x for x in hits if consult.last < x.first < h.first]
            topic = any(s.toks[k].kind == "word" and stem_in(s.toks[k], lex.cues["topic_words"])
                        for k in range(lo, h.first))
            # "حول العقوبات التي ستفرضها": a relative clause tells the action itself
            told = h.last < s.last and s.toks[h.last + 1].norm in lex.cues["relatives"]
            if topic and not told and not between and not s.is_break(h.first - 1):
                continue
        out.append(h)
    return out


def without_talks_referred_to(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"مواصلة الحوار"، "عرقلة المفاوضات"، "ووصف الطرفان المحادثات بأنها مفيدة": talks or
    cooperation with the article after a word that refers to them as going on, or after a
    verb describing them, are talks already told; no new meeting."""
    out = []
    for h in hits:
        if h.form.trigger.type in ("CONSULT", "COOPERATE") and h.analysis.pos == "noun" and h.analysis.article \
                and h.first > s.first and not h.analysis.prefix.strip("وف"):
            prev = s.toks[h.first - 1]
            if prev.kind == "word" and stem_in(prev, lex.cues["talk_references"]):
                continue
            if any(s.toks[k].kind == "word" and verb_of(lex, "describing_verbs", s.toks[k].norm)
                   for k in range(max(s.first, h.first - 4), h.first)):
                continue
        out.append(h)
    return out


def without_dated_names(s: Sentence, hits: list[Hit]) -> list[Hit]:
    """"هجمات 11 سبتمبر"، "حرب حزيران 1967": an event noun followed right away by a date names
    a known happening by its day; it is no new one."""
    if not any(h.last < s.last and s.toks[h.last + 1].kind == "number" for h in hits):
        return hits   # (the usual case: no mention need be looked at)
    date_starts = {m.start for m in s.doc.mentions if m.label == "DATE"}
    return [h for h in hits
            if not (h.analysis.pos == "noun" and not h.analysis.article and not h.analysis.suffix
                    and h.last < s.last and s.toks[h.last + 1].start in date_starts
                    and s.toks[h.last + 1].kind == "number")]


def without_any(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"استبعد أي وقف لإطلاق النار"، "لم يحصل أي اتفاق"، "سيقدم أية مساعدة ممكنة": an event
    noun after أي/أية names no particular happening."""
    return [h for h in hits
            if not (h.analysis.pos == "noun" and not h.analysis.prefix and h.first > s.first
                    and s.toks[h.first - 1].kind == "word" and s.toks[h.first - 1].norm in lex.cues["any_words"])]


def without_states_and_labels(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"المناطق التي تسيطر عليها المعارضة"، "كان يسيطر عليها": control in the imperfect is a
    standing state, not a seizure (سيطرت القوات على المدينة is one); a lone word in square
    brackets ([ تحرير ]) is a page's edit link, and a word after a credit (تصوير: طالب) a name."""
    out = []
    for h in hits:
        a = h.analysis
        if h.form.trigger.type == "COERCE" and h.form.trigger.mode == "seize" and a.pos == "imperfect" and not a.future:
            continue
        if h.first == h.last and s.first < h.first < s.last and s.toks[h.first - 1].text == "[" \
                and s.toks[h.last + 1].text == "]":
            continue
        if h.first - 2 >= s.first and s.toks[h.first - 1].text == ":" and lex.has("credit_words", s.toks[h.first - 2].norm):
            continue   # تصوير: طالب الحسيني — a credit line names the photographer
        out.append(h)
    return out


def without_genitives_of_events(lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"اتفاقية تعاون"، "لحشد الدعم الدولي"، "تسليم المعونات": an event noun in construct
    right after another event noun tells what that one is of; the two are one event, of the
    more specific word's type (a cooperation agreement, a mobilisation, an aid delivery).
    Prevention keeps its type (منع إطلاق النار: the shooting did not happen); what a demand
    or a threat is about stays its content, and a judgment (جريمة اغتيال) its own event."""
    out: list[Hit] = []
    for h in hits:
        head = out[-1] if out else None
        if (head is not None and head.last == h.first - 1 and head.analysis.pos == "noun" and not head.analysis.article
                and not head.analysis.suffix and h.analysis.pos == "noun" and not h.analysis.prefix
                and head.form.trigger.type not in lex.embedding and "judgment" not in (head.form.trigger.mode, h.form.trigger.mode)):
            keep = head if (head.form.trigger.mode == "block"
                            or head.form.trigger.specificity >= h.form.trigger.specificity) else h
            out[-1] = Hit(keep.form, head.first, h.last, head.analysis)
            continue
        out.append(h)
    return out


CONDEMNED_REACH = 4   # words from a condemnation to what it condemns (أدان بشدة الهجوم)


def without_condemned(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"ويستنكرون الاعتداءات المسلحة"، "مبدياً احتجاجه على الاعتداء الإسرائيلي": an attack
    with the article that a condemnation is about points at a happening told elsewhere; it
    is what is condemned, not a new event. A relative clause or a target after it tells it
    (أدان الهجوم الذي استهدف القرية، أدان العدوان على المدينة), and then it stays."""
    out: list[Hit] = []
    for h in hits:
        cond = out[-1] if out else None
        if (cond is not None and cond.form.trigger.type == "ACCUSE" and cond.form.trigger.mode == "condemn"
                and h.form.trigger.type in ("ASSAULT", "COERCE") and h.analysis.pos == "noun" and h.analysis.article
                and h.first - cond.last <= CONDEMNED_REACH
                and not (h.last < s.last and (s.toks[h.last + 1].norm in lex.cues["relatives"]
                                              or s.toks[h.last + 1].norm in lex.cues["target_prepositions"]))):
            continue
        out.append(h)
    return out


def without_judged_or_averted(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """Three readings where the news is not the action named:
    - "عملية الإنزال هي خرق فاضح": an action with the article that a judgment is predicated
      of (through هي، يعد، يشكل…) is known already; the judgment is the news;
    - "إذا تكررت الانتهاكات": a judgment word under a condition accuses nobody;
    - "اتفاق يجنبها العقوبات"، "لتفادي المواجهة": an action averted was not done."""
    out = []
    toks = s.toks
    for n, h in enumerate(hits):
        a = h.analysis
        if a.pos == "noun" and h.first > s.first and stem_in(toks[h.first - 1], lex.cues["averting"]):
            continue
        if h.form.trigger.mode == "judgment" and any(
                toks[k].kind == "word" and lex.has("condition", toks[k].norm) for k in range(max(s.first, h.first - 3), h.first)):
            continue
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        if (nxt is not None and nxt.form.trigger.mode == "judgment" and a.pos == "noun" and a.article
                and h.form.trigger.mode != "judgment"
                and 0 < nxt.first - h.last <= 5 and any(toks[k].kind == "word" and toks[k].norm in lex.cues["subject_copulas"]
                                                       for k in range(h.last + 1, nxt.first))):
            continue
        out.append(h)
    return out


GENERIC_REACH = 6   # words around a trigger where a word of habit makes it general


def without_generic(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"قد يهاجم الأسد الإنسان في بعض الأحيان"، "غالباً ما تغلق السلطات المعبر": a word of habit
    or frequency near the trigger makes a general statement, no particular happening."""
    if not hits:
        return hits
    vocab = lex.cues["generic_markers"]
    firsts = lex.cue_openings["generic_markers"]   # what its two-word markers begin with
    words = _generic_words(lex)
    if words.isdisjoint(s.norms) and firsts.isdisjoint(s.norms):
        return hits
    near = {k for h in hits for k in range(max(s.first, h.first - GENERIC_REACH), min(s.last, h.last + GENERIC_REACH) + 1)}
    marks = [k for k in near if s.toks[k].kind == "word" and (
        s.toks[k].norm in words
        or (k < s.last and s.toks[k].norm in firsts and s.toks[k].norm + " " + s.toks[k + 1].norm in vocab))]
    if not marks:
        return hits
    return [h for h in hits if not any(h.first - GENERIC_REACH <= k <= h.last + GENERIC_REACH for k in marks)]


@lru_cache(maxsize=4)
def _generic_words(lex: TriggerLexicon) -> frozenset[str]:
    """The words of habit, bare or after و (adverbs of habit take no other clitic)."""
    return with_conjunctions(lex.cues["generic_markers"], ("و",))


def _circumstance_before(prev) -> bool:
    """في، خلال or أثناء (with و or not) right before the meeting word."""
    return prev.kind == "word" and prev.norm.lstrip("و") in ("في", "خلال", "اثناء")


def without_forecasts(s: Sentence, lex: TriggerLexicon, hits: list[Hit]) -> list[Hit]:
    """"يتعين أن يصل عدد السيارات إلى مليوني سيارة": an obligation whose content is a figure
    reaching, rising or falling is a forecast, nobody is asked to do anything."""
    out = []
    for h in hits:
        if h.form.trigger.mode == "obligation":
            # the verb of the content: right after, past an أن (يتعين على الشركات أن …)
            words = [s.toks[k].norm for k in range(h.last + 1, min(h.last + 3, s.last + 1)) if s.toks[k].kind == "word"]
            verb = next((w for w in words if w != "ان"), None)
            if verb is not None and lex.has("quantity_verbs", verb):
                continue
        out.append(h)
    return out
