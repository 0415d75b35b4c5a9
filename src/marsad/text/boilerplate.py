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
from functools import cached_property, lru_cache

from marsad.text.breadcrumbs import breadcrumb
from marsad.text.lexicon import country_names, given_names, lexicon, office_titles, phrase_key, sentence_verbs
from marsad.text.pattern_set import GatedPattern
from marsad.text.metadata import (Byline, Dateline, byline, byline_date, credit_after_headline, credit_line,
                                  date_line, desk_label_outlet, digits_to_ascii, find_full_date, is_time_line,
                                  spaced_dashes, standalone_dateline)
from marsad.text.metadata import _looks_like_person as looks_like_person

_SENTENCE_END = re.compile(r"[.!?؟…:\"”»)\]'’]\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)-]|[•·▪●◦‣*-])\s+")
_EMBEDDED = re.compile(
    r"pic\.twitter\.com/\w+|https?://t\.co/\w+|\(@\w{1,30}\)\s+(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{1,2},\s+\d{4}|^(A post shared by|View this post on Instagram|"
    r"عرض هذا المنشور على)", re.IGNORECASE)
_EMBEDDED_GATED = GatedPattern(_EMBEDDED)    # (most lines hold none of «(@», «pic.twitter.com/», a Latin letter)
_TWEET_DATE = re.compile(r"\(@\w{1,30}\)\s+((?:January|February|March|April|May|June|July|August|September|"
                         r"October|November|December)\s+\d{1,2},\s+\d{4})")
_QUOTE_MARK = re.compile(r"^\s*>\s+")     # a Markdown quotation mark left by the dump ("> صنعاء «الأيام»:")
# what a dump left of a cut HTML tag at the start of a line ("span>", "</p>", "<br/>")
_MARKUP_TAIL = re.compile(r"^(?:</?[A-Za-z][^<>]{0,40}>|[a-z]{1,10}/?>)+\s*")
_DUMP_STAMP = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\s+(?=\S)")
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
    def body(self) -> str:
        """The line stripped, without the date stamp some page dumps open with
        (" date 2025-10-13 Headline") or a Markdown quotation mark ("> "): rules look at what
        the page itself says. A tatweel
        between spaces is read as the dash it stands for ("مسقط ـ العمانية")."""
        text = _QUOTE_MARK.sub("", _DUMP_STAMP.sub("", self.text)).strip()
        if ">" in text:
            text = _MARKUP_TAIL.sub("", text)
        return spaced_dashes(text)

    @cached_property
    def shown(self) -> str:
        """The line as the text keeps it: stripped, less what a dump left of a cut tag at its
        start ("span>HEADLINE" is kept as "HEADLINE")."""
        text = self.text.strip()
        return _MARKUP_TAIL.sub("", text) if ">" in text else text

    @cached_property
    def key(self) -> str:
        """``phrase_key`` of the line, worked out once: several rules compare it."""
        return phrase_key(self.body)

    @cached_property
    def loose(self) -> str:
        """The key without punctuation: copies of a line that differ only by quotation
        marks or dots ("النصرة" / النصرة) are the same line."""
        key = self.key
        bare = _PUNCT.sub("", key)      # (one pass: the same string back when there is nothing to take off)
        return " ".join(bare.split()) if len(bare) != len(key) else key


_PUNCT = re.compile(r"[^\w\s]")


@dataclass
class Classified:
    lines: list[Line]
    dates: list[str] = field(default_factory=list)          # from date lines, in order
    bylines: list[Byline] = field(default_factory=list)
    embedded_dates: list[str] = field(default_factory=list)  # dates of embedded posts
    datelines: list[Dateline] = field(default_factory=list)   # standalone or cut off paragraphs
    masthead: str | None = None                               # a site name above the headline
    breadcrumb_outlet: str | None = None                      # "OUTLET > section" at the top
    site_line: str | None = None                              # "AHDATH.INFO", "رصد-أثير": a top label naming the site

    @property
    def title(self) -> str | None:
        return next((ln.shown for ln in self.lines if ln.label == "title"), None)


def _words(text: str) -> int:
    return len(text.split())


_PARAGRAPH_END = re.compile(r"[.:\"”»)\]'’]\s*$")


@lru_cache(maxsize=256)    # the passes over an article ask again about its lines (an article's worth kept)
def _is_paragraph(text: str) -> bool:
    """Long, or a full sentence; a question or exclamation is as often a headline.
    A line ending with an agency's end-of-story marker ("... عبر التفاوض. انتهى/25") is
    the story's last paragraph."""
    end = _end_marker(text)
    if end and _words(text[:end.start()]) >= 3:
        return True
    return _words(text) >= PARAGRAPH_WORDS or (_words(text) >= 8 and bool(_PARAGRAPH_END.search(text)))


def _end_marker(text: str) -> re.Match | None:
    """An agency's end-of-story marker ending ``text`` ("انتهى/25"), searched for only
    where its word is (a search runs at every character)."""
    return lexicon().end_marker.search(text) if "انته" in text else None


def _open_end(text: str) -> bool:
    """The line ends with a word no heading ends with ("... في", "... أنّ"): it was cut off
    or wrapped in mid-sentence."""
    words = text.split()
    # "عبد الرحيم علي": a name whose last word is spelled like a preposition (علي/على)
    return (bool(words) and not _SENTENCE_END.search(text) and phrase_key(words[-1]) in lexicon().open_end_words
            and not (len(words) <= 4 and looks_like_person(text)))


def _sentence_start(text: str) -> bool:
    """The line opens a sentence: a connective or a word with the conjunction و/ف
    ("وذكرت القيادة"), or a speech verb in the perfect ("أعلنت قيادة"); a label, a site's
    name or a section never does. Short lines that do are pieces of hard-wrapped text."""
    words = phrase_key(text).split()
    if not words:
        return False
    lex = lexicon()
    first = words[0]
    bare = first[1:] if first[:1] in ("و", "ف") else first
    # (only the connectives the lexicon lists: a word merely opening with و/ف may be a
    # label's own, «فيديوهات»)
    return (first in lex.continuation_words or " ".join(words[:2]) in lex.continuation_words
            or first in sentence_verbs() or bare in sentence_verbs())


def _heading_like(text: str, cut_ok: bool = False) -> bool:
    """Short and no sentence end; a line ending in mid-sentence is text, unless ``cut_ok``
    (at the end of the page, a link cut off by the dump is still a link)."""
    return (_words(text) <= 15 and not _SENTENCE_END.search(text.rstrip(" :"))
            and (cut_ok or not _open_end(text)))


def _latin(text: str) -> bool:
    """Mostly Latin letters: in an Arabic article, an embedded post or a foreign widget."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isascii() for c in letters) >= 0.8 * len(letters)


_DATE_SEPARATORS = re.compile(r"[\s,،|•·\-–—/()@_.]+")
_TIME_OR_NUMBER = re.compile(r"^(?:GMT|UTC|KSA)?\d{1,4}(?:st|nd|rd|th)?$|^\d{1,2}:\d{2}(?::\d{2})?$", re.IGNORECASE)
_CLOCK = re.compile(r"^(?:GMT|UTC|KSA)?\d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?$", re.IGNORECASE)
_DATE_WORDS = {"على", "الساعة", "الساعه", "في", "يوم", "GMT", "UTC", "KSA", "am", "pm", "م", "ص", "هـ", "ه"}


_GLUED = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d|ة)(?=[\u0621-\u064a])")   # ("6th" stays)
_LONG_NUMBER = re.compile(r"^\d{5,10}$")      # a year glued to a counter: "202576"
_USER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.]{1,20}")


def _date_furniture(text: str) -> bool:
    """A line made only of a date or time in a form the date-line parser does not read
    ("17-يونيو-2020", "ثلاثاء, 08/24/2021 - 19:01", "تاريخ النشر: 22nd, April 2024 GMT",
    "آخر تحديث GMT08:20:32", "الأربعاء 26 مارس 2025 على الساعة 12:22"): the page's own
    date furniture, never a sentence. Removed; its date, when ``find_full_date`` reads
    one, is a date line's date."""
    core = digits_to_ascii(text.strip())
    if len(core) > 70 or not re.search(r"\d", core):
        return False
    lex = lexicon()
    key = phrase_key(core)
    for prefix in lex.date_prefixes:      # "تاريخ النشر:"، "آخر تحديث"
        if key.startswith(prefix + " ") or key.startswith(prefix + ":"):
            core = re.sub(r"^\S+(?:\s+\S+){%d}\s*[:：]?" % (len(prefix.split()) - 1), "", core)
            break
    # tokens a page glues together: "202576 مشاهدةآخر" (a year and a counter, a counter and a
    # label), "admin4 ديسمبر": a digit after a letter, a letter after a digit, a letter after ة
    core = _GLUED.sub(" ", core)
    words = [t for t in _DATE_SEPARATORS.split(core) if t]
    has_month = has_time = False
    numbers = user = 0
    for w in words:
        k = phrase_key(w)
        bare = k[2:] if k.startswith("ال") else k
        if _CLOCK.match(w):
            has_time = True
        elif _TIME_OR_NUMBER.match(w) or _LONG_NUMBER.match(w):
            numbers += 1
        elif k in lex.months or w in lex.months:
            has_month = True
        elif not k or k in lex.month_words or k.lower() in lex.date_stamp_words or k in lex.time_of_day_words:
            continue    # "تشرين الأوّل"، "162 مشاهدة"، "تم نشره"، "11:23 صباحاً"
        elif _USER_NAME.fullmatch(w) and not user:
            user += 1   # the poster's user name in Latin letters ("admin"), once
        elif k in lex.weekdays or "ال" + bare in lex.weekdays or k in lex.date_prefix_words:
            continue
        elif w in _DATE_WORDS or k in _DATE_WORDS or k in lex.date_line_filler or k in lex.hijri_words:
            continue
        elif k in lex.latin_date_words:     # "Mon Oct 10, 2016 4:10pm GMT"، "6th of August"
            continue
        else:
            return False
    return (has_month and numbers >= 1) or numbers >= 3 or (has_time and (numbers >= 1 or has_month))


