"""What clustering compares about an article: its main event, its actors, its date, its text."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from functools import lru_cache

from datasketch import MinHash

from marsad.data import read_lexicon
from marsad.model import Article, DateMention, Event
from marsad.stories.dedup import signature
from marsad.text.normalize import normalize_key
from marsad.text.tokens import token_texts


@lru_cache(maxsize=1)
def _modes() -> tuple[dict[str, str], frozenset[str]]:
    data = read_lexicon("event_modes.json")
    groups = {mode: group for group, modes in data["exclusive_groups"].items() for mode in modes}
    return groups, frozenset(data["generic"])


@lru_cache(maxsize=1)
def recurring_types() -> frozenset[str]:
    return frozenset(read_lexicon("event_modes.json")["recurring_types"]["types"])


@lru_cache(maxsize=1)
def once_types() -> frozenset[str]:
    return frozenset(read_lexicon("event_modes.json")["once_types"]["types"])


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
    words: frozenset[str] | None = None  # the stems of the title's and the text's words (``content_words``)
    weekday: int | None = None      # the weekday the text names for an undated main event (0 = Monday)
    month_day: tuple[int, int] | None = None  # its month and day, when the text names them without a year
    # that day is a statement's («أعلن الجيش مساء الخميس»): the event is of that day or the day before
    announced: bool = False
    text: str | None = field(default=None, repr=False, compare=False)  # the title and text ``words`` come from
    lead: frozenset[str] = frozenset()  # keys of the known people the lead names (``lead_people``)
    lead_countries: frozenset[str] = frozenset()  # for a main event without actors, the lead's countries

    def __getstate__(self) -> dict:
        """Pickled (Spark shuffles the features of every article by block) without the
        article's text: its content words, which the text is kept for, are worked out
        first, a set of stems smaller than the text."""
        state = self.__dict__.copy()
        if state.get("text") is not None:
            if state.get("words") is None:
                state["words"] = text_words(state["text"])
            state["text"] = None
        # nor the events' evidence (each telling's sentence), which clustering never reads
        if state.get("main") is not None:
            state["main"] = replace(state["main"], evidence=[])
        state["others"] = tuple(replace(e, evidence=[]) for e in state.get("others", ()))
        return state

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


@lru_cache(maxsize=1)
def _weekday_words() -> dict[str, int]:
    weekdays = read_lexicon("temporal.json")["weekdays"]
    return {normalize_key(w): int(n) for n, words in weekdays.items() for w in words}


def mention_weekday(text: str) -> int | None:
    """The weekday a date expression names («مساء الخميس», «أمس الإثنين»), 0 = Monday;
    None when it names none or several (a range)."""
    words = _weekday_words()
    found = {words[k] for k in (normalize_key(t) for t in token_texts(text)) if k in words}
    return found.pop() if len(found) == 1 else None


# Two writing days far apart (other months, other years, other weekdays): what an
# expression resolves to the same against both is in its words, not in its anchor.
_PROBES = (date(2019, 3, 13), date(2022, 9, 24))


def mention_month_day(text: str) -> tuple[int, int] | None:
    """The month and day a date expression names without its year («1 فبراير», «18
    شباط الجاري»): the same day of the year whatever day it is read on."""
    from marsad.annotate.dates import find_dates  # the tagger is only needed here

    seen = set()
    for probe in _PROBES:
        found = [d for d in find_dates(text, probe) if d.value and len(d.value) == 10]
        if len(found) != 1:
            return None
        seen.add(found[0].value[5:])
    if len(seen) != 1:
        return None
    month, day = seen.pop().split("-")
    return int(month), int(day)


def _main_date_mention(article: Article, main: Event | None) -> DateMention | None:
    """The date expression of the main event's clause, resolved or not."""
    if main is None or main.trigger is None or not article.dates:
        return None
    from marsad.annotate.dates import clause_date

    try:
        return clause_date(article, main.trigger.start, main.trigger.end)
    except ValueError:
        return None


LEAD_SENTENCES = 2
LEAD_CHARS = 300  # the least a lead runs to, in characters (``lead_people``)


def _lead_day_mention(article: Article) -> DateMention | None:
    """The first day the text names in its first sentences, for a main event whose own
    clause names none: a news text tells the day of its news at the top."""
    if not article.dates:
        return None
    # (a headline cut at «..» or a dateline is no sentence of the lead: it runs to its
    # first paragraph's length, as for ``lead_people``)
    limit = max(_lead_limit(article), LEAD_CHARS)
    # Not a day the text dates by itself (a resolved date there is not the main
    # event's, or the coder would have taken it), nor a day before or after the news
    # («الجمعة الماضية», «السبت المقبل»).
    shifted = _shift_words()
    days = [d for d in article.dates if d.start < limit and d.grain == "day" and d.note != "deadline"
            and d.value is None and not shifted & {normalize_key(t) for t in token_texts(d.text)}]
    return min(days, key=lambda d: d.start) if days else None


@lru_cache(maxsize=1)
def _shift_words() -> frozenset[str]:
    data = read_lexicon("temporal.json")
    return frozenset(normalize_key(w) for w in data["past"] + data["future"])


