"""The SQLite store against a real database file."""

from __future__ import annotations

import sqlite3

from marsad.model import Actor, Article, Entity, Event, Story
from marsad.store import Store
from marsad.store.sqlite import MIGRATIONS


def _article(aid: str, text: str, **kw) -> Article:
    art = Article(id=aid, raw=text, text=text, **kw)
    art.content_hash()
    return art


def test_schema_is_migrated_once_and_uses_wal_and_foreign_keys(db_path):
    with Store(db_path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(db_path) as store:  # reopening does not re-run migrations
        assert store.schema_version == len(MIGRATIONS)


def test_articles_round_trip_with_entities_and_search(db_path):
    art = _article("a1", "استقبل الرئيس الفرنسي إيمانويل ماكرون نظيره اللبناني في قصر الإليزيه.",
                   title="ماكرون يستقبل الرئيس اللبناني", published="2025-03-28", outlet="example.com")
    start = art.text.index("إيمانويل ماكرون")
    art.entities = [Entity(start=start, end=start + 15, text="إيمانويل ماكرون", type="PERSON",
                           name_en="Emmanuel Macron", country="FRA", kb_id="emmanuel_macron")]
    with Store(db_path) as store:
        store.save_articles([art])
        back = next(store.iter_articles())
        assert back.id == "a1" and back.entities[0].name_en == "Emmanuel Macron"
        assert back.text[start:start + 15] == "إيمانويل ماكرون"
        # Arabic in another spelling (hamza-less alef) and the English name both find it.
        assert [r["article_id"] for r in store.search("ايمانويل")] == ["a1"]
        assert [r["article_id"] for r in store.search("Macron")] == ["a1"]
        assert store.search("برلين") == []
        assert store.content_hashes(["a1", "zz"]) == {"a1": art.content_hash()}


def test_replacing_an_article_replaces_its_entities_and_index(db_path):
    with Store(db_path) as store:
        a = _article("a1", "نص أول عن دمشق")
        a.entities = [Entity(start=a.text.index("دمشق"), end=a.text.index("دمشق") + 4, text="دمشق", type="GPE", name_en="Damascus", country="SYR")]
        store.save_articles([a])
        b = _article("a1", "نص ثان عن بيروت")
        store.save_articles([b])
        assert store.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
        assert store.search("دمشق") == []
        assert [r["article_id"] for r in store.search("بيروت")] == ["a1"]
        assert store.count_articles() == 1


def test_stories_and_events_are_stored_and_filtered(db_path):
    putin = Actor(name_en="Vladimir Putin", country="RUS", kb_id="vladimir_putin")
    sharaa = Actor(name_en="Ahmed al-Sharaa", country="SYR", kb_id="ahmed_al_sharaa")
    ev = Event(type="CONSULT", mode="phone", cameo="040", actor1=putin, actor2=sharaa,
               date="2025-02-12", main=True, article_ids=["a1"])
    with Store(db_path) as store:
        store.save_articles([_article("a1", "نص")])
        art = next(store.iter_articles())
        art.story_id = "s1"
        store.replace_stories([Story(id="s1", article_ids=["a1"], date="2025-02-12", main_event=ev,
                                     events=[ev])], [art])
        assert store.story_record("s1")["main_event"]["type"] == "CONSULT"
        assert [s["id"] for s in store.story_records(country="SYR")] == ["s1"]
        assert store.story_records(country="FRA") == []
        assert [s["id"] for s in store.story_records(actor="Putin", date_from="2025-02-01")] == ["s1"]
        assert store.story_records(date_to="2025-01") == []
        assert store.event_records(event_type="consult")[0]["story_id"] == "s1"
        assert store.article_record("a1")["story_id"] == "s1"
        assert store.event_counts()[0] == {"month": "2025-02", "key": "CONSULT", "n": 1}


def test_deleting_an_article_cascades_to_its_entities(db_path):
    with Store(db_path) as store:
        a = _article("a1", "نص عن دمشق")
        a.entities = [Entity(start=7, end=11, text="دمشق", type="GPE", name_en="Damascus")]
        store.save_articles([a])
        store.delete_article("a1")
        assert store.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


def test_an_older_database_is_brought_up_to_date(db_path):
    sqlite3.connect(db_path).close()  # an empty file at schema version 0
    with Store(db_path) as store:
        assert store.schema_version == len(MIGRATIONS)
