"""The clean stage on text dumps we write: boilerplate out, subheadings and
paragraphs in, metadata lines turned into fields with their provenance."""

from __future__ import annotations

from marsad.model import Article
from marsad.text import clean
from marsad.text.boilerplate import classify_lines
from marsad.text.metadata import (
    byline, date_from_url, date_line, dateline, find_full_date, outlet_from_url, standalone_dateline,
)
from text_page import page

P1 = ("أعلنت وزارة النقل، اليوم الأحد، بدء العمل بجدول جديد لرحلات الحافلات بين المدن، "
      "يتضمن زيادة عدد الرحلات اليومية في أوقات الذروة وتمديد ساعات العمل حتى منتصف الليل.")
P2 = ("وقال المتحدث باسم الوزارة إن الجدول الجديد جاء استجابة لمطالب الركاب، مشيراً إلى أن الوزارة "
      "ستراجع التجربة بعد ثلاثة أشهر لتقييم نتائجها.")
P3 = ("وأضاف أن أسعار التذاكر لن تتغير، وأن الركاب يستطيعون حجز مقاعدهم عبر التطبيق الإلكتروني "
      "أو من شبابيك المحطات الرئيسية.")
HEAD = "جدول جديد لرحلات الحافلات بين المدن"


def test_a_full_text_dump():
    art = page("النقل والمواصلات", HEAD, "", "كتب: سامي الأحمد", "• 2024/05/19", "• 10:30 ص", "",
               "صورة الحافلات في المحطة المركزية (أرشيف)", P1, "", "تفاصيل الجدول", P2, P3,
               "Advertisements", "اقرأ أيضا:", "افتتاح طريق جديد بين المدينتين",
               "ارتفاع أسعار الوقود في الأسواق المحلية", "الأكثر قراءة", "1. خبر أول قصير", "2. خبر ثان قصير",
               "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
               "زر الذهاب إلى الأعلى")
    assert art.text.split("\n") == [HEAD, P1, "تفاصيل الجدول", P2, P3]
    assert art.title == HEAD and art.provenance["title"] == "headline"
    assert art.author == "سامي الأحمد" and art.provenance["author"] == "byline"
    assert art.published == "2024-05-19" and art.provenance["published"] == "dateline"
    assert "اقرأ أيضا:" in art.boilerplate and "زر الذهاب إلى الأعلى" in art.boilerplate
    assert "النقل والمواصلات" in art.boilerplate


