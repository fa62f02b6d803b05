"""The quantities stage: QUANTITY mentions (a number, what it counts, and its bound).

For every number ``find_numbers`` reads (digits of any script or words: 20, ٢٠, عشرين,
عشرات) that no DATE mention covers, the stage looks
  after it   for the counted noun or unit of ``knowledge/quantity_words.json`` (with ال,
             or after من: "20 كيلومتراً", "عشرات المقاتلين", "مئات من المدنيين"), then a
             trailing bound ("على الأقل", "تقريباً");
  before it  for a bound phrase ("لا تقل عن", "أكثر من", "نحو" …, a clitic may be glued:
             "بنحو") and, before that, a casualty verb or noun ("قتل", "أصيب", "مقتل").
A number with neither a head nor a casualty verb is no quantity (ordinals, codes, years).
The span runs from the bound phrase (or the number) through the head.

value: {"value": 20, "unit": "km", "bound": "min|max|approx|exact", "kind": "distance",
        "head": "كيلومتراً", + "group": the head's kind when a verb decided the kind}
Kinds: distance, fighters, civilians, families, vehicles, killed, wounded, captured,
displaced, money, count. An approximate plural (عشرات، مئات، آلاف) is bound "approx".
"""
from __future__ import annotations

from dataclasses import dataclass
from bisect import bisect_left, bisect_right
from functools import cache
from operator import attrgetter

from marsad.doc import Doc
from marsad.errors import E, MarsadError
from marsad.knowledge import read_json
from marsad.pipeline import stage
from marsad.text.normalize import normalize_key
from marsad.text.clitics import strip_listed
from marsad.text.numbers import numbers_of

NAME = "quantity_words.json"
KINDS = ("distance", "fighters", "civilians", "families", "vehicles", "killed", "wounded", "captured",
         "displaced", "money", "count")
BOUNDS = ("min", "max", "approx")
CLITICS = ("و", "ف", "ب", "ل", "وب", "ول")
ARTICLE = "ال"
OF = "من"
PEOPLE = frozenset({"fighters", "civilians", "families", "displaced", "count"})
_start, _end = attrgetter("start"), attrgetter("end")
MAX_VERB_GAP = 1        # words allowed between a casualty verb and the number (or its bound)


@dataclass(frozen=True)
class QuantityWords:
    heads: dict[str, list[tuple[tuple[str, ...], str, str]]]  # first word → (words, kind, unit), longest first
    bounds: dict[str, list[tuple[tuple[str, ...], str]]]      # LAST word → (words, bound), longest first
    trailing: dict[str, list[tuple[tuple[str, ...], str]]]    # first word → (words, bound)
    verbs: dict[str, list[tuple[tuple[str, ...], str]]]       # last word → (words, kind)
    head_words: frozenset[str]


def _bad(why: str):
    raise MarsadError(E.KNOWLEDGE_FILE, path=NAME, why=why)


def _key(phrase: str) -> tuple[str, ...]:
    k = tuple(normalize_key(phrase).split())
    if not k:
        _bad(f"empty phrase {phrase!r}")
    return k


def _index(pairs, by_last: bool = False) -> dict:
    out: dict = {}
    for words, *rest in pairs:
        out.setdefault(words[-1] if by_last else words[0], []).append((words, *rest))
    for lst in out.values():
        lst.sort(key=lambda x: -len(x[0]))
    return out


@cache
def quantity_words() -> QuantityWords:
    raw = read_json(NAME)
    heads = []
    for kind, groups in raw["heads"].items():
        if kind not in KINDS:
            _bad(f"unknown kind {kind!r}; kinds: {', '.join(KINDS)}")
        for g in groups:
            if not isinstance(g.get("unit"), str) or not isinstance(g.get("forms"), list) or not g["forms"]:
                _bad(f"each group of {kind!r} needs a 'unit' and a list of 'forms'")
            for form in g["forms"]:
                words = _key(form)
                heads.append((words, kind, g["unit"]))
                if not words[0].startswith(ARTICLE) and words[0][0].isalpha():
                    # with the article (المقاتلين, الكيلومترات), every word of the phrase
                    heads.append((tuple(ARTICLE + w for w in words), kind, g["unit"]))
    bounds, trailing = [], []
    for section, out in (("bounds", bounds), ("trailing_bounds", trailing)):
        for bound, phrases in raw[section].items():
            if bound not in BOUNDS:
                _bad(f"{section}: unknown bound {bound!r}; bounds: {', '.join(BOUNDS)}")
            out.extend((_key(p), bound) for p in phrases)
    verbs = []
    for kind, phrases in raw["verbs"].items():
        if kind not in KINDS:
            _bad(f"verbs: unknown kind {kind!r}")
        verbs.extend((_key(p), kind) for p in phrases)
    return QuantityWords(_index(heads), _index(bounds, by_last=True), _index(trailing), _index(verbs, by_last=True),
                         frozenset(w[0] for w, _, _ in heads))


