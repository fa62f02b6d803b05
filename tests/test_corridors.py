"""Corridors across articles (marsad.corridors, `marsad corridors`) on a series of short
reports written for this test: roads between Mosul, Tal Afar, Sinjar, Al-Ba'aj, Hasakah and
Raqqa over six weeks of early 2017, told by different outlets, that open, close, reopen,
are fought over on one day by two outlets, narrow, and a "most roads to Hasakah closed"
that blocks entry into Hasakah. Each report's extraction is checked first, so that a
failure points at the routes stage rather than at the corridor layer."""
from __future__ import annotations

import datetime
import json
from collections import deque
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.corridors import build_corridors, find_path, status_as_of
from marsad.corridors.build import RouteReport, corridor_id, snap
from marsad.corridors.graph import corridor_graph, locate, nodes_of
from marsad.corridors.timeline import day_status

MOSUL, TALAFAR, SINJAR = "geonames:99072", "geonames:90393", "geonames:448149"
BAAJ, HASAKAH, RAQQA = "geonames:99524", "geonames:173811", "geonames:172955"
W_TALAFAR = "relative:W:geonames:90393"

# (key, published, outlet, text, expected route: waypoints, directed, status, scope, day in the text)
REPORTS = [
    ("mt_open", "2017-01-02", "Rudaw",
     "قالت مصادر محلية إن الطريق بين الموصل وتلعفر مفتوح أمام حركة المدنيين، وإن عشرات العائلات عبرته دون عوائق.",
     [MOSUL, TALAFAR], False, "open", "one", None),
    ("ts_open", "2017-01-04", "Shafaq News",
     "أفاد مسؤول محلي في قضاء سنجار بأن الطريق الرابط بين تلعفر وسنجار ما زال سالكا أمام الشاحنات التجارية.",
     [TALAFAR, SINJAR], False, "open", "one", None),
    ("ts_closed", "2017-01-06", "Alsumaria",
     "أغلقت القوات العراقية الطريق بين تل عفر وسنجار بعد هجوم لمسلحي تنظيم داعش على نقطة تفتيش، بحسب ضابط في الجيش.",
     [TALAFAR, SINJAR], False, "closed", "one", None),
    ("sb_open", "2017-01-09", "Al-Mada",
     "ذكر مصدر أمني أن الطريق بين سنجار والبعاج مفتوح منذ أيام وأن القوافل الإغاثية تسلكه يوميا.",
     [SINJAR, BAAJ], False, "open", "one", None),
    ("ts_reopen", "2017-01-12", "Rudaw",
     "أعيد فتح الطريق بين غربي تلعفر وسنجار أمام المدنيين والشاحنات، وفق مصادر محلية.",
     [W_TALAFAR, SINJAR], False, "open", "one", None),
    ("ts_closed2", "2017-01-16", "Alsumaria",
     "قال شهود عيان إن الطريق بين تلعفر وسنجار مغلق منذ فجر اليوم بسبب انتشار العبوات الناسفة.",
     [TALAFAR, SINJAR], False, "closed", "one", "2017-01-16"),
    ("ts_open2", "2017-01-16", "Shafaq News",
     "قال مسؤول في الإدارة المحلية إن الطريق بين تلعفر وسنجار مفتوح وإن حركة السير طبيعية.",
     [TALAFAR, SINJAR], False, "open", "one", None),
    ("br_flight", "2017-01-18", "Alhurra",
     "قال مصدر عسكري إن مسلحي داعش فروا من بلدة البعاج نحو الرقة عبر الصحراء.",
     [BAAJ, RAQQA], True, "open", "one", None),
    ("ts_fight", "2017-01-20", "Al-Mada",
     "تدور اشتباكات عنيفة على الطريق بين تلعفر وسنجار بين فصائل مسلحة، بحسب مصادر أمنية.",
     [TALAFAR, SINJAR], False, "contested", "one", None),
    ("sb_length", "2017-01-22", "Al-Mada",
     "يبلغ طول الطريق بين سنجار والبعاج نحو 40 كيلومترا بحسب مهندسين في البلدية.",
     [SINJAR, BAAJ], False, "unknown", "one", None),
    ("ts_narrow", "2017-01-24", "Baghdad Today",
     "قالت مصادر ميدانية إن الممر بين تلعفر وسنجار تقلص إلى شريط ضيق لكنه ما زال يستخدم من قبل المدنيين.",
     [TALAFAR, SINJAR], False, "narrowing", "one", None),
    ("sh_open", "2017-01-26", "Rudaw",
     "قالت منظمة إغاثية إن الطريق بين سنجار والحسكة مفتوح أمام قوافل المساعدات.",
     [SINJAR, HASAKAH], False, "open", "one", None),
    ("h_closed", "2017-01-30", "Enab Baladi",
     "أفادت مصادر محلية بأن معظم الطرق المؤدية إلى الحسكة مغلقة منذ يومين بسبب تدهور الأوضاع الأمنية.",
     [HASAKAH], True, "closed", "most", "2017-01-28"),
    ("h_reopen", "2017-02-06", "Enab Baladi",
     "قالت مصادر محلية إن الطرق المؤدية إلى الحسكة أعيد فتحها أمام المدنيين.",
     [HASAKAH], True, "open", "all", None),
    ("mt_cut", "2017-02-10", "Shafaq News",
     "قطع مسلحو تنظيم داعش الطريق بين الموصل وتلعفر بعد هجوم على قرية قريبة، بحسب مصادر أمنية.",
     [MOSUL, TALAFAR], False, "closed", "one", None),
    ("mt_reopen", "2017-02-14", "Al-Mada",
     "أكد مصدر أمني أن القوات الأمنية أعادت يوم الأحد فتح الطريق بين الموصل وتلعفر بعد تطهيره من العبوات.",
     [MOSUL, TALAFAR], False, "open", "one", "2017-02-12"),
    ("sb_undated", None, "Sawt al-Jabal",
     "قالت مصادر إن الطريق بين سنجار والبعاج مغلق بالكامل أمام المدنيين.",
     [SINJAR, BAAJ], False, "closed", "one", None),
]

