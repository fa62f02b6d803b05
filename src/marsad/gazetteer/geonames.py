"""Import GeoNames dump files: the ``geoname`` table (e.g. IQ.txt, allCountries.txt) and,
optionally, ``alternateNamesV2`` (language-tagged names).

Arabic names: names tagged ``ar`` (or untagged and in Arabic script) in alternateNamesV2,
and Arabic-script names of the ``alternatenames`` column that alternateNamesV2 does not
tag as another language (Persian, Urdu, Kurdish…). English: ``en`` names and the main name.
"""
from __future__ import annotations

import time
from pathlib import Path

from marsad.errors import E, MarsadError
from marsad.gazetteer.default import english_name, new_record
from marsad.gazetteer.model import ImportReport, is_arabic_name, is_latin_name, kind_from
from marsad.gazetteer import store

GEONAME_COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
                   "feature class", "feature code", "country code", "cc2", "admin1 code", "admin2 code",
                   "admin3 code", "admin4 code", "population", "elevation", "dem", "timezone",
                   "modification date")
ALTNAME_COLUMNS = ("alternateNameId", "geonameid", "isolanguage", "alternate name", "isPreferredName",
                   "isShortName", "isColloquial", "isHistoric", "from", "to")
ARABIC_LANGS = {"ar", "arz", "apc", "ajp", "acm", "ary", "aeb", "ayl", "afb", "ars", ""}
# Languages written in Arabic script that are not Arabic: their names are not Arabic spellings.
OTHER_ARABIC_SCRIPT_LANGS = {"fa", "ur", "ps", "ckb", "ku", "azb", "ug", "sd", "ks", "bal", "glk", "mzn",
                             "lrc", "ota", "pnb", "skr", "bqi", "sdh", "haz", "prs", "tk", "ms"}
