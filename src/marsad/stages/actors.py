"""The actors stage: who is named – armed groups, state bodies, agencies, outlets.

Steps, in order:
  1. match    – names and aliases of the actor dictionary in the tokens, through the
                proclitics و ف ب ل ك ال (ل+ال → لل), longest first; "not_actors" phrases
                (القاعدة الجوية) match too and hide what they start with; outlet names that
                are also ordinary words need a cue word before them (قناة الجزيرة);
  2. support  – an alias that is also an ordinary word (القاعدة) needs a cue word before
                it or the same actor named another way in the document;
  3. places   – a name that overlaps a LOC mention counts only when it covers more tokens
                than the place (ولاية نينوى, جبهة فتح الشام); otherwise the place wins;
  4. context  – generic phrases (قوات النظام, القوات الحكومية, الجيش) and ambiguous aliases
                take the actor of the country the passage is about: the country most named
                in the sentence (places, and actors of a nationality), else in the document
                (place mentions only, the dateline left out). No entry for it: no mention;
  5. anaphora – التنظيم, الجماعة, الحركة… point back to the organisation of a fitting type
                named last before them; with none named yet they are left alone;
  6. emit     – ORG mentions (ref = actor id, evidence says why) and ``doc.actors``.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from marsad.doc import Doc
from marsad.knowledge.actors import ActorDictionary, load_actors
from marsad.pipeline import stage
from marsad.stages.places.match import _clitic_start
from marsad.text.clitics import proclitic_stems as _stems
from marsad.text.screen import in_vocabulary, passing

WORDISH = frozenset({"word", "latin"})
ORGANISATION_TYPES = frozenset({"jihadist", "militia", "rebel", "kurdish"})
# Actors whose nationality says nothing about the country a passage is about.
NO_CONTEXT_TYPES = frozenset({"un", "ngo", "media", "coalition"})


@dataclass(slots=True)
class ActorMatch:
    first: int            # token indices, inclusive
    last: int
    start: int            # original offsets, proclitics excluded
    end: int
    key: str
    kind: str             # "name" | "generic" | "anaphor"
    ids: tuple[str, ...] = ()
    actor: str | None = None
    evidence: tuple[str, ...] = ()


class ActorIndex:
    """First token of every key → the longest key length in tokens; per-word caches."""

    def __init__(self, dictionary: ActorDictionary):
        self.d = dictionary
        self.entries: dict[str, tuple[str, object]] = {}
        for key, ids in dictionary.names.items():
            self.entries[key] = ("name", ids)
        for key, mapping in dictionary.generic.items():
            self.entries[key] = ("generic", mapping)
        for key in dictionary.not_actors:
            self.entries.setdefault(key, ("block", None))
        self.first: dict[str, int] = {}
        for key in self.entries:
            parts = key.split(" ")
            self.first[parts[0]] = max(self.first.get(parts[0], 0), len(parts))
        self._starts: dict[str, tuple[tuple[str, str], ...]] = {}
        self._anaphor: dict[str, tuple[str, str] | None] = {}
        self._cue: dict[str, bool] = {}
        self._begins: dict[str, bool] = {}

    def starts(self, word: str) -> tuple[tuple[str, str], ...]:
        """(prefix, stem) readings of ``word`` that begin a key (cached per word)."""
        hit = self._starts.get(word)
        if hit is None:
            first = self.first
            hit = self._starts[word] = tuple([r for r in _stems(word) if r[1] in first])
        return hit

    def may_begin(self, word: str) -> bool:
        """Whether a reading of ``word`` begins a key or is an anaphor; cached per word:
        most words are neither, and find_actors passes them with this one lookup."""
        hit = self._begins.get(word)
        if hit is None:
            hit = self._begins[word] = bool(self.starts(word)) or self.anaphor(word) is not None
        return hit

    def beginnings(self, tokens: list) -> list[int]:
        """The indices of the tokens that pass ``may_begin``."""
        return passing(tokens, self.may_begin, self._begins, WORDISH)

    def anaphor(self, word: str) -> tuple[str, str] | None:
        if word not in self._anaphor:
            anaphors, hit = self.d.anaphors, None
            for r in _stems(word):
                if r[1] in anaphors:
                    hit = r
                    break
            self._anaphor[word] = hit
        return self._anaphor[word]

    def is_cue(self, word: str) -> bool:
        if word not in self._cue:
            self._cue[word] = any(stem in self.d.media_cues for _, stem in _stems(word))
        return self._cue[word]

    def lookup(self, tokens: list, i: int):
        """The longest entry starting at token ``i``: (tokens used, prefix, key, entry)."""
        best = None
        n = len(tokens)
        for prefix, stem in self.starts(tokens[i].norm):
            for k in range(min(self.first[stem], n - i), 0, -1):
                if best is not None and k <= best[0]:
                    break
                key = stem if k == 1 else " ".join([stem, *(t.norm for t in tokens[i + 1:i + k])])
                entry = self.entries.get(key)
                if entry is not None:
                    best = (k, prefix, key, entry)
                    break
        return best


def find_actors(tokens: list, index: ActorIndex, body_start: int = 0) -> list[ActorMatch]:
    """Dictionary names, generic phrases and anaphors in token order (not yet resolved)."""
    out: list[ActorMatch] = []
    d = index.d
    i = 0   # the first token not yet taken by a match
    for j in index.beginnings(tokens):
        if j < i:
            continue
        i, tok = j, tokens[j]
        hit = index.lookup(tokens, i)
        if hit is None:
            ana = index.anaphor(tok.norm)
            if ana is not None:
                prefix, stem = ana
                start = _clitic_start(tok, stem) if prefix else tok.start
                out.append(ActorMatch(i, i, start, tok.end, stem, "anaphor"))
            i += 1
            continue
        k, prefix, key, (kind, payload) = hit
        last = i + k - 1
        start = _clitic_start(tok, key.split(" ")[0]) if prefix else tok.start
        if kind == "name":
            ids = payload
            if all(a in d.needs_cue for a in ids) and tok.start >= body_start and not (
                    i > 0 and index.is_cue(tokens[i - 1].norm)):
                i += 1          # an outlet name that is also an ordinary word, with no cue
                continue
            out.append(ActorMatch(i, last, start, tokens[last].end, key, "name", ids=ids))
        elif kind == "generic":
            out.append(ActorMatch(i, last, start, tokens[last].end, key, "generic", ids=()))
        i = last + 1            # a "block" entry hides the tokens it covers
    return out


def nationality_matches(tokens: list, d: ActorDictionary, taken: list[ActorMatch], body_start: int = 0
                        ) -> list[ActorMatch]:
    """"غارة إسرائيلية"، "بنيران تركية"، "قصف روسي": a nationality adjective right after a word
    of attack or weapon names that country's forces (``forces_by_nationality`` in
    actors.json); the adjective alone becomes the mention, so the attack word stays a trigger."""
    if not d.nationality or not d.nationality_after:
        return []
    used = {k for m in taken for k in range(m.first, m.last + 1)}
    out = []
    nationality = d.nationality
    for k in in_vocabulary(tokens, nationality, kind=None):   # most words are no nationality adjective
        if k == 0:
            continue
        i, adj = k - 1, tokens[k]
        aid = nationality[adj.norm]
        if k in used or tokens[i].start < body_start:
            continue
        if any(stem in d.nationality_after for _, stem in _stems(tokens[i].norm)):
            out.append(ActorMatch(i + 1, i + 1, adj.start, adj.end, adj.norm, "name", ids=(aid,),
                                  evidence=("nationality",)))
    return out


def _supported(matches: list[ActorMatch], tokens: list, index: ActorIndex) -> list[ActorMatch]:
    """Keep a weak alias (القاعدة) only with a cue word before it, or when the document
    names the same actor another way."""
    d = index.d
    if not d.weak:
        return matches
    strong = {a for m in matches if m.kind == "name" and m.key not in d.weak for a in m.ids}
    return [m for m in matches if m.kind != "name" or m.key not in d.weak or set(m.ids) & strong
            or (m.first > 0 and any(stem in d.weak_cues for _, stem in _stems(tokens[m.first - 1].norm)))]


def _clear_of_places(matches: list[ActorMatch], loc_spans: list[tuple[int, int]]) -> list[ActorMatch]:
    """Drop a match overlapping a LOC mention unless it strictly contains the place."""
    if not loc_spans:
        return matches
    kept = []
    for m in matches:
        clash = [(s, e) for s, e in loc_spans if s < m.end and m.start < e]
        if all(m.start <= s and e <= m.end and (e - s) < (m.end - m.start) for s, e in clash):
            kept.append(m)
    return kept


class Context:
    """Which country a passage is about: counts per sentence, then for the document."""

    def __init__(self, doc: Doc, d: ActorDictionary, named: list[ActorMatch]):
        self.starts = [s.start for s in doc.sentences] or [0]
        self.doc_counts: Counter = Counter()
        self.sent_counts: defaultdict[int, Counter] = defaultdict(Counter)
        countries = {p.id: p.country for p in doc.places}
        for m in doc.mentions:
            if m.label != "LOC" or m.role == "dateline" or not countries.get(m.ref):
                continue
            c = countries[m.ref]
            self.doc_counts[c] += 1
            self.sent_counts[self.sentence(m.start)][c] += 1
        for m in named:
            a = d.actors[m.ids[0]] if len(m.ids) == 1 else None
            if a is not None and a.country and a.type not in NO_CONTEXT_TYPES:
                self.sent_counts[self.sentence(m.start)][a.country] += 1

    def sentence(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def choose(self, pos: int, options) -> str | None:
        """The country of the sentence at ``pos`` (else of the document) among ``options``."""
        for counts in (self.sent_counts.get(self.sentence(pos)), self.doc_counts):
            if not counts:
                continue
            top = max(counts.values())
            for country, count in counts.most_common():
                if count < top:
                    break
                if country in options:
                    return country
        return None


def resolve(matches: list[ActorMatch], doc: Doc, d: ActorDictionary) -> list[ActorMatch]:
    named = [m for m in matches if m.kind == "name"]
    # which country a passage is about matters only to names of several actors and to
    # generic phrases; most documents have neither
    needs_context = any(m.kind == "generic" or (m.kind == "name" and len(m.ids) > 1) for m in matches)
    context = Context(doc, d, named) if needs_context else None
    history: list[tuple[str, str]] = []   # (actor id, first word of the name used)
    out = []
    for m in matches:
        if m.kind == "name":
            if len(m.ids) == 1:
                m.actor, m.evidence = m.ids[0], m.evidence or ("actor-dictionary",)
            else:
                by_country = {d.actors[a].country: a for a in reversed(m.ids)}
                country = context.choose(m.start, by_country)
                m.actor = by_country[country] if country else m.ids[0]
                m.evidence = ("actor-dictionary", f"context:{country or 'first-listed'}")
        elif m.kind == "generic":
            mapping = d.generic[m.key]
            country = context.choose(m.start, {c for c, a in mapping.items() if a and c != "default" and not c.startswith("_")})
            m.actor = mapping[country] if country else mapping.get("default")
            m.evidence = (f"generic:{mapping.get('_phrase', m.key)}", f"context:{country or 'default'}")
        else:
            spec = d.anaphors[m.key]
            m.actor = next((a for a, head in reversed(history) if d.actors[a].type in spec.types
                            and head not in spec.skip_heads
                            and (spec.head is None or spec.head in d.heads.get(a, ()))), None)
            m.evidence = (f"anaphor:{doc.text[m.start:m.end]}",)
            if m.actor is not None:
                out.append(m)
            continue
        if m.actor is not None:
            history.append((m.actor, m.key.split(" ")[0]))
            out.append(m)
    return out


@stage("actors", requires=("tokens", "places", "mentions"), assigns=("actors", "mentions"))
def make_actors(actor_dictionary: ActorDictionary | None = None, **_):
    d = actor_dictionary or load_actors()
    index = ActorIndex(d)

    def actors(doc: Doc) -> Doc:
        matches = find_actors(doc.tokens, index, doc.body_start)
        loc_spans = [(m.start, m.end) for m in doc.mentions if m.label == "LOC"]
        matches = _supported(_clear_of_places(matches, loc_spans), doc.tokens, index)
        matches = sorted(matches + nationality_matches(doc.tokens, d, matches, doc.body_start), key=lambda m: m.first)
        entries: dict[str, list[str]] = {}
        for m in resolve(matches, doc, d):
            mention = doc.add_mention(m.start, m.end, "ORG", ref=m.actor, evidence=list(m.evidence),
                                      role="anaphor" if m.kind == "anaphor" else None)
            entries.setdefault(m.actor, []).append(mention.id)
        doc.actors = [d.actors[a].to_json(ids) for a, ids in entries.items()]
        return doc

    return actors
