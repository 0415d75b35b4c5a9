"""Train the learned sentence classifier (issue 11) on our dev annotations, measure it on a
grouped split, and write the shipped model.

    python scripts/train_event_classifier.py            # grouped-split table, then the model
    python scripts/train_event_classifier.py --no-save  # the table only

Training data (dev only, texts from the local cache, never committed): the sentence-suite
rows of parts s1, s2, s4, s5 (a sentence is positive for the types it has a positive row
for and negative for its part's other scored types; other types are unknown and masked)
and the headline of each article of parts c1-c3, c6-c9, positive for its gold main-event
type and negative for the other types.

Grouped split: fold A trains on the older parts (s1, s2, c1-c3) and tests on the newer
parts by other outlets (s4, s5, c6-c9); fold B the reverse. On each test side it reports
(a) the rule coder alone, (b) the classifier alone, (c) the classifier as a precision gate
on the rule coder's asserted non-main events, (d) as a bonus in the main-event choice.
The gate and bonus are picked on the training side only, from out-of-fold scores (three
folds by article). Deterministic (fixed seeds). Held-out parts are never read.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
# --rules-at runs the rule coder of an older commit: its source tree comes first on the path
sys.path.insert(0, os.environ.get("MARSAD_RULES_SRC") or str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import real_corpus as rc  # noqa: E402

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
         "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
         "MOBILIZE", "COERCE", "ASSAULT")      # marsad.model.PLOVER_TYPES (checked on load)

SENTENCE_PARTS = {"A": ("s1", "s2"), "B": ("s4", "s5")}
ARTICLE_PARTS = {"A": ("c1", "c2", "c3"), "B": ("c6", "c7", "c8", "c9")}
BONUSES = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
GATES = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


@functools.lru_cache(maxsize=None)
def text_of(aid: str) -> str:
    # read once: every suite and classifier prediction looks sentences up in it
    return (rc.cache_dir() / f"{aid}.txt").read_text(encoding="utf-8")


def sentence_data(side: str) -> list[dict]:
    rows = []
    for part in SENTENCE_PARTS[side]:
        rows += [r for r in rc.read_jsonl(rc.PARTS / f"{part}.sentences.jsonl") if r["split"] == "dev"]
    return rows


def article_gold(side: str) -> dict[str, str]:
    """article id -> gold main-event type, dev events of the side's parts."""
    out = {}
    for part in ARTICLE_PARTS[side]:
        data = json.loads((rc.PARTS / f"{part}.gold.json").read_text(encoding="utf-8"))
        types = {e["event_id"]: e["plover_type"] for e in data["events"] if e.get("split") == "dev"}
        for aid, art in data["articles"].items():
            if art["main_event"] in types:
                out[aid] = types[art["main_event"]]
    return out


def run_pipeline(aids: list[str]) -> dict[str, dict]:
    """Each article through the default pipeline, keeping what the hooks would see: the main
    candidates (type, modality, final score, sentence text) and the coded events."""
    from marsad.annotate import events as events_mod
    from marsad.workflow import annotate

    captured: list = []
    original = events_mod.choose_main

    def capture(cands, *args, **kwargs):
        main = original(cands, *args, **kwargs)
        captured.append(list(cands))
        return main

    paths = rc.cached_paths(aids)
    events_mod.choose_main = capture
    out = {}
    try:
        for n, (aid, path) in enumerate(zip(aids, paths), 1):
            if n % 50 == 0:
                print(f"  {n}/{len(aids)} articles", file=sys.stderr)
            captured.clear()
            arts = list(annotate([path]))
            art = arts[0]
            cands = []
            for c in (captured[0] if captured else []):
                if c.mention_only:
                    continue
                cands.append({"type": c.event.type, "modality": c.event.modality, "score": c.event.score,
                              "background": c.background, "index": c.sentence_index,
                              "sentence": art.sentences[c.sentence_index].text, "main": c.event.main})
            evs = [{"type": e.type, "modality": e.modality, "main": e.main,
                    "spans": [(x.start, x.end) for x in e.evidence],
                    "sentences": [x.sentence or "" for x in e.evidence]} for e in art.events]
            out[aid] = {"text": art.text, "cands": cands, "events": evs,
                        "headline": art.sentences[0].text if art.sentences else ""}
    finally:
        events_mod.choose_main = original
    return out


