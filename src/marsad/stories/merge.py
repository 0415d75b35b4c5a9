"""One record per story: the main event merged across its articles with the
support of each field, every reported event merged, sources, dates, headline."""

from __future__ import annotations

import hashlib
from copy import deepcopy

from marsad.model import Actor, Article, Event

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


def _actor_vote(actors: list[tuple[Actor | None, str]]) -> tuple[Actor | None, dict]:
    by_key: dict[str, Actor] = {}
    keyed = []
    for actor, source in actors:
        if actor is None or not actor.key:
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
    # Actors as an unordered pair first, so "A called B" and "B received A's call" agree.
    for slot in ("actor1", "actor2"):
        actor, table = _actor_vote([(getattr(ev, slot), source_of[a.id]) for a, ev in mains])
        setattr(merged, slot, actor)
        support[slot] = table
    merged.main = True
    merged.article_ids = sorted(a.id for a, _ in mains)
    merged.evidence = [e for _, ev in mains for e in ev.evidence]
    merged.support = support
    return merged


def _event_key(ev: Event) -> tuple:
    actors = tuple(sorted(a.key for a in (ev.actor1, ev.actor2) if a and a.key))
    return (ev.type, ev.mode, actors, ev.date, ev.modality)


def merge_events(articles: list[Article], main: Event | None) -> list[Event]:
    """Every event reported in the story, one record per distinct event, with the
    articles that report it. The main event comes first."""
    groups: dict[tuple, list[tuple[Article, Event]]] = {}
    for art in articles:
        for ev in art.events:
            groups.setdefault(_event_key(ev), []).append((art, ev))
    main_key = _event_key(main) if main else None
    out: list[Event] = [main] if main else []
    for key in sorted(groups, key=lambda k: (-len(groups[k]), str(k))):
        members = groups[key]
        if main is not None and (key == main_key or all(ev.main for _, ev in members)):
            continue  # folded into the merged main event
        ev = deepcopy(members[0][1])
        ev.main = False
        ev.article_ids = sorted({a.id for a, _ in members})
        ev.evidence = [e for _, m in members for e in m.evidence]
        out.append(ev)
    return out


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
