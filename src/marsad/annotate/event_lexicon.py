"""The event coder's lexicons, compiled to patterns over normalized Arabic.

Lexicon forms are written in ordinary Arabic (``data/lexicons/*.json``); here they
are normalized (``marsad.text.normalize``) and given the clitics and endings that
Arabic attaches to them, so that one entry such as ``زيارة`` also finds
``وزيارته`` and ``الزيارات``. Patterns run on ``normalize(text).text``; match
offsets are mapped back to the article's characters by the caller.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from marsad.data import read_lexicon
from marsad.text.normalize import normalize_key

# Clitics in front of a word. Verbs take و/ف and the future س or purpose ل;
# nouns take و/ف, a preposition ب/ل/ك and the article (ل + ال is written لل).
_VERB_PREFIX = r"(?:[وف])?(?:[سل])?"
_NOUN_PREFIX = r"(?:[وف])?(?:[بلك])?(?:ال|ل)?"
_ANY_PREFIX = r"(?:[وف])?(?:[بلكس])?(?:ال|ل)?"
_PRONOUN = r"(?:ه|ها|هم|هما|هن|ك|كم|ني|نا)?"
_VERB_END = r"(?:ت|تا|ا|وا|و|ن|ان|ون|ين|نا|تم)?"
# An imperfect with ت or ن in front never ends like a perfect (ت، تا، تم، نا): تحملت،
# توقفت، تجمدت are perfects of another verb (took on, stopped, froze), not she-forms.
_IMPERFECT_END = r"(?:ا|وا|و|ن|ان|ون|ين)?"
_NOUN_END = r"(?:ا|ات|ان|ين|ون)?"   # no nisba ي: اجتماعي is "social", not a meeting
GAP_WORDS = 10 # how many words may stand inside a collocation's '*'
_GAP = r"(?P<gapN>(?:\s+\S+){0,%d}?)\s+" % GAP_WORDS
_OPEN_QUOTE = r"[\"«“'(]?"    # a quoted word may follow a gap: نفذت … "هجوماً"

CATEGORIES = ("collocations", "perfect", "imperfect", "passive", "masdar")
VERBAL = {"collocations", "perfect", "imperfect", "passive"}


class LexiconError(ValueError):
    """A lexicon file that cannot be used, with the file and the reason."""


# Prepositions whose normalized form ends in ي (إلى، على، لدى، حتى): they take only a
# pronoun (إليه، عليها), never a verb's endings, and their ي is no ending that may drop
# (آل of آل نهيان is no إلى).
_PARTICLES = frozenset({"الي", "علي", "لدي", "حتي"})


def _word_pattern(word: str, kind: str, imperfect: bool = False) -> str:
    """Regex for one normalized word with the endings Arabic adds to it (``imperfect``: a
    verb's stem after a ت or ن person prefix, without the perfect's endings)."""
    if word in _PARTICLES:
        return re.escape(word) + _PRONOUN
    if word.endswith("ه") and len(word) > 2:            # ة: زيارة, زيارته, زيارات
        return re.escape(word[:-1]) + r"(?:ه|ات|ت(?:ا|ان|ين|ه|ها|هم|هما|ي|نا|كم)?)" + _PRONOUN
    if word.endswith("ي") and len(word) > 2 and kind != "noun":   # أجرى, أجراه, التقيا
        ends = r"(?:ي|ا|يا|يان|وا|ون|ين)?" if imperfect else r"(?:ي|ا|ت|يا|يان|وا|ون|ين|يت|يتا)?"
        return re.escape(word[:-1]) + ends + _PRONOUN
    if word.endswith(("ا", "و")) and len(word) > 2 and kind != "noun":  # دعا, دعت, يدعو, دعوا
        ends = r"(?:ا|و|وا|ي|ون|ان|وان)?" if imperfect else r"(?:ا|و|ت|تا|وا|ي|ون|ان|وان)?"
        return re.escape(word[:-1]) + ends + _PRONOUN
    if word.endswith("ا") and len(word) > 3:            # اتصالا written with its tanween alef
        return re.escape(word[:-1]) + r"(?:ا)?" + _NOUN_END + _PRONOUN
    end = _NOUN_END if kind == "noun" else (_IMPERFECT_END if imperfect else _VERB_END)
    return re.escape(word) + end + _PRONOUN


def parse_phrase(phrase: str) -> list[tuple[str, list[list[str]]]]:
    """Split a lexicon phrase into parts: ``[(joiner, alternatives)]``.

    Parts are separated by `` * `` (up to GAP_WORDS words may stand between) or
    `` + `` (adjacent); each part is ``|``-separated alternatives, and an
    alternative may have several words: ``أعلن|أعلنت * وقف إطلاق النار|هدنة``.
    Every word is normalized."""
    tokens = re.split(r"\s+([*+])\s+", phrase.strip())
    parts: list[tuple[str, list[list[str]]]] = []
    joiner = ""
    for tok in tokens:
        if tok in ("*", "+"):
            joiner = tok
            continue
        alts = [normalize_key(a).split(" ") for a in tok.split("|") if normalize_key(a)]
        if not alts:
            raise LexiconError(f"phrase {phrase!r}: an empty part")
        parts.append((joiner, alts))
        joiner = ""
    if not parts or joiner:
        raise LexiconError(f"phrase {phrase!r}: empty or ends with a joiner")
    return parts


# A collocation's first part lists an imperfect verb by its third person masculine (يدعو،
# يتوصل); the other persons differ only in the prefix: ت (she, a country or ministry, and
# "you"), ن (we, in quoted statements), and take an imperfect's endings only. أ (I) is left
# out: it is the perfect's spelling.
_COLLOCATION_PERSONS = "[يتن]"


def _collocation_imperfect(word: str) -> bool:
    """Is this first word of a collocation an imperfect verb (ي + a stem of three letters or more)?"""
    return word.startswith("ي") and len(word) >= 4


def _person_prefixes(word: str, category: str | None) -> str | None:
    """The prefixes that stand for the ي of a phrase's first word (an imperfect's, or a
    collocation's imperfect verb's), None where the word takes none. ``part_stems`` reads
    the same answer, so that the prefilter's stem drops that ي too."""
    if category == "imperfect" and word.startswith("ي"):
        return "[يتان]"
    if category == "collocations" and _collocation_imperfect(word):
        return _COLLOCATION_PERSONS
    return None


