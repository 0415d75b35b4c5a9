"""Round 6 of the date work (issue 13): page dates in more of the forms pages print them,
and the day an undated report was written. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from marsad.annotate.dates import find_dates
from marsad.text.metadata import date_from_url, date_line, find_full_date
from text_page import page

PARA = ("أعلنت وزارة الصحة، اليوم الأحد، افتتاح مستشفى جديد في المدينة يضم مئتي سرير "
        "ويخدم سكان القرى المجاورة.")
PARA2 = "وقال المتحدث باسم الوزارة إن المستشفى يستقبل المرضى ابتداء من الشهر المقبل."


# --- numeric dates with spaces around the slashes ------------------------------------

def test_a_slash_date_with_spaces_is_a_full_date():
    assert find_full_date("18 /4 /2024م")[0] == "2024-04-18"
    assert find_full_date("2024 / 04 / 18")[0] == "2024-04-18"
    assert find_full_date("04 /22 /2024")[0] == "2024-04-22"      # month first: 22 is no month
    assert date_line("18 /4 /2024م") == "2024-04-18"


def test_a_dashed_list_with_spaces_is_not_a_date():
    assert find_full_date("المراحل 1 - 2 - 2024") is None


def test_a_spaced_slash_date_heading_a_page_dates_it():
    art = page("18 /4 /2024م", PARA, "", PARA2)
    assert art.published == "2024-04-18"


def test_the_tagger_reads_a_spaced_slash_date():
    found = [(m.text, m.value) for m in find_dates("صدر القرار في 18 /4 /2024م بعد جلسة طويلة", None)]
    assert found == [("18 /4 /2024", "2024-04-18")]
    assert find_dates("وصل 3 / 4 من الوفود", dt.date(2025, 1, 1)) == []


# --- a stamp under the section's name ------------------------------------------------

def test_a_section_name_date_and_time_is_a_date_line():
    assert date_line("العالم العربي 16-08-2025 | 21:10") == "2025-08-16"
    assert date_line("اقتصاد 03/02/2024 - 09:30") == "2024-02-03"
    assert date_line("محليات الأحد 16-08-2025 - الساعة 10:30 مساء") == "2025-08-16"


def test_only_a_section_label_makes_a_stamp():
    assert date_line("العالم العربي 16-08-2025") == "2025-08-16"
    assert date_line("محليات 16-08-2025 افتتاح مستشفى جديد") is None   # a headline after it
    assert date_line("قتل ثلاثة في 12/03/2025 10:45") is None
    assert date_line("الوزير يصل 16-08-2025 | 21:10") is None
    assert date_line("أحمد سعيد - 3 مارس 2025 10:15") is None     # a byline, left to the byline rule


def test_a_section_stamp_under_the_headline_dates_the_page():
    art = page("افتتاح مستشفى جديد في المدينة", "", "محليات 16-08-2025 | 21:10", "", PARA, "", PARA2)
    assert art.published == "2025-08-16"


# --- page addresses -----------------------------------------------------------------

def test_a_dashed_date_after_an_id_in_the_address():
    assert date_from_url("https://example.ma/news/voir/678-2025-10-05-12-44-39") == "2025-10-05"
    assert date_from_url("https://example.com/item_2024-03-12.html") == "2024-03-12"
    assert date_from_url("https://example.com/resolution-2024-11-5") is None


def test_a_date_line_that_agrees_with_the_address_is_read_from_the_page():
    art = page("2024-03-10", PARA, "", PARA2, url="https://example.com/2024/03/10/hospital")
    assert art.published == "2024-03-10"
    assert art.provenance["published"] == "dateline"
    other = page("2024-03-11", PARA, "", PARA2, url="https://example.com/2024/03/10/hospital")
    assert other.published == "2024-03-10"
    assert other.provenance["published"] == "url"        # the address wins a disagreement


# --- the writing day of an undated report ---------------------------------------------

def test_a_bare_weekday_of_the_main_event_is_the_one_nearest_the_story_day():
    from marsad.annotate.dates import clause_date, story_anchor
    from marsad.model import Article
    from marsad.pipeline import Pipeline

    art = Pipeline()(Article(id="t", raw=(
        "أعلنت الحكومة التونسية الاثنين قبولها عرضا جزائريا لإرسال فرق دعم بعد السيول التي "
        "اجتاحت شمال البلاد.\n\nوقالت وزارة الداخلية إن فرق الإنقاذ الجزائرية وصلت يوم الأحد.")))
    main = art.main_event
    assert main is not None and main.trigger is not None
    assert clause_date(art, main.trigger.start, main.trigger.end).text == "الاثنين"
    # a story of Sunday 2023-09-10: the acceptance was announced the Monday after it, not six
    # days before it
    day, mentions = story_anchor(art, dt.date(2023, 9, 10))
    assert day == dt.date(2023, 9, 11)
    assert [(m.text, m.value) for m in mentions] == [("الاثنين", "2023-09-11"), ("يوم الأحد", "2023-09-10")]


# --- a year after a season or after the name of an event --------------------------------

def _found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.value, m.note) for m in find_dates(text, dt.date(2025, 9, 30))]


def test_a_year_after_a_season_is_a_year():
    assert _found("سيطر المسلحون على المدينة صيف 2014 قبل أن يطردوا منها.") == [("2014", "2014", None)]
    assert _found("تراجعت الأسعار في شتاء 2023.") == [("2023", "2023", None)]
    # a round year: after a season no count ("في 2000 موقع" is one)
    assert _found("انسحبت القوات من الجنوب صيف 2000 بعد احتلال طويل.") == [("2000", "2000", None)]


def test_a_year_after_an_event_noun_is_that_events_year():
    assert _found("وعادت إلى الساحات الهتافات التي عرفتها احتجاجات 2011 في المدن الكبرى.") == [
        ("2011", "2011", "named event")]
    assert _found("وفاز الحزب بأغلبية المقاعد في انتخابات 2021 التشريعية.") == [("2021", "2021", "named event")]
    assert _found("تغيرت خريطة الأحياء كثيرا بعد الغزو 2003.") == [("2003", "2003", "named event")]
    # plans and counts are not years
    assert _found("ضمن رؤية 2030 للتنمية") == []
    assert _found("شارك في الاحتجاجات 2000 شخص") == []


def test_a_named_events_year_does_not_date_the_sentences_event():
    from marsad.annotate.dates import clause_date, tag_dates
    from marsad.model import Article

    text = "وتظاهر مئات الطلاب في الرباط مرددين هتافات تعيد إلى الأذهان احتجاجات 2011."
    art = tag_dates(Article(id="t", raw=text, text=text, published="2025-09-30"))
    assert [d.note for d in art.dates] == ["named event"]
    at = text.index("وتظاهر")
    assert clause_date(art, at, at + 6) is None
