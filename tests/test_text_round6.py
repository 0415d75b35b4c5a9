"""Page furniture, round 6 (issue 13): stamp rows, a caption closing with «. (credit)», the
headline printed with its author's name, what a dump leaves of a cut tag, paywall notices and
image file names, and lines wrapped after a preposition. Every line here is written for this
test."""

from __future__ import annotations

from text_page import labels, page

HEAD = "البلدية تفتح سوقا شعبية جديدة في الحي الغربي"
P1 = ("افتتحت البلدية، صباح الأحد، سوقا شعبية جديدة في الحي الغربي تضم نحو مئة وعشرين محلا، "
      "بعد عامين من أعمال البناء والتجهيز.")
P2 = ("وقال رئيس البلدية في كلمة خلال الافتتاح إن السوق ستخفف الازدحام عن وسط المدينة، وإن "
      "الأولوية في المحلات أعطيت لأصحاب البسطات.")
P3 = ("وأضاف أن البلدية ستنظم حافلات مجانية إلى السوق خلال الشهر الأول، حتى يتعرف السكان على "
      "موقعها الجديد.")


def test_a_stamp_row_of_a_date_and_page_labels_is_furniture():
    for stamp in ("الرصيف- 19 ديسمبر 2025",                                  # a name and a date
                  "تحقيقات / الجمعة 01 نوفمبر 2024 12:29:03 / لا توجد تعليقات:",  # section, date, counter
                  "أخبار محلية | 12/03/2024 | 3 تعليقات"):
        assert labels(HEAD, stamp, P1, P2)[stamp][0] == "metadata", stamp
        assert page(HEAD, stamp, P1, P2).text.split("\n") == [HEAD, P1, P2], stamp
    assert page(HEAD, "الرصيف- 19 ديسمبر 2025", P1, P2).published == "2025-12-19"


def test_a_headline_or_a_byline_with_a_date_is_no_stamp_row():
    # a part of two words or more that is no section, widget or counter: a headline
    for headline in ("سعر الدينار اليوم - 5 مايو 2024", "البلدية تفتح السوق - 5 مايو 2024"):
        art = page(headline, P1, P2)
        assert art.title == headline and P1 in art.text, headline
    # a byline keeps its author
    assert page(HEAD, "كتب: سامر حداد - 5 مايو 2024", P1, P2).author == "سامر حداد"


def test_a_caption_closing_with_a_full_stop_and_an_agency_in_brackets():
    caption = "محلات السوق الجديدة في الحي الغربي. (وكالات)"
    assert page(HEAD, caption, P1, P2).text.split("\n") == [HEAD, P1, P2]
    # above the first paragraph too, a sentence before the agency's credit stays: it opens
    # with a conjunction, holds a particle before a verb, or is longer than a caption
    for said in ("وأكد أن السوق ستفتح يوميا. (وكالات)",
                 "الوضع في السوق لا يزال هادئا. (وكالات)",
                 "السوق ستفتح أبوابها يوميا من السابعة صباحا حتى العاشرة ليلا، عدا أيام العطل الرسمية. (وكالات)"):
        assert said in page(HEAD, said, P1, P2).text.split("\n"), said


def test_inside_the_text_the_shapes_of_page_stamps_are_the_text():
    # below the first paragraph, a short sentence with its agency (a verb the lexicon does not
    # list, or none), a timeline's item and a short lead opening with a date are content
    for line in ("الحصيلة مرشحة للارتفاع. (وكالات)", "انتهى الاجتماع دون اتفاق. (وكالات)"):
        assert line in page(HEAD, P1, line, P2).text.split("\n"), line
        assert line in page(HEAD, P1, P2, line).text.split("\n"), line
    for line in ("15 مايو 1948 - النكبة", "الافتتاح - 10:30 صباحا",
                 "14 مارس 2024 بيروت - الرصيف نيوز: انفجار يهز المرفأ"):
        assert line in page(HEAD, P1, line, P2).text.split("\n"), line


def test_the_headline_printed_with_its_authors_name_above_the_headline_alone():
    art = page(HEAD + " سامر حداد", "", HEAD, "", P1, P2)
    assert art.title == HEAD
    assert art.text.split("\n") == [HEAD, P1, P2]
    # a headline that merely goes on after a shorter line is left as it is
    longer = HEAD + " بكلفة مليون دينار"
    assert page(longer, HEAD, P1, P2).title == longer


def test_what_a_dump_left_of_a_cut_tag_is_not_read_as_the_line():
    lab = labels("span>" + HEAD, P1, P2)
    assert lab["span>" + HEAD] == ("title", "first line")
    # and the headline and the text keep the line without it
    art = page("span>" + HEAD, P1, "</p>" + P2)
    assert art.title == HEAD and art.text.split("\n") == [HEAD, P1, P2]
    art = page("span>" + HEAD + " سامر حداد", HEAD, P1, P2)
    assert art.title == HEAD


def test_a_paywall_notice_and_an_image_file_name_are_furniture():
    for junk in ("نصوص الأرشيف للمشتركين؛ الرجاء الاشتراك في إحدى باقاتنا لقراءة المقالات القديمة كاملة.",
                 "يرجى تسجيل الدخول لمتابعة القراءة",
                 "هذا المحتوى مخصص للمشتركين فقط",
                 "uploads/2024/05/souq-west.jpeg)"):
        assert labels(HEAD, P1, junk, P2)[junk] == ("boilerplate", "pattern"), junk
    # a sentence about subscribing or signing in is the text: what is to be read is no
    # article, the notice is quoted, or the audience is not the site's subscribers
    for said in ("ودعت البلدية التجار إلى الاشتراك في خدمة الكهرباء الجديدة للاستفادة من التعرفة المخفضة.",
                 "أوضحت البلدية أنه يتعين عليكم تسجيل الدخول لقراءة فواتير الكهرباء.",
                 "وحذرت البلدية من رسائل تقول: يرجى تسجيل الدخول لتتمكن من استلام الطرد.",
                 "هذا الخبر متاح للأعضاء في نقابة التجار منذ يوم أمس"):
        assert said in page(HEAD, P1, said, P2).text.split("\n"), said


def test_a_line_wrapped_after_a_preposition_under_the_headline_is_the_text():
    # a hard-wrapped lead: the short line under the headline ends with «إثر», no label does
    top = "أغلقت البلدية"
    wrapped = "الطريق الرئيسي، الأحد، إثر"
    rest = "انهيار جزء من الرصيف بسبب الأمطار الغزيرة التي شهدتها المدينة خلال الليل."
    art = page(HEAD, top, wrapped, rest, P2)
    assert art.text.split("\n") == [HEAD, top, wrapped, rest, P2]


def test_the_pages_date_and_a_dateline_on_one_line():
    # the time of day glued to the place: tanween ends a word («صباحاًبيروت»)
    line = "14 مارس, 2024 09:40 صباحاًبيروت - الرصيف نيوز:"
    lab = labels(HEAD, line, P1, P2)
    assert lab[line] == ("metadata", "dated dateline")
    art = page(HEAD, line, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.published == "2024-03-14"
    # a sentence that opens with a date is the text
    said = "14 مارس 2024 كان يوما طويلا في بيروت - بحسب السكان"
    assert labels(HEAD, said, P1, P2)[said][0] != "metadata"
