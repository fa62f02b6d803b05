"""Places the text points at without naming them outright.

- anaphora: "المدينة", "هذه المدينة السورية" → the last named place of a fitting kind
  (and country, when a nisba adjective follows);
- relative places: "جنوبي الموصل", "جنوب غربي المدينة", "غربيها" → kind ``relative``
  with an anchor and a compass direction;
- city parts: "الساحل الأيسر من الموصل", "ريف حلب" → a part anchored to its city.

Works on the token stream after names are resolved, keeping a history of places in
reading order, so every reference goes to what a reader would have in mind there.
"""
from __future__ import annotations

from dataclasses import dataclass

from marsad.knowledge import PlaceCues
from marsad.stages.places.unlisted import after_distance
from marsad.text.clitics import reading_tuples
from marsad.text.screen import in_vocabulary

TWO_TOKEN_PARTS_MAX = 2
CAPITAL_WORD = "العاصمه"   # normalized العاصمة
CAPITAL_SCORE = 0.9        # a capital named by its country is as sure as a name


def _capital(country, history, capital_of):
    """(place, score) "العاصمة" refers to: the named country's capital (العاصمة العراقية is
    Baghdad whatever was named before); bare, the last capital named, else the capital of
    the country of the last place named."""
    if country:
        capital = capital_of(country)
        return (capital, CAPITAL_SCORE) if capital is not None else None
    for place, score in reversed(history.items):
        if getattr(place, "feature_code", "") == "PPLC":
            return place, score
    last = history.last()
    if last is None or not last[0].country:
        return None
    capital = capital_of(last[0].country)
    return (capital, CAPITAL_SCORE * last[1]) if capital is not None else None


@dataclass(slots=True)
class Reference:
    kind: str               # "anaphor" | "relative" | "part"
    start: int              # original offsets of the whole phrase
    end: int
    anchor: object          # GazPlace or a place from the history
    anchor_score: float
    direction: str | None = None
    part: str | None = None
    evidence: str = ""


_readings = reading_tuples   # (prefix, stem, suffix, proclitics), whole word first; cached in the text core


def combine(first: str, second: str | None) -> str:
    """N + W → NW; a second N/S after E/W is put first (غرب شمال → NW)."""
    if not second or second == first:
        return first
    ns, ew = (first, second) if first in "NS" else (second, first)
    if ns not in "NS" or ew not in "EW":
        return first
    return ns + ew


class History:
    """Places in reading order, for anaphora and pronoun suffixes."""

    def __init__(self):
        self.items: list[tuple[object, float]] = []

    def add(self, place, score: float) -> None:
        self.items.append((place, score))

    def last(self, kinds=None, country=None, exclude=None):
        for place, score in reversed(self.items):
            if exclude is not None and place is exclude:
                continue
            if kinds and place.kind not in kinds:
                continue
            if country and place.country != country:
                continue
            return place, score
        return None


def find_references(tokens: list, resolved: dict[int, tuple], cues: PlaceCues, nisba_country,
                    capital_of=None, country_of=None) -> list[Reference]:
    """``resolved`` maps a name's first token index → (last token index, place, score, start, end).
    ``nisba_country(word)`` returns an ISO2 code for a nisba adjective like السورية, or None;
    ``capital_of(iso2)`` the country's capital (for "العاصمة السورية"), or None;
    ``country_of(iso2)`` the country itself (for "الأراضي اللبنانية"), or None."""
    refs: list[Reference] = []
    history = History()
    cue_words = cues.reference_firsts
    n = len(tokens)

    ends = {last: place for last, place, _, _, _ in resolved.values()}

    def anaphor_at(j: int, exclude=None):
        """(place, score, end offset, last token) if token j is an anaphor such as المدينة السورية."""
        if j >= n:
            return None
        for _, stem, suffix, _ in _readings(tokens[j].norm):
            if suffix or stem not in cues.anaphors:
                continue
            country, last_tok = None, j
            if j + 1 < n and tokens[j + 1].kind == "word":
                country = nisba_country(tokens[j + 1].norm)
                if country:
                    last_tok = j + 1
            if last_tok + 1 in resolved:
                return None   # العاصمة بغداد: the name itself follows
            kinds = cues.anaphors[stem]
            if country and kinds == ("country",) and country_of is not None:
                land = country_of(country)   # الأراضي اللبنانية: Lebanon, named or not before
                if land is not None and land is not exclude:
                    return land, CAPITAL_SCORE, tokens[last_tok].end, last_tok
            if stem == CAPITAL_WORD and capital_of is not None:
                capital = _capital(country, history, capital_of)
                if capital is not None and capital[0] is not exclude:
                    return capital[0], capital[1], tokens[last_tok].end, last_tok
            found = (history.last(kinds, country, exclude)
                     or (history.last(("town",), country, exclude) if "city" in kinds else None))
            if found:
                return found[0], found[1], tokens[last_tok].end, last_tok
        return None

    def place_at(j: int, exclude=None):
        """(place, score, end offset, last token) for a name or anaphor starting at token j.
        ``exclude``: the place being located ("الحضر جنوب غربي المدينة" – the city is not Hatra)."""
        if j in resolved:
            last, place, score, _, end = resolved[j]
            return place, score, end, last
        return anaphor_at(j, exclude)

    # the tokens to stop at: names, words that may begin a reference, and a word before a
    # side whose stem does (الريف الجنوبي), in reading order
    stops = set(resolved)
    stops.update(cues.reference_openers(tokens))
    stops.update(j - 1 for j in in_vocabulary(tokens, SIDES)
                 if j > 0 and tokens[j - 1].kind == "word" and tokens[j - 1].norm[2:] in cue_words)
    named = None   # (place, score, last token) of the last name read
    free = 0       # the first token not read yet
    for i in sorted(stops):
        if i < free:
            continue
        tok = tokens[i]
        if i in resolved:
            last, place, score, _, _ = resolved[i]
            history.add(place, score)
            named = (place, score, last)
            free = last + 1
            continue
        ref, consumed = _direction(tokens, i, cues, place_at, history, ends.get(i - 1))
        if ref is None:
            ref, consumed = _part(tokens, i, cues, place_at, history)
        if ref is None:
            hit = anaphor_at(i)
            if hit:
                place, score, end, last = hit
                ref, consumed = Reference("anaphor", tok.start, end, place, score, evidence=f"anaphor:{tok.text}"), last
        if ref is None:
            continue
        refs.append(ref)
        # the anchor was just named or referred to: it is now the place in the reader's mind
        history.add(ref.anchor, ref.anchor_score)
        if ref.kind == "relative" and named is not None and after_distance(tokens, named[2] + 1) == i:
            # "وفي كركوك، على بعد 255 كلم شمال شرق بغداد": the anchor only locates the place
            # just named, which stays the one the text is about (المدينة is Kirkuk)
            history.add(named[0], named[1])
        free = consumed + 1
    return refs


