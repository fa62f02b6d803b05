"""What the input readers of ``marsad ingest`` produce: an Item per article found, a Skip per
input (or part of one) that could not be read, and the options that steer reading."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import MarsadError

META_KEYS = ("url", "outlet", "title", "author", "published", "language")


@dataclass
class Item:
    """One article found in an input."""
    text: str          # the article's main text, original characters (line endings made \n)
    meta: dict         # META_KEYS; published is "YYYY-MM-DD" or None; language "ar"
    origin: str        # stable unique address: path, path#line=N, path#row=N, path#record=ID, path#entry=ID, -
    format: str        # html | text | jsonl | csv | warc | feed
    raw_hash: str      # sha1 hex of the raw bytes this item came from


@dataclass
class Skip:
    origin: str
    reason: str        # one line: what is wrong with this input and what to do next


@dataclass
class ReadOptions:
    text_field: str = "text"
    url_field: str = "url"
    title_field: str = "title"
    published_field: str = "published"
    outlet_field: str = "outlet"
    author_field: str = "author"
    encoding: str | None = None       # force an encoding for text inputs
    offline: bool = False             # never fetch over HTTP
    timeout: float = 10.0
    user_agent: str = "marsad/0.1 (+https://github.com/marsad; news research)"
    pages_dir: str | None = None      # where saved copies of feed entries' pages are, besides the feed's folder
    client: Any = field(default=None, repr=False)   # an httpx.Client to fetch with (tests inject a mock)


def make_meta(**values) -> dict:
    """All META_KEYS present; blank strings become None; language is Arabic."""
    meta = {key: None for key in META_KEYS}
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip() or None
        meta[key] = value
    meta["language"] = meta["language"] or "ar"
    return meta


def sha1(raw: bytes) -> str:
    return hashlib.sha1(raw).hexdigest()


def clean_text(text: str) -> str:
    """Line endings made \\n and the ends trimmed; every other character as the outlet wrote it."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def skip_for(origin: str, error: MarsadError) -> Skip:
    return Skip(origin=origin, reason=str(error))
