"""The real-article corpus: the committed parts are consistent, and the script that
merges, rebuilds and verifies them does what corpus/real/README.md says."""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def load_script():
    spec = importlib.util.spec_from_file_location("real_corpus", REPO / "scripts" / "real_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def rc():
    return load_script()


def test_committed_parts_merge_keep_whole_events_and_keep_one_pairs_events_apart(rc):
    gold = rc.merged_gold()
    rows = {r["id"]: r for r in rc.manifest()}
    split_of_article = {}
    for split, data in gold.items():
        for aid in data["articles"]:
            assert aid in rows, f"{aid} is annotated but not in any manifest"
            assert aid not in split_of_article, f"{aid} is in two splits"
            split_of_article[aid] = split
        for event in data["events"]:
            for aid in event["articles"]:
                assert split_of_article.get(aid) == split, f"{event['event_id']}: {aid} outside {split}"
    # events of one actor pair in both splits must be far apart in time: both dated and at
    # least a month from each other, so no story and no event straddles the splits
    pair_events = defaultdict(list)
    for split, data in gold.items():
        for e in data["events"]:
            parties = frozenset(filter(None, (e.get("actor1") or e.get("actor1_country"),
                                              e.get("actor2") or e.get("actor2_country"))))
            if len(parties) == 2:
                pair_events[parties].append((split, e["event_id"], e.get("date")))
    close = []
    for events in pair_events.values():
        for split_a, id_a, date_a in events:
            for split_b, id_b, date_b in events:
                if split_a == "dev" and split_b == "heldout" and not apart(date_a, date_b):
                    close.append((id_a, id_b))
    assert not close, f"events of one actor pair in both splits, undated or under a month apart: {close}"


def apart(date_a, date_b, days: int = 30) -> bool:
    """Two gold dates (YYYY, YYYY-MM or YYYY-MM-DD) at least ``days`` apart, whatever
    day of a month or year a partial date stands for."""
    if not date_a or not date_b:
        return False
    lo_a, hi_a = date_span(date_a)
    lo_b, hi_b = date_span(date_b)
    return (lo_b - hi_a).days >= days or (lo_a - hi_b).days >= days


def date_span(value: str):
    import calendar
    import datetime as dt

    parts = [int(x) for x in str(value)[:10].split("-")]
    year = parts[0]
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(year, month, parts[2])
    return day, day


def test_pair_dates_apart_reads_partial_dates():
    assert apart("2024-02-12", "2024-05-01")
    assert not apart("2024-02-12", "2024-02-03")
    assert not apart("2024-02", "2024-02-20")       # the month holds the day
    assert not apart("2024", "2024-06-01")
    assert not apart(None, "2024-06-01")            # undated: cannot be shown apart
    assert apart("2023", "2024-02-01")


def test_every_manifest_row_has_a_hash_and_a_query(rc):
    for row in rc.manifest():
        assert len(row["sha256"]) == 64 and row["query"] and row["url"].startswith("http"), row["id"]


def test_no_page_is_recorded_twice(rc):
    """A page in two parts could sit in both splits: every URL and every text is recorded once."""
    for key in ("url", "sha256"):
        seen: dict[str, str] = {}
        for row in rc.manifest():
            assert row[key] not in seen, f"{row['id']} repeats the {key} of {seen[row[key]]}"
            seen[row[key]] = row["id"]


def test_add_refuses_a_page_already_recorded(rc, tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_REAL_CORPUS", str(tmp_path / "cache"))
    monkeypatch.setattr(rc, "PARTS", tmp_path / "parts")
    (tmp_path / "cache").mkdir()
    gold, rows, texts = small_part(rc)
    write_part(rc.PARTS, "t", gold, rows)
    (tmp_path / "cache" / "t_003.txt").write_text(texts["t_001"], encoding="utf-8")
    with pytest.raises(SystemExit, match="already in the corpus as t_001 \\(same text\\)"):
        rc.main(["add", "t", "t_003", "https://example.org/other", "--outlet", "example.org",
                 "--region", "gulf", "--query", "خبر"])
    (tmp_path / "cache" / "t_003.txt").write_text("نص آخر", encoding="utf-8")
    with pytest.raises(SystemExit, match="same URL"):
        rc.main(["add", "t", "t_003", "https://example.org/t_002", "--outlet", "example.org",
                 "--region", "gulf", "--query", "خبر"])
    assert rc.main(["add", "t", "t_003", "https://example.org/t_003", "--outlet", "example.org",
                    "--region", "gulf", "--query", "خبر"]) == 0


def write_part(parts: Path, name: str, gold: dict, rows: list[dict]) -> None:
    parts.mkdir(parents=True, exist_ok=True)
    (parts / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (parts / f"{name}.manifest.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def small_part(rc) -> tuple[dict, list[dict], dict[str, str]]:
    texts = {"t_001": "خبر أول\nنص الخبر الأول.", "t_002": "خبر ثان\nنص الخبر الثاني."}
    rows = [{"id": aid, "url": f"https://example.org/{aid}", "outlet": "example.org", "region": "gulf",
             "query": "خبر", "sha256": rc.sha256_text(t), "chars": len(t), "lines": 2, "annotated": "full"}
            for aid, t in texts.items()]
    gold = {"events": [{"event_id": "te01", "split": "dev", "articles": ["t_001"]},
                       {"event_id": "te02", "split": "heldout", "articles": ["t_002"]}],
            "secondary_events": [{"event_id": "te03", "articles": ["t_001", "t_002"]}],
            "articles": {"t_001": {"main_event": "te01"}, "t_002": {"main_event": "te02"}},
            "discrepancies": [{"event_id": "te02", "field": "date", "values": []}]}
    return gold, rows, texts


def test_merge_splits_articles_secondary_events_and_discrepancies(rc, tmp_path, monkeypatch):
    gold, rows, _ = small_part(rc)
    write_part(tmp_path / "parts", "p1", gold, rows)
    monkeypatch.setattr(rc, "PARTS", tmp_path / "parts")
    merged = rc.merged_gold()
    assert list(merged["dev"]["articles"]) == ["t_001"]
    assert list(merged["heldout"]["articles"]) == ["t_002"]
    # a secondary event spanning both splits is cut to each split's articles
    assert merged["dev"]["secondary_events"][0]["articles"] == ["t_001"]
    assert merged["heldout"]["secondary_events"][0]["articles"] == ["t_002"]
    # a discrepancy goes with its event's split
    assert [d["event_id"] for d in merged["heldout"].get("discrepancies", [])] == ["te02"]
    assert not merged["dev"].get("discrepancies")


def test_merge_names_the_part_and_event_without_a_split(rc, tmp_path, monkeypatch):
    gold, rows, _ = small_part(rc)
    del gold["events"][1]["split"]
    write_part(tmp_path / "parts", "p1", gold, rows)
    monkeypatch.setattr(rc, "PARTS", tmp_path / "parts")
    with pytest.raises(SystemExit, match="p1.gold.json: event te02 has no split"):
        rc.merged_gold()


def test_rebuild_then_verify_detects_a_changed_text(rc, tmp_path, monkeypatch, capsys):
    gold, rows, texts = small_part(rc)
    write_part(tmp_path / "parts", "p1", gold, rows)
    monkeypatch.setattr(rc, "PARTS", tmp_path / "parts")
    monkeypatch.setenv("MARSAD_REAL_CORPUS", str(tmp_path / "cache"))
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"results": [{"url": r["url"], "excerpt": texts[r["id"]]} for r in rows]}),
                      encoding="utf-8")
    assert rc.main(["rebuild", str(answer)]) == 0
    assert rc.main(["verify"]) == 0
    (tmp_path / "cache" / "t_002.txt").write_text("نص آخر", encoding="utf-8")
    assert rc.main(["verify"]) == 1
    assert "changed t_002" in capsys.readouterr().err


def test_scoring_stops_on_a_missing_cached_text_and_names_it(rc, tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_REAL_CORPUS", str(tmp_path))
    (tmp_path / "t_001.txt").write_text("نص", encoding="utf-8")
    assert rc.cached_paths(["t_001"]) == [str(tmp_path / "t_001.txt")]
    with pytest.raises(SystemExit, match=r"1 cached text\(s\) missing .*: t_002\.txt"):
        rc.cached_paths(["t_001", "t_002"])
    with pytest.raises(SystemExit, match="t_002.txt"):
        rc.predict_sentences([{"article": "t_002", "start": 0, "end": 2, "sha256": ""}])


def test_cached_only_scores_the_cached_articles_and_says_how_many_were_left_out(rc, tmp_path, monkeypatch, capsys):
    gold, rows, texts = small_part(rc)
    rows.append({**rows[0], "id": "t_003", "url": "https://example.org/t_003", "sha256": "0" * 64})
    gold["articles"]["t_003"] = {"main_event": "te01"}
    gold["events"][0]["articles"].append("t_003")
    write_part(tmp_path / "parts", "p1", gold, rows)
    monkeypatch.setattr(rc, "PARTS", tmp_path / "parts")
    monkeypatch.setenv("MARSAD_REAL_CORPUS", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "t_001.txt").write_text(texts["t_001"], encoding="utf-8")
    have = rc.narrow_to_cached(rc.split_gold("dev")["articles"], "dev articles")
    assert have == {"t_001"}
    assert "scoring 1 of 2 dev articles; 1 have no cached text" in capsys.readouterr().err
    narrowed = rc.split_gold("dev", only=have)
    assert list(narrowed["articles"]) == ["t_001"] and [e["event_id"] for e in narrowed["events"]] == ["te01"]
    assert rc.split_inputs("dev", only=have) == [str(tmp_path / "cache" / "t_001.txt")]
    with pytest.raises(SystemExit, match="none of the 1 heldout articles"):
        rc.narrow_to_cached(rc.split_gold("heldout")["articles"], "heldout articles")


def test_cached_only_on_parts_without_the_split_says_so(rc, tmp_path, monkeypatch):
    # parts with no article of the split: the reason is the parts, not the cache
    gold, rows, texts = small_part(rc)
    gold["events"] = [{**gold["events"][0], "plover_type": "CONSULT"}]  # stats reads the type
    gold["articles"] = {"t_001": gold["articles"]["t_001"]}
    gold["secondary_events"], gold["discrepancies"] = [], []
    write_part(tmp_path / "parts", "p1", gold, rows[:1])
    monkeypatch.setattr(rc, "PARTS", tmp_path / "parts")
    monkeypatch.setattr(rc, "CORPUS", tmp_path)
    monkeypatch.setenv("MARSAD_REAL_CORPUS", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "t_001.txt").write_text(texts["t_001"], encoding="utf-8")
    with pytest.raises(SystemExit, match="no heldout articles in parts p1"):
        rc.main(["score", "heldout", "--parts", "p1", "--cached-only"])


def test_rebuild_names_an_unreadable_answer_and_goes_on(rc, tmp_path, monkeypatch, capsys):
    gold, rows, texts = small_part(rc)
    write_part(tmp_path / "parts", "p1", gold, rows)
    monkeypatch.setattr(rc, "PARTS", tmp_path / "parts")
    monkeypatch.setenv("MARSAD_REAL_CORPUS", str(tmp_path / "cache"))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"results": [{"url": rows[0]["url"], "excerpt": texts["t_001"]}]}),
                    encoding="utf-8")
    rc.main(["rebuild", str(bad), str(good)])
    captured = capsys.readouterr()
    assert "bad.json: not a search answer" in captured.err
    assert (tmp_path / "cache" / "t_001.txt").read_text(encoding="utf-8") == texts["t_001"]


