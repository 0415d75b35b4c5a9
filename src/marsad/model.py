"""Marsad's document model: articles, the spans found in them, events and stories.

Every span carries character offsets into ``Article.text`` (the clean text), so
whatever the system reports can be pointed at in the original characters.
Data flows one way: ingest fills the metadata and ``raw``; the text stage fills
``text``, ``boilerplate`` and ``sentences``; annotators add dates, entities,
events and quotes; the stories stage groups articles into ``Story`` objects.

``to_record`` methods produce the record shapes of the data contract
(``shared/contract/README.md``); ``from_record`` reads them back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "planned", "denied", "hypothetical")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC")
GRAINS = ("day", "month", "year")


@dataclass
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Sentence(Span):
    pass


@dataclass
class DateMention(Span):
    """A date expression and its normalized value.

    ``anchor`` says what a relative expression was resolved against:
    ``"absolute"`` (the text gives the date), ``"published"`` (the article's
    publication date) or ``"story"`` (the story's date, for an article without
    a publication date; the contract's gold calls this ``via_story``).
    """

    value: str | None = None          # YYYY-MM-DD | YYYY-MM | YYYY
    grain: str = "day"                # day | month | year
    anchor: str = "absolute"
    relative: bool = False            # needs an anchor to resolve
    end_value: str | None = None      # the end of a range ("from 10 to 12 Feb")
    note: str | None = None           # e.g. weekday/date disagreement

    def to_record(self) -> dict[str, Any]:
        rec = {"text": self.text, "start": self.start, "end": self.end,
               "value": self.value, "grain": self.grain}
        if self.anchor != "absolute":
            rec["anchor"] = self.anchor
        if self.end_value:
            rec["end_value"] = self.end_value
        if self.note:
            rec["note"] = self.note
        return rec


def _actor_key(kb_id: str | None, wikidata: str | None, name_en: str | None, name_ar: str | None,
               country: str | None) -> str:
    return kb_id or wikidata or (name_en or name_ar or country or "").lower()


@dataclass
class Actor:
    """Who takes part in an event: a person, an organization or a country."""

    name_en: str | None = None
    name_ar: str | None = None
    wikidata: str | None = None
    country: str | None = None        # ISO 3166-1 alpha-3
    role: str | None = None
    kind: str | None = None           # PERSON | ORG | GPE
    kb_id: str | None = None          # id in Marsad's knowledge base, None for discovered names

    @property
    def key(self) -> str:
        """Identity used to compare actors across articles."""
        return _actor_key(self.kb_id, self.wikidata, self.name_en, self.name_ar, self.country)

    def to_record(self) -> dict[str, Any]:
        rec = {"name_en": self.name_en, "name_ar": self.name_ar, "wikidata": self.wikidata,
               "country": self.country, "role": self.role}
        if self.kind:
            rec["kind"] = self.kind
        if self.kb_id:
            rec["kb_id"] = self.kb_id
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any] | None) -> Actor | None:
        if not rec:
            return None
        return cls(**{f.name: rec.get(f.name) for f in fields(cls)})


@dataclass
class Entity(Span):
    """A mention of a person, organization, country/city (GPE) or place (LOC)."""

    type: str = "PERSON"
    name_en: str | None = None
    name_ar: str | None = None
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None
    kb_id: str | None = None
    how: str | None = None            # name | variant | short | role | coref | discovered | metonym | nisba

    def actor(self) -> Actor:
        return Actor(name_en=self.name_en, name_ar=self.name_ar, wikidata=self.wikidata,
                     country=self.country, role=self.role,
                     kind=self.type if self.type != "LOC" else "GPE", kb_id=self.kb_id)

    @property
    def actor_key(self) -> str:
        """``actor().key`` without building the Actor (the event coder compares many)."""
        return _actor_key(self.kb_id, self.wikidata, self.name_en, self.name_ar, self.country)

    def to_record(self) -> dict[str, Any]:
        rec = {"text": self.text, "start": self.start, "end": self.end, "type": self.type,
               "name_en": self.name_en, "name_ar": self.name_ar, "wikidata": self.wikidata,
               "country": self.country, "role": self.role}
        if self.kb_id:
            rec["kb_id"] = self.kb_id
        if self.how:
            rec["how"] = self.how
        return rec


@dataclass
class Evidence:
    article_id: str
    start: int
    end: int
    sentence: str | None = None

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """A coded event (PLOVER type and mode, CAMEO code) with its evidence."""

    type: str
    actor1: Actor | None = None
    actor2: Actor | None = None
    mode: str | None = None
    cameo: str | None = None
    date: str | None = None
    location: str | None = None
    modality: str = "asserted"
    main: bool = False
    source: str | None = None          # attribution: "according to TASS", "a Kremlin statement"
    trigger: Span | None = None        # the words that signal the event
    article_ids: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    id: str | None = None
    story_id: str | None = None
    support: dict[str, Any] | None = None   # per-field support when merged across articles
    score: float = 0.0                     # salience used to pick the main event

    def signature(self) -> tuple:
        return (self.type, self.mode, self.actor1.key if self.actor1 else None,
                self.actor2.key if self.actor2 else None, self.date)

    def to_record(self) -> dict[str, Any]:
        rec = {
            "id": self.id, "story_id": self.story_id, "type": self.type, "mode": self.mode,
            "cameo": self.cameo,
            "actor1": self.actor1.to_record() if self.actor1 else None,
            "actor2": self.actor2.to_record() if self.actor2 else None,
            "date": self.date, "location": self.location, "modality": self.modality,
            "main": self.main, "article_ids": list(self.article_ids),
            "evidence": [e.to_record() for e in self.evidence],
        }
        if self.source:
            rec["source"] = self.source
        if self.trigger:
            rec["trigger"] = {"text": self.trigger.text, "start": self.trigger.start,
                              "end": self.trigger.end}
        if self.support:
            rec["support"] = self.support
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Event:
        trig = rec.get("trigger")
        return cls(
            type=rec["type"], mode=rec.get("mode"), cameo=rec.get("cameo"),
            actor1=Actor.from_record(rec.get("actor1")), actor2=Actor.from_record(rec.get("actor2")),
            date=rec.get("date"), location=rec.get("location"),
            modality=rec.get("modality", "asserted"), main=bool(rec.get("main")),
            source=rec.get("source"),
            trigger=Span(trig["start"], trig["end"], trig["text"]) if trig else None,
            article_ids=list(rec.get("article_ids", [])),
            evidence=[Evidence(**e) for e in rec.get("evidence", [])],
            id=rec.get("id"), story_id=rec.get("story_id"), support=rec.get("support"),
        )


@dataclass
class Quote(Span):
    speaker: Actor | None = None
    cue: str | None = None
    direct: bool = True

    def to_record(self) -> dict[str, Any]:
        return {"speaker": self.speaker.to_record() if self.speaker else None,
                "text": self.text, "start": self.start, "end": self.end, "cue": self.cue,
                "direct": self.direct}


@dataclass
class Finding:
    """Something an annotator noticed that a reader should check, e.g. a name
    that contradicts the knowledge base ("Sergei Bogdanov")."""

    kind: str                         # e.g. kb_conflict
    field: str                        # e.g. "name of Russia's deputy foreign minister"
    found: str                        # what the article says
    expected: str | None = None       # what the knowledge base says
    start: int | None = None
    end: int | None = None
    note: str | None = None

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Article:
    """One news article on its way through the pipeline."""

    id: str
    raw: str = ""                     # text as ingested (for HTML: the extracted main text)
    url: str | None = None
    outlet: str | None = None
    published: str | None = None      # YYYY-MM-DD (or coarser) when known
    title: str | None = None
    author: str | None = None
    text: str = ""                    # clean text: boilerplate and metadata lines removed
    boilerplate: list[str] = field(default_factory=list)
    story_id: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # where each metadata field came from ("given", "url", "byline", "dateline", "text", ...)
    provenance: dict[str, str] = field(default_factory=dict)
    # metadata given by the input (JSON Lines fields, HTML meta); wins over inference
    given: dict[str, Any] = field(default_factory=dict)
    source_path: str | None = None    # the file (or URL) the article came from
    html: str | None = None           # the page, for HTML inputs
    input_hash: str | None = None     # content_hash() as read, before any stage ran

    @property
    def main_event(self) -> Event | None:
        return next((e for e in self.events if e.main), None)

    def content_hash(self) -> str:
        """Fingerprint of the input as read: same hash, nothing to redo. Computed once,
        before the stages fill in text and inferred metadata."""
        if self.input_hash:
            return self.input_hash
        payload = json.dumps([self.raw, self.html, self.url, self.outlet, self.published,
                              self.title, self.author, sorted(self.given.items())],
                             ensure_ascii=False, sort_keys=True, default=str)
        self.input_hash = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return self.input_hash

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id, "url": self.url, "outlet": self.outlet, "published": self.published,
            "title": self.title, "author": self.author, "text": self.text,
            "boilerplate": list(self.boilerplate), "story_id": self.story_id,
            "dates": [d.to_record() for d in self.dates],
            "entities": [e.to_record() for e in self.entities],
            "events": [e.to_record() for e in self.events],
            "quotes": [q.to_record() for q in self.quotes],
            "findings": [f.to_record() for f in self.findings],
            "provenance": dict(self.provenance),
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Article:
        """Rebuild an annotated article from its record (as stored or exported)."""
        art = cls(id=rec["id"], url=rec.get("url"), outlet=rec.get("outlet"),
                  published=rec.get("published"), title=rec.get("title"),
                  author=rec.get("author"), text=rec.get("text", ""),
                  boilerplate=list(rec.get("boilerplate", [])), story_id=rec.get("story_id"),
                  provenance=dict(rec.get("provenance", {})))
        art.raw = rec.get("raw", art.text)
        art.dates = [DateMention(**{k: v for k, v in d.items()
                                    if k in {f.name for f in fields(DateMention)}})
                     for d in rec.get("dates", [])]
        ent_fields = {f.name for f in fields(Entity)}
        art.entities = [Entity(**{k: v for k, v in e.items() if k in ent_fields})
                        for e in rec.get("entities", [])]
        art.events = [Event.from_record(e) for e in rec.get("events", [])]
        art.quotes = [Quote(start=q["start"], end=q["end"], text=q["text"],
                            speaker=Actor.from_record(q.get("speaker")), cue=q.get("cue"),
                            direct=q.get("direct", True))
                      for q in rec.get("quotes", [])]
        art.findings = [Finding(**f) for f in rec.get("findings", [])]
        if "sentences" in rec:
            art.sentences = [Sentence(**s) for s in rec["sentences"]]
        return art


@dataclass
class Discrepancy:
    """One field on which the sources of a story disagree."""

    field: str
    values: list[dict[str, Any]]      # [{"value": ..., "article_ids": [...]}, ...] (2 or more)
    note: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"field": self.field, "values": self.values, "note": self.note}


@dataclass
class Story:
    """All articles that report the same real-world event."""

    id: str
    article_ids: list[str]
    outlets: list[str] = field(default_factory=list)
    first_published: str | None = None
    date: str | None = None
    headline_ar: str | None = None
    summary_en: str | None = None
    main_event: Event | None = None
    events: list[Event] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)  # groups of copies of one text

    def to_record(self) -> dict[str, Any]:
        rec = {
            "id": self.id, "article_ids": list(self.article_ids), "outlets": list(self.outlets),
            "first_published": self.first_published, "date": self.date,
            "headline_ar": self.headline_ar, "summary_en": self.summary_en,
            "main_event": self.main_event.to_record() if self.main_event else None,
            "events": [e.to_record() for e in self.events],
            "discrepancies": [d.to_record() for d in self.discrepancies],
        }
        if self.duplicates:
            rec["duplicates"] = self.duplicates
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Story:
        return cls(
            id=rec["id"], article_ids=list(rec["article_ids"]), outlets=list(rec.get("outlets", [])),
            first_published=rec.get("first_published"), date=rec.get("date"),
            headline_ar=rec.get("headline_ar"), summary_en=rec.get("summary_en"),
            main_event=Event.from_record(rec["main_event"]) if rec.get("main_event") else None,
            events=[Event.from_record(e) for e in rec.get("events", [])],
            discrepancies=[Discrepancy(**d) for d in rec.get("discrepancies", [])],
            duplicates=rec.get("duplicates", []),
        )
