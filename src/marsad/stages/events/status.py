"""An event's status from the words around its trigger: hypothetical, denied (or negated),
planned, attempted or reported.
"""
from __future__ import annotations

from marsad.knowledge.triggers import Hit, TriggerLexicon
from marsad.stages.events.sentence import Sentence, VERBAL


def _written_conditional(text: str, lex: TriggerLexicon) -> bool:
    """إن (with hamza below, as written) before a verb; أن and undotted ان are not conditions."""
    bare = "".join(ch for ch in text if not ("\u064B" <= ch <= "\u065F" or ch == "\u0640"))
    for pre in ("", "و"):
        if bare.startswith(pre) and bare[len(pre):] in lex.raw["cues"]["condition_verb"]:
            return True
    return False


def cue_marks(s: Sentence) -> dict[str, list[int]]:
    """Token indices of the sentence's cue words, by class (one pass per sentence)."""
    marks: dict[str, list[int]] = {}
    toks, classes = s.toks, s.lex.classes_of
    pairs, openings = s.lex.cues["condition"], s.lex.cue_openings["condition"]
    # most words are in no class and begin no condition: one table lookup each rules them out
    cued = [k for k in range(s.first, s.last + 1)
            if toks[k].kind == "word" and (classes[toks[k].norm] or toks[k].norm in openings)]
    for k in cued:
        for c in classes[toks[k].norm]:
            marks.setdefault(c, []).append(k)
        if k < s.last and toks[k].norm in openings and toks[k].norm + " " + toks[k + 1].norm in pairs:
            marks.setdefault("condition", []).append(k)
    return marks


def any_in(marks: dict, cue: str, lo: int, hi: int) -> bool:
    """Whether a ``cue`` word lies at a token index in [lo, hi)."""
    return any(lo <= k < hi for k in marks.get(cue, ()))


def status_of(s: Sentence, hit: Hit, clause: tuple[int, int], embedded: bool,
              joined_future: bool = False) -> tuple[str, bool]:
    lex, toks, marks = s.lex, s.toks, s.marks
    c0, c1 = clause
    i, a = hit.first, hit.analysis
    lo = max(c0, i - 6)
    # negation right before the trigger, across auxiliaries (لم يتم، لن تقوم…)
    negated = False
    k = i - 1
    for _ in range(3):
        if k < c0 or toks[k].kind != "word":
            break
        cl = lex.classes(toks[k].norm)
        if "negation" in cl or ("negation_before_perfect" in cl and toks[k].norm in
                                lex.cues["negation_before_perfect"] and a.pos == "perfect"):
            negated = True
            break
        if "auxiliaries" not in cl:
            break
        k -= 1
    cond = any_in(marks, "condition", c0, i)
    first_word = next((k for k in range(s.first, i) if toks[k].kind == "word"), None)
    if first_word is not None and "condition" in lex.classes(toks[first_word].norm):
        cond = True
    if i - 1 >= c0 and a.pos in VERBAL and _written_conditional(toks[i - 1].text, lex):
        cond = True
    after = next((k for k in range(hit.last + 1, min(c1, hit.last + 3) + 1) if toks[k].kind == "word"), None)
    after_cl = lex.classes(toks[after].norm) if after is not None else frozenset()
    # قد before an imperfect is "may" (قد يهاجم), before a perfect "has" (قد هاجم)
    maybe = a.pos == "imperfect" and i - 1 >= c0 and toks[i - 1].norm in ("قد", "وقد")
    if cond or embedded or maybe or "hypothetical_after" in after_cl:
        return "hypothetical", negated
    if any_in(marks, "denial", s.first, i):
        return "denied", negated
    if negated:
        return "denied", True
    planned = a.future or joined_future or any_in(marks, "plan", lo, i) or "plan_after" in after_cl or any(
        toks[k].kind == "word" and (toks[k].norm[1:] in lex.cues["future_auxiliaries"] and toks[k].norm[0] == "س"
                                    or toks[k].norm[2:] in lex.cues["future_auxiliaries"]
                                    and toks[k].norm.startswith("وس"))
        for k in range(max(c0, i - 3), i))
    if planned:
        return "planned", False
    if any_in(marks, "attempt", lo, i):
        return "attempted", False
    return "reported", False
