"""Stories of articles without a publication date: the weekday or the day of the month
their text names, the words they share, and actors that cannot stand in for each other."""

from __future__ import annotations

from marsad.model import Actor, Article, DateMention, Entity, Event, Sentence, Span
from marsad.stories import build_stories
from marsad.stories.cluster import UNDATED_WORDS, candidate_pairs, conflict, score, word_similarity
from marsad.stories.features import features, mention_month_day, mention_weekday, text_words

SISI = Actor(name_en="Abdel Fattah el-Sisi", country="EGY", kb_id="abdel_fattah_el_sisi", kind="PERSON")
TRUMP = Actor(name_en="Donald Trump", country="USA", kb_id="donald_trump", kind="PERSON")
SALMAN = Actor(name_en="Salman bin Abdulaziz", country="SAU", kb_id="salman_bin_abdulaziz", kind="PERSON")
J_AOUN = Actor(name_en="Joseph Aoun", country="LBN", kb_id="joseph_aoun", kind="PERSON")
M_AOUN = Actor(name_en="Michel Aoun", country="LBN", kb_id="michel_aoun", kind="PERSON")
LBN = Actor(name_en="Lebanon", country="LBN", kb_id="LBN", kind="GPE")

CALL_TEXT = ("تلقى الرئيس المصري عبد الفتاح السيسي {when} اتصالا هاتفيا من الرئيس الأمريكي دونالد ترامب "
             "تناول {topic}.")


def _article(aid, text, *, when=None, value=None, published=None, date=None, type="CONSULT", mode="phone",
             a1=SISI, a2=TRUMP):
    """An article whose main event's trigger is its first word; ``when`` is the date
    expression of the trigger's clause (resolved to ``value``, or not at all)."""
    art = Article(id=aid, text=text, raw=text, published=published, title=text[:40])
    trigger = Span(0, len(text.split()[0]), text.split()[0])
    art.events = [Event(type=type, mode=mode, actor1=a1, actor2=a2, date=date, main=True, trigger=trigger,
                        article_ids=[aid])]
    if when:
        start = text.index(when)
        art.dates = [DateMention(start, start + len(when), when, value=value, grain="day",
                                 anchor="absolute" if value else "story", relative=value is None)]
    art.entities = [Entity(0, 1, text[:1], type="PERSON", name_en=a.name_en, kb_id=a.kb_id, country=a.country)
                    for a in (a1, a2) if a]
    return art


def _call(aid, when, topic="العلاقات الثنائية بين البلدين وجهود مكافحة الإرهاب في المنطقة", **kw):
    return _article(aid, CALL_TEXT.format(when=when, topic=topic), when=when, **kw)


def test_the_weekday_and_the_day_of_the_month_a_date_expression_names():
    assert mention_weekday("مساء يوم الخميس") == 3
    assert mention_weekday("أمس الإثنين") == 0
    assert mention_weekday("مساء اليوم") is None
    assert mention_weekday("من الأحد إلى الثلاثاء") is None   # a range names no one day
    assert mention_month_day("1 فبراير") == (2, 1)
    assert mention_month_day("الخميس") is None


def test_undated_calls_on_other_weekdays_are_other_events():
    thursday, monday = _call("thu", "مساء الخميس"), _call("mon", "يوم الاثنين")
    also_monday = _call("mon2", "الاثنين", topic="العلاقات الثنائية بين البلدين وجهود السلام في المنطقة")
    f = {a.id: features(a) for a in (thursday, monday, also_monday)}
    assert (f["thu"].weekday, f["mon"].weekday) == (3, 0)
    assert conflict(f["thu"], f["mon"])
    assert not conflict(f["mon"], f["mon2"])
    stories = build_stories([thursday, monday, also_monday])
    assert sorted(sorted(s.article_ids) for s in stories) == [["mon", "mon2"], ["thu"]]


def test_an_undated_weekday_or_day_of_month_must_fit_a_dated_report():
    dated = _call("dated", "اليوم الاثنين 23 يناير 2017", value="2017-01-23", published="2017-01-23",
                  date="2017-01-23")
    f_dated = features(dated)
    assert f_dated.day is not None and f_dated.weekday is None   # a dated report has its day
    assert conflict(features(_call("thu", "مساء الخميس")), f_dated)
    assert not conflict(features(_call("mon", "يوم الاثنين")), f_dated)
    assert conflict(features(_call("feb", "في 1 فبراير")), f_dated)
    # Where only the publication date dates a report, its event may be of the day before.
    by_publication = _call("pub", "مساء اليوم", published="2017-01-24", date="2017-01-24")
    assert features(by_publication).date_evidence == "none"
    assert not conflict(features(_call("mon", "يوم الاثنين")), features(by_publication))


