"""Parquet output of the Spark job: articles, stories and events tables (layout in
``marsad.store.load``, which loads them into a store). The articles are written by
the executors; stories and events, built on the driver, from the driver."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.model import Article, Story
from marsad.store.load import TABLES, article_row, event_row, story_row

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

PARQUET_TABLES = tuple(TABLES)


def _schema(table: str) -> str:
    return ", ".join(f"{name} {kind}" for name, kind in TABLES[table])


def write_table(spark: SparkSession, rows, folder: Path, table: str) -> int:
    """Write ``rows`` (an RDD or a list of tuples) as the Parquet dataset ``folder/table``."""
    frame = spark.createDataFrame(rows, schema=_schema(table))
    frame.write.mode("overwrite").parquet(str(folder / table))
    return spark.read.parquet(str(folder / table)).count()


def write_parquet(spark: SparkSession, folder: Path, articles: RDD | list[Article],
                  stories: list[Story], events: Iterable[dict]) -> dict[str, int]:
    """The three tables; ``articles`` with their story_id set (an RDD stays on the executors)."""
    rows = articles.map(article_row) if hasattr(articles, "map") else [article_row(a) for a in articles]
    return {"articles": write_table(spark, rows, folder, "articles"),
            "stories": write_table(spark, [story_row(s) for s in stories], folder, "stories"),
            "events": write_table(spark, [event_row(e) for e in events], folder, "events")}