# Short names of the corridors the reports make: (kind, canonical waypoints, directed)
CORRIDORS = {
    "MT": ("path", (MOSUL, TALAFAR), False), "TS": ("path", (TALAFAR, SINJAR), False),
    "SB": ("path", (SINJAR, BAAJ), False), "BR": ("path", (BAAJ, RAQQA), True),
    "SH": ("path", (SINJAR, HASAKAH), False), "toH": ("to", (HASAKAH,), True),
}

# status of each corridor as of a day (corridors not listed are not yet known that day)
STATUS = {
    "2017-01-01": {},
    "2017-01-03": {"MT": "open"},
    "2017-01-05": {"MT": "open", "TS": "open"},
    "2017-01-07": {"MT": "open", "TS": "closed"},
    "2017-01-10": {"MT": "open", "TS": "closed", "SB": "open"},
    "2017-01-13": {"MT": "open", "TS": "open", "SB": "open"},
    "2017-01-16": {"MT": "open", "TS": "contested", "SB": "open"},
    "2017-01-19": {"MT": "open", "TS": "contested", "SB": "open", "BR": "open"},
    "2017-01-21": {"MT": "open", "TS": "contested", "SB": "open", "BR": "open"},
    "2017-01-23": {"MT": "open", "TS": "contested", "SB": "open", "BR": "open"},
    "2017-01-25": {"MT": "open", "TS": "narrowing", "SB": "open", "BR": "open"},
    "2017-01-27": {"MT": "open", "TS": "narrowing", "SB": "open", "BR": "open", "SH": "open"},
    "2017-01-28": {"MT": "open", "TS": "narrowing", "SB": "open", "BR": "open", "SH": "open", "toH": "closed"},
    "2017-02-01": {"MT": "open", "TS": "narrowing", "SB": "open", "BR": "open", "SH": "open", "toH": "closed"},
    "2017-02-07": {"MT": "open", "TS": "narrowing", "SB": "open", "BR": "open", "SH": "open", "toH": "open"},
    "2017-02-11": {"MT": "closed", "TS": "narrowing", "SB": "open", "BR": "open", "SH": "open", "toH": "open"},
    "2017-02-12": {"MT": "open", "TS": "narrowing", "SB": "open", "BR": "open", "SH": "open", "toH": "open"},
    "2017-03-01": {"MT": "open", "TS": "narrowing", "SB": "open", "BR": "open", "SH": "open", "toH": "open"},
}
SINCE = {("2017-01-13", "TS"): "2017-01-12", ("2017-01-19", "TS"): "2017-01-16", ("2017-01-21", "TS"): "2017-01-16",
         ("2017-01-10", "TS"): "2017-01-06", ("2017-02-12", "MT"): "2017-02-12", ("2017-02-11", "MT"): "2017-02-10",
         ("2017-02-01", "toH"): "2017-01-28", ("2017-01-23", "SB"): "2017-01-09"}


