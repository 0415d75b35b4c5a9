"""Event-level clustering: articles that report the same real-world event.

Two articles belong together when their main events agree (type, mode, actors,
date) and their texts and entities support it; they are kept apart when their
main events conflict: the same leaders on different days, or a phone call
versus a letter versus a meeting. Candidate pairs come from blocking (shared
main-event actors within a date window) and text LSH, so the work grows with
the size of the blocks, not with the square of the corpus. Merging goes through
candidate pairs in a fixed order (score, then ids) and never joins two clusters
that hold a conflicting pair; a second pass in the same order then joins the
clusters that only disagree on their coded events (``separate``): the result
does not depend on input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from marsad.model import Event
from marsad.stories.dedup import DUPLICATE_THRESHOLD, lsh_candidates, similarity
from marsad.stories.features import (Features, actor_countries, actor_keys, content_words, mode_agreement,
                                     modes_conflict, once_types, recurring_types)

LINK_THRESHOLD = 0.5
TEXT_LSH_THRESHOLD = 0.3
DATE_WINDOW_DAYS = 3
UNDATED_WORDS = 0.14  # the word overlap a pair needs when one side has no day (score)
SHARED_WORDS = 0.4  # the word overlap that links two reports whose main events disagree (conflict)
MAX_BLOCK_COMPARISONS = 60  # per article, inside one block, nearest dates first
UNDATED_COMPARISONS = MAX_BLOCK_COMPARISONS * 4  # an undated article meets the block's first ones


def _slack(a: Features) -> int:
    """Days a dated article's event may be off its date: one where only the
    publication date gave it (the event may be of the day before)."""
    return 1 if a.date_evidence == "none" else 0


def _partial_conflict(a: Features, b: Features) -> bool:
    """An article without a day-grain date whose text names the weekday or the day of
    the month («الخميس», «1 فبراير») cannot report an event on another day: the same
    two leaders' calls of other weeks are other events. A one-off act (``_told_once``)
    may be named a day off."""
    once = int(_told_once(a, b))
    if a.day is None and b.day is None:
        return ((a.weekday is not None and b.weekday is not None and _weekdays_between(a.weekday, b.weekday) > once)
                or (a.month_day is not None and b.month_day is not None
                    and _days_between(a.month_day, b.month_day) > once)) \
            and not _announced_next_day(a, b) and not _announced_next_day(b, a)
    undated, dated = (a, b) if a.day is None else (b, a)
    if dated.day is None or (undated.weekday is None and undated.month_day is None):
        return False
    slack = max(_slack(dated), once)
    # a day the undated report gives as its statement's may be the day after the event
    days = [dated.day + timedelta(days=k) for k in range(-slack, slack + 1 + undated.announced)]
    if undated.weekday is not None and all(d.weekday() != undated.weekday for d in days):
        return True
    return undated.month_day is not None and all((d.month, d.day) != undated.month_day for d in days)


def _told_once(a: Features, b: Features) -> bool:
    """Both main events are of one type done once on one occasion (``once_types``: an
    agreement, a resignation, a withdrawal) and share a party: a report may name the
    day it was announced rather than the day it was done, so a weekday or a day of
    the month one day off is the same event (a call or a strike of the next day is
    another one)."""
    return a.main.type == b.main.type and a.main.type in once_types() and _overlap(a.main, b.main)


def _announced_next_day(a: Features, b: Features) -> bool:
    """``a`` names the day of a statement about the event (``Features.announced``) and
    ``b`` names the day before it: the event, then the announcement («قُتل الأربعاء»,
    «أعلن الجيش مساء الخميس مقتله»)."""
    if not a.announced:
        return False
    if a.weekday is not None and b.weekday is not None:
        return (a.weekday - b.weekday) % 7 == 1
    if a.month_day is not None and b.month_day is not None:
        try:
            return (date(2024, *a.month_day) - date(2024, *b.month_day)).days in (1, -365)
        except ValueError:
            return False
    return False


def _weekdays_between(x: int, y: int) -> int:
    """Days between two weekdays, the nearer way round (Saturday and Sunday: 1)."""
    return min((x - y) % 7, (y - x) % 7)


def _days_between(x: tuple[int, int], y: tuple[int, int]) -> int:
    """Days between two days of the month (in a leap year; 1 January and 31 December
    are a day apart too); a day that does not exist is only equal to itself."""
    try:
        gap = abs((date(2024, *x) - date(2024, *y)).days)
    except ValueError:
        return 0 if x == y else 366
    return min(gap, 366 - gap)


def _partial_agreement(a: Features, b: Features) -> bool:
    """The weekday or the day of the month one undated article names is the other's
    (named too, or its date's): the same day, though the texts share fewer words."""
    if a.event_date and b.event_date and min(len(a.event_date), len(b.event_date)) == 7:
        return a.event_date[:7] == b.event_date[:7]   # the same month, and no day against it
    if a.day is None and b.day is None:
        return (a.weekday is not None and a.weekday == b.weekday) or \
            (a.month_day is not None and a.month_day == b.month_day)
    undated, dated = (a, b) if a.day is None else (b, a)
    if dated.day is None or _partial_conflict(a, b):
        return False
    return undated.weekday is not None or undated.month_day is not None


def _date_conflict(a: Features, b: Features) -> bool:
    if a.day is None or b.day is None:
        if _partial_conflict(a, b):
            return True
    if not a.event_date or not b.event_date:
        return False
    da, db = a.day, b.day
    if da and db:
        gap = abs((da - db).days)
        # A day off by one is a source's slip, not another event, when one date is
        # only the publication day; or when one is read relative to it, both main
        # events name the same two actors, and the event is not of a kind those
        # actors repeat day after day (a strike on the next day is another strike).
        weak = {a.date_evidence, b.date_evidence}
        same_pair = len(a.actors) >= 2 and a.actors == b.actors
        once = a.main.type not in recurring_types() and b.main.type not in recurring_types()
        slack = 1 if "none" in weak or ("relative" in weak and same_pair and once) else 0
        return gap > slack
    if len(a.event_date) == 4 or len(b.event_date) == 4:
        # A main event dated by a year alone took a year the text names as
        # background («منذ 2016», «اتفاقية عام 2001»): not a date to split on.
        return False
    short = min(len(a.event_date), len(b.event_date))
    return a.event_date[:short] != b.event_date[:short]


def _counterparts(a: Event, b: Event) -> bool:
    """Every actor of ``a`` has a counterpart in ``b``: the same actor, or one of the
    same country (a minister for their government, Hezbollah's leader for Hezbollah)."""
    others = [x for x in (b.actor1, b.actor2) if x]
    # Between two countries, two different persons the knowledge base knows are two
    # parties (a king's call with Michel Aoun is not his call with Joseph Aoun); at
    # home (a king's pardon of journalists) the coder's pick among compatriots is not.
    abroad = len(actor_countries(a)) > 1 and len(actor_countries(b)) > 1
    return all(any(x.key == y.key or (x.country and x.country == y.country
                                      and not (abroad and _two_people(x, y)))
                   for y in others)
               for x in (a.actor1, a.actor2) if x)


def _other_person(a: Event, b: Event) -> bool:
    """Between two countries, one event's party is a known person and the other's, of
    the same country, another known person who is not in the first event."""
    if len(actor_countries(a)) < 2 or len(actor_countries(b)) < 2:
        return False
    ka, kb = actor_keys(a), actor_keys(b)
    return any(x.country == y.country and _two_people(x, y) and x.key not in kb and y.key not in ka
               for x in (a.actor1, a.actor2) if x for y in (b.actor1, b.actor2) if y)


def _two_people(x, y) -> bool:
    return x.kind == "PERSON" and y.kind == "PERSON" and bool(x.kb_id and y.kb_id) and x.key != y.key


def _pairs_conflict(a: Features, b: Features) -> bool:
    """Both name two actors, the pairs differ even country by country, and neither
    article mentions the other's pair: Trump–Putin and Putin–al-Sharaa calls on one
    day are two events."""
    if len(a.actors) < 2 or len(b.actors) < 2 or a.actors == b.actors:
        return False
    if _counterparts(a.main, b.main) and _counterparts(b.main, a.main):
        return False
    return not (a.actors <= b.entities and b.actors <= a.entities)


def _overlap(a: Event, b: Event) -> bool:
    ka, kb = actor_keys(a), actor_keys(b)
    return bool(ka & kb or actor_countries(a) & actor_countries(b))


def _days_apart(x: str | None, y: str | None) -> int | None:
    if x and y and len(x) == 10 and len(y) == 10:
        try:
            return abs((date.fromisoformat(x) - date.fromisoformat(y)).days)
        except ValueError:
            return None
    return None


def events_compatible(a: Event, b: Event) -> bool:
    """Two tellings that may be one event: same type, modes of one kind, shared
    actors (or countries), dates at most a day apart."""
    if a.type != b.type or modes_conflict(a.mode, b.mode):
        return False
    if (a.actor1 or a.actor2) and (b.actor1 or b.actor2):
        if not _overlap(a, b) or _other_person(a, b):
            return False
    elif a.mode != b.mode:
        return False
    gap = _days_apart(a.date, b.date)
    return gap is None or gap <= 1


def _cross_compatible(a: Features, b: Features) -> bool:
    """The main event of one article is told among the other's events: main-event
    choice is the weakest step of coding, so the stories do not hinge on it alone."""
    return any(events_compatible(a.main, e) for e in b.others) or \
        any(events_compatible(e, b.main) for e in a.others)


def _mains_agree(a: Features, b: Features) -> bool:
    ma, mb = a.main.mode, b.main.mode
    if a.main.type != b.main.type and not (ma and ma == mb):
        return False
    if a.actors and b.actors and not _overlap(a.main, b.main) and not _named_in(a, b):
        return False
    return not _pairs_conflict(a, b)


def _named_in(a: Features, b: Features) -> bool:
    """Every actor of one main event is named in the other text: «تونس تستضيف القمة»
    and «تبون يشارك في قمة تونس» have no actor in common, and still one party."""
    return a.actors <= b.entities or b.actors <= a.entities


def conflict(a: Features, b: Features) -> bool:
    """True when the two articles cannot report the same event."""
    if a.main is None or b.main is None:
        return False
    if modes_conflict(a.main.mode, b.main.mode) or _date_conflict(a, b):
        return True
    return not _mains_agree(a, b) and not _cross_compatible(a, b) and not _same_telling(a, b)


def _same_telling(a: Features, b: Features) -> bool:
    """The coded main events are one signal, not a gate: two texts that share most of
    their words, one of which names every party the other's main event has, tell one
    event whatever type or pair the coder gave each. (Two texts alike but for the
    person named, «هنأ الملك سلمان الرئيس جوزيف عون» and «... ميشال عون», name
    neither's party in the other: two events.)"""
    return _named_in(a, b) and word_similarity(a, b) >= SHARED_WORDS


def separate(a: Features, b: Features) -> bool:
    """True when two articles cannot be in one story even though each is linked to a
    report of the other's: their events are of other days or other kinds of
    encounter, or each names a known person as a party the other's pair lacks (one
    leader's calls with two others). Main events that merely disagree otherwise (a
    summit coded as its host's meeting in one report and as a guest's in another)
    do not keep two stories apart once reports link them."""
    if a.main is None or b.main is None:
        return False
    if modes_conflict(a.main.mode, b.main.mode) or _date_conflict(a, b):
        return True
    return _pairs_conflict(a, b) and _other_party(a, b) and _other_party(b, a)


def _other_party(a: Features, b: Features) -> bool:
    """``a``'s main event has a known person as a party that ``b``'s has not."""
    return any(key not in b.actors for key in _known_people(a.main))


def is_link(a: Features, b: Features) -> bool:
    """True when clustering could join the two articles directly: near-copies, or no
    conflict and a score over the threshold."""
    if similarity(a.signature, b.signature) >= DUPLICATE_THRESHOLD:
        return True
    return not conflict(a, b) and score(a, b) >= LINK_THRESHOLD


def _jaccard(x: frozenset, y: frozenset) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def score(a: Features, b: Features) -> float:
    """How strongly two non-conflicting articles look like reports of one event (0–1)."""
    text = similarity(a.signature, b.signature)
    entities = _jaccard(a.entities, b.entities)
    if a.main is None or b.main is None:
        # Without coded events only strong textual and entity overlap links articles.
        return 0.6 * min(1.0, text * 1.5) + 0.4 * entities if text >= 0.25 else 0.0
    event = 0.0
    same_type = a.main.type == b.main.type
    if not _mains_agree(a, b):
        event = 0.5  # linked only through one article's secondary telling
    elif a.actors and b.actors:
        actors = _jaccard(a.actors, b.actors) or 0.5 * _jaccard(a.countries, b.countries)
        event = 0.5 * actors + 0.2 + 0.15 * same_type + 0.15 * mode_agreement(a.main.mode, b.main.mode)
    elif same_type and (a.actors or b.actors) and parties(a) & parties(b) and \
            (a.day and b.day or word_similarity(a, b) >= 2 * UNDATED_WORDS):
        # One main event without coded actors (the coder found none, or only people
        # it could not place): the people the leads name stand in for them, weaker
        # evidence than a coded actor, so without a day on both sides the texts must
        # share twice the words an undated pair needs.
        event = 0.5 * _jaccard(parties(a), parties(b)) + 0.2 + 0.15 * mode_agreement(a.main.mode, b.main.mode)
    elif not a.actors and not b.actors and same_type and a.location and a.location == b.location:
        # Events without coded actors (a protest) still agree on what and where.
        event = 0.6 * mode_agreement(a.main.mode, b.main.mode) + 0.2
    if a.day and b.day and a.day == b.day:
        event = min(1.0, event + 0.1)
    words = word_similarity(a, b)
    if a.day is None or b.day is None:
        # Without a day on both sides, agreeing annotations cannot tell this week's
        # call between two leaders from last year's: the texts must share their words.
        needed = UNDATED_WORDS / 2 if _partial_agreement(a, b) or _once_for_same_people(a, b) else UNDATED_WORDS
        if max(words, text) < needed:
            return 0.0
    return 0.5 * event + 0.15 * entities + 0.35 * max(min(1.0, text * 2), min(1.0, words * 3))


def _once_for_same_people(a: Features, b: Features) -> bool:
    """Both main events are the same known people's (a president's agreement with one
    leader is not his agreement with another), of one type and the same mode, of a
    kind done once on one occasion (``once_types``: a resignation, an agreement, a
    withdrawal; not a call, a threat or a strike): two short reports that word it
    differently may share fewer words."""
    ma, mb = a.main, b.main
    if ma.type != mb.type or ma.type not in once_types() or not ma.mode or ma.mode != mb.mode:
        return False
    people = _known_people(ma)
    return bool(people) and people == _known_people(mb)


def _known_people(ev: Event) -> frozenset[str]:
    """The keys of the main event's parties that are persons the base knows."""
    return frozenset(x.key for x in (ev.actor1, ev.actor2) if x and x.kind == "PERSON" and x.kb_id)


def parties(f: Features) -> frozenset[str]:
    """The main event's actors and the people the lead names (``features.lead_people``);
    for a main event without actors, the countries the lead names too."""
    return f.actors | f.lead | f.lead_countries


def word_similarity(a: Features, b: Features) -> float:
    """Jaccard of the two articles' content-word stems (``features.text_words``)."""
    return _jaccard(content_words(a), content_words(b))


def day_number(f: Features) -> int | None:
    return f.day.toordinal() if f.day else None


PLACE = "\x00place"  # the first of a place block's keys (``place_block``), which no actor's key is


def place_block(f: Features) -> tuple[str, str, str] | None:
    """The block of a main event without coded actors (a protest, a deployment): its
    type and place, which is all ``score`` can compare of it."""
    if f.main is None or f.actors or not f.location:
        return None
    return (PLACE, f.main.type, f.location)


def blocks(f: Features) -> Iterator[tuple[tuple[str, ...], bool]]:
    """The blocks of ``candidate_pairs`` the article is in (the cluster index's
    ``index.block_keys`` too), each with True where the article is in it only
    through one of the country's people, not as the country itself: such members
    meet the articles whose actor is the country, not each other (their own
    actors' blocks pair them already)."""
    # An actor's block holds the articles whose main event has that actor, and
    # those whose lead names that person (``features.lead_people``): a report
    # whose main event the coder got wrong still meets the others.
    for key in f.actors | f.lead:
        yield (key,), False
    # The pair's own block: in a large single-actor block an undated article
    # would only meet the earliest members; here it meets its real peers.
    if len(f.actors) >= 2:
        yield tuple(sorted(f.actors)), False
    # A country and its people: «تونس ترفض» and «سعيد يرفض» meet in the block of
    # Tunisia, whose key as an actor is its code; so do a main event without
    # actors and the countries its lead names (``features.lead_countries``).
    for country in (f.countries - f.actors) | f.lead_countries:
        yield (country,), True
    place = place_block(f)
    if place:
        yield place, False


def candidate_pairs(feats: dict[str, Features]) -> set[tuple[str, str]]:
    members_of: dict[tuple[str, ...], list[str]] = defaultdict(list)
    through: dict[tuple[str, ...], set[str]] = defaultdict(set)  # see ``blocks``
    for f in feats.values():
        for key, only_through in blocks(f):
            members_of[key].append(f.id)
            if only_through:
                through[key].add(f.id)
    pairs: set[tuple[str, str]] = set()
    for key, members in members_of.items():
        side = through.get(key, set())
        if side and len(side) == len(members):
            continue  # nobody in it has the country itself as an actor
        dated = sorted((m for m in members if day_number(feats[m]) is not None),
                       key=lambda m: (day_number(feats[m]), m))
        undated = sorted(m for m in members if day_number(feats[m]) is None)
        # Dated members: compare within a sliding date window.
        for i, m in enumerate(dated):
            dm = day_number(feats[m])
            for other in dated[i + 1:i + 1 + MAX_BLOCK_COMPARISONS]:
                if day_number(feats[other]) - dm > DATE_WINDOW_DAYS:
                    break
                if m not in side or other not in side:
                    pairs.add((min(m, other), max(m, other)))
        # Undated members could match anything in the block (bounded).
        for m in undated:
            for other in (dated + undated)[:UNDATED_COMPARISONS]:
                if other != m and (m not in side or other not in side):
                    pairs.add((min(m, other), max(m, other)))
    pairs |= lsh_candidates({k: f.signature for k, f in feats.items()}, TEXT_LSH_THRESHOLD)
    return pairs


def cluster(feats: dict[str, Features], duplicates: list[list[str]]) -> list[list[str]]:
    """Group article ids into stories. Copies (``duplicates``) always stay together."""
    return cluster_with_components(feats, duplicates)[0]


def cluster_with_components(feats: dict[str, Features], duplicates: list[list[str]]
                            ) -> tuple[list[list[str]], dict[str, str]]:
    """``cluster``, and each article's *component*: the smallest id of the articles
    it is linked to (copies, or a pair that scores over the threshold) directly or
    through others, joined or not. A story never spans two components, and the
    stories inside one depend on its articles only (``stories.incremental``)."""
    parent = {aid: aid for aid in feats}
    members = {aid: [aid] for aid in feats}
    linked = {aid: aid for aid in feats}

    def find(x: str, up: dict[str, str]) -> str:
        while up[x] != x:
            up[x] = up[up[x]]
            x = up[x]
        return x

    def link(a: str, b: str) -> None:
        ra, rb = find(a, linked), find(b, linked)
        if ra != rb:
            linked[max(ra, rb)] = min(ra, rb)

    def join(a: str, b: str, apart=None) -> None:
        """Join the stories of ``a`` and ``b`` unless ``apart`` holds for two of their members."""
        ra, rb = find(a, parent), find(b, parent)
        if ra == rb:
            return
        if apart and any(apart(feats[x], feats[y]) for x in members[ra] for y in members[rb]):
            return
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        members[keep].extend(members.pop(gone))

    for group in duplicates:
        for other in group[1:]:
            join(group[0], other)
            link(group[0], other)

    scored = []
    for a, b in candidate_pairs(feats):
        if conflict(feats[a], feats[b]):
            continue
        s = score(feats[a], feats[b])
        if s >= LINK_THRESHOLD:
            scored.append((-round(s, 6), a, b))
    scored.sort()
    for _, a, b in scored:
        join(a, b, conflict)
        link(a, b)
    # Second pass, over the stories the first left: two stories that each hold a
    # report linked to a report of the other join unless they cannot be one event
    # (``separate``). Only the first pass's result can be joined further, so no join
    # of the first pass is lost to a join of this one.
    for _, a, b in scored:
        join(a, b, separate)
    components = {aid: find(aid, linked) for aid in feats}
    return sorted(sorted(m) for m in members.values()), components