def _caption(stripped: str, full_stop_ok: bool = False) -> bool:
    """A short line ending in a credit in brackets: "الرئيس خلال اللقاء (رويترز)"; a media
    tag in brackets ("(فيديو)") is no credit. With ``full_stop_ok`` (above the first
    paragraph only) a short phrase may close with a full stop before the credit."""
    lex = lexicon()
    if _words(stripped) > 16 or not lex.caption_credit.search(stripped):
        return False
    before = lex.caption_credit.sub("", stripped).rstrip()
    if re.search(r"[!?؟]$", before) or before.endswith(".") and not (
            full_stop_ok and _noun_phrase_caption(before[:-1])):
        return False
    credit = stripped[stripped.rfind("(") + 1:].rstrip(") ")
    return len(re.findall(r"\w+", credit)) <= 5 and phrase_key(credit) not in lex.media_tags


CAPTION_PHRASE_MAX_WORDS = 8


def _noun_phrase_caption(text: str) -> bool:
    """What a photo caption says before «. (وكالات)»: a short phrase with no other sentence
    end, opening with no connective or listed verb (`sentence_verbs`) and holding no particle
    that stands before a verb (`verb_particles`: «جانب من السوق الجديدة»، «بيروت»); a
    paragraph's last sentence before the agency's credit («… وأضاف أن الوضع خطير. (رويترز)»،
    «الوضع لا يزال متوترا. (أ ف ب)») is longer, opens like a sentence or holds such a particle.
    A nominal sentence or one opening with an unlisted verb («الحصيلة مرشحة للارتفاع»، «انتهى
    الاجتماع دون اتفاق») passes too: hence asked above the first paragraph only."""
    return (0 < _words(text) <= CAPTION_PHRASE_MAX_WORDS and not re.search(r"[.!?؟:،,]", text)
            and not _continues(text) and not _sentence_start(text)
            and not set(phrase_key(text).split()) & lexicon().verb_particles)


# a separator of a stamp row: a pipe, a bullet, or a slash or dash with a space beside it
# (a slash or dash between digits belongs to a date: "16/08/2025")
_STAMP_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[/\-–—]\s*|\s*[/\-–—]\s+")
STAMP_ROW_MAX_WORDS = 14
STAMP_ROW_MAX_CHARS = 140    # (a paragraph is longer: the cheap test first)


