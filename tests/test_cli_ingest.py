"""`marsad ingest` and `marsad search` on the reader fixtures (mixed formats, bad inputs)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
MIXED, BAD = FIXTURES / "mixed", FIXTURES / "bad"


def ingest(capsys, *args) -> tuple[int, str, str]:
    code = main(["ingest", *map(str, args), "--offline", "--no-progress"])
    out, err = capsys.readouterr()
    return code, out, err


def test_mixed_folder_in_one_command_with_bad_items_listed(tmp_path, capsys):
    db = tmp_path / "news.db"
    code, out, _ = ingest(capsys, MIXED, BAD, "--db", db)
    assert code == 0
    with Store(db) as store:
        formats = {f for (f,) in store.conn.execute("SELECT DISTINCT format FROM articles")}
        assert {"html", "text", "warc", "feed", "jsonl", "csv"} <= formats
        inputs = store.conn.execute("SELECT origin, status, reason FROM inputs").fetchall()
        # every file of the mixed folder produced at least one stored or duplicate item
        for path in MIXED.iterdir():
            assert any(o.startswith(str(path)) and s in ("stored", "duplicate") for o, s, _ in inputs), path.name
        skipped = {o: r for o, s, r in inputs if s == "skipped"}
        assert skipped and all(o.startswith(str(BAD)) for o in skipped)
        # the encodings came through: cp1256 and UTF-16 texts are Arabic
        for name in ("deir-ezzor-cp1256.txt", "aleppo-utf16.txt"):
            text = store.conn.execute("SELECT text FROM articles WHERE origin = ?", (str(MIXED / name),)).fetchone()[0]
            assert sum("\u0600" <= ch <= "\u06ff" for ch in text) > 50
        counts = store.counts()
        assert counts["articles"] == counts["minhashes"] == counts["articles_fts"]
        assert counts["copies"] == counts["articles"] + store._one(
            "SELECT count(*) FROM inputs WHERE status = 'duplicate'")
        assert counts["inputs"] == counts["copies"] + len(skipped)
        assert counts["places"] > counts["articles"] and counts["events"] > 0
    # the summary lists each skipped item with its reason
    assert f"skipped:    {len(skipped)}" in out
    for origin, reason in skipped.items():
        assert f"{origin}: {reason}" in out
    assert "photo.png" in out and "[E003]" in out


def test_ingesting_twice_changes_nothing(tmp_path, capsys):
    db = tmp_path / "news.db"
    ingest(capsys, MIXED, BAD, "--db", db)
    with Store(db) as store:
        before = list(store.dump())
        stored = store.counts()["articles"]
    code, out, _ = ingest(capsys, MIXED, BAD, "--db", db)
    assert code == 0
    assert "stored:     0" in out and "already stored, passed over:" in out
    with Store(db) as store:
        assert list(store.dump()) == before
        assert store.counts()["articles"] == stored
        runs = store.conn.execute("SELECT stored, finished FROM runs ORDER BY id").fetchall()
    assert [r[0] for r in runs] == [stored, 0] and all(r[1] for r in runs)


def test_default_database_in_marsad_home(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "home"))
    code, out, _ = ingest(capsys, MIXED / "raqqa-water.htm")
    assert code == 0 and str(tmp_path / "home" / "marsad.db") in out


def test_nothing_readable_exits_2(tmp_path, capsys):
    code, out, err = ingest(capsys, BAD / "photo.png", "--db", tmp_path / "x.db")
    assert code == 2 and "[E076]" in err and "photo.png" in out


def test_quiet_and_forced_progress(tmp_path, capsys):
    code, out, err = ingest(capsys, MIXED / "articles.jsonl", "--db", tmp_path / "q.db", "--quiet")
    assert code == 0 and out == "" and err == ""
    code = main(["ingest", str(MIXED / "articles.csv"), "--db", str(tmp_path / "p.db"), "--progress"])
    out, err = capsys.readouterr()
    assert code == 0 and "stored:" in out


def test_search_command(tmp_path, capsys):
    db = tmp_path / "news.db"
    ingest(capsys, MIXED, "--db", db)
    with Store(db) as store:
        expected = {aid for (aid,) in store.conn.execute(
            "SELECT id FROM articles WHERE text LIKE '%الموصل%'")}
    assert expected
    assert main(["search", "الموصل", "--db", str(db), "--format", "json", "--limit", "100"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert expected <= {h["id"] for h in hits}
    assert all("«" in h["snippet"] for h in hits)
    assert main(["search", "الموصل", "--db", str(db)]) == 0
    assert "«" in capsys.readouterr().out
    assert main(["search", "كلمةلاتوجد", "--db", str(db)]) == 0
    assert "no article matches" in capsys.readouterr().out


def test_search_without_database(tmp_path, capsys):
    assert main(["search", "الموصل", "--db", str(tmp_path / "none.db")]) == 2
    assert "[E073]" in capsys.readouterr().err
