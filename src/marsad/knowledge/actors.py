"""The actor dictionary (``actors.json``), validated on load.

Who appears in conflict reports: state forces and their branches, militias, rebel and
jihadist groups, Kurdish forces and parties, foreign militaries and coalitions, UN
agencies, relief organisations, observatories, and the news outlets of ``outlets.json``
(as actors of type ``media``, with the outlet's id; they are not repeated in actors.json).

Sections of the file:
  actors      – id, name, name_ar, aliases, type, country (ISO2|null), parent, cameo;
  media       – cue words for outlet names that are also ordinary words, outlet countries;
  generic     – context-dependent phrases: "قوات النظام" → {"SY": actor id, "default": null};
  ambiguous   – aliases two actors may share: alias → [actor ids];
  anaphors    – "التنظيم" → {"types": [...], "head": null}: the organisation last named;
  weak        – aliases that are also ordinary words (القاعدة): they need the same actor
                named another way in the document, or a cue word (زعيم, عناصر…) before them;
  not_actors  – phrases that start like an actor name but are not one ("القاعدة الجوية").

Users extend the dictionary with a file of the same shape (any section may be left out)
named by the environment variable ``MARSAD_ACTORS``::

    MARSAD_ACTORS=~/my_actors.json marsad extract report.txt

Its actors are added, and an actor with an id already known replaces the shipped entry;
its generic phrases, ambiguous aliases, anaphors and not_actors phrases are merged in.
The merged dictionary is checked as a whole: unique ids, known types, parents that
exist, and no alias claimed by two actors unless listed under ``ambiguous``. A problem
raises ``MarsadError(E.KNOWLEDGE_FILE)`` naming the file and the entry.

Every lookup key is normalized here, once: the alias is tokenized and its token keys
joined by spaces, exactly as the stage joins the tokens of a text.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.errors import E, MarsadError
from marsad.knowledge import outlets
from marsad.text.tokens import tokenize

ENV_VAR = "MARSAD_ACTORS"
TYPES = frozenset({"state-military", "state-police", "state-intelligence", "state-government", "militia",
                   "rebel", "jihadist", "kurdish", "foreign-military", "coalition", "un", "ngo",
                   "observatory", "media", "party"})
FIELDS = ("id", "name", "name_ar", "aliases", "type", "country", "parent", "cameo")


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    name_ar: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    parent: str | None
    cameo: str | None

    def to_json(self, mention_ids: list[str]) -> dict:
        return {"id": self.id, "name": self.name, "name_ar": self.name_ar, "type": self.type,
                "country": self.country, "parent": self.parent, "cameo": self.cameo,
                "mention_ids": mention_ids}


@dataclass(frozen=True, slots=True)
class Anaphor:
    types: frozenset[str]
    head: str | None          # normalized word the antecedent's name must start with
    skip_heads: frozenset[str] = frozenset()   # antecedents named with these first words are passed over


@dataclass(frozen=True)
class ActorDictionary:
    actors: dict[str, Actor]
    names: dict[str, tuple[str, ...]]          # key → actor ids (more than one only if ambiguous)
    generic: dict[str, dict[str, str | None]]  # key → {country | "default": actor id | None}
    anaphors: dict[str, Anaphor]               # normalized word → what it may point back to
    not_actors: frozenset[str]                 # keys that produce no mention
    media_cues: frozenset[str]                 # normalized words that introduce an outlet name
    needs_cue: frozenset[str]                  # outlet ids whose names are also ordinary words
    heads: dict[str, frozenset[str]]           # actor id → first words of its names
    weak: frozenset[str] = frozenset()         # alias keys that are also ordinary words
    weak_cues: frozenset[str] = frozenset()    # words that make a weak alias count
    nationality: dict[str, str] = field(default_factory=dict)  # adjective as written (الروسية) → that country's forces
    nationality_after: frozenset[str] = frozenset()  # attack words after which the adjective names them

    def __len__(self) -> int:
        return len(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]


def name_key(text: str) -> str:
    """The lookup key of a name: its tokens' normalized forms joined by spaces."""
    return " ".join(t.norm for t in tokenize(text))


MILITARY_TYPES = ("state-military", "foreign-military")
NISBA_ENDINGS = ("يين", "يون", "يه", "ي")   # normalized: ية → يه


@cache
def nisba_root(word: str) -> str | None:
    """الروسية → روس; العراقيين → عراق; None for a word with no nisba ending."""
    base = word[2:] if word.startswith("ال") else word
    for end in NISBA_ENDINGS:
        if base.endswith(end) and len(base) - len(end) >= 3:
            return base[: -len(end)]
    return None


