"""`marsad eval places`: the places stage itself, measured on IDRISI.

- LMR dev (recognition): exact character spans of the LOC mentions the pipeline finds
  (names, relative places and city parts; anaphors excluded) against the gold location
  mentions; precision, recall, F1.
- LMD dev (disambiguation): for each gold mention, the place marsad assigns to it, and
  the share within 161 km and 25 km of the gold point. The place is the pipeline's own
  mention over the gold span when there is one ("end to end"); otherwise, as the LMD
  task gives the mention, marsad geocodes the gold phrase with the tweet's other places
  as context, falling back to the tweet's focus place for phrases that name no known
  place (hospitals, streets) ("given the mention"). Both shares are reported, once
  from the tweet alone and once with the place in the event's name as a --near hint
  (the tweets were collected per event; "cairo_bombing_2019" → Cairo).
"""
from __future__ import annotations

import json
from pathlib import Path

from marsad.api import default_pipeline
from marsad.evaluate.corpora import idrisi_lmr
from marsad.evaluate.spans import Counts, Scores
from marsad.gazetteer.geo import km

DESCRIPTION = "geocoding and place recognition of the places stage on IDRISI (LMR and LMD dev)"
NEAR_KM, CLOSE_KM = 161.0, 25.0


def add_arguments(parser) -> None:
    parser.add_argument("--split", default="dev", help="IDRISI split (default dev; test is unreleased)")


def lmd_tweets(split: str, root: Path):
    base = root / "idrisi" / "LMD-AR"
    for path in sorted(base.glob(f"*/{split}.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                yield path.parent.name, json.loads(line)


def score_lmr(split: str, root: Path) -> dict:
    nlp, scores = default_pipeline(), Scores({"LOC": Counts()})
    for tweet in idrisi_lmr(split, root):
        doc = nlp.run_text(tweet.text)
        pred = {(m.start, m.end, "LOC") for m in doc.mentions
                if m.label == "LOC" and m.role not in ("anaphor", "hashtag")}
        scores.add({(s, e, "LOC") for s, e in tweet.spans}, pred)
    return scores.as_dict()


def event_hint(event: str) -> list[str]:
    """The place in an IDRISI event folder's name ("cairo_bombing_2019" → Cairo), as a
    user would pass it with --near; [] when the name holds no known place."""
    from marsad.gazetteer.index import load_gazetteer
    gz = load_gazetteer()
    words = event.split("_")
    for n in range(len(words), 0, -1):
        found = gz.lookup(" ".join(words[:n]))
        if found:
            return [found[0].id]
    return []


def score_lmd(split: str, root: Path, use_hint: bool = False) -> dict:
    from marsad.gazetteer.index import load_gazetteer
    from marsad.stages.places import focus_place, geocode_phrase
    nlp, gz = default_pipeline(), load_gazetteer()
    total = near = close = near_e2e = close_e2e = unplaced = 0
    for event, tweet in lmd_tweets(split, root):
        hint = event_hint(event) if use_hint else []
        doc = nlp.run_text(tweet["text"], {"near": hint})
        places = {p.id: p for p in doc.places}
        context = [p for p in doc.places if p.kind != "relative"] + [gz.get(h) for h in hint]
        focus = focus_place(doc, [gz.get(h) for h in hint])
        for gold in tweet["location_mentions"]:
            osm = gold.get("osm_json") or {}
            if "lat" not in osm:
                continue
            total += 1
            g_lat, g_lon = float(osm["lat"]), float(osm["lon"])
            s, e = gold["start_offset"], gold["end_offset"]
            over = [m for m in doc.mentions if m.label == "LOC" and m.start < e and s < m.end and m.ref in places]
            point, end_to_end = None, False
            if over:
                best = max(over, key=lambda m: min(e, m.end) - max(s, m.start))
                p = places[best.ref]
                point, end_to_end = (p.lat, p.lon), True
            else:
                found = geocode_phrase(tweet["text"][s:e], context, focus)
                point = (found.lat, found.lon) if found else None
            if point is None or point[0] is None:
                unplaced += 1
                continue
            d = km(point[0], point[1], g_lat, g_lon)
            near += d <= NEAR_KM
            close += d <= CLOSE_KM
            near_e2e += end_to_end and d <= NEAR_KM
            close_e2e += end_to_end and d <= CLOSE_KM
    share = lambda n: round(n / total, 4) if total else 0.0  # noqa: E731
    return {"mentions": total, "unplaced": unplaced,
            "within_161km": share(near), "within_25km": share(close),
            "end_to_end_within_161km": share(near_e2e), "end_to_end_within_25km": share(close_e2e)}


def run(args, root) -> dict:
    return {f"idrisi-lmr-{args.split}": score_lmr(args.split, root),
            f"idrisi-lmd-{args.split}": score_lmd(args.split, root),
            f"idrisi-lmd-{args.split}-with-event-place": score_lmd(args.split, root, use_hint=True)}