def is_head_word(norm: str) -> bool:
    """True if a normalized word is a counted noun or unit (used by the time stage: "حتى 2000 مقاتل")."""
    return norm in quantity_words().head_words


def _readings(word: str) -> tuple[tuple[str, str], ...]:
    """(clitic, rest) readings of a normalized word with this stage's CLITICS, bare word first."""
    return strip_listed(word, CLITICS)


def _match_forward(words: list[str], i: int, index: dict, clitic_ok: bool = False):
    """Longest phrase of ``index`` starting at words[i]: (entry, next)."""
    if i >= len(words):
        return None
    for clitic, first in (_readings(words[i]) if clitic_ok else (("", words[i]),)):
        for entry in index.get(first, ()):
            key = entry[0]
            if all(i + q < len(words) and words[i + q] == key[q] for q in range(1, len(key))):
                return entry, i + len(key)
    return None


def _match_backward(words: list[str], end: int, index: dict):
    """Longest phrase of ``index`` ending at words[end - 1], a clitic allowed on its first word:
    (entry, start)."""
    if end <= 0:
        return None
    last = words[end - 1]
    for entry in index.get(last, ()):
        key = entry[0]
        s = end - len(key)
        if s < 0 or any(words[s + q] != key[q] for q in range(1, len(key))):
            continue
        first = words[s]
        if first == key[0] or any(r == key[0] for _, r in _readings(first)[1:]):
            return entry, s
    for _, rest in _readings(last)[1:]:      # a one-word phrase with a glued clitic: وأصيب، بنحو
        for entry in index.get(rest, ()):
            if len(entry[0]) == 1:
                return entry, end - 1
    return None


@stage("quantities", requires=("tokens", "sentences", "mentions"), assigns=("mentions",))
def make_quantities(**_):
    qw = quantity_words()

    def run(doc: Doc) -> Doc:
        toks = doc.tokens
        spans = numbers_of(doc)
        if not spans:
            return doc
        dates = sorted((m.start, m.end) for m in doc.mentions if m.label == "DATE")
        words = [t.norm for t in toks]
        for sp in spans:
            if any(s < sp.end and sp.start < e for s, e in dates):
                continue
            # the token holding the number's first character (a clitic may be glued: وعشرات)
            i = bisect_right(toks, sp.start, key=_start) - 1
            j = bisect_left(toks, sp.end, key=_end)
            if i < 0 or j >= len(toks) or toks[j].end != sp.end:
                continue
            q = _read_quantity(qw, doc.text, words, toks, i, j + 1, sp)
            if q is None:
                continue
            s, e, value, evidence = q
            doc.add_mention(toks[s].start if s != i else sp.start, toks[e - 1].end, "QUANTITY",
                            value=value, evidence=evidence)
        return doc

    return run


def _read_quantity(qw: QuantityWords, text: str, words, toks, i: int, j: int, sp):
    """The quantity around the number at tokens [i, j): (start tok, end tok, value, evidence) or None."""
    # after: [من] head, then a trailing bound
    head = None
    k = j
    h = _match_forward(words, k, qw.heads)
    if h is None and k < len(words) and words[k] == OF:
        h = _match_forward(words, k + 1, qw.heads)
    if h is not None:
        (hw, kind, unit), k = h
        head = (kind, unit, toks[k - len(hw)].start, toks[k - 1].end)
    bound = "approx" if sp.approximate else "exact"
    evidence = []
    end = k if head else j
    tb = _match_forward(words, end, qw.trailing, clitic_ok=True) if end < len(words) else None
    # before: bound phrase, then a casualty verb
    start = i
    b = _match_backward(words, i, qw.bounds)
    if b is not None:
        (_, bound), start = b
        evidence.append("bound:" + " ".join(words[start:i]))
    elif tb is not None:
        bound = tb[0][1]
        end = tb[1]
        evidence.append("bound:" + " ".join(words[end - len(tb[0][0]):end]))
    verb_kind = None
    for gap in range(MAX_VERB_GAP + 1):
        v = _match_backward(words, start - gap, qw.verbs)
        if v is not None and all(toks[x].kind == "word" for x in range(start - gap, start)):
            verb_kind = v[0][1]
            evidence.append("verb:" + " ".join(words[v[1]:start - gap]))
            break
    if head is None and verb_kind is None:
        return None
    value = {"value": sp.value, "unit": head[1] if head else "person", "bound": bound}
    kind = head[0] if head else verb_kind
    if verb_kind and head and head[0] in PEOPLE:
        value["group"], kind = head[0], verb_kind
    value["kind"] = kind
    if head:
        value["head"] = text[head[2]:head[3]]
    evidence.insert(0, "quantity:" + ("head" if head else "verb"))
    return start, max(end, j), value, evidence
