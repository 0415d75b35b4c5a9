"""The cluster index entry of an article: what incremental clustering looks up.

``blocks`` mirror the blocking of ``cluster.candidate_pairs`` (one block per
main-event actor, person the lead names and actor's country, one for the actor pair, one for the type and place of a main
event without actors, with the main event's day), and
``buckets`` the text LSH of clustering and of copy detection, so that the store
can answer "which stored articles could pair with this one" without reading
the archive.
"""

from __future__ import annotations

import hashlib

from marsad.store.cluster_index import ClusterEntry
from marsad.stories.cluster import TEXT_LSH_THRESHOLD, place_block
from marsad.stories.dedup import DUPLICATE_THRESHOLD, band_keys, signature_bytes
from marsad.stories.features import Features

LSH_THRESHOLDS = (TEXT_LSH_THRESHOLD, DUPLICATE_THRESHOLD)
_SEP = "\x1f"


def day_number(f: Features) -> int | None:
    return f.day.toordinal() if f.day else None


def block_keys(f: Features) -> list[str]:
    """The blocks of ``cluster.candidate_pairs`` that the article is in."""
    keys = [f"actor{_SEP}{key}" for key in sorted(f.actors | f.countries | f.lead | f.lead_countries)]
    if len(f.actors) >= 2:
        keys.append(_SEP.join(["pair", *sorted(f.actors)]))
    place = place_block(f)
    if place:
        keys.append(_SEP.join(["place", *place[1:]]))
    return keys


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
