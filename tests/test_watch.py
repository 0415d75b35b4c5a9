"""`marsad watch` against a real feed server on 127.0.0.1 whose feeds change under it
(ETag and Last-Modified answered with 304, a feed that fails with 500 and recovers,
bad items), folders that gain files, a watcher stopped by SIGTERM and restarted, and
`marsad serve` reading the database while the watcher writes it (both backends)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from feed_server import FeedServer
from marsad.pipeline import default_pipeline
from marsad.store import open_store
from marsad.watch import Watcher, WatchOptions, make_source

REPO = Path(__file__).resolve().parents[1]

# Our own short reports, one event each.
REPORTS = {
    "amman": ("وزير الخارجية الأردني يزور القاهرة",
              "وصل وزير الخارجية الأردني إلى القاهرة صباح الثلاثاء في زيارة رسمية يلتقي خلالها نظيره "
              "المصري لبحث العلاقات الثنائية. وقال المتحدث باسم الوزارة إن الزيارة تستمر يومين."),
    "sfax": ("افتتاح مستشفى جديد في صفاقس",
             "أعلنت وزارة الصحة التونسية افتتاح مستشفى جديد في مدينة صفاقس بطاقة تبلغ مئتي سرير. "
             "وأوضحت الوزارة أن المستشفى يضم قسما للطوارئ ومختبرا حديثا."),
    "baghdad": ("طلاب يتظاهرون أمام البرلمان في بغداد",
                "تظاهر مئات الطلاب أمام مبنى البرلمان في بغداد للمطالبة بتحسين الخدمات في الجامعات "
                "الحكومية. ورفع المتظاهرون لافتات تدعو إلى زيادة المنح الدراسية."),
    "agadir": ("اتفاقية لبناء محطة تحلية قرب أكادير",
               "وقعت الحكومة المغربية اتفاقية مع شركة محلية لبناء محطة لتحلية مياه البحر قرب مدينة "
               "أكادير. وينتظر أن تبدأ المحطة العمل بعد ثلاث سنوات."),
    "kuwait": ("أمير الكويت يستقبل رئيس وزراء باكستان",
               "استقبل أمير الكويت في قصر بيان رئيس وزراء باكستان وبحثا سبل تعزيز التعاون الاقتصادي "
               "بين البلدين. وحضر اللقاء عدد من الوزراء."),
}


def page(name: str) -> bytes:
    title, body = REPORTS[name]
    return (f"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>").encode()


def rss(base: str, names: list[str], extra: str = "") -> bytes:
    items = "".join(f"<item><title>{REPORTS[n][0]}</title><link>{base}/news/{n}</link>"
                    f"<description>{REPORTS[n][0]}</description>"
                    f"<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate></item>" for n in names)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>أخبار</title>"
            f"<link>{base}/</link>{items}{extra}</channel></rss>").encode()


def atom(names: list[str]) -> bytes:
    entries = "".join(f"<entry><id>urn:report:{n}</id><title>{REPORTS[n][0]}</title>"
                      f"<updated>2025-03-05T09:00:00Z</updated><content type='text'>{REPORTS[n][1]}</content></entry>"
                      for n in names)
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>موجز</title><id>urn:feed</id><updated>2025-03-05T09:00:00Z</updated>{entries}</feed>").encode()


@pytest.fixture
def feeds():
    server = FeedServer()
    for name in REPORTS:
        server.routes[f"/news/{name}"] = {"body": page(name)}
    yield server
    server.close()


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


FAST = WatchOptions(every_s=900, retries=3, retry_base_s=0.01)


def watcher(store, specs, pipeline, lines=None, options=FAST):
    sources = [make_source(s, allow_private=True) for s in specs]
    return Watcher(store, sources, options, log=(lines.append if lines is not None else lambda _l: None),
                   pipeline=pipeline)


def ids(store) -> list[str]:
    return sorted(a["id"] for a in store.article_records())


def test_feed_that_changes_under_the_watcher(feeds, db_path, pipeline):
    url = f"{feeds.base}/feed.xml"
    feeds.routes["/feed.xml"] = {"body": rss(feeds.base, ["amman", "sfax"]), "etag": True,
                                 "type": "application/rss+xml"}
    lines: list[str] = []
    with open_store(db_path) as store:
        w = watcher(store, [url], pipeline, lines)
        [first] = w.round()
        assert (first.status, first.added, first.skipped) == ("new", 2, 0), first.line()
        assert ids(store) == [f"{feeds.base}/news/amman", f"{feeds.base}/news/sfax"]
        assert store.count_stories() >= 1 and store.count_articles(without_story=True) == 0
        assert lines[-1].startswith(f"feed {url}: new: 2 added")

        # Unchanged: the ETag comes back and the server answers 304; no item page is fetched.
        [second] = w.round()
        assert second.status == "unchanged" and second.detail == "304 Not Modified"
        assert feeds.requests[-1][1].get("If-None-Match", "").startswith('"')
        assert lines[-1] == f"feed {url}: unchanged (304 Not Modified)"

        # The feed gains a report and two bad items; the items already read are not fetched again.
        bad = ("<item><title></title><description></description></item>"                  # no link, no guid
               f"<item><link>{feeds.base}/gone</link><description></description></item>")  # 404 and no text
        feeds.routes["/feed.xml"]["body"] = rss(feeds.base, ["baghdad", "amman", "sfax"], bad)
        [third] = w.round()
        assert (third.status, third.added, third.skipped, len(third.rejected)) == ("new", 1, 2, 2), third.line()
        assert "feed item without link or guid" in third.rejected[0]
        assert "without any text and its page could not be read (HTTP 404" in third.rejected[1]
        assert "1 added, 0 updated, 2 item(s) already seen, 2 rejected (" in lines[-1]
        assert feeds.hits["/news/amman"] == 1 and feeds.hits["/news/baghdad"] == 1
        assert len(ids(store)) == 3
    # A new watcher (a restart) on the same database remembers the ETag and the items.
    with open_store(db_path) as store:
        [again] = watcher(store, [url], pipeline).round()
        assert again.detail == "304 Not Modified" and len(ids(store)) == 3
        state = store.watch_state(url)
        assert state["etag"] and state["failures"] == 0 and len(state["seen"]) == 3


def test_atom_feed_with_last_modified(feeds, db_path, pipeline):
    url = f"{feeds.base}/atom"
    feeds.routes["/atom"] = {"body": atom(["agadir"]), "type": "application/atom+xml",
                             "last_modified": "Wed, 05 Mar 2025 09:00:00 GMT"}
    with open_store(db_path) as store:
        w = watcher(store, [url], pipeline)
        assert w.round()[0].added == 1 and ids(store) == ["urn:report:agadir"]
        assert w.round()[0].detail == "304 Not Modified"
        assert feeds.requests[-1][1]["If-Modified-Since"] == "Wed, 05 Mar 2025 09:00:00 GMT"
        feeds.routes["/atom"].update(body=atom(["kuwait", "agadir"]), last_modified="Thu, 06 Mar 2025 07:00:00 GMT")
        out = w.round()[0]
        assert (out.added, out.skipped) == (1, 1) and ids(store) == ["urn:report:agadir", "urn:report:kuwait"]


def test_failing_feed_is_retried_with_back_off_and_recovers(feeds, db_path, pipeline):
    url = f"{feeds.base}/flaky.xml"
    feeds.routes["/flaky.xml"] = {"body": rss(feeds.base, ["amman"]), "fail": 2, "type": "application/rss+xml"}
    lines: list[str] = []
    t0 = 1_750_000_000.0
    with open_store(db_path) as store:
        w = watcher(store, [url], pipeline, lines)
        # Two 500s, then the third try in the same round succeeds.
        ok = w.round(t0)[0]
        assert ok.status == "new" and ok.added == 1 and ok.detail == "after 2 retries", ok.line()
        # Down for good: three tries, then the feed is left alone for 1, 2, 4 rounds.
        feeds.routes["/flaky.xml"].update(fail=10**6, body=rss(feeds.base, ["sfax", "amman"]))
        down = w.round(t0 + 900)[0]
        assert down.status == "error" and "HTTP 500" in down.error and "(3 tries)" in down.error
        assert lines[-1] == (f"feed {url}: error: HTTP 500 from {url} (3 tries); "
                             "failed 1 round(s) in a row, next try in 15 min")
        assert w.round(t0 + 1800)[0].detail.endswith("next try in 30 min")
        before = feeds.hits["/flaky.xml"]
        skipped = w.round(t0 + 2700)[0]          # within the back-off: not even fetched
        assert skipped.status == "error" and skipped.error.startswith("skipped, 2 failed round(s)")
        assert feeds.hits["/flaky.xml"] == before
        # Recovered: the next round after the back-off reads the new item and resets the count.
        feeds.routes["/flaky.xml"]["fail"] = 0
        back = w.round(t0 + 3600)[0]
        assert (back.status, back.added, back.skipped) == ("new", 1, 1)
        assert store.watch_state(url)["failures"] == 0 and len(ids(store)) == 2


def test_unreadable_feed_is_an_error_not_an_article(feeds, db_path, pipeline):
    feeds.routes["/broken.xml"] = {"body": b"<?xml version='1.0'?><rss><channel><title>x", "type": "application/rss+xml"}
    with open_store(db_path) as store:
        out = watcher(store, [f"{feeds.base}/broken.xml"], pipeline).round()[0]
        assert out.status == "error" and "feed" in out.error and store.count_articles() == 0


def write(folder: Path, name: str, report: str) -> Path:
    path = folder / name
    path.write_text("\n".join(REPORTS[report]) + "\n", encoding="utf-8")
    return path


def test_folder_that_gains_files(tmp_path, db_path, pipeline):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write(inbox, "agadir.txt", "agadir")
    lines: list[str] = []
    with open_store(db_path) as store:
        w = watcher(store, [str(inbox)], pipeline, lines)
        assert w.round()[0].added == 1
        assert lines[-1] == f"folder {inbox}: new: 1 added, 0 updated, 0 file(s) already seen"
        quiet = w.round()[0]
        assert (quiet.status, quiet.skipped) == ("unchanged", 1)
        # A new file, a touched file (same bytes: not read again) and a file that is not news.
        write(inbox, "kuwait.txt", "kuwait")
        os.utime(inbox / "agadir.txt", ns=(time.time_ns(), time.time_ns() + 10**9))
        (inbox / "notes.json").write_text("{}", encoding="utf-8")
        gained = w.round()[0]
        assert (gained.added, gained.updated, gained.unchanged, gained.skipped) == (1, 0, 0, 1)
        # A file whose content changed is read again and its article updated.
        (inbox / "agadir.txt").write_text("\n".join(REPORTS["agadir"]) + " وأكد الوزير ذلك.\n", encoding="utf-8")
        changed = w.round()[0]
        assert (changed.added, changed.updated, changed.skipped) == (0, 1, 1)
        assert ids(store) == ["agadir", "kuwait"]
        # A bad file is named once, and kept out of the next rounds until it changes.
        (inbox / "empty.txt").write_bytes(b"")
        bad = w.round()[0]
        assert bad.rejected == [f"{inbox / 'empty.txt'}: empty file"]
        assert w.round()[0].rejected == []
    with open_store(db_path) as store:
        missing = watcher(store, [str(tmp_path / "nowhere")], pipeline).round()[0]
        assert missing.status == "error" and "no such file or folder" in missing.error


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _marsad(*args) -> list[str]:
    return [sys.executable, "-m", "marsad.cli", *map(str, args)]


def test_cli_watch_is_stopped_by_sigterm_mid_round_and_restarted(feeds, tmp_path):
    db = tmp_path / "w.db"
    url = f"{feeds.base}/slow.xml"
    feeds.routes["/slow.xml"] = {"body": rss(feeds.base, ["amman", "sfax"]), "etag": True,
                                 "type": "application/rss+xml"}
    feeds.routes["/news/sfax"]["delay"] = 30     # the watcher is stopped while it waits for this page
    proc = subprocess.Popen(_marsad("watch", "--db", db, "--every", "1h", "--allow-private", url),
                            env=_env(), stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 120
        while feeds.hits["/news/sfax"] == 0 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert feeds.hits["/news/sfax"] == 1, "the watcher never reached the slow page"
        proc.send_signal(signal.SIGTERM)
        err = proc.communicate(timeout=60)[1]
    finally:
        proc.kill()
    assert proc.returncode == 0 and "stopped; what was committed is kept" in err, err
    with open_store(db) as store:
        assert store.count_articles() == 0 and store.watch_state(url) is None
    feeds.routes["/news/sfax"]["delay"] = 0
    done = subprocess.run(_marsad("watch", "--db", db, "--once", "--allow-private", url),
                          env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"feed {url}: new: 2 added, 0 updated, 0 item(s) already seen" in done.stderr
    again = subprocess.run(_marsad("watch", "--db", db, "--once", "--allow-private", url),
                           env=_env(), capture_output=True, text=True, timeout=300)
    assert "(304 Not Modified)" in again.stderr
    with open_store(db) as store:
        assert store.count_articles() == 2 and store.count_articles(without_story=True) == 0


def test_cli_watch_rejects_bad_arguments(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import main

    bad_every = CliRunner().invoke(main, ["watch", "--db", str(tmp_path / "x.db"), "--every", "soon", "."])
    assert bad_every.exit_code == 2 and "not a duration" in bad_every.output
    bad_source = CliRunner().invoke(main, ["watch", "--db", str(tmp_path / "x.db"), "ftp://x/feed"])
    assert bad_source.exit_code == 2 and "only http and https" in bad_source.output


def _get(url: str) -> tuple[int, object]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, json.loads(response.read())


def test_serve_reads_while_watch_writes(db, tmp_path, pipeline):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(_marsad("serve", "--db", db, "--port", port), env=_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/health", timeout=5).close()
                break
            except OSError:
                assert server.poll() is None and time.time() < deadline, server.stderr and server.stderr.read()
                time.sleep(0.2)
        answers: list[tuple[str, int]] = []
        failures: list[str] = []
        stop = threading.Event()

        def read_all_the_time():
            while not stop.is_set():
                for path in ("/api/stories", "/api/articles", "/api/search?q=%D8%A7%D9%84%D9%83%D9%88%D9%8A%D8%AA"):
                    try:
                        answers.append((path, _get(base + path)[0]))
                    except Exception as exc:  # every failure is kept for the assertion
                        failures.append(f"{path}: {exc}")

        reader = threading.Thread(target=read_all_the_time)
        reader.start()
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        try:
            with open_store(db) as store:
                w = watcher(store, [str(inbox)], pipeline)
                for names in (["amman", "sfax"], ["baghdad", "agadir", "kuwait"]):
                    for name in names:
                        write(inbox, f"{name}.txt", name)
                    assert w.round()[0].status == "new"
        finally:
            time.sleep(0.5)
            stop.set()
            reader.join(60)
        assert failures == []
        assert len(answers) >= 6 and {code for _, code in answers} == {200}
        assert len(_get(f"{base}/api/articles")[1]) == 5
        assert [hit["article_id"] for hit in _get(f"{base}/api/search?q=%D8%A7%D9%84%D9%83%D9%88%D9%8A%D8%AA")[1]] == ["kuwait"]
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
