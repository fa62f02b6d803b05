"""Reading one article: encoding detection, line endings, --encoding, clear errors."""
from __future__ import annotations

import codecs
import io
import sys

import pytest

from marsad.errors import MarsadError
from marsad.ingest.read import decode_bytes, read_article

# Written for these tests, in news style.
REPORT = ("الرقة – أفادت مصادر محلية بأن طائرات مسيّرة استهدفت سيارة على الطريق الواصل بين الرقة والطبقة.\n"
          "وأوضحت المصادر أن الهجوم أسفر عن مقتل شخصين، فيما لم تتبنَّ أي جهة العملية حتى الآن.\n")
SHORT = "قصفت الطائرات مواقع قرب مدينة حلب"


@pytest.mark.parametrize("raw", [
    REPORT.encode("utf-8"),
    codecs.BOM_UTF8 + REPORT.encode("utf-8"),
    REPORT.encode("cp1256"),
    REPORT.encode("utf-16"),          # with BOM
    REPORT.encode("utf-16-le"),       # without BOM
    REPORT.encode("utf-16-be"),
], ids=["utf-8", "utf-8-bom", "cp1256", "utf-16-bom", "utf-16-le", "utf-16-be"])
def test_decode_bytes_detects_the_encoding(raw):
    assert decode_bytes(raw, "report.txt") == REPORT


@pytest.mark.parametrize("text", [SHORT, "قصف على إدلب", "انفجار في حلب", "اشتباكات قرب الموصل"])
def test_decode_bytes_short_cp1256_lines(text):
    # charset-normalizer alone reads some of these as cp932; Windows-1256 must win.
    assert decode_bytes(text.encode("cp1256"), "short.txt") == text


def test_decode_bytes_mixed_arabic_and_latin_utf16_without_bom():
    text = "نقلت وكالة Reuters عن مسؤول في الأمم المتحدة (UN) أن 12 ألف شخص نزحوا من تلعفر.\n"
    assert decode_bytes(text.encode("utf-16-le"), "mixed.txt") == text


def test_decode_bytes_plain_ascii():
    assert decode_bytes(b"Mosul, 12 May - fighting continued.", "en.txt") == "Mosul, 12 May - fighting continued."


def test_decode_bytes_encoding_override():
    raw = REPORT.encode("cp1256")
    assert decode_bytes(raw, "r.txt", encoding="cp1256") == REPORT
    assert decode_bytes(raw, "r.txt", encoding="windows-1256") == REPORT


@pytest.mark.parametrize("encoding", ["utf-8", "no-such-codec", "utf-16"])
def test_decode_bytes_bad_explicit_encoding_is_E004(encoding):
    raw = (REPORT + "x").encode("cp1256")  # odd length: not valid UTF-16 either
    with pytest.raises(MarsadError) as err:
        decode_bytes(raw, "r.txt", encoding=encoding)
    assert err.value.code == "E004"
    assert "r.txt" in str(err.value) and "--encoding" in str(err.value)


@pytest.mark.parametrize("raw", [
    codecs.BOM_UTF8 + SHORT.encode("cp1256"),                       # BOM, then not UTF-8
    codecs.BOM_UTF16_LE + SHORT.encode("utf-16-le") + b"\x06",      # BOM, truncated
    codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00",                      # lone surrogate
], ids=["utf8-bom-cp1256-body", "utf16-bom-odd-length", "utf16-bom-lone-surrogate"])
def test_decode_bytes_broken_bom_file_is_E004_not_a_crash(raw):
    with pytest.raises(MarsadError) as err:
        decode_bytes(raw, "broken.txt")
    assert err.value.code == "E004" and "broken.txt" in str(err.value)


@pytest.mark.parametrize("raw", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 2,
    b"abc\x00def\x00" * 50,
    b"\xff\xd8\xff\xe0" + bytes((i * 31 + 7) % 255 + 1 for i in range(2000)),
], ids=["png", "nul", "jpeg-like-no-nul"])
def test_decode_bytes_binary_is_E003(raw):
    with pytest.raises(MarsadError) as err:
        decode_bytes(raw, "blob.bin")
    assert err.value.code == "E003" and "blob.bin" in str(err.value)


def test_read_article_normalises_line_endings(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"))
    article = read_article(str(path))
    assert article.text == REPORT
    assert "\r" not in article.text
    assert article.meta == {"source_path": str(path)}


def test_read_article_old_mac_line_endings_and_cp1256(tmp_path):
    path = tmp_path / "cr.txt"
    path.write_bytes(REPORT.replace("\n", "\r").encode("cp1256"))
    assert read_article(str(path)).text == REPORT


def test_read_article_utf16_crlf(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-16"))
    assert read_article(str(path)).text == REPORT


def test_read_article_keeps_everything_else_as_written(tmp_path):
    text = "  الموصـــل:   تَقَدَّمَت القوات\u200f نحو «الساحل الأيمن».\n\n"
    path = tmp_path / "raw.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_article(str(path)).text == text


def test_read_article_encoding_override(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes(REPORT.encode("cp1256"))
    assert read_article(str(path), encoding="cp1256").text == REPORT
    with pytest.raises(MarsadError) as err:
        read_article(str(path), encoding="utf-8")
    assert err.value.code == "E004"


def test_read_article_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("cp1256"))))
    article = read_article("-")
    assert article.text == REPORT and article.meta == {}


def test_read_article_empty_stdin_is_E002(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" \n ")))
    with pytest.raises(MarsadError) as err:
        read_article("-")
    assert err.value.code == "E002" and "<stdin>" in str(err.value)


@pytest.mark.parametrize("make, code", [
    (lambda p: p / "missing.txt", "E001"),
    (lambda p: (p / "folder").mkdir() or p / "folder", "E005"),
    (lambda p: (p / "blank.txt").write_bytes(b"\n \t\r\n") and p / "blank.txt", "E002"),
    (lambda p: (p / "bom-only.txt").write_bytes(codecs.BOM_UTF16_LE) and p / "bom-only.txt", "E002"),
], ids=["missing", "directory", "whitespace", "bom-only"])
def test_read_article_errors(tmp_path, make, code):
    path = make(tmp_path)
    with pytest.raises(MarsadError) as err:
        read_article(str(path))
    assert err.value.code == code and str(path) in str(err.value)
