"""Whether any of many regexes matches a line, without running most of them.

The boilerplate lexicon holds some sixty line patterns, each searched over every
line of every page; most lines match none. Two facts read from each pattern's
parse tree (``re._parser``) let a line skip almost all of them:

* an anchored pattern (``^…``) can only match a line that begins with one of
  the characters its first item accepts (``^(?:اقرأ|شاهد)…``: ا or ش);
* any match of an unanchored pattern contains one of a few literal strings
  (``…قانون\\s+(?:ال)?حقوق`` holds «قانون»).

The first characters are read only where they have no case (Arabic letters, digits,
punctuation), so that ``re.IGNORECASE`` cannot make a pattern match a character the
index left out, and so are the required strings; a required string with an ASCII
letter («cookies») only tells that the line must hold a Latin letter. A pattern for
which neither fact can be read is always run. ``any_match(text)`` is
``any(p.search(text) for p in patterns)``, exactly.
"""

from __future__ import annotations

import re
from re import _constants as _c   # noqa: PLC2701 - the parser's own opcodes
from re import _parser            # noqa: PLC2701

_Req = frozenset  # of str: a match holds at least one of them


# Characters that match only themselves under re.IGNORECASE (checked against every code
# point in tests/test_pattern_set.py): the Arabic block, ASCII but its letters, Latin-1
# punctuation and signs but ª µ º, general punctuation (— ” ’ …), fullwidth ！ to ＠.
_CASELESS = re.compile("[\u0600-\u06ff\x00-\x40\x5b-\x60\x7b-\x7f\u00a0-\u00a9\u00ab-\u00b4"
                       "\u00b6-\u00b9\u00bb-\u00bf\u2000-\u206f\uff01-\uff20]*")


def _caseless(text: str) -> bool:
    """The characters of ``text`` match only themselves under ``re.IGNORECASE``."""
    return _CASELESS.fullmatch(text) is not None


def _plain(ch: str) -> bool:
    """A character a required string may hold: without case, or an ASCII letter (a
    string with one is only looked for as far as ``_LATIN`` can: see ``PatternSet``)."""
    return _caseless(ch) or (ch.isascii() and ch.isalpha())


