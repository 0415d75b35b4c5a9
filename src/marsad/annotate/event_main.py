"""Merging repeated events and choosing the one an article is about.

An article tells its main event several times (headline, lead, "during the call
…"); each telling is evidence. The main event is the one with the best mix of
position (headline, lead), evidence (how many sentences refer to the same type
and mode, including discussion verbs for an encounter and anaphoric mentions
such as المكالمة), framing (خلال اتصال هاتفي: other acts happen inside it),
modality (asserted first) and actors (two linked actors first). Background
events (recaps with their own past date) are never main.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.annotate.event_args import country_of_place
from marsad.annotate.event_direction import domestic_unless_foreign, is_domestic, on_own_ground, solidarity_words
from marsad.annotate.event_text import Mention
from marsad.model import Event
from marsad.text.normalize import normalize_key

POSITION_WEIGHT = {"headline": 3.5, "lead": 2.5}   # the headline and lead tell the news
MODALITY_WEIGHT = {"asserted": 1.0, "planned": 0.5, "denied": -2.0, "hypothetical": -2.0}
SAME_MODE = 0.75          # per other sentence telling the same type and mode
SAME_TYPE = 0.0           # another mode of the same type is another event: no credit
DISCUSSION = 0.5          # per sentence of talks credited to an encounter
SUPPORT_CAP = 4.0
PERSON_BONUS = 0.25       # leaders meeting over a leader and a place
FRAMED = 1.5
OCCASION = 1.0            # an encounter (call, visit, meeting) over what was said or agreed in it
BACKGROUND = -4.0
REACTION = -2.5           # a welcome/condemnation/rejection when the headline or lead tells another act
SUBORDINATE = -1.5        # told in a temporal clause (بعد انسحاب X): it dates the news, it is not the news
QUOTED = -1.5             # told only inside a direct quote: what someone said, not what the article reports
DISCUSS_MODE = "discuss"
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


@dataclass
class Candidate:
    event: Event
    sentence_index: int
    role: str
    position: int
    entry_id: str
    occasion: bool = False
    carrier: bool = False
    reaction: bool = False               # a third party's welcome/condemnation/rejection
    mention_only: bool = False
    background: bool = False
    framed: bool = False
    actor1_mention: Mention | None = None
    actor2_mention: Mention | None = None
    actor1_carried: bool = False
    subject_dropped: bool = True          # no subject of its own in the text (أجراه، وبحث معه)
    dual: bool = False                    # a dual verb (ووقعا، اتفقا): its subject is the last named pair
    place_party: Mention | None = None    # the country of the place it names (a missing second party)
    subordinate: bool = False             # only told in temporal clauses (بعد انسحاب X، عقب لقائه)
    quoted: bool = False                  # only told inside direct quotes («…»)
    countries: frozenset[str] = frozenset()  # the countries its sentence names (names, places, nationalities)
    anaphor: bool = False                 # a definite verbal noun (الزيارة) read as a mention
    sentences: set[int] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


def _key(m: Mention | None) -> str | None:
    return m.key if m is not None else None


def merge_repeats(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per distinct event; repeats add their evidence to the first."""
    out: list[Candidate] = []
    for c in cands:
        c.sentences = {c.sentence_index}
        c.roles = {c.role}
        if c.mention_only:
            out.append(c)
            continue
        twin = next((o for o in out if not o.mention_only and _same_event(o, c)), None)
        if twin is None:
            out.append(c)
            continue
        twin.sentences |= c.sentences
        twin.roles |= c.roles
        twin.framed = twin.framed or c.framed
        twin.subordinate = twin.subordinate and c.subordinate
        twin.quoted = twin.quoted and c.quoted
        te, ce = twin.event, c.event
        te.evidence.extend(e for e in ce.evidence if e not in te.evidence)
        if te.date is None and c.role in ("headline", "lead"):
            te.date = ce.date
        te.location = te.location or ce.location
        te.source = te.source or ce.source
        if te.actor1 is None and ce.actor1 is not None:
            te.actor1, twin.actor1_mention = ce.actor1, c.actor1_mention
        if te.actor2 is None and ce.actor2 is not None:
            te.actor2, twin.actor2_mention = ce.actor2, c.actor2_mention
        twin.place_party = twin.place_party or c.place_party      # told with its place elsewhere
        twin.countries = twin.countries | c.countries
        if twin.actor1_carried and not c.actor1_carried and ce.actor1 is not None:
            te.actor1, twin.actor1_mention, twin.actor1_carried = ce.actor1, c.actor1_mention, False
    return out