def choose(cands: list[dict], prob, bonus: float) -> str | None:
    """The main event's type when each candidate gets ``bonus * p(type | its sentence)``,
    ties broken as ``event_main.choose_main`` breaks them."""
    eligible = [c for c in cands if not c["background"]] or cands
    if not eligible:
        return None
    best = max(eligible, key=lambda c: (c["score"] + bonus * prob(c["sentence"], c["type"]),
                                        c["modality"] == "asserted", -c["index"]))
    return best["type"]


def suite_predictions(rows: list[dict], runs: dict[str, dict], prob, gate: float) -> dict[tuple, set[str]]:
    """``real_corpus.predict_sentences`` on the kept runs, with the gate: an asserted event
    other than the main one whose evidence sentences all score under ``gate`` for its type
    is dropped."""
    predicted: dict[tuple, set[str]] = {}
    for r in rows:
        key = (r["article"], r["start"], r["end"])
        got = predicted.setdefault(key, set())
        run = runs[r["article"]]
        where = rc.locate(text_of(r["article"]), run["text"], r["start"], r["end"])
        if where is None:
            continue
        for ev in run["events"]:
            if ev["modality"] != "asserted":
                continue
            if gate > 0 and not ev["main"] and \
                    max((prob(s, ev["type"]) for s in ev["sentences"]), default=1.0) < gate:
                continue
            if any(s < where[1] and e > where[0] for s, e in ev["spans"]):
                got.add(ev["type"])
    return predicted


def classifier_predictions(rows: list[dict], vec, thr: float) -> dict[tuple, set[str]]:
    out = {}
    for r in rows:
        key = (r["article"], r["start"], r["end"])
        if key not in out:
            p = vec(text_of(r["article"])[r["start"]:r["end"]])
            out[key] = {t for t, x in zip(TYPES, p) if x >= thr}
    return out


def training_set(rows: list[dict], gold: dict[str, str], runs: dict[str, dict]):
    """(sentences, labels, mask, group of each sentence)."""
    gold_types, scored = rc.sentence_gold_by_part(rows)
    texts, labels, mask, groups = [], [], [], []
    for key, truth in sorted(gold_types.items()):
        texts.append(text_of(key[0])[key[1]:key[2]])
        labels.append([t in truth for t in TYPES])
        here = scored[rc.part_of(key[0])]
        mask.append([t in here for t in TYPES])
        groups.append(key[0])
    for aid, t in sorted(gold.items()):
        head = runs[aid]["headline"]
        if not head:
            continue
        texts.append(head)
        labels.append([x == t for x in TYPES])
        mask.append([True] * len(TYPES))
        groups.append(aid)
    return texts, np.array(labels, np.float32), np.array(mask, np.float32), groups


@functools.lru_cache(maxsize=1)
def classifier_module():
    """marsad.annotate.event_classifier (imported only where the tree's own source is on the path,
    never in the --rules-at child)."""
    from marsad.annotate import event_classifier as module
    assert tuple(module.PLOVER_TYPES) == TYPES
    return module


def fit(texts, labels, mask, seed=0):
    return classifier_module().train(texts, labels, mask, types=TYPES, seed=seed)


def prob_fn(model):
    cache: dict[str, np.ndarray] = {}

    def vec(s: str) -> np.ndarray:
        if s not in cache:
            cache[s] = model.vector(s)
        return cache[s]

    def prob(s: str, t: str) -> float:
        return float(vec(s)[TYPES.index(t)])
    return prob, vec


def main_accuracy(gold: dict[str, str], runs: dict[str, dict], prob, bonus: float) -> float:
    return sum(choose(runs[a]["cands"], prob, bonus) == t for a, t in gold.items()) / max(len(gold), 1)


def micro_f1(scores: dict) -> float:
    return scores["overall"]["f1"] or 0.0


def pick_on_train(rows, gold, runs, texts, labels, mask, groups):
    """Out-of-fold scores on the training side (three folds by article), then the bonus,
    gate and classifier threshold that do best there."""
    fold_of = {g: zlib.crc32(g.encode()) % 3 for g in set(groups)}
    probs: dict[str, np.ndarray] = {}
    for k in range(3):
        keep = [i for i, g in enumerate(groups) if fold_of[g] != k]
        model = fit([texts[i] for i in keep], labels[keep], mask[keep])
        need = set()
        for aid in [a for a in set(groups) if fold_of[a] == k]:
            if aid in runs:
                need |= {c["sentence"] for c in runs[aid]["cands"]}
                need |= {s for ev in runs[aid]["events"] for s in ev["sentences"]}
        need |= {texts[i] for i, g in enumerate(groups) if fold_of[g] == k}
        for s in need:
            probs[s] = model.vector(s)

    def prob(s, t):
        return float(probs[s][TYPES.index(t)]) if s in probs else 0.5

    def vec(s):
        return probs.get(s, np.full(len(TYPES), 0.5))
    bonus = max(BONUSES, key=lambda b: (round(main_accuracy(gold, runs, prob, b), 4), -b))
    gate = max(GATES, key=lambda g: (round(micro_f1(rc.score_sentence_labels(
        rows, suite_predictions(rows, runs, prob, g))), 4), -g))
    thr = max(THRESHOLDS, key=lambda x: round(micro_f1(rc.score_sentence_labels(
        rows, classifier_predictions(rows, vec, x))), 4))
    return bonus, gate, thr


