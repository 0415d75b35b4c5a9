"""The REST API and the server-rendered pages, on a real database (SQLite and PostgreSQL)
built by ingesting our own short Arabic articles (tests/data/web/) through the real pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from marsad.cli import CSV_COLUMNS  # noqa: E402
from marsad.serve import charts  # noqa: E402
from marsad.serve.app import create_app  # noqa: E402
from marsad.serve.highlight import Mark, article_marks, highlight  # noqa: E402
from conftest import BACKENDS, new_database  # noqa: E402
from marsad.store import open_store  # noqa: E402
from marsad.workflow import ingest  # noqa: E402

WEB_DATA = Path(__file__).parent / "data" / "web"
TOKEN = "test-token-123"
EU = {"web_eu_1", "web_eu_2"}
RIYADH = {"web_riyadh_1", "web_riyadh_2"}


@pytest.fixture(scope="module", params=BACKENDS)
def web_db(request, tmp_path_factory) -> str:
    path = new_database(request, tmp_path_factory.mktemp("web"))
    with open_store(path) as store:
        report = ingest(store, [str(WEB_DATA)])
    assert report.errors == [] and report.added == 5
    return path


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(str(web_db), ingest_token=TOKEN)) as c:
        yield c


def story_of(client, article_id: str) -> str:
    return client.get(f"/api/articles/{article_id}").json()["story_id"]


# -- stories ------------------------------------------------------------------
def test_every_article_is_in_one_listed_story(client):
    stories = client.get("/api/stories").json()
    ids = [a for s in stories for a in s["article_ids"]]
    assert sorted(ids) == sorted(RIYADH | EU | {"web_ankara_1"})
    # two different events never share a story
    assert story_of(client, "web_eu_1") != story_of(client, "web_riyadh_1")


def test_story_detail_has_its_articles_and_the_contract_shape(client, record_validator):
    sid = story_of(client, "web_eu_1")
    rec = client.get(f"/api/stories/{sid}").json()
    articles = rec.pop("articles")
    record_validator(rec, "story")
    assert {a["id"] for a in articles} == set(rec["article_ids"])
    assert all(a["story_id"] == sid and a["text"] for a in articles)


def test_unknown_story_and_article_are_404_with_the_id(client):
    r = client.get("/api/stories/nope")
    assert r.status_code == 404 and "nope" in r.json()["detail"]
    assert client.get("/api/articles/nope").status_code == 404


def test_story_filters(client):
    everything = client.get("/api/stories").json()
    late = client.get("/api/stories", params={"date_from": "2025-05-01"}).json()
    assert all(s["date"] >= "2025-05-01" for s in late)
    assert {s["id"] for s in late} < {s["id"] for s in everything}
    early = client.get("/api/stories", params={"date_to": "2025-02"}).json()
    assert all(s["date"][:7] <= "2025-02" for s in early)
    assert not {s["id"] for s in late} & {s["id"] for s in early}
    typed = [s for s in everything if s.get("main_event")]
    assert typed, "the pipeline found no main event in any story"
    t = typed[0]["main_event"]["type"]
    same = client.get("/api/stories", params={"type": t.lower()}).json()
    assert typed[0]["id"] in {s["id"] for s in same}
    assert all(s["main_event"]["type"] == t for s in same)
    assert client.get("/api/stories", params={"limit": 1}).json() == everything[:1]
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422


def test_text_filter_finds_stories_by_arabic_in_another_spelling_and_by_english_name(client):
    eu_story = story_of(client, "web_eu_1")
    # "الإتحاد" with a hamza below: normalized search ignores it
    assert eu_story in {s["id"] for s in client.get("/api/stories", params={"q": "الإتحاد الاوروبي"}).json()}
    assert [s["id"] for s in client.get("/api/stories", params={"q": "zzzqqq"}).json()] == []


# -- search ---------------------------------------------------------------------
def test_search_arabic_and_english_names(client):
    arabic = {h["article_id"] for h in client.get("/api/search", params={"q": "كالاس"}).json()}
    assert arabic == EU
    english = {h["article_id"] for h in client.get("/api/search", params={"q": "Kallas"}).json()}
    assert english & EU, "an English name should find the Arabic articles that mention the person"
    assert client.get("/api/search").status_code == 422


# -- articles and events ----------------------------------------------------------
def test_articles_list_and_filters(client, record_validator):
    recs = client.get("/api/articles").json()
    assert {r["id"] for r in recs} == RIYADH | EU | {"web_ankara_1"}
    for rec in recs:
        record_validator(rec, "article")
    by_outlet = client.get("/api/articles", params={"outlet": "وكالة التجربة"}).json()
    assert {r["id"] for r in by_outlet} == {"web_riyadh_2", "web_eu_2"}


def test_events_json_jsonl_and_csv_agree(client, record_validator):
    events = client.get("/api/events").json()
    assert events
    for ev in events:
        record_validator(ev, "event")
    jsonl = client.get("/api/events", params={"format": "jsonl"})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(line) for line in jsonl.text.splitlines()] == events
    got = client.get("/api/events", params={"format": "csv"})
    assert "attachment" in got.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert list(rows[0].keys()) == CSV_COLUMNS["events"]
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    t = events[0]["type"]
    assert all(e["type"] == t for e in client.get("/api/events", params={"type": t}).json())
    sid = events[0]["story_id"]
    assert all(e["story_id"] == sid for e in client.get("/api/events", params={"story_id": sid}).json())
    assert client.get("/api/events", params={"format": "xml"}).status_code == 422


def test_event_counts(client):
    by_type = client.get("/api/events/counts", params={"by": "type"}).json()
    dated = [e for e in client.get("/api/events").json() if e["date"]]
    assert sum(c["n"] for c in by_type) == len(dated)
    for c in client.get("/api/events/counts", params={"by": "pair"}).json():
        assert len(c["key"].split("-")) == 2 and c["n"] >= 1


# -- actors -----------------------------------------------------------------------
def test_actor_profile_timeline_and_counterparts(client):
    top = client.get("/api/actors").json()
    assert top and all(a["n_articles"] >= 1 for a in top)
    events = client.get("/api/events").json()
    with_actor = next(e for e in events if e["actor1"] and e["actor1"].get("name_en"))
    name = with_actor["actor1"]["name_en"]
    page = client.get("/actor", params={"name": name}, follow_redirects=False)
    assert page.status_code == 303
    key = page.headers["location"].rsplit("/", 1)[1]
    from urllib.parse import unquote

    profile = client.get(f"/api/actors/{unquote(key)}").json()
    assert with_actor["id"] in {e["id"] for e in profile["events"]}
    dates = [e["date"] for e in profile["events"] if e["date"]]
    assert dates == sorted(dates)
    for cp in profile["counterparts"]:
        assert cp["n"] >= 1 and cp["key"] not in profile["keys"]
    assert client.get("/api/actors/no-such-actor").status_code == 404


# -- ingest -----------------------------------------------------------------------
NEW_ARTICLE = {"id": "web_new_1", "outlet": "صحيفة الاختبار", "published": "2025-02-04",
               "title": "أردوغان والشرع يبحثان التعاون",
               "text": "أردوغان والشرع يبحثان التعاون\nأنقرة - بحث الرئيس التركي رجب طيب أردوغان "
                       "مع الرئيس السوري أحمد الشرع في أنقرة يوم الثلاثاء 4 فبراير 2025 التعاون "
                       "بين البلدين. <script>alert(1)</script>"}


@pytest.fixture
def fresh_client(db):
    with TestClient(create_app(db, ingest_token=TOKEN)) as c:
        yield c


def test_ingest_is_forbidden_without_a_server_token(tmp_path):
    with TestClient(create_app(str(tmp_path / "x.db"))) as c:
        r = c.post("/api/ingest", json=[NEW_ARTICLE], headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "token" in r.json()["detail"]


def test_ingest_needs_the_right_bearer_token(fresh_client):
    assert fresh_client.post("/api/ingest", json=[NEW_ARTICLE]).status_code == 401
    r = fresh_client.post("/api/ingest", json=[NEW_ARTICLE], headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    assert fresh_client.get("/api/articles").json() == []


def test_ingest_json_list_then_jsonl_is_idempotent(fresh_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = fresh_client.post("/api/ingest", json=[NEW_ARTICLE], headers=auth)
    assert r.status_code == 200, r.text
    assert r.json() == {"added": 1, "updated": 0, "unchanged": 0, "rejected": [], "stories": 1}
    assert fresh_client.get("/api/articles/web_new_1").json()["title"] == NEW_ARTICLE["title"]
    again = fresh_client.post("/api/ingest", content=json.dumps(NEW_ARTICLE, ensure_ascii=False) + "\n",
                              headers={**auth, "Content-Type": "application/x-ndjson"})
    assert again.json()["unchanged"] == 1 and again.json()["added"] == 0


@pytest.mark.parametrize("body, message", [
    ("", "empty"),
    ("[1, 2]", "record 1: not a JSON object"),
    ('{"text": "نص"}', "'id'"),
    ('{"id": "a"}', "'text' or 'html'"),
    ('{"id": "a", "text": "x"}\n{broken', "line 2"),
])
def test_ingest_rejects_bad_bodies_with_a_clear_message(fresh_client, body, message):
    r = fresh_client.post("/api/ingest", content=body.encode(),
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 400 and message in r.json()["detail"]


def test_story_page_escapes_article_text(fresh_client):
    fresh_client.post("/api/ingest", json=[NEW_ARTICLE], headers={"Authorization": f"Bearer {TOKEN}"})
    sid = fresh_client.get("/api/articles/web_new_1").json()["story_id"]
    html = fresh_client.get(f"/stories/{sid}").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# -- pages --------------------------------------------------------------------------
def test_pages_render_right_to_left(client):
    sid = story_of(client, "web_riyadh_1")
    top = client.get("/api/actors").json()[0]["key"]
    for url in ("/", f"/stories/{sid}", "/actors", f"/actors/{top}", "/charts", "/search?q=الشرع",
                "/docs", "/?type=CONSULT&date_from=2025-01-01"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert '<html lang="ar" dir="rtl">' in r.text, url
        assert "cdn" not in r.text.lower() and "https://fonts." not in r.text, url


def test_story_page_shows_sources_highlights_and_agreement(client):
    sid = story_of(client, "web_riyadh_1")
    html = client.get(f"/stories/{sid}").text
    story = client.get(f"/api/stories/{sid}").json()
    for aid in story["article_ids"]:
        assert f'id="src-{aid}"' in html
    assert 'class="ent ent-PERSON"' in html  # al-Sharaa is a person in any reasonable annotation
    assert 'id="agreement"' in html and 'id="summary-en" dir="ltr" lang="en"' in html
    assert "<svg" in html


def test_story_list_has_a_sparkline_per_story(client):
    html = client.get("/").text
    n = len(client.get("/api/stories").json())
    assert html.count('class="story-card"') == n
    assert html.count('<svg class="spark"') == n


def test_assets_are_served_locally(client):
    assert client.get("/static/marsad.css").status_code == 200
    assert client.get("/static/marsad.js").status_code == 200
    font = client.get("/fonts/arabic.ttf")
    if client.app.state.font is None:
        assert font.status_code == 404
    else:
        assert font.status_code == 200 and font.headers["content-type"] == "font/ttf"
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/events", "/api/actors/{key}", "/api/search", "/api/ingest"):
        assert path in spec["paths"]


# -- building blocks --------------------------------------------------------------------
def test_highlight_overlaps_escapes_and_skips_stale_offsets():
    text = "قال <b>بوتين</b> يوم 12 فبراير\nسطر ثان"
    start = text.index("بوتين")
    marks = [Mark(start, start + 5, "ent ent-PERSON", "PERSON"), Mark(start, start + 2, "trig", "t")]
    html = str(highlight(text, marks))
    assert html.count("<p>") == 2
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert '<mark class="ent ent-PERSON trig" title="PERSON | t">بو</mark>' in html
    assert '<mark class="ent ent-PERSON" title="PERSON">تين</mark>' in html
    rec = {"text": text, "entities": [{"text": "خطأ", "start": 0, "end": 3, "type": "PERSON"},
                                      {"text": "بوتين", "start": start, "end": start + 5, "type": "PERSON"}],
           "dates": [{"text": "x", "start": 99, "end": 120}], "events": []}
    assert [m.start for m in article_marks(rec)] == [start]


def test_sparkline_counts_zero_days_and_charts_escape_labels():
    svg = str(charts.sparkline([{"day": "2025-02-01", "n": 2}, {"day": "2025-02-04", "n": 1}],
                               min_days=3))
    assert svg.count("<rect") == 4 and "3 articles" in svg and "over 4 days" in svg
    week = str(charts.sparkline([{"day": "2025-02-01", "n": 1}]))
    assert week.count("<rect") == 7
    bars = str(charts.stacked_bars([{"month": "2025-01", "key": "<X>", "n": 3},
                                    {"month": "2025-02", "key": "B", "n": 1}], top=1))
    assert "&lt;X&gt;" in bars and "<X>" not in bars and "other" in bars
    net = str(charts.network("مركز", [{"label": "أ", "n": 2, "href": "/actors/a"},
                                      {"label": "ب", "n": 1}]))
    assert net.count('class="edge"') == 2 and 'href="/actors/a"' in net


def test_search_page_shows_the_articles_own_spelling_and_the_matched_name(client):
    html = client.get("/search", params={"q": "الإتحاد الاوروبي"}).text
    assert "<mark>الأوروبي</mark>" in html  # the article's spelling, not the normalized one
    by_name = client.get("/search", params={"q": "Kallas"}).text
    assert by_name.count('class="hit"') >= 1 and "<mark>" in by_name


def test_original_snippet_marks_prefix_matches_in_the_original_text():
    from marsad.serve.views import original_snippet

    text = "قال المتحدث إن الأمين العام للأمم المتحدة <رحب> بالاتفاق، وإن الأمانة العامة ستتابع."
    html = str(original_snippet(text, "الامين"))
    assert "<mark>الأمين</mark>" in html and "&lt;رحب&gt;" in html
    assert original_snippet(text, "غائب") is None
    assert str(original_snippet("a Putin b", "putin")) == "a <mark>Putin</mark> b"
