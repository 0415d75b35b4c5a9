"""Temporal tagger (first version: replaced by the full tagger)."""

from marsad.model import Article


def tag_dates(article: Article) -> Article:
    return article
