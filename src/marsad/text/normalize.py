"""Arabic normalization for MATCHING ONLY, with an offset map back to the original.

The original text is never modified. ``normalize_ar`` returns a ``Normalized`` whose
``offsets`` say, for every character of the normalized string, where it came from, so a
match found in normalized text always points back into the original.

Each operation is a tiny pure function named ``<operation>_ar`` (as in CAMeL Tools),
built from one section of the character map ``charmaps/matching.json``. They are
composed in a fixed order by ``normalize_ar``; because every operation maps one
character to zero or one characters, the composition is a single character table.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# Order matters only for readability: each section maps disjoint characters.
SECTIONS = ("controls", "diacritics", "tatweel", "alef", "hamza_carriers", "alef_maqsura",
            "teh_marbuta", "persian_letters", "digits", "punctuation")


def _expand(section: dict[str, str]) -> dict[int, str]:
    table: dict[int, str] = {}
    for key, value in section.items():
        if len(key) == 3 and key[1] == "-":
            for code in range(ord(key[0]), ord(key[2]) + 1):
                table[code] = value
        elif len(key) == 1:
            table[ord(key)] = value
        else:
            raise ValueError(f"charmap key {key!r} is neither one character nor a range 'A-B'")
    return table


@lru_cache(maxsize=None)
def charmap(section: str) -> dict[int, str]:
    raw = json.loads(resources.files("marsad.text").joinpath("charmaps/matching.json").read_text("utf-8"))
    if section not in raw:
        raise KeyError(f"unknown charmap section {section!r}; known: {', '.join(SECTIONS)}")
    return _expand(raw[section])


def _apply(section: str, text: str) -> str:
    return text.translate(charmap(section))


def strip_controls_ar(text: str) -> str:
    """Remove zero-width and bidi control characters (ZWJ, RLM, LRE…, BOM, soft hyphen)."""
    return _apply("controls", text)


def dediac_ar(text: str) -> str:
    """Remove harakat, tanween, shadda, sukun, dagger alef and Quranic marks."""
    return _apply("diacritics", text)


def remove_tatweel_ar(text: str) -> str:
    return _apply("tatweel", text)


def normalize_alef_ar(text: str) -> str:
    """أ إ آ ٱ → ا"""
    return _apply("alef", text)


def normalize_hamza_carriers_ar(text: str) -> str:
    """ؤ → و, ئ → ي"""
    return _apply("hamza_carriers", text)


def normalize_alef_maqsura_ar(text: str) -> str:
    """ى (and Persian/Urdu yeh) → ي"""
    return _apply("alef_maqsura", text)


def normalize_teh_marbuta_ar(text: str) -> str:
    """ة → ه"""
    return _apply("teh_marbuta", text)


def normalize_persian_letters_ar(text: str) -> str:
    """ک → ك"""
    return _apply("persian_letters", text)


def normalize_digits(text: str) -> str:
    """Eastern Arabic (٠-٩) and Persian (۰-۹) digits → ASCII digits."""
    return _apply("digits", text)


def normalize_punctuation(text: str) -> str:
    """Arabic comma/semicolon/question mark, dashes, guillemets, NBSP → ASCII forms."""
    return _apply("punctuation", text)


@lru_cache(maxsize=1)
def _full_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for section in SECTIONS:
        table.update(charmap(section))
    return table


def normalize_key(text: str) -> str:
    """Normalized, case-folded form of a short string (names in dictionaries, lookups)."""
    return " ".join(text.translate(_full_table()).casefold().split())


@lru_cache(maxsize=1)
def _word_table() -> tuple[re.Pattern, dict[str, str]]:
    changed = {chr(code): rep for code, rep in _full_table().items() if chr(code) != rep}
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(changed)) + "]"), changed


def normalize_word_key(word: str) -> str:
    """``normalize_key`` of one Arabic word (Arabic letters and marks, no space): such a
    word has no case and no space, so only the characters the table changes need
    replacing, which is about twice as fast (the tokenizer keys tens of thousands of new
    words in a batch)."""
    changed, by_char = _word_table()
    return changed.sub(lambda m: by_char[m.group()], word)


class Normalized:
    """A normalized string and, per character, its index in the original.

    Both are computed on first read: the default stages match token by token (each token
    carries its own key) and never read the whole text's form; API users and the full-text
    search do. Immutable; equal when built from the same original."""
    __slots__ = ("original", "_computed")

    def __init__(self, original: str):
        self.original = original
        self._computed: tuple[str, tuple[int, ...]] | None = None

    @property
    def text(self) -> str:
        return self._result()[0]

    @property
    def offsets(self) -> tuple[int, ...]:
        """len(text) + 1 entries; the last is len(original)."""
        return self._result()[1]

    def _result(self) -> tuple[str, tuple[int, ...]]:
        if self._computed is None:
            self._computed = _normalized(self.original)
        return self._computed

    def __eq__(self, other) -> bool:
        return isinstance(other, Normalized) and other.original == self.original

    def __hash__(self) -> int:
        return hash((Normalized, self.original))

    def __repr__(self) -> str:
        return f"Normalized({self.text!r})"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalized text to the original.

        The end extends over characters that normalization deleted right after the span
        (diacritics, tatweel), so a span covers whole written words.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside normalized text of length {len(self.text)}")
        o_start = self.offsets[start]
        # offsets[end] is the next kept character; deleted characters are never
        # whitespace, so everything up to it belongs to the matched word.
        o_end = self.offsets[end] if end < len(self.text) else len(self.original)
        return o_start, o_end


@lru_cache(maxsize=1)
def _matching_table() -> tuple[re.Pattern | None, re.Pattern, dict[str, str]]:
    """What normalize_ar does to each character it changes (the full table with ASCII results
    lower-cased, deletions as ""), with a pattern for those characters and one for runs of
    the deleted ones."""
    table: dict[int, str] = {}
    for code, rep in _full_table().items():
        if len(rep) > 1:
            raise ValueError(f"charmap maps {chr(code)!r} to {rep!r}; matching maps must be one-to-one or deletions")
        table[code] = rep.lower() if rep.isascii() else rep
    for code in range(ord("A"), ord("Z") + 1):
        table.setdefault(code, chr(code).lower())
    table = {code: rep for code, rep in table.items() if chr(code) != rep}
    deleted = [chr(code) for code, rep in table.items() if not rep]
    changed = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")
    return (re.compile("[" + "".join(re.escape(ch) for ch in sorted(deleted)) + "]+") if deleted else None,
            changed, {chr(code): rep for code, rep in table.items()})


def normalize_ar(text: str) -> Normalized:
    """Normalize for matching (all sections of the charmap, Latin case-folded), keeping
    offsets (computed when first read)."""
    return Normalized(text)


def _normalized(text: str) -> tuple[str, tuple[int, ...]]:
    # Every character maps to at most one, so offsets only need building around the runs
    # of deleted characters (diacritics, tatweel, controls); a text without any keeps the
    # identity map. About one character in sixteen of news text changes, so substituting
    # only those is ~4x faster than str.translate, which looks up every character.
    deleted, changed, by_char = _matching_table()
    out = changed.sub(lambda m: by_char[m.group()], text)
    if len(out) == len(text):
        return out, tuple(range(len(text) + 1))
    offsets: list[int] = []
    pos = 0
    for m in deleted.finditer(text):
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    offsets.extend(range(pos, len(text) + 1))
    return out, tuple(offsets)
