"""The event coder's trigger index never skips a pattern that matches."""

from __future__ import annotations

import re

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


def _every_cue_list():
    from marsad.annotate.quotes import load_quote_cues
    lex = load_lexicon()
    q = load_quote_cues()
    lists = [*lex.modality.values(), lex.attribution, lex.background, lex.passive_agent, lex.frame,
             *lex.domains.values(), q.speech, q.express, q.participles, q.express_participles]
    return lists + [e.negative for e in lex.entries if e.negative]


def _pattern(cue):
    return cue if isinstance(cue, re.Pattern) else cue.pattern


def test_cues_tried_at_word_starts_find_what_finditer_finds():
    from marsad.annotate.event_lexicon import cue_matches, cue_search
    lists = _every_cue_list()
    compared = found = 0
    texts = [normalize(p.read_text(encoding="utf-8")).text for p in sorted(corpus_path().glob("*.txt"))[:12]]
    texts.append(normalize("وقال المتحدث إن الوزير لن يزور البلاد، بحسب ما نقلت عنه وكالة الأنباء.").text)
    for text in texts:
        lo = 0
        for line in text.split("\n"):
            hi = lo + len(line)
            # the whole sentence, its halves and a range starting inside a word
            ranges = [(lo, hi), (lo, lo + len(line) // 2), (lo + len(line) // 2, hi), (min(lo + 3, hi), hi)]
            for cues in lists:
                for cue, starts in cues.active_starts(line):
                    pat = _pattern(cue)
                    for a, b in ranges:
                        want = [m.span() for m in pat.finditer(text, a, b)]
                        assert [m.span() for m in cue_matches(pat, text, lo, a, b, starts)] == want
                        got = cue_search(pat, text, lo, a, b, starts)
                        assert (got.span() if got else None) == (want[0] if want else None)
                        compared += 1
                        found += bool(want)
                assert [c for c, _ in cues.active_starts(line)] == cues.active(line)
            lo = hi + 1
    assert compared > 100 and found > 20


def test_a_cue_opening_with_a_non_word_character_is_tried_anywhere():
    from marsad.annotate.event_lexicon import compile_cues, cue_matches
    cues = compile_cues(["-قال", "أكد"])
    text = normalize("وقد أكد الوزير، -قال المصدر").text
    (first, any_start), (second, starts) = cues.active_starts(text)
    assert first is cues[0] and any_start is None       # (a match starts at the dash)
    assert second is cues[1] and starts == [text.index("اكد")]
    for pat, s in ((first, any_start), (second, starts)):
        assert [m.span() for m in cue_matches(pat, text, 0, 0, len(text), s)] == \
            [m.span() for m in pat.finditer(text)] != []


def test_word_finder_finds_every_word_a_text_holds():
    import random

    from marsad.annotate.event_lexicon import WordFinder
    finder = WordFinder()
    words = ["ل", "ب", "ال", "الا", "لا", "اتفاق", "اتفاقي", "ه", "قد", "دعا", "ab"]
    finder.add(words)
    rnd = random.Random(7)
    letters = "البلاتفاقيهدعوab "
    for _ in range(2000):
        text = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 40)))
        assert finder.present(text) == {w for w in words if w in text}, text
    finder.add(["دعوة"])          # a new word rebuilds the automaton
    assert finder.present("دعوة ل") == {"دعوة", "ل"}
