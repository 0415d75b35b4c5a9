"""Event coding: Arabic sentences to PLOVER events (type, mode, CAMEO code).

Stage ``code_events(article) -> Article`` fills ``article.events``. Per sentence:

1. find trigger words and collocations from ``data/lexicons/triggers.json``
   (longest, most specific match wins where matches overlap) and drop those
   whose negative contexts appear (sports, counts of past protesters …);
2. keep as events only the heads of clauses: a verbal noun after another trigger
   in its clause (دعا إلى ضبط النفس تجاه الاحتجاجات), one with a glued ل/ب
   (purpose: لزيارة), or a definite one outside the headline (الزيارة = the visit
   already told) is only a *mention*, which still counts as evidence;
3. fill actors (``event_args``), place, date (the temporal tagger's clause date),
   modality (planned / denied / hypothetical cues before the trigger), source
   (attribution: وفق، بحسب، نقلت عن، قال بيان) and whether it is background
   (a recap: كان قد، في وقت سابق, or a date before the article's own);
4. merge repeats of one event and pick the main event (``event_main``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from marsad.annotate import event_classifier
from marsad.annotate.dates import clause_date, in_temporal_clause
from marsad.annotate.event_args import (ENCOUNTER_TYPES, LOCATION_TYPES, Frame, after_place_noun, after_relative, aid_donor, country_of_place,
                                       names_a_pair, pick_actors,
                                       organ_doer, pick_location, place_after, place_party, share_converse_parties,
                                       speaker_roles)
from marsad.annotate.event_lexicon import (VERBAL, Lexicon, TriggerEntry, cue_matches, cue_search, iter_matches,
                                          literal_words, load_lexicon)
from marsad.annotate.event_context import (attribution_of, event_date, is_background, is_future, modality_of,
                                          reference_date)
from marsad.annotate.event_direction import (alludes_types, allusion_phrases, domestic_unless_foreign, is_domestic,
                                            mission_nouns, organ_acts, solidarity_words)
from marsad.annotate.event_main import Candidate, choose_main, merge_headline_with_lead, merge_repeats
from marsad.annotate.event_text import (ArticleView, Mention, clause_openers, commentary_verbs, doing_verbs, prepositions,
                                       relative_pronouns, temporal_subordinators, threat_verbs, verdict_verbs)
from marsad.model import Article, Entity, Event, Evidence, Sentence, Span
from marsad.data import read_lexicon
from marsad.text.normalize import normalize_key
from marsad.text.tokens import clitic_variants

_HARD_STOP = re.compile(r"[؛;:.!?؟\n]")   # quotes and brackets may sit inside a clause
# a pronoun suffix on a verbal noun: لقائه، زيارتها، اتفاقهما (the doer is named before it)
_POSSESSIVE = re.compile(r"(?:هما|هم|ها|ته|يه)$")
_CATEGORY_RANK = {"collocations": 0, "perfect": 1, "imperfect": 1, "passive": 1, "masdar": 2}


@dataclass
class Hit:
    """One trigger match in a sentence."""

    entry: TriggerEntry
    category: str
    words: int
    nstart: int
    nend: int
    pre: str
    mention_only: bool = False
    head_nend: int = 0
    gaps: tuple[tuple[int, int], ...] = ()     # spans inside '*' gaps (the subject, a date)
    refined: tuple[str, str] | None = None   # (mode, cameo) from a mode refiner
    reacted: bool = False         # the object of a reaction (رحبت … بتوقيع): an event of its own
    governed: bool = False        # a verbal noun that is the object of an earlier trigger (أدان الهجوم)
    anaphor: bool = False         # a definite verbal noun outside the headline (الزيارة): told before?
    purpose: bool = False         # a verb with purpose ل (ليلتقي، للتوصل إلى): planned at most


@dataclass
class SentenceInfo:
    index: int
    sentence: Sentence
    nstart: int
    nend: int
    role: str        # headline | lead | body
    position: int    # 0 for the headline/lead, then counting body sentences


def code_events(article: Article) -> Article:
    """Fill ``article.events`` with coded events, exactly one of them ``main``."""
    if not isinstance(article, Article):
        raise TypeError(f"code_events expects an Article, got {type(article).__name__}")
    article.events = []
    if not article.text or not article.sentences:
        return article
    lex = load_lexicon()
    view = ArticleView.of(article)
    candidates: list[Candidate] = []
    for info in _sentence_roles(article, view):
        hits = _find_hits(view, lex, info)
        # a toll in a sentence that names its own attack (أسفر القصف عن مقتل X) is that attack's
        hits = [h for h in hits if not (h.entry.told_before and any(
            o.entry.type == h.entry.type and not o.entry.told_before for o in hits))]
        candidates.extend(_code_sentence(article, view, lex, info, hits))
    _first_tellings(candidates)
    _carry_subjects(candidates)
    events = merge_headline_with_lead(merge_repeats(candidates))
    # the learned sentence classifier, off unless MARSAD_EVENT_CLASSIFIER is on (docs/events.md)
    model = event_classifier.active_model() if candidates else None
    if model is not None:
        prior, scorer = event_classifier.main_prior(model, article.sentences)
        main = choose_main(events, prior)
    else:
        main = choose_main(events)
    mc = next((c for c in events if c.event is main), None) if main is not None else None   # its candidate, for the steps below
    if main is not None:
        _narrow_countries(events, mc, main)
        _allusion_party(view, article, main)
        _home_country(view, article, mc, main)
        _armed_group_at_home(view, article, mc, main)
    if main is not None and main.type == "CONSULT":
        _name_delegation_heads(view, main)
    if main is not None and main.date is None:
        main.date = _lead_date(article, view, events, main)
    if main is not None and main.date is None and main.modality == "asserted":
        main.date = reference_date(article)    # told in the present with no date of its own
    if main is not None:
        _head_of_state_host(article, mc, main)
    _attach_anaphors(events)
    _repressed_protests(view, article, events)
    # a recap of an earlier event (كان قد، ويأتي ذلك بعد، منذ) is background to the news, not a
    # new event this article reports: kept only when nothing else could be the main event
    article.events = [c.event for c in events if not c.mention_only and (not c.background or c.event.main)]
    if model is not None:
        article.events = event_classifier.gate_events(scorer, article.events)
    return article


_ANAPHOR_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})


def _allusion_party(view: ArticleView, article: Article, main: Event) -> None:
    """قال X إن بلاده لن تخضع للضغوط، في إشارة إلى Y: a statement whose speaker
    names no other party is aimed at the one news writing names after «في إشارة إلى» in the
    statement's sentence after its trigger, else in the lead (``allusion`` in
    event_direction.json)."""
    if main.actor1 is None or main.actor2 is not None or main.type not in alludes_types() or main.trigger is None:
        return
    sent = article.sentence_at(main.trigger.start)
    if sent is None:
        return
    # the statement's sentence after its trigger, else the lead, where news puts the allusion
    spans = [(main.trigger.end, sent.end)]
    if article.sentences and article.sentences[0] is not sent:
        spans.append((article.sentences[0].start, article.sentences[0].end))
    words = view.words
    for start, end in spans:
        i, stop = view.word_index(view.to_norm(start)), view.word_index(view.to_norm(end))
        for phrase in allusion_phrases():
            n = len(phrase)
            for k in range(i, max(i, stop - n + 1)):
                if tuple(view.ntext[a:b] for a, b in words[k:k + n]) != phrase:
                    continue
                after = view.to_original(words[k + n - 1][1], words[k + n - 1][1])[0]
                m = next(iter(view.mentions(after, end)), None)
                # في إشارة إلى [المطالب التي تقدمها] Y: the name within a short phrase
                if m is not None and view.words_between(view.to_norm(after), view.to_norm(m.start)) <= 4 \
                        and m.entity.actor().key != main.actor1.key:
                    main.actor2 = m.entity.actor()
                return


def _home_country(view: ArticleView, article: Article, mc: Candidate | None, main: Event) -> None:
    """An act done at home that the text tells without naming anyone (اعتقال خمسة متهمين في
    المحافظة، خرجت مظاهرات أمام البرلمان، تفريق المحتجين بالغاز) is coded, as CAMEO codes an
    unnamed crowd, police or court, with both parties of the country where it happened
    (``domestic`` in event_direction.json): the one country of the places its sentence names,
    else the country whose places the article names most (strictly more often than any
    other). A protest told with another country or a solidarity word is left alone."""
    if main.actor1 is not None or main.actor2 is not None or main.trigger is None \
            or not is_domestic(main.type, main.mode):
        return
    sent = article.sentence_at(main.trigger.start)
    if mc is None or sent is None:
        return
    if domestic_unless_foreign(main.type) and any(
            solidarity_words().intersection(normalize_key(e.sentence or "").split()) for e in main.evidence):
        return                                   # وقفة تضامنا مع غزة: addressed abroad
    # places by name: a nationality (عناصر إسرائيلية) may be those acted on, not where it happened
    here = [m for m in view.mentions(sent.start, sent.end, types=LOCATION_TYPES) if m.entity.country]
    countries = {m.entity.country for m in here}
    named = countries | {m.entity.country for m in view.mentions(sent.start, sent.end, nisba=True)}
    if len(named) > 1:
        return                                   # two countries named: whose act it is is unclear
    if not here:
        if named:
            return
        most = _most_named_place(article)
        if most is None:
            return
        here = [most]
    elif domestic_unless_foreign(main.type) and mc.countries - countries:
        return                                   # a protest whose sentence names another country
    country = country_of_place(here[0])
    if country is None:
        return
    main.actor1 = main.actor2 = country.entity.actor()
    mc.actor1_mention = mc.actor2_mention = country


def _most_named_place(article: Article) -> Mention | None:
    """A place of the country whose places (names and nationality adjectives) the article
    names most, strictly more often than any other country's; None on a tie or none."""
    counts: dict[str, list] = {}
    for e in article.entities:
        if e.type in LOCATION_TYPES and e.country:
            counts.setdefault(e.country, []).append(e)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or (len(ranked) > 1 and len(ranked[1]) >= len(ranked[0])):
        return None
    e = ranked[0][0]
    return Mention(e.start, e.end, e, None)