def _stamp_row(stripped: str) -> bool:
    """A row of the page's stamps: a date or time and, beside it, set off by separators, only
    labels of the page: a name of one word, a section, a counter or a widget ("الرصيف- 19 ديسمبر
    2025"، "تحقيقات / الجمعة 01 نوفمبر 2024 12:29:03 / لا توجد تعليقات"، "أخبار محلية |
    12/03/2024 | 3 تعليقات"). A headline with its date ("سعر الذهب اليوم - 5 مايو 2024")
    has a part of two words or more that is none of these."""
    if len(stripped) > STAMP_ROW_MAX_CHARS or not _DIGIT.search(stripped) or _words(stripped) > STAMP_ROW_MAX_WORDS:
        return False
    parts = [p.strip(" :：") for p in _STAMP_SEPARATOR.split(stripped)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return False
    dated = False
    for part in parts:
        if _date_furniture(part) or date_line(part) or is_time_line(part):
            dated = True
        elif not _stamp_label(part):
            return False
    return dated


def _stamp_label(part: str) -> bool:
    """A part of a stamp row beside its date: one word that opens no sentence (a site's or a
    section's name), a section label, a widget, or a counter or label of the date stamp
    («3 تعليقات»، «لا توجد تعليقات»)."""
    if re.search(r"[.!?؟،,«»\"“”()]", part):
        return False
    key = phrase_key(part)
    lex = lexicon()
    if _words(part) == 1:
        return not _sentence_start(part) and not _continues(part) and key not in lex.open_end_words
    return (key in lex.section_labels or key in lex.junk_lines or key.lower() in lex.comment_headers
            or any(w.lower() in lex.date_stamp_words for w in key.split()))


# the end of a word glued to the next one: tanween and alef maqsura end a word («صباحاًبيروت»)
_WORD_END_GLUE = re.compile(r"(?<=[\u064b\u064c\u064dى])(?=[\u0621-\u064a])")
_LEADING_TIME = re.compile(r"^[\s,،|\-–—]*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm]\b)?")
DATED_DATELINE_MAX_WORDS = 14
_DATELINE_MARK = re.compile(r"[-–—:：(«]")    # what every standalone dateline holds


def _date_and_dateline(stripped: str) -> tuple[str, Dateline] | None:
    """The page's date (and time) and then a dateline, on one line ("14 مارس, 2024 09:40
    صباحاًبيروت - الرصيف نيوز:"): (the date, the dateline), what neither alone reads.
    (``metadata._dated_dateline`` is another shape: a place, a date and a credit opening a
    paragraph.)"""
    if (len(stripped) > STAMP_ROW_MAX_CHARS or not _DATELINE_MARK.search(stripped) or not _DIGIT.search(stripped)
            or _words(stripped) > DATED_DATELINE_MAX_WORDS):
        return None
    spaced = _WORD_END_GLUE.sub(" ", stripped)
    found = find_full_date(spaced)
    if not found:
        return None
    value, start, end = found
    lex = lexicon()
    if any(phrase_key(w) not in lex.weekdays for w in re.findall(r"[^\W\d_]+", spaced[:start])):
        return None
    rest = _LEADING_TIME.sub("", digits_to_ascii(spaced[end:])).split()
    while rest and phrase_key(rest[0]) in lex.time_of_day_words | _DATE_WORDS:
        rest = rest[1:]
    line = " ".join(rest)
    placed = standalone_dateline(line) if line else None
    return (value, placed) if placed is not None else None


def _mark_top_stamps(items: list[Line]) -> None:
    """Above the first paragraph, where a page prints its stamps: a stamp row, the page's date
    with a dateline, a caption closing with «. (وكالات)». Inside the text the same shapes are
    a timeline's item («15 مايو 1948 - النكبة») or a paragraph's short last sentence with its
    agency («الحصيلة مرشحة للارتفاع. (وكالات)»). After the line rules: "كتب: فلان - 5 مايو
    2024" is already a byline naming its author."""
    for ln in items:
        if ln.label != "content":
            continue
        if _stamp_row(ln.body):      # (asked first: a stamp row ending with ":" reads as a paragraph)
            ln.label, ln.reason = "metadata", "date furniture"
        elif _date_and_dateline(ln.body):
            ln.label, ln.reason = "metadata", "dated dateline"
        elif _caption(ln.body, full_stop_ok=True):
            ln.label, ln.reason = "boilerplate", "caption"
        elif _is_paragraph(ln.body):
            return


_ISSUE = re.compile(r"^العدد\s*(?:رقم\s*)?[:：]?\s*\d{3,6}(?!\d)")
ISSUE_LINE_MAX_WORDS = 15


def _issue_line(stripped: str) -> bool:
    """A printed paper's issue number with the issue's date ("العدد 4417 بتاريخ 08-05-2019م"،
    "العدد 2961 - الخميس 3 مارس 2016م …"): the page's masthead, never the text."""
    m = _ISSUE.match(stripped)
    return bool(m) and _words(stripped) <= ISSUE_LINE_MAX_WORDS and find_full_date(stripped[m.end():]) is not None


LABEL_AND_PLACE_MAX_WORDS = 5
_SPACED_DASH = re.compile(r"\s[-–—ـ]\s")


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return frozenset(lexicon().places | country_names())


def _label_and_place(stripped: str) -> bool:
    """A name or section, a spaced dash and a known place, alone on a line ("دنا بريس –
    مصر"، "العالم - مصر"): where the site files the story, never a sentence or a headline
    (a headline naming two places, "غزة - رفح", has the place first)."""
    if _words(stripped) > LABEL_AND_PLACE_MAX_WORDS or re.search(r"[\d.!?؟،,:«»\"“”()]", stripped):
        return False
    parts = _SPACED_DASH.split(stripped)
    if len(parts) != 2:
        return False
    places = _place_names()
    head, tail = phrase_key(parts[0]), phrase_key(parts[1])
    return bool(head) and tail in places and head not in places and 1 <= len(head.split()) <= 3


CREDITED_CAPTION_MAX_WORDS = 20


def _credited_caption(stripped: str) -> bool:
    """A line ending with a photo credit after a dash ("حريق في مستودع - أرشيفية"، "… قرب
    الميناء- أرشيفية"، "… ـ غيتي"; `photo_credit_words`): the picture's caption, whatever the
    outlet; the words before the dash end no sentence."""
    m = lexicon().photo_credit_end.search(stripped)
    if not m or _words(stripped) > CREDITED_CAPTION_MAX_WORDS:
        return False
    before = stripped[:m.start()].rstrip()
    return bool(re.search(r"\w", before)) and not re.search(r"[.!?؟]$", before)


_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")


def _name_and_date(stripped: str) -> tuple[str, str] | None:
    """"عدنان أحمد 28 فبراير 2026" (the space often lost: "أحمد28"): the reporter's name
    and the date of the page, alone on a line."""
    if not _DIGIT.search(stripped) or _words(stripped) > 9:
        return None
    spaced = _LETTER_DIGIT.sub(" ", stripped)
    found = find_full_date(spaced)
    if not found:
        return None
    value, start, end = found
    rest = (spaced[:start] + " " + spaced[end:]).strip(" -–—|،,:")
    rest = re.sub(r"\s*\d{1,2}:\d{2}.*$", "", rest).strip()
    if not looks_like_person(rest):
        return None
    return rest, value


_DIGIT = re.compile(r"\d")


def _outlet_and_date(stripped: str) -> tuple[str, str] | None:
    """"كشـ24 نشر في: 3 نوفمبر 2017": a short name, then a date line ("نشر في:" and a date)."""
    if not _DIGIT.search(stripped) or _words(stripped) > 10:
        return None
    key_words = stripped.split()
    for n in range(1, 4):
        head, tail = " ".join(key_words[:n]), " ".join(key_words[n:])
        tail_key = phrase_key(tail)
        if tail_key.startswith(lexicon().date_prefix_heads):
            value = date_line(tail)
            if value and not re.search(r"[.!?؟،,:]", head) and not looks_like_person(head):
                return head, value
            return None
    return None


_REPORTER_FROM = re.compile(r"^من\s+(\S+(?:\s+\S+)?)\s*[:：]\s*(\S+(?:\s+\S+){1,3})$")


def _reporter_from(stripped: str) -> Byline | None:
    """"من الجزائر: عمار قردود": a reporter filing from a known place."""
    m = _REPORTER_FROM.match(stripped)
    if m and phrase_key(m.group(1)) in lexicon().places and looks_like_person(m.group(2)):
        return Byline(author=m.group(2).strip(), outlet=None)
    return None


def _line_rule(text: str, key: str | None = None) -> tuple[str, str] | None:
    """A label decided by the line alone."""
    lex = lexicon()
    stripped = text.strip()
    if _EMBEDDED_GATED.search(stripped):
        return "embedded", "embedded post"
    key = phrase_key(stripped) if key is None else key    # phrase_key ignores the edges' spaces
    if not key or not any(c.isalnum() for c in key):
        return "boilerplate", "punctuation only"     # "]]>", "* * *"
    # "1. تخطي إلى المحتوى", "• فيديو": a menu item is judged without its list marker
    item_key = phrase_key(_LIST_MARKER.sub("", stripped)) if _LIST_MARKER.match(stripped) else key
    if key in lex.list_headers or item_key in lex.list_headers:
        return "boilerplate", "list header"
    if _header_and_teaser(key, stripped):
        return "boilerplate", "list header and teaser"
    if key in lex.junk_lines or item_key in lex.junk_lines:
        return "boilerplate", "widget"
    end = _end_marker(stripped)
    if end and not any(c.isalnum() for c in stripped[:end.start()]):
        return "boilerplate", "end marker"      # "انتهى."، "// انتهى //": an agency's end of story
    if _bracketed_note(stripped):
        return "boilerplate", "bracketed note"
    if date_line(stripped) or is_time_line(stripped):
        return "metadata", "date line"
    if _date_label(key):
        return "metadata", "date label"
    if _widget_row(stripped):
        return "boilerplate", "widget row"
    if lex.junk.any_match(stripped):
        return "boilerplate", "pattern"
    if _date_furniture(stripped) or _issue_line(stripped):
        return "metadata", "date furniture"
    if credit_line(stripped):
        # before bylines: "متابعة: OUTLET" names an outlet, "المحرر السياسي" a desk
        return "metadata", "credit"
    if byline(stripped) or (lex.widget_tail_gated.search(stripped) and byline(lex.widget_tail.sub("", stripped))):
        return "metadata", "byline"
    if _reporter_from(stripped):
        return "metadata", "reporter"
    if _name_and_date(stripped):
        return "metadata", "name and date"
    if _outlet_and_date(stripped):
        return "metadata", "outlet and date"
    if standalone_dateline(stripped):
        return "metadata", "dateline"
    if _caption(stripped) or _credited_caption(stripped) or lex.photographer_credit.search(stripped):
        return "boilerplate", "caption"
    if _SITE_DOMAIN.match(stripped):
        return "boilerplate", "site name"        # "AHDATH.INFO"، "www.example.ma"
    if _NUMBERS_ONLY.fullmatch(stripped) and not stripped.endswith("."):
        return "boilerplate", "numbers only"     # a counter, a page number, "23,222"; "2023." ends a wrapped sentence
    return None


@lru_cache(maxsize=1)
def _teaser_heads() -> tuple[str, ...]:
    """List headers that can stand before another story's title on the same line
    ("أخبار ذات علاقة TITLE", "اقرأ أيضا: TITLE"): those of two words or more that open no
    sentence of a text going on (not «في السياق نفسه»، «من نفس القسم»)."""
    return tuple(h + " " for h in lexicon().list_headers
                 if len(h.split()) >= 2 and h.split()[0] not in ("في", "من") and _ARABIC_LETTER.search(h))


def _header_and_teaser(key: str, stripped: str) -> bool:
    """A list header and one story's title on one line: what follows the header is a
    title (three words or more, up to a headline's length, no full stop at its end)."""
    if not key.startswith(_teaser_heads()):
        return False
    head = next(h for h in _teaser_heads() if key.startswith(h))
    rest = key[len(head):].lstrip(" :：-–—")
    return 3 <= _words(rest) <= HEADLINE_MAX_WORDS and not stripped.rstrip().endswith(".")


NAME_ALONE_MAX_WORDS = 4
_NAME_PUNCT = re.compile(r"[\d.،,:؛;!?؟«»\"“”()\[\]/|]")


def _name_alone(stripped: str) -> bool:
    """A line that is only a person's name (a known given name first, at most four words,
    no punctuation): the author's box, a reporter's signature or a caption, never a
    sentence (it has no verb) nor a headline."""
    if not 2 <= _words(stripped) <= NAME_ALONE_MAX_WORDS or _NAME_PUNCT.search(stripped):
        return False
    words = phrase_key(stripped).split()
    # a word with the article is a family name only after a name link or as a nisba
    # («عبد الله»، «الحسيني»); «صادق المجلس» is a verb and its subject
    for prev, w in zip([""] + words, words):
        if w.startswith("ال") and prev not in _NAME_LINKS and not w.endswith(("ي", "ى")):
            return False
    return looks_like_person(stripped)


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def _arabic_page(items: list[Line]) -> bool:
    """A paragraph of the page is written in Arabic."""
    return any(ln.label == "content" and _is_paragraph(ln.body) and _ARABIC_LETTER.search(ln.body) for ln in items)


def _mark_latin_widgets(items: list[Line]) -> None:
    """In an Arabic page, a short line in Latin letters only ("Ad"، "x"، "print"، "Connect
    with us") is a button, a label or an ad; in an English or French page it is not asked."""
    if not _arabic_page(items):
        return
    first = next((pos for pos, ln in enumerate(items) if ln.label == "content" and _is_paragraph(ln.body)), len(items))
    for pos, ln in enumerate(items):
        if pos < first and _words(ln.body) <= LABEL_MAX_WORDS:
            continue    # a short label above the text is the headline finder's: it may be the site's name
        if ln.label == "content" and _words(ln.body) <= LATIN_WIDGET_MAX_WORDS and _LATIN_WIDGET.fullmatch(ln.body):
            ln.label, ln.reason = "boilerplate", "foreign-script widget"
        elif (ln.label == "content" and _words(ln.body) <= FOREIGN_STAMP_MAX_WORDS and _NUMERIC_STAMP.search(ln.body)
              and re.search(r"[A-Za-z\u00c0-\u024f]{3}", ln.body) and not _ARABIC_LETTER.search(ln.body)):
            ln.label, ln.reason = "metadata", "foreign-script date stamp"


def _mark_names_alone(items: list[Line]) -> None:
    for ln in items:
        if ln.label == "content" and _name_alone(ln.body):
            ln.label, ln.reason = "boilerplate", "name alone"


# A short line in Latin letters only (see ``_mark_latin_widgets``); an English sentence quoted
# in the text is longer or comes with its Arabic.
_LATIN_WIDGET = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .,:!?'’&-]{0,40}")   # "Destek için" too
# a stamp in another script with a numeric date or a clock ("Updated: 01.04.2024 18:56"):
# the page's own furniture in a foreign-language template
_NUMERIC_STAMP = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}")
FOREIGN_STAMP_MAX_WORDS = 15
LATIN_WIDGET_MAX_WORDS = 5
_NUMBERS_ONLY = re.compile(r"[\d٠-٩][\d٠-٩\s.,،:/\-–|+%()]*")

