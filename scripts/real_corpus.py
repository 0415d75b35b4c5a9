"""The real-article development corpus: rebuild, verify, merge and score it.

Third-party text is never committed. The repository holds, under ``corpus/real/``,
each article's URL, the search query that finds it in the search store, the
SHA-256 of its text and our own gold annotations; the texts themselves live in a
cache outside the repository (``$MARSAD_REAL_CORPUS``, else
``~/.cache/marsad/real``), one ``<id>.txt`` a article.

    python scripts/real_corpus.py rebuild RESPONSE.json...  # texts from saved search answers
    python scripts/real_corpus.py verify                    # every cached text against its hash
    python scripts/real_corpus.py build                     # parts/ -> manifest.jsonl, gold_*.json, sentences.jsonl
    python scripts/real_corpus.py score {dev|heldout} [--parts P,Q] [--cached-only]
                                                            # marsad evaluate on that split
    python scripts/real_corpus.py stats                     # articles, outlets, events, types per split
    python scripts/real_corpus.py score-sentences {dev|heldout} [--errors]
                                        # sentence-level event detection: P/R/F1 per PLOVER type
    python scripts/real_corpus.py add PART ID URL --outlet O --region R --query Q
                                        # record a cached text <cache>/<ID>.txt in parts/PART.manifest.jsonl

A search answer is the JSON the search tool returns for a ``pages`` query: a
``results`` list of ``{url, excerpt}``. ``rebuild`` writes the excerpt of every
manifest URL it finds, and says which hashes match.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus" / "real"
PARTS = CORPUS / "parts"
SPLITS = ("dev", "heldout")


def cache_dir() -> Path:
    return Path(os.environ.get("MARSAD_REAL_CORPUS") or Path.home() / ".cache" / "marsad" / "real")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_paths(aids) -> list[str]:
    """The cached texts of these articles, stopping with their names where any is missing
    (an article left out would be scored as a silent miss)."""
    paths = [cache_dir() / f"{aid}.txt" for aid in aids]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"{len(missing)} cached text(s) missing in {cache_dir()}: "
                         f"{', '.join(p.name for p in missing[:5])}{' ...' if len(missing) > 5 else ''} "
                         f"(fetch them, then `real_corpus.py verify`)")
    return [str(p) for p in paths]


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc})")
    return rows


def manifest() -> list[dict]:
    """Every article of every part, in part order (ids are unique across parts)."""
    rows: list[dict] = []
    seen: dict[str, str] = {}
    for part in sorted(PARTS.glob("*.manifest.jsonl")):
        for row in read_jsonl(part):
            if row["id"] in seen:
                raise SystemExit(f"{part.name}: id {row['id']} already in {seen[row['id']]}")
            seen[row["id"]] = part.name
            rows.append(row)
    return rows


def cmd_rebuild(args) -> int:
    by_url: dict[str, list[dict]] = {}
    for row in manifest():
        by_url.setdefault(row["url"], []).append(row)
    out = cache_dir()
    out.mkdir(parents=True, exist_ok=True)
    written = mismatched = 0
    for response in args.responses:
        try:
            answer = json.loads(Path(response).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"{response}: not a search answer ({exc})", file=sys.stderr)
            continue
        for result in answer.get("results", []):
            for row in by_url.get(result.get("url"), []):
                text = result.get("excerpt", "")
                ok = sha256_text(text) == row["sha256"]
                (out / f"{row['id']}.txt").write_text(text, encoding="utf-8")
                written += 1
                mismatched += not ok
                if not ok:
                    print(f"{row['id']}: the stored text has changed since it was annotated", file=sys.stderr)
    print(f"wrote {written} texts to {out}, {mismatched} differ from their hash")
    return 1 if mismatched else 0


def cmd_verify(args) -> int:
    rows = manifest()
    missing, bad = [], []
    for row in rows:
        path = cache_dir() / f"{row['id']}.txt"
        if not path.exists():
            missing.append(row["id"])
        elif sha256_text(path.read_text(encoding="utf-8")) != row["sha256"]:
            bad.append(row["id"])
    print(f"{len(rows)} articles: {len(rows) - len(missing) - len(bad)} verified, "
          f"{len(missing)} missing, {len(bad)} changed (cache: {cache_dir()})")
    for aid in missing:
        print(f"  missing {aid}", file=sys.stderr)
    for aid in bad:
        print(f"  changed {aid}", file=sys.stderr)
    return 1 if missing or bad else 0


def cmd_add(args) -> int:
    path = cache_dir() / f"{args.id}.txt"
    if not path.exists():
        raise SystemExit(f"{path}: no cached text for {args.id}; write the excerpt there first")
    text = path.read_text(encoding="utf-8")
    rows = manifest()
    if args.id in {r["id"] for r in rows}:
        raise SystemExit(f"{args.id}: already in the manifest")
    # one page in two parts could put one text in both splits
    digest = sha256_text(text)
    for r in rows:
        if r["url"] == args.url or r["sha256"] == digest:
            raise SystemExit(f"{args.id}: this page is already in the corpus as {r['id']} "
                             f"({'same URL' if r['url'] == args.url else 'same text'})")
    row = {"id": args.id, "url": args.url, "outlet": args.outlet, "region": args.region,
           "query": args.query, "sha256": digest, "chars": len(text),
           "lines": len(text.splitlines()), "annotated": args.annotated}
    PARTS.mkdir(parents=True, exist_ok=True)
    with (PARTS / f"{args.part}.manifest.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.id}: {row['chars']} characters, {row['lines']} lines")
    return 0


def merged_gold() -> dict[str, dict]:
    """The gold parts merged into one gold file per split (the seeds' format). An
    article of one part may report an event annotated in another (one real-world
    event found twice), so events are looked up across parts."""
    gold = {s: {"about": "", "events": [], "secondary_events": [], "articles": {}} for s in SPLITS}
    parts = [(path.name, json.loads(path.read_text(encoding="utf-8"))) for path in sorted(PARTS.glob("*.gold.json"))]
    split_of: dict[str, str] = {}
    for name, data in parts:
        for event in data["events"]:
            split = event.get("split")
            if split not in SPLITS:
                raise SystemExit(f"{name}: event {event['event_id']} has no split (dev|heldout)")
            gold[split]["events"].append(event)
            split_of[event["event_id"]] = split
    for name, data in parts:
        for aid, art in data["articles"].items():
            split = split_of.get(art["main_event"])
            if split is None:
                raise SystemExit(f"{name}: article {aid} names unknown event {art['main_event']}")
            gold[split]["articles"][aid] = art
        for disc in data.get("discrepancies", []):
            split = split_of.get(disc.get("event_id"))
            if split is None:
                raise SystemExit(f"{name}: a discrepancy names unknown event {disc.get('event_id')}")
            gold[split].setdefault("discrepancies", []).append(disc)
    for name, data in parts:
        for event in data.get("secondary_events", []):
            for split in SPLITS:
                ids = [a for a in event.get("articles", []) if a in gold[split]["articles"]]
                if ids:
                    gold[split]["secondary_events"].append({**event, "articles": ids})
    about = ("Gold annotations of real Arabic news articles (texts rebuilt by scripts/real_corpus.py, "
             "never committed). Conventions as in ../shared/seeds/gold.json: line numbers are 1-based; "
             "'published' is the publication date where the text itself shows it, else null.")
    for split in SPLITS:
        gold[split]["about"] = about + f" Split: {split}."
    return gold


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file, so that a scorer running at the same time never reads half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def cmd_build(args) -> int:
    rows = manifest()
    write_atomic(CORPUS / "manifest.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    for split, data in merged_gold().items():
        write_atomic(CORPUS / f"gold_{split}.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    sentences = sentence_rows()
    write_atomic(CORPUS / "sentences.jsonl", "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sentences))
    print(f"{len(rows)} articles, {len(sentences)} sentences")
    return cmd_stats(args)


def cmd_stats(args) -> int:
    rows = {r["id"]: r for r in manifest()}
    for split, data in merged_gold().items():
        ids = list(data["articles"])
        outlets = {rows[a]["outlet"] for a in ids if a in rows}
        types = Counter(e["plover_type"] for e in data["events"])
        print(f"{split}: {len(ids)} articles, {len(outlets)} outlets, {len(data['events'])} events; "
              + ", ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda kv: str(kv[0]))))
    return 0


def cached_ids() -> set[str]:
    """The articles whose text is in the cache (``--cached-only``)."""
    return {p.stem for p in cache_dir().glob("*.txt")}


def narrow_to_cached(ids, what: str) -> set[str]:
    """``ids`` less those with no cached text, saying how many were left out: a partly
    rebuilt cache can still be scored, on fewer articles, and the reader is told so."""
    ids = set(ids)
    have = ids & cached_ids()
    if len(have) < len(ids):
        print(f"--cached-only: scoring {len(have)} of {len(ids)} {what}; "
              f"{len(ids) - len(have)} have no cached text in {cache_dir()}", file=sys.stderr)
    if not have:
        raise SystemExit(f"--cached-only: none of the {len(ids)} {what} has a cached text in {cache_dir()}")
    return have


def split_gold(split: str, parts: list[str] | None = None, only: set[str] | None = None) -> dict:
    """One split's merged gold, narrowed to the articles of some parts (``--parts c5,s3``)
    and, with ``only``, to those article ids: their events, secondary events and
    discrepancies only."""
    gold = merged_gold()[split]
    if not parts and only is None:
        return gold
    keep = {aid: art for aid, art in gold["articles"].items()
            if (not parts or part_of(aid) in parts) and (only is None or aid in only)}
    events = {art["main_event"] for art in keep.values()}
    return {**gold, "articles": keep,
            "events": [e for e in gold["events"] if e["event_id"] in events],
            "secondary_events": [{**e, "articles": [a for a in e["articles"] if a in keep]}
                                 for e in gold["secondary_events"] if any(a in keep for a in e["articles"])],
            "discrepancies": [d for d in gold.get("discrepancies", []) if d.get("event_id") in events]}


def split_inputs(split: str, parts: list[str] | None = None, only: set[str] | None = None) -> list[str]:
    return cached_paths(split_gold(split, parts, only)["articles"])


def write_url_records(split: str, path: Path, parts: list[str] | None = None,
                      only: set[str] | None = None) -> None:
    """The split's texts as JSON Lines records with each manifest URL (``score --urls``):
    what a crawler that knows each page's address would give the pipeline."""
    urls = {row["id"]: row["url"] for row in manifest()}
    with path.open("w", encoding="utf-8") as out:
        for aid in split_gold(split, parts, only)["articles"]:
            text = (cache_dir() / f"{aid}.txt").read_text(encoding="utf-8")
            out.write(json.dumps({"id": aid, "text": text, "url": urls.get(aid)}, ensure_ascii=False) + "\n")


def parse_parts(value: str | None, flag: str = "--parts") -> list[str] | None:
    """``--parts c5,s3`` -> ['c5', 's3'], checked against parts/ (``flag`` names the option in errors)."""
    if not value:
        return None
    parts = [p.strip() for p in value.split(",") if p.strip()]
    known = {path.name.split(".")[0] for path in PARTS.glob("*.jsonl")}
    unknown = [p for p in parts if p not in known]
    if unknown:
        raise SystemExit(f"{flag}: no part named {', '.join(unknown)} in {PARTS}")
    return parts


def cmd_score(args) -> int:
    sys.path.insert(0, str(REPO / "src"))
    import tempfile

    from marsad.evaluate import evaluate, format_scores

    cmd_build(args)  # the merged files are generated from the parts, never edited
    parts = parse_parts(args.parts)
    articles = split_gold(args.split, parts)["articles"]
    if not articles:  # said before --cached-only, whose own message would blame the cache
        raise SystemExit(f"no {args.split} articles in parts {', '.join(parts or [])}")
    only = narrow_to_cached(articles, f"{args.split} articles") if args.cached_only else None
    with tempfile.TemporaryDirectory() as tmp:
        inputs = split_inputs(args.split, parts, only)
        gold_path = CORPUS / f"gold_{args.split}.json"
        if parts or only is not None:
            gold_path = Path(tmp) / "gold.json"
            gold_path.write_text(json.dumps(split_gold(args.split, parts, only), ensure_ascii=False),
                                 encoding="utf-8")
        if args.urls:
            # a text dump has no place for its URL; JSON Lines records carry it
            inputs = [str(Path(tmp) / f"{args.split}.jsonl")]
            write_url_records(args.split, Path(inputs[0]), parts, only)
        scores = evaluate(gold_path, inputs, progress=True)
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        print(format_scores(scores))
    return 0


# --- the sentence-level suite --------------------------------------------------------------
#
# Each row of parts/*.sentences.jsonl labels one sentence of a cached text (character offsets
# into it) for one PLOVER type: positive (the sentence reports such an event) or negative (it
# does not; ``kind`` says what makes it hard: sports, idiom, denial, plan, threat, recap,
# commemoration, condemnation, verdict, statistics ...; a null type marks a sentence with no
# event at all). A sentence labelled for several types has several rows. The labels of a
# sentence are exhaustive for the *scored* types of its part: the types that have at least one
# row in the split among that part's sentences (a part labels for the types it was built for:
# s1's sentences were never labelled for REQUEST, so a REQUEST found there is not scored). A
# sentence counts as predicted for a type when an asserted event of that type has evidence (a
# trigger) inside the sentence, the whole article being annotated.

def sentence_rows(split: str | None = None) -> list[dict]:
    rows = [s for part in sorted(PARTS.glob("*.sentences.jsonl")) for s in read_jsonl(part)]
    return [r for r in rows if split is None or r["split"] == split]


def part_of(article: str) -> str:
    """The part an article id belongs to (s1_003 -> s1)."""
    return article.rsplit("_", 1)[0]


def sentence_gold_by_part(rows: list[dict]) -> tuple[dict[tuple, set[str]], dict[str, set[str]]]:
    """(article, start, end) -> the types the sentence reports, and each part's scored types."""
    gold: dict[tuple, set[str]] = {}
    scored: dict[str, set[str]] = {}
    for r in rows:
        key = (r["article"], r["start"], r["end"])
        types = gold.setdefault(key, set())
        part = scored.setdefault(part_of(r["article"]), set())
        if r["type"]:
            part.add(r["type"])
            if r["label"] == "positive":
                types.add(r["type"])
    return gold, scored


def score_sentence_labels(rows: list[dict], predicted: dict[tuple, set[str]]) -> dict:
    """Precision, recall and F1 per scored type and overall (micro), from the suite's rows and
    the types predicted for each sentence (keyed like ``sentence_gold_by_part``); false
    positives of each hard-negative kind; predictions of unscored types are only counted."""
    gold, by_part = sentence_gold_by_part(rows)
    scored = set().union(*by_part.values())
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in sorted(scored)}
    unscored: Counter = Counter()
    for key, truth in gold.items():
        got = predicted.get(key, set())
        here = by_part[part_of(key[0])]
        for t in here:
            c = counts[t]
            if t in got and t in truth:
                c["tp"] += 1
            elif t in got:
                c["fp"] += 1
            elif t in truth:
                c["fn"] += 1
        unscored.update(t for t in got if t not in here)

    def prf(c: dict) -> dict:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return {**c, "precision": p, "recall": r, "f1": f}

    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    kinds: dict[str, dict[str, int]] = {}
    for r in rows:
        if r["label"] == "negative" and r["type"]:
            k = kinds.setdefault(f"{r['type']}/{r['kind'] or '-'}", {"n": 0, "fp": 0})
            k["n"] += 1
            k["fp"] += r["type"] in predicted.get((r["article"], r["start"], r["end"]), set())
    return {"sentences": len(gold), "articles": len({k[0] for k in gold}),
            "types": {t: prf(c) for t, c in counts.items()}, "overall": prf(total),
            "hard_negatives": dict(sorted(kinds.items())), "unscored_predictions": dict(unscored)}


