"""The sources stage: who, in the text, says so – and which sentences each one covers.

Cues (``knowledge/attribution.json``), tried at each token of the body:
  verb          أفادت مصادر …  /  قال المتحدث …  (subject after the verb), or
                ضباطا في جهاز … ذكروا أن  /  شهود عيان قالوا  (subject before it);
                a verb with no subject is the current source speaking on (وأضاف، وقال إن).
  نقل … عن      نقلت وكالة … عن مصدر: the source is the one quoted, the agency its outlet.
  preposition   بحسب / وفقاً لـ / نقلاً عن / على لسان + noun phrase.
  masdar        إعلانُ فصائل المعارضة أنها …  (only with a named or known speaker).
  channel       جاء في بيان لوزارة الداخلية: the owner after لـ/عن is the source; after a
                source, "في بيان" only records the channel.
A source is the noun phrase of the speaker. After it, "لـ«أخبار الآن»" names the outlet
the statement was given to (``knowledge/outlets.json``). ``anonymous`` is true for an
unnamed head (مصادر، ضباط، خبراء، شهود …) unless a named person speaks; an ORG mention
inside gives ``actor``, a PERS mention ``person``. ``governs`` lists the sentences a
source covers: from its own sentence up to the next source's sentence.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.doc import Doc
from marsad.errors import E, MarsadError
from marsad.knowledge import outlets, read_json
from marsad.pipeline import stage
from marsad.text.normalize import normalize_key
from marsad.text.screen import passing

MAX_NP = 9              # words in a source phrase
MAX_BACK = 8            # words back from a verb to the start of its subject
QUOTE = '"'
ANAPHORIC = frozenset(normalize_key(w) for w in ("المصدر", "المصادر", "الضابط", "المسؤول", "الخبير", "الشاهد"))
PREPS_IN_NP = frozenset(normalize_key(w) for w in ("في", "من", "باسم", "بإسم", "داخل"))


@dataclass(frozen=True)
class AttributionCues:
    verbs: dict[str, str]                   # written form → lemma
    continuation: frozenset[str]
    masdars: frozenset[str]
    preps: dict[tuple[str, ...], str]       # phrase → as written
    channels: frozenset[str]
    anonymous: frozenset[str]
    institutions: frozenset[str]
    stops: frozenset[str]
    bounds: frozenset[str]
    outlets: dict[tuple[str, ...], dict]    # outlet name words → outlet record


def _words(items) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in items)


@cache
def attribution_cues() -> AttributionCues:
    name = "attribution.json"
    raw = read_json(name)
    try:
        verbs = {}
        for lemma, forms in raw["verbs"].items():
            if lemma.startswith("_"):
                continue
            if not isinstance(forms, list) or not forms:
                raise MarsadError(E.KNOWLEDGE_FILE, path=name, why=f"verb {lemma!r} needs a list of forms")
            for form in forms:
                verbs[normalize_key(form)] = lemma
        return AttributionCues(
            verbs=verbs,
            continuation=_words(raw["continuation_verbs"]),
            masdars=_words(raw["masdars"]),
            preps={tuple(normalize_key(p).split()): p for p in raw["prepositions"]},
            channels=_words(raw["channels"]),
            anonymous=_words(raw["anonymous_heads"]),
            institutions=_words(raw["institution_heads"]),
            stops=_words(raw["np_stops"]),
            bounds=_words(raw["clause_boundaries"]),
            outlets={tuple(k.split()): rec for k, rec in outlets().items()},
        )
    except KeyError as exc:
        raise MarsadError(E.KNOWLEDGE_FILE, path=name, why=f"missing section {exc}") from None


def _conj(norm: str) -> tuple[str, ...]:
    """The word, and without a leading conjunction و/ف (وأضاف → أضاف). Not cached: it costs
    no more than a cache lookup, and a cache would hold every word of a batch."""
    if len(norm) > 3 and norm[0] in "وف":
        return (norm, norm[1:])
    return (norm,)


@lru_cache(maxsize=1 << 15)
def _prep(norm: str) -> tuple[str, ...]:
    """The word, and without a leading ل/ب (لوزارة → وزارة, للجيش → الجيش)."""
    out = [norm]
    if len(norm) > 3 and norm.startswith("لل"):
        out.append("ال" + norm[2:])
    elif len(norm) > 3 and norm[0] in "لب":
        out.append(norm[1:])
    return tuple(out)


def _skip_letters(tok, count: int) -> int:
    """Offset in the original text after ``count`` letters of the token (marks skipped)."""
    pos = letters = 0
    while pos < len(tok.text) and letters < count:
        if not ("\u064B" <= tok.text[pos] <= "\u065F" or tok.text[pos] in "\u0640\u0670"):
            letters += 1
        pos += 1
    return tok.start + pos


def source_of_sentence(doc: Doc, sentence_index: int) -> str | None:
    """The id of the source a sentence is attributed to (the first that governs it), or None."""
    for s in doc.sources:
        if sentence_index in s.get("governs", ()):
            return s["id"]
    return None


def source_at(doc: Doc, offset: int) -> str | None:
    """The source of a claim at ``offset``: the last source before it in its sentence, the
    sentence's first source if the claim comes before it, else the governing source."""
    starts = [s.start for s in doc.sentences]
    idx = bisect.bisect_right(starts, offset) - 1
    if idx < 0:
        return None
    here = [s for s in doc.sources if s.get("sentence") == idx]
    if here:
        before = [s for s in here if s["start"] <= offset]
        return (before[-1] if before else here[0])["id"]
    return source_of_sentence(doc, idx)


