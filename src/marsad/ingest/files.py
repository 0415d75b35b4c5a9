"""Files and folders: dispatch on the file name, then on the first bytes."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from marsad.ingest.charset import DecodeError, decode_bytes
from marsad.ingest.errors import InputError
from marsad.ingest.feeds import looks_like_feed, read_feed
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.pages import html_article, text_article
from marsad.ingest.warc import read_warc
from marsad.model import Article

DEFAULT_MAX_FILE_MB = 20
# A folder is read for these only (it may hold gold files, notes, images…);
# a file named explicitly is read whatever its name.
KNOWN_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".jsonl.gz",
                  ".warc", ".warc.gz", ".rss", ".atom", ".xml")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def is_known_file(path: Path) -> bool:
    return path.name.lower().endswith(KNOWN_SUFFIXES) and not path.name.startswith(".")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        head.startswith("<") and ("<body" in head or "<p>" in head or "<div" in head))


def article_id(path: Path) -> str:
    name = path.name
    for suffix in (".gz",):
        name = name.removesuffix(suffix)
    return Path(name).stem


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_FILE_MB * 2**20) -> Iterator[Article | InputError]:
    """Every article in one file (an ``InputError`` for each problem)."""
    source = str(path)
    name = path.name.lower()
    try:
        if name.endswith((".warc", ".warc.gz")):
            with path.open("rb") as stream:
                yield from read_warc(stream, source, max_bytes)
            return
        if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
            yield from _read_jsonl_file(path, source)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(source, f"file larger than {max_bytes // 2**20} MB ({size / 2**20:.0f} MB); "
                                     "one news article is far smaller (raise max_file_mb to read it)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read ({exc.strerror or exc})")
        return
    if not data.strip():
        yield InputError(source, "empty file" if not data else "only whitespace, no text")
        return
    if name.endswith((".rss", ".atom")) or (name.endswith(".xml") and looks_like_feed(data)) or (
            not name.endswith(_HTML_SUFFIXES) and looks_like_feed(data)):
        yield from read_feed(data, source)
        return
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        yield InputError(source, str(exc))
        return
    if name.endswith(_HTML_SUFFIXES) or looks_like_html(text):
        yield html_article(article_id(path), text, source)
    else:
        yield text_article(article_id(path), text, source)


def _read_jsonl_file(path: Path, source: str) -> Iterator[Article | InputError]:
    try:
        if path.name.lower().endswith(".gz"):
            raw = gzip.open(path, "rb")
        else:
            raw = path.open("rb")
    except OSError as exc:
        yield InputError(source, f"cannot read ({exc.strerror or exc})")
        return
    with raw:
        lines = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict")
        n = 0
        try:
            for n, line in enumerate(lines, 1):  # noqa: B007 - n is reported on error
                yield from read_jsonl([line], source, first_line=n)
        except UnicodeDecodeError:
            yield InputError(f"{source}:{n + 1}", "not valid UTF-8 (JSON Lines must be UTF-8)")
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(source, f"cannot read ({exc})")


def walk(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and is_known_file(p) and not any(part.startswith(".") for part in p.parts[-2:-1]))
