"""Near-duplicate and syndicated copies: MinHash signatures over word shingles, LSH buckets.

Copies of one text (a wire story republished by several sites) are one source,
not several: stories count them once.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.text.normalize import normalize_key
from marsad.text.tokens import token_texts

NUM_PERM = 64
SHINGLE = 3
DUPLICATE_THRESHOLD = 0.8


# Words repeat across a corpus: normalizing each distinct word once is much cheaper
# than normalizing every occurrence (same keys).
_word_key = lru_cache(maxsize=1 << 18)(normalize_key)


@lru_cache(maxsize=1)
def _empty_signature() -> MinHash:
    # Building the permutations is a third of the cost of a signature; every
    # signature uses the same ones (same seed), so they are built once and copied.
    return MinHash(num_perm=NUM_PERM, seed=7)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = [_word_key(t) for t in token_texts(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    mh = _empty_signature().copy()
    sh = shingles(text)
    if sh:
        mh.update_batch([s.encode("utf-8") for s in sh])
    return mh


def signature_bytes(mh: MinHash) -> bytes:
    """A signature as bytes, to store (``signature_from_bytes`` reads it back)."""
    return np.ascontiguousarray(mh.hashvalues).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    mh = _empty_signature().copy()
    # The LSH keys are the values' bytes: they must come back with datasketch's own dtype.
    mh.hashvalues = np.frombuffer(data, dtype=mh.hashvalues.dtype).copy()
    return mh


@lru_cache(maxsize=4)
def _lsh_params(threshold: float) -> tuple[int, int]:
    # MinHashLSH works out its (bands, rows) for a threshold by numerical integration,
    # about 10 ms each time: once per threshold is enough (the same banding).
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _lsh(threshold: float) -> MinHashLSH:
    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_lsh_params(threshold))


@lru_cache(maxsize=4)
def band_ranges(threshold: float) -> tuple[tuple[int, int], ...]:
    """The (start, end) rows of each LSH band for ``threshold``: the banding that
    ``MinHashLSH`` (and so ``lsh_candidates``) uses."""
    return tuple(_lsh(threshold).hashranges)


def band_keys(mh: MinHash, thresholds: Iterable[float]) -> list[tuple[float, int, bytes]]:
    """(threshold, band, rows) of each LSH band of a signature: two signatures share
    an LSH bucket at a threshold exactly when they share one of these keys."""
    return [(t, band, mh.hashvalues[start:end].tobytes())
            for t in thresholds for band, (start, end) in enumerate(band_ranges(t))]


def similarity(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a.hashvalues == b.hashvalues))


def lsh_candidates(signatures: dict[str, MinHash], threshold: float) -> set[tuple[str, str]]:
    """Pairs of ids whose signatures share an LSH bucket (likely similarity >= threshold)."""
    lsh = _lsh(threshold)
    pairs: set[tuple[str, str]] = set()
    for aid in sorted(signatures):
        sig = signatures[aid]
        for other in lsh.query(sig):
            pairs.add((other, aid) if other < aid else (aid, other))
        lsh.insert(aid, sig)
    return pairs


def duplicate_groups(signatures: dict[str, MinHash], threshold: float = DUPLICATE_THRESHOLD) -> list[list[str]]:
    """Groups (of two or more ids) whose texts are near-copies of each other."""
    parent = {aid: aid for aid in signatures}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(lsh_candidates(signatures, threshold)):
        if similarity(signatures[a], signatures[b]) >= threshold:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for aid in signatures:
        groups.setdefault(find(aid), []).append(aid)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def copy_groups(ids: Iterable[str], duplicates: list[list[str]]) -> dict[str, str]:
    """Map each id to the id that represents its copy group (itself when unique)."""
    rep = {aid: aid for aid in ids}
    for group in duplicates:
        for aid in group:
            if aid in rep:
                rep[aid] = group[0]
    return rep
