"""Metadata found in lines of text: dates, bylines, datelines; and in URLs.

Every parser returns ``None`` when it is not sure: a wrong author or date is
worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from marsad.data import read_lexicon
from marsad.text.lexicon import given_names, lexicon, phrase_key
from marsad.text.normalize import Translation

_DIGITS = Translation(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
_BULLETS = "•·▪●◦‣-–—*|"
# a slash may have spaces around it ("18 /4 /2024م", "2024 / 04 / 18"): a dash or a dot may not
# ("1 - 2 - 2024" is as often a list or a range)
_NUM_SEP = r"(?:[-.]|\s?/\s?)"
_NUMERIC_YMD = re.compile(rf"(?<!\d)((?:19|20)\d\d){_NUM_SEP}(\d{{1,2}}){_NUM_SEP}(\d{{1,2}})(?!\d)")
_NUMERIC_DMY = re.compile(rf"(?<!\d)(\d{{1,2}}){_NUM_SEP}(\d{{1,2}}){_NUM_SEP}((?:19|20)\d\d)(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$|\.)")
_TIME = re.compile(r"^(?:الساعة\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
                   r"(?:\s*(?:ص|م|صباحا|مساء|صباحًا|مساءً|am|pm|AM|PM|GMT|KSA|UTC|\(?بتوقيت \S+(?: \S+)?\)?))*$")
_AGO = re.compile(r"^منذ\s+\S+(\s+\S+)?$")
# (the Levantine month names in two words, with or without the article: «تشرين الثاني»، «تشرين ثاني»)
_WORD_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+(?:من\s+)?([^\d\s،,/]+(?:\s+(?:الثاني|الأول|الاول|ثاني|أول|اول))?)"
                        r"(?:\s*/\s*[^\d\s،,/]+)?\s*[،,]?\s*((?:19|20)\d\d)(?!\d)")
_EN_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s*((?:19|20)\d\d)\b")
# "22nd, April 2024", "22 April 2024", "6th of August 2022"
_EN_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:of\s+)?([A-Z][a-z]{2,8})\.?,?\s+((?:19|20)\d\d)\b")
# "17-يونيو-2020", "20/أغسطس/2023": day, month name and year joined by dashes or slashes
_DASHED_WORD_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[-–/]\s*([^\d\s،,/\-–]+)\s*[-–/]\s*((?:19|20)\d\d)(?!\d)")
# "04/22/2024", "04/22/ 2024": month first where the day cannot be a month (> 12)
_NUMERIC_MDY = re.compile(r"(?<!\d)(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?((?:19|20)\d\d)(?!\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")     # in every full date
_CAPITALIZED = re.compile(r"[A-Z][a-z]")    # in every English date of the two patterns above


# What follows a prefix from the lexicon: compiled once, not one pattern per prefix and line.
_AFTER_DATE_PREFIX = re.compile(r"\s*[:：]|\s")
_AFTER_SOURCE_PREFIX = re.compile(r"\s*[:：/]\s*\S")      # "المصدر: وكالات"، "المصدر / وكالات"


def digits_to_ascii(text: str) -> str:
    return _DIGITS(text)


def _valid(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month names to numbers: the boilerplate lexicon's, and every Gregorian and
    English name of the date tagger's ``months.json`` (Moroccan يوليوز، غشت ...)."""
    months = dict(lexicon().months)
    data = read_lexicon("months.json")
    for series in ("gregorian", "english"):
        for number, names in data[series].items():
            for name in names:
                months.setdefault(phrase_key(name), int(number))
    return months


def find_full_date(text: str) -> tuple[str, int, int] | None:
    """The first date with day, month and year in ``text``: (YYYY-MM-DD, start, end)."""
    text = digits_to_ascii(text)
    if not _YEAR.search(text):
        return None         # every pattern below needs a year: most lines have none
    found = []
    for m in _NUMERIC_YMD.finditer(text):
        value = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if value:
            found.append((m.start(), m.end(), value))
            break
    for m in _NUMERIC_DMY.finditer(text):
        value = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if value:
            found.append((m.start(), m.end(), value))
            break
    for m in _NUMERIC_MDY.finditer(text):
        if int(m.group(2)) > 12:
            value = _valid(int(m.group(3)), int(m.group(1)), int(m.group(2)))
            if value:
                found.append((m.start(), m.end(), value))
                break
    months = _month_numbers()
    # a month by name: the groups of the day and of the month (the year is the third)
    # (the English month names, [A-Z][a-z]{2,8}, only in text that holds such a pair)
    english = _CAPITALIZED.search(text) is not None
    for pattern, day, name in ((_WORD_DATE, 1, 2), (_DASHED_WORD_DATE, 1, 2), (_EN_DAY_FIRST, 1, 2),
                               (_EN_DATE, 2, 1)):
        if not english and (pattern is _EN_DAY_FIRST or pattern is _EN_DATE):
            continue
        for m in pattern.finditer(text):
            month = months.get(phrase_key(m.group(name)))
            value = _valid(int(m.group(3)), month, int(m.group(day))) if month else None
            if value:
                found.append((m.start(), m.end(), value))
                break
    if not found:
        return None
    start, end, value = min(found)
    return value, start, end


