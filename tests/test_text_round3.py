"""Real pages, round 3 (issues 13 and 11): how a page dump names its outlet when there is
no URL, and page furniture seen on a fresh dev part (c8) of outlets new to the corpus.
Every line here is written for this test, in the layouts such pages use."""

from __future__ import annotations

import pytest

from marsad.text.boilerplate import classify_lines
from marsad.text.metadata import (credit_after_headline, dateline, desk_label_outlet, plausible_outlet,
                                  self_reference_outlet, spaced_dashes, standalone_dateline)
from text_page import page

HEAD = "البرلمان يقر قانون الموازنة العامة بعد جلسة مطولة"
P1 = ("أقر البرلمان، مساء الثلاثاء، قانون الموازنة العامة للسنة المقبلة بأغلبية واضحة، بعد جلسة "
      "مطولة شهدت نقاشا حادا حول مخصصات الصحة والتعليم والدعم.")
P2 = ("وقال رئيس لجنة المالية في البرلمان إن الموازنة الجديدة ترفع الإنفاق على المستشفيات العامة، "
      "وتخفض العجز إلى أدنى مستوى منذ خمس سنوات.")
P3 = ("وكانت أحزاب المعارضة قد طالبت بتأجيل التصويت إلى الأسبوع المقبل، قبل أن توافق على مناقشة "
      "التعديلات في جلسة واحدة.")


# --- outlets (issue 11) ----------------------------------------------------------------

def test_a_spaced_tatweel_is_a_dash():
    assert spaced_dashes("طرابلس ـ صدى الواحات") == "طرابلس - صدى الواحات"
    assert spaced_dashes("الرئيس ـ حفظه الله ـ يستقبل") == "الرئيس - حفظه الله - يستقبل"
    assert spaced_dashes("قـال") == "قـال"                      # tatweel inside a word stays
    assert len(spaced_dashes("تونس ـ ـ")) == len("تونس ـ ـ")


