"""What the words around a status cue say of it: denied, asked for, hoped for, planned,
attempted or negated; a checkpoint, a date, a cause or a circumstance rather than the
route's state; traffic resumed or stopped; the road passing a place rather than someone
using it; "only one left" said without a negation. status.collect reads these.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.knowledge.route_cues import stems as _stems_of
from marsad.stages.routes.waypoints import DASHES, SentenceView

DENIAL_STOPS = frozenset({"،", ",", ".", "؛", ";"})
DENIAL_REACH = 16    # نفى مصدر مسؤول بمنفذ X البري ما تردد على مواقع التواصل الاجتماعي عن إغلاق المنفذ
DEMAND_REACH = 5     # ناشدت منظمات إنسانية الأطراف المتحاربة فتح ممرات
OBJECT_REACH = 16    # دعا منسق الأمم المتحدة المقيم للشؤون الإنسانية في X الأطراف المتحاربة إلى فتح ممر
ENDEAVOUR_REACH = 5  # تعمل الوكالات الإنسانية على تأمين ممر
HOPE_REACH = 12      # يأمل تجار وسائقو شاحنات في الرمثا أن ينعكس أي تفاهم على حركة البضائع عبر المعبر
PLAN_REACH = 8       # على أن تُنقل الشحنات براً إلى غزة عبر المعبر
FUTURE = "\u0633"    # س before an imperfect: سيعاد فتحه، ستفتح، سيتم
IMPERFECT = frozenset("\u064a\u062a\u0646")
ON_THAT = ("\u0639\u0644\u064a", "\u0627\u0646")   # على أن (normalized): what is to be done
EXPRESS = frozenset({"\u0639\u0646"})   # عبّر عن: expressed, not crossed
PASS_KEYS = frozenset({"\u064a\u0645\u0631", "\u064a\u0639\u0628\u0631"})   # يمر، يعبر
SUBJECT_TO = frozenset({"\u062e\u0627\u0636\u0639", "\u062e\u0627\u0636\u0639\u0647",
                        "\u062e\u0627\u0636\u0639\u064a\u0646"})   # خاضع(ة/ين) لسيطرة: under whose control an area is
CUT_KEYS = frozenset({"\u0642\u0637\u0639", "\u064a\u0642\u0637\u0639"})     # قطع، يقطع
THAT = frozenset({"\u0627\u0646", "\u0628\u0627\u0646"})                       # أنّ، بأنّ (normalized)
GOVERNING = frozenset({"\u0627\u0644\u064a", "\u0639\u0644\u064a"})       # إلى، على (normalized)
ON = "\u0639\u0644\u064a"                                                      # على (normalized)
TAKES = frozenset({"يستغرق", "تستغرق", "ويستغرق", "وتستغرق", "استغرق", "يتطلب", "ويتطلب"})   # takes (time)
SPAN_WORDS = frozenset({"مدار", "مدي", "مدى", "امتداد"})    # على مدار الساعة، على مدى أيام
FORCED = frozenset({"اضطر", "يضطر", "تضطر", "اضطرت", "اضطروا", "اجبر", "يجبر", "تجبر", "اجبرت", "يرغم", "ارغم",
                    "مضطرين", "مجبرين", "دفع", "يدفع", "دفعت"})   # forced to (normalized)
FORCED_REACH = 6


def stems_in(v: SentenceView, k: int, words: frozenset[str]) -> bool:
    return v.toks[k].kind == "word" and v.cues.has(words, v.toks[k].norm)


def asked(v: SentenceView, j: int, c0: int, reach: int = DEMAND_REACH) -> bool:
    """Token ``j`` only asked for or intended (a demand or intent word a few words before),
    or only hoped for, possible or discussed (a hope word further back)."""
    return near_before(v, j, c0, v.cues.demand_words, reach, over_names=True) \
        or near_before(v, j, c0, v.cues.hope_words, HOPE_REACH, over_names=True) \
        or (governed(v, j, c0) and near_before(v, j, c0, v.cues.demand_words, OBJECT_REACH, over_names=True)) \
        or coordinated_ask(v, j, c0)


def coordinated_ask(v: SentenceView, j: int, c0: int) -> bool:
    """A verbal noun joined by و to an asked one before it (يطالب الأهالي بإعادة تأهيل
    الطريق وتأمينه): asked too."""
    if v.toks[j].norm[:1] != "\u0648":
        return False
    return any(governed(v, k, c0) and near_before(v, k, c0, v.cues.demand_words, DEMAND_REACH, over_names=True)
               for k in range(max(c0, j - OBJECT_REACH), j) if v.toks[k].kind == "word")


def governed(v: SentenceView, j: int, c0: int) -> bool:
    """A verbal noun that is the object of a preposition (إلى فتح، بفتح، لإعادة فتح، على
    تأمين): what a demand, a need or an effort further back is for."""
    if j > c0 and v.toks[j - 1].kind == "word" and v.cues.status_of(v.toks[j - 1]) == "reopen":
        j -= 1      # لإعادة فتح، إلى إعادة فتح: the reopening word is the object
    w = v.toks[j].norm
    w = w[1:] if w[:1] in ("\u0648", "\u0641") else w
    return w[:1] in ("\u0628", "\u0644") or (j > c0 and v.toks[j - 1].norm in GOVERNING)


def endeavoured(v: SentenceView, j: int, c0: int) -> bool:
    """An effort word with على after it before token ``j`` (تعمل الوكالات على تأمين ممر،
    يعمل الجيش على فتح الطريق): worked toward, not done."""
    for k in range(j - 1, max(c0, j - ENDEAVOUR_REACH) - 1, -1):
        if v.toks[k].kind == "word" and v.cues.has(v.cues.endeavour_words, v.toks[k].norm) \
                and effort_word(v, k, j):
            return True
    return False


def effort_word(v: SentenceView, k: int, hi: int) -> bool:
    """The effort word at ``k`` has على after it, before token ``hi`` (over who works)."""
    if not v.cues.has(v.cues.endeavour_words, v.toks[k].norm):
        return False
    for x in range(k + 1, min(hi, k + ENDEAVOUR_REACH) + 1):
        t = v.toks[x]
        if t.norm == ON:
            # يعمل على مدار الساعة، على مدى أيام: how long it works, not what it works toward
            return not (x + 1 <= v.last and v.toks[x + 1].norm in SPAN_WORDS)
        if t.kind != "word" or v.cues.has(v.cues.amid_words, t.norm) or v.cues.status_of(t) is not None:
            return False    # يعمل رغم القصف على الطرقات: at work despite shelling on them
    return False


def for_purpose(v: SentenceView, j: int) -> bool:
    """A use word with ل on it (للتنقل، لعبور الشاحنات): a purpose."""
    w = v.toks[j].norm
    w = w[1:] if w[:1] in ("\u0648", "\u0641") else w
    if w[:1] != "\u0644" or len(w) < 4:
        return False
    rest = "\u0627" + w[1:] if w.startswith("\u0644\u0644") else w[1:]     # للتنقل → التنقل
    if v.cues.status_word(rest) not in ("use", "used"):
        return False
    # اضطر المسافرين إلى عدن لسلوك طريق: what they were forced to do, done
    return not any(v.toks[k].kind == "word" and stems_of_any(v.toks[k].norm, FORCED)
                   for k in range(max(v.first, j - FORCED_REACH), j))


@lru_cache(maxsize=8)
def _alone_firsts(phrases: tuple) -> frozenset[str]:
    return frozenset(words[0] for words in phrases)


def stems_of_any(norm: str, words: frozenset[str]) -> bool:
    return not words.isdisjoint(_stems_of(norm))


def alone_at(v: SentenceView, j: int, c1: int) -> bool:
    """A phrase that says "only" without a negation before it (ليس أمامهم، لا يوجد) at token ``j``."""
    if v.toks[j].kind != "word":
        return False
    firsts = _alone_firsts(v.cues.remain_alone)
    if firsts.isdisjoint(_stems_of(v.toks[j].norm)):
        return False   # (most words start no such phrase: one set test)
    for words in v.cues.remain_alone:
        n = len(words)
        if j + n - 1 <= c1 and all(v.toks[j + i].kind == "word" and words[i] in _stems_of(v.toks[j + i].norm)
                                   for i in range(n)):
            return True
    return False


def returns(v: SentenceView, j: int, c1: int) -> int | None:
    """A return word at ``j`` with a traffic word right after it (عادت الحركة، عودة حركة
    السير، دبت الحركة من جديد): the traffic word's token."""
    return _pair(v, j, c1, v.cues.return_words, v.cues.traffic_words, 2)


