"""`marsad ingest` (read sources into the store) and `marsad search` (full-text search)."""
from __future__ import annotations

import json
import sys

from marsad.errors import E, MarsadError


def register(sub) -> None:
    p = sub.add_parser("ingest", help="read articles (files, folders, feeds, WARC, JSONL) into the database",
                       description="Read every article in SOURCE (files, folders, RSS/Atom feeds, WARC, JSONL/CSV, "
                                   "or - for standard input), drop exact and near duplicates (listed as copies "
                                   "of the first), extract places, actors, sources and events, and store it all "
                                   "in the SQLite database. Running it again on the same input changes nothing; "
                                   "after an interruption it carries on where it stopped.")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files or folders to read, or - for stdin")
    p.add_argument("--db", metavar="PATH", help="database file (default: marsad.db in the user data directory; "
                                                "MARSAD_HOME overrides that directory)")
    p.add_argument("--offline", action="store_true", help="never fetch pages over the network (feeds)")
    for name, default in (("text", "text"), ("url", "url"), ("title", "title"), ("published", "published"),
                          ("outlet", "outlet"), ("author", "author")):
        p.add_argument(f"--{name}-field", default=default, metavar="F",
                       help=f"JSONL/CSV field holding the {name} (default {default!r})")
    p.add_argument("--encoding", help="force the encoding of text inputs (default: detect)")
    p.add_argument("--pages-dir", metavar="DIR", help="folder with saved pages of feed entries")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--progress", action="store_true", help="show the progress bar even when stderr is not a terminal")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run_ingest)

    s = sub.add_parser("search", help="full-text search of the stored articles",
                       description="Find stored articles containing every word of QUERY, through clitics "
                                   "(الموصل finds بالموصل and للموصل) and spelling variants (hamza, taa marbuta, "
                                   "diacritics).")
    s.add_argument("query", nargs="+", metavar="QUERY")
    s.add_argument("--db", metavar="PATH", help="database file (default: as for ingest)")
    s.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    s.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    s.set_defaults(func=run_search)


def read_options(args):
    from marsad.ingest.items import ReadOptions
    return ReadOptions(text_field=args.text_field, url_field=args.url_field, title_field=args.title_field,
                       published_field=args.published_field, outlet_field=args.outlet_field,
                       author_field=args.author_field, encoding=args.encoding, offline=args.offline,
                       pages_dir=args.pages_dir)


def run_ingest(args) -> int:
    from marsad.store import Store
    from marsad.store.run import ingest

    show = not args.quiet and not args.no_progress and (args.progress or sys.stderr.isatty())
    with Store(args.db) as store:
        if show:
            summary = _with_progress(lambda cb: ingest(args.sources, store, read_options(args),
                                                       stdin=sys.stdin.buffer, on_item=cb))
        else:
            summary = ingest(args.sources, store, read_options(args), stdin=sys.stdin.buffer)
        path = store.path
    if not args.quiet:
        print_summary(summary, path)
    if summary.read == len(summary.skipped):
        why = "every input was skipped (reasons above)" if summary.read else "no inputs found"
        raise MarsadError(E.INGEST_NOTHING, sources=" ".join(args.sources), why=why)
    return 0


def _with_progress(work):
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, force_terminal=True if not sys.stderr.isatty() else None)
    columns = (SpinnerColumn(), TextColumn("{task.completed} items"), BarColumn(),
               TextColumn("stored {task.fields[stored]} · dup {task.fields[dup]} · skipped {task.fields[skipped]}"),
               TimeElapsedColumn(), TextColumn("[dim]{task.fields[origin]}"))
    counts = {"stored": 0, "dup": 0, "skipped": 0}
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=None, origin="", **counts)

        def on_item(obj, outcome):
            key = {"stored": "stored", "exact": "dup", "near": "dup", "skipped": "skipped"}.get(outcome)
            if key:
                counts[key] += 1
            bar.update(task, advance=1, origin=_short(getattr(obj, "origin", "")), **counts)

        return work(on_item)


def _short(origin: str, width: int = 40) -> str:
    return origin if len(origin) <= width else "…" + origin[-width + 1:]


def print_summary(summary, path, out=None) -> None:
    out = out or sys.stdout
    print(f"read {summary.read} item(s) into {path}", file=out)
    print(f"  stored:     {summary.stored}", file=out)
    print(f"  duplicates: {summary.duplicates} (exact {summary.exact}, near {summary.near})", file=out)
    if summary.known:
        print(f"  already stored, passed over: {summary.known}", file=out)
    print(f"  skipped:    {len(summary.skipped)}", file=out)
    for origin, reason in summary.skipped:
        print(f"    {origin}: {reason}", file=out)


def run_search(args) -> int:
    from marsad.store import Store

    query = " ".join(args.query)
    with Store(args.db, create=False) as store:
        found = store.search(query, args.limit)
    if args.format == "json":
        for hit in found:
            print(json.dumps(hit, ensure_ascii=False))
        return 0
    if not found:
        print(f"no article matches {query!r}")
    for hit in found:
        head = " · ".join(x for x in (hit["published"], hit["outlet"], hit["title"]) if x)
        print(f"{hit['id']}  {head}\n    {hit['snippet']}")
    return 0
