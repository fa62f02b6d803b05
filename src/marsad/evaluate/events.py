"""`marsad eval events`: the events stage measured on a small hand-labelled gold set.

The gold set (``gold_events.jsonl`` beside this module) holds only references into the
shared corpora plus labels, never their text: one line per sentence,
``{"corpus": "anercorp"|"wojood", "split", "sentence": index in the reader's list,
"tokens": [start, end] (optional sub-range), "checksum": first 12 hex of the sha1 of the
whole sentence's tokens joined with spaces, "events": [{"type", "actor", "target",
"location_text", "location_id", "status"}], "annotator_note"}``. A sentence with
``"events": []`` reports no event (it measures precision).

How the gold set was made: a first annotator labelled the 220 sentences; a second
annotator labelled them again, blind to the first's labels and to marsad's code and
output, by written guidelines (an event is what a sentence reports as done, attempted,
planned, denied or conditional — not an action only demanded, threatened, aimed at or
named as a topic; one event per happening and per named place); an adjudicator, also
blind to marsad, resolved every disagreement by the same guidelines. The two annotations
are kept in ``annotation/`` (``gold_events_first_annotator.jsonl``,
``gold_events_second_annotator.jsonl``); they agree at type+location F1 0.819, which is
about the best a system can be expected to reach against either. Any of them can be
scored with ``--gold``.

A held-out set (``annotation/gold_events_heldout.jsonl``, 160 sentences, 211 events) was
annotated later by another annotator, blind to marsad and to the other sets, from written
guidelines of the same rules: event-rich sentences taken in order from a shuffled pool of
ANERcorp/Wojood sentences outside the gold and training sets, about one in five without
an event. No sentence of it is looked at while developing the stage; it is scored only as
a whole, to show how the gold-set figures carry over to text the stage was not tuned on.

Each sentence is rebuilt from the corpus tokens (joined with spaces), its checksum
verified (a sentence whose checksum differs is skipped and reported), run through the
default pipeline, and its ``doc.events`` compared with the gold events. Per sentence,
gold and predicted events are paired greedily one to one under each criterion:

- ``type``: same PLOVER type;
- ``type+location``: same type and the same place: the predicted location's place
  (name, Arabic name or the text of one of its mentions) overlaps the gold
  ``location_text``, or its id equals the gold ``location_id``. A gold event without a
  location matches only a predicted event without one. A predicted part of a place
  ("وسط المدينة" → centre of Mosul, a relative place with an anchor and a part but no
  direction) also goes by its anchor place's id and names; a place in a direction from
  another ("غرب بغداد") goes by its own names only;
- ``type+actor``: same type and the same actor: ids equal (a predicted person whose
  ``affiliation`` is the gold actor id counts), or, for a free-text gold actor
  (``"?:name"``), the predicted actor's or person's name or mention text overlaps it.
  A gold event without an actor matches only a predicted event without one.

"Overlap" compares normalized words (marsad's normalization, proclitics و ف ب ل ك ال
stripped): at least one content word shared. Scores are event precision, recall and F1
per corpus split and over all sentences, plus type-only scores per PLOVER type (in
"all") and ``status``: the share of type-matched pairs whose status agrees (reported in
the precision, recall and f1 columns alike, with ``"accuracy"``; support = the pairs).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from marsad.evaluate.spans import Counts

GOLD_PATH = Path(__file__).with_name("gold_events.jsonl")
DESCRIPTION = "events stage (type, location, actor, status) on a hand-labelled gold set of ANERcorp and Wojood sentences"

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATUSES = ("reported", "attempted", "planned", "denied", "hypothetical")
CRITERIA = ("type", "type+location", "type+actor")

# words that carry no identity of a place or an actor
_STOP = {"مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه", "حي", "منطقة", "منطقه", "محافظة", "محافظه", "مخيم",
         "قضاء", "ناحية", "ناحيه", "نهر", "جنوب", "شمال", "شرق", "غرب", "وسط", "في", "من", "على", "الى", "الي",
         "عن", "مع", "قوات", "قوة", "قوه", "عناصر", "جيش", "حركة", "حركه", "the", "of", "al", "city"}
_CONJ, _PREP = ("", "و", "ف"), ("", "ب", "ل", "ك")


def sentence_text(tokens) -> str:
    return " ".join(tokens)


def checksum(tokens) -> str:
    return hashlib.sha1(sentence_text(tokens).encode("utf-8")).hexdigest()[:12]


def add_arguments(parser) -> None:
    parser.add_argument("--gold", help=f"gold set (JSON Lines; default {GOLD_PATH.name} shipped with marsad)")
    parser.add_argument("--with-tagger", action="store_true", help="run the pipeline with the statistical tagger stage")
    parser.add_argument("--show", action="store_true",
                        help="print, per sentence, the gold and predicted events that did not match (to stderr)")


# ---------------------------------------------------------------- gold set

def load_gold(path: str | Path | None = None) -> list[dict]:
    """The gold records, validated (types, statuses, keys)."""
    path = Path(path) if path else GOLD_PATH
    records = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        for key in ("corpus", "split", "sentence", "checksum", "events"):
            if key not in rec:
                raise ValueError(f"{path.name}:{n}: missing {key!r}")
        for ev in rec["events"]:
            if ev.get("type") not in TYPES:
                raise ValueError(f"{path.name}:{n}: unknown event type {ev.get('type')!r}")
            if ev.get("status") not in STATUSES:
                raise ValueError(f"{path.name}:{n}: unknown status {ev.get('status')!r}")
        records.append(rec)
    return records


# ---------------------------------------------------------------- matching

def _variants(word: str) -> set[str]:
    """The word and its forms without the proclitics و ف, ب ل ك, ال (min. 3 letters left)."""
    out = {word}
    for c in _CONJ:
        if not word.startswith(c):
            continue
        w1 = word[len(c):]
        for p in _PREP:
            if not w1.startswith(p):
                continue
            w2 = w1[len(p):]
            for art in ("", "ال", "ل"):
                if w2.startswith(art) and len(w2) - len(art) >= 3:
                    out.add(w2[len(art):])
    return out


def _words(text: str | None) -> set[str]:
    """Content words of ``text``, normalized, each with its clitic-free variants."""
    if not text:
        return set()
    from marsad.text.normalize import normalize_key
    out: set[str] = set()
    for w in re.findall(r"\w+", normalize_key(text).lower()):
        if w.isdigit() or len(w) < 2:
            continue
        variants = _variants(w)
        if variants & _STOP:
            continue
        out |= variants
    return out


def overlaps(a: str | None, names: Iterable[str | None]) -> bool:
    """Whether ``a`` shares a content word with one of ``names`` (normalized, clitics stripped)."""
    wa = _words(a)
    return bool(wa) and any(wa & _words(n) for n in names)


@dataclass
class Predicted:
    """A predicted event with the names its location and actor go by in its document."""
    type: str
    status: str | None = None
    location: str | None = None
    location_names: list[str] = field(default_factory=list)
    actor: str | None = None
    actor_names: list[str] = field(default_factory=list)
    actor_affiliation: str | None = None
    raw: dict | None = None
    location_ids: list[str] = field(default_factory=list)  # the place and, for a part of a place, the place


def predicted_events(doc) -> list[Predicted]:
    """``doc.events`` with the names of each event's place and actor looked up in the doc."""
    mentions = {m.id: m for m in doc.mentions}
    places = {p.id: p for p in doc.places}
    actors = {a["id"]: a for a in list(doc.actors) + list(doc.persons) if isinstance(a, dict) and "id" in a}
    out = []
    for ev in doc.events:
        loc, act = ev.get("location"), ev.get("actor")
        loc_names: list[str] = []
        loc_ids = [loc] if loc else []
        if loc and loc in places:
            p = places[loc]
            loc_names = [p.name, p.name_ar] + [mentions[m].text for m in p.mention_ids if m in mentions]
            anchor = p.anchor or {}
            if anchor.get("place") and anchor.get("part") and not anchor.get("direction"):
                # a part of a place ("centre of Mosul") lies inside it: it also goes by the place's names
                loc_ids.append(anchor["place"])
                a = places.get(anchor["place"])
                if a is not None:
                    loc_names += [a.name, a.name_ar] + [mentions[m].text for m in a.mention_ids if m in mentions]
        act_names: list[str] = []
        affiliation = None
        if act and act in actors:
            a = actors[act]
            act_names = [a.get("name"), a.get("name_ar")] + [mentions[m].text for m in a.get("mention_ids") or ()
                                                            if m in mentions]
            affiliation = a.get("affiliation")
        out.append(Predicted(ev.get("type"), ev.get("status"), loc, [n for n in loc_names if n], act,
                             [n for n in act_names if n], affiliation, ev, loc_ids))
    return out


