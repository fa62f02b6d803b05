"""Knowledge files shipped with marsad, validated on load.

Code holds mechanisms, these files hold knowledge: users read and extend them. Keys
that start with "_" are documentation. Every lookup key is normalized with
``normalize_key`` here, once, so stages compare normalized text with normalized keys.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from marsad.errors import E, MarsadError
from marsad.text.clitics import proclitic_stems, reading_tuples
from marsad.text.normalize import normalize_key
from marsad.text.screen import passing

COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


def read_json(name: str) -> dict:
    """A knowledge JSON file shipped in marsad/knowledge, or E050 naming it."""
    path = resources.files("marsad.knowledge").joinpath(name)
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise MarsadError(E.KNOWLEDGE_FILE, path=str(path), why=str(exc)) from None


def _norm_map(section: dict, path: str, check=None) -> dict[str, object]:
    out = {}
    for key, value in section.items():
        if key.startswith("_"):
            continue
        if check and not check(value):
            raise MarsadError(E.KNOWLEDGE_FILE, path=path, why=f"bad value {value!r} for {key!r}")
        out[normalize_key(key)] = value
    return out


@dataclass(frozen=True)
class PlaceCues:
    qualifiers: dict[str, tuple[str, ...]]   # normalized word → kinds it introduces
    anaphors: dict[str, tuple[str, ...]]
    demonstratives: frozenset[str]
    directions: dict[str, str]               # normalized word → N/S/E/W
    direction_suffixes: tuple[str, ...]
    relative_offset_km: float
    city_parts: dict[str, str]               # normalized phrase → label
    part_links: frozenset[str]
    not_places: frozenset[str]
    common_words: frozenset[str]             # learned: ordinary words that are also small places
    focus_countries: frozenset[str]
    min_population_elsewhere: int
    kunya: frozenset[str]
    unlisted_qualifiers: dict[str, str]      # normalized word → kind of an unlisted place it introduces
    unlisted_generic: frozenset[str]         # words after those qualifiers that name no place
    # Every stem that can begin a reference (directions, anaphors, a city part's first word).
    reference_firsts: frozenset[str] = field(init=False, repr=False, compare=False)
    # Per-word answers, cached by normalized form: the same words recur in every document.
    _begins_reference: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _unlisted_kind: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        firsts = frozenset(self.directions) | frozenset(self.anaphors) | {k.split(" ")[0] for k in self.city_parts}
        object.__setattr__(self, "reference_firsts", firsts)

    def may_begin_reference(self, word: str) -> bool:
        """Whether a clitic reading of ``word`` is a direction, an anaphor or a city part's first word."""
        hit = self._begins_reference.get(word)
        if hit is None:
            # (plain loops in these per-word computations: a generator costs more than the test)
            firsts, hit = self.reference_firsts, False
            for _, stem, _, _ in reading_tuples(word):
                if stem in firsts:
                    hit = True
                    break
            self._begins_reference[word] = hit
        return hit

    def reference_openers(self, tokens: list) -> list[int]:
        """The indices of the word tokens that ``may_begin_reference``."""
        return passing(tokens, self.may_begin_reference, self._begins_reference)

    def unlisted_kind(self, word: str) -> str | None:
        """The kind of unlisted place a qualifier introduces through its proclitics (وفي حي →
        "neighbourhood"), or None."""
        kind = self._unlisted_kind.get(word)     # "" caches "none" (a miss would raise, which is slow)
        if kind is None:
            kind = ""
            for _, stem in proclitic_stems(word):
                kind = self.unlisted_qualifiers.get(stem) or ""
                if kind:
                    break
            self._unlisted_kind[word] = kind
        return kind or None

    def unlisted_qualifiers_at(self, tokens: list) -> list[int]:
        """The indices of the word tokens that have an ``unlisted_kind`` (its cache keeps ""
        for none)."""
        return passing(tokens, self.unlisted_kind, self._unlisted_kind)


KINDS = {"country", "admin1", "admin2", "admin3", "city", "town", "village", "neighbourhood", "region", "natural"}


@cache
def place_cues() -> PlaceCues:
    name = "place_cues.json"
    raw = read_json(name)
    # a qualifier may also ask for a GeoNames feature code (معبر → PSTB, a border post)
    kinds_ok = lambda v: isinstance(v, list) and v and all(k in KINDS or k.isupper() for k in v)  # noqa: E731
    return PlaceCues(
        qualifiers={k: tuple(v) for k, v in _norm_map(raw["qualifiers"], name, kinds_ok).items()},
        anaphors={k: tuple(v) for k, v in _norm_map(raw["anaphors"], name, kinds_ok).items()},
        demonstratives=frozenset(normalize_key(w) for w in raw["demonstratives"]),
        directions=_norm_map(raw["directions"], name, lambda v: v in COMPASS),
        direction_suffixes=tuple(sorted((normalize_key(s) for s in raw["direction_pronoun_suffixes"]),
                                        key=len, reverse=True)),
        relative_offset_km=float(raw["relative_offset_km"]),
        city_parts=_norm_map(raw["city_parts"], name, lambda v: isinstance(v, str)),
        part_links=frozenset(normalize_key(w) for w in raw["part_links"]),
        not_places=frozenset(normalize_key(w) for w in raw["not_places"]["words"]),
        common_words=frozenset(read_json("common_words.json")["words"]),
        focus_countries=frozenset(raw["focus"]["countries"]),
        min_population_elsewhere=int(raw["focus"]["min_population_elsewhere"]),
        kunya=frozenset(normalize_key(w) for w in raw["kunya"]["words"]),
        unlisted_qualifiers=_norm_map(raw["unlisted"]["qualifiers"], name, lambda v: v in KINDS),
        unlisted_generic=frozenset(normalize_key(w) for w in raw["unlisted"]["generic_names"]),
    )


@cache
def outlets() -> dict[str, dict]:
    """normalized name or alias → outlet record"""
    name = "outlets.json"
    out: dict[str, dict] = {}
    for rec in read_json(name)["outlets"]:
        if not {"id", "name", "name_ar"} <= rec.keys():
            raise MarsadError(E.KNOWLEDGE_FILE, path=name, why=f"outlet {rec!r} lacks id, name or name_ar")
        for alias in [rec["name_ar"], *rec.get("aliases", [])]:
            out[normalize_key(alias)] = rec
    return out
