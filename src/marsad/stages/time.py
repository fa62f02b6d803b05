"""The time stage: DATE mentions with a normalized value.

Walks the tokens once; a token opens a date only if it is a number or one of the trigger
words of ``knowledge/time_words.json`` (month names of the Levantine/Iraqi, Egyptian/Gulf
and Maghrebi families and the Hijri months, year words, weekdays, relative words), with
or without a glued clitic (وفي / ب / ل / و …). What it reads:

    explicit   [day | ordinal [من]] month[/month] [[،] [عام|سنة] year [هـ|م]]
               4 كانون الثاني/يناير 2017, الرابع من أفريل, 6 ربيع الآخر 1438 هـ
    year       عام 2014 / العام ألفين وأربعة عشر / 1438 هـ / في 2014 (after a preposition)
    numeric    4/1/2017, ٤/١/٢٠١٧, 4.1.2017, 4-1-2017 (day first), 2017-01-04
    ranges     بين 3 و5 كانون الثاني, من يناير إلى مارس 2017: value = start, "end" = end
    relative   أمس, اليوم, غداً, أول أمس, الأسبوع الماضي, الشهر الماضي, العام الماضي,
               منذ ثلاثة أيام, قبل يومين, [يوم] الأحد [الماضي]
Relative dates are resolved against ``doc.meta["published"]`` (YYYY-MM-DD); without it
the value stays null and "relative" says what the text meant. A month or day written
without a year takes the publication year (the last such month not after publication;
"year_inferred": true) or stays null. Hijri dates are converted with ``hijridate``.
Month names that are also ordinary words (آب, مارس, ماي, صفر …) need a day, a year or
the word شهر next to them.

value: {"value": "2017-01-04" | "2017-01" | "2014" | null, "precision": "day|month|year",
        + "end", "relative", "calendar": "hijri", "hijri", "year_inferred", "weekday"}
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from operator import attrgetter
from dataclasses import dataclass, field
from functools import cache

from marsad.doc import Doc
from marsad.errors import E, MarsadError
from marsad.knowledge import read_json
from marsad.pipeline import stage
from marsad.text.normalize import normalize_key
from marsad.text.clitics import strip_listed
from marsad.text.numbers import numbers_of
from marsad.text.screen import in_vocabulary, of_kind

NAME = "time_words.json"
CLITICS = ("وب", "ول", "وف", "فب", "فل", "و", "ف", "ب", "ل", "ك")
LINK_CLITIC = "و"
GREG_YEARS = (1000, 2100)
HIJRI_YEARS = (1300, 1500)
_NUMERIC = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_start, _end = attrgetter("start"), attrgetter("end")
DASHES = frozenset({"-", "\u2013", "/"})


@dataclass(frozen=True)
class TimeWords:
    months: dict[tuple[str, ...], tuple[int, str]]         # words → (month, calendar)
    need_anchor: frozenset[tuple[str, ...]]
    month_words: frozenset[str]
    weekdays: dict[str, int]
    day_words: frozenset[str]
    relative: dict[tuple[str, ...], tuple[str, int]]
    relative_names: dict[str, str]
    ago: frozenset[str]
    after: frozenset[str]
    units: dict[str, tuple[str, int | None]]
    year_words: frozenset[str]
    year_preps: frozenset[str]
    hijri_marks: frozenset[str]
    greg_marks: frozenset[str]
    links: frozenset[str]
    range_starts: frozenset[str]
    not_today: frozenset[str]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    ordinals: dict[tuple[str, ...], int]
    firsts: dict[str, list]                                  # first word → phrases, longest first
    triggers: frozenset[str]                                 # every opening word, with clitics


def _bad(why: str):
    raise MarsadError(E.KNOWLEDGE_FILE, path=NAME, why=why)


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(normalize_key(phrase).split())


def _words(raw, section) -> frozenset[str]:
    items = raw.get(section)
    if not isinstance(items, list) or not all(isinstance(w, str) and w.strip() for w in items):
        _bad(f"{section!r} must be a list of words")
    return frozenset(normalize_key(w) for w in items)


@cache
def time_words() -> TimeWords:
    raw = read_json(NAME)
    months: dict[tuple[str, ...], tuple[int, str]] = {}
    for family, table in raw["months"].items():
        cal = "hijri" if family == "hijri" else "gregorian"
        for name, num in table.items():
            if not isinstance(num, int) or not 1 <= num <= 12:
                _bad(f"month {name!r} in {family!r} must be 1-12, not {num!r}")
            k = _key(name)
            if k in months and months[k] != (num, cal):
                _bad(f"month {name!r} has two meanings")
            months[k] = (num, cal)
    need_anchor = frozenset(_key(w) for w in raw["need_anchor"])
    if not need_anchor <= months.keys():
        _bad(f"need_anchor names that are no month: {sorted(' '.join(k) for k in need_anchor - months.keys())}")
    weekdays = {}
    for name, num in raw["weekdays"].items():
        if not isinstance(num, int) or not 1 <= num <= 7:
            _bad(f"weekday {name!r} must be 1-7 (Monday=1)")
        weekdays[normalize_key(name)] = num
    relative = {}
    for name, val in raw["relative"].items():
        if not (isinstance(val, list) and len(val) == 2 and val[0] in ("day", "week", "month", "year")
                and isinstance(val[1], int)):
            _bad(f"relative {name!r} must be [day|week|month|year, offset]")
        relative[_key(name)] = (val[0], val[1])
    units = {}
    for name, val in raw["units"].items():
        if not (isinstance(val, list) and len(val) == 2 and val[0] in ("day", "week", "month", "year")
                and (val[1] is None or isinstance(val[1], int))):
            _bad(f"unit {name!r} must be [day|week|month|year, count or null]")
        units[normalize_key(name)] = (val[0], val[1])
    ordinals = {}
    for name, num in raw["ordinals"].items():
        if not isinstance(num, int) or not 1 <= num <= 31:
            _bad(f"ordinal {name!r} must be a day 1-31")
        ordinals[_key(name)] = num
    tw = dict(
        months=months, need_anchor=need_anchor, month_words=_words(raw, "month_words"),
        weekdays=weekdays, day_words=_words(raw, "day_words"), relative=relative,
        relative_names=dict(raw["relative_names"]), ago=_words(raw, "ago"), after=_words(raw, "after"),
        units=units, year_words=_words(raw, "year_words"), year_preps=_words(raw, "year_preps"),
        hijri_marks=_words(raw, "hijri_marks"), greg_marks=_words(raw, "gregorian_marks"),
        links=_words(raw, "range_links"), range_starts=_words(raw, "range_starts"),
        not_today=_words(raw, "not_today"), past=_words(raw, "past_marks"),
        future=_words(raw, "future_marks"), current=_words(raw, "current_marks"), ordinals=ordinals)
    firsts: dict[str, list] = {}
    for kind, table in (("month", months), ("relative", relative), ("ordinal", ordinals)):
        for k in table:
            firsts.setdefault(k[0], []).append((k, kind))
    for lst in firsts.values():
        lst.sort(key=lambda x: -len(x[0]))
    openers = set(firsts) | set(weekdays) | tw["year_words"] | tw["ago"] | tw["after"] | tw["day_words"]
    triggers = openers | {c + w for c in CLITICS for w in openers} \
        | {"لل" + w[2:] for w in openers if w.startswith("ال")}
    return TimeWords(**tw, firsts=firsts, triggers=frozenset(triggers))


def _strip(word: str) -> tuple[tuple[str, str], ...]:
    """(clitic, rest) readings of a normalized word with this stage's CLITICS, bare word first."""
    return strip_listed(word, CLITICS)


