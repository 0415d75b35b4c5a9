"""Marsad's knowledge base: persons, organizations, countries, places and role titles.

Everything is read from data files (schema in docs/knowledge.md) under a data
directory, by default ``marsad/data/kb``. ``load_kb()`` caches the default base
for the process; tests pass their own directory.

The base answers the questions the entity linker and the ``marsad actors``
command ask: who held a title in a country on a date (``holders``), what a name
refers to (``aliases``), and free-text lookup in Arabic or English (``search``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.text.normalize import normalize_key

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"

# How a surface form refers to its target (the Entity.how values the linker reports).
NAME, SHORT, VARIANT, METONYM, NISBA = "name", "short", "variant", "metonym", "nisba"
DEMONYM = "demonym"     # a people as a party: المغاربة، السوريون (the linker decides from context)

# Letters that transliterate one foreign sound in several ways (g: غ ج ق ك; v: ف ڤ),
# folded together for matching foreign names spelled differently.
_SKELETON_FOLD = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "ث": "س", "ص": "س", "ط": "ت",
                                "ض": "د", "ذ": "ز", "ظ": "ز", "ح": "ه", "ع": "ا", "ء": ""})
_WEAK = set("اويه")
_HOLDERS_MEMO = 4096     # answers of ``holders`` kept (a long stream's titles and days)


@lru_cache(maxsize=65536)     # asked for every word of every article (``skeleton_matches``)
def name_skeleton(word: str) -> str:
    """A spelling-insensitive key for a foreign name: normalized, transliteration
    letters folded, long vowels dropped after the first letter (لافرينتييف and
    لافرنتييف → لفرنتف; بوغدانوف and بوجدانوف → بجدنف)."""
    key = normalize_key(word).replace(" ", "").translate(_SKELETON_FOLD)
    if not key:
        return ""
    return key[0] + "".join(c for c in key[1:] if c not in _WEAK)


_JOIN_ABD = re.compile(r"(^| )عبد ")


@lru_cache(maxsize=65536)   # asked for the forms of every word of every article
def spelling_key(name: str) -> str:
    """A key under which ordinary Arabic spelling variants of one name are equal:
    a medial alif written or not (إسحاق/إسحق، إسماعيل/اسمعيل), a doubled waw
    (داوود/داود), طاها/طه, and عبد joined to the next word (عبدالرحمن/عبد الرحمن).
    Unlike ``name_skeleton`` it keeps every consonant, so حامد and حمد are the
    only kind of pair it may merge."""
    key = _JOIN_ABD.sub(r"\1عبد", normalize_key(name))
    words = []
    for w in key.split():
        w = w.replace("وو", "و")
        if len(w) > 2 and w.endswith("ها"):
            w = w[:-1]      # طاها → طاه
        if len(w) > 2:
            w = w[0] + w[1:-1].replace("ا", "") + w[-1]
        words.append(w)
    return " ".join(words)


@dataclass(frozen=True)
class Alias:
    """One surface form (normalized) of something the base knows."""

    key: str
    kind: str          # person | org | country | place
    id: str            # kb id (ISO3 for countries)
    how: str           # name | short | variant | metonym | nisba


@dataclass
class NameCues:
    """titles.json 'name_cues': where an unknown person's name starts and ends."""

    descriptors: set[str] = field(default_factory=set)     # الناشط، رجل الأعمال: a person, no office
    named: set[str] = field(default_factory=set)           # يدعى: a name follows
    not_name_words: set[str] = field(default_factory=set)  # يقيم، الماضي: a name has ended
    complementizers: set[str] = field(default_factory=set)  # بأنه: the word before is no name part
    masdar_patterns: list[re.Pattern] = field(default_factory=list)   # الاعتداء: a verbal noun
    kunya_heads: set[str] = field(default_factory=set)     # أبو، أم
    list_cues: set[str] = field(default_factory=set)       # وهم، وهن: a list of two names or more follows
    honorifics: set[str] = field(default_factory=set)      # الدكتور، السيد: a name follows if it opens with a given name
    office_heads: set[str] = field(default_factory=set)    # مدير، مستشار: an office in construct with a body
    noun_given_names: set[str] = field(default_factory=set)  # أمل، نور، دعاء: given names that are everyday nouns
    eponym_epithets: set[str] = field(default_factory=set)   # الشهيد: مستشفى الشهيد X is named after X

    def __post_init__(self) -> None:
        # the first words of the descriptors: a word that is none of them starts no
        # description, which spares trying every word's 1-3 word phrases
        self.descriptor_heads = frozenset(d.split(" ", 1)[0] for d in self.descriptors | self.honorifics)

    def is_masdar(self, key: str) -> bool:
        return any(p.match(key) for p in self.masdar_patterns)


