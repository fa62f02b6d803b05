"""Tokenization with original offsets.

One compiled pattern, tried in order: numbers (any digit script, with thousands
separators and decimal marks), Arabic words (diacritics and tatweel stay inside the
word, so "بـإتجاه" is one token), Latin words, then any other single non-space character.
Underscores split words, because hashtags join words with them (#حفر_الباطن).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import normalize_key

_DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
_ARABIC_LETTER = r"\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC"
_ARABIC_MARK = r"\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"

TOKEN_RE = re.compile(
    rf"(?P<number>{_DIGIT}+(?:[.,\u066B\u066C]{_DIGIT}+)*)"
    rf"|(?P<word>[{_ARABIC_LETTER}][{_ARABIC_LETTER}{_ARABIC_MARK}]*)"
    rf"|(?P<latin>[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019]*)"
    rf"|(?P<punct>[.,;:!?\u060C\u061B\u061F\u06D4\"'\u00AB\u00BB\u201C\u201D\u2018\u2019()\[\]{{}}\-\u2013\u2014|/\\…])"
    rf"|(?P<symbol>[^\s_])"
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str     # original surface, exactly text[start:end]
    start: int
    end: int
    norm: str     # normalize_key(text)
    kind: str     # word | number | latin | punct | symbol


def tokenize(text: str) -> list[Token]:
    out = []
    for m in TOKEN_RE.finditer(text):
        surface = m.group()
        # A stray leading tatweel/mark cannot start a word; the pattern guarantees a letter first.
        out.append(Token(surface, m.start(), m.end(), normalize_key(surface), m.lastgroup))
    return out