BRACKETED_NOTE_MAX_WORDS = 12


def _bracketed_note(stripped: str) -> bool:
    """A whole line in one pair of brackets: an agency credit ("(الأناضول)") or an editor's
    note ("(لإضافة اقتباس …)"); a paragraph of the text is never written so."""
    return (len(stripped) > 2 and stripped[0] in "([" and stripped[-1] in ")]" and _words(stripped) <= BRACKETED_NOTE_MAX_WORDS
            and stripped.count("(") + stripped.count("[") == 1 and stripped.count(")") + stripped.count("]") == 1)


_SITE_DOMAIN = re.compile(r"^(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]{1,40}(?:\.[A-Za-z]{2,6}){1,2}$")


_ROW_SEPARATORS = re.compile(r"[\s|•·/\\,،]+|\s[-–—]\s")
_FONT_BUTTON = re.compile(r"^(?:[AaＡ][+\-−]?|[+\-−]|[AaＡ]{2})$")


def _widget_row(text: str) -> bool:
    """A row of page tools: every word belongs to a widget phrase or is a font button
    ("حجم الخط: A+ A-"، "طباعة  حفظ  إرسال لصديق"، "تكبير الخط تصغير الخط"), two at least."""
    lex = lexicon()
    # split 17 times at most: a 17th piece left over is a 17th word (the separators are
    # runs of one class, so no piece between two of them is empty): a paragraph stops here
    parts = _ROW_SEPARATORS.split(text.strip().replace(":", " ").replace("：", " "), 17)
    if len(parts) > 17 and parts[17]:
        return False
    words = [w for w in parts if w]
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


def _section_row(text: str) -> bool:
    """A menu without separators: "العالم العربي دولي عالمية", two section labels at least."""
    lex = lexicon()
    words = phrase_key(text).split()
    if not 2 <= len(words) <= 8:
        return False
    i, found = 0, 0
    while i < len(words):
        for n in (3, 2, 1):
            if i + n <= len(words) and " ".join(words[i:i + n]) in lex.section_labels:
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


_LOOSE_DASH = re.compile(r"\s*[_/]\s*|\s+[-–—](?=\S)|(?<=\S)[-–—]\s+")
_TIGHT_DASH = re.compile(r"(?<=\S)[-–—](?=\S)")


def _loose_credit(text: str) -> Byline | Dateline | None:
    """A credit or dateline line whose dash lost a space, or an underscore or slash for
    a dash ("الخرطوم- دارفور24"، "الخرطوم _صوت الهامش"، "فلسطين اليوم- وكالات"،
    "المعلومة/بغداد"). Looked for at the top of the page only, where such lines live."""
    stripped = text.strip().rstrip(".…: ")
    if _words(stripped) > 7 or re.search(r"[.!?؟،,]", stripped):
        return None
    spaced = _LOOSE_DASH.sub(" - ", stripped)
    if spaced == stripped:
        if re.search(r"[:：]", stripped):
            # "المجد نيوز : سميرة عبد السيد": a colon, with an outlet word in the name
            return credit_after_headline(stripped)
        # "رصد-أثير": no space on either side; only a desk or agency word makes it a credit
        tight = _TIGHT_DASH.sub(" - ", stripped)
        if tight == stripped:
            return None
        credit = credit_line(tight) if _words(stripped) <= 3 else None
        if credit:
            return credit
        # "فلسطين المحتلة-بوابة اللاجئين": a known place, then the outlet
        head = tight.split(" - ", 1)[0]
        return standalone_dateline(tight) if phrase_key(head) in lexicon().places else None
    return credit_line(spaced) or credit_after_headline(spaced) or standalone_dateline(spaced)


