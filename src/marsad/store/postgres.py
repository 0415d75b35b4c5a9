"""The PostgreSQL store: ``Store`` (``marsad.store.sqlite``) on a PostgreSQL server, for
several analysts on one server. Selected by a ``postgresql://`` database URL.

It runs the SQLite store's own (portable) SQL through a small connection adapter,
and differs only in the schema, the migrations and search. Records are kept as the
same JSON text as in SQLite, so exports are byte for byte alike. Search uses
PostgreSQL full-text search with the ``simple`` configuration (no stemming,
lower-cased) over the same normalized text that SQLite's FTS5 indexes: title,
body and the English and Arabic names of the linked entities, every query word
matched as a prefix (``word:*``), ranked by ``ts_rank``; snippets come from
``ts_headline``. The schema is migrated under an advisory lock, so several
processes may open a new database at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.store.sqlite import CLUSTER_INDEX_SCHEMA, PENDING_INDEX, RECLUSTER_ALL, Store
from marsad.text.normalize import normalize_key

_NOW = """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""

# Text compares by code point, as in SQLite, whatever the collation of the database.
TEXT = 'TEXT COLLATE "C"'

MIGRATIONS: list[str] = [
    # 1: the first schema (as SQLite's migration 1)
    f"""
    CREATE TABLE articles (
        id {TEXT} PRIMARY KEY,
        content_hash {TEXT} NOT NULL,
        url {TEXT}, outlet {TEXT}, published {TEXT}, title {TEXT}, author {TEXT},
        story_id {TEXT},
        source_path {TEXT},
        ingested_at {TEXT} NOT NULL DEFAULT {_NOW},
        record {TEXT} NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE entities (
        article_id {TEXT} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        type {TEXT} NOT NULL, text {TEXT} NOT NULL,
        name_en {TEXT}, name_ar {TEXT}, kb_id {TEXT}, wikidata {TEXT}, country {TEXT}, role {TEXT}
    );
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX entities_kb ON entities(kb_id);
    CREATE INDEX entities_name ON entities(name_en);

    CREATE TABLE stories (
        id {TEXT} PRIMARY KEY,
        date {TEXT}, first_published {TEXT},
        headline_ar {TEXT}, summary_en {TEXT},
        main_type {TEXT}, main_mode {TEXT},
        n_articles INTEGER NOT NULL, n_outlets INTEGER NOT NULL,
        n_discrepancies INTEGER NOT NULL,
        record {TEXT} NOT NULL
    );
    CREATE INDEX stories_date ON stories(date);

    CREATE TABLE events (
        id {TEXT} PRIMARY KEY,
        story_id {TEXT} NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        type {TEXT} NOT NULL, mode {TEXT}, cameo {TEXT},
        actor1_name {TEXT}, actor1_country {TEXT}, actor1_key {TEXT},
        actor2_name {TEXT}, actor2_country {TEXT}, actor2_key {TEXT},
        date {TEXT}, location {TEXT}, modality {TEXT}, main INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        record {TEXT} NOT NULL
    );
    CREATE INDEX events_story ON events(story_id);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);

    -- The normalized text that search reads (SQLite: the FTS5 table articles_fts).
    CREATE TABLE articles_search (
        article_id {TEXT} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        body {TEXT} NOT NULL,
        document TSVECTOR NOT NULL
    );
    CREATE INDEX articles_search_document ON articles_search USING GIN (document);
    """,
    # 2: what `marsad watch` remembers of each feed and folder
    f"""
    CREATE TABLE watch_state (
        source {TEXT} PRIMARY KEY,
        state {TEXT} NOT NULL,
        updated_at {TEXT} NOT NULL DEFAULT {_NOW}
    );
    """,
    # 3: the cluster index (as SQLite's migration 3)
    CLUSTER_INDEX_SCHEMA.format(text=TEXT, blob="BYTEA", bigint="BIGINT"),
    # 4: nothing here (SQLite's migration 4 keys its FTS5 search index; articles_search is
    # keyed by article_id already)
    "SELECT 1",
    # 5: the articles waiting for clustering (as SQLite's migration 5)
    PENDING_INDEX,
    # 6: blocking rules changed: recluster everything on the next update (as SQLite's 6)
    RECLUSTER_ALL,
    # 7: blocking rules changed again (as SQLite's 7)
    RECLUSTER_ALL,
]

