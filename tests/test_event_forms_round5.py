"""Round 5, sentence-level PROTEST / ASSAULT / COERCE (issue 11): forms of the three types by
class, from the lexicon (triggers.json), on our own news-style sentences. Protests told by a
crowd and a place or a motive, a march with its purpose, a strike without food; attacks told by
the shell that fell, the missile intercepted, the ambush, «اعتدى على»; arrests told by the
police as subject, «توقيف» of a person, custody, prison; dispersals of a sit-in."""

from __future__ import annotations

import pytest
from coded_sentences import asserted_types


@pytest.mark.parametrize("text, expected", [
    # protests: a crowd and where it gathered, a motive, the verb of a march or a sit-in
    ("نفذ سكان الحي وقفة أمام مقر البلدية صباح اليوم.", "PROTEST"),
    ("شارك المئات في مسيرة انطلقت من ساحة البلدة.", "PROTEST"),
    ("تجمهر العشرات أمام مبنى الشركة للمطالبة برواتبهم.", "PROTEST"),
    ("تجمع العشرات من الأهالي رفضا لقرار إغلاق المستوصف.", "PROTEST"),
    ("انطلقت مسيرة تضامنا مع الأسرى من أمام الجامع.", "PROTEST"),
    ("وتجمع المئات أمام مقر القنصلية مساء الخميس.", "PROTEST"),
    ("وانتقد المحتجون تأخر الإصلاحات الموعودة.", "PROTEST"),
    ("ودخل المعتقلون في إضراب مفتوح عن الطعام.", "PROTEST"),
    ("ورفع المشاركون في الوقفة صور المفقودين.", "PROTEST"),
    ("وصل أنصار الفريقين إلى الساحة واعتدوا على واجهات المحال.", "PROTEST"),
    # attacks told by their shells, interceptions, ambushes and assaults
    ("سقطت قذائف هاون على سوق شعبية في البلدة.", "ASSAULT"),
    ("صواريخ أطلقها المقاتلون سقطت قرب مدرسة في المدينة.", "ASSAULT"),
    ("اعترضت الدفاعات الجوية ثلاث طائرات مسيرة فوق العاصمة.", "ASSAULT"),
    ("أسقط الجيش صاروخا أطلق باتجاه القاعدة الجوية.", "ASSAULT"),
    ("نصب مسلحون كمينا لقافلة عسكرية على الطريق الجبلي.", "ASSAULT"),
    ("اعتدى مستوطنون على رعاة في الأغوار.", "ASSAULT"),
    ("تعرض سائق أجرة للطعن في وسط المدينة.", "ASSAULT"),
    ("أطلق المسلحون رشقات متتالية نحو المستوطنات الحدودية.", "ASSAULT"),
    # arrests, custody, prison; dispersals of a protest
    ("أوقفت الشرطة أربعة شبان في الحي الغربي.", "COERCE"),
    ("قبضت قوات الأمن على مطلوبين في المنطقة الصناعية.", "COERCE"),
    ("دهمت قوة أمنية مستودعا في ضواحي المدينة.", "COERCE"),
    ("تم احتجاز المدون لساعات في المطار.", "COERCE"),
    ("اقتادت دورية الأمن الشاب إلى جهة مجهولة.", "COERCE"),
    ("قررت النيابة حبس المتهمين على ذمة التحقيق.", "COERCE"),
    ("زجت السلطات بعشرات المعارضين في السجون.", "COERCE"),
    ("أصدرت المحكمة حكما بإعدام ثلاثة متهمين.", "COERCE"),
    ("فضت الشرطة الاعتصام بالقوة فجر الأحد.", "COERCE"),
    ("استخدمت قوات الأمن خراطيم المياه لتفريق المحتجين.", "COERCE"),
    ("منعت قوات الأمن المتظاهرين من بلوغ مقر البرلمان.", "COERCE"),
    ("أطلقت الشرطة الرصاص المطاطي على الحشود.", "COERCE"),
])
def test_forms_are_found(text, expected):
    assert expected in asserted_types(text), asserted_types(text)


@pytest.mark.parametrize("text, absent", [
    # a leader's walk, a career, a law, a player: no protest, attack or arrest
    ("وخرج المحافظ في جولة تفقدية إلى شوارع المدينة.", "PROTEST"),
    ("وشارك الوزير في مسيرة البناء منذ سنوات.", "PROTEST"),
    ("اعترض النائب على مشروع القانون في الجلسة.", "ASSAULT"),
    ("اعتدت الحكومة على حقوق الموظفين بقرارها الأخير.", "ASSAULT"),
    ("قرر الاتحاد توقيف اللاعب أربع مباريات.", "COERCE"),
    ("يشكو السجناء من ظروف احتجاز قاسية.", "COERCE"),
    # an employee suspended, a payment stopped: أوقف without an arrest
    ("أوقفت الإدارة خمسة عناصر عن العمل بعد التحقيق.", "COERCE"),
    ("أوقفت الشركة صرف رواتب مئات المواطنين.", "COERCE"),
    ("حاول متطوعون منع الاحتكاك بين المتظاهرين ورجال الشرطة أمام البرلمان.", "COERCE"),
    ("تحدث الرئيس عن سيدهم الذي قادهم في الحرب.", "COERCE"),
])
def test_look_alikes_are_not_events(text, absent):
    assert absent not in asserted_types(text), asserted_types(text)
