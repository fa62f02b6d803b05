"""Numbers in news text: digits of any script, number words, and the two mixed.

``find_numbers`` walks the tokens once. A number token (1,500 / ١٬٥٠٠ / ٣٫٥) is a
number, and takes a following scale word with it ("3 آلاف", "1.5 مليون"). A word token
whose key is in the lexicon (``numbers.json``, normalized on load) starts a number
phrase, read by ``parse_number_words`` with this grammar (و joins parts, glued or not):

    number   := approx [plural scale]            عشرات الآلاف, بضع مئات, آلاف
              | part [و number below that scale]
    part     := group [scale] | dual scale | scale | fraction scale | part و fraction
    group    := hundreds [و sub100] | sub100       ثلاثمئة وخمسون, ثلاث مئة
    sub100   := unit عشر | unit [و tens] | tens    أحد عشر, خمسة وعشرين

A clitic و/ب/ل may be glued to the first word ("وخمسة", "بألفين"); the span then starts
after it. A bare عشر/عشرة after an ordinal (التاسع عشر) is part of the ordinal, not 10.
Words that only look like numbers (ثلاثاء, ثانية, عشيرة) are simply not in the lexicon.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from marsad.text.normalize import normalize_key
from marsad.text.screen import in_vocabulary, of_kind
from marsad.text.tokens import Token, tokenize

_CONJ = "\u0648"  # و
_MAX_WINDOW = 16
# Marks that may follow a glued clitic inside the surface (diacritics, tatweel, ZWJ/ZWNJ).
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]*")
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_ARABIC_RUN = re.compile(r"[\u0621-\u064A]+")


@dataclass(frozen=True, slots=True)
class NumberSpan:
    start: int                 # offsets into the ORIGINAL text
    end: int
    value: int | float
    approximate: bool          # مئات / آلاف / عشرات / ملايين / بضع
    written: str               # "digits" | "words" | "mixed"


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    teen_heads: dict[str, int]
    teen_tails: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    hundred_words: frozenset[str]
    scales: dict[str, int]
    dual_scales: dict[str, tuple[int, int]]
    fractions: dict[str, tuple[int, int]]
    approximate: dict[str, int]
    ordinals: frozenset[str]
    clitics: tuple[str, ...]
    words: frozenset[str]      # every lexicon key
    starts: frozenset[str]     # keys that can open a phrase, with and without a clitic


def _norm_dict(raw: dict, section: str) -> dict:
    out: dict = {}
    for key, value in raw[section].items():
        k = normalize_key(key)
        if k in out and out[k] != value:
            raise ValueError(f"numbers.json: {section} has {key!r} twice after normalization with different values")
        out[k] = tuple(value) if isinstance(value, list) else value
    return out


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    raw = json.loads(resources.files("marsad.text").joinpath("numbers.json").read_text("utf-8"))
    units, teen_heads = _norm_dict(raw, "units"), _norm_dict(raw, "teen_heads")
    tens, hundreds = _norm_dict(raw, "tens"), _norm_dict(raw, "hundreds")
    scales, dual_scales = _norm_dict(raw, "scales"), _norm_dict(raw, "dual_scales")
    approximate = _norm_dict(raw, "approximate")
    teen_tails = frozenset(normalize_key(w) for w in raw["teen_tails"])
    hundred_words = frozenset(normalize_key(w) for w in raw["hundred_words"])
    if not teen_tails <= units.keys() or not hundred_words <= hundreds.keys():
        raise ValueError("numbers.json: teen_tails must be units and hundred_words must be hundreds")
    ordinals = frozenset(f"{art}{normalize_key(w)}{fem}" for w in raw["ordinals"]
                         for art in ("", "\u0627\u0644") for fem in ("", "\u0647"))
    clitics = tuple(normalize_key(c) for c in raw["clitics"])
    fractions = _norm_dict(raw, "fractions")
    # teen heads and fractions open a phrase only before عشر or a scale (أحد = "one of")
    openers = set(units) | set(tens) | set(hundreds) | set(scales) | set(dual_scales) | set(approximate) \
        | set(teen_heads) | set(fractions)
    starts = openers | {c + w for c in clitics for w in openers}
    return _Lexicon(units, teen_heads, teen_tails, tens, hundreds, hundred_words, scales, dual_scales,
                    fractions, approximate, ordinals, clitics, frozenset(openers), frozenset(starts))


class _Reader:
    """Recursive descent over normalized words; each method returns (value, next) or None."""

    def __init__(self, words: list[str], lex: _Lexicon):
        self.w, self.lex = words, lex

    def word(self, i: int) -> str | None:
        return self.w[i] if i < len(self.w) else None

    def conj(self, i: int) -> tuple[list[str], int] | None:
        """After a و (a separate token or glued): the words with the glued و removed, and the index."""
        w = self.word(i)
        if w == _CONJ and self.word(i + 1):
            return self.w, i + 1
        if w and len(w) > 2 and w.startswith(_CONJ):
            return self.w[:i] + [w[1:]] + self.w[i + 1:], i
        return None

    def after_conj(self, i: int, parse):
        """Run ``parse`` after a و at i; (value, next) or None, never consuming a dangling و."""
        c = self.conj(i)
        if c is None:
            return None
        words, j = c
        saved, self.w = self.w, words
        try:
            return parse(j)
        finally:
            self.w = saved

    def sub100(self, i: int):
        lex, w = self.lex, self.word(i)
        nxt = self.word(i + 1)
        head = lex.teen_heads.get(w)
        unit = lex.units.get(w)
        if nxt in lex.teen_tails and (head is not None or (unit is not None and 1 <= unit <= 9)):
            return (head if head is not None else unit) + 10, i + 2
        if unit is not None:
            if 1 <= unit <= 9:
                t = self.after_conj(i + 1, lambda j: (lex.tens[self.w[j]], j + 1)
                                    if self.word(j) in lex.tens else None)
                if t:
                    return unit + t[0], t[1]
            return unit, i + 1
        if w in lex.tens:
            return lex.tens[w], i + 1
        return None

    def group(self, i: int):
        lex, w = self.lex, self.word(i)
        hundreds = None
        if w in lex.hundreds:
            hundreds = lex.hundreds[w], i + 1
        elif 3 <= lex.units.get(w, 0) <= 9 and self.word(i + 1) in lex.hundred_words:
            hundreds = lex.units[w] * 100, i + 2
        if hundreds is None:
            return self.sub100(i)
        rest = self.after_conj(hundreds[1], self.sub100)
        return (hundreds[0] + rest[0], rest[1]) if rest else hundreds

    def fraction(self, word: str, scale: int) -> int:
        num, den = self.lex.fractions[word]
        return scale * num // den

    def number(self, i: int, below: float = float("inf")):
        """(value, next, approximate); a scale must stay below ``below`` (ألف after مليون)."""
        lex, w = self.lex, self.word(i)
        if below == float("inf") and w in lex.approximate:
            value, j = lex.approximate[w], i + 1
            nxt = self.word(j)
            if nxt in lex.approximate and lex.approximate[nxt] > value and lex.approximate[nxt] >= 100:
                value, j = value * lex.approximate[nxt], j + 1
            return value, j, True
        g = self.group(i)
        if g is not None:
            value, j = g
            scale = lex.scales.get(self.word(j))
            if scale is None or scale >= below:
                return value, j, False       # a plain group ends the number
            value, j = value * scale, j + 1
        elif w in lex.dual_scales and lex.dual_scales[w][1] < below:
            count, scale = lex.dual_scales[w]
            value, j = count * scale, i + 1
        elif w in lex.scales and lex.scales[w] < below and w not in lex.approximate:
            scale = lex.scales[w]
            value, j = scale, i + 1
        elif w in lex.fractions and lex.scales.get(self.word(i + 1), below) < below:
            return self.fraction(w, lex.scales[self.word(i + 1)]), i + 2, False    # نصف مليون
        else:
            return None
        part = self.after_conj(j, lambda k: (self.fraction(self.word(k), scale), k + 1)
                               if self.word(k) in lex.fractions else None)     # مليون ونصف
        if part:
            return value + part[0], part[1], False
        rest = self.after_conj(j, lambda k: self.number(k, below=scale))
        if rest:
            return value + rest[0], rest[1], False
        return value, j, False


def _parse(words: list[str]) -> tuple[int | float, int, bool, str] | None:
    """(value, words consumed, approximate, clitic stripped from the first word)."""
    if not words or not words[0]:
        return None
    lex = lexicon()
    first = words[0]
    candidates = [("", words)]
    if first not in lex.words:
        for c in lex.clitics:
            rest = first[len(c):]
            # ل/ب before a two-letter word are usually something else (لست "I am not")
            if first.startswith(c) and rest in lex.words and (len(rest) > 2 or c == _CONJ):
                candidates.append((c, [rest] + words[1:]))
    for clitic, ws in candidates:
        res = _Reader(ws, lex).number(0)
        if res is not None:
            return res[0], res[1], res[2], clitic
    return None


def parse_number_words(words: list[str]) -> tuple[int | float, int, bool] | None:
    """Read a number phrase at the start of ``words`` (normalize_key'd tokens).

    Returns (value, tokens consumed, approximate), or None if the first word opens no
    number. A و token counts as consumed only when a number part follows it.
    """
    res = _parse(words)
    return None if res is None else res[:3]


def parse_digits(norm: str) -> Decimal:
    """A normalized digit token → Decimal: "1,500" → 1500, "3.5" → 3.5, "1.500.000" → 1500000.

    With both marks the last one is the decimal point; a lone comma or point is a
    thousands separator only before exactly three digits (a comma) or in repeated groups.
    """
    if "," in norm and "." in norm:
        cut = max(norm.rfind(","), norm.rfind("."))
        return Decimal(re.sub(r"[.,]", "", norm[:cut]) + "." + norm[cut + 1:])
    for sep in (",", "."):
        if sep in norm:
            parts = norm.split(sep)
            if all(len(p) == 3 for p in parts[1:]) and (sep == "," or len(parts) > 2):
                return Decimal("".join(parts))
            if len(parts) == 2:
                return Decimal(parts[0] + "." + parts[1])
            return Decimal("".join(parts))
    return Decimal(norm)


def _as_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def _maybe_numbers(text: str) -> bool:
    if _DIGITS.search(text):
        return True
    return not lexicon().starts.isdisjoint(_ARABIC_RUN.findall(normalize_key(text)))


def find_numbers(text: str, tokens: list[Token] | None = None) -> list[NumberSpan]:
    """Every number in ``text``, with original offsets, in order."""
    lex = lexicon()
    if tokens is None:
        if not _maybe_numbers(text):
            return []
        tokens = tokenize(text)
    starts = lex.starts
    out: list[NumberSpan] = []
    n, i = len(tokens), 0   # i: the first token not yet read
    # only digits and the words a number may begin with can start one
    for j in sorted(of_kind(tokens, "number") + in_vocabulary(tokens, starts)):
        if j < i:
            continue
        i = j
        tok = tokens[i]
        if tok.kind == "number":
            value = parse_digits(tok.norm)
            end, written, step = tok.end, "digits", 1
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.kind == "word" and nxt.norm in lex.scales:
                value *= lex.scales[nxt.norm]
                end, written, step = nxt.end, "mixed", 2
            out.append(NumberSpan(tok.start, end, _as_number(value), False, written))
            i += step
            continue
        if tok.kind == "word" and tok.norm in starts:
            if tok.norm in lex.teen_tails and i > 0 and tokens[i - 1].norm in lex.ordinals:
                continue
            window = []
            for t in tokens[i:i + _MAX_WINDOW]:
                if t.kind != "word":
                    break
                window.append(t.norm)
            res = _parse(window)
            if res is not None:
                value, used, approx, clitic = res
                start = tok.start
                if clitic:
                    start = _MARKS.match(text, tok.start + len(clitic)).end()
                out.append(NumberSpan(start, tokens[i + used - 1].end, value, approx, "words"))
                i += used
    return out


def numbers_of(doc) -> list[NumberSpan]:
    """``find_numbers(doc.text, doc.tokens)`` computed once per document: the time and
    quantities stages both read it. The cached spans are reused only while the doc still
    has the same text and token list; callers must not modify them."""
    cached = doc._numbers
    if cached is not None and cached[0] is doc.text and cached[1] is doc.tokens and cached[2] == len(doc.tokens):
        return cached[3]
    spans = find_numbers(doc.text, doc.tokens)
    doc._numbers = (doc.text, doc.tokens, len(doc.tokens), spans)
    return spans
