"""Marsad on Apache Spark: the same pipeline, when one machine is not enough.

    python -m marsad.spark INPUT... --output DIR [--master local[2]] [--stories driver|blocked] [--db PATH]

Public functions (pyspark is imported only when they run):

- ``spark_session(master=None, ...)``: a session set up for Marsad.
- ``annotate_rdd(sc, inputs, ...) -> Annotated``: read and annotate files,
  folders and URLs on the executors (``Annotated.articles``: RDD of Article,
  ``Annotated.errors``: RDD of ``{"source", "reason"}``).
- ``annotate_records_rdd(rdd, ...)`` / ``annotate_dataframe(df, ...)``:
  annotate input records (the contract's JSON Lines fields) already in Spark.
- ``articles_dataframe(spark, rdd)``: flat columns plus the record as JSON.
- ``connect_on_driver(articles)`` / ``connect_blocked(articles)``: stories.
- ``run_job(spark, inputs, output, ...)`` and ``main_spark(argv)``: the whole job.

See docs/spark.md for what runs where.
"""

from marsad.spark.annotate import (ARTICLE_COLUMNS, ERROR_COLUMNS, Annotated, annotate_dataframe,
                                   annotate_rdd, annotate_records_rdd, articles_dataframe,
                                   errors_dataframe)
from marsad.spark.inputs import list_units, read_unit
from marsad.spark.run import JobReport, main_spark, run_job
from marsad.spark.session import spark_session
from marsad.spark.stories import Connected, connect_blocked, connect_on_driver

__all__ = ["ARTICLE_COLUMNS", "ERROR_COLUMNS", "Annotated", "Connected", "JobReport",
           "annotate_dataframe", "annotate_rdd", "annotate_records_rdd", "articles_dataframe",
           "connect_blocked", "connect_on_driver", "errors_dataframe", "list_units", "main_spark",
           "read_unit", "run_job", "spark_session"]
