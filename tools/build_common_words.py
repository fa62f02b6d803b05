#!/usr/bin/env python3
"""Build src/marsad/knowledge/common_words.json: words that news uses as ordinary words.

Many Arabic words are also the names of small places somewhere (كونه, بيانه, كبار).
The places stage treats a name that is on this list like a common word: it counts only
with a qualifier or strong support. The list is learned from the ANERcorp TRAIN split
(never test): every normalized word (and its clitic-stripped stems) seen at least
MIN_COUNT times outside any LOC span and inside one in under MAX_LOC_SHARE of its uses.
Only word statistics are kept, no text.

Usage: python3 tools/build_common_words.py [../shared/data/anercorp/ANERCorp_CamelLab_train.txt]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from marsad.text.clitics import strip_proclitics
from marsad.text.normalize import normalize_key

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"
OUT = REPO / "src" / "marsad" / "knowledge" / "common_words.json"
MIN_COUNT = 2
MAX_LOC_SHARE = 0.1


def main(path: Path) -> None:
    as_word, as_loc = Counter(), Counter()
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        token, tag = parts[0], parts[-1]
        key = normalize_key(token)
        forms = {key, *strip_proclitics(key)}
        target = as_loc if tag.endswith("LOC") else as_word
        for form in forms:
            target[form] += 1
    words = sorted(w for w, n in as_word.items()
                   if n >= MIN_COUNT and len(w) >= 2 and as_loc[w] < MAX_LOC_SHARE * (n + as_loc[w])
                   and not w.isdigit())
    doc = {"_doc": "Words used as ordinary words in Arabic news, learned by tools/build_common_words.py from "
                   "ANERcorp train word counts (CC BY-SA 4.0). A place name on this list needs a qualifier or "
                   "strong support. Do not edit by hand; add exceptions to place_cues.json instead.",
           "min_count": MIN_COUNT, "max_loc_share": MAX_LOC_SHARE, "words": words}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} common words to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
