"""Arabic-aware tokens: words with offsets, and their proclitic-stripped forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import normalize_key

_WORD = re.compile(r"[\w\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+(?:[-'’][\w\u0600-\u06FF]+)*", re.UNICODE)

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
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def clitic_variants(word: str) -> list[str]:
    """The normalized word and every form with a leading proclitic sequence removed
    (وبالرئيس → بالرئيس… الرئيس, رئيس), keeping stems of at least two letters."""
    key = normalize_key(word)
    forms = [key]
    for p in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= _MIN_STEM:
            stem = key[len(p):]
            if stem not in forms:
                forms.append(stem)
            if p.endswith("ل") and p != "ال" and not stem.startswith("ال"):
                # لل + noun: the article's alef was dropped
                with_article = "ال" + stem
                if p.endswith("لل") and with_article not in forms:
                    forms.append(with_article)
    return forms
