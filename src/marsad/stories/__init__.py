"""Stories: articles that report the same real-world event.

Public function: ``build_stories(articles, previous=None) -> list[Story]``. It
recognizes copies, clusters articles into event-level stories, resolves the
relative dates of undated articles against their story's date, and merges each
story's events, sources, headline, summary and discrepancies. It sets
``article.story_id`` on every article. ``marsad.stories.incremental`` keeps a
store's stories up to date one batch of new articles at a time, with the same
result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from marsad.annotate.dates import resolve_with_story_date
from marsad.annotate.events import lead_date, refresh_event_dates
from marsad.model import Article, Event, Story
from marsad.stories.cluster import cluster
from marsad.stories.dedup import copy_groups, duplicate_groups
from marsad.stories.discrepancies import find_discrepancies
from marsad.stories.features import Features, features
from marsad.stories.merge import (choose_headline, distinct_outlets, merge_events, merge_main_event,
                                  story_date, story_id_for)
from marsad.stories.naming import name_groups
from marsad.stories.summary import summarize

__all__ = ["build_stories", "story_id_for"]


def build_stories(articles: list[Article], previous: Mapping[str, str | None] | None = None) -> list[Story]:
    """Cluster ``articles`` into stories.

    The stories are recomputed from all the articles given, so the result is the
    same whatever their order and however they were batched. ``previous`` maps
    article ids to the story each was in before: those stories keep their ids
    (``naming.name_groups``); a new story's id is derived from its smallest
    article id.
    """
    by_id = {a.id: a for a in articles}
    feats = {a.id: features(a) for a in articles}
    groups, duplicates = group_articles(feats)
    names = name_groups(groups, previous or {}, {a.id: a.published for a in articles})
    return assemble_stories(groups, names, by_id, duplicates)


def group_articles(feats: dict[str, Features]) -> tuple[list[list[str]], list[list[str]]]:
    """The stories' article ids (sorted lists, sorted) and the copy groups."""
    duplicates = duplicate_groups({k: f.signature for k, f in feats.items()})
    return cluster(feats, duplicates), duplicates


def assemble_stories(groups: list[list[str]], names: list[str], by_id: dict[str, Article],
                     duplicates: list[list[str]]) -> list[Story]:
    """One story per group (named ``names[k]``), from the articles of ``by_id``;
    ``duplicates`` may hold copy groups of other stories too. Sets each member's
    ``story_id``."""
    source_of = copy_groups(by_id, duplicates)
    # Copies always end up in one story: index them by story once (not per story).
    story_of = {aid: k for k, ids in enumerate(groups) for aid in ids}
    copies_of: dict[int, list[list[str]]] = defaultdict(list)
    for group in duplicates:
        if group[0] in story_of:
            copies_of[story_of[group[0]]].append(group)

    stories = []
    for k, ids in enumerate(groups):
        members = [by_id[i] for i in ids]
        sid = names[k]
        for art in members:
            art.story_id = sid
        main = merge_main_event(members, source_of)
        date = story_date(members, main)
        if date and len(date) == 10 and _resolve_undated(members, date):
            main = merge_main_event(members, source_of)
            date = story_date(members, main) or date
        if date and len(date) == 10:
            _date_undated_mains(members, main, date)
        story = Story(
            id=sid, article_ids=ids, outlets=distinct_outlets(members),
            first_published=min((a.published for a in members if a.published), default=None),
            date=date, headline_ar=choose_headline(members, main), main_event=main,
            duplicates=copies_of[k],
        )
        story.events = merge_events(members, main)
        for n, ev in enumerate(story.events):
            ev.story_id, ev.id = sid, f"{sid}-e{n}"
        story.discrepancies = find_discrepancies(members, main)
        story.summary_en = summarize(story, unnamed_outlets=sum(not a.outlet for a in members))
        stories.append(story)
    return sorted(stories, key=lambda s: (s.date or "", s.id))


def _resolve_undated(members: list[Article], date: str) -> bool:
    """Second date pass: an article without a publication date resolves its
    relative dates against the story's date, and its events take them up.
    True when an event's date changed."""
    changed = False
    for art in members:
        if art.published:
            continue
        before = [ev.date for ev in art.events]
        resolve_with_story_date(art, date)
        refresh_event_dates(art)
        _date_main_event_from_lead(art)
        changed |= before != [ev.date for ev in art.events]
    return changed


def _date_undated_mains(members: list[Article], main: Event | None, day: str) -> None:
    """Last resort for a member's main event that no day of its own text reaches (its
    clause, the lead, the dateline): the story's day, when the member reports the
    story's kind of event (same PLOVER type as the story's main event). Two dates
    the coder gives without a mention of them give way too: a year or month that does
    not hold the story's day (a background «2011» in a report of a 2024 visit), and the
    page's own day taken by default for a present-tense report (no date of the text
    has that value) when the story's reports date the event otherwise. A member about
    something else (a reaction, an earlier event) keeps what it has."""
    if main is None:
        return
    for art in members:
        ev = art.main_event
        if ev is None or ev.type != main.type or ev.date == day:
            continue
        background = ev.date is not None and len(ev.date) < 10 and not day.startswith(ev.date)
        by_default = ev.date is not None and art.published is not None and \
            ev.date == art.published[:10] and not any(d.value == ev.date for d in art.dates)
        if ev.date is None or background or by_default:
            ev.date = day


def _date_main_event_from_lead(art: Article) -> None:
    """A main event still undated after ``refresh_event_dates`` (its trigger's clause
    has no date: a headline trigger, the day told in the lead) takes the day the event
    coder's lead-date rule reads now that the relative dates are resolved
    (``events.lead_date``, from the event's evidence: the article is not coded again);
    the article's events are otherwise left as they were."""
    main = art.main_event
    if main is None or main.date is not None or main.trigger is None:
        return
    main.date = lead_date(art)