def classify_lines(lines: list[str], title_hint: str | None = None) -> Classified:
    """Label every line; empty lines are left out of the result."""
    lex = lexicon()
    items = [Line(i, line) for i, line in enumerate(lines) if line.strip()]
    out = Classified(items)
    for ln in items:
        rule = _line_rule(ln.body, ln.key)
        if rule:
            ln.label, ln.reason = rule
    _mark_top_stamps(items)
    _mark_embedded_text(items)
    _mark_latin_widgets(items)
    _mark_staff_box(items, lex)
    out.breadcrumb_outlet = _mark_breadcrumbs(items)
    for ln in items:     # (after the breadcrumbs: at the top, "OUTLET - COUNTRY" names the outlet)
        if ln.label == "content" and _label_and_place(ln.body):
            ln.label, ln.reason = "boilerplate", "label and place"
    _find_title(items, title_hint)
    _mark_title_with_name(items)
    _mark_headline_lists(items)
    _mark_repeats(items, title_hint)
    _mark_numbered_series(items)
    _mark_credit_under_title(items)
    _mark_list_zones(items, lex)
    _mark_comment_zones(items, lex)
    _mark_under_title(items)
    _mark_person_captions(items)
    _mark_names_alone(items)
    _mark_echoes(items)
    _mark_teasers(items)
    _mark_term_cards(items)
    _mark_trailing(items)
    dated_at: list[int] = []      # the line of each date, in the order of ``out.dates``
    for ln in items:
        stripped = ln.body
        before = len(out.dates)
        if ln.reason == "date line":
            value = date_line(stripped)
            if value:
                out.dates.append(value)
        elif ln.reason in ("date furniture", "foreign-script date stamp") or (
                ln.reason == "caption" and lex.photographer_credit.search(stripped)):
            # (a wire photo's caption gives the day it was taken: the story's)
            found = find_full_date(stripped)
            if found:
                out.dates.append(found[0])
        elif ln.reason == "byline":
            dated = byline_date(stripped)       # "كتب: فلان الأحد 29-11-2020 19:45"
            if dated:
                stripped = dated[0]
                out.dates.append(dated[1])
            out.bylines.append(byline(stripped) or byline(lex.widget_tail.sub("", stripped)))
        elif ln.reason == "reporter":
            out.bylines.append(_reporter_from(stripped))
        elif ln.reason == "outlet and date":
            name, value = _outlet_and_date(stripped)
            out.bylines.append(Byline(author=None, outlet=name))
            out.dates.append(value)
        elif ln.reason == "name and date":
            name, value = _name_and_date(stripped)
            out.bylines.append(Byline(author=name, outlet=None))
            out.dates.append(value)
        elif ln.reason == "credit":
            out.bylines.append(credit_after_headline(stripped) or Byline(None, None))
        elif ln.reason == "dateline":
            out.datelines.append(standalone_dateline(stripped))
        elif ln.reason == "dated dateline":
            value, placed = _date_and_dateline(stripped)
            out.dates.append(value)
            out.datelines.append(placed)
        elif ln.reason == "loose credit":
            found = _loose_credit(stripped)
            if isinstance(found, Byline):
                out.bylines.append(found)
            elif isinstance(found, Dateline):
                out.datelines.append(found)
        elif ln.reason == "masthead" and out.masthead is None:
            out.masthead = _masthead_outlet(stripped)
            if _has_outlet_word(stripped):
                out.site_line = out.site_line or out.masthead
        elif ln.reason in ("label", "section label", "label under the headline", "site name",
                           "after the last paragraph"):
            # "AHDATH.INFO"، "عروبة الإخباري" (a name with an outlet word)، "رصد-أثير"
            named = stripped if ln.reason == "site name" or (
                ln.reason != "after the last paragraph" and _has_outlet_word(stripped)) else desk_label_outlet(stripped)
            out.site_line = out.site_line or named
        elif ln.label == "embedded":
            m = _TWEET_DATE.search(stripped)
            if m:
                out.embedded_dates.append(m.group(1))
        dated_at.extend([ln.index] * (len(out.dates) - before))
    _date_nearest_headline(out, dated_at)
    return out


def _date_nearest_headline(out: Classified, dated_at: list[int]) -> None:
    """With date lines both above and below the headline, the one below comes first: above
    the headline a page shows today's date or its last update («الجمعة 22 نوفمبر 2024 …»
    over a story of 2023), under it the story's own date."""
    title = next((ln.index for ln in out.lines if ln.label == "title"), None)
    if title is None or not any(i < title for i in dated_at) or not any(i > title for i in dated_at):
        return
    order = sorted(range(len(dated_at)), key=lambda k: (dated_at[k] < title, abs(dated_at[k] - title)))
    out.dates = [out.dates[k] for k in order]


def _has_outlet_word(text: str) -> bool:
    """A short name holding a word of outlets' names (نيوز، الإخباري، 24 …)."""
    words = phrase_key(text).split()
    return 1 <= len(words) <= 3 and bool(set(words) & lexicon().outlet_words) and not re.search(r"[.!?؟،,:]", text)


def _masthead_outlet(text: str) -> str | None:
    """The outlet a line above the headline names: the name after a desk word ("رصد-أثير")
    or after a place ("تونس-تونس اليوم"); a person's name there is a photo's caption or a
    tag, not the site."""
    desk = desk_label_outlet(text)
    if desk:
        return desk
    placed = standalone_dateline(_TIGHT_DASH.sub(" - ", text))
    if placed is not None and placed.outlet:
        return placed.outlet
    return None if looks_like_person(text) else text


EMBED_TEXT_MAX_LINES = 3   # an embedded post's text above its signature or picture link, at most
_SIGNATURE = re.compile(r"^[—–-]\s*.{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*$")


def _mark_embedded_text(items: list[Line]) -> None:
    """The text of an embedded post, above its signature line ("— Name (@handle) May 2,
    2025") or its "pic.twitter.com" line: the line just above a signature, Latin-script
    lines, and list items that run on into the post's own list items."""
    for pos, ln in enumerate(items):
        if ln.label != "embedded":
            continue
        signature = bool(_SIGNATURE.match(ln.body))
        bullet = bool(_LIST_MARKER.match(ln.body))
        j = pos - 1
        while j >= 0 and items[j].label == "content":
            text = items[j].body
            if pos - j > EMBED_TEXT_MAX_LINES:
                break
            if (j == pos - 1 and signature) or _latin(text) or (bullet and _LIST_MARKER.match(text)):
                items[j].label, items[j].reason = "embedded", "embedded post text"
                j -= 1
                signature = False
            else:
                break


TOP_LINES = 4     # breadcrumbs with a dash ("OUTLET - section") are looked for this early only


def _mark_breadcrumbs(items: list[Line]) -> str | None:
    """Label breadcrumb and menu lines; the outlet named by the first one at the top."""
    outlet = None
    seen_paragraph = False
    for pos, ln in enumerate(items):
        text = ln.body
        if ln.label == "content":
            found = breadcrumb(text, at_top=pos < TOP_LINES and not seen_paragraph)
            if found:
                ln.label, ln.reason = "boilerplate", "breadcrumb"
                if outlet is None and not seen_paragraph and pos < TOP_LINES:
                    outlet = found.outlet
                continue
        seen_paragraph = seen_paragraph or (ln.label == "content" and _is_paragraph(text))
    return outlet


LABEL_MAX_WORDS = 3    # above the text, a line this short is a label (site, section, caption, name), never a headline
TOP_CANDIDATES = 12    # lines looked at for the headline before the first paragraph


def _wrapped(ln: Line, nxt: Line | None) -> bool:
    """Hard-wrapped text: this line or the next one ends in mid-sentence."""
    return _open_end(ln.body) or (nxt is not None and nxt.label == "content" and _open_end(nxt.body))


def _in_list_run(items: list[Line], ln: Line) -> bool:
    """The line and the line before or after it are list items."""
    pos = items.index(ln)
    return any(0 <= j < len(items) and _LIST_MARKER.match(items[j].body) for j in (pos - 1, pos + 1))


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
            if _words(ln.body) <= HEADLINE_MAX_WORDS and len(shorter) >= 0.6 * len(longer) and shorter in longer:
                ln.label, ln.reason = "title", "close to the page title"
                return
        return
    first = items[0] if items else None
    arabic_page = _arabic_page(items)
    for pos, ln in enumerate(open_lines[:TOP_CANDIDATES]):
        text = ln.body
        nxt = open_lines[pos + 1] if pos + 1 < len(open_lines) else None
        if ln.key in lex.section_labels or _words(text) > LABEL_MAX_WORDS and _section_row(text):
            ln.label, ln.reason = "boilerplate", "section label"
            continue
        if _LIST_MARKER.match(text) and not _is_paragraph(text) and _in_list_run(items, ln):
            # "• headline" "1. Home" above the headline, two at least: a menu or a ticker
            # (one "- summary" line before the text is the text's own)
            ln.label, ln.reason = "boilerplate", "menu"
            continue
        if _loose_credit(text):
            ln.label, ln.reason = "metadata", "loose credit"
            continue
        if (_words(text) <= LABEL_MAX_WORDS and _words(text) >= 2 and nxt is not None and nxt.loose == ln.loose
                and ln.key not in lex.section_labels and ln.key not in lex.places and not looks_like_person(text)):
            # (a name given twice is the author's box or a caption and its alt text)
            # "الحرب تتوسع" twice: a short headline and its copy (a site's name is not doubled so)
            ln.label, ln.reason = "title", "short headline repeated"
            return
        if _latin(text) and not _is_paragraph(text) and arabic_page:
            # "Connect with us"، "Hi, what are you looking for?": the site's tools in English
            ln.label, ln.reason = "boilerplate", "foreign-script label"
            continue
        if (_words(text) <= LABEL_MAX_WORDS and _heading_like(text) and not _wrapped(ln, nxt)
                and not _sentence_start(text)):
            # short labels above the headline: the site's name first, then sections,
            # captions and names; a headline is longer
            headline_below = any(_words(o.body) >= 5 and _heading_like(o.body) for o in open_lines[pos + 1:pos + 4])
            if ln is first and headline_below:
                ln.label, ln.reason = "boilerplate", "masthead"
            else:
                ln.label, ln.reason = "boilerplate", "section label" if headline_below else "label"
            continue
        if (_words(text) <= HEADLINE_MAX_WORDS and not text.rstrip().endswith((".", "。"))
                and not (_words(text) <= LABEL_MAX_WORDS and _sentence_start(text))):
            # (a short opening of a wrapped sentence, «أعلنت قيادة», is no headline)
            ln.label, ln.reason = "title", "first line"
        return


