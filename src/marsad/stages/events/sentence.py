"""One sentence seen token by token: its entities, clause bounds and the searches for an
event's arguments around a trigger.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from marsad.doc import Doc
from marsad.knowledge.triggers import TriggerLexicon


BREAK_PUNCT = frozenset({",", "،", ";", "؛", ":", ".", "!", "?", "؟", "(", ")", "[", "]", "-", "–", "—", "|", "…"})
DAMMA = "\u064F"
VERBAL = frozenset({"perfect", "imperfect"})
VERB_CUES = frozenset({"قد", "لقد", "وقد", "فقد", "ثم", "لم", "لن", "سوف", "ولم", "ولن", "فلم", "كما"})


class Entity:
    __slots__ = ("ref", "label", "first", "last", "start")

    def __init__(self, ref, label, first, last, start):
        self.ref, self.label, self.first, self.last, self.start = ref, label, first, last, start


class Sentence:
    """Token-level view of one sentence: entities, places, dates, clause bounds."""

    def __init__(self, doc: Doc, lex: TriggerLexicon, first: int, last: int, ctx: dict):
        self.doc, self.lex, self.first, self.last = doc, lex, first, last
        self.toks = doc.tokens
        # its normalized tokens, in a list and in one string: a filter looking for rare words
        # tests these once (in C) before it scans the sentence token by token
        self.norms: list[str] = ctx["norms"][first:last + 1]
        self.joined = " ".join(self.norms)
        self.ent_at: dict[int, Entity] = ctx["ent_at"]
        self.covered: set[int] = ctx["covered"]
        self.in_source = ctx["in_source"]
        self.trigger_tokens: set[int] = set()
        self.marks: dict[str, list[int]] = {}

    # ---- small predicates
    def word(self, j: int) -> bool:
        return self.first <= j <= self.last and self.toks[j].kind == "word"

    def is_break(self, j: int) -> bool:
        t = self.toks[j]
        if t.kind == "punct":
            return t.text in BREAK_PUNCT or t.norm in BREAK_PUNCT
        return t.kind == "word" and t.norm in self.lex.cues["clause_breaks"] or (
            t.norm in ("ان", "وان") and j > 0 and self.toks[j - 1].norm in ("بعد", "قبل", "وبعد"))

    def breaks(self) -> set[int]:
        """The tokens of the sentence for which ``is_break`` holds, in one pass: only
        punctuation, a clause word or an أن can be one, so ``is_break`` tests those alone."""
        toks, maybe = self.toks, _break_words(self.lex)
        return {j for j in range(self.first, self.last + 1)
                if (toks[j].kind == "punct" or toks[j].norm in maybe) and self.is_break(j)}

    def is_prep(self, j: int) -> bool:
        return self.toks[j].norm in self.lex.cues["prepositions"]

    def entity_in(self, j: int) -> Entity | None:
        return self.ent_at.get(j)

    # ---- argument search
    def after(self, j: int, end: int, gap: int = 2, allow_prep=frozenset(), lam=False):
        """The entity right after token ``j`` (up to ``gap`` head nouns between), and the
        head words skipped. A preposition stops the search unless listed in ``allow_prep``;
        ``lam``: an entity written with ل (للقوات) counts too."""
        heads: list[str] = []
        k = j + 1
        prep = None
        while k <= end:
            ent = self.entity_in(k)
            if ent is not None and ent.first == k:
                t = self.toks[k]
                clitic = self.doc.text[t.start:ent.start]
                if ("ب" in clitic or "ل" in clitic or "ك" in clitic) and not (lam and "ل" in clitic) and not prep:
                    return None, heads
                return ent, heads
            t = self.toks[k]
            if t.kind != "word" and t.kind != "number":
                return None, heads
            if self.is_prep(k):
                if t.norm in allow_prep and prep is None and not heads:
                    prep = t.norm
                    k += 1
                    continue
                return None, heads
            if k in self.covered or len(heads) >= gap or self.is_break(k):
                return None, heads
            heads.append(t.norm)
            k += 1
        return None, heads

    def before(self, j: int, start: int, reach: int = 8) -> Entity | None:
        """The nearest ungoverned entity before token ``j`` in the clause (the subject)."""
        k = j - 1
        while k >= max(start, j - reach):
            ent = self.entity_in(k)
            if ent is not None and not self.in_source(ent.start):
                if not self.governed(ent):
                    return self.head_of_list(ent, start)
                k = ent.first - 1
                continue
            k -= 1
        return None

    def head_of_list(self, ent: Entity, start: int) -> Entity:
        """The first entity of a list ending in ``ent`` (الحكومة السورية وفصائل المعارضة)."""
        while True:
            k = ent.first - 1
            joined = self.toks[ent.first].norm.startswith("و") and self.doc.text[self.toks[ent.first].start] == "و"
            if k >= start and (self.toks[k].norm == "و" or self.toks[k].text in ("،", ",")):
                joined, k = True, k - 1
            prev = self.entity_in(k) if k >= start else None
            if not joined or prev is None or prev.last != k or prev is ent:
                return ent
            ent = prev

    def governed(self, ent: Entity) -> bool:
        """Whether a preposition governs the entity (ب/ل/ك on it, or a preposition before it
        and its head nouns)."""
        t = self.toks[ent.first]
        clitic = self.doc.text[t.start:ent.start]
        if any(c in clitic for c in "بلك"):
            return True
        k = ent.first - 1
        for _ in range(3):
            if k < self.first or self.toks[k].kind != "word":
                return False
            if self.is_prep(k):
                return True
            if k in self.covered:
                return False
            k -= 1
        return False

    def coordinated(self, ent: Entity, end: int) -> list[Entity]:
        """``ent`` and the entities joined to it by و or ، (فصائل المعارضة وروسيا وقوات النظام)."""
        out = [ent]
        while True:
            k = ent.last + 1
            joined = False
            if k <= end and (self.toks[k].norm == "و" or self.toks[k].text in ("،", ",")):
                joined, k = True, k + 1
            nxt = None
            for step in range(2):
                if k + step > end:
                    break
                cand = self.entity_in(k + step)
                if cand is not None and cand.first == k + step and cand is not ent:
                    nxt = cand
                    break
                if step == 0 and (self.toks[k].kind != "word" or k in self.covered or self.is_prep(k)):
                    break
            if nxt is None:
                return out
            lead = self.toks[k]
            if not joined and not lead.norm.startswith("و"):
                return out
            out.append(nxt)
            ent = nxt

    def by_agent(self, j: int, end: int) -> Entity | None:
        """"من قبل X" / "على يد X" after token ``j`` in the clause."""
        k = j + 1
        cues, openings = self.lex.cues["by_agent"], self.lex.cue_openings["by_agent"]
        while k < end:
            # (a pair is built only after a word that begins one: من قبل، على يد)
            if self.toks[k].norm in openings and self.toks[k].norm + " " + self.toks[k + 1].norm in cues:
                ent, _ = self.after(k + 1, end, gap=2)
                return ent
            if self.toks[k].norm in cues:
                ent, _ = self.after(k, end, gap=2)
                return ent
            k += 1
        return None

    def relative_antecedent(self, rel: int) -> Entity | None:
        """The person (else actor) a relative pronoun points back to: apposition chains
        ("X، مسؤول ديوان التنظيم الذي…") describe the person named first."""
        nearest = None
        k = rel - 1
        while k >= max(self.first, rel - 14):
            t = self.toks[k]
            if t.kind == "punct" and t.text in (".", "؛", ";", "!", "?", "؟"):
                break
            ent = self.entity_in(k)
            if ent is not None:
                if ent.label == "PERS":
                    return ent
                nearest = nearest or ent
                k = ent.first - 1
                continue
            k -= 1
        return nearest


@lru_cache(maxsize=4)
def _break_words(lex: TriggerLexicon) -> frozenset[str]:
    return lex.cues["clause_breaks"] | {"ان", "وان"}


def in_span(items, lo, hi):
    """Items (token index, mention), sorted by token index, with lo <= index <= hi."""
    a = bisect_left(items, lo, key=lambda x: x[0])
    b = bisect_right(items, hi, key=lambda x: x[0])
    return items[a:b]
