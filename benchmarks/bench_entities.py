"""Speed (and person scores) of Marsad's entity linker on the demo corpus.

The demo articles go through the text and date stages once; then only
``link_entities`` is timed, over several passes on one core. Reports the
knowledge base's load time (once per process), articles, words and entities
per second (median pass), and person precision/recall/F1 against the demo gold
(the same comparison as ``marsad evaluate``, but for this stage alone).

    python benchmarks/bench_entities.py [--passes 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

from marsad.annotate.dates import tag_dates
from marsad.annotate.entities import link_entities
from marsad.annotate.knowledge import DEFAULT_DIR, KnowledgeBase, load_kb
from marsad.demo import corpus_path, gold_path
from marsad.evaluate import _name, load_gold
from marsad.ingest import read_inputs
from marsad.model import Article
from marsad.text import clean
from marsad.text.sentences import segment


def prepared_articles() -> list[Article]:
    arts = []
    for art in read_inputs([str(corpus_path())]):
        if isinstance(art, Article):
            arts.append(tag_dates(segment(clean(art)) or art) or art)
    return arts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=5)
    args = ap.parse_args()

    t0 = time.perf_counter()
    kb = KnowledgeBase(DEFAULT_DIR)
    load_s = time.perf_counter() - t0
    load_kb()  # warm the shared cache and the linker's index
    arts = prepared_articles()
    link_entities(arts[0])
    words = sum(len(a.text.split()) for a in arts)

    times, n_entities = [], 0
    for _ in range(args.passes):
        t0 = time.perf_counter()
        n_entities = sum(len(link_entities(a).entities) for a in arts)
        times.append(time.perf_counter() - t0)
    t = statistics.median(times)

    gold = load_gold(gold_path())["articles"]
    tp = fp = fn = 0
    for a in arts:
        if a.id not in gold:
            continue
        want = {_name(p) for p in gold[a.id].get("persons", [])}
        got = {_name(e.name_en) for e in a.entities if e.type == "PERSON" and e.name_en}
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)

    print(f"knowledge base: {len(kb.persons)} persons, {len(kb.organizations)} organizations, "
          f"{len(kb.countries)} countries, {len(kb.places)} places; loaded in {load_s:.2f} s")
    print(f"{len(arts)} articles, {words} words, {n_entities} entities per pass; median of {args.passes} passes {t:.3f} s")
    print(f"speed: {len(arts) / t:.0f} articles/s, {words / t:.0f} words/s, {n_entities / t:.0f} entities/s")
    print(f"persons vs demo gold: P {p:.3f}  R {r:.3f}  F1 {2 * p * r / max(p + r, 1e-9):.3f}")


if __name__ == "__main__":
    main()
