"""Shared fixtures: the seeds beside the repo, the contract's JSON Schema, a temporary database."""

from __future__ import annotations

import json
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