def _pair(v: SentenceView, j: int, c1: int, head: frozenset[str], tail: frozenset[str], reach: int) -> int | None:
    """A ``head`` word at ``j`` with a ``tail`` word within ``reach`` words after it: the tail's token."""
    if v.toks[j].kind != "word" or not v.cues.has(head, v.toks[j].norm):
        return None
    for k in range(j + 1, min(c1, j + reach) + 1):
        if v.toks[k].kind == "word" and v.cues.has(tail, v.toks[k].norm):
            return k
    return None


def resumed(v: SentenceView, j: int, c1: int) -> int | None:
    """A traffic word at ``j`` with a return word right after it, over other traffic words
    (حركة السير عادت إلى طبيعتها، الحركة عادت، المرور استؤنف): the return word's token."""
    if v.toks[j].kind != "word" or not v.cues.has(v.cues.traffic_words, v.toks[j].norm):
        return None
    for k in range(j + 1, min(c1, j + 3) + 1):
        t = v.toks[k]
        if t.kind != "word":
            return None
        if v.cues.has(v.cues.return_words, t.norm):
            return k
        if not v.cues.has(v.cues.traffic_words, t.norm):
            return None
    return None


def lifted(v: SentenceView, j: int, c1: int) -> int | None:
    """A lift word at ``j`` with barriers right after it (رفعت القوات الحواجز، إزالة
    السواتر الترابية): the barriers' token."""
    return _pair(v, j, c1, v.cues.lift_words, v.cues.barrier_words, 3)


