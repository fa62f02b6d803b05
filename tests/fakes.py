"""Hand-built stand-ins shared by stage tests: a place record and a tiny gazetteer."""
from __future__ import annotations

from dataclasses import dataclass

from marsad.text.normalize import normalize_key


@dataclass
class P:
    """A gazetteer place with the attributes the stages read."""
    id: str
    name: str
    name_ar: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int = 0
    feature_code: str = ""


class FakeGazetteer:
    """The gazetteer interface the stages use, over ``places``: [(P, [Arabic names…])]."""

    def __init__(self, places):
        self.entries = list(places)
        self.by_key: dict[str, list] = {}
        for place, names in self.entries:
            for name in names:
                self.by_key.setdefault(normalize_key(name), []).append(place)

    def candidates(self, key):
        return self.by_key.get(key, [])

    def places(self):
        return (p for p, _ in self.entries)

    def with_feature_code(self, code):
        return [p for p, _ in self.entries if p.feature_code == code]

    def names(self):
        return self.by_key.keys()

    def containing(self, lat, lon):
        return []

    def get(self, place_id):
        return next((p for p, _ in self.entries if p.id == place_id), None)

    def country(self, iso2):
        return next((p for p, _ in self.entries if p.kind == "country" and p.country == iso2), None)
