"""Find gazetteer names in the token stream, tolerant to proclitics (بالموصل، وللرقة).

Names are matched token by token: the first token through its clitic readings (so the
article contracted in لل is restored), the following tokens exactly. The longest name
wins. Each match records the qualifier word before it (مدينة، قضاء…) and whether a
locative preposition introduces it, which the resolver uses as evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad.knowledge import PlaceCues
from marsad.text.clitics import proclitic_stems
from marsad.text.normalize import normalize_ar
from marsad.text.screen import passing

# Prepositions that introduce a location ("in", "from", "to", "near", "towards", …).
LOCATIVE = frozenset({"في", "من", "الي", "الى", "نحو", "قرب", "باتجاه", "صوب", "داخل", "حول", "عند",
                      "بين", "غرب", "شرق", "شمال", "جنوب", "مدينه", "اطراف", "محيط", "ريف",
                      "عبر", "مرورا", "طريق", "طرق", "مدخل", "مشارف"})
LOCATIVE_CLITICS = frozenset({"ب", "ل"})


@dataclass(slots=True)
class NameMatch:
    first: int                 # token index of the first token
    last: int                  # token index of the last token (inclusive)
    start: int                 # original offsets of the name (clitics excluded)
    end: int
    key: str                   # normalized name
    candidates: list
    qualifier: str | None = None          # normalized qualifier word before the name
    qualifier_kinds: tuple[str, ...] = ()
    qualifier_start: int | None = None    # original offset of the qualifier word
    locative: bool = False
    evidence: list[str] = field(default_factory=list)


class NameIndex:
    """First token of every gazetteer name → the longest name length in tokens."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.first: dict[str, int] = {}
        # Hashtags and hurried typing drop the space before an article: حفرالباطن.
        self.joined: dict[str, str] = {}
        # the first two, three… words of every name of several words (the whole name
        # too): most words that begin such a name are followed by something else, and one
        # lookup says so before any longer key is built. (A dict with no values, not a
        # set: the garbage collector never tracks a dict of strings, it re-scans a set.)
        self.openings: dict[str, None] = {}
        for name in gazetteer.names():
            parts = name.split(" ")
            if len(parts[0]) < 2:
                continue
            if self.first.get(parts[0], 0) < len(parts):
                self.first[parts[0]] = len(parts)
            if len(parts) > 1 and parts[1].startswith("ال"):
                self.joined.setdefault("".join(parts), name)
            for k in range(2, len(parts) + 1):
                self.openings[" ".join(parts[:k])] = None
        self._starts: dict[str, tuple[tuple[str, str], ...]] = {}
        # stem → lookup() of the stem as a one-word name: most stems that begin a name
        # (في، علي) are no name on their own, and they recur in every document
        self._alone: dict[str, tuple | None] = {}

    def starts(self, word: str) -> tuple[tuple[str, str], ...]:
        """The (prefix, stem) clitic readings of ``word`` that begin a name, most literal
        first; cached per word: the same words recur in every document, and most begin none."""
        hit = self._starts.get(word)
        if hit is None:
            first, joined = self.first, self.joined
            hit = self._starts[word] = tuple([r for r in _stems(word) if r[1] in first or r[1] in joined])
        return hit

    def may_start(self, word: str) -> bool:
        """Whether any clitic reading of ``word`` begins a name (cached per word)."""
        return bool(self.starts(word))

    def lookup(self, stem: str, following: list) -> tuple[int, str, list] | None:
        """The longest name starting with ``stem`` then the ``following`` tokens:
        (tokens used, key, candidates)."""
        longest = min(self.first.get(stem) or 0, len(following) + 1)
        if longest > 1:
            if following[0].kind != "word" or f"{stem} {following[0].norm}" not in self.openings:
                longest = 1     # no name of several words goes on with the next word
        for k in range(longest, 1, -1):
            words = following[:k - 1]
            if any(t.kind != "word" for t in words):
                continue
            key = " ".join([stem, *(t.norm for t in words)])
            cands = self.gazetteer.candidates(key)
            if cands:
                return k, key, cands
        hit = self._alone.get(stem, False)
        if hit is False:
            hit = self._alone[stem] = self._lookup_alone(stem)
        return hit

    def _lookup_alone(self, stem: str) -> tuple[int, str, list] | None:
        """The name ``stem`` is on its own (joined to its article, حفرالباطن, if need be)."""
        cands = self.gazetteer.candidates(stem)
        if cands:
            return 1, stem, cands
        if stem in self.joined:
            key = self.joined[stem]
            return 1, key, self.gazetteer.candidates(key)
        return None


