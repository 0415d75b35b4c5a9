"""Consistent, news-style romanization of Arabic personal names the base does not know.

Arabic script leaves short vowels out, so no rule recovers every name's usual
English spelling; what matters is that the same Arabic name always gives the
same English one, and that it reads like a news spelling. Given names and
particles come from a data table (``data/kb/given_names.json``: محمد → Mohammed,
أبو → Abu); other words are transliterated letter by letter with an ``a`` put
between consonants where Arabic would have a short vowel (قصرة → Qasra), and the
article ال becomes ``al-`` (الشيباني → al-Shaibani style: al-Shibani).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.text.normalize import normalize_key

_GIVEN_NAMES = Path(__file__).resolve().parents[1] / "data" / "kb" / "given_names.json"

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}
_HAMZA = set("ءئؤ")
_SHADDA = "\u0651"
_DIACRITICS = re.compile("[\u064b-\u0650\u0652-\u065f\u0670\u0640]")


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    data = json.loads(_GIVEN_NAMES.read_text(encoding="utf-8")).get("names", {})
    return {normalize_key(k): v for k, v in data.items()}


def _transliterate(word: str) -> str:
    """Letter-by-letter romanization of one Arabic word (no article)."""
    out: list[str] = []
    run = 0                 # consonants since the last vowel
    chars = list(word)
    n = len(chars)

    def consonant(latin: str, at_start: bool) -> None:
        nonlocal run
        if run >= (1 if at_start or len(out) == 1 else 2):
            out.append("a")
            run = 0
        out.append(latin)
        run += 1

    def vowel(latin: str) -> None:
        nonlocal run
        out.append(latin)
        run = 0

    for i, ch in enumerate(chars):
        first, last = i == 0, i == n - 1
        prev_is_vowel = run == 0 and bool(out)
        if ch == _SHADDA:
            if out and run:
                out.append(out[-1][-1])
            continue
        if ch in "اآأٱ":
            vowel("a" if not (ch == "ا" and out and out[-1] == "a") else "")
        elif ch == "إ":
            vowel("i")
        elif ch in "ةى":
            vowel("a")
        elif ch == "ع":
            if first:
                vowel("a")
            elif run:
                vowel("a")
            else:
                out.append("'")
        elif ch == "و":
            if first or prev_is_vowel:
                consonant("w", first)
            else:
                vowel("u" if not last else "u")
        elif ch in "يی":
            if first or (prev_is_vowel and not last):
                consonant("y", first)
            else:
                vowel("i")
        elif ch in _HAMZA:
            if out and out[-1] not in "'":
                out.append("'")
            run = 0
        elif ch in _CONSONANTS:
            if ch == "ه" and last and run:
                vowel("a")
            else:
                consonant(_CONSONANTS[ch], first)
        # anything else (digits, Latin) is left out
    text = "".join(out).strip("'")
    return text[:1].upper() + text[1:]


def romanize(name_ar: str) -> str:
    """The English spelling Marsad gives an Arabic personal name (أبو قصرة → Abu Qasra,
    مرهف أبو قصرة → Murhaf Abu Qasra). The same input always gives the same output."""
    if not isinstance(name_ar, str) or not name_ar.strip():
        raise ValueError("romanize: the name is empty")
    table = _given_names()
    words = _DIACRITICS.sub("", name_ar).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = normalize_key(" ".join(words[i:i + 2])) if i + 1 < len(words) else None
        if pair and pair in table:
            out.append(table[pair])
            i += 2
            continue
        word = words[i]
        key = normalize_key(word)
        if key in table:
            out.append(table[key])
        elif word.startswith("ال") and len(key) > 3:   # not أل: أليكسي is no article
            rest = word[2:]
            out.append("al-" + (table.get(normalize_key(rest)) or _transliterate(rest)))
        elif key.startswith("عبد") and len(key) > 4 and key[3:].startswith("ال"):
            rest = word[3:]
            out.append("Abdul " + _transliterate(rest[2:]))
        else:
            out.append(_transliterate(word))
        i += 1
    text = " ".join(w for w in out if w)
    return text[:1].upper() + text[1:]
