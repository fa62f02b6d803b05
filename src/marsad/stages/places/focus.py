"""What a text or a phrase is about: the document's focus place, and the place a short
location phrase names. Used by evaluation and by later stages (an event with no place
in its sentence happens at the document's focus)."""
from __future__ import annotations

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


def focus_place(doc: Doc, near: list = ()):
    """The place a document is about: the most mentioned place below country level
    (a country only when nothing more specific is named); ties go to the first named.
    ``near`` (places the user said the documents are about, --near) wins when the text
    names nothing, or names only the country that place lies in."""
    best, best_key = None, None
    order = {m.id: i for i, m in enumerate(doc.mentions)}
    # a place inside an organisation's name (سرايا القدس) is part of the name, not a topic
    orgs = [(m.start, m.end) for m in doc.mentions if m.label == "ORG"]
    named = {m.id for m in doc.mentions if m.label == "LOC" and any(
        a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in orgs)}
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
