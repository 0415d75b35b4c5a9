"""Arabic temporal tagger: finds date mentions and normalizes them.

``find_dates(text, anchor)`` returns every date expression with offsets into
``text`` and a value (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``). It reads:

* day-month-year with the month in any regional series (يناير، كانون الثاني،
  جانفي، دجنبر ...), paired forms (ديسمبر/كانون الأول), "من" between day and
  month, ordinal days (الأول من يناير), ranges (من 10 إلى 12 شباط);
* Hijri dates (15 رمضان 1446 هـ), converted with ``hijridate``;
* numeric dates (2025/02/12, 12/2/2025 day-first), English dates
  (February 12, 2025), years (عام 2025);
* relative expressions resolved against the anchor: اليوم، أمس، غدا، weekdays
  (bare or past-marked: the latest on or before the anchor; future-marked: the
  next), الشهر الماضي، قبل ثلاثة أيام، مطلع الشهر المقبل, month names with
  الماضي/المقبل, day-month without a year, مطلع/أواخر + a bare month;
* Islamic holidays (عيد الأضحى، أول أيام عيد الفطر) through the Hijri calendar;
  deadlines (بحلول السبت، يمهل ... حتى السبت: the coming day); anaphoric days
  (اليوم نفسه، اليوم التالي: from the text's previous date); two weekdays
  (بين السبت والأحد).

Every word list lives in ``data/lexicons/months.json`` and ``temporal.json``.
Matching runs on a copy of the text without diacritics and tatweel and with
Eastern Arabic / Persian digits mapped to ASCII; offsets are mapped back.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, NamedTuple
from urllib.parse import urlsplit

from hijridate import Gregorian, Hijri

from marsad.data import read_lexicon
from marsad.model import Article, DateMention
from marsad.text.normalize import Translation

__all__ = ["find_dates", "tag_dates", "resolve_with_story_date", "clause_date",
           "default_event_date", "parse_anchor"]

# ---------------------------------------------------------------- normalizing

_IGNORED = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670", "\u0640"}   # harakat, dagger alef, tatweel
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}


_IGNORED_RUN = re.compile("[" + "".join(sorted(_IGNORED)) + "]+")
_DIGIT_TABLE = Translation(str.maketrans(_DIGITS))


def _normalize(text: str) -> tuple[str, list[int]]:
    """Text for matching, and for each of its characters the offset in ``text``."""
    # kept runs are translated and their offsets written as ranges, not char by char
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _IGNORED_RUN.finditer(text):
        chars.append(text[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    chars.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return _DIGIT_TABLE("".join(chars)), offsets


def _normalized_text(text: str) -> str:
    """``_normalize(text)[0]``, without the offsets."""
    return _DIGIT_TABLE(_IGNORED_RUN.sub("", text))


def _lexicon_form(word: str) -> str:
    return "".join(_DIGITS.get(c, c) for c in word if c not in _IGNORED)


# ---------------------------------------------------------------- knowledge


@dataclass(frozen=True)
class _Entry:
    kind: str
    value: object


class _Lexicon:
    """Phrases (tuples of tokens) -> what they mean, for longest-match lookup."""

    def __init__(self) -> None:
        months, temporal = read_lexicon("months.json"), read_lexicon("temporal.json")
        self.phrases: dict[tuple[str, ...], list[_Entry]] = {}
        for num, names in months["gregorian"].items():
            for n in names:
                self._add(n, "gmonth", int(num))
        for num, names in months["hijri"].items():
            for n in names:
                self._add(n, "hmonth", int(num))
        self.needs_context = {_lexicon_form(w) for w in months["needs_context"]}
        self.needs_year = {_lexicon_form(w) for w in months["needs_year"]}
        self.english = {name: int(num) for num, names in months["english"].items() for name in names}
        for num, names in temporal["weekdays"].items():
            for n in names:
                self._add(n, "weekday", int(num))
        for phrase, off in temporal["relative_days"].items():
            self._add(phrase, "relday", off)
        for word in temporal["part_of_day"]:
            self._add(word, "pod", word)
        for key in ("past", "future", "current"):
            for word in temporal[key]:
                self._add(word, "mod", key)
        for word in temporal["this_words"]:
            self._add(word, "this", word)
        for word, unit in temporal["periods"].items():
            self._add(word, "period", unit)
        for unit, forms in temporal["units"].items():
            for count, words in forms.items():
                for w in words:
                    self._add(w, "unit", (unit, count))
        for word, sign in temporal["ago_words"].items():
            self._add(word, "ago", sign)
        for word, n in temporal["number_words"].items():
            self._add(word, "num", n)
        for word, n in temporal["ordinals"].items():
            self._add(word, "ord", n)
        for word in temporal["day_word"]:
            self._add(word, "yawm", word)
        for word in temporal["month_word"]:
            self._add(word, "monthword", word)
        for word in temporal["weekday_date_links"]:
            self._add(word, "wdlink", word)
        for word in temporal["year_words"]:
            self._add(word, "yearword", word)
        for word in temporal["year_pair_words"]:
            self._add(word, "yearpair", word)
        for name, (h_month, h_day) in temporal["holidays"].items():
            # بعيد الفطر، لعيد الأضحى: ب/ل before a word without ال (ال is handled for all words)
            for form in (name,) if name.startswith("ال") else (name, "ب" + name, "ل" + name):
                self._add(form, "holiday", (int(h_month), int(h_day)))
        for phrase, off in temporal["holiday_days"].items():
            self._add(phrase, "holidayday", int(off))
        for word in temporal["holiday_adjectives"]:
            self._add(word, "holidayadj", word)
        for phrase, off in temporal["anaphoric_days"].items():
            self._add(phrase, "anaphor", int(off))
        for word in temporal["gregorian_year_marks"]:
            self._add(word, "gmark", word)
        for word in temporal["hijri_year_marks"]:
            self._add(word, "hmark", word)
        for part, words in temporal["month_parts"].items():
            for w in words:
                self._add(w, "part", part)
        for word in temporal["approximators"]:
            self._add(word, "approx", word)
        for word in temporal["before_last"]:
            self._add(word, "beforelast", word)
        for word in temporal["range_starts"]:
            self._add(word, "rstart", word)
        for word in temporal["range_links"]:
            self._add(word, "rlink", word)
        sets = ("weekday_blockers_before", "weekday_blockers_after", "today_blockers_after",
                "today_blockers_before", "ago_blockers_after", "day_month_links", "year_cues",
                "month_cues", "future_cues_before", "adjective_aam_before", "fractions",
                "relday_name_blockers_before", "year_of_period_nouns", "deadline_cues_before",
                "deadline_links", "deadline_context", "future_prefix_exceptions",
                "bare_month_cues", "imperfect_exceptions", "imperfect_particles_before",
                "imperfect_past_markers_before", "imperfect_blockers_before", "since_before",
                "season_words", "event_year_nouns")
        self.words = {k: {_lexicon_form(w) for w in temporal[k]} for k in sets}
        self.future_prefixes = tuple(temporal["future_verb_prefixes"])
        # imperfect prefix -> the shortest word that can be a verb with it (أ needs 5
        # letters: a four-letter أ-word is as a rule a Form IV past, أعلن، أكد، أطلق)
        self.imperfect_prefixes = {_lexicon_form(k): int(v) for k, v in temporal["imperfect_verb_prefixes"].items()}
        self.not_imperfect = self.words["imperfect_exceptions"] | self.words["future_prefix_exceptions"]
        self.past_suffixes = tuple(_lexicon_form(w) for w in temporal["past_verb_suffixes"])
        # per kind: phrase -> value (the first one listed wins) and the longest phrase
        self.by_kind: dict[str, dict[tuple[str, ...], object]] = {}
        for key, entries in self.phrases.items():
            for e in entries:
                self.by_kind.setdefault(e.kind, {}).setdefault(key, e.value)
        self.max_len = {kind: max(len(k) for k in table) for kind, table in self.by_kind.items()}
        # per kind: the first tokens of its phrases, so ``look`` rejects most tokens at once
        self.first_by_kind = {kind: frozenset(k[0] for k in table) for kind, table in self.by_kind.items()}
        # a first token -> the kinds of phrase it opens (see ``_opening_kinds``)
        self.opens: dict[str, set[str]] = {}
        for kind, firsts in self.first_by_kind.items():
            for first in firsts:
                self.opens.setdefault(first, set()).add(kind)

    def _add(self, phrase: str, kind: str, value: object) -> None:
        key = tuple(_tokens_of(_lexicon_form(phrase)))
        self.phrases.setdefault(key, []).append(_Entry(kind, value))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")


def _tokens_of(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


class _Tok(NamedTuple):     # a tuple: the parser makes one per token of every article
    text: str
    start: int
    end: int


@lru_cache(maxsize=65536)   # every token of every article asks: words repeat
def _first_token_forms(word: str) -> tuple[str, ...]:
    """The word and the word without a leading و/ف and ب/ك/ل before ال."""
    forms = [word]
    base = word
    if len(base) > 3 and base[0] in "وف":
        base = base[1:]
        forms.append(base)
    if len(base) > 4 and base[0] in "بك" and base.startswith("ال", 1):
        forms.append(base[1:])
    elif len(base) > 3 and base.startswith("لل"):
        forms.append("ا" + base[1:])
    return tuple(forms)


@lru_cache(maxsize=65536)   # per distinct token, like its forms
def _opening_kinds(word: str) -> frozenset[str]:
    """The kinds of lexicon phrase that one of the word's forms opens: ``look`` tries
    a kind's table only at tokens that open one of its phrases."""
    opens = _lexicon().opens
    return frozenset(kind for form in _first_token_forms(word) for kind in opens.get(form, ()))