def _alternative(words: list[str], kind: str, category: str | None) -> str:
    """One alternative of a part; ``category`` only for the phrase's first part."""
    out = []
    for i, w in enumerate(words):
        persons = _person_prefixes(w, category) if i == 0 else None
        if persons == _COLLOCATION_PERSONS:
            out.append("(?:ي" + _word_pattern(w[1:], kind) + "|[تن]" + _word_pattern(w[1:], kind, imperfect=True) + ")")
        elif persons:
            out.append(persons + _word_pattern(w[1:], kind))
        else:
            out.append((_ANY_PREFIX if i else "") + _word_pattern(w, kind if i == 0 else "any"))
    return r"\s+".join(out)


def compile_phrase(phrase: str, category: str) -> re.Pattern[str]:
    """Compile a trigger phrase; the first word's clitics are captured as ``pre``."""
    kind = "noun" if category == "masdar" else ("verb" if category in VERBAL - {"collocations"} else "any")
    prefix = {"noun": _NOUN_PREFIX, "verb": _VERB_PREFIX, "any": _ANY_PREFIX}[kind]
    out: list[str] = []
    gaps = 0
    for i, (joiner, alts) in enumerate(parse_phrase(phrase)):
        first = i == 0
        pat = "(?:" + "|".join(_alternative(a, kind if first else "any", category if first else None)
                               for a in alts) + ")"
        if first:
            out.append(r"(?<!\w)(?P<pre>" + prefix + ")" + pat)
        elif joiner == "*":
            out.append(_GAP.replace("gapN", f"gap{gaps}") + _OPEN_QUOTE + _ANY_PREFIX + pat)
            gaps += 1
        else:
            out.append(r"\s+" + _ANY_PREFIX + pat)
    return re.compile("".join(out) + r"(?!\w)")


