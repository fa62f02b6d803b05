"""Mentions of a route already named: a route noun that says more about the one before it
(طريق خناصر، وهو خط الإمداد الوحيد…), a placeless noun given its name by a copula or
said to narrow to it, the same road again later in the sentence, and a pronoun in the
next sentence that tells what became of it (وقد قررت السلطات إغلاقه).
"""
from __future__ import annotations

from dataclasses import replace

from marsad.stages.routes import status as st
from marsad.stages.routes.frames import COPULA
from marsad.stages.routes.waypoints import Frame, SentenceView
from marsad.text.clitics import ARTICLE, proclitic_stems

RESTATING = frozenset({"وهو", "وهي", "هو", "هي", "يعد", "تعد", "يعتبر", "تعتبر", "بات", "باتت", "اصبح", "اصبحت",
                       "احد", "احدي", "اهم", "ابرز", "من"})   # (… أحد أهم خطوط الإمداد، من أبرز الطرق)
OTHER = frozenset({"اخر", "الاخر", "الاخري", "اخري", "ثاني", "الثاني", "ثان"})


def _fold(into: Frame, part: Frame) -> None:
    """``part`` restates ``into``: its cues join it, and it is no route of its own."""
    into.cues.extend(part.cues)
    into.merged.append(part)
    part.restates = into


def restatements(v: SentenceView, routes: list[Frame]) -> None:
    """A definite route noun naming no end of its own right after a route that names some,
    or after وهو/يعد… (طريق خناصر، وهو خط الإمداد الوحيد نحو حلب; الطريق من السلمية إلى
    خناصر المنفذ الوحيد نحو حلب), says more about that route: its places and cues join it."""
    for a, b in zip(routes, routes[1:]):
        host = a.restates or a
        if not a.waypoints and not b.waypoints and a.restates is None and _became(v, a, b):
            # تقلصت المعابر إلى معبر واحد: the narrowing is told of the one left
            _fold(b, a)
            continue
        if not a.waypoints and b.waypoints and a.restates is None and _left_of_set(v, a, b):
            # لم يبق من المعابر بين لبنان وسوريا سوى معبري X وY: the ones left narrowed
            _fold(b, a)
            continue
        if _narrowed_into(v, a, b):
            # قلّص خطوط إمداد X إلى داخل المدينة، ولم يبق سوى طريق Y؛ تتقلص طرق الإمداد نحو
            # الرقة إلى طريق واحد يمر عبر Z: the set narrowed into the one left, which leads
            # where the set did
            have = {i.ref for i in b.waypoints}
            b.items.extend(i for i in a.waypoints if i.ref not in have and (not have or i.role in ("to", "from")))
            _fold(b, a)
            continue
        if host.waypoints and b.route_kind == "supply_line" and host.route_kind != "supply_line" \
                and (not b.items or _on_host(host, b)) and not _other_after(v, b):
            # سيطرت القوات على الطريق بين X وY، ما قطع خط إمداد Z: the road is that supply line
            _fold(host, b)
            continue
        if not a.waypoints and b.waypoints and a.restates is None and _copula_between(v, a, b):
            # تقلصت المعابر إلى معبر واحد هو معبر الطبقة: what is said of the one is said of the other
            _fold(b, a)
            continue
        if _ends_of_named(v, host, b):
            # طريق الكاستيلو، آخر طريق يربط X بـY: the apposition gives the named road's ends
            host.items = [i for i in host.items if i.role != "name"] + list(b.items)
            _fold(host, b)
            continue
        if _goal_of_named(v, host, b):
            # طريق الكاستيلو، آخر منفذ للفصائل إلى الأحياء الشرقية: the apposition gives where it leads
            host.items = host.items + list(b.items)
            _fold(host, b)
            continue
        if _predicate_of(v, host, b):
            # بات الطريق بين X وY آخر منفذ بري للمدينة، باتت طريق X – Y الصحراوية المنفذ الوحيد
            # المتبقي إلى Z: the second noun is what the road became; Z is where it leads
            have = {i.ref for i in host.waypoints}
            host.items.extend(replace(i, join="then") for i in b.items if i.role == "to" and i.ref not in have)
            _fold(host, b)
            continue
        if _facing_crossing(v, host, b):
            # منفذ القائم، المقابل لمنفذ البوكمال: the two sides of one crossing
            host.items.extend(i for i in b.items if i.role == "name")
            _fold(host, b)
            continue
        sides = _sides_of_crossing(host, b)
        if not host.waypoints or (any(i.role in ("name", "between", "from") for i in b.items) and not sides):
            continue
        if not b.items and _bare_mention(v, b, host):
            # "…الطريق الواصل بين X وY، مشيرة إلى أن الطريق شهد اشتباكات": the same road again
            _fold(host, b)
            continue
        end = max([a.last] + [i.last for i in a.items])
        if not all((v.toks[k].kind == "punct" and v.toks[k].text in ("،", ",")) or v.toks[k].norm in RESTATING
                   for k in range(end + 1, b.first)):
            continue
        if not any(stem.startswith(ARTICLE) for k in range(b.first, b.last + 1)
                   for _, stem in proclitic_stems(v.toks[k].norm)):
            continue
        if sides:
            for i in b.items:
                i.role = "across"   # معبر نصيب، وهو المنفذ الوحيد بين سوريا والأردن: the sides it joins
        named = any(i.role in ("name", "between") for i in host.items)
        # المنفذ الوحيد لإيصال البضائع إلى X: a named route does not go where the goods do
        host.items.extend(i for i in b.items if not (named and b.purpose_at is not None and i.first > b.purpose_at))
        host.via.extend(b.via)
        _fold(host, b)


