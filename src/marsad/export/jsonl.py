"""The stored contract documents (one JSON object a line) of the articles behind the
exported events: what `marsad extract --format json` printed for them."""
from __future__ import annotations

import json

from marsad.store.merge import MergedEvent


def documents(store, events: list[MergedEvent], filters=None):
    """Every article when nothing is filtered; else the articles reporting a listed event."""
    wanted = None
    if filters is not None and not filters.empty:
        wanted = {aid for ev in events for aid in ev.article_ids}
    for aid, raw in store.conn.execute("SELECT id, doc_json FROM articles ORDER BY published, id"):
        if wanted is None or aid in wanted:
            yield raw


def write(store, events: list[MergedEvent], out, filters=None) -> int:
    n = 0
    for raw in documents(store, events, filters):
        out.write(json.dumps(json.loads(raw), ensure_ascii=False) + "\n")  # one line, whatever was stored
        n += 1
    return n
