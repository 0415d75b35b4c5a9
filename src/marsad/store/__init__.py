"""Store: where annotated articles and their stories are kept.

SQLite is the embedded default (a file path); PostgreSQL (a ``postgresql://``
URL) is the second backend, with the same methods, for several analysts on one
server. ``open_store(target)`` picks the backend from the target.
"""

from __future__ import annotations

from pathlib import Path

from marsad.store.sqlite import Store, default_db_path

__all__ = ["Store", "default_db_path", "is_postgres_url", "open_store"]


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def open_store(target: str | Path | None = None):
    """The store at ``target``: a ``postgresql://`` URL, else an SQLite file
    (default: $MARSAD_DB, else ./marsad.db)."""
    target = target or default_db_path()
    if is_postgres_url(target):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(str(target))
    return Store(target)
