"""The places stage: every place a report names or points at, resolved and geocoded.

Steps, in order:
  1. match    – gazetteer names in the tokens, through proclitics, with qualifiers;
  2. filter   – names that are also common words count only with a qualifier, or when
                another place in the text lies close to them;
  3. resolve  – disambiguate each name from the document's evidence (resolve.py);
  4. dateline – names in the header are the dateline, resolved within the header's
                country and kept out of the evidence for the body;
  5. refer    – anaphora, relative places, city parts (refer.py);
  6. emit     – LOC mentions and ``places`` entries with score, reasons and admin areas.
"""
from __future__ import annotations

import math
import re

from marsad.doc import Doc, Place
from marsad.gazetteer.geo import km
from marsad.knowledge import place_cues
from marsad.knowledge.route_cues import load_route_cues
from marsad.pipeline import stage
from marsad.stages.places.focus import focus_place, geocode_phrase, places_in_names  # noqa: F401  (public API)
from marsad.stages.places.match import NameIndex, find_names
from marsad.stages.places.refer import find_references
from marsad.stages.places.resolve import COHERENT_KM, resolve
from marsad.stages.places.unlisted import find_unlisted

NEAR_KM = 75.0          # a doubtful name this close to another named place is well supported
ROUTE_REACH = 8         # tokens back from a name to a route noun (طريق يمتد من X إلى Y)
ROUTE_FELLOW_KM = 400.0  # the two ends of a road lie farther apart than two names in one area
ROUTE_STOP = frozenset({".", "،", ",", "؛", ";", "؟", "?", "!", ":"})
from marsad.text.clitics import readings

LOW_KINDS = frozenset({"village", "neighbourhood"})
BIG_KINDS = frozenset({"city", "admin1", "country"})
COMPOUND_HASHTAG = re.compile(r"#([^\s#_]+(?:_[^\s#_]+)+)")
BEARING = {"N": 0, "NE": 45, "E": 90, "SE": 135, "S": 180, "SW": 225, "W": 270, "NW": 315}


def _doubtful(match, cues) -> bool:
    """A name that may well be an ordinary word or part of a person's name: it needs
    support from its context before it counts as a place (decided after resolution)."""
    if match.qualifier:
        return False
    first = match.key.split(" ")[0]
    if first in cues.kunya:
        return True                                   # أبو حسن: a kunya before a village name
    if match.first != match.last:
        return False
    key = match.key
    nisba = key.startswith("ال") and key.endswith("ي") and len(key) > 4   # البغدادي: a surname
    return (key in cues.not_places or key in cues.common_words or nisba
            or all(c.kind in LOW_KINDS for c in match.candidates))


def _support(match, choice, cues, fellow_km: float | None = None, on_route: bool = False,
             paired: bool = False, plain_word: bool = False) -> tuple[int, list[str]]:
    """Points of contextual support for a doubtful name; 2 or more and it counts.
    ``fellow_km``: distance to the nearest other doubtful name's place in the text (two
    ordinary words rarely both land on villages near each other). ``on_route``: a route
    noun governs the name (طريق X، معبر X، طريق … من X إلى Y): roads are named by places;
    ``paired``: and a dash or و joins it to another name (طريق أثريا – الطبقة); unpaired, a
    name that is no ordinary word counts once more (أوتوستراد خلدة) unless ``plain_word``: it
    is a word the routes stage reads (المار، الجديد، المغلق)."""
    points, why = 0, []
    fellow_max = ROUTE_FELLOW_KM if on_route else COHERENT_KM
    if fellow_km is not None and fellow_km <= fellow_max and (choice.nearest_km is None or choice.nearest_km > COHERENT_KM):
        points, why = points + 1, why + [f"{fellow_km:.0f} km from another doubtful name in the text"]
    if on_route:
        points, why = points + 1, why + ["named by a route"]
        if paired:
            points, why = points + 1, why + ["paired with another name on the route"]
        elif not (match.key in cues.common_words or match.key in cues.not_places or plain_word
                  or match.key.split(" ")[0] in cues.kunya):
            # أوتوستراد خلدة، طريق المديرج: a road named by a word that spells nothing else
            points, why = points + 1, why + ["a route named by a word that is no ordinary word"]
    if match.locative:
        points, why = points + 1, why + ["introduced by a locative preposition"]
    words = match.key.split(" ")
    if len(words) > 1 and not any(w in cues.common_words or w in cues.kunya for w in words):
        # a name of several uncommon words (كفر شوبا، عين عيسى) rarely spells anything else
        points, why = points + 1, why + ["a name of several uncommon words"]
    near = choice.nearest_km
    if near is not None and near <= COHERENT_KM:
        bonus = 2 if near <= NEAR_KM else 1
        points, why = points + bonus, why + [f"{near:.0f} km from another place in the text"]
    if match.key in cues.common_words or match.key in cues.not_places:
        points, why = points - 1, why + ["also an ordinary word"]
    return points, why