def _clitic_start(token, stem: str) -> int:
    """Original offset where ``stem`` begins inside ``token`` (after its proclitics)."""
    norm = normalize_ar(token.text)
    text = norm.text.casefold()
    pos = text.rfind(stem)
    if pos < 0 and stem.startswith("ال"):
        # ل+ال contracted to لل: the name starts at the second lam.
        pos = text.rfind(stem[1:])
    pos = max(pos, 0)
    return token.start + norm.offsets[pos]


_stems = proclitic_stems   # short local name; the helper lives in the text core


def find_names(tokens: list, index: NameIndex, cues: PlaceCues) -> list[NameMatch]:
    matches: list[NameMatch] = []
    seen = index._starts
    # the tokens whose word may begin a name (the answers kept in the index's per-word cache)
    openers = passing(tokens, index.starts, seen)
    free = 0   # the first token not inside a name found
    for i in openers:
        if i < free:
            continue
        tok = tokens[i]
        readings = seen[tok.norm]
        found = None
        for prefix, stem in readings:
            if prefix.endswith("\u0643") and not stem.startswith("\u0627\u0644"):
                continue    # كميناً is an ambush, not "like Minna": a simile ك takes a name with its article (كالموصل)
            hit = index.lookup(stem, tokens[i + 1:i + index.first.get(stem, 1)])
            if not hit:
                continue
            k, key, cands = hit
            cands = [c for c in cands if c.kind == "country" or c.country in cues.focus_countries
                     or (c.population or 0) >= cues.min_population_elsewhere]
            if cands:
                found = (prefix, stem, k, key, cands)
                break
        if not found:
            continue
        prefix, stem, k, key, cands = found
        m = NameMatch(first=i, last=i + k - 1, start=_clitic_start(tok, stem) if prefix else tok.start,
                      end=tokens[i + k - 1].end, key=key, candidates=cands, evidence=["gazetteer"])
        _attach_context(m, tokens, prefix, cues)
        # "بين تلعفر والبعاج", "من الموصل وتلعفر": a name joined by و to a located name
        # right before it is governed by the same preposition
        if not m.locative and prefix.startswith("و") and matches and matches[-1].last == i - 1 \
                and matches[-1].locative:
            m.locative = True
            m.evidence.append("coordinated-with-locative")
        matches.append(m)
        free = i + k
    return matches


def _attach_context(m: NameMatch, tokens: list, prefix: str, cues: PlaceCues) -> None:
    if prefix and prefix[-1] in LOCATIVE_CLITICS or prefix.endswith("لل"):
        m.locative = True
    if m.first == 0:
        return
    prev = tokens[m.first - 1]
    for pre, stem in _stems(prev.norm):
        if stem in cues.qualifiers:
            m.qualifier, m.qualifier_kinds = stem, cues.qualifiers[stem]
            m.qualifier_start = prev.start
            m.evidence.append(f"qualifier:{prev.text}")
            m.locative = m.locative or bool(pre)
            break
    if stem_in(prev.norm, LOCATIVE) or m.qualifier:
        m.locative = True


def stem_in(word: str, vocabulary) -> bool:
    return any(stem in vocabulary for _, stem in _stems(word))