@lru_cache(maxsize=1)
def _date_labels() -> frozenset[str]:
    """Labels that put a publication date first: the boilerplate lexicon's "published on"
    prefixes and the tagger's ``publication_date_labels`` (temporal.json)."""
    extra = read_lexicon("temporal.json").get("publication_date_labels", [])
    return frozenset(lexicon().date_prefixes) | {phrase_key(w) for w in extra}


@lru_cache(maxsize=1)
def _date_line_words() -> frozenset[str]:
    """More words a date line may hold (temporal.json ``date_line_words``): "على الساعة"."""
    return frozenset(phrase_key(w) for w in read_lexicon("temporal.json").get("date_line_words", []))


_LABEL_GAP = re.compile(r"[\s:：]*")
_AFTER_LABELLED_DATE = re.compile(r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[\s\-–—|،,:]*")


def leading_date(line: str, min_words: int = 3) -> tuple[str, str] | None:
    """A paragraph that opens with a labelled publication date and goes on with its
    text: "date 2025-08-17 أعلنت الوزارة ...", "نشر في: 12 فبراير 2025 - قال ...".
    Returns the date and the prefix to cut off (label, date, a time, separators);
    None when the line does not open so or holds fewer than ``min_words`` words after
    the date (a date line, left to ``date_line``)."""
    words = list(re.finditer(r"\S+", line[:60]))
    labels = _date_labels()
    for k in (3, 2, 1):
        if len(words) <= k or phrase_key(line[:words[k - 1].end()]) not in labels:
            continue
        start = words[k - 1].end()
        start += _LABEL_GAP.match(line, start).end() - start
        found = find_full_date(line[start:start + 40])
        if not found or found[1] != 0:
            return None
        end = _AFTER_LABELLED_DATE.match(line, start + found[2]).end()
        if len(line[end:].split()) < min_words:
            return None
        return found[0], line[:end]
    return None


_CLAUSE_START = re.compile(r".*[.،,؛;:!?؟(«\"]", re.S)
_RANGE_END = re.compile(r"\d\s*(?:-|–|و|(?:إلى|الى|حتى|لغاية)\s)\s*$")


@lru_cache(maxsize=1)
def _lead_date_blockers() -> frozenset[str]:
    return frozenset(phrase_key(w) for w in read_lexicon("temporal.json").get("lead_date_blockers", []))


def lead_date(line: str) -> tuple[str, int, int] | None:
    """The first full date of a lead paragraph that can stand for the day of the news:
    not one after منذ/سبق/قبل/بعد ... in its clause ("منذ اندلاع الحرب في 7 أكتوبر 2023"،
    "وسبق أن أوقف في 18 سبتمبر 2019") nor the end of a range ("من 6 إلى 10 مارس
    2023"، "بين 2 و8 ديسمبر 2025"); temporal.json ``lead_date_blockers``."""
    blockers = _lead_date_blockers()
    pos = 0
    while pos < len(line):
        found = find_full_date(line[pos:])
        if not found:
            return None
        value, start, end = found
        start, end = start + pos, end + pos
        before = line[:start]
        opened = _CLAUSE_START.match(before)
        clause = before[opened.end():] if opened else before
        words = {phrase_key(w) for w in clause.split()}
        words |= {w[1:] for w in words if len(w) > 3 and w[0] in "وف"}
        if not (words & blockers or _RANGE_END.search(before)):
            return value, start, end
        pos = end
    return None


def byline_date(line: str) -> tuple[str, str] | None:
    """A byline that ends with the page's date ("كتب: فلان الأحد 29-11-2020 19:45",
    "بقلم: فلان - 2 يناير 2025"): the line without the date (the weekday before it and
    a time after it dropped) and the date. None when words other than a time follow it."""
    found = find_full_date(line)
    if not found:
        return None
    value, start, end = found
    tail = line[end:].strip(" -–—|،,")
    if tail and not is_time_line(tail):
        return None
    head = line[:start].rstrip(" -–—|،,:")
    words = head.split()
    if words and phrase_key(words[-1].strip("،,")) in lexicon().weekdays:
        head = " ".join(words[:-1]).rstrip(" -–—|،,:")
    return head, value


def is_time_line(line: str) -> bool:
    core = digits_to_ascii(line.strip().strip(_BULLETS).strip())
    # "منذ 3 ساعات" is a page's relative stamp; "منذ يناير 2023" (since a month of a year) is a subheading
    return bool(_TIME.match(core) or _AGO.match(core) and not _YEAR.search(core))


def date_line(line: str) -> str | None:
    """The date of a line that holds nothing but a date (and maybe a weekday, a time,
    a bullet or a "published on" prefix): "• 2025/02/12", "نشر في: 12 فبراير 2025".
    "Published … | Updated …" gives the first date."""
    parts = [p for p in line.split("|") if p.strip()]
    if len(parts) > 1:
        values = [_single_date_line(p) for p in parts]
        dated = [v for v in values if v]
        if dated and all(v or is_time_line(p) or is_time_line(_without_date_prefix(p)) or _hijri_only(p)
                         for v, p in zip(values, parts)):
            return dated[0]
        return _section_stamp(line)
    return _single_date_line(line) or _section_stamp(line)


def _section_stamp(line: str) -> str | None:
    """A page's stamp under its section's name: a section label of the boilerplate
    lexicon (``section_labels``: العالم العربي، محليات، اقتصاد …), the date and maybe a
    weekday before it and a time after it ("العالم العربي 16-08-2025 | 21:10", "اقتصاد
    03/02/2024 - 09:30"): a byline (``byline_date``) whose name is the section's."""
    words = line.split(maxsplit=2)
    if len(line) > 60 or len(words) < 2 or not (
            _is_section_key(phrase_key(words[0])) or _is_section_key(phrase_key(" ".join(words[:2])))):
        return None         # (most lines: no section label opens them)
    found = byline_date(line)
    label = phrase_key(found[0].strip(" |•·-–—:")) if found else ""
    return found[1] if label and _is_section_key(label) else None


def _hijri_only(part: str) -> bool:
    """A part of a date line that is a Hijri date, maybe with its weekday."""
    rest = lexicon().hijri_date.sub(" ", digits_to_ascii(part))
    return rest != digits_to_ascii(part) and all(
        phrase_key(w) in lexicon().weekdays for w in re.split(r"[\s,،\-–—/]+", rest) if w)


def _without_date_prefix(core: str) -> str:
    """The line without a leading "published on"/"updated" prefix and its colon."""
    core = core.strip()
    key = phrase_key(core)
    for prefix in lexicon().date_prefixes:
        if key == prefix or key.startswith(prefix) and _AFTER_DATE_PREFIX.match(key, len(prefix)):
            return re.sub(r"^\S+(\s+\S+){%d}\s*[:：]?" % (len(prefix.split()) - 1), "", core).strip()
    return core


_TWO_DIGIT_YEAR = re.compile(r"(?<!\d)(\d{1,2})\s+([^\d\s،,/|]+)\s+(\d{2})\s*$")


def _single_date_line(line: str) -> str | None:
    core = line.strip().strip(_BULLETS).strip()
    if not core or len(core) > 90:
        return None
    lex = lexicon()
    core = _without_date_prefix(core)
    found = find_full_date(core)
    if not found:
        # a year of two digits after a month's name, only on a line that is a date:
        # "الأحد, 10 مارس 24" (a page date: this century)
        m = _TWO_DIGIT_YEAR.search(digits_to_ascii(core))
        if m and phrase_key(m.group(2)) in _month_numbers():
            core = core[:m.start(3)] + "20" + m.group(3) + core[m.end(3):]
            found = find_full_date(core)
    if not found:
        return None
    value, start, end = found
    rest = digits_to_ascii(core[:start] + " " + core[end:])
    # a Hijri date beside the Gregorian one is part of the date line, not text
    rest = lex.hijri_date.sub(" ", rest)
    # What is left may only be a weekday, a time, separators or filler words.
    # "10:15 ص" is a time with its mark; "10:15 صباحاً" keeps its word (a filler word)
    rest = re.sub(r"\d{1,2}[:.]\d{2}(\s*(ص|م|am|pm|AM|PM|GMT)(?!\w))?", " ", rest)
    leftovers = [w for w in re.split(r"[\s,،|•·\-–—/()]+", rest) if phrase_key(w)]   # "ـ" (tatweel) separates too
    filler = lex.weekdays | lex.date_prefix_words | lex.date_line_filler | _date_line_words()
    # "تونس- 20 أبريل 2023م (وام)": a place and an agency beside the date (a dateline)
    filler = filler | lex.places | lex.agencies
    if all(phrase_key(w) in filler for w in leftovers):
        return value
    return None


@dataclass
class Byline:
    author: str | None
    outlet: str | None


_NAME_OUTLET_SPLIT = re.compile(r"\s*(?:\.{2,}|…|[|/–—-]|،)\s*")


_LEAD_SPLIT = re.compile(r"\s+[-–—|]\s+")


_BYLINE_COLON = re.compile(r"^(\S+(?:\s+\S+)?)\s*[:：\-–—]\s*(.+)$")
_BYLINE_BARE = re.compile(r"^(\S+)\s+((?:[^\s\d.,،:؛!?؟]+\s*){2,4})$")


def byline(line: str) -> Byline | None:
    """A byline: "كتب : صفاء مصطفى... العرب نيوز اللندنية", "بقلم: محمد علي", and
    one led by a place and an outlet: "البصرة - وكالة المربد - بقلم: علي حسن"."""
    stripped = line.strip()
    if len(stripped) > 120:
        return None
    lead = _LEAD_SPLIT.split(stripped)
    if 2 <= len(lead) <= 3 and all(1 <= len(p.split()) <= 4 for p in lead[:-1]):
        found = byline(lead[-1]) if len(lead[-1]) < len(stripped) else None
        if found:
            # the segment just before the prefix is the outlet; the first one, the place
            outlet = lead[-2].strip() if len(lead) == 3 else None
            return Byline(author=found.author, outlet=found.outlet or outlet)
    m = _BYLINE_COLON.match(stripped)
    if not m or phrase_key(m.group(1)) not in lexicon().byline_prefixes:
        # "بقلم رنا الخطيب": no colon, then the line must be only the prefix and a name; the
        # prefix is the line's first word (tested first: the pattern backtracks on long lines)
        first = stripped.split(None, 1)
        if not first or phrase_key(first[0]) not in lexicon().byline_prefixes:
            return None
        m = _BYLINE_BARE.match(stripped)
        if not m or phrase_key(m.group(1)) not in lexicon().byline_prefixes:
            return None
    parts = [p for p in _NAME_OUTLET_SPLIT.split(m.group(2).strip()) if p.strip()]
    if not parts or len(parts[0].split()) > 5:
        return None
    outlet = parts[1].strip() if len(parts) > 1 and len(parts[1].split()) <= 5 else None
    return Byline(author=parts[0].strip(" .:"), outlet=outlet)


@dataclass
class Dateline:
    prefix: str              # the characters removed from the line, as they were
    place: str | None = None
    author: str | None = None
    outlet: str | None = None
    agency: str | None = None


_SPACED_TATWEEL = re.compile(r"(?<=\s)ـ+(?=\s)|(?<=\))ـ+(?=\s)")


def spaced_dashes(text: str) -> str:
    """A tatweel standing alone between spaces is a dash in Arabic typesetting ("مسقط ـ
    العمانية:"، "ألترا عراق ـ فريق التحرير"): written as "-", keeping the length, so
    that a prefix found on the result is cut from the original at the same place."""
    if "ـ" not in text:
        return text
    return _SPACED_TATWEEL.sub(lambda m: "-" * len(m.group()), text)


_DATELINE_WORD = r"(?:[^\s\-–—:.،(]|\.(?=[^\s.]))+"    # a dot only inside a name: العربية.نت
_DATELINE = re.compile(rf"^((?:{_DATELINE_WORD}(?:\s+{_DATELINE_WORD}){{0,3}}\s*(?:\([^)]{{1,25}}\))?\s*[-–—:]\s*){{1,3}})(?=\S)")
# "لندن: «الشرق الأوسط»": an outlet in quotation marks closes the dateline without a dash
_QUOTED_OUTLET = re.compile(r"^\s*«([^»]{1,30})»\s*[-–—:]?\s*(?=\S)")
_PAREN_AGENCY = re.compile(r"\(([^)]{1,25})\)")
_AGENCY_ONLY = re.compile(r"^\s*\(([^)]{1,25})\)\s*[-–—:]\s*(?=\S)")


def _bracketed_credit(out: Dateline, inner: str) -> None:
    """The name in brackets after a dateline's place: a known agency ("(رويترز)") is the
    source; any other short name is the outlet crediting itself ("أربيل (كوردستان 24)"،
    "أبوظبي (الاتحاد)"): newspapers and sites put their own name there as agencies do."""
    inner = inner.strip()
    key = phrase_key(inner)
    lex = lexicon()
    if key in lex.agencies or not 1 <= len(key.split()) <= 4 or key in lex.media_tags or key in lex.places:
        out.agency = out.agency or inner
    else:
        out.outlet = out.outlet or inner


# "تونس 17 إبريل 2023 (شينخوا)"، "أديس أبابا، 04/22/ 2024 (أديس والتا) -": place, date, credit
_DATED_DATELINE = re.compile(r"^(\S+(?:\s+\S+)?)\s*[،,\-–—]?\s+(\d[\d/.\-\s]{5,12}\d|\d{1,2}\s+\S+(?:\s+[^\s\d(]+)?(?:\s+\d{4})?)\s*م?"
                             r"\s*\(([^)]{1,25})\)\s*[-–—:]?\s*(?=\S)")


def _dated_dateline(line: str) -> Dateline | None:
    m = _DATED_DATELINE.match(line)
    if not m or phrase_key(m.group(1)) not in lexicon().places:
        return None
    date = m.group(2)
    # "17 إبريل 2023"، "04/22/ 2024"، "2 مارس آذار" (the Levantine month name beside the other)
    if not (find_full_date(date) or re.fullmatch(r"[\d/.\-\s]+", date)
            or all(phrase_key(w) in lexicon().months for w in re.findall(r"[^\s\d]+", date))):
        return None
    if len(line[m.end():].split()) < 8:
        return None
    out = Dateline(prefix=m.group(0), place=m.group(1).rstrip("،,"))
    _bracketed_credit(out, m.group(3))
    return out


_QUOTED_NAME = re.compile(r"[«\"“”]([^«»\"“”]{2,30})[»\"“”]")


def _is_section_key(key: str) -> bool:
    """A section label (سياسة، دولي), also with the article ("العالمية" is "عالمية")."""
    labels = lexicon().section_labels
    return key in labels or (key.startswith("ال") and key[2:] in labels)


def dateline(line: str) -> Dateline | None:
    """A dateline at the start of a paragraph: "دمشق - سانا -", "رياض - احمد صلاح -",
    "المنبر الحر –", "القاهرة (رويترز) -", "تونس 17 إبريل 2023 (شينخوا)". The rest of
    the line must be a real paragraph."""
    dated = _dated_dateline(line)
    if dated:
        return dated
    m = _DATELINE.match(line)
    if not m:
        # "(أ ف ب) – أعلن ...": a known agency in brackets, the place left out
        m = _AGENCY_ONLY.match(line)
        if not m or phrase_key(m.group(1)) not in lexicon().agencies or len(line[m.end():].split()) < 8:
            return None
        return Dateline(prefix=m.group(0), agency=m.group(1).strip())
    prefix = m.group(1)
    rest = line[m.end():]
    quoted = _QUOTED_OUTLET.match(rest)
    if quoted and len(quoted.group(1).split()) <= 4:
        prefix, rest = prefix + quoted.group(0), rest[quoted.end():]
    if len(rest.split()) < 8:
        return None
    lex = lexicon()
    segments = [s.strip() for s in re.split(r"\s*[-–—:]\s*", prefix) if s.strip()]
    if not segments or prefix.rstrip().endswith(":") and len(segments) == 1 and phrase_key(segments[0]) not in (
            lex.places | lex.agencies):
        return None  # "وقال الوزير: ..." is speech, not a dateline
    out = Dateline(prefix=prefix)
    for i, seg in enumerate(segments):
        agency = _PAREN_AGENCY.search(seg)
        if agency:
            _bracketed_credit(out, agency.group(1))
            seg = _PAREN_AGENCY.sub("", seg).strip()
        key = phrase_key(seg)
        if not key:
            continue
        quoted = _QUOTED_NAME.search(seg)
        if quoted and i > 0 and len(quoted.group(1).split()) <= 4:
            # '"الخليج 365" من الرياض': the name in quotation marks is the outlet's;
            # '"القدس" دوت كوم': the quoted word is part of the name
            after = seg[quoted.end():].split()
            name = quoted.group(1) if not after or after[0] in ("من", "في") else re.sub(r"[«»\"“”]", "", seg)
            out.outlet = out.outlet or name.strip()
            continue
        if key in lex.places and out.place is None:
            out.place = seg
        elif key in lex.agencies:
            out.agency = out.agency or seg
        elif _is_section_key(key):
            continue                 # "الكومبس – دولية:": the section, not a name
        elif (i == 0 and len(segments) > 1 and all(_is_section_key(phrase_key(t)) for t in segments[1:])
              and len(seg.split()) <= 3):
            out.outlet = out.outlet or seg     # "OUTLET – section:" names the outlet first
        elif i == 0 and len(segments) > 1 and out.place is None and len(seg.split()) <= 2:
            out.place = seg          # "X - Y -": the first segment of a dateline is its place
        elif _looks_like_person(seg):
            out.author = out.author or seg
        elif key.startswith("ال") or len(seg.split()) >= 2 or (out.place and i > 0 and not out.outlet):
            # "الرباط - هسبريس -": after the place, a one-word name is the outlet
            out.outlet = out.outlet or seg.strip("«»\"' ")
        else:
            return None
    if not (out.place or out.author or out.outlet or out.agency):
        return None
    return out


def _looks_like_person(seg: str) -> bool:
    """Two to four words starting with a known given name: "احمد صلاح", not
    "المنبر الحر" or "أنقرة بالعربي". Without the names list: the first word
    must not carry the article."""
    words = seg.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in seg):
        return False
    names = given_names()
    first = phrase_key(words[0])
    if names:
        # «عبدالكريم»: عبد glued to a divine name with the article is always a given name
        return first in names or first.startswith("عبدال") and len(first) > 6
    return not words[0].startswith("ال")


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or host.replace(".", "").isdigit() or host in ("localhost",):
        return None
    host = host.lower()
    for prefix in ("www.", "m.", "amp.", "ar.", "arabic."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    return host


_LABELLED_URL = re.compile(r"^\s*([^:：\n]{2,20}?)\s*[:：]\s*<?(https?://[^\s>]+)>?\s*$", re.M)


def source_link_domain(text: str) -> str | None:
    """The domain of a line that gives the article's own address ("رابط الخبر: https://…",
    labels in boilerplate.json), the outlet of a text dump that has no URL of its own."""
    if "://" not in text:
        return None         # (every match holds its URL's "://": most texts have none)
    labels = lexicon().source_link_labels
    for m in _LABELLED_URL.finditer(text):
        if phrase_key(m.group(1)) in labels:
            return outlet_from_url(m.group(2))
    return None


_AGENCY_WORDS = ("وكاله ", "وكالات ")


def self_reference_outlet(text: str) -> str | None:
    """The outlet a text names in the third person: "في تصريحات تابعتها «OUTLET»"، "بيان
    تلقى OUTLET نسخة منه"، "وأفاد مراسل «OUTLET»"، "قال مصدر لـ«OUTLET»". The name given
    most often; agencies and places are not outlets here (they are sources)."""
    lex = lexicon()
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    found = [m.group(1) for m in lex.self_reference_quoted.finditer(text)
             if lex.self_reference_before.search(text, max(0, m.start() - 60), m.start())]
    if "نسخة" in text:
        found += [m.group(1) for m in lex.self_reference_copy.finditer(text)]
    for raw in found:
        name = re.sub(r"[()«»\"“”″]", "", raw).strip()
        key = phrase_key(name)
        if key.startswith(_AGENCY_WORDS):
            continue          # "تلقت وكالة أنباء شينخوا نسخة منه": an agency is a source
        if not key or key in lex.agencies or key in lex.places or len(key.split()) > 4 or re.search(r"\d{3}", key):
            continue
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, name)
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return first[best]


