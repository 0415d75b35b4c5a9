"""Throughput of Marsad on Spark (local mode) against the plain pipeline.

The corpus is the bundled demo corpus repeated ``--copies`` times as one JSON
Lines file (each copy with its own ids, so every article is annotated and
clustered). Measured, in articles per second over the whole job:

  plain       marsad.workflow.annotate + Pipeline.connect in this process
  spark[N]    run_job on local[N]: read and annotate on the executors, stories
              on the driver (or, with --blocked, on the executors too), output
              files written. Session start-up is timed apart.

It also checks that every Spark run gives the plain run's stories.

    python benchmarks/bench_spark.py [--copies 5] [--cores 1 2] [--blocked]
"""

from __future__ import annotations

import argparse
import json
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


def run_spark(corpus: Path, cores: int, mode: str, out: Path) -> tuple[float, float, list[dict]]:
    from marsad.spark import run_job, spark_session

    start = time.perf_counter()
    spark = spark_session(f"local[{cores}]", app_name="marsad-bench", driver_memory="2g",
                          conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": str(2 * cores),
                                "spark.ui.showConsoleProgress": "false"})
    startup = time.perf_counter() - start
    try:
        report = run_job(spark, [str(corpus)], out, stories=mode, lines_per_unit=25)
    finally:
        spark.stop()
    stories = [json.loads(line) for line in (out / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
    return startup, report.seconds, stories


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
    args = parser.parse_args()
    mode = "blocked" if args.blocked else "driver"
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, args.copies)
        print(f"{n} articles ({args.copies} copies of the demo corpus); stories: {mode}")
        seconds, expected = run_plain(corpus)
        print(f"plain        {seconds:7.1f} s  {n / seconds:6.1f} articles/s  ({len(expected)} stories)")
        for cores in args.cores:
            startup, seconds, stories = run_spark(corpus, cores, mode, Path(tmp) / f"out{cores}")
            same = "same stories" if stories == expected else "STORIES DIFFER: " + describe(expected, stories)
            print(f"spark[{cores}]     {seconds:7.1f} s  {n / seconds:6.1f} articles/s  "
                  f"(+{startup:.1f} s session start; {same})")


if __name__ == "__main__":
    main()
