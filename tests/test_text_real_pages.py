"""Real outlets' page dumps (issue 13): the line classifier on the layouts seen across
many sites, with features of the line and its neighbours. Every page here is written
for this test (no outlet's text): short labels and menus above the text, captions and
names under the headline, credits with a loose dash, date furniture, photo credits,
embedded posts' text, the headline again with the site's name, pull quotes, video
teasers, and the last line of a dump cut off in mid-paragraph (kept)."""

from __future__ import annotations

import pytest

from marsad.text.boilerplate import classify_lines
from text_page import labels, page

HEAD = "وزراء الزراعة العرب يتفقون على خطة مشتركة لمواجهة الجفاف"
P1 = ("اتفق وزراء الزراعة العرب، في ختام اجتماعهم الطارئ يوم الأحد، على خطة مشتركة لمواجهة موجة "
      "الجفاف التي تضرب المنطقة منذ عامين، تشمل صندوقا لدعم صغار المزارعين.")
P2 = ("وقال رئيس الاجتماع في مؤتمر صحفي إن الخطة تتضمن تبادل البذور المقاومة للجفاف وتوحيد أنظمة "
      "الري الحديث، مشيرا إلى أن التمويل سيأتي من مساهمات الدول الأعضاء.")
P3 = ("وكانت منظمات دولية قد حذرت من تراجع محاصيل القمح في عدة دول عربية بنسبة قد تصل إلى الثلث "
      "خلال الموسم المقبل.")


def kept(*lines: str) -> list[str]:
    return [ln.text.strip() for ln in classify_lines(list(lines)).lines if ln.kept]


# --- above the text -------------------------------------------------------------------

@pytest.mark.parametrize("label", ["الزراعة", "منبر الريف", "الحقل نيوز اليوم", "Almarsad", "edition"])
def test_a_short_line_above_the_text_is_a_label_not_a_headline(label):
    got = labels(label, P1, P2)
    assert got[label][0] == "boilerplate"
    assert kept(label, P1, P2) == [P1, P2]


def test_a_four_word_headline_stays_the_headline():
    short = "الجفاف يهدد المحاصيل العربية"
    got = labels(short, P1, P2)
    assert got[short] == ("title", "first line")


def test_hard_wrapped_text_is_not_taken_for_labels():
    # a dump that wrapped the first paragraph: the first line is short, the next ends mid-sentence
    lines = ["اتفق وزراء", "الزراعة العرب في ختام اجتماعهم الطارئ على خطة مشتركة لمواجهة الجفاف في",
             "المنطقة التي تعاني منذ عامين من تراجع الأمطار.", P2]
    assert kept(*lines) == lines


def test_menus_and_tickers_above_the_headline_are_removed():
    lines = ["• انطلاق مهرجان الربيع في المدينة القديمة", "• فريق المدينة يفوز بالكأس بعد مباراة مثيرة",
             "• افتتاح معرض الكتاب بمشاركة مئتي دار نشر", "1. الرئيسية", "2. اقتصاد", HEAD, P1, P2]
    got = labels(*lines)
    assert all(got[line][0] == "boilerplate" for line in lines[:5])
    assert got[HEAD] == ("title", "first line")


def test_one_summary_line_with_a_dash_before_the_text_stays():
    summary = "- وزير الزراعة: الخطة تبدأ بصندوق لصغار المزارعين.. والتمويل من الدول الأعضاء"
    assert summary in kept(summary, P1, P2)


def test_a_menu_of_sections_without_separators():
    row = "العالم العربي دولي عالمية"
    assert labels(row, HEAD, P1)[row] == ("boilerplate", "section label")


def test_staff_box_lines():
    lines = ["رئيس مجلس الإدارة", "سامي عبد الكريم", "رئيس التحرير", "هالة منصور", HEAD, P1]
    assert kept(*lines) == [HEAD, P1]


# --- under the headline ---------------------------------------------------------------

@pytest.mark.parametrize("line", ["وزير الزراعة", "حقل قمح", "نادر سليم", "مخاوف الجفاف"])
def test_captions_and_names_under_the_headline(line):
    got = labels(HEAD, line, P1, P2)
    assert got[line] == ("boilerplate", "label under the headline")


def test_a_subheading_of_four_words_under_the_headline_stays():
    sub = "خطة لدعم صغار المزارعين"
    assert sub in kept(HEAD, sub, P1, P2)


