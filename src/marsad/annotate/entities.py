"""Entity linking (first version: replaced by the knowledge-base linker)."""

from marsad.model import Article


def link_entities(article: Article) -> Article:
    return article
