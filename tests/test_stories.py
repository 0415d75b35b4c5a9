"""Stories from hand-built annotated articles: clustering, copies, merging, discrepancies."""

from __future__ import annotations

import random

from marsad.model import Actor, Article, DateMention, Entity, Event, Finding
from marsad.stories import build_stories
from marsad.stories.discrepancies import casualty_figures

PUTIN = Actor(name_en="Vladimir Putin", country="RUS", kb_id="vladimir_putin", kind="PERSON")
SHARAA = Actor(name_en="Ahmed al-Sharaa", country="SYR", kb_id="ahmed_al_sharaa", kind="PERSON")
TRUMP = Actor(name_en="Donald Trump", country="USA", kb_id="donald_trump", kind="PERSON")


def article(aid, text, *, date=None, published=None, type="CONSULT", mode="phone", a1=PUTIN, a2=SHARAA,
            outlet=None, title=None, stated=True, findings=(), entities=()):
    art = Article(id=aid, text=text, raw=text, published=published, outlet=outlet, title=title or text[:40])
    if type:
        art.events = [Event(type=type, mode=mode, actor1=a1, actor2=a2, date=date, main=True,
                            article_ids=[aid])]
    if date and stated:
        art.dates = [DateMention(0, 1, text[:1], value=date, grain="day")]
    art.entities = list(entities) or [
        Entity(0, 1, text[:1], type="PERSON", name_en=a.name_en, kb_id=a.kb_id, country=a.country)
        for a in (a1, a2) if a]
    art.findings = list(findings)
    return art


def corpus():
    return [
        article("call-a", "أجرى بوتين اتصالا هاتفيا مع الشرع وبحثا العلاقات الثنائية والوضع في سوريا",
                date="2025-02-12", published="2025-02-12", outlet="a.example"),
        article("call-b", "بحث الرئيسان الروسي والسوري في مكالمة هاتفية التعاون بين موسكو ودمشق",
                date="2025-02-12", published="2025-02-13", outlet="b.example"),
        article("call-c", "اتصال هاتفي بين بوتين والشرع يتناول التعاون الاقتصادي والمساعدات الإنسانية",
                date="2025-02-12", outlet="c.example"),
        article("letter", "بعث بوتين برسالة إلى الشرع يؤكد فيها دعم موسكو لاستقرار سوريا",
                type="SUPPORT", mode="message", outlet="a.example"),
        article("meeting", "عقد بوتين والشرع محادثات رسمية في الكرملين تناولت الملفات الثنائية",
                date="2025-10-15", published="2025-10-15", mode="meeting", outlet="b.example"),
        article("trump-1", "أجرى ترامب اتصالا هاتفيا مع بوتين بحثا فيه الحرب في أوكرانيا",
                date="2025-03-18", published="2025-03-18", a1=TRUMP, a2=PUTIN, outlet="a.example"),
        article("trump-2", "اتصال هاتفي جديد بين ترامب وبوتين حول وقف الضربات على منشآت الطاقة",
                date="2025-03-19", published="2025-03-19", a1=TRUMP, a2=PUTIN, outlet="c.example"),
    ]


def memberships(stories):
    return sorted(sorted(s.article_ids) for s in stories)


def test_same_leaders_different_events_are_different_stories():
    stories = build_stories(corpus())
    assert memberships(stories) == [["call-a", "call-b", "call-c"], ["letter"], ["meeting"],
                                    ["trump-1"], ["trump-2"]]


def test_stories_do_not_depend_on_input_order_or_batches():
    expected = memberships(build_stories(corpus()))
    ids = {s.id for s in build_stories(corpus())}
    for seed in range(5):
        shuffled = corpus()
        random.Random(seed).shuffle(shuffled)
        stories = build_stories(shuffled)
        assert memberships(stories) == expected
        assert {s.id for s in stories} == ids
    # In two batches: the second run sees the stored articles plus the new ones.
    first, second = corpus()[:3], corpus()[3:]
    build_stories(first)
    assert memberships(build_stories(first + second)) == expected


