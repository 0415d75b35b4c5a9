"""Where the sources of one story disagree: like compared with like (the same
quantity of the main event, its own date), and nothing flagged where the reports
agree or speak of different things. The sentences are written for these tests."""

from __future__ import annotations

from marsad.model import Actor, Article, DateMention, Event, Sentence, Span
from marsad.stories.discrepancies import casualty_counts, casualty_figures, find_discrepancies, prison_terms

ISRAEL = Actor(name_en="Israel", country="ISR", kb_id="ISR")
HAMAS = Actor(name_en="Hamas", kb_id="hamas")
MOROCCO = Actor(name_en="Morocco", country="MAR", kb_id="MAR")
JOURNALISTS = Actor(name_en="journalists", country="MAR")


def report(aid, text, *, type="ASSAULT", mode="airstrike", a1=ISRAEL, a2=HAMAS, date="2025-09-09",
           published="2025-09-09", mentions=(), trigger=None):
    """A hand-coded article: ``mentions`` are (expression, value, anchor) date
    mentions found in ``text``; ``trigger`` the words of the main event."""
    art = Article(id=aid, text=text, raw=text, published=published)
    art.sentences = [Sentence(0, len(text), text)]
    for expr, value, anchor in mentions:
        start = text.index(expr)
        art.dates.append(DateMention(start, start + len(expr), expr, value=value, anchor=anchor,
                                     relative=anchor != "absolute"))
    span = None
    if trigger:
        start = text.index(trigger)
        span = Span(start, start + len(trigger), trigger)
    art.events = [Event(type=type, mode=mode, actor1=a1, actor2=a2, date=date, main=True,
                        article_ids=[aid], trigger=span)]
    return art


def fields(articles):
    return {d.field: d.values for d in find_discrepancies(articles, articles[0].main_event)}


# --- numbers as Arabic writes them -------------------------------------------------

def test_teens_tens_and_thousands_are_read_whole():
    assert casualty_figures("أدى القصف إلى مقتل شخص وإصابة ثمانية عشر آخرين") == {"injured": 18}
    assert casualty_figures("أسفر الهجوم عن خمسة وعشرين قتيلا") == {"killed": 25}
    assert casualty_figures("خلّف الزلزال 3 آلاف قتيل في القرى الجبلية") == {"killed": 3000}
    # a hedge and a pronoun's preposition between the verb and the number
    assert casualty_figures("ارتكب الجيش مجزرة قُتل فيها ما لا يقل عن 12 شخصا") == {"killed": 12}


def test_a_running_total_or_another_years_toll_is_not_the_events():
    text = ("قصفت الطائرات مبنى في المدينة فجر الثلاثاء. "
            "وبذلك ترتفع حصيلة القتلى منذ بدء الحرب إلى 900 قتيل. "
            "وكانت مواجهات عام 2019 قد خلفت 40 قتيلا.")
    assert casualty_figures(text, "2025") == {}
    assert casualty_figures("أسفرت الغارة عن 6 قتلى. " + text, "2025") == {"killed": 6}


# --- casualties --------------------------------------------------------------------

def test_sources_giving_different_tolls_of_one_strike_disagree():
    a = report("k1", "غارة إسرائيلية على حي سكني أسفرت عن مقتل 15 شخصا وإصابة عشرات")
    b = report("k2", "استشهد 20 شخصا على الأقل في قصف إسرائيلي استهدف الحي صباح اليوم")
    c = report("k3", "قتل 15 فلسطينيا في غارة على حي سكني")
    assert fields([a, b, c])["casualties_killed"] == [
        {"value": 15, "article_ids": ["k1", "k3"]}, {"value": 20, "article_ids": ["k2"]}]


def test_the_war_toll_beside_the_strike_toll_is_no_disagreement():
    a = report("w1", "أسفرت الغارة عن مقتل 3 أشخاص وإصابة 7 آخرين")
    b = report("w2", "أسفرت الغارة عن ثلاثة قتلى. وارتفعت حصيلة القتلى منذ بدء الحرب إلى 4 آلاف قتيل")
    assert fields([a, b]) == {}


