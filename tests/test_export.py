"""`marsad export` and `marsad events` on the articles of tests/news_merge.py: the CSV loads
in pandas with ACLED's columns, the GeoJSON passes a schema and loads in geopandas, the
JSONL is the stored contract documents; filters; errors; atomic output."""
from __future__ import annotations

import io
import json
import os

import pytest

from marsad.cli import main
from marsad.export.acled_csv import ACLED_COLUMNS, COLUMNS, interaction, iso3

import news_merge

pd = pytest.importorskip("pandas")
QAIM = "geonames:92138"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "news.db"
    news_merge.build(path).close()
    return str(path)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def csv_frame(capsys, db, *filters):
    code, out, err = run(capsys, "export", "--db", db, "--format", "csv", *filters)
    assert code == 0, err
    return pd.read_csv(io.StringIO(out), keep_default_na=False, na_values=[""])


# ---- CSV -------------------------------------------------------------------------------------

def test_csv_has_every_acled_column_in_order_then_marsads(capsys, db):
    frame = csv_frame(capsys, db)
    assert tuple(frame.columns) == COLUMNS
    assert tuple(frame.columns[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert len(ACLED_COLUMNS) == 25
    assert frame["latitude"].dtype == float and frame["longitude"].dtype == float
    assert frame["year"].dtype == "int64" and frame["fatalities"].dtype == "int64"
    assert frame["time_precision"].dtype == "int64"
    # an event the text does not place has no coordinates and no geo_precision; every placed one has both
    located = frame.dropna(subset=["latitude"])
    assert len(located) and located["geo_precision"].notna().all()
    assert set(located["geo_precision"].astype(int)) <= {1, 2, 3}
    assert frame.loc[frame["latitude"].isna(), "geo_precision"].isna().all()
    assert frame["event_id_cnty"].is_unique and frame["marsad_id"].is_unique


def test_csv_row_of_the_merged_strike(capsys, db):
    frame = csv_frame(capsys, db)
    rows = frame[(frame.place_id == QAIM) & (frame.plover_type == "ASSAULT") & (frame.status == "reported")
                 & (frame.event_date == "2017-03-07")]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row.event_id_cnty.startswith("IRQ") and row.country == "Iraq" and row.year == 2017
    assert row.time_precision == 1 and row.geo_precision == 1
    assert row.event_type == "Explosions/Remote violence"
    assert row.sub_event_type == "Shelling/artillery/missile attack"
    assert row.actor1 == "Global Coalition against ISIS (US-led)" and row.actor1_id == "actor:coalition"
    assert row.inter1 == 8 and row.interaction == 80             # external force, no second actor
    assert row.location == "Al Qā’im" and row.location_ar == "القائم"
    assert abs(row.latitude - 34.39251) < 1e-6 and abs(row.longitude - 40.98945) < 1e-6
    assert set(row.source.split("; ")) == {"Shafaq News", "Alsumaria", "Rudaw", "Al-Mada", "Baghdad Today"}
    assert row.fatalities == 10 and row.reports == 4 and row.outlets == 5
    assert row.notes.startswith("قالت مصادر محلية إن طيران التحالف الدولي قصف بلدة القائم")
    assert set(row.source_text.split("; ")) == {"مصادر محلية", "الجيش العراقي", "مصدر طبي"}
    assert row.summary.startswith("reported by 5 outlets, 3 citing local sources")
    assert pd.isna(row.source_scale)


def test_csv_unknown_fatalities_are_zero_and_statements_have_no_acled_type(capsys, db):
    frame = csv_frame(capsys, db)
    denied = frame[frame.status == "denied"].iloc[0]
    assert denied.fatalities == 0
    assert (frame.fatalities >= 0).all()
    statements = frame[frame.plover_type.isin(["REQUEST", "ACCUSE", "REJECT", "CONSULT", "AGREE"])]
    assert len(statements) and statements.event_type.isna().all() and statements.sub_event_type.isna().all()


def test_interaction_codes_and_iso3():
    assert interaction(1, 2) == 12 and interaction(2, 1) == 12 and interaction(8, None) == 80
    assert interaction(None, None) is None
    assert (iso3("IQ"), iso3("SY"), iso3("YE"), iso3(None)) == ("IRQ", "SYR", "YEM", "XXX")


def test_csv_to_file_equals_stdout_and_replaces_atomically(capsys, db, tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old")
    code, _, err = run(capsys, "export", "--db", db, "-o", str(target))
    assert code == 0, err
    _, out, _ = run(capsys, "export", "--db", db)
    assert target.read_bytes().decode("utf-8") == out
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]    # no temporary file left
    assert pd.read_csv(target).shape[0] == pd.read_csv(io.StringIO(out)).shape[0]


def test_failed_write_keeps_the_old_file(capsys, db, tmp_path, monkeypatch):
    from marsad.export import acled_csv

    target = tmp_path / "events.csv"
    target.write_text("old")

    def broken(store, events, out, filters=None):
        out.write("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(acled_csv, "write", broken)
    code, _, err = run(capsys, "export", "--db", db, "-o", str(target))
    assert code == 2 and "[E086]" in err and "No space left" in err
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["events.csv"]


# ---- GeoJSON ---------------------------------------------------------------------------------

POSITION = {"type": "array", "minItems": 2, "maxItems": 3, "items": {"type": "number"}}
SCHEMA = {
    "type": "object", "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "properties": {"type": "object"},
                "geometry": {"oneOf": [
                    {"type": "object", "required": ["type", "coordinates"], "additionalProperties": False,
                     "properties": {"type": {"const": "Point"}, "coordinates": POSITION}},
                    {"type": "object", "required": ["type", "coordinates"], "additionalProperties": False,
                     "properties": {"type": {"const": "LineString"},
                                    "coordinates": {"type": "array", "minItems": 2, "items": POSITION}}},
                ]},
            }}},
    },
}


