"""The page the text-stage tests clean: their lines joined into a raw text dump."""

from __future__ import annotations

from marsad.model import Article
from marsad.text import clean


def page(*lines: str, **given) -> Article:
    """Cleans an article whose raw text is these lines; ``given`` sets other fields (url, html …)."""
    return clean(Article(id="t", raw="\n".join(lines), **given))
