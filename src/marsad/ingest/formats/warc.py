"""Web archives (WARC, plain or gzipped): every successful HTML ``response`` record is a page.

A damaged archive gives the pages read before the damage, then one Skip naming the byte
offset of the first record that could not be read. warcio stops quietly at a cut gzip
member, so the reader also checks that the records it read reach the end of the file.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from marsad.errors import E, MarsadError
from marsad.ingest.formats import html
from marsad.ingest.items import Item, ReadOptions, Skip, sha1, skip_for

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _cut_short(record) -> bool:
    """Whether bytes promised by the record's Content-Length never came."""
    return bool(getattr(record.raw_stream, "limit", 0))


def _page(origin: str, record, options: ReadOptions) -> Item | Skip | None:
    """The record's article, a Skip, or None for records that are not web pages."""
    if record.rec_type != "response" or not record.http_headers:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(HTML_TYPES):
        return None
    rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    here = f"{origin}#record={rid}"
    payload = record.content_stream().read()
    if _cut_short(record):
        return None
    charset = content_type.partition("charset=")[2].split(";")[0].strip() or None
    try:
        page = html.decode_html(payload, here, declared=charset, forced=options.encoding)
        text, meta = html.extract(page, here, url=record.rec_headers.get_header("WARC-Target-URI"),
                                  fallback_date=record.rec_headers.get_header("WARC-Date"))
    except MarsadError as err:
        return skip_for(here, err)
    return Item(text=text, meta=meta, origin=here, format="warc", raw_hash=sha1(payload))


def read(origin: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Item | Skip]:
    records = ArchiveIterator(stream)
    end, pages, damage = 0, 0, None
    try:
        for record in records:
            found = _page(origin, record, options)
            if _cut_short(record):
                damage = (records.offset, "the record is cut short")
                break
            end = records.get_record_offset() + records.get_record_length()
            if found is not None:
                pages += 1
                yield found
    except Exception as exc:     # warcio and zlib raise several types for damaged bytes
        damage = (records.offset, str(exc) or type(exc).__name__)
    if damage is None:
        stream.seek(end)
        if stream.read(4096).strip():    # plain WARCs end with blank lines; anything else is damage
            damage = (end, "a record there could not be read")
    if damage is not None:
        yield skip_for(origin, MarsadError(E.WARC_DAMAGED, path=origin, offset=damage[0], why=damage[1]))
    elif not pages:
        yield skip_for(origin, MarsadError(E.NO_PAGES, path=origin, why="no successful text/html responses"))
