"""The event trigger lexicon (``triggers.json``), validated on load, and its matcher.

The file holds knowledge: trigger entries (PLOVER type, mode, ACLED and CAMEO codes,
citation forms, argument hints), the inflection affixes the matcher may strip, and the
cue words that set an event's status. This module holds the mechanism:

* ``load_triggers()`` reads and checks the file (unknown type or mode, unknown ACLED
  names, a bad CAMEO root, an entry without forms, a form claimed by two types unless
  both entries say ``"ambiguous": true``) and raises ``MarsadError(E.KNOWLEDGE_FILE)``;
* ``TriggerLexicon.analyze(word)`` lists the citation keys a normalized word can stand
  for: proclitics (و ف ب ل ك س ال, لل) and object pronouns come from
  ``marsad.text.clitics.readings``; perfect suffixes (ت وا نا…), imperfect prefixes and
  suffixes (ي ت ن أ … ون ان ين) and noun endings (ات ة ين ون تين ا) are stripped here, so
  "وقصفت" → perfect "قصف", "سيقصفون" → imperfect "يقصف", "والغارات" → noun "غارة";
* ``TriggerLexicon.match(tokens, i)`` finds the longest trigger starting at token ``i``.
Results are cached per word, so a document costs one dictionary lookup per token.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.errors import E, MarsadError
from marsad.text.clitics import ARTICLE, FUTURE, reading_tuples
from marsad.text.normalize import normalize_key

FILE = "triggers.json"
POS = ("verb", "noun", "participle", "phrase")
GENITIVE = frozenset({"actor", "target", "none"})
_VERBAL_CLITICS = frozenset({"\u0648", "\u0641", "\u0644", FUTURE})   # و ف ل س
_NO_CANDIDATES = ((), None, None)
_EMPTY: frozenset[str] = frozenset()   # shared by the many words in no class and no phrase


class _WordTable(dict):
    """A per-word cache filled on first lookup by ``compute``: looking up a word already
    seen is one dictionary lookup with no Python call, so hot loops index it directly."""
    __slots__ = ("compute",)

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str):
        value = self[word] = self.compute(word)
        return value


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry (a lemma with its forms)."""
    index: int
    type: str
    mode: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str
    genitive: str
    specificity: float
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class Form:
    trigger: Trigger
    pos: str                     # perfect | imperfect | noun | phrase
    words: tuple[str, ...]       # normalized; one word unless a phrase
    text: str                    # as written in the file
    participle: bool = False     # an agent noun (متظاهر، قاصف): names people, governs nothing


@dataclass(frozen=True, slots=True)
class Analysis:
    key: str                     # citation key looked up in the lexicon
    pos: str                     # perfect | imperfect | noun
    prefix: str                  # proclitics as written
    suffix: str                  # object/possessive pronoun removed
    article: bool                # ال present (no construct genitive can follow)
    future: bool                 # future س on an imperfect


PHRASE_GAP = 3   # words a verb-first phrase may have between its verb and the rest (the subject)
# words that cannot stand in that gap: particles and prepositions begin another phrase
GAP_STOPS = frozenset(normalize_key(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "أنه", "إنه", "بأن", "لأن", "حتى", "بين", "منذ",
    "الذي", "التي", "الذين", "ما", "لا", "لم", "لن", "قد", "ثم", "أو", "و", "ف", "كما", "بعد", "قبل", "خلال"))


@dataclass(frozen=True, slots=True)
class OtherSense:
    """Words that give a trigger another sense: after it ("next", the four words right after)
    or anywhere in its sentence ("sentence"). ``triggers``: lexicon entry indices."""
    type: str
    triggers: frozenset[int]
    next: frozenset[str]
    sentence: frozenset[str]
    as_form: "Form | None" = None   # read the hit as this trigger form instead of dropping it


@dataclass(frozen=True, slots=True)
class Hit:
    form: Form
    first: int                   # token indices, inclusive
    last: int
    analysis: Analysis


