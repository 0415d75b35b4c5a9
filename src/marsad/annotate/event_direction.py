"""Which events have a direction (actor1 acts on actor2), from
``data/lexicons/event_direction.json``: used to score actors in order and to
merge tellings of one event told from opposite sides (a visit and its hosting)."""

from __future__ import annotations

from functools import lru_cache

from marsad.data import read_lexicon
from marsad.text.normalize import normalize_key

_DIRECTION = read_lexicon("event_direction.json")


def is_directed(event_type: str | None, mode: str | None) -> bool:
    """Whether the order of the two actors matters: an attack has a doer and a
    target, a phone call or an agreement has two parties."""
    if event_type not in _DIRECTION["symmetric"]:
        return True
    return mode in _DIRECTION["directed_modes"].get(event_type, ())


def converse_modes(event_type: str | None, mode: str | None) -> set[str]:
    """The modes that tell the same encounter from the other side (a visit and its hosting)."""
    out = set()
    for conv_type, a, b in _DIRECTION["converse"]:
        if conv_type == event_type and mode in (a, b):
            out.add(b if mode == a else a)
    return out


def is_domestic(event_type: str | None, mode: str | None) -> bool:
    """Is an event of this type and mode done at home when no second party is named
    (a resignation, a pardon, an arrest of citizens): the doer's own country is that party?"""
    return mode in _DIRECTION.get("domestic", {}).get("modes", {}).get(event_type, ())


def domestic_unless_foreign(event_type: str | None) -> bool:
    """Is a domestic event of this type left without its home party when its sentence names
    another country than the doer's (a march in Rabat in solidarity with Gaza)?"""
    return event_type in _DIRECTION.get("domestic", {}).get("unless_foreign", ())


def solidarity_words() -> frozenset[str]:
    """Words of support for a cause (تضامنا، نصرة): a protest told with one is addressed to
    that cause, not to the authorities at home."""
    return _word_set("domestic", "solidarity_words")


def organ_acts(event_type: str | None, mode: str | None) -> bool:
    """Is an act of this type and mode one that police and courts do at home (an arrest, a
    dispersal, a ban, an expulsion), so that a state organ named without its state as its
    subject stands for its country (``event_args.organ_doer``)?"""
    return mode in _DIRECTION["state_organs"]["modes"].get(event_type, ())


def state_organs() -> frozenset[str]:
    """Nouns of a state's organs or armed men (الشرطة، المحكمة، مسلحون), without ال."""
    return _word_set("state_organs")


def time_words() -> frozenset[str]:
    """Time words that may stand between a verb and its subject (اليوم، مساء، الأحد)."""
    return _word_set("state_organs", "time")


@lru_cache(maxsize=1)
def mission_nouns() -> frozenset[str]:
    """Nouns of a state's mission abroad and of its envoy (سفارة، قنصلية، سفير), without ال."""
    return frozenset(w.removeprefix("ال") for w in _word_set("missions"))


def scene_verbs() -> frozenset[str]:
    """Verbs whose subject is the scene of their object event (شهدت، تشهد), not its doer."""
    return _word_set("scene_verbs")


def scene_targets(event_type: str | None) -> bool:
    """Is the scene of an event of this type the party acted on when none is named?"""
    return event_type in _DIRECTION.get("scene_verbs", {}).get("target_types", ())


def on_own_ground(event_type: str | None) -> bool:
    """Is a place of the doer's own country where an event of this type happens, not its
    second party (an army deploying in its own towns)?"""
    return event_type in _DIRECTION.get("own_ground", {}).get("types", ())


@lru_cache(maxsize=None)
def _word_set(name: str, field: str = "words") -> frozenset[str]:
    """The normalized words of one of event_direction.json's word lists (``field`` of the
    section ``name``)."""
    return frozenset(normalize_key(w) for w in _DIRECTION[name][field])


def pair_nouns() -> frozenset[str]:
    """Dual nouns that after بين refer back to the two parties named before (بين الزعيمين)."""
    return _word_set("pair_nouns")


def honorifics() -> frozenset[str]:
    """Courtesy words before a name (صاحب السمو، معالي، سعادة) that belong to it like titles."""
    return _word_set("honorifics")


def members_in() -> frozenset[str]:
    """Member nouns before «في» + a group (قيادي في حركة حماس): the group is the party."""
    return _word_set("members_in")


def meeting_verbs() -> frozenset[str]:
    """Verbs of meeting (التقى، اجتمع) that name a visit's host after a visit to a country."""
    return _word_set("meeting_verbs")


def head_words() -> frozenset[str]:
    """Words naming the head of the group before them (برئاسة، بقيادة): the head stands for it."""
    return _word_set("head_words")


def trade_nouns() -> frozenset[str]:
    """Verbal nouns of buying and selling (استيراد، بيع): a deal for them names its partner
    country with من or إلى."""
    return _word_set("trade_nouns")


def protest_motives() -> frozenset[str]:
    """Accusatives of motive after a protest (تنديدا، احتجاجا): the act they govern names the
    protest's other party."""
    return _word_set("protest_motives")


def strike_nouns() -> frozenset[str]:
    """Indefinite strike nouns a following verb may describe (ضربة … استهدفت)."""
    return _word_set("strike_nouns")


@lru_cache(maxsize=1)
def allusion_phrases() -> tuple[tuple[str, ...], ...]:
    """«في إشارة إلى»: the cue after a statement that names the party it is aimed at, as
    tuples of normalized words."""
    return tuple(tuple(normalize_key(p).split()) for p in _DIRECTION["allusion"]["phrases"])


@lru_cache(maxsize=1)
def alludes_types() -> frozenset[str]:
    """Types of statement whose unnamed other party an allusion cue may name."""
    return frozenset(_DIRECTION["allusion"]["types"])