def test_dateline_with_a_tatweel_dash_names_the_outlet():
    art = page("طرابلس ـ صدى الواحات", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "صدى الواحات"


def test_credit_with_a_tatweel_dash_under_the_headline():
    art = page(HEAD, "صدى الواحات ـ فريق التحرير", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "صدى الواحات"


@pytest.mark.parametrize("label, outlet", [
    ("رصد-النافذة", "النافذة"),
    ("رصد النافذة", "النافذة"),
    ("رصد الساحل اليوم", "الساحل اليوم"),
])
def test_desk_word_before_the_outlet(label, outlet):
    assert desk_label_outlet(label) == outlet
    art = page(label, HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == outlet


def test_desk_word_credit_at_the_end_of_the_text():
    art = page(HEAD, P1, P2, "رصد النافذة")
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "النافذة"


@pytest.mark.parametrize("label", ["رصد: كواليس الجلسة", "رصد محمد علي", "رصد 24 ساعة", "رصد", "رصد طرابلس"])
def test_desk_word_lines_that_name_no_outlet(label):
    assert desk_label_outlet(label) is None


def test_bracketed_name_after_the_place_is_the_outlet():
    found = dateline("أربيل (صوت السهل) - " + P1)
    assert found is not None and found.outlet == "صوت السهل" and found.agency is None
    art = page(HEAD, "أربيل (صوت السهل) - " + P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "صوت السهل"


def test_bracketed_agency_after_the_place_is_no_outlet():
    found = dateline("بيروت (رويترز) - " + P1)
    assert found is not None and found.agency == "رويترز" and found.outlet is None
    assert page(HEAD, "بيروت (رويترز) - " + P1, P2).outlet is None


@pytest.mark.parametrize("prefix, outlet, published", [
    ("تونس 3 مارس 2024 (المرصد التونسي) ", "المرصد التونسي", "2024-03-03"),
    ("تونس، 04/22/ 2024 (المرصد التونسي) ـ ", "المرصد التونسي", "2024-04-22"),
    ("الرباط 12 يناير 2025م (رويترز) - ", None, "2025-01-12"),
])
def test_dateline_with_a_date_before_the_credit(prefix, outlet, published):
    art = page(HEAD, prefix + P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == outlet
    assert art.published == published


def test_dateline_with_a_date_needs_a_known_place():
    assert dateline("الشارع الكبير 3 مارس 2024 (المرصد) " + P1) is None


def test_a_place_and_a_bracketed_name_alone_on_a_line():
    found = standalone_dateline("الرباط (النبأ)")
    assert found is not None and found.place == "الرباط" and found.outlet == "النبأ"
    art = page("الرباط (النبأ)", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "النبأ"
    # a caption with a credit is not a dateline: its first part is no place
    assert standalone_dateline("الوزير خلال الجلسة (رويترز)") is None


@pytest.mark.parametrize("text, outlet", [
    ("وقال مصدر حكومي لـ«الرصيف» إن الجلسة ستعقد غدا.", "الرصيف"),
    ("وأكد الوزير في تصريحات تابعتها \"شبكة الوادي\" أن القرار نهائي.", "شبكة الوادي"),
    ("وذكرت الوزارة في بيان تلقى راديو السهل نسخة منه أن الطريق أغلق.", "راديو السهل"),
    ("وقال النائب لموقع “صوت المدينة” إن التصويت تأجل.", "صوت المدينة"),
    ("وأفاد مراسل “صوت المدينة” بسماع دوي انفجار.", "صوت المدينة"),
])
def test_a_text_naming_its_own_outlet(text, outlet):
    assert self_reference_outlet(text) == outlet
    art = page(HEAD, P1, text)
    assert art.outlet == outlet


@pytest.mark.parametrize("text", [
    "ودعا الحزب لـ«حوار وطني» شامل قبل الانتخابات.",            # a quoted term, no speech before it
    "وقال مصدر أمني لـ«رويترز» إن الهجوم وقع فجرا.",             # an agency is a source
    "وأكدت الوزارة في بيان تلقت وكالة أنباء شينخوا نسخة منه ضرورة الحوار.",
    "وقالت الحكومة في بيان تلقت الوزارة نسخة منه إن الطريق أغلق.",
    "وقال مسؤول لـ«طرابلس» إن الوضع هادئ.",                     # a place
])
def test_texts_that_name_no_outlet_of_their_own(text):
    assert self_reference_outlet(text) is None


def test_the_most_named_outlet_wins():
    text = "قال مصدر لـ«الرصيف» إن … وقال نائب لـ«الرصيف» إن … وأكد وزير لـ«المنارة» أن …"
    assert self_reference_outlet(text) == "الرصيف"


def test_a_site_domain_alone_on_a_line():
    art = page(HEAD, "ALWADI.NEWS", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "ALWADI.NEWS"
    labels = classify_lines([HEAD, P1, "www.example.ma", P2]).lines
    assert labels[2].label == "boilerplate"


@pytest.mark.parametrize("value", ["مساء الأربعاء", "الخميس", "صباح الجمعة"])
def test_a_dateline_time_is_no_outlet(value):
    assert not plausible_outlet(value)


def test_outlet_without_quotation_marks():
    art = page(HEAD, "بغداد - «صوت السهل» - " + P1, P2)
    assert art.outlet == "صوت السهل"


def test_outlet_and_reporter_joined_by_a_colon():
    found = credit_after_headline("شمس الجنوب نيوز : عبد الرحمن العلوي")
    assert found is not None and found.outlet == "شمس الجنوب نيوز" and found.author == "عبد الرحمن العلوي"
    # "Name: a quote" is a headline; a colon needs an outlet word in the other part
    assert credit_after_headline("أحمد سعيد: لن نتراجع عن مطالبنا") is None


# --- page furniture (issue 13) ------------------------------------------------------------

def test_hijri_date_with_the_presentation_form_of_ha():
    art = page("السبت 10 شوال 1445ﻫ - 20 أبريل، 2024", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.published == "2024-04-20"


def test_hard_wrapped_lead_under_the_first_line_is_kept():
    lines = ["أعلنت وزارة", "الصحة أن", "حملة التلقيح الوطنية", "للأطفال", "بدأت صباح اليوم في كل المحافظات.", P2]
    labels = classify_lines(lines).lines
    assert all(ln.kept for ln in labels), [(ln.text, ln.reason) for ln in labels if not ln.kept]


def test_a_short_label_under_a_headline_still_goes():
    labels = classify_lines([HEAD, "صورة أرشيفية", P1, P2]).lines
    assert not labels[1].kept


@pytest.mark.parametrize("last", ["وم", "وعلى صعيد متصل أعلنت الشرطة", "ومنذ ذلك الحين يطالب الأهالي"])
def test_a_text_cut_off_at_the_end_of_the_dump_is_kept(last):
    labels = classify_lines([HEAD, P1, P2, last]).lines
    assert labels[-1].kept, labels[-1].reason


@pytest.mark.parametrize("last", ["Ad", "الأكثر قراءة", "أخبار ذات صلة"])
def test_a_short_line_at_the_end_is_still_removed(last):
    labels = classify_lines([HEAD, P1, P2, last]).lines
    assert not labels[-1].kept


OTHER_HEADLINES = ["ارتفاع أسعار الذهب في الأسواق المحلية خلال تعاملات اليوم",
                   "منتخب الشباب يتأهل إلى نهائي البطولة العربية للمرة الأولى",
                   "افتتاح معرض الكتاب الدولي بمشاركة مئات دور النشر"]


def test_a_list_of_other_headlines_above_the_text():
    art = page(*OTHER_HEADLINES, P1, P2)
    assert art.text.split("\n") == [P1, P2]
    assert art.title is None


def test_the_headline_among_other_headlines_stays():
    art = page(OTHER_HEADLINES[0], HEAD, OTHER_HEADLINES[1], OTHER_HEADLINES[2], P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.title == HEAD


def test_headline_kicker_and_standfirst_that_share_the_lead_stay():
    lines = ["جلسة الموازنة", HEAD, "المعارضة تطالب بتأجيل التصويت على مخصصات الصحة", P1, P2]
    labels = classify_lines(lines).lines
    assert [ln.kept for ln in labels][1:] == [True, True, True, True]


def test_staff_box_names_are_removed():
    art = page("الساحل نيوز", "رئيس التحرير", "عبد الرحيم علي", "مدير التحرير", "سلوى عبد الكريم", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.title == HEAD


def test_a_name_ending_like_a_preposition_is_not_a_wrapped_sentence():
    # "علي" is a name here, not the preposition على left hanging by a hard wrap
    labels = classify_lines(["الساحل نيوز", HEAD, "عبد الرحيم علي", P1, P2]).lines
    assert not labels[2].kept


@pytest.mark.parametrize("line", [
    "logo",
    "كل مقال يعبّر عن رأي كاتبه، ولا يمثّل بالضرورة سياسة الموقع.",
    "المقالات المنشورة تعبر عن رأي أصحابها",
])
def test_logo_and_opinion_disclaimers_are_removed(line):
    labels = classify_lines([HEAD, line, P1, P2]).lines
    assert not labels[1].kept


def test_an_opinion_about_an_article_is_kept():
    line = ("وقال الوزير إن المقال الذي نشرته الصحيفة يعبر عن رأي كاتبه الذي زار المحافظة "
            "مرتين خلال الشهر الماضي والتقى عددا من المسؤولين.")
    labels = classify_lines([HEAD, P1, line, P2]).lines
    assert labels[2].kept


def test_headline_copies_that_differ_by_quotation_marks():
    head = "اشتباكات عنيفة بين الجيش والمسلحين في محيط المستشفى الوطني"
    copy = "اشتباكات عنيفة بين الجيش و\"المسلحين\" في محيط المستشفى الوطني"
    art = page(head, "صدى الواحات -", copy, "صدى الواحات - " + copy, P1, P2)
    assert art.text.split("\n") == [head, P1, P2]
    assert art.outlet is None          # a name without an outlet word before a dash may be a person's


def test_an_outlet_name_before_a_dangling_dash():
    art = page(HEAD, "الساحل نيوز -", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "الساحل نيوز"


def test_a_subheading_before_a_cut_off_last_letter_is_kept():
    labels = classify_lines([HEAD, P1, P2, "حسابات معقدة", "و"]).lines
    assert labels[-2].kept and labels[-1].kept


def test_a_wire_service_credit_in_brackets_at_the_end():
    labels = classify_lines([HEAD, P1, P2, "(تغطية صحفية سامر حداد – إعداد ليلى يوسف للنشرة العربية)"]).lines
    assert not labels[-1].kept


def test_a_short_headline_given_twice_is_the_headline():
    art = page("الموازنة تمر", "الموازنة تمر", P1, P2)
    assert art.title == "الموازنة تمر"
    assert art.text.split("\n") == ["الموازنة تمر", P1, P2]


def test_a_name_with_an_outlet_word_on_its_own_line_is_the_outlet():
    art = page(HEAD, "الساحل الإخباري", "صحافة محلية – سلمى يوسف –", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "الساحل الإخباري"
    assert art.author == "سلمى يوسف"


@pytest.mark.parametrize("masthead, outlet", [
    ("تونس-الساحل اليوم", "الساحل اليوم"),
    ("أحمد سعيد", None),                       # a person's name above the text is a caption or a tag
])
def test_the_outlet_a_masthead_names(masthead, outlet):
    art = page(masthead, HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == outlet


def test_a_dateline_with_day_and_month_names_gives_no_outlet():
    art = page(HEAD, "القاهرة 2 مارس آذار (رويترز) – " + P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet is None


def test_the_quoted_name_in_a_dateline_segment_is_the_outlet():
    found = dateline("جدة - سلمى يوسف - \"الساحل 24\" من جدة: " + P1)
    assert found is not None and found.outlet == "الساحل 24"


@pytest.mark.parametrize("last", [
    "وتسعى الحكومة من خلال هذه الموازنة إلى خفض العجز المتراكم منذ",      # cut off, a connective
    "تسعى الحكومة من خلال هذه الموازنة إلى خفض العجز المتر",                  # ten words or more
    "صادق المجلس ",                                                           # the space before the cut
])
def test_the_text_cut_off_in_the_last_line(last):
    labels = classify_lines([HEAD, P1, P2, last]).lines
    assert labels[-1].kept, labels[-1].reason


@pytest.mark.parametrize("last", [
    "طرابلس – زار وزير الخارجية المالطي العاصمة الليبية أمس",     # another story's lead, with its dateline
    "شارك الخبر",
])
def test_a_teaser_or_widget_at_the_end_still_goes(last):
    labels = classify_lines([HEAD, P1, P2, last]).lines
    assert not labels[-1].kept, labels[-1].reason


@pytest.mark.parametrize("line, author, published", [
    ("سلمى يوسف28 فبراير 2026", "سلمى يوسف", "2026-02-28"),
    ("أحمد سعيد - 3 مارس 2025 10:15", "أحمد سعيد", "2025-03-03"),
])
def test_reporter_and_date_on_one_line(line, author, published):
    art = page(HEAD, line, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.author == author and art.published == published


def test_a_date_with_words_that_are_no_name_stays():
    line = "الموازنة الجديدة تبدأ في 3 مارس 2025"
    labels = classify_lines([HEAD, P1, line, P2]).lines
    assert labels[2].kept


def test_the_headline_again_with_a_longer_tail():
    longer = HEAD + " وسط خلاف حول مخصصات الصحة"
    art = page(HEAD, longer, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]


def test_outlet_and_reporter_with_a_colon_at_the_top():
    art = page("شمس الجنوب نيوز : سلمى يوسف", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "شمس الجنوب نيوز" and art.author == "سلمى يوسف"


def test_a_quoted_word_inside_the_outlets_name():
    found = dateline("رام الله - \"الساحل\" دوت كوم - " + P1)
    assert found is not None and found.outlet == "الساحل دوت كوم"


def test_outlet_then_section_in_a_dateline():
    found = dateline("الساحل – دولية: " + P1)
    assert found is not None and found.outlet == "الساحل" and found.place is None


@pytest.mark.parametrize("value", ["العالمية", "دولية"])
def test_a_section_with_or_without_the_article_is_no_outlet(value):
    assert not plausible_outlet(value)


def test_a_byline_is_no_outlet():
    assert not plausible_outlet("كتب محمد نسيم")
    assert plausible_outlet("الكاتب نيوز")


def test_a_feed_footer_names_the_site():
    footer = "The post مواجهات في الساحل appeared first on أخبار الوادي."
    art = page(HEAD, P1, P2, footer)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "أخبار الوادي"


@pytest.mark.parametrize("line", ["أرشيف الوسم : الموازنة", "أرشيف التصنيف: سياسة", "أكمل القراءة »"])
def test_archive_headers_and_read_more_links(line):
    labels = classify_lines([line, HEAD, P1, P2]).lines
    assert not labels[0].kept


def test_an_outlet_name_before_a_date_line():
    art = page(HEAD, "الساحل نيوز نشر في: 3 نوفمبر 2017", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "الساحل نيوز" and art.published == "2017-11-03"


@pytest.mark.parametrize("caption", [
    "رئيس الوزراء العراقي سالم عبد الكريم",
    "الفريق أول منصور العبيدي",
    "ولي العهد الأردني السابق",
    "الرئيس السوري ووزير الخارجية الفرنسي جان مارتان",
])
def test_a_caption_naming_a_person(caption):
    assert not classify_lines([HEAD, caption, P1, P2]).lines[1].kept        # under the headline
    assert not classify_lines([HEAD, P1, caption, P2]).lines[2].kept        # between paragraphs


@pytest.mark.parametrize("line", [
    "الرئيس التونسي يحذر من الفوضى",
    "وزير الخارجية يلتقي نظيره",
    "رئيس الحكومة المكلف",
    "التصعيد العسكري في الشرق الأوسط",
    "الملك يستقبل السفير الفرنسي",
])
def test_subheadings_with_a_title_stay(line):
    assert classify_lines([HEAD, P1, line, P2]).lines[2].kept


def test_a_person_caption_at_the_end_of_the_page_is_not_asked():
    # after the last paragraph, heading-like lines go anyway; this checks the caption rule
    # needs a paragraph on both sides
    labels = classify_lines([HEAD, P1, "رئيس الوزراء العراقي سالم عبد الكريم", P2]).lines
    assert labels[2].reason == "caption naming a person"


def test_outlet_in_brackets_after_a_verb_of_receiving():
    assert self_reference_outlet("وذكرت الوزارة في بيان تلقته (صوت المدينة) أن الطريق أغلق.") == "صوت المدينة"


@pytest.mark.parametrize("line, outlet", [
    ("> طرابلس «صدى الواحات»:", "صدى الواحات"),
    ("> \"صدى الواحات\" غرفة الأخبار:", "صدى الواحات"),
])
def test_quoted_outlet_credit_lines(line, outlet):
    art = page(line, P1, P2)
    assert art.text.split("\n") == [P1, P2]
    assert art.outlet == outlet


def test_short_paragraphs_without_full_stops_are_no_headline_list():
    lines = [HEAD, "قال الوزير إن الحكومة ستعمل على خفض الأسعار قريبا",
             "وأضاف أن الخطة ستبدأ مطلع الشهر المقبل في كل المدن",
             "كما دعا المواطنين إلى التعاون مع المصالح المعنية", P1, P2]
    labels = classify_lines(lines).lines
    assert all(ln.kept for ln in labels[:4]), [(ln.text, ln.reason) for ln in labels if not ln.kept]


def test_a_list_announced_by_the_last_paragraph_is_kept():
    intro = "وطالبت النقابة في بيانها الختامي الحكومة بجملة من الإجراءات العاجلة، أبرزها ما يلي:"
    items = ["- رفع الأجور في القطاع العام", "- تجميد أسعار المواد الأساسية", "- فتح حوار اجتماعي شامل"]
    labels = classify_lines([HEAD, P1, intro, *items]).lines
    assert all(ln.kept for ln in labels), [(ln.text, ln.reason) for ln in labels if not ln.kept]


def test_a_list_after_a_plain_last_paragraph_still_goes():
    items = ["- ارتفاع أسعار الخبز في الأسواق", "- وزير الري يزور السدود الجنوبية"]
    labels = classify_lines([HEAD, P1, P2, *items]).lines
    assert not labels[-1].kept and not labels[-2].kept


def test_a_byline_with_a_reading_time_widget():
    art = page(HEAD, "كتب سلمى يوسف 3 دقائق للقراءة", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.author == "سلمى يوسف"


@pytest.mark.parametrize("headline", ["إعلان حالة الطوارئ في المحافظات الجنوبية بعد الفيضانات",
                                      "إعلان عمان يؤكد وحدة الموقف العربي"])
def test_a_headline_opening_with_ilan_is_no_ad_label(headline):
    art = page(headline, P1, P2)
    assert art.title == headline and art.text.split("\n")[0] == headline


@pytest.mark.parametrize("line", ["إعلان", "إعلان ممول", "Advertisement", "اعلانات"])
def test_ad_labels_still_go(line):
    assert not classify_lines([HEAD, line, P1, P2]).lines[1].kept


def test_a_slogan_and_a_place_are_no_outlet():
    assert not plausible_outlet("القدس عاصمة فلسطين/ الظهران")


@pytest.mark.parametrize("line", [
    "تابع الوزير سير العمل في تطبيق نظام الدفع الإلكتروني الجديد بالمحافظات الجنوبية",
    "تابع رئيس الحكومة اجتماعه مع ممثلي هيئة قناة السويس",
    "المزيد من القوات الأمريكية تصل إلى المنطقة وسط تصاعد التوتر",
    "حمل الرئيس الحكومة مسؤولية التأخر في تطبيق الإصلاحات",
])
def test_news_sentences_that_open_like_widgets_stay(line):
    assert classify_lines([HEAD, P1, line, P2]).lines[2].kept


@pytest.mark.parametrize("line", [
    "تابع آخر الأخبار عبر قناتنا على تيليجرام",
    "حمّل تطبيق الموقع على هاتفك",
    "المزيد من الأخبار",
    "تابعونا على فيسبوك",
])
def test_widgets_that_open_like_news_still_go(line):
    assert not classify_lines([HEAD, P1, line, P2]).lines[2].kept
