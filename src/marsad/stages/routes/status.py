"""Whether a route is open, closed, contested or narrowing, and who uses or closes it.

Status words (route_cues.json "status") are read in the route's frame. A word just
before a route noun (أغلقت القوات الطريق، أعيد فتح المعبر) belongs to that noun; the
others to the frame they stand in. Then:
  * negation right before the word (لم يُغلق، لم يعد آمناً، غير آمن; across auxiliaries)
    turns closed into open and open into closed, and drops the rest;
  * an attempt to close (يحاول قطع الطريق) makes it contested;
  * "لم يبق (أمام X) سوى …": the set of routes narrows, and X uses the one left;
  * أعاد/أعيد/إعادة + فتح: reopened, so open whatever closure is also told.
A status asked for (طالب بفتح) is none; one after بعد/إثر (بعد إغلاقه) is the state
before, counted only when nothing else is said; كان + a use verb is a past use; سيطرة
before a place name is a checkpoint.
Resolution: reopened → open; fought over, or closed and open at once → contested;
closed → closed; a narrowing word → narrowing; only one left (لم يبق سوى، المنفذ
الوحيد) and not said to be in use → narrowing; open or used now → open; shelled and
nothing else → contested; used once (past tense) → open; nothing → unknown. A force that closes the road it uses itself does not
close it.
"""
from __future__ import annotations

from marsad.knowledge.route_cues import stems as _stems_of
from marsad.stages.routes.waypoints import DASHES, Frame, SentenceView

REACH_AFTER = 6      # a user named after the verb: يلجأ إليها قادة ومقاتلون أجانب في التنظيم
REACH_BEFORE = 4     # … or before it: يحاول مسلحو داعش استغلاله
DENIAL_REACH = 12    # نفى مصدر مسؤول بمعبر رفح البري ما تردد عن إغلاق المعبر
DEMAND_REACH = 5     # ناشدت منظمات إنسانية الأطراف المتحاربة فتح ممرات
HOPE_REACH = 12      # يأمل تجار وسائقو شاحنات في الرمثا أن ينعكس أي تفاهم على حركة البضائع عبر المعبر
REMAIN_REACH = 12    # لم يعد أمام التجار لنقل بضائعهم من بورتسودان إلى أم درمان سوى الطريق
PLAN_REACH = 8       # على أن تُنقل الشحنات براً إلى غزة عبر المعبر
FUTURE = "\u0633"    # س before an imperfect: سيعاد فتحه، ستفتح، سيتم
IMPERFECT = frozenset("\u064a\u062a\u0646")
ON_THAT = ("\u0639\u0644\u064a", "\u0627\u0646")   # على أن (normalized): what is to be done
BACK_PREPS = frozenset({"\u0639\u0644\u064a\u0647", "\u0639\u0644\u064a\u0647\u0627", "\u0641\u064a\u0647",
                        "\u0641\u064a\u0647\u0627", "\u0628\u0647", "\u0628\u0647\u0627"})  # عليه، فيه، به…
EXPRESS = frozenset({"\u0639\u0646"})   # عبّر عن: expressed, not crossed
PASS_KEYS = frozenset({"\u064a\u0645\u0631", "\u064a\u0639\u0628\u0631"})   # يمر، يعبر
SUBJECT_TO = frozenset({"\u062e\u0627\u0636\u0639", "\u062e\u0627\u0636\u0639\u0647",
                        "\u062e\u0627\u0636\u0639\u064a\u0646"})   # خاضع(ة/ين) لسيطرة: under whose control an area is