def _armed_group_at_home(view: ArticleView, article: Article, mc: Candidate | None, main: Event) -> None:
    """An attack by an armed group (a militia, an insurgency: ``kind`` armed_group in the
    knowledge base) told with no target named, in an article that names no other country or
    whose places are mostly those of the group's own country, and whose tellings name no other
    country (أحرق مسلحو الجماعة قرية نائية), struck that country's people: CAMEO codes the
    unnamed victims as the country's civilians. A group striking abroad names the place or
    country it struck."""
    if main.type != "ASSAULT" or main.actor1 is None or main.actor2 is not None or not main.actor1.country:
        return
    if mc is None or mc.actor1_mention is None or mc.actor1_mention.entity.type != "ORG":
        return
    from marsad.annotate.knowledge import load_kb      # the knowledge base loads once, on first need
    kb_id = mc.actor1_mention.entity.kb_id
    if not kb_id or (load_kb().organizations.get(kb_id) or {}).get("kind") != "armed_group":
        return
    home = main.actor1.country
    for e in main.evidence:
        sent = article.sentence_at(e.start)
        if sent is not None and _countries_named(view, sent.start, sent.end) - {home}:
            return                               # another country named where the attack is told
    if {e.country for e in article.entities if e.country} <= {home}:
        most = mc.actor1_mention                 # the article names no country but the group's
    else:
        most = _most_named_place(article)
        if most is None or most.entity.country != home:
            return
    country = country_of_place(most)
    if country is not None:
        main.actor2, mc.actor2_mention = country.entity.actor(), country


_STATE_VISIT_MODES = frozenset({"visit", "host"})


def _head_of_state_host(article: Article, mc: Candidate | None, main: Event) -> None:
    """A head of state's visit to a country, or hosting of one (رئيس السنغال يزور موريتانيا), is
    an encounter with that country's head of state, when the text names no one of that
    country for it: the knowledge base's one holder of a head-of-state office there on
    the event's date (or the article's). Only where the other party is itself a head of
    state on that day (a minister's visit is left to the country), and never without a date."""
    if main.type != "CONSULT" or main.mode not in _STATE_VISIT_MODES or main.actor1 is None or main.actor2 is None:
        return
    day = main.date or reference_date(article)
    if mc is None or not day or len(day) < 10:
        return
    from marsad.annotate.knowledge import load_kb      # the knowledge base loads once, on first need
    kb = load_kb()
    heads = list(kb.titles.head_of_state)
    for i, (person, place) in enumerate(((main.actor1, main.actor2), (main.actor2, main.actor1))):
        if person.kind != "PERSON" or not person.kb_id or place.kind != "GPE" or not place.country \
                or place.kb_id != place.country or place.country == person.country or not person.country:
            continue
        if person.kb_id not in {p["id"] for p in kb.holders(heads, country=person.country, on=day[:10])}:
            return
        if any(e.type == "PERSON" and e.country == place.country for e in article.entities):
            return                                # the article names whom of that country it met
        hosts = kb.holders(heads, country=place.country, on=day[:10])
        if len(hosts) != 1:
            return
        p = hosts[0]
        m = mc.actor2_mention if i == 0 else mc.actor1_mention
        if m is None:
            return
        role = kb.role_on(p, day[:10], set(heads))
        host = Entity(m.start, m.end, m.entity.text, type="PERSON", name_en=p.get("name_en"),
                      name_ar=(p.get("names_ar") or [None])[0], wikidata=p.get("wikidata"),
                      country=place.country, role=kb.role_label(role, place.country) if role else None,
                      kb_id=p["id"], how="role")
        mention = Mention(m.start, m.end, host, m.prep)
        if i == 0:
            main.actor2, mc.actor2_mention = host.actor(), mention
        else:
            main.actor1, mc.actor1_mention = host.actor(), mention
        return


def _narrow_countries(cands: list[Candidate], mc: Candidate | None, main: Event) -> None:
    """News tells its main event more than once (headline, lead, the body's details) and
    names a party by its country in one telling and by the person, force or group of
    that country in another: إيران تهدد إسرائيل / قال شمخاني؛ شنت إسرائيل غارة
    على لبنان / قصف أهداف قالت إنها تابعة لحزب الله. A main-event party named only by its
    country takes the person or body of that same country (a body only for the party
    acted on: a person of that country is one of its victims) that holds its place in
    another telling of the act (same type and same other party, or a body of its
    country). The country stays right where the country is all that matters."""
    if mc is None:
        return
    slots = [mc.actor1_mention, mc.actor2_mention]
    for i in (0, 1):
        m, other = slots[i], slots[1 - i]
        if m is None or m.entity.type != "GPE" or not m.entity.country:
            continue
        for c in sorted(cands, key=lambda c: c.sentence_index):
            if c is mc or c.background or c.event.type != main.type or c.reaction:
                continue
            pair = [c.actor1_mention, c.actor2_mention]
            x, y = pair[i], pair[1 - i]
            # a person of the country acted on is one of its victims or envoys, not the country
            if x is None or x.entity.type not in (("PERSON", "ORG") if i == 0 else ("ORG",)) \
                    or x.entity.country != m.entity.country:
                continue
            if y is None or other is None or (y.key != other.key and not (
                    y.entity.country and y.entity.country == other.entity.country)):
                continue      # no other party to tie it to the main act, or another party
            if x.key == other.key:
                continue
            slots[i] = x
            if i == 0:
                mc.actor1_mention, main.actor1 = x, x.entity.actor()
            else:
                mc.actor2_mention, main.actor2 = x, x.entity.actor()
            break


