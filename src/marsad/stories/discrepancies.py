"""Where the sources of one story disagree: dates, who initiated, the kind of
contact, casualty figures, and names that contradict the knowledge base or each
other. Spelling variants of one name are not discrepancies: names are compared
by the actor they were linked to, not by their letters."""

from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass
from functools import lru_cache

from marsad.annotate.knowledge import load_kb, name_skeleton, role_active, spelling_key
from marsad.data import read_lexicon
from marsad.model import Article, Discrepancy, Event
from marsad.stories.features import mode_group, modes_conflict
from marsad.text.normalize import normalize_key
from marsad.text.tokens import CONJUNCTIONS


def _values(pairs: list[tuple[object, str]]) -> list[dict]:
    by_value: dict[str, dict] = {}
    for value, aid in pairs:
        entry = by_value.setdefault(str(value), {"value": value, "article_ids": []})
        if aid not in entry["article_ids"]:
            entry["article_ids"].append(aid)
    for entry in by_value.values():
        entry["article_ids"].sort()
    return sorted(by_value.values(), key=lambda e: (-len(e["article_ids"]), str(e["value"])))


def _same_event(ev: Event, main: Event) -> bool:
    """A report's main event is the story's when it is of its type and shares one
    of its parties; when either names no party («a suicide bomber», «gunmen»), the
    type alone, the story having joined the reports already."""
    keys = {a.key for a in (ev.actor1, ev.actor2) if a}
    main_keys = {a.key for a in (main.actor1, main.actor2) if a}
    return ev.type == main.type and (bool(keys & main_keys) or not keys or not main_keys)


@lru_cache(maxsize=1)
def _initiative() -> tuple[frozenset[str], tuple[str, ...]]:
    data = read_lexicon("event_modes.json")["initiative"]
    return frozenset(data["groups"]), tuple(normalize_key(w) for w in data["directional_triggers"])


def _says_who_initiated(ev: Event) -> bool:
    groups, cues = _initiative()
    if mode_group(ev.mode) not in groups or ev.trigger is None:
        return False
    words = normalize_key(ev.trigger.text).split()
    return any(w.startswith(c) or w[1:].startswith(c) for w in words for c in cues)


@lru_cache(maxsize=1)
def _speech_clause() -> re.Pattern:
    """A speech verb and at most three words (its subject) right before a date
    mention: «أعلنت الشرطة المحلية، اليوم السبت،» dates the announcement."""
    data = read_lexicon("quote_cues.json")
    verbs = _alternatives(w for forms in data["speech_verbs"] for w in forms.split("|"))
    return re.compile(rf"(?<!\w)[وف]?(?:{verbs})(?:\s+[^\s.؟!]+){{0,3}}\s*$")


@lru_cache(maxsize=1)
def _complementizers() -> frozenset[str]:
    data = read_lexicon("quote_cues.json")
    return frozenset(normalize_key(w) for forms in data["complementizers"] for w in forms.split("|"))


def _dates_speech(art: Article, d) -> bool:
    before = normalize_key(art.text[max(0, d.start - 60):d.start]).replace("،", " ").replace(",", " ")
    m = _speech_clause().search(before)
    return bool(m) and not any(w in _complementizers() for w in m.group(0).split()[1:])


def _event_mentions(art: Article, day: str) -> list:
    """The article's own mentions of ``day`` that date the event, not a statement
    about it (the day after «أعلنت الشرطة» is the announcement's)."""
    return [d for d in _own_mentions(art, day) if not _dates_speech(art, d)]


def _own_mentions(art: Article, day: str) -> list:
    """The article's mentions of ``day`` that its own text dates: absolute, or
    relative to its own publication date. A weekday resolved against the story's
    date (an article without one) only repeats the story's date."""
    return [d for d in art.dates if d.value == day and d.anchor != "story"]


@lru_cache(maxsize=1)
def _parts_of_day() -> tuple[dict[str, int], int]:
    data = _figures()["parts_of_day"]
    order = {part: n for n, part in enumerate(data["order"])}
    return {normalize_key(w): order[part] for part, words in data["words"].items() for w in words}, len(order)


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    """Each weekday word (normalized) -> its day, 0 for Sunday: the list runs from
    Sunday to Saturday, two spellings of one day normalizing to one form."""
    order: dict[str, int] = {}
    for w in _figures()["parts_of_day"]["weekdays"]:
        order.setdefault(normalize_key(w), len(order))
    return order


@lru_cache(maxsize=1)
def _shift_words() -> dict[str, int]:
    return {normalize_key(w): n for w, n in _figures()["parts_of_day"]["before_after"]["words"].items()}


def _named_weekday(text: str) -> int | None:
    weekdays = _weekdays()
    days = {weekdays.get(w, weekdays.get(w[1:])) for w in normalize_key(text).split()}
    days.discard(None)
    return days.pop() if len(days) == 1 else None


def _mention_part(art: Article, d) -> int | None:
    """The part of the day a date mention opens with, moved to the neighbouring part
    by the word right before it («بعد ظهر اليوم» is the afternoon)."""
    words, cycle = _parts_of_day()
    first = normalize_key(d.text).split()[:1]
    part = words.get(first[0]) if first else None
    if part is None:
        return None
    before = normalize_key(art.text[max(0, d.start - 12):d.start]).split()[-1:]
    shift = _shift_words().get(before[0], 0) if before else 0
    return (part + shift) % cycle


