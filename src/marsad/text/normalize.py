"""Arabic normalization for matching, with a map back to the original offsets.

Matching needs one spelling per word (alef forms, ya/alef maqsura, ta marbuta,
hamza carriers, no diacritics or tatweel), but every span Marsad reports must
point at the characters the article really has. ``normalize`` returns both.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# One character in, a string out ("" deletes it).
_MAP: dict[str, str] = {}
for _c in "أإآٱٲٳ":
    _MAP[_c] = "ا"
_MAP.update({
    "ى": "ي", "ئ": "ي", "ی": "ي", "ې": "ي", "ے": "ي", "ێ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه",
    "ؤ": "و", "ۆ": "و", "ۇ": "و",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڥ": "ف", "ڨ": "ق",
    "ـ": "",  # tatweel
    "ۃ": "ه", "ۂ": "ه",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ",
    "\u2028": " ", "\u2029": " ", "\u205f": " ",
    "٪": "%", "٫": ".", "٬": ",",
})
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _MAP[_d] = str(_i)
# Invisible characters: bidi controls, zero-width characters, BOM.
for _c in "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u061c\u00ad\u180e\u034f" \
          "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
    _MAP[_c] = ""


def _is_diacritic(ch: str) -> bool:
    o = ord(ch)
    return 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED or 0x0610 <= o <= 0x061A


def _is_presentation_form(ch: str) -> bool:
    o = ord(ch)
    return 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


def normalize_char(ch: str) -> str:
    if ch in _MAP:
        return _MAP[ch]
    if _is_diacritic(ch):
        return ""
    if _is_presentation_form(ch):
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch:    # unassigned code points in these blocks stay as they are
            return "".join(normalize_char(c) for c in decomposed)
    return ch


@dataclass
class Normalized:
    """Normalized text plus, for each of its characters, the index of the original
    character it came from (``origin[len(text)]`` is the original length)."""

    text: str
    origin: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalized text back to the original text."""
        if start >= end:
            o = self.origin[start]
            return o, o
        return self.origin[start], self.origin[end - 1] + 1


def normalize(text: str) -> Normalized:
    # Most characters map to exactly one character: those runs are translated in one
    # C call and their origins are a plain range. Only the characters that are
    # deleted or expanded (diacritics, tatweel, invisible marks, presentation forms)
    # go through ``normalize_char`` one by one. A per-character loop over whole
    # articles was the largest cost of the normalized views the coders build.
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    mapped = _one_to_one(text)      # same length as ``text``
    for m in _RESIZED.finditer(text):
        i = m.start()
        if i > pos:
            out.append(mapped[pos:i])
            origin.extend(range(pos, i))
        rep = normalize_char(text[i])
        out.append(rep)
        origin.extend([i] * len(rep))
        pos = i + 1
    if pos < len(text):
        out.append(mapped[pos:])
        origin.extend(range(pos, len(text)))
    origin.append(len(text))
    return Normalized("".join(out), origin)


class Translation:
    """``str.translate`` for a table that changes few of a text's characters.

    ``str.translate`` looks every character of non-Latin text up in the table (most
    of Arabic text maps to itself); a regex finds the characters the table changes
    and only those are replaced, several times faster on article-length text."""

    def __init__(self, table: dict[int, str | int | None]):      # as for str.translate
        self._map = {chr(o): v if isinstance(v, str) else "" if v is None else chr(v) for o, v in table.items()}
        self._changed = re.compile("[" + "".join(re.escape(c) for c in sorted(self._map)) + "]")
        # ``str.replace`` one character after the other gives the table's answer when no
        # replacement holds a replaced character (checked here; else the regex does it)
        self._items = tuple(sorted(self._map.items()))
        self._sequential = not any(c in self._map for v in self._map.values() for c in v)

    def __call__(self, text: str) -> str:
        if not self._sequential:
            return self._changed.sub(self._replace, text)
        if len(text) > 256:
            # an article: one C scan per character of the table beats a Python
            # call back per replaced character (several times faster)
            for c, rep in self._items:
                if c in text:
                    text = text.replace(c, rep)
            return text
        for c in set(self._changed.findall(text)):    # a line: the few it holds
            text = text.replace(c, self._map[c])
        return text

    def _replace(self, m: re.Match[str]) -> str:
        return self._map[m.group()]


# The same mapping as normalize_char, as a str.translate table (much faster on long text).
_TABLE = {ord(k): v for k, v in _MAP.items()}
for _o in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), *range(0x0610, 0x061B)]:
    _TABLE.setdefault(_o, "")
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")
# ``normalize`` splits the table: characters replaced by exactly one character, and
# the others (deleted or expanded), which need their origins written one by one.
_ONE_TO_ONE = {o: v for o, v in _TABLE.items() if len(v) == 1}
_one_to_one = Translation(_ONE_TO_ONE)
_translate = Translation(_TABLE)
_RESIZED = re.compile("[" + "".join(re.escape(chr(o)) for o, v in sorted(_TABLE.items()) if len(v) != 1)
                      + "\uFB50-\uFDFF\uFE70-\uFEFF]")


def normalize_key(text: str) -> str:
    """A lookup key: normalized, case-folded, single-spaced (no offsets kept)."""
    # The stages ask for the keys of the same words and short phrases again and
    # again (every word of every article, lexicon forms, names): those are kept.
    if len(text) <= _MEMO_LENGTH:
        return _short_key(text)
    return _key(text)


_MEMO_LENGTH = 40


@lru_cache(maxsize=131072)
def _short_key(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    if _PRESENTATION.search(text):
        folded = "".join(normalize_char(c) for c in text)
    else:
        folded = _translate(text)
    # one space for each run of spaces, none at the edges: str.split splits where ``\s``
    # matches (both read Py_UNICODE_ISSPACE); a regex ``sub`` calls back once per space
    return " ".join(folded.split()).casefold()
