"""End-to-end throughput: the whole pipeline on the demo corpus, stage by stage.

    .venv/bin/python benchmarks/bench_pipeline.py [--rounds 3]

Reads the demo corpus once, then annotates it ``rounds`` times (fresh copies each
time), timing every stage, and finally connects the articles into stories.
Prints articles per second, MB per second and each stage's share of the time.
"""

from __future__ import annotations

import argparse
import copy
import time
from collections import defaultdict

from marsad.demo import corpus_path
from marsad.ingest import InputError, read_inputs
from marsad.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    pipeline = Pipeline()
    pipeline(next(a for a in read_inputs([str(corpus_path())]) if not isinstance(a, InputError)))
    load_s = time.perf_counter() - started  # knowledge base and lexicons, once per process

    originals = [a for a in read_inputs([str(corpus_path())]) if not isinstance(a, InputError)]
    size_mb = sum(len((a.html or a.raw).encode("utf-8")) for a in originals) / 1e6
    per_stage: dict[str, float] = defaultdict(float)
    annotated = []
    total = 0.0
    for _ in range(args.rounds):
        for original in originals:
            art = copy.deepcopy(original)
            for name, stage in pipeline.stages:
                t0 = time.perf_counter()
                art = stage(art) or art
                dt = time.perf_counter() - t0
                per_stage[name] += dt
                total += dt
            annotated.append(art)
    t0 = time.perf_counter()
    stories = pipeline.connect(annotated[:len(originals)])
    connect_s = time.perf_counter() - t0

    n = len(originals) * args.rounds
    print(f"start-up (knowledge base, lexicons): {load_s:.2f} s")
    print(f"{n} articles ({size_mb * args.rounds:.2f} MB) in {total:.2f} s: "
          f"{n / total:.1f} articles/s, {size_mb * args.rounds / total:.2f} MB/s")
    print("| stage | ms/article | share |")
    print("| --- | ---: | ---: |")
    for name, _ in pipeline.stages:
        print(f"| {name} | {1000 * per_stage[name] / n:.1f} | {100 * per_stage[name] / total:.0f}% |")
    print(f"stories for {len(originals)} articles: {len(stories)} in {connect_s:.2f} s")


if __name__ == "__main__":
    main()