def merge_headline_with_lead(cands: list[Candidate]) -> list[Candidate]:
    """A headline tells the lead's event in other words (اغتيال X / قُتل X بضربة مسيرة
    إسرائيلية): a headline event and a lead event of the same type, modality and
    compatible actors are one event; the headline's telling takes the lead's
    missing actors and date before the main event is chosen (the headline is
    rarely dated)."""
    # the lead, or the first body sentence where a caption or byline took the lead's place
    lead = [c for c in cands if not c.mention_only and not c.background
            and (c.roles == {"lead"} or (c.roles == {"body"} and c.position == 1))]
    out = list(cands)
    for h in cands:
        if h.mention_only or h.background or h.roles != {"headline"}:
            continue
        twin = next((c for c in lead if c in out and _same_telling(h, c)), None)
        if twin is None:
            continue
        he, te = h.event, twin.event
        for ev in te.evidence:
            if ev not in he.evidence:
                he.evidence.append(ev)
        h.sentences |= twin.sentences
        h.roles |= twin.roles
        h.framed = h.framed or twin.framed
        h.subordinate = h.subordinate and twin.subordinate
        h.quoted = h.quoted and twin.quoted
        he.modality = te.modality       # the lead tells whether it was done, planned or denied
        he.date = he.date or te.date
        he.location = he.location or te.location
        he.source = he.source or te.source
        h.place_party = h.place_party or twin.place_party
        h.countries = h.countries | twin.countries
        if h.actor1_mention is None and twin.actor1_mention is not None \
                and twin.actor1_mention.key != _key(h.actor2_mention):
            he.actor1, h.actor1_mention = te.actor1, twin.actor1_mention
        if h.actor2_mention is None and twin.actor2_mention is not None \
                and twin.actor2_mention.key != _key(h.actor1_mention):
            he.actor2, h.actor2_mention = te.actor2, twin.actor2_mention
        out.remove(twin)
    return out


def _same_telling(h: Candidate, c: Candidate) -> bool:
    """Could a headline event and a lead event be one event told twice (any mode)?"""
    eh, ec = h.event, c.event
    # a headline has no tense: one with no cue of its own tells the lead's planned,
    # denied or conditional act in fewer words (إضراب عام في لبنان / … يعتزم تنفيذ إضراب)
    if eh.type != ec.type or eh.modality not in (ec.modality, "asserted") or h.reaction or c.reaction:
        return False
    if eh.date and ec.date and eh.date != ec.date:
        return False
    if eh.type in SYMMETRIC and {_key(h.actor1_mention), _key(h.actor2_mention)} \
            == {_key(c.actor1_mention), _key(c.actor2_mention)}:
        return True
    if not (_compatible(h.actor1_mention, c.actor1_mention) and _compatible(h.actor2_mention, c.actor2_mention)):
        return False
    # one shared actor at least, or one side naming nobody (طرفا النزاع يوقعان)
    names = {_key(h.actor1_mention), _key(h.actor2_mention)} - {None}
    others = {_key(c.actor1_mention), _key(c.actor2_mention)} - {None}
    return not names or not others or bool(names & others)