def _attach_anaphors(cands: list[Candidate]) -> None:
    """A definite verbal noun that refers back to an attack, protest or arrest told before it
    (وأدى القصف إلى مقتل …، وقوع تسعة قتلى في الهجوم، وشهدت التظاهرة …) is evidence of the nearest
    earlier event of its type, so that its sentence is known to report it. Done after the main
    event is chosen: it adds evidence only."""
    told = [c for c in cands if not c.mention_only]
    for c in cands:
        if not (c.mention_only and c.anaphor and not c.background and c.event.type in _ANAPHOR_TYPES
                and c.event.modality == "asserted" and not c.subordinate):
            continue
        before = [o for o in told if o.event.type == c.event.type and min(o.sentences) < c.sentence_index]
        if c.entry_id in _told_before_ids() and any(
                o is not c and o.event.type == c.event.type and o.entry_id not in _told_before_ids()
                and c.sentence_index in o.sentences for o in cands):
            continue              # وقُتل X بهجوم طعن …: a toll that names its own attack is that attack's
        if before:
            target = max(before, key=lambda o: min(o.sentences)).event
            target.evidence.extend(e for e in c.event.evidence if e not in target.evidence)


# the modes of COERCE that act on a crowd (dispersal, tear gas, arrests), and how many words after
# the trigger the crowd it acts on may stand (أطلقت قوات الأمن، الجمعة، الغاز المسيل للدموع في مواجهة متظاهرين)
_CROWD_MODES = frozenset({"repress", "arrest"})
PATIENT_REACH = 6


@lru_cache(maxsize=1)
def _protest_patients() -> tuple[frozenset[str], frozenset[str]]:
    """Protesters and protests as the object of a repression (modality.json), with and without
    ال; and the words that end the search for them (a charge, a relative or temporal clause)."""
    data = read_lexicon("modality.json")["protest_patients"]
    words = {normalize_key(w) for w in data["words"]}
    stops = {normalize_key(w) for w in data["stops"]} | relative_pronouns() | temporal_subordinators()
    return frozenset(words | {"ال" + w for w in words}), frozenset(stops)


def _repressed_protests(view: ArticleView, article: Article, cands: list[Candidate]) -> None:
    """A repression or arrest told as acting on protesters or their protest (فرقت الشرطة
    المتظاهرين، أطلقت الغاز على المحتجين، قمع تظاهرات، تفريق موكب) tells that the protest took
    place: its sentence is evidence of the article's protest (the nearest one told). The crowd
    stands inside the trigger or up to PATIENT_REACH words after it, in its clause. Where the
    article tells no protest in words of its own, the crowd stays the object of the repression,
    no event of its own (فرقت الشرطة المتظاهرين is one event). Done after the main event is
    chosen: it adds evidence only."""
    told = [c for c in cands if c.event.type == "PROTEST" and not c.mention_only and not c.background
            and c.event.modality == "asserted"]
    if not told:
        return
    patients, stops = _protest_patients()
    starts = [s.start for s in article.sentences]
    found: list[tuple[int, int, int]] = []
    for c in cands:
        ev = c.event
        if ev.type != "COERCE" or ev.mode not in _CROWD_MODES or c.mention_only or c.background \
                or ev.modality != "asserted":
            continue
        for e in ev.evidence:
            idx = bisect.bisect_right(starts, e.start) - 1
            if idx < 0:
                continue
            lo, hi = view.sentence_norm(article.sentences[idx])
            ns, ne = view.to_norm(e.start), view.to_norm(e.end)
            clause_hi = view.clause_bounds(max(ns, ne - 1), lo, hi)[1]
            i, j = view.word_index(ns), view.word_index(ne) + PATIENT_REACH
            for ws, we in islice(view.words, i, min(j, len(view.words))):
                if ws >= clause_hi:
                    break
                forms = clitic_variants(view.ntext[ws:we])
                if ws >= ne and not stops.isdisjoint(forms):
                    break
                if not patients.isdisjoint(forms):
                    found.append((idx, *view.to_original(ws, we)))
                    break
    for idx, start, end in found:
        sent = article.sentences[idx]
        if any(sent.start <= e.start < sent.end for c in told for e in c.event.evidence):
            continue                      # the sentence already tells the protest
        target = min(told, key=lambda o: min(abs(k - idx) for k in o.sentences))
        target.event.evidence.append(Evidence(article.id, start, end, sent.text))


def _first_tellings(cands: list[Candidate]) -> None:
    """A definite verbal noun refers back to an event already told (الزيارة); when no event
    and nothing of its type was told before it (يشارك في التمرين البحري المشترك, the article's
    first word on an exercise), it tells the event itself."""
    seen: set[str] = set()
    told = False                       # any event told before: the noun may refer to it
    acts = {c.sentence_index for c in cands if not c.mention_only}
    for c in sorted(cands, key=lambda c: c.sentence_index):
        # (an act told in the same sentence governs it: المفاوضات انتهت دون التوصل إلى اتفاق)
        if c.anaphor and not told and c.event.type not in seen and not c.background \
                and c.sentence_index not in acts and c.entry_id not in _told_before_ids():
            c.mention_only = False
        seen.add(c.event.type)
        told = told or not c.mention_only


@lru_cache(maxsize=1)
def _told_before_ids() -> frozenset[str]:
    """Entries whose words only ever add evidence to an act told before (a toll)."""
    return frozenset(e.id for e in load_lexicon().entries if e.told_before)


_DELEGATION = frozenset({"الوفد", "وفد", "وفدا"})


def _name_delegation_heads(view: ArticleView, main: Event) -> None:
    """Talks between countries are talks between the heads of their delegations when
    the article names them (ترأس الوفد الأمريكي المبعوث X، فيما ترأس الوفد الإيراني الوزير Y):
    a country actor becomes the person of that country named within eight words
    after «الوفد + its nationality»; a missing partner becomes the other head."""
    heads: dict[str, Mention] = {}
    for adj in view.mentions(0, len(view.text), nisba=True):
        before = view.words_before(view.to_norm(adj.start), 1)
        country = adj.entity.country
        if not before or before[0].lstrip("وفبل") not in _DELEGATION or not country or country in heads:
            continue
        _, clause_end = view.clause_bounds(view.to_norm(adj.end), 0, len(view.ntext))
        end = view.to_original(clause_end, clause_end)[0] if clause_end < len(view.ntext) else len(view.text)
        person = next((m for m in view.mentions(adj.end, end, types=("PERSON",))
                       if m.entity.country == country
                       and view.words_between(view.to_norm(adj.end), view.to_norm(m.start)) <= 8), None)
        if person is not None:
            heads[country] = person
    if not heads:
        return
    used = set()
    for slot in ("actor1", "actor2"):
        actor = getattr(main, slot)
        if actor is not None and actor.kind == "GPE" and actor.country in heads:
            setattr(main, slot, heads[actor.country].entity.actor())
            used.add(actor.country)
    if main.actor1 is not None and main.actor2 is None and used:
        others = [m for c, m in heads.items() if c not in used and c != main.actor1.country]
        if len(others) == 1:
            main.actor2 = others[0].entity.actor()


def _lead_date(article: Article, view: ArticleView, events: list[Candidate], main: Event) -> str | None:
    """The day of an undated main event from where the lead tells it: the first recent
    day (a week before the article's date at most) in the first non-headline sentence
    of its evidence, else in the lead when the lead tells no other event (وقّع ممثلو
    الطرفين، مساء أمس الخميس، … under a headline «الطرفان يوقعان»)."""
    best = next((c for c in events if c.event is main), None)
    if best is None:
        return None
    return _lead_day(article, _sentence_roles(article, view), best.sentences,
                     lambda k: any(c.sentence_index == k and not c.mention_only for c in events))


def lead_date(article: Article) -> str | None:
    """``code_events``'s lead-date rule for the article's main event as coded, read from
    its evidence (the sentences that tell it) and the article's events, without coding
    the article again: the stories' second date pass, once an undated article's
    relative dates are resolved against its story's day."""
    main = article.main_event
    if main is None or not article.sentences:
        return None
    infos = _sentence_roles(article, ArticleView.of(article))

    def sentence_of(offset: int) -> int | None:
        return next((i.index for i in infos if i.sentence.start <= offset < i.sentence.end), None)

    told = {k for k in (sentence_of(e.start) for e in main.evidence) if k is not None}
    return _lead_day(article, infos, told,
                     lambda k: any(ev.evidence and sentence_of(ev.evidence[0].start) == k for ev in article.events))