def test_killed_is_not_compared_with_wounded():
    a = report("x1", "أسفر القصف عن مقتل 4 أشخاص")
    b = report("x2", "أسفر القصف عن إصابة 9 أشخاص بجروح")
    assert fields([a, b]) == {}


def test_tolls_in_the_story_of_a_meeting_are_background():
    talks = dict(type="CONSULT", mode="meeting")
    a = report("t1", "بحث الوزيران وقف إطلاق النار بعد حرب خلفت 60 قتيلا", **talks)
    b = report("t2", "التقى الوزيران لبحث التهدئة بعد مواجهات أسفرت عن مقتل 70 شخصا", **talks)
    assert fields([a, b]) == {}


def test_an_article_with_another_main_event_is_not_compared():
    a = report("o1", "أسفرت الغارة عن مقتل 5 أشخاص")
    b = report("o2", "أسفرت الغارة عن مقتل 8 أشخاص", type="PROTEST", mode="demonstrate")
    assert fields([a, b]) == {}


# --- dates and times of day ----------------------------------------------------------

def test_a_weekday_resolved_against_the_story_date_is_not_a_date_of_its_own():
    a = report("d1", "نفذ الجيش اليوم الثلاثاء عملية إنزال جوي", date="2025-08-26",
               mentions=[("اليوم الثلاثاء", "2025-08-26", "published")], type="AID", mode="humanitarian")
    b = report("d2", "نفذ الجيش اليوم الجمعة عملية إنزال جديدة", date="2025-08-29", published=None,
               mentions=[("اليوم الجمعة", "2025-08-29", "story")], type="AID", mode="humanitarian")
    assert "date" not in fields([a, b])
    b.dates[0].anchor = "published"
    b.published = "2025-08-29"
    assert fields([a, b])["date"] == [{"value": "2025-08-26", "article_ids": ["d1"]},
                                      {"value": "2025-08-29", "article_ids": ["d2"]}]


def test_morning_and_afternoon_of_one_day_disagree():
    a = report("h1", "شنت الطائرات صباح الثلاثاء غارة على مبنى في المدينة",
               mentions=[("صباح الثلاثاء", "2025-09-09", "published")], trigger="غارة")
    b = report("h2", "استهدفت غارة جوية عصر اليوم الثلاثاء مبنى سكنيا", published=None,
               mentions=[("عصر اليوم الثلاثاء", "2025-09-09", "story")], trigger="غارة")
    assert fields([a, b])["time of day"] == [{"value": "afternoon", "article_ids": ["h2"]},
                                             {"value": "morning", "article_ids": ["h1"]}]


def test_evening_and_night_are_one_time_told_loosely():
    a = report("n1", "شنت الطائرات مساء الثلاثاء غارة على المدينة",
               mentions=[("مساء الثلاثاء", "2025-09-09", "published")], trigger="غارة")
    b = report("n2", "استهدفت غارة ليل الثلاثاء المدينة",
               mentions=[("ليل الثلاثاء", "2025-09-09", "published")], trigger="غارة")
    assert "time of day" not in fields([a, b])


def test_the_time_of_another_thing_that_day_is_not_the_events():
    # The strike was at dawn; the statement came in the evening: the trigger's
    # sentence holds the strike's time.
    text = "استهدفت غارة فجر الثلاثاء منزلا. وأصدر الجيش بيانا مساء الثلاثاء"
    a = report("s1", text, mentions=[("فجر الثلاثاء", "2025-09-09", "published"),
                                     ("مساء الثلاثاء", "2025-09-09", "published")], trigger="غارة")
    cut = text.index("وأصدر")
    a.sentences = [Sentence(0, cut, text[:cut]), Sentence(cut, len(text), text[cut:])]
    b = report("s2", "قصفت الطائرات منزلا فجر الثلاثاء",
               mentions=[("فجر الثلاثاء", "2025-09-09", "published")], trigger="قصفت")
    assert fields([a, b]) == {}


# --- prison sentences -----------------------------------------------------------------