def part_of_day(art: Article, ev: Event) -> int | None:
    """The part of the day (its place in ``parts_of_day.order``) that the main
    event's date expression gives («عصر الثلاثاء»): the mentions of its day in
    the trigger's sentence, else in the whole text; None when they give none or
    several. An undated event takes the mentions that name a weekday."""
    if ev.date and len(ev.date) == 10:
        # A weekday resolved against the story's date counts here: the part of the day
        # is the article's own word, and the weekday its own; a bare «صباح اليوم»
        # resolved against the story's date may be another day.
        mentions = [d for d in art.dates if d.value == ev.date and (
            d.anchor != "story" or _named_weekday(d.text) is not None)]
    elif not ev.date:
        mentions = [d for d in art.dates if _named_weekday(d.text) is not None]
    else:
        return None
    if ev.trigger is not None:
        sentence = art.sentence_at(ev.trigger.start)
        near = [d for d in mentions if sentence and sentence.start <= d.start < sentence.end]
        mentions = near or mentions
    parts = {_mention_part(art, d) for d in mentions if d.text.strip()}
    parts.discard(None)
    return parts.pop() if len(parts) == 1 else None


def _report_day(art: Article, ev: Event) -> tuple[str | None, int | None]:
    """The day a report puts the main event on: its date, and its weekday (0 for
    Sunday), or for an undated event the one weekday its date mentions name."""
    if ev.date and len(ev.date) == 10:
        return ev.date, (date.fromisoformat(ev.date).weekday() + 1) % 7
    days = {_named_weekday(d.text) for d in art.dates}
    days.discard(None)
    return None, days.pop() if len(days) == 1 else None


_WEEKDAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def _time_discrepancies(mains: list[tuple[Article, Event]]) -> list[Discrepancy]:
    """Reports that put the main event on one day but in parts of the day two
    steps apart or more (morning and afternoon; not evening and night). Reports
    of one date are compared; an undated report is compared with those that name
    its weekday (two undated reports of «مساء الأحد» and «ظهر الأحد»)."""
    _, cycle = _parts_of_day()
    names = _figures()["parts_of_day"]["order"]
    found = []
    by_weekday: dict[int, list[tuple[int, str, str | None]]] = {}
    for art, ev in mains:
        part = part_of_day(art, ev)
        day, weekday = _report_day(art, ev)
        if part is not None and weekday is not None:
            by_weekday.setdefault(weekday, []).append((part, art.id, day))
    for weekday, items in sorted(by_weekday.items()):
        days = {d for _, _, d in items if d}
        if len(days) > 1:  # dated a week apart: only reports of one date compare
            groups = [[i for i in items if i[2] == d] for d in sorted(days)]
        else:
            groups = [items]
        for group in groups:
            parts = {p for p, _, _ in group}
            if any(min(abs(x - y), cycle - abs(x - y)) >= 2 for x in parts for y in parts):
                day = next((d for _, _, d in group if d), None)
                when = day or f"one {_WEEKDAY_NAMES[weekday]}"
                found.append(Discrepancy("time of day", _values([(names[p], aid) for p, aid, _ in group]),
                                         f"sources put the main event at different times of {when}"))
    return found


def _one_night(reports: list[tuple[Article, Event]], days: set[str]) -> bool:
    """Two days in a row where a report of the first puts the event in its evening
    or night, or a report of the second at its dawn or night, and no report puts
    it at another time of its day: one night told from either side of midnight
    (or of two time zones), not two dates."""
    if len(days) != 2:
        return False
    first, second = sorted(days)
    if (date.fromisoformat(second) - date.fromisoformat(first)).days != 1:
        return False
    edges = _figures()["parts_of_day"]["night_edges"]
    names = _figures()["parts_of_day"]["order"]
    touching = False
    for art, ev in reports:
        part = part_of_day(art, ev) if ev.date in days else None
        if part is None:
            continue
        near = edges["earlier_day"] if ev.date == first else edges["later_day"]
        if names[part] not in near:
            return False  # «فجر الأربعاء» against «فجر الخميس»: two dawns, two dates
        touching = True
    return touching


def main_event_discrepancies(articles: list[Article], main: Event | None) -> list[Discrepancy]:
    if main is None:
        return []
    mains = _main_reports(articles, main)
    found: list[Discrepancy] = []
    # Dates: only day-grain dates that the articles state themselves (not
    # publication dates, nor a weekday resolved against the story's date).
    # A report whose contact is of another kind than the story's (a call, not the
    # meeting) dates another event: the announcement, the call before the visit.
    alike = [(a, ev) for a, ev in mains if not (ev.mode and main.mode and modes_conflict(ev.mode, main.mode))]
    dated = [(ev.date, a.id) for a, ev in alike
             if ev.date and len(ev.date) == 10 and _event_mentions(a, ev.date)]
    # A report whose own text names another report's day too (a page stamp of the
    # eve and the event's day in the text) does not contradict that day.
    days = {d for d, _ in dated}
    by_id = {a.id: a for a, _ in alike}
    dated = [(d, aid) for d, aid in dated if not any(_own_mentions(by_id[aid], other) for other in days - {d})]
    values = _values(dated)
    if len(values) > 1 and not _one_night(alike, {d for d, _ in dated}):
        found.append(Discrepancy("date", values, "sources give different dates for the main event"))
    found += _time_discrepancies(alike)
    # Contacts of two kinds are one told two ways only when both reports put it on
    # the same day: a call on another (or no) day is another contact.
    day_modes = [(ev.mode, ev.date) for _, ev in mains if ev.mode and ev.date and len(ev.date) == 10]
    modes = _values([(ev.mode, a.id) for a, ev in mains if ev.mode])
    if any(modes_conflict(m1, m2) and d1 == d2 for m1, d1 in day_modes for m2, d2 in day_modes):
        found.append(Discrepancy("mode", modes, "sources describe the contact differently"))
    pair = {a.key for a in (main.actor1, main.actor2) if a}
    initiators = _values([(ev.actor1.name_en or ev.actor1.name_ar, a.id) for a, ev in mains
                          if ev.actor1 and ev.actor2 and {ev.actor1.key, ev.actor2.key} == pair
                          and len(pair) == 2 and _says_who_initiated(ev)])
    if len(initiators) > 1:
        found.append(Discrepancy("initiator", initiators, "sources disagree on who initiated"))
    return found