@dataclass
class _Date:
    start: int                    # token indices, end exclusive
    end: int
    y: int | None = None
    m: int | None = None
    d: int | None = None
    cal: str = "gregorian"
    anchored: bool = True         # a day, a year or شهر next to the month name
    extra: dict = field(default_factory=dict)

    @property
    def precision(self) -> str:
        return "day" if self.d else "month" if self.m else "year"


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _published(doc: Doc) -> dt.date | None:
    p = doc.meta.get("published")
    if isinstance(p, dt.date):
        return p
    if isinstance(p, str):
        try:
            return dt.date.fromisoformat(p[:10])
        except ValueError:
            return None
    return None


class _Reader:
    def __init__(self, doc: Doc, tw: TimeWords):
        self.doc, self.tw = doc, tw
        self.toks = doc.tokens
        self.n = len(self.toks)
        self.nums: dict[int, tuple[int | float, int, bool, str]] = {}   # token → (value, end tok, approx, written)
        toks = self.toks
        for sp in numbers_of(doc):
            # the token holding the first character (a clitic may be glued: وخمسة)
            i = bisect_right(toks, sp.start, key=_start) - 1
            j = bisect_left(toks, sp.end, key=_end)
            if i >= 0 and j < self.n and toks[j].end == sp.end:
                self.nums[i] = (sp.value, j + 1, sp.approximate, sp.written)

    # -- small readers: each returns None or a result ending at a token index --------
    def word(self, i: int) -> str:
        return self.toks[i].norm if i < self.n else ""

    def adjacent(self, i: int) -> bool:
        return i + 1 < self.n and self.toks[i].end == self.toks[i + 1].start

    def phrase(self, i: int, kind: str, clitic_ok: bool = True):
        """The longest phrase of ``kind`` at i: (value, next, clitic, key)."""
        if i >= self.n or self.toks[i].kind != "word":
            return None
        for clitic, first in _strip(self.word(i)):
            if clitic and not clitic_ok:
                break
            for key, k in self.tw.firsts.get(first, ()):
                if k != kind:
                    continue
                if all(self.word(i + q) == key[q] for q in range(1, len(key))):
                    table = {"month": self.tw.months, "relative": self.tw.relative, "ordinal": self.tw.ordinals}[kind]
                    return table[key], i + len(key), clitic, key
        return None

    def digits(self, i: int, lo: int, hi: int) -> int | None:
        t = self.toks[i] if i < self.n else None
        if t is None or t.kind != "number" or not t.norm.isdigit():
            return None
        v = int(t.norm)
        return v if lo <= v <= hi else None

    def day(self, i: int):
        """A day number (digits) or an ordinal, optionally followed by من: (day, next)."""
        v = self.digits(i, 1, 31)
        if v is not None:
            return v, i + 1
        o = self.phrase(i, "ordinal", clitic_ok=False)
        if o and self.word(o[1]) == "من":
            return o[0], o[1] + 1
        return None

    def month(self, i: int):
        """A month name, with a second name after / or in brackets: (month, cal, next, key, clitic)."""
        ph = self.phrase(i, "month")
        if ph is None:
            return None
        (num, cal), j, clitic, key = ph
        for opener, closer in (("/", None), ("(", ")"), ("-", None)):
            if self.word(j) == opener:
                alt = self.phrase(j + 1, "month", clitic_ok=False)
                if alt and alt[0] == (num, cal) and (closer is None or self.word(alt[1]) == closer):
                    j, key = alt[1] + (1 if closer else 0), ()
                    break
        return num, cal, j, key, clitic

    def year(self, i: int, cal: str):
        """[،] [عام|سنة] year [هـ|م]: (year, cal, next)."""
        j = i
        if self.word(j) in ("،", ","):
            j += 1
        had_word = False
        if self.word(j) == "من" and any(w in self.tw.year_words for _, w in _strip(self.word(j + 1))):
            j += 1
        for clitic, w in _strip(self.word(j)):
            if w in self.tw.year_words and clitic in ("", "ل"):
                j, had_word = j + 1, True
                break
        num = self.nums.get(j)
        if num is None or not float(num[0]).is_integer():
            return None
        value, k = int(num[0]), num[1]
        if num[3] == "digits" and len(self.toks[j].norm) not in (4,):
            return None
        mark = self.word(k)
        if mark in self.tw.hijri_marks:
            cal, k = "hijri", k + 1
        elif mark in self.tw.greg_marks:
            cal, k = "gregorian", k + 1
        lo, hi = HIJRI_YEARS if cal == "hijri" else GREG_YEARS
        if not lo <= value <= hi:
            return None
        return value, cal, k, had_word

    # -- date readers ---------------------------------------------------------------
    def explicit(self, i: int) -> _Date | None:
        """[day [link day]] month [year]."""
        d = d2 = None
        j = i
        dd = self.day(i)
        if dd:
            d, j = dd
            for clitic, w in _strip(self.word(j))[:1]:
                if w in self.tw.links:
                    d2r = self.day(j + 1)
                    if d2r and self.month(d2r[1]):
                        d2, j = d2r[0], d2r[1]
        mo = self.month(j)
        if mo is None:
            return None
        m, cal, k, key, clitic = mo
        if d is not None and clitic:
            return None         # "3 وآذار" is not a date
        yr = self.year(k, cal)
        out = _Date(i, k, m=m, d=d, cal=cal)
        if yr:
            out.y, out.cal, out.end = yr[0], yr[1], yr[2]
        else:
            mod = self.word(k)
            if mod in self.tw.past or mod in self.tw.future or mod in self.tw.current:
                out.end = k + 1
                out.extra["modifier"] = "past" if mod in self.tw.past else "future" if mod in self.tw.future \
                    else "current"
        prev = _strip(self.word(i - 1))[-1][1] if i > 0 else ""
        out.anchored = bool(d or yr or self.word(i - 1) in self.tw.month_words or prev in self.tw.month_words
                            or key not in self.tw.need_anchor)
        if not out.anchored:
            return None
        if d2:
            out.extra["end_day"] = d2
        if d is None and clitic:
            out.extra["clitic"] = clitic
        return out

    def numeric(self, i: int) -> _Date | None:
        t = self.toks[i]
        m = _NUMERIC.match(t.norm)
        if m:
            return self._dmy(i, i + 1, int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if i + 4 >= self.n or not all(self.adjacent(k) for k in range(i, i + 4)):
            return None
        sep = self.word(i + 1)
        if sep not in DASHES or self.word(i + 3) != sep:
            return None
        a, b, c = (self.toks[i + q] for q in (0, 2, 4))
        if not all(x.kind == "number" and x.norm.isdigit() for x in (a, b, c)):
            return None
        if len(a.norm) == 4 and sep == "-":
            return self._dmy(i, i + 5, int(c.norm), int(b.norm), int(a.norm))
        if len(c.norm) == 4 and len(a.norm) <= 2 and len(b.norm) <= 2:
            return self._dmy(i, i + 5, int(a.norm), int(b.norm), int(c.norm))
        return None

    def _dmy(self, i, j, d, m, y) -> _Date | None:
        if not GREG_YEARS[0] <= y <= GREG_YEARS[1]:
            return None
        for dd, mm, order in ((d, m, None), (m, d, "month-day-year")):
            try:
                dt.date(y, mm, dd)
            except ValueError:
                continue
            out = _Date(i, j, y=y, m=mm, d=dd)
            if order:
                out.extra["order"] = order
            return out
        return None

    def year_only(self, i: int) -> _Date | None:
        w = self.word(i)
        strip = _strip(w)
        if any(r in self.tw.year_words and c in ("", "و", "ل", "ب") for c, r in strip):
            yr = self.year(i, "gregorian")
            if yr and yr[3]:
                return _Date(i, yr[2], y=yr[0], cal=yr[1])
            return None
        if self.toks[i].kind == "number" and len(self.toks[i].norm) == 4:
            yr = self.year(i, "gregorian")
            if yr is None:
                return None
            if yr[1] == "hijri" or self.word(yr[2] - 1) in self.tw.greg_marks:
                return _Date(i, yr[2], y=yr[0], cal=yr[1])
            prev = _strip(self.word(i - 1)) if i > 0 else []
            if any(r in self.tw.year_preps for _, r in prev) and not _counted(self.word(i + 1)):
                return _Date(i, yr[2], y=yr[0], cal=yr[1])
        return None


def _counted(word: str) -> bool:
    from marsad.stages.quantities import is_head_word
    return is_head_word(word)


def _gregorian(d: _Date) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri date at its precision."""
    from hijridate import Hijri
    try:
        if d.d:
            g = Hijri(d.y, d.m, d.d).to_gregorian()
            return g, g
        if d.m:
            h = Hijri(d.y, d.m, 1)
            first = h.to_gregorian()
            return first, first + dt.timedelta(days=h.month_length() - 1)
        first = Hijri(d.y, 1, 1).to_gregorian()
        last = Hijri(d.y, 12, 1)
        return first, last.to_gregorian() + dt.timedelta(days=last.month_length() - 1)
    except (ValueError, OverflowError):
        return None


def _value(d: _Date, pub: dt.date | None) -> dict:
    val: dict = {"value": None, "precision": d.precision}
    y = d.y
    if y is None and d.m:
        if pub is not None:
            if d.cal == "hijri":
                from hijridate import Gregorian
                h = Gregorian(pub.year, pub.month, pub.day).to_hijri()
                y = h.year if d.m <= h.month else h.year - 1
            else:
                mod = d.extra.get("modifier")
                if mod == "current":
                    y = pub.year
                elif mod == "future":
                    y = pub.year if d.m > pub.month else pub.year + 1
                elif mod == "past":
                    y = pub.year if d.m < pub.month else pub.year - 1
                else:
                    y = pub.year if d.m <= pub.month else pub.year - 1
            val["year_inferred"] = True
        else:
            val["month"] = d.m
            if d.d:
                val["day"] = d.d
            if d.cal == "hijri":
                val["calendar"] = "hijri"
            if "end_day" in d.extra:
                val["end_day"] = d.extra["end_day"]
            return val
    if d.cal == "hijri":
        val["calendar"] = "hijri"
        val["hijri"] = _iso(y, d.m, d.d)
        g = _gregorian(_Date(0, 0, y=y, m=d.m, d=d.d, cal="hijri"))
        if g is None:
            return val
        first, last = g
        val["value"] = _iso(first.year, first.month, first.day) if d.d else \
            _iso(first.year, first.month) if d.m else _iso(first.year)
        if first != last:
            val["end"] = last.isoformat()
        if "end_day" in d.extra:
            g2 = _gregorian(_Date(0, 0, y=y, m=d.m, d=d.extra["end_day"], cal="hijri"))
            if g2:
                val["end"] = g2[0].isoformat()
        return val
    if d.d:
        try:
            dt.date(y, d.m, d.d)
        except ValueError:
            return val
    val["value"] = _iso(y, d.m, d.d)
    if "end_day" in d.extra:
        try:
            val["end"] = dt.date(y, d.m, d.extra["end_day"]).isoformat()
        except ValueError:
            pass
    return val


def _relative_value(unit: str, k: int, pub: dt.date | None, name: str) -> dict:
    precision = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    val: dict = {"value": None, "precision": precision, "relative": name}
    if pub is None:
        return val
    if unit == "day":
        val["value"] = (pub + dt.timedelta(days=k)).isoformat()
    elif unit == "week":
        # the seven days before (or after) publication, not a calendar week
        if k == 0:
            first, last = pub - dt.timedelta(days=pub.weekday()), pub
        elif k < 0:
            first, last = pub + dt.timedelta(days=7 * k), pub + dt.timedelta(days=7 * (k + 1) - 1)
        else:
            first, last = pub + dt.timedelta(days=7 * (k - 1) + 1), pub + dt.timedelta(days=7 * k)
        val["value"], val["end"] = first.isoformat(), last.isoformat()
    elif unit == "month":
        y, m = _shift_month(pub.year, pub.month, k)
        val["value"] = _iso(y, m)
    else:
        val["value"] = _iso(pub.year + k)
    return val


@stage("time", requires=("tokens", "sentences", "mentions"), assigns=("mentions",))
def make_time(**_):
    tw = time_words()
    triggers = tw.triggers

    def run(doc: Doc) -> Doc:
        toks = doc.tokens
        # a date begins with a number or a trigger word; the header too: a dateline may
        # carry the date of the report
        begins = sorted(of_kind(toks, "number") + in_vocabulary(toks, triggers))
        if not begins:
            return doc
        pub = _published(doc)
        r = _Reader(doc, tw)
        found: list[tuple[int, int, dict, str]] = []     # (start tok, end tok, value, evidence)
        i = 0      # the first token not yet read
        for j in begins:
            if j >= i:
                res = _read_at(r, j, pub)
                if res is not None:
                    found.append(res)
                    i = res[1]
        for s, e, value, ev in found:
            doc.add_mention(toks[s].start, toks[e - 1].end, "DATE", value=value, evidence=[ev])
        return doc

    return run


def _range_with(r: _Reader, a: _Date, pub):
    """Extend a month-or-day date over "إلى/حتى/و … <second date>"; returns (end tok, value) or None."""
    j = a.end
    link = r.word(j)
    if link in r.tw.links:
        b = r.explicit(j + 1)
    elif link.startswith(LINK_CLITIC) and len(link) > 2:
        b = r.explicit(j)
        if b is None or b.extra.get("clitic") != LINK_CLITIC:
            b = None
    else:
        b = None
    if b is None or b.cal != a.cal or (a.d is None) != (b.d is None):
        return None
    if a.y is None:
        a.y = b.y if (b.y is None or a.m is None or b.m is None or a.m <= b.m) else b.y - 1
    va, vb = _value(a, pub), _value(b, pub)
    if va["value"] is None or vb["value"] is None:
        return None
    va["end"] = vb.get("end") or vb["value"]
    return b.end, va


def _read_at(r: _Reader, i: int, pub):
    tw, w = r.tw, r.word(i)
    if r.toks[i].kind == "number":
        d = r.numeric(i)
        if d:
            return i, d.end, _value(d, pub), "time:numeric"
    # relative phrase (أمس، الشهر الماضي …), possibly followed by a weekday: اليوم الأحد
    rel = r.phrase(i, "relative")
    if rel and not (rel[3] == ("اليوم",) and (r.word(rel[1]) in tw.not_today or _after_day_word(r, i))):
        unit, k = rel[0]
        j = rel[1]
        if _strip(r.word(j))[-1][1] in tw.weekdays or r.word(j) in tw.weekdays:
            j += 1
        name = tw.relative_names.get(f"{unit}:{k}", f"{unit}:{k:+d}" if k else f"this_{unit}")
        # an explicit date right after (اليوم الأحد 8 كانون الثاني) wins
        exp = r.explicit(j) or (r.numeric(j) if j < r.n and r.toks[j].kind == "number" else None)
        if exp and exp.y:
            return i, exp.end, _value(exp, pub), "time:explicit"
        return i, j, _relative_value(unit, k, pub, name), "time:relative"
    # weekday, with يوم before it and الماضي / المقبل after
    s = i
    j = i
    if any(x in tw.day_words for _, x in _strip(w)[:1]) and w not in tw.weekdays:
        j = i + 1
    wd = None
    for clitic, x in _strip(r.word(j)):
        if x in tw.weekdays:
            wd = tw.weekdays[x]
            break
    if wd is not None:
        j += 1
        if r.word(j) in (",", "،") and j + 1 < r.n:
            exp = r.explicit(j + 1) or r.numeric(j + 1)
        else:
            exp = r.explicit(j) or (r.numeric(j) if j < r.n and r.toks[j].kind == "number" else None)
        if exp:
            val = _value(exp, pub)
            val["weekday"] = wd
            return s, exp.end, val, "time:explicit"
        direction = 0
        if r.word(j) in tw.past:
            direction, j = -1, j + 1
        elif r.word(j) in tw.future:
            direction, j = 1, j + 1
        val = {"value": None, "precision": "day", "relative": "weekday", "weekday": wd}
        if pub is not None:
            delta = (pub.isoweekday() - wd) % 7
            if direction < 0 and delta == 0:
                delta = 7
            if direction > 0:
                delta = -((wd - pub.isoweekday()) % 7 or 7)
            val["value"] = (pub - dt.timedelta(days=delta)).isoformat()
        return s, j, val, "time:weekday"
    # منذ ثلاثة أيام / قبل يومين / بعد أسبوع
    stem = _strip(w)
    if any(x in tw.ago or x in tw.after for _, x in stem[:2]):
        sign = -1 if any(x in tw.ago for _, x in stem[:2]) else 1
        res = _ago(r, i + 1)
        if res:
            unit, k, j = res
            if not r.year(j - 1, "gregorian"):
                name = f"{unit}:{sign * k:+d}"
                return i, j, _relative_value(unit, sign * k, pub, name), "time:relative"
    # explicit day-month-year and month ranges
    if w in tw.range_starts and not r.phrase(i, "month"):
        i += 1          # منذ 2014: the date starts after the preposition
    d = r.explicit(i)
    if d:
        # بين / من before a range belongs to it
        start = i - 1 if i > 0 and r.word(i - 1) in tw.range_starts else i
        rng = _range_with(r, d, pub)
        if rng:
            return start, rng[0], rng[1], "time:range"
        if "end_day" in d.extra:
            return start, d.end, _value(d, pub), "time:range"
        return i, d.end, _value(d, pub), "time:explicit"
    d = r.year_only(i)
    if d:
        val = _value(d, pub)
        if r.word(d.end) in tw.links:
            y2 = r.year(d.end + 1, d.cal)
            if y2 and y2[1] == d.cal and y2[0] > d.y:
                end = _value(_Date(0, 0, y=y2[0], cal=y2[1]), pub)
                if val["value"] and end["value"]:
                    val["end"] = end.get("end") or end["value"]
                    start = i - 1 if i > 0 and r.word(i - 1) in tw.range_starts else i
                    return start, y2[2], val, "time:range"
        return i, d.end, val, "time:year"
    return None


def _after_day_word(r: _Reader, i: int) -> bool:
    """اليوم inside "في نفس اليوم" / "منذ ذلك اليوم" is no date."""
    return i > 0 and r.word(i - 1) in ("نفس", "ذلك", "هذا", "ذات", "طيله", "طوال")


def _ago(r: _Reader, j: int):
    """count unit | dual unit | singular unit after منذ/قبل/بعد: (unit, count, next)."""
    num = r.nums.get(j)
    if num is not None and not num[2] and float(num[0]).is_integer():
        u = r.tw.units.get(r.word(num[1]))
        if u:
            return u[0], int(num[0]), num[1] + 1
        return None
    u = r.tw.units.get(r.word(j))
    if u and u[1] is not None:
        return u[0], u[1], j + 1
    return None
