"""Saved web pages: the article's main text and metadata, without menus and footers.

trafilatura finds the main text, title, author, site name and the canonical URL. Dates
come from the page's structured metadata (htmldate without its extensive guessing, which
takes a /2017/01/ URL for 1 January or a copyright year for a date), else from an Arabic
date in an element marked as a date ("5 كانون الثاني 2017"), else from the caller
(a WARC record's date), else None.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

import lxml.etree
import lxml.html
import trafilatura

from marsad.errors import E, MarsadError
from marsad.ingest.formats.dates import arabic_date, normalize_date
from marsad.ingest.items import Item, ReadOptions, Skip, clean_text, make_meta, sha1, skip_for
from marsad.ingest.read import decode_bytes

MIN_PARAGRAPH_WORDS = 8      # a menu line or a caption is shorter than a sentence of news
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_BYLINE = re.compile(r"^\s*(?:كتب|كتبت|بقلم|إعداد|تقرير|by)\s*[:：-]?\s*", re.I)
_DATE_XPATH = ("//time | //*[contains(translate(concat(@class,' ',@id,' ',@itemprop),"
               "'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'date') "
               "or contains(translate(@class,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'publish')]")
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def _codec(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def decode_html(raw: bytes, name: str, declared: str | None = None, forced: str | None = None) -> str:
    """The page as text: a forced encoding, else the charset the server or the page declares
    if the bytes fit it, else marsad's own detection (so cp1256 pages without one work)."""
    if forced:
        return decode_bytes(raw, name, forced)
    if not raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        found = _CHARSET.search(raw[:4096])
        for charset in (declared, found.group(1).decode("ascii") if found else None):
            codec = _codec(charset)
            # A page may declare iso-8859-1 while holding cp1256 bytes; the strict decode then
            # succeeds with Latin letters, so a Latin-1 declaration is left to detection.
            if codec and codec not in ("latin-1", "iso8859-1", "cp1252"):
                try:
                    return raw.decode(codec)
                except UnicodeDecodeError:
                    break
    return decode_bytes(raw, name)


def _page_date(page: str) -> str | None:
    try:
        tree = lxml.html.fromstring(page.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return None
    for el in tree.xpath(_DATE_XPATH)[:20]:
        found = normalize_date(el.get("datetime")) or arabic_date(el.text_content()[:200])
        if found:
            return found
    return None


def extract(page: str, name: str, url: str | None = None, fallback_date=None) -> tuple[str, dict]:
    """(main text, meta) of an HTML page, or MarsadError E060 when it holds no article."""
    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as exc:     # a parser failure on one odd page must not stop a whole run
        raise MarsadError(E.HTML_NO_TEXT, path=name, why=f"the page could not be parsed: {exc}") from None
    text = clean_text(doc.text or "") if doc else ""
    lines = [line for line in text.split("\n") if line.strip()]
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in lines):
        why = (f"only {len(lines)} short line(s) such as menus, none of {MIN_PARAGRAPH_WORDS}+ words"
               if lines else "no text outside markup")
        raise MarsadError(E.HTML_NO_TEXT, path=name, why=why)
    published = normalize_date(doc.date) or _page_date(page) or normalize_date(fallback_date)
    author = _BYLINE.sub("", doc.author or "") or None
    meta = make_meta(url=doc.url or url, outlet=doc.sitename, title=doc.title, author=author, published=published)
    return text, meta


def read(origin: str, raw: bytes, options: ReadOptions) -> Iterator[Item | Skip]:
    try:
        text, meta = extract(decode_html(raw, origin, forced=options.encoding), origin)
    except MarsadError as err:
        yield skip_for(origin, err)
        return
    yield Item(text=text, meta=meta, origin=origin, format="html", raw_hash=sha1(raw))
