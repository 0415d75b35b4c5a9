"""What a store keeps for incremental story clustering (``marsad.stories.incremental``).

One entry per article, written by the clustering code and read back by it; a
store only files and looks up these values, it never computes them:

- ``signature``: the MinHash hash values of the article's title and text, as
  bytes (``stories.dedup.signature_bytes``), so that a stored article is never
  tokenized again;
- ``component``: the id of the group of articles linked to each other directly
  or through others; stories never span two components;
- ``blocks``: (block key, day) pairs, one per main-event actor and one for the
  actor pair; ``day`` is the main event's date as a day number
  (``date.toordinal()``) or None when it is not day-precise;
- ``buckets``: the article's text LSH buckets as signed 64-bit integers.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ClusterEntry:
    article_id: str
    component: str
    signature: bytes | None   # None: the article changed since it was clustered
    blocks: list[tuple[str, int | None]] = field(default_factory=list)
    buckets: list[int] = field(default_factory=list)