def test_a_year_alone_does_not_split_a_story():
    a = _call("y1", "عام 2016", value="2016", date="2016")
    b = _call("y2", "يوم الجمعة", value="2023-03-10", published="2023-03-10", date="2023-03-10")
    a.dates[0].grain = "year"
    assert not conflict(features(a), features(b))


def test_undated_reports_must_share_their_words():
    dam = ("تلقى الرئيس السيسي اتصالا من ترامب مساء أمس تناول ملف سد النهضة وأزمة المياه "
           "مع إثيوبيا ودور واشنطن في الوساطة بين القاهرة وأديس أبابا")
    dam_again = ("أجرى ترامب اتصالا بالسيسي مساء أمس بحثا خلاله أزمة سد النهضة والوساطة "
                 "الأمريكية بين القاهرة وأديس أبابا بشأن المياه")
    jets = ("بحث السيسي وترامب هاتفيا صفقة طائرات مقاتلة ومناورات النجم الساطع المشتركة "
            "وتعزيز التعاون العسكري والتدريب")
    f = {aid: features(_article(aid, text, when="مساء أمس" if "مساء أمس" in text else None))
         for aid, text in (("dam", dam), ("dam2", dam_again), ("jets", jets))}
    assert not conflict(f["dam"], f["jets"])
    assert word_similarity(f["dam"], f["jets"]) < UNDATED_WORDS <= word_similarity(f["dam"], f["dam2"])
    assert score(f["dam"], f["jets"]) == 0.0       # the same two leaders, no shared words
    assert score(f["dam"], f["dam2"]) >= 0.5
    # With both days known, the dates decide and agreeing annotations link as before.
    for aid in f:
        f[aid].event_date = "2020-01-10"
    assert score(f["dam"], f["jets"]) >= 0.5


def test_text_words_are_content_stems():
    words = text_words("وقالت الرئاسة المصرية في بيان إن الرئيسين بحثا الأوضاع في غزة")
    assert "في" not in words and "إن" not in words
    assert text_words("الرئاسة") == text_words("والرئاسة")


def test_two_known_persons_of_one_country_are_two_parties_between_two_countries():
    joseph = _article("j", "هنأ الملك سلمان الرئيس جوزيف عون بانتخابه", type="SUPPORT", mode="congratulate",
                      a1=SALMAN, a2=J_AOUN)
    michel = _article("m", "هنأ الملك سلمان الرئيس ميشال عون بانتخابه", type="SUPPORT", mode="congratulate",
                      a1=SALMAN, a2=M_AOUN)
    assert conflict(features(joseph), features(michel))
    # A country stands in for its president as before.
    country = _article("c", "هنأ الملك سلمان لبنان بانتخاب رئيسه", type="SUPPORT", mode="congratulate",
                       a1=SALMAN, a2=LBN)
    assert not conflict(features(joseph), features(country))


def test_events_without_actors_in_one_place_are_compared():
    def protest(aid, text):
        when = "يوم 29 سبتمبر 2025"
        art = _article(aid, text, when=when, value="2025-09-29", published="2025-09-29", date="2025-09-29",
                       type="PROTEST", mode="demonstrate", a1=None, a2=None)
        art.events[0].location = "Morocco"
        return art
    f = {a.id: features(a) for a in (
        protest("p1", "تظاهر آلاف الشبان في الرباط يوم 29 سبتمبر 2025 للمطالبة بإصلاح التعليم والصحة"),
        protest("p2", "خرجت مسيرات احتجاجية يوم 29 سبتمبر 2025 في مدن مغربية عدة رفعت شعارات اجتماعية"))}
    assert ("p1", "p2") in candidate_pairs(f)
    assert score(f["p1"], f["p2"]) > 0


