"""Dateline and byline: where the report was filed, by whom, for which outlet.

Common forms at the head of Arabic reports:
  أخبار الآن | دبي – الإمارات العربية المتحدة (حسام الأحبابي)      outlet | city – country (author)
  بغداد (رويترز) - …                                              city (agency) - body
  دمشق – «الحياة»: …  /  بيروت - الأناضول: …                        city - outlet: body
  كتب: فلان الفلاني / بقلم: …                                       byline line
The header's segments are classified (outlet, place, author); the places stage later
resolves the place segments and marks them as the dateline, which is never an event
location. ``doc.body_start`` is where the reporting itself begins.
"""
from __future__ import annotations

import re

from marsad.doc import Doc
from marsad.knowledge import outlets
from marsad.pipeline import stage
from marsad.text.normalize import normalize_key

SEPARATORS = re.compile(r"\s*[|–—:\-«»\"()،,]\s*|\s+-\s+")
BYLINE_CUE = re.compile(r"^\s*(كتب|كتبت|بقلم|تقرير|إعداد|اعداد|متابعة)\s*[:：]\s*(.+?)\s*$")
INLINE_DATELINE = re.compile(r"^(?P<head>[^\n.؟!]{2,80}?)\s*(?:\((?P<paren>[^)\n]{2,40})\))?\s*[–—\-:]\s+")
HEADER_MAX_CHARS = 140


def _segments(text: str, offset: int):
    """Split a header into (start, end, text, parenthesized) pieces with original offsets."""
    out, pos = [], 0
    for m in SEPARATORS.finditer(text):
        if m.start() > pos:
            out.append((offset + pos, offset + m.start(), text[pos:m.start()], "(" in text[max(0, pos - 2):pos]))
        pos = m.end()
    if pos < len(text):
        out.append((offset + pos, offset + len(text), text[pos:], "(" in text[max(0, pos - 2):pos]))
    return [(s, e, t.strip(), p) for s, e, t, p in out if t.strip()]


def _classify(doc: Doc, start: int, end: int, gazetteer, byline_ok: bool) -> list[dict]:
    known = outlets()
    parts = []
    segs = _segments(doc.text[start:end], start)
    has_bar = "|" in doc.text[start:end]
    for idx, (s, e, t, paren) in enumerate(segs):
        key = normalize_key(t)
        if key in known:
            parts.append({"role": "outlet", "start": s, "end": e, "text": t, "outlet_id": known[key]["id"]})
        elif gazetteer.candidates(key):
            parts.append({"role": "place", "start": s, "end": e, "text": t})
        elif idx == 0 and has_bar:
            parts.append({"role": "outlet", "start": s, "end": e, "text": t, "outlet_id": None})
        elif paren and byline_ok and len(t.split()) <= 5:
            parts.append({"role": "author", "start": s, "end": e, "text": t})
    return parts


@stage("dateline", requires=("text",), assigns=("header", "body_start"))
def make_dateline(gazetteer=None, **_):
    from marsad.gazetteer.index import load_gazetteer
    gz = gazetteer or load_gazetteer()

    def dateline(doc: Doc) -> Doc:
        text = doc.text
        first = re.search(r"\S[^\n]*", text)
        if not first:
            return doc
        line_start, line_end = first.start(), first.end()
        line = first.group().rstrip()
        header: list[dict] = []
        by = BYLINE_CUE.match(line)
        if by:
            header.append({"role": "author", "start": line_start + by.start(2), "end": line_start + by.end(2),
                           "text": by.group(2)})
            doc.body_start = line_end
        elif len(line) <= HEADER_MAX_CHARS and not re.search(r"[.؟!]\s*$", line) and "\n" in text[line_end:]:
            header = _classify(doc, line_start, line_start + len(line), gz, byline_ok=True)
            if any(p["role"] in ("place", "outlet") for p in header):
                doc.body_start = line_end
            else:
                header = []
        if not header:
            m = INLINE_DATELINE.match(text, line_start)
            if m:
                header = _classify(doc, line_start, m.end(), gz, byline_ok=False)
                # the place opens the line: "أعلنت السلطات، الأحد، فتح طريق بغداد – كركوك" has
                # a dash in its reporting, and الأحد between commas is no dateline
                if header and header[0]["role"] == "place" and header[0]["start"] == line_start:
                    doc.body_start = m.end()
                else:
                    header = []
        if header:
            # the body begins at the first character of reporting after the header
            rest = re.compile(r"\s*").match(text, doc.body_start)
            doc.body_start = rest.end()
        doc.header = header
        for part in header:
            if part["role"] == "outlet" and not doc.meta.get("outlet"):
                doc.meta["outlet"] = part["text"]
            if part["role"] == "author" and not doc.meta.get("author"):
                doc.meta["author"] = part["text"]
        return doc
    return dateline