def collect(v: SentenceView, c0: int, c1: int, skip: set[int]) -> list[tuple[str, int]]:
    """Status cues of tokens [c0, c1] not in ``skip`` (anchors, markers, places):
    (class, token), after negation, attempts, reopening and the "لم يبق سوى" construction."""
    toks, cues = v.toks, v.cues
    out: list[tuple[str, int]] = []
    j = c0
    while j <= c1:
        t = toks[j]
        if t.kind != "word" or j in skip or j in v.covered:
            j += 1
            continue
        if (v.cues.has(cues.remain_verbs, t.norm) and _negated(v, j, c0)) or _alone_at(v, j, c1):
            if any(v.cues.has(cues.remain_except, toks[k].norm) for k in range(j + 1, min(c1, j + REMAIN_REACH) + 1)):
                out.append(("remain", j))     # لم يترك لهم الحصار سوى، ليس أمامهم إلا
                j += 1
                continue
        back = _returns(v, j, c1)
        if back is not None:
            out.append(("reopen", j))   # عادت الحركة إلى الطريق، عودة حركة السير: traffic resumed
            j = back + 1
            continue
        cls = cues.status_of(t) if not v.cues.has(cues.unit_words, t.norm) else None   # القطعات: units
        if cls is None and v.cues.has(cues.exchange_words, t.norm):
            nxt = _exchanged(v, j, c1)
            if nxt is not None:     # يتبادل الطرفان السيطرة على الطريق: control changes hands
                out.append(("contested", j))
                j = nxt + 1
                continue
        if cls is None and j > c0 and v.cues.has(cues.out_of_service, t.norm) \
                and v.cues.has(cues.out_of_service_before, toks[j - 1].norm):
            cls = "closed"      # خارج الخدمة، خرج عن الخدمة
        if cls == "closed" and _travels_distance(v, j, c1):
            cls = "use"         # تقطع القوافل مسافة 45 كيلومتراً على الطريق: travelled, not cut
        if cls is None and v.cues.has(cues.traffic_words, t.norm) and _busy(v, j, c1):
            cls = "open"        # حركة كثيفة للشاحنات، الحركة عليه طبيعية: in use
        elif cls is None and v.cues.has(cues.remaining_words, t.norm):
            cls = "remain"      # الطريق الوحيد المتبقي: all that is left
        if cls is None:
            j += 1
            continue
        if cls in ("use", "used") and v.cues.has(cues.traffic_words, t.norm) and _traffic_stopped(v, j, c0, c1):
            j += 1      # حركة العبور متوقفة، أوقفت السلطات حركة العبور: the traffic is what stopped
            continue
        if cls in ("use", "used") and _expressed(v, j, c1):
            j += 1      # عبّرت عن قلقها: expressed, not crossed
            continue
        if cls in ("use", "used") and _for_purpose(v, j):
            j += 1      # طريق … للتنقل خارج المحافظة: what it is for, not that it is used
            continue
        if cls in ("use", "used") and _route_passes(v, j, c1):
            j += 1      # التي يمر عبرها طريق تعز – صنعاء: where the road runs, not who uses it
            continue
        if cls == "closed" and j > c0 and stems_in(v, j - 1, SUBJECT_TO):
            j += 1      # الأحياء الخاضعة لسيطرتها: whose area, not a road controlled
            continue
        if _planned(v, j, c0):
            j += 1      # سيعاد فتحه الأسبوع المقبل، على أن تُنقل عبر المعبر: not yet
            continue
        if j > c0 and v.cues.has(cues.place_heads, toks[j - 1].norm) \
                and not (cls == "remain" and v.cues.route_noun(toks, j - 1, j - 1) is not None):
            j += 1      # مناطق سيطرة الفصائل، منطقة الاشتباكات: which area, not what the route is
            continue
        if _checkpoint(v, j, c0) or (not _stated(v, j, c0) and _asked(v, j, c0)):
            j += 1      # (فتح) سيطرة المنصورية is a checkpoint; طالب بفتح ممر asks, it does not report
            continue
        if cls in ("open", "reopen") and _attempted(v, j, c0, reach=4, over_names=True):
            j += 1      # تسعى إلى تأمين الطريق: sought, not done (يحاول استغلاله is a use)
            continue
        if cls == "open" and v.cues.has(cues.keep_words, t.norm) and any(
                toks[k].kind == "word" and cues.status_of(toks[k]) for k in range(j + 1, min(c1, j + 4) + 1)):
            j += 1      # سيبقى مغلقاً، إبقاء معبر القائم مغلقاً: the adjective says the state
            continue
        if cls == "reopen":
            nxt = next((k for k in range(j + 1, min(c1, j + 3) + 1) if cues.status_of(toks[k]) == "open"), None)
            if nxt is not None:
                out.append(("reopen", j))
                j = nxt + 1
                continue
            j += 1
            continue
        if _negated(v, j, c0):
            flipped = {"closed": "open", "open": "closed"}.get(cls)
            if flipped:
                out.append((flipped + ":negated", j))
            j += 1
            continue
        if cls == "shelled" and _amid(v, j, c0):
            j += 1      # مع تصاعد القصف، وسط القصف: the circumstance, not the route's state
            continue
        if cls in ("contested", "shelled") and _dates(v, j, c0):
            j += 1      # خلال الأسبوع الأول من القتال: a date, not fighting on the route
            continue
        if cls == "closed" and _attempted(v, j, c0):
            cls = "contested"
        if cls == "use" and _near_before(v, j, c0, cues.past_words, 3):
            cls = "used"        # كان التنظيم يستخدمه: a use in the past
        if _near_before(v, j, c0, cues.before_words, 1):
            cls += ":before"    # بعد إغلاقه: the state before the one reported
        out.append((cls, j))
        j += 1
    return out


