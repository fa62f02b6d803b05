"""Import admin boundary polygons (GeoJSON) with Arabic names, and answer "which admin
areas contain this point?".

Defaults fit Who's On First admin exports: ``wof:placetype`` country/region/county →
country/admin1/admin2, names in ``name:ara_x_preferred`` / ``name:ara_x_variant`` /
``name:eng_x_preferred`` (values may be lists: the first is preferred, all are names),
GeoNames concordance in ``wof:concordances`` → ``gn:id``. A feature with a concordance
becomes/merges with ``geonames:<id>``; others are ``boundary:wof:<wof:id>``.

Polygons are stored as WKB next to the place records and loaded only when
``containing()`` is first called (importing shapely is not free).
"""
from __future__ import annotations

import json
import pickle
import time
from pathlib import Path

from marsad.errors import E, MarsadError
from marsad.gazetteer import store
from marsad.gazetteer.default import new_record
from marsad.gazetteer.model import ImportReport, is_arabic_name, is_latin_name, strip_admin_qualifier

LEVELS = {"country": "country", "region": "admin1", "county": "admin2", "localadmin": "admin2",
          "macroregion": "admin1", "macrocounty": "admin2", "dependency": "country",
          "admin0": "country", "admin1": "admin1", "admin2": "admin2", "adm0": "country",
          "adm1": "admin1", "adm2": "admin2", "2": "country", "4": "admin1", "5": "admin2", "6": "admin2"}
FEATURE_CODES = {"country": "PCLI", "admin1": "ADM1", "admin2": "ADM2"}


def _prop(props: dict, dotted: str):
    """``a.b`` looks into nested objects; a literal key with dots wins."""
    if dotted in props:
        return props[dotted]
    value = props
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _names(value) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        if isinstance(v, str):
            out += [p.strip() for p in v.split(";") if p.strip()]
    return out


def _with_bare(names: list[str]) -> list[str]:
    out = []
    for n in names:
        out.append(n)
        bare = strip_admin_qualifier(n)
        if bare:
            out.append(bare)
    return list(dict.fromkeys(out))


def parse_boundaries(path: Path, *, name_ar: str, name_ar_variants: str | None, name_en: str, level: str,
                     geonames_id: str, report: ImportReport) -> tuple[list[dict], list[tuple]]:
    """(place records, [(place id, kind, wkb, area)]) from a GeoJSON FeatureCollection."""
    import shapely
    from shapely.geometry import shape

    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except FileNotFoundError as exc:
        raise MarsadError(E.FILE_NOT_FOUND, path=path) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise MarsadError(E.GAZ_GEOJSON, path=path, why=f"not JSON ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(
            doc.get("features"), list):
        raise MarsadError(E.GAZ_GEOJSON, path=path, why="not a FeatureCollection with a 'features' list")
    records, polygons = [], []
    parents: dict[str, tuple] = {}
    wof_ids: dict[str, str] = {}
    for i, feat in enumerate(doc["features"]):
        report.places_read += 1
        props = feat.get("properties") or {}
        geom = feat.get("geometry")
        if not geom or geom.get("type") not in ("Polygon", "MultiPolygon"):
            report.skip("feature without a Polygon/MultiPolygon geometry")
            continue
        try:
            poly = shape(geom)
            if not poly.is_valid:
                poly = shapely.make_valid(poly)
        except Exception as exc:  # shapely raises several types for broken rings
            raise MarsadError(E.GAZ_GEOJSON, path=path, why=f"feature {i}: bad geometry ({exc})") from exc
        raw_level = str(_prop(props, level) or "").lower()
        kind = LEVELS.get(raw_level)
        if kind is None:
            report.skip(f"unknown level {raw_level!r} in {level!r}")
            continue
        preferred = [n for n in _names(_prop(props, name_ar)) if is_arabic_name(n)]
        variants = [n for n in _names(_prop(props, name_ar_variants)) if is_arabic_name(n)] if name_ar_variants else []
        latin = [n for n in _names(_prop(props, name_en)) if is_latin_name(n)]
        if name_ar_variants:
            latin += [n for n in _names(_prop(props, name_ar_variants)) if is_latin_name(n)]
        for key in ("wof:name", "name"):
            if isinstance(props.get(key), str) and is_latin_name(props[key]):
                latin.append(props[key])
        if not preferred and not variants and not latin:
            report.skip("feature without any name")
            continue
        gid = _prop(props, geonames_id) if geonames_id else None
        wof = props.get("wof:id", props.get("id", feat.get("id", i)))
        pid = f"geonames:{int(gid)}" if isinstance(gid, (int, str)) and str(gid).strip().isdigit() and int(gid) > 0 \
            else f"boundary:wof:{wof}"
        lat, lon = props.get("geom:latitude"), props.get("geom:longitude")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            pt = poly.representative_point()
            lat, lon = pt.y, pt.x
        names_ar = _with_bare(preferred)
        variants_ar = [n for n in _with_bare(variants) if n not in names_ar]
        all_ar = names_ar + variants_ar
        iso = _country_of(props)
        parents[pid] = (props.get("wof:parent_id"), iso)
        records.append(new_record(pid, name=latin[0] if latin else "", name_ar=all_ar[0] if all_ar else "",
                                  kind=kind, country=iso, lat=lat, lon=lon, feature_code=FEATURE_CODES[kind],
                                  source="boundaries-import", names_ar=names_ar, variants_ar=variants_ar,
                                  names_lat=latin))
        polygons.append((pid, kind, shapely.to_wkb(poly), float(poly.area)))
        wof_ids[str(wof)] = pid
    _fill_countries(records, parents, wof_ids, polygons)
    return records, polygons


