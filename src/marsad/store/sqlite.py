"""The SQLite store, and the SQL both stores share (``postgres.py`` subclasses ``Store``).

Articles are stored as their contract records (JSON) plus the columns that
queries filter on; stories likewise. A versioned list of migrations brings any
older database up to date (``PRAGMA user_version``). Search uses FTS5 over the
normalized Arabic text, the title and the English names of linked entities, so
an English name finds the Arabic articles about that person.

The SQL outside the schema, the search index and ``search`` runs on PostgreSQL
as written, so write it portably: ``?`` marks, NULLS FIRST/LAST spelled out in
every ORDER BY of a nullable column, no INSERT OR REPLACE, every column of a
GROUP BY query grouped or aggregated, ``"end"`` quoted, timestamps from Python.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.model import Article, Story
from marsad.store.cluster_index import ClusterEntry
from marsad.text.normalize import normalize_key

# Shared with the PostgreSQL store, which names the column types its own way.
CLUSTER_INDEX_SCHEMA = """
    CREATE TABLE cluster_articles (
        article_id {text} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        component {text} NOT NULL,
        signature {blob}          -- NULL: the article changed since it was clustered
    );
    CREATE INDEX cluster_articles_component ON cluster_articles(component);
    CREATE TABLE cluster_blocks (
        block {text} NOT NULL,
        day INTEGER,
        article_id {text} NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX cluster_blocks_block ON cluster_blocks(block, day, article_id);
    CREATE INDEX cluster_blocks_article ON cluster_blocks(article_id);
    CREATE TABLE cluster_buckets (
        bucket {bigint} NOT NULL,
        article_id {text} NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX cluster_buckets_bucket ON cluster_buckets(bucket);
    CREATE INDEX cluster_buckets_article ON cluster_buckets(article_id);
"""

# Articles waiting for clustering: entries without a signature, with an index of their own.
# Since schema 5 every saved article has an entry (``_save_article``); the ones saved before
# it without one (an update interrupted) get a waiting entry here.
PENDING_INDEX = """
    CREATE INDEX cluster_articles_pending ON cluster_articles(article_id) WHERE signature IS NULL;
    INSERT INTO cluster_articles (article_id, component, signature)
        SELECT id, id, NULL FROM articles WHERE id NOT IN (SELECT article_id FROM cluster_articles);
"""

# The cluster index holds each article's blocks as the blocking rules of its day made them
# (stories/index.py). When those rules change, a migration runs this: every article waits
# for clustering again, so the next update is a full recompute (``restory``) under the new
# rules instead of incremental look-ups in blocks the old rules built.
RECLUSTER_ALL = "UPDATE cluster_articles SET signature = NULL"

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        url TEXT, outlet TEXT, published TEXT, title TEXT, author TEXT,
        story_id TEXT,
        source_path TEXT,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        record TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        type TEXT NOT NULL, text TEXT NOT NULL,
        name_en TEXT, name_ar TEXT, kb_id TEXT, wikidata TEXT, country TEXT, role TEXT
    );
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX entities_kb ON entities(kb_id);
    CREATE INDEX entities_name ON entities(name_en);

    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        date TEXT, first_published TEXT,
        headline_ar TEXT, summary_en TEXT,
        main_type TEXT, main_mode TEXT,
        n_articles INTEGER NOT NULL, n_outlets INTEGER NOT NULL,
        n_discrepancies INTEGER NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX stories_date ON stories(date);

    -- Events merged per story (what `export events` and the API list).
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        type TEXT NOT NULL, mode TEXT, cameo TEXT,
        actor1_name TEXT, actor1_country TEXT, actor1_key TEXT,
        actor2_name TEXT, actor2_country TEXT, actor2_key TEXT,
        date TEXT, location TEXT, modality TEXT, main INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX events_story ON events(story_id);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        article_id UNINDEXED, title, body, names, tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
    # 2: what `marsad watch` remembers of each feed and folder (JSON: validators, seen items, files)
    """
    CREATE TABLE watch_state (
        source TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    """,
    # 3: the cluster index, what incremental stories need of each article (store/cluster_index.py)
    CLUSTER_INDEX_SCHEMA.format(text="TEXT", blob="BLOB", bigint="INTEGER"),
    # 4: each article's row of the search index, so that re-indexing or deleting an article
    # finds it by key (articles_fts.article_id is not indexed: finding it there reads every
    # row, which made each saved article cost a pass over the whole archive). The FTS5 rowid
    # is stable (VACUUM keeps it), unlike the articles table's implicit one.
    """
    CREATE TABLE articles_fts_keys (
        article_id TEXT PRIMARY KEY,
        fts_rowid INTEGER NOT NULL
    );
    INSERT INTO articles_fts_keys (article_id, fts_rowid)
        SELECT article_id, max(rowid) FROM articles_fts GROUP BY article_id;
    DELETE FROM articles_fts WHERE rowid NOT IN (SELECT fts_rowid FROM articles_fts_keys);
    """,
    # 5: the articles waiting for clustering (entries without a signature), found without
    # reading the whole cluster index (shared with the PostgreSQL store)
    PENDING_INDEX,
    # 6: blocking rules changed (an actor's country is a block too; undated articles'
    # day clues): recluster everything on the next update
    RECLUSTER_ALL,
    # 7: blocking rules changed (the people a lead names are in their actor blocks too, and
    # the countries it names in theirs for a main event without actors)
    RECLUSTER_ALL,
]


BUSY_TIMEOUT_S = 60.0


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _chunked(items: list, size: int = 500) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(items: list) -> str:
    return ",".join("?" * len(items))


def _block_order(block: tuple[str, int | None]) -> tuple:
    return block[0], block[1] is not None, block[1] or 0


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _date_filters(column: str, date_from: str | None, date_to: str | None) -> tuple[list[str], list]:
    """Conditions for a date range; ``date_to`` may be coarser (2025-02 includes all of February)."""
    where: list[str] = []
    args: list = []
    if date_from:
        where.append(f"{column} >= ?")
        args.append(date_from)
    if date_to:
        where.append(f"substr({column}, 1, length(CAST(? AS TEXT))) <= ?")
        args += [date_to, date_to]
    return where, args


def _actor_filters(country: str | None, actor: str | None) -> tuple[list[str], list]:
    """Conditions on the events table: an actor of this country, or this actor (key or
    part of its name, ASCII case ignored)."""
    where: list[str] = []
    args: list = []
    if country:
        where.append("(actor1_country = ? OR actor2_country = ?)")
        args += [country.upper(), country.upper()]
    if actor:
        where.append("(actor1_key = ? OR actor2_key = ? OR lower(actor1_name) LIKE lower(?) "
                     "OR lower(actor2_name) LIKE lower(?))")
        args += [actor, actor, f"%{actor}%", f"%{actor}%"]
    return where, args


class Store:
    """A Marsad database. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # A writer (ingest, watch) and the server's readers share the file: readers never wait
        # in WAL mode, and a second writer waits up to BUSY_TIMEOUT_S for its turn.
        self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
        self.db.row_factory = sqlite3.Row
        if self.path != ":memory:":
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.migrate()

    # -- schema -------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        version = self.schema_version
        for number, script in enumerate(MIGRATIONS, 1):
            if number <= version:
                continue
            with self.db:
                self.db.executescript("BEGIN;" + script + f"; PRAGMA user_version = {number};")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- articles -----------------------------------------------------------
    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = f"SELECT id, content_hash FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            out.update({r["id"]: r["content_hash"] for r in self.db.execute(q, chunk)})
        return out

    def save_articles(self, articles: list[Article]) -> None:
        """Insert or replace a batch of annotated articles in one transaction."""
        with self.db:
            for art in articles:
                self._save_article(art)

    def _save_article(self, art: Article) -> None:
        rec = art.to_record()
        self.db.execute("DELETE FROM entities WHERE article_id = ?", (art.id,))
        self.db.execute(
            """INSERT INTO articles (id, content_hash, url, outlet, published, title, author,
                                     story_id, source_path, ingested_at, record)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET content_hash=excluded.content_hash, url=excluded.url,
                 outlet=excluded.outlet, published=excluded.published, title=excluded.title,
                 author=excluded.author, story_id=coalesce(excluded.story_id, articles.story_id),
                 source_path=excluded.source_path, record=excluded.record,
                 ingested_at=excluded.ingested_at""",
            (art.id, art.content_hash(), art.url, art.outlet, art.published, art.title, art.author,
             art.story_id, art.source_path, utc_now(), _json(rec)))
        if art.entities:
            self.db.executemany(
                """INSERT INTO entities (article_id, start, "end", type, text, name_en, name_ar, kb_id,
                                         wikidata, country, role) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                [(art.id, e.start, e.end, e.type, e.text, e.name_en, e.name_ar, e.kb_id, e.wikidata,
                  e.country, e.role) for e in art.entities])
        # A new or changed article waits for clustering: an entry without a signature (a new
        # one is its own component; a changed one keeps its component and story until then).
        self.db.execute("INSERT INTO cluster_articles (article_id, component, signature) VALUES (?, ?, NULL) "
                        "ON CONFLICT(article_id) DO UPDATE SET signature = NULL", (art.id, art.id))
        self.db.execute("DELETE FROM cluster_blocks WHERE article_id = ?", (art.id,))
        self.db.execute("DELETE FROM cluster_buckets WHERE article_id = ?", (art.id,))
        names = " ".join(sorted({n for e in art.entities for n in (e.name_en, e.name_ar) if n}))
        self._index_article(art.id, normalize_key(art.title or ""), normalize_key(art.text),
                            normalize_key(names))

    def _index_article(self, article_id: str, title: str, body: str, names: str) -> None:
        """(Re)index an article's normalized title, body and entity names for ``search``."""
        self._unindex_article(article_id)
        cur = self.db.execute("INSERT INTO articles_fts (article_id, title, body, names) VALUES (?,?,?,?)",
                              (article_id, title, body, names))
        self.db.execute("INSERT INTO articles_fts_keys (article_id, fts_rowid) VALUES (?, ?)",
                        (article_id, cur.lastrowid))

    def _unindex_article(self, article_id: str) -> None:
        """Remove an article from the search index: its row found through ``articles_fts_keys``."""
        row = self.db.execute("SELECT fts_rowid FROM articles_fts_keys WHERE article_id = ?",
                              (article_id,)).fetchone()
        if row:
            self.db.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
            self.db.execute("DELETE FROM articles_fts_keys WHERE article_id = ?", (article_id,))

    def delete_article(self, article_id: str) -> None:
        with self.db:
            self._unindex_article(article_id)
            self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def count_articles(self, *, without_story: bool = False) -> int:
        """All articles, or (``without_story``) those not yet in any story."""
        where = " WHERE story_id IS NULL" if without_story else ""
        return self.db.execute("SELECT count(*) FROM articles" + where).fetchone()[0]

    def iter_articles(self, story_id: str | None = None) -> Iterator[Article]:
        if story_id:
            rows = self.db.execute("SELECT record, story_id FROM articles WHERE story_id = ? "
                                   "ORDER BY published NULLS FIRST, id", (story_id,))
        else:
            rows = self.db.execute("SELECT record, story_id FROM articles ORDER BY published NULLS FIRST, id")
        for row in rows:
            art = Article.from_record(json.loads(row["record"]))
            art.story_id = row["story_id"]
            yield art

    def article_record(self, article_id: str) -> dict | None:
        row = self.db.execute("SELECT record, story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row:
            return None
        rec = json.loads(row["record"])
        rec["story_id"] = row["story_id"]
        return rec

    def article_records(self, *, story_id: str | None = None, outlet: str | None = None,
                        limit: int | None = None, offset: int = 0) -> list[dict]:
        where, args = [], []
        if story_id:
            where.append("story_id = ?")
            args.append(story_id)
        if outlet:
            where.append("outlet = ?")
            args.append(outlet)
        sql = "SELECT record, story_id FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published DESC NULLS LAST, id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        out = []
        for row in self.db.execute(sql, args):
            rec = json.loads(row["record"])
            rec["story_id"] = row["story_id"]
            out.append(rec)
        return out

    # -- stories and their events ------------------------------------------
    def replace_stories(self, stories: list[Story], articles: list[Article]) -> None:
        """Store the full set of stories and each article's story, in one transaction."""
        with self.db:
            self.db.execute("DELETE FROM events")
            self.db.execute("DELETE FROM stories")
            self._insert_stories(stories)
            self._update_article_stories(articles)

    def update_stories(self, stories: list[Story], articles: list[Article], removed: Iterable[str] = ()) -> None:
        """Replace some stories: delete the stories ``removed`` and those of ``stories``
        (with their events), insert ``stories``, and save each article's story and
        record, in one transaction. The other stories stay as they are."""
        gone = sorted(set(removed) | {st.id for st in stories})
        with self.db:
            for chunk in _chunked(gone):
                self.db.execute(f"DELETE FROM events WHERE story_id IN ({_marks(chunk)})", chunk)
                self.db.execute(f"DELETE FROM stories WHERE id IN ({_marks(chunk)})", chunk)
            self._insert_stories(stories)
            self._update_article_stories(articles)

    def _insert_stories(self, stories: list[Story]) -> None:
        story_rows, event_rows = [], {}
        for st in stories:
            main = st.main_event
            story_rows.append((st.id, st.date, st.first_published, st.headline_ar, st.summary_en,
                               main.type if main else None, main.mode if main else None,
                               len(st.article_ids), len(st.outlets), len(st.discrepancies),
                               _json(st.to_record())))
            for n, ev in enumerate(st.events):
                ev_rec = ev.to_record()
                ev_id = ev.id or f"{st.id}-e{n}"
                ev_rec["id"], ev_rec["story_id"] = ev_id, st.id
                a1, a2 = ev.actor1, ev.actor2
                event_rows[ev_id] = (   # the last event of an id wins
                    ev_id, st.id, ev.type, ev.mode, ev.cameo,
                    (a1.name_en or a1.name_ar) if a1 else None, a1.country if a1 else None,
                    a1.key if a1 else None,
                    (a2.name_en or a2.name_ar) if a2 else None, a2.country if a2 else None,
                    a2.key if a2 else None,
                    ev.date, ev.location, ev.modality, int(ev.main), len(ev.article_ids), _json(ev_rec))
        if story_rows:
            self.db.executemany(
                """INSERT INTO stories (id, date, first_published, headline_ar, summary_en,
                    main_type, main_mode, n_articles, n_outlets, n_discrepancies, record)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?)""", story_rows)
        if event_rows:
            self.db.executemany(
                """INSERT INTO events (id, story_id, type, mode, cameo,
                    actor1_name, actor1_country, actor1_key, actor2_name, actor2_country,
                    actor2_key, date, location, modality, main, n_articles, record)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", list(event_rows.values()))

    def _update_article_stories(self, articles: list[Article]) -> None:
        if articles:
            self.db.executemany("UPDATE articles SET story_id = ?, record = ? WHERE id = ?",
                                [(art.story_id, _json(art.to_record()), art.id) for art in articles])

    def articles_by_id(self, ids: Iterable[str]) -> list[Article]:
        """The stored articles of ``ids`` (unknown ids are left out), sorted by id,
        with the story they are in."""
        ids = sorted(set(ids))
        out: list[Article] = []
        for chunk in _chunked(ids):
            for row in self.db.execute(f"SELECT record, story_id FROM articles WHERE id IN ({_marks(chunk)})",
                                       chunk):
                art = Article.from_record(json.loads(row["record"]))
                art.story_id = row["story_id"]
                out.append(art)
        return sorted(out, key=lambda a: a.id)

    # -- the cluster index (store/cluster_index.py) ---------------------------
    def save_cluster_entries(self, entries: list[ClusterEntry]) -> None:
        """Insert or replace the cluster entries of these articles, in one transaction.

        Only what differs from the stored entries is written: an update re-saves every
        article it clustered again, and most keep their blocks and buckets (the buckets
        follow the signature) and often their component. The bucket index is keyed by
        random integers, so each row written there dirties a page of its own; rewriting
        unchanged rows made an update write (and checkpoint) pages in proportion to the
        articles it looked at, several times more than it changed."""
        entries = list({e.article_id: e for e in entries}.values())
        with self.db:
            stored = self._stored_cluster_entries([e.article_id for e in entries])
            rows, blocks, buckets = [], [], []
            for e in entries:
                old = stored.get(e.article_id)
                if old is None or (old.component, old.signature) != (e.component, e.signature):
                    rows.append(e)
                if old is None or sorted(old.blocks, key=_block_order) != sorted(e.blocks, key=_block_order):
                    blocks.append(e)
                if old is None or sorted(old.buckets) != sorted(e.buckets):
                    buckets.append(e)
            for chunk in _chunked([e.article_id for e in blocks]):
                self.db.execute(f"DELETE FROM cluster_blocks WHERE article_id IN ({_marks(chunk)})", chunk)
            for chunk in _chunked([e.article_id for e in buckets]):
                self.db.execute(f"DELETE FROM cluster_buckets WHERE article_id IN ({_marks(chunk)})", chunk)
            self._insert_cluster_rows(rows, replace=True)
            self._insert_cluster_blocks(blocks)
            self._insert_cluster_buckets(buckets)

    def _stored_cluster_entries(self, ids: list[str]) -> dict[str, ClusterEntry]:
        """The stored entries of ``ids``, blocks and buckets included."""
        out = self.cluster_entries(ids)
        for chunk in _chunked(sorted(out)):
            marks = _marks(chunk)
            for r in self.db.execute(f"SELECT article_id, block, day FROM cluster_blocks "
                                     f"WHERE article_id IN ({marks})", chunk):
                out[r["article_id"]].blocks.append((r["block"], r["day"]))
            for r in self.db.execute(f"SELECT article_id, bucket FROM cluster_buckets "
                                     f"WHERE article_id IN ({marks})", chunk):
                out[r["article_id"]].buckets.append(r["bucket"])
        return out

    def replace_cluster_entries(self, entries: Iterable[ClusterEntry]) -> None:
        """The whole cluster index anew (after a full recompute), in one transaction."""
        with self.db:
            for table in ("cluster_buckets", "cluster_blocks", "cluster_articles"):
                self.db.execute(f"DELETE FROM {table}")
            self._insert_cluster_entries(list(entries), replace=False)

    def _insert_cluster_entries(self, entries: list[ClusterEntry], replace: bool) -> None:
        for chunk in _chunked(entries, 2000):
            self._insert_cluster_rows(chunk, replace)
            self._insert_cluster_blocks(chunk)
            self._insert_cluster_buckets(chunk)

    def _insert_cluster_rows(self, entries: list[ClusterEntry], replace: bool) -> None:
        upsert = (" ON CONFLICT(article_id) DO UPDATE SET component = excluded.component, "
                  "signature = excluded.signature") if replace else ""
        if entries:
            self.db.executemany("INSERT INTO cluster_articles (article_id, component, signature) "
                                "VALUES (?, ?, ?)" + upsert,
                                [(e.article_id, e.component, e.signature) for e in entries])

    def _insert_cluster_blocks(self, entries: list[ClusterEntry]) -> None:
        blocks = [(b, d, e.article_id) for e in entries for b, d in e.blocks]
        if blocks:
            self.db.executemany("INSERT INTO cluster_blocks (block, day, article_id) VALUES (?, ?, ?)", blocks)

    def _insert_cluster_buckets(self, entries: list[ClusterEntry]) -> None:
        buckets = [(b, e.article_id) for e in entries for b in e.buckets]
        if buckets:
            self.db.executemany("INSERT INTO cluster_buckets (bucket, article_id) VALUES (?, ?)", buckets)

    def cluster_entries(self, ids: Iterable[str]) -> dict[str, ClusterEntry]:
        """The component and signature of each of ``ids`` that has an entry (blocks and
        buckets are not read back); the signature is None where the article changed."""
        ids = sorted(set(ids))
        out: dict[str, ClusterEntry] = {}
        for chunk in _chunked(ids):
            sql = f"SELECT article_id, component, signature FROM cluster_articles WHERE article_id IN ({_marks(chunk)})"
            for r in self.db.execute(sql, chunk):
                sig = r["signature"]
                out[r["article_id"]] = ClusterEntry(r["article_id"], r["component"],
                                                    bytes(sig) if sig is not None else None)
        return out

    def unclustered_ids(self) -> list[str]:
        """Articles saved (new or changed) since clustering last saw them, sorted.

        ``save_articles`` gives each of them an entry without a signature, found through
        a partial index without reading the archive. Where nothing is clustered yet (a
        new database, or one whose cluster index is empty: the update is then a full
        recompute anyway) every article without an entry is listed too."""
        if self.has_clustered_articles():
            sql = "SELECT article_id AS id FROM cluster_articles WHERE signature IS NULL ORDER BY article_id"
        else:
            sql = """SELECT a.id FROM articles a LEFT JOIN cluster_articles c ON c.article_id = a.id
                     WHERE c.article_id IS NULL OR c.signature IS NULL ORDER BY a.id"""
        return [r["id"] for r in self.db.execute(sql)]

    def count_cluster_entries(self) -> int:
        return self.db.execute("SELECT count(*) FROM cluster_articles").fetchone()[0]

    def has_clustered_articles(self) -> bool:
        """Whether any article has been clustered (has an entry with a signature)."""
        sql = "SELECT 1 FROM cluster_articles WHERE signature IS NOT NULL LIMIT 1"
        return self.db.execute(sql).fetchone() is not None

    def block_members(self, block: str, day_from: int, day_to: int) -> list[str]:
        """Articles of ``block`` whose day is in [day_from, day_to]."""
        sql = "SELECT article_id FROM cluster_blocks WHERE block = ? AND day >= ? AND day <= ?"
        return [r["article_id"] for r in self.db.execute(sql, (block, day_from, day_to))]

    def block_head(self, block: str, limit: int) -> list[str]:
        """The first ``limit`` articles of ``block``: by day, then id; those without a day
        last, by id."""
        sql = ("SELECT article_id FROM cluster_blocks WHERE block = ? AND day IS NOT NULL "
               "ORDER BY day, article_id LIMIT ?")
        head = [r["article_id"] for r in self.db.execute(sql, (block, limit))]
        if len(head) < limit:
            sql = ("SELECT article_id FROM cluster_blocks WHERE block = ? AND day IS NULL "
                   "ORDER BY article_id LIMIT ?")
            head += [r["article_id"] for r in self.db.execute(sql, (block, limit - len(head)))]
        return head

    def block_undated(self, block: str) -> list[str]:
        """Articles of ``block`` without a day."""
        sql = "SELECT article_id FROM cluster_blocks WHERE block = ? AND day IS NULL"
        return [r["article_id"] for r in self.db.execute(sql, (block,))]

    def bucket_members(self, buckets: Iterable[int]) -> set[str]:
        """Articles in any of ``buckets``."""
        buckets = sorted(set(buckets))
        out: set[str] = set()
        for chunk in _chunked(buckets):
            sql = f"SELECT DISTINCT article_id FROM cluster_buckets WHERE bucket IN ({_marks(chunk)})"
            out.update(r["article_id"] for r in self.db.execute(sql, chunk))
        return out

    def component_members(self, components: Iterable[str]) -> set[str]:
        """Articles in any of ``components``."""
        components = sorted(set(components))
        out: set[str] = set()
        for chunk in _chunked(components):
            sql = f"SELECT article_id FROM cluster_articles WHERE component IN ({_marks(chunk)})"
            out.update(r["article_id"] for r in self.db.execute(sql, chunk))
        return out

    def story_records(self, *, date_from: str | None = None, date_to: str | None = None,
                      country: str | None = None, actor: str | None = None,
                      event_type: str | None = None, text: str | None = None,
                      limit: int | None = None, offset: int = 0) -> list[dict]:
        where, args = _date_filters("s.date", date_from, date_to)
        if event_type:
            where.append("s.main_type = ?")
            args.append(event_type.upper())
        # Country and actor: any event of the story, not only the main one.
        event_where, event_args = _actor_filters(country, actor)
        if event_where:
            where.append("EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id AND "
                         + " AND ".join(event_where) + ")")
            args += event_args
        if text:
            ids = [r["article_id"] for r in self.search(text, limit=1000)]
            if not ids:
                return []
            where.append(f"s.id IN (SELECT story_id FROM articles WHERE id IN ({','.join('?' * len(ids))}))")
            args += ids
        return self._records("SELECT s.record FROM stories s", where, args,
                             "s.date DESC NULLS LAST, s.n_articles DESC, s.id", limit, offset)

    def story_record(self, story_id: str) -> dict | None:
        row = self.db.execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
        return json.loads(row["record"]) if row else None

    def count_stories(self) -> int:
        return self.db.execute("SELECT count(*) FROM stories").fetchone()[0]

    def event_records(self, *, event_type: str | None = None, country: str | None = None,
                      actor: str | None = None, date_from: str | None = None,
                      date_to: str | None = None, story_id: str | None = None,
                      main_only: bool = False, limit: int | None = None, offset: int = 0) -> list[dict]:
        where, args = _date_filters("date", date_from, date_to)
        actor_where, actor_args = _actor_filters(country, actor)
        where += actor_where
        args += actor_args
        if event_type:
            where.append("type = ?")
            args.append(event_type.upper())
        if story_id:
            where.append("story_id = ?")
            args.append(story_id)
        if main_only:
            where.append("main = 1")
        return self._records("SELECT record FROM events", where, args, "date NULLS FIRST, story_id, id",
                             limit, offset)

    def _records(self, select: str, where: list[str], args: list, order: str,
                 limit: int | None, offset: int) -> list[dict]:
        sql = select + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args = args + [limit, offset]
        return [json.loads(r[0]) for r in self.db.execute(sql, args)]

    def event_counts(self, by: str = "type") -> list[dict]:
        """Event counts per month and type (``by='type'``) or per country pair (``by='pair'``)."""
        if by == "pair":
            sql = """SELECT substr(date, 1, 7) AS month, actor1_country || '-' || actor2_country AS key,
                            count(*) AS n FROM events
                     WHERE date IS NOT NULL AND actor1_country IS NOT NULL AND actor2_country IS NOT NULL
                     GROUP BY month, key ORDER BY month, key"""
        else:
            sql = """SELECT substr(date, 1, 7) AS month, type AS key, count(*) AS n FROM events
                     WHERE date IS NOT NULL GROUP BY month, key ORDER BY month, key"""
        return [dict(r) for r in self.db.execute(sql)]

    # -- actors -------------------------------------------------------------
    def actor_mentions(self, *, kb_id: str | None = None, name_en: str | None = None) -> list[dict]:
        if kb_id:
            rows = self.db.execute("SELECT * FROM entities WHERE kb_id = ?", (kb_id,))
        else:
            rows = self.db.execute("SELECT * FROM entities WHERE name_en = ?", (name_en,))
        return [dict(r) for r in rows]

    def top_actors(self, limit: int = 50) -> list[dict]:
        # The other columns from the group's smallest values (one actor's mentions agree).
        sql = """SELECT coalesce(kb_id, name_en) AS key, min(name_en) AS name_en, min(name_ar) AS name_ar,
                        min(kb_id) AS kb_id, min(type) AS type, min(country) AS country,
                        count(DISTINCT article_id) AS n_articles
                 FROM entities WHERE type IN ('PERSON', 'ORG') AND name_en IS NOT NULL
                 GROUP BY coalesce(kb_id, name_en) ORDER BY n_articles DESC, name_en LIMIT ?"""
        return [dict(r) for r in self.db.execute(sql, (limit,))]

    # -- search -------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[dict]:
        """Full-text search: Arabic in any spelling (normalized), or English names."""
        terms = [t for t in normalize_key(query).replace('"', " ").split() if t]
        if not terms:
            return []
        match = " ".join(f'"{t}"*' for t in terms)
        sql = """SELECT f.article_id, a.title, a.outlet, a.published, a.story_id,
                        snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet
                 FROM articles_fts f JOIN articles a ON a.id = f.article_id
                 WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"""
        return [dict(r) for r in self.db.execute(sql, (match, limit))]


    # -- what `marsad watch` remembers ---------------------------------------
    def watch_state(self, source: str) -> dict | None:
        row = self.db.execute("SELECT state FROM watch_state WHERE source = ?", (source,)).fetchone()
        return json.loads(row["state"]) if row else None

    def save_watch_state(self, source: str, state: dict) -> None:
        with self.db:
            self.db.execute(
                """INSERT INTO watch_state (source, state, updated_at) VALUES (?, ?, ?)
                   ON CONFLICT(source) DO UPDATE SET state = excluded.state,
                     updated_at = excluded.updated_at""", (source, _json(state), utc_now()))


def default_db_path() -> str:
    import os

    return os.environ.get("MARSAD_DB") or "marsad.db"


# -- queries for the web UI ---------------------------------------------------
# Owned by the web UI (src/marsad/serve/); added to Store below so that all SQL
# stays in this module.

def _story_coverage(self: Store, story_ids: list[str]) -> dict[str, list[dict]]:
    """Articles per publication day for each story: {story_id: [{day, n}, ...]}."""
    out: dict[str, list[dict]] = {sid: [] for sid in story_ids}
    for i in range(0, len(story_ids), 500):
        chunk = story_ids[i:i + 500]
        sql = f"""SELECT story_id, substr(published, 1, 10) AS day, count(*) AS n FROM articles
                  WHERE story_id IN ({','.join('?' * len(chunk))}) AND published IS NOT NULL
                  GROUP BY story_id, day ORDER BY story_id, day"""
        for r in self.db.execute(sql, chunk):
            out[r["story_id"]].append({"day": r["day"], "n": r["n"]})
    return out


def _event_countries(self: Store) -> list[str]:
    """Every country code that an event's actor has, sorted."""
    sql = """SELECT actor1_country AS c FROM events WHERE actor1_country IS NOT NULL
             UNION SELECT actor2_country FROM events WHERE actor2_country IS NOT NULL ORDER BY c"""
    return [r["c"] for r in self.db.execute(sql)]


def _actor_event_rows(self: Store, keys: list[str]) -> list[dict]:
    """The events whose actor has one of ``keys`` (as in ``Actor.key``), with both actors'
    keys, so that counterparts can be linked: [{actor1_key, actor2_key, record}]."""
    keys = list(dict.fromkeys(k for k in keys if k))
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    sql = f"""SELECT actor1_key, actor2_key, record FROM events
              WHERE actor1_key IN ({marks}) OR actor2_key IN ({marks})
              ORDER BY date NULLS FIRST, story_id, id"""
    return [{"actor1_key": r["actor1_key"], "actor2_key": r["actor2_key"],
             "record": json.loads(r["record"])} for r in self.db.execute(sql, keys + keys)]


def _actor_entity_rows(self: Store, key: str) -> list[dict]:
    """Entity mentions of an actor known by any of its keys: knowledge-base id,
    Wikidata id or lower-cased English name (event actors are keyed by the latter two)."""
    sql = """SELECT * FROM entities WHERE kb_id = ? OR wikidata = ? OR lower(name_en) = ?"""
    return [dict(r) for r in self.db.execute(sql, (key, key, key.lower()))]


def _actor_key_for_name(self: Store, name: str) -> str | None:
    """The key of the event actor called ``name`` (English or Arabic), if any."""
    sql = """SELECT actor1_key AS k FROM events WHERE actor1_name = ? AND actor1_key IS NOT NULL
             UNION ALL SELECT actor2_key FROM events WHERE actor2_name = ? AND actor2_key IS NOT NULL
             LIMIT 1"""
    row = self.db.execute(sql, (name, name)).fetchone()
    return row["k"] if row else None


def _story_titles(self: Store, story_ids: list[str]) -> dict[str, list[dict]]:
    """Title, outlet and date of each story's articles, without loading their records."""
    out: dict[str, list[dict]] = {sid: [] for sid in story_ids}
    for i in range(0, len(story_ids), 500):
        chunk = story_ids[i:i + 500]
        sql = f"""SELECT story_id, id, title, outlet, published FROM articles
                  WHERE story_id IN ({','.join('?' * len(chunk))}) ORDER BY published NULLS FIRST, id"""
        for r in self.db.execute(sql, chunk):
            out[r["story_id"]].append({"id": r["id"], "title": r["title"], "outlet": r["outlet"],
                                       "published": r["published"]})
    return out


Store.story_coverage = _story_coverage
Store.event_countries = _event_countries
Store.actor_event_rows = _actor_event_rows
Store.actor_key_for_name = _actor_key_for_name
Store.actor_entity_rows = _actor_entity_rows
Store.story_titles = _story_titles