_MIGRATION_LOCK = 0x6D617273  # any constant: the advisory lock key of Marsad's migrations
_WORD = re.compile(r"\w+")


def prefix_query(query: str) -> str | None:
    """The tsquery text for ``query``: every normalized word as a prefix, all required."""
    words = _WORD.findall(normalize_key(query))
    return " & ".join(f"{w}:*" for w in words) if words else None


class Row(dict):
    """A result row that, like ``sqlite3.Row``, is read by name or by position."""

    def __getitem__(self, key):
        if isinstance(key, int):
            return list(self.values())[key]
        return super().__getitem__(key)


def _row_factory(cursor):
    names = [c.name for c in cursor.description or []]
    return lambda values: Row(zip(names, values))


class Connection:
    """The part of ``sqlite3.Connection`` the store uses, on a psycopg connection:
    ``?`` marks, rows by name or position, ``with connection:`` as one transaction."""

    def __init__(self, conn):
        self.conn = conn
        self._transactions: list = []

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, args: Iterable = ()):
        return self.conn.execute(self._sql(sql), list(args))

    def executemany(self, sql: str, rows: Iterable) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(self._sql(sql), list(rows))

    def __enter__(self) -> Connection:
        transaction = self.conn.transaction()
        transaction.__enter__()
        self._transactions.append(transaction)
        return self

    def __exit__(self, *exc) -> None:
        self._transactions.pop().__exit__(*exc)

    def close(self) -> None:
        self.conn.close()


class PostgresStore(Store):
    """A Marsad database on a PostgreSQL server. Use as a context manager or call ``close()``."""

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency of the extras
            raise RuntimeError("PostgreSQL needs psycopg: pip install 'marsad[postgresql]'") from exc
        self.path = url
        try:
            conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.OperationalError as exc:
            raise ConnectionError(f"cannot connect to {without_password(url)} ({exc})".strip()) from None
        self.db = Connection(conn)
        self.migrate()

    # -- schema -------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        if not self.db.execute("SELECT to_regclass('marsad_schema') IS NOT NULL").fetchone()[0]:
            return 0
        return self.db.execute("SELECT version FROM marsad_schema").fetchone()[0]

    def migrate(self) -> None:
        with self.db:
            self.db.execute("SELECT pg_advisory_xact_lock(?)", [_MIGRATION_LOCK])
            self.db.execute("CREATE TABLE IF NOT EXISTS marsad_schema (version INTEGER NOT NULL)")
            if self.db.execute("SELECT count(*) FROM marsad_schema").fetchone()[0] == 0:
                self.db.execute("INSERT INTO marsad_schema VALUES (0)")
            version = self.schema_version
            for number, script in enumerate(MIGRATIONS, 1):
                if number > version:
                    self.db.conn.execute(script)
                    self.db.execute("UPDATE marsad_schema SET version = ?", [number])

    # -- search -------------------------------------------------------------
    def _index_article(self, article_id: str, title: str, body: str, names: str) -> None:
        self.db.execute(
            """INSERT INTO articles_search (article_id, body, document)
               VALUES (?, ?, to_tsvector('simple', ?))
               ON CONFLICT (article_id) DO UPDATE SET body=excluded.body, document=excluded.document""",
            [article_id, body, f"{title}\n{body}\n{names}"])

    def _unindex_article(self, article_id: str) -> None:
        pass   # the index row goes with its article (ON DELETE CASCADE)

    def search(self, query: str, limit: int = 50) -> list[dict]:
        """Full-text search: Arabic in any spelling (normalized), or English names."""
        tsquery = prefix_query(query)
        if not tsquery:
            return []
        sql = """SELECT f.article_id, a.title, a.outlet, a.published, a.story_id,
                        ts_headline('simple', f.body, q,
                                    'StartSel=[, StopSel=], MaxWords=12, MinWords=4, ShortWord=1, '
                                    'HighlightAll=false, MaxFragments=1, FragmentDelimiter=…') AS snippet
                 FROM articles_search f JOIN articles a ON a.id = f.article_id,
                      to_tsquery('simple', ?) q
                 WHERE f.document @@ q
                 ORDER BY ts_rank(f.document, q) DESC, f.article_id LIMIT ?"""
        return [dict(r) for r in self.db.execute(sql, [tsquery, limit])]


def without_password(url: str) -> str:
    """A database URL fit to print: its password, if any, hidden."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
