"""Entity linking against Marsad's knowledge base: the ``link_entities`` stage.

How it works (docs/entities.md has the long version):

1. The text is split into words; each word's proclitic-stripped forms
   (وبوتين → بوتين, للكرملين → الكرملين) are looked up in an index of every
   surface form the base knows (names, short names, spelling variants, titles,
   country names, nisba adjectives, capitals). The longest match wins.
2. Foreign family names the index does not have are matched by their spelling
   skeleton (بوجدانوف ≈ بوغدانوف, لافرنتييف ≈ لافرينتييف).
3. A title (الرئيس، وزير الخارجية، نائب وزير الخارجية، المتحدث باسم، نظيره...) is
   read with what qualifies it (a nisba, a country, an organization,
   "في الإدارة السورية الجديدة") and resolved to whoever held that office on the
   article's date. A name right after it is checked against that holder: a
   different given name with the holder's family name is a ``kb_conflict``
   finding; a name the base does not know becomes a discovered person.
4. Short names of Arab persons (الشرع، الأسد) count only when the person is
   confirmed in the article by a full name or a role; names found in the article
   (discovered ones included) lend their family name to later mentions
   (أبو قصرة). Duals (الزعيمان) and sides (الجانب الروسي) are resolved last.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
import json
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

from marsad.annotate.knowledge import Alias, KnowledgeBase, as_date, load_kb, spelling_key
from marsad.annotate.romanize import LEVANT, MAGHREB, romanize, romanize_levant, romanize_maghreb, romanize_persian
from marsad.model import Article, Entity, Finding
from marsad.text.normalize import normalize, normalize_key
from marsad.text.pattern_set import MemoMatch
from marsad.text.tokens import clitic_variants, token_spans

_PUNCT_SPLIT = re.compile(r"[،؛؟٪]")
# Characters allowed between two words of one name or phrase.
_JOINING_GAP = MemoMatch(re.compile(r"^[\s\"'“”«»‘’\-–ـ]*$"))    # (truth tests, per distinct gap)
_SENTENCE_GAP = re.compile(r"[.!?؟:\n]")
_HOLDS_SENTENCE_GAP = MemoMatch(re.compile(r"[^.!?؟:\n]*[.!?؟:\n]"))   # _SENTENCE_GAP.search, per distinct gap
_CLAUSE_GAP = re.compile(r"[.!?؟:\n،,;؛()\[\]]")
_ARABIC_WORD = MemoMatch(re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+$"))
_TANWEEN = re.compile("[\u064B-\u064D]")
_DIACRITIC = re.compile("[\u064B-\u065F\u0670\u0640]")
_VERB_PREFIXES = ("يت", "تت", "يست", "تست", "يأ", "تأ")   # imperfect verbs, never given names
_DUAL_PLURAL = ("ين", "ان", "ون")
_PRONOUN_SUFFIXES = ("ته", "تها", "تهم", "تهما")
_CLITIC_ARTICLE = ("لل", "بال", "وال", "فال", "كال")
_NAME_PARTICLES = {"ابو", "بن", "ابن", "عبد", "ال", "ام", "بنت", "ايت"}
# a family name of a tribe's sons (بني هاني، بني مصطفى): after a given name, one name with it
_FAMILY_PARTICLES = {"بني"}
_NASAB = {"بن", "ابن", "بنت", "ال"}     # بن X، آل X (آل normalizes to ال)
_COMPOUND_SECONDS = {"الدين", "الله"}
_ALA = re.compile(r"(?<![\u0621-\u064A])على(?![\u0621-\u064A])")
_ALI = {"علي", "وعلي"}   # عز الدين، حرز الله: the second word of a compound name
_LATIN_WORD = MemoMatch(re.compile(r"^[A-Za-z][A-Za-z0-9.\-']*$"))
_MINISTER_TITLES = {"minister", "foreign_minister", "defense_minister", "interior_minister",
                    "finance_minister", "prime_minister", "deputy_prime_minister", "deputy_foreign_minister"}


@dataclass(slots=True)      # one per word of every article
class Word:
    start: int
    end: int
    text: str
    key: str
    variants: list[str]
    gap: str                      # the text between the previous word and this one


_UNSET = object()     # no value yet (None is a value: an organization with no country)


@dataclass
class Match:
    i: int                        # first word
    j: int                        # one past the last word
    aliases: list[Alias]
    variant: str                  # the form of the first word that matched
    start: int                    # character span in article.text
    end: int
    # the kinds of its aliases, asked again and again by the passes (a match's aliases
    # are never changed once it is made); given by ``_match_at`` when its aliases are
    # a phrase's own (the index keeps their kinds), worked out here otherwise
    kinds: frozenset[str] = None    # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.kinds is None:
            self.kinds = frozenset(a.kind for a in self.aliases)


@dataclass
class Mention:
    """A resolved mention before it becomes an Entity."""

    start: int
    end: int
    type: str
    how: str
    kb_id: str | None = None
    name_en: str | None = None
    name_ar: str | None = None
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None
    titles: tuple[str, ...] = ()
    local_key: str | None = None  # identity of a discovered person within the article


@dataclass
class _Index:
    first: dict[str, list[tuple[tuple[str, ...], list[Alias]]]] = field(default_factory=dict)
    # ``first`` split by each phrase's second word (one-word phrases apart), order kept:
    # a common first word (وزير، رئيس) opens hundreds of phrases, the next word a few;
    # each phrase as (rest, aliases, the aliases' kinds)
    by_second: dict[str, tuple[dict[str, list], list]] = field(default_factory=dict)
    # a word's key -> its clitic forms that open a phrase: (rank, form, by_second[form]);
    # worked out once per distinct word (most open none)
    openers: dict[str, tuple] = field(default_factory=dict)
    # id of a by-first-word table -> (the table, {a word's key: ``_Linker._phrases_from``'s answer})
    phrase_starts: dict[int, tuple[dict, dict[str, tuple[int, ...]]]] = field(default_factory=dict)
    given_form: dict[str, str | None] = field(default_factory=dict)   # see ``_link_spelling_variants``
    opens_description: dict[str, bool] = field(default_factory=dict)  # see ``_Linker._after_descriptor``
    opens_office: dict[str, bool] = field(default_factory=dict)       # see ``_Linker._discover_after_office``
    skeleton_person: dict[str, str | None] = field(default_factory=dict)  # see ``_Linker._link_skeletons``
    skeleton_word: dict[str, bool] = field(default_factory=dict)  # a word's key -> a form of it in skeleton_person
    first_names: set[str] = field(default_factory=set)
    # (first word, last word) of every full Arabic name of a person -> [(its words, person id)]:
    # a shortened form keeps both ends (مشعل الصباح for مشعل الأحمد الجابر الصباح)
    name_ends: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    first_name_spellings: set[str] = field(default_factory=set)    # spelling_key of first_names
    stopwords: set[str] = field(default_factory=set)
    title_heads: set[str] = field(default_factory=set)   # first words of title phrases (أمين of أمين عام)


@lru_cache(maxsize=8)
def _index_for(kb: KnowledgeBase) -> _Index:
    idx = _Index()
    groups: dict[str, list[Alias]] = {k: list(v) for k, v in kb.aliases().items()}
    t = kb.titles
    for phrase, titles in t.phrases.items():
        groups.setdefault(phrase, []).append(Alias(phrase, "title", "|".join(titles), "role"))
    for w in t.counterpart:
        groups.setdefault(w, []).append(Alias(w, "counterpart", "", "coref"))
    for w, title in t.duals.items():
        groups.setdefault(w, []).append(Alias(w, "dual", title, "coref"))
    for w in t.sides:
        groups.setdefault(w, []).append(Alias(w, "side", "", "coref"))
    for key, aliases in groups.items():
        words = tuple(key.split())
        idx.first.setdefault(words[0], []).append((words[1:], aliases))
    for first, lst in idx.first.items():
        lst.sort(key=lambda x: -len(x[0]))
        longer, single = idx.by_second[first] = ({}, [])
        for rest, aliases in lst:
            (longer.setdefault(rest[0], []) if rest else single).append(
                (rest, aliases, frozenset(a.kind for a in aliases)))
    for p in kb.persons.values():
        for n in p.get("names_ar") or []:
            words = normalize_key(n).split()
            if len(words) >= 2 and not words[0].startswith("ال"):   # not الملك سلمان
                idx.first_names.add(words[0])
                if len(words) >= 3:
                    idx.name_ends.setdefault((words[0], words[-1]), []).append((tuple(words), p["id"]))
    idx.first_names |= {k for k in kb.given_names if " " not in k and k not in _NAME_PARTICLES}
    idx.first_name_spellings = {spelling_key(k) for k in idx.first_names}
    idx.stopwords = set(t.name_stopwords)
    idx.title_heads = {p.split()[0] for p in t.phrases if p.strip()}
    return idx


@dataclass(frozen=True)
class _Parties:
    """data/kb/parties.json, normalized (docs/entities.md, 'Parties named without a name')."""

    quantifiers: frozenset[str]
    epithets: tuple[tuple[tuple[str, ...], str | None, str | None, frozenset[str]], ...]  # words, country, org, context
    place_heads: frozenset[str]
    vessel_heads: tuple[tuple[str, ...], ...]
    vessel_kinds: frozenset[str]
    unquoted_heads: frozenset[tuple[str, ...]]
    org_anaphors: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = ()   # المنظمة الدولية: the body named before
    # positions in ``epithets`` / ``vessel_heads`` by first word (see ``_phrases_from``)
    epithets_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    vessel_heads_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # words after an epithet that name the same party again (الاحتلال الصهيوني): word → country
    epithet_modifiers: dict[str, str] = field(default_factory=dict)
    # an org anaphor's head word (الحركة → حركة): the body named before it must be named with it
    anaphor_heads: dict[tuple[str, ...], str] = field(default_factory=dict)


def _by_first_word(phrases) -> dict[str, tuple[int, ...]]:
    """Where each phrase (a tuple of words, or a tuple starting with one) sits in
    ``phrases``, by its first word."""
    out: dict[str, list[int]] = {}
    for k, phrase in enumerate(phrases):
        words = phrase if isinstance(phrase[0], str) else phrase[0]
        out.setdefault(words[0], []).append(k)
    return {w: tuple(ks) for w, ks in out.items()}


@lru_cache(maxsize=8)
def _parties_for(data_dir: Path) -> _Parties:
    path = Path(data_dir) / "parties.json"
    if not path.exists():
        raw: dict = {}      # a base without the file: no parties named without a name
    else:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"knowledge base file {path} cannot be read ({exc})") from exc

    def words(phrase: str) -> tuple[str, ...]:
        return tuple(normalize_key(phrase).split())

    epithets = []
    for e in raw.get("epithets", []):
        if not e.get("phrase") or not (e.get("country") or e.get("org")):
            raise ValueError(f"{path}: epithet {e!r} needs a phrase and a country or an org")
        epithets.append((words(e["phrase"]), e.get("country"), e.get("org"), frozenset(e.get("context") or ())))
    epithets.sort(key=lambda x: -len(x[0]))     # the longest phrase wins
    heads = sorted({words(h) for h in raw.get("vessel_heads", [])}, key=lambda x: (-len(x), x))   # ties in a fixed order, not the set's
    return _Parties(frozenset(normalize_key(w) for w in raw.get("demonym_quantifiers", [])), tuple(epithets),
                    frozenset(normalize_key(w) for w in raw.get("place_heads", [])), tuple(heads),
                    frozenset(normalize_key(w) for w in raw.get("vessel_kinds", [])),
                    frozenset(words(h) for h in raw.get("unquoted_vessel_heads", [])),
                    tuple((words(a["phrase"]), frozenset(a.get("kinds") or ())) for a in raw.get("org_anaphors", [])),
                    _by_first_word(epithets), _by_first_word(heads),
                    {normalize_key(w): c for w, c in (raw.get("epithet_modifiers") or {}).items() if w != "about"},
                    {words(a["phrase"]): normalize_key(a["head"]) for a in raw.get("org_anaphors", []) if a.get("head")})


# ---- words and matching -------------------------------------------------------------

def _words(text: str) -> list[Word]:
    out: list[Word] = []
    prev_end = 0
    for tok in token_spans(text):
        for rel_start, rel_end, part, key, variants in _token_pieces(tok.group()):
            s, e = tok.start() + rel_start, tok.start() + rel_end
            out.append(Word(s, e, part, key, variants, text[prev_end:s]))
            prev_end = e
    return out


@lru_cache(maxsize=65536)
def _token_pieces(token: str) -> tuple[tuple[int, int, str, str, list[str]], ...]:
    """A token's words (the tokenizer may keep Arabic punctuation inside a token:
    split there) with their offsets in the token, keys and clitic forms. Tokens
    repeat across and within articles: each one is analysed once."""
    pieces, pos = [], 0
    for part in _PUNCT_SPLIT.split(token):
        key = normalize_key(part) if part else ""
        if key:
            pieces.append((pos, pos + len(part), part, key, clitic_variants(part)))
        pos += len(part) + 1
    return tuple(pieces)


def _variant_offset(word: Word, variant: str) -> int:
    """Where, in the word's characters, the matched (clitic-stripped) form begins."""
    if variant == word.key:
        return word.start
    skip = len(word.key) - len(variant) if word.key.endswith(variant) else \
        len(word.key) - len(variant) + 2 if variant.startswith("ال") and word.key.endswith(variant[2:]) else 0
    norm = normalize(word.text)
    return word.start + (norm.origin[skip] if 0 <= skip < len(norm.origin) else 0)


_MEMO_CAP = 200_000     # distinct words a per-word memo holds before it starts again


def _remember(memo: dict, key, value):
    """Store a result worked out once per distinct word (or form) and return it; past
    _MEMO_CAP entries, a long stream's vocabulary, the memo starts again."""
    if len(memo) > _MEMO_CAP:
        memo.clear()
    memo[key] = value
    return value


def _match_at(idx: _Index, words: list[Word], i: int, kinds: set[str] | None = None) -> Match | None:
    word = words[i]
    openers = idx.openers.get(word.key)
    if openers is None:
        openers = _remember(idx.openers, word.key, tuple(
            (rank, v, idx.by_second[v]) for rank, v in enumerate(word.variants) if v in idx.by_second))
    if not openers:
        return None
    best: Match | None = None
    following = words[i + 1].key if i + 1 < len(words) else None
    for v_rank, variant, phrases in openers:
        # the phrases that can match here, longest first as in ``first``
        for rest, aliases, alias_kinds in chain(phrases[0].get(following, ()), phrases[1]):
            # the words after the first are checked before the aliases are filtered:
            # a common first word (وزير، رئيس) opens many phrases and most do not go on
            j = i + 1 + len(rest)
            if j > len(words):
                continue
            k = i + 1
            for w in rest:
                nxt = words[k]
                if nxt.key != w or not _JOINING_GAP.match(nxt.gap):
                    break
                k += 1
            else:
                k = 0
            if k:
                continue        # a word after the first is not the phrase's
            if kinds is not None:
                aliases = [a for a in aliases if a.kind in kinds]
                alias_kinds = None
            if v_rank and words[i].key[:len(words[i].key) - len(variant)].endswith("ال"):
                aliases = [a for a in aliases if a.kind != "person"]
                alias_kinds = None
            if v_rank and len(variant.replace("ال", "", 1)) < 4:
                # كريم is not ك + ريم: short stems keep their clitic unless they name a country,
                # or begin a person's full name of several words (وعمر الراضي, وعلي عمار)
                aliases = [a for a in aliases if a.kind not in ("person", "place") or (
                    a.kind == "person" and rest and a.how in ("name", "variant"))]
                alias_kinds = None
            if not aliases:
                continue
            # on a tie the form that keeps the article wins (والسوريين → السوريين, not سوريين)
            if best is None or j > best.j or (j == best.j and variant == "ال" + best.variant):
                best = Match(i, j, aliases, variant, _variant_offset(words[i], variant), words[j - 1].end,
                             alias_kinds)
        if best is not None and v_rank == 0:
            break   # the word as written beats its clitic-stripped forms
    return best


def _scan(idx: _Index, words: list[Word]) -> list[Match]:
    out, i = [], 0
    openers = idx.openers
    while i < len(words):
        if openers.get(words[i].key, True) == ():
            i += 1          # a word known to open no phrase (most words): no call
            continue
        m = _match_at(idx, words, i)
        if m:
            out.append(m)
            i = m.j
        else:
            i += 1
    return out