def _stem(word: str) -> str:
    """The part of a word that every inflected form keeps (زيارة -> زيار، دعا -> دع)."""
    return word[:-1] if len(word) > 2 and word[-1] in "هياو" else word


def part_stems(phrase: str, category: str) -> tuple[frozenset[str], ...]:
    """For each part of the phrase, the stems of its alternatives' first words: any
    match of the phrase contains one stem of every part (``_word_pattern`` keeps a
    word's stem and an imperfect's first part, or a collocation's first imperfect verb,
    drops only its ي)."""
    out = []
    for i, (_, alts) in enumerate(parse_phrase(phrase)):
        stems = set()
        for alt in alts:
            stem = _stem(alt[0])
            if i == 0 and _person_prefixes(alt[0], category):
                stem = stem[1:]
            stems.add(stem)
        out.append(frozenset(stems))
    return tuple(out)


_WORD_RUN = re.compile(r"\w+")


def _starts_of_words_holding(text: str, stem: str, word_starts: list[int]) -> set[int]:
    found, i = set(), text.find(stem)
    while i >= 0:
        found.add(word_starts[bisect.bisect_right(word_starts, i) - 1])
        i = text.find(stem, i + 1)
    return found


def iter_matches(pat: re.Pattern[str], text: str, lo: int, hi: int, starts: list[int] | None):
    """``pat.finditer(text, lo, hi)`` when every match starts at one of ``starts``
    (ascending offsets from ``lo``; None: anywhere): the pattern is tried there only.
    (A list, not a generator: the trigger finder reads every match, and a pattern is
    asked at one or two starts.)"""
    if starts is None:
        return pat.finditer(text, lo, hi)
    found = []
    end = lo
    for start in starts:
        p = lo + start
        if p < end:
            continue            # inside the previous match
        if p >= hi:
            break
        m = pat.match(text, p, hi)
        if m:
            found.append(m)
            end = m.end()
    return found


def cue_matches(pat: re.Pattern[str], text: str, base: int, lo: int, hi: int, starts: list[int] | None):
    """``pat.finditer(text, lo, hi)`` for a cue of ``CueList.active_starts``: every match
    starts at ``base`` plus one of ``starts`` (ascending offsets in the sentence that
    begins at ``base``; None: anywhere), so the pattern is tried there only."""
    if starts is None:
        yield from pat.finditer(text, lo, hi)
        return
    end = lo
    for start in starts:
        p = base + start
        if p < end:
            continue            # before the range, or inside the previous match
        if p >= hi:
            break
        m = pat.match(text, p, hi)
        if m:
            yield m
            end = m.end()


def cue_search(pat: re.Pattern[str], text: str, base: int, lo: int, hi: int,
               starts: list[int] | None) -> re.Match[str] | None:
    """``pat.search(text, lo, hi)`` for a cue of ``CueList.active_starts`` (see ``cue_matches``)."""
    if starts is None:
        return pat.search(text, lo, hi)
    for start in starts:        # (the first match of ``cue_matches``)
        p = base + start
        if p < lo:
            continue
        if p >= hi:
            break
        m = pat.match(text, p, hi)
        if m:
            return m
    return None


_WORD_CHAR = re.compile(r"\w")
_held: tuple | None = None      # (a sentence's present words, its word starts, word -> starts)
_held_recent: dict[str, tuple] = {}     # sentence -> its ``_held``, for the last few dozen


def _word_starts_holding(text: str, present: set[str], word: str) -> set[int]:
    """The starts of the words of ``text`` that hold ``word`` (one of ``present``, the
    shared finder's answer for ``text``), kept for the sentence's other questions."""
    global _held
    held = _held        # read once: another thread may replace it
    if held is None or held[0] is not present:
        # the last few dozen sentences' answers are kept, as the shared finder keeps its
        # own: the quote finder and the event coder ask about the same sentences in turn
        recent = _held_recent
        held = recent.get(text)
        if held is None or held[0] is not present:
            if len(recent) >= WordFinder.RECENT:
                recent.clear()
            held = recent[text] = (present, [m.start() for m in _WORD_RUN.finditer(text)], {})
        _held = held
    found = held[2].get(word)
    if found is None:
        found = held[2][word] = _starts_of_words_holding(text, word, held[1])
    return found


