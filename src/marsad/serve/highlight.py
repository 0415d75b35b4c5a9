"""Highlighted HTML of an article's text from the offsets in its record.

Spans may overlap (a date inside a quote, a trigger inside an entity): the text
is cut at every span boundary and each piece is wrapped in one ``<mark>`` whose
classes name every span covering it. Every piece of text is escaped; only the
markup built here is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str          # e.g. "ent ent-PERSON", "date", "trig"
    title: str        # tooltip


def _valid(span: dict, text: str) -> bool:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return False
    # A span whose text does not match the offsets is stale: better no mark than a wrong one.
    return span.get("text") is None or text[start:end] == span["text"]


def article_marks(record: dict) -> list[Mark]:
    """Marks for the entities (by type), dates and event triggers of an article record."""
    text = record.get("text") or ""
    marks: list[Mark] = []
    for ent in record.get("entities", []):
        if _valid(ent, text):
            name = " · ".join(x for x in (ent.get("name_en"), ent.get("name_ar"), ent.get("country"))
                              if x)
            marks.append(Mark(ent["start"], ent["end"], f"ent ent-{ent.get('type', 'X')}",
                              f"{ent.get('type')}: {name}" if name else str(ent.get("type"))))
    for date in record.get("dates", []):
        if _valid(date, text):
            marks.append(Mark(date["start"], date["end"], "date", f"date: {date.get('value')}"))
    for ev in record.get("events", []):
        trig = ev.get("trigger")
        if trig and _valid(trig, text):
            css = "trig trig-main" if ev.get("main") else "trig"
            mode = f"/{ev['mode']}" if ev.get("mode") else ""
            marks.append(Mark(trig["start"], trig["end"], css, f"event: {ev.get('type')}{mode}"))
    return marks


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` as HTML paragraphs (one per line) with ``marks`` wrapped in ``<mark>``."""
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    cuts.update(i for i, ch in enumerate(text) if ch == "\n")
    cuts.update(i + 1 for i, ch in enumerate(text) if ch == "\n")
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    paragraphs: list[list[str]] = [[]]
    for a, b in zip(points, points[1:]):
        piece = text[a:b]
        if piece == "\n":
            paragraphs.append([])
            continue
        covering = [m for m in marks if m.start <= a and b <= m.end]
        if not covering:
            paragraphs[-1].append(str(escape(piece)))
            continue
        classes = " ".join(dict.fromkeys(c for m in covering for c in m.css.split()))
        title = " | ".join(dict.fromkeys(m.title for m in covering))
        paragraphs[-1].append(f'<mark class="{escape(classes)}" title="{escape(title)}">'
                              f"{escape(piece)}</mark>")
    html = "".join(f"<p>{''.join(p)}</p>" for p in paragraphs if "".join(p).strip())
    return Markup(html)


def highlighted_article(record: dict) -> Markup:
    """The article's text with its entities, dates and triggers highlighted."""
    return highlight(record.get("text") or "", article_marks(record))
