"""Sentence segmentation with offsets into ``article.text``.

A sentence ends at . ! ? ؟ … or the end of a line (a paragraph), followed by
any closing quotes or brackets. Not an end: a period inside a number (3.5,
2025.02.12), after an abbreviation or a single letter (د. ، أ. ، U.S.), or
inside a quotation that closes later in the same paragraph (« … » “ … ”),
so that quoted speech stays in the sentence that cites it. "،" and "؛" join
clauses in Arabic prose and never end a sentence.
"""

from __future__ import annotations

import re

from marsad.model import Article, Sentence

_ENDERS = ".!?؟…"
_CLOSERS = "\"'”’»)]}"
_OPENERS = {"«": "»", "“": "”", "„": "”", "‘": "’", "(": ")"}
# Abbreviations that take a period in Arabic and English news.
_ABBREVIATIONS = {"د", "أ", "م", "ص", "ق", "ه", "هـ", "ج", "س", "ت", "ش", "mr", "mrs", "ms", "dr", "prof",
                  "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "gen", "col", "lt", "sgt", "u.s",
                  "u.k", "u.n", "a.m", "p.m", "i.e", "e.g", "ا.د", "أ.د"}
_QUOTE_SPAN = 600   # a quotation longer than this is taken as unbalanced
# the characters ``split_spans`` acts on: it jumps from one to the next, not letter by letter
_SPECIAL = re.compile("[" + re.escape("\n\"" + "".join(_OPENERS) + "".join(_OPENERS.values()) + _ENDERS) + "]")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _open_quote_closes(text: str, pos: int, closer: str) -> bool:
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text.find(closer, pos, min(end, pos + _QUOTE_SPAN)) >= 0


def split_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, leading and trailing spaces excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    quote_stack: list[str] = []
    i, n = 0, len(text)
    while i < n:
        m = _SPECIAL.search(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == "\n":
            spans.append((start, i))
            start, quote_stack = i + 1, []
        elif ch in _OPENERS and _open_quote_closes(text, i + 1, _OPENERS[ch]):
            quote_stack.append(_OPENERS[ch])
        elif quote_stack and ch == quote_stack[-1]:
            quote_stack.pop()
        elif ch == '"':
            # straight quotes open or close by context
            if quote_stack and quote_stack[-1] == '"':
                quote_stack.pop()
            elif _open_quote_closes(text, i + 1, '"'):
                quote_stack.append('"')
        elif ch in _ENDERS and not quote_stack:
            if ch == "." and (
                    (i + 1 < n and text[i + 1].isdigit() and i > 0 and text[i - 1].isdigit())
                    or _is_abbreviation(text, i) or (i + 1 < n and text[i + 1] == ".")):
                i += 1
                continue
            j = i + 1
            while j < n and (text[j] in _ENDERS or text[j] in _CLOSERS):
                j += 1
            if j < n and not text[j].isspace():
                i = j          # "3.5", "a.b": no space after, no sentence end
                continue
            spans.append((start, j))
            start = j
            i = j
            continue
        i += 1
    spans.append((start, n))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[Sentence]:
    return [Sentence(s, e, text[s:e]) for s, e in split_spans(text)]


def segment(article: Article) -> Article:
    """The sentences stage: fills ``article.sentences`` from ``article.text``."""
    article.sentences = split_sentences(article.text)
    return article
