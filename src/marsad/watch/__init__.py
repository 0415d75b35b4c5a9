"""``marsad watch``: poll feeds and folders on a schedule and ingest what is new.

Each source (an RSS/Atom feed or page URL, a folder, a file) keeps its state in
the database (``Store.watch_state``): the feed's ETag and Last-Modified for
conditional GETs, the ids of items already read, and for folders each file's
path, modification time, size and SHA-256. State is saved only after the
articles it covers are committed, so a watcher stopped at any moment re-reads
at most the source it was working on, and ingest (idempotent) stores nothing
twice.

Modules: ``sources`` (one poll of one source), ``loop`` (rounds, retries with
exponential back-off, stopping).
"""

from marsad.watch.loop import Watcher, WatchOptions
from marsad.watch.sources import Outcome, make_source

__all__ = ["Outcome", "Watcher", "WatchOptions", "make_source"]
