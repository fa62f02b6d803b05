"""Merging the reports of one event across articles: on articles ingested through the real
pipeline (tests/news_merge.py), and the rules one by one on hand-made reports."""
from __future__ import annotations

import datetime
import hashlib

import pytest

from marsad.export.filters import Filters
from marsad.store.merge import Report, _clusters, merged_events, summarize

import news_merge

QAIM = "geonames:92138"
RAMADI = "geonames:98717"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = news_merge.build(tmp_path_factory.mktemp("merge") / "news.db")
    yield s
    s.close()


@pytest.fixture(scope="module")
def merged(store):
    return merged_events(store)


def _strikes(events, place=QAIM, status="reported"):
    return [m for m in events if m.type == "ASSAULT" and m.status == status and (m.place or {}).get("id") == place
            and m.actor == "actor:coalition"]


# ---- on ingested articles ----------------------------------------------------------------

def test_four_articles_five_outlets_one_strike(merged):
    [strike] = [m for m in _strikes(merged) if m.date == "2017-03-07"]
    origins = {r.outlet for r in strike.reports}
    assert len(strike.reports) == 4 and len(set(strike.article_ids)) == 4
    assert origins == {"Shafaq News", "Rudaw", "Al-Mada", "Baghdad Today"}
    assert set(strike.outlets) == origins | {"Alsumaria"}          # the copy counts as an outlet
    assert strike.date_precision == "day" and strike.date_from == "event"
    assert strike.fatalities == 10                                 # the largest report, not 5+7+10+6
    assert strike.acled_event_type == "Explosions/Remote violence"
    assert strike.country == "IQ"


def test_summary_counts_outlets_by_source(merged):
    [strike] = [m for m in _strikes(merged) if m.date == "2017-03-07"]
    assert strike.summary == ("reported by 5 outlets, 3 citing local sources, 1 citing Iraqi Army, "
                              "1 citing medical sources")
    assert strike.summary_ar.startswith("أوردته 5 وسائل إعلام، 3 منها نقلاً عن مصادر محلية")
    assert "الجيش العراقي" in strike.summary_ar and "مصادر طبية" in strike.summary_ar
    sources = {r.outlet: r.source for r in strike.reports}
    assert sources["Al-Mada"] == {"text": "الجيش العراقي", "anonymous": False, "actor": "actor:iraq-army",
                                  "person": None}
    assert sources["Baghdad Today"]["anonymous"] is True and sources["Baghdad Today"]["text"] == "مصدر طبي"


def test_denied_report_stays_apart(merged):
    [denied] = [m for m in merged if m.status == "denied"]
    assert denied.place["id"] == QAIM and denied.date == "2017-03-07"
    assert len(denied.reports) == 1 and denied.outlets == ["Alhurra"]
    assert all(r.outlet != "Alhurra" for m in _strikes(merged) for r in m.reports)


def test_other_town_other_type_other_week_stay_apart(merged):
    assert len(_strikes(merged, place=RAMADI)) == 1
    later = [m for m in _strikes(merged) if m.date == "2017-03-14"]
    assert len(later) == 1 and len(later[0].reports) == 1
    protests = [m for m in merged if m.type == "PROTEST"]
    assert protests and all(r.outlet == "Al-Mada" for m in protests for r in m.reports)


def test_events_of_one_article_never_merge(merged):
    for m in merged:
        assert len(m.article_ids) == len(m.reports)


def test_window_is_configurable(store):
    wide = merged_events(store, window_days=7)
    [strike] = _strikes(wide)
    assert len(strike.reports) == 5 and strike.date == "2017-03-07"
    narrow = merged_events(store, window_days=0)   # Rudaw and Baghdad Today say "yesterday": same day
    assert len([m for m in _strikes(narrow) if m.date == "2017-03-07"]) == 1


def test_ids_and_order_are_deterministic(store, merged):
    again = merged_events(store)
    assert [(m.id, m.summary) for m in again] == [(m.id, m.summary) for m in merged]
    assert [m.date for m in merged] == sorted(m.date for m in merged)
    for m in merged:
        first = m.reports[0]
        assert m.id == "mev:" + hashlib.sha1(f"{first.article_id}\x1f{first.event_id}".encode()).hexdigest()[:12]


def test_filters(store, merged):
    def ids(**kw):
        return {m.id for m in merged_events(store, Filters(**kw))}

    assert ids(type="PROTEST") == {m.id for m in merged if m.type == "PROTEST"}
    assert ids(actor="actor:coalition") == {m.id for m in merged if "actor:coalition" in (m.actor, m.target)}
    assert ids(since="2017-03-10") == {m.id for m in merged if m.date >= "2017-03-10"}
    assert ids(until="2017-03-07", type="ASSAULT", country="IQ") == {
        m.id for m in merged if m.date <= "2017-03-07" and m.type == "ASSAULT" and m.country == "IQ"}
    assert ids(country="YE") == set()


# ---- the rules, on hand-made reports -----------------------------------------------------

