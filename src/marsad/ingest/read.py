"""Read one article's text from a file or stdin, whatever encoding the outlet used.

Order: explicit --encoding; a BOM (UTF-8/UTF-16); strict UTF-8; UTF-16 without BOM when
every other byte is NUL; then charset-normalizer's guesses and Windows-1256, the first
accepted that decodes to mostly Arabic script, ASCII and punctuation (a wrong guess such
as cp932 gives CJK letters). Anything else is a clear error.
"""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from marsad.errors import E, MarsadError


@dataclass
class Article:
    text: str
    meta: dict = field(default_factory=dict)


def _looks_utf16(raw: bytes) -> str | None:
    if len(raw) < 4:
        return None
    even, odd = raw[0::2], raw[1::2]
    # Arabic in UTF-16 has no NUL bytes but many 0x06 bytes; Latin has NULs in one half.
    for enc, high in (("utf-16-le", odd), ("utf-16-be", even)):
        share = sum(1 for b in high if b in (0x00, 0x06)) / max(len(high), 1)
        if share > 0.9:
            return enc
    return None


def _plausible(ch: str) -> bool:
    """Arabic script, ASCII, whitespace or common punctuation: what a news text is made of.
    (Not any letter: a wrong guess such as cp932 turns Arabic bytes into CJK letters.)"""
    o = ord(ch)
    return (0x20 <= o < 0x7F or ch.isspace() or 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F
            or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF or 0x2000 <= o <= 0x206F
            or ch in "\u00ab\u00bb\u00a0\u00b7")


def _letter_share(text: str) -> float:
    letters = sum(1 for ch in text if _plausible(ch))
    return letters / max(len(text), 1)


def decode_bytes(raw: bytes, name: str, encoding: str | None = None) -> str:
    """Decode ``raw`` (from input ``name``) to text, or raise a MarsadError saying what to do."""
    if encoding:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise MarsadError(E.UNDECODABLE, path=name, why=str(exc)) from None
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc, errors="strict")
            except UnicodeDecodeError as exc:
                raise MarsadError(E.UNDECODABLE, path=name, why=f"it starts with a {enc} byte-order mark "
                                                                 f"but {exc.reason} at byte {exc.start}") from None
    utf16 = _looks_utf16(raw)
    if utf16:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:4096]:
        raise MarsadError(E.BINARY_INPUT, path=name, why="it contains NUL bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # charset-normalizer's guesses in its order, then Windows-1256 (the usual legacy encoding of
    # Arabic news, which it sometimes misses on short texts); the first that reads as text wins.
    guesses = [(m.encoding, str(m)) for m in from_bytes(raw) if m.chaos <= 0.2]
    try:
        guesses.append(("cp1256", raw.decode("cp1256")))
    except UnicodeDecodeError:
        pass
    if not guesses:
        raise MarsadError(E.UNDECODABLE, path=name, why="no text encoding fits its bytes")
    for _, text in guesses:
        if _letter_share(text) >= 0.85:
            return text
    raise MarsadError(E.BINARY_INPUT, path=name,
                      why=f"the best guess, {guesses[0][0]}, gives mostly non-letters")


def read_article(source: str, encoding: str | None = None) -> Article:
    """Read ``source`` (a path, or ``-`` for stdin) as one article."""
    if source == "-":
        raw, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        path = Path(source)
        if not path.exists():
            raise MarsadError(E.FILE_NOT_FOUND, path=source)
        if path.is_dir():
            raise MarsadError(E.IS_DIRECTORY, path=source)
        raw, name = path.read_bytes(), source
    text = decode_bytes(raw, name, encoding)
    if not text.strip():
        raise MarsadError(E.EMPTY_INPUT, path=name)
    # Normalise line endings only; everything else stays as the outlet wrote it.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta = {} if source == "-" else {"source_path": str(source)}
    return Article(text=text, meta=meta)
