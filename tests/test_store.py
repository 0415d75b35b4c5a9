"""The store on both backends (a real SQLite file and a real PostgreSQL server),
through one test-suite so that the two never drift apart; SQLite's own tests last."""

from __future__ import annotations

import sqlite3

from marsad.model import Actor, Article, Entity, Event, Story
from marsad.store import Store, open_store
from marsad.store.sqlite import MIGRATIONS


def _article(aid: str, text: str, **kw) -> Article:
    art = Article(id=aid, raw=text, text=text, **kw)
    art.content_hash()
    return art


def _count(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _macron_article() -> Article:
    art = _article("a1", "استقبل الرئيس الفرنسي إيمانويل ماكرون نظيره اللبناني في قصر الإليزيه.",
                   title="ماكرون يستقبل الرئيس اللبناني", published="2025-03-28", outlet="example.com")
    start = art.text.index("إيمانويل ماكرون")
    art.entities = [Entity(start=start, end=start + 15, text="إيمانويل ماكرون", type="PERSON",
                           name_en="Emmanuel Macron", country="FRA", kb_id="emmanuel_macron")]
    return art


def _one_story(store) -> None:
    putin = Actor(name_en="Vladimir Putin", country="RUS", kb_id="vladimir_putin")
    sharaa = Actor(name_en="Ahmed al-Sharaa", country="SYR", kb_id="ahmed_al_sharaa")
    ev = Event(type="CONSULT", mode="phone", cameo="040", actor1=putin, actor2=sharaa,
               date="2025-02-12", main=True, article_ids=["a1"])
    store.save_articles([_article("a1", "نص", published="2025-02-12")])
    art = next(store.iter_articles())
    art.story_id = "s1"
    store.replace_stories([Story(id="s1", article_ids=["a1"], date="2025-02-12", main_event=ev,
                                 events=[ev])], [art])


def test_reopening_a_database_keeps_its_schema_and_data(db):
    with open_store(db) as store:
        version = store.schema_version
        assert version >= 2
        store.save_articles([_article("a1", "نص")])
    with open_store(db) as store:   # migrations are not run again
        assert store.schema_version == version and store.count_articles() == 1


def test_articles_round_trip_with_entities_and_search(store):
    art = _macron_article()
    store.save_articles([art])
    back = next(store.iter_articles())
    assert back.id == "a1" and back.entities[0].name_en == "Emmanuel Macron"
    assert back.text[art.entities[0].start:art.entities[0].end] == "إيمانويل ماكرون"
    assert back.to_record() == art.to_record()
    # Arabic in another spelling (hamza-less alef), a prefix and the English name all find it.
    assert [r["article_id"] for r in store.search("ايمانويل")] == ["a1"]
    assert [r["article_id"] for r in store.search("Macron")] == ["a1"]
    assert [r["article_id"] for r in store.search("الإلي")] == ["a1"]
    assert [r["article_id"] for r in store.search("ماكرون اللبناني")] == ["a1"]
    assert store.search("ماكرون برلين") == [] and store.search("برلين") == [] and store.search("  ") == []
    hit = store.search("ماكرون")[0]
    assert (hit["title"], hit["outlet"], hit["published"]) == (art.title, "example.com", "2025-03-28")
    assert "[" in hit["snippet"] and "]" in hit["snippet"]
    assert store.content_hashes(["a1", "zz"]) == {"a1": art.content_hash()}
    assert store.article_record("a1")["story_id"] is None and store.article_record("zz") is None


def test_search_ranks_the_article_that_says_it_more(store):
    store.save_articles([_article("once", "زار الوزير دمشق ثم عاد إلى بلاده بعد لقاءات عديدة."),
                         _article("often", "دمشق دمشق: زيارة إلى دمشق وحديث عن دمشق.")])
    assert [r["article_id"] for r in store.search("دمشق")] == ["often", "once"]
    assert len(store.search("دمشق", limit=1)) == 1


def test_search_query_punctuation_is_not_syntax(store):
    store.save_articles([_macron_article()])
    for query in ['"ماكرون', "ماكرون:*", "ماكرون & | !", "(ماكرون)", "Macron's", "'"]:
        assert [r["article_id"] for r in store.search(query)] in (["a1"], []), query


def test_replacing_an_article_replaces_its_entities_and_index(store):
    a = _article("a1", "نص أول عن دمشق")
    a.entities = [Entity(start=a.text.index("دمشق"), end=a.text.index("دمشق") + 4, text="دمشق",
                         type="GPE", name_en="Damascus", country="SYR")]
    store.save_articles([a])
    b = _article("a1", "نص ثان عن بيروت")
    store.save_articles([b])
    assert _count(store, "entities") == 0
    assert store.search("دمشق") == []
    assert [r["article_id"] for r in store.search("بيروت")] == ["a1"]
    assert store.count_articles() == 1
    assert store.content_hashes(["a1"]) == {"a1": b.content_hash()}


def test_article_listing_order_and_filters(store):
    store.save_articles([_article("b", "نص", published="2025-01-02", outlet="x.com"),
                         _article("a", "نص", published="2025-01-02", outlet="y.com"),
                         _article("c", "نص", published=None, outlet="x.com"),
                         _article("d", "نص", published="2025-03-01", outlet="x.com")])
    assert [a.id for a in store.iter_articles()] == ["c", "a", "b", "d"]
    assert [r["id"] for r in store.article_records()] == ["d", "a", "b", "c"]
    assert [r["id"] for r in store.article_records(outlet="x.com", limit=2, offset=1)] == ["b", "c"]


def test_stories_and_events_are_stored_and_filtered(store):
    _one_story(store)
    assert store.story_record("s1")["main_event"]["type"] == "CONSULT"
    assert store.story_record("nope") is None and store.count_stories() == 1
    assert [s["id"] for s in store.story_records(country="SYR")] == ["s1"]
    assert store.story_records(country="FRA") == []
    assert [s["id"] for s in store.story_records(actor="Putin", date_from="2025-02-01")] == ["s1"]
    assert [s["id"] for s in store.story_records(actor="putin")] == ["s1"]   # any case, as in SQLite
    assert [s["id"] for s in store.story_records(date_to="2025-02")] == ["s1"]
    assert store.story_records(date_to="2025-01") == [] and store.story_records(event_type="assault") == []
    assert [s["id"] for s in store.story_records(event_type="consult", limit=1)] == ["s1"]
    assert store.story_records(limit=1, offset=1) == []
    assert store.event_records(event_type="consult")[0]["story_id"] == "s1"
    assert [e["id"] for e in store.event_records(story_id="s1", main_only=True)] == ["s1-e0"]
    assert store.event_records(country="FRA") == []
    assert store.article_record("a1")["story_id"] == "s1"
    store.save_articles([_article("a2", "نص آخر")])
    assert store.count_articles() == 2 and store.count_articles(without_story=True) == 1
    store.delete_article("a2")
    assert [a.id for a in store.iter_articles(story_id="s1")] == ["a1"]
    assert [r["id"] for r in store.article_records(story_id="s1")] == ["a1"]
    assert store.event_counts() == [{"month": "2025-02", "key": "CONSULT", "n": 1}]
    assert store.event_counts(by="pair") == [{"month": "2025-02", "key": "RUS-SYR", "n": 1}]


def test_replacing_stories_replaces_all_of_them(store):
    _one_story(store)
    art = next(store.iter_articles())
    art.story_id = "s2"
    store.replace_stories([Story(id="s2", article_ids=["a1"], date="2025-02-13")], [art])
    assert [s["id"] for s in store.story_records()] == ["s2"]
    assert store.event_records() == [] and store.article_record("a1")["story_id"] == "s2"


def test_queries_for_the_web_ui(store):
    _one_story(store)
    putin_text = "قال فلاديمير بوتين"
    art = next(store.iter_articles())
    art.text = art.raw = putin_text
    art.entities = [Entity(start=4, end=18, text="فلاديمير بوتين", type="PERSON", name_en="Vladimir Putin",
                           country="RUS", kb_id="vladimir_putin", wikidata="Q7747")]
    store.save_articles([art])
    assert store.story_coverage(["s1", "s9"]) == {"s1": [{"day": "2025-02-12", "n": 1}], "s9": []}
    assert store.event_countries() == ["RUS", "SYR"]
    rows = store.actor_event_rows(["vladimir_putin", "", "vladimir_putin"])
    assert [(r["actor1_key"], r["record"]["id"]) for r in rows] == [("vladimir_putin", "s1-e0")]
    assert store.actor_event_rows([]) == []
    assert store.actor_key_for_name("Ahmed al-Sharaa") == "ahmed_al_sharaa"
    assert store.actor_key_for_name("Nobody") is None
    for key in ("vladimir_putin", "Q7747", "Vladimir Putin"):
        assert [r["text"] for r in store.actor_entity_rows(key)] == ["فلاديمير بوتين"]
    mention = store.actor_mentions(kb_id="vladimir_putin")[0]
    assert (mention["start"], mention["end"], mention["article_id"]) == (4, 18, "a1")
    assert store.actor_mentions(name_en="Vladimir Putin") == [mention]
    top = store.top_actors(limit=5)
    assert [(t["key"], t["name_en"], t["n_articles"]) for t in top] == [("vladimir_putin", "Vladimir Putin", 1)]
    assert store.story_titles(["s1"]) == {"s1": [{"id": "a1", "title": None, "outlet": None,
                                                  "published": "2025-02-12"}]}


def test_deleting_an_article_cascades_to_its_entities_and_index(store):
    a = _article("a1", "نص عن دمشق")
    a.entities = [Entity(start=7, end=11, text="دمشق", type="GPE", name_en="Damascus")]
    store.save_articles([a])
    store.delete_article("a1")
    assert _count(store, "entities") == 0 and store.count_articles() == 0
    assert store.search("دمشق") == []


def test_watch_state_round_trip(store):
    assert store.watch_state("https://example.org/feed") is None
    store.save_watch_state("https://example.org/feed", {"etag": '"v1"', "seen": ["a", "ب"]})
    store.save_watch_state("https://example.org/feed", {"etag": '"v2"', "seen": ["a", "ب", "c"]})
    assert store.watch_state("https://example.org/feed") == {"etag": '"v2"', "seen": ["a", "ب", "c"]}


# -- SQLite's own ---------------------------------------------------------------
def test_sqlite_schema_is_migrated_once_and_uses_wal_and_foreign_keys(db_path):
    with Store(db_path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(db_path) as store:
        assert store.schema_version == len(MIGRATIONS)


def test_an_older_sqlite_database_is_brought_up_to_date(db_path):
    sqlite3.connect(db_path).close()  # an empty file at schema version 0
    with Store(db_path) as store:
        assert store.schema_version == len(MIGRATIONS)


def test_sqlite_search_index_is_found_by_key_and_migrated_from_version_3(db_path):
    """Migration 4 keys each article's FTS5 row (articles_fts_keys), so that saving or
    deleting an article finds its row without reading the whole index; a database of
    schema 3 keeps its search index."""
    db = sqlite3.connect(db_path)
    db.executescript("".join(MIGRATIONS[:3]) + "; PRAGMA user_version = 3;")
    for n in range(3):  # as the store of schema 3 indexed them
        db.execute("INSERT INTO articles (id, content_hash, record) VALUES (?, 'h', '{}')", (f"a{n}",))
        db.execute("INSERT INTO articles_fts (article_id, title, body, names) VALUES (?, '', ?, '')",
                   (f"a{n}", f"نص{n} مشترك"))
    db.commit()
    db.close()
    with Store(db_path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert _count(store, "articles_fts_keys") == 3
        assert {h["article_id"] for h in store.search("مشترك")} == {"a0", "a1", "a2"}
        store.save_articles([_article("a1", "نص جديد"), _article("a3", "نص آخر مشترك")])
        store.save_articles([_article("a3", "نص آخر مشترك")])   # saved again: indexed once
        assert _count(store, "articles_fts") == _count(store, "articles_fts_keys") == 4
        assert {h["article_id"] for h in store.search("مشترك")} == {"a0", "a2", "a3"}
        assert [h["article_id"] for h in store.search("جديد")] == ["a1"]
        store.delete_article("a0")
        assert {h["article_id"] for h in store.search("مشترك")} == {"a2", "a3"}
        assert _count(store, "articles_fts") == _count(store, "articles_fts_keys") == 3
        # Each look-up goes through the key's index, never a pass over the FTS table.
        plan = store.db.execute("EXPLAIN QUERY PLAN SELECT fts_rowid FROM articles_fts_keys "
                                "WHERE article_id = ?", ("a1",)).fetchall()
        assert any("USING INDEX" in r[-1] or "PRIMARY KEY" in r[-1] for r in plan), plan


def test_both_backends_give_the_same_records(postgres_cluster, tmp_path):
    """The same articles ingested through the real pipeline: the same records, byte for byte."""
    import json
    from pathlib import Path

    from marsad.workflow import ingest

    web = str(Path(__file__).parent / "data" / "web")
    dumps = []
    for target in (str(tmp_path / "same.db"), postgres_cluster.new_database()):
        with open_store(target) as store:
            assert ingest(store, [web]).errors == []
            dumps.append([json.dumps(r, ensure_ascii=False, sort_keys=True) for r in
                          store.article_records() + store.story_records() + store.event_records()]
                         + [sorted(h["article_id"] for h in store.search(q)) for q in ("الرياض", "Kallas", "كالاس")])
    assert dumps[0] == dumps[1]
    assert all(dumps[0][-3:]), "the search queries found nothing to compare"


def test_both_backends_have_the_same_tables_and_columns(postgres_cluster, tmp_path):
    """A migration added to one backend and not the other fails here (search tables aside)."""
    with Store(tmp_path / "schema.db") as lite:
        names = [r[0] for r in lite.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        sqlite_tables = {t: [r[1] for r in lite.db.execute(f"PRAGMA table_info({t})")]
                         for t in names if not t.startswith("articles_fts")}
    with open_store(postgres_cluster.new_database()) as pg:
        rows = pg.db.execute("""SELECT table_name, column_name FROM information_schema.columns
                                WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position""")
        pg_tables: dict[str, list[str]] = {}
        for row in rows:
            pg_tables.setdefault(row["table_name"], []).append(row["column_name"])
        assert pg.schema_version == len(MIGRATIONS)
    for own in ("articles_search", "marsad_schema"):
        pg_tables.pop(own)
    assert pg_tables == sqlite_tables
