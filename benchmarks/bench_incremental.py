"""Incremental stories at scale: ingest of 10 new articles into databases of 0 to 100k articles.

Issue 12's bar: ingest of 10 new articles into a 100k-article database takes at
most twice the time of the same 10 into an empty one, and its memory is bounded
by the batch, not by the archive.

**The databases.** For each size ``n`` (``--sizes``), an SQLite database holds:

- the demo corpus except the 10 new articles (36 real articles, annotated by
  the pipeline): the new articles' events are already reported there, so the
  new ones join existing stories as they would in a live stream;
- ``n - 36`` synthetic annotated articles from ``bench_stories``' generator
  (``bench_stories.reports``): varied actors, event types, dates over 2024-2025,
  texts, outlets, copies and annotation noise, with the actors of the demo
  corpus (Trump, Putin, al-Sharaa, Israel, Iran, ...) added to its pool, so the
  blocks the new articles are looked up in are full of unrelated events
  within their date window;

saved through the store's own API in batches (``Store.save_articles``: records,
entities, full-text index), then clustered once by the full recompute
(``restory``), which also writes the cluster index. Size 0 is an empty
database. Each database is built once and kept under ``--workdir`` (default
``/tmp/marsad-bench-incremental``); reruns reuse it (``--rebuild`` to build
again). Its file name holds a hash of the generator and of the clustering and
store code, so a change there builds it anew.

**The measurement.** For each size, ``--repeat`` times, in a fresh process on a
fresh copy of the database: the default pipeline is loaded and warmed up on an
article that is not one of the 10, then ``workflow.ingest`` (what ``marsad
ingest`` runs) reads, annotates and saves the 10 demo articles and updates the
stories (``update_stories``, timed on its own too). Reported: the median
wall-clock time of the ingest and of its stories update, their ratios to the
empty database's, and memory: the growth of the process's peak resident set
during the ingest (the peak is reset just before it, ``/proc/self/clear_refs``)
and, in one more run per size, the peak of Python allocations during the ingest
(``tracemalloc``; its own run because tracing slows everything down).

    python benchmarks/bench_incremental.py                          # 0, 1k, 10k, 100k
    python benchmarks/bench_incremental.py --sizes 0 1000 --repeat 5
    python benchmarks/bench_incremental.py --sizes 100000 --check    # also compare with restory
    python benchmarks/bench_incremental.py --profile 100000          # cProfile of one ingest

``--check`` recomputes every story of each database after the ingest and
checks that the incremental update gave the same stories (article sets and
ids). Building the 100k database takes several minutes (38 s to save, 525 s to
cluster on a busy 2-core machine) and 1.9 GiB at its peak; a measurement needs about
140 MiB (``--check``'s recompute as much as the build).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stories import _peak_mib, reports  # noqa: E402  (the synthetic article generator)

from marsad.demo import corpus_path  # noqa: E402

# The 10 new articles: one report of each of ten demo events whose other reports are stored.
NEW = ["e01_b_rafidain", "e02_b_khaleej_today", "e03_b_khaleej_today", "e05_b_shampress",
       "e06_b_rafidain", "e08_b_rafidain", "e10_c_rafidain", "e11_b_bawabat_alnil",
       "e14_b_shampress", "e16_b_maghrebi"]
DEMO_ARTICLES = 46         # in the demo corpus
WARM_UP = "e17_a_rafidain"   # annotated once before the timing, never stored by the measurement
BUILD_BATCH = 2000
VERSION = 3                  # of the databases' recipe (with the code's, in recipe_key)
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / "marsad-bench-incremental"


def new_inputs() -> list[str]:
    folder = corpus_path()
    return [str(next(folder.glob(f"{stem}.*"))) for stem in NEW]


def archive_inputs() -> list[str]:
    """The demo corpus's files except the new articles' (the feed file holds three)."""
    return sorted(str(p) for p in corpus_path().iterdir() if p.stem not in NEW and p.stem != "README")


# --- building the databases ---------------------------------------------------------------------

def recipe_key() -> str:
    """What a cached database depends on: this recipe's version, the generator, and the
    clustering and store code (the stored cluster index is the clustering code's
    blocks and buckets: a database clustered by other code would not be up to date)."""
    import hashlib

    import marsad.stories
    import marsad.store

    digest = hashlib.sha256(f"{VERSION}".encode())
    files = [Path(__file__).with_name("bench_stories.py")]
    for package in (marsad.stories, marsad.store):
        files += sorted(Path(package.__file__).parent.glob("*.py"))
    for f in files:
        digest.update(f.read_bytes())
    return digest.hexdigest()[:10]


def db_path(workdir: Path, n: int, seed: int) -> Path:
    return workdir / f"archive-{n}-seed{seed}-{recipe_key()}.db"


def build(n: int, path: Path, seed: int) -> dict:
    """The database of ``n`` articles at ``path`` (written beside it, then moved there)."""
    from tqdm import tqdm

    from marsad.store import Store
    from marsad.stories.incremental import restory
    from marsad.workflow import annotate

    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    spent = {}
    t0 = time.perf_counter()
    with Store(tmp) as store:
        if n:
            errors: list[str] = []
            demo = sorted(annotate(archive_inputs(), report=errors.append), key=lambda a: a.id)[:n]
            if errors or len(demo) < min(n, DEMO_ARTICLES - len(NEW)):
                raise SystemExit(f"the demo articles did not all annotate: {errors}")
            store.save_articles(demo)
            actors = {}
            for art in demo:
                for actor in (e for ev in art.events if ev.main for e in (ev.actor1, ev.actor2) if e):
                    if actor.key and actor.name_ar:
                        actors.setdefault(actor.key, (actor, actor.name_ar))
            extra = [actors[k] for k in sorted(actors)]
            rng = random.Random(seed)
            synthetic = n - len(demo)
            batch = []
            with tqdm(total=synthetic, desc=f"saving {n:,}", unit="article", file=sys.stderr) as bar:
                for art, _ in reports(synthetic, rng, extra, id_prefix="syn"):
                    batch.append(art)
                    if len(batch) == BUILD_BATCH:
                        store.save_articles(batch)
                        bar.update(len(batch))
                        batch = []
                if batch:
                    store.save_articles(batch)
                    bar.update(len(batch))
            spent["save_s"] = time.perf_counter() - t0
            print(f"n={n:,}: saved in {spent['save_s']:.0f} s; clustering all of them (restory)",
                  file=sys.stderr, flush=True)
            t1 = time.perf_counter()
            restory(store)
            spent["restory_s"] = time.perf_counter() - t1
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stories = store.count_stories()
    os.replace(tmp, path)
    return {"n": n, "stories": stories, "build_s": round(time.perf_counter() - t0, 1),
            **{k: round(v, 1) for k, v in spent.items()}, "peak_rss_mib": round(_peak_mib())}


def ensure_db(workdir: Path, n: int, seed: int, rebuild: bool, timeout: int) -> Path:
    path = db_path(workdir, n, seed)
    if path.exists() and not rebuild:
        from marsad.store import Store

        with Store(path) as store:   # brought up to the current schema once, not in every run
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return path
    workdir.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, __file__, "--build-one", str(n), "--seed", str(seed), "--workdir", str(workdir)]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=timeout, check=True)
    print(f"built: {done.stdout.strip().splitlines()[-1]}", file=sys.stderr, flush=True)
    return path


# --- measuring one ingest -----------------------------------------------------------------------

def _status_mib(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset this process's peak resident set (VmHWM), where the kernel allows it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def measure_one(db: Path, trace: bool, profile: bool, check: bool) -> dict:
    """Ingest the 10 new articles into ``db`` (a copy, changed in place), in this process."""
    import tracemalloc

    from marsad import workflow
    from marsad.ingest import read_inputs
    from marsad.pipeline import default_pipeline
    from marsad.store import Store

    pipeline = default_pipeline()
    warm = next(a for a in read_inputs([str(next(corpus_path().glob(f"{WARM_UP}.*")))]))
    list(pipeline.pipe([warm]))

    spent = {"stories_s": 0.0, "stories_cpu_s": 0.0}
    updates = []
    real_update = workflow.update_stories

    def timed_update(store):
        t, c = time.perf_counter(), time.process_time()
        try:
            update = real_update(store)
            updates.append(update)
            return update
        finally:
            spent["stories_s"] += time.perf_counter() - t
            spent["stories_cpu_s"] += time.process_time() - c

    workflow.update_stories = timed_update
    store = Store(db)
    store.count_articles()  # the connection is open and the schema read before the timing
    before = store.count_articles()
    prof = cProfile.Profile() if profile else None
    rss_before = _status_mib("VmRSS")
    reset = _reset_peak()
    if trace:
        tracemalloc.start()
    if prof:
        prof.enable()
    t0, c0 = time.perf_counter(), time.process_time()
    result = workflow.ingest(store, new_inputs(), pipeline=pipeline)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    if prof:
        prof.disable()
    if result.errors or result.added != len(NEW):
        raise SystemExit(f"the new articles were not all ingested: {result.summary()} {result.errors}")
    row = {"articles_before": before, "ingest_s": seconds, "ingest_cpu_s": cpu, **spent,
           "added": result.added, "stories": result.stories}
    if updates:
        up = updates[-1]
        row.update(reclustered=up.reclustered, written=up.written, full=up.full)
    if trace:
        row["traced_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    peak = _status_mib("VmHWM") if reset else _peak_mib()
    if rss_before is not None and peak is not None:
        row["rss_before_mib"] = rss_before
        row["rss_growth_mib"] = max(0.0, peak - rss_before)
    if prof:
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    if check:
        row["same_as_restory"] = _same_as_restory(store)
    store.close()
    return row


def _same_as_restory(store) -> bool:
    """The incremental stories (article sets and ids) equal a full recompute's."""
    from marsad.stories.incremental import restory

    def stories():
        return sorted((r["id"], tuple(sorted(r["article_ids"]))) for r in store.story_records())

    incremental = stories()
    restory(store)
    return incremental == stories()


