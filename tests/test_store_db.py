"""The store: migrations, one-transaction writes, row counts, dedup, full-text search."""
from __future__ import annotations

import sqlite3

import pytest

from marsad.errors import MarsadError
from marsad.ingest.items import Item, Skip, make_meta, sha1
from marsad.store import Store, dedup
from marsad.store.migrations import MIGRATIONS, applied, migrate
from marsad.store.run import ingest_items

# A story written for these tests, and the same story as other outlets might run it.
HEADLINE = "القوات العراقية تبدأ عملية لاستعادة تلعفر"
STORY = [
    "أعلنت قيادة العمليات المشتركة صباح اليوم الثلاثاء أن القوات العراقية بدأت عملية واسعة لاستعادة قضاء تلعفر غربي الموصل.",
    "وقال المتحدث باسم القيادة في مؤتمر صحفي إن قطعات الجيش والشرطة الاتحادية تقدمت من ثلاثة محاور باتجاه مركز القضاء.",
    "وأضاف أن طيران التحالف الدولي نفذ أكثر من عشرين غارة على مواقع التنظيم خلال الساعات الأولى من الهجوم.",
    "وأشار إلى أن القوات سيطرت على قرى الكسك والعبادية وتل الزلط بعد اشتباكات استمرت حتى منتصف النهار.",
    "من جهتها ذكرت مصادر طبية في مستشفى القيارة أنها استقبلت سبعة جرحى من المدنيين أصيبوا بقذائف هاون سقطت على منازلهم.",
    "وتحدث سكان فروا من الأحياء الشرقية للقضاء عن نقص حاد في الطعام والماء منذ أسابيع.",
    "وقال أحد النازحين إن عناصر التنظيم منعوا العائلات من مغادرة المدينة وهددوا من يحاول الهرب بالإعدام.",
    "وتقدر منظمات الإغاثة عدد المدنيين الباقين داخل تلعفر بما بين عشرة آلاف وخمسة عشر ألف شخص.",
    "وأقامت وزارة الهجرة مخيما جديدا قرب ناحية حمام العليل لاستقبال النازحين من القضاء وقراه.",
    "ويعد قضاء تلعفر آخر معقل كبير للتنظيم في محافظة نينوى بعد استعادة مدينة الموصل في تموز الماضي.",
    "ويقع القضاء على الطريق الذي يربط الموصل بالحدود السورية، وكان ممرا رئيسيا لإمدادات التنظيم.",
    "وتوقع ضباط ميدانيون أن تستغرق المعركة أسابيع عدة بسبب الأنفاق والعبوات الناسفة التي زرعها المسلحون.",
    "في المقابل بث التنظيم عبر وكالة أعماق صورا قال إنها لتفجير عربات مدرعة على أطراف القضاء.",
    "ولم يتسن التحقق من صحة هذه الصور من مصدر مستقل.",
    "وكان رئيس الوزراء قد دعا المسلحين في بيان مقتضب إلى الاستسلام أو مواجهة الموت.",
]
OTHER_STORY = [  # another story about the same town
    "عادت عشرات العائلات اليوم إلى أحيائها في قضاء تلعفر بعد أشهر من النزوح في المخيمات.",
    "وقال قائممقام القضاء إن فرق البلدية رفعت الأنقاض من الشوارع الرئيسية وأعادت فتح السوق الكبير.",
    "وأضاف أن محطة المياه الرئيسية عادت إلى العمل بطاقة جزئية وأن الكهرباء تصل إلى الأحياء ست ساعات يوميا.",
    "واشتكى عائدون من بطء صرف التعويضات عن المنازل المدمرة ومن غياب فرص العمل.",
    "وتعمل منظمة دولية على إعادة تأهيل ثلاث مدارس ومركز صحي في الجانب الجنوبي من تلعفر.",
    "ويأمل الأهالي أن تعود الحياة إلى طبيعتها قبل بداية العام الدراسي المقبل.",
]


def text_of(headline: str, sentences: list[str], footer: str = "") -> str:
    return headline + "\n\n" + " ".join(sentences) + ("\n\n" + footer if footer else "")


def item(origin: str, text: str, **meta) -> Item:
    return Item(text=text, meta=make_meta(**meta), origin=origin, format="text", raw_hash=sha1(text.encode()))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as s:
        yield s


# ---- migrations ---------------------------------------------------------------------------

def test_migrations_recorded_in_order_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    with Store(path) as s:
        assert s.migrated == [name for name, _ in MIGRATIONS]
        assert applied(s.db) == sorted(name for name, _ in MIGRATIONS)
        times = s.conn.execute("SELECT name, applied_at FROM migrations").fetchall()
    with Store(path) as s:
        assert s.migrated == []
        assert migrate(s.db) == []
        assert s.conn.execute("SELECT name, applied_at FROM migrations").fetchall() == times


