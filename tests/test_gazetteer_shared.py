"""Gazetteer on the shared development data (Iraq/Syria GeoNames-format dumps and Who's
On First boundaries). Skipped when ../shared/data is absent (fresh clone)."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.gazetteer.boundaries import import_boundaries
from marsad.gazetteer.geonames import import_geonames
from marsad.gazetteer.index import Gazetteer, default_names, load_gazetteer
from marsad.text.normalize import normalize_key

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GEONAMES = SHARED / "gazetteer" / "geonames-IQ-SY.txt"
ALTNAMES = SHARED / "gazetteer" / "alternateNamesV2-IQ-SY.txt"
BOUNDARIES = [SHARED / "boundaries" / "wof-IQ-admin.geojson", SHARED / "boundaries" / "wof-SY-admin.geojson"]

pytestmark = pytest.mark.skipif(not (GEONAMES.exists() and ALTNAMES.exists() and all(b.exists() for b in BOUNDARIES)),
                                reason=f"shared development data (gazetteer/, boundaries/) not found under {SHARED}")


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("MARSAD_HOME", str(tmp_path_factory.mktemp("gazetteer-shared")))
    load_gazetteer.cache_clear()
    default_names.cache_clear()
    report = import_geonames(GEONAMES, ALTNAMES)
    assert report.places_read == 33145
    for b in BOUNDARIES:
        import_boundaries(b)
    yield Gazetteer.load()
    mp.undo()
    load_gazetteer.cache_clear()
    default_names.cache_clear()


def first(gz, name, country=None):
    return [p for p in gz.candidates(normalize_key(name)) if country is None or p.country == country]


@pytest.mark.parametrize("name,gid", [("الموصل", 99072), ("تلعفر", 90393), ("سنجار", 448149),
                                      ("البعاج", 99524), ("الحضر", 99413), ("الرقة", 172955),
                                      ("الحسكة", 173811)])
def test_gazetteer_shared_seed_places_found(gz, name, gid):
    assert f"geonames:{gid}" in [p.id for p in first(gz, name)]


def test_gazetteer_shared_mosul_not_taken_by_its_governorate(gz):
    cands = first(gz, "الموصل")
    assert cands[0].id == "geonames:99072"
    assert "geonames:92877" not in [p.id for p in cands]  # Ninawa lists الموصل as a variant


def test_gazetteer_shared_containing_mosul(gz):
    mosul = gz.get("geonames:99072")
    areas = gz.containing(mosul.lat, mosul.lon)
    assert [p.kind for p in areas] == ["admin2", "admin1", "country"]
    assert areas[1].id == "geonames:92877" and areas[2].id == "geonames:99237"


def test_gazetteer_shared_governorate_bare_names(gz):
    assert any(p.kind == "admin1" and p.country == "IQ" for p in first(gz, "دهوك"))
    assert any(p.kind == "admin2" for p in first(gz, "البعاج") + first(gz, "القصير"))