def _fresh_copy(db: Path, copy: Path) -> None:
    """Copy ``db`` and write the copy through to the disk before the timing: otherwise
    the kernel writes the copy's dirty pages back (a gigabyte at 100k) during the
    measurement, and the ingest's own writes wait behind them."""
    shutil.copyfile(db, copy)
    with open(copy, "rb+") as f:
        os.fsync(f.fileno())


def run_one(db: Path, workdir: Path, *, trace: bool = False, check: bool = False, timeout: int = 900) -> dict:
    """``measure_one`` in a fresh process on a fresh copy of ``db``."""
    with tempfile.TemporaryDirectory(dir=workdir, prefix="run-") as tmp:
        copy = Path(tmp) / "marsad.db"
        _fresh_copy(db, copy)
        cmd = [sys.executable, __file__, "--measure-one", str(copy)]
        cmd += ["--trace"] if trace else []
        cmd += ["--check"] if check else []
        done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=timeout, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_sizes(dbs: dict[int, Path], workdir: Path, repeat: int, check: bool, timeout: int) -> list[dict]:
    """``repeat`` rounds of one timed run per size (the sizes interleaved, so that other
    work on the machine weighs on all of them alike), then one traced run per size."""
    runs: dict[int, list[dict]] = {n: [] for n in dbs}
    for r in range(repeat):
        for n, db in dbs.items():
            runs[n].append(run_one(db, workdir, timeout=timeout))
            print(f"round {r + 1}/{repeat}, n={n:,}: {runs[n][-1]['ingest_s']:.3f} s",
                  file=sys.stderr, flush=True)
    rows = []
    for n, db in dbs.items():
        traced = run_one(db, workdir, trace=True, check=check, timeout=timeout)
        rows.append(summarize(runs[n], traced))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    return rows