def test_schema_tables_keys_and_indexes(store):
    names = set(store.db.table_names())
    assert {"articles", "copies", "inputs", "mentions", "places", "actors", "persons", "sources", "events",
            "routes", "minhashes", "runs", "migrations", "articles_fts"} <= names
    for table in ("mentions", "places", "actors", "persons", "sources", "events", "routes"):
        assert store.db[table].pks == ["article_id", "id"]
        fks = store.db[table].foreign_keys
        assert [(fk.column, fk.other_table, fk.other_column) for fk in fks] == [("article_id", "articles", "id")]
    indexed = {tuple(ix.columns) for t in ("events", "places") for ix in store.db[t].indexes}
    assert {("type",), ("location",), ("date_value",), ("id",)} <= indexed
    assert any(ix.unique and ix.columns == ["text_hash"] for ix in store.db["articles"].indexes)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_foreign_database_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(MarsadError) as err:
        Store(path)
    assert err.value.code == "E070" and "customers" in str(err.value)


def test_newer_database_refused(tmp_path):
    path = tmp_path / "new.db"
    with Store(path) as s:
        with s.db.atomic():
            s.db["migrations"].insert({"name": "9999_from_the_future", "applied_at": "2030-01-01"})
    with pytest.raises(MarsadError) as err:
        Store(path)
    assert err.value.code == "E071" and "9999_from_the_future" in str(err.value)


def test_not_sqlite_and_missing(tmp_path):
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(MarsadError) as err:
        Store(bad)
    assert err.value.code == "E072"
    with pytest.raises(MarsadError) as err:
        Store(tmp_path / "absent.db", create=False)
    assert err.value.code == "E073"


def test_default_path_under_marsad_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "home"))
    with Store() as s:
        assert s.path == tmp_path / "home" / "marsad.db"
        assert s.path.exists()


# ---- writing ------------------------------------------------------------------------------

def test_article_rows_match_the_document(store):
    text = text_of(HEADLINE, STORY)
    summary = ingest_items([item("a.txt", text, url="https://a.example/1", outlet="وكالة الفرات",
                                 title=HEADLINE, published="2017-08-22")], store)
    assert summary.stored == 1
    (aid, doc_json, text_hash, origin), = store.conn.execute(
        "SELECT id, doc_json, text_hash, origin FROM articles").fetchall()
    import json
    doc = json.loads(doc_json)
    assert doc["id"] == aid and origin == "a.txt" and text_hash == dedup.text_hash(text)
    counts = store.counts()
    for table in ("mentions", "places", "actors", "persons", "sources", "events", "routes"):
        ids = {e["id"] for e in doc.get(table) or []}
        assert counts[table] == len(ids), table
    assert counts["mentions"] > 5 and counts["places"] >= 2 and counts["events"] >= 1
    assert counts["minhashes"] == counts["articles_fts"] == 1
    assert store.conn.execute("SELECT kind, similarity FROM copies").fetchall() == [("original", 1.0)]
    assert store.conn.execute("SELECT status, article_id FROM inputs").fetchall() == [("stored", aid)]
    ev = store.conn.execute("SELECT type, evidence_start, evidence_end, json FROM events LIMIT 1").fetchone()
    assert ev[0] and ev[1] is not None and ev[1] < ev[2] and json.loads(ev[3])["type"] == ev[0]
    # every mention offset points into the stored text
    stored_text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    for start, end, mtext in store.conn.execute("SELECT start, end, text FROM mentions"):
        assert stored_text[start:end] == mtext


def test_failed_write_leaves_nothing(store):
    class Boom(Exception):
        pass

    def explode():
        raise Boom()

    from marsad.api import extract_text
    it = item("a.txt", text_of(HEADLINE, STORY))
    doc = extract_text(it.text, it.meta)
    with pytest.raises(Boom):
        store.write_article(it, doc, dedup.minhash(dedup.normalized(it.text)), before_commit=explode)
    assert all(n == 0 for n in store.counts().values())


def test_skips_listed_with_reasons(store):
    summary = ingest_items([Skip("bad/photo.png", "binary file"), item("ok.txt", text_of(HEADLINE, STORY)),
                            item("blank.txt", "\u064b\u064c  \u0640")], store)
    assert summary.stored == 1
    assert [o for o, _ in summary.skipped] == ["bad/photo.png", "blank.txt"]
    rows = dict(store.conn.execute("SELECT origin, reason FROM inputs WHERE status = 'skipped'").fetchall())
    assert rows["bad/photo.png"] == "binary file" and "no text" in rows["blank.txt"]


def test_reingest_changes_nothing(tmp_path):
    items = [item("a.txt", text_of(HEADLINE, STORY), outlet="A"), item("b.txt", text_of(HEADLINE, STORY), outlet="B"),
             item("c.txt", text_of("عودة العائلات إلى تلعفر", OTHER_STORY)), Skip("d.png", "binary")]
    with Store(tmp_path / "x.db") as s:
        first = ingest_items(items, s)
        before = list(s.dump())
        second = ingest_items(items, s)
        assert list(s.dump()) == before
    assert (first.stored, first.exact, len(first.skipped)) == (2, 1, 1)
    assert (second.stored, second.known, second.duplicates) == (0, 3, 0)