# Pseudo-languages of alternateNamesV2 that are codes or links, not names.
NOT_NAMES = {"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "phon", "piny", "fr_1793"}


def _lines(path: Path, table: str, ncols: int):
    """(line number, fields) of a tab-separated GeoNames table; a final empty line is fine."""
    columns = GEONAME_COLUMNS if table == "geoname" else ALTNAME_COLUMNS
    try:
        fh = open(path, encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise MarsadError(E.FILE_NOT_FOUND, path=path) from exc
    pending_blank = None
    with fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                pending_blank = pending_blank or lineno
                continue
            if pending_blank:
                raise MarsadError(E.GAZ_FILE_FORMAT, path=path, line=pending_blank, why="empty line",
                                  table=table, columns=ncols)
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != ncols:
                raise MarsadError(E.GAZ_FILE_FORMAT, path=path, line=lineno,
                                  why=f"{len(fields)} tab-separated columns instead of {ncols}"
                                      f" ({', '.join(columns[:4])}, …)",
                                  table=table, columns=ncols)
            yield lineno, fields


def _bad(path, lineno, table, ncols, why):
    return MarsadError(E.GAZ_FILE_FORMAT, path=path, line=lineno, why=why, table=table, columns=ncols)


def read_alternate_names(path: Path, report: ImportReport | None = None) -> dict[int, dict]:
    """geonameid → {"ar": [names, preferred first], "en": [...], "other": {names tagged non-Arabic}}."""
    out: dict[int, dict] = {}
    for lineno, f in _lines(path, "alternateNamesV2", 10):
        try:
            gid = int(f[1])
        except ValueError:
            raise _bad(path, lineno, "alternateNamesV2", 10, f"geonameid {f[1]!r} is not a number") from None
        lang, name = f[2].strip().lower(), f[3].strip()
        if not name or lang in NOT_NAMES:
            if report is not None:
                report.skip("alternate name without a usable name (code, link or empty)")
            continue
        if f[7] == "1":  # historic
            if report is not None:
                report.skip("historic alternate name")
            continue
        entry = out.setdefault(gid, {"ar": [], "en": [], "other": set()})
        preferred = f[4] == "1"
        if lang in ARABIC_LANGS and is_arabic_name(name):
            (entry["ar"].insert(0, name) if preferred and lang == "ar" else entry["ar"].append(name))
        elif lang == "en" and is_latin_name(name):
            (entry["en"].insert(0, name) if preferred else entry["en"].append(name))
        elif lang in OTHER_ARABIC_SCRIPT_LANGS:
            entry["other"].add(name)
    return out


def parse_geonames(path: Path, alternate_names: Path | None = None,
                   report: ImportReport | None = None) -> list[dict]:
    """Place records from a GeoNames ``geoname`` table (+ optional alternateNamesV2)."""
    report = report or ImportReport("geonames", str(path), "")
    alts = read_alternate_names(alternate_names, report) if alternate_names else {}
    records = []
    for lineno, f in _lines(path, "geoname", 19):
        report.places_read += 1
        try:
            gid = int(f[0])
        except ValueError:
            raise _bad(path, lineno, "geoname", 19, f"geonameid {f[0]!r} is not a number") from None
        try:
            lat, lon = float(f[4]), float(f[5])
        except ValueError:
            raise _bad(path, lineno, "geoname", 19,
                       f"latitude/longitude {f[4]!r}/{f[5]!r} are not numbers") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise _bad(path, lineno, "geoname", 19, f"latitude/longitude {lat}/{lon} out of range")
        try:
            pop = int(f[14]) if f[14].strip() else 0
        except ValueError:
            raise _bad(path, lineno, "geoname", 19, f"population {f[14]!r} is not a whole number") from None
        name, ascii_name = f[1].strip(), f[2].strip()
        column_names = [a.strip() for a in f[3].split(",") if a.strip()]
        tagged = alts.get(gid, {"ar": [], "en": [], "other": set()})
        names_ar = tagged["ar"] + [n for n in [name] + column_names
                                   if is_arabic_name(n) and n not in tagged["other"]]
        if not names_ar and not (name or ascii_name):
            report.skip("place without any name")
            continue
        en = tagged["en"][0] if tagged["en"] else english_name(name, [ascii_name] + column_names)
        names_lat = [n for n in [en, name, ascii_name] + tagged["en"] if is_latin_name(n)]
        fclass, fcode = f[6].strip(), f[7].strip()
        records.append(new_record(f"geonames:{gid}", name=en, name_ar=names_ar[0] if names_ar else "",
                                  kind=kind_from(fcode, pop, fclass), country=f[8].strip(), lat=lat, lon=lon,
                                  population=pop, feature_code=fcode, admin1=f[10].strip(),
                                  source="geonames-import", names_ar=names_ar, names_lat=names_lat))
        if not names_ar:
            report.skip("place without an Arabic name (kept for English lookups)")
    known = {int(r["id"].split(":")[1]) for r in records}
    unknown = sum(1 for gid in alts if gid not in known)
    if unknown:
        report.skip("alternate names of a geonameid not in the geoname table", unknown)
    return records


def import_geonames(path, alternate_names=None) -> ImportReport:
    """Import a GeoNames ``geoname`` table (and its alternateNamesV2) into the user gazetteer.

    Re-importing the same file replaces its earlier import. The index is rebuilt on the
    next ``Gazetteer.load()`` (its cache fingerprint changes)."""
    path = Path(path)
    alt_path = Path(alternate_names) if alternate_names else None
    if alt_path is not None and not alt_path.exists():
        raise MarsadError(E.FILE_NOT_FOUND, path=alt_path)
    slug = store.import_slug("geonames", path)
    report = ImportReport("geonames", str(path.resolve()), str(store.gazetteer_dir() / (slug + ".jsonl")))
    records = parse_geonames(path, alt_path, report)
    report.places_stored = len(records)
    report.names_ar = sum(len(r["names_ar"]) for r in records)
    report.names_lat = sum(len(r["names_lat"]) for r in records)
    report.replaced = any(e["slug"] == slug for e in store.read_manifest())
    store.write_records(Path(report.stored), records)
    store.record_import({"slug": slug, "type": "geonames", "source": report.path,
                         "alternate_names": str(alt_path.resolve()) if alt_path else None,
                         "files": [Path(report.stored).name], "imported": time.strftime("%Y-%m-%dT%H:%M:%S"),
                         "places": report.places_stored, "names_ar": report.names_ar})
    return report