def summarize(runs: list[dict], traced: dict) -> dict:
    first = runs[0]
    row = {"n": first["articles_before"], "stories_after": first["stories"], "added": first["added"],
           "reclustered": first.get("reclustered"), "written": first.get("written"),
           "full": first.get("full"), "runs": len(runs)}
    for key in ("ingest_s", "ingest_cpu_s", "stories_s", "stories_cpu_s"):
        row[key] = statistics.median(r[key] for r in runs)
    row["ingest_runs"] = [round(r["ingest_s"], 3) for r in runs]
    row["rss_before_mib"] = max(r.get("rss_before_mib", 0) for r in runs)
    row["rss_growth_mib"] = max(r.get("rss_growth_mib", 0) for r in runs)
    row["traced_peak_mib"] = traced["traced_peak_mib"]
    if "same_as_restory" in traced:
        row["same_as_restory"] = traced["same_as_restory"]
    return row


def table(rows: list[dict]) -> str:
    """The table of docs/stories.md: medians, and their ratios to the empty database's."""
    base = rows[0] if rows and rows[0]["n"] == 0 else None

    def ratio(r, key):
        return f"{r[key] / base[key]:.2f}" if base and base[key] else "-"

    head = ("| articles stored | ingest of 10, wall (s) | CPU (s) | × empty, wall / CPU "
            "| stories update, wall (s) | CPU (s) | × empty, CPU | articles reclustered "
            "| peak RSS growth (MiB) | Python peak, tracemalloc (MiB) |\n"
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    lines = [f"| {r['n']:,} | {r['ingest_s']:.3f} | {r['ingest_cpu_s']:.3f} "
             f"| {ratio(r, 'ingest_s')} / {ratio(r, 'ingest_cpu_s')} | {r['stories_s']:.3f} "
             f"| {r['stories_cpu_s']:.3f} | {ratio(r, 'stories_cpu_s')} | {r['reclustered']} "
             f"| {r['rss_growth_mib']:.1f} | {r['traced_peak_mib']:.1f} |" for r in rows]
    return "\n".join([head, *lines])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], nargs="+",
                    default=[[0, 1000, 10000, 100000]],
                    help="database sizes in articles (0 is empty): 0 1000 or 0,1000,10000")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per size (the median is reported)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="where the databases are kept")
    ap.add_argument("--rebuild", action="store_true", help="build the databases again")
    ap.add_argument("--check", action="store_true", help="compare the stories with a full recompute")
    ap.add_argument("--profile", type=int, metavar="N", help="cProfile of one ingest into the N database")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds allowed for one build or run")
    ap.add_argument("--json", action="store_true", help="also print each row as JSON")
    ap.add_argument("--build-one", type=int, help=argparse.SUPPRESS)     # child processes
    ap.add_argument("--measure-one", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build_one is not None:
        print(json.dumps(build(args.build_one, db_path(args.workdir, args.build_one, args.seed), args.seed)))
        return
    if args.measure_one:
        print(json.dumps(measure_one(args.measure_one, args.trace, False, args.check)))
        return
    if args.profile is not None:
        db = ensure_db(args.workdir, args.profile, args.seed, args.rebuild, args.timeout)
        with tempfile.TemporaryDirectory(dir=args.workdir, prefix="run-") as tmp:
            copy = Path(tmp) / "marsad.db"
            _fresh_copy(db, copy)
            measure_one(copy, False, True, False)
        return
    sizes = sorted({n for group in args.sizes for n in group})
    dbs = {n: ensure_db(args.workdir, n, args.seed, args.rebuild, args.timeout) for n in sizes}
    rows = measure_sizes(dbs, args.workdir, args.repeat, args.check, args.timeout)
    print(table(rows))
    if args.check:
        print("\nstories equal to a full recompute after the ingest: "
              + ", ".join(f"{r['n']:,}: {r['same_as_restory']}" for r in rows))
    if args.json:
        for row in rows:
            print(json.dumps(row))


if __name__ == "__main__":
    main()
