"""Step 1 of the routes stage: the anchors of a clause (route nouns, movements) cut it into
frames, each with the places its markers introduce (read by waypoints.read_frame).
"""
from __future__ import annotations

from marsad.stages.routes.waypoints import Frame, Item, SentenceView, purpose_lam, read_frame, route_nouns
from marsad.text.clitics import readings

TIME_WORDS = frozenset({"قبل"})          # with route_cues' "before" words: a movement that dates
HIT_AND_RUN = frozenset({"كر"})
COPULA = frozenset({"هو", "هي", "هما"})


def clause_frames(v: SentenceView, moves: dict, c0: int, c1: int) -> list[Frame]:
    """The anchors of a clause (route nouns, movements) with the places they introduce."""
    frames = route_nouns(v, c0, c1)
    taken = {k for f in frames for k in range(f.first, f.last + 1)}
    for k in range(c0, c1 + 1):
        ev = moves.get(k)
        if ev is not None and k > c0 and v.toks[k - 1].norm in HIT_AND_RUN:
            ev = None       # معارك كرّ وفرّ: hit-and-run fighting, no one fled
        if ev is not None and k not in taken:
            last = k
            while last + 1 <= c1 and starts_before(v, last + 1, ev["trigger"]["end"]):
                last += 1
            frames.append(Frame("move", k, last, c1, (c0, c1), event=ev))
    frames.sort(key=lambda f: f.first)
    for i, f in enumerate(frames):
        f.end = frames[i + 1].first - 1 if i + 1 < len(frames) else c1
        read_frame(v, f, f.last + 1, f.end)
    if frames and frames[0].first > c0 and v.toks[frames[0].first - 1].norm not in COPULA \
            and not (frames[0].route_kind == "crossing" and not frames[0].waypoints and unknown_name(v, frames[0])):
        # words before the first anchor: "من حلب إلى دمشق عبر الطريق الدولي"; not before
        # a copula: "الحوار بين بغداد وأربيل هو الطريق الوحيد" names the subject's places
        f0, had = frames[0], len(frames[0].items)
        own = any(i.role in ("from", "to", "between", "name") for i in f0.waypoints)
        read_frame(v, f0, c0, f0.first - 1, roles={"from", "to", "between", "through"})
        purpose = next((k for k in range(c0, f0.first) if purpose_lam(v, k)), None)
        if own and purpose is not None:
            # لم يتبق لإيصال الإمدادات إلى ولاية X سوى طريق يمتد من Y إلى Z: where the goods
            # go is not on a road that names its own ends
            f0.items = f0.items[:had] + [i for i in f0.items[had:] if i.first < purpose]
    for n, f in enumerate(frames):
        if f.kind == "route" and not any(i.role in ("between", "name") for i in f.items):
            lo = c0 if n == 0 else f.first
            linked = _linked_pronoun(v, lo, f.end)
            if linked is not None:
                f.items = [i for i in f.items if i.role not in ("from", "to")] + linked
    for f in frames:
        passed = _passed_place(v, f)
        if passed is not None:
            f.items.append(passed)
    return frames


LINK_VERBS = frozenset({"يربط", "تربط", "يصل", "تصل", "ربط", "ربطت"})
PRONOUNS = frozenset({"ه", "ها", "هم", "هما"})
SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood"})


def _linked_pronoun(v: SentenceView, lo: int, hi: int) -> list[Item] | None:
    """"لم يتبق لقضاء تلعفر سوى طريق واحد يربطه بناحية العياضية"، "لم يعد يربطها بمدينة بيدوا
    سوى طريق": a linking verb whose object pronoun is the place named last before it, and
    the place after بـ — the two ends the road joins."""
    for k in range(lo, hi + 1):
        t = v.toks[k]
        if t.kind != "word" or k in v.covered or not any(
                r.stem in LINK_VERBS and r.suffix in PRONOUNS for r in readings(t.norm)):
            continue
        nxt = v.joined_loc(k + 1, hi, with_ba=True)
        before = [a for a in v.loc_at if v.first <= a < k and v.loc_at[a].role != "relative"]
        if nxt is None or not before:
            return None
        # the town the road serves, not the region named after it to locate it (بلدة حدر
        # في إقليم باكول … طريق يصلها ببيدوا; مدينة الباب … في ريف حلب)
        kinds = {pl.id: pl.kind for pl in v.doc.places}
        towns = [x for x in before if kinds.get(v.loc_at[x].ref) in SETTLEMENTS]
        a, b = max(towns or before), nxt[0]
        return [Item("between", v.loc_at[a].ref, a, v.loc_last[a], None),
                Item("between", v.loc_at[b].ref, b, v.loc_last[b], "and")]
    return None


PASS_VERBS = frozenset({"يمر", "تمر", "يعبر", "تعبر", "يخترق", "تخترق", "يشق", "تشق"})
RELATIVES = frozenset({"التي", "الذي", "والتي", "والذي"})


def _passed_place(v: SentenceView, f: Frame) -> Item | None:
    """"منطقة X، التي يمر عبرها طريق Y – Z": the place before a relative clause whose
    subject is the road passing it is a waypoint between the road's ends."""
    if f.kind != "route":
        return None
    k = f.first - 1
    if k > v.first and v.toks[k].kind == "word" and v.toks[k].norm not in PASS_VERBS \
            and v.toks[k].norm[-1:] in ("\u0647", "\u0627"):
        k -= 1      # عبرها، بها، فيها، منه
    if k <= v.first or v.toks[k].norm not in PASS_VERBS or v.toks[k - 1].norm not in RELATIVES:
        return None
    k -= 2
    if k >= v.first and v.toks[k].kind == "punct" and v.toks[k].text in ("،", ","):
        k -= 1
    first = next((a for a, b in v.loc_last.items() if b == k), None)
    if first is None:
        return None
    return Item("through", v.loc_at[first].ref, first, k, None)


def starts_before(v: SentenceView, k: int, end: int) -> bool:
    return v.toks[k].start < end


def unknown_name(v: SentenceView, f: Frame) -> bool:
    """A word right after the route noun (over place heads) that is no known place, marker
    or status word: the noun is named by a place the gazetteer does not know."""
    k = f.last + 1
    while k <= f.end and v.toks[k].kind == "word" and v.cues.has(v.cues.place_heads, v.toks[k].norm) \
            and k not in v.loc_at:
        k += 1
    if k > f.end or v.toks[k].kind != "word" or k in v.loc_at or k in v.covered:
        return False
    return v.cues.marker(v.toks, k, f.end) is None and v.cues.status_of(v.toks[k]) is None


def dating(v: SentenceView, f: Frame, c0: int) -> bool:
    """A movement after بعد/قبل… (بعد انسحاب الفصائل): it dates what is said."""
    return f.first > c0 and v.cues.has(v.cues.before_words | TIME_WORDS, v.toks[f.first - 1].norm)