def _country_of(props: dict) -> str:
    for key in ("iso:country", "wof:country", "country", "iso_a2"):
        v = props.get(key)
        if isinstance(v, str) and len(v) == 2 and v.isalpha():
            return v.upper()
    conc = props.get("wof:concordances") or {}
    for key in ("iso:code", "hasc:id"):
        v = conc.get(key)
        if isinstance(v, str) and len(v) >= 2 and v[:2].isalpha():
            return v[:2].upper()
    return ""


def _fill_countries(records, parents, wof_ids, polygons) -> None:
    """A feature without a country code takes its parent's, else that of the country polygon
    that contains it."""
    import shapely

    countries = [(shapely.from_wkb(w), r["country"]) for (pid, kind, w, _a), r in zip(polygons, records)
                 if kind == "country" and r["country"]]
    for r in records:
        seen, pid = set(), r["id"]
        while not r["country"] and pid in parents and pid not in seen:
            seen.add(pid)
            parent, _ = parents[pid]
            pid = wof_ids.get(str(parent))
            if pid and parents.get(pid, (None, ""))[1]:
                r["country"] = parents[pid][1]
        if not r["country"]:
            for geom, iso in countries:
                if shapely.contains_xy(geom, r["lon"], r["lat"]):
                    r["country"] = iso
                    break


def import_boundaries(path, name_ar="name:ara_x_preferred", name_ar_variants="name:ara_x_variant",
                      name_en="name:eng_x_preferred", level="wof:placetype",
                      geonames_id="wof:concordances.gn:id") -> ImportReport:
    """Import a GeoJSON FeatureCollection of admin polygons into the user gazetteer.
    Re-importing the same file replaces its earlier import."""
    path = Path(path)
    slug = store.import_slug("boundaries", path)
    gdir = store.gazetteer_dir()
    report = ImportReport("boundaries", str(path.resolve()), str(gdir / (slug + ".jsonl")))
    records, polygons = parse_boundaries(path, name_ar=name_ar, name_ar_variants=name_ar_variants,
                                         name_en=name_en, level=level, geonames_id=geonames_id, report=report)
    if not records:
        raise MarsadError(E.GAZ_GEOJSON, path=path,
                          why=f"no usable admin polygon among {report.places_read} features "
                              f"(skipped: {report.skipped or 'none'})")
    report.places_stored = len(records)
    report.polygons = len(polygons)
    report.names_ar = sum(len(r["names_ar"]) + len(r["variants_ar"]) for r in records)
    report.names_lat = sum(len(r["names_lat"]) for r in records)
    report.replaced = any(e["slug"] == slug for e in store.read_manifest())
    store.write_records(Path(report.stored), records)
    store.atomic_write_bytes(gdir / (slug + ".wkb.pickle"), pickle.dumps(polygons, protocol=pickle.HIGHEST_PROTOCOL))
    store.record_import({"slug": slug, "type": "boundaries", "source": report.path,
                         "files": [slug + ".jsonl", slug + ".wkb.pickle"],
                         "imported": time.strftime("%Y-%m-%dT%H:%M:%S"),
                         "places": report.places_stored, "names_ar": report.names_ar,
                         "options": {"name_ar": name_ar, "name_ar_variants": name_ar_variants,
                                     "name_en": name_en, "level": level, "geonames_id": geonames_id}})
    return report


class BoundaryIndex:
    """Point-in-polygon over every imported boundary (STRtree), built on first use."""

    def __init__(self, polygon_files: list[Path]):
        import shapely
        from shapely.strtree import STRtree

        ids, geoms, areas = [], [], []
        for f in polygon_files:
            with open(f, "rb") as fh:
                for pid, _kind, wkb, area in pickle.load(fh):
                    ids.append(pid)
                    geoms.append(wkb)
                    areas.append(area)
        self.ids, self.areas = ids, areas
        self.geoms = shapely.from_wkb(geoms) if geoms else []
        self.tree = STRtree(self.geoms) if geoms else None

    def containing_ids(self, lat: float, lon: float) -> list[str]:
        """Ids of polygons containing the point, smallest area first."""
        if self.tree is None:
            return []
        from shapely import Point
        hits = self.tree.query(Point(lon, lat), predicate="intersects")
        order = sorted((self.areas[i], self.ids[i]) for i in hits)
        return list(dict.fromkeys(pid for _a, pid in order))
