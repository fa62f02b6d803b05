"""One ingest run: readers → skip what is known → dedup → extract → store, item by item.

The command and the benchmark both call ``ingest``. Inputs already recorded with the same
raw bytes are passed over before any work, so a rerun after a kill (or on the same input)
only does what is missing; the near-duplicate index is rebuilt from the stored signatures.

Test hook: MARSAD_INGEST_KILL_AFTER=N sends SIGKILL to this process after N items
(MARSAD_INGEST_KILL_INSIDE=1: in the middle of the next article's transaction instead).
"""
from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field
from typing import Callable, Iterable

from marsad.store import dedup
from marsad.store.db import Store


@dataclass
class Summary:
    read: int = 0           # items and skips the readers produced
    known: int = 0          # passed over: already recorded with the same bytes
    stored: int = 0
    exact: int = 0
    near: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)

    @property
    def duplicates(self) -> int:
        return self.exact + self.near


def _kill_hook() -> tuple[int | None, bool]:
    value = os.environ.get("MARSAD_INGEST_KILL_AFTER")
    return (int(value) if value else None), os.environ.get("MARSAD_INGEST_KILL_INSIDE") == "1"


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def ingest_items(items: Iterable, store: Store, pipeline=None,
                 on_item: Callable[[object, str], None] | None = None) -> Summary:
    """Store every Item of ``items`` (Skips are recorded with their reason)."""
    from marsad.api import default_pipeline, extract_text
    from marsad.ingest.items import Skip

    nlp = pipeline or default_pipeline()
    kill_after, kill_inside = _kill_hook()
    summary = Summary()
    run_id = store.start_run()
    for n, obj in enumerate(items):
        before_commit = None
        if kill_after is not None and n >= kill_after:
            if not kill_inside:
                _die()
            before_commit = _die
        summary.read += 1
        if isinstance(obj, Skip):
            summary.skipped.append((obj.origin, obj.reason))
            store.record_skip(obj.origin, obj.reason)
            outcome = "skipped"
        else:
            outcome = _one(obj, store, nlp, extract_text, summary, before_commit)
        if on_item:
            on_item(obj, outcome)
    store.finish_run(run_id, summary.read, summary.stored, summary.duplicates, len(summary.skipped))
    return summary


def _one(item, store: Store, nlp, extract_text, summary: Summary, before_commit) -> str:
    if store.seen(item.origin, item.raw_hash):
        summary.known += 1
        return "known"
    norm = dedup.normalized(item.text)
    if not norm.strip():
        reason = "no text after normalization (empty or only marks)"
        summary.skipped.append((item.origin, reason))
        store.record_skip(item.origin, reason, item.raw_hash)
        return "skipped"
    text_hash = dedup.text_hash(item.text)
    same = store.article_by_hash(text_hash)
    if same:
        article_id, its_origin = same
        kind = "original" if its_origin == item.origin else "exact"
        store.record_duplicate(item, article_id, kind, 1.0)
        summary.exact += kind == "exact"
        return kind
    mh = dedup.minhash(norm)
    near = store.near.best(mh)
    if near:
        store.record_duplicate(item, near[0], "near", near[1])
        summary.near += 1
        return "near"
    try:
        doc = extract_text(item.text, dict(item.meta or {}), nlp)
    except Exception as exc:  # a stage's bug must not stop the run; the item is listed
        reason = f"extraction failed ({type(exc).__name__}: {exc}); report it with this input"
        summary.skipped.append((item.origin, reason))
        store.record_skip(item.origin, reason, item.raw_hash)
        return "skipped"
    store.write_article(item, doc, mh, text_hash, before_commit=before_commit)
    summary.stored += 1
    return "stored"


def ingest(sources: list[str], store: Store, options=None, stdin=None, pipeline=None,
           on_item: Callable[[object, str], None] | None = None) -> Summary:
    """Read ``sources`` (files, folders, feeds, WARC, JSONL, - for stdin) into ``store``."""
    from marsad.ingest.discover import iter_items
    from marsad.ingest.items import ReadOptions

    return ingest_items(iter_items(sources, options or ReadOptions(), stdin=stdin), store, pipeline, on_item)
