"""On the seed articles (read at run time from shared/seeds beside the repo):
>= 95% of the gold boilerplate, metadata, byline and embedded lines removed,
>= 98% of the content lines kept, and the gold outlet and date found."""

from __future__ import annotations

from marsad.evaluate import gold_removed_lines
from marsad.ingest import read_inputs
from marsad.text import clean
from marsad.text.boilerplate import classify_lines

def _line_labels(seeds_dir, seed_gold):
    for article_id, gold in seed_gold["articles"].items():
        lines = (seeds_dir / f"{article_id}.txt").read_text(encoding="utf-8").splitlines()
        kept = {ln.index + 1: ln.kept for ln in classify_lines(lines).lines}
        removed = gold_removed_lines(gold)
        yield article_id, kept, removed


def test_boilerplate_removed_and_content_kept(seeds_dir, seed_gold):
    gold_removed = caught = content = kept_content = 0
    for _, kept, removed in _line_labels(seeds_dir, seed_gold):
        for n, is_kept in kept.items():
            if n in removed:
                gold_removed += 1
                caught += not is_kept
            else:
                content += 1
                kept_content += is_kept
    assert gold_removed >= 25 and content >= 60
    assert caught / gold_removed >= 0.95, f"removed {caught}/{gold_removed}"
    assert kept_content / content >= 0.98, f"kept {kept_content}/{content}"


def test_clean_text_keeps_paragraphs_and_drops_the_rest(seeds_dir, seed_gold):
    for art in read_inputs([str(seeds_dir)]):
        clean(art)
        assert art.text and "\n\n" not in art.text
        assert all(line == line.strip() and line for line in art.text.split("\n"))
        gold = seed_gold["articles"][art.id]
        removed_lines = len(gold_removed_lines(gold))
        assert len(art.boilerplate) >= removed_lines


def test_metadata_from_the_seeds(seeds_dir, seed_gold):
    for art in read_inputs([str(seeds_dir)]):
        clean(art)
        gold = seed_gold["articles"][art.id]
        assert art.published == gold["published"], art.id
        if gold["outlet"]:
            assert art.outlet == gold["outlet"], art.id
        if art.published:
            assert art.provenance["published"] in ("dateline", "text", "embedded_post", "url")


def test_byline_becomes_author_and_outlet(seeds_dir, seed_gold):
    with_byline = [i for i, g in seed_gold["articles"].items() if g.get("byline_lines")]
    assert with_byline
    for art in read_inputs([str(seeds_dir / f"{i}.txt") for i in with_byline]):
        clean(art)
        assert art.author and art.provenance["author"] == "byline"
        assert not any(line.startswith("كتب") for line in art.text.split("\n"))
