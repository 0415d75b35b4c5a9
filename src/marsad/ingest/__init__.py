"""Ingest: turn files, folders, standard input and URLs into ``Article`` objects.

Public function: ``read_inputs(inputs, *, allow_private=False, ...)`` yields an
``Article`` or an ``InputError`` (the input and the reason) for every article
found; bad input never stops the good inputs around it.

Modules: ``charset`` (bytes → text), ``html`` (page → main text + metadata),
``files`` (files and folders), ``jsonl``, ``warc``, ``feeds``, ``fetch`` (HTTP).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from pathlib import Path

from marsad.ingest.charset import DecodeError, decode_bytes
from marsad.ingest.errors import InputError
from marsad.ingest.feeds import looks_like_feed, read_feed
from marsad.ingest.fetch import DEFAULT_TIMEOUT_S, Fetched, FetchError, fetch
from marsad.ingest.files import DEFAULT_MAX_FILE_MB, looks_like_html, read_path, walk
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.pages import html_article, text_article
from marsad.model import Article

__all__ = ["InputError", "read_inputs", "read_url", "read_fetched", "read_path"]


def read_url(url: str, *, allow_private: bool = False, timeout: float = DEFAULT_TIMEOUT_S,
             max_bytes: int = DEFAULT_MAX_FILE_MB * 2**20) -> Iterator[Article | InputError]:
    """A page (one article) or a feed (one article per item) fetched over HTTP(S)."""
    try:
        got = fetch(url, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
    except FetchError as exc:
        yield InputError(url, str(exc))
        return
    yield from read_fetched(got, url, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)


def read_fetched(got: Fetched, url: str, *, allow_private: bool = False, timeout: float = DEFAULT_TIMEOUT_S,
                 max_bytes: int = DEFAULT_MAX_FILE_MB * 2**20,
                 skip_item: Callable[[str], bool] | None = None) -> Iterator[Article | InputError]:
    """The articles of a fetched page or feed; feed items for which ``skip_item(id)``
    is true are passed over before their page is fetched."""
    if not got.body.strip():
        yield InputError(url, "empty response")
        return
    kind = got.content_type.split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml") or (
            "xml" in kind and looks_like_feed(got.body)) or looks_like_feed(got.body):
        def fetch_item(link: str) -> Article | InputError:
            return next(read_url(link, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes))

        yield from read_feed(got.body, url, fetch_item=fetch_item, skip_item=skip_item)
        return
    try:
        text, _ = decode_bytes(got.body, declared=got.charset)
    except DecodeError as exc:
        yield InputError(url, str(exc))
        return
    if "html" in kind or looks_like_html(text):
        yield html_article(got.url, text, url, url=got.url)
    else:
        yield text_article(got.url, text, url, url=got.url)


def _read_stdin() -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    if not data.strip():
        yield InputError("<stdin>", "empty input")
        return
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        yield InputError("<stdin>", str(exc))
        return
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from read_jsonl(text.splitlines(), "<stdin>")
    elif looks_like_html(text):
        yield html_article("stdin", text, "<stdin>")
    else:
        yield text_article("stdin", text, "<stdin>")


def read_inputs(inputs: Iterable[str], *, allow_private: bool = False,
                max_file_mb: int = DEFAULT_MAX_FILE_MB, timeout: float = DEFAULT_TIMEOUT_S
                ) -> Iterator[Article | InputError]:
    """Yield an Article (or an InputError) for every article in ``inputs``:
    file paths, folders (recursively), ``-`` for standard input, http(s) URLs
    of pages or RSS/Atom feeds.

    ``allow_private`` lets URLs reach private, loopback and link-local addresses;
    ``max_file_mb`` bounds a single-article file or fetched page (JSON Lines and
    WARC files are streamed, their records bounded instead); ``timeout`` is per
    HTTP request, in seconds.
    """
    max_bytes = int(max_file_mb * 2**20)
    for kind, item in input_sources(inputs):
        if kind == "stdin":
            yield from _read_stdin()
        elif kind == "url":
            yield from read_url(item, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
        elif kind == "file":
            yield from read_path(item, max_bytes=max_bytes)
        else:
            yield item


def input_sources(inputs: Iterable[str]) -> Iterator[tuple[str, Any]]:
    """What each input names, folders expanded: ("stdin", "-"), ("url", URL),
    ("file", Path) or ("error", InputError). Readers (here and on Spark) decide
    what to do with each."""
    for item in inputs:
        if item == "-":
            yield "stdin", item
            continue
        if item.lower().startswith(("http://", "https://")):
            yield "url", item
            continue
        path = Path(item)
        try:
            if path.is_dir():
                files = walk(path)
                if not files:
                    yield "error", InputError(item, "folder without any .txt, .html, .jsonl, .warc or feed file")
                for p in files:
                    yield "file", p
            elif path.is_file():
                yield "file", path
            elif "://" in item:
                yield "error", InputError(item, "only http and https URLs can be fetched")
            else:
                yield "error", InputError(item, "no such file or folder")
        except OSError as exc:
            yield "error", InputError(item, f"cannot read ({exc.strerror or exc})")
