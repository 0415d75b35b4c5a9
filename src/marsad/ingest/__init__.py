"""Ingest: turn files, folders, standard input and URLs into ``Article`` objects.

Public function: ``read_inputs(inputs) -> Iterator[Article | InputError]``. Bad input
is yielded as an ``InputError`` naming the input and the reason; it never stops
the good inputs around it.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.model import Article


@dataclass
class InputError:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}


def _decode(data: bytes, source: str) -> str:
    for enc in ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    raise ValueError("not valid UTF-8")


def _read_jsonl(lines: Iterable[str], source: str) -> Iterator[Article | InputError]:
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), str) or not rec["id"]:
            yield InputError(where, "a record needs a non-empty string 'id'")
            continue
        if not (rec.get("text") or rec.get("html")):
            yield InputError(where, f"record {rec['id']!r} has neither 'text' nor 'html'")
            continue
        given = {k: rec[k] for k in ("url", "outlet", "published", "title") if rec.get(k)}
        yield Article(id=rec["id"], raw=rec.get("text") or "", html=rec.get("html"),
                      url=rec.get("url"), outlet=rec.get("outlet"), title=rec.get("title"),
                      published=rec.get("published"), given=given, source_path=where)


def read_path(path: Path) -> Iterator[Article | InputError]:
    name = path.name.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read ({exc.strerror})")
        return
    try:
        if name.endswith(".jsonl.gz"):
            text = _decode(gzip.decompress(data), str(path))
            yield from _read_jsonl(text.splitlines(), str(path))
        elif name.endswith(".jsonl"):
            yield from _read_jsonl(_decode(data, str(path)).splitlines(), str(path))
        elif path.suffix.lower() in HTML_SUFFIXES:
            yield Article(id=path.stem, html=_decode(data, str(path)), source_path=str(path))
        else:
            text = _decode(data, str(path))
            if not text.strip():
                yield InputError(str(path), "empty file")
                return
            yield Article(id=path.stem, raw=text, source_path=str(path))
    except (ValueError, OSError, EOFError) as exc:
        yield InputError(str(path), str(exc))


def read_inputs(inputs: Iterable[str], **_options) -> Iterator[Article | InputError]:
    """Yield an Article (or an InputError) for every article in ``inputs``:
    file paths, folders (recursively), or ``-`` for standard input."""
    for item in inputs:
        if item == "-":
            text = sys.stdin.read()
            stripped = text.lstrip()
            if stripped.startswith("{"):
                yield from _read_jsonl(text.splitlines(), "<stdin>")
            elif stripped:
                yield Article(id="stdin", raw=text, source_path="<stdin>")
            else:
                yield InputError("<stdin>", "empty input")
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            for p in files:
                yield from read_path(p)
        elif path.is_file():
            yield from read_path(path)
        else:
            yield InputError(item, "no such file or folder")
