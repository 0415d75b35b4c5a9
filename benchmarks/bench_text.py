"""Benchmark of the text layer: pages/s and MB/s on text dumps and on HTML pages,
with trafilatura alone as the reference, and main-text token F1 on the HTML test
pages (tests/data/html) for both.

Run: .venv/bin/python benchmarks/bench_text.py [--rounds N]
Results go to stdout as a Markdown table (docs/text.md keeps the last run).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "tests" / "data" / "html"
SEEDS = REPO.parent / "shared" / "seeds"
DEMO = REPO / "src" / "marsad" / "demo"



def timed(label: str, work, items: list, size_bytes: int, rounds: int) -> dict:
    work(items)                          # warm-up: imports, lexicons, caches, lazy loads
    start = time.perf_counter()
    for _ in range(rounds):
        work(items)
    seconds = (time.perf_counter() - start) / rounds
    return {"what": label, "pages": len(items), "pages_per_s": len(items) / seconds,
            "mb_per_s": size_bytes / 2**20 / seconds}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import trafilatura

    from marsad.evaluate import token_f1
    from marsad.ingest import read_inputs
    from marsad.ingest.pages import text_article
    from marsad.text import clean

    html_files = sorted(PAGES.glob("*.html"))
    html_bytes = [p.read_bytes() for p in html_files]
    text_files = sorted(SEEDS.glob("*.txt")) + sorted(DEMO.rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in text_files]

    def ours_html(files):
        for art in read_inputs([str(p) for p in files]):
            clean(art)

    def trafilatura_html(pages):
        for data in pages:
            trafilatura.extract(data.decode("cp1256" if b"windows-1256" in data[:500] else "utf-8"),
                                include_comments=False, favor_precision=True, with_metadata=True)

    def ours_text(items):
        for i, text in enumerate(items):
            clean(text_article(str(i), text, "bench"))

    rows = [
        timed("HTML: Marsad (ingest + clean)", ours_html, html_files, sum(map(len, html_bytes)), args.rounds),
        timed("HTML: trafilatura.extract alone", trafilatura_html, html_bytes, sum(map(len, html_bytes)),
              args.rounds),
        timed("text dumps: Marsad clean", ours_text, texts, sum(len(t.encode()) for t in texts), args.rounds * 4),
    ]

    ours_f1, ref_f1, meta_ok = [], [], 0
    for path, data in zip(html_files, html_bytes):
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        art = clean(next(read_inputs([str(path)])))
        ours_f1.append(token_f1(art.text, expected["text"]))
        meta_ok += (art.title, art.author, art.published) == (expected["title"], expected["author"],
                                                               expected["published"])
        body = expected["text"].split("\n", 1)[1]        # trafilatura leaves the headline out
        ref = trafilatura.bare_extraction(data.decode("cp1256" if b"windows-1256" in data[:500] else "utf-8"),
                                          include_comments=False, favor_precision=True, with_metadata=True)
        ref_f1.append(token_f1(ref.text if ref else "", body))

    print(f"python {sys.version.split()[0]}, trafilatura {trafilatura.__version__}, rounds {args.rounds}\n")
    print("| what | pages | pages/s | MB/s |\n|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['what']} | {r['pages']} | {r['pages_per_s']:.1f} | {r['mb_per_s']:.2f} |")
    print(f"\nMain-text token F1 on {len(html_files)} test pages: Marsad mean {sum(ours_f1) / len(ours_f1):.3f} "
          f"(min {min(ours_f1):.3f}); trafilatura alone mean {sum(ref_f1) / len(ref_f1):.3f} "
          f"(min {min(ref_f1):.3f}). Title, author and date all right: {meta_ok}/{len(html_files)}.")


if __name__ == "__main__":
    main()
