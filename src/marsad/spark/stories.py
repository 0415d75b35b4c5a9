"""Stories on Spark: clustering needs the articles of one event together.

Two strategies:

``connect_on_driver``: collect the annotated articles to the driver and run
``Pipeline.connect`` there, exactly as one machine does. Right for corpora whose
annotated articles fit in the driver's memory (tens of thousands).

``connect_blocked``: for larger corpora. Articles can only join a story through
a *candidate pair* (``marsad.stories.cluster.candidate_pairs``): two articles
in one block (``marsad.stories.index.block_keys``: a main-event actor, an
actor's country, the actor pair, the type and place of an actorless main
event) within the clustering date window, or whose texts share a MinHash LSH
bucket (``index.buckets``). Spark uses the keys of the cluster index, the
ones incremental updates look up, rather than a copy of them. So the executors
  1. compute each article's clustering features (``stories.features``),
  2. group them by Spark keys: (block, week) — each article also joins the
     previous week, so that two articles a few days apart across a week
     boundary meet — and every LSH bucket; articles without a day-precise
     event date join every week of their blocks, and a block of their own,
  3. run ``candidate_pairs`` on each block's members and keep the links (pairs
     that ``cluster`` could join: ``is_link``, no conflict and a score over
     the threshold, or near-copies); an LSH bucket's pairs are scored after
     joining their features back;
the driver takes the connected components of the links (union-find over the
link list, small next to the articles), and the executors run
``Pipeline.connect`` (``build_stories``, with its story-level date pass) on
each component. A story never spans two components, and clustering inside a
component sees the same pairs in the same order, so the stories are those of
the single-machine run. (The single-machine clustering caps comparisons inside
very large blocks; where a block has more than 60 articles within three days,
the caps apply per Spark block instead and the stories can differ slightly.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from marsad.model import Article, Story
from marsad.stories.cluster import is_link

if TYPE_CHECKING:
    from pyspark import RDD

    from marsad.pipeline import Pipeline
    from marsad.stories.features import Features


@dataclass
class Connected:
    """Stories and the articles with their ``story_id`` set, both as RDDs."""

    stories: RDD       # RDD[Story]
    articles: RDD      # RDD[Article]
    n_components: int  # how many independent groups build_stories ran on
    largest_component: int
    _built: RDD | None = None

    def unpersist(self) -> None:
        if self._built is not None:
            self._built.unpersist()


def connect_on_driver(articles: RDD | Iterable[Article], pipeline: Pipeline | None = None
                      ) -> tuple[list[Story], list[Article]]:
    """Collect the articles to the driver and build the stories there."""
    from marsad.pipeline import default_pipeline

    arts = articles.collect() if hasattr(articles, "collect") else list(articles)
    arts.sort(key=lambda a: a.id)
    stories = (pipeline or default_pipeline()).connect(arts)
    return stories, arts


def _week_size() -> int:
    from marsad.stories.cluster import DATE_WINDOW_DAYS

    # Two days at most DATE_WINDOW_DAYS apart fall into the same or neighbouring buckets.
    return max(7, DATE_WINDOW_DAYS + 1)


def week_blocks(f: Features) -> tuple[list[tuple], list[str]]:
    """The (block, week) Spark keys of a dated article, and the blocks of an undated
    one; the blocks are the cluster index's (``index.block_keys``)."""
    from marsad.stories.index import block_keys, day_number

    keys = block_keys(f)
    day = day_number(f)
    if day is None:
        return [], keys
    bucket = day // _week_size()
    return [("block", key, b) for key in keys for b in (bucket, bucket - 1)], []


def lsh_blocks(f: Features) -> list[tuple]:
    """The LSH buckets of an article's text signature, for the thresholds that
    clustering (text candidates) and copy detection use (``index.buckets``)."""
    from marsad.stories.index import buckets

    return [("lsh", bucket) for bucket in buckets(f)]


def _links_in_block(members: Iterable[Features]) -> Iterator[tuple[str, str]]:
    from marsad.stories.cluster import candidate_pairs

    feats = {f.id: f for f in members}
    if len(feats) < 2:
        return
    for a, b in candidate_pairs(feats):
        if is_link(feats[a], feats[b]):
            yield a, b