def offset_point(lat: float, lon: float, direction: str, km: float) -> tuple[float, float]:
    """A point ``km`` from (lat, lon) toward ``direction`` – where a relative place is drawn."""
    bearing = math.radians(BEARING[direction])
    dlat = km / 111.2 * math.cos(bearing)
    dlon = km / (111.2 * max(math.cos(math.radians(lat)), 0.01)) * math.sin(bearing)
    return round(lat + dlat, 5), round(lon + dlon, 5)


class NisbaCountries:
    """السورية → SY, العراقيين → IQ: a nisba adjective's country, from the gazetteer's country names."""

    def __init__(self, gazetteer):
        self.gz, self.cache, self.capitals = gazetteer, {}, None

    def __call__(self, word: str) -> str | None:
        if word not in self.cache:
            self.cache[word] = self._lookup(word)
        return self.cache[word]

    def capital(self, country: str):
        """The country's capital (GeoNames feature code PPLC; the most populous if several)."""
        if self.capitals is None:
            capitals = {}
            for p in self.gz.with_feature_code("PPLC"):   # (without building an object for every place)
                if p.country not in capitals or p.population > capitals[p.country].population:
                    capitals[p.country] = p
            # the objects every other lookup gives for these places (identity is compared)
            self.capitals = {country: self.gz.get(p.id) for country, p in capitals.items()}
        return self.capitals.get(country)

    def _lookup(self, word: str) -> str | None:
        for r in readings(word):
            stem = r.stem + r.suffix
            if not stem.startswith("ال"):
                continue
            base = stem[2:]
            for ending in ("يين", "يون", "يه", "ي"):
                if base.endswith(ending) and len(base) > len(ending) + 1:
                    root = base[: -len(ending)]
                    for key in (root, "ال" + root, root + "ا", root + "يا", root + "ه"):
                        for c in self.gz.candidates(key):
                            if c.kind == "country":
                                return c.country
        return None