def _lead_day(article: Article, infos: list[SentenceInfo], sentences: set[int],
              tells_event: Callable[[int], bool]) -> str | None:
    """The lead-date rule for a main event told in ``sentences``; ``tells_event(k)``: does
    sentence ``k`` tell an event (asked of the lead only, where the rule needs it)."""
    if not {infos[i].role for i in sentences} & {"headline", "lead"}:
        return None
    told = sorted(i for i in sentences if infos[i].role != "headline")
    lead = next((i for i in infos if i.role == "lead"), None)
    if not told and lead is not None and not tells_event(lead.index):
        told = [lead.index]
    ref = reference_date(article)
    for idx in told[:1]:
        s = infos[idx].sentence
        for d in article.dates:
            if s.start <= d.start < s.end and d.value and len(d.value) == 10 and _recent(d.value, ref) \
                    and not in_temporal_clause(article, d):
                return d.value
    return None


def _recent(day: str, ref: str | None) -> bool:
    """Is ``day`` the article's date or up to a week before it (the news, not a recap)?"""
    if not ref or len(ref) < 10:
        return True
    try:
        gap = (dt.date.fromisoformat(ref[:10]) - dt.date.fromisoformat(day)).days
    except ValueError:
        return False
    return 0 <= gap <= 7


# --- sentences --------------------------------------------------------------

def _sentence_roles(article: Article, view: ArticleView) -> list[SentenceInfo]:
    """Headline (title line), lead (first full sentence) and body positions."""
    title_key = normalize_key(article.title or "")
    out: list[SentenceInfo] = []
    lead_seen = False
    body = 0
    for i, s in enumerate(article.sentences):
        ns, ne = view.sentence_norm(s)
        n_words = view.words_between(ns, ne)
        key = normalize_key(s.text)
        is_title = bool(key) and bool(title_key) and (key == title_key or key in title_key or title_key in key)
        if i == 0 and (is_title or (n_words <= 18 and not s.text.rstrip().endswith("."))):
            role = "headline"
        elif is_title:
            role = "headline"
        elif not lead_seen and n_words >= 8:
            role, lead_seen = "lead", True
        else:
            role = "body" if lead_seen else "preamble"
        if role == "body":
            body += 1
        out.append(SentenceInfo(i, s, ns, ne, role, body))
    return out


# --- triggers ---------------------------------------------------------------

def _find_hits(view: ArticleView, lex: Lexicon, info: SentenceInfo) -> list[Hit]:
    lo, hi = info.nstart, info.nend
    found: list[Hit] = []
    for entry, category, pat, starts in lex.candidates_in(view.ntext[lo:hi]):
        for m in iter_matches(pat, view.ntext, lo, hi, starts):
            words = m.group().split()
            if set(clitic_variants(words[0])) & lex.never or " ".join(words[:2]) in lex.never:
                continue
            space = next((i for i, ch in enumerate(m.group()) if ch.isspace()), None)
            gaps = tuple(m.span(k) for k, v in m.groupdict().items() if k.startswith("gap") and v)
            found.append(Hit(entry, category, literal_words(m), m.start(), m.end(), m.group("pre") or "",
                             head_nend=m.start() + space if space is not None else m.end(), gaps=gaps))
    # most words first, then collocation > verb > noun, then the earlier head, then the tighter match
    found.sort(key=lambda h: (-h.words, _CATEGORY_RANK[h.category], h.nstart, h.nend - h.nstart))
    verbal_starts = [h.nstart for h in found if h.category != "masdar"]
    kept: list[Hit] = []
    for h in found:
        clash = [k for k in kept if h.nstart < k.nend and k.nstart < h.nend]
        if clash and not _verb_reading(h, clash):
            continue
        if any(a < s < b for a, b in h.gaps for s in verbal_starts) or _gap_opens_clause(view, h):
            continue                # another verb or أن inside the gap: the parts belong to two clauses
        if _is_negative(view, lex, h, lo, hi):
            continue
        if clash:
            kept = [k for k in kept if k not in clash]
        kept.append(h)
    kept.sort(key=lambda h: h.nstart)
    for h in kept:
        _refine_mode(view, lex, h, hi)
    _mark_mentions(view, kept, info)
    return kept


def _verb_reading(h: Hit, clash: list[Hit]) -> bool:
    """Does a collocation headed by its verb hold, inside its span, only shorter readings of
    the same act (فرقت الشرطة بالغاز المسيل للدموع تظاهرتين: the dispersal, not the gas
    alone)? Then the verb's reading is kept with its object, which is no event of its own."""
    return h.category == "collocations" and all(
        k.entry is h.entry and h.nstart < k.nstart and k.nend <= h.nend for k in clash)


def _gap_opens_clause(view: ArticleView, h: Hit) -> bool:
    """Does a collocation's gap hold a clause opener (وأكد أن روسيا … دعم)?"""
    for a, b in h.gaps:
        if any(w in clause_openers() for w in view.ntext[a:b].split()):
            return True
    return False


def _is_negative(view: ArticleView, lex: Lexicon, h: Hit, lo: int, hi: int) -> bool:
    e = h.entry
    if e.negative:
        wlo, whi = view.window(h.nstart, h.nend, 6, lo, hi)
        for pat, starts in e.negative.active_starts(view.ntext[lo:hi]):
            for m in cue_matches(pat, view.ntext, lo, wlo, whi, starts):
                return True
    if e.negative_before:
        before = view.words_before(h.nstart, 3, floor=lo)
        for w in before:
            w2 = w[1:] if w[:1] in "وف" and len(w) > 3 else w
            if w in e.negative_before or w2 in e.negative_before:
                return True
    for name in e.negative_domains:
        domain = lex.domains.get(name)
        if domain and any(cue_search(pat, view.ntext, lo, lo, hi, starts)
                          for pat, starts in domain.active_starts(view.ntext[lo:hi])):
            return True
    return False


def _refine_mode(view: ArticleView, lex: Lexicon, h: Hit, hi: int) -> None:
    for r in lex.refiners:
        if r.type != h.entry.type:
            continue
        _, whi = view.window(h.nend, h.nend, r.after, h.nend, hi)
        if r.cue.search(view.ntext, h.nstart, whi):
            h.refined = (r.mode, r.cameo)
            return


def _strip_conj(pre: str) -> str:
    return pre[1:] if pre[:1] in ("و", "ف") else pre


