"""The document that flows through the pipeline, and its JSON form (the output contract).

Every stage reads and writes attributes of ``Doc``; offsets are always Python string
indices into ``Doc.text``, the ORIGINAL text, which no stage ever changes.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from marsad.text.normalize import normalize_key

META_FIELDS = ("url", "outlet", "title", "author", "published", "dateline", "language")


@dataclass(slots=True)
class Mention:
    id: str
    start: int
    end: int
    text: str
    label: str                      # LOC | PERS | ORG | DATE | QUANTITY | …
    ref: str | None = None          # id of the place/actor/person it refers to
    value: dict | None = None       # DATE / QUANTITY values
    evidence: list[str] = field(default_factory=list)  # what produced it: "gazetteer", "qualifier:مدينة", …
    role: str | None = None         # e.g. "dateline", "anaphor", "relative"

    def to_json(self) -> dict:
        out = {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
               "label": self.label, "ref": self.ref, "value": self.value, "evidence": self.evidence}
        if self.role:
            out["role"] = self.role
        return out


@dataclass(slots=True)
class Place:
    id: str
    name: str
    name_ar: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    score: float
    mention_ids: list[str] = field(default_factory=list)
    anchor: dict | None = None      # {"place": id, "direction": "SW"} for relative places
    reasons: list[str] = field(default_factory=list)
    admin: list[dict] = field(default_factory=list)  # containing district / governorate

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "name_ar": self.name_ar, "kind": self.kind,
                "country": self.country, "lat": self.lat, "lon": self.lon, "score": round(self.score, 3),
                "mention_ids": self.mention_ids, "anchor": self.anchor, "reasons": self.reasons,
                "admin": self.admin}


@dataclass
class Doc:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    # Filled by stages (see marsad.pipeline for who assigns what):
    norm: Any = None                # marsad.text.normalize.Normalized
    sentences: list = field(default_factory=list)
    tokens: list = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    routes: list[dict] = field(default_factory=list)
    header: list[dict] = field(default_factory=list)  # dateline/byline parts: role, start, end, text
    body_start: int = 0             # first offset after the dateline/byline header
    # Private: text.numbers.numbers_of caches find_numbers here (time and quantities both need it).
    _numbers: Any = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        basis = self.meta.get("url") or normalize_key(self.text)
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]

    def add_mention(self, start: int, end: int, label: str, **kw) -> Mention:
        m = Mention(id=f"m{len(self.mentions)}", start=start, end=end, text=self.text[start:end],
                    label=label, **kw)
        self.mentions.append(m)
        return m

    def to_json(self) -> dict:
        meta = {k: self.meta.get(k) for k in META_FIELDS}
        meta["language"] = meta["language"] or "ar"
        meta.update({k: v for k, v in self.meta.items() if k not in META_FIELDS})
        return {
            "id": self.id,
            "meta": meta,
            "text": self.text,
            "mentions": [m.to_json() for m in sorted(self.mentions, key=lambda m: (m.start, -m.end))],
            "places": [p.to_json() for p in self.places],
            "actors": self.actors,
            "persons": self.persons,
            "sources": self.sources,
            "events": self.events,
            "routes": self.routes,
        }
