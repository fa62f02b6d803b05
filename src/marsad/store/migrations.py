"""Named, ordered schema migrations: the only place the store's schema changes.

Each migration is a function taking a ``sqlite_utils.Database``; ``migrate`` applies the
ones not yet listed in the ``migrations`` table, in order, each in its own transaction
together with its row in ``migrations``. A database that lists a migration this marsad
does not know was written by a newer marsad and is refused (E071).

Tables other than ``runs`` hold no wall-clock times and no ids that depend on how a run
went, so the same input always gives the same database, interrupted or not.
"""
from __future__ import annotations

import datetime
from typing import Callable

import sqlite_utils

from marsad.errors import E, MarsadError

EXTRACTION_TABLES = ("mentions", "places", "actors", "persons", "sources", "events", "routes")


def _article_fk() -> list:
    return [("article_id", "articles", "id")]


def m0001_core(db: sqlite_utils.Database) -> None:
    """Articles, their copies and inputs, every extraction table, minhashes, runs."""
    db["articles"].create({
        "id": str, "url": str, "outlet": str, "title": str, "author": str, "published": str,
        "language": str, "text": str, "text_hash": str, "origin": str, "format": str, "doc_json": str,
    }, pk="id")
    db["articles"].create_index(["text_hash"], unique=True)
    db["articles"].create_index(["published"])
    db["articles"].create_index(["outlet"])
    db["copies"].create({
        "origin": str, "article_id": str, "url": str, "outlet": str, "title": str, "published": str,
        "kind": str, "similarity": float,
    }, pk="origin", foreign_keys=_article_fk())
    db["copies"].create_index(["article_id"])
    db["inputs"].create({"origin": str, "raw_hash": str, "status": str, "article_id": str, "reason": str},
                        pk="origin")
    db["inputs"].create_index(["status"])
    tables = {
        "mentions": {"article_id": str, "id": str, "start": int, "end": int, "text": str, "label": str,
                     "ref": str, "value_json": str},
        "places": {"article_id": str, "id": str, "name": str, "name_ar": str, "kind": str, "country": str,
                   "lat": float, "lon": float, "score": float, "admin1": str, "admin2": str,
                   "anchor_json": str},
        "actors": {"article_id": str, "id": str, "name": str, "name_ar": str, "type": str, "country": str},
        "persons": {"article_id": str, "id": str, "name": str, "name_ar": str, "role": str,
                    "affiliation": str},
        "sources": {"article_id": str, "id": str, "start": int, "end": int, "text": str, "anonymous": int,
                    "actor": str, "person": str},
        "events": {"article_id": str, "id": str, "type": str, "mode": str, "actor": str, "target": str,
                   "location": str, "date_value": str, "date_precision": str, "status": str, "negated": int,
                   "source": str, "evidence_start": int, "evidence_end": int, "confidence": float,
                   "fatalities": int, "acled_event_type": str, "acled_sub_event_type": str,
                   "cameo_root": str, "json": str},
        "routes": {"article_id": str, "id": str, "waypoints_json": str, "via_json": str, "length_min": float,
                   "length_max": float, "status": str, "users_json": str, "source": str,
                   "evidence_start": int, "evidence_end": int, "confidence": float, "date_value": str,
                   "json": str},
    }
    for name, columns in tables.items():
        db[name].create(columns, pk=("article_id", "id"), foreign_keys=_article_fk())
    db["mentions"].create_index(["ref"])
    db["events"].create_index(["type"])
    db["events"].create_index(["location"])
    db["events"].create_index(["date_value"])
    db["places"].create_index(["id"])
    db["actors"].create_index(["id"])
    db["minhashes"].create({"article_id": str, "signature": bytes}, pk="article_id",
                           foreign_keys=_article_fk())
    db["runs"].create({"id": int, "started": str, "finished": str, "read": int, "stored": int,
                       "duplicates": int, "skipped": int}, pk="id")


def m0002_fts(db: sqlite_utils.Database) -> None:
    """Full-text search over titles and the text in matching form (see store.fts)."""
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5("
               "article_id UNINDEXED, title, search_text, tokenize = 'unicode61 remove_diacritics 2')")


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("0001_core", m0001_core),
    ("0002_fts", m0002_fts),
]


def applied(db: sqlite_utils.Database) -> list[str]:
    if "migrations" not in db.table_names():
        return []
    return [row[0] for row in db.execute("SELECT name FROM migrations ORDER BY name").fetchall()]


def check(db: sqlite_utils.Database, path: str) -> None:
    """Refuse a database that is not marsad's, or that a newer marsad wrote."""
    names = db.table_names()
    if "migrations" not in names:
        if names:
            raise MarsadError(E.STORE_FOREIGN, path=path, tables=", ".join(sorted(names)[:5]))
        return
    known = {name for name, _ in MIGRATIONS}
    unknown = [name for name in applied(db) if name not in known]
    if unknown:
        raise MarsadError(E.STORE_NEWER, path=path, unknown=", ".join(unknown))


def migrate(db: sqlite_utils.Database, path: str = "") -> list[str]:
    """Apply the missing migrations in order, each in one transaction; returns their names."""
    check(db, path)
    with db.atomic():
        if "migrations" not in db.table_names():
            db["migrations"].create({"name": str, "applied_at": str}, pk="name")
    done = set(applied(db))
    ran = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            step(db)
            db["migrations"].insert({"name": name, "applied_at": _now()})
        ran.append(name)
    return ran


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
