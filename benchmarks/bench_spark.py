"""Throughput of Marsad on Spark (local mode) against the plain pipeline.

The corpus is the bundled demo corpus repeated ``--copies`` times as one JSON
Lines file (each copy with its own ids, so every article is annotated and
clustered). Measured, in articles per second over the whole job:

  plain       marsad.workflow.annotate + Pipeline.connect in this process
  spark[N]    run_job on local[N]: read and annotate on the executors, stories
              on the driver (or, with --blocked, on the executors too), output
              files written. Session start-up is timed apart.

  load        with --format parquet: `marsad load` of the Parquet tables into a
              new SQLite database (or --db, e.g. a postgresql:// URL)

It also checks that every Spark run gives the plain run's stories.

    python benchmarks/bench_spark.py [--copies 5] [--cores 1 2] [--blocked] [--format parquet] [--db URL]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def write_corpus(path: Path, copies: int) -> int:
    """The demo corpus, ``copies`` times, as JSON Lines; returns the number of records."""
    from marsad.demo import corpus_path
    from marsad.ingest import InputError, read_inputs

    base = [a for a in read_inputs([str(corpus_path())]) if not isinstance(a, InputError)]
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for art in base:
                rec = {"id": f"{art.id}-{copy}", **{k: v for k, v in art.given.items() if isinstance(v, str)}}
                if art.html:
                    rec["html"] = art.html
                else:
                    rec["text"] = art.raw
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def run_plain(corpus: Path) -> tuple[float, list[dict]]:
    from marsad.pipeline import default_pipeline
    from marsad.workflow import annotate

    start = time.perf_counter()
    articles = list(annotate([str(corpus)]))
    stories = default_pipeline().connect(articles)
    return time.perf_counter() - start, [s.to_record() for s in stories]


def run_spark(corpus: Path, cores: int, mode: str, out: Path, fmt: str = "jsonl"
              ) -> tuple[float, float, list[dict]]:
    from marsad.spark import run_job, spark_session

    start = time.perf_counter()
    spark = spark_session(f"local[{cores}]", app_name="marsad-bench", driver_memory="2g",
                          conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": str(2 * cores),
                                "spark.ui.showConsoleProgress": "false"})
    startup = time.perf_counter() - start
    try:
        report = run_job(spark, [str(corpus)], out, stories=mode, lines_per_unit=25, fmt=fmt)
    finally:
        spark.stop()
    if fmt == "parquet":
        import pyarrow.dataset as ds

        records = ds.dataset(str(out / "stories"), format="parquet").to_table().column("record").to_pylist()
        stories = sorted((json.loads(r) for r in records), key=lambda s: (s["date"] or "", s["id"]))
    else:
        stories = [json.loads(line) for line in (out / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
    return startup, report.seconds, stories


def run_load(out: Path, db: str) -> tuple[float, str, int]:
    """`marsad load` of the Parquet tables, in its own process: seconds, the summary,
    and that process's peak RSS in MB."""
    code = ("import resource, sys, time\n"
            "from marsad.store import open_store\n"
            "from marsad.store.load import load_parquet\n"
            "start = time.perf_counter()\n"
            "with open_store(sys.argv[2]) as store:\n"
            "    report = load_parquet(store, sys.argv[1])\n"
            "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,"
            " report.summary(), sep='\\t')\n")
    done = subprocess.run([sys.executable, "-c", code, str(out), db], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    seconds, peak, summary = done.stdout.strip().split("\t")
    return float(seconds), summary, int(peak)


def describe(expected: list[dict], got: list[dict]) -> str:
    """Where two story lists first differ (for a run that should match)."""
    if [s["article_ids"] for s in expected] != [s["article_ids"] for s in got]:
        return f"{len(expected)} vs {len(got)} stories, grouped differently"
    for a, b in zip(expected, got):
        if a != b:
            fields = sorted(k for k in a if a[k] != b.get(k))
            return f"story {a['id']} differs in {', '.join(fields)}"
    return "same stories in another order"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--cores", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--blocked", action="store_true", help="build the stories on the executors")
    parser.add_argument("--format", dest="fmt", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--db", default=None, help="with --format parquet: load into this database "
                                                     "(default: a new SQLite file)")
    args = parser.parse_args()
    mode = "blocked" if args.blocked else "driver"
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, args.copies)
        print(f"{n} articles ({args.copies} copies of the demo corpus, {corpus.stat().st_size / 2**20:.1f} MB "
              f"of JSON Lines); stories: {mode}; output: {args.fmt}")
        seconds, expected = run_plain(corpus)
        print(f"plain        {seconds:7.1f} s  {n / seconds:6.1f} articles/s  ({len(expected)} stories)")
        for cores in args.cores:
            out = Path(tmp) / f"out{cores}"
            startup, seconds, stories = run_spark(corpus, cores, mode, out, args.fmt)
            same = "same stories" if stories == expected else "STORIES DIFFER: " + describe(expected, stories)
            print(f"spark[{cores}]     {seconds:7.1f} s  {n / seconds:6.1f} articles/s  "
                  f"(+{startup:.1f} s session start; {same})")
            if args.fmt == "parquet":
                size = sum(p.stat().st_size for p in out.rglob("*.parquet")) / 2**20
                seconds, summary, peak = run_load(out, args.db or str(Path(tmp) / f"load{cores}.db"))
                print(f"load         {seconds:7.1f} s  {n / seconds:6.1f} articles/s  "
                      f"({size:.1f} MB of Parquet; {summary}; peak RSS of the loading process {peak} MB)")


if __name__ == "__main__":
    main()