def _forces_by_nationality(actors: dict, names: dict, spec: dict) -> tuple[dict[str, str], dict[str, str]]:
    """(keys "<military word> <nationality adjective>", every written form of the nationality
    adjective → actor) for each country whose military actor has an alias of that shape (see
    the section's _doc in actors.json); explicit aliases and ambiguous keys are left as they are."""
    heads = [name_key(h) for h in spec.get("heads", [])]
    if not heads:
        return {}, {}
    head_set = set(heads)
    roots: dict[str, str] = {}
    for actor in sorted(actors.values(), key=lambda a: (a.parent is not None, a.id)):
        if actor.type not in MILITARY_TYPES:
            continue
        for alias in (actor.name_ar, *actor.aliases):
            words = name_key(alias).split(" ")
            root = nisba_root(words[1]) if len(words) == 2 and words[0] in head_set else None
            if root:
                roots.setdefault(root, actor.id)
    forms = {f"{article}{root}{end}": aid for root, aid in roots.items()
             for article in ("ال", "") for end in NISBA_ENDINGS}
    keys = {f"{head} {form}": aid for form, aid in forms.items() for head in heads}
    return {k: aid for k, aid in keys.items() if k not in names}, forms


def _fail(path: str, why: str):
    raise MarsadError(E.KNOWLEDGE_FILE, path=path, why=why)


def _read_json(path: Path | str, shipped: bool) -> dict:
    try:
        raw = json.loads(Path(path).read_text("utf-8") if not shipped else
                         resources.files("marsad.knowledge").joinpath(str(path)).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        _fail(str(path), str(exc))
    if not isinstance(raw, dict):
        _fail(str(path), "the top level must be an object with an \"actors\" list")
    return raw


def _actor(rec, path: str) -> Actor:
    if not isinstance(rec, dict):
        _fail(path, f"actor entry {rec!r} is not an object")
    label = rec.get("id", rec.get("name_ar", "?"))
    missing = [f for f in FIELDS if f not in rec and f not in ("aliases", "parent", "cameo", "country")]
    if missing:
        _fail(path, f"actor {label!r} lacks {', '.join(missing)}")
    for f in ("id", "name", "name_ar"):
        if not isinstance(rec[f], str) or not rec[f].strip():
            _fail(path, f"actor {label!r}: {f} must be a non-empty string")
    if rec["type"] not in TYPES:
        _fail(path, f"actor {label!r} has unknown type {rec['type']!r} (known: {', '.join(sorted(TYPES))})")
    aliases = rec.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        _fail(path, f"actor {label!r}: aliases must be a list of non-empty strings")
    country = rec.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isupper()):
        _fail(path, f"actor {label!r}: country must be an ISO2 code like \"IQ\" or null, not {country!r}")
    return Actor(rec["id"], rec["name"], rec["name_ar"], tuple(aliases), rec["type"], country,
                 rec.get("parent"), rec.get("cameo"))


def _media_actors(media: dict, path: str) -> list[Actor]:
    countries = media.get("countries", {})
    seen: dict[str, Actor] = {}
    for rec in outlets().values():
        if rec["id"] in seen:
            continue
        seen[rec["id"]] = Actor(rec["id"], rec["name"], rec["name_ar"], tuple(rec.get("aliases", [])), "media",
                                countries.get(rec["id"]), None, "MED")
    for oid in [*media.get("needs_cue", []), *countries]:
        if oid not in seen:
            _fail(path, f"media section names outlet {oid!r}, which outlets.json does not list")
    return list(seen.values())


def _sections(raw: dict, path: str):
    for name in ("generic", "ambiguous", "anaphors", "not_actors", "media", "forces_by_nationality"):
        if name in raw and not isinstance(raw[name], dict):
            _fail(path, f"section {name!r} must be an object")
    if "actors" in raw and not isinstance(raw["actors"], list):
        _fail(path, "section \"actors\" must be a list")


def _public(section: dict) -> dict:
    return {k: v for k, v in section.items() if not k.startswith("_")}