def _mark_mentions(view: ArticleView, hits: list[Hit], info: SentenceInfo) -> None:
    """Clause heads stay events; complements, purposes and anaphors become mentions."""
    for i, h in enumerate(hits):
        if h.entry.told_before:
            h.mention_only = h.anaphor = True    # وقُتل جنديان: the toll of the attack told before it
            continue
        clause = view.clause_bounds(h.nstart, info.nstart, info.nend)
        # triggers before it in its clause that can govern it (not a noun already told)
        earlier = [k for k in hits[:i] if k.nstart >= clause[0] and not k.entry.carrier
                   and not k.entry.told_before and (k.category in VERBAL or not k.mention_only)]
        pre = _strip_conj(h.pre)
        if earlier and earlier[-1].entry.reaction and not h.entry.reaction and pre[:1] in ("ب", "ل") \
                and not h.entry.carrier and h.entry.type != earlier[-1].entry.type \
                and names_a_pair(view, *view.to_original(h.head_nend, view.clause_bounds(h.head_nend, info.nstart, info.nend)[1])):
            # رحبت السعودية بتوقيع X وY على اتفاق: the welcomed act, told with both its parties,
            # is news in its own right and coded as an event (its doers follow it); a bare
            # object (ترحب برفع العقوبات) stays a mention of the welcome
            h.reacted = True
            continue
        if h.category in ("imperfect", "collocations"):
            prev_word = view.words_before(h.nstart, 1, floor=info.nstart)
            if prev_word and prev_word[0].lstrip("و") in relative_pronouns():
                h.mention_only = True            # قاعدة التي تستضيف قوات، الدعم الذي تقدمه: describes it
                continue
            if pre[:1] == "ل" and (h.category == "imperfect" or len(pre) > 1) \
                    and not _after_casualty(view, h, info):
                h.purpose = True                 # ليلتقي، للتوصل إلى وقف لإطلاق النار: an aim, not yet done
        before_in_clause = [k for k in hits[:i] if k.nstart >= clause[0] and not k.entry.told_before]
        if h.category != "masdar" and (
                (before_in_clause and before_in_clause[-1].governed
                 and _relative_between(view, before_in_clause[-1].nend, h.nstart))
                or _in_reacted_relative(view, hits[:i], h)):
            # أدان الهجوم الذي استهدف مسجدا: the verb of a relative clause describes the
            # condemned (welcomed, denied …) act, it does not tell a new one
            h.mention_only = True
            continue
        if h.category == "masdar":
            if view.ntext[h.nstart:h.nend].lstrip("وف") in _MOTIVE_ACCUSATIVES and any(
                    not k.entry.told_before and (k.category in VERBAL or not k.mention_only) for k in hits[:i]):
                h.mention_only = True            # اعتصموا … احتجاجا على: the motive of the act before it
                continue
            if any(k.category in VERBAL for k in earlier):
                h.mention_only = True            # object of the verb before it
                h.governed = True
            elif pre[:1] in ("ب", "ل") and not (pre[:1] == "ب" and (_after_doing_verb(view, h, info)
                                                           or _after_casualty(view, h, info)
                                                           or _after_verdict_verb(view, h, info))):
                h.mention_only = True            # لزيارة: a purpose, not an act (قامت بإيقافه is the act)
            elif pre.endswith("ال") and info.role != "headline":
                h.mention_only = h.anaphor = True    # الزيارة، خلال الاتصال: the event already told
        # a later trigger in the clause of another is its complement (دعا إلى رفع العقوبات،
        # رحب بقرار رفع العقوبات), unless و/ف or a clause opener (أن، حيث) starts a new act
        if earlier and not h.mention_only and not h.entry.carrier and h.pre[:1] not in ("و", "ف"):
            prev = earlier[-1]
            between = view.words_before(h.nstart, view.words_between(prev.nend, h.nstart), floor=prev.nend)
            if not any(w in clause_openers() or w.lstrip("وف") in clause_openers() for w in between):
                h.mention_only = True


# the verbal noun of protest in the accusative of motive (مفعول لأجله): «اعتصموا أمام الوزارة
# احتجاجا على …», «لوحوا بتنفيذ اعتصام احتجاجا على …» give why the act before them is done
_MOTIVE_ACCUSATIVES = frozenset({normalize_key("احتجاجا"), normalize_key("احتجاجاً")})


def _in_reacted_relative(view: ArticleView, earlier: list[Hit], h: Hit) -> bool:
    """Is the verb inside a relative clause on the object of a reaction before it (أدانت الخارجية،
    السبت، التفجير الذي استهدف مدرسة؛ الاعتداء الذي ضرب تركيا، واستهدف المطار)? At most one comma
    between the relative pronoun and the verb, no clause opener."""
    k = next((k for k in reversed(earlier) if k.entry.reaction), None)
    if k is None:
        return False
    rel = _relative_index(view, k.nend, h.nstart)
    if rel is None:
        return False
    start = view.words[view.word_index(h.nstart) - rel - 1][0]
    return view.ntext.count("،", start, h.nstart) + view.ntext.count(",", start, h.nstart) <= 1


def _relative_between(view: ArticleView, a: int, b: int) -> bool:
    """Does a relative pronoun stand between two points of one clause, no clause opener after it?"""
    return _relative_index(view, a, b) is not None


def _relative_index(view: ArticleView, a: int, b: int) -> int | None:
    """How many words before ``b`` the nearest relative pronoun after ``a`` stands (0: the word
    right before ``b``), or None where there is none or a clause opener stands after it."""
    words = view.words_before(b, view.words_between(a, b), floor=a)
    for i, w in enumerate(words):                 # nearest word first
        if w.lstrip("و") in relative_pronouns():
            return None if any(x in clause_openers() or x.lstrip("وف") in clause_openers() for x in words[:i]) else i
    return None


@lru_cache(maxsize=1)
def _casualty_words() -> frozenset[str]:
    """Words for the killed and injured and their verbs (casualties.json)."""
    data = read_lexicon("casualties.json")
    words = [w for k in ("killed_nouns", "killed_verbal", "injured_nouns", "injured_verbal", "verb_forms")
             for w in data[k]]
    return frozenset(normalize_key(w) for w in words if " " not in w)


def _after_casualty(view: ArticleView, h: Hit, info: SentenceInfo) -> bool:
    """Does ب + verbal noun give the cause of casualties named just before (جرحى مدنيون بقصف مدفعي،
    مقتل شخص بانفجار عبوة): the act itself, not a purpose?"""
    casualty = _casualty_words()
    return any(w.lstrip("وف") in casualty or w in casualty for w in view.words_before(h.nstart, 3, floor=info.nstart))


def _after_verdict_verb(view: ArticleView, h: Hit, info: SentenceInfo) -> bool:
    """Is the verbal noun the sentence a court passed, a verdict verb up to eight words before
    it, commas between (قضت المحكمة البريطانية، اليوم الخميس، بالسجن مدى الحياة)?"""
    return any(w.lstrip("وف") in verdict_verbs() for w in view.words_before(h.nstart, 8, floor=info.nstart))


def _after_doing_verb(view: ArticleView, h: Hit, info: SentenceInfo) -> bool:
    """Is the verbal noun the object of قام ب (up to four words back: قامت فرقة أمنية بإيقاف)?"""
    return any(w.lstrip("وف") in doing_verbs() for w in view.words_before(h.nstart, 4, floor=info.nstart))


def _subordinate(view: ArticleView, h: Hit, info: SentenceInfo) -> bool:
    """Does the trigger stand in a temporal clause (بعد انسحاب X، عقب لقائه، بعد أن التقى، قبل اعتقاله):
    an earlier or later act that dates the news rather than being it?"""
    before = view.words_before(h.nstart, 2, floor=info.nstart)     # nearest word first
    if not before:
        return False
    last = before[0].lstrip("وف")
    if h.category == "masdar":
        return last in temporal_subordinators()
    if last in ("بعدما", "قبيلما") or (last in ("ان", "أن") and len(before) == 2
                                          and before[1].lstrip("وف") in ("بعد", "قبل", "عقب")):
        return True
    return False


def _commented(view: ArticleView, h: Hit, info: SentenceInfo) -> bool:
    """Is the verbal noun the subject of a comment on the news (ويأتي القصف، على الرغم من …)?"""
    before = view.words_before(h.nstart, 1, floor=info.nstart)
    return bool(before) and before[0].lstrip("وف") in commentary_verbs()


def _framed(view: ArticleView, lex: Lexicon, h: Hit, info: SentenceInfo) -> bool:
    """Is the verbal noun the occasion other acts happen in (خلال اتصال هاتفي)?"""
    words = view.words_before(h.nstart, 2, floor=info.nstart)
    if not words:
        return False
    span_start = view.words[max(0, view.word_index(h.nstart) - len(words))][0]
    return any(p.search(view.ntext, span_start, h.nstart) for p in lex.frame)


# --- events -----------------------------------------------------------------

