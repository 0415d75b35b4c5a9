"""WARC files: every ``response`` record with an HTML body is one article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from marsad.ingest.charset import DecodeError, decode_bytes
from marsad.ingest.errors import InputError
from marsad.ingest.pages import html_article
from marsad.model import Article


def _charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{source}#{count}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source} {record_id}"
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in content_type.lower():
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else "200"
            if status and not status.startswith("2"):
                continue
            count += 1
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield InputError(where, f"record larger than {max_bytes // 2**20} MB")
                continue
            try:
                html, _ = decode_bytes(body, declared=_charset_of(content_type))
            except DecodeError as exc:
                yield InputError(where, str(exc))
                continue
            yield html_article(record_id.strip("<>"), html, where, url=uri)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield InputError(source, f"not a readable WARC file ({exc})")
        return
    if count == 0:
        yield InputError(source, "WARC file without any HTML response record")