def locate(raw: str, clean: str, start: int, end: int) -> tuple[int, int] | None:
    """Where raw[start:end] lies in the cleaned text: the same occurrence (a headline repeated
    by the page is two sentences), else the first. When cleaning joined its wrapped lines, or
    removed a byline or breadcrumb glued to its start («شبكة وتر- قصفت …», «الرئيسية / أخبار /
    …»), what is left of it: its words with any spaces between them, else its longest tail of
    whole words that is at least half of it. None when cleaning removed it."""
    sentence = raw[start:end]
    nth = raw.count(sentence, 0, start)
    pos = -1
    for _ in range(nth + 1):
        nxt = clean.find(sentence, pos + 1)
        if nxt < 0:
            break
        pos = nxt
    if pos >= 0:
        return pos, pos + len(sentence)
    words = sentence.split()
    for k in range(len(words)):
        tail = words[k:]
        if k and sum(len(w) + 1 for w in tail) < max(20, len(sentence) / 2):
            break
        m = re.search(r"\s+".join(map(re.escape, tail)), clean)
        if m:
            return m.span()
    return None


def predict_sentences(rows: list[dict], *, modalities: tuple[str, ...] = ("asserted",)) -> dict[tuple, set[str]]:
    sys.path.insert(0, str(REPO / "src"))
    from marsad.workflow import annotate

    by_article: dict[str, list[tuple]] = {}
    sha: dict[tuple, str] = {}  # each sentence's recorded hash (its first row's)
    for r in rows:
        key = (r["article"], r["start"], r["end"])
        by_article.setdefault(r["article"], []).append(key)
        sha.setdefault(key, r["sha256"])
    paths = cached_paths(by_article)
    predicted: dict[tuple, set[str]] = {}
    for art in annotate(paths, progress=True):
        aid = Path(art.source_path or art.id).stem if art.id not in by_article else art.id
        raw = (cache_dir() / f"{aid}.txt").read_text(encoding="utf-8")
        spans = []
        for key in set(by_article.get(aid, [])):
            if sha256_text(raw[key[1]:key[2]]) != sha[key]:
                print(f"{aid}: the sentence at {key[1]}-{key[2]} has changed", file=sys.stderr)
            spans.append((key, locate(raw, art.text, key[1], key[2])))
        for key, where in spans:
            got = predicted.setdefault(key, set())
            if where is None:
                continue
            for ev in art.events:
                if ev.modality not in modalities:
                    continue
                if any(e.start < where[1] and e.end > where[0] for e in ev.evidence):
                    got.add(ev.type)
    return predicted