def _ends_of_named(v: SentenceView, host: Frame, b: Frame) -> bool:
    """A road named by one name only, then a comma and a route noun (after words of
    number or rank: آخر، الوحيد، أهم) that links two places: that noun restates it."""
    if host.route_kind == "crossing" or [i.role for i in host.waypoints] != ["name"] \
            or len([i for i in b.items if i.role == "between"]) < 2 or len(b.waypoints) != len(b.items):
        return False
    end = max([host.last] + [i.last for i in host.items])
    gap = [v.toks[k] for k in range(end + 1, b.first)]
    return bool(gap) and gap[0].kind == "punct" and gap[0].text in ("،", ",") and all(
        t.kind == "word" and (t.norm in RESTATING or v.cues.scope_of(t.norm) == "one") for t in gap[1:])


def _goal_of_named(v: SentenceView, host: Frame, b: Frame) -> bool:
    """A road named by one name only, then a comma, a word of rank (آخر، الوحيد) and a route
    noun that leads to one place (… إلى X): that noun restates it, X is where it leads."""
    if host.route_kind == "crossing" or [i.role for i in host.waypoints] != ["name"] \
            or [i.role for i in b.items] != ["to"]:
        return False
    end = max([host.last] + [i.last for i in host.items])
    gap = [v.toks[k] for k in range(end + 1, b.first)]
    return len(gap) >= 2 and gap[0].kind == "punct" and gap[0].text in ("،", ",") and all(
        t.kind == "word" and v.cues.scope_of(t.norm) == "one" for t in gap[1:])


STATE_REACH = 3   # وبات الطريق …: the state verb right before the road it says became


def _predicate_of(v: SentenceView, host: Frame, b: Frame) -> bool:
    """A road with places after a state verb (بات، أصبح، صار), then — with only adjectives and
    words of rank between (الصحراوية، آخر، الوحيد) — a route noun naming no end of its own
    (only where it leads, إلى X / لـX): that noun is what the road became, not another road."""
    if not host.waypoints or host.restates is not None or b.plural \
            or any(i.role not in ("to", "area") for i in b.items):
        return False
    if not any(v.cues.has(v.cues.state_verbs, v.toks[k].norm)
               for k in range(max(host.clause[0], host.first - STATE_REACH), host.first)):
        return False
    end = max([host.last] + [i.last for i in host.items])
    gap = [v.toks[k] for k in range(end + 1, b.first)]
    return all(t.kind == "word" and (any(stem.removeprefix(ARTICLE) in v.cues.kind_adjectives
                                         for _, stem in proclitic_stems(t.norm))
                                     or v.cues.scope_of(t.norm) == "one" or t.norm in st.LAST) for t in gap)


FACING = frozenset({"المقابل", "المقابله", "قباله", "مقابل"})   # normalized: facing


def _facing_crossing(v: SentenceView, host: Frame, b: Frame) -> bool:
    """A crossing named by its place, then "المقابل لـ" and another crossing named by its
    place (معبر باب الهوى الحدودي، المقابل لمعبر جيلوه غوزو): one crossing, two sides."""
    if not (host.route_kind == "crossing" and b.route_kind == "crossing" and host.waypoints
            and any(i.role == "name" for i in host.items) and any(i.role == "name" for i in b.items)):
        return False
    end = max([host.last] + [i.last for i in host.items])
    gap = [v.toks[k] for k in range(end + 1, b.first)]
    return any(t.norm in FACING for t in gap) and all(
        t.norm in FACING or (t.kind == "punct" and t.text in ("،", ",")) or t.norm.startswith(("الحدود", "البري"))
        for t in gap)


def _sides_of_crossing(host: Frame, b: Frame) -> bool:
    """A crossing named by its place, restated by a crossing noun whose places are all
    "between" ones: those are the sides the crossing joins, not points on it."""
    return host.route_kind == "crossing" and b.route_kind == "crossing" and bool(b.items) \
        and any(i.role == "name" for i in host.items) and all(i.role == "between" for i in b.items)


def _copula_between(v: SentenceView, a: Frame, b: Frame) -> bool:
    """Only a copula (and a word of number: واحد، الوحيد) between route nouns ``a`` and ``b``."""
    between = [v.toks[k] for k in range(a.last + 1, b.first)]
    return any(t.norm in COPULA for t in between) and all(
        t.kind == "word" and (t.norm in COPULA or v.cues.scope_of(t.norm) == "one") for t in between)


