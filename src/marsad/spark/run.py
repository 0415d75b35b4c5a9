"""The Spark job end to end: annotate, connect into stories, write what ``marsad export`` writes.

``python -m marsad.spark INPUT... --output DIR`` writes to DIR:
articles.jsonl, stories.jsonl, events.jsonl (the contract's records), or with
``--format parquet`` the Parquet tables articles/, stories/ and events/ (for an
archive: written by the executors, loaded with ``marsad load``), and
errors.jsonl (``{"source", "reason"}`` for each rejected input); with ``--db``
it also saves the articles and stories into a Marsad database.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.ingest.files import DEFAULT_MAX_FILE_MB
from marsad.model import Article, Story
from marsad.spark.inputs import DEFAULT_LINES_PER_UNIT
from marsad.store.load import save_stories

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

STORY_MODES = ("driver", "blocked", "none")
FORMATS = ("jsonl", "parquet")
OUTPUT_FILES = ("articles.jsonl", "stories.jsonl", "events.jsonl", "errors.jsonl")
PARQUET_OUTPUTS = ("articles", "stories", "events", "errors.jsonl")
DB_BATCH = 200


@dataclass
class JobReport:
    articles: int = 0
    errors: int = 0
    stories: int = 0
    events: int = 0
    seconds: float = 0.0
    mode: str = "driver"
    outputs: dict[str, str] = field(default_factory=dict)
    components: int | None = None       # blocked mode: independent groups clustered
    largest_component: int | None = None

    def summary(self) -> str:
        text = (f"{self.articles} articles annotated, {self.errors} rejected; {self.stories} stories, "
                f"{self.events} events ({self.mode}) in {self.seconds:.1f} s")
        if self.components is not None:
            text += f"; {self.components} story groups, the largest of {self.largest_component} articles"
        return text


def event_records(stories: Iterable[Story]) -> Iterator[dict[str, Any]]:
    """The events of the stories, as ``marsad export events`` gives them."""
    for st in stories:
        for n, ev in enumerate(st.events):
            rec = ev.to_record()
            rec["id"], rec["story_id"] = ev.id or f"{st.id}-e{n}", st.id
            yield rec


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records one a line (UTF-8, Arabic as is); returns how many."""
    n = 0
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)  # a reader never sees half a file
    return n


def _event_key(rec: dict) -> tuple:
    return (rec.get("date") or "", rec.get("story_id") or "", rec.get("id") or "")


def run_job(spark: SparkSession, inputs: list[str], output: str | Path, *, stories: str = "driver",
            db: str | None = None, published: str | None = None, partitions: int | None = None,
            lines_per_unit: int = DEFAULT_LINES_PER_UNIT, allow_private: bool = False,
            max_file_mb: float = DEFAULT_MAX_FILE_MB, fmt: str = "jsonl") -> JobReport:
    """Annotate ``inputs`` on Spark, build the stories (``stories``: ``driver``,
    ``blocked`` or ``none``) and write them into ``output``: four JSON Lines files
    (``fmt="jsonl"``) or three Parquet tables and errors.jsonl (``fmt="parquet"``)."""
    from marsad.spark.annotate import annotate_rdd
    from marsad.spark.stories import connect_blocked, connect_on_driver

    if stories not in STORY_MODES:
        raise ValueError(f"stories must be one of {', '.join(STORY_MODES)}, not {stories!r}")
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt!r}")
    started = time.perf_counter()
    out_dir = Path(output)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = OUTPUT_FILES if fmt == "jsonl" else PARQUET_OUTPUTS
    report = JobReport(mode=stories, outputs={name: str(out_dir / name) for name in names})
    connected = None
    annotated = annotate_rdd(spark.sparkContext, inputs, published=published, partitions=partitions,
                             lines_per_unit=lines_per_unit, allow_private=allow_private,
                             max_file_mb=max_file_mb)
    try:
        errors = sorted(annotated.errors.collect(), key=lambda e: (e["source"], e["reason"]))
        report.errors = write_jsonl(out_dir / "errors.jsonl", errors)
        if stories == "blocked":
            connected = connect_blocked(annotated.articles)
            report.components, report.largest_component = (connected.n_components,
                                                           connected.largest_component)
            article_set = connected.articles
            story_list = sorted(connected.stories.collect(), key=lambda s: (s.date or "", s.id))
        elif stories == "driver":
            story_list, article_set = connect_on_driver(annotated.articles)
        else:
            story_list, article_set = [], annotated.articles
        if fmt == "parquet":
            _write_parquet(spark, out_dir, article_set, story_list, db, report)
            return report
        arts: Iterable[Article] = (_sorted_stream(article_set) if hasattr(article_set, "toLocalIterator")
                                   else article_set)
        store = _open_store(db) if db else None
        try:
            report.articles = write_jsonl(out_dir / "articles.jsonl", _saving(arts, store))
            if store is not None and stories != "none":
                save_stories(store, story_list, report.articles)
        finally:
            if store is not None:
                store.close()
        report.stories = write_jsonl(out_dir / "stories.jsonl", (s.to_record() for s in story_list))
        report.events = write_jsonl(out_dir / "events.jsonl",
                                    sorted(event_records(story_list), key=_event_key))
    finally:
        if connected is not None:
            connected.unpersist()
        annotated.unpersist()
        report.seconds = time.perf_counter() - started
    return report


