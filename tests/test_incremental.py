"""Incremental stories (marsad.stories.incremental): an ingest that only touches the
stories its articles join gives the stories of a full recompute, with stable ids."""

from __future__ import annotations

import copy
import itertools
import json
import random
import sqlite3

import pytest

from marsad.model import Article, Entity
from marsad.store import Store, open_store
from marsad.stories import build_stories
from marsad.stories.incremental import restory, update_stories
from marsad.stories.merge import story_id_for
from marsad.stories.naming import name_groups
from marsad.workflow import add_articles, annotate


def partition(stories) -> list[list[str]]:
    return sorted(sorted(s["article_ids"] if isinstance(s, dict) else s.article_ids) for s in stories)


def stored_partition(store) -> list[list[str]]:
    return partition(store.story_records())


def story_of(store) -> dict[str, str]:
    return {r["id"]: r["story_id"] for r in store.article_records()}


def full(articles: list[Article]) -> list[list[str]]:
    return partition(build_stories(copy.deepcopy(articles)))


@pytest.fixture(scope="module")
def seed_articles(seeds_dir) -> list[Article]:
    return sorted(annotate([str(p) for p in sorted(seeds_dir.glob("*.txt"))]), key=lambda a: a.id)


@pytest.fixture(scope="module")
def demo_articles() -> list[Article]:
    from marsad.demo import corpus_path

    return sorted(annotate([str(corpus_path())]), key=lambda a: a.id)


def ingest_batches(store, batches) -> None:
    for batch in batches:
        update = add_articles(store, copy.deepcopy(batch))
        assert not batch or update.clustered == len(batch)


def test_seeds_in_two_batches_give_the_full_recompute(seed_articles, store):
    expected = full(seed_articles)
    ingest_batches(store, [seed_articles[::2], seed_articles[1::2]])
    assert stored_partition(store) == expected
    ids = story_of(store)
    assert restory(store).full
    assert stored_partition(store) == expected
    assert story_of(store) == ids  # a recompute keeps every story's id


def test_seeds_one_at_a_time_in_every_order(seed_articles):
    expected = full(seed_articles)
    for order in itertools.permutations(seed_articles):
        with Store(":memory:") as store:
            ingest_batches(store, [[a] for a in order])
            assert stored_partition(store) == expected, [a.id for a in order]


def test_demo_corpus_in_batches_gives_the_full_recompute(demo_articles, tmp_path):
    from marsad.demo import gold_path
    from marsad.evaluate import bcubed

    expected = full(demo_articles)
    gold = json.loads(gold_path().read_text(encoding="utf-8"))
    shuffled = demo_articles[:]
    random.Random(12).shuffle(shuffled)
    for n, arts in enumerate((demo_articles, shuffled)):
        with Store(tmp_path / f"demo{n}.db") as store:
            ingest_batches(store, [arts[:5], arts[5:20], arts[20:21], arts[21:]])
            assert stored_partition(store) == expected
            ids = story_of(store)
            restory(store)
            assert stored_partition(store) == expected and story_of(store) == ids
    assert len(expected) < len(demo_articles)  # several multi-article stories
    del gold, bcubed


def _plain(aid: str, text: str, published: str, names=("Mahmoud Abbas",)) -> Article:
    """An article without coded events: only text overlap and shared entities link it."""
    art = Article(id=aid, raw=text, text=text, title=None, outlet=f"{aid}.example", published=published)
    art.entities = [Entity(0, 1, text[0], type="PERSON", name_en=n, kb_id=n.lower()) for n in names]
    art.content_hash()
    return art


_WORDS = ("وقال المتحدث إن الاجتماع بحث سبل التعاون الاقتصادي بين البلدين وتطوير العلاقات الثنائية "
          "في مجالات الطاقة والتجارة والاستثمار وأكد الجانبان أهمية مواصلة التنسيق").split()
_OTHER = ("وأضاف البيان أن الوفد زار المستشفى الميداني واطلع على أوضاع الجرحى وحاجات القطاع "
          "الصحي من الأدوية والمعدات الطبية وسيارات الإسعاف والوقود للمولدات").split()


def test_a_story_that_gains_an_article_keeps_its_id(store):
    text = " ".join(_WORDS)
    add_articles(store, [_plain("m2", text, "2025-03-01")])
    (first,) = store.story_records()
    assert first["id"] == story_id_for(["m2"])
    # A copy whose id sorts first joins it: a fresh build would name the story after it.
    add_articles(store, [_plain("m1", text + " نقلا عن وكالة.", "2025-03-02")])
    (story,) = store.story_records()
    assert story["article_ids"] == ["m1", "m2"] and story["id"] == first["id"]


