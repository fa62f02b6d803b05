"""What a text or a phrase is about: the document's focus place, and the place a short
location phrase names. Used by evaluation and by later stages (an event with no place
in its sentence happens at the document's focus)."""
from __future__ import annotations

from bisect import bisect_right
from functools import cache

from marsad.doc import Doc
from marsad.knowledge import place_cues
from marsad.stages.places.match import NameIndex, find_names
from marsad.stages.places.resolve import resolve
from marsad.text.tokens import tokenize


@cache
def _shared_resources():
    from marsad.gazetteer.index import load_gazetteer
    gz = load_gazetteer()
    return gz, NameIndex(gz), place_cues()


def geocode_phrase(phrase: str, context: list = (), focus=None):
    """The place a short location phrase refers to ("مرفأ بيروت" → Beirut), resolved
    with ``context`` (places known from the surrounding text). The last name in the
    phrase wins: in Arabic construct phrases the named place comes last. A phrase that
    names no known place (a hospital, a street) falls back to ``focus``, the place the
    text is about; so does a phrase whose only name is a fragment ("القصر" in
    "القصر العيني") pointing to a country the text never mentions. None if neither."""
    gz, index, cues = _shared_resources()
    tokens = tokenize(phrase)
    words = [t for t in tokens if t.kind == "word"]
    # a fragment that is an ordinary word ("القصر" in "القصر العيني") names nothing
    matches = [m for m in find_names(tokens, index, cues)
               if m.last - m.first + 1 == len(words)
               or (m.key not in cues.common_words and m.key not in cues.not_places)]
    if not matches:
        return focus
    last = matches[-1]
    place = resolve(matches, set(), tuple(context))[len(matches) - 1].place
    partial = last.last - last.first + 1 < len(words)
    if focus is not None and partial and place.country not in {p.country for p in context}:
        return focus
    return place


NAME_REACH = 200   # characters: no organisation's name is longer


def places_in_names(doc: Doc) -> frozenset[str]:
    """Ids of the place mentions that lie inside, and are not the whole of, an organisation's
    name (القدس in سرايا القدس): part of the name, neither a topic nor where anything happened."""
    orgs = sorted((m.start, m.end) for m in doc.mentions if m.label == "ORG")
    if not orgs:
        return frozenset()
    starts = [a for a, _ in orgs]
    out = set()
    for m in doc.mentions:
        if m.label != "LOC":
            continue
        k = bisect_right(starts, m.start) - 1
        while k >= 0 and m.start - orgs[k][0] <= NAME_REACH:   # names are short: look back a little
            a, b = orgs[k]
            if m.end <= b and (a, b) != (m.start, m.end):
                out.add(m.id)
                break
            k -= 1
    return frozenset(out)


def focus_place(doc: Doc, near: list = ()):
    """The place a document is about: the most mentioned place below country level
    (a country only when nothing more specific is named); ties go to the first named.
    ``near`` (places the user said the documents are about, --near) wins when the text
    names nothing, or names only the country that place lies in."""
    best, best_key = None, None
    order = {m.id: i for i, m in enumerate(doc.mentions)}
    named = places_in_names(doc)
    for p in doc.places:
        mentions = [m for m in p.mention_ids if m in order and m not in named
                    and doc.mentions[order[m]].role != "dateline"]
        if p.kind == "relative" or not mentions or p.lat is None:
            continue
        key = (p.kind != "country", len(mentions), -min(order[m] for m in mentions))
        if best_key is None or key > best_key:
            best, best_key = p, key
    for hint in near:
        if best is None or (best.kind == "country" and hint.country == best.country):
            return hint
    return best