# Under re.IGNORECASE an ASCII letter also matches a few non-ASCII letters (ſ, K, İ):
# this class, with the same flag, matches all of them.
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def _first_chars(items: list) -> frozenset[str] | None:
    """The characters a match of the sequence ``items`` can begin with; None: unknown."""
    if not items:
        return None
    op, av = items[0]
    if op is _c.LITERAL:
        ch = chr(av)
        return frozenset(ch) if _caseless(ch) else None
    if op is _c.IN:
        if all(o is _c.LITERAL for o, _ in av):
            chars = frozenset(chr(a) for _, a in av)
            return chars if _caseless("".join(chars)) else None
        return None
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            first = _first_chars(list(alt))
            if first is None:
                return None
            out |= first
        return frozenset(out)
    if op is _c.SUBPATTERN:
        return _first_chars(list(av[3]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return _first_chars(list(av[2]))
    return None


def _better(a: _Req | None, b: _Req | None) -> _Req | None:
    """The more selective of two requirements: strings without case first (a string
    with an ASCII letter is only known to need a Latin letter), then the longer
    shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda r: (all(map(_caseless, r)), min(map(len, r)), -len(r)))


def _required(items: list) -> _Req | None:
    """Literal strings one of which every match of the sequence ``items`` holds (their
    characters ``_plain``); None: none known."""
    best: _Req | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _c.LITERAL and _plain(chr(av)):
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        if op is _c.SUBPATTERN:
            best = _better(best, _required(list(av[3])))
        elif op is _c.IN and all(o is _c.LITERAL and _plain(chr(a)) for o, a in av):
            best = _better(best, frozenset(chr(a) for _, a in av))        # [>»/]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            body = list(av[2])
            if len(body) == 1 and body[0][0] is _c.LITERAL and _plain(chr(body[0][1])):   # ه{4,}
                best = _better(best, frozenset([chr(body[0][1]) * min(av[0], 8)]))
            else:
                best = _better(best, _required(body))
        elif op is _c.BRANCH:
            alts = [_required(list(alt)) for alt in av[1]]
            if all(r is not None for r in alts):
                best = _better(best, frozenset().union(*alts))
    return best


_MAX_REQUIRED = 6     # more strings to look for than this: the pattern is run instead
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")     # \1, (?P=name), (?(1)...): kept apart


class PatternSet:
    """Patterns (compiled; no MULTILINE) asked only whether any one matches a text."""

    def __init__(self, patterns: list[re.Pattern[str]]):
        self.patterns = list(patterns)
        self._by_first: dict[str, list[re.Pattern[str]]] = {}
        self._others: list[tuple[re.Pattern[str], tuple[str, ...] | None, bool]] = []
        # anchored patterns whose first character is not known, by flags: asked together
        unindexed: dict[int, list[re.Pattern[str]]] = {}
        for pattern in self.patterns:
            first, required, anchored = None, None, False
            try:
                if not pattern.flags & re.MULTILINE:
                    items = list(_parser.parse(pattern.pattern, pattern.flags))
                    if items and items[0] == (_c.AT, _c.AT_BEGINNING):
                        anchored = True
                        first = _first_chars(items[1:])
                    else:
                        # (an anchored pattern fails at once where it does not match:
                        # looking for its strings would cost more than running it)
                        required = _required(items)
                        if required is not None and len(required) > _MAX_REQUIRED:
                            required = None
            except Exception:   # noqa: BLE001 - a pattern the reading fails on is always run
                first, required = None, None
            if first is not None:
                for ch in first:
                    self._by_first.setdefault(ch, []).append(pattern)
            elif anchored and not _BACKREFERENCE.search(pattern.pattern):
                unindexed.setdefault(pattern.flags, []).append(pattern)
            else:
                if required:
                    # strings without case are looked for as they are; one with an ASCII
                    # letter only as "the line holds a Latin letter" (any case, ſ, K…)
                    plain = tuple(sorted(r for r in required if _caseless(r)))
                    self._others.append((pattern, plain, len(plain) < len(required)))
                else:
                    self._others.append((pattern, None, False))

        # An anchored pattern can only match at the start, where ``match`` tries it; the
        # alternation of several is tried there in one call (group numbers change, so
        # none may refer back to a group; a set the engine refuses stays one by one).
        self._anchored: list[re.Pattern[str]] = []
        for flags, group in unindexed.items():
            try:
                together = re.compile("|".join(f"(?:{p.pattern})" for p in group), flags) \
                    if len(group) > 1 else group[0]
            except re.error:
                self._others.extend((p, None, False) for p in group)
                continue
            self._anchored.append(together)

    def any_match(self, text: str) -> bool:
        """``any(p.search(text) for p in patterns)``."""
        for pattern in self._by_first.get(text[:1], ()):
            if pattern.search(text):
                return True
        for together in self._anchored:
            if together.match(text):
                return True
        latin: bool | None = None
        for pattern, required, cased in self._others:
            if required is not None:
                for r in required:
                    if r in text:
                        break
                else:
                    if not cased:
                        continue        # the line holds none of the strings every match holds
                    if latin is None:
                        latin = _LATIN.search(text) is not None
                    if not latin:
                        continue
            if pattern.search(text):
                return True
        return False


class GatedPattern:
    """One pattern whose ``search(text)`` is ``pattern.search(text)``, not run on a text
    that holds none of the literal strings every match of it holds (read from its parse
    as ``PatternSet`` reads them: an end-of-story marker's «انته», an embedded post's
    «pic.twitter.com/» or «(@»). A pattern with no such strings is always run."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self._plain: tuple[str, ...] | None = None
        self._cased = False
        try:
            required = _required(list(_parser.parse(pattern.pattern, pattern.flags)))
        except Exception:   # noqa: BLE001 - a pattern the reading fails on is always run
            required = None
        if required and len(required) <= _MAX_REQUIRED:
            self._plain = tuple(sorted(r for r in required if _caseless(r)))
            self._cased = len(self._plain) < len(required)

    def search(self, text: str) -> re.Match[str] | None:
        plain = self._plain
        if plain is not None:
            for r in plain:
                if r in text:
                    break
            else:
                if not self._cased or _LATIN.search(text) is None:
                    return None
        return self.pattern.search(text)


class _MatchMemo(dict):
    """string -> whether ``pattern.match(string)``: filled on a miss, cleared past ``cap``."""

    def __init__(self, pattern: re.Pattern[str], cap: int):
        super().__init__()
        self._pattern, self._cap = pattern, cap

    def __missing__(self, text: str) -> bool:
        if len(self) >= self._cap:
            self.clear()
        found = self[text] = self._pattern.match(text) is not None
        return found


class MemoMatch:
    """A pattern asked, over and over, whether it matches at the start of a few distinct
    short strings (the gap between two words, a word's key): ``match(text)`` is
    ``pattern.match(text) is not None``, one dictionary lookup (in C) for a string seen
    before. For truth tests only: it gives True or False, not a match object. Every
    other attribute (``search``, ``pattern`` ...) is the pattern's."""

    def __init__(self, pattern: re.Pattern[str], cap: int = 100_000):
        self.pattern = pattern
        self.match = _MatchMemo(pattern, cap).__getitem__

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)
