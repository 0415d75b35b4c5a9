"""The boilerplate lexicon (data/lexicons/boilerplate.json), loaded once."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.data import read_lexicon
from marsad.text.normalize import normalize_key
from marsad.text.pattern_set import GatedPattern, PatternSet

# Spaces (the characters ``\s`` matches, see tests/test_text_normalize.py) and punctuation
# taken off a key's edges: str.strip, not a regex whose end-anchored branch is tried at
# every character of a line
SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
         "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_EDGE_PUNCT = SPACES + ":：.،,؛;|•·*#»«>-–—_"


def phrase_key(text: str) -> str:
    """How lexicon phrases and lines are compared: normalized, edge punctuation off."""
    return normalize_key(text.replace("ً", "")).strip(_EDGE_PUNCT)


class Lexicon:
    def __init__(self, data: dict):
        self.list_headers = {phrase_key(p) for p in data["list_headers"]}
        self.junk_lines = {phrase_key(p) for p in data["junk_lines"]}
        self.section_labels = {phrase_key(p) for p in data["section_labels"]}
        self.byline_prefixes = sorted({phrase_key(p) for p in data["byline_prefixes"]}, key=len, reverse=True)
        self.date_prefixes = sorted({phrase_key(p) for p in data["date_line_prefixes"]}, key=len, reverse=True)
        self.date_prefix_words = {w for p in self.date_prefixes for w in p.split()}
        # what a date line opens with ("نشر في " or "نشر في:"), for one ``startswith`` in C
        self.date_prefix_heads = tuple(h for p in self.date_prefixes for h in (p + " ", p + ":"))
        self.junk_patterns = [re.compile(p, re.IGNORECASE) for p in data["junk_patterns"]]
        self.junk = PatternSet(self.junk_patterns)    # junk.any_match(line): most patterns not run
        self.caption_credit = re.compile(data["caption_credit_pattern"])
        self.agencies = {phrase_key(p) for p in data["agencies"]}
        self.places = {phrase_key(p) for p in data["places"]}
        self.months: dict[str, int] = {}
        for number, names in data["months"].items():
            for name in names:
                self.months[phrase_key(name)] = int(number)
        self.weekdays = {phrase_key(w) for w in data["weekdays"]}
        # words a date line may hold beside its date: "(بتوقيت مكة المكرمة)"، "10:30 م KSA"
        self.date_line_filler = {phrase_key(w) for w in data.get("date_line_filler", [])} | {
            phrase_key(w) for w in ("م", "ص", "الموافق", "في", "يوم", "بتوقيت", "مكة", "غرينتش", "الساعة", "at")}
        self.credit_words = {phrase_key(w) for w in data.get("credit_words", [])}
        self.kicker_words = {phrase_key(w) for w in data.get("kicker_words", [])}
        self.credit_lines = {phrase_key(w) for w in data.get("credit_lines", [])}
        self.credit_desk = re.compile(data.get("credit_desk_pattern", r"(?!)"))
        self.source_prefixes = sorted({phrase_key(w) for w in data.get("source_prefixes", [])}, key=len, reverse=True)
        self.outlet_words = {phrase_key(w) for w in data.get("outlet_words", [])}
        self.credit_prefix_words = {phrase_key(w) for w in data.get("credit_prefix_words", [])}
        self.time_of_day_words = {phrase_key(w) for w in data.get("time_of_day_words", [])}
        self.staff_titles = {phrase_key(w) for w in data.get("staff_titles", [])}
        self.widget_tail = re.compile(data.get("widget_tail_pattern", r"(?!)"))
        self.widget_tail_gated = GatedPattern(self.widget_tail)    # not run on lines without its words
        self.caption_titles = {phrase_key(w) for w in data.get("caption_titles", [])}
        self.caption_title_modifiers = {phrase_key(w) for w in data.get("caption_title_modifiers", [])}
        self.verb_particles = {phrase_key(w) for w in data.get("verb_particles", [])}
        # issue 11: a text naming its own outlet ("تابعتها «OUTLET»"، "قال مصدر لـ«OUTLET»"):
        # a quoted name, then what stands before it (checked on the few words before the quote)
        verbs = "|".join(sorted((re.escape(v) for v in data.get("self_reference_verbs", [])), key=len, reverse=True))
        to = "|".join(sorted((re.escape(v) for v in data.get("self_reference_to", [])), key=len, reverse=True))
        speech = "|".join(sorted((re.escape(v) for v in data.get("self_reference_speech", [])), key=len, reverse=True))
        self.self_reference_quoted = re.compile(r"[«\"“”″(]\s*([^«»\"“”″()\n]{2,30}?)\s*[»\"“”″)]")   # "(OUTLET)" too
        self.self_reference_before = re.compile(
            rf"(?:(?<!\w)[وف]?(?:{verbs})\s+(?:موقع\s+)?|(?<!\w)[وف]?(?:{speech})(?:\s+\S+){{0,4}}?\s+(?:{to})\s*)$"
            if verbs else r"(?!)")
        self.self_reference_copy = re.compile(r"(?<!\w)[وف]?(?:تلقى|تلقت|تلقّى|تلقّت)\s+((?!ال)\S+(?:\s+\S+){1,2}?)\s+(?:على\s+)?نسخة")
        self.source_link_labels = {phrase_key(w) for w in data.get("source_link_labels", [])}
        # widget rows ("طباعة | حفظ | إرسال لصديق"): junk phrases by their length in words
        self.junk_phrase_lengths = sorted({len(p.split()) for p in self.junk_lines}, reverse=True)
        # issue 13: media tags ("(فيديو)" is no photo credit), words no heading ends with,
        # an agency's end-of-story marker ("انتهى/25")
        self.media_tags = {phrase_key(w) for w in data.get("media_tags", [])}
        self.open_end_words = {phrase_key(w) for w in data.get("open_end_words", [])}
        self.end_marker = re.compile(data.get("end_marker_pattern", r"(?!)"))
        self.continuation_words = {phrase_key(w) for w in data.get("continuation_words", [])}
        # round 4: English weekday names and their abbreviations in date stamps ("Mon Oct 10, 2016")
        self.latin_date_words = {w.lower() for w in data.get("latin_date_words", [])}
        self.waw_fa_words = {phrase_key(w) for w in data.get("waw_fa_words", [])}
        # words of a Hijri date in date furniture ("28 جمادى آخر 1447 هـ")
        self.hijri_words = {phrase_key(w) for m in data["hijri_months"] for w in m.split()} | {
            phrase_key(w) for w in data["hijri_year_marks"]} | {phrase_key(w) for w in ("آخر", "أول", "ثاني", "الثانية")}
        # "18 شعبان 1444 هـ": day, Hijri month, year and an optional mark, on raw text
        months = "|".join(sorted((re.escape(m) for m in data["hijri_months"]), key=len, reverse=True))
        marks = "|".join(sorted((re.escape(m) for m in data["hijri_year_marks"]), key=len, reverse=True))
        # what a date stamp may hold beside its date (a counter, a label, a time of day), the
        # words of two-word month names («تشرين الأول»), and a photo caption's credit after a
        # dash at the end of the line («… - أرشيفية»)
        self.date_stamp_words = {phrase_key(w).lower() for w in data.get("date_stamp_words", [])}
        self.month_words = {w for m in self.months if " " in m for w in m.split()}
        credits = "|".join(sorted((re.escape(w) for w in data.get("photo_credit_words", [])), key=len, reverse=True))
        self.photo_credit_end = re.compile(
            rf"(?:\s[-–—ـ|]|[-–—|])\s*(?:{credits})\s*$", re.IGNORECASE) if credits else re.compile(r"(?!)")
        self.comment_headers = {phrase_key(w).lower() for w in data.get("comment_headers", [])}
        # "(Name Surname/AP)": a photographer and an agency in brackets closing the line
        agencies = "|".join(re.escape(w) for w in data.get("photographer_credit_agencies", []))
        self.photographer_credit = re.compile(
            rf"\([^()/]{{3,40}}/\s*(?:{agencies})\s*\)\s*$") if agencies else re.compile(r"(?!)")
        self.hijri_date = re.compile(rf"(?<!\d)\d{{1,2}}\s+(?:{months})\s*،?\s*1[34]\d\d(?!\d)\s*(?:(?:{marks})(?!\w))?")


def _kb_table(name: str, key: str) -> dict:
    """The ``key`` table of data/kb/<name>; empty if the file is absent or unreadable."""
    path = Path(__file__).resolve().parent.parent / "data" / "kb" / name
    try:
        return json.loads(path.read_text(encoding="utf-8")).get(key, {})
    except (OSError, ValueError):
        return {}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Arabic given names from the knowledge base (data/kb/given_names.json), to tell
    a reporter's name from an outlet's in bylines and datelines; empty if absent."""
    return frozenset(phrase_key(n) for n in _kb_table("given_names.json", "names"))


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Arabic names of countries and their capitals (data/kb/countries.jsonl), normalized:
    the place a site files a story under ("… – مصر"); empty if the file is absent."""
    path = Path(__file__).resolve().parent.parent / "data" / "kb" / "countries.jsonl"
    names: set[str] = set()
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            for field in ("names_ar", "capital_ar"):
                value = row.get(field) or []
                names.update(phrase_key(n) for n in ([value] if isinstance(value, str) else value))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(names)


@lru_cache(maxsize=1)
def office_titles() -> frozenset[str]:
    """Office titles from the knowledge base (data/kb/titles.json: «رئيس الوزراء»، «ولي
    العهد»، «وزير الخارجية» …), to tell a photo caption naming a person; empty if absent."""
    return frozenset(phrase_key(t) for values in _kb_table("titles.json", "titles").values() for t in values)


@lru_cache(maxsize=1)
def sentence_verbs() -> frozenset[str]:
    """Speech verbs in the perfect (data/lexicons/quote_cues.json: «قال»، «أعلنت»، «ذكرت» …),
    normalized: a short line opening with one is the start of a sentence the dump wrapped
    («أعلنت قيادة»), never a label or a site's name. The imperfect forms (يعلن، تؤكد) open
    headlines and are left out."""
    forms, byline = set(), set(lexicon().byline_prefixes)
    for alternatives in read_lexicon("quote_cues.json").get("speech_verbs", []):
        for form in alternatives.split("|"):
            if form[:1] not in ("ي", "ت") and phrase_key(form) not in byline:   # «كتب:» opens a byline
                forms.add(phrase_key(form))
    return frozenset(forms)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(read_lexicon("boilerplate.json"))
