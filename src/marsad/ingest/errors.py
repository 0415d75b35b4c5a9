"""The one error type ingest yields: which input, and why it was refused."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputError:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