def route_passes(v: SentenceView, j: int, c1: int) -> bool:
    """يمر/يعبر with a route noun for subject right after it, over a preposition with a
    pronoun (يمر عبرها طريق، تمر بها الطريق الدولية): the road runs there."""
    if v.cues.status_key(v.toks[j].norm) not in PASS_KEYS:
        return False
    k = j + 1
    if k <= c1 and v.toks[k].kind == "word" and v.toks[k].norm[-1:] in ("\u0647", "\u0627") \
            and v.cues.route_noun(v.toks, k, c1) is None and k not in v.loc_at:
        k += 1      # عبرها، بها، فيه، منها
    return k <= c1 and v.cues.route_noun(v.toks, k, c1) is not None


def runs_through(v: SentenceView, j: int, c1: int) -> bool:
    """يمر/يعبر with a place or terrain right after it, over a marker (يمر عبر باجل، يمر
    بمنطقة X، تعبر الأراضي الزراعية): the road runs there, nobody is said to use it.
    "تمر عبره الإمدادات" (a pronoun) and "تمر القوافل عبر" (a subject) are uses."""
    if v.cues.status_key(v.toks[j].norm) not in PASS_KEYS or j + 1 > c1:
        return False
    k = j + 1
    if k in v.loc_at or v.cues.terrain_at(v.toks, k, c1) is not None:
        return True     # يمر بباجل، يعبر الصحراء
    hit = v.cues.marker(v.toks, k, c1)
    if hit is None or hit[0] not in ("through", "near", "to", "area") or hit[1] + 1 > c1:
        return False
    k = hit[1] + 1
    while k <= c1 and v.toks[k].kind == "word" and v.cues.has(v.cues.place_heads, v.toks[k].norm) \
            and k not in v.loc_at:
        k += 1      # يمر عبر منطقة X
    return k <= c1 and (k in v.loc_at or v.cues.terrain_at(v.toks, k, c1) is not None)


