"""Publication dates found in the page itself: labelled dates glued to the first
paragraph, date lines with a place or an agency, the less common numeric and
word forms. Sentences are our own."""

from __future__ import annotations

from marsad.text.metadata import byline_date, date_line, find_full_date, leading_date
from text_page import page

PARA = ("أعلنت وزارة الزراعة، اليوم الأحد، إطلاق برنامج لدعم صغار المزارعين في المحافظات الجنوبية "
        "يشمل توزيع البذور والأسمدة بأسعار مخفضة.")
PARA2 = "وقال المتحدث باسم الوزارة إن البرنامج يمتد ثلاث سنوات ويستفيد منه نحو عشرين ألف مزارع."


def test_a_labelled_date_glued_to_the_first_paragraph_is_the_publication_date():
    art = page(" date 2024-03-10 " + PARA, "", PARA2)
    assert art.published == "2024-03-10"
    assert art.provenance["published"] == "dateline"
    assert art.text.startswith("أعلنت وزارة الزراعة")     # the label and the date are cut off
    assert "date 2024-03-10" in art.boilerplate


def test_a_labelled_date_beats_a_date_in_the_paragraph():
    art = page("date 2024-03-12 الرباط - " + PARA.replace("اليوم الأحد،", "اليوم الأحد، 10 مارس 2024،"),
               "", PARA2)
    assert art.published == "2024-03-12"


def test_a_labelled_date_on_a_removed_head_line():
    art = page(" date 2024-03-10 عمان - (بترا)", "", PARA, "", PARA2)
    assert art.published == "2024-03-10"


def test_leading_date_needs_a_label_at_the_start():
    assert leading_date("نشر في: 12 فبراير 2025 - " + PARA) == ("2025-02-12", "نشر في: 12 فبراير 2025 - ")
    assert leading_date("نشر الجيش بيانا في 12 فبراير 2025 قال فيه إن الهدنة صامدة") is None
    assert leading_date(PARA) is None
    assert leading_date("date 2024-03-10 الرباط") is None          # a date line, not a paragraph
    assert leading_date("date 2024-03-10 الرباط", min_words=0) is not None


def test_date_lines_with_a_place_an_agency_or_a_time_word():
    assert date_line("عمان- 3 أيار 2024م (بترا)") == "2024-05-03"
    assert date_line("الخميس 14 مارس 2024 على الساعة 10:15") == "2024-03-14"
    assert date_line("عمان- 3 أيار 2024م وقال الوزير إن الخطة جاهزة") is None


def test_less_common_full_date_forms():
    assert find_full_date("5-مارس-2024")[0] == "2024-03-05"
    assert find_full_date("الثلاثاء, 03/19/2024 - 19:01")[0] == "2024-03-19"
    assert find_full_date("03/04/2024")[0] == "2024-04-03"          # day first when both fit
    assert find_full_date("تاريخ النشر: 22nd, April 2024 GMT")[0] == "2024-04-22"
    assert find_full_date("مساء اليوم الاثنين، 29 يوليوز 2024")[0] == "2024-07-29"
    assert find_full_date("في 7 غشت 2023")[0] == "2023-08-07"


def test_a_lead_date_of_another_event_is_not_the_day_of_the_news():
    from marsad.text.metadata import lead_date
    assert lead_date("ارتفع عدد الضحايا إلى 40 منذ بدء القصف في 7 أكتوبر 2023.") is None
    assert lead_date("وسبق أن اعتقل الناشط في 18 سبتمبر 2019 ثم أفرج عنه.") is None
    assert lead_date("تجري المناورات في الفترة من 3 إلى 9 ديسمبر 2018 قبالة السواحل.") is None
    assert lead_date("تجري المناورات بين 2 و8 ديسمبر 2025 قبالة السواحل.") is None
    assert lead_date("أعلنت الوزارة اليوم الأحد 10 مارس 2024 خطة جديدة")[0] == "2024-03-10"
    # a blocked date does not hide a later one of another clause
    assert lead_date("منذ 7 أكتوبر 2023، تغير كل شيء، وأعلن الجيش يوم 3 مايو 2024 انسحابه.")[0] == "2024-05-03"
    art = page("قال مسؤولون إن الأوضاع ساءت منذ بدء الحرب في 7 أكتوبر 2023 في المنطقة كلها.", "", PARA2)
    assert art.published is None


def test_common_prepositions_do_not_block_a_lead_date():
    from marsad.text.metadata import lead_date
    assert lead_date("توجه الرئيس إلى الرياض يوم الأحد 10 مارس 2024 في زيارة رسمية")[0] == "2024-03-10"
    assert lead_date("اجتمع المجلس بعد ظهر الأحد 10 مارس 2024 في العاصمة")[0] == "2024-03-10"
    assert lead_date("تجري المناورات من 3 حتى 9 ديسمبر 2018 قبالة السواحل.") is None


def test_a_byline_that_ends_with_the_date_gives_the_publication_date():
    # the writer's name, a weekday, the date and a time on one line under the headline
    art = page("المزارعون يتسلمون البذور المدعومة", "", "كتب: سامي يوسف الأحد 10-03-2024 14:20", "", PARA, "", PARA2)
    assert art.published == "2024-03-10"
    assert art.author == "سامي يوسف"
    art = page("المزارعون يتسلمون البذور المدعومة", "", "بقلم: سامي يوسف - 10 مارس 2024", "", PARA, "", PARA2)
    assert (art.published, art.author) == ("2024-03-10", "سامي يوسف")
    # a date that words other than a time follow is not the page's
    assert byline_date("كتب: سامي يوسف في 10 مارس 2024 من مكتب العاصمة") is None
    assert byline_date("كتب: سامي يوسف الأحد 10-03-2024 14:20") == ("كتب: سامي يوسف", "2024-03-10")


def test_a_date_line_with_a_two_digit_year():
    assert date_line("2:05 م, الأحد, 10 مارس 24") == "2024-03-10"
    assert date_line("10 مارس 24") == "2024-03-10"
    assert date_line("قتل 10 أشخاص في 24") is None
    assert find_full_date("وصل 10 مارس 24 زائرا") is None       # not in running text