def _another_known_person(art: Article, finding) -> bool:
    """A "holder of" conflict whose name is a person the knowledge base knows in another
    office (the head of a party read as the head of state): the title names another
    office, not a source's error about this one. A misspelled or unknown name stays."""
    if not finding.field.startswith("holder of"):
        return False
    return any(e.type == "PERSON" and e.kb_id and e.start < finding.end and finding.start < e.end
               for e in art.entities)


_HOLDER_FIELD = re.compile(r"^holder of (.+) on (\d{4}-\d{2}-\d{2})$")
_EXPECTED = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_LATIN = re.compile(r"[A-Za-z]")


def _name_words(name: str, latin: bool) -> list[str]:
    """The words of a name as spelling-insensitive keys: in Latin letters, the first
    letter and the consonants after it; in Arabic, ``name_skeleton`` of each word."""
    if latin:
        words = re.findall(r"[a-z]+", name.lower())
        skeletons = ["".join(c for c in w[1:] if c not in "aeiouy") for w in words]
        # Massoud/Masoud: a doubled letter is one
        return [w[0] + re.sub(r"(.)\1+", r"\1", k) for w, k in zip(words, skeletons)]
    # the article «ال» is written or not before a family name (الغنوشي/غنوشي)
    return [name_skeleton(w[2:] if w.startswith("ال") and len(w) > 4 else w) for w in normalize_key(name).split()]


def same_person_spelled(found: str, expected: str | None) -> bool:
    """Whether the name an article gives (``found``) is the base's office holder
    (``expected``, "Arabic name (English name)") spelled another way: the same
    family name by its consonant skeleton (بزشكيان/پزشكيان/بيزشكيان، أردوغان/إردوغان)
    and the same given name by ``spelling_key``, or in Latin letters against the
    English name. A family name alone after the title (الرئيس بيزشكيان) is compared
    by that name; another given name (رفعت الأسد for بشار الأسد) is another person."""
    m = _EXPECTED.match(expected or "")
    if not m or not found.strip():
        return False
    latin = bool(_LATIN.search(found))
    f = _name_words(found, latin)
    e = _name_words(m.group(2) if latin else m.group(1), latin)
    if not f or not e or len(f[-1]) < 2 or f[-1] != e[-1]:
        return False
    if len(f) == 1:
        # a short skeleton (سعيد: سد) says little alone
        return len(f[-1]) >= 4
    if latin:
        return f[0] == e[0]
    # An Arabic given name keeps its long vowels: محمد is not محمود, سعد not سعيد
    # (the skeleton, made for foreign family names, would merge them).
    return spelling_key(normalize_key(found).split()[0]) == spelling_key(normalize_key(m.group(1)).split()[0])


def _with_a_conjunction(found: str, expected: str | None) -> bool:
    """The expected name with a conjunction written onto it («وفلان»): the annotator
    read the letter as part of the given name, and the name is the base's."""
    m = _EXPECTED.match(expected or "")
    key = normalize_key(found)
    if not m or not key.startswith(CONJUNCTIONS):
        return False
    return spelling_key(key[1:]) == spelling_key(m.group(1))


def _holder_at(expected: str | None, label: str, day: date) -> bool | None:
    """Whether the base's expected holder held the office ``label`` on ``day``
    (None: the base has no such person by that English name)."""
    m = _EXPECTED.match(expected or "")
    if not m:
        return None
    kb = load_kb()
    people = _persons_named(kb, m.group(2).strip())
    if len(people) != 1:
        return None
    p = people[0]
    return any(kb.role_label(r, p.get("country")) == label and role_active(r, day) for r in p.get("roles") or [])


@lru_cache(maxsize=1)
def _english_names(kb) -> dict[str, list[dict]]:
    """The base's persons by their English name, in base order: built once per base."""
    by_name: dict[str, list[dict]] = {}
    for p in kb.persons.values():
        n = p.get("name_en")
        if isinstance(n, str):
            by_name.setdefault(n, []).append(p)
    return by_name


def _persons_named(kb, name: str) -> list[dict]:
    """The base's persons whose English name is ``name``."""
    return _english_names(kb).get(name, [])


def _event_day(main: Event | None) -> date | None:
    value = main.date if main is not None else None
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _not_the_holder_then(finding, day: date | None) -> bool:
    """A "holder of" conflict of a page without a date of its own was checked against
    the holder on the day of the run; when the story's event is dated to a day on
    which that person did not hold the office, the name is compared with nobody.
    (A dated page keeps its own date: a story's date may be a background date.)"""
    m = _HOLDER_FIELD.match(finding.field)
    if not m or day is None or m.group(2) == day.isoformat():
        return False
    return _holder_at(finding.expected, m.group(1), day) is False


