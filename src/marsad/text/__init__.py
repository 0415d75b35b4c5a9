"""Text layer: clean text, metadata, normalization, sentences and tokens.

Public stage: ``clean(article)`` fills ``article.text`` (the headline, then one
paragraph a line), ``article.boilerplate`` (every removed line, as it was) and
the metadata the input did not give (title, author, outlet, published), noting
in ``article.provenance`` where each value came from. Metadata the input gave
(``article.given``) always wins.
"""

from __future__ import annotations

from datetime import datetime

from marsad.model import Article
from marsad.text.boilerplate import Classified, classify_lines
from marsad.text.metadata import (
    dateline, date_from_url, feed_footer_outlet, find_full_date, lead_date, leading_date, outlet_from_url,
    plausible_outlet,
    self_hosted_image_domain, self_reference_outlet, source_link_domain, spaced_dashes,
)

__all__ = ["clean", "clean_text"]

LEAD_PARAGRAPHS = 2        # datelines and explicit dates are looked for this early only


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c\u00ad"
                                     "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def field_value(value: str | None) -> str | None:
    """A metadata value without bidi controls or zero-width characters, single-spaced."""
    if not value:
        return None
    return " ".join(value.translate(_INVISIBLE).split()) or None


def _set(article: Article, name: str, value: str | None, how: str) -> None:
    """Fill a metadata field unless the input (or an earlier source) already did."""
    value = field_value(value)
    if name == "outlet":
        # "“القدس العربي”"، "(د ب أ)": the name without the quotation marks or brackets
        value = value.strip(" :：-–—|،«»\"“”″'()") if value else value
        if not plausible_outlet(value):
            return
    elif name == "author" and value:
        value = value.strip(" :：-–—|،") or None      # "سارة عمر –": the credit's dash
    if value and not getattr(article, name):
        setattr(article, name, value)
        article.provenance[name] = how


def _extract_html(article: Article) -> None:
    from marsad.ingest.html import HTMLError, extract_html

    try:
        page = extract_html(article.html or "", url=article.url)
    except HTMLError:
        return
    article.raw = page.text
    for name in ("title", "author", "published"):
        _set(article, name, getattr(page, name), f"html:{page.provenance.get(name, 'page')}")
    if not article.url and page.url:
        article.url = page.url
    if not article.url:
        _set(article, "outlet", page.sitename, "html:sitename")


def clean_text(raw: str, title_hint: str | None = None) -> tuple[list[str], list[str], Classified]:
    """Kept lines (dateline prefixes cut off), removed lines, and the classification."""
    result = classify_lines(raw.splitlines(), title_hint=title_hint)
    kept, removed = [], []
    seen_paragraphs = 0
    for ln in result.lines:
        if not ln.kept:
            removed.append(ln.text)
            # "date 2025-08-31 صنعاء - (د ب أ)": a labelled date at the head of a removed line
            labelled = leading_date(ln.text, min_words=0) if not seen_paragraphs else None
            if labelled:
                result.dates.insert(0, labelled[0])
            continue
        text = ln.shown
        if ln.label == "content" and seen_paragraphs < LEAD_PARAGRAPHS:
            seen_paragraphs += 1
            # "date 2025-08-17 <paragraph>": a labelled date glued to the first paragraph
            labelled = leading_date(text) if seen_paragraphs == 1 else None
            if labelled:
                removed.append(labelled[1].strip())
                text = text[len(labelled[1]):].strip()
                result.dates.insert(0, labelled[0])
            found = dateline(spaced_dashes(text))   # same length: the prefix is cut from ``text``
            if found:
                removed.append(text[:len(found.prefix)].strip())
                # "تونس 17 إبريل 2023 (شينخوا)": a dated dateline dates the story
                dated = find_full_date(found.prefix)
                if dated:
                    result.dates.append(dated[0])
                text = text[len(found.prefix):].strip()
                result.datelines.append(found)
        kept.append(text)
    return kept, removed, result


def _english_date(value: str) -> str | None:
    try:
        return datetime.strptime(value, "%B %d, %Y").strftime("%Y-%m-%d")
    except ValueError:
        return None


def clean(article: Article) -> Article:
    """The clean stage (see the module docstring)."""
    for name, value in article.given.items():
        if name in ("title", "author", "outlet", "published", "url") and value:
            setattr(article, name, value)
            article.provenance[name] = "given"
    if not article.raw.strip() and article.html:
        _extract_html(article)
    kept, removed, result = clean_text(article.raw, title_hint=article.title)
    title = result.title
    if title and article.title is None:
        _set(article, "title", title, "headline")
    elif article.title and not title:
        # an HTML page whose main text left the headline out: the text starts with it
        kept.insert(0, article.title.strip())
    article.text = "\n".join(kept)
    article.boilerplate = removed
    datelines = result.datelines

    for by in result.bylines:
        _set(article, "author", by.author, "byline")
    for found in datelines:
        _set(article, "author", found.author, "dateline")

    _set(article, "outlet", outlet_from_url(article.url), "url")
    # a site's domain or a name with an outlet word alone on a line: the site names itself
    _set(article, "outlet", result.site_line, "site_line")
    _set(article, "outlet", feed_footer_outlet(article.raw), "feed_footer")
    _set(article, "outlet", self_hosted_image_domain(article.raw), "image_url")
    for by in result.bylines:
        _set(article, "outlet", by.outlet, "byline")
    for found in datelines:
        _set(article, "outlet", found.outlet, "dateline")
    _set(article, "outlet", result.breadcrumb_outlet, "breadcrumb")
    _set(article, "outlet", result.masthead, "masthead")
    _set(article, "outlet", source_link_domain(article.raw), "source_link")
    _set(article, "outlet", self_reference_outlet(article.text), "self_reference")

    _set(article, "published", date_from_url(article.url), "url")
    if result.dates:
        _set(article, "published", result.dates[0], "dateline")
        if article.provenance.get("published") == "url" and article.published in result.dates:
            # the page's date line shows the day its address gives: read from the page too
            article.provenance["published"] = "dateline"
    for line in kept[:LEAD_PARAGRAPHS + 1]:
        found_date = lead_date(line)
        if found_date:
            _set(article, "published", found_date[0], "text")
            break
    for value in result.embedded_dates:
        _set(article, "published", _english_date(value), "embedded_post")
    return article
