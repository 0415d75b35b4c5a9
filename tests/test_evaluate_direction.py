"""Direction-aware scoring of the main event's actors (data/lexicons/event_direction.json)."""

from __future__ import annotations

from marsad.evaluate import actors_match, converse_modes, is_directed
from marsad.model import Actor, Event

ISRAEL = Actor(name_en="Israel", country="ISR")
HEZBOLLAH = Actor(name_en="Hezbollah", country="LBN")
ERDOGAN = Actor(name_en="Recep Tayyip Erdoğan", country="TUR")
SHARAA = Actor(name_en="Ahmed al-Sharaa", country="SYR")


def gold(type_, mode, a1, c1, a2, c2):
    return {"plover_type": type_, "mode": mode, "actor1": a1, "actor1_country": c1,
            "actor2": a2, "actor2_country": c2}


def event(type_, mode, a1, a2):
    return Event(type=type_, mode=mode, actor1=a1, actor2=a2)


def test_an_attack_reversed_matches_either_order_but_not_ordered():
    g = gold("ASSAULT", "airstrike", None, "ISR", "Hezbollah", "LBN")
    reversed_ = event("ASSAULT", "airstrike", HEZBOLLAH, ISRAEL)
    assert actors_match(g, reversed_)
    assert not actors_match(g, reversed_, ordered=True)
    assert actors_match(g, event("ASSAULT", "airstrike", ISRAEL, HEZBOLLAH), ordered=True)


def test_a_phone_call_and_an_agreement_have_no_direction():
    assert not is_directed("CONSULT", "phone")
    assert not is_directed("AGREE", "sign")
    g = gold("CONSULT", "meeting", "Ahmed al-Sharaa", "SYR", "Recep Tayyip Erdogan", "TUR")
    assert actors_match(g, event("CONSULT", "meeting", ERDOGAN, SHARAA), ordered=True)


def test_a_visit_is_directed_and_its_hosting_is_read_from_the_host():
    assert is_directed("CONSULT", "visit") and is_directed("REQUEST", None)
    assert converse_modes("CONSULT", "visit") == {"host"}
    g = gold("CONSULT", "visit", "Ahmed al-Sharaa", "SYR", "Recep Tayyip Erdogan", "TUR")
    assert actors_match(g, event("CONSULT", "visit", SHARAA, ERDOGAN), ordered=True)
    assert not actors_match(g, event("CONSULT", "visit", ERDOGAN, SHARAA), ordered=True)
    # «أردوغان يستقبل الشرع»: the host first, the same visit
    assert actors_match(g, event("CONSULT", "host", ERDOGAN, SHARAA), ordered=True)
    assert not actors_match(g, event("CONSULT", "host", SHARAA, ERDOGAN), ordered=True)


def test_ordered_scoring_keeps_the_slot_of_a_lone_actor():
    g = gold("ASSAULT", "airstrike", None, None, None, "SDN")
    assert actors_match(g, event("ASSAULT", "airstrike", Actor(name_en="Sudan", country="SDN"), None))
    assert not actors_match(g, event("ASSAULT", "airstrike", Actor(name_en="Sudan", country="SDN"), None),
                            ordered=True)
    assert actors_match(g, event("ASSAULT", "airstrike", None, Actor(name_en="Sudan", country="SDN")),
                        ordered=True)
