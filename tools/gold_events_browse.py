#!/usr/bin/env python3
"""Print candidate sentences from the shared corpora, with their indices, for extending
``src/marsad/evaluate/gold_events.jsonl``.

Reads ANERcorp / Wojood from the shared data folder (``--data``, $MARSAD_SHARED_DATA or
../shared/data) and prints to the terminal only: never write corpus text into the
repository. Each line: corpus, split, sentence index, checksum, token count, text.

    python tools/gold_events_browse.py --corpus anercorp --split train --grep قتل --grep اشتباك
    python tools/gold_events_browse.py --corpus wojood --split val --start 40 --limit 20
    python tools/gold_events_browse.py --corpus anercorp --split train --index 123 --tokens
    python tools/gold_events_browse.py --unlabelled --grep غارة   # skip sentences already in the gold set
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from marsad.evaluate.corpora import anercorp, data_root, wojood
from marsad.evaluate.events import GOLD_PATH, checksum, sentence_text

READERS = {"anercorp": anercorp, "wojood": wojood}
SPLITS = {"anercorp": ("train", "test"), "wojood": ("train", "val", "test")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="shared data folder")
    ap.add_argument("--corpus", choices=sorted(READERS), action="append", help="default: both")
    ap.add_argument("--split", action="append", help="default: every split of the corpus")
    ap.add_argument("--grep", action="append", default=[], help="keep sentences containing any of these strings")
    ap.add_argument("--min-tokens", type=int, default=6)
    ap.add_argument("--max-tokens", type=int, default=80)
    ap.add_argument("--start", type=int, default=0, help="first sentence index")
    ap.add_argument("--limit", type=int, default=50, help="how many sentences to print")
    ap.add_argument("--index", type=int, action="append", help="print exactly these sentence indices")
    ap.add_argument("--tokens", action="store_true", help="also print numbered tokens (for the optional sub-range)")
    ap.add_argument("--unlabelled", action="store_true", help="skip sentences already in the gold set")
    args = ap.parse_args(argv)

    root = data_root(args.data)
    done = set()
    if args.unlabelled and GOLD_PATH.exists():
        for line in GOLD_PATH.read_text("utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                done.add((r["corpus"], r["split"], r["sentence"]))
    shown = 0
    for corpus in args.corpus or sorted(READERS):
        for split in args.split or SPLITS[corpus]:
            if split not in SPLITS[corpus]:
                continue
            sents = READERS[corpus](split, root)
            indices = args.index if args.index else range(args.start, len(sents))
            for i in indices:
                if i >= len(sents) or (corpus, split, i) in done:
                    continue
                tokens = sents[i][0]
                if not args.index:
                    if not args.min_tokens <= len(tokens) <= args.max_tokens:
                        continue
                text = sentence_text(tokens)
                if args.grep and not any(g in text for g in args.grep):
                    continue
                print(f"{corpus}\t{split}\t{i}\t{checksum(tokens)}\t{len(tokens)}\t{text}")
                if args.tokens:
                    print("   " + " ".join(f"{k}:{t}" for k, t in enumerate(tokens)))
                shown += 1
                if shown >= args.limit:
                    return 0
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head/less
        sys.stderr.close()
        sys.exit(0)
