"""Annotation on Spark: the one pipeline, run per partition on the executors.

Each partition gets ``marsad.pipeline.default_pipeline()``, the process-wide
pipeline, so a Python worker loads the knowledge base once and reuses it for
every task it runs (Spark reuses Python workers by default). Bad inputs and
articles whose annotation fails become error records ``{"source", "reason"}``;
they never fail a task.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from marsad.ingest import InputError
from marsad.ingest.fetch import DEFAULT_TIMEOUT_S
from marsad.ingest.files import DEFAULT_MAX_FILE_MB
from marsad.ingest.jsonl import read_jsonl
from marsad.model import Article
from marsad.spark.inputs import DEFAULT_LINES_PER_UNIT, Unit, list_units, read_unit

if TYPE_CHECKING:  # pyspark is only needed when these functions run
    from pyspark import RDD, SparkContext
    from pyspark.sql import DataFrame, SparkSession

ARTICLE_COLUMNS = ("id", "outlet", "published", "title", "story_id", "main_event_type",
                   "n_entities", "n_events", "record")
ERROR_COLUMNS = ("source", "reason")
# The input fields of a JSON Lines record (shared/contract/README.md) a DataFrame row may carry.
INPUT_COLUMNS = ("id", "text", "html", "url", "outlet", "published", "title", "author")


@dataclass
class Annotated:
    """The result of annotating on Spark: annotated articles and error records.

    Both come from one cached pass, so using both does not annotate twice;
    call ``unpersist()`` when done with them.
    """

    articles: RDD          # RDD[Article], one per id (the first one read wins)
    errors: RDD            # RDD[dict]: {"source": ..., "reason": ...}
    _tagged: RDD

    def unpersist(self) -> None:
        self._tagged.unpersist()


def error_record(source: str, reason: str) -> dict[str, str]:
    return {"source": source, "reason": reason}


def annotate_units(units: Iterable[tuple[int, Unit]], *, published: str | None = None,
                   allow_private: bool = False, max_file_mb: float = DEFAULT_MAX_FILE_MB,
                   timeout: float = DEFAULT_TIMEOUT_S) -> Iterator[tuple]:
    """Read and annotate numbered work units (what one partition does).

    Yields ``("article", (unit_no, n), article)`` or ``("error", None, record)``;
    ``(unit_no, n)`` is the article's place in the input order.
    """
    from marsad.pipeline import default_pipeline

    pipeline = default_pipeline()
    for unit_no, unit in units:
        n = 0
        items = read_unit(unit, allow_private=allow_private, max_file_mb=max_file_mb, timeout=timeout)
        while True:
            try:
                item = next(items)
            except StopIteration:
                break
            except Exception as exc:  # noqa: BLE001 - a reader bug costs this unit, not the job
                yield "error", None, error_record(_unit_source(unit),
                                                  f"reading failed ({type(exc).__name__}: {exc})")
                break
            if isinstance(item, InputError):
                yield "error", None, error_record(item.source, item.reason)
                continue
            if published and not item.published and "published" not in item.given:
                item.given["published"] = published
                item.published = published
            item.content_hash()  # fingerprint of the input, before the stages change it
            try:
                art = pipeline(item)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the job
                yield "error", None, error_record(
                    item.source_path or item.id, f"annotation failed ({type(exc).__name__}: {exc})")
                continue
            yield "article", (unit_no, n), art
            n += 1


def _unit_source(unit: Unit) -> str:
    return str(unit[1]) if len(unit) > 1 and isinstance(unit[1], str) else repr(unit[0])


def annotate_rdd(sc: SparkContext, inputs: Iterable[str], *, published: str | None = None,
                 partitions: int | None = None, lines_per_unit: int = DEFAULT_LINES_PER_UNIT,
                 allow_private: bool = False, max_file_mb: float = DEFAULT_MAX_FILE_MB,
                 timeout: float = DEFAULT_TIMEOUT_S) -> Annotated:
    """Annotate ``inputs`` (files, folders, ``-``, URLs) on Spark.

    The driver lists work units (see ``marsad.spark.inputs``); the executors
    read and annotate them. ``partitions`` defaults to Spark's default
    parallelism times four, so that a slow unit does not hold up a whole core.
    """
    units = list(enumerate(list_units(inputs, lines_per_unit=lines_per_unit)))
    n_parts = partitions or max(1, min(len(units), sc.defaultParallelism * 4))
    options = {"published": published, "allow_private": allow_private,
               "max_file_mb": max_file_mb, "timeout": timeout}
    units_rdd = sc.parallelize(units, max(1, n_parts))
    return _finish(units_rdd.mapPartitions(lambda part: annotate_units(part, **options)))


def annotate_records_rdd(records: RDD, *, published: str | None = None) -> Annotated:
    """Annotate an RDD of input records (dicts with the contract's JSON Lines
    fields: ``id``, ``text`` or ``html``, optional ``url``, ``outlet``,
    ``published``, ``title``, ``author``). A record is checked as a JSON Lines
    line is; a bad one becomes an error record named ``record N``."""
    def as_unit(pair: tuple[dict, int]) -> tuple[int, Unit]:
        rec, index = pair
        line = json.dumps(_plain(rec), ensure_ascii=False, default=str)
        return index, ("item_line", line, index + 1)

    def annotate_part(part: Iterable[tuple[int, Unit]]) -> Iterator[tuple]:
        def units() -> Iterator[tuple[int, Unit]]:
            for index, (_, line, number) in part:
                for item in read_jsonl([line], "record", first_line=number):
                    yield index, ("item", item)
        return annotate_units(units(), published=published)

    return _finish(records.zipWithIndex().map(as_unit).mapPartitions(annotate_part))


def _plain(rec: Any) -> dict:
    """A DataFrame row or dict as JSON-ready values (dates as ISO strings, no nulls)."""
    rec = rec.asDict() if hasattr(rec, "asDict") else dict(rec)
    out = {}
    for key, value in rec.items():
        if value is None:
            continue
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        out[key] = value
    return out


def _finish(tagged: RDD) -> Annotated:
    from pyspark import StorageLevel

    tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)
    by_id = (tagged.filter(lambda t: t[0] == "article")
             .map(lambda t: (t[2].id, (t[1], t[2])))
             .groupByKey())
    kept = by_id.map(lambda kv: min(kv[1], key=lambda pair: pair[0])[1])
    duplicates = by_id.flatMap(_duplicate_errors)
    errors = tagged.filter(lambda t: t[0] == "error").map(lambda t: t[2]).union(duplicates)
    return Annotated(articles=kept, errors=errors, _tagged=tagged)


def _duplicate_errors(kv: tuple[str, Iterable]) -> list[dict]:
    aid, found = kv
    found = sorted(found, key=lambda pair: pair[0])
    return [error_record(art.source_path or aid, f"duplicate id {aid!r} in this run; kept the first")
            for _, art in found[1:]]


def article_row(art: Article) -> tuple:
    """The flat columns of ``ARTICLE_COLUMNS`` for one article, the full record as JSON."""
    main = art.main_event
    return (art.id, art.outlet, art.published, art.title, art.story_id,
            main.type if main else None, len(art.entities), len(art.events),
            json.dumps(art.to_record(), ensure_ascii=False))


def articles_dataframe(spark: SparkSession, articles: RDD) -> DataFrame:
    """A DataFrame of ``ARTICLE_COLUMNS`` (``record``: the contract's article record as JSON)."""
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    schema = StructType([StructField(c, IntegerType() if c.startswith("n_") else StringType(), True)
                         for c in ARTICLE_COLUMNS])
    return spark.createDataFrame(articles.map(article_row), schema)


def errors_dataframe(spark: SparkSession, errors: RDD) -> DataFrame:
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField(c, StringType(), False) for c in ERROR_COLUMNS])
    return spark.createDataFrame(errors.map(lambda e: (e["source"], e["reason"])), schema)


def annotate_dataframe(df: DataFrame, *, published: str | None = None) -> tuple[DataFrame, DataFrame]:
    """Annotate a DataFrame of articles: columns ``id`` and ``text`` or ``html``,
    optionally ``url``, ``outlet``, ``published``, ``title``, ``author`` (other
    columns are ignored). Returns ``(articles, errors)`` DataFrames with the
    columns ``ARTICLE_COLUMNS`` and ``ERROR_COLUMNS``."""
    missing = {"id"} - set(df.columns)
    if missing or not {"text", "html"} & set(df.columns):
        raise ValueError(f"annotate_dataframe: the DataFrame needs an 'id' column and a 'text' or "
                         f"'html' column; it has {df.columns}")
    wanted = [c for c in INPUT_COLUMNS if c in df.columns]
    result = annotate_records_rdd(df.select(*wanted).rdd, published=published)
    spark = df.sparkSession
    return articles_dataframe(spark, result.articles), errors_dataframe(spark, result.errors)
