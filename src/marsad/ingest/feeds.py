"""RSS and Atom feeds: every item is one article (id: its link, else its guid)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from marsad.ingest.errors import InputError
from marsad.ingest.html import fragment_text
from marsad.ingest.pages import text_article
from marsad.model import Article

# A fetcher turns an item link into an Article (or InputError); used for feeds
# read from the web whose items carry only a teaser.
ItemFetcher = Callable[[str], "Article | InputError"]
_TEASER_CHARS = 600


def looks_like_feed(head: bytes) -> bool:
    sample = head[:2000].lstrip().lower()
    return (sample.startswith(b"<?xml") or sample.startswith(b"<rss") or sample.startswith(b"<feed")) and (
        b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample)


def _day(struct: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", struct) if struct else None


def read_feed(data: bytes | str, source: str, fetch_item: ItemFetcher | None = None,
              skip_item: Callable[[str], bool] | None = None) -> Iterator[Article | InputError]:
    """One article per item (``skip_item(id)`` true: passed over, its page not fetched)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = "feed without any item"
        if parsed.get("bozo") and not parsed.get("feed"):
            reason = f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})"
        yield InputError(source, reason)
        return
    for n, entry in enumerate(parsed.entries, 1):
        item_id = entry.get("link") or entry.get("id")
        where = f"{source} item {n}"
        if not item_id:
            yield InputError(where, "feed item without link or guid")
            continue
        if skip_item is not None and skip_item(item_id):
            continue
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry["content"]), key=len)
        summary = entry.get("summary", "") or ""
        body = fragment_text(content if len(content) >= len(summary) else summary)
        given = {"url": entry.get("link"), "title": entry.get("title"), "author": entry.get("author"),
                 "published": _day(entry.get("published_parsed") or entry.get("updated_parsed"))}
        given = {k: v.strip() for k, v in given.items() if isinstance(v, str) and v.strip()}
        page_error = ""
        if fetch_item is not None and entry.get("link") and len(body) < _TEASER_CHARS:
            art = fetch_item(entry["link"])
            if isinstance(art, Article):
                art.id = item_id
                for key, value in given.items():
                    art.given.setdefault(key, value)
                    if not getattr(art, key, None):
                        setattr(art, key, value)
                        art.provenance[key] = "feed"
                yield art
                continue
            page_error = f" and its page could not be read ({art.reason})"
        if not body.strip():
            yield InputError(where, f"feed item {item_id} without any text{page_error}")
            continue
        if body and given.get("title") and not body.startswith(given["title"]):
            body = given["title"] + "\n" + body
        yield text_article(item_id, body, where, url=given.get("url"), given=given)
