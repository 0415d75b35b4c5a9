"""The HTML pages, rendered on the server (Jinja2, autoescaped, right to left)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from marsad.model import ENTITY_TYPES, PLOVER_TYPES
from marsad.serve import charts
from marsad.serve.api import get_store
from marsad.serve.highlight import highlighted_article
from marsad.serve.views import (actor_name, actor_profile, agreement_table, event_ar, event_en, labels,
                                original_snippet)
from marsad.store import Store
from marsad.text.normalize import normalize_key

PAGE_SIZE = 50
OWN_SNIPPETS = 25   # search hits shown with a snippet of their own text

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(labels=labels, event_en=event_en, event_ar=event_ar,
                             actor_name=actor_name, PLOVER_TYPES=PLOVER_TYPES,
                             ENTITY_TYPES=ENTITY_TYPES, type_color=charts.color_for)
templates.env.filters["urlpart"] = lambda s: quote(str(s), safe="")


def _snippet(text: str | None) -> Markup:
    """An FTS5 snippet with its [matches] as <mark>, everything else escaped."""
    return Markup(str(escape(text or "")).replace("[", "<mark>").replace("]", "</mark>"))


templates.env.filters["snippet"] = _snippet

router = APIRouter(include_in_schema=False)


def _actor_link(actor: dict | None) -> str | None:
    name = actor_name(actor)
    return f"/actor?name={quote(name)}" if name else None


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, date_from: str | None = None, date_to: str | None = None,
               country: str | None = None, actor: str | None = None, type: str | None = None,
               q: str | None = None, offset: int = Query(0, ge=0), store: Store = Depends(get_store)):
    filters = {"date_from": date_from, "date_to": date_to, "country": country, "actor": actor,
               "type": type, "q": q}
    filters = {k: v.strip() for k, v in filters.items() if v and v.strip()}
    stories = store.story_records(date_from=filters.get("date_from"), date_to=filters.get("date_to"),
                                  country=filters.get("country"), actor=filters.get("actor"),
                                  event_type=filters.get("type"), text=filters.get("q"),
                                  limit=PAGE_SIZE + 1, offset=offset)
    more = len(stories) > PAGE_SIZE
    stories = stories[:PAGE_SIZE]
    ids = [s["id"] for s in stories]
    coverage = store.story_coverage(ids)
    titles = store.story_titles(ids)
    cards = [{"story": s, "spark": charts.sparkline(coverage.get(s["id"], [])),
              "articles": titles.get(s["id"], [])} for s in stories]
    page = lambda off: "/?" + urlencode({**filters, "offset": off})  # noqa: E731
    return templates.TemplateResponse(request, "stories.html", {
        "cards": cards, "filters": filters, "countries": store.event_countries(),
        "n_total": store.count_stories(), "offset": offset,
        "next_url": page(offset + PAGE_SIZE) if more else None,
        "prev_url": page(max(0, offset - PAGE_SIZE)) if offset else None,
        "chart": charts.stacked_bars(store.event_counts(by="type"), title="events per month by type",
                                     height=200)})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, store: Store = Depends(get_store)):
    story = store.story_record(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    articles = store.article_records(story_id=story_id)
    articles.sort(key=lambda a: (a.get("published") or "", a["id"]))
    sources = [{"article": a, "html": highlighted_article(a),
                "main": next((e for e in a.get("events", []) if e.get("main")), None)}
               for a in articles]
    outlets = {a["id"]: a.get("outlet") or a["id"] for a in articles}
    return templates.TemplateResponse(request, "story.html", {
        "story": story, "main": story.get("main_event"), "sources": sources, "outlets": outlets,
        "agreement": agreement_table(story, articles),
        "actor1_link": _actor_link((story.get("main_event") or {}).get("actor1")),
        "actor2_link": _actor_link((story.get("main_event") or {}).get("actor2")),
        "timeline": charts.timeline(story.get("events", []))})


@router.get("/actor")
def actor_by_name(name: str = Query(..., min_length=1), store: Store = Depends(get_store)):
    """Links from event actors, which carry names, not keys."""
    key = store.actor_key_for_name(name)
    if key is None:
        raise HTTPException(404, f"no actor named {name!r} in any event")
    return RedirectResponse(f"/actors/{quote(key, safe='')}", status_code=303)


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request, store: Store = Depends(get_store)):
    return templates.TemplateResponse(request, "actors.html", {"actors": store.top_actors(limit=100)})


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: str, store: Store = Depends(get_store)):
    profile = actor_profile(store, key)
    if profile is None:
        raise HTTPException(404, f"no actor {key!r}")
    nodes = [{"label": c.get("name_en") or c.get("name_ar") or c["key"], "n": c["n"],
              "href": f"/actors/{quote(c['key'], safe='')}"} for c in profile["counterparts"][:16]]
    center = profile.get("name_en") or profile.get("name_ar") or key
    return templates.TemplateResponse(request, "actor.html", {
        "actor": profile, "network": charts.network(center, nodes),
        "timeline": charts.timeline(profile["events"],
                                    link=lambda e: f"/stories/{quote(e['story_id'], safe='')}"
                                    if e.get("story_id") else None)})


@router.get("/charts", response_class=HTMLResponse)
def charts_page(request: Request, store: Store = Depends(get_store)):
    return templates.TemplateResponse(request, "charts.html", {
        "by_type": charts.stacked_bars(store.event_counts(by="type"), title="events per month by type"),
        "by_pair": charts.stacked_bars(store.event_counts(by="pair"),
                                       title="events per month by country pair")})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", store: Store = Depends(get_store)):
    hits = store.search(q, limit=100) if q.strip() else []
    for n, hit in enumerate(hits):
        # The article's own words for the first hits; the index's (normalized) snippet after them.
        rec = (store.article_record(hit["article_id"]) or {}) if n < OWN_SNIPPETS else {}
        hit["snippet_html"], hit["via_name"] = _hit_snippet(rec, q)
    return templates.TemplateResponse(request, "search.html", {"q": q, "hits": hits})


def _hit_snippet(record: dict, q: str) -> tuple[Markup | None, str | None]:
    """The hit's own words around the match; for a query that matched a linked entity's
    name (an English name), the words where that entity is mentioned, and its name."""
    text = record.get("text") or ""
    snippet = original_snippet(text, q)
    if snippet is not None:
        return snippet, None
    wanted = normalize_key(q).split()
    for ent in record.get("entities", []):
        names = normalize_key(" ".join(n for n in (ent.get("name_en"), ent.get("name_ar")) if n)).split()
        if wanted and all(any(n.startswith(w) for n in names) for w in wanted):
            found = original_snippet(text, ent["text"])
            if found is not None:
                return found, ent.get("name_en") or ent.get("name_ar")
    return None, None


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The OpenAPI description (/openapi.json) as a page, with every asset served locally."""
    spec = request.app.openapi()
    operations = [{"method": method.upper(), "path": path, **op}
                  for path, item in spec.get("paths", {}).items() for method, op in item.items()]
    return templates.TemplateResponse(request, "api_docs.html", {"spec": spec, "operations": operations})
