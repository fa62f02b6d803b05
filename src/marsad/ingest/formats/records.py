"""Article tables: JSON Lines (one object per line) and CSV (one row per article, a header
row naming the columns). Field names come from ReadOptions. A bad line or row gives a Skip
naming it; the others are still read.

Origins: ``path#line=N`` counts file lines from 1; ``path#row=N`` counts rows as a
spreadsheet shows them (the header is row 1, the first article row 2).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from marsad.errors import E, MarsadError
from marsad.ingest.formats.dates import normalize_date
from marsad.ingest.items import Item, ReadOptions, Skip, clean_text, make_meta, sha1, skip_for
from marsad.ingest.read import decode_bytes


def _field(record: dict, name: str) -> str | None:
    value = record.get(name)
    return None if value is None else str(value)


def _item(record: dict, path: str, unit: str, number: int, fmt: str, raw: bytes,
          options: ReadOptions) -> Item | Skip:
    origin = f"{path}#{unit}={number}"
    text = record.get(options.text_field)
    text = clean_text(text) if isinstance(text, str) else ""
    if not text:
        fields = ", ".join(repr(k) for k in record) or "none"
        return skip_for(origin, MarsadError(E.RECORD_NO_TEXT, path=path, where=f"{unit} {number}",
                                            field=options.text_field, fields=fields))
    meta = make_meta(url=_field(record, options.url_field), outlet=_field(record, options.outlet_field),
                     title=_field(record, options.title_field), author=_field(record, options.author_field),
                     published=normalize_date(record.get(options.published_field)))
    return Item(text=text, meta=meta, origin=origin, format=fmt, raw_hash=sha1(raw))


def _decoded(origin: str, raw: bytes, options: ReadOptions) -> str:
    text = decode_bytes(raw, origin, options.encoding)
    if not text.strip():
        raise MarsadError(E.EMPTY_INPUT, path=origin)
    return text


def read_jsonl(origin: str, raw: bytes, options: ReadOptions) -> Iterator[Item | Skip]:
    try:
        text = _decoded(origin, raw, options)
    except MarsadError as err:
        yield skip_for(origin, err)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            why = None if isinstance(record, dict) else f"it is a JSON {type(record).__name__}"
        except json.JSONDecodeError as exc:
            why = f"{exc.msg}, column {exc.colno}"
        if why:
            yield skip_for(f"{origin}#line={number}", MarsadError(E.BAD_JSON_LINE, path=origin, line=number, why=why))
            continue
        yield _item(record, origin, "line", number, "jsonl", line.encode("utf-8"), options)


def _dialect(sample: str):
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_csv(origin: str, raw: bytes, options: ReadOptions) -> Iterator[Item | Skip]:
    try:
        text = _decoded(origin, raw, options)
    except MarsadError as err:
        yield skip_for(origin, err)
        return
    rows = csv.reader(io.StringIO(text, newline=""), _dialect(text[:8192]))
    number = 1
    try:
        header = [name.strip().lstrip("\ufeff") for name in next(rows)]
        if options.text_field not in header:
            fields = ", ".join(repr(k) for k in header)
            yield skip_for(origin, MarsadError(E.RECORD_NO_TEXT, path=origin, where="header row",
                                               field=options.text_field, fields=fields))
            return
        for number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            record = dict(zip(header, row))
            line = io.StringIO()
            csv.writer(line).writerow(row)      # the row as CSV: its raw bytes, up to quoting
            yield _item(record, origin, "row", number, "csv", line.getvalue().encode("utf-8"), options)
    except csv.Error as exc:
        yield skip_for(f"{origin}#row={number + 1}",
                       MarsadError(E.BAD_CSV, path=origin, where=f"row {number + 1}", why=exc))
