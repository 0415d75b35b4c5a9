"""Build Articles from decoded pages: HTML (main text and metadata extracted) or text."""

from __future__ import annotations

from marsad.ingest.errors import InputError
from marsad.ingest.html import HTMLError, extract_html
from marsad.model import Article


def html_article(article_id: str, html: str, source: str, url: str | None = None,
                 given: dict | None = None) -> Article | InputError:
    """An Article from an HTML page; fields the page states get provenance ``html:<how>``."""
    try:
        page = extract_html(html, url=url)
    except HTMLError as exc:
        return InputError(source, str(exc))
    art = Article(id=article_id, raw=page.text, html=html, url=url or page.url,
                  source_path=source, given=dict(given or {}))
    for name in ("title", "author", "published"):
        value = getattr(page, name)
        if value:
            setattr(art, name, value)
            art.provenance[name] = f"html:{page.provenance.get(name, 'page')}"
    if page.sitename and not art.url:
        art.outlet, art.provenance["outlet"] = page.sitename, "html:sitename"
    apply_given(art)
    return art


def text_article(article_id: str, text: str, source: str, url: str | None = None,
                 given: dict | None = None) -> Article | InputError:
    if not text.strip():
        return InputError(source, "empty file" if not text else "only whitespace, no text")
    art = Article(id=article_id, raw=text, url=url, source_path=source, given=dict(given or {}))
    apply_given(art)
    return art


def apply_given(art: Article) -> None:
    """Metadata the input gave wins over anything extracted or inferred."""
    for name in ("url", "outlet", "published", "title", "author"):
        value = art.given.get(name)
        if value:
            setattr(art, name, value)
            art.provenance[name] = "given"
