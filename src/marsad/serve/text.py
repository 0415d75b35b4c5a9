"""Plain-text rendering of stories, for the terminal (``marsad stories``)."""

from __future__ import annotations


def _actor(a: dict | None) -> str:
    if not a:
        return "—"
    return a.get("name_en") or a.get("name_ar") or a.get("country") or "—"


def format_story(story: dict, titles: dict[str, tuple[str | None, str | None]] | None = None) -> str:
    """A story as a few readable lines: date, main event, sources, discrepancies."""
    titles = titles or {}
    main = story.get("main_event") or {}
    head = story.get("headline_ar") or ""
    lines = [f"■ {story.get('date') or 'date unknown'}  {head}"]
    if main:
        lines.append(f"  {main.get('type')}/{main.get('mode') or '-'}  {_actor(main.get('actor1'))} → "
                     f"{_actor(main.get('actor2'))}  ({main.get('modality')})")
    if story.get("summary_en"):
        lines.append(f"  {story['summary_en']}")
    outlets = story.get("outlets", [])
    unnamed = sum(1 for aid in story["article_ids"] if not titles.get(aid, (None, None))[1])
    # an outlet the text never names is said so, not counted as an outlet called "unknown"
    said = ", ".join(outlets) if outlets else "not named in the texts"
    if outlets and unnamed:
        said += f" (+{unnamed} article(s) naming none)"
    lines.append(f"  {len(story['article_ids'])} article(s), {len(outlets)} outlet(s): {said}")
    for aid in story["article_ids"]:
        title, outlet = titles.get(aid, (None, None))
        lines.append(f"    - {aid}" + (f"  [{outlet}]" if outlet else "") + (f"  {title}" if title else ""))
    for d in story.get("discrepancies", []):
        values = "; ".join(f"{v['value']} ({', '.join(v['article_ids'])})" for v in d["values"])
        lines.append(f"  ⚠ {d['field']}: {values}" + (f" — {d['note']}" if d.get("note") else ""))
    return "\n".join(lines)
