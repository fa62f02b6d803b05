"""The route cue words (``route_cues.json``), validated on load, and how words match them.

The file holds knowledge: route nouns and their kinds, the markers that introduce a
waypoint (بين، من، إلى، عبر، قرب…), terrain, status words, purposes, scope quantifiers.
This module holds the mechanism, built on the text core:

* nouns, markers, terrain, quantifiers, purposes: the token's ``normalize_key`` form through its
  proclitics (``proclitic_stems``), with and without the article, never a pronoun suffix
  (طريقه is "his way" or "a method", not a road);
* status words: every citation key the trigger lexicon's inflection rules
  derive (``TriggerLexicon.analyze``), so "اُغلقت" and "سيغلقون" both reach "أغلق";
  a word written with ة is never a verb with the object pronoun ه (قطعة is no "cut it").

A bad entry raises ``MarsadError(E.KNOWLEDGE_FILE)`` naming the file and the entry.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import ahocorasick
from functools import cache, lru_cache
from importlib import resources

from marsad.errors import E, MarsadError
from marsad.knowledge import read_json
from marsad.knowledge.triggers import load_triggers
from marsad.text.clitics import ARTICLE, proclitic_stems, readings
from marsad.text.normalize import normalize_key
from marsad.text.screen import passing

FILE = "route_cues.json"
KINDS = frozenset({"road", "corridor", "crossing", "safe_passage", "supply_line"})
ROLES = ("between", "from", "to", "through", "near", "across", "area", "then")
STATUS = ("closed", "open", "use", "used", "narrowing", "contested", "shelled", "reopen")
PURPOSES = frozenset({"flight", "supply", "evacuation", "aid", "trade", "smuggling", "military"})
SCOPES = ("all", "most", "some", "one")
EVENT_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def _fail(why: str):
    raise MarsadError(E.KNOWLEDGE_FILE, path=str(resources.files("marsad.knowledge").joinpath(FILE)), why=why)


def _bare(word: str) -> str:
    return word[2:] if word.startswith(ARTICLE) and len(word) > 3 else word


def _phrase(text: str) -> tuple[str, ...]:
    """A normalized phrase, each word without its article (matching strips it too)."""
    words = tuple(_bare(w) for w in normalize_key(text).split(" ") if w)
    if not words:
        _fail(f"empty entry {text!r}")
    return words


def _section(raw: dict, name: str) -> dict:
    sec = raw.get(name)
    if not isinstance(sec, dict):
        _fail(f'needs the section "{name}" (an object)')
    return {k: v for k, v in sec.items() if not k.startswith("_")}


def _word_list(sec: dict, key: str, where: str) -> list[str]:
    items = sec.get(key)
    if not isinstance(items, list) or not items or not all(isinstance(w, str) and w.strip() for w in items):
        _fail(f"{where}.{key} must be a non-empty list of words")
    return items


# Both return tuples, not frozensets: tens of thousands of words are cached after a batch,
# and the garbage collector stops tracking a tuple of strings while it re-scans every set.
@lru_cache(maxsize=65536)
def stems(norm: str) -> tuple[str, ...]:
    """A normalized word through its proclitics, with and without ال (no pronoun suffix),
    each once, in reading order."""
    out: dict[str, None] = {}
    for _, stem in proclitic_stems(norm):
        out[stem] = None
        out[_bare(stem)] = None
    return tuple(out)


@lru_cache(maxsize=65536)
def noun_stems(norm: str) -> tuple[str, ...]:
    """``stems``, and without the alef of an indefinite accusative (ممراً، طريقاً)."""
    out = stems(norm)
    if norm.endswith("\u0627") and len(norm) > 3:
        out = tuple(dict.fromkeys(out + stems(norm[:-1])))
    return out


@dataclass(frozen=True)
class RouteCues:
    nouns: dict[tuple[str, ...], str]        # phrase (one or more words) → kind
    noun_forms: tuple                        # the same, longest first
    noun_firsts: frozenset[str]
    plural: frozenset[tuple[str, ...]]
    kind_adjectives: dict[str, str | None]
    not_before: frozenset[str]
    not_after: frozenset[str]
    markers: dict[str, list[tuple[tuple[str, ...], str]]]   # first word → (words, role), longest first
    place_heads: frozenset[str]
    terrain: dict[str, list[tuple[tuple[str, ...], str]]]   # first word → (words, class), longest first
    status: dict[str, str]                   # citation key → status class
    demand_words: frozenset[str]
    before_words: frozenset[str]
    period_words: frozenset[str]
    keep_words: frozenset[str]
    cause_words: frozenset[str]
    past_words: frozenset[str]
    checkpoint_words: frozenset[str]
    checkpoint_plurals: frozenset[str]
    safe_written: frozenset[str]
    remain_verbs: frozenset[str]
    remain_except: frozenset[str]
    length_words: frozenset[str]
    purpose: dict[str, str]                  # citation key → purpose
    event_purposes: dict[str, str]
    scope: dict[str, str]                    # word → all | most | some | one
    movement_events: frozenset[str]
    closing_events: frozenset[str]
    status_grams: object = None              # automaton of letter runs every status word contains
    denial_words: frozenset[str] = frozenset()
    onset_words: frozenset[str] = frozenset()
    traffic_words: frozenset[str] = frozenset()
    busy_words: frozenset[str] = frozenset()
    state_verbs: frozenset[str] = frozenset()
    remaining_words: frozenset[str] = frozenset()
    unit_words: frozenset[str] = frozenset()
    exchange_words: frozenset[str] = frozenset()
    amid_words: frozenset[str] = frozenset()
    seizure_words: frozenset[str] = frozenset()
    out_of_service: frozenset[str] = frozenset()
    out_of_service_before: frozenset[str] = frozenset()
    distance_words: frozenset[str] = frozenset()
    return_words: frozenset[str] = frozenset()
    hope_words: frozenset[str] = frozenset()
    witness_words: frozenset[str] = frozenset()
    lift_words: frozenset[str] = frozenset()
    barrier_words: frozenset[str] = frozenset()
    person_roads: frozenset[str] = frozenset()   # normalized names, article kept
    still_words: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    endeavour_words: frozenset[str] = frozenset()
    remain_alone: tuple = ()                  # phrases (word tuples) that say "only" with no negation
    # word → whether it may begin a route noun, cached: the same words recur in every document
    _noun_begins: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    # ---- matching (tokens are marsad.text.tokens.Token)
    def noun_beginnings(self, tokens: list) -> list[int]:
        """The indices of the word tokens that pass ``may_begin_noun``."""
        return passing(tokens, self.may_begin_noun, self._noun_begins)

    def may_begin_noun(self, norm: str) -> bool:
        """Whether a stem of the normalized word (``noun_stems``) is the first word of a route noun."""
        hit = self._noun_begins.get(norm)
        if hit is None:
            # from the clitic readings directly: noun_stems would cache a tuple for every word
            firsts, hit = self.noun_firsts, False
            for form in ((norm, norm[:-1]) if norm.endswith("\u0627") and len(norm) > 3 else (norm,)):
                for _, stem in proclitic_stems(form):
                    if stem in firsts or _bare(stem) in firsts:
                        hit = True
                        break
            self._noun_begins[norm] = hit
        return hit

    def route_noun(self, toks, i: int, last: int) -> tuple[str, int, bool] | None:
        """(kind, last token, plural) of the route noun starting at token ``i``."""
        t = toks[i]
        if t.kind != "word" or not self.may_begin_noun(t.norm):
            return None
        for words, kind in self.noun_forms:
            n = len(words)
            if i + n - 1 > last or not all(toks[i + k].kind == "word" and words[k] in noun_stems(toks[i + k].norm)
                                           for k in range(n)):
                continue
            return kind, i + n - 1, words in self.plural
        return None

    def marker(self, toks, i: int, last: int) -> tuple[str, int] | None:
        """(role, last token) of the waypoint marker starting at token ``i``."""
        t = toks[i]
        if t.kind != "word":
            return None
        for first in _conj_stems(t.norm):
            for words, role in self.markers.get(first, ()):
                n = len(words)
                if i + n - 1 <= last and all(toks[i + k].kind == "word" and words[k] in stems(toks[i + k].norm)
                                             for k in range(1, n)):
                    return role, i + n - 1
        return None

    def terrain_at(self, toks, i: int, last: int) -> tuple[str, int] | None:
        for first in stems(toks[i].norm):
            for words, cls in self.terrain.get(first, ()):
                n = len(words)
                if i + n - 1 <= last and all(toks[i + k].kind == "word" and words[k] in stems(toks[i + k].norm)
                                             for k in range(1, n)):
                    return cls, i + n - 1
        return None

    def status_of(self, tok) -> str | None:
        """The status class of a word, through clitics and inflection (آمن on its written form)."""
        if "\u0622" in tok.text and tok.text.strip(_MARKS) in self.safe_written:
            return "open"
        return self.status_word(tok.norm, tok.text.rstrip(_MARKS).endswith("\u0629"))

    def status_word(self, norm: str, taa_marbuta: bool = False) -> str | None:
        # most words contain none of the status keys' first letters: skip their analysis
        if self.status_grams is not None and next(self.status_grams.iter(norm), None) is None:
            return None
        for key in _keys(norm, taa_marbuta):
            cls = self.status.get(key)
            if cls:
                return cls
        return None

    def status_key(self, norm: str) -> str | None:
        """The citation key a status word reaches (تقطع → يقطع), or None."""
        if self.status_grams is not None and next(self.status_grams.iter(norm), None) is None:
            return None
        return next((key for key in _keys(norm, False) if key in self.status), None)

    def refers_back(self, tok) -> bool:
        """A status word with an object pronoun (يستخدمه، أغلقوها، إغلاقه): it points back
        to something named before, such as the route of the clause before."""
        if tok.text.rstrip(_MARKS).endswith("\u0629"):
            return False
        return any(r.suffix in _BACK and self.status_word(r.stem) for r in readings(tok.norm))

    def purpose_of(self, tok) -> str | None:
        """The purpose a word names, through its proclitics only (every form is listed:
        inflection would read الفرات as فرّ)."""
        for key in sorted(stems(tok.norm), key=len, reverse=True):
            if key in self.purpose:
                return self.purpose[key]
        return None

    def has(self, vocab: frozenset[str], norm: str) -> bool:
        return not vocab.isdisjoint(stems(norm))

    def lifted_from(self, toks, j: int, first: int) -> bool:
        """"عن" at token ``j`` after a lift word and its barriers (رُفعت الحواجز عن طريق X):
        from the road, not "by means of"."""
        return toks[j].norm == "\u0639\u0646" and any(
            toks[k].kind == "word" and self.has(self.lift_words, toks[k].norm) for k in range(max(first, j - 5), j))

    def scope_of(self, norm: str) -> str | None:
        for s in stems(norm):
            if s in self.scope:
                return self.scope[s]
        return None


_BACK = frozenset({"\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627"})   # ه ها هم هما
_MARKS = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0640"


@lru_cache(maxsize=65536)
def _conj_stems(norm: str) -> tuple[str, ...]:
    """The word, and without و/ف (markers take no other clitic: بين، وبين، فإلى)."""
    out = [norm]
    if norm[:1] in ("\u0648", "\u0641") and len(norm) > 2:
        out.append(norm[1:])
    return tuple(out)


@lru_cache(maxsize=65536)
def _keys(norm: str, taa_marbuta: bool) -> tuple[str, ...]:
    """Citation keys a word may stand for (its stems and the lexicon's analyses), longest
    first, so "استخدمها" reaches "استخدم" and "يستخدمونه" reaches "يستخدم"."""
    keys = set(stems(norm))
    for a in load_triggers().analyze(norm):
        if not (taa_marbuta and a.suffix.endswith("\u0647")):
            keys.add(_bare(a.key))
    return tuple(sorted(keys, key=lambda k: (-len(k), k)))


def _grams(keys) -> "ahocorasick.Automaton":
    """Letter runs that any word reaching one of ``keys`` must contain: a key's first three
    letters (clitics, suffixes and noun endings come off its end or before it), and for an
    imperfect key (يستخدم) the three after its ي, which the written word may spell with ت ن ا."""
    automaton = ahocorasick.Automaton()
    for key in keys:
        for gram in {key[1:4] if key.startswith("\u064A") else key[:3]}:
            automaton.add_word(gram, gram)
    automaton.make_automaton()
    return automaton


def _by_first(entries) -> dict[str, list]:
    out: dict[str, list] = {}
    for words, value in sorted(entries, key=lambda e: -len(e[0])):
        out.setdefault(words[0], []).append((words, value))
    return out


def build(raw: dict) -> RouteCues:
    nouns: dict[tuple[str, ...], str] = {}
    for name in ("nouns", "phrases"):
        for text, kind in _section(raw, name).items():
            if kind not in KINDS:
                _fail(f"{name}: kind {kind!r} of {text!r} is not one of {sorted(KINDS)}")
            nouns[_phrase(text)] = kind
    plural = raw.get("plural")
    if not isinstance(plural, list):
        _fail('"plural" must be a list of route nouns')
    plural_set = frozenset(_phrase(w) for w in plural)
    for p in plural_set:
        if p not in nouns:
            _fail(f"plural: {' '.join(p)!r} is not a route noun or phrase")
    adjectives = {}
    for text, kind in _section(raw, "kind_adjectives").items():
        if kind is not None and kind not in KINDS:
            _fail(f"kind_adjectives: kind {kind!r} of {text!r} is not one of {sorted(KINDS)} or null")
        adjectives[_bare(normalize_key(text))] = kind
    not_route = _section(raw, "not_route")
    markers = []
    for role, items in _section(raw, "markers").items():
        if role not in ROLES:
            _fail(f"markers: unknown role {role!r} (known: {', '.join(ROLES)})")
        markers += [(tuple(normalize_key(w).split(" ")), role) for w in _word_list({role: items}, role, "markers")]
    missing = set(ROLES) - {r for _, r in markers}
    if missing:
        _fail(f"markers: no words for {', '.join(sorted(missing))}")
    terrain = [(_phrase(t), cls) for t, cls in _section(raw, "terrain").items() if isinstance(cls, str) and cls]
    status: dict[str, str] = {}
    sec = _section(raw, "status")
    for cls in STATUS:
        for w in _word_list(sec, cls, "status"):
            key = _bare(normalize_key(w))
            if " " in key:
                _fail(f"status.{cls}: {w!r} — status words are single words")
            status.setdefault(key, cls)
    purpose: dict[str, str] = {}
    for cls, items in _section(raw, "purpose").items():
        if cls not in PURPOSES:
            _fail(f"purpose: unknown purpose {cls!r} (known: {', '.join(sorted(PURPOSES))})")
        for w in _word_list({cls: items}, cls, "purpose"):
            key = _bare(normalize_key(w))
            if " " in key:
                _fail(f"purpose.{cls}: {w!r} — purpose words are single words")
            purpose.setdefault(key, cls)
    ev_purposes = _section(raw, "event_purposes")
    for t, p in ev_purposes.items():
        if t not in EVENT_TYPES or p not in PURPOSES:
            _fail(f"event_purposes: {t!r} → {p!r} needs a PLOVER type and a known purpose")
    scope: dict[str, str] = {}
    sec = _section(raw, "scope")
    for cls in SCOPES:
        for w in _word_list(sec, cls, "scope"):
            scope[_bare(normalize_key(w))] = cls
    events = {}
    for name in ("movement_events", "closing_events"):
        items = raw.get(name)
        if not isinstance(items, list) or not set(items) <= EVENT_TYPES:
            _fail(f'"{name}" must be a list of PLOVER event types')
        events[name] = frozenset(items)
    remain = _section(raw, "remain")
    context = _section(raw, "status_context")
    norm_set = lambda items: frozenset(_bare(normalize_key(w)) for w in items)  # noqa: E731
    return RouteCues(
        nouns=nouns, noun_forms=tuple(sorted(nouns.items(), key=lambda kv: -len(kv[0]))),
        noun_firsts=frozenset(w[0] for w in nouns), plural=plural_set,
        kind_adjectives=adjectives,
        not_before=norm_set(_word_list(not_route, "before", "not_route")),
        not_after=norm_set(_word_list(not_route, "after", "not_route")),
        markers=_by_first(markers),
        place_heads=norm_set(_word_list(_section(raw, "place_heads"), "words", "place_heads")),
        terrain=_by_first(terrain), status=status, status_grams=_grams(status),
        demand_words=norm_set(_word_list(context, "demand", "status_context") +
                              _word_list(context, "intent", "status_context")),
        before_words=norm_set(_word_list(context, "before", "status_context")),
        period_words=norm_set(_word_list(context, "period", "status_context")),
        keep_words=norm_set(_word_list(context, "keep", "status_context")),
        cause_words=norm_set(_word_list(context, "cause", "status_context")),
        past_words=norm_set(_word_list(context, "past", "status_context")),
        checkpoint_words=norm_set(_word_list(context, "checkpoint", "status_context")),
        checkpoint_plurals=norm_set(_word_list(context, "checkpoints", "status_context")),
        safe_written=frozenset(_word_list(context, "safe", "status_context")),
        denial_words=norm_set(_word_list(context, "denial", "status_context")),
        onset_words=norm_set(_word_list(context, "onset", "status_context")),
        traffic_words=norm_set(_word_list(context, "traffic", "status_context")),
        busy_words=norm_set(_word_list(context, "busy", "status_context")),
        state_verbs=norm_set(_word_list(context, "state_verbs", "status_context")),
        remaining_words=norm_set(_word_list(context, "remaining", "status_context")),
        unit_words=norm_set(_word_list(context, "units", "status_context")),
        seizure_words=norm_set(_word_list(context, "seizure", "status_context")),
        amid_words=norm_set(_word_list(context, "amid", "status_context")),
        exchange_words=norm_set(_word_list(context, "exchange", "status_context")),
        out_of_service=norm_set(_word_list(context, "out_of_service", "status_context")),
        out_of_service_before=norm_set(_word_list(context, "out_of_service_before", "status_context")),
        distance_words=norm_set(_word_list(context, "distance", "status_context")),
        return_words=norm_set(_word_list(context, "return", "status_context")),
        hope_words=norm_set(_word_list(context, "hope", "status_context")),
        witness_words=norm_set(_word_list(context, "witness", "status_context")),
        lift_words=norm_set(_word_list(context, "lift", "status_context")),
        barrier_words=norm_set(_word_list(context, "barriers", "status_context")),
        still_words=norm_set(_word_list(context, "still", "status_context")),
        role_words=norm_set(_word_list(context, "role", "status_context")),
        endeavour_words=norm_set(_word_list(context, "endeavour", "status_context")),
        person_roads=frozenset(normalize_key(w) for w in _word_list(_section(raw, "person_roads"), "words",
                                                                   "person_roads")),
        remain_alone=tuple(_phrase(w) for w in _word_list(remain, "alone", "remain")),
        remain_verbs=norm_set(_word_list(remain, "verbs", "remain")),
        remain_except=norm_set(_word_list(remain, "except", "remain")),
        length_words=norm_set(_word_list(_section(raw, "length"), "words", "length")),
        purpose=purpose, event_purposes=dict(ev_purposes), scope=scope,
        movement_events=events["movement_events"], closing_events=events["closing_events"],
    )


@cache
def load_route_cues() -> RouteCues:
    return build(read_json(FILE))