def test_a_main_event_without_a_date_of_its_own_takes_the_weekday_of_the_lead():
    text = ("أفادت الوكالة الرسمية بأن الطيران الحربي شن غارة عنيفة على الضاحية. "
            "وفي وقت سابق الخميس، أنذر الجيش السكان بإخلاء المنطقة. "
            "وكان الجيش قد قصف المنطقة الجمعة الماضية.")
    art = _article("lead", text, type="ASSAULT", mode="airstrike")
    art.events[0].trigger = Span(text.index("شن"), text.index("شن") + 2, "شن")
    art.dates = [DateMention(text.index("الخميس"), text.index("الخميس") + 6, "الخميس", anchor="story",
                             relative=True),
                 DateMention(text.index("الجمعة"), text.index("الجمعة") + 14, "الجمعة الماضية", anchor="story",
                             relative=True)]
    assert features(art).weekday == 3
    # A day before or after the news («الجمعة الماضية») is not the news's day.
    art.dates = art.dates[1:]
    assert features(art).weekday is None


def test_a_named_day_that_fits_asks_for_fewer_shared_words():
    dated = _article("d", "شن الجيش غارة على بلدة في الجنوب اليوم الأحد وأوقعت قتلى بين المدنيين والمسعفين",
                     when="اليوم الأحد", value="2025-11-23", published="2025-11-23", date="2025-11-23",
                     type="ASSAULT", mode="airstrike")
    def undated(day):
        return _article(day, f"غارة عصر {day} استهدفت مبنى سكنيا في الضاحية وقالت مصادر طبية إن الحصيلة ارتفعت",
                        when=f"عصر {day}", type="ASSAULT", mode="airstrike")
    f_dated, f_sunday = features(dated), features(undated("الأحد"))
    words = word_similarity(f_dated, f_sunday)
    assert UNDATED_WORDS / 2 <= words < UNDATED_WORDS
    assert score(f_dated, f_sunday) > 0
    f_none = features(_article("x", undated("الأحد").text.replace("عصر الأحد", "عصرا"),
                               type="ASSAULT", mode="airstrike"))
    assert score(f_dated, f_none) == 0.0


def test_a_known_person_read_into_another_office_is_no_story_discrepancy():
    from marsad.model import Finding
    from marsad.stories.discrepancies import name_discrepancies

    text = "استقبل رئيس الحركة راشد الغنوشي وفدا من الحزب"
    start = text.index("راشد")
    art = Article(id="g", text=text, raw=text)
    art.entities = [Entity(start, start + 12, "راشد الغنوشي", type="PERSON", name_en="Rached Ghannouchi",
                           kb_id="rached_ghannouchi", country="TUN")]
    art.findings = [Finding(kind="kb_conflict", field="holder of President of Tunisia on 2023-04-17",
                            found="راشد الغنوشي", expected="قيس سعيد (Kais Saied)", start=start, end=start + 12)]
    assert name_discrepancies([art]) == []
    art.entities = []     # a name the base does not know still contradicts it
    assert [d.field for d in name_discrepancies([art])] == ["holder of President of Tunisia on 2023-04-17"]


def test_a_country_meets_the_reports_that_name_its_people():
    tun = Actor(name_en="Tunisia", country="TUN", kb_id="TUN", kind="GPE")
    saied = Actor(name_en="Kais Saied", country="TUN", kb_id="kais_saied", kind="PERSON")
    imf = Actor(name_en="International Monetary Fund", kb_id="imf", kind="ORG")
    minister = Actor(name_en="A Tunisian minister", country="TUN", kb_id="tun_minister", kind="PERSON")
    country = _article("country", "رفضت تونس شروط صندوق النقد الدولي لمنح قرض جديد", type="REJECT",
                       mode="reject", a1=tun, a2=None)
    person = _article("person", "رفض الرئيس قيس سعيد إملاءات صندوق النقد الدولي", type="REJECT",
                      mode="reject", a1=saied, a2=imf)
    other = _article("other", "رفض وزير تونسي إملاءات صندوق النقد الدولي", type="REJECT", mode="reject",
                     a1=minister, a2=imf)
    f = {a.id: features(a) for a in (country, person, other)}
    pairs = candidate_pairs(f)
    assert ("country", "person") in pairs and ("country", "other") in pairs
    # Two people of one country meet through their own blocks (the IMF here), not Tunisia's.
    del f["country"]
    for aid, key in (("person", "kais_saied"), ("other", "tun_minister")):
        f[aid].actors = f[aid].lead = frozenset({key})   # each names only its own person
    assert ("other", "person") not in candidate_pairs(f)