# ---------------------------------------------------------------- specs


@dataclass
class _Spec:
    """What an expression says, before it is resolved against an anchor."""

    kind: str                      # date | month | year | offset | monthoff | yearoff | weekoff | weekday | monthday | anaphor
    y: int | None = None
    m: int | None = None
    d: int | None = None
    cal: str = "g"                 # g (Gregorian) | h (Hijri)
    mod: str | None = None         # past | future | current | recent (on or before) | coming (on or after)
    weekday: int | None = None
    relday: int | None = None      # اليوم/أمس/غدا given alongside a weekday or a date
    n: int = 0                     # offset in days / months / years / weeks
    part: str | None = None        # early | mid | late (مطلع/منتصف/أواخر)
    end: _Spec | None = None       # end of a range
    approx: bool = False           # "قبل نحو أسبوعين"
    year_shift: int | None = None  # "من العام المقبل": the year relative to the anchor's
    overnight: bool = False        # "ليل الأحد - الإثنين"
    equiv: _Spec | None = None     # the same day in the other calendar, as the text gives it
    label: str | None = None       # "deadline" or "holiday": kept in the mention's note

    @property
    def relative(self) -> bool:
        if self.year_shift is not None:
            return True
        if self.kind in ("date", "month", "year"):
            return self.y is None or (self.end is not None and self.end.y is None)
        return True


@dataclass
class _Cand:
    start: int
    end: int
    spec: _Spec


_WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_MISSING = object()
_CLAUSE_BREAKS = ("،", ",", ".", "؛", ";", "؟", "?", "!", ":", "(", ")", "\"", "«", "»", "-", "–", "—")


