"""Score the pipeline on every gold set and print the Markdown table of docs/evaluation.md.

    .venv/bin/python scripts/score_all.py
"""

from __future__ import annotations

from pathlib import Path

from marsad.evaluate import evaluate

REPO = Path(__file__).resolve().parents[1]
SETS = [
    ("seeds", REPO.parent / "shared" / "seeds" / "gold.json", sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))),
    ("demo", REPO / "src/marsad/demo/gold.json", [REPO / "src/marsad/demo/articles"]),
    ("held-out 1", REPO / "tests/data/heldout/gold.json", [REPO / "tests/data/heldout/articles"]),
    ("held-out 2", REPO / "tests/data/heldout2/gold.json", [REPO / "tests/data/heldout2/articles"]),
    ("held-out 3", REPO / "tests/data/heldout3/gold.json", [REPO / "tests/data/heldout3/articles"]),
]


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def main() -> None:
    columns = []
    for name, gold, inputs in SETS:
        if not gold.exists():
            continue
        s = evaluate(gold, [str(p) for p in inputs])
        st, me, pe, bp, di = s["stories"], s["main_event"], s["persons"], s["boilerplate"], s["discrepancies"]
        columns.append((name, [
            f"{st['precision']:.3f} / {st['recall']:.3f} / {st['f1']:.3f}",
            _pct(me["type"]), _pct(me["actors"]), _pct(me.get("actors_ordered")), _pct(me["date"]),
            f"{pe['precision']:.3f} / {pe['recall']:.3f} / {pe['f1']:.3f}",
            f"{_pct(s['dates']['accuracy'])} of {s['dates']['n']}",
            f"{_pct(bp['removed'])} / {_pct(bp['content_kept'])}",
            f"{di['found']} of {di['planted']} / {di['invented']}",
        ]))
    rows = ["stories P / R / F1", "main event type", "main event actors",
            "main event actors, ordered", "main event date",
            "persons P / R / F1", "date expressions", "boilerplate removed / content kept",
            "discrepancies found / invented"]
    print("| score | " + " | ".join(name for name, _ in columns) + " |")
    print("| --- |" + " --- |" * len(columns))
    for i, row in enumerate(rows):
        print(f"| {row} | " + " | ".join(values[i] for _, values in columns) + " |")


if __name__ == "__main__":
    main()
