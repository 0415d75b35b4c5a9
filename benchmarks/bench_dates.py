"""Accuracy and speed of Marsad's temporal tagger against dateparser.search_dates.

Both tools read every sentence of tests/data/dates_suite.txt that has an
anchor (the publication date); dateparser gets it as RELATIVE_BASE, with
languages=['ar'], PREFER_DATES_FROM='past' and DATE_ORDER='DMY' (the settings
a user would pick for Arabic news).

Scores, over the expected mentions and the mentions each tool returns:
  recall     expected mentions found (overlapping span) with the right value
             at the expected grain (a range is judged on its start)
  precision  returned mentions that overlap an expected one and have its value
  exact      expected mentions found with identical text and value (and grain,
             for a tool that gives one)
  fp_sents   sentences with no date where the tool still returned one
Speed is sentences per second on one core (median of several passes).

    python benchmarks/bench_dates.py [--passes 5] [--no-dateparser]
    python benchmarks/bench_dates.py --real dev     # real news pages instead (corpus/real)

With ``--real SPLIT`` the cases are the real-article corpus's pages of that split (texts
from its cache, gold from its parts; a missing text stops the run): each whole page is one case,
its expected mentions the gold date expressions, and its anchor the page's gold
publication date, else its event's gold date (the day a story gives an undated page).
Both tools get the same anchor, so this compares the taggers, not how each finds it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_dates import HELDOUT, SUITE, load_suite  # noqa: E402

from marsad.annotate.dates import find_dates  # noqa: E402

FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
GRAINS = {10: "day", 7: "month", 4: "year"}


def real_cases(split: str) -> list[dict]:
    """The pages of one split of the real-article corpus as cases (see the module doc)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from real_corpus import cached_paths, split_gold

    gold = split_gold(split)
    event_date = {e["event_id"]: e.get("date") for e in gold["events"]}
    # a page missing from the cache stops the run, naming it: a silent skip would change the score
    paths = dict(zip(gold["articles"], cached_paths(gold["articles"])))
    cases = []
    for aid, art in gold["articles"].items():
        anchor = art.get("published") or event_date.get(art["main_event"])
        if not anchor or len(anchor) != 10:
            continue
        text = Path(paths[aid]).read_text(encoding="utf-8")
        mentions = []
        for d in art.get("dates", []):
            if d.get("iso") and len(d["iso"]) in GRAINS and d["text"] in text:
                mentions.append((text.find(d["text"]), {"text": d["text"], "value": d["iso"],
                                                         "grain": GRAINS[len(d["iso"])]}))
        cases.append({"anchor": dt.date.fromisoformat(anchor), "sentence": text,
                      "expected": [m for _, m in sorted(mentions, key=lambda pm: pm[0])]})
    return cases


def marsad_tool(sentence: str, anchor: dt.date) -> list[tuple[int, int, str, str | None, str]]:
    return [(m.start, m.end, m.text, m.value, m.grain) for m in find_dates(sentence, anchor)]


def dateparser_tool(sentence: str, anchor: dt.date) -> list[tuple[int, int, str, str | None, str]]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day, 12),
                "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = search_dates(sentence, languages=["ar"], settings=settings) or []
        except Exception:  # noqa: BLE001 - a crash on one sentence counts as nothing found
            found = []
    out, pos = [], 0
    for text, when in found:
        start = sentence.find(text, pos)
        if start < 0:
            start = sentence.find(text)
        end = start + len(text) if start >= 0 else -1
        pos = max(pos, end)
        # dateparser has no grain: it is judged at whatever grain the gold asks for
        out.append((start, end, text, when, "day"))
    return out