class _Parser:
    """Recursive-descent reading of date expressions over the token list."""

    def __init__(self, norm: str):
        self.lex = _lexicon()
        self.norm = norm
        make = _Tok._make     # (tuple.__new__ in C: the generated _Tok(...) is a Python call per token)
        self.toks = [make((m.group(), m.start(), m.end())) for m in _TOKEN.finditer(norm)]
        self.texts = [t.text for t in self.toks]
        self.forms = [_first_token_forms(t) for t in self.texts]
        self.kinds = [_opening_kinds(t) for t in self.texts]

    # -- lexicon access
    def look(self, i: int, kind: str) -> tuple[int, object] | None:
        """Longest phrase of ``kind`` starting at token ``i``: (end token, value)."""
        if i >= len(self.toks):
            return None
        if kind not in self.kinds[i]:
            return None
        table = self.lex.by_kind[kind]
        for length in range(min(self.lex.max_len[kind], len(self.toks) - i), 0, -1):
            rest = tuple(self.texts[i + 1:i + length])
            for first in self.forms[i]:
                value = table.get((first, *rest), _MISSING)
                if value is not _MISSING:
                    return i + length, value
        return None

    def is_word(self, i: int, words: set[str]) -> bool:
        return 0 <= i < len(self.toks) and any(f in words for f in self.forms[i])

    def number(self, i: int, lo: int, hi: int) -> int | None:
        if i < len(self.toks) and self.toks[i].text.isdigit() and len(self.toks[i].text) <= 4:
            v = int(self.toks[i].text)
            if lo <= v <= hi and not self._in_numeric_run(i):
                return v
        return None

    def _in_numeric_run(self, i: int) -> bool:
        """Part of 12/2/2025, 3.5 or 10:30 (left to the numeric patterns)."""
        toks = self.toks
        for sep, other in ((i + 1, i + 2), (i - 1, i - 2)):
            if 0 <= other < len(toks) and toks[sep].text in ("/", ".", ":") \
                    and toks[other].text.isdigit() \
                    and toks[min(i, other)].end == toks[sep].start and toks[sep].end == toks[max(i, other)].start:
                return True
        return False

    def is_tok(self, i: int, text: str) -> bool:
        return 0 <= i < len(self.toks) and self.toks[i].text == text

    def skip_comma(self, i: int) -> int:
        return i + 1 if i < len(self.toks) and self.toks[i].text in ("،", ",") else i

    # -- pieces
    def year(self, i: int, cal: str) -> tuple[int, int, str] | None:
        """[،] [عام|سنة] YYYY [م|هـ] -> (end, year, calendar)."""
        j = self.skip_comma(i)
        w = self.look(j, "yearword")
        if w:
            j = w[0]
        y = self.number(j, 1300, 2199)
        if y is None:
            return None
        j += 1
        hm, gm = self.look(j, "hmark"), self.look(j, "gmark")
        if hm or gm:
            j, mark = (hm[0], "h") if hm else (gm[0], "g")
        else:   # no mark: a plausible year of the month's calendar
            lo, hi = (1300, 1600) if cal == "h" else (1800, 2199)
            mark = cal if lo <= y <= hi else None
        return (j, y, cal) if mark == cal else None

    def mod(self, i: int) -> tuple[int, str] | None:
        m = self.look(i, "mod")
        return (m[0], str(m[1])) if m else None

    def month_name(self, i: int) -> tuple[int, int, str, int] | None:
        """MONTH [/ MONTH] -> (end, month, calendar, vagueness): vagueness 0 for a word that
        is only a month, 1 for one that needs context, 2 for one that needs a year."""
        for kind, cal in (("gmonth", "g"), ("hmonth", "h")):
            hit = self.look(i, kind)
            if not hit:
                continue
            j, month = hit
            forms = _first_token_forms(" ".join(t.text for t in self.toks[i:j]))
            vague = 2 if any(f in self.lex.needs_year for f in forms) else \
                1 if any(f in self.lex.needs_context for f in forms) else 0
            # paired names: ديسمبر/كانون الأول، مايو أيار، شباط (فبراير)
            k = j
            opener = k < len(self.toks) and self.toks[k].text in ("/", "(", "-", "،", ",")
            if opener:
                k += 1
            pair = self.look(k, kind)
            if pair and pair[1] == month:
                j, vague = pair[0], 0
                if opener and self.is_tok(k - 1, "(") and self.is_tok(j, ")"):
                    j += 1
            return j, int(month), cal, vague
        return None

    def calendar_date(self, i: int, allow_bare_month: bool, cued: bool = False) -> tuple[int, _Spec] | None:
        """DAY [من] [شهر] MONTH [YEAR] [MOD] | [شهر] MONTH (YEAR | MOD). ``cued``: a word before
        (مطلع، منتصف) already says a month follows, so an ambiguous name (نيسان، مارس) is one."""
        j, day, need_link = i, None, False
        d = self.number(i, 1, 31)
        if d is not None:
            day, j = d, i + 1
        else:
            o = self.look(i, "ord")
            if o:
                day, j, need_link = int(o[1]), o[0], True
        linked = False
        if day is not None and self.is_word(j, self.lex.words["day_month_links"]):
            j, linked = j + 1, True
        if need_link and not linked:
            return None
        had_month_word = False
        mw = self.look(j, "monthword")
        if mw:
            j, had_month_word = mw[0], True
        mn = self.month_name(j)
        if not mn:
            return self._day_of_relative_month(day, j, had_month_word)
        j, month, cal, vague = mn
        spec = _Spec("date" if day else "month", m=month, d=day, cal=cal)
        yr = self.year(j, cal)
        if yr:
            j, spec.y = yr[0], yr[1]
        else:
            md = self.mod(j)
            if md:
                j, spec.mod = md
            elif self.is_word(j, self.lex.words["day_month_links"]):
                of_year = self._of_year(j + 1, cal)   # "أيار من العام المقبل"
                if of_year:
                    j, (what, number) = of_year
                    if what == "year":
                        spec.y = number
                    else:
                        spec.year_shift = number
        if spec.year_shift is not None:
            spec.mod = None
        has_context = (day is not None or spec.y is not None or spec.mod is not None
                       or spec.year_shift is not None or had_month_word)
        if not has_context and ((vague and not cued) or not allow_bare_month):
            return None
        if vague == 2 and spec.y is None and spec.mod is None:
            return None
        return j, spec

    def _of_year(self, j: int, cal: str) -> tuple[int, tuple[str, int]] | None:
        """After "من": (عام|العام) YYYY -> (end, ("year", YYYY));
        العام الماضي/المقبل/الجاري -> (end, ("shift", -1|1|0)) from the anchor's year."""
        yr = self.year(j, cal)
        if yr:
            return yr[0], ("year", yr[1])
        per = self.look(j, "period")
        if cal == "g" and per and per[1] == "year":
            md = self.mod(per[0])
            if md:
                return md[0], ("shift", {"past": -1, "future": 1, "current": 0}[md[1]])
        return None

    def _day_of_relative_month(self, day: int | None, j: int, had_month_word: bool) -> tuple[int, _Spec] | None:
        """"20 من الشهر الجاري", "15 من الشهر الماضي", "3 الجاري"."""
        if day is None or had_month_word:
            return None
        per = self.look(j, "period")
        if per and per[1] == "month":
            md = self.mod(per[0])
            if md:
                return md[0], _Spec("monthday", d=day, n={"past": -1, "future": 1, "current": 0}[md[1]])
            return None
        md = self.mod(j)
        if md and md[1] == "current":
            return md[0], _Spec("monthday", d=day, n=0)
        return None

    # -- expressions
    def date_expr(self, i: int) -> tuple[int, _Spec] | None:
        """A calendar date or range, with its equivalent in the other calendar if given
        ("29 شوال 1446هـ - 27 أبريل 2025م", "15 رمضان 1446 الموافق 15 مارس 2025")."""
        hit = self._range_or_date(i)
        if not hit or hit[1].kind != "date" or hit[1].y is None or hit[1].end is not None:
            return hit
        j, spec = hit
        k = j + 1 if self.is_tok(j, "(") else j
        paren = k > j
        if not paren and k < len(self.toks) and self.toks[k].text in ("-", "–", "،", ",", "/"):
            k += 1
        link = self.look(k, "wdlink")
        if link:
            k = link[0] + (1 if self.is_tok(link[0], "ل") else 0)
        other = self.calendar_date(k, allow_bare_month=False)
        if not other or other[1].kind != "date" or other[1].y is None or other[1].cal == spec.cal:
            return hit
        end = other[0]
        if paren:
            if not self.is_tok(end, ")"):
                return hit
            end += 1
        main, equiv = (spec, other[1]) if spec.cal == "g" else (other[1], spec)
        main.equiv = equiv
        return end, main

    def _range_or_date(self, i: int) -> tuple[int, _Spec] | None:
        """A calendar date, possibly a range: (من|بين) D1 [M1 [Y1]] (إلى|و|-) D2 M2 [Y2]."""
        j = i
        rs = self.look(i, "rstart")
        if rs:
            j = rs[0]
        first = self.number(j, 1, 31)
        if first is not None:
            k = j + 1
            left = self.calendar_date(j, allow_bare_month=False)
            if left:
                k = left[0]
            link = self.look(k, "rlink")
            # without من/بين only "10-12 فبراير" and "2 و3 مارس" (a bare day first) are ranges
            if link and (rs or link[1] in ("-", "–") or (link[1] == "و" and not left)):
                right = self.calendar_date(link[0], allow_bare_month=False)
                if right and right[1].kind == "date" and (not left or left[1].cal == right[1].cal):
                    end_spec = right[1]
                    start_spec = left[1] if left else _Spec("date", d=first, m=end_spec.m, cal=end_spec.cal)
                    if start_spec.kind == "date":
                        start_spec = replace(start_spec, y=start_spec.y or end_spec.y,
                                             mod=start_spec.mod or end_spec.mod, cal=end_spec.cal)
                        start_spec.end = end_spec
                        return right[0], start_spec
        if rs:
            return None   # a plain date is found from its own first token
        cue = self.is_word(i - 1, self.lex.words["month_cues"])
        # "في آب"، "خلال ماي": a preposition says that a word that is also a name is a month
        strong_cue = self.is_word(i - 1, self.lex.words["bare_month_cues"])
        hit = self.calendar_date(i, allow_bare_month=cue, cued=strong_cue and self._gregorian_month_at(i))
        if hit and hit[1].kind == "month" and hit[1].y is None and hit[1].mod is None \
                and hit[1].year_shift is None:
            # a bare month: the latest one, the current included, or the coming one in a
            # preview (a future word, or a present-tense verb opening the clause)
            preview = self._future_context(i, window=8) or self._imperfect_context(i)
            hit[1].mod = "coming" if preview else "recent"
        elif hit and hit[1].kind == "date" and hit[1].y is None and hit[1].mod is None \
                and hit[1].year_shift is None and hit[1].weekday is None and hit[1].end is None:
            # a day and month without a year: after منذ the latest one ("منذ 7 أكتوبر");
            # outside a preview not one far ahead ("بدأت الحرب في 7 أكتوبر" read in April)
            if self.is_word(i - 1, self.lex.words["since_before"]):
                hit[1].mod = "recent"
            elif not (self._future_context(i, window=8) or self._imperfect_context(i)):
                hit[1].mod = "unmarked"
        return hit

    def _gregorian_month_at(self, i: int) -> bool:
        return self.look(i, "gmonth") is not None

    def day_expr(self, i: int) -> tuple[int, _Spec] | None:
        """[صباح] [اليوم|أمس|غدا] [،] [يوم] WEEKDAY [MOD] [،] [الموافق] [DATE]."""
        lex = self.lex
        j = i
        pod = self.look(j, "pod")
        if pod:
            j = pod[0]
            this = self.look(j, "this")
            today = self.look(this[0], "relday") if this else None
            if today and int(today[1]) == 0:
                j = this[0]   # ظهر هذا اليوم: a part of this day is today («في مثل هذا اليوم» has none)
        yawm = self.look(j, "yawm")
        if yawm and (self.look(yawm[0], "relday") or self.look(yawm[0], "weekday")):
            j = yawm[0]
        relday = None
        rd = self.look(j, "relday")
        if rd:
            off = int(rd[1])
            blocked = (off == 0 and (self.is_word(rd[0], lex.words["today_blockers_after"])
                                     or self.is_word(i - 1, lex.words["today_blockers_before"]))) \
                or self.is_word(i - 1, lex.words["relday_name_blockers_before"])   # حزب الغد، صحيفة اليوم
            if not blocked:
                relday, j = off, rd[0]
        k = self.skip_comma(j) if relday is not None else j
        paren = relday is not None and self.is_tok(k, "(")
        if paren:
            k += 1   # أمس (الثلاثاء)
        y2 = self.look(k, "yawm")
        if y2 and self.look(y2[0], "weekday"):
            k = y2[0]
        weekday, wmod = None, None
        wd = self.look(k, "weekday")
        if wd and not self.is_word(wd[0], lex.words["weekday_blockers_after"]) \
                and not self.is_word(i - 1, lex.words["weekday_blockers_before"]) \
                and (not paren or self.is_tok(wd[0], ")")):
            weekday, j = int(wd[1]), wd[0] + (1 if paren else 0)
            md = self.mod(j)
            if md and md[1] != "current":
                j, wmod = md
        if relday is None and weekday is None:
            return None
        # a date right after: "الأربعاء 12 من شباط", "الخميس الموافق 13 فبراير"
        k = self.skip_comma(j)
        paren = self.is_tok(k, "(")
        k += 1 if paren else 0   # الأربعاء (12 شباط/فبراير)
        link = self.look(k, "wdlink")
        if link:
            k = link[0]
            if self.is_tok(k, "ل"):
                k += 1
        date = self.date_expr(k) or self.numeric_at(k)
        if date and date[1].kind in ("date", "monthday") and (not paren or self.is_tok(date[0], ")")):
            spec = date[1]
            spec.weekday, spec.relday = weekday, relday
            return date[0] + (1 if paren else 0), spec
        if weekday is None:
            return j, _Spec("offset", n=int(relday))
        label = None
        if wmod is None and relday is None:
            if self._deadline_context(i):
                wmod, label = "coming", "deadline"   # بحلول السبت، يمهل حماس حتى السبت
            elif self._future_context(i):
                wmod = "future"
            elif self._imperfect_context(i):
                wmod = "coming"   # ويشارك شي الجمعة في القمة: a preview, the coming Friday
        overnight = False
        if pod and wmod is None and (self.is_tok(j, "-") or self.is_tok(j, "/")):
            nxt = self.look(j + 1, "weekday")   # ليل الأحد - الإثنين: the night between them
            if nxt and int(nxt[1]) == (weekday + 1) % 7:
                j, overnight = nxt[0], True
        return j, _Spec("weekday", weekday=weekday, mod=wmod, relday=relday, overnight=overnight, label=label)

    def _future_context(self, i: int, window: int = 2) -> bool:
        """A future verb (سيلتقي) or 'scheduled' word in the ``window`` words before the
        expression, within its clause."""
        for k in range(i - 1, max(i - 1 - window, -1), -1):
            word = self.toks[k].text
            if word in ("،", ",", ".", "؛", "؟", "!", ":"):
                break
            if self.is_word(k, self.lex.words["future_cues_before"]) or self._future_verb(k):
                return True
        return False

    def _future_verb(self, k: int) -> bool:
        """س + an imperfect prefix (سيلتقي، وستعقد), not a noun or name that starts the
        same way (ستوكهولم، سيارة، سنوات)."""
        exceptions = self.lex.words["future_prefix_exceptions"]
        for word in self.forms[k]:
            if len(word) >= 4 and word.startswith(self.lex.future_prefixes) \
                    and not word.endswith(("ة", "ات", "اء")) and word not in exceptions:
                return True
        return False

    def _imperfect_context(self, i: int, window: int = 7) -> bool:
        """A present-tense (imperfect) verb governing a weekday: the clause's first word
        ("ويشارك شي الجمعة"، "يلتقي الوزير الأحد نظيره"), its second after a one-word
        subject ("الرئيس يزور ..."), or right after a particle (إن، أن، لن). Not after
        لم/كان (a past), and not a word of ``imperfect_exceptions`` (Form V/VI pasts
        تظاهر، تلقى; names and nouns: تركيا، يحيى)."""
        words = self.lex.words
        if self.is_word(i - 1, words["imperfect_blockers_before"]):
            return False   # منذ الأحد، قبل الجمعة: counted from a past day, or a deadline
        start, opened = i, False
        for k in range(i - 1, max(i - 1 - window, -1), -1):
            if self.toks[k].text in _CLAUSE_BREAKS or self.is_word(k, words["imperfect_particles_before"]):
                opened = True
                break
            start = k
        opened = opened or start == 0
        for k in range(start, i):
            if not self._imperfect_verb(k) or self.is_word(k - 1, words["imperfect_past_markers_before"]):
                continue
            if self.is_word(k - 1, words["imperfect_particles_before"]):
                return True
            if opened and (k == start or (k == start + 1 and not self._imperfect_verb(start))):
                return True
            if self.texts[k][0] in "وف" and len(self.forms[k]) > 1:
                return True   # "... ويلتقي الأحد": و opens a new clause
        return False

    def _imperfect_verb(self, k: int) -> bool:
        """ي/ت/ن/أ + stem, long enough, not a past form (ت، وا، نا endings after ت/ن/أ)."""
        for word in self.forms[k]:
            if word in self.lex.not_imperfect:
                continue
            for prefix, shortest in self.lex.imperfect_prefixes.items():
                if word.startswith(prefix) and len(word) >= shortest \
                        and (prefix == "ي" or not word.endswith(self.lex.past_suffixes)):
                    return True
        return False

    def _deadline_context(self, i: int) -> bool:
        """A deadline word before a weekday: بحلول (ظهر) السبت، مهلة تنتهي السبت; or حتى/قبل
        السبت after a deadline verb or a future verb in the same clause (يمهل حماس حتى السبت)."""
        words = self.lex.words
        if self.is_word(i - 1, words["deadline_cues_before"]) or self.is_word(i - 2, words["deadline_cues_before"]):
            return True
        if not self.is_word(i - 1, words["deadline_links"]):
            return False
        for k in range(i - 2, max(i - 12, -1), -1):
            if self.toks[k].text in ("،", ",", ".", "؛", "؟", "!", ":"):
                break
            if self.is_word(k, words["deadline_context"]) or self._future_verb(k):
                return True
        return False

    def holiday_expr(self, i: int) -> tuple[int, _Spec] | None:
        """[ليلة|صباح] [أول|ثاني أيام] HOLIDAY [المبارك] [YEAR هـ | MOD]: a Hijri day of the
        year the clause implies (the latest one, or the coming one after a future word)."""
        j = i
        if not self.look(j, "holiday") and not self.look(j, "holidayday"):
            pod = self.look(j, "pod")
            if not pod:
                return None
            j = pod[0]
        offset = 0
        hd = self.look(j, "holidayday")
        if hd:
            j, offset = hd[0], int(hd[1])
        hol = self.look(j, "holiday")
        if not hol:
            return None
        j, (month, day) = hol[0], hol[1]
        adj = self.look(j, "holidayadj")
        if adj:
            j = adj[0]
        spec = _Spec("date", m=int(month), d=int(day) + offset, cal="h", label="holiday")
        yr = self.year(j, "h")
        md = self.mod(j)
        if yr:
            j, spec.y = yr[0], yr[1]
        elif md and md[1] in ("past", "future"):
            j, spec.mod = md
        else:
            spec.mod = "coming" if self._future_context(i, window=8) else "recent"
        return j, spec

    def weekday_range(self, i: int) -> tuple[int, _Spec] | None:
        """(بين|من) WEEKDAY (و|إلى|-) WEEKDAY: "ليلة بين السبت والأحد" starts on the first
        day (the latest one, as for a bare weekday) and ends on the second."""
        rs = self.look(i, "rstart")
        if not rs:
            return None
        first = self.look(rs[0], "weekday")
        if not first:
            return None
        j = first[0]
        link = self.look(j, "rlink")
        second = self.look(link[0], "weekday") if link else None
        if not second and j < len(self.toks) and self.texts[j].startswith("و"):
            second = self.look(j, "weekday")     # "والأحد": the link is part of the word
        if not second or self.look(second[0], "mod"):
            return None
        start = _Spec("weekday", weekday=int(first[1]))
        start.end = _Spec("weekday", weekday=int(second[1]))
        return second[0], start

    def anaphor_expr(self, i: int) -> tuple[int, _Spec] | None:
        """[صباح] اليوم نفسه | في اليوم التالي: a day counted from the text's previous date."""
        j = i
        hit = self.look(j, "anaphor")
        if not hit:
            pod = self.look(j, "pod")
            hit = self.look(pod[0], "anaphor") if pod else None
        if not hit:
            return None
        return hit[0], _Spec("anaphor", n=int(hit[1]))

    def numeric_at(self, i: int) -> tuple[int, _Spec] | None:
        """A numeric date starting at token i (used after a weekday)."""
        if i >= len(self.toks):
            return None
        m = _NUMERIC.match(self.norm, self.toks[i].start)
        if not m:
            return None
        spec = _numeric_spec(m)
        if spec is None:
            return None
        end = next((k for k, t in enumerate(self.toks) if t.end == m.end()), None)
        return (end + 1, spec) if end is not None else None

    def year_range(self, i: int) -> tuple[int, _Spec] | None:
        """(من|بين) [عام|عامي] Y1 (إلى|حتى|و|-) [عام] Y2 | عامي Y1 و Y2."""
        rs = self.look(i, "rstart")
        j = rs[0] if rs else i
        pair = self.look(j, "yearpair")
        if pair:
            j = pair[0]
        elif rs:
            w = self.look(j, "yearword")
            j = w[0] if w else j
        else:
            return None
        y1 = self.number(j, 1800, 2199)
        link = self.look(j + 1, "rlink") if y1 is not None else None
        if not link:
            return None
        k = link[0]
        w = self.look(k, "yearword")
        k = w[0] if w else k
        y2 = self.number(k, 1800, 2199)
        if y2 is None or y2 <= y1:
            return None
        spec = _Spec("year", y=y1)
        spec.end = _Spec("year", y=y2)
        return k + 1, spec

    def year_expr(self, i: int) -> tuple[int, _Spec] | None:
        """عام 2025 | (في|منذ|بحلول) 2025 | 1446 هـ."""
        lex = self.lex
        w = self.look(i, "yearword")
        if w:
            y = self.number(w[0], 1300, 2199)
            if y is not None:
                hm = self.look(w[0] + 1, "hmark")
                gm = self.look(w[0] + 1, "gmark")
                if hm:
                    return hm[0], _Spec("year", y=y, cal="h")
                if 1800 <= y <= 2199:
                    return (gm[0] if gm else w[0] + 1), _Spec("year", y=y)
        y = self.number(i, 1300, 2199)
        if y is not None:
            hm = self.look(i + 1, "hmark")
            if hm and y <= 1600:
                return hm[0], _Spec("year", y=y, cal="h")
            followed_by_word = i + 1 < len(self.toks) and self.toks[i + 1].text.isalpha()
            # "الربع الثالث من 2023": من is a cue only after a part of a year
            of_period = self.is_word(i - 1, lex.words["day_month_links"]) \
                and self.is_word(i - 2, lex.words["year_of_period_nouns"])
            # "صيف 2014": a season; "احتجاجات 2011": the year of a named event (no cue before it)
            named = not of_period and self.is_word(i - 1, lex.words["event_year_nouns"])
            season = self.is_word(i - 1, lex.words["season_words"])
            cued = of_period or named or season or self.is_word(i - 1, lex.words["year_cues"])
            if 1800 <= y <= 2199 and cued and not self.look(i + 1, "unit") \
                    and not (y % 100 == 0 and followed_by_word and not season and not self.look(i + 1, "gmark")):
                # "قبل 2000 عام" and "في 2000 موقع" are counts, not years; a season counts
                # nothing ("صيف 2000 الحار")
                gm = self.look(i + 1, "gmark")
                return (gm[0] if gm else i + 1), _Spec("year", y=y, label="named event" if named else None)
        return None

    def period_expr(self, i: int) -> tuple[int, _Spec] | None:
        """الشهر الماضي | هذا الأسبوع | العام المقبل."""
        this = self.look(i, "this")
        j = this[0] if this else i
        p = self.look(j, "period")
        if not p:
            return None
        unit, j = str(p[1]), p[0]
        before_last = self.look(j, "beforelast")
        if this:
            shift = 0
        elif before_last:
            j, shift = before_last[0], -2
        else:
            md = self.mod(j)
            if not md:
                return None
            j, which = md
            if unit == "year" and self.is_word(i - 1, self.lex.words["adjective_aam_before"]):
                return None   # الأمين العام الحالي: "general", not "year"
            shift = {"past": -1, "future": 1, "current": 0}[which]
        kind = {"week": "weekoff", "month": "monthoff", "year": "yearoff"}[unit]
        return j, _Spec(kind, n=shift)

    def ago_expr(self, i: int) -> tuple[int, _Spec] | None:
        """قبل ثلاثة أيام | منذ أسبوعين | بعد 3 أشهر."""
        a = self.look(i, "ago")
        if not a:
            return None
        j, sign = a[0], int(a[1])
        approx = self.look(j, "approx")
        if approx:
            j = approx[0]
        count = None
        nw = self.look(j, "num")
        if nw:
            count, j = int(nw[1]), nw[0]
        else:
            n = self.number(j, 1, 999)
            if n is not None:
                count, j = n, j + 1
        u = self.look(j, "unit")
        if not u:
            return None
        (unit, form), j = u[1], u[0]
        if count is None:
            if form == "n":
                return None
            count = int(form)
        one = self.look(j, "num")
        if one and one[1] == 1 and count == 1:
            j = one[0]   # "بعد يوم واحد"
        if self.is_word(j, self.lex.words["fractions"]):
            j += 1       # "بعد أربعة أشهر ونصف"
        if self.is_word(j, self.lex.words["ago_blockers_after"]):
            return None   # "قبل ثلاثة أيام من الانتخابات" counts from another event
        n = sign * count
        if unit in ("day", "week"):
            return j, _Spec("offset", n=n * (7 if unit == "week" else 1), approx=bool(approx))
        return j, _Spec("monthoff" if unit == "month" else "yearoff", n=n, approx=bool(approx))

    def part_expr(self, i: int) -> tuple[int, _Spec] | None:
        """مطلع/منتصف/أواخر + الشهر [MOD] | MONTH [YEAR|MOD] | العام [MOD] | [عام] YYYY."""
        p = self.look(i, "part")
        if not p:
            return None
        part, j = str(p[1]), p[0]
        per = self.look(j, "period")
        if per and per[1] == "week":
            md = self.mod(per[0])
            k, shift = (md[0], {"past": -1, "future": 1, "current": 0}[md[1]]) if md else (per[0], 0)
            return k, _Spec("weekoff", n=shift, part=part)
        if per and per[1] in ("month", "year"):
            k = per[0]
            md = self.mod(k)
            shift = 0
            if md:
                k, shift = md[0], {"past": -1, "future": 1, "current": 0}[md[1]]
            elif per[1] == "year":
                yr = self.year(k, "g")
                if yr:   # مطلع العام 2025
                    return yr[0], _Spec("year", y=yr[1], part=part)
            kind = "monthoff" if per[1] == "month" else "yearoff"
            return k, _Spec(kind, n=shift, part=part)
        cal = self.calendar_date(j, allow_bare_month=True, cued=True)
        if cal and cal[1].kind == "month":
            spec = cal[1]
            spec.part = part
            if spec.y is None and spec.mod is None and spec.year_shift is None:
                # "مطلع نيسان": the latest April, unless the clause speaks of the future
                spec.mod = "coming" if self._future_context(i, window=8) else "recent"
            return cal
        yr = self.year(j, "g")
        if yr:
            return yr[0], _Spec("year", y=yr[1], part=part)
        return None

    def parse_at(self, i: int) -> list[_Cand]:
        out = []
        for rule in _rules_opened_by(self.kinds[i], self.texts[i].isdigit()):
            hit = rule(self, i)
            if hit and hit[0] > i:
                out.append(_Cand(self.toks[i].start, self.toks[hit[0] - 1].end, hit[1]))
        return out