@pytest.fixture(scope="module")
def nlp():
    from marsad.api import default_pipeline
    return default_pipeline()


def _jsonl(path, reports=REPORTS):
    with open(path, "w", encoding="utf-8") as f:
        for key, published, outlet, text, *_ in reports:
            record = {"text": text, "outlet": outlet, "url": f"https://news.example/{key}", "title": key}
            if published:
                record["published"] = published
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corridors")
    path = folder / "corridors.db"
    code = main(["ingest", str(_jsonl(folder / "reports.jsonl")), "--db", str(path), "--quiet"])
    assert code == 0
    return str(path)


@pytest.fixture(scope="module")
def corridors(db):
    from marsad.store import Store
    with Store(db, create=False) as store:
        return build_corridors(store)


def by_name(corridors) -> dict:
    out = {}
    for c in corridors:
        key = (c.kind, tuple(c.waypoints) if c.directed else tuple(sorted(c.waypoints)), c.directed)
        for name, (kind, seq, directed) in CORRIDORS.items():
            if key == (kind, seq if directed else tuple(sorted(seq)), directed):
                out[name] = c
    return out


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- layer 1: each report's route as the routes stage reads it -----------------------------------

@pytest.mark.parametrize("report", REPORTS, ids=[r[0] for r in REPORTS])
def test_each_report_reads_as_intended(nlp, report):
    from marsad.api import extract_text
    key, published, outlet, text, waypoints, directed, status, scope, text_day = report
    doc = extract_text(text, {"published": published, "outlet": outlet}, nlp).to_json()
    assert len(doc["routes"]) == 1, doc["routes"]
    [route] = doc["routes"]
    assert route["waypoints"] == waypoints
    assert route["directed"] is directed
    assert route["status"] == status
    assert route["scope"] == scope
    got_day = (route["date"] or {}).get("value") if (route["date"] or {}).get("precision") == "day" else None
    assert got_day == text_day


# ---- layer 2: the store and the corridors -----------------------------------------------------------

def test_every_report_is_stored(db):
    from marsad.store import Store
    with Store(db, create=False) as store:
        counts = store.counts()
    assert counts["articles"] == len(REPORTS) and counts["copies"] == len(REPORTS)   # no duplicates
    assert counts["routes"] == len(REPORTS)


def test_reports_merge_into_six_corridors(corridors):
    named = by_name(corridors)
    assert set(named) == set(CORRIDORS) and len(corridors) == len(CORRIDORS)
    assert [r.url.rsplit("/", 1)[1] for r in named["TS"].reports] == [
        "ts_open", "ts_closed", "ts_reopen", "ts_open2", "ts_closed2", "ts_fight", "ts_narrow"]
    # "غربي تلعفر" snapped to Tal Afar; "تل عفر" and "تلعفر" are one place
    reopen = next(r for r in named["TS"].reports if r.url.endswith("ts_reopen"))
    assert reopen.waypoints == [W_TALAFAR, SINJAR] and reopen.canonical == [TALAFAR, SINJAR]
    # ids hash the canonical places and the direction
    for name, (kind, seq, directed) in CORRIDORS.items():
        key = seq if directed else min(seq, seq[::-1])
        assert named[name].id == corridor_id(kind, key, directed)


def test_report_days_come_from_the_text_else_the_publication(corridors):
    named = by_name(corridors)
    h = {r.url.rsplit("/", 1)[1]: r for r in named["toH"].reports}
    assert h["h_closed"].day == "2017-01-28" and h["h_closed"].date_from == "text"
    assert h["h_reopen"].day == "2017-02-06" and h["h_reopen"].date_from == "published"
    mt = {r.url.rsplit("/", 1)[1]: r for r in named["MT"].reports}
    assert mt["mt_reopen"].day == "2017-02-12" and mt["mt_reopen"].published == "2017-02-14"
    sb = named["SB"]
    assert [r.url.rsplit("/", 1)[1] for r in sb.undated] == ["sb_undated"]
    assert sb.undated[0].date is None and sb.undated[0].date_from is None


@pytest.mark.parametrize("as_of", sorted(STATUS))
def test_status_on_every_day(corridors, as_of):
    named = by_name(corridors)
    expected = STATUS[as_of]
    for name, c in named.items():
        s = status_as_of(c, day(as_of))
        known = bool(c.dated) and c.dated[0].date <= day(as_of)
        if name in expected:
            assert known and s.status == expected[name], (name, s.status)
            if (as_of, name) in SINCE:
                assert s.since.isoformat() == SINCE[(as_of, name)]
        else:
            assert not known and s.status == "unknown", name


