"""Page furniture, round 5 (issue 13): the shape of a line and where it stands, for kinds of
furniture every outlet has (date stamps with counters, photo credits, comment sections,
breadcrumb trails, issue numbers). Every line here is written for this test."""

from __future__ import annotations

from text_page import labels, page

HEAD = "المجلس البلدي يقر خطة لتوسيع شبكة المياه في الأحياء الشرقية"
P1 = ("أقر المجلس البلدي، مساء الثلاثاء، خطة لتوسيع شبكة المياه في الأحياء الشرقية بكلفة تقارب "
      "عشرين مليون دينار، على أن يبدأ التنفيذ مطلع الربيع المقبل.")
P2 = ("وقال رئيس المجلس في مؤتمر صحفي إن الخطة ستوصل المياه إلى أكثر من ثلاثين ألف منزل، وإن "
      "العمل سيجري على ثلاث مراحل.")
P3 = ("وأضاف أن البلدية ستنشر جدول الأشغال على موقعها قبل بدء كل مرحلة، حتى يعرف السكان مواعيد "
      "انقطاع المياه المؤقتة.")


def test_a_date_stamp_with_a_counter_a_user_name_or_a_label_is_furniture():
    for stamp in ("editor 12 مارس، 2024 87",                    # a user name, a date, views
                  "5 مارس 202431 مشاهدةآخر تحديث :",            # year and counter glued
                  "admin7 يناير 2024آخر تحديث :",               # a user name glued to the day
                  "تم نشره الخميس 04th كانون الثاني / يناير 2024 09:15 صباحاً",
                  "كتبه كتب في 2 فبراير 2024 - 10:20 ص"):
        art = page(HEAD, stamp, P1, P2)
        assert art.text.split("\n") == [HEAD, P1, P2], stamp
    # a sentence with a date and a number stays
    said = "وزار الوزير 3 مدن في 15 أكتوبر 2023 للاطلاع على سير الأشغال."
    assert said in page(HEAD, P1, said, P2).text
    # "6th" is no user name glued to a day
    assert page(HEAD, "Tuesday 6th of February 2024 08:10:00 AM", P1, P2).published == "2024-02-06"


def test_a_caption_ending_with_a_photo_credit_after_a_dash():
    for caption in ("عمال يمدون أنابيب المياه في حي الزهور - أرشيفية",
                    "خزان المياه الجديد على تلة المدينة ـ غيتي",
                    "أطفال يملؤون أوعية من صنبور عام بالحي الشرقي- أرشيفية"):
        art = page(HEAD, caption, P1, P2)
        assert art.text.split("\n") == [HEAD, P1, P2], caption
    # a sentence that ends with a full stop before the dash is no caption
    assert labels(HEAD, P1, "وقال إن الأرشيف سيفتح للعموم.", P2)["وقال إن الأرشيف سيفتح للعموم."][0] == "content"


def test_a_wire_photo_credit_with_a_photographer_is_a_caption_and_gives_the_day():
    caption = "رئيس المجلس البلدي خلال الجلسة في العاصمة، 9 أبريل، 2024. (Sami Haddad/AFP)"
    art = page(HEAD, P1, caption, P2, P3)
    assert caption not in art.text
    assert art.published == "2024-04-09"
    # an agency named alone in brackets after a sentence is the sentence's source
    quoted = "وأعلنت البلدية أن الأشغال ستنتهي في الصيف (رويترز)."
    assert quoted in page(HEAD, P1, quoted, P2).text


def test_a_person_caption_with_a_family_name_or_what_the_person_is_doing():
    for caption in ("رئيس الوزراء الدكتور سامي الحداد", "النائب خالد منصور متحدثاً"):
        art = page(HEAD, caption, P1, P2)
        assert art.text.split("\n") == [HEAD, P1, P2], caption


def test_a_comment_section_after_the_text_is_furniture_up_to_the_next_list():
    art = page(HEAD, P1, P2, "تعليقات الزوار ( 2 )", "اكتب رمز التحقق",
               "مشروع ممتاز ننتظره منذ سنوات", "نتمنى أن تصل المياه إلى حينا أيضا، فنحن نعاني منذ الصيف الماضي.",
               "اقرأ أيضا", "البلدية تفتتح حديقة عامة جديدة")
    assert art.text.split("\n") == [HEAD, P1, P2]
    # a comment counter above the text opens no zone
    art = page(HEAD, "تعليقات (3)", P1, P2, P3)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]


def test_a_breadcrumb_trail_ending_in_the_headline():
    trail = "الرئيسية أخبار محلية " + HEAD
    art = page(trail, HEAD, P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    assert art.title == HEAD        # the trail was the headline finder's pick: the line under it is
    # the headline with words of its own before it is another line
    other = "بعد عامين من الانتظار " + HEAD
    assert labels(other, HEAD, P1, P2)[other][1] != "breadcrumb to the headline"


def test_a_label_and_a_country_alone_on_a_line():
    art = page(HEAD, "نبض نيوز – الأردن", P1, P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    art = page(HEAD, P1, "المحليات - تونس", P2)
    assert art.text.split("\n") == [HEAD, P1, P2]
    art = page(HEAD, P1, P2, "صدى البلد – مصر", P3)
    assert art.text.split("\n") == [HEAD, P1, P2, P3]
    # two places joined by a dash make a headline, not a label
    assert labels("عمّان - بيروت", P1, P2)["عمّان - بيروت"][1] != "label and place"


def test_an_issue_number_with_its_date_is_the_masthead_not_the_headline():
    art = page("العدد 4102 - الأحد 14 يناير 2024م الموافق 3 رجب 1445هـ", HEAD, P1, P2)
    assert art.title == HEAD
    assert art.text.split("\n") == [HEAD, P1, P2]


def test_stamps_and_buttons_in_another_latin_script_language():
    art = page(HEAD, P1, "Yayın: 02.03.2024 11:40 / Güncelleme: 02.03.2024 12:05", "Paylaş için", P2)
    assert art.text.split("\n") == [HEAD, P1, P2]


def test_a_long_title_under_a_list_header_stays_in_the_list_unless_it_reads_as_text():
    related = ("خلال زيارته للمحافظة الجنوبية أمس وزير النقل يعلن خطة واسعة لإصلاح الطرق الريفية وتوسيع "
               "شبكة الحافلات بين القرى والمدينة خلال العامين المقبلين")
    art = page(HEAD, P1, P2, "اقرأ أيضا:", related)
    assert related not in art.text
    # a paragraph with no full stop after the list goes on with the text
    goes_on = ("وأشار رئيس المجلس إلى أن البلدية ستطلب تمويلا إضافيا من الحكومة إذا ارتفعت كلفة الأنابيب "
               "خلال الأشهر المقبلة بسبب الأسعار")
    art = page(HEAD, P1, "اقرأ أيضا:", "البلدية تفتتح حديقة عامة جديدة", goes_on)
    assert goes_on in art.text
