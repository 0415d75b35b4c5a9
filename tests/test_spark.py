"""Marsad on Spark (local[2]) gives what the plain pipeline gives, bad inputs included.

Other stages change while this suite is written, so nothing here asserts a
particular annotation: every test compares Spark with the plain pipeline run
in the same process.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from marsad.ingest import InputError, read_inputs, read_path
from marsad.model import Article
from marsad.spark.inputs import list_units, read_unit
from marsad.spark.stories import components

CORPUS = Path(__file__).resolve().parent / "data" / "spark"
BAD_FILE = CORPUS / "empty.txt"


# -- without Spark -------------------------------------------------------------

def _ids_and_errors(items) -> tuple[list[str], list[str]]:
    ids = [i.id for i in items if isinstance(i, Article)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    return ids, errors


def test_units_read_the_same_articles_as_read_inputs():
    units = list_units([str(CORPUS), str(CORPUS / "missing.txt")], lines_per_unit=2)
    jsonl_units = [u for u in units if u[0] == "lines"]
    assert [u[3] for u in jsonl_units] == [1, 3, 5]      # first line of each byte range
    from_units = [item for unit in units for item in read_unit(unit)]
    expected = list(read_inputs([str(CORPUS), str(CORPUS / "missing.txt")]))
    assert _ids_and_errors(from_units) == _ids_and_errors(expected)


def test_units_keep_line_numbers_of_bad_utf8(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "نص قصير عن اجتماع."}, ensure_ascii=False).encode()
    path.write_bytes(good + b"\n" + b'{"id": "bad", "text": "\xff\xfe"}\n' + good.replace(b'"ok"', b'"ok2"'))
    items = [i for u in list_units([str(path)], lines_per_unit=1) for i in read_unit(u)]
    ids, errors = _ids_and_errors(items)
    assert ids == ["ok", "ok2"]
    assert errors == [f"{path}:2: not valid UTF-8 (JSON Lines must be UTF-8)"]


def test_an_empty_jsonl_file_is_reported_as_read_path_does(tmp_path):
    path = tmp_path / "nothing.jsonl"
    path.write_bytes(b"")
    assert list_units([str(path)]) == [("path", str(path))]
    assert [str(i) for i in read_unit(("path", str(path)))] == [str(i) for i in read_path(path)]


def test_list_units_rejects_a_bad_task_size():
    with pytest.raises(ValueError, match="lines_per_unit"):
        list_units([str(CORPUS)], lines_per_unit=0)


def test_components_join_linked_ids_under_the_smallest():
    comp = components([("b", "c"), ("d", "e"), ("c", "a")])
    assert comp == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "d"}


def test_spark_blocks_are_the_cluster_index_blocks():
    """A report naming the ministers and one naming their countries meet in the
    countries' blocks, as ``cluster.candidate_pairs`` pairs them, across a week
    boundary too; an undated report is keyed by the same blocks."""
    from marsad.model import Actor, Event
    from marsad.spark.stories import week_blocks
    from marsad.stories.cluster import candidate_pairs
    from marsad.stories.features import features
    from marsad.stories.index import block_keys

    def talks(aid: str, actors: list[Actor], day: str | None) -> Article:
        event = Event(type="CONSULT", mode="meet", cameo="040", actor1=actors[0], actor2=actors[1], date=day,
                      location="Saudi Arabia", main=True, article_ids=[aid])
        text = "محادثات روسية أمريكية في الرياض"
        return Article(id=aid, raw=text, text=text, published=day, events=[event])

    rubio = Actor(name_en="Marco Rubio", wikidata="Q324546", country="USA", kind="PERSON")
    lavrov = Actor(name_en="Sergey Lavrov", wikidata="Q80137", country="RUS", kind="PERSON")
    usa, rus = Actor(name_en="United States", country="USA", kind="GPE"), Actor(name_en="Russia", country="RUS",
                                                                                  kind="GPE")
    feats = {f.id: f for f in (features(talks("people", [rubio, lavrov], "2025-02-15")),
                               features(talks("countries", [usa, rus], "2025-02-16")),
                               features(talks("undated", [usa, rus], None)))}
    assert ("countries", "people") in candidate_pairs(feats)
    people, countries, undated = (week_blocks(feats[k]) for k in ("people", "countries", "undated"))
    assert set(people[0]) & set(countries[0])
    assert undated == ([], block_keys(feats["undated"]))


# -- with Spark ----------------------------------------------------------------

@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'pyspark>=3.5')")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java 17+: no `java` on PATH")
    from marsad.spark import spark_session

    session = spark_session("local[2]", app_name="marsad-tests", driver_memory="1g",
                            conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2",
                                  "spark.default.parallelism": "2",
                                  "spark.ui.showConsoleProgress": "false"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def plain():
    """The single-machine run: records before and after stories, and the errors."""
    from marsad.pipeline import default_pipeline
    from marsad.workflow import annotate

    errors: list[str] = []
    articles = list(annotate([str(CORPUS)], report=errors.append))
    annotated = {a.id: a.to_record() for a in articles}
    stories = default_pipeline().connect(articles)
    return {
        "annotated": annotated,
        "articles": {a.id: a.to_record() for a in articles},
        "stories": [s.to_record() for s in stories],
        "events": sorted((e for s in stories for e in _events(s)), key=lambda e: (e["date"] or "", e["id"])),
        "errors": sorted(errors),
    }


def _events(story) -> list[dict]:
    from marsad.spark.run import event_records

    return list(event_records([story]))


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_annotate_rdd_gives_the_plain_pipeline_records(spark, plain):
    from marsad.spark import annotate_rdd

    result = annotate_rdd(spark.sparkContext, [str(CORPUS)], lines_per_unit=2)
    try:
        got = {a.id: a.to_record() for a in result.articles.collect()}
        errors = sorted(f"{e['source']}: {e['reason']}" for e in result.errors.collect())
    finally:
        result.unpersist()
    assert got == plain["annotated"]
    assert errors == plain["errors"]
    assert any(e.startswith(str(BAD_FILE)) for e in errors)


@pytest.mark.parametrize("mode", ["driver", "blocked"])
def test_run_job_writes_what_the_plain_pipeline_gives(spark, plain, tmp_path, mode):
    from marsad.spark import run_job

    report = run_job(spark, [str(CORPUS)], tmp_path, stories=mode, lines_per_unit=2)
    articles = _read_jsonl(tmp_path / "articles.jsonl")
    assert {a["id"]: a for a in articles} == plain["articles"]
    assert [a["id"] for a in articles] == sorted(plain["articles"])
    assert _read_jsonl(tmp_path / "stories.jsonl") == plain["stories"]
    assert sorted(_read_jsonl(tmp_path / "events.jsonl"), key=lambda e: (e["date"] or "", e["id"])) \
        == plain["events"]
    errors = _read_jsonl(tmp_path / "errors.jsonl")
    assert sorted(f"{e['source']}: {e['reason']}" for e in errors) == plain["errors"]
    assert (report.articles, report.errors, report.stories) == (
        len(plain["articles"]), len(plain["errors"]), len(plain["stories"]))


def test_a_run_with_nothing_readable_writes_empty_outputs_and_the_reason(spark, tmp_path):
    from marsad.spark import run_job

    missing = tmp_path / "no-such-folder"
    report = run_job(spark, [str(missing)], tmp_path / "out", stories="blocked")
    assert (report.articles, report.stories, report.events, report.errors) == (0, 0, 0, 1)
    assert _read_jsonl(tmp_path / "out" / "errors.jsonl") == [
        {"source": str(missing), "reason": "no such file or folder"}]
    assert (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8") == ""


def test_run_job_rejects_an_unknown_story_mode(spark, tmp_path):
    from marsad.spark import run_job

    with pytest.raises(ValueError, match="stories must be one of driver, blocked, none"):
        run_job(spark, [str(CORPUS)], tmp_path, stories="everywhere")


def test_records_validate_against_the_contract(spark, tmp_path, record_validator):
    from marsad.spark import run_job

    run_job(spark, [str(CORPUS)], tmp_path)
    for kind, name in (("article", "articles"), ("story", "stories"), ("event", "events")):
        for rec in _read_jsonl(tmp_path / f"{name}.jsonl"):
            record_validator(rec, kind)


def test_blocked_stories_match_the_single_machine_run_on_the_demo_corpus(spark):
    """A corpus with many multi-article stories: the blocked clustering on the
    executors must find exactly the stories that build_stories finds."""
    import copy

    from marsad.demo import corpus_path
    from marsad.spark import connect_blocked
    from marsad.stories import build_stories
    from marsad.workflow import annotate

    articles = list(annotate([str(corpus_path())]))
    expected = [s.to_record() for s in build_stories(copy.deepcopy(articles))]
    assert any(len(s["article_ids"]) > 1 for s in expected), "the demo corpus should hold multi-article stories"
    connected = connect_blocked(spark.sparkContext.parallelize(articles, 4))
    got = sorted((s.to_record() for s in connected.stories.collect()), key=lambda r: (r["date"] or "", r["id"]))
    assert got == expected
    assert connected.largest_component < len(articles)   # the work was really split


def test_duplicate_ids_keep_the_first_input(spark, tmp_path):
    from marsad.spark import annotate_rdd

    text = "استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس نظيره اللبناني جوزاف عون."
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "same", "text": text, "outlet": "first.example"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "same", "text": text, "outlet": "second.example"}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    result = annotate_rdd(spark.sparkContext, [str(tmp_path / "a.jsonl")], lines_per_unit=1)
    try:
        arts = result.articles.collect()
        errors = result.errors.collect()
    finally:
        result.unpersist()
    assert [(a.id, a.outlet) for a in arts] == [("same", "first.example")]
    assert [e["reason"] for e in errors] == ["duplicate id 'same' in this run; kept the first"]


def test_annotate_dataframe_matches_the_plain_pipeline(spark, plain):
    from pyspark.sql.types import StringType, StructField, StructType

    from marsad.spark import ARTICLE_COLUMNS, annotate_dataframe

    rows = [json.loads(line) for line in (CORPUS / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    columns = ["id", "text", "outlet", "published", "title"]
    schema = StructType([StructField(c, StringType(), True) for c in columns])
    df = spark.createDataFrame([tuple(r.get(c) for c in columns) for r in rows], schema)
    articles, errors = annotate_dataframe(df)
    assert tuple(articles.columns) == ARTICLE_COLUMNS
    got = {r["id"]: r for r in articles.collect()}
    good = [r["id"] for r in rows if r.get("id") and r.get("text")]
    assert sorted(got) == sorted(good)
    for aid in good:
        record = json.loads(got[aid]["record"])
        expected = dict(plain["annotated"][aid])
        assert record == expected
        main = next((e for e in record["events"] if e["main"]), None)
        assert got[aid]["main_event_type"] == (main["type"] if main else None)
    reasons = sorted(r["reason"] for r in errors.collect())
    assert reasons == ["a record needs a non-empty string 'id'", "record 'no_text' has neither 'text' nor 'html'"]


def test_annotate_dataframe_names_missing_columns(spark):
    from marsad.spark import annotate_dataframe

    df = spark.createDataFrame([("x", "y")], ["name", "body"])
    with pytest.raises(ValueError, match="'id' column"):
        annotate_dataframe(df)


def test_main_spark_writes_the_files_and_the_database(spark, plain, tmp_path):
    from marsad.spark import main_spark
    from marsad.store import Store

    out, db = tmp_path / "out", tmp_path / "marsad.db"
    code = main_spark([str(CORPUS), "--output", str(out), "--master", "local[2]", "--db", str(db)])
    assert code == 1                      # the corpus holds bad inputs: named, skipped, exit 1
    assert sorted(p.name for p in out.iterdir()) == ["articles.jsonl", "errors.jsonl", "events.jsonl",
                                                      "stories.jsonl"]
    with Store(str(db)) as store:
        assert sorted(r["id"] for r in store.article_records()) == sorted(plain["articles"])
        assert sorted(r["id"] for r in store.story_records()) == sorted(s["id"] for s in plain["stories"])
    assert spark.sparkContext._jsc is not None  # the caller's session is still running


def test_main_spark_rejects_a_bad_date(capsys):
    from marsad.spark import main_spark

    with pytest.raises(SystemExit) as exc:
        main_spark([str(CORPUS), "--output", "/tmp/unused", "--published", "12/02/2025"])
    assert exc.value.code == 2
    assert "is not a date of the form YYYY-MM-DD" in capsys.readouterr().err


def test_main_spark_refuses_a_file_as_output(tmp_path, capsys):
    from marsad.spark import main_spark

    target = tmp_path / "out.jsonl"
    target.write_text("", encoding="utf-8")
    assert main_spark([str(CORPUS), "--output", str(target)]) == 2
    assert "is a file; give a folder" in capsys.readouterr().err


def _call_article(aid: str, text: str, published: str | None, date: str | None) -> Article:
    """A hand-annotated report of a Putin–Trump phone call (no pipeline involved)."""
    from marsad.model import Actor, Event

    putin = Actor(name_en="Vladimir Putin", name_ar="فلاديمير بوتين", wikidata="Q7747", country="RUS",
                  kind="PERSON")
    trump = Actor(name_en="Donald Trump", name_ar="دونالد ترامب", wikidata="Q22686", country="USA",
                  kind="PERSON")
    event = Event(type="CONSULT", mode="phone", cameo="040", actor1=putin, actor2=trump, date=date,
                  main=True, article_ids=[aid])
    return Article(id=aid, raw=text, text=text, title=text.split("،")[0], published=published,
                   outlet=f"{aid}.example", events=[event])


def test_blocked_stories_handle_articles_without_an_event_date(spark):
    """An article whose main event has no date can join any week of its actors."""
    import copy

    from marsad.spark import connect_blocked
    from marsad.stories import build_stories
    from marsad.stories.cluster import TEXT_LSH_THRESHOLD
    from marsad.stories.dedup import lsh_candidates
    from marsad.stories.features import features

    articles = [
        _call_article("u1", "بوتين وترامب يبحثان هاتفيا إنهاء الحرب، والكرملين يصف المكالمة بالمثمرة",
                      "2025-02-12", "2025-02-12"),
        _call_article("u2", "مكالمة مطولة بين الرئيسين الروسي والأمريكي، واتفاق على بدء التفاوض",
                      "2025-02-13", "2025-02-12"),
        # No day: it shares words with u1 (an undated pair must), not a text LSH bucket.
        _call_article("u3", "اتصال هاتفي بين بوتين وترامب، والكرملين يتحدث عن لقاء قريب وعن إنهاء الحرب",
                      None, None),
        _call_article("u4", "الرئيسان يتحدثان مجددا عبر الهاتف عن وقف الضربات على منشآت الطاقة",
                      "2025-03-18", "2025-03-18"),
    ]
    expected = [s.to_record() for s in build_stories(copy.deepcopy(articles))]
    assert any("u3" in s["article_ids"] and len(s["article_ids"]) > 1 for s in expected), \
        "precondition: the undated report should join a dated one, through its actors alone"
    text_pairs = lsh_candidates({a.id: features(a).signature for a in articles}, TEXT_LSH_THRESHOLD)
    assert not any("u3" in pair for pair in text_pairs), "precondition: no text LSH bucket pairs u3"
    connected = connect_blocked(spark.sparkContext.parallelize(articles, 2))
    got = sorted((s.to_record() for s in connected.stories.collect()), key=lambda r: (r["date"] or "", r["id"]))
    assert got == expected
    assert sorted(a.id for a in connected.articles.collect()) == ["u1", "u2", "u3", "u4"]


def test_a_second_run_into_the_same_database_recomputes_stories_over_all_articles(spark, plain, tmp_path):
    from marsad.spark import run_job
    from marsad.store import Store

    db = str(tmp_path / "marsad.db")
    run_job(spark, [str(CORPUS / "wire.jsonl")], tmp_path / "first", db=db)
    run_job(spark, [str(CORPUS / "call_trump_putin_a.txt"), str(CORPUS / "call_trump_putin_b.html")],
            tmp_path / "second", db=db)
    with Store(db) as store:
        stored = sorted(sorted(s["article_ids"]) for s in store.story_records())
        members = {r["id"]: r["story_id"] for r in store.article_records()}
    assert stored == sorted(sorted(s["article_ids"]) for s in plain["stories"])
    assert sorted(members) == sorted(plain["articles"]) and all(members.values())


# -- Parquet for the archive case ------------------------------------------------

def test_parquet_tables_load_into_the_store_as_the_plain_run(spark, plain, tmp_path, db):
    """`--format parquet`: the tables hold the plain pipeline's records; `marsad load` puts
    them into a store (both backends) from which a later ingest finds every article unchanged."""
    import pyarrow.dataset as ds
    from click.testing import CliRunner

    from marsad.cli import main
    from marsad.spark.run import run_job
    from marsad.store import open_store

    out = tmp_path / "parquet"
    report = run_job(spark, [str(CORPUS)], out, stories="blocked", fmt="parquet")
    assert sorted(p.name for p in out.iterdir()) == ["articles", "errors.jsonl", "events", "stories"]
    assert (report.articles, report.stories, report.events) == (
        len(plain["articles"]), len(plain["stories"]), len(plain["events"]))
    table = ds.dataset(str(out / "articles"), format="parquet").to_table()
    assert table.column_names == ["id", "story_id", "url", "outlet", "published", "title",
                                  "content_hash", "record"]
    records = {r["id"]: r for r in map(json.loads, table.column("record").to_pylist())}
    assert records == plain["articles"]
    assert table.column("story_id").to_pylist() == [records[i]["story_id"] for i in table.column("id").to_pylist()]
    stories = [json.loads(r) for r in ds.dataset(str(out / "stories")).to_table().column("record").to_pylist()]
    assert sorted(stories, key=lambda s: s["id"]) == sorted(plain["stories"], key=lambda s: s["id"])
    events = ds.dataset(str(out / "events")).to_table()
    assert sorted(json.loads(r)["id"] for r in events.column("record").to_pylist()) == sorted(
        e["id"] for e in plain["events"])

    loaded = CliRunner().invoke(main, ["load", str(out), "--db", db, "--no-progress"])
    assert loaded.exit_code == 0, loaded.output
    assert f"{len(plain['articles'])} added, 0 updated, 0 unchanged, 0 rejected" in loaded.output
    with open_store(db) as store:
        assert {r["id"]: r for r in store.article_records()} == plain["articles"]
        assert sorted(store.story_records(), key=lambda s: s["id"]) == sorted(plain["stories"],
                                                                               key=lambda s: s["id"])
    again = CliRunner().invoke(main, ["load", str(out), "--db", db, "--no-progress"])
    assert f"0 added, 0 updated, {len(plain['articles'])} unchanged" in again.output
    ingested = CliRunner().invoke(main, ["ingest", "--db", db, "--no-progress", str(CORPUS)])
    assert f"0 added, 0 updated, {len(plain['articles'])} unchanged" in ingested.output
    with open_store(db) as store:   # that ingest built the cluster index: the same stories, same ids
        assert store.count_cluster_entries() == len(plain["articles"])
        assert sorted(store.story_records(), key=lambda s: s["id"]) == sorted(plain["stories"],
                                                                               key=lambda s: s["id"])


def test_load_names_a_folder_without_tables(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import main

    result = CliRunner().invoke(main, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "no articles/ folder" in result.output
