"""Clitic analysis of normalized Arabic words (output of ``normalize_key``).

A word is [conjunction] [preposition | future sin] [article] STEM [pronoun suffix]:
    وبالموصل → و + ب + الموصل;   للرقه → ل + (ا)ل + رقه (ل+ال is written لل);
    غربيها → غربي + ها.
``readings`` lists every analysis, the unanalysed word first, so callers try the most
literal reading before stripping more. Stems keep their article (the dictionary decides
whether "الموصل" or "موصل" is the name); only where ل+ال was contracted is the article
restored and listed among the proclitics. The analysis is orthographic: it offers
candidates and never decides, so "مدينه" gives both the word and "مدين" + "ه" (ه is
also a normalized taa marbuta).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

CONJUNCTIONS = frozenset({"\u0648", "\u0641"})                             # و ف
PREPOSITIONS = frozenset({"\u0628", "\u0644", "\u0643"})                   # ب ل ك
FUTURE = "\u0633"                                                           # س
ARTICLE = "\u0627\u0644"                                                    # ال
IMPERFECT_PREFIXES = frozenset({"\u064A", "\u062A", "\u0646", "\u0627"})   # ي ت ن ا
PRONOUN_SUFFIXES = frozenset({
    "\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627", "\u0647\u0646",  # ه ها هم هما هن
    "\u0643", "\u0643\u0645", "\u0643\u0646",                                        # ك كم كن
    "\u064A", "\u0646\u0627", "\u0646\u064A",                                        # ي نا ني
})

# Fixed iteration orders, so readings never depend on set hashing: longest suffix first.
_CONJ = tuple(sorted(CONJUNCTIONS))
_PREP = tuple(sorted(PREPOSITIONS))
_SUFFIXES = tuple(sorted(PRONOUN_SUFFIXES, key=lambda s: (-len(s), s)))
_LAM = "\u0644"


@dataclass(frozen=True, slots=True)
class Reading:
    prefix: str                     # the proclitics as written: "وب", "لل", ""
    stem: str                       # with the article restored after لل: "للرقه" → "الرقه"
    suffix: str                     # pronoun suffix removed: "ها", ""
    proclitics: tuple[str, ...]     # ("و", "ب"), ("ل", "ال")


def _prefixes(word: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(written prefix, rest, proclitics) for every legal proclitic sequence, shortest first."""
    # Called once per distinct word of every document, so it tests first letters
    # directly: a word starts with at most one conjunction and, after it, at most
    # one preposition.
    out = [("", word, ())]
    first = word[:1]
    conj = (("", (), word), (first, (first,), word[1:])) if first in CONJUNCTIONS else (("", (), word),)
    for c_written, c_tags, rest in conj:
        if c_written:
            out.append((c_written, rest, c_tags))
        p = rest[:1]
        if p in PREPOSITIONS:
            after = rest[1:]
            written = c_written + p
            out.append((written, after, c_tags + (p,)))
            if p == _LAM and after[:1] == _LAM:
                # ل + ال contracted: للرقه → ل + الرقه
                out.append((written + _LAM, ARTICLE + after[1:], c_tags + (p, ARTICLE)))
        # future sin only before something that looks like an imperfect verb (سيتم → يتم)
        elif p == FUTURE and len(rest) > 1 and rest[1] in IMPERFECT_PREFIXES:
            out.append((c_written + FUTURE, rest[1:], c_tags + (FUTURE,)))
    return out


# Pronoun suffixes by length, longest first: at most one of each length can end a word.
_SUFFIX_LENGTHS = tuple(sorted({len(s) for s in PRONOUN_SUFFIXES}, reverse=True))


# The readings of every word seen, kept in plain dicts (emptied when full) rather than
# functools.lru_cache: once its tuples of strings are untracked, the garbage collector
# stops scanning such a dict, while it re-visits every entry of an lru_cache on each full
# collection (over 10 ms per 32k words measured; a cold batch makes four or five).
_READINGS: dict[tuple[str, int], tuple] = {}
_PROCLITIC_STEMS: dict[str, tuple[tuple[str, str], ...]] = {}
_CACHE_MAX = 1 << 16


def reading_tuples(word: str, min_stem: int = 2) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """``readings`` as (prefix, stem, suffix, proclitics) tuples, cached: for per-word
    loops that would otherwise build Reading objects they only unpack."""
    key = (word, min_stem)
    hit = _READINGS.get(key)
    if hit is None:
        if len(_READINGS) >= _CACHE_MAX:
            _READINGS.clear()
        hit = _READINGS[key] = _analyse(word, min_stem)
    return hit


def _analyse(word: str, min_stem: int) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    # Plain tuples, not Reading objects: after a batch the cache holds ~100k readings,
    # and the garbage collector stops tracking tuples of strings while it would re-scan
    # every Reading on each full collection (~20% of a cold run).
    # the unanalysed word is always the first reading, however short
    out = [("", word, "", ())]
    # No reading repeats another: every prefix is written differently, and one prefix's
    # readings differ in their suffix. Only the bare word (prefix "") would come twice.
    for prefix, rest, tags in _prefixes(word):
        if prefix and len(rest) >= min_stem and rest != ARTICLE:
            out.append((prefix, rest, "", tags))
        # the article and a pronoun suffix do not co-occur on one noun
        if rest.startswith(ARTICLE):
            continue
        for n in _SUFFIX_LENGTHS:
            if len(rest) >= n and rest[-n:] in PRONOUN_SUFFIXES:
                stem = rest[:-n]
                if len(stem) >= min_stem and stem != ARTICLE:
                    out.append((prefix, stem, rest[-n:], tags))
    return tuple(out)


def readings(word: str, min_stem: int = 2) -> list[Reading]:
    """Every clitic analysis of ``word``: the whole word first, then longer prefix strips."""
    return [Reading(*r) for r in reading_tuples(word, min_stem)]


def strip_proclitics(word: str, min_stem: int = 2) -> list[str]:
    """Candidate stems without pronoun suffixes, most literal first (with and without ال)."""
    out = []
    for _, r_stem, r_suffix, _ in reading_tuples(word, min_stem):
        if r_suffix:
            continue
        for stem in (r_stem, r_stem[2:] if r_stem.startswith(ARTICLE) else None):
            if stem and len(stem) >= min_stem and stem not in out:
                out.append(stem)
    return out


def proclitic_stems(word: str) -> tuple[tuple[str, str], ...]:
    """(prefix, stem) readings without pronoun suffixes, the whole word first (cached):
    what dictionary matching needs (بالموصل → ("ب", "الموصل"), للرقه → ("لل", "الرقه"))."""
    hit = _PROCLITIC_STEMS.get(word)
    if hit is None:
        if len(_PROCLITIC_STEMS) >= _CACHE_MAX:
            _PROCLITIC_STEMS.clear()
        # (no reading repeats another, see _analyse; a list comprehension is cheaper than a generator)
        hit = _PROCLITIC_STEMS[word] = tuple([(prefix, stem) for prefix, stem, suffix, _ in reading_tuples(word, 2)
                                              if not suffix])
    return hit


@lru_cache(maxsize=16384)
def strip_listed(word: str, clitics: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(clitic, rest) readings of a normalized word using only ``clitics``, in their order:
    the bare word first, then ل+ال restored from لل, then each listed clitic that fits."""
    out = [("", word)]
    if word.startswith("\u0644\u0644") and len(word) > 3:
        out.append(("\u0644", ARTICLE + word[2:]))
    for c in clitics:
        if word.startswith(c) and len(word) - len(c) >= 2:
            out.append((c, word[len(c):]))
    return tuple(out)
