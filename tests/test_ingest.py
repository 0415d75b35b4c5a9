"""Ingest: every input form of the contract, charsets, and URLs served from 127.0.0.1."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from feed_server import FeedServer

from marsad.ingest import InputError, read_inputs
from marsad.ingest.charset import DecodeError, decode_bytes
from marsad.ingest.fetch import FetchError, check_address
from marsad.model import Article
from marsad.text import clean

HEAD = "افتتاح جسر جديد فوق النهر"
P1 = ("افتتحت وزارة الأشغال العامة صباح اليوم جسراً جديداً فوق النهر يربط ضفتي المدينة، بعد أعمال "
      "إنشاء استمرت ثلاث سنوات بكلفة بلغت عشرين مليون دولار.")
P2 = ("وقال الوزير في كلمة خلال الافتتاح إن الجسر سيخفف الازدحام على الجسور القديمة، وسيختصر زمن "
      "الرحلة بين الضفتين إلى النصف تقريباً.")
PAGE = (f"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>{HEAD}</title>"
        f"<meta name='author' content='هالة يوسف'>"
        f"<meta property='article:published_time' content='2024-10-01T08:00:00Z'></head>"
        f"<body><nav><a href='/'>الرئيسية</a></nav><article><h1>{HEAD}</h1><p>{P1}</p><p>{P2}</p></article>"
        f"<footer>جميع الحقوق محفوظة</footer></body></html>")


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_text_and_html_files(tmp_path):
    (tmp_path / "a.txt").write_text(f"{HEAD}\n\n{P1}\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "gold.json").write_text("{}", encoding="utf-8")   # not an input form: skipped in folders
    arts = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in arts] == ["a", "b"]
    html = clean(arts[1])
    assert html.html == PAGE and html.title == HEAD and html.author == "هالة يوسف"
    assert html.published == "2024-10-01" and html.text.split("\n") == [HEAD, P1, P2]


def test_jsonl_given_fields_win(tmp_path):
    rows = [{"id": "j1", "text": f"{HEAD}\n{P1}", "outlet": "مثال نيوز", "published": "2024-10-02T10:00:00+03:00",
             "title": "عنوان معطى", "url": "https://example.org/x"},
            {"id": "j2", "html": PAGE}]
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()))
    j1, j2 = (clean(a) for a in read_inputs([str(path)]))
    assert (j1.outlet, j1.published, j1.title) == ("مثال نيوز", "2024-10-02", "عنوان معطى")
    assert j1.provenance["outlet"] == "given" and j1.given["url"] == "https://example.org/x"
    assert j2.html == PAGE and j2.author == "هالة يوسف"


def test_jsonl_with_a_bad_date_is_refused(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": P1, "published": "yesterday"}), encoding="utf-8")
    err = only(read_inputs([str(path)]))
    assert isinstance(err, InputError) and "published" in err.reason


def test_warc(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for uri, body, ctype in (("https://news.example.com/2024/10/01/bridge", PAGE.encode("cp1256", "replace"),
                                  "text/html; charset=windows-1256"),
                                 ("https://news.example.com/logo.png", b"\x89PNG....", "image/png")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    art = clean(only(read_inputs([str(path)])))
    assert art.id.startswith("urn:uuid:")
    assert art.url == "https://news.example.com/2024/10/01/bridge"
    assert art.outlet == "news.example.com" and art.title == HEAD


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار</title>
<item><title>{HEAD}</title><link>https://news.example.com/bridge</link><guid>g-1</guid>
<pubDate>Tue, 01 Oct 2024 08:00:00 +0000</pubDate><author>هالة يوسف</author>
<content:encoded><![CDATA[<p>{P1}</p><p>{P2}</p>]]></content:encoded></item>
<item><title>خبر بلا رابط</title><guid>g-2</guid><description>{P2}</description></item>
</channel></rss>"""


