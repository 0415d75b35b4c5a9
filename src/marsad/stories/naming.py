"""Story ids that stay put: people bookmark /story/<id>.

When stories are recomputed (a new article joins one, two merge, one splits),
each story that existed before hands its id to the new story that holds most of
its articles; where two or more old stories meet in one new story, the larger
(then the older, by first publication) keeps its id. A story with no such
predecessor gets an id derived from its smallest article id (``story_id_for``),
so a first build names stories as it always did.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping

from marsad.stories.merge import story_id_for


def name_groups(groups: list[list[str]], previous: Mapping[str, str | None],
                published: Mapping[str, str | None]) -> list[str]:
    """An id for each group of article ids. ``previous`` maps an article id to its
    story before (None or absent for a new article); every member of an old story
    must be among ``groups``. ``published`` gives the articles' publication dates."""
    size: Counter = Counter()
    first: dict[str, str] = {}
    for ids in groups:
        for aid in ids:
            old = previous.get(aid)
            if old:
                size[old] += 1
                day = published.get(aid) or "9999"
                first[old] = min(first.get(old, day), day)
    overlap: dict[str, Counter] = {}
    for k, ids in enumerate(groups):
        for aid in ids:
            old = previous.get(aid)
            if old:
                overlap.setdefault(old, Counter())[k] += 1

    names: list[str | None] = [None] * len(groups)
    # Larger, then older, old stories choose first: on a merge they keep their id.
    for old in sorted(size, key=lambda s: (-size[s], first[s], s)):
        free = [(n, k) for k, n in overlap[old].items() if names[k] is None]
        if free:
            # On a split the new story with most of the old one's articles keeps the id.
            # (ties: the one whose smallest article id sorts first).
            _, k = min(free, key=lambda nk: (-nk[0], min(groups[nk[1]])))
            names[k] = old
    used = {n for n in names if n}
    for k, ids in enumerate(groups):
        if names[k] is None:
            names[k] = _fresh_id(ids, used)
            used.add(names[k])
    return names  # type: ignore[return-value]


def _fresh_id(ids: list[str], used: set[str]) -> str:
    sid = story_id_for(ids)
    n = 0
    while sid in used:  # the id went to the story that kept it
        n += 1
        sid = "s_" + hashlib.sha1(f"{min(ids)}#{n}".encode("utf-8")).hexdigest()[:12]
    return sid
