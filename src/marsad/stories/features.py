"""What clustering compares about an article: its main event, its actors, its date, its text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from datasketch import MinHash

from marsad.model import Article, Event
from marsad.stories.dedup import signature

# Modes that name different kinds of encounter: two reports whose main events have
# different ones are different events, even between the same leaders on nearby days.
EXCLUSIVE_MODES = {"phone", "visit", "meeting", "message", "invitation", "summit", "video"}


@dataclass
class Features:
    id: str
    outlet: str | None
    published: str | None
    main: Event | None
    actors: frozenset[str]          # keys of the main event's actors
    entities: frozenset[str]        # keys of every linked person, organization and country
    event_date: str | None          # the main event's date (any grain)
    date_from_publication: bool     # the event date is only the publication date
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


def features(article: Article) -> Features:
    main = article.main_event
    actors = frozenset(a.key for a in ((main.actor1, main.actor2) if main else ()) if a and a.key)
    event_date = main.date if main else None
    text = "\n".join(t for t in (article.title, article.text) if t)
    return Features(
        id=article.id, outlet=article.outlet, published=article.published, main=main, actors=actors,
        entities=frozenset(k for k in (_entity_key(e) for e in article.entities) if k),
        event_date=event_date,
        date_from_publication=bool(event_date and event_date == article.published
                                   and not any(d.value == event_date and d.anchor == "absolute"
                                               for d in article.dates)),
        signature=signature(text),
    )