def test_prison_terms_read_one_mans_term_and_the_ceiling():
    assert prison_terms("وكان الصحفي محكوما بـ12 سنة سجنا نافذا") == (12, False)
    assert prison_terms("وكانت الأحكام الصادرة بحقهم تصل إلى عشر سنوات") == (10, True)
    assert prison_terms("أدينوا بعقوبات سالبة للحرية بلغ بعضها خمسة عشر عاما") == (15, True)
    assert prison_terms("بمناسبة مرور 25 سنة على تولي الملك العرش") == (None, False)


def test_a_heavier_term_than_another_reports_ceiling_disagrees():
    pardon = dict(type="CONCEDE", mode="release", a1=MOROCCO, a2=JOURNALISTS)
    a = report("p1", "شمل العفو صحفيين كانت الأحكام الصادرة بحقهم تصل إلى 10 سنوات سجنا", **pardon)
    b = report("p2", "شمل العفو الصحفي المحكوم بـ10 سنوات سجنا وزميله المحكوم بست سنوات", **pardon)
    c = report("p3", "استفاد من العفو صحفيون صدرت بحقهم عقوبات بلغ بعضها 12 عاما", **pardon)
    assert fields([a, b, c])["sentence_years"] == [
        {"value": 10, "article_ids": ["p1", "p2"]}, {"value": 12, "article_ids": ["p3"]}]


def test_reports_naming_fewer_prisoners_do_not_disagree():
    pardon = dict(type="CONCEDE", mode="release", a1=MOROCCO, a2=JOURNALISTS)
    a = report("q1", "شمل العفو الصحفي المحكوم بـ10 سنوات سجنا", **pardon)
    b = report("q2", "شمل العفو ناشطا محكوما بثلاث سنوات حبسا", **pardon)
    assert fields([a, b]) == {}


# --- the kind of contact ----------------------------------------------------------------

def test_a_call_and_a_visit_are_one_contact_told_two_ways_only_on_one_day():
    leaders = dict(type="CONSULT", a1=Actor(name_en="Emmanuel Macron", country="FRA", kb_id="emmanuel_macron"),
                   a2=Actor(name_en="Egypt", country="EGY", kb_id="EGY"))
    call = report("m1", "بحث الرئيسان في اتصال هاتفي يوم الأحد العلاقات الثنائية", mode="phone",
                  date="2025-04-06", mentions=[("يوم الأحد", "2025-04-06", "published")], **leaders)
    visit = report("m2", "بحث الرئيسان خلال زيارة يوم الأحد العلاقات الثنائية", mode="visit",
                   date="2025-04-06", mentions=[("يوم الأحد", "2025-04-06", "published")], **leaders)
    assert [v["value"] for v in fields([call, visit])["mode"]] == ["phone", "visit"]
    # the call a week before the visit is another contact, and so is an undated one
    visit.events[0].date = visit.dates[0].value = "2025-04-13"
    assert fields([call, visit]) == {}
    visit.events[0].date = None
    assert fields([call, visit]) == {}


def test_time_served_and_ages_are_no_terms():
    assert prison_terms("خرج من السجن بعد قضائه سبع سنوات سجنا من أصل عشر") == (None, False)
    assert prison_terms("صدر الحكم على الشاب الذي يبلغ 25 عاما") == (None, False)
    assert prison_terms("الحكم على الناشط البالغ من العمر 30 عاما بالسجن سنتين") == (None, False)
    assert prison_terms("وكان محكوما بثماني سنوات حبسا، أمضى منها خمس سنوات سجنا") == (8, False)


# --- ages -------------------------------------------------------------------------------

def _with_person(art, name_ar, name_en):
    from marsad.model import Entity

    start = art.text.index(name_ar)
    art.entities.append(Entity(start, start + len(name_ar), name_ar, type="PERSON", name_en=name_en))
    return art


def test_one_person_given_ages_years_apart_disagree():
    a = _with_person(report("g1", "استشهد الشاب سامر خليل (19 عاما) برصاص الجنود"), "سامر خليل", "Samer Khalil")
    b = _with_person(report("g2", "قتل الجنود سامر خليل، 24 عاما، قرب الحاجز"), "سامر خليل", "Samer Khalil")
    c = _with_person(report("g3", "قتل سامر خليل البالغ من العمر 19 سنة"), "سامر خليل", "Samer Khalil")
    assert fields([a, b, c])["age of Samer Khalil"] == [
        {"value": 19, "article_ids": ["g1", "g3"]}, {"value": 24, "article_ids": ["g2"]}]


