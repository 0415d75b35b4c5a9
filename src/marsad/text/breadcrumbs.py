"""Breadcrumb and menu lines: "دجلة برس > عربي ودولي", "المغرب الكبير اليوم - دولي",
"قناة الأفق | الأخبار | الشرق الأوسط", "الوطني | الدولي | رياضة | ثقافة".

A breadcrumb is a line of a few short items (no digits, no sentence punctuation)
joined by separators. With ">"-like separators, or three or more items joined by
"|" or "•", the shape alone is enough. With one "|" or a dash it could be a short
headline, so another item must be a known section label or place, and a dash counts
only near the top of the page. The first item, when it is no section label, place
or "home" word, is the outlet's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.lexicon import lexicon, phrase_key

_ARROWS = re.compile(r"\s*[>»›]\s*")
_BARS = re.compile(r"\s*[|•·]\s*")
_DASHES = re.compile(r"\s+[-–—]\s+")
# each kind of separator with the characters one of which every separator of it holds
_SEPARATORS = ((_ARROWS, "arrow", ">»›"), (_BARS, "bar", "|•·"), (_DASHES, "dash", "-–—"))
_NOT_AN_ITEM = re.compile(r"[\d.،,:؛!?؟\"“”«()]")
ITEM_MAX_WORDS = 4
ITEMS_MAX = 8


@dataclass
class Breadcrumb:
    items: list[str]
    outlet: str | None       # the first item, when it names the site


def _known_section(item: str) -> bool:
    lex = lexicon()
    key = phrase_key(item)
    bare = key[2:] if key.startswith("ال") else key
    return any(k in lex.section_labels or k in lex.places for k in (key, bare))


def _is_home(item: str) -> bool:
    return phrase_key(item) in lexicon().junk_lines     # الرئيسية، الصفحة الرئيسية


def breadcrumb(line: str, at_top: bool) -> Breadcrumb | None:
    """The line as a breadcrumb or menu, or None. ``at_top``: the line comes before the
    headline or the first paragraph, where "OUTLET - section" lines live."""
    stripped = line.strip()
    for pattern, kind, (a, b, c) in _SEPARATORS:
        if a not in stripped and b not in stripped and c not in stripped:
            continue            # (no separator of the kind: one item)
        items = [p.strip() for p in pattern.split(stripped)]
        if len(items) >= 2:
            break
    else:
        return None
    if not all(items) or len(items) > ITEMS_MAX:
        return None
    if any(len(it.split()) > ITEM_MAX_WORDS or _NOT_AN_ITEM.search(it) for it in items):
        return None
    known = [_known_section(it) or _is_home(it) for it in items]
    if kind == "dash" and not at_top:
        return None
    if kind == "dash" or (kind == "bar" and len(items) == 2):
        if not any(known[1:]):
            return None
    first = items[0]
    outlet = None if known[0] or not any(known[1:]) else first
    return Breadcrumb(items=items, outlet=outlet)