def _write_parquet(spark, out_dir: Path, articles, story_list: list[Story], db: str | None,
                   report: JobReport) -> None:
    from marsad.spark.parquet import write_parquet
    from marsad.store.load import load_parquet

    counts = write_parquet(spark, out_dir, articles, story_list,
                           sorted(event_records(story_list), key=_event_key))
    report.articles, report.stories, report.events = counts["articles"], counts["stories"], counts["events"]
    if db:
        with _open_store(db) as store:
            load_parquet(store, out_dir)


def _sorted_stream(articles) -> Iterator[Article]:
    """Articles by id, one partition at a time on the driver (the next one fetched meanwhile)."""
    return articles.sortBy(lambda a: a.id).toLocalIterator(prefetchPartitions=True)


def _open_store(db: str):
    from marsad.store import open_store

    return open_store(db)


def _saving(arts: Iterable[Article], store) -> Iterator[dict[str, Any]]:
    """Article records for the output file, saving the articles into ``store`` in batches."""
    batch: list[Article] = []
    for art in arts:
        if store is not None:
            batch.append(art)
            if len(batch) >= DB_BATCH:
                store.save_articles(batch)
                batch = []
        yield art.to_record()
    if store is not None and batch:
        store.save_articles(batch)


def _conf_pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"--conf takes KEY=VALUE, not {text!r}")
    return key.strip(), value


def _date(text: str) -> str:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD")
    return text


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m marsad.spark",
        description="Run Marsad's pipeline on Apache Spark: annotate INPUTs, build the stories, "
                    "write articles.jsonl, stories.jsonl, events.jsonl and errors.jsonl to --output.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, folders, - (standard input) or http(s) URLs, as for `marsad ingest`")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the output files")
    parser.add_argument("--master", default=None,
                        help="Spark master, e.g. local[2] or spark://host:7077 "
                             "(default: spark-submit's, else local[*])")
    parser.add_argument("--stories", choices=STORY_MODES, default="driver",
                        help="where stories are built: driver (collect the articles; default), "
                             "blocked (on the executors, for corpora too large for the driver) or none")
    parser.add_argument("--format", dest="fmt", choices=FORMATS, default="jsonl",
                        help="jsonl (default): articles.jsonl, stories.jsonl, events.jsonl; parquet: "
                             "the tables articles/, stories/, events/ written by the executors "
                             "(load them with `marsad load DIR --db ...`)")
    parser.add_argument("--db", default=None, metavar="PATH|URL",
                        help="also save articles and stories into this Marsad database "
                             "(SQLite path or postgresql:// URL)")
    parser.add_argument("--published", type=_date, default=None, metavar="DATE",
                        help="publication date (YYYY-MM-DD) for inputs that do not give one")
    parser.add_argument("--partitions", type=_positive, default=None,
                        help="annotation tasks (default: 4 per core)")
    parser.add_argument("--lines-per-task", type=_positive, default=DEFAULT_LINES_PER_UNIT,
                        help="JSON Lines records per task (default: %(default)s)")
    parser.add_argument("--max-file-mb", type=float, default=DEFAULT_MAX_FILE_MB,
                        help="largest single-article file or page (default: %(default)s)")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow fetching URLs on private or loopback addresses")
    parser.add_argument("--driver-memory", default=None, help="e.g. 4g (local mode: all the memory Spark gets)")
    parser.add_argument("--conf", type=_conf_pair, action="append", default=[], metavar="KEY=VALUE",
                        help="any Spark setting; repeatable")
    return parser


def main_spark(argv: list[str] | None = None) -> int:
    """The command line; returns the exit code (0 ok, 1 some input rejected, 2 usage or setup error)."""
    args = build_parser().parse_args(argv)
    from marsad.spark.session import spark_session

    if Path(args.output).exists() and not Path(args.output).is_dir():
        print(f"marsad spark: --output {args.output} is a file; give a folder", file=sys.stderr)
        return 2

    try:
        from pyspark.sql import SparkSession

        owned = SparkSession.getActiveSession() is None  # a notebook's session is left running
    except ImportError:
        owned = True
    try:
        # Spark's own stage progress bar on a terminal; quiet in scripts and logs.
        progress = "true" if sys.stderr.isatty() else "false"
        spark = spark_session(args.master, driver_memory=args.driver_memory,
                              conf={"spark.ui.showConsoleProgress": progress, **dict(args.conf)})
    except RuntimeError as exc:
        print(f"marsad spark: {exc}", file=sys.stderr)
        return 2
    try:
        report = run_job(spark, args.inputs, args.output, stories=args.stories, db=args.db,
                         published=args.published, partitions=args.partitions,
                         lines_per_unit=args.lines_per_task, allow_private=args.allow_private,
                         max_file_mb=args.max_file_mb, fmt=args.fmt)
    finally:
        if owned:
            spark.stop()
    if report.errors:
        for line in (Path(args.output) / "errors.jsonl").read_text(encoding="utf-8").splitlines()[:20]:
            rec = json.loads(line)
            print(f"{rec['source']}: {rec['reason']}", file=sys.stderr)
        if report.errors > 20:
            print(f"... and {report.errors - 20} more in {report.outputs['errors.jsonl']}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 1 if report.errors else 0
