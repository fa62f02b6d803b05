"""Tagging speed of the CRF NER tagger on the ANERcorp test split (one core).

    python bench/bench_tagger.py [--data ../shared/data] [--repeat 3]

Prints sentences/s and tokens/s for feature extraction + CRF decoding (cold: first pass
with an empty feature cache; warm: later passes), the time to load the model, and the
peak resident memory of the process.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from marsad.evaluate import corpora
    from marsad.ner.crf import Tagger

    root = corpora.data_root(args.data)
    sents = [toks for toks, _ in corpora.anercorp("test", root)]
    ntok = sum(map(len, sents))
    t0 = time.perf_counter()
    tagger = Tagger.load()
    load = time.perf_counter() - t0
    print(f"model {tagger.path} ({tagger.path.stat().st_size / 1e6:.1f} MB), loaded with lexicon "
          f"({len(tagger.featurizer.lexicons['GAZ'])} names) in {load:.2f}s")
    print(f"ANERcorp test: {len(sents)} sentences, {ntok} tokens ({ntok / len(sents):.1f} per sentence)")
    for run in range(args.repeat):
        t0 = time.perf_counter()
        for s in sents:
            tagger.tag(s)
        dt = time.perf_counter() - t0
        print(f"  {'cold' if run == 0 else 'warm'} pass: {len(sents) / dt:,.0f} sentences/s, {ntok / dt:,.0f} tokens/s")
    t0 = time.perf_counter()
    tagger.tag_many(sents)
    dt = time.perf_counter() - t0
    print(f"  tag_many (with name consistency): {len(sents) / dt:,.0f} sentences/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {rss / 1024:.0f} MB" if sys.platform != "darwin" else f"peak RSS: {rss / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