def test_a_bridging_article_merges_two_stories_and_the_larger_keeps_its_id(store):
    left, right = " ".join(_WORDS), " ".join(_OTHER)
    add_articles(store, [_plain("q1", right, "2025-03-01")])
    add_articles(store, [_plain("p1", left, "2025-03-02"), _plain("p2", left + " نقلا عن وكالة.", "2025-03-02")])
    before = {tuple(s["article_ids"]): s["id"] for s in store.story_records()}
    assert set(before) == {("p1", "p2"), ("q1",)}
    update = add_articles(store, [_plain("b1", left + " " + right, "2025-03-03")])
    (merged,) = store.story_records()
    assert merged["article_ids"] == ["b1", "p1", "p2", "q1"]
    assert merged["id"] == before[("p1", "p2")]  # the larger story, though the other is older
    assert update.removed == 1 and store.count_stories() == 1
    assert store.story_record(before[("q1",)]) is None
    assert stored_partition(store) == full(list(store.iter_articles()))


def test_a_changed_article_leaves_its_story(store):
    left, right = " ".join(_WORDS), " ".join(_OTHER)
    add_articles(store, [_plain("c1", left, "2025-03-01"), _plain("c2", left + " نقلا عن وكالة.", "2025-03-01")])
    (story,) = store.story_records()
    changed = _plain("c2", right, "2025-03-01")
    update = add_articles(store, [changed])
    assert update.clustered == 1
    assert stored_partition(store) == [["c1"], ["c2"]]
    assert story_of(store)["c1"] == story["id"]


def test_naming_gain_merge_split_and_new():
    prev = {"a": "s1", "b": "s1", "c": "s2", "d": "s3", "e": "s3", "f": "s3"}
    pub = dict.fromkeys(prev, "2025-01-01")
    # c's story (s2) is absorbed by the larger s1; s3 splits: the bigger part keeps it.
    names = name_groups([["a", "b", "c", "n"], ["d"], ["e", "f"], ["x"]], prev, pub)
    assert names[0] == "s1" and names[2] == "s3"
    assert names[1] == story_id_for(["d"]) and names[3] == story_id_for(["x"])
    # Equal sizes: the older story keeps its id.
    names = name_groups([["a", "c"]], {"a": "s9", "c": "s2"}, {"a": "2025-02-01", "c": "2025-01-01"})
    assert names == ["s2"]
    # A fresh id never repeats one that a kept story holds.
    names = name_groups([["a"], ["b"]], {"b": story_id_for(["a"])}, {})
    assert names[1] == story_id_for(["a"]) and names[0] != names[1]


def test_an_interrupted_update_is_finished_by_the_next(store, seed_articles):
    store.save_articles(copy.deepcopy(seed_articles[:2]))  # saved, then the process stopped
    assert store.unclustered_ids() == sorted(a.id for a in seed_articles[:2])
    update_stories(store)
    assert store.unclustered_ids() == []
    add_articles(store, copy.deepcopy(seed_articles[2:]))
    assert stored_partition(store) == full(seed_articles)


def test_a_database_from_before_the_cluster_index_is_recomputed_once(seed_articles, db_path):
    with Store(db_path) as store:
        ingest_batches(store, [seed_articles[:3]])
    con = sqlite3.connect(db_path)   # as a database of schema version 2 would be
    for table in ("cluster_buckets", "cluster_blocks", "cluster_articles"):
        con.execute(f"DELETE FROM {table}")
    con.commit()
    con.close()
    with Store(db_path) as store:
        assert len(store.unclustered_ids()) == 3
        update = add_articles(store, copy.deepcopy(seed_articles[3:]))
        assert update.full and store.unclustered_ids() == []
        assert stored_partition(store) == full(seed_articles)


def test_cluster_index_look_ups(db):
    from marsad.store.cluster_index import ClusterEntry

    with open_store(db) as store:
        store.save_articles([_plain(a, "نص", "2025-01-01") for a in ("a", "b", "c", "d")])
        store.save_cluster_entries([
            ClusterEntry("a", "a", b"\x01" * 8, [("actor\x1fx", 10)], [5, -7]),
            ClusterEntry("b", "a", b"\x02" * 8, [("actor\x1fx", 14)], [-7]),
            ClusterEntry("c", "c", None, [("actor\x1fx", None)], [2**62]),
            ClusterEntry("d", "d", b"\x03" * 8, [("actor\x1fy", 11)], []),
        ])
        assert sorted(store.block_members("actor\x1fx", 9, 13)) == ["a"]
        assert store.block_head("actor\x1fx", 2) == ["a", "b"]
        assert store.block_head("actor\x1fx", 5) == ["a", "b", "c"]
        assert store.block_undated("actor\x1fx") == ["c"]
        assert store.bucket_members([-7]) == {"a", "b"} and store.bucket_members([2**62]) == {"c"}
        assert store.component_members(["a"]) == {"a", "b"}
        assert store.unclustered_ids() == ["c"]
        entries = store.cluster_entries(["a", "c", "zz"])
        assert entries["a"].signature == b"\x01" * 8 and entries["c"].signature is None
        assert set(entries) == {"a", "c"}
        store.save_cluster_entries([ClusterEntry("a", "z", b"\x04" * 8, [], [9])])
        assert store.bucket_members([5]) == set() and store.block_members("actor\x1fx", 0, 99) == ["b"]
        store.delete_article("b")
        assert store.component_members(["a"]) == set() and store.bucket_members([-7]) == set()


