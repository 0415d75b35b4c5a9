"""A normalized view of an article for the event coder and the quote finder.

Patterns run on normalized text (one spelling per letter); everything the coder
reports is mapped back to the article's own characters through ``origin``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import lru_cache
import re
from dataclasses import dataclass

from marsad.annotate.event_direction import honorifics
from marsad.data import read_lexicon
from marsad.model import Article, Entity, Sentence
from marsad.text.normalize import normalize, normalize_key
from marsad.text.tokens import CONJUNCTIONS

_WORD = re.compile(r"\w+")
# Punctuation that closes a clause for argument search.
_CLAUSE_BREAK = re.compile(r"[،,؛;:«»“”\"()\[\]\n]|\s[-–—]\s")
_HARD_BREAK = re.compile(r"[؛;:«»“”\"()\[\].!?؟\n]")
# Prepositions that can be written attached to the next word.
_ATTACHED_PREPS = ("ب", "ل", "ك")
ACTOR_TYPES = ("PERSON", "ORG", "GPE")


@dataclass
class Mention:
    """One actor mention: adjacent entities naming the same actor merged."""

    start: int
    end: int
    entity: Entity
    prep: str | None      # normalized preposition introducing it, if any
    partner: Entity | None = None   # the other one of a dual (الرئيسان = A and B)

    @property
    def key(self) -> str:
        return self.entity.actor_key or normalize_key(self.entity.text)


_last_view: "ArticleView | None" = None     # see ``ArticleView.of``


class ArticleView:
    """Normalized text, offset maps and word positions for one article."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.norm = normalize(article.text)
        self.ntext = self.norm.text
        origin = self.norm.origin
        self._origin = origin
        self.words = [m.span() for m in _WORD.finditer(self.ntext)]  # normalized offsets
        self._word_starts = [w[0] for w in self.words]
        self._ordered: tuple | None = None      # see ``_entities_in_order``
        self._of_kind: tuple | None = None      # see ``_actors_in_order``
        self._breaks: tuple[list[int], list[int]] | None = None     # see ``clause_bounds``

    @classmethod
    def of(cls, article: Article) -> "ArticleView":
        """The view of ``article``, shared by the quote finder and the event coder
        that run one after the other (normalizing an article once, not twice)."""
        global _last_view
        view = _last_view       # read once: another thread may replace it
        if view is None or view.article is not article or view.text is not article.text:
            view = _last_view = cls(article)
        return view

    # --- offsets -----------------------------------------------------------
    def to_original(self, nstart: int, nend: int) -> tuple[int, int]:
        return self.norm.to_original(nstart, nend)

    def to_norm(self, offset: int) -> int:
        """First normalized position at or after an original offset."""
        return bisect.bisect_left(self._origin, offset, 0, len(self._origin) - 1)

    def sentence_norm(self, sent: Sentence) -> tuple[int, int]:
        return self.to_norm(sent.start), self.to_norm(sent.end)

    # --- words -------------------------------------------------------------
    def word_index(self, npos: int) -> int:
        """Index of the word that starts at or after a normalized position."""
        return bisect.bisect_left(self._word_starts, npos)

    def words_between(self, nstart: int, nend: int) -> int:
        if nend <= nstart:
            return 0
        return self.word_index(nend) - self.word_index(nstart)

    def words_before(self, npos: int, n: int, floor: int = 0) -> list[str]:
        i = self.word_index(npos)
        out = []
        for j in range(i - 1, max(-1, i - 1 - n), -1):
            s, e = self.words[j]
            if s < floor:
                break
            out.append(self.ntext[s:e])
        return out

    def window(self, nstart: int, nend: int, n: int, floor: int, ceil: int) -> tuple[int, int]:
        """The normalized span n words either side of [nstart, nend), kept in [floor, ceil)."""
        i = self.word_index(nstart)
        j = self.word_index(nend)
        lo = self.words[max(0, i - n)][0] if self.words else nstart
        hi = self.words[min(len(self.words) - 1, j + n - 1)][1] if j + n - 1 < len(self.words) and self.words else ceil
        return max(lo, floor), min(max(hi, nend), ceil)

    def clause_bounds(self, npos: int, floor: int, ceil: int) -> tuple[int, int]:
        """The clause (between clause-breaking punctuation) around a normalized position."""
        # the article's breaks are found once; a sentence's are those inside it, unless
        # one (a spaced dash) straddles its edge: then the sentence is read as it was
        if self._breaks is None:
            found = list(_CLAUSE_BREAK.finditer(self.ntext))
            self._breaks = ([m.start() for m in found], [m.end() for m in found])
        starts, ends = self._breaks
        a, b = bisect.bisect_left(starts, floor), bisect.bisect_left(starts, ceil)
        if not ((a and ends[a - 1] > floor) or (b and ends[b - 1] > ceil)):
            k = bisect.bisect_right(ends, npos, a, b) - 1      # the last break ending at or before npos
            j = bisect.bisect_left(starts, npos, a, b)         # the first break starting at or after it
            return (ends[k] if k >= a else floor), (starts[j] if j < b else ceil)
        lo, hi = floor, ceil
        for m in _CLAUSE_BREAK.finditer(self.ntext, floor, ceil):
            if m.end() <= npos:
                lo = m.end()
            elif m.start() >= npos:
                hi = m.start()
                break
        return lo, hi

    # --- prepositions ------------------------------------------------------
    def preposition_before(self, start: int, floor: int = 0, lookback: int = 3,
                           stops: list[tuple[int, int]] | None = None) -> str | None:
        """The preposition that introduces the phrase at original offset ``start``:
        an attached ب/ل/ك, or a word such as مع، إلى، على up to ``lookback`` words
        back (title words like الرئيس السوري may stand between)."""
        n = self.to_norm(start)
        # attached clitic: letters glued to the front of the phrase
        j = n
        while j > 0 and self.ntext[j - 1].isalpha():
            j -= 1
        glued = self.ntext[j:n]
        if glued:
            g = glued[1:] if glued[:1] in CONJUNCTIONS and len(glued) > 1 else glued
            if g[:1] in _ATTACHED_PREPS:
                return g[:1]
            return None
        # the entity's own first word may carry the clitic (بالرئيس, للرئيس)
        first = _WORD.match(self.ntext, n)
        if first:
            w = first.group()
            w = w[1:] if w[:1] in CONJUNCTIONS and len(w) > 3 else w
            if w.startswith(("بال", "لل")) and len(w) > 4:
                return w[0]
        i = self.word_index(n)
        words, ntext = self.words, self.ntext
        openers, preps = clause_openers(), prepositions()
        for k in range(i - 1, max(-1, i - 1 - lookback), -1):
            s, e = words[k]
            if s < floor:
                break
            if stops:
                o = self.to_original(s, e)[0]
                if any(a <= o < b for a, b in stops):
                    break
            if _HARD_BREAK.search(ntext, e, n if k == i - 1 else words[k + 1][0]):
                break                      # commas may stand in an apposition, other marks not
            w = ntext[s:e]
            if w in openers:
                break                      # أن بوتين: a new clause, nothing before it governs the name
            if w[:1] in CONJUNCTIONS and len(w) > 2 and w[1:] in preps:
                w = w[1:]
            glued_title = w[:1] in _ATTACHED_PREPS and len(w) > 3 and _glued_title(w)
            if glued_title:
                return w[0]                # بنظيره الإيراني [عباس عراقجي]
            companion = _COMPANION_SUFFIXED.match(w) if "رفق" in w or "صحب" in w else None    # (its stems)
            if companion and companion.group(1) + "ه" in preps:
                return companion.group(1) + "ه"    # وبرفقته زوجته، [الملكة رانيا]: a companion, not a party
            if w in preps:
                if w == "قبل" and k > 0 and self.ntext[self.words[k - 1][0]:self.words[k - 1][1]].endswith("من"):
                    return "من قبل"
                if w == "يد" and k > 0 and self.ntext[self.words[k - 1][0]:self.words[k - 1][1]].endswith("علي"):
                    return "يد"
                return w
        return None

    # --- actors ------------------------------------------------------------
    def _entities_in_order(self) -> tuple[list[Entity], list[int]]:
        """The article's entities by start (longest first) and their starts, sorted
        once per article: ``mentions`` is asked for many spans of every sentence."""
        ents = self.article.entities
        if self._ordered is None or self._ordered[0] is not ents or self._ordered[1] != len(ents):
            ordered = sorted(ents, key=lambda e: (e.start, -(e.end - e.start)))
            self._ordered = (ents, len(ents), ordered, [e.start for e in ordered])
        return self._ordered[2], self._ordered[3]

    def _actors_in_order(self, types: tuple[str, ...], nisba: bool) -> tuple[list[Entity], list[int]]:
        """``_entities_in_order`` narrowed to the ones ``mentions`` keeps for ``types`` and
        ``nisba``, once per kind of question: most spans are asked the same one."""
        ordered, _ = self._entities_in_order()
        memo = self._of_kind
        if memo is None or memo[0] is not ordered:
            memo = self._of_kind = (ordered, {})
        found = memo[1].get((types, nisba))
        if found is None:
            ents = [e for e in ordered if e.type in types and (e.how == "nisba") == nisba]
            found = memo[1][(types, nisba)] = (ents, [e.start for e in ents])
        return found

    def mentions(self, start: int, end: int, types: tuple[str, ...] = ACTOR_TYPES,
                 nisba: bool = False) -> list[Mention]:
        """Actor mentions inside original span [start, end), adjacent names of one
        actor merged (الرئيس الروسي فلاديمير بوتين), nested mentions dropped."""
        ordered, starts = self._actors_in_order(types, nisba)
        ents = [e for e in ordered[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)]
                if e.end <= end]
        if len(ents) <= 1:          # (most spans: nothing to merge or drop)
            return [Mention(e.start, e.end, e, None, None) for e in ents]
        kept: list[Entity] = []
        partners: dict[int, Entity] = {}
        for e in ents:
            if kept and (e.start, e.end) == (kept[-1].start, kept[-1].end) \
                    and e.actor_key != kept[-1].actor_key:
                partners[len(kept) - 1] = e          # a dual: two actors, one word
                continue
            if kept and e.start < kept[-1].end:     # nested or overlapping: the outer one wins
                continue
            kept.append(e)
        merged: list[list[Entity]] = []
        merged_partner: list[Entity | None] = []
        for idx, e in enumerate(kept):
            if merged:
                prev = merged[-1][-1]
                gap = self.text[prev.end:e.start]
                if len(gap) <= 3 and not gap.strip(" ،,") and _same_actor(prev, e) and idx not in partners:
                    merged[-1].append(e)
                    continue
            merged.append([e])
            merged_partner.append(partners.get(idx))
        out = []
        for group, partner in zip(merged, merged_partner):
            best = group[0] if len(group) == 1 else \
                max(group, key=lambda e: (e.kb_id is not None, e.how != "role", e.end - e.start))
            out.append(Mention(group[0].start, group[-1].end, best, None, partner))
        return out


