"""The jobs the CLI, the API and the tests run: annotate inputs, ingest them into a store.

Both go through the one pipeline (``marsad.pipeline``); this module only adds
what surrounds it: reading inputs, skipping unchanged articles, batching writes,
recomputing stories, reporting bad inputs and progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from tqdm import tqdm

from marsad.ingest import InputError, read_inputs
from marsad.model import Article
from marsad.pipeline import Pipeline, default_pipeline
from marsad.store import Store
from marsad.stories.incremental import StoryUpdate, restory, update_stories

ErrorReporter = Callable[[str], None]
BATCH_SIZE = 200


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    stories: int = 0

    def summary(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{len(self.errors)} rejected; {self.stories} stories")


def _articles(inputs: Iterable[str], report: ErrorReporter | None, **read_options) -> Iterator[Article]:
    """The good articles of ``inputs``; each bad input goes to ``report``."""
    return _good(read_inputs(inputs, **read_options), report)


def _good(items: Iterable[Article | InputError], report: ErrorReporter | None) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            if report:
                report(str(item))
        else:
            yield item


def annotate(inputs: Iterable[str], *, published: str | None = None, pipeline: Pipeline | None = None,
             report: ErrorReporter | None = None, progress: bool = False,
             **read_options) -> Iterator[Article]:
    """Annotate every article in ``inputs`` (no database); ``published`` is used
    for articles whose input gives no publication date."""
    pipeline = pipeline or default_pipeline()

    def fill(arts: Iterable[Article]) -> Iterator[Article]:
        for art in arts:
            if published and not art.published and "published" not in art.given:
                art.given["published"] = published
                art.published = published
            yield art

    def failed(art: Article, exc: Exception) -> None:
        if report:
            report(f"{art.source_path or art.id}: annotation failed ({type(exc).__name__}: {exc})")

    stream = fill(_articles(inputs, report, **read_options))
    yield from tqdm(pipeline.pipe(stream, on_error=failed), desc="annotating", unit="article",
                    disable=not progress, leave=False)


def annotate_in_batches(inputs: Iterable[str], *, batch_size: int = 2000, pipeline: Pipeline | None = None,
                        **options) -> Iterator[Article]:
    """``annotate``, then relative dates of articles with no publication date
    resolved against the other articles of the same event in the batch (the
    second date pass of ``Pipeline.connect``). Stories are not kept: the
    articles come out with ``story_id`` None, ``batch_size`` at a time, so
    memory is bounded by the batch."""
    pipeline = pipeline or default_pipeline()
    for batch in _chunks(annotate(inputs, pipeline=pipeline, **options), batch_size):
        if any(not a.published for a in batch) and len(batch) > 1:
            pipeline.connect(batch)
            for art in batch:
                art.story_id = None
        yield from batch


def ingest(store: Store, inputs: Iterable[str], *, pipeline: Pipeline | None = None,
           report: ErrorReporter | None = None, progress: bool = False,
           **read_options) -> IngestReport:
    """Annotate new or changed articles, save them, and update the stories they touch.

    Idempotent: an article whose id and content are already stored is skipped;
    one whose content changed is re-annotated and its story recomputed.
    """
    return ingest_items(store, read_inputs(inputs, **read_options), pipeline=pipeline, report=report,
                        progress=progress)


def ingest_items(store: Store, items: Iterable[Article | InputError], *, pipeline: Pipeline | None = None,
                 report: ErrorReporter | None = None, progress: bool = False) -> IngestReport:
    """``ingest`` of items already read (articles and input errors), as ``marsad watch`` reads them."""
    pipeline = pipeline or default_pipeline()
    result = IngestReport()
    reporter = _collecting(result.errors, report)

    def failed(art: Article, exc: Exception) -> None:
        reporter(f"{art.source_path or art.id}: annotation failed ({type(exc).__name__}: {exc})")

    seen: set[str] = set()
    bar = tqdm(desc="ingesting", unit="article", disable=not progress, leave=False)
    for chunk in _chunks(_good(items, reporter), BATCH_SIZE):
        known = store.content_hashes(a.id for a in chunk)
        todo = []
        for art in chunk:
            art.content_hash()  # fix the fingerprint before the stages change the article
            if art.id in seen:
                reporter(f"{art.source_path or art.id}: duplicate id {art.id!r} in this run; kept the first")
                continue
            seen.add(art.id)
            if known.get(art.id) == art.content_hash():
                result.unchanged += 1
            else:
                todo.append(art)
        batch = list(pipeline.pipe(todo, on_error=failed))
        for art in batch:
            if art.id in known:
                result.updated += 1
            else:
                result.added += 1
        if batch:
            store.save_articles(batch)
        bar.update(len(chunk))
    bar.close()
    # Also the articles of an earlier run stopped between saving articles and their stories.
    update_stories(store)
    result.stories = store.count_stories()
    return result


def add_articles(store: Store, articles: list[Article]) -> StoryUpdate:
    """Save articles that are already annotated and place them into stories."""
    if articles:
        store.save_articles(articles)
    return update_stories(store)


def recompute_stories(store: Store) -> int:
    """Cluster every stored article into stories anew (``marsad restory``); existing
    stories keep their ids. Ingest updates only the stories that new articles touch."""
    restory(store)
    return store.count_stories()


def _collecting(errors: list[str], report: ErrorReporter | None) -> ErrorReporter:
    def reporter(msg: str) -> None:
        errors.append(msg)
        if report:
            report(msg)
    return reporter


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
