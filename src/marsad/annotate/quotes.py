"""Quotes (first version: replaced by the quote finder)."""

from marsad.model import Article


def find_quotes(article: Article) -> Article:
    return article
