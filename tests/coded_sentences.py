"""The event-coder tests' text: one sentence a line or full stop, coded without the text stage."""

from __future__ import annotations

import re

from marsad.annotate.events import code_events
from marsad.model import Article, Sentence


def coded(text: str) -> Article:
    """The article of ``text``, split at line ends and sentence-final marks, with its events coded."""
    art = Article(id="t", text=text)
    art.sentences = [Sentence(m.start(), m.end(), m.group())
                     for m in re.finditer(r"[^.!?؟\n]+[.!?؟]*", text) if m.group().strip()]
    return code_events(art)


def asserted_types(text: str) -> set[str]:
    """The types of the events of ``text`` told as done."""
    return {e.type for e in coded(text).events if e.modality == "asserted"}


def main_type(text: str) -> str | None:
    """The type of the main event of ``text``, None where it has none."""
    main = coded(text).main_event
    return main.type if main else None
