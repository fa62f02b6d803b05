"""Sentence splitting with original offsets.

Boundaries: . ! ? ؟ ۔ (and …) followed by space or end; every line break (Arabic news
puts one paragraph per line, and lists one item per line); a colon that ends a line.
Not boundaries: decimal points (3.5, ٣٫٥), one-letter abbreviations and initials
("د." before a name), a full stop inside quotes that close on the same line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence-final mark, not between two digits, not after a lone letter (initials), and
# followed by whitespace/closing quote/end.
_END = re.compile(r"(?<![0-9\u0660-\u0669])(?<!\s\w)(?<!^\w)[.!?\u061F\u06D4\u2026]+[\"'\u00BB\u201D)]*(?=\s|$)")
_QUOTE_OPEN = "\"\u00AB\u201C"
_QUOTE_CLOSE = "\"\u00BB\u201D"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def _inside_quote(line: str, pos: int) -> bool:
    """True if ``pos`` lies inside a quotation that closes later on the same line."""
    before = line[:pos]
    if before.count('"') % 2 == 1 and '"' in line[pos:]:
        return True
    opened = sum(before.count(q) for q in "\u00AB\u201C") - sum(before.count(q) for q in "\u00BB\u201D")
    return opened > 0 and any(q in line[pos:] for q in "\u00BB\u201D")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        offset, body = line.start(), line.group()
        start = 0
        for m in _END.finditer(body):
            if _inside_quote(body, m.start()):
                continue
            _emit(out, text, offset + start, offset + m.end())
            start = m.end()
        _emit(out, text, offset + start, offset + len(body))
    return out


def _emit(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Sentence(start + lead, start + lead + len(stripped)))