def stems_in(v: SentenceView, k: int, words: frozenset[str]) -> bool:
    return v.toks[k].kind == "word" and v.cues.has(words, v.toks[k].norm)


def _asked(v: SentenceView, j: int, c0: int, reach: int = DEMAND_REACH) -> bool:
    """Token ``j`` only asked for or intended (a demand or intent word a few words before),
    or only hoped for, possible or discussed (a hope word further back)."""
    return _near_before(v, j, c0, v.cues.demand_words, reach, over_names=True) \
        or _near_before(v, j, c0, v.cues.hope_words, HOPE_REACH, over_names=True)


def _for_purpose(v: SentenceView, j: int) -> bool:
    """A use word with ل on it (للتنقل، لعبور الشاحنات): a purpose."""
    w = v.toks[j].norm
    w = w[1:] if w[:1] in ("\u0648", "\u0641") else w
    if w[:1] != "\u0644" or len(w) < 4:
        return False
    rest = "\u0627" + w[1:] if w.startswith("\u0644\u0644") else w[1:]     # للتنقل → التنقل
    return v.cues.status_word(rest) in ("use", "used")


def _alone_at(v: SentenceView, j: int, c1: int) -> bool:
    """A phrase that says "only" without a negation before it (ليس أمامهم، لا يوجد) at token ``j``."""
    for words in v.cues.remain_alone:
        n = len(words)
        if j + n - 1 <= c1 and all(v.toks[j + i].kind == "word" and words[i] in _stems_of(v.toks[j + i].norm)
                                   for i in range(n)):
            return True
    return False


def _returns(v: SentenceView, j: int, c1: int) -> int | None:
    """A return word at ``j`` with a traffic word right after it (عادت الحركة، عودة حركة
    السير، دبت الحركة من جديد): the traffic word's token."""
    if v.toks[j].kind != "word" or not v.cues.has(v.cues.return_words, v.toks[j].norm):
        return None
    for k in range(j + 1, min(c1, j + 2) + 1):
        if v.toks[k].kind == "word" and v.cues.has(v.cues.traffic_words, v.toks[k].norm):
            return k
    return None


def _route_passes(v: SentenceView, j: int, c1: int) -> bool:
    """يمر/يعبر with a route noun for subject right after it, over a preposition with a
    pronoun (يمر عبرها طريق، تمر بها الطريق الدولية): the road runs there."""
    if v.cues.status_key(v.toks[j].norm) not in PASS_KEYS:
        return False
    k = j + 1
    if k <= c1 and v.toks[k].kind == "word" and v.toks[k].norm[-1:] in ("\u0647", "\u0627") \
            and v.cues.route_noun(v.toks, k, c1) is None and k not in v.loc_at:
        k += 1      # عبرها، بها، فيه، منها
    return k <= c1 and v.cues.route_noun(v.toks, k, c1) is not None


CUT_KEYS = frozenset({"\u0642\u0637\u0639", "\u064a\u0642\u0637\u0639"})     # قطع، يقطع
THAT = frozenset({"\u0627\u0646", "\u0628\u0627\u0646"})                       # أنّ، بأنّ (normalized)


def _traffic_stopped(v: SentenceView, j: int, c0: int, c1: int) -> bool:
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


def _amid(v: SentenceView, j: int, c0: int) -> bool:
    """Shelling right after مع/وسط/في ظل/رغم, or after an onset word after one (مع تصاعد القصف)."""
    k = j - 1
    if k >= c0 and v.cues.has(v.cues.onset_words, v.toks[k].norm):
        k -= 1
    return k >= c0 and v.toks[k].kind == "word" and v.cues.has(v.cues.amid_words, v.toks[k].norm)