def name_discrepancies(articles: list[Article], main: Event | None = None) -> list[Discrepancy]:
    """Knowledge-base conflicts (a role holder given another name), and unknown
    people holding one role under different names in different sources. Persons are
    compared by who they are, not by their letters: a "holder of" conflict whose
    name is the holder's own spelled another way, or whose holder is not the one
    in office on the story's event date, is none; nor is a base name with a
    conjunction written onto it («وفلان»)."""
    found: list[Discrepancy] = []
    by_field: dict[str, list[tuple[Article, object]]] = {}
    day = _event_day(main)
    for art in articles:
        for f in art.findings:
            if f.kind != "kb_conflict" or _another_known_person(art, f):
                continue
            if f.field.startswith("holder of") and (same_person_spelled(f.found, f.expected)
                                                    or (not art.published and _not_the_holder_then(f, day))):
                continue
            if _with_a_conjunction(f.found, f.expected):
                continue
            by_field.setdefault(f.field, []).append((art, f))
    for field_name, items in sorted(by_field.items()):
        expected = items[0][1].expected
        conflicting = {a.id for a, _ in items}
        pairs = [(f.found, a.id) for a, f in items]
        # The expected name may read "كايا كالاس (Kaja Kallas)": match either name.
        backing = [a.id for a in articles if a.id not in conflicting and expected and any(
            (e.name_en and e.name_en in expected) or (e.name_ar and e.name_ar in expected)
            for e in a.entities if e.type == "PERSON")]
        values = _values(pairs)
        values.append({"value": expected, "article_ids": sorted(backing)})
        note = "the knowledge base" + (" and the other sources give" if backing else " gives") + \
            f" {expected}"
        found.append(Discrepancy(field_name, values, note))
    # Discovered (unknown) people: one role, one country, different names.
    by_role: dict[tuple, list[tuple[str, str]]] = {}
    for art in articles:
        for e in art.entities:
            if e.type == "PERSON" and not e.kb_id and e.role and e.name_en:
                by_role.setdefault((e.role, e.country), []).append((e.name_en, art.id))
    for (role, country), pairs in sorted(by_role.items(), key=str):
        if country is None:
            continue  # "the minister" of no known country may be several people
        values = _values(pairs)
        # compared by their skeletons: two romanizations of one name (Massoud/Masoud) agree
        names = [set(_name_words(v["value"], True)) for v in values]
        # A short form ("Abu Qasra") of a fuller name ("Murhaf Abu Qasra") is the same name.
        differ = any(not (a <= b or b <= a) for i, a in enumerate(names) for b in names[i + 1:])
        if differ:
            found.append(Discrepancy(f"name of {role}", values, "sources name this role holder differently"))
    return found


@lru_cache(maxsize=1)
def _figures() -> dict:
    return read_lexicon("figures.json")


def _alternatives(words) -> str:
    return "|".join(sorted({re.escape(normalize_key(w)) for w in words}, key=len, reverse=True))


# what the reports of an attack or a crackdown count (casualties.json)
CASUALTY_KINDS = ("killed", "injured", "arrested")


@lru_cache(maxsize=1)
def _casualty_lexicon() -> dict:
    data = read_lexicon("casualties.json")
    figures = _figures()
    numbers = {normalize_key(k): v for k, v in data["number_words"].items() if v is not None}
    multipliers = {normalize_key(k): v for k, v in figures["multipliers"].items()}
    word = _alternatives(numbers)
    # A number word with its teen («ثمانية عشر») or its tens («خمسة وعشرون»)
    word_number = rf"(?:{word})(?:\s+عشره?)?(?:\s+و(?:{word}))?"
    # A number: digits or a number word, and a multiplier after either («4 آلاف»).
    number = rf"(\d[\d,.]*|{word_number})(?:\s+({_alternatives(multipliers)})(?!\w))?"
    hedges = figures["hedges"]
    # "killed in it at least 14": a pronoun's preposition and a hedge may come between
    between = (rf"(?:(?:{_alternatives(hedges['pronoun_prepositions'])})\s+)?"
               rf"(?:(?:{_alternatives(hedges['words'])})\s+)?")
    patterns = {
        kind: [re.compile(rf"(?<!\w)[وفبل]?(?:{_alternatives(data[kind + '_verbal'] + figures['casualty_verbs'][kind])})\s+{between}{number}(?!\w)"),
               # "the death toll rose to seven": a number within three words of the toll
               re.compile(rf"(?<!\w)[وفبل]?(?:{_alternatives(data[kind + '_tolls'])})(?:\s+\S+){{0,3}}?\s+{number}(?!\w)")]
        + ([  # the number may carry «و» («13 قتيلا و52 جريحا»: the wounded have their own)
            # (the word between is not itself a number: «2025 ثلاثة شهداء»)
            # (nor a number of its own after «و»: «قتيل واحد و3 جرحى» has 3 wounded, not one)
            re.compile(rf"(?<!\w)و?{number}\s+(?:(?!و?\d|(?:{word_number})\s)\S+\s+)?(?:{_alternatives(data[kind + '_nouns'])})")]
           if data.get(kind + "_nouns") else [])
        for kind in CASUALTY_KINDS
    }
    # an active verb of arrest has its doer before the number: «اعتقلت قوات الأمن نحو 30 متظاهرا»
    patterns["arrested"].append(re.compile(
        rf"(?<!\w)[وف]?(?:{_alternatives(figures['casualty_verbs']['arrested'])})(?:\s+[^\s\d.،,]+){{1,3}}?\s+{between}{number}(?!\w)"))
    # "X and six others were killed": the named victim plus the others.
    companions = re.compile(
        rf"(?<!\w)[وفبل]?(?:{_alternatives(data['killed_verbal'])})\s+(?:\S+\s+){{1,8}}?و{number}\s+"
        rf"(?:{_alternatives(data['companions']['words'])})")
    background = re.compile(rf"(?<!\w)[وفبل]?(?:{_alternatives(figures['background_cues']['words'])})(?!\w)")
    plu = figures["background_cues"]["pluperfect"]
    pluperfect = re.compile(rf"(?<!\w)[وف]?(?:{_alternatives(plu['auxiliaries'])})(?:\s+\S+){{0,{plu['max_between']}}}?"
                            rf"\s+{re.escape(normalize_key(plu['particle']))}(?=\s)")
    # «لم يسقط قتيل واحد»: a negation up to three words before the count, and no
    # exception between («لم يسقط سوى قتيل واحد»)
    implied = data["implied_counts"]
    negated = re.compile(rf"(?<!\w)[وف]?(?:{_alternatives(implied['negations'])})"
                         rf"(?:\s+(?![وف]?(?:{_alternatives(implied['negation_exceptions'])})(?!\w))[^\s.،,؛:]+){{0,3}}\s+$")
    return {"numbers": numbers, "multipliers": multipliers, "word_number": word_number, "number": number,
            "patterns": patterns, "companions": companions, "background": background, "pluperfect": pluperfect,
            "implied": _implied_count_patterns(data), "negated": negated}