# Each expression rule, in the order ``parse_at`` tries them, with the kinds of lexicon
# phrase its first token must open (one of them) and whether a number may open it instead:
# a rule whose opening token holds none of them returns None before reading anything else
# (every path through it starts with ``look`` of one of these kinds or ``number`` at i).
_RULE_OPENERS: tuple[tuple[Callable, frozenset[str], bool], ...] = (
    (_Parser.day_expr, frozenset({"pod", "yawm", "relday", "weekday"}), False),
    (_Parser.date_expr, frozenset({"rstart", "ord", "monthword", "gmonth", "hmonth"}), True),
    (_Parser.part_expr, frozenset({"part"}), False),
    (_Parser.period_expr, frozenset({"this", "period"}), False),
    (_Parser.ago_expr, frozenset({"ago"}), False),
    (_Parser.year_range, frozenset({"rstart", "yearpair"}), False),
    (_Parser.year_expr, frozenset({"yearword"}), True),
    (_Parser.holiday_expr, frozenset({"holiday", "holidayday", "pod"}), False),
    (_Parser.anaphor_expr, frozenset({"anaphor", "pod"}), False),
    (_Parser.weekday_range, frozenset({"rstart"}), False),
)
_RULES_FOR: dict[tuple[frozenset[str], bool], tuple[Callable, ...]] = {}