def test_a_year_apart_or_another_persons_age_is_no_disagreement():
    a = _with_person(report("y1", "قتل الشاب سامر خليل (19 عاما) برصاص الجنود"), "سامر خليل", "Samer Khalil")
    b = _with_person(report("y2", "قتل الشاب سامر خليل (20 عاما) قرب الحاجز"), "سامر خليل", "Samer Khalil")
    c = _with_person(report("y3", "أصيب رامي سليم (35 عاما) وقتل سامر خليل قرب الحاجز"), "سامر خليل", "Samer Khalil")
    assert fields([a, b, c]) == {}


# --- counts told in the lead: tonnes, countries --------------------------------------------

AIRDROP = dict(type="AID", mode="humanitarian", a1=Actor(name_en="Jordan", country="JOR", kb_id="JOR"),
               a2=Actor(name_en="Palestine", country="PSE", kb_id="PSE"))


def test_two_reports_of_one_days_airdrop_giving_other_tonnes_disagree():
    day = [("اليوم الثلاثاء", "2025-08-26", "published")]
    a = report("t1", "نفذ سلاح الجو اليوم الثلاثاء إنزالا جويا أسقط 41 طنا من المساعدات", date="2025-08-26",
               published="2025-08-26", mentions=day, **AIRDROP)
    b = report("t2", "أسقطت الطائرات اليوم الثلاثاء 25 طنا من المواد الغذائية على القطاع", date="2025-08-26",
               published="2025-08-26", mentions=day, **AIRDROP)
    c = report("t3", "إنزال جوي اليوم الثلاثاء بنحو 40 طنا من الإمدادات", date="2025-08-26",
               published="2025-08-26", mentions=day, **AIRDROP)
    assert fields([a, b, c])["tonnes"] == [{"value": 25, "article_ids": ["t2"]},
                                           {"value": 40, "article_ids": ["t3"]},
                                           {"value": 41, "article_ids": ["t1"]}]
    # about 40 and 41 hold together
    assert fields([a, c]) == {}


def test_tonnes_of_an_undated_report_of_a_recurring_delivery_are_not_compared():
    a = report("u1", "نفذ سلاح الجو اليوم الثلاثاء إنزالا جويا أسقط 41 طنا من المساعدات", date="2025-08-26",
               mentions=[("اليوم الثلاثاء", "2025-08-26", "published")], **AIRDROP)
    b = report("u2", "أسقطت الطائرات اليوم الجمعة 37 طنا من المواد الغذائية", date="2025-08-29", published=None,
               mentions=[("اليوم الجمعة", "2025-08-29", "story")], **AIRDROP)
    assert fields([a, b]) == {}


# a summit of Morocco and Egypt on Sunday 1 June 2025, the day its reports give
SUNDAY_SUMMIT = dict(type="COOPERATE", mode="agreement", a1=MOROCCO,
                     a2=Actor(name_en="Egypt", country="EGY", kb_id="EGY"),
                     date="2025-06-01", published="2025-06-01", mentions=[("الأحد", "2025-06-01", "published")])


def test_more_than_n_countries_agrees_with_a_larger_count():
    a = report("v1", "وقعت أكثر من 20 دولة الأحد على إعلان مشترك", **SUNDAY_SUMMIT)
    b = report("v2", "وقعت 23 دولة الأحد على الإعلان المشترك", **SUNDAY_SUMMIT)
    assert fields([a, b]) == {}
    c = report("v3", "وقعت 12 دولة الأحد على الإعلان المشترك", **SUNDAY_SUMMIT)
    assert [v["value"] for v in fields([a, b, c])["countries"]] == [12, 20, 23]


def test_counts_of_two_groups_of_countries_are_not_compared():
    a = report("r1", "اجتمع قادة 22 دولة عربية الأحد في القمة", **SUNDAY_SUMMIT)
    b = report("r2", "شارك قادة 57 دولة إسلامية الأحد في القمة", **SUNDAY_SUMMIT)
    assert fields([a, b]) == {}


