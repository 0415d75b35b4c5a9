"""A day given to a statement about the event («أعلن الجيش مساء الخميس مقتل …») is the
day of the announcement, which comes on the day of the event or the day after it: an
undated report that names it does not contradict a report of the day before."""

from __future__ import annotations

from marsad.model import Actor, Article, DateMention, Entity, Event, Span
from marsad.stories.cluster import conflict
from marsad.stories.features import features

ARMY = Actor(name_en="Israel Defense Forces", country="ISR", kb_id="idf", kind="ORG")
LEADER = Actor(name_en="Yahya Sinwar", country="PSE", kb_id="yahya_sinwar", kind="PERSON")


def _report(aid, text, when, *, value=None, published=None, date=None):
    art = Article(id=aid, text=text, raw=text, published=published, title=text[:40])
    word = text.split()[0]
    art.events = [Event(type="ASSAULT", mode="kill", actor1=ARMY, actor2=LEADER, date=date, main=True,
                        trigger=Span(0, len(word), word), article_ids=[aid])]
    start = text.index(when)
    art.dates = [DateMention(start, start + len(when), when, value=value, grain="day",
                             anchor="absolute" if value else "story", relative=value is None)]
    art.entities = [Entity(0, 1, text[:1], type=a.kind, name_en=a.name_en, kb_id=a.kb_id, country=a.country)
                    for a in (ARMY, LEADER)]
    return art


KILLED = "قتل القائد يحيى السنوار {when} خلال مواجهة مع وحدة من الجيش الإسرائيلي جنوب القطاع."
ANNOUNCED = "مقتل القائد يحيى السنوار بعد ملاحقة طويلة، وأعلن الجيش الإسرائيلي {when} عن العملية جنوب القطاع."


def test_the_day_of_a_statement_is_marked_as_such():
    assert features(_report("a", ANNOUNCED.format(when="مساء الخميس"), "مساء الخميس")).announced
    assert not features(_report("k", KILLED.format(when="يوم الأربعاء"), "يوم الأربعاء")).announced


def test_an_announcement_the_next_day_does_not_split_the_story():
    killed = features(_report("k", KILLED.format(when="يوم الأربعاء"), "يوم الأربعاء"))
    announced = features(_report("a", ANNOUNCED.format(when="مساء الخميس"), "مساء الخميس"))
    assert (killed.weekday, announced.weekday) == (2, 3)
    assert not conflict(killed, announced)
    # an announcement does not come before the event, nor two days after it
    on_tuesday = features(_report("t", ANNOUNCED.format(when="مساء الثلاثاء"), "مساء الثلاثاء"))
    on_friday = features(_report("f", ANNOUNCED.format(when="مساء الجمعة"), "مساء الجمعة"))
    assert conflict(killed, on_tuesday) and conflict(killed, on_friday)
    # two reports of the act itself on two days are two events
    killed_thursday = features(_report("k2", KILLED.format(when="يوم الخميس"), "يوم الخميس"))
    assert conflict(killed, killed_thursday)


def test_an_undated_announcement_fits_a_report_dated_the_day_before():
    dated = features(_report("d", KILLED.format(when="الأربعاء 16 أكتوبر 2024"), "الأربعاء 16 أكتوبر 2024",
                             value="2024-10-16", published="2024-10-16", date="2024-10-16"))
    assert not conflict(dated, features(_report("a", ANNOUNCED.format(when="مساء الخميس"), "مساء الخميس")))
    assert conflict(dated, features(_report("a2", ANNOUNCED.format(when="مساء السبت"), "مساء السبت")))
    assert conflict(dated, features(_report("k", KILLED.format(when="يوم الخميس"), "يوم الخميس")))