def traffic_stopped(v: SentenceView, j: int, c0: int, c1: int) -> bool:
    """A closing word within two words of the traffic word at ``j``, over the names of who
    stopped it (أوقفت السلطات المصرية حركة العبور) and other traffic words (توقف حركة المرور)."""
    for step, bound in ((-1, c0), (1, c1)):
        k, left = j + step, 2
        while left > 0 and (k >= bound if step < 0 else k <= bound):
            t = v.toks[k]
            if t.kind == "word" and v.cues.status_of(t) == "closed":
                return True
            if k not in v.covered and not (t.kind == "word" and v.cues.has(v.cues.traffic_words, t.norm)):
                left -= 1
            k += step
    return False


def amid(v: SentenceView, j: int, c0: int) -> bool:
    """Shelling right after مع/وسط/في ظل/رغم, or after an onset word after one (مع تصاعد القصف)."""
    k = j - 1
    if k >= c0 and v.cues.has(v.cues.onset_words, v.toks[k].norm):
        k -= 1
    return k >= c0 and v.toks[k].kind == "word" and v.cues.has(v.cues.amid_words, v.toks[k].norm)


def exchanged(v: SentenceView, j: int, c1: int) -> int | None:
    """The control or fire word an exchange word at ``j`` governs, within two words past
    the names of who exchange it (يتبادل عناصر الهيئة وقوات النظام السيطرة)."""
    return next((k for k in _past_names(v, j, c1, 2) if v.toks[k].kind == "word" and k not in v.covered
                 and v.cues.status_of(v.toks[k]) in ("closed", "contested", "shelled")), None)


def _past_names(v: SentenceView, j: int, c1: int, words: int):
    """Token indices after ``j`` up to ``words`` words that are no part of a name (the names
    of who does it may stand between a verb and its object)."""
    k, left = j + 1, words
    while k <= c1 and left > 0:
        yield k
        if k not in v.covered:
            left -= 1
        k += 1


def travels_distance(v: SentenceView, j: int, c1: int) -> bool:
    """قطع (to cut) with a distance as its object within three words (تقطع القوافل مسافة
    45 كيلومتراً، قطعوا 20 كم): the distance was travelled, the road not cut."""
    if v.cues.status_key(v.toks[j].norm) not in CUT_KEYS:
        return False
    if j > v.first and v.toks[j - 1].norm in TAKES:
        return True     # يستغرق قطعه ست ساعات: crossing it takes that long
    return any(v.toks[k].kind == "word" and v.cues.has(v.cues.distance_words, v.toks[k].norm)
               for k in range(j + 1, min(c1, j + 4) + 1))


def stated(v: SentenceView, j: int, c0: int) -> bool:
    """A verbal noun right after أنّ/بأنّ (حذّرت من أن إغلاق المعبر يهدد…): the subject of
    a reported clause, so what a warning or an appeal before it says is not asked for.
    An imperfect verb there (يخشى أن يُغلق) is still only feared."""
    if j <= c0 or v.toks[j - 1].norm not in THAT:
        return False
    w = v.toks[j].norm
    w = w[1:] if w[:1] in ("\u0648", "\u0641") else w
    return w[:1] not in IMPERFECT and not w.startswith("\u0633")


