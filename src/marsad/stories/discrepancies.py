"""Where the sources of one story disagree: dates, who initiated, the kind of
contact, casualty figures, and names that contradict the knowledge base or each
other. Spelling variants of one name are not discrepancies: names are compared
by the actor they were linked to, not by their letters."""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.data import read_lexicon
from marsad.model import Article, Discrepancy, Event
from marsad.stories.features import mode_group, modes_conflict
from marsad.text.normalize import normalize_key


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
    keys = {a.key for a in (ev.actor1, ev.actor2) if a}
    main_keys = {a.key for a in (main.actor1, main.actor2) if a}
    return ev.type == main.type and bool(keys & main_keys)


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
def _weekdays() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in _figures()["parts_of_day"]["weekdays"])


def part_of_day(art: Article, ev: Event) -> int | None:
    """The part of the day (its place in ``parts_of_day.order``) that the main
    event's date expression gives («عصر الثلاثاء»): the mentions of its day in
    the trigger's sentence, else in the whole text; None when they give none or
    several."""
    if not ev.date or len(ev.date) != 10:
        return None
    # A weekday resolved against the story's date counts here: the part of the day
    # is the article's own word, and the weekday its own; a bare «صباح اليوم»
    # resolved against the story's date may be another day.
    weekdays = _weekdays()
    mentions = [d for d in art.dates if d.value == ev.date and (
        d.anchor != "story" or any(w in weekdays or w[1:] in weekdays for w in normalize_key(d.text).split()))]
    if ev.trigger is not None:
        sentence = next((s for s in art.sentences if s.start <= ev.trigger.start < s.end), None)
        near = [d for d in mentions if sentence and sentence.start <= d.start < sentence.end]
        mentions = near or mentions
    words, _ = _parts_of_day()
    parts = {words.get(normalize_key(d.text).split()[0]) for d in mentions if d.text.strip()}
    parts.discard(None)
    return parts.pop() if len(parts) == 1 else None


def _time_discrepancies(mains: list[tuple[Article, Event]]) -> list[Discrepancy]:
    """Reports that date the main event to one day but put it in parts of the day
    two steps apart or more (morning and afternoon; not evening and night)."""
    _, cycle = _parts_of_day()
    names = _figures()["parts_of_day"]["order"]
    found = []
    by_day: dict[str, list[tuple[int, str]]] = {}
    for art, ev in mains:
        part = part_of_day(art, ev)
        if part is not None:
            by_day.setdefault(ev.date, []).append((part, art.id))
    for day, items in sorted(by_day.items()):
        parts = {p for p, _ in items}
        if any(min(abs(x - y), cycle - abs(x - y)) >= 2 for x in parts for y in parts):
            found.append(Discrepancy("time of day", _values([(names[p], aid) for p, aid in items]),
                                     f"sources put the main event at different times of {day}"))
    return found


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
             if ev.date and len(ev.date) == 10 and _own_mentions(a, ev.date)]
    values = _values(dated)
    if len(values) > 1:
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


def name_discrepancies(articles: list[Article]) -> list[Discrepancy]:
    """Knowledge-base conflicts (a role holder given another name), and unknown
    people holding one role under different names in different sources."""
    found: list[Discrepancy] = []
    by_field: dict[str, list[tuple[Article, object]]] = {}
    for art in articles:
        for f in art.findings:
            if f.kind == "kb_conflict" and not _another_known_person(art, f):
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
        names = [set(v["value"].split()) for v in values]
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
               re.compile(rf"(?<!\w){number}\s+(?:\S+\s+)?(?:{_alternatives(data[kind + '_nouns'])})"),
               # "the death toll rose to seven": a number within three words of the toll
               re.compile(rf"(?<!\w)[وفبل]?(?:{_alternatives(data[kind + '_tolls'])})(?:\s+\S+){{0,3}}?\s+{number}(?!\w)")]
        for kind in ("killed", "injured")
    }
    # "X and six others were killed": the named victim plus the others.
    companions = re.compile(
        rf"(?<!\w)[وفبل]?(?:{_alternatives(data['killed_verbal'])})\s+(?:\S+\s+){{1,8}}?و{number}\s+"
        rf"(?:{_alternatives(data['companions']['words'])})")
    background = re.compile(rf"(?<!\w)[وفبل]?(?:{_alternatives(figures['background_cues']['words'])})(?!\w)")
    return {"numbers": numbers, "multipliers": multipliers, "word_number": word_number, "number": number,
            "patterns": patterns, "companions": companions, "background": background}


@lru_cache(maxsize=512)
def _normalized(text: str) -> str:
    """An article's text normalized once for both the casualty and the prison-term scans."""
    return normalize_key(text)


_SENTENCE_END = re.compile(r"[.!?؟\n]")
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])")


def _background_sentence(norm: str, pos: int, year: str | None, lex: dict) -> bool:
    """A figure in a sentence that tells a running total ("since the war began",
    "in all") or names another year than the event's is not the main event's."""
    start = max((m.end() for m in _SENTENCE_END.finditer(norm, 0, pos)), default=0)
    m = _SENTENCE_END.search(norm, pos)
    sentence = norm[start:m.start() if m else len(norm)]
    if lex["background"].search(sentence):
        return True
    return year is not None and any(y != year for y in _YEAR.findall(sentence))


def casualty_figures(text: str, year: str | None = None) -> dict[str, int]:
    """The first figure given for the killed and for the injured, if any, leaving
    out the figures of background sentences (a cumulative toll, another year's
    event; ``year``: the main event's)."""
    lex = _casualty_lexicon()
    norm = _normalized(text)
    out: dict[str, int] = {}
    for kind, patterns in lex["patterns"].items():
        hits = []
        for pat in patterns:
            for m in pat.finditer(norm):
                value = _number(m.group(1), lex["numbers"], m.group(2), lex["multipliers"])
                if value:
                    hits.append((m.start(), value))
        if kind == "killed":
            for m in lex["companions"].finditer(norm):
                value = _number(m.group(1), lex["numbers"], m.group(2), lex["multipliers"])
                if value:
                    hits.append((m.start(), value + 1))
        hits = [h for h in sorted(hits) if not _background_sentence(norm, h[0], year, lex)]
        if hits:
            out[kind] = hits[0][1]
    return out


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
    across the articles that report that event as their main one."""
    if main is None or main.type not in _figures()["casualty_event_types"]:
        return []
    found = []
    per_kind: dict[str, list[tuple[int, str]]] = {}
    for art, ev in _main_reports(articles, main):
        year = (ev.date or main.date or art.published or "")[:4] or None
        for kind, value in casualty_figures(art.text, year).items():
            per_kind.setdefault(kind, []).append((value, art.id))
    for kind in ("killed", "injured"):
        values = _values(per_kind.get(kind, []))
        if len(values) > 1:
            found.append(Discrepancy(f"casualties_{kind}", values,
                                     f"sources give different numbers of {kind}"))
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
        return name_discrepancies(articles)
    return main_event_discrepancies(articles, main) + name_discrepancies(articles) + \
        casualty_discrepancies(articles, main) + sentence_discrepancies(articles, main) + \
        lead_count_discrepancies(articles, main) + age_discrepancies(articles)
