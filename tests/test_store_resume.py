"""A run killed with SIGKILL (between articles, inside an article's transaction, or from
outside at an arbitrary moment) and rerun ends with exactly the database of one
uninterrupted run; every table but ``runs`` is compared row by row."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.store import Store, synth

N_FILES, N_RECORDS = 45, 15


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """60 generated articles (some exact and near copies): 45 text files and one JSONL."""
    root = tmp_path_factory.mktemp("resume") / "news"
    root.mkdir()
    records = synth.corpus(N_FILES + N_RECORDS, seed=11, exact=0.1, near=0.1, size=1500)
    for i, rec in enumerate(records[:N_FILES]):
        (root / f"{i:03d}.txt").write_text(rec["title"] + "\n\n" + rec["text"], encoding="utf-8")
    with open(root / "wire.jsonl", "w", encoding="utf-8") as fh:
        for rec in records[N_FILES:]:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return root


def run(folder: Path, db: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", str(db),
                           "--no-progress", "--quiet"], env={**os.environ, **env}, capture_output=True, timeout=300)


def dump(db: Path) -> list:
    with Store(db) as store:
        return list(store.dump())


def articles(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory) -> tuple[Path, list]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    proc = run(folder, db)
    assert proc.returncode == 0, proc.stderr.decode()
    return db, dump(db)


def test_reference_run_is_sane(reference):
    db, tables = reference
    rows = dict(tables)
    n_inputs = len(rows["inputs"])
    assert n_inputs == N_FILES + N_RECORDS
    kinds = [r[6] for r in rows["copies"]]
    assert kinds.count("exact") >= 2 and kinds.count("near") >= 2
    assert len(rows["articles"]) == kinds.count("original") == len(rows["minhashes"]) == len(rows["articles_fts"])
    assert len(rows["copies"]) == n_inputs
    assert len(rows["mentions"]) > 10 * len(rows["articles"])


@pytest.mark.parametrize("inside", [False, True], ids=["between-articles", "inside-transaction"])
def test_killed_run_resumes_to_the_same_database(folder, reference, tmp_path, inside):
    db = tmp_path / "killed.db"
    env = {"MARSAD_INGEST_KILL_AFTER": "23", "MARSAD_INGEST_KILL_INSIDE": "1" if inside else ""}
    proc = run(folder, db, **env)
    assert proc.returncode == -signal.SIGKILL
    done = articles(db)
    assert 0 < done < len(dict(reference[1])["articles"])
    proc = run(folder, db)
    assert proc.returncode == 0, proc.stderr.decode()
    assert dump(db) == reference[1]


def test_killed_from_outside_resumes_to_the_same_database(folder, reference, tmp_path):
    db = tmp_path / "outside.db"
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", str(db),
                             "--no-progress", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while proc.poll() is None and articles(db) < 8 and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the run ended before it could be killed"
    assert run(folder, db).returncode == 0
    assert dump(db) == reference[1]


def test_rerun_after_completion_changes_nothing(folder, reference, tmp_path):
    db, tables = reference
    assert run(folder, db).returncode == 0
    assert dump(db) == tables