def _rules_opened_by(kinds: frozenset[str], digit: bool) -> tuple[Callable, ...]:
    """The rules of ``_RULE_OPENERS`` a token opening ``kinds`` (a number or not) may open,
    worked out once per distinct set of kinds (a few dozen)."""
    rules = _RULES_FOR.get((kinds, digit))
    if rules is None:
        rules = _RULES_FOR[(kinds, digit)] = tuple(
            rule for rule, opened_by, by_number in _RULE_OPENERS
            if (digit and by_number) or not kinds.isdisjoint(opened_by))
    return rules


# ---------------------------------------------------------------- regex patterns

# the two separators are the same; a slash may have a space before or after it, both times
# alike ("18 /4 /2024", "2024 / 04 / 18"), a dash or a dot not ("1 - 2 - 2024": a list, a range)
_NUMERIC = re.compile(
    r"(?<![\d/.\-])(?:(?P<y1>\d{4})(?P<s1>[.\-]| ?/ ?)(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
    r"|(?P<a2>\d{1,2})(?P<s2>[.\-]| ?/ ?)(?P<b2>\d{1,2})(?P=s2) ?(?P<y2>\d{4}))(?![\d/.\-]\d)")


_NUMERIC_HINT = re.compile(r"\d(?:[/.\-]| ?/ ?)\d")


def _numeric_spec(m: re.Match) -> _Spec | None:
    if m.group("y1"):
        y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    else:
        a, b, y = int(m.group("a2")), int(m.group("b2")), int(m.group("y2"))
        d, mo = (a, b) if b <= 12 else (b, a)   # day-first unless impossible
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    cal = "h" if 1300 <= y <= 1600 else "g"
    if cal == "g" and not 1800 <= y <= 2199:
        return None
    return _Spec("date", y=y, m=mo, d=d, cal=cal)


@lru_cache(maxsize=1)
def _english_pattern() -> re.Pattern:
    names = sorted(_lexicon().english, key=len, reverse=True)
    mon = "(?:" + "|".join(names) + r")\.?"
    # month-year alone only with full names: "may 2024" yes, "mar 2024" no
    full = "(?:" + "|".join(n for n in names if not any(o != n and o.startswith(n) for o in names)) + ")"
    return re.compile(
        rf"\b(?:(?P<mon1>{mon})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{mon}),?\s+(?P<y2>\d{{4}})"
        rf"|(?P<mon3>{mon})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\b"
        rf"|(?P<mon4>{full})\s+(?P<y4>\d{{4}}))(?!\d)", re.IGNORECASE)


def _english_spec(m: re.Match) -> _Spec:
    english = _lexicon().english
    if m.group("mon4"):
        return _Spec("month", y=int(m.group("y4")), m=english[m.group("mon4").lower()])
    for n in ("1", "2", "3"):
        if m.group("mon" + n):
            month = english[m.group("mon" + n).lower().rstrip(".")]
            y = m.group("y" + n) if n != "3" else None
            return _Spec("date", y=int(y) if y else None, m=month, d=int(m.group("d" + n)))
    raise AssertionError("unreachable: the pattern has four alternatives")


# ---------------------------------------------------------------- resolving


@dataclass
class _Value:
    value: str | None
    grain: str
    end_value: str | None = None
    note: str | None = None


def _hijri_to_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def _to_date(y: int, m: int, d: int, cal: str) -> dt.date | None:
    if cal == "h":
        return _hijri_to_date(y, m, d)
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _anchor_year(anchor: dt.date, cal: str) -> int:
    if cal == "h":
        return Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
    return anchor.year


# A day and month with no year, no الماضي/المقبل and no future word or present-tense
# verb in its clause is the nearest one, unless that one lies more than this many days
# ahead: a report does not name a day two months off without saying it is coming.
UNMARKED_FUTURE_DAYS = 45


def _pick(cands: list[dt.date], anchor: dt.date, mod: str | None) -> dt.date | None:
    """The candidate a reader at ``anchor`` would mean."""
    if mod == "past":
        cands = [c for c in cands if c < anchor]
        return max(cands, default=None)
    if mod == "future":
        cands = [c for c in cands if c > anchor]
        return min(cands, default=None)
    if mod == "recent":
        return max((c for c in cands if c <= anchor), default=None)
    if mod == "coming":
        return min((c for c in cands if c >= anchor), default=None)
    # no marker: the nearest one, the past winning ties (news reports what happened)
    nearest = min(cands, key=lambda c: (abs((c - anchor).days), c > anchor), default=None)
    if mod == "unmarked" and nearest is not None and (nearest - anchor).days > UNMARKED_FUTURE_DAYS:
        # a day and month told outside a preview, months ahead: the past one
        return max((c for c in cands if c <= anchor), default=nearest)
    return nearest


def _resolve_day(spec: _Spec, anchor: dt.date | None) -> dt.date | None:
    if spec.y is not None:
        return _to_date(spec.y, spec.m, spec.d, spec.cal)
    if anchor is None:
        return None
    base = _anchor_year(anchor, spec.cal)
    if spec.mod == "current":
        return _to_date(base, spec.m, spec.d, spec.cal)
    cands = [c for c in (_to_date(y, spec.m, spec.d, spec.cal) for y in (base - 1, base, base + 1)) if c]
    if spec.weekday is not None:
        agreeing = [c for c in cands if c.weekday() == spec.weekday]
        cands = agreeing or cands
    return _pick(cands, anchor, spec.mod)


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _month_value(y: int, m: int, cal: str, part: str | None) -> _Value:
    note = f"{part} in the month" if part else None
    if cal == "g":
        return _Value(f"{y:04d}-{m:02d}", "month", note=note)
    first = _hijri_to_date(y, m, 1)
    try:
        last = _hijri_to_date(y, m, Hijri(y, m, 1).month_length())
    except (ValueError, OverflowError):
        last = None
    if first is None:
        return _Value(None, "month", note="Hijri date out of range")
    return _Value(first.isoformat(), "day", last.isoformat() if last else None,
                  ("Hijri month" + (f", {part}" if part else "")))