def format_sentence_scores(scores: dict) -> str:
    def pct(v):
        return "   -" if v is None else f"{v:4.2f}"
    lines = [f"{scores['sentences']} sentences, {scores['articles']} articles",
             f"{'type':10} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn"]
    for t, c in list(scores["types"].items()) + [("overall", scores["overall"])]:
        lines.append(f"{t:10} {pct(c['precision']):>5} {pct(c['recall']):>5} {pct(c['f1']):>5}  "
                     f"{c['tp']:3d} {c['fp']:3d} {c['fn']:3d}")
    lines.append("hard negatives (type/kind: predicted of n): " + ", ".join(
        f"{k} {v['fp']}/{v['n']}" for k, v in scores["hard_negatives"].items()))
    if scores["unscored_predictions"]:
        lines.append("predictions of unscored types: " + ", ".join(
            f"{t} {n}" for t, n in sorted(scores["unscored_predictions"].items())))
    return "\n".join(lines)


def cmd_score_sentences(args) -> int:
    if args.errors and args.split != "dev":
        raise SystemExit("--errors is for the dev split only: held-out errors are never read")
    cmd_build(args)
    parts = parse_parts(args.parts)
    rows = [r for r in sentence_rows(args.split) if not parts or part_of(r["article"]) in parts]
    if not rows:
        raise SystemExit(f"no {args.split} sentences in parts {', '.join(parts or [])}")
    if args.cached_only:
        have = narrow_to_cached({r["article"] for r in rows}, f"{args.split} sentence articles")
        rows = [r for r in rows if r["article"] in have]
    modalities = ("asserted", "denied", "planned", "hypothetical") if args.all_modalities else ("asserted",)
    predicted = predict_sentences(rows, modalities=modalities)
    scores = score_sentence_labels(rows, predicted)
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        print(format_sentence_scores(scores))
    if args.errors:
        gold, by_part = sentence_gold_by_part(rows)
        for key in sorted(gold):
            got = predicted.get(key, set()) & by_part[part_of(key[0])]
            if got != gold[key]:
                raw = (cache_dir() / f"{key[0]}.txt").read_text(encoding="utf-8")
                print(f"{key[0]} {key[1]}-{key[2]} gold={sorted(gold[key])} got={sorted(got)}: "
                      f"{raw[key[1]:key[2]][:160]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("rebuild", help="write the cached texts from saved search answers")
    p.add_argument("responses", nargs="+")
    p.set_defaults(run=cmd_rebuild)
    p = sub.add_parser("add", help="record a cached text in a part's manifest")
    for name in ("part", "id", "url"):
        p.add_argument(name)
    p.add_argument("--outlet", required=True, help="the outlet's domain, e.g. albayan.ae")
    p.add_argument("--region", required=True, help="levant|gulf|egypt|maghreb|iraq|wire|other")
    p.add_argument("--query", required=True, help="the search query that returns this page")
    p.add_argument("--annotated", default="full", choices=("full", "sentences"))
    p.set_defaults(run=cmd_add)
    sub.add_parser("verify", help="check every cached text against its hash").set_defaults(run=cmd_verify)
    sub.add_parser("build", help="merge parts/ into the corpus files").set_defaults(run=cmd_build)
    sub.add_parser("stats", help="count articles, outlets and events").set_defaults(run=cmd_stats)
    p = sub.add_parser("score", help="marsad evaluate on one split")
    p.add_argument("split", choices=SPLITS)
    p.add_argument("--json", action="store_true", help="the full scores with per-article detail")
    p.add_argument("--urls", action="store_true",
                   help="give the pipeline each page's manifest URL (JSON Lines records), as a crawler would")
    p.add_argument("--parts", help="score only these parts, comma-separated (e.g. c5)")
    p.add_argument("--cached-only", action="store_true",
                   help="score the articles whose text is cached, saying how many are left out")
    p.set_defaults(run=cmd_score)
    p = sub.add_parser("score-sentences", help="sentence-level event detection on one split")
    p.add_argument("split", choices=SPLITS)
    p.add_argument("--json", action="store_true", help="the scores as JSON")
    p.add_argument("--errors", action="store_true", help="list the wrong sentences (dev only)")
    p.add_argument("--all-modalities", action="store_true",
                   help="count denied, planned and hypothetical events too (as a user reading every event would)")
    p.add_argument("--parts", help="score only these parts, comma-separated (e.g. s3)")
    p.add_argument("--cached-only", action="store_true",
                   help="score the sentences of articles whose text is cached, saying how many are left out")
    p.set_defaults(run=cmd_score_sentences)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