def _same_event(a: Candidate, b: Candidate) -> bool:
    ea, eb = a.event, b.event
    if (ea.type, ea.mode, ea.modality, a.background) != (eb.type, eb.mode, eb.modality, b.background):
        return False
    if ea.date and eb.date and ea.date != eb.date:
        return False
    k1a, k1b = _key(a.actor1_mention), _key(b.actor1_mention)
    k2a, k2b = _key(a.actor2_mention), _key(b.actor2_mention)
    if ea.type in SYMMETRIC and {k1a, k2a} == {k1b, k2b}:
        return True                   # a call between X and Y is one between Y and X
    return _compatible(a.actor1_mention, b.actor1_mention) and _compatible(a.actor2_mention, b.actor2_mention)


def _compatible(x: Mention | None, y: Mention | None) -> bool:
    """One actor, or a country and one of its own bodies (الأردن / الخارجية الأردنية)."""
    if x is None or y is None or x.key == y.key:
        return True
    ex, ey = x.entity, y.entity
    return bool(ex.country) and ex.country == ey.country and "GPE" in (ex.type, ey.type) \
        and "PERSON" not in (ex.type, ey.type)


def _position_weight(c: Candidate) -> float:
    best = max((POSITION_WEIGHT.get(r, 0.0) for r in c.roles), default=0.0)
    if best == 0.0 and c.role == "body":
        best = {1: 1.0, 2: 0.5}.get(c.position, 0.0)
    return best


def _support(c: Candidate, cands: list[Candidate]) -> float:
    ev = c.event
    same_mode, same_type, talks = set(), set(), set()
    for o in cands:
        if o is c:
            continue
        oe = o.event
        sents = o.sentences - c.sentences
        if oe.type != ev.type:
            continue
        if ev.modality == "asserted" and oe.modality != "asserted":
            continue                   # «if they are not released», «they will meet» are no evidence of the act
        if oe.mode == ev.mode or (c.occasion and o.occasion and _share_actor(c, o)):
            same_mode |= sents     # a visit and its hosting are one encounter seen from two sides
        elif c.occasion and oe.mode == DISCUSS_MODE:
            talks |= o.sentences       # talks in the same sentence are part of the encounter
        else:
            same_type |= sents
    # its own other tellings (merged into it) are evidence too
    value = SAME_MODE * (len(same_mode) + len(c.sentences) - 1) + SAME_TYPE * len(same_type) + DISCUSSION * len(talks)
    return min(value, SUPPORT_CAP)


def _share_actor(a: Candidate, b: Candidate) -> bool:
    ka = {_key(a.actor1_mention), _key(a.actor2_mention)} - {None}
    kb = {_key(b.actor1_mention), _key(b.actor2_mention)} - {None}
    return bool(ka & kb)


def score(c: Candidate, cands: list[Candidate]) -> float:
    ev = c.event
    s = _position_weight(c) + MODALITY_WEIGHT.get(ev.modality, 0.0) + _support(c, cands)
    for actor in (ev.actor1, ev.actor2):
        if actor is not None:
            s += 0.75 + (0.25 if (actor.kb_id or actor.wikidata) else 0.0) \
                + (PERSON_BONUS if actor.kind == "PERSON" else 0.0)
    if c.framed:
        s += FRAMED
    if c.occasion and ev.modality == "asserted" and not c.subordinate \
            and (c.framed or c.roles & {"headline", "lead"}):
        s += OCCASION     # an encounter held that the article opens with (a planned one frames nothing yet)
    if c.background:
        s += BACKGROUND
    if c.carrier:
        s -= 0.5
    if c.subordinate:
        s += SUBORDINATE
    if c.quoted:
        s += QUOTED
    return round(s, 3)