def partial_day(article: Article, main: Event | None) -> tuple[int | None, tuple[int, int] | None, bool]:
    """What the text says of the day of a main event that has no day-grain date (no
    publication date to resolve «الخميس» against): the weekday it names and the month
    and day it names without a year (two reports of one event cannot disagree on them),
    and whether that day is a statement's about the event: a speech verb and its subject
    right before the day («أعلنت الشرطة صباح الأحد مقتل …», «أعلن المغرب الاثنين أن …»)
    date the announcement, which comes on the day of the event or the day after it."""
    if main is None or (main.date and len(main.date) == 10):
        return None, None, False
    mention = _main_date_mention(article, main) or _lead_day_mention(article)
    if mention is None or mention.grain != "day":
        return None, None, False
    from marsad.stories.discrepancies import _dates_speech  # (it imports this module)

    return mention_weekday(mention.text), mention_month_day(mention.text), _dates_speech(article, mention)


@lru_cache(maxsize=1)
def _affixes() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    data = read_lexicon("story_words.json")
    return (tuple(sorted(map(normalize_key, data["prefixes"]), key=len, reverse=True)),
            tuple(sorted(map(normalize_key, data["suffixes"]), key=len, reverse=True)),
            frozenset(map(normalize_key, data["stopwords"])))


@lru_cache(maxsize=1 << 18)
def word_stem(word: str) -> str | None:
    """A rough stem of a word (its key without one article/conjunction prefix and one
    ending), None for a function word or a word too short to tell events apart."""
    prefixes, suffixes, stop = _affixes()
    w = normalize_key(word)
    if w in stop or len(w) < 3:
        return None
    for p in prefixes:
        if w.startswith(p) and len(w) - len(p) >= (3 if len(p) > 1 else 4):
            w = w[len(p):]
            break
    for s in suffixes:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[:-len(s)]
            break
    return None if w in stop else w


def text_words(text: str) -> frozenset[str]:
    """The stems of a text's content words: what two tellings of one event share in
    whatever words (numbers, places, names, the act) when they share no phrase."""
    return frozenset(s for s in (word_stem(t) for t in token_texts(text)) if s)


def article_text(article: Article) -> str:
    """What the text signature is computed from: the title and the text."""
    return "\n".join(t for t in (article.title, article.text) if t)


def _lead_limit(article: Article) -> int:
    """Where the lead (the first ``LEAD_SENTENCES`` sentences) of the text ends."""
    if article.sentences:
        ends = sorted(s.end for s in article.sentences)
        return ends[min(LEAD_SENTENCES, len(ends)) - 1]
    limit = 0
    for _ in range(LEAD_SENTENCES):
        nxt = min((i for i in (article.text.find(c, limit + 1) for c in ".\n!؟") if i >= 0), default=-1)
        limit = nxt if nxt >= 0 else len(article.text)
    return limit


def lead_people(article: Article) -> frozenset[str]:
    """The known people (in the knowledge base) the lead names: a news text names the
    protagonists of its news at the top, whatever its outlet and wording, so two
    reports of one event name the same people there even where the event coder gave
    them different main events (or none). Their keys are those of actors."""
    # A lead of short sentences (a dateline, a credit, a tag cut off at a colon)
    # still runs to its first paragraph's length.
    limit = max(_lead_limit(article), LEAD_CHARS)
    return frozenset(e.actor_key for e in article.entities
                     if e.type == "PERSON" and e.kb_id and e.start < limit)


def lead_countries(article: Article) -> frozenset[str]:
    """The countries the lead names (their codes, the keys of countries as actors). A
    main event the coder found no actor for is in these countries' blocks the way a
    country's people are (``cluster.candidate_pairs``): it meets the reports whose
    actor is the country, not every report that names it."""
    limit = max(_lead_limit(article), LEAD_CHARS)
    return frozenset(e.country for e in article.entities
                     if e.type == "GPE" and e.country and e.kb_id == e.country and e.start < limit)


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
    weekday, month_day, announced = partial_day(article, main)
    text = article_text(article)
    return Features(
        id=article.id, outlet=article.outlet, published=article.published, main=main, actors=actors,
        countries=actor_countries(main),
        others=tuple(e for e in article.events if not e.main and e.modality == "asserted"),
        entities=frozenset(k for k in (_entity_key(e) for e in article.entities) if k),
        location=main.location if main else None, event_date=event_date,
        date_evidence=_date_evidence(article, event_date),
        signature=signature_ if signature_ is not None else signature(text),
        weekday=weekday, month_day=month_day, announced=announced, text=text, lead=lead_people(article),
        lead_countries=lead_countries(article) if main is not None and not actors else frozenset(),
    )


def content_words(f: Features) -> frozenset[str]:
    """``f.words``, worked out from its text the first time a score asks: a pair is
    scored only when it does not conflict, and most of the candidates an incremental
    update reads from the store never are (stemming every word of each was a quarter
    of an update's time at 100k stored articles)."""
    if f.words is None:
        f.words = text_words(f.text or "")
    return f.words
