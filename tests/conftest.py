"""Shared fixtures: the seeds beside the repo, the contract's JSON Schema, a temporary
database, and ``db`` / ``store``: a new database on each backend (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CONTRACT_SCHEMA = SHARED / "contract" / "records.schema.json"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not (SEEDS / "gold.json").exists():
        pytest.skip(f"the seed articles are not beside the repo ({SEEDS} is missing)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_gold(seeds_dir) -> dict:
    return json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def record_validator():
    """Validates a record against one of the contract's definitions (article, story, event)."""
    jsonschema = pytest.importorskip("jsonschema")
    if not CONTRACT_SCHEMA.exists():
        pytest.skip(f"the data contract is not beside the repo ({CONTRACT_SCHEMA} is missing)")
    schema = json.loads(CONTRACT_SCHEMA.read_text(encoding="utf-8"))

    def validate(record: dict, kind: str) -> None:
        sub = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{kind}"}
        jsonschema.Draft202012Validator(sub).validate(record)

    return validate


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "marsad.db"


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throwaway PostgreSQL cluster for the whole run (tests/postgres_server.py)."""
    from postgres_server import Cluster, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        reason = ("PostgreSQL is not installed (no initdb/pg_ctl on the PATH or in "
                  "/usr/lib/postgresql/*/bin); `make test` installs Debian's postgresql as root")
        if os.environ.get("CI"):
            pytest.fail(reason)   # CI installs it: never skip there
        pytest.skip(reason)
    pytest.importorskip("psycopg", reason="the PostgreSQL store needs psycopg (pip install 'psycopg[binary]')")
    cluster = Cluster(bin_dir).start()
    yield cluster
    cluster.stop()


def new_database(request, folder: Path) -> str:
    """A new, empty database on the backend ``request.param``: an SQLite file in
    ``folder`` or a postgresql:// URL on the test cluster."""
    if request.param == "sqlite":
        return str(folder / "marsad.db")
    return request.getfixturevalue("postgres_cluster").new_database()


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path) -> str:
    """A new, empty database on each backend: an SQLite file path or a postgresql:// URL."""
    return new_database(request, tmp_path)


@pytest.fixture
def store(db):
    from marsad.store import open_store

    with open_store(db) as opened:
        yield opened