TITLE_WITH_NAME_WINDOW = 3    # the headline alone is looked for this close under "HEADLINE Name"


def _mark_title_with_name(items: list[Line]) -> None:
    """"HEADLINE Reporter Name" taken for the headline, with the headline alone just below it:
    a card of the page printing the story's title with its author's name; the line below is
    the headline."""
    pos = next((p for p, ln in enumerate(items) if ln.label == "title"), None)
    if pos is None:
        return
    title = items[pos]
    for ln in items[pos + 1:pos + 1 + TITLE_WITH_NAME_WINDOW]:
        if ln.label != "content" or _words(ln.body) < 3 or not title.loose.startswith(ln.loose + " "):
            continue
        rest = title.loose[len(ln.loose):].strip()
        if looks_like_person(rest):
            title.label, title.reason = "boilerplate", "headline with the author's name"
            ln.label, ln.reason = "title", "under the headline with a name"
        return


HEADLINE_LIST_MIN = 3      # headline-like lines in a row above the text: a list of other stories
_CONTENT_WORD = re.compile(r"[\u0621-\u064a]{4,}")


def _content_words(text: str) -> set[str]:
    """Words of four letters or more, without the article or a conjunction, normalized."""
    out = set()
    for w in _CONTENT_WORD.findall(phrase_key(text)):
        for prefix in ("وال", "بال", "فال", "لل", "ال", "و"):
            if w.startswith(prefix) and len(w) - len(prefix) >= 3:
                w = w[len(prefix):]
                break
        out.add(w)
    return out


def _mark_headline_lists(items: list[Line]) -> None:
    """Three or more headline-like lines in a row above the first paragraph are a list of
    other stories (a ticker, "most read", the site's latest) with maybe the headline among
    them: the headline shares a name or a word with the lead, the others do not. Lines of
    the run that share no word of four letters or more with the first two paragraphs are
    removed; when the headline was one of them, the first line that does share is the
    headline."""
    pos = next((i for i, ln in enumerate(items) if ln.label == "content" and _is_paragraph(ln.body)), None)
    if pos is None:
        return
    run = [ln for ln in items[:pos] if ln.label in ("title", "content")]
    heads = [ln for ln in run if ln.label == "title" or _words(ln.body) >= 4 and _heading_like(ln.body)]
    if len(heads) < HEADLINE_LIST_MIN or len(heads) != len(run):
        return
    lead = set()
    for ln in [o for o in items[pos:] if o.label == "content" and _is_paragraph(o.body)][:2]:
        lead |= _content_words(ln.body)
    # a line going on from the one before («وأضاف أن …»، «كما …») is a short paragraph of the
    # text written without a full stop, never another story's title
    unrelated = [ln for ln in heads if not _content_words(ln.body) & lead and not _continues(ln.body)]
    if len(unrelated) < 2:
        return
    had_title = any(ln.label == "title" for ln in unrelated)
    for ln in unrelated:
        ln.label, ln.reason = "boilerplate", "other headlines"
    if had_title:
        nxt = next((ln for ln in heads if ln.label == "content"), None)
        if nxt is not None:
            nxt.label, nxt.reason = "title", "shares words with the lead"


_NAME_LINKS = frozenset({"عبد", "ابو", "بن", "ابن", "ال", "بنت", "ام"})   # as phrase_key writes them
CAPTION_MAX_WORDS = 8
NAME_PART_MAX = 3


_STATE_PARTICIPLE = re.compile(r"م[\u0621-\u064a]{3,7}ا")   # متحدثا، مستقبلا (tanween dropped by phrase_key)


def _person_caption(text: str) -> bool:
    """A photo caption that only names a person: titles (data/kb/titles.json and the ranks
    of `caption_titles`), nisbas (العراقي، السيسي), given names and name words
    («رئيس الوزراء العراقي محمد شياع السوداني»، «الفريق أول عبدالفتاح برهان»، «ولي العهد
    الأردني السابق»). No punctuation, no digit, no function word, no word with the article
    that is no nisba, and no unknown word opening like a present-tense verb (ي، ت، ن): a
    headline or subheading has a verb or an object («الرئيس التونسي يحذر»)."""
    if _NAME_PUNCT.search(text):
        return False
    words = phrase_key(text).split()
    if not 3 <= len(words) <= CAPTION_MAX_WORDS:
        return False
    lex = lexicon()
    titles = office_titles() | lex.caption_titles
    names = given_names()
    i = n_title = n_other = run = 0
    while i < len(words):
        w = words[i]
        for n in (4, 3, 2, 1):
            phrase = " ".join(words[i:i + n])
            if i + n <= len(words) and (phrase in titles or phrase[:1] == "و" and phrase[1:] in titles):
                i, n_title, run = i + n, n_title + 1, 0
                break
        else:
            if w in lex.caption_title_modifiers:
                i += 1
                continue
            if w.startswith("ال") and w.endswith(("ي", "يه")) and len(w) >= 5:
                i, n_other, run = i + 1, n_other + 1, 0      # a nisba: التونسي، السيسي
                continue
            if w in names:
                i, n_other, run = i + 1, n_other + 1, 0
                continue
            compound = i > 0 and words[i - 1] in _NAME_LINKS       # عبد الكريم، أبو بكر، بن سلمان
            if i == len(words) - 1 and n_title and n_other and _STATE_PARTICIPLE.fullmatch(w):
                break       # "… متحدثاً"، "… مستقبلاً": what the person is doing in the picture
            family = i > 0 and words[i - 1] in names and w.startswith("ال")     # عمر الرزاز: a family name
            if (w.startswith("ال") and not (compound or family) or w in lex.open_end_words or w[:1] in "يتن" and not compound
                    or len(w) < 3 and w not in _NAME_LINKS or run >= NAME_PART_MAX + 1):
                return False
            i, n_other, run = i + 1, n_other + 1, run + 1   # a name word: برهان، ماكرون
    return n_title >= 1 and n_other >= 1


def _mark_person_captions(items: list[Line]) -> None:
    """A line naming a person between two paragraphs is a photo caption (see
    ``_person_caption``); under the headline ``_mark_under_title`` asks the same."""
    for pos in range(1, len(items) - 1):
        ln, before, after = items[pos], items[pos - 1], items[pos + 1]
        if ln.label != "content" or not 3 <= _words(ln.body) <= CAPTION_MAX_WORDS or _NAME_PUNCT.search(ln.body):
            continue
        if (before.kept and after.label == "content" and _is_paragraph(before.body)
                and _is_paragraph(after.body) and _person_caption(ln.body)):
            ln.label, ln.reason = "boilerplate", "caption naming a person"


UNDER_TITLE_END_WORDS = 15   # a line this long under the headline opens the text (a standfirst or a lead)


def _mark_under_title(items: list[Line]) -> None:
    """Between the headline and the first paragraph: a caption, a photo credit, the
    reporter's name or a section (at most three words), or a credit with a loose dash."""
    title = next((pos for pos, ln in enumerate(items) if ln.label == "title"), None)
    if title is None:
        return
    content = [ln for ln in items[title + 1:] if ln.label == "content"]
    for pos, ln in enumerate(content):
        text = ln.body
        if _is_paragraph(text) or _words(text) >= UNDER_TITLE_END_WORDS:
            return
        if _open_end(items[title].body) or any(_open_end(o.body) for o in content[:pos + 1]):
            return   # the top of the text is hard-wrapped: short lines are pieces of a sentence
        nxt = content[pos + 1] if pos + 1 < len(content) else None
        if _loose_credit(text):
            ln.label, ln.reason = "metadata", "loose credit"
        elif (_words(text) <= LABEL_MAX_WORDS and _heading_like(text) and not _wrapped(ln, nxt)
              and not _sentence_start(text)):
            ln.label, ln.reason = "boilerplate", "label under the headline"
        elif _person_caption(text):
            ln.label, ln.reason = "boilerplate", "caption naming a person"


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
        if seen >= CREDIT_LINES_BELOW_TITLE or _is_paragraph(ln.body):
            return
        seen += 1
        if credit_after_headline(ln.body):
            ln.label, ln.reason = "metadata", "credit"


