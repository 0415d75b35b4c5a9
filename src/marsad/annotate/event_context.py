"""The context of a trigger: modality, source, date and whether it is a recap.

* ``modality_of``: denied > hypothetical > planned > asserted, from cues before
  the trigger within each cue's window (``data/lexicons/modality.json``);
* ``attribution_of``: the source a sentence cites (وفق ما نقلت وكالة تاس);
* ``event_date``: the temporal tagger's date for the trigger's clause;
* ``is_background``: a recap (كان قد، في وقت سابق) or an own date more than a
  week before the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from marsad.annotate.dates import clause_date, default_event_date
from marsad.annotate.event_lexicon import Lexicon, cue_matches, cue_search
from marsad.annotate.event_text import ArticleView, threat_verbs
from marsad.data import read_lexicon
from marsad.model import Article, DateMention
from marsad.text.normalize import normalize_key
from marsad.text.tokens import clitic_variants

if TYPE_CHECKING:
    from marsad.annotate.events import Hit, SentenceInfo


def _strip_conj(pre: str) -> str:
    return pre[1:] if pre[:1] in ("و", "ف") else pre


def modality_of(view: ArticleView, lex: Lexicon, h: Hit, info: SentenceInfo) -> str:
    """denied > hypothetical > planned > asserted, from cues before the trigger."""
    clause_lo, _ = view.clause_bounds(h.nstart, info.nstart, info.nend)
    sentence = view.ntext[info.nstart:info.nend]
    for name in ("denied", "hypothetical", "planned"):
        for cue, starts in lex.modality[name].active_starts(sentence):
            if cue.imperfect and h.category != "imperfect":
                continue
            for m in cue_matches(cue.pattern, view.ntext, info.nstart, info.nstart, h.nstart, starts):
                if view.words_between(m.end(), h.nstart) > cue.window:
                    continue
                word = normalize_key(m.group()).lstrip("وف")
                # قد + perfect means "already", not "may"
                if name == "hypothetical" and word == "قد" and h.category != "imperfect":
                    continue
                # a conditional or negation in an earlier clause does not reach this one
                if cue.window <= 2 and m.end() < clause_lo:
                    continue
                return name
            if cue.after:
                _, whi = view.window(h.nend, h.nend, cue.after, h.nend, info.nend)
                if cue_search(cue.pattern, view.ntext, info.nstart, h.nend, whi, starts):
                    return name
    if h.entry.type != "THREATEN" and _threatened(view, h, info, clause_lo):
        return "planned"                    # لوحت النقابات بتنفيذ اعتصام مفتوح: threatened, not done
    # a threat speaks of the future by nature (أي اعتداء سيواجه برد حاسم): the threat itself
    # is made now, so the future prefix does not make it planned
    if "س" in _strip_conj(h.pre) and h.category in ("imperfect", "collocations") \
            and h.entry.type != "THREATEN" \
            and view.ntext[h.nstart + len(h.pre):h.nstart + len(h.pre) + 1] in ("ي", "ت", "ن", "ا"):
        return "planned"                    # سيزور، سيفرض عقوبات: the future prefix
    return "asserted"


THREAT_REACH = 8   # words back from the act to the verb of threatening that governs it


def _threatened(view: ArticleView, h: Hit, info: SentenceInfo, clause_lo: int) -> bool:
    """Is the act the ب-complement of a verb of threatening in its clause (هدد العمال بالإضراب،
    لوحت التنسيقيات اليوم بتنفيذ اعتصام، توعد بشن هجمات)? The act glued to ب, or the verbal noun
    of doing right before it (بتنفيذ، بتنظيم، بخوض، بشن) glued to ب."""
    before = view.words_before(h.nstart, THREAT_REACH, floor=max(info.nstart, clause_lo))
    if not before:
        return False
    glued = "ب" in _strip_conj(h.pre)[:1] or (before[0].startswith("ب") and len(before[0]) > 3)
    verbs = threat_verbs()
    return glued and any(_verb_of(w, verbs) or (w[:1] in "وف" and _verb_of(w[1:], verbs)) for w in before)


_PLURAL_ENDINGS = ("ون", "ان", "وا", "ين", "ن")


def _verb_of(word: str, verbs: frozenset[str] | set[str]) -> bool:
    """Is the word one of the verbs, or a plural or dual of one (يهددون، يلوحان، هددن)?"""
    return word in verbs or any(word.endswith(e) and word[:-len(e)] in verbs for e in _PLURAL_ENDINGS)


def attribution_of(view: ArticleView, lex: Lexicon, info: SentenceInfo) -> tuple[str, tuple[int, int]] | None:
    """The source a sentence cites (وفق ما نقلت وكالة تاس), as its own words."""
    best = None
    for pat, starts in lex.attribution.active_starts(view.ntext[info.nstart:info.nend]):
        for m in cue_matches(pat, view.ntext, info.nstart, info.nstart, info.nend, starts):
            if best is None or m.start() < best.start():
                best = m
    if best is None:
        return None
    # extend over the source's name: up to four words, to punctuation or a complementizer
    end = best.end()
    i = view.word_index(end)
    stops = {"ان", "انه", "انها", "بان", "الي", "علي", "في", "خلال", "ب"}
    for k in range(i, min(i + 4, len(view.words))):
        s, e = view.words[k]
        if e > info.nend or any(ch in view.ntext[end:s] for ch in "،,.:؛\n") or view.ntext[s:e] in stops:
            break
        end = e
    start, stop = view.to_original(best.start(), end)
    # the source is a name: it ends with the name (أعلنت [وزارة الخزانة الأمريكية] فرض عقوبات —
    # the word after it is what is announced, not part of the source)
    named = view.mentions(start, stop)          # (a cue may hold the name's first word: أعلنت وزارة)
    if named and view.to_norm(named[0].start) <= best.end() + 1 or \
            named and view.words_between(best.end(), view.to_norm(named[0].start)) <= 1:
        k = 0      # with the names in apposition or joined to it (لبترا -وكالة الأنباء الأردنية، X وY)
        while k + 1 < len(named) and not view.text[named[k].end:named[k + 1].start].strip(" و-–—،,\"'«»“”()"):
            k += 1
        stop = named[k].end
    text = view.text[start:stop].strip()
    if text[:1] in ("و", "ف") and len(text) > 3 and normalize_key(text[:2]) not in ("وف",):
        text, start = text[1:], start + 1
    return text, (start, stop)


def event_date(article: Article, view: ArticleView, h: Hit) -> DateMention | None:
    """The date governing the trigger's clause, from the temporal tagger."""
    start, end = view.to_original(h.nstart, h.nend)
    return clause_date(article, start, end)