@dataclass
class TitleLexicon:
    """The Arabic role descriptions of titles.json, normalized."""

    phrases: dict[str, list[str]]              # phrase key → title keys (most specific first)
    labels: dict[str, str]
    head_of_state: list[str]
    org_titles: set[str]
    counterpart: set[str]
    duals: dict[str, str]                      # dual word key → title
    sides: set[str]
    modifiers: set[str]
    former: set[str]
    governments: set[str]
    government_links: set[str]
    envoy_targets: set[str]
    dependents: set[str] = field(default_factory=set)     # مستشار الرئيس: not the president
    name_stopwords: set[str] = field(default_factory=set)
    equivalents: dict[str, list[str]] = field(default_factory=dict)   # prime_minister → chancellor
    title_countries: dict[str, set[str]] = field(default_factory=dict)  # chancellor → DEU, AUT
    place_titles: set[str] = field(default_factory=set)   # governor, mayor: of a city or province
    context_titles: set[str] = field(default_factory=set)  # bare titles whose country context decides
    un_phrases: set[str] = field(default_factory=set)     # المندوب: at the UN unless said otherwise
    office_acts: set[str] = field(default_factory=set)    # عفو ملكي: the office's act, never before a name
    un_org: str | None = None
    context_not_after: set[str] = field(default_factory=set)   # إلى، زار: a destination, not a context
    eponym_heads: set[str] = field(default_factory=set)   # مستشفى الحسن الثاني: named after, not the person
    name_cues: NameCues = field(default_factory=lambda: NameCues())

    @property
    def max_words(self) -> int:
        return max((len(p.split()) for p in self.phrases), default=1)


@dataclass
class GroupLexicon:
    """The words of groups.json that introduce a group's name, normalized."""

    heads: dict[str, str] = field(default_factory=dict)    # head key → English word (حركة → Movement)
    quoted_only: set[str] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)        # complements without the article
    weak: set[str] = field(default_factory=set)           # everyday nouns too: need a verb or a nisba
    verbs: set[str] = field(default_factory=set)          # words before a group's name (قالت حركة ...)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
            if not isinstance(row, dict):
                raise ValueError(f"{path}:{n}: expected a JSON object, got {type(row).__name__}")
            rows.append(row)
    return rows


def _name_cues(raw: dict) -> NameCues:
    keys = lambda name: {normalize_key(x) for x in raw.get(name, [])}  # noqa: E731
    patterns = []
    for rx in raw.get("masdar_patterns", []):
        try:
            patterns.append(re.compile(rx))
        except re.error as exc:
            raise ValueError(f"titles.json name_cues.masdar_patterns: bad pattern {rx!r} ({exc})") from exc
    return NameCues(descriptors=keys("descriptors"), named=keys("named"), not_name_words=keys("not_name_words"),
                    complementizers=keys("complementizers"), masdar_patterns=patterns,
                    kunya_heads=keys("kunya_heads"), list_cues=keys("list_cues"), honorifics=keys("honorifics"),
                    office_heads=keys("office_heads"), noun_given_names=keys("noun_given_names"),
                    eponym_epithets=keys("eponym_epithets"))


def _require(row: dict, keys: tuple[str, ...], where: str) -> None:
    missing = [k for k in keys if not row.get(k)]
    if missing:
        raise ValueError(f"{where}: missing required field(s) {', '.join(missing)}")


