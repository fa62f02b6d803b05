"""Filters shared by `marsad export` and `marsad events`, checked once with a clear error."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from marsad.errors import E, MarsadError

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ACTOR_ID = re.compile(r"^[a-z][a-z0-9]*:[\w.-]+$")


@dataclass(frozen=True)
class Filters:
    since: str | None = None     # YYYY-MM-DD, inclusive, on the event's date
    until: str | None = None
    country: str | None = None   # ISO2
    actor: str | None = None     # actor id, as actor or target
    type: str | None = None      # PLOVER type

    def match(self, event) -> bool:
        """``event`` is a MergedEvent; an event without a date passes no date filter."""
        if (self.since or self.until) and not event.date:
            return False
        day = first_day(event.date) if event.date else None
        if self.since and last_day(event.date) < self.since:
            return False
        if self.until and day > self.until:
            return False
        if self.country and event.country != self.country:
            return False
        if self.actor and self.actor not in (event.actor, event.target):
            return False
        return not self.type or event.type == self.type

    @property
    def empty(self) -> bool:
        return not any((self.since, self.until, self.country, self.actor, self.type))


def first_day(value: str) -> str:
    """First day of a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' date (compared as text)."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def last_day(value: str) -> str:
    """Last day of such a date, so a month-precise event passes a filter starting mid-month."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        y, m = int(value[:4]), int(value[5:7])
        nxt = datetime.date(y + m // 12, m % 12 + 1, 1)
        return (nxt - datetime.timedelta(days=1)).isoformat()
    return value


def _date(option: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat() if len(value) == 10 else _bad()
    except ValueError:
        raise MarsadError(E.BAD_FILTER_DATE, option=option, value=value) from None


def _bad():
    raise ValueError


def make_filters(since=None, until=None, country=None, actor=None, type=None) -> Filters:
    """Checked filters from command-line strings (E080–E084)."""
    since, until = _date("--since", since), _date("--until", until)
    if since and until and since > until:
        raise MarsadError(E.BAD_FILTER_RANGE, since=since, until=until)
    if country is not None:
        from babel import Locale
        country = country.strip().upper()
        if len(country) != 2 or country not in Locale("en").territories:
            raise MarsadError(E.BAD_FILTER_COUNTRY, value=country)
    if actor is not None and not ACTOR_ID.match(actor.strip()):
        raise MarsadError(E.BAD_FILTER_ACTOR, value=actor)
    if type is not None:
        type = type.strip().upper()
        if type not in PLOVER:
            raise MarsadError(E.BAD_FILTER_TYPE, value=type, known=", ".join(PLOVER))
    return Filters(since, until, country, actor.strip() if actor else None, type)
