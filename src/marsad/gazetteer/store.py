"""Where imports live: ``data_dir()/gazetteer/``.

Each import writes one JSON-lines file of place records (plus, for boundaries, one file of
polygons as WKB) and an entry in ``imports.json``. The entry's key is the resolved path of
the source file, so importing the same file again replaces the earlier import. Every
file is written to a temporary name and moved into place (``os.replace``), so another
process never sees half a file.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from marsad.paths import data_dir

MANIFEST = "imports.json"


def gazetteer_dir() -> Path:
    path = data_dir() / "gazetteer"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_records(path: Path, records) -> None:
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    atomic_write_bytes(path, ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))


def read_records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def import_slug(kind: str, source: Path) -> str:
    """Stable file stem of an import: same source file → same stem (replaced on re-import)."""
    digest = hashlib.sha1(str(source.resolve()).encode("utf-8")).hexdigest()[:12]
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in source.stem)[:40]
    return f"{kind}-{stem}-{digest}"


def read_manifest() -> list[dict]:
    path = gazetteer_dir() / MANIFEST
    if not path.exists():
        return []
    try:
        return json.loads(path.read_text("utf-8"))["imports"]
    except (ValueError, KeyError) as exc:
        from marsad.errors import E, MarsadError
        raise MarsadError(E.GAZ_NO_INDEX, path=path, why=f"bad manifest: {exc}") from exc


def record_import(entry: dict) -> None:
    """Add or replace (same ``slug``) an import in the manifest."""
    entries = [e for e in read_manifest() if e["slug"] != entry["slug"]] + [entry]
    doc = {"_doc": "Gazetteer imports (marsad gazetteer import …). Files are in this folder.",
           "imports": entries}
    atomic_write_bytes(gazetteer_dir() / MANIFEST,
                       json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