def _pairs_in_bucket(ids: Iterable[str]) -> Iterator[tuple[str, str]]:
    yield from combinations(sorted(set(ids)), 2)


def components(links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Connected components: each id that has a link mapped to its component's smallest id."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    # ids without links are their own component; they need no entry
    return {x: find(x) for x in list(parent)}


def _stories_of(group: Iterable[Article]) -> tuple[list[Story], list[Article]]:
    from marsad.pipeline import default_pipeline

    arts = sorted(group, key=lambda a: a.id)
    return default_pipeline().connect(arts), arts


def _block_entries(aid: str, f: Features) -> list[tuple]:
    """(Spark key, member) for one article: its features in its (block, week) keys,
    only its id in its LSH buckets (their pairs are scored after a join)."""
    dated, _ = week_blocks(f)
    return [(key, f) for key in dated] + [(key, aid) for key in lsh_blocks(f)]


def _block_output(key: tuple, members: Iterable) -> Iterator[tuple[str, str, str]]:
    """("link", a, b) for a scored link of a block, ("pair", a, b) for an LSH pair."""
    if key[0] == "block":
        for a, b in _links_in_block(members):
            yield "link", a, b
    else:
        for a, b in _pairs_in_bucket(members):
            yield "pair", a, b


def connect_blocked(articles: RDD) -> Connected:
    """Build the stories on the executors, one connected group of candidate links at a time.

    ``articles`` is read twice (features, then the groups): pass a persisted
    RDD, or one computed from a persisted one, as ``annotate_rdd`` gives.
    An LSH bucket is paired out in full, as on one machine: thousands of
    identical texts (empty pages, one wire copy everywhere) make a large bucket.
    """
    from pyspark import StorageLevel

    from marsad.stories.features import features

    sc = articles.context
    parts = max(sc.defaultParallelism, articles.getNumPartitions())
    feats = articles.map(lambda a: (a.id, features(a))).persist(StorageLevel.MEMORY_AND_DISK)

    # One shuffle groups every block: (block, week) keys and LSH buckets.
    blocks = feats.flatMap(lambda kv: _block_entries(*kv))
    undated = feats.flatMap(lambda kv: [(key, kv[1]) for key in week_blocks(kv[1])[1]])
    if not undated.isEmpty():
        # An undated article joins every week of its blocks, and a block of its own.
        weeks_of_block = (blocks.filter(lambda kv: kv[0][0] == "block")
                          .map(lambda kv: (kv[0][1], kv[0])).distinct(parts))
        blocks = blocks.union(weeks_of_block.join(undated, parts).map(lambda kv: kv[1]))
        blocks = blocks.union(undated.map(lambda kf: (("block", kf[0], None), kf[1])))
    found = blocks.groupByKey(parts).flatMap(lambda kv: _block_output(*kv))

    block_links = found.filter(lambda t: t[0] == "link").map(lambda t: (t[1], t[2]))
    # LSH pairs: join the features of both ends back to score them.
    lsh_links = (found.filter(lambda t: t[0] == "pair").map(lambda t: (t[1], t[2])).distinct(parts)
                 .join(feats, parts).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
                 .join(feats, parts).filter(lambda kv: is_link(kv[1][0][1], kv[1][1]))
                 .map(lambda kv: (min(kv[0], kv[1][0][0]), max(kv[0], kv[1][0][0]))))

    links = set(block_links.collect()) | set(lsh_links.collect())
    feats.unpersist()
    comp = components(sorted(links))
    sizes: dict[str, int] = {}
    for root in comp.values():
        sizes[root] = sizes.get(root, 0) + 1
    lookup = sc.broadcast(comp)

    built = (articles.map(lambda a: (lookup.value.get(a.id, a.id), a)).groupByKey(parts)
             .map(lambda kv: _stories_of(kv[1])).persist(StorageLevel.MEMORY_AND_DISK))
    n_components = built.count()
    return Connected(stories=built.flatMap(lambda sa: sa[0]), articles=built.flatMap(lambda sa: sa[1]),
                     n_components=n_components, largest_component=max(sizes.values(), default=1),
                     _built=built)