def test_story_merges_main_event_sources_and_dates():
    stories = {tuple(s.article_ids): s for s in build_stories(corpus())}
    call = stories[("call-a", "call-b", "call-c")]
    assert call.date == "2025-02-12"
    assert call.first_published == "2025-02-12"
    assert call.outlets == ["a.example", "b.example", "c.example"]
    assert call.main_event.type == "CONSULT" and call.main_event.mode == "phone"
    assert {call.main_event.actor1.name_en, call.main_event.actor2.name_en} == {"Vladimir Putin",
                                                                               "Ahmed al-Sharaa"}
    assert call.main_event.support["mode"] == {"phone": 3}
    assert call.summary_en.startswith("Vladimir Putin and Ahmed al-Sharaa held a phone call on 12 February 2025")
    assert call.discrepancies == []


def test_copies_are_one_source():
    text = ("أعلنت وزارة الخارجية القطرية أن رئيس الوزراء استقبل وفدا أمريكيا في الدوحة وبحث معه "
            "جهود الوساطة لوقف إطلاق النار في غزة وتبادل الأسرى بين الطرفين في الأيام المقبلة")
    a = article("copy-1", text, type=None, outlet="x.example")
    b = article("copy-2", text + " .", type=None, outlet="y.example")
    c = article("other", "افتتح وزير الثقافة معرض الكتاب الدولي في القاهرة بمشاركة مئات الناشرين العرب",
                type=None, outlet="z.example")
    stories = build_stories([a, b, c])
    assert memberships(stories) == [["copy-1", "copy-2"], ["other"]]
    copy_story = next(s for s in stories if "copy-1" in s.article_ids)
    assert copy_story.duplicates == [["copy-1", "copy-2"]]


def test_different_dates_in_one_story_are_a_discrepancy_but_spellings_are_not():
    # Linked by near-identical text, the sources disagree on the date of the call.
    text = ("أجرى الرئيس الروسي اتصالا هاتفيا مع نظيره السوري بحثا خلاله العلاقات الثنائية والتعاون "
            "الاقتصادي وإعادة الإعمار وأكدا أهمية مواصلة الاتصالات بين البلدين في المرحلة المقبلة")
    a = article("d1", text, date="2025-02-12", outlet="a.example")
    b = article("d2", text + " وفق بيان", date="2025-02-12", outlet="b.example")
    c = article("d3", text + " بحسب وكالة", date="2025-02-13", outlet="c.example")
    stories = build_stories([a, b, c])
    assert memberships(stories) == [["d1", "d2", "d3"]]
    (date_gap,) = [d for d in stories[0].discrepancies if d.field == "date"]
    assert date_gap.values == [{"value": "2025-02-12", "article_ids": ["d1", "d2"]},
                               {"value": "2025-02-13", "article_ids": ["d3"]}]
    assert all(d.field != "name" for d in stories[0].discrepancies)


def test_knowledge_base_conflicts_become_story_discrepancies():
    bogdanov = Entity(0, 1, "x", type="PERSON", name_en="Mikhail Bogdanov", kb_id="mikhail_bogdanov")
    finding = Finding(kind="kb_conflict", field="name of Deputy Foreign Minister of Russia",
                      found="Sergei Bogdanov", expected="Mikhail Bogdanov")
    a = article("n1", "نص أول", date="2025-02-12", outlet="a.example",
                entities=[bogdanov], findings=[finding])
    b = article("n2", "نص ثان", date="2025-02-12", outlet="b.example", entities=[bogdanov])
    stories = build_stories([a, b])
    (d,) = [d for d in stories[0].discrepancies if d.field.startswith("name of")]
    assert d.values == [{"value": "Sergei Bogdanov", "article_ids": ["n1"]},
                        {"value": "Mikhail Bogdanov", "article_ids": ["n2"]}]


