"""Page furniture of Arabic news sites (held-out 2 error class 7): font-size and
print/share rows, listen and reading-time widgets, date labels without a date,
tag lines, author boxes, newsletter and app prompts, and credit lines under the
headline ("OUTLET - متابعة", "وكالات", "القسم السياسي", "OUTLET - Reporter").
All pages are written for this test, in the layouts of common Arabic news CMSs."""

from __future__ import annotations

import pytest

from marsad.text.boilerplate import classify_lines
from marsad.text.metadata import credit_after_headline, credit_line
from text_page import page

HEAD = "افتتاح محطة جديدة لتحلية مياه البحر على الساحل الشمالي"
P1 = ("افتتح وزير المياه، صباح الاثنين، محطة جديدة لتحلية مياه البحر على الساحل الشمالي بطاقة "
      "تبلغ مئة ألف متر مكعب يوميا، في مشروع قالت الوزارة إنه سيخدم نحو نصف مليون نسمة.")
P2 = ("وأوضح الوزير في كلمة خلال حفل الافتتاح أن المحطة تعمل جزئيا بالطاقة الشمسية، وأن الحكومة "
      "تعتزم بناء محطتين أخريين في المحافظات الجنوبية قبل نهاية العقد.")
P3 = ("وكانت المدن الساحلية قد عانت خلال الصيف الماضي من انقطاعات متكررة في المياه بسبب تراجع "
      "منسوب السدود وارتفاع الاستهلاك.")


@pytest.mark.parametrize("line", [
    "حجم الخط: A+ A-",
    "حجم الخط A+ A-",
    "تكبير الخط تصغير الخط",
    "تكبير الخط | تصغير الخط",
    "A- A A+",
    "A+",
    "+ -",
    "طباعة | مشاركة",
    "طباعة  شارك  حفظ",
    "طباعة - إرسال لصديق - حفظ",
    "فيسبوك تويتر واتساب نسخ الرابط",
    "استمع إلى المقال",
    "استمع للمقال",
    "مدة القراءة: 4 دقائق",
    "3 دقائق للقراءة",
    "دقيقتان للقراءة",
    "قراءة 5 دقائق",
    "تاريخ النشر:",
    "آخر تحديث:",
    "آخر تحديث: منذ 3 ساعات",
    "الوسوم: الموانئ، الطاقة، المياه",
    "كلمات مفتاحية: التحلية | الساحل",
    "الكلمات الدالة: وزارة المياه",
    "اشترك في نشرتنا البريدية",
    "سجّل بريدك الإلكتروني ليصلك كل جديد",
    "عن الكاتب",
    "كل مقالات الكاتب",
    "تابعوا آخر الأخبار عبر تطبيقنا على الهاتف",
    "للمزيد من الأخبار تابعونا على قناتنا في تيليجرام",
    "انقر هنا للاشتراك في القناة",
    "الرابط المختصر: https://example.org/a1b2",
    "ابدأ النقاش",
    "أضف تعليقًا",
    "تعليقات الزوار",
    "(3) تعليقات",
])
def test_widget_lines_are_removed(line):
    labels = classify_lines([HEAD, line, P1, P2]).lines
    assert labels[1].label in ("boilerplate", "metadata"), labels[1].reason


@pytest.mark.parametrize("line", [
    "وطالب النواب بزيادة الإنفاق على طباعة الكتب المدرسية وتوزيعها مجانا على التلاميذ.",
    "تكبير الدور الإقليمي",                          # a subheading that starts like a widget
    "حجم الخسائر",                                  # a subheading
    "ماذا بعد الافتتاح؟",
    "وقال المحرر المسؤول عن الملف إن التحقيق ما زال مستمرا في أسباب الحادث.",
    "المصدر: مسؤول في الوزارة طلب عدم ذكر اسمه قال إن المحطة تأخرت عامين عن موعدها المقرر.",
])
def test_lines_like_widgets_that_are_content_stay(line):
    art = page(HEAD, P1, line, P2, P3)
    assert line in art.text.split("\n")