def literal_words(m: re.Match[str]) -> int:
    """Words a trigger match owes to its pattern, not to its gaps (the subject, a date)."""
    gap_words = sum(len(v.split()) for k, v in m.groupdict().items() if k.startswith("gap") and v)
    return len(m.group().split()) - gap_words


def compile_words(phrase: str) -> re.Pattern[str]:
    """A cue (modality, attribution, negative context): exact words, و/ف allowed in front."""
    out: list[str] = []
    for joiner, alts in parse_phrase(phrase):
        body = "|".join(r"\s+".join(re.escape(w) for w in a) for a in alts)
        sep = "" if not out else (_GAP if joiner == "*" else r"\s+")
        sep = sep.replace("gapN", f"gap{len(out)}")
        out.append(sep + r"(?:[وف])?(?:" + body + ")")
    return re.compile(r"(?<!\w)" + "".join(out) + r"(?!\w)")


class WordFinder:
    """Which of many lexicon words (or stems) a sentence holds, inside words or not.

    One Aho-Corasick automaton, run once per sentence and kept for the next questions
    about the same sentence. Every cue list shares one (the coder asks each of them
    about every sentence in turn: an automaton per list read it ten times); a list's
    words are found by the shared automaton exactly when by one of its own. The
    answers for the last few dozen sentences are kept: the quote finder and the
    event coder read the same article's sentences one after the other."""

    RECENT = 64

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._automaton: tuple[ahocorasick.Automaton, tuple[str, ...]] | None = None   # and the common words
        self._recent: dict[str, set[str]] = {}

    def add(self, words) -> None:
        new = set(words) - self._words
        if new:
            self._words |= new
            self._automaton = None

    def present(self, text: str) -> set[str]:
        """The words (and stems) that occur in ``text``, inside words or not."""
        state = self._automaton
        if state is None:
            # a single letter (ل، ب) and the article ال are in almost every sentence, a
            # third of the automaton's hits: they are looked for with ``in`` instead
            common = tuple(sorted(w for w in self._words if len(w) == 1 or w == "ال"))
            automaton = ahocorasick.Automaton()
            for word in self._words:
                if word not in common:
                    automaton.add_word(word, word)
            if len(automaton):
                automaton.make_automaton()
            self._recent = {}
            state = self._automaton = (automaton, common)
        automaton, common = state
        recent = self._recent   # read once: another thread may replace it
        found = recent.get(text)
        if found is None:
            found = {w for _, w in automaton.iter(text)} if len(automaton) else set()
            for word in common:
                if word in text:
                    found.add(word)
            if len(recent) >= self.RECENT:
                recent.clear()
            recent[text] = found
        return found


CUE_WORDS = WordFinder()


