"""A route's length in km from the distance mentions (QUANTITY, kind distance) near it:
{min, max}; a range (بين 15 و20) gives both, a bound (لا يقل عن، لا يزيد على) one.
"""
from __future__ import annotations

from marsad.stages.quantities import _match_backward, quantity_words
from marsad.stages.routes.waypoints import Frame, SentenceView

RANGE_PAIRS = {"بين": ("و",), "من": ("الي", "حتي")}   # بين 15 و20، من 30 إلى 40 (normalized)


def route_length(v: SentenceView, f: Frame, frames: list[Frame], quants, reasons: list[str]) -> dict | None:
    """The route's length: a distance after a length word in the clause (يبلغ طول الممر … 60
    كيلومتراً) or right after the noun, in the route's own frames; else one in an aside
    after the route (الطريق بين X وY، البالغ طوله نحو 110 كيلومترات). Adds the reason."""
    toks, cues = v.toks, v.cues
    lo = f.clause[0]
    length = None
    for k, m in quants:
        if not any(fr.first <= k <= fr.end for fr in frames):
            continue
        # a length word before it in the clause (يبلغ طول الممر … 60 كيلومتراً), or the
        # distance right after the noun; "على بعد 5 كم من" is a distance from, not a length
        k0 = _range_start(v, k)
        before = [toks[j].norm for j in range(lo, k0)]
        adjacent = f.kind == "route" and f.last < k0 <= f.last + 1
        if adjacent or any(cues.has(cues.length_words, w) for w in before):
            length = _route_length(v, k, m, lo)
            reasons.append(f"length: {m.text}")
            break
    if length is None and f.kind == "route":
        # an aside after the route: "الطريق بين X وY، البالغ طوله نحو 110 كيلومترات، …"
        for k, m in quants:
            k0 = _range_start(v, k)
            if f.end < k <= v.last and all(v.cues.route_noun(toks, j, j) is None for j in range(f.end + 1, k)) \
                    and any(cues.has(cues.length_words, toks[j].norm) for j in range(max(f.end + 1, k0 - 3), k0)):
                length = _route_length(v, k, m, f.end + 1)
                reasons.append(f"length: {m.text}")
                break
    return length


def _number(tok) -> float | int | None:
    try:
        x = float(tok.norm.replace("٫", ".").replace(",", "."))
    except ValueError:
        return None
    return int(x) if x.is_integer() else x


def _range_low(v: SentenceView, k: int) -> tuple[int, float | int] | None:
    """"بين 15 و20 كيلومتراً"، "من 30 إلى 40 كم": a distance at token ``k`` that closes a
    range: (the range's first token, its low number)."""
    if k - 3 < v.first or v.toks[k - 2].kind != "number":
        return None
    opener = v.toks[k - 3].norm
    joins = RANGE_PAIRS.get(opener[1:] if opener[:1] in ("\u0648", "\u0641") and opener[1:] in RANGE_PAIRS else opener)
    if not joins or v.toks[k - 1].norm not in joins:
        return None
    low = _number(v.toks[k - 2])
    return (k - 3, low) if low is not None else None


def _range_start(v: SentenceView, k: int) -> int:
    r = _range_low(v, k)
    return r[0] if r else k


def _route_length(v: SentenceView, k: int, m, lo: int) -> dict:
    """The length a distance mention gives: a range (بين 15 و20) gives both ends; a bound
    phrase split by the length noun (يزيد طوله على 60، لا يقل طولها عن 5) is that bound."""
    value = dict(m.value)
    r = _range_low(v, k)
    if r is not None and isinstance(value.get("value"), (int, float)):
        lo_len = _length(dict(value, value=r[1], bound="exact"))["min"]
        hi_len = _length(dict(value, bound="exact"))["max"]
        if lo_len < hi_len:
            return {"min": lo_len, "max": hi_len}
    if value.get("bound") == "exact":
        words = [v.toks[j].norm for j in range(max(lo, k - 5), k)
                 if not (v.toks[j].kind == "word" and v.cues.has(v.cues.length_words, v.toks[j].norm))]
        hit = _match_backward(words, len(words), quantity_words().bounds)
        if hit is not None and hit[0][1] in ("min", "max"):
            value["bound"] = hit[0][1]
    return _length(value)


def _length(value: dict) -> dict:
    v = value.get("value")
    unit = value.get("unit")
    if isinstance(v, (int, float)):
        v = {"km": v, "m": v / 1000, "mi": v * 1.609344}.get(unit, v)
        v = round(v, 3) if isinstance(v, float) else v
    bound = value.get("bound")
    if bound == "min":
        return {"min": v, "max": None}
    if bound == "max":
        return {"min": None, "max": v}
    out = {"min": v, "max": v}
    if bound == "approx":
        out["approx"] = True
    return out