def _mark_repeats(items: list[Line], title_hint: str | None) -> None:
    seen: set[str] = set()
    title = next((ln for ln in items if ln.label == "title"), None)
    if title is not None:
        seen.add(title.loose)
    if title_hint:
        seen.add(" ".join(_PUNCT.sub("", phrase_key(title_hint)).split()))
    for ln in items:
        key = ln.loose
        if ln is title or not key:
            continue
        if key in seen and ln.label == "content":
            ln.label, ln.reason = "boilerplate", "repeated line"
        seen.add(key)
    # a trail printed over the headline, which the headline finder may have missed: the line
    # after it, or the one after that, is the headline
    for pos, ln in enumerate(items):
        if ln.label == "content" and any(_trail_to_title(ln.loose, o.loose)
                                         for o in items[pos + 1:pos + 3] + ([title] if title else [])):
            ln.label, ln.reason = "boilerplate", "breadcrumb to the headline"
        elif ln is title:
            # the trail was taken for the headline: the headline is the line it ends with
            head = next((o for o in items[pos + 1:pos + 3] if o.label == "content"
                         and _trail_to_title(ln.loose, o.loose)), None)
            if head is not None:
                ln.label, ln.reason = "boilerplate", "breadcrumb to the headline"
                head.label, head.reason = "title", "after its breadcrumb"
                title = head


_HOME_WORDS = frozenset(phrase_key(w) for w in ("الرئيسية", "الصفحة", "Home"))


def _trail_to_title(key: str, title: str) -> bool:
    """The headline again, after (or before) words that all name the site's sections, places
    or its home page ("الرئيسية أخبار المغرب HEADLINE"): a breadcrumb trail ending in the
    story's own title, printed as one line."""
    if len(title.split()) < TRAIL_TITLE_MIN_WORDS or len(key) <= len(title):
        return False
    if key.endswith(" " + title):
        rest = key[:-len(title)].split()
    elif key.startswith(title + " "):
        rest = key[len(title):].split()
    else:
        return False
    lex = lexicon()
    words = _section_words()
    return 0 < len(rest) <= TRAIL_MAX_WORDS and all(
        w in words or w in lex.places or w in _HOME_WORDS or (w[2:] if w.startswith("ال") else w) in words
        for w in rest)


TRAIL_MAX_WORDS = 6
TRAIL_TITLE_MIN_WORDS = 3


@lru_cache(maxsize=1)
def _section_words() -> frozenset[str]:
    return frozenset(w for label in lexicon().section_labels for w in label.split())


STAFF_NAME_MAX_WORDS = 4


def _mark_staff_box(items: list[Line], lex) -> None:
    """A staff box: "رئيس التحرير" on one line, the editor's name on the next, or both on
    one line ("رئيس التحرير أحمد متولي")."""
    for ln in items:
        if ln.label == "content" and _staff_line(ln.key, lex):
            ln.label, ln.reason = "boilerplate", "staff box"
    for pos, ln in enumerate(items[:-1]):
        if ln.key not in lex.staff_titles:
            continue
        if ln.label == "content":
            ln.label, ln.reason = "boilerplate", "staff box"
        nxt = items[pos + 1]
        if (nxt.label == "content" and _words(nxt.body) <= STAFF_NAME_MAX_WORDS and not re.search(r"[\d.!?؟،,:]", nxt.body)
                and nxt.key not in lex.staff_titles):
            nxt.label, nxt.reason = "boilerplate", "staff box"


def _staff_line(key: str, lex) -> bool:
    """A staff title, then a name of at most four words, with no digit or punctuation."""
    words = key.split()
    if not words or not any(t.startswith(words[0]) for t in lex.staff_titles):
        return False
    for n in range(min(len(words) - 1, 5), 0, -1):
        if " ".join(words[:n]) in lex.staff_titles:
            rest = words[n:]
            return (1 <= len(rest) <= STAFF_NAME_MAX_WORDS and not re.search(r"[\d.!?؟،,:]", " ".join(rest))
                    and " ".join(rest) not in lex.staff_titles)
    return False


HEADLINE_TWICE_MIN_WORDS = 4
ECHO_WINDOW = 3          # a short line repeated this close below is a caption and its image's alt text
PULL_QUOTE_MIN_WORDS = 6
_SPEAKER = re.compile(r"^[^:：«\"“]{2,30}[:：]\s*")


def _mark_echoes(items: list[Line]) -> None:
    """Copies that are not the text: a short line repeated just below (a caption and its
    alt text: the later copy is already a repeat), the headline again with the site's name
    ("OUTLET - Headline") or broken over two lines (a part of the headline alone may be a
    subheading), and pull quotes ("Name: words
    the text says in full")."""
    title = next((ln for ln in items if ln.label == "title"), None)
    title_key = title.key if title is not None else ""
    title_loose = title.loose if title is not None else ""
    kept = [ln for ln in items if ln.label == "content"]
    keys = [ln.key for ln in kept]
    for pos, ln in enumerate(items):
        if ln.label != "content":
            continue
        text = ln.body
        if not _is_paragraph(text) and any(o.key == ln.key for o in items[pos + 1:pos + 1 + ECHO_WINDOW]):
            if (title is None and _words(text) >= HEADLINE_TWICE_MIN_WORDS and _heading_like(text)
                    and not any(o.kept and _PARAGRAPH_END.search(o.body) for o in items[:pos])):
                # no headline found above the text and this one is given twice: the page's
                # headline and its copy; what stands above it and ends no sentence is furniture
                ln.label, ln.reason = "title", "headline given twice"
                title, title_key, title_loose = ln, ln.key, ln.loose
                for o in items[:pos]:
                    if o.label == "content":
                        o.label, o.reason = "boilerplate", "above the headline"
                continue
            ln.label, ln.reason = "boilerplate", "caption and alt text"
            continue
        if title_key and _heading_like(text) and ln.key != title_key and title_key.startswith(ln.key + " "):
            # the headline again, broken over two lines
            nxt = next((o for o in items[pos + 1:] if o.label == "content"), None)
            if nxt is not None and ln.key + " " + nxt.key == title_key:
                ln.label, ln.reason = "boilerplate", "repeated headline"
                nxt.label, nxt.reason = "boilerplate", "repeated headline"
                continue
        if title_key and _heading_like(text) and _words(text) >= 5 and ln.loose != title_loose:
            if title_loose in ln.loose and _words(ln.loose) - _words(title_loose) <= 4:
                ln.label, ln.reason = "boilerplate", "repeated headline"
                continue
            if ln.loose.startswith(title_loose + " ") and _words(title_loose) >= 4:
                # the whole headline, then the tail a shorter display title left out
                ln.label, ln.reason = "boilerplate", "repeated headline"
                continue
        speaker = _SPEAKER.match(text)
        quote = phrase_key(text[speaker.end():]) if speaker else ""
        if _words(quote) >= PULL_QUOTE_MIN_WORDS and any(
                other is not ln.key and len(other) > len(quote) and quote in other for other in keys):
            ln.label, ln.reason = "boilerplate", "pull quote"


SERIES_MAX_WORDS = 4
_DIGITS = re.compile(r"[\d٠-٩]+")


def _mark_numbered_series(items: list[Line]) -> None:
    """Short lines the same but for a number ("احتجاجات 1"، "احتجاجات 4"، "صورة 2"), two at
    least: a gallery's captions or a numbered widget, never the text's subheadings (these
    say different things)."""
    groups: dict[str, list[Line]] = {}
    for ln in items:
        if ln.label == "content" and _words(ln.body) <= SERIES_MAX_WORDS and _DIGITS.search(ln.key):
            stem = " ".join(_DIGITS.sub(" ", ln.loose).split())
            if stem and any(c.isalpha() for c in stem):
                groups.setdefault(stem, []).append(ln)
    for lines in groups.values():
        if len(lines) >= 2 and len({ln.key for ln in lines}) >= 2:
            for ln in lines:
                ln.label, ln.reason = "boilerplate", "numbered series"