def location_match(gold: dict, pred: Predicted) -> bool:
    if not gold.get("location_text") and not gold.get("location_id"):
        return pred.location is None
    if pred.location is None:
        return False
    if gold.get("location_id") and gold["location_id"] in (pred.location_ids or [pred.location]):
        return True
    return overlaps(gold.get("location_text"), pred.location_names)


def actor_match(gold: dict, pred: Predicted) -> bool:
    g = gold.get("actor")
    if not g:
        return pred.actor is None
    if pred.actor is None:
        return False
    if g.startswith("?:"):
        return overlaps(g[2:], pred.actor_names)
    return g == pred.actor or g == pred.actor_affiliation


MATCHERS: dict[str, Callable[[dict, Predicted], bool]] = {
    "type": lambda g, p: g["type"] == p.type,
    "type+location": lambda g, p: g["type"] == p.type and location_match(g, p),
    "type+actor": lambda g, p: g["type"] == p.type and actor_match(g, p),
}


def _closeness(g: dict, p: Predicted) -> int:
    return (g["type"] == p.type) * 4 + location_match(g, p) * 2 + actor_match(g, p)


def greedy_pairs(gold: list, pred: list, ok: Callable, closeness: Callable) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index) among those ``ok`` accepts,
    taken best first (highest ``closeness``, then text order). Shared by the evaluations."""
    cands = [(-closeness(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if ok(g, p)]
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(cands):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def match(gold: list[dict], pred: list[Predicted], criterion: str) -> list[tuple[int, int]]:
    """Pairs under ``criterion``, closest on type, location and actor first."""
    return greedy_pairs(gold, pred, MATCHERS[criterion], _closeness)


# ---------------------------------------------------------------- scoring

class EventScores:
    """Counts per criterion, per type (type-only) and status agreement."""

    def __init__(self):
        self.counts = {c: Counts() for c in CRITERIA}
        self.by_type: dict[str, Counts] = {}
        self.status_total = self.status_ok = 0

    def add(self, gold: list[dict], pred: list[Predicted]) -> dict[str, list[tuple[int, int]]]:
        pairs = {}
        for c in CRITERIA:
            pairs[c] = match(gold, pred, c)
            n = len(pairs[c])
            self.counts[c].tp += n
            self.counts[c].fp += len(pred) - n
            self.counts[c].fn += len(gold) - n
        typed = pairs["type"]
        matched_g = {g for g, _ in typed}
        matched_p = {p for _, p in typed}
        for gi, g in enumerate(gold):
            k = self.by_type.setdefault(g["type"], Counts())
            if gi in matched_g:
                k.tp += 1
            else:
                k.fn += 1
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                self.by_type.setdefault(p.type or "?", Counts()).fp += 1
        for gi, pi in typed:
            self.status_total += 1
            self.status_ok += gold[gi].get("status") == pred[pi].status
        return pairs

    def as_dict(self, per_type: bool = False) -> dict:
        out = {c: _scores(k) for c, k in self.counts.items()}
        acc = self.status_ok / self.status_total if self.status_total else 0.0
        out["status"] = {"precision": acc, "recall": acc, "f1": acc, "accuracy": acc, "support": self.status_total}
        if per_type:
            for t in sorted(self.by_type):
                out[f"type:{t}"] = _scores(self.by_type[t])
        return out


def _scores(k: Counts) -> dict:
    return {"precision": k.precision, "recall": k.recall, "f1": k.f1, "support": k.tp + k.fn,
            "tp": k.tp, "fp": k.fp, "fn": k.fn}


def corpus_sentences(corpus: str, split: str, root: Path, cache: dict):
    from marsad.evaluate.corpora import anercorp, wojood
    if (corpus, split) not in cache:
        reader = {"anercorp": anercorp, "wojood": wojood}[corpus]
        cache[corpus, split] = [toks for toks, _ in reader(split, root)]
    return cache[corpus, split]


def evaluate(root: Path, gold_path: str | Path | None = None, pipeline=None, show: bool = False) -> dict:
    """Scores of ``pipeline`` (default: marsad's default pipeline) on the gold set."""
    if pipeline is None:
        from marsad.api import default_pipeline
        pipeline = default_pipeline()
    cache: dict = {}
    per_split: dict[str, EventScores] = {}
    total = EventScores()
    skipped: list[str] = []
    n_sent = 0
    for rec in load_gold(gold_path):
        where = f"{rec['corpus']}-{rec['split']}#{rec['sentence']}"
        try:
            sents = corpus_sentences(rec["corpus"], rec["split"], root, cache)
        except Exception as exc:  # a corpus file missing: skip its sentences, say why
            skipped.append(f"{where}: corpus unreadable ({exc})")
            continue
        if rec["sentence"] >= len(sents):
            skipped.append(f"{where}: no such sentence (the corpus has {len(sents)})")
            continue
        tokens = sents[rec["sentence"]]
        if checksum(tokens) != rec["checksum"]:
            skipped.append(f"{where}: checksum {checksum(tokens)} differs from the gold's {rec['checksum']} "
                           "(the corpus changed)")
            continue
        if rec.get("tokens"):
            s, e = rec["tokens"]
            tokens = tokens[s:e]
        doc = pipeline.run_text(sentence_text(tokens))
        pred = predicted_events(doc)
        gold = rec["events"]
        key = f"{rec['corpus']}-{rec['split']}"
        per_split.setdefault(key, EventScores()).add(gold, pred)
        pairs = total.add(gold, pred)
        n_sent += 1
        if show:
            _show(where, doc.text, gold, pred, pairs)
    results: dict = {key: per_split[key].as_dict() for key in sorted(per_split)}
    results["all"] = total.as_dict(per_type=True)
    results["_sentences"] = n_sent
    results["_skipped"] = skipped
    return results


def _show(where, text, gold, pred, pairs) -> None:
    loc_pairs = pairs["type+location"]
    gm, pm = {g for g, _ in loc_pairs}, {p for _, p in loc_pairs}
    misses = [f"  gold  {g['type']} actor={g.get('actor')} loc={g.get('location_text')} {g.get('status')}"
              for i, g in enumerate(gold) if i not in gm]
    misses += [f"  pred  {p.type} actor={p.actor} loc={p.location} {p.status}"
               for i, p in enumerate(pred) if i not in pm]
    if misses:
        print(f"{where}: {text[:120]}", *misses, sep="\n", file=sys.stderr)


def run(args, root: Path) -> dict:
    pipeline = None
    if getattr(args, "with_tagger", False):
        from marsad.api import default_pipeline
        pipeline = default_pipeline(with_tagger=True)
    results = evaluate(root, getattr(args, "gold", None), pipeline, show=getattr(args, "show", False))
    for reason in results["_skipped"]:
        print(f"skipped {reason}", file=sys.stderr)
    return results