def test_pending_articles_are_found_through_their_own_index(db_path, seed_articles):
    """``save_articles`` gives a new or changed article an entry without a signature,
    so that an update finds the batch without reading the archive; the articles with no
    entry at all (a database from before schema 5) are still found."""
    with Store(db_path) as store:
        ingest_batches(store, [seed_articles[:3]])
        assert store.unclustered_ids() == [] and store.has_clustered_articles()
        store.save_articles(copy.deepcopy(seed_articles[3:5]))
        assert store.unclustered_ids() == sorted(a.id for a in seed_articles[3:5])
        assert store.count_cluster_entries() == store.count_articles() == 5
        plan = " ".join(r[-1] for r in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT article_id FROM cluster_articles WHERE signature IS NULL "
            "ORDER BY article_id"))
        assert "cluster_articles_pending" in plan, plan
        # An article saved by schema 4 without an entry (its update interrupted) gets one.
        store.db.execute("DELETE FROM cluster_articles WHERE article_id = ?", (seed_articles[0].id,))
        store.db.execute("DROP INDEX cluster_articles_pending")
        store.db.execute("PRAGMA user_version = 4")
        store.db.commit()
    with Store(db_path) as store:
        # schema 5 gives it its waiting entry; schema 6 (new blocking rules) then makes
        # every article wait for a full recompute
        assert store.unclustered_ids() == sorted(a.id for a in seed_articles[:5])
        assert update_stories(store).full
        assert store.unclustered_ids() == [] and stored_partition(store) == full(seed_articles[:5])


def test_saving_cluster_entries_writes_only_what_changed(db_path):
    from marsad.store.cluster_index import ClusterEntry

    with Store(db_path) as store:
        store.save_articles([_plain(a, "نص", "2025-01-01") for a in ("a", "b")])
        entries = [ClusterEntry("a", "a", b"\x01" * 8, [("actor\x1fx", 10), ("actor\x1fy", None)], [5, -7]),
                   ClusterEntry("b", "a", b"\x02" * 8, [("actor\x1fx", 14)], [-7, 3])]
        store.save_cluster_entries(entries)
        before = store.db.total_changes
        store.save_cluster_entries([ClusterEntry(e.article_id, e.component, e.signature,
                                                 list(reversed(e.blocks)), list(reversed(e.buckets)))
                                    for e in entries])
        assert store.db.total_changes == before           # the same entries: nothing written
        store.save_cluster_entries([ClusterEntry("b", "b", b"\x02" * 8, [("actor\x1fx", 14)], [-7, 3])])
        assert store.db.total_changes == before + 1       # only b's component
        store.save_cluster_entries([ClusterEntry("b", "b", b"\x02" * 8, [("actor\x1fx", 15)], [-7, 3])])
        assert store.db.total_changes == before + 3       # b's block: deleted and written again
        assert store.block_members("actor\x1fx", 15, 15) == ["b"] and store.bucket_members([3]) == {"b"}
        assert store.component_members(["a"]) == {"a"} and store.component_members(["b"]) == {"b"}


def test_an_update_reads_no_table_in_full(seed_articles, db_path):
    """Saving a batch and updating its stories looks everything up through an index:
    no statement reads a whole table or index (the plans of all the SQL it runs)."""
    with Store(db_path) as store:
        ingest_batches(store, [seed_articles[:3]])
        statements: list[str] = []
        store.db.set_trace_callback(statements.append)
        update = add_articles(store, copy.deepcopy(seed_articles[3:]))
        store.db.set_trace_callback(None)
        assert update.clustered == len(seed_articles) - 3 and not update.full
        full_reads = []
        for sql in statements:
            if not sql.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE")):
                continue
            for row in store.db.execute("EXPLAIN QUERY PLAN " + sql):
                detail = row[-1]
                if not detail.startswith("SCAN "):
                    continue
                if "cluster_articles_pending" in detail or " LIMIT 1" in sql:
                    continue   # the waiting entries' own index; an existence test
                if "VIRTUAL TABLE INDEX" in detail and not detail.endswith(":"):
                    continue   # FTS5 by rowid
                full_reads.append((detail, sql[:120]))
        assert statements and not full_reads, full_reads
        assert stored_partition(store) == full(seed_articles)


def test_a_database_clustered_under_older_blocking_rules_is_recomputed(seed_articles, db_path):
    """Migration 6 marks every article unclustered: the next ingest recomputes all stories
    under today's blocks instead of looking up blocks that older rules built."""
    from marsad.store.sqlite import MIGRATIONS

    with Store(db_path) as store:
        ingest_batches(store, [seed_articles[:3]])
        assert store.has_clustered_articles()
    # the database as a release before migration 6 left it
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        assert not store.has_clustered_articles()
        assert store.unclustered_ids() == sorted(a.id for a in seed_articles[:3])
        update = add_articles(store, copy.deepcopy(seed_articles[3:]))
        assert update.full
        assert stored_partition(store) == full(seed_articles)
        assert store.has_clustered_articles()