def test_undated_and_unknown_reports_change_nothing(corridors):
    sb = by_name(corridors)["SB"]
    s = status_as_of(sb, day("2017-02-01"))
    assert s.status == "open" and s.since == day("2017-01-09")       # not the undated closure
    assert [r.url.rsplit("/", 1)[1] for r in s.reports] == ["sb_open", "sb_length", "sb_undated"]
    assert sb.length_km(day("2017-02-01")) == (40, 40) and sb.length_km(day("2017-01-10")) is None


def test_same_day_disagreement_is_contested_and_both_reports_contradict(corridors):
    ts = by_name(corridors)["TS"]
    s = status_as_of(ts, day("2017-01-16"))
    assert s.status == "contested" and s.day == day("2017-01-16")
    assert {r.url.rsplit("/", 1)[1] for r in s.deciding} == {"ts_open2", "ts_closed2"}
    contra = {r.url.rsplit("/", 1)[1] for r in s.contradicting}
    assert {"ts_open2", "ts_closed2"} <= contra
    assert contra == {"ts_open2", "ts_closed2", "ts_reopen"}     # the reopening four days earlier too


def test_contradicting_reports_lie_within_the_window(corridors):
    ts = by_name(corridors)["TS"]
    s = status_as_of(ts, day("2017-01-25"))
    assert s.status == "narrowing"
    assert [r.url.rsplit("/", 1)[1] for r in s.contradicting] == ["ts_fight"]       # 5 days back
    assert status_as_of(ts, day("2017-01-25"), window=3).contradicting == []
    assert len(status_as_of(ts, day("2017-01-25"), window=10).contradicting) == 3   # + both of 01-16
    assert status_as_of(ts, day("2017-02-20")).contradicting == []


def test_day_status_rules():
    def rep(status):
        return RouteReport("a", "rt0", day("2017-01-01"), "published", status, "one", False, ["x", "y"], "between",
                           None, (), None, None, None, None, None, "", None, [], None, None)
    assert day_status([rep("open"), rep("open")]) == "open"
    assert day_status([rep("open"), rep("narrowing")]) == "narrowing"
    assert day_status([rep("open"), rep("closed")]) == "contested"
    assert day_status([rep("narrowing"), rep("contested")]) == "contested"


def test_snapping_rules():
    """Same id, or a point place within 15 km of a more important one; never by distance
    for provinces; a relative place stands for its anchor."""
    def rep(aid, *ways):
        return RouteReport(aid, "rt0", None, None, "open", "one", False, list(ways), "between", None, (), None,
                           None, None, None, None, "", None, [], None, None)
    places = {
        ("a", "g:city"): {"id": "g:city", "kind": "city", "lat": 36.0, "lon": 42.0},
        ("a", "g:far"): {"id": "g:far", "kind": "town", "lat": 36.0, "lon": 43.0},
        ("b", "g:village"): {"id": "g:village", "kind": "village", "lat": 36.05, "lon": 42.05},   # ~7 km
        ("b", "g:town20"): {"id": "g:town20", "kind": "town", "lat": 36.0, "lon": 42.23},        # ~21 km
        ("c", "rel:N"): {"id": "rel:N", "kind": "relative", "lat": 36.2, "lon": 43.0,
                         "anchor_json": json.dumps({"place": "g:far", "direction": "N"})},
        ("c", "g:adm"): {"id": "g:adm", "kind": "admin1", "lat": 36.01, "lon": 42.01},
    }
    reports = [rep("b", "g:village", "g:town20"), rep("a", "g:city", "g:far"), rep("c", "rel:N", "g:adm")]
    mapping, canon = snap(reports, places)
    assert mapping[("b", "g:village")] == "g:city"          # the city wins over the village beside it
    assert mapping[("b", "g:town20")] == "g:town20"         # 21 km: another place
    assert mapping[("c", "rel:N")] == "g:far"               # anchor (not in this article: its own row)
    assert mapping[("c", "g:adm")] == "g:adm"               # a province snaps only by id
    assert set(canon) == {"g:city", "g:far", "g:town20", "g:adm"}
    # the choice does not depend on the order of the reports
    assert snap(reports[::-1], places)[0] == mapping