def _exchanged(v: SentenceView, j: int, c1: int) -> int | None:
    """The control or fire word an exchange word at ``j`` governs, within two words past
    the names of who exchange it (يتبادل عناصر الهيئة وقوات النظام السيطرة)."""
    k, left = j + 1, 2
    while k <= c1 and left > 0:
        t = v.toks[k]
        if t.kind == "word" and k not in v.covered and v.cues.status_of(t) in ("closed", "contested", "shelled"):
            return k
        if k not in v.covered:
            left -= 1
        k += 1
    return None


def _travels_distance(v: SentenceView, j: int, c1: int) -> bool:
    """قطع (to cut) with a distance as its object within three words (تقطع القوافل مسافة
    45 كيلومتراً، قطعوا 20 كم): the distance was travelled, the road not cut."""
    if v.cues.status_key(v.toks[j].norm) not in CUT_KEYS:
        return False
    return any(v.toks[k].kind == "word" and v.cues.has(v.cues.distance_words, v.toks[k].norm)
               for k in range(j + 1, min(c1, j + 4) + 1))


def _stated(v: SentenceView, j: int, c0: int) -> bool:
    """A verbal noun right after أنّ/بأنّ (حذّرت من أن إغلاق المعبر يهدد…): the subject of
    a reported clause, so what a warning or an appeal before it says is not asked for.
    An imperfect verb there (يخشى أن يُغلق) is still only feared."""
    if j <= c0 or v.toks[j - 1].norm not in THAT:
        return False
    w = v.toks[j].norm
    w = w[1:] if w[:1] in ("\u0648", "\u0641") else w
    return w[:1] not in IMPERFECT and not w.startswith("\u0633")


def orphans(v: SentenceView, found: list[tuple[str, int]], c0: int) -> list[tuple[str, int]]:
    """The cues of a clause with no route of its own that may describe a route named in
    another clause: a word with an object pronoun (يستخدمه) or a clause that opens with a
    relative (الذي، التي، وهو). "الخناق يضيق على المسلحين" says nothing about a road."""
    first = v.toks[c0].norm if v.toks[c0].kind == "word" else ""
    opens_relative = first in v.lex.cues["relatives"] or first in ("وهو", "وهي", "وهما", "وهم") \
        or v.cues.has(v.cues.state_verbs, first)    # (الطريق …، البالغ طوله 40 كم، بات سالكاً)
    return [(c, k) for c, k in found if opens_relative or v.cues.refers_back(v.toks[k])
            or any(v.toks[x].norm in BACK_PREPS for x in range(k + 1, min(v.last, k + 3) + 1))  # توقف حركة السير عليه
            or (c == "reopen" and any(v.cues.refers_back(v.toks[x]) for x in range(k + 1, min(v.last, k + 3) + 1)))]
    # (تعيد القوات فتحه: the pronoun is on the verb after the reopening word)


def hedged(v: SentenceView, j: int, c0: int) -> bool:
    """Token ``j`` only asked for, planned, feared, attempted or negated."""
    return _planned(v, j, c0) or _asked(v, j, c0, HOPE_REACH) \
        or _attempted(v, j, c0, reach=5) or _negated(v, j, c0) or any(
            "negation" in v.lex.classes(v.toks[k].norm) or "plan" in v.lex.classes(v.toks[k].norm)
            for k in range(c0, j))


def _future(v: SentenceView, k: int) -> bool:
    """سيعاد، ستفتح، سيتم: an imperfect status word or auxiliary with the future prefix."""
    t = v.toks[k]
    if t.kind != "word" or len(t.norm) < 4 or t.norm[0] != FUTURE or t.norm[1] not in IMPERFECT:
        return False
    rest = t.norm[1:]
    if v.cues.has(v.cues.keep_words | v.cues.remain_verbs, rest) or v.cues.has(v.cues.keep_words, t.norm):
        return False    # سيبقى مغلقاً: the closure goes on, it is not only to come
    return v.cues.status_word(rest) is not None or "auxiliaries" in v.lex.classes(rest)