def test_repeated_headline_and_captions_are_removed():
    art = page(HEAD, "", "Advertisements", "", HEAD, "", "وزير النقل خلال المؤتمر الصحفي (رويترز)", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.boilerplate.count(HEAD) == 1


def test_subheadings_followed_by_paragraphs_stay():
    art = page(HEAD, P1, "خلفية القرار", P2, "ردود الفعل", P3)
    assert art.text.split("\n") == [HEAD, P1, "خلفية القرار", P2, "ردود الفعل", P3]
    assert art.boilerplate == []


def test_link_titles_after_the_last_paragraph_go():
    art = page(HEAD, P1, P2, "هل تنجح خطة النقل الجديدة", "مقالات متعلقة", "خبر مرتبط أول", "محليات",
               "المزيد من محليات")
    assert art.text.split("\n") == [HEAD, P1, P2]


def test_embedded_posts_are_removed_and_date_the_article():
    art = page(HEAD, P1, "نص التغريدة عن الحافلات الجديدة pic.twitter.com/AbC123xyz",
               "— وزارة النقل (@transport_min) May 19, 2024", P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.published == "2024-05-19" and art.provenance["published"] == "embedded_post"


def test_share_cookie_and_image_lines():
    art = page(HEAD, "![](https://example-news.net/wp-content/uploads/2024/05/bus.jpg)", P1,
               "فيسبوك | تويتر | واتساب", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك", "A A A", P2,
               "جميع الحقوق محفوظة لموقع المثال 2024")
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.outlet == "example-news.net" and art.provenance["outlet"] == "image_url"


def test_dateline_prefix_becomes_fields():
    art = page(HEAD, "عمّان - خالد سعيد - " + P1, P2)
    assert art.text.split("\n")[1] == P1
    assert art.author == "خالد سعيد" and art.provenance["author"] == "dateline"
    assert "عمّان - خالد سعيد -" in art.boilerplate
    outlet = page(HEAD, "الصوت الحر – " + P1, P2)
    assert outlet.outlet == "الصوت الحر" and outlet.author is None


def test_speech_is_not_a_dateline():
    assert dateline("وقال الوزير: " + P2) is None
    art = page(HEAD, "وقال الوزير: " + P2)
    assert art.text.split("\n")[1].startswith("وقال الوزير:")


def test_given_metadata_wins():
    art = Article(id="g", raw="\n".join([HEAD, "• 2024/05/19", P1]), given={"published": "2024-05-20",
                                                                         "title": "عنوان آخر"})
    clean(art)
    assert art.published == "2024-05-20" and art.provenance["published"] == "given"
    assert art.title == "عنوان آخر" and art.provenance["title"] == "given"


def test_url_gives_outlet_and_date():
    art = clean(Article(id="u", raw=f"{HEAD}\n{P1}", url="https://www.example-news.net/2024/05/19/bus-plan/"))
    assert art.outlet == "example-news.net" and art.provenance["outlet"] == "url"
    assert art.published == "2024-05-19" and art.provenance["published"] == "url"


def test_html_only_article_is_extracted_by_clean():
    html = (f"<html><head><title>{HEAD}</title><meta name='author' content='منى سالم'></head>"
            f"<body><nav>الرئيسية</nav><article><h1>{HEAD}</h1><p>{P1}</p><p>{P2}</p></article></body></html>")
    art = clean(Article(id="h", html=html))
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.author == "منى سالم"


def test_metadata_parsers():
    assert date_line("نشر في: الأربعاء 12 فبراير 2025 - 10:45 م | آخر تحديث: الأربعاء 12 فبراير 2025") == "2025-02-12"
    assert date_line("الأحد، ٢ شباط/فبراير ٢٠٢٥") == "2025-02-02"
    assert date_line("12/02/2025") == "2025-02-12"
    assert date_line("قال الوزير في 12 فبراير 2025 إن الخطة جاهزة") is None
    assert find_full_date("جرى ذلك في 3 من أيلول 2023 صباحاً")[0] == "2023-09-03"
    assert byline("كتب : صفاء مصطفى... العرب نيوز").author == "صفاء مصطفى"
    assert byline("بقلم: رامي الخطيب").outlet is None
    assert byline("كتبت الصحف عن الموضوع كثيراً خلال الأسبوع الماضي وقالت إن الأمر مهم جداً") is None
    assert standalone_dateline("بغداد - الرافدين نيوز:").outlet == "الرافدين نيوز"
    assert standalone_dateline("ارتفاع الأسعار - تقرير") is None
    assert outlet_from_url("https://www.example.com/a") == "example.com"
    assert outlet_from_url("http://127.0.0.1:8000/a") is None
    assert date_from_url("https://x.net/news/2023/11/20/title") == "2023-11-20"
    assert date_from_url("https://x.net/news/2023/13/40/title") is None
    assert date_from_url("https://x.net/world/20260308/title") == "2026-03-08"
    assert date_from_url("https://x.net/20260308-title.html") == "2026-03-08"
    assert date_from_url("https://x.net/news.php?id=5&cdate=29012026") == "2026-01-29"
    assert date_from_url("https://x.net/news.php?date=20260129") == "2026-01-29"
    assert date_from_url("https://x.net/story/30701705/title") is None      # an article id
    assert date_from_url("https://x.net/story/20261399/title") is None      # no such day


def test_classification_reasons_are_given():
    result = classify_lines([HEAD, "", "مقالات ذات صلة", "خبر قصير مرتبط", P1])
    labels = [(ln.label, ln.reason) for ln in result.lines]
    assert labels[0] == ("title", "first line")
    assert labels[1] == ("boilerplate", "list header")
    assert labels[2] == ("boilerplate", "related list")
    assert labels[3][0] == "content"


def test_page_title_with_site_suffix_and_kicker_in_the_headline():
    html = ("<html><head><meta property='og:title' content='جدول جديد للحافلات | موقع المثال'>"
            "<meta property='og:site_name' content='موقع المثال'>"
            "<meta property='article:published_time' content='2024/05/19 10:00'></head>"
            f"<body><article><h1>عاجل: جدول جديد للحافلات</h1><p>{P1}</p><p>{P2}</p></article></body></html>")
    art = clean(Article(id="k", html=html))
    assert art.title == "جدول جديد للحافلات" and art.published == "2024-05-19"
    assert art.text.split("\n") == ["عاجل: جدول جديد للحافلات", P1, P2]


def test_place_outlet_byline_and_date_line_with_a_time_word_are_metadata():
    art = page(HEAD, "الموصل - وكالة الرافدين نيوز - بقلم: سامي الجبوري",
               "نشر بتاريخ: 14 آذار 2023 - 10:15 صباحاً", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert (art.author, art.outlet, art.published) == ("سامي الجبوري", "وكالة الرافدين نيوز", "2023-03-14")
    assert art.provenance["published"] == "dateline" and art.provenance["author"] == "byline"


def test_published_and_updated_times_on_one_line_are_metadata():
    art = page(HEAD, "نشر في: الخميس 9 مارس 2023 - 09:20 ص | آخر تحديث: 02:45 م", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.published == "2023-03-09"
    assert date_line("نشر في: الخميس 9 مارس 2023 - 09:20 ص | آخر تحديث: 02:45 م") == "2023-03-09"
    # a sentence after the bar is text, so the line is not a date line
    assert date_line("نشر في: 9 مارس 2023 | وقال الوزير إن الخطة جاهزة") is None


def test_a_given_date_wins_over_the_date_line():
    art = clean(Article(id="t", raw="\n".join([HEAD, "نشر بتاريخ: 14 آذار 2023 - 10:15 مساءً", P1]),
                        given={"published": "2023-03-15"}))
    assert art.published == "2023-03-15" and art.provenance["published"] == "given"
