"""The input readers of `marsad ingest` on hand-written fixtures: one folder a new user might
have (tests/fixtures/ingest/mixed) and one of broken inputs (…/bad). No test touches the
network: feeds are read offline or through an httpx.MockTransport."""
from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import httpx
import pytest

from marsad.ingest import discover
from marsad.ingest.discover import count_inputs, guess_format, iter_items
from marsad.ingest.formats.dates import normalize_date
from marsad.ingest.items import Item, ReadOptions, Skip

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"
MIXED, BAD = FIX / "mixed", FIX / "bad"
OFFLINE = ReadOptions(offline=True)
BOILERPLATE = ("الرئيسية", "جميع الحقوق", "الأكثر قراءة", "اتصل بنا", "شارك", "سياسة الخصوصية")


def read(*sources, options=OFFLINE, **kw) -> list[Item | Skip]:
    return list(iter_items([str(s) for s in sources], options, **kw))


def by_origin(results) -> dict:
    return {r.origin.replace(str(FIX) + "/", ""): r for r in results}


@pytest.fixture(scope="module")
def mixed() -> dict:
    return by_origin(read(MIXED))


# --- the mixed folder as a whole ----------------------------------------------------------

def test_mixed_folder_gives_only_items_of_every_format(mixed):
    assert all(isinstance(r, Item) for r in mixed.values()), [r for r in mixed.values() if isinstance(r, Skip)]
    assert sorted({r.format for r in mixed.values()}) == ["csv", "feed", "html", "jsonl", "text", "warc"]
    assert len(mixed) == 2 + 2 + 2 + 3 + 2 + 2     # html, text, warc, jsonl, csv, feed entries


def test_every_item_has_the_full_meta_and_a_sha1(mixed):
    for item in mixed.values():
        assert set(item.meta) == {"url", "outlet", "title", "author", "published", "language"}
        assert item.meta["language"] == "ar"
        assert len(item.raw_hash) == 40 and int(item.raw_hash, 16) >= 0
        assert item.text == item.text.strip() and "\r" not in item.text
        assert os.path.isabs(item.origin.split("#")[0])


def test_order_is_deterministic_and_sorted_by_path():
    first, second = read(MIXED), read(MIXED)
    assert [r.origin for r in first] == [r.origin for r in second]
    files = [r.origin.split("#")[0] for r in first]
    assert files == sorted(files)
    assert [r.origin for r in first if "articles.jsonl" in r.origin][-1].endswith("#line=3")


def test_count_inputs_counts_the_files_that_will_be_opened():
    assert count_inputs([str(MIXED)]) == 8
    assert count_inputs([str(MIXED), str(BAD / "empty.txt"), "-", str(FIX / "no-such-file.txt")]) == 10


def test_origins_are_unique(mixed):
    assert len({r.origin for r in read(MIXED)}) == len(mixed)


# --- HTML -----------------------------------------------------------------------------------

def test_html_meta_from_canonical_site_name_byline_and_arabic_date(mixed):
    item = mixed["mixed/furat-mosul-road.html"]
    assert item.format == "html"
    assert item.meta == {"url": "https://alfurat.example/news/2017/01/mosul-road.html", "outlet": "صحيفة الفرات",
                         "title": "إغلاق طريق الموصل – تلعفر بعد رصد تحركات للمسلحين",
                         "author": "سامر الحديدي", "published": "2017-01-05", "language": "ar"}
    assert item.raw_hash == hashlib.sha1((MIXED / "furat-mosul-road.html").read_bytes()).hexdigest()


def test_html_date_from_published_time_meta_and_url_from_og(mixed):
    meta = mixed["mixed/raqqa-water.htm"].meta
    assert meta["published"] == "2017-06-12"
    assert meta["url"] == "https://jazeera-souria.example/reports/raqqa-mishlab-water"
    assert meta["author"] == "ليلى العبد الله" and meta["outlet"] == "شبكة الجزيرة السورية"


