"""Builds the bad-input corpus in a folder at test time (nothing large is committed).

``build(folder)`` writes the files and returns {file name: expected} where
expected is "good" (must become an Article) or "bad" (must become an
InputError with a reason). Run as a script to write the corpus somewhere:
``python tests/bad_inputs.py /tmp/bad``.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

PARAGRAPH = ("أعلنت البلدية اليوم افتتاح حديقة عامة جديدة في وسط المدينة، تضم ملاعب للأطفال "
             "ومسارات للمشي وأماكن للجلوس، بعد أعمال استمرت أكثر من عام.")
HEADLINE = "افتتاح حديقة عامة جديدة في وسط المدينة"
ARTICLE = f"{HEADLINE}\n\n{PARAGRAPH}\n\nوقال رئيس البلدية إن الحديقة ستفتح يومياً من السادسة صباحاً حتى العاشرة مساءً.\n"
PAGE = (f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{HEADLINE}</title></head>"
        f"<body><article><h1>{HEADLINE}</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>")


def build(folder: Path, big_mb: int = 50) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, kind: str) -> None:
        (folder / name).write_bytes(data)
        expected[name] = kind

    # bad: nothing to read
    put("empty.txt", b"", "bad")
    put("whitespace.txt", b" \n\t\n   \n", "bad")
    put("empty.html", b"", "bad")
    put("binary.txt", bytes(range(256)) * 40, "bad")
    put("png_renamed.html", b"\x89PNG\r\n\x1a\n" + bytes(2000), "bad")
    put("gzip_renamed.txt", gzip.compress(ARTICLE.encode()), "bad")
    # bad: charsets
    put("truncated_utf8.txt", ARTICLE.encode("utf-8")[:-3], "bad")  # cut inside the last letter
    put("latin1_noise.txt", bytes(range(0x80, 0x100)) * 30, "bad")
    put("broken_utf8_sequences.txt", bytes([0xC3, 0x28, 0xA0, 0xA1]) * 200, "bad")
    # bad: HTML without text
    put("html_no_body.html", b"<html><head><title>x</title><script>var a=1;</script></head></html>", "bad")
    put("html_only_nav.html", "<html><body><nav><a href='/'>الرئيسية</a></nav><script>x()</script></body></html>"
        .encode(), "bad")
    put("deeply_nested.html", (b"<div>" * 5000 + b"</div>" * 5000), "bad")
    put("deeply_nested_with_text.html", (b"<html><body>" + b"<div>" * 3000 + f"<p>{PARAGRAPH}</p>".encode()
                                         + b"</div>" * 3000 + b"</body></html>"), "good")
    put("big.txt", b"", "bad")  # filled below: over the single-file size limit
    with (folder / "big.txt").open("wb") as f:
        block = (PARAGRAPH + "\n").encode("utf-8") * 4000
        for _ in range(big_mb * 2**20 // len(block) + 1):
            f.write(block)
    # bad: broken records
    put("bad_records.jsonl", b'{"id": "ok1", "text": "' + PARAGRAPH.encode() + b'"}\n{not json}\n{"text": "no id"}\n'
        b'{"id": "x", "title": "no text"}\n', "mixed")
    put("not_a_warc.warc", b"WARC/1.0\r\nthis is not a record\r\n", "bad")
    put("empty_feed.xml", b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>", "bad")
    put("wrong_utf16_bom.txt", b"\xff\xfe" + b"\x00\xd8", "bad")

    # good: charsets and encodings
    put("utf8.txt", ARTICLE.encode("utf-8"), "good")
    put("utf8_bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "good")
    put("cp1256.txt", ARTICLE.encode("cp1256"), "good")
    put("iso8859_6.txt", ARTICLE.replace("،", ",").encode("iso8859_6", errors="strict")
        if _encodable(ARTICLE.replace("،", ","), "iso8859_6") else ARTICLE.encode("cp1256"), "good")
    put("utf16_bom.txt", ARTICLE.encode("utf-16"), "good")
    put("utf16le_nobom.txt", ARTICLE.encode("utf-16-le"), "good")
    put("wrong_declared.html", PAGE.replace("utf-8", "windows-1256").encode("utf-8"), "good")
    put("declared_utf8_is_cp1256.html", PAGE.encode("cp1256"), "good")
    put("declared_cp1256.html", PAGE.replace("utf-8", "windows-1256").encode("cp1256"), "good")
    # good: odd but readable text
    put("mixed_rtl_ltr.txt", (f"{HEADLINE}\n\n{PARAGRAPH} The mayor said the park (Central Park 2.0) cost "
                              "$3.5 million وفق البيان.\n").encode("utf-8"), "good")
    put("zero_width.txt", ARTICLE.replace("الحديقة", "الحد\u200cيقة").replace("حديقة", "حد\u200bيقة\u200f")
        .encode("utf-8"), "good")
    put("bidi_controls.txt", ("\u202b" + ARTICLE + "\u202c").encode("utf-8"), "good")
    put("crlf.txt", ARTICLE.replace("\n", "\r\n").encode("utf-8"), "good")
    put("no_newline_at_end.html", PAGE.encode("utf-8"), "good")
    put("html_no_head.html", f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>".encode("utf-8"), "good")
    put("good.jsonl.gz", gzip.compress(json.dumps({"id": "gz1", "text": ARTICLE}, ensure_ascii=False).encode()),
        "good")
    return expected


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


if __name__ == "__main__":
    for name, kind in build(Path(sys.argv[1])).items():
        print(kind, name)
