"""The cluster index entry of an article: what incremental clustering looks up.

``blocks`` are the blocks of ``cluster.candidate_pairs`` (``cluster.blocks``: one
per main-event actor, person the lead names and actor's country, one for the actor
pair, one for the type and place of a main event without actors), each with the
main event's day, and
``buckets`` the text LSH of clustering and of copy detection, so that the store
can answer "which stored articles could pair with this one" without reading
the archive.
"""

from __future__ import annotations

import hashlib

from marsad.store.cluster_index import ClusterEntry
from marsad.stories.cluster import PLACE, TEXT_LSH_THRESHOLD, blocks, day_number
from marsad.stories.dedup import DUPLICATE_THRESHOLD, band_keys, signature_bytes
from marsad.stories.features import Features

LSH_THRESHOLDS = (TEXT_LSH_THRESHOLD, DUPLICATE_THRESHOLD)
_SEP = "\x1f"


def block_keys(f: Features) -> list[str]:
    """The blocks of ``cluster.candidate_pairs`` that the article is in (``cluster.blocks``)
    as the store keys them: ``actor`` and a key (an actor's, a person's, a country's,
    which share one name space), ``pair`` and two actors, ``place`` and a type and place."""
    singles: set[str] = set()
    keys = []
    for key, _ in blocks(f):
        if len(key) == 1:
            singles.add(key[0])
        elif key[0] == PLACE:
            keys.append(_SEP.join(["place", *key[1:]]))
        else:
            keys.append(_SEP.join(["pair", *key]))
    return [f"actor{_SEP}{key}" for key in sorted(singles)] + keys


def buckets(f: Features) -> list[int]:
    """The article's LSH buckets, each (threshold, band, rows) hashed to a signed 64-bit
    integer (a collision only adds a candidate, which is then scored)."""
    out = []
    for threshold, band, rows in band_keys(f.signature, LSH_THRESHOLDS):
        digest = hashlib.blake2b(f"{threshold}:{band}:".encode() + rows, digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def cluster_entry(f: Features, component: str, *, pending: bool = False) -> ClusterEntry:
    """The entry of an article; ``pending`` leaves the signature out, which marks the
    article as not yet clustered (its blocks and buckets already answer look-ups)."""
    day = day_number(f)
    return ClusterEntry(article_id=f.id, component=component,
                        signature=None if pending else signature_bytes(f.signature),
                        blocks=[(key, day) for key in block_keys(f)], buckets=buckets(f))
