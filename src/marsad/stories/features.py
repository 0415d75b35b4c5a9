"""What clustering compares about an article: its main event, its actors, its date, its text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from functools import lru_cache

from datasketch import MinHash

from marsad.data import read_lexicon
from marsad.model import Article, Event
from marsad.stories.dedup import signature


@lru_cache(maxsize=1)
def _modes() -> tuple[dict[str, str], frozenset[str]]:
    data = read_lexicon("event_modes.json")
    groups = {mode: group for group, modes in data["exclusive_groups"].items() for mode in modes}
    return groups, frozenset(data["generic"])


@lru_cache(maxsize=1)
def recurring_types() -> frozenset[str]:
    return frozenset(read_lexicon("event_modes.json")["recurring_types"]["types"])


def mode_group(mode: str | None) -> str | None:
    """The kind of encounter a mode names (remote, in_person, written, ...), if exclusive."""
    return _modes()[0].get(mode) if mode else None


def modes_conflict(a: str | None, b: str | None) -> bool:
    """A phone call and a letter cannot be one event; a visit and a meeting can."""
    ga, gb = mode_group(a), mode_group(b)
    return ga is not None and gb is not None and ga != gb


def mode_agreement(a: str | None, b: str | None) -> float:
    """1 for the same mode, 0.7 for one kind of encounter or a generic mode, 0 otherwise."""
    if not a or not b:
        return 0.3
    if a == b:
        return 1.0
    generic = _modes()[1]
    if a in generic or b in generic or (mode_group(a) and mode_group(a) == mode_group(b)):
        return 0.7
    return 0.0


@dataclass
class Features:
    id: str
    outlet: str | None
    published: str | None
    main: Event | None
    actors: frozenset[str]          # keys of the main event's actors
    countries: frozenset[str]       # countries of the main event's actors
    others: tuple[Event, ...]       # the article's other asserted events
    entities: frozenset[str]        # keys of every linked person, organization and country
    location: str | None            # the main event's place
    event_date: str | None          # the main event's date (any grain)
    date_evidence: str              # how the text gives the event date: absolute | relative | none
    signature: MinHash

    @property
    def day(self) -> date | None:
        if self.event_date and len(self.event_date) == 10:
            try:
                return date.fromisoformat(self.event_date)
            except ValueError:
                return None
        return None


def _entity_key(ent) -> str | None:
    if ent.type == "LOC":
        return None
    return ent.kb_id or ent.name_en or ent.country


def _date_evidence(article: Article, event_date: str | None) -> str:
    """"absolute" when a full date in the text states the event's day, "relative"
    when only an expression resolved against the publication date does ("اليوم
    الثلاثاء", "28 نوفمبر" with the year inferred), "none" when nothing does (the
    publication date stood in)."""
    stated = [d for d in article.dates if event_date and d.value == event_date]
    if any(d.anchor == "absolute" for d in stated):
        return "absolute"
    return "relative" if stated else "none"


def article_text(article: Article) -> str:
    """What the text signature is computed from: the title and the text."""
    return "\n".join(t for t in (article.title, article.text) if t)


def actor_keys(ev: Event | None) -> frozenset[str]:
    return frozenset(a.key for a in ((ev.actor1, ev.actor2) if ev else ()) if a and a.key)


def actor_countries(ev: Event | None) -> frozenset[str]:
    return frozenset(a.country for a in ((ev.actor1, ev.actor2) if ev else ()) if a and a.country)


def features(article: Article, signature_: MinHash | None = None) -> Features:
    """The clustering features of ``article``; ``signature_``, when given, is its text
    signature computed before (the cluster index keeps them)."""
    main = article.main_event
    actors = actor_keys(main)
    event_date = main.date if main else None
    return Features(
        id=article.id, outlet=article.outlet, published=article.published, main=main, actors=actors,
        countries=actor_countries(main),
        others=tuple(e for e in article.events if not e.main and e.modality == "asserted"),
        entities=frozenset(k for k in (_entity_key(e) for e in article.entities) if k),
        location=main.location if main else None, event_date=event_date,
        date_evidence=_date_evidence(article, event_date),
        signature=signature_ if signature_ is not None else signature(article_text(article)),
    )