def test_this_morning_of_an_undated_report_may_be_another_day():
    a = report("z1", "شنت الطائرات صباح اليوم غارة على مبنى", published=None,
               mentions=[("صباح اليوم", "2025-09-09", "story")], trigger="غارة")
    b = report("z2", "استهدفت غارة جوية عصر الثلاثاء مبنى سكنيا", published=None,
               mentions=[("عصر الثلاثاء", "2025-09-09", "story")], trigger="غارة")
    assert fields([a, b]) == {}
    a.published, a.dates[0].anchor = "2025-09-09", "published"
    assert "time of day" in fields([a, b])


# --- hedges, ranges, both kinds at once, updates (round 4) ---------------------------

def test_a_hedged_toll_agrees_with_a_figure_it_allows():
    a = report("g1", "فجر رجل حزاما ناسفا في السوق فأدى إلى سقوط أكثر من 16 قتيلا")
    b = report("g2", "قتل 20 شخصا في التفجير الانتحاري الذي ضرب السوق")
    c = report("g3", "أدى التفجير إلى مقتل نحو عشرين شخصا")
    assert "casualties_killed" not in fields([a, b, c])
    # a lower bound ten times lower is another toll, not the same one rounded down
    d = report("g4", "أسفر التفجير عن مقتل 10 أشخاص على الأقل")
    e = report("g5", "ارتفعت حصيلة قتلى التفجير إلى 100 قتيل على الأقل")
    assert fields([d, e])["casualties_killed"] == [
        {"value": 10, "article_ids": ["g4"]}, {"value": 100, "article_ids": ["g5"]}]


def test_a_range_holds_the_figures_inside_it():
    assert casualty_counts("قتل ما بين 30 و40 شخصا في الهجوم")["killed"].bounds() == (30, 40)
    a = report("r1", "قتل ما بين 30 و40 شخصا في الهجوم على القرية")
    b = report("r2", "أسفر الهجوم على القرية عن مقتل 35 شخصا")
    assert "casualties_killed" not in fields([a, b])


def test_killed_and_wounded_told_as_one_number_is_neither():
    assert casualty_figures("أسفر الانفجار عن مقتل وإصابة 35 شخصا") == {}
    assert casualty_figures("سقط في الانفجار 40 قتيلا وجريحا") == {}
    assert casualty_figures("أسفرت الغارة عن سقوط ستة قتلى وإصابة 12 آخرين") == {"killed": 6, "injured": 12}


def test_an_initial_toll_against_a_later_one_is_shown_as_an_update():
    a = report("u1", "أفادت مصادر طبية بمقتل 4 أشخاص في حصيلة أولية للقصف")
    b = report("u2", "ارتفعت حصيلة القصف إلى 9 قتلى")
    (d,) = [d for d in find_discrepancies([a, b], a.main_event) if d.field == "casualties_killed"]
    assert "update" in d.note
    c = report("u3", "قتل 9 أشخاص في القصف")
    e = report("u4", "قتل 4 أشخاص في القصف")
    (d,) = [d for d in find_discrepancies([c, e], c.main_event) if d.field == "casualties_killed"]
    assert "update" not in d.note


def test_reports_of_an_attack_by_unnamed_gunmen_are_compared():
    a = report("n1", "قتل 30 شخصا في هجوم مسلح على الشاطئ", a1=None, a2=None)
    b = report("n2", "أسفر الهجوم المسلح على الشاطئ عن مقتل 12 شخصا", a1=None, a2=MOROCCO)
    assert fields([a, b])["casualties_killed"] == [
        {"value": 12, "article_ids": ["n2"]}, {"value": 30, "article_ids": ["n1"]}]


