"""Choose the right place for each name from evidence in the document.

Every candidate gets a score from independent pieces of evidence, each recorded as a
reason a user can read:
  prior      – feature kind (country > governorate > city > … > village) and population;
  country    – the candidate's country is itself named in the text;
  proximity  – distance to the places the text names unambiguously;
  qualifier  – a word before the name asks for this kind (مدينة → city, قضاء → district);
  containment – the candidate lies inside a governorate or district the text names.
Nothing is special-cased by name: Sinjar lands in Iraq because Tal Afar and Mosul are
near it and Iraq is named, Raqqa in Syria because Syria is named and it is the big one.
The reported ``score`` is the winner's share of exp(score) over all candidates.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from marsad.gazetteer.geo import km

# A country outranks any city of the same name (الجزائر، تونس، الكويت mean the country
# unless a qualifier such as مدينة or a nearby place says otherwise).
KIND_PRIOR = {"country": 4.0, "admin1": 2.2, "city": 1.6, "admin2": 1.4, "region": 1.2, "town": 0.9,
              "admin3": 0.8, "natural": 0.6, "village": 0.3, "neighbourhood": 0.2}
COUNTRY_BONUS = 2.0
CONTAINED_BONUS = 2.0      # inside a governorate/district the text names
QUALIFIER_BONUS = 1.5
PROXIMITY_BONUS = 3.0
PROXIMITY_RANGE_KM = 400.0
# A governorate named like its capital (حلب، كركوك، دبي): the city, unless an admin
# qualifier (محافظة، ولاية، إمارة…) asks for the governorate.
TWIN_KM = 250.0
TWIN_BONUS = 3.0
COHERENT_KM = 150.0        # a weak (common-word) name must lie this close to another place


@dataclass(slots=True)
class Choice:
    place: object            # GazPlace
    score: float             # 0..1
    reasons: list[str] = field(default_factory=list)
    nearest_km: float | None = None   # distance to the nearest other resolved place


def prior_value(c) -> float:
    return KIND_PRIOR.get(c.kind, 0.3) + 0.3 * math.log10((c.population or 0) + 1)


def _score(c, match, countries: set[str], anchors: list, own_key: str, inside=None, explain: bool = True):
    """(score, reasons, nearest km) of candidate ``c``; ``anchors`` as ``_unique`` gives
    them. ``explain=False`` leaves the reasons empty: only the chosen candidate's are kept,
    and writing them for every candidate was much of the resolver's time."""
    value = prior_value(c)
    reasons = [f"prior {value:.2f} ({c.kind}, population {c.population or 0:,})"] if explain else []
    container = inside(c) if inside else None
    # the area must be named separately: "محافظة كركوك" does not vouch for Kirkuk city
    if container and all(x.id != container[0] for x in match.candidates):
        value += CONTAINED_BONUS
        if explain:
            reasons.append(f"+{CONTAINED_BONUS} inside {container[1]}, named in the text")
    if c.kind != "country" and c.country in countries:
        value += COUNTRY_BONUS
        if explain:
            reasons.append(f"+{COUNTRY_BONUS} its country {c.country} is named in the text")
    code = getattr(c, "feature_code", "")
    if match.qualifier_kinds and (c.kind in match.qualifier_kinds or code in match.qualifier_kinds):
        # a feature code asked for (معبر → PSTB) outweighs a kind: a crossing over the village of its name
        bonus = QUALIFIER_BONUS * (2 if code in match.qualifier_kinds else 1)
        value += bonus
        if explain:
            reasons.append(f"+{bonus} '{match.qualifier}' asks for a {code if bonus > QUALIFIER_BONUS else c.kind}")
    if c.kind == "admin1" and _capital_twin(c, match):
        # only the governorate moves: the city keeps its standing against places of that
        # name elsewhere (أريحا in Idlib against Jericho)
        if match.qualifier_kinds and match.qualifier_kinds[0] == "admin1":
            value += TWIN_BONUS
            if explain:
                reasons.append(f"+{TWIN_BONUS} '{match.qualifier}' asks for the governorate, not the city of that name")
        else:
            value -= TWIN_BONUS
            if explain:
                reasons.append(f"-{TWIN_BONUS} named like a city of its own: the city unless a qualifier asks for it")
    nearest, near_name = None, None
    if c.kind != "country":
        for key, lat, lon, name in anchors:
            if key != own_key:
                d = km(c.lat, c.lon, lat, lon)
                if nearest is None or d < nearest:
                    nearest, near_name = d, name
    if nearest is not None and nearest < PROXIMITY_RANGE_KM:
        bonus = PROXIMITY_BONUS * (1 - nearest / PROXIMITY_RANGE_KM)
        value += bonus
        if explain:
            reasons.append(f"+{bonus:.2f} {nearest:.0f} km from {near_name}, also named")
    return value, reasons, nearest


