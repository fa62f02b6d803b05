"""Duplicate detection: exact (same normalized text) and near (MinHash of word 5-shingles).

Exact: two items whose ``normalize_key`` texts are equal share ``text_hash``.
Near: the estimated Jaccard similarity of the sets of word 5-shingles of the normalized
texts is at least ``SIMILARITY`` (a re-headlined copy, one sentence changed, an outlet's
footer added). Candidates come from a MinHashLSH index tuned below that threshold (0.7,
false negatives weighted 0.8) so that pairs at 0.8 are found with probability ~0.99;
each candidate's similarity is then estimated from the signatures and the best one wins
(ties: the smallest article id), so the answer never depends on insertion order.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.text.normalize import normalize_key

NUM_PERM = 128
SHINGLE = 5
SIMILARITY = 0.75          # accept a near duplicate at or above this estimated Jaccard
LSH_THRESHOLD = 0.7        # candidate generation (see module docstring)
LSH_WEIGHTS = (0.2, 0.8)   # (false positive, false negative) weights for the band layout
SEED = 1
SCHEME = "affine32"        # datasketch 2's hashing scheme; signatures are stored with it
_WORD = re.compile(r"\w+")


def normalized(text: str) -> str:
    return normalize_key(text)


def text_hash(text: str) -> str:
    """sha1 of the normalized text: equal for exact duplicates (the basis of Doc.id)."""
    return hashlib.sha1(normalize_key(text).encode("utf-8")).hexdigest()


def shingles(norm_text: str) -> list[bytes]:
    words = _WORD.findall(norm_text)
    if len(words) <= SHINGLE:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]


def minhash(norm_text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch(shingles(norm_text))
    return m


def to_blob(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype="<u8").tobytes()


def from_blob(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(blob, dtype="<u8"))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


class NearIndex:
    """The LSH index over stored articles' signatures."""

    def __init__(self):
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
        self.signatures: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, article_id: str, m: MinHash) -> None:
        if article_id in self.signatures:
            return
        self.lsh.insert(article_id, m, check_duplication=False)
        self.signatures[article_id] = np.asarray(m.hashvalues)

    def best(self, m: MinHash) -> tuple[str, float] | None:
        """The most similar stored article at or above SIMILARITY, with its estimate."""
        mine = np.asarray(m.hashvalues)
        found = None
        for key in self.lsh.query(m):
            sim = similarity(mine, self.signatures[key])
            if sim >= SIMILARITY and (found is None or (-sim, key) < (-found[1], found[0])):
                found = (key, sim)
        return None if found is None else (found[0], round(found[1], 4))
