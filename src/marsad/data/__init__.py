"""Marsad's knowledge as data: knowledge base (kb/) and lexicons (lexicons/).

``read_lexicon`` is the one way code reads a lexicon file; callers cache what
they build from it.
"""

from __future__ import annotations

import json
from importlib import resources


def read_lexicon(name: str) -> dict:
    """The JSON of ``data/lexicons/<name>``; a missing or broken file raises a
    ``ValueError`` that names it."""
    path = resources.files(__name__).joinpath("lexicons", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"lexicon {name}: cannot be read ({exc})") from exc
