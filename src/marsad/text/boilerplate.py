"""Line classifier for page text: which lines are the article, which are not.

Works on text dumps of whole pages (navigation, related lists and widgets left
in) and on trafilatura's output (captions and in-body "read also" lists left
in). Each line gets a label:

``title``        the headline (kept as the first line of the text)
``content``      a paragraph or a genuine subheading (kept)
``boilerplate``  related lists and their headers, widgets, ads, captions,
                 a repeated headline, section labels (removed)
``metadata``     date and time lines, bylines (removed, become fields)
``embedded``     embedded posts: tweets, Instagram (removed)

Rules come from data/lexicons/boilerplate.json; the structure rules are
generic: a list header opens a zone of short lines that ends at the next real
paragraph; short heading-like lines after the last paragraph are links, not
subheadings, since a subheading always introduces a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from marsad.text.breadcrumbs import breadcrumb
from marsad.text.lexicon import lexicon, phrase_key
from marsad.text.metadata import (Byline, Dateline, byline, credit_after_headline, credit_line, date_line,
                                  is_time_line, standalone_dateline)

_SENTENCE_END = re.compile(r"[.!?؟…:\"”»)\]'’]\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)-]|[•·▪●◦‣*-])\s+")
_EMBEDDED = re.compile(
    r"pic\.twitter\.com/\w+|\(@\w{1,30}\)\s+(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{1,2},\s+\d{4}|^(A post shared by|View this post on Instagram|"
    r"عرض هذا المنشور على)", re.IGNORECASE)
_TWEET_DATE = re.compile(r"\(@\w{1,30}\)\s+((?:January|February|March|April|May|June|July|August|September|"
                         r"October|November|December)\s+\d{1,2},\s+\d{4})")
PARAGRAPH_WORDS = 20     # a line this long is a paragraph, never a link or a label
HEADLINE_MAX_WORDS = 30


@dataclass
class Line:
    index: int               # 0-based line number in the input
    text: str                # the line as it was
    label: str = "content"
    reason: str = ""

    @property
    def kept(self) -> bool:
        return self.label in ("title", "content")

    @cached_property
    def key(self) -> str:
        """``phrase_key`` of the line, worked out once: several rules compare it."""
        return phrase_key(self.text)


@dataclass
class Classified:
    lines: list[Line]
    dates: list[str] = field(default_factory=list)          # from date lines, in order
    bylines: list[Byline] = field(default_factory=list)
    embedded_dates: list[str] = field(default_factory=list)  # dates of embedded posts
    datelines: list[Dateline] = field(default_factory=list)   # standalone or cut off paragraphs
    masthead: str | None = None                               # a site name above the headline
    breadcrumb_outlet: str | None = None                      # "OUTLET > section" at the top

    @property
    def title(self) -> str | None:
        return next((ln.text.strip() for ln in self.lines if ln.label == "title"), None)


def _words(text: str) -> int:
    return len(text.split())


_PARAGRAPH_END = re.compile(r"[.:\"”»)\]'’]\s*$")


def _is_paragraph(text: str) -> bool:
    """Long, or a full sentence; a question or exclamation is as often a headline."""
    return _words(text) >= PARAGRAPH_WORDS or (_words(text) >= 8 and bool(_PARAGRAPH_END.search(text)))


def _heading_like(text: str) -> bool:
    return _words(text) <= 15 and not _SENTENCE_END.search(text.rstrip(" :"))


def _line_rule(text: str, key: str | None = None) -> tuple[str, str] | None:
    """A label decided by the line alone."""
    lex = lexicon()
    stripped = text.strip()
    if _EMBEDDED.search(stripped):
        return "embedded", "embedded post"
    key = phrase_key(stripped) if key is None else key    # phrase_key ignores the edges' spaces
    if not key:
        return "boilerplate", "punctuation only"
    if key in lex.list_headers:
        return "boilerplate", "list header"
    if key in lex.junk_lines:
        return "boilerplate", "widget"
    if date_line(stripped) or is_time_line(stripped):
        return "metadata", "date line"
    if _date_label(key):
        return "metadata", "date label"
    if _widget_row(stripped):
        return "boilerplate", "widget row"
    for pattern in lex.junk_patterns:
        if pattern.search(stripped):
            return "boilerplate", "pattern"
    if credit_line(stripped):
        # before bylines: "متابعة: OUTLET" names an outlet, "المحرر السياسي" a desk
        return "metadata", "credit"
    if byline(stripped):
        return "metadata", "byline"
    if standalone_dateline(stripped):
        return "metadata", "dateline"
    if (_words(stripped) <= 16 and lex.caption_credit.search(stripped)
            and not re.search(r"[.!?؟]\s*$", lex.caption_credit.sub("", stripped))):
        credit = stripped[stripped.rfind("(") + 1:].rstrip(") ")
        if len(re.findall(r"\w+", credit)) <= 5:
            return "boilerplate", "caption"
    return None


_ROW_SEPARATORS = re.compile(r"[\s|•·/\\,،]+|\s[-–—]\s")
_FONT_BUTTON = re.compile(r"^(?:[AaＡ][+\-−]?|[+\-−]|[AaＡ]{2})$")


def _widget_row(text: str) -> bool:
    """A row of page tools: every word belongs to a widget phrase or is a font button
    ("حجم الخط: A+ A-"، "طباعة  حفظ  إرسال لصديق"، "تكبير الخط تصغير الخط"), two at least."""
    lex = lexicon()
    words = [w for w in _ROW_SEPARATORS.split(text.strip().replace(":", " ").replace("：", " ")) if w]
    if len(words) < 2 or len(words) > 16:
        return False
    i, found = 0, 0
    while i < len(words):
        if _FONT_BUTTON.match(words[i]):
            i, found = i + 1, found + 1
            continue
        for n in lex.junk_phrase_lengths:
            if i + n <= len(words) and phrase_key(" ".join(words[i:i + n])) in lex.junk_lines:
                i, found = i + n, found + 1
                break
        else:
            return False
    return found >= 2


def _date_label(key: str) -> bool:
    """"تاريخ النشر:"، "آخر تحديث: منذ 3 ساعات": a date label whose date is missing or
    relative (the page script filled it in, or it is an age)."""
    lex = lexicon()
    for prefix in lex.date_prefixes:
        if key == prefix:
            return True
        if key.startswith(prefix + " ") or key.startswith(prefix + ":"):
            rest = key[len(prefix):].strip(" :：")
            return not rest or is_time_line(rest)
    return False


def classify_lines(lines: list[str], title_hint: str | None = None) -> Classified:
    """Label every line; empty lines are left out of the result."""
    lex = lexicon()
    items = [Line(i, line) for i, line in enumerate(lines) if line.strip()]
    out = Classified(items)
    for ln in items:
        rule = _line_rule(ln.text, ln.key)
        if rule:
            ln.label, ln.reason = rule
    out.breadcrumb_outlet = _mark_breadcrumbs(items)
    _find_title(items, title_hint)
    _mark_repeats(items, title_hint)
    _mark_credit_under_title(items)
    _mark_list_zones(items, lex)
    _mark_trailing(items)
    for ln in items:
        stripped = ln.text.strip()
        if ln.reason == "date line":
            value = date_line(stripped)
            if value:
                out.dates.append(value)
        elif ln.reason == "byline":
            out.bylines.append(byline(stripped))
        elif ln.reason == "credit":
            out.bylines.append(credit_after_headline(stripped) or Byline(None, None))
        elif ln.reason == "dateline":
            out.datelines.append(standalone_dateline(stripped))
        elif ln.reason == "masthead" and out.masthead is None:
            out.masthead = stripped
        elif ln.label == "embedded":
            m = _TWEET_DATE.search(stripped)
            if m:
                out.embedded_dates.append(m.group(1))
    return out


TOP_LINES = 4     # breadcrumbs with a dash ("OUTLET - section") are looked for this early only


def _mark_breadcrumbs(items: list[Line]) -> str | None:
    """Label breadcrumb and menu lines; the outlet named by the first one at the top."""
    outlet = None
    seen_paragraph = False
    for pos, ln in enumerate(items):
        text = ln.text.strip()
        if ln.label == "content":
            found = breadcrumb(text, at_top=pos < TOP_LINES and not seen_paragraph)
            if found:
                ln.label, ln.reason = "boilerplate", "breadcrumb"
                if outlet is None and not seen_paragraph and pos < TOP_LINES:
                    outlet = found.outlet
                continue
        seen_paragraph = seen_paragraph or (ln.label == "content" and _is_paragraph(text))
    return outlet


def _find_title(items: list[Line], title_hint: str | None) -> None:
    lex = lexicon()
    hint = phrase_key(title_hint) if title_hint else None
    open_lines = [ln for ln in items if ln.label == "content"]
    if hint:
        for ln in open_lines[:5]:
            key = ln.key
            if key == hint:
                ln.label, ln.reason = "title", "matches the page title"
                return
        for ln in open_lines[:5]:
            # the page's title and its headline may differ by a site name or a kicker
            key = ln.key
            shorter, longer = sorted((key, hint), key=len)
            if _words(ln.text) <= HEADLINE_MAX_WORDS and len(shorter) >= 0.6 * len(longer) and shorter in longer:
                ln.label, ln.reason = "title", "close to the page title"
                return
        return
    for pos, ln in enumerate(open_lines[:4]):
        text = ln.text.strip()
        if phrase_key(text) in lex.section_labels:
            ln.label, ln.reason = "boilerplate", "section label"
            continue
        headline_below = any(_words(nxt.text) >= 5 and _heading_like(nxt.text.strip())
                             for nxt in open_lines[pos + 1:pos + 4])
        if _words(text) <= 3 and _heading_like(text) and headline_below:
            # short labels above the headline: the site's name first, then sections
            ln.label, ln.reason = "boilerplate", "masthead" if pos == 0 else "section label"
            continue
        if _words(text) <= HEADLINE_MAX_WORDS and not text.rstrip().endswith((".", "。")):
            ln.label, ln.reason = "title", "first line"
        return


CREDIT_LINES_BELOW_TITLE = 2   # "OUTLET - Reporter" is looked for this close under the headline


def _mark_credit_under_title(items: list[Line]) -> None:
    """"الرباط نيوز - عبد الإله بنعلي" right under the headline credits the text."""
    title = next((pos for pos, ln in enumerate(items) if ln.label == "title"), None)
    if title is None:
        return
    seen = 0
    for ln in items[title + 1:]:
        if ln.label != "content":
            continue
        if seen >= CREDIT_LINES_BELOW_TITLE or _is_paragraph(ln.text.strip()):
            return
        seen += 1
        if credit_after_headline(ln.text):
            ln.label, ln.reason = "metadata", "credit"


def _mark_repeats(items: list[Line], title_hint: str | None) -> None:
    seen: set[str] = set()
    title = next((ln for ln in items if ln.label == "title"), None)
    if title is not None:
        seen.add(title.key)
    if title_hint:
        seen.add(phrase_key(title_hint))
    for ln in items:
        key = ln.key
        if ln is title or not key:
            continue
        if key in seen and ln.label == "content":
            ln.label, ln.reason = "boilerplate", "repeated line"
        seen.add(key)


def _mark_list_zones(items: list[Line], lex) -> None:
    """After a list header ("اقرأ أيضا", "مقالات ذات صلة"), short lines are links."""
    in_zone = False
    for ln in items:
        if ln.reason == "list header":
            in_zone = True
            continue
        if not in_zone:
            continue
        text = ln.text.strip()
        if ln.label == "content" and (_is_paragraph(text) and not _LIST_MARKER.match(text)):
            in_zone = False
        elif ln.label == "content":
            ln.label, ln.reason = "boilerplate", "related list"


def _mark_trailing(items: list[Line]) -> None:
    """Heading-like lines after the last paragraph introduce nothing: they are links."""
    for ln in reversed(items):
        if ln.label == "title":
            break
        if ln.label != "content":
            continue
        text = ln.text.strip()
        if _is_paragraph(text) and not _LIST_MARKER.match(text):
            break
        if _heading_like(text) or _LIST_MARKER.match(text):
            ln.label, ln.reason = "boilerplate", "after the last paragraph"
        else:
            break