def _fail(why: str):
    path = str(resources.files("marsad.knowledge").joinpath(FILE))
    raise MarsadError(E.KNOWLEDGE_FILE, path=path, why=why)


def _by_last_letter(endings: tuple, ending=lambda e: e) -> dict[str, tuple]:
    """letter → the ``endings`` (in their order) a word ending in that letter may end with."""
    letters = {ending(e)[-1] for e in endings if ending(e)}
    return {ch: tuple(e for e in endings if not ending(e) or ending(e)[-1] == ch) for ch in letters}


def _words(items) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in items)


class TriggerLexicon:
    def __init__(self, raw: dict):
        self.raw = raw
        infl = raw.get("inflection") or {}
        self.perfect_suffixes = tuple(sorted({normalize_key(s) for s in infl.get("perfect_suffixes", [])},
                                             key=len, reverse=True)) + ("",)
        self.imperfect_prefixes = _words(infl.get("imperfect_prefixes", []))
        self.imperfect_suffixes = tuple(sorted({normalize_key(s) for s in infl.get("imperfect_suffixes", [])},
                                               key=len, reverse=True)) + ("",)
        self.noun_endings = tuple((normalize_key(a), normalize_key(b)) for a, b in infl.get("noun_endings", []))
        # the same, by the last letter they need (an empty one fits every word): the analysis
        # of a word tries only those its stem can end with
        self._noun_endings_by = _by_last_letter(self.noun_endings, lambda e: e[0])
        self._perfect_suffixes_by = _by_last_letter(self.perfect_suffixes)
        self._imperfect_suffixes_by = _by_last_letter(self.imperfect_suffixes)
        cues = raw.get("cues") or {}
        self.cues = {k: _words(v) for k, v in cues.items()
                     if not k.startswith("_") and k not in ("embedding", "embedding_far", "reason_types")}
        # per cue class, what a multi-word cue begins with (every run of its words before a
        # space): a pair of tokens is looked up only after a word that begins one
        self.cue_openings = {k: frozenset(w[:i] for w in v for i, ch in enumerate(w) if ch == " ")
                             for k, v in self.cues.items()}
        self.embedding = frozenset(cues.get("embedding", ()))
        # of those, the types whose complement runs on over a chain of joined actions
        self.embedding_far = frozenset(cues.get("embedding_far", ()))
        self.reason_types = frozenset(cues.get("reason_types", ()))
        heads = raw.get("argument_heads") or {}
        self.agent_heads = _words(heads.get("agent", ()))
        self.patient_heads = _words(heads.get("patient", ()))
        self.triggers: list[Trigger] = []
        self.single: dict[tuple[str, str], list[Form]] = {}     # (key, pos) → forms
        self.phrases: dict[str, list[Form]] = {}                 # first-word key → longest first
        self._analyses: dict[str, tuple[Analysis, ...]] = {}
        self._nkeys: dict[str, frozenset[str]] = {}
        self._cands: dict[str, tuple] = {}
        # word → whether ``candidates(word)`` finds anything (``may_trigger``, as a table)
        self.can_trigger: dict[str, bool] = _WordTable(self._can_trigger)
        self._has: dict[tuple[str, str], bool] = {}
        # word → its cue classes (``classes``, as a table)
        self.classes_of: dict[str, frozenset[str]] = _WordTable(self._classes)
        # cue word → the classes it belongs to, so a word's classes take one lookup per reading
        self._cue_index: dict[str, set[str]] = {}
        for cls, vocab in self.cues.items():
            for w in vocab:
                self._cue_index.setdefault(w, set()).add(cls)
        self._load(raw)
        self._forms_by: dict[tuple, Form | None] = {}
        self.senses = self._load_senses(raw.get("senses") or {})

    # ---- loading and validation
    def _load_senses(self, raw: dict) -> tuple["OtherSense", ...]:
        """The "senses" section: when a trigger word means something else (see its _doc)."""
        types = raw_types = self.raw.get("types") or {}
        out = []
        for n, e in enumerate(raw.get("entries") or ()):
            where = f"senses entry #{n + 1}"
            if e.get("type") not in types:
                _fail(f"{where}: unknown type {e.get('type')!r} (known: {', '.join(raw_types)})")
            if not e.get("next") and not e.get("sentence"):
                _fail(f"{where}: needs 'next' or 'sentence' words")
            wanted = set(e.get("triggers") or ())
            indices = frozenset(t.index for t in self.triggers if t.type == e["type"] and (not wanted or wanted & set(
                sum((self.raw["triggers"][t.index].get(k) or [] for k in ("verb", "noun", "participle", "phrase")), []))))
            if wanted and not indices:
                _fail(f"{where}: none of {sorted(wanted)} is a {e['type']} trigger")
            as_form = None
            if e.get("as"):
                as_form = self.form_of(e["as"].get("type"), e["as"].get("mode"))
                if as_form is None:
                    _fail(f"{where}: 'as' {e['as']!r} names no single-word trigger's type and mode")
            out.append(OtherSense(e["type"], indices, _words(e.get("next") or ()), _words(e.get("sentence") or ()),
                                  as_form))
        return tuple(out)

    def _load(self, raw: dict) -> None:
        types = raw.get("types")
        acled = raw.get("acled")
        if not isinstance(types, dict) or not isinstance(acled, dict) or not isinstance(raw.get("triggers"), list):
            _fail('needs the sections "types", "acled" and "triggers"')
        owners: dict[tuple[str, str], list[Trigger]] = {}
        for n, e in enumerate(raw["triggers"]):
            where = f"trigger #{n + 1} ({(e.get('verb') or e.get('noun') or e.get('phrase') or ['?'])[0]})"
            t = e.get("type")
            if t not in types:
                _fail(f"{where}: unknown type {t!r} (known: {', '.join(types)})")
            if e.get("mode") not in types[t]["modes"]:
                _fail(f"{where}: unknown mode {e.get('mode')!r} for {t} (known: {', '.join(types[t]['modes'])})")
            at, sub = e.get("acled_event_type"), e.get("acled_sub_event_type")
            if (at is None) != (sub is None) or (at is not None and sub not in acled.get(at, ())):
                _fail(f"{where}: unknown ACLED type/sub-type {at!r}/{sub!r}")
            cameo = e.get("cameo_root") or types[t].get("cameo_root")
            if not (isinstance(cameo, str) and len(cameo) == 2 and cameo.isdigit() and 1 <= int(cameo) <= 20):
                _fail(f"{where}: cameo_root must be a two-digit CAMEO root 01–20, got {cameo!r}")
            gen = e.get("genitive", "actor")
            if gen not in GENITIVE:
                _fail(f"{where}: genitive must be one of {sorted(GENITIVE)}, got {gen!r}")
            spec = e.get("specificity", 0.7)
            if not isinstance(spec, (int, float)) or not 0 < spec <= 1:
                _fail(f"{where}: specificity must be a number in (0, 1], got {spec!r}")
            forms = [(pos, f) for pos in POS for f in e.get(pos) or ()]
            if not forms or any(not isinstance(f, str) or not normalize_key(f) for _, f in forms):
                _fail(f"{where}: empty forms (give at least one non-empty verb, noun, participle or phrase)")
            trig = Trigger(n, t, e["mode"], at, sub, cameo, gen, float(spec), bool(e.get("ambiguous")))
            self.triggers.append(trig)
            for pos, text in forms:
                for form in self._forms(trig, pos, text):
                    key = (" ".join(form.words), form.pos)
                    owners.setdefault(key, []).append(trig)
                    self._index(form)
        for (key, pos), trigs in owners.items():
            kinds = {tr.type for tr in trigs}
            if len(kinds) > 1 and not all(tr.ambiguous for tr in trigs):
                _fail(f"the form {key!r} ({pos}) is listed under {' and '.join(sorted(kinds))}; "
                      'mark both entries "ambiguous": true or remove one')
        for forms in self.phrases.values():
            forms.sort(key=lambda f: -len(f.words))
        self._hit_stems = self._stems_reaching({k for k, _ in self.single} | set(self.phrases))
        # the words after the first of a phrase: all noun_keys needs to know of a word
        self._later_words = frozenset(w for forms in self.phrases.values() for f in forms for w in f.words[1:])
        self._later_stems = self._stems_reaching(self._later_words)

    def _stems_reaching(self, keys) -> frozenset[str]:
        """Pre-filter for ``candidates`` and ``noun_keys``: most words cannot reach any of
        ``keys``, and proving that is far cheaper than analysing them. ``_analysis_tuples``
        derives every key from a clitic reading's stem by dropping ال, a noun ending (maybe
        replaced by ه), a perfect suffix, or an imperfect prefix and suffix (adding ي).
        Inverting those steps for every key gives the finite set of stems that can reach
        one; a word whose readings have none of them reaches none."""
        stems: set[str] = set()
        for key in keys:
            bases = {key}
            for end, rep in self.noun_endings:
                if key.endswith(rep):
                    bases.add(key[: len(key) - len(rep)] + end)
            if key.endswith("\u0627\u0621"):   # لقاء before a pronoun: لقائه، لقاؤه
                bases |= {b[:-1] + seat for b in bases if b.endswith("\u0621") for seat in "\u064A\u0648"}
            stems.update(bases)
            stems.update(ARTICLE + b for b in bases)
            stems.update(key + suf for suf in self.perfect_suffixes)
            if key.startswith("\u064A"):
                stems.update(p + key[1:] + suf for p in self.imperfect_prefixes for suf in self.imperfect_suffixes)
        return frozenset(stems)

    def _may_hit(self, word: str, hit_stems: frozenset[str] | None = None) -> bool:
        # the readings are cached and usually already computed by earlier stages
        hit_stems = self._hit_stems if hit_stems is None else hit_stems
        for _, stem, _, _ in reading_tuples(word):
            if stem in hit_stems:
                return True
        return False

    def _forms(self, trig: Trigger, pos: str, text: str):
        words = tuple(normalize_key(text).split(" "))
        if len(words) > 1:   # a noun of two words (القائمة السوداء) is a phrase too
            yield Form(trig, "phrase", words, text)
        elif pos == "verb":
            w = words[0]
            imperfect = w[0] == "\u064A" and len(w) >= 3      # citation imperfect: يقصف
            yield Form(trig, "imperfect" if imperfect else "perfect", (w,), text)
        else:
            yield Form(trig, "noun", (words[0],), text, participle=pos == "participle")

    def _index(self, form: Form) -> None:
        if form.pos == "phrase":
            firsts = {a.key for a in self.analyze(form.words[0])} | {form.words[0]}
            for k in firsts:
                lst = self.phrases.setdefault(k, [])
                if form not in lst:
                    lst.append(form)
        else:
            self.single.setdefault((form.words[0], form.pos), []).append(form)

    # ---- forms, for rules that read words as a trigger of the lexicon
    def phrase_form(self, words: tuple[str, ...]) -> Form | None:
        """The phrase of these normalized words (اطلق النار), if the lexicon has it (cached)."""
        key = ("phrase", words)
        if key not in self._forms_by:
            self._forms_by[key] = next((f for f in self.phrases.get(words[0], ()) if f.words == words), None)
        return self._forms_by[key]

    def form_of(self, type_: str, mode: str, phrase: bool = False) -> Form | None:
        """The first single-word form (not a participle) or, with ``phrase``, the first phrase
        of this type and mode (cached): سلّمه رسالة read as a meeting, عليه ضرورة as an obligation."""
        key = (type_, mode, phrase)
        if key not in self._forms_by:
            pool = self.phrases.values() if phrase else self.single.values()
            self._forms_by[key] = next((f for forms in pool for f in forms if f.trigger.type == type_
                                        and f.trigger.mode == mode and not f.participle), None)
        return self._forms_by[key]

    # ---- analysis
    def analyze(self, word: str) -> tuple[Analysis, ...]:
        """Every (citation key, part of speech) a normalized word may stand for (cached)."""
        hit = self._analyses.get(word)
        if hit is None:
            hit = self._analyses[word] = tuple(Analysis(*a) for a in self._analysis_tuples(word))
        return hit

    def _analysis_tuples(self, word: str, reaching: frozenset[str] | None = None) -> list[tuple]:
        """``analyze`` as plain (key, pos, prefix, suffix, article, future) tuples, uncached:
        ``candidates`` keeps only the few that hit the lexicon, so it need not build (nor
        cache, for the garbage collector to re-scan) an Analysis for every reading.
        ``reaching``: stems from ``_stems_reaching``; only readings with such a stem are
        analysed, as no other can give one of its keys (the keys such a caller keeps)."""
        out: list[tuple] = []
        seen = set()

        def add(key, pos, prefix, suffix, article, future=False):
            if len(key) >= 2 and (key, pos) not in seen:
                seen.add((key, pos))
                out.append((key, pos, prefix, suffix, article, future))

        for prefix, s, suffix, procl in reading_tuples(word):
            if reaching is not None and s not in reaching:
                continue
            article = s.startswith(ARTICLE) or ARTICLE in procl
            # nouns: with and without the article, then their endings. A final ي is "my" only
            # after a ت (زيارتي); elsewhere it is far likelier a nisba (اجتماعي social, هجومي offensive)
            if FUTURE not in procl and not (suffix == "\u064A" and not s.endswith("\u062A")):
                bases = [s, s[2:]] if s.startswith(ARTICLE) and len(s) > 3 else [s]
                if suffix and len(s) > 3 and s[-2] == "\u0627" and s[-1] in "\u064A\u0648":
                    # a final hamza takes a seat before a pronoun: لقائه، لقاؤه are لقاء
                    bases += [b[:-1] + "\u0621" for b in bases]
                for b in bases:
                    add(b, "noun", prefix, suffix, article)
                    for end, rep in self._noun_endings_by.get(b[-1:], ()):
                        if b.endswith(end) and len(b) - len(end) >= 2:
                            add(b[: len(b) - len(end)] + rep, "noun", prefix, suffix, article)
            # verbs take no article, but some begin with ال (التقى، الغى): only a written
            # contracted article (لل) rules a verb out
            # verbs take no article; ي is a noun's possessive, never a verb's object (that is ني)
            if ARTICLE in procl or not set(procl) <= _VERBAL_CLITICS or suffix == "\u064A":
                continue
            if "\u0644" not in procl and FUTURE not in procl:
                for suf in self._perfect_suffixes_by.get(s[-1:], ("",)):
                    if s.endswith(suf) and len(s) - len(suf) >= 2:
                        add(s[: len(s) - len(suf)] if suf else s, "perfect", prefix, suffix, False)
            if len(s) >= 3 and s[0] in self.imperfect_prefixes:
                rest = s[1:]
                # the first person أ on a two-letter stem is far likelier part of another word
                # (سافر travelled, not سأفرّ "I will flee"): it needs a longer stem
                shortest = 3 if s[0] == "\u0627" else 2
                for suf in self._imperfect_suffixes_by.get(rest[-1:], ("",)):
                    if rest.endswith(suf) and len(rest) - len(suf) >= shortest:
                        add("\u064A" + (rest[: len(rest) - len(suf)] if suf else rest), "imperfect", prefix,
                            suffix, False, FUTURE in procl)
        return out

    def noun_keys(self, word: str) -> frozenset[str]:
        """The later words of the lexicon's phrases that a word may stand for: the word
        itself and its noun citation keys, kept only where a phrase has them after its
        first word (all that matching a phrase asks of them). Cached per word; most words
        share one empty set."""
        hit = self._nkeys.get(word)
        if hit is None:
            later = self._later_words
            found = {word} & later
            if self._may_hit(word, self._later_stems):
                # from the analysis tuples, so the Analysis objects are not built and cached
                found.update(a[0] for a in self._analysis_tuples(word, self._later_stems)
                             if a[1] == "noun" and a[0] in later)
            hit = self._nkeys[word] = frozenset(found) if found else _EMPTY
        return hit

    def candidates(self, word: str, taa_marbuta: bool = False):
        """(phrase candidates, best single-word hit, best verb-first hit) for a word (cached).
        ``taa_marbuta``: the word is written with a final ة, which normalization turned into
        ه; it then cannot end in the pronoun ه (وزارة is not "he visited him", طلبة
        students is not "his request")."""
        hit = self._cands.get((word, taa_marbuta))
        if hit is not None:
            return hit
        if not self._may_hit(word):
            hit = self._cands[(word, taa_marbuta)] = _NO_CANDIDATES
            return hit
        # only analyses whose key is in the lexicon can contribute below, so only those
        # become Analysis objects (in analyze's order)
        single, phrase_forms = self.single, self.phrases
        analyses = tuple(Analysis(*a) for a in self._analysis_tuples(word, self._hit_stems)
                         if (a[0] in phrase_forms or (a[0], a[1]) in single)
                         and not (taa_marbuta and a[3].endswith("\u0647")))
        if not analyses:
            hit = self._cands[(word, taa_marbuta)] = _NO_CANDIDATES
            return hit
        phrases = tuple((a, f) for a in analyses for f in self.phrases.get(a.key, ()))
        phrases = tuple(sorted(phrases, key=lambda af: -len(af[1].words)))

        def single(order):
            for a in order:
                forms = self.single.get((a.key, a.pos))
                if forms:
                    return a, max(forms, key=lambda f: f.trigger.specificity)
            return None
        hit = self._cands[(word, taa_marbuta)] = (phrases, single(analyses),
                                   single(sorted(analyses, key=lambda a: a.pos == "noun")))
        return hit

    def may_trigger(self, word: str) -> bool:
        """Whether ``candidates(word)`` finds anything; cached per word form (a plain
        yes/no: most words of a document trigger nothing). ``can_trigger[word]`` is the same
        without the call."""
        return self.can_trigger[word]

    def _can_trigger(self, word: str) -> bool:
        # most words cannot reach the lexicon: they are not cached in candidates' table too
        return self._may_hit(word) and self.candidates(word) != _NO_CANDIDATES

    def match(self, tokens: list, i: int, usable=lambda j: True, prefer_verb: bool = False) -> Hit | None:
        """The longest trigger starting at token ``i`` (phrases first, then single words;
        among single words the reading that strips least, verb readings first when
        ``prefer_verb``: after الذي, قد, لم…)."""
        tok = tokens[i]
        phrases, plain, verb_first = self.candidates(tok.norm, _ends_with_taa_marbuta(tok.text))
        # every phrase has a second word: a phrase whose second word is not the next word's
        # is passed with one set test
        nxt = tokens[i + 1] if phrases and i + 1 < len(tokens) else None
        second = self.noun_keys(nxt.norm) if nxt is not None and nxt.kind == "word" else _EMPTY
        for a, form in phrases:
            if form.words[1] not in second:
                continue
            n = len(form.words)
            if i + n > len(tokens) or not all(usable(i + k) for k in range(1, n)):
                continue
            if all(tokens[i + k].kind == "word" and form.words[k] in self.noun_keys(tokens[i + k].norm)
                   for k in range(1, n)):
                return Hit(form, i, i + n - 1, a)
        verb_phrases = [(a, form) for a, form in phrases if a.pos in ("perfect", "imperfect")]
        if verb_phrases:   # VSO: the subject between a verb and the rest of its phrase
            gap = self._subject_gap(tokens, i)
            # what the rest of a phrase may begin with after 1..gap subject words: a phrase
            # whose second word is none of these cannot be split there
            rest_starts = set().union(*[self.noun_keys(tokens[k].norm)
                                        for k in range(i + 2, min(i + gap + 2, len(tokens)))])
            for a, form in verb_phrases:
                if form.words[1] not in rest_starts:
                    continue
                hit = self._split_phrase(tokens, i, a, form, usable, gap)
                if hit is not None:
                    return hit
        chosen = verb_first if prefer_verb else plain
        if chosen is None:
            return None
        return Hit(chosen[1], i, i, chosen[0])

    def _subject_gap(self, tokens: list, i: int) -> int:
        """How many words after token ``i`` may be a subject: up to PHRASE_GAP, stopping at
        punctuation, a particle or a preposition (those would start another phrase)."""
        gap = 0
        while gap < PHRASE_GAP and i + gap + 1 < len(tokens):
            t = tokens[i + gap + 1]
            if t.kind != "word" or t.norm in GAP_STOPS:
                break
            gap += 1
        return gap

    def _split_phrase(self, tokens: list, i: int, a: Analysis, form: Form, usable, gap: int) -> Hit | None:
        """A verb-first phrase with its subject after the verb (أطلق جنود الاحتلال النار، أعرب
        المتحدث عن أمله، قطعت القوات الطريق): the rest of the phrase right after 1..``gap``
        words (the subject's words may be a name; only the phrase's must be free)."""
        n = len(form.words)
        for g in range(1, gap + 1):
            k0 = i + g
            if k0 + n - 1 >= len(tokens) or form.words[1] not in self.noun_keys(tokens[k0 + 1].norm):
                continue
            if all(usable(k0 + k) and tokens[k0 + k].kind == "word" and form.words[k] in self.noun_keys(tokens[k0 + k].norm)
                   for k in range(1, n)):
                return Hit(form, i, i, a)   # the verb is the trigger; the subject stays an argument
        return None

    def classes(self, word: str) -> frozenset[str]:
        """The cue classes (negation, denial, plan…) a word belongs to (cached;
        ``classes_of[word]`` is the same without the call)."""
        return self.classes_of[word]

    def _classes(self, word: str) -> frozenset[str]:
        found = set(self._cue_index.get(word, ()))
        for _, stem, suffix, _ in reading_tuples(word):
            if not suffix:
                found |= self._cue_index.get(stem, set())
        # most words are in no class: share one empty set rather than cache one each
        return frozenset(found) if found else _EMPTY

    def has(self, cue: str, word: str) -> bool:
        """Whether ``word`` (through its proclitics) is one of the cue words ``cue``."""
        key = (cue, word)
        hit = self._has.get(key)
        if hit is None:
            vocab = self.cues.get(cue, frozenset())
            hit = self._has[key] = word in vocab or any(stem in vocab for _, stem, suffix, _ in reading_tuples(word)
                                                           if not suffix)
        return hit


_MARKS = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0640"


def _ends_with_taa_marbuta(text: str) -> bool:
    return text.rstrip(_MARKS).endswith("\u0629")


@cache
def load_triggers() -> TriggerLexicon:
    path = resources.files("marsad.knowledge").joinpath(FILE)
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise MarsadError(E.KNOWLEDGE_FILE, path=str(path), why=str(exc)) from None
    return TriggerLexicon(raw)


def count_forms(lexicon: TriggerLexicon) -> dict[str, int]:
    """Number of trigger forms per PLOVER type."""
    out: dict[str, int] = {}
    for e in lexicon.raw["triggers"]:
        out[e["type"]] = out.get(e["type"], 0) + sum(len(e.get(p) or ()) for p in POS)
    return out
