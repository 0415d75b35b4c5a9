"""Page furniture on everyday regional news (round 5, second pass): a list header with one story's title on
the same line, a box of terms each with its definition at the end of the page, an author's
name whose first word glues «عبد» to a divine name, and a «since a year» subheading that is
no relative time stamp. Every line here is written for this test."""

from __future__ import annotations

from text_page import labels, page

HEAD = "البلدية تفتتح سوقا شعبيا جديدا في الضاحية الجنوبية"
P1 = ("افتتحت البلدية، صباح الأحد، سوقا شعبيا جديدا في الضاحية الجنوبية يضم أكثر من مئتي محل "
      "للخضار والفواكه، بعد أشهر من أعمال التهيئة.")
P2 = ("وقال رئيس البلدية في كلمة خلال الافتتاح إن السوق سيخفف الازدحام عن وسط المدينة، وإن "
      "الإيجارات ستبقى في متناول الباعة الصغار.")
P3 = ("وأضاف أن البلدية تدرس إنشاء موقف للسيارات قرب السوق خلال العام المقبل، بحسب ما تسمح به "
      "الميزانية.")


def test_a_list_header_with_a_title_on_the_same_line_is_a_link():
    for teaser in ("أخبار ذات علاقة المدينة.. إغلاق شارع رئيسي لأعمال الصيانة يومين",
                   "اقرأ أيضا: افتتاح مكتبة عامة في الحي القديم بعد ترميمها"):
        art = page(HEAD, P1, teaser, P2, P3)
        assert art.text.split("\n") == [HEAD, P1, P2, P3], teaser
    # a header that also opens sentences of a text going on is left alone
    going_on = "في السياق ذاته، قال مدير الأسواق إن الباعة سيحصلون على تراخيص مؤقتة"
    assert going_on in page(HEAD, P1, going_on, P2).text
    # a sentence ending with a full stop after the header words stays
    said = "قد يهمك أيضا أن السوق يفتح أبوابه كل يوم من السابعة صباحا حتى المساء."
    assert labels(HEAD, P1, said, P2)[said][0] == "content"


def test_terms_with_their_definitions_at_the_end_are_furniture():
    cards = ["الضاحية الجنوبية", "الضاحية الجنوبية هي منطقة سكنية تقع جنوب المدينة، وتضم عددا من الأحياء.",
             "المجلس البلدي", "المجلس البلدي (MC) هو هيئة منتخبة تدير شؤون المدينة وخدماتها."]
    art = page(HEAD, P1, P2, P3, *cards)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]
    # one term with its definition may be an explainer's last section: it stays
    art = page(HEAD, P1, P2, *cards[2:])
    assert cards[3] in art.text


def test_an_author_name_with_abd_glued_under_the_headline():
    art = page(HEAD, "عبدالكريم علي", P1, P2)    # (its last word is spelled like «على»)
    assert art.text.split("\n") == [HEAD, P1, P2]


def test_since_a_year_is_a_subheading_not_a_time_stamp():
    sub = "منذ يناير 2023"
    art = page(HEAD, P1, P2, sub, P3)
    assert sub in art.text.split("\n")
    # a relative time stamp is still furniture
    assert labels(HEAD, "منذ 3 ساعات", P1, P2)["منذ 3 ساعات"][0] == "metadata"