def test_after_noon_is_the_afternoon():
    a = report("f1", "قصفت الطائرات بعد ظهر الأربعاء سيارة في المخيم",
               mentions=[("ظهر الأربعاء", "2025-09-10", "published")], trigger="قصفت", date="2025-09-10")
    b = report("f2", "استهدفت غارة مساء الأربعاء سيارة في المخيم",
               mentions=[("مساء الأربعاء", "2025-09-10", "published")], trigger="غارة", date="2025-09-10")
    assert "time of day" not in fields([a, b])
    b.dates[0] = DateMention(b.text.index("مساء"), b.text.index("مساء") + 13, "صباح الأربعاء",
                             value="2025-09-10", anchor="published", relative=True)
    assert fields([a, b])["time of day"] == [{"value": "afternoon", "article_ids": ["f1"]},
                                             {"value": "morning", "article_ids": ["f2"]}]


def test_undated_reports_naming_one_weekday_compare_their_times():
    a = report("w1", "فجر رجل حزاما ناسفا مساء اليوم الأحد قرب الكنيسة", date=None, published=None,
               mentions=[("مساء اليوم الأحد", None, "story")], trigger="فجر رجل")
    b = report("w2", "وقع تفجير ظهر اليوم الأحد في الكنيسة", date=None, published=None,
               mentions=[("ظهر اليوم الأحد", None, "story")], trigger="تفجير")
    assert fields([a, b])["time of day"] == [{"value": "evening", "article_ids": ["w1"]},
                                             {"value": "noon", "article_ids": ["w2"]}]
    # a bare «صباح اليوم» names no day: nothing to compare it with
    c = report("w3", "وقع تفجير صباح اليوم في الكنيسة", date=None, published=None,
               mentions=[("صباح اليوم", None, "story")], trigger="تفجير")
    assert "time of day" not in fields([a, c])


def test_dawn_of_one_day_and_the_night_before_are_one_night():
    a = report("m1", "شنت الطائرات فجر السبت غارة على المخيم", date="2025-09-13",
               mentions=[("فجر السبت", "2025-09-13", "published")], trigger="غارة")
    b = report("m2", "شنت الطائرات مساء الجمعة غارة على المخيم", date="2025-09-12",
               mentions=[("مساء الجمعة", "2025-09-12", "published")], trigger="غارة")
    assert "date" not in fields([a, b])
    # the noon of the second day and the morning of the first: two dates
    c = report("m3", "شنت الطائرات ظهر السبت غارة على المخيم", date="2025-09-13",
               mentions=[("ظهر السبت", "2025-09-13", "published")], trigger="غارة")
    d = report("m4", "شنت الطائرات صباح الجمعة غارة على المخيم", date="2025-09-12",
               mentions=[("صباح الجمعة", "2025-09-12", "published")], trigger="غارة")
    assert fields([c, d])["date"] == [{"value": "2025-09-12", "article_ids": ["m4"]},
                                      {"value": "2025-09-13", "article_ids": ["m3"]}]


def test_a_report_that_names_both_days_contradicts_neither():
    a = report("s1", "طبعة 19-02-2017. وصل الأمير مساء الإثنين (20 فبراير 2017) إلى مسقط", type="CONSULT",
               mode="visit", date="2017-02-19",
               mentions=[("19-02-2017", "2017-02-19", "absolute"), ("الإثنين (20 فبراير 2017)", "2017-02-20", "absolute")])
    b = report("s2", "وصل الأمير مساء اليوم الاثنين إلى مسقط", type="CONSULT", mode="visit", date="2017-02-20",
               mentions=[("اليوم الاثنين", "2017-02-20", "published")])
    assert "date" not in fields([a, b])


def test_the_day_of_an_announcement_is_not_the_events_day():
    a = report("p1", "أعلنت الشرطة المحلية، اليوم السبت، ارتفاع حصيلة الهجوم على الشاطئ", date="2024-08-03",
               mentions=[("اليوم السبت", "2024-08-03", "published")])
    b = report("p2", "هاجم مسلحون الشاطئ ظهر الجمعة", date="2024-08-02",
               mentions=[("ظهر الجمعة", "2024-08-02", "published")])
    assert "date" not in fields([a, b])
    # a reported statement dates what it reports: «قال الجيش إنه شن اليوم السبت»
    c = report("p3", "قال الجيش إنه شن اليوم السبت غارة على الشاطئ", date="2024-08-03",
               mentions=[("اليوم السبت", "2024-08-03", "published")])
    d = report("p4", "هاجم مسلحون الشاطئ صباح الجمعة", date="2024-08-02",
               mentions=[("صباح الجمعة", "2024-08-02", "published")])
    assert "date" in fields([c, d])