def future(v: SentenceView, k: int) -> bool:
    """سيعاد، ستفتح، سيتم: an imperfect status word or auxiliary with the future prefix."""
    t = v.toks[k]
    if t.kind != "word" or len(t.norm) < 4 or t.norm[0] != FUTURE or t.norm[1] not in IMPERFECT:
        return False
    rest = t.norm[1:]
    if v.cues.has(v.cues.keep_words | v.cues.remain_verbs, rest) or v.cues.has(v.cues.keep_words, t.norm):
        return False    # سيبقى مغلقاً: the closure goes on, it is not only to come
    return v.cues.status_word(rest) is not None or "auxiliaries" in v.lex.classes(rest)


def planned(v: SentenceView, j: int, c0: int) -> bool:
    """Token ``j`` is only to come: in the future tense itself or after one within two
    words (سيعاد فتحه، سيتم إغلاق الطريق), or after "على أن" (على أن تُنقل الشحنات عبر المعبر)."""
    if any(future(v, k) for k in range(max(c0, j - 2), j + 1)):
        return True
    for k in range(max(c0, j - PLAN_REACH), j):
        if v.toks[k].norm == ON_THAT[0] and k + 1 < j and v.toks[k + 1].norm == ON_THAT[1]:
            return True
    return False


def expressed(v: SentenceView, j: int, c1: int) -> bool:
    """عبّر (عبّرت الأمم المتحدة) عن: expressed, the subject's name between."""
    return any(v.toks[k].norm in EXPRESS for k in _past_names(v, j, c1, 2))


def busy(v: SentenceView, j: int, c1: int) -> bool:
    """A traffic word (حركة، السير) said to be heavy or normal within the next words,
    over another traffic word or a pronoun preposition (الحركة عليه طبيعية)."""
    k, left = j + 1, 3
    while k <= c1 and left > 0 and v.toks[k].kind == "word":
        if v.cues.has(v.cues.busy_words, v.toks[k].norm):
            return True
        left -= 1
        k += 1
    return False


def negated(v: SentenceView, j: int, c0: int) -> bool:
    """A negation word right before token ``j``, across auxiliaries (لم يتم، لم يعد) and
    the route noun itself (لم يعد الطريق آمناً); or a denial before it in the clause
    (نفت المحافظة إغلاق الطريق)."""
    for k in range(j - 1, max(v.first, j - DENIAL_REACH) - 1, -1):
        t = v.toks[k]
        if t.kind == "punct" and t.text in DENIAL_STOPS:
            break       # the denial's own clause only, though the frame may start later (ما تردد عن)
        if t.kind == "word" and ("denial" in v.lex.classes(t.norm) or v.cues.has(v.cues.denial_words, t.norm)):
            return True     # (نافياً أنباء تحدثت عن قطعه)
    k, left = j - 1, 3
    while left > 0:
        if k >= c0 and (k in v.loc_at or (k in v.covered and k - 1 in v.covered)
                        or (v.toks[k].kind == "punct" and v.toks[k].text in DASHES)
                        or (v.toks[k].kind == "word" and v.cues.marker(v.toks, k, k) is not None)):
            k -= 1      # the route's name: لم يعد طريق حلب – غازي عنتاب (بين X وY) آمناً
            continue
        left -= 1
        if k < c0 or v.toks[k].kind != "word":
            return False
        cl = v.lex.classes(v.toks[k].norm)
        if "negation" in cl or ("negation_before_perfect" in cl and v.toks[k].norm == "ما"
                                and not resultative(v, k)):
            return True
        if "auxiliaries" not in cl and v.cues.route_noun(v.toks, k, k) is None:
            return False
        k -= 1
    return False


def resultative(v: SentenceView, k: int) -> bool:
    """"…، ما قطع خط الإمداد": ما after a comma is "which (led to)", not a negation."""
    return k > v.first and v.toks[k - 1].kind == "punct" and v.toks[k - 1].text in ("،", ",")


