"""The page the text-stage tests clean: their lines joined into a raw text dump."""

from __future__ import annotations

from marsad.model import Article
from marsad.text import clean
from marsad.text.boilerplate import classify_lines


def page(*lines: str, **given) -> Article:
    """Cleans an article whose raw text is these lines; ``given`` sets other fields (url, html …)."""
    return clean(Article(id="t", raw="\n".join(lines), **given))


def labels(*lines: str) -> dict[str, tuple[str, str]]:
    """Each line (stripped) with the label and reason the line classifier gives it."""
    return {ln.text.strip(): (ln.label, ln.reason) for ln in classify_lines(list(lines)).lines}