def _code_sentence(article: Article, view: ArticleView, lex: Lexicon, info: SentenceInfo,
                   hits: list[Hit]) -> list[Candidate]:
    sent = info.sentence
    carriers = [h for h in hits if h.entry.carrier and not h.mention_only]
    acts = [h for h in hits if not h.entry.carrier]
    if not any(not h.mention_only for h in acts):
        acts = acts + carriers          # a message with nothing else in it is itself the event
        carriers = []
    attribution = attribution_of(view, lex, info)
    excluded = [attribution[1]] if attribution else []
    out: list[Candidate] = []
    carrier_info = None
    if carriers:
        c = carriers[0]
        frame = _frame(view, lex, info, c)
        a1, a2 = pick_actors(view, frame, excluded)
        carrier_info = (c, a1, a2)
    previous: tuple[Mention | None, Mention | None] | None = None
    for i, h in enumerate(acts):
        start, end = view.to_original(h.nstart, h.nend)
        later = [k.nstart for k in acts[i + 1:] if k.nstart >= h.nend]
        frame = _frame(view, lex, info, h, later[0] if later else None)
        a1, a2 = pick_actors(view, frame, excluded)
        # وبحث معه، حيث عقد لقاء مع …: a verb without its own subject shares the one before it
        if previous is not None and previous[0] is not None and frame.subject_how in ("before", "none") \
                and not frame.nominal:
            a1 = previous[0]
            if a2 is not None and a1 is not None and a2.key == a1.key:
                a2 = None
        elif _shares_subject(view, h, frame, previous[0] if previous else _opening_subject(view, frame), a1):
            # وصل X إلى الرياض والتقى ولي العهد: the coordinated verb's one name is its object
            a1, a2 = (previous[0] if previous else _opening_subject(view, frame)), a1
        elif a2 is None and a1 is not None and _pronoun_object(view, h, frame):
            # وصل أردوغان إلى القاهرة واستقبله السيسي: the pronoun is the earlier subject
            earlier = previous[0] if previous else _opening_subject(view, frame)
            if earlier is not None and earlier.key != a1.key:
                a2 = earlier
        if not h.mention_only:
            previous = (a1, a2)
        mode, cameo = h.refined or (h.entry.mode, h.entry.cameo)
        etype = h.entry.type
        retyped = _retype(view, h, info)
        if retyped is not None:
            etype, mode, cameo = retyped
        retype = h.entry.place_retype
        if retype and view.ntext[h.nstart:h.nend].split()[-1] in ("الي", "الى") \
                and _place_follows(view, h, sent.end):
            etype, mode, cameo = retype["type"], retype["mode"], retype["cameo"]   # دعا ترامب إلى موسكو
        if carrier_info is not None:
            c, c1, c2 = carrier_info
            mode = c.entry.mode
            a1 = c1 or a1
            a2 = c2 or a2
            if a1 is not None and a2 is not None and a1.key == a2.key:
                a2 = None
        if etype == "AID" and a1 is None and not h.entry.receiver_subject:
            a1 = aid_donor(view, frame)           # وصلت طائرة إغاثية سعودية: the donor is on the plane
            if a1 is not None and a2 is not None and a1.key == a2.key:
                a2 = None
        a1, a2 = speaker_roles(view, frame, etype, retyped is not None, a1, a2)   # ترامب: على حماس أن …
        if organ_acts(etype, mode):
            a1, a2 = organ_doer(view, frame, a1, a2)      # فرقت الشرطة المتظاهرين في القاهرة: Egypt's police
        if not h.entry.receiver_subject:
            a2 = _place_party(view, frame, etype, a1, a2)
        modality = modality_of(view, lex, h, info)
        if h.purpose and modality == "asserted":
            modality = "planned"
        if etype in _THREATENED and modality in ("planned", "hypothetical"):
            threat = _threat_of(view, h, info)
            if threat is not None:
                # حذر X من أن مقاتليه سيهاجمون … إذا: the act is what the threat says, the
                # warning is the event, made now by the speaker against the act's target
                speaker = threat[0]
                etype, mode, cameo, modality = "THREATEN", "threaten", "130", "asserted"
                if speaker is not None:
                    a1, a2 = speaker, next((m for m in (a2, a1) if m is not None and m.key != speaker.key), None)
        date_mention = event_date(article, view, h)
        if modality == "asserted" and is_future(article, date_mention):
            modality = "planned"            # dated after the page: announced, not yet done
        background = is_background(view, lex, h, info, article, date_mention)
        ev = Event(
            type=etype, mode=mode, cameo=cameo,
            actor1=a1.entity.actor() if a1 else None, actor2=a2.entity.actor() if a2 else None,
            date=date_mention.value if date_mention else None,
            location=pick_location(view, frame, mode), modality=modality,
            source=attribution[0] if attribution else None,
            trigger=Span(start, end, article.text[start:end]), article_ids=[article.id],
            evidence=[Evidence(article.id, start, end, sent.text)])
        out.append(Candidate(
            event=ev, sentence_index=info.index, role=info.role, position=info.position,
            entry_id=h.entry.id, occasion=h.entry.occasion, carrier=h.entry.carrier,
            reaction=h.entry.reaction,
            mention_only=h.mention_only, background=background,
            framed=h.category in ("masdar", "collocations") and _framed(view, lex, h, info),
            subject_dropped=h.category == "masdar" or _subject_dropped(view, h), dual=_dual_verb(view, h),
            subordinate=_subordinate(view, h, info), anaphor=h.anaphor and not _commented(view, h, info),
            quoted=any(q.direct and q.start <= start and end <= q.end for q in article.quotes),
            actor1_mention=a1, actor2_mention=a2,
            countries=(_countries_named(view, sent.start, sent.end) if a2 is None and domestic_unless_foreign(etype)
                       else frozenset()),
            place_party=place_party(view, frame, etype, mode) if a2 is None else None))   # an anaphor may become the event
    _refine_targets(out)
    share_converse_parties(out)
    return out


def _countries_named(view: ArticleView, start: int, end: int) -> frozenset[str]:
    """The countries of the names, places and nationality adjectives in [start, end)."""
    return frozenset(m.entity.country for nisba in (False, True)
                     for m in view.mentions(start, end, types=("PERSON", "ORG", "GPE", "LOC"), nisba=nisba)
                     if m.entity.country)


_THREATENED = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_COMPLEMENTIZERS = frozenset(normalize_key(w) for w in ("أن", "بأن", "أنه", "أنها", "أنهم", "بأنه", "بأنها", "بأنهم"))
_OWNED = re.compile(r"\w{2,}(?:ه|ها|هم|هما)\b")     # جماعته، قواتها، مقاتليهم (not جماعة): the speaker's own side


def _threat_of(view: ArticleView, h: Hit, info: SentenceInfo) -> tuple[Mention | None] | None:
    """Is a future or conditional act the complement of a warning verb before it in its
    sentence (حذر، هدد، توعد … أن), done by the speaker's own side: a pronoun complementizer
    (أنه سيرد), a first-person verb (سنرد), or an owned noun and no other name before the
    act (من أن مقاتلي جماعته سيهاجمون)? Then ``(speaker,)``: the name between the verb and
    the complementizer, else the last one before the verb (the speaker may be unnamed)."""
    first, last = view.word_index(info.nstart), view.word_index(h.nstart)
    words = [view.ntext[s:e] for s, e in view.words[first:last]]
    verbs = threat_verbs()
    vi = max((k for k, w in enumerate(words) if w in verbs or w[1:] in verbs and w[0] in "وف"), default=None)
    if vi is None:
        return None
    ci = next((k for k in range(vi + 1, len(words)) if words[k] in _COMPLEMENTIZERS), None)
    if ci is None or any(w in verbs for w in words[ci + 1:]):
        return None
    v_end = view.words[first + vi][1]
    c_start, c_end = view.words[first + ci]
    o = view.to_original
    named = view.mentions(o(v_end, v_end)[0], o(c_start, c_start)[0])
    speaker = named[0] if named else next(iter(reversed(view.mentions(
        o(info.nstart, info.nstart)[0], o(view.words[first + vi][0], view.words[first + vi][0])[0]))), None)
    between = [m for m in view.mentions(o(c_end, c_end)[0], o(h.nstart, h.nstart)[0])
               if speaker is None or m.key != speaker.key]
    verb = view.ntext[h.nstart + len(h.pre):h.nstart + len(h.pre) + 1]
    own = (words[ci] != normalize_key("أن") and words[ci] != normalize_key("بأن")) \
        or (h.category in ("imperfect", "collocations") and verb == "ن") \
        or (not between and bool(_OWNED.search(view.text[o(c_end, c_end)[0]:o(h.nstart, h.nstart)[0]])))
    return (speaker,) if own and not between else None