def checkpoint(v: SentenceView, j: int, c0: int) -> bool:
    """A checkpoint word (سيطرة) before a place name or after a status word (فتح سيطرة)."""
    if v.cues.has(v.cues.checkpoint_plurals, v.toks[j].norm):
        return True
    if not v.cues.has(v.cues.checkpoint_words, v.toks[j].norm):
        return False
    if j + 1 <= v.last and v.toks[j + 1].norm in CHECKPOINT_ADJECTIVES:
        return True     # في سيطرة أمنية على الطريق: a security checkpoint on it (Iraqi usage)
    return j + 1 in v.loc_at or (j > c0 and v.toks[j - 1].kind == "word"
                                 and v.cues.status_of(v.toks[j - 1]) in ("open", "closed", "reopen"))


CHECKPOINT_ADJECTIVES = frozenset({"امنيه", "عسكريه", "مشتركه", "ثابته", "متنقله", "وهميه"})   # normalized


def near_before(v: SentenceView, j: int, c0: int, words: frozenset[str], reach: int,
                 over_names: bool = False) -> bool:
    """One of ``words`` within ``reach`` words before token ``j``; ``over_names``: the
    words of a name do not count (دعا برنامج الأغذية العالمي إلى فتح)."""
    k, left = j - 1, reach
    while k >= c0 and left > 0:
        t = v.toks[k]
        if t.kind == "word" and v.cues.has(words, t.norm):
            return True
        if not (over_names and k in v.covered):
            left -= 1
        k -= 1
    return False


def dates(v: SentenceView, j: int, c0: int) -> bool:
    """Fighting named only to date something or as a cause: right after a period or cause
    word (منذ اندلاع القتال، بسبب الاشتباكات) or after من in one (خلال الأسبوع الأول من
    القتال، هرباً من المعارك); not "منذ الصباح معارك"."""
    if j <= c0:
        return False
    prev = v.toks[j - 1].norm
    if v.cues.has(v.cues.onset_words, prev):
        # منذ اندلاع القتال، بعد تجدد القتال date it; أفاد باندلاع اشتباكات reports it
        return j - 2 >= c0 and v.cues.has(v.cues.period_words | v.cues.cause_words | v.cues.before_words,
                                          v.toks[j - 2].norm)
    if v.toks[j].norm.startswith("\u0648") and v.toks[j - 1].kind == "word" and dates(v, j - 1, c0):
        return True     # هرباً من القصف والمعارك
    prev = v.toks[j - 1].norm
    if v.cues.has(v.cues.period_words | v.cues.cause_words, prev):
        return True
    if prev == "من" and j - 2 >= c0 and v.cues.has(v.cues.cause_words, v.toks[j - 2].norm):
        return True     # هرباً من المعارك: why they fled, not fighting on the route
    return prev == "من" and near_before(v, j - 1, c0, v.cues.period_words, 4)


def attempted(v: SentenceView, j: int, c0: int, reach: int = 3, over_names: bool = False) -> bool:
    k, left = j - 1, reach
    while k >= c0 and left > 0:
        if "attempt" in v.lex.classes(v.toks[k].norm):
            return True
        if not (over_names and k in v.covered):
            left -= 1
        k -= 1
    return False


RECORDED = frozenset({"اي", "ايه", "عمليات", "عمليه", "حركه", "حالات", "تسجل", "يسجل", "تسجيل", "ترصد", "يرصد",
                      "رصد", "تشهد", "يشهد", "تسجيلها", "هناك", "يوجد", "توجد", "تتم", "يتم"})   # normalized


def none_recorded(v: SentenceView, j: int, c0: int) -> bool:
    """A use told as not seen (لم تُسجَّل أي عمليات عبور عبر المعبر، لا توجد حركة عبور): no
    use, and no closure either."""
    for k in range(j - 1, max(c0, j - 5) - 1, -1):
        t = v.toks[k]
        if t.kind != "word":
            return False
        if "negation" in v.lex.classes(t.norm):
            return k < j - 1    # (لم يعبر is a negated verb, read by negated())
        w = t.norm[1:] if t.norm[:1] == "\u0648" and len(t.norm) > 3 else t.norm
        if w not in RECORDED:
            return False
    return False

