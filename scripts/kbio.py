"""Writing knowledge-base files, shared by the build scripts beside this one."""

from __future__ import annotations

import json
from pathlib import Path


def write_jsonl(rows: list[dict], path: Path, what: str) -> None:
    """One JSON object a line, UTF-8, Arabic kept readable."""
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} {what} to {path}")