def _implied_count_patterns(data: dict) -> dict[str, list[tuple[re.Pattern, int]]]:
    """Counts written without a number (casualties.json ``implied_counts``): a dual is
    two («سقوط قتيلين», «مقتل شخصين»), a singular followed by «واحد» one («ضحية واحدة»)."""
    implied = data["implied_counts"]
    one = _alternatives(implied["one_words"])
    persons = _alternatives(implied["person_duals"])
    out: dict[str, list[tuple[re.Pattern, int]]] = {}
    for kind in ("killed", "injured"):
        verbal = _alternatives(data[kind + "_verbal"] + _figures()["casualty_verbs"][kind])
        out[kind] = [
            (re.compile(rf"(?<!\w)[وبل]?(?:{_alternatives(implied[kind + '_duals'])})(?!\w)"), 2),
            (re.compile(rf"(?<!\w)[وفبل]?(?:{verbal})\s+(?:{persons})(?!\w)"), 2),
            (re.compile(rf"(?<!\w)[وبل]?(?:{_alternatives(implied[kind + '_singulars'])})\s+(?:{one})(?!\w)"), 1),
            (re.compile(rf"(?<!\w)[وفبل]?(?:{verbal})\s+(?:{_alternatives(implied['person_singulars'])})\s+(?:{one})(?!\w)"), 1),
        ]
    return out


@lru_cache(maxsize=512)
def _normalized(text: str) -> str:
    """An article's text normalized once for both the casualty and the prison-term scans."""
    return normalize_key(text)


_SENTENCE_END = re.compile(r"[.!?؟\n]")
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])")


def _background_sentence(norm: str, pos: int, year: str | None, lex: dict) -> bool:
    """A figure in a sentence that tells a running total ("since the war began",
    "in all", "in the past 24 hours") or names another year than the event's, or after a
    pluperfect («وكان … قد») in its sentence, is not the main event's."""
    start = max((m.end() for m in _SENTENCE_END.finditer(norm, 0, pos)), default=0)
    m = _SENTENCE_END.search(norm, pos)
    sentence = norm[start:m.start() if m else len(norm)]
    if lex["background"].search(sentence):
        return True
    # «وكانت غارة مماثلة قد أسفرت عن مقتل 5»: a pluperfect before the figure tells an earlier event
    if lex["pluperfect"].search(norm, start, pos):
        return True
    return year is not None and any(y != year for y in _YEAR.findall(sentence))


@dataclass(frozen=True)
class Count:
    """A toll as a report writes it: the number, its hedge ("" exact, "about",
    "more": a lower bound, "range": from ``value`` to ``high``)."""

    value: int
    hedge: str = ""
    high: int | None = None

    def bounds(self) -> tuple[float, float]:
        """The counts the figure allows (``casualty_compare`` in figures.json)."""
        if self.hedge == "about":
            return 0.9 * self.value, 1.1 * self.value
        if self.hedge == "more":
            return self.value, _compare_lexicon()["span"] * self.value
        if self.hedge == "range" and self.high:
            return self.value, self.high
        return self.value, self.value


def counts_agree(a: Count, b: Count) -> bool:
    """Some count satisfies both figures: 20 and «أكثر من 15», not 10 and «100 على الأقل»."""
    (lo1, hi1), (lo2, hi2) = a.bounds(), b.bounds()
    return lo1 <= hi2 and lo2 <= hi1


@lru_cache(maxsize=1)
def _compare_lexicon() -> dict:
    data = _figures()["casualty_compare"]
    lex = _casualty_lexicon()
    data_c = read_lexicon("casualties.json")
    number = lex["number"]
    ranges = [(re.compile(rf"(?:^|\s)(?:{_alternatives([o])})\s+$"),
               re.compile(rf"^\s*(?:{_alternatives([j])})\s*{number}"),
               re.compile(rf"(?:^|\s)(?:{_alternatives([o])})\s+{number}\s*(?:{_alternatives([j])})\s*$"))
              for o, j in data["ranges"]["pairs"]]
    return {
        "about": re.compile(rf"(?:^|\s)ب?(?:{_alternatives(data['about_words'])})\s*$"),
        "more": re.compile(rf"(?:^|\s)ب?(?:{_alternatives(data['more_words'])})\s*$"),
        # «10 أشخاص على الأقل»: the bound after the number and its noun
        "more_after": re.compile(rf"^\s*(?:[^\s.،,]+\s+){{0,2}}?(?:{_alternatives(data['more_words'])})(?!\w)"),
        "ranges": ranges,
        "span": float(data["lower_bound_span"]),
        # killed and wounded told as one number: «مقتل وإصابة 35», «35 قتيلا وجريحا»
        # (not «ستة قتلى وإصابة 12»: the killed have their own number)
        "killed_before": re.compile(rf"(?<!\w)[وفبل]?(?:{_alternatives(data_c['killed_verbal'])})\s+$"),
        "injured_after": re.compile(rf"^\s*و(?:{_alternatives(data_c['injured_nouns'] + data_c['injured_verbal'])})"),
        "number_next": re.compile(rf"^\s+(?:(?:{_alternatives(_figures()['hedges']['words'])})\s+)?{number}(?!\w)"),
        "earlier": re.compile(_alternatives(data["earlier_cues"])),
        "later": re.compile(_alternatives(data["later_cues"])),
    }