def test_casualty_figures_are_compared_across_sources():
    assert casualty_figures("أسفرت الغارة عن سقوط ستة قتلى وإصابة 12 آخرين") == {"killed": 6, "injured": 12}
    assert casualty_figures("وأدى القصف إلى مقتل 5 أشخاص") == {"killed": 5}
    assert casualty_figures("التقى الوزير 5 من السفراء") == {}
    assert casualty_figures("وارتفع عدد القتلى إلى سبعة بينهم قيادي") == {"killed": 7}
    assert casualty_figures("قُتل 7 أشخاص في الغارة") == {"killed": 7}
    assert casualty_figures("وقتل الوزير خصمه في 2020") == {}
    # The named victim counts too: "X and six others" are seven.
    assert casualty_figures("قُتل القيادي في الحركة وستة آخرون مساء الثلاثاء") == {"killed": 7}
    assert casualty_figures("مقتل القيادي وثلاثة من مرافقيه بضربة") == {"killed": 4}
    strike = dict(type="ASSAULT", mode="airstrike", a1=Actor(name_en="Israel", country="ISR", kb_id="ISR"),
                  a2=Actor(name_en="Hamas", kb_id="hamas"))
    a = article("c1", "غارة إسرائيلية على الدوحة أسفرت عن مقتل ستة أشخاص", date="2025-09-09", **strike)
    b = article("c2", "غارة إسرائيلية على الدوحة أدت إلى مقتل خمسة أشخاص", date="2025-09-09", **strike)
    stories = build_stories([a, b])
    assert memberships(stories) == [["c1", "c2"]]
    (d,) = [d for d in stories[0].discrepancies if d.field == "casualties_killed"]
    assert sorted(v["value"] for v in d.values) == [5, 6]


def test_an_announced_event_joins_the_story_of_the_event():
    visit = dict(type="CONSULT", mode="visit", a1=SHARAA, a2=Actor(name_en="Saudi Arabia", country="SAU",
                                                                  kb_id="SAU"))
    planned = article("p1", "يصل الرئيس السوري إلى الرياض غدا الأحد في أول زيارة خارجية", date="2025-02-02",
                      published="2025-02-01", **visit)
    planned.events[0].modality = "planned"
    done = article("p2", "وصل الرئيس السوري إلى الرياض اليوم الأحد في أول زيارة خارجية", date="2025-02-02",
                   published="2025-02-02", **visit)
    assert memberships(build_stories([planned, done])) == [["p1", "p2"]]


def _call(aid, a1, a2, trigger_text):
    from marsad.model import Span

    art = article(aid, f"{trigger_text} نص الخبر عن الاتصال", date="2025-03-18", a1=a1, a2=a2,
                  outlet=f"{aid}.example")
    art.events[0].trigger = Span(0, len(trigger_text), trigger_text)
    return art


def test_who_called_whom_is_a_discrepancy_only_when_the_words_say_so():
    directional = [_call("w1", TRUMP, PUTIN, "أجرى ترامب اتصالا"), _call("w2", PUTIN, TRUMP, "أجرى بوتين اتصالا")]
    (story,) = build_stories(directional)
    assert [d.field for d in story.discrepancies] == ["initiator"]
    symmetric = [_call("s1", TRUMP, PUTIN, "اتصال هاتفي بين"), _call("s2", PUTIN, TRUMP, "محادثة هاتفية بين")]
    (story,) = build_stories(symmetric)
    assert story.discrepancies == []


def test_summary_says_only_what_the_events_hold():
    from marsad.model import Story
    from marsad.stories.summary import summarize

    main = Event(type="RETREAT", mode="ceasefire", actor1=Actor(name_en="Israel", country="ISR"),
                 actor2=Actor(name_en="Hezbollah"), date="2024-11-27", main=True, article_ids=["a", "b"])
    recap = Event(type="ASSAULT", actor1=Actor(name_en="Israel"), actor2=Actor(name_en="Lebanon"),
                  date="2006-07-12", article_ids=["a", "b"])
    story = Story(id="s", article_ids=["a", "b"], outlets=["x.example"], date="2024-11-27",
                  main_event=main, events=[main, recap])
    assert summarize(story) == ("A ceasefire between Israel and Hezbollah took effect on 27 November 2024 "
                                "(retreat, reported by 2 articles from 1 outlet).")


def test_summary_counts_outlets_only_when_every_source_is_named():
    from marsad.model import Story
    from marsad.stories.summary import summarize

    main = Event(type="ASSAULT", mode="airstrike", actor1=Actor(name_en="Israel", country="ISR"),
                 actor2=Actor(name_en="Iran", country="IRN"), location="Iran", date="2025-06-13",
                 main=True, article_ids=["a", "b"])
    story = Story(id="s", article_ids=["a", "b"], outlets=["x.example"], date="2025-06-13",
                  main_event=main, events=[main])
    assert summarize(story, unnamed_outlets=1) == (
        "Israel carried out airstrikes on Iran on 13 June 2025 (assault, reported by 2 articles).")
    story.outlets = ["x.example", "y.example"]
    assert summarize(story).endswith("(assault, reported by 2 articles from 2 outlets).")


