"""The JSON API under /api: stories, articles, events (JSON, JSON Lines, CSV), actors,
search, event statistics and a token-protected ingest endpoint."""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import tempfile
from typing import Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from marsad.store import Store, open_store
from marsad.serve.views import actor_profile

MAX_INGEST_BYTES = 20 * 1024 * 1024


def get_store(request: Request) -> Store:
    """This thread's connection to the app's database (SQLite connections are not shared)."""
    return request.app.state.stores.get()


router = APIRouter(prefix="/api")


class RecordsResponse(JSONResponse):
    """Records are plain JSON already: dump them directly (FastAPI's generic encoder walks
    every nested value and is several times slower on stories with many events)."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@router.get("/stories", response_class=RecordsResponse, tags=["stories"], summary="Stories, newest first, with filters")
def list_stories(date_from: str | None = Query(None, description="YYYY-MM-DD (inclusive)"),
                 date_to: str | None = Query(None, description="YYYY-MM-DD, YYYY-MM or YYYY (inclusive)"),
                 country: str | None = Query(None, description="ISO 3166-1 alpha-3 of either actor"),
                 actor: str | None = Query(None, description="actor key or part of its name"),
                 type: str | None = Query(None, description="PLOVER type of the main event"),
                 q: str | None = Query(None, description="full-text search, Arabic or English names"),
                 limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
                 store: Store = Depends(get_store)):
    return RecordsResponse(store.story_records(date_from=date_from, date_to=date_to, country=country,
                                               actor=actor, event_type=type, text=q, limit=limit,
                                               offset=offset))


@router.get("/stories/{story_id}", response_class=RecordsResponse, tags=["stories"], summary="One story with its articles")
def get_story(story_id: str, store: Store = Depends(get_store)):
    rec = store.story_record(story_id)
    if rec is None:
        raise HTTPException(404, f"no story {story_id!r}")
    rec["articles"] = store.article_records(story_id=story_id)
    return RecordsResponse(rec)


@router.get("/articles", response_class=RecordsResponse, tags=["articles"], summary="Articles, newest first")
def list_articles(story_id: str | None = None, outlet: str | None = None,
                  limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
                  store: Store = Depends(get_store)):
    return RecordsResponse(store.article_records(story_id=story_id, outlet=outlet, limit=limit,
                                                 offset=offset))


@router.get("/articles/{article_id}", response_class=RecordsResponse, tags=["articles"], summary="One article record")
def get_article(article_id: str, store: Store = Depends(get_store)):
    rec = store.article_record(article_id)
    if rec is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return RecordsResponse(rec)


@router.get("/events", response_class=RecordsResponse, tags=["events"],
            summary="Events merged per story, with filters; JSON, JSON Lines or CSV")
def list_events(type: str | None = Query(None, description="PLOVER type"),
                country: str | None = Query(None, description="ISO3 of either actor"),
                actor: str | None = Query(None, description="actor key or part of its name"),
                date_from: str | None = None, date_to: str | None = None,
                story_id: str | None = None, main_only: bool = False,
                format: Literal["json", "jsonl", "csv"] = "json",
                limit: int | None = Query(None, ge=1, le=100000), offset: int = Query(0, ge=0),
                store: Store = Depends(get_store)):
    recs = store.event_records(event_type=type, country=country, actor=actor, date_from=date_from,
                               date_to=date_to, story_id=story_id, main_only=main_only,
                               limit=limit, offset=offset)
    if format == "json":
        return RecordsResponse(recs)
    if format == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
        return Response(body, media_type="application/x-ndjson; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})
    from marsad.cli import CSV_COLUMNS, csv_row   # the same columns as `marsad export events --format csv`

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS["events"], extrasaction="ignore")
    writer.writeheader()
    for rec in recs:
        writer.writerow(csv_row("events", rec))
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/events/counts", response_class=RecordsResponse, tags=["events"], summary="Event counts per month, by type or country pair")
def event_counts(by: Literal["type", "pair"] = "type", store: Store = Depends(get_store)):
    return RecordsResponse(store.event_counts(by=by))


@router.get("/actors", response_class=RecordsResponse, tags=["actors"], summary="The most mentioned persons and organizations")
def list_actors(limit: int = Query(50, ge=1, le=500), store: Store = Depends(get_store)):
    return RecordsResponse(store.top_actors(limit=limit))


@router.get("/actors/{key}", response_class=RecordsResponse, tags=["actors"],
            summary="An actor's profile, its events in time order and its counterparts")
def get_actor(key: str, store: Store = Depends(get_store)):
    profile = actor_profile(store, key)
    if profile is None:
        raise HTTPException(404, f"no actor {key!r}")
    return RecordsResponse(profile)


@router.get("/search", response_class=RecordsResponse, tags=["search"],
            summary="Full-text search over normalized Arabic; English names find Arabic articles")
def search(q: str = Query(..., min_length=1), limit: int = Query(50, ge=1, le=500),
           store: Store = Depends(get_store)):
    return RecordsResponse(store.search(q, limit=limit))


def _check_token(request: Request, authorization: str | None) -> None:
    expected = request.app.state.ingest_token
    if not expected:
        raise HTTPException(403, "ingest is disabled: the server was started without a token")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip(), expected):
        raise HTTPException(401, "ingest needs the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def parse_ingest_body(body: bytes) -> list[dict]:
    """The posted records: a JSON list, one JSON object, or JSON Lines."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"request body: not UTF-8 ({exc})") from None
    if not text.strip():
        raise HTTPException(400, "request body: empty; send a JSON list of records or JSON Lines")
    try:
        data = json.loads(text)
        records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        records = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise HTTPException(400, f"request body, line {n}: not JSON ({exc.msg})") from None
    for n, rec in enumerate(records, 1):
        if not isinstance(rec, dict):
            raise HTTPException(400, f"record {n}: not a JSON object")
        if not isinstance(rec.get("id"), str) or not rec["id"].strip():
            raise HTTPException(400, f"record {n}: 'id' (a non-empty string) is required")
        if not isinstance(rec.get("text") or rec.get("html"), str):
            raise HTTPException(400, f"record {n} ({rec['id']!r}): 'text' or 'html' is required")
    return records


@router.post("/ingest", tags=["ingest"],
             summary="Annotate and store articles (JSON list or JSON Lines of input records)",
             description="Records as in the data contract's input: id, text or html, and optionally "
                         "url, outlet, published, title. Needs `Authorization: Bearer <token>`; "
                         "403 when the server has no token.")
async def ingest(request: Request, authorization: str | None = Header(None)):
    _check_token(request, authorization)
    body = await request.body()
    if len(body) > MAX_INGEST_BYTES:
        raise HTTPException(413, f"request body: {len(body)} bytes, more than {MAX_INGEST_BYTES}")
    records = parse_ingest_body(body)
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_run_ingest, request.app.state.stores, records)


def _run_ingest(stores, records: list[dict]) -> dict:
    from marsad.workflow import ingest as run_ingest

    fd, path = tempfile.mkstemp(prefix="marsad-ingest-", suffix=".jsonl")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        with stores.ingest_lock, open_store(stores.path) as store:
            report = run_ingest(store, [path])
    finally:
        os.unlink(path)
    return {"added": report.added, "updated": report.updated, "unchanged": report.unchanged,
            "rejected": [msg.replace(path, "request") for msg in report.errors],
            "stories": report.stories}


@router.get("/health", tags=["meta"], summary="Liveness and database counts",
            response_class=PlainTextResponse)
def health(store: Store = Depends(get_store)):
    return f"ok {store.count_articles()} articles {store.count_stories()} stories"