@stage("places", requires=("tokens", "header", "body_start"), assigns=("places", "mentions"))
def make_places(gazetteer=None, **_):
    from marsad.gazetteer.index import load_gazetteer
    gz = gazetteer or load_gazetteer()
    index, cues, nisba = NameIndex(gz), place_cues(), NisbaCountries(gz)
    routes = load_route_cues()
    admin_cache: dict[str, list[dict]] = {}

    def admin_of(p) -> list[dict]:
        if p.id not in admin_cache:
            admin_cache[p.id] = [] if p.kind == "country" else [
                {"id": a.id, "name": a.name, "name_ar": a.name_ar, "kind": a.kind}
                for a in gz.containing(p.lat, p.lon) if a.id != p.id]
        return admin_cache[p.id]

    def places(doc: Doc) -> Doc:
        matches = find_names(doc.tokens, index, cues)
        # In the header only the parts the dateline stage read as places are places
        # (not a word of the outlet's name or the author's).
        dateline_parts = [(p["start"], p["end"]) for p in doc.header if p["role"] == "place"]
        matches = [m for m in matches if m.start >= doc.body_start
                   or any(s <= m.start and m.end <= e for s, e in dateline_parts)]
        header = {i for i, m in enumerate(matches) if m.start < doc.body_start}
        doubtful = {i for i, m in enumerate(matches) if i not in header and _doubtful(m, cues)}
        near = tuple(p for p in (gz.get(pid) for pid in doc.meta.get("near") or []) if p is not None)
        choices = resolve(matches, doubtful | header, near)
        admins = {ch.place.id: ch.place for i, ch in choices.items()
                  if i not in header and i not in doubtful and ch.place.kind in ADMIN_KINDS}
        if admins:
            choices = resolve(matches, doubtful | header, near, inside=_inside_named(gz, admins))
        _resolve_dateline(matches, header, choices)
        weak = doubtful | {i for i in range(len(matches))
                           if i not in header and choices[i].place.kind in LOW_KINDS and not matches[i].qualifier}
        supported = set()
        fellow_km = _fellow_km(weak, matches, choices)
        for i in weak:
            points, why = _support(matches[i], choices[i], cues, fellow_km[i], _on_route(doc.tokens, matches[i], routes),
                                   _dash_paired(doc.tokens, matches, i), _route_word(doc.tokens, matches[i], routes))
            # a city (الرمادي) needs less support than a village that shares a word's spelling
            if points >= (1 if choices[i].place.kind in BIG_KINDS else 2):
                supported.add(i)
                choices[i].reasons = choices[i].reasons + [f"support {points}: " + "; ".join(why)]
        # one sense per discourse: a name accepted once counts everywhere in the text
        accepted_keys = {matches[i].key for i in range(len(matches)) if i not in weak or i in supported}
        kept = [i for i in range(len(matches)) if i not in weak or matches[i].key in accepted_keys]

        by_id: dict[str, Place] = {}

        def place_entry(gp, score, reasons) -> Place:
            entry = by_id.get(gp.id)
            if entry is None:
                entry = by_id[gp.id] = Place(id=gp.id, name=gp.name, name_ar=gp.name_ar, kind=gp.kind,
                                             country=gp.country, lat=gp.lat, lon=gp.lon, score=score,
                                             reasons=list(reasons), admin=admin_of(gp))
            elif score > entry.score:
                entry.score, entry.reasons = score, list(reasons)
            return entry

        hashtags = [h.span(1) for h in COMPOUND_HASHTAG.finditer(doc.text)]
        resolved = {}
        for i in kept:
            m, ch = matches[i], choices[i]
            role = "dateline" if i in header else None
            if any(s <= m.start and m.end <= e and (m.start, m.end) != (s, e) for s, e in hashtags):
                role = "hashtag"   # #سيول_الكويت names an event or topic, not where something happens
            evidence = m.evidence + (["supported-by-context"] if i in weak else [])
            mention = doc.add_mention(m.start, m.end, "LOC", ref=ch.place.id, evidence=evidence, role=role)
            place_entry(ch.place, ch.score, ch.reasons).mention_ids.append(mention.id)
            if role == "dateline":
                if not doc.meta.get("dateline") or by_id[doc.meta["dateline"]].kind == "country":
                    doc.meta["dateline"] = ch.place.id
            else:
                resolved[m.first] = (m.last, ch.place, ch.score, m.start, m.end)

        for ref in find_references(doc.tokens, resolved, cues, nisba, nisba.capital, gz.country):
            anchor = place_entry(ref.anchor, ref.anchor_score, [])
            if ref.kind == "anaphor":
                mention = doc.add_mention(ref.start, ref.end, "LOC", ref=anchor.id, evidence=[ref.evidence],
                                          role="anaphor")
                anchor.mention_ids.append(mention.id)
                continue
            entry = _derived_place(ref, anchor, cues.relative_offset_km, doc.text[ref.start:ref.end])
            entry = by_id.setdefault(entry.id, entry)
            mention = doc.add_mention(ref.start, ref.end, "LOC", ref=entry.id, evidence=[ref.evidence],
                                      role="relative" if ref.kind == "relative" else "part")
            entry.mention_ids.append(mention.id)
        find_unlisted(doc, cues, by_id)
        doc.places = list(by_id.values())
        return doc

    return places


ADMIN_KINDS = frozenset({"admin1", "admin2", "admin3"})


def _on_route(tokens, match, routes) -> bool:
    """A route noun (not "عن طريق", by means of) within a few words before the name, in
    the same stretch of the sentence."""
    for j in range(match.first - 1, max(-1, match.first - 1 - ROUTE_REACH), -1):
        t = tokens[j]
        if t.kind == "punct" and t.text in ROUTE_STOP:
            return False
        # up to the name: a noun of two words counts too (خط الإمداد الممتد من X إلى Y)
        if t.kind == "word" and routes.route_noun(tokens, j, match.first - 1) is not None:
            return not (j > 0 and routes.has(routes.not_before, tokens[j - 1].norm)
                        and not routes.lifted_from(tokens, j - 1, 0))
    return False


def _route_word(tokens, match, routes) -> bool:
    """The name's word is one the routes stage reads: a marker, a kind adjective, a status word."""
    t = tokens[match.first]
    return routes.marker(tokens, match.first, match.first) is not None or routes.status_of(t) is not None \
        or any(s in routes.kind_adjectives for s in (t.norm, t.norm[2:]))


