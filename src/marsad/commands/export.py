"""`marsad export` (merged events as ACLED-style CSV, GeoJSON or the stored documents as
JSONL) and `marsad events` (merged events, one a line, with who reported them)."""
from __future__ import annotations

import json
import os
import sys
import tempfile

from marsad.errors import E, MarsadError

FORMATS = ("csv", "geojson", "jsonl")


def _filter_args(p) -> None:
    p.add_argument("--db", metavar="PATH", help="database file (default: as for `marsad ingest`)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only events on or after this date")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only events on or before this date")
    p.add_argument("--country", metavar="ISO2", help="only events in this country (e.g. IQ)")
    p.add_argument("--actor", metavar="ID", help="only events with this actor or target (e.g. actor:isis)")
    p.add_argument("--type", metavar="TYPE", help="only events of this PLOVER type (e.g. ASSAULT)")
    p.add_argument("--window-days", type=int, default=1, metavar="N",
                   help="reports at most N days apart may be one event (default 1)")


def register(sub) -> None:
    p = sub.add_parser("export", help="export merged events: CSV (ACLED columns), GeoJSON, JSONL",
                       description="Merge the stored reports of each event across articles and write them: "
                                   "csv has ACLED's columns then marsad's; geojson has events as Points and "
                                   "corridors as LineStrings; jsonl has the contract documents of the articles.")
    p.add_argument("--format", choices=FORMATS, default="csv", help="output format (default csv)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of standard output")
    p.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 byte-order mark (for Excel)")
    _filter_args(p)
    p.set_defaults(func=run_export)

    e = sub.add_parser("events", help="list merged events with who reported them",
                       description="One line per event merged across articles: date, type, actors, place and "
                                   "a summary such as 'reported by 3 outlets, 2 citing local sources'.")
    e.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    e.add_argument("--arabic", action="store_true", help="text: the summary in Arabic")
    _filter_args(e)
    e.set_defaults(func=run_events)


def _merged(args):
    from marsad.export.filters import make_filters
    from marsad.store import Store
    from marsad.store.merge import merged_events

    filters = make_filters(args.since, args.until, args.country, args.actor, args.type)
    if not 0 <= args.window_days <= 30:
        raise MarsadError(E.BAD_WINDOW, value=args.window_days)
    store = Store(args.db, create=False)
    try:
        return store, filters, merged_events(store, filters, args.window_days)
    except BaseException:
        store.close()
        raise


def run_export(args) -> int:
    from marsad.export import acled_csv, geojson, jsonl

    writer = {"csv": acled_csv.write, "geojson": geojson.write, "jsonl": jsonl.write}[args.format]
    store, filters, events = _merged(args)
    with store:
        emit(lambda out: writer(store, events, out, filters), args.output,
             "utf-8-sig" if args.bom and args.format == "csv" else "utf-8")
    return 0


def emit(produce, path: str | None, encoding: str = "utf-8") -> None:
    """``produce(stream)`` to stdout, or to ``path`` through a temporary file renamed over
    it, so a reader never sees half a file and a failure leaves the old one."""
    if not path:
        if encoding == "utf-8-sig":
            sys.stdout.write("\ufeff")
        produce(sys.stdout)
        return
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".marsad-export-", dir=folder)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # as an ordinary new file would be, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            produce(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise MarsadError(E.EXPORT_WRITE, path=path, why=exc.strerror or exc) from None
    finally:  # whatever went wrong, no temporary file is left behind
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def run_events(args) -> int:
    store, _, events = _merged(args)
    with store:
        for ev in events:
            if args.format == "json":
                print(json.dumps(as_json(ev), ensure_ascii=False))
                continue
            place = (ev.place or {}).get("name_ar" if args.arabic else "name") or "?"
            who = " → ".join(ev.names.get(a, (a,))[1 if args.arabic else 0] for a in (ev.actor, ev.target) if a)
            head = "  ".join(x for x in (ev.date or "????", ev.type, ev.status, who, f"@ {place}") if x)
            print(f"{ev.id}  {head}  — {ev.summary_ar if args.arabic else ev.summary}")
    return 0


def as_json(ev) -> dict:
    place = ev.place or {}
    return {"id": ev.id, "type": ev.type, "mode": ev.mode, "status": ev.status, "actor": ev.actor,
            "target": ev.target, "place": place.get("id"), "place_name": place.get("name"),
            "country": ev.country, "date": ev.date, "date_precision": ev.date_precision, "date_from": ev.date_from,
            "fatalities": ev.fatalities, "confidence": ev.confidence, "outlets": ev.outlets,
            "summary": ev.summary, "summary_ar": ev.summary_ar, "reports": [r.to_json() for r in ev.reports]}
