"""A corridor's status timeline and its status as of a date.

Rules:
  * only dated reports count; a report dated after the as-of day is not known yet;
  * ``unknown`` reports (a route named with nothing said of its state) never change the
    status: they are listed among the corridor's reports, that is all;
  * the status as of a day is the status of the latest day, on or before it, with a
    report that says something. Reports of one day that disagree make that day
    "contested" (and they are all listed as contradicting), except that open and
    narrowing together are "narrowing": both say it can still be used;
  * ``since`` is the first day of the unbroken run of days with that status;
  * contradicting reports: the dated reports of the last ``window`` days up to the as-of
    day (default 7) whose status differs from the chosen one.
Passable: open and narrowing (a narrowing corridor can still be travelled); contested is
passable only when asked for (graph.py, --allow-contested); closed and unknown are not.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from marsad.corridors.build import Corridor, RouteReport

WINDOW_DAYS = 7
PASSABLE = ("open", "narrowing")


@dataclass
class Status:
    status: str                                   # open | closed | contested | narrowing | unknown
    since: datetime.date | None                   # first day of the current run of this status
    day: datetime.date | None                     # the day of the reports that decided it
    deciding: list[RouteReport] = field(default_factory=list)
    contradicting: list[RouteReport] = field(default_factory=list)
    reports: list[RouteReport] = field(default_factory=list)   # every report known by then (dated, then undated)

    @property
    def last(self) -> RouteReport | None:
        """The report behind the status (the last of the deciding day), else the last known."""
        if self.deciding:
            return self.deciding[-1]
        dated = [r for r in self.reports if r.date is not None]
        return dated[-1] if dated else None

    def passable(self, allow_contested: bool = False) -> bool:
        return self.status in PASSABLE or (allow_contested and self.status == "contested")


def day_status(reports: list[RouteReport]) -> str:
    """The status of one day's telling reports."""
    said = {r.status for r in reports}
    if len(said) == 1:
        return said.pop()
    if said <= {"open", "narrowing"}:
        return "narrowing"
    return "contested"


def timeline(corridor: Corridor) -> list[tuple[datetime.date, str, list[RouteReport]]]:
    """(day, status, reports) for every day with a report that says something, in order."""
    days: dict[datetime.date, list[RouteReport]] = {}
    for r in corridor.dated:
        if r.status != "unknown":
            days.setdefault(r.date, []).append(r)
    return [(d, day_status(days[d]), days[d]) for d in sorted(days)]


def status_as_of(corridor: Corridor, as_of: datetime.date | None = None, window: int = WINDOW_DAYS) -> Status:
    """The corridor's status on ``as_of`` (None: with every dated report) – module notes."""
    known = corridor.reports_until(as_of)
    line = [t for t in timeline(corridor) if as_of is None or t[0] <= as_of]
    if not line:
        return Status("unknown", None, None, [], [], known)
    day, status, deciding = line[-1]
    since = day
    for d, s, _ in reversed(line[:-1]):
        if s != status:
            break
        since = d
    end = as_of or day
    contradicting = [r for r in corridor.dated
                     if r.date <= end and (end - r.date).days <= window
                     and r.status not in ("unknown", status)]
    return Status(status, since, day, list(deciding), contradicting, known)
