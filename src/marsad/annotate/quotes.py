"""Quotes: direct speech in quote marks and reported speech (قال إن، أكد أن، أعرب عن).

Stage ``find_quotes(article) -> Article`` fills ``article.quotes``. The speaker is
the name right after the speech verb (Arabic is verb-first: قال بوتين إن …),
else the name right before it (بوتين قال …), else, for a verb with no named
subject (وأضاف أن …), the last speaker the article named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.annotate.event_lexicon import CueList, compile_cues, compile_words, cue_matches
from marsad.annotate.event_text import ArticleView, Mention
from marsad.data import read_lexicon
from marsad.model import Article, Quote

_SAID_STARTS = re.compile(r"(?<!\w)(?:[وف])?(?:ان|انه|انها|بان|بانه|بانها)(?!\w)|[«“\":]")
SUBJECT_WORDS = 8   # how far after a speech verb its subject may stand (titles come first)


@dataclass
class QuoteCues:
    marks: list[tuple[str, str]]
    speech: CueList
    express: CueList
    participles: CueList
    express_participles: CueList
    complementizers: list[re.Pattern[str]]
    min_words: int


@lru_cache(maxsize=1)
def load_quote_cues() -> QuoteCues:
    raw = read_lexicon("quote_cues.json")
    return QuoteCues(
        marks=[(o, c) for o, c in raw["quote_marks"]],
        speech=compile_cues(raw["speech_verbs"]),
        express=compile_cues(raw["express_verbs"]),
        participles=compile_cues(raw.get("participles", [])),
        express_participles=compile_cues(raw.get("express_participles", [])),
        complementizers=[compile_words(v) for v in raw["complementizers"]],
        min_words=int(raw.get("min_words", 3)))


def find_quotes(article: Article) -> Article:
    """Fill ``article.quotes`` (direct and reported speech, in text order)."""
    if not isinstance(article, Article):
        raise TypeError(f"find_quotes expects an Article, got {type(article).__name__}")
    article.quotes = []
    if not article.text:
        return article
    cues = load_quote_cues()
    view = ArticleView.of(article)
    direct = _direct_spans(article.text, cues)
    found: list[Quote] = []
    last_speaker: Mention | None = None
    for sent in article.sentences or []:
        ns, ne = view.sentence_norm(sent)
        verbs = _speech_verbs(view, cues, ns, ne)
        sent_quotes: list[tuple[int, int, Mention | None, str | None, bool]] = []
        # a verb's speaker and the speech after it, worked out once per sentence
        speakers: dict[tuple, Mention | None] = {}
        to_end: dict[tuple, tuple[int, int] | None] = {}

        def said_by(v, sent=sent, speakers=speakers):
            if v not in speakers:
                speakers[v] = _speaker(view, v, sent.start, sent.end)
            return speakers[v]

        def reported(v, stop, to_end=to_end, ne=ne):
            if stop != ne:
                return _reported_span(view, cues, v, stop)
            if v not in to_end:
                to_end[v] = _reported_span(view, cues, v, ne)
            return to_end[v]

        for qs, qe in [d for d in direct if sent.start <= d[0] < sent.end]:
            nq = view.to_norm(qs)
            before = [v for v in verbs if v[1] <= nq]
            after = [v for v in verbs if v[0] >= view.to_norm(qe)]
            verb = before[-1] if before else (after[0] if after else None)
            if verb is None and _word_count(article.text[qs:qe]) < 2 * cues.min_words:
                continue                         # a name or a scare quote, not speech
            speaker = said_by(verb) if verb else None
            cue = view.text[slice(*view.to_original(verb[0], verb[1]))] if verb else None
            sent_quotes.append((qs, qe, speaker, cue, True))
        for k, v in enumerate(verbs):
            # what is said runs to the next speech verb (…، مؤكدا أن …) or the sentence end
            stop = next((w[0] for w in verbs[k + 1:]
                         if w[0] > v[1] and reported(w, ne) is not None), ne)
            span = reported(v, stop)
            if span is None:
                continue
            qs, qe = span
            if any(a < qe and qs < b for a, b, *_ in sent_quotes):
                continue                         # the direct quote already covers it
            speaker = said_by(v)
            sent_quotes.append((qs, qe, speaker, view.text[slice(*view.to_original(v[0], v[1]))], False))
        sentence_speaker = next((sp for *_, sp in (_subject_speakers(verbs, said_by))), None)
        previous: Mention | None = None
        for qs, qe, speaker, cue, is_direct in sorted(sent_quotes):
            if speaker is None and cue is not None:
                # وأضاف أن … / مؤكدا أن …: the same speaker goes on
                speaker = previous or sentence_speaker or last_speaker
            previous = speaker or previous
            if speaker is not None:
                last_speaker = speaker
            found.append(Quote(start=qs, end=qe, text=article.text[qs:qe],
                               speaker=speaker.entity.actor() if speaker else None,
                               cue=cue, direct=is_direct))
    article.quotes = found
    return article


def _subject_speakers(verbs, said_by):
    """Speakers named by the sentence's finite speech verbs, in order."""
    for v in verbs:
        if not v[3]:
            sp = said_by(v)
            if sp is not None:
                yield v, sp