def _definite_qualifier(tokens, j, cues, history, located=None):
    """"جنوب القطاع، شرق الناحية": a qualifier word with the article after a direction
    points at the place last named of its kinds (قطاع غزة)."""
    w = tokens[j].norm
    if tokens[j].kind != "word" or not w.startswith("\u0627\u0644") or w[2:] not in cues.qualifiers:
        return None
    kinds = tuple(k for k in cues.qualifiers[w[2:]] if k.islower())
    found = history.last(kinds=kinds, exclude=located)
    return (found[0], found[1], tokens[j].end, j) if found else None


def _direction(tokens, i, cues, place_at, history, located=None):
    n = len(tokens)
    for prefix, stem, suffix, _ in _readings(tokens[i].norm):
        if stem not in cues.directions or (suffix and suffix not in cues.direction_suffixes):
            continue
        direction, last = cues.directions[stem], i
        if not suffix and i + 1 < n:
            for _, stem2, suffix2, _ in _readings(tokens[i + 1].norm):
                if stem2 in cues.directions and (not suffix2 or suffix2 in cues.direction_suffixes):
                    combined = combine(direction, cues.directions[stem2])
                    if combined != direction:
                        direction, last, suffix = combined, i + 1, suffix2
                    break
        start = tokens[i].start + len(prefix) if prefix and tokens[i].text.startswith(prefix) else tokens[i].start
        if suffix:
            # "غربيها": the pronoun points at the place last named (a city rather than a country).
            found = history.last(kinds=("city", "town", "village", "admin1", "admin2", "admin3")) or history.last()
            if not found:
                return None, i
            return Reference("relative", start, tokens[last].end, found[0], found[1], direction=direction,
                             evidence=f"direction:{tokens[i].text}+pronoun"), last
        target = place_at(last + 1, located)
        if not target and last + 2 < n and any(stem in cues.qualifiers and not suf
                                               for _, stem, suf, _ in _readings(tokens[last + 1].norm)):
            target = place_at(last + 2, located)   # "شرق مدينة غزة": a qualifier between
        if not target and last + 1 < n:
            target = _definite_qualifier(tokens, last + 1, cues, history, located)
        if not target:
            return None, i
        place, score, end, target_last = target
        return Reference("relative", start, end, place, score, direction=direction,
                         evidence=f"direction:{tokens[i].text}"), target_last
    return None, i


SIDES = frozenset(w.replace("\u0629", "\u0647") for w in (
    "الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشمالية", "الجنوبية", "الشرقية", "الغربية"))


def _part(tokens, i, cues, place_at, history):
    n = len(tokens)
    for width in (2, 1):
        if i + width > n:
            continue
        for prefix, stem, _, _ in _readings(tokens[i].norm):
            key = " ".join([stem, *(t.norm for t in tokens[i + 1:i + width])])
            if width == 1 and stem.startswith("\u0627\u0644") and i + 1 < n and tokens[i + 1].norm in SIDES:
                key = stem[2:]      # الريف الجنوبي لإدلب: a definite part and its side
            if key not in cues.city_parts:
                continue
            label, after = cues.city_parts[key], i + width
            if width == 1 and after + 1 < n and tokens[after].norm in SIDES:
                after += 1      # الأحياء الشرقية لحلب، الريف الشمالي للاذقية: the side, then the city
            start = tokens[i].start + len(prefix) if prefix and tokens[i].text.startswith(prefix) else tokens[i].start
            target = place_at(after)
            if not target and after < n:
                # linked by a preposition: "الساحل الأيسر من الموصل", "للمدينة"
                link = tokens[after].norm
                if link in cues.part_links:
                    target = place_at(after + 1)
                else:
                    for pre, stem2, suf, _ in _readings(link):
                        if pre in cues.part_links and not suf:
                            target = place_at(after)
                            break
            if target:
                place, score, end, last = target
                return Reference("part", start, end, place, score, part=label, evidence=f"part:{key}"), last
            if width == 2:
                # "الساحل الأيسر" alone: the part of the city the text is about.
                found = history.last(kinds=("city",))
                if found:
                    return Reference("part", start, tokens[i + 1].end, found[0], found[1], part=label,
                                     evidence=f"part:{key}"), i + 1
    return None, i
