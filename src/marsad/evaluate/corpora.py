"""Readers for the evaluation corpora in the shared data folder.

The folder (holding ``anercorp/``, ``wojood/``, ``idrisi/``) is, in order: the path
given explicitly (``--data``), ``$MARSAD_SHARED_DATA``, or the first ``shared/data``
found beside the current directory or one of its parents (the layout
``<workspace>/main`` + ``<workspace>/shared/data``), then beside this source checkout.
Nothing here is ever copied into the project.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import E, MarsadError
from marsad.ner.conll import read_tagged

LABELS = ("LOC", "PERS", "ORG")
WOJOOD_MAP = {"GPE": "LOC", "LOC": "LOC", "PERS": "PERS", "ORG": "ORG"}


def data_root(explicit: str | Path | None = None, required: bool = True) -> Path | None:
    """The shared data folder, or ``MarsadError(E.DATA_MISSING)`` (None if not ``required``)."""
    if explicit:
        path = Path(explicit)
        if not path.is_dir():
            raise MarsadError(E.DATA_MISSING, path=str(path))
        return path
    env = os.environ.get("MARSAD_SHARED_DATA")
    if env:
        if Path(env).is_dir():
            return Path(env)
        if required:
            raise MarsadError(E.DATA_MISSING, path=env)
        return None
    cwd = Path.cwd().resolve()
    candidates = [p / "shared" / "data" for p in (cwd, *cwd.parents)]
    candidates.append(Path(__file__).resolve().parents[3].parent / "shared" / "data")
    for c in candidates:
        if (c / "anercorp").is_dir() or (c / "wojood").is_dir() or (c / "idrisi").is_dir():
            return c
    if required:
        raise MarsadError(E.DATA_MISSING, path=str(cwd.parent / "shared" / "data"))
    return None


def _need(path: Path) -> Path:
    if not path.exists():
        raise MarsadError(E.DATA_MISSING, path=str(path))
    return path


def _map(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or len(tag) < 3:
        return "O"
    label = mapping.get(tag[2:])
    return f"{tag[0]}-{label}" if label else "O"


def anercorp(split: str, root: Path) -> list[tuple[list[str], list[str]]]:
    """ANERcorp (CAMeL Lab split) ``train`` or ``test``; MISC becomes O."""
    path = _need(root / "anercorp" / f"ANERCorp_CamelLab_{split}.txt")
    mapping = {lab: lab for lab in LABELS}
    return [(toks, [_map(t, mapping) for t in tags]) for toks, tags in read_tagged(path, column=-1)]


def wojood(split: str, root: Path) -> list[tuple[list[str], list[str]]]:
    """Wojood sample ``train``/``val``/``test``, outermost tag column; GPE+LOC→LOC, PERS, ORG."""
    path = _need(root / "wojood" / f"{split}.txt")
    return [(toks, [_map(t, WOJOOD_MAP) for t in tags]) for toks, tags in read_tagged(path, column=1)]


@dataclass
class Tweet:
    text: str
    spans: set[tuple[int, int]]  # gold location mentions, character offsets
    event: str


def idrisi_lmr(split: str, root: Path) -> list[Tweet]:
    """IDRISI-R Arabic gold (random setup): every tweet of every event, all mention types as LOC."""
    base = _need(root / "idrisi" / "LMR-AR-gold-random")
    tweets = []
    files = sorted(base.glob(f"*/{split}.jsonl"))
    if not files:
        raise MarsadError(E.DATA_MISSING, path=str(base / "*" / f"{split}.jsonl"))
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                spans = {(m["startIdx"], m["endIdx"]) for m in rec.get("location_mentions") or ()}
                tweets.append(Tweet(rec["text"], spans, f.parent.name))
    return tweets