_FEED_FOOTER = re.compile(r"^The post .{1,200} appeared first on (.{1,80}?)\.?\s*$", re.M)


def feed_footer_outlet(text: str) -> str | None:
    """A feed's footer left in the dump ("The post … appeared first on SITE."): the site
    that published the post."""
    m = _FEED_FOOTER.search(text)
    return m.group(1).strip() if m else None


def plausible_outlet(value: str | None) -> bool:
    """An outlet's name holds letters and no date: a dateline's "11" or "مايو 5, 2024", a
    section label (سياسة، دولي), a place (القاهرة) or a month is no outlet."""
    if not value:
        return False
    letters = sum(c.isalpha() for c in value)
    if letters < 2 or any(c.isdigit() for c in value) and letters < 4:
        return False
    if find_full_date(value) or _URL_DATE.search(value):
        return False
    lex = lexicon()
    key = phrase_key(value)
    words = key.split()
    if key in lex.places or _is_section_key(key) or any(w in lex.months for w in words):
        return False      # "القاهرة 2 مارس آذار": a dateline's place and date
    if len(words) >= 3 and words[0] in lex.byline_prefixes and _looks_like_person(" ".join(value.split()[1:])):
        return False      # "كتب محمد نسيم": a byline, the name after its prefix
    if re.search(r"\S\s*/\s*\S", value):
        return False      # "القدس عاصمة فلسطين/ الظهران": a slogan and a place, not a name
    if any(w in lex.weekdays or w in lex.time_of_day_words for w in words):
        return False      # "مساء الأربعاء": a dateline's time, not a name
    return True