def choose_main(cands: list[Candidate], prior: Callable[[Candidate], float] | None = None) -> Event | None:
    """Score every event and mark exactly one ``main`` (none when there are no events).
    ``prior`` adds to each candidate's score (the learned sentence classifier's bonus,
    ``event_classifier.main_prior``, when it is switched on)."""
    events = [c for c in cands if not c.mention_only]
    for c in events:
        c.event.score = score(c, cands)
        c.event.main = False
    _demote_reactions(events)
    if prior is not None:
        for c in events:
            c.event.score = round(c.event.score + prior(c), 3)
    eligible = [c for c in events if not c.background] or events
    if not eligible:
        return None
    # on a tie, an asserted act over a plan (اتفقا على لقاء ثان), then the earlier telling
    best = max(eligible, key=lambda c: (c.event.score, c.event.modality == "asserted", -c.sentence_index))
    _complete(best, cands)
    _target_killed(best, cands)
    _party_from_place(best, cands)
    _own_ground(best)
    _domestic_party(best)
    best.event.main = True
    return best.event


def _demote_reactions(events: list[Candidate]) -> None:
    """Reactions of third parties (رحبت، أدانت، ترفضه) are their own events but not
    the news when the headline or lead tells an act of another kind, done or planned,
    by someone else, or when they were said in a call or meeting (see below); an
    article whose headline and lead only react (and tell what the reacting party
    asked for) is about the reaction."""
    news = [c for c in events if not c.reaction and not c.background and not c.carrier and not c.quoted
            and not c.subordinate
            and c.event.modality in ("asserted", "planned") and c.roles & {"headline", "lead"}]
    # a call or meeting told as the frame of what was said (خلال اتصال هاتفي …، أدان) or opening
    # the article: any reaction in a framing sentence, and its parties' reactions told with or
    # after it, are what was said in it
    encounters = [c for c in events if c.occasion and c.event.modality == "asserted" and not c.background
                  and not c.subordinate and (c.framed or c.roles & {"headline", "lead"})]
    for c in events:
        if not c.reaction:
            continue
        mine = _key(c.actor1_mention)
        if any(mine is None or _key(n.actor1_mention) != mine for n in news) \
                or any((o.framed and o.sentence_index == c.sentence_index)
                       or (mine is not None and mine in (_key(o.actor1_mention), _key(o.actor2_mention))
                           and o.sentence_index <= c.sentence_index) for o in encounters):
            c.event.score = round(c.event.score + REACTION, 3)


def _complete(best: Candidate, cands: list[Candidate]) -> None:
    """Fill the main event's missing actor2 or date from other tellings of it."""
    ev = best.event
    if ev.type == "ASSAULT":
        _doer_from_blame(best, cands)
    if ev.actor2 is None and best.actor1_mention is not None:
        _partner_from_same_type(best, cands)
    if ev.type == "CONSULT" and ev.mode == "visit":
        _host_of_visit(best, cands)
    if ev.date is None:
        # the date of the same encounter told elsewhere, headline and lead first
        same = sorted((o for o in cands if o is not best and not o.background and o.event.date
                       and o.event.type == ev.type
                       and (o.event.mode == ev.mode or (best.occasion and o.occasion and _share_actor(best, o)))),
                      key=lambda o: (-_position_weight(o), o.sentence_index))
        if same:
            ev.date = same[0].event.date
    for o in cands:
        if o is best or o.event.type != ev.type or o.event.mode != ev.mode or o.background:
            continue
        if ev.actor2 is None and o.event.actor2 is not None \
                and (_key(o.actor1_mention) in (None, _key(best.actor1_mention))) \
                and _key(o.actor2_mention) != _key(best.actor1_mention):
            ev.actor2, best.actor2_mention = o.event.actor2, o.actor2_mention
        if ev.actor1 is None and o.event.actor1 is not None and not o.actor1_carried \
                and _key(o.actor1_mention) != _key(best.actor2_mention):
            ev.actor1, best.actor1_mention = o.event.actor1, o.actor1_mention
        if ev.date is None and o.event.date is not None:
            ev.date = o.event.date


