"""Places the gazetteer lacks, located by the place named right after them.

News names neighbourhoods, villages and camps that no offline gazetteer lists ("حي
الزيتون شرق مدينة غزة", "قرية بوادي قرب بعلبك", "محافظة ديالى شمال شرق بغداد"). The
words before and after say what they are and where: a qualifier (حي، قرية، مخيم…) gives
the kind, and the known place or direction that follows gives the point. Such a place
is kept with ``kind`` from the qualifier, the neighbour's point (approximate, said in
``reasons``) and ``anchor`` pointing at the neighbour, so an event there is not moved to
the city next door.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from marsad.doc import Doc, Place
from marsad.text.clitics import reading_tuples
from marsad.text.normalize import normalize_key
from marsad.text.screen import in_vocabulary

# words that may link the name to its neighbour: "قرية بوادي قرب بعلبك", "حي X في مدينة Y"
LINKS = frozenset(normalize_key(w) for w in ("قرب", "بالقرب", "في", "من", "داخل", "قضاء", "ناحية", "محافظة",
                                             "مدينة"))
FUNCTION_WORDS = frozenset(normalize_key(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "أو", "ثم", "التي",
                                                      "الذي", "بين", "قد", "بعد", "قبل", "حيث"))
# a distance aside between a name and its neighbour: units, and numbers written as words
UNIT_WORDS = frozenset(normalize_key(w) for w in ("كيلومتر", "كيلومترا", "كيلومترات", "كيلو", "متر", "مترا",
                                                  "كلم", "كم", "ميل", "ميلا", "أميال", "نحو", "حوالي", "قرابة"))
DISTANCE_WORDS = UNIT_WORDS | frozenset(normalize_key(w) for w in (
    "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "مئة", "مائة",
    "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "ثلاثة", "أربعة", "كيلومترين", "و"))
SCORE_SHARE = 0.6   # an unlisted place is less certain than the neighbour that locates it


def _is_name(tok, cues, taken: set[int], k: int) -> bool:
    if tok.kind != "word" or k in taken or not any("\u0621" <= ch <= "\u064a" for ch in tok.text):
        return False
    norm = tok.norm
    return (norm not in FUNCTION_WORDS and norm not in cues.unlisted_generic and norm not in cues.qualifiers
            and norm not in cues.directions and len(norm) >= 3)


def _short_head(toks, j: int, first: int, last: int) -> bool:
    """A two-letter first word of a two-word name before a definite one (تل الورد)."""
    tok = toks[j]
    return (j == first and last == first + 1 and tok.kind == "word" and len(tok.norm) == 2
            and tok.norm not in FUNCTION_WORDS and toks[last].norm.startswith("ال"))


def find_unlisted(doc: Doc, cues, by_id: dict[str, Place]) -> None:
    """Add unlisted places and their LOC mentions to ``doc`` (mutates ``by_id``)."""
    toks = doc.tokens
    if not toks:
        return
    starts = [t.start for t in toks]
    loc_at: dict[int, object] = {}   # first token index → a LOC mention starting there (or inside its prefix)
    taken: set[int] = set()
    for m in doc.mentions:
        if m.label != "LOC" or m.ref is None or m.role in ("dateline", "hashtag"):
            continue
        k = bisect_right(starts, m.start) - 1      # the token the mention starts in
        if k < 0 or m.start >= toks[k].end:
            continue
        if k not in loc_at or (m.end - m.start) > (loc_at[k].end - loc_at[k].start):
            loc_at[k] = m
        taken.update(range(k, bisect_left(starts, m.end)))
    n = len(toks)
    for i in cues.unlisted_qualifiers_at(toks):   # a qualifier such as وفي حي
        tok = toks[i]
        if i in taken or tok.start < doc.body_start:
            continue
        kind = cues.unlisted_kind(tok.norm)   # "neighbourhood"
        for width in (1, 2):
            last = i + width
            if last >= n:
                break
            if not all(_is_name(toks[j], cues, taken, j) or _short_head(toks, j, i + 1, last)
                       for j in range(i + 1, last + 1)):
                if width == 1 and last + 1 < n and _short_head(toks, last, i + 1, last + 1):
                    continue   # تل alone is no name, تل الورد is
                break
            neighbour = _neighbour(toks, last + 1, loc_at)
            if neighbour is None:
                continue
            _add(doc, toks[i + 1].start, toks[last].end, kind, tok.text, neighbour, by_id)
            taken.update(range(i, last + 1))
            break
    _between_a_known_place(doc, cues, by_id, loc_at, taken, starts)


BETWEEN = frozenset({"بين", "وبين"})   # normalized
# the pronoun suffixes that mark an ordinary word (not ه، ك، ي…, which end many names)
PLAIN_PRONOUN_SUFFIXES = frozenset({"ها", "هم", "هما", "هن", "كم", "نا"})
SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood", "admin3"})


def _between_a_known_place(doc: Doc, cues, by_id: dict[str, Place], loc_at: dict, taken: set[int],
                           starts: list[int]) -> None:
    """"الطريق بين بيجي والصينية"، "بين بلدة X وبعقوبة": a word the gazetteer does not know,
    joined by و to a town after بين, is the other place (a village near the town, located
    at the town's point). Ordinary words (the learned list of common words) are not."""
    toks, n = doc.tokens, len(doc.tokens)
    for i in in_vocabulary(toks, BETWEEN):
        tok = toks[i]
        if tok.start < doc.body_start or i + 1 >= n:
            continue
        first = i + 1
        if first in loc_at:     # بين X و[name]: the name after the known town
            m = loc_at[first]
            j = bisect_left(starts, m.end)     # the token after the known town's name
            if j < n and toks[j].norm.startswith("و") and len(toks[j].norm) > 3:
                span = _unknown_name(toks, j, cues, taken, stem_from=1)
                if span is not None and _settlement(by_id, m):
                    _add(doc, toks[j].start + _letters_before(toks[j]), toks[span].end, "village", "بين", m, by_id)
                    taken.update(range(j, span + 1))
        else:                   # بين [name] وX: the name before the known town
            span = _unknown_name(toks, first, cues, taken, stem_from=0)
            if span is None or span + 1 >= n or not toks[span + 1].norm.startswith("و"):
                continue
            m = loc_at.get(span + 1)
            if m is not None and _settlement(by_id, m):
                _add(doc, toks[first].start, toks[span].end, "village", "بين", m, by_id)
                taken.update(range(first, span + 1))


def _settlement(by_id: dict[str, Place], m) -> bool:
    p = by_id.get(m.ref)
    return p is not None and p.kind in SETTLEMENTS


def _letters_before(tok) -> int:
    """Offset of the name inside a word written with و before it (والصينية → الصينية)."""
    return 1 if tok.text[:1] == "و" else 0


def _unknown_name(toks, j: int, cues, taken: set[int], stem_from: int) -> int | None:
    """Last token of a one- or two-word name starting at token j (its first ``stem_from``
    letters a conjunction), if no word of it is known, common or generic; else None."""
    def plain(k: int, cut: int) -> bool:
        t = toks[k]
        word = t.norm[cut:]
        return (t.kind == "word" and k not in taken and len(word) >= 3 and word not in cues.common_words
                and word not in FUNCTION_WORDS and word not in cues.unlisted_generic and word not in cues.qualifiers
                and word not in cues.directions and any("\u0621" <= ch <= "\u064a" for ch in t.text)
                # (جيرانها، حلفائهم: an ordinary word with a pronoun on it)
                and not any(suffix in PLAIN_PRONOUN_SUFFIXES for _, _, suffix, _ in reading_tuples(word)))
    if not plain(j, stem_from):
        return None
    if j + 1 < len(toks) and toks[j + 1].norm.startswith("ال") and plain(j + 1, 0):
        return j + 1            # وادي الربيع، قصر بن غشير (a second word with the article)
    return j


def after_distance(toks, k: int) -> int:
    """The token after a distance aside that starts at k ("، على بعد 15 كيلومترا"), else k."""
    j = k
    if j < len(toks) and toks[j].kind == "punct" and toks[j].text in ",،":
        j += 1
    if not (j + 1 < len(toks) and toks[j].norm == "علي" and toks[j + 1].norm == "بعد"):
        return k
    j += 2
    seen_number = False
    while j < len(toks) and (toks[j].kind == "number" or toks[j].norm in DISTANCE_WORDS):
        seen_number = seen_number or toks[j].kind == "number" or toks[j].norm not in UNIT_WORDS
        j += 1
    return j if seen_number else k


def _neighbour(toks, k: int, loc_at: dict):
    """The LOC mention that locates a name ending before token k: right after it, after
    one linking word ("قرب بعلبك", "في مدينة غزة") or after a distance aside ("، على بعد
    15 كيلومترا غرب بعلبك")."""
    k = after_distance(toks, k)
    if k < len(toks) and k in loc_at:
        return loc_at[k]
    if k + 1 < len(toks) and toks[k].kind == "word" and toks[k].norm in LINKS and k + 1 in loc_at:
        return loc_at[k + 1]
    return None


def _add(doc: Doc, start: int, end: int, kind: str, qualifier: str, neighbour, by_id: dict[str, Place]) -> None:
    base = by_id.get(neighbour.ref)
    if base is None:
        return
    surface = doc.text[start:end]
    anchor_id, direction = base.id, None
    if base.kind == "relative" and base.anchor:
        anchor_id, direction = base.anchor["place"], base.anchor.get("direction")
    pid = f"unlisted:{kind}:{normalize_key(surface).replace(' ', '_')}:{anchor_id}"
    entry = by_id.get(pid)
    if entry is None:
        where = f"{direction} of {by_id[anchor_id].name}" if direction and anchor_id in by_id else base.name
        entry = by_id[pid] = Place(
            id=pid, name=surface, name_ar=surface, kind=kind, country=base.country, lat=base.lat, lon=base.lon,
            score=round(base.score * SCORE_SHARE, 3),
            anchor={"place": anchor_id, "direction": direction, "unlisted": True},
            reasons=[f"not in the gazetteer; '{qualifier}' says it is a {kind}; located at {where} "
                     "(approximate: the point of the place named next to it)"])
    mention = doc.add_mention(start, end, "LOC", ref=pid, evidence=[f"unlisted:{qualifier}"], role="unlisted")
    entry.mention_ids.append(mention.id)