# /20260308/ or /20260308-title: a whole path segment of eight digits read as a date
_URL_COMPACT_DATE = re.compile(r"/((?:199|20[0-3])\d)(\d\d)(\d\d)(?=[/_-]|$|\.)")
# ?cdate=29012026 or &date=20260129: a query parameter named for a date
_URL_QUERY_DATE = re.compile(r"(?:^|&)[a-z_]*date=(\d{8})(?:&|$)", re.I)
# "/news/voir/678-2025-10-05-12-44-39" (Joomla: an id, the day and the time), "/item_2024-03-12.html":
# a dashed date after an id's dash or an underscore
_URL_DASHED_DATE = re.compile(r"[-_]((?:19|20)\d\d)-(\d\d)-(\d\d)(?=[-_/.]|$)")


def date_from_url(url: str | None) -> str | None:
    """The publication date a page's address carries: /2023/11/20/, /2023-11-20-,
    /20231120/, -2023-11-20- after an id or a ``date`` query parameter (year first, else day first)."""
    if not url:
        return None
    parts = urlsplit(url)
    m = _URL_DATE.search(parts.path)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _URL_COMPACT_DATE.search(parts.path)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _URL_DASHED_DATE.search(parts.path)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _URL_QUERY_DATE.search(parts.query)
    if m:
        digits = m.group(1)
        year_first = _valid(int(digits[:4]), int(digits[4:6]), int(digits[6:])) if digits[:2] in ("19", "20") else None
        return year_first or _valid(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    return None


_MARKDOWN_IMAGE_URL = re.compile(r"!\[[^\]]*\]\((https?://[^)\s]+)\)")


def self_hosted_image_domain(text: str) -> str | None:
    """A WordPress page's own images live under its domain (/wp-content/uploads/);
    a text dump that kept the lead image's markdown thus names its outlet."""
    for m in _MARKDOWN_IMAGE_URL.finditer(text):
        if "/wp-content/uploads/" in m.group(1):
            return outlet_from_url(m.group(1))
    return None



_PLACE_QUOTED = re.compile(r"^([^«»\"“”]{2,25}?)\s*[:：\-–—]?\s*[«\"“]([^«»\"“”]{2,30})[»\"”]\s*[:：\-–—]?$")
_PLACE_BRACKET = re.compile(r"^([^()]{2,25}?)\s*\(([^)]{1,25})\)\s*[:：\-–—]?$")


def standalone_dateline(line: str) -> Dateline | None:
    """A line that is only a dateline: "بغداد - الرافدين نيوز:", "الدوحة اليوم - وكالات",
    "أبوظبي (الاتحاد)", or an outlet's name before a dash with nothing after it ("العرب
    اليوم -": the page dump lost what followed; a name with an outlet word only)."""
    stripped = line.strip()
    if _words(stripped) > 7:
        return None
    alone = re.match(r"^([^\-–—:：]{2,30}?)\s*[-–—]$", stripped)
    if alone and _words(alone.group(1)) <= 3 and set(phrase_key(alone.group(1)).split()) & lexicon().outlet_words:
        return Dateline(prefix=line, outlet=alone.group(1).strip())
    quoted = _PLACE_QUOTED.match(stripped)
    if quoted and phrase_key(quoted.group(1)) in lexicon().places:
        return Dateline(prefix=line, place=quoted.group(1), outlet=quoted.group(2).strip())   # "صنعاء «الأيام»:"
    placed = _PLACE_BRACKET.match(stripped)
    if placed and phrase_key(placed.group(1)) in lexicon().places:
        out = Dateline(prefix=line, place=placed.group(1))
        _bracketed_credit(out, placed.group(2))
        return out
    if _words(stripped) > 7 or not re.search(r"\s[-–—]\s|[:：]\s*$", stripped):
        return None
    lex = lexicon()
    segments = [s.strip() for s in re.split(r"\s*[-–—:：]\s*", stripped) if s.strip()]
    if not 1 <= len(segments) <= 3:
        return None
    out = Dateline(prefix=line)
    for seg in segments:
        key = phrase_key(_PAREN_AGENCY.sub("", seg))
        agency = _PAREN_AGENCY.search(seg)
        if agency:
            out.agency = agency.group(1)
        if key in lex.places:
            out.place = out.place or seg
        elif key in lex.agencies:
            out.agency = out.agency or seg
        elif _words(seg) <= 3:
            out.outlet = out.outlet or seg
        else:
            return None
    # without a known place or agency, "X - Y" is as likely a headline fragment
    return out if (out.place or out.agency) else None


def _words(text: str) -> int:
    return len(text.split())


_CREDIT_SPLIT = re.compile(r"\s+[-–—|/]\s+|\s*[:：]\s*")


def credit_line(line: str) -> Byline | None:
    """A line that only credits the text: a desk or agency alone ("وكالات"، "القسم
    السياسي"), "OUTLET - متابعة"، "متابعة: OUTLET"، "خاص - OUTLET", or a source label
    ("المصدر: وكالات"). The outlet, when one is named, is in ``outlet``."""
    stripped = line.strip()
    if not stripped or _words(stripped) > 8 or re.search(r"[.!?؟]\s*$", stripped):
        return None
    lex = lexicon()
    key = phrase_key(stripped)
    if key in lex.credit_lines or key in lex.agencies or lex.credit_desk.match(key):
        return Byline(author=None, outlet=None)
    for prefix in lex.source_prefixes:
        if key.startswith(prefix) and _AFTER_SOURCE_PREFIX.match(key, len(prefix)) and _words(key) <= 6:
            return Byline(author=None, outlet=None)
    quoted = _QUOTED_NAME.match(stripped)
    if quoted and phrase_key(stripped[quoted.end():]) in lex.credit_lines | lex.credit_words:
        return Byline(author=None, outlet=quoted.group(1).strip())      # '"الأيام" غرفة الأخبار:'
    segments = [s.strip() for s in _CREDIT_SPLIT.split(stripped) if s.strip()]
    if len(segments) != 2 or re.search(r"\d", re.sub(r"(?<!\d)24(?!\d)", "", stripped)):
        return None   # "هسبريس 24 - متابعة" is a credit; a number elsewhere is not
    keys = [phrase_key(s) for s in segments]
    credits = [k in lex.credit_words or k in lex.agencies or k in lex.credit_lines for k in keys]
    if credits.count(True) != 1:
        return None
    other = segments[credits.index(False)]
    if credits[0] and keys[0] in lex.kicker_words and not set(phrase_key(other).split()) & lex.outlet_words:
        return None   # "خاص: كواليس المفاوضات"، "حصري - ...": a kicker on a headline, not a credit
    if _words(other) > 4 or phrase_key(other) in lex.places:
        return None   # "القاهرة - وكالات" is a dateline: a place, not an outlet
    if _looks_like_person(other):
        return Byline(author=other.strip(" :"), outlet=None)   # "تقرير: سارة خليل"
    return Byline(author=None, outlet=other.strip(" :"))


def desk_label_outlet(line: str) -> str | None:
    """A short label at the top made of a desk word and a name, with no separator or a
    dash without spaces ("رصد المحور"، "رصد-أثير"): the name is the outlet's. Asked only
    of lines already removed as labels (above the first paragraph), where a kicker
    ("رصد: ...") cannot be."""
    if re.search(r"[:：]", line):
        return None       # "رصد: كواليس الجلسة" is a kicker
    words = re.sub(r"(?<=\S)[-–—](?=\S)", " ", line.strip()).split()
    lex = lexicon()
    if not 2 <= len(words) <= 3 or phrase_key(words[0]) not in lex.credit_prefix_words:
        return None
    other = " ".join(words[1:])
    if re.search(r"\d|[،,«»\"“”:]", other) or phrase_key(other) in lex.places or _looks_like_person(other):
        return None
    return other


def credit_after_headline(line: str) -> Byline | None:
    """Right under the headline, "OUTLET - Reporter Name" (or the other way round): one
    segment a person (a known given name first), the other an outlet (two or three
    words, or a word like نيوز، بريس)."""
    stripped = line.strip()
    found = credit_line(stripped)
    if found:
        return found
    if _words(stripped) > 8 or re.search(r"[.!?؟،,]", stripped):
        return None
    segments = [s.strip() for s in re.split(r"\s+[-–—|]\s+", stripped) if s.strip()]
    colon = len(segments) == 1
    if colon:
        # "المجد نيوز : سميرة عبد السيد": a colon, only with an outlet word in the name
        # ("Name: a quote" is a headline)
        segments = [s.strip() for s in re.split(r"\s*[:：]\s*", stripped) if s.strip()]
    if len(segments) != 2:
        return None
    lex = lexicon()
    people = [_looks_like_person(s) for s in segments]
    if people.count(True) != 1:
        return None
    person, outlet = segments[people.index(True)], segments[people.index(False)]
    outlet_words = phrase_key(outlet).split()
    if not (1 <= len(outlet_words) <= 3) or phrase_key(outlet) in lex.places:
        return None
    if colon and not set(outlet_words) & lex.outlet_words:
        return None
    return Byline(author=person, outlet=outlet)


def strip_byline_prefix(value: str) -> str:
    """"كتب: محمد علي" → "محمد علي"; "بقلم محمد علي" → "محمد علي"."""
    value = value.strip()
    words = value.split()
    for prefix in lexicon().byline_prefixes + ["بواسطة"]:
        n = len(prefix.split())
        if len(words) > n and phrase_key(" ".join(words[:n])) == prefix:
            return re.sub(r"^[\s:：\-–—]+", "", " ".join(words[n:])).strip()
    return value
