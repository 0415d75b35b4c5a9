"""An English summary of a story, generated from its structured events only:
it says nothing that the merged events do not hold."""

from __future__ import annotations

from datetime import date

from marsad.model import Actor, Event, Story

# What each PLOVER type and mode says: with a second actor, and without one.
PHRASES = {
    ("CONSULT", "phone"): ("{a1} and {a2} held a phone call", "{a1} held a phone call"),
    ("CONSULT", "visit"): ("{a1} visited {a2}", "{a1} made a visit"),
    ("CONSULT", "meeting"): ("{a1} and {a2} met", "{a1} held a meeting"),
    ("CONSULT", "host"): ("{a1} received {a2}", "{a1} received a visitor"),
    ("CONSULT", "negotiate"): ("{a1} and {a2} held negotiations", "{a1} held negotiations"),
    ("CONSULT", "mediate"): ("{a1} mediated with {a2}", "{a1} mediated"),
    ("CONSULT", "summit"): ("{a1} and {a2} held a summit", "{a1} held a summit"),
    ("CONSULT", "invitation"): ("{a1} invited {a2}", "{a1} issued an invitation"),
    ("CONSULT", None): ("{a1} consulted with {a2}", "{a1} held consultations"),
    ("SUPPORT", "message"): ("{a1} sent a message of support to {a2}", "{a1} sent a message of support"),
    ("SUPPORT", None): ("{a1} expressed support for {a2}", "{a1} expressed support"),
    ("AGREE", None): ("{a1} and {a2} reached an agreement", "{a1} agreed"),
    ("COOPERATE", None): ("{a1} cooperated with {a2}", "{a1} cooperated"),
    ("AID", None): ("{a1} provided aid to {a2}", "{a1} provided aid"),
    ("CONCEDE", None): ("{a1} made a concession to {a2}", "{a1} made a concession"),
    ("RETREAT", None): ("{a1} withdrew from {a2}", "{a1} withdrew"),
    ("REQUEST", None): ("{a1} made a request of {a2}", "{a1} made a request"),
    ("ACCUSE", None): ("{a1} accused {a2}", "{a1} made accusations"),
    ("REJECT", None): ("{a1} rejected {a2}", "{a1} rejected a proposal"),
    ("THREATEN", None): ("{a1} threatened {a2}", "{a1} issued a threat"),
    ("PROTEST", None): ("{a1} protested against {a2}", "{a1} protested"),
    ("SANCTION", None): ("{a1} imposed sanctions on {a2}", "{a1} imposed sanctions"),
    ("SANCTION", "lift"): ("{a1} lifted sanctions on {a2}", "{a1} lifted sanctions"),
    ("MOBILIZE", None): ("{a1} mobilized forces against {a2}", "{a1} mobilized forces"),
    ("COERCE", None): ("{a1} used coercion against {a2}", "{a1} used coercion"),
    ("ASSAULT", None): ("{a1} attacked {a2}", "{a1} carried out an attack"),
    ("ASSAULT", "airstrike"): ("{a1} carried out airstrikes on {a2}", "{a1} carried out airstrikes"),
    ("AGREE", "sign"): ("{a1} and {a2} signed an agreement", "{a1} signed an agreement"),
    ("RETREAT", "ceasefire"): ("a ceasefire between {a1} and {a2} took effect", "{a1} agreed to a ceasefire"),
}
def _name(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.name_en:
        return actor.name_en
    return actor.country


def _when(value: str | None) -> str:
    if not value:
        return ""
    try:
        if len(value) == 10:
            d = date.fromisoformat(value)
            return f" on {d.day} {d.strftime('%B')} {d.year}"
        if len(value) == 7:
            d = date.fromisoformat(value + "-01")
            return f" in {d.strftime('%B')} {d.year}"
        return f" in {value}"
    except ValueError:
        return ""


def describe(ev: Event) -> str | None:
    a1, a2 = _name(ev.actor1), _name(ev.actor2)
    if not a1:
        return None
    phrases = PHRASES.get((ev.type, ev.mode)) or PHRASES.get((ev.type, None))
    if phrases is None:
        return None
    text = phrases[0].format(a1=a1, a2=a2) if a2 else phrases[1].format(a1=a1)
    text = text[0].upper() + text[1:]
    if ev.modality == "planned":
        text = f"Planned: {text}"
    elif ev.modality == "denied":
        text = f"Denied: {text}"
    elif ev.modality == "hypothetical":
        text = f"Possibly: {text}"
    # "Israel struck Iran in Iran" says nothing more than "Israel struck Iran".
    where = f" in {ev.location}" if ev.location and ev.location not in (a1, a2) else ""
    return f"{text}{where}{_when(ev.date)}"


def _near(value: str | None, story_date: str | None, days: int = 3) -> bool:
    if not value or not story_date:
        return not value
    try:
        return abs((date.fromisoformat(value) - date.fromisoformat(story_date)).days) <= days
    except ValueError:
        return value[:7] == story_date[:7]


def summarize(story: Story, unnamed_outlets: int = 0) -> str | None:
    """``unnamed_outlets``: how many of the story's articles have no known outlet
    (the count of outlets is given only when every article's outlet is known)."""
    if story.main_event is None:
        return None
    head = describe(story.main_event)
    if head is None:
        return None
    n_outlets = len(story.outlets)
    n_articles = len(story.article_ids)
    sources = f"{n_articles} article{'s' if n_articles != 1 else ''}"
    if n_outlets and not unnamed_outlets:
        sources += f" from {n_outlets} outlet{'s' if n_outlets != 1 else ''}"
    parts = [f"{head} ({story.main_event.type.lower()}, reported by {sources})."]
    # Only corroborated side events of the same days: one article's reading of a
    # background sentence, or a recap of another year, is not this story's news.
    others = [describe(e) for e in story.events
              if not e.main and len(e.article_ids) >= 2 and e.modality == "asserted"
              and _near(e.date, story.date)]
    others = [o for o in others if o][:2]
    if others:
        parts.append("Also reported: " + "; ".join(others) + ".")
    if story.discrepancies:
        fields = ", ".join(sorted({d.field for d in story.discrepancies}))
        parts.append(f"Sources disagree on: {fields}.")
    return " ".join(parts)