def _retype(view: ArticleView, h: Hit, info: SentenceInfo) -> tuple[str, str, str | None] | None:
    """The type the trigger's clause gives it (``retype`` in triggers.json): a cue up to
    ``before`` words before the trigger or ``after`` words after it, in its sentence."""
    for r in h.entry.retypes:
        if r.unless is not None and (r.unless.search(view.ntext, info.nstart, h.nstart)
                                     or r.unless.search(view.ntext, h.nend, info.nend)):
            continue                    # هاجم X الحكومة with a weapon or a casualty named is an attack
        if r.before:
            lo, _ = view.window(h.nstart, h.nstart, r.before, info.nstart, info.nend)
            if r.cue.search(view.ntext, lo, h.nstart):
                return r.type, r.mode, r.cameo
        if r.after:
            _, hi = view.window(h.nend, h.nend, r.after, h.nend, info.nend)
            if r.cue.search(view.ntext, h.nend, hi):
                return r.type, r.mode, r.cameo
    return None


def _shares_subject(view: ArticleView, h: Hit, frame: Frame, doer: Mention | None, after: Mention | None) -> bool:
    """Does a verb joined by و to an earlier act of the sentence share its subject, the one
    name after it being its object (وصل ماكرون إلى الرياض والتقى ولي العهد)? Not when the
    verb carries an object pronoun (واستقبله ولي العهد: the name is a new subject) or two
    bare names follow (والتقى ولي العهد الضيف)."""
    if doer is None or after is None or frame.subject_how != "after" or h.category not in ("perfect", "imperfect"):
        return False
    if h.pre[:1] != "و" or doer.key == after.key:
        return False
    if doer.entity.type != "PERSON" or after.entity.type not in ("PERSON", "GPE") or after.entity.how == "nisba":
        return False
    head = view.ntext[h.nstart:h.head_nend]
    if _OBJECT_PRONOUN.search(head):
        return False
    return not any(view.preposition_before(m.start, floor=after.end, lookback=5) is None
                   for m in view.mentions(after.end, frame.clause_end))


def _pronoun_object(view: ArticleView, h: Hit, frame: Frame) -> bool:
    """Is the trigger a verb joined by و carrying an object pronoun, with a subject of its own
    named after it (واستقبله ولي العهد)?"""
    if h.pre[:1] != "و" or h.category not in ("perfect", "imperfect") or frame.subject_how != "after":
        return False
    return bool(_OBJECT_PRONOUN.search(view.ntext[h.nstart:h.head_nend]))


def _opening_subject(view: ArticleView, frame: Frame) -> Mention | None:
    """The subject of a verb-first sentence whose verb is no trigger (وصل [ماكرون] إلى الرياض):
    a bare name after the sentence's first word and its title words, before the trigger."""
    first = next(iter(view.mentions(frame.sent_start, frame.start)), None)
    # the verb, then at most three title words (وصل الرئيس الفرنسي إيمانويل ماكرون)
    if first is None or not 1 <= view.words_between(view.to_norm(frame.sent_start), view.to_norm(first.start)) <= 4:
        return None
    if view.preposition_before(first.start, floor=frame.sent_start, lookback=4) is not None:
        return None
    return first


# an object pronoun on a verb: استقبله، التقاها، استقبلهم
_OBJECT_PRONOUN = re.compile(r"(?:ه|ها|هم|هما|هن)$")


def _place_party(view: ArticleView, frame: Frame, etype: str, a1: Mention | None,
                 a2: Mention | None) -> Mention | None:
    """The other party given only by a place: aid landing «في مطار بيروت» or sent «إلى مطار
    دمشق» goes to that place's country; a strike «على مدينة خاركيف» hits that place's country
    when no group or person is its target, and a strike «على مواقع للحوثيين في اليمن» hits
    the group, not the country where it stands. Never the doer's own country."""
    own = a1.entity.country if a1 is not None else None
    if etype in ("AID", "ASSAULT") and a2 is not None and a2.entity.type in LOCATION_TYPES \
            and a2.entity.how != "nisba" and after_place_noun(view, a2):
        a2 = country_of_place(a2) or a2             # إلى مطار حلب: the aid goes to Syria
    if etype == "AID" and a2 is None:
        place = place_after(view, frame, _AID_PLACE_PREPS, start=frame.sent_start)
        country = country_of_place(place) if place is not None else None
        if country is not None and country.entity.country != own:
            return country
    if etype == "ASSAULT" and (a2 is None or (a2.entity.type in LOCATION_TYPES and a2.entity.how != "nisba")):
        mission = _mission_struck(view, frame, own)
        if mission is not None:
            return mission                           # السفارة الإيرانية في دمشق: Iran was struck
    if etype == "ASSAULT":
        if a2 is not None and a2.entity.type in LOCATION_TYPES and a2.entity.how != "nisba":
            group = next((m for m in view.mentions(frame.end, a2.start, types=("ORG", "PERSON"))
                          if view.preposition_before(m.start, floor=frame.sent_start, lookback=1) == "ل"), None)
            if group is not None and (a1 is None or group.key != a1.key):
                return group                         # مواقع للحوثيين في اليمن
        if a2 is None:
            place = place_after(view, frame, _STRIKE_PLACE_PREPS)
            country = country_of_place(place) if place is not None else None
            if country is not None and own is not None and country.entity.country != own:
                return country
    return a2


def _mission_struck(view: ArticleView, frame: Frame, own: str | None) -> Mention | None:
    """A nationality right after a mission or envoy noun (`missions` in event_direction.json)
    after an attack's trigger in its clause (مبنى [السفارة] الإيرانية، مقر القنصلية التركية):
    the state whose mission was struck; never the doer's own."""
    end = after_relative(view, frame.end, max(frame.clause_end, frame.arg_end) or frame.sent_end)
    for adj in view.mentions(frame.end, end, nisba=True):
        before = view.words_before(view.to_norm(adj.start), 1, floor=view.to_norm(frame.end))
        if before and before[0].lstrip("وفبل").removeprefix("ال") in mission_nouns() \
                and adj.entity.country and adj.entity.country != own:
            return adj
    return None


# normalized: إلى → الي، على → علي (airdrops «على غزة» land on the place)
_AID_PLACE_PREPS = ("في", "الي", "ل", "علي", "فوق")
_STRIKE_PLACE_PREPS = ("علي", "نحو", "باتجاه", "صوب")   # normalized: على → علي


def _dual_verb(view: ArticleView, h: Hit) -> bool:
    """Is the trigger a perfect verb in the dual (وقعا، اتفقا، بحثا، التقيا)? Verbs of three
    letters ending in ا are singular (دعا، بدا); ending in وا they are plural."""
    if h.category not in ("perfect", "collocations"):
        return False
    head = view.ntext[h.nstart:h.head_nend]
    bare = head[len(h.pre):] if h.pre and head.startswith(h.pre) else head
    if len(bare) < 4 or not bare.endswith("ا") or bare.endswith("وا"):
        return False
    # a collocation opening a coordinated clause (ووقعا … اتفاقية) starts with its verb; an
    # accusative noun (اتصالا هاتفيا) does not follow و
    return h.category == "perfect" or h.pre[:1] in ("و", "ف")


def _subject_dropped(view: ArticleView, h: Hit) -> bool:
    """Does the verb stand without a subject of its own: a pronoun or a preposition
    follows it (أجراه، بحث معه، اتصل به), or nothing?"""
    i = view.word_index(h.nend)
    if i >= len(view.words):
        return True
    s, e = view.words[i]
    if view.ntext[h.nend:s].strip():
        return True                      # punctuation right after the verb
    nxt = view.ntext[s:e]
    return any(nxt.startswith(p) for p in prepositions() if len(p) > 1) or nxt in clause_openers()