def test_rss_file(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = (clean(a) for a in read_inputs([str(path)]))
    assert first.id == "https://news.example.com/bridge" and first.published == "2024-10-01"
    assert first.text.split("\n") == [HEAD, P1, P2] and first.outlet == "news.example.com"
    assert second.id == "g-2"


def test_atom_file_detected_by_content(tmp_path):
    atom = (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
            f"<entry><title>{HEAD}</title><link href='https://a.example.net/e1'/><id>e1</id>"
            f"<updated>2024-10-03T00:00:00Z</updated><summary>{P1}</summary></entry></feed>")
    path = tmp_path / "feed.xml"
    path.write_text(atom, encoding="utf-8")
    art = only(read_inputs([str(path)]))
    assert art.id == "https://a.example.net/e1" and art.given["published"] == "2024-10-03"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256", "utf-16", "utf-16-le", "utf-16-be"])
def test_charsets(encoding):
    text, used = decode_bytes(f"{HEAD}\n{P1}".encode(encoding))
    assert text.lstrip("\ufeff") == f"{HEAD}\n{P1}"


def test_iso_8859_6():
    plain = "افتتاح جسر جديد فوق النهر بعد ثلاث سنوات من العمل المتواصل في المدينة القديمة"
    text, _ = decode_bytes(plain.encode("iso8859_6"), declared="iso-8859-6")
    assert text == plain


def test_html_meta_charset_is_used_when_utf8_fails():
    page = PAGE.replace("utf-8", "windows-1256").encode("cp1256", "replace")
    text, used = decode_bytes(page)
    assert HEAD in text and used == "cp1256"


def test_undecodable_bytes_are_reported():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(0x80, 0x100)) * 30)


# --- URLs, served from 127.0.0.1 only ---------------------------------------------------------

@pytest.fixture(scope="module")
def server():
    feed = RSS.replace("https://news.example.com/bridge", "{base}/page").replace(
        f"<content:encoded><![CDATA[<p>{P1}</p><p>{P2}</p>]]></content:encoded>", "<description>تشويق</description>")
    served = FeedServer()
    base = served.base

    def route(status, headers, body):
        return {"status": status, "headers": headers, "body": body}

    served.routes.update({
        "/page": route(200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()),
        "/old": route(200, {"Content-Type": "text/html; charset=windows-1256"}, PAGE.encode("cp1256", "replace")),
        "/moved": route(302, {"Location": "/page"}, b""),
        "/loop": route(302, {"Location": "/loop"}, b""),
        "/big": route(200, {"Content-Type": "text/html"}, b"<p>" + b"x" * (3 * 2**20) + b"</p>"),
        "/feed": route(200, {"Content-Type": "application/rss+xml"}, feed.replace("{base}", base).encode()),
        "/empty": route(200, {"Content-Type": "text/html"}, b""),
    })
    yield base
    served.close()


def test_fetch_a_page(server):
    art = clean(only(read_inputs([f"{server}/page"], allow_private=True)))
    assert isinstance(art, Article) and art.title == HEAD and art.url == f"{server}/page"
    assert art.text.split("\n") == [HEAD, P1, P2]


def test_fetch_follows_a_redirect_and_reads_a_legacy_charset(server):
    art = only(read_inputs([f"{server}/moved"], allow_private=True))
    assert art.url == f"{server}/page"
    old = only(read_inputs([f"{server}/old"], allow_private=True))
    assert HEAD in old.raw


def test_fetch_refuses_private_addresses_by_default(server):
    err = only(read_inputs([f"{server}/page"]))
    assert isinstance(err, InputError) and "non-public address" in err.reason
    with pytest.raises(FetchError):
        check_address("http://10.0.0.1/x", allow_private=False)
    with pytest.raises(FetchError):
        check_address("file:///etc/passwd", allow_private=True)


def test_fetch_bounds(server):
    loop = only(read_inputs([f"{server}/loop"], allow_private=True))
    assert isinstance(loop, InputError) and "redirects" in loop.reason
    big = only(read_inputs([f"{server}/big"], allow_private=True, max_file_mb=1))
    assert isinstance(big, InputError) and "larger than" in big.reason
    missing = only(read_inputs([f"{server}/nothing"], allow_private=True))
    assert isinstance(missing, InputError) and "404" in missing.reason
    empty = only(read_inputs([f"{server}/empty"], allow_private=True))
    assert isinstance(empty, InputError) and "empty" in empty.reason


def test_feed_url_fetches_teaser_items(server):
    first, second = read_inputs([f"{server}/feed"], allow_private=True)
    first = clean(first)
    assert first.id == f"{server}/page" and first.html == PAGE
    assert first.text.split("\n") == [HEAD, P1, P2]
    assert first.published == "2024-10-01"
    assert second.id == "g-2"


def test_missing_path_and_unknown_scheme(tmp_path):
    assert "no such file" in only(read_inputs([str(tmp_path / "nope.txt")])).reason
    assert "http" in only(read_inputs(["ftp://example.com/x"])).reason
