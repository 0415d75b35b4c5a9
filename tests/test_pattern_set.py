"""PatternSet.any_match is any(p.search(text)) exactly, while running few patterns."""

from __future__ import annotations

import random
import re

from marsad.text.lexicon import lexicon
from marsad.text.pattern_set import _CASELESS, _LATIN, GatedPattern, MemoMatch, PatternSet, _first_chars, _required
from re import _parser


def _items(pattern: str) -> list:
    return list(_parser.parse(pattern, re.IGNORECASE | re.UNICODE))


def test_first_characters_and_required_strings_are_read_from_the_pattern():
    assert _first_chars(_items(r"(?:اقرأ|شاهد)\s")) == {"ا", "ش"}
    assert _first_chars(_items(r"\d+ تعليق")) is None
    assert _first_chars(_items(r"(?:Home|الرئيسية)")) is None       # H has case
    assert _first_chars(_items(r"(?:|ب)ج")) is None                 # an empty branch
    assert _required(_items(r"(?:بموجب|وفق)\s*قانون\s+حقوق")) == {"قانون"}
    assert _required(_items(r"(?:^|\s)ه{4,}")) == {"هههه"}
    assert _required(_items(r"(?:صورة|تصوير)\s*:")) == {"صورة", "تصوير"}
    assert _required(_items(r"(?:cookies|الكوكيز)")) == {"cookies", "الكوكيز"}
    assert _required(_items(r"(?:cookiés|الكوكيز)")) == {"cooki", "الكوكيز"}    # é: the run stops
    assert _required(_items(r"\w+")) is None


def test_any_match_equals_searching_every_pattern():
    patterns = lexicon().junk_patterns + [re.compile(p, re.IGNORECASE) for p in (
        r"^(?:تابعونا|Follow)\s", r"^\s*ملاحظة", r"ممنوع(?=\s)", r"^(?:أ|ب)?ت$", r"(?i:COOKIES)",
        r"^\d(ه)\1", r"^\d+ تعليق$", r"^.{0,3}الحقوق")]
    found = PatternSet(patterns)
    lines = [
        "اقرأ أيضا: عنوان خبر آخر", "تابعونا على فيسبوك", "FOLLOW us", "follow us", "هههههه", "ضحك هههه هنا",
        "الصورة: مصور الوكالة", "قال الوزير إن الحكومة ستعلن القرار غدا.", "جميع الحقوق محفوظة", "© 2025",
        "Copyright 2025", "COOKİES", "الكوكيز", "12 تعليق", "https://example.org/a", "www.example.org",
        "", " ", "ت", "أت", "ملاحظة مهمة", "  ملاحظة", "الرئيسية > سياسة > عربي", "حجم الخط: A+ A-",
        "بموجب المادة 12 من قانون حقوق المؤلف", "عدد المشاهدات: 120", "قبل 3 ساعات", "5 دقائق للقراءة", "1هه", "1هو", "ab الحقوق",
    ]
    rnd = random.Random(3)
    words = [w for line in lines for w in line.split()] + ["«", "»", "|", "/", ">", ":", "ممنوع", "\u0130"]
    lines += [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    for line in lines:
        assert found.any_match(line) == any(p.search(line) for p in patterns), line
    assert found._by_first and found._others   # most anchored patterns are indexed
    assert found._anchored and any(p.pattern == r"^\d(ه)\1" for p, _, _ in found._others)  # a back-reference apart


def test_caseless_characters_match_only_themselves_and_latin_covers_ascii_letters():
    import sys
    every = [chr(cp) for cp in range(sys.maxunicode + 1)]
    caseless = {c for c in every if _CASELESS.fullmatch(c)}
    assert "ب" in caseless and "©" in caseless and "—" in caseless and "a" not in caseless and "µ" not in caseless
    together = re.compile("[" + "".join(map(re.escape, sorted(caseless))) + "]", re.IGNORECASE)
    assert {c for c in every if together.match(c)} == caseless
    letters = re.compile("[A-Za-z]", re.IGNORECASE)
    assert {c for c in every if letters.match(c)} <= {c for c in every if _LATIN.match(c)}


def test_gated_pattern_searches_as_the_pattern_does():
    from marsad.text.boilerplate import _EMBEDDED
    lex = lexicon()
    patterns = [lex.end_marker, lex.widget_tail, _EMBEDDED, re.compile(r"\w+"), re.compile(r"(?i:pic)\.tw"),
                re.compile(r"(?:عاجل|Breaking)\s*:", re.IGNORECASE)]
    lines = ["... عبر التفاوض. انتهى/25", "(انتهى)", "انتهي", "5 دقائق للقراءة", "3 د قراءة ", "نص عادي",
             "— Name (@handle) May 2, 2025", "pic.twitter.com/abc", "PIC.TWITTER.COM/x", "\u0130 pıc.tw",
             "View this post on Instagram", "عرض هذا المنشور على إنستغرام", "BREAKING: x", "عاجل: خبر", ""]
    rnd = random.Random(5)
    words = [w for line in lines for w in line.split()] + ["(@", ")", "/", ".", "ſ", "K"]
    lines += [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 10))) for _ in range(3000)]
    for pattern in patterns:
        gated = GatedPattern(pattern)
        for line in lines:
            want, got = pattern.search(line), gated.search(line)
            assert (want and want.span()) == (got and got.span()), (pattern.pattern, line)
    assert GatedPattern(lex.end_marker)._plain    # the marker's word is read from the pattern
    assert GatedPattern(re.compile(r"\w+"))._plain is None


def test_memo_match_tells_whether_the_pattern_matches():
    pattern = re.compile(r"^[\s\"'“”«»‘’\-–ـ]*$")
    memo = MemoMatch(pattern, cap=8)
    for text in [" ", " « ", "، ", "", "a", " \n", "\n", "ـ", " - "] * 3:
        assert memo.match(text) is (pattern.match(text) is not None), text
    assert memo.pattern is pattern and memo.search(" ").span() == (0, 1) and memo.flags == pattern.flags