def test_a_discussion_by_phone_is_a_phone_call():
    # «بحث ... هاتفيا»: "discussed" names no channel, so it agrees with a call.
    from marsad.stories.features import modes_conflict
    assert not modes_conflict("discuss", "phone")
    assert modes_conflict("visit", "phone")
    call = _call("call", "مساء الخميس")
    talks = _call("talks", "الخميس", mode="discuss")
    assert not conflict(features(call), features(talks))
    assert [sorted(s.article_ids) for s in build_stories([call, talks])] == [["call", "talks"]]



def test_pickled_features_carry_their_words_not_the_text():
    import pickle
    from marsad.model import Evidence
    art = _call("c1", "مساء الخميس")
    art.events[0].evidence = [Evidence("c1", 0, 4, art.text)]
    f = features(art)
    assert f.words is None and f.text                      # worked out on first use
    g = pickle.loads(pickle.dumps(f))
    assert g.text is None and g.words == text_words(f.text)
    assert f.main.evidence and not g.main.evidence        # nor the sentences of its tellings
    assert (g.main.type, g.main.mode, g.actors, g.event_date) == (f.main.type, f.main.mode, f.actors, f.event_date)
    assert len(pickle.dumps(g)) < len(pickle.dumps(f.__dict__ | {"words": None}))
    assert word_similarity(g, f) == 1.0 and f.words is not None


def test_the_office_holder_spelled_another_way_is_no_story_discrepancy():
    from marsad.model import Finding
    from marsad.stories.discrepancies import name_discrepancies, same_person_spelled

    expected = "مسعود بزشكيان (Masoud Pezeshkian)"
    assert same_person_spelled("مسعود بيزشكيان", expected)
    assert same_person_spelled("Massoud Pezeshkian", expected)
    assert not same_person_spelled("علي بزشكيان", expected)      # another given name: another man
    # a given name that differs by a long vowel is another name (محمد, محمود)
    assert same_person_spelled("محمود عباس", "محمود عباس (Mahmoud Abbas)")
    assert not same_person_spelled("محمد عباس", "محمود عباس (Mahmoud Abbas)")
    assert not same_person_spelled("حسن روحاني", expected)
    text = "وصل الرئيس الإيراني مسعود بيزشكيان إلى العاصمة في زيارة رسمية"
    start = text.index("مسعود")
    art = Article(id="v", text=text, raw=text)
    field = "holder of President of Iran on 2025-03-01"
    art.findings = [Finding(kind="kb_conflict", field=field, found="مسعود بيزشكيان", expected=expected,
                            start=start, end=start + 14)]
    assert name_discrepancies([art]) == []
    art.findings[0].found = "حسن روحاني"      # another man named as the holder still contradicts the base
    assert [d.field for d in name_discrepancies([art])] == [field]


def test_a_holder_conflict_is_judged_on_the_events_date():
    from marsad.model import Finding
    from marsad.stories.discrepancies import name_discrepancies

    # A page without a date of its own was checked against today's holder; the story's
    # event is dated to a year when that person did not hold the office.
    text = "قال الرئيس التونسي الباجي قائد السبسي إن الحكومة ستواصل الإصلاحات"
    start = text.index("الباجي")
    art = Article(id="u", text=text, raw=text)
    art.findings = [Finding(kind="kb_conflict", field="holder of President of Tunisia on 2026-12-07",
                            found="الباجي قائد السبسي", expected="قيس سعيد (Kais Saied)", start=start, end=start + 18)]
    then = Event(type="CONSULT", date="2017-05-02")
    assert name_discrepancies([art], then) == []
    now = Event(type="CONSULT", date="2024-05-02")
    assert len(name_discrepancies([art], now)) == 1
    assert len(name_discrepancies([art])) == 1


def test_undated_reports_of_one_persons_resignation_need_fewer_shared_words():
    from marsad.stories.cluster import LINK_THRESHOLD
    pm = Actor(name_en="A prime minister", country="IRQ", kb_id="a_prime_minister", kind="PERSON")
    one = _article("r1", "قدم رئيس الوزراء استقالته رسميا إلى البرلمان بعد أسابيع من الاحتجاجات في الشوارع والساحات",
                   type="CONCEDE", mode="resign", a1=pm, a2=None)
    two = _article("r2", "رفع رئيس الوزراء استقالة حكومته وسط غضب شعبي متصاعد وضغوط المرجعية الدينية في البلاد",
                   type="CONCEDE", mode="resign", a1=pm, a2=None)
    fa, fb = features(one), features(two)
    assert UNDATED_WORDS / 2 <= word_similarity(fa, fb) < UNDATED_WORDS
    assert score(fa, fb) >= LINK_THRESHOLD
    # Another known person in one of them: the same man's act with someone else.
    two.events[0].actor2 = SISI
    assert score(fa, features(two)) == 0.0
    two.events[0].actor2 = None
    # A threat is said again and again: two reports of one person's threats sharing
    # as few words stay apart.
    for art in (one, two):
        art.events[0].type, art.events[0].mode = "THREATEN", "threaten"
    assert score(features(one), features(two)) == 0.0


