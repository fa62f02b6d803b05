"""Name lists the tagger uses as features (gazetteer membership).

``default_lexicon()`` is the set of normalized place names of the built-in gazetteer
(``marsad.gazetteer.index.default_names``): deterministic for a given package version,
independent of what a user imports.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.text.normalize import normalize_key

LEXICON_SOURCE = "marsad.gazetteer.index.default_names"


@lru_cache(maxsize=1)
def default_lexicon() -> frozenset[str]:
    """Normalized Arabic place names (single and multiword) for the LOC features."""
    from marsad.gazetteer.index import default_names
    return frozenset(default_names())


def lexicon_source() -> str:
    """Recorded beside a trained model, so a model says which lexicon it was trained with."""
    return LEXICON_SOURCE


def _data(name: str):
    import json
    from importlib import resources

    return json.loads(resources.files("marsad.ner").joinpath("data/" + name).read_text("utf-8"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Normalized Arabic given names (``ner/data/given_names.json``) for the PNAME features."""
    return frozenset(n for n in (normalize_key(x) for x in _data("given_names.json")["names"]) if n)


@lru_cache(maxsize=1)
def org_names() -> frozenset[str]:
    """Normalized organisation names and aliases: ``ner/data/orgs.json`` plus marsad's
    knowledge files (news outlets; the actor dictionary's organisations when present)."""
    names: set[str] = set(_data("orgs.json")["names"])
    try:
        import json
        from importlib import resources

        raw = json.loads(resources.files("marsad.knowledge").joinpath("outlets.json").read_text("utf-8"))
        for o in raw.get("outlets", ()):
            names.add(o.get("name_ar") or "")
            names.update(o.get("aliases") or ())
    except (OSError, ValueError, ModuleNotFoundError):
        pass
    names.update(_actor_names())
    out = {normalize_key(n) for n in names if n}
    return frozenset(n for n in out if len(n) >= 2)


def _actor_names() -> set[str]:
    """Arabic names and aliases of every actor in marsad's actor dictionary (all of its
    types — forces, groups, parties, agencies, outlets — are organisations); empty when
    the dictionary is not available."""
    try:
        from marsad.knowledge.actors import load_actors

        actors = load_actors()
        out: set[str] = set()
        for a in getattr(actors, "actors", {}).values():
            out.add(a.name_ar)
            out.update(a.aliases)
        return out
    except Exception:  # noqa: BLE001 - a missing or broken actor file must not break the tagger
        return set()
