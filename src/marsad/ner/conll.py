"""Read and write CoNLL files: one token per line (token first), blank line between sentences.

Reading keeps every column; ``read_conll`` returns sentences as lists of column lists, and
``read_tagged`` gives (tokens, tags) pairs taking the tag from a chosen column (the last
by default). Trailing whitespace and ``\\r`` are tolerated; a token line with an empty
first column, or a tagged file whose line lacks the tag column, is an error with its line.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from marsad.errors import E, MarsadError

Sentence = list[list[str]]  # one list of columns per token


def _open(path: str | Path) -> tuple[TextIO, str]:
    if str(path) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline=""), "<stdin>"
    p = Path(path)
    if not p.exists():
        raise MarsadError(E.FILE_NOT_FOUND, path=str(p))
    if p.is_dir():
        raise MarsadError(E.IS_DIRECTORY, path=str(p))
    return open(p, encoding="utf-8-sig", newline=""), str(p)


def parse_conll(lines: Iterable[str], name: str = "<input>") -> Iterator[tuple[int, Sentence]]:
    """Yield (line number of the first token, sentence) from CoNLL lines."""
    sent: Sentence = []
    first = 0
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n").rstrip()
        if not line.strip():
            if sent:
                yield first, sent
                sent = []
            continue
        if line[0] in " \t":
            raise MarsadError(E.CONLL_FORMAT, path=name, line=lineno,
                              why="the line starts with whitespace, so its token (first column) is empty")
        if "\x00" in line:
            raise MarsadError(E.CONLL_FORMAT, path=name, line=lineno, why="the line holds a NUL byte (binary file?)")
        cols = line.split("\t") if "\t" in line else line.split()
        cols = [c.strip() for c in cols]
        if any(not c for c in cols):
            raise MarsadError(E.CONLL_FORMAT, path=name, line=lineno, why="the line has an empty column")
        if not sent:
            first = lineno
        sent.append(cols)
    if sent:
        yield first, sent


def read_conll(path: str | Path) -> list[Sentence]:
    """All sentences of a CoNLL file (``-`` for standard input), each a list of column lists."""
    fh, name = _open(path)
    with fh:
        return [s for _, s in parse_conll(fh, name)]


def read_tagged(path: str | Path, column: int = -1, valid_tag=None) -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) per sentence, the tag taken from ``column`` (default: the last one).

    Every token line must have at least two columns; tags must look like IOB
    (``O``, ``B-X``, ``I-X``) unless ``valid_tag`` says otherwise.
    """
    fh, name = _open(path)
    out = []
    with fh:
        for first, sent in parse_conll(fh, name):
            tokens, tags = [], []
            for i, cols in enumerate(sent):
                if len(cols) < 2:
                    raise MarsadError(E.CONLL_FORMAT, path=name, line=first + i,
                                      why=f"token {cols[0]!r} has no tag column")
                tag = cols[column]
                ok = valid_tag(tag) if valid_tag else (tag == "O" or (len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES"))
                if not ok:
                    raise MarsadError(E.CONLL_FORMAT, path=name, line=first + i,
                                      why=f"{tag!r} is not an IOB tag (O, B-X, I-X)")
                tokens.append(cols[0])
                tags.append(tag)
            out.append((tokens, tags))
    return out


def format_conll(sentences: Iterable[Sentence], tags: Iterable[list[str]]) -> Iterator[str]:
    """Lines of CoNLL output: each token's columns with its predicted tag appended last."""
    for sent, stags in zip(sentences, tags):
        if len(sent) != len(stags):
            raise ValueError(f"{len(sent)} tokens but {len(stags)} tags")
        for cols, tag in zip(sent, stags):
            yield "\t".join([*cols, tag]) + "\n"
        yield "\n"


def write_conll(out: TextIO | str | Path, sentences: Iterable[Sentence], tags: Iterable[list[str]]) -> None:
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8") as fh:
            fh.writelines(format_conll(sentences, tags))
    else:
        out.writelines(format_conll(sentences, tags))
