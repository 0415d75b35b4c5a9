"""The event coder's trigger index never skips a pattern that matches."""

from __future__ import annotations

from marsad.annotate.event_lexicon import load_lexicon
from marsad.demo import corpus_path
from marsad.text.normalize import normalize


def test_every_matching_pattern_is_among_the_candidates():
    lex = load_lexicon()
    checked = matched = 0
    for path in sorted(corpus_path().glob("*.txt"))[:12]:
        text = normalize(path.read_text(encoding="utf-8")).text
        for line in text.splitlines():
            candidates = {id(pat) for _, _, pat in lex.patterns_in(line)}
            for entry in lex.entries:
                for _, _, pat, _ in entry.patterns:
                    checked += 1
                    if pat.search(line):
                        matched += 1
                        assert id(pat) in candidates, (entry.id, pat.pattern[:60], line[:80])
    assert checked and matched > 20


def test_candidates_come_in_lexicon_order_and_skip_absent_stems():
    lex = load_lexicon()
    order = {id(pat): n for n, pat in enumerate(p for e in lex.entries for _, _, p, _ in e.patterns)}
    found = [order[id(pat)] for _, _, pat in lex.patterns_in(normalize("استقبل الرئيس نظيره وبحثا التعاون").text)]
    assert found == sorted(found) and found
    assert lex.patterns_in("") == []


def test_a_cue_list_keeps_every_cue_that_matches():
    from marsad.annotate.event_lexicon import compile_cues
    cues = compile_cues(["وفق", "نقلت عن|نقل عن", "بحسب * مصادر"])
    assert len(cues) == 3 and all(hasattr(c, "search") for c in cues)
    text = normalize("وقال المتحدث بحسب ما نقلت عنه المصادر وفقا للبيان").text
    active = cues.active(text)
    for pat in cues:
        if pat.search(text):
            assert pat in active
    assert cues[1] in active and cues[2] in active
    assert cues.active(normalize("لا شيء هنا").text) == []
    assert compile_cues([]).active("أي نص") == []


def test_patterns_tried_at_word_starts_find_what_finditer_finds():
    from marsad.annotate.event_lexicon import iter_matches
    lex = load_lexicon()
    compared = 0
    for path in sorted(corpus_path().glob("*.txt"))[:12]:
        text = normalize(path.read_text(encoding="utf-8")).text
        lo = 0
        for line in text.split("\n"):
            hi = lo + len(line)
            for _, _, pat, starts in lex.candidates_in(line):
                assert [m.span() for m in iter_matches(pat, text, lo, hi, starts)] == \
                    [m.span() for m in pat.finditer(text, lo, hi)]
                compared += 1
            lo = hi + 1
    assert compared > 100