@pytest.mark.parametrize("name", ["furat-mosul-road.html", "raqqa-water.htm"])
def test_html_text_is_the_article_without_menus_and_footer(mixed, name):
    text = mixed[f"mixed/{name}"].text
    assert len(text.split("\n")) == 3
    assert not [b for b in BOILERPLATE if b in text]


def test_html_date_is_not_guessed_from_a_month_url_or_a_copyright_year(tmp_path):
    page = (MIXED / "furat-mosul-road.html").read_text(encoding="utf-8")
    (tmp_path / "p.html").write_text(page.replace('<span class="date">5 كانون الثاني 2017</span>', ""),
                                     encoding="utf-8")
    [item] = read(tmp_path / "p.html")
    assert item.meta["published"] is None


def test_cp1256_page_without_charset_is_decoded(tmp_path):
    page = (MIXED / "raqqa-water.htm").read_text(encoding="utf-8")
    page = page.replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "")
    (tmp_path / "cp.html").write_bytes(page.encode("cp1256"))
    (tmp_path / "declared.html").write_bytes(page.replace("<head>", '<head><meta charset="windows-1256">')
                                             .encode("cp1256"))
    items = read(tmp_path)
    assert [i.origin.rsplit("/", 1)[1] for i in items] == ["cp.html", "declared.html"]
    for item in items:
        assert "حي المشلب" in item.text and item.meta["title"].startswith("تقدم في حي المشلب")


def test_html_without_article_text_is_skipped_with_e060():
    [skip] = read(BAD / "no-article.html")
    assert isinstance(skip, Skip) and skip.origin == str(BAD / "no-article.html")
    assert skip.reason.startswith("[E060]") and "no-article.html" in skip.reason


# --- plain text -----------------------------------------------------------------------------

def test_cp1256_text_file(mixed):
    item = mixed["mixed/deir-ezzor-cp1256.txt"]
    assert item.format == "text" and item.text.startswith("دير الزور - أفاد مراسلنا")
    assert item.text.count("\n") == 2        # CRLF made LF, nothing else changed
    assert item.meta == {"url": None, "outlet": None, "title": None, "author": None, "published": None,
                         "language": "ar"}


def test_utf16_text_file(mixed):
    item = mixed["mixed/aleppo-utf16.txt"]
    assert item.text.startswith("حلب - أعلنت فصائل المعارضة") and "طريق الكاستيلو" in item.text


def test_forced_encoding_for_text(tmp_path):
    (tmp_path / "a.txt").write_bytes("أغلق الطريق بين الرقة والطبقة".encode("cp1256"))
    [item] = read(tmp_path / "a.txt", options=ReadOptions(offline=True, encoding="cp1256"))
    assert item.text == "أغلق الطريق بين الرقة والطبقة"


# --- WARC -----------------------------------------------------------------------------------

def test_warc_response_records_are_pages(mixed):
    base = "mixed/nineveh-news.warc.gz#record=urn:uuid:6f1c2a4e-0000-4000-8000-00000000000"
    first, second = mixed[base + "1"], mixed[base + "2"]
    assert first.format == second.format == "warc"
    assert first.meta["url"] == "https://nineveh-news.example/2017/08/tal-afar-offensive.html"
    assert first.meta["published"] == "2017-08-21"        # the page has none: the WARC-Date
    assert second.meta["published"] == "2017-08-27"       # the page's own date wins over 2017-08-28
    assert "قضاء تلعفر" in first.text and "الأرشيف" not in first.text
    assert "العياضية" in second.text and first.raw_hash != second.raw_hash


def test_truncated_warc_gives_the_first_page_then_a_skip_with_the_offset():
    results = read(BAD / "truncated.warc.gz")
    assert [type(r) for r in results] == [Item, Skip]
    assert results[0].origin.endswith("#record=urn:uuid:6f1c2a4e-0000-4000-8000-000000000001")
    skip = results[1]
    assert skip.origin == str(BAD / "truncated.warc.gz")
    assert skip.reason.startswith("[E065]") and "truncated.warc.gz" in skip.reason and "offset 1004" in skip.reason


