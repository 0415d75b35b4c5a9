"""Page furniture, round 4 (issue 13): features of a line and its neighbours rather than
phrases, checked on a fresh dev part of outlets new to the corpus (c16). Every line here is
written for this test, in the layouts such pages use."""

from __future__ import annotations

from marsad.text.boilerplate import classify_lines
from marsad.text.metadata import date_line
from text_page import page

HEAD = "وزير الصحة يفتتح مستشفى جديدا في الجنوب"
P1 = ("افتتح وزير الصحة، صباح الاثنين، مستشفى جديدا في مدينة الجنوب يضم مئتي سرير وقسما للطوارئ، "
      "بحضور المحافظ وعدد من أعضاء المجلس البلدي.")
P2 = ("وقال الوزير في كلمة خلال الافتتاح إن المستشفى سيخدم أكثر من نصف مليون نسمة، وإن الوزارة "
      "ستفتتح مستشفيين آخرين قبل نهاية العام.")
P3 = ("وأضاف أن الأطباء الجدد سيبدأون العمل في الأسبوع المقبل، بعد انتهاء تدريبهم في مستشفيات "
      "العاصمة.")


def labels(*lines: str) -> list[tuple[str, str]]:
    return [(ln.text, ln.label) for ln in classify_lines(list(lines)).lines]


def test_an_end_marker_alone_is_furniture_but_a_sentence_ending_with_the_verb_is_text():
    art = page(HEAD, P1, P2, "انتهى.")
    assert art.text.split("\n") == [HEAD, P1, P2]
    art = page(HEAD, P1, "// انتهى //", P2)
    assert "انتهى" not in art.text
    ended = "وقال الوزير إن العمل في المشروع الأول انتهى."
    assert page(HEAD, P1, ended, P2).text.split("\n") == [HEAD, P1, ended, P2]


def test_a_whole_line_in_brackets_is_a_note():
    art = page(HEAD, "(لتصحيح اسم المحافظ في الفقرة الأولى)", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    # brackets inside a sentence are the sentence's
    inside = "وقال المحافظ (الذي تسلم منصبه قبل شهر) إن المستشفى جاهز."
    assert inside in page(HEAD, P1, inside, P2).text


def test_an_english_date_stamp_is_a_date():
    for stamp, value in (("Tue Feb 14, 2023 9:05am GMT", "2023-02-14"),
                         ("Sunday 12th of June 2022 10:01:02 AM", "2022-06-12")):
        art = page(HEAD, stamp, P1, P2)
        assert art.text.split("\n") == [HEAD, P1, P2], stamp
        assert art.published == value, stamp


def test_levantine_month_names_without_the_article():
    assert date_line("الخميس 3 تشرين ثاني 2022") == "2022-11-03"
    assert date_line("الأحد 18 كانون أول/ديسمبر 2022") == "2022-12-18"
    art = page("الأربعاء 6 تشرين أول 2021", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.published == "2021-10-06"


def test_a_short_twitter_link_is_an_embedded_post():
    post = "#الصحة تفتتح مستشفى الجنوب اليوم https://t.co/AbC123xyz"
    assert (post, "embedded") in labels(HEAD, P1, post, P2)


def test_a_staff_box_on_one_line_is_not_the_headline():
    art = page("رئيس التحرير سامي يوسف", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.title == HEAD


def test_numbered_captions_are_a_gallery():
    art = page(HEAD, P1, "صور الافتتاح 1", P2, "صور الافتتاح 2", P3)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]
    # one numbered subheading is the text's
    alone = "المرحلة 2"
    assert page(HEAD, P1, alone, P2).text.split("\n") == [HEAD, P1, alone, P2]


def test_a_last_line_cut_inside_a_word_is_text_even_after_a_caption():
    cut = "وأكد الوزير أن الحكومة ستعلن قريبا عن خطة لتوسيع ال"
    art = page(HEAD, P1, "صور الافتتاح 1", P2, "صور الافتتاح 3", cut)
    assert art.text.split("\n") == [HEAD, P1, P2, cut]
    short = "وقد أكد"
    assert page(HEAD, P1, P2, short).text.split("\n") == [HEAD, P1, P2, short]


def test_hard_wrapped_sentence_openings_are_not_labels():
    lines = ["أعلنت وزارة",
             "الصحة، اليوم الاثنين، افتتاح مستشفى جديد في مدينة الجنوب يضم مئتي سرير",
             "وقسما للطوارئ.",
             "وذكرت الوزارة",
             "في بيان أن المستشفى سيخدم أكثر من نصف مليون نسمة من سكان المدينة والقرى",
             "المجاورة لها."]
    art = page(*lines)
    assert art.text.split("\n") == lines


def test_a_name_given_twice_above_the_headline_is_the_authors_box():
    art = page("سامي يوسف", "سامي يوسف", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    # a short headline given twice is still the headline
    short = "الحرب تتوسع"
    assert page(short, short, P1, P2).text.split("\n") == [short, P1, P2]


def test_english_site_tools_above_the_headline():
    art = page("Follow us", "What are you searching for?", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]


def test_a_headline_given_twice_under_a_ticker():
    ticker = ("ارتفاع أسعار الذهب في الأسواق المحلية المنتخب يفوز على ضيفه بهدفين نقابة المعلمين تعلن "
              "موعد الإضراب الأرصاد تتوقع أمطارا غزيرة على السواحل الشمالية افتتاح معرض الكتاب الدولي "
              "بمشاركة مئة دار نشر تراجع البطالة في الربع الثالث من العام")
    art = page(ticker, HEAD, HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.title == HEAD


def test_the_story_date_under_the_headline_wins_over_todays_date_above_it():
    art = page("الجمعة 22 نوفمبر 2024", "رئيس التحرير", "سامي يوسف", HEAD, "الأحد 20/أغسطس/2023 - 10:44 ص", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.published == "2023-08-20"
    # a date above the headline alone is still the page's date
    assert page("الجمعة 22 نوفمبر 2024", HEAD, P1, P2).published == "2024-11-22"


def test_a_name_alone_between_paragraphs_is_a_signature_not_text():
    art = page(HEAD, P1, "سامي يوسف", P2, P3)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]
    # a verb and its subject are not a name, even when the verb is also a given name
    verb = "صادق المجلس على القانون بالإجماع بعد نقاش طويل"
    assert page(HEAD, P1, verb, P2).text.split("\n") == [HEAD, P1, verb, P2]


def test_a_source_label_with_a_slash_and_a_place_dateline_with_a_tight_dash():
    art = page(HEAD, P1, P2, "المصدر / وكالات")
    assert art.text.split("\n") == [HEAD, P1, P2]
    art = page("القدس المحتلة-شبكة الأخبار المحلية", P1, P2)
    assert art.text.split("\n") == [P1, P2]


def test_latin_buttons_and_counters_in_an_arabic_page():
    art = page(HEAD, "Ad", P1, "23,456", P2, "Exit mobile version")
    assert art.text.split("\n") == [HEAD, P1, P2]
    # a year alone ending a wrapped sentence stays, and an English page keeps its short lines
    wrapped = ["وزير الصحة يفتتح مستشفى جديدا في الجنوب بعد ثلاث سنوات من العمل في بنائه منذ عام", "2023."]
    assert page(HEAD, *wrapped, P2).text.split("\n") == [HEAD, *wrapped, P2]
    english = ["Health minister opens a new hospital",
               "The health minister opened a new hospital in the south on Monday, with two hundred beds.",
               "Emergency care",
               "The hospital will serve half a million people, the minister said in a speech."]
    assert page(*english).text.split("\n") == english