@pytest.mark.parametrize("line, outlet", [
    ("وكالات", None),
    ("متابعات", None),
    ("المحرر", None),
    ("القسم السياسي", None),
    ("المحرر السياسي", None),
    ("فريق التحرير", None),
    ("شمس الجنوب - متابعة", "شمس الجنوب"),
    ("شمس الجنوب – خاص", "شمس الجنوب"),
    ("متابعة: شمس الجنوب", "شمس الجنوب"),
    ("خاص - بوابة الشرق نيوز", "بوابة الشرق نيوز"),
    ("المصدر: وكالات", None),
    ("المصدر : موقع النهار + وكالات", None),
])
def test_credit_lines(line, outlet):
    found = credit_line(line)
    assert found is not None and found.outlet == outlet and found.author is None


@pytest.mark.parametrize("line", [
    "القاهرة - وكالات",                         # a dateline: the place is not an outlet
    "متابعة الأزمة في السودان",                # no separator: a headline or subheading
    "خاص: ماذا يجري في المفاوضات؟",           # a kicker on a question
    "وكالات الإغاثة - تحذير من مجاعة وشيكة في الإقليم",   # a headline with a long second part
    "متابعة - خاص",                              # two credits, no outlet
    "خاص: كواليس المفاوضات",                     # a kicker on a headline
    "حصري - الرئيس يستقيل",
    "تقرير: الاقتصاد ينمو",
])
def test_not_credit_lines(line):
    assert credit_line(line) is None


def test_credit_with_a_reporter_under_the_headline():
    found = credit_after_headline("شمس الجنوب نيوز - عبد الرحمن العلوي")
    assert found is not None and found.outlet == "شمس الجنوب نيوز" and found.author == "عبد الرحمن العلوي"
    assert credit_after_headline("حماس - إسرائيل") is None          # no person
    assert credit_after_headline("غزة - محمد علي") is None          # a place, not an outlet


def test_outlet_and_reporter_line_only_right_under_the_headline():
    art = page(HEAD, "شمس الجنوب نيوز - عبد الرحمن العلوي", P1, P2, P3)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]
    assert art.outlet == "شمس الجنوب نيوز" and art.author == "عبد الرحمن العلوي"
    # the same form deep in the text is left alone (it may be a list item or a quote)
    art = page(HEAD, P1, P2, "شمس الجنوب نيوز - عبد الرحمن العلوي", P3)
    assert "شمس الجنوب نيوز - عبد الرحمن العلوي" in art.text.split("\n")


def test_kicker_headline_is_not_a_credit():
    headline = "خاص: كواليس مفاوضات المياه"
    art = page(headline, P1, P2)
    assert art.text.split("\n") == [headline, P1, P2]


def test_credit_line_names_the_outlet():
    art = page(HEAD, "شمس الجنوب - متابعة", P1, P2, P3)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]
    assert art.outlet == "شمس الجنوب"


# Whole pages in the layouts of widely read Arabic news sites, written for this test.

