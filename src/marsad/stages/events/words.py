"""Word tests the event filters share: a word through its proclitics, a verb with its
object pronoun, words that take no clitic but a conjunction."""
from __future__ import annotations

from marsad.knowledge.triggers import TriggerLexicon
from marsad.text.clitics import proclitic_stems, reading_tuples


def stem_in(tok, vocab: frozenset[str]) -> bool:
    """The word, or its stem without proclitics and article, is in ``vocab``."""
    return tok.kind == "word" and (tok.norm in vocab or any(
        stem in vocab or (stem.startswith("ال") and stem[2:] in vocab) for _, stem in proclitic_stems(tok.norm)))


def verb_of(lex: TriggerLexicon, cue: str, word: str) -> bool:
    """``word`` is one of the verbs of ``cue``, with or without its object pronoun (اعتبره،
    تصفهم): unlike ``lex.has``, which reads words without a pronoun suffix."""
    vocab = lex.cues[cue]
    return any(stem in vocab for _, stem, _, _ in reading_tuples(word))


def with_conjunctions(vocab: frozenset[str], conjunctions: tuple[str, ...] = ("و", "ف")) -> frozenset[str]:
    """``vocab`` with its words also written after a conjunction (وأعلن، فقال): for words
    that take no other clitic, a set test then replaces a clitic analysis per word."""
    return frozenset(vocab) | {c + w for c in conjunctions for w in vocab}
