"""HTML page → main text and metadata (title, author, published date, site name).

trafilatura finds the main text; the metadata comes first from what the page
states explicitly (JSON-LD, Open Graph and article meta tags, ``<time>``), which
news CMSs fill reliably, and from trafilatura's own guesses only after that.
The text still goes through the line classifier of the clean stage, which
removes what trafilatura keeps by mistake (captions, related lists in the body).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

# Containers that are never the article body, whatever trafilatura thinks.
_PRUNE_XPATH = [
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' related')]",
    "//*[contains(@class, 'related-posts') or contains(@class, 'related_posts') "
    "or contains(@class, 'share') or contains(@class, 'social') or contains(@class, 'breadcrumb') "
    "or contains(@class, 'newsletter') or contains(@class, 'comment') or contains(@class, 'tags') "
    "or contains(@class, 'post-tags') or contains(@class, 'most-read') or contains(@class, 'wp-caption-text') "
    "or contains(@class, 'author-box') or contains(@class, 'advert') or contains(@id, 'related') "
    "or contains(@id, 'comments')]",
    "//figcaption", "//aside", "//nav", "//form",
]

PRECISION = True  # trafilatura mode; measured on tests/data/html (docs/text.md)
_SITE_SUFFIX = re.compile(r"\s+[-|–—:«»]\s+[^-|–—]{2,60}$")
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


@dataclass
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    # where each field came from: "jsonld", "meta", "time", "h1", "title", "trafilatura"
    provenance: dict[str, str] = field(default_factory=dict)


class HTMLError(ValueError):
    """The page has no text we can use; the message says why."""


def _parse(html: str) -> etree._Element:
    # lxml refuses str input with an encoding declaration; bytes keep it happy.
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=False, remove_comments=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise HTMLError(f"not parseable as HTML ({exc})") from None
    if root is None:
        raise HTMLError("not parseable as HTML")
    return root


def _clean_value(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = next((v for v in value if v), None)
        return _clean_value(value)
    if isinstance(value, dict):
        return _clean_value(value.get("name"))
    value = re.sub(r"\s+", " ", str(value)).strip()
    return value or None


def _iso_day(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date-time, else from any full date ("2024/03/11 10:00",
    "11 مارس 2024")."""
    if not value:
        return None
    m = _ISO_DATE.search(value)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    from marsad.text.metadata import find_full_date

    found = find_full_date(value)
    return found[0] if found else None


def _jsonld_objects(root) -> list[dict]:
    found: list[dict] = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return found


def _is_article_type(obj: dict) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report")) for k in kinds)


def _meta(root, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            values = root.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            value = _clean_value(values[0]) if values else None
            if value:
                return value
    return None


def _author_ok(value: str | None) -> str | None:
    """An author name, without "كتب:", "بقلم", "By"; None for URLs and long text."""
    from marsad.text.metadata import strip_byline_prefix

    if not value or value.startswith(("http", "@")) or len(value) > 80:
        return None
    return strip_byline_prefix(value) or None


_DOUBLE_BR = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)


def _drop_link_lists(root) -> None:
    """A "read also" header followed by a list of links: both go, before trafilatura
    keeps the header and drops the list (the line classifier would then take the
    next subheading for the list)."""
    from marsad.text.lexicon import lexicon, phrase_key

    headers = lexicon().list_headers
    for node in root.xpath("//p|//h2|//h3|//h4|//h5|//div|//span|//strong|//b"):
        text = _clean_value(node.text_content())
        if not text or len(text) > 40 or phrase_key(text) not in headers:
            continue
        target = node
        while target.getnext() is None and target.getparent() is not None and target.getparent().tag in (
                "strong", "b", "span", "p"):
            target = target.getparent()
        following = target.getnext()
        if following is None or following.tag not in ("ul", "ol", "div"):
            continue
        links = following.xpath(".//a")
        linked = sum(len(a.text_content()) for a in links)
        if links and linked >= 0.8 * len(following.text_content().strip()):
            parent = target.getparent()
            following.drop_tree()
            target.drop_tree()
            if parent is None:
                break


def _unwrap_layout_tables(root) -> None:
    """Old sites lay pages out with tables; their cells are paragraphs, not data."""
    for table in root.xpath("//table"):
        cells = table.xpath(".//td|.//th")
        if any(len(c.text_content()) > 150 or c.xpath("./p|./div|./br") for c in cells):
            for node in [table, *table.xpath(".//tbody|.//thead|.//tr|.//td|.//th")]:
                node.tag = "div"