def _resolve(spec: _Spec, anchor: dt.date | None) -> _Value | None:
    """The normalized value; None when the expression names no real date."""
    if spec.year_shift is not None:
        if anchor is None:
            return _Value(None, "day" if spec.kind == "date" else "month")
        spec = replace(spec, y=anchor.year + spec.year_shift, year_shift=None)
    kind = spec.kind
    if kind == "date":
        day = _resolve_day(spec, anchor)
        if day is None:
            return None if spec.y is not None or anchor is not None else _Value(None, "day")
        notes = []
        if spec.weekday is not None and day.weekday() != spec.weekday:
            notes.append(f"weekday {_WEEKDAY_NAMES_EN[spec.weekday]} does not match "
                         f"{day.isoformat()} ({_WEEKDAY_NAMES_EN[day.weekday()]})")
        if spec.equiv is not None:
            other = _resolve_day(spec.equiv, anchor)
            # Hijri calendars differ by a day between countries: only a larger gap is news
            if other is not None and abs((other - day).days) > 1:
                notes.append(f"the Hijri date given beside it is {other.isoformat()}")
        if spec.label == "holiday":
            notes.append("Islamic holiday (Umm al-Qura calendar; may differ by a day by country)")
        if spec.relday is not None and anchor is not None and day != anchor + dt.timedelta(spec.relday):
            notes.append(f"date {day.isoformat()} is not the day the text calls relative to "
                         f"{anchor.isoformat()}")
        end_value = None
        if spec.end is not None:
            end_day = _resolve_day(spec.end, anchor)
            if end_day is not None and day > end_day:
                day = _to_date(day.year - 1, day.month, day.day, "g") or day
            end_value = end_day.isoformat() if end_day else None
        return _Value(day.isoformat(), "day", end_value, "; ".join(notes) or None)
    if kind == "month":
        if spec.y is not None:
            return _month_value(spec.y, spec.m, spec.cal, spec.part)
        if anchor is None:
            return _Value(None, "month")
        base_y = _anchor_year(anchor, spec.cal)
        base_m = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().month if spec.cal == "h" else anchor.month
        now = base_y * 12 + base_m
        options = [(y, spec.m) for y in (base_y - 1, base_y, base_y + 1)]
        key = {y * 12 + m: (y, m) for y, m in options}
        if spec.mod == "past":
            pick = max((k for k in key if k < now), default=None)
        elif spec.mod == "future":
            pick = min((k for k in key if k > now), default=None)
        elif spec.mod == "current":
            pick = base_y * 12 + spec.m
            key[pick] = (base_y, spec.m)
        elif spec.mod == "recent":
            pick = max((k for k in key if k <= now), default=None)
        elif spec.mod == "coming":
            pick = min((k for k in key if k >= now), default=None)
        else:
            pick = min(key, key=lambda k: (abs(k - now), k > now))
        y, m = key[pick]
        return _month_value(y, m, spec.cal, spec.part)
    if kind == "anaphor":   # filled from the previous mention by find_dates
        return _Value(None, "day", note="same day as the previous date" if spec.n == 0
                      else f"{spec.n:+d} day(s) from the previous date")
    if kind == "year":
        note = f"{spec.part} in the year" if spec.part else spec.label
        if spec.cal == "h":
            first = _hijri_to_date(spec.y, 1, 1)
            try:
                last = _hijri_to_date(spec.y, 12, Hijri(spec.y, 12, 1).month_length())
            except (ValueError, OverflowError):
                last = None
            if first is None:
                return None
            return _Value(first.isoformat(), "day", last.isoformat() if last else None, "Hijri year")
        return _Value(f"{spec.y:04d}", "year", f"{spec.end.y:04d}" if spec.end else None, note)
    if anchor is None:
        grain = {"monthoff": "month", "yearoff": "year"}.get(kind, "day")
        return _Value(None, grain)
    approx = "approximate" if spec.approx else None
    if kind == "offset":
        return _Value((anchor + dt.timedelta(days=spec.n)).isoformat(), "day", note=approx)
    if kind == "monthoff":
        y, m = _shift_month(anchor.year, anchor.month, spec.n)
        val = _month_value(y, m, "g", spec.part)
        val.note = val.note or approx
        return val
    if kind == "yearoff":
        return _Value(f"{anchor.year + spec.n:04d}", "year",
                      note=f"{spec.part} in the year" if spec.part else approx)
    if kind == "monthday":
        y, m = _shift_month(anchor.year, anchor.month, spec.n)
        day = _to_date(y, m, spec.d, "g")
        if day is None:
            return None
        note = None
        if spec.weekday is not None and day.weekday() != spec.weekday:
            note = (f"weekday {_WEEKDAY_NAMES_EN[spec.weekday]} does not match "
                    f"{day.isoformat()} ({_WEEKDAY_NAMES_EN[day.weekday()]})")
        return _Value(day.isoformat(), "day", note=note)
    if kind == "weekoff":
        # weeks run Saturday to Friday, as on most Arab calendars
        start = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7) + dt.timedelta(weeks=spec.n)
        note = f"week ({spec.part})" if spec.part else "week"
        return _Value(start.isoformat(), "day", (start + dt.timedelta(days=6)).isoformat(), note)
    if kind == "weekday":
        if spec.relday is not None:
            day = anchor + dt.timedelta(days=spec.relday)
            note = None
            if day.weekday() != spec.weekday:
                note = (f"weekday {_WEEKDAY_NAMES_EN[spec.weekday]} does not match "
                        f"{day.isoformat()} ({_WEEKDAY_NAMES_EN[day.weekday()]})")
            return _Value(day.isoformat(), "day", note=note)
        back = (anchor.weekday() - spec.weekday) % 7
        if spec.mod == "coming":
            day = anchor + dt.timedelta(days=(spec.weekday - anchor.weekday()) % 7)
        elif spec.mod == "future":
            day = anchor + dt.timedelta(days=(spec.weekday - anchor.weekday()) % 7 or 7)
        elif spec.mod == "past":
            day = anchor - dt.timedelta(days=back or 7)
        else:
            day = anchor - dt.timedelta(days=back)
        end = (day + dt.timedelta(days=1)).isoformat() if spec.overnight else None
        if spec.end is not None:   # بين السبت والأحد: the next such day after the first
            end = (day + dt.timedelta(days=(spec.end.weekday - day.weekday()) % 7 or 7)).isoformat()
        return _Value(day.isoformat(), "day", end, "overnight" if spec.overnight else spec.label)
    raise ValueError(f"unknown date expression kind {kind!r}")


# ---------------------------------------------------------------- public API