def test_two_dawns_a_day_apart_are_two_dates():
    a = report("q1", "دخلت الهدنة حيز التنفيذ فجر الأربعاء", type="RETREAT", mode="ceasefire", date="2024-11-27",
               mentions=[("فجر الأربعاء", "2024-11-27", "published")], trigger="الهدنة")
    b = report("q2", "دخلت الهدنة حيز التنفيذ فجر الخميس", type="RETREAT", mode="ceasefire", date="2024-11-28",
               mentions=[("فجر الخميس", "2024-11-28", "published")], trigger="الهدنة")
    assert "date" in fields([a, b])


def test_the_toll_in_the_sentence_of_the_event_comes_first():
    text = "قتل 4 أشخاص في قصف أمس على البلدة. وشنت الطائرات اليوم غارة جديدة أسفرت عن مقتل 9 أشخاص."
    a = report("v1", text, trigger="غارة جديدة")
    cut = text.index(".") + 1
    a.sentences = [Sentence(0, cut, text[:cut]), Sentence(cut + 1, len(text), text[cut + 1:])]
    b = report("v2", "أسفرت الغارة الجديدة على البلدة عن مقتل 9 أشخاص", trigger="الغارة")
    assert "casualties_killed" not in fields([a, b])


def test_arrests_are_counted_after_a_verb_of_arrest_not_a_bare_noun():
    assert casualty_figures("اعتقلت قوات الأمن نحو 30 متظاهرا في العاصمة") == {"arrested": 30}
    assert casualty_figures("أفرجت السلطات عن 50 معتقلا") == {}
    crackdown = dict(type="COERCE", mode="arrest", a1=MOROCCO, a2=JOURNALISTS)
    a = report("a1", "ألقت الشرطة القبض على 12 صحفيا خلال الوقفة", **crackdown)
    b = report("a2", "أوقفت الشرطة 40 صحفيا خلال الوقفة الاحتجاجية", **crackdown)
    c = report("a3", "اعتقلت السلطات نحو 40 صحفيا في الوقفة", **crackdown)
    assert fields([a, b, c])["arrested"] == [{"value": 40, "article_ids": ["a2", "a3"]},
                                             {"value": 12, "article_ids": ["a1"]}]
    assert "arrested" not in fields([b, c])


def test_a_report_that_gives_the_other_figure_too_does_not_contradict_it():
    a = report("i1", "قتل 5 أشخاص في القصف صباحا، ثم ارتفعت الحصيلة إلى 8 قتلى بعد الظهر")
    b = report("i2", "أسفر القصف عن مقتل 8 أشخاص")
    assert "casualties_killed" not in fields([a, b])
    c = report("i3", "أسفر القصف عن مقتل 12 شخصا")
    assert fields([a, c])["casualties_killed"] == [{"value": 12, "article_ids": ["i3"]},
                                                   {"value": 5, "article_ids": ["i1"]}]


def test_the_year_of_a_date_is_no_toll():
    assert casualty_figures("غارة على الضاحية 6 يونيو 2024 أربعة شهداء وتسعة جرحى", "2024") == {
        "killed": 4, "injured": 9}


# --- counts written without a number, round 6 ---------------------------------------

def test_a_dual_is_two_and_a_singular_with_one_is_one():
    assert casualty_figures("أسفرت الغارة عن سقوط قتيلين وثلاثة جرحى") == {"killed": 2, "injured": 3}
    assert casualty_figures("أدى القصف إلى مقتل شخصين وإصابة طفلين في الحي") == {"killed": 2, "injured": 2}
    assert casualty_figures("استشهد شابان برصاص القوات عند الحاجز") == {"killed": 2}
    assert casualty_figures("وخلفت الضربة ضحية واحدة وإصابة 14 شخصا بجروح") == {"killed": 1, "injured": 14}
    assert casualty_figures("أسفر الانفجار عن مقتل شخص واحد") == {"killed": 1}
    # a sound plural in ـين reads like a dual: no count
    assert casualty_figures("أسفر القصف عن مقتل مدنيين في القرية") == {}
    # killed and wounded together are neither
    assert casualty_figures("أسفر الانفجار عن مقتل وإصابة شخصين") == {}
    assert casualty_counts("سقط قتيلان على الأقل في الهجوم")["killed"].hedge == "more"


