"""The PostgreSQL store: the same methods as the SQLite store (``marsad.store.sqlite``),
for several analysts on one server. Selected by a ``postgresql://`` database URL.

Records are kept as the same JSON text as in SQLite, so exports are byte for byte
alike. Search uses PostgreSQL full-text search with the ``simple`` configuration
(no stemming, lower-cased) over the same normalized text SQLite's FTS5 indexes:
title, body and the English and Arabic names of the linked entities, every query
word matched as a prefix (``word:*``), ranked by ``ts_rank``; snippets come from
``ts_headline``. The schema is migrated under an advisory lock, so several
processes may open a new database at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from marsad.model import Article, Story
from marsad.store.sqlite import _json
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
]

_MIGRATION_LOCK = 0x6D617273  # any constant: the advisory lock key of Marsad's migrations
_WORD = re.compile(r"\w+")


def _date_filters(column: str, date_from: str | None, date_to: str | None) -> tuple[list[str], list]:
    """As SQLite's: ``date_to`` may be coarser (2025-02 includes all of February)."""
    where: list[str] = []
    args: list = []
    if date_from:
        where.append(f"{column} >= %s")
        args.append(date_from)
    if date_to:
        where.append(f"substr({column}, 1, length(%s::text)) <= %s")
        args += [date_to, date_to]
    return where, args


def _actor_filters(country: str | None, actor: str | None) -> tuple[list[str], list]:
    where: list[str] = []
    args: list = []
    if country:
        where.append("(actor1_country = %s OR actor2_country = %s)")
        args += [country.upper(), country.upper()]
    if actor:
        # ILIKE: SQLite's LIKE ignores the case of ASCII letters
        where.append("(actor1_key = %s OR actor2_key = %s OR actor1_name ILIKE %s OR actor2_name ILIKE %s)")
        args += [actor, actor, f"%{actor}%", f"%{actor}%"]
    return where, args


def prefix_query(query: str) -> str | None:
    """The tsquery text for ``query``: every normalized word as a prefix, all required."""
    words = _WORD.findall(normalize_key(query))
    return " & ".join(f"{w}:*" for w in words) if words else None