def parse_anchor(value: str | dt.date | None) -> dt.date | None:
    """A day-precise anchor from a date, 'YYYY-MM-DD' or an ISO date-time; None if coarser."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _candidates(text: str) -> tuple[list[_Cand], list[int]]:
    norm, offsets = _normalize(text)
    parser = _Parser(norm)
    cands: list[_Cand] = []
    for i, tok in enumerate(parser.toks):
        # only tokens that can open an expression: a number or a lexicon word
        if parser.kinds[i] or tok.text.isdigit():
            cands.extend(parser.parse_at(i))
    # every numeric date holds a digit, a separator and a digit, and starts at most three
    # characters before the first such triple: the pattern (a look-behind first, tried at
    # every character) is run from there, and not at all on text without one
    hint = _NUMERIC_HINT.search(norm)
    for m in _NUMERIC.finditer(norm, max(0, hint.start() - 3)) if hint else ():
        spec = _numeric_spec(m)
        if spec:
            cands.append(_Cand(m.start(), m.end(), spec))
    # English month names need a Latin letter (most Arabic articles have none): the
    # big case-insensitive pattern is not run over text that cannot hold one
    if _LATIN.search(norm):
        for m in _english_pattern().finditer(norm):
            cands.append(_Cand(m.start(), m.end(), _english_spec(m)))
    return cands, offsets


_LATIN = re.compile(r"[a-z]", re.IGNORECASE)   # also the letters that match a-z without case (ſ, K)


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Every date mention in ``text``, in order, with offsets into ``text``.

    Relative expressions are resolved against ``anchor`` (a ``datetime.date``);
    with no anchor they are still returned, with ``value=None`` and
    ``relative=True``. ``anchor`` on the mentions is "published" for relative
    ones (the caller may relabel it) and "absolute" otherwise.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates: text must be a str, got {type(text).__name__}")
    if anchor is not None and not isinstance(anchor, dt.date):
        raise TypeError(f"find_dates: anchor must be a datetime.date or None, got {anchor!r}")
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    cands, offsets = _sorted_candidates(text)
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    anaphoric: dict[int, int] = {}   # id of a mention -> its day offset from the previous date
    for c in cands:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        val = _resolve(c.spec, anchor)
        if val is None:
            continue
        taken.append((c.start, c.end))
        start, end = offsets[c.start], offsets[c.end - 1] + 1
        while end < len(text) and text[end] in _IGNORED:
            end += 1
        relative = c.spec.relative
        mentions.append(DateMention(
            start=start, end=end, text=text[start:end], value=val.value, grain=val.grain,
            anchor="published" if relative else "absolute", relative=relative,
            end_value=val.end_value, note=val.note))
        if c.spec.kind == "anaphor":
            anaphoric[id(mentions[-1])] = c.spec.n
    mentions.sort(key=lambda d: d.start)
    return _resolve_anaphors(mentions, anaphoric, anchor)


_recent_candidates: dict[str, tuple[list[_Cand], list[int]]] = {}
_RECENT_TEXTS = 8


def _sorted_candidates(text: str) -> tuple[list[_Cand], list[int]]:
    """``_candidates`` of ``text``, longest expressions first (a shorter one inside a longer
    one is part of it), kept for the last few texts: what a text says does not depend on
    the anchor, and the writing day of an undated article (``_writing_day``) or a page
    known to its month reads one text against up to ten anchors. (The candidates are
    only read, never changed, by ``find_dates``.)"""
    found = _recent_candidates.get(text)
    if found is None:
        cands, offsets = _candidates(text)
        cands.sort(key=lambda c: (-(c.end - c.start), c.start))
        if len(_recent_candidates) >= _RECENT_TEXTS:
            _recent_candidates.clear()
        found = _recent_candidates[text] = (cands, offsets)
    return found


def _resolve_anaphors(mentions: list[DateMention], anaphoric: dict[int, int],
                      anchor: dt.date | None) -> list[DateMention]:
    """"اليوم نفسه", "في اليوم التالي": the nearest earlier day mention, shifted; one whose
    antecedent waits for an anchor waits too (value None). With no day mention before
    it, "the same day" is the day of the news, the anchor ("وتأتي المكالمة في اليوم نفسه
    الذي ..."), and "the next day" names no date: it is dropped."""
    out: list[DateMention] = []
    for m in mentions:
        if id(m) in anaphoric:
            previous = next((p for p in reversed(out) if p.grain == "day"), None)
            if previous is None:
                if anaphoric[id(m)] != 0:
                    continue
                m.value = anchor.isoformat() if anchor else None
                m.note = "same day as the news: no earlier date in the text"
                out.append(m)
                continue
            if previous.value:
                day = dt.date.fromisoformat(previous.value[:10]) + dt.timedelta(days=anaphoric[id(m)])
                m.value, m.anchor = day.isoformat(), "text"
        out.append(m)
    return out


def tag_dates(article: Article) -> Article:
    """Pipeline stage: fill ``article.dates`` from ``article.text``.

    Relative mentions are resolved against the publication date when it is known
    to the day; otherwise they wait (value None, anchor "story") for
    :func:`resolve_with_story_date`.
    """
    anchor = parse_anchor(article.published)
    text = article.text or ""
    mentions = find_dates(text, anchor)
    if anchor is not None and _weekday_disagreements(mentions):
        # "اليوم الأحد" on a page dated Monday: the text was written on the Sunday
        anchor, mentions = _writing_day(text, anchor, _PUBLISHED_ANCHOR_DAYS)
    # "اليوم" in "المغرب الكبير اليوم" is the outlet's name, not a date
    in_name = _outlet_spans(text, article.outlet)
    mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in in_name)]
    for m in mentions:
        if m.relative and anchor is None:
            m.anchor = "story"
    if anchor is None:
        month = url_month(article.url)
        if month is not None:
            _resolve_within_month(text, mentions, *month)
    article.dates = mentions
    return article


# "/2025/02/slug" (a WordPress month permalink, a Blogger address): the page's month
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(?!\d{1,2}(?:[/.\-]|$))")


def url_month(url: str | None) -> tuple[int, int] | None:
    """The year and month a page's address gives without a day ("/2024/04/slug.html")."""
    m = _URL_MONTH.search(urlsplit(url).path) if url else None
    return (int(m.group(1)), int(m.group(2))) if m else None


def _resolve_within_month(text: str, mentions: list[DateMention], year: int, month: int) -> None:
    """A page known only to its month (from its address): the relative mentions that
    resolve alike against its first and its last day ("1 فبراير", "نوفمبر الماضي", "20 من
    الشهر الجاري") take that value, anchor "url"; the others ("أمس", "الخميس") still
    wait for the story's day."""
    first = dt.date(year, month, 1)
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    at_last = {(m.start, m.end): (m.value, m.end_value) for m in find_dates(text, last)}
    mine_at: dict[tuple[int, int], list[DateMention]] = {}
    for mine in mentions:
        mine_at.setdefault((mine.start, mine.end), []).append(mine)
    for m in find_dates(text, first):
        if not m.relative or m.value is None or at_last.get((m.start, m.end)) != (m.value, m.end_value):
            continue
        for mine in mine_at.get((m.start, m.end), ()):
            if mine.value is None:
                mine.value, mine.grain, mine.end_value, mine.anchor = m.value, m.grain, m.end_value, "url"
                mine.note = "month of the page's address"


def _outlet_spans(text: str, outlet: str | None) -> list[tuple[int, int]]:
    """Where the outlet's name (two words or more) occurs in ``text``."""
    if not outlet or len(outlet.split()) < 2:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(outlet.strip()), text)]


# The days around a story's date where an article without a publication date may
# have been written: a preview up to three days before, a report up to six days after.
_STORY_ANCHOR_DAYS = range(-3, 7)
# A page's date may be a day or more after the text was written ("اليوم الأحد" on a
# page dated Monday): the writer's day is looked for up to three days before it, and
# one day after it ("أمس الإثنين" on a page dated Monday: a date in another time zone,
# or the day the page was first made, then written into the next morning).
_PUBLISHED_ANCHOR_DAYS = range(-3, 2)


def _weekday_disagreements(mentions: list[DateMention]) -> int:
    """Relative mentions whose weekday is not the day they resolve to ("اليوم الخميس"
    read against a Tuesday)."""
    return sum(1 for m in mentions if m.relative and m.note and m.note.startswith("weekday "))


def _relative_days_on(mentions: list[DateMention], day: dt.date) -> int:
    """Relative day mentions of the text ("أمس"، "الخميس"، "اليوم") that resolve to ``day``."""
    iso = day.isoformat()
    return sum(1 for m in mentions if m.relative and m.grain == "day" and m.value == iso)


def _day_distance(delta: int) -> float:
    """How far a day ``delta`` days from the base is: a day after it before a day as far before it."""
    return abs(delta) + (0.5 if delta < 0 else 0)


_FAR = 10_000


def _days_off(value: str | None, day: dt.date) -> int:
    """How many days a mention's value is from ``day``: 0 when it is that day (or a month
    or year that holds it), ``_FAR`` when it has no value."""
    if not value:
        return _FAR
    if len(value) == 10:
        return abs((dt.date.fromisoformat(value) - day).days)
    return 0 if day.isoformat().startswith(value) else _FAR


def _writing_day(text: str, base: dt.date, days: range, main_span: tuple[int, int] | None = None,
                 main_day: dt.date | None = None) -> tuple[dt.date, list[DateMention]]:
    """Of the days ``base + d`` (d in ``days``), the one the text was most likely written
    on, with the text's mentions resolved against it: the fewest weekdays that disagree
    with it ("اليوم الخميس" is a Thursday, "أمس الأربعاء" too); then the mention at
    ``main_span`` resolving to ``main_day``, or the nearest to it (a bare "الاثنين" in a
    report of a Sunday story is the Monday after it, not the one six days before); then,
    given ``main_day``, the most relative day mentions resolving to it; then the least
    distance from ``base``, a day after it before a day as far before it."""
    best: tuple | None = None
    # the base day first: when nothing disagrees with it (most texts), no other day can win
    for delta in sorted(days, key=_day_distance):
        anchor = base + dt.timedelta(days=delta)
        mentions = find_dates(text, anchor)
        main_off = 0
        if main_span is not None:
            m = next((m for m in mentions if (m.start, m.end) == main_span), None)
            main_off = _days_off(m.value if m is not None else None, main_day or base)
        # a story's day is its event's: of the days left, the one under which most of the
        # text's relative days name that event's day («أمس» in a report of the day after)
        on_event = -_relative_days_on(mentions, main_day) if main_day is not None else 0
        key = (_weekday_disagreements(mentions), main_off, on_event, _day_distance(delta))
        if best is None or key < best[0]:
            best = (key, anchor, mentions)
        if key[:2] == (0, 0) and main_day is None:
            break       # the days after this one in the order are farther: none can beat it
    assert best is not None, "days must not be empty"
    return best[1], best[2]


def story_anchor(article: Article, story_day: dt.date) -> tuple[dt.date, list[DateMention]]:
    """The day an article without a publication date was written, from its story's
    date, and its mentions resolved against that day.

    The story's date is when its event happened, not when each article was written:
    "أمس الأربعاء" in a report of a Wednesday event was written on Thursday. Of the
    days around the story's date, the one chosen has (1) the fewest weekdays that
    disagree with it, (2) the article's main-event mention (its trigger's clause
    date, when relative) resolving to the story's date or the nearest to it, (3) the
    most relative day mentions resolving to the story's date ("أمس" in a report
    written the day after the event), (4) the least distance from the story's date
    (``_writing_day``)."""
    main = article.main_event
    main_span = None
    if main is not None and main.trigger is not None and article.dates:
        found = clause_date(article, main.trigger.start, main.trigger.end)
        if found is not None and found.relative:
            main_span = (found.start, found.end)
    return _writing_day(article.text or "", story_day, _STORY_ANCHOR_DAYS, main_span, story_day)