class CueList(list):
    """Cues compiled by ``compile_words`` (patterns, or objects holding one), in
    lexicon order, that also say which of them can match in a given text.

    Every part of a cue phrase has one of its alternatives' first words written
    literally in any match, so a cue none of whose words a sentence holds is
    skipped: one Aho-Corasick pass over the sentence instead of a regex search per
    cue per trigger (modality, attribution, recap, domain and speech-verb cues)."""

    def __init__(self, items=(), phrases=()):
        items, phrases = list(items), list(phrases)
        if len(items) != len(phrases):
            raise ValueError("CueList: one phrase per cue")
        super().__init__(items)
        self._needs = [tuple(frozenset(alt[0] for alt in alts) for _, alts in parse_phrase(p)) for p in phrases]
        self._by_first_part: dict[str, list[int]] = {}     # a first-part word -> the cues it opens
        for k, needs in enumerate(self._needs):
            for word in needs[0]:
                self._by_first_part.setdefault(word, []).append(k)
        self._first_words = frozenset(self._by_first_part)   # (set & frozenset: over the smaller)
        self._rest = [needs[1:] for needs in self._needs]    # the parts after the first
        CUE_WORDS.add(w for needs in self._needs for part in needs for w in part)
        # a cue whose first part's words all begin with a word character starts where a
        # word (\w+) does, at the start of a word holding one of them ((?<!\w), then و/ف)
        self._anchored = [all(_WORD_CHAR.match(w) for w in needs[0]) for needs in self._needs]
        self._last_starts: tuple[set[str], list] | None = None    # the triggers of one sentence ask in turn

    def active(self, text: str) -> list:
        """The cues that may match somewhere in ``text`` (or in any part of it); the
        coder asks ``active_starts``, which keeps its answer for the sentence."""
        return [self[k] for k in self._active_indices(CUE_WORDS.present(text))]

    def _active_indices(self, present: set[str]) -> list[int]:
        # the sentence's words that open one of these cues (a set intersection in C: the
        # shared finder's answer holds every cue list's words)
        candidates: set[int] = set()
        by_first = self._by_first_part
        for w in present & self._first_words:
            candidates.update(by_first[w])
        found = []
        rest = self._rest
        for k in sorted(candidates):
            for part in rest[k]:     # (its first part has a word here already)
                if present.isdisjoint(part):
                    break
            else:
                found.append(k)
        return found

    def active_starts(self, text: str) -> list[tuple]:
        """``active(text)``, each cue with the offsets in ``text`` where a match of it can
        start (ascending; None: anywhere), for ``cue_matches`` and ``cue_search``: the
        starts of the words that hold one of its first part's words."""
        present = CUE_WORDS.present(text)
        last = self._last_starts    # read once: another thread may replace it
        if last is not None and last[0] is present:
            return last[1]
        found = []
        for k in self._active_indices(present):
            starts = None
            if self._anchored[k]:
                held: set[int] = set()
                for w in self._needs[k][0] & present:
                    held |= _word_starts_holding(text, present, w)
                starts = sorted(held)
            found.append((self[k], starts))
        self._last_starts = (present, found)
        return found


def compile_cues(phrases: list[str]) -> CueList:
    return CueList([compile_words(p) for p in phrases], phrases)


@dataclass
class TriggerEntry:
    id: str
    type: str
    mode: str | None
    cameo: str | None
    actor2_preps: list[str]
    negative: CueList     # of patterns; ``active`` skips those whose words a sentence lacks
    negative_before: list[str]
    negative_domains: list[str]
    receiver_subject: bool = False
    carrier: bool = False
    occasion: bool = False
    place_retype: dict | None = None     # {"type", "mode", "cameo"} when actor2 is a place
    reaction: bool = False               # a third party's welcome/condemnation/rejection of another event
    pair_from_between: bool = False      # بين X و Y names both parties, whoever announces it
    patient_object: bool = False         # اغتيال X، قُتل X: the name after the trigger is the target
    doer_in_trigger: bool = False        # محتجون يقتحمون: the trigger names its doers
    told_before: bool = False            # قُتل جنديان، لقي حتفه: evidence of an act of its type told before, never one alone
    retypes: list["Retype"] = field(default_factory=list)   # the clause decides the type (see Retype)
    # (category, words, pattern, stems of each part): see ``part_stems``
    patterns: list[tuple[str, int, re.Pattern[str], tuple[frozenset[str], ...]]] = field(default_factory=list)


@dataclass
class Retype:
    """The clause around a trigger decides its type, not the word alone: a cue within
    ``before`` words before the trigger or ``after`` words after it gives the event
    another PLOVER type, mode and CAMEO code (طالب مئات المتظاهرين بـ… is a protest,
    طالب … في ما سماه التحذير الأخير an ultimatum, أفرج القضاء عن ناشطين a concession)."""

    cue: re.Pattern[str]
    before: int
    after: int
    type: str
    mode: str
    cameo: str | None
    unless: re.Pattern[str] | None = None   # not when the sentence has one of these words (a weapon, a casualty)


@dataclass
class ModeRefiner:
    type: str
    cue: re.Pattern[str]
    after: int
    mode: str
    cameo: str


