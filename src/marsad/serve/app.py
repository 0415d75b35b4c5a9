"""The web UI and the REST API behind ``marsad serve`` (OpenAPI docs at /docs).

Every asset is served from here: CSS, one small JS file, and an Arabic font
found on the system (nothing from a CDN, nothing downloaded).
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from marsad import __version__
from marsad.serve import api, pages
from marsad.serve.fonts import find_arabic_font
from marsad.store import Store, open_store

STATIC = Path(__file__).parent / "static"


class Stores:
    """One database connection per server thread, all on the same database (an SQLite
    connection must not be used by two threads at once). Ingests take turns."""

    def __init__(self, path: str):
        self.path = path
        self.ingest_lock = threading.Lock()
        self._local = threading.local()
        self._all: list[Store] = []
        self._guard = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.path)
            self._local.store = store
            with self._guard:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._guard:
            for store in self._all:
                try:
                    store.close()
                except Exception:  # a connection of a finished thread may already be gone
                    pass
            self._all.clear()


def create_app(db_path: str, ingest_token: str | None = None) -> FastAPI:
    """The Marsad app on the database at ``db_path``; ``ingest_token`` enables POST /api/ingest."""
    if str(db_path) == ":memory:":
        raise ValueError("db_path: the web app needs a database file, not ':memory:'")
    open_store(db_path).close()   # create and migrate the database now, in one thread
    stores = Stores(str(db_path))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="Marsad", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,   # their pages load assets from a CDN; /docs is ours
                  description="Stories, events, articles and actors extracted from Arabic news. "
                              "Pages at /, this API under /api.")
    app.state.stores = stores
    app.state.ingest_token = ingest_token or None
    app.state.font = find_arabic_font()

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/fonts/arabic.ttf", include_in_schema=False)
    def arabic_font():
        if app.state.font is None:
            raise HTTPException(404, "no Arabic font on this system (install fonts-noto-core)")
        return FileResponse(app.state.font, media_type="font/ttf",
                            headers={"Cache-Control": "public, max-age=86400"})

    return app