def reference_date(article: Article) -> str | None:
    """The date of an event told in the present with no date of its own."""
    return default_event_date(article)


_COMMA_BREAK = re.compile(r"[،,؛;:\n]|\s[-–—]\s")   # the breaks of a clause, quotes and brackets apart

RECAP_DAYS = 7   # an event this many days before the article's date is a recap, not news


def _earlier(a: str, b: str) -> bool:
    """Is date ``a`` clearly before ``b``: more than a week for days, an earlier
    month or year for coarser dates (yesterday's event is still the news)."""
    if len(a) == 10 and len(b) >= 10:
        try:
            return (dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a)).days > RECAP_DAYS
        except ValueError:
            return False
    k = min(len(a), len(b))
    return a[:k] < b[:k]


def _later(a: str, b: str) -> bool:
    """Is date ``a`` after ``b``: a later day for days, a later month or year for coarser
    dates (the same month may hold both)."""
    if len(a) == 10 and len(b) >= 10:
        try:
            return dt.date.fromisoformat(a) > dt.date.fromisoformat(b[:10])
        except ValueError:
            return False
    k = min(len(a), len(b))
    return a[:k] > b[:k]


def is_future(article: Article, date: DateMention | None) -> bool:
    """Is the trigger's own date after the day the article was written? News tells what
    happened; an act dated after its telling (إضراب عام يوم 8 شباط on a page of 30 January)
    is announced or planned, not reported as done."""
    if not (date and date.value):
        return False
    ref = reference_date(article)
    return bool(ref and _later(date.value, ref))


def _recent_after(view: ArticleView, lex: Lexicon, pos: int, limit: int) -> bool:
    """Is the word right after a background cue (before the trigger) a word of today's news?"""
    following = view.ntext[pos:limit].split(maxsplit=1)
    return bool(following) and following[0] in lex.recent_words


def is_background(view: ArticleView, lex: Lexicon, h: Hit, info: SentenceInfo,
                   article: Article, date: DateMention | None) -> bool:
    """A recap of earlier events: a recap cue in the sentence, or an earlier date."""
    clause_lo, clause_hi = view.clause_bounds(h.nstart, info.nstart, info.nend)
    lo = None       # the clause's start, worked out at the first cue found (most sentences have none)
    sentence = view.ntext[info.nstart:info.nend]
    for pat, starts in lex.background.active_starts(sentence):
        for m in cue_matches(pat, view.ntext, info.nstart, info.nstart, h.nstart, starts):
            if lo is None:
                # quotes and brackets inside a clause do not end it here (بعد يومين من تأكيد «الحرس» مقتل …)
                breaks = [b.end() for b in _COMMA_BREAK.finditer(view.ntext, info.nstart, h.nstart)]
                lo = min(clause_lo, breaks[-1] if breaks else info.nstart)
            # (وكان X، برفقة Y، قد زار: the cue ends in the clause); «في وقت سابق اليوم» is today's news
            if m.end() >= lo and not _recent_after(view, lex, m.end(), h.nstart):
                return True
    if lex.background_sentence is not None:
        # a discourse marker of background governs the whole sentence, past its commas
        for pat, starts in lex.background_sentence.active_starts(sentence):
            if cue_search(pat, view.ntext, info.nstart, info.nstart, h.nstart, starts):
                return True
    if lex.background_after is not None:
        # an act told with a duration of weeks or more (الهجمات مستمرة منذ شهرين) is a series, not news
        for pat, starts in lex.background_after.active_starts(sentence):
            # from the end of the trigger's first word: a collocation's gap may hold the time
            # (وأصيب ضابطان نهاية آذار في الرياض برصاص مسلحين)
            if cue_search(pat, view.ntext, info.nstart, h.head_nend, clause_hi, starts):
                return True
    if not (date and date.value) or _names_a_past_event(article, date):
        return False
    ref = reference_date(article)     # (asked only of a dated trigger)
    return bool(ref and _earlier(date.value, ref))


@lru_cache(maxsize=1)
def _date_name_heads() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in read_lexicon("modality.json")["date_name_heads"]["words"])


def _names_a_past_event(article: Article, date: DateMention) -> bool:
    """Is the date part of a name (ثورة 19 ديسمبر، انتفاضة 17 تشرين، لذكرى 25 يناير): right after
    a noun it names (``date_name_heads``), with no preposition of time between? The act
    told beside it (تجمع متظاهرون لإحياء ذكرى ثورة 19 ديسمبر 2018) is not dated by it."""
    words = article.text[max(0, date.start - 30):date.start].split()
    return bool(words) and not _date_name_heads().isdisjoint(
        w.removeprefix("ال") for w in clitic_variants(words[-1]))