def test_ids_and_statuses_do_not_depend_on_ingest_order(tmp_path, corridors):
    from marsad.store import Store
    path = tmp_path / "reversed.db"
    assert main(["ingest", str(_jsonl(tmp_path / "r.jsonl", REPORTS[::-1])), "--db", str(path), "--quiet"]) == 0
    with Store(path, create=False) as store:
        again = build_corridors(store)
    assert [c.id for c in again] == [c.id for c in corridors]
    for a, b in zip(again, corridors):
        assert [r.ref for r in a.reports] == [r.ref for r in b.reports]
        assert status_as_of(a, day("2017-01-16")).status == status_as_of(b, day("2017-01-16")).status


# ---- layer 3: the graph and open paths ----------------------------------------------------------

PLACES = {"الموصل": MOSUL, "تلعفر": TALAFAR, "سنجار": SINJAR, "البعاج": BAAJ, "الحسكة": HASAKAH, "الرقة": RAQQA}

# (from, to, as of, allow contested, expected nodes of the path or None)
PATHS = [
    ("الموصل", "سنجار", "2017-01-03", False, None),                        # Tal Afar–Sinjar not reported yet
    ("الموصل", "سنجار", "2017-01-05", False, [MOSUL, TALAFAR, SINJAR]),      # two hops through Tal Afar
    ("الموصل", "سنجار", "2017-01-07", False, None),                        # closed on 01-06
    ("الموصل", "البعاج", "2017-01-10", False, None),
    ("الموصل", "سنجار", "2017-01-13", False, [MOSUL, TALAFAR, SINJAR]),      # reopened on 01-12
    ("الموصل", "البعاج", "2017-01-13", False, [MOSUL, TALAFAR, SINJAR, BAAJ]),
    ("الموصل", "سنجار", "2017-01-16", False, None),                        # contested blocks by default
    ("الموصل", "سنجار", "2017-01-16", True, [MOSUL, TALAFAR, SINJAR]),       # … unless allowed
    ("البعاج", "الرقة", "2017-01-19", False, [BAAJ, RAQQA]),
    ("الرقة", "البعاج", "2017-01-19", False, None),                         # directed: one way only
    ("الموصل", "الرقة", "2017-01-25", False, [MOSUL, TALAFAR, SINJAR, BAAJ, RAQQA]),   # narrowing passes
    ("تلعفر", "الحسكة", "2017-01-27", False, [TALAFAR, SINJAR, HASAKAH]),
    ("تلعفر", "الحسكة", "2017-01-29", False, None),                        # most roads to Hasakah closed
    ("الحسكة", "سنجار", "2017-01-29", False, [HASAKAH, SINJAR]),            # leaving Hasakah is not blocked
    ("الموصل", "الحسكة", "2017-02-07", False, [MOSUL, TALAFAR, SINJAR, HASAKAH]),      # reopened
    ("الموصل", "الحسكة", "2017-02-11", False, None),                       # Mosul–Tal Afar cut
    ("تلعفر", "الحسكة", "2017-02-11", False, [TALAFAR, SINJAR, HASAKAH]),
    ("الموصل", "الحسكة", "2017-02-12", False, [MOSUL, TALAFAR, SINJAR, HASAKAH]),      # reopened (text day)
]


@pytest.mark.parametrize("origin,dest,as_of,contested,nodes", PATHS)
def test_open_paths(corridors, origin, dest, as_of, contested, nodes):
    answer = find_path(corridors, PLACES[origin], PLACES[dest], day(as_of), contested)
    assert answer.found is (nodes is not None), answer.reason
    if nodes is not None:
        assert [answer.steps[0].start] + [s.end for s in answer.steps] == nodes
        assert all(s.status.passable(contested) for s in answer.steps)


def _oracle(as_of: str, allow_contested: bool) -> dict:
    """Reachability by breadth-first search over the hand-written STATUS table."""
    status = STATUS[as_of]
    ok = {"open", "narrowing"} | ({"contested"} if allow_contested else set())
    adj: dict[str, set] = {}
    for name, (kind, seq, directed) in CORRIDORS.items():
        if kind == "path" and status.get(name) in ok:
            adj.setdefault(seq[0], set()).add(seq[1])
            if not directed:
                adj.setdefault(seq[1], set()).add(seq[0])
    if status.get("toH") == "closed":
        adj = {a: bs - {HASAKAH} for a, bs in adj.items()}
    reach = {}
    for start in PLACES.values():
        seen, todo = {start}, deque([start])
        while todo:
            for b in adj.get(todo.popleft(), ()):
                if b not in seen:
                    seen.add(b)
                    todo.append(b)
        reach[start] = seen
    return reach


