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


def main_event_discrepancies(articles: list[Article], main: Event | None) -> list[Discrepancy]:
    if main is None:
        return []
    mains = [(a, a.main_event) for a in articles if a.main_event and _same_event(a.main_event, main)]
    found: list[Discrepancy] = []
    # Dates: only day-grain dates that the articles state (not publication dates).
    dated = [(ev.date, a.id) for a, ev in mains
             if ev.date and len(ev.date) == 10 and any(d.value == ev.date for d in a.dates)]
    values = _values(dated)
    if len(values) > 1:
        found.append(Discrepancy("date", values, "sources give different dates for the main event"))
    modes = _values([(ev.mode, a.id) for a, ev in mains if ev.mode])
    if len(modes) > 1 and any(modes_conflict(x["value"], y["value"]) for x in modes for y in modes):
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
def _casualty_lexicon() -> dict:
    data = read_lexicon("casualties.json")
    numbers = {normalize_key(k): v for k, v in data["number_words"].items() if v is not None}
    number = r"(\d[\d,.]*|" + "|".join(sorted(map(re.escape, numbers), key=len, reverse=True)) + ")"

    def alternatives(words):
        return "|".join(sorted((re.escape(normalize_key(w)) for w in words), key=len, reverse=True))

    patterns = {
        kind: [re.compile(rf"(?<!\w)[وفبل]?(?:{alternatives(data[kind + '_verbal'])})\s+{number}(?!\w)"),
               re.compile(rf"(?<!\w){number}\s+(?:\S+\s+)?(?:{alternatives(data[kind + '_nouns'])})"),
               # "the death toll rose to seven": a number within three words of the toll
               re.compile(rf"(?<!\w)[وفبل]?(?:{alternatives(data[kind + '_tolls'])})(?:\s+\S+){{0,3}}?\s+{number}(?!\w)")]
        for kind in ("killed", "injured")
    }
    # "X and six others were killed": the named victim plus the others.
    companions = re.compile(
        rf"(?<!\w)[وفبل]?(?:{alternatives(data['killed_verbal'])})\s+(?:\S+\s+){{1,8}}?و{number}\s+"
        rf"(?:{alternatives(data['companions']['words'])})")
    return {"numbers": numbers, "patterns": patterns, "companions": companions}


def casualty_figures(text: str) -> dict[str, int]:
    """The first figure given for the killed and for the injured, if any."""
    lex = _casualty_lexicon()
    norm = normalize_key(text)
    out: dict[str, int] = {}
    for kind, patterns in lex["patterns"].items():
        hits = []
        for pat in patterns:
            for m in pat.finditer(norm):
                value = _number(m.group(1), lex["numbers"])
                if value:
                    hits.append((m.start(), value))
        if kind == "killed":
            for m in lex["companions"].finditer(norm):
                value = _number(m.group(1), lex["numbers"])
                if value:
                    hits.append((m.start(), value + 1))
        if hits:
            out[kind] = min(hits)[1]
    return out


def _number(raw: str, words: dict[str, int]) -> int | None:
    raw = raw.replace(",", "")
    return int(float(raw)) if raw[0].isdigit() else words.get(raw)


def casualty_discrepancies(articles: list[Article]) -> list[Discrepancy]:
    found = []
    per_kind: dict[str, list[tuple[int, str]]] = {}
    for art in articles:
        for kind, value in casualty_figures(art.text).items():
            per_kind.setdefault(kind, []).append((value, art.id))
    for kind in ("killed", "injured"):
        values = _values(per_kind.get(kind, []))
        if len(values) > 1:
            found.append(Discrepancy(f"casualties_{kind}", values,
                                     f"sources give different numbers of {kind}"))
    return found


def find_discrepancies(articles: list[Article], main: Event | None) -> list[Discrepancy]:
    if len(articles) < 2:
        # One article can still contradict the knowledge base.
        return name_discrepancies(articles)
    return main_event_discrepancies(articles, main) + name_discrepancies(articles) + \
        casualty_discrepancies(articles)