@dataclass
class Cue:
    pattern: re.Pattern[str]
    window: int
    after: int = 0
    imperfect: bool = False        # only before an imperfect verb (على أن يجتمع: planned)


@dataclass
class Lexicon:
    entries: list[TriggerEntry]
    refiners: list[ModeRefiner]
    modality: dict[str, CueList]          # of Cue
    attribution: CueList
    background: CueList
    passive_agent: CueList
    frame: CueList
    domains: dict[str, CueList]
    never: frozenset[str] = frozenset()
    background_sentence: CueList | None = None   # anywhere before the trigger: يذكر أن، ويأتي ذلك بعد أيام من
    background_after: CueList | None = None   # a cue after the trigger: منذ أشهر (an ongoing series)
    recent_words: frozenset[str] = frozenset()  # «في وقت سابق اليوم»: a cue followed by one is today's news
    # stems of the patterns' last parts -> (order, entry, category, pattern, stems of the other
    # parts, stems of the first part or None); see ``candidates_in``
    by_last_stem: dict[str, list[tuple]] = field(default_factory=dict)
    stem_finder: "ahocorasick.Automaton | None" = None

    def __post_init__(self) -> None:
        order = 0
        every_stem: set[str] = set()
        for entry in self.entries:
            for category, _, pat, stems in entry.patterns:
                # first-part stems of word characters only: the first word is (ي +) the stem
                # (+ one letter), so a match starts where the word holding the stem does
                firsts = stems[0] if all(_WORD_RUN.fullmatch(stem) for stem in stems[0]) else None
                for stem in stems[-1]:
                    self.by_last_stem.setdefault(stem, []).append((order, entry, category, pat, stems[:-1], firsts))
                every_stem.update(*stems)
                order += 1
        self.stem_finder = ahocorasick.Automaton()
        for stem in every_stem:
            self.stem_finder.add_word(stem, stem)
        self.stem_finder.make_automaton()
        # the stems are looked for by the cue lists' shared pass too: one Aho-Corasick
        # pass over a sentence answers the trigger index and every cue list
        CUE_WORDS.add(every_stem)
        self._last_stems = frozenset(self.by_last_stem)
        # per stem: the one-part patterns it ends, as order -> candidate (taken with one
        # dict update), and the others with the stems their other parts need
        self._by_last: dict[str, tuple[dict[int, tuple], list[tuple]]] = {}
        for stem, rows in self.by_last_stem.items():
            singles, multis = {}, []
            for order, entry, category, pat, others, firsts in rows:
                if others:
                    multis.append((order, others, (entry, category, pat, firsts)))
                else:
                    singles[order] = (entry, category, pat, firsts)
            self._by_last[stem] = (singles, multis)

    def patterns_in(self, sentence: str) -> list[tuple[TriggerEntry, str, re.Pattern[str]]]:
        """The trigger patterns that can match in ``sentence``, in lexicon order."""
        return [(entry, category, pat) for entry, category, pat, _ in self.candidates_in(sentence)]

    def candidates_in(self, sentence: str) -> list[tuple[TriggerEntry, str, re.Pattern[str], list[int] | None]]:
        """The trigger patterns that can match in ``sentence``, in lexicon order.

        Running all 600+ patterns on every sentence was half of the event coder's
        time. One Aho-Corasick pass finds which stems the sentence holds; a pattern
        runs only if every one of its parts has a stem there (see ``part_stems``),
        about one pattern in seventy.

        With each pattern come the offsets in ``sentence`` where a match of it can
        start (None: anywhere), for ``iter_matches``: the starts of the words that
        hold a stem of its first part, instead of every character of the sentence."""
        present = CUE_WORDS.present(sentence)   # (the stems it holds, with the cue lists' words)
        found: dict[int, tuple] = {}
        by_last = self._by_last
        for stem in present & self._last_stems:
            singles, multis = by_last[stem]
            if singles:
                found.update(singles)
            for order, others, candidate in multis:
                if order in found:
                    continue
                for part in others:         # (a loop, not all(): this runs for every stem found)
                    if present.isdisjoint(part):
                        break
                else:
                    found[order] = candidate
        by_firsts: dict[frozenset[str], list[int]] = {}     # patterns often share their first part
        out = []
        for k in sorted(found):
            entry, category, pat, firsts = found[k]
            starts = None
            if firsts is not None:
                starts = by_firsts.get(firsts)
                if starts is None:
                    held: set[int] = set()
                    for stem in firsts & present:   # (the word starts are the cue lists' too)
                        held |= _word_starts_holding(sentence, present, stem)
                    starts = by_firsts[firsts] = sorted(held)
            out.append((entry, category, pat, starts))
        return out


