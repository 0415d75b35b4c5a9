"""Arabic-aware tokens: words with offsets, and their proclitic-stripped forms.

A token is a run of letters and digits, with the marks that belong to a word
(diacritics, tatweel, zero-width non-joiner) inside it; Arabic punctuation
(، ؛ ؟ ٪) is never part of a word. ``clitic_variants`` gives the forms a word
may be matched under once its proclitics (و ف ب ل ك س and the article ال)
are detached; ``split_proclitics`` says where they end, for offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import normalize_key

# Letters/digits (\w without "_"), Arabic marks, tatweel, ZWNJ; inner - ' ’ join.
_LETTER = r"[^\W_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c]"
_WORD = re.compile(rf"(?:{_LETTER})+(?:[-'’](?:{_LETTER})+)*")

# The conjunctions written onto the next word (وقال، فإن)
CONJUNCTIONS = ("و", "ف")
# Proclitic sequences, longest first: conjunction (و ف), preposition (ب ل ك),
# future marker (س) and the article (ال). ل + ال is written لل.
_PROCLITICS = sorted(
    {"و", "ف", "ب", "ل", "ك", "س", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل",
     "وبال", "فبال", "وكال", "وب", "فب", "ول", "فل", "وك", "فك", "وس", "فس"},
    key=len, reverse=True)
_MIN_STEM = 2


@dataclass
class Token:
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return normalize_key(self.text)


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with their offsets (``text[t.start:t.end] == t.text``)."""
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def token_texts(text: str) -> list[str]:
    """The words of ``tokenize`` as strings only (no match or Token made for each word)."""
    return _WORD.findall(text)


def token_spans(text: str):
    """The words of ``tokenize`` as regex matches (no Token made for each word)."""
    return _WORD.finditer(text)


def clitic_variants(word: str) -> list[str]:
    """The normalized word and every form with a leading proclitic sequence removed
    (وبالرئيس → بالرئيس… الرئيس, رئيس), keeping stems of at least two letters."""
    return list(_clitic_forms(word))


# Words repeat (a vocabulary of a few thousand covers most of the news) and the
# entity linker asks for every word's forms: compute each word's forms once.
@lru_cache(maxsize=65536)
def _clitic_forms(word: str) -> tuple[str, ...]:
    key = normalize_key(word)
    forms = [key]
    for p in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= _MIN_STEM:
            stem = key[len(p):]
            if stem not in forms:
                forms.append(stem)
            if p.endswith("لل") and not stem.startswith("ال"):
                # لل + noun: the article's alef was dropped
                with_article = "ال" + stem
                if with_article not in forms:
                    forms.append(with_article)
    return tuple(forms)


def split_proclitics(token: Token) -> list[tuple[Token, Token]]:
    """Every (proclitics, rest) split of a token, longest proclitic first, with offsets
    in the original text: ``وبالرئيس`` → (وبال, رئيس), (وب, الرئيس), (و, بالرئيس)…
    Marks and tatweel inside the prefix are kept with it."""
    letters = [(i, ch) for i, ch in enumerate(token.text) if normalize_key(ch)]
    key = "".join(normalize_key(ch) for _, ch in letters)
    out = []
    for p in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= _MIN_STEM:
            cut = letters[len(p)][0]
            out.append((Token(token.start, token.start + cut, token.text[:cut]),
                        Token(token.start + cut, token.end, token.text[cut:])))
    return out