# a companion preposition with a pronoun suffix (برفقته، بصحبتها، رفقتهم)
_COMPANION_SUFFIXED = re.compile(r"^[وف]?((?:ب)?(?:رفق|صحب))ت(?:ه|ها|هم|هما)$")


def _same_actor(a: Entity, b: Entity) -> bool:
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id
    if a.type == "PERSON" and b.type == "PERSON" and (a.how == "role" or b.how == "role"):
        return True
    ka, kb = a.actor_key, b.actor_key
    return bool(ka) and ka == kb


@lru_cache(maxsize=1)
def _modality_data() -> dict:
    return read_lexicon("modality.json")


def _modality_words(key: str) -> frozenset[str]:
    """The normalized words of one ``{"words": [...]}`` list of modality.json (a missing
    list is an error in the data file, never an empty set)."""
    return frozenset(normalize_key(w) for w in _modality_data()[key]["words"])


def _word_list(key: str, doc: str) -> Callable[[], frozenset[str]]:
    """The cached reader of modality.json's ``key`` words (``_modality_words``), named
    ``key`` and documented by ``doc``: one piece for the many lists of the file."""
    reader = lru_cache(maxsize=1)(lambda: _modality_words(key))
    reader.__name__ = reader.__qualname__ = key
    reader.__doc__ = doc
    return reader


