"""Store: where annotated articles and their stories are kept (SQLite by default)."""

from marsad.store.sqlite import Store, default_db_path

__all__ = ["Store", "default_db_path"]