def _value_at(value, grain: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime(FORMATS[grain])
    return value[:{"day": 10, "month": 7, "year": 4}[grain]]


def score(tool, cases) -> dict:
    expected_n = returned_n = recall_hits = exact_hits = precise = fp_sents = 0
    for case in cases:
        sent, gold = case["sentence"], case["expected"]
        spans = []
        pos = 0
        for g in gold:
            start = sent.find(g["text"], pos)
            spans.append((start, start + len(g["text"])))
            pos = start + len(g["text"])
        found = tool(sent, case["anchor"])
        if not gold and found:
            fp_sents += 1
        expected_n += len(gold)
        returned_n += len(found)
        for g, (gs, ge) in zip(gold, spans):
            for fs, fe, ftext, fval, fgrain in found:
                if fs < ge and gs < fe and _value_at(fval, g["grain"]) == g["value"]:
                    recall_hits += 1
                    break
            for fs, fe, ftext, fval, fgrain in found:
                # a tool without grains (dateparser) is judged at the gold's grain
                same_grain = isinstance(fval, dt.datetime) or fgrain == g["grain"]
                if ftext == g["text"] and same_grain and _value_at(fval, g["grain"]) == g["value"]:
                    exact_hits += 1
                    break
        for fs, fe, ftext, fval, fgrain in found:
            if any(fs < ge and gs < fe and _value_at(fval, g["grain"]) == g["value"]
                   for g, (gs, ge) in zip(gold, spans)):
                precise += 1
    return {"expected": expected_n, "returned": returned_n,
            "recall": recall_hits / expected_n, "precision": precise / max(returned_n, 1),
            "exact": exact_hits / expected_n, "fp_sents": fp_sents,
            "negatives": sum(1 for c in cases if not c["expected"])}


def speed(tool, cases, passes: int) -> float:
    rates = []
    for _ in range(passes):
        t0 = time.perf_counter()
        for case in cases:
            tool(case["sentence"], case["anchor"])
        rates.append(len(cases) / (time.perf_counter() - t0))
    return statistics.median(rates)


def throughput(passes: int) -> float:
    """Characters per second of find_dates on one long text (all suite sentences
    joined, as an article-sized workload without per-call overhead)."""
    text = "\n".join(c["sentence"] for c in load_suite(SUITE))
    rates = []
    for _ in range(passes):
        t0 = time.perf_counter()
        find_dates(text, dt.date(2025, 2, 12))
        rates.append(len(text) / (time.perf_counter() - t0))
    return statistics.median(rates)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=5, help="timing passes for Marsad (dateparser gets 1)")
    ap.add_argument("--no-dateparser", action="store_true", help="score Marsad only")
    ap.add_argument("--real", choices=("dev", "heldout"), help="real news pages of this split instead of the suites")
    args = ap.parse_args()
    tools = [("marsad find_dates", marsad_tool, args.passes)]
    if not args.no_dateparser:
        import dateparser

        tools.append((f"dateparser {dateparser.__version__} search_dates", dateparser_tool, 1))
    find_dates("تمهيد", dt.date(2025, 1, 1))   # load the lexicons before timing
    suites = [(f"real {args.real}", real_cases(args.real))] if args.real else \
        [(path.name, [c for c in load_suite(path) if c["anchor"] is not None]) for path in (SUITE, HELDOUT)]
    for name_of_suite, cases in suites:
        negatives = sum(1 for c in cases if not c["expected"])
        print(f"\n{name_of_suite}: {len(cases)} texts with an anchor, "
              f"{sum(len(c['expected']) for c in cases)} expected mentions, {negatives} without a date")
        print("| tool | recall | precision | exact | false alarms | sentences/s |")
        print("| --- | --- | --- | --- | --- | --- |")
        for name, tool, passes in tools:
            s = score(tool, cases)
            rate = speed(tool, cases, passes)
            print(f"| {name} | {s['recall']:.1%} | {s['precision']:.1%} | {s['exact']:.1%} | "
                  f"{s['fp_sents']} of {negatives} | {rate:,.0f} |")
    if not args.real:
        print(f"\nmarsad find_dates on one long text: {throughput(args.passes):,.0f} characters/s")


if __name__ == "__main__":
    main()