def _place_follows(view: ArticleView, h: Hit, sent_end: int) -> bool:
    """Does a place name stand right after the trigger (دعا ترامب إلى [موسكو])?"""
    end = view.to_original(h.nend, h.nend)[0]
    places = view.mentions(end, sent_end, types=("GPE", "LOC"))
    return bool(places) and view.words_between(h.nend, view.to_norm(places[0].start)) == 0


def _refine_targets(cands: list[Candidate]) -> None:
    """غارة على الدوحة تستهدف قادة حماس: when an attack's object is a place and a
    later targeting verb in the sentence names a group or person, that is the
    target and the place is where it happened."""
    for i, c in enumerate(cands):
        m2 = c.actor2_mention
        if c.mention_only or c.event.type != "ASSAULT" or m2 is None or m2.entity.type != "GPE":
            continue
        for o in cands[i + 1:]:
            t = o.actor2_mention
            if o.event.type == "ASSAULT" and t is not None and t.entity.type in ("ORG", "PERSON"):
                c.event.location = c.event.location or (m2.entity.name_en or m2.entity.text)
                c.event.actor2, c.actor2_mention = t.entity.actor(), t
                break


def _argument_end(view: ArticleView, info: SentenceInfo, h: Hit, next_start: int | None) -> int:
    """How far the second actor may stand after a trigger (original offset): to the
    next trigger, a clause opener (أن، الذي), or a hard stop, whichever comes first."""
    hi = min(next_start, info.nend) if next_start is not None else info.nend
    m = _HARD_STOP.search(view.ntext, h.nend, hi)
    if m:
        hi = m.start()
    for s, e in islice(view.words, view.word_index(h.nend), None):     # (no copy of the rest of the list)
        if s >= hi:
            break
        if view.ntext[s:e] in clause_openers():
            hi = s
            break
    return view.to_original(hi, hi)[0] if hi < len(view.ntext) else len(view.text)


def _frame(view: ArticleView, lex: Lexicon, info: SentenceInfo, h: Hit, next_start: int | None = None) -> Frame:
    start, end = view.to_original(h.nstart, h.nend)
    head_end = view.to_original(h.nstart, h.head_nend)[1] if h.head_nend > h.nstart else end
    c_lo, _ = view.clause_bounds(h.nstart, info.nstart, info.nend)
    _, c_hi = view.clause_bounds(max(h.nend - 1, h.nstart), info.nstart, info.nend)
    if c_hi < info.nend and view.ntext[c_hi] in "،,":
        # one comma more: appositions (مع الرئيس السوري للمرحلة الانتقالية، أحمد الشرع)
        _, c_hi = view.clause_bounds(c_hi + 1, info.nstart, info.nend)
    agent_after = None
    for p in lex.passive_agent:
        m = p.search(view.ntext, h.nend, c_hi)
        if m and view.words_between(h.nend, m.start()) <= 5:
            agent_after = view.to_original(m.end(), m.end())[0]
            break
    sent = info.sentence
    arg_end = _argument_end(view, info, h, next_start)
    return Frame(start=start, end=end, head_end=head_end, arg_end=arg_end,
                 headline=info.role == "headline",
                 clause_start=view.to_original(c_lo, c_lo)[0],
                 clause_end=view.to_original(c_hi, c_hi)[0] if c_hi < len(view.ntext) else sent.end,
                 sent_start=sent.start, sent_end=sent.end, preps=h.entry.actor2_preps,
                 receiver_subject=h.entry.receiver_subject, passive=h.category == "passive",
                 agent_after=agent_after, nominal=h.category == "masdar" or h.reacted,
                 pair_from_between=h.entry.pair_from_between, patient_object=h.entry.patient_object,
                 reacted=h.reacted, possessed=_possessed(view, h), doer_in_trigger=h.entry.doer_in_trigger,
                 reaction=h.entry.reaction, etype=h.entry.type)


def _possessed(view: ArticleView, h: Hit) -> bool:
    """Is the trigger a verbal noun carrying a pronoun suffix (إثر لقائه، اتفاقهما على)?"""
    if h.category != "masdar" and not (h.category == "collocations" and h.entry.receiver_subject):
        return False     # (وخلال [تلقيه] اتصالا من X: the receiving noun of a collocation)
    first = view.ntext[h.nstart:h.head_nend]
    if _POSSESSIVE.search(first):
        return not first.endswith("ياه")
    if not first.endswith("ه") or h.entry.type not in ENCOUNTER_TYPES \
            or view.text[view.to_original(h.head_nend - 1, h.head_nend)[0]] != "ه":
        return False
    # استقباله، اجتماعه، اتصاله: ه written as such (not a ة) after a verbal noun the lexicon
    # lists without an ending of its own; only for encounters, whose pronoun is a party (the
    # pronoun of اعتقاله، اغتياله is the one acted on)
    bare = first[:-1]
    nouns = _masdar_heads()
    return any(bare[len(p):] in nouns for p in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل") if bare.startswith(p))


@lru_cache(maxsize=1)
def _masdar_heads() -> frozenset[str]:
    """The normalized first words of the lexicon's verbal nouns that end in no ة/ه (اجتماع،
    استقبال، اتصال): a ه after one of them is a pronoun suffix."""
    out = set()
    for e in read_lexicon("triggers.json")["entries"]:
        for phrase in e.get("masdar", []):
            w = normalize_key(phrase.split()[0]) if phrase.split() else ""
            if len(w) > 2 and not phrase.split()[0].endswith(("ة", "ه")):
                out.add(w)
    return frozenset(out)


def _carry_subjects(cands: list[Candidate]) -> None:
    """A dropped subject (وخلال اتصال أجراه مع …، وبحث معه) is the actor1 named in the
    sentence before; a verb followed by an unnamed noun phrase has its own subject
    (ودعت منظمات حقوقية …) and takes none."""
    last: Mention | None = None
    last_sentence = -1
    pair: tuple[Mention, Mention, int] | None = None
    for c in cands:
        if c.dual and c.actor1_mention is None and c.actor2_mention is None and pair is not None \
                and c.role != "headline" and c.sentence_index - pair[2] <= 1:
            # عقد X وY جلسة مباحثات. ووقعا اتفاقية: the dual verb's subject is the last named pair
            c.actor1_mention, c.actor2_mention = pair[0], pair[1]
            c.event.actor1, c.event.actor2 = pair[0].entity.actor(), pair[1].entity.actor()
            c.actor1_carried = True
        if c.actor1_mention is None and last is not None and c.role != "headline" \
                and c.sentence_index - last_sentence <= 1 and c.subject_dropped:
            if c.actor2_mention is None or c.actor2_mention.key != last.key:
                c.actor1_mention = last
                c.event.actor1 = last.entity.actor()
                c.actor1_carried = True
        if c.actor1_mention is not None and not c.actor1_carried and not c.mention_only:
            last, last_sentence = c.actor1_mention, c.sentence_index
            if c.actor2_mention is not None and c.role != "headline":
                pair = (c.actor1_mention, c.actor2_mention, c.sentence_index)


def refresh_event_dates(article: Article) -> Article:
    """Re-date the events after the dates were resolved again (the story pass gives
    an article without a publication date its "today"): each event takes its
    clause's date; a main event told in the present without one takes the
    article's default date. Nothing else changes."""
    if not isinstance(article, Article):
        raise TypeError(f"refresh_event_dates expects an Article, got {type(article).__name__}")
    for ev in article.events:
        if ev.trigger is None:
            continue
        found = clause_date(article, ev.trigger.start, ev.trigger.end)
        if found is not None and found.value:
            ev.date = found.value
        elif ev.main and ev.date is None and ev.modality == "asserted":
            ev.date = reference_date(article)
    return article
