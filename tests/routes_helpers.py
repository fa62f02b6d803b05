"""Helpers shared by the routes stage tests: one default pipeline, the statuses of the
routes it finds and their waypoint names and place ids."""
from __future__ import annotations

from marsad.pipeline import Pipeline

PIPE = Pipeline()


def run(text: str):
    return PIPE.run_text(text)


def statuses(text: str) -> list[str]:
    """The status of every route the text tells, in order."""
    return [r["status"] for r in run(text).routes]


def names(doc, route) -> list[str]:
    places = {p.id: p for p in doc.places}
    return [places[w].name_ar or places[w].name for w in route["waypoints"]]


def place_id(doc, surface: str) -> str:
    for m in doc.mentions:
        if m.label == "LOC" and m.text.endswith(surface) and m.ref:
            return m.ref
    raise AssertionError(f"no place {surface!r} in {[m.text for m in doc.mentions]}")