def geojson(capsys, db, *filters) -> dict:
    code, out, err = run(capsys, "export", "--db", db, "--format", "geojson", *filters)
    assert code == 0, err
    return json.loads(out)


def test_geojson_passes_the_schema(capsys, db):
    jsonschema = pytest.importorskip("jsonschema")
    data = geojson(capsys, db)
    jsonschema.validate(data, SCHEMA)
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"][:2] if f["geometry"]["type"] == "Point" else \
            f["geometry"]["coordinates"][0]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_points_and_route_in_shapely_and_geopandas(capsys, db, tmp_path):
    shape = pytest.importorskip("shapely.geometry").shape
    data = geojson(capsys, db)
    events = [f for f in data["features"] if f["properties"]["feature"] == "event"]
    routes = [f for f in data["features"] if f["properties"]["feature"] == "route"]
    strike = [f for f in events if f["properties"]["place_id"] == QAIM and f["properties"]["reports"] == 4]
    assert len(strike) == 1
    point = shape(strike[0]["geometry"])
    assert (round(point.x, 5), round(point.y, 5)) == (40.98945, 34.39251)   # lon, lat
    assert strike[0]["properties"]["event_id_cnty"].startswith("IRQ")
    [route] = routes
    line = shape(route["geometry"])
    assert line.geom_type == "LineString" and len(line.coords) == 2
    assert route["properties"]["status"] == "closed" and route["properties"]["date"] == "2017-03-08"
    assert route["properties"]["evidence"].startswith("الطريق الرابط بين بلدة القائم")
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "events.geojson"
    assert run(capsys, "export", "--db", db, "--format", "geojson", "-o", str(path))[0] == 0
    frame = gpd.read_file(path)
    assert len(frame) == len(data["features"])
    assert set(frame.geom_type) == {"Point", "LineString"}
    row = frame[frame.marsad_id == strike[0]["properties"]["marsad_id"]].iloc[0]
    assert (round(row.geometry.x, 5), round(row.geometry.y, 5)) == (40.98945, 34.39251)


