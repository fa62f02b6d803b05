"""RSS and Atom feeds: one item per entry, with the text of the page the entry links to.

The page comes from (1) a saved copy, an HTML file in the feed's folder tree or in
``pages_dir`` whose canonical URL or file name matches the entry's link; else (2) the web,
unless offline; else (3) the entry's own content or summary when it is long enough to be
the article. Otherwise the entry is skipped with a reason naming its link.
"""
from __future__ import annotations

import html as htmllib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import feedparser
import httpx

from marsad.errors import E, MarsadError
from marsad.ingest.formats import html
from marsad.ingest.formats.dates import normalize_date
from marsad.ingest.items import Item, ReadOptions, Skip, clean_text, make_meta, sha1, skip_for

MIN_SUMMARY_CHARS = 200      # shorter summaries are teasers, not the article
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_URL_TAGS = re.compile(rb"<(?:link|meta)\b[^>]*>", re.I)
_ATTR = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_RSS_AUTHOR = re.compile(r"^\S+@\S+\s*\((.+)\)\s*$")     # RSS 2.0: "email (Name)"


def url_key(url: str) -> str:
    """A URL without what varies between a feed's link and a page's canonical URL:
    scheme, www., trailing slash, fragment, utm_ tracking parameters."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")])
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def _page_urls(raw: bytes) -> list[str]:
    """The canonical and og:url addresses a saved page declares about itself."""
    urls = []
    for tag in _URL_TAGS.findall(raw[:65536]):
        attrs = {m[0].lower(): (m[1] or m[2] or m[3]) for m in _ATTR.findall(tag)}
        if attrs.get(b"rel", b"").lower() == b"canonical" and b"href" in attrs:
            urls.append(attrs[b"href"])
        elif attrs.get(b"property", b"").lower() == b"og:url" and b"content" in attrs:
            urls.append(attrs[b"content"])
    return [u.decode("utf-8", "replace") for u in urls]


class SavedPages:
    """URL → saved HTML file, built once per folder tree and kept for the whole run."""

    def __init__(self):
        self._maps: dict[str, dict[str, str]] = {}

    def _map(self, folder: str) -> dict[str, str]:
        if folder not in self._maps:
            found: dict[str, str] = {}
            for root, dirs, files in os.walk(folder):
                dirs.sort()
                for name in sorted(files):
                    if not name.lower().endswith(HTML_SUFFIXES):
                        continue
                    path = os.path.join(root, name)
                    found.setdefault(f"file:{name}", path)
                    try:
                        with open(path, "rb") as fh:
                            for url in _page_urls(fh.read(65536)):
                                found.setdefault(url_key(url), path)
                    except OSError:
                        continue      # an unreadable page is reported when it is read as an input
            self._maps[folder] = found
        return self._maps[folder]

    def find(self, link: str, folders: list[str]) -> str | None:
        name = urlsplit(link).path.rstrip("/").rpartition("/")[2]
        for folder in folders:
            pages = self._map(folder)
            path = pages.get(url_key(link)) or pages.get(f"file:{name}") or pages.get(f"file:{name}.html")
            if path:
                return path
        return None


class Fetcher:
    """Fetches pages politely with one httpx client (the caller's, or one made on first use)."""

    def __init__(self, options: ReadOptions):
        self.options = options
        self._client = options.client
        self._own = options.client is None

    def get(self, url: str) -> tuple[bytes, str | None]:
        if self._client is None:
            self._client = httpx.Client(timeout=self.options.timeout, follow_redirects=True,
                                        headers={"User-Agent": self.options.user_agent})
        response = self._client.get(url)
        response.raise_for_status()
        return response.content, response.charset_encoding

    def close(self) -> None:
        if self._own and self._client is not None:
            self._client.close()


def _strip_tags(fragment: str) -> str:
    text = re.sub(r"(?i)<br\s*/?>|</(?:p|div|li|h\d)\s*>", "\n", fragment)
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", text))
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _page_text(entry, link: str, where: list[str], options: ReadOptions, pages: SavedPages,
               fetcher: Fetcher) -> tuple[str, dict, bytes] | str:
    """(text, page meta, raw bytes) of the entry's article, or why there is none."""
    misses = []
    saved = pages.find(link, where) if link else None
    if saved:
        try:
            raw = Path(saved).read_bytes()
            return (*html.extract(html.decode_html(raw, saved, forced=options.encoding), saved, url=link), raw)
        except (OSError, MarsadError):
            misses.append(f"its saved copy {saved} gave no article text")
    else:
        misses.append("no saved copy of the page was found")
    if not link:
        misses.append("it has no link")
    elif options.offline:
        misses.append("it was not fetched (offline)")
    else:
        try:
            raw, charset = fetcher.get(link)
            return (*html.extract(html.decode_html(raw, link, declared=charset), link, url=link), raw)
        except (httpx.HTTPError, MarsadError) as exc:
            misses.append(f"fetching it failed ({exc})")
    content = entry.get("content") or [{}]
    summary = _strip_tags(content[0].get("value") or entry.get("summary") or "")
    if len(summary) >= MIN_SUMMARY_CHARS:
        return summary, {}, summary.encode("utf-8")
    misses.append(f"its summary has {len(summary)} characters ({MIN_SUMMARY_CHARS} needed)")
    return ", ".join(misses)


def read(origin: str, raw: bytes, options: ReadOptions, pages: SavedPages, fetcher: Fetcher
         ) -> Iterator[Item | Skip]:
    parsed = feedparser.parse(raw)
    if not parsed.entries:
        why = str(parsed.get("bozo_exception") or "it has no entries")
        yield skip_for(origin, MarsadError(E.BAD_FEED, path=origin, why=why))
        return
    where = [d for d in (None if origin == "-" else str(Path(origin).parent), options.pages_dir) if d]
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        here = f"{origin}#entry={entry.get('id') or link or number}"
        found = _page_text(entry, link, where, options, pages, fetcher)
        if isinstance(found, str):
            hint = ", or run without --offline to fetch it" if options.offline else ", or check that the link works"
            yield skip_for(here, MarsadError(E.FEED_ENTRY_NO_TEXT, path=origin, link=link or f"#{number}",
                                             why=found, fetch_hint=hint))
            continue
        text, page_meta, page_raw = found
        author = entry.get("author") or ""
        author = (m.group(1) if (m := _RSS_AUTHOR.match(author)) else author) or page_meta.get("author")
        published = (normalize_date(entry.get("published") or entry.get("updated"))
                     or normalize_date(entry.get("published_parsed")) or page_meta.get("published"))
        meta = make_meta(url=page_meta.get("url") or link, outlet=outlet or page_meta.get("outlet"),
                         title=entry.get("title") or page_meta.get("title"), author=author, published=published)
        yield Item(text=clean_text(text), meta=meta, origin=here, format="feed", raw_hash=sha1(page_raw))