def _place(pid, lat, lon, kind="town", country="IQ", admin1=None, anchor=None):
    return {"article_id": "x", "id": pid, "name": pid, "name_ar": pid, "kind": kind, "country": country,
            "lat": lat, "lon": lon, "admin1": admin1, "admin2": None, "anchor_json": anchor}


def _report(article, day, place=None, actor=None, target=None, focus="IQ", group=("local sources", "مصادر محلية"),
            outlets=None):
    row = {"type": "ASSAULT", "status": "reported", "actor": actor, "target": target}
    return Report(article_id=article, event_id="ev0", outlet=article, url=None, published=None, source=None,
                  row=row, place=place, focus=focus, day=datetime.date(2017, 3, day), group=group,
                  outlets=tuple(outlets or (article,)))


def _sizes(reports, window=1):
    return sorted(len(c) for c in _clusters(sorted(reports, key=lambda r: (r.day, r.article_id)), window))


QAIM_P = _place(QAIM, 34.39251, 40.98945)
NEAR_QAIM = _place("geonames:1", 34.45, 41.10)          # ~12 km away
RAMADI_P = _place(RAMADI, 33.42056, 43.30778)            # ~240 km away


def test_near_places_merge_far_places_do_not():
    assert _sizes([_report("a", 7, QAIM_P), _report("b", 7, NEAR_QAIM)]) == [2]
    assert _sizes([_report("a", 7, QAIM_P), _report("b", 7, RAMADI_P)]) == [1, 1]


def test_place_inside_admin_area_or_anchored_merges():
    anbar = _place("boundary:anbar", 33.0, 42.0, kind="admin1")
    inside = _place(QAIM, 34.39251, 40.98945, admin1="boundary:anbar")
    assert _sizes([_report("a", 7, inside), _report("b", 7, anbar)]) == [2]
    west = _place("relative:W:" + QAIM, 34.39, 40.5, kind="relative", anchor='{"place": "%s"}' % QAIM)
    assert _sizes([_report("a", 7, west), _report("b", 7, QAIM_P)]) == [2]


def test_no_place_merges_only_within_one_focus_country():
    assert _sizes([_report("a", 7, QAIM_P), _report("b", 7, None)]) == [2]
    assert _sizes([_report("a", 7, QAIM_P), _report("b", 7, None, focus="SY")]) == [1, 1]
    assert _sizes([_report("a", 7, None, focus=None), _report("b", 7, None, focus=None)]) == [1, 1]


def test_dates_outside_the_window_do_not_merge():
    assert _sizes([_report("a", 7, QAIM_P), _report("b", 9, QAIM_P)]) == [1, 1]
    assert _sizes([_report("a", 7, QAIM_P), _report("b", 9, QAIM_P)], window=2) == [2]


def test_actors_equal_or_missing_and_no_chain_across_two_actors():
    assert _sizes([_report("a", 7, QAIM_P, "actor:coalition"), _report("b", 7, QAIM_P)]) == [2]
    # coalition — unknown — Russia: the unknown joins one side, never both
    reports = [_report("a", 7, QAIM_P, "actor:coalition"), _report("b", 7, QAIM_P),
               _report("c", 7, QAIM_P, "actor:russia-forces")]
    assert _sizes(reports) == [1, 2]
    assert _sizes([_report("a", 7, QAIM_P, target="actor:isis"), _report("b", 7, QAIM_P, target="actor:sdf")]) == [1, 1]


def test_no_chain_across_far_places():
    # b is 20 km from a and from c, but a and c are 40 km apart: b joins a, c stays alone
    east_20, east_40 = _place("geonames:2", 34.39251, 41.2071), _place("geonames:3", 34.39251, 41.4247)
    assert _sizes([_report("a", 7, QAIM_P), _report("b", 7, east_20), _report("c", 7, east_40)]) == [1, 2]


def test_same_article_never_merges():
    one = _report("a", 7, QAIM_P)
    two = _report("a", 7, QAIM_P)
    two.event_id = "ev1"
    assert _sizes([one, two]) == [1, 1]
    # nor through a third article that matches both
    assert _sizes([one, two, _report("b", 7, QAIM_P)]) == [1, 2]


def test_summary_wording():
    one = [_report("a", 7)]
    assert summarize(one) == ("reported by 1 outlet, citing local sources", "أوردته وسيلة إعلام واحدة، نقلاً عن مصادر محلية")
    both = [_report("a", 7), _report("b", 7)]
    assert summarize(both)[0] == "reported by 2 outlets, all citing local sources"
    none = [_report("a", 7, group=None), _report("b", 7, group=("Iraqi Army", "الجيش العراقي"), outlets=("b", "c"))]
    en, ar = summarize(none)
    assert en == "reported by 3 outlets, 2 citing Iraqi Army, 1 with no source named"
    assert ar == "أوردته 3 وسائل إعلام، 2 منها نقلاً عن الجيش العراقي، واحدة منها دون ذكر مصدر"
