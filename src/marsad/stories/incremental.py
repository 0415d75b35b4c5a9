"""Stories kept up to date one batch at a time: the cost of an ingest grows with
the batch, not with the archive.

A story never spans two *components* (articles linked to each other, directly
or through others: copies, or pairs that clustering scores over its threshold),
and clustering inside a component depends on its articles only
(``cluster.cluster_with_components``). So for a batch of new or changed
articles (those the store lists as ``unclustered_ids``):

1. their cluster index entries are saved as pending (blocks and LSH buckets,
   no signature), so that look-ups see the batch too;
2. the stored articles that could pair with one of them are looked up as
   ``cluster.candidate_pairs`` would pair them: the same block (an actor, an
   actor's country, the actor pair, the type and place of an actorless event;
   ``index.block_keys``) within the date window, the first ``UNDATED_COMPARISONS`` of a block for an
   article without a day (and every undated article of a block whose head the
   new article is in), a shared LSH bucket;
3. the candidates that link to a new article bring in their whole component;
4. the batch and those components are clustered together, stories are named
   (``naming``: a story keeps its id when it gains articles; on a merge the
   larger, then older, keeps it), and only the stories whose articles changed
   are assembled again and written;
5. the entries of every article touched are saved with their new components
   (which clears the pending mark: an interrupted update is redone next time).

The result is the full recompute's (``restory``) whenever no block exceeds the
caps of ``candidate_pairs`` (more than ``MAX_BLOCK_COMPARISONS`` articles of one
actor within the date window, or more than ``UNDATED_COMPARISONS`` in a block
that holds an article without a day): past them, the full recompute applies the
caps to the whole archive's block and the incremental path to the articles it
looked up, and stories can differ (see docs/stories.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.model import Article
from marsad.stories import assemble_stories
from marsad.stories.cluster import DATE_WINDOW_DAYS, UNDATED_COMPARISONS, cluster_with_components, is_link
from marsad.stories.dedup import duplicate_groups, signature_from_bytes
from marsad.stories.features import Features, features
from marsad.stories.index import block_keys, buckets, cluster_entry, day_number
from marsad.stories.naming import name_groups


@dataclass
class StoryUpdate:
    clustered: int = 0        # new or changed articles placed in stories
    reclustered: int = 0      # articles clustered again (the batch and the components it touches)
    written: int = 0          # stories assembled and written
    removed: int = 0          # old stories that no longer exist (merged or split)
    full: bool = False        # a full recompute ran instead


def update_stories(store) -> StoryUpdate:
    """Place the articles saved since the last update into stories."""
    pending = store.unclustered_ids()
    if not pending:
        return StoryUpdate()
    if not store.has_clustered_articles():
        # Nothing clustered yet (a new database, or one from before the cluster index).
        return restory(store)
    return _update(store, pending)


def restory(store) -> StoryUpdate:
    """Recompute every story from all stored articles; existing stories keep their ids."""
    articles = list(store.iter_articles())
    by_id = {a.id: a for a in articles}
    feats = {a.id: features(a) for a in articles}
    duplicates = duplicate_groups({k: f.signature for k, f in feats.items()})
    groups, components = cluster_with_components(feats, duplicates)
    names = name_groups(groups, {a.id: a.story_id for a in articles}, {a.id: a.published for a in articles})
    old_ids = {a.story_id for a in articles if a.story_id}
    stories = assemble_stories(groups, names, by_id, duplicates)
    store.replace_stories(stories, articles)
    store.replace_cluster_entries(_entries(articles, feats, components))
    return StoryUpdate(clustered=len(articles), reclustered=len(articles), written=len(stories),
                       removed=len(old_ids - set(names)), full=True)


def _update(store, pending: list[str]) -> StoryUpdate:
    batch = {a.id: a for a in store.articles_by_id(pending)}
    before = store.cluster_entries(batch)
    feats: dict[str, Features] = {aid: features(a) for aid, a in batch.items()}
    store.save_cluster_entries([cluster_entry(feats[aid], before[aid].component if aid in before else aid,
                                              pending=True) for aid in batch])

    # Stored articles that could pair with the batch, and those that do link to it.
    candidates: dict[str, set[str]] = {aid: _candidates(store, feats[aid]) - {aid} for aid in batch}
    loaded = _load(store, set().union(*candidates.values()) - set(batch))
    feats.update(loaded[1])
    linked = {aid for aid in loaded[0] if any(is_link(feats[n], feats[aid]) for n in batch if aid in candidates[n])}
    components = {loaded[2][aid].component for aid in linked if aid in loaded[2]}
    components |= {e.component for e in before.values()}

    # The batch with the whole components it touches.
    members = (store.component_members(components) | linked) - set(batch)
    arts = dict(batch)
    arts.update(loaded[0])
    more = _load(store, members - set(arts))
    arts.update(more[0])
    feats.update(more[1])
    affected = set(batch) | members
    arts = {aid: arts[aid] for aid in sorted(affected)}
    sub = {aid: feats[aid] for aid in arts}

    duplicates = duplicate_groups({k: f.signature for k, f in sub.items()})
    groups, links = cluster_with_components(sub, duplicates)
    previous = {aid: a.story_id for aid, a in arts.items()}
    names = name_groups(groups, previous, {aid: a.published for aid, a in arts.items()})

    old_members: dict[str, set[str]] = {}
    for aid, sid in previous.items():
        if sid:
            old_members.setdefault(sid, set()).add(aid)
    touched = [k for k, ids in enumerate(groups)
               if set(ids) & set(batch) or old_members.get(names[k]) != set(ids)]
    kept = {names[k] for k in range(len(groups))} - {names[k] for k in touched}
    stories = assemble_stories([groups[k] for k in touched], [names[k] for k in touched], arts, duplicates)
    written = [arts[aid] for k in touched for aid in groups[k]]
    store.update_stories(stories, written, removed=set(old_members) - kept)
    # Assembly may have dated undated articles (their blocks move): index them as they are now.
    for art in written:
        if not art.published:
            sub[art.id] = features(art, sub[art.id].signature)
    store.save_cluster_entries([cluster_entry(sub[aid], links[aid]) for aid in arts])
    return StoryUpdate(clustered=len(batch), reclustered=len(arts), written=len(stories),
                       removed=len(set(old_members) - set(names)))


def _candidates(store, f: Features) -> set[str]:
    """The stored articles that ``cluster.candidate_pairs`` could pair with ``f``'s article."""
    found = store.bucket_members(buckets(f))
    day = day_number(f)
    for key in block_keys(f):
        head = store.block_head(key, UNDATED_COMPARISONS)
        if day is None:
            found.update(head)
        else:
            found.update(store.block_members(key, day - DATE_WINDOW_DAYS, day + DATE_WINDOW_DAYS))
        if f.id in head:
            found.update(store.block_undated(key))
    return found


def _load(store, ids: set[str]):
    """Stored articles, their features (from the stored signatures) and their entries."""
    arts = {a.id: a for a in store.articles_by_id(ids)}
    entries = store.cluster_entries(arts)
    feats = {}
    for aid, art in arts.items():
        sig = entries[aid].signature if aid in entries else None
        feats[aid] = features(art, signature_from_bytes(sig) if sig else None)
    return arts, feats, entries


def _entries(articles: list[Article], feats: dict[str, Features], components: dict[str, str]):
    for art in articles:
        f = feats[art.id]
        if not art.published:  # assembly may have dated it
            f = features(art, f.signature)
        yield cluster_entry(f, components[art.id])
