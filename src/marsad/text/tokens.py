"""Tokenization with original offsets.

One compiled pattern, tried in order: numbers (any digit script, with thousands
separators and decimal marks: 1,500 / ١٬٥٠٠ / ٣٫٥), Arabic words (diacritics, tatweel and
zero-width joiners stay inside the word, so "بـإتجاه" is one token), Latin words (digits
allowed after the first letter: "F16"), punctuation, then any other single visible
character. Whitespace, bidi/zero-width controls between words and underscores are
skipped; underscores split words because hashtags join words with them (#حفر_الباطن).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from marsad.text.normalize import normalize_key, normalize_word_key

_DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
_ARABIC_LETTER = r"\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC"
_ARABIC_MARK = r"\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"
_LATIN = r"A-Za-z\u00C0-\u024F"
# Quotes, brackets, dashes, Arabic and Latin sentence marks, bar and slashes.
_PUNCT = (r".,;:!?\u060C\u061B\u061F\u06D4\"'\u00AB\u00BB\u2039\u203A\u201C-\u201F\u2018-\u201B"
          r"()\[\]{}\-\u2010-\u2015|/\\\u2026")
# Invisible characters that carry no token of their own (bidi marks, BOM, soft hyphen).
_CONTROL = r"\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C\u00AD"

TOKEN_RE = re.compile(
    rf"(?P<number>{_DIGIT}+(?:[.,\u066B\u066C]{_DIGIT}+)*)"
    rf"|(?P<word>[{_ARABIC_LETTER}][{_ARABIC_LETTER}{_ARABIC_MARK}]*)"
    rf"|(?P<latin>[{_LATIN}][{_LATIN}0-9'\u2019]*)"
    rf"|(?P<punct>[{_PUNCT}])"
    rf"|(?P<symbol>[^\s_{_CONTROL}])"
)


class Token(NamedTuple):
    # A NamedTuple rather than a frozen dataclass: a document has hundreds of tokens and
    # building a frozen dataclass (one object.__setattr__ per field) was most of the
    # tokenizer's time. Same fields, immutable, compares and hashes by value as before.
    text: str     # original surface, exactly text[start:end]
    start: int    # offsets into the ORIGINAL string
    end: int
    norm: str     # normalize_key(text)
    kind: str     # word | number | punct | latin | symbol


# News vocabulary repeats heavily, so caching the key roughly halves tokenizing time.
# A plain dict (emptied when full) rather than functools.lru_cache: a dict of strings
# is never tracked by the garbage collector, while an lru_cache's entries are all
# re-visited on every full collection.
_KEYS: dict[str, str] = {}
_KEYS_MAX = 1 << 16
_new_token = tuple.__new__   # Token(...) without the Python-level __new__: the hot loop below


def tokenize(text: str) -> list[Token]:
    # Between spaces the tokens of a stretch of text depend on that stretch alone, and news
    # repeats its words: each distinct stretch is tokenized once (its tokens kept relative
    # to it), and a text's tokens are its stretches' shifted to where each stands. Splitting
    # on whitespace and finding each stretch is C work; most stretches are one known word.
    out: list[Token] = []
    append = out.append
    find, pos = text.find, 0
    get = _STRETCHES.get
    for stretch in text.split():
        start = find(stretch, pos)   # only whitespace lies between pos and the stretch
        pos = start + len(stretch)
        for rel_start, rel_end, surface, norm, kind in get(stretch) or _stretch_tokens(stretch):
            append(_new_token(Token, (surface, start + rel_start, start + rel_end, norm, kind)))
    return out


# The tokens of every stretch of text between spaces seen: (start, end, surface, key,
# kind) relative to the stretch. A plain dict, emptied when full (see _KEYS).
_STRETCHES: dict[str, tuple] = {}


def _stretch_tokens(stretch: str) -> tuple:
    if len(_STRETCHES) >= _KEYS_MAX:
        _STRETCHES.clear()
    keys = _KEYS
    found = []
    for m in TOKEN_RE.finditer(stretch):
        surface, kind = m.group(), m.lastgroup
        key = keys.get(surface)
        if key is None:
            if len(keys) >= _KEYS_MAX:
                keys.clear()
            key = keys[surface] = normalize_word_key(surface) if kind == "word" else normalize_key(surface)
        found.append((m.start(), m.end(), surface, key, kind))
    hit = _STRETCHES[stretch] = tuple(found)
    return hit