def test_geojson_type_filter_drops_routes(capsys, db):
    data = geojson(capsys, db, "--type", "PROTEST")
    assert data["features"] and all(f["properties"]["plover_type"] == "PROTEST" for f in data["features"])
    assert geojson(capsys, db, "--actor", "actor:isis")["features"] == []


# ---- JSONL -----------------------------------------------------------------------------------

def test_jsonl_is_the_stored_contract_documents(capsys, db):
    from marsad.api import extract_text

    code, out, err = run(capsys, "export", "--db", db, "--format", "jsonl")
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == 9                               # ten inputs, one an exact copy
    for doc in docs:
        assert {"id", "meta", "text", "mentions", "places", "actors", "persons", "sources", "events",
                "routes"} <= set(doc)
    ramadi = next(d for d in docs if d["meta"]["url"] == "https://shafaq.example/6")
    meta = {k: ramadi["meta"][k] for k in ("url", "outlet", "title", "published", "author", "language")}
    assert ramadi == extract_text(ramadi["text"], meta).to_json()


def test_jsonl_filters_keep_the_articles_behind_matching_events(capsys, db):
    code, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl", "--type", "PROTEST")
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["meta"]["url"] for d in docs] == ["https://almada.example/8"]


# ---- filters, events, errors -----------------------------------------------------------------

def test_csv_filters(capsys, db):
    everything = csv_frame(capsys, db)
    assert set(csv_frame(capsys, db, "--type", "assault").plover_type) == {"ASSAULT"}
    assert set(csv_frame(capsys, db, "--country", "iq").country) == {"Iraq"}
    since = csv_frame(capsys, db, "--since", "2017-03-10")
    assert list(since.event_date) == [d for d in everything.event_date if d >= "2017-03-10"] and len(since) >= 1
    until = csv_frame(capsys, db, "--until", "2017-03-07")
    assert len(until) + len(since) == len(everything)
    actor = csv_frame(capsys, db, "--actor", "actor:coalition")
    assert set(actor.actor1_id) | set(actor.actor2_id.dropna()) >= {"actor:coalition"}
    assert len(actor) == 3                             # Al-Qaim twice, Ramadi


def test_events_command_prints_one_line_per_event_with_summary(capsys, db):
    code, out, _ = run(capsys, "events", "--db", db, "--type", "ASSAULT", "--country", "IQ")
    lines = out.splitlines()
    assert any("reported by 5 outlets, 3 citing local sources, 1 citing Iraqi Army" in line for line in lines)
    assert all(" ASSAULT " in line for line in lines)
    code, out, _ = run(capsys, "events", "--db", db, "--arabic", "--actor", "actor:coalition", "--until", "2017-03-07")
    assert any("أوردته 5 وسائل إعلام" in line for line in out.splitlines())
    code, out, _ = run(capsys, "events", "--db", db, "--format", "json")
    first = json.loads(out.splitlines()[0])
    assert {"id", "summary", "summary_ar", "reports", "outlets"} <= set(first)


@pytest.mark.parametrize("argv, code", [
    (["--since", "2017-3-1"], "E080"), (["--until", "yesterday"], "E080"),
    (["--since", "2017-03-09", "--until", "2017-03-01"], "E081"), (["--country", "Iraq"], "E082"),
    (["--actor", "isis"], "E083"), (["--type", "BOMBING"], "E084"), (["--window-days", "-1"], "E085"),
])
def test_bad_filters_say_what_to_do(capsys, db, argv, code):
    status, out, err = run(capsys, "export", "--db", db, *argv)
    assert status == 2 and f"[{code}]" in err and out == ""


def test_missing_database(capsys, tmp_path):
    status, _, err = run(capsys, "export", "--db", str(tmp_path / "none.db"))
    assert status == 2 and "[E073]" in err and not os.path.exists(tmp_path / "none.db")
