"""A Spark session configured for Marsad (local mode by default)."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

PYSPARK_HINT = "pyspark is not installed; install it with: pip install 'pyspark>=3.5'"


def require_pyspark() -> None:
    """Raise a clear error when pyspark or Java is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(PYSPARK_HINT) from exc
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        raise RuntimeError("Spark needs Java (17 or newer): no `java` on PATH and JAVA_HOME is not set")


def spark_session(master: str | None = None, *, app_name: str = "marsad", driver_memory: str | None = None,
                  conf: dict[str, str] | None = None) -> SparkSession:
    """Get or create a Spark session.

    ``master`` defaults to what spark-submit or the Spark configuration says,
    else ``local[*]``. In local mode the Python workers run this interpreter,
    so they import the same Marsad as the driver.
    """
    require_pyspark()
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    effective = master or SparkConf().get("spark.master", "local[*]")
    builder = builder.master(effective)
    if effective.startswith("local"):
        # PySpark starts its Python workers with $PYSPARK_PYTHON (default: python3
        # on PATH, which may lack Marsad); in local mode, use this interpreter.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if driver_memory:
        builder = builder.config("spark.driver.memory", driver_memory)
    builder = builder.config("spark.log.level", "ERROR")  # Spark's INFO/WARN lines drown Marsad's
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