@lru_cache(maxsize=8192)    # role dates are read for every role of every person a mention may be
def parse_date_bound(value: str | None, upper: bool) -> dt.date | None:
    """A role date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first (or, with
    ``upper``, the last) day it can mean."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if upper else 1)
    if len(parts) > 2:
        return dt.date(year, month, parts[2])
    if not upper:
        return dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def role_active(role: dict, on: dt.date | None) -> bool:
    """Whether a role was held on a date (inclusive at both ends; no date = now)."""
    on = on or dt.date.today()
    start = parse_date_bound(role.get("start"), upper=False)
    end = parse_date_bound(role.get("end"), upper=True)
    return (start is None or start <= on) and (end is None or on <= end)


def as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date_bound(str(value)[:10], upper=False)
    except (ValueError, TypeError, IndexError) as exc:
        raise ValueError(f"date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from exc


class KnowledgeBase:
    """The loaded knowledge base. Build it with ``load_kb``."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        if not self.data_dir.is_dir():
            raise ValueError(f"knowledge base folder {self.data_dir} does not exist")
        self.persons: dict[str, dict] = {}
        self.organizations: dict[str, dict] = {}
        self.countries: dict[str, dict] = {}
        self.places: dict[str, dict] = {}
        self._load_records()
        self.titles = self._load_titles()
        self.arabic_given_names: frozenset[str] = frozenset()
        self.given_names = self._load_given_names()
        self.groups = self._load_groups()
        self._org_refs = self._build_org_refs()
        self._aliases: dict[str, list[Alias]] = defaultdict(list)
        self._skeletons: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._skeleton_answers: dict[str, list[tuple[str, str]]] = {}   # see ``skeleton_matches``
        self._spellings: dict[str, list[str]] = defaultdict(list)   # spelling_key of a full name → ids
        self._build_aliases()
        self._order = {pid: n for n, pid in enumerate(self.persons)}
        self._holders_memo: dict[tuple, tuple[dict, ...]] = {}     # see ``holders``
        # title → (person, role, first day, last day, office country, office org, not national):
        # holders() reads dates and offices once
        self._roles_by_title: dict[str, list[tuple]] = defaultdict(list)
        # (title, country of the office) → the same: a question about one country's
        # minister reads that country's ministers, not every minister in the base
        self._roles_by_title_country: dict[tuple[str, str | None], list] = defaultdict(list)
        # (title, organization id) → the same, for a question about an organization's office
        self._roles_by_title_org: dict[tuple[str, str | None], list] = defaultdict(list)
        self._family_index: dict[tuple[str, str], list[dict]] | None = None   # see ``holders_by_family_name``
        for p in self.persons.values():
            for r in p.get("roles") or []:
                # with what ``holders`` tests of each row worked out once: the office's
                # country and organization, and whether it is no office of the country's
                # state (a regional or rival government, a party, an armed group)
                office_country, office_org = r.get("country") or p.get("country"), self.org_id(r.get("org"))
                not_national = bool(r.get("org")) and r["title"] not in self.titles.org_titles \
                    and not self.org_is_national(r.get("org"))
                row = (p, r, parse_date_bound(r.get("start"), upper=False), parse_date_bound(r.get("end"), upper=True),
                       office_country, office_org, not_national)
                self._roles_by_title[r.get("title")].append(row)
                self._roles_by_title_country[(r.get("title"), office_country)].append(row)
                self._roles_by_title_org[(r.get("title"), office_org)].append(row)

    # ---- loading -----------------------------------------------------------------

    def _load_records(self) -> None:
        d = self.data_dir
        for path in sorted((d / "persons").glob("*.jsonl")) if (d / "persons").is_dir() else []:
            for n, row in enumerate(_read_jsonl(path), 1):
                where = f"{path}:{n}"
                _require(row, ("id", "name_en"), where)
                if row["id"] in self.persons:
                    raise ValueError(f"{where}: person id {row['id']!r} is used twice")
                for r in row.get("roles") or []:
                    if not r.get("title"):
                        raise ValueError(f"{where}: a role of {row['id']!r} has no title")
                    for k in ("start", "end"):
                        try:
                            parse_date_bound(r.get(k), upper=False)
                        except (ValueError, TypeError) as exc:
                            raise ValueError(f"{where}: role {k} {r.get(k)!r} is not a date") from exc
                self.persons[row["id"]] = row
        for name, target, key in (("organizations.jsonl", self.organizations, "id"),
                                  ("countries.jsonl", self.countries, "iso3"),
                                  ("places.jsonl", self.places, "id")):
            path = d / name
            if not path.exists():
                continue
            for n, row in enumerate(_read_jsonl(path), 1):
                _require(row, (key, "name_en"), f"{path}:{n}")
                target[row[key]] = row

    def _build_org_refs(self) -> dict[str, str]:
        """Ways the persons files may name an organization in a role: its id, its
        English name, an English alias (`aka`) or the acronym in that name
        ("United Nations", "UNHCR", "PKK")."""
        refs: dict[str, str] = {}
        for oid, o in self.organizations.items():
            en = o.get("name_en") or ""
            for ref in (oid, en, en.split(" (")[0], en.replace("UN ", "United Nations ", 1), *(o.get("aka") or [])):
                refs.setdefault(ref.casefold(), oid)
            if "(" in en:
                refs.setdefault(en.split("(")[1].rstrip(")").casefold(), oid)
        for ref, target in (("un", "united_nations"), ("eu", "european_union")):
            if target in self.organizations:
                refs.setdefault(ref, target)
        return refs

    def org_id(self, ref: str | None) -> str | None:
        """The organization id a role's ``org`` refers to (None if unknown)."""
        if not ref:
            return None
        return self._org_refs.get(ref.casefold())

    def _load_titles(self) -> TitleLexicon:
        path = self.data_dir / "titles.json"
        raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        phrases: dict[str, list[str]] = defaultdict(list)
        for title, forms in (raw.get("titles") or {}).items():
            for form in forms:
                k = normalize_key(form)
                if title not in phrases[k]:
                    phrases[k].append(title)
        keys = lambda name: {normalize_key(x) for x in raw.get(name, [])}  # noqa: E731
        duals = {normalize_key(w): t for t, ws in (raw.get("duals") or {}).items() for w in ws}
        return TitleLexicon(
            phrases=dict(phrases), labels=raw.get("labels", {}),
            head_of_state=raw.get("head_of_state_titles", ["president", "king", "emir"]),
            org_titles=set(raw.get("org_titles", [])), counterpart=keys("counterpart"),
            duals=duals, sides=keys("sides"), modifiers=keys("modifiers"), former=keys("former"),
            governments=keys("governments"), government_links=keys("government_links"),
            envoy_targets=keys("envoy_targets"), dependents=keys("dependents"),
            name_stopwords=keys("name_stopwords"),
            equivalents={k: list(v) for k, v in (raw.get("equivalent_titles") or {}).items() if k != "about"},
            title_countries={k: set(v) for k, v in (raw.get("title_countries") or {}).items() if k != "about"},
            place_titles=set(raw.get("place_titles", [])),
            context_titles=set((raw.get("context_titles") or {}).get("titles", [])),
            un_phrases={normalize_key(x) for x in (raw.get("un_representatives") or {}).get("phrases", [])},
            office_acts={normalize_key(x) for x in (raw.get("office_acts") or {}).get("phrases", [])},
            un_org=(raw.get("un_representatives") or {}).get("org"),
            context_not_after={normalize_key(x) for x in (raw.get("context_titles") or {}).get("not_after", [])},
            eponym_heads=keys("eponym_heads"), name_cues=_name_cues(raw.get("name_cues") or {}))

    def _load_groups(self) -> GroupLexicon:
        path = self.data_dir / "groups.json"
        if not path.exists():
            return GroupLexicon()
        raw = json.loads(path.read_text(encoding="utf-8"))
        return GroupLexicon(heads={normalize_key(k): v for k, v in (raw.get("heads") or {}).items()},
                            quoted_only={normalize_key(k) for k in raw.get("quoted_only", [])},
                            generic={normalize_key(k) for k in raw.get("generic_complements", [])},
                            weak={normalize_key(k) for k in raw.get("weak_heads", [])},
                            verbs={normalize_key(k) for k in raw.get("group_verbs", [])})

    def _load_given_names(self) -> dict[str, str]:
        path = self.data_dir / "given_names.json"
        if not path.exists():
            return {}
        raw = json.loads(path.read_text(encoding="utf-8"))
        names = {**(raw.get("foreign") or {}), **raw.get("names", {})}   # foreign European given names too
        # the Arabic given names alone (a foreign name's family name is spelled letter by letter)
        self.arabic_given_names = frozenset(normalize_key(k) for k in raw.get("names", {}))
        return {normalize_key(k): v for k, v in names.items()}

    # ---- aliases -----------------------------------------------------------------

    def _add(self, form: str | None, kind: str, id_: str, how: str) -> None:
        key = normalize_key(form or "")
        if len(key.replace(" ", "")) < 2:
            return
        alias = Alias(key, kind, id_, how)
        if alias not in self._aliases[key]:
            self._aliases[key].append(alias)

    def _build_aliases(self) -> None:
        for pid, p in self.persons.items():
            for n in p.get("names_ar") or []:
                self._add(n, "person", pid, NAME)
            for n in p.get("variants_ar") or []:
                self._add(n, "person", pid, VARIANT)
            for n in p.get("short_ar") or []:
                self._add(n, "person", pid, SHORT)
            for n in (p.get("names_ar") or []) + (p.get("variants_ar") or []):
                skey = spelling_key(n)
                if " " in skey and pid not in self._spellings[skey]:
                    self._spellings[skey].append(pid)
                # عبد الرحمن and عبدالرحمن are one spelling: index the other form too
                other = re.sub(r"(^| )عبد ", r"\1عبد", n) if "عبد " in n else re.sub(r"(^| )عبدال", r"\1عبد ال", n)
                if other != n:
                    self._add(other, "person", pid, VARIANT)
            if self.is_foreign(p):
                for n in (p.get("names_ar") or []) + (p.get("variants_ar") or []) + (p.get("short_ar") or []):
                    last = normalize_key(n).split()[-1] if normalize_key(n) else ""
                    if len(last) >= 5:
                        self._skeletons[name_skeleton(last)].append((pid, last))
        for oid, o in self.organizations.items():
            how = METONYM if o.get("metonym_for") else NAME
            for n in (o.get("names_ar") or []) + (o.get("short_ar") or []):
                self._add(n, "org", oid, how)
            for n in o.get("nisba_ar") or []:      # أممي، الأممية: of the United Nations
                self._add(n, "org", oid, NISBA)
        for iso, c in self.countries.items():
            for n in c.get("names_ar") or []:
                self._add(n, "country", iso, NAME)
            self._add(c.get("official_ar"), "country", iso, NAME)
            for n in c.get("metonyms_ar") or []:
                self._add(n, "country", iso, METONYM)
            for n in c.get("nisba_ar") or []:
                self._add(n, "country", iso, NISBA)
                plural = broken_plural(n)
                if plural:
                    self._add(plural, "country", iso, DEMONYM)
                    self._add("ال" + plural, "country", iso, DEMONYM)
        for pid, pl in self.places.items():
            for n in pl.get("names_ar") or []:
                self._add(n, "place", pid, NAME)

    def aliases(self) -> dict[str, list[Alias]]:
        """Normalized surface form → what it names."""
        return self._aliases

    def spelling_matches(self, name: str) -> list[str]:
        """Persons whose full name (two words or more) is ``name`` up to ordinary
        spelling variants (``spelling_key``): إسحق هرتسوغ → Isaac Herzog."""
        skey = spelling_key(name)
        return list(self._spellings.get(skey, [])) if " " in skey else []

    def skeleton_matches(self, word: str) -> list[tuple[str, str]]:
        """Foreign persons whose family name is spelled almost like ``word``: the
        same skeleton and at most a letter or two apart. [(person id, the base's
        spelling)]."""
        # asked for most words of every article: each distinct word is worked out once
        if word not in self._skeleton_answers:
            if len(self._skeleton_answers) >= 65536:
                self._skeleton_answers.clear()
            self._skeleton_answers[word] = self._skeleton_matches(word)
        return list(self._skeleton_answers[word])

    def _skeleton_matches(self, word: str) -> list[tuple[str, str]]:
        from rapidfuzz import fuzz

        key = normalize_key(word)
        skel = name_skeleton(key)
        if len(key) < 5 or len(skel) < 4 or key.startswith("ال"):
            return []
        return [(pid, spelling) for pid, spelling in self._skeletons.get(skel, [])
                if fuzz.ratio(key, spelling) >= 80]

    def is_foreign(self, person: dict) -> bool:
        """Persons from outside the Arab world: their names are transliterated and
        come in many spellings, and their family names are not Arabic words."""
        c = self.countries.get(person.get("country") or "")
        return bool(c) and not c.get("arabic_names", c.get("arab_league"))

    # ---- queries -----------------------------------------------------------------

    def get(self, kb_id: str) -> dict | None:
        return (self.persons.get(kb_id) or self.organizations.get(kb_id)
                or self.places.get(kb_id) or self.countries.get(kb_id))

    def kind_of(self, kb_id: str) -> str | None:
        for kind, table in (("person", self.persons), ("org", self.organizations),
                            ("place", self.places), ("country", self.countries)):
            if kb_id in table:
                return kind
        return None

    def country(self, iso3: str | None) -> dict | None:
        return self.countries.get(iso3 or "")

    def country_name(self, iso3: str | None) -> str | None:
        c = self.country(iso3)
        return c["name_en"] if c else None

    def holders_ever(self, title: str, country: str) -> list[dict]:
        """Persons who held ``title`` in ``country`` at any time (national offices only)."""
        out: list[dict] = []
        # the rows under (title, country) are that country's offices
        for p, _r, _first, _last, _country, _org, not_national in \
                self._roles_by_title_country.get((title, country), ()):
            if not not_national and p not in out:
                out.append(p)
        return out

    def holders_by_family_name(self, title: str, family: str) -> list[dict]:
        """Persons who held ``title`` at any time whose Arabic name ends with the
        word ``family`` (normalized): «الرئيس رئيسي» names Ebrahim Raisi though
        رئيسي alone is an everyday word."""
        if self._family_index is None:
            index: dict[tuple[str, str], list[dict]] = defaultdict(list)
            for t, rows in self._roles_by_title.items():
                for p, *_ in rows:
                    for n in (p.get("names_ar") or []) + (p.get("variants_ar") or []):
                        words = normalize_key(n).split()
                        if len(words) >= 2 and p not in index[(t, words[-1])]:
                            index[(t, words[-1])].append(p)
            self._family_index = dict(index)
        return list(self._family_index.get((title, family), ()))

    def holders(self, title: str | list[str], country: str | None = None, org: str | None = None,
                on: str | dt.date | None = None) -> list[dict]:
        """Persons holding ``title`` (a key or a list of keys) in ``country`` and/or
        ``org`` on the date ``on`` (default today). A title also finds its
        equivalents (``prime_minister``: a chancellor). Without ``org``, offices
        of bodies that are not the country's government (a regional government,
        a rival authority, a party or an armed group: ``org_is_national``) do
        not answer: رئيس العراق is not the Kurdistan Region's president."""
        day = as_date(on) or dt.date.today()
        # the same question comes back for every mention of a title (a title with no
        # country reads every holder of it in the base): answers are kept per question
        memo_key = (title if isinstance(title, str) else tuple(title), country, org, day)
        known = self._holders_memo.get(memo_key)
        if known is not None:
            return list(known)
        titles = {title} if isinstance(title, str) else set(title)
        for t in list(titles):
            titles.update(self.titles.equivalents.get(t, []))
        found: dict[str, dict] = {}
        for t in titles:
            rows = self._roles_by_title_country.get((t, country), ()) if country else \
                self._roles_by_title_org.get((t, org), ()) if org else self._roles_by_title.get(t, ())
            for p, r, first, last, _country, office_org, not_national in rows:
                if p["id"] in found or (first and day < first) or (last and day > last):
                    continue
                if org and office_org != org:
                    continue
                if not org and not_national:
                    continue
                found[p["id"]] = p
        # the base's order, so that results do not depend on the order of the titles asked
        out = [found[pid] for pid in sorted(found, key=self._order.__getitem__)]
        if len(self._holders_memo) >= _HOLDERS_MEMO:
            self._holders_memo.clear()
        self._holders_memo[memo_key] = tuple(out)
        return out

    def org_is_national(self, ref: str | None) -> bool:
        """Whether an office in this organization is an office of its country's
        state: not a regional or rival government (``scope`` in organizations.jsonl),
        a party or an armed group. International bodies count (an envoy's UN seat)."""
        o = self.organizations.get(self.org_id(ref) or "")
        if o is None:
            return True
        return not o.get("scope") and o.get("kind") not in {"party", "armed_group"}

    def role_destination(self, role: dict | None) -> str | None:
        """Where an ambassador or envoy is posted: the ISO3 in ``to``, or the
        international organization (its id) they sit in."""
        if not role:
            return None
        if role.get("to"):
            return role["to"]
        o = self.organizations.get(self.org_id(role.get("org")) or "")
        return o["id"] if o and o.get("kind") == "international" else None

    def holds(self, person: dict, titles: list[str] | set[str], on: str | dt.date | None = None) -> bool:
        """Whether the person held one of ``titles`` (anywhere) on the date."""
        day = as_date(on)
        return any(r.get("title") in titles and role_active(r, day) for r in person.get("roles") or [])

    def role_on(self, person: dict, on: str | dt.date | None = None,
                titles: set[str] | None = None) -> dict | None:
        """The person's role on a date (the one among ``titles`` if given)."""
        day = as_date(on)
        active = [r for r in person.get("roles") or [] if role_active(r, day)]
        if titles:
            active = [r for r in active if r.get("title") in titles] or active
        return active[0] if active else None

    def role_label(self, role: dict | None, fallback_country: str | None = None) -> str | None:
        if not role:
            return None
        if role.get("label"):
            return role["label"]
        return self.title_label(role.get("title"), role.get("country") or fallback_country, role.get("org"))

    def title_label(self, title: str | None, country: str | None = None, org: str | None = None) -> str | None:
        if not title:
            return None
        template = self.titles.labels.get(title, title.replace("_", " ").capitalize() + " ({country})")
        org_row = self.organizations.get(self.org_id(org) or "")
        cname = self.country_name(country)
        org_name = org_row["name_en"] if org_row else cname
        if "{org}" in template and not org_name:
            return None
        if "{country}" in template and not cname:
            template = template.replace(" ({country})", "").replace(" of {country}", "")
        return template.format(country=cname or "", org=org_name or "")

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Look a name up in Arabic or English, any spelling: exact forms first,
        then forms containing the query, then close spellings."""
        if not query or not query.strip():
            raise ValueError("search query is empty")
        key = normalize_key(query)
        scored: dict[tuple[str, str], float] = {}

        def hit(kind: str, id_: str, score: float) -> None:
            if score > scored.get((kind, id_), 0):
                scored[(kind, id_)] = score

        for alias in self._aliases.get(key, []):
            hit(alias.kind, alias.id, 100)
        for pid, _ in self.skeleton_matches(key):
            hit("person", pid, 90)
        if any("\u0600" <= ch <= "\u06ff" for ch in query):
            # a role description (الرئيس السوري، نائب وزير الخارجية الروسي): today's holder
            from marsad.annotate.entities import link_entities
            from marsad.model import Article

            for e in link_entities(Article(id="query", text=query), kb=self).entities:
                if e.type == "PERSON" and e.kb_id:
                    hit("person", e.kb_id, 100)
        from rapidfuzz import fuzz

        for kind, table in (("person", self.persons), ("org", self.organizations),
                            ("country", self.countries), ("place", self.places)):
            for id_, row in table.items():
                forms = [row.get("name_en") or "", id_] + list(row.get("aka") or []) \
                    + list(row.get("names_ar") or []) + list(row.get("short_ar") or []) \
                    + list(row.get("variants_ar") or [])
                for form in forms:
                    fk = normalize_key(form)
                    if not fk:
                        continue
                    if key == fk:
                        hit(kind, id_, 100)
                    elif key in fk:
                        hit(kind, id_, 80 + 10 * len(key) / len(fk))
                    elif len(key) >= 4:
                        score = fuzz.ratio(key, fk)
                        if score >= 85:
                            hit(kind, id_, score * 0.85)
        order = {"person": 0, "org": 1, "country": 2, "place": 3}
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], order[kv[0][0]], kv[0][1]))
        return [self.describe(id_, kind) | {"score": round(score, 1)}
                for (kind, id_), score in ranked[:limit]]

    def describe(self, kb_id: str, kind: str | None = None, on: str | dt.date | None = None) -> dict:
        """A row in the contract's actor shape plus kb_id, kind and roles."""
        kind = kind or self.kind_of(kb_id)
        row = self.get(kb_id) if kind != "country" else self.countries.get(kb_id)
        if row is None:
            raise KeyError(f"{kb_id!r} is not in the knowledge base")
        if kind == "person":
            role = self.role_on(row, on)
            return {"kb_id": kb_id, "kind": "PERSON", "name_en": row.get("name_en"),
                    "name_ar": (row.get("names_ar") or [None])[0], "wikidata": row.get("wikidata"),
                    "country": row.get("country"), "role": self.role_label(role, row.get("country")),
                    "roles": [self.role_label(r, row.get("country")) + _span(r)
                              for r in row.get("roles") or [] if self.role_label(r, row.get("country"))]}
        if kind == "country":
            return {"kb_id": kb_id, "kind": "GPE", "name_en": row["name_en"],
                    "name_ar": (row.get("names_ar") or [None])[0], "wikidata": row.get("wikidata"),
                    "country": kb_id, "role": None, "roles": []}
        return {"kb_id": kb_id, "kind": "ORG" if kind == "org" else "LOC", "name_en": row.get("name_en"),
                "name_ar": (row.get("names_ar") or [None])[0], "wikidata": row.get("wikidata"),
                "country": row.get("country"), "role": None,
                "roles": [row["kind"]] if row.get("kind") else []}


