"""Which tokens of a document pass a stage's per-word test, in one pass.

Every dictionary stage first asks of each word "may this begin one of my entries?", and
almost every word answers no. Asked as a method call per token that question costs more
than the rest of the stage's scan; asked here it is one comprehension of dict lookups over
the tokens, the test running only on word forms its cache has not seen.
"""
from __future__ import annotations

from typing import Callable

WORD = frozenset({"word"})


def passing(tokens: list, test: Callable[[str], object], cache: dict, kinds: frozenset[str] = WORD) -> list[int]:
    """Indices, in order, of the tokens of ``kinds`` whose normalized form passes ``test``
    (a true answer). ``cache`` maps forms to the test's answers; ``test`` may fill it
    itself, else a new form's answer is kept there."""
    get = cache.get
    return [i for i, t in enumerate(tokens)
            if t.kind in kinds and (get(t.norm) or (t.norm not in cache and _ask(t.norm, test, cache)))]


def _ask(norm: str, test: Callable[[str], object], cache: dict) -> object:
    answer = test(norm)
    cache.setdefault(norm, answer)
    return answer
