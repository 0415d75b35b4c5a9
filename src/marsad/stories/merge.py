"""One record per story: the main event merged across its articles with the
support of each field, every reported event merged, sources, dates, headline."""

from __future__ import annotations

import hashlib
from copy import deepcopy

from marsad.annotate.event_direction import converse_modes, is_directed
from marsad.model import Actor, Article, Event
from marsad.stories.features import mode_agreement

EVENT_FIELDS = ("type", "mode", "cameo", "date", "location", "modality")


def story_id_for(article_ids: list[str]) -> str:
    """Stable id: the same members (or the same earliest member) give the same id."""
    return "s_" + hashlib.sha1(min(article_ids).encode("utf-8")).hexdigest()[:12]


def _vote(values: list[tuple[object, str]]) -> tuple[object, dict]:
    """Most supported value (ties: the earliest in sort order) and the support table.
    ``values`` pairs a value with the source (copy group) that gives it."""
    sources: dict[object, set[str]] = {}
    for value, source in values:
        if value is None:
            continue
        sources.setdefault(value, set()).add(source)
    if not sources:
        return None, {}
    ranked = sorted(sources.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
    return ranked[0][0], {str(v): len(s) for v, s in ranked}


def _actor_vote(actors: list[tuple[Actor | None, str]], exclude: str | None = None
                ) -> tuple[Actor | None, dict]:
    by_key: dict[str, Actor] = {}
    keyed = []
    for actor, source in actors:
        if actor is None or not actor.key or actor.key == exclude:
            continue
        by_key.setdefault(actor.key, actor)
        keyed.append((actor.key, source))
    key, support = _vote(keyed)
    if key is None:
        return None, {}
    named = {(by_key[k].name_en or by_key[k].name_ar or k): n for k, n in support.items()}
    return by_key[key], named


def merge_main_event(articles: list[Article], source_of: dict[str, str]) -> Event | None:
    mains = [(a, a.main_event) for a in articles if a.main_event]
    if not mains:
        return None
    merged = deepcopy(mains[0][1])
    support = {}
    for name in EVENT_FIELDS:
        value, table = _vote([(getattr(ev, name), source_of[a.id]) for a, ev in mains])
        setattr(merged, name, value if value is not None else getattr(merged, name))
        support[name] = table
    pairs = _oriented_pairs(mains, merged.type, merged.mode)
    # The second actor is never the first one again.
    chosen = None
    for n, slot in enumerate(("actor1", "actor2")):
        actor, table = _actor_vote([(pair[n], source_of[a.id]) for (a, _), pair in zip(mains, pairs)],
                                   exclude=chosen)
        setattr(merged, slot, actor)
        support[slot] = table
        chosen = actor.key if actor else None
    merged.main = True
    merged.article_ids = sorted(a.id for a, _ in mains)
    merged.evidence = [e for _, ev in mains for e in ev.evidence]
    merged.support = support
    return merged


def _oriented_pairs(mains: list[tuple[Article, Event]], event_type: str, mode: str | None
                    ) -> list[tuple[Actor | None, Actor | None]]:
    """Each main event's (actor1, actor2) in the direction of the merged type and mode,
    so that the slots are voted on one reading: a hosting (the host first) becomes the
    visit it tells (the visitor first) and vice versa, and an undirected telling of a
    directed event (a meeting beside a visit) takes the order the directed tellings give."""
    converse = converse_modes(event_type, mode)
    pairs = []
    for _, ev in mains:
        pair = (ev.actor1, ev.actor2)
        pairs.append(pair[::-1] if ev.type == event_type and ev.mode in converse else pair)
    if not is_directed(event_type, mode):
        return pairs
    directed = {}
    for (_, ev), (a1, a2) in zip(mains, pairs):
        if a1 and a2 and is_directed(ev.type, ev.mode):
            directed[(a1.key, a2.key)] = directed.get((a1.key, a2.key), 0) + 1
    out = []
    for (_, ev), (a1, a2) in zip(mains, pairs):
        if a1 and a2 and not is_directed(ev.type, ev.mode) \
                and directed.get((a2.key, a1.key), 0) > directed.get((a1.key, a2.key), 0):
            a1, a2 = a2, a1
        out.append((a1, a2))
    return out


def _event_key(ev: Event) -> tuple:
    actors = tuple(sorted(a.key for a in (ev.actor1, ev.actor2) if a and a.key))
    return (ev.type, ev.mode, actors, ev.date, ev.modality)


def _compatible(ev: Event, rep: Event) -> bool:
    """Two mentions of one event: same type and actors, and mode, date and modality
    equal or left unsaid by one of them."""
    a, b = _event_key(ev), _event_key(rep)
    if a[0] != b[0] or a[2] != b[2]:
        return False
    if ev.mode and rep.mode and mode_agreement(ev.mode, rep.mode) < 0.7:
        return False
    return all(x is None or y is None or x == y for x, y in zip(a[3:], b[3:]))


def merge_events(articles: list[Article], main: Event | None) -> list[Event]:
    """Every event reported in the story, one record per distinct event, with the
    articles that report it. The main event comes first and absorbs the mentions
    compatible with it."""
    mentions = sorted(((art, ev) for art in articles for ev in art.events),
                      key=lambda m: (sum(v is None for v in _event_key(m[1])), str(_event_key(m[1])),
                                     m[0].id))
    merged: list[Event] = [main] if main else []
    for art, ev in mentions:
        target = next((m for m in merged if _compatible(ev, m)), None)
        if target is None:
            target = deepcopy(ev)
            target.main, target.article_ids, target.evidence = False, [], []
            merged.append(target)
        if target is not main:
            if art.id not in target.article_ids:
                target.article_ids = sorted(target.article_ids + [art.id])
            target.evidence.extend(ev.evidence)
    return merged[:1] + sorted(merged[1:], key=lambda e: (-len(e.article_ids), str(_event_key(e))))


def story_date(articles: list[Article], main: Event | None) -> str | None:
    """When the main event happened, by weight of evidence; else the first publication date."""
    if main and main.date:
        return main.date
    published = sorted(a.published for a in articles if a.published)
    return published[0] if published else None


def choose_headline(articles: list[Article], main: Event | None) -> str | None:
    """The title of the article that best represents the story: one whose main event
    agrees with the story's, earliest published, then by id."""
    def rank(a: Article):
        agrees = bool(main and a.main_event and _event_key(a.main_event)[:3] == _event_key(main)[:3])
        return (not agrees, not a.title, a.published or "9999", a.id)

    for art in sorted(articles, key=rank):
        if art.title:
            return art.title
    return None


def distinct_outlets(articles: list[Article]) -> list[str]:
    return sorted({a.outlet for a in articles if a.outlet})