class PostgresStore:
    """A Marsad database on a PostgreSQL server. Use as a context manager or call ``close()``."""

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise RuntimeError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from exc
        self.path = url
        try:
            self.db = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise ConnectionError(f"cannot connect to {without_password(url)} ({exc})".strip()) from None
        self.migrate()

    # -- plumbing -----------------------------------------------------------
    def _rows(self, sql: str, args: Iterable = ()) -> list[dict]:
        from psycopg.rows import dict_row

        with self.db.cursor(row_factory=dict_row) as cur:
            cur.execute(sql, list(args))
            return cur.fetchall()

    def _one(self, sql: str, args: Iterable = ()) -> dict | None:
        rows = self._rows(sql, args)
        return rows[0] if rows else None

    # -- schema -------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        row = self._one("SELECT to_regclass('marsad_schema') IS NOT NULL AS present")
        if not row["present"]:
            return 0
        return self._one("SELECT version FROM marsad_schema")["version"]

    def migrate(self) -> None:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", [_MIGRATION_LOCK])
            self.db.execute("CREATE TABLE IF NOT EXISTS marsad_schema (version INTEGER NOT NULL)")
            if self._one("SELECT count(*) AS n FROM marsad_schema")["n"] == 0:
                self.db.execute("INSERT INTO marsad_schema VALUES (0)")
            version = self.schema_version
            for number, script in enumerate(MIGRATIONS, 1):
                if number > version:
                    self.db.execute(script)
                    self.db.execute("UPDATE marsad_schema SET version = %s", [number])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- articles -----------------------------------------------------------
    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        rows = self._rows("SELECT id, content_hash FROM articles WHERE id = ANY(%s)", [list(ids)])
        return {r["id"]: r["content_hash"] for r in rows}

    def save_articles(self, articles: list[Article]) -> None:
        """Insert or replace a batch of annotated articles in one transaction."""
        with self.db.transaction():
            for art in articles:
                self._save_article(art)

    def _save_article(self, art: Article) -> None:
        rec = art.to_record()
        self.db.execute("DELETE FROM entities WHERE article_id = %s", [art.id])
        self.db.execute(
            f"""INSERT INTO articles (id, content_hash, url, outlet, published, title, author,
                                      story_id, source_path, record)
               VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
               ON CONFLICT (id) DO UPDATE SET content_hash=excluded.content_hash, url=excluded.url,
                 outlet=excluded.outlet, published=excluded.published, title=excluded.title,
                 author=excluded.author, story_id=excluded.story_id,
                 source_path=excluded.source_path, record=excluded.record, ingested_at={_NOW}""",
            [art.id, art.content_hash(), art.url, art.outlet, art.published, art.title, art.author,
             art.story_id, art.source_path, _json(rec)])
        if art.entities:
            with self.db.cursor() as cur:
                cur.executemany(
                    """INSERT INTO entities (article_id, start, "end", type, text, name_en, name_ar,
                                             kb_id, wikidata, country, role)
                       VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)""",
                    [(art.id, e.start, e.end, e.type, e.text, e.name_en, e.name_ar, e.kb_id, e.wikidata,
                      e.country, e.role) for e in art.entities])
        names = " ".join(sorted({n for e in art.entities for n in (e.name_en, e.name_ar) if n}))
        title, body = normalize_key(art.title or ""), normalize_key(art.text)
        self.db.execute(
            """INSERT INTO articles_search (article_id, body, document)
               VALUES (%s, %s, to_tsvector('simple', %s))
               ON CONFLICT (article_id) DO UPDATE SET body=excluded.body, document=excluded.document""",
            [art.id, body, f"{title}\n{body}\n{normalize_key(names)}"])

    def delete_article(self, article_id: str) -> None:
        with self.db.transaction():
            self.db.execute("DELETE FROM articles WHERE id = %s", [article_id])

    def count_articles(self, *, without_story: bool = False) -> int:
        """All articles, or (``without_story``) those not yet in any story."""
        where = " WHERE story_id IS NULL" if without_story else ""
        return self._one("SELECT count(*) AS n FROM articles" + where)["n"]

    def iter_articles(self, story_id: str | None = None) -> Iterator[Article]:
        if story_id:
            rows = self._rows("SELECT record FROM articles WHERE story_id = %s ORDER BY published NULLS FIRST, id",
                              [story_id])
        else:
            rows = self._rows("SELECT record FROM articles ORDER BY published NULLS FIRST, id")
        for row in rows:
            yield Article.from_record(json.loads(row["record"]))

    def article_record(self, article_id: str) -> dict | None:
        row = self._one("SELECT record, story_id FROM articles WHERE id = %s", [article_id])
        if not row:
            return None
        rec = json.loads(row["record"])
        rec["story_id"] = row["story_id"]
        return rec

    def article_records(self, *, story_id: str | None = None, outlet: str | None = None,
                        limit: int | None = None, offset: int = 0) -> list[dict]:
        where, args = [], []
        if story_id:
            where.append("story_id = %s")
            args.append(story_id)
        if outlet:
            where.append("outlet = %s")
            args.append(outlet)
        sql = "SELECT record, story_id FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published DESC NULLS LAST, id"   # SQLite puts NULL last in DESC
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            args += [limit, offset]
        out = []
        for row in self._rows(sql, args):
            rec = json.loads(row["record"])
            rec["story_id"] = row["story_id"]
            out.append(rec)
        return out

    # -- stories and their events ------------------------------------------
    def replace_stories(self, stories: list[Story], articles: list[Article]) -> None:
        """Store the full set of stories and each article's story, in one transaction."""
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
                # the last event of an id wins, as SQLite's INSERT OR REPLACE
                event_rows[ev_id] = (
                    ev_id, st.id, ev.type, ev.mode, ev.cameo,
                    (a1.name_en or a1.name_ar) if a1 else None, a1.country if a1 else None,
                    a1.key if a1 else None,
                    (a2.name_en or a2.name_ar) if a2 else None, a2.country if a2 else None,
                    a2.key if a2 else None,
                    ev.date, ev.location, ev.modality, int(ev.main), len(ev.article_ids), _json(ev_rec))
        with self.db.transaction(), self.db.cursor() as cur:
            cur.execute("DELETE FROM events")
            cur.execute("DELETE FROM stories")
            cur.executemany(
                """INSERT INTO stories (id, date, first_published, headline_ar, summary_en,
                    main_type, main_mode, n_articles, n_outlets, n_discrepancies, record)
                   VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)""", story_rows)
            cur.executemany(
                """INSERT INTO events (id, story_id, type, mode, cameo,
                    actor1_name, actor1_country, actor1_key, actor2_name, actor2_country,
                    actor2_key, date, location, modality, main, n_articles, record)
                   VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)""", list(event_rows.values()))
            cur.executemany("UPDATE articles SET story_id = %s, record = %s WHERE id = %s",
                            [(art.story_id, _json(art.to_record()), art.id) for art in articles])

    def story_records(self, *, date_from: str | None = None, date_to: str | None = None,
                      country: str | None = None, actor: str | None = None,
                      event_type: str | None = None, text: str | None = None,
                      limit: int | None = None, offset: int = 0) -> list[dict]:
        where, args = _date_filters("s.date", date_from, date_to)
        if event_type:
            where.append("s.main_type = %s")
            args.append(event_type.upper())
        event_where, event_args = _actor_filters(country, actor)
        if event_where:
            where.append("EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id AND "
                         + " AND ".join(event_where) + ")")
            args += event_args
        if text:
            ids = [r["article_id"] for r in self.search(text, limit=1000)]
            if not ids:
                return []
            where.append("s.id IN (SELECT story_id FROM articles WHERE id = ANY(%s))")
            args.append(ids)
        return self._records("SELECT s.record FROM stories s", where, args,
                             "s.date DESC NULLS LAST, s.n_articles DESC, s.id", limit, offset)

    def story_record(self, story_id: str) -> dict | None:
        row = self._one("SELECT record FROM stories WHERE id = %s", [story_id])
        return json.loads(row["record"]) if row else None

    def count_stories(self) -> int:
        return self._one("SELECT count(*) AS n FROM stories")["n"]

    def event_records(self, *, event_type: str | None = None, country: str | None = None,
                      actor: str | None = None, date_from: str | None = None,
                      date_to: str | None = None, story_id: str | None = None,
                      main_only: bool = False, limit: int | None = None, offset: int = 0) -> list[dict]:
        where, args = _date_filters("date", date_from, date_to)
        actor_where, actor_args = _actor_filters(country, actor)
        where += actor_where
        args += actor_args
        if event_type:
            where.append("type = %s")
            args.append(event_type.upper())
        if story_id:
            where.append("story_id = %s")
            args.append(story_id)
        if main_only:
            where.append("main = 1")
        return self._records("SELECT record FROM events", where, args,
                             "date NULLS FIRST, story_id, id", limit, offset)

    def _records(self, select: str, where: list[str], args: list, order: str,
                 limit: int | None, offset: int) -> list[dict]:
        sql = select + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            args = args + [limit, offset]
        return [json.loads(r["record"]) for r in self._rows(sql, args)]

    def event_counts(self, by: str = "type") -> list[dict]:
        """Event counts per month and type (``by='type'``) or per country pair (``by='pair'``)."""
        if by == "pair":
            sql = """SELECT substr(date, 1, 7) AS month, actor1_country || '-' || actor2_country AS key,
                            count(*)::int AS n FROM events
                     WHERE date IS NOT NULL AND actor1_country IS NOT NULL AND actor2_country IS NOT NULL
                     GROUP BY 1, 2 ORDER BY 1, 2"""
        else:
            sql = """SELECT substr(date, 1, 7) AS month, type AS key, count(*)::int AS n FROM events
                     WHERE date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"""
        return self._rows(sql)

    # -- actors -------------------------------------------------------------
    def actor_mentions(self, *, kb_id: str | None = None, name_en: str | None = None) -> list[dict]:
        if kb_id:
            return self._rows("SELECT * FROM entities WHERE kb_id = %s", [kb_id])
        return self._rows("SELECT * FROM entities WHERE name_en = %s", [name_en])

    def top_actors(self, limit: int = 50) -> list[dict]:
        # SQLite takes the other columns from any row of the group; here the smallest, to be definite.
        sql = """SELECT coalesce(kb_id, name_en) AS key, min(name_en) AS name_en, min(name_ar) AS name_ar,
                        min(kb_id) AS kb_id, min(type) AS type, min(country) AS country,
                        count(DISTINCT article_id)::int AS n_articles
                 FROM entities WHERE type IN ('PERSON', 'ORG') AND name_en IS NOT NULL
                 GROUP BY 1 ORDER BY n_articles DESC, name_en LIMIT %s"""
        return self._rows(sql, [limit])

    # -- search -------------------------------------------------------------
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
                      to_tsquery('simple', %s) q
                 WHERE f.document @@ q
                 ORDER BY ts_rank(f.document, q) DESC, f.article_id LIMIT %s"""
        return self._rows(sql, [tsquery, limit])

    # -- what `marsad watch` remembers ---------------------------------------
    def watch_state(self, source: str) -> dict | None:
        row = self._one("SELECT state FROM watch_state WHERE source = %s", [source])
        return json.loads(row["state"]) if row else None

    def save_watch_state(self, source: str, state: dict) -> None:
        self.db.execute(
            f"""INSERT INTO watch_state (source, state) VALUES (%s, %s)
               ON CONFLICT (source) DO UPDATE SET state = excluded.state, updated_at = {_NOW}""",
            [source, _json(state)])

    # -- queries for the web UI (as in SQLite's module) ---------------------
    def story_coverage(self, story_ids: list[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {sid: [] for sid in story_ids}
        sql = """SELECT story_id, substr(published, 1, 10) AS day, count(*)::int AS n FROM articles
                 WHERE story_id = ANY(%s) AND published IS NOT NULL
                 GROUP BY 1, 2 ORDER BY 1, 2"""
        for r in self._rows(sql, [list(story_ids)]):
            out[r["story_id"]].append({"day": r["day"], "n": r["n"]})
        return out

    def event_countries(self) -> list[str]:
        sql = """SELECT actor1_country AS c FROM events WHERE actor1_country IS NOT NULL
                 UNION SELECT actor2_country FROM events WHERE actor2_country IS NOT NULL ORDER BY c"""
        return [r["c"] for r in self._rows(sql)]

    def actor_event_rows(self, keys: list[str]) -> list[dict]:
        keys = list(dict.fromkeys(k for k in keys if k))
        if not keys:
            return []
        sql = """SELECT actor1_key, actor2_key, record FROM events
                 WHERE actor1_key = ANY(%s) OR actor2_key = ANY(%s) ORDER BY date NULLS FIRST, story_id, id"""
        return [{"actor1_key": r["actor1_key"], "actor2_key": r["actor2_key"],
                 "record": json.loads(r["record"])} for r in self._rows(sql, [keys, keys])]

    def actor_entity_rows(self, key: str) -> list[dict]:
        return self._rows("SELECT * FROM entities WHERE kb_id = %s OR wikidata = %s OR lower(name_en) = %s",
                          [key, key, key.lower()])

    def actor_key_for_name(self, name: str) -> str | None:
        sql = """SELECT actor1_key AS k FROM events WHERE actor1_name = %s AND actor1_key IS NOT NULL
                 UNION ALL SELECT actor2_key FROM events WHERE actor2_name = %s AND actor2_key IS NOT NULL
                 LIMIT 1"""
        row = self._one(sql, [name, name])
        return row["k"] if row else None

    def story_titles(self, story_ids: list[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {sid: [] for sid in story_ids}
        sql = """SELECT story_id, id, title, outlet, published FROM articles
                 WHERE story_id = ANY(%s) ORDER BY published NULLS FIRST, id"""
        for r in self._rows(sql, [list(story_ids)]):
            out[r["story_id"]].append({"id": r["id"], "title": r["title"], "outlet": r["outlet"],
                                       "published": r["published"]})
        return out


def without_password(url: str) -> str:
    """A database URL fit to print: its password, if any, hidden."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
