"""Routes: which place mentions lie inside a longer one (that one's anchor)."""
from __future__ import annotations

import random
from types import SimpleNamespace

from marsad.stages.routes.waypoints import _held_spans


def span(a, b):
    return SimpleNamespace(start=a, end=b)


def test_held_spans_by_hand():
    # "شمالي الموصل" (0, 12) holds "الموصل" (6, 12); the same span twice holds neither
    assert _held_spans([span(0, 12), span(6, 12), span(20, 25), span(20, 25)]) == {(6, 12)}
    assert _held_spans([span(3, 9), span(3, 5), span(5, 9), span(9, 12)]) == {(3, 5), (5, 9)}
    assert _held_spans([]) == set()


def test_held_spans_equal_comparing_every_pair():
    rng = random.Random(7)
    for _ in range(5000):
        ms = [span(a, a + rng.randint(1, 6)) for a in (rng.randint(0, 12) for _ in range(rng.randint(0, 8)))]
        pairwise = {(m.start, m.end) for m in ms if any(
            o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in ms)}
        assert _held_spans(ms) == pairwise
