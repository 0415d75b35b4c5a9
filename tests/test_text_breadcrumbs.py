"""Breadcrumb and menu lines, and date lines with a Hijri and a Gregorian date
(held-out error classes T1 and T2), on page dumps we write."""

from __future__ import annotations

import pytest

from marsad.annotate.dates import tag_dates
from marsad.model import Article
from marsad.text.breadcrumbs import breadcrumb
from marsad.text.metadata import date_line
from text_page import page

HEAD = "افتتاح جسر جديد فوق النهر يربط شطري المدينة"
P1 = ("افتتح وزير الأشغال، أمس الأحد، جسرا جديدا فوق النهر يربط شطري المدينة، بعد ثلاث سنوات من "
      "العمل، في خطوة قال إنها ستخفف الازدحام المروري في وسط العاصمة.")
P2 = ("وقال الوزير إن الجسر صمم لتحمل حركة الشاحنات الثقيلة، وإن الوزارة ستفتتح جسرين آخرين قبل "
      "نهاية العام المقبل في المحافظات الجنوبية.")


@pytest.mark.parametrize("line, outlet", [
    ("نجمة الشمال > عربي ودولي", "نجمة الشمال"),
    ("نجمة الشمال » محليات", "نجمة الشمال"),
    ("صدى الوادي - الأردن", "صدى الوادي"),
    ("قناة الفجر الجديد | الأخبار | الشرق الأوسط", "قناة الفجر الجديد"),
    ("الوطني | الدولي | رياضة | ثقافة", None),
    ("الرئيسية > سياسة > عربي", None),
    ("محليات • اقتصاد • رياضة", None),
])
def test_breadcrumb_lines_and_their_outlet(line, outlet):
    found = breadcrumb(line, at_top=True)
    assert found is not None and found.outlet == outlet


@pytest.mark.parametrize("line, at_top", [
    ("غزة - هدنة جديدة تدخل حيز التنفيذ صباح اليوم", True),     # a dash and long items: a headline
    ("القمة العربية - الرياض 2025", True),                      # a digit: not a menu item
    ("نجمة الشمال - الأردن", False),                           # a dash far down the page
    ("الوزير | المدير", True),                                  # two items, no known section
    ("قال الوزير: الجسر جاهز", True),                            # no separator at all
])
def test_lines_that_are_not_breadcrumbs(line, at_top):
    assert breadcrumb(line, at_top=at_top) is None


def test_breadcrumbs_leave_the_text_and_name_the_outlet():
    art = page("صدى الوادي - الأردن", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "صدى الوادي" and art.provenance["outlet"] == "breadcrumb"
    art = page("أخبار الساحل الآن", "الوطني | الدولي | رياضة | ثقافة", HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert "الوطني | الدولي | رياضة | ثقافة" in art.boilerplate


def test_outlet_name_with_today_in_a_removed_line_gives_no_date():
    art = page("الرباط الكبرى اليوم - دولي", HEAD, "الأحد 20 أبريل 2025", P1, P2)
    assert art.outlet == "الرباط الكبرى اليوم"
    assert art.published == "2025-04-20"
    tag_dates(art)
    assert [(d.text, d.value) for d in art.dates if "اليوم" in d.text or "الأحد" in d.text] == [
        ("أمس الأحد", "2025-04-20")]   # a Sunday page's «yesterday, Sunday» was written the day after


def test_outlet_name_with_today_inside_the_text_is_no_date():
    art = Article(id="t", text="وقال مراسل الرباط الكبرى اليوم إن الجسر افتتح أمس.",
                  published="2025-04-20", outlet="الرباط الكبرى اليوم")
    tag_dates(art)
    assert [(d.text, d.value) for d in art.dates] == [("أمس", "2025-04-19")]


@pytest.mark.parametrize("line, value", [
    ("الجمعة 7 رمضان 1445 هـ - 15 مارس 2024 م", "2024-03-15"),
    ("السبت 12 رجب 1446 الموافق 11 يناير 2025", "2025-01-11"),
    ("الأحد 3 ذو الحجة 1445هـ - 9 يونيو 2024م", "2024-06-09"),
    ("الخميس 23 جمادى الأولى 1445 هـ | 7 ديسمبر 2023 م", "2023-12-07"),
])
def test_hijri_and_gregorian_date_lines_are_metadata(line, value):
    assert date_line(line) == value
    art = page(HEAD, line, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.published == value and line in art.boilerplate


def test_a_sentence_with_both_dates_is_not_a_date_line():
    assert date_line("وصل الحجاج في 3 ذو الحجة 1445 هـ الموافق 9 يونيو 2024") is None


def test_a_paragraph_opening_with_an_agency_in_brackets_loses_it():
    lead = ("(أ ف ب) – أعلن وزير الأشغال، أمس الأحد، افتتاح جسر جديد فوق النهر يربط شطري المدينة "
            "بعد ثلاث سنوات من العمل.")
    art = page(HEAD, lead, P2)
    assert art.text.split("\n")[1].startswith("أعلن وزير الأشغال")
    assert "(أ ف ب) –" in [b.strip() for b in art.boilerplate]
    art = page(HEAD, "(تحديث) – " + lead[10:], P2)      # not an agency: the line is left alone
    assert art.text.split("\n")[1].startswith("(تحديث)")