def page_metadata(root) -> Extracted:
    """Metadata the page states explicitly."""
    out = Extracted(text="")
    articles = [o for o in _jsonld_objects(root) if _is_article_type(o)]
    for obj in articles:
        if not out.title and _clean_value(obj.get("headline")):
            out.title, out.provenance["title"] = _clean_value(obj.get("headline")), "jsonld"
        author = _author_ok(_clean_value(obj.get("author")))
        if not out.author and author:
            out.author, out.provenance["author"] = author, "jsonld"
        day = _iso_day(_clean_value(obj.get("datePublished")))
        if not out.published and day:
            out.published, out.provenance["published"] = day, "jsonld"
        site = _clean_value(obj.get("publisher"))
        if not out.sitename and site:
            out.sitename, out.provenance["sitename"] = site, "jsonld"
    if not out.title:
        value = _meta(root, "og:title", "twitter:title")
        if value:
            out.title, out.provenance["title"] = value, "meta"
    if not out.title:
        h1 = [_clean_value(h.text_content()) for h in root.xpath("//h1")]
        h1 = [h for h in h1 if h]
        if len(h1) == 1:
            out.title, out.provenance["title"] = h1[0], "h1"
    if not out.title:
        titles = root.xpath("//title")
        value = _clean_value(titles[0].text_content()) if titles else None
        if value:
            out.title, out.provenance["title"] = _SITE_SUFFIX.sub("", value) or value, "title"
    if not out.author:
        value = _author_ok(_meta(root, "author", "article:author", "dc.creator", "byl"))
        if not value:
            nodes = root.xpath("//*[@rel='author' or @itemprop='author' or contains(@class,'author-name')"
                               " or contains(@class,'byline__name') or contains(@class,'field--name-uid')"
                               " or contains(@class,'field--name-field-author') or contains(@class,'article-author')"
                               " or contains(@class,'writer') or contains(@class,'post-author')]")
            value = _author_ok(_clean_value(nodes[0].text_content())) if nodes else None
        if value:
            out.author, out.provenance["author"] = value, "meta"
    if not out.published:
        day = _iso_day(_meta(root, "article:published_time", "datePublished", "pubdate",
                             "publish-date", "date", "dc.date", "og:published_time", "sailthru.date"))
        if day:
            out.published, out.provenance["published"] = day, "meta"
    if not out.published:
        for value in root.xpath("//time/@datetime"):
            day = _iso_day(value)
            if day:
                out.published, out.provenance["published"] = day, "time"
                break
    if not out.sitename:
        value = _meta(root, "og:site_name", "application-name")
        if value:
            out.sitename, out.provenance["sitename"] = value, "meta"
    if out.title and out.sitename:
        # og:title and <title> often end with the site's name: "عنوان | الموقع"
        trimmed = re.sub(r"\s*[-|–—:«»]\s*" + re.escape(out.sitename) + r"\s*$", "", out.title)
        out.title = trimmed or out.title
    canonical = root.xpath("//link[@rel='canonical']/@href") or root.xpath("//meta[@property='og:url']/@content")
    if canonical and str(canonical[0]).startswith("http"):
        out.url = str(canonical[0]).strip()
    return out


_SKIP_BLOCKS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_BREAK = re.compile(r"<(?:/?(?:p|div|h[1-6]|li|tr|br|section|article|blockquote)\b)[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


def _flat_text(html_text: str) -> str:
    """Text of a page the parser could not build a tree for (too deeply nested):
    tags stripped, block tags as line breaks."""
    import html as html_lib

    text = _BLOCK_BREAK.sub("\n", _SKIP_BLOCKS.sub(" ", html_text))
    text = html_lib.unescape(_ANY_TAG.sub(" ", text))
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _restore_subheadings(root, lines: list[str]) -> list[str]:
    """Put back subheadings trafilatura dropped: a short h2-h5 whose next element is
    a paragraph of the extracted text goes right before that paragraph."""
    position = {line[:80]: i for i, line in enumerate(lines)}
    present = set(lines)
    inserts: dict[int, str] = {}
    for heading in root.xpath("//h2|//h3|//h4|//h5"):
        title = _clean_value(heading.text_content())
        if not title or title in present or len(title.split()) > 15:
            continue
        following = heading.getnext()
        while following is not None and not _clean_value(following.text_content()):
            following = following.getnext()
        if following is None:
            continue
        nxt = _clean_value(following.text_content()) or ""
        i = position.get(nxt[:80])
        if i is not None and i > 0 and i not in inserts:
            inserts[i] = title
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in inserts:
            out.append(inserts[i])
        out.append(line)
    return out


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text (one paragraph a line) and metadata of a page; ``HTMLError`` if
    the page has no text at all."""
    import trafilatura

    if not html or not html.strip():
        raise HTMLError("empty HTML")
    root = _parse(_DOUBLE_BR.sub("</p><p>", html))
    meta = page_metadata(root)
    _unwrap_layout_tables(root)
    _drop_link_lists(root)
    options = dict(url=url or meta.url, include_comments=False, include_tables=True,
                   with_metadata=True, deduplicate=False, prune_xpath=_PRUNE_XPATH)
    try:
        doc = trafilatura.bare_extraction(copy.deepcopy(root), favor_precision=PRECISION, **options)
        if doc is None or not (doc.text or "").strip():
            doc = trafilatura.bare_extraction(copy.deepcopy(root), favor_recall=True, **options)
    except (ValueError, RecursionError, etree.LxmlError) as exc:
        raise HTMLError(f"HTML could not be processed ({type(exc).__name__})") from None
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        body_text = _clean_value(root.text_content()) if root is not None else None
        if not body_text:
            # The parser stops at a nesting depth of a few hundred; the text may be below.
            text = _flat_text(html)
            if not text:
                raise HTMLError("HTML without any text")
        else:
            raise HTMLError("HTML without a main text (only navigation or scripts)")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    meta.text = "\n".join(_restore_subheadings(root, lines))
    if doc is not None:
        for name, value in (("title", doc.title), ("author", _author_ok(doc.author)),
                            ("published", _iso_day(doc.date)), ("sitename", doc.sitename)):
            if value and not getattr(meta, name):
                setattr(meta, name, value)
                meta.provenance[name] = "trafilatura"
    return meta


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's content), one block a line."""
    if "<" not in html:
        return "\n".join(line.strip() for line in html.splitlines() if line.strip())
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//figcaption"):
        bad.drop_tree()
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag.lower() in _BLOCK_TAGS:
            node.tail = "\n" + (node.tail or "")
            if node.tag.lower() != "br":
                node.text = "\n" + (node.text or "")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