def test_the_killed_before_the_wounded_keep_their_own_number():
    assert casualty_figures("أسفر الهجوم عن ستة قتلى وإصابة 12 آخرين") == {"killed": 6, "injured": 12}
    assert casualty_figures("أسفر الهجوم عن 40 قتيلا وجريحا") == {}


def test_verbs_of_taking_lives_and_hundreds_in_words():
    assert casualty_figures("انفجار أودى بحياة 12 شخصا في السوق") == {"killed": 12}
    assert casualty_figures("هجوم راح ضحيته 7 مدنيين") == {"killed": 7}
    assert casualty_figures("سقوط ثلاث مئة قتيل في المجزرة") == {"killed": 300}


def test_two_against_three_killed_disagree():
    a = report("d1", "أسفرت الغارة على المبنى عن سقوط قتيلين")
    b = report("d2", "أسفرت الغارة على المبنى عن مقتل ثلاثة أشخاص")
    assert fields([a, b])["casualties_killed"] == [{"value": 2, "article_ids": ["d1"]},
                                                   {"value": 3, "article_ids": ["d2"]}]


def test_a_pluperfect_or_a_days_count_is_no_toll_of_the_event():
    # «وكانت … قد»: what happened before the news
    assert casualty_figures("قتل 5 أشخاص في الغارة، وكانت غارة مماثلة قد أسفرت عن مقتل 3 آخرين.") == {"killed": 5}
    assert casualty_figures("وكان الجيش قد قتل 12 شخصا في هجوم سابق. وقتل 4 في قصف اليوم.") == {"killed": 4}
    # «وقد» alone is no pluperfect
    assert casualty_figures("قتل 7 أشخاص في هجوم على السوق. وقد أصيب 10 آخرون") == {"killed": 7, "injured": 10}
    # a day's count of all the attacks, and what had happened before
    assert casualty_figures("استشهد 60 شخصا خلال الـ24 ساعة الماضية في أنحاء القطاع") == {}
    assert casualty_figures("وسبق أن قتل 9 أشخاص في هجوم على القرية نفسها") == {}


def test_a_recap_in_one_report_does_not_contradict_the_others():
    a = report("p1", "أسفرت الغارة على المبنى عن مقتل 4 أشخاص، وكانت غارة على الحي نفسه قد قتلت 9 أشخاص")
    b = report("p2", "قتل 4 أشخاص في الغارة على المبنى")
    c = report("p3", "استهدفت الغارة مبنى سكنيا، وكانت غارة سابقة قد أودت بحياة 9 أشخاص")
    assert "casualties_killed" not in fields([a, b, c])


def test_a_count_of_one_that_is_denied_is_no_count():
    # «not a single one killed»: no toll of one
    assert casualty_figures("لم يسقط قتيل واحد في القصف على البلدة") == {}
    assert casualty_figures("انتهى الاشتباك دون سقوط ضحية واحدة") == {}
    assert casualty_figures("ولم تسجل إصابة واحدة بين العمال") == {}
    # an exception between keeps it, and a negation of another clause does not reach it
    assert casualty_figures("لم يسفر الانفجار إلا عن قتيل واحد") == {"killed": 1}
    assert casualty_figures("لم يصب أحد من الركاب، وقتل شخص واحد") == {"killed": 1}


def test_a_number_after_and_is_its_own_noun_s_count():
    # «واحد و3 جرحى»: the wounded are 3, not the one of the killed
    assert casualty_figures("أسفر التفجير عن قتيل واحد و3 جرحى") == {"killed": 1, "injured": 3}
    assert casualty_figures("خلف الحادث ضحية واحدة و14 جريحا في الحافلة") == {"killed": 1, "injured": 14}