def test_uncompressed_warc_cut_in_its_first_record(tmp_path):
    import gzip
    raw = gzip.decompress((MIXED / "nineveh-news.warc.gz").read_bytes())
    (tmp_path / "cut.warc").write_bytes(raw[:900])
    [skip] = read(tmp_path / "cut.warc")
    assert skip.reason.startswith("[E065]") and "offset 0" in skip.reason


# --- JSONL and CSV --------------------------------------------------------------------------

def test_jsonl_lines_with_dates_normalized(mixed):
    items = [mixed[f"mixed/articles.jsonl#line={n}"] for n in (1, 2, 3)]
    assert [i.meta["published"] for i in items] == ["2018-03-14", "2017-09-02", "2018-07-12"]
    assert items[0].meta["outlet"] == "شبكة الشرق" and items[0].meta["url"] == "https://sharq.example/a/1001"
    assert items[1].meta["author"] is None and "الساحل الأيسر" in items[1].text


def test_csv_rows_count_as_in_a_spreadsheet(mixed):
    tabqa, talafar = mixed["mixed/articles.csv#row=2"], mixed["mixed/articles.csv#row=3"]
    assert tabqa.format == "csv" and "\n" in tabqa.text         # a quoted field spanning two lines
    assert tabqa.meta["title"] == "السيطرة على سد الفرات قرب الطبقة" and tabqa.meta["author"] == "فريق التحرير"
    assert talafar.meta["published"] == "2017-10-03" and talafar.meta["author"] is None


MAPPED = ReadOptions(offline=True, text_field="body", url_field="link", title_field="headline",
                     published_field="date", outlet_field="source", author_field="writer")


def test_jsonl_field_names_from_options(tmp_path):
    (tmp_path / "a.ndjson").write_text(
        '{"body": "قصفت الطائرات مواقع قرب تلعفر.", "link": "https://x.example/1", "headline": "قصف", '
        '"date": "3 آذار 2017", "source": "وكالة", "writer": "مراسل"}\n\n'
        '{"text": "نص في الحقل الافتراضي فقط"}\n', encoding="utf-8")
    item, skip = read(tmp_path / "a.ndjson", options=MAPPED)
    assert item.meta == {"url": "https://x.example/1", "outlet": "وكالة", "title": "قصف", "author": "مراسل",
                         "published": "2017-03-03", "language": "ar"}
    assert item.origin.endswith("a.ndjson#line=1") and skip.origin.endswith("a.ndjson#line=3")
    assert skip.reason.startswith("[E062]") and "'body'" in skip.reason and "--text-field" in skip.reason


def test_csv_field_names_delimiter_and_missing_text(tmp_path):
    (tmp_path / "a.csv").write_text("headline;body;date\nطريق;فتح الطريق بين حلب ومنبج;2017-02-01\nفارغ;;\n",
                                    encoding="utf-8")
    item, skip = read(tmp_path / "a.csv", options=MAPPED)
    assert item.text == "فتح الطريق بين حلب ومنبج" and item.meta["published"] == "2017-02-01"
    assert item.origin.endswith("#row=2") and skip.origin.endswith("#row=3") and "row 3" in skip.reason
    [header_skip] = read(tmp_path / "a.csv")          # default field "text" is not a column
    assert header_skip.reason.startswith("[E062]") and "header row" in header_skip.reason


def test_jsonl_invalid_line_is_skipped_and_the_others_read():
    results = read(BAD / "some-invalid.jsonl")
    assert [type(r) for r in results] == [Item, Skip, Item]
    assert results[1].origin.endswith("some-invalid.jsonl#line=2")
    assert results[1].reason.startswith("[E061]") and "line 2" in results[1].reason
    assert "some-invalid.jsonl" in results[1].reason


# --- feeds ----------------------------------------------------------------------------------

def test_feed_entry_uses_the_saved_copy_offline(mixed):
    item = mixed["mixed/alfurat-feed.rss#entry=alfurat-2017-0142"]
    page = mixed["mixed/furat-mosul-road.html"]
    assert item.format == "feed" and item.text == page.text
    assert item.raw_hash == page.raw_hash
    assert item.meta == {"url": "https://alfurat.example/news/2017/01/mosul-road.html", "outlet": "صحيفة الفرات",
                         "title": "إغلاق طريق الموصل – تلعفر بعد رصد تحركات للمسلحين",
                         "author": "سامر الحديدي", "published": "2017-01-05", "language": "ar"}