# ---- the article's date ---------------------------------------------------------------

def article_date(article: Article) -> dt.date:
    """The date roles are resolved on: published, else the latest absolute date in
    the text, else today."""
    for value in [article.published] + sorted(
            (d.value for d in article.dates if d.value and d.anchor == "absolute" and len(d.value) >= 10),
            reverse=True):
        if not value:
            continue
        try:
            return as_date(value)     # a coarser date (2025-02, 2025) counts from its first day
        except ValueError:
            continue
    return dt.date.today()


# ---- the linker -----------------------------------------------------------------------

class _Linker:
    def __init__(self, article: Article, kb: KnowledgeBase):
        self.article, self.kb = article, kb
        self.text = article.text or ""
        self.idx = _index_for(kb)
        self.on = article_date(article)
        self.words = _words(self.text)
        self.mentions: list[Mention] = []
        self.findings: list[Finding] = []
        self.used: set[int] = set()          # word indexes already part of a mention
        self.deferred: list[tuple] = []      # back-references resolved once names are linked
        self.matches: list[Match] = []
        self._name_ends: tuple | None = None     # see _person_name_ends
        self._marks: list[tuple[int, str]] | None = None
        self._mark_words: list[int] | None = None     # the marks' word indexes, when ascending
        self._dominant: tuple | None = None            # (the marks, ``_dominant_country``'s answer)
        self._mark_variant: dict[int, str] = {}
        self._sentences: list[int] | None = None
        self._appositive_ends: set[int] = set()   # last words of titles describing the name before
        self._descriptor_form = ""
        self.parties = _parties_for(kb.data_dir)
        self._article_countries: set[str] | None = None
        self._demonym_words: set[int] = set()     # last words of demonym mentions
        self._after_parenthetical: set[int] = set()   # first words after a title's (qualifier)
        self._person_words: dict[int, int] = {}       # first word -> one past the last, of person mentions
        # a text that writes the preposition على with ى writes the given name علي with ي
        self._ali_named = _ALA.search(self.text) is not None

    # -- helpers

    def _person_mention(self, p: dict, start: int, end: int, how: str,
                        titles: tuple[str, ...] = (), role_country: str | None = None) -> Mention:
        role = self.kb.role_on(p, self.on, set(titles) if titles else None)
        return Mention(start, end, "PERSON", how, kb_id=p["id"], name_en=p.get("name_en"),
                       name_ar=(p.get("names_ar") or [None])[0], wikidata=p.get("wikidata"),
                       country=p.get("country") or role_country,
                       role=self.kb.role_label(role, p.get("country")),
                       titles=tuple(r.get("title") for r in p.get("roles") or []
                                    if r is role) or titles)

    def _country_mention(self, iso: str, start: int, end: int, how: str) -> Mention:
        c = self.kb.countries[iso]
        return Mention(start, end, "GPE", how, kb_id=iso, name_en=c["name_en"],
                       name_ar=(c.get("names_ar") or [None])[0], wikidata=c.get("wikidata"), country=iso)

    def _break_before(self, i: int, clause: bool = True) -> bool:
        if i >= len(self.words):
            return True
        gap = self.words[i].gap
        return bool((_CLAUSE_GAP if clause else _SENTENCE_GAP).search(gap))

    def _add(self, m: Mention, i: int, j: int) -> None:
        self.mentions.append(m)
        self.used.update(range(i, j))
        if m.type == "PERSON":
            self._person_words[i] = j

    def _known_person_at(self, k: int) -> int | None:
        """One past the last word of a person mention starting at word k, if any."""
        return self._person_words.get(k)

    def _add_discovered(self, start: int, end: int, i: int, j: int, country: str | None = None,
                        role: str | None = None, titles: tuple[str, ...] = (), name_en: str | None = None) -> None:
        """A person the base does not know, named by the text between the offsets (words i..j-1);
        ``name_en`` overrides the romanized name."""
        name_ar = self.text[start:end]
        known = self._shortened_name_of(name_ar)
        if known is not None and (country is None or known.get("country") in (None, country)):
            self._add(self._person_mention(known, start, end, "variant", titles, country), i, j)
            return
        self._add(Mention(start, end, "PERSON", "discovered", None, name_en or romanize(name_ar), name_ar, None,
                          country, role, titles, local_key=normalize_key(name_ar)), i, j)

    def _shortened_name_of(self, name_ar: str) -> dict | None:
        """The one person of the base whose full Arabic name this name shortens: the same
        first and last words, the words between a subset of the full name's in order
        (مشعل الصباح, محمد الجلالي for محمد غازي الجلالي). None when no person or
        several persons fit; the caller also wants the person's country to be the one the
        text gives the name, if any."""
        words = normalize_key(name_ar).split()
        if len(words) < 2:
            return None
        fits = {pid for full, pid in self.idx.name_ends.get((words[0], words[-1]), ())
                if len(full) > len(words) and _subsequence(words, full)}
        return self.kb.persons[fits.pop()] if len(fits) == 1 else None

    # -- step 3: titles and what follows them

    def _qualifiers(self, i: int, envoy: bool = False) -> tuple[int, str | None, str | None, bool, str | None]:
        """Read nisbas, countries, organizations and modifiers after a title.
        Returns (next word, country, org id, former, destination). ``envoy``: the
        title takes a destination (إلى سوريا، لدى الأمم المتحدة: an ISO3 or an
        organization id) that is not the holder's country."""
        t, words = self.kb.titles, self.words
        country = org = dest = None
        former = False
        j = i
        while j < len(words) and j - i < 8:
            if self._break_before(j):
                close = self._short_parenthetical(j)
                if close is None:
                    break
                # وزير الصحة (العامة)، وزير الخارجية (بالوكالة): a qualifier in parentheses
                inner = _match_at(self.idx, words, j, {"country"})
                if inner and inner.j <= close and not country:
                    country = inner.aliases[0].id
                self._after_parenthetical.add(close)
                j = close
                continue
            two = " ".join(w.key for w in words[j:j + 2])
            if len(words) > j + 1 and two in t.modifiers and _JOINING_GAP.match(words[j + 1].gap):
                j += 2
                continue
            key = words[j].key
            if key in t.modifiers:
                if not org:     # الأمين العام الأممي: the United Nations' (an organization's nisba)
                    m0 = _match_at(self.idx, words, j, {"org"})
                    a0 = next((a for a in m0.aliases if a.kind == "org" and a.how == "nisba"), None) if m0 else None
                    if a0 is not None and m0.j == j + 1:
                        org = a0.id
                j += 1
                continue
            if key in t.former:
                former, j = True, j + 1
                continue
            m = _match_at(self.idx, words, j, {"country", "org", "title"})
            if m and "title" in m.kinds and not (m.kinds - {"title"}) and \
                    ((m.variant == key and key.startswith("ال")) or key.startswith("ل")):
                # a nested title (الممثل الخاص للرئيس الروسي): take its country, skip it
                k, c2, o2, _, d2 = self._qualifiers(m.j, envoy)
                country, org, dest = country or c2, org or o2, dest or d2
                j = k
                continue
            if m and m.kinds & {"country", "org"}:
                a = self._body_alias(m)
                if a is None:
                    break       # في مجلس النواب with no country in sight: whose is not said
                if a.kind == "country":
                    if country and country != a.id:
                        break       # a second country is the envoy's destination or the next clause
                    country = a.id
                else:
                    if org:
                        break
                    org = a.id
                    country = country or self.kb.organizations[a.id].get("country")
                j = m.j
                continue
            if key in t.government_links or (envoy and key in t.envoy_targets):
                k = j + 1
                if k < len(words) and words[k].key in t.governments:
                    k += 1
                m2 = _match_at(self.idx, words, k, {"country", "org"}) if k < len(words) else None
                a = self._body_alias(m2) if m2 else None     # None: a shared name the context leaves open
                if a is not None and not country and key in t.government_links | {"في"}:
                    country = a.id if a.kind == "country" else self.kb.organizations[a.id].get("country")
                    org = org or (a.id if a.kind == "org" and not self.kb.organizations[a.id].get("metonym_for") else None)
                    j = m2.j
                    continue
                if a is not None and envoy and key in t.envoy_targets:
                    # "إلى سوريا": the envoy's destination, not their country
                    dest = dest or (a.id if a.kind == "country" else
                                    self.kb.organizations[a.id].get("metonym_for") or a.id)
                    j = m2.j
                    continue
                if k > j + 1 and key in t.government_links:
                    j = k       # "في الحكومة", "في الاتحاد": the body, country unsaid
                    continue
                break
            if key in t.governments:
                j += 1
                continue
            break
        return j, country, org, former, dest

    def _short_parenthetical(self, j: int) -> int | None:
        """When word j opens a parenthesis of one to three words right after a
        title, the index of the word after the closing one, else None."""
        words = self.words
        if words[j].gap.strip() != "(":
            return None
        for k in range(j + 1, min(j + 4, len(words))):
            gap = words[k].gap.strip()
            if gap == ")":
                return k
            if not _JOINING_GAP.match(words[k].gap):
                return None
        return None

    def _titles_for(self, titles: list[str], country: str | None, org: str | None) -> list[str]:
        kb = self.kb
        org_row = kb.organizations.get(org or "")
        if org_row and org_row.get("kind") in {"party", "armed_group", "international", "ngo"}:
            chosen = [x for x in titles if x in kb.titles.org_titles] or titles
        else:
            chosen = [x for x in titles if x not in kb.titles.org_titles] or titles
        first = chosen[0]
        if first == "spokesperson" and org_row:
            if org_row.get("kind") == "presidency":
                return ["presidential_spokesperson", "spokesperson"]
            if "Foreign" in org_row.get("name_en", "") or "State" in org_row.get("name_en", ""):
                return ["foreign_ministry_spokesperson", "spokesperson"]
        if first == "head_of_state":
            return list(dict.fromkeys(kb.titles.head_of_state + ["head_of_state"]))
        return [first]

    def _holders(self, titles: list[str], country: str | None, org: str | None,
                 dest: str | None = None) -> list[dict]:
        if not country and not org:
            # some offices exist in one country only (المرشد الأعلى): unique holders anywhere count
            anywhere = [p for p in self.kb.holders(titles, on=self.on) if self._posted_to(p, titles, dest)]
            return anywhere if len(anywhere) == 1 else []
        found = {}
        if country:
            for p in self.kb.holders(titles, country=country, on=self.on):
                found[p["id"]] = p
        if org:
            for p in self.kb.holders(titles, org=org, on=self.on):
                found[p["id"]] = p
        return [p for p in found.values() if self._posted_to(p, titles, dest)]

    def _posted_to(self, p: dict, titles: list[str], dest: str | None) -> bool:
        """An ambassador is only the one posted where the article says (السفير
        الإسرائيلي is not Israel's UN ambassador); an envoy with a stated
        destination must be posted there."""
        if "ambassador" not in titles and "envoy" not in titles:
            return True
        posted = self.kb.role_destination(self.kb.role_on(p, self.on, set(titles)))
        if "ambassador" in titles:
            return posted == dest
        return dest is None or posted is None or posted == dest

    def _resolve_titles(self) -> None:
        self.matches = _scan(self.idx, self.words)
        by_start = {m.i: m for m in self.matches}
        i = 0
        while i < len(self.words):
            m = by_start.get(i)
            if m is None or i in self.used:
                i += 1
                continue
            kinds = m.kinds
            if "title" in kinds and not (kinds & {"person"}):
                i = self._role_phrase(m)
                self._free_honorifics(i)
            elif "counterpart" in kinds:
                i = self._role_phrase(m, counterpart=True)
            else:
                i = m.j

    def _free_honorifics(self, j: int) -> None:
        """A role phrase that ended at word j with no name linked after it leaves the
        honorifics that close it (المستشار في الوزارة الدكتورة) to open a name
        (``_discover_described``): the title took them as its qualifiers."""
        words, hons = self.words, self.kb.titles.name_cues.honorifics
        if j >= len(words) or j in self.used or self._known_person_at(j) is not None:
            return
        x = j - 1
        while x >= 0 and x in self.used and words[x].key in hons:
            self.used.discard(x)
            x -= 1

    def _role_phrase(self, m: Match, counterpart: bool = False) -> int:
        kb, words = self.kb, self.words
        title_alias = next((a for a in m.aliases if a.kind == "title"), None)
        titles = title_alias.id.split("|") if title_alias else []
        envoy = any(t in ("envoy", "ambassador") for t in titles)
        if titles and set(titles) <= kb.titles.place_titles:
            return self._place_role(m, titles[0])
        j, country, org, former, dest = self._qualifiers(m.j, envoy)
        if titles == ["president"] and org and kb.organizations[org].get("kind") == "parliament":
            titles = ["speaker"]    # رئيس المجلس الشعبي الوطني: a chamber's president is its speaker
        if org is None and title_alias is not None:     # المبعوث الأممي: the phrase names the body
            org = next((a.id for a in self.kb.aliases().get(title_alias.key.split()[-1], ())
                        if a.kind == "org" and a.how == "nisba"), None)
        self.used.update(range(m.i, j))   # a nisba inside a role phrase is not a country mention
        if self._dependent_before(m):
            return j    # مستشار الرئيس الروسي: the name that follows is the adviser's
        if not counterpart and (country or org) and self._appositive(m):
            self._appositive_ends.add(j - 1)    # ... ولي العهد السعودي رئيس مجلس الوزراء: one person
        start_name = None if counterpart or former else self._unknown_name_before(m)
        if start_name is not None and titles:
            # حكيم سيكوك، رئيس فرع الجمعية ...: the title describes the unknown name before it
            chosen = self._titles_for(titles, country, org)
            label = kb.title_label(chosen[0], country, org) if (country or org) else None
            self._add_discovered(words[start_name].start, words[m.i - 1].end, start_name, m.i, country, label,
                                 tuple(chosen))
            self._appositive_ends.add(j - 1)
            return j
        if not counterpart and not country and not org and self._appositive(m):
            # a title with no country after a name is that person's, never another
            # country's holder of a similar office
            self._appositive_ends.add(j - 1)
            name = self._name_after(j, [], [])
            if name and name[0] == "person" and name[2][1] != "conflict":
                (p, how, _), k = name[2], name[1]
                self._add(self._person_mention(p, words[j].start, words[k - 1].end, how), j, k)
                return k
            if name and name[0] == "unknown" and titles and any(
                    w.key in ("بن", "ابن", "بنت") for w in words[j + 1:name[1] - 1]):
                # أمير المنطقة الأمير X بن Y: a nasab name after the appositive title is a person
                return self._link_unknown(name[1], j, titles[:1], None, None, [], None, False, m)
            return j
        if counterpart:
            if not country:
                return j
            name = self._name_after(j, [], [])
            if name and name[0] == "person" and name[2][1] != "conflict":
                (p, how, _), k = name[2], name[1]
                self._add(self._person_mention(p, words[j].start, words[k - 1].end, how), j, k)
                return k
            self.deferred.append(("counterpart", m, j, country))
            return j
        chosen = self._titles_for(titles, country, org) if titles else []
        inferred = False
        acts = title_alias is not None and title_alias.key in kb.titles.office_acts
        if chosen and not country and not org and (chosen[0] in kb.titles.context_titles or acts) \
                and not self._adjective_after(j) and not self._read_a_body(m.j, j):
            # ولي العهد, وزير المالية: the country the context makes clear, if any
            country = self._context_country(m.i)
            inferred = country is not None
        if envoy and dest is None and title_alias and title_alias.key in kb.titles.un_phrases:
            dest = kb.titles.un_org     # المندوب الإيراني: Iran's representative at the UN
        allowed = kb.titles.title_countries.get(chosen[0]) if chosen else None
        if allowed is not None and country not in allowed:
            return j    # المستشار outside Germany and Austria is an adviser or a judge
        label = kb.title_label(chosen[0], country, org) if chosen else None
        unplaced = not country and not org and self._read_a_body(m.j, j)   # في الاتحاد: which one?
        holders = [] if former or unplaced else self._holders(chosen, country, org, dest)
        # a name right after the phrase (a comma may come between)
        name = None if acts else self._name_after(j, holders, chosen)   # عفو ملكي: no name follows
        if name:
            kind, k, payload = name
            if kind == "person":
                p, how, _ = payload
                return self._link_named(p, how, j, k, chosen, country, org, holders, label, former, m, inferred)
            return self._link_unknown(k, j, chosen, country, org, holders, label, former, m, inferred)
        if former or not chosen:
            return j
        if chosen[0] == "minister":
            self.deferred.append(("minister", m, j, country))
        elif len(holders) == 1:
            if self._holders_given_name(holders[0], j):
                # ولي العهد الأردني الأمير الحسين: the holder named by his given name alone
                self._add(self._person_mention(holders[0], words[j].start, words[j].end, "short", tuple(chosen),
                                               country), j, j + 1)
                return j + 1
            self._add(self._person_mention(holders[0], m.start, words[j - 1].end, "role", tuple(chosen), country),
                      m.i, j)
        elif not holders and not country and not org and j == m.j:
            self.deferred.append(("anaphor", m, j, tuple(chosen)))     # الأمير: the emir named before
        return j

    def _holders_given_name(self, p: dict, j: int) -> bool:
        """Whether word j, right after a title (no punctuation between), is the holder's
        own given name as the base writes it, and ends the name (no name word follows)."""
        words = self.words
        if j >= len(words) or not _JOINING_GAP.match(words[j].gap):
            return False
        key = words[j].key
        if key not in self._own_first_names(p, variants=False):
            return False
        return j + 1 == len(words) or not _JOINING_GAP.match(words[j + 1].gap) \
            or words[j + 1].key in self.idx.stopwords or not _ARABIC_WORD.match(words[j + 1].key) \
            or words[j + 1].key not in self.idx.first_names and not _match_at(self.idx, words, j + 1, {"person"})

    def _adjective_after(self, j: int) -> bool:
        """Whether the word after a title is a definite word the linker cannot read
        (المستشار الإعلامي, وزير المالية الأسبق...): then the title is qualified in a
        way the context cannot settle."""
        if j >= len(self.words) or self._break_before(j):
            return False
        key = self.words[j].key
        return key.startswith("ال") and key not in self.idx.stopwords and \
            _match_at(self.idx, self.words, j, {"person", "title", "country", "org", "place"}) is None

    def _read_a_body(self, i: int, j: int) -> bool:
        """Whether the words i..j after a title name a body the base has no
        country for (مسؤولة السياسة الخارجية في الاتحاد): the context must not decide."""
        t = self.kb.titles
        return any(w.key in t.governments or w.key in t.government_links for w in self.words[i:j])

    def _country_marks(self) -> list[tuple[int, str]]:
        """(word index, ISO3) of every country the text names: names, capitals,
        nisbas, and the country of a national body (وزارة الخارجية السعودية)."""
        if self._marks is None:
            marks = []
            for m in self.matches:
                for a in m.aliases:
                    iso = a.id if a.kind == "country" else None
                    if a.kind == "org":
                        if self._shared_org_name(m):
                            break       # مجلس النواب: whose, the context says (``_org_of_context``)
                        o = self.kb.organizations[a.id]
                        iso = o.get("metonym_for") or (o.get("country") if o.get("kind") != "international" else None)
                    if iso:
                        marks.append((m.i, iso))
                        self._mark_variant[m.i] = m.variant
                        break
            self._marks = marks
            words = [k for k, _ in marks]
            self._mark_words = words if all(a <= b for a, b in zip(words, words[1:])) else None
        return self._marks

    def _prepositional(self, k: int) -> bool:
        """Whether the word at k carries a preposition (بدمشق، لسوريا): a place or
        a beneficiary, not the context's own country."""
        key, variant = self.words[k].key, self._mark_variant.get(k, self.words[k].key)
        if key == variant:
            return False
        bare = key[1:] if key[:1] in "وف" else key
        return bare != variant and bare[:1] in "بل"     # ولبنان: و and the name, no preposition

    def _sentence_of(self, i: int) -> int:
        if self._sentences is None:
            sid, ids = 0, []
            holds_break = _HOLDS_SENTENCE_GAP.match
            for w in self.words:
                if holds_break(w.gap):
                    sid += 1
                ids.append(sid)
            self._sentences = ids
        return self._sentences[i]

    def _context_country(self, i: int, late: bool = False) -> str | None:
        """The country a bare title at word i belongs to: the one country named
        before it in its sentence (outside other role phrases), else the article's
        dominant country (named at least twice, twice as often as any other);
        None when the context is not clear. ``late``: asked once countries are
        linked (their words used): a word that opens a country mention counts."""
        sid, words = self._sentence_of(i), self.words
        not_after = self.kb.titles.context_not_after
        linked = [(m.start, m.end) for m in self.mentions if m.type == "GPE"] if late else ()
        marks = self._country_marks()
        if self._mark_words is not None:
            # the marks are in word order and sentence ids never go down: those before i in
            # its sentence are one run of them, found by bisection (not every mark of the text)
            starts = self._mark_words
            marks = marks[bisect_left(starts, bisect_left(self._sentences, sid)):bisect_left(starts, i)]
        before = {iso for k, iso in marks
                  if k < i and (k not in self.used or any(s < words[k].end and words[k].start < e for s, e in linked))
                  and self._sentence_of(k) == sid
                  and not (k and set(words[k - 1].variants) & not_after) and not self._prepositional(k)}
        if before:
            return next(iter(before)) if len(before) == 1 else None
        return self._dominant_country()

    def _place_role(self, m: Match, title: str) -> int:
        """محافظ البصرة، رئيس بلدية إسطنبول، عمدة لندن: a governor or mayor of a
        place, with the place as a LOC mention and the person named after it
        (a discovered person carries the role). Without a place it is no title
        (محافظ is also 'conservative')."""
        kb, words = self.kb, self.words
        j = m.j
        if j >= len(words) or not _JOINING_GAP.match(words[j].gap):
            return m.j
        pm = _match_at(self.idx, words, j, {"place", "country"})
        if pm is None:
            return m.j
        a = next((x for x in pm.aliases if x.kind == "place"), pm.aliases[0])
        if a.kind == "place":
            pl = kb.places[a.id]
            place_en, country, kb_id, wikidata = pl.get("name_en"), pl.get("country"), a.id, pl.get("wikidata")
            place_ar = (pl.get("names_ar") or [None])[0]
        elif a.how == "metonym" and kb.countries[a.id].get("capital_en"):
            c = kb.countries[a.id]    # a capital: the city here, not the government
            place_en, country, kb_id, wikidata = c["capital_en"], a.id, None, None
            place_ar = self.text[pm.start:pm.end]
        else:
            return m.j
        self._add(Mention(pm.start, pm.end, "LOC", "name", kb_id, place_en, place_ar, wikidata, country),
                  pm.i, pm.j)
        self.used.update(range(m.i, m.j))
        k = pm.j
        while k < len(words) and words[k].key in kb.titles.modifiers and not self._break_before(k):
            k += 1
        label = kb.titles.labels.get(title, "{place}").replace("{place}", place_en or "")
        name = self._name_after(k, [], [title])
        if not name:
            return k
        kind, end, payload = name
        start = words[k].start
        if kind == "person":
            p, how, _ = payload
            if how == "conflict":
                return k
            self._add(self._person_mention(p, start, words[end - 1].end, how), k, end)
            return end
        self._add_discovered(start, words[end - 1].end, k, end, country, label, (title,))
        return end

    def _dependent_before(self, m: Match) -> bool:
        """Whether the title is governed by a word before it (مستشار الرئيس, نجل
        الرئيس, المستشار الدبلوماسي لرئيس الدولة): then the title's holder is not
        the person named after it; the person holds the governing office."""
        if m.i == 0 or self._break_before(m.i):
            return False
        words, deps = self.words, self.kb.titles.dependents
        with_lam = m.variant != words[m.i].key and words[m.i].key.startswith("ل")
        if m.variant != words[m.i].key and not with_lam:
            return False
        # the head may carry the article (المستشار) and adjectives may stand
        # between it and a title with ل (المستشار الدبلوماسي لرئيس)
        k = m.i - 1
        for _ in range(3 if with_lam else 1):
            if k < 0:
                return False
            forms = set(clitic_variants(words[k].key))
            forms |= {f[2:] for f in forms if f.startswith("ال")}
            two = " ".join(w.key for w in words[max(k - 1, 0):k + 1])
            if forms & deps or two in deps or (two.startswith("ال") and two[2:] in deps):
                return True
            if not with_lam or not words[k].key.startswith("ال") or self._break_before(k):
                return False
            k -= 1
        return False

    def _unknown_name_before(self, m: Match) -> int | None:
        """The first word of an unknown name of two or three words that ends right
        before a comma and this title (كريم الزاوي، وزير ...): it starts with a known
        given name, follows no title or name, and nothing in it is known to the base."""
        words, idx = self.words, self.idx
        i = m.i
        if i < 2 or m.variant != words[i].key or words[i].gap.strip() not in ("،", ","):
            return None
        for n in (2, 3):
            k = i - n
            if k < 0:
                return None
            span = range(k, i)
            if any(x in self.used for x in span) or any(not _JOINING_GAP.match(words[x].gap) for x in span[1:]):
                continue
            first = words[k].key
            given = first in idx.first_names or (first[:1] == "و" and first[1:] in idx.first_names)
            if n == 3 and words[k + 1].key not in _NAME_PARTICLES and first not in _NAME_PARTICLES:
                continue
            if not given and first not in ("عبد",):
                continue
            if any(words[x].key in idx.stopwords or not _ARABIC_WORD.match(words[x].key)
                   or not self._name_part_ok(x, x - k) for x in span):
                continue
            if any(_match_at(idx, words, x, {"country", "org", "title", "place", "person"}) for x in span):
                return None
            if k > 0 and _JOINING_GAP.match(words[k].gap) and (
                    k - 1 in self.used or _match_at(idx, words, k - 1, {"title", "person"})
                    or words[k - 1].key in _NASAB):
                return None     # the name belongs to a title or a name before it (محمد بن [زايد آل نهيان])
            if first[:1] == "و" and first[1:] in idx.first_names:
                return None     # a clitic: keep offsets simple, leave it to other rules
            return k
        return None

    def _appositive(self, m: Match) -> bool:
        """Whether a title comes right after a person's name, or after a title that
        did (محمد بن سلمان ولي العهد رئيس مجلس الوزراء): it describes that person."""
        i = m.i
        if i == 0 or m.variant != self.words[i].key:
            return False     # ورئيس الوزراء: another person
        gap = self.words[i].gap
        if not (_JOINING_GAP.match(gap) or gap.strip() in ("،", ",")):
            return False
        if (i - 1) in self._appositive_ends:
            return True
        # the name may go on past the base's form: محمد بن سلمان بن عبدالعزيز آل سعود
        ends = self._person_name_ends()
        while i not in ends and i >= 3 and self.words[i - 2].key in _NAME_PARTICLES \
                and _JOINING_GAP.match(self.words[i - 1].gap) and _JOINING_GAP.match(self.words[i - 2].gap):
            i -= 2
        return i in ends

    def _person_name_ends(self) -> set[int]:
        """Where the matches naming a person by name end: worked out once for the
        article's matches (a title asks for each of its phrases)."""
        cached = self._name_ends
        if cached is not None and cached[0] is self.matches and cached[1] == len(self.matches):
            return cached[2]
        ends = {pm.j for pm in self.matches if "person" in pm.kinds and
                any(a.kind == "person" and a.how in ("name", "variant") for a in pm.aliases)}
        self._name_ends = (self.matches, len(self.matches), ends)
        return ends

    def _maghreb_spelling(self) -> None:
        """Discovered persons of the Maghreb (their role's or description's country,
        else the country the article's countries, places and known persons name
        most) take the region's French-based
        spelling (romanize_maghreb): عمر الراضي is Omar Radi, not Omar al-Radi. Discovered
        persons whose role or description is Iranian take the Persian spelling
        (romanize_persian): حسين أكبري is Hossein Akbari, not Hussein Akbari. Discovered
        persons of the Levant whose plain spelling is used take its -eh (romanize_levant):
        سامي شحادة is Sami Shahadeh."""
        gpes = sorted((m for m in self.mentions if m.country and (m.type in ("GPE", "LOC") or m.kb_id)),
                      key=lambda m: m.start)
        counts = Counter(m.country for m in gpes)
        best = max(counts.values(), default=0)
        # the country named most, the first named of a tie
        main = next((m.country for m in gpes if counts[m.country] == best), None)
        for m in self.mentions:
            if m.type != "PERSON" or m.kb_id or not m.name_ar:
                continue
            country = m.country or main
            if country in MAGHREB:
                m.name_en = romanize_maghreb(m.name_ar, country)
            elif m.country == "IRN":    # an Iranian's own role or description: the Persian spelling
                m.name_en = romanize_persian(m.name_ar)
            elif country in LEVANT and m.name_en == romanize(m.name_ar):
                m.name_en = romanize_levant(m.name_ar)     # شحادة → Shahadeh

    def _prefer_named_holders(self) -> None:
        """Without a publication date the article's date is a guess (the latest date
        in the text, else today). A role mention (الرئيس اللبناني) whose holder on that
        date is not named in the article is then the one person named in it who held
        that office at some time (ميشال عون in an undated article of his term)."""
        if self.article.published:
            return
        named = {m.kb_id for m in self.mentions
                 if m.type == "PERSON" and m.kb_id and m.how in ("name", "variant", "short")}
        if not named:
            return
        for n, m in enumerate(self.mentions):
            if m.type != "PERSON" or m.how != "role" or m.kb_id in named or not m.titles:
                continue
            country = m.country
            cands = [pid for pid in sorted(named)
                     if self._held_once(self.kb.persons[pid], list(m.titles), country)]
            if not cands and not self._country_said_in(m.start, m.end):
                # a bare title (وزير الخارجية) took its country from the context, a guess too:
                # the one person named who ever held the office, of whatever country
                cands = [pid for pid in sorted(named) if self._held_once(self.kb.persons[pid], list(m.titles), None)]
                country = self.kb.persons[cands[0]].get("country") if len(cands) == 1 else country
            if len(cands) == 1:
                p = self.kb.persons[cands[0]]
                self.mentions[n] = self._person_mention(p, m.start, m.end, "role", m.titles, country)

    def _country_said_in(self, start: int, end: int) -> bool:
        """Whether a country word (a name, a capital, a nisba) is written between the
        character offsets or in the three words before them (a role mention may
        cover only the name after its title: الرئيس المصري [X])."""
        first = next((k for k, w in enumerate(self.words) if w.end > start), len(self.words))
        start = self.words[max(first - 3, 0)].start if self.words else start
        return any(start <= self.words[k].start and self.words[k].end <= end for k, _ in self._country_marks())

    def _resolve_deferred(self) -> None:
        """Mentions that point back at a person named earlier: نظيره السوري (the
        counterpart of the last person named, in another country) and الوزير السوري."""
        head = set(self.kb.titles.head_of_state)
        for kind, m, j, country in self.deferred:
            end = self.words[j - 1].end
            if kind == "counterpart":
                prev = self._last_person(before=m.start)
                if not prev or not prev.titles:
                    continue
                titles = sorted(head) if head & set(prev.titles) else list(prev.titles)
                holders = self._holders(titles, country, None)
                if len(holders) == 1:
                    self._add(self._person_mention(holders[0], m.start, end, "coref", tuple(titles), country), m.i, j)
            elif kind == "anaphor":
                # a bare title no context places (الأمير، الرئيس): the last person named
                # before it who held that office on the article's date
                chosen = list(country)
                for prev in sorted(self.mentions, key=lambda x: -x.start):
                    if prev.type == "PERSON" and prev.start < m.start and prev.kb_id in self.kb.persons \
                            and self.kb.holds(self.kb.persons[prev.kb_id], chosen, self.on):
                        self._add(self._copy(prev, m.start, end, "coref"), m.i, j)
                        break
            else:
                prev = self._last_person(before=m.start, country=country, titles=_MINISTER_TITLES)
                if prev:
                    self._add(self._copy(prev, m.start, end, "coref"), m.i, j)

    def _copy(self, prev: Mention, start: int, end: int, how: str) -> Mention:
        return Mention(start, end, prev.type, how, prev.kb_id, prev.name_en, prev.name_ar, prev.wikidata,
                       prev.country, prev.role, prev.titles, prev.local_key)

    def _last_person(self, before: int, country: str | None = None,
                     titles: set[str] | None = None) -> Mention | None:
        for m in sorted(self.mentions, key=lambda x: -x.start):
            if m.type != "PERSON" or m.start >= before:
                continue
            if country and m.country != country:
                continue
            if titles and not (set(m.titles) & titles):
                continue
            return m
        return None

    def _own_first_names(self, p: dict, variants: bool = True) -> set[str]:
        """The first words of the person's Arabic full names (and of its variant spellings)."""
        names = (p.get("names_ar") or []) + ((p.get("variants_ar") or []) if variants else [])
        return {normalize_key(n).split()[0] for n in names if " " in n.strip()}

    def _name_after(self, j: int, holders: list[dict], chosen: list[str]):
        """A person name starting at word j (after an optional comma): a known person
        ('person', end, (person, how, match)), with how 'conflict' for a known family
        name under another given name, or an unknown name ('unknown', end, None)."""
        words, idx, kb = self.words, self.idx, self.kb
        if j >= len(words) or self._break_before(j, clause=False):
            return None
        gap = words[j].gap
        if _CLAUSE_GAP.search(gap) and "،" not in gap and "," not in gap and j not in self._after_parenthetical:
            return None
        m = _match_at(idx, words, j, {"person"})
        if m and m.variant == words[j].key:
            persons = {a.id for a in m.aliases}
            how = "name" if any(a.how == "name" for a in m.aliases) else m.aliases[0].how
            if len(persons) == 1:
                return "person", m.j, (kb.persons[next(iter(persons))], how, m)
        # a given name, then a known family name or a spelling variant of one
        first = words[j].key
        if j + 1 < len(words) and _JOINING_GAP.match(words[j + 1].gap) and first not in idx.stopwords \
                and _ARABIC_WORD.match(first):
            m2 = _match_at(idx, words, j + 1, {"person"})
            if m2 and (m2.variant != words[j + 1].key or m2.j - m2.i > 1):
                m2 = None   # a full name starts at j + 1: word j is not its given name
            cands = {a.id for a in m2.aliases} if m2 else set()
            if not cands:
                m2 = None
                cands = {pid for pid, _ in kb.skeleton_matches(words[j + 1].key)}
            if len(cands) == 1:
                p = kb.persons[next(iter(cands))]
                end = m2.j if m2 else j + 2
                if first in self._own_first_names(p):
                    return "person", end, (p, "variant", None)
                # a given name has no article (أليكسي is not ال + ...: check the letters as written)
                given_like = first in idx.first_names or not words[j].text.startswith("ال")
                if given_like and (first in idx.first_names or p in holders or
                                   (not holders and chosen and kb.holds(p, chosen, self.on)) or
                                   self._undated_holder(p, chosen)):
                    return "person", end, (p, "conflict", None)
        end = self._unknown_name(j)
        if end:
            return "unknown", end, None
        p = self._holder_by_family_name(j, chosen)
        if p is not None and (not holders or p.get("country") in {h.get("country") for h in holders}):
            return "person", j + 1, (p, "short", None)
        return None

    def _holder_by_family_name(self, j: int, chosen: list[str]) -> dict | None:
        """«الرئيس رئيسي», «الرئيس عون»: one word after a title that is the family
        name of a person who held the office (the one holding it on the article's
        publication date when there are several), though the word alone may be an
        everyday one. A known given name is no family name here (الملك عبدالله)."""
        if not chosen or j >= len(self.words):
            return None
        w = self.words[j]
        if w.text.startswith("ال") and not w.key.startswith("ال") or not _ARABIC_WORD.match(w.key) \
                or w.key in self.idx.stopwords or w.key in self.idx.first_names:
            return None     # الملك عبدالله: a given name, which many holders share
        cands: list[dict] = []
        for t in self._with_equivalents(chosen):
            for p in self.kb.holders_by_family_name(t, w.key):
                if p not in cands:
                    cands.append(p)
        if len(cands) > 1 and self.article.published:
            cands = [p for p in cands if self.kb.holds(p, chosen, self.on)]
        elif len(cands) > 1:
            # no date: the one the article also names in full (للرئيس عون ... جوزاف عون)
            text = normalize_key(self.text)
            cands = [p for p in cands if any(" " in n and normalize_key(n) in text
                                             for n in (p.get("names_ar") or []) + (p.get("variants_ar") or []))]
        return cands[0] if len(cands) == 1 else None    # two holders and nothing to tell: no one

    def _unknown_name(self, j: int) -> int | None:
        """The end of an unknown personal name starting at word j, or None."""
        words, idx = self.words, self.idx
        first = words[j].key
        if (first[0] in "ولبفك" or words[j].text.startswith("ال")) and first not in idx.first_names:
            return None     # a proclitic or the article (as written: إلسا is a name): a phrase
        k = j
        while k < len(words) and k - j - self._particles(j, k + 1) < 4:
            w = words[k]
            if k > j and (not _JOINING_GAP.match(w.gap) or _QUOTES.search(w.gap)):
                break   # a quote inside is no name: أشاد "بمبادرة ..."
            if self._stopword(k, k - j) or not _ARABIC_WORD.match(w.key) or len(w.key) < 2:
                break
            if not self._name_part_ok(k, k - j):
                break
            after_bin = k > j and words[k - 1].key in ("بن", "ابن", "بنت")   # بن سلطان: a father's name
            if not after_bin and _match_at(idx, words, k, {"country", "org", "title", "place"}) \
                    and not self._family_name_like_a_town(j, k):
                break
            k += 1
        n = k - j
        if n == 0:
            return None
        if n >= 2 and self._noun_and_adjective(j, k):
            return None
        if n >= 3 and words[j + 1].key in _NASAB:
            # نواف بن بندر [بن فهد] [آل X]: a nasab ends after the last بن/آل pair
            i = j + 1
            while i + 1 < k and words[i].key in _NASAB:
                i += 2
            k, n = i, i - j
        starts_with_given = words[j].key in idx.first_names or words[j].key in _NAME_PARTICLES \
            or words[j].text in _ALI
        ends_at_break = self._break_before(k) or (k < len(words) and (
            words[k].key in idx.stopwords or not self._name_part_ok(k, k - j)))
        if n >= 2 and (ends_at_break or starts_with_given):
            if not ends_at_break and n > 2:
                # without a clear end keep the usual two-word name (and a particle pair; عبد X and a
                # compound given name, عز الدين، حرز الله, are one word)
                n = 3 if words[j + 1].key in _NAME_PARTICLES or words[j].key == "عبد" \
                    or words[j + 1].key in _FAMILY_PARTICLES \
                    or words[j + 1].key in _COMPOUND_SECONDS else 2
            if words[j].key in _NAME_PARTICLES and n < 2:
                return None
            return j + n
        return None

    def _stopword(self, k: int, pos: int = 0) -> bool:
        """Word k is a stop word for a name. علي (written with ي) opens a name in a
        text that writes the preposition على with ى elsewhere, when a name word follows."""
        words = self.words
        if words[k].key not in self.idx.stopwords:
            return False
        return not (pos == 0 and self._ali_named and words[k].text in _ALI and k + 1 < len(words)
                    and _JOINING_GAP.match(words[k + 1].gap) and words[k + 1].key not in self.idx.stopwords)

    def _particles(self, j: int, k: int) -> int:
        """Words of j..k-1 that do not count towards a name's four parts: particles
        (أبو، بن، عبد) and the second word of a compound (عز الدين، حرز الله), so
        that محمد هشام محمد أبو كشك and محمد أحمد حسن حرز الله are read whole."""
        words = self.words
        return sum(1 for x in range(j, k) if words[x].key in _NAME_PARTICLES
                   or (x > j and words[x].key in _COMPOUND_SECONDS))

    def _family_name_like_a_town(self, j: int, k: int) -> bool:
        """Word k, right after a known given name at j, is a town's name with the
        article only (سليم الأبيض) or one that is also a given name (ممدوح سالم): a
        family name, since a bare given name is not followed by a place without a
        preposition. From the third word of a name on, a town's name that is also a
        given name is the family name whatever the first word (شاكر سليم عمران)."""
        words, idx = self.words, self.idx
        if k == j or (k == j + 1 and words[j].key not in idx.first_names) or not (
                (k == j + 1 and words[k].text.startswith("ال")) or words[k].key in idx.first_names):
            return False    # a town's name that is also a given name (سالم, Salem in India) too,
            #                 also as the third word (شاكر سليم عمران: Amran in Yemen)
        m = _match_at(idx, words, k, {"country", "org", "title", "place"})
        return m is not None and m.j == k + 1 and m.kinds == {"place"}

    def _third_name_like_a_town(self, k: int) -> bool:
        """Word k, a town's name that is also a given name, closes a name of three
        words: the two words before it are untaken and the unknown name read from
        them runs through word k."""
        j = k - 2
        if any(x in self.used for x in (j, j + 1)) or not self._family_name_like_a_town(j, k):
            return False
        end = self._unknown_name(j)
        return end is not None and end > k

    def _noun_and_adjective(self, j: int, k: int) -> bool:
        """Words j..k-1 read as a feminine noun and its agreeing indefinite nisba
        (جلسة مباحثات رسمية، ندوة حوارية مفتوحة): the first word ends in taa
        marbuta and is no known given name, a later one is a feminine nisba (-ية);
        or a dual or plural noun and its agreeing adjective (اجتماعين منفصلين)."""
        first = self.words[j]
        if first.key in self.idx.first_names:
            return False
        if first.text.endswith("ة") and any(w.text.endswith("ية") and not w.text.startswith("ال")
                                             for w in self.words[j + 1:k]):
            return True
        ending = next((e for e in _DUAL_PLURAL if first.key.endswith(e)), None)
        return ending is not None and len(first.key) >= 5 and any(
            w.key.endswith(ending) and not w.key.startswith("ال") for w in self.words[j + 1:k])

    def _name_part_ok(self, k: int, pos: int) -> bool:
        """Whether word k can be word ``pos`` (0-based) of an unknown name: not a
        verb or everyday word of the cue list, not a verbal noun with the article
        after the first word (توبياس بيلستروم الاعتداء), and from the third word on
        not the word right before a complementizer (وصف ... الاعتداء بأنه)."""
        words, cues = self.words, self.kb.titles.name_cues
        key = words[k].key
        if key in cues.not_name_words or (pos >= 1 and cues.is_masdar(key)):
            return False
        if key not in self.idx.first_names and not (key[:1] in ("و", "ف") and key[1:] in self.idx.first_names):
            plain = _DIACRITIC.sub("", words[k].text)
            bare = plain[1:] if plain[:1] in ("و", "ف") else plain
            if pos == 0 and (plain.endswith("ة") or plain.startswith(_VERB_PREFIXES) or bare.startswith(
                    _VERB_PREFIXES) or (len(plain) <= 5 and plain[:1] == "ي" and plain[1:2] not in "اأإآويئ")
                    or (len(bare) >= 6 and bare[:1] in "يت" and bare.endswith(("ان", "ون")))
                    or (len(bare) >= 4 and bare.endswith("وا"))):
                return False    # قضية، رئاسة: a noun; يتحدثان، فيتعين، يضع، يبحثان، قادوا: a verb (given
                #                 names are known)
            if pos >= 1 and plain.endswith(_PRONOUN_SUFFIXES) and len(plain) >= 5:
                return False    # استقالته، حكومتها: a noun with a pronoun suffix
        if _TANWEEN.search(words[k].text):
            return False    # سؤالاً، كبيراً: an indefinite common word, never part of a name
        if pos >= 1 and key.startswith(_CLITIC_ARTICLE):
            return False    # للصحفيين، بالهجوم: a preposition and the article, not a name
        if pos >= 2 and k + 1 < len(words) and _JOINING_GAP.match(words[k + 1].gap) and \
                words[k + 1].key in cues.complementizers and key not in _COMPOUND_SECONDS \
                and key not in self.idx.first_names \
                and words[k - 1].key not in _NAME_PARTICLES and words[k - 1].key not in _FAMILY_PARTICLES:
            return False    # (a particle's word stays: محمد أبو زيد إن, وليد بني مصطفى إن; and a
            #                 given name read as a family name: سامي نادر عمران أن)
        return True

    def _link_named(self, p: dict, how: str, j: int, k: int, chosen: list[str], country: str | None,
                    org: str | None, holders: list[dict], label: str | None, former: bool,
                    title_match: Match, inferred: bool = False) -> int:
        kb = self.kb
        start, end = self.words[j].start, self.words[k - 1].end
        if how == "conflict" and self._same_spelling(self.text[start:end], [p]) is p:
            how = "variant"     # the given name is the base's, spelled another way (داود/داوود)
        if how == "conflict":
            if p in holders or (not holders and not former and chosen and kb.holds(p, chosen, self.on)) or \
                    (not former and self._undated_holder(p, chosen)):
                # the article gives the office holder's family name with another given name
                self._add(self._person_mention(p, start, end, "role", tuple(chosen), country), j, k)
                self.findings.append(Finding(
                    kind="kb_conflict",
                    field=f"name of {kb.role_label(kb.role_on(p, self.on, set(chosen))) or label or p['name_en']}",
                    found=self.text[start:end],
                    expected=f"{(p.get('names_ar') or [''])[0]} ({p.get('name_en')})", start=start, end=end,
                    note="the article's given name differs from the knowledge base's for this office holder"))
                return k
            # another member of the family (الرئيس الراحل حافظ الأسد)
            return self._link_unknown(k, j, chosen, country, org, holders, label, former, title_match, inferred)
        if holders and p not in holders and not former and len(holders) == 1 and label and not inferred \
                and not self._held_once(p, chosen, country):
            h = holders[0]
            self.findings.append(Finding(
                kind="kb_conflict", field=f"holder of {label} on {self.on.isoformat()}",
                found=self.text[start:end],
                expected=f"{(h.get('names_ar') or [''])[0]} ({h.get('name_en')})", start=start, end=end,
                note="the knowledge base has another holder of this office on the article's date"))
        self._add(self._person_mention(p, start, end, how, tuple(chosen), country), j, k)
        return k

    def _same_spelling(self, name_ar: str, holders: list[dict]) -> dict | None:
        """The person ``name_ar`` names up to ordinary spelling variants
        (``spelling_key``): one of the office holders, else the only such person."""
        ids = self.kb.spelling_matches(name_ar)
        for h in holders:
            if h["id"] in ids:
                return h
        return self.kb.persons[ids[0]] if len(ids) == 1 else None

    def _undated_holder(self, p: dict, titles: list[str]) -> bool:
        """Without a publication date, a person who held the office at some time
        counts as its holder (the article's date is only a guess)."""
        return not self.article.published and bool(titles) and self._held_once(p, titles, None)

    def _with_equivalents(self, titles: list[str]) -> set[str]:
        """The titles and their equivalents (``prime_minister``: a chancellor)."""
        wanted = set(titles)
        for t in titles:
            wanted.update(self.kb.titles.equivalents.get(t, []))
        return wanted

    def _held_once(self, p: dict, titles: list[str], country: str | None) -> bool:
        """Whether the person held the office at some time: then the article speaks of
        the past (في عام 2000 التقى الرئيس الأمريكي بيل كلينتون), no conflict."""
        wanted = self._with_equivalents(titles)
        return any(r.get("title") in wanted and (not country or (r.get("country") or p.get("country")) == country)
                   for r in p.get("roles") or [])

    def _link_unknown(self, k: int, j: int, chosen: list[str], country: str | None,
                      org: str | None, holders: list[dict], label: str | None, former: bool,
                      title_match: Match, inferred: bool = False) -> int:
        words = self.words
        phrase_words = title_match.j - title_match.i
        nasab = ((country is None and org is None) or inferred) and k - j >= 3 and \
            any(w.key in ("بن", "ابن", "بنت") for w in words[j + 1:k - 1])
        if not chosen or ((inferred or (country is None and org is None)) and phrase_words < 2 and not nasab):
            return j    # a bare one-word title says too little, unless a nasab name follows (الأمير X بن Y)
        if nasab:
            label, holders, country = None, [], None if inferred else country
        start, end = words[j].start, words[k - 1].end
        name_ar = self.text[start:end]
        if holders and not former and k - j >= 2:
            # الرئيس المصري عبد الفاهية السيسي: the holder's family name after a garbled given name
            last = _match_at(self.idx, words, k - 1, {"person"})
            if last is not None and last.j == k:
                ids = {a.id for a in last.aliases if a.how == "short"}
                hit = [h for h in holders if h["id"] in ids]
                if len(hit) == 1:
                    return self._link_named(hit[0], "conflict", j, k, chosen, country, org, holders, label, former,
                                            title_match, inferred)
        if holders and not former and k - j >= 3:
            # أمير قطر تميم حمد بن جاسم آل ثاني: the holder's given and family names around
            # a garbled middle
            ends = (words[j].key, words[k - 1].key)
            hit = [h for h in holders if any((f := normalize_key(n).split())[0] == ends[0] and f[-1] == ends[1]
                                             for n in h.get("names_ar") or [] if len(n.split()) >= 2)]
            if len(hit) == 1:
                return self._link_named(hit[0], "variant", j, k, chosen, country, org, holders, label, former,
                                        title_match, inferred)
        for x in range(j + 1, k - 1):
            # سلطان عمان قابوس بن سعيد: a known full name that ends the name (and is not the
            # tail of a nasab) is the name; the words before it are not part of a name
            inner = _match_at(self.idx, words, x, {"person"})
            if inner is not None and inner.j == k and inner.j - inner.i >= 2 and inner.variant == words[x].key \
                    and words[x - 1].key not in _NAME_PARTICLES and len({a.id for a in inner.aliases}) == 1 \
                    and any(a.how == "name" for a in inner.aliases):
                p = self.kb.persons[inner.aliases[0].id]
                self._add(self._person_mention(p, words[x].start, words[k - 1].end, "name"), x, k)
                return k
        same = self._same_spelling(name_ar, holders)
        if same is not None:    # إسحق هرتسوغ is إسحاق هرتسوغ spelled without the alif: no conflict
            return self._link_named(same, "variant", j, k, chosen, country, org, holders, label, former,
                                    title_match, inferred)
        typo = self._one_letter_off(name_ar, chosen, country) if country and not inferred and k - j >= 2 else None
        if typo is not None:    # عادل عبدي المهدي: a letter too many in a holder's name
            return self._link_named(typo, "variant", j, k, chosen, country, org, holders, label, former,
                                    title_match, inferred)
        if holders and not former and len(holders) == 1 and label and not inferred:
            h = holders[0]
            self.findings.append(Finding(
                kind="kb_conflict", field=f"holder of {label} on {self.on.isoformat()}", found=name_ar,
                expected=f"{(h.get('names_ar') or [''])[0]} ({h.get('name_en')})", start=start, end=end,
                note="the article names someone the knowledge base does not have in this office"))
        self._add_discovered(start, end, j, k, country, None if former else label, tuple(chosen))
        return k

    # -- step 1/2/4: names, short names, variants, places

    def _link_names(self) -> None:
        kb = self.kb
        confirmed = {m.kb_id for m in self.mentions if m.type == "PERSON" and m.kb_id}
        pending_short: list[tuple[Match, list[str]]] = []
        kunyas = self._kunyas_after_names()
        for m in self.matches:
            if not self.used.isdisjoint(range(m.i, m.j)):
                m = self._unused_full_name(m)
                if m is None:
                    continue
            if m.i in kunyas:
                continue    # (أبو عمار) right after a name is that person's, not Arafat
            persons = [a for a in m.aliases if a.kind == "person"]
            if persons and self._after_eponym_head(m.i):
                continue    # مستشفى الحسن الثاني, مطار رفيق الحريري: named after the person
            if persons and m.i > 0 and self.words[m.i - 1].key in ("بن", "ابن", "بنت") \
                    and _JOINING_GAP.match(self.words[m.i].gap):
                continue    # محمد بن سلمان بن عبدالعزيز آل سعود: a father's name, not a mention
            if persons:
                full = [a for a in persons if a.how in ("name", "variant")]
                if full and self._name_goes_on(m):
                    continue
                if full and len({a.id for a in full}) == 1:
                    p = kb.persons[full[0].id]
                    self._add(self._person_mention(p, m.start, m.end, full[0].how), m.i, m.j)
                    confirmed.add(p["id"])
                else:
                    pending_short.append((m, list(dict.fromkeys(a.id for a in persons))))
                continue
            self._link_other(m)
        confirmed |= self._link_spelling_variants()
        for m, ids in pending_short:
            if not self.used.isdisjoint(range(m.i, m.j)):
                continue
            if len(ids) == 1 and self._relatives_named(m, kb.persons[ids[0]]):
                continue
            # a foreign family name of five letters or more is not an Arabic word;
            # shorter ones (and Arab names such as الشرع) need the person confirmed
            distinctive = len(m.variant.replace("ال", "", 1)) >= 5
            ok = [i for i in ids if i in confirmed] or \
                 [i for i in ids if distinctive and kb.is_foreign(kb.persons[i])]
            if len(ok) == 1 and not self._foreign_given_name_before(m) and not self._nisba_of_noun(m):
                self._add(self._person_mention(kb.persons[ok[0]], m.start, m.end, "short"), m.i, m.j)
            elif any(a.kind != "person" for a in m.aliases):
                self._link_other(m)     # السوداني: the person's family name, else the nisba it also is
        self._link_skeletons()
        self._attach_kunyas(kunyas)

    # -- kunyas in parentheses: سمير فلان (أبو عامر)

    def _name_goes_on(self, m: Match) -> bool:
        """A known person's full name of two words or more followed, joined, by one more
        known given name (with no given name after it) names someone else whose name begins the same
        way (محمد مصطفى is not محمد مصطفى سالم). That longer name becomes a discovered
        person. True when it did."""
        words, idx = self.words, self.idx
        k = m.j
        if m.j - m.i < 2 or k >= len(words) or k in self.used or not _JOINING_GAP.match(words[k].gap) \
                or _QUOTES.search(words[k].gap) or words[k].key not in idx.first_names \
                or words[k].key in idx.stopwords or words[k].key in _NAME_PARTICLES \
                or _match_at(idx, words, k, {"person", "country", "org", "title", "place"}) \
                or words[k].key in idx.title_heads:
            return False    # علي شمخاني أمين المجلس: a title's first word (أمين عام) in apposition
        after = k + 1
        if not self._name_part_ok(k, k - m.i) or (after < len(words) and _JOINING_GAP.match(words[after].gap)
                                                   and words[after].key in idx.first_names):
            return False    # a given name after it too: a list of names, or a longer name
        if any(x in self.used for x in range(m.i, after)):
            return False
        # the words the two names share keep the base's spelling (Mohammad Mustafa + Ayoub)
        ids = {a.id for a in m.aliases if a.kind == "person" and a.how in ("name", "variant")}
        known = (self.kb.persons[next(iter(ids))].get("name_en") or "").split() if len(ids) == 1 else []
        name_en = " ".join(known + [romanize(words[k].text)]) if len(known) == m.j - m.i else None
        self._add_discovered(words[m.i].start, words[k].end, m.i, after, name_en=name_en)
        return True

    def _relatives_named(self, m: Match, p: dict) -> bool:
        """«حازم وأمير ومحمد هنية»: two given names or more joined by و before the family
        name of a known person of the Arab world (not his own given name) name brothers
        or sisters of that family, each a discovered person with the family's English
        spelling from the base (Hazem Haniyeh, Amir Haniyeh, Mohammed Haniyeh). True when
        some were found."""
        words, idx = self.words, self.idx
        i = m.i
        if i == 0 or m.j != i + 1 or self.kb.is_foreign(p) or not _JOINING_GAP.match(words[i].gap) \
                or m.variant != words[i].key:
            return False
        own = self._own_first_names(p, variants=False)
        # a word a bare title took (وأمير: also a given name) is free when no mention covers it
        # (of the eight words before the name; asked only of the words the loop reaches)
        lo, mentions = max(0, i - 8), self.mentions

        def taken(x: int) -> bool:
            return x >= lo and any(mn.start < words[x].end and words[x].start < mn.end for mn in mentions)

        given: list[tuple[int, bool]] = []      # (word, written with و)
        k = i - 1
        while k >= 0 and not taken(k) and _JOINING_GAP.match(words[k + 1].gap):
            key = words[k].key
            if key in idx.first_names and key not in _NAME_PARTICLES:
                given.append((k, False))
                break
            if key[:1] == "و" and key[1:] in idx.first_names and key[1:] not in _NAME_PARTICLES:
                given.append((k, True))
                k -= 1
                continue
            break
        if len(given) < 2 or given[-1][1] or given[0][0] != i - 1 or words[i - 1].key.lstrip("و") in own:
            return False    # a list of two given names or more, opening without و (لونا شكري alone
            #                 is anyone called Shukri)
        if k > 0 and _JOINING_GAP.match(words[k].gap) and (
                words[k - 1].key in _NAME_PARTICLES or words[k - 1].key in idx.first_names
                or _match_at(idx, words, k - 1, {"person"})):
            return False    # the first given name continues a longer name
        family_ar = words[i].text
        family_en = (p.get("name_en") or "").split()[-1]
        for k, with_wa in given:
            start = words[k].start + (1 if with_wa else 0)
            end = words[i].end if k == i - 1 else words[k].end
            given_ar = words[k].text[1:] if with_wa else words[k].text
            name_ar = f"{given_ar} {family_ar}"
            self._add(Mention(start, end, "PERSON", "discovered", None, f"{romanize(given_ar)} {family_en}",
                              name_ar, None, p.get("country"), None, (), local_key=normalize_key(name_ar)),
                      k, k + 1 if k != i - 1 else i + 1)
        return True

    def _unused_full_name(self, m: Match) -> Match | None:
        """The full name of a known person that ends a match whose first words a role
        phrase took (الأخ الشقيق للعاهل الأردني [الملك] عبد الله الثاني: the title read
        «الملك»; the name after it still names the king), or None."""
        last_used = max(x for x in range(m.i, m.j) if x in self.used)
        if last_used + 1 >= m.j:
            return None
        tail = _match_at(self.idx, self.words, last_used + 1, {"person"})
        if tail is None or tail.j > m.j or tail.variant != self.words[tail.i].key:
            return None
        if not any(a.kind == "person" and a.how in ("name", "variant") for a in tail.aliases):
            return None
        return tail

    def _kunya_sites(self) -> dict[int, tuple[int, int]]:
        """Kunyas in parentheses: first word → (one past the last word, the
        character after the closing parenthesis)."""
        words, heads = self.words, self.kb.titles.name_cues.kunya_heads
        sites: dict[int, tuple[int, int]] = {}
        for i, w in enumerate(words):
            if i == 0 or w.key not in heads or w.gap.strip() != "(":
                continue
            for k in range(i + 1, min(i + 4, len(words))):
                if not _JOINING_GAP.match(words[k].gap):
                    break
                rest = self.text[words[k].end:]
                if rest.lstrip(" ").startswith(")"):
                    sites[i] = (k + 1, words[k].end + rest.index(")") + 1)
                    break
        return sites

    def _kunyas_after_names(self) -> dict[int, tuple[int, int, int | None]]:
        """The kunyas in parentheses that follow a name: first word → (end word,
        end character, first word of an unknown name before it, or None when a
        known person's name ends right before)."""
        known_ends = {m.j for m in self.matches if any(a.kind == "person" and a.how in ("name", "variant")
                                                         for a in m.aliases)}
        out = {}
        for i, (j, end) in self._kunya_sites().items():
            if i in known_ends or any(mn.type == "PERSON" and mn.end == self.words[i - 1].end
                                      for mn in self.mentions):
                out[i] = (j, end, None)
                continue
            first = self._name_before(i)
            if first is not None:
                out[i] = (j, end, first)
        return out

    def _name_before(self, i: int) -> int | None:
        """The first word of an unknown name of two or three words ending right
        before word i, or None."""
        words, idx, cues = self.words, self.idx, self.kb.titles.name_cues
        covered = {x for m in self.matches if m.kinds - {"person"} for x in range(m.i, m.j)}
        k = i - 1
        while k >= 0 and i - k <= 3:
            w = words[k]
            if k in self.used or k in covered or not _ARABIC_WORD.match(w.key) or w.key in idx.stopwords \
                    or w.key in cues.not_name_words or cues.is_masdar(w.key):
                break
            k -= 1
            if k < 0 or not _JOINING_GAP.match(words[k + 1].gap) or self._break_before(k + 1):
                break
        first = k + 1
        # a name does not start with the article (القيادي سمير ...): drop such words
        while first < i and words[first].key.startswith("ال") and words[first].key not in idx.first_names:
            first += 1
        return first if i - first >= 2 else None

    def _attach_kunyas(self, kunyas: dict[int, tuple[int, int, int | None]]) -> None:
        """Make each kunya part of the mention of the name before it: the known
        person's mention grows to the closing parenthesis; an unknown name becomes
        a discovered person."""
        words = self.words
        for i, (j, end, first) in sorted(kunyas.items()):
            if not self.used.isdisjoint(range(i, j)):
                continue
            if first is None:
                prev = next((mn for mn in self.mentions
                             if mn.type == "PERSON" and mn.end == words[i - 1].end), None)
                if prev is not None:
                    for mn in self.mentions:
                        if mn.type == "PERSON" and mn.start == prev.start and mn.end == prev.end:
                            mn.end = end
                self.used.update(range(i, j))
                continue
            if not self.used.isdisjoint(range(first, i)):
                continue
            start = words[first].start
            key = words[first].key
            if key[:1] == "و" and key not in self.idx.first_names and len(key) > 3:
                start += 1      # وعزام: the conjunction is not part of the name
            name_ar = self.text[start:words[i - 1].end]
            self._add(Mention(start, end, "PERSON", "discovered", None, romanize(name_ar), name_ar, None,
                              None, None, (), local_key=normalize_key(name_ar)), first, j)

    def _after_eponym_head(self, i: int) -> bool:
        if i == 0 or not _JOINING_GAP.match(self.words[i].gap):
            return False
        return bool(set(self.words[i - 1].variants) & self.kb.titles.eponym_heads)

    def _link_spelling_variants(self) -> set[str]:
        """A full name spelled another ordinary way (a medial alif dropped or added:
        هيثم علي الطبطبائي for الطباطبائي; عبدالرحمن / عبد الرحمن) is that person:
        two to four free words on one line, starting with a known given name, whose
        ``spelling_key`` is one person's full name. Returns the persons linked."""
        linked: set[str] = set()
        words, n = self.words, len(self.words)
        i = 0
        given = self.idx.given_form      # a word's key -> its form that is a given name (or None)
        while i < n:
            if i in self.used:
                i += 1
                continue
            key = words[i].key
            if key not in given:            # worked out once per distinct word
                _remember(given, key, next((v for v in words[i].variants[:2] if v in self.idx.first_names
                                            or spelling_key(v) in self.idx.first_name_spellings), None))
            first = given[key]
            if first is None or first in _NAME_PARTICLES or self._after_eponym_head(i) or \
                    (i > 0 and words[i - 1].key in ("بن", "ابن", "بنت")):
                i += 1
                continue        # مطار رفيق الحريري; بن عبدالعزيز آل سعود is a father's name
            start = _variant_offset(words[i], first)
            hit = None
            for j in range(min(n, i + 4), i + 1, -1):
                if any(k in self.used or not _JOINING_GAP.match(words[k].gap) or "\n" in words[k].gap
                       for k in range(i + 1, j)):
                    continue
                ids = self.kb.spelling_matches(self.text[start:words[j - 1].end])
                if len(ids) == 1:
                    hit = (j, ids[0])
                    break
            if hit is None:
                i += 1
                continue
            j, pid = hit
            self._add(self._person_mention(self.kb.persons[pid], start, words[j - 1].end, "variant"), i, j)
            linked.add(pid)
            i = j
        return linked

    def _one_letter_off(self, name_ar: str, titles: list[str], country: str) -> dict | None:
        """The one person who held the office (at any time) whose full name is this
        unknown name with one letter added, dropped or changed (a typo), names of
        eight letters or more."""
        from rapidfuzz.distance import Levenshtein

        key = normalize_key(name_ar).replace(" ", "")
        if len(key) < 8:
            return None
        found = []
        for t in self._with_equivalents(titles):
            for p in self.kb.holders_ever(t, country):
                if p in found:
                    continue
                names = (p.get("names_ar") or []) + (p.get("variants_ar") or [])
                if any(Levenshtein.distance(key, normalize_key(n).replace(" ", ""), score_cutoff=1) <= 1
                       for n in names if " " in n):
                    found.append(p)
        return found[0] if len(found) == 1 else None

    def _nisba_of_noun(self, m: Match) -> bool:
        """A family name that is also a country's nisba (السوداني) right after a
        definite noun is that noun's adjective (الشعب السوداني), not the person."""
        i = m.i
        if i == 0 or not any(a.kind == "country" and a.how == "nisba" for a in m.aliases):
            return False
        gap = self.words[i].gap
        if not _JOINING_GAP.match(gap) or "\n" in gap or m.variant != self.words[i].key:
            return False
        prev = self.words[i - 1]
        return any(v.startswith("ال") for v in prev.variants) and prev.key not in self.idx.first_names

    def _foreign_given_name_before(self, m: Match) -> bool:
        """'جيل بايدن' is not Joe Biden: a given name right before a short form that
        is not the person's own marks another person of the same family."""
        i = m.i
        if i == 0 or not _JOINING_GAP.match(self.words[i].gap) or m.variant != self.words[i].key:
            return False
        prev = self.words[i - 1].key
        if prev not in self.idx.first_names or (i - 1) in self.used:
            return False
        for a in m.aliases:
            p = self.kb.persons.get(a.id)
            if p and prev in self._own_first_names(p, variants=False):
                return False
            if p and p["id"] in self.kb.spelling_matches(self.text[self.words[i - 1].start:m.end]):
                return False    # إسحق هرتسوغ: the person's own given name, spelled without the alif
        return True

    def _link_skeletons(self) -> None:
        """Family names spelled differently from the base (بوجدانوف): with the
        person's own given name before them, or alone once the person is named."""
        kb = self.kb
        confirmed = {m.kb_id for m in self.mentions if m.type == "PERSON" and m.kb_id}
        pending: list[tuple[int, int, int, dict]] = []
        names_one = self.idx.skeleton_word
        for i, w in enumerate(self.words):
            if i in self.used or w.key in self.idx.stopwords:
                continue
            if not names_one.get(w.key, True):
                continue    # none of the word's forms names one person (most words; worked out below)
            for variant in w.variants:
                one = self.idx.skeleton_person
                if variant not in one:          # the one person a form's skeleton names, once per form
                    cands = {pid for pid, _ in kb.skeleton_matches(variant)}
                    _remember(one, variant, next(iter(cands)) if len(cands) == 1 else None)
                if one[variant] is None:
                    continue
                names_one[w.key] = True
                p = kb.persons[one[variant]]
                start = _variant_offset(w, variant)
                first = i
                if i > 0 and (i - 1) not in self.used and _JOINING_GAP.match(w.gap):
                    prev = self.words[i - 1].key
                    if prev in self._own_first_names(p):
                        first, start = i - 1, self.words[i - 1].start
                        confirmed.add(p["id"])
                    elif prev in self.idx.first_names:
                        break    # another given name: another person of that family
                pending.append((first, i, start, p))
                break
            else:               # no form names one person: the forms depend on the key only
                _remember(names_one, w.key, False)
        for first, i, start, p in pending:
            if p["id"] in confirmed:
                self._add(self._person_mention(p, start, self.words[i].end, "variant"), first, i + 1)

    def _link_other(self, m: Match) -> None:
        kb = self.kb
        a = m.aliases[0]
        for pref in ("org", "country", "place"):
            cand = [x for x in m.aliases if x.kind == pref]
            if cand:
                a = next((x for x in cand if x.how == "name"), cand[0])
                break
        else:
            return
        if a.kind == "org":
            if self._shared_org_name(m):
                a = self._org_of_context(m)
                if a is None:
                    return
            o = kb.organizations[a.id]
            if self._org_continues(o, m.j):
                return      # مجلس الأمن القومي is not the UN Security Council
            if o.get("metonym_for") and o["metonym_for"] in kb.countries:
                self._add(self._country_mention(o["metonym_for"], m.start, m.end, "metonym"), m.i, m.j)
            else:
                self._add(Mention(m.start, m.end, "ORG", "nisba" if a.how == "nisba" else "name", a.id, o.get("name_en"),
                                  (o.get("names_ar") or [None])[0], o.get("wikidata"), o.get("country")),
                          m.i, m.j)
        elif a.kind == "country":
            how = a.how
            if how in ("nisba", "demonym"):
                how = "demonym" if self._is_demonym(m) else "nisba"
                if how == "demonym":
                    self._demonym_words.add(m.j - 1)
            self._add(self._country_mention(a.id, m.start, m.end, how), m.i, m.j)
        elif a.kind == "place":
            if self._future_prefix(m):
                return
            if m.j == m.i + 1 and m.i > 0 and self._family_name_like_a_town(m.i - 1, m.i) \
                    and _JOINING_GAP.match(self.words[m.i].gap):
                return      # ممدوح سالم: a family name (Salem in India is no place of this text)
            if m.j == m.i + 1 and m.i > 1 and self._third_name_like_a_town(m.i):
                return      # شاكر سليم عمران: the third word of a name (Amran in Yemen is no place here)
            pl = kb.places[a.id]
            self._add(Mention(m.start, m.end, "LOC", "name", a.id, pl.get("name_en"),
                              (pl.get("names_ar") or [None])[0], pl.get("wikidata"), pl.get("country")),
                      m.i, m.j)

    # -- parties named without a name: demonyms, epithets, towns with a nisba, vessels

    def _future_prefix(self, m: Match) -> bool:
        """Whether the match lost a س to clitic stripping: سفينة is not س + فينة
        (the future prefix never goes on a place name)."""
        w = self.words[m.i]
        return w.key != m.variant and w.key.endswith(m.variant) and "س" in w.key[:len(w.key) - len(m.variant)]

    def _is_demonym(self, m: Match) -> bool:
        """A plural nisba (السوريون، المغاربة) standing for its people, not an
        adjective of the noun before it (الجنود الإسرائيليين)."""
        # a singular nisba ends in ي/ية; a listed plural (السوريون، الأتراك) does not
        if not (any(a.how == "demonym" for a in m.aliases) or not m.variant.endswith(("ي", "يه"))):
            return False
        w = self.words[m.i]
        if w.key != m.variant and not w.key.endswith("ال" + m.variant.removeprefix("ال")) \
                or w.key != m.variant and w.key[:1] in "بلك":
            return True         # للسوريين، والمغاربة: a preposition or و, so no adjective
        if m.i == 0 or self._break_before(m.i):
            return True
        if w.key != m.variant and w.key[:1] in "وف" and (m.i - 1) in self._demonym_words:
            return True         # الأتراك والسوريين: coordinated with a people
        prev = self.words[m.i - 1]
        if prev.key in self.parties.quantifiers or set(prev.variants) & self.parties.quantifiers:
            return True         # آلاف المغاربة، خمسة أميركيين
        # an adjective agrees in definiteness with its noun (as written: لمسؤولين is indefinite)
        definite = ("ال",) + _CLITIC_ARTICLE
        return w.key.startswith(definite) != prev.key.startswith(definite)

    def _shared_org_name(self, m: Match) -> bool:
        """Whether the match is a bare name several countries' bodies bear
        (مجلس النواب، مجلس الأمة، الديوان الملكي، البرلمان)."""
        orgs = self.kb.organizations
        first = _UNSET              # (two countries found is enough: no set built, most matches no org)
        for a in m.aliases:
            if a.kind == "org":
                country = orgs[a.id].get("country")
                if first is _UNSET:
                    first = country
                elif country != first:
                    return True
        return False

    def _body_alias(self, m: Match) -> Alias | None:
        """The country or body a match names: its first such alias, or for a bare
        name several countries' bodies share, the context's (None if unclear)."""
        if self._shared_org_name(m):
            return self._org_of_context(m)
        return next((a for a in m.aliases if a.kind in {"country", "org"}), None)

    def _org_of_context(self, m: Match) -> Alias | None:
        """The body a shared bare name names: the one of the country its sentence
        names before it or the article is about (``_context_country``); when the
        context names no country, the one of the only candidate country the article
        names; None when unclear."""
        orgs = self.kb.organizations
        cands = [a for a in m.aliases if a.kind == "org"]
        iso = self._context_country(m.i, late=True)
        found = [a for a in cands if orgs[a.id].get("country") == iso] if iso else []
        if not found and not iso:       # a context country whose body the base lacks: not another's
            named = {c for _, c in self._country_marks()}
            found = [a for a in cands if orgs[a.id].get("country") in named]
        return found[0] if len({orgs[a.id].get("country") for a in found}) == 1 else None

    def _countries_in_article(self) -> set[str]:
        """Every country the text names, or names a place or a body of."""
        if self._article_countries is None:
            found = set()
            for m in self.matches:
                for a in m.aliases:
                    if a.kind == "country":
                        found.add(a.id)
                    elif a.kind == "org" and not self._shared_org_name(m):
                        o = self.kb.organizations[a.id]
                        found.add(o.get("metonym_for") or o.get("country") or "")
                    elif a.kind == "place":
                        found.add(self.kb.places[a.id].get("country") or "")
            self._article_countries = found - {""}
        return self._article_countries

    def _dominant_country(self) -> str | None:
        """The country named at least three times and twice as often as any other."""
        marks = self._country_marks()
        if self._dominant is not None and self._dominant[0] is marks:
            return self._dominant[1]      # (asked for every bare title: the marks do not change)
        counts = Counter(iso for _, iso in marks).most_common(2)
        if not counts or counts[0][1] < 3 or (len(counts) > 1 and counts[0][1] < 2 * counts[1][1]):
            found = None
        else:
            found = counts[0][0]
        self._dominant = (marks, found)
        return found

    def _phrase_at(self, i: int, phrase: tuple[str, ...]) -> int | None:
        """One past the last word when ``phrase`` is written at word i (the first
        word may carry a clitic: لقوات الاحتلال), else None."""
        j = i + len(phrase)
        if j > len(self.words) or phrase[0] not in self.words[i].variants:
            return None
        for n in range(1, len(phrase)):
            w = self.words[i + n]
            if w.key != phrase[n] or (i + n) in self.used or not _JOINING_GAP.match(w.gap):
                return None
        return j

    def _phrase_memo(self, by_first: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
        """``_phrases_from``'s answers for the table, by word key (a pass reads it
        first: most words open no phrase)."""
        entry = self.idx.phrase_starts.get(id(by_first))
        if entry is None or entry[0] is not by_first:
            entry = self.idx.phrase_starts[id(by_first)] = (by_first, {})
        return entry[1]

    def _phrases_from(self, i: int, by_first: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
        """Positions (in list order) of the phrases whose first word is one of word i's
        forms: only those can be written at i, so each word looks up its few
        candidates instead of trying every epithet and vessel head. The forms depend on
        the word's key only: each distinct word is looked up once."""
        memo, key = self._phrase_memo(by_first), self.words[i].key
        found = memo.get(key)
        if found is None:
            found = [k for v in self.words[i].variants for k in by_first.get(v, ())]
            found = _remember(memo, key, tuple(sorted(set(found)) if len(found) > 1 else found))
        return found

    def _nisba_at(self, j: int) -> Match | None:
        """A country nisba written right after the words before j."""
        if j >= len(self.words) or j in self.used or not _JOINING_GAP.match(self.words[j].gap):
            return None
        nxt = _match_at(self.idx, self.words, j, {"country"})
        return nxt if nxt and any(a.how == "nisba" for a in nxt.aliases) else None

    def _link_epithets(self) -> None:
        """«الاحتلال», «قوات النظام», «التحالف»: a government or an army named by a
        media epithet (parties.json), only in the context the entry states."""
        by_first = self.parties.epithets_by_first
        memo = self._phrase_memo(by_first)
        for i, w in enumerate(self.words):
            found = memo.get(w.key)
            if found is None:
                found = self._phrases_from(i, by_first)
            if not found or i in self.used:
                continue
            for k in found:
                phrase, country, org, context = self.parties.epithets[k]
                j = self._phrase_at(i, phrase)
                if j is None:
                    continue
                nisba = self._nisba_at(j)
                if country == "dominant":
                    country = self._dominant_country()
                elif country == "context":
                    country = self._context_country(i, late=True)
                target = country or (self.kb.organizations.get(org or "") or {}).get("country")
                if nisba:
                    if nisba.aliases[0].id != target:
                        break       # الاحتلال الفرنسي: the nisba says whose, and links itself
                    j = nisba.j
                elif j < len(self.words) and j not in self.used and _JOINING_GAP.match(self.words[j].gap) \
                        and self.parties.epithet_modifiers.get(self.words[j].key, "") == target:
                    j += 1          # الاحتلال الصهيوني، الكيان الصهيوني: the word says whose again
                elif j < len(self.words) and _JOINING_GAP.match(self.words[j].gap) and \
                        self.words[j].key.startswith("ال") and self.words[j].key.endswith(("ي", "يه")):
                    break           # النظام الدولي، التحالف الدولي: another system, another coalition
                if not target or (context and not context & self._countries_in_article()):
                    break
                start = _variant_offset(self.words[i], phrase[0])
                end = self.words[j - 1].end
                if org and org in self.kb.organizations:
                    o = self.kb.organizations[org]
                    self._add(Mention(start, end, "ORG", "epithet", org, o.get("name_en"),
                                      (o.get("names_ar") or [None])[0], o.get("wikidata"), o.get("country")), i, j)
                elif country in self.kb.countries:
                    self._add(self._country_mention(country, start, end, "epithet"), i, j)
                break

    def _link_towns_with_nisba(self) -> None:
        """«جدة السعودية», «مدينة حلب السورية»: a town followed by a feminine nisba is
        a LOC in that country (the nisba also tells طرابلس اللبنانية from Libya's).
        An unknown town after «مدينة»/«بلدة» is discovered the same way."""
        for m in self.matches:
            if "place" not in m.kinds or not self.used.isdisjoint(range(m.i, m.j)):
                continue
            places = [a for a in m.aliases if a.kind == "place"]
            nisba = self._nisba_at(m.j) if places and not self._future_prefix(m) else None
            if not nisba or not self.words[nisba.i].key.endswith("يه"):
                continue
            iso = nisba.aliases[0].id
            a = next((x for x in places if self.kb.places[x.id].get("country") == iso), places[0])
            pl = self.kb.places[a.id]
            self._add(Mention(m.start, nisba.end, "LOC", "name", a.id, pl.get("name_en"),
                              (pl.get("names_ar") or [None])[0], pl.get("wikidata"), iso), m.i, m.j)
            self._add(self._country_mention(iso, nisba.start, nisba.end, "nisba"), nisba.i, nisba.j)
        for i, w in enumerate(self.words[:-2]):
            if i in self.used or self.parties.place_heads.isdisjoint(w.variants):
                continue
            for n in (1, 2):
                k = i + 1 + n
                names = self.words[i + 1:k]
                if any(x in self.used or x in self._match_starts() for x in range(i + 1, k)) or \
                        any(not _ARABIC_WORD.match(x.key) or x.key in self.idx.stopwords or
                            not _JOINING_GAP.match(x.gap) for x in names):
                    break
                nisba = self._nisba_at(k)
                if nisba and self.words[nisba.i].key.endswith("يه"):
                    iso = nisba.aliases[0].id
                    name_ar = " ".join(x.text for x in names)
                    self._add(Mention(names[0].start, nisba.end, "LOC", "discovered", None,
                                      _romanize_words([x.text for x in names]), name_ar, None, iso), i + 1, k)
                    self._add(self._country_mention(iso, nisba.start, nisba.end, "nisba"), nisba.i, nisba.j)
                    break

    def _match_starts(self) -> set[int]:
        return {m.i for m in self.matches}

    def _link_vessels(self) -> None:
        """«سفينة "غالاكسي ليدر"», «حاملة الطائرات أيزنهاور»: a ship or an aircraft
        named after its head word is a LOC (how: vessel), so events can take it as
        a target. The name is quoted or Latin; after the heads of
        ``unquoted_vessel_heads`` it may be one or two plain Arabic words."""
        words, parties = self.words, self.parties
        not_names = self.kb.titles.name_cues.not_name_words | self.idx.stopwords
        by_first = parties.vessel_heads_by_first
        memo = self._phrase_memo(by_first)
        for i, w in enumerate(words):
            found = memo.get(w.key)
            if found is None:
                found = self._phrases_from(i, by_first)
            if not found or i in self.used:
                continue
            head = next((parties.vessel_heads[k] for k in found
                         if self._phrase_at(i, parties.vessel_heads[k]) is not None), None)
            if head is None:
                continue
            j = i + len(head)
            while j < len(words) and j - i - len(head) < 2 and words[j].key in parties.vessel_kinds \
                    and _JOINING_GAP.match(words[j].gap):
                j += 1          # ناقلة النفط، سفينة الشحن
            country = None
            nisba = self._nisba_at(j)
            if nisba:
                country, j = nisba.aliases[0].id, nisba.j
            if j >= len(words) or self._break_before(j):
                continue
            k = j
            if _opens_quote(words[j].gap):
                while k < len(words) and k - j < 5:
                    k += 1
                    if k >= len(words) or _closes_quote(words[k].gap) or self._break_before(k):
                        break
                if k >= len(words) or not _closes_quote(words[k].gap):
                    continue
            elif _LATIN_WORD.match(words[j].text):
                while k < len(words) and _LATIN_WORD.match(words[k].text) and \
                        (k == j or _JOINING_GAP.match(words[k].gap)):
                    k += 1
            elif head in parties.unquoted_heads:
                while k < len(words) and k - j < 2 and (k == j or _JOINING_GAP.match(words[k].gap)) and \
                        _ARABIC_WORD.match(words[k].key) and not words[k].key.startswith("ال") and \
                        words[k].key not in not_names and k not in self.used:
                    k += 1
            if k == j or not self.used.isdisjoint(range(j, k)):
                continue
            names = words[j:k]
            name_en = None
            after = k
            if k < len(words) and "(" in words[k].gap and _LATIN_WORD.match(words[k].text):
                latin = []
                while after < len(words) and _LATIN_WORD.match(words[after].text) and \
                        (after == k or not _CLAUSE_GAP.search(words[after].gap)):
                    latin.append(words[after].text)
                    after += 1
                name_en = " ".join(latin)
            if nisba is None:
                late = self._nisba_at(after) if after == k else None
                if late:
                    country = late.aliases[0].id
            name_ar = _QUOTES.sub("", " ".join(x.text for x in names)).strip()
            name_en = name_en or _romanize_words([x.text for x in names])
            self.used.update(range(i, i + len(head)))
            self._add(Mention(names[0].start, names[-1].end, "LOC", "vessel", None, name_en, name_ar,
                              None, country), j, after)

    # -- persons introduced by a description (الناشط، رجل الأعمال، اللاجئ العراقي)

    def _discover_described(self) -> None:
        """A name of two or more words right after a description that is no office
        (titles.json name_cues.descriptors), with an optional nisba (الدبلوماسي
        السويدي), 'في' and a body (القيادي في حماس) or a 'named' word (لاجئ عراقي
        يدعى) between, is a discovered person; the nisba or the body gives the country."""
        words, cues = self.words, self.kb.titles.name_cues
        opens = self.idx.opens_description     # (``_after_descriptor``'s memo: False, no description)
        i = 0
        while i < len(words):
            key = words[i].key
            if key in cues.list_cues and i not in self.used:
                i = self._discover_list(i)
                continue
            if opens.get(key, True) is False:
                i += 1      # a word known to open no description (most words): no call
                continue
            k = self._after_descriptor(i)
            if k is None:
                i += 1
                continue
            k, country = self._descriptor_qualifiers(k)
            if self._honorific_without_name(i, k):
                i += 1
                continue
            named = k < len(words) and words[k].key in cues.named and not self._break_before(k)
            if named:
                k += 1
            elif not self._descriptor_is_definite(i):
                i += 1
                continue
            end = self._described_name(k)
            if end is None and not named:
                k, end = self._name_after_place(k)
            known = self._known_person_at(k) if k < len(words) else None
            if end is None and known is not None:
                # المصورين الصحافيين مريم أبو دقة، ومعاذ أبو طه: the list goes on after a known person
                for start, k2, end2 in self._listed_names(known, given_only=True):
                    self._add_discovered(start, words[end2 - 1].end, k2, end2, country)
                i = known
                continue
            if end is None:
                i = k
                continue
            if self._descriptor_form in cues.honorifics and not self._table_spelt(k, end):
                i = end
                continue
            # كريم فاضلي وسامر نوري: a name ends before «و» + another given name
            end = next((x for x in range(k + 2, end) if words[x].key.startswith("و")
                        and words[x].key not in self.idx.first_names), end)
            start, stop = words[k].start, words[end - 1].end
            # a nisba inside the description is part of it, not a country mention
            inside = (words[i].start, start)
            self.mentions = [mn for mn in self.mentions if not (
                mn.how == "nisba" and inside[0] <= mn.start and mn.end <= inside[1])]
            self._add_discovered(start, stop, k, end, country)
            self.used.update(range(i, k))
            # رجلا الأعمال X Y وZ W: every name of the list is a person
            for start, k, end in self._listed_names(end):
                self._add_discovered(start, words[end - 1].end, k, end, country)
            i = end

    def _discover_after_office(self) -> None:
        """«وقال مدير دائرة الآثار العامة خالد منصور، إن»: a noun of office in construct
        (titles.json name_cues.office_heads: مدير، مستشار، وكيل، مندوب…) and the body it
        governs (one to six words, no punctuation), then a name that opens with an Arabic
        given name of the table (a foreign name's family name would be spelled letter by
        letter: مستشار الرئيس الروسي يوري …) right after a definite word (not an eponym's head nor a
        title: مستشفى الملك فهد), and ends at punctuation or a complementizer: a
        discovered person. An office noun that a role phrase of the base took is left
        to ``_role_phrase``, which reads the name after its title."""
        words, cues, given = self.words, self.kb.titles.name_cues, self.kb.arabic_given_names
        eponyms, opens = self.kb.titles.eponym_heads, self.idx.opens_office
        n = len(words)
        for i in range(n - 3):
            key = words[i].key
            if key not in opens:            # worked out once per distinct word
                # a noun in construct never takes the article (التيار المحافظ: an adjective)
                _remember(opens, key, any(v in cues.office_heads for v in words[i].variants)
                          and not any(v.startswith("ال") for v in words[i].variants))
            if not opens[key] or i in self.used:
                continue    # a role phrase of the base (وكيل الوزارة، رئيس الوزراء) read its own name
            for x in range(i + 2, min(i + 8, n - 1)):
                w = words[x]
                if not _JOINING_GAP.match(w.gap) or w.key in cues.not_name_words \
                        or w.key in cues.complementizers:
                    break
                prev = words[x - 1]
                if w.key not in given or x in self.used or not prev.key.startswith(("ال", "لل")) \
                        or set(prev.variants) & eponyms or prev.key in self.idx.title_heads \
                        or self._known_person_at(x) is not None:
                    continue
                if set(words[x - 2].variants) & eponyms and (prev.key in cues.eponym_epithets
                                                             or prev.key in cues.honorifics):
                    continue    # مدير مستشفى الشهيد محمد الدرة: the one the hospital is named after
                end = self._described_name(x)
                if end is None or not (self._break_before(end) or words[end].key in cues.complementizers):
                    break
                if w.key in cues.noun_given_names and not self._table_spelt(x, end):
                    break   # وقرأ مدير المسجد الكبير دعاء الختام، ثم: the verb's object, no name
                self._add_discovered(w.start, words[end - 1].end, x, end)
                break

    def _discover_after_nisba(self) -> None:
        """«…، الأردنية لونا شكري»: a definite singular nisba standing alone at the
        start of a clause (not an adjective: no noun before it) followed by a known
        given name opens a name: a discovered person of that country."""
        words, aliases = self.words, self.kb.aliases()
        for i in range(len(words) - 2):
            w = words[i]
            if not w.key.startswith("ال") or words[i + 1].key not in self.idx.first_names \
                    or not self._break_before(i):
                continue    # the given name is checked again below; it is the cheaper test
            iso = next((a.id for a in aliases.get(w.key, ()) if a.kind == "country" and a.how == "nisba"), None)
            k = i + 1
            if iso is None or words[k].key not in self.idx.first_names or not _JOINING_GAP.match(words[k].gap) \
                    or words[k].key in _NAME_PARTICLES:
                continue
            end = self._described_name(k)
            if end is None:
                continue
            self._add_discovered(words[k].start, words[end - 1].end, k, end, iso)

    def _discover_list(self, i: int) -> int:
        """وهن A B وC D: after a pronoun of list_cues, a list of two names or more
        (each two or three plausible name words) names that many persons."""
        words = self.words
        first = self._described_name(i + 1, colon_ok=True) if i + 1 < len(words) and (
            _JOINING_GAP.match(words[i + 1].gap) or words[i + 1].gap.strip() == ":") else None
        known_first = self._known_person_at(i + 1) if i + 1 < len(words) else None
        if first is None and known_first is not None:
            rest = self._listed_names(known_first, given_only=True)
            for start, k, end in rest:
                self._add_discovered(start, words[end - 1].end, k, end)
            return rest[-1][2] if rest else i + 1
        if first is None or first - (i + 1) > 3:
            return i + 1
        if words[i].key in ("وهو", "وهي", "هو", "هي") and words[i + 1].key not in self.idx.first_names \
                and words[i + 1].key not in _NAME_PARTICLES:
            return i + 1    # وهو موضوع حاسم: a singular pronoun before a noun phrase, not a list of names
        rest = self._listed_names(first)
        if not rest:
            return i + 1
        for start, k, end in [(words[i + 1].start, i + 1, first)] + rest:
            self._add_discovered(start, words[end - 1].end, k, end)
        self.used.add(i)
        return rest[-1][2]

    def _listed_names(self, k: int, given_only: bool = False) -> list[tuple[int, int, int]]:
        """Further names of a list from word k: «وإميلي داماري», «، عماد شرقي».
        [(start offset without the و, first word, one past the last word)]."""
        words, idx = self.words, self.idx
        found: list[tuple[int, int, int]] = []
        while k + 1 < len(words):
            w = words[k]
            comma = w.gap.strip() in (",", "،")
            if not comma and not (w.key.startswith("و") and _JOINING_GAP.match(w.gap)):
                break
            known = self._known_person_at(k)
            if known is not None:
                k = known       # ومريم أبو دقة: a person the base knows is an item of the list too
                given_only = True
                continue
            if k in self.used:
                break
            if comma and not w.key.startswith("و"):
                start, bare = w.start, w.key
            else:
                start, bare = w.start + 1, w.key[1:]
            if len(bare) < 2 or bare.startswith("ال") or (bare in idx.stopwords and not (self._ali_named and w.text in _ALI)) \
                    or not _ARABIC_WORD.match(bare) \
                    or not self._name_part_ok(k, 0):
                break
            n = 3 if words[k + 1].key in _NAME_PARTICLES or bare == "عبد" else 2
            if k + n < len(words) and words[k + n - 1].key in _NAME_PARTICLES:
                n += 1      # وعبد الصمد آيت عيشة: a particle before the family name
            if k + n > len(words):
                break
            given = bare in idx.first_names
            if given_only and not given:
                break       # after a known person only a given name goes on with the list
            heads = self.kb.titles.name_cues.descriptor_heads
            if not given and (bare in heads or "ال" + bare in heads or bare in self.kb.titles.name_cues.office_heads):
                break       # «، ومراسل قناة …»، «ومدير إدارة …»: a description opens the next item, not a name
            if comma and not w.key.startswith("و") and not given and bare not in _NAME_PARTICLES:
                break       # «…موسى، نفذت ممارسات»: after a bare comma only a given name opens another name

            def known_thing(x: int) -> bool:
                mt = _match_at(idx, words, x, {"country", "org", "title", "place"})
                if mt is None:
                    return False
                # وحسام المصري: after a given name a nisba with the article is a family name
                return not (given and x == k + n - 1 and words[x].text.startswith("ال") and mt.j == x + 1
                            and all(a.kind == "country" and a.how == "nisba" for a in mt.aliases))

            last = k + n - 1
            nisba = next((mn for mn in self.mentions if given and mn.how == "nisba" and mn.type == "GPE"
                          and mn.start == words[last].start and mn.end == words[last].end
                          and words[last].text.startswith("ال")), None)
            ok = all((x not in self.used or (nisba is not None and x == last)) and _JOINING_GAP.match(words[x].gap)
                     and words[x].key not in idx.stopwords
                     and _ARABIC_WORD.match(words[x].key) and self._name_part_ok(x, x - k)
                     and not known_thing(x)
                     for x in range(k + 1, k + n))
            if not ok or _match_at(idx, words, k, {"country", "org", "title", "place"}):
                break
            if nisba is not None:
                self.mentions.remove(nisba)     # the family name, not a country
            found.append((start, k, k + n))
            k += n
        return found

    def _after_descriptor(self, i: int) -> int | None:
        """One past a description starting at word i (one or two words), or None."""
        words, cues = self.words, self.kb.titles.name_cues
        if i in self.used:
            return None
        heads, opens = cues.descriptor_heads, self.idx.opens_description
        key = words[i].key
        if key not in opens:                # worked out once per distinct word
            _remember(opens, key, any(v in heads or "ال" + v in heads for v in words[i].variants))
        if not opens[key]:
            return None     # no description starts with this word (most words)
        for n in (3, 2, 1):
            if i + n > len(words) or not self.used.isdisjoint(range(i, i + n)) or \
                    any(not _JOINING_GAP.match(words[x].gap) for x in range(i + 1, i + n)):
                continue
            rest = " ".join(w.key for w in words[i + 1:i + n])
            for v in words[i].variants:
                form = f"{v} {rest}".strip()
                if form in cues.descriptors or form in cues.honorifics:
                    self._descriptor_form = form
                    return i + n
            for v in words[i].variants:     # والناشطة is الناشطة before it is an indefinite ناشطة
                form = f"{v} {rest}".strip()
                if not v.startswith("ال") and "ال" + form in cues.descriptors:
                    self._descriptor_form = form     # لاجئ: only before a 'named' word
                    return i + n
        return None

    def _name_after_place(self, k: int) -> tuple[int, int | None]:
        """«القاضي في محكمة ميسان، أحمد فيصل»: after a description, في and a place or
        body of one to three words the base need not know, then a comma, a name that
        opens with a known given name is the person described. (k, end) or (k, None)."""
        words, idx = self.words, self.idx
        if k + 2 >= len(words) or words[k].key != "في" or self._break_before(k):
            return k, None
        for x in range(k + 2, min(k + 5, len(words))):
            gap = words[x].gap.strip()
            if gap in ("،", ","):
                if words[x].key not in idx.first_names:
                    return k, None
                end = self._described_name(x, comma_ok=True)
                return (x, end) if end is not None else (k, None)
            if gap:
                return k, None
        return k, None

    def _descriptor_is_definite(self, i: int) -> bool:
        cues = self.kb.titles.name_cues
        return self._descriptor_form in cues.descriptors or self._descriptor_form in cues.honorifics

    def _table_spelt(self, k: int, end: int) -> bool:
        """Whether every word of the name k..end-1 is a given name of the table, a name
        particle (أبو، بن، عبد) or the second word of a compound (الدين): a name made of
        given names (سعاد منصور، رجب سالم محمد), which the romanizer spells from the
        table as news does."""
        words, given = self.words, self.kb.given_names
        return all(words[x].key in given or words[x].key in _NAME_PARTICLES or words[x].key in _COMPOUND_SECONDS
                   for x in range(k, end))

    def _honorific_without_name(self, i: int, k: int) -> bool:
        """After an honorific (الدكتور، السيد، المهندس: titles.json name_cues.honorifics),
        which also stand before nouns and are themselves family names (محمد السيد), only
        a name that opens with a known given name (or عبد) is a person, and the honorific
        is not itself a family name right after a given name."""
        words, idx = self.words, self.idx
        if self._descriptor_form not in self.kb.titles.name_cues.honorifics:
            return False
        if i > 0 and not self._break_before(i) and _JOINING_GAP.match(words[i].gap) and (
                words[i - 1].key in idx.first_names or words[i - 1].key in _NAME_PARTICLES):
            return True     # محمد السيد أحمد: a family name, no honorific
        return k >= len(words) or not (words[k].key in idx.first_names or words[k].key == "عبد")

    def _descriptor_qualifiers(self, k: int) -> tuple[int, str | None]:
        """Skip a nisba (the person's country), modifiers and 'في' + a body after a
        description; returns (next word, country)."""
        words, t = self.words, self.kb.titles
        country = None
        for _ in range(4):
            if k >= len(words) or self._break_before(k):
                break
            if words[k].key in t.modifiers or words[k].key in t.name_cues.descriptors:
                k += 1      # الناشط الحقوقي: a second description
                continue
            if words[k].key.startswith("ال") and words[k].key.endswith(("ي", "ية", "يه", "يين", "يون", "يات")) \
                    and len(words[k].key) > 4 \
                    and words[k].key not in self.idx.first_names \
                    and not _match_at(self.idx, words, k, {"country", "org", "person"}):
                k += 1      # الناشط البيئي: an adjective of the description, never a name's first word
                continue
            m = _match_at(self.idx, words, k, {"country", "org"})
            if m and m.aliases[0].kind == "country" and m.aliases[0].how == "nisba" and not country:
                country, k = m.aliases[0].id, m.j
                continue
            if words[k].key == "في" and k + 1 < len(words):
                m2 = _match_at(self.idx, words, k + 1, {"country", "org"})
                a = self._body_alias(m2) if m2 else None
                if a is not None:
                    country = country or (a.id if a.kind == "country" else
                                          self.kb.organizations[a.id].get("country"))
                    k = m2.j
                    continue
            break
        return k, country

    def _described_name(self, k: int, colon_ok: bool = False, comma_ok: bool = False) -> int | None:
        """The end of a name of two or more words starting at word k after a
        description: as for a title, else two words (three with a particle) that
        are all plausible name parts."""
        words, idx = self.words, self.idx
        if k >= len(words) or k in self.used or (not (colon_ok and words[k].gap.strip() == ":") and not (
                comma_ok and words[k].gap.strip() in ("،", ",")) and (
                self._break_before(k, clause=False) or _CLAUSE_GAP.search(words[k].gap))):
            return None
        end = self._unknown_name(k)
        first = words[k].key
        # (الشقيقين) شجون الصعاب: an unknown word and a definite one make a noun phrase
        noun_phrase = first not in idx.first_names and k + 1 < len(words) and words[k + 1].text.startswith("ال")
        if end and end - k == 2 and noun_phrase and first not in self.kb.given_names:
            return None
        if end and end - k >= 2:
            return end if self.used.isdisjoint(range(k, end)) else None
        if (first[0] in "ولبفك" or words[k].text.startswith("ال")) and first not in idx.first_names:
            return None
        n = 3 if k + 1 < len(words) and words[k + 1].key in _NAME_PARTICLES else 2
        if k + n > len(words):
            return None
        if noun_phrase:
            return None
        for x in range(k, k + n):
            w = words[x]
            if x in self.used or (x > k and not _JOINING_GAP.match(w.gap)) or self._stopword(x, x - k) \
                    or not _ARABIC_WORD.match(w.key) or len(w.key) < 2 or not self._name_part_ok(x, x - k) \
                    or _match_at(idx, words, x, {"country", "org", "title", "place"}):
                return None
        return k + n

    def _org_continues(self, org: dict, j: int) -> bool:
        """Whether the word after an organization's name makes it another body
        (the organization's ``not_before`` words: مجلس الأمن القومي)."""
        if not org.get("not_before") or j >= len(self.words) or not _JOINING_GAP.match(self.words[j].gap):
            return False
        return bool(set(self.words[j].variants) & {normalize_key(x) for x in org["not_before"]})

    # -- groups the base does not know

    def _discover_groups(self) -> None:
        """حركة «جيل زد 212»، حزب العمال، تنسيقية لجان المقاومة: a group-name head
        (data/kb/groups.json) followed by a quoted name, or by a definite construct
        that is no everyday phrase (حركة المرور), is an ORG the base does not know.
        A nisba right after gives its country (حزب العمال البريطاني), else the
        country the context makes clear."""
        groups, words = self.kb.groups, self.words
        if not groups.heads:
            return
        heads = groups.heads.keys()
        i = 0
        while i < len(words):
            w = words[i]
            head = None if heads.isdisjoint(w.variants) else \
                next((v for v in w.variants if v in groups.heads
                      and not w.key[:len(w.key) - len(v)].endswith("ال")), None)
            if head is None or i in self.used:
                i += 1
                continue
            end = self._quoted_name(i + 1, opened=_opens_quote(w.gap))
            quoted = end is not None
            if end is None and head not in groups.quoted_only:
                end = self._construct_name(i + 1)
            if end is None:
                i += 1
                continue
            country = None
            if end < len(words) and _JOINING_GAP.match(words[end].gap):
                nis = _match_at(self.idx, words, end, {"country"})
                if nis and nis.aliases[0].how == "nisba":
                    country = nis.aliases[0].id
            coded = any(not _ARABIC_WORD.match(x.key) for x in words[i + 1:end])
            if not coded and self._descriptive_phrase(i + 1, end):
                i = end     # "جماعة إرهابية عالمية محددة": a designation, not a group's name
                continue
            if head in groups.weak and not (quoted or coded or country) and not (
                    i and _JOINING_GAP.match(w.gap) and set(words[i - 1].variants) & groups.verbs):
                i += 1      # وحركة التحويلات المالية: an everyday phrase
                continue
            country = country or self._context_country(i)
            start = _variant_offset(w, head)
            stop = words[end - 1].end
            name_ar = " ".join([_head_text(w, start)] + [x.text for x in words[i + 1:end]])
            complement = [x.text for x in words[i + 1:end]]
            name_en = f"{_romanize_words(complement)} {groups.heads[head]}".strip()
            self._add(Mention(start, stop, "ORG", "discovered", None, name_en, name_ar, None, country),
                      i, end)
            i = end

    def _descriptive_phrase(self, j: int, end: int) -> bool:
        """Whether words j..end after a group head describe rather than name: an
        indefinite nisba adjective first (إرهابية، احتجاجية، إنسانية) and no definite
        word after it to make a construct (نصرة الإسلام is a name)."""
        words = self.words
        if j >= end:
            return False
        first = words[j].key
        if first.startswith("ال") or not first.endswith(("يه", "ي")) or len(first) < 5 \
                or _match_at(self.idx, words, j, {"country", "person", "org"}):
            return False
        return not any(x.key.startswith("ال") for x in words[j + 1:end])

    def _quoted_name(self, j: int, opened: bool) -> int | None:
        """The end of a quoted name starting at word j (the quote opens before j
        or before the head when ``opened``): at most six words, closed by a quote."""
        words = self.words
        if j >= len(words):
            return None
        if not opened and not _opens_quote(words[j].gap):
            return None
        for k in range(j, min(j + 6, len(words))):
            if k in self.used or (k > j and not _JOINING_GAP.match(words[k].gap)):
                return None
            after = words[k + 1].gap if k + 1 < len(words) else self.text[words[k].end:words[k].end + 2]
            if _closes_quote(after):
                return k + 1
        return None

    def _construct_name(self, j: int) -> int | None:
        """The end of an unquoted group name starting at word j: definite words
        (النهضة، العدالة والتنمية) after at most one indefinite word (لجان المقاومة),
        or words ending in a numeral or Latin code (جيل زد 212، M23); None when
        the head starts an everyday phrase (حركة المرور، ميليشيا مسلحة)."""
        words, groups, idx = self.words, self.kb.groups, self.idx
        if j >= len(words):
            return None
        kinds: list[str] = []       # "def", "indef" or "code", word by word
        k = j
        while k < len(words) and k - j < 4:
            w = words[k]
            if k in self.used or not _JOINING_GAP.match(w.gap) or w.key in idx.stopwords \
                    or (k > j and _QUOTES.search(w.gap)):
                break
            m = _match_at(idx, words, k, {"country", "title", "person"})
            if m and (m.kinds & {"title", "person"} or m.aliases[0].how == "nisba"):
                break
            if not _ARABIC_WORD.match(w.key):
                kinds.append("code")
            else:
                bare = w.key[2:] if w.key.startswith("ال") else w.key[3:] if w.key.startswith("وال") else ""
                if k == j and (bare or w.key) in groups.generic:
                    return None
                kinds.append("def" if len(bare) >= 2 else "indef")
            k += 1
        if "code" in kinds:
            return j + len(kinds) - kinds[::-1].index("code")
        n = 1 if kinds[:1] == ["indef"] else 0
        while n < len(kinds) and kinds[n] == "def":
            n += 1
        return j + n if "def" in kinds[:n] else None

    # -- step 4: names found in this article, duals and sides

    def _org_anaphors(self) -> None:
        """«المنظمة الدولية», «المنظمة الحقوقية» (parties.json org_anaphors): the body of
        one of the entry's kinds named last before it (the UN, Amnesty International).
        A complement right after it makes it a name (المنظمة الدولية للهجرة)."""
        if not self.parties.org_anaphors:
            return
        firsts = {phrase[0] for phrase, _ in self.parties.org_anaphors}
        for i, w in enumerate(self.words):
            if i in self.used or firsts.isdisjoint(w.variants):
                continue    # ``_phrase_at`` wants the phrase's first word among the word's forms
            for phrase, kinds in self.parties.org_anaphors:
                j = self._phrase_at(i, phrase)
                if j is None:
                    continue
                if j < len(self.words) and _JOINING_GAP.match(self.words[j].gap) and \
                        self.words[j].key.startswith(("لل", "ل")) and not self.words[j].key.startswith("لا"):
                    break       # المنظمة الدولية للهجرة، المنظمة الدولية لحقوق الإنسان
                head = self.parties.anaphor_heads.get(phrase)
                if head and j < len(self.words) and _JOINING_GAP.match(self.words[j].gap) and \
                        self.words[j].key.startswith("ال") and self.words[j].key.endswith(("ي", "يه")):
                    break       # الحركة الاحتجاجية، الحزب الحاكم... الحزب الديمقراطي: another body
                start = _variant_offset(self.words[i], phrase[0])
                prev = [m for m in self.mentions if m.type == "ORG" and m.end <= start and m.kb_id
                        and (self.kb.organizations.get(m.kb_id) or {}).get("kind") in kinds
                        and (not head or any(normalize_key(n).startswith(head + " ")
                                             for n in self.kb.organizations[m.kb_id].get("names_ar") or ()))]
                if prev:
                    last = max(prev, key=lambda m: m.end)
                    self._add(self._copy(last, start, self.words[j - 1].end, "coref"), i, j)
                break

    def _local_aliases(self) -> None:
        """Family names of persons named in full here (أبو قصرة, بوجدانوف) link later
        and earlier mentions of the same person."""
        local: dict[str, Mention] = {}
        for m in self.mentions:
            if m.type != "PERSON" or m.how not in ("name", "variant", "discovered", "role"):
                continue
            words = normalize_key(self.text[m.start:m.end]).split()
            if m.how == "role" or len(words) < 2:
                continue
            tail = words[-2:] if len(words) >= 3 and words[-2] in _NAME_PARTICLES else words[-1:]
            key = " ".join(tail)
            person = self.kb.persons.get(m.kb_id or "")
            # a one-word Arab family name without the article is too often a word (سلام، عباس)
            distinctive = len(tail) > 1 or key.startswith("ال") or (person and self.kb.is_foreign(person))
            if distinctive and len(key) >= 3 and key not in self.idx.stopwords:
                local.setdefault(key, m)
        if not local:
            return
        by_first: dict[str, list[tuple[list[str], Mention]]] = {}    # in the order of ``local``
        for key, src in local.items():
            parts = key.split()
            by_first.setdefault(parts[0], []).append((parts, src))
        for i, w in enumerate(self.words):
            if i in self.used or by_first.keys().isdisjoint(w.variants):
                continue    # most words start no local name
            for v_rank, variant in enumerate(w.variants):
                if v_rank and w.key[:len(w.key) - len(variant)].endswith("ال"):
                    continue    # بالسلام is not سلام
                for parts, src in by_first.get(variant, ()):
                    if i + len(parts) > len(self.words):
                        continue
                    if v_rank == 0 and i > 0 and (i - 1) not in self.used and _JOINING_GAP.match(w.gap) \
                            and self.words[i - 1].key in self.idx.first_names:
                        continue    # همام الحية is not Khalil al-Hayya
                    if any(self.words[i + n].key != parts[n] or (i + n) in self.used for n in range(1, len(parts))):
                        continue
                    end = self.words[i + len(parts) - 1].end
                    self._add(self._copy(src, _variant_offset(w, variant), end, "coref"), i, i + len(parts))
                    break
                else:
                    continue
                break

    def _duals_and_sides(self) -> None:
        for m in self.matches:
            if ("dual" not in m.kinds and "side" not in m.kinds) or not self.used.isdisjoint(range(m.i, m.j)):
                continue        # (the kinds first: one set test, most matches are neither)
            if "dual" in m.kinds:
                # the two persons named last who hold that kind of office (الرئيسان: heads of state)
                title = next(a.id for a in m.aliases if a.kind == "dual")
                family = set(self.kb.titles.head_of_state) if title == "head_of_state" else {title}
                pair: list[Mention] = []
                for prev in sorted(self.mentions, key=lambda x: -x.start):
                    if prev.type == "PERSON" and prev.start < m.start and set(prev.titles) & family and \
                            all((p.kb_id or p.local_key) != (prev.kb_id or prev.local_key) for p in pair):
                        pair.append(prev)
                    if len(pair) == 2:
                        break
                if len(pair) == 2:
                    for prev in pair:
                        self.mentions.append(self._copy(prev, m.start, m.end, "coref"))
                    self.used.update(range(m.i, m.j))
            elif "side" in m.kinds and m.j < len(self.words) and _JOINING_GAP.match(self.words[m.j].gap):
                nxt = _match_at(self.idx, self.words, m.j, {"country"})
                if nxt and nxt.aliases[0].how == "nisba":
                    self._add(self._country_mention(nxt.aliases[0].id, m.start, nxt.end, "coref"), m.i, nxt.j)

    def run(self) -> tuple[list[Entity], list[Finding]]:
        if not self.words:
            return [], []
        self._resolve_titles()
        self._link_vessels()
        self._link_towns_with_nisba()
        self._link_names()
        self._prefer_named_holders()
        self._link_epithets()
        self._discover_described()
        self._discover_after_office()
        self._discover_after_nisba()
        self._discover_groups()
        self._org_anaphors()
        self._local_aliases()
        self._resolve_deferred()
        self._duals_and_sides()
        self._maghreb_spelling()
        ents = []
        for m in sorted(self.mentions, key=lambda x: (x.start, x.end)):
            ents.append(Entity(start=m.start, end=m.end, text=self.text[m.start:m.end], type=m.type,
                               name_en=m.name_en, name_ar=m.name_ar, wikidata=m.wikidata,
                               country=m.country, role=m.role, kb_id=m.kb_id, how=m.how))
        return ents, self.findings


_QUOTES = re.compile("[«»\"“”]")


def _subsequence(short: list[str], full: tuple[str, ...]) -> bool:
    """Whether the words of ``short`` appear in ``full`` in the same order."""
    rest = iter(full)
    return all(w in rest for w in short)


def _opens_quote(gap: str) -> bool:
    """Whether a quote opens in the gap before a word (a straight quote opens when
    it touches the word after it)."""
    return "«" in gap or "“" in gap or gap.endswith('"')


def _closes_quote(gap: str) -> bool:
    """Whether a quote closes in the gap after a word."""
    return "»" in gap or "”" in gap or gap.startswith('"')


def _head_text(word: Word, start: int) -> str:
    """The head word as written from where its clitic-free form begins (وحركة → حركة)."""
    return word.text[start - word.start:]


def _romanize_words(words: list[str]) -> str:
    """Arabic words romanized, codes (212, M23) kept as written."""
    out: list[str] = []
    run: list[str] = []
    for w in [_QUOTES.sub("", x) for x in words] + [""]:
        if w and _ARABIC_WORD.match(normalize_key(w) or "-"):
            run.append(w)
            continue
        if run:
            out.append(romanize(" ".join(run)))
            run = []
        out.append(w)
    return " ".join(x for x in out if x)


def link_entities(article: Article, kb: KnowledgeBase | None = None) -> Article:
    """Find and link the persons, organizations, countries and places of an
    article (fills ``article.entities`` and adds ``kb_conflict`` findings)."""
    if not isinstance(article, Article):
        raise TypeError(f"link_entities expects an Article, got {type(article).__name__}")
    linker = _Linker(article, kb or load_kb())
    entities, findings = linker.run()
    article.entities = entities
    article.findings = [f for f in article.findings if f.kind != "kb_conflict"] + findings
    return article


def countries_mentioned(article: Article) -> list[str]:
    """ISO3 codes of the countries the article names (as countries, capitals,
    governments or nisba adjectives), in order of first mention."""
    return list(dict.fromkeys(e.country for e in article.entities if e.type == "GPE" and e.country))