def test_a_short_subheading_between_paragraphs_stays():
    sub = "صندوق الدعم"
    assert kept(HEAD, P1, sub, P2, P3) == [HEAD, P1, sub, P2, P3]


@pytest.mark.parametrize("line, outlet", [
    ("الرباط- الحقل نيوز", "الحقل نيوز"),
    ("الرباط _ الحقل نيوز", "الحقل نيوز"),
    ("الحقل نيوز- وكالات", "الحقل نيوز"),
    ("الحقل/الرباط", "الحقل"),
])
def test_credits_with_a_loose_dash_at_the_top(line, outlet):
    art = page(HEAD, line, P1, P2)
    assert line not in art.text
    assert art.outlet == outlet


def test_a_loose_dash_headline_in_the_text_is_left_alone():
    sub = "الرباط- خطة للري"
    assert sub in kept(HEAD, P1, sub, P2)


def test_a_reporter_filing_from_a_place():
    art = page(HEAD, P1, "من الرباط: سامي عبد الكريم", P2, P3)
    assert "من الرباط" not in art.text
    assert art.author == "سامي عبد الكريم"


# --- dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("line, value", [
    ("17-مايو-2023", "2023-05-17"),
    ("أحد, 05/14/2023 - 10:40", None),
    ("تاريخ النشر: 14th, May 2023 GMT", "2023-05-14"),
    ("الأحد 14 مايو 2023 على الساعة 10:40", "2023-05-14"),
    ("آخر تحديث GMT10:40:12", None),
])
def test_date_furniture_is_removed(line, value):
    art = page(HEAD, line, P1, P2)
    assert line not in art.text
    if value:
        assert art.published == value


def test_a_date_line_with_a_hijri_date_and_marked_times():
    line = "الأحد 14 مايو 2023 10:40 صـ 24 شوال آخر 1444 هـ"
    assert line not in kept(line, HEAD, P1, P2)


def test_a_sentence_with_a_date_is_no_date_furniture():
    line = "موعد الاجتماع المقبل 14 مايو 2023 في الرباط"
    assert line in kept(HEAD, P1, line, P2)


def test_a_dump_date_stamp_does_not_hide_what_the_line_is():
    got = labels(" date 2025-03-02 منذ 5 ساعات", HEAD, P1)
    assert got["date 2025-03-02 منذ 5 ساعات"][0] == "metadata"
    stamped = " date 2025-03-02 " + HEAD
    assert labels(stamped, P1)[stamped.strip()] == ("title", "first line")


# --- captions, embeds, repeats ----------------------------------------------------------

def test_a_video_tag_is_no_photo_credit():
    head = "وزير الزراعة يتفقد الحقول المتضررة من الجفاف (فيديو)"
    assert labels(head, P1, P2)[head] == ("title", "first line")
    caption = "الوزير خلال جولته في الحقول (رويترز)"
    assert labels(HEAD, P1, caption, P2)[caption] == ("boilerplate", "caption")


@pytest.mark.parametrize("line", [
    "وزير الزراعة خلال الاجتماع صورة: وكالة الأنباء |",
    P2 + " صورة من: Omar Haddad/AFP",
    P2[:-1] + ".صورة من: الأرشيف",
    "الرباط ، الصورة نقلا عن وكالة الأنباء",
])
def test_a_line_ending_in_a_photo_credit_is_a_caption(line):
    assert line not in kept(HEAD, P1, line, P3)


def test_embedded_post_text_above_its_signature():
    intro = "وكتب الوزير على منصة إكس:"
    tweet = "اجتماع مثمر مع الأشقاء اليوم، والخطة المشتركة تدخل حيز التنفيذ فورا"
    sig = "— وزير الزراعة (@agri_minister) May 14, 2023"
    latin = "A productive meeting with our brothers today; the joint plan starts now"
    pic = "Thank you all pic.twitter.com/abc123XYZ"
    assert kept(HEAD, P1, intro, tweet, sig, P2) == [HEAD, P1, intro, P2]
    assert kept(HEAD, P1, latin, pic, P2) == [HEAD, P1, P2]


def test_a_caption_and_its_alt_text():
    cap = "وزير الزراعة في الاجتماع الطارئ"
    assert kept(HEAD, P1, cap, cap, P2) == [HEAD, P1, P2]


def test_the_headline_again_with_the_site_name():
    again = "الحقل نيوز - " + HEAD
    assert labels(HEAD, P1, again, P2)[again] == ("boilerplate", "repeated headline")