PAN_ARAB_CHANNEL = [   # a satellite channel's site: listen, share row, source line, app prompt
    "قناة المدى الإخبارية",
    "أخبار | اقتصاد",
    HEAD,
    "نشر في: 12 فبراير 2025 - 10:30 (بتوقيت مكة المكرمة)",
    "استمع إلى المقال",
    "حفظ",
    "شارك",
    "![محطة التحلية](https://cdn.example.org/img/plant.jpg)",
    P1,
    "إعلان",
    P2,
    "اقرأ أيضا",
    "الجفاف يهدد محاصيل القمح في السهول الداخلية",
    "خطة حكومية لترشيد استهلاك المياه في المدن",
    P3,
    "المصدر: قناة المدى + وكالات",
    "تابعوا آخر الأخبار عبر تطبيقنا على الهاتف",
]
GULF_NEWS_SITE = [     # a Gulf news site: date with Hijri, reading time, tags, share buttons
    "الرئيسية > اقتصاد",
    HEAD,
    "الأربعاء 13 شعبان 1446 هـ - 12 فبراير 2025 م",
    "مدة القراءة: 3 دقائق",
    "A A A",
    P1,
    P2,
    P3,
    "الوسوم: المياه، الطاقة الشمسية، الساحل",
    "فيسبوك تويتر واتساب نسخ الرابط",
    "الأكثر قراءة",
    "ارتفاع أسعار الذهب في الأسواق المحلية",
]
EGYPTIAN_DAILY = [     # an Egyptian daily: byline, date line, font size, print row, comments
    "الصفحة الرئيسية > أخبار مصر",
    HEAD,
    "كتب محمد عبد الحميد",
    "الأربعاء، 12 فبراير 2025 10:30 ص",
    "حجم الخط: A+ A-",
    "طباعة | مشاركة",
    P1,
    P2,
    "اقرأ أيضا: وزير الري يتفقد سدا جديدا في الجنوب",
    P3,
    "لمزيد من الأخبار تابعونا على قناتنا في تيليجرام",
    "أضف تعليقًا",
    "تعليقات الزوار",
]
MOROCCAN_SITE = [      # a Moroccan site: credit line with agency, reading time, author box
    HEAD,
    "شمس الجنوب - و.م.ع",
    "الأربعاء 12 فبراير 2025 - 10:30",
    "3 دقائق للقراءة",
    P1,
    P2,
    P3,
    "عن الكاتب",
    "كل مقالات الكاتب",
    "اشترك في نشرتنا البريدية",
    "سجّل بريدك الإلكتروني ليصلك كل جديد",
]
SYRIAN_SITE = [        # a Syrian independent site: "OUTLET – خاص", tag line, related list
    HEAD,
    "عنب الشام – خاص",
    "تاريخ النشر:",
    "12 فبراير 2025",
    "تكبير الخط تصغير الخط",
    P1,
    P2,
    P3,
    "كلمات مفتاحية: التحلية | الساحل",
    "مقالات متعلقة",
    "أزمة المياه تتفاقم في الأرياف",
    "حملة لصيانة شبكات المياه القديمة",
]
LONDON_DAILY = [       # a London-based pan-Arab daily: desk credit, dateline in the lead
    HEAD,
    "القسم السياسي",
    "نُشر: 10:30-12 فبراير 2025 م ـ 13 شعبان 1446 هـ",
    "آخر تحديث: منذ 3 ساعات",
    "الرياض: " + P1,
    P2,
    P3,
    "مواضيع",
    "المياه",
    "الطاقة",
]


@pytest.mark.parametrize("lines, outlet", [
    (PAN_ARAB_CHANNEL, None),
    (GULF_NEWS_SITE, None),
    (EGYPTIAN_DAILY, None),
    (MOROCCAN_SITE, "شمس الجنوب"),
    (SYRIAN_SITE, "عنب الشام"),
    (LONDON_DAILY, None),
], ids=["pan_arab_channel", "gulf_site", "egyptian_daily", "moroccan_site", "syrian_site", "london_daily"])
def test_whole_pages_keep_only_the_article(lines, outlet):
    art = page(*lines)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]
    assert art.published == "2025-02-12"
    if outlet:
        assert art.outlet == outlet


