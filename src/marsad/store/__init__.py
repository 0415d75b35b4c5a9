"""Store: where annotated articles and their stories are kept.

SQLite is the embedded default (a file path); PostgreSQL (a ``postgresql://``
URL) is the second backend, with the same methods, for several analysts on one
server. ``open_store(target)`` picks the backend from the target.

Incremental stories (``marsad.stories.incremental``) need a second kind of
record per article, its *cluster entry* (``store.cluster_index.ClusterEntry``:
component, text signature, blocks with their day, LSH buckets; schema
migration 3, tables ``cluster_articles``, ``cluster_blocks``,
``cluster_buckets``). A backend implements, besides the article and story
methods:

- ``save_cluster_entries(entries)``: insert or replace these articles' entries
  (their old blocks and buckets go), in one transaction; only the rows that
  differ from the stored entry are written;
- ``replace_cluster_entries(entries)``: the whole index anew, after a full
  recompute, in one transaction;
- ``cluster_entries(ids) -> {id: ClusterEntry}``: component and signature of
  each id that has an entry (blocks and buckets not read back);
- ``unclustered_ids() -> [id]``: articles with no entry or a None signature,
  sorted. ``save_articles`` marks a new or changed article so (an entry with
  signature NULL, the article its own component if new; a changed one's
  blocks and buckets deleted, component and story kept: ``story_id`` is not
  overwritten with NULL), so an interrupted update is redone. The marked
  entries have their own partial index (migration 5, which also gives a marked
  entry to any article without one), so the look-up reads the batch, not the
  archive; articles with no entry at all are listed too while nothing is
  clustered (then the update is a full recompute);
- ``count_cluster_entries() -> int``; ``has_clustered_articles() -> bool``
  (an entry with a signature exists: if not, an update is a full recompute);
- ``block_members(block, day_from, day_to) -> [id]``: the block's articles with
  a day in the closed range;
- ``block_head(block, limit) -> [id]``: the block's first ``limit`` articles by
  (day, id), the ones without a day after them by id;
- ``block_undated(block) -> [id]``: the block's articles without a day;
- ``bucket_members(buckets) -> {id}`` and ``component_members(components) -> {id}``;
- ``articles_by_id(ids) -> [Article]``: sorted by id, ``story_id`` from the
  articles table;
- ``update_stories(stories, articles, removed)``: delete the stories
  ``removed`` and those of ``stories`` (with their events), insert ``stories``,
  save the articles' story and record, in one transaction.

Deleting an article deletes its entry (foreign keys ON DELETE CASCADE).
``PostgresStore`` inherits all of these from ``Store`` (portable SQL) and only
spells the column types of migration 3 its own way.
"""

from __future__ import annotations

from pathlib import Path

from marsad.store.sqlite import Store, default_db_path

__all__ = ["Store", "default_db_path", "is_postgres_url", "open_store"]


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def open_store(target: str | Path | None = None):
    """The store at ``target``: a ``postgresql://`` URL, else an SQLite file
    (default: $MARSAD_DB, else ./marsad.db)."""
    target = target or default_db_path()
    if is_postgres_url(target):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(str(target))
    return Store(target)