def test_the_headline_again_broken_over_two_lines():
    lines = [HEAD, "وزراء الزراعة العرب يتفقون", "على خطة مشتركة لمواجهة الجفاف", P1, P2]
    assert kept(*lines) == [HEAD, P1, P2]


def test_part_of_the_headline_as_a_subheading_stays():
    head = "وزراء الزراعة العرب يتفقون على خطة مشتركة.. وصندوق لصغار المزارعين"
    sub = "وصندوق لصغار المزارعين"
    assert sub in kept(head, P1, sub, P2)


def test_a_pull_quote_repeating_the_text():
    quote = "رئيس الاجتماع: الخطة تتضمن تبادل البذور المقاومة للجفاف وتوحيد أنظمة الري الحديث"
    assert kept(HEAD, P1, P2, quote, P3) == [HEAD, P1, P2, P3]
    new = "رئيس الاجتماع: سنعقد قمة خاصة بالمياه في الخريف المقبل بمشاركة الخبراء"
    assert new in kept(HEAD, P1, P2, new, P3)


def test_a_video_teaser_between_paragraphs():
    teaser = "مزارعون يروون معاناتهم مع الجفاف... فيديو"
    assert labels(HEAD, P1, teaser, P2)[teaser] == ("boilerplate", "teaser")


def test_a_subheading_ending_in_a_city_named_like_a_tag_stays():
    sub = "غارات جوية على أطراف مدينة صور"
    assert sub in kept(HEAD, P1, sub, P2)


def test_embedded_text_is_looked_for_a_few_lines_up_only():
    latin = ["Farmers in the region met on Sunday to discuss the drought plan and its funding.",
             "The ministers said the first payments would reach farmers in the spring.",
             "Observers welcomed the plan but asked for more money for irrigation.",
             "The next meeting is planned for the autumn in the capital."]
    pic = "A photo from the meeting pic.twitter.com/abc123XYZ"
    assert kept(*latin, pic)[:1] == latin[:1]


def test_laughter_quoted_in_a_paragraph_stays():
    line = "وكتب أحد المستخدمين ساخرا: «هههه، الخطة على الورق فقط»، في تعليق تداوله كثيرون."
    assert line in kept(HEAD, P1, line, P2)


@pytest.mark.parametrize("line", ["]]>", "* * *", "https://example.org/p/4AbC9", "www.example.org/news",
                                  "[email\u00a0protected]", "[email protected]", "[ad_1]"])
def test_lines_without_words(line):
    assert line not in kept(HEAD, P1, line, P2)


def test_a_like_our_page_prompt():
    line = "سجّل إعجابك بصفحتنا على فيسبوك لتصلك آخر الأخبار"
    assert kept(line, HEAD, P1) == [HEAD, P1]


def test_a_laughing_reader_comment_at_the_end():
    assert kept(HEAD, P1, P2, "هههههه كلام جميل") == [HEAD, P1, P2]


# --- the end of a dump ----------------------------------------------------------------

@pytest.mark.parametrize("last", [
    "وأضاف رئيس الاجتماع أن الوفود",
    "كما دعا الوزراء إلى",
    "وفي وقت سابق اليوم، أعلنت الوزارة",
    "من جهته قال ممثل المنظمة",
    "وفي و",
    "تشمل الخطة أيضا، بحسب البيان، برامج تدريب للمزارعين في",
])
def test_the_last_line_cut_off_after_a_paragraph_stays(last):
    assert kept(HEAD, P1, P2, last) == [HEAD, P1, P2, last]


@pytest.mark.parametrize("last", [
    "ارتفاع أسعار الخبز في الأسواق المحلية",
    "وزير الري يزور السدود الجنوبية",
])
def test_a_link_after_the_last_paragraph_still_goes(last):
    assert kept(HEAD, P1, P2, last) == [HEAD, P1, P2]


def test_a_cut_off_link_after_a_date_line_still_goes():
    lines = [HEAD, P1, P2, "مقالات ذات صلة", "ارتفاع أسعار الخبز في", "12 مايو 2023", "وزير الري يزور السدود في"]
    assert kept(*lines) == [HEAD, P1, P2]


def test_an_agency_end_marker_keeps_the_paragraph_whole():
    last = "وأكد الوزير أن الخطة ستنفذ على مراحل. انتهى/25"
    lines = [HEAD, P1, P2, last, "الأكثر قراءة", "ارتفاع أسعار الخبز في الأسواق"]
    assert kept(*lines) == [HEAD, P1, P2, last]
