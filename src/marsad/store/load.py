"""``marsad load``: a folder of Parquet tables (what ``marsad spark --format parquet``
writes) into a store, in batches, without Spark (pyarrow reads the files).

The layout: ``articles/``, ``stories/`` and ``events/``, each a Parquet dataset
(a folder of part files). Every row carries the contract record as JSON text
(``record``) beside the columns that queries filter on; article rows also carry
the input's fingerprint (``content_hash``), so that a later ``marsad ingest`` of
the same inputs finds them unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from marsad.model import Article, Story

# Columns of each table (all strings but the counts); ``record`` is the contract record.
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "string"), ("story_id", "string"), ("url", "string"), ("outlet", "string"),
                 ("published", "string"), ("title", "string"), ("content_hash", "string"),
                 ("record", "string")],
    "stories": [("id", "string"), ("date", "string"), ("headline_ar", "string"),
                ("main_type", "string"), ("n_articles", "int"), ("n_outlets", "int"), ("record", "string")],
    "events": [("id", "string"), ("story_id", "string"), ("type", "string"), ("date", "string"),
               ("actor1_country", "string"), ("actor2_country", "string"), ("main", "boolean"),
               ("record", "string")],
}
BATCH = 200


@dataclass
class LoadReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    stories: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{len(self.errors)} rejected; {self.stories} stories")


def article_row(art: Article) -> tuple:
    rec = art.to_record()
    return (art.id, art.story_id, art.url, art.outlet, art.published, art.title, art.content_hash(),
            json.dumps(rec, ensure_ascii=False))


def story_row(story: Story) -> tuple:
    return (story.id, story.date, story.headline_ar, story.main_event.type if story.main_event else None,
            len(story.article_ids), len(story.outlets), json.dumps(story.to_record(), ensure_ascii=False))


def event_row(rec: dict) -> tuple:
    a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
    return (rec["id"], rec["story_id"], rec.get("type"), rec.get("date"), a1.get("country"),
            a2.get("country"), bool(rec.get("main")), json.dumps(rec, ensure_ascii=False))


def _dataset(folder: Path, table: str):
    import pyarrow.dataset as ds

    path = folder / table
    if not path.is_dir():
        raise FileNotFoundError(f"{folder}: no {table}/ folder (write one with `marsad spark --format parquet`)")
    return ds.dataset(str(path), format="parquet")


def load_parquet(store, folder: str | Path, *, report: Callable[[str], None] | None = None,
                 progress: bool = False) -> LoadReport:
    """Save the articles and stories of ``folder`` into ``store``. Idempotent: an
    article whose id and fingerprint are stored already is left as it is."""
    folder = Path(folder)
    result = LoadReport()
    articles = _dataset(folder, "articles")
    stories_data = _dataset(folder, "stories")

    def reject(message: str) -> None:
        result.errors.append(message)
        if report:
            report(message)

    bar = tqdm(total=articles.count_rows(), desc="loading", unit="article", disable=not progress, leave=False)
    loaded = 0
    for batch in articles.to_batches(columns=["content_hash", "record"], batch_size=BATCH):
        arts = []
        for n, (digest, text) in enumerate(zip(batch.column("content_hash").to_pylist(),
                                               batch.column("record").to_pylist())):
            try:
                art = Article.from_record(json.loads(text))
            except (TypeError, ValueError, KeyError) as exc:
                reject(f"{folder / 'articles'} row {loaded + n + 1}: not an article record ({exc})")
                continue
            art.input_hash = digest
            arts.append(art)
        loaded += batch.num_rows
        known = store.content_hashes(a.id for a in arts)
        todo = [a for a in arts if known.get(a.id) != a.content_hash()]
        result.unchanged += len(arts) - len(todo)
        result.updated += sum(a.id in known for a in todo)
        result.added += sum(a.id not in known for a in todo)
        if todo:
            store.save_articles(todo)
        bar.update(batch.num_rows)
    bar.close()
    stories = [Story.from_record(json.loads(text))
               for batch in stories_data.to_batches(columns=["record"])
               for text in batch.column("record").to_pylist()]
    result.stories = save_stories(store, stories, loaded)
    return result


def save_stories(store, stories: list[Story], n_saved: int) -> int:
    """Store the stories of ``n_saved`` articles just saved; when the database holds
    other articles too, or the articles came without stories (``--stories none``),
    the stories are recomputed over all of them instead."""
    if store.count_articles() > n_saved or (not stories and store.count_articles(without_story=True)):
        from marsad.workflow import recompute_stories

        return recompute_stories(store)
    store.replace_stories(stories, [])  # the saved articles already carry their story_id
    return len(stories)
