"""Instructions an article: the pipeline on the demo corpus under valgrind's callgrind.

    .venv/bin/python benchmarks/bench_instructions.py [--rounds 1] [--baseline REF]

Wall-clock and CPU times move by several per cent on a shared machine; an instruction
count does not (about 0.3 % between runs with the same ``PYTHONHASHSEED``). The
pipeline is loaded and run once over the demo corpus with instrumentation off (start-up
and the first, cold round do not count), then counted over ``rounds`` warm rounds
(``callgrind_control --instr=on`` / ``off``). ``--baseline REF`` also counts the code of
git revision REF (in a temporary ``git worktree``), in the same run. Needs ``valgrind``
(``callgrind_control`` comes with it); about a minute a round.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def inner(rounds: int) -> None:
    """Run under callgrind: warm up with instrumentation off, then count ``rounds``."""
    from marsad.demo import corpus_path
    from marsad.ingest import InputError, read_inputs
    from marsad.pipeline import Pipeline

    pipeline = Pipeline()
    originals = [a for a in read_inputs([str(corpus_path())]) if not isinstance(a, InputError)]
    for article in originals:
        pipeline(copy.deepcopy(article))
    copies = [[copy.deepcopy(a) for a in originals] for _ in range(rounds)]

    def instrument(state: str) -> None:
        subprocess.run(["callgrind_control", f"--instr={state}", str(os.getpid())],
                       check=True, capture_output=True)

    instrument("on")
    for batch in copies:
        for article in batch:
            pipeline(article)
    instrument("off")
    print(f"articles {len(originals) * rounds}")


def count(src: Path, rounds: int) -> tuple[int, int]:
    """(instructions, articles) for the code under ``src``."""
    print(f"counting {rounds} round(s) of {src} under callgrind (about a minute a round) ...",
          file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="marsad-callgrind-") as tmp:
        env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
        run = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no",
                              f"--callgrind-out-file={tmp}/callgrind.out",
                              sys.executable, __file__, "--inner", "--rounds", str(rounds)],
                             env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"callgrind run of {src} failed ({run.returncode}): {run.stderr[-2000:]}")
    collected = re.search(r"Collected\s*:\s*([\d,]+)", run.stderr)
    articles = re.search(r"^articles (\d+)$", run.stdout, re.M)
    if not collected or not articles:
        raise SystemExit(f"callgrind run of {src}: no count in its output:\n{run.stderr[-2000:]}")
    return int(collected.group(1).replace(",", "")), int(articles.group(1))


def report(label: str, instructions: int, articles: int) -> float:
    per = instructions / articles / 1e6
    print(f"{label}: {instructions / 1e9:.3f} G instructions for {articles} articles: {per:.2f} M an article")
    return per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--baseline", metavar="REF", help="also count git revision REF, in the same run")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error(f"--rounds {args.rounds}: at least one round is needed to count")
    if args.inner:
        inner(args.rounds)
        return
    for tool in ("valgrind", "callgrind_control"):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench_instructions: {tool} is not installed (apt-get install valgrind)")
    old = None
    if args.baseline:
        resolved = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--verify", "--quiet",
                                   f"{args.baseline}^{{commit}}"], capture_output=True, text=True)
        if resolved.returncode != 0:
            raise SystemExit(f"bench_instructions: --baseline {args.baseline}: not a commit of this repository")
        with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
            tree = Path(tmp) / "tree"
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(tree),
                            args.baseline], check=True)
            try:
                old = report(f"baseline {args.baseline}", *count(tree / "src", args.rounds))
            finally:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)
    new = report("this tree", *count(REPO / "src", args.rounds))
    if old is not None:
        print(f"change: {100 * (new - old) / old:+.1f} % ({old:.2f} -> {new:.2f} M instructions an article)")


if __name__ == "__main__":
    main()