@pytest.mark.parametrize("line", [
    "آخر تحديث: 12 فبراير ,2025: 10:30 م KSA",
    "نشر في: 12 فبراير 2025 - 10:30 (بتوقيت مكة المكرمة)",
    "الأربعاء 12 فبراير 2025 | 10:30 ص بتوقيت القاهرة",
    "تاريخ النشر: الأربعاء 12/02/2025 - 10:30 GMT",
    "نُشر: 10:30-12 فبراير 2025 م ـ 13 شعبان 1446 هـ",
])
def test_date_lines_with_time_zones_give_the_publication_date(line):
    art = page(HEAD, line, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.published == "2025-02-12"


LEAD = ("أعلنت وزارة المياه صباح الاثنين افتتاح محطة جديدة لتحلية مياه البحر على الساحل الشمالي "
        "بطاقة تبلغ مئة ألف متر مكعب يوميا.")


@pytest.mark.parametrize("prefix, outlet, agency_only", [
    ("لندن: «الوادي الأخضر» ", "الوادي الأخضر", False),     # an outlet in quotation marks after the place
    ("دبي - المدار.نت - ", "المدار.نت", False),                # a dot inside the outlet's name
    ("الرباط - رصيف24 - ", "رصيف24", False),                  # a one-word outlet after the place
    ("بيروت - «المدى» - ", "المدى", False),
    ("القاهرة - أ ش أ - ", None, True),                        # an agency is not the outlet
])
def test_lead_datelines_of_common_layouts(prefix, outlet, agency_only):
    art = page(HEAD, prefix + LEAD, P2)
    assert art.text.split("\n") == [HEAD, LEAD, P2]
    assert art.outlet == outlet


def test_speech_with_a_quotation_is_not_a_dateline():
    line = "وقال الوزير: «إن المحطة ستعمل بكامل طاقتها قبل نهاية الشهر المقبل بحسب الخطة»."
    art = page(HEAD, P1, line)
    assert line in art.text.split("\n")


@pytest.mark.parametrize("line", [
    "1 دقيقة واحدة",
    "دقيقتان",
    "شارك 12",
    "35 مشاركة",
    "العدد 17890",
    "رقم الخبر: 48213",
    "3 / 12",
    "قبل 5 ساعات",
    "قبل ساعتين",
])
def test_counters_and_ages_are_removed(line):
    labels = classify_lines([HEAD, P1, line, P2]).lines
    assert labels[2].label in ("boilerplate", "metadata"), labels[2].reason


@pytest.mark.parametrize("line", ["قبل الانتخابات", "عائدون من غزة", "العدد الأكبر منذ عقد"])
def test_short_subheadings_that_look_like_counters_stay(line):
    art = page(HEAD, P1, line, P2, P3)
    assert line in art.text.split("\n")


def test_author_box_after_the_article_is_removed():
    art = page(HEAD, P1, P2, P3, "عن الكاتب", "سلمى الراشد", "صحفية متخصصة في شؤون البيئة والمياه")
    assert art.text.split("\n") == [HEAD, P1, P2, P3]


def test_outlet_and_region_credit_line():
    art = page(HEAD, "عنب الشام – ريف دمشق", P1, P2, P3)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]
    assert art.outlet == "عنب الشام"


def test_a_line_giving_the_articles_own_address_names_its_outlet():
    art = page(HEAD, P1, "رابط الخبر: https://www.example-news.ps/ar/post/1234")
    assert art.outlet == "example-news.ps"
    art = page(HEAD, P1, "لمزيد من التفاصيل: https://www.example-news.ps/ar/post/1234")
    assert art.outlet is None                       # not a source-link label


@pytest.mark.parametrize("value", ["11", "08", "مايو 5, 2024", "سياسة", "القاهرة", "2025-06-09", ":"])
def test_a_date_number_section_or_place_is_never_an_outlet(value):
    from marsad.text.metadata import plausible_outlet
    assert not plausible_outlet(value)


@pytest.mark.parametrize("value", ["العرب اليوم", "رصيف24", "المدار.نت", "بيروت تايمز"])
def test_outlet_names_pass(value):
    from marsad.text.metadata import plausible_outlet
    assert plausible_outlet(value)


def test_a_story_printout_says_when_no_text_names_its_outlet():
    from marsad.serve.text import format_story
    story = {"article_ids": ["a", "b"], "outlets": [], "main_event": None}
    assert "0 outlet(s): not named in the texts" in format_story(story, {"a": ("t", None), "b": ("t", None)})
    story["outlets"] = ["العرب اليوم"]
    out = format_story(story, {"a": ("t", "العرب اليوم"), "b": ("t", None)})
    assert "1 outlet(s): العرب اليوم (+1 article(s) naming none)" in out and "outlet(s): unknown" not in out
