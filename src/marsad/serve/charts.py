"""Charts drawn as SVG on the server: no JavaScript chart library, nothing from a CDN.

Every function returns ``Markup`` (safe HTML): labels are escaped here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from markupsafe import Markup, escape

from marsad.model import PLOVER_TYPES

PALETTE = ("#1f6f8b", "#e07a2f", "#3a9d5d", "#c0392b", "#8e5ea2", "#b8860b", "#2c7fb8", "#d6604d",
           "#4d9221", "#7b3294", "#35978f", "#bf812d", "#66a61e", "#e7298a", "#1b9e77", "#666666")
OTHER_COLOR = "#9aa5b1"


def color_for(key: str) -> str:
    """A stable color: PLOVER types get their own, other keys a hashed one."""
    if key in PLOVER_TYPES:
        return PALETTE[PLOVER_TYPES.index(key) % len(PALETTE)]
    return PALETTE[sum(map(ord, key)) % len(PALETTE)]


def parse_day(value: str | None) -> dt.date | None:
    """A contract date (YYYY-MM-DD, YYYY-MM or YYYY) as the first day it covers."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(y, m, d)
    except (ValueError, IndexError):
        return None


def sparkline(points: list[dict], width: int = 120, height: int = 26, min_days: int = 7,
              max_days: int = 60) -> Markup:
    """Articles per day ([{day, n}]) as small bars from the first day on, zero days included,
    over at least ``min_days`` (so a one-day story still reads as a week) and at most ``max_days``."""
    days = {parse_day(p["day"]): p["n"] for p in points if parse_day(p.get("day"))}
    if not days:
        return Markup(f'<svg class="spark" width="{width}" height="{height}" role="img" '
                      f'aria-label="no dated coverage"></svg>')
    first = min(days)
    span = min(max((max(days) - first).days + 1, min_days), max_days)
    series = [days.get(first + dt.timedelta(days=i), 0) for i in range(span)]
    top = max(series)
    bar_w = max(2.0, min(12.0, width / max(span, 1)))
    parts = []
    for i, n in enumerate(series):
        h = 0 if not n else max(2.0, (height - 2) * n / top)
        parts.append(f'<rect x="{i * bar_w:.1f}" y="{height - h:.1f}" width="{bar_w - 1:.1f}" '
                     f'height="{h:.1f}"><title>{first + dt.timedelta(days=i)}: {n}</title></rect>')
    label = f"{sum(series)} articles from {first} over {span} days"
    base = f'<line x1="0" x2="{span * bar_w:.1f}" y1="{height - 0.5}" y2="{height - 0.5}" class="base"/>'
    return Markup(f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
                  f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
                  f'{base}{"".join(parts)}</svg>')


def stacked_bars(counts: list[dict], top: int = 8, width: int = 760, height: int = 260,
                 title: str = "") -> Markup:
    """Counts per period and key ([{month, key, n}]) as stacked bars, the ``top`` keys
    by total in their own color and the rest as "other"; periods in time order."""
    if not counts:
        return Markup('<p class="empty">لا بيانات — no data</p>')
    totals: dict[str, int] = defaultdict(int)
    for c in counts:
        totals[c["key"]] += c["n"]
    keys = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    grid: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in counts:
        grid[c["month"]][c["key"] if c["key"] in keys else "other"] += c["n"]
    months = sorted(grid)
    series = keys + (["other"] if any("other" in g for g in grid.values()) else [])
    # PLOVER types keep their color everywhere; other keys (country pairs) get one each by rank.
    colors = {k: color_for(k) if k in PLOVER_TYPES else PALETTE[i % len(PALETTE)]
              for i, k in enumerate(keys)}
    colors["other"] = OTHER_COLOR
    pad_l, pad_b, pad_t, legend_w = 34, 46, 10, 150
    plot_w, plot_h = width - pad_l - legend_w, height - pad_b - pad_t
    peak = max(sum(g.values()) for g in grid.values())
    step = plot_w / len(months)
    bar_w = max(3.0, step * 0.7)
    out = [f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="{escape(title)}" direction="ltr">']
    for frac in (0, 0.5, 1):
        y = pad_t + plot_h * (1 - frac)
        out.append(f'<line x1="{pad_l}" x2="{pad_l + plot_w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{pad_l - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
                   f'{round(peak * frac)}</text>')
    label_every = max(1, math.ceil(len(months) / 12))
    for i, month in enumerate(months):
        x = pad_l + i * step + (step - bar_w) / 2
        y = pad_t + plot_h
        for key in series:
            n = grid[month].get(key, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            color = colors[key]
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                       f'fill="{color}"><title>{escape(month)} · {escape(key)}: {n}</title></rect>')
        if i % label_every == 0:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{pad_t + plot_h + 14}" text-anchor="end" '
                       f'class="tick" transform="rotate(-40 {x + bar_w / 2:.1f} {pad_t + plot_h + 14})">'
                       f'{escape(month)}</text>')
    for j, key in enumerate(series):
        y = pad_t + j * 18
        color = colors[key]
        total = sum(g.get(key, 0) for g in grid.values())
        out.append(f'<rect x="{width - legend_w + 10}" y="{y}" width="12" height="12" fill="{color}"/>'
                   f'<text x="{width - legend_w + 28}" y="{y + 10}" class="legend">'
                   f'{escape(key)} ({total})</text>')
    out.append("</svg>")
    return Markup("".join(out))


