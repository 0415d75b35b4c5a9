"""The command line, driven as a script would drive it, against a real database
(an SQLite file and a PostgreSQL server)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli import CSV_COLUMNS, main

DATA = Path(__file__).parent / "data" / "cli"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def test_bad_lines_are_named_and_good_articles_kept(db):
    result = run("ingest", "--db", db, DATA / "wire.jsonl")
    assert result.exit_code == 1
    err = result.stderr
    assert "wire.jsonl:3" in err and "not JSON" in err
    assert "wire.jsonl:4" in err and "'id'" in err
    assert "wire.jsonl:5" in err and "neither 'text' nor 'html'" in err
    assert "2 added" in err
    out = run("export", "articles", "--db", db)
    ids = [json.loads(line)["id"] for line in out.stdout.splitlines()]
    assert sorted(ids) == ["wire-1", "wire-2"]


def test_missing_input_is_reported_and_exit_code_is_1(db, tmp_path):
    result = run("ingest", "--db", db, tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "no such file" in result.stderr


def test_ingest_is_idempotent_and_updates_changed_articles(db, tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("عنوان الخبر\nاستقبل الرئيس اللبناني جوزاف عون وفدا أوروبيا في بيروت.\n", encoding="utf-8")
    assert "1 added" in run("ingest", "--db", db, doc).stderr
    again = run("ingest", "--db", db, doc)
    assert again.exit_code == 0 and "1 unchanged" in again.stderr and "0 added" in again.stderr
    doc.write_text("عنوان الخبر\nاستقبل الرئيس اللبناني جوزاف عون وفدا عربيا في بيروت.\n", encoding="utf-8")
    assert "1 updated" in run("ingest", "--db", db, doc).stderr
    recs = [json.loads(line) for line in run("export", "articles", "--db", db).stdout.splitlines()]
    assert len(recs) == 1 and "عربيا" in recs[0]["text"]


def test_exports_validate_against_the_contract(db, record_validator):
    run("ingest", "--db", db, DATA / "wire.jsonl")
    for kind, schema_def in (("articles", "article"), ("stories", "story"), ("events", "event")):
        out = run("export", kind, "--db", db).stdout
        records = [json.loads(line) for line in out.splitlines()]
        if kind != "events":
            assert records, f"no {kind} exported"
        for rec in records:
            record_validator(rec, schema_def)


def test_csv_export_has_the_documented_columns(db):
    run("ingest", "--db", db, DATA / "wire.jsonl")
    for kind in ("articles", "stories", "events"):
        out = run("export", kind, "--db", db, "--format", "csv").stdout
        reader = csv.DictReader(io.StringIO(out))
        assert reader.fieldnames == CSV_COLUMNS[kind]
        rows = list(reader)
        if kind == "articles":
            assert {r["id"] for r in rows} == {"wire-1", "wire-2"}


def test_annotate_prints_one_contract_record_per_article(record_validator):
    text = "وصل وزير الخارجية التركي هاكان فيدان إلى دمشق اليوم الأربعاء.\n"
    result = run("annotate", "--published", "2025-01-15", "-", input=text)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    record_validator(rec, "article")
    assert rec["story_id"] is None and rec["published"] == "2025-01-15"


def test_annotate_rejects_a_malformed_date():
    result = run("annotate", "--published", "15/01/2025", "-", input="نص")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def _dates_by_article(stdout: str) -> dict[str, dict[str, str | None]]:
    recs = [json.loads(line) for line in stdout.splitlines()]
    return {r["id"]: {d["text"]: d["value"] for d in r["dates"]} for r in recs}


def test_annotate_resolves_an_undated_article_against_other_reports_of_its_event(seeds_dir):
    # 000 shows no publication date; 002 and 004 report the same call and are dated.
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    together = run("annotate", "--no-progress", *seeds)
    assert together.exit_code == 0, together.stderr
    dates = _dates_by_article(together.stdout)
    assert dates["000_75568fe96e279733"]["اليوم الأربعاء"] == "2025-02-12"
    assert all(json.loads(line)["story_id"] is None for line in together.stdout.splitlines())

    alone = run("annotate", "--no-progress", "--batch", "1", *seeds)
    assert _dates_by_article(alone.stdout)["000_75568fe96e279733"]["اليوم الأربعاء"] is None