def _party_from_place(best: Candidate, cands: list[Candidate]) -> None:
    """A main event still without a second party takes the country of the place it names
    (استهدفت قوات الدعم السريع مطار بورتسودان: Sudan; أوقفت السلطات الجزائرية ناشطين في
    العاصمة: Algeria), never the doer itself."""
    place = best.place_party or next((c.place_party for c in cands if c is not best and c.place_party is not None
                                      and c.event.type == best.event.type and c.sentence_index in best.sentences),
                                     None)   # بقصف إسرائيلي استهدف مبنى … في خان يونس: the same act told in its sentence
    if best.event.actor2 is not None or place is None or best.event.actor1 is None:
        return
    if _key(best.actor1_mention) == place.key or best.event.actor1.key == place.entity.actor().key:
        return
    best.event.actor2, best.actor2_mention = place.entity.actor(), place


# modes of an attack that name the person killed (اغتيال X، مقتل X)
KILL_MODES = ("kill", "assassinate")


def _target_killed(best: Candidate, cands: list[Candidate]) -> None:
    """A strike told with the killing it caused in the same sentence (أعلن الجيش مقتل X في غارة
    على الضاحية، اغتيال X في غارة استهدفت مبنى) has the person killed as its target, not the
    place or a party named around it; the doer is never that person."""
    ev = best.event
    if ev.type != "ASSAULT" or ev.mode in KILL_MODES:
        return
    m2 = best.actor2_mention
    if m2 is not None and m2.entity.type == "PERSON":
        return
    kill = next((c for c in cands if c is not best and c.event.type == "ASSAULT" and c.event.mode in KILL_MODES
                 and c.sentences & best.sentences and c.actor2_mention is not None
                 and c.actor2_mention.entity.type == "PERSON"), None)
    if kill is None:
        return
    victim = kill.actor2_mention
    if best.actor1_mention is not None and best.actor1_mention.key == victim.key:
        # the name read as the doer was the victim: the other party named is the doer
        other = m2 if m2 is not None and m2.entity.type != "LOC" and _key(m2) != victim.key else kill.actor1_mention
        ev.actor1, best.actor1_mention = (other.entity.actor() if other is not None else None), other
    ev.actor2, best.actor2_mention = kill.event.actor2, victim


def _own_ground(best: Candidate) -> None:
    """A deployment in the doer's own country (انتشر الجيش اللبناني في بلدات جنوب لبنان) has no
    second party: the place is where it happens (``own_ground`` in event_direction.json);
    an actor equal to the doer is dropped too."""
    ev, m2 = best.event, best.actor2_mention
    if ev.actor1 is None or ev.actor2 is None:
        return
    if ev.actor1.key == ev.actor2.key or (m2 is not None and best.actor1_mention is not None
                                          and m2.key == best.actor1_mention.key):
        ev.actor2, best.actor2_mention = None, None
        return
    if on_own_ground(ev.type) and m2 is not None and m2.entity.type in ("GPE", "LOC") \
            and (m2.entity.how != "nisba" or m2.prep == "في") \
            and m2.entity.country and m2.entity.country == ev.actor1.country:
        ev.actor2, best.actor2_mention = None, None


def _domestic_party(best: Candidate) -> None:
    """A main act done at home with no second party named (استقال رئيس الوزراء، أصدر الملك
    عفوا، أوقفت السلطات الجزائرية ناشطين، فرقت الشرطة المصرية المتظاهرين، تظاهر أنصار X أمام
    البرلمان) takes the doer's own country (``domestic`` in event_direction.json); a protest
    whose sentence names another country is addressed there, not at home."""
    ev = best.event
    if ev.actor2 is not None or ev.actor1 is None or not ev.actor1.country or not is_domestic(ev.type, ev.mode):
        return
    m1 = best.actor1_mention
    if m1 is None:
        return
    country = country_of_place(m1)        # a person's or body's country, a country itself
    if country is None:
        return
    if domestic_unless_foreign(ev.type) and (best.countries - {country.entity.country} or any(
            solidarity_words().intersection(normalize_key(e.sentence or "").split()) for e in ev.evidence)):
        return                            # تظاهرة في الرباط تضامنا مع غزة: addressed abroad
    ev.actor2, best.actor2_mention = country.entity.actor(), country