@lru_cache(maxsize=1)
def prepositions() -> frozenset[str]:
    return frozenset(normalize_key(p) for p in _modality_data().get("prepositions", []))


@lru_cache(maxsize=1)
def title_words() -> tuple[str, ...]:
    return tuple(normalize_key(p).removeprefix("ال") for p in _modality_data().get("title_words", []))


@lru_cache(maxsize=65536)   # per distinct word
def _glued_title(w: str) -> bool:
    """بنظيره، بالرئيس، للرئيس (ل + ال): a title word after a glued preposition; بسمو، بفخامة،
    لمعالي: a courtesy word (``honorifics`` in event_direction.json) after one."""
    return w[1:] in honorifics() or any(w[1:].removeprefix("ال").startswith(t)
                                        or (w.startswith("لل") and w[2:].startswith(t)) for t in title_words())


@lru_cache(maxsize=1)
def noun_determiners() -> frozenset[str]:
    return frozenset(normalize_key(p) for p in _modality_data().get("noun_determiners", []))


@lru_cache(maxsize=1)
def clause_openers() -> frozenset[str]:
    """Words that open a new clause (أن، إن، حيث …)."""
    return frozenset(normalize_key(p) for p in _modality_data().get("clause_openers", []))


place_topics = _word_list("place_topics",
    """Nouns after which في + place is a topic, not the event's place.""")


@lru_cache(maxsize=1)
def placeless_modes() -> frozenset[str]:
    return frozenset(_modality_data()["placeless_modes"]["modes"])


@lru_cache(maxsize=1)
def subject_openers() -> frozenset[str]:
    """Words after which a name right before a verb is its subject (أن، إن، كما …)."""
    return frozenset(normalize_key(p) for p in _modality_data().get("subject_openers", []))