def test_sentence_scores_count_each_sentence_once_per_scored_type(rc):
    # three sentences: a protest, an attack that is also an accusation, a sports negative
    rows = [
        {"article": "x", "start": 0, "end": 10, "type": "PROTEST", "label": "positive", "kind": None},
        {"article": "x", "start": 11, "end": 20, "type": "ASSAULT", "label": "positive", "kind": None},
        {"article": "x", "start": 11, "end": 20, "type": "ACCUSE", "label": "positive", "kind": None},
        {"article": "y", "start": 0, "end": 8, "type": "ASSAULT", "label": "negative", "kind": "sports"},
        {"article": "y", "start": 9, "end": 15, "type": None, "label": "negative", "kind": "none"},
    ]
    predicted = {("x", 0, 10): {"PROTEST", "REQUEST"}, ("x", 11, 20): {"ASSAULT"},
                 ("y", 0, 8): {"ASSAULT"}, ("y", 9, 15): set()}
    s = rc.score_sentence_labels(rows, predicted)
    assert s["sentences"] == 4 and s["articles"] == 2
    assert s["types"]["PROTEST"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    a = s["types"]["ASSAULT"]
    assert (a["tp"], a["fp"], a["fn"]) == (1, 1, 0) and a["precision"] == 0.5 and a["f1"] == pytest.approx(2 / 3)
    c = s["types"]["ACCUSE"]
    assert (c["tp"], c["fp"], c["fn"], c["precision"], c["recall"]) == (0, 0, 1, None, 0.0)
    o = s["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (2, 1, 1)
    assert s["hard_negatives"] == {"ASSAULT/sports": {"n": 1, "fp": 1}}
    assert s["unscored_predictions"] == {"REQUEST": 1}        # never labelled, so never scored


def test_a_sentence_is_located_in_the_cleaned_text_at_the_same_occurrence(rc):
    raw = "Title\nTitle\nA line.\n"
    clean = "Title\nTitle\nA line."
    assert rc.locate(raw, clean, 6, 11) == (6, 11)            # the second copy of the headline
    assert rc.locate(raw, clean, 12, 19) == (12, 19)
    assert rc.locate("Menu\nA line.", "A line.", 0, 4) is None  # removed as boilerplate


def test_committed_sentence_rows_are_well_formed(rc):
    rows = rc.sentence_rows()
    articles = {r["id"]: r for r in rc.manifest()}
    for r in rows:
        assert r["article"] in articles and r["split"] in rc.SPLITS and r["label"] in ("positive", "negative"), r["id"]
        assert 0 <= r["start"] < r["end"] <= articles[r["article"]]["chars"] and len(r["sha256"]) == 64, r["id"]
        assert r["label"] == "negative" or r["type"], r["id"]
    split_of = {}
    for r in rows:                                            # a whole article goes to one split
        assert split_of.setdefault(r["article"], r["split"]) == r["split"], r["article"]


def test_a_sentence_is_scored_only_for_the_types_its_part_labels(rc):
    # part s1 labels PROTEST only; part s2 labels REQUEST too: a REQUEST found in an s1
    # sentence was never judged, so it is neither a false positive nor a miss
    rows = [
        {"article": "s1_001", "start": 0, "end": 10, "type": "PROTEST", "label": "positive", "kind": None},
        {"article": "s2_001", "start": 0, "end": 9, "type": "REQUEST", "label": "positive", "kind": None},
        {"article": "s2_001", "start": 10, "end": 20, "type": "PROTEST", "label": "negative", "kind": "plan"},
    ]
    predicted = {("s1_001", 0, 10): {"PROTEST", "REQUEST"}, ("s2_001", 0, 9): {"REQUEST"},
                 ("s2_001", 10, 20): {"REQUEST"}}
    s = rc.score_sentence_labels(rows, predicted)
    r = s["types"]["REQUEST"]
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 0)           # the s2 plan sentence, not the s1 one
    assert s["types"]["PROTEST"]["tp"] == 1 and s["types"]["PROTEST"]["fp"] == 0
    assert s["unscored_predictions"] == {"REQUEST": 1}


def test_a_sentence_whose_byline_or_line_breaks_were_cleaned_is_still_located(rc):
    raw = "وكالة المدينة - قصفت المدفعية مواقع شرق المدينة صباح اليوم.\n"
    clean = "قصفت المدفعية مواقع شرق المدينة صباح اليوم."
    assert rc.locate(raw, clean, 0, len(raw) - 1) == (0, len(clean))     # the byline glued to it went
    raw = "قتل جنديان من الجيش\nفي هجوم على حاجز."
    clean = "قتل جنديان من الجيش في هجوم على حاجز."
    assert rc.locate(raw, clean, 0, len(raw)) == (0, len(clean))         # its wrapped lines were joined
    raw = "الرئيسية / أخبار\nخبر قصير"
    assert rc.locate(raw, "خبر قصير", 0, 16) is None       # a tail shorter than half of it is no trace