@cache
def _load(extra: str | None) -> ActorDictionary:
    shipped = "actors.json"
    base = _read_json(shipped, shipped=True)
    _sections(base, shipped)
    files = [(shipped, base)]
    if extra:
        user = _read_json(extra, shipped=False)
        _sections(user, extra)
        files.append((extra, user))

    actors: dict[str, Actor] = {}
    origin: dict[str, str] = {}
    generic: dict[str, tuple[str, dict]] = {}
    ambiguous: dict[str, set[str]] = {}
    anaphors: dict[str, Anaphor] = {}
    not_actors: set[str] = set()
    weak: set[str] = set()
    weak_cues: set[str] = set()
    for path, raw in files:
        ids_here = set()
        for rec in raw.get("actors", []):
            actor = _actor(rec, path)
            if actor.id in ids_here:
                _fail(path, f"actor id {actor.id!r} appears twice")
            ids_here.add(actor.id)
            actors[actor.id], origin[actor.id] = actor, path
        for phrase, mapping in _public(raw.get("generic", {})).items():
            if not isinstance(mapping, dict) or not all(v is None or isinstance(v, str) for v in mapping.values()):
                _fail(path, f"generic phrase {phrase!r} must map countries to actor ids or null")
            generic[name_key(phrase)] = (path, {**{"default": None}, **mapping, "_phrase": phrase})
        for alias, ids in _public(raw.get("ambiguous", {})).items():
            if not isinstance(ids, list) or len(ids) < 2:
                _fail(path, f"ambiguous alias {alias!r} must list two or more actor ids")
            ambiguous.setdefault(name_key(alias), set()).update(ids)
        for word, spec in _public(raw.get("anaphors", {})).items():
            types = spec.get("types") if isinstance(spec, dict) else None
            if not types or not set(types) <= TYPES:
                _fail(path, f"anaphor {word!r} needs \"types\" from: {', '.join(sorted(TYPES))}")
            head = spec.get("head")
            anaphors[name_key(word)] = Anaphor(frozenset(types), name_key(head) if head else None,
                                               frozenset(name_key(w) for w in spec.get("skip_heads", [])))
        not_actors.update(name_key(p) for p in raw.get("not_actors", {}).get("phrases", []))
        weak.update(name_key(a) for a in raw.get("weak", {}).get("aliases", []))
        weak_cues.update(name_key(w) for w in raw.get("weak", {}).get("cues", []))

    media = base.get("media", {})
    for actor in _media_actors(media, shipped):
        if actor.id in actors:
            _fail(origin[actor.id], f"actor id {actor.id!r} is an outlet of outlets.json; do not repeat it")
        actors[actor.id], origin[actor.id] = actor, "outlets.json"

    for actor in actors.values():
        if actor.parent is not None and actor.parent not in actors:
            _fail(origin[actor.id], f"actor {actor.id!r} has parent {actor.parent!r}, which is not an actor id")
    for key, ids in ambiguous.items():
        for aid in ids - actors.keys():
            _fail(extra or shipped, f"ambiguous alias {key!r} names unknown actor {aid!r}")

    names: dict[str, list[str]] = {}
    heads: dict[str, set[str]] = {}
    for actor in actors.values():
        for alias in (actor.name_ar, *actor.aliases):
            key = name_key(alias)
            if not key:
                _fail(origin[actor.id], f"actor {actor.id!r} has an alias with no letters: {alias!r}")
            holders = names.setdefault(key, [])
            if actor.id in holders:
                continue
            if holders and not {actor.id, *holders} <= ambiguous.get(key, set()):
                _fail(origin[actor.id], f"alias {alias!r} of {actor.id!r} also names {holders[0]!r}; "
                                        "list it under \"ambiguous\" if both are meant")
            holders.append(actor.id)
            heads.setdefault(actor.id, set()).add(key.split(" ")[0])
    for key in weak - names.keys():
        _fail(extra or shipped, f"weak alias {key!r} is not an alias of any actor")
    for key, (path, mapping) in generic.items():
        if key in names:
            _fail(path, f"generic phrase {mapping['_phrase']!r} is also an alias of {names[key][0]!r}")
        for country, aid in mapping.items():
            if country != "_phrase" and aid is not None and aid not in actors:
                _fail(path, f"generic phrase {mapping['_phrase']!r} maps {country} to unknown actor {aid!r}")

    forces_spec = base.get("forces_by_nationality", {})
    force_keys, nationality = _forces_by_nationality(actors, names, forces_spec)
    for key, aid in force_keys.items():
        names[key] = [aid]
        heads.setdefault(aid, set()).add(key.split(" ")[0])
    cues = frozenset(name_key(c).split(" ")[-1] for c in media.get("cues", []))
    return ActorDictionary(
        actors=actors,
        names={k: tuple(v) for k, v in names.items()},
        generic={k: {c: a for c, a in m.items()} for k, (_, m) in generic.items()},
        anaphors=anaphors,
        not_actors=frozenset(not_actors - names.keys()),
        media_cues=cues,
        needs_cue=frozenset(media.get("needs_cue", [])),
        heads={k: frozenset(v) for k, v in heads.items()},
        weak=frozenset(weak),
        weak_cues=frozenset(weak_cues),
        nationality=nationality,
        nationality_after=frozenset(name_key(w) for w in forces_spec.get("after", [])),
    )


def load_actors(extra: str | os.PathLike | None = None) -> ActorDictionary:
    """The shipped actor dictionary merged with ``extra`` (default: the file named by
    ``$MARSAD_ACTORS``, if set). Cached per extra file."""
    path = extra if extra is not None else os.environ.get(ENV_VAR) or None
    return _load(str(path) if path else None)