def resolve_with_story_date(article: Article, story_date: str) -> None:
    """Second pass for an article without a publication date: resolve its relative
    mentions against the day it was written, inferred from the date of the story
    it was clustered into (:func:`story_anchor`; anchor="story")."""
    story_day = parse_anchor(story_date)
    if story_day is None:
        raise ValueError(f"resolve_with_story_date: article {article.id}: story date "
                         f"{story_date!r} is not a YYYY-MM-DD day")
    _, mentions = story_anchor(article, story_day)
    resolved = {(m.start, m.end): m for m in mentions}
    for m in article.dates:
        if not m.relative:
            continue
        fresh = resolved.get((m.start, m.end))
        if fresh is not None:
            m.value, m.grain, m.end_value, m.note = fresh.value, fresh.grain, fresh.end_value, fresh.note
            m.anchor = "story"


# ---------------------------------------------------------------- dating events

_SENTENCE_END = re.compile(r"[.!?؟\n]")
_CLAUSE_BREAK = re.compile(r"[،,؛;:]")
_SUBORDINATE = re.compile(r"(?:^|\s)(?:و|ف)?(?:بعد|قبل|منذ|عقب|إثر|اثر)(?:\s|$)")


@lru_cache(maxsize=1)
def _complementizer() -> re.Pattern:
    """أن/إن/بأن as whole words: "أعلن الجيش الخميس أن القائد قتل الأربعاء" reports, on
    Thursday, a killing on Wednesday (temporal.json ``complementizers``)."""
    words = sorted(read_lexicon("temporal.json")["complementizers"], key=len, reverse=True)
    return re.compile(r"(?:^|\s)(?:و|ف)?(?:" + "|".join(map(re.escape, words)) + r")(?:\s|$)")


def _sentence_bounds(article: Article, pos: int) -> tuple[int, int]:
    sent = article.sentence_at(pos) if article.sentences else None
    if sent is not None:
        return sent.start, sent.end
    text = article.text
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, pos)), default=0)
    nxt = _SENTENCE_END.search(text, pos)
    return start, nxt.end() if nxt else len(text)


_DATE_CLAUSE_FILLER = re.compile(r"^(?:[\s\-–—()]|و|ف|في|وفي|يوم|منذ)*$")


def _clause_bounds(text: str, s_start: int, s_end: int, pos: int,
                   protected: list[DateMention]) -> tuple[int, int]:
    breaks = _clause_breaks(text, s_start, s_end, protected)
    start = max((b + 1 for b in breaks if b < pos), default=s_start)
    end = min((b for b in breaks if b >= pos), default=s_end)
    return start, end


_recent_breaks: dict[tuple, list[int]] = {}
_RECENT_SENTENCES = 256


def _clause_breaks(text: str, s_start: int, s_end: int, protected: list[DateMention]) -> list[int]:
    """The clause breaks of the sentence [s_start, s_end) of ``text`` with the date mentions
    ``protected`` in it, kept for the last few hundred sentences: every trigger of a
    sentence asks (``clause_date``), and again for each date it weighs
    (``_opens_temporal_clause``); only the mentions' spans count."""
    key = (text, s_start, s_end, tuple([(d.start, d.end) for d in protected]))
    breaks = _recent_breaks.get(key)
    if breaks is None:
        breaks = _find_clause_breaks(text, s_start, s_end, protected)
        if len(_recent_breaks) >= _RECENT_SENTENCES:
            _recent_breaks.clear()
        _recent_breaks[key] = breaks
    return breaks


def _find_clause_breaks(text: str, s_start: int, s_end: int, protected: list[DateMention]) -> list[int]:
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, s_start, s_end)
              if not any(d.start <= m.start() < d.end for d in protected)]
    # a segment that is only a date ("أطلقت إيران، مساء الثلاثاء، صواريخ"; "وفي 28 يناير،
    # التقى") belongs to the clause around it: its commas do not break it off
    edges = [s_start - 1, *breaks, s_end]
    joined: set[int] = set()
    for left, right in zip(edges, edges[1:]):
        inside = [d for d in protected if d.start > left and d.end <= right]
        if not inside:
            continue
        rest = text[left + 1:right]
        for d in sorted(inside, key=lambda d: d.start, reverse=True):
            rest = rest[:d.start - left - 1] + " " + rest[d.end - left - 1:]
        if _DATE_CLAUSE_FILLER.match(_normalized_text(rest).replace("،", " ")):
            joined.update(b for b in (left, right) if b in breaks)
    return [b for b in breaks if b not in joined]


def clause_date(article: Article, start: int, end: int) -> DateMention | None:
    """The date mention governing the clause of an event trigger at [start, end).

    A mention in the trigger's own clause wins, else the nearest one in the
    sentence; a comma-bounded segment that is only a date joins its neighbours.
    Deadlines never date an event, and a relative year (هذا العام) only when the
    sentence has no day or month mention; a named event's year ("احتجاجات 2011") never does.
    A mention inside a temporal subordinate clause of another event
    ("بعد سقوط نظامه في 8 ديسمبر الماضي، بدأت ...") does not date a trigger
    outside that clause. A longer span (from the sentence start to the
    trigger's clause, say) is read as ending at the trigger. None when the
    sentence has no usable date.
    """
    if not 0 <= start < end <= len(article.text):
        raise ValueError(f"clause_date: article {article.id}: span [{start}, {end}) is not a "
                         f"non-empty span of its text of {len(article.text)} characters")
    trigger = end - 1
    s_start, s_end = _sentence_bounds(article, trigger)
    in_sentence = [d for d in article.dates if d.start >= s_start and d.end <= s_end]
    # a deadline (حتى السبت، بحلول الخميس) is when something must happen, not when it did;
    # a named event's year ("احتجاجات 2011") is that event's, a background to the sentence
    usable = [d for d in in_sentence if d.note not in ("deadline", "named event")]
    has_finer = any(d.grain in ("day", "month") for d in usable)
    if not usable:
        return None
    text = article.text
    c_start, c_end = _clause_bounds(text, s_start, s_end, trigger, in_sentence)
    best, best_key = None, None
    for d in usable:
        # "في ثاني هجوم من نوعه هذا العام" frames the event; a day phrase dates it
        framing = has_finer and d.relative and d.grain == "year"
        same_clause = d.start >= c_start and d.end <= c_end
        if not same_clause and _opens_temporal_clause(text, s_start, s_end, d.start, in_sentence):
            continue
        distance = d.start - end if d.start >= end else max(0, min(start, trigger) - d.end)
        if start < d.start < end:
            distance = end - d.end   # inside a long span: count from its end, the trigger
        # a complementizer between the mention and the trigger: the mention dates the
        # other side (the report, or the reported event), so it yields to one that does not
        between = text[d.end:start] if d.end <= start else text[end:d.start] if d.start >= end else ""
        across = bool(_complementizer().search(_normalized_text(between)))
        key = (framing, across, not same_clause, max(distance, 0))
        if best_key is None or key < best_key:
            best, best_key = d, key
    return best


def in_temporal_clause(article: Article, mention: DateMention) -> bool:
    """Is ``mention`` inside a temporal subordinate clause (بعد، قبل، منذ، عقب، إثر …
    before it in its clause: «بعد تسلمه منصبه الجمعة الماضية»)? Such a day dates the
    other event the clause names, not the sentence's own."""
    s_start, s_end = _sentence_bounds(article, mention.start)
    in_sentence = [d for d in article.dates if d.start >= s_start and d.end <= s_end]
    return _opens_temporal_clause(article.text, s_start, s_end, mention.start, in_sentence)


def _opens_temporal_clause(text: str, s_start: int, s_end: int, pos: int, in_sentence: list[DateMention]) -> bool:
    """Whether a temporal subordinator (``_SUBORDINATE``) comes before ``pos`` in its clause."""
    c_start = _clause_bounds(text, s_start, s_end, pos, in_sentence)[0]
    return bool(_SUBORDINATE.search(text[c_start:pos]))


@lru_cache(maxsize=1)
def _today_phrases() -> frozenset[tuple[str, ...]]:
    """The lexicon's phrases for "today" (relday 0), looked up once: every trigger asks."""
    return frozenset(k for k, entries in _lexicon().phrases.items()
                     if any(e.kind == "relday" and e.value == 0 for e in entries))


@lru_cache(maxsize=4096)   # per date text: every trigger of an article asks about its dates
def _says_today(text: str) -> bool:
    """Do the words of a date mention hold one of the lexicon's "today" phrases?"""
    today = _today_phrases()
    words = tuple(_tokens_of(_normalize(text)[0]))
    return any(words[i:i + len(k)] == k for k in today for i in range(len(words)))


def default_event_date(article: Article) -> str | None:
    """The date of an event reported in the present tense with no date of its own:
    the text's resolved "today" (the day it was written: "اليوم الأحد" on a page dated
    Monday is the Sunday), else the publication date."""
    for d in article.dates:
        if not (d.relative and d.value and d.grain == "day"):
            continue            # (tested first: the words of every date were read for every trigger)
        if _says_today(d.text):
            return d.value[:10]
    anchor = parse_anchor(article.published)
    return anchor.isoformat() if anchor is not None else None