def _span(role: dict) -> str:
    start, end = role.get("start"), role.get("end")
    if not start and not end:
        return ""
    return f" ({start or '?'} – {end or 'now'})"


@lru_cache(maxsize=8)
def _load_cached(path: str) -> KnowledgeBase:
    return KnowledgeBase(Path(path))


def broken_plural(nisba: str) -> str | None:
    """The broken plural of a singular nisba on a four-consonant stem (فعالِلة):
    مغربي → مغاربة، تونسي → توانسة، أردني → أرادنة. Other nisbas make their plural
    with ‑يون/‑يين, which countries.jsonl lists; None for those."""
    key = normalize_key(nisba or "")
    if " " in key or key.startswith("ال") or not key.endswith("ي"):
        return None
    stem = key[:-1]
    # a long vowel inside the stem (عماني، مالطي) does not take this pattern
    if len(stem) != 4 or stem[1] == "ا" or stem[2] in _WEAK or stem[3] in _WEAK:
        return None
    return stem[:2] + "ا" + stem[2:] + "ة"


def load_kb(data_dir: Path | str | None = None) -> KnowledgeBase:
    """The knowledge base in ``data_dir`` (default: the package's data/kb), loaded
    once per process and folder."""
    return _load_cached(_resolved(str(data_dir or DEFAULT_DIR)))


