"""The one pipeline definition used by the CLI, the API, the tests and Spark.

Per-article stages are plain callables ``stage(article) -> article`` run in
order (like spaCy components); ``Pipeline.pipe`` streams articles through them.
Corpus-level work (stories, and the second date pass that needs a story's date)
happens in ``Pipeline.connect``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Optional

from marsad.model import Article, Story

Stage = Callable[[Article], Optional[Article]]
ErrorHandler = Callable[[Article, Exception], None]


def default_stages() -> list[tuple[str, Stage]]:
    # Imported here so that importing marsad stays cheap for the CLI's --help.
    from marsad.annotate.dates import tag_dates
    from marsad.annotate.entities import link_entities
    from marsad.annotate.events import code_events
    from marsad.annotate.quotes import find_quotes
    from marsad.text import clean
    from marsad.text.sentences import segment

    return [
        ("clean", clean),            # boilerplate and metadata lines out, fields in
        ("sentences", segment),
        ("dates", tag_dates),
        ("entities", link_entities),
        ("quotes", find_quotes),
        ("events", code_events),
    ]


class Pipeline:
    """Runs the annotation stages in order, then connects articles into stories."""

    def __init__(self, stages: Iterable[tuple[str, Stage]] | None = None):
        self.stages: list[tuple[str, Stage]] = list(stages if stages is not None else default_stages())

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def replace(self, name: str, stage: Stage) -> None:
        """Swap one stage for another (e.g. a model-backed entity linker)."""
        for i, (n, _) in enumerate(self.stages):
            if n == name:
                self.stages[i] = (name, stage)
                return
        raise KeyError(f"no stage named {name!r}; stages are {self.names}")

    def __call__(self, article: Article) -> Article:
        for _, stage in self.stages:
            article = stage(article) or article
        return article

    def pipe(self, articles: Iterable[Article], on_error: ErrorHandler | None = None) -> Iterator[Article]:
        """Stream articles through the stages. An article that fails is handed to
        ``on_error`` (and skipped) so that it never costs the good ones around it."""
        for article in articles:
            try:
                yield self(article)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                if on_error is None:
                    raise
                on_error(article, exc)

    def connect(self, articles: list[Article]) -> list[Story]:
        """Group annotated articles into stories (sets ``article.story_id``)."""
        from marsad.stories import build_stories

        return build_stories(articles)


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The shared default pipeline (knowledge loaded once per process)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