fronted_openers = _word_list("fronted_openers",
    """خلال، في، عقب …: a verbal noun right after one, opening the sentence, is a fronted adverbial
    phrase whose doer, for an encounter, is the subject of the main clause after the comma.""")


side_markers = _word_list("side_markers",
    """من جهة، من ناحية: a phrase that closes one side of a pair after بين (بين X وY من جهة، وZ
    من جهة أخرى).""")


other_side_words = _word_list("other_side_words",
    """أخرى، ثانية: after a side marker, the word that makes it close the pair's other side.""")


receipt_verbs = _word_list("receipt_verbs",
    """تلقاه، تسلمها …: a relative verb of receiving on a verbal noun (اتصال هاتفي تلقاه من X):
    the one after من sent it.""")


relative_pronouns = _word_list("relative_pronouns",
    """الذي، التي …: an imperfect verb right after one describes its antecedent.""")


@lru_cache(maxsize=1)
def weapon_words() -> frozenset[str]:
    """Weapon and strike words (without ال) after which a nationality adjective names the attacker."""
    return frozenset(normalize_key(w).removeprefix("ال") for w in _modality_data()["weapon_words"]["words"])


threat_verbs = _word_list("threat_verbs",
    """Verbs of warning and threatening (حذر، هدد، توعد): a future attack by the speaker's side
    told in their complement is a threat.""")


crowd_words = _word_list("crowd_words",
    """Counts of people (آلاف، عشرات): a people after them with من are the doers.""")


doing_verbs = _word_list("doing_verbs",
    """قام، قامت، يقوم …: before ب + a verbal noun, the verbal noun is the act itself.""")


verdict_verbs = _word_list("verdict_verbs",
    """قضت، حكمت …: before ب + a verbal noun in their clause, the verbal noun is the sentence passed.""")


commentary_verbs = _word_list("commentary_verbs",
    """يأتي، جاء …: a verbal noun right after one is the subject of a comment (ويأتي القصف بعد …).""")


temporal_subordinators = _word_list("temporal_subordinators",
    """بعد، عقب، إثر …: an act told after them dates the news rather than being it.""")


meeting_purposes = _word_list("meeting_purposes",
    """للقاء، لمقابلة …: the person named after one is the one met on a trip.""")


anaphoric_owners = _word_list("anaphoric_owners",
    """الجماعة، البلاد …: definite nouns that refer back to a group or state named before.""")


title_nouns = _word_list("title_nouns",
    """العهد، الحرمين، مجلس …: nouns inside multi-word titles.""")


pronoun_openers = _word_list("pronoun_openers",
    """إنه، أنها، بأنه …: a complementizer carrying the subject pronoun.""")


auxiliaries = _word_list("auxiliaries",
    """قد، سوف، لن، كان …: words between a complementizer and its verb.""")


not_object_prepositions = _word_list("not_object_prepositions",
    """في، خلال، بين …: a name after them is no part of a reaction's object.""")


@lru_cache(maxsize=1)
def member_words() -> tuple[frozenset[str], frozenset[str]]:
    """(members, affiliation): عناصر من X، مسلحين تابعين لـX، مقرا لـX: X is the party, not a source."""
    data = _modality_data().get("member_words", {})
    return (frozenset(normalize_key(w) for w in data.get("members", [])),
            affiliation_words() | frozenset(normalize_key(w) for w in data.get("premises", [])))


@lru_cache(maxsize=1)
def affiliation_words() -> frozenset[str]:
    """The follower and supporter words alone (تابعين، مناصرين), without the premises that
    ``member_words`` adds: people of a group, not its buildings."""
    return frozenset(normalize_key(w) for w in _modality_data().get("member_words", {}).get("affiliation", []))


place_nouns = _word_list("place_nouns",
    """Site nouns before a city's name (مطار، مدينة): the place stands for its country as a party.""")


@lru_cache(maxsize=1)
def place_targets() -> dict:
    """Which types take the country of their place as a missing second party
    (``place_targets`` in modality.json): types (None: every mode), the normalized
    prepositions that introduce the place, and the types whose bare object may be it."""
    data = _modality_data().get("place_targets", {})
    return {"types": {t: (frozenset(m) if m is not None else None) for t, m in data.get("types", {}).items()},
            "preps": tuple(normalize_key(p) for p in data.get("prepositions", [])),
            "bare": frozenset(data.get("bare_object", []))}


@lru_cache(maxsize=1)
def aid_carriers() -> frozenset[str]:
    """Vehicles that bring aid (طائرة، قافلة), without ال: a nationality on one names the donor."""
    return frozenset(normalize_key(w).removeprefix("ال") for w in _modality_data().get("aid_carriers", {}).get("words", []))
