"""One poll of one watched source: a feed (or page) URL, a folder or a file.

``poll(state, ingest)`` reads what is new since ``state``, hands it to ``ingest``
and returns what happened (an ``Outcome``) and the state to save once that is
committed. A failure worth retrying (the feed cannot be fetched or read, the
folder is gone) raises ``SourceError``; bad items are the ingest's to report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.ingest import read_fetched
from marsad.ingest.errors import InputError
from marsad.ingest.fetch import FetchError, fetch
from marsad.ingest.files import read_path, walk
from marsad.model import Article
from marsad.workflow import IngestReport

Ingest = Callable[[Iterable["Article | InputError"]], IngestReport]
# Feeds hold their latest items; remembering this many ids per feed is plenty.
MAX_SEEN_IDS = 5000


class SourceError(Exception):
    """The source could not be read this time (the message says why); worth retrying."""


@dataclass
class Outcome:
    source: str
    kind: str                       # "feed" or "folder"
    status: str = "unchanged"       # "new", "unchanged" or "error"
    added: int = 0
    updated: int = 0
    unchanged: int = 0              # read again, same content as stored
    skipped: int = 0                # items already seen / files unchanged since the last round
    rejected: list[str] = field(default_factory=list)
    detail: str = ""                # e.g. "304 Not Modified", "after 2 retries"
    error: str | None = None

    def line(self) -> str:
        """The one log line of this source for this round."""
        head = f"{self.kind} {self.source}: {self.status}"
        if self.status == "error":
            return f"{head}: {self.error}" + (f"; {self.detail}" if self.detail else "")
        if not (self.added or self.updated or self.unchanged or self.skipped or self.rejected):
            return head + (f" ({self.detail})" if self.detail else "")
        unit = "item(s)" if self.kind == "feed" else "file(s)"
        parts = [f"{self.added} added, {self.updated} updated"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        parts.append(f"{self.skipped} {unit} already seen")
        if self.rejected:
            parts.append(f"{len(self.rejected)} rejected ({'; '.join(self.rejected[:3])}"
                         + (" …" if len(self.rejected) > 3 else "") + ")")
        return f"{head}: " + ", ".join(parts) + (f" ({self.detail})" if self.detail else "")


def _outcome(source: str, kind: str, report: IngestReport, skipped: int) -> Outcome:
    return Outcome(source, kind, "new" if report.added or report.updated else "unchanged",
                   added=report.added, updated=report.updated, unchanged=report.unchanged,
                   skipped=skipped, rejected=list(report.errors))


@dataclass
class FeedSource:
    """An RSS/Atom feed (or a page) over HTTP(S), fetched with a conditional GET."""

    url: str
    allow_private: bool = False
    timeout: float = 15.0
    max_bytes: int = 20 * 2**20

    kind = "feed"

    @property
    def key(self) -> str:
        return self.url

    @property
    def label(self) -> str:
        return self.url

    def poll(self, state: dict, ingest: Ingest) -> tuple[Outcome, dict]:
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("last_modified"):
            headers["If-Modified-Since"] = state["last_modified"]
        try:
            got = fetch(self.url, allow_private=self.allow_private, timeout=self.timeout,
                        max_bytes=self.max_bytes, headers=headers)
        except FetchError as exc:
            raise SourceError(str(exc)) from None
        if got.status == 304:
            return Outcome(self.url, self.kind, detail="304 Not Modified"), state
        seen = set(state.get("seen", []))
        skipped = 0

        def already_seen(item_id: str) -> bool:
            nonlocal skipped
            if item_id in seen:
                skipped += 1
                return True
            return False

        items = list(read_fetched(got, self.url, allow_private=self.allow_private, timeout=self.timeout,
                                  max_bytes=self.max_bytes, skip_item=already_seen))
        unreadable = [i for i in items if isinstance(i, InputError) and i.source == self.url]
        if unreadable and not skipped and not any(isinstance(i, Article) for i in items):
            raise SourceError(unreadable[0].reason)
        new_ids = [i.id for i in items if isinstance(i, Article)]
        report = ingest(items)
        fresh = set(new_ids)
        remembered = [i for i in state.get("seen", []) if i not in fresh] + new_ids
        new_state = {**state, "etag": got.etag, "last_modified": got.last_modified,
                     "seen": remembered[-MAX_SEEN_IDS:]}
        return _outcome(self.url, self.kind, report, skipped), new_state


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class FolderSource:
    """A folder (read recursively, as ``marsad ingest`` reads it) or one file.

    A file is read again when its modification time or size changed and its
    SHA-256 too; a file that is only touched is not re-read."""

    path: Path
    max_bytes: int = 20 * 2**20

    kind = "folder"

    @property
    def key(self) -> str:
        return str(self.path.resolve())

    @property
    def label(self) -> str:
        return str(self.path)

    def poll(self, state: dict, ingest: Ingest) -> tuple[Outcome, dict]:
        try:
            if self.path.is_dir():
                files = walk(self.path)
            elif self.path.is_file():
                files = [self.path]
            else:
                raise SourceError("no such file or folder")
            known: dict[str, dict] = state.get("files", {})
            now_known: dict[str, dict] = {}
            changed: list[Path] = []
            for path in files:
                stat = path.stat()
                key = str(path.resolve())
                before = known.get(key)
                mark = {"mtime_ns": stat.st_mtime_ns, "size": stat.st_size}
                if before and all(before.get(k) == v for k, v in mark.items()):
                    now_known[key] = before
                    continue
                mark["sha256"] = file_digest(path)
                now_known[key] = mark
                if not before or before.get("sha256") != mark["sha256"]:
                    changed.append(path)
        except OSError as exc:
            raise SourceError(f"cannot read ({exc.strerror or exc})") from None
        report = ingest(item for path in changed for item in read_path(path, max_bytes=self.max_bytes))
        outcome = _outcome(self.label, self.kind, report, len(files) - len(changed))
        return outcome, {**state, "files": now_known}


def make_source(spec: str, *, allow_private: bool = False, timeout: float = 15.0,
                max_bytes: int = 20 * 2**20) -> FeedSource | FolderSource:
    """The source a command-line argument names: an http(s) URL, else a folder or file."""
    if spec.lower().startswith(("http://", "https://")):
        return FeedSource(spec, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
    if "://" in spec:
        raise ValueError(f"{spec}: only http and https URLs, folders and files can be watched")
    return FolderSource(Path(spec), max_bytes=max_bytes)