# Under a list header, a line of up to this many words that ends with no full stop, holds no
# comma and opens no sentence going on ("وأشار البيان …") is still another story's title, not
# the text again
ZONE_TITLE_MAX_WORDS = 30


def _mark_list_zones(items: list[Line], lex) -> None:
    """After a list header ("اقرأ أيضا", "مقالات ذات صلة"), short lines are links."""
    in_zone = False
    for ln in items:
        if ln.reason == "list header":
            in_zone = True
            continue
        if not in_zone:
            continue
        text = ln.body
        if ln.label == "content" and (_is_paragraph(text) and not _LIST_MARKER.match(text)
                                      and (_PARAGRAPH_END.search(text) or _words(text) > ZONE_TITLE_MAX_WORDS
                                           or "،" in text or "," in text or _continues(text) or _sentence_start(text))):
            in_zone = False
        elif ln.label == "content":
            ln.label, ln.reason = "boilerplate", "related list"


_COUNTER = re.compile(r"[\d٠-٩()\[\]]+")


def _mark_comment_zones(items: list[Line], lex) -> None:
    """A comment section's header (`comment_headers`, its counter aside: "تعليقات الزوار (0)")
    after the text's paragraphs opens the comment form and the readers' comments: every line
    up to the next list header is the page's, not the article's (a reader's comment reads
    like a paragraph, so the header, not the line, decides)."""
    seen_paragraph = in_zone = False
    for ln in items:
        if ln.reason == "list header":
            in_zone = False
            continue
        if in_zone:
            if ln.label in ("content", "title"):
                ln.label, ln.reason = "boilerplate", "comment section"
            continue
        if ln.label in ("content", "title") and _is_paragraph(ln.body):
            seen_paragraph = True
        elif seen_paragraph and phrase_key(_COUNTER.sub(" ", ln.body)).lower() in lex.comment_headers:
            in_zone = True


_TAG_SET_OFF = re.compile(r"(?:\.{2,}|…|\s[-–—|:]|[(\[])\s*([^.…\-–—|:()\[\]]{2,30}?)\s*[)\]]?\s*$")


def _media_tag_end(text: str) -> bool:
    """The line ends with a media tag set off from it: "... فيديو"، "(بالصور)"، "- فيديو
    وصور" (not a last word that happens to be one: "غارة على صور" names the city)."""
    m = _TAG_SET_OFF.search(text)
    return bool(m) and phrase_key(m.group(1)) in lexicon().media_tags


def _mark_teasers(items: list[Line]) -> None:
    """A heading-like line between paragraphs that ends with a media tag ("...
    فيديو"، "(بالصور)") announces another page: a teaser, not a subheading."""
    for ln in items:
        if ln.label != "content":
            continue
        text = ln.body
        if _heading_like(text) and _words(text) >= 4 and _media_tag_end(text):
            ln.label, ln.reason = "boilerplate", "teaser"


_COPULA = frozenset({"هو", "هي", "هم", "هما"})
_BRACKETED_START = re.compile(r"^\s*\([^()]{1,40}\)")
TERM_CARDS_MIN = 2    # one term and its definition at the end may be an explainer's last section


def _term_card(term: Line, definition: Line) -> bool:
    """A term alone on a line (a name of up to five words) and under it a definition that
    opens with the same term and a pronoun of being: «حزب الله» / «حزب الله هو حزب …»,
    «الوكالة الدولية (IAEA) هي …»."""
    if _words(term.body) > 5 or _SENTENCE_END.search(term.body) or not definition.key.startswith(term.key + " "):
        return False
    rest = _BRACKETED_START.sub("", definition.key[len(term.key):]).split()
    return bool(rest) and rest[0] in _COPULA


def _mark_term_cards(items: list[Line]) -> None:
    """At the end of a page, two or more terms each with a definition under it are the
    template's box of tags explained (an encyclopedia's first sentence for each place or
    body the story names), not the story."""
    pos, pairs = len(items) - 1, []
    while pos >= 1 and items[pos].label == "content" and items[pos - 1].label == "content" \
            and _term_card(items[pos - 1], items[pos]):
        pairs.append(pos)
        pos -= 2
    if len(pairs) >= TERM_CARDS_MIN:
        for p in pairs:
            for ln in (items[p - 1], items[p]):
                ln.label, ln.reason = "boilerplate", "term card"


def _mark_trailing(items: list[Line]) -> None:
    """Heading-like lines after the last paragraph introduce nothing: they are links.
    The page's last line right after a paragraph is that text cut off when it opens
    like a sentence that goes on ("وقال ..."، "كما ..."): it stays. A last paragraph that
    ends with a colon announces what follows ("وطالب البيان بما يلي:"): the list items
    after it are the text's."""
    last = next((p for p in range(len(items) - 1, -1, -1) if items[p].label in ("content", "title")
                 and _is_paragraph(items[p].body) and not _LIST_MARKER.match(items[p].body)), None)
    if last is not None and items[last].body.rstrip().endswith((":", "：")):
        return
    for pos in range(len(items) - 1, -1, -1):
        ln = items[pos]
        if ln.label == "title":
            break
        if ln.label != "content":
            continue
        text = ln.body
        if _is_paragraph(text) and not _LIST_MARKER.match(text):
            break
        # (the last paragraph, over a caption or a label between them)
        before = next((items[j] for j in range(pos - 1, -1, -1) if items[j].label == "content"), None)
        if pos == len(items) - 1 and before is not None and _cut_off(ln, before):
            break
        if pos == len(items) - 1 and _ARABIC_PIECE.fullmatch(ln.key):
            break   # "و": the dump was cut inside the text; a heading before it introduces it
        if _heading_like(text, cut_ok=True) or _LIST_MARKER.match(text):
            ln.label, ln.reason = "boilerplate", "after the last paragraph"
        else:
            break


def _cut_off(ln: Line, before: Line) -> bool:
    """The last line of a page dump cut off in mid-paragraph: right after a paragraph,
    no list item, and it goes on from it (a conjunction or connective first), or it is
    a piece of one Arabic word of at most three letters ("وص": no link or label is that
    short; widget buttons are labelled by the line rules before), or it ends in the space
    before the cut, or it is ten words long or more."""
    text = ln.body
    if before.label != "content" or not _is_paragraph(before.body) or _LIST_MARKER.match(text):
        return False
    if _continues(text) or _open_end(text) or bool(_ARABIC_PIECE.fullmatch(ln.key)) or _cut_in_word(ln.key):
        return True
    # a dump cut inside a line leaves the space before the cut ("وصل الرئيس ماكرون ")
    if ln.text != ln.text.rstrip() and _words(text) >= 2:
        return True
    # ten words or more after the text's last paragraph are that text cut off: a link's
    # title at the end of a page is shorter, and other stories' titles come under a list
    # header (a later paragraph never opens with a dateline: "ليبيا – زار ..." is a teaser)
    return _words(text) >= CUT_OFF_MIN_WORDS and not _TEASER_DATELINE.match(text)


_BARE_CLITICS = frozenset({"ال", "و", "ف", "ب", "ل", "ك", "لل", "بال", "وال"})


def _cut_in_word(key: str) -> bool:
    """The line ends with an article or a one-letter proclitic standing alone ("… أن تستضيف
    ال"): the dump was cut inside a word; no heading or link ends so."""
    words = key.split()
    return len(words) >= 2 and words[-1] in _BARE_CLITICS


CUT_OFF_MIN_WORDS = 10
_TEASER_DATELINE = re.compile(r"^\S+(?:\s+\S+)?\s+[-–—]\s")


_ARABIC_PIECE = re.compile(r"[\u0621-\u064a]{1,3}")   # "وص"; a Latin "Ad" is an ad label


def _continues(text: str) -> bool:
    """Opens like a sentence that goes on from the one before: a connective ("كما"،
    "وفي وقت سابق"، "من جهته"), a word with the conjunction و/ف, or a clause comma."""
    words = phrase_key(text).split()
    if not words:
        return False
    lex = lexicon()
    for first in {words[0], words[0][1:] if words[0][:1] in ("و", "ف") else words[0]}:
        if first in lex.continuation_words or " ".join([first] + words[1:2]) in lex.continuation_words:
            return True
    if len(words[0]) >= 4 and words[0][0] in "وف" and words[0] not in lex.places | lex.waw_fa_words:
        return True
    return len(words) >= 8 and bool(re.search(r"\S\s*[،,]\s*\S", text))
