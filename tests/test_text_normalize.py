"""Normalization for matching with offsets back to the original, tokens, sentences."""

from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.text.normalize import normalize, normalize_key
from marsad.text.sentences import segment, split_sentences
from marsad.text.tokens import clitic_variants, split_proclitics, tokenize


@pytest.mark.parametrize("raw, key", [
    ("أحمد", "احمد"), ("إبراهيم", "ابراهيم"), ("آمال", "امال"), ("ٱلله", "الله"),
    ("مستشفى", "مستشفي"), ("مدينة", "مدينه"), ("مسؤول", "مسوول"), ("رئيس", "رييس"),
    ("الرئيـــس", "الرييس"), ("مُحَمَّدٌ", "محمد"), ("پاکستان", "باكستان"), ("گزارش", "كزارش"),
    ("٢٠٢٥", "2025"), ("۱۴۰۳", "1403"), ("ﻻ", "لا"), ("ﺍﻟﺴﻼﻡ", "السلام"),
    ("حد\u200bيقة", "حديقه"), ("\u202bنص\u202c", "نص"), ("كلمة\u00a0أخرى", "كلمه اخري"), ("٪٥٠", "%50"),
])
def test_normalize_key(raw, key):
    assert normalize_key(raw) == key


def test_offsets_map_back_to_the_original():
    text = "قال الرئيـــسُ \u200bأحمد: «ﻻ تراجع» في ٢٠٢٥."
    norm = normalize(text)
    for word in ("الرييس", "احمد", "لا تراجع", "2025"):
        start = norm.text.index(word)
        a, b = norm.to_original(start, start + len(word))
        assert normalize_key(text[a:b]) == word, (word, text[a:b])
    a, b = norm.to_original(norm.text.index("احمد"), norm.text.index("احمد") + 4)
    assert text[a:b] == "أحمد"
    assert len(norm.origin) == len(norm.text) + 1


def test_tokens_keep_offsets_and_leave_punctuation_out():
    text = "قال الرئيسُ، الأربعاء؛ إن ٥٠٪ من co-operation تمت؟"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قال", "الرئيسُ", "الأربعاء", "إن", "٥٠", "من", "co-operation", "تمت"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_proclitics_detach_for_matching():
    assert "الرييس" in clitic_variants("وبالرئيس") and "رييس" in clitic_variants("وبالرئيس")
    assert "المدينه" in clitic_variants("للمدينة")
    assert clitic_variants("من") == ["من"]
    token = tokenize("ثم وبالرئيس")[1]
    splits = {(p.text, r.text) for p, r in split_proclitics(token)}
    assert ("وب", "الرئيس") in splits and ("وبال", "رئيس") in splits
    for prefix, rest in split_proclitics(token):
        assert prefix.end == rest.start and "ثم وبالرئيس"[rest.start:rest.end] == rest.text


def test_sentences():
    text = ("قال د. سامي إن النمو بلغ 3.5 في المئة. وأضاف: «الوضع جيد. ونحن متفائلون». هل يستمر ذلك؟ ربما!\n"
            "فقرة بلا نقطة في آخرها\n"
            "وقال مسؤول U.S. إن \"الأمر انتهى. تماماً\" أمس…")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "قال د. سامي إن النمو بلغ 3.5 في المئة.", "وأضاف: «الوضع جيد. ونحن متفائلون».", "هل يستمر ذلك؟",
        "ربما!", "فقرة بلا نقطة في آخرها", "وقال مسؤول U.S. إن \"الأمر انتهى. تماماً\" أمس…"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_commas_do_not_end_sentences_and_unbalanced_quotes_do_not_swallow_text():
    assert len(split_sentences("أولاً، ثانياً؛ ثالثاً.")) == 1
    assert len(split_sentences("قال «بدأ الأمر. ثم انتهى. وهكذا")) == 3


def test_segment_stage():
    art = segment(Article(id="s", text="جملة أولى. جملة ثانية."))
    assert [s.text for s in art.sentences] == ["جملة أولى.", "جملة ثانية."]


def _normalize_char_by_char(text):
    """The definition ``normalize`` must keep: each character's replacement, in order."""
    from marsad.text.normalize import normalize_char
    out, origin = [], []
    for i, ch in enumerate(text):
        for r in normalize_char(ch):
            out.append(r)
            origin.append(i)
    return "".join(out), origin + [len(text)]


@pytest.mark.parametrize("text", [
    "", "abc", "الرئيـــسُ", "\u200bأحمد\u200c", "ﻻ ﺍﻟﺴﻼﻡ", "مُحَمَّدٌ في ٢٠٢٥", "ـــ", "ﷺ نص",
    "قال الرئيـــسُ \u200bأحمد: «ﻻ تراجع» في ٢٠٢٥.", "\ufdd0\ufbc2 نص",
])
def test_normalize_equals_its_character_by_character_definition(text):
    norm = normalize(text)
    assert (norm.text, norm.origin) == _normalize_char_by_char(text)


def test_unassigned_presentation_code_points_are_kept_not_a_crash():
    # NFKC leaves unassigned code points unchanged: normalizing them recursed forever
    assert normalize_key("\ufdd0نص\ufbc2") == "\ufdd0نص\ufbc2"


def test_phrase_key_strips_what_the_edge_regex_stripped():
    import re
    import sys
    from marsad.text.lexicon import SPACES, phrase_key
    assert set(SPACES) == {c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c)}
    edge = re.compile(r"^[\s:：.،,؛;|•·*#»«>\-–—_]+|[\s:：.،,؛;|•·*#»«>\-–—_]+$")
    from marsad.text.normalize import normalize_key
    for text in ["", " - ", "• اقرأ أيضا: ", "عاجل |", "::", "نص عادي", "— الرئيس السوري —\u00a0", "a.b."]:
        assert phrase_key(text) == edge.sub("", normalize_key(text.replace("ً", "")))


def test_translation_and_key_spaces_equal_their_definitions():
    # ``Translation`` replaces character after character (long text) or the characters a
    # regex found (short text); ``normalize_key`` collapses spaces with str.split: both
    # must give what str.translate and a ``\s+`` regex give
    import random
    import re
    from marsad.text.normalize import _TABLE, Translation, _key
    rnd = random.Random(7)
    table = dict(_TABLE)
    alphabet = [chr(o) for o in table] + list("ابتث جح abc 12\u00a0\t\n") + ["ﻻ"]
    tr = Translation(table)
    for n in [0, 1, 5, 40, 255, 256, 257, 900] * 30:
        text = "".join(rnd.choice(alphabet) for _ in range(n))
        assert tr(text) == text.translate(table)
        folded = text.translate(table) if "ﻻ" not in text else None
        if folded is not None:
            assert _key(text) == re.sub(r"\s+", " ", folded).strip().casefold()
    # a table whose replacement holds a replaced character is not replaced in sequence
    chained = Translation(str.maketrans({"a": "b", "b": "c"}))
    assert chained("ab" * 200) == ("ab" * 200).translate(str.maketrans({"a": "b", "b": "c"})) == "bc" * 200