def _count(norm: str, m: re.Match, value: int) -> Count:
    """The hedge written with the number of match ``m``."""
    cmp = _compare_lexicon()
    lex = _casualty_lexicon()
    start, end = m.start(1), m.end(2) if m.group(2) else m.end(1)
    before, after = norm[max(0, start - 25):start], norm[end:end + 40]
    for opener, joiner, opened in cmp["ranges"]:
        if opener.search(before):
            j = joiner.match(after)
            if j:
                high = _number(j.group(1), lex["numbers"], j.group(2), lex["multipliers"])
                if high and high > value:
                    return Count(value, "range", high)
        o = opened.search(before)
        if o:
            low = _number(o.group(1), lex["numbers"], o.group(2), lex["multipliers"])
            if low and low < value:
                return Count(low, "range", value)
    if cmp["about"].search(before):
        return Count(value, "about")
    if cmp["more"].search(before) or cmp["more_after"].match(norm[m.end():m.end() + 40]):
        return Count(value, "more")
    return Count(value)


@lru_cache(maxsize=1)
def _year_before() -> frozenset[str]:
    """Words after which a four-digit number is a year: month names, the words for a
    year («عام», «لسنة»: temporal.json ``year_words``) and «منذ» (``since_before``)."""
    months = read_lexicon("months.json")["gregorian"]
    temporal = read_lexicon("temporal.json")
    words = [w for forms in months.values() for w in forms] + temporal["year_words"] + temporal["since_before"]
    return frozenset(normalize_key(w) for w in words)


def _a_year(norm: str, m: re.Match) -> bool:
    """«6 يونيو 2024 أربعة شهداء»: the number before the count is the date's year."""
    raw = m.group(1)
    if not (len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100):
        return False
    before = norm[max(0, m.start(1) - 15):m.start(1)].split()[-1:]
    return bool(before) and before[0] in _year_before()


def _both_kinds(norm: str, m: re.Match, kind: str) -> bool:
    """A number of the killed and the wounded together is a toll of neither."""
    cmp = _compare_lexicon()
    if kind == "arrested":
        return False
    if kind == "injured":
        return m.group(0).startswith("و") and bool(cmp["killed_before"].search(norm[max(0, m.start() - 20):m.start()]))
    after = cmp["injured_after"].match(norm[m.end():m.end() + 20])
    # «ستة قتلى وإصابة 12»: the wounded have their own number
    return bool(after) and not cmp["number_next"].match(norm[m.end() + after.end():m.end() + after.end() + 40])


def casualty_counts(text: str, year: str | None = None,
                    prefer: tuple[int, int] | None = None) -> dict[str, Count]:
    """The first figure given for the killed and for the injured, if any, with its
    hedge, leaving out the figures of background sentences (a cumulative toll,
    another year's event; ``year``: the main event's) and numbers of the killed
    and the wounded together. ``prefer``: a span of the normalized text (the
    sentence that tells the main event) whose figures come first."""
    return {kind: counts[0] for kind, counts in casualty_count_lists(text, year, prefer).items()}


def casualty_count_lists(text: str, year: str | None = None,
                         prefer: tuple[int, int] | None = None) -> dict[str, list[Count]]:
    """Every figure of each kind ``casualty_counts`` reads, the one it gives first."""
    lex = _casualty_lexicon()
    norm = _normalized(text)
    out: dict[str, list[Count]] = {}
    for kind, patterns in lex["patterns"].items():
        hits = []
        for pat in patterns:
            for m in pat.finditer(norm):
                value = _number(m.group(1), lex["numbers"], m.group(2), lex["multipliers"])
                if value and not _both_kinds(norm, m, kind) and not _a_year(norm, m) \
                        and not (value == 1 and _negated(norm, m, lex)):
                    hits.append((m.start(), _count(norm, m, value)))
        for pat, value in lex["implied"].get(kind, ()):
            for m in pat.finditer(norm):
                if _negated(norm, m, lex):
                    continue
                # («مقتل وإصابة شخصين» is a count of both; a killed dual has its own word)
                if kind == "killed" or not _both_kinds(norm, m, kind):
                    hits.append((m.start(), _implied_count(norm, m, value)))
        if kind == "killed":
            for m in lex["companions"].finditer(norm):
                value = _number(m.group(1), lex["numbers"], m.group(2), lex["multipliers"])
                if value:
                    hits.append((m.start(), Count(value + 1)))
        hits = [h for h in sorted(hits, key=lambda h: h[0]) if not _background_sentence(norm, h[0], year, lex)]
        if prefer:
            near = [h for h in hits if prefer[0] <= h[0] < prefer[1]]
            hits = near + [h for h in hits if h not in near]
        if hits:
            out[kind] = [c for _, c in hits]
    return out


def _negated(norm: str, m: re.Match, lex: dict) -> bool:
    """«لم يسقط قتيل واحد», «دون سقوط قتيلين»: the count of match ``m`` is denied."""
    return bool(lex["negated"].search(norm, max(0, m.start() - 60), m.start()))


def _implied_count(norm: str, m: re.Match, value: int) -> Count:
    """A count without a number keeps a hedge written after it («قتيلين على الأقل»)."""
    if _compare_lexicon()["more_after"].match(norm[m.end():m.end() + 40]):
        return Count(value, "more")
    return Count(value)


def _event_sentence(art: Article, ev: Event) -> tuple[int, int] | None:
    """The span, in the normalized text, of the sentence that holds the main
    event's trigger (the offsets of a normalized prefix: near enough for a sentence)."""
    if ev.trigger is None:
        return None
    sentence = art.sentence_at(ev.trigger.start)
    if sentence is None:
        return None
    start = len(_normalized(art.text[:sentence.start]))
    return start, start + len(_normalized(art.text[sentence.start:sentence.end])) + 2


def casualty_figures(text: str, year: str | None = None) -> dict[str, int]:
    """The numbers of ``casualty_counts`` without their hedges."""
    return {kind: c.value for kind, c in casualty_counts(text, year).items()}


