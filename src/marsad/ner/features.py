"""Token features for the CRF tagger.

Features are plain strings (binary features for crfsuite). Everything that depends only
on the word itself — its normalized form, clitic-stripped forms, affixes, shape, cue
class, lexicon membership — is computed once per distinct word and cached, together
with the ready-made strings its neighbours use in their ±2 windows; per sentence only
the window assembly, word bigrams and multiword lexicon matches are done.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Callable, Sequence

from marsad.text.normalize import normalize_key

FEATURE_VERSION = 2

# Proclitic sequences, longest first: conjunction (و ف), preposition (ب ل ك), article (ال).
_PROCLITICS = ("وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل",
               "ال", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


def _fallback_strip(word: str) -> list[str]:
    """Candidate stems of ``word`` after removing proclitics (normalized input)."""
    out: list[str] = []
    for pre in _PROCLITICS:
        if word.startswith(pre) and len(word) - len(pre) >= 2:
            rest = word[len(pre):]
            if pre.endswith("لل"):  # لل = ل + ال with the alef dropped
                out.append("ال" + rest)
            out.append(rest)
            if pre.endswith("ال"):
                out.append("ال" + rest)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _strip_function() -> Callable[[str], list[str]]:
    try:
        from marsad.text.clitics import strip_proclitics
    except ImportError:
        return _fallback_strip

    def strip(word: str) -> list[str]:
        forms = [normalize_key(f) for f in strip_proclitics(word)]
        forms.extend(_fallback_strip(word))
        return list(dict.fromkeys(f for f in forms if f and f != word))
    return strip


@lru_cache(maxsize=1)
def load_cues() -> dict[str, frozenset[str]]:
    raw = json.loads(resources.files("marsad.ner").joinpath("data/cues.json").read_text("utf-8"))
    return {k: frozenset(normalize_key(w) for w in v) for k, v in raw.items() if not k.startswith("_")}


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if any(c.isdigit() for c in word):
        return "Dx"
    if word.isascii():
        if word.isalpha():
            return "Lu" if word[0].isupper() else "Ll"
        return "P" if not any(c.isalnum() for c in word) else "Lx"
    if not any(c.isalnum() for c in word):
        return "P"
    if all("\u0600" <= c <= "\u06ff" for c in word):
        return "A"
    return "X"


class _Word:
    __slots__ = ("norm", "forms", "own", "win", "cue", "stem")

    def __init__(self, norm, forms, own, win, cue, stem):
        self.norm = norm
        self.forms = forms
        self.own = own
        self.win = win  # offset -> tuple of features as seen from a neighbour
        self.cue = cue  # cue classes of the word
        self.stem = stem


class Featurizer:
    """Turns token lists into crfsuite feature lists.

    ``lexicon``: normalized place names (one or more words) — membership of a token, of
    its clitic-stripped forms, and of token bigrams/trigrams becomes a feature.
    ``extra``: further named lexicons (e.g. ``{"ORG": names, "PNAME": names}``), used the
    same way under their own feature names.
    ``options``: optional context features among ``OPTIONS``: "heads" (distance to and
    stem of the nearest ORG head word / title / place word / speech verb to the left,
    from ``cues.json``), "wide_lex" (lexicon hits of the ±2 tokens), "nb_affix" (stem
    affixes of the ±1 tokens).
    """

    CACHE_LIMIT = 300_000

    # optional context features, switched on by name through ``options``
    OPTIONS = ("heads", "wide_lex", "nb_affix")  # all available; the default set is in crf.DEFAULT_OPTIONS

    def __init__(self, lexicon: frozenset[str] = frozenset(), extra: dict[str, frozenset[str]] | None = None,
                 cues: dict[str, frozenset[str]] | None = None, options: Sequence[str] | None = None):
        self.options = frozenset(options or ())
        self.lexicons: dict[str, frozenset[str]] = {"GAZ": frozenset(lexicon)}
        for name, names in (extra or {}).items():
            self.lexicons[name] = frozenset(names)
        self.cues = cues if cues is not None else load_cues()
        self.strip = _strip_function()
        self._cache: dict[str, _Word] = {}
        # longest name length (in words) worth trying per lexicon
        self._maxn = {k: min(3, max((n.count(" ") + 1 for n in v), default=1)) for k, v in self.lexicons.items()}
        # first words of the multiword names, to skip most tokens at once
        self._firsts = {k: frozenset(n.split(" ", 1)[0] for n in v if " " in n) for k, v in self.lexicons.items()}

    # -- per word -----------------------------------------------------------------
    def _word(self, token: str) -> _Word:
        w = self._cache.get(token)
        if w is not None:
            return w
        if len(self._cache) > self.CACHE_LIMIT:
            self._cache.clear()
        norm = normalize_key(token) or token
        forms = self.strip(norm) if len(norm) > 2 else []
        stem = min(forms, key=len) if forms else norm
        core = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        shape = _shape(norm)
        own = ["b", "w=" + norm, "st=" + stem, "sh=" + shape,
               "s1=" + norm[-1:], "s2=" + norm[-2:], "s3=" + norm[-3:],
               "p2=" + norm[:2], "p3=" + norm[:3], "cp3=" + core[:3], "cs2=" + core[-2:]]
        own.extend("f=" + f for f in forms[:4])
        if len(norm) != len(stem):
            own.append("pre=" + norm[: len(norm) - len(stem)] if norm.endswith(stem) else "pre=?")
        own.append("len=" + str(min(len(core), 8)))
        own.append("cs3=" + core[-3:])
        own.append("cs4=" + core[-4:])
        own.append("cp4=" + core[:4])
        if shape == "A" and len(core) > 3:
            own.extend({"g3=" + core[k:k + 3] for k in range(len(core) - 2)})
        if "ال" == norm[:2] or any(f.startswith("ال") for f in forms):
            own.append("al")
        if token != norm and token.isascii() and token[:1].isupper():
            own.append("cap")
        cue = []
        for name, words in self.cues.items():
            if norm in words or any(f in words for f in forms):
                cue.append(name)
        for c in cue:
            own.append("cue=" + c)
        lex = []
        for name, names in self.lexicons.items():
            if norm in names:
                lex.append(name)
            elif any(f in names for f in forms):
                lex.append(name + "s")
        for lx in lex:
            own.append("lex=" + lx)
        win = {}
        for off in (-2, -1, 1, 2):
            o = str(off)
            fs = [o + "w=" + norm, o + "st=" + stem]
            if abs(off) == 1:
                fs.append(o + "sh=" + shape)
                fs.append(o + "s2=" + norm[-2:])
                fs.extend(o + "lex=" + lx for lx in lex)
                if "nb_affix" in self.options:
                    fs.append(o + "cp3=" + core[:3])
                    fs.append(o + "cs3=" + core[-3:])
            elif "wide_lex" in self.options:
                fs.extend(o + "lex=" + lx for lx in lex)
            fs.extend(o + "cue=" + c for c in cue)
            win[off] = tuple(fs)
        w = _Word(norm, tuple(forms), tuple(own), win, tuple(cue), stem)
        self._cache[token] = w
        return w

    # -- per sentence ---------------------------------------------------------------
    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        words = [self._word(t) for t in tokens]
        n = len(words)
        out: list[list[str]] = []
        norms = [w.norm for w in words]
        for i, w in enumerate(words):
            f = list(w.own)
            if i == 0:
                f.append("BOS")
            else:
                f.extend(words[i - 1].win[-1])
                f.append("bg-=" + norms[i - 1] + "|" + w.norm)
                if i > 1:
                    f.extend(words[i - 2].win[-2])
            if i == n - 1:
                f.append("EOS")
            else:
                f.extend(words[i + 1].win[1])
                f.append("bg+=" + w.norm + "|" + norms[i + 1])
                if i < n - 2:
                    f.extend(words[i + 2].win[2])
            out.append(f)
        if "heads" in self.options:
            self._heads(words, out)
        # multiword lexicon matches: mark every token of a matched 2-3 word name
        for name, names in self.lexicons.items():
            maxn = self._maxn[name]
            if maxn < 2:
                continue
            heads = self._firsts[name]
            for i in range(n - 1):
                firsts = [f for f in (norms[i],) + words[i].forms if f in heads]
                if not firsts:
                    continue
                for size in range(2, maxn + 1):
                    if i + size > n:
                        break
                    tail = " ".join(norms[i + 1:i + size])
                    if any(f + " " + tail in names for f in firsts):
                        out[i].append(f"mw{name}=B")
                        for j in range(i + 1, i + size):
                            out[j].append(f"mw{name}=I")
        return out

    # head words to the left: "inside an ORG phrase" / "after a title" / "after a speech verb"
    HEAD_CUES = (("ORG_BEFORE", "orgh", 4), ("PERS_BEFORE", "ttl", 3), ("LOC_BEFORE", "loch", 3),
                 ("SPEECH", "spk", 3))

    def _heads(self, words: list[_Word], out: list[list[str]]) -> None:
        n = len(words)
        for cue, tag, reach in self.HEAD_CUES:
            last = -100
            for i in range(n):
                d = i - last
                if d <= reach:
                    out[i].append(f"{tag}={d}")
                    out[i].append(f"{tag}w={words[last].stem}")
                if cue in words[i].cue:
                    last = i
                elif words[i].norm in _BREAKS:
                    last = -100


# tokens that end a phrase: a head word's reach stops here
_BREAKS = frozenset({",", "،", ".", ":", "؛", ";", "(", ")", "\"", "-", "و", "في", "من", "الى", "على", "ان", "عن", "الي"})