def timeline(events: list[dict], width: int = 900, row_h: int = 22, link=None) -> Markup:
    """Dated events in time order, one row each, colored by type. The axis is ordinal
    (equal steps between distinct dates), so one old date mentioned in passing does not
    squeeze the rest into a corner. ``link(event)`` may return a URL for an event's
    label. Events without a date are left out."""
    dated = sorted(((parse_day(e.get("date")), e) for e in events if parse_day(e.get("date"))),
                   key=lambda p: (p[0], p[1].get("type") or ""))
    if not dated:
        return Markup('<p class="empty">لا أحداث مؤرخة — no dated events</p>')
    days = sorted({d for d, _ in dated})
    rank = {d: i for i, d in enumerate(days)}
    pad_l, label_w = 40, 420
    axis_w = width - pad_l - label_w - 16
    step = axis_w / max(len(days) - 1, 1)
    height = 34 + row_h * len(dated)
    out = [f'<svg class="chart timeline" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="timeline of {len(dated)} events" '
           f'direction="ltr">',
           f'<line x1="{pad_l}" x2="{pad_l + axis_w}" y1="22" y2="22" class="axis"/>']
    tick_every = max(1, math.ceil(len(days) / 6))
    for d in days[::tick_every]:
        x = pad_l + rank[d] * step
        out.append(f'<text x="{x:.1f}" y="14" text-anchor="middle" class="tick">{d.isoformat()}</text>')
    for i, (day, ev) in enumerate(dated):
        x = pad_l + rank[day] * step
        y = 34 + i * row_h + row_h / 2
        names = " – ".join(a.get("name_en") or a.get("name_ar") or a.get("country") or "?"
                           for a in (ev.get("actor1"), ev.get("actor2")) if a)
        mode = f"/{ev['mode']}" if ev.get("mode") else ""
        label = f"{ev.get('date')} {ev.get('type')}{mode} {names}"
        short = label if len(label) <= 62 else label[:61] + "…"
        radius = 6 if ev.get("main") else 4
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="22" y2="{y:.1f}" class="stem"/>'
                   f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{color_for(ev.get("type") or "")}">'
                   f'<title>{escape(label)}</title></circle>')
        text = (f'<text x="{pad_l + axis_w + 16}" y="{y + 4:.1f}" class="label">{escape(short)}'
                f'<title>{escape(label)}</title></text>')
        href = link(ev) if link else None
        out.append(f'<a href="{escape(href)}">{text}</a>' if href else text)
    out.append("</svg>")
    return Markup("".join(out))


def network(center: str, counterparts: list[dict], width: int = 600, height: int = 440) -> Markup:
    """A star of counterparts ([{label, n, href}]) placed on a circle around ``center``;
    edge width grows with the number of shared events."""
    if not counterparts:
        return Markup('<p class="empty">لا أطراف مقابلة — no counterparts</p>')
    cx, cy = width / 2, height / 2
    radius = min(cx - 150, cy - 40)
    peak = max(p["n"] for p in counterparts)
    edges, nodes = [], []
    for i, p in enumerate(counterparts):
        angle = 2 * math.pi * i / len(counterparts) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        w = 1 + 5 * p["n"] / peak
        label = p["label"] if len(p["label"]) <= 24 else p["label"][:23] + "…"
        edges.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke-width="{w:.1f}" '
                     f'class="edge"><title>{escape(p["label"])}: {p["n"]}</title></line>')
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        dx = 10 if anchor == "start" else -10 if anchor == "end" else 0
        dy = 20 if math.sin(angle) > 0.5 else -12 if math.sin(angle) < -0.5 else 4
        node = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" class="node"/>'
                f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}" class="label">'
                f'{escape(label)} ({p["n"]})<title>{escape(p["label"])}</title></text>')
        nodes.append(f'<a href="{escape(p["href"])}">{node}</a>' if p.get("href") else node)
    return Markup(f'<svg class="chart network" width="{width}" height="{height}" '
                  f'viewBox="0 0 {width} {height}" role="img" aria-label="counterpart network">'
                  + "".join(edges) + f'<circle cx="{cx}" cy="{cy}" r="11" class="node center"/>'
                  f'<text x="{cx}" y="{cy - 16}" text-anchor="middle" class="label center">'
                  f'{escape(center)}</text>' + "".join(nodes) + "</svg>")