def _partner_from_same_type(best: Candidate, cands: list[Candidate]) -> None:
    """An encounter told once without its second party (ترامب يجري مكالمة …) takes
    it from another event of the same type between the same actor and someone
    (اتفق ترامب وبوتين …), headline and lead first."""
    me = _key(best.actor1_mention)
    order = sorted((c for c in cands if c is not best and c.event.type == best.event.type
                    and not c.background and not c.mention_only),
                   key=lambda c: (-_position_weight(c), c.sentence_index))
    for o in order:
        k1, k2 = _key(o.actor1_mention), _key(o.actor2_mention)
        if k1 == me and o.actor2_mention is not None and k2 != me:
            best.event.actor2, best.actor2_mention = o.event.actor2, o.actor2_mention
            return
        if k2 == me and o.actor1_mention is not None and k1 != me:
            best.event.actor2, best.actor2_mention = o.event.actor1, o.actor1_mention
            return


def _host_of_visit(best: Candidate, cands: list[Candidate]) -> None:
    """A visit told as a visit to a country (زيارته الرسمية إلى المملكة العربية السعودية) is
    an encounter with that country's leader named with the visitor elsewhere in the article
    (بعث الرئيس عون برقية شكر إلى ولي العهد السعودي الأمير X، التقى الملك X): the one person of
    the visited country met, called or written to by the visitor (or by no one named)."""
    m1, m2 = best.actor1_mention, best.actor2_mention
    if m1 is None or m2 is None or m2.entity.type != "GPE" or m2.entity.how == "nisba" or not m2.entity.country:
        return
    hosts = {}
    for o in cands:
        if o is best or o.event.type != "CONSULT" or o.background:
            continue
        for mine, other in ((o.actor1_mention, o.actor2_mention), (o.actor2_mention, o.actor1_mention)):
            if other is not None and other.entity.type == "PERSON" and other.entity.country == m2.entity.country \
                    and (mine is None or mine.key == m1.key):
                hosts[other.key] = other
    if len(hosts) == 1:
        host = next(iter(hosts.values()))
        best.event.actor2, best.actor2_mention = host.entity.actor(), host


BLAME_MODE = "accuse"      # اتهم، حمّل المسؤولية: the accuser names who did it


def _doer_from_blame(best: Candidate, cands: list[Candidate]) -> None:
    """An attack told without its doer (انفجار أجهزة في لبنان، شهد لبنان انفجارات) takes
    the doer from an accusation in the same article (واتهم حزب الله إسرائيل بتنفيذه): the
    accused is actor1 and the accuser, the side that was hit, actor2; a place of the
    accuser's country named as the only party (في لبنان) is where it happened, not a party."""
    ev = best.event
    m1, m2 = best.actor1_mention, best.actor2_mention
    if m1 is not None and m2 is not None:
        return
    only = m1 or m2
    if only is not None and not _is_place(only):
        return                                   # a named party of the attack: keep the text's reading
    blame = next((c for c in sorted(cands, key=lambda c: c.sentence_index)
                  if c.event.type == "ACCUSE" and c.event.mode == BLAME_MODE and not c.background
                  and c.event.modality == "asserted" and c.actor1_mention is not None
                  and c.actor2_mention is not None and _key(c.actor1_mention) != _key(c.actor2_mention)), None)
    if blame is None:
        return
    accuser, accused = blame.actor1_mention, blame.actor2_mention
    if only is not None and only.entity.country != accuser.entity.country:
        return                                   # the attack hit another country than the accuser's
    ev.actor1, best.actor1_mention = blame.event.actor2, accused
    ev.actor2, best.actor2_mention = blame.event.actor1, accuser


def _is_place(m: Mention) -> bool:
    """A country or place named where something happened, not a group or person."""
    return m.entity.type in ("GPE", "LOC") and m.entity.how != "nisba"
