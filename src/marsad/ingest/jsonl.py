"""JSON Lines: one article record a line (see shared/contract/README.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from marsad.ingest.errors import InputError
from marsad.ingest.pages import html_article, text_article
from marsad.model import Article

GIVEN_FIELDS = ("url", "outlet", "published", "title", "author")
_PUBLISHED = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?([T ].*)?$")


def read_jsonl(lines: Iterable[str], source: str, first_line: int = 1) -> Iterator[Article | InputError]:
    """One Article per record; ``first_line`` numbers the lines in messages."""
    for n, line in enumerate(lines, first_line):
        line = line.strip()
        if not line:
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), str) or not rec["id"].strip():
            yield InputError(where, "a record needs a non-empty string 'id'")
            continue
        text, html = rec.get("text"), rec.get("html")
        if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
            yield InputError(where, f"record {rec['id']!r} has neither 'text' nor 'html'")
            continue
        given = {k: rec[k] for k in GIVEN_FIELDS if isinstance(rec.get(k), str) and rec[k].strip()}
        published = given.get("published")
        if published:
            if not _PUBLISHED.match(published):
                yield InputError(where, f"record {rec['id']!r}: 'published' must be YYYY-MM-DD or "
                                        f"ISO 8601, not {published!r}")
                continue
            given["published"] = published[:10]
        if isinstance(text, str) and text.strip():
            art = text_article(rec["id"], text, where, url=given.get("url"), given=given)
            if isinstance(art, Article) and isinstance(html, str):
                art.html = html
            yield art
        else:
            yield html_article(rec["id"], html, where, url=given.get("url"), given=given)
