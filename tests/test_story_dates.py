"""The story pass for articles without a publication date: relative dates resolved
against the day the article was written, and the main event dated. Our own text."""

from __future__ import annotations

from marsad.model import Article
from marsad.pipeline import default_pipeline
from marsad.stories import _resolve_undated

RAW = ("وزير الخارجية الأردني يلتقي نظيره المصري في القاهرة\n\n"
       "التقى وزير الخارجية الأردني أيمن الصفدي، أمس الأربعاء، نظيره المصري بدر عبد العاطي في القاهرة، "
       "وبحث الجانبان تطورات الأوضاع في المنطقة وسبل تعزيز العلاقات الثنائية.\n\n"
       "وقال الصفدي في مؤتمر صحفي مشترك إن البلدين متفقان على ضرورة وقف التصعيد.")


def test_an_undated_article_gets_its_main_event_date_from_the_lead():
    art = default_pipeline()(Article(id="u1", raw=RAW))
    main = art.main_event
    assert main is not None and main.date is None          # the headline's trigger has no date
    assert [(d.text, d.value) for d in art.dates] == [("أمس الأربعاء", None)]
    kinds = [(ev.type, ev.trigger.start if ev.trigger else None) for ev in art.events]
    assert _resolve_undated([art], "2025-02-12")           # a Wednesday story
    # written on Thursday: "أمس الأربعاء" is the story's Wednesday, and it dates the main event
    assert [(d.text, d.value, d.anchor) for d in art.dates] == [("أمس الأربعاء", "2025-02-12", "story")]
    assert art.main_event.date == "2025-02-12"
    # nothing but dates changed
    assert [(ev.type, ev.trigger.start if ev.trigger else None) for ev in art.events] == kinds


RAW_AFTER = ("الرئيس التونسي يتلقى اتصالا من نظيره الجزائري\n\n"
             "قال مصدر في الرئاسة إن الرئيس التونسي كان بين أوائل من هاتفهم الرئيس الجزائري، "
             "بعد أدائه اليمين الدستورية الأحد الماضي، وبحث الجانبان العلاقات الثنائية.\n\n"
             "وأضاف المصدر أن الاتصال تناول الأوضاع على الحدود المشتركة.")


def test_a_day_in_a_temporal_clause_does_not_date_the_main_event():
    from marsad.annotate.dates import in_temporal_clause
    art = default_pipeline()(Article(id="u2", raw=RAW_AFTER))
    assert art.main_event is not None and art.main_event.date is None
    sunday = next(d for d in art.dates if "الأحد" in d.text)
    assert in_temporal_clause(art, sunday)            # «بعد أدائه اليمين … الأحد الماضي»
    _resolve_undated([art], "2025-03-05")
    assert sunday.value == "2025-03-02"               # resolved, but the oath's day, not the call's
    assert art.main_event.date is None


def test_the_lead_date_rule_reads_the_coded_evidence():
    # the story pass applies the coder's lead-date rule without coding the article again
    from marsad.annotate.events import code_events, lead_date
    art = default_pipeline()(Article(id="u3", raw=RAW))
    _resolve_undated([art], "2025-02-12")
    recoded = code_events(Article(id="u3", raw=RAW, text=art.text, title=art.title, sentences=art.sentences,
                                  dates=art.dates, entities=art.entities, published=art.published))
    assert lead_date(art) == recoded.main_event.date == "2025-02-12"


# A dated report and an undated one of the same call; the undated one names no day at all.
RAW_DATED = ("الرئيس المصري يتلقى اتصالا هاتفيا من العاهل الأردني\n\n"
             "تلقى الرئيس المصري عبد الفتاح السيسي اليوم الأحد 12 أكتوبر 2025 اتصالا هاتفيا من "
             "العاهل الأردني الملك عبد الله الثاني، بحثا خلاله تطورات الأوضاع في المنطقة.")
RAW_NO_DAY = ("اتصال هاتفي بين السيسي والملك عبد الله الثاني\n\n"
              "بحث الرئيس المصري عبد الفتاح السيسي والعاهل الأردني الملك عبد الله الثاني في اتصال "
              "هاتفي تطورات الأوضاع في المنطقة وسبل تعزيز التعاون بين البلدين.")


def test_an_undated_main_event_of_the_story_kind_takes_the_story_day():
    from marsad.stories import _date_undated_mains
    nlp = default_pipeline()
    dated, undated = nlp(Article(id="d1", raw=RAW_DATED)), nlp(Article(id="d2", raw=RAW_NO_DAY))
    assert dated.main_event.date == "2025-10-12"
    assert undated.main_event is not None and undated.main_event.date is None
    assert undated.main_event.type == dated.main_event.type == "CONSULT"
    _date_undated_mains([dated, undated], dated.main_event, "2025-10-12")
    assert undated.main_event.date == "2025-10-12"


def test_a_member_about_another_kind_of_event_keeps_no_date():
    from dataclasses import replace
    from marsad.stories import _date_undated_mains
    nlp = default_pipeline()
    dated, undated = nlp(Article(id="d3", raw=RAW_DATED)), nlp(Article(id="d4", raw=RAW_NO_DAY))
    other_kind = replace(dated.main_event, type="ACCUSE")
    _date_undated_mains([dated, undated], other_kind, "2025-10-12")
    assert undated.main_event.date is None



def test_a_background_year_on_a_member_gives_way_to_the_story_day():
    from marsad.stories import _date_undated_mains
    nlp = default_pipeline()
    dated, undated = nlp(Article(id="d7", raw=RAW_DATED)), nlp(Article(id="d8", raw=RAW_NO_DAY))
    undated.main_event.date = "2011"          # a year the text names for something else
    _date_undated_mains([dated, undated], dated.main_event, "2025-10-12")
    assert undated.main_event.date == "2025-10-12"
    undated.main_event.date = "2025-10"       # a month that holds the day stays
    _date_undated_mains([dated, undated], dated.main_event, "2025-10-12")
    assert undated.main_event.date == "2025-10"


def test_a_page_day_taken_by_default_gives_way_to_the_story_day():
    from marsad.stories import _date_undated_mains
    nlp = default_pipeline()
    dated = nlp(Article(id="d9", raw=RAW_DATED))
    page = nlp(Article(id="d10", raw=RAW_NO_DAY, published="2025-10-13"))
    assert page.main_event.date == "2025-10-13"      # a present-tense report: the page's day
    assert not any(d.value == "2025-10-13" for d in page.dates)
    _date_undated_mains([dated, page], dated.main_event, "2025-10-12")
    assert page.main_event.date == "2025-10-12"
    # a day the text gives is kept
    told = nlp(Article(id="d11", raw=RAW_NO_DAY.replace("في اتصال", "اليوم في اتصال"), published="2025-10-13"))
    assert told.main_event.date == "2025-10-13" and any(d.value == "2025-10-13" for d in told.dates)
    _date_undated_mains([dated, told], dated.main_event, "2025-10-12")
    assert told.main_event.date == "2025-10-13"