def _on_host(host: Frame, b: Frame) -> bool:
    """Every place of supply line ``b`` is on ``host`` (ما أدى إلى قطع خطوط الإمداد … داخل
    المدينة, the city being one end of the road before): it is that road."""
    refs = {i.ref for i in host.waypoints}
    return bool(b.waypoints) and all(i.ref in refs for i in b.waypoints) and len(b.waypoints) == len(b.items) \
        and not any(c.split(":")[0] == "narrowing" for c, _ in b.cues)   # (a set that narrows is no one road)


def _narrowed_into(v: SentenceView, a: Frame, b: Frame) -> bool:
    """Plural route noun ``a``, naming places and said to narrow, then a singular one ``b``
    it narrowed into (… إلى طريق واحد) or that is all that is left (لم يبق سوى طريق)."""
    if not a.plural or b.plural or not a.waypoints or a.restates is not None:
        return False
    if not any(c.split(":")[0] == "narrowing" for c, _ in a.cues):
        return False
    hit = v.cues.marker(v.toks, b.first - 1, b.first - 1)
    return (hit is not None and hit[0] == "to") or any(c == st.ONLY for c, _ in b.cues)


def _left_of_set(v: SentenceView, a: Frame, b: Frame) -> bool:
    """Placeless route noun ``a`` after "لم يبق من" and the word of exception (سوى، إلا) between
    it and ``b``: ``b`` is what is left of the set."""
    return any(c == st.ONLY for c, _ in a.cues) and any(
        v.toks[k].kind == "word" and v.cues.has(v.cues.remain_except, v.toks[k].norm) for k in range(a.last + 1, b.first))


def _became(v: SentenceView, a: Frame, b: Frame) -> bool:
    """Placeless route noun ``a`` said to narrow to route noun ``b`` (… إلى معبر واحد)."""
    if not any(c.split(":")[0] in ("narrowing", "remain") for c, _ in a.cues):
        return False
    hit = v.cues.marker(v.toks, b.first - 1, b.first - 1)
    return hit is not None and hit[0] == "to" and not any(k in v.loc_at for k in range(a.last + 1, b.first))


def _bare_mention(v: SentenceView, b: Frame, host: Frame) -> bool:
    """Route noun ``b`` is the same kind as ``host``, definite, singular, with no adjective
    or "other" after it: the route named before, mentioned again."""
    if b.plural or b.last != b.first or b.route_kind != host.route_kind or b.first <= host.end:
        return False
    if not any(stem.startswith(ARTICLE) for _, stem in proclitic_stems(v.toks[b.first].norm)):
        return False
    return not _other_after(v, b)


def _other_after(v: SentenceView, b: Frame) -> bool:
    """"الطريق الآخر، خطوط الإمداد الأخرى": another route than the one named."""
    nxt = b.last + 1
    return nxt <= v.last and v.toks[nxt].kind == "word" and v.toks[nxt].norm in OTHER


def said_later(v: SentenceView, route: dict) -> None:
    """A sentence naming no route whose status word points back with a pronoun (وقد
    قررت السلطات إغلاقه، تمكنت القوات من إعادة فتحه) tells what became of the route of
    the sentence before: that is its status now."""
    found = st.collect(v, v.first, v.last, set())
    back = [(c, k) for c, k in found if any(v.cues.refers_back(v.toks[j]) for j in range(k, min(v.last, k + 2) + 1)
                                            if j == k or c == "reopen")]
    if not back:
        # "غير أن الطريق أُغلق مجدداً": the same kind of route named again, bare and definite
        for c0, c1 in v.clauses():
            if any(_bare_again(v, k, route.get("kind")) for k in range(c0, c1 + 1)):
                # (وكان الطريق نفسه قد أُغلق الأسبوع الماضي: before, not now)
                back = [(c, k) for c, k in found if c0 <= k <= c1
                        and not any(v.cues.has(v.cues.past_words, v.toks[x].norm) for x in range(max(c0, k - 4), k))]
                break
    status, why = st.resolve(back)
    if status != "unknown":
        route["status"] = status
        route["reasons"] = [r for r in route["reasons"] if not r.startswith("status:")] + \
            [f"status: {', '.join(why)} (the sentence after)"]


def _bare_again(v: SentenceView, k: int, kind) -> bool:
    """A definite singular route noun of ``kind`` at token ``k`` naming no place after it."""
    hit = v.cues.route_noun(v.toks, k, v.last)
    if hit is None or hit[2] or hit[0] != kind:
        return False
    if not any(stem.startswith(ARTICLE) for _, stem in proclitic_stems(v.toks[k].norm)):
        return False
    nxt = hit[1] + 1
    return not (nxt <= v.last and (nxt in v.loc_at or v.cues.marker(v.toks, nxt, v.last) is not None))