def _number(raw: str, words: dict[str, int], multiplier: str | None = None,
            multipliers: dict[str, int] | None = None) -> int | None:
    factor = (multipliers or {}).get(multiplier, 1) if multiplier else 1
    if raw[0].isdigit():
        try:
            return int(float(raw.replace(",", "").rstrip(".")) * factor)
        except ValueError:
            return None
    total = 0
    for token in raw.split():
        if token in ("عشر", "عشره"):
            total += 10
        elif token in words:
            total += words[token]
        elif token.startswith("و") and token[1:] in words:
            total += words[token[1:]]
        else:
            return None
    return total * factor or None


def _main_reports(articles: list[Article], main: Event | None) -> list[tuple[Article, Event]]:
    """The articles whose main event is the story's: only they tell its figures."""
    if main is None:
        return []
    return [(a, a.main_event) for a in articles if a.main_event and _same_event(a.main_event, main)]


def casualty_discrepancies(articles: list[Article], main: Event | None = None) -> list[Discrepancy]:
    """The killed and the injured of the main event, compared only in a story of an
    attack or a crackdown (elsewhere a toll is the background of a war) and only
    across the articles that report that event as their main one. Tolls disagree
    when no count satisfies both (a hedge and a range allow several); a lower toll
    that its report calls initial, or against a report that says the toll rose, is
    shown as an update."""
    if main is None or main.type not in _figures()["casualty_event_types"]:
        return []
    cmp = _compare_lexicon()
    found = []
    per_kind: dict[str, list[tuple[Count, Article]]] = {}
    told: dict[tuple[str, str], list[Count]] = {}  # (kind, article) -> every figure it gives
    for art, ev in _main_reports(articles, main):
        year = (ev.date or main.date or art.published or "")[:4] or None
        for kind, counts in casualty_count_lists(art.text, year, _event_sentence(art, ev)).items():
            per_kind.setdefault(kind, []).append((counts[0], art))
            told[kind, art.id] = counts

    def contradict(kind: str, a: tuple[Count, Article], b: tuple[Count, Article]) -> bool:
        # a report that gives the other's figure too (an update later in its text,
        # the earlier toll it recalls) does not contradict it
        return not counts_agree(a[0], b[0]) and \
            not any(counts_agree(c, b[0]) for c in told[kind, a[1].id]) and \
            not any(counts_agree(c, a[0]) for c in told[kind, b[1].id])

    for kind in CASUALTY_KINDS:
        items = per_kind.get(kind, [])
        if not any(contradict(kind, a, b) for a in items for b in items):
            continue
        note = f"sources give different numbers of {kind}"
        low = min(c.bounds()[1] for c, _ in items)
        high = max(c.bounds()[0] for c, _ in items)
        lower = [a for c, a in items if c.bounds()[1] == low]
        higher = [a for c, a in items if c.bounds()[0] == high]
        if any(cmp["earlier"].search(_normalized(a.text)) for a in lower) or \
                any(cmp["later"].search(_normalized(a.text)) for a in higher):
            note += " (the lower toll is an earlier one: an update, not a contradiction)"
        field = "arrested" if kind == "arrested" else f"casualties_{kind}"
        found.append(Discrepancy(field, _values([(c.value, a.id) for c, a in items]), note))
    return found


@lru_cache(maxsize=1)
def _sentence_patterns() -> dict:
    data = _figures()["prison_sentence"]
    lex = _casualty_lexicon()
    numbers = lex["numbers"]
    number = rf"(\d+|{lex['word_number']})"
    years = _alternatives(data["year_words"])
    term = re.compile(rf"(?<!\w)ب?{number}\s+(?:{years})\s+(?:{_alternatives(data['prison_words'])})(?!\w)")
    bound = re.compile(
        rf"(?<!\w)(?:{_alternatives(data['sentence_nouns'])})(?:\s+\S+){{0,6}}?\s+"
        rf"(?:{_alternatives(data['reaching_verbs'])})(?:\s+\S+)?\s+(?:(?:الي|حتي)\s+)?{number}\s+(?:{years})(?!\w)")
    not_before = frozenset(normalize_key(w) for w in data["not_a_term_before"]["words"])
    # most texts name no prison term: one quick look for a prison or sentencing word first
    cue = re.compile(_alternatives(data["prison_words"] + data["sentence_nouns"]))
    return {"term": term, "bound": bound, "numbers": numbers, "not_before": not_before, "cue": cue}


def _a_term(norm: str, m: re.Match, not_before: frozenset[str]) -> bool:
    """Not time served nor an age: none of the three words before the number says so."""
    before = norm[max(0, m.start(1) - 40):m.start(1)].split()[-3:]
    return not any(w in not_before or w[1:] in not_before for w in before)


def prison_terms(text: str) -> tuple[int | None, bool]:
    """The heaviest prison term (years) the text gives, and whether it gives it as
    the ceiling of the sentences («أحكام تصل إلى 15 سنة»), not as one man's term."""
    pats = _sentence_patterns()
    norm = _normalized(text)
    if not pats["cue"].search(norm):
        return None, False
    terms = [_number(m.group(1), pats["numbers"]) for m in pats["term"].finditer(norm)
             if _a_term(norm, m, pats["not_before"])]
    bounds = [_number(m.group(1), pats["numbers"]) for m in pats["bound"].finditer(norm)
              if _a_term(norm, m, pats["not_before"])]
    terms = [t for t in terms + bounds if t and t < 100]
    bounds = [b for b in bounds if b and b < 100]
    if not terms:
        return None, False
    heaviest = max(terms)
    return heaviest, heaviest in bounds


