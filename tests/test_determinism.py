"""The pipeline gives the same annotations and stories whatever Python's hash seed: a
set's order must never decide which reading wins (a vessel head once did)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

DUMP = """
import json, sys
sys.path.insert(0, {src!r})
from marsad.workflow import annotate
from marsad.stories import build_stories
articles = list(annotate(sys.argv[1:]))
stories = build_stories(articles)
print(json.dumps([a.to_record() for a in articles] + [s.to_record() for s in stories],
                 ensure_ascii=False, sort_keys=True, default=str))
"""


def dump(seed: int, paths: list[str]) -> str:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    code = DUMP.format(src=str(REPO / "src"))
    done = subprocess.run([sys.executable, "-c", code, *paths], env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout


def test_annotations_and_stories_do_not_depend_on_the_hash_seed(tmp_path):
    # a ship named after a vessel head that the base spells with and without the article
    ship = tmp_path / "ship.txt"
    ship.write_text("أعلنت البحرية الأمريكية اليوم الأحد أن المدمرة الأمريكية ماسون اعترضت "
                    "صاروخين أطلقا باتجاهها في البحر الأحمر.\n", encoding="utf-8")
    demo = sorted(str(p) for p in (REPO / "src" / "marsad" / "demo" / "articles").glob("*.txt"))[:8]
    assert demo, "the demo corpus is missing"
    paths = [str(ship), *demo]
    first = dump(0, paths)
    assert '"events"' in first
    for seed in (2, 6):
        assert dump(seed, paths) == first, f"output differs under PYTHONHASHSEED={seed}"