_WORDS = re.compile(r"\w+")


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


@lru_cache(maxsize=1)
def _about() -> re.Pattern[str]:
    """عن after an expressing verb (أعرب عن): compiled once, not for every verb."""
    return compile_words("عن")


def _direct_spans(text: str, cues: QuoteCues) -> list[tuple[int, int]]:
    """Inside-the-marks spans of quotes with at least ``min_words`` words."""
    spans: list[tuple[int, int]] = []
    for open_mark, close_mark in cues.marks:
        i = 0
        while True:
            s = text.find(open_mark, i)
            if s < 0:
                break
            e = text.find(close_mark, s + 1)
            if e < 0:
                break
            inner = text[s + 1:e]
            if "\n" not in inner and _word_count(inner) >= cues.min_words:
                spans.append((s + 1, e))
            i = e + 1
    spans.sort()
    kept: list[tuple[int, int]] = []
    for sp in spans:
        if not kept or sp[0] >= kept[-1][1]:
            kept.append(sp)
    return kept


def _speech_verbs(view: ArticleView, cues: QuoteCues, ns: int, ne: int) -> list[tuple[int, int, bool, bool]]:
    """(nstart, nend, expresses, participle) for every speech verb in a sentence, in order."""
    out = []
    sentence = view.ntext[ns:ne]
    for group, express, participle in ((cues.speech, False, False), (cues.express, True, False),
                                       (cues.participles, False, True),
                                       (cues.express_participles, True, True)):
        for pat, starts in group.active_starts(sentence):
            out.extend((m.start(), m.end(), express, participle)
                       for m in cue_matches(pat, view.ntext, ns, ns, ne, starts))
    out.sort()
    dedup: list[tuple[int, int, bool, bool]] = []
    for v in out:
        if dedup and v[0] < dedup[-1][1]:
            if v[2]:
                dedup[-1] = v
            continue
        dedup.append(v)
    return dedup


def _reported_span(view: ArticleView, cues: QuoteCues, verb: tuple[int, int, bool, bool], ne: int
                   ) -> tuple[int, int] | None:
    """Reported speech after a speech verb: from after أن/إن (or عن for أعرب)
    a few words on, to the end of the sentence."""
    limit = view.window(verb[1], verb[1], SUBJECT_WORDS + 1, verb[1], ne)[1]
    best = None
    pats = cues.complementizers + ([_about()] if verb[2] else [])
    for pat in pats:
        m = pat.search(view.ntext, verb[1], limit)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    start = view.to_original(best.end(), best.end())[0]
    end = view.to_original(ne, ne)[0] if ne < len(view.ntext) else len(view.text)
    text = view.text[start:end]
    lead = len(text) - len(text.lstrip(" ،,:"))
    trail = len(text.rstrip(" .،,؛:\n"))
    if _word_count(text) < 2:
        return None
    return start + lead, start + trail


def _speaker(view: ArticleView, verb: tuple[int, int, bool, bool], sent_start: int, sent_end: int
             ) -> Mention | None:
    if verb[3]:
        return None                  # مؤكدا أن …: the speaker of the sentence goes on
    vs, ve = view.to_original(verb[0], verb[1])
    mentions = view.mentions(sent_start, sent_end)
    limit = view.to_original(*view.window(verb[1], verb[1], SUBJECT_WORDS, verb[1], len(view.ntext)))[1]
    # the subject stands before what is said: stop at إن/أن or a quote mark
    said = _SAID_STARTS.search(view.ntext, verb[1], view.to_norm(limit))
    if said:
        limit = min(limit, view.to_original(said.start(), said.start())[0])
    word = view.ntext[verb[0]:verb[1]]
    if not word.endswith(("قوله", "قولها")):
        after = [m for m in mentions if ve <= m.start < limit]
        for m in after:
            if view.preposition_before(m.start, floor=ve, lookback=3) is None:
                return m
        for m in after:              # وصف بيان صادر عن [الكرملين]: the statement's author
            if view.preposition_before(m.start, floor=ve, lookback=3) == "عن":
                return m
    before = [m for m in reversed(mentions) if m.end <= vs]
    if before and view.words_between(view.to_norm(before[0].end), verb[0]) <= 3:
        return before[0]
    return None
