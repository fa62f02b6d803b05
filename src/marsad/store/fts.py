"""The text in matching form for full-text search, and queries in the same form.

Each word of the text is normalized (``normalize_key``: hamza/alef/taa-marbuta/diacritic
variants fold together) and followed by its proclitic-free stems (``proclitic_stems``),
plus the stem without its article: بالموصل → "بالموصل الموصل موصل". A query is
normalized the same way but not expanded, so "الموصل" finds بالموصل، للموصل، والموصل,
while "بالموصل" finds only that written form. Snippets are cut from the original text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.clitics import proclitic_stems
from marsad.text.normalize import normalize_ar, normalize_key

_WORD = re.compile(r"\w+")
ARTICLE = "\u0627\u0644"


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> tuple[str, ...]:
    """The normalized word and the stems a search should find it under (cached)."""
    out = [word]
    for _prefix, stem in proclitic_stems(word):
        for form in (stem, stem[2:] if stem.startswith(ARTICLE) and len(stem) > 3 else None):
            if form and form not in out:
                out.append(form)
    return tuple(out)


def search_text(text: str) -> str:
    return " ".join(form for word in _WORD.findall(normalize_key(text)) for form in word_forms(word))


def query_terms(query: str) -> list[str]:
    return _WORD.findall(normalize_key(query))


def fts_query(terms: list[str]) -> str:
    """All terms required, each quoted (no FTS5 operators from user input)."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def snippet(text: str, terms: list[str], width: int = 70) -> str:
    """Up to ``width`` characters of the original text either side of the first word that
    matches a term, the word itself in «»; the text's start when none matches."""
    norm = normalize_ar(text)
    wanted = set(terms)
    for m in _WORD.finditer(norm.text):
        if wanted.intersection(word_forms(m.group())):
            start, end = norm.to_original(m.start(), m.end())
            lo, hi = max(0, start - width), min(len(text), end + width)
            pre = ("…" if lo else "") + text[lo:start]
            post = text[end:hi] + ("…" if hi < len(text) else "")
            return " ".join(f"{pre}«{text[start:end]}»{post}".split())
    return " ".join(text[:2 * width].split()) + ("…" if len(text) > 2 * width else "")