def test_feed_entry_without_copy_uses_a_long_summary(mixed):
    item = mixed["mixed/alfurat-feed.rss#entry=alfurat-2017-1187"]
    assert item.text.startswith("أعادت السلطات المحلية في الرقة") and "<p>" not in item.text
    assert item.text.count("\n") == 1 and len(item.text) >= 200
    assert item.meta["url"] == "https://alfurat.example/news/2017/11/raqqa-bridge"
    assert item.meta["published"] == "2017-11-21" and item.meta["outlet"] == "صحيفة الفرات"


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>مرصد الفرات</title>
<entry><id>tag:x,1</id><title>جسر</title><link href="{link}"/><updated>2017-03-04T09:00:00Z</updated>
<summary>خبر قصير عن الجسر.</summary></entry></feed>
"""


def page_bytes() -> bytes:
    return (MIXED / "raqqa-water.htm").read_bytes()


def test_feed_entry_with_short_summary_and_no_copy_is_skipped_naming_the_link(tmp_path):
    (tmp_path / "f.atom").write_text(FEED.format(link="https://x.example/news/bridge-7"), encoding="utf-8")
    [skip] = read(tmp_path / "f.atom")
    assert skip.origin == f"{tmp_path}/f.atom#entry=tag:x,1"
    assert skip.reason.startswith("[E064]") and "https://x.example/news/bridge-7" in skip.reason
    assert "offline" in skip.reason


def test_feed_saved_copy_found_by_file_name_or_in_pages_dir(tmp_path):
    feed_dir, pages = tmp_path / "feeds", tmp_path / "pages"
    feed_dir.mkdir(), pages.mkdir()
    (feed_dir / "f.atom").write_text(FEED.format(link="https://x.example/news/bridge-7"), encoding="utf-8")
    (pages / "bridge-7.html").write_bytes(page_bytes())
    [skip] = read(feed_dir / "f.atom")
    assert isinstance(skip, Skip)
    [item] = read(feed_dir / "f.atom", options=ReadOptions(offline=True, pages_dir=str(pages)))
    assert "حي المشلب" in item.text
    assert item.meta["title"] == "جسر" and item.meta["published"] == "2017-03-04"


def mock_client(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)


def test_feed_fetches_the_page_through_the_injected_client(tmp_path):
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "https://x.example/news/bridge-7"})
        return httpx.Response(200, content=page_bytes(), headers={"Content-Type": "text/html; charset=utf-8"})

    (tmp_path / "f.atom").write_text(FEED.format(link="https://x.example/old"), encoding="utf-8")
    [item] = read(tmp_path / "f.atom", options=ReadOptions(client=mock_client(handler)))
    assert seen == ["https://x.example/old", "https://x.example/news/bridge-7"]
    assert "حي المشلب" in item.text and item.format == "feed"
    assert item.raw_hash == hashlib.sha1(page_bytes()).hexdigest()


def test_feed_network_error_falls_back_to_the_summary_or_a_skip(tmp_path):
    def handler(request):
        raise httpx.ConnectError("no route to host", request=request)

    (tmp_path / "f.atom").write_text(FEED.format(link="https://x.example/a"), encoding="utf-8")
    [skip] = read(tmp_path / "f.atom", options=ReadOptions(client=mock_client(handler)))
    assert skip.reason.startswith("[E064]") and "fetching it failed" in skip.reason
    long = FEED.replace("خبر قصير عن الجسر.", "أعيد فتح الجسر أمام المدنيين بعد إصلاحه. " * 8)
    (tmp_path / "f.atom").write_text(long.format(link="https://x.example/a"), encoding="utf-8")
    [item] = read(tmp_path / "f.atom", options=ReadOptions(client=mock_client(handler)))
    assert item.text.startswith("أعيد فتح الجسر")


def test_offline_never_calls_the_client(tmp_path):
    def handler(request):
        raise AssertionError("fetched while offline")

    (tmp_path / "f.atom").write_text(FEED.format(link="https://x.example/a"), encoding="utf-8")
    [skip] = read(tmp_path / "f.atom", options=ReadOptions(offline=True, client=mock_client(handler)))
    assert isinstance(skip, Skip)


def test_not_a_feed_is_skipped(tmp_path):
    (tmp_path / "x.rss").write_text("<rss><channel><title>فارغ</title></channel></rss>", encoding="utf-8")
    [skip] = read(tmp_path / "x.rss")
    assert skip.reason.startswith("[E063]") and "x.rss" in skip.reason


# --- bad inputs, stdin, dispatch ------------------------------------------------------------

def test_bad_folder_gives_a_skip_per_bad_input_and_still_the_good_items():
    results = read(BAD)
    skips = {Path(s.origin.split("#")[0]).name: s.reason for s in results if isinstance(s, Skip)}
    assert sorted(skips) == ["empty.txt", "no-article.html", "photo.png", "some-invalid.jsonl", "truncated.warc.gz"]
    for name, reason in skips.items():
        assert name in reason
    assert skips["empty.txt"].startswith("[E002]") and skips["photo.png"].startswith("[E003]")
    assert sum(isinstance(r, Item) for r in results) == 3


def test_missing_path_and_unreadable_folder(tmp_path, monkeypatch):
    [skip] = read(tmp_path / "nope.txt")
    assert skip.reason.startswith("[E001]") and "nope.txt" in skip.reason
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(discover.os, "scandir", scandir)
    (tmp_path / "ok.txt").write_text("فتح الطريق بين الموصل ودهوك", encoding="utf-8")
    results = read(tmp_path)
    assert [type(r) for r in results] == [Skip, Item]
    assert results[0].reason.startswith("[E066]") and "locked" in results[0].reason


def test_an_unexpected_reader_failure_becomes_a_skip(tmp_path, monkeypatch):
    def broken(origin, raw, options):
        raise RuntimeError("boom")
        yield

    monkeypatch.setitem(discover.READERS, "text", broken)
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "نص آخر"}\n', encoding="utf-8")
    first, second = read(tmp_path)
    assert isinstance(first, Skip) and "RuntimeError: boom" in first.reason
    assert isinstance(second, Item)


def test_stdin_text_and_html():
    [item] = read("-", stdin=io.BytesIO("اشتباكات قرب دير الزور".encode("cp1256")))
    assert item.origin == "-" and item.format == "text" and item.text == "اشتباكات قرب دير الزور"
    [page] = read("-", stdin=io.BytesIO(page_bytes()))
    assert page.format == "html" and page.meta["published"] == "2017-06-12"
    [empty] = read("-", stdin=io.StringIO("  \n"))
    assert empty.origin == "-" and empty.reason.startswith("[E002]") and "<stdin>" in empty.reason


@pytest.mark.parametrize("name, head, fmt", [
    ("page", b"\xef\xbb\xbf  <!DOCTYPE html><html>", "html"),
    ("page.dat", b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
    ("feed", b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    ("x.xml", b"<?xml version='1.0'?><html>", "feed"),             # the extension decides
    ("crawl.bin", b"WARC/1.0\r\n", "warc"),
    ("dump", b'{"text": "a"}\n{"text": "b"}', "jsonl"),
    ("A.WARC.GZ", b"\x1f\x8b", "warc"),
    ("notes.md", "نص عادي".encode(), "text"),
])
def test_guess_format(name, head, fmt):
    assert guess_format(name, head) == fmt


@pytest.mark.parametrize("value, expected", [
    ("2017-06-12T08:30:00+03:00", "2017-06-12"),
    ("Thu, 05 Jan 2017 01:00:00 +0300", "2017-01-05"),        # the date as the outlet wrote it
    ("5 كانون الثاني 2017", "2017-01-05"),
    ("الخميس 05/01/2017", "2017-01-05"),
    ("2017-02-30", None),
    ("كانون الثاني", None),
    ("", None),
    (None, None),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected
