"""Stories that do not hang on the coded main event alone: the people a lead names,
the words two reports share, and the parties one text names of the other's event."""

from __future__ import annotations

from marsad.model import Actor, Article, Entity, Event, Span
from marsad.stories import build_stories
from marsad.stories.cluster import (LINK_THRESHOLD, SHARED_WORDS, UNDATED_WORDS, candidate_pairs, conflict,
                                    score, word_similarity)
from marsad.stories.features import features, lead_people
from marsad.stories.index import block_keys

MBZ = Actor(name_en="Mohamed bin Zayed Al Nahyan", country="ARE", kb_id="mohamed_bin_zayed", kind="PERSON")
MISHAL = Actor(name_en="Mishal al-Ahmad al-Jaber al-Sabah", country="KWT", kb_id="mishal_al_ahmad", kind="PERSON")
TAMIM = Actor(name_en="Tamim bin Hamad Al Thani", country="QAT", kb_id="tamim_bin_hamad", kind="PERSON")
TEBBOUNE = Actor(name_en="Abdelmadjid Tebboune", country="DZA", kb_id="abdelmadjid_tebboune", kind="PERSON")
TUN = Actor(name_en="Tunisia", country="TUN", kb_id="TUN", kind="GPE")


def _report(aid, text, *, actors=(), names=(), type="CONSULT", mode="phone", date=None):
    """An article whose main event (its trigger is the first word) has ``actors``, and in
    whose text each ``names`` pair (words as written, actor) is tagged where it stands."""
    art = Article(id=aid, text=text, raw=text, title=text[:30])
    first = text.split()[0]
    a1, a2 = (list(actors) + [None, None])[:2]
    art.events = [Event(type=type, mode=mode, actor1=a1, actor2=a2, date=date, main=True,
                        trigger=Span(0, len(first), first), article_ids=[aid])]
    art.entities = []
    for written, actor in names:
        start = text.index(written)
        art.entities.append(Entity(start, start + len(written), written, type=actor.kind, name_en=actor.name_en,
                                   kb_id=actor.kb_id, country=actor.country))
    return art


CALLS = ("أجرى رئيس دولة الإمارات الشيخ محمد بن زايد اتصالات هاتفية مع أمير الكويت الشيخ مشعل الأحمد "
         "وأمير قطر الشيخ تميم بن حمد بحث خلالها التصعيد في المنطقة بعد الهجمات على المنشآت وأكد القادة "
         "ضرورة ضبط النفس واللجوء إلى الحوار والحلول الدبلوماسية.")
CALLS_2 = ("بحث الشيخ محمد بن زايد في اتصالات هاتفية مع أمير الكويت الشيخ مشعل الأحمد وأمير قطر التصعيد "
           "في المنطقة بعد الهجمات على المنشآت وأكد القادة ضرورة ضبط النفس واللجوء إلى الحوار.")
NO_ACTORS = ("جرت مشاورات خليجية مساء اليوم يقودها الشيخ محمد بن زايد لتهدئة التوتر في المنطقة بعد الهجمات "
             "على المنشآت وشدد المشاركون على ضبط النفس والحوار.")


def test_the_people_a_lead_names_meet_in_their_actor_blocks():
    coded = _report("coded", CALLS, actors=(MBZ, MISHAL),
                    names=(("محمد بن زايد", MBZ), ("مشعل الأحمد", MISHAL), ("تميم بن حمد", TAMIM)))
    # the coder found no actor for this one; its lead names the host of the calls
    uncoded = _report("uncoded", NO_ACTORS, actors=(), mode="discuss", names=(("محمد بن زايد", MBZ),))
    assert lead_people(uncoded) == {"mohamed_bin_zayed"}
    f = {a.id: features(a) for a in (coded, uncoded)}
    assert ("coded", "uncoded") in candidate_pairs(f)
    assert "actor\x1fmohamed_bin_zayed" in block_keys(f["uncoded"])   # the cluster index agrees
    # a person named only far below the lead is not a lead person
    late = _report("late", "اجتمع المجلس اليوم. وناقش الموازنة. " + "وتناول الاجتماع ملفات أخرى. " * 14 +
                   "وحضر الشيخ محمد بن زايد.", actors=(), names=(("محمد بن زايد", MBZ),))
    assert lead_people(late) == frozenset()


def test_lead_people_stand_in_for_a_main_event_without_actors():
    coded = _report("coded", CALLS, actors=(MBZ, MISHAL), date="2025-06-22",
                    names=(("محمد بن زايد", MBZ), ("مشعل الأحمد", MISHAL)))
    uncoded = _report("uncoded", NO_ACTORS, actors=(), mode="discuss", date="2025-06-22",
                      names=(("محمد بن زايد", MBZ),))
    fc, fu = features(coded), features(uncoded)
    assert not conflict(fc, fu) and score(fc, fu) >= LINK_THRESHOLD
    fu.lead = frozenset()
    assert score(fc, fu) < LINK_THRESHOLD            # the coded event alone says nothing
    # Without a day on both sides, a lead person is weaker than a coded actor: the
    # texts must share twice the words an undated pair needs.
    fc, fu = features(coded), features(uncoded)
    fc.event_date = fu.event_date = None
    assert word_similarity(fc, fu) < 2 * UNDATED_WORDS
    assert score(fc, fu) < LINK_THRESHOLD


def test_reports_that_share_most_words_link_whatever_pair_the_coder_gave():
    # One series of calls: one report coded as the call with Qatar's emir, the other
    # as the call with Kuwait's; the second names no Qatari the base knows.
    qatar = _report("qatar", CALLS, actors=(MBZ, TAMIM),
                    names=(("محمد بن زايد", MBZ), ("مشعل الأحمد", MISHAL), ("تميم بن حمد", TAMIM)))
    kuwait = _report("kuwait", CALLS_2, actors=(MBZ, MISHAL),
                     names=(("محمد بن زايد", MBZ), ("مشعل الأحمد", MISHAL)))
    fq, fk = features(qatar), features(kuwait)
    assert word_similarity(fq, fk) >= SHARED_WORDS
    assert not conflict(fq, fk)
    # when neither text names the other's party, the pairs still decide: two calls
    qatar.entities = [e for e in qatar.entities if e.kb_id != "mishal_al_ahmad"]
    assert conflict(features(qatar), fk)
    stories = build_stories([_report("qatar", CALLS, actors=(MBZ, TAMIM), date="2025-06-22",
                                     names=(("محمد بن زايد", MBZ), ("مشعل الأحمد", MISHAL),
                                            ("تميم بن حمد", TAMIM))),
                             _report("kuwait", CALLS_2, actors=(MBZ, MISHAL), date="2025-06-22",
                                     names=(("محمد بن زايد", MBZ), ("مشعل الأحمد", MISHAL)))])
    assert [s.article_ids for s in stories] == [["kuwait", "qatar"]]


def test_a_party_the_other_text_names_is_a_shared_party():
    host = _report("host", "استضافت تونس اليوم قمة مغاربية حول الهجرة والأمن بحضور الرئيس الجزائري عبد المجيد "
                   "تبون ورئيس المجلس الرئاسي الليبي",
                   actors=(TUN,), mode="meeting", date="2024-04-22",
                   names=(("تونس", TUN), ("عبد المجيد تبون", TEBBOUNE)))
    guest = _report("guest", "وصل الرئيس عبد المجيد تبون إلى تونس للمشاركة في أول اجتماع تشاوري ثلاثي",
                    actors=(TEBBOUNE,), mode="meeting", date="2024-04-22",
                    names=(("عبد المجيد تبون", TEBBOUNE), ("تونس", TUN)))
    assert word_similarity(features(host), features(guest)) < SHARED_WORDS   # not the words: the names
    assert not conflict(features(host), features(guest))
    # neither text names the other's actor: nothing joins a country to a foreign leader
    guest.entities = [e for e in guest.entities if e.kb_id != "TUN"]
    host.entities = [e for e in host.entities if e.kb_id != "abdelmadjid_tebboune"]
    assert conflict(features(host), features(guest))


DZA = Actor(name_en="Algeria", country="DZA", kb_id="DZA", kind="GPE")


def test_a_main_event_without_actors_meets_the_countries_its_lead_names():
    coded = _report("coded", "انطلقت اليوم مناورات بحرية مشتركة بين الجزائر وتونس قبالة السواحل", actors=(DZA, TUN),
                    type="COOPERATE", mode="military", date="2025-12-02", names=(("الجزائر", DZA), ("تونس", TUN)))
    bare = _report("bare", "بدأت وحدات من البحرية الجزائرية والتونسية تمرينا مشتركا في المتوسط بمشاركة "
                   "سفن من الجزائر وتونس", actors=(), type="COOPERATE", mode="military", date="2025-12-02",
                   names=(("الجزائر", DZA), ("تونس", TUN)))
    other = _report("other", "أجرت قطع من بحرية الجزائر وتونس تدريبا على البحث والإنقاذ", actors=(),
                    type="COOPERATE", mode="military", date="2025-12-02", names=(("الجزائر", DZA), ("تونس", TUN)))
    f = {a.id: features(a) for a in (coded, bare, other)}
    assert f["bare"].lead_countries == {"DZA", "TUN"} and f["coded"].lead_countries == frozenset()
    pairs = candidate_pairs(f)
    assert ("bare", "coded") in pairs and ("coded", "other") in pairs
    assert ("bare", "other") not in pairs      # two actorless reports do not meet through a country
    assert "actor\x1fDZA" in block_keys(f["bare"])


def test_stories_that_only_disagree_on_their_coded_events_join_in_a_second_pass():
    from marsad.stories.cluster import cluster, separate

    day = "2024-04-22"
    summit = "عقد قادة تونس والجزائر وليبيا اليوم في قصر قرطاج أول اجتماع تشاوري ثلاثي لبحث الهجرة والأمن"
    # the host's report, a guest's report, and a report that names both and links to each
    host = _report("host", summit + " بدعوة من الرئيس التونسي", actors=(TUN,), mode="meeting", date=day,
                   names=(("تونس", TUN),))
    guest = _report("guest", "شارك الرئيس عبد المجيد تبون اليوم في أول اجتماع تشاوري ثلاثي بقصر قرطاج "
                    "لبحث الهجرة والأمن", actors=(TEBBOUNE,), mode="meeting", date=day,
                    names=(("عبد المجيد تبون", TEBBOUNE),))
    both = _report("both", summit + " بمشاركة الرئيس عبد المجيد تبون", actors=(TUN, DZA), mode="meeting", date=day,
                   names=(("تونس", TUN), ("الجزائر", DZA), ("عبد المجيد تبون", TEBBOUNE)))
    f = {a.id: features(a) for a in (host, guest, both)}
    assert conflict(f["host"], f["guest"]) and not separate(f["host"], f["guest"])
    assert not conflict(f["host"], f["both"]) and not conflict(f["guest"], f["both"])
    assert cluster(f, []) == [["both", "guest", "host"]]
    # another day stays apart, second pass or not
    f["guest"].event_date = "2024-04-25"
    assert separate(f["host"], f["guest"])
    assert len(cluster(f, [])) > 1
    # so does a leader's call with another known person
    call_tamim = features(_report("t", CALLS, actors=(MBZ, TAMIM), date=day, names=(("محمد بن زايد", MBZ),)))
    call_mishal = features(_report("m", CALLS_2, actors=(MBZ, MISHAL), date=day, names=(("محمد بن زايد", MBZ),)))
    assert separate(call_tamim, call_mishal)