@stage("sources", requires=("sentences", "tokens", "mentions"), assigns=("sources",))
def make_sources(**_):
    cues = attribution_cues()
    max_prep = max(len(k) for k in cues.preps)
    max_outlet = max(len(k) for k in cues.outlets)
    heads = cues.anonymous | cues.institutions | cues.channels
    prep_first = frozenset(k[0] for k in cues.preps)
    cue_words = prep_first | frozenset(cues.verbs) | cues.continuation | cues.masdars | {"في"}
    is_cue_cache: dict[str, tuple[bool, bool]] = {}

    def cue_kind(norm: str) -> tuple[bool, bool]:
        """(may start a prepositional cue, may be any cue word) – cached per word."""
        hit = is_cue_cache.get(norm)
        if hit is None:
            stems = _conj(norm)
            hit = is_cue_cache[norm] = (any(st in prep_first for st in stems),
                                        any(st in cue_words for st in stems))
        return hit

    cue_word_cache: dict[str, bool] = {}

    def is_cue_word(norm: str) -> bool:
        return cue_kind(norm)[1]

    def sources(doc: Doc) -> Doc:
        toks, n = doc.tokens, len(doc.tokens)
        starts = [t.start for t in toks]
        sent_starts = [s.start for s in doc.sentences]
        mention_at: dict[int, object] = {}          # token → covering ORG/PERS mention
        for m in doc.mentions:
            if m.label in ("ORG", "PERS") and m.ref:
                i = bisect.bisect_left(starts, m.start)
                while i < n and toks[i].start < m.end:
                    if i not in mention_at or mention_at[i].label == "ORG" and m.label == "PERS":
                        mention_at[i] = m
                    i += 1

        def word(i) -> bool:
            return 0 <= i < n and toks[i].kind == "word"

        def sentence_of(i) -> int:
            return max(0, bisect.bisect_right(sent_starts, toks[i].start) - 1)

        def is_verb(i) -> bool:
            return any(k in cues.verbs or k in cues.continuation for k in _conj(toks[i].norm))

        def outlet_at(i) -> tuple[dict, int] | None:
            """An outlet the statement was given to: لـ«أخبار الآن», لوكالة فرانس برس."""
            k, quoted = i, False
            while k < n and toks[k].norm in (QUOTE, "ل"):
                quoted |= toks[k].norm == QUOTE
                k += 1
            if not word(k):
                return None
            lam = toks[k].norm.startswith("ل") or (k > i and toks[k - 1].norm == "ل") or \
                (k > i + 1 and toks[k - 2].norm == "ل")
            for size in range(min(max_outlet, n - k), 0, -1):
                rest = tuple(toks[j].norm for j in range(k + 1, k + size))
                for first in _prep(toks[k].norm):
                    rec = cues.outlets.get((first,) + rest)
                    if rec and (lam or quoted):
                        end = k + size
                        while end < n and toks[end].norm == QUOTE and quoted:
                            end += 1
                            quoted = False
                        return rec, end
            return None

        def outlet_named(k) -> int:
            """End token of an outlet named at k (رويترز، وكالة فرانس برس), else 0."""
            for size in range(min(max_outlet, n - k), 0, -1):
                if cues.outlets.get(tuple(toks[j].norm for j in range(k, k + size))):
                    return k + size
            return 0

        def head_ok(i, keys) -> bool:
            return bool(set(keys) & heads) or i in mention_at

        def np_forward(i, strip=False):
            """(start token, end token, next-coordinated token | None) of a source phrase."""
            k = i
            while k < n and toks[k].norm == "ل" and strip:
                k += 1
            if not word(k) and k not in mention_at:
                return None
            keys = _prep(toks[k].norm) if strip else _conj(toks[k].norm)
            named = outlet_named(k)
            if named and not head_ok(k, keys):
                return k, named, None
            if toks[k].norm in cues.stops or is_verb(k) or not head_ok(k, keys) and not strip:
                return None
            if strip and not head_ok(k, keys) and not any(x.startswith("ال") for x in keys):
                return None
            head_channel = bool(set(keys) & cues.channels)
            end, used_prep = k + 1, False
            while end < n and end - k < MAX_NP:
                m = mention_at.get(end)
                if m is not None:
                    while end < n and toks[end].start < m.end:
                        end += 1
                    continue
                if not word(end):
                    break
                key = toks[end].norm
                if key in cues.stops or is_verb(end) or key in cues.masdars:
                    break
                if key in PREPS_IN_NP:
                    nxt = end + 1
                    if used_prep or not word(nxt) and nxt not in mention_at or toks[nxt].norm in cues.channels:
                        break
                    used_prep = key in ("في", "من", "داخل")
                    end += 1
                    continue
                if key[0] in "وف" and len(key) > 3:
                    if key[0] == "و" and (key[1:] in heads or end in mention_at):
                        return k, end, end
                    break
                if key[0] == "ل" and not key.startswith("ال"):
                    if outlet_at(end):
                        break
                    if head_channel or (word(end + 1) and toks[end + 1].norm.startswith("ال")
                                        and not key.startswith("لل")):
                        end += 1
                        continue
                    break
                if key.startswith("ال") or end - k <= 2:
                    end += 1
                    continue
                break
            return k, end, None

        def np_backward(v):
            k = v - 1
            while k >= 0 and v - k <= MAX_BACK and (word(k) or k in mention_at) and sentence_of(k) == sentence_of(v):
                stems = _conj(toks[k].norm)
                if k not in mention_at and (set(stems) & cues.bounds or match_prep(k) or is_verb(k)):
                    break
                k -= 1
            start = k + 1
            if start >= v:
                return None
            if not head_ok(start, _conj(toks[start].norm)):
                return None
            return start, v

        def match_prep(i):
            if not cue_kind(toks[i].norm)[0]:
                return None
            for size in range(min(max_prep, n - i), 0, -1):
                if not all(word(j) for j in range(i, i + size)):
                    continue
                rest = tuple(toks[j].norm for j in range(i + 1, i + size))
                for first in _conj(toks[i].norm):
                    hit = cues.preps.get((first,) + rest)
                    if hit:
                        return size, hit
            return None

        found: list[dict] = []

        def add(s, e, cue, outlet=None, strip=False) -> dict | None:
            tok = toks[s]
            start = tok.start
            if strip or tok.norm[0] == "و":
                for key in (_prep(tok.norm) + _conj(tok.norm))[1:]:
                    if key in heads or key.startswith("ال"):
                        start = _skip_letters(tok, len(tok.norm) - len(key) + (1 if tok.norm.startswith("لل") and strip else 0))
                        break
            end = toks[e - 1].end
            for f in found:
                if f["start"] < end and start < f["end"]:
                    if outlet and not f["outlet"]:
                        f["outlet"] = outlet
                    return None
            keys = set()
            for j in range(s, e):
                keys.update(_prep(toks[j].norm) + _conj(toks[j].norm))
            person = actor = None
            for j in range(s, e):
                m = mention_at.get(j)
                if m is not None and m.label == "PERS" and person is None:
                    person = m.ref
                if m is not None and m.label == "ORG" and actor is None:
                    actor = m.ref
            head = set(_conj(toks[s].norm) + _prep(toks[s].norm))
            text = doc.text[start:end]
            agency = cues.outlets.get(tuple(normalize_key(text).split()))
            if person:
                anonymous = False
            elif head & cues.anonymous:
                anonymous = True
            else:
                anonymous = not (actor or agency or head & cues.institutions or head & cues.channels
                                 or any(k.startswith("ال") for k in head))
            rec = {"start": start, "end": end, "text": text, "anonymous": anonymous, "actor": actor,
                   "person": person, "outlet": outlet, "agency": agency["id"] if agency else None,
                   "cue": cue, "channel": None, "sentence": sentence_of(s), "_end_tok": e}
            found.append(rec)
            return rec

        def after_np(e):
            """Outlet and channel written after a source phrase."""
            hit = outlet_at(e) if e < n else None
            return (hit[0]["id"], hit[1]) if hit else (None, e)

        i = bisect.bisect_left(starts, doc.body_start)
        cue_at = passing(toks, is_cue_word, cue_word_cache)   # the words that may be a cue, in order
        while True:
            c = bisect.bisect_left(cue_at, i)   # on to the next of them
            if c == len(cue_at):
                break
            i = cue_at[c]
            norm = toks[i].norm
            conj = _conj(norm)
            prep = match_prep(i)
            if prep:
                size, _ = prep
                written = doc.text[toks[i].start:toks[i + size - 1].end]
                at = i + size
                np = np_forward(at, strip=True)
                while np:
                    s, e, coord = np
                    outlet, e2 = after_np(e)
                    add(s, e, written, outlet, strip=True)
                    i = e2
                    np = np_forward(coord, strip=False) if coord is not None else None
                i = max(i, at)
                continue
            lemma = next((cues.verbs[k] for k in conj if k in cues.verbs), None)
            if lemma or any(k in cues.continuation for k in conj):
                cue = toks[i].text
                np = np_forward(i + 1)
                if np and lemma is None and toks[np[0]].norm in ANAPHORIC:
                    np = None           # وأضاف المصدر: the same source goes on
                if np:
                    s, e, coord = np
                    outlet, e2 = after_np(e)
                    if lemma == "نقل" and e2 < n and toks[e2].norm == "عن":
                        agency = outlet_at(s) or None
                        quoted = np_forward(e2 + 1, strip=False)
                        if quoted:
                            rec = add(quoted[0], quoted[1], cue, None)
                            if rec:
                                ag = cues.outlets.get(tuple(normalize_key(doc.text[toks[s].start:toks[e - 1].end]).split()))
                                rec["outlet"] = ag["id"] if ag else (agency[0]["id"] if agency else None)
                            i = quoted[1]
                            continue
                    add(s, e, cue, outlet)
                    while coord is not None:
                        np2 = np_forward(coord)
                        if not np2:
                            break
                        add(np2[0], np2[1], cue, outlet)
                        coord = np2[2]
                    i = max(e2, i + 1)
                    continue
                back = np_backward(i) if lemma else None
                outlet, e2 = after_np(i + 1 + (1 if i + 1 < n and toks[i + 1].norm in cues.stops else 0))
                if back:
                    add(back[0], back[1], cue, outlet)
                elif outlet and found and found[-1]["sentence"] == sentence_of(i) and not found[-1]["outlet"]:
                    found[-1]["outlet"] = outlet
                i += 1
                continue
            if any(k in cues.masdars for k in conj) and not (i > 0 and toks[i - 1].norm == "في"):
                np = np_forward(i + 1)
                if np and any(j in mention_at for j in range(np[0], np[1])):
                    add(np[0], np[1], toks[i].text)
                    i = np[1]
                    continue
            if norm == "في" and word(i + 1) and toks[i + 1].norm in cues.channels:
                j = i + 2
                hit = outlet_at(j)
                last = found[-1] if found else None
                attached = last is not None and last["sentence"] == sentence_of(i) and last["_end_tok"] >= i - 3
                if hit:
                    if attached and not last["outlet"]:
                        last["outlet"] = hit[0]["id"]
                elif attached:
                    last["channel"] = toks[i + 1].text
                else:
                    if j < n and toks[j].norm in ("صادر", "صادره") and j + 1 < n and toks[j + 1].norm == "عن":
                        j += 2
                    np = np_forward(j, strip=True)
                    if np:
                        rec = add(np[0], np[1], f"في {toks[i + 1].text}", strip=True)
                        if rec:
                            rec["channel"] = toks[i + 1].text
                            rec["anonymous"] = rec["anonymous"] and not rec["actor"]
                        i = np[1]
                        continue
                i += 2
                continue
            i += 1

        found.sort(key=lambda f: f["start"])
        n_sent = max(1, len(doc.sentences))
        for k, f in enumerate(found):
            f["id"] = f"source:{k + 1}"
            nxt = found[k + 1]["sentence"] if k + 1 < len(found) else n_sent
            f["governs"] = list(range(f["sentence"], max(f["sentence"] + 1, nxt)))
            del f["_end_tok"]
        doc.sources = [{"id": f["id"], **{k: v for k, v in f.items() if k != "id"}} for f in found]
        return doc

    return sources