def _planned(v: SentenceView, j: int, c0: int) -> bool:
    """Token ``j`` is only to come: in the future tense itself or after one within two
    words (سيعاد فتحه، سيتم إغلاق الطريق), or after "على أن" (على أن تُنقل الشحنات عبر المعبر)."""
    if any(_future(v, k) for k in range(max(c0, j - 2), j + 1)):
        return True
    for k in range(max(c0, j - PLAN_REACH), j):
        if v.toks[k].norm == ON_THAT[0] and k + 1 < j and v.toks[k + 1].norm == ON_THAT[1]:
            return True
    return False


def _expressed(v: SentenceView, j: int, c1: int) -> bool:
    """عبّر (عبّرت الأمم المتحدة) عن: expressed, the subject's name between."""
    k, left = j + 1, 2
    while k <= c1 and left > 0:
        if v.toks[k].norm in EXPRESS:
            return True
        if k not in v.covered:
            left -= 1
        k += 1
    return False


def _busy(v: SentenceView, j: int, c1: int) -> bool:
    """A traffic word (حركة، السير) said to be heavy or normal within the next words,
    over another traffic word or a pronoun preposition (الحركة عليه طبيعية)."""
    k, left = j + 1, 3
    while k <= c1 and left > 0 and v.toks[k].kind == "word":
        if v.cues.has(v.cues.busy_words, v.toks[k].norm):
            return True
        left -= 1
        k += 1
    return False


def _negated(v: SentenceView, j: int, c0: int) -> bool:
    """A negation word right before token ``j``, across auxiliaries (لم يتم، لم يعد) and
    the route noun itself (لم يعد الطريق آمناً); or a denial before it in the clause
    (نفت المحافظة إغلاق الطريق)."""
    if any("denial" in v.lex.classes(v.toks[k].norm) or v.cues.has(v.cues.denial_words, v.toks[k].norm)
           for k in range(max(c0, j - DENIAL_REACH), j)):
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
                                and not _resultative(v, k)):
            return True
        if "auxiliaries" not in cl and v.cues.route_noun(v.toks, k, k) is None:
            return False
        k -= 1
    return False


def _resultative(v: SentenceView, k: int) -> bool:
    """"…، ما قطع خط الإمداد": ما after a comma is "which (led to)", not a negation."""
    return k > v.first and v.toks[k - 1].kind == "punct" and v.toks[k - 1].text in ("،", ",")


def _checkpoint(v: SentenceView, j: int, c0: int) -> bool:
    """A checkpoint word (سيطرة) before a place name or after a status word (فتح سيطرة)."""
    if v.cues.has(v.cues.checkpoint_plurals, v.toks[j].norm):
        return True
    if not v.cues.has(v.cues.checkpoint_words, v.toks[j].norm):
        return False
    return j + 1 in v.loc_at or (j > c0 and v.toks[j - 1].kind == "word"
                                 and v.cues.status_of(v.toks[j - 1]) in ("open", "closed", "reopen"))