def _read_json(name: str) -> dict:
    try:
        return read_lexicon(name)
    except ValueError as exc:
        raise LexiconError(str(exc)) from exc


def _entry(raw: dict, plover_types: tuple[str, ...]) -> TriggerEntry:
    if raw.get("type") not in plover_types:
        raise LexiconError(f"triggers.json entry {raw.get('id')!r}: type {raw.get('type')!r} is not a PLOVER type")
    entry = TriggerEntry(
        id=raw["id"], type=raw["type"], mode=raw.get("mode"), cameo=raw.get("cameo"),
        actor2_preps=[normalize_key(p) if p != "OBJ" else "OBJ" for p in raw.get("actor2", [])],
        negative=compile_cues(raw.get("negative", [])),
        negative_before=[normalize_key(w) for w in raw.get("negative_before", [])],
        negative_domains=list(raw.get("negative_domains", [])),
        receiver_subject=bool(raw.get("receiver_subject")), carrier=bool(raw.get("carrier")),
        occasion=bool(raw.get("occasion")), place_retype=raw.get("place_retype"),
        reaction=bool(raw.get("reaction")), pair_from_between=bool(raw.get("pair_from_between")),
        patient_object=bool(raw.get("patient_object")), doer_in_trigger=bool(raw.get("doer_in_trigger")),
        told_before=bool(raw.get("told_before")))
    for r in raw.get("retype", []):
        if r.get("type") not in plover_types:
            raise LexiconError(f"triggers.json entry {raw.get('id')!r}: retype to {r.get('type')!r}, not a PLOVER type")
        entry.retypes.append(Retype(compile_words(r["cue"]), int(r.get("before", 0)), int(r.get("after", 0)),
                                    r["type"], r["mode"], r.get("cameo"),
                                    compile_words(r["unless"]) if r.get("unless") else None))
    for category in CATEGORIES:
        for phrase in raw.get(category, []):
            words = sum(max(len(a) for a in alts) for _, alts in parse_phrase(phrase))
            entry.patterns.append((category, words, compile_phrase(phrase, category), part_stems(phrase, category)))
    return entry


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Compile triggers.json and modality.json once per process."""
    from marsad.model import PLOVER_TYPES

    trig = _read_json("triggers.json")
    mod = _read_json("modality.json")
    entries = [_entry(raw, PLOVER_TYPES) for raw in trig.get("entries", [])]
    refiners = [ModeRefiner(r["type"], compile_words(r["cue"]), int(r.get("after", 3)), r["mode"], r["cameo"])
                for r in trig.get("mode_refiners", [])]
    modality = {name: CueList([Cue(compile_words(c["cue"]), int(c.get("window", 4)), int(c.get("after", 0)),
                                   bool(c.get("imperfect")))
                               for c in mod.get(name, [])], [c["cue"] for c in mod.get(name, [])])
                for name in ("planned", "denied", "hypothetical")}
    return Lexicon(
        entries=entries, refiners=refiners, modality=modality,
        attribution=compile_cues(mod.get("attribution", [])),
        background=compile_cues(mod.get("background", [])),
        passive_agent=compile_cues(mod.get("passive_agent", [])),
        frame=compile_cues(mod.get("frame", [])),
        domains={name: compile_cues(words) for name, words in mod.get("domains", {}).items()},
        never=frozenset(normalize_key(w) for w in trig.get("never", [])),
        background_sentence=compile_cues(mod["background_sentence"]),
        background_after=compile_cues(mod["background_after"]),
        recent_words=frozenset(normalize_key(w) for w in mod["background_recent"]["words"]),
    )
