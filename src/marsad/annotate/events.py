"""Event coding (first version: replaced by the PLOVER coder)."""

from marsad.model import Article


def code_events(article: Article) -> Article:
    return article