def _near_before(v: SentenceView, j: int, c0: int, words: frozenset[str], reach: int,
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


def _dates(v: SentenceView, j: int, c0: int) -> bool:
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
    if v.toks[j].norm.startswith("\u0648") and v.toks[j - 1].kind == "word" and _dates(v, j - 1, c0):
        return True     # هرباً من القصف والمعارك
    prev = v.toks[j - 1].norm
    if v.cues.has(v.cues.period_words | v.cues.cause_words, prev):
        return True
    if prev == "من" and j - 2 >= c0 and v.cues.has(v.cues.cause_words, v.toks[j - 2].norm):
        return True     # هرباً من المعارك: why they fled, not fighting on the route
    return prev == "من" and _near_before(v, j - 1, c0, v.cues.period_words, 4)


def _attempted(v: SentenceView, j: int, c0: int, reach: int = 3, over_names: bool = False) -> bool:
    k, left = j - 1, reach
    while k >= c0 and left > 0:
        if "attempt" in v.lex.classes(v.toks[k].norm):
            return True
        if not (over_names and k in v.covered):
            left -= 1
        k -= 1
    return False


def assign(cues: list[tuple[str, int]], frames: list[Frame], v: SentenceView) -> None:
    """Give each cue to its frame: the route noun right after it (within 5 tokens, no place
    between, and naming a place if the frame the cue stands in does), else the frame it
    stands in, else (before the first anchor) the first."""
    for cls, k in cues:
        target = None
        inside = [f for f in frames if f.first <= k]
        for f in frames:
            if f.kind == "route" and k < f.first <= k + 5 and not any(x in v.loc_at for x in range(k, f.first)):
                if not f.waypoints and inside and inside[-1].waypoints and f.first > k + 2:
                    break   # يعمل رغم القصف على الطرقات الفرعية: a placeless road further on is another
                # "تقلصت الطرق … إلى طريق واحد": a noun naming no place after a route that
                # names some is what the route became, not what the word is about
                if not f.waypoints and inside and inside[-1].waypoints and any(
                        (v.cues.marker(v.toks, x, x) or ("",))[0] == "to" for x in range(k + 1, f.first)):
                    break
                target = f
                break
        if target is None:
            target = inside[-1] if inside else frames[0]
        target.cues.append((cls, k))


def resolve(cues: list[tuple[str, int]]) -> tuple[str, list[str]]:
    """(status, reasons) from a route's cues (see the module notes)."""
    now = [(c, k) for c, k in cues if not c.endswith(":before")]
    kinds = {c.split(":")[0] for c, _ in (now or cues)}
    why = sorted({c for c, _ in cues})
    if "reopen" in kinds:
        return "open", why
    opened = kinds & {"open", "use"}
    if "contested" in kinds or ("closed" in kinds and opened):
        return "contested", why
    if "closed" in kinds:
        return "closed", why
    if "narrowing" in kinds:
        return "narrowing", why     # the routes shrink, whoever still uses them
    if "remain" in kinds and "use" not in kinds:
        return "narrowing", why     # المنفذ الوحيد المتاح: the one left is open, the set narrowed
    if opened:
        return "open", why          # لم يبق سوى ممر يلجأ إليه: the one left is in use
    if "shelled" in kinds:
        return "contested", why     # shelled, and nothing else told of it
    if "used" in kinds:
        return "open", why
    return "unknown", why


def subject(v: SentenceView, k: int, lo: int, hi: int) -> str | None:
    """The actor doing what the word at token ``k`` says: named after it (VSO, passive
    agent, relative clause: التي استخدمها داعش) or before it (SVO)."""
    beneficiary = None
    closing = v.cues.status_of(v.toks[k]) in ("closed", "contested")
    for j in range(k + 1, min(hi, k + REACH_AFTER) + 1):
        if v.is_break(j):
            break
        m = v.org_at.get(j)
        if m is not None and closing and (m is beneficiary or v.doc.text[v.toks[j].start:m.start].endswith("\u0644")):
            beneficiary = m
            continue    # قطع خط الإمداد للميليشيات: whom it supplies, not who cut it
        if m is not None and not v.in_source(m.start) and not _area_of(v, m_first(v, j, m)):
            return m.ref
    for j in range(k - 1, max(lo, k - REACH_BEFORE) - 1, -1):
        if v.is_break(j):
            break
        m = v.org_at.get(j)
        if m is not None and closing and v.doc.text[v.toks[m_first(v, j, m)].start:m.start].endswith("\u0644"):
            continue    # خط الإمداد لداعش … قُطع: whom it supplied, not who cut it
        if m is not None and not v.in_source(m.start) and not _area_of(v, m_first(v, j, m)):
            return m.ref
    return None


def _area_of(v: SentenceView, j: int) -> bool:
    """An actor named after an area word (مناطق النظام، مناطق سيطرة قسد): where, not who."""
    k = j - 1
    if k >= v.first and v.cues.has(v.cues.checkpoint_words, v.toks[k].norm):
        k -= 1
    return k >= v.first and v.toks[k].kind == "word" and v.cues.has(v.cues.place_heads, v.toks[k].norm)


def m_first(v: SentenceView, j: int, m) -> int:
    """The first token of mention ``m`` that covers token ``j``."""
    while j - 1 >= v.first and v.org_at.get(j - 1) is m:
        j -= 1
    return j


def remain_user(v: SentenceView, k: int, hi: int) -> str | None:
    """X in "لم يبق أمام X سوى": the actor left with the route."""
    for j in range(k + 1, min(hi, k + 5) + 1):
        if v.cues.has(v.cues.remain_except, v.toks[j].norm):
            return None
        m = v.org_at.get(j)
        if m is not None:
            return m.ref
    return None
