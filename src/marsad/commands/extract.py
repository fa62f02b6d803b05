"""`marsad extract` and `marsad demo`: read articles, print contract documents or summaries."""
from __future__ import annotations

import json
import sys
from importlib import resources

from marsad.api import default_pipeline, extract_file, extract_text
from marsad.ingest.read import read_article
from marsad.doc import Doc
from marsad.errors import E, MarsadError

FORMATS = ("json", "jsonl", "text")


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract places (and more) from Arabic articles",
                       description="Read one or more articles (files, or - for stdin) and print the "
                                   "marsad document for each: JSON (one per file; JSON Lines when several), "
                                   "JSONL, or a readable text summary.")
    p.add_argument("inputs", nargs="+", metavar="FILE", help="article text files, or - for standard input")
    p.add_argument("--format", default="json", help=f"output format: {', '.join(FORMATS)} (default json)")
    p.add_argument("--encoding", help="force the input encoding (default: detect)")
    p.add_argument("--near", action="append", metavar="PLACE",
                   help="a place the articles are about (Arabic or English name, or a place id such as "
                        "geonames:170063); used as context to resolve ambiguous names. Repeatable.")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date of the inputs; relative dates (أمس، الأحد الماضي) are resolved against it")
    p.add_argument("--min-confidence", type=float, default=None, metavar="P",
                   help="leave out events whose confidence (the probability, from marsad's trained model, that "
                        "the event's type and place are right) is below P (default 0: report every event)")
    p.add_argument("--with-tagger", action="store_true",
                   help="also run the statistical tagger: confirms names the dictionaries found (evidence "
                        "'tagger') and adds the names they missed, without a place or actor link (slower)")
    p.set_defaults(func=run_extract)

    d = sub.add_parser("demo", help="run extraction on the built-in example reports and summarize them")
    d.add_argument("--format", default="text", help=f"output format: {', '.join(FORMATS)} (default text)")
    d.set_defaults(func=run_demo)


def example_paths() -> list:
    folder = resources.files("marsad").joinpath("examples")
    return sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)


def run_extract(args) -> int:
    if args.format not in FORMATS:
        raise MarsadError(E.UNKNOWN_FORMAT, fmt=args.format, choices=", ".join(FORMATS))
    published = check_published(args.published) if args.published else None
    nlp = default_pipeline(args.with_tagger, min_event_confidence=args.min_confidence)  # load once, before inputs
    near = [resolve_place_hint(name) for name in args.near or []]
    docs = []
    for src in args.inputs:
        article = read_article(src, args.encoding)
        if near:
            article.meta["near"] = near
        if published:
            article.meta["published"] = published
        docs.append(extract_text(article.text, article.meta, nlp))
    emit(docs, args.format)
    return 0


def check_published(value: str) -> str:
    """A --published value as YYYY-MM-DD, or MarsadError naming it."""
    import datetime
    try:
        if len(value) != 10:
            raise ValueError(value)
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise MarsadError(E.BAD_PUBLISHED, value=value) from None


def resolve_place_hint(name: str) -> str:
    """A place id for a --near hint: an id, or the best gazetteer place of that name."""
    from marsad.gazetteer.index import load_gazetteer
    gz = load_gazetteer()
    if gz.get(name):
        return name
    found = gz.lookup(name)
    if not found:
        raise MarsadError(E.UNKNOWN_PLACE, name=name)
    return found[0].id


def run_demo(args) -> int:
    if args.format not in FORMATS:
        raise MarsadError(E.UNKNOWN_FORMAT, fmt=args.format, choices=", ".join(FORMATS))
    docs = []
    for path in example_paths():
        with resources.as_file(path) as real:
            doc = extract_file(str(real))
        doc.meta["source_path"] = f"examples/{path.name}"
        docs.append(doc)
    emit(docs, args.format)
    return 0


def emit(docs: list[Doc], fmt: str) -> None:
    out = sys.stdout
    if fmt == "text":
        for doc in docs:
            out.write(summary(doc) + "\n")
    elif fmt == "json" and len(docs) == 1:
        out.write(json.dumps(docs[0].to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        for doc in docs:
            out.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")


def summary(doc: Doc) -> str:
    """A readable account of one document, for people."""
    meta = doc.meta
    lines = [f"== {meta.get('source_path') or meta.get('url') or doc.id}"]
    head = [f"{k}: {meta[k]}" for k in ("outlet", "author", "published", "dateline") if meta.get(k)]
    if head:
        lines.append("   " + " | ".join(head))
    mentions = {m.id: m for m in doc.mentions}
    by_id = {p.id: p for p in doc.places}
    lines.append(f"   {len(doc.places)} places, {len(doc.mentions)} mentions")
    for p in sorted(doc.places, key=lambda p: -len(p.mention_ids)):
        where = f"{p.lat:.3f},{p.lon:.3f}" if p.lat is not None else "no coordinates"
        surfaces = sorted({mentions[i].text for i in p.mention_ids})
        extra = ""
        if p.anchor:
            anchor = by_id.get(p.anchor["place"])
            extra = f"  [{p.anchor.get('direction') or p.anchor.get('part')} of {anchor.name if anchor else '?'}]"
        admin = f"  in {' / '.join(a['name'] for a in p.admin)}" if p.admin else ""
        lines.append(f"   - {p.name} ({p.kind}, {p.country or '-'}) {where} score {p.score:.2f}"
                     f" ×{len(p.mention_ids)}: {'، '.join(surfaces)}{extra}{admin}")
    if doc.routes:
        lines.append(f"   {len(doc.routes)} routes")
    for r in doc.routes:
        names = [by_id[w].name if w in by_id else w for w in r["waypoints"]]
        arrow = " → " if r.get("directed") else " – "
        extra = [f"via {', '.join(r['via'])}"] if r.get("via") else []
        length = r.get("length_km")
        if length:
            lo, hi = length.get("min"), length.get("max")
            extra.append(f"{'≥' if hi is None else '≤' if lo is None else '≈' if length.get('approx') else ''}"
                         f"{lo if lo is not None else hi} km" if lo != hi or lo is None or hi is None
                         else f"{'≈' if length.get('approx') else ''}{lo} km")
        if r.get("users"):
            extra.append(f"used by {', '.join(r['users'])}")
        lines.append(f"   - {r['id']} {r.get('kind', 'route')} {arrow.join(names)}: {r['status']}"
                     f"{' (' + '; '.join(extra) + ')' if extra else ''}  «{r.get('text', '')}»")
    return "\n".join(lines)
