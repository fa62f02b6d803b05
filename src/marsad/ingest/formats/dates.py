"""Publication dates as YYYY-MM-DD from whatever an input carries: ISO dates and
timestamps, e-mail/RSS dates, or Arabic dates read by marsad's own time stage."""
from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime
from functools import cache

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")


@cache
def _time_reader():
    # Imported late: the stages load their word lists, which plain ISO dates never need.
    from marsad.pipeline import Pipeline
    from marsad.stages.time import make_time
    return Pipeline(("normalize", "segment")), make_time()


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def arabic_date(text: str) -> str | None:
    """The first day-precise date written in ``text`` (Arabic month names, numeric dates)."""
    from marsad.doc import Doc
    text_stages, time_stage = _time_reader()
    doc = time_stage(text_stages(Doc(text=text[:500], meta={})))
    for m in sorted(doc.mentions, key=lambda m: m.start):
        value = m.value or {}
        if m.label == "DATE" and value.get("precision") == "day" and value.get("value"):
            return value["value"]
    return None


def normalize_date(value) -> str | None:
    """YYYY-MM-DD for a date-ish value (str, datetime, date, struct_time), else None."""
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if not text:
        return None
    if m := _ISO.match(text):
        return _valid(*map(int, m.groups()))
    try:
        return parsedate_to_datetime(text).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        pass
    return arabic_date(text)