@pytest.mark.parametrize("as_of", sorted(STATUS))
@pytest.mark.parametrize("contested", [False, True])
def test_a_path_is_found_exactly_when_one_exists(corridors, as_of, contested):
    reach = _oracle(as_of, contested)
    for a in PLACES.values():
        for b in PLACES.values():
            if a == b:
                continue
            answer = find_path(corridors, a, b, day(as_of), contested)
            assert answer.found is (b in reach[a]), (as_of, a, b, answer.reason)


def test_a_blocked_path_says_why(corridors):
    closed = find_path(corridors, MOSUL, SINJAR, day("2017-01-07"))
    assert [s.corridor.id for s in closed.obstacles] == [by_name(corridors)["TS"].id]
    assert "is closed" in closed.reason
    entry = find_path(corridors, TALAFAR, HASAKAH, day("2017-01-29"))
    assert not entry.obstacles and [b.place for b in entry.blocks] == [HASAKAH]
    assert "entry into" in entry.reason
    back = find_path(corridors, RAQQA, BAAJ, day("2017-01-19"))
    assert "other direction" in back.reason


def test_graph_edges_follow_direction_and_blocks(corridors):
    g = corridor_graph(corridors, day("2017-01-29"))
    assert g.has_edge(BAAJ, RAQQA) and not g.has_edge(RAQQA, BAAJ)
    assert g.has_edge(HASAKAH, SINJAR) and not g.has_edge(SINJAR, HASAKAH)      # entry blocked
    assert g.edges[TALAFAR, SINJAR]["status"].status == "narrowing"


def test_names_resolve_through_the_gazetteer_and_snap_to_nodes(corridors):
    nodes = nodes_of(corridors)
    assert locate("تل عفر", nodes)[1] == TALAFAR
    assert locate("Mosul", nodes)[1] == MOSUL
    assert locate("الرقة", nodes)[1] == RAQQA       # the Syrian Raqqa, not a namesake elsewhere
    place, node = locate("بغداد", nodes)
    assert place is not None and node is None


# ---- the command ---------------------------------------------------------------------------------

def test_text_lists_one_corridor_a_line(capsys, db):
    code, out, err = run(capsys, "corridors", "--db", db, "--as-of", "2017-01-21")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "4 corridors, status as of 2017-01-21:"
    ts = next(line for line in lines if line.startswith("تل عفر ↔ سنجار"))
    assert ts == ("تل عفر ↔ سنجار  contested since 2017-01-16 (6 reports; last: Al-Mada citing security sources "
                  "(2017-01-20)) — 2 contradicting reports")
    contra = [line for line in lines if line.startswith("    ✗")]
    assert len(contra) == 2 and any("Alsumaria" in line and "مغلق" in line for line in contra)
    assert any(line.startswith("سنجار ↔ البعاج  open since 2017-01-09 (1 report, 1 undated") for line in lines)
    assert any(line.startswith("البعاج → الرقة  open since 2017-01-18") for line in lines)


def test_text_timeline_and_latin_names(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db, "--as-of", "2017-02-01", "--timeline", "--latin")
    assert code == 0
    assert "→ Al Ḩasakah (most roads)  closed since 2017-01-28" in out
    assert "· undated closed" in out and out.count("\n    ") >= 14


def test_default_as_of_is_the_newest_report(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db)
    assert code == 0 and out.splitlines()[0] == "6 corridors, status as of 2017-02-12:"


def test_json_lines(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db, "--as-of", "2017-01-16", "--format", "json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    ts = next(r for r in rows if r["label_latin"] == "Tall ‘Afar ↔ Sinjār")
    assert ts["status"] == "contested" and ts["since"] == "2017-01-16"
    assert ts["first_report"] == "2017-01-04" and ts["last_report"] == "2017-01-16" and ts["reports_count"] == 5
    assert {c["outlet"] for c in ts["contradicting"]} == {"Alsumaria", "Shafaq News", "Rudaw"}
    assert [t["status"] for t in ts["timeline"]] == ["open", "closed", "open", "contested"]
    assert ts["waypoints"][0]["id"] == TALAFAR and ts["distance_km"] == pytest.approx(51, abs=2)


def test_near(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db, "--near", "سنجار", "--km", "30", "--format", "json")
    assert code == 0
    labels = sorted(json.loads(line)["label_latin"] for line in out.splitlines())
    assert labels == ["Sinjār ↔ Al Ba‘āj", "Sinjār ↔ Al Ḩasakah", "Tall ‘Afar ↔ Sinjār"]
    code, out, _ = run(capsys, "corridors", "--db", db, "--near", "الموصل", "--km", "10")
    assert code == 0 and out.splitlines()[0].startswith("1 corridor within")
    code, out, _ = run(capsys, "corridors", "--db", db, "--near", "بغداد")
    assert code == 0 and out.startswith("no corridors")


SCHEMA = {
    "type": "object", "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "geometry": {"type": "object", "required": ["type", "coordinates"], "properties": {
                    "type": {"const": "LineString"},
                    "coordinates": {"type": "array", "minItems": 2, "items": {
                        "type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "number"}}}}},
                "properties": {"type": "object", "additionalProperties": {
                    "type": ["string", "number", "boolean", "null"]}},
            }}},
    },
}