def _relative_dated(aid, text, day, published, **kw):
    art = article(aid, text, date=day, published=published, stated=False, **kw)
    art.dates = [DateMention(0, 1, text[:1], value=day, grain="day", anchor="published", relative=True)]
    return art


def test_a_one_day_slip_joins_the_same_pair_but_not_another_bombing():
    pair = dict(type="RETREAT", mode="ceasefire", a1=Actor(name_en="Israel", country="ISR", kb_id="ISR"),
                a2=Actor(name_en="Hezbollah", kb_id="hezbollah", country="LBN"))
    a = _relative_dated("slip-1", "دخل وقف إطلاق النار بين إسرائيل وحزب الله حيز التنفيذ فجر اليوم", "2024-11-27",
                        "2024-11-27", **pair)
    b = _relative_dated("slip-2", "سريان الهدنة بين إسرائيل وحزب الله منذ فجر الخميس", "2024-11-28",
                        "2024-11-28", **pair)
    (story,) = build_stories([a, b])
    assert [d.field for d in story.discrepancies] == ["date"]
    blast = dict(type="ASSAULT", mode="bombing", a1=Actor(name_en="Lebanon", country="LBN", kb_id="LBN"), a2=None)
    c = _relative_dated("blast-1", "انفجرت أجهزة في مناطق لبنانية ظهر اليوم الثلاثاء", "2024-09-17", "2024-09-17",
                        **blast)
    d = _relative_dated("blast-2", "انفجرت أجهزة أخرى في مناطق لبنانية عصر اليوم الأربعاء", "2024-09-18",
                        "2024-09-18", **blast)
    assert memberships(build_stories([c, d])) == [["blast-1"], ["blast-2"]]
    # The same two parties strike each other day after day: a day apart is another strike.
    strike = dict(type="ASSAULT", mode="airstrike", a1=Actor(name_en="Israel", country="ISR", kb_id="ISR"),
                  a2=Actor(name_en="Hezbollah", kb_id="hezbollah", country="LBN"))
    e = _relative_dated("strike-1", "غارات إسرائيلية على مواقع لحزب الله فجر اليوم", "2024-10-01", "2024-10-01",
                        **strike)
    f = _relative_dated("strike-2", "غارات إسرائيلية جديدة على مواقع لحزب الله فجر اليوم", "2024-10-02",
                        "2024-10-02", **strike)
    assert memberships(build_stories([e, f])) == [["strike-1"], ["strike-2"]]


def test_a_hosting_and_a_meeting_merge_in_the_hosts_direction():
    # «أردوغان يستقبل الشرع» (host first) and «الشرع يلتقي أردوغان» (undirected): one story
    # whose main event keeps the host as the one who received, never the reverse
    from marsad.stories.merge import merge_main_event

    erdogan = Actor(name_en="Recep Tayyip Erdoğan", country="TUR", kb_id="erdogan", kind="PERSON")
    host = article("host", "استقبل أردوغان الشرع في أنقرة", date="2025-02-04", mode="host",
                   a1=erdogan, a2=SHARAA)
    meeting = article("meet", "التقى الشرع أردوغان في أنقرة", date="2025-02-04", mode="meeting",
                      a1=SHARAA, a2=erdogan)
    for order in ([host, meeting], [meeting, host]):
        main = merge_main_event(order, {"host": "host", "meet": "meet"})
        assert (main.mode, main.actor1.key, main.actor2.key) == ("host", "erdogan", "ahmed_al_sharaa")
    visit = article("visit", "زار الشرع أنقرة والتقى أردوغان", date="2025-02-04", mode="visit",
                    a1=SHARAA, a2=erdogan)
    other = article("visit2", "زيارة الشرع إلى تركيا", date="2025-02-04", mode="visit", a1=SHARAA, a2=erdogan)
    main = merge_main_event([host, visit, other], {"host": "host", "visit": "visit", "visit2": "visit2"})
    assert (main.mode, main.actor1.key, main.actor2.key) == ("visit", "ahmed_al_sharaa", "erdogan")
