"""Stories: articles that report the same real-world event."""

from __future__ import annotations

import hashlib

from marsad.model import Article, Story


def story_id_for(article_ids: list[str]) -> str:
    return "s_" + hashlib.sha1(min(article_ids).encode("utf-8")).hexdigest()[:12]


def build_stories(articles: list[Article], previous: list[Story] | None = None) -> list[Story]:
    stories = []
    for art in articles:
        sid = story_id_for([art.id])
        art.story_id = sid
        stories.append(Story(id=sid, article_ids=[art.id], outlets=[art.outlet] if art.outlet else [],
                             first_published=art.published, headline_ar=art.title))
    return stories
