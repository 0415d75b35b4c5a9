"""What the pages and the API show, computed from stored records: labels, the
source-agreement table of a story, an actor's profile and counterparts."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from marsad.annotate.event_direction import is_directed
from marsad.store import Store
from marsad.text.normalize import normalize_char, normalize_key

LABELS_PATH = Path(__file__).parent / "static" / "labels.json"
AGREEMENT_FIELDS = ("type", "mode", "actor1", "actor2", "date", "location", "modality")


@lru_cache(maxsize=1)
def labels() -> dict:
    """Arabic labels for event types, modes, entity types, modalities and fields."""
    return json.loads(LABELS_PATH.read_text(encoding="utf-8"))


def actor_name(actor: dict | None, lang: str = "en") -> str | None:
    if not actor:
        return None
    first = ("name_en", "name_ar") if lang == "en" else ("name_ar", "name_en")
    return next((actor[k] for k in first + ("country",) if actor.get(k)), None)


def event_en(ev: dict | None) -> str:
    """One line in English: "Vladimir Putin → Ahmed al-Sharaa: CONSULT (phone), 2025-02-12"."""
    if not ev:
        return ""
    who = " → ".join(n for n in (actor_name(ev.get("actor1")), actor_name(ev.get("actor2"))) if n)
    what = ev.get("type") or "?"
    if ev.get("mode"):
        what += f" ({ev['mode']})"
    tail = ", ".join(x for x in (ev.get("date"), ev.get("location")) if x)
    return f"{who + ': ' if who else ''}{what}{', ' + tail if tail else ''}"


def event_ar(ev: dict | None) -> dict:
    """The parts of an event in Arabic; the template puts names and dates in <bdi>."""
    if not ev:
        return {}
    lab = labels()
    return {"type": lab["type"].get(ev.get("type"), ev.get("type")),
            "mode": lab["mode"].get(ev.get("mode"), ev.get("mode")) if ev.get("mode") else None,
            "actor1": actor_name(ev.get("actor1"), "ar"), "actor2": actor_name(ev.get("actor2"), "ar"),
            "date": ev.get("date"), "location": ev.get("location"),
            "modality": lab["modality"].get(ev.get("modality"), ev.get("modality"))}


def _field_value(ev: dict | None, name: str) -> str | None:
    if not ev:
        return None
    if name in ("actor1", "actor2"):
        return actor_name(ev.get(name))
    return ev.get(name)


def agreement_table(story: dict, articles: list[dict]) -> dict:
    """Which sources agree with the story's main event, field by field.

    Each cell compares the article's own main event with the story's:
    ``agree``, ``differ``, ``missing`` (the article does not say) or ``none``
    (the story has no value either). The two parties of an undirected event (a call,
    a meeting, an agreement) agree in either order."""
    main = story.get("main_event")
    undirected = bool(main) and not is_directed(main.get("type"), main.get("mode"))
    story_pair = {_field_value(main, "actor1"), _field_value(main, "actor2")}
    rows = []
    for name in AGREEMENT_FIELDS:
        story_value = _field_value(main, name)
        cells = []
        for art in articles:
            own = next((e for e in art.get("events", []) if e.get("main")), None)
            value = _field_value(own, name)
            if value is None:
                status = "missing" if story_value is not None else "none"
            elif value == story_value:
                status = "agree"
            elif (undirected and name in ("actor1", "actor2") and own.get("type") == main.get("type")
                  and {_field_value(own, "actor1"), _field_value(own, "actor2")} == story_pair):
                status = "agree"  # the same two parties, named the other way round
            else:
                status = "differ"
            cells.append({"article_id": art["id"], "value": value, "status": status})
        n_agree = sum(c["status"] == "agree" for c in cells)
        rows.append({"field": name, "label_ar": labels()["field"].get(name, name),
                     "story_value": story_value, "cells": cells, "n_agree": n_agree})
    return {"columns": [{"id": a["id"], "outlet": a.get("outlet"), "published": a.get("published")}
                        for a in articles], "rows": rows}


def actor_keys(key: str, mentions: list[dict]) -> set[str]:
    """Every key the actor may have: events key actors by Wikidata id or lower-cased
    English name, entities by knowledge-base id."""
    keys = {key}
    for m in mentions:
        keys.update(k for k in (m.get("kb_id"), m.get("wikidata"),
                                (m.get("name_en") or "").lower() or None) if k)
    return keys


def actor_profile(store: Store, key: str) -> dict | None:
    """An actor's names, role and country, its events in time order and its counterparts
    (the other actors of those events, with how many events they share)."""
    mentions = store.actor_entity_rows(key)
    keys = actor_keys(key, mentions)
    rows = store.actor_event_rows(sorted(keys))
    if not rows and not mentions:
        return None
    identity: dict = {}
    if mentions:
        m = mentions[0]
        identity = {k: m.get(k) for k in ("name_en", "name_ar", "wikidata", "country", "role")}
    for row in rows:
        if identity:
            break
        side = "actor1" if row["actor1_key"] in keys else "actor2"
        identity = row["record"].get(side) or {}
    counts: Counter = Counter()
    names: dict[str, dict] = {}
    for row in rows:
        for side, other in (("actor1", "actor2"), ("actor2", "actor1")):
            other_key = row[f"{other}_key"]
            if row[f"{side}_key"] in keys and other_key and other_key not in keys:
                counts[other_key] += 1
                names.setdefault(other_key, row["record"].get(other) or {})
    counterparts = [{"key": k, "n": n, "name_en": names[k].get("name_en"),
                     "name_ar": names[k].get("name_ar"), "country": names[k].get("country")}
                    for k, n in counts.most_common()]
    canonical = next((m["kb_id"] for m in mentions if m.get("kb_id")), key)
    return {"key": canonical, "keys": sorted(keys), **identity,
            "type": mentions[0]["type"] if mentions else None,
            "n_mentions": len(mentions), "n_articles": len({m["article_id"] for m in mentions}),
            # dated events in time order first, undated ones after them
            "events": sorted((r["record"] for r in rows), key=lambda e: (e.get("date") is None,
                                                                          e.get("date") or "")),
            "counterparts": counterparts,
            "event_types": dict(Counter(r["record"].get("type") for r in rows).most_common())}


@lru_cache(maxsize=1)
def _spellings() -> tuple[dict[str, str], str]:
    """For each normalized character, the Arabic characters that normalize to it; and the
    characters that normalization drops (diacritics, tatweel). Lets search terms be matched
    in the original text by a regular expression, without normalizing whole articles."""
    variants: dict[str, set[str]] = {}
    dropped = []
    for code in range(0x0600, 0x0700):
        ch = chr(code)
        norm = normalize_char(ch)
        if norm == "":
            dropped.append(ch)
        elif len(norm) == 1 and norm != ch:
            variants.setdefault(norm, {norm}).add(ch)
    return {k: "".join(sorted(v)) for k, v in variants.items()}, "".join(dropped)


def _term_pattern(term: str) -> str:
    variants, dropped = _spellings()
    skip = f"[{re.escape(dropped)}]*" if dropped else ""
    return skip.join(f"[{re.escape(variants.get(c, c))}]" for c in term)


def original_snippet(text: str, query: str, width: int = 90) -> Markup | None:
    """A stretch of the article's own text (not its normalized form) around the first
    word that matches ``query`` the way search does (normalized, case-folded, prefix),
    with every matching word in it marked. None when no query word occurs in the text."""
    terms = [t for t in normalize_key(query).split() if t]
    if not terms:
        return None
    _, dropped = _spellings()
    # a term must start a word (FTS matches word prefixes); the mark runs to the word's end
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(_term_pattern(t) for t in terms) + r")[\w"
                         + re.escape(dropped) + "]*", re.IGNORECASE)
    hits = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not hits:
        return None
    first = hits[0][0]
    lo = max(0, first - width // 2)
    hi = min(len(text), lo + width)
    lo = max(0, text.rfind(" ", 0, lo) + 1) if lo else 0
    space = text.find(" ", hi)
    hi = space if space != -1 and space - hi < 20 else hi
    parts, pos = [], lo
    for start, end in hits:
        if start < pos or end > hi:
            continue
        parts += [str(escape(text[pos:start])), f"<mark>{escape(text[start:end])}</mark>"]
        pos = end
    parts.append(str(escape(text[pos:hi])))
    html = ("…" if lo else "") + "".join(parts) + ("…" if hi < len(text) else "")
    return Markup(html.replace("\n", " "))
