"""Sentence splitting with original offsets.

Boundaries: every line break (Arabic news puts one paragraph per line, lists one item
per line, and a line ending in ":" introduces what follows); . ! ? ؟ ۔ … followed by
space, end of line or straight by an Arabic letter (".وقال" is common in scraped text);
a bullet "•" inside a line. A list marker at the start of a line (- • * 1. ١) 2-) is
left out of the sentence span.
Not boundaries: decimal points (3.5, ٣٫٥), a full stop after a lone letter (the
abbreviation "د." before a name, initials "ع. م.", "U.S."), a mark inside a quotation
that closes later on the same line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = r".!?\u061F\u06D4\u2026"
_CLOSERS = r"\"'\u00BB\u201D\u2019)\]"
_ARABIC_LETTER = r"\u0621-\u063A\u0641-\u064A\u0671-\u06D3"
# A full stop right after a one-letter word is an abbreviation or an initial. (The stop is
# matched before the look-behinds test the letters before it, and the leading look-ahead
# names every character a match can begin with: the engine then skips straight to the
# marks instead of trying the alternatives at every character.)
_END = re.compile(
    rf"(?=[{_MARKS}\u2022\u25AA])"
    rf"(?:(?:\.(?<![\s.(\"\u00AB\u201C][^\W\d_]\.)(?<!^[^\W\d_]\.)|[!?\u061F\u06D4\u2026])[{_MARKS}]*"
    rf"[{_CLOSERS}]*(?=\s|$|[{_ARABIC_LETTER}])"
    r"|[\u2022\u25AA])"
)
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_LIST_MARKER = re.compile(r"\s*(?:[-\u2022\u25AA\u25E6*\u2013\u2014]|[0-9\u0660-\u0669]{1,3}[.)\-])\s+")
# Trimmed from both ends of a sentence: spaces, NBSP, zero-width and bidi controls, BOM.
_TRIM = " \t\f\v\u00A0" + "".join(map(chr, [*range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                               *range(0x2066, 0x206A), 0xFEFF]))
_HAS_CONTENT = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int    # original offsets, trimmed of surrounding whitespace
    end: int


def _inside_quote(line: str, pos: int) -> bool:
    """True if ``pos`` lies inside a quotation that closes later on the same line."""
    before, after = line[:pos], line[pos:]
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    opened = before.count("\u00AB") + before.count("\u201C") - before.count("\u00BB") - before.count("\u201D")
    return opened > 0 and ("\u00BB" in after or "\u201D" in after)


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        offset, body = line.start(), line.group()
        marker = _LIST_MARKER.match(body)
        start = marker.end() if marker else 0
        for m in _END.finditer(body, start):
            if _inside_quote(body, m.end()):
                continue
            _emit(out, text, offset + start, offset + (m.start() if m.group() in "\u2022\u25AA" else m.end()))
            start = m.end()
        _emit(out, text, offset + start, offset + len(body))
    return out


def _emit(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    kept = piece.lstrip(_TRIM)
    start += len(piece) - len(kept)
    kept = kept.rstrip(_TRIM)
    if kept and _HAS_CONTENT.search(kept):
        out.append(Sentence(start, start + len(kept)))


def split_clauses(toks, first: int, last: int, is_break) -> list[tuple[int, int]]:
    """Token ranges (inclusive) of the clauses between ``first`` and ``last``: a token for
    which ``is_break(j)`` holds ends a clause; a break that is punctuation belongs to no
    clause, a break word (لكن، بينما…) opens the next one."""
    out, start = [], first
    for j in range(first, last + 1):
        if is_break(j):
            if j > start:
                out.append((start, j - 1))
            start = j + 1 if toks[j].kind == "punct" else j
    if start <= last:
        out.append((start, last))
    return out
