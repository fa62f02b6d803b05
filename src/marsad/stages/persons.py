"""The persons stage: people a report names, with their role and organisation.

Patterns, tried at each token (cues in ``knowledge/person_cues.json``):
  1. introducer + name     الملقب "أبو حسن المهاجر" / المدعو أبو علي        (strong)
  2. kunya + name          أبو البراء الجزراوي / أبي بكر البغدادي           (strong)
     (أبو، أبي، أبا are the case forms of one kunya and are folded together)
  3. title/role + name     المتحدث باسم التنظيم أبو محمد / العقيد رائد جوحي
  4. given + family name   حيدر العبادي / محمد بن سلمان                      (weak)
A name grows with given names, nasab (بن/ابن + name), kunya pairs, nisbas (…ي) and
by-names (المهاجر); it never takes a word of an ORG mention, and takes a word of a LOC
mention only in a strong pattern, in which case that LOC mention loses its place
link (ref → None, role "person-name", dropped from the place's mention_ids; a place
left without mentions is removed). A role written after the name ("… مسؤول ديوان
المال") is read too. The organisation of a role is an ORG mention inside it, or, for a
generic word (التنظيم) or a possessive pronoun (باسمه، زعيمهم), the last ORG named
before. Later short forms ("البغدادي", "أبو بكر") link to the full name. The byline
author (``meta["author"]``) becomes a person with role "author".
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.doc import Doc
from marsad.errors import E, MarsadError
from marsad.knowledge import read_json
from marsad.pipeline import stage
from marsad.text.clitics import proclitic_stems, readings
from marsad.text.normalize import normalize_key
from marsad.text.screen import passing

DASHES = frozenset({"-", "–", "—"})

MAX_NAME_PARTS = 6
MAX_COMPLEMENT = 5          # words between a role title and the name (المتحدث باسم التنظيم …)
MAX_ROLE_AFTER = 7
GENERIC_ORGS = frozenset(normalize_key(w) for w in ("التنظيم", "الحركة", "الجماعة", "الجبهة", "الفصيل", "الحزب"))
POSSESSIVE = ("هم", "ها", "ه")
QUOTE = '"'


# prepositions after which "أبو X" (not أبي) is a place name: في أبو سمبل، من أبو ظبي
FROZEN_AFTER = frozenset({"في", "من", "الي", "الى", "حتي", "حتى", "بين", "نحو", "باتجاه", "عبر", "قرب", "عن", "علي", "على"})

@dataclass(frozen=True)
class PersonCues:
    titles: dict[tuple[str, ...], tuple[str, str]]     # normalized words → (phrase as written, kind)
    introducers: dict[tuple[str, ...], str]
    kunya: dict[str, str]                              # normalized → romanization
    nasab: dict[str, str]
    laqab: frozenset[str]
    given: dict[tuple[str, ...], str]                  # normalized words → romanization
    given_yaa: frozenset[str]                          # given names written with final ي (علي, not على)
    stops: frozenset[str]
    relative: frozenset[str]


def _phrase_map(items, path, check=None) -> dict[tuple[str, ...], object]:
    out = {}
    for key, value in items:
        if key.startswith("_"):
            continue
        if check and not check(value):
            raise MarsadError(E.KNOWLEDGE_FILE, path=path, why=f"bad value {value!r} for {key!r}")
        out[tuple(normalize_key(key).split())] = value
    return out


@cache
def person_cues() -> PersonCues:
    name = "person_cues.json"
    raw = read_json(name)
    try:
        titles = {tuple(normalize_key(k).split()): (k, v) for k, v in raw["titles"].items()
                  if not k.startswith("_")}
        bad = [k for k, (_, v) in titles.items() if v not in ("role", "honorific")]
        if bad:
            raise MarsadError(E.KNOWLEDGE_FILE, path=name, why=f"title kind must be role or honorific: {bad[0]}")
        given = _phrase_map(raw["given_names"].items(), name, lambda v: isinstance(v, str))
        return PersonCues(
            titles=titles,
            introducers={tuple(normalize_key(k).split()): k for k in raw["introducers"]},
            kunya={normalize_key(k): v for k, v in raw["kunya"].items()},
            nasab={normalize_key(k): v for k, v in raw["nasab"].items()},
            laqab=frozenset(normalize_key(w) for w in raw["laqab"]),
            given=given,
            given_yaa=frozenset(normalize_key(k) for k in raw["given_names"] if k.endswith("\u064A")),
            stops=frozenset(normalize_key(w) for w in raw["not_name_words"]),
            relative=frozenset(normalize_key(w) for w in raw["relative_pronoun_stops"]),
        )
    except KeyError as exc:
        raise MarsadError(E.KNOWLEDGE_FILE, path=name, why=f"missing section {exc}") from None


@lru_cache(maxsize=1 << 15)
def _stems(norm: str) -> tuple[str, ...]:
    """The word, then the word without proclitics (و ف ب ل ك, لل → ال), no suffixes."""
    out = [norm]
    for _, stem in proclitic_stems(norm):
        if stem not in out:
            out.append(stem)
    return tuple(out)


_LETTERS = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤةى",
                    ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z",
                     "'", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "'", "'", "'", "a", "a"]))


def romanize_word(key: str) -> str:
    """A simple letter-by-letter romanization (long vowels only) of a normalized word."""
    article = key.startswith("ال") and len(key) > 3
    body = key[2:] if article else key
    out = []
    for i, ch in enumerate(body):
        if ch == "و" and 0 < i:
            out.append("u" if i == len(body) - 1 or body[i + 1] not in "اويه" else "w")
        elif ch == "ي" and 0 < i:
            out.append("i" if i == len(body) - 1 or body[i + 1] not in "اويه" else "y")
        else:
            out.append(_LETTERS.get(ch, ""))
    word = "".join(out)
    word = word[:1].upper() + word[1:]
    return ("al-" + word) if article else word


@dataclass
class Found:
    parts: list[int]                 # token indices of the name
    strong: bool
    evidence: list[str]
    role: str | None = None
    role_span: tuple[int, int] | None = None   # token range of the role phrase
    after: int = -1                  # first token after the pattern (past a closing quote)


@stage("persons", requires=("tokens", "mentions"), assigns=("persons", "mentions"))
def make_persons(**_):
    cues = person_cues()
    max_title = max(len(k) for k in cues.titles)
    max_intro = max(len(k) for k in cues.introducers)
    max_given = max(len(k) for k in cues.given)
    title_first = frozenset(k[0] for k in cues.titles)
    intro_first = frozenset(k[0] for k in cues.introducers)
    given_first = frozenset(k[0] for k in cues.given)
    any_first = title_first | intro_first | given_first | frozenset(cues.kunya)
    firsts = {id(cues.titles): title_first, id(cues.introducers): intro_first}
    # one word → bool cache per table: (word, frozenset) keys would be tuples the garbage
    # collector keeps re-scanning, tens of thousands of them after a batch
    first_cache: dict[frozenset, dict[str, bool]] = {t: {} for t in (title_first, intro_first, given_first,
                                                                      any_first)}

    def may_start(norm: str, table_first: frozenset) -> bool:
        """Can a phrase of the table start with this word (through proclitics)? Cached per word."""
        cache = first_cache[table_first]
        hit = cache.get(norm)
        if hit is None:
            # the clitic readings directly: _stems would cache a tuple for every word of the batch
            hit = False
            for _, st in proclitic_stems(norm):
                if st in table_first:
                    hit = True
                    break
            cache[norm] = hit
        return hit

    def may_start_any(norm: str) -> bool:
        return may_start(norm, any_first)

    def is_given(tok, key) -> bool:
        if (key,) not in cues.given:
            return False
        # "على" (on) normalizes to the name "علي": the written final letter decides
        return not (key in cues.given_yaa and tok.text.rstrip("\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652")
                    .endswith("\u0649"))

    def is_nameish(tok, key) -> bool:
        """A word that can continue a name: given name, nisba (…ي), by-name."""
        if key in cues.stops:
            return False
        if is_given(tok, key) or key in cues.laqab:
            return True
        return key.startswith("ال") and len(key) >= 5 and (key.endswith("ي") or key.endswith("اوي"))

    def persons(doc: Doc) -> Doc:
        toks = doc.tokens
        n = len(toks)
        starts = [t.start for t in toks]
        label_at: dict[int, object] = {}          # token index → covering ORG/LOC/PERS mention
        for m in doc.mentions:
            if m.label not in ("ORG", "LOC", "PERS"):
                continue
            i = bisect.bisect_left(starts, m.start)
            while i < n and toks[i].start < m.end:
                if toks[i].end <= m.end and (i not in label_at or label_at[i].label == "LOC"):
                    label_at[i] = m
                i += 1
        orgs = sorted((m for m in doc.mentions if m.label == "ORG"), key=lambda m: m.start)
        org_starts = [m.start for m in orgs]

        def label(i):
            m = label_at.get(i)
            return m.label if m else None

        def word(i) -> bool:
            return 0 <= i < n and toks[i].kind == "word"

        def match_phrase(i, table, longest) -> tuple[int, object] | None:
            """Longest phrase of ``table`` at token i (first word may carry proclitics)."""
            if not may_start(toks[i].norm, firsts[id(table)]):
                return None
            for size in range(min(longest, n - i), 0, -1):
                if not all(word(j) or toks[j].norm == "." for j in range(i, i + size)):
                    continue
                rest = tuple(toks[j].norm for j in range(i + 1, i + size))
                for stem in _stems(toks[i].norm):
                    hit = table.get((stem,) + rest)
                    if hit is not None:
                        return size, hit
            return None

        locs = [m for m in doc.mentions if m.label == "LOC" and m.ref]
        cities = {p.id for p in doc.places if p.kind == "city"}

        def _joined_place(i) -> bool:
            """A place name starting in token i (after و or a dash) joined to a place right
            before, or a city's name (أم درمان)."""
            t = toks[i]
            here = next((m for m in locs if t.start <= m.start < t.end), None)
            if here is None:
                return False
            if here.ref in cities:
                return True     # إلى أم درمان: a city of its own, whatever joins it
            if here.start == t.start and toks[i - 1].kind == "punct" and toks[i - 1].text in DASHES:
                return i >= 2 and label(i - 2) == "LOC"
            if here.start > t.start and t.norm[:1] == "\u0648" and label(i - 1) == "LOC":
                return True
            # في أبو سمبل، إلى أبو ظبي: after a preposition a person's kunya is genitive (أبي);
            # the nominative أبو kept there is a frozen place name
            if i > 0 and here.start == t.start and t.norm == "ابو" and toks[i - 1].norm in FROZEN_AFTER:
                return True
            return False

        def kunya_at(i, any_prefix=True) -> bool:
            if not word(i) or label(i) == "ORG":
                return False
            m = label_at.get(i)
            if m is not None and m.label == "LOC" and (m.start < toks[i].start or
                                                       any(e.startswith("qualifier:") for e in m.evidence)):
                return False    # (معبر) كرم أبو سالم، مطار أبو الضهور: a place name, not a kunya
            if i > 0 and _joined_place(i):
                return False    # طريق أسوان – أبو سمبل، بين الخرطوم وأم درمان: a place joined to a place
            keys = _stems(toks[i].norm) if any_prefix else (toks[i].norm,)
            return any(k in cues.kunya for k in keys) and word(i + 1) and toks[i + 1].norm not in cues.stops \
                and label(i + 1) != "ORG"

        def given_at(i, any_prefix=True) -> int:
            """Length in tokens of a given name at i (عبد الله is two), else 0."""
            if not word(i) or label(i) in ("ORG", "PERS") or not may_start(toks[i].norm, given_first):
                return 0
            for size in range(min(max_given, n - i), 0, -1):
                rest = tuple(toks[j].norm for j in range(i + 1, i + size))
                keys = _stems(toks[i].norm) if any_prefix else (toks[i].norm,)
                for k in keys:
                    if (k,) + rest in cues.given and (size > 1 or is_given(toks[i], k)):
                        return size
            return 0

        def extend(parts: list[int], strong: bool) -> list[int]:
            k = parts[-1] + 1
            while len(parts) < MAX_NAME_PARTS and word(k):
                lab = label(k)
                if lab == "ORG" or lab == "PERS" or (lab == "LOC" and not strong):
                    break
                key = toks[k].norm
                if key in cues.stops:
                    break
                if (key in cues.nasab or key in cues.kunya) and word(k + 1) and toks[k + 1].norm not in cues.stops \
                        and label(k + 1) != "ORG":
                    parts += [k, k + 1]
                    k += 2
                    continue
                size = given_at(k, any_prefix=False)
                if size:
                    parts += list(range(k, k + size))
                    k += size
                    continue
                if is_nameish(toks[k], key):
                    parts.append(k)
                    k += 1
                    continue
                break
            return parts

        def name_at(i, strong_ctx: bool) -> Found | None:
            """A name starting at token i: kunya + ism (+ more), or given name (+ more)."""
            if kunya_at(i):
                return Found(extend([i, i + 1], True), True, ["kunya"])
            size = given_at(i)
            if size:
                parts = extend(list(range(i, i + size)), strong_ctx)
                return Found(parts, strong_ctx, ["given-name"])
            return None

        def role_after(k) -> tuple[int, int] | None:
            """A role phrase that follows a name: … مسؤول ما يسمى بديوان مال التنظيم"""
            hit = match_phrase(k, cues.titles, max_title) if word(k) else None
            if not hit or hit[1][1] != "role":
                return None
            end = k + hit[0]
            while end < n and end - k < MAX_ROLE_AFTER and word(end) and toks[end].norm not in cues.relative \
                    and not toks[end].norm.startswith("و") and label(end) != "PERS":
                end += 1
            return (k, end)

        found: list[Found] = []
        i = bisect.bisect_left(starts, doc.body_start)      # the header's author is the byline's
        for j in passing(toks, may_start_any, first_cache[any_first]):
            if j < i or label(j) in ("ORG", "PERS"):
                continue
            i = j
            f = None
            intro = match_phrase(i, cues.introducers, max_intro)
            title = None if intro else match_phrase(i, cues.titles, max_title)
            if intro:
                j = i + intro[0]
                if j < n and toks[j].norm == QUOTE:
                    close = next((c for c in range(j + 1, min(n, j + 8)) if toks[c].norm == QUOTE), None)
                    if close and close > j + 1 and all(word(c) for c in range(j + 1, close)):
                        f = Found(list(range(j + 1, close)), True, [f"introducer:{intro[1]}", "quoted"],
                                  after=close + 1)
                else:
                    f = name_at(j, True)
                    if f is None and word(j) and toks[j].norm not in cues.stops and label(j) is None:
                        f = Found(extend([j], True), True, [])
                    if f:
                        f.strong = True
                        f.evidence = [f"introducer:{intro[1]}"] + f.evidence
                if f:
                    # a role after the name wins (… مسؤول ديوان المال); else one just before
                    # the introducer: المتحدث بإسمه الملقب "…"
                    f.role_span = role_after(f.after if f.after >= 0 else f.parts[-1] + 1)
                    for back in range(i - 1, max(-1, i - 1 - MAX_COMPLEMENT), -1):
                        if not word(back):
                            break
                        t = match_phrase(back, cues.titles, max_title)
                        if t and t[1][1] == "role":
                            f.role_span = f.role_span or (back, i)
                            break
            elif title:
                written, kind = title[1]
                j = i + title[0]
                limit = j + (1 if kind == "honorific" else MAX_COMPLEMENT + 1)
                k = j
                while k < min(n, limit) and word(k):
                    f = name_at(k, kind == "honorific")
                    if f is None and kind == "honorific" and k == j and label(k) is None \
                            and toks[k].norm not in cues.stops:
                        f = Found(extend([k], False), False, [])
                    if f:
                        f.evidence = [f"title:{written}"] + f.evidence
                        f.role_span = (i, k)
                        break
                    if toks[k].norm in cues.relative:
                        break
                    k += 1
            else:
                f = name_at(i, False)
                if f and not f.strong and len(f.parts) < 2:
                    f = None
            if f is None:
                continue
            if f.role_span is None:
                f.role_span = role_after(f.after if f.after >= 0 else f.parts[-1] + 1)
            found.append(f)
            i = f.parts[-1] + 1

        # --- persons: one per distinct name, then short forms, then the byline -----------
        people: dict[str, dict] = {}
        order: list[dict] = []
        surnames: dict[str, dict] = {}
        kunya_pairs: dict[tuple[str, str], dict] = {}

        def fold(key: str) -> str:
            return "ابو" if key in cues.kunya and key not in ("ام",) else key

        def name_key(parts) -> str:
            keys = [toks[p].norm for p in parts]
            stems = list(_stems(keys[0]))
            first = next((s for s in stems if s in cues.kunya), None) or \
                next((s for s in stems if (s,) in cues.given), keys[0])
            return " ".join([fold(first)] + keys[1:])

        def romanize(parts) -> str:
            words = name_key(parts).split()
            out, w = [], 0
            while w < len(words):
                for size in range(min(max_given, len(words) - w), 0, -1):
                    rom = cues.given.get(tuple(words[w:w + size]))
                    if rom:
                        out.append(rom)
                        w += size
                        break
                else:
                    k = words[w]
                    out.append(cues.kunya.get(k) or ("Abu" if k == "ابو" else None) or cues.nasab.get(k)
                               or romanize_word(k))
                    w += 1
            return " ".join(out)

        def affiliation(span, title_start) -> str | None:
            s, e = span
            for k in range(s, e):
                m = label_at.get(k)
                if m is not None and m.label == "ORG":
                    return m.ref
            before = toks[title_start].start if title_start is not None else toks[s].start
            last = orgs[bisect.bisect_left(org_starts, before) - 1] if org_starts and org_starts[0] < before else None
            generic = any(toks[k].norm in GENERIC_ORGS or
                          any(st in GENERIC_ORGS for st in _stems(toks[k].norm)[1:]) for k in range(s, e))
            # a pronoun suffix as written (ه, not the taa marbuta ة that normalizes to ه)
            possessive = any(toks[k].text.endswith(POSSESSIVE) and any(r.suffix for r in readings(toks[k].norm))
                             for k in range(s, min(e, s + 3)))
            if last is not None and (generic or possessive):
                return last.ref
            return None

        def add_person(key, name_ar, parts, rom) -> dict:
            p = people.get(key)
            if p is None:
                p = people[key] = {"id": f"person:{len(order) + 1}", "name_ar": name_ar, "name": rom,
                                   "role": None, "affiliation": None, "mention_ids": []}
                order.append(p)
            elif len(name_ar.split()) > len(p["name_ar"].split()):
                p["name_ar"], p["name"] = name_ar, rom      # the fullest written form names the person
            return p

        strong_people: set[str] = set()

        def unlink_loc(parts) -> None:
            for k in parts:
                m = label_at.get(k)
                if m is not None and m.label == "LOC" and m.ref:
                    for place in doc.places:
                        if place.id == m.ref and m.id in place.mention_ids:
                            place.mention_ids.remove(m.id)
                    m.ref, m.role = None, "person-name"
                    m.evidence = list(m.evidence) + ["overridden-by:person-name"]
            doc.places[:] = [p for p in doc.places if p.mention_ids or p.kind == "relative"]

        # a shorter form found by a pattern (أبي بكر) is the longer name it begins (أبو بكر البغدادي)
        full_keys = sorted({name_key(f.parts) for f in found}, key=len, reverse=True)
        expand = {k: next((full for full in full_keys if full.startswith(k + " ")), k) for k in full_keys}

        for f in found:
            s, e = toks[f.parts[0]].start, toks[f.parts[-1]].end
            # the first word may carry a proclitic (وأبو، لأبي): the mention starts after it
            s = _after_prefix(toks[f.parts[0]], name_key(f.parts).split()[0], cues)
            key = expand[name_key(f.parts)]
            p = add_person(key, doc.text[s:e], f.parts, romanize(f.parts))
            if f.strong:
                unlink_loc(f.parts)
                strong_people.add(p["id"])
            m = doc.add_mention(s, e, "PERS", ref=p["id"], evidence=f.evidence or ["name"])
            for k in f.parts:
                label_at[k] = m
            p["mention_ids"].append(m.id)
            if f.role_span and p["role"] is None:
                rs, re_ = f.role_span
                if re_ > rs:
                    p["role"] = doc.text[toks[rs].start:toks[re_ - 1].end]
                    p["affiliation"] = affiliation(f.role_span, rs)
            words = key.split()
            if len(words) >= 2:
                last = words[-1]
                if (last.startswith("ال") and len(last) >= 5 and (last,) not in cues.given) or last in cues.laqab:
                    surnames.setdefault(last, p)
                if words[0] == "ابو":
                    kunya_pairs.setdefault(("ابو", words[1]), p)

        # short forms later in the text: البغدادي, أبو بكر
        if surnames or kunya_pairs:
            tails = tuple(surnames) + (tuple(cues.kunya) if kunya_pairs else ())   # cheap pre-filter
            for k in range(n):
                if not toks[k].norm.endswith(tails) or label(k) in ("PERS", "ORG") or not word(k):
                    continue
                stems = _stems(toks[k].norm)
                p, size, ev = None, 1, None
                if word(k + 1) and label(k + 1) not in ("PERS", "ORG"):
                    for st in stems:
                        q = kunya_pairs.get((fold(st), toks[k + 1].norm))
                        if q:
                            p, size, ev, first = q, 2, "short-form:kunya", st
                            break
                if p is None:
                    for st in stems:
                        if st in surnames:
                            p, ev, first = surnames[st], "short-form:surname", st
                            break
                if p is None:
                    continue
                if label(k) == "LOC" and p["id"] not in strong_people:
                    continue
                if p["id"] in strong_people:
                    unlink_loc(range(k, k + size))
                s = _after_prefix(toks[k], first, cues)
                m = doc.add_mention(s, toks[k + size - 1].end, "PERS", ref=p["id"], evidence=[ev])
                for j in range(k, k + size):
                    label_at[j] = m
                p["mention_ids"].append(m.id)

        author = (doc.meta.get("author") or "").strip()
        if author:
            key = " ".join(normalize_key(author).split())
            parts = [h for h in doc.header if h.get("role") == "author"]
            rom = " ".join(romanize_word(w) if (w,) not in cues.given else cues.given[(w,)] for w in key.split())
            p = people.get(key) or add_person(key, author, [], rom)
            p["role"] = p["role"] or "author"
            for h in parts:
                m = doc.add_mention(h["start"], h["end"], "PERS", ref=p["id"], evidence=["byline"], role="author")
                p["mention_ids"].append(m.id)
        doc.persons = order
        return doc

    return persons


def _after_prefix(tok, stem: str, cues) -> int:
    """Start offset of ``stem`` inside the token (skipping a proclitic such as و or ل)."""
    if tok.norm == stem or not tok.norm.endswith(stem[-2:]):
        return tok.start
    skip = len(tok.norm) - len(stem)
    if stem.startswith("ال") and tok.norm.startswith("لل") and not tok.norm.startswith("ال"):
        skip = 1      # للبغدادي: ل + (ا)لبغدادي – the mention keeps the written لبغدادي
    pos, letters = 0, 0
    text = tok.text
    while pos < len(text) and letters < skip:
        if not ("\u064B" <= text[pos] <= "\u065F" or text[pos] in "\u0640\u0670"):
            letters += 1
        pos += 1
    return tok.start + pos
