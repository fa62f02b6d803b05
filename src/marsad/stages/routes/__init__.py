"""The routes stage: corridors, roads and crossings between places, with their status.

Per sentence of the body (the modules below hold the details):
  1. anchors  – route nouns (طريق، ممر، معبر، خط إمداد…) and movements (the trigger of a
                RETREAT, MOBILIZE or AID event) cut each clause into frames;
  2. places   – markers in a frame give waypoints in travel order (بين X و Y as written,
                not directed; من → إلى → ثم إلى), terrain crossed (عبر الصحراء → via) and
                the area it lies in (في X);
  3. movements – a flight with no places of its own travels the route beside it; a route
                noun with no places takes those of the movement beside it (فرّوا من حلب إلى
                إدلب عبر ممر آمن); when both name places, the movement is a route of its
                own that continues the corridor (``continues``), as in "a corridor between
                X and Y that fighters use to flee through the desert to Z";
  4. one route per place when a plural noun names places side by side (الممرات جنوبي
                الموصل وغربيها; ``group`` ties them); a lone movement is a route only when
                it says what it crosses (عبر، مروراً) — "فرّوا من حلب إلى إدلب" is no route;
  5. status, users (who uses, seeks or flees along it), closers, length (a distance after
                بطول/بمسافة or right after the noun), purpose, scope (معظم الطرق → most),
                date, the governing source, the events it carries (``events``; each such
                event gets ``route``), and a confidence from how much of that was found.
Routes with no waypoint are left out: nothing to draw.

The modules, in the order the data flows through them:
  __init__.py  – the stage: per sentence, build its routes and append their records;
  sentence.py  – one sentence: clauses → frames → status cues → restatements → combined frames;
  frames.py    – step 1: a clause's anchors and their frames;
  waypoints.py – step 2: route nouns, markers and places;
  order.py     – step 2's end: the places in travel order (``ordered``);
  status.py    – the status cues of a clause's words, given to frames, and their resolution;
  context.py   – what the words around a cue say of it (denied, asked, hoped, planned, negated,
                 a date or a cause, traffic resumed, the road only passing a place);
  restate.py   – a route mentioned again (وهو خط الإمداد…، … هو معبر X، الطريق … later, and
                 a pronoun in the next sentence);
  combine.py   – steps 3-4: movements folded in, one route per place or pair;
  record.py    – step 5: the route record (users, closers, status, purpose…) and its events;
  length.py    – the length a distance mention near the route gives.
"""
from __future__ import annotations

from bisect import bisect_left

from marsad.doc import Doc
from marsad.knowledge.route_cues import RouteCues, load_route_cues
from marsad.knowledge.triggers import TriggerLexicon, load_triggers
from marsad.pipeline import stage
from marsad.stages.routes.record import build_record, link_events
from marsad.stages.routes.restate import said_later
from marsad.stages.routes.sentence import sentence_routes
from marsad.stages.routes.order import ordered
from marsad.stages.routes.waypoints import SentenceView, anchor_tokens, mention_maps


@stage("routes", requires=("tokens", "sentences", "mentions", "events"), assigns=("routes",))
def make_routes(route_cues: RouteCues | None = None, trigger_lexicon: TriggerLexicon | None = None, **_):
    cues = route_cues or load_route_cues()
    lex = trigger_lexicon or load_triggers()

    def routes(doc: Doc) -> Doc:
        doc.routes = []
        toks = doc.tokens
        if not toks or not doc.sentences:
            return doc
        starts = [t.start for t in toks]
        ctx = mention_maps(doc, starts)
        ctx["anchors"] = anchor_tokens(toks, ctx["covered"], cues)
        tok = ctx["tok"]
        moves = {}
        for ev in doc.events:
            if ev["type"] in cues.movement_events and ev.get("trigger"):
                moves.setdefault(tok(ev["trigger"]["start"]), ev)
        dates = sorted((tok(m.start), m.value) for m in doc.mentions if m.label == "DATE" and isinstance(m.value, dict))
        quants = sorted((tok(m.start), m) for m in doc.mentions
                        if m.label == "QUANTITY" and isinstance(m.value, dict) and m.value.get("kind") == "distance")
        before: list[dict] = []     # the routes of the sentence before
        for sent in doc.sentences:
            if sent.end <= doc.body_start:
                continue
            first = bisect_left(starts, max(sent.start, doc.body_start))
            last = bisect_left(starts, sent.end) - 1
            if first > last:
                continue
            v = SentenceView(doc, first, last, ctx, cues, lex)
            built = [rt for rt in sentence_routes(v, moves) if ordered(rt["items"])[0]]
            for rt in built:
                build_record(v, rt, doc, dates, quants, tok, len(doc.routes))
                doc.routes.append(rt["route"])
            if not built and before:
                said_later(v, before[-1]["route"])
            before = built
        link_events(doc)
        return doc

    return routes