def test_a_conjunction_written_onto_a_known_name_is_no_story_discrepancy():
    from marsad.model import Finding
    from marsad.stories.discrepancies import name_discrepancies

    text = "واجتمع الوزير المنتدب وكريم بناني مع ممثلي النقابات"
    start = text.index("وكريم")
    art = Article(id="w", text=text, raw=text)
    field = "name of Minister Delegate of Nowhere"
    art.findings = [Finding(kind="kb_conflict", field=field, found="وكريم بناني", expected="كريم بناني (Karim Bennani)",
                            start=start, end=start + 11)]
    assert name_discrepancies([art]) == []
    art.findings[0].found = "سليم بناني"     # another given name is still flagged
    assert [d.field for d in name_discrepancies([art])] == [field]


def test_a_one_off_act_may_be_told_a_day_off():
    # An agreement is reported on the day it was signed or on the day it was announced.
    sat = _call("sat", "يوم السبت", type="AGREE", mode="sign")
    sun = _call("sun", "يوم الأحد", type="AGREE", mode="sign")
    tue = _call("tue", "يوم الثلاثاء", type="AGREE", mode="sign")
    assert not conflict(features(sat), features(sun))
    assert conflict(features(sat), features(tue))
    dated = _call("dated", "اليوم الاثنين 23 يناير 2017", value="2017-01-23", published="2017-01-23",
                  date="2017-01-23", type="AGREE", mode="sign")
    assert not conflict(features(sun), features(dated))
    assert conflict(features(_call("wed", "يوم الأربعاء", type="AGREE", mode="sign")), features(dated))
    # Calls between the same leaders on two days in a row are two calls.
    assert conflict(features(_call("c1", "يوم السبت")), features(_call("c2", "يوم الأحد")))
    # Days of the month, across the turn of the year too.
    assert not conflict(features(_call("d31", "في 31 ديسمبر", type="AGREE", mode="sign")),
                        features(_call("d1", "في 1 يناير", type="AGREE", mode="sign")))


def test_two_romanizations_of_one_discovered_name_are_one_name():
    from marsad.stories.discrepancies import name_discrepancies

    def report(aid, name_en):
        text = "وقال وزير الزراعة فلان في مؤتمر صحفي إن المحصول تراجع هذا العام"
        art = Article(id=aid, text=text, raw=text)
        art.entities = [Entity(start=5, end=17, text="وزير الزراعة", type="PERSON", name_en=name_en,
                               country="JOR", role="Minister of Agriculture", how="discovered")]
        return art

    assert name_discrepancies([report("a", "Massoud Haddad"), report("b", "Masoud Hadad")]) == []
    assert [d.field for d in name_discrepancies([report("a", "Massoud Haddad"), report("b", "Khaled Haddad")])] \
        == ["name of Minister of Agriculture"]


def test_a_headline_cut_in_two_does_not_use_up_the_lead():
    """A title cut at «..» makes two short sentences; the day the first paragraph names
    is still the lead's (the lead runs to its first paragraph's length)."""
    text = ("مساعدات من الجو.. إنزال جديد فوق القطاع\n"
            "أسقطت طائرات شحن من عدة دول، اليوم الجمعة، دفعة أخرى من المؤن فوق القطاع، بلغت قرابة "
            "أربعين طنا من الطحين والأدوية والمياه المعبأة للسكان المحاصرين.")
    art = Article(id="drop", text=text, raw=text, title=text[:40])
    art.sentences = [Sentence(0, 15, text[:15]), Sentence(16, 39, text[16:39]),
                     Sentence(40, len(text), text[40:])]
    art.events = [Event(type="AID", mode="humanitarian", actor1=SISI, main=True, trigger=Span(0, 7, text[:7]),
                        article_ids=["drop"])]
    when = "اليوم الجمعة"
    start = text.index(when)
    art.dates = [DateMention(start, start + len(when), when, value=None, grain="day", anchor="story", relative=True)]
    assert features(art).weekday == 4