@lru_cache(maxsize=64)
def _resolved(path: str) -> str:
    # resolving a path costs system calls, and the linker asks for the base per article
    return str(Path(path).resolve())


_KINDS = {"person": "person", "persons": "person", "PERSON": "person", "org": "org", "orgs": "org",
          "organization": "org", "organizations": "org", "ORG": "org", "country": "country",
          "countries": "country", "GPE": "country", "gpe": "country", "place": "place",
          "places": "place", "LOC": "place", "loc": "place"}


def actors_table(query: str | None = None, kind: str | None = None, country: str | None = None,
                 limit: int = 50, data_dir: Path | None = None) -> list[dict]:
    """Rows for ``marsad actors``: what the base knows, optionally matching a
    query (Arabic or English), of one kind (person, org, country, place) and
    linked to one country (ISO3)."""
    kb = load_kb(data_dir)
    if kind is not None and kind not in _KINDS:
        raise ValueError(f"kind {kind!r}: expected one of person, org, country, place")
    want = _KINDS.get(kind) if kind else None
    if country is not None and country.upper() not in kb.countries:
        raise ValueError(f"country {country!r}: not an ISO 3166-1 alpha-3 code the base knows")
    iso = country.upper() if country else None
    if query:
        rows = kb.search(query, limit=max(limit * 5, 50))
    else:
        rows = []
        for k, table in (("person", kb.persons), ("org", kb.organizations),
                         ("country", kb.countries), ("place", kb.places)):
            if want and k != want:
                continue
            rows.extend(kb.describe(i, k) for i in sorted(table))
    kind_label = {"person": "PERSON", "org": "ORG", "country": "GPE", "place": "LOC"}
    out = [r for r in rows
           if (not want or r["kind"] == kind_label[want]) and (not iso or r["country"] == iso)]
    return out[:limit]
