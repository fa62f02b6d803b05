"""The embedded store: SQLite through sqlite-utils, deduplication, full-text search.

    >>> from marsad.store import Store
    >>> with Store("news.db") as store: store.search("الموصل")
"""
from marsad.store.db import Store, default_path

__all__ = ["Store", "default_path"]
