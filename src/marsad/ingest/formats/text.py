"""Plain-text articles: one per file, in UTF-8, UTF-16 or Windows-1256 (see marsad.ingest.read)."""
from __future__ import annotations

from collections.abc import Iterator

from marsad.errors import E, MarsadError
from marsad.ingest.items import Item, ReadOptions, Skip, clean_text, make_meta, sha1, skip_for
from marsad.ingest.read import decode_bytes


def read(origin: str, raw: bytes, options: ReadOptions) -> Iterator[Item | Skip]:
    name = "<stdin>" if origin == "-" else origin
    try:
        text = clean_text(decode_bytes(raw, name, options.encoding))
        if not text:
            raise MarsadError(E.EMPTY_INPUT, path=name)
    except MarsadError as err:
        yield skip_for(origin, err)
        return
    yield Item(text=text, meta=make_meta(), origin=origin, format="text", raw_hash=sha1(raw))