def sentence_discrepancies(articles: list[Article], main: Event | None) -> list[Discrepancy]:
    """A report that gives the ceiling of the prison terms («up to 15 years») is
    contradicted by another that gives a heavier term. Reports that only name
    lighter terms told of fewer people, which is no disagreement."""
    heaviest: list[tuple[int, str]] = []
    ceilings = []
    for art, _ in _main_reports(articles, main):
        value, is_ceiling = prison_terms(art.text)
        if value:
            heaviest.append((value, art.id))
            if is_ceiling:
                ceilings.append(value)
    if not ceilings or not any(v > min(ceilings) for v, _ in heaviest):
        return []
    return [Discrepancy("sentence_years", _values(heaviest),
                        "sources give different heaviest prison terms (years)")]


@lru_cache(maxsize=1)
def _lead_count_patterns() -> dict:
    data = _figures()["lead_counts"]
    lex = _casualty_lexicon()
    number = lex["number"]
    hedge = rf"(?:ب?({_alternatives(data['about_words'])})\s+|ب?({_alternatives(data['more_words'])})\s+)?"
    # the adjective after the counted noun names the group («22 دولة عربية», «57 دولة
    # إسلامية»): counts of two groups are not compared
    return {kind: re.compile(rf"(?<!\w){hedge}ب?{number}\s+(?:من\s+)?(?:{_alternatives(words)})(?!\w)"
                             rf"(?:\s+(\w+(?:يه|يا))(?!\w))?")
            for kind, words in data["kinds"].items()}


def lead_counts(art: Article) -> dict[str, tuple[int, str]]:
    """The first count of each kind in the article's lead: kind -> (value, hedge),
    hedge "" (exact), "about" or "more"; the kind carries the group's adjective
    when one follows («countries عربيه»)."""
    lex = _casualty_lexicon()
    n = _figures()["lead_counts"]["lead_sentences"]
    lead = art.text[:art.sentences[n - 1].end] if len(art.sentences) >= n else art.text
    norm = normalize_key(lead)
    out = {}
    for kind, pattern in _lead_count_patterns().items():
        for m in pattern.finditer(norm):
            value = _number(m.group(3), lex["numbers"], m.group(4), lex["multipliers"])
            if value:
                name = f"{kind} {m.group(5)}" if m.group(5) else kind
                out.setdefault(name, (value, "about" if m.group(1) else "more" if m.group(2) else ""))
                break
    return out


def _counts_agree(a: tuple[int, str], b: tuple[int, str]) -> bool:
    (x, hx), (y, hy) = a, b
    if hx == "more" or hy == "more":
        low, other = (a, b) if hx == "more" else (b, a)
        return other[0] > low[0] or other[1] != ""
    if hx == "about" or hy == "about":
        return abs(x - y) <= 0.1 * max(x, y)
    return x == y


def lead_count_discrepancies(articles: list[Article], main: Event | None) -> list[Discrepancy]:
    """Tonnes, countries: two reports that date the main event themselves to one
    day and give counts that cannot both hold."""
    per_kind: dict[tuple[str, str], list[tuple[tuple[int, str], str]]] = {}
    for art, ev in _main_reports(articles, main):
        if not (ev.date and len(ev.date) == 10 and _own_mentions(art, ev.date)):
            continue
        for kind, count in lead_counts(art).items():
            per_kind.setdefault((kind, ev.date), []).append((count, art.id))
    found = []
    for (kind, day), items in sorted(per_kind.items()):
        if any(not _counts_agree(a, b) for a, _ in items for b, _ in items):
            found.append(Discrepancy(kind, _values([(v, aid) for (v, _), aid in items]),
                                     f"sources give different numbers of {kind}"))
    return found


@lru_cache(maxsize=1)
def _age_pattern() -> re.Pattern:
    data = _figures()["age"]
    return re.compile(
        rf"\s*[(،,]?\s*(?:(?:{_alternatives(data['lead_words'])})\s+)?(\d{{1,3}})\s+"
        rf"(?:{_alternatives(data['year_words'])})(?!\w)")


def person_ages(art: Article) -> dict[str, tuple[str, int]]:
    """Each person's age as the article tells it right after the name (key ->
    (name, age)); a person given two ages is left out."""
    pattern = _age_pattern()
    found: dict[str, set[int]] = {}
    names: dict[str, str] = {}
    for e in art.entities:
        if e.type != "PERSON" or not (e.kb_id or e.name_en):
            continue
        m = pattern.match(normalize_key(art.text[e.end:e.end + 40]))
        if m and 0 < int(m.group(1)) < 120:
            key = e.kb_id or e.name_en
            found.setdefault(key, set()).add(int(m.group(1)))
            names.setdefault(key, e.name_en or e.name_ar or key)
    return {k: (names[k], v.pop()) for k, v in found.items() if len(v) == 1}


def age_discrepancies(articles: list[Article]) -> list[Discrepancy]:
    """One person, two ages at least ``min_gap`` years apart in two reports."""
    gap = _figures()["age"]["min_gap"]
    per_person: dict[str, list[tuple[int, str]]] = {}
    names: dict[str, str] = {}
    for art in articles:
        for key, (name, age) in person_ages(art).items():
            per_person.setdefault(key, []).append((age, art.id))
            names.setdefault(key, name)
    found = []
    for key, pairs in sorted(per_person.items()):
        ages = {a for a, _ in pairs}
        if max(ages) - min(ages) >= gap:
            found.append(Discrepancy(f"age of {names[key]}", _values(pairs),
                                     f"sources give {names[key]} different ages"))
    return found


def find_discrepancies(articles: list[Article], main: Event | None) -> list[Discrepancy]:
    if len(articles) < 2:
        # One article can still contradict the knowledge base.
        return name_discrepancies(articles, main)
    return main_event_discrepancies(articles, main) + name_discrepancies(articles, main) + \
        casualty_discrepancies(articles, main) + sentence_discrepancies(articles, main) + \
        lead_count_discrepancies(articles, main) + age_discrepancies(articles)