def _capital_twin(c, match) -> bool:
    """Whether governorate ``c`` shares its name with a city or town of its country near it,
    also a candidate of ``match`` (حلب، كركوك، أريحا)."""
    return any(o.kind in ("city", "town") and o.country == c.country
               and km(c.lat, c.lon, o.lat, o.lon) <= TWIN_KM for o in match.candidates)


@dataclass(slots=True)
class Anchor:
    key: str
    place: object


def resolve(matches: list, weak: set[int], context: tuple = (), inside=None) -> dict[int, Choice]:
    """Pick a candidate for every match (by index). Two passes: the first uses only
    countries and unambiguous names as context, the second every first-pass choice.
    ``context``: places already known from elsewhere (e.g. the rest of a document);
    ``inside(candidate)``: the name of an admin area named in the text that contains it."""
    given_countries = {p.country for p in context if p.kind == "country"}
    given = [Anchor("context:" + p.id, p) for p in context if p.kind != "country" and p.lat is not None]
    countries = given_countries | {m.candidates[0].country for i, m in enumerate(matches)
                                   if i not in weak and m.candidates[0].kind == "country" and len(m.candidates) == 1}
    anchors = given + [Anchor(m.key, m.candidates[0]) for i, m in enumerate(matches)
                       if i not in weak and len(m.candidates) == 1 and m.candidates[0].kind != "country"]
    choices = _pass(matches, countries, anchors, inside)
    anchors = given + [Anchor(matches[i].key, ch.place) for i, ch in choices.items()
                       if i not in weak and ch.place.kind != "country"]
    countries |= {ch.place.country for i, ch in choices.items() if i not in weak and ch.place.kind == "country"}
    return _pass(matches, countries, anchors, inside)


def _unique(anchors: list) -> list[tuple]:
    """The distinct anchors but countries (no distance is measured to a country), as the
    (key, lat, lon, name) the proximity loop reads for every candidate."""
    seen, out = set(), []
    for a in anchors:
        if (a.key, a.place.id) not in seen:
            seen.add((a.key, a.place.id))
            if a.place.kind != "country":
                out.append((a.key, a.place.lat, a.place.lon, a.place.name))
    return out


def _pass(matches, countries, anchors, inside=None) -> dict[int, Choice]:
    # A name's score depends only on its key, qualifier and the context, so repeated
    # mentions of the same name are scored once.
    out, memo = {}, {}
    anchors = _unique(anchors)
    for i, m in enumerate(matches):
        sig = (m.key, m.qualifier)
        if sig in memo:
            ch = memo[sig]
            out[i] = Choice(place=ch.place, score=ch.score, reasons=list(ch.reasons), nearest_km=ch.nearest_km)
            continue
        scored = []
        lone = len(m.candidates) == 1   # the winner already: its reasons are written at once
        for c in m.candidates:
            value, reasons, nearest = _score(c, m, countries, anchors, m.key, inside, explain=lone)
            scored.append((value, c, reasons, nearest))
        scored.sort(key=lambda s: -s[0])
        top = scored[0]
        total = sum(math.exp(s[0] - top[0]) for s in scored)
        # only the winner's reasons are kept: written for it alone, scored the same way again
        why = top[2] if lone else _score(top[1], m, countries, anchors, m.key, inside)[1]
        reasons = why + ([f"chosen over {len(scored) - 1} other place(s) of that name"] if len(scored) > 1 else [])
        out[i] = memo[sig] = Choice(place=top[1], score=1.0 / total, reasons=reasons, nearest_km=top[3])
    return out