def _dash_paired(tokens, matches, i: int) -> bool:
    """Match i and another name are joined by a dash (X – Y), or match i follows another
    name with و on it (معبري باب السلامة واليعربية), or another name with ب on it follows
    match i (طريق يصل الميادين بالبوكمال)."""
    m = matches[i]
    dash = ("-", "–", "—")
    before = m.first >= 2 and tokens[m.first - 1].text in dash and any(o.last == m.first - 2 for o in matches)
    after = m.last + 2 < len(tokens) and tokens[m.last + 1].text in dash and any(o.first == m.last + 2 for o in matches)
    joined = m.first >= 1 and m.start == tokens[m.first].start + 1 and tokens[m.first].text.startswith("\u0648") \
        and any(o.last == m.first - 1 for o in matches)
    # يصل الميادين بالبوكمال، يربط تلعفر ببعاج: the other end of a linked pair written with ب
    ba_after = m.last + 1 < len(tokens) and tokens[m.last + 1].text.startswith("\u0628") and any(
        o.first == m.last + 1 and o.start > tokens[o.first].start for o in matches)
    return before or after or joined or ba_after


def _fellow_km(weak: set[int], matches, choices) -> dict[int, float | None]:
    """For each weak match, the distance from its place to the nearest place of another weak name."""
    # measured between distinct (name, place) pairs: a name mentioned again is no new fellow
    fellows = {(matches[j].key, q.id): q for j in weak if (q := choices[j].place).lat is not None}
    nearest: dict[tuple[str, str], float | None] = {}
    out = {}
    for i in weak:
        key, p = matches[i].key, choices[i].place
        if (key, p.id) not in nearest:
            dists = [] if p.lat is None else [km(p.lat, p.lon, q.lat, q.lon) for (other, qid), q in fellows.items()
                                               if other != key and qid != p.id]
            nearest[key, p.id] = min(dists) if dists else None
        out[i] = nearest[key, p.id]
    return out


def _inside_named(gz, admins: dict):
    """``inside(candidate)`` → (id, name) of a named admin area containing it, or None.
    Uses imported polygons when there are any, else the GeoNames admin1 code."""
    def inside(c):
        if c.kind in ADMIN_KINDS or c.kind == "country" or c.lat is None:
            return None
        for area in gz.containing(c.lat, c.lon):
            if area.id in admins:
                return area.id, area.name
        code = getattr(c, "admin1", "")
        for a in admins.values():
            if a.kind == "admin1" and code and a.country == c.country and getattr(a, "admin1", "") == code:
                return a.id, a.name
        return None
    return inside


def _resolve_dateline(matches, header: set[int], choices) -> None:
    """Resolve header names inside the header's own country (دبي – الإمارات)."""
    countries = {choices[i].place.country for i in header if choices[i].place.kind == "country"}
    if not countries:
        return
    for i in header:
        ch = choices[i]
        if ch.place.country in countries:
            continue
        inside = [c for c in matches[i].candidates if c.country in countries]
        if inside:
            ch.place = inside[0]
            ch.reasons = ch.reasons + [f"dateline names the country {', '.join(sorted(countries))}"]


def _derived_place(ref, anchor: Place, offset_km: float, surface: str) -> Place:
    if ref.kind == "relative":
        lat, lon = offset_point(anchor.lat, anchor.lon, ref.direction, offset_km) if anchor.lat is not None \
            else (None, None)
        return Place(id=f"relative:{ref.direction}:{anchor.id}", name=f"{ref.direction} of {anchor.name}",
                     name_ar=surface, kind="relative", country=anchor.country,
                     lat=lat, lon=lon, score=round(anchor.score * 0.9, 3),
                     anchor={"place": anchor.id, "direction": ref.direction},
                     reasons=[f"{ref.direction} of {anchor.name}; drawn {offset_km:g} km from it (approximate)"])
    slug = ref.part.replace(" ", "-")
    return Place(id=f"relative:{slug}:{anchor.id}", name=f"{ref.part} of {anchor.name}",
                 name_ar=surface, kind="neighbourhood", country=anchor.country,
                 lat=anchor.lat, lon=anchor.lon, score=round(anchor.score * 0.9, 3),
                 anchor={"place": anchor.id, "direction": None, "part": ref.part},
                 reasons=[f"the {ref.part} of {anchor.name}; drawn at the city's point"])
