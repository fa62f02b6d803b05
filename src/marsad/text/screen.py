"""Which tokens of a document pass a stage's per-word test, in one pass.

Every dictionary stage first asks of each word "may this begin one of my entries?", and
almost every word answers no. Asked as a method call per token that question costs more
than the rest of the stage's scan. Here the test runs once per word form its cache has
not seen (found among the document's distinct forms), and the tokens whose forms pass
are picked by C-level iteration over the cached answers.
"""
from __future__ import annotations

from itertools import compress
from operator import attrgetter
from typing import Callable

WORD = frozenset({"word"})
_NORM = attrgetter("norm")
_KIND = attrgetter("kind")


def passing(tokens: list, test: Callable[[str], object], cache: dict, kinds: frozenset[str] = WORD) -> list[int]:
    """Indices, in order, of the tokens of ``kinds`` whose normalized form passes ``test``
    (a true answer). ``cache`` maps forms to the test's answers; ``test`` may fill it
    itself, else a new form's answer is kept there. (Forms of other kinds are tested and
    cached too: the answer is the test's either way, and sorting them out first would cost
    more than it saves.)"""
    norms, distinct = forms(tokens)
    # (not distinct.difference(cache): for a dict subclass that walks the whole cache)
    for norm in [norm for norm in distinct if norm not in cache]:
        cache.setdefault(norm, test(norm))
    return [i for i in compress(range(len(norms)), map(cache.get, norms)) if tokens[i].kind in kinds]


def in_vocabulary(tokens: list, vocabulary, kind: str | None = "word") -> list[int]:
    """Indices, in order, of the tokens of ``kind`` (None: of any kind) whose normalized
    form is in ``vocabulary``."""
    norms, _ = forms(tokens)
    found = compress(range(len(norms)), map(vocabulary.__contains__, norms))
    return list(found) if kind is None else [i for i in found if tokens[i].kind == kind]


def of_kind(tokens: list, kind: str) -> list[int]:
    """Indices, in order, of the tokens of ``kind`` (number, punct…)."""
    return list(compress(range(len(tokens)), map(kind.__eq__, map(_KIND, tokens))))


# The last token list screened and its forms: the stages screen one document's list
# again and again. (A list subclass holding them would be simpler, but indexing a list
# subclass is not specialised by the interpreter, and the stages index tokens everywhere.)
_last: list = [None, None]


def forms(tokens: list) -> tuple[list[str], set[str]]:
    """The normalized form of every token, and the set of them, listed once per token list
    (token lists are built by ``tokenize`` and never changed afterwards)."""
    if tokens is not _last[0] or len(_last[1][0]) != len(tokens):
        norms = list(map(_NORM, tokens))
        _last[:] = [tokens, (norms, set(norms))]
    return _last[1]
