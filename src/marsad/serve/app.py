"""The REST API (and, from the web UI issue on, the pages) behind ``marsad serve``."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Query

from marsad import __version__
from marsad.store import Store


def create_app(db_path: str, ingest_token: str | None = None) -> FastAPI:
    store = Store(db_path)
    app = FastAPI(title="Marsad", version=__version__,
                  description="Stories, events, articles and actors extracted from Arabic news.")
    app.state.store = store

    @app.get("/api/stories")
    def list_stories(date_from: str | None = None, date_to: str | None = None,
                     country: str | None = None, actor: str | None = None,
                     type: str | None = None, q: str | None = None,
                     limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
        return store.story_records(date_from=date_from, date_to=date_to, country=country, actor=actor,
                                   event_type=type, text=q, limit=limit, offset=offset)

    @app.get("/api/stories/{story_id}")
    def get_story(story_id: str):
        rec = store.story_record(story_id)
        if rec is None:
            raise HTTPException(404, f"no story {story_id!r}")
        rec["articles"] = store.article_records(story_id=story_id)
        return rec

    @app.get("/api/articles")
    def list_articles(story_id: str | None = None, outlet: str | None = None,
                      limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
        return store.article_records(story_id=story_id, outlet=outlet, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}")
    def get_article(article_id: str):
        rec = store.article_record(article_id)
        if rec is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return rec

    return app
