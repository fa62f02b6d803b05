"""Ingest benchmark: N generated ~3 KB Arabic articles (about 5% exact and 5% near copies)
written as JSONL, ingested in process through the same code path as `marsad ingest`
(readers → dedup → extraction → store). Prints articles/s, duplicates found and peak memory.

    taskset -c 0 python bench/bench_ingest.py            # N=10000
    taskset -c 0 python bench/bench_ingest.py -n 1000 --profile
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10000, help="articles to generate (default 10000)")
    ap.add_argument("--size", type=int, default=3000, help="characters per article (default 3000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", metavar="DIR", help="write the JSONL and database here and keep them")
    ap.add_argument("--profile", action="store_true", help="print the top functions by cumulative time")
    args = ap.parse_args()

    if hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) != 1:
        print("note: not pinned to one core; run under `taskset -c 0` for the reference figure", file=sys.stderr)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    from marsad.api import default_pipeline
    from marsad.ingest.items import ReadOptions
    from marsad.store import Store, synth
    from marsad.store.run import ingest

    t0 = time.perf_counter()
    kinds: list[str] = []
    records = synth.corpus(args.n, seed=args.seed, size=args.size, kinds=kinds)
    originals = kinds.count("original")
    source = work / "articles.jsonl"
    with open(source, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    mb = source.stat().st_size / 1e6
    print(f"generated {args.n} articles ({mb:.1f} MB JSONL) in {time.perf_counter() - t0:.1f} s")
    del records

    default_pipeline()  # resources loaded before the clock starts, as in a long-running ingest
    db = work / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    spent = _instrument()

    def run():
        with Store(db) as store:
            return ingest([str(source)], store, ReadOptions(offline=True)), store.counts()

    t0, c0 = time.perf_counter(), time.process_time()
    if args.profile:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        summary, counts = prof.runcall(run)
    else:
        summary, counts = run()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    print(f"read {summary.read} items in {elapsed:.1f} s wall, {cpu:.1f} s CPU: "
          f"{summary.read / elapsed:.1f} items/s wall, {summary.read / cpu:.1f} items/s CPU "
          f"({summary.stored / cpu:.1f} stored articles/s CPU)")
    print("CPU per stored article: " + ", ".join(f"{k} {1000 * v / max(summary.stored, 1):.1f} ms"
                                                 for k, v in spent.items())
          + f", rest (reading, dedup lookups, loop) {1000 * (cpu - sum(spent.values())) / max(summary.stored, 1):.1f} ms")
    print(f"stored {summary.stored}, duplicates {summary.duplicates} (exact {summary.exact}, near {summary.near}), "
          f"skipped {len(summary.skipped)}")
    print(f"generated {originals} distinct stories ({kinds.count('exact')} exact and {kinds.count('near')} near copies "
          f"made, a copy of a copy counting as a copy of the story): stored {summary.stored}, "
          f"{'all found' if summary.stored == originals else f'difference {summary.stored - originals:+d}'}")
    print(f"rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(f"database {db.stat().st_size / 1e6:.1f} MB; peak memory (maxrss) {peak:.0f} MB")
    if args.profile:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)

    t0 = time.perf_counter()
    with Store(db) as store:
        again = ingest([str(source)], store, ReadOptions(offline=True))
    print(f"re-ingest: {again.known} passed over, {again.stored} stored, in {time.perf_counter() - t0:.1f} s")
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        source.unlink()
        work.rmdir()
    return 0


def _instrument() -> dict[str, float]:
    """CPU seconds spent in extraction, in store writes and in MinHash signatures."""
    import marsad.api
    from marsad.store import dedup
    from marsad.store.db import Store

    spent = {"extraction": 0.0, "store write": 0.0, "minhash": 0.0}

    def timed(key, fn):
        def wrapper(*a, **kw):
            c = time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                spent[key] += time.process_time() - c
        return wrapper

    marsad.api.extract_text = timed("extraction", marsad.api.extract_text)
    Store.write_article = timed("store write", Store.write_article)
    dedup.minhash = timed("minhash", dedup.minhash)
    return spent


if __name__ == "__main__":
    sys.exit(main())
