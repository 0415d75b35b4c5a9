"""The whole pipeline on the seed articles and on the demo corpus, through the CLI and the store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.demo import corpus_path, gold_path
from marsad.evaluate import evaluate

GOLD_STORIES = [
    {"000_75568fe96e279733", "002_6295184d909a4363", "004_2623e6bc0c8bc894"},
    {"001_75f5b850db7123a1"},
    {"003_cef3382ad570affe"},
]


def _names(actor):
    return actor.get("name_en") if actor else None


@pytest.fixture(scope="module")
def seeds_db(seeds_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    result = CliRunner().invoke(main, ["ingest", "--db", str(db), *files])
    assert result.exit_code == 0 and "5 added" in result.stderr, result.stderr
    return db


def _export(db, kind):
    out = CliRunner().invoke(main, ["export", kind, "--db", str(db)]).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_seeds_give_exactly_the_three_gold_stories(seeds_db, record_validator):
    stories = _export(seeds_db, "stories")
    for rec in stories:
        record_validator(rec, "story")
    assert sorted(map(sorted, (set(s["article_ids"]) for s in stories))) == sorted(map(sorted, GOLD_STORIES))


def test_seed_stories_have_the_gold_main_events(seeds_db, seed_gold):
    stories = {frozenset(s["article_ids"]): s for s in _export(seeds_db, "stories")}
    for event in seed_gold["events"]:
        story = stories[frozenset(event["articles"])]
        main_event = story["main_event"]
        assert main_event["type"] == event["plover_type"], event["event_id"]
        assert main_event["mode"] == event["mode"], event["event_id"]
        assert {_names(main_event["actor1"]), _names(main_event["actor2"])} == {event["actor1"], event["actor2"]}
        if event["date"]:
            assert main_event["date"] == event["date"] == story["date"]


def test_seed_phone_call_story_invents_no_discrepancy(seeds_db):
    stories = {frozenset(s["article_ids"]): s for s in _export(seeds_db, "stories")}
    assert stories[frozenset(GOLD_STORIES[0])]["discrepancies"] == []


def test_seed_001_flags_the_wrong_first_name_of_bogdanov(seeds_db):
    stories = {frozenset(s["article_ids"]): s for s in _export(seeds_db, "stories")}
    notes = json.dumps(stories[frozenset(GOLD_STORIES[1])]["discrepancies"], ensure_ascii=False)
    assert "Mikhail Bogdanov" in notes


def test_every_export_validates(seeds_db, record_validator):
    for kind, definition in (("articles", "article"), ("events", "event")):
        for rec in _export(seeds_db, kind):
            record_validator(rec, definition)


@pytest.fixture(scope="module")
def demo_scores():
    if not gold_path().exists():
        pytest.skip("the demo corpus has no gold file yet")
    return evaluate(gold_path(), [str(corpus_path())])


def test_demo_corpus_story_f1(demo_scores):
    assert demo_scores["missing_articles"] == []
    assert demo_scores["stories"]["f1"] >= 0.95, demo_scores["stories"]


def test_seeds_ingested_in_two_batches_give_the_same_stories(seeds_dir, tmp_path):
    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    db = tmp_path / "batches.db"
    for batch in (files[::2], files[1::2]):  # 000, 002, 004 first; then 001, 003
        assert CliRunner().invoke(main, ["ingest", "--db", str(db), *batch]).exit_code == 0
    stories = _export(db, "stories")
    assert sorted(map(sorted, (set(s["article_ids"]) for s in stories))) == sorted(map(sorted, GOLD_STORIES))