# ---- deduplication ------------------------------------------------------------------------

def _sim(a: str, b: str) -> float:
    ma, mb = (dedup.minhash(dedup.normalized(t)) for t in (a, b))
    return dedup.similarity(ma.hashvalues, mb.hashvalues)


def test_near_duplicate_variants_and_a_different_story():
    original = text_of(HEADLINE, STORY)
    changed = list(STORY)
    changed[4] = "وأفادت مصادر في مستشفى القيارة بوصول تسعة جرحى مدنيين إلى أقسام الطوارئ."
    variants = {
        "headline": text_of("بدء معركة تلعفر آخر معاقل التنظيم في نينوى", STORY),
        "sentence": text_of(HEADLINE, changed),
        "footer": text_of(HEADLINE, STORY, "جميع الحقوق محفوظة لشبكة الرصد الإخبارية، تابعونا على مواقع التواصل."),
    }
    for name, text in variants.items():
        assert _sim(original, text) >= dedup.SIMILARITY, name
    assert _sim(original, text_of(HEADLINE, OTHER_STORY)) < 0.2


def test_copies_list_every_outlet(store):
    changed = list(STORY)
    changed[4] = "وأفادت مصادر في مستشفى القيارة بوصول تسعة جرحى مدنيين إلى أقسام الطوارئ."
    items = [
        item("furat/1.html", text_of(HEADLINE, STORY), outlet="وكالة الفرات", url="https://furat.example/1"),
        item("rasd/9.html", "  " + text_of(HEADLINE, STORY).replace("أعلنت", "أَعلنت") + "\n", outlet="شبكة الرصد",
             url="https://rasd.example/9"),
        item("nahrain/3.html", text_of("بدء معركة تلعفر", changed, "حقوق النشر محفوظة لصحيفة النهرين."),
             outlet="صحيفة النهرين", url="https://nahrain.example/3"),
        item("badia/5.html", text_of("عودة العائلات إلى تلعفر", OTHER_STORY), outlet="موقع البادية"),
    ]
    summary = ingest_items(items, store)
    assert (summary.stored, summary.exact, summary.near) == (2, 1, 1)
    first = store.conn.execute("SELECT article_id FROM copies WHERE origin = 'furat/1.html'").fetchone()[0]
    copies = store.conn.execute("SELECT origin, outlet, kind, similarity FROM copies WHERE article_id = ? "
                                "ORDER BY origin", (first,)).fetchall()
    assert [(o, k) for o, _, k, _ in copies] == [("furat/1.html", "original"), ("nahrain/3.html", "near"),
                                                ("rasd/9.html", "exact")]
    near_sim = copies[1][3]
    assert dedup.SIMILARITY <= near_sim < 1.0
    assert {c[1] for c in copies} == {"وكالة الفرات", "شبكة الرصد", "صحيفة النهرين"}


def test_near_index_rebuilt_when_store_reopens(tmp_path):
    path = tmp_path / "r.db"
    with Store(path) as s:
        ingest_items([item("a.txt", text_of(HEADLINE, STORY))], s)
    with Store(path) as s:
        summary = ingest_items([item("b.txt", text_of("عنوان آخر تماما لنفس الخبر", STORY))], s)
        assert summary.near == 1 and len(s.near) == 1


# ---- full-text search ---------------------------------------------------------------------

def test_search_through_clitics_and_spelling(store):
    texts = {
        "bi.txt": "وصلت تعزيزات عسكرية بالموصل صباح اليوم قادمة من بغداد.",
        "li.txt": "أرسلت الحكومة شحنات أدوية للموصل وكركوك عبر الطريق البري.",
        "wa.txt": "اشتدت المعارك في الرقة والموصل خلال الأسبوع الماضي.",
        "raqqa.txt": "تحدث سكان عن انقطاع المياه في مدينة الرقّة منذ ثلاثة أيام.",
        "other.txt": "افتتحت وزارة التربية مدارس جديدة في البصرة.",
    }
    ingest_items([item(o, t, title=o) for o, t in texts.items()], store)

    def hits(q):
        return sorted(h["title"] for h in store.search(q))

    assert hits("الموصل") == ["bi.txt", "li.txt", "wa.txt"]
    assert hits("موصل") == ["bi.txt", "li.txt", "wa.txt"]
    assert hits("بالموصل") == ["bi.txt"]
    assert hits("الرقة") == ["raqqa.txt", "wa.txt"]          # الرقّة (shadda) and والرقه
    assert hits("الرقه") == ["raqqa.txt", "wa.txt"]          # taa marbuta written as ha
    assert hits("أدويه") == ["li.txt"]                      # hamza and taa marbuta variants
    assert hits("الموصل كركوك") == ["li.txt"]               # every word required
    assert hits('"الموصل" OR *') == []                      # operators are words, not syntax ("or" is absent)
    found = store.search("الموصل")[0]
    assert "«" in found["snippet"] and "موصل" in found["snippet"]
    with pytest.raises(MarsadError) as err:
        store.search(" ،؟ ")
    assert err.value.code == "E075"
