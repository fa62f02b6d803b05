"""From the SOURCES a user gives (files, folders, "-" for standard input) to a stream of
Items and Skips, in a deterministic order: sources as given, each folder walked depth-first
by sorted name (hidden files and folders left out), records in file order.

The reader is chosen by the file's extension, else by sniffing its first bytes. A bad
input gives a Skip saying what to do; nothing here raises for one bad input.
"""
from __future__ import annotations

import codecs
import io
import os
import sys
import zlib
from collections.abc import Iterator

from marsad.errors import E, MarsadError
from marsad.ingest.formats import feed, html, records, text, warc
from marsad.ingest.items import Item, ReadOptions, Skip, skip_for

SUFFIXES = {".warc.gz": "warc", ".warc": "warc", ".html": "html", ".htm": "html", ".xhtml": "html",
            ".xml": "feed", ".rss": "feed", ".atom": "feed", ".jsonl": "jsonl", ".ndjson": "jsonl",
            ".csv": "csv", ".tsv": "csv", ".txt": "text"}
READERS = {"html": html.read, "text": text.read, "jsonl": records.read_jsonl, "csv": records.read_csv}


def sniff(head: bytes) -> str:
    """The format of content whose name says nothing: markup, feed, archive, JSON lines or text."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return "text"
    if head.startswith(b"WARC/"):
        return "warc"
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    start = head.decode("utf-16" if utf16 else "utf-8", "ignore").lstrip("\ufeff \t\r\n").lower()
    if start.startswith("<?xml"):
        return "html" if "<html" in start and "<rss" not in start else "feed"
    if start.startswith(("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    if start.startswith(("<!doctype html", "<html")):
        return "html"
    if start.startswith("{") and start.split("\n", 1)[0].rstrip().endswith("}"):
        return "jsonl"
    return "text"


def guess_format(name: str, head: bytes) -> str:
    lower = name.lower()
    for suffix, fmt in SUFFIXES.items():
        if lower.endswith(suffix):
            return fmt
    return sniff(head)


def _walk(folder: str) -> Iterator[str | Skip]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield skip_for(folder, MarsadError(E.UNREADABLE, path=folder, why=exc.strerror or exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):       # never follow a link into a loop
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path


def _files(source: str) -> Iterator[str | Skip]:
    path = os.path.abspath(source)
    if os.path.isdir(path):
        yield from _walk(path)
    elif os.path.exists(path):
        yield path
    else:
        yield skip_for(path, MarsadError(E.FILE_NOT_FOUND, path=source))


def count_inputs(sources) -> int:
    """How many files iter_items will open (for a progress bar's total)."""
    return sum(1 if source == "-" else sum(isinstance(f, str) for f in _files(source)) for source in sources)


def _read(origin: str, raw: bytes, fmt: str, options, pages, fetcher) -> Iterator[Item | Skip]:
    if not raw.strip():
        name = "<stdin>" if origin == "-" else origin
        yield skip_for(origin, MarsadError(E.EMPTY_INPUT, path=name))
    elif fmt == "feed":
        yield from feed.read(origin, raw, options, pages, fetcher)
    elif fmt == "warc":
        yield from warc.read(origin, io.BytesIO(raw), options)
    else:
        yield from READERS[fmt](origin, raw, options)


def _read_path(path: str, options, pages, fetcher) -> Iterator[Item | Skip]:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            fmt = guess_format(path, head)
            if fmt == "warc" and head.strip():    # archives can be large: read them as a stream
                fh.seek(0)
                yield from warc.read(path, fh, options)
                return
            raw = head + fh.read()
    except OSError as exc:
        yield skip_for(path, MarsadError(E.UNREADABLE, path=path, why=exc.strerror or exc))
        return
    yield from _read(path, raw, fmt, options, pages, fetcher)


def _guarded(origin: str, items: Iterator[Item | Skip]) -> Iterator[Item | Skip]:
    """The reader's items; an unexpected failure ends this input with a Skip, not the run."""
    try:
        yield from items
    except Exception as exc:
        yield skip_for(origin, MarsadError(E.UNREADABLE, path=origin, why=f"{type(exc).__name__}: {exc}"))


def iter_items(sources: list[str], options: ReadOptions | None = None, *, stdin=None) -> Iterator[Item | Skip]:
    """Items in a deterministic order (directories walked sorted by path; records in file order)."""
    options = options or ReadOptions()
    pages, fetcher = feed.SavedPages(), feed.Fetcher(options)
    try:
        for source in sources:
            if source == "-":
                stream = stdin if stdin is not None else sys.stdin
                raw = getattr(stream, "buffer", stream).read()
                raw = raw.encode("utf-8") if isinstance(raw, str) else raw
                yield from _guarded("-", _read("-", raw, sniff(raw[:4096]), options, pages, fetcher))
                continue
            for path in _files(source):
                if isinstance(path, Skip):
                    yield path
                else:
                    yield from _guarded(path, _read_path(path, options, pages, fetcher))
    finally:
        fetcher.close()
