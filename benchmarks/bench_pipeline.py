"""End-to-end throughput: the whole pipeline on the demo corpus, stage by stage.

    .venv/bin/python benchmarks/bench_pipeline.py [--rounds 3] [--baseline REF]

Reads the demo corpus once, then annotates it ``rounds`` times (fresh copies each
time), timing every stage with ``time.process_time()`` (the CPU time of this one
process, so other work on a shared machine does not count) and keeping the best
round; the first round (cold word caches) is printed too. Finally connects the
articles into stories.

``--baseline REF`` also measures the code of git revision REF (checked out in a
temporary ``git worktree``) with this same script, in a subprocess, and prints
both figures from the one run.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from marsad.demo import corpus_path
from marsad.ingest import InputError, read_inputs
from marsad.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]


def measure(rounds: int) -> dict:
    """Best-of-``rounds`` CPU time per article and per stage on the demo corpus."""
    started = time.process_time()
    pipeline = Pipeline()
    pipeline(next(a for a in read_inputs([str(corpus_path())]) if not isinstance(a, InputError)))
    load_s = time.process_time() - started  # knowledge base and lexicons, once per process

    originals = [a for a in read_inputs([str(corpus_path())]) if not isinstance(a, InputError)]
    size_mb = sum(len((a.html or a.raw).encode("utf-8")) for a in originals) / 1e6
    results = []
    annotated = []
    for _ in range(rounds):
        per_stage: dict[str, float] = defaultdict(float)
        annotated = []
        for original in originals:
            art = copy.deepcopy(original)
            for name, stage in pipeline.stages:
                t0 = time.process_time()
                art = stage(art) or art
                per_stage[name] += time.process_time() - t0
            annotated.append(art)
        results.append(dict(per_stage))
    t0 = time.process_time()
    stories = pipeline.connect(annotated)
    connect_s = time.process_time() - t0
    best = min(results, key=lambda r: sum(r.values()))
    return {"articles": len(originals), "mb": size_mb, "load_s": load_s,
            "first_s": sum(results[0].values()), "best_s": sum(best.values()),
            "stages": [(name, best.get(name, 0.0)) for name, _ in pipeline.stages],
            "stories": len(stories), "connect_s": connect_s}


def report(label: str, r: dict) -> None:
    n, total = r["articles"], r["best_s"]
    print(f"{label}: start-up (knowledge base, lexicons) {r['load_s']:.2f} s CPU")
    print(f"{label}: {n} articles ({r['mb']:.2f} MB), best round {total:.3f} s CPU: "
          f"{n / total:.1f} articles/s, {r['mb'] / total:.2f} MB/s "
          f"(first, cold round: {n / r['first_s']:.1f} articles/s)")
    print("| stage | ms/article | share |")
    print("| --- | ---: | ---: |")
    for name, seconds in r["stages"]:
        print(f"| {name} | {1000 * seconds / n:.2f} | {100 * seconds / total:.0f}% |")
    print(f"{label}: stories for {n} articles: {r['stories']} in {r['connect_s']:.2f} s CPU")


def baseline(ref: str, rounds: int) -> dict:
    """Run this script's ``measure`` on the code of revision ``ref``."""
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(tree), ref], check=True)
        try:
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            out = subprocess.run([sys.executable, __file__, "--rounds", str(rounds), "--json"],
                                 env=env, check=True, capture_output=True, text=True).stdout
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)
    return json.loads(out.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", metavar="REF", help="also measure git revision REF, in the same run")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)   # used by --baseline
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.rounds)))
        return
    if args.baseline:
        old = baseline(args.baseline, args.rounds)
        report(f"baseline {args.baseline}", old)
        print()
    new = measure(args.rounds)
    report("this tree", new)
    if args.baseline:
        print(f"\nspeed-up: {old['best_s'] / new['best_s']:.2f}x "
              f"({old['articles'] / old['best_s']:.1f} -> {new['articles'] / new['best_s']:.1f} articles/s)")


if __name__ == "__main__":
    main()