def fmt(v):
    return "  -  " if v is None else f"{v:5.2f}"


def table(name: str, results: dict[str, dict]) -> list[str]:
    lines = [f"{name}", f"{'type':10} " + "  ".join(f"{k:^17}" for k in results),
             f"{'':10} " + "  ".join(f"{'P':>5} {'R':>5} {'F1':>5}" for _ in results)]
    types = sorted(set().union(*(r["types"] for r in results.values())))
    for t in types + ["overall"]:
        cells = []
        for r in results.values():
            c = r["overall"] if t == "overall" else r["types"].get(t)
            cells.append(f"{fmt(c and c['precision'])} {fmt(c and c['recall'])} {fmt(c and c['f1'])}")
        lines.append(f"{t:10} " + "  ".join(cells))
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-save", action="store_true", help="measure only; leave the shipped model alone")
    ap.add_argument("--out", default=str(REPO / "src" / "marsad" / "data" / "models" / "event_types.npz"))
    ap.add_argument("--rules-at", metavar="COMMIT",
                    help="the rule coder of an older commit (e.g. one from before the newer parts existed)")
    ap.add_argument("--dump-runs", metavar="FILE", help=argparse.SUPPRESS)
    ap.add_argument("--new-parts", metavar="PARTS",
                    help="comma-separated full dev parts newer than both sides (e.g. c12,c13,c14,c15): "
                         "adds a fold trained on A+B and tested on their main-event types")
    args = ap.parse_args(argv)

    if args.new_parts:
        SENTENCE_PARTS["C"] = ()
        new_parts = rc.parse_parts(args.new_parts, "--new-parts")
        no_gold = [p for p in new_parts if not (rc.PARTS / f"{p}.gold.json").is_file()]
        if no_gold:
            raise SystemExit(f"--new-parts: {', '.join(no_gold)} has no gold.json (only full-annotation parts)")
        ARTICLE_PARTS["C"] = tuple(new_parts)
    sides = "ABC" if args.new_parts else "AB"
    rows = {s: sentence_data(s) for s in sides}
    gold = {s: article_gold(s) for s in sides}
    aids = sorted({r["article"] for s in sides for r in rows[s]} | {a for s in sides for a in gold[s]})
    if args.dump_runs:
        Path(args.dump_runs).write_text(json.dumps(run_pipeline(aids), ensure_ascii=False), encoding="utf-8")
        return 0
    print(f"running the rule coder{' of ' + args.rules_at if args.rules_at else ''} on {len(aids)} dev articles",
          file=sys.stderr)
    if args.rules_at:
        with tempfile.TemporaryDirectory() as tmp:
            git = subprocess.run(["git", "-C", str(REPO), "archive", args.rules_at, "src"], capture_output=True)
            if git.returncode != 0:
                raise SystemExit(f"--rules-at {args.rules_at}: {git.stderr.decode(errors='replace').strip()}")
            archive = git.stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            dump = Path(tmp) / "runs.json"
            subprocess.run([sys.executable, __file__, "--dump-runs", str(dump)]
                           + (["--new-parts", args.new_parts] if args.new_parts else []), check=True,
                           env={**os.environ, "MARSAD_RULES_SRC": str(Path(tmp) / "src")})
            runs = json.loads(dump.read_text(encoding="utf-8"))
        for run in runs.values():
            for ev in run["events"]:
                ev["spans"] = [tuple(x) for x in ev["spans"]]
    else:
        runs = run_pipeline(aids)
    data = {s: training_set(rows[s], gold[s], runs) for s in "AB"}
    # both sides together: the A+B->C fold and the shipped model are trained on it
    both_texts = data["A"][0] + data["B"][0]
    both_labels = np.concatenate([data["A"][1], data["B"][1]])
    both_mask = np.concatenate([data["A"][2], data["B"][2]])
    report = []
    picked = {}
    for train_side, test_side in (("A", "B"), ("B", "A")):
        texts, labels, mask, groups = data[train_side]
        print(f"fold {train_side}->{test_side}: settings on 3 inner folds, then the model", file=sys.stderr)
        bonus, gate, thr = pick_on_train(rows[train_side], gold[train_side], runs, texts, labels, mask, groups)
        picked[train_side] = (bonus, gate, thr)
        model = fit(texts, labels, mask)
        prob, vec = prob_fn(model)
        test_rows, test_gold = rows[test_side], gold[test_side]
        res = {
            "(a) rules": rc.score_sentence_labels(test_rows, suite_predictions(test_rows, runs, prob, 0.0)),
            f"(b) clf>={thr}": rc.score_sentence_labels(test_rows, classifier_predictions(test_rows, vec, thr)),
            f"(c) gate {gate}": rc.score_sentence_labels(test_rows, suite_predictions(test_rows, runs, prob, gate)),
        }
        name = (f"fold {train_side}->{test_side}: trained on {'+'.join(SENTENCE_PARTS[train_side] + ARTICLE_PARTS[train_side])} "
                f"({len(texts)} sentences), tested on {'+'.join(SENTENCE_PARTS[test_side] + ARTICLE_PARTS[test_side])}; "
                f"picked on the training side: bonus {bonus}, gate {gate}, threshold {thr}")
        report += table(name, res)
        base = main_accuracy(test_gold, runs, prob, 0.0)
        with_bonus = main_accuracy(test_gold, runs, prob, bonus)
        report.append(f"main-event type on {len(test_gold)} articles: rules {100 * base:.1f}%, "
                      f"(d) with bonus {bonus}: {100 * with_bonus:.1f}%")
        report.append("    (not used to pick) other bonuses: " + ", ".join(
            f"{b} {100 * main_accuracy(test_gold, runs, prob, b):.1f}%" for b in BONUSES[1:]))
        report.append("    (not used to pick) other gates, sentence P/R/F1: " + ", ".join(
            "{} {:.2f}/{:.2f}/{:.2f}".format(g, *(sc["overall"][k] or 0 for k in ("precision", "recall", "f1")))
            for g in GATES[1:]
            for sc in [rc.score_sentence_labels(test_rows, suite_predictions(test_rows, runs, prob, g))]))
        head = sum(TYPES[int(np.argmax(vec(runs[a]["headline"])))] == t for a, t in test_gold.items())
        report.append(f"    classifier alone, the headline's top type: {100 * head / max(len(test_gold), 1):.1f}%")
        report.append("")
    if args.new_parts:
        # the newest parts, held back from both sides: settings picked on A+B only
        print("fold A+B->C: settings on 3 inner folds, then the model", file=sys.stderr)
        groups = data["A"][3] + data["B"][3]
        train_gold = {**gold["A"], **gold["B"]}
        bonus, gate, thr = pick_on_train(rows["A"] + rows["B"], train_gold, runs, both_texts, both_labels,
                                         both_mask, groups)
        model = fit(both_texts, both_labels, both_mask)
        prob, vec = prob_fn(model)
        test_gold = gold["C"]
        base = main_accuracy(test_gold, runs, prob, 0.0)
        report.append(f"fold A+B->C (C = {'+'.join(ARTICLE_PARTS['C'])}, {len(test_gold)} articles); picked on A+B: "
                      f"bonus {bonus}, gate {gate}, threshold {thr}")
        report.append(f"main-event type: rules {100 * base:.1f}%, (d) with bonus {bonus}: "
                      f"{100 * main_accuracy(test_gold, runs, prob, bonus):.1f}%")
        report.append("    (not used to pick) other bonuses: " + ", ".join(
            f"{b} {100 * main_accuracy(test_gold, runs, prob, b):.1f}%" for b in BONUSES[1:]))
        head = sum(TYPES[int(np.argmax(vec(runs[a]["headline"])))] == t for a, t in test_gold.items())
        report.append(f"    classifier alone, the headline's top type: {100 * head / max(len(test_gold), 1):.1f}%")
        report.append("")
    print("\n".join(report))
    if not args.no_save:
        print("the shipped model, on both sides", file=sys.stderr)
        model = fit(both_texts, both_labels, both_mask)
        model.meta.update({"sentences": float(len(both_texts))})
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        model.save(out)
        print(f"wrote {out} ({out.stat().st_size} bytes, {len(both_texts)} training sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
