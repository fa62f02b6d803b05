"""The SQLite store: one file, WAL mode, foreign keys, schema by named migrations.

Every article is written in ONE transaction (article row, all extraction rows, search
text, MinHash signature, its copy and its input), so a run killed at any moment leaves
either the whole article or nothing, and a rerun carries on from the inputs recorded.
"""
from __future__ import annotations

import datetime
import os
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterator

import sqlite_utils

from marsad.errors import E, MarsadError
from marsad.paths import data_dir
from marsad.store import dedup, fts, rows
from marsad.store.migrations import migrate

DB_NAME = "marsad.db"


def default_path() -> Path:
    """The database in the user data directory (MARSAD_HOME overrides it)."""
    return data_dir() / DB_NAME


class Store:
    def __init__(self, path: str | os.PathLike | None = None, create: bool = True):
        self.path = Path(path) if path else default_path()
        if not create and not self.path.exists():
            raise MarsadError(E.STORE_MISSING, path=self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            self.db = sqlite_utils.Database(conn)
            self.migrated = migrate(self.db, str(self.path))
        except sqlite3.DatabaseError as exc:
            raise MarsadError(E.STORE_OPEN, path=self.path, why=exc) from None
        self.conn = conn
        self._near: dedup.NearIndex | None = None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- reading -------------------------------------------------------------------------
    def _one(self, sql: str, *params) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def seen(self, origin: str, raw_hash: str | None) -> bool:
        """This input, with these bytes, was already stored, duplicated or skipped."""
        return self._one("SELECT 1 FROM inputs WHERE origin = ? AND raw_hash IS ?", origin, raw_hash) is not None

    def article_by_hash(self, text_hash: str) -> tuple[str, str] | None:
        """(article id, its original origin) for the article with this normalized text."""
        return self.conn.execute("SELECT id, origin FROM articles WHERE text_hash = ?", (text_hash,)).fetchone()

    def counts(self) -> dict[str, int]:
        names = ["articles", "copies", "inputs", *rows.TABLES, "minhashes", "articles_fts"]
        return {n: self._one(f"SELECT count(*) FROM [{n}]") for n in names}

    @property
    def near(self) -> dedup.NearIndex:
        """The LSH index, rebuilt from the stored signatures on first use."""
        if self._near is None:
            index = dedup.NearIndex()
            for article_id, blob in self.conn.execute("SELECT article_id, signature FROM minhashes ORDER BY article_id"):
                index.add(article_id, dedup.from_blob(blob))
            self._near = index
        return self._near

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Articles matching every word of ``query`` (through clitics and spelling variants)."""
        terms = fts.query_terms(query)
        if not terms:
            raise MarsadError(E.BAD_QUERY, query=query)
        found = self.conn.execute(
            "SELECT f.article_id, a.title, a.outlet, a.published, a.text FROM articles_fts f "
            "JOIN articles a ON a.id = f.article_id WHERE articles_fts MATCH ? "
            "ORDER BY bm25(articles_fts), f.article_id LIMIT ?", (fts.fts_query(terms), limit)).fetchall()
        return [{"id": aid, "title": title, "outlet": outlet, "published": published,
                 "snippet": fts.snippet(text, terms)} for aid, title, outlet, published, text in found]

    # ---- writing -------------------------------------------------------------------------
    def _free_id(self, wanted: str, text_hash: str) -> str:
        """``wanted`` (the Doc id), unless another text already has it (two texts at one URL)."""
        for candidate in (wanted, text_hash[:16], text_hash):
            if self._one("SELECT 1 FROM articles WHERE id = ?", candidate) is None:
                return candidate
        raise AssertionError(f"no free article id for {wanted}")

    def write_article(self, item, doc, minhash, text_hash: str | None = None,
                      before_commit: Callable[[], None] | None = None) -> str:
        """Store ``doc`` (extracted from ``item``) and everything about it; returns the article id."""
        data = doc.to_json()
        text_hash = text_hash or dedup.text_hash(item.text)
        try:
            with self.db.atomic():
                article_id = self._free_id(data["id"], text_hash)
                data["id"] = article_id
                article = rows.article_row(item, data, text_hash)
                self.conn.execute(_insert("articles", article), list(article.values()))
                for table, table_rows in rows.extraction_rows(article_id, data).items():
                    if table_rows:
                        self.conn.executemany(_insert(table, table_rows[0], "OR IGNORE"),
                                              [list(r.values()) for r in table_rows])
                self.conn.execute("INSERT INTO articles_fts (article_id, title, search_text) VALUES (?, ?, ?)",
                                  (article_id, article["title"] or "", fts.search_text(doc.text)))
                self.conn.execute("INSERT INTO minhashes (article_id, signature) VALUES (?, ?)",
                                  (article_id, dedup.to_blob(minhash)))
                self._copy(item, article_id, "original", 1.0)
                self._input(item.origin, item.raw_hash, "stored", article_id, None)
                if before_commit:
                    before_commit()
        except sqlite3.Error as exc:
            raise MarsadError(E.STORE_WRITE, origin=item.origin, path=self.path, why=exc) from None
        if self._near is not None:
            self._near.add(article_id, minhash)
        return article_id

    def record_duplicate(self, item, article_id: str, kind: str, similarity: float) -> None:
        """``item`` is a copy (``kind`` exact or near) of the stored ``article_id``."""
        with self.db.atomic():
            self._copy(item, article_id, kind, similarity)
            self._input(item.origin, item.raw_hash, "duplicate", article_id, None)

    def record_skip(self, origin: str, reason: str, raw_hash: str | None = None) -> None:
        with self.db.atomic():
            self._input(origin, raw_hash, "skipped", None, reason)

    def _copy(self, item, article_id: str, kind: str, similarity: float) -> None:
        meta = item.meta or {}
        self.conn.execute(
            "INSERT OR REPLACE INTO copies (origin, article_id, url, outlet, title, published, kind, similarity) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (item.origin, article_id, meta.get("url"), meta.get("outlet"), meta.get("title"),
             meta.get("published"), kind, similarity))

    def _input(self, origin, raw_hash, status, article_id, reason) -> None:
        self.conn.execute("INSERT OR REPLACE INTO inputs (origin, raw_hash, status, article_id, reason) "
                          "VALUES (?, ?, ?, ?, ?)", (origin, raw_hash, status, article_id, reason))

    # ---- runs ----------------------------------------------------------------------------
    def start_run(self) -> int:
        with self.db.atomic():
            cur = self.conn.execute("INSERT INTO runs (started, read, stored, duplicates, skipped) "
                                    "VALUES (?, 0, 0, 0, 0)", (_now(),))
        return cur.lastrowid

    def finish_run(self, run_id: int, read: int, stored: int, duplicates: int, skipped: int) -> None:
        with self.db.atomic():
            self.conn.execute("UPDATE runs SET finished = ?, read = ?, stored = ?, duplicates = ?, skipped = ? "
                              "WHERE id = ?", (_now(), read, stored, duplicates, skipped, run_id))

    def dump(self) -> Iterator[tuple[str, list[tuple]]]:
        """(table, sorted rows) for every table whose contents the input determines, the
        FTS index's own tables included (all but runs and the migrations' times)."""
        names = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for name in names:
            if name == "runs":
                continue
            cols = "name" if name == "migrations" else "*"
            yield name, sorted(self.conn.execute(f"SELECT {cols} FROM [{name}]").fetchall(), key=repr)


def _insert(table: str, row: dict, verb: str = "") -> str:
    cols = ", ".join(f"[{c}]" for c in row)
    return f"INSERT {verb} INTO [{table}] ({cols}) VALUES ({', '.join('?' for _ in row)})"


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