def test_geojson_opens_as_lines(capsys, db, tmp_path):
    shape = pytest.importorskip("shapely.geometry").shape
    path = tmp_path / "corridors.geojson"
    code, out, _ = run(capsys, "corridors", "--db", db, "--as-of", "2017-01-29", "--format", "geojson", "-o",
                       str(path))
    assert code == 0 and out == ""
    data = json.loads(path.read_text("utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, SCHEMA)
    feats = {f["properties"]["name_latin"]: f for f in data["features"]}
    assert len(feats) == 5              # the "to Hasakah" corridor has no line
    ts = feats["Tall ‘Afar ↔ Sinjār"]
    line = shape(ts["geometry"])
    assert line.is_valid and line.geom_type == "LineString"
    assert [tuple(round(x, 3) for x in pt) for pt in line.coords] == [(42.448, 36.379), (41.877, 36.321)]  # lon, lat
    p = ts["properties"]
    assert p["status"] == "narrowing" and p["first_report"] == "2017-01-04" and p["last_report"] == "2017-01-24"
    assert p["reports"] == 7 and "Alsumaria" in p["outlets"] and "eyewitnesses" in p["sources"]
    sb = feats["Sinjār ↔ Al Ba‘āj"]["properties"]
    assert sb["length_min_km"] == 40 and sb["undated_reports"] == 1
    assert feats["Al Ba‘āj → Ar Raqqah"]["properties"]["directed"] is True
    for f in data["features"]:
        for lon, lat in f["geometry"]["coordinates"]:
            assert 38 < lon < 44 and 35 < lat < 37
    gpd = pytest.importorskip("geopandas")
    frame = gpd.read_file(path)
    assert len(frame) == 5 and set(frame.geom_type) == {"LineString"}


def test_geojson_points_option(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db, "--format", "geojson", "--points")
    assert code == 0
    kinds = {f["properties"]["kind"]: f["geometry"]["type"] for f in json.loads(out)["features"]}
    assert kinds == {"path": "LineString", "to": "Point"}


def test_path_text_yes_and_no(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db, "--from", "الموصل", "--to", "البعاج", "--as-of", "2017-01-13")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "From الموصل to البعاج as of 2017-01-13: YES — open path in 3 steps"
    assert lines[1].startswith("    1. الموصل → تل عفر  open since 2017-01-02; last report 2017-01-02, Rudaw citing "
                               "local sources: «")
    assert lines[2].startswith("    2. تل عفر → سنجار  open since 2017-01-12")
    code, out, _ = run(capsys, "corridors", "--db", db, "--from", "تلعفر", "--to", "الحسكة", "--as-of", "2017-01-29")
    assert code == 1
    assert "NO — no open path: entry into الحسكة is closed" in out
    assert "✗ entry into الحسكة blocked: → الحسكة (most roads) closed since 2017-01-28 — Enab Baladi" in out


def test_path_contested_is_flagged(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db, "--from", "الموصل", "--to", "سنجار", "--as-of", "2017-01-16",
                       "--allow-contested", "--format", "json")
    assert code == 0
    answer = json.loads(out)
    assert answer["path"] is True and answer["allow_contested"] is True
    assert [s["status"] for s in answer["steps"]] == ["open", "contested"]
    assert answer["contested_steps"] == [answer["steps"][1]["corridor"]]
    step = answer["steps"][1]
    assert step["from"] == TALAFAR and step["to"] == SINJAR and step["last_report"] == "2017-01-16"
    assert step["outlet"] in ("Alsumaria", "Shafaq News") and step["source"]


def test_path_geojson(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db, "--from", "الموصل", "--to", "الحسكة", "--as-of", "2017-02-07",
                       "--format", "geojson")
    assert code == 0
    feats = json.loads(out)["features"]
    assert [f["properties"]["path_to"] for f in feats] == [TALAFAR, SINJAR, HASAKAH]


def test_place_off_every_corridor(capsys, db):
    code, out, _ = run(capsys, "corridors", "--db", db, "--from", "بغداد", "--to", "سنجار")
    assert code == 1
    assert "not on any corridor: the start" in out and "is not within reach of any reported corridor" in out


@pytest.mark.parametrize("argv,code", [
    (["--as-of", "2017-1-5"], "E091"), (["--as-of", "yesterday"], "E091"),
    (["--from", "كوكب زحل البعيد جدا", "--to", "سنجار"], "E090"), (["--near", "كوكب زحل البعيد جدا"], "E090"),
    (["--from", "الموصل"], "E093"), (["--to", "الموصل"], "E093"),
    (["--near", "سنجار", "--km", "0"], "E094"), (["--window", "-1"], "E095"),
    (["--near", "سنجار", "--from", "الموصل", "--to", "سنجار"], "E096"),
])
def test_errors_say_what_to_do(capsys, db, argv, code):
    status, out, err = run(capsys, "corridors", "--db", db, *argv)
    assert status == 2 and f"[{code}]" in err and out == ""


def test_missing_database(capsys, tmp_path):
    status, _, err = run(capsys, "corridors", "--db", str(tmp_path / "none.db"))
    assert status == 2 and "[E092]" in err and "marsad ingest" in err
    assert not (tmp_path / "none.db").exists()


def test_a_continuation_starts_where_its_route_ends():
    from marsad.corridors.build import link_continuations

    def rep(rid, ways, directed=False, continues=None, status="open"):
        return RouteReport("a", rid, day("2017-01-05"), "published", status, "one", directed, ways, "between", "X",
                           ("X",), None, "2017-01-05", None, None, None, "…", (20, None), [], 0.8, "corridor",
                           continues=continues)
    places = {("a", TALAFAR): {"lat": 36.379, "lon": 42.448}, ("a", SINJAR): {"lat": 36.321, "lon": 41.877},
              ("a", BAAJ): {"lat": 36.043, "lon": 41.716}, ("a", RAQQA): {"lat": 35.953, "lon": 39.008}}
    parent = rep("rt1", [TALAFAR, SINJAR])
    child = rep("rt2", [BAAJ, RAQQA], directed=True, continues="rt1")
    [link] = link_continuations([parent, child], places)
    assert link.waypoints == [SINJAR, BAAJ] and link.directed and link.route_id == "rt2/link"
    assert link.status == "open" and link.derived == "links rt1 to rt2" and link.length is None
    assert link_continuations([parent, rep("rt3", [SINJAR, RAQQA], True, "rt1")], places) == []  # starts there
    assert link_continuations([parent, rep("rt4", [BAAJ, RAQQA], True)], places) == []            # continues nothing


SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / \
    "000_4610ac59d5102b9c.txt"


@pytest.mark.skipif(not SEED.exists(), reason=f"the shared seed article is not at {SEED}")
def test_seed_article_corridor_runs_from_tal_afar_to_raqqa(tmp_path, capsys):
    record = {"text": SEED.read_text("utf-8"), "published": "2017-01-05", "outlet": "Seed"}
    (tmp_path / "seed.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    db = str(tmp_path / "seed.db")
    assert main(["ingest", str(tmp_path / "seed.jsonl"), "--db", db, "--quiet"]) == 0
    code, out, _ = run(capsys, "corridors", "--db", db, "--from", "تلعفر", "--to", "الرقة", "--format", "json")
    answer = json.loads(out)
    assert code == 0 and [s["to"] for s in answer["steps"]] == [SINJAR, BAAJ, RAQQA]
    code, out, _ = run(capsys, "corridors", "--db", db, "--from", "تلعفر", "--to", "الحسكة")
    assert code == 1 and "✗ entry into الحسكة blocked: → الحسكة (most roads) closed" in out


def test_undated_only_corridor_says_what_the_undated_reports_say(tmp_path, capsys):
    record = {"text": REPORTS[-1][3], "outlet": "Sawt al-Jabal"}
    (tmp_path / "u.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    db = str(tmp_path / "u.db")
    assert main(["ingest", str(tmp_path / "u.jsonl"), "--db", db, "--quiet"]) == 0
    code, out, _ = run(capsys, "corridors", "--db", db)
    assert code == 0
    assert out.splitlines() == ["1 corridor, status as of the newest report:",
                                "سنجار ↔ البعاج  status unknown (undated reports say: closed) (1 undated report)"]
    code, out, _ = run(capsys, "corridors", "--db", db, "--from", "سنجار", "--to", "البعاج")
    assert code == 1
